"""Golf club evaluation domain: Harbour Links, two courses and a driving range near Sydney.

    python generate.py OUT.duckdb

Writes Harbour Links' own exports (seeded: the same files every run) to a temporary folder —

  booking_site_events.jsonl  online booking engine analytics: cookieId, playerId after login,
                             event, utm_source, UTC ISO times with Z
  tee_sheet_bookings.csv     tee-sheet system, one row per booking ('DD/MM/YYYY h:mm AM/PM', Sydney)
  tee_sheet_results.csv      tee-sheet close-out: Played / No-Show / Cancelled / Washed Out
  proshop_checkins.csv       pro shop check-in kiosk ('DD/MM/YYYY h:mm AM/PM')
  pos_lines.csv              POS lines (pro shop + bar/restaurant), AUD incl. GST
  crm_members.jsonl          membership CRM member list (UTC ISO)
  crm_activity.jsonl         CRM activity: applications, interviews, joins, fees, resignations
  handicap_feed.csv          handicap system scores (ISO with +10:00/+11:00 offsets)
  lesson_bookings.csv        lesson booking app bookings (UTC ISO Z)
  lesson_attendance.csv      lesson app attendance (completed / no show)
  survey_responses.csv       feedback survey, likelihood to recommend 1-10
  marketing_spend.csv        monthly marketing spend sheet (AUD)

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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261202
START = datetime(2025, 12, 2)
END = datetime(2026, 12, 2)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
SYD = ZoneInfo("Australia/Sydney")

HEADLAND_CLOSED = (datetime(2026, 5, 1), datetime(2026, 7, 1))  # course 2 greens renovation
DRIVE = (datetime(2026, 8, 1), datetime(2026, 9, 1))  # membership drive, joining fee waived
NEW_MENU = datetime(2026, 9, 1)  # new bar menu
CHAMPS = [date(2026, 10, d) for d in (10, 11, 17, 18, 24, 25)]  # club championship rounds
TWILIGHT_CUT = datetime(2026, 11, 1)  # twilight green fee 45 -> 29

R = random.Random(SEED)

CATS = ["Full", "Weekday", "Junior", "Social"]
ANNUAL = {"Full": 3200.0, "Weekday": 2100.0, "Junior": 450.0, "Social": 650.0}
JOINING = {"Full": 2500.0, "Weekday": 1500.0, "Junior": 0.0, "Social": 250.0}
AGE = ["Under 18", "18-34", "35-49", "50-64", "65+"]
PROS = ["Mick Donnelly", "Sarah Chen", "Tom Beaumont"]
SOURCES = ["google", "golf_australia", "facebook", "instagram", "direct"]
SOURCE_W = [0.38, 0.2, 0.16, 0.1, 0.16]
HOW_HEARD = {
    "google": "Google",
    "golf_australia": "Golf Australia",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "direct": "Direct",
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
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


# rain: a wet February, otherwise occasional wet days
RAIN = {}
for _k in range(N_DAYS + 60):
    _d = START.date() + timedelta(days=_k)
    RAIN[_d] = chance(0.45 if _d.month == 2 and _d.year == 2026 else 0.06)

web, bookings, results, checkins, pos, crm_act, scores, lessons, attend, surveys = (
    [] for _ in range(10)
)
members = []
seq = {
    "player": 4000,
    "member": 5600,
    "booking": 180000,
    "receipt": 700000,
    "lesson": 0,
    "cookie": 0,
    "app": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, member_cat=None):
        self.player = None  # tee-sheet online account / guest record
        self.cookie = None
        self.member = None
        self.cat = member_cat
        self.email = h(f"email{nxt('app')}")
        self.golflink = f"{R.randrange(10**9, 10**10)}" if member_cat or chance(0.35) else ""
        self.age = pick(AGE, [0.04, 0.22, 0.27, 0.27, 0.2])
        self.gender = pick(["M", "F"], [0.72, 0.28])
        self.joined = None
        self.status = "Active"
        self.resigned = None
        self.how = None


def player_id(p):
    if p.player is None:
        p.player = f"HL-V{nxt('player'):06d}"
    return p.player


def ref(p):
    """The id the club's own systems (tee sheet, POS, kiosk) know the golfer by."""
    return p.member or player_id(p)


def is_member(p, ts):
    return p.member is not None and p.joined <= ts and (p.resigned is None or ts < p.resigned)


def site(p, ts, event, src):
    if not within(ts):
        return
    if p.cookie is None:
        p.cookie = "ck_" + h(f"ck{nxt('cookie')}")
    web.append(
        (ts, p.cookie, p.player if event not in ("landing", "search_tee_times") else "", event, src)
    )


def rate_for(p, tee, holes):
    if is_member(p, tee):
        return "Member", 0.0
    if tee.hour >= 15:
        return "Twilight", 29.0 if tee >= TWILIGHT_CUT else 45.0
    weekend = tee.weekday() >= 5
    if holes == 9:
        return ("Visitor Weekend 9" if weekend else "Visitor Weekday 9"), 55.0 if weekend else 45.0
    return ("Visitor Weekend 18" if weekend else "Visitor Weekday 18"), 95.0 if weekend else 75.0


def tee_slot(d, twilight=False):
    if twilight:
        hr, mi = R.choice([15, 15, 16, 16, 17]), R.choice(range(0, 60, 8))
        if d.month in (5, 6, 7, 8) and hr >= 16:
            hr = 15
    else:
        hr, mi = (
            R.choices(range(6, 15), weights=[4, 8, 8, 7, 5, 4, 3, 3, 2])[0],
            R.choice(range(0, 60, 8)),
        )
    return datetime(d.year, d.month, d.day, hr, mi)


def pos_line(p, ts, terminal, cat, item, amount, receipt=None, qty=1):
    if not within(ts):
        return receipt
    receipt = receipt or f"R{nxt('receipt')}"
    mem = p.member if is_member(p, ts) else ""
    pos.append(
        (receipt, terminal, ts, mem, "" if mem else player_id(p), cat, item, qty, f"{amount:.2f}")
    )
    return receipt


def play_round(p, booked_at, tee, holes, source, via, course=None, comp=""):
    """A tee-time booking and everything after it."""
    if not within(booked_at):
        return False
    member_now = is_member(p, tee)
    if course is None:
        course = "Harbour" if chance(0.55) else "Headland"
    if course == "Headland" and inw(tee, HEADLAND_CLOSED):
        course = "Harbour"
    rate, fee = rate_for(p, tee, holes)
    if rate == "Twilight":
        holes = 9 if chance(0.6) else 18
    if not member_now:
        player_id(p)
    bref = f"TS{nxt('booking')}"
    row = {
        "ref": bref,
        "p": p,
        "booked": booked_at,
        "tee": tee,
        "course": course,
        "holes": holes,
        "rate": rate,
        "fee": fee,
        "source": source,
        "via": via,
        "comp": comp,
        "status": "booked",
    }
    bookings.append(row)
    if tee >= END:
        return False
    if chance(0.08 if not member_now else 0.06) and not comp:
        c_at = booked_at + (tee - booked_at) * R.uniform(0.2, 0.95)
        row["status"] = "cancelled"
        results.append((row, c_at))
        return False
    if RAIN[tee.date()] and chance(0.85):
        row["status"] = "washed-out"
        results.append((row, tee + timedelta(minutes=R.uniform(-90, 30))))
        return False
    if chance(0.035 if not member_now else 0.025):
        row["status"] = "no-show"
        results.append((row, tee + timedelta(minutes=15)))
        return False
    row["status"] = "played"
    results.append((row, tee))
    ci = tee - timedelta(minutes=R.uniform(8, 35))
    mem = p.member if member_now else ""
    checkins.append((ci, mem, "" if mem else player_id(p), course, holes, bref))
    rc = None
    if fee:
        rc = pos_line(
            p, ci + timedelta(minutes=1), "Pro Shop", "Green Fees", f"{rate} green fee", fee
        )
    if holes == 18 and chance(0.38 if member_now else 0.3):
        rc = pos_line(
            p, ci + timedelta(minutes=2), "Pro Shop", "Cart Hire", "Motorised cart 18", 50.0, rc
        )
    elif holes == 9 and chance(0.18):
        rc = pos_line(
            p, ci + timedelta(minutes=2), "Pro Shop", "Cart Hire", "Motorised cart 9", 30.0, rc
        )
    if not member_now and chance(0.09):
        rc = pos_line(
            p, ci + timedelta(minutes=2), "Pro Shop", "Club Hire", "Premium club set", 55.0, rc
        )
    if chance(0.14):
        item, amt = R.choice(
            [
                ("Titleist Pro V1 dozen", 79.0),
                ("Golf glove", 32.0),
                ("Tees & markers", 9.5),
                ("Harbour Links cap", 39.0),
                ("Polo shirt", 89.0),
                ("Range balls bucket", 15.0),
            ]
        )
        rc = pos_line(
            p, ci + timedelta(minutes=3), "Pro Shop", "Pro Shop Merchandise", item, amt, rc
        )
    done = tee + timedelta(hours=(4.4 if holes == 18 else 2.2) + R.uniform(-0.4, 0.6))
    menu = done >= NEW_MENU
    if chance((0.55 if menu else 0.45) if member_now else (0.42 if menu else 0.33)):
        t = done + timedelta(minutes=R.uniform(5, 40))
        rb = None
        for _ in range(R.choice([1, 2, 2, 3])):
            item, amt = R.choice(
                [
                    ("Schooner (tap)", 9.5),
                    ("Pint (tap)", 12.0),
                    ("Soft drink", 5.0),
                    ("Glass of wine", 13.0),
                    ("Coffee", 5.5),
                ]
            )
            rb = pos_line(p, t, "Bar", "Drinks", item, amt, rb)
        if chance(0.75 if menu else 0.45):
            if menu:
                item, amt = R.choice(
                    [
                        ("Wagyu burger (new)", 29.0),
                        ("Salt & pepper squid (new)", 26.0),
                        ("Poke bowl (new)", 24.0),
                        ("Steak sandwich", 24.0),
                    ]
                )
            else:
                item, amt = R.choice(
                    [("Steak sandwich", 24.0), ("Chicken schnitzel", 25.0), ("Hot chips", 9.0)]
                )
            pos_line(p, t + timedelta(minutes=2), "Restaurant", "Food", item, amt, rb)
    if p.golflink and chance(0.9 if member_now else 0.5):
        g = round(R.gauss(92 if holes == 18 else 46, 8 if holes == 18 else 4))
        scores.append(
            (
                done + timedelta(minutes=R.uniform(10, 120)),
                p.golflink,
                course,
                holes,
                g,
                comp
                or (
                    "Social"
                    if not member_now
                    else R.choice(["Social", "Saturday Stableford", "Social"])
                ),
            )
        )
    if chance(0.035 if member_now else 0.13):
        t = done + timedelta(days=R.uniform(0.5, 3))
        area = pick(
            ["Course condition", "Booking", "Pro shop", "Bar & restaurant"],
            [0.45, 0.15, 0.15, 0.25],
        )
        mean = {"Course condition": 8.0, "Booking": 7.8, "Pro shop": 8.1, "Bar & restaurant": 6.6}[
            area
        ]
        if area == "Bar & restaurant" and t >= NEW_MENU:
            mean = 8.3
        if area == "Course condition" and inw(tee, HEADLAND_CLOSED):
            mean = 6.4
        if area == "Course condition" and tee.month == 2 and tee.year == 2026:
            mean = 6.9
        if area == "Booking" and rate == "Twilight" and tee >= TWILIGHT_CUT:
            mean = 8.6
        s = max(1, min(10, round(R.gauss(mean, 1.5))))
        surveys.append((t, p, s, area, "Member" if member_now else "Visitor"))
    return True


def lesson(p, booked):
    if not within(booked):
        return
    typ, price = pick(
        [
            ("Private 30 min", 70.0),
            ("Private 60 min", 130.0),
            ("Group clinic", 45.0),
            ("Junior clinic", 30.0),
        ],
        [0.35, 0.2, 0.35, 0.1],
    )
    when = booked + timedelta(days=R.uniform(1, 14))
    when = datetime(
        when.year, when.month, when.day, R.choice([7, 8, 9, 10, 14, 15, 16, 17]), R.choice([0, 30])
    )
    lid = f"LS-{nxt('lesson'):05d}"
    lessons.append((lid, p, booked, when, typ, R.choice(PROS), price))
    if when >= END:
        return
    if chance(0.07):
        attend.append((lid, p, when, "Cancelled", price))
        return
    attend.append((lid, p, when, "No Show" if chance(0.04) else "Completed", price))


def crm(p, ts, kind, cat, amount=None, note=""):
    if within(ts):
        crm_act.append((ts, p, kind, cat, amount, note))


def join(p, applied, cat, how, drive):
    crm(p, applied, "APPLICATION", cat, note=how)
    interview = applied + timedelta(days=R.uniform(5, 18))
    interview = datetime(interview.year, interview.month, interview.day, R.choice([17, 18]), 0)
    if not within(interview):
        return
    crm(p, interview, "INTERVIEW", cat)
    if not chance(0.88):
        crm(p, interview + timedelta(days=R.uniform(1, 5)), "DECLINED", cat)
        return
    joined = interview + timedelta(days=R.uniform(2, 12))
    if not within(joined):
        return
    p.member = f"M{nxt('member')}"
    p.cat = cat
    p.joined = joined
    p.how = how
    if not p.golflink and cat != "Social":
        p.golflink = f"{R.randrange(10**9, 10**10)}"
    members.append(p)
    waived = drive
    crm(p, joined, "JOINED", cat)
    crm(
        p,
        joined + timedelta(minutes=5),
        "JOINING_FEE",
        cat,
        0.0 if waived else JOINING[cat],
        "waived" if waived else "",
    )
    crm(
        p,
        joined + timedelta(minutes=6),
        "ANNUAL_FEE",
        cat,
        round(ANNUAL[cat] * (0.5 if joined.month >= 1 and joined.month < 7 else 1.0), 2),
    )


def season(d):
    # southern hemisphere: summer busy, winter quiet
    return 1.0 + 0.3 * math.cos((d.timetuple().tm_yday - 15) / 365 * 2 * math.pi)


def visitor(d, source=None):
    p = Person()
    src = source or pick([*SOURCES, "phone"], [*SOURCE_W, 0.22])
    day0 = datetime(d.year, d.month, d.day)
    t = day0 + timedelta(
        hours=R.choices(
            range(24), weights=[1] * 6 + [2, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 7, 5, 3, 2]
        )[0],
        minutes=R.uniform(0, 59),
    )
    twilight_pref = chance(0.25 if t >= TWILIGHT_CUT - timedelta(days=10) else 0.14)
    if src == "phone":
        how = pick(list(HOW_HEARD.values()), [0.3, 0.25, 0.1, 0.05, 0.3])
        via = "Phone"
    else:
        how = HOW_HEARD[src]
        via = "Online"
        site(p, t, "landing", src)
        site(p, t + timedelta(minutes=R.uniform(0.3, 2)), "search_tee_times", src)
        p_book = {
            "google": 0.42,
            "golf_australia": 0.55,
            "facebook": 0.22,
            "instagram": 0.18,
            "direct": 0.5,
        }[src]
        if twilight_pref and t >= TWILIGHT_CUT:
            p_book = min(0.8, p_book * 1.5)
        if not chance(p_book):
            if chance(0.25):  # come back later
                t = t + timedelta(days=R.uniform(1, 12))
                site(p, t, "landing", "direct")
                site(p, t + timedelta(minutes=1), "search_tee_times", "direct")
                if not chance(0.4):
                    return p
                src = "direct"
            else:
                return p
        player_id(p)
        site(p, t + timedelta(minutes=R.uniform(2, 5)), "login", src)
    player_id(p)
    visits = 1
    while True:
        lead = R.choice([0, 1, 1, 2, 3, 4, 6, 8, 12])
        tee = tee_slot((t + timedelta(days=lead)).date(), twilight_pref)
        if tee <= t:
            tee = tee + timedelta(days=1)
        holes = 18 if chance(0.72) else 9
        booked_at = t + timedelta(minutes=R.uniform(5, 9)) if via == "Online" else t
        played = play_round(p, booked_at, tee, holes, how, via)
        if played and chance(0.035):
            lesson(p, tee + timedelta(days=R.uniform(1, 20)))
        if played and not p.member:
            pj = 0.012 * visits
            if inw(tee, (DRIVE[0] - timedelta(days=20), DRIVE[1])):
                pj = 0.07
            if chance(pj):
                ap = (
                    max(tee + timedelta(days=R.uniform(1, 15)), DRIVE[0])
                    if inw(tee, (DRIVE[0] - timedelta(days=20), DRIVE[1]))
                    else tee + timedelta(days=R.uniform(3, 40))
                )
                cat = pick(CATS, [0.45, 0.35, 0.05, 0.15])
                join(p, ap, cat, how, inw(ap, DRIVE))
                if p.member:
                    return p
        if not chance(0.3 if visits < 3 else 0.5):
            return p
        visits += 1
        t = tee + timedelta(days=R.uniform(7, 60))
        if not within(t):
            return p
        via = "Online" if chance(0.7) else "Phone"
        if via == "Online":
            site(p, t, "landing", "direct")
            site(p, t + timedelta(minutes=1), "search_tee_times", "direct")
            site(p, t + timedelta(minutes=3), "login", "direct")
        how = "Direct"
        twilight_pref = twilight_pref or (t >= TWILIGHT_CUT and chance(0.3))


def drive_lead(d):
    """August membership drive: a Facebook/Instagram/referral campaign to the membership page."""
    p = Person()
    src = pick(["facebook", "instagram", "google", "direct"], [0.45, 0.3, 0.15, 0.1])
    t = datetime(d.year, d.month, d.day, R.randrange(7, 22), R.randrange(60))
    site(p, t, "landing", src)
    site(p, t + timedelta(minutes=1), "membership_page", src)
    if chance(0.35):
        player_id(p)
        site(p, t + timedelta(minutes=3), "login", src)
        join(
            p,
            t + timedelta(minutes=R.uniform(5, 30)),
            pick(CATS, [0.4, 0.3, 0.05, 0.25]),
            HOW_HEARD[src],
            True,
        )
    return p


def member_life(p):
    """Existing and new members: rounds, comps, guests, lessons, renewals, resignations."""
    if p.joined < START:  # existing: renewal 1 July, some resign at renewal time
        if chance(0.07):
            p.resigned = datetime(
                2026, R.choice([5, 6, 6, 6, 9, 11]), R.randrange(1, 28), R.randrange(9, 17)
            )
            crm(
                p,
                p.resigned,
                "RESIGNED",
                p.cat,
                note=pick(["Moving away", "Cost", "Not playing enough", "Health"], [3, 3, 3, 1]),
            )
        else:
            crm(
                p,
                datetime(2026, 7, 1, 9) + timedelta(days=R.uniform(0, 25)),
                "ANNUAL_FEE",
                p.cat,
                ANNUAL[p.cat],
            )
    rate = {"Full": 0.065, "Weekday": 0.055, "Junior": 0.035, "Social": 0.003}[p.cat]
    rate *= R.uniform(0.4, 1.8)
    d = max(START, p.joined).date() + timedelta(days=1)
    while d < END.date():
        dt = datetime(d.year, d.month, d.day)
        if p.resigned and dt >= p.resigned:
            break
        champ = d in CHAMPS and p.cat in ("Full", "Junior")
        lam = rate * season(d) * (1.4 if d.weekday() >= 5 and p.cat != "Weekday" else 1.0)
        if p.cat == "Weekday" and d.weekday() >= 5:
            lam = 0.0
        if champ:
            lam = 0.55
        if chance(lam):
            if champ:
                tee = tee_slot(d)
                play_round(
                    p,
                    tee - timedelta(days=R.uniform(5, 20)),
                    tee,
                    18,
                    "Member",
                    "Member Portal",
                    course="Harbour",
                    comp="Club Championship",
                )
            else:
                tee = tee_slot(d, chance(0.12))
                comp = "Saturday Stableford" if d.weekday() == 5 and chance(0.6) else ""
                comp = comp or ("Wednesday Medley" if d.weekday() == 2 and chance(0.4) else "")
                play_round(
                    p,
                    tee - timedelta(days=R.uniform(0.2, 7)),
                    tee,
                    18 if chance(0.75) else 9,
                    "Member",
                    pick(["Member Portal", "Phone", "Pro Shop"], [0.8, 0.12, 0.08]),
                    comp=comp,
                )
                if chance(0.05):  # a guest of the member
                    g = Person()
                    g.how = "Member Referral"
                    play_round(
                        g,
                        tee - timedelta(days=1),
                        tee + timedelta(minutes=8),
                        18,
                        "Member Referral",
                        "Phone",
                        course=bookings[-1]["course"],
                    )
                    if chance(0.05):
                        join(
                            g,
                            tee + timedelta(days=R.uniform(3, 30)),
                            pick(CATS, [0.5, 0.3, 0.05, 0.15]),
                            "Member Referral",
                            inw(tee + timedelta(days=15), DRIVE),
                        )
                        if g.member:
                            member_life(g)
        if p.cat == "Social" and chance(0.02):  # social members use the bar
            t = datetime(d.year, d.month, d.day, R.choice([12, 13, 18, 19]), R.randrange(60))
            rb = pos_line(p, t, "Bar", "Drinks", "Glass of wine", 13.0)
            pos_line(
                p,
                t + timedelta(minutes=3),
                "Restaurant",
                "Food",
                "Wagyu burger (new)" if t >= NEW_MENU else "Chicken schnitzel",
                29.0 if t >= NEW_MENU else 25.0,
                rb,
            )
        if chance(0.004 * (1.8 if d.month in (9, 10) else 1.0)):
            lesson(p, dt + timedelta(hours=R.uniform(7, 20)))
        d += timedelta(days=1)


def corporate_day(d):
    """A corporate-partner golf day: 12-40 players, Friday or Monday, shotgun-style times."""
    n = R.randrange(12, 40)
    base = datetime(d.year, d.month, d.day, 11, 0)
    booked = base - timedelta(days=R.uniform(14, 45))
    for i in range(n):
        p = Person()
        play_round(
            p,
            booked + timedelta(minutes=i),
            base + timedelta(minutes=8 * (i // 4)),
            18,
            "Corporate Partner",
            "Corporate",
            course="Headland" if not inw(base, HEADLAND_CLOSED) else "Harbour",
        )


def simulate():
    for _ in range(760):
        p = Person(pick(CATS, [0.55, 0.19, 0.1, 0.16]))
        p.member = f"M{nxt('member')}"
        p.joined = datetime(R.randrange(1985, 2025), R.randrange(1, 13), R.randrange(1, 28), 10)
        if p.cat == "Junior":
            p.age = "Under 18"
            p.joined = datetime(R.randrange(2021, 2025), R.randrange(1, 13), R.randrange(1, 28), 10)
        members.append(p)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        lam = 10 * season(d) * (1.5 if d.weekday() >= 5 else 1.0)
        if inw(dt, HEADLAND_CLOSED):
            lam *= 0.65
        if dt >= TWILIGHT_CUT:
            lam *= 1.25
        for _ in range(poisson(lam)):
            visitor(d)
        if inw(dt, (TWILIGHT_CUT - timedelta(days=7), END)):
            for _ in range(poisson(4)):
                visitor(d, pick(SOURCES, SOURCE_W))
        if inw(dt, DRIVE):
            for _ in range(poisson(6)):
                drive_lead(d)
        if d.weekday() in (0, 4) and chance(0.22) and d.month not in (12, 1):
            corporate_day(d)
    for p in list(members):
        if p.joined < START:
            member_life(p)
    for p in [m for m in members if m.joined >= START]:
        member_life(p)


def local(ts):
    return ts.replace(tzinfo=SYD)


def utc_z(ts):
    return local(ts).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ampm(ts):
    hr = ts.hour % 12 or 12
    return f"{ts:%d/%m/%Y} {hr}:{ts:%M} {'AM' if ts.hour < 12 else 'PM'}"


def write(folder: Path):
    with open(folder / "booking_site_events.jsonl", "w") as f:
        for ts, cookie, pid, ev, src in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            f.write(
                json.dumps(
                    {
                        "cookieId": cookie,
                        "playerId": pid or None,
                        "event": ev,
                        "utm_source": src,
                        "timestamp": utc_z(ts),
                    }
                )
                + "\n"
            )
    stat = {
        "booked": "Booked",
        "played": "Played",
        "no-show": "No-Show",
        "cancelled": "Cancelled",
        "washed-out": "Washed Out",
    }
    with open(folder / "tee_sheet_bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Booking Ref",
                "Date Booked",
                "Tee Time",
                "Course",
                "Holes",
                "Member No",
                "Player ID",
                "Email Hash",
                "GolfLink No",
                "Rate Type",
                "Green Fee",
                "Booked Via",
                "How Heard",
                "Competition",
                "Status",
            ]
        )
        for b in sorted(bookings, key=lambda b: (b["booked"], b["ref"])):
            p = b["p"]
            mem = p.member if is_member(p, b["tee"]) else ""
            w.writerow(
                [
                    b["ref"],
                    ampm(b["booked"]),
                    ampm(b["tee"]),
                    "Course 1 - Harbour" if b["course"] == "Harbour" else "Course 2 - Headland",
                    b["holes"],
                    mem,
                    "" if mem else p.player,
                    "" if mem else p.email,
                    p.golflink,
                    b["rate"],
                    f"{b['fee']:.2f}",
                    b["via"],
                    b["source"],
                    b["comp"],
                    stat[b["status"]],
                ]
            )
    with open(folder / "tee_sheet_results.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Booking Ref",
                "Member No",
                "Player ID",
                "Tee Time",
                "Status Time",
                "Course",
                "Holes",
                "Status",
                "Rate Type",
                "Competition",
            ]
        )
        for b, ts in sorted(results, key=lambda r: (r[1], r[0]["ref"])):
            if not within(ts):
                continue
            p = b["p"]
            mem = p.member if is_member(p, b["tee"]) else ""
            w.writerow(
                [
                    b["ref"],
                    mem,
                    "" if mem else p.player,
                    ampm(b["tee"]),
                    ampm(ts),
                    "Course 1 - Harbour" if b["course"] == "Harbour" else "Course 2 - Headland",
                    b["holes"],
                    stat[b["status"]],
                    b["rate"],
                    b["comp"],
                ]
            )
    with open(folder / "proshop_checkins.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["CheckIn", "Member #", "Guest #", "Course", "Holes", "Booking"])
        for r in sorted(checkins, key=lambda r: (r[0], r[1], r[2])):
            if within(r[0]):
                w.writerow([ampm(r[0]), *r[1:]])
    with open(folder / "pos_lines.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "receipt_no",
                "terminal",
                "sold_at",
                "member_no",
                "guest_ref",
                "category",
                "item",
                "qty",
                "amount_inc_gst",
                "line_no",
            ]
        )
        line = {}
        for r in sorted(pos, key=lambda r: (r[2], r[0], r[6])):
            line[r[0]] = line.get(r[0], 0) + 1
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", *r[3:], line[r[0]]])
    with open(folder / "crm_members.jsonl", "w") as f:
        for p in sorted(members, key=lambda p: p.member):
            f.write(
                json.dumps(
                    {
                        "memberNumber": p.member,
                        "golfLinkNo": p.golflink or None,
                        "playerId": p.player,
                        "emailSha": p.email,
                        "category": p.cat,
                        "status": "Resigned" if p.resigned else "Active",
                        "joinedAt": utc_z(p.joined),
                        "ageGroup": p.age,
                        "gender": p.gender,
                    }
                )
                + "\n"
            )
    with open(folder / "crm_activity.jsonl", "w") as f:
        for i, (ts, p, kind, cat, amt, note) in enumerate(
            sorted(crm_act, key=lambda r: (r[0], r[2]))
        ):
            obj = {
                "activityId": f"A{i + 1:06d}",
                "type": kind,
                "at": utc_z(ts),
                "memberNumber": p.member
                if kind not in ("APPLICATION", "INTERVIEW", "DECLINED")
                else None,
                "playerId": p.player,
                "emailSha": p.email,
                "membershipCategory": cat,
                "amountAUD": amt,
                "note": note or None,
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "handicap_feed.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["golflink_no", "posted", "course", "holes", "gross", "competition"])
        for ts, gl, course, holes, gross, comp in sorted(scores, key=lambda r: (r[0], r[1])):
            if within(ts):
                w.writerow(
                    [gl, local(ts).isoformat(timespec="seconds"), course, holes, gross, comp]
                )
    with open(folder / "lesson_bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "lessonId",
                "clientEmailSha",
                "memberNo",
                "createdAt",
                "lessonStart",
                "lessonType",
                "coach",
                "priceAud",
            ]
        )
        for lid, p, booked, when, typ, pro, price in sorted(lessons, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    lid,
                    p.email,
                    p.member if is_member(p, booked) else "",
                    utc_z(booked),
                    utc_z(when),
                    typ,
                    pro,
                    f"{price:.2f}",
                ]
            )
    pro_of = {r[0]: (r[4], r[5]) for r in lessons}
    with open(folder / "lesson_attendance.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "lessonId",
                "clientEmailSha",
                "lessonStart",
                "attendance",
                "lessonType",
                "coach",
                "paidAud",
            ]
        )
        for lid, p, when, st, price in sorted(attend, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    lid,
                    p.email,
                    utc_z(when),
                    st,
                    pro_of[lid][0],
                    pro_of[lid][1],
                    f"{price:.2f}" if st == "Completed" else "0.00",
                ]
            )
    with open(folder / "survey_responses.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Submitted",
                "Email SHA",
                "Member No",
                "How likely to recommend (1-10)",
                "Area",
                "Golfer Type",
                "Comment",
            ]
        )
        for ts, p, s, area, gt in sorted(surveys, key=lambda r: (r[0], r[1].email)):
            if not within(ts):
                continue
            comment = ""
            if chance(0.3):
                comment = R.choice(
                    [
                        "Greens were great",
                        "Slow play on the back nine",
                        "Friendly pro shop staff",
                        "Food could be better" if ts < NEW_MENU else "Loved the new menu",
                        "Bunkers need work",
                        "Easy to book online",
                        "Too wet to play",
                    ]
                )
            w.writerow(
                [
                    f"{ts:%d/%m/%Y %H:%M}",
                    p.email,
                    p.member if is_member(p, ts) else "",
                    s,
                    area,
                    gt,
                    comment,
                ]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend (AUD)"])
        base = {
            "Google Ads": 5200,
            "Golf Australia listing": 1400,
            "Facebook": 2600,
            "Instagram": 1600,
            "Corporate partners": 1800,
        }
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                x = amt * R.uniform(0.9, 1.1)
                if m.month == 8 and ch in ("Facebook", "Instagram"):
                    x *= 3.0  # membership drive
                if m.month == 11 and ch in ("Google Ads", "Facebook"):
                    x *= 1.5  # twilight promotion
                w.writerow([f"{m:%d/%m/%Y}", ch, f"{x:.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="golfclub-src-") as tmp:
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
