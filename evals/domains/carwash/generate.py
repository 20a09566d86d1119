"""Car-wash evaluation domain: ShineLane Car Wash, express tunnels in Phoenix and Tucson, AZ.

    python generate.py OUT.duckdb

Writes ShineLane's own exports (seeded: the same files every run) to a temporary folder —

  pos_tunnel_txns.csv       POS / tunnel controller: one row per car through a tunnel; local
                            12-hour times (MM/DD/YYYY hh:mm AM), TXN_TYPE SALE / MEMBER / FLEET /
                            PROMO, wash package, add-on, amount in dollars, LPR plate hash and
                            plate state, member no., card fingerprint, app account, fleet account
  stripe_events.jsonl       membership billing (Stripe-like): subscription.* and invoice.* events,
                            `created` ISO UTC with Z, `amount` in cents
  stripe_customers.jsonl    billing customers (club members): plan, family/individual, home location
  app_events.jsonl          app analytics: camelCase eventName, deviceId always, accountId only
                            after sign-up, ISO local times with -07:00
  app_accounts.csv          app accounts: acquisition source, home site
  app_visit_ratings.csv     in-app 1–5 star visit ratings
  care_cases.csv            customer-care system: damage claims and service complaints
  nps_survey.csv            NPS survey (0–10), MM/DD/YYYY HH:MM local
  weekly_spend.csv          marketing spend sheet per channel per week (weeks start Sunday)

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

SEED = 20261202
START = datetime(2025, 12, 2)
END = datetime(2026, 12, 2)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
PRICE_UP = datetime(2026, 2, 1)  # Ultimate Club $39.99 -> $44.99 on renewals from Feb 1
CONVEYOR = (datetime(2026, 8, 9), datetime(2026, 8, 16))  # Tempe conveyor fault, Sun-Sat
CONVEYOR_SITE = "Tempe - Rural Rd"
GADS_OCT = (datetime(2026, 10, 1), datetime(2026, 11, 1))  # Google Ads overspend
SNOWBIRD = (datetime(2026, 1, 1), datetime(2026, 4, 1))
# monsoon dust storms (haboobs): date -> metros hit
STORMS = {
    date(2026, 7, 9): ("Phoenix",),
    date(2026, 7, 15): ("Tucson",),
    date(2026, 7, 22): ("Phoenix", "Tucson"),
    date(2026, 8, 3): ("Phoenix",),
    date(2026, 8, 11): ("Tucson",),
    date(2026, 8, 24): ("Phoenix",),
    date(2026, 9, 4): ("Phoenix", "Tucson"),
}
AFTER_STORM = {0: 0.45, 1: 2.6, 2: 1.9, 3: 1.35}

# (site name, metro, opened)
SITES = [
    ("Phoenix - Camelback", "Phoenix", None),
    ("Phoenix - Bell Rd", "Phoenix", None),
    ("Scottsdale - Shea", "Phoenix", None),
    ("Tempe - Rural Rd", "Phoenix", None),
    ("Mesa - Power Rd", "Phoenix", None),
    ("Gilbert - Val Vista", "Phoenix", None),
    ("Chandler - Alma School", "Phoenix", None),
    ("Glendale - 83rd Ave", "Phoenix", None),
    ("Peoria - Lake Pleasant", "Phoenix", None),
    ("Avondale - Dysart", "Phoenix", None),
    ("Surprise - Bell Rd", "Phoenix", None),
    ("Queen Creek - Ellsworth", "Phoenix", None),
    ("Tucson - Speedway", "Tucson", None),
    ("Tucson - Broadway", "Tucson", None),
    ("Tucson - Oracle Rd", "Tucson", date(2026, 3, 14)),
    ("Tucson - Grant Rd", "Tucson", date(2026, 4, 18)),
]
SITE_W = [1.2, 1.0, 1.1, 1.0, 1.1, 1.1, 1.0, 0.9, 0.9, 0.8, 0.8, 0.8, 1.0, 0.9, 1.1, 1.0]
METRO = {s: m for s, m, _ in SITES}
OPENED = {s: o for s, _, o in SITES}
MARKET_CODE = {"Phoenix": "PHX", "Tucson": "TUC"}

TIERS = ["express", "deluxe", "ultimate"]
PKG_OF_TIER = {"express": "BASIC", "deluxe": "DELUXE", "ultimate": "ULTIMATE"}
SINGLE_PRICE = {"BASIC": 10.0, "DELUXE": 17.0, "ULTIMATE": 25.0}
ADDONS = {"TIRE SHINE": 3.0, "CERAMIC SHIELD": 7.0, "RAIN REPEL": 4.0}
SOURCES = ["google_ads", "meta", "yelp", "radio", "referral", "organic"]
SOURCE_W = [0.3, 0.22, 0.1, 0.08, 0.1, 0.2]
JOIN_LIFT = {
    "google_ads": 1.0,
    "meta": 0.8,
    "yelp": 1.15,
    "radio": 0.9,
    "referral": 1.6,
    "organic": 1.2,
    "grand_opening": 1.4,
}
CANCEL_REASONS = [
    "not_using_enough",
    "moving_away",
    "too_expensive",
    "switched_competitor",
    "vehicle_sold",
    "other",
]
CANCEL_W = [0.32, 0.18, 0.15, 0.1, 0.12, 0.13]

R = random.Random(SEED)


def chance(p):
    return R.random() < p


def pick(opts, w=None):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text, n=12):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def day(i):
    return START + timedelta(days=i)


def idx(ts):
    return (ts - START).days


def within(ts):
    return START <= ts < END


WASH_HOURS = [0] * 7 + [2, 4, 6, 7, 7, 7, 6, 6, 6, 7, 7, 6, 4, 2] + [0] * 3


def at(d, hours=WASH_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def is_open(site, d):
    o = OPENED[site]
    return o is None or (d.date() if isinstance(d, datetime) else d) >= o


def day_weight(site, i):
    d = day(i)
    if not is_open(site, d):
        return 0.0
    w = {5: 1.5, 6: 1.25, 4: 1.1}.get(d.weekday(), 0.9)
    w *= {1: 1.1, 2: 1.12, 3: 1.08, 6: 0.85, 7: 0.9, 8: 0.9, 9: 0.92}.get(d.month, 1.0)
    for k, f in AFTER_STORM.items():
        if METRO[site] in STORMS.get(d.date() - timedelta(days=k), ()):
            w *= f
    if site == CONVEYOR_SITE and CONVEYOR[0] <= d < CONVEYOR[1]:
        w *= 0.6
    o = OPENED[site]
    if o is not None and 0 <= (d.date() - o).days < 30:
        w *= 1.3  # a new site's first month
    return w


W = {s: [day_weight(s, i) for i in range(N_DAYS)] for s, _, _ in SITES}


def open_sites(metro, d):
    return [s for s, m, _ in SITES if m == metro and is_open(s, d)]


def home_site(d, metro=None):
    opts = [
        (s, w)
        for (s, m, _), w in zip(SITES, SITE_W, strict=True)
        if is_open(s, d) and (metro is None or m == metro)
    ]
    return pick([s for s, _ in opts], [w for _, w in opts])


# ---------------------------------------------------------------------------------------------
pos, stripe_ev, stripe_cust, app_ev, app_acc, ratings, cases, nps = ([] for _ in range(8))
seq = {
    "txn": 4100000,
    "cus": 0,
    "member": 4000,
    "acct": 1040000,
    "case": 21000,
    "inv": 0,
    "rating": 0,
    "resp": 0,
    "fleet": 0,
    "person": 0,
    "evt": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, site, plate_state="AZ"):
        self.n = nxt("person")
        self.site = site
        self.metro = METRO[site]
        self.plate_state = plate_state
        self.card = None
        self.device = None
        self.acct = None
        self.cus = None
        self.member_no = None
        self.plates = []
        self.tier = None
        self.source = None
        self.platform = "ios" if self.n % 8 < 5 else "android"

    def card_fp(self):
        if self.card is None:
            self.card = "fp_" + h(f"card{self.n}", 16)
        return self.card


def visit_site(p, d):
    if chance(0.8) and is_open(p.site, d):
        return p.site
    opts = open_sites(p.metro, d)
    return R.choice(opts)


def wash(p, ts, kind, site, pay, pkg, amount=None, plate=None, promo="", fleet=""):
    """A car through the tunnel (a POS row), then maybe a rating, a claim or a complaint."""
    if not within(ts):
        return
    addon = ""
    if kind == "SALE" and pkg != "ULTIMATE" and chance(0.3):
        addon = pick(list(ADDONS), [0.55, 0.25, 0.2])
    if amount is None:
        amount = SINGLE_PRICE[pkg] + (ADDONS[addon] if addon else 0.0)
    pos.append(
        {
            "TXN_NO": f"T{nxt('txn')}",
            "SITE_NAME": site,
            "MARKET": MARKET_CODE[METRO[site]],
            "TXN_DATETIME": ts,
            "TXN_TYPE": kind,
            "PAY_POINT": pay,
            "WASH_PKG": pkg,
            "ADDON": addon,
            "GROSS_AMT": f"{amount:.2f}",
            "PLATE_HASH": plate or "",
            "PLATE_ST": p.plate_state,
            "MEMBER_NO": p.member_no if kind == "MEMBER" else "",
            "CARD_FP": p.card_fp()
            if (pay == "PAY STATION" and kind == "SALE") or promo == "GRANDOPEN"
            else "",
            "APP_ACCT": p.acct if pay == "APP" else "",
            "FLEET_ACCT": fleet,
            "PROMO_CODE": promo,
        }
    )
    if fleet:
        return
    broken = site == CONVEYOR_SITE and CONVEYOR[0] <= ts < CONVEYOR[1]
    busy = any(METRO[site] in STORMS.get(ts.date() - timedelta(days=k), ()) for k in (1, 2))
    # in-app rating of the visit (app users only)
    if p.acct and chance(0.07):
        mean = 2.1 if broken else (4.0 if busy else 4.45)
        stars = max(1, min(5, round(R.gauss(mean, 0.8))))
        rt = ts + timedelta(minutes=R.uniform(5, 240))
        if within(rt):
            ratings.append(
                (
                    f"r{nxt('rating')}",
                    p.acct,
                    rt,
                    stars,
                    site,
                    {"MEMBER": "member", "SALE": "single", "PROMO": "free"}[kind],
                )
            )
    # damage claims
    if chance(0.2 if broken else 0.0011):
        part = pick(
            ["Wheel/Rim", "Mirror", "Antenna"], [0.85, 0.1, 0.05] if broken else [0.45, 0.35, 0.2]
        )
        case(
            p,
            ts + timedelta(hours=R.uniform(0.5, 30)),
            f"Damage Claim - {part}",
            site,
            damage=part,
            backlog=broken,
        )
    elif chance(0.0016 * (2.2 if busy else 1.0) + (0.02 if broken else 0)):
        case(p, ts + timedelta(hours=R.uniform(0.3, 20)), "Wash Quality", site)
    elif kind == "MEMBER" and chance(0.0008):
        case(p, ts + timedelta(hours=R.uniform(0.1, 6)), "LPR Not Recognized", site)


def case(p, ts, category, site, damage=None, backlog=False):
    if not within(ts):
        return
    method = pick(
        ["Phone", "Email", "Web Form", "App Chat"],
        [0.38, 0.25, 0.22, 0.15] if p.acct else [0.55, 0.25, 0.2, 0],
    )
    fr = {
        "Phone": R.uniform(0.02, 0.4),
        "Email": R.uniform(2, 30),
        "Web Form": R.uniform(3, 36),
        "App Chat": R.uniform(0.05, 1.2),
    }[method]
    if backlog:
        fr *= 2.5
    res_h = {
        "Wash Quality": R.uniform(2, 48),
        "LPR Not Recognized": R.uniform(1, 24),
        "Billing / Payment": R.uniform(4, 72),
        "Membership / Cancellation": R.uniform(2, 48),
        "Staff Complaint": R.uniform(12, 96),
    }.get(category) or R.uniform(48, 400) * (1.8 if backlog else 1)
    closed = ts + timedelta(hours=fr + res_h)
    paid = ""
    if damage and chance(0.85 if backlog else 0.6):
        lo, hi = {"Wheel/Rim": (120, 600), "Mirror": (80, 260), "Antenna": (30, 95)}[damage]
        paid = f"{R.uniform(lo, hi):.2f}"
    complaint = category.startswith("Damage") or category in ("Wash Quality", "Staff Complaint")
    csat = ""
    if chance(0.4):
        mean = 2.4 if damage and not paid else (2.9 if backlog else 4.0)
        csat = str(max(1, min(5, round(R.gauss(mean, 0.9)))))
    cases.append(
        {
            "case_id": f"CC-{nxt('case')}",
            "opened_at": ts,
            "first_reply_at": ts + timedelta(hours=fr),
            "closed_at": closed if closed < END and chance(0.97) else None,
            "category": category,
            "site": site,
            "contact_method": method,
            "complaint": "Y" if complaint else "N",
            "csat": csat,
            "member_no": p.member_no or "",
            "app_account": p.acct or "",
            "card_fp": p.card if not p.member_no and not p.acct and p.card else "",
            "claim_paid_usd": paid,
        }
    )


def app(p, ts, name, source="direct", **extra):
    if not within(ts):
        return
    if p.device is None:
        p.device = h(f"dev{p.n}", 8) + "-" + h(f"dev2{p.n}", 4) + "-" + h(f"dev3{p.n}", 12)
    app_ev.append((ts, p.device, p.acct or "", name, source, p.platform, extra.get("plan", "")))


def sign_up(p, ts):
    p.acct = f"A{nxt('acct')}"
    app_acc.append((p.acct, ts, p.device, p.site, p.source, p.metro))


def price(tier, ts):
    return {"express": 19.99, "deluxe": 29.99, "ultimate": 44.99 if ts >= PRICE_UP else 39.99}[tier]


def invoice_amount(tier, vehicles, ts):
    pr = price(tier, ts)
    return round(pr + (vehicles - 1) * (pr - 10.0), 2)


def bill(p, ts, typ, **kw):
    if not within(ts):
        return
    stripe_ev.append((ts, typ, p.cus, kw))


def add_month(d, n=1):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    dd = min(d.day, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return d.replace(year=y, month=m, day=dd)


def member(p, joined, tier, vehicles, via, preexisting=False, seasonal=False):
    """A club membership from `joined`: billing, LPR washes, upgrades, pauses, failures, churn."""
    p.tier = tier
    p.cus = "cus_" + h(f"cus{p.n}", 14)
    p.member_no = f"M-{nxt('member'):06d}"
    p.plates = [("lpr_" + h(f"plate{p.n}-{v}", 12), joined) for v in range(vehicles)]
    tiers = [(joined, tier)]
    p.card_fp()
    first_tier = tier
    if not preexisting:
        bill(
            p, joined, "customer.subscription.created", plan=tier, quantity=vehicles, joined_via=via
        )
        inv = f"in_{h('inv' + str(nxt('inv')), 14)}"
        bill(
            p,
            joined + timedelta(seconds=R.uniform(3, 40)),
            "invoice.paid",
            plan=tier,
            quantity=vehicles,
            amount=round(invoice_amount(tier, vehicles, joined) * 100),
            billing_reason="subscription_create",
            attempt_count=1,
            invoice=inv,
        )
    active = []  # (start, end) of time with a running membership
    cur = joined
    status = "active"
    renew = add_month(joined)
    while renew < START:
        renew = add_month(renew)
    seg_start = max(joined, START)
    home_tempe = p.site == CONVEYOR_SITE
    while renew < END:
        # churn decided before each renewal
        hz = 0.026
        reason = None
        if tier == "ultimate" and PRICE_UP <= renew < datetime(2026, 5, 1):
            hz = 0.15
        if home_tempe and datetime(2026, 8, 16) <= renew < datetime(2026, 10, 15):
            hz += 0.07
        if seasonal and renew >= datetime(2026, 3, 20):
            hz = 0.6
        if chance(hz):
            if seasonal and renew >= datetime(2026, 3, 20):
                reason = "seasonal"
            elif tier == "ultimate" and hz >= 0.15 and chance(0.75):
                reason = "too_expensive"
            elif home_tempe and renew >= datetime(2026, 8, 16) and chance(0.6):
                reason = "service_issue"
            else:
                reason = pick(CANCEL_REASONS, CANCEL_W)
            ct = renew - timedelta(days=R.uniform(0.5, 6), hours=R.uniform(0, 10))
            ct = max(ct, cur + timedelta(hours=1))
            bill(
                p,
                ct,
                "customer.subscription.deleted",
                plan=tier,
                quantity=vehicles,
                cancellation_reason=reason,
            )
            if chance(0.12):
                case(p, ct - timedelta(hours=R.uniform(1, 48)), "Membership / Cancellation", p.site)
            active.append((seg_start, ct))
            status = "canceled"
            break
        # pause for summer (seasonal) or a random pause
        if chance(0.012) or (seasonal and chance(0.2) and renew >= datetime(2026, 3, 15)):
            pt = renew - timedelta(days=R.uniform(1, 5))
            bill(p, pt, "customer.subscription.paused", plan=tier, quantity=vehicles)
            active.append((seg_start, pt))
            months = R.choice([1, 1, 2, 3])
            resume = add_month(renew, months)
            if resume >= END:
                status = "paused"
                break
            rt = resume - timedelta(hours=R.uniform(1, 30))
            bill(p, rt, "customer.subscription.resumed", plan=tier, quantity=vehicles)
            seg_start = rt
            renew = resume
        # upgrades / downgrades / vehicles
        if tier != "ultimate" and chance(0.013):
            new = TIERS[TIERS.index(tier) + 1]
            ut = renew - timedelta(days=R.uniform(2, 25))
            if ut > max(cur, START):
                bill(
                    p,
                    ut,
                    "customer.subscription.upgraded",
                    plan=new,
                    previous_plan=tier,
                    quantity=vehicles,
                )
                tier = new
                tiers.append((ut, tier))
        elif tier == "ultimate" and chance(
            0.07 if PRICE_UP <= renew < datetime(2026, 5, 1) else 0.01
        ):
            ut = renew - timedelta(days=R.uniform(2, 12))
            if ut > max(cur, START):
                bill(
                    p,
                    ut,
                    "customer.subscription.downgraded",
                    plan="deluxe",
                    previous_plan=tier,
                    quantity=vehicles,
                )
                tier = "deluxe"
                tiers.append((ut, tier))
        if vehicles < 4 and chance(0.006):
            vt = renew - timedelta(days=R.uniform(2, 20))
            if vt > max(cur, START):
                vehicles += 1
                p.plates.append(("lpr_" + h(f"plate{p.n}-{vehicles}", 12), vt))
                bill(p, vt, "customer.subscription.vehicle_added", plan=tier, quantity=vehicles)
        # the renewal itself
        rts = datetime(
            renew.year, renew.month, renew.day, R.randrange(1, 6), R.randrange(60), R.randrange(60)
        )
        amt = round(invoice_amount(tier, vehicles, rts) * 100)
        inv = f"in_{h('inv' + str(nxt('inv')), 14)}"
        if chance(0.075):
            code = pick(["card_declined", "insufficient_funds", "expired_card"], [0.5, 0.33, 0.17])
            recovered_at = pick([2, 3, 4, None], [0.4, 0.18, 0.12, 0.3])
            t = rts
            for attempt in range(1, 5):
                if recovered_at == attempt:
                    bill(
                        p,
                        t,
                        "invoice.paid",
                        plan=tier,
                        quantity=vehicles,
                        amount=amt,
                        billing_reason="subscription_cycle",
                        attempt_count=attempt,
                        invoice=inv,
                    )
                    break
                bill(
                    p,
                    t,
                    "invoice.payment_failed",
                    plan=tier,
                    quantity=vehicles,
                    amount=amt,
                    failure_code=code,
                    attempt_count=attempt,
                    invoice=inv,
                )
                if attempt == 1 and chance(0.15):
                    case(p, t + timedelta(hours=R.uniform(2, 40)), "Billing / Payment", p.site)
                t = t + timedelta(days=3, minutes=R.uniform(0, 90))
            else:
                ct = t - timedelta(days=3) + timedelta(hours=R.uniform(1, 3))
                bill(
                    p,
                    ct,
                    "customer.subscription.deleted",
                    plan=tier,
                    quantity=vehicles,
                    cancellation_reason="payment_failed",
                )
                active.append((seg_start, ct))
                status = "canceled"
                break
        else:
            bill(
                p,
                rts,
                "invoice.paid",
                plan=tier,
                quantity=vehicles,
                amount=amt,
                billing_reason="subscription_cycle",
                attempt_count=1,
                invoice=inv,
            )
        cur = renew
        renew = add_month(renew)
    else:
        active.append((seg_start, END))
    stripe_cust.append(
        {
            "id": p.cus,
            "object": "customer",
            "created": joined,
            "pos_member_no": p.member_no,
            "app_account_id": p.acct,
            "card_fingerprint": p.card,
            "home_location": p.site,
            "plan": tier if status != "canceled" else first_tier,
            "plan_type": "family" if vehicles > 1 else "individual",
            "signup_source": via,
            "status": status,
        }
    )
    # member washes by LPR, each vehicle on its own
    base = {"express": 0.085, "deluxe": 0.1, "ultimate": 0.12}[first_tier]
    for vi, (plate, since) in enumerate(p.plates):
        pr = base * (1.0 if vi == 0 else 0.75) * R.uniform(0.6, 1.4)
        for s, e in active:
            i0, i1 = max(0, idx(s)), min(N_DAYS, idx(e) + 1)
            for i in range(i0, i1):
                if chance(pr * W[p.site][i] if W[p.site][i] else pr * 0.9):
                    d = day(i)
                    site = visit_site(p, d)
                    ts = at(d)
                    if s <= ts < e and ts >= since:
                        p.tier = [t for t0, t in tiers if t0 <= ts][-1]
                        wash(
                            p,
                            ts,
                            "MEMBER",
                            site,
                            "LPR LANE",
                            PKG_OF_TIER[p.tier],
                            amount=0.0,
                            plate=plate,
                        )
    p.tier = tier
    # member app activity
    if p.acct:
        for s, e in active:
            for _ in range(poisson(max(0, (e - s).days) / 40)):
                t = s + timedelta(days=R.uniform(0, max(1, (e - s).days)))
                app(p, t, "pushOpened", "push")
                if chance(0.15):
                    app(p, t + timedelta(minutes=1), "referralShared", "push")
    # NPS survey: members are asked every few months
    survey(p, active)


def survey(p, active):
    for s, e in active:
        m = datetime(max(s, START).year, max(s, START).month, 15)
        while m < e:
            if chance(0.045):
                t = m + timedelta(days=R.uniform(-14, 14), hours=R.uniform(8, 20))
                if s <= t < e and within(t):
                    mean = 8.4
                    if p.member_no is None:
                        mean = 7.7
                    if p.tier == "ultimate" and datetime(2026, 2, 1) <= t < datetime(2026, 5, 1):
                        mean = 5.6
                    if p.site == CONVEYOR_SITE and datetime(2026, 8, 10) <= t < datetime(
                        2026, 10, 1
                    ):
                        mean = 4.6
                    score = max(0, min(10, round(R.gauss(mean, 1.7))))
                    comment = ""
                    if chance(0.35):
                        if score <= 6:
                            comment = R.choice(
                                [
                                    "Price went up again",
                                    "Scratched my rims",
                                    "Line too long after the storm",
                                    "Still dusty after the wash",
                                    "Not worth it anymore",
                                    "Camera didn't read my plate",
                                ]
                            )
                        else:
                            comment = R.choice(
                                [
                                    "Fast and clean",
                                    "Love the unlimited plan",
                                    "Friendly staff",
                                    "Great after the dust storms",
                                    "Free vacuums are a plus",
                                    "Easy with the app",
                                ]
                            )
                    nps.append(
                        (
                            f"S{nxt('resp'):06d}",
                            t,
                            p.acct or "",
                            p.member_no or "",
                            score,
                            comment,
                            p.site,
                        )
                    )
            m = add_month(m)


def pick_tier(ts=None):
    return pick(TIERS, [0.3, 0.36, 0.34] if ts is None or ts < PRICE_UP else [0.32, 0.4, 0.28])


def vehicles_n():
    return pick([1, 2, 3], [0.84, 0.12, 0.04])


def kiosk_customer(p, visit_rate, span, join_p=0.04):
    """Single washes at the pay station; some join the club at the pay station."""
    i0, i1 = span
    for i in range(max(0, i0), min(N_DAYS, i1)):
        wt = W[p.site][i] or 0.9
        if chance(visit_rate * wt):
            d = day(i)
            site = visit_site(p, d)
            ts = at(d)
            if p.member_no is None and chance(join_p):
                via = "grand_opening" if p.source == "grand_opening" else "pay_station"
                p.source = p.source or "pay_station"
                member(
                    p,
                    ts - timedelta(minutes=3),
                    pick_tier(ts),
                    vehicles_n(),
                    via,
                    seasonal=p.plate_state != "AZ",
                )
                return
            pkg = pick(["BASIC", "DELUXE", "ULTIMATE"], [0.45, 0.35, 0.2])
            wash(p, ts, "SALE", site, "PAY STATION", pkg)


def app_user(d, source):
    p = Person(home_site(d))
    p.source = source
    p.platform = pick(["ios", "android"], [0.62, 0.38])
    t = at(d, [1] * 6 + [2] * 16 + [1] * 2)
    app(p, t, "appInstall", source)
    if not chance(0.62):
        return p
    t += timedelta(minutes=R.uniform(1, 12)) if chance(0.7) else timedelta(days=R.uniform(0.5, 6))
    sign_up(p, t)
    app(p, t, "accountCreated", source)
    lift = JOIN_LIFT[source]
    if source == "google_ads" and GADS_OCT[0] <= datetime(d.year, d.month, d.day) < GADS_OCT[1]:
        lift = 0.25
    # first wash free with the app
    if chance(0.72):
        ft = at((t + timedelta(days=R.uniform(0, 12))).date())
        if ft > t and within(ft):
            app(p, ft - timedelta(minutes=R.uniform(1, 6)), "freeWashRedeemed", "direct")
            wash(p, ft, "PROMO", visit_site(p, ft), "APP", "DELUXE", amount=0.0, promo="APPFIRST")
            t = ft
    # club plans
    if chance(min(0.95, 0.55 * lift)):
        vt = t + timedelta(days=R.uniform(0, 10))
        app(p, vt, "clubPlansViewed", "direct")
        if chance(0.6):
            tier = pick_tier(vt)
            app(
                p,
                vt + timedelta(minutes=R.uniform(1, 5)),
                "clubCheckoutStarted",
                "direct",
                plan=tier,
            )
            if chance(0.8):
                jt = vt + timedelta(minutes=R.uniform(3, 12))
                if within(jt):
                    member(p, jt, tier, vehicles_n(), "app")
                    return p
    # non-members: single washes bought in the app
    rate = R.choice([0, 0.5, 1, 2, 4]) / 365
    for i in range(idx(t) + 1, N_DAYS):
        if chance(rate * (W[p.site][i] or 0.9)):
            ts = at(day(i))
            pkg = pick(["BASIC", "DELUXE", "ULTIMATE"], [0.35, 0.4, 0.25])
            app(
                p,
                ts - timedelta(minutes=R.uniform(1, 8)),
                "singleWashPurchased",
                "direct",
                plan=pkg.lower(),
            )
            wash(p, ts, "SALE", visit_site(p, ts), "APP", pkg)
    for _ in range(poisson(3)):
        pt = t + timedelta(days=R.uniform(1, 200))
        app(p, pt, "pushOpened", "push")
    survey(p, [(t, END)])
    return p


def fleet_account(joined):
    f = Person(home_site(joined))
    fid = f"FLT-{nxt('fleet'):04d}"
    n_veh = R.randint(3, 14)
    rate = R.uniform(0.03, 0.08)
    for _v in range(n_veh):
        for i in range(max(0, idx(joined)), N_DAYS):
            d = day(i)
            if d.weekday() < 5 and chance(rate * (W[f.site][i] or 0.9)):
                site = visit_site(f, d)
                wash(f, at(d), "FLEET", site, "FLEET CARD", "BASIC", amount=8.0, fleet=fid)


def simulate():
    # 1. members who joined before the data starts
    for _ in range(1350):
        p = Person(home_site(START))
        joined = START - timedelta(days=R.uniform(20, 900), hours=R.uniform(0, 12))
        if chance(0.62):
            p.source = pick(SOURCES, SOURCE_W)
            p.platform = pick(["ios", "android"], [0.62, 0.38])
            p.device = None
            p.acct = f"A{nxt('acct')}"
            app_acc.append(
                (p.acct, joined - timedelta(days=R.uniform(0, 20)), None, p.site, p.source, p.metro)
            )
        else:
            p.source = "pay_station"
        member(
            p,
            joined,
            pick_tier(),
            vehicles_n(),
            "app" if p.acct else "pay_station",
            preexisting=True,
        )
    # 2. pay-station regulars
    for _ in range(3600):
        p = Person(home_site(START + timedelta(days=R.uniform(0, N_DAYS))))
        o = OPENED[p.site]
        i0 = 0 if o is None else (datetime(o.year, o.month, o.day) - START).days
        kiosk_customer(p, R.choice([1, 1, 2, 3, 5, 8]) / 365, (i0, N_DAYS))
    # 3. snowbirds: out-of-state plates, January to March
    for _ in range(760):
        p = Person(
            home_site(START, pick(["Phoenix", "Tucson"], [0.7, 0.3])),
            plate_state=pick(
                ["MN", "WA", "IL", "CO", "OR", "WI", "BC", "AB", "MI", "ND"],
                [0.16, 0.14, 0.12, 0.1, 0.1, 0.08, 0.1, 0.08, 0.07, 0.05],
            ),
        )
        arrive = datetime(2025, 12, 28) + timedelta(days=R.uniform(0, 25))
        leave = datetime(2026, 3, 10) + timedelta(days=R.uniform(0, 30))
        kiosk_customer(p, R.uniform(0.02, 0.05), (idx(arrive), idx(leave)), join_p=0.02)
    # 4. app installs from marketing
    for i in range(N_DAYS):
        d = day(i)
        lam = 5.0 * (1.25 if d.weekday() >= 5 else 1.0) * (1.15 if d.month in (1, 2, 3) else 1.0)
        for _ in range(poisson(lam)):
            src = pick(SOURCES, SOURCE_W)
            if src == "radio" and d.month not in (1, 2, 3, 4, 9, 10, 11):
                src = "organic"
            app_user(d.date(), src)
        if GADS_OCT[0] <= d < GADS_OCT[1]:
            for _ in range(poisson(2.6)):
                app_user(d.date(), "google_ads")
    # 5. grand openings of the two new Tucson sites: two free-wash days each
    for site in ("Tucson - Oracle Rd", "Tucson - Grant Rd"):
        o = OPENED[site]
        for k in range(2):
            d = datetime(o.year, o.month, o.day) + timedelta(days=k)
            for _ in range(poisson(140)):
                p = Person(site)
                p.source = "grand_opening"
                ts = at(d)
                wash(p, ts, "PROMO", site, "PAY STATION", "ULTIMATE", amount=0.0, promo="GRANDOPEN")
                if chance(0.14):
                    member(
                        p,
                        ts + timedelta(minutes=R.uniform(2, 6)),
                        pick_tier(ts),
                        vehicles_n(),
                        "grand_opening",
                    )
                else:
                    kiosk_customer(p, R.choice([1, 2, 4]) / 365, (idx(ts) + 1, N_DAYS), join_p=0.04)
            for _ in range(poisson(25)):
                app_user(d.date(), "grand_opening")
    # 6. fleet (B2B) accounts
    for _ in range(38):
        fleet_account(START)
    for _ in range(14):
        fleet_account(START + timedelta(days=R.uniform(10, N_DAYS - 20)))


# ---------------------------------------------------------------------------------------------
def utc_z(ts):  # Phoenix local (UTC-7 all year) -> UTC ISO with Z
    return f"{ts + timedelta(hours=7):%Y-%m-%dT%H:%M:%S}Z"


def local_iso(ts):
    return f"{ts:%Y-%m-%dT%H:%M:%S}.{R.randrange(1000):03d}-07:00"


SPEND_NAMES = {
    "google_ads": "Google Ads",
    "meta": "Meta (FB/IG)",
    "yelp": "Yelp Ads",
    "radio": "Radio - KTAR/KMXZ",
    "referral": "Referral Credits",
    "grand_opening": "Grand Opening Events",
    "fleet": "Fleet Sales",
}


def write(folder: Path):
    cols = [
        "TXN_NO",
        "SITE_NAME",
        "MARKET",
        "TXN_DATETIME",
        "TXN_TYPE",
        "PAY_POINT",
        "WASH_PKG",
        "ADDON",
        "GROSS_AMT",
        "PLATE_HASH",
        "PLATE_ST",
        "MEMBER_NO",
        "CARD_FP",
        "APP_ACCT",
        "FLEET_ACCT",
        "PROMO_CODE",
    ]
    with open(folder / "pos_tunnel_txns.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for r in sorted(pos, key=lambda r: (r["TXN_DATETIME"], r["TXN_NO"])):
            r = dict(r, TXN_DATETIME=f"{r['TXN_DATETIME']:%m/%d/%Y %I:%M %p}")
            w.writerow([r[c] for c in cols])
    with open(folder / "stripe_events.jsonl", "w") as f:
        for k, (ts, typ, cus, kw) in enumerate(sorted(stripe_ev, key=lambda r: (r[0], r[2], r[1]))):
            obj = {
                "id": "evt_" + h(f"evt{k}", 20),
                "object": "event",
                "type": typ,
                "created": utc_z(ts),
                "customer": cus,
                "plan": kw.get("plan") + "_club",
                "quantity": kw.get("quantity"),
                "currency": "usd",
            }
            for key in (
                "amount",
                "invoice",
                "billing_reason",
                "attempt_count",
                "failure_code",
                "cancellation_reason",
                "previous_plan",
                "joined_via",
            ):
                if key in kw:
                    obj[key] = kw[key] + "_club" if key == "previous_plan" else kw[key]
            f.write(json.dumps(obj) + "\n")
    with open(folder / "stripe_customers.jsonl", "w") as f:
        for c in sorted(stripe_cust, key=lambda c: c["id"]):
            c = dict(c, created=utc_z(c["created"]), plan=c["plan"] + "_club")
            f.write(json.dumps(c) + "\n")
    with open(folder / "app_events.jsonl", "w") as f:
        for ts, dev, acct, name, src, plat, plan in sorted(
            app_ev, key=lambda r: (r[0], r[1], r[3])
        ):
            obj = {
                "eventName": name,
                "eventTime": local_iso(ts),
                "deviceId": dev,
                "accountId": acct or None,
                "platform": plat,
                "utmSource": src,
            }
            if plan:
                obj["planSelected"] = plan
            f.write(json.dumps(obj) + "\n")
    with open(folder / "app_accounts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["accountId", "createdAt", "deviceId", "homeSite", "acquisitionSource", "homeMetro"]
        )
        for acct, ts, dev, site, src, metro in sorted(app_acc, key=lambda r: r[0]):
            w.writerow([acct, local_iso(ts), dev or "", site, src, metro])
    with open(folder / "app_visit_ratings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ratingId", "accountId", "ratedAt", "stars", "siteName", "washType"])
        for rid, acct, ts, stars, site, wt in sorted(ratings, key=lambda r: (r[2], r[0])):
            w.writerow([rid, acct, local_iso(ts), stars, site, wt])
    ccols = [
        "case_id",
        "opened_at",
        "first_reply_at",
        "closed_at",
        "category",
        "site",
        "contact_method",
        "complaint",
        "csat",
        "member_no",
        "app_account",
        "card_fp",
        "claim_paid_usd",
    ]
    with open(folder / "care_cases.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(ccols)
        for c in sorted(cases, key=lambda c: c["opened_at"]):
            row = dict(c)
            for k in ("opened_at", "first_reply_at", "closed_at"):
                row[k] = f"{c[k]:%Y-%m-%d %H:%M}" if c[k] else ""
            w.writerow([row[k] for k in ccols])
    with open(folder / "nps_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "response_id",
                "submitted",
                "account_id",
                "member_no",
                "nps_score",
                "comment",
                "location",
            ]
        )
        for rid, ts, acct, mno, score, comment, site in sorted(nps, key=lambda r: (r[1], r[0])):
            w.writerow([rid, f"{ts:%m/%d/%Y %H:%M}", acct, mno, score, comment, site])
    with open(folder / "weekly_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week Of", "Channel", "Spend USD"])
        base = {
            "google_ads": 1150,
            "meta": 850,
            "yelp": 320,
            "radio": 900,
            "referral": 140,
            "fleet": 280,
        }
        wk = date(2025, 12, 7)  # first Sunday on or after the start of the data
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            for ch, amt in base.items():
                if ch == "radio" and wk.month not in (1, 2, 3, 4, 9, 10, 11):
                    continue
                x = amt * R.uniform(0.85, 1.15)
                if ch == "google_ads" and GADS_OCT[0] - timedelta(days=3) <= dt < GADS_OCT[
                    1
                ] - timedelta(days=3):
                    x *= 2.9
                w.writerow([f"{wk.month}/{wk.day}/{wk.year}", SPEND_NAMES[ch], f"{x:.2f}"])
            for site in ("Tucson - Oracle Rd", "Tucson - Grant Rd"):
                o = OPENED[site]
                if wk <= o < wk + timedelta(days=7):
                    w.writerow(
                        [
                            f"{wk.month}/{wk.day}/{wk.year}",
                            SPEND_NAMES["grand_opening"],
                            f"{R.uniform(5200, 6200):.2f}",
                        ]
                    )
                elif wk <= o - timedelta(days=7) < wk + timedelta(days=7):
                    w.writerow(
                        [
                            f"{wk.month}/{wk.day}/{wk.year}",
                            SPEND_NAMES["grand_opening"],
                            f"{R.uniform(1800, 2400):.2f}",
                        ]
                    )
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="carwash-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if os.environ.get("CARWASH_KEEP_SRC"):
            shutil.copytree(folder, os.environ["CARWASH_KEEP_SRC"], dirs_exist_ok=True)
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
