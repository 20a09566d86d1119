"""Concerts evaluation domain: StageLine, concert promoter + ticketing (SG, KL, Bangkok, Taipei).

    python generate.py OUT.duckdb

Writes StageLine's own exports (seeded: the same files every run) to a temporary folder —

  app_events.csv              app/web analytics (snake_case, UTC ISO with Z): device_id,
                              member_id after login
  members.csv                 member accounts (MemberID, SignupDate, HomeCity, FanClub Y/N,
                              AgeBand, PreferredLang)
  queue_events.jsonl          virtual queue system (UTC epoch milliseconds)
  ticketing/orders_SG|MY|TW|TH.csv
                              ticketing transaction log, one row per order line, venue local time
                              'YYYY-MM-DD HH:mm', amounts in local currency + Currency column
  gate_scans_th.csv, gate_scans.csv
                              gate scanners, venue local time 'dd/mm/yyyy HH:MM:SS'
  resale_activity.csv         official resale marketplace (ISO times with offset)
  support_tickets.csv         customer support (Asia/Singapore 'YYYY/MM/DD HH:MM')
  post_show_survey.csv        post-show NPS survey
  weekly_spend_usd.csv        weekly marketing spend sheet in USD

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
The ingest cannot read epoch milliseconds, so the queue export is converted to ISO UTC
(queue_events.utc.jsonl, one extra field) before loading: the only pre-processing step.
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

SEED = 20261204
START = datetime(2025, 12, 4)
END = datetime(2026, 12, 4)  # as_of (Friday); data ends the day before. All internal times are SGT.
N_DAYS = (END - START).days
R = random.Random(SEED)

CITIES = ["Singapore", "Kuala Lumpur", "Bangkok", "Taipei"]
CITY_W = [0.32, 0.24, 0.24, 0.2]
CC = {"Singapore": "SG", "Kuala Lumpur": "MY", "Bangkok": "TH", "Taipei": "TW"}
CUR = {"Singapore": "SGD", "Kuala Lumpur": "MYR", "Bangkok": "THB", "Taipei": "TWD"}
# local price of CAT1..CAT5 and VIP package, per city
PRICES = {
    "Singapore": [348, 288, 228, 168, 108, 588],
    "Kuala Lumpur": [988, 788, 588, 388, 228, 1688],
    "Bangkok": [7500, 6000, 4500, 3500, 2500, 12500],
    "Taipei": [6800, 5800, 4800, 3800, 2800, 11800],
}
MERCH = {"Singapore": 65, "Kuala Lumpur": 180, "Bangkok": 1500, "Taipei": 1400}
PAY = {
    "Singapore": (["Visa/Mastercard", "PayNow", "GrabPay", "Alipay+"], [0.55, 0.25, 0.15, 0.05]),
    "Kuala Lumpur": (["Visa/Mastercard", "GrabPay", "Alipay+"], [0.55, 0.35, 0.1]),
    "Bangkok": (["Visa/Mastercard", "LINE Pay", "Alipay+"], [0.5, 0.35, 0.15]),
    "Taipei": (["Visa/Mastercard", "LINE Pay", "Alipay+"], [0.6, 0.3, 0.1]),
}
VENUES = {
    "Singapore": ["National Stadium", "Indoor Stadium", "The Star Theatre"],
    "Kuala Lumpur": ["Axiata Arena", "Zepp KL"],
    "Bangkok": ["Rajamangala Stadium", "Impact Arena"],
    "Taipei": ["Taipei Dome", "Taipei Arena", "Zepp New Taipei"],
}
NEW_VENUE = "Merdeka Park Stadium"  # new KL stadium venue from September 2026
NEW_VENUE_OPEN = datetime(2026, 9, 1)
GENRES = ["K-pop", "C-pop", "Western", "Festival"]
# app analytics utm_source values as the tag writes them
SOURCES = ["meta", "tiktok", "google", "spotify", "fanclub", "kol", "email", "organic", "direct"]
SOURCE_W = [0.18, 0.12, 0.16, 0.06, 0.1, 0.06, 0.0, 0.18, 0.14]

QUEUE_CRASH = (datetime(2026, 3, 14, 10, 0), datetime(2026, 3, 14, 10, 40))  # SGT
BOT_MONTH = (datetime(2026, 5, 1), datetime(2026, 6, 1))
TIKTOK_CAMPAIGN = (datetime(2026, 6, 8), datetime(2026, 6, 21))
FEST_CANCEL = datetime(2026, 8, 21, 18, 0)


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


def within(ts):
    return START <= ts < END


class Show:
    def __init__(
        self, code, name, genre, city, venue, day, onsale, capacity, presale=True, hour=19
    ):
        self.code, self.name, self.genre, self.city, self.venue = code, name, genre, city, venue
        self.when = datetime(day.year, day.month, day.day, hour, 30)
        self.onsale = onsale
        self.presale = onsale - timedelta(days=2) if presale else None
        self.capacity = capacity
        self.sold = 0
        self.cancelled = False


SHOWS = []


def add_show(*a, **k):
    s = Show(*a, **k)
    SHOWS.append(s)
    return s


def build_shows():
    def d(y, m, dd):
        return datetime(y, m, dd)

    def onsale(y, m, dd, hh=10):
        return datetime(y, m, dd, hh)

    n = 0

    def code(city):
        nonlocal n
        n += 1
        return f"{CC[city]}{26 if n > 6 else 25}{n:03d}"

    # K-pop world tour: on-sale 14 March 2026 (the queue crash), shows in May-June
    for city, venue, day in [
        ("Singapore", "National Stadium", d(2026, 5, 23)),
        ("Kuala Lumpur", "Axiata Arena", d(2026, 5, 30)),
        ("Bangkok", "Rajamangala Stadium", d(2026, 6, 6)),
        ("Taipei", "Taipei Dome", d(2026, 6, 13)),
    ]:
        add_show(
            code(city),
            "AURORA7 World Tour 'ECLIPSE'",
            "K-pop",
            city,
            venue,
            day,
            onsale(2026, 3, 14),
            150,
            presale=False,
        )
    # C-pop tour in Taipei with the TikTok campaign; on-sale 20 June, show in September
    add_show(
        code("Taipei"),
        "林悅婷 Lin Yue-ting 'Moonlit' Tour",
        "C-pop",
        "Taipei",
        "Taipei Arena",
        d(2026, 9, 19),
        onsale(2026, 6, 20, 12),
        190,
    )
    add_show(
        code("Taipei"),
        "林悅婷 Lin Yue-ting 'Moonlit' Tour",
        "C-pop",
        "Taipei",
        "Taipei Arena",
        d(2026, 9, 20),
        onsale(2026, 6, 20, 12),
        190,
    )
    # Bangkok festival cancelled for weather (two days)
    for day in (d(2026, 8, 22), d(2026, 8, 23)):
        add_show(
            code("Bangkok"),
            "Monsoon Sound Festival",
            "Festival",
            "Bangkok",
            "Impact Arena",
            day,
            onsale(2026, 5, 9),
            120,
            presale=False,
            hour=15,
        )
    # year-end shows (resale spike)
    for city, venue, day, name, genre in [
        (
            "Singapore",
            "National Stadium",
            d(2026, 12, 19),
            "Harbor Lights (US) Farewell Tour",
            "Western",
        ),
        ("Taipei", "Taipei Dome", d(2026, 12, 31), "NEON BOYS Countdown Live", "K-pop"),
        ("Bangkok", "Rajamangala Stadium", d(2026, 12, 31), "Countdown Bangkok 2027", "Festival"),
        ("Kuala Lumpur", NEW_VENUE, d(2026, 12, 12), "Harbor Lights (US) Farewell Tour", "Western"),
    ]:
        add_show(code(city), name, genre, city, venue, day, onsale(2026, 9, 26), 130)
    # the new KL stadium from September
    for day, name, genre in [
        (d(2026, 9, 12), "Merdeka Park Opening Night: SKYLINE", "Western"),
        (d(2026, 10, 17), "VIXEN K World Tour", "K-pop"),
        (d(2026, 11, 14), "周傑 Chou Jie Carnival Tour", "C-pop"),
    ]:
        add_show(
            code("Kuala Lumpur"),
            name,
            genre,
            "Kuala Lumpur",
            NEW_VENUE,
            day,
            day - timedelta(days=70) + timedelta(hours=10),
            140,
        )
    # the regular calendar: smaller shows all year
    names = {
        "K-pop": ["STARLIGHT Fan Meeting", "BLUE ORBIT Asia Tour", "HAZE Showcase", "K-WAVE Night"],
        "C-pop": [
            "陳思 Chen Si Live",
            "五月風 Wind of May Tour",
            "方大 Fang Da Solo",
            "夜行 Night Owls Live",
        ],
        "Western": ["The Paper Kites", "Maya Ellis Tour", "Northbound Live", "Static Hearts"],
        "Festival": ["Garden Beats Festival", "Riverside Jazz Weekend", "Island Sound Festival"],
    }
    day = d(2025, 12, 13)
    while day < d(2027, 1, 20):
        city = pick(CITIES, CITY_W)
        genre = pick(GENRES, [0.35, 0.25, 0.28, 0.12])
        venues = VENUES[city][1:] if len(VENUES[city]) > 1 else VENUES[city]
        if city == "Kuala Lumpur":
            venues = ["Axiata Arena", "Zepp KL"]
        add_show(
            code(city),
            R.choice(names[genre]),
            genre,
            city,
            R.choice(venues),
            day,
            day - timedelta(days=R.randint(45, 80)) + timedelta(hours=10),
            R.choice([40, 60, 80]),
            presale=chance(0.6),
            hour=15 if genre == "Festival" else 20,
        )
        day += timedelta(days=R.choice([6, 7, 8, 9, 10]))


app, members, queue, orders, scans, resale, tickets, survey = ([] for _ in range(8))
seq = {"mem": 200000, "ord": 7000000, "tix": 0, "dev": 0, "res": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Fan:
    def __init__(self, city=None):
        self.city = city or pick(CITIES, CITY_W)
        self.genre = pick(
            GENRES,
            {"Taipei": [0.35, 0.45, 0.15, 0.05], "Bangkok": [0.45, 0.1, 0.25, 0.2]}.get(
                self.city, [0.4, 0.2, 0.3, 0.1]
            ),
        )
        self.device = "d-" + h(f"dev{nxt('dev')}")[:14]
        self.mid = None
        self.fanclub = "N"
        self.age = pick(["<18", "18-24", "25-34", "35-44", "45+"], [0.06, 0.36, 0.34, 0.16, 0.08])
        self.lang = {
            "Taipei": "zh-TW",
            "Bangkok": pick(["th", "en"], [0.7, 0.3]),
            "Kuala Lumpur": pick(["en", "ms", "zh-CN"], [0.45, 0.2, 0.35]),
            "Singapore": pick(["en", "zh-CN"], [0.75, 0.25]),
        }[self.city]
        self.signup = None
        self.bot = False
        self.orders = []


def login(f, ts):
    if f.mid is None:
        f.mid = f"SL{nxt('mem')}"
        f.signup = ts
        members.append(f)


def ev(f, ts, name, src, show=None, platform=None):
    if not within(ts):
        return False
    app.append(
        (ts, f.device, f.mid or "", name, src, platform or f.platform, show.code if show else "")
    )
    return True


def support(f, ts, category, mood=0.0, order=""):
    if not within(ts):
        return
    ch = pick(
        ["Live chat", "Email", "WhatsApp", "LINE"],
        [0.4, 0.35, 0.15, 0.1]
        if f.city != "Bangkok" and f.city != "Taipei"
        else [0.35, 0.3, 0.05, 0.3],
    )
    fr = {
        "Live chat": R.uniform(0.02, 0.6),
        "Email": R.uniform(1, 18),
        "WhatsApp": R.uniform(0.1, 2),
        "LINE": R.uniform(0.1, 2),
    }[ch]
    if QUEUE_CRASH[0] <= ts < QUEUE_CRASH[0] + timedelta(days=3):
        fr *= 6  # backlog after the crash
    if datetime(2026, 8, 21) <= ts < datetime(2026, 8, 28):
        fr *= 3
    res = (
        fr
        + {
            "Refund": R.uniform(24, 240),
            "Queue problem": R.uniform(1, 30),
            "Payment failure": R.uniform(2, 48),
            "Fraud report": R.uniform(24, 160),
            "Ticket transfer": R.uniform(1, 24),
            "Resale": R.uniform(4, 72),
        }[category]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    complaint = "Y" if (mood >= 1.0 and chance(0.7)) or category == "Fraud report" else "N"
    tickets.append(
        (
            f"ST-{nxt('tix'):06d}",
            f.mid or "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            category,
            ch,
            complaint,
            csat,
            order,
        )
    )


def line(f, ts, show, oid, txn, item, cat, qty, amount, pay, channel, reason="", refund=""):
    if not within(ts):
        return
    orders.append(
        dict(
            f=f,
            ts=ts,
            show=show,
            oid=oid,
            txn=txn,
            item=item,
            cat=cat,
            qty=qty,
            amount=amount,
            pay=pay,
            channel=channel,
            reason=reason,
            refund=refund,
        )
    )


def buy(f, show, t, src, order_start=None):
    """Seat selection, checkout, payment (maybe failing), e-ticket, gate scan, resale, transfer."""
    if show.sold >= show.capacity or not within(t):
        return False
    ev(f, t, "seat_map_view", src, show)
    if chance(0.12):
        return False
    ev(f, t + timedelta(minutes=R.uniform(1, 4)), "checkout_started", src, show)
    t = t + timedelta(minutes=R.uniform(3, 7))
    pay = pick(*PAY[show.city])
    channel = "App" if f.platform == "app" else "Web"
    oid = f"SO{nxt('ord')}"
    cat = pick(["CAT1", "CAT2", "CAT3", "CAT4", "CAT5"], [0.22, 0.24, 0.24, 0.18, 0.12])
    qty = pick([1, 2, 2, 3, 4], [0.3, 0.4, 0.1, 0.1, 0.1])
    # payment failures: the crash window, GrabPay is flaky in general
    fail_p = 0.04 + (0.04 if pay == "GrabPay" else 0)
    if QUEUE_CRASH[0] <= t < QUEUE_CRASH[1] + timedelta(minutes=90):
        fail_p = 0.4  # the payment gateway stayed overloaded after the queue came back
    tries = 0
    while chance(fail_p) and tries < 3:
        line(f, t, show, oid, "PAYFAIL", "TICKET", cat, qty, "", pay, channel)
        tries += 1
        if tries == 1 and chance(0.35 if fail_p > 0.3 else 0.15):
            support(
                f,
                t + timedelta(minutes=R.uniform(5, 90)),
                "Payment failure",
                mood=1.3 if fail_p > 0.3 else 0.5,
                order=oid,
            )
        if chance(0.35):
            return False
        t += timedelta(minutes=R.uniform(1, 6))
        oid = f"SO{nxt('ord')}"
        if chance(0.4):
            pay = pick(*PAY[show.city])
    price = PRICES[show.city][int(cat[3]) - 1]
    if show.genre == "C-pop" and show.city == "Taipei" and show.onsale >= datetime(2026, 6, 1):
        price = round(price * 1.0)
    vip = show.genre in ("K-pop", "C-pop") and chance(0.07)
    if vip:
        cat, qty, price = "VIP", pick([1, 2], [0.6, 0.4]), PRICES[show.city][5]
    show.sold += qty
    line(
        f,
        t,
        show,
        oid,
        "SALE",
        "VIP_PACKAGE" if vip else "TICKET",
        cat,
        qty,
        price * qty,
        pay,
        channel,
    )
    lines = [("VIP_PACKAGE" if vip else "TICKET", cat, qty, price * qty)]
    if chance(0.18 if show.genre in ("K-pop", "C-pop") else 0.06):
        m = MERCH[show.city] * pick([1, 2], [0.7, 0.3])
        line(f, t, show, oid, "SALE", "MERCH_PREORDER", "", 1, m, pay, channel)
        lines.append(("MERCH_PREORDER", "", 1, m))
    f.orders.append((oid, show, t, lines, pay, channel))
    ev(f, t + timedelta(minutes=R.uniform(1, 3)), "eticket_viewed", src, show)
    # bots: caught and voided within days
    if f.bot:
        vt = t + timedelta(hours=R.uniform(20, 120))
        for it, c, q, a in lines:
            line(
                f,
                vt,
                show,
                oid,
                "VOID",
                it,
                c,
                q,
                "",
                pay,
                channel,
                reason="BOT_DETECTED",
                refund=f"{a}",
            )
        show.sold -= qty
        return True
    # festival cancelled: everyone refunded
    if show.cancelled:
        rt = FEST_CANCEL + timedelta(hours=R.uniform(20, 24 * 12))
        for it, c, q, a in lines:
            line(
                f,
                rt,
                show,
                oid,
                "REFUND",
                it,
                c,
                q,
                "",
                pay,
                channel,
                reason="EVENT_CANCELLED",
                refund=f"{a}",
            )
        if chance(0.3):
            support(
                f, FEST_CANCEL + timedelta(hours=R.uniform(1, 96)), "Refund", mood=1.1, order=oid
            )
        return True
    if chance(0.02):
        rt = t + timedelta(days=R.uniform(1, 20))
        if rt < show.when:
            for it, c, q, a in lines:
                line(
                    f,
                    rt,
                    show,
                    oid,
                    "REFUND",
                    it,
                    c,
                    q,
                    "",
                    pay,
                    channel,
                    reason="CUSTOMER_REQUEST",
                    refund=f"{a}",
                )
            support(f, rt - timedelta(hours=R.uniform(2, 48)), "Refund", mood=0.4, order=oid)
            return True
    # resale / transfer before the show
    year_end = show.when >= datetime(2026, 12, 10)
    if chance(0.16 if year_end else 0.06):
        lt = t + timedelta(days=R.uniform(1, max(2, (show.when - t).days - 1)))
        if lt < show.when and within(lt):
            markup = R.uniform(1.6, 2.8) if year_end else R.uniform(0.85, 1.15)
            if year_end and lt < datetime(2026, 10, 15):
                markup = R.uniform(1.1, 1.5)
            ev(f, lt - timedelta(minutes=2), "resale_listing_started", src, show)
            lid = f"RL{nxt('res'):06d}"
            ask = round(price * markup, 0)
            resale.append((lid, "LISTED", f, lt, show, price, ask, cat))
            sold_p = 0.75 if year_end else 0.55
            if chance(sold_p):
                st = lt + timedelta(hours=R.uniform(1, 24 * 10))
                if st < show.when:
                    buyer = Fan(show.city)
                    buyer.platform = "app"
                    login(buyer, st - timedelta(days=R.uniform(1, 200)))
                    ev(
                        buyer,
                        st - timedelta(minutes=R.uniform(3, 20)),
                        "resale_browse",
                        "direct",
                        show,
                    )
                    resale.append((lid, "SOLD", buyer, st, show, price, ask, cat))
                    if show.when < END:
                        scans.append(
                            (buyer, show, show.when - timedelta(minutes=R.uniform(10, 120)), oid)
                        )
                    return True
            elif chance(0.3):
                resale.append(
                    (
                        lid,
                        "DELISTED",
                        f,
                        lt + timedelta(days=R.uniform(1, 6)),
                        show,
                        price,
                        ask,
                        cat,
                    )
                )
    if qty >= 2 and chance(0.25):
        ev(f, t + timedelta(days=R.uniform(1, 30)), "ticket_transferred", src, show)
        if chance(0.1):
            support(f, t + timedelta(days=R.uniform(1, 30)), "Ticket transfer", order=oid)
    if show.when < END and chance(0.93):
        scans.append((f, show, show.when - timedelta(minutes=R.uniform(5, 150)), oid))
        if f.mid and chance(0.22):
            st = show.when + timedelta(hours=R.uniform(14, 60))
            if within(st):
                mean = 8.3 if show.venue != NEW_VENUE else 6.9
                if show.genre == "Festival":
                    mean = 7.6
                survey.append((f, show, st, max(0, min(10, round(R.gauss(mean, 1.7))))))
    return True


def try_show(f, show, src):
    """A fan goes for one show: presale registration, queue on sale day, buy."""
    f.platform = getattr(f, "platform", None) or pick(["app", "web"], [0.62, 0.38])
    if show.onsale >= END:
        return
    t0 = show.onsale - timedelta(days=R.uniform(3, 25))
    if not ev(f, t0, "event_page_view", src, show):
        return
    login(f, t0 + timedelta(minutes=1))
    presale = show.presale is not None and (f.fanclub == "Y" or chance(0.3))
    if presale:
        ev(f, t0 + timedelta(minutes=R.uniform(2, 6)), "presale_registered", src, show)
        if not chance(0.82):
            return
        start = show.presale
    else:
        if not chance(0.7):
            return
        start = show.onsale
    hot = show.capacity >= 120 or show.genre == "K-pop"
    qj = start + timedelta(minutes=R.uniform(-20, 5) if hot else R.uniform(0, 60 * 24 * 6))
    if not within(qj):
        return
    queue.append((f, show, qj, "JOINED", ""))
    crash = (
        show.onsale == datetime(2026, 3, 14, 10)
        and QUEUE_CRASH[0] - timedelta(minutes=20) <= qj < QUEUE_CRASH[1]
    )
    if crash:
        et = max(qj, QUEUE_CRASH[0]) + timedelta(minutes=R.uniform(1, 38))
        queue.append((f, show, et, "ERROR", "HTTP_503"))
        if chance(0.3):
            support(f, et + timedelta(minutes=R.uniform(2, 60)), "Queue problem", mood=1.5)
        if chance(0.35):
            queue.append((f, show, et + timedelta(minutes=R.uniform(0.5, 3)), "ABANDONED", ""))
            return
        qj = QUEUE_CRASH[1] + timedelta(minutes=R.uniform(0, 25))
        queue.append((f, show, qj, "JOINED", "REJOIN"))
    wait = R.uniform(2, 70) if hot else R.uniform(0.2, 3)
    if show.genre == "C-pop" and show.city == "Taipei" and show.onsale >= datetime(2026, 6, 1):
        wait = R.uniform(5, 40)
    if show.sold >= show.capacity and chance(0.8):
        queue.append((f, show, qj + timedelta(minutes=wait), "SOLD_OUT", ""))
        return
    if chance(0.08 if hot else 0.02):
        queue.append((f, show, qj + timedelta(minutes=wait * R.uniform(0.3, 1)), "ABANDONED", ""))
        return
    qp = qj + timedelta(minutes=wait)
    queue.append((f, show, qp, "ADMITTED", ""))
    buy(f, show, qp + timedelta(minutes=R.uniform(0.3, 2)), src)


def shows_for(f, t):
    cand = [
        s
        for s in SHOWS
        if s.city == f.city
        and s.onsale > t - timedelta(days=3)
        and s.onsale < t + timedelta(days=40)
        and (s.genre == f.genre or chance(0.12))
    ]
    return cand


def browser(day, src=None, city=None, genre=None):
    f = Fan(city)
    if genre:
        f.genre = genre
    src = src or pick(SOURCES, SOURCE_W)
    f.fanclub = "Y" if (src == "fanclub" or chance(0.12)) else "N"
    f.platform = pick(["app", "web"], [0.62, 0.38])
    t = datetime(day.year, day.month, day.day, R.choice(range(8, 24)), R.randrange(60))
    ev(f, t, "app_open" if f.platform == "app" else "home_view", src)
    cand = shows_for(f, t)
    if src == "tiktok" and TIKTOK_CAMPAIGN[0] <= t < TIKTOK_CAMPAIGN[1]:
        cand = [
            s
            for s in SHOWS
            if s.genre == "C-pop" and s.city == "Taipei" and s.onsale == datetime(2026, 6, 20, 12)
        ]
    if not cand:
        if chance(0.2):
            login(f, t + timedelta(minutes=2))
        return f
    p_go = {
        "tiktok": 0.35,
        "meta": 0.4,
        "google": 0.5,
        "spotify": 0.35,
        "fanclub": 0.8,
        "kol": 0.3,
        "organic": 0.5,
        "direct": 0.55,
        "email": 0.6,
    }[src]
    if src == "tiktok" and TIKTOK_CAMPAIGN[0] <= t < TIKTOK_CAMPAIGN[1]:
        p_go = 0.75
    if src == "meta" and t >= datetime(2026, 7, 1):
        p_go = 0.22  # Meta got worse in the second half
    if not chance(p_go):
        return f
    shows = R.sample(cand, min(len(cand), R.choice([1, 1, 1, 2])))
    for s in shows:
        try_show(f, s, src)
    # email re-engagement of known members
    if f.mid and chance(0.25):
        later = [
            s
            for s in SHOWS
            if s.city == f.city and s.genre == f.genre and t + timedelta(days=30) < s.onsale < END
        ]
        if later:
            try_show(f, R.choice(later), "email")
    return f


def bots():
    """May 2026: a scalper ring — fresh accounts buying CAT1 in seconds; caught and voided."""
    targets = [s for s in SHOWS if BOT_MONTH[0] <= s.onsale < BOT_MONTH[1]] or [
        s for s in SHOWS if s.name.startswith("Monsoon")
    ]
    for _ in range(140):
        s = R.choice(targets)
        f = Fan(s.city)
        f.bot = True
        f.platform = "web"
        f.age = "18-24"
        t = s.onsale - timedelta(minutes=R.uniform(1, 60))
        ev(f, t, "home_view", "direct")
        login(f, t + timedelta(seconds=20))
        qj = s.onsale + timedelta(seconds=R.uniform(0, 30))
        queue.append((f, s, qj, "JOINED", ""))
        queue.append((f, s, qj + timedelta(seconds=R.uniform(5, 40)), "ADMITTED", ""))
        buy(f, s, qj + timedelta(seconds=R.uniform(50, 90)), "direct")
        if chance(0.12):
            support(
                R.choice([m for m in members if m.city == s.city and not m.bot]),
                s.onsale + timedelta(hours=R.uniform(2, 72)),
                "Fraud report",
                mood=1.0,
            )


def simulate():
    build_shows()
    for s in SHOWS:
        if s.name == "Monsoon Sound Festival":
            s.cancelled = True
    # existing members (signed up before the year)
    for _ in range(1300):
        f = Fan()
        f.fanclub = "Y" if chance(0.3) else "N"
        f.mid = f"SL{nxt('mem')}"
        f.signup = START - timedelta(days=R.uniform(20, 1500))
        f.platform = pick(["app", "web"], [0.7, 0.3])
        members.append(f)
        for s in [s for s in SHOWS if s.city == f.city and s.genre == f.genre and within(s.onsale)]:
            if chance(0.3 if f.fanclub == "Y" else 0.12):
                try_show(
                    f,
                    s,
                    pick(["fanclub", "email", "direct"], [0.4, 0.3, 0.3])
                    if f.fanclub == "Y"
                    else pick(["email", "direct", "organic"], [0.4, 0.4, 0.2]),
                )
    for k in range(N_DAYS):
        day = START + timedelta(days=k)
        w = 1.0 + (0.8 if day.month in (11,) else 0) + (0.25 if day.weekday() >= 5 else 0)
        for _ in range(poisson(15 * w)):
            browser(day)
        if datetime(2026, 3, 1) <= day < datetime(2026, 3, 15):  # K-pop tour hype before on-sale
            for _ in range(poisson(22)):
                browser(
                    day,
                    pick(["meta", "tiktok", "fanclub", "kol", "google"], [3, 2, 3, 1, 1]),
                    genre="K-pop",
                )
        if TIKTOK_CAMPAIGN[0] <= day < TIKTOK_CAMPAIGN[1]:
            for _ in range(poisson(28)):
                browser(day, "tiktok", city="Taipei", genre="C-pop")
        if datetime(2026, 9, 10) <= day < datetime(2026, 10, 10):  # year-end on-sale
            for _ in range(poisson(10)):
                browser(day, pick(["meta", "google", "spotify", "kol"], [2, 2, 1, 1]))
    bots()
    # background support contacts
    for f in R.sample(members, 260):
        support(
            f,
            START + timedelta(days=R.uniform(0, N_DAYS)),
            pick(["Refund", "Ticket transfer", "Resale", "Payment failure"], [2, 3, 2, 2]),
        )


def local(ts, city):  # SGT naive -> venue local naive
    return ts - timedelta(hours=1) if city == "Bangkok" else ts


def utc(ts):
    return ts - timedelta(hours=8)


def write(folder: Path):
    with open(folder / "app_events.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "event_time",
                "device_id",
                "member_id",
                "event_name",
                "utm_source",
                "platform",
                "show_code",
            ]
        )
        for r in sorted(app, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{utc(r[0]):%Y-%m-%dT%H:%M:%S}Z", *r[1:]])
    with open(folder / "members.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["MemberID", "SignupDate", "HomeCity", "FanClub", "AgeBand", "PreferredLang"])
        for f in sorted(members, key=lambda f: f.mid):
            w.writerow([f.mid, f"{f.signup:%Y-%m-%d %H:%M}", f.city, f.fanclub, f.age, f.lang])
    with open(folder / "queue_events.jsonl", "w") as fh:
        for f, s, ts, st, note in sorted(queue, key=lambda r: (r[2], r[0].mid or "")):
            if not within(ts):
                continue
            ms = int(utc(ts).replace(tzinfo=UTC).timestamp() * 1000) + R.randrange(1000)
            obj = {
                "queueId": f"Q-{s.code}",
                "memberNo": f.mid,
                "showCode": s.code,
                "status": st,
                "ts": ms,
            }
            if note:
                obj["note"] = note
            fh.write(json.dumps(obj) + "\n")
    (folder / "ticketing").mkdir()
    handles = {}
    for city in CITIES:
        rows = []
        rows.append(
            [
                "OrderNo",
                "LineNo",
                "MemberID",
                "ShowCode",
                "EventTitle",
                "Genre",
                "City",
                "Venue",
                "TxnTime",
                "TxnType",
                "ItemType",
                "SeatCategory",
                "Qty",
                "LineAmount",
                "RefundAmount",
                "Currency",
                "PaymentMethod",
                "SalesChannel",
                "Reason",
            ]
        )
        handles[city] = rows
    counters = {}
    for r in sorted(orders, key=lambda r: (r["ts"], r.get("oid", ""))):
        s, f = r["show"], r["f"]
        oid = r["oid"]
        counters[(oid, r["txn"])] = counters.get((oid, r["txn"]), 0) + 1
        handles[s.city].append(
            [
                oid,
                counters[(oid, r["txn"])],
                f.mid,
                s.code,
                s.name,
                s.genre,
                s.city,
                s.venue,
                f"{local(r['ts'], s.city):%Y-%m-%d %H:%M}",
                r["txn"],
                r["item"],
                r["cat"],
                r["qty"],
                f"{r['amount']:.2f}" if r["amount"] != "" else "",
                f"{float(r['refund']):.2f}" if r["refund"] else "",
                CUR[s.city],
                r["pay"],
                r["channel"],
                r["reason"],
            ]
        )
    for city, rows in handles.items():
        with open(folder / "ticketing" / f"orders_{CC[city]}.csv", "w", newline="") as fh:
            csv.writer(fh).writerows(rows)
    for fname, th in (("gate_scans_th.csv", True), ("gate_scans.csv", False)):
        with open(folder / fname, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(
                ["scan_time", "venue", "gate", "show_code", "order_ref", "holder_member", "result"]
            )
            for f, s, ts, oid in sorted(scans, key=lambda r: (r[2], r[0].mid or "")):
                if (s.city == "Bangkok") != th or not within(ts):
                    continue
                w.writerow(
                    [
                        f"{local(ts, s.city):%d/%m/%Y %H:%M:%S}",
                        s.venue,
                        f"Gate {R.choice('ABCDEF')}",
                        s.code,
                        oid,
                        f.mid,
                        "OK",
                    ]
                )
    with open(folder / "resale_activity.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "listing_id",
                "action",
                "member",
                "action_at",
                "show_code",
                "seat_category",
                "face_value",
                "ask_price",
                "currency",
            ]
        )
        for lid, act, f, ts, s, face, ask, cat in sorted(resale, key=lambda r: (r[3], r[0])):
            if not within(ts):
                continue
            off = "+07:00" if s.city == "Bangkok" else "+08:00"
            w.writerow(
                [
                    lid,
                    act,
                    f.mid,
                    f"{local(ts, s.city):%Y-%m-%dT%H:%M:%S}{off}",
                    s.code,
                    cat,
                    f"{face:.2f}",
                    f"{ask:.2f}",
                    CUR[s.city],
                ]
            )

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "support_tickets.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "TicketID",
                "MemberID",
                "Created",
                "FirstResponse",
                "Resolved",
                "Category",
                "Channel",
                "Complaint",
                "CSAT",
                "OrderNo",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7], r[8], r[9]])
    with open(folder / "post_show_survey.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["member_id", "show_code", "venue", "submitted_at", "nps"])
        for f, s, ts, score in sorted(survey, key=lambda r: (r[2], r[0].mid)):
            w.writerow([f.mid, s.code, s.venue, f"{ts:%Y-%m-%d %H:%M:%S}", score])
    with open(folder / "weekly_spend_usd.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["week_start", "channel", "spend_usd"])
        base = {
            "Meta Ads": 5200,
            "TikTok Ads": 2600,
            "Google Ads": 4100,
            "Spotify Ads": 1200,
            "Fan-club partnerships": 1500,
            "KOL": 1800,
            "Email": 300,
        }
        wk = START - timedelta(days=START.weekday())
        while wk < END:
            for ch, amt in base.items():
                x = amt * R.uniform(0.85, 1.15)
                if (
                    ch == "TikTok Ads"
                    and TIKTOK_CAMPAIGN[0] - timedelta(days=6) <= wk < TIKTOK_CAMPAIGN[1]
                ):
                    x *= 4.0
                if ch == "Meta Ads" and wk >= datetime(2026, 7, 1):
                    x *= 1.3
                if ch in ("Meta Ads", "KOL") and datetime(2026, 2, 23) <= wk < datetime(
                    2026, 3, 16
                ):
                    x *= 2.0
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{x:.2f}"])
            wk += timedelta(days=7)


def queue_to_iso(src: Path, dst: Path):
    """The one pre-processing step: epoch ms -> ISO UTC (the ingest reads no epoch times)."""
    with open(src) as a, open(dst, "w") as b:
        for raw in a:
            obj = json.loads(raw)
            t = datetime.fromtimestamp(obj["ts"] / 1000, tz=UTC)
            obj["tsUtc"] = t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            b.write(json.dumps(obj) + "\n")


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="concerts-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        queue_to_iso(folder / "queue_events.jsonl", folder / "queue_events.utc.jsonl")
        (folder / "queue_events.jsonl").rename(folder / "_queue_events.raw.jsonl")
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
