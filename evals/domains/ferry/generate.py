"""Ferry evaluation domain: 海港快船 HarbourJet, Hong Kong / Macau / Shekou / Zhuhai ferries.

    python generate.py OUT.duckdb

Writes HarbourJet's own exports (seeded: the same files every run) to a temporary folder —

  booking_engine.csv      booking engine: web/app bookings, changes, refunds, add-ons
                          (ISO UTC with Z; amount in HKD, MOP or 元 plus amountHKD)
  web_search_log.csv      booking engine search log (website): cookie, memberNo after login
  app_events.jsonl        app event log: epoch milliseconds, device_id, member_no after login
  gate_scans.csv          pier gate check-in / boarding scans ('YYYY-MM-DD HH:mm:ss' local)
  tripcom_settlement.csv  Trip.com agent settlement (own columns, CNY + HKD, commission)
  klook_settlement.csv    Klook agent settlement (ISO +08:00, HKD, commission)
  loyalty_members.csv     常客 club members (tier 银卡/金卡)
  loyalty_ledger.csv      loyalty ledger: enrol, upgrade, redeem (dd/mm/YYYY HH:MM)
  complaints.csv          complaint desk export, Chinese headers
  marketing_monthly.csv   monthly marketing sheet (Google, 小红书, Klook推广) in HKD

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
The ingest cannot read epoch milliseconds, so the app log's `ts` is converted to ISO UTC (the
one preparation step a user would script) before ingesting. Stories: see description.md.
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
CNY = (datetime(2026, 2, 14), datetime(2026, 2, 23))  # 春节 peak
MAY_GW = (datetime(2026, 5, 1), datetime(2026, 5, 6))  # 五一
OCT_GW = (datetime(2026, 10, 1), datetime(2026, 10, 8))  # 十一
TYPHOON = (datetime(2026, 9, 2), datetime(2026, 9, 5))  # sailings cancelled 2-4 Sep
ZHUHAI_LAUNCH = datetime(2026, 5, 18)  # Hong Kong - Zhuhai route opens
KLOOK_PROMO = (datetime(2026, 7, 1), datetime(2026, 8, 1))
FUEL = datetime(2026, 10, 15)  # fuel surcharge HKD 25 per passenger per leg

R = random.Random(SEED)

ROUTES = ["HKG-MAC", "HKG-SHK", "MAC-SHK", "HKG-ZUH"]
ORIGIN_PIER = {
    "HKG-MAC": ["Sheung Wan", "Tsim Sha Tsui"],
    "HKG-SHK": ["Sheung Wan", "Tsim Sha Tsui"],
    "MAC-SHK": ["Macau Outer Harbour", "Taipa"],
    "HKG-ZUH": ["Sheung Wan"],
}
DEST_PIER = {
    "HKG-MAC": ["Macau Outer Harbour", "Taipa"],
    "HKG-SHK": ["Shekou"],
    "MAC-SHK": ["Shekou"],
    "HKG-ZUH": ["Zhuhai Jiuzhou"],
}
FARE = {"HKG-MAC": (175, 365), "HKG-SHK": (250, 420), "MAC-SHK": (230, 400), "HKG-ZUH": (190, 360)}
HOME = ["香港", "澳门", "内地"]
CCY = {"香港": "HKD", "澳门": "MOP", "内地": "元"}
TO_HKD = {"HKD": 1.0, "MOP": 1 / 1.03, "元": 1.09}
HOURS = [0.1, 0, 0, 0, 0, 0.2, 0.6, 1.5, 2.5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3.2, 3.5, 3.8, 3.5, 2, 0.8]
SAIL_HOURS = [0] * 7 + [3, 4, 4, 4, 3, 3, 3, 3, 3, 4, 4, 4, 3, 3, 2, 1, 0]


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


booking, websearch, app, gate, tripcom, klook, members, ledger, complaints = ([] for _ in range(9))
seq = {"pnr": 300000, "mem": 500000, "cookie": 0, "dev": 0, "cmp": 0, "trip": 0, "klk": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, home=None):
        self.home = home or pick(HOME, [0.55, 0.15, 0.3])
        self.member = None
        self.tier = None
        self.cookie = None
        self.device = None
        self.email = None


def join_club(p, ts, tier="银卡", in_data=True):
    p.member = f"HJ{nxt('mem')}"
    p.tier = tier
    members.append(
        (p.member, ts, tier, p.home, pick(["18-29", "30-44", "45-59", "60+"], [2, 4, 3, 1]))
    )
    if in_data and within(ts):
        ledger.append((p.member, ts, "ENROL", 500, tier))


def complaint(p, pnr, ts, cat, slow=1.0):
    if not within(ts):
        return
    ch = pick(["电话", "电邮", "WhatsApp", "码头柜台"], [0.35, 0.3, 0.25, 0.1])
    first = {
        "电话": R.uniform(0.05, 1),
        "电邮": R.uniform(3, 30),
        "WhatsApp": R.uniform(0.2, 4),
        "码头柜台": R.uniform(0.02, 0.3),
    }[ch]
    first *= slow
    res = (
        first
        + {
            "航班延误": R.uniform(4, 60),
            "航班取消": R.uniform(12, 96),
            "员工态度": R.uniform(24, 120),
            "退款慢": R.uniform(24, 240),
        }[cat]
        * slow
    )
    solved = ts + timedelta(hours=res)
    sat = ""
    if chance(0.5):
        base = {"航班延误": 3.4, "航班取消": 2.9, "员工态度": 3.0, "退款慢": 2.5}[cat] - (
            0.6 if slow > 1 else 0
        )
        sat = max(1, min(5, round(R.gauss(base, 1))))
    complaints.append(
        (
            f"TS{nxt('cmp'):05d}",
            p.member or "",
            pnr,
            ts,
            ts + timedelta(hours=first),
            solved if solved < END and chance(0.96) else None,
            cat,
            ch,
            sat,
        )
    )


def sail_time(d):
    hr = R.choices(range(24), weights=SAIL_HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.choice([0, 15, 30, 45]))


def fare(route, cls, trip, ftype, pax, ts):
    base = FARE[route][0 if cls == "ECON" else 1]
    if inw(ts, CNY) or inw(ts, MAY_GW) or inw(ts, OCT_GW):
        base *= 1.15
    mult = {"ADULT": 1.0, "CHILD": 0.5, "SENIOR": 0.5}[ftype] * (1.9 if trip == "RTN" else 1.0)
    legs = 2 if trip == "RTN" else 1
    fuel = 25 * pax * legs if ts >= FUEL else 0
    return round(base * mult * pax, 0), fuel


def travel(p, pnr, route, dep, trip, pax, channel, bought_ts):
    """Check-in and boarding at the pier (and the return leg); typhoon cancellations."""
    legs = [(dep, ORIGIN_PIER[route])]
    if trip == "RTN":
        back = dep + timedelta(days=R.choice([0, 0, 1, 1, 2, 3, 5]), hours=R.uniform(4, 10))
        back = back.replace(minute=R.choice([0, 15, 30, 45]), second=0)
        legs.append((back, DEST_PIER[route]))
    for i, (t, piers) in enumerate(legs):
        if not within(t):
            return
        if inw(t, TYPHOON):
            # sailing cancelled: mass refunds (slow), some rebook, complaints
            if chance(0.8):
                rt = datetime(2026, 9, 2, 9) + timedelta(hours=R.uniform(0, 200))
                booking_row(p, pnr, rt, "REFUND", channel, route, refund=True)
                if chance(0.25):
                    complaint(p, pnr, rt + timedelta(hours=R.uniform(24, 200)), "退款慢", slow=2.5)
            else:
                booking_row(p, pnr, t - timedelta(hours=R.uniform(2, 30)), "CHANGE", channel, route)
            if chance(0.18):
                complaint(p, pnr, t + timedelta(hours=R.uniform(0.5, 30)), "航班取消", slow=2.0)
            return
        pier = R.choice(piers)
        ci = t - timedelta(minutes=R.uniform(20, 75))
        if not within(ci):
            return
        gate.append((ci, pnr, pier, f"G{R.randrange(1, 9)}", "CHECKIN", pax))
        if chance(0.985):
            bt = t - timedelta(minutes=R.uniform(5, 15))
            delayed = chance(0.05) or (i == 0 and t.month in (6, 7, 8) and chance(0.06))
            if delayed:
                bt += timedelta(minutes=R.uniform(30, 120))
            gate.append((bt, pnr, pier, f"G{R.randrange(1, 9)}", "BOARD", pax))
            if delayed and chance(0.15):
                complaint(p, pnr, bt + timedelta(hours=R.uniform(1, 48)), "航班延误")
            elif chance(0.004):
                complaint(p, pnr, bt + timedelta(hours=R.uniform(1, 48)), "员工态度")


def booking_row(p, pnr, ts, kind, channel, route, refund=False, **kw):
    if not within(ts):
        return
    booking.append(
        dict(ts=ts, pnr=pnr, p=p, kind=kind, channel=channel, route=route, refund=refund, **kw)
    )


def buy_direct(p, ts, channel, route, client):
    cls = "FIRST" if chance(0.12 if p.home != "内地" else 0.18) else "ECON"
    trip = "RTN" if chance(0.35) else "SGL"
    ftype = pick(["ADULT", "CHILD", "SENIOR"], [0.8, 0.12, 0.08])
    pax = pick([1, 2, 3, 4], [0.55, 0.28, 0.1, 0.07])
    amt, fuel = fare(route, cls, trip, ftype, pax, ts)
    pnr = f"HJ{nxt('pnr')}"
    ccy = CCY[p.home] if chance(0.7) else "HKD"
    total_hkd = amt + fuel
    booking_row(
        p,
        pnr,
        ts,
        "BOOK",
        channel,
        route,
        cls=cls,
        trip=trip,
        ftype=ftype,
        pax=pax,
        ccy=ccy,
        hkd=total_hkd,
        fuel=fuel,
        client=client,
    )
    if cls == "ECON" and chance(0.13):
        booking_row(
            p,
            pnr,
            ts + timedelta(minutes=R.uniform(1, 600)),
            "ADDON",
            channel,
            route,
            addon="PRIORITY",
            hkd=30.0 * pax,
            ccy=ccy,
            client=client,
        )
    if chance(0.08):
        booking_row(
            p,
            pnr,
            ts + timedelta(minutes=R.uniform(2, 900)),
            "ADDON",
            channel,
            route,
            addon="LUGGAGE",
            hkd=60.0,
            ccy=ccy,
            client=client,
        )
    after_purchase(p, pnr, ts, channel, route, trip, pax, total_hkd)
    return pnr


def after_purchase(p, pnr, ts, channel, route, trip, pax, total):
    lead = R.choice([0, 0, 0, 1, 1, 2, 3, 5, 7, 14])
    dep = sail_time((ts + timedelta(days=lead)).date())
    if dep < ts + timedelta(hours=1):
        dep = ts + timedelta(hours=R.uniform(1.5, 5))
        dep = dep.replace(minute=R.choice([0, 15, 30, 45]), second=0)
    if not inw(dep, TYPHOON) and chance(0.035):
        booking_row(
            p,
            pnr,
            ts + timedelta(hours=R.uniform(1, 40)),
            "REFUND",
            channel,
            route,
            refund=True,
            hkd=round(total * 0.9, 0),
        )
        if chance(0.08):
            complaint(p, pnr, ts + timedelta(days=R.uniform(3, 12)), "退款慢")
        return
    if not inw(dep, TYPHOON) and chance(0.07):
        booking_row(
            p, pnr, ts + timedelta(hours=R.uniform(1, 40)), "CHANGE", channel, route, hkd=40.0
        )
        dep = dep + timedelta(days=R.choice([0, 1, 1, 2]), hours=R.choice([2, 3, -2]))
    travel(p, pnr, route, dep, trip, pax, channel, ts)


def agent_buy(p, ts, agent, route):
    cls = "FIRST" if chance(0.1) else "ECON"
    trip = "RTN" if chance(0.3) else "SGL"
    ftype = pick(["ADULT", "CHILD", "SENIOR"], [0.8, 0.13, 0.07])
    pax = pick([1, 2, 3, 4], [0.45, 0.35, 0.12, 0.08])
    amt, fuel = fare(route, cls, trip, ftype, pax, ts)
    if agent == "Klook" and inw(ts, KLOOK_PROMO):
        amt = round(amt * 0.85, 0)
    pnr = f"HJ{nxt('pnr')}"
    total = amt + fuel
    refunded = None
    lead = R.choice([1, 2, 3, 5, 7, 10, 14, 21])
    dep = sail_time((ts + timedelta(days=lead)).date())
    if inw(dep, TYPHOON) and chance(0.8):
        refunded = datetime(2026, 9, 2, 9) + timedelta(hours=R.uniform(0, 200))
    elif chance(0.03):
        refunded = ts + timedelta(days=R.uniform(0.2, 3))
    rec = dict(
        ts=ts,
        pnr=pnr,
        route=route,
        cls=cls,
        trip=trip,
        ftype=ftype,
        pax=pax,
        hkd=total,
        fuel=fuel,
        refunded=refunded,
        p=p,
    )
    (tripcom if agent == "Trip.com" else klook).append(rec)
    if refunded is not None:
        if inw(dep, TYPHOON) and chance(0.15):
            complaint(p, pnr, refunded + timedelta(hours=R.uniform(24, 200)), "退款慢", slow=2.5)
        return
    travel(p, pnr, route, dep, trip, pax, agent, ts)


def weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() >= 4:
        w *= 1.3
    for win, f in ((CNY, 2.3), (MAY_GW, 2.0), (OCT_GW, 2.4)):
        pre = (win[0] - timedelta(days=10), win[1])
        if inw(dt, pre):
            w *= f
    if datetime(2025, 12, 20) <= dt < datetime(2026, 1, 2):
        w *= 1.3
    if inw(dt, TYPHOON):
        w *= 0.15
    if dt.month in (6, 8):
        w *= 1.1
    return w


def choose_route(ts):
    if ts >= ZHUHAI_LAUNCH:
        w = [0.40, 0.24, 0.10, 0.26 if ts < ZHUHAI_LAUNCH + timedelta(days=30) else 0.2]
    else:
        w = [0.55, 0.32, 0.13, 0]
    return pick(ROUTES, w)


def traveller(d, p=None):
    p = p or Person()
    t = at(d)
    promo = inw(t, KLOOK_PROMO)
    ch = pick(
        ["website", "app", "Trip.com", "Klook"],
        [0.22, 0.27, 0.2, 0.31] if promo else [0.4, 0.27, 0.2, 0.13],
    )
    if p.member and ch in ("Trip.com", "Klook") and chance(0.6):
        ch = pick(["website", "app"], [0.5, 0.5])
    route = choose_route(t)
    if ch in ("Trip.com", "Klook"):
        agent_buy(p, t, ch, route)
        return p
    fuel_drag = 0.12 if t >= FUEL else 0.0
    if ch == "website":
        if p.cookie is None:
            p.cookie = "ck_" + h(f"c{nxt('cookie')}")[:14]
        src = pick(["google", "xiaohongshu", "direct"], [0.45, 0.2, 0.35])
        for s in range(R.choice([1, 1, 2, 3])):
            ts = t + timedelta(minutes=R.uniform(0, 3) + s * R.uniform(10, 2000))
            if not within(ts):
                return p
            websearch.append((ts, p.cookie, p.member or "", "search", route, src))
            if not chance(0.62):
                continue
            websearch.append(
                (
                    ts + timedelta(minutes=R.uniform(0.5, 4)),
                    p.cookie,
                    p.member or "",
                    "select",
                    route,
                    src,
                )
            )
            if not chance(0.6):
                continue
            ts2 = ts + timedelta(minutes=R.uniform(4, 9))
            websearch.append((ts2, p.cookie, p.member or "", "checkout", route, src))
            if chance(0.72 - fuel_drag):
                if p.member is None and chance(0.5):
                    p.email = p.email or "em_" + h(f"e{nxt('cookie')}")[:12]
                buy_direct(p, ts2 + timedelta(minutes=R.uniform(1, 6)), "WEB", route, p.cookie)
                if p.member is None and chance(0.08):
                    join_club(p, ts2 + timedelta(minutes=R.uniform(8, 30)))
                return p
        return p
    # app
    if p.device is None:
        p.device = "dv-" + h(f"d{nxt('dev')}")[:16]
    for s in range(R.choice([1, 2, 2, 3])):
        ts = t + timedelta(minutes=s * R.uniform(20, 3000))
        if not within(ts):
            return p
        app.append((ts, p.device, p.member or "", "app_open", ""))
        app.append(
            (
                ts + timedelta(seconds=R.uniform(10, 60)),
                p.device,
                p.member or "",
                "search_sailings",
                route,
            )
        )
        if not chance(0.66):
            continue
        app.append(
            (
                ts + timedelta(minutes=R.uniform(1, 3)),
                p.device,
                p.member or "",
                "sailing_detail",
                route,
            )
        )
        if not chance(0.62):
            continue
        if p.member is None and chance(0.35):
            join_club(p, ts + timedelta(minutes=3))
            app.append((ts + timedelta(minutes=3, seconds=20), p.device, p.member, "login", ""))
        ts2 = ts + timedelta(minutes=R.uniform(4, 8))
        app.append((ts2, p.device, p.member or "", "checkout_start", route))
        if chance(0.76 - fuel_drag):
            buy_direct(p, ts2 + timedelta(minutes=R.uniform(1, 4)), "APP", route, p.device)
            return p
    return p


def commuter(p):
    """Existing club members travelling several times a year (mostly HKG-SHK / HKG-MAC)."""
    n = poisson(5.0 if p.tier == "金卡" else 1.8)
    for _ in range(n):
        d = (START + timedelta(days=R.randrange(N_DAYS))).date()
        traveller(d, p)
    if p.tier == "银卡" and n >= 5 and chance(0.5):
        t = at((START + timedelta(days=R.randrange(N_DAYS))).date())
        p.tier = "金卡"
        ledger.append((p.member, t, "UPGRADE", 0, "金卡"))
    for _ in range(poisson(0.6)):
        t = at((START + timedelta(days=R.randrange(N_DAYS))).date())
        ledger.append((p.member, t, "REDEEM", -R.choice([500, 1000, 1500]), p.tier))


def simulate():
    base = []
    for _ in range(1300):
        p = Person(pick(HOME, [0.6, 0.15, 0.25]))
        join_club(
            p,
            START - timedelta(days=R.uniform(30, 1500)),
            "金卡" if chance(0.2) else "银卡",
            in_data=False,
        )
        base.append(p)
    for p in base:
        commuter(p)
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        for _ in range(poisson(17 * weight(d))):
            traveller(d)
    # members who joined during the year redeem a little
    for m in members:
        if within(m[1]) and chance(0.08):
            t = m[1] + timedelta(days=R.uniform(20, 200))
            if within(t):
                ledger.append((m[0], t, "REDEEM", -500, m[2]))


def iso_z(ts):
    return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"


def write(folder: Path):
    with open(folder / "booking_engine.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "bookingRef",
                "eventType",
                "createdAtUtc",
                "salesChannel",
                "memberNo",
                "guestEmailHash",
                "clientId",
                "route",
                "cabinClass",
                "tripType",
                "fareType",
                "paxCount",
                "currency",
                "amount",
                "amountHKD",
                "fuelSurchargeHKD",
                "addOnType",
            ]
        )
        for r in sorted(booking, key=lambda r: (r["ts"], r["pnr"], r["kind"])):
            p = r["p"]
            ccy = r.get("ccy") or CCY[p.home]
            hkd = r.get("hkd")
            if r["kind"] == "REFUND":
                hkd = -abs(hkd or 0.0)
            amt = "" if hkd is None else f"{hkd / TO_HKD[ccy]:.2f}"
            w.writerow(
                [
                    r["pnr"],
                    r["kind"],
                    iso_z(r["ts"]),
                    r["channel"],
                    p.member or "",
                    p.email or "",
                    r.get("client") or (p.cookie if r["channel"] == "WEB" else p.device) or "",
                    r["route"],
                    r.get("cls", ""),
                    r.get("trip", ""),
                    r.get("ftype", ""),
                    r.get("pax", ""),
                    ccy,
                    amt,
                    "" if hkd is None else f"{hkd:.2f}",
                    r.get("fuel", ""),
                    r.get("addon", ""),
                ]
            )
    with open(folder / "web_search_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["searchedAt", "cookieId", "memberNo", "action", "route", "utm_source"])
        for r in sorted(websearch, key=lambda r: (r[0], r[1])):
            w.writerow([iso_z(r[0]), *r[1:]])
    with open(folder / "app_events_raw.jsonl", "w") as f:
        for ts, dev, mem, ev, route in sorted(app, key=lambda r: (r[0], r[1], r[3])):
            ms = int(
                (ts - timedelta(hours=8)).replace(tzinfo=UTC).timestamp() * 1000
            ) + R.randrange(1000)
            obj = {"ts": ms, "device_id": dev, "event": ev, "props": {"route": route}}
            if mem:
                obj["member_no"] = mem
            if route:
                obj["route"] = route
            obj["os"] = "ios" if int(dev[3:5], 16) % 5 < 3 else "android"
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "gate_scans.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["scan_time", "ticket_no", "pier", "gate", "scan_type", "pax"])
        for r in sorted(gate, key=lambda r: (r[0], r[1])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", *r[1:]])
    cls_cn = {"ECON": "经济舱", "FIRST": "头等舱"}
    with open(folder / "tripcom_settlement.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "OrderID",
                "SupplierPNR",
                "BookingTime",
                "Route",
                "SeatClass",
                "Qty",
                "SalePrice(CNY)",
                "SettleAmount(HKD)",
                "Commission(HKD)",
                "OrderStatus",
                "ChangeTime",
            ]
        )
        rows = []
        for r in tripcom:
            oid = f"TC{nxt('trip'):09d}"
            hkd = r["hkd"]
            rows.append(
                (
                    r["ts"],
                    [
                        oid,
                        r["pnr"],
                        f"{r['ts']:%Y/%m/%d %H:%M}",
                        r["route"],
                        cls_cn[r["cls"]],
                        r["pax"],
                        f"{hkd / 1.09:.2f}",
                        f"{hkd:.2f}",
                        f"{hkd * 0.1:.2f}",
                        "已出票",
                        "",
                    ],
                )
            )
            if r["refunded"] is not None and within(r["refunded"]):
                rows.append(
                    (
                        r["refunded"],
                        [
                            oid,
                            r["pnr"],
                            f"{r['refunded']:%Y/%m/%d %H:%M}",
                            r["route"],
                            cls_cn[r["cls"]],
                            r["pax"],
                            f"{-hkd / 1.09:.2f}",
                            f"{-hkd:.2f}",
                            f"{-hkd * 0.1:.2f}",
                            "已退票",
                            "",
                        ],
                    )
                )
        for _, row in sorted(rows, key=lambda x: (x[0], x[1][0])):
            w.writerow(row)
    with open(folder / "klook_settlement.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "booking_reference",
                "supplier_reference",
                "booked_at",
                "package_name",
                "units",
                "selling_price_hkd",
                "commission_hkd",
                "status",
            ]
        )
        rows = []
        for r in klook:
            ref = f"KLK{nxt('klk'):08d}"
            rate = 0.15 if inw(r["ts"], KLOOK_PROMO) else 0.12
            cabin = "First Class" if r["cls"] == "FIRST" else "Economy"
            leg = "Return" if r["trip"] == "RTN" else "One-way"
            name = f"HarbourJet {r['route']} {cabin} {leg}"
            rows.append(
                (
                    r["ts"],
                    [
                        ref,
                        r["pnr"],
                        r["ts"].strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                        name,
                        r["pax"],
                        f"{r['hkd']:.2f}",
                        f"{r['hkd'] * rate:.2f}",
                        "CONFIRMED",
                    ],
                )
            )
            if r["refunded"] is not None and within(r["refunded"]):
                rows.append(
                    (
                        r["refunded"],
                        [
                            ref,
                            r["pnr"],
                            r["refunded"].strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                            name,
                            r["pax"],
                            f"{-r['hkd']:.2f}",
                            f"{-r['hkd'] * rate:.2f}",
                            "REFUNDED",
                        ],
                    )
                )
        for _, row in sorted(rows, key=lambda x: (x[0], x[1][0], x[1][7])):
            w.writerow(row)
    with open(folder / "loyalty_members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "joined_on", "tier", "home_region", "age_band"])
        for m in sorted(members, key=lambda m: m[0]):
            w.writerow([m[0], f"{m[1]:%d/%m/%Y %H:%M}", m[2], m[3], m[4]])
    with open(folder / "loyalty_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "txn_time", "txn_type", "points", "tier_after"])
        for r in sorted(ledger, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%d/%m/%Y %H:%M}", r[2], r[3], r[4]])

    def cn(ts):
        return f"{ts:%Y年%m月%d日 %H:%M}" if ts else ""

    with open(folder / "complaints.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "投诉编号",
                "会员号",
                "订单号",
                "提交时间",
                "首次回复时间",
                "结案时间",
                "投诉类别",
                "渠道",
                "满意度",
            ]
        )
        for r in sorted(complaints, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], cn(r[3]), cn(r[4]), cn(r[5]), r[6], r[7], r[8]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(HKD)"])
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in (("Google", 60000), ("小红书", 35000), ("Klook推广", 15000)):
                x = amt * R.uniform(0.9, 1.1)
                if m.month in (1, 2, 4, 9) and ch != "Klook推广":
                    x *= 1.4
                if ch == "Klook推广" and m.month == 7:
                    x = 120000 * R.uniform(0.95, 1.05)
                if ch == "小红书" and m >= datetime(2026, 5, 1):
                    x *= 1.3  # Zhuhai launch push on 小红书
                w.writerow([f"{m:%Y-%m}", ch, f"{x:.0f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def prepare_app_log(folder: Path):
    """The one step the ingest cannot do: epoch milliseconds -> ISO UTC."""
    with (
        open(folder / "app_events_raw.jsonl") as src,
        open(folder / "app_events.jsonl", "w") as dst,
    ):
        for line in src:
            obj = json.loads(line)
            obj["ts"] = (
                datetime.fromtimestamp(obj["ts"] / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[
                    :-4
                ]
                + "Z"
            )
            dst.write(json.dumps(obj, ensure_ascii=False) + "\n")
    (folder / "app_events_raw.jsonl").unlink()


def fill_refunds():
    """Refund rows of typhoon cancellations carry the booking's full amount (written negative)."""
    paid = {r["pnr"]: r for r in booking if r["kind"] == "BOOK"}
    for r in booking:
        if r["kind"] == "REFUND" and r.get("hkd") is None:
            b = paid.get(r["pnr"])
            r["hkd"] = b["hkd"] if b else 0.0
            r["ccy"] = b["ccy"] if b else "HKD"


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    fill_refunds()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="ferry-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        prepare_app_log(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
