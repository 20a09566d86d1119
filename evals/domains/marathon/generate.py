"""Marathon evaluation domain: RunFest, an organiser of city running races in Asia.

    python generate.py OUT.duckdb

Writes RunFest's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl      app / race-site event log: event_time_ms (epoch ms, UTC) plus the log
                        shipper's event_time_utc, device_id always, member_id after login
  members.csv           registration platform member profiles (ISO times with +08:00)
  reg_orders.csv        registration platform actions: ballot applications, entries, payments,
                        failed payments, add-ons, refunds (amount in race currency + settled CNY)
  ballot_results.csv    ballot draw results (中签 / 未中签)
  kit_collection.csv    race-kit collection log (领物), 'YYYY/MM/DD HH:mm' local, bib assigned here
  chip_timing.csv       chip reads per bib (START / FINISH), local time with hundredths
  support_tickets.csv   support desk export, Chinese and English subjects
  marketing_monthly.csv monthly marketing sheet in CNY (Strava, WeChat, Instagram, running clubs)

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of; data ends the day before
GATEWAY_DOWN = (datetime(2026, 3, 3, 9, 0), datetime(2026, 3, 3, 18, 30))
EARLY_BIRD_END = datetime(2026, 10, 16)  # Singapore Marathon price 88 -> 118 SGD from 16 Oct

R = random.Random(SEED)
FX = {"CNY": 1.0, "SGD": 5.4, "MYR": 1.55}
ADDON_PRICE = {
    "CNY": {"PHOTO": 68, "TSHIRT": 99, "SHUTTLE": 30},
    "SGD": {"PHOTO": 15, "TSHIRT": 25, "SHUTTLE": 8},
    "MYR": {"PHOTO": 40, "TSHIRT": 60, "SHUTTLE": 20},
}


class Race:
    def __init__(self, code, name, city, cur, dist, fee, day, gun, open_, close, n, ballot=None):
        self.code, self.name, self.city, self.cur, self.dist, self.fee = (
            code,
            name,
            city,
            cur,
            dist,
            fee,
        )
        self.day = datetime.strptime(day, "%Y-%m-%d")
        h, m = gun
        self.gun = self.day + timedelta(hours=h, minutes=m)
        self.open = datetime.strptime(open_, "%Y-%m-%d")
        self.close = datetime.strptime(close, "%Y-%m-%d")
        self.n = n
        self.ballot = ballot  # (places, draw date, pay-by date)
        self.bib = 0


RACES = [
    Race(
        "XMN-FM-2026",
        "Xiamen Marathon",
        "Xiamen",
        "CNY",
        "FM",
        200,
        "2026-01-04",
        (7, 30),
        "2025-12-07",
        "2025-12-20",
        4700,
        (260, "2025-12-23", "2025-12-30"),
    ),
    Race(
        "SHA-5K-2026",
        "Shanghai Spring 5K",
        "Shanghai",
        "CNY",
        "5K",
        80,
        "2026-03-29",
        (8, 0),
        "2026-01-20",
        "2026-03-20",
        420,
    ),
    Race(
        "SIN-HM-2026",
        "Singapore Marina Half Marathon",
        "Singapore",
        "SGD",
        "HM",
        75,
        "2026-05-10",
        (5, 30),
        "2026-03-03",
        "2026-04-26",
        700,
    ),
    Race(
        "KUL-10K-2026",
        "KL City 10K",
        "Kuala Lumpur",
        "MYR",
        "10K",
        90,
        "2026-04-19",
        (6, 30),
        "2026-02-01",
        "2026-04-10",
        380,
    ),
    Race(
        "SHA-HM-2026",
        "Shanghai Half Marathon",
        "Shanghai",
        "CNY",
        "HM",
        150,
        "2026-04-26",
        (7, 0),
        "2026-02-10",
        "2026-04-12",
        650,
    ),
    Race(
        "KUL-HM-2026",
        "KL Half Marathon",
        "Kuala Lumpur",
        "MYR",
        "HM",
        130,
        "2026-07-12",
        (6, 0),
        "2026-04-15",
        "2026-07-01",
        620,
    ),
    Race(
        "SHA-N10K-2026",
        "Shanghai Night 10K",
        "Shanghai",
        "CNY",
        "10K",
        120,
        "2026-09-19",
        (19, 30),
        "2026-07-20",
        "2026-09-10",
        900,
    ),
    Race(
        "XMN-10K-2026",
        "Xiamen 10K",
        "Xiamen",
        "CNY",
        "10K",
        100,
        "2026-10-25",
        (7, 30),
        "2026-08-15",
        "2026-10-15",
        420,
    ),
    Race(
        "SHA-FM-2026",
        "Shanghai Marathon",
        "Shanghai",
        "CNY",
        "FM",
        200,
        "2026-11-29",
        (7, 0),
        "2026-08-20",
        "2026-09-05",
        1300,
        (520, "2026-09-15", "2026-09-25"),
    ),
    Race(
        "SIN-FM-2026",
        "Singapore Marathon",
        "Singapore",
        "SGD",
        "FM",
        88,
        "2026-12-06",
        (4, 30),
        "2026-08-01",
        "2026-11-25",
        780,
    ),
]
NET_MIN = {"FM": (270, 40), "HM": (128, 20), "10K": (62, 10), "5K": (32, 6)}
COUNTRY = {
    "Shanghai": "China",
    "Xiamen": "China",
    "Singapore": "Singapore",
    "Kuala Lumpur": "Malaysia",
}
HOME_CITIES = {
    "China": (
        ["Shanghai", "Xiamen", "Hangzhou", "Suzhou", "Fuzhou", "Beijing"],
        [40, 18, 12, 10, 10, 10],
    ),
    "Singapore": (["Singapore"], [1]),
    "Malaysia": (["Kuala Lumpur", "Penang", "Johor Bahru"], [70, 15, 15]),
}
SRC = ["organic", "direct", "wechat", "strava", "instagram", "club"]
SRC_W = {
    "China": [25, 18, 30, 9, 4, 14],
    "Singapore": [25, 20, 1, 20, 22, 12],
    "Malaysia": [25, 20, 1, 18, 24, 12],
}

app, members, orders, ballots, kits, chips, tickets = ([] for _ in range(7))
seq = {"member": 300000, "device": 0, "order": 0, "ticket": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    1.5,
    2,
    2.2,
    2.2,
    2.5,
    3,
    2.5,
    2.2,
    2.2,
    2.3,
    2.5,
    3,
    3.5,
    4,
    4,
    3,
    1,
]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def within(ts):
    return START <= ts < END


class Person:
    def __init__(self, country, existing=False, novice=False):
        self.country = country
        cities, w = HOME_CITIES[country]
        self.city = pick(cities, w)
        self.src = pick(SRC, SRC_W[country])
        self.device = None
        self.member = None
        self.created = None
        self.level = "新手" if novice else pick(["新手", "老跑者"], [0.25, 0.75])
        self.gender = pick(["M", "F"], [0.58, 0.42])
        self.age = pick(["18-29", "30-39", "40-49", "50+"], [0.24, 0.38, 0.26, 0.12])
        self.platform = pick(
            ["ios", "android", "web"],
            [0.42, 0.33, 0.25] if country == "China" else [0.45, 0.3, 0.25],
        )
        self.races = 0
        if existing:
            self.signup(START - timedelta(days=R.uniform(60, 1500)), in_app=False)
            self.level = pick(["新手", "老跑者"], [0.1, 0.9])


def dev(p):
    if p.device is None:
        p.device = "d-" + h(f"dev{nxt('device')}")[:14]
    return p.device


def log(p, ts, event, race=None, src=None, logged_in=True):
    if not within(ts):
        return
    app.append(
        (
            ts,
            dev(p),
            p.member if logged_in else None,
            event,
            race.code if race else "",
            src or p.src,
            p.platform,
        )
    )


def signup(p, ts, in_app=True):
    if p.member is None:
        p.member = f"RF{nxt('member')}"
        p.created = ts
        members.append(p)
        if in_app:
            log(p, ts, "sign_up")


Person.signup = signup


def order(p, race, ts, action, item="ENTRY", amount=None, tier="", settle=True):
    if not within(ts):
        return
    amt = race.fee if amount is None else amount
    settled = f"{amt * FX[race.cur]:.2f}" if settle else ""
    if action == "REFUND":
        settled = f"{-amt * FX[race.cur]:.2f}"
    orders.append(
        (
            f"RO{nxt('order'):07d}",
            p.member,
            race.code,
            race.dist,
            race.city,
            "BALLOT" if race.ballot else "DIRECT",
            action,
            item,
            f"{amt:.2f}",
            race.cur,
            settled,
            tier,
            ts,
        )
    )


def ticket(p, ts, cat, lang=None, mood=0.0, slow=1.0):
    if not within(ts):
        return
    lang = lang or ("zh" if p.country == "China" else "en")
    subjects = {
        "ballot": ("抽签结果查询", "Ballot result enquiry"),
        "transfer": ("名额转让申请", "Transfer of entry"),
        "refund": ("申请退款", "Refund request"),
        "kit": ("领物尺码更换", "Kit / T-shirt size change"),
        "payment": ("支付失败但已扣款", "Payment failed but card charged"),
        "result": ("成绩有误", "Finish time missing"),
    }
    subj = subjects[cat][0 if lang == "zh" else 1]
    tag = {
        "ballot": ("抽签结果", "Ballot result"),
        "transfer": ("名额转让", "Transfer"),
        "refund": ("退款", "Refund"),
        "kit": ("物资尺码", "Kit size"),
        "payment": ("支付问题", "Payment issue"),
        "result": ("成绩查询", "Results"),
    }[cat]
    ch = pick(
        ["WeChat", "Email", "Live chat"], [0.6, 0.25, 0.15] if lang == "zh" else [0.05, 0.6, 0.35]
    )
    fr = {
        "WeChat": R.uniform(0.1, 3),
        "Email": R.uniform(2, 24),
        "Live chat": R.uniform(0.02, 0.4),
    }[ch] * slow
    res = fr + R.uniform(1, 48) * (1.5 if cat in ("refund", "transfer") else 1.0)
    closed = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = str(max(1, min(5, round(R.gauss(4.2 - mood, 0.8)))))
    tickets.append(
        (
            f"T{nxt('ticket'):06d}",
            p.member,
            subj,
            tag[0 if lang == "zh" else 1],
            ch,
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END else None,
            csat,
        )
    )


def browse(p, race, t, login=False):
    """A visit to the race page on the app or site; logging in links the device to the member."""
    for i in range(R.choice([1, 1, 2, 3])):
        log(
            p,
            t + timedelta(minutes=i * R.uniform(0.5, 3)),
            "race_page_view",
            race,
            logged_in=p.member is not None,
        )
    t = t + timedelta(minutes=R.uniform(3, 8))
    if login:
        if p.member is None:
            signup(p, t)
        else:
            log(p, t, "login", race)
    return t


def pay(p, race, t, tier=""):
    """Pay the entry fee; during the gateway outage most attempts fail. Paid time or None."""
    for attempt in range(4):
        down = GATEWAY_DOWN[0] <= t < GATEWAY_DOWN[1]
        if chance(0.7 if down else 0.035):
            order(p, race, t, "PAY_FAIL", tier=tier, settle=False)
            if down and attempt == 0 and chance(0.22):
                ticket(
                    p,
                    t + timedelta(minutes=R.uniform(10, 120)),
                    "payment",
                    "en",
                    mood=1.2,
                    slow=3.0,
                )
            if not chance(0.78 if down else 0.7):
                return None
            t = t + (
                timedelta(hours=R.uniform(9.5, 40)) if down else timedelta(minutes=R.uniform(1, 30))
            )
            continue
        order(p, race, t, "PAY_OK", tier=tier)
        return t
    return None


def addons(p, race, t):
    for item, pr in (("PHOTO", 0.24), ("TSHIRT", 0.18), ("SHUTTLE", 0.12)):
        if chance(pr):
            ta = t + (
                timedelta(minutes=R.uniform(1, 5))
                if chance(0.7)
                else timedelta(days=R.uniform(1, 30))
            )
            if ta < race.day:
                order(p, race, ta, "ADDON", item, ADDON_PRICE[race.cur][item])


def race_day(p, race, paid):
    """Kit collection, chip start and finish, support contacts around the race."""
    if chance(0.02):
        tr = paid + timedelta(days=R.uniform(2, 30))
        if tr < race.day:
            ticket(p, tr, "refund", mood=0.6)
            order(p, race, tr + timedelta(days=R.uniform(1, 6)), "REFUND")
            return
    if chance(0.035):
        ticket(p, paid + timedelta(days=R.uniform(2, 40)), "transfer", mood=0.3)
    if chance(0.03):
        ticket(p, race.day - timedelta(days=R.uniform(3, 15)), "kit")
    if not chance(0.95):
        return
    kd = race.day - timedelta(days=R.choice([1, 1, 2, 3]))
    kt = datetime(kd.year, kd.month, kd.day, R.randrange(10, 20), R.randrange(60))
    if not within(kt):
        return
    race.bib += 1
    bib = f"{race.code[:-5]}-{race.bib:05d}"
    kits.append(
        (
            kt,
            p.member,
            race.code,
            bib,
            pick(["XS", "S", "M", "L", "XL"], [8, 25, 35, 22, 10]),
            "本人" if chance(0.88) else "代领",
        )
    )
    if not chance(0.965):
        return  # DNS
    start = race.gun + timedelta(
        seconds=R.uniform(0, 25 * 60 if race.dist in ("FM", "HM") else 12 * 60)
    )
    if not within(start):
        return
    chips.append((bib, race.code, "START", start, ""))
    mean, sd = NET_MIN[race.dist]
    heat = race.code == "KUL-HM-2026"
    novice = p.level == "新手"
    dnf = {"FM": 0.04, "HM": 0.025, "10K": 0.01, "5K": 0.005}[race.dist]
    if heat:
        dnf = 0.2
        mean = mean * 1.17
    if novice:
        mean *= 1.12
        dnf *= 1.5
    if chance(dnf):
        if chance(0.25):
            ticket(p, race.day + timedelta(hours=R.uniform(8, 60)), "result")
        return
    net = max(mean * 0.6, R.gauss(mean, sd)) * 60
    fin = start + timedelta(seconds=net)
    if within(fin):
        chips.append((bib, race.code, "FINISH", fin, f"{net:.2f}"))
    p.races += 1


def runner(race, p, t):
    """One person's path to one race."""
    t = browse(p, race, t, login=True)
    if chance(0.45):
        log(p, t + timedelta(minutes=R.uniform(0.5, 2)), "register_interest", race)
        if race.ballot is None and chance(0.4):
            t = t + timedelta(days=R.uniform(1, 12))
            t = browse(p, race, at(t), login=True)
    if race.ballot:
        order(p, race, t + timedelta(minutes=R.uniform(1, 6)), "BALLOT_APPLY", settle=False)
        return ("ballot", p)
    tier = ""
    if race.code == "SIN-FM-2026":
        tier = "EARLY_BIRD" if t < EARLY_BIRD_END else "STANDARD"
    fee = race.fee
    if tier == "STANDARD":
        fee = 118
    ts = t + timedelta(minutes=R.uniform(1, 6))
    if not (race.open <= ts < race.close + timedelta(days=1)):
        return None
    order(p, race, ts, "REG_SUBMIT", amount=fee, tier=tier, settle=False)
    paid = pay_fee(p, race, ts + timedelta(minutes=R.uniform(0.5, 4)), tier, fee)
    if paid:
        addons(p, race, paid)
        race_day(p, race, paid)
    return None


def pay_fee(p, race, t, tier, fee):
    saved = race.fee
    race.fee = fee
    try:
        return pay(p, race, t, tier)
    finally:
        race.fee = saved


def reg_day(race):
    """Sign-up day: opening rush, steady middle, last-days bump, the early-bird deadline."""
    span = (race.close - race.open).days + 1
    days = [race.open + timedelta(days=i) for i in range(span)]
    w = []
    for i, d in enumerate(days):
        x = 1.0
        if i == 0:
            x = 14 if race.code == "SIN-HM-2026" else 6
        elif i < 4:
            x = 3
        if span - i <= 5:
            x *= 2
        if race.code == "SIN-FM-2026":
            if EARLY_BIRD_END - timedelta(days=10) <= d < EARLY_BIRD_END:
                x *= 5
            elif d >= EARLY_BIRD_END:
                x *= 0.45
        if race.code == "SHA-N10K-2026" and d >= datetime(2026, 8, 20):
            x *= 1.8
        w.append(x)
    return R.choices(days, weights=w)[0]


POOL = {"China": [], "Singapore": [], "Malaysia": []}


def person_for(race):
    country = COUNTRY[race.city]
    if chance(0.1):
        country = pick(["China", "Singapore", "Malaysia"], [0.6, 0.2, 0.2])
    reuse = 0.45 if race.code != "SHA-N10K-2026" else 0.12
    pool = POOL[country]
    if pool and chance(reuse):
        p = R.choice(pool)
        return p
    novice = race.code == "SHA-N10K-2026" and chance(0.7)
    p = Person(country, existing=chance(0.35) and not novice, novice=novice)
    if race.code == "SHA-N10K-2026" and not p.member:
        p.src = pick(SRC, [15, 10, 40, 5, 22, 8])
    pool.append(p)
    return p


def simulate():
    for race in RACES:
        seen = set()
        entrants = []
        for _ in range(race.n):
            p = person_for(race)
            if id(p) in seen:
                continue
            seen.add(id(p))
            d = reg_day(race)
            r = runner(race, p, at(d))
            if r:
                entrants.append(p)
        # browsers who never enter (anonymous mostly)
        for _ in range(int(race.n * (0.35 if race.ballot else 0.6))):
            country = COUNTRY[race.city]
            p = Person(country)
            if race.code == "SHA-N10K-2026":
                p.src = pick(SRC, [15, 10, 40, 5, 22, 8])
            d = race.open + timedelta(days=R.randrange((race.close - race.open).days + 1))
            t = browse(p, race, at(d), login=chance(0.18))
            if p.member and chance(0.5):
                log(p, t + timedelta(minutes=1), "register_interest", race)
        if race.ballot:
            places, draw, payby = race.ballot
            draw_t = datetime.strptime(draw, "%Y-%m-%d") + timedelta(hours=10)
            payby_t = datetime.strptime(payby, "%Y-%m-%d") + timedelta(hours=23, minutes=59)
            R.shuffle(entrants)
            winners = set(id(p) for p in entrants[:places])
            for p in entrants:
                won = id(p) in winners
                ballots.append((race.code, p.member, "中签" if won else "未中签", draw_t))
                if won:
                    log(
                        p,
                        draw_t + timedelta(hours=R.uniform(0.2, 30)),
                        "view_ballot_result",
                        race,
                        src="direct",
                    )
                    if chance(0.9):
                        t = draw_t + timedelta(hours=R.uniform(0.5, 24 * 5))
                        t = min(t, payby_t - timedelta(minutes=5))
                        paid = pay(p, race, t)
                        if paid:
                            addons(p, race, paid)
                            race_day(p, race, paid)
                else:
                    if chance(0.6):
                        log(
                            p,
                            draw_t + timedelta(hours=R.uniform(0.2, 30)),
                            "view_ballot_result",
                            race,
                            src="direct",
                        )
                    if chance(0.07 if race.code == "XMN-FM-2026" else 0.03):
                        ticket(
                            p,
                            draw_t + timedelta(hours=R.uniform(1, 72)),
                            "ballot",
                            mood=0.9,
                            slow=2.5 if race.code == "XMN-FM-2026" else 1.0,
                        )


def iso(ts):
    return ts.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"


def write(folder: Path):
    sh = timezone(timedelta(hours=8))
    with open(folder / "app_events.jsonl", "w") as f:
        for ts, device, member, ev, race, src, plat in sorted(
            app, key=lambda r: (r[0], r[1], r[3])
        ):
            utc = ts.replace(tzinfo=sh).astimezone(UTC)
            obj = {
                "event_time_ms": int(utc.timestamp() * 1000),
                "event_time_utc": utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "device_id": device,
                "member_id": member,
                "event": ev,
                "race_code": race or None,
                "utm_source": src,
                "platform": plat,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "member_id",
                "created_at",
                "country",
                "home_city",
                "gender",
                "age_group",
                "runner_level",
                "signup_source",
            ]
        )
        for p in sorted(members, key=lambda p: p.member):
            w.writerow(
                [p.member, iso(p.created), p.country, p.city, p.gender, p.age, p.level, p.src]
            )
    with open(folder / "reg_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "member_id",
                "race_code",
                "distance",
                "race_city",
                "entry_type",
                "action",
                "item",
                "amount",
                "currency",
                "settled_cny",
                "price_tier",
                "created_at",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[-1], r[0])):
            w.writerow([*list(r[:-1]), iso(r[-1])])
    with open(folder / "ballot_results.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["race_code", "member_id", "result", "drawn_at"])
        for r in sorted(ballots, key=lambda r: (r[0], r[1])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}"])
    with open(folder / "kit_collection.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["collected_at", "member_id", "race_code", "bib", "tshirt_size", "collected_by"])
        for r in sorted(kits, key=lambda r: (r[0], r[3])):
            w.writerow([f"{r[0]:%Y/%m/%d %H:%M}", *list(r[1:])])
    with open(folder / "chip_timing.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["bib", "race_code", "mat", "read_time", "net_time_sec"])
        for r in sorted(chips, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{r[3]:%Y-%m-%d %H:%M:%S}.{r[3].microsecond // 10000:02d}",
                    r[4],
                ]
            )

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "support_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "member_id",
                "subject",
                "tag",
                "via",
                "created",
                "first_reply",
                "closed",
                "csat",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([*list(r[:5]), fmt(r[5]), fmt(r[6]), fmt(r[7]), r[8]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["month", "channel", "spend_cny"])
        base = {
            "Strava ads": 22000,
            "微信 WeChat": 30000,
            "Instagram": 18000,
            "跑团合作 Running clubs": 12000,
        }
        for m in range(12):
            y, mo = 2025 + (11 + m) // 12, (11 + m) % 12 + 1
            for ch, amt in base.items():
                x = R.uniform(0.85, 1.15)
                if (y, mo) in ((2026, 8), (2026, 9)) and ch in ("微信 WeChat", "Instagram"):
                    x *= 2.4  # Night 10K launch push
                w.writerow([f"{y}-{mo:02d}", ch, f"{amt * x:.0f}"])


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="marathon-src-") as tmp:
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
