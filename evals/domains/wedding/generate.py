"""Wedding evaluation domain: 花嫁摄影 (Huajia Studio), a wedding-photography studio chain.

    python generate.py OUT.duckdb

Writes Huajia's own exports (seeded: the same files every run) to a temporary folder —

  crm_leads.csv           CRM leads (留资), Chinese headers, '2026-03-05 14:22'
  crm_calls.csv           CRM 邀约 call log, Chinese headers, '2026年3月5日 14:22'
  wx_events.jsonl         公众号 / 小程序 events by openid (phone only after 授权手机号), UTC 'Z'
  tuangou_vouchers.csv    抖音 / 大众点评 团购 voucher purchases and refunds
  store_records.csv       store-visit / sign system, pinyin columns (daodian, qiandan, tuidan)
  shoot_schedule.csv      shoot-scheduling system, English, 'YYYY/M/D H:mm'
  payments.csv            收款流水: 定金 / 尾款 / 加选 / 相册升级 / 退款, amounts '12,800.00'
  service_tickets.jsonl   service tickets (投诉 / 咨询), ISO +08:00
  ratings.csv             1–5 ratings after the shoot and after delivery, 'YYYY/M/D H:mm'
  weekly_spend.csv        marketing spend per channel per week

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

SEED = 20261124
START = datetime(2025, 11, 24)  # Monday
END = datetime(2026, 11, 24)  # as_of (Tuesday); data ends the day before
N_DAYS = (END - START).days
CHANGSHA_OPEN = datetime(2026, 6, 13)  # 长沙五一店 opens (Saturday)
CHANGSHA_PRESALE = datetime(2026, 5, 25)  # 长沙 leads collected from here
DOUYIN_CAMPAIGN = (datetime(2026, 6, 29), datetime(2026, 8, 31))  # 抖音 live-stream voucher push
RETOUCH_SHORTAGE = (datetime(2026, 7, 6), datetime(2026, 9, 21))  # selections whose delivery slips
EXPO_DAYS = [
    datetime(2026, 3, 14),
    datetime(2026, 3, 15),
    datetime(2026, 10, 17),
    datetime(2026, 10, 18),
]
PROMOS = [
    (datetime(2026, 5, 15), datetime(2026, 5, 22)),
    (datetime(2026, 8, 13), datetime(2026, 8, 20)),
]  # 520, 七夕

R = random.Random(SEED)

# (store name in the store system, city, spelling in the shoot-scheduling system)
STORES = [
    ("成都春熙店", "成都", "Chengdu Chunxi"),
    ("成都高新店", "成都", "Chengdu Hi-Tech"),
    ("成都天府店", "成都", "Chengdu Tianfu"),
    ("重庆解放碑店", "重庆", "Chongqing Jiefangbei"),
    ("重庆观音桥店", "重庆", "Chongqing Guanyinqiao"),
    ("西安曲江店", "西安", "Xian Qujiang"),
    ("西安小寨店", "西安", "Xian Xiaozhai"),
    ("长沙五一店", "长沙", "Changsha Wuyi"),
]
STORES_OF = {c: [s for s in STORES if s[1] == c] for c in ("成都", "重庆", "西安", "长沙")}
CONSULTANTS = {
    s[0]: [f"{s[0][:2]}顾问{n}" for n in names]
    for s, names in zip(
        STORES,
        [
            ["张婷", "李娜"],
            ["王芳", "陈静"],
            ["刘洋", "杨雪"],
            ["赵敏", "黄丽"],
            ["周倩", "吴霞"],
            ["徐莉", "孙悦"],
            ["马琳", "朱燕"],
            ["胡蓉", "郭佳"],
        ],
        strict=True,
    )
}
PHOTOGRAPHERS = {
    s[0]: ph
    for s, ph in zip(
        STORES,
        [
            ["Li Wei", "Chen Hao"],
            ["Wang Lei", "Zhang Yu"],
            ["Liu Bo", "Yang Fan"],
            ["Zhao Peng", "Huang Jie"],
            ["Zhou Kai", "Wu Tao"],
            ["Xu Ming", "Sun Qiang"],
            ["Ma Jun", "Zhu Lin"],
            ["Hu Yang", "Guo Feng"],
        ],
        strict=True,
    )
}
BAD_PHOTOGRAPHER = "Zhao Peng"  # 重庆解放碑店: most 摄影师态度 complaints, low post-shoot ratings

# CRM spellings of the lead source (来源渠道) and their weights in everyday leads
SOURCES = ["小红书-笔记", "小红书-聚光广告", "大众点评", "抖音直播间", "公众号", "老客转介绍"]
SOURCE_W = [0.27, 0.2, 0.21, 0.06, 0.12, 0.14]
EXPO = "婚博会"

# packages (套系): list price, 定金
PACKAGES = {"基础": (4999, 1000), "轻奢": (9999, 2000), "旅拍": (19800, 5000)}
DOUYIN_BASIC = (3999, 1000)  # 抖音直播专享 基础套系
SHOOT_TYPE = {"基础": "Studio", "轻奢": "Studio+Outdoor", "旅拍": "Destination"}
PKG_EN = {"基础": "Basic", "轻奢": "Premium", "旅拍": "Destination"}
DESTINATIONS = ["Sanya", "Dali", "Xiamen"]
EXTRA_PHOTOS = [("加选10张", 1280), ("加选20张", 2280), ("全部底片", 3980)]
ALBUMS = [("相册升级-水晶", 1680), ("相册升级-意式手工", 2980)]
# shoot month preference (spring and autumn peaks)
SHOOT_MONTH_W = {
    1: 0.25,
    2: 0.2,
    3: 1.0,
    4: 1.4,
    5: 1.3,
    6: 0.55,
    7: 0.35,
    8: 0.4,
    9: 1.1,
    10: 1.3,
    11: 0.55,
    12: 0.3,
}
LEAD_MONTH_W = {
    1: 1.15,
    2: 0.8,
    3: 1.1,
    4: 1.0,
    5: 1.05,
    6: 0.95,
    7: 1.0,
    8: 1.15,
    9: 1.0,
    10: 0.95,
    11: 0.9,
    12: 1.0,
}


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


DAY_HOURS = [0, 0, 0, 0, 0, 0, 0.2, 0.5, 1, 2, 3, 3, 2.5, 2.5, 3, 3, 3, 2.5, 2, 2.5, 3.5, 4, 3, 1]
STORE_HOURS = [0] * 10 + [3, 4, 3, 3, 5, 5, 5, 4, 3, 2, 1.5] + [0] * 3
CALL_HOURS = [0] * 9 + [3, 4, 3, 1, 3, 4, 4, 3, 2, 0.5] + [0] * 5


def at(d, hours=DAY_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def day(ts):
    return datetime(ts.year, ts.month, ts.day)


leads, calls, wx, vouchers, store_rows, shoots, pays, tickets, ratings = ([] for _ in range(9))
seq = {
    "person": 0,
    "lead": 0,
    "contract": 0,
    "pay": 0,
    "ticket": 0,
    "booking": 0,
    "tg": 0,
    "store": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        n = nxt("person")
        prefix = R.choice(["38", "39", "58", "86", "77", "35", "52", "88", "99"])
        self.phone = f"1{prefix}{(n * 7919 + 24681) % 10**8:08d}"
        self.openid = None
        self.city = None
        self.store = None


def wx_event(p, ts, event, phone_known, title=""):
    if not within(ts):
        return
    if p.openid is None:
        p.openid = "oHJ" + h(f"openid{p.phone}")[:25]
    wx.append((ts, p.openid, p.phone if phone_known else "", event, title))


ARTICLES = [
    "成都小众拍照地推荐",
    "2026婚纱照流行色",
    "旅拍三亚vs大理",
    "选片避坑指南",
    "婚纱照妆造合集",
    "520限定套系上新",
]


def wx_browse(p, t0, n):
    t = t0
    wx_event(p, t, "subscribe", False)
    for _ in range(n):
        t += timedelta(hours=R.uniform(2, 90))
        ev = pick(["view_article", "view_gallery"], [0.65, 0.35])
        wx_event(p, t, ev, False, R.choice(ARTICLES) if ev == "view_article" else "")
    return t


def store_open(store, ts):
    return store[1] != "长沙" or ts >= CHANGSHA_OPEN


def ticket(p, ts, kind, category, store, severity=0.0):
    if not within(ts):
        return
    ch = pick(
        ["400热线", "企业微信", "大众点评"],
        [0.35, 0.5, 0.15] if kind == "投诉" else [0.45, 0.55, 0.0],
    )
    fr_h = {
        "400热线": R.uniform(0.01, 0.3),
        "企业微信": R.uniform(0.1, 3),
        "大众点评": R.uniform(2, 30),
    }[ch]
    if category == "交付延期" and inw(ts, (datetime(2026, 8, 15), datetime(2026, 11, 1))):
        fr_h *= 3.0  # service team swamped by delay complaints
    solve_h = (
        fr_h
        + {
            "摄影师态度": R.uniform(8, 96),
            "修图质量": R.uniform(48, 240),
            "交付延期": R.uniform(24, 360),
            "二销压力": R.uniform(8, 120),
            "改期咨询": R.uniform(1, 24),
            "合同发票": R.uniform(2, 72),
        }[category]
    )
    closed = ts + timedelta(hours=solve_h)
    csat = None
    if chance(0.5):
        base = 4.3 if kind == "咨询" else 3.3
        csat = max(1, min(5, round(R.gauss(base - severity, 0.9))))
    tickets.append(
        {
            "ticketNo": f"GD{2025000000 + nxt('ticket'):010d}",
            "mobile": p.phone,
            "store": store[0],
            "source": ch,
            "ticketType": kind,
            "category": category,
            "createdAt": ts,
            "firstReplyAt": ts + timedelta(hours=fr_h),
            "closedAt": closed if closed < END and chance(0.96) else None,
            "satisfaction": csat,
        }
    )


def pay(p, ts, kind, amount, contract, method=None):
    if not within(ts):
        return
    method = method or pick(["微信支付", "支付宝", "银行卡"], [0.55, 0.3, 0.15])
    pays.append((f"SK{nxt('pay'):08d}", contract, p.phone, kind, amount, method, ts))


def store_row(p, ts, kind, store, consultant, package="", value=None, contract=""):
    if within(ts):
        store_rows.append(
            (nxt("store"), p.phone, store[0], consultant, kind, ts, package, value, contract)
        )


def shoot_row(p, ts, status, booking, store, package, shoot_date=None, reason="", photographer=""):
    if within(ts):
        shoots.append(
            (
                booking,
                p.phone,
                store[2],
                PKG_EN[package],
                status,
                ts,
                shoot_date,
                reason,
                photographer,
            )
        )


def pick_shoot_date(sign):
    cands = []
    for _ in range(6):
        d = day(sign) + timedelta(days=R.randint(21, 160))
        cands.append(d)
    return R.choices(cands, weights=[SHOOT_MONTH_W[d.month] ** 2 for d in cands])[0]


def after_sign(p, sign_ts, store, consultant, package, price, deposit, douyin=False, cancel_p=0.05):
    """Everything after a contract: shoot, selection (加选), 尾款, delivery, ratings, complaints."""
    contract = f"HJ{sign_ts:%y%m}{nxt('contract'):05d}"
    store_row(p, sign_ts, "qiandan", store, consultant, package, price, contract)
    pay(p, sign_ts + timedelta(minutes=R.uniform(2, 20)), "定金", deposit, contract)
    booking = f"BK-{nxt('booking'):06d}"
    photographer = R.choice(PHOTOGRAPHERS[store[0]])
    shoot_date = pick_shoot_date(sign_ts)
    shoot_ts = shoot_date + timedelta(hours=R.choice([8, 9, 10, 13, 14]), minutes=R.choice([0, 30]))
    booked = sign_ts + timedelta(days=R.uniform(0.5, 4))
    shoot_row(p, booked, "SCHEDULED", booking, store, package, shoot_ts, "", photographer)
    if chance(cancel_p):
        ct = sign_ts + timedelta(days=R.uniform(2, 30))
        if ct < shoot_ts:
            store_row(p, ct, "tuidan", store, consultant, package, price, contract)
            pay(p, ct + timedelta(days=R.uniform(0.2, 3)), "退款", -deposit, contract)
            shoot_row(
                p,
                ct + timedelta(hours=R.uniform(1, 30)),
                "CANCELLED",
                booking,
                store,
                package,
                shoot_ts,
            )
            if douyin and chance(0.12):
                ticket(p, ct + timedelta(days=R.uniform(0, 2)), "投诉", "二销压力", store, 0.6)
            return
    # weather / customer reschedules
    outdoor = package != "基础"
    m = shoot_ts.month
    p_weather = (0.25 if m in (6, 7) else 0.12 if m in (3, 4, 5) else 0.06) if outdoor else 0.02
    for reason, prob in (("Weather", p_weather), ("Customer request", 0.05)):
        if chance(prob):
            note = shoot_ts - timedelta(days=R.uniform(0.5, 2.5))
            shoot_ts = shoot_ts + timedelta(days=R.randint(3, 16))
            shoot_row(
                p, note, "RESCHEDULED", booking, store, package, shoot_ts, reason, photographer
            )
            if reason == "Customer request" and chance(0.3):
                ticket(p, note - timedelta(hours=R.uniform(1, 20)), "咨询", "改期咨询", store)
    if shoot_ts >= END:
        return
    shoot_row(
        p,
        shoot_ts + timedelta(hours=R.uniform(4, 9)),
        "COMPLETED",
        booking,
        store,
        package,
        None,
        "",
        photographer,
    )
    bad = photographer == BAD_PHOTOGRAPHER
    if chance(0.03 + (0.14 if bad else 0)):
        ticket(p, shoot_ts + timedelta(days=R.uniform(0.3, 3)), "投诉", "摄影师态度", store, 0.8)
    if chance(0.55):
        t = shoot_ts + timedelta(days=R.uniform(0.5, 4))
        score = max(1, min(5, round(R.gauss(3.4 if bad else 4.55, 0.7))))
        ratings.append((booking, p.phone, "post_shoot", score, t, store[2]))
    # selection (选片), upsell, 尾款
    sel = day(shoot_ts + timedelta(days=R.randint(7, 14))) + timedelta(
        hours=R.choice([10, 11, 14, 15, 16])
    )
    if sel >= END:
        return
    shoot_row(p, sel, "SELECTION", booking, store, package, None, "", photographer)
    pay(p, sel + timedelta(minutes=R.uniform(30, 90)), "尾款", price - deposit, contract)
    upsell = 0.28 if douyin else {"基础": 0.55, "轻奢": 0.62, "旅拍": 0.7}[package]
    bought = 0
    if chance(upsell):
        _name, amt = pick(EXTRA_PHOTOS, [0.45, 0.35, 0.2])
        pay(p, sel + timedelta(minutes=R.uniform(40, 120)), "加选", amt, contract)
        bought += amt
    if chance(0.2 if douyin else 0.36):
        _name, amt = pick(ALBUMS, [0.6, 0.4])
        pay(p, sel + timedelta(minutes=R.uniform(40, 120)), "相册升级", amt, contract)
        bought += amt
    if chance(0.02 + (0.06 if bought >= 4000 else 0) + (0.05 if douyin else 0)):
        ticket(p, sel + timedelta(days=R.uniform(0.2, 3)), "投诉", "二销压力", store, 0.5)
    # delivery (交付): retouching + album production
    short = inw(sel, RETOUCH_SHORTAGE)
    lead_days = R.uniform(44, 72) if short else R.uniform(20, 32)
    deliv = day(sel + timedelta(days=lead_days)) + timedelta(
        hours=R.choice([10, 11, 14, 15, 16, 17])
    )
    if short and chance(0.22):
        ticket(
            p,
            sel + timedelta(days=R.uniform(30, min(lead_days, 50))),
            "投诉",
            "交付延期",
            store,
            1.0,
        )
    elif not short and chance(0.012):
        ticket(p, sel + timedelta(days=R.uniform(25, 32)), "投诉", "交付延期", store, 0.6)
    if deliv >= END:
        return
    shoot_row(p, deliv, "DELIVERED", booking, store, package, None, "", photographer)
    outsourced = inw(deliv, (datetime(2026, 8, 20), datetime(2026, 11, 1)))
    if chance(0.06 if outsourced else 0.02):
        ticket(p, deliv + timedelta(days=R.uniform(0.5, 6)), "投诉", "修图质量", store, 0.7)
    if chance(0.04):
        ticket(p, deliv + timedelta(days=R.uniform(1, 20)), "咨询", "合同发票", store)
    if chance(0.5):
        t = deliv + timedelta(days=R.uniform(0.5, 5))
        mean = 2.9 if short else (4.0 if outsourced else 4.45)
        score = max(1, min(5, round(R.gauss(mean, 0.8))))
        ratings.append((booking, p.phone, "post_delivery", score, t, store[2]))


def promo_window_after(ts):
    for w in PROMOS:
        if ts < w[0] <= ts + timedelta(days=60):
            return w
    return None


def lead_journey(d, source, city=None):
    p = Person()
    p.city = city or pick(
        ["成都", "重庆", "西安", "长沙"], [0.42, 0.3, 0.28, 0.0 if d < CHANGSHA_PRESALE else 0.2]
    )
    store = R.choice(STORES_OF[p.city])
    p.store = store
    consultant = R.choice(CONSULTANTS[store[0]])
    t = at(d)
    douyin = source == "抖音直播间"
    campaign = douyin and inw(d, DOUYIN_CAMPAIGN)
    # WeChat official account before the lead (the form is how 公众号 leads arrive)
    if source == "公众号":
        t0 = t - timedelta(days=R.uniform(1, 30))
        wx_browse(p, t0, R.randint(1, 4))
        wx_event(p, t - timedelta(minutes=R.uniform(1, 3)), "phone_auth", True)
        wx_event(p, t - timedelta(seconds=30), "submit_booking", True)
    elif source.startswith("小红书") and chance(0.15):
        wx_browse(p, t - timedelta(days=R.uniform(1, 10)), R.randint(0, 2))
    # group-buy vouchers (团购券): 抖音 live stream always, 大众点评 often
    voucher = None
    if douyin:
        voucher = ("抖音", "婚纱照到店体验券", 299 if not campaign else 99)
    elif source == "大众点评" and chance(0.5):
        voucher = ("大众点评", "婚纱照套系团购代金券", 199)
    if voucher:
        tg = f"{'DY' if voucher[0] == '抖音' else 'DP'}{nxt('tg'):09d}"
        vouchers.append(
            (
                voucher[0],
                tg,
                p.phone,
                voucher[1],
                "购买",
                voucher[2],
                t - timedelta(minutes=R.uniform(3, 15)),
            )
        )
    if not within(t):
        return p
    level = pick(["A", "B", "C"], [0.25, 0.45, 0.3])
    budget = pick(
        ["5千以下", "5千-1万", "1-2万", "2万以上"],
        [0.3, 0.38, 0.22, 0.1] if not douyin else [0.7, 0.25, 0.05, 0],
    )
    wedding = d + timedelta(days=R.randint(60, 420))
    lead_id = f"XS{nxt('lead'):07d}"
    leads.append(
        (
            lead_id,
            p.phone,
            t,
            source,
            p.city,
            store[0],
            level,
            budget,
            f"{wedding:%Y-%m}",
            consultant,
        )
    )
    p_book = {
        "小红书-笔记": 0.52,
        "小红书-聚光广告": 0.45,
        "大众点评": 0.58,
        "抖音直播间": 0.62,
        "公众号": 0.55,
        "老客转介绍": 0.75,
        EXPO: 0.66,
    }[source]
    p_book *= {"A": 1.2, "B": 1.0, "C": 0.7}[level]
    # 邀约 calls
    ct = t + timedelta(minutes=R.uniform(20, 300))
    booked_ts = None
    for k in range(R.choice([1, 2, 2, 3])):
        ct = at(day(ct) + timedelta(days=R.randint(0 if k == 0 else 1, 4)), CALL_HOURS)
        if ct < t:
            ct = t + timedelta(minutes=R.uniform(20, 120))
        if not within(ct):
            break
        if not chance(0.72):
            calls.append((lead_id, p.phone, ct, "未接通", 0, consultant))
            continue
        if chance(min(0.95, p_book)):
            calls.append((lead_id, p.phone, ct, "已约到店", R.randint(90, 600), consultant))
            booked_ts = ct
            break
        calls.append((lead_id, p.phone, ct, "已接通未约", R.randint(30, 300), consultant))
        if chance(0.5):
            break
    if voucher and not booked_ts and chance(0.45):
        vouchers.append(
            (
                voucher[0],
                f"R{tg}",
                p.phone,
                voucher[1],
                "退款",
                -voucher[2],
                t + timedelta(days=R.uniform(1, 20)),
            )
        )
    if booked_ts is None:
        if voucher and voucher[0] == "抖音" and chance(0.15):
            booked_ts = t + timedelta(days=R.uniform(1, 5))  # walked in with the voucher
        else:
            return p
    # the visit (到店): days to weeks after the booking
    gap = min(75, math.exp(R.gauss(math.log(6), 0.9)))
    visit = at(day(booked_ts) + timedelta(days=gap), STORE_HOURS)
    if not store_open(store, visit):
        visit = at(CHANGSHA_OPEN + timedelta(days=R.randint(0, 12)), STORE_HOURS)
    if not chance(0.8) or not within(visit):
        return p
    store_row(p, visit, "daodian", store, consultant)
    p_sign = {
        "小红书-笔记": 0.44,
        "小红书-聚光广告": 0.4,
        "大众点评": 0.46,
        "抖音直播间": 0.55,
        "公众号": 0.45,
        "老客转介绍": 0.62,
        EXPO: 0.6,
    }[source]
    if any(inw(visit, w) for w in PROMOS):
        p_sign = min(0.9, p_sign * 1.5)
    if campaign:
        package, (price, deposit) = "基础", DOUYIN_BASIC
        if chance(0.12):
            package = pick(["轻奢", "旅拍"], [0.85, 0.15])
            price, deposit = PACKAGES[package]
    else:
        package = pick(
            list(PACKAGES), [0.45, 0.4, 0.15] if source != "老客转介绍" else [0.3, 0.48, 0.22]
        )
        price, deposit = PACKAGES[package]
    cancel_p = 0.36 if campaign else 0.05
    if chance(p_sign):
        sign = visit + timedelta(minutes=R.uniform(40, 150))
        if chance(0.3):  # came back a second time to sign
            sign = at(day(visit) + timedelta(days=R.randint(1, 14)), STORE_HOURS)
            store_row(p, sign - timedelta(minutes=R.uniform(30, 90)), "daodian", store, consultant)
        if within(sign):
            after_sign(
                p,
                sign,
                store,
                consultant,
                package,
                price,
                deposit,
                douyin=campaign,
                cancel_p=cancel_p,
            )
        return p
    w = promo_window_after(visit)
    if w and chance(0.2):  # 520 / 七夕 offers bring undecided couples back
        sign = at(w[0] + timedelta(days=R.randint(0, 6)), STORE_HOURS)
        store_row(p, sign - timedelta(minutes=R.uniform(30, 90)), "daodian", store, consultant)
        if within(sign):
            after_sign(
                p,
                sign,
                store,
                consultant,
                package,
                price,
                deposit,
                douyin=campaign,
                cancel_p=cancel_p,
            )
    return p


def earlier_signer():
    """Couples who signed before the data starts: their shoots and deliveries fall in it."""
    p = Person()
    p.city = pick(["成都", "重庆", "西安"], [0.42, 0.3, 0.28])
    store = R.choice(STORES_OF[p.city])
    sign = at(datetime(2025, 7, 1) + timedelta(days=R.randrange(146)), STORE_HOURS)
    package = pick(list(PACKAGES), [0.45, 0.4, 0.15])
    price, deposit = PACKAGES[package]
    after_sign(p, sign, store, R.choice(CONSULTANTS[store[0]]), package, price, deposit)


def lead_rate(d):
    w = 17.0 * LEAD_MONTH_W[d.month]
    if d.weekday() >= 5:
        w *= 1.2
    if datetime(2026, 2, 14) <= d < datetime(2026, 2, 24):
        w *= 0.45  # 春节
    if datetime(2026, 10, 1) <= d < datetime(2026, 10, 8):
        w *= 0.7  # 国庆
    if inw(d, (datetime(2026, 5, 10), datetime(2026, 5, 21))) or inw(
        d, (datetime(2026, 8, 8), datetime(2026, 8, 20))
    ):
        w *= 1.35  # 520 / 七夕 content
    return w


def simulate():
    for _ in range(620):
        earlier_signer()
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        for _ in range(poisson(lead_rate(d))):
            lead_journey(d, pick(SOURCES, SOURCE_W))
        if inw(d, DOUYIN_CAMPAIGN):
            for _ in range(poisson(24 if d.weekday() in (4, 5, 6) else 16)):
                lead_journey(d, "抖音直播间")
        if d in EXPO_DAYS:
            for _ in range(poisson(210)):
                lead_journey(
                    d,
                    EXPO,
                    pick(
                        ["成都", "重庆", "西安", "长沙"],
                        [0.45, 0.3, 0.25, 0.0 if d.month < 6 else 0.15],
                    ),
                )
        # followers who never leave a lead
        for _ in range(poisson(7.5)):
            p = Person()
            wx_browse(p, at(d), R.choice([0, 1, 1, 2, 3, 5]))


def write(folder: Path):
    def ymdhm(ts):  # 'YYYY/M/D H:mm'
        return f"{ts.year}/{ts.month}/{ts.day} {ts.hour}:{ts.minute:02d}"

    with open(folder / "crm_leads.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "线索编号",
                "手机号",
                "留资时间",
                "来源渠道",
                "城市",
                "意向门店",
                "客户等级",
                "预算",
                "婚期",
                "跟进顾问",
            ]
        )
        for r in sorted(leads, key=lambda r: r[0]):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M}", *r[3:]])
    with open(folder / "crm_calls.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["线索编号", "手机号", "呼叫时间", "通话结果", "通话时长(秒)", "坐席"])
        for r in sorted(calls, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2].year}年{r[2].month}月{r[2].day}日 {r[2]:%H:%M}",
                    r[3],
                    r[4],
                    r[5],
                ]
            )
    with open(folder / "wx_events.jsonl", "w") as f:
        for ts, openid, phone, event, title in sorted(wx, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "openid": openid,
                "event": event,
                "create_time": f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z",
            }
            if phone:
                obj["phone"] = phone
            if title:
                obj["article_title"] = title
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "tuangou_vouchers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["平台", "订单号", "手机号", "商品名称", "交易类型", "实付金额", "交易时间"])
        for r in sorted(vouchers, key=lambda r: (r[6], r[1])):
            if within(r[6]):
                w.writerow([*r[:5], f"{r[5]:.2f}", f"{r[6]:%Y-%m-%dT%H:%M:%S}"])
    with open(folder / "store_records.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "jilu_id",
                "kehu_shouji",
                "mendian",
                "guwen",
                "leixing",
                "shijian",
                "taoxi",
                "hetong_jine",
                "hetong_hao",
            ]
        )
        for r in sorted(store_rows, key=lambda r: (r[5], r[0])):
            w.writerow(
                [
                    f"MD{r[0]:07d}",
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    f"{r[5]:%Y-%m-%d %H:%M:%S}",
                    r[6],
                    "" if r[7] is None else f"{r[7]:.0f}",
                    r[8],
                ]
            )
    with open(folder / "shoot_schedule.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "booking_ref",
                "customer_phone",
                "studio",
                "package",
                "status",
                "updated_at",
                "shoot_date",
                "reason",
                "photographer",
                "destination",
            ]
        )
        for r in sorted(shoots, key=lambda r: (r[5], r[0])):
            dest = DESTINATIONS[int(h(r[0]), 16) % 3] if r[3] == "Destination" else ""
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    ymdhm(r[5]),
                    f"{r[6]:%Y/%-m/%-d}" if r[6] else "",
                    r[7],
                    r[8],
                    dest,
                ]
            )
    with open(folder / "payments.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["交易流水号", "合同号", "客户手机", "款项", "金额(元)", "支付方式", "交易时间"])
        for r in sorted(pays, key=lambda r: (r[6], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:,.2f}", r[5], f"{r[6]:%Y-%m-%d %H:%M:%S}"])
    with open(folder / "service_tickets.jsonl", "w") as f:
        for t in sorted(tickets, key=lambda t: t["ticketNo"]):
            obj = dict(t)
            for k in ("createdAt", "firstReplyAt", "closedAt"):
                obj[k] = f"{t[k]:%Y-%m-%dT%H:%M:%S}+08:00" if t[k] else None
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "ratings.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["booking_ref", "customer_phone", "survey", "rating", "submitted_at", "studio"])
        for r in sorted(ratings, key=lambda r: (r[4], r[0])):
            if within(r[4]):
                w.writerow([r[0], r[1], r[2], r[3], ymdhm(r[4]), r[5]])
    with open(folder / "weekly_spend.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["周开始日期", "投放渠道", "花费(元)"])
        wk = START
        while wk < END:
            base = {
                "小红书聚光": 26000 * (1.2 if wk.month in (1, 2, 3, 8) else 1.0),
                "大众点评推广通": 11000,
                "抖音千川": 52000 if inw(wk, DOUYIN_CAMPAIGN) else 7000,
            }
            for ch, amt in base.items():
                w.writerow(
                    [f"{wk.year}/{wk.month}/{wk.day}", ch, f"{amt * R.uniform(0.9, 1.1):.0f}"]
                )
            if any(inw(e, (wk, wk + timedelta(days=7))) for e in EXPO_DAYS):
                w.writerow(
                    [
                        f"{wk.year}/{wk.month}/{wk.day}",
                        "婚博会展位",
                        "168000" if wk.month == 3 else "186000",
                    ]
                )
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="wedding-src-") as tmp:
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
