"""Phone-repair evaluation domain: FixPoint, phone and laptop repairs in Hong Kong and Shenzhen.

    python generate.py OUT.duckdb

Writes FixPoint's own exports (seeded: the same files every run) to a temporary folder —

  quote_site.jsonl        quote website analytics: cookie_id, phone once a booking is made,
                          event, utm_source, site (hk/sz), device, fault, quote_hkd; ISO UTC times
  pos_hk.csv              Hong Kong shop POS (English headers, HKD, 'YYYY-MM-DD HH:MM:SS')
  pos_sz.csv              Shenzhen POS (Chinese headers, 元 + HKD equivalent, 'YYYY/MM/DD HH:MM')
  repair_tickets.csv      repair-ticket system status log ('DD/MM/YYYY HH:mm' local)
  ticket_customers.csv    the ticket system's customer list
  courier_log.csv         mail-in courier scans (ISO with +08:00)
  warranty_claims.csv     the 90-day warranty-claim / complaint sheet
  reviews_export.csv      reviews from Google, 大众点评 and Facebook
  ads_monthly.csv         monthly ads sheet (Google, Facebook, 小红书, 大众点评), HKD

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
IPHONE17 = datetime(2026, 9, 19)  # iPhone 17 on sale
SCREEN_WAVE = datetime(2026, 11, 9)  # cracked iPhone 17 screens two months later
SHORTAGE = (datetime(2026, 6, 1), datetime(2026, 6, 21))  # battery parts shortage 1-20 June
MAILIN = datetime(2026, 8, 3)  # mail-in service launched
AGENCY = datetime(2026, 10, 1)  # new Google Ads agency
RMB_TO_HKD = 1.08

R = random.Random(SEED)

HK_SHOPS = {
    "HK-MK": "Mong Kok",
    "HK-CWB": "Causeway Bay",
    "HK-TST": "Tsim Sha Tsui",
    "HK-CEN": "Central",
    "HK-WC": "Wan Chai",
    "HK-KT": "Kwun Tong",
    "HK-ST": "Sha Tin",
    "HK-TW": "Tsuen Wan",
    "HK-YL": "Yuen Long",
    "HK-TM": "Tuen Mun",
    "HK-TKO": "Tseung Kwan O",
    "HK-NP": "North Point",
    "HK-SSP": "Sham Shui Po",
    "HK-TP": "Tai Po",
    "HK-TC": "Tung Chung",
}
HK_W = [10, 9, 8, 6, 5, 7, 6, 6, 4, 4, 5, 4, 6, 3, 2]
SZ_SHOPS = {
    "SZ-FT": "福田",
    "SZ-NS": "南山",
    "SZ-LH": "罗湖",
    "SZ-BA": "宝安",
    "SZ-LHUA": "龙华",
    "SZ-LG": "龙岗",
    "SZ-QH": "前海",
}
SZ_W = [9, 9, 7, 6, 4, 4, 3]
SZ_OPEN = {
    "SZ-FT": datetime(2026, 4, 1),
    "SZ-NS": datetime(2026, 4, 1),
    "SZ-LH": datetime(2026, 4, 8),
    "SZ-BA": datetime(2026, 4, 15),
    "SZ-LHUA": datetime(2026, 4, 15),
    "SZ-LG": datetime(2026, 4, 22),
    "SZ-QH": datetime(2026, 4, 29),
}
MAIL_SHOP = "MAIL"
HK_DISTRICTS = ["Kowloon", "Hong Kong Island", "New Territories", "Lantau"]
SZ_DISTRICTS = ["福田区", "南山区", "罗湖区", "宝安区", "龙华区", "龙岗区"]
FAULTS = ["Screen", "Battery", "Water Damage", "Charging Port"]
FAULT_W = [0.42, 0.3, 0.14, 0.14]
WEB_FAULT = {
    "Screen": "screen",
    "Battery": "battery",
    "Water Damage": "water_damage",
    "Charging Port": "charging_port",
}
PHONES = [
    "iPhone 13",
    "iPhone 14",
    "iPhone 15",
    "iPhone 16",
    "Samsung Galaxy S24",
    "Huawei Mate 60",
    "Xiaomi 14",
]
LAPTOPS = ["MacBook Air", "MacBook Pro", "Lenovo ThinkPad"]
BASE_PRICE = {
    "Screen": (900, 2600),
    "Battery": (450, 850),
    "Water Damage": (600, 1600),
    "Charging Port": (380, 700),
}
DIAG_FEE_HKD = 150.0
DIAG_FEE_RMB = 80.0


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


WEB_HOURS = [
    0.6,
    0.3,
    0.2,
    0.1,
    0.1,
    0.2,
    0.5,
    1.2,
    2,
    2.5,
    3,
    3,
    3.4,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.6,
    4,
    4.6,
    4.8,
    3.5,
    1.6,
]
SHOP_HOURS = [0] * 11 + [3, 4, 4, 4, 4, 4, 4, 5, 5, 4, 2] + [0] * 2


def at(d, hours=WEB_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def shop_time(t):
    """The next moment the shops are open at or after t (11:00-21:59)."""
    if t.hour < 11:
        return t.replace(hour=11, minute=R.randrange(60))
    if t.hour >= 22:
        n = t + timedelta(days=1)
        return n.replace(hour=11, minute=R.randrange(60))
    return t


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


web, pos_hk, pos_sz, tickets, customers, courier, claims, reviews = ([] for _ in range(8))
seq = {"phone": 0, "cookie": 0, "ticket": 0, "rcpt_hk": 0, "rcpt_sz": 0, "wb": 0, "claim": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city):
        self.city = city
        self.cookie = None
        self.phone = None
        self.registered = None
        self.segment = "Business" if chance(0.05) else "Individual"
        if city == "HK":
            self.district = pick(HK_DISTRICTS, [0.42, 0.26, 0.29, 0.03])
            self.lang = pick(["English", "粵語"], [0.3, 0.7])
        else:
            self.district = R.choice(SZ_DISTRICTS)
            self.lang = pick(["普通话", "粵語"], [0.85, 0.15])


def get_phone(p, ts):
    if p.phone is None:
        n = nxt("phone")
        if p.city == "HK":
            p.phone = f"852{R.choice('5679')}{(1000000 + n * 7919) % 10000000:07d}"
        else:
            p.phone = f"861{R.choice('3589')}{(100000000 + n * 104729) % 1000000000:09d}"
        p.registered = ts
        customers.append(p)
    return p.phone


def pick_device(t, city):
    if chance(0.14):
        return R.choice(LAPTOPS)
    if city == "SZ":
        opts, w = PHONES, [0.1, 0.14, 0.18, 0.14, 0.08, 0.22, 0.14]
    else:
        opts, w = PHONES, [0.14, 0.2, 0.24, 0.22, 0.1, 0.04, 0.06]
    if t >= IPHONE17:
        opts, w = [*opts, "iPhone 17"], [*w, 0.12 if t < SCREEN_WAVE else 0.3]
    return pick(opts, w)


def pick_fault(t, device):
    w = list(FAULT_W)
    if t.month in (7, 8):
        w[2] *= 1.8  # summer rain and beaches: water damage
    if t >= SCREEN_WAVE and device in ("iPhone 17", "iPhone 16"):
        w[0] *= 3.0
    return pick(FAULTS, w)


def price_hkd(device, fault, city, t):
    lo, hi = BASE_PRICE[fault]
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if device in LAPTOPS:
        v *= 1.8
    if device == "iPhone 17" and fault == "Screen":
        v = R.uniform(2900, 3500)
    if city == "SZ":
        v *= 0.62
    return float(round(v, -1))


def shop_for(p, t):
    if p.city == "SZ":
        open_ = [c for c in SZ_SHOPS if SZ_OPEN[c] <= t]
        return pick(open_, [SZ_W[list(SZ_SHOPS).index(c)] for c in open_]) if open_ else None
    return pick(list(HK_SHOPS), HK_W)


def site(p, ts, event, src, device="", fault="", quote=None):
    if not within(ts):
        return False
    if p.cookie is None:
        p.cookie = "fp." + h(f"cookie{nxt('cookie')}")[:16]
    row = {
        "ts": ts - timedelta(hours=8),
        "cookie_id": p.cookie,
        "phone": p.phone if event == "booking_confirmed" or (p.phone and chance(0.5)) else None,
        "event": event,
        "utm_source": src,
        "site": p.city.lower(),
        "device": device,
        "fault": WEB_FAULT.get(fault, ""),
        "quote_hkd": quote,
    }
    web.append(row)
    return True


def pos(p, ts, kind, item, hkd, shop, ticket=""):
    if not within(ts):
        return
    if shop in SZ_SHOPS:
        rmb = round(hkd / RMB_TO_HKD, 0)
        pos_sz.append(
            (f"SZ{nxt('rcpt_sz'):07d}", ts, SZ_SHOPS[shop] + "店", p.phone, kind, item, rmb, ticket)
        )
    else:
        name = "Mail-in Centre" if shop == MAIL_SHOP else HK_SHOPS[shop]
        pos_hk.append((f"R-{nxt('rcpt_hk'):07d}", ts, name, p.phone, kind, item, hkd, ticket))


ITEM_SZ = {
    "Screen repair": "换屏",
    "Battery replacement": "换电池",
    "Water damage repair": "进水维修",
    "Charging port repair": "尾插维修",
    "Diagnostic fee": "检测费",
    "Screen protector": "钢化膜",
    "Phone case": "手机壳",
    "Charger": "充电器",
}
REPAIR_ITEM = {
    "Screen": "Screen repair",
    "Battery": "Battery replacement",
    "Water Damage": "Water damage repair",
    "Charging Port": "Charging port repair",
}
ACC_PRICE = {"Screen protector": 148.0, "Phone case": 198.0, "Charger": 228.0}


def accessory(p, ts, shop, after_fault=None):
    w = [0.45, 0.4, 0.15]
    if after_fault == "Screen":
        w = [0.75, 0.2, 0.05]
    if after_fault == "Charging Port":
        w = [0.2, 0.2, 0.6]
    item = pick(list(ACC_PRICE), w)
    hkd = ACC_PRICE[item] * (0.7 if shop in SZ_SHOPS else 1.0)
    pos(p, ts, "ACCESSORY", item, round(hkd, 0), shop)


def status(tno, p, ts, st, shop, device, fault, intake, quote=None):
    if within(ts):
        tickets.append((tno, ts, st, shop, p.phone, device, fault, intake, quote))


def repair(p, t_in, shop, device, fault, intake):
    """A device handed over (shop or mail-in hub) and everything after it."""
    if not within(t_in):
        return
    get_phone(p, t_in)
    tno = f"FP{nxt('ticket'):06d}"
    city = "SZ" if shop in SZ_SHOPS else "HK"
    status(tno, p, t_in, "Received", shop, device, fault, intake)
    slow = {
        "Water Damage": (20, 48),
        "Screen": (0.5, 3),
        "Battery": (0.4, 2),
        "Charging Port": (0.5, 4),
    }[fault]
    if device in LAPTOPS:
        slow = (slow[0] * 2, slow[1] * 2)
    t_diag = t_in + timedelta(hours=R.uniform(*slow))
    quote = price_hkd(device, fault, city, t_diag)
    status(tno, p, t_diag, "Diagnosed", shop, device, fault, intake, quote)
    p_ok = {"Screen": 0.84, "Battery": 0.86, "Water Damage": 0.62, "Charging Port": 0.85}[fault]
    if city == "SZ":
        p_ok += 0.06
    if device in LAPTOPS:
        p_ok -= 0.08
    if fault == "Battery" and inw(t_diag, SHORTAGE):
        p_ok = 0.48  # told the battery is on back-order: many decline and take the phone back
    t_dec = t_diag + timedelta(hours=R.uniform(0.1, 1.5) if chance(0.6) else R.uniform(2, 30))
    total_days = None
    if not chance(p_ok):
        status(tno, p, t_dec, "Declined", shop, device, fault, intake)
        if intake == "Mail-in":
            t_back = hand_back_mail(p, tno, t_dec)
        else:
            t_back = shop_time(t_dec + timedelta(hours=R.uniform(0.2, 72)))
        if t_back and within(t_back):
            status(tno, p, t_back, "Collected", shop, device, fault, intake)
            fee = DIAG_FEE_HKD if city == "HK" else round(DIAG_FEE_RMB * RMB_TO_HKD, 0)
            pos(
                p,
                t_back if intake != "Mail-in" else t_dec,
                "DIAG",
                "Diagnostic fee",
                fee,
                shop,
                tno,
            )
        return
    status(tno, p, t_dec, "Approved", shop, device, fault, intake)
    t = t_dec
    wait = None
    if fault == "Battery" and inw(t_dec, SHORTAGE):
        wait = (
            (SHORTAGE[1] - t_dec).total_seconds() / 86400 + R.uniform(0.5, 6)
            if chance(0.9)
            else R.uniform(1, 3)
        )
    elif device == "iPhone 17" and fault == "Screen" and t_dec >= SCREEN_WAVE and chance(0.45):
        wait = R.uniform(2, 7)
    elif chance(0.14 if device not in LAPTOPS else 0.3):
        wait = R.uniform(0.8, 5)
    if wait is not None:
        status(
            tno,
            p,
            t + timedelta(minutes=R.uniform(5, 60)),
            "Parts-Waiting",
            shop,
            device,
            fault,
            intake,
        )
        t = t + timedelta(days=wait)
    work = {
        "Water Damage": (18, 60),
        "Screen": (0.7, 3),
        "Battery": (0.5, 2),
        "Charging Port": (1, 4),
    }[fault]
    t_ready = shop_time(t + timedelta(hours=R.uniform(*work)))
    status(tno, p, t_ready, "Ready", shop, device, fault, intake, None)
    if intake == "Mail-in":
        pos(
            p,
            t_ready + timedelta(hours=R.uniform(0.2, 8)),
            "REPAIR",
            REPAIR_ITEM[fault],
            quote,
            MAIL_SHOP,
            tno,
        )
        t_col = hand_back_mail(p, tno, t_ready)
    else:
        t_col = shop_time(
            t_ready + timedelta(hours=R.uniform(0.5, 4) if chance(0.55) else R.uniform(18, 120))
        )
    if t_col is None or not within(t_col):
        return
    status(tno, p, t_col, "Collected", shop, device, fault, intake)
    if intake != "Mail-in":
        pos(p, t_col, "REPAIR", REPAIR_ITEM[fault], quote, shop, tno)
        if chance(0.34 if fault == "Screen" else 0.18):
            accessory(p, t_col + timedelta(minutes=R.uniform(1, 6)), shop, fault)
    total_days = (t_col - t_in).total_seconds() / 86400
    after(p, tno, t_col, shop, fault, total_days, quote)


def hand_back_mail(p, tno, t):
    out = t + timedelta(hours=R.uniform(2, 26))
    wb = f"SF{nxt('wb'):09d}"
    if within(out):
        courier.append((wb, tno, p.phone, "OUT", "PICKED_UP", out))
    dl = out + timedelta(hours=R.uniform(16, 40))
    if within(dl):
        courier.append((wb, tno, p.phone, "OUT", "DELIVERED", dl))
        return dl
    return None


def after(p, tno, t_col, shop, fault, total_days, quote):
    slow = total_days > 6
    if chance(0.16 if not slow else 0.24):
        mean = 4.5 if not slow else 2.6
        stars = max(1, min(5, round(R.gauss(mean, 0.8))))
        plat = pick(
            ["Google", "大众点评", "Facebook"],
            [0.7, 0.05, 0.25] if shop not in SZ_SHOPS else [0.05, 0.9, 0.05],
        )
        t = t_col + timedelta(hours=R.uniform(2, 120))
        if within(t):
            text = ""
            if chance(0.5):
                if stars >= 4:
                    text = R.choice(
                        [
                            "Fast and friendly",
                            "Like new",
                            "快靚正",
                            "师傅很专业",
                            "Fair price",
                            "当天取机",
                        ]
                    )
                else:
                    text = R.choice(
                        [
                            "Waited too long for parts",
                            "等零件等了两个星期",
                            "Overpriced",
                            "态度一般",
                            "Data gone",
                        ]
                    )
            reviews.append((plat, t, tno, stars, text, shop))
    # warranty claims and complaints within 90 days
    p_fail = {"Screen": 0.035, "Battery": 0.03, "Water Damage": 0.11, "Charging Port": 0.05}[fault]
    if chance(p_fail):
        claim(
            p,
            tno,
            t_col + timedelta(days=R.uniform(3, 88)),
            "Warranty",
            "Repair failed again",
            shop,
        )
    if chance(0.05 if fault == "Water Damage" else 0.008):
        claim(p, tno, t_col + timedelta(hours=R.uniform(3, 72)), "Complaint", "Data lost", shop)
    if slow and chance(0.3):
        claim(
            p,
            tno,
            t_col - timedelta(days=R.uniform(1, min(5.0, total_days - 1))),
            "Complaint",
            "Slow repair",
            shop,
        )
    elif not slow and chance(0.006):
        claim(p, tno, t_col + timedelta(hours=R.uniform(1, 48)), "Complaint", "Slow repair", shop)


def claim(p, tno, t, kind, reason, shop):
    if not within(t):
        return
    ch = pick(
        ["WhatsApp", "Phone", "In-shop", "WeChat"],
        [0.45, 0.25, 0.2, 0.1] if shop not in SZ_SHOPS else [0, 0.2, 0.2, 0.6],
    )
    fr = R.uniform(0.05, 3) if ch in ("WhatsApp", "WeChat") else R.uniform(0.02, 0.5)
    if inw(t, SHORTAGE):
        fr *= 3
    res = (
        fr
        + {
            "Repair failed again": R.uniform(20, 120),
            "Data lost": R.uniform(4, 72),
            "Slow repair": R.uniform(2, 48),
        }[reason]
    )
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(3.8 if reason == "Repair failed again" else 2.6, 1.0))))
    closed = t + timedelta(hours=res)
    claims.append(
        (
            f"WC{nxt('claim'):05d}",
            tno,
            p.phone,
            t,
            t + timedelta(hours=fr),
            closed if closed < END and chance(0.96) else None,
            kind,
            reason,
            ch,
            sat,
            "Hong Kong" if shop not in SZ_SHOPS else "深圳",
        )
    )


HK_SRC = (
    ["google", "facebook", "organic", "(direct)", "xiaohongshu", "dianping"],
    [0.3, 0.15, 0.25, 0.2, 0.07, 0.03],
)
SZ_SRC = (
    ["google", "facebook", "organic", "(direct)", "xiaohongshu", "dianping"],
    [0.02, 0.01, 0.12, 0.15, 0.35, 0.35],
)


def quoter(d, city, device=None, fault=None):
    p = Person(city)
    people.append(p)
    src = pick(*(HK_SRC if city == "HK" else SZ_SRC))
    t = at(d)
    device = device or pick_device(t, city)
    fault = fault or pick_fault(t, device)
    if not site(p, t, "page_view", src):
        return
    p_start = 0.72
    if src == "google" and t >= AGENCY:
        p_start = 0.42  # the new agency's broader traffic far less often asks for a quote
    if not chance(p_start):
        return
    t += timedelta(minutes=R.uniform(0.5, 4))
    site(p, t, "quote_start", src, device, fault)
    if not chance(0.9):
        return
    t += timedelta(minutes=R.uniform(1, 5))
    q = price_hkd(device, fault, city, t)
    site(p, t, "quote_result", src, device, fault, q)
    p_book = 0.33 if city == "HK" else 0.42
    if fault == "Battery" and inw(t, SHORTAGE):
        p_book *= 0.7
    if not chance(p_book):
        if chance(0.08):  # comes back a few days later and books
            t += timedelta(days=R.uniform(1, 10))
            src2 = pick(["(direct)", "organic", src], [3, 2, 2])
            if not site(p, t, "page_view", src2):
                return
            site(p, t + timedelta(minutes=1), "quote_result", src2, device, fault, q)
            t += timedelta(minutes=3)
            src = src2
        else:
            return
    get_phone(p, t)
    mail = city == "HK" and t >= MAILIN and chance(0.3)
    site(p, t + timedelta(minutes=R.uniform(1, 4)), "booking_confirmed", src, device, fault)
    if not chance(0.86 if not mail else 0.9):
        return
    if mail:
        wb = f"SF{nxt('wb'):09d}"
        pu = t + timedelta(hours=R.uniform(3, 40))
        if not within(pu):
            return
        courier.append((wb, "", p.phone, "IN", "PICKED_UP", pu))
        arr = pu + timedelta(hours=R.uniform(14, 30))
        if not within(arr):
            return
        courier.append((wb, "", p.phone, "IN", "DELIVERED", arr))
        repair(
            p,
            shop_time(arr + timedelta(minutes=R.uniform(20, 180))),
            MAIL_SHOP,
            device,
            fault,
            "Mail-in",
        )
        if tickets and tickets[-1][4] == p.phone:
            c = courier[-2:]
            courier[-2:] = [(r[0], tickets[-1][0] if r[1] == "" else r[1], *r[2:]) for r in c]
        return
    shop = shop_for(p, t)
    if shop is None:
        return
    t_in = shop_time(at(d + timedelta(days=R.choice([0, 0, 1, 1, 2, 3, 5])), SHOP_HOURS))
    if t_in <= t:
        t_in = shop_time(t + timedelta(hours=R.uniform(1, 4)))
    repair(p, t_in, shop, device, fault, "Booked")


def walk_in(d, city):
    p = Person(city)
    people.append(p)
    t = at(d, SHOP_HOURS)
    shop = shop_for(p, t)
    if shop is None:
        return
    device = pick_device(t, city)
    repair(p, t, shop, device, pick_fault(t, device), "Walk-in")


def accessory_buyer(d, city):
    p = Person(city)
    people.append(p)
    t = at(d, SHOP_HOURS)
    shop = shop_for(p, t)
    if shop is None:
        return
    get_phone(p, t)
    accessory(p, t, shop)


def regular():
    """Customers registered before the year; some come back for a repair or an accessory."""
    p = Person("HK")
    people.append(p)
    get_phone(p, START - timedelta(days=R.uniform(20, 900)))
    for _ in range(poisson(0.9)):
        d = (START + timedelta(days=R.randrange(N_DAYS))).date()
        t = at(d, SHOP_HOURS)
        if chance(0.45):
            accessory(p, t, shop_for(p, t))
        else:
            dev = pick_device(t, "HK")
            repair(p, t, shop_for(p, t), dev, pick_fault(t, dev), "Walk-in")


people = []


def simulate():
    for _ in range(450):
        regular()
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        w = 1.0 + (0.25 if d.weekday() >= 5 else 0.0)
        if d.month in (7, 8):
            w *= 1.1
        for _ in range(poisson(13 * w)):
            quoter(d, "HK")
        if dt >= AGENCY:
            for _ in range(poisson(3.0)):  # extra broad Google traffic of the new agency
                quoter_google(d)
        if dt >= datetime(2026, 4, 1):
            ramp = min(1.0, 0.4 + (dt - datetime(2026, 4, 1)).days / 60)
            for _ in range(poisson(6 * w * ramp)):
                quoter(d, "SZ")
            for _ in range(poisson(3.2 * w * ramp)):
                walk_in(d, "SZ")
            for _ in range(poisson(0.8 * ramp)):
                accessory_buyer(d, "SZ")
        if dt >= SCREEN_WAVE:
            for _ in range(poisson(7)):
                city = "HK" if chance(0.8) else "SZ"
                quoter(
                    d,
                    city,
                    device=pick(["iPhone 17", "iPhone 17", "iPhone 16"], [1, 1, 1]),
                    fault="Screen",
                )
            for _ in range(poisson(2.5)):
                p = Person("HK")
                people.append(p)
                t = at(d, SHOP_HOURS)
                repair(p, t, shop_for(p, t), "iPhone 17", "Screen", "Walk-in")
        for _ in range(poisson(5.5 * w)):
            walk_in(d, "HK")
        for _ in range(poisson(1.6)):
            accessory_buyer(d, "HK")


def quoter_google(d):
    """A visitor of the broad Google traffic the new agency buys (from October)."""
    global HK_SRC
    saved = HK_SRC
    HK_SRC = (["google"], [1.0])
    try:
        quoter(d, "HK")
    finally:
        HK_SRC = saved


def ads(folder):
    rows = []
    m = datetime(2025, 12, 1)
    while m < END:
        for ch, base in (
            ("Google", 52000),
            ("Facebook", 21000),
            ("小红书", 6000),
            ("大众点评", 3000),
        ):
            v = base * R.uniform(0.92, 1.08)
            if ch == "Google" and m >= AGENCY:
                v *= 1.45
            if ch in ("小红书", "大众点评") and m >= datetime(2026, 4, 1):
                v *= 3.2
            if m.month in (7, 8) and ch == "Facebook":
                v *= 1.15
            if m.year == 2025 or (m.year == 2026 and m.month == 12):
                v *= 6 / 31 if m.year == 2026 else 25 / 31
            rows.append((f"{m:%Y-%m}", ch, f"{v:.0f}"))
        m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)
    with open(folder / "ads_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Platform", "Spend (HKD)"])
        w.writerows(rows)


def write(folder: Path):
    with open(folder / "quote_site.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(web, key=lambda r: (r["ts"], r["cookie_id"], r["event"])):
            o = {k: v for k, v in r.items() if v not in (None, "")}
            o["ts"] = r["ts"].strftime("%Y-%m-%dT%H:%M:%S.000Z")
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    with open(folder / "pos_hk.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Receipt No",
                "Txn Time",
                "Shop",
                "Customer Tel",
                "Item Type",
                "Item",
                "Amount (HKD)",
                "Ticket Ref",
            ]
        )
        for r in sorted(pos_hk, key=lambda r: (r[1], r[0])):
            w.writerow(
                [r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", r[2], r[3], r[4], r[5], f"{r[6]:.2f}", r[7]]
            )
    with open(folder / "pos_sz.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "单号",
                "交易时间",
                "门店",
                "会员手机",
                "类别",
                "商品",
                "金额(元)",
                "折合港币",
                "维修单号",
            ]
        )
        kind = {"REPAIR": "维修", "ACCESSORY": "配件", "DIAG": "检测费"}
        for r in sorted(pos_sz, key=lambda r: (r[1], r[0])):
            w.writerow(
                [
                    r[0],
                    f"{r[1]:%Y/%m/%d %H:%M}",
                    r[2],
                    r[3],
                    kind[r[4]],
                    ITEM_SZ[r[5]],
                    f"{r[6]:.0f}",
                    f"{r[6] * RMB_TO_HKD:.2f}",
                    r[7],
                ]
            )
    with open(folder / "repair_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket No",
                "Status",
                "Updated",
                "Shop Code",
                "Customer Tel",
                "Device Model",
                "Fault",
                "Intake",
                "Final Quote HKD",
            ]
        )
        for r in sorted(tickets, key=lambda r: (r[1], r[0])):
            w.writerow(
                [
                    r[0],
                    r[2],
                    f"{r[1]:%d/%m/%Y %H:%M}",
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    "" if r[8] is None else f"{r[8]:.0f}",
                ]
            )
    with open(folder / "ticket_customers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Customer Tel", "Registered", "City", "District", "Customer Type", "Language"])
        for p in sorted(customers, key=lambda p: p.phone):
            w.writerow(
                [p.phone, f"{p.registered:%d/%m/%Y %H:%M}", p.city, p.district, p.segment, p.lang]
            )
    with open(folder / "courier_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["waybill_no", "repair_ticket", "sender_tel", "direction", "scan", "scan_time"])
        for r in sorted(courier, key=lambda r: (r[5], r[0])):
            w.writerow(
                [r[0], r[1], r[2], r[3], f"{r[3]}-{r[4]}", f"{r[5]:%Y-%m-%dT%H:%M:%S}+08:00"]
            )
    with open(folder / "warranty_claims.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Claim ID",
                "Original Ticket",
                "Tel",
                "Opened",
                "First Reply",
                "Closed",
                "Type",
                "Reason",
                "Contact Via",
                "Satisfaction (1-5)",
                "Region",
            ]
        )

        def fmt(ts):
            return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

        for r in sorted(claims, key=lambda r: r[0]):
            w.writerow(
                [r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), r[6], r[7], r[8], r[9], r[10]]
            )
    with open(folder / "reviews_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["platform", "posted_at", "ticket_ref", "rating", "review_text", "shop_code"])
        for r in sorted(reviews, key=lambda r: (r[1], r[2])):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M}", r[2], r[3], r[4], r[5]])
    ads(folder)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="phonerepair-src-") as tmp:
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
