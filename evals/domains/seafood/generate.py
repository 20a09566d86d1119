"""Seafood evaluation domain: 渔鲜达 (YuXianDa), an online fresh-seafood shop (cold-chain parcels).

    python generate.py OUT.duckdb

Writes YuXianDa's own exports (seeded: the same files every run) to a temporary folder —

  mp_events.jsonl          mini-program event log: epoch ms, openid always, member_id after login
  members.csv              mini-program members: member_id, openid, phone_sha, reg_time (epoch s)
  orders.csv               order system (mini-program orders): ISO UTC, amounts in 分
  refunds.csv              order system refunds (all channels): ISO UTC, 分
  douyin_live.csv          抖音 live-room behaviour export (Chinese headers, local time)
  douyin_orders.csv        抖音小店 order export (Chinese headers, own status words, 元)
  jd_orders.csv            京东 POP order export (Chinese headers, 'YYYY/MM/DD HH:MM', 元)
  warehouse_log.csv        Ningbo / Dalian pick & pack log ('YYYY-MM-DD HH:mm' local)
  courier_tracking.csv     cold-chain courier scans (ISO with +08:00)
  aftersales_tickets.csv   after-sales tickets (claims: 死蟹, 解冻, 延误 …)
  marketing_monthly.csv    monthly marketing sheet (抖音千川, 小红书, 京东快车, 主播佣金) in 元

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import json
import math
import os
import random
import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
CRAB_SEASON = (datetime(2026, 9, 1), datetime(2026, 12, 1))
MID_AUTUMN_PEAK = (datetime(2026, 9, 12), datetime(2026, 9, 26))  # 中秋 = 2026-09-25
SPRING_PEAK = (datetime(2026, 1, 19), datetime(2026, 2, 15))  # 春节 = 2026-02-17
HEAT_WAVE = (datetime(2026, 7, 6), datetime(2026, 7, 27))
DALIAN_OPEN = datetime(2026, 5, 11)
COURIER_SWITCH = datetime(2026, 10, 1)
HOST_LEFT = datetime(2026, 8, 17)  # star 主播 left; live conversion fell

R = random.Random(SEED)

REGIONS = ["华东", "华北", "东北", "华南", "华中", "西南"]
REGION_W = [0.38, 0.18, 0.1, 0.16, 0.1, 0.08]
CATS = ["大闸蟹", "虾", "三文鱼", "海鲜礼盒"]
PRICE = {"大闸蟹": (198, 688), "虾": (89, 299), "三文鱼": (128, 398), "海鲜礼盒": (298, 1288)}
CARD_VALUES = [288, 588, 888]
# mini-program traffic sources as the log writes them
MP_SOURCES = ["share", "xhs", "search", "oa", "direct"]
MP_SOURCE_W = [0.3, 0.22, 0.16, 0.14, 0.18]
HOURS = [
    0.3,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.2,
    2,
    2.5,
    3,
    3,
    3.2,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.8,
    4.8,
    5.5,
    5.2,
    3.5,
    1.2,
]
LIVE_HOURS = [0.2] * 6 + [0.3] * 6 + [1, 1, 0.5, 0.5, 0.5, 0.5, 1] + [6, 8, 8, 6, 2]


def chance(p):
    return R.random() < p


def pick(opts, w=None):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


mp, members, orders, refunds, live, dy_orders, jd_orders, wh, courier, tickets = (
    [] for _ in range(10)
)
seq = {
    "oid": 0,
    "mem": 100000,
    "ord": 0,
    "dy": 0,
    "jd": 0,
    "tk": 0,
    "wb": 0,
    "rf": 0,
    "card": 0,
    "dyu": 0,
    "pin": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.openid = None
        self.member = None
        self.dy_uid = None
        self.jd_pin = None
        self.phone = None
        self.region = pick(REGIONS, REGION_W)
        self.level = "普通会员"

    def ids(self):
        return {"member": self.member or "", "dy": self.dy_uid or "", "jd": self.jd_pin or ""}


people = []


def new_person():
    p = Person()
    people.append(p)
    p.phone = h(f"phone{len(people)}")[:16]
    return p


def ev(p, ts, event, src, cat=""):
    if not within(ts):
        return False
    if p.openid is None:
        p.openid = "oYX" + h(f"openid{nxt('oid')}")[:21]
    mp.append((ts, p.openid, p.member or "", event, src, cat))
    return True


def login(p, ts):
    if p.member is None:
        p.member = f"M{nxt('mem')}"
        members.append((p, ts))


def category_for(ts):
    w = [0.18, 0.3, 0.3, 0.22]
    if inw(ts, CRAB_SEASON):
        w = [0.55, 0.15, 0.12, 0.18]
    if inw(ts, MID_AUTUMN_PEAK):
        w = [0.35, 0.05, 0.05, 0.55]
    if inw(ts, SPRING_PEAK):
        w = [0.05, 0.2, 0.2, 0.55]
    return pick(CATS, w)


def amount(cat, ts):
    lo, hi = PRICE[cat]
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    return round(v) - 0.1 if chance(0.6) else float(int(round(v / 10) * 10))


def warehouse_for(p, ts):
    if ts >= DALIAN_OPEN and p.region in ("华北", "东北"):
        return "大连仓"
    return "宁波仓"


def transit_hours(p, wh_name, ts):
    base = {"华东": 22, "华中": 32, "华南": 36, "华北": 44, "东北": 56, "西南": 58}[p.region]
    if wh_name == "大连仓":
        base = {"华北": 28, "东北": 22}[p.region]
    hrs = R.gauss(base, base * 0.18)
    if ts >= COURIER_SWITCH:
        hrs = hrs * 1.3 + R.uniform(0, 10)
    return max(10.0, hrs)


def fulfil(p, oid, ts, cat, value, channel):
    """Pick, pack, ship, deliver; then maybe a claim ticket and a refund."""
    if cat == "礼品卡":
        return
    wh_name = warehouse_for(p, ts)
    pick_ts = ts + timedelta(hours=R.uniform(2, 20))
    if inw(ts, MID_AUTUMN_PEAK) or inw(ts, SPRING_PEAK):
        pick_ts += timedelta(hours=R.uniform(0, 18))
    pack_ts = pick_ts + timedelta(minutes=R.uniform(8, 60))
    for step, t in (("拣货", pick_ts), ("打包", pack_ts)):
        if within(t):
            wh.append((t, wh_name, oid, step, channel, p.ids(), cat))
    carrier = "顺丰冷运" if pack_ts < COURIER_SWITCH else "中通冷链"
    wb = ("SF" if carrier == "顺丰冷运" else "ZTO") + f"{nxt('wb'):010d}"
    ship_ts = pack_ts + timedelta(hours=R.uniform(0.5, 5))
    if not within(ship_ts):
        return
    courier.append((wb, oid, carrier, "揽收", ship_ts, p.ids(), p.region, wh_name))
    tr = transit_hours(p, wh_name, ship_ts)
    deliv = ship_ts + timedelta(hours=tr)
    if not within(deliv):
        return
    courier.append((wb, oid, carrier, "签收", deliv, p.ids(), p.region, wh_name))
    # claims
    heat = inw(ship_ts, HEAT_WAVE)
    p_thaw = (0.02 + max(0.0, tr - 40) * 0.0012) * (5.0 if heat else 1.0)
    if cat == "虾":
        p_thaw *= 0.7
    p_dead = (0.035 + max(0.0, tr - 36) * 0.0015) if cat == "大闸蟹" else 0.0
    p_late = 0.01 + (0.06 if tr > 50 else 0.0)
    reason = None
    if chance(p_dead):
        reason = "死蟹"
    elif chance(p_thaw):
        reason = "解冻"
    elif chance(p_late):
        reason = "延误"
    elif chance(0.012):
        reason = pick(["错发漏发", "包装破损"])
    if reason is None:
        return
    opened = deliv + timedelta(hours=R.uniform(0.3, 30) if reason != "延误" else R.uniform(-20, 2))
    if not within(opened):
        return
    svc = {"小程序": "小程序客服", "抖音": "抖音客服", "京东": "京东客服"}[channel]
    busy = 2.5 if (inw(opened, MID_AUTUMN_PEAK) or inw(opened, HEAT_WAVE)) else 1.0
    first = opened + timedelta(
        minutes=R.uniform(2, 90) * busy * (1.6 if svc == "抖音客服" else 1.0)
    )
    resolve = first + timedelta(hours=R.uniform(1, 48) * busy)
    comp = {
        "死蟹": R.choice([0.3, 0.5, 1.0]),
        "解冻": R.choice([0.5, 1.0]),
        "延误": R.choice([0.0, 0.1, 0.2]),
        "错发漏发": 1.0,
        "包装破损": R.choice([0.0, 0.2]),
    }[reason]
    comp_yuan = round(value * comp, 1)
    csat = ""
    if chance(0.5):
        mood = {"死蟹": 0.6, "解冻": 0.9, "延误": 1.2, "错发漏发": 0.5, "包装破损": 0.3}[reason]
        csat = str(max(1, min(5, round(R.gauss(4.2 - mood + (0.4 if comp >= 0.5 else 0), 0.9)))))
    tk = f"SH{nxt('tk'):06d}"
    tickets.append(
        (
            tk,
            oid,
            p.ids(),
            opened,
            first if first < END else None,
            resolve if resolve < END else None,
            reason,
            svc,
            "是" if reason in ("死蟹", "解冻", "延误") else "否",
            f"{comp_yuan:.1f}",
            csat,
        )
    )
    if comp_yuan > 0 and resolve < END:
        rts = resolve + timedelta(minutes=R.uniform(5, 600))
        if within(rts):
            refunds.append(
                (
                    f"RF{nxt('rf'):07d}",
                    oid,
                    p.ids(),
                    rts,
                    round(comp_yuan * 100),
                    channel,
                    reason,
                )
            )


def mp_order(p, ts, src, cat, gift_card=None):
    """A paid mini-program order (order system)."""
    if not within(ts):
        return None
    oid = f"YX{ts:%y%m%d}{nxt('ord'):06d}"
    if cat == "礼品卡":
        value = float(R.choice(CARD_VALUES))
        pay = "wechat_pay"
        fen = int(value * 100)
        card = ""
    elif gift_card:
        value = gift_card
        pay = "gift_card"
        fen = 0
        card = ""
    else:
        value = amount(cat, ts)
        pay = "wechat_pay"
        fen = round(value * 100)
        card = ""
    wh_name = "" if cat == "礼品卡" else warehouse_for(p, ts)
    orders.append(
        (
            oid,
            p.member,
            p.openid,
            ts,
            cat,
            fen,
            round(value * 100),
            pay,
            card,
            wh_name,
            p.region,
            src,
        )
    )
    fulfil(p, oid, ts, cat, value, "小程序")
    return oid


def gift_recipient(giver_ts, value):
    """Someone else redeems a gift card in the mini-program and gets a parcel."""
    p = new_person()
    t = giver_ts + timedelta(days=R.uniform(0.5, 40))
    if not ev(p, t, "enter", "gift"):
        return
    login(p, t + timedelta(minutes=1))
    t2 = t + timedelta(minutes=R.uniform(2, 6))
    cat = category_for(t2)
    if cat == "海鲜礼盒" or chance(0.5):
        cat = "海鲜礼盒"
    if ev(p, t2, "redeem_card", "gift", cat):
        mp_order(p, t2 + timedelta(seconds=R.uniform(20, 90)), "gift", cat, gift_card=value)
        if chance(0.18):
            # some recipients come back and buy for themselves
            t3 = t2 + timedelta(days=R.uniform(5, 60))
            mp_visit(p, t3, "direct", p_buy=0.4)


def mp_visit(p, t, src, p_buy):
    if not ev(p, t, "enter", src):
        return
    cat = category_for(t)
    k = R.choice([1, 1, 2, 3])
    for i in range(k):
        ev(p, t + timedelta(minutes=1 + 2 * i + R.uniform(0, 1.5)), "goods_view", src, cat)
    t = t + timedelta(minutes=2 * k + 3)
    if not chance(0.42):
        return
    login(p, t)
    ev(p, t, "add_cart", src, cat)
    if not chance(0.75):
        return
    t = t + timedelta(minutes=R.uniform(1, 20))
    ev(p, t, "submit_order", src, cat)
    if not chance(min(0.95, p_buy / 0.31)):
        return
    pay_ts = t + timedelta(seconds=R.uniform(20, 400))
    gift = chance(0.1 if not (inw(t, MID_AUTUMN_PEAK) or inw(t, SPRING_PEAK)) else 0.3)
    oid = mp_order(p, pay_ts, src, "礼品卡" if gift else cat)
    if oid and gift and chance(0.85):
        gift_recipient(pay_ts, float(orders[-1][6]) / 100)


def demand(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, CRAB_SEASON):
        w *= 1.8
    if inw(dt, MID_AUTUMN_PEAK):
        w *= 2.0
    if inw(dt, SPRING_PEAK):
        w *= 2.2
    if dt.month in (6, 7, 8):
        w *= 0.75
    if d.weekday() >= 5:
        w *= 1.15
    return w


def mp_shopper(d):
    p = new_person()
    src = pick(MP_SOURCES, MP_SOURCE_W)
    p_buy = {"share": 0.16, "xhs": 0.08, "search": 0.14, "oa": 0.18, "direct": 0.2}[src]
    t = at(d)
    for s in range(R.choice([1, 1, 1, 2, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.5, 20))
            if chance(0.5):
                src = pick(["direct", "oa", "share"], [3, 2, 1])
        mp_visit(p, t, src, p_buy)


def douyin_viewer(d):
    p = new_person()
    p.dy_uid = f"dy{nxt('dyu'):09d}"
    t = at(d, LIVE_HOURS)
    for s in range(R.choice([1, 1, 2, 2, 3])):
        if s:
            t = at(t.date() + timedelta(days=R.randrange(1, 15)), LIVE_HOURS)
        if not within(t):
            return
        host = "小鱼姐" if t < HOST_LEFT else "阿海"
        session = f"{t:%Y%m%d}-{host}"
        stay = int(R.expovariate(1 / 240)) + 5
        live.append((t, p.dy_uid, "进入直播间", session, host, stay, ""))
        if not chance(0.4):
            continue
        cat = category_for(t)
        tc = t + timedelta(seconds=R.uniform(30, max(40, stay)))
        live.append((tc, p.dy_uid, "点击商品", session, host, "", cat))
        p_order = 0.3 if t < HOST_LEFT else 0.13
        if not chance(p_order):
            continue
        to = tc + timedelta(seconds=R.uniform(30, 600))
        if not within(to):
            return
        oid = f"DY{nxt('dy') + 6900000000:010d}"
        value = amount(cat, to) * 0.92
        value = round(value, 2)
        status = "已完成"
        dy_orders.append(
            [
                oid,
                p.dy_uid,
                p.phone if chance(0.6) else "",
                to,
                cat,
                value,
                host,
                session,
                p.region,
                status,
            ]
        )
        row = dy_orders[-1]
        n_ref = len(refunds)
        fulfil(p, oid, to, cat, value, "抖音")
        if len(refunds) > n_ref:
            row[-1] = "已退款" if refunds[-1][4] >= value * 100 - 1 else "部分退款"
        elif to > END - timedelta(days=3):
            row[-1] = "已发货"
        if chance(0.12) and row[2]:
            # later joins the mini-program with the same phone
            p.openid = None
            t2 = to + timedelta(days=R.uniform(3, 60))
            if within(t2):
                ev(p, t2, "enter", pick(["search", "direct", "share"]))
                login(p, t2 + timedelta(minutes=1))
                if chance(0.45):
                    mp_visit(p, t2 + timedelta(minutes=3), "direct", 0.3)


def jd_buyer(d):
    p = new_person()
    p.jd_pin = f"jd_{h('pin' + str(nxt('pin')))[:10]}"
    t = at(d)
    cat = category_for(t)
    if not within(t):
        return
    oid = f"{nxt('jd') + 280000000000:d}"
    value = round(amount(cat, t), 2)
    status = "完成"
    jd_orders.append(
        [oid, p.jd_pin, p.phone if chance(0.5) else "", t, cat, value, p.region, status]
    )
    row = jd_orders[-1]
    n_ref = len(refunds)
    fulfil(p, oid, t, cat, value, "京东")
    if len(refunds) > n_ref:
        row[-1] = "退款成功"
    elif t > END - timedelta(days=3):
        row[-1] = "等待收货"
    if chance(0.3):
        t2 = t + timedelta(days=R.uniform(10, 120))
        if within(t2):
            cat2 = category_for(t2)
            oid2 = f"{nxt('jd') + 280000000000:d}"
            v2 = round(amount(cat2, t2), 2)
            jd_orders.append([oid2, p.jd_pin, row[2], t2, cat2, v2, p.region, "完成"])
            fulfil(p, oid2, t2, cat2, v2, "京东")


def existing_member():
    p = new_person()
    p.level = pick(["普通会员", "银卡会员", "金卡会员"], [0.6, 0.3, 0.1])
    p.openid = "oYX" + h(f"openid{nxt('oid')}")[:21]
    p.member = f"M{nxt('mem')}"
    members.append((p, START - timedelta(days=R.uniform(20, 900))))
    n = poisson({"普通会员": 1.2, "银卡会员": 2.5, "金卡会员": 5.0}[p.level])
    for _ in range(n):
        d = START.date() + timedelta(days=R.randrange(N_DAYS))
        if chance(0.25):
            d = date(2026, 9, 1) + timedelta(days=R.randrange(60))
        mp_visit(p, at(d), pick(["oa", "direct", "share"], [3, 3, 1]), 0.35)


def simulate():
    for _ in range(650):
        existing_member()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        w = demand(d)
        for _ in range(poisson(9 * w)):
            mp_shopper(d)
        for _ in range(poisson(8 * w)):
            douyin_viewer(d)
        for _ in range(poisson(2.4 * w)):
            jd_buyer(d)


def utc_iso(ts):
    return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"


def epoch_ms(ts):
    return calendar.timegm((ts - timedelta(hours=8)).timetuple()) * 1000 + R.randrange(1000)


def write(folder: Path):
    with open(folder / "mp_events.jsonl", "w") as f:
        for ts, oid, mem, event, src, cat in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {"t": epoch_ms(ts), "openid": oid, "event": event, "scene": src}
            if mem:
                obj["member_id"] = mem
            if cat:
                obj["goods_cat"] = cat
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_id", "openid", "phone_sha", "reg_time", "region", "level"])
        for p, ts in sorted(members, key=lambda r: r[0].member):
            w.writerow(
                [
                    p.member,
                    p.openid or "",
                    p.phone,
                    calendar.timegm((ts - timedelta(hours=8)).timetuple()),
                    p.region,
                    p.level,
                ]
            )
    with open(folder / "orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "member_id",
                "openid",
                "paid_at",
                "category",
                "pay_amount_fen",
                "goods_amount_fen",
                "pay_method",
                "card_no",
                "warehouse",
                "ship_region",
                "scene",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[3], r[0])):
            w.writerow(
                [r[0], r[1], r[2], utc_iso(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]]
            )
    with open(folder / "refunds.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "refund_no",
                "order_ref",
                "member_id",
                "douyin_uid",
                "jd_pin",
                "refunded_at",
                "refund_fen",
                "sales_channel",
                "reason",
            ]
        )
        for r in sorted(refunds, key=lambda r: (r[3], r[0])):
            ids = r[2]
            w.writerow(
                [
                    r[0],
                    r[1],
                    ids["member"],
                    ids["dy"],
                    ids["jd"],
                    utc_iso(r[3]),
                    r[4],
                    {"小程序": "MINIAPP", "抖音": "DOUYIN", "京东": "JD"}[r[5]],
                    r[6],
                ]
            )
    with open(folder / "douyin_live.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["行为时间", "抖音用户ID", "行为", "直播场次", "主播", "停留秒数", "商品类目"])
        for r in sorted(live, key=lambda r: (r[0], r[1], r[2])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", r[1], r[2], r[3], r[4], r[5], r[6]])
    with open(folder / "douyin_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "抖音用户ID",
                "收件人手机(加密)",
                "下单时间",
                "商品类目",
                "实付金额(元)",
                "带货主播",
                "直播场次",
                "收货大区",
                "订单状态",
            ]
        )
        for r in sorted(dy_orders, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{r[3]:%Y-%m-%d %H:%M:%S}",
                    r[4],
                    f"{r[5]:.2f}",
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                ]
            )
    with open(folder / "jd_orders.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "京东账号",
                "手机号密文",
                "下单时间",
                "商品分类",
                "订单金额",
                "收货地区",
                "订单状态",
            ]
        )
        for r in sorted(jd_orders, key=lambda r: (r[3], r[0])):
            w.writerow(
                [r[0], r[1], r[2], f"{r[3]:%Y/%m/%d %H:%M}", r[4], f"{r[5]:.2f}", r[6], r[7]]
            )
    with open(folder / "warehouse_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "op_time",
                "warehouse",
                "order_ref",
                "op",
                "platform",
                "member_no",
                "dy_uid",
                "jd_pin",
                "sku_cat",
            ]
        )
        for ts, whn, oid, step, ch, ids, cat in sorted(wh, key=lambda r: (r[0], r[2], r[3])):
            w.writerow(
                [
                    f"{ts:%Y-%m-%d %H:%M}",
                    whn,
                    oid,
                    step,
                    ch,
                    ids["member"],
                    ids["dy"],
                    ids["jd"],
                    cat,
                ]
            )
    with open(folder / "courier_tracking.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "waybill_no",
                "order_ref",
                "carrier",
                "scan_type",
                "scan_time",
                "member_no",
                "dy_uid",
                "jd_pin",
                "dest_region",
                "origin",
            ]
        )
        for r in sorted(courier, key=lambda r: (r[4], r[0], r[3])):
            ids = r[5]
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    f"{r[4]:%Y-%m-%dT%H:%M:%S}+08:00",
                    ids["member"],
                    ids["dy"],
                    ids["jd"],
                    r[6],
                    r[7],
                ]
            )

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "aftersales_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "order_ref",
                "member_no",
                "dy_uid",
                "jd_pin",
                "created",
                "first_reply",
                "closed",
                "issue_type",
                "service_channel",
                "is_claim",
                "compensation_yuan",
                "satisfaction",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            ids = r[2]
            w.writerow(
                [
                    r[0],
                    r[1],
                    ids["member"],
                    ids["dy"],
                    ids["jd"],
                    fmt(r[3]),
                    fmt(r[4]),
                    fmt(r[5]),
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                    r[10],
                ]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "投放渠道", "金额(元)"])
        m = date(START.year, START.month, 1)
        while m < END.date():
            dt = datetime(m.year, m.month, 1)
            season = 1.6 if m.month in (9, 10, 11) else (1.5 if m.month in (1, 2) else 1.0)
            base = {"抖音千川": 42000, "小红书": 15000, "京东快车": 12000}
            for ch, amt in base.items():
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * season * R.uniform(0.9, 1.1):.2f}"])
            # 主播佣金: commission on live-stream sales of that month
            lo, hi = dt, datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)
            sales = sum(r[5] for r in dy_orders if lo <= r[3] < hi)
            rate = 0.2 if dt < HOST_LEFT else 0.12
            w.writerow([f"{m:%Y-%m}", "主播佣金", f"{sales * rate:.2f}"])
            m = hi.date()


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="seafood-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    print(f"people simulated: {len(people)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
