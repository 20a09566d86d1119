"""Lettings evaluation domain: Keyhaven Lettings, an English residential lettings agency and rental
portal with 14 branches in Manchester, Leeds, Birmingham, Bristol and London.

    python generate.py OUT.duckdb

Writes the agency's own exports (seeded: the same files on every run) into a temporary folder —

  portal_analytics/YYYY-MM.csv   keyhaven.co.uk website + app analytics, UTC times with Z,
                                 visitor id, ApplicantRef once logged in, fbclid on social landings
  social_clicks.jsonl            Meta / TikTok ad click callbacks (campaign, click id)
  portal_leads.csv               Rightmove / Zoopla / OnTheMarket lead feed (logged-in portal users,
                                 hashed e-mail; dd/mm/yyyy local times; the portals' own spellings)
  crm_applicants.csv             CRM applicant register (ApplicantRef, EmailHash, BranchCode,
                                 Src_Channel codes, budget band, household, employment, guarantor,
                                 opaque numeric StatusCd)
  crm_activity.csv               CRM activity log (ENQUIRY … NOTICE_GIVEN), PropRef with property
                                 attributes, TenancyRef, fee, opaque numeric OutcomeCd
  maint_tickets.csv              maintenance & complaints desk (tenant tickets)
  marketing_spend.csv            finance's marketing spend ledger (portal subscriptions, social,
                                 paid search, leaflets)

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.

Planted stories: see description.md.
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
REPO = next(
    (
        p
        for p in (
            HERE.parents[2] if len(HERE.parents) > 2 else None,
            Path(os.environ.get("TPA_REPO", "/work/main")),
        )
        if p is not None and (p / "connectors" / "ingest").is_dir()
    ),
    Path("/work/main"),
)
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261001
START = datetime(2025, 10, 1)
END = datetime(2026, 10, 1)  # as_of (Thursday); data ends the day before
N_DAYS = (END - START).days
LONDON_TZ = ZoneInfo("Europe/London")

ZOOPLA_BREAK = datetime(2026, 3, 2)  # story 1: Zoopla leads stop turning into viewings
APP_INSTANT = datetime(2026, 2, 2)  # story 2: app "instant viewing booking" launched
BHM_SLOW = datetime(2026, 5, 1)  # story 3: Birmingham maintenance contractor change
STUDENT_CAMPAIGN = (
    datetime(2026, 6, 1),
    datetime(2026, 8, 1),
)  # story 4: TikTok/Meta "Student Summer Lets"
LONDON_RENT_RISE = datetime(2026, 4, 1)  # story 5: London renewal rents +9 %

BRANCHES = {  # code: (city, name, weight)
    "MCR01": ("Manchester", "Northern Quarter", 1.2),
    "MCR02": ("Manchester", "Didsbury", 0.9),
    "MCR03": ("Manchester", "Salford Quays", 1.0),
    "LDS01": ("Leeds", "City Centre", 1.0),
    "LDS02": ("Leeds", "Headingley", 0.9),
    "BHM01": ("Birmingham", "Jewellery Quarter", 1.0),
    "BHM02": ("Birmingham", "Edgbaston", 0.8),
    "BHM03": ("Birmingham", "Selly Oak", 0.8),
    "BRS01": ("Bristol", "Clifton", 0.9),
    "BRS02": ("Bristol", "Bedminster", 0.7),
    "LON01": ("London", "Islington", 1.1),
    "LON02": ("London", "Clapham", 1.1),
    "LON03": ("London", "Stratford", 1.0),
    "LON04": ("London", "Ealing", 0.8),
}
STUDENT_BRANCHES = {"LDS02", "BHM03", "MCR01", "BRS01"}
CITY_RENT = {"Manchester": 1150, "Leeds": 1000, "Birmingham": 1050, "Bristol": 1500, "London": 2150}
PTYPES = ["Flat", "Terraced", "Semi-detached", "Detached", "HMO room"]
FEED_BRANCH_ID = {
    b: str(48211 + 37 * i) for i, b in enumerate(BRANCHES)
}  # the portals' agent branch ids
PTYPE_CODE = {
    "Flat": "FLT",
    "Terraced": "TER",
    "Semi-detached": "SEM",
    "Detached": "DET",
    "HMO room": "HMO",
}

# channel codes as each system writes them
SRC_CODE = {
    "Rightmove": "RM",
    "Zoopla": "ZO",
    "OnTheMarket": "OTM",
    "Website": "WEB",
    "App": "APP",
    "Social": "SOC",
    "Walk-in": "WI",
}
PORTAL_FEED = {"Rightmove": "rightmove", "Zoopla": "zoopla", "OnTheMarket": "onthemarket"}
FEED_TYPE = {
    "LISTING_VIEW": "property_view",
    "SAVE_PROPERTY": "saved_to_shortlist",
    "ENQUIRY": "email_enquiry",
}
BUDGETS = ["<£900", "£900-1,299", "£1,300-1,799", "£1,800-2,499", "£2,500+"]
HOUSEHOLD = {"single": "SGL", "couple": "CPL", "family": "FAM", "sharers": "SHR"}
EMPLOY = {"employed": "E", "self-employed": "SE", "student": "ST", "retired": "R"}

R = random.Random(SEED)


def h(text: str, n: int = 16) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:n]


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def within(ts: datetime) -> bool:
    return START <= ts < END


_HOURS = {
    "digital": [
        0.5,
        0.3,
        0.2,
        0.1,
        0.1,
        0.2,
        0.6,
        1.5,
        2,
        2.2,
        2.4,
        2.5,
        3,
        2.8,
        2.5,
        2.5,
        2.6,
        3,
        3.5,
        4.5,
        5.5,
        5,
        3.5,
        1.5,
    ],
    "office": [0] * 9 + [4, 6, 6, 4, 5, 6, 6, 5, 4] + [0] * 6,
    "viewing": [0] * 9 + [2, 4, 4, 3, 4, 4, 3, 4, 5, 4, 1] + [0] * 4,
}


def at(day: date, kind: str = "digital") -> datetime:
    hour = R.choices(range(24), weights=_HOURS[kind])[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def later(ts: datetime, lo_days: float, hi_days: float, kind: str = "office") -> datetime:
    d = (ts + timedelta(days=R.uniform(lo_days, hi_days))).date()
    if kind == "office" and d.weekday() == 6:
        d += timedelta(days=1)
    out = at(d, kind)
    return out if out > ts else ts + timedelta(hours=R.uniform(1, 5))


# ----------------------------------------------------------------------------------------------
# properties
# ----------------------------------------------------------------------------------------------
class Prop:
    def __init__(self, idx: int, branch: str):
        self.ref = f"KH{10000 + idx * 7:05d}"
        self.branch = branch
        city = BRANCHES[branch][0]
        w = (
            [0.5, 0.2, 0.12, 0.04, 0.14]
            if branch not in STUDENT_BRANCHES
            else [0.38, 0.2, 0.08, 0.02, 0.32]
        )
        if city == "London":
            w = [0.7, 0.1, 0.05, 0.02, 0.13]
        self.ptype = pick(PTYPES, w)
        if self.ptype == "HMO room":
            self.beds = 1
        elif self.ptype == "Flat":
            self.beds = pick([0, 1, 2, 3], [0.1, 0.42, 0.4, 0.08])
        else:
            self.beds = pick([2, 3, 4, 5], [0.2, 0.5, 0.24, 0.06])
        self.furnished = chance(
            0.85 if self.ptype == "HMO room" else 0.4 if self.ptype == "Flat" else 0.15
        )
        base = CITY_RENT[city]
        mult = {0: 0.75, 1: 0.85, 2: 1.1, 3: 1.35, 4: 1.65, 5: 1.9}[self.beds]
        if self.ptype == "HMO room":
            mult = 0.55
        if self.ptype == "Detached":
            mult *= 1.2
        self.rent = int(round(base * mult * R.uniform(0.85, 1.18) / 5) * 5)


PROPS: list[Prop] = []
_branch_codes = list(BRANCHES)
for i in range(1500):
    PROPS.append(Prop(i, pick(_branch_codes, [BRANCHES[b][2] for b in _branch_codes])))
PROPS_BY_BRANCH: dict[str, list[Prop]] = {}
for _p in PROPS:
    PROPS_BY_BRANCH.setdefault(_p.branch, []).append(_p)


def prop_for(p: Person) -> Prop:
    pool = PROPS_BY_BRANCH[p.branch]
    if p.household == "sharers":
        hmo = [x for x in pool if x.ptype == "HMO room" or x.beds >= 3]
        pool = hmo or pool
    elif p.household == "family":
        fam = [x for x in pool if x.beds >= 2 and x.ptype != "HMO room"]
        pool = fam or pool
    else:
        small = [x for x in pool if x.ptype != "HMO room" or chance(0.3)]
        pool = small or pool
    return R.choice(pool)


# ----------------------------------------------------------------------------------------------
# people and rows
# ----------------------------------------------------------------------------------------------
class Person:
    def __init__(self, idx: int, src: str):
        self.idx = idx
        self.src = src
        self.email_hash = h(f"mail-{idx}@example.co.uk", 32)
        self.visitor = None
        self.ref = None  # ApplicantRef once in the CRM
        self.reg_ts = None
        self.status = "10"
        self.branch = pick(_branch_codes, [BRANCHES[b][2] for b in _branch_codes])
        self.city = BRANCHES[self.branch][0]
        self.household = pick(["single", "couple", "family", "sharers"], [0.34, 0.3, 0.18, 0.18])
        if self.household == "sharers":
            self.employment = pick(["student", "employed", "self-employed"], [0.6, 0.32, 0.08])
        else:
            self.employment = pick(
                ["employed", "self-employed", "student", "retired"], [0.7, 0.14, 0.06, 0.1]
            )
        self.guarantor = chance(0.75 if self.employment == "student" else 0.12)
        base = CITY_RENT[self.city] * (1.5 if self.household == "family" else 1.0)
        budget = base * R.uniform(0.7, 1.35)
        self.budget = BUDGETS[
            0
            if budget < 900
            else 1
            if budget < 1300
            else 2
            if budget < 1800
            else 3
            if budget < 2500
            else 4
        ]


analytics_rows: list[
    tuple
] = []  # (ts_utc, visitor, applicant_ref, event, platform, prop, fbclid, utm_campaign)
social_rows: list[dict] = []
feed_rows: list[tuple] = []  # (ts, portal, lead_type, prop, contact_hash)
activity_rows: list[tuple] = []  # (ts, ref, act, via, branch, prop, tenancy, fee, outcome, rent)
ticket_rows: list[tuple] = []
persons: list[Person] = []
_seq = {"ref": 0, "ten": 0, "tkt": 0, "click": 0}


def nxt(kind: str) -> int:
    _seq[kind] += 1
    return _seq[kind]


def register(p: Person, ts: datetime) -> None:
    if p.ref is None and ts < END:
        p.ref = f"APP-{nxt('ref') + 104000:06d}"
        p.reg_ts = ts


def web(
    p: Person,
    ts: datetime,
    event: str,
    platform: str,
    prop: Prop | None = None,
    fbclid: str = "",
    utm: str = "",
) -> bool:
    if not within(ts):
        return False
    if p.visitor is None:
        p.visitor = "v." + h(f"visitor-{p.idx}", 20)
    logged = p.ref if (p.reg_ts is not None and ts >= p.reg_ts) else ""
    analytics_rows.append(
        (ts, p.visitor, logged, event, platform, prop.ref if prop else "", fbclid, utm, prop)
    )
    return True


def feed(p: Person, ts: datetime, event: str, prop: Prop) -> bool:
    if not within(ts):
        return False
    feed_rows.append((ts, PORTAL_FEED[p.src], FEED_TYPE[event], prop, p.email_hash))
    return True


def act(
    p: Person,
    ts: datetime,
    what: str,
    via: str,
    prop: Prop | None = None,
    tenancy: str = "",
    fee: float | None = None,
    outcome: str = "",
    rent: float | None = None,
) -> bool:
    if not within(ts):
        return False
    activity_rows.append(
        (ts, p.ref, what, via, prop.branch if prop else p.branch, prop, tenancy, fee, outcome, rent)
    )
    return True


def season(d: datetime) -> float:
    m = d.month
    return {
        1: 1.05,
        2: 0.95,
        3: 1.0,
        4: 1.0,
        5: 1.05,
        6: 1.15,
        7: 1.3,
        8: 1.35,
        9: 1.2,
        10: 0.95,
        11: 0.85,
        12: 0.6,
    }[m]


def random_day(student: bool = False) -> datetime:
    while True:
        d = START + timedelta(days=R.randrange(-40, N_DAYS))  # the pipeline was already running
        w = season(d)
        if student:
            w = w * (2.6 if d.month in (6, 7, 8) else 1.4 if d.month == 9 else 0.6)
        if R.random() < w / 3.5:
            return d


# ----------------------------------------------------------------------------------------------
# tenant life: tickets, renewal, notice, coming back
# ----------------------------------------------------------------------------------------------
TICKET_CATS = ["BOILER/HEATING", "DAMP & MOULD", "LEAK", "ELECTRICAL", "NOISE", "DEPOSIT DISPUTE"]


def ticket(p: Person, prop: Prop, opened: datetime, cat: str) -> None:
    if not within(opened):
        return
    via = pick(["PHONE", "TENANT_PORTAL", "EMAIL"], [0.45, 0.35, 0.2])
    complaint = cat in ("NOISE", "DEPOSIT DISPUTE") or chance(0.08)
    city = BRANCHES[prop.branch][0]
    frt_h = {"PHONE": 2.0, "TENANT_PORTAL": 5.0, "EMAIL": 9.0}[via] * math.exp(R.gauss(0, 0.6))
    res_h = {
        "BOILER/HEATING": 30,
        "DAMP & MOULD": 200,
        "LEAK": 48,
        "ELECTRICAL": 36,
        "NOISE": 120,
        "DEPOSIT DISPUTE": 480,
    }[cat] * math.exp(R.gauss(0, 0.55))
    if city == "Birmingham" and opened >= BHM_SLOW:  # story 3
        frt_h *= 2.3
        res_h *= 1.9
    first = opened + timedelta(hours=frt_h)
    resolved = opened + timedelta(hours=max(frt_h + 0.5, res_h))
    if resolved >= END or chance(0.02):
        resolved = None
    sat = ""
    if resolved is not None and chance(0.5):
        base = 4.3 - min(1.8, res_h / 300) - (0.6 if complaint else 0)
        if city == "Birmingham" and opened >= BHM_SLOW:
            base -= 0.7
        sat = str(max(1, min(5, round(R.gauss(base, 0.8)))))
    tid = f"MT-{opened:%y%m}-{nxt('tkt'):05d}"
    ticket_rows.append(
        (
            tid,
            p.ref,
            prop.ref,
            prop.branch,
            via,
            cat,
            "Y" if complaint else "N",
            opened,
            first if first < END else None,
            resolved,
            sat,
        )
    )


def tickets_while(p: Person, prop: Prop, start: datetime, stop: datetime) -> None:
    t = start
    while t < stop:
        month = t.month
        rate = 0.085 + (0.06 if month in (11, 12, 1, 2) else 0)
        if chance(rate):
            cat = pick(
                TICKET_CATS[:5],
                [
                    0.3 if month in (10, 11, 12, 1, 2) else 0.15,
                    0.35 if month in (11, 12, 1, 2) else 0.12,
                    0.2,
                    0.12,
                    0.12,
                ],
            )
            opened = at((t + timedelta(days=R.uniform(0, 29))).date(), "digital")
            if opened < stop:
                ticket(p, prop, opened, cat)
        t += timedelta(days=30)


def tenancy_life(
    p: Person, prop: Prop, tenancy: str, move_in: datetime, rent: float, depth: int = 0
) -> None:
    """Tickets while living there, then the renewal offer about 65 days before the term ends."""
    end = move_in + timedelta(days=365)
    tickets_while(p, prop, max(move_in, START), min(end, END))
    t_offer = at((end - timedelta(days=R.randint(55, 75))).date(), "office")
    if t_offer >= END:
        return
    city = BRANCHES[prop.branch][0]
    rise = (
        0.09 if (city == "London" and t_offer >= LONDON_RENT_RISE) else R.choice([0.03, 0.04, 0.05])
    )
    new_rent = int(round(rent * (1 + rise) / 5) * 5)
    if not act(p, t_offer, "RENEWAL_OFFERED", "EM", prop, tenancy, rent=new_rent):
        return
    renew_p = 0.7 if p.household != "sharers" else 0.5
    if city == "London" and t_offer >= LONDON_RENT_RISE:  # story 5
        renew_p = 0.38
    if chance(renew_p):
        t_r = t_offer + timedelta(days=R.expovariate(1 / 16) + 0.5)
        if t_r < t_offer + timedelta(days=85):
            act(
                p,
                at(t_r.date(), "office"),
                "RENEWED",
                "EM",
                prop,
                tenancy,
                fee=240.0,
                rent=new_rent,
            )
            tickets_while(
                p, prop, end, min(end + timedelta(days=365), END)
            )  # they stay another year
            return
    # notice given
    t_n = later(t_offer, 5, 50)
    reason = pick(["51", "52", "53", "54"], [0.25, 0.3, 0.3 if rise < 0.09 else 0.6, 0.15])
    if not act(p, t_n, "NOTICE_GIVEN", "EM", prop, tenancy, outcome=reason):
        return
    # deposit disputes after moving out
    if chance(0.12):
        ticket(p, prop, end + timedelta(days=R.uniform(3, 25)), "DEPOSIT DISPUTE")
    # they come back to search when they move again (reason 54 = moving with Keyhaven)
    if depth == 0 and chance(0.85 if reason == "54" else 0.3):
        t0 = t_n + timedelta(days=R.uniform(1, 25))
        search(p, t0, pick(["App", "Website"], [0.6, 0.4]), returning=True)


# ----------------------------------------------------------------------------------------------
# the letting journey
# ----------------------------------------------------------------------------------------------
def search(
    p: Person, t0: datetime, channel: str, returning: bool = False, campaign: str = ""
) -> None:
    """Browse listings on a channel, maybe enquire, then the branch takes over."""
    platform = {"Website": "web", "App": "app", "Social": "web"}.get(channel)
    props = [prop_for(p) for _ in range(R.randint(1, 3))]
    t = t0
    n_views = R.randint(1, 6) if channel != "Social" else R.randint(1, 2)
    if channel == "Social":
        fbclid = "fb." + h(f"click-{nxt('click')}", 18)
        if within(t):
            social_rows.append(
                {
                    "click_ts": t,
                    "click_id": fbclid,
                    "campaign": campaign,
                    "network": "tiktok"
                    if (campaign == "Student Summer Lets" and chance(0.6))
                    else "meta",
                }
            )
        t = t + timedelta(seconds=R.randint(3, 40))
        web(p, t, "LISTING_VIEW", "web", props[0], fbclid=fbclid, utm=campaign)
        n_views -= 1
    if channel == "App" and p.ref is None:
        register(p, t)  # the app needs an account
    for _ in range(n_views):
        t = (
            t + timedelta(minutes=R.uniform(0.5, 20))
            if chance(0.7)
            else later(t, 0.5, 4, "digital")
        )
        pr = R.choice(props)
        if channel in PORTAL_FEED:
            feed(p, t, "LISTING_VIEW", pr)
        else:
            web(p, t, "LISTING_VIEW", platform, pr)
    if chance({"App": 0.55, "Website": 0.2, "Social": 0.05}.get(channel, 0.3)):
        t = t + timedelta(minutes=R.uniform(0.3, 5))
        if channel in PORTAL_FEED:
            feed(p, t, "SAVE_PROPERTY", props[-1])
        else:
            web(p, t, "SAVE_PROPERTY", platform, props[-1])
    enquire = {
        "Rightmove": 0.42,
        "Zoopla": 0.4,
        "OnTheMarket": 0.36,
        "Website": 0.24,
        "App": 0.34,
        "Social": 0.05,
    }[channel]
    if channel == "Social" and campaign == "Student Summer Lets":
        enquire = 0.012  # story 4
    if returning:
        enquire = 0.55
    if p.household == "sharers" and t0.month in (6, 7, 8) and not campaign:
        enquire += 0.05
    if not chance(enquire):
        # app users keep browsing in later months (story 6)
        if channel == "App" and not returning:
            revisit(p, t)
        return
    t_enq = t + timedelta(minutes=R.uniform(1, 30))
    pr = props[-1]
    if channel in PORTAL_FEED:
        if not feed(p, t_enq, "ENQUIRY", pr):
            return
        register(p, t_enq)  # the CRM imports the portal lead
    else:
        register(p, t_enq)
        if not web(p, t_enq, "ENQUIRY", platform, pr):
            return
    after_enquiry(p, t_enq, pr, channel)
    if channel == "App" and not returning:
        revisit(p, t_enq)


def revisit(p: Person, t: datetime) -> None:
    months = 0
    while months < 11 and chance(0.5 if months == 0 else 0.6):
        months += 1
        tv = at((t + timedelta(days=30 * months + R.uniform(-8, 8))).date())
        for _ in range(R.randint(1, 3)):
            if not web(p, tv, "LISTING_VIEW", "app", prop_for(p)):
                return
            tv += timedelta(minutes=R.uniform(0.5, 10))
        if chance(0.25):
            web(p, tv, "SAVE_PROPERTY", "app", prop_for(p))


def after_enquiry(p: Person, t_enq: datetime, pr: Prop, channel: str) -> None:
    book = 0.55
    if channel == "Zoopla" and t_enq >= ZOOPLA_BREAK:  # story 1
        book = 0.14
    if channel == "Walk-in":
        book = 0.7
    if channel == "App" and t_enq >= APP_INSTANT:
        book = 0.68
    tries = 0
    t = t_enq
    while tries < 2:
        tries += 1
        if not chance(book if tries == 1 else 0.35):
            return
        instant = channel == "App" and t_enq >= APP_INSTANT and tries == 1
        via = "APP" if instant else pick(["PH", "BR", "WEB"], [0.6, 0.15, 0.25])
        t_b = t + timedelta(hours=R.uniform(0.05, 0.5)) if instant else later(t, 0.02, 3)
        if not act(p, t_b, "VIEWING_BOOKED", via, pr, rent=pr.rent):
            return
        t_v = later(t_b, 1 if not instant else 0.2, 7, "viewing")
        show = 0.86
        if instant:  # story 2
            show = 0.57
        if p.household == "sharers":
            show -= 0.04
        # the CRM writes the outcome on the appointment record, which keeps the booking's channel
        if not chance(show):
            act(p, t_v, "NO_SHOW", via, pr, rent=pr.rent)
            t = t_v
            pr = prop_for(p)
            continue
        if not act(p, t_v, "VIEWING_ATTENDED", via, pr, rent=pr.rent):
            return
        if not chance(0.46 if channel != "Social" else 0.3):
            t = t_v
            pr = prop_for(p)
            continue
        offer(p, t_v, pr, channel)
        return


def offer(p: Person, t_v: datetime, pr: Prop, channel: str) -> None:
    t_o = later(t_v, 0.05, 3)
    if not act(p, t_o, "OFFER_MADE", pick(["PH", "BR", "WEB"], [0.5, 0.3, 0.2]), pr, rent=pr.rent):
        return
    if not chance(0.82):
        return  # landlord turned it down / applicant withdrew
    t_d = later(t_o, 0.1, 2)
    if not act(p, t_d, "HOLDING_DEPOSIT_PAID", "WEB", pr, rent=pr.rent):
        return
    pass_p = 0.88
    if not p.guarantor and p.employment in ("student", "self-employed"):
        pass_p = 0.55
    elif p.guarantor:
        pass_p = 0.95
    t_r = later(t_d, 2, 9)
    if not chance(pass_p):
        code = pick(["31", "32", "33", "34"], [0.4, 0.3, 0.1, 0.2])
        if p.employment == "student" and not p.guarantor:
            code = "34"
        act(p, t_r, "REFERENCING_FAILED", "BR", pr, outcome=code, rent=pr.rent)
        return
    if not act(p, t_r, "REFERENCING_PASSED", "BR", pr, outcome="20", rent=pr.rent):
        return
    if not chance(0.93):
        return
    t_s = later(t_r, 1, 10)
    tenancy = f"TEN{nxt('ten') + 58000:06d}"
    fee = round(
        pr.rent * 12 * 0.09 * 1.2, 2
    )  # letting fee: 9 % of the year's rent + VAT, paid by the landlord
    if not act(p, t_s, "TENANCY_SIGNED", "EM", pr, tenancy, fee=fee, rent=pr.rent):
        return
    p.status = "30"
    t_m = later(t_s, 1, 21)
    if not act(p, t_m, "MOVE_IN", "BR", pr, tenancy, rent=pr.rent):
        return
    tenancy_life(p, pr, tenancy, t_m, pr.rent, depth=1)


# ----------------------------------------------------------------------------------------------
def simulate() -> None:
    idx = 0
    # existing tenants: moved in during the 12 months before the data starts
    for _ in range(1250):
        idx += 1
        p = Person(
            idx,
            pick(
                ["Rightmove", "Zoopla", "OnTheMarket", "Website", "App", "Walk-in"],
                [0.34, 0.24, 0.08, 0.18, 0.1, 0.06],
            ),
        )
        move_in = START - timedelta(days=R.randint(1, 364))
        p.ref = f"APP-{idx + 60000:06d}"  # older applicant numbering
        p.reg_ts = move_in - timedelta(days=R.randint(15, 90))
        p.status = "30"
        pr = prop_for(p)
        tenancy = f"TEN{idx + 40000:06d}"
        tenancy_life(p, pr, tenancy, at(move_in.date(), "office"), pr.rent)
        persons.append(p)
    # new prospects during the year
    plan = [
        ("Rightmove", 2500),
        ("Zoopla", 1700),
        ("OnTheMarket", 550),
        ("Website", 1350),
        ("App", 650),
        ("Walk-in", 300),
        ("Social", 330),
    ]
    for src, n in plan:
        for _ in range(n):
            idx += 1
            p = Person(idx, src)
            t0 = at(random_day(p.household == "sharers").date())
            if src == "Walk-in":
                t_enq = at(t0.date(), "office")
                register(p, t_enq)
                if act(p, t_enq, "ENQUIRY", "WI", prop_for(p)):
                    after_enquiry(p, t_enq, prop_for(p), "Walk-in")
            else:
                search(p, t0, src, campaign="Always-on lettings" if src == "Social" else "")
            persons.append(p)
    # story 4: the student summer campaign — lots of clicks, almost no enquiries
    for _ in range(1300):
        idx += 1
        p = Person(idx, "Social")
        if chance(0.7):
            p.household, p.employment = "sharers", "student"
        d = STUDENT_CAMPAIGN[0] + timedelta(
            days=R.randrange((STUDENT_CAMPAIGN[1] - STUDENT_CAMPAIGN[0]).days)
        )
        search(p, at(d.date()), "Social", campaign="Student Summer Lets")
        persons.append(p)


# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    (folder / "portal_analytics").mkdir()
    by_month: dict[str, list] = {}
    for row in analytics_rows:
        by_month.setdefault(f"{row[0]:%Y-%m}", []).append(row)
    bad_done = dup_done = False
    for month, rows in sorted(by_month.items()):
        with open(
            folder / "portal_analytics" / f"{month}.csv", "w", newline="", encoding="utf-8"
        ) as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "event_ts",
                    "visitor_id",
                    "applicant_ref",
                    "event_name",
                    "platform",
                    "prop_ref",
                    "listing_branch",
                    "listing_beds",
                    "listing_type",
                    "listing_rent_pcm",
                    "fbclid",
                    "utm_campaign",
                ]
            )
            for ts, vis, ref, ev, plat, pref, fb, utm, prop in sorted(
                rows, key=lambda r: (r[0], r[1])
            ):
                utc = ts.replace(tzinfo=LONDON_TZ).astimezone(UTC)
                line = [
                    utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    vis,
                    ref,
                    ev,
                    plat,
                    pref,
                    prop.branch if prop else "",
                    prop.beds if prop else "",
                    PTYPE_CODE[prop.ptype] if prop else "",
                    prop.rent if prop else "",
                    fb,
                    utm,
                ]
                w.writerow(line)
                if not dup_done and month == "2026-01" and ev == "SAVE_PROPERTY":
                    w.writerow(line)  # the tracker sent this one twice
                    dup_done = True
            if not bad_done and month == "2026-04":
                w.writerow(
                    [
                        "2026-04-31T10:12:00Z",
                        "v.badrow",
                        "",
                        "LISTING_VIEW",
                        "web",
                        PROPS[0].ref,
                        PROPS[0].branch,
                        PROPS[0].beds,
                        "FLT",
                        PROPS[0].rent,
                        "",
                        "",
                    ]
                )
                bad_done = True

    with open(folder / "social_clicks.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(social_rows, key=lambda r: r["click_ts"]):
            utc = r["click_ts"].replace(tzinfo=LONDON_TZ).astimezone(UTC)
            f.write(
                json.dumps(
                    {
                        "click_id": r["click_id"],
                        "network": r["network"],
                        "campaign_name": r["campaign"],
                        "clicked_at": utc.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                    }
                )
                + "\n"
            )
        f.write('{"click_id": "fb.truncated", "network": "meta", "campaign_na\n')

    with open(folder / "portal_leads.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "received",
                "portal",
                "lead_type",
                "listing_ref",
                "bedrooms",
                "property_type",
                "asking_rent",
                "agent_branch_id",
                "contact_email_sha",
            ]
        )
        for ts, portal, lt, prop, contact in sorted(feed_rows, key=lambda r: (r[0], r[4])):
            w.writerow(
                [
                    ts.strftime("%d/%m/%Y %H:%M"),
                    portal,
                    lt,
                    prop.ref,
                    prop.beds,
                    prop.ptype,
                    prop.rent,
                    FEED_BRANCH_ID[prop.branch],
                    contact,
                ]
            )

    with open(folder / "crm_applicants.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ApplicantRef",
                "EmailHash",
                "RegisteredOn",
                "BranchCode",
                "Src_Channel",
                "BudgetBand",
                "HouseholdType",
                "EmploymentType",
                "GuarantorYN",
                "StatusCd",
            ]
        )
        crm = [p for p in persons if p.ref is not None]
        for p in sorted(crm, key=lambda p: p.ref):
            status = p.status
            if status == "10":
                status = "90" if p.reg_ts < END - timedelta(days=120) else "10"
            w.writerow(
                [
                    p.ref,
                    p.email_hash,
                    p.reg_ts.strftime("%d/%m/%Y %H:%M:%S"),
                    p.branch,
                    SRC_CODE[p.src],
                    p.budget,
                    HOUSEHOLD[p.household],
                    EMPLOY[p.employment],
                    "Y" if p.guarantor else "N",
                    status,
                ]
            )

    with open(folder / "crm_activity.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ActivityDate",
                "ApplicantRef",
                "ActivityType",
                "ActChannel",
                "BranchCode",
                "PropRef",
                "Beds",
                "PropType",
                "Furnished",
                "RentPCM",
                "TenancyRef",
                "FeeGBP",
                "OutcomeCd",
            ]
        )
        for ts, ref, what, via, branch, prop, ten, fee, outcome, rent in sorted(
            activity_rows, key=lambda r: (r[0], r[1])
        ):
            w.writerow(
                [
                    ts.strftime("%d/%m/%Y %H:%M:%S"),
                    ref,
                    what,
                    via,
                    branch,
                    prop.ref if prop else "",
                    prop.beds if prop else "",
                    PTYPE_CODE[prop.ptype] if prop else "",
                    ("Y" if prop.furnished else "N") if prop else "",
                    f"{rent:.2f}" if rent is not None else "",
                    ten,
                    f"{fee:.2f}" if fee is not None else "",
                    outcome,
                ]
            )

    def iso(ts):
        return ts.strftime("%Y-%m-%d %H:%M") if ts else ""

    with open(folder / "maint_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "TicketNo",
                "TenantRef",
                "PropRef",
                "BranchCode",
                "LoggedVia",
                "Category",
                "ComplaintYN",
                "LoggedAt",
                "FirstResponseAt",
                "ResolvedAt",
                "SatScore",
            ]
        )
        for row in sorted(ticket_rows, key=lambda r: r[7]):
            tid, ref, pref, br, via, cat, comp, opened, first, res, sat = row
            w.writerow([tid, ref, pref, br, via, cat, comp, iso(opened), iso(first), iso(res), sat])

    with open(folder / "marketing_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["PostingDate", "Supplier", "CampaignName", "BranchCode", "NetGBP"])
        d = START
        while d < END:
            ds = d.strftime("%d/%m/%Y")
            if d.day == 1:  # monthly portal subscriptions per branch
                for br in _branch_codes:
                    london = br.startswith("LON")
                    w.writerow(
                        [
                            ds,
                            "Rightmove",
                            "Rightmove subscription",
                            br,
                            f"{(1450 if london else 1050) * R.uniform(0.98, 1.02):.2f}",
                        ]
                    )
                    w.writerow(
                        [
                            ds,
                            "Zoopla",
                            "Zoopla subscription",
                            br,
                            f"{(820 if london else 600) * R.uniform(0.98, 1.02):.2f}",
                        ]
                    )
                    w.writerow(
                        [
                            ds,
                            "OnTheMarket",
                            "OnTheMarket subscription",
                            br,
                            f"{(300 if london else 220):.2f}",
                        ]
                    )
            # always-on social and paid search, company level
            w.writerow([ds, "Meta Ads", "Always-on lettings", "HO", f"{R.uniform(38, 55):.2f}"])
            w.writerow(
                [
                    ds,
                    "Google Ads",
                    "Lettings search",
                    "HO",
                    f"{R.uniform(120, 170) * season(d):.2f}",
                ]
            )
            if STUDENT_CAMPAIGN[0] <= d < STUDENT_CAMPAIGN[1]:
                w.writerow(
                    [ds, "Meta Ads", "Student Summer Lets", "HO", f"{R.uniform(120, 170):.2f}"]
                )
                w.writerow(
                    [ds, "TikTok Ads", "Student Summer Lets", "HO", f"{R.uniform(160, 230):.2f}"]
                )
            if d.weekday() == 0 and d.month in (3, 4, 9):  # leaflet drops, spring and September
                for br in _branch_codes:
                    w.writerow(
                        [
                            ds,
                            "Leaflet print & drop",
                            "Leaflet drop",
                            br,
                            f"{R.uniform(140, 220):.2f}",
                        ]
                    )
            d += timedelta(days=1)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="lettings-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        if os.environ.get("LETTINGS_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["LETTINGS_KEEP_SOURCES"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
