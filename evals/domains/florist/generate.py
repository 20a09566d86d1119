"""Florist evaluation domain: 花间集 (Huajianji), same-day fresh-flower delivery in 上海/杭州/南京/苏州.

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  behavior_log.csv        storefront tracking of the four shops (微信小程序 / 天猫 / 美团闪购 / 小红书):
                          platform user id, event name (view_item, 加入购物车 / add_cart, 领券, 分享)
  order_flow.csv          order system: 下单, pay_success, 配送中, 已签收, 拒收, 差评 rows with
                          buyer_id, hua_xing, occasion, price_band (opaque P1..P4), peisong_shiduan,
                          peisong_id, songhua_ren, amounts (order_amount, coupon_discount,
                          delivery_fee, courier_cost)
  buyers.csv              会员表: buyer_id, 性别 M/F, 城市, 会员 1/0, 首单渠道, 注册时间
  sub_log.csv             每周一花 subscription system: OPEN / RENEW / CANCEL
  kefu_tickets.csv        客服工单 (GB18030)
  nps_survey.csv          post-delivery NPS (0–10)
  mkt_weekly.csv          marketing spend per channel per week (Monday dates)

— copies `ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.
Standard library + duckdb only. Stories: see description.md.
"""

from __future__ import annotations

import csv
import math
import os
import random
import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20260929
START = datetime(2025, 9, 29)
END = datetime(2026, 9, 29)  # as_of (Tuesday); data ends the day before
N_DAYS = (END - START).days

R = random.Random(SEED)

PLATFORMS = ["WXMP", "TMALL", "MTSG", "XHS"]
PLAT_W = [0.38, 0.27, 0.22, 0.13]
CITIES = ["上海", "杭州", "南京", "苏州"]
CITY_W = [0.40, 0.25, 0.20, 0.15]

HOLIDAYS = {  # name: (day, arrival multiplier on the peak days)
    "圣诞": (date(2025, 12, 25), 3.0),
    "情人节": (date(2026, 2, 14), 9.0),
    "母亲节": (date(2026, 5, 10), 5.0),
    "520": (date(2026, 5, 20), 5.0),
    "七夕": (date(2026, 8, 19), 6.0),
    "教师节": (date(2026, 9, 10), 3.0),
}
COUPON_NAME = {"圣诞": "圣诞花礼券", "情人节": "情人节满200减30", "母亲节": "母亲节康乃馨券",
               "520": "520告白券", "七夕": "七夕满减券", "教师节": "教师节感恩券"}
MT_DROP = date(2026, 6, 1)  # 美团闪购 conversion collapse
XHS_KOC = (date(2026, 6, 8), date(2026, 7, 6))  # 小红书 达人 campaign 夏日向日葵 (clicks, no buyers)
QIXI_HZ = (datetime(2026, 8, 18), datetime(2026, 8, 21))  # 七夕 delivery meltdown in 杭州
NJ_KEFU = date(2026, 4, 1)  # 南京 客服 outsourced: response times double
SUB_PROMO = (date(2026, 5, 1), date(2026, 6, 1))  # 每周一花 首月9.9 promo: that cohort churns

STYLES = ["玫瑰", "百合", "向日葵", "混搭", "绿植"]
OCCASIONS = ["生日", "纪念日", "探病", "表白", "商务", "节日"]
BANDS = {"P1": (99, 149), "P2": (159, 299), "P3": (319, 499), "P4": (520, 999)}


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights, k=1)[0]


def holiday_near(d: date, before: int = 3) -> str | None:
    for name, (h, _) in HOLIDAYS.items():
        if 0 <= (h - d).days <= before:
            return name
    return None


def day_weight(d: date) -> float:
    w = 1.25 if d.weekday() >= 5 else 1.0
    for name, (h, mult) in HOLIDAYS.items():
        k = (h - d).days
        if k == 0:
            w *= mult
        elif 1 <= k <= 3:
            w *= 1 + (mult - 1) * (0.6 if k == 1 else 0.3 if k == 2 else 0.15)
    if date(2026, 2, 16) <= d <= date(2026, 2, 23):  # 春节: couriers off
        w *= 0.35
    if XHS_KOC[0] <= d < XHS_KOC[1]:
        w *= 1.15
    return w


DAYS = [START.date() + timedelta(days=k) for k in range(N_DAYS)]
DAY_W = [day_weight(d) for d in DAYS]


def at(d: date) -> datetime:
    hour = pick(list(range(7, 24)), [2, 4, 6, 7, 7, 8, 8, 7, 6, 6, 6, 7, 8, 9, 8, 6, 3])
    return datetime(d.year, d.month, d.day, hour, R.randrange(60), R.randrange(60))


class Person:
    __slots__ = ("idx", "home", "city", "gender", "member", "uids", "buyer_id", "first_paid", "first_ch",
                 "reg_ts", "sessions", "paid_orders")

    def __init__(self, idx: int):
        self.idx = idx
        self.home = pick(PLATFORMS, PLAT_W)
        self.city = pick(CITIES, CITY_W)
        self.gender = pick(["F", "M"], [0.62, 0.38])
        self.member = chance(0.3)
        self.uids: dict[str, str] = {}
        self.buyer_id = ""
        self.first_paid: datetime | None = None
        self.first_ch = ""
        self.reg_ts: datetime | None = None
        self.paid_orders = 0

    def uid(self, plat: str) -> str:
        if plat not in self.uids:
            prefix = {"WXMP": "oWx", "TMALL": "tb", "MTSG": "mt", "XHS": "xhs"}[plat]
            self.uids[plat] = f"{prefix}{(self.idx * 7919 + len(self.uids) * 104729) % 9999991:07d}"
        return self.uids[plat]


behavior: list[list] = []
orders: list[list] = []
subs: list[list] = []
tickets: list[list] = []
nps_rows: list[list] = []
order_seq = [0]
buyer_seq = [0]
ticket_seq = [0]
sub_seq = [0]
COURIERS = {c: [f"PS{i:02d}{j:02d}" for j in range(1, 13)] for i, c in enumerate(CITIES, start=1)}


def conv_prob(plat: str, d: date, campaign: str, coupon: bool, p: Person) -> float:
    base = {"WXMP": 0.30, "TMALL": 0.22, "MTSG": 0.34, "XHS": 0.13}[plat]
    if plat == "MTSG" and d >= MT_DROP:
        base = 0.09
    if campaign == "夏日向日葵":
        base = 0.006
    if holiday_near(d):
        base *= 1.35
    if coupon:
        base += 0.08
    if p.member:
        base += 0.05
    return min(base, 0.9)


def choose_order(d: date, hol: str | None):
    if hol in ("情人节", "520", "七夕"):
        occ = pick(OCCASIONS, [3, 15, 0, 22, 2, 58])
        style = pick(STYLES, [72, 3, 3, 20, 2])
        band = pick(list(BANDS), [8, 35, 37, 20])
    elif hol == "母亲节":
        occ = pick(OCCASIONS, [5, 3, 2, 0, 2, 88])
        style = pick(STYLES, [12, 35, 10, 40, 3])
        band = pick(list(BANDS), [15, 50, 28, 7])
    elif hol == "教师节":
        occ = pick(OCCASIONS, [3, 0, 0, 0, 7, 90])
        style = pick(STYLES, [5, 12, 55, 20, 8])
        band = pick(list(BANDS), [35, 50, 13, 2])
    elif hol == "圣诞":
        occ = pick(OCCASIONS, [10, 10, 2, 15, 8, 55])
        style = pick(STYLES, [30, 8, 4, 50, 8])
        band = pick(list(BANDS), [20, 45, 27, 8])
    else:
        occ = pick(OCCASIONS, [36, 14, 12, 9, 24, 5])
        if occ == "探病":
            style = pick(STYLES, [3, 45, 25, 25, 2])
        elif occ == "商务":
            style = pick(STYLES, [8, 15, 10, 27, 40])
        elif occ == "表白":
            style = pick(STYLES, [80, 2, 3, 15, 0])
        else:
            style = pick(STYLES, [32, 18, 18, 28, 4])
        band = pick(list(BANDS), [30, 45, 19, 6] if occ != "商务" else [10, 40, 35, 15])
    return occ, style, band


def order_row(p, ts, name, plat, ono, style, occ, band, slot, amount="", disc="", fee="", courier="", ccost="",
              sender=""):
    orders.append([ono, p.buyer_id, p.uid(plat), name, f"{ts:%Y-%m-%d %H:%M:%S}", plat, style, occ, band, slot,
                   courier, sender, amount, disc, fee, ccost])


def ensure_buyer(p: Person, ts: datetime, plat: str) -> None:
    if not p.buyer_id:
        buyer_seq[0] += 1
        p.buyer_id = f"HJ{100000 + buyer_seq[0] * 7:06d}"
        p.reg_ts = ts - timedelta(minutes=R.randint(1, 20))
        p.first_ch = plat


def deliver(p: Person, ono: str, t_pay: datetime, plat: str, style, occ, band, slot, sender) -> None:
    meltdown = p.city == "杭州" and QIXI_HZ[0] <= t_pay < QIXI_HZ[1]
    if slot == "加急2小时":
        d1, d2 = R.uniform(8, 30), R.uniform(30, 75)
    else:
        d1, d2 = R.uniform(40, 170), R.uniform(35, 120)
    if meltdown:
        d1 *= R.uniform(2.0, 4.0)
        d2 *= R.uniform(2.0, 3.5)
    courier = R.choice(COURIERS[p.city])
    t_ship = t_pay + timedelta(minutes=d1)
    order_row(p, t_ship, "配送中", plat, ono, style, occ, band, slot, courier=courier, sender=sender)
    t_done = t_ship + timedelta(minutes=d2)
    late = (t_done - t_pay) > timedelta(hours=2 if slot == "加急2小时" else 6)
    ccost = (32 if slot == "加急2小时" else 15) + R.randint(0, 8) + (12 if meltdown else 0)
    if t_done >= END:
        return
    refuse_p = 0.16 if meltdown else 0.02
    if chance(refuse_p):
        order_row(p, t_done, "拒收", plat, ono, style, occ, band, slot, courier=courier, ccost=f"{ccost:.0f}",
                  sender=sender)
        return
    order_row(p, t_done, "已签收", plat, ono, style, occ, band, slot, courier=courier, ccost=f"{ccost:.0f}",
              sender=sender)
    bad_p = 0.28 if meltdown else (0.10 if late else 0.035)
    if chance(bad_p):
        t_bad = t_done + timedelta(hours=R.uniform(1, 30))
        if t_bad < END:
            order_row(p, t_bad, "差评", plat, ono, style, occ, band, slot, sender=sender)
    # tickets
    tp = 0.45 if meltdown else (0.20 if late else 0.085)
    if chance(tp):
        if meltdown or (late and chance(0.7)):
            cat = "送达超时"
        else:
            cat = pick(["花材不新鲜", "送达超时", "送错地址", "包装破损"], [40, 18, 12, 30])
        make_ticket(p, t_done + timedelta(minutes=R.uniform(10, 600)), cat, plat)
    # NPS
    if chance(0.2):
        t_n = t_done + timedelta(hours=R.uniform(2, 40))
        if t_n < END:
            if meltdown or late:
                score = pick(list(range(11)), [8, 6, 8, 10, 10, 10, 10, 9, 10, 6, 3])
            else:
                score = pick(list(range(11)), [1, 1, 1, 2, 2, 4, 6, 14, 22, 24, 23])
            comment = ""
            if chance(0.35):
                comment = R.choice(["送得太慢了", "等了好久", "花很新鲜", "包装好看", "小哥很有礼貌", "花有点蔫",
                                    "比图片小", "女朋友很喜欢", "性价比高"] if score >= 7 or not (meltdown or late)
                                   else ["送得太慢了", "等了好久", "超时没人通知", "花有点蔫"])
            nps_rows.append([p.buyer_id, f"{t_n:%Y-%m-%d %H:%M:%S}", score, comment, style])


def make_ticket(p: Person, opened: datetime, cat: str, plat: str) -> None:
    if opened.hour < 8:
        opened = opened.replace(hour=8) + timedelta(minutes=R.uniform(0, 90))
    if opened >= END:
        return
    ticket_seq[0] += 1
    src = pick(["在线客服", "电话", "平台工单"], [55, 25, 20] if plat in ("TMALL", "MTSG") else [70, 25, 5])
    frt = math.exp(R.gauss(math.log(14), 0.55))
    if src == "电话":
        frt *= 0.35
    if p.city == "南京" and opened.date() >= NJ_KEFU:
        frt *= 2.6
    first = opened + timedelta(minutes=frt)
    res_h = math.exp(R.gauss(math.log(5 if cat != "花材不新鲜" else 9), 0.8))
    resolved = first + timedelta(hours=res_h) if chance(0.97) else None
    if resolved and resolved >= END:
        resolved = None
    rating = ""
    if resolved and chance(0.55):
        slow = frt > 40
        rating = pick([1, 2, 3, 4, 5], [20, 20, 25, 20, 15] if slow else [5, 7, 15, 33, 40])
    complaint = "Y" if (cat == "送达超时" and chance(0.3)) or chance(0.08) else "N"
    tickets.append([f"KF{202500000 + ticket_seq[0] * 13}", p.buyer_id, src, cat, complaint,
                    opened, first, resolved, rating])


def session(p: Person, d: date, plat: str | None = None, campaign_hint: str = "") -> bool:
    plat = plat or (p.home if chance(0.85) else R.choice(PLATFORMS))
    t = at(d)
    hol = holiday_near(d)
    uid = p.uid(plat)
    campaign = ""
    if plat == "XHS":
        if XHS_KOC[0] <= d < XHS_KOC[1] and chance(0.75):
            campaign = "夏日向日葵"
        elif chance(0.5):
            campaign = "达人种草"
    if campaign_hint:
        campaign = campaign_hint
    coupon = False
    coupon_name = ""
    if chance(0.22 if hol else 0.10) and plat != "XHS":
        coupon = True
        coupon_name = COUPON_NAME[hol] if hol else ("新客立减20" if not p.buyer_id else "老客回购券")
        behavior.append([uid, "领券", t, plat, coupon_name, ""])
        t += timedelta(minutes=R.uniform(0.5, 5))
    n_views = pick([1, 2, 3, 4], [45, 30, 17, 8])
    style_seen = pick(STYLES, [35, 15, 15, 28, 7]) if campaign != "夏日向日葵" else "向日葵"
    for _ in range(n_views):
        behavior.append([uid, "view_item", t, plat, campaign, style_seen])
        t += timedelta(minutes=R.uniform(0.3, 4))
    if chance(0.08 if campaign != "夏日向日葵" else 0.25):
        behavior.append([uid, "分享", t, plat, campaign, style_seen])
        t += timedelta(minutes=R.uniform(0.2, 2))
    converts = chance(conv_prob(plat, d, campaign, coupon, p))
    if coupon and not converts and chance(0.12):
        # came back within 3 days to use the coupon
        t = t + timedelta(hours=R.uniform(4, 60))
        converts = True
    cart = converts or chance(0.30 if campaign != "夏日向日葵" else 0.15)
    if not cart:
        return False
    cart_name = "add_cart" if plat == "MTSG" else "加入购物车"
    behavior.append([uid, cart_name, t, plat, campaign, style_seen])
    t += timedelta(minutes=R.uniform(0.5, 8))
    if not converts and not chance(0.12):
        return False
    if t >= END:
        return False
    ensure_buyer(p, t, plat)
    order_seq[0] += 1
    ono = f"{t:%y%m%d}{order_seq[0]:06d}"
    occ, style, band = choose_order(t.date(), hol)
    slot_w = [30, 38, 18, 14] if not hol else [22, 30, 20, 28]
    slot = pick(["上午", "下午", "晚间", "加急2小时"], slot_w)
    sender = "匿名" if (occ == "表白" and chance(0.55)) or chance(0.05) else "实名"
    order_row(p, t, "下单", plat, ono, style, occ, band, slot, sender=sender)
    if not converts:
        return False
    t_pay = t + timedelta(minutes=R.uniform(0.3, 6))
    if t_pay >= END:
        return False
    lo, hi = BANDS[band]
    price = R.randrange(lo, hi + 1, 10) - 1 if lo >= 100 else R.randrange(lo, hi + 1)
    disc = 0
    if coupon:
        disc = {"新客立减20": 20, "老客回购券": 15}.get(coupon_name, 30 if price >= 200 else 15)
    fee = (0 if price >= 199 else 10) + (20 if slot == "加急2小时" else 0)
    amount = price - disc
    order_row(p, t_pay, "pay_success", plat, ono, style, occ, band, slot, amount=f"{amount:.2f}",
              disc=f"{disc:.2f}" if disc else "0", fee=f"{fee:.2f}", sender=sender)
    p.paid_orders += 1
    if p.first_paid is None:
        p.first_paid = t_pay
    deliver(p, ono, t_pay, plat, style, occ, band, slot, sender)
    return True


def subscription(p: Person, t0: datetime) -> None:
    if t0 >= END:
        return
    sub_seq[0] += 1
    sid = f"SUB{sub_seq[0]:05d}"
    promo = SUB_PROMO[0] <= t0.date() < SUB_PROMO[1]
    plan = pick(["每周一花·经典", "每周一花·轻奢"], [70, 30])
    price = 199 if plan.endswith("经典") else 299
    subs.append([sid, p.buyer_id, "OPEN", t0, plan, "9.90" if promo else f"{price:.2f}"])
    t = t0
    k = 0
    while True:
        keep = (0.38 if k == 0 else 0.72) if promo else (0.86 if k == 0 else 0.88)
        if p.member:
            keep = min(keep + 0.04, 0.95)
        nxt = t + timedelta(days=30, hours=R.uniform(-6, 30))
        if not chance(keep):
            tc = t + timedelta(days=R.uniform(10, 29))
            if tc < END:
                subs.append([sid, p.buyer_id, "CANCEL", tc, plan, ""])
            return
        if nxt >= END:
            return
        subs.append([sid, p.buyer_id, "RENEW", nxt, plan, f"{price:.2f}"])
        t = nxt
        k += 1


def simulate() -> None:
    n_people = 7900
    people = []
    arrivals = R.choices(DAYS, weights=DAY_W, k=n_people)
    arrivals.sort()
    for i, d in enumerate(arrivals):
        people.append((d, Person(i + 1)))
    # the 夏日向日葵 达人 notes bring a crowd of 小红书 visitors who hardly ever buy
    koc_days = [d for d in DAYS if XHS_KOC[0] <= d < XHS_KOC[1]]
    for j in range(1000):
        p = Person(n_people + j + 1)
        p.home = "XHS"
        people.append((R.choice(koc_days), p))
    people.sort(key=lambda x: (x[0], x[1].idx))
    hol_days = sorted((h, name) for name, (h, _) in HOLIDAYS.items())
    for d0, p in people:
        d = d0
        paid = session(p, d, "XHS" if p.idx > n_people else None, "夏日向日葵" if p.idx > n_people else "")
        if paid and p.paid_orders == 1:
            sub_p = 0.09 if p.first_ch == "WXMP" else 0.03
            if SUB_PROMO[0] <= d < SUB_PROMO[1]:
                sub_p *= 4
            if chance(sub_p):
                subscription(p, p.first_paid + timedelta(days=R.uniform(0, 12)))
        # later sessions
        while True:
            cont = (0.62 if p.member else 0.40) if p.paid_orders else 0.25
            if not chance(cont):
                break
            d = d + timedelta(days=int(R.expovariate(1 / (40 if p.member else 55))) + 1)
            if d >= END.date():
                break
            session(p, d)
        # holiday returns of past buyers
        for h, name in hol_days:
            if h <= d0 or not p.buyer_id:
                continue
            if p.first_paid and p.first_paid.date() >= h:
                continue
            if chance(0.22 if p.member else 0.10):
                session(p, h - timedelta(days=R.choice([0, 1, 1, 2, 3])))
        # a few stray subscribers open from a late session (promo month)
        if p.buyer_id and SUB_PROMO[0] <= d0 < SUB_PROMO[1] and not p.paid_orders and chance(0.0):
            pass
    # buyers table rows
    global PEOPLE
    PEOPLE = [p for _, p in people]


PEOPLE: list[Person] = []


def write_sources(folder: Path) -> None:
    def ts(x):
        return f"{x:%Y-%m-%d %H:%M:%S}" if x else ""

    with open(folder / "behavior_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["platform_uid", "event_name", "event_time", "platform", "campaign_tag", "hua_xing"])
        for uid, ev, t, plat, camp, style in sorted(behavior, key=lambda r: (r[2], r[0])):
            if t < END:
                w.writerow([uid, ev, ts(t), plat, camp, style])
    with open(folder / "order_flow.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "buyer_id", "platform_uid", "status_event", "event_time", "platform", "hua_xing",
                    "occasion", "price_band", "peisong_shiduan", "peisong_id", "songhua_ren", "order_amount",
                    "coupon_discount", "delivery_fee", "courier_cost"])
        for row in sorted(orders, key=lambda r: (r[4], r[0])):
            w.writerow(row)
    with open(folder / "buyers.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["buyer_id", "性别", "城市", "会员", "首单渠道", "注册时间"])
        chname = {"WXMP": "微信小程序", "TMALL": "天猫", "MTSG": "美团", "XHS": "小红书"}
        for p in sorted((p for p in PEOPLE if p.buyer_id), key=lambda p: p.buyer_id):
            w.writerow([p.buyer_id, p.gender, p.city, 1 if p.member else 0, chname[p.first_ch], ts(p.reg_ts)])
    with open(folder / "sub_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["sub_id", "buyer_id", "action", "action_time", "plan_name", "pay_amount"])
        for row in sorted(subs, key=lambda r: (r[3], r[0])):
            w.writerow(row[:3] + [ts(row[3])] + row[4:])
    with open(folder / "kefu_tickets.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["工单编号", "会员号", "来源", "问题类型", "是否投诉", "创建时间", "首次回复时间", "完结时间", "评分"])
        for row in sorted(tickets, key=lambda r: r[0]):
            w.writerow(row[:5] + [f"{x:%Y/%m/%d %H:%M}" if x else "" for x in row[5:8]] + [row[8]])
    with open(folder / "nps_survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["会员号", "提交时间", "推荐分", "留言", "花型"])
        for row in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow(row)
    with open(folder / "mkt_weekly.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["周一日期", "渠道", "投放项目", "花费"])
        wk = START.date()
        while wk < END.date():
            days = min(7, (END.date() - wk).days)
            frac = days / 7
            peak = max((mult for name, (h, mult) in HOLIDAYS.items() if 0 <= (h - wk).days <= 7), default=1.0)
            boost = 1 + (peak - 1) * 0.25
            rows = [
                ("XHS", "达人种草", 5200 * boost),
                ("MTSG", "美团推广通", 4200 * boost * (1.25 if wk >= MT_DROP else 1.0)),
                ("TMALL", "直通车", 3600 * boost),
                ("WXMP", "朋友圈广告", 2600 * boost),
            ]
            if XHS_KOC[0] <= wk < XHS_KOC[1]:
                rows.append(("XHS", "夏日向日葵", 26000.0))
            for plat, camp, amt in rows:
                w.writerow([f"{wk:%Y/%m/%d}", plat, camp, f"{amt * frac * R.uniform(0.85, 1.15):.2f}"])
            wk += timedelta(days=7)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="florist-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
