"""Ryokan evaluation domain: Sakura Stays, a Japanese hotel and ryokan group (14 properties).

    python generate.py OUT.duckdb

Writes Sakura Stays' own exports (seeded: the same files every run) to a temporary folder —

  web_analytics.csv        website + app analytics: device_id always, member_id after login,
                           UTC ISO times with Z, utm_source
  pms_activity_log.csv     PMS log, Japanese headers, 'YYYY/MM/DD HH:MM' JST: direct/agency/
                           phone bookings, changes, cancellations, stays, extras, relocations
  guest_master.csv         PMS guest profiles (国籍, 会員ランク, 区分, 登録日 'YYYY/MM/DD')
  cm_bookingcom.csv        channel manager feed, Booking.com (UTC, 'YYYY-MM-DD HH:MM:SS')
  cm_agoda.csv             channel manager feed, Agoda (JST, 'dd/mm/YYYY HH:MM', no guest e-mail)
  cm_expedia.jsonl         channel manager feed, Expedia (ISO with Z)
  cm_tripcom.csv           channel manager feed, Trip.com/携程 (Chinese headers, JST)
  cm_rakuten.csv           channel manager feed, Rakuten Travel (Japanese headers, JST)
  cm_jalan.csv             channel manager feed, Jalan (ISO with +09:00)
  payments.csv             payment gateway export, JPY integers
  reviews_export.csv       review tool export (OTAs 1-10, own site 1-5)
  complaints.jsonl         guest relations complaints / requests log
  marketing_spend.csv      monthly marketing sheet (OTA commissions, Hotel Ads, Xiaohongshu, WeChat)

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
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261201
START = datetime(2025, 12, 1)
END = datetime(2026, 12, 1)  # as_of (Tuesday); data ends the day before
SAPPORO_OPEN = date(2025, 12, 15)
SNOW_FESTIVAL = (date(2026, 2, 4), date(2026, 2, 12))
SAKURA = (date(2026, 3, 23), date(2026, 4, 9))
GOLDEN_WEEK = (date(2026, 4, 29), date(2026, 5, 7))
OBON = (date(2026, 8, 11), date(2026, 8, 17))
SPRING_FESTIVAL = (date(2026, 2, 14), date(2026, 2, 23))  # 春节 17 Feb 2026
NATIONAL_DAY = (date(2026, 10, 1), date(2026, 10, 8))
AUTUMN = (date(2026, 11, 1), date(2026, 12, 1))
OVERBOOK = (date(2026, 4, 1), date(2026, 4, 10))  # Kyoto Gion, channel-manager sync failure
TRIP_CHANGE = datetime(2026, 7, 1)  # Trip.com commission 15% -> 20%; direct member rate pushed

R = random.Random(SEED)

# code: (city, base check-ins a day, ryokan?)
PROPS = {
    "TYO-SJK": ("Tokyo", 2.3, False),
    "TYO-GNZ": ("Tokyo", 1.9, False),
    "TYO-ASK": ("Tokyo", 2.0, False),
    "TYO-SBY": ("Tokyo", 1.8, False),
    "TYO-UEN": ("Tokyo", 1.5, False),
    "OSA-NMB": ("Osaka", 2.0, False),
    "OSA-UMD": ("Osaka", 1.7, False),
    "OSA-SSB": ("Osaka", 1.4, False),
    "KYO-GION": ("Kyoto", 1.3, True),
    "KYO-ARS": ("Kyoto", 1.0, True),
    "KYO-STN": ("Kyoto", 1.8, False),
    "HKN-GORA": ("Hakone", 1.0, True),
    "HKN-YMT": ("Hakone", 1.1, True),
    "SPK-SSK": ("Sapporo", 1.6, False),
}
ROOMS = ["STD", "DLX", "WASHITSU", "SUITE"]
ROOM_PRICE = {"STD": 16000, "DLX": 26000, "WASHITSU": 34000, "SUITE": 78000}
CITY_PRICE = {"Tokyo": 1.1, "Osaka": 0.9, "Kyoto": 1.15, "Hakone": 1.2, "Sapporo": 0.95}
PLANS = ["ROOM", "BF", "KAISEKI"]
PLAN_ADD = {"ROOM": 0, "BF": 2500, "KAISEKI": 14000}
COUNTRIES = {  # guest master 国籍 -> weight among foreign guests
    "中国": 0.28,
    "台湾": 0.14,
    "香港": 0.07,
    "韓国": 0.12,
    "アメリカ": 0.11,
    "オーストラリア": 0.06,
    "イギリス": 0.04,
    "フランス": 0.03,
    "ドイツ": 0.03,
    "シンガポール": 0.05,
    "タイ": 0.07,
}
CN = ("中国", "台湾", "香港")
AGENCIES = {
    "中国": ["春秋国旅 Spring Tour", "众信旅游 UTour"],
    "台湾": ["雄獅旅遊 Lion Travel", "可樂旅遊 Colatour"],
    "香港": ["EGL Tours"],
    "日本": ["JTB", "HIS"],
}
EXTRAS = {"ONSEN": 3300, "KAISEKI_UP": 8800, "TRANSFER": 12000, "KIMONO": 5500}


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


def inw(d, w):
    return w[0] <= d < w[1]


def within(ts):
    return START <= ts < END


HOURS = [
    0.4,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1,
    1.6,
    2,
    2.4,
    2.6,
    2.8,
    2.6,
    2.4,
    2.4,
    2.6,
    2.8,
    3.2,
    3.8,
    4.4,
    4.6,
    3.4,
    1.4,
]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


web, pms, cm, pays, reviews, complaints = [], [], defaultdict(list), [], [], []
guests = {}
seq = defaultdict(int)


def nxt(k, start=0):
    seq[k] += 1
    return start + seq[k]


class Guest:
    def __init__(self, country, segment="個人"):
        self.country = country
        self.segment = segment
        self.gid = None
        self.member = ""
        self.rank = ""
        self.email = h(f"mail{nxt('mail')}")[:16]
        self.device = None
        self.registered = None
        self.stays = 0
        self.has_event = False

    def profile(self, ts):
        if self.gid is None:
            self.gid = f"G{nxt('gid', 300000):07d}"
            self.registered = ts
            guests[self.gid] = self

    def join(self, ts):
        self.profile(ts)
        if not self.member:
            self.member = f"SC{nxt('member', 1000000)}"
            self.rank = "レギュラー"


pool = defaultdict(list)  # country -> returning guests


def foreign_share(d):
    return 0.42 + 0.2 * (d - START.date()).days / 365


def season(d, city):
    m = 1.0 + 0.08 * math.cos((d.timetuple().tm_yday - 200) / 365 * 2 * math.pi)
    if d.weekday() in (4, 5):
        m *= 1.25
    if inw(d, SAKURA):
        m *= 2.1 if city in ("Kyoto", "Tokyo") else 1.6
    if inw(d, GOLDEN_WEEK):
        m *= 1.7
    if inw(d, OBON):
        m *= 1.9 if city == "Hakone" else 1.4
    if inw(d, AUTUMN):
        m *= 2.0 if city == "Kyoto" else 1.7 if city == "Hakone" else 1.25
    if date(2026, 6, 5) <= d < date(2026, 7, 15):
        m *= 0.82  # rainy season
    if date(2026, 1, 6) <= d < date(2026, 1, 31) and city != "Sapporo":
        m *= 0.8
    if city == "Sapporo":
        m *= 1.5 if d.month in (12, 1, 2, 3) else 0.75
        if inw(d, SNOW_FESTIVAL):
            m *= 3.5
    return m


def choose_channel(country, bdate, segment):
    if segment == "団体":
        return "旅行会社"
    if segment == "法人":
        return pick(["自社サイト", "電話", "旅行会社", "楽天トラベル"], [0.5, 0.2, 0.2, 0.1])
    if country == "日本":
        opts = {
            "楽天トラベル": 0.27,
            "じゃらん": 0.25,
            "自社サイト": 0.16,
            "自社アプリ": 0.09,
            "BOOKING.COM": 0.09,
            "エクスペディア": 0.05,
            "アゴダ": 0.03,
            "電話": 0.06,
        }
    elif country in CN:
        opts = {
            "Trip.com(携程)": 0.46 if country == "中国" else 0.2,
            "アゴダ": 0.14 if country == "中国" else 0.3,
            "BOOKING.COM": 0.08,
            "自社サイト": 0.13,
            "自社アプリ": 0.05,
            "エクスペディア": 0.04,
        }
    else:
        opts = {
            "BOOKING.COM": 0.3,
            "エクスペディア": 0.2,
            "アゴダ": 0.2,
            "自社サイト": 0.17,
            "自社アプリ": 0.05,
            "Trip.com(携程)": 0.05 if country != "韓国" else 0.12,
        }
    if bdate >= TRIP_CHANGE:
        opts["Trip.com(携程)"] = opts.get("Trip.com(携程)", 0) * 0.45
        opts["自社サイト"] *= 1.7 if country in CN else 1.25
        opts["自社アプリ"] *= 1.9 if country in CN else 1.3
    return pick(list(opts), list(opts.values()))


def pick_room(city, country):
    w = [0.45, 0.3, 0.15, 0.1] if city not in ("Hakone", "Kyoto") else [0.2, 0.25, 0.35, 0.2]
    if country in CN:
        w = [w[0] * 0.9, w[1] * 1.2, w[2], w[3] * 1.2]
    return pick(ROOMS, w)


UTM_JP = (
    ["google_hotel_ads", "organic", "direct", "newsletter", "line"],
    [0.32, 0.27, 0.22, 0.12, 0.07],
)
UTM_CN = (
    ["xiaohongshu", "wechat", "google_hotel_ads", "organic", "direct"],
    [0.38, 0.28, 0.1, 0.1, 0.14],
)
UTM_INT = (["google_hotel_ads", "organic", "direct", "newsletter"], [0.42, 0.3, 0.2, 0.08])


def utm_for(g):
    src = UTM_CN if g.country in CN else UTM_JP if g.country == "日本" else UTM_INT
    return pick(*src)


def web_event(g, ts, name, platform, source, prop="", room="", area=""):
    if not within(ts):
        return
    if g.device is None:
        g.device = ("a-" if platform != "web" else "w-") + h(f"dev{nxt('dev')}")[:14]
    web.append(
        (
            ts,
            g.device,
            g.member if name == "begin_booking" or g.logged else "",
            name,
            platform,
            source,
            prop,
            room,
            area,
        )
    )
    g.has_event = True


def browse(g, ts, prop, room, platform, source, n_sessions):
    """Website / app sessions before (or instead of) a booking."""
    city = PROPS[prop][0]
    t = ts
    for s in range(n_sessions):
        web_event(g, t, "search", platform, source, area=city)
        for i in range(R.choice([1, 1, 2, 3])):
            r = room if i == 0 else pick(ROOMS, [0.4, 0.3, 0.2, 0.1])
            web_event(
                g,
                t + timedelta(minutes=1 + 2 * i + R.uniform(0, 2)),
                "view_room",
                platform,
                source,
                prop,
                r,
            )
        t = t + timedelta(days=R.uniform(0.3, 6))
        if s == 0 and chance(0.4):
            source = "direct"
    return t


def pms_row(ts, kind, g, res, **kw):
    if not within(ts):
        return
    pms.append(
        dict(
            ts=ts,
            kind=kind,
            res=res["res"],
            gid=g.gid or "",
            member=g.member,
            ota=res.get("ota", ""),
            prop=res["prop"],
            room=res["room"],
            plan=res["plan"],
            rate=res["rate"],
            route=res["route"],
            agency=res.get("agency", ""),
            nights=res["nights"],
            pax=res["pax"],
            **kw,
        )
    )
    g.has_event = True


OTA_KEY = {
    "BOOKING.COM": "bookingcom",
    "アゴダ": "agoda",
    "エクスペディア": "expedia",
    "Trip.com(携程)": "tripcom",
    "楽天トラベル": "rakuten",
    "じゃらん": "jalan",
}
OTA_PREFIX = {
    "bookingcom": "BK",
    "agoda": "AG",
    "expedia": "EX",
    "tripcom": "CT",
    "rakuten": "RK",
    "jalan": "JL",
}


def cm_row(ts, kind, g, res, total=""):
    if not within(ts):
        return
    cm[OTA_KEY[res["route"]]].append(
        dict(
            ts=ts,
            kind=kind,
            ota=res["ota"],
            email=g.email,
            prop=res["prop"],
            room=res["room"],
            plan=res["plan"],
            rate=res["rate"],
            nights=res["nights"],
            pax=res["pax"],
            total=total,
            country=g.country,
        )
    )
    g.has_event = True


def complaint(g, ts, prop, category, via=None, mood=0.0):
    if not within(ts):
        return
    via = via or pick(
        [
            "front_desk",
            "email",
            "ota_message",
            "phone",
            "wechat" if g.country in CN else "front_desk",
        ],
        [0.45, 0.2, 0.15, 0.1, 0.1],
    )
    first = {
        "front_desk": R.uniform(2, 25),
        "phone": R.uniform(1, 15),
        "email": R.uniform(60, 900),
        "ota_message": R.uniform(30, 600),
        "wechat": R.uniform(5, 120),
    }[via]
    if category == "language_barrier" and g.country in CN:
        first *= 1.6
    res_h = (
        first / 60
        + {
            "noise": R.uniform(0.3, 6),
            "cleanliness": R.uniform(0.5, 8),
            "language_barrier": R.uniform(0.5, 30),
            "overbooking": R.uniform(2, 72),
            "late_checkout": R.uniform(0.1, 1),
            "luggage": R.uniform(0.1, 3),
            "other": R.uniform(1, 48),
        }[category]
    )
    closed = ts + timedelta(hours=res_h)
    is_c = category not in ("late_checkout", "luggage")
    rating = None
    if chance(0.5):
        rating = max(1, min(5, round(R.gauss((4.0 if not is_c else 3.4) - mood, 0.9))))
    complaints.append(
        dict(
            gid=g.gid,
            prop=prop,
            ts=ts,
            first=ts + timedelta(minutes=first),
            closed=closed if closed < END and chance(0.96) else None,
            category=category,
            via=via,
            type="complaint" if is_c else "request",
            rating=rating,
        )
    )


def review(g, ts, res, penalty=0.0):
    if not within(ts):
        return
    route = res["route"]
    if route in ("旅行会社", "電話"):
        return
    own = route in ("自社サイト", "自社アプリ")
    platform = (
        "SAKURA_WEB"
        if own
        else {
            "BOOKING.COM": "Booking.com",
            "アゴダ": "Agoda",
            "エクスペディア": "Expedia",
            "Trip.com(携程)": "Trip.com",
            "楽天トラベル": "Rakuten Travel",
            "じゃらん": "Jalan",
        }[route]
    )
    base = 8.5 + (0.3 if PROPS[res["prop"]][2] else 0) - penalty
    if own:
        score = max(1, min(5, round(R.gauss(base / 2, 0.7))))
    else:
        score = max(1, min(10, round(R.gauss(base, 1.2))))
    lang = {"日本": "ja", "中国": "zh-CN", "台湾": "zh-TW", "香港": "zh-TW", "韓国": "ko"}.get(
        g.country, "en"
    )
    reviews.append(
        (
            f"RV{nxt('rev', 500000)}",
            platform,
            res["res"],
            ts,
            score,
            5 if own else 10,
            lang,
            res["prop"],
        )
    )


def pay(g, ts, res, amount, method_pref, kind="SALE"):
    if not within(ts) or amount <= 0:
        return
    m = method_pref
    brand = ""
    if m == "CARD":
        brand = pick(
            ["VISA", "MASTER", "JCB", "AMEX"],
            [0.45, 0.25, 0.2 if g.country == "日本" else 0.05, 0.1],
        )
    pays.append((f"TX{nxt('tx', 7000000)}", res["res"], g.gid, ts, m, brand, int(amount), kind))
    g.has_event = True


def pay_method(g):
    if g.country == "中国":
        return pick(["ALIPAY", "WECHATPAY", "CARD", "CASH"], [0.42, 0.33, 0.2, 0.05])
    if g.country in ("台湾", "香港"):
        return pick(["CARD", "ALIPAY", "CASH"], [0.75, 0.12, 0.13])
    if g.country == "日本":
        return pick(["CARD", "CASH"], [0.78, 0.22])
    return pick(["CARD", "CASH"], [0.93, 0.07])


def stay(g, prop, checkin, segment, oversold=False):
    city, _, ryokan = PROPS[prop]
    route = choose_channel(g.country, at(checkin), segment)
    lead = R.expovariate(1 / (45 if route == "旅行会社" else 18 if g.country == "日本" else 34))
    lead = min(lead, 200)
    booked = at(checkin - timedelta(days=int(lead)))
    if booked >= datetime(checkin.year, checkin.month, checkin.day, 15):
        booked = datetime(checkin.year, checkin.month, checkin.day, 9) + timedelta(
            minutes=R.uniform(0, 300)
        )
    route = choose_channel(g.country, booked, segment)  # the channel in force when booking
    if oversold:
        route = pick(
            ["BOOKING.COM", "アゴダ", "エクスペディア", "Trip.com(携程)", "楽天トラベル"],
            [3, 3, 2, 2, 2],
        )
    room = pick_room(city, g.country)
    plan = pick(PLANS, [0.2, 0.35, 0.45] if ryokan else [0.55, 0.4, 0.05])
    if route == "旅行会社":
        plan = "BF" if not ryokan else "KAISEKI"
    rate = "NR" if chance(0.3 if route not in ("旅行会社", "電話") else 0.0) else "RF"
    nights = pick(
        [1, 2, 3, 4, 5],
        [0.42, 0.3, 0.15, 0.08, 0.05] if g.country == "日本" else [0.2, 0.3, 0.25, 0.15, 0.1],
    )
    pax = pick([1, 2, 3, 4], [0.2, 0.55, 0.15, 0.1] if segment != "法人" else [0.9, 0.1, 0, 0])
    night_price = (
        ROOM_PRICE[room] * CITY_PRICE[city] * (1.0 + 0.5 * (season(checkin, city) - 1))
        + PLAN_ADD[plan] * pax
    )
    if rate == "NR":
        night_price *= 0.88
    if route in ("自社サイト", "自社アプリ") and booked >= TRIP_CHANGE:
        night_price *= 0.92  # member rate
    if route == "旅行会社":
        night_price *= 0.8
    total = int(round(night_price * nights * R.uniform(0.93, 1.07), -2))
    res = {
        "res": f"R{nxt('res', 26000000)}",
        "prop": prop,
        "room": room,
        "plan": plan,
        "rate": rate,
        "route": route,
        "nights": nights,
        "pax": pax,
    }
    if route == "旅行会社":
        res["agency"] = R.choice(AGENCIES.get(g.country, ["JTB", "HIS"]))
    if route in OTA_KEY:
        k = OTA_KEY[route]
        res["ota"] = f"{OTA_PREFIX[k]}{h(res['res'])[:10].upper()}"
    direct = route in ("自社サイト", "自社アプリ")
    g.profile(booked)
    if direct:
        platform = "web" if route == "自社サイト" else pick(["ios", "android"], [0.6, 0.4])
        src = utm_for(g) if platform == "web" else "app"
        first = (
            booked - timedelta(days=R.uniform(0, 12))
            if chance(0.6)
            else booked - timedelta(minutes=20)
        )
        t = browse(g, first, prop, room, platform, src, R.choice([1, 1, 2]))
        t = max(t, booked - timedelta(minutes=15))
        g.join(booked)
        g.logged = True
        web_event(
            g,
            booked - timedelta(minutes=R.uniform(3, 10)),
            "begin_booking",
            platform,
            src,
            prop,
            room,
        )
    # the booking itself
    if route in OTA_KEY:
        cm_row(booked, "new", g, res, total)
    else:
        pms_row(booked, "予約", g, res, amount=total)
    if direct and rate == "NR":
        pay(g, booked + timedelta(seconds=R.uniform(5, 120)), res, total, pay_method(g))
    # modification / cancellation
    p_cancel = {"RF": 0.17, "NR": 0.02}[rate] * (1.3 if route in ("BOOKING.COM", "アゴダ") else 1.0)
    mod = chance(0.08)
    if mod:
        tm = booked + (checkin_dt(checkin) - booked) * R.uniform(0.1, 0.9)
        res["nights"] = max(1, nights + R.choice([-1, 1, 1]))
        if route in OTA_KEY:
            cm_row(tm, "modified", g, res)
        else:
            pms_row(tm, "変更", g, res)
    if chance(p_cancel):
        tc = booked + (checkin_dt(checkin) - booked) * R.uniform(0.2, 0.98)
        if route in OTA_KEY:
            cm_row(tc, "cancelled", g, res)
        else:
            pms_row(tc, "取消", g, res)
        return
    ci = checkin_dt(checkin) + timedelta(minutes=R.uniform(0, 300))
    if prop == "KYO-GION" and inw(checkin, OVERBOOK) and chance(0.75):
        pms_row(ci, "他館移動", g, res)  # walked to another hotel: room was sold twice
        if chance(0.8):
            complaint(g, ci + timedelta(minutes=R.uniform(5, 60)), prop, "overbooking", mood=1.5)
        if rate == "NR" and direct:
            pay(g, ci + timedelta(days=R.uniform(1, 5)), res, total, "CARD", "REFUND")
        if chance(0.55):
            review(g, ci + timedelta(days=R.uniform(1, 8)), res, penalty=5.0)
        return
    if chance(0.012):
        return  # no-show
    pms_row(ci, "チェックイン", g, res)
    g.stays += 1
    spent = 0
    for item, price in EXTRAS.items():
        p = {
            "ONSEN": 0.35 if ryokan or city == "Hakone" else 0.04,
            "KAISEKI_UP": 0.25 if plan == "KAISEKI" else 0.0,
            "TRANSFER": 0.12
            if city in ("Tokyo", "Osaka", "Sapporo") and g.country != "日本"
            else 0.01,
            "KIMONO": 0.22
            if (city == "Kyoto" or prop == "TYO-ASK") and g.country != "日本"
            else 0.02,
        }[item]
        if g.country in CN and item in ("ONSEN", "KIMONO"):
            p *= 1.3
        if chance(p):
            te = ci + timedelta(hours=R.uniform(0.5, 24 * (res["nights"] - 0.3)))
            pms_row(
                te,
                "付帯売上",
                g,
                res,
                item=item,
                extra=price * (pax if item in ("KAISEKI_UP", "KIMONO") else 1),
            )
            if within(te):
                spent += price * (pax if item in ("KAISEKI_UP", "KIMONO") else 1)
    # complaints during the stay
    p_noise = 0.035 if prop in ("TYO-SJK", "OSA-NMB", "TYO-SBY") else 0.01
    if chance(p_noise):
        complaint(g, ci + timedelta(hours=R.uniform(4, 20)), prop, "noise", mood=0.5)
    if chance(0.012):
        complaint(g, ci + timedelta(hours=R.uniform(0.2, 3)), prop, "cleanliness", mood=0.6)
    if g.country != "日本" and chance(0.05 if ryokan else 0.012):
        complaint(
            g,
            ci + timedelta(hours=R.uniform(0.5, 30)),
            prop,
            "language_barrier",
            via="wechat" if g.country == "中国" and chance(0.5) else None,
            mood=0.4,
        )
    if chance(0.02):
        complaint(
            g,
            ci + timedelta(hours=R.uniform(1, 40)),
            prop,
            pick(["late_checkout", "luggage", "other"], [4, 3, 2]),
        )
    co = datetime(checkin.year, checkin.month, checkin.day, 9) + timedelta(
        days=res["nights"], minutes=R.uniform(0, 130)
    )
    pms_row(co, "チェックアウト", g, res)
    pay_at_hotel = route in ("BOOKING.COM", "楽天トラベル", "じゃらん", "電話") or (
        direct and rate == "RF"
    )
    amount = (total if pay_at_hotel else 0) + spent
    pay(g, co - timedelta(minutes=R.uniform(1, 10)), res, amount, pay_method(g))
    if chance(0.24):
        review(g, co + timedelta(days=R.uniform(0.2, 10)), res)


def checkin_dt(d):
    return datetime(d.year, d.month, d.day, 15)


def new_guest(country, segment):
    g = Guest(country, segment)
    g.logged = False
    return g


def guest_for(d, city):
    # a returning guest sometimes
    foreign = chance(foreign_share(d))
    country = pick(list(COUNTRIES), list(COUNTRIES.values())) if foreign else "日本"
    if country in CN and chance(0.28):
        segment = "団体"
    elif country == "日本" and city in ("Tokyo", "Osaka") and d.weekday() < 4 and chance(0.3):
        segment = "法人"
    else:
        segment = "個人"
    if pool[country] and chance(0.16 if country == "日本" else 0.07):
        g = R.choice(pool[country])
        if g.segment == segment or segment == "個人":
            return g
    g = new_guest(country, segment)
    pool[country].append(g)
    return g


def pre_members():
    """Sakura Club members who registered before the year (Member / Silver / Gold)."""
    for _ in range(900):
        country = "日本" if chance(0.7) else pick(list(COUNTRIES), list(COUNTRIES.values()))
        g = new_guest(country, "個人")
        g.gid = f"G{nxt('gid', 300000):07d}"
        g.registered = START - timedelta(days=R.uniform(30, 1500))
        guests[g.gid] = g
        g.member = f"SC{nxt('member', 1000000)}"
        g.rank = pick(["レギュラー", "シルバー", "ゴールド"], [0.62, 0.27, 0.11])
        g.logged = True
        pool[country].append(g)
        pool[country].append(g)


def browsers(d):
    """Website / app visitors who search and look at rooms but book nothing (here)."""
    foreign = chance(foreign_share(d))
    country = pick(list(COUNTRIES), list(COUNTRIES.values())) if foreign else "日本"
    g = new_guest(country, "個人")
    prop = pick(list(PROPS), [v[1] for v in PROPS.values()])
    while prop == "SPK-SSK" and d < SAPPORO_OPEN:
        prop = pick(list(PROPS), [v[1] for v in PROPS.values()])
    platform = pick(["web", "ios", "android"], [0.75, 0.15, 0.1])
    src = utm_for(g) if platform == "web" else "app"
    t = browse(
        g, at(d), prop, pick_room(PROPS[prop][0], country), platform, src, R.choice([1, 1, 1, 2])
    )
    if chance(0.22):
        web_event(
            g,
            t - timedelta(days=R.uniform(0, 0.2)),
            "begin_booking",
            platform,
            src,
            prop,
            pick(ROOMS, [0.4, 0.3, 0.2, 0.1]),
        )


def simulate():
    pre_members()
    d = START.date() - timedelta(days=120)
    while d < END.date() + timedelta(days=150):
        for prop, (city, base, _) in PROPS.items():
            if prop == "SPK-SSK" and d < SAPPORO_OPEN:
                continue
            n = poisson(base * season(d, city) * 0.7)
            for _ in range(n):
                g = guest_for(d, city)
                stay(g, prop, d, g.segment)
            if prop == "KYO-GION" and inw(d, OVERBOOK):
                for _ in range(poisson(3.5)):  # rooms the broken sync sold twice on OTAs
                    g = guest_for(d, city)
                    stay(g, prop, d, g.segment, oversold=True)
            # Chinese-holiday waves: 春节 and National Day golden week
            if inw(d, SPRING_FESTIVAL) or inw(d, NATIONAL_DAY):
                boost = 1.9 if inw(d, NATIONAL_DAY) else 1.5
                if city == "Hakone":
                    boost *= 0.6
                for _ in range(poisson(base * boost)):
                    country = "中国" if chance(0.7) else pick(["台湾", "香港"], [0.6, 0.4])
                    g = new_guest(country, "団体" if chance(0.35) else "個人")
                    pool[country].append(g)
                    stay(g, prop, d, g.segment)
        if START.date() <= d < END.date():
            lam = 7.0 * (1 + 0.5 * (season(d, "Tokyo") - 1))
            if d >= TRIP_CHANGE.date():
                lam *= 1.15
            for _ in range(poisson(lam)):
                browsers(d)
        d += timedelta(days=1)


CM_ROOM = {
    "bookingcom": {
        "STD": "Standard Double Room",
        "DLX": "Deluxe Twin Room",
        "WASHITSU": "Japanese-Style Room",
        "SUITE": "Suite with Private Onsen",
    },
    "agoda": {
        "STD": "Standard",
        "DLX": "Deluxe",
        "WASHITSU": "Japanese Tatami Room",
        "SUITE": "Onsen Suite",
    },
    "expedia": {
        "STD": "Standard Room",
        "DLX": "Deluxe Room",
        "WASHITSU": "Traditional Room (Japanese Style)",
        "SUITE": "Suite, Private Hot Spring Bath",
    },
    "tripcom": {"STD": "标准间", "DLX": "豪华间", "WASHITSU": "和式房", "SUITE": "温泉套房"},
    "rakuten": {
        "STD": "スタンダード",
        "DLX": "デラックス",
        "WASHITSU": "和室",
        "SUITE": "露天風呂付きスイート",
    },
    "jalan": {
        "STD": "スタンダード",
        "DLX": "デラックス",
        "WASHITSU": "和室",
        "SUITE": "露天風呂付き客室",
    },
}
CM_PLAN = {
    "bookingcom": {
        "ROOM": "Room only",
        "BF": "Breakfast included",
        "KAISEKI": "Half board (kaiseki)",
    },
    "agoda": {"ROOM": "Room Only", "BF": "Breakfast", "KAISEKI": "Dinner & Breakfast"},
    "expedia": {
        "ROOM": "Room Only",
        "BF": "Breakfast Included",
        "KAISEKI": "Kaiseki Dinner and Breakfast",
    },
    "tripcom": {"ROOM": "无早", "BF": "含早", "KAISEKI": "含早晚餐"},
    "rakuten": {"ROOM": "素泊まり", "BF": "朝食付き", "KAISEKI": "1泊2食付き"},
    "jalan": {"ROOM": "素泊まり", "BF": "朝食付", "KAISEKI": "夕朝食付"},
}
CM_RATE = {
    "bookingcom": {"RF": "Flexible", "NR": "Non-refundable"},
    "agoda": {"RF": "Free cancellation", "NR": "Non-refundable"},
    "expedia": {"RF": "Refundable", "NR": "Nonrefundable"},
    "tripcom": {"RF": "可取消", "NR": "不可取消"},
    "rakuten": {"RF": "通常", "NR": "返金不可"},
    "jalan": {"RF": "通常", "NR": "返金不可"},
}
CM_KIND = {
    "bookingcom": {"new": "new", "modified": "modified", "cancelled": "cancelled"},
    "agoda": {"new": "Book", "modified": "Amend", "cancelled": "Cancel"},
    "expedia": {"new": "Book", "modified": "Modify", "cancelled": "Cancel"},
    "tripcom": {"new": "新订", "modified": "修改", "cancelled": "取消"},
    "rakuten": {"new": "新規", "modified": "変更", "cancelled": "取消"},
    "jalan": {"new": "予約", "modified": "変更", "cancelled": "キャンセル"},
}
PMS_ROOM = {"STD": "STD", "DLX": "DLX", "WASHITSU": "和室", "SUITE": "SUITE"}
PMS_PLAN = {"ROOM": "素泊まり", "BF": "朝食付き", "KAISEKI": "1泊2食付き"}
PMS_RATE = {"RF": "返金可", "NR": "返金不可"}
PMS_EXTRA = {
    "ONSEN": "貸切風呂",
    "KAISEKI_UP": "会席アップグレード",
    "TRANSFER": "空港送迎",
    "KIMONO": "着物レンタル",
}


def write(folder: Path):
    def utc(ts, fmt="%Y-%m-%dT%H:%M:%SZ"):
        return (ts - timedelta(hours=9)).strftime(fmt)

    with open(folder / "web_analytics.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_time_utc",
                "device_id",
                "member_id",
                "event_name",
                "platform",
                "utm_source",
                "property_code",
                "room_type",
                "search_area",
            ]
        )
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([utc(r[0]), *r[1:]])
    with open(folder / "pms_activity_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "処理日時",
                "処理区分",
                "予約番号",
                "宿泊者ID",
                "会員番号",
                "OTA予約番号",
                "施設コード",
                "部屋タイプ",
                "プラン",
                "料金区分",
                "予約経路",
                "旅行会社",
                "泊数",
                "人数",
                "宿泊料金",
                "付帯品目",
                "付帯金額",
            ]
        )
        for r in sorted(pms, key=lambda r: (r["ts"], r["res"], r["kind"])):
            w.writerow(
                [
                    f"{r['ts']:%Y/%m/%d %H:%M}",
                    r["kind"],
                    r["res"],
                    r["gid"],
                    r["member"],
                    r["ota"],
                    r["prop"],
                    PMS_ROOM[r["room"]],
                    PMS_PLAN[r["plan"]],
                    PMS_RATE[r["rate"]],
                    r["route"],
                    r["agency"],
                    r["nights"],
                    r["pax"],
                    r.get("amount", ""),
                    PMS_EXTRA.get(r.get("item", ""), ""),
                    r.get("extra", ""),
                ]
            )
    with open(folder / "guest_master.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["宿泊者ID", "会員番号", "メールハッシュ", "国籍", "会員ランク", "区分", "登録日"]
        )
        for gid in sorted(guests):
            g = guests[gid]
            if not g.has_event and not g.rank:
                continue
            rank = g.rank
            if rank == "レギュラー" and g.stays >= 4:
                rank = "シルバー"
            w.writerow(
                [gid, g.member, g.email, g.country, rank, g.segment, f"{g.registered:%Y/%m/%d}"]
            )
    key = lambda r: (r["ts"], r["ota"])  # noqa: E731

    def channel_csv(k, header, when, extra=lambda r: ()):
        """One OTA's channel-manager feed: the shared columns in its own names and time format."""
        with open(folder / f"cm_{k}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for r in sorted(cm[k], key=key):
                w.writerow(
                    [
                        r["ota"],
                        CM_KIND[k][r["kind"]],
                        when(r["ts"]),
                        r["prop"],
                        CM_ROOM[k][r["room"]],
                        CM_PLAN[k][r["plan"]],
                        CM_RATE[k][r["rate"]],
                        r["nights"],
                        r["pax"],
                        r["total"],
                        *extra(r),
                    ]
                )

    channel_csv(
        "bookingcom",
        [
            "reservation_id",
            "event_type",
            "event_time_utc",
            "hotel_id",
            "room_name",
            "meal_plan",
            "policy",
            "nights",
            "guests",
            "total_price",
            "currency",
            "guest_email_sha",
            "guest_country",
        ],
        lambda ts: utc(ts, "%Y-%m-%d %H:%M:%S"),
        lambda r: ("JPY", r["email"], r["country"]),
    )
    channel_csv(
        "agoda",
        [
            "BookingID",
            "Action",
            "ActionDateJST",
            "PropertyCode",
            "RoomType",
            "RatePlan",
            "Cancellation",
            "RoomNights",
            "Adults",
            "AmountJPY",
        ],
        lambda ts: f"{ts:%d/%m/%Y %H:%M}",
    )
    with open(folder / "cm_expedia.jsonl", "w") as f:
        k = "expedia"
        for r in sorted(cm[k], key=key):
            obj = {
                "itineraryId": r["ota"],
                "transactionType": CM_KIND[k][r["kind"]],
                "transactionDateTime": utc(r["ts"]),
                "hotelId": r["prop"],
                "roomTypeName": CM_ROOM[k][r["room"]],
                "ratePlanName": CM_PLAN[k][r["plan"]],
                "refundability": CM_RATE[k][r["rate"]],
                "lengthOfStay": r["nights"],
                "adults": r["pax"],
                "totalAmount": r["total"] if r["total"] != "" else None,
                "emailHash": r["email"],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    channel_csv(
        "tripcom",
        [
            "订单号",
            "订单状态",
            "下单时间(日本时间)",
            "酒店代码",
            "房型",
            "餐食",
            "取消政策",
            "间夜",
            "入住人数",
            "订单金额(JPY)",
            "邮箱哈希",
        ],
        lambda ts: f"{ts:%Y-%m-%d %H:%M:%S}",
        lambda r: (r["email"],),
    )
    channel_csv(
        "rakuten",
        [
            "予約番号",
            "処理区分",
            "処理日時",
            "施設番号",
            "部屋タイプ名",
            "プラン名",
            "キャンセル規定",
            "泊数",
            "大人人数",
            "料金合計",
            "メールハッシュ",
        ],
        lambda ts: f"{ts:%Y/%m/%d %H:%M:%S}",
        lambda r: (r["email"],),
    )
    channel_csv(
        "jalan",
        [
            "予約ID",
            "通知種別",
            "通知日時",
            "宿コード",
            "部屋名",
            "プラン",
            "料金条件",
            "泊数",
            "人数",
            "合計金額",
            "メールハッシュ",
        ],
        lambda ts: f"{ts:%Y-%m-%dT%H:%M:%S}+09:00",
        lambda r: (r["email"],),
    )
    with open(folder / "payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "txn_id",
                "folio_no",
                "guest_id",
                "txn_time",
                "method",
                "card_brand",
                "amount_jpy",
                "txn_type",
            ]
        )
        for r in sorted(pays, key=lambda r: (r[3], r[0])):
            w.writerow(
                [r[0], r[1], r[2], f"{r[3]:%Y-%m-%dT%H:%M:%S}+09:00", r[4], r[5], r[6], r[7]]
            )
    with open(folder / "reviews_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "review_id",
                "platform",
                "reservation_no",
                "posted_at",
                "rating",
                "rating_scale",
                "language",
                "property_code",
            ]
        )
        for r in sorted(reviews, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y/%m/%d %H:%M}", r[4], r[5], r[6], r[7]])
    with open(folder / "complaints.jsonl", "w") as f:
        for i, c in enumerate(sorted(complaints, key=lambda c: (c["ts"], c["gid"]))):
            obj = {
                "case_id": f"GR-{i + 1:05d}",
                "guest_id": c["gid"],
                "property": c["prop"],
                "opened_at": f"{c['ts']:%Y-%m-%dT%H:%M:%S}+09:00",
                "first_response_at": f"{c['first']:%Y-%m-%dT%H:%M:%S}+09:00",
                "closed_at": f"{c['closed']:%Y-%m-%dT%H:%M:%S}+09:00" if c["closed"] else None,
                "category": c["category"],
                "reported_via": c["via"],
                "type": c["type"],
                "guest_rating": c["rating"],
            }
            f.write(json.dumps(obj) + "\n")
    # monthly marketing sheet: OTA commissions on the month's bookings, plus paid media
    booked = defaultdict(float)
    for k, rows in cm.items():
        for r in rows:
            if r["kind"] == "new":
                booked[(r["ts"].year, r["ts"].month, k)] += float(r["total"])
    agency_booked = defaultdict(float)
    for r in pms:
        if r["kind"] == "予約" and r["route"] == "旅行会社":
            agency_booked[(r["ts"].year, r["ts"].month)] += r["amount"]
    rate = {
        "bookingcom": 0.15,
        "agoda": 0.16,
        "expedia": 0.17,
        "tripcom": 0.15,
        "rakuten": 0.10,
        "jalan": 0.10,
    }
    sheet_name = {
        "bookingcom": "Booking.com",
        "agoda": "Agoda",
        "expedia": "Expedia",
        "tripcom": "Trip.com",
        "rakuten": "楽天トラベル",
        "jalan": "じゃらん",
    }
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月", "チャネル", "キャンペーン", "費用(円)"])
        y, m = START.year, START.month
        while datetime(y, m, 1) < END:
            month = f"{y}/{m:02d}/01"
            for k in rate:
                r_ = rate[k]
                if k == "tripcom" and datetime(y, m, 1) >= TRIP_CHANGE:
                    r_ = 0.20
                w.writerow([month, sheet_name[k], "OTA手数料", round(booked[(y, m, k)] * r_)])
            w.writerow([month, "旅行会社", "送客手数料", round(agency_booked[(y, m)] * 0.12)])
            gha = 1_150_000 * (1.35 if m in (3, 10, 11) else 1.0) * R.uniform(0.92, 1.08)
            w.writerow([month, "Google Hotel Ads", "Hotel Ads - brand", int(round(gha, -3))])
            xhs = 380_000 * R.uniform(0.9, 1.1)
            w.writerow([month, "小红书", "日常种草", int(round(xhs, -3))])
            if m in (2, 3):
                w.writerow(
                    [month, "小红书", "樱花季KOL", int(round(1_600_000 * R.uniform(0.9, 1.1), -3))]
                )
            if m in (9, 10):
                w.writerow(
                    [
                        month,
                        "小红书",
                        "红叶季KOL" if m == 10 else "国庆种草",
                        int(round(1_200_000 * R.uniform(0.9, 1.1), -3)),
                    ]
                )
            w.writerow(
                [month, "WeChat", "公众号运营", int(round(250_000 * R.uniform(0.9, 1.1), -3))]
            )
            if m in (1, 2):
                w.writerow(
                    [
                        month,
                        "WeChat",
                        "春节 campaign",
                        int(round(900_000 * R.uniform(0.9, 1.1), -3)),
                    ]
                )
            if m in (9, 10):
                w.writerow(
                    [
                        month,
                        "WeChat",
                        "国庆 campaign",
                        int(round(1_000_000 * R.uniform(0.9, 1.1), -3)),
                    ]
                )
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="ryokan-src-") as tmp:
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
