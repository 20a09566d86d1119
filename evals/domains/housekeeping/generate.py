"""Housekeeping evaluation domain: 好帮手家政, home services in Hangzhou, Nanjing, Suzhou.

    python generate.py OUT.duckdb

Writes HaoBangShou's own exports (seeded: the same files every run) to a temporary folder —

  会员列表.csv            order system member list (会员号, 手机号MD5, 注册时间, 城市…)
  订单列表.csv            order system orders ('YYYY/MM/DD HH:mm' Shanghai time, 元)
  支付流水.csv            order system payments (定金 / 全款 / 尾款 / 退款)
  订单状态变更.csv        order system cancellations
  miniprogram_events.jsonl  mini-program event log (epoch ms, openid; member_no after phone binding)
  dispatch_log.csv        worker dispatch log (English columns, ISO UTC with Z, worker id)
  meituan_orders.csv      美团 order export (its own product names and status words)
  58_orders.csv           58同城 order export ('YYYY年MM月DD日 HH:mm', its own status words)
  投诉工单.csv            complaint / service tickets
  评价导出.csv            ratings export (1-5 stars)
  市场费用.csv            monthly marketing sheet (美团推广, 58同城, 小红书, 社群运营) in 元

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
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
PEAK = (
    datetime(2026, 1, 5),
    datetime(2026, 2, 16),
)  # pre-春节 deep-cleaning peak (春节 = 17 Feb 2026)
SUZHOU_OPEN = datetime(2026, 5, 18)
OUTAGE = (datetime(2026, 7, 12), datetime(2026, 7, 15))  # dispatch system down 12-14 July
CARD_LAUNCH = datetime(2026, 8, 1)  # 次卡 (10-visit card)
YUESAO_RISE = datetime(2026, 10, 1)  # 月嫂 12800 -> 14800
WUBA_WORSE = datetime(2026, 6, 1)  # 58同城 orders: more cancellations, worse ratings

R = random.Random(SEED)

CITIES = ["杭州", "南京", "苏州"]
CITY_CODE = {"杭州": "HGH", "南京": "NKG", "苏州": "SZV"}
SOURCES = ["mt", "58", "xhs", "wxqun", "invite", "search"]
SERVICES = ["daily_clean", "deep_clean", "appliance", "yuesao", "yuersao"]
SVC_ZH = {
    "daily_clean": "日常保洁",
    "deep_clean": "深度保洁",
    "appliance": "家电清洗",
    "yuesao": "月嫂",
    "yuersao": "育儿嫂",
}
MT_NAME = {
    "daily_clean": "【日常保洁】3小时家庭保洁",
    "deep_clean": "【深度保洁】全屋深度清洁",
    "appliance": "【家电清洗】空调/油烟机清洗",
}
WB_NAME = {"daily_clean": "日常保洁(3小时)", "deep_clean": "深度开荒保洁", "appliance": "家电清洗"}
CARD_PRICE = 1280.0
HOURS = [
    0.1,
    0.05,
    0.05,
    0.05,
    0.05,
    0.1,
    0.3,
    0.8,
    1.5,
    2,
    2.5,
    2.5,
    2.8,
    2.5,
    2.2,
    2.2,
    2.3,
    2.5,
    2.8,
    3.5,
    4,
    3.8,
    2.5,
    0.8,
]
WORK_HOURS = [0] * 8 + [4, 5, 4, 2, 1, 4, 5, 4, 3, 1] + [0] * 6


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


mp, members, orders, pays, status, dispatch, mt, wb, tickets, ratings = ([] for _ in range(10))
seq = {
    "member": 300000,
    "order": 0,
    "pay": 0,
    "ticket": 0,
    "mt": 0,
    "wb": 0,
    "job": 0,
    "open": 0,
    "phone": 0,
}
WORKERS = {
    c: [f"{CITY_CODE[c]}{i:04d}" for i in range(1, n)]
    for c, n in (("杭州", 160), ("南京", 120), ("苏州", 60))
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city, source):
        self.city = city
        self.source = source
        self.openid = None
        self.member = None
        self.phone = None
        self.card_left = 0
        self.segment = "企业客户" if chance(0.05) else "家庭客户"


def ensure_phone(p):
    if p.phone is None:
        p.phone = h(f"phone{nxt('phone')}")


def bind(p, ts):
    if p.member is None:
        ensure_phone(p)
        p.member = f"HB{nxt('member')}"
        members.append((p.member, p.phone, ts, p.city, p.source, p.segment))


def mp_event(p, ts, name, service=""):
    if not within(ts):
        return False
    if p.openid is None:
        p.openid = "oHBS_" + h(f"open{nxt('open')}")[:22]
    mp.append((ts, p.openid, p.member or "", name, p.source, service, CITY_CODE[p.city]))
    return True


def price(service, ts):
    if service == "daily_clean":
        hrs = pick([3, 4, 5], [0.6, 0.3, 0.1])
        return hrs * 45.0, hrs
    if service == "deep_clean":
        v = R.choice([398.0, 498.0, 598.0, 798.0, 998.0])
        if inw(ts, PEAK):
            v = round(v * 1.2, 0) - 0.4  # 春节加价 20%
        return v, R.uniform(5, 8)
    if service == "appliance":
        return R.choice([128.0, 168.0, 198.0, 268.0]), R.uniform(1, 2.5)
    if service == "yuesao":
        return (14800.0 if ts >= YUESAO_RISE else 12800.0), 26 * 24
    return 7800.0, 30 * 24


def complaint(p, ts, kind, order_no, via, mood=0.0):
    if not within(ts):
        return
    first = ts + timedelta(minutes=R.uniform(3, 90) if via != "美团" else R.uniform(60, 600))
    solved = first + timedelta(
        hours={
            "迟到": R.uniform(1, 24),
            "物品损坏": R.uniform(24, 160),
            "清洁不到位": R.uniform(4, 48),
            "服务态度": R.uniform(2, 36),
            "无人接单": R.uniform(1, 12),
            "退款咨询": R.uniform(2, 48),
        }[kind]
    )
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.0 - mood, 0.9))))
    is_c = "否" if kind == "退款咨询" else "是"
    tickets.append(
        (
            f"TS{nxt('ticket'):06d}",
            p.member or "",
            "" if p.member else (p.phone or ""),
            ts,
            first,
            solved if solved < END and chance(0.96) else None,
            kind,
            via,
            is_c,
            sat,
            order_no,
        )
    )


def fulfil(p, order_no, ts, service, hrs, via, platform=""):
    """Dispatch, the visit, completion, rating, complaints. Returns (outcome, time)."""
    if service in ("yuesao",):
        start = at((ts + timedelta(days=R.uniform(15, 90))).date(), WORK_HOURS)
    elif service == "yuersao":
        start = at((ts + timedelta(days=R.uniform(5, 20))).date(), WORK_HOURS)
    else:
        lead = R.uniform(2, 9) if inw(ts, PEAK) else R.uniform(0.5, 4)
        start = at((ts + timedelta(days=lead)).date(), WORK_HOURS)
    peak = inw(start, PEAK) and service in ("daily_clean", "deep_clean")
    outage = inw(start, OUTAGE) or inw(ts, OUTAGE)
    worse58 = platform == "58" and ts >= WUBA_WORSE
    ref = (p.member or "", "" if p.member else p.phone)
    job = f"J{nxt('job'):07d}"
    worker = R.choice(WORKERS[p.city])
    grade = "A" if worker[-1] in "0123" else ("B" if worker[-1] in "4567" else "C")
    # assignment
    assign_t = ts + timedelta(minutes=R.uniform(5, 240))
    if peak and chance(0.22):
        dispatch.append(
            (
                job,
                order_no,
                *ref,
                "",
                "UNFILLED",
                assign_t + timedelta(hours=R.uniform(2, 30)),
                "",
                service,
                p.city,
                "",
            )
        )
        if chance(0.3):
            complaint(
                p, assign_t + timedelta(hours=R.uniform(3, 30)), "无人接单", order_no, via, 1.2
            )
        return "no_worker", assign_t + timedelta(hours=R.uniform(6, 40))
    if outage and chance(0.3):
        if chance(0.35):
            complaint(p, start + timedelta(minutes=R.uniform(30, 120)), "迟到", order_no, via, 1.5)
        return "outage", start + timedelta(minutes=R.uniform(20, 180))
    if worse58 and chance(0.14):
        return "customer", ts + timedelta(hours=R.uniform(1, 48))
    if not outage:
        dispatch.append(
            (
                job,
                order_no,
                *ref,
                worker,
                "ASSIGNED",
                min(assign_t, start - timedelta(hours=1)),
                "",
                service,
                p.city,
                grade,
            )
        )
    # arrival
    p_late = 0.6 if outage else (0.26 if peak else (0.2 if worse58 else 0.1))
    late = int(max(5, R.gauss(45 if outage else 22, 12))) if chance(p_late) else 0
    arrive = start + timedelta(minutes=late if late else R.uniform(-8, 0))
    if not outage:
        dispatch.append(
            (job, order_no, *ref, worker, "CHECK_IN", arrive, str(late), service, p.city, grade)
        )
    done = arrive + timedelta(hours=hrs)
    if not within(done):
        return "open", None
    if outage and done < OUTAGE[1]:
        done_logged = OUTAGE[1] + timedelta(hours=R.uniform(9, 12))  # back-filled after the outage
    else:
        done_logged = done
    dispatch.append((job, order_no, *ref, worker, "DONE", done_logged, "", service, p.city, grade))
    mood = 0.0
    if late:
        mood = 1.3
        if chance(0.3 if outage else 0.22):
            complaint(p, arrive + timedelta(minutes=R.uniform(0, 90)), "迟到", order_no, via, mood)
    if chance(0.045 if not worse58 else 0.1):
        complaint(p, done + timedelta(hours=R.uniform(1, 30)), "清洁不到位", order_no, via, 0.8)
        mood += 1.0
    if chance(0.012):
        complaint(p, done + timedelta(hours=R.uniform(1, 48)), "物品损坏", order_no, via, 1.0)
        mood += 1.2
    if chance(0.01):
        complaint(p, done + timedelta(hours=R.uniform(1, 24)), "服务态度", order_no, via, 0.8)
    if p.member and chance(0.55):
        t = done + timedelta(hours=R.uniform(0.5, 72))
        if within(t):
            base = (
                4.6
                - (0.4 if peak else 0)
                - (0.5 if service == "yuesao" and t >= YUESAO_RISE else 0)
            )
            stars = max(1, min(5, round(R.gauss(base - 0.8 * mood - (0.6 if worse58 else 0), 0.7))))
            text = ""
            if chance(0.4):
                text = (
                    R.choice(["阿姨迟到了", "打扫不干净", "等了很久"])
                    if stars <= 3
                    else R.choice(
                        ["阿姨很细心", "很干净，下次还约", "准时，专业", "性价比高", "厨房擦得很亮"]
                    )
                )
            ratings.append((order_no, p.member, t, stars, text, SVC_ZH[service], worker))
    return "done", done


def place_order(p, ts, service, via="小程序", by_card=False):
    """An order through the mini-program (or the service hotline) in the order system."""
    if not within(ts):
        return None
    bind(p, ts)
    value, hrs = price(service, ts)
    if by_card:
        value = 0.0
    oid = f"HB{ts:%Y%m%d}{nxt('order'):05d}"
    deposit = service in ("yuesao", "yuersao")
    pay_kind = "次卡核销" if by_card else ("定金" if deposit else "全款")
    orders.append(
        (oid, p.member, ts, p.city, SVC_ZH[service], f"{value:.2f}", pay_kind, via, "服务订单")
    )
    pt = ts + timedelta(minutes=R.uniform(0.5, 15))
    paid = 0.0
    if not by_card:
        paid = 2000.0 if service == "yuesao" else (1000.0 if service == "yuersao" else value)
        if within(pt):
            pays.append((oid, p.member, pt, "定金" if deposit else "全款", paid))
    outcome, t = fulfil(p, oid, ts, service, hrs, via)
    if outcome in ("no_worker", "outage", "customer"):
        reason = {"no_worker": "无阿姨可派", "outage": "派单超时", "customer": "用户取消"}[outcome]
        if within(t):
            status.append((oid, p.member, t, "已取消", reason))
            if paid and within(t + timedelta(minutes=30)):
                pays.append(
                    (oid, p.member, t + timedelta(minutes=R.uniform(5, 120)), "退款", -paid)
                )
        return None
    if outcome == "done" and deposit:
        bt = t + timedelta(minutes=R.uniform(10, 600))
        if within(bt):
            pays.append((oid, p.member, bt, "尾款", value - paid))
    if outcome == "open":
        return oid
    return t


def buy_card(p, ts):
    if not within(ts):
        return
    oid = f"HB{ts:%Y%m%d}{nxt('order'):05d}"
    orders.append(
        (
            oid,
            p.member,
            ts,
            p.city,
            "日常保洁次卡(10次)",
            f"{CARD_PRICE:.2f}",
            "全款",
            "小程序",
            "次卡",
        )
    )
    pays.append((oid, p.member, ts + timedelta(minutes=R.uniform(0.5, 5)), "全款", CARD_PRICE))
    p.card_left = 10


def customer_life(p, t, service, n_rebook_p=None):
    """After a first mini-program order: re-bookings (and the 次卡 once it exists)."""
    done = place_order(p, t, service)
    if not isinstance(done, datetime):
        return
    if service not in ("daily_clean", "appliance", "deep_clean"):
        return
    p_re = (
        n_rebook_p
        if n_rebook_p is not None
        else {"daily_clean": 0.5, "deep_clean": 0.2, "appliance": 0.15}[service]
    )
    for _ in range(20):
        if not (chance(0.8) if p.card_left > 0 else chance(p_re)):
            return
        gap = R.uniform(6, 16) if p.card_left > 0 else R.uniform(7, 45)
        t = at((done + timedelta(days=gap)).date())
        if not within(t):
            return
        mp_event(p, t, "app_launch")
        svc = "daily_clean" if service != "appliance" or chance(0.5) else "appliance"
        mp_event(p, t + timedelta(seconds=R.uniform(10, 90)), "view_service", svc)
        t2 = t + timedelta(minutes=R.uniform(1, 6))
        by_card = False
        if svc == "daily_clean":
            if p.card_left > 0:
                by_card = True
                p.card_left -= 1
            elif t2 >= CARD_LAUNCH and chance(0.28):
                mp_event(p, t2 - timedelta(seconds=30), "view_card", "daily_clean")
                buy_card(p, t2)
                p.card_left -= 1
                by_card = True
                t2 += timedelta(minutes=2)
        done = place_order(p, t2, svc, by_card=by_card)
        if not isinstance(done, datetime):
            return
        p_re = 0.55


def platform_order(p, d, service, site):
    ts = at(d)
    ensure_phone(p)
    value, hrs = price(service, ts)
    if site == "mt":
        value = round(value * 0.95, 2)  # 美团 price after platform discount
        oid = f"MT{nxt('mt'):09d}"
    else:
        oid = f"58-{ts:%y%m%d}-{nxt('wb'):06d}"
    outcome, t = fulfil(
        p, oid, ts, service, hrs, "美团" if site == "mt" else "58同城", platform=site
    )
    if site == "mt":
        st = {"done": "已消费", "open": "待服务"}.get(outcome, "已退款")
        mt.append((oid, ts, MT_NAME[service], st, f"{value:.2f}", p.phone, p.city))
    else:
        st = {"done": "服务完成", "open": "待上门"}.get(
            outcome, "用户取消" if outcome == "customer" else "商家取消"
        )
        wb.append((oid, ts, WB_NAME[service], st, f"{value:.2f}", p.phone, p.city))
    return outcome, t


def demand(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, PEAK):
        w *= 1.9
    if datetime(2026, 2, 16) <= dt < datetime(2026, 2, 24):
        w *= 0.35  # 春节 holiday itself: quiet
    if d.weekday() >= 5:
        w *= 1.15
    return w


def service_mix(dt):
    w = [0.42, 0.2, 0.14, 0.12, 0.12]
    if inw(dt, PEAK):
        w = [0.3, 0.52, 0.08, 0.05, 0.05]
    elif dt.month in (5, 6, 7):
        w = [0.38, 0.15, 0.28, 0.1, 0.09]
    if dt >= YUESAO_RISE:
        w[3] *= 0.7
    return w


def city_of(dt):
    if dt >= SUZHOU_OPEN:
        return pick(CITIES, [0.45, 0.33, 0.22])
    return pick(CITIES[:2], [0.57, 0.43])


def source_mix(dt):
    m = (dt - START).days / 30.0
    return [0.25, max(0.08, 0.17 - 0.006 * m), 0.1 + 0.01 * m, 0.15, 0.1, 0.2]


def newcomer(d):
    dt = datetime(d.year, d.month, d.day)
    city = city_of(dt)
    src = pick(SOURCES, source_mix(dt))
    p = Person(city, src)
    service = pick(SERVICES, service_mix(dt))
    if city == "苏州" and service in ("yuesao", "yuersao") and chance(0.5):
        service = "daily_clean"
    if (
        src in ("mt", "58")
        and service in ("daily_clean", "deep_clean", "appliance")
        and chance(0.6)
    ):
        outcome, t = platform_order(p, d, service, src)
        if outcome == "done" and t and chance(0.18):
            # came over to the mini-program for the next booking (phone binding links the two)
            t2 = at((t + timedelta(days=R.uniform(5, 40))).date())
            if within(t2):
                mp_event(p, t2, "app_launch")
                mp_event(p, t2 + timedelta(seconds=40), "view_service", "daily_clean")
                bind(p, t2 + timedelta(minutes=1))
                mp_event(p, t2 + timedelta(minutes=1), "bind_phone")
                customer_life(p, t2 + timedelta(minutes=R.uniform(2, 6)), "daily_clean")
        return
    t = at(d)
    p_bind = {"mt": 0.5, "58": 0.45, "xhs": 0.38, "wxqun": 0.6, "invite": 0.72, "search": 0.5}[src]
    p_order = {"mt": 0.62, "58": 0.55, "xhs": 0.5, "wxqun": 0.68, "invite": 0.78, "search": 0.6}[
        src
    ]
    if src == "58" and dt >= WUBA_WORSE:
        p_order -= 0.15
    for s in range(R.choice([1, 1, 2, 2, 3])):
        if s:
            t = at((t + timedelta(days=R.uniform(0.2, 6))).date())
        if not mp_event(p, t, "app_launch"):
            return
        for i in range(R.choice([1, 1, 2, 3])):
            mp_event(
                p, t + timedelta(seconds=20 + 60 * i + R.uniform(0, 40)), "view_service", service
            )
        t += timedelta(minutes=4)
        if p.member is None:
            if not chance(p_bind):
                continue
            bind(p, t)
            mp_event(p, t, "bind_phone")
        mp_event(p, t + timedelta(minutes=1), "start_booking", service)
        if chance(p_order):
            customer_life(p, t + timedelta(minutes=R.uniform(2, 8)), service)
            return


def old_customer():
    """A member from before the period (registered 2024-2025) who books again."""
    city = pick(CITIES[:2], [0.57, 0.43])
    p = Person(city, pick(SOURCES, [0.3, 0.2, 0.05, 0.15, 0.1, 0.2]))
    reg = datetime(2024, 3, 1) + timedelta(days=R.uniform(0, 640), hours=R.uniform(8, 21))
    ensure_phone(p)
    p.member = f"HB{nxt('member')}"
    members.append((p.member, p.phone, reg, p.city, p.source, p.segment))
    p.openid = "oHBS_" + h(f"open{nxt('open')}")[:22]
    d = START.date() + timedelta(days=R.randrange(N_DAYS))
    t = at(d)
    service = pick(SERVICES, service_mix(datetime(d.year, d.month, d.day)))
    mp_event(p, t, "app_launch")
    mp_event(p, t + timedelta(seconds=30), "view_service", service)
    if chance(0.75):
        customer_life(p, t + timedelta(minutes=R.uniform(1, 5)), service, 0.45)


def simulate():
    for _ in range(900):
        old_customer()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        for _ in range(poisson(17 * demand(d))):
            newcomer(d)


def write(folder: Path):
    def local(ts):
        return f"{ts:%Y/%m/%d %H:%M}"

    def utc(ts):
        return (ts - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def ms(ts):
        return int((ts - timedelta(hours=8)).replace(tzinfo=UTC).timestamp() * 1000) + R.randrange(
            1000
        )

    def w_csv(name, header, rows):
        with open(folder / name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)

    w_csv(
        "会员列表.csv",
        ["会员号", "手机号MD5", "注册时间", "城市", "来源渠道", "客户类型"],
        [
            (
                m,
                ph,
                local(ts),
                c,
                {
                    "mt": "美团",
                    "58": "58同城",
                    "xhs": "小红书",
                    "wxqun": "微信社群",
                    "invite": "老客推荐",
                    "search": "自然搜索",
                }[s],
                seg,
            )
            for m, ph, ts, c, s, seg in sorted(members)
        ],
    )
    w_csv(
        "订单列表.csv",
        [
            "订单号",
            "会员号",
            "下单时间",
            "城市",
            "服务类型",
            "订单金额",
            "支付方式",
            "下单渠道",
            "订单类型",
        ],
        [(r[0], r[1], local(r[2]), *r[3:]) for r in sorted(orders, key=lambda r: (r[2], r[0]))],
    )
    w_csv(
        "支付流水.csv",
        ["流水号", "订单号", "会员号", "支付时间", "支付类型", "金额"],
        [
            (f"P{i + 1:07d}", r[0], r[1], local(r[2]), r[3], f"{r[4]:.2f}")
            for i, r in enumerate(sorted(pays, key=lambda r: (r[2], r[0])))
            if within(r[2])
        ],
    )
    w_csv(
        "订单状态变更.csv",
        ["订单号", "会员号", "变更时间", "新状态", "取消原因"],
        [(r[0], r[1], local(r[2]), r[3], r[4]) for r in sorted(status, key=lambda r: (r[2], r[0]))],
    )
    with open(folder / "miniprogram_events.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "event_ts": ms(r[0]),
                "openid": r[1],
                "member_no": r[2] or None,
                "event": r[3],
                "scene": r[4],
                "service_code": r[5] or None,
                "city_code": r[6],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    w_csv(
        "dispatch_log.csv",
        [
            "job_id",
            "order_no",
            "member_no",
            "phone_md5",
            "worker_id",
            "status",
            "status_time_utc",
            "late_minutes",
            "service_code",
            "city_code",
            "worker_grade",
        ],
        [
            (r[0], r[1], r[2], r[3], r[4], r[5], utc(r[6]), r[7], r[8], CITY_CODE[r[9]], r[10])
            for r in sorted(dispatch, key=lambda r: (r[6], r[0], r[5]))
            if within(r[6])
        ],
    )
    w_csv(
        "meituan_orders.csv",
        ["订单编号", "下单时间", "商品名称", "订单状态", "实付金额", "用户手机号MD5", "服务城市"],
        [
            (r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", *r[2:])
            for r in sorted(mt, key=lambda r: (r[1], r[0]))
        ],
    )
    w_csv(
        "58_orders.csv",
        ["单号", "下单日期", "服务项目", "状态", "金额(元)", "联系人手机MD5", "城市"],
        [
            (r[0], f"{r[1]:%Y年%m月%d日 %H:%M}", *r[2:])
            for r in sorted(wb, key=lambda r: (r[1], r[0]))
        ],
    )

    def ft(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    w_csv(
        "投诉工单.csv",
        [
            "工单号",
            "会员号",
            "手机号MD5",
            "创建时间",
            "首次响应时间",
            "解决时间",
            "问题类型",
            "受理渠道",
            "是否投诉",
            "满意度",
            "关联订单",
        ],
        [
            (r[0], r[1], r[2], ft(r[3]), ft(r[4]), ft(r[5]), *r[6:])
            for r in sorted(tickets, key=lambda r: r[0])
        ],
    )
    w_csv(
        "评价导出.csv",
        ["订单号", "会员号", "评价时间", "星级", "评价内容", "服务类型", "阿姨工号"],
        [(r[0], r[1], local(r[2]), *r[3:]) for r in sorted(ratings, key=lambda r: (r[2], r[0]))],
    )
    rows = []
    m = datetime(START.year, START.month, 1)
    base = {"美团推广": 42000, "58同城": 30000, "小红书": 16000, "社群运营": 11000}
    i = 0
    while m < END:
        for ch, amt in base.items():
            f_ = R.uniform(0.9, 1.1)
            if m.month in (1, 2) and ch in ("美团推广", "58同城"):
                f_ *= 1.5
            if ch == "小红书":
                f_ *= 1 + 0.1 * i
            rows.append((f"{m:%Y-%m}", ch, f"{amt * f_:.2f}"))
        i += 1
        m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)
    w_csv("市场费用.csv", ["月份", "渠道", "费用(元)"], rows)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="housekeeping-src-") as tmp:
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
