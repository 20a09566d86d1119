"""Optician evaluation domain: 明视眼镜 (MingShi Optical), 40 eyewear stores in Chengdu, Chongqing
and Xi'an, a Tmall store and a WeChat mini-program.

    python generate.py OUT.duckdb

Writes MingShi's own exports (seeded: the same files every run) to a temporary folder —

  members.csv            POS member file (Chinese headers): 会员手机MD5, 注册时间, 城市,
                         年龄段, 会员等级, 注册渠道, 常去门店
  pos_transactions.csv   store POS (Chinese headers, 'YYYY-MM-DD HH:mm' local, 元):
                         验光 / 配镜 / 取镜 / 调校 / 隐形
  appointments.jsonl     appointment system status log: phone_md5, epoch seconds UTC,
                         预约 / 已到店 / 未到 / 取消
  lab_jobs.csv           lens-lab job log: 送厂 / 回厂 with 'YYYY/MM/DD' dates
  tmall_orders.csv       Tmall order export (买家会员名; 绑定手机MD5 once the buyer joined
                         the membership)
  miniprogram_events.jsonl  WeChat mini-program events by openid; phone_hash only after binding
  service_tickets.csv    customer-service tickets
  marketing_monthly.csv  monthly marketing sheet (美团, 小红书, 抖音本地生活, 学校讲座) in 元

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
The appointment system writes epoch seconds, which `tpa ingest` has no format for, so the file is
rewritten with UTC ISO times (ending in Z) before loading, as MingShi's nightly export script does.
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
LAB_BACKLOG = (datetime(2026, 6, 5), datetime(2026, 6, 19))  # Chengdu lens lab backlog 5-18 June
DOUYIN_START = datetime(2026, 4, 1)  # 抖音本地生活 deals campaign
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))  # children's myopia-control peak
PROG_RISE = datetime(2026, 9, 1)  # progressive lens price +20 %
D11 = (datetime(2026, 10, 20), datetime(2026, 11, 12))  # 双十一 pre-sale and day

R = random.Random(SEED)

CITIES = ["成都", "重庆", "西安"]
STORES = {
    "成都": [
        "春熙路",
        "太古里",
        "天府广场",
        "建设路",
        "双楠",
        "金沙",
        "高新",
        "环球中心",
        "温江",
        "郫都",
        "龙泉驿",
        "新都",
        "玉林",
        "骡马市",
        "驷马桥",
        "光华",
        "华阳",
        "双流",
    ],
    "重庆": [
        "解放碑",
        "观音桥",
        "沙坪坝",
        "杨家坪",
        "南坪",
        "大坪",
        "北碚",
        "江北嘴",
        "大学城",
        "礼嘉",
        "龙湖时代天街",
        "巴南",
        "渝北",
    ],
    "西安": ["钟楼", "小寨", "曲江", "高新路", "北大街", "赛格", "未央", "长安", "凤城"],
}
PREFIX = {"成都": "CD", "重庆": "CQ", "西安": "XA"}
STORE_LIST = []  # (code, name, city)
for _c, _names in STORES.items():
    for _i, _n in enumerate(_names):
        STORE_LIST.append((f"{PREFIX[_c]}{_i + 1:02d}", f"{_c}{_n}店", _c))
STORES_OF = {c: [s for s in STORE_LIST if s[2] == c] for c in CITIES}
CITY_W = [0.45, 0.33, 0.22]
AGES = ["儿童(6-17)", "18-29", "30-44", "45-59", "60+"]
AGE_W = [0.16, 0.27, 0.27, 0.19, 0.11]
FRAMES = ["钛架", "板材", "无框"]
LENSES = ["单光", "渐进多焦点", "防蓝光", "离焦镜"]
LENS_PRICE = {
    "单光": (280, 1200),
    "渐进多焦点": (1500, 3800),
    "防蓝光": (380, 1100),
    "离焦镜": (2400, 4200),
}
FRAME_PRICE = {"钛架": (480, 2200), "板材": (260, 1500), "无框": (380, 1800)}
OPTOMETRISTS = [f"验光师{i:02d}" for i in range(1, 61)]


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


STORE_HOURS = [0] * 10 + [3, 4, 3, 3, 4, 5, 5, 4, 5, 5, 4, 2] + [0] * 2
ONLINE_HOURS = [
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
    3.5,
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


def at(d, hours=STORE_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


members, pos, appts, lab, tmall, mp, tickets = ([] for _ in range(7))
seq = {
    "phone": 13800000000,
    "order": 260000,
    "ticket": 0,
    "appt": 0,
    "job": 0,
    "tm": 0,
    "open": 0,
    "nick": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city=None, age=None):
        self.city = city or pick(CITIES, CITY_W)
        self.age = age or pick(AGES, AGE_W)
        self.store = R.choice(STORES_OF[self.city])
        self.phone = None
        self.openid = None
        self.nick = None
        self.joined = None
        self.tier = "普通"


people = []


def identify(p, ts, via):
    """The person gives a phone number: a POS member from now on."""
    if p.phone is None:
        p.phone = h(f"phone{nxt('phone')}")
        p.joined = ts
        p.via = via
        members.append(p)


def mp_event(p, ts, name, amount="", source="", bound=None):
    if not within(ts):
        return
    if p.openid is None:
        p.openid = "o" + h(f"open{nxt('open')}")[:27]
    mp.append(
        (
            ts,
            p.openid,
            p.phone if (bound if bound is not None else p.phone) else "",
            name,
            amount,
            source,
        )
    )


def ticket(p, ts, cat, channel=None, mood=0.0):
    if not within(ts):
        return
    ch = channel or pick(["门店", "400电话", "小程序客服", "天猫旺旺"], [0.45, 0.3, 0.2, 0.05])
    first = {
        "门店": R.uniform(0.05, 2),
        "400电话": R.uniform(0.02, 0.6),
        "小程序客服": R.uniform(0.1, 6),
        "天猫旺旺": R.uniform(0.05, 3),
    }[ch]
    if cat == "取镜等待过长" and inw(ts, (datetime(2026, 6, 8), datetime(2026, 7, 5))):
        first *= 2.5
    res = (
        first
        + {
            "验光度数不准": R.uniform(24, 160),
            "镜片划痕": R.uniform(24, 120),
            "取镜等待过长": R.uniform(4, 72),
            "镜架调整": R.uniform(1, 30),
            "隐形眼镜配送": R.uniform(6, 60),
        }[cat]
    )
    solved = ts + timedelta(hours=res)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.2 - mood, 0.8))))
    complaint = (
        "是"
        if cat in ("验光度数不准", "镜片划痕") or (cat == "取镜等待过长" and chance(0.7))
        else "否"
    )
    tickets.append(
        (
            f"KF{nxt('ticket'):06d}",
            p.phone or "",
            p.nick or "" if ch == "天猫旺旺" or not p.phone else "",
            p.openid or "" if ch == "小程序客服" or not p.phone else "",
            ts,
            ts + timedelta(hours=first),
            solved if solved < END and chance(0.96) else None,
            cat,
            ch,
            complaint,
            sat,
        )
    )


def lens_choice(p, ts):
    if p.age == "儿童(6-17)":
        return pick(
            LENSES, [0.4, 0.0, 0.05, 0.55] if not inw(ts, SUMMER) else [0.25, 0.0, 0.05, 0.7]
        )
    if p.age in ("45-59", "60+"):
        w_prog = 0.5 if ts < PROG_RISE else 0.36
        return pick(LENSES, [0.4, w_prog, 0.1, 0.0])
    return pick(LENSES, [0.6, 0.02, 0.38, 0.0])


def glasses(p, ts, store):
    """Eye test done: maybe an order, then the lab, the collection, adjustments, complaints."""
    code, name, city = store
    p_order = 0.62
    if p.age == "儿童(6-17)":
        p_order = 0.7
    if not chance(p_order):
        return
    lens = lens_choice(p, ts)
    if lens == "渐进多焦点" and ts >= PROG_RISE and chance(0.15):
        return  # walked away over the new price
    frame = pick(FRAMES, [0.4, 0.45, 0.15] if p.age != "儿童(6-17)" else [0.2, 0.8, 0.0])
    lo, hi = LENS_PRICE[lens]
    lp = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if lens == "渐进多焦点" and ts >= PROG_RISE:
        lp *= 1.2
    fp = math.exp(R.uniform(math.log(FRAME_PRICE[frame][0]), math.log(FRAME_PRICE[frame][1])))
    total = round(lp + fp, -1)
    deposit = round(total * R.choice([0.3, 0.5, 0.5, 1.0]), -1)
    ot = ts + timedelta(minutes=R.uniform(15, 50))
    if not within(ot):
        return
    oid = f"MS{nxt('order')}"
    pos.append(
        (
            oid,
            p.phone,
            code,
            name,
            city,
            ot,
            "配镜",
            frame,
            lens,
            f"{total:.2f}",
            f"{deposit:.2f}",
            R.choice(OPTOMETRISTS),
        )
    )
    # lens lab
    sent = (ot + timedelta(days=R.choice([0, 1, 1]))).date()
    backlog = city == "成都" and inw(datetime(sent.year, sent.month, sent.day), LAB_BACKLOG)
    turn = R.randint(8, 13) if backlog else R.randint(2, 5)
    if lens in ("渐进多焦点", "离焦镜"):
        turn += 1
    back = sent + timedelta(days=turn)
    job = f"LJ{nxt('job'):06d}"
    lab.append((job, oid, p.phone, code, "送厂", sent, lens))
    if back >= END.date():
        return
    lab.append((job, oid, p.phone, code, "回厂", back, lens))
    coll = datetime(back.year, back.month, back.day) + timedelta(days=R.choice([0, 1, 1, 2, 3]))
    coll = at(coll.date())
    if coll <= ot:
        coll = ot + timedelta(days=2)
    if backlog and chance(0.35):
        ticket(p, ot + timedelta(days=R.uniform(6, 10)), "取镜等待过长", mood=1.5)
    elif chance(0.02):
        ticket(p, ot + timedelta(days=R.uniform(5, 8)), "取镜等待过长", mood=0.8)
    if not within(coll):
        return
    balance = total - deposit
    pos.append(
        (oid, p.phone, code, name, city, coll, "取镜", frame, lens, "", f"{balance:.2f}", "")
    )
    if chance(0.035 if lens != "渐进多焦点" else 0.07):
        ticket(p, coll + timedelta(days=R.uniform(1, 14)), "验光度数不准", mood=1.0)
    if chance(0.02 if not backlog else 0.05):
        ticket(p, coll + timedelta(days=R.uniform(3, 40)), "镜片划痕", mood=0.8)
    if chance(0.3):
        ta = at((coll + timedelta(days=R.uniform(3, 60))).date())
        if within(ta):
            pos.append((oid, p.phone, code, name, city, ta, "调校", frame, lens, "", "0.00", ""))
            if chance(0.08):
                ticket(
                    p, ta + timedelta(hours=R.uniform(1, 48)), "镜架调整", channel="门店", mood=0.3
                )


def arrive(p, ts, store):
    """At the store: the free eye test (POS 验光 row, 0 元), then maybe glasses."""
    code, name, city = store
    if not within(ts):
        return
    identify(p, ts, "门店")
    pos.append(
        (
            "",
            p.phone,
            code,
            name,
            city,
            ts + timedelta(minutes=R.uniform(2, 10)),
            "验光",
            "",
            "",
            "",
            "0.00",
            R.choice(OPTOMETRISTS),
        )
    )
    glasses(p, ts + timedelta(minutes=15), store)
    if p.age not in ("儿童(6-17)", "60+") and chance(0.12):
        contact_lens_habit(p, ts + timedelta(minutes=40), store, first_in_store=True)


def book(p, d, source):
    """An appointment for a free eye test, made online / by phone / after a school talk."""
    created = at(d, ONLINE_HOURS)
    if not within(created):
        return
    if source in ("小程序", "学校讲座"):
        mp_event(
            p,
            created - timedelta(minutes=R.uniform(1, 8)),
            "view_store",
            source={"小程序": "", "学校讲座": "school_qr"}[source],
        )
        if p.phone is None:
            identify(p, created - timedelta(minutes=1), "小程序")
            mp_event(p, created - timedelta(seconds=30), "bind_phone", bound=True)
    else:
        identify(p, created, {"美团": "美团", "抖音": "抖音", "电话": "电话"}[source])
    slot_day = (created + timedelta(days=R.choice([0, 1, 1, 2, 3, 4, 6]))).date()
    slot = datetime(
        slot_day.year, slot_day.month, slot_day.day, R.choice(range(10, 21)), R.choice([0, 30])
    )
    if slot <= created:
        slot = created + timedelta(hours=3)
    aid = f"AP{nxt('appt'):07d}"
    store = p.store
    appts.append((aid, p.phone, store[0], source, "预约", created, slot))
    no_show = {"小程序": 0.14, "美团": 0.2, "抖音": 0.47, "电话": 0.09, "学校讲座": 0.12}[source]
    cancel = {"小程序": 0.08, "美团": 0.1, "抖音": 0.12, "电话": 0.06, "学校讲座": 0.05}[source]
    if chance(cancel):
        ct = created + (slot - created) * R.uniform(0.2, 0.95)
        if ct < END:
            appts.append((aid, p.phone, store[0], source, "取消", ct, slot))
        return
    if chance(no_show):
        if slot + timedelta(minutes=30) < END:
            appts.append(
                (aid, p.phone, store[0], source, "未到", slot + timedelta(minutes=30), slot)
            )
        return
    arr = slot + timedelta(minutes=R.uniform(-10, 15))
    if not within(arr):
        return
    appts.append((aid, p.phone, store[0], source, "已到店", arr, slot))
    arrive(p, arr, store)


def contact_lens_habit(p, ts, store, first_in_store=False):
    """Contact lenses: reordered every 1-3 months, online (Tmall / mini-program) or in store."""
    code, name, city = store
    t = ts
    if first_in_store and within(t):
        amt = round(R.uniform(160, 520), -1)
        pos.append(
            ("", p.phone, code, name, city, t, "隐形", "", "", f"{amt:.2f}", f"{amt:.2f}", "")
        )
    where = pick(["天猫", "小程序", "门店"], [0.5, 0.3, 0.2])
    if where == "天猫" and p.nick is None:
        p.nick = "tb_" + h(f"nick{nxt('nick')}")[:10]
    months = R.choice([1, 1, 2, 2, 3])
    while True:
        t = t + timedelta(days=30 * months + R.uniform(-6, 8))
        if t >= END:
            return
        if chance(0.07):
            return  # stopped wearing / went elsewhere
        d11 = inw(t, D11)
        if where == "天猫" and not d11 and t.month in (9, 10) and chance(0.5):
            # waits for 双十一 to stock up
            t = datetime(2026, 11, 11) - timedelta(days=pick([0, 1, 10, 11, 20], [6, 1, 2, 1, 1]))
            t = at(t.date(), ONLINE_HOURS)
            d11 = True
        if t < START:
            continue
        if where == "天猫":
            amt = round(R.uniform(150, 480) * (R.choice([2, 3, 4]) if d11 else 1), 0)
            tmall_order(p, at(t.date(), ONLINE_HOURS), "隐形眼镜", amt)
            if d11:
                months = max(months, 3)
        elif where == "小程序":
            tt = at(t.date(), ONLINE_HOURS)
            mp_event(p, tt, "open_mp")
            mp_event(
                p,
                tt + timedelta(minutes=R.uniform(1, 5)),
                "cl_order_paid",
                amount=f"{round(R.uniform(150, 480)):.0f}",
            )
            if chance(0.02):
                ticket(
                    p,
                    tt + timedelta(days=R.uniform(2, 6)),
                    "隐形眼镜配送",
                    channel="小程序客服",
                    mood=0.6,
                )
        else:
            ts2 = at(t.date())
            if within(ts2):
                identify(p, ts2, "门店")
                amt = round(R.uniform(160, 520), -1)
                pos.append(
                    (
                        "",
                        p.phone,
                        code,
                        name,
                        city,
                        ts2,
                        "隐形",
                        "",
                        "",
                        f"{amt:.2f}",
                        f"{amt:.2f}",
                        "",
                    )
                )


def tmall_order(p, ts, item, amt):
    if not within(ts):
        return
    if p.nick is None:
        p.nick = "tb_" + h(f"nick{nxt('nick')}")[:10]
    closed = chance(0.06)
    tid = f"{3900000000000000 + nxt('tm') * 7919}"
    tmall.append(
        (
            tid,
            p.nick,
            p.phone if p.phone and chance(0.8) else "",
            ts,
            item,
            "0.00" if closed else f"{amt:.2f}",
            "交易关闭" if closed else "交易成功",
        )
    )
    if not closed and item == "隐形眼镜" and chance(0.015):
        ticket(
            p, ts + timedelta(days=R.uniform(2, 8)), "隐形眼镜配送", channel="天猫旺旺", mood=0.5
        )


def base_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() >= 5:
        w *= 1.5
    if dt.month == 2 and dt.day < 25 and dt >= datetime(2026, 2, 14):
        w *= 0.5  # 春节
    if inw(dt, SUMMER):
        w *= 1.15
    return w


def simulate():
    # existing members: contact-lens wearers and returning glasses customers
    for _ in range(900):
        p = Person(age=pick(AGES[1:], [0.35, 0.35, 0.2, 0.1]))
        people.append(p)
        identify(
            p,
            START - timedelta(days=R.uniform(60, 1500)),
            pick(["门店", "小程序", "美团"], [6, 3, 1]),
        )
        p.tier = pick(["普通", "银卡", "金卡"], [0.5, 0.35, 0.15])
        contact_lens_habit(p, START - timedelta(days=R.uniform(0, 90)), p.store)
    for _ in range(700):
        p = Person()
        people.append(p)
        identify(p, START - timedelta(days=R.uniform(200, 1800)), pick(["门店", "小程序"], [4, 1]))
        p.tier = pick(["普通", "银卡", "金卡"], [0.4, 0.4, 0.2])
        d = START.date() + timedelta(days=R.randrange(N_DAYS))
        if chance(0.6):
            book(p, d, pick(["小程序", "电话"], [3, 1]))
        else:
            arrive(p, at(d), p.store)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = base_weight(d)
        for _ in range(poisson(5.5 * w)):  # walk-ins
            p = Person()
            people.append(p)
            arrive(p, at(d), p.store)
        for _ in range(poisson(4.0 * w)):  # mini-program bookings
            p = Person()
            people.append(p)
            book(p, d, "小程序")
        for _ in range(poisson(1.6 * w)):
            p = Person()
            people.append(p)
            book(p, d, "美团")
        for _ in range(poisson(0.8 * w)):
            p = Person()
            people.append(p)
            book(p, d, "电话")
        if dt >= DOUYIN_START:
            lam = 3.2 if dt < datetime(2026, 6, 1) else 2.4
            for _ in range(poisson(lam * w)):
                p = Person(age=pick(AGES, [0.05, 0.45, 0.35, 0.1, 0.05]))
                people.append(p)
                book(p, d, "抖音")
        # school talks: children's myopia control, peak in the summer holiday
        lam_school = 0.6
        if inw(dt, SUMMER):
            lam_school = 6.5
        elif dt.month in (6, 9):
            lam_school = 1.8
        for _ in range(poisson(lam_school)):
            p = Person(age="儿童(6-17)")
            people.append(p)
            book(p, d, "学校讲座")
        # mini-program browsers who never book (openid only)
        for _ in range(poisson(3.0 * w)):
            p = Person()
            people.append(p)
            t = at(d, ONLINE_HOURS)
            mp_event(p, t, "open_mp")
            mp_event(p, t + timedelta(minutes=R.uniform(0.5, 4)), "view_store")
            if chance(0.3):
                mp_event(p, t + timedelta(minutes=R.uniform(4, 8)), "coupon_claimed")
        # Tmall-only contact-lens buyers
        lam_tm = 2.2
        if inw(dt, D11):
            lam_tm = 6.0 if d not in (date(2026, 11, 1), date(2026, 11, 11)) else 60.0
        for _ in range(poisson(lam_tm)):
            p = Person(age=pick(AGES[1:], [0.45, 0.35, 0.15, 0.05]))
            people.append(p)
            amt = round(R.uniform(150, 480) * (R.choice([2, 3, 4]) if inw(dt, D11) else 1), 0)
            item = pick(["隐形眼镜", "护理液", "框架眼镜套餐"], [0.75, 0.15, 0.1])
            if item == "护理液":
                amt = round(R.uniform(39, 129), 0)
            elif item == "框架眼镜套餐":
                amt = round(R.uniform(399, 1299), 0)
            tmall_order(p, at(d, ONLINE_HOURS), item, amt)
            if item == "隐形眼镜" and chance(0.4):
                contact_lens_habit(p, at(d, ONLINE_HOURS), p.store)


def write(folder: Path):
    def hm(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["会员手机MD5", "注册时间", "城市", "年龄段", "会员等级", "注册渠道", "常去门店"]
        )
        for p in sorted(members, key=lambda p: p.phone):
            w.writerow([p.phone, hm(p.joined), p.city, p.age, p.tier, p.via, p.store[1]])
    with open(folder / "pos_transactions.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "配镜单号",
                "会员手机MD5",
                "门店编码",
                "门店名称",
                "城市",
                "交易时间",
                "业务类型",
                "镜架类型",
                "镜片类型",
                "订单金额(元)",
                "实收(元)",
                "验光师",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[5], r[1], r[6])):
            w.writerow([r[0], r[1], r[2], r[3], r[4], hm(r[5]), *r[6:]])
    raw = []
    for aid, phone, store, source, status, ts, slot in sorted(appts, key=lambda r: (r[5], r[0])):
        utc = ts - timedelta(hours=8)
        sutc = slot - timedelta(hours=8)
        raw.append(
            {
                "appt_id": aid,
                "phone_md5": phone,
                "store_code": store,
                "source": source,
                "status": status,
                "event_time": int((utc - datetime(1970, 1, 1)).total_seconds()),
                "slot_time": int((sutc - datetime(1970, 1, 1)).total_seconds()),
            }
        )
    with open(folder / "appointments.jsonl", "w", encoding="utf-8") as f:
        for obj in raw:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "lab_jobs.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["工单号", "配镜单号", "顾客手机MD5", "门店编码", "状态", "日期", "镜片类型"])
        for r in sorted(lab, key=lambda r: (r[5], r[0], r[4])):
            if START.date() <= r[5] < END.date():
                w.writerow([r[0], r[1], r[2], r[3], r[4], f"{r[5]:%Y/%m/%d}", r[6]])
    with open(folder / "tmall_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "买家会员名",
                "绑定手机MD5",
                "订单创建时间",
                "宝贝类型",
                "买家实际支付金额",
                "订单状态",
            ]
        )
        for r in sorted(tmall, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5], r[6]])
    with open(folder / "miniprogram_events.jsonl", "w", encoding="utf-8") as f:
        for ts, openid, phone, name, amount, source in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "openid": openid,
                "phone_hash": phone or None,
                "event": name,
                "time": f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
            }
            if amount:
                obj["pay_amount"] = amount
            if source:
                obj["scene"] = source
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "service_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单编号",
                "客户手机MD5",
                "天猫昵称",
                "小程序openid",
                "创建时间",
                "首次回复时间",
                "解决时间",
                "问题类型",
                "受理渠道",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], r[3], hm(r[4]), hm(r[5]), hm(r[6]), *r[7:]])
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "费用(元)"])
        m = date(START.year, START.month, 1)
        while m < END.date():
            for ch, base in (("美团", 42000), ("小红书", 26000)):
                w.writerow([f"{m:%Y-%m}", ch, f"{base * R.uniform(0.85, 1.15):.2f}"])
            if m >= date(2026, 4, 1):
                w.writerow(
                    [
                        f"{m:%Y-%m}",
                        "抖音本地生活",
                        f"{(88000 if m < date(2026, 6, 1) else 65000) * R.uniform(0.9, 1.1):.2f}",
                    ]
                )
            school = 60000 if m.month in (7, 8) else (18000 if m.month in (6, 9) else 6000)
            w.writerow([f"{m:%Y-%m}", "学校讲座", f"{school * R.uniform(0.9, 1.1):.2f}"])
            m = date(m.year + (m.month // 12), m.month % 12 + 1, 1)


def preprocess(folder: Path):
    """The nightly export script: epoch seconds (UTC) -> ISO with Z, which `tpa ingest` reads."""
    with (
        open(folder / "appointments.jsonl", encoding="utf-8") as f,
        open(folder / "appointments_iso.jsonl", "w", encoding="utf-8") as g,
    ):
        for line in f:
            obj = json.loads(line)
            for k in ("event_time", "slot_time"):
                obj[k] = f"{datetime(1970, 1, 1) + timedelta(seconds=obj[k]):%Y-%m-%dT%H:%M:%S}Z"
            g.write(json.dumps(obj, ensure_ascii=False) + "\n")
    (folder / "appointments.jsonl").rename(folder / "_appointments_epoch.jsonl")


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="optician-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        preprocess(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
        print(f"people simulated: {len(people)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
