"""eSIM evaluation domain: RoamLite, a travel eSIM app selling data plans for 120 countries.

    python generate.py OUT.duckdb

Writes RoamLite's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl          app event log (Segment-style): anonymous_id always, user_id after
                            sign-up, epoch seconds UTC, utm_source, platform, os_version
  accounts.csv              store backend accounts (account_id, install_id, email, home country)
  store_orders.csv          store backend orders: plans and top-ups, ISO timestamps with offsets,
                            cents in the sale currency (USD/EUR/GBP) and converted to USD cents
  store_refunds.csv         store backend refunds (USD cents)
  carrier_activations.csv   carrier activation feed by ICCID ('DD.MM.YYYY HH:mm' UTC)
  affiliate_report.csv      travel-blogger affiliate conversions and commissions (US dates)
  zendesk_tickets.csv       Zendesk export (ISO Z times)
  appstore_reviews.csv      App Store review export (nickname, rating 1-5)
  marketing_monthly.csv     monthly marketing sheet in USD ('Jan 2026')

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
JP_OUTAGE = (datetime(2026, 5, 3), datetime(2026, 5, 6))  # SoftBank outage, 3-5 May
PRICE_CUT = datetime(2026, 7, 1)  # 5 GB plans cheaper
AIRLINE_START = datetime(2026, 9, 1)  # SkyAzure airline partnership
IOS_BUG = (datetime(2026, 10, 12), datetime(2026, 10, 19))  # iOS 26.1 broke profile installs

R = random.Random(SEED)

# 120 destinations (ISO 3166 alpha-2); the first ones carry most travel
TOP = [
    "JP",
    "US",
    "TH",
    "GB",
    "FR",
    "IT",
    "ES",
    "TR",
    "KR",
    "MX",
    "ID",
    "VN",
    "PT",
    "GR",
    "AE",
    "DE",
    "AU",
    "SG",
]
TOP_W = [13, 11, 8, 6, 6, 6, 6, 5, 5, 4, 4, 4, 3, 3, 3, 3, 3, 3]
TAIL = [
    "AL",
    "AR",
    "AT",
    "BA",
    "BD",
    "BE",
    "BG",
    "BH",
    "BO",
    "BR",
    "BW",
    "CA",
    "CH",
    "CL",
    "CN",
    "CO",
    "CR",
    "CY",
    "CZ",
    "DK",
    "DO",
    "EC",
    "EE",
    "EG",
    "FI",
    "FJ",
    "GE",
    "GT",
    "HK",
    "HN",
    "HR",
    "HU",
    "IE",
    "IL",
    "IN",
    "IS",
    "JM",
    "JO",
    "KE",
    "KH",
    "KW",
    "KZ",
    "LA",
    "LK",
    "LT",
    "LU",
    "LV",
    "MA",
    "MD",
    "ME",
    "MK",
    "MN",
    "MO",
    "MT",
    "MU",
    "MV",
    "MY",
    "NA",
    "NG",
    "NI",
    "NL",
    "NO",
    "NP",
    "NZ",
    "OM",
    "PA",
    "PE",
    "PH",
    "PK",
    "PL",
    "PR",
    "PY",
    "QA",
    "RO",
    "RS",
    "RW",
    "SA",
    "SC",
    "SE",
    "SI",
    "SK",
    "SN",
    "SV",
    "TN",
    "TW",
    "TZ",
    "UA",
    "UG",
    "UY",
    "UZ",
    "ZA",
    "ZM",
    "ZW",
    "CM",
    "GH",
    "ET",
    "DZ",
    "CI",
    "BJ",
    "AM",
    "AZ",
    "KG",
]
DESTS = TOP + TAIL[: 120 - len(TOP)]
DEST_W = TOP_W + [0.35] * (120 - len(TOP))
REGION_OF = {
    **{
        c: "Asia"
        for c in [
            "JP",
            "TH",
            "KR",
            "ID",
            "VN",
            "SG",
            "BD",
            "CN",
            "HK",
            "IN",
            "KH",
            "KZ",
            "LA",
            "LK",
            "MN",
            "MO",
            "MV",
            "MY",
            "NP",
            "PH",
            "PK",
            "TW",
            "UZ",
            "AM",
            "AZ",
            "KG",
        ]
    },
    **{
        c: "Europe"
        for c in [
            "GB",
            "FR",
            "IT",
            "ES",
            "TR",
            "PT",
            "GR",
            "DE",
            "AL",
            "AT",
            "BA",
            "BE",
            "BG",
            "CH",
            "CY",
            "CZ",
            "DK",
            "EE",
            "FI",
            "GE",
            "HR",
            "HU",
            "IE",
            "IS",
            "LT",
            "LU",
            "LV",
            "MD",
            "ME",
            "MK",
            "MT",
            "NL",
            "NO",
            "PL",
            "RO",
            "RS",
            "SE",
            "SI",
            "SK",
            "UA",
        ]
    },
    **{
        c: "Americas"
        for c in [
            "US",
            "MX",
            "AR",
            "BO",
            "BR",
            "CA",
            "CL",
            "CO",
            "CR",
            "DO",
            "EC",
            "GT",
            "HN",
            "JM",
            "NI",
            "PA",
            "PE",
            "PR",
            "PY",
            "SV",
            "UY",
        ]
    },
    **{c: "Middle East" for c in ["AE", "BH", "IL", "JO", "KW", "OM", "QA", "SA", "EG"]},
    **{c: "Oceania" for c in ["AU", "FJ", "NZ"]},
}
CARRIERS = {
    "JP": (["SoftBank", "KDDI"], [0.7, 0.3]),
    "US": (["T-Mobile", "AT&T"], [0.6, 0.4]),
    "TH": (["AIS", "dtac"], [0.6, 0.4]),
    "GB": (["EE", "Three UK"], [0.5, 0.5]),
    "FR": (["Orange", "Bouygues"], [0.6, 0.4]),
    "IT": (["TIM", "Vodafone IT"], [0.5, 0.5]),
    "ES": (["Movistar", "Orange ES"], [0.5, 0.5]),
    "TR": (["Turkcell"], [1]),
    "KR": (["SK Telecom", "KT"], [0.6, 0.4]),
    "MX": (["Telcel"], [1]),
    "DE": (["Telekom", "Vodafone DE"], [0.5, 0.5]),
    "AU": (["Telstra", "Optus"], [0.5, 0.5]),
}
HOME = ["US", "GB", "DE", "FR", "AU", "CA", "NL", "ES", "IT", "SG", "KR", "CN"]
HOME_W = [30, 14, 9, 7, 7, 7, 4, 4, 4, 4, 4, 6]
EUR = {"DE", "FR", "NL", "ES", "IT"}
FX = {"USD": 1.0, "EUR": 1.09, "GBP": 1.27}  # to USD
# plans: sku -> (data label, validity days, USD price)
PLANS = {
    "RL-1GB-7D": ("1 GB", 7, 4.50),
    "RL-1GB-30D": ("1 GB", 30, 6.00),
    "RL-5GB-7D": ("5 GB", 7, 12.00),
    "RL-5GB-30D": ("5 GB", 30, 16.00),
    "RL-20GB-30D": ("20 GB", 30, 34.00),
    "RL-UNL-7D": ("Unlimited", 7, 25.00),
    "RL-UNL-30D": ("Unlimited", 30, 59.00),
}
PLAN_W = [14, 8, 18, 16, 18, 14, 12]
CUT_5GB = {"RL-5GB-7D": 8.50, "RL-5GB-30D": 11.00}
REGION_MULT = {
    "Asia": 1.0,
    "Europe": 0.9,
    "Americas": 1.15,
    "Middle East": 1.3,
    "Oceania": 1.1,
    "Africa": 1.4,
}
TOPUPS = {"RL-TOPUP-1GB": ("1 GB", 0, 3.50), "RL-TOPUP-5GB": ("5 GB", 0, 12.00)}
# utm sources as the app writes them
SOURCES = ["google", "instagram", "blogger", "organic", "(none)"]
SOURCE_W = [0.3, 0.24, 0.14, 0.2, 0.12]
BUY_P = {
    "google": 0.42,
    "instagram": 0.3,
    "blogger": 0.48,
    "organic": 0.36,
    "(none)": 0.33,
    "skyazure": 0.55,
}
BLOGGERS = ["NOMADJESS", "WANDERLEO", "BACKPACKBEA", "TOKYOTOM", "EUROTRIPEMMA", "SOLOSAM"]
BLOGGER_W = [0.26, 0.2, 0.16, 0.14, 0.14, 0.1]


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


def h(text, n=12):
    return hashlib.md5(text.encode()).hexdigest()[:n]


HOURS = [
    1,
    0.8,
    0.6,
    0.5,
    0.6,
    0.9,
    1.4,
    2,
    2.6,
    3,
    3.2,
    3.2,
    3.3,
    3.2,
    3.1,
    3.1,
    3.2,
    3.4,
    3.8,
    4.2,
    4.4,
    4,
    3,
    1.8,
]


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


app, accounts, orders, refunds, acts, affs, tickets, reviews = ([] for _ in range(8))
seq = {"acct": 40000, "order": 700000, "ticket": 180000, "iccid": 0, "anon": 0, "p": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, source, platform):
        seq["p"] += 1
        self.n = seq["p"]
        self.anon = "anon-" + h(f"install{self.n}", 16)
        self.acct = None
        self.email = None
        self.source = source
        self.platform = platform
        self.home = pick(HOME, HOME_W)
        self.mood = 0.0

    @property
    def currency(self):
        return "EUR" if self.home in EUR else "GBP" if self.home == "GB" else "USD"


def os_version(p, ts):
    if p.platform == "android":
        return (
            pick(["Android 15", "Android 16"], [0.5, 0.5])
            if ts < datetime(2026, 9, 1)
            else "Android 16"
        )
    if ts >= IOS_BUG[0]:
        return "iOS 26.1" if ts < IOS_BUG[1] or chance(0.1) else "iOS 26.1.1"
    return "iOS 26.0" if ts >= datetime(2026, 9, 15) else "iOS 18.6"


def ev(p, ts, name, **kw):
    if not within(ts):
        return False
    app.append(
        {
            "event": name,
            "timestamp": int(ts.replace(tzinfo=UTC).timestamp()),
            "anonymous_id": p.anon,
            "user_id": p.acct or "",
            "platform": p.platform,
            "os_version": os_version(p, ts),
            "utm_source": p.source,
            **kw,
        }
    )
    return True


def ticket(p, ts, tag, mood=0.0, ticket_type="incident"):
    if not within(ts):
        return
    via = pick(["chat", "email", "web"], [0.5, 0.3, 0.2])
    fr_h = {"chat": R.uniform(0.02, 0.4), "email": R.uniform(1, 14), "web": R.uniform(1, 18)}[via]
    if inw(ts, IOS_BUG) or inw(ts, (IOS_BUG[1], IOS_BUG[1] + timedelta(days=3))):
        fr_h *= 3.5  # the queue during the iOS week
    if inw(ts, JP_OUTAGE):
        fr_h *= 2.0
    res_h = (
        fr_h
        + {
            "esim_install_issue": R.uniform(1, 30),
            "no_signal": R.uniform(2, 48),
            "refund": R.uniform(12, 96),
            "billing_question": R.uniform(2, 40),
            "how_to": R.uniform(0.2, 8),
        }[tag]
    )
    solved = ts + timedelta(hours=res_h)
    sat = ""
    if chance(0.4):
        sat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        (
            nxt("ticket"),
            p.acct or "",
            p.email or f"guest{p.n}@mail.example",
            via,
            ts,
            ts + timedelta(hours=fr_h),
            solved if solved < END and chance(0.97) else None,
            tag,
            ticket_type,
            sat,
        )
    )


def review(p, ts, stars, text):
    if within(ts) and p.platform == "ios":
        reviews.append(
            (
                ts,
                f"{R.choice(['Traveler', 'Jet', 'Roamer', 'Globe', 'Sunny', 'Kiwi'])}{p.n % 9973}",
                stars,
                text,
                os_version(p, ts),
                p.home,
            )
        )


def ensure_account(p, ts):
    if p.acct is None:
        p.acct = f"ACC-{nxt('acct')}"
        p.email = f"user{p.n}@mail.example"
        accounts.append(
            (
                p.acct,
                p.anon,
                p.email,
                ts,
                p.home,
                pick(["apple", "google", "email"], [0.45, 0.3, 0.25]),
                p.source,
            )
        )
        ev(p, ts, "sign_up")


def price_of(sku, dest, ts):
    base = PLANS[sku][2]
    if ts >= PRICE_CUT and sku in CUT_5GB:
        base = CUT_5GB[sku]
    return round(base * REGION_MULT[REGION_OF.get(dest, "Africa")], 2)


def sale(p, ts, sku, dest, kind, iccid, price_usd):
    oid = f"RL{nxt('order')}"
    cur = p.currency
    local = round(price_usd * 100 / FX[cur]) if cur != "USD" else round(price_usd * 100)
    usd = round(local * FX[cur])
    aff = ""
    if p.source == "blogger" and kind == "plan":
        aff = p.aff
        affs.append((ts, aff, oid, usd, round(usd * 0.15)))
    orders.append(
        (
            oid,
            p.acct,
            ts,
            kind,
            sku,
            dest,
            REGION_OF.get(dest, "Africa"),
            iccid,
            cur,
            local,
            usd,
            aff,
            "ios_app" if p.platform == "ios" else "android_app",
            p.source,
            p.home,
        )
    )
    return oid, usd


def trip(p, t, dest, first):
    """One trip: browse, buy a plan, install the eSIM, activate on arrival, top up, support."""
    for _ in range(R.choice([1, 1, 2])):
        t += timedelta(minutes=R.uniform(0.5, 3))
        ev(p, t, "destination_view", destination=dest)
    t += timedelta(minutes=R.uniform(0.5, 3))
    ev(p, t, "plan_view", destination=dest)
    w = list(PLAN_W)
    if t >= PRICE_CUT:
        w[2] *= 1.9
        w[3] *= 2.0
    sku = pick(list(PLANS), w)
    p_buy = BUY_P[p.source] if first else 0.75
    if p.source == "instagram" and t >= datetime(2026, 6, 1):
        p_buy = 0.19  # the Instagram audience got worse after the creative change
    if sku in CUT_5GB and t >= PRICE_CUT:
        p_buy *= 1.2
    if not chance(0.75):
        return
    t += timedelta(minutes=R.uniform(1, 6))
    if first and not chance(0.8):
        return
    ensure_account(p, t)
    t += timedelta(minutes=R.uniform(0.5, 4))
    ev(p, t, "checkout_start", destination=dest, sku=sku)
    if not chance(min(0.95, p_buy / 0.6)):
        return
    t += timedelta(minutes=R.uniform(1, 5))
    if not within(t):
        return
    iccid = f"8988{nxt('iccid'):015d}"
    price = price_of(sku, dest, t)
    oid, usd = sale(p, t, sku, dest, "plan", iccid, price)
    # install the eSIM profile (usually right away, some the evening before the flight)
    if chance(0.025):  # trip cancelled before installing: refund request
        rt = t + timedelta(days=R.uniform(0.2, 6))
        ticket(p, rt, "refund", ticket_type="question")
        if within(rt + timedelta(days=1)) and chance(0.85):
            refunds.append(
                (
                    f"RF{oid[2:]}",
                    oid,
                    p.acct,
                    rt + timedelta(hours=R.uniform(2, 30)),
                    usd,
                    "trip_cancelled",
                )
            )
        return
    depart = t + timedelta(days=R.choice([0, 1, 2, 3, 5, 7, 10, 14, 21]) + R.uniform(0, 1))
    ti = (
        t + timedelta(minutes=R.uniform(1, 30))
        if chance(0.6)
        else depart - timedelta(hours=R.uniform(2, 20))
    )
    ti = max(ti, t + timedelta(minutes=1))
    ok = False
    for attempt in range(3):
        ev(p, ti, "esim_install_start", destination=dest, sku=sku)
        fail_p = 0.07
        if p.platform == "ios" and inw(ti, IOS_BUG):
            fail_p = 0.72
        if chance(fail_p):
            ev(
                p,
                ti + timedelta(seconds=R.uniform(20, 90)),
                "esim_install_failed",
                destination=dest,
                sku=sku,
            )
            if attempt == 0 and chance(0.45 if inw(ti, IOS_BUG) else 0.25):
                ticket(
                    p,
                    ti + timedelta(minutes=R.uniform(5, 120)),
                    "esim_install_issue",
                    mood=1.2 if inw(ti, IOS_BUG) else 0.3,
                )
                if inw(ti, IOS_BUG) and chance(0.35):
                    review(
                        p,
                        ti + timedelta(hours=R.uniform(1, 30)),
                        R.choice([1, 1, 1, 2]),
                        R.choice(
                            [
                                "eSIM won't install after iOS update",
                                "Profile install fails every time",
                                "Useless since iOS 26.1",
                                "Paid and can't install the eSIM",
                            ]
                        ),
                    )
            if inw(ti, IOS_BUG) and chance(0.3):
                break  # gives up and asks for the money back
            if inw(ti, IOS_BUG) and ti + timedelta(hours=6) < IOS_BUG[1]:
                ti = IOS_BUG[1] + timedelta(hours=R.uniform(1, 60))  # waits for the fix
            else:
                ti += timedelta(hours=R.uniform(0.2, 12))
            continue
        ev(
            p,
            ti + timedelta(seconds=R.uniform(20, 90)),
            "esim_installed",
            destination=dest,
            sku=sku,
        )
        ok = True
        break
    if not ok:
        if chance(0.7):
            ticket(
                p,
                ti + timedelta(hours=R.uniform(1, 24)),
                "refund",
                mood=1.0,
                ticket_type="complaint",
            )
            rt = ti + timedelta(days=R.uniform(0.5, 4))
            if within(rt):
                refunds.append((f"RF{oid[2:]}", oid, p.acct, rt, usd, "install_failed"))
        return
    # activation on arrival (carrier feed)
    arrive = max(depart + timedelta(hours=R.uniform(2, 14)), ti + timedelta(minutes=10))
    carriers, cw = CARRIERS.get(dest, ([f"{dest} Mobile Partner"], [1]))
    carrier = pick(carriers, cw)
    if dest == "JP" and carrier == "SoftBank" and inw(arrive, JP_OUTAGE):
        for k in range(R.choice([1, 2, 3, 4])):  # retries until the network is back
            ta = arrive + timedelta(hours=k * R.uniform(3, 9))
            if ta < JP_OUTAGE[1]:
                acts.append((iccid, ta, dest, carrier, "FAILED", "NETWORK_UNAVAILABLE"))
        ticket(
            p,
            arrive + timedelta(minutes=R.uniform(10, 180)),
            "no_signal",
            mood=1.4,
            ticket_type="complaint",
        )
        if chance(0.3):
            review(
                p,
                arrive + timedelta(hours=R.uniform(2, 24)),
                R.choice([1, 2]),
                R.choice(
                    [
                        "No signal in Tokyo for two days",
                        "Landed in Japan, no data",
                        "Useless in Japan",
                    ]
                ),
            )
        if chance(0.25):
            rt = arrive + timedelta(days=R.uniform(1, 5))
            if within(rt):
                refunds.append((f"RF{oid[2:]}", oid, p.acct, rt, usd, "no_service"))
            return
        arrive = JP_OUTAGE[1] + timedelta(hours=R.uniform(1, 20))
    elif chance(0.02):
        acts.append((iccid, arrive, dest, carrier, "FAILED", "ATTACH_REJECT"))
        if chance(0.5):
            ticket(p, arrive + timedelta(minutes=R.uniform(10, 180)), "no_signal", mood=0.5)
        arrive += timedelta(minutes=R.uniform(5, 90))
    acts.append((iccid, arrive, dest, carrier, "ACTIVATED", ""))
    days = PLANS[sku][1]
    if chance(0.05):
        ticket(
            p, arrive + timedelta(hours=R.uniform(1, 72)), R.choice(["how_to", "billing_question"])
        )
    if chance(0.03):
        ticket(p, arrive + timedelta(hours=R.uniform(1, 72)), "no_signal", mood=0.4)
    if "Unlimited" not in PLANS[sku][0] and chance(0.28 if PLANS[sku][0] != "20 GB" else 0.1):
        tt = arrive + timedelta(days=R.uniform(1, days * 0.9))
        if within(tt):
            tsku = pick(list(TOPUPS), [0.55, 0.45])
            ev(p, tt - timedelta(minutes=R.uniform(1, 4)), "topup_view", destination=dest, sku=tsku)
            sale(
                p,
                tt,
                tsku,
                dest,
                "topup",
                iccid,
                round(TOPUPS[tsku][2] * REGION_MULT[REGION_OF.get(dest, "Africa")], 2),
            )
    if chance(0.05):
        good = not (dest == "JP" and inw(arrive - timedelta(days=1), JP_OUTAGE))
        review(
            p,
            arrive + timedelta(days=R.uniform(1, 10)),
            max(1, min(5, round(R.gauss(4.5 if good else 2.5, 0.7)))),
            R.choice(
                [
                    "Worked instantly on arrival",
                    "Cheap and easy",
                    "Great for my trip",
                    "Saved me roaming fees",
                    "Bit slow in the countryside",
                    "Easy setup",
                ]
            ),
        )
    return arrive + timedelta(days=days)


def season(d):
    w = 1.0
    m = d.month
    if m in (6, 7, 8):
        w = {6: 1.7, 7: 2.1, 8: 1.9}[m]
    elif m in (5, 9):
        w = 1.3
    elif m == 12:
        w = 1.25
    if d.weekday() in (3, 4):
        w *= 1.15
    return w


def traveller(d, source=None):
    source = source or pick(SOURCES, SOURCE_W)
    platform = "ios" if chance(0.62) else "android"
    p = Person(source, platform)
    if source == "blogger":
        p.aff = pick(BLOGGERS, BLOGGER_W)
    t = at(d)
    extra = {"install_referrer": p.aff} if source == "blogger" else {}
    if not ev(p, t, "app_install", **extra):
        return
    dest = pick(DESTS, DEST_W)
    if (
        datetime(d.year, d.month, d.day) >= datetime(2026, 6, 1)
        and datetime(d.year, d.month, d.day) < datetime(2026, 9, 1)
        and chance(0.25)
    ):
        dest = pick(["IT", "ES", "GR", "FR", "PT", "TR", "JP"], [3, 3, 2, 2, 2, 2, 2])
    if datetime(2026, 4, 18) <= datetime(d.year, d.month, d.day) < datetime(2026, 5, 4) and chance(
        0.6
    ):
        dest = "JP"  # Golden Week travel to Japan
    if source == "skyazure":
        dest = pick(["JP", "SG", "TH", "KR", "AE", "GB", "FR"], [4, 2, 2, 2, 2, 1, 1])
    end = trip(p, t, dest, True)
    # later trips by the same traveller
    for _ in range(R.choice([0, 0, 0, 1, 1, 2])):
        if p.acct is None:
            break
        nt = (end or t) + timedelta(days=R.uniform(20, 150))
        nt = datetime(nt.year, nt.month, nt.day) + timedelta(
            hours=at(nt).hour, minutes=R.randrange(60)
        )
        if not within(nt):
            break
        ev(p, nt, "app_open")
        end = trip(p, nt, pick(DESTS, DEST_W), False)


def simulate():
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(17 * season(d))):
            traveller(d)
        if datetime(2026, 4, 18) <= dt < datetime(2026, 5, 4):  # Golden Week demand
            for _ in range(poisson(12)):
                traveller(d)
        if dt >= AIRLINE_START:
            for _ in range(poisson(7.5 * (1.2 if d.month == 12 else 1.0))):
                traveller(d, "skyazure")


def iso_offset(ts, home):
    off = {
        "US": -5,
        "CA": -5,
        "GB": 0,
        "DE": 1,
        "FR": 1,
        "NL": 1,
        "ES": 1,
        "IT": 1,
        "AU": 10,
        "SG": 8,
        "KR": 9,
        "CN": 8,
    }[home]
    local = ts + timedelta(hours=off)
    sign = "+" if off >= 0 else "-"
    return f"{local:%Y-%m-%dT%H:%M:%S}{sign}{abs(off):02d}:00"


def write(folder: Path):
    with open(folder / "app_events.jsonl", "w") as f:
        for r in sorted(app, key=lambda r: (r["timestamp"], r["anonymous_id"], r["event"])):
            f.write(json.dumps(r) + "\n")
    with open(folder / "accounts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "account_id",
                "install_id",
                "email",
                "created_at",
                "home_country",
                "signup_method",
                "signup_source",
            ]
        )
        for a in accounts:
            w.writerow([a[0], a[1], a[2], iso_offset(a[3], a[4]), a[4], a[5], a[6]])
    with open(folder / "store_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_id",
                "account_id",
                "created_at",
                "order_type",
                "sku",
                "destination_iso2",
                "destination_region",
                "iccid",
                "currency",
                "amount_cents",
                "amount_usd_cents",
                "affiliate_code",
                "store",
                "signup_source",
                "home_country",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], iso_offset(r[2], r[14]), *list(r[3:14]), r[14]])
    with open(folder / "store_refunds.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "refund_id",
                "order_id",
                "account_id",
                "refunded_at",
                "amount_usd_cents",
                "reason_code",
            ]
        )
        for r in sorted(refunds, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%dT%H:%M:%S}+00:00", r[4], r[5]])
    with open(folder / "carrier_activations.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["ICCID", "EVENT_TIME_UTC", "COUNTRY", "CARRIER", "STATUS", "ERROR_CODE"])
        for r in sorted(acts, key=lambda r: (r[1], r[0])):
            if within(r[1]):
                w.writerow([r[0], f"{r[1]:%d.%m.%Y %H:%M}", r[2], r[3], r[4], r[5]])
    with open(folder / "affiliate_report.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Conversion Date",
                "Partner Code",
                "Order Ref",
                "Sale Amount (USD)",
                "Commission (USD)",
                "Status",
            ]
        )
        for r in sorted(affs, key=lambda r: (r[0], r[2])):
            w.writerow(
                [
                    f"{r[0]:%m/%d/%Y %H:%M}",
                    r[1],
                    r[2],
                    f"{r[3] / 100:.2f}",
                    f"{r[4] / 100:.2f}",
                    "reversed" if any(x[1] == r[2] for x in refunds) else "approved",
                ]
            )
    with open(folder / "zendesk_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Id",
                "Requester external id",
                "Requester email",
                "Via",
                "Created at",
                "First reply at",
                "Solved at",
                "Tags",
                "Type",
                "Satisfaction score",
            ]
        )

        def z(ts):
            return f"{ts:%Y-%m-%dT%H:%M:%S}Z" if ts else ""

        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], r[3], z(r[4]), z(r[5]), z(r[6]), r[7], r[8], r[9]])
    with open(folder / "appstore_reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Nickname", "Rating", "Review", "OS Version", "Territory"])
        for r in sorted(reviews, key=lambda r: (r[0], r[1])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", r[1], r[2], r[3], r[4], r[5]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Line item", "Spend USD"])
        comm = {}
        for r in affs:
            comm[(r[0].year, r[0].month)] = comm.get((r[0].year, r[0].month), 0) + r[4]
        y, m = START.year, START.month
        while (y, m) < (END.year, END.month + 1):
            mon = datetime(y, m, 1)
            s = season(mon.date())
            w.writerow([f"{mon:%b %Y}", "Google Ads", f"{3800 * s * R.uniform(0.92, 1.08):.2f}"])
            meta = 2600 * s * R.uniform(0.92, 1.08) * (1.35 if mon >= datetime(2026, 6, 1) else 1.0)
            w.writerow([f"{mon:%b %Y}", "Meta Ads", f"{meta:.2f}"])
            w.writerow(
                [f"{mon:%b %Y}", "Affiliate commissions", f"{comm.get((y, m), 0) / 100:.2f}"]
            )
            if mon >= AIRLINE_START:
                w.writerow([f"{mon:%b %Y}", "SkyAzure partner fee", "6500.00"])
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="esim-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        if os.environ.get("ESIM_KEEP_SRC"):
            shutil.copytree(folder, os.environ["ESIM_KEEP_SRC"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
