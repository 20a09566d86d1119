"""Photostudio evaluation domain: 拾光写真 (ShiGuang Studio), 16 portrait studios in 杭州/苏州/南京.

    python generate.py OUT.duckdb

Writes ShiGuang's own exports (seeded: the same files every run) to a temporary folder —

  members.csv             booking backend members: member_id, phone_md5, registered_at (UTC Z)
  bookings.csv            booking backend: booking_id, member_id, event CREATED/CANCELLED,
                          event_at (ISO UTC Z), package_code, studio_code, source, deposit_fen (分)
  门店收银.csv             studio POS (Chinese headers, 'YYYY年MM月DD日 HH:mm' local, 元)
  retouch_queue.csv       retouching queue log (QUEUED / DELIVERED, local 'YYYY-MM-DD HH:MM:SS')
  dianping_orders.csv     大众点评/美团 团购 order export (券码, 下单时间, local)
  dianping_verify.csv     大众点评/美团 核销 (redemption) export
  miniapp_events.jsonl    mini-program event log: ts (epoch ms, client), server_time (UTC Z),
                          anon_id, member_id after phone login
  reviews.csv             review export (大众点评/小红书/美团, 1-5 stars, 'YYYY/MM/DD HH:MM')
  service_tickets.csv     WeChat customer-service tickets / complaints
  marketing_monthly.csv   monthly marketing sheet (月份 YYYY-MM, 渠道, 花费(元))

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import random
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
HANFU_LAUNCH = datetime(2026, 3, 1)
HANFU_VIRAL = datetime(2026, 3, 16)
GRAD_PEAK = (datetime(2026, 5, 1), datetime(2026, 7, 1))
SHORTAGE = (datetime(2026, 8, 10), datetime(2026, 8, 25))  # retoucher shortage 10-24 Aug
QIXI_PROMO = (datetime(2026, 8, 3), datetime(2026, 8, 20))  # 七夕 is 19 Aug 2026
ID_DEAL = datetime(2026, 10, 1)  # 美团 ¥69 证件照 deal

R = random.Random(SEED)

STUDIOS = [
    ("HZ01", "杭州湖滨银泰店", "杭州"),
    ("HZ02", "杭州西溪印象城店", "杭州"),
    ("HZ03", "杭州滨江龙湖店", "杭州"),
    ("HZ04", "杭州武林店", "杭州"),
    ("HZ05", "杭州城西银泰店", "杭州"),
    ("HZ06", "杭州下沙店", "杭州"),
    ("HZ07", "杭州萧山万象汇店", "杭州"),
    ("SZ01", "苏州观前街店", "苏州"),
    ("SZ02", "苏州园区星海店", "苏州"),
    ("SZ03", "苏州狮山店", "苏州"),
    ("SZ04", "苏州平江路店", "苏州"),
    ("NJ01", "南京新街口店", "南京"),
    ("NJ02", "南京夫子庙店", "南京"),
    ("NJ03", "南京河西万达店", "南京"),
    ("NJ04", "南京仙林店", "南京"),
    ("NJ05", "南京江宁店", "南京"),
]
CITY_W = {"杭州": 0.45, "苏州": 0.25, "南京": 0.30}
PUSHY = "NJ01"  # the studio whose staff push upsells hardest
# package code -> (POS name, list price 元, deposit 元)
PACKAGES = {
    "ID": ("证件照", 99, 0),
    "PORTRAIT": ("个人写真", 599, 100),
    "COUPLE": ("情侣照", 899, 200),
    "FAMILY": ("亲子照", 799, 200),
    "GRAD": ("毕业照", 399, 100),
    "HANFU": ("汉服写真", 699, 100),
}
# booking backend / mini-program source codes
SOURCES = ["xhs", "douyin", "dianping", "wechat", "direct"]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


HOURS = [
    0.2,
    0.1,
    0.05,
    0.05,
    0.05,
    0.1,
    0.3,
    0.8,
    1.5,
    2,
    2.5,
    3,
    3.5,
    3,
    2.5,
    2.5,
    2.8,
    3,
    3.5,
    4.5,
    5.5,
    5.5,
    4,
    1.5,
]
STUDIO_HOURS = [0] * 10 + [3, 4, 3, 4, 5, 5, 4, 3, 2] + [0] * 5


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


members, bookings, pos, retouch, dp_orders, dp_verify, mini, reviews, tickets = (
    [] for _ in range(9)
)
seq = {"m": 300000, "b": 0, "pos": 0, "rt": 0, "dp": 0, "anon": 0, "rv": 0, "tk": 0, "phone": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city=None):
        self.city = city or pick(list(CITY_W), list(CITY_W.values()))
        nxt("phone")
        self.phone = h(f"phone{seq['phone']}")
        self.anon = None
        self.member = None
        self.gender = pick(["女", "男"], [0.78, 0.22])
        self.age = pick(["18-24", "25-30", "31-40", "41+"], [0.38, 0.32, 0.22, 0.08])


def studio_for(p):
    opts = [s for s in STUDIOS if s[2] == p.city]
    return R.choice(opts)


def register(p, ts, source):
    if p.member is None and within(ts):
        p.member = f"M{nxt('m')}"
        members.append((p.member, p.phone, ts, p.city, p.gender, p.age, source))


def mp(p, ts, event, source, package=""):
    if not within(ts):
        return False
    if p.anon is None:
        p.anon = "ano_" + h(f"anon{nxt('anon')}")[:16]
    mini.append((ts, p.anon, p.member or "", event, source, package))
    return True


def theme_weights(day):
    w = {"ID": 2.0, "PORTRAIT": 3.0, "COUPLE": 1.4, "FAMILY": 1.6, "GRAD": 0.6, "HANFU": 0.0}
    if inw(day, GRAD_PEAK):
        w["GRAD"] = 5.5
    if day >= HANFU_LAUNCH:
        w["HANFU"] = 0.8 if day < HANFU_VIRAL else 2.8
    if inw(day, QIXI_PROMO):
        w["COUPLE"] = 5.0
    return w


def source_weights(day):
    w = {"xhs": 0.24, "douyin": 0.22, "dianping": 0.0, "wechat": 0.2, "direct": 0.12}
    if day >= HANFU_VIRAL:
        w["xhs"] = 0.42
    return w


def shoot(p, ts, pkg, studio, booking_id, source, prepaid=0.0, code="", deal=False, promo=False):
    """Studio visit: check-in, 选片 + upsell, 结清; then retouching, delivery, review, complaint."""
    if not within(ts):
        return
    _, price, _ = PACKAGES[pkg]
    if promo:
        price = 719  # 七夕 8折, booked during the promotion
    if deal:
        price = 69
    pos.append(("到店签到", p, ts, studio, booking_id, code, pkg, "", "", "", ""))
    sel = ts + timedelta(minutes=R.uniform(70, 150) if pkg != "ID" else R.uniform(15, 35))
    extra_n, album, upsell = 0, "否", 0.0
    p_up = {
        "ID": 0.15,
        "PORTRAIT": 0.55,
        "COUPLE": 0.6,
        "FAMILY": 0.62,
        "GRAD": 0.35,
        "HANFU": 0.6,
    }[pkg]
    if deal:
        p_up = 0.06
    if studio[0] == PUSHY:
        p_up = min(0.92, p_up + 0.25)
    if chance(p_up):
        extra_n = R.choice([1, 2, 3, 5, 5, 8, 10]) if pkg != "ID" else R.choice([1, 2])
        upsell = extra_n * (40 if pkg != "ID" else 20)
        if pkg != "ID" and chance(0.3 if studio[0] != PUSHY else 0.5):
            album = "是"
            upsell += R.choice([399, 599, 899])
    pos.append(("选片", p, sel, studio, booking_id, code, pkg, extra_n, album, f"{upsell:.2f}", ""))
    total = price + upsell
    paid = sel + timedelta(minutes=R.uniform(3, 15))
    pos.append(
        (
            "结清",
            p,
            paid,
            studio,
            booking_id,
            code,
            pkg,
            extra_n,
            album,
            f"{upsell:.2f}",
            (total, prepaid),
        )
    )
    if not within(paid):
        return
    # retouching queue
    q = paid + timedelta(hours=R.uniform(2, 20))
    job = f"RT{nxt('rt'):07d}"
    retoucher = R.choice(["阿杰", "小雨", "Coco", "老王", "Mia", "阿凯", "小林", "Yuki"])
    retouch.append((job, booking_id, p, studio, "QUEUED", q, retoucher, pkg))
    days = R.uniform(1, 2) if pkg == "ID" else R.uniform(5, 10)
    late = False
    if (
        pkg != "ID"
        and (inw(q, SHORTAGE) or inw(q + timedelta(days=days), SHORTAGE))
        and q >= datetime(2026, 8, 3)
    ):
        days += R.uniform(6, 12)
        late = True
    dl = q + timedelta(days=days)
    if dl >= END:
        return
    retouch.append((job, booking_id, p, studio, "DELIVERED", dl, retoucher, pkg))
    # review
    pushy = studio[0] == PUSHY and upsell > 0
    p_rev = 0.22 if not deal else 0.08
    if late:
        p_rev = 0.4
    if chance(p_rev):
        mean = 4.5
        tag = R.choice(["出片好看", "服务好", "化妆师很专业", "环境不错", "性价比高", ""])
        if late:
            mean, tag = 2.6, R.choice(["出片慢", "等了快三周", "修图延期"])
        elif pushy and chance(0.5):
            mean, tag = 2.9, R.choice(["选片推销", "强行加购", "套路多"])
        elif chance(0.08):
            mean, tag = 2.8, R.choice(["修图过度", "P得不像本人", "磨皮太重"])
        stars = max(1, min(5, round(R.gauss(mean, 0.7))))
        plat = pick(
            ["大众点评", "小红书", "美团"], [0.55, 0.3, 0.15] if not deal else [0.3, 0.05, 0.65]
        )
        t = dl + timedelta(days=R.uniform(0.2, 6))
        if within(t):
            reviews.append((f"RV{nxt('rv'):06d}", plat, p, studio, t, stars, tag, pkg))
    # complaints to customer service
    reason = None
    if late and chance(0.35):
        reason = "出片延迟"
    elif pushy and chance(0.12):
        reason = "选片推销"
    elif pkg != "ID" and chance(0.03):
        reason = "修图不满意"
    elif chance(0.01):
        reason = "预约改期"
    if reason:
        t = (
            dl - timedelta(days=R.uniform(0, 4))
            if reason == "出片延迟"
            else dl + timedelta(hours=R.uniform(2, 72))
        )
        complaint(p, t, reason, late)
    return dl


def complaint(p, t, reason, busy):
    if not within(t):
        return
    ch = pick(["微信客服", "电话", "大众点评"], [0.6, 0.25, 0.15])
    fr = R.uniform(5, 90) if ch != "大众点评" else R.uniform(60, 600)
    if busy:
        fr *= 2.5
    res = fr + R.uniform(60 * 4, 60 * 72) * (1.6 if busy else 1.0)
    solved = t + timedelta(minutes=res)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(3.9 if not busy else 2.9, 0.9))))
    flag = "是" if reason in ("出片延迟", "选片推销", "修图不满意") else "否"
    tickets.append(
        (
            f"KF{nxt('tk'):06d}",
            p,
            t,
            t + timedelta(minutes=fr),
            solved if solved < END else None,
            reason,
            ch,
            flag,
            csat,
        )
    )


def miniapp_customer(day):
    p = Person()
    src = pick(list(source_weights(day)), list(source_weights(day).values()))
    tw = theme_weights(day)
    if src == "xhs" and day >= HANFU_VIRAL:
        tw = dict(tw, HANFU=tw["HANFU"] * 2.5)
    pkg = pick(list(tw), list(tw.values()))
    t = at(day)
    if not mp(p, t, "page_view", src):
        return
    for i in range(R.choice([1, 1, 2, 3])):
        mp(p, t + timedelta(minutes=1 + 2 * i + R.uniform(0, 1)), "view_package", src, pkg)
    t += timedelta(minutes=R.uniform(6, 12))
    p_login = {"xhs": 0.42, "douyin": 0.3, "wechat": 0.55, "direct": 0.6}[src]
    if pkg == "HANFU" and src == "xhs":
        p_login += 0.1
    if not chance(p_login):
        if chance(0.25):  # comes back later and looks again
            mp(p, t + timedelta(days=R.uniform(1, 9)), "page_view", "direct")
        return
    register(p, t, src)
    mp(p, t, "phone_login", src)
    if not chance(0.72):
        return
    mp(p, t + timedelta(minutes=R.uniform(1, 4)), "start_booking", src, pkg)
    if not chance(0.78):
        return
    book(p, t + timedelta(minutes=R.uniform(4, 9)), pkg, src)


def book(p, t, pkg, src, repeat=False):
    if not within(t):
        return
    studio = studio_for(p)
    bid = f"BK{nxt('b'):07d}"
    lead = R.uniform(1, 6) if pkg == "ID" else R.uniform(3, 28)
    if pkg == "GRAD":
        lead = R.uniform(2, 14)
    promo = pkg == "COUPLE" and inw(t, QIXI_PROMO)
    if promo:  # couples want their shoot before 七夕 (19 Aug)
        lead = R.uniform(0.5, max(1.0, (QIXI_PROMO[1] - t).total_seconds() / 86400))
    sd = (t + timedelta(days=lead)).date()
    shoot_at = at(sd, STUDIO_HOURS)
    _, price, dep = PACKAGES[pkg]
    if pkg == "COUPLE" and inw(t, QIXI_PROMO):
        price = 719
    bookings.append(
        (bid, p, "CREATED", t, pkg, studio[0], src, dep * 100, price * 100, shoot_at.date())
    )
    if chance(0.07):
        c = t + timedelta(days=R.uniform(0.1, max(0.2, lead - 0.5)))
        if within(c):
            bookings.append(
                (
                    bid,
                    p,
                    "CANCELLED",
                    c,
                    pkg,
                    studio[0],
                    src,
                    dep * 100,
                    price * 100,
                    shoot_at.date(),
                )
            )
        return
    if chance(0.04):
        return  # no-show: booking stays CREATED
    dl = shoot(p, shoot_at, pkg, studio, bid, src, prepaid=dep, promo=promo)
    if dl and not repeat and chance(0.1 if pkg != "ID" else 0.05):
        nt = dl + timedelta(days=R.uniform(20, 200))
        if within(nt):
            npkg = pick(
                ["PORTRAIT", "FAMILY", "COUPLE", "HANFU" if nt >= HANFU_LAUNCH else "ID", "ID"],
                [3, 2, 1, 2, 1],
            )
            mp(p, nt, "page_view", "wechat")
            mp(p, nt + timedelta(minutes=2), "view_package", "wechat", npkg)
            mp(p, nt + timedelta(minutes=5), "start_booking", "wechat", npkg)
            book(p, nt + timedelta(minutes=8), npkg, "wechat", repeat=True)


def groupbuy_customer(day, deal=False):
    p = Person()
    studio = studio_for(p)
    if deal:
        pkg, price, item = "ID", 69, "【新客特惠】¥69 精修证件照"
    else:
        pkg = pick(
            ["ID", "PORTRAIT", "COUPLE", "FAMILY", "GRAD"],
            [3, 3, 1.2, 1.2, 0.8 if not inw(day, GRAD_PEAK) else 3],
        )
        _, lp, _ = PACKAGES[pkg]
        price = round(lp * 0.85)
        item = f"{PACKAGES[pkg][0]}团购套餐"
    t = at(day)
    if not within(t):
        return
    oid = f"DP{day:%y%m%d}{nxt('dp'):06d}"
    coupon = f"{R.randrange(10**11, 10**12)}"
    plat = "美团" if deal or chance(0.45) else "大众点评"
    dp_orders.append((oid, coupon, p, item, t, price, studio, plat))
    if not chance(0.86 if not deal else 0.8):
        return
    v_day = (t + timedelta(days=R.uniform(0.2, 3 if deal else 20))).date()
    v = at(v_day, STUDIO_HOURS)
    if not within(v):
        return
    dp_verify.append((oid, coupon, p, v, studio, plat))
    if chance(0.15):
        register(p, v, "dianping")
    shoot(
        p,
        v + timedelta(minutes=R.uniform(1, 5)),
        pkg,
        studio,
        oid,
        "dianping",
        prepaid=price,
        code=coupon,
        deal=deal,
    )


def day_weight(day):
    w = 1.0 + (0.35 if day.weekday() >= 5 else 0.0)
    if datetime(2026, 2, 14) <= day < datetime(2026, 2, 25):  # 春节
        w *= 0.5
    if inw(day, GRAD_PEAK):
        w *= 1.4
    return w


def simulate():
    for k in range(N_DAYS):
        day = START + timedelta(days=k)
        w = day_weight(day)
        lam = 17 * w
        if day >= HANFU_VIRAL:
            lam += (
                5
                * w
                * min(1.0, (day - HANFU_VIRAL).days / 30 + 0.3)
                * (1.0 if day < datetime(2026, 7, 1) else 0.6)
            )
        if inw(day, QIXI_PROMO):
            lam += 6
        for _ in range(poisson(lam)):
            miniapp_customer(day)
        for _ in range(poisson(3.2 * w)):
            groupbuy_customer(day)
        if day >= ID_DEAL:
            for _ in range(poisson(11 * w)):
                groupbuy_customer(day, deal=True)


def write(folder: Path):
    def utc(ts, ms=False):  # naive Shanghai local -> UTC ISO with Z
        u = ts - timedelta(hours=8)
        if ms:
            return f"{u:%Y-%m-%dT%H:%M:%S}.{R.randrange(1000):03d}Z"
        return f"{u:%Y-%m-%dT%H:%M:%SZ}"

    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["member_id", "phone_md5", "registered_at", "city", "gender", "age_band", "reg_source"]
        )
        for r in sorted(members, key=lambda r: r[0]):
            w.writerow([r[0], r[1], utc(r[2]), r[3], r[4], r[5], r[6]])
    with open(folder / "bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "booking_id",
                "member_id",
                "event",
                "event_at",
                "package_code",
                "studio_code",
                "source",
                "deposit_fen",
                "package_price_fen",
                "shoot_date",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1].member,
                    r[2],
                    utc(r[3]),
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    f"{r[9]:%Y-%m-%d}",
                ]
            )
    with open(folder / "门店收银.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "流水号",
                "会员号",
                "手机号MD5",
                "门店",
                "业务时间",
                "业务类型",
                "关联订单号",
                "团购券码",
                "套餐",
                "加修张数",
                "加购相册",
                "加购金额",
                "订单总额",
                "本次实收",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[2], r[0])):
            kind, p, ts, studio, bid, code, pkg, n, album, up, money = r
            if not within(ts):
                continue
            total = paid = ""
            if money:
                total, pre = money
                paid = f"{total - pre:.2f}"
                total = f"{total:.2f}"
            w.writerow(
                [
                    f"POS{nxt('pos'):08d}",
                    p.member or "",
                    p.phone,
                    studio[1],
                    f"{ts:%Y年%m月%d日 %H:%M}",
                    kind,
                    bid,
                    code,
                    PACKAGES[pkg][0],
                    n,
                    album,
                    up,
                    total,
                    paid,
                ]
            )
    with open(folder / "retouch_queue.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "job_no",
                "order_ref",
                "member_id",
                "phone_md5",
                "studio_code",
                "status",
                "status_time",
                "retoucher",
                "package",
            ]
        )
        for r in sorted(retouch, key=lambda r: (r[5], r[0])):
            if within(r[5]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        r[2].member or "",
                        r[2].phone,
                        r[3][0],
                        r[4],
                        f"{r[5]:%Y-%m-%d %H:%M:%S}",
                        r[6],
                        r[7],
                    ]
                )
    with open(folder / "dianping_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "券码",
                "用户手机MD5",
                "商品名称",
                "下单时间",
                "支付金额",
                "适用门店",
                "平台",
            ]
        )
        for r in sorted(dp_orders, key=lambda r: (r[4], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2].phone,
                    r[3],
                    f"{r[4]:%Y-%m-%d %H:%M:%S}",
                    f"{r[5]:.2f}",
                    r[6][1],
                    r[7],
                ]
            )
    with open(folder / "dianping_verify.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "券码", "用户手机MD5", "核销时间", "核销门店", "平台"])
        for r in sorted(dp_verify, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2].phone, f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4][1], r[5]])
    with open(folder / "miniapp_events.jsonl", "w") as f:
        for ts, anon, mem, ev, src, pkg in sorted(mini, key=lambda r: (r[0], r[1], r[3])):
            u = ts - timedelta(hours=8)
            ms = int((u - datetime(1970, 1, 1)).total_seconds() * 1000) + R.randrange(1000)
            obj = {
                "ts": ms,
                "server_time": utc(ts, ms=True),
                "anon_id": anon,
                "member_id": mem or None,
                "event": ev,
                "utm_source": src,
            }
            if pkg:
                obj["package_code"] = pkg
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "review_id",
                "platform",
                "member_id",
                "phone_md5",
                "studio",
                "review_time",
                "stars",
                "tag",
                "package",
            ]
        )
        for r in sorted(reviews, key=lambda r: (r[4], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2].member or "",
                    r[2].phone,
                    r[3][1],
                    f"{r[4]:%Y/%m/%d %H:%M}",
                    r[5],
                    r[6],
                    PACKAGES[r[7]][0],
                ]
            )
    with open(folder / "service_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单编号",
                "会员号",
                "手机号MD5",
                "创建时间",
                "首次响应时间",
                "完结时间",
                "问题类型",
                "来源渠道",
                "是否投诉",
                "满意度",
            ]
        )

        def fmt(ts):
            return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1].member or "",
                    r[1].phone,
                    fmt(r[2]),
                    fmt(r[3]),
                    fmt(r[4]),
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                ]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        m = datetime(START.year, START.month, 1)
        while m < END:
            base = {"小红书达人": 38000, "抖音": 45000, "美团推广": 12000}
            if m >= datetime(2026, 3, 1):
                base["小红书达人"] = 70000 if m < datetime(2026, 7, 1) else 55000
            if m >= ID_DEAL:
                base["美团推广"] = 42000
            if m.month == 8:
                base["抖音"] = 60000  # 七夕
            for ch, amt in base.items():
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * R.uniform(0.92, 1.08):.0f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="photostudio-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
