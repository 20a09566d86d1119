"""Printshop evaluation domain: Druckwerk, an online print shop in Germany, Austria and Switzerland.

    python generate.py OUT.duckdb

Writes Druckwerk's own exports (seeded: the same files every run) to a temporary folder —

  shop_ereignisse.csv     shop system click log (';', 'DD.MM.YYYY HH:MM' Berlin time): Besucher-ID
                          (cookie), Kundennummer only after login, Ereignis, Quelle, Produkt
  kunden.csv              shop accounts (Kundennummer, Registriert, Land, Kundentyp, Betreuer)
  bestellungen.csv        shop orders (';'): Betrag in the order currency with a comma decimal
                          ('12,50', EUR or CHF), Betrag_EUR (accounting column, EUR with a dot),
                          Zahlungsart, Dateicheck, Versandart, Werk, Auflage, Papier, Veredelung
  gutschriften.csv        shop credit notes (refunds after complaints)
  preflight.jsonl         preflight service: one line per uploaded file, UTC with Z, engine version
  mes_jobs.jsonl          production MES: plant, machine, status, ISO times with offset
  tracking.csv            carrier tracking feed (DHL / DPD / Swiss Post / express), UTC ISO
  reklamationen.csv       Zendesk-style complaints export, UTC ISO
  marketing_spend.csv     weekly spend sheet per channel, EUR (whole euros)

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import csv
import json
import math
import os
import random
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261204
START = datetime(2025, 12, 4)
END = datetime(2026, 12, 4)  # as_of (Friday); data ends the day before
N_DAYS = (END - START).days
BERLIN = ZoneInfo("Europe/Berlin")
VIENNA = ZoneInfo("Europe/Vienna")

PREFLIGHT_V2 = datetime(2026, 3, 10)  # new preflight engine (Tuesday)
PAPER_PRICE = datetime(2026, 5, 4)  # paper price increase, passed on to flyers (+18 %)
LINZ_DOWN = (
    datetime(2026, 7, 6),
    datetime(2026, 7, 27),
)  # Linz press breakdown (Heidelberg XL 106)
TWINT_LAUNCH = datetime(2026, 8, 3)  # TWINT for Swiss customers
B2B_PUSH = (datetime(2026, 9, 1), datetime(2026, 10, 1))  # B2B sales push
XMAS_PEAK = datetime(2026, 10, 26)  # photo-book and calendar peak

R = random.Random(SEED)

COUNTRIES = ["DE", "AT", "CH"]
COUNTRY_W = [0.68, 0.17, 0.15]
PRODUCTS = ["Visitenkarten", "Flyer", "Poster", "Aufkleber", "Fotobuch", "Kalender", "Verpackung"]
PRODUCT_W = [0.24, 0.26, 0.12, 0.14, 0.1, 0.04, 0.1]
PRICE = {  # EUR, typical order range
    "Visitenkarten": (19, 89),
    "Flyer": (70, 220),
    "Poster": (15, 160),
    "Aufkleber": (25, 240),
    "Fotobuch": (29, 120),
    "Kalender": (19, 65),
    "Verpackung": (180, 1900),
}
PAPERS = {
    "Visitenkarten": ["350g Bilderdruck matt", "400g Naturpapier", "300g Recycling"],
    "Flyer": ["135g Bilderdruck glänzend", "170g Bilderdruck matt", "90g Recycling"],
    "Poster": ["170g Bilderdruck matt", "200g Fotopapier"],
    "Aufkleber": ["Folie weiß", "Folie transparent"],
    "Fotobuch": ["200g Fotopapier", "170g Bilderdruck matt"],
    "Kalender": ["200g Fotopapier", "250g Bilderdruck matt"],
    "Verpackung": ["Karton 400g", "Wellpappe E-Welle"],
}
FINISHES = ["ohne", "Cellophanierung matt", "UV-Lack partiell", "Heißfolie gold"]
FINISH_W = [0.6, 0.25, 0.1, 0.05]
QUANTITIES = {
    "Visitenkarten": [100, 250, 500, 1000],
    "Flyer": [250, 500, 1000, 2500, 5000],
    "Poster": [1, 5, 10, 25, 50],
    "Aufkleber": [100, 250, 500, 1000],
    "Fotobuch": [1, 1, 1, 2, 5],
    "Kalender": [1, 1, 3, 10, 25],
    "Verpackung": [100, 250, 500, 1000],
}
# traffic sources as the shop's UTM parser writes them
SOURCES = [
    "google_ads",
    "google_shopping",
    "preisvergleich",
    "instagram",
    "newsletter",
    "affiliate",
    "direkt",
    "seo",
]
SOURCE_W = [0.22, 0.14, 0.12, 0.1, 0.0, 0.08, 0.18, 0.16]
P_ORDER = {
    "google_ads": 0.17,
    "google_shopping": 0.2,
    "preisvergleich": 0.14,
    "instagram": 0.07,
    "newsletter": 0.26,
    "affiliate": 0.15,
    "direkt": 0.24,
    "seo": 0.16,
    "aussendienst": 0.7,
}
HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.4,
    2.6,
    3.2,
    3.3,
    3.2,
    2.8,
    3,
    3.2,
    3.1,
    2.9,
    2.6,
    2.4,
    2.6,
    2.9,
    2.6,
    1.6,
    0.6,
]


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


shop, customers, orders, credits, preflight, mes, tracking, tickets = ([] for _ in range(8))
seq = {"kd": 100000, "order": 2600000, "cookie": 0, "ticket": 40000, "file": 0, "mes": 0, "gs": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, country=None, ctype=None):
        self.cookie = None
        self.kdnr = None
        self.country = country or pick(COUNTRIES, COUNTRY_W)
        self.ctype = ctype or ("Gewerbe" if chance(0.38) else "Privat")
        self.rep = ""
        self.created = None
        self.optin = "ja" if chance(0.5) else "nein"


def login(p, ts):
    if p.kdnr is None:
        p.kdnr = f"KD{nxt('kd')}"
        p.created = ts
        customers.append(p)


def ev(p, ts, name, source, product="", cookie=True):
    if not within(ts):
        return False
    if cookie and p.cookie is None:
        p.cookie = f"bw_{nxt('cookie') * 7919 % 10**8:08d}{R.randrange(100):02d}"
    shop.append((ts, p.cookie or "", p.kdnr or "", name, source, product))
    return True


def price_of(product, ts, country):
    lo, hi = PRICE[product]
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if product == "Flyer" and ts >= PAPER_PRICE:
        v *= 1.18
    if product in ("Visitenkarten", "Poster") and ts >= PAPER_PRICE:
        v *= 1.03
    return round(v, 2)


def plant_of(country, ts):
    plant = "Leipzig" if country == "DE" else "Linz"
    if country == "DE" and chance(0.08):
        plant = "Linz"
    if plant == "Linz" and inw(ts, LINZ_DOWN) and chance(0.35):
        plant = "Leipzig"  # some jobs moved to Leipzig during the breakdown
    return plant


def complaint(p, oid, ts, reason, order_eur, country):
    if not within(ts):
        return
    via = pick(["email", "web_widget", "voice"], [0.55, 0.3, 0.15])
    fr = {
        "email": R.uniform(1.5, 16),
        "web_widget": R.uniform(0.3, 6),
        "voice": R.uniform(0.02, 0.3),
    }[via]
    if inw(ts, (LINZ_DOWN[0], LINZ_DOWN[1] + timedelta(days=14))):
        fr *= 2.0  # queue pressure during the breakdown
    outcome = {
        "farbabweichung": pick(["nachdruck", "gutschrift", "abgelehnt"], [0.55, 0.25, 0.2]),
        "schnittfehler": pick(["nachdruck", "gutschrift", "abgelehnt"], [0.7, 0.2, 0.1]),
        "lieferverzug": pick(["gutschrift", "abgelehnt"], [0.45, 0.55]),
        "transportschaden": pick(["nachdruck", "gutschrift"], [0.6, 0.4]),
        "datei_fehler": pick(["nachdruck", "abgelehnt"], [0.2, 0.8]),
    }[reason]
    solved = ts + timedelta(hours=fr + R.uniform(6, 90))
    csat = ""
    if chance(0.4):
        base = {"nachdruck": 4.2, "gutschrift": 3.8, "abgelehnt": 2.2}[outcome]
        if reason == "lieferverzug":
            base -= 0.6
        csat = max(1, min(5, round(R.gauss(base, 0.9))))
    tid = nxt("ticket")
    tickets.append(
        (
            tid,
            p.kdnr,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.97) else None,
            reason,
            via,
            outcome,
            csat,
            oid,
            country,
        )
    )
    if outcome == "nachdruck":
        t = (solved if solved < END else ts) + timedelta(hours=R.uniform(1, 24))
        mes.append((oid, "REPRINT", plant_of(country, t), t, p))
    elif outcome == "gutschrift":
        t = solved + timedelta(hours=R.uniform(1, 72))
        share = 1.0 if reason in ("farbabweichung", "schnittfehler") else R.choice([0.2, 0.3, 0.5])
        if within(t):
            credits.append(
                (f"GS{nxt('gs'):06d}", oid, p.kdnr, t, round(order_eur * share, 2), reason)
            )


def place_order(p, ts, product, source, file_check=None):
    """Upload, preflight, file check and proof, payment, production, shipping, complaints."""
    if not within(ts):
        return None
    login(p, ts)
    # upload + preflight
    up = ts
    ev(p, up, "datei_hochgeladen", source, product, cookie=source != "aussendienst")
    v2 = up >= PREFLIGHT_V2
    p_fail = 0.06 if v2 else 0.19
    p_warn = 0.14 if v2 else 0.2
    if p.ctype == "Gewerbe":
        p_fail *= 0.6
    for _attempt in range(3):
        fid = nxt("file")
        t_pf = up + timedelta(seconds=R.uniform(20, 240 if not v2 else 60))
        r = R.random()
        res = "FAILED" if r < p_fail else ("WARNINGS" if r < p_fail + p_warn else "PASSED")
        preflight.append((fid, p.kdnr, t_pf, res, "pf-2.0" if v2 else "pf-1.4", product))
        if res != "FAILED":
            break
        if not chance(0.62):
            return None  # gave up after a failed upload
        up = t_pf + timedelta(minutes=R.uniform(8, 240))
        ev(p, up, "datei_hochgeladen", source, product, cookie=source != "aussendienst")
    else:
        return None
    if not within(up):
        return None
    fc = file_check if file_check is not None else chance(0.32 if res == "WARNINGS" else 0.12)
    if p.ctype == "Gewerbe" and chance(0.15):
        fc = True
    t = up + timedelta(minutes=R.uniform(2, 15))
    ev(p, t, "warenkorb", source, product, cookie=source != "aussendienst")
    ev(
        p,
        t + timedelta(minutes=R.uniform(1, 4)),
        "kasse",
        source,
        product,
        cookie=source != "aussendienst",
    )
    # payment method
    if p.country == "CH":
        methods, w = ["Kreditkarte", "PayPal", "Rechnung", "TWINT"], [0.45, 0.35, 0.2, 0.0]
        if ts >= TWINT_LAUNCH:
            w = [0.25, 0.22, 0.13, 0.4]
    else:
        methods, w = (
            ["PayPal", "Klarna", "Kreditkarte", "SOFORT", "Rechnung"],
            [0.36, 0.22, 0.2, 0.12, 0.1],
        )
    if p.ctype == "Gewerbe":
        w = [x * (6 if m == "Rechnung" else 1) for m, x in zip(methods, w, strict=True)]
    pay = pick(methods, w)
    if pay == "Rechnung" and p.ctype == "Privat":
        pay = "Kreditkarte"
    # Swiss checkout without TWINT: more abandon
    if p.country == "CH" and ts < TWINT_LAUNCH and chance(0.18):
        return None
    if p.country == "CH" and ts >= TWINT_LAUNCH and chance(0.05):
        return None
    if not chance(0.93):
        return None
    ts_o = t + timedelta(minutes=R.uniform(3, 12))
    if not within(ts_o):
        return None
    qty = R.choice(QUANTITIES[product])
    eur = price_of(product, ts_o, p.country)
    if p.ctype == "Gewerbe":
        eur = round(eur * R.uniform(1.2, 2.6), 2)
    if fc:
        eur = round(eur + 9.9, 2)
    plant = plant_of(p.country, ts_o)
    ship = {
        "DE": pick(["DHL", "DPD"], [0.65, 0.35]),
        "AT": pick(["DHL", "DPD"], [0.4, 0.6]),
        "CH": "Swiss Post",
    }[p.country]
    express = chance(0.08)
    if plant == "Linz" and inw(ts_o, LINZ_DOWN) and chance(0.4):
        express = True  # free express upgrade to make up for the delay
    if product in ("Fotobuch", "Kalender") and ts_o >= XMAS_PEAK and chance(0.15):
        express = True
    versand = "Express" if express else ship
    oid = f"DW-{nxt('order')}"
    cur = "CHF" if p.country == "CH" else "EUR"
    amount = round(eur / 1.05, 2) if cur == "CHF" else eur
    orders.append(
        (
            oid,
            p.kdnr,
            ts_o,
            product,
            qty,
            R.choice(PAPERS[product]),
            pick(FINISHES, FINISH_W),
            p.country,
            cur,
            f"{amount:.2f}".replace(".", ","),
            f"{eur:.2f}",
            pay,
            "ja" if fc else "nein",
            versand,
            plant,
            source,
            p.rep,
        )
    )
    # manual file check and PDF proof
    if fc:
        tp = ts_o + timedelta(hours=R.uniform(1, 20))
        ev(p, tp, "proof_versendet", source, product, cookie=False)
        if not chance(0.9):
            return oid  # proof never approved: the job waits
        ev(
            p,
            tp + timedelta(hours=R.uniform(0.2, 30)),
            "proof_freigegeben",
            source,
            product,
            cookie=False,
        )
        start_from = tp + timedelta(hours=R.uniform(1, 31))
    else:
        start_from = ts_o
    # production
    pstart = start_from + timedelta(hours=R.uniform(2, 20))
    dur = R.uniform(20, 50)
    if product in ("Fotobuch", "Kalender"):
        dur += 18
        if ts_o >= XMAS_PEAK:
            dur += R.uniform(10, 40)
    if product == "Verpackung":
        dur += 30
    delayed = plant == "Linz" and inw(pstart, LINZ_DOWN)
    if delayed:
        dur += R.uniform(96, 200)
    if express:
        dur *= 0.6
    pend = pstart + timedelta(hours=dur)
    mes.append((oid, "START", plant, pstart, p))
    mes.append((oid, "DONE", plant, pend, p))
    if pend >= END:
        return oid
    # shipping
    shipped = pend + timedelta(hours=R.uniform(1, 8))
    transit = (
        R.uniform(18, 30)
        if express
        else {"DHL": 40, "DPD": 44, "Swiss Post": 60}[ship] + R.uniform(-12, 30)
    )
    if plant == "Linz" and p.country == "DE":
        transit += 18
    if plant == "Leipzig" and p.country in ("AT", "CH"):
        transit += 20
    delivered = shipped + timedelta(hours=transit)
    carrier = "DHL Express" if express else ship
    tracking.append((oid, carrier, "SHIPPED", shipped, p))
    if delivered < END:
        tracking.append((oid, carrier, "DELIVERED", delivered, p))
    # complaints
    late_total = (delivered - ts_o).total_seconds() / 86400
    if delayed and chance(0.22):
        complaint(
            p, oid, shipped + timedelta(hours=R.uniform(-48, 24)), "lieferverzug", eur, p.country
        )
    elif late_total > 7 and chance(0.1):
        complaint(
            p, oid, delivered + timedelta(hours=R.uniform(1, 30)), "lieferverzug", eur, p.country
        )
    if delivered < END:
        p_colour = 0.025 * (
            1.8 if delayed or (plant == "Leipzig" and inw(ts_o, LINZ_DOWN)) else 1.0
        )
        if chance(p_colour):
            complaint(
                p,
                oid,
                delivered + timedelta(hours=R.uniform(2, 72)),
                "farbabweichung",
                eur,
                p.country,
            )
        elif chance(0.012):
            complaint(
                p,
                oid,
                delivered + timedelta(hours=R.uniform(2, 72)),
                "schnittfehler",
                eur,
                p.country,
            )
        elif chance(0.008):
            complaint(
                p,
                oid,
                delivered + timedelta(hours=R.uniform(2, 48)),
                "transportschaden",
                eur,
                p.country,
            )
        elif res == "WARNINGS" and not fc and chance(0.05):
            complaint(
                p,
                oid,
                delivered + timedelta(hours=R.uniform(2, 72)),
                "datei_fehler",
                eur,
                p.country,
            )
    return oid


def traffic_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() >= 5:
        w *= 0.7
    if dt >= XMAS_PEAK:
        w *= 1.25
    if datetime(2025, 12, 20) <= dt < datetime(2026, 1, 6):
        w *= 0.55
    if dt.month in (7, 8):
        w *= 0.85
    return w


def product_for(dt, ctype):
    w = list(PRODUCT_W)
    if ctype == "Privat":
        w = [0.08, 0.12, 0.18, 0.16, 0.3, 0.12, 0.04]
    if dt >= XMAS_PEAK:
        w[4] *= 3.2
        w[5] *= 4.5
    elif dt < datetime(2025, 12, 20):  # the tail of last year's Christmas season
        w[4] *= 2.2
        w[5] *= 3.0
    if ctype == "Gewerbe" and dt >= PAPER_PRICE:
        w[1] *= 0.85
    return pick(PRODUCTS, w)


def visitor(d, source=None, person=None):
    p = person or Person()
    if person is None:
        people.append(p)
    dt = datetime(d.year, d.month, d.day)
    source = source or pick(SOURCES, SOURCE_W)
    product = product_for(dt, p.ctype)
    t = at(d)
    p_order = P_ORDER[source] * (1.25 if p.ctype == "Gewerbe" else 1.0)
    if product == "Flyer" and dt >= PAPER_PRICE:
        p_order *= 0.82
    for s in range(R.choice([1, 1, 2, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.3, 9))
            if chance(0.5):
                source = pick(
                    ["direkt", "seo", "google_ads", "newsletter" if p.kdnr else "direkt"],
                    [4, 2, 2, 2],
                )
        if not ev(
            p,
            t,
            "startseite" if chance(0.5) else "produktseite",
            source,
            product if chance(0.6) else "",
        ):
            return p
        if p.kdnr and chance(0.6):
            ev(p, t + timedelta(minutes=R.uniform(0.2, 2)), "login", source)
        if not chance(0.62):
            continue
        t2 = t + timedelta(minutes=R.uniform(2, 9))
        ev(p, t2, "produkt_konfiguriert", source, product)
        if not chance(min(0.95, p_order / 0.62 * 1.9)):
            if chance(0.2) and p.kdnr is None:
                login(p, t2)
                ev(p, t2 + timedelta(minutes=1), "registrierung", source)
            continue
        if p.kdnr is None:
            login(p, t2 + timedelta(minutes=1))
            ev(p, t2 + timedelta(minutes=1), "registrierung", source)
        else:
            ev(p, t2 + timedelta(minutes=1), "login", source)
        if place_order(p, t2 + timedelta(minutes=R.uniform(2, 10)), product, source):
            if chance(0.45 if p.ctype == "Gewerbe" else 0.2):
                d2 = d + timedelta(days=R.randrange(20, 120))
                if datetime(d2.year, d2.month, d2.day) < END:
                    visitor(d2, pick(["direkt", "newsletter", "google_ads"], [4, 3, 1]), p)
            return p
    return p


def b2b_account(d, new=True):
    """A business won or looked after by a B2B sales rep: orders come in without a web session."""
    p = Person(ctype="Gewerbe")
    people.append(p)
    p.rep = pick(["M. Krüger", "S. Hofer", "A. Baumann", "L. Schmid"], [0.35, 0.25, 0.25, 0.15])
    if p.rep == "S. Hofer":
        p.country = "AT"
    if p.rep == "L. Schmid":
        p.country = "CH"
    if not new:
        p.kdnr = f"KD{nxt('kd')}"
        p.created = START - timedelta(days=R.uniform(60, 1500))
        customers.append(p)
    n = 1 + poisson(3.2)
    day = d
    for _ in range(n):
        dt = datetime(day.year, day.month, day.day)
        if dt >= END:
            break
        product = pick(
            ["Visitenkarten", "Flyer", "Poster", "Aufkleber", "Verpackung"],
            [0.2, 0.3, 0.1, 0.15, 0.25],
        )
        place_order(
            p,
            at(day, [0] * 8 + [3, 4, 4, 3, 2, 3, 3, 3, 2] + [0] * 7),
            product,
            "aussendienst",
            file_check=chance(0.5),
        )
        day = day + timedelta(days=R.randrange(14, 70))
    return p


people = []


def simulate():
    # existing customers coming back during the year
    for _ in range(900):
        p = Person()
        p.kdnr = f"KD{nxt('kd')}"
        p.created = START - timedelta(days=R.uniform(20, 1500))
        customers.append(p)
        people.append(p)
        for _ in range(1 + poisson(0.9 if p.ctype == "Privat" else 1.6)):
            d = START.date() + timedelta(days=R.randrange(N_DAYS))
            visitor(d, pick(["direkt", "newsletter", "seo", "google_ads"], [4, 3, 2, 2]), p)
    for _ in range(150):
        b2b_account(START.date() + timedelta(days=R.randrange(N_DAYS - 30)), new=False)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = traffic_weight(d)
        for _ in range(poisson(21 * w)):
            visitor(d)
        # newsletter pushes to registered people on Tuesdays
        if d.weekday() == 1:
            for _ in range(poisson(6 if dt < XMAS_PEAK else 14)):
                cand = R.choice(customers) if customers else None
                if cand is not None and cand.optin == "ja" and cand.created and cand.created < dt:
                    visitor(d, "newsletter", cand)
        # B2B sales reps win new accounts; September push
        lam = 0.12 if d.weekday() < 5 else 0.0
        if inw(dt, B2B_PUSH):
            lam *= 7.0
        for _ in range(poisson(lam)):
            b2b_account(d)


def berlin_to_utc(ts):
    return ts.replace(tzinfo=BERLIN).astimezone(UTC)


def write(folder: Path):
    def de(ts):
        return f"{ts:%d.%m.%Y %H:%M}" if ts else ""

    def zulu(ts):
        return f"{berlin_to_utc(ts):%Y-%m-%dT%H:%M:%SZ}" if ts else ""

    def local_iso(ts, plant):
        tz = VIENNA if plant == "Linz" else BERLIN
        return ts.replace(tzinfo=BERLIN).astimezone(tz).isoformat(timespec="seconds")

    with open(folder / "shop_ereignisse.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Zeitpunkt", "Besucher_ID", "Kundennummer", "Ereignis", "Quelle", "Produkt"])
        for r in sorted(shop, key=lambda r: (r[0], r[1], r[2], r[3])):
            w.writerow([de(r[0]), *r[1:]])
    with open(folder / "kunden.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Kundennummer", "Registriert", "Land", "Kundentyp", "Betreuer", "Newsletter"])
        for p in sorted(customers, key=lambda p: p.kdnr):
            w.writerow([p.kdnr, de(p.created), p.country, p.ctype, p.rep, p.optin])
    with open(folder / "bestellungen.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            [
                "Bestellnummer",
                "Kundennummer",
                "Bestelldatum",
                "Produkt",
                "Auflage",
                "Papier",
                "Veredelung",
                "Lieferland",
                "Waehrung",
                "Betrag",
                "Betrag_EUR",
                "Zahlungsart",
                "Dateicheck",
                "Versandart",
                "Werk",
                "Quelle",
                "Betreuer",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], de(r[2]), *r[3:]])
    with open(folder / "gutschriften.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            ["Gutschriftnummer", "Bestellnummer", "Kundennummer", "Datum", "Betrag_EUR", "Grund"]
        )
        for r in sorted(credits, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], de(r[3]), f"{r[4]:.2f}", r[5]])
    with open(folder / "preflight.jsonl", "w") as f:
        for fid, kd, ts, res, eng, product in sorted(preflight, key=lambda r: (r[2], r[0])):
            if within(ts):
                obj = {
                    "file_id": f"F{fid:07d}",
                    "customer_no": kd,
                    "checked_at": zulu(ts),
                    "result": res,
                    "engine": eng,
                    "product": product,
                }
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "mes_jobs.jsonl", "w") as f:
        for oid, status, plant, ts, p in sorted(mes, key=lambda r: (r[3], r[0], r[1])):
            if not within(ts):
                continue
            machine = {
                "Leipzig": R.choice(["LE-Speedmaster-1", "LE-Speedmaster-2", "LE-HP-Indigo-1"]),
                "Linz": R.choice(["LI-XL106", "LI-Indigo-1"]),
            }[plant]
            if plant == "Linz" and inw(ts, LINZ_DOWN):
                machine = "LI-Indigo-1"
            obj = {
                "job": f"J{nxt('mes'):07d}",
                "order_ref": oid,
                "kunde": p.kdnr,
                "plant": plant,
                "machine": machine,
                "status": status,
                "ts": local_iso(ts, plant),
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "tracking.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["shipment_ref", "carrier", "event", "event_time_utc", "consignee_ref"])
        for oid, carrier, status, ts, p in sorted(tracking, key=lambda r: (r[3], r[0], r[2])):
            if within(ts):
                w.writerow([oid, carrier, status, zulu(ts), p.kdnr])
    with open(folder / "reklamationen.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "id",
                "requester_external_id",
                "created_at",
                "first_reply_at",
                "solved_at",
                "tag_reason",
                "via",
                "tag_outcome",
                "satisfaction_score",
                "order_ref",
                "country",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    zulu(r[2]),
                    zulu(r[3]) if r[3] < END else "",
                    zulu(r[4]),
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                    r[10],
                ]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["KW_Start", "Kanal", "Kosten_EUR"])
        base = {
            "Google Ads": 5200,
            "Google Shopping": 3600,
            "Preisvergleich": 1900,
            "Instagram": 2600,
            "Newsletter": 350,
            "Affiliate": 1400,
        }
        wk = START.date() - timedelta(days=START.weekday())
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            for ch, amt in base.items():
                f_ = R.uniform(0.88, 1.12)
                if dt >= XMAS_PEAK and ch in ("Google Ads", "Google Shopping", "Instagram"):
                    f_ *= 1.6
                w.writerow([f"{wk:%d.%m.%Y}", ch, f"{round(amt * f_)}"])
            if inw(dt, B2B_PUSH):
                w.writerow([f"{wk:%d.%m.%Y}", "B2B Außendienst", f"{round(R.uniform(7000, 9000))}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="printshop-src-") as tmp:
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
