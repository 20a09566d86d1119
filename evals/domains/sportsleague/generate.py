"""Sportsleague evaluation domain: PlayOn, amateur adult sports leagues in four UK cities.

    python generate.py OUT.duckdb

Writes PlayOn's own exports (seeded: the same files every run) to a temporary folder —

  lms_players.csv          league management system: player accounts ('DD/MM/YYYY HH:MM')
  lms_registrations.csv    league management system: season registrations (fees in pence)
  web_events.jsonl         website event log: epoch ms, cookie id, player_no after sign-up
  payments_provider.csv    payments provider: charges, failed instalments, refunds (ISO)
  fixtures_results.csv     fixtures and results export: one row per rostered player per fixture
  support_desk.csv         support desk tickets (ISO UTC with Z), requester by email hash
  post_season_survey.csv   post-season NPS survey
  marketing_monthly.csv    monthly marketing sheet (Meta, Google Ads, leaflets), GBP

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
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of; data ends the day before
LON = ZoneInfo("Europe/London")
STORM = (datetime(2026, 2, 9), datetime(2026, 2, 16))  # storm week (Mon-Sun)
OUTAGE = (datetime(2026, 9, 2), datetime(2026, 9, 4))  # payments provider outage 2-3 Sep
BRISTOL_LAUNCH = datetime(2026, 4, 1)
PRICE_RISE = datetime(
    2026, 8, 1
)  # team fees up from the September season (registration opens 3 Aug)
INSTAGRAM_SLIP = datetime(2026, 6, 1)  # Instagram leads convert worse from June, spend goes up

R = random.Random(SEED)

CITIES = ["Manchester", "Birmingham", "Glasgow", "Bristol"]
SPORTS = ["5-a-side", "Netball", "Basketball", "Volleyball"]
OUTDOOR = {"5-a-side", "Netball"}
SQUAD = {"5-a-side": (7, 9), "Netball": (8, 10), "Basketball": (7, 9), "Volleyball": (7, 9)}
TEAM_FEE_OLD = {"5-a-side": 42000, "Netball": 38000, "Basketball": 45000, "Volleyball": 36000}
TEAM_FEE_NEW = {"5-a-side": 47500, "Netball": 42500, "Basketball": 50000, "Volleyball": 40500}
PLAYER_FEE = {"5-a-side": 5500, "Netball": 5000, "Basketball": 6000, "Volleyball": 4800}
FREE_AGENT_FEE = 6000
LEAGUE_NIGHT = {"5-a-side": 1, "Netball": 2, "Basketball": 3, "Volleyball": 0}  # Mon=0
VENUES = {
    "Manchester": {
        "5-a-side": "Powerleague Ardwick",
        "Netball": "Platt Fields Courts",
        "Basketball": "Amaechi Centre",
        "Volleyball": "Amaechi Centre",
    },
    "Birmingham": {
        "5-a-side": "Goals Aston",
        "Netball": "Edgbaston Courts",
        "Basketball": "Nechells Wellbeing Centre",
        "Volleyball": "Nechells Wellbeing Centre",
    },
    "Glasgow": {
        "5-a-side": "Toryglen Football Centre",
        "Netball": "Scotstoun Courts",
        "Basketball": "Emirates Arena",
        "Volleyball": "Emirates Arena",
    },
    "Bristol": {
        "5-a-side": "Goals Bristol",
        "Netball": "Horfield Courts",
        "Basketball": "SGS WISE Arena",
        "Volleyball": "SGS WISE Arena",
    },
}
# season: (name, first fixture, weeks, registration opens)
SEASONS = [
    ("Winter 2026", datetime(2026, 1, 12), 12, datetime(2025, 12, 7)),
    ("Spring/Summer 2026", datetime(2026, 4, 13), 14, datetime(2026, 3, 2)),
    ("Autumn 2026", datetime(2026, 9, 7), 12, datetime(2026, 8, 3)),
]
BASE_TEAMS = {"Manchester": 34, "Birmingham": 30, "Glasgow": 26, "Bristol": 0}
SPORT_SHARE = {"5-a-side": 0.5, "Netball": 0.14, "Basketball": 0.19, "Volleyball": 0.17}
NETBALL_GROWTH = [1.0, 1.7, 2.6]
# traffic sources as the website writes them (utm_source)
UTM = ["fb", "ig", "google_cpc", "referral_friend", "workplace", "(direct)", "leaflet_qr"]
UTM_W = [0.26, 0.18, 0.26, 0.1, 0.06, 0.1, 0.04]
HEARD = {
    "fb": "Facebook",
    "ig": "Instagram",
    "google_cpc": "Google",
    "referral_friend": "A friend",
    "workplace": "Work team",
    "(direct)": "Google",
    "leaflet_qr": "Leaflet",
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


def within(ts):
    return START <= ts < END


def evening(d, lo=17, hi=22):
    return datetime(d.year, d.month, d.day, R.randrange(lo, hi), R.randrange(60))


HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.4,
    1,
    1.6,
    1.6,
    1.5,
    1.6,
    2.4,
    2,
    1.6,
    1.6,
    1.8,
    2.2,
    2.8,
    3.4,
    3.8,
    3.6,
    2.4,
    0.9,
]


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


players, regs, web, pays, fixtures, tickets, nps = ([] for _ in range(7))
seq = {"player": 20000, "reg": 0, "team": 0, "pay": 0, "fix": 0, "tkt": 0, "cookie": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city, created=None, heard="", ptype="Player"):
        self.pno = f"{nxt('player'):06d}"
        self.email = h(f"mail{self.pno}")[:20]
        self.cookie = None
        self.city = city
        self.created = created
        self.heard = heard
        self.ptype = ptype
        self.age = pick(["18-24", "25-34", "35-44", "45+"], [0.22, 0.44, 0.24, 0.1])
        self.gender = pick(["F", "M", "Other / not say"], [0.42, 0.55, 0.03])
        self.signed_up = created is not None
        if created is not None:
            players.append(self)


class Team:
    def __init__(self, city, sport, captain, workplace):
        self.ref = f"T{nxt('team'):05d}"
        self.city, self.sport, self.captain, self.workplace = city, sport, captain, workplace
        self.members = []
        self.fee_type = "Per Team" if chance(0.68) else "Per Player"
        self.name = f"{city[:3].upper()}-{sport[:3].upper()}-{self.ref}"


def w(p, ts, event, utm, sport="", city="", known=True):
    if not within(ts):
        return False
    if p.cookie is None:
        p.cookie = "ck_" + h(f"ck{nxt('cookie')}")[:14]
    web.append(
        (
            ts,
            p.cookie,
            p.pno if (known and p.signed_up) else None,
            event,
            utm,
            sport,
            city or p.city,
        )
    )
    return True


def sign_up(p, ts, utm, sport, ptype):
    """Web signup: before account_created the log knows only the cookie."""
    w(p, ts, "signup_start", utm, sport, known=False)
    if not p.signed_up:
        p.signed_up = True
        p.created = ts + timedelta(minutes=R.uniform(1, 4))
        p.ptype = ptype
        players.append(p)
    w(p, p.created, "account_created", utm, sport)
    return p.created + timedelta(minutes=R.uniform(1, 6))


def browse(p, ts, utm, sport):
    """First visits before registering: landing, league pages."""
    t = ts - timedelta(days=R.choice([0, 0, 0, 1, 2, 4, 8]), minutes=R.uniform(0, 600))
    w(p, t, "landing", utm, sport, known=False)
    for i in range(R.choice([1, 1, 2, 3])):
        w(
            p,
            t + timedelta(minutes=1 + 2 * i + R.uniform(0, 1.5)),
            "league_page",
            utm,
            sport,
            known=False,
        )
    return t


def pay(p, ts, amount_p, plan, n_inst, reg_ref, season, sport):
    """Charges at the provider. Returns False when the person never paid."""
    paid_any = False
    for i in range(n_inst):
        t = (
            ts + timedelta(minutes=R.uniform(1, 8))
            if i == 0
            else ts + timedelta(days=28 * i, hours=R.uniform(6, 10))
        )
        amt = round(amount_p / n_inst)
        tries = 0
        while tries < 3:
            tries += 1
            if not within(t):
                return paid_any
            fail_p = 0.025 if i == 0 else 0.08
            reason = pick(
                ["card_declined", "insufficient_funds", "expired_card"], [0.5, 0.35, 0.15]
            )
            if OUTAGE[0] <= t < OUTAGE[1]:
                fail_p, reason = 1.0, "provider_unavailable"
            if chance(fail_p):
                pays.append(
                    (p, t, "failed", amt, i + 1, n_inst, plan, reason, reg_ref, season, sport)
                )
                if reason == "provider_unavailable":
                    if chance(0.5):
                        ticket(
                            p, t + timedelta(hours=R.uniform(0.5, 20)), "Payment problem", mood=1.5
                        )
                    if chance(0.22 if i == 0 else 0.05):
                        return paid_any  # gave up
                    t = OUTAGE[1] + timedelta(hours=R.uniform(8, 60))
                else:
                    if chance(0.15):
                        ticket(
                            p, t + timedelta(hours=R.uniform(1, 48)), "Payment problem", mood=0.5
                        )
                    t = t + timedelta(days=3 if i else 0, hours=R.uniform(0.2, 6))
                continue
            pays.append((p, t, "succeeded", amt, i + 1, n_inst, plan, "", reg_ref, season, sport))
            paid_any = True
            break
        else:
            return paid_any
    return paid_any


def ticket(p, ts, cat, mood=0.0):
    if not within(ts):
        return
    ch = pick(["Email", "Web form", "Phone", "WhatsApp"], [0.4, 0.3, 0.12, 0.18])
    fr = {
        "Email": R.uniform(1, 26),
        "Web form": R.uniform(1, 30),
        "Phone": R.uniform(0.01, 0.3),
        "WhatsApp": R.uniform(0.1, 4),
    }[ch]
    if OUTAGE[0] <= ts < OUTAGE[1] + timedelta(days=2) or STORM[0] <= ts < STORM[1] + timedelta(
        days=2
    ):
        fr *= 2.5
    res = (
        fr
        + {
            "Referee": R.uniform(12, 120),
            "Pitch quality": R.uniform(24, 200),
            "Fixture clash": R.uniform(4, 72),
            "Payment problem": R.uniform(2, 48),
            "Refund request": R.uniform(24, 240),
            "Account / login": R.uniform(0.5, 12),
        }[cat]
    )
    solved = ts + timedelta(hours=res)
    complaint = cat in ("Referee", "Pitch quality", "Fixture clash") or (mood > 1 and chance(0.4))
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        (
            f"PO-{nxt('tkt'):05d}",
            p,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            cat,
            ch,
            complaint,
            csat,
        )
    )


def reg_window_day(season_idx):
    _, first, _, opens = SEASONS[season_idx]
    days = (first - opens).days
    # the rush: most registrations in the last ten days before the first fixture
    x = R.betavariate(3.2, 1.2) if chance(0.85) else R.random()
    d = opens + timedelta(days=min(days - 1, int(x * days)))
    if season_idx == 0 and datetime(2025, 12, 23) <= d <= datetime(2025, 12, 27) and chance(0.7):
        d = datetime(2025, 12, 28) + timedelta(days=R.randrange(10))
    return d


def register(p, ts, team, regtype, kind, season_idx, fee_p, plan, n_inst):
    """A row in the LMS and its payment."""
    season = SEASONS[season_idx][0]
    ref = f"R{nxt('reg'):06d}"
    sport = team.sport if team else p.fa_sport
    city = team.city if team else p.city
    regs.append(
        (
            ref,
            p,
            team,
            ts,
            city,
            sport,
            season,
            regtype,
            kind,
            team.fee_type if team else "Per Player",
            fee_p,
            plan,
        )
    )
    if fee_p:
        return pay(p, ts, fee_p, plan, n_inst, ref, season, sport), ref
    return True, ref


def team_fee(sport, ts):
    return (TEAM_FEE_NEW if ts >= PRICE_RISE else TEAM_FEE_OLD)[sport]


def new_person_web(city, sport, d, utm, ptype):
    p = Person(city)
    t = at(d)
    start = browse(p, t, utm, sport)
    t = max(t, start + timedelta(minutes=10))
    return p, sign_up(p, t, utm, sport, ptype)


def season_roster(season_idx, prev_teams):
    _, first, _, opens = SEASONS[season_idx]
    teams = []
    targets = {}
    for city in CITIES:
        base = BASE_TEAMS[city] * (1.0 + 0.08 * season_idx)
        if city == "Bristol":
            base = [0, 16, 22][season_idx]
        for sport in SPORTS:
            share = SPORT_SHARE[sport] * (NETBALL_GROWTH[season_idx] if sport == "Netball" else 1.0)
            targets[(city, sport)] = max(0, round(base * share))
    count = {k: 0 for k in targets}
    # returning teams
    for tm in prev_teams:
        stay = 0.74
        if season_idx == 2 and tm.fee_type == "Per Team":
            stay = 0.6  # the price rise on team fees
        if tm.sport == "Netball":
            stay += 0.08
        if not chance(stay):
            continue
        d = reg_window_day(season_idx) - timedelta(days=R.randrange(0, 8))
        d = max(d, opens)
        t = evening(d, 8, 23)
        cap = tm.captain
        if cap.created is None:
            continue
        w(cap, t - timedelta(minutes=R.uniform(2, 6)), "login", "(direct)", tm.sport)
        fee = team_fee(tm.sport, t) if tm.fee_type == "Per Team" else PLAYER_FEE[tm.sport]
        n_inst = 3 if tm.fee_type == "Per Team" and chance(0.35) else 1
        ok, _ = register(
            cap,
            t,
            tm,
            "Returning",
            "Team Captain",
            season_idx,
            fee,
            "Instalments" if n_inst > 1 else "Pay in full",
            n_inst,
        )
        if not ok:
            continue
        members = [m for m in tm.members if chance(0.8)]
        tm.members = []
        for m in members:
            tj = t + timedelta(days=R.uniform(0.1, 6))
            if tj >= first:
                tj = first - timedelta(hours=R.uniform(2, 30))
            w(m, tj - timedelta(minutes=2), "login", "(direct)", tm.sport)
            fee_m = PLAYER_FEE[tm.sport] if tm.fee_type == "Per Player" else 0
            ok, _ = register(
                m, tj, tm, "Returning", "Team Member", season_idx, fee_m, "Pay in full", 1
            )
            if ok:
                tm.members.append(m)
        fill_team(tm, season_idx, t, first)
        teams.append(tm)
        count[(tm.city, tm.sport)] = count.get((tm.city, tm.sport), 0) + 1
    # new teams
    for (city, sport), target in targets.items():
        for _ in range(max(0, target - count[(city, sport)])):
            d = reg_window_day(season_idx)
            workplace = chance(0.16)
            utm = "workplace" if workplace else pick(UTM, UTM_W)
            if city == "Bristol" and chance(0.25):
                utm = "leaflet_qr"
            cap, t = new_person_web(city, sport, d, utm, "Captain")
            cap.heard = HEARD[utm]
            tm = Team(city, sport, cap, workplace)
            fee = team_fee(sport, t) if tm.fee_type == "Per Team" else PLAYER_FEE[sport]
            n_inst = 3 if tm.fee_type == "Per Team" and chance(0.38) else 1
            ok, _ = register(
                cap,
                t,
                tm,
                "New",
                "Team Captain",
                season_idx,
                fee,
                "Instalments" if n_inst > 1 else "Pay in full",
                n_inst,
            )
            if not ok:
                continue
            fill_team(tm, season_idx, t, first)
            teams.append(tm)
    return teams


def fill_team(tm, season_idx, t, first):
    lo, hi = SQUAD[tm.sport]
    need = R.randint(lo, hi) - 1 - len(tm.members)
    for _ in range(max(0, need)):
        tj = t + timedelta(days=R.uniform(0.05, 8))
        if tj >= first:
            tj = first - timedelta(hours=R.uniform(2, 30))
        utm = "workplace" if tm.workplace else "referral_friend"
        m = Person(tm.city)
        m.heard = "Work team" if tm.workplace else "A friend"
        w(m, tj - timedelta(minutes=R.uniform(5, 20)), "invite_opened", utm, tm.sport, known=False)
        tj = sign_up(m, tj - timedelta(minutes=4), utm, tm.sport, "Player")
        fee_m = PLAYER_FEE[tm.sport] if tm.fee_type == "Per Player" else 0
        ok, _ = register(m, tj, tm, "New", "Team Member", season_idx, fee_m, "Pay in full", 1)
        if ok:
            tm.members.append(m)


def free_agents(season_idx, teams):
    _, first, _, _ = SEASONS[season_idx]
    n = [40, 60, 70][season_idx]
    by_key = {}
    for tm in teams:
        by_key.setdefault((tm.city, tm.sport), []).append(tm)
    for _ in range(n):
        city = pick(CITIES, [0.32, 0.28, 0.22, 0.18 if season_idx else 0.0])
        sport = pick(SPORTS, [0.45, 0.25 * NETBALL_GROWTH[season_idx] / 1.5, 0.16, 0.14])
        d = reg_window_day(season_idx)
        utm = pick(UTM, [0.3, 0.22, 0.3, 0.02, 0.0, 0.08, 0.08])
        p, t = new_person_web(city, sport, d, utm, "Free agent")
        p.heard = HEARD[utm]
        p.fa_sport = sport
        ok, _ = register(
            p, t, None, "New", "Free Agent", season_idx, FREE_AGENT_FEE, "Pay in full", 1
        )
        if not ok:
            continue
        cands = by_key.get((city, sport))
        if cands and chance(0.85):
            R.choice(cands).members.append(p)
        else:
            tr = first + timedelta(days=R.uniform(1, 6))
            if within(tr):
                pays.append(
                    (
                        p,
                        tr,
                        "refunded",
                        -FREE_AGENT_FEE,
                        1,
                        1,
                        "Pay in full",
                        "",
                        "",
                        SEASONS[season_idx][0],
                        sport,
                    )
                )
                ticket(p, tr - timedelta(days=R.uniform(0, 3)), "Refund request", mood=0.8)


def browsers():
    """Visitors who look, some create an account, and never register."""
    for k in range((END - START).days):
        d = START + timedelta(days=k)
        lam = 6.0
        for _, first, _, opens in SEASONS:
            if opens <= d < first:
                lam = 16.0
        for _ in range(poisson(lam)):
            city = pick(
                CITIES,
                [0.32, 0.28, 0.22, 0.18 if d >= BRISTOL_LAUNCH - timedelta(days=30) else 0.0],
            )
            sport = pick(SPORTS, [0.5, 0.2, 0.16, 0.14])
            utm = pick(UTM, [0.3, 0.24, 0.3, 0.02, 0.0, 0.1, 0.04])
            if utm != "ig" and d >= INSTAGRAM_SLIP and chance(0.12):
                utm = "ig"  # more Instagram spend, more (worse) Instagram traffic
            p = Person(city)
            t = at(d)
            w(p, t, "landing", utm, sport, known=False)
            if chance(0.55):
                w(p, t + timedelta(minutes=R.uniform(1, 3)), "league_page", utm, sport, known=False)
                if chance(0.1 if utm == "ig" and d >= INSTAGRAM_SLIP else 0.22):
                    p.heard = HEARD[utm]
                    sign_up(p, t + timedelta(minutes=R.uniform(4, 9)), utm, sport, "Player")


def play_season(season_idx, teams):
    _, first, weeks, _ = SEASONS[season_idx]
    for tm in teams:
        roster = [tm.captain, *tm.members]
        for p in roster:
            if chance(0.6):
                tv = first - timedelta(days=R.uniform(1, 6))
                w(p, evening(tv, 8, 23), "fixtures_viewed", "(direct)", tm.sport, tm.city)
        for wk in range(weeks):
            d = first + timedelta(days=7 * wk + LEAGUE_NIGHT[tm.sport])
            ko = datetime(d.year, d.month, d.day, R.choice([18, 19, 20, 21]), R.choice([0, 0, 30]))
            if not within(ko):
                continue
            fid = f"F{nxt('fix'):06d}"
            venue = VENUES[tm.city][tm.sport]
            storm = STORM[0] <= ko < STORM[1]
            p_weather = 0.0
            if storm:
                p_weather = 0.85 if tm.sport in OUTDOOR else 0.12
                if tm.city == "Glasgow":
                    p_weather = min(0.97, p_weather + 0.1)
            elif tm.sport in OUTDOOR and ko.month in (12, 1, 2, 11):
                p_weather = 0.03
            if chance(p_weather):
                for p in roster:
                    fixtures.append((fid, tm, p, ko, venue, "WEATHER", season_idx))
                if chance(0.08):
                    ticket(
                        tm.captain,
                        ko + timedelta(hours=R.uniform(1, 40)),
                        "Refund request",
                        mood=0.6,
                    )
                continue
            if chance(0.035):
                for p in roster:
                    fixtures.append((fid, tm, p, ko, venue, "FORFEIT", season_idx))
                continue
            for p in roster:
                att = 0.84 if p is tm.captain else 0.74
                fixtures.append(
                    (fid, tm, p, ko, venue, "ATTENDED" if chance(att) else "NO_SHOW", season_idx)
                )
            if chance(0.85):
                w(
                    tm.captain,
                    ko + timedelta(hours=R.uniform(1.2, 20)),
                    "score_reported",
                    "(direct)",
                    tm.sport,
                    tm.city,
                )
            ref_p = 0.03 if tm.sport == "5-a-side" else 0.01
            if tm.city == "Birmingham" and tm.sport == "5-a-side" and ko >= datetime(2026, 4, 13):
                ref_p = 0.06  # new refereeing contractor in Birmingham
            if chance(ref_p):
                ticket(
                    R.choice(roster), ko + timedelta(hours=R.uniform(2, 30)), "Referee", mood=1.2
                )
            pitch_p = 0.012 if tm.sport in OUTDOOR and ko.month in (12, 1, 2, 3) else 0.004
            if chance(pitch_p):
                ticket(
                    R.choice(roster),
                    ko + timedelta(hours=R.uniform(2, 30)),
                    "Pitch quality",
                    mood=1.0,
                )
        if chance(0.05):
            ticket(tm.captain, first + timedelta(days=R.uniform(-3, 30)), "Fixture clash", mood=0.8)
        # post-season survey
        end = first + timedelta(days=7 * weeks)
        for p in roster:
            if chance(0.3):
                t = end + timedelta(days=R.uniform(0.5, 6), hours=R.uniform(0, 4))
                if not within(t):
                    continue
                mean = {"5-a-side": 7.2, "Netball": 8.6, "Basketball": 7.8, "Volleyball": 8.0}[
                    tm.sport
                ]
                if season_idx == 0 and tm.sport in OUTDOOR:
                    mean -= 0.8  # the storm
                if tm.city == "Bristol":
                    mean += 0.4
                if tm.city == "Birmingham" and tm.sport == "5-a-side" and season_idx >= 1:
                    mean -= 1.4  # referees
                if season_idx == 2 and tm.fee_type == "Per Team":
                    mean -= 0.5  # price rise
                score = max(0, min(10, round(R.gauss(mean, 1.7))))
                comment = ""
                if chance(0.35):
                    comment = R.choice(
                        [
                            "Great fun, well organised",
                            "Refs were inconsistent",
                            "Pitch was waterlogged",
                            "Love the league nights",
                            "Too expensive now",
                            "Fixtures clashed with work",
                            "Friendly teams",
                            "Good value",
                        ]
                    )
                nps.append((p, t, score, comment, SEASONS[season_idx][0], tm.sport, tm.city))


def account_tickets():
    for p in R.sample(players, k=len(players) // 25):
        if p.created:
            ticket(p, p.created + timedelta(days=R.uniform(0, 60)), "Account / login")


def simulate():
    # teams that played in the autumn 2025 season (before the data starts)
    prev = []
    for city in ["Manchester", "Birmingham", "Glasgow"]:
        for sport in SPORTS:
            for _ in range(round(BASE_TEAMS[city] * SPORT_SHARE[sport] * 0.85)):
                cap = Person(
                    city,
                    START - timedelta(days=R.uniform(90, 900)),
                    pick(list(HEARD.values()), [1] * 7),
                    "Captain",
                )
                tm = Team(city, sport, cap, chance(0.16))
                for _ in range(R.randint(*SQUAD[sport]) - 1):
                    m = Person(
                        city,
                        START - timedelta(days=R.uniform(60, 900)),
                        "Work team" if tm.workplace else "A friend",
                        "Player",
                    )
                    tm.members.append(m)
                prev.append(tm)
    for s in range(3):
        teams = season_roster(s, prev)
        free_agents(s, teams)
        play_season(s, teams)
        prev = teams
    browsers()
    account_tickets()


def iso_offset(ts):  # naive London local -> ISO 8601 with the local offset
    return ts.replace(tzinfo=LON).isoformat(timespec="seconds")


def utc_z(ts):
    return ts.replace(tzinfo=LON).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch_ms(ts):
    return int(ts.replace(tzinfo=LON).timestamp() * 1000) + R.randrange(1000)


def write(folder: Path):
    with open(folder / "lms_players.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(
            [
                "PlayerNo",
                "EmailHash",
                "CreatedOn",
                "HomeCity",
                "AgeBand",
                "Gender",
                "PlayerType",
                "HeardAboutUs",
            ]
        )
        for p in sorted(players, key=lambda p: p.pno):
            if p.created >= END:
                continue
            wr.writerow(
                [
                    p.pno,
                    p.email,
                    f"{p.created:%d/%m/%Y %H:%M}",
                    p.city,
                    p.age,
                    p.gender,
                    p.ptype,
                    p.heard,
                ]
            )
    with open(folder / "lms_registrations.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(
            [
                "RegRef",
                "PlayerNo",
                "TeamRef",
                "RegisteredOn",
                "City",
                "Sport",
                "Season",
                "RegStatus",
                "RegType",
                "FeeBasis",
                "FeePence",
                "PaymentPlan",
            ]
        )
        for r in sorted(regs, key=lambda r: (r[3], r[0])):
            if not within(r[3]):
                continue
            wr.writerow(
                [
                    r[0],
                    r[1].pno,
                    r[2].ref if r[2] else "",
                    f"{r[3]:%d/%m/%Y %H:%M}",
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                    r[10],
                    r[11],
                ]
            )
    with open(folder / "web_events.jsonl", "w") as f:
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "ts": epoch_ms(r[0]),
                "cookie_id": r[1],
                "player_no": r[2],
                "event": r[3],
                "utm_source": r[4],
                "sport": r[5] or None,
                "city": r[6],
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "payments_provider.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(
            [
                "charge_id",
                "customer_reference",
                "created",
                "status",
                "amount_gbp",
                "instalment",
                "instalments_total",
                "plan",
                "failure_code",
                "registration_ref",
                "description",
            ]
        )
        for r in sorted(pays, key=lambda r: r[1]):
            if not within(r[1]):
                continue
            wr.writerow(
                [
                    f"ch_{nxt('pay'):07d}",
                    r[0].pno,
                    iso_offset(r[1]),
                    r[2],
                    f"{r[3] / 100:.2f}",
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    f"{r[9]} {r[10]}",
                ]
            )
    with open(folder / "fixtures_results.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(
            [
                "FixtureID",
                "TeamRef",
                "PlayerNo",
                "KickOff",
                "Venue",
                "City",
                "Sport",
                "Season",
                "Outcome",
            ]
        )
        for fid, tm, p, ko, venue, outcome, s in sorted(
            fixtures, key=lambda r: (r[3], r[0], r[2].pno)
        ):
            wr.writerow(
                [
                    fid,
                    tm.ref,
                    p.pno,
                    f"{ko:%Y-%m-%d %H:%M}",
                    venue,
                    tm.city,
                    tm.sport,
                    SEASONS[s][0],
                    outcome,
                ]
            )
    with open(folder / "support_desk.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(
            [
                "ticket_id",
                "requester_email_hash",
                "created_at",
                "first_reply_at",
                "solved_at",
                "category",
                "via",
                "complaint",
                "satisfaction",
            ]
        )
        for tid, p, ts, fr, solved, cat, ch, complaint, csat in sorted(tickets, key=lambda r: r[0]):
            wr.writerow(
                [
                    tid,
                    p.email,
                    utc_z(ts),
                    utc_z(fr) if fr < END else "",
                    utc_z(solved) if solved else "",
                    cat,
                    ch,
                    "yes" if complaint else "no",
                    csat,
                ]
            )
    with open(folder / "post_season_survey.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(
            ["PlayerNo", "Submitted", "LikelyToRecommend", "Comment", "Season", "Sport", "City"]
        )
        for p, t, score, comment, season, sport, city in sorted(
            nps, key=lambda r: (r[1], r[0].pno)
        ):
            wr.writerow([p.pno, f"{t:%d/%m/%Y %H:%M}", score, comment, season, sport, city])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["Month", "Channel", "City", "SpendGBP"])
        m = datetime(2025, 12, 1)
        while m < END:
            rush = m.month in (12, 1, 3, 4, 8, 9)
            for city in CITIES:
                if city == "Bristol" and m < datetime(2026, 3, 1):
                    continue
                scale = {"Manchester": 1.0, "Birmingham": 0.9, "Glasgow": 0.75, "Bristol": 1.1}[
                    city
                ]
                for ch, base in [
                    ("Meta - Facebook", 900),
                    ("Meta - Instagram", 650),
                    ("Google Ads", 1000),
                    ("Leaflets", 150),
                ]:
                    amt = base * scale * (1.8 if rush else 1.0) * R.uniform(0.9, 1.1)
                    if ch == "Meta - Instagram" and m >= INSTAGRAM_SLIP:
                        amt *= 1.5
                    if (
                        ch == "Leaflets"
                        and city == "Bristol"
                        and m in (datetime(2026, 3, 1), datetime(2026, 4, 1))
                    ):
                        amt *= 6
                    wr.writerow([f"{m:%b %Y}", ch, city, f"{amt:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="sportsleague-src-") as tmp:
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
