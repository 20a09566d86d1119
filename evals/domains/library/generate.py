"""Library evaluation domain: Maple Public Library, a Toronto city library system with 18 branches.

    python generate.py OUT.duckdb

Writes the library's own exports (seeded: the same files every run) to a temporary folder —

  ils_circulation.csv     ILS circulation log: holds, hold-ready notices, checkouts, returns,
                          renewals, card registrations ('MM/DD/YYYY HH:MM AM/PM' Toronto time)
  patrons.csv             ILS patron records (barcode, type, home branch, language, email hash)
  digital_lending.jsonl   digital lending: e-book / audiobook holds, loans, returns (UTC ISO)
  events_system.csv       programs and events: registrations, attendance scans, room bookings
  web_analytics.csv       website + app analytics (snake_case, UTC): visits, searches, card sign-ups
  fines_ledger.csv        fines ledger: late fees, lost-item charges, payments, waivers (cents)
  feedback_form.csv       online feedback form (ratings, compliments, complaints)
  service_cases.csv       patron services case log (complaints and enquiries)
  outreach_spend.csv      monthly outreach / marketing spend sheet (CAD)

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

SEED = 20261201
START = datetime(2025, 12, 1)
END = datetime(2026, 12, 1)  # as_of; data ends the day before
N_DAYS = (END - START).days
CHILD_FINES_END = datetime(2026, 3, 1)  # fines abolished for children's items
OUTAGE = (datetime(2026, 5, 11), datetime(2026, 5, 20))  # ransomware: catalogue offline 9 days
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))  # summer reading club
SCARB_OPEN = datetime(2026, 9, 12)  # BR18 Scarborough Town Centre opens (Saturday)
LICENCE_RISE = datetime(2026, 9, 15)  # e-book licence price rise: fewer copies, longer waits
CHINESE = datetime(2026, 10, 1)  # Chinese-language collection + Mandarin story time

R = random.Random(SEED)

BRANCHES = {
    "BR01": "Central Library",
    "BR02": "Yorkville",
    "BR03": "Kensington",
    "BR04": "Parkdale",
    "BR05": "North York Centre",
    "BR06": "Fairview",
    "BR07": "Don Mills",
    "BR08": "Agincourt",
    "BR09": "Cedarbrae",
    "BR10": "Malvern",
    "BR11": "Richview",
    "BR12": "Long Branch",
    "BR13": "East York",
    "BR14": "Danforth",
    "BR15": "York Woods",
    "BR16": "Jane/Dundas",
    "BR17": "Beaches",
    "BR18": "Scarborough Town Centre",
}
DISTRICT = {
    "BR01": "Downtown",
    "BR02": "Downtown",
    "BR03": "Downtown",
    "BR04": "Downtown",
    "BR17": "Downtown",
    "BR05": "North York",
    "BR06": "North York",
    "BR07": "North York",
    "BR08": "Scarborough",
    "BR09": "Scarborough",
    "BR10": "Scarborough",
    "BR18": "Scarborough",
    "BR11": "Etobicoke",
    "BR12": "Etobicoke",
    "BR13": "East York",
    "BR14": "East York",
    "BR15": "York",
    "BR16": "York",
}
OLD_BRANCHES = [b for b in BRANCHES if b != "BR18"]
BRANCH_W = [14, 5, 5, 5, 9, 6, 5, 7, 6, 5, 5, 4, 5, 5, 4, 4, 4]
CHINESE_BRANCHES = ["BR05", "BR06", "BR08", "BR18"]
# new-visitor traffic sources as the analytics tool writes them
SOURCES = [
    "google / cpc",
    "google / organic",
    "facebook / paid",
    "instagram / social",
    "school_visit",
    "community_partner",
    "(direct)",
    "app",
    "newsletter",
]
SOURCE_W = [0.14, 0.24, 0.09, 0.06, 0.08, 0.07, 0.2, 0.12, 0.0]
PROGRAMS = {
    "Story Time": "CHILD",
    "ESL Conversation Circle": "ADULT",
    "Coding Club": "TEEN",
    "Author Talk": "ADULT",
}

rows = {k: [] for k in ("ils", "digital", "events", "web", "fines", "feedback", "cases")}
patrons = []
seq = {"card": 21000000, "prereg": 0, "cookie": 0, "case": 0, "dig": 0, "ev": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


WEB_HOURS = [
    0.3,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.2,
    2,
    2.5,
    2.8,
    3,
    3,
    3,
    2.8,
    2.8,
    3,
    3,
    3.2,
    3.8,
    4.4,
    4.2,
    3,
    1.2,
]
BRANCH_HOURS = [0] * 9 + [3, 4, 4, 4, 4, 4, 5, 5, 4, 4, 3, 2, 0, 0, 0]


def at(d, hours=WEB_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def branch_time(t):
    """Move t to branch opening hours (same day if possible, else the next day)."""
    if 9 <= t.hour < 21:
        return t
    d = t if t.hour < 9 else t + timedelta(days=1)
    return at(d, BRANCH_HOURS)


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


def day(ts):
    return datetime(ts.year, ts.month, ts.day)


class Patron:
    def __init__(self, ptype, lang, home, reg_ts):
        self.card = ("D" if ptype == "DIGITAL" else "2") + f"{nxt('card')}"
        self.ptype = ptype
        self.lang = lang
        self.home = home
        self.reg = reg_ts
        self.cookie = None
        self.device = None
        self.prereg = ""
        self.email = h(f"mail{self.card}")[:16]
        self.app = chance(0.35 if ptype != "CHILD" else 0.2)
        patrons.append(self)


def new_cookie(p):
    if p.app:
        if p.device is None:
            p.device = "app-" + h(f"dev{nxt('cookie')}")[:12]
        return p.device
    if p.cookie is None:
        p.cookie = "GA1." + h(f"ck{nxt('cookie')}")[:14]
    return p.cookie


def web(ts, ident, card, name, source, device, extra=""):
    if within(ts):
        rows["web"].append((ts, ident, card, name, source, device, extra))


def ils(
    ts,
    card,
    code,
    branch,
    station,
    item="",
    audience="",
    lang="",
    overdue="",
    prereg="",
    barcode="",
):
    if within(ts):
        rows["ils"].append(
            (ts, card, code, branch, station, item, audience, lang, overdue, prereg, barcode)
        )


def fines(ts, card, code, cents, audience, method, branch):
    if within(ts):
        rows["fines"].append((ts, card, code, cents, audience, method, branch))


def case(p, ts, category, complaint, via=None):
    if not within(ts):
        return
    via = via or pick(["Web form", "Phone", "In person", "Email"], [0.4, 0.3, 0.15, 0.15])
    fr = {
        "Web form": R.uniform(2, 40),
        "Email": R.uniform(3, 48),
        "Phone": R.uniform(0.02, 0.4),
        "In person": R.uniform(0.0, 0.1),
    }[via]
    if inw(ts, (OUTAGE[0], OUTAGE[1] + timedelta(days=10))) and via in ("Web form", "Email"):
        fr *= 3.0  # backlog after the outage
    res = fr + R.uniform(4, 120) * (1.5 if complaint else 1.0)
    closed = ts + timedelta(hours=res)
    rows["cases"].append(
        (
            f"PS-{nxt('case'):05d}",
            p.card,
            p.email,
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END and chance(0.96) else None,
            category,
            via,
            complaint,
        )
    )


def feedback(p, ts, ftype, rating, branch, comment):
    if within(ts):
        rows["feedback"].append(
            (ts, p.card if chance(0.7) else "", p.email, ftype, rating, branch, comment)
        )


def branch_for(p, ts):
    if chance(0.8):
        return p.home
    b = pick(OLD_BRANCHES, BRANCH_W)
    if ts >= SCARB_OPEN and DISTRICT[p.home] == "Scarborough" and chance(0.4):
        b = "BR18"
    return b


def station_for(ts, kiosk_ok=True):
    if inw(ts, OUTAGE):
        return "OFFLINE"
    return "SCO" if kiosk_ok and chance(0.42) else "DESK"


def item_for(p, ts):
    if p.ptype == "CHILD":
        aud = "JUV"
    elif p.ptype == "TEEN":
        aud = "YA"
    else:
        aud = "JUV" if chance(0.18) else "ADULT"
    kind = pick(
        ["BOOK", "DVD", "AUDIOCD", "MUSEUMPASS"], [0.8, 0.12, 0.04, 0.04 if aud == "ADULT" else 0]
    )
    share = (0.6 if ts >= CHINESE else 0.3) if p.lang == "CHI" else 0.004
    lang = "CHI" if chance(share) else ("FRE" if chance(0.03) else "ENG")
    return kind, aud, lang


def borrow(p, ts, branch, station):
    """One checkout and what follows: renewals, the return (maybe late), fines, payments."""
    if ts >= END:
        return
    kind, aud, lang = item_for(p, ts)
    bc = f"3{R.randrange(10**12, 10**13)}"
    ils(ts, p.card, "CKO", branch, station, kind, aud, lang, barcode=bc)
    loan = 7 if kind in ("DVD", "MUSEUMPASS") else 21
    due = ts + timedelta(days=loan)
    if kind == "BOOK" and chance(0.28):
        rn = due - timedelta(days=R.uniform(0, 4), hours=R.uniform(0, 10))
        ils(
            rn,
            p.card,
            "RNW",
            branch,
            "WEB" if p.app is False and chance(0.5) else ("APP" if p.app else "DESK"),
            kind,
            aud,
            lang,
            barcode=bc,
        )
        due += timedelta(days=21)
    if chance(0.012):  # lost: billed 45 days after the due date
        lt = due + timedelta(days=45)
        cents = R.choice([2500, 3000, 3500, 4500, 6000]) if kind != "MUSEUMPASS" else 7500
        fines(lt, p.card, "LOST", cents, aud, "", branch)
        if chance(0.35):
            fines(
                lt + timedelta(days=R.uniform(1, 40)),
                p.card,
                "PAY",
                cents,
                aud,
                pick(["ONLINE", "BRANCH"], [0.5, 0.5]),
                branch,
            )
        elif chance(0.25):
            fines(lt + timedelta(days=R.uniform(1, 30)), p.card, "WAIVE", cents, aud, "", branch)
        return
    p_late = 0.11
    if aud == "JUV":
        p_late = 0.13 if due < CHILD_FINES_END else 0.25
    if chance(p_late):
        over = max(1, int(R.expovariate(1 / 6)))
        rt = branch_time(due + timedelta(days=over))
    else:
        rt = branch_time(due - timedelta(days=R.uniform(0, loan - 2)))
        over = 0
    rb = branch if chance(0.85) else branch_for(p, rt)
    if rb == "BR18" and rt < SCARB_OPEN:
        rb = "BR09"
    ils(rt, p.card, "CKI", rb, station_for(rt, kiosk_ok=True), kind, aud, lang, str(over), "", bc)
    if over and not (aud == "JUV" and rt >= CHILD_FINES_END):
        per, cap = {"JUV": (25, 600), "YA": (25, 1000), "ADULT": (25, 1000)}[aud]
        if kind in ("DVD", "MUSEUMPASS"):
            per, cap = 100, 2000
        cents = min(over * per, cap)
        fines(rt, p.card, "LATE", cents, aud, "", rb)
        u = R.random()
        if u < 0.58:
            method = pick(["ONLINE", "BRANCH", "KIOSK"], [0.45, 0.4, 0.15])
            pt = (
                rt + timedelta(minutes=R.uniform(1, 10))
                if method == "BRANCH" and chance(0.6)
                else rt + timedelta(days=R.uniform(0.5, 35))
            )
            fines(pt, p.card, "PAY", cents, aud, method, rb)
        elif u < 0.72:
            fines(rt + timedelta(days=R.uniform(0, 20)), p.card, "WAIVE", cents, aud, "", rb)
        if chance(0.02):
            case(p, rt + timedelta(days=R.uniform(0, 5)), "Fines & fees", True)


def hold(p, ts, source):
    """Search the catalogue, place a hold, get the notice, pick it up."""
    if inw(ts, OUTAGE):  # catalogue offline: no search, no holds; some walk in instead
        if chance(0.03):
            case(p, ts, "Holds & catalogue", True)
            feedback(
                p,
                ts + timedelta(minutes=5),
                "Complaint",
                R.choice([1, 1, 2]),
                "",
                R.choice(
                    [
                        "Catalogue down for days",
                        "Can't place holds",
                        "Website says system unavailable",
                    ]
                ),
            )
        if chance(0.45):
            b = branch_for(p, ts)
            borrow(
                p,
                branch_time(ts + timedelta(days=R.uniform(0, 2))),
                b if b != "BR18" else "BR09",
                "OFFLINE",
            )
        return
    ident = new_cookie(p)
    dev = "app" if p.app else pick(["desktop", "mobile"], [0.5, 0.5])
    web(ts, ident, p.card, "session_start", "app" if p.app else source, dev)
    web(
        ts + timedelta(seconds=R.uniform(10, 90)),
        ident,
        p.card,
        "catalogue_search",
        "app" if p.app else source,
        dev,
    )
    if not chance(0.62):
        return
    th = ts + timedelta(seconds=R.uniform(60, 400))
    pickup = branch_for(p, th)
    if pickup == "BR18" and th < SCARB_OPEN:
        pickup = "BR09"
    kind, aud, lang = item_for(p, th)
    ils(th, p.card, "HOLD", pickup, "APP" if p.app else "WEB", kind, aud, lang)
    ready = th + timedelta(days=R.uniform(0.5, 3) if chance(0.5) else R.uniform(3, 21))
    if inw(ready, OUTAGE):
        ready = OUTAGE[1] + timedelta(hours=R.uniform(8, 60))
    ils(
        ready,
        p.card,
        "HLDR",
        pickup,
        pick(["EMAIL", "SMS", "PUSH"], [0.5, 0.2, 0.3] if p.app else [0.7, 0.3, 0]),
        kind,
        aud,
        lang,
    )
    if chance(0.86):
        borrow(
            p,
            branch_time(ready + timedelta(days=R.uniform(0.1, 6))),
            pickup,
            station_for(ready, True),
        )


def digital(p, ts):
    fmt = pick(["EBOOK", "AUDIOBOOK"], [0.68, 0.32])
    lang = "zh" if p.lang == "CHI" and chance(0.4 if ts >= CHINESE else 0.2) else "en"
    title = f"T{R.randrange(1, 4000):05d}"

    def put(t, action):
        if within(t):
            rows["digital"].append((t, p.card, action, fmt, lang, title))

    wait = 0.0
    after = ts >= LICENCE_RISE
    if chance(0.62 if after else 0.45):  # no copy free: place a hold
        put(ts, "hold_placed")
        wait = max(0.2, R.gauss(20, 7) if after and fmt == "EBOOK" else R.gauss(6.5, 3))
        if chance(0.1 if after else 0.06):
            put(ts + timedelta(days=wait + 3), "hold_expired")
            return
        if after and chance(0.01):
            case(p, ts + timedelta(days=R.uniform(5, 15)), "Digital lending", True, "Web form")
    t2 = ts + timedelta(days=wait, minutes=R.uniform(1, 600) if wait else R.uniform(0.5, 3))
    put(t2, "checkout")
    put(t2 + timedelta(days=R.uniform(2, 20) if chance(0.35) else 21), "return")


def program(p, ts, name=None):
    if name is None:
        opts = [
            n
            for n, a in PROGRAMS.items()
            if a in (p.ptype, "ADULT" if p.ptype == "SENIOR" else "x")
        ]
        if p.ptype == "ADULT" and chance(0.3):
            opts = ["Story Time"]  # parents bring children
        if not opts:
            return
        name = R.choice(opts)
    b = branch_for(p, ts)
    if name == "Mandarin Story Time":
        b = R.choice([*CHINESE_BRANCHES[:2], "BR08", "BR18"])
    if b == "BR18" and ts < SCARB_OPEN:
        b = "BR09"
    sess = branch_time(ts + timedelta(days=R.uniform(1, 14)))
    sess = sess.replace(minute=0 if chance(0.5) else 30, second=0)
    ev = f"EV{nxt('ev'):06d}"
    if within(ts):
        rows["events"].append(("REGISTRATION", ts, p.card, name, b, sess, ev))
    if chance(0.74):
        scan = sess - timedelta(minutes=R.uniform(0, 12))
        if within(scan):
            rows["events"].append(("ATTENDED", scan, p.card, name, b, sess, ev))
            if chance(0.1):
                feedback(
                    p,
                    scan + timedelta(hours=R.uniform(2, 48)),
                    pick(["Compliment", "Suggestion"], [3, 1]),
                    max(1, min(5, round(R.gauss(4.4, 0.7)))),
                    b,
                    "",
                )


def booking(p, ts):
    b = branch_for(p, ts)
    if b == "BR18" and ts < SCARB_OPEN:
        b = "BR09"
    name = pick(["Study Room", "Computer"], [0.45, 0.55])
    sess = branch_time(ts + timedelta(days=R.uniform(0, 3)))
    if within(ts):
        rows["events"].append(("BOOKING", ts, p.card, name, b, sess, f"RM{nxt('ev'):06d}"))


def season(ts, p):
    w = 1.0 + 0.12 * math.cos((ts.timetuple().tm_yday - 30) / 365 * 2 * math.pi)
    if inw(ts, SUMMER) and p.ptype in ("CHILD", "TEEN"):
        w *= 1.7
    if ts.month == 12 and ts.day > 20:
        w *= 0.7
    return w


def live(p, since):
    """A registered patron's year: episodes by a thinned Poisson process."""
    rate = {"ADULT": 1.1, "SENIOR": 1.3, "CHILD": 1.5, "TEEN": 0.8, "DIGITAL": 1.6}[p.ptype] / 30.0
    rate *= R.uniform(0.3, 1.8)
    t = since
    while True:
        t = t + timedelta(days=R.expovariate(rate * 1.9))
        if t >= END:
            break
        if not chance(season(t, p) / 1.9):
            continue
        if (
            inw(t, SUMMER)
            and p.ptype in ("CHILD", "TEEN")
            and not getattr(p, "src", False)
            and chance(0.55)
        ):
            p.src = True
            program(p, at(day(t)), "Summer Reading Club")
        if p.ptype == "DIGITAL":
            digital(p, at(day(t)))
            continue
        u = R.random()
        if p.lang == "CHI" and p.ptype in ("CHILD", "ADULT") and t >= CHINESE and chance(0.12):
            program(p, at(day(t)), "Mandarin Story Time")
        if u < 0.36:
            hold(p, at(day(t)), pick(["(direct)", "google / organic", "newsletter"], [5, 3, 2]))
        elif u < 0.66:
            bt = at(day(t), BRANCH_HOURS)
            station = station_for(bt)
            b = branch_for(p, bt)
            if b == "BR18" and bt < SCARB_OPEN:
                b = "BR09"
            for _ in range(R.choice([1, 1, 2, 2, 3, 4])):
                borrow(p, bt + timedelta(seconds=R.uniform(0, 240)), b, station)
        elif u < 0.82:
            digital(p, at(day(t)))
        elif u < 0.92:
            program(p, at(day(t)))
        else:
            booking(p, at(day(t)))
        if chance(0.004):
            case(
                p,
                t,
                pick(
                    ["Branch facilities", "Staff conduct", "Account & card", "Programs"],
                    [4, 1, 4, 2],
                ),
                chance(0.5),
            )
        if chance(0.006):
            feedback(
                p,
                t,
                pick(["Compliment", "Suggestion", "Complaint"], [4, 3, 1]),
                max(1, min(5, round(R.gauss(4.0, 1.0)))),
                p.home,
                "",
            )


def pick_home(ts, source):
    if source == "community_partner" and chance(0.4):
        return R.choice(CHINESE_BRANCHES[:3])
    b = pick(OLD_BRANCHES, BRANCH_W)
    if ts >= SCARB_OPEN and (DISTRICT[b] == "Scarborough" or chance(0.12)):
        b = "BR18" if chance(0.7) else b
    return b


def lang_for(home, source):
    p_chi = 0.35 if home in CHINESE_BRANCHES else 0.06
    if source == "community_partner":
        p_chi += 0.2
    return "CHI" if chance(p_chi) else ("OTH" if chance(0.08) else "ENG")


def existing(n):
    for _ in range(n):
        home = pick(OLD_BRANCHES, BRANCH_W)
        ptype = pick(["ADULT", "SENIOR", "CHILD", "TEEN", "DIGITAL"], [0.5, 0.14, 0.18, 0.08, 0.1])
        reg = START - timedelta(days=R.uniform(30, 3650))
        p = Patron(ptype, lang_for(home, ""), home, reg)
        live(p, START - timedelta(days=120))  # warm-up: loans already out on 1 December


def visitor(d, source=None):
    """A new web/app visitor: maybe pre-registers or gets a digital card; most stay anonymous."""
    dt = day(d)
    if source is None:
        w = list(SOURCE_W)
        if dt.month in (2, 3, 4, 5, 6, 10, 11) or (dt.month == 9 and dt.day > 8):
            w[4] *= 2.2  # school visits during term
        else:
            w[4] *= 0.3
        source = pick(SOURCES, w)
    ts = at(d)
    device = "app" if source == "app" else pick(["desktop", "mobile"], [0.4, 0.6])
    ident = ("app-" if source == "app" else "GA1.") + h(f"v{nxt('cookie')}")[:14]
    web(ts, ident, "", "session_start", source, device)
    if inw(ts, OUTAGE):
        return
    if chance(0.6):
        web(
            ts + timedelta(seconds=R.uniform(15, 200)),
            ident,
            "",
            "catalogue_search",
            source,
            device,
        )
    conv = {
        "google / cpc": 0.3,
        "google / organic": 0.33,
        "facebook / paid": 0.2,
        "instagram / social": 0.2,
        "school_visit": 0.6,
        "community_partner": 0.55,
        "(direct)": 0.35,
        "app": 0.5,
    }[source]
    if source in ("facebook / paid", "instagram / social") and dt >= datetime(2026, 6, 1):
        conv = 0.1  # social media got worse after the platform's algorithm change
    if not chance(conv):
        if chance(0.25):
            web(
                ts + timedelta(days=R.uniform(1, 30)),
                ident,
                "",
                "session_start",
                "(direct)",
                device,
            )
        return
    home = pick_home(ts, source)
    lang = lang_for(home, source)
    if source == "school_visit":
        ptype = "CHILD" if chance(0.8) else "TEEN"
    else:
        ptype = pick(["ADULT", "SENIOR", "CHILD", "TEEN"], [0.62, 0.1, 0.2, 0.08])
    digital_only = (
        source in ("app", "facebook / paid", "instagram / social") and chance(0.55)
    ) or chance(0.1)
    t1 = ts + timedelta(minutes=R.uniform(2, 9))
    if digital_only:
        p = Patron("DIGITAL", lang, home, t1)
        if source == "app":
            p.app, p.device = True, ident
        else:
            p.app, p.cookie = False, ident
        web(t1, ident, p.card, "digital_card_signup", source, device)
        p.src_channel = source
        if chance(0.7):
            digital(p, t1 + timedelta(minutes=R.uniform(2, 30)))
        live(p, t1 + timedelta(days=1))
        return
    pre = f"PR{nxt('prereg'):06d}"
    web(t1, ident, "", "card_preregistration", source, device, pre)
    if not chance(0.72):
        return
    act = branch_time(t1 + timedelta(days=R.uniform(0.2, 1) if chance(0.4) else R.uniform(1, 25)))
    if inw(act, OUTAGE):
        act = branch_time(OUTAGE[1] + timedelta(days=R.uniform(0, 5)))
    if not within(act):
        return
    p = Patron(ptype, lang, home, act)
    p.prereg = pre
    if source == "app":
        p.app, p.device = True, ident
    else:
        p.app, p.cookie = False, ident
    b = home if not (home == "BR18" and act < SCARB_OPEN) else "BR09"
    ils(act, p.card, "REG", b, "DESK", prereg=pre)
    for _ in range(R.choice([0, 1, 1, 2, 3])):
        borrow(p, act + timedelta(minutes=R.uniform(3, 25)), b, "DESK")
    if source == "community_partner" and chance(0.4) and ptype == "ADULT":
        program(p, act + timedelta(hours=1), "ESL Conversation Circle")
    live(p, act + timedelta(days=1))


def walk_in(d):
    """Registers at the desk without the website."""
    ts = at(d, BRANCH_HOURS)
    if inw(ts, OUTAGE):
        return
    home = pick_home(ts, "")
    if home == "BR18" and ts < SCARB_OPEN:
        home = "BR09"
    p = Patron(
        pick(["ADULT", "SENIOR", "CHILD", "TEEN"], [0.55, 0.15, 0.22, 0.08]),
        lang_for(home, ""),
        home,
        ts,
    )
    ils(ts, p.card, "REG", home, "DESK")
    for _ in range(R.choice([1, 1, 2, 3])):
        borrow(p, ts + timedelta(minutes=R.uniform(3, 20)), home, "DESK")
    live(p, ts + timedelta(days=1))


def simulate():
    existing(3700)
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        w = 1.0 + (0.25 if d.weekday() in (5, 6) else 0.0)
        if inw(d, SUMMER):
            w *= 1.3
        for _ in range(poisson(14 * w)):
            visitor(d)
        lam = 1.6 * (3.0 if inw(d, (SCARB_OPEN, SCARB_OPEN + timedelta(days=30))) else 1.0)
        for _ in range(poisson(lam)):
            walk_in(d)


def utc(ts):  # naive Toronto local -> UTC ISO with Z (EDT 2026-03-08 .. 2026-11-01)
    edt = datetime(2026, 3, 8, 2) <= ts < datetime(2026, 11, 1, 2)
    return f"{ts + timedelta(hours=4 if edt else 5):%Y-%m-%dT%H:%M:%S}Z"


def ils_time(ts):
    return ts.strftime("%m/%d/%Y %I:%M %p")


def write(folder: Path):
    with open(folder / "ils_circulation.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "TRANS_DATE",
                "PATRON_BARCODE",
                "TRANS_CODE",
                "BRANCH",
                "STATION",
                "ITEM_TYPE",
                "AUDIENCE",
                "ITEM_LANG",
                "DAYS_OVERDUE",
                "PREREG_REF",
                "ITEM_BARCODE",
            ]
        )
        for r in sorted(rows["ils"], key=lambda r: (r[0], r[1], r[2])):
            w.writerow([ils_time(r[0]), *list(r[1:])])
    with open(folder / "patrons.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "PATRON_BARCODE",
                "REG_DATE",
                "PATRON_TYPE",
                "HOME_BRANCH",
                "LANG_PREF",
                "EMAIL_SHA",
                "PREREG_REF",
            ]
        )
        for p in sorted(patrons, key=lambda p: p.card):
            if p.reg < END:
                w.writerow(
                    [p.card, f"{p.reg:%m/%d/%Y}", p.ptype, p.home, p.lang, p.email, p.prereg]
                )
    with open(folder / "digital_lending.jsonl", "w") as f:
        for r in sorted(rows["digital"], key=lambda r: (r[0], r[1], r[2])):
            obj = {
                "loanEventId": f"OD{nxt('dig'):07d}",
                "timestamp": utc(r[0]),
                "cardNumber": r[1],
                "action": r[2],
                "format": r[3],
                "language": r[4],
                "titleId": r[5],
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "events_system.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Record Type",
                "Recorded At",
                "Card Number",
                "Program",
                "Location",
                "Session Start",
                "Ref",
            ]
        )
        for r in sorted(rows["events"], key=lambda r: (r[1], r[2], r[0])):
            w.writerow(
                [r[0], f"{r[1]:%Y-%m-%d %H:%M}", r[2], r[3], r[4], f"{r[5]:%Y-%m-%d %H:%M}", r[6]]
            )
    with open(folder / "web_analytics.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_time_utc",
                "client_id",
                "library_card",
                "event_name",
                "traffic_source",
                "device_category",
                "prereg_ref",
            ]
        )
        for r in sorted(rows["web"], key=lambda r: (r[0], r[1], r[3])):
            w.writerow([utc(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]])
    with open(folder / "fines_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "posted_at",
                "card_no",
                "txn_code",
                "amount_cents",
                "item_audience",
                "pay_method",
                "branch",
            ]
        )
        for r in sorted(rows["fines"], key=lambda r: (r[0], r[1], r[2])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", *list(r[1:])])
    with open(folder / "feedback_form.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Timestamp",
                "Library card (optional)",
                "Email (hashed)",
                "Feedback type",
                "Rating",
                "Branch",
                "Comments",
            ]
        )
        for r in sorted(rows["feedback"], key=lambda r: (r[0], r[2])):
            w.writerow([f"{r[0].month}/{r[0].day}/{r[0].year} {r[0]:%H:%M:%S}", *list(r[1:])])

    def ft(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "service_cases.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "case_id",
                "card_no",
                "email_sha",
                "opened",
                "first_response",
                "closed",
                "category",
                "contact_via",
                "complaint",
            ]
        )
        for r in sorted(rows["cases"], key=lambda r: r[0]):
            w.writerow(
                [r[0], r[1], r[2], ft(r[3]), ft(r[4]), ft(r[5]), r[6], r[7], "Y" if r[8] else "N"]
            )
    with open(folder / "outreach_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Line item", "Spend (CAD)"])
        base = {
            "Google Ads": 2400,
            "Meta Ads": 1500,
            "School outreach": 900,
            "Community partnerships": 1100,
            "E-newsletter": 250,
        }
        m = START
        while m < END:
            for item, amt in base.items():
                k = R.uniform(0.9, 1.1)
                if item == "School outreach" and m.month in (7, 8, 12):
                    k *= 0.2
                if item == "Meta Ads" and m >= datetime(2026, 6, 1):
                    k *= 1.25  # spent more while it worked worse
                if item == "Google Ads" and m.month in (6, 7):
                    k *= 1.5  # summer reading club push
                w.writerow([f"{m:%b %Y}", item, f"{amt * k:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="library-src-") as tmp:
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
