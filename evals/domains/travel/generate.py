"""Build the travel domain's database: `python generate.py OUT.duckdb`.

An online travel agency (flights and hotels) with Chinese and international customers, seen
through its own systems' exports for 4 Aug 2025 – 2 Aug 2026 (as_of = Mon 3 Aug 2026):

- app_analytics/events_YYYY-MM.csv  the web + app analytics tool (UTC, ISO with Z, monthly files)
- booking_engine.duckdb             the booking engine's reporting replica: orders (payments),
                                    cancellations and the view completed_trips (Shanghai time)
- crm_members.csv                   the CRM's member export (Shanghai time)
- helpdesk_tickets.csv              the helpdesk's ticket export (UTC, dd/mm/yyyy HH:MM)
- nps_responses.jsonl               the post-trip NPS survey tool (ISO with the respondent's offset)
- marketing_spend.csv               the finance team's cost sheet (yyyy/mm/dd)

They are written to a temporary folder with `ingest.yaml` (this folder's config; its paths are
relative to the config) and loaded with connectors.ingest.ingest. Seeded: the same data every run.
Only the standard library, numpy (not needed here) and duckdb are used.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import random
import shutil
import sys
import tempfile
from bisect import bisect
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from connectors.ingest import ingest  # noqa: E402

SEED = 20260803
START = date(2025, 8, 4)  # a Monday
END = date(2026, 8, 2)  # the last day with data (a Sunday)
AS_OF = date(2026, 8, 3)
START_DT = datetime(START.year, START.month, START.day)
AS_OF_DT = datetime(AS_OF.year, AS_OF.month, AS_OF.day)
N_DAYS = (END - START).days + 1

# Stories (see description.md)
INCIDENT = (datetime(2026, 3, 9), datetime(2026, 3, 16))  # Android app, flight payment failures
FRT_DRIFT_FROM = datetime(2026, 4, 20)  # chat first-response time starts to grow
SALE = (datetime(2026, 6, 15), datetime(2026, 6, 22))  # summer sale: email + affiliates

CHANNELS = ("website", "ios_app", "android_app", "metasearch", "email", "affiliate")
# The analytics tool's spelling of each channel
TOOL_CHANNEL = {
    "website": "Web",
    "ios_app": "iOS App",
    "android_app": "Android App",
    "metasearch": "Metasearch",
    "email": "Email",
    "affiliate": "Affiliate",
}
BOOKING_PLATFORM = {"website": "WEB", "ios_app": "IOS", "android_app": "ANDROID"}
CRM_SIGNUP = {
    "website": "web",
    "ios_app": "ios",
    "android_app": "android",
    "metasearch": "meta",
    "email": "newsletter",
    "affiliate": "affiliate",
}
SHEET_CHANNEL = {
    "website": "Website (SEM)",
    "ios_app": "iOS App",
    "android_app": "Android App",
    "metasearch": "Metasearch",
    "email": "Email",
    "affiliate": "Affiliates",
}
ALWAYS_ON = {
    "website": "sem_brand",
    "ios_app": "apple_search_ads",
    "android_app": "android_store_ads",
    "metasearch": "meta_cpc",
    "email": "weekly_deals",
    "affiliate": "partner_program",
}

# region → (CRM code, [(city, hours to add to local time to get Shanghai time, weight)])
REGIONS = {
    "CN": (
        0.56,
        [
            ("Shanghai", 0, 30),
            ("Beijing", 0, 22),
            ("Guangzhou", 0, 12),
            ("Shenzhen", 0, 13),
            ("Hangzhou", 0, 10),
            ("Chengdu", 0, 8),
            ("Wuhan", 0, 5),
        ],
    ),
    "APAC": (
        0.18,
        [("Singapore", 0, 35), ("Hong Kong", 0, 30), ("Tokyo", -1, 20), ("Sydney", -2, 15)],
    ),
    "EMEA": (0.15, [("London", 7, 45), ("Frankfurt", 6, 30), ("Paris", 6, 25)]),
    "AMER": (0.11, [("New York", 12, 45), ("San Francisco", 15, 35), ("Toronto", 12, 20)]),
}

FLIGHT_EVENTS = {
    "search": "Flight Search",
    "view": "Flight Details View",
    "book": "Flight Booking Submitted",
}
HOTEL_EVENTS = {
    "search": "Hotel Search",
    "view": "Hotel Details View",
    "book": "Hotel Booking Submitted",
}

COMMENTS_GOOD = [
    "Smooth booking, will use again",
    "Great price for the hotel",
    "Easy to change my flight",
    "App is fast and clear",
    "很方便，下次还用",
    "价格实惠，服务好",
    "Check-in info was very clear",
    "Loved the loyalty points",
    "",
]
COMMENTS_MID = [
    "OK overall",
    "Hotel was fine, app a bit slow",
    "一般般",
    "Prices could be lower",
    "",
]
COMMENTS_BAD = [
    "Support took ages to answer",
    "Refund still not received",
    "Booking confirmation never came",
    "客服回复太慢",
    "退款太慢了",
    "Hidden fees at checkout",
    "Flight change was a nightmare",
    "",
]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


class Person:
    __slots__ = (
        "acq",
        "city",
        "has_app",
        "loyal",
        "member",
        "member_hash",
        "newsletter",
        "os",
        "paid",
        "pid",
        "region",
        "registered_at",
        "shift",
        "signup_channel",
        "tier",
        "ttype",
    )


class Sim:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.analytics: list[tuple] = []
        self.orders: list[tuple] = []
        self.cancels: list[tuple] = []
        self.tickets: list[tuple] = []
        self.nps: list[dict] = []
        self.members: list[Person] = []
        self.persons: list[Person] = []
        self.order_seq = 0
        self.ticket_seq = 0
        self.session_seq = 0
        day_weights = [self.season(START + timedelta(days=i)) for i in range(N_DAYS)]
        self.day_cum = []
        acc = 0.0
        for w in day_weights:
            acc += w
            self.day_cum.append(acc)

    # ---------------------------------------------------------------- helpers
    def pick(self, options: dict):
        keys = list(options)
        return self.r.choices(keys, weights=[options[k] for k in keys])[0]

    @staticmethod
    def season(d: date) -> float:
        w = 1.0
        if d.month in (7, 8):
            w += 0.35
        if d.month == 6:
            w += 0.15
        if d.month == 11:
            w -= 0.2
        if date(d.year, 9, 8) <= d <= date(d.year, 9, 30):  # Golden Week bookings
            w += 0.3
        if date(2026, 1, 5) <= d <= date(2026, 2, 12):  # Chinese New Year (17 Feb 2026) bookings
            w += 0.3
        if d.weekday() >= 5:
            w += 0.1
        return w

    def random_day(self) -> date:
        x = self.r.random() * self.day_cum[-1]
        return START + timedelta(days=bisect(self.day_cum, x))

    def local_time(self, p: Person, d: date) -> datetime:
        """A time on local day d (the person's clock), returned in Shanghai time."""
        if p.ttype == "business":
            hour = self.r.choices(range(24), weights=HOURS_BUSINESS)[0]
        else:
            hour = self.r.choices(range(24), weights=HOURS_LEISURE)[0]
        t = datetime(d.year, d.month, d.day, hour) + timedelta(seconds=self.r.randrange(3600))
        return t + timedelta(hours=p.shift)

    def gap(self, lo: float, hi: float) -> timedelta:
        return timedelta(seconds=self.r.uniform(lo, hi))

    def new_session(self) -> str:
        self.session_seq += 1
        return "s" + sha1(f"session:{self.session_seq}")[:15]

    # ---------------------------------------------------------------- people
    def make_person(self, pid: int, existing: bool) -> Person:
        r = self.r
        p = Person()
        p.pid = pid
        p.region = self.pick({k: v[0] for k, v in REGIONS.items()})
        cities = REGIONS[p.region][1]
        city, shift, _ = r.choices(cities, weights=[c[2] for c in cities])[0]
        p.city, p.shift = city, shift
        p.ttype = self.pick({"business": 0.24, "leisure": 0.54, "family": 0.22})
        if p.region == "CN":
            acq = {
                "website": 22,
                "ios_app": 16,
                "android_app": 24,
                "metasearch": 14,
                "email": 3,
                "affiliate": 21,
            }
        else:
            acq = {
                "website": 30,
                "ios_app": 15,
                "android_app": 7,
                "metasearch": 30,
                "email": 3,
                "affiliate": 15,
            }
        p.acq = self.pick(acq)
        if p.acq == "ios_app":
            p.os = "ios"
        elif p.acq == "android_app":
            p.os = "android"
        else:
            p.os = "android" if r.random() < (0.62 if p.region == "CN" else 0.4) else "ios"
        p.has_app = p.acq in ("ios_app", "android_app") or (existing and r.random() < 0.45)
        p.member = existing
        p.member_hash = sha1(f"member:{pid}")
        p.paid = 0
        p.loyal = False
        p.tier = "none"
        p.newsletter = False
        if existing:
            days_before = r.randint(30, 365 * 7)
            p.registered_at = START_DT - timedelta(days=days_before, seconds=r.randrange(86400))
            p.signup_channel = p.acq
            tiers = {
                "business": {"none": 30, "silver": 30, "gold": 25, "platinum": 15},
                "leisure": {"none": 55, "silver": 28, "gold": 13, "platinum": 4},
                "family": {"none": 55, "silver": 30, "gold": 12, "platinum": 3},
            }[p.ttype]
            p.tier = self.pick(tiers)
            p.loyal = p.tier != "none"
            p.newsletter = r.random() < 0.6
            self.members.append(p)
        else:
            p.registered_at = None
            p.signup_channel = None
        self.persons.append(p)
        return p

    def register(self, p: Person, t: datetime, channel: str) -> None:
        if p.member:
            return
        p.member = True
        p.registered_at = t - timedelta(seconds=self.r.randint(40, 240))
        p.signup_channel = channel
        p.newsletter = self.r.random() < 0.45
        self.members.append(p)

    # ---------------------------------------------------------------- events
    def device_for(self, p: Person, channel: str) -> str:
        r = self.r.random()
        if channel in ("ios_app", "android_app"):
            return "Tablet" if r < (0.14 if channel == "ios_app" else 0.05) else "Mobile"
        if p.ttype == "business":
            return "Desktop" if r < 0.7 else ("Mobile" if r < 0.97 else "Tablet")
        return "Desktop" if r < 0.5 else ("Mobile" if r < 0.94 else "Tablet")

    def anon_id(self, p: Person, channel: str, device: str) -> str:
        platform = channel if channel in ("ios_app", "android_app") else "web"
        return sha1(f"anon:{p.pid}:{platform}:{device}")

    def emit(self, t, name, p, sess, logged_in, extra=None):
        """One analytics row. `sess` = (session_id, channel, device, campaign)."""
        session_id, channel, device, campaign = sess
        e = {
            "t": t,
            "event_name": name,
            "anonymous_id": self.anon_id(p, channel, device),
            "member_hash": p.member_hash if (logged_in and p.member) else "",
            "session_id": session_id,
            "channel_group": TOOL_CHANNEL[channel],
            "utm_campaign": campaign or "",
            "device_category": device,
            "trip_type": "",
            "vertical": "",
            "refundable_fare": "",
            "review_rating": "",
        }
        if extra:
            e.update(extra)
        self.analytics.append(e)

    def pick_channel(self, p: Person, first: bool, t: datetime) -> str:
        if first:
            return p.acq
        r = self.r
        if p.member and p.newsletter and r.random() < 0.16:
            return "email"
        if r.random() < 0.5:
            ch = p.acq
        else:
            opts = {"website": 30, "metasearch": 18, "affiliate": 8}
            if p.has_app:
                opts[p.os + "_app"] = 45
            ch = self.pick(opts)
        if ch in ("ios_app", "android_app"):
            ch = p.os + "_app"
        if ch == "email" and not (p.member and p.newsletter):
            ch = "website"
        return ch

    def campaign_for(self, channel: str, t: datetime) -> str | None:
        in_sale = SALE[0] <= t < SALE[1]
        if channel == "email":
            return "summer_sale" if in_sale else "weekly_deals"
        if channel == "affiliate":
            return "summer_sale" if in_sale and self.r.random() < 0.7 else "partner_program"
        if channel == "metasearch":
            return "meta_cpc"
        if channel == "website":
            if in_sale and self.r.random() < 0.3:
                return "summer_sale"
            return "sem_brand" if self.r.random() < 0.25 else None
        return None

    def start_session(self, p: Person, channel: str, t: datetime, logged_in: bool | None = None):
        device = self.device_for(p, channel)
        sess = (self.new_session(), channel, device, self.campaign_for(channel, t))
        if logged_in is None:
            if channel in ("ios_app", "android_app"):
                logged_in = p.member
            else:
                logged_in = p.member and self.r.random() < 0.55
        return sess, logged_in

    # ---------------------------------------------------------------- one trip intent
    def intent(self, p: Person, t: datetime, first: bool, forced: str | None = None) -> None:
        r = self.r
        channel = forced or self.pick_channel(p, first, t)
        if channel == "email" and not forced:  # the newsletter goes out on Thursdays
            days = (3 - t.weekday()) % 7 + (1 if r.random() < 0.3 else 0)
            t = t + timedelta(days=days)
        in_sale = SALE[0] <= t < SALE[1]
        if forced and in_sale:
            product = "hotel" if r.random() < 0.72 else "flight"
        else:
            product = self.pick(
                {"flight": 0.64, "hotel": 0.36}
                if p.ttype == "business"
                else {"flight": 0.52, "hotel": 0.48}
            )
        intl_share = {"CN": 0.3, "APAC": 0.6, "EMEA": 0.55, "AMER": 0.5}[p.region]
        trip = "international" if r.random() < intl_share else "domestic"
        ev = FLIGHT_EVENTS if product == "flight" else HOTEL_EVENTS
        props = {
            "trip_type": "INTL" if trip == "international" else "DOM",
            "vertical": "flights" if product == "flight" else "hotels",
        }
        sess, logged = self.start_session(p, channel, t)

        landing_view = channel == "metasearch" and r.random() < 0.75
        if not landing_view:
            n = 1
            while n < 5 and r.random() < 0.42:
                n += 1
            for _ in range(n):
                self.emit(t, ev["search"], p, sess, logged, props)
                t += self.gap(20, 240)
            view_p = 0.66 if product == "flight" else 0.72
            if r.random() > view_p:
                return
        nv = 1 + (r.random() < 0.45) + (r.random() < 0.2)
        for _ in range(nv):
            self.emit(t, ev["view"], p, sess, logged, props)
            t += self.gap(40, 420)

        book_p = 0.29 if product == "flight" else 0.27
        book_p *= {
            "website": 1.0,
            "ios_app": 1.35,
            "android_app": 1.2,
            "metasearch": 0.95,
            "email": 1.3,
            "affiliate": 0.85,
        }[channel]
        book_p *= {"business": 1.35, "leisure": 1.0, "family": 0.95}[p.ttype]
        if p.member:
            book_p *= 1.2
        if p.loyal:
            book_p *= 1.15
        if in_sale and product == "hotel" and channel in ("email", "affiliate", "website"):
            book_p *= 1.6
        if r.random() > book_p:
            if r.random() < 0.18:  # came back another day to look again, still no booking
                t2 = t + timedelta(days=r.uniform(0.5, 6))
                if t2 < AS_OF_DT:
                    sess2, logged2 = self.start_session(p, self.pick_channel(p, False, t2), t2)
                    self.emit(t2, ev["view"], p, sess2, logged2, props)
            return

        if r.random() < 0.38:  # books in a later session, often in the app
            t = t + timedelta(days=r.uniform(0.3, 8))
            ch2 = self.pick_channel(p, False, t)
            if ch2 == "metasearch" and r.random() < 0.5:
                ch2 = channel
            sess, logged = self.start_session(p, ch2, t)
            channel = ch2
            if r.random() < 0.5:
                self.emit(t, ev["search"], p, sess, logged, props)
                t += self.gap(20, 200)
            self.emit(t, ev["view"], p, sess, logged, props)
            t += self.gap(40, 300)

        # booking needs an account: sign in or register
        t += self.gap(30, 300)
        self.register(p, t, channel)
        logged = True
        if product == "flight":
            refundable = r.random() < (0.6 if p.ttype == "business" else 0.28)
        else:
            refundable = r.random() < 0.62
        bprops = dict(props, refundable_fare="true" if refundable else "false")
        self.emit(t, ev["book"], p, sess, logged, bprops)

        pay_p = {"website": 0.80, "ios_app": 0.88, "android_app": 0.85}.get(channel, 0.78)
        incident = channel == "android_app" and INCIDENT[0] <= t < INCIDENT[1]
        if incident:
            pay_p = 0.15
        t_pay = t + self.gap(50, 480)
        if r.random() < pay_p:
            self.pay(p, t_pay, sess, channel, product, trip, refundable, in_sale)
            return
        if incident:
            if r.random() < 0.24:  # reports the failed payment as a lost booking
                self.ticket(p, t_pay + self.gap(120, 3600), "lost_booking", None, "android_app")
            if r.random() < 0.32:  # tries again on the website
                t3 = t_pay + timedelta(hours=r.uniform(1, 30))
                web, _ = self.start_session(p, "website", t3, logged_in=True)
                self.emit(t3, ev["view"], p, web, True, props)
                t3 += self.gap(40, 300)
                self.emit(t3, ev["book"], p, web, True, bprops)
                if r.random() < 0.9:
                    self.pay(
                        p,
                        t3 + self.gap(50, 400),
                        web,
                        "website",
                        product,
                        trip,
                        refundable,
                        in_sale,
                    )

    def pay(self, p, t, sess, channel, product, trip, refundable, in_sale) -> None:
        r = self.r
        if t >= AS_OF_DT:
            return
        platform = channel if channel in ("ios_app", "android_app") else "website"
        self.order_seq += 1
        order_no = ("F" if product == "flight" else "H") + f"{t:%y%m}{self.order_seq:06d}"
        if product == "flight":
            base = 1150 if trip == "domestic" else 5200
            amount = r.lognormvariate(math.log(base), 0.42)
            round_trip = r.random() < (0.55 if trip == "international" else 0.4)
            if round_trip:
                amount *= 1.8
            amount *= {"business": 1.35, "leisure": 1.0, "family": 2.6}[p.ttype]
            lead = r.lognormvariate(
                math.log(4 if p.ttype == "business" else 10 if trip == "domestic" else 26), 0.7
            )
            start = t + timedelta(days=lead)
            start = start.replace(hour=r.randint(6, 21), minute=r.choice((0, 15, 30, 45)))
            stay = r.randint(2, 12) if round_trip else 0
            end = start + timedelta(
                days=stay, hours=r.uniform(1.5, 11 if trip == "international" else 3.5)
            )
        else:
            nightly = 540 if trip == "domestic" else 1150
            nights = r.randint(1, 3) if p.ttype == "business" else r.randint(1, 7)
            amount = r.lognormvariate(math.log(nightly), 0.38) * nights
            amount *= {"business": 1.2, "leisure": 1.0, "family": 1.35}[p.ttype]
            if in_sale and channel in ("email", "affiliate", "website"):
                amount *= 0.8
            lead = r.lognormvariate(
                math.log(3 if p.ttype == "business" else 8 if trip == "domestic" else 24), 0.75
            )
            start = (t + timedelta(days=lead)).replace(hour=15, minute=0, second=0)
            end = (start + timedelta(days=nights)).replace(hour=12, minute=r.randint(0, 59))
        amount = round(amount, 2)
        p.paid += 1
        cancel_p = 0.19 if refundable else 0.04
        cancelled = r.random() < cancel_p
        cancel_t = None
        if cancelled:
            window = (start - t).total_seconds()
            cancel_t = t + timedelta(seconds=r.uniform(0.05, 0.95) * window)
            if cancel_t >= AS_OF_DT:
                cancelled, cancel_t = False, None
        if cancelled:
            status = "cancelled"
        elif end < AS_OF_DT:
            status = "completed"
        else:
            status = "upcoming"
        device = {"Desktop": "desktop", "Mobile": "mobile", "Tablet": "tablet"}[sess[2]]
        self.orders.append(
            (
                order_no,
                p.member_hash,
                "FLT" if product == "flight" else "HTL",
                "International" if trip == "international" else "Domestic",
                refundable,
                amount,
                t.replace(microsecond=0),
                BOOKING_PLATFORM[platform],
                device,
                sess[0],
                start.replace(microsecond=0),
                end.replace(second=0, microsecond=0),
                status,
            )
        )
        # loyalty enrolment, usually right after a first payment
        if not p.loyal:
            enrol_p = 0.3 if p.paid == 1 else 0.06
            if channel in ("ios_app", "android_app"):
                enrol_p += 0.12
            if r.random() < enrol_p:
                p.loyal = True
                self.emit(t + self.gap(60, 400), "Loyalty Enrolment", p, sess, True)

        ticket_p = 0.09 if p.ttype == "business" else 0.06
        if r.random() < ticket_p:
            tt = t + timedelta(seconds=r.uniform(0.1, 0.9) * max((start - t).total_seconds(), 3600))
            self.ticket(p, tt, "change_request", order_no, platform)
        if r.random() < 0.025:
            self.ticket(p, t + self.gap(1800, 6 * 3600), "lost_booking", order_no, platform)
        if r.random() < 0.025:  # a question answered by the chat bot, no ticket
            tc = t + timedelta(days=r.uniform(0.1, 3))
            cs, _ = self.start_session(p, platform, tc, True)
            self.emit(tc, "Support Chat Opened", p, cs, True)
        had_ticket = False
        if cancelled:
            cplat = platform if r.random() < 0.8 else "website"
            refund = amount * (r.uniform(0.9, 1.0) if refundable else r.uniform(0.1, 0.2))
            self.cancels.append(
                (
                    order_no,
                    p.member_hash,
                    cancel_t.replace(microsecond=0),
                    round(refund, 2),
                    BOOKING_PLATFORM[cplat],
                    "free cancellation" if refundable else "fee charged",
                )
            )
            if r.random() < (0.35 if refundable else 0.75):
                self.ticket(p, cancel_t + self.gap(600, 3 * 86400), "refund", order_no, cplat)
                had_ticket = True
        if status == "completed":
            self.after_trip(p, end, product, had_ticket, order_no, platform)

    def after_trip(self, p, end, product, had_ticket, order_no, platform) -> None:
        r = self.r
        review_p = (0.3 if product == "hotel" else 0.08) * (1.3 if p.ttype != "business" else 0.8)
        if r.random() < review_p:
            t = end + timedelta(days=r.uniform(0.2, 20))
            if t < AS_OF_DT:
                ch = (p.os + "_app") if p.has_app and r.random() < 0.6 else "website"
                sess, _ = self.start_session(p, ch, t, True)
                rating = r.choices([1, 2, 3, 4, 5], weights=[5, 6, 14, 35, 40])[0]
                self.emit(
                    t,
                    "Review Submitted",
                    p,
                    sess,
                    True,
                    {
                        "vertical": "flights" if product == "flight" else "hotels",
                        "review_rating": str(rating),
                    },
                )
        if r.random() < 0.24:
            t = end + timedelta(days=1, seconds=r.uniform(0, 4 * 86400))
            if t < AS_OF_DT:
                if had_ticket:
                    w = [9, 4, 5, 6, 7, 8, 10, 12, 10, 8, 6]
                elif p.tier in ("gold", "platinum"):
                    w = [1, 1, 1, 2, 2, 4, 6, 14, 22, 24, 23]
                else:
                    w = [2, 1, 2, 3, 3, 5, 8, 16, 22, 20, 18]
                score = r.choices(range(11), weights=w)[0]
                comment = r.choice(
                    COMMENTS_GOOD if score >= 9 else COMMENTS_MID if score >= 7 else COMMENTS_BAD
                )
                local = t - timedelta(hours=p.shift)
                offset = 8 - p.shift
                sign = "+" if offset >= 0 else "-"
                stamp = f"{local:%Y-%m-%dT%H:%M:%S}{sign}{abs(offset):02d}:00"
                self.nps.append(
                    {
                        "response_id": "R_" + sha1(f"nps:{order_no}")[:12],
                        "respondent_hash": p.member_hash,
                        "survey": "Post-trip NPS",
                        "submitted_at": stamp,
                        "nps": score,
                        "comment": comment,
                        "booking_ref": order_no,
                    }
                )

    def ticket(self, p, t, category, order_no, platform) -> None:
        r = self.r
        if t >= AS_OF_DT:
            return
        self.ticket_seq += 1
        via_chat = r.random() < 0.7
        if via_chat:
            via = {
                "website": "Chat widget (web)",
                "ios_app": "Chat (iOS)",
                "android_app": "Chat (Android)",
            }[platform]
            sess, _ = self.start_session(p, platform, t, True)
            self.emit(t - timedelta(seconds=r.randint(5, 60)), "Support Chat Opened", p, sess, True)
            frt = r.lognormvariate(math.log(18), 0.6)
            if t >= FRT_DRIFT_FROM:
                frac = min((t - FRT_DRIFT_FROM).days / 104.0, 1.0)
                frt *= 1 + 3.9 * frac
        else:
            via = "Phone hotline"
            frt = r.lognormvariate(math.log(2.5), 0.5)
        res_med = {"change_request": 6, "refund": 50, "lost_booking": 9}[category]
        res_h = r.lognormvariate(math.log(res_med), 0.7)
        if via_chat and t >= FRT_DRIFT_FROM:
            res_h *= 1 + 0.35 * min((t - FRT_DRIFT_FROM).days / 104.0, 1.0)
        first = t + timedelta(minutes=frt)
        solved = t + timedelta(minutes=frt) + timedelta(hours=res_h)
        complaint_p = {"change_request": 0.05, "refund": 0.12, "lost_booking": 0.3}[category]
        if frt > 90:
            complaint_p += 0.12
        complaint = r.random() < complaint_p
        score = ""
        if r.random() < 0.5 and solved < AS_OF_DT:
            if frt < 30:
                w = [4, 4, 10, 32, 50]
            elif frt < 90:
                w = [9, 10, 16, 35, 30]
            else:
                w = [20, 15, 20, 28, 17]
            score = str(r.choices([1, 2, 3, 4, 5], weights=w)[0])
        priority = self.pick({"Low": 20, "Normal": 55, "High": 20, "Urgent": 5})
        if category == "lost_booking":
            priority = "Urgent" if r.random() < 0.5 else "High"
        utc = lambda x: (x - timedelta(hours=8)).strftime("%d/%m/%Y %H:%M")  # noqa: E731
        self.tickets.append(
            {
                "Ticket ID": f"ZD-{100000 + self.ticket_seq}",
                "Requester": p.member_hash,
                "Created": utc(t),
                "First reply": utc(first) if first < AS_OF_DT else "",
                "Solved": utc(solved) if solved < AS_OF_DT else "",
                "Type": {
                    "change_request": "Change request",
                    "refund": "Refund",
                    "lost_booking": "Lost booking",
                }[category],
                "Via": via,
                "Priority": priority,
                "Complaint": "Yes" if complaint else "No",
                "Satisfaction score": score,
                "Order reference": order_no or "",
            }
        )

    # ---------------------------------------------------------------- a person's year
    def live(self, p: Person, t: datetime) -> None:
        r = self.r
        gap_mean = {"business": 38, "leisure": 85, "family": 110}[p.ttype]
        gap_mean *= {
            "website": 1.0,
            "ios_app": 0.6,
            "android_app": 0.85,
            "metasearch": 1.5,
            "email": 0.8,
            "affiliate": 1.2,
        }[p.acq]
        churn = {
            "website": 0.32,
            "ios_app": 0.12,
            "android_app": 0.22,
            "metasearch": 0.55,
            "email": 0.22,
            "affiliate": 0.42,
        }[p.acq]
        if p.ttype == "business":
            churn *= 0.6
        first = True
        while t < AS_OF_DT:
            self.intent(p, t, first)
            first = False
            if r.random() < churn:
                return
            while True:
                t = t + timedelta(days=r.expovariate(1 / gap_mean))
                if t >= AS_OF_DT or r.random() < self.season(t.date()) / 1.8:
                    break
            t = self.local_time(p, t.date())


HOURS_BUSINESS = [1, 0, 0, 0, 0, 1, 3, 6, 10, 12, 12, 10, 8, 10, 11, 10, 9, 7, 5, 5, 4, 3, 2, 1]
HOURS_LEISURE = [2, 1, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 6, 5, 5, 5, 6, 7, 9, 11, 12, 10, 5]


def simulate() -> Sim:
    sim = Sim(SEED)
    r = sim.r
    pid = 0
    # members registered before the period: they start somewhere in the first weeks
    for _ in range(2300):
        pid += 1
        p = sim.make_person(pid, existing=True)
        if r.random() < 0.1:
            continue  # dormant: in the CRM, no activity this year
        d = START + timedelta(days=int(r.expovariate(1 / 45)))
        if d <= END:
            sim.live(p, sim.local_time(p, d))
    # new visitors arrive through the year
    for _ in range(5800):
        pid += 1
        p = sim.make_person(pid, existing=False)
        sim.live(p, sim.local_time(p, sim.random_day()))
    # the summer sale: newsletter subscribers and affiliate partners' audiences
    for p in list(sim.members):
        if p.newsletter and p.registered_at and p.registered_at < SALE[0] and r.random() < 0.16:
            d = SALE[0].date() + timedelta(days=r.randint(0, 6))
            t = sim.local_time(p, d)
            if SALE[0] <= t < SALE[1]:
                sim.intent(p, t, False, forced="email")
    for _ in range(260):
        pid += 1
        p = sim.make_person(pid, existing=False)
        p.acq = "affiliate"
        d = SALE[0].date() + timedelta(days=r.randint(0, 6))
        sim.live(p, sim.local_time(p, d))
    return sim


# -------------------------------------------------------------------- writing the exports
ANALYTICS_COLUMNS = [
    "event_time",
    "event_name",
    "anonymous_id",
    "member_hash",
    "session_id",
    "channel_group",
    "utm_campaign",
    "device_category",
    "trip_type",
    "vertical",
    "refundable_fare",
    "review_rating",
]


def write_analytics(sim: Sim, folder: Path) -> None:
    r = random.Random(SEED + 1)
    rows = [e for e in sim.analytics if START_DT <= e["t"] < AS_OF_DT]
    rows.sort(key=lambda e: (e["t"], e["session_id"], e["event_name"]))
    out = []
    for e in rows:
        utc = e["t"] - timedelta(hours=8)
        stamp = utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
        out.append((e["t"], [stamp] + [e[c] for c in ANALYTICS_COLUMNS[1:]]))
    # export glitches: exact duplicate rows, bot hits without any id, impossible dates
    for i in r.sample(range(len(out)), 30):
        out.insert(i, out[i])
    for i in r.sample(range(len(out)), 6):
        t, row = out[i]
        bot = list(row)
        bot[1], bot[2], bot[3], bot[4] = "Flight Search", "", "", "s" + sha1(f"bot{i}")[:15]
        out.insert(i + 1, (t, bot))
    for i in r.sample(range(len(out)), 3):
        t, row = out[i]
        bad = list(row)
        bad[0] = f"{t:%Y}-02-30T{t:%H:%M:%S}.000Z"
        out[i] = (t, bad)
    by_month: dict[str, list] = {}
    for t, row in out:
        by_month.setdefault(f"{t:%Y-%m}", []).append(row)
    (folder / "app_analytics").mkdir()
    for month, rows_ in by_month.items():
        with open(folder / "app_analytics" / f"events_{month}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(ANALYTICS_COLUMNS)
            w.writerows(rows_)


def write_booking_engine(sim: Sim, folder: Path) -> None:
    orders_csv = folder / "_orders.csv"
    cancels_csv = folder / "_cancellations.csv"
    with open(orders_csv, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "member_hash",
                "product",
                "trip_type",
                "is_refundable",
                "amount_cny",
                "paid_at",
                "booking_platform",
                "device_type",
                "web_session_id",
                "trip_start",
                "trip_end",
                "status",
            ]
        )
        for o in sorted(sim.orders, key=lambda o: o[6]):
            w.writerow(
                [
                    o[0],
                    o[1],
                    o[2],
                    o[3],
                    "true" if o[4] else "false",
                    f"{o[5]:.2f}",
                    f"{o[6]:%Y-%m-%d %H:%M:%S}",
                    o[7],
                    o[8],
                    o[9],
                    f"{o[10]:%Y-%m-%d %H:%M:%S}",
                    f"{o[11]:%Y-%m-%d %H:%M:%S}",
                    o[12],
                ]
            )
    with open(cancels_csv, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["order_no", "member_hash", "cancelled_at", "refund_cny", "cancel_platform", "reason"]
        )
        for c in sorted(sim.cancels, key=lambda c: c[2]):
            w.writerow([c[0], c[1], f"{c[2]:%Y-%m-%d %H:%M:%S}", f"{c[3]:.2f}", c[4], c[5]])
    con = duckdb.connect(str(folder / "booking_engine.duckdb"))
    con.execute(f"""
        CREATE TABLE orders AS SELECT order_no, member_hash, product, trip_type,
            is_refundable::BOOLEAN AS is_refundable, amount_cny::DECIMAL(12,2) AS amount_cny,
            paid_at::TIMESTAMP AS paid_at, booking_platform, device_type, web_session_id,
            trip_start::TIMESTAMP AS trip_start, trip_end::TIMESTAMP AS trip_end, status
        FROM read_csv('{orders_csv}', all_varchar=true, header=true)""")
    con.execute(f"""
        CREATE TABLE cancellations AS SELECT order_no, member_hash,
            cancelled_at::TIMESTAMP AS cancelled_at, refund_cny::DECIMAL(12,2) AS refund_cny,
            cancel_platform, reason
        FROM read_csv('{cancels_csv}', all_varchar=true, header=true)""")
    con.execute("""
        CREATE VIEW completed_trips AS
        SELECT order_no, member_hash, product, trip_type, booking_platform, trip_end AS completed_at
        FROM orders WHERE status = 'completed'""")
    con.close()
    orders_csv.unlink()
    cancels_csv.unlink()


def write_crm(sim: Sim, folder: Path) -> None:
    final_tier = {}
    for p in sim.members:
        tier = p.tier
        if tier == "none" and p.loyal:
            tier = "platinum" if p.paid >= 7 else "gold" if p.paid >= 4 else "silver"
        final_tier[p.pid] = tier
    with open(folder / "crm_members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "member_hash",
                "registered_at",
                "loyalty_tier",
                "traveller_type",
                "home_market",
                "home_city",
                "signup_channel",
                "newsletter_opt_in",
            ]
        )
        for p in sorted(sim.members, key=lambda p: p.registered_at):
            if p.registered_at >= AS_OF_DT:
                continue
            w.writerow(
                [
                    p.member_hash,
                    f"{p.registered_at:%Y-%m-%d %H:%M:%S}",
                    final_tier[p.pid].capitalize(),
                    p.ttype.capitalize(),
                    p.region,
                    p.city,
                    CRM_SIGNUP[p.signup_channel],
                    "Y" if p.newsletter else "N",
                ]
            )


def write_tickets(sim: Sim, folder: Path) -> None:
    rows = sorted(sim.tickets, key=lambda t: t["Ticket ID"])
    rows = [*rows, rows[100], rows[2000 % len(rows)]]  # the helpdesk exported two tickets twice
    with open(folder / "helpdesk_tickets.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def write_nps(sim: Sim, folder: Path) -> None:
    with open(folder / "nps_responses.jsonl", "w") as f:
        for row in sorted(sim.nps, key=lambda x: x["response_id"]):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_costs(sim: Sim, folder: Path) -> None:
    """Spend per channel per day: fixed budgets with a weekly rhythm, click costs for metasearch,
    commissions for affiliates, and the summer sale's extra email and affiliate spend."""
    r = random.Random(SEED + 2)
    meta_sessions: dict[date, set] = {}
    for e in sim.analytics:
        if e["channel_group"] == "Metasearch":
            meta_sessions.setdefault(e["t"].date(), set()).add(e["session_id"])
    affiliate_sessions = {
        e["session_id"] for e in sim.analytics if e["channel_group"] == "Affiliate"
    }
    commission: dict[date, float] = {}
    for o in sim.orders:
        if o[9] in affiliate_sessions:
            commission[o[6].date()] = commission.get(o[6].date(), 0.0) + o[5] * 0.06
    rows = []
    for i in range(N_DAYS):
        d = START + timedelta(days=i)
        s = Sim.season(d)
        budgets = {
            "website": 1100 * s,
            "ios_app": 520 * s,
            "android_app": 430 * s,
            "metasearch": 42.0 * len(meta_sessions.get(d, ())) + 60,
            "email": 85 if d.weekday() == 3 else 12,
            "affiliate": 150 + commission.get(d, 0.0),
        }
        for ch in CHANNELS:
            cost = budgets[ch] * (
                r.uniform(0.85, 1.15) if ch not in ("email", "affiliate") else 1.0
            )
            rows.append([f"{d:%Y/%m/%d}", SHEET_CHANNEL[ch], ALWAYS_ON[ch], f"{cost:.2f}"])
        if SALE[0].date() <= d < SALE[1].date():
            rows.append(
                [
                    f"{d:%Y/%m/%d}",
                    SHEET_CHANNEL["email"],
                    "summer_sale",
                    f"{r.uniform(1800, 2400):.2f}",
                ]
            )
            rows.append(
                [
                    f"{d:%Y/%m/%d}",
                    SHEET_CHANNEL["affiliate"],
                    "summer_sale",
                    f"{r.uniform(2500, 3500):.2f}",
                ]
            )
            rows.append(
                [
                    f"{d:%Y/%m/%d}",
                    SHEET_CHANNEL["website"],
                    "summer_sale",
                    f"{r.uniform(900, 1300):.2f}",
                ]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Channel", "Campaign", "Spend (CNY)"])
        w.writerows(rows)


def build(out: Path) -> None:
    sim = simulate()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="travel-src-") as tmp:
        folder = Path(tmp)
        write_analytics(sim, folder)
        write_booking_engine(sim, folder)
        write_crm(sim, folder)
        write_tickets(sim, folder)
        write_nps(sim, folder)
        write_costs(sim, folder)
        # the config's paths are relative to the config file: the exports sit next to it
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
    print("\n".join(report.lines()))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    build(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
