"""Furniture evaluation domain: Oakline Home, a UK online furniture retailer with showrooms.

    python generate.py OUT.duckdb

Writes Oakline's own exports (seeded: the same files every run) to a temporary folder —

  gtm_events.csv          tag manager export (web + app): anonymousId, customerId after login,
                          eventName, utmSource, UTC ISO times with Z
  customers.csv           Shopify customer export (customerId, region, ageBand, customerType, acceptsMarketing Y/N)
  orders_export.csv       Shopify-style order export incl. Amazon / Homefind marketplace orders
  transactions.csv        payment gateway: captures and refunds
  finance_apps.csv        0% finance applications (V12 / Klarna) with decisions
  dispatch_jobs.jsonl     delivery system (DispatchPro): booked, delivered, assembly, returns
  showroom_visits.csv     showroom tablet check-ins (dd/mm/yyyy HH:MM, London time)
  reviews.csv             review platform export (stars 1-5)
  cases_export.csv        contact-centre cases
  nps_post_delivery.csv   NPS survey after delivery
  weekly_media_spend.csv  marketing spend per channel per week

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
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261208
START = datetime(2025, 12, 8)
END = datetime(2026, 12, 8)  # as_of (Tuesday); data ends the day before
N_DAYS = (END - START).days
BF_WEEK = (datetime(2026, 11, 23), datetime(2026, 11, 30))      # Black Friday week (Mon-Sun)
CYBER_MONDAY = (datetime(2026, 11, 30), datetime(2026, 12, 1))
SOFA_SLIP = datetime(2026, 6, 15)                                 # factory issue: sofa lead time 4 -> 9 weeks
TV_BURST = (datetime(2026, 9, 7), datetime(2026, 10, 5))          # TV sponsorship burst
GLASGOW_OPEN = datetime(2026, 6, 6)                               # Glasgow showroom opens (Saturday)

R = random.Random(SEED)

REGIONS = ["London", "South East", "North West", "Midlands", "Yorkshire", "Scotland", "Wales"]
REGION_W = [0.24, 0.2, 0.15, 0.15, 0.1, 0.09, 0.07]
SHOWROOM_OF = {"London": "London", "South East": "London", "North West": "Manchester",
               "Midlands": "Birmingham", "Yorkshire": "Leeds", "Wales": "Bristol", "Scotland": "Glasgow"}
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
AGE_W = [0.06, 0.27, 0.27, 0.19, 0.13, 0.08]
CATS = ["Sofas", "Beds", "Dining", "Storage", "Outdoor"]
CAT_W = [0.32, 0.26, 0.16, 0.17, 0.09]
PRICE = {"Sofas": (550, 2900), "Beds": (300, 1800), "Dining": (250, 1600), "Storage": (90, 700),
         "Outdoor": (150, 1400)}
# utm sources as the tag manager writes them
SOURCES = ["google_shopping", "facebook", "tv", "awin", "klaviyo", "organic", "(direct)", "app"]
SOURCE_W = [0.27, 0.17, 0.0, 0.1, 0.0, 0.2, 0.16, 0.1]


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


HOURS = [0.3, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2, 2.5, 3, 3, 3.2, 3, 2.8, 2.8, 3, 3.2, 3.8, 4.8, 5.5, 5.2, 3.5, 1.2]
SHOP_HOURS = [0] * 10 + [3, 4, 5, 5, 5, 5, 4, 3, 2, 1] + [0] * 4


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def price_band(v):
    if v < 500:
        return "under £500"
    if v < 1000:
        return "£500–£999"
    if v < 2000:
        return "£1000–£1999"
    return "£2000+"


gtm, customers, orders, txns, fin, jobs, visits, reviews, cases, nps = ([] for _ in range(10))
seq = {"cust": 10000, "order": 500000, "case": 0, "job": 0, "fin": 0, "amz": 0, "anon": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.anon = None
        self.cid = None
        self.buyer = None
        self.region = pick(REGIONS, REGION_W)
        self.age = pick(AGE_BANDS, AGE_W)
        self.ctype = "first-time"
        self.optin = "Y" if chance(0.55) else "N"
        self.created = None


people = []


def identify(p, ts):
    if p.cid is None:
        p.cid = f"C{nxt('cust')}"
        p.created = ts
        customers.append(p)


def web(p, ts, name, source, platform, cat=""):
    if not within(ts):
        return False
    if p.anon is None:
        p.anon = "a." + h(f"anon{nxt('anon')}")[:18]
    gtm.append((ts, p.anon, p.cid or "", name, source, platform, cat))
    return True


def lead_days(cat, ordered, dtype):
    if dtype == "Click & Collect":
        return R.uniform(6, 14)
    if cat == "Sofas":
        return R.gauss(63, 5) if ordered >= SOFA_SLIP else R.gauss(28, 3)
    return {"Beds": R.gauss(17, 3), "Dining": R.gauss(21, 4), "Storage": R.gauss(9, 2),
            "Outdoor": R.gauss(7, 2)}[cat]


def case(p, ts, reason, order_id, mood=0.0):
    if not within(ts):
        return
    ch = pick(["Phone", "Email", "Live chat"], [0.45, 0.35, 0.2])
    fr = {"Phone": R.uniform(0.02, 0.5), "Email": R.uniform(2, 20), "Live chat": R.uniform(0.02, 0.3)}[ch]
    if reason == "Delivery delay" and ts >= SOFA_SLIP + timedelta(days=30):
        fr *= 2.2  # queue pressure
    res = fr + {"Delivery delay": R.uniform(12, 120), "Damaged item": R.uniform(24, 200),
                "Wrong item": R.uniform(24, 150), "Finance query": R.uniform(2, 40),
                "Assembly": R.uniform(6, 80)}[reason]
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.45):
        csat = max(1, min(5, round(R.gauss(4.1 - mood, 0.9))))
    cases.append((f"CS-{nxt('case'):06d}", p.cid or "", p.buyer or "", ts, ts + timedelta(hours=fr),
                  solved if solved < END and chance(0.97) else None, reason, ch,
                  "TRUE" if reason in ("Damaged item", "Wrong item") or (mood > 0 and chance(0.5)) else "FALSE", csat))


def place_order(p, ts, cat, sales_ch, source=None, finance_ok=True, showroom=""):
    """An order and everything after it: payment, delivery, assembly, returns, reviews, NPS, cases."""
    if not within(ts):
        return None
    lo, hi = PRICE[cat]
    value = round(math.exp(R.uniform(math.log(lo), math.log(hi))), 0) - 0.01
    if inw(ts, BF_WEEK) or inw(ts, CYBER_MONDAY):
        value = round(value * 0.8, 2)
    oid = f"#OK{nxt('order')}"
    if sales_ch == "Showroom":
        dtype = "2-Person" if cat in ("Sofas", "Beds", "Dining") else pick(["Kerbside", "Click & Collect"], [0.6, 0.4])
    elif cat in ("Sofas", "Beds") or value > 900:
        dtype = "2-Person"
    else:
        dtype = pick(["Kerbside", "Click & Collect", "2-Person"], [0.55, 0.25, 0.2])
    fee = {"2-Person": 49.0 if value < 1000 else 0.0, "Kerbside": 9.95, "Click & Collect": 0.0}[dtype]
    provider = ""
    if finance_ok and value >= 500 and sales_ch in ("Online Store", "Oakline App", "Showroom") and chance(0.3):
        provider = pick(["V12 Retail Finance", "Klarna"], [0.6, 0.4])
        fa = ts - timedelta(minutes=R.uniform(2, 5))
        ref = f"FA{nxt('fin'):06d}"
        fin.append((ref, p.cid, oid, provider, "SUBMITTED", fa))
        approve = 0.82 if provider == "V12 Retail Finance" else 0.9
        if not chance(approve):
            fin.append((ref, p.cid, oid, provider, "DECLINED", fa + timedelta(minutes=R.uniform(1, 30))))
            if chance(0.5):
                case(p, fa + timedelta(hours=R.uniform(1, 30)), "Finance query", oid)
            return None
        dec = fa + (timedelta(minutes=R.uniform(1, 5)) if chance(0.8) else timedelta(hours=R.uniform(3, 40)))
        fin.append((ref, p.cid, oid, provider, "APPROVED", dec))
        ts = max(ts, dec + timedelta(minutes=R.uniform(1, 10)))
        if not within(ts):
            return None
    assembly = dtype == "2-Person" and cat in ("Beds", "Dining", "Storage") and chance(0.3)
    afee = 59.0 if assembly else 0.0
    cust_col = p.cid or ""
    orders.append((oid, cust_col, p.buyer or "", ts, sales_ch, cat, price_band(value), dtype, provider,
                   "1" if provider else "0", f"{value:.2f}", f"{fee:.2f}", f"{afee:.2f}", source or "", showroom))
    gateway = {"Amazon": "Amazon Pay", "Homefind": "Homefind Payments"}.get(sales_ch, "Shopify Payments")
    if provider:
        gateway = provider
    txns.append((oid, cust_col, p.buyer or "", "capture", ts + timedelta(seconds=R.uniform(5, 600)),
                 f"{value + fee + afee:.2f}", gateway))
    # delivery
    booked = ts + timedelta(days=R.uniform(0.3, 4))
    jobs.append(("BOOKED", oid, p, booked, dtype, cat, "", ""))
    ld = max(2.0, lead_days(cat, ts, dtype))
    delivered = ts + timedelta(days=ld)
    delivered = datetime(delivered.year, delivered.month, delivered.day, R.choice([8, 9, 10, 11, 13, 14, 15, 16]), R.randrange(60))
    late = cat == "Sofas" and ts >= SOFA_SLIP and dtype != "Click & Collect"
    if late and chance(0.4):
        case(p, ts + timedelta(days=R.uniform(25, 55)), "Delivery delay", oid, mood=1.6)
    elif chance(0.035):
        case(p, delivered - timedelta(days=R.uniform(0, 3)), "Delivery delay", oid, mood=0.6)
    if assembly:
        jobs.append(("ASSEMBLY", oid, p, booked + timedelta(hours=R.uniform(0.1, 48)), dtype, cat, f"{afee:.2f}", ""))
    if delivered >= END:
        return oid
    jobs.append(("DELIVERED", oid, p, delivered, dtype, cat, "", ""))
    if chance(0.03):
        case(p, delivered + timedelta(hours=R.uniform(2, 48)), "Damaged item", oid, mood=0.8)
    if chance(0.012):
        case(p, delivered + timedelta(hours=R.uniform(2, 48)), "Wrong item", oid, mood=0.8)
    if assembly and chance(0.1):
        case(p, delivered + timedelta(hours=R.uniform(2, 72)), "Assembly", oid, mood=0.3)
    if provider and chance(0.06):
        case(p, ts + timedelta(days=R.uniform(1, 20)), "Finance query", oid)
    ret_p = {"Amazon": 0.12, "Homefind": 0.1}.get(sales_ch, 0.05)
    if chance(ret_p):
        rq = delivered + timedelta(days=R.uniform(1, 13))
        if rq < END:
            jobs.append(("RETURN_REQ", oid, p, rq, dtype, cat, "", ""))
            rc = rq + timedelta(days=R.uniform(3, 11))
            if rc < END:
                jobs.append(("RETURN_COLL", oid, p, rc, dtype, cat, "", ""))
                tx = rc + timedelta(days=R.uniform(1, 4))
                if tx < END:
                    txns.append((oid, cust_col, p.buyer or "", "refund", tx, f"{value:.2f}", gateway))
    if p.cid and chance(0.35):
        mean = 8.4 if not late else 4.6
        if cat == "Sofas" and not late:
            mean = 8.6
        score = max(0, min(10, round(R.gauss(mean, 1.6))))
        t = delivered + timedelta(days=R.uniform(1, 6))
        if t < END:
            comment = ""
            if chance(0.4):
                comment = (R.choice(["Took far too long", "Waited 9 weeks for my sofa", "Delivery kept moving"]) if late
                           else R.choice(["Lovely sofa, great drivers", "Easy delivery", "Good quality", "Bit pricey",
                                          "Drivers very helpful", "Colour as expected", "Slightly damaged leg"]))
            nps.append((p.cid, oid, t, score, comment, cat))
    if p.cid and chance(0.14):
        t = delivered + timedelta(days=R.uniform(2, 20))
        if t < END:
            stars = max(1, min(5, round(R.gauss(4.4 if not late else 2.8, 0.8))))
            reviews.append((p.cid, oid, t, stars, cat))
    return oid


def visit(p, ts, room=None):
    room = room or SHOWROOM_OF[p.region]
    if room == "Glasgow" and ts < GLASGOW_OPEN:
        return False
    if not within(ts):
        return False
    visits.append((p, ts, room, pick(["Appointment", "Walk-in"], [0.35, 0.65])))
    return True


def traffic_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0 + 0.15 * math.cos((d.timetuple().tm_yday - 20) / 365 * 2 * math.pi)  # winter sale high
    if d.weekday() == 6:
        w *= 1.25
    if dt < datetime(2026, 1, 12) and dt >= datetime(2025, 12, 26):
        w *= 1.5  # boxing day sale
    if inw(dt, BF_WEEK) or inw(dt, CYBER_MONDAY):
        w *= 3.2
    return w


def shopper(d, source=None):
    p = Person()
    people.append(p)
    day0 = datetime(d.year, d.month, d.day)
    source = source or pick(SOURCES, SOURCE_W)
    platform = "app" if source == "app" else pick(["web", "web-mobile"], [0.45, 0.55])
    cat = pick(CATS, CAT_W)
    if datetime(d.year, d.month, d.day).month in (4, 5, 6, 7) and chance(0.3):
        cat = "Outdoor"
    t = at(d)
    if p.region == "Scotland" and day0 >= GLASGOW_OPEN and chance(0.2):
        # the new Glasgow showroom: Scottish shoppers go and sit on the sofas
        identify(p, t)
        tv = at(d + timedelta(days=R.randrange(1, 8)), SHOP_HOURS)
        if visit(p, tv, "Glasgow") and chance(0.45):
            place_order(p, tv + timedelta(minutes=R.uniform(20, 80)), pick(CATS, [0.45, 0.3, 0.15, 0.05, 0.05]),
                        "Showroom", showroom="Glasgow")
        return p
    bf = inw(day0, BF_WEEK) or inw(day0, CYBER_MONDAY)
    p_order = {"google_shopping": 0.11, "facebook": 0.07, "tv": 0.012, "awin": 0.12,
               "organic": 0.1, "(direct)": 0.12, "app": 0.16}[source]
    if bf:
        p_order = min(0.6, p_order * 2.0)
    for s in range(R.choice([1, 1, 1, 2, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.5, 10))
            if chance(0.5) and source not in ("app",):
                source = pick(["(direct)", "organic", "google_shopping", "klaviyo" if p.cid else "(direct)"], [3, 2, 2, 2])
        if not web(p, t, "page_view", source, platform):
            return p
        k = R.choice([1, 1, 2, 3])
        for i in range(k):
            web(p, t + timedelta(minutes=1 + 2 * i + R.uniform(0, 1.5)), "product_view", source, platform, cat)
        t = t + timedelta(minutes=2 * k + 3)
        if source == "tv":
            if chance(0.05):
                identify(p, t)
                web(p, t + timedelta(minutes=1), "newsletter_signup", source, platform)
            if not chance(p_order * 3):
                continue
        if chance(0.05) and p.cid is None:
            identify(p, t)
            web(p, t + timedelta(minutes=1), "newsletter_signup", source, platform)
        if cat in ("Sofas", "Beds") and chance(0.16) and not getattr(p, "swatched", False):
            identify(p, t)
            p.swatched = True
            web(p, t + timedelta(minutes=R.uniform(1, 4)), "fabric_swatch_ordered", source, platform, cat)
            # swatch orderers: they come back and buy far more often
            if chance(0.72):
                t2 = t + timedelta(days=R.uniform(4, 35))
                if chance(0.18):
                    visit(p, t2 - timedelta(days=R.uniform(1, 4), hours=-12))
                src2 = pick(["(direct)", "klaviyo", "organic"], [4, 3, 2])
                if checkout(p, t2, src2, platform, cat, p_finish=0.88):
                    return p
            continue
        if not chance(0.32):
            continue
        web(p, t + timedelta(minutes=R.uniform(0.5, 3)), "add_to_basket", source, platform, cat)
        if chance(min(0.95, p_order / 0.32 * 1.4)):
            if checkout(p, t + timedelta(minutes=R.uniform(3, 20)) if chance(0.7) else t + timedelta(days=R.uniform(0.5, 9)),
                        source, platform, cat, basket=False, p_finish=0.72):
                return p
        elif chance(0.25):
            identify(p, t)
            web(p, t + timedelta(minutes=R.uniform(4, 9)), "checkout_started", source, platform, cat)
    return p


def checkout(p, t, source, platform, cat, basket=True, p_finish=0.8):
    if basket:
        if not web(p, t, "page_view", source, platform):
            return False
        web(p, t + timedelta(minutes=1), "product_view", source, platform, cat)
        web(p, t + timedelta(minutes=R.uniform(2, 5)), "add_to_basket", source, platform, cat)
        t = t + timedelta(minutes=5)
    identify(p, t)
    if not web(p, t + timedelta(minutes=R.uniform(1, 4)), "checkout_started", source, platform, cat):
        return False
    if not chance(p_finish):
        return False
    ch = "Oakline App" if platform == "app" else "Online Store"
    return place_order(p, t + timedelta(minutes=R.uniform(6, 25)), cat, ch, source) is not None


def existing_customer(kind):
    p = Person()
    people.append(p)
    p.ctype = kind
    p.cid = f"C{nxt('cust')}"
    p.created = START - timedelta(days=R.uniform(30, 1400))
    customers.append(p)
    n = poisson(4.5 if kind == "trade account" else 0.9)
    for _ in range(n):
        d = START.date() + timedelta(days=R.randrange(N_DAYS))
        if chance(0.09):
            d = date(2026, 11, 23) + timedelta(days=R.randrange(8))
        cat = pick(CATS, [0.2, 0.2, 0.25, 0.25, 0.1] if kind == "trade account" else CAT_W)
        if kind != "trade account" and chance(0.35):
            if visit(p, at(d, SHOP_HOURS)) and chance(0.5):
                place_order(p, datetime(d.year, d.month, d.day, 15, R.randrange(60)),
                            cat, "Showroom", showroom=SHOWROOM_OF[p.region])
            continue
        if kind == "trade account" and chance(0.3):
            visit(p, at(d, SHOP_HOURS))
        src = pick(["klaviyo", "(direct)", "google_shopping", "app"], [3, 3, 2, 2])
        checkout(p, at(d), src, "app" if src == "app" else "web", cat, p_finish=0.85)
    return p


def showroom_walkin(d):
    p = Person()
    people.append(p)
    room = pick(["London", "Manchester", "Birmingham", "Leeds", "Bristol", "Glasgow"], [0.34, 0.18, 0.17, 0.12, 0.1, 0.2])
    p.region = {"London": pick(["London", "South East"], [0.7, 0.3]), "Manchester": "North West", "Birmingham": "Midlands",
                "Leeds": "Yorkshire", "Bristol": pick(["Wales", "South East"], [0.6, 0.4]), "Glasgow": "Scotland"}[room]
    t = at(d, SHOP_HOURS)
    if room == "Glasgow" and t < GLASGOW_OPEN:
        return p
    identify(p, t)
    visit(p, t, room)
    if chance(0.3):
        place_order(p, t + timedelta(minutes=R.uniform(20, 70)), pick(CATS, [0.45, 0.3, 0.15, 0.05, 0.05]), "Showroom",
                    showroom=room)
    elif chance(0.25):
        checkout(p, t + timedelta(days=R.uniform(1, 20)), "(direct)", "web", pick(CATS, CAT_W), p_finish=0.8)
    return p


def marketplace(d):
    p = Person()
    people.append(p)
    site = pick(["Amazon", "Homefind"], [0.65, 0.35])
    p.buyer = ("AMZ-" if site == "Amazon" else "HF-") + h(f"buyer{len(people)}")[:10].upper()
    cat = pick(CATS, [0.15, 0.2, 0.15, 0.4, 0.1])
    place_order(p, at(d), cat, site, finance_ok=False)
    return p


def simulate():
    for _ in range(520):
        existing_customer("repeat")
    for _ in range(190):
        existing_customer("trade account")
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = traffic_weight(d)
        for _ in range(poisson(16 * w)):
            shopper(d)
        if inw(dt, TV_BURST):
            for _ in range(poisson(30 if d.weekday() < 5 else 45)):
                shopper(d, "tv")
        lam_show = 1.3 * (1.6 if d.weekday() >= 5 else 1.0) * (3.0 if inw(dt, BF_WEEK) else 1.0)
        for _ in range(poisson(lam_show)):
            showroom_walkin(d)
        for _ in range(poisson(2.0 * (5.0 if inw(dt, BF_WEEK) or inw(dt, CYBER_MONDAY) else 1.0))):
            marketplace(d)
    # email campaigns to opted-in known customers
    for p in list(customers):
        if p.optin == "Y" and p.created and chance(0.45):
            for _ in range(R.choice([1, 1, 2])):
                d = START.date() + timedelta(days=R.randrange(N_DAYS))
                t = at(d)
                if t > p.created and p.anon is not None:
                    web(p, t, "page_view", "klaviyo", "web-mobile")
                    web(p, t + timedelta(minutes=1), "product_view", "klaviyo", "web-mobile", pick(CATS, CAT_W))


def write(folder: Path):
    def utc(ts):  # naive London local -> UTC string with Z (BST Mar 29 - Oct 25 2026)
        bst = datetime(2026, 3, 29, 1) <= ts < datetime(2026, 10, 25, 1)
        return f"{ts - timedelta(hours=1 if bst else 0):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "gtm_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["eventTimestamp", "anonymousId", "customerId", "eventName", "utmSource", "platform", "productCategory"])
        for r in sorted(gtm, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([utc(r[0])] + list(r[1:]))
    with open(folder / "customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customerId", "createdAt", "region", "ageBand", "customerType", "acceptsMarketing"])
        for p in sorted(customers, key=lambda p: p.cid):
            w.writerow([p.cid, f"{p.created:%Y-%m-%d %H:%M:%S}", p.region, p.age, p.ctype, p.optin])
    with open(folder / "orders_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["orderId", "customerId", "marketplaceBuyerId", "createdAt", "salesChannel", "category", "priceBand",
                    "deliveryType", "financeProvider", "financeFlag", "lineTotal", "deliveryFee", "assemblyFee",
                    "utmSource", "showroom"])
        for r in sorted(orders, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], utc(r[3])] + list(r[4:]))
    with open(folder / "transactions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["orderId", "customerId", "marketplaceBuyerId", "kind", "processedAt", "amount", "gateway"])
        for r in sorted(txns, key=lambda r: (r[4], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], utc(r[4]), r[5], r[6]])
    with open(folder / "finance_apps.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["applicationRef", "customerId", "orderId", "financeProvider", "status", "statusAt"])
        for r in sorted(fin, key=lambda r: (r[5], r[0])):
            if within(r[5]):
                w.writerow(list(r[:5]) + [f"{r[5]:%Y-%m-%d %H:%M:%S}"])
    with open(folder / "dispatch_jobs.jsonl", "w") as f:
        for i, (kind, oid, p, ts, dtype, cat, afee, _) in enumerate(sorted(jobs, key=lambda r: (r[3], r[1], r[0]))):
            if not within(ts):
                continue
            obj = {"jobRef": f"DP{i + 1:07d}", "jobType": kind, "orderId": oid, "customerNo": p.cid or "", "marketplaceRef": p.buyer or "",
                   "eventTime": ts.strftime("%Y-%m-%d %H:%M:%S"),
                   "deliveryType": {"2-Person": "2MAN", "Kerbside": "KERB", "Click & Collect": "CC"}[dtype],
                   "deliverySlot": R.choice(["AM", "PM", "All day"]) if kind in ("BOOKED", "DELIVERED") else "",
                   "category": cat, "assemblyFee": afee}
            f.write(json.dumps(obj) + "\n")
    with open(folder / "showroom_visits.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["visitDateTime", "showroom", "customerId", "visitType"])
        for p, ts, room, vt in sorted(visits, key=lambda r: (r[1], r[0].cid)):
            w.writerow([f"{ts:%d/%m/%Y %H:%M}", room, p.cid, vt])
    with open(folder / "reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customerId", "orderId", "submittedAt", "stars", "category"])
        for r in sorted(reviews, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], utc(r[2]), r[3], r[4]])

    def fmt(ts):
        return f"{ts:%d/%m/%Y %H:%M}" if ts else ""

    with open(folder / "cases_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["caseNumber", "customerId", "marketplaceBuyerId", "openedAt", "firstReplyAt", "solvedAt", "reason",
                    "contactChannel", "complaintFlag", "csatScore"])
        for r in sorted(cases, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), r[6], r[7], r[8], r[9]])
    with open(folder / "nps_post_delivery.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customerId", "orderId", "respondedAt", "npsScore", "comment", "category"])
        for r in sorted(nps, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4], r[5]])
    with open(folder / "weekly_media_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["weekCommencing", "channelName", "spendGBP"])
        base = {"Google Shopping": 9000, "Meta": 6000, "Affiliates": 2500, "Email": 600}
        wk = START.date()
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            for ch, amt in base.items():
                f_ = R.uniform(0.88, 1.12)
                if inw(dt, BF_WEEK) or inw(dt, CYBER_MONDAY):
                    f_ *= 2.2
                w.writerow([f"{wk:%d/%m/%Y}", ch, f"{amt * f_:.2f}"])
            if inw(dt, TV_BURST):
                w.writerow([f"{wk:%d/%m/%Y}", "TV Sponsorship", f"{R.uniform(52000, 62000):.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="furniture-src-") as tmp:
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
