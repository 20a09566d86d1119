"""Coffee evaluation domain: 鹿角咖啡 (Lujiao Coffee), ~60 stores in 北京/上海/深圳/成都/武汉.

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  members.csv               会员系统: member_no, openid, phone_md5, gender, city, member_level,
                            reg_channel, student_verified (1/0), reg_time
  mp_log/YYYY-MM.csv        小程序 event log (openid; open_app, 浏览菜单, add_to_cart, 领券, 用券,
                            邀请好友, 充值, 开通月卡, 月卡续费)
  order_flow.csv            POS / order backend, one row per order status (下单, 支付成功, 制作完成,
                            取餐, 配送完成, 退款), order_source wx_mini / meituan / eleme / pos
  kefu_tickets.csv          客服工单 (GB18030)
  order_rating.csv          post-order 1–5 star ratings
  marketing_spend.csv       daily spend per media × campaign

— copies `ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.
Standard library + duckdb only.
"""

from __future__ import annotations

import csv
import hashlib
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

SEED = 20261201
START = datetime(2025, 12, 1)
END = datetime(2026, 12, 1)  # as_of (Tuesday); data ends 2026-11-30 23:59
N_DAYS = (END - START).days

COCO_LAUNCH = datetime(2026, 4, 15)        # 生椰丝绒拿铁 launch
ELM_COMMISSION = datetime(2026, 8, 1)      # 饿了么 commission 16% -> 20%
RAIN = (datetime(2026, 6, 15), datetime(2026, 7, 21))  # 武汉 梅雨季
C99 = (datetime(2026, 9, 1), datetime(2026, 9, 22))    # 9.9元尝鲜 coupon campaign

CITIES = ["北京", "上海", "深圳", "成都", "武汉"]
CITY_W = [0.25, 0.28, 0.2, 0.15, 0.12]
CITY_CODE = {"北京": 1, "上海": 2, "深圳": 3, "成都": 4, "武汉": 5}
N_STORES = {"北京": 15, "上海": 16, "深圳": 12, "成都": 9, "武汉": 8}
LEVELS = ["普通", "银卡", "金卡", "黑卡"]
REG_CH = ["小程序自然", "门店扫码", "朋友圈广告", "抖音本地生活", "小红书", "地推", "好友邀请"]
REG_W = [0.22, 0.3, 0.12, 0.1, 0.1, 0.08, 0.08]
CATS = ["美式", "拿铁", "生椰系列", "茶饮", "轻食"]
PRICE = {"美式": 15, "拿铁": 19, "生椰系列": 21, "茶饮": 17, "轻食": 16}
CUP_ADD = {"中杯": 0, "大杯": 3, "超大杯": 5}
BEIZHU = ["", "", "", "", "少冰", "去冰", "少糖", "不加糖", "多加一份浓缩", "燕麦奶", "快点谢谢", "放门口"]

R = random.Random(SEED)


def md5(s: str) -> str:
    return hashlib.md5(s.encode()).hexdigest()


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


HOUR_W = [0, 0, 0, 0, 0, 0, 0.3, 2, 6, 5, 3, 2.5, 4, 3.5, 2.5, 3, 2.5, 2, 1.5, 1.2, 1, 0.6, 0.3, 0]


def at(d: date) -> datetime:
    h = R.choices(range(24), weights=HOUR_W)[0]
    return datetime(d.year, d.month, d.day, h, R.randrange(60), R.randrange(60))


def within(ts) -> bool:
    return ts is not None and START <= ts < END


def inw(ts, w) -> bool:
    return w[0] <= ts < w[1]


mp_rows: list[tuple] = []     # ts, openid, event, mendian_id, coupon_id, activity, pay_amt, topup_amt
order_rows: list[tuple] = []  # per status
ticket_rows: list[tuple] = []
rating_rows: list[tuple] = []
member_rows: list[tuple] = []
_seq = {"order": 0, "ticket": 0, "member": 0, "plat": 0}


def nxt(k):
    _seq[k] += 1
    return _seq[k]


class P:
    def __init__(self, idx, member=True, reg=None, reg_ch=None):
        self.idx = idx
        self.member = member
        self.city = pick(CITIES, CITY_W)
        self.stores = [f"MD{CITY_CODE[self.city]}{R.randint(1, N_STORES[self.city]):03d}" for _ in range(2)]
        self.student = chance(0.2)
        self.gender = "女" if chance(0.6) else "男"
        self.level = pick(LEVELS, [0.5, 0.28, 0.16, 0.06])
        self.reg = reg
        self.reg_ch = reg_ch or pick(REG_CH, REG_W)
        self.member_no = f"LJ{nxt('member'):07d}" if member else ""
        self.openid = "oLJc" + md5(f"wx{idx}")[:24] if member else ""
        self.phone = md5(f"phone{idx}")
        self.plat_linked = chance(0.6)
        self.mt_uid = f"MT{R.randint(10**8, 10**9 - 1)}"
        self.elm_uid = f"ELM{R.randint(10**8, 10**9 - 1)}"
        self.pass_until = None


def mp(p, ts, ev, store="", coupon="", act="", pay="", topup=""):
    if within(ts):
        mp_rows.append((ts, p.openid, ev, store, coupon, act, pay, topup))


def category(ts):
    w = [0.22, 0.33, 0.15, 0.18, 0.12]
    if ts >= COCO_LAUNCH:
        w = [0.18, 0.25, 0.33, 0.14, 0.10]
    return pick(CATS, w)


def ice_share(ts):
    return 0.55 + 0.3 * math.sin((ts.timetuple().tm_yday - 105) / 365 * 2 * math.pi)


def place_order(p, t, src, coupon="", act="", first99=False):
    """One order: the backend's status rows, maybe a ticket, a rating, a refund."""
    if not within(t):
        return False
    no = f"{t:%y%m%d}{CITY_CODE[p.city]}{nxt('order'):06d}"
    store = R.choice(p.stores)
    cat = category(t)
    if first99:
        cat = pick(["拿铁", "生椰系列", "美式"], [0.5, 0.3, 0.2])
    cup = "" if cat == "轻食" else pick(["中杯", "大杯", "超大杯"], [0.5, 0.38, 0.12])
    temp = "" if cat == "轻食" else ("冰" if chance(ice_share(t)) else "热")
    if src == "pos":
        way = "堂食" if chance(0.7) else "自提"
    elif src == "wx_mini":
        way = "自提" if chance(0.7) else "外送"
    else:
        way = "外送"
    n = 1 if chance(0.75) else R.choice([2, 2, 3])
    price = PRICE[cat] + CUP_ADD.get(cup, 0)
    if src == "eleme" and t >= ELM_COMMISSION:
        price += 2  # menu prices on 饿了么 raised after the commission change
    amount = float(price * n)
    disc = 0.0
    if first99:
        disc = round(amount - 9.9 - price * (n - 1), 2)
    elif coupon:
        disc = {"CPN-NEW": 8.0, "CPN-WKD": 5.0, "CPN-COCO": 6.0}.get(coupon, 4.0)
    elif src == "wx_mini" and p.pass_until and t < p.pass_until and cat != "轻食":
        disc = 5.0 * n
    elif src == "meituan":
        disc = float(R.choice([3, 4, 5, 6]))
    elif src == "eleme":
        disc = float(R.choice([3, 4, 5, 6])) if t < ELM_COMMISSION else float(R.choice([0, 0, 1, 2]))
    fee = 0.0
    if way == "外送":
        fee = 4.0 if src == "wx_mini" else float(R.choice([3, 3.5, 4, 5]))
    pay = round(amount - disc + fee, 2)
    rate = {"meituan": 0.18, "eleme": 0.16 if t < ELM_COMMISSION else 0.20}.get(src, 0.0)
    comm = round((amount - disc) * rate, 2) if rate else ""
    bz = R.choice(BEIZHU)
    ids = (p.member_no if src in ("wx_mini", "pos") else "",
           (p.mt_uid if src == "meituan" else p.elm_uid) if src in ("meituan", "eleme") else "",
           p.phone if src in ("meituan", "eleme") and p.member and p.plat_linked else "")

    def row(status, ts, money=False, refund=None):
        if not within(ts):
            return
        m = (f"{amount:.2f}", f"{disc:.2f}", f"{fee:.2f}", f"{comm:.2f}" if comm != "" else "", f"{pay:.2f}") if money else ("", "", "", "", "")
        if refund is not None:
            m = ("", "", "", "", f"{-refund:.2f}")
        order_rows.append((no, *ids, src, status, ts, store, p.city, cat, cup, temp, way, coupon, *m, bz))

    row("下单", t)
    if chance(0.04):
        return False  # never paid (timed out)
    t_pay = t + timedelta(seconds=R.randint(10, 90))
    row("支付成功", t_pay, money=True)
    # making time: peaks, 生椰 after launch are slow
    make = R.lognormvariate(math.log(6), 0.45)
    if cat == "生椰系列" and t >= COCO_LAUNCH:
        make *= 1.9
    if t.hour in (8, 9, 12) and t >= COCO_LAUNCH:
        make *= 1.25
    t_made = t_pay + timedelta(minutes=make)
    row("制作完成", t_made)
    slow = make > 14
    late = False
    if way == "外送":
        ride = R.lognormvariate(math.log(24), 0.35)
        if p.city == "武汉" and inw(t, RAIN):
            ride = R.lognormvariate(math.log(62), 0.45)
        late = ride > 45
        row("配送完成", t_made + timedelta(minutes=ride))
    else:
        wait = R.uniform(1, 4) if way == "堂食" else R.lognormvariate(math.log(7), 0.6)
        row("取餐", t_made + timedelta(minutes=wait))
    # service
    issue = None
    if slow and chance(0.12):
        issue = "出餐慢"
    elif way == "外送" and chance(0.06 if (p.city == "武汉" and inw(t, RAIN)) else 0.012):
        issue = "外送洒漏"
    elif chance(0.008):
        issue = "做错饮品"
    elif chance(0.003):
        issue = "态度"
    elif chance(0.003):
        issue = "退款问题"
    refund = issue in ("外送洒漏", "做错饮品") and chance(0.6) or issue == "退款问题" or chance(0.004)
    if refund:
        row("退款", t_pay + timedelta(minutes=R.uniform(30, 180)), refund=pay)
    if issue:
        ticket(p, t_made + timedelta(minutes=R.uniform(5, 60)), issue, src, no)
    if src != "pos" and chance(0.22):
        mean = 4.5 - (1.3 if slow else 0) - (1.2 if late else 0) - (2 if issue else 0)
        stars = max(1, min(5, round(R.gauss(mean, 0.8))))
        cmt = ""
        if chance(0.35):
            cmt = (R.choice(["好喝", "生椰yyds", "准时送达", "店员很热情", "回购"]) if stars >= 4
                   else R.choice(["等太久了", "送得太慢", "洒了一半", "味道一般", "冰块太多"]))
        rt = t_made + timedelta(hours=R.uniform(0.5, 20))
        if within(rt):
            rating_rows.append((no, ids[0], ids[1], src, rt, stars, cmt))
    return True


def ticket(p, opened, issue, src, order_no):
    if not within(opened):
        return
    ch = {"meituan": "美团商家后台", "eleme": "饿了么商家后台", "pos": "门店电话"}.get(src, "小程序客服")
    resp = R.lognormvariate(math.log({"小程序客服": 6, "美团商家后台": 12, "饿了么商家后台": 15, "门店电话": 3}[ch]), 0.7)
    first = opened + timedelta(minutes=resp)
    res = opened + timedelta(minutes=resp + R.lognormvariate(math.log({"退款问题": 240, "态度": 180}.get(issue, 60)), 0.8))
    if res >= END or chance(0.02):
        res = None
    rating = ""
    if res is not None and chance(0.5):
        rating = str(max(1, min(5, round(R.gauss({"态度": 2.4, "退款问题": 2.8}.get(issue, 3.8), 1.0)))))
    comp = "是" if issue in ("态度", "做错饮品") or chance(0.25) else "否"
    tid = f"GD{opened:%Y%m%d}{nxt('ticket'):04d}"
    ticket_rows.append((tid, p.member_no if src in ("wx_mini", "pos") else "",
                        (p.mt_uid if src == "meituan" else p.elm_uid) if src in ("meituan", "eleme") else "",
                        order_no, ch, issue, comp, opened, first, res, rating))


def main_src(p):
    if not p.member:
        return "meituan" if chance(0.55) else "eleme"
    return pick(["wx_mini", "pos", "meituan", "eleme"], [0.5, 0.3, 0.12, 0.08])


def session(p, t, src_pref):
    """A mini-program visit: open, browse, cart, maybe an order."""
    store = R.choice(p.stores)
    mp(p, t, "open_app", store)
    if not chance(0.85):
        return
    mp(p, t + timedelta(seconds=R.randint(10, 60)), "浏览菜单", store)
    if not chance(0.8):
        return
    mp(p, t + timedelta(seconds=R.randint(70, 200)), "add_to_cart", store)
    if not chance(0.9):
        return
    place_order(p, t + timedelta(seconds=R.randint(210, 400)), "wx_mini")


def live(p, first_paid_only=False):
    """Orders from reg until churn."""
    src = main_src(p)
    rate = 1 / R.lognormvariate(math.log(24), 0.5)  # orders per day
    churn = 0.26
    if p.pass_until:
        churn = 0.07 if p.student else 0.14
    t = p.reg + timedelta(days=R.uniform(0, 3))
    while t < END:
        s = src if chance(0.8) else main_src(p)
        if s == "eleme" and t >= ELM_COMMISSION and chance(0.55):
            s = "meituan" if chance(0.3) else None  # 饿了么 orders fall after the commission change
        day_t = at(t.date())
        if s == "wx_mini":
            session(p, day_t, s)
            if chance(0.2):  # a visit without an order
                session_browse(p, at((t + timedelta(days=R.uniform(0, 2))).date()))
        elif s:
            place_order(p, day_t, s)
        if chance(churn):
            break
        rate_now = rate * (2.2 if p.pass_until and t < p.pass_until else 1)
        t = t + timedelta(days=R.expovariate(rate_now))


def session_browse(p, t):
    store = R.choice(p.stores)
    mp(p, t, "open_app", store)
    if chance(0.6):
        mp(p, t + timedelta(seconds=R.randint(10, 60)), "浏览菜单", store)
        if chance(0.3):
            mp(p, t + timedelta(seconds=R.randint(70, 200)), "add_to_cart", store)


def simulate():
    idx = 0
    people = []
    # members: 35 % joined before the data starts
    for _ in range(2900):
        idx += 1
        if chance(0.35):
            reg = START - timedelta(days=R.uniform(30, 900))
        else:
            reg = START + timedelta(days=R.uniform(0, N_DAYS - 1))
        reg = datetime(reg.year, reg.month, reg.day, R.randint(7, 21), R.randrange(60), R.randrange(60))
        people.append(P(idx, True, reg))
    for _ in range(900):  # platform-only customers (no membership)
        idx += 1
        reg = START + timedelta(days=R.uniform(-30, N_DAYS - 1))
        people.append(P(idx, False, reg))
    # 9.9元尝鲜 newcomers
    c99 = []
    for _ in range(700):
        idx += 1
        d = C99[0] + timedelta(days=R.uniform(0, 21))
        reg = datetime(d.year, d.month, d.day, R.randint(8, 21), R.randrange(60), R.randrange(60))
        c99.append(P(idx, True, reg, pick(["抖音本地生活", "朋友圈广告", "小红书"], [0.6, 0.3, 0.1])))
    for p in people + c99:
        if p.member:
            member_rows.append(p)
    for p in people:
        if p.member:
            if within(p.reg):
                mp(p, p.reg, "领券", "", "CPN-NEW", "新人礼")
            # monthly pass
            if chance(0.45 if p.student else 0.12):
                t = max(p.reg, START) + timedelta(days=R.uniform(0, 120))
                keep = 0.82 if p.student else 0.5
                mp(p, t, "开通月卡", R.choice(p.stores), "", "", "19.90")
                end = t + timedelta(days=30)
                while end < END and chance(keep):
                    tr = end - timedelta(hours=R.uniform(0, 60))
                    mp(p, tr, "月卡续费", "", "", "", "19.90")
                    end += timedelta(days=30)
                p.pass_until = end
            # coupons during the year
            t = max(p.reg, START)
            while True:
                t += timedelta(days=R.expovariate(1 / 170))
                if t >= END:
                    break
                camp, cpn = ("生椰上新", "CPN-COCO") if inw(t, (COCO_LAUNCH, COCO_LAUNCH + timedelta(days=30))) else ("周末特惠", "CPN-WKD")
                tc = at(t.date())
                mp(p, tc, "领券", "", cpn, camp)
                if chance(0.45):
                    tu = tc + timedelta(days=R.uniform(0.05, 6))
                    tu = at(tu.date()) if tu.date() != tc.date() else tu
                    store = R.choice(p.stores)
                    mp(p, tu, "open_app", store)
                    mp(p, tu + timedelta(seconds=40), "浏览菜单", store)
                    mp(p, tu + timedelta(seconds=120), "add_to_cart", store)
                    mp(p, tu + timedelta(seconds=200), "用券", store, cpn, camp)
                    place_order(p, tu + timedelta(seconds=230), "wx_mini", cpn, camp)
            if chance(0.25):
                ti = max(p.reg, START) + timedelta(days=R.uniform(0, 200))
                mp(p, at(ti.date()), "邀请好友")
            if chance(0.12):
                ti = max(p.reg, START) + timedelta(days=R.uniform(0, 300))
                mp(p, at(ti.date()), "充值", R.choice(p.stores), "", "", "", R.choice(["100", "200", "200", "500"]))
        live(p)
    for p in c99:
        t = p.reg
        mp(p, t, "领券", "", "CPN-99", "9.9元尝鲜")
        if chance(0.72):
            tu = at((t + timedelta(days=R.uniform(0, 5))).date())
            if tu < t:
                tu = t + timedelta(minutes=R.uniform(5, 120))
            store = R.choice(p.stores)
            mp(p, tu, "open_app", store)
            mp(p, tu + timedelta(seconds=40), "浏览菜单", store)
            mp(p, tu + timedelta(seconds=120), "add_to_cart", store)
            mp(p, tu + timedelta(seconds=200), "用券", store, "CPN-99", "9.9元尝鲜")
            place_order(p, tu + timedelta(seconds=230), "wx_mini", "CPN-99", "9.9元尝鲜", first99=True)
            if chance(0.12):  # few come back
                p.reg = tu + timedelta(days=R.uniform(5, 40))
                live(p)


def write_sources(folder: Path):
    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "openid", "phone_md5", "gender", "city", "member_level", "reg_channel",
                    "student_verified", "reg_time"])
        for p in member_rows:
            w.writerow([p.member_no, p.openid, p.phone, p.gender, p.city, p.level, p.reg_ch,
                        "1" if p.student else "0", f"{p.reg:%Y-%m-%d %H:%M:%S}"])
    (folder / "mp_log").mkdir()
    by_month: dict[str, list] = {}
    for r in mp_rows:
        by_month.setdefault(f"{r[0]:%Y-%m}", []).append(r)
    for m, rows in by_month.items():
        with open(folder / "mp_log" / f"{m}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["event_time", "openid", "event_name", "mendian_id", "coupon_id", "activity", "pay_amt", "topup_amt"])
            for r in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
                w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", *r[1:]])
    with open(folder / "order_flow.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "member_no", "platform_uid", "phone_md5", "order_source", "status", "status_time",
                    "mendian_id", "store_city", "product_category", "cup_size", "temperature", "peisong_fangshi",
                    "coupon_id", "order_amount", "discount_amt", "delivery_fee", "platform_commission",
                    "pay_amount", "beizhu"])
        for r in sorted(order_rows, key=lambda r: (r[6], r[0], r[5])):
            r = list(r)
            r[6] = f"{r[6]:%Y/%m/%d %H:%M:%S}"
            w.writerow(r)

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "kefu_tickets.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["ticket_no", "member_no", "platform_uid", "order_no", "source", "issue_type", "is_complaint",
                    "created_at", "first_reply_at", "closed_at", "rating"])
        for r in sorted(ticket_rows, key=lambda r: r[0]):
            w.writerow([*r[:7], fmt(r[7]), fmt(r[8]), fmt(r[9]), r[10]])
    with open(folder / "order_rating.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "member_no", "platform_uid", "order_source", "rated_at", "stars", "comment"])
        for r in sorted(rating_rows, key=lambda r: (r[4], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%d %H:%M:%S}", r[5], r[6]])
    with open(folder / "marketing_spend.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["dt", "media", "campaign", "spend"])
        base = {"朋友圈广告": 900, "抖音本地生活": 700, "小红书": 500, "地推": 400}
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            for media, amt in base.items():
                if media == "地推" and d.weekday() < 5:
                    continue  # 地推 only on weekends
                w.writerow([d.isoformat(), media, "日常投放", f"{amt * R.uniform(0.8, 1.2):.2f}"])
            if inw(dt, (COCO_LAUNCH, COCO_LAUNCH + timedelta(days=30))):
                w.writerow([d.isoformat(), "朋友圈广告", "生椰上新", f"{R.uniform(1500, 2500):.2f}"])
                w.writerow([d.isoformat(), "小红书", "生椰上新", f"{R.uniform(1200, 2000):.2f}"])
            if inw(dt, C99):
                w.writerow([d.isoformat(), "抖音本地生活", "9.9元尝鲜", f"{R.uniform(3500, 5000):.2f}"])
                w.writerow([d.isoformat(), "朋友圈广告", "9.9元尝鲜", f"{R.uniform(1500, 2200):.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="coffee-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        if os.environ.get("COFFEE_KEEP_SRC"):
            shutil.copytree(folder, os.environ["COFFEE_KEEP_SRC"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
