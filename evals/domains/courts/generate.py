"""Courts evaluation domain: 动起来 (DongQiLai), sports-court booking in Guangzhou and Shenzhen.

    python generate.py OUT.duckdb

Writes DongQiLai's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl     app / WeChat mini-program event log: device_id always, uid after login,
                       event_ms (epoch milliseconds) and event_time (ISO with +08:00)
  users.csv            booking backend: registered users (ISO UTC times)
  bookings.csv         booking backend: paid bookings, amounts in 分 (fen), ISO UTC created_at
  refunds.csv          booking backend: refunds (fen, reason)
  reviews.csv          booking backend: venue ratings 1-5
  gate_checkins.csv    venue QR gate log, 'YYYY-MM-DD HH:mm:ss' Shanghai local time
  pass_ledger.csv      次卡 (10-visit pass) ledger: 购卡 / 核销, 'YYYY/MM/DD HH:MM' local
  客服工单.csv          customer-service tickets, Chinese headers
  推广周报.csv          weekly marketing spend (抖音, 小红书, 地推) in 元

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
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of; data ends the day before
N_DAYS = (END - START).days
BUG = (datetime(2026, 5, 12), datetime(2026, 5, 26))  # app v3.2.0: double-booking bug
SZ_EXPANSION = datetime(2026, 7, 1)  # 12 new Shenzhen venues
PASS_LAUNCH = datetime(2026, 9, 1)  # 次卡 10-visit pass
TYPHOON = (datetime(2026, 10, 2), datetime(2026, 10, 4))  # Shenzhen venues closed 10-02 and 10-03

R = random.Random(SEED)

SPORTS = ["badminton", "tennis", "table_tennis", "basketball"]
PRICE_FEN = {
    "badminton": 6000,
    "tennis": 12000,
    "table_tennis": 3000,
    "basketball": 20000,
}  # per hour
PASS_PRICE_FEN = {"badminton": 48000, "tennis": 98000, "table_tennis": 24000, "basketball": 160000}
GZ_DISTRICTS = ["天河区", "海珠区", "越秀区", "番禺区", "白云区"]
SZ_DISTRICTS = ["南山区", "福田区", "宝安区", "龙岗区", "龙华区"]


def chance(p):
    return R.random() < p


def pick(items, weights=None):
    return R.choices(items, weights)[0]


def poisson(lam):
    if lam <= 0:
        return 0
    n, p, L = 0, 1.0, math.exp(-lam)
    while True:
        p *= R.random()
        if p < L:
            return n
        n += 1


def make_venues():
    venues = []
    k = 0
    for city, n, districts, opened in [
        ("广州", 15, GZ_DISTRICTS, START - timedelta(days=400)),
        ("深圳", 8, SZ_DISTRICTS, START - timedelta(days=200)),
        ("深圳", 12, SZ_DISTRICTS, SZ_EXPANSION),
    ]:
        for i in range(n):
            k += 1
            dist = districts[i % len(districts)]
            sports = R.sample(SPORTS, R.choice([1, 2, 2, 3]))
            if "badminton" not in sports and chance(0.6):
                sports.append("badminton")
            indoor = chance(0.55)
            kind = "体育馆" if indoor else "运动公园"
            venues.append(
                {
                    "id": f"V{k:03d}",
                    "name": f"{dist[:-1]}{kind}{i + 1}号",
                    "city": city,
                    "district": dist,
                    "sports": sports,
                    "indoor": indoor,
                    "opened": opened,
                }
            )
    return venues


VENUES = make_venues()

people = []
app_events = []  # dicts
users = []
bookings = []
refunds = []
reviews = []
checkins = []
ledger = []
tickets = []
counters = {}


def nxt(k):
    counters[k] = counters.get(k, 0) + 1
    return counters[k]


class Person:
    pass


def season_weight(d: date):
    w = 1.0
    if d.month in (3, 4, 5):  # 全民健身 spring boom (badminton)
        w *= 1.7
    if d.month in (1, 2) and (date(2026, 2, 10) <= d <= date(2026, 2, 24)):  # Spring Festival lull
        w *= 0.5
    if d.weekday() >= 5:
        w *= 1.4
    return w


def sport_weights(d: date):
    base = {"badminton": 0.42, "tennis": 0.2, "table_tennis": 0.18, "basketball": 0.2}
    if date(2026, 3, 1) <= d <= date(2026, 5, 31):
        base["badminton"] *= 2.5
    return [base[s] for s in SPORTS]


def slot_hour(d: date):
    summer = d.month in (6, 7, 8, 9) and not (d.month == 9 and d.day > 15)
    hours = list(range(7, 22))
    w = []
    for h in hours:
        if h < 12:
            x = 1.0 if not summer else 0.5
        elif h < 17:
            x = 0.9 if not summer else 0.35
        else:
            x = 1.6 if not summer else 2.8
        if d.weekday() >= 5 and 9 <= h <= 17:
            x *= 1.6
        w.append(x)
    return pick(hours, w)


def ev(p, t, event, **kw):
    obj = {
        "device_id": p.device,
        "uid": p.uid if p.logged_in else "",
        "event": event,
        "event_ms": int((t - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000)
        + R.randrange(1000),
        "event_time": f"{t:%Y-%m-%dT%H:%M:%S}+08:00",
        "platform": p.platform if not kw.get("platform") else kw.pop("platform"),
        "utm_source": kw.pop("src", p.cur_src),
        "app_version": "3.2.0"
        if t >= BUG[0]
        else ("3.1.4" if t >= datetime(2026, 3, 20) else "3.1.2"),
    }
    obj.update({k: v for k, v in kw.items() if v is not None})
    app_events.append(obj)


def choose_venue(p, d: datetime, sport):
    cands = [v for v in VENUES if v["city"] == p.city and sport in v["sports"] and v["opened"] <= d]
    if not cands:
        cands = [v for v in VENUES if sport in v["sports"] and v["opened"] <= d] or [
            v for v in VENUES if v["opened"] <= d
        ]
    summer = d.month in (6, 7, 8)
    w = []
    for v in cands:
        x = 1.0
        if v["district"] == p.district:
            x *= 3
        if summer and sport in ("tennis", "basketball", "badminton"):
            x *= 3.0 if v["indoor"] else 0.35
        if v["opened"] == SZ_EXPANSION:
            x *= 1.3
        w.append(x)
    return pick(cands, w)


def session(p, t, src, book_p):
    """One app session: open → search → view → slot → pay. Returns the booking time or None."""
    sport = p.sport if chance(0.8) else pick(SPORTS, sport_weights(t.date()))
    p.cur_src = src
    ev(p, t, "app_open")
    if not chance(0.85):
        return None
    t += timedelta(seconds=R.uniform(10, 90))
    ev(p, t, "search_court", sport=sport, district=p.district)
    if not chance(0.8):
        return None
    t += timedelta(seconds=R.uniform(20, 200))
    v = choose_venue(p, t, sport)
    ev(p, t, "view_court", sport=sport, venue_id=v["id"])
    if not chance(0.65):
        return None
    t += timedelta(seconds=R.uniform(15, 180))
    if not p.logged_in:
        p.logged_in = True
        p.uid = f"U{nxt('uid'):06d}"
        ev(p, t, "login", method=pick(["wechat", "phone"], [0.7, 0.3]))
        users.append((p.uid, t, p.city, p.reg_channel, p.gender))
        t += timedelta(seconds=R.uniform(5, 40))
    ev(p, t, "select_slot", sport=sport, venue_id=v["id"])
    if not chance(book_p):
        return None
    t += timedelta(seconds=R.uniform(20, 240))
    book(p, t, v, sport)
    return t


def book(p, t, v, sport):
    lead_days = pick([0, 1, 2, 3, 5, 7], [0.3, 0.3, 0.15, 0.1, 0.1, 0.05])
    sd = (t + timedelta(days=lead_days)).date()
    h = slot_hour(sd)
    if lead_days == 0 and h <= t.hour + 1:
        sd = sd + timedelta(days=1)
    slot = datetime(sd.year, sd.month, sd.day, h)
    if slot >= END:
        slot = datetime(t.year, t.month, t.day, 21) if t.hour < 20 else t + timedelta(hours=1)
        slot = slot.replace(minute=0, second=0)
    dur = pick([1, 2], [0.55, 0.45]) if sport != "table_tennis" else pick([1, 2], [0.7, 0.3])
    amount = PRICE_FEN[sport] * dur * (1.2 if slot.hour >= 18 else 1.0)
    bid = f"B{t:%y%m%d}{nxt('booking'):06d}"
    pay = pick(["wxpay", "alipay"], [0.78, 0.22])
    if p.pass_left > 0 and sport == p.pass_sport and dur == 1:
        pay = "pass_card"
        amount = 0
        p.pass_left -= 1
        ledger.append((p.card_no, p.uid, "核销", t, 0, p.pass_left))
    rec = {
        "booking_id": bid,
        "uid": p.uid,
        "t": t,
        "venue": v,
        "sport": sport,
        "slot": slot,
        "dur": dur,
        "pay": pay,
        "fen": round(amount),
        "via": "APP" if p.platform == "app" else "MINIPROGRAM",
        "status": "completed",
    }
    bookings.append(rec)
    p.bookings += 1
    # what happens to it
    in_bug = BUG[0] <= t < BUG[1]
    typhoon = v["city"] == "深圳" and TYPHOON[0].date() <= slot.date() < TYPHOON[1].date()
    if typhoon:
        rec["status"] = "venue_closed"
        refund(
            rec, slot - timedelta(hours=R.uniform(6, 30)), "venue_closed", days=R.uniform(0.2, 1.5)
        )
        if chance(0.08):
            ticket(
                p, slot - timedelta(hours=R.uniform(1, 20)), "台风停场", complaint=False, rec=rec
            )
        return
    if in_bug and chance(0.16):
        rec["status"] = "double_booked"
        when = slot - timedelta(minutes=R.uniform(0, 40))
        refund(rec, when, "double_booked", days=R.uniform(3, 8))
        if chance(0.55):
            ticket(
                p,
                when + timedelta(minutes=R.uniform(5, 60)),
                "场地重复预订",
                complaint=True,
                rec=rec,
            )
        if chance(0.5):
            rate(p, when + timedelta(hours=R.uniform(1, 24)), rec, pick([1, 2], [0.7, 0.3]))
        p.churn_boost = 0.35
        return
    if chance(0.05):
        rec["status"] = "cancelled"
        when = t + (slot - t) * R.uniform(0.1, 0.8)
        refund(rec, when, "user_cancel", days=R.uniform(0.05, 1.5))
        if chance(0.05):
            ticket(p, when + timedelta(days=R.uniform(1, 3)), "退款慢", complaint=True, rec=rec)
        return
    if not chance(0.93):
        rec["status"] = "no_show"
        return
    ci = slot - timedelta(minutes=R.uniform(2, 20))
    checkins.append((ci, v, p.uid, bid, pick(["扫码入场", "人工核验"], [0.92, 0.08])))
    lights = (not v["indoor"]) and slot.hour >= 18 and chance(0.02)
    if lights:
        ticket(p, slot + timedelta(minutes=R.uniform(5, 30)), "灯光未开", complaint=True, rec=rec)
    elif chance(0.006):
        ticket(
            p, slot + timedelta(hours=R.uniform(1, 48)), "场地设施", complaint=chance(0.5), rec=rec
        )
    elif chance(0.012):
        cat = (
            pick(["改约/取消", "支付问题", "次卡问题"], [0.5, 0.3, 0.2])
            if t >= PASS_LAUNCH
            else pick(["改约/取消", "支付问题"])
        )
        ticket(p, t + timedelta(hours=R.uniform(0.5, 30)), cat, complaint=False, rec=rec)
    if chance(0.1):
        ev(
            p,
            slot - timedelta(hours=R.uniform(2, 20)),
            "join_group_game",
            sport=sport,
            venue_id=v["id"],
            platform=p.platform,
        )
    if chance(0.28):
        stars = pick([5, 4, 3, 2, 1], [0.5, 0.3, 0.12, 0.05, 0.03])
        if lights:
            stars = pick([1, 2], [0.6, 0.4])
        rate(p, slot + timedelta(hours=R.uniform(1.5, 30)), rec, stars)


def refund(rec, when, reason, days):
    rid = f"R{nxt('refund'):06d}"
    refunds.append(
        (rid, rec["booking_id"], rec["uid"], when + timedelta(days=days), rec["fen"], reason)
    )


def rate(p, when, rec, stars):
    reviews.append(
        (f"RV{nxt('review'):06d}", rec["booking_id"], p.uid, when, stars, rec["venue"]["id"])
    )


def ticket(p, opened, cat, complaint, rec=None):
    ch = pick(["在线客服", "电话", "小程序留言"], [0.55, 0.2, 0.25])
    busy = BUG[0] <= opened < BUG[1] + timedelta(days=10)
    base = {"在线客服": 6, "电话": 1.5, "小程序留言": 180}[ch]
    frt = base * R.lognormvariate(0, 0.6) * (6 if busy else 1)
    first = opened + timedelta(minutes=frt)
    res_h = R.lognormvariate(math.log(8), 0.8) * (3 if busy else 1)
    if cat == "退款慢":
        res_h *= 3
    resolved = opened + timedelta(hours=res_h) if opened + timedelta(hours=res_h) < END else None
    csat = ""
    if resolved and chance(0.45):
        good = 0.35 if busy else 0.75
        csat = pick(
            [5, 4, 3, 2, 1], [good * 0.6, good * 0.4, 0.15, (1 - good) * 0.5, (1 - good) * 0.5]
        )
    tickets.append(
        (
            f"TK{opened:%y%m}{nxt('ticket'):05d}",
            p.uid,
            opened,
            first,
            resolved,
            cat,
            ch,
            "是" if complaint else "否",
            csat,
        )
    )


def new_person(d: date):
    p = Person()
    people.append(p)
    p.device = f"dev_{R.getrandbits(48):012x}"
    p.uid = None
    p.logged_in = False
    p.bookings = 0
    p.pass_left = 0
    p.pass_sport = None
    p.card_no = None
    p.churn_boost = 0.0
    p.cur_src = "direct"
    dt = datetime(d.year, d.month, d.day)
    sz_share = 0.3 if dt < SZ_EXPANSION else 0.55
    p.city = "深圳" if chance(sz_share) else "广州"
    p.district = pick(SZ_DISTRICTS if p.city == "深圳" else GZ_DISTRICTS)
    p.sport = pick(SPORTS, sport_weights(d))
    p.platform = pick(["app", "miniprogram"], [0.45, 0.55])
    p.gender = pick(["男", "女"], [0.58, 0.42])
    chans = ["douyin", "xiaohongshu", "flyer", "wechat_share", "organic"]
    cw = [0.25, 0.2, 0.1, 0.2, 0.25]
    if dt >= SZ_EXPANSION and p.city == "深圳":
        cw = [0.4, 0.15, 0.25, 0.1, 0.1]
    p.reg_channel = pick(chans, cw)
    return p


SRC_RAW = {
    "douyin": "douyin",
    "xiaohongshu": "xhs",
    "flyer": "ditui_qr",
    "wechat_share": "wx_share",
    "organic": "direct",
}


def life(p, d0: date):
    t = datetime(d0.year, d0.month, d0.day) + timedelta(
        hours=R.choice([8, 12, 13, 19, 20, 21, 22]), minutes=R.randrange(60)
    )
    src = SRC_RAW[p.reg_channel]
    book_p = 0.72
    if p.reg_channel == "douyin" and t >= SZ_EXPANSION:
        book_p = 0.38  # 抖音 traffic got worse after the July push
    if p.reg_channel == "flyer":
        book_p = 0.8
    first = True
    tries = 0
    while t < END and tries < 60:
        tries += 1
        bt = session(
            p, t, src if first else pick([src, "direct"], [0.2, 0.8]), book_p if first else 0.85
        )
        first = False
        if bt is None:
            if p.bookings == 0 and not chance(0.35):
                return
            t += timedelta(days=R.expovariate(1 / 10))
            continue
        # pass purchase (from Sep 1), mostly among repeat players
        if (
            bt >= PASS_LAUNCH
            and p.pass_left == 0
            and p.bookings >= 1
            and chance(0.22 if p.bookings >= 2 else 0.08)
        ):
            p.card_no = p.card_no or f"CK{nxt('card'):05d}"
            p.pass_sport = p.sport
            p.pass_left = 10
            pt = bt + timedelta(minutes=R.uniform(5, 60))
            if pt < END:
                ledger.append((p.card_no, p.uid, "购卡", pt, PASS_PRICE_FEN[p.sport], 10))
                ev(p, pt, "buy_pass", sport=p.sport)
        churn = 0.3 + p.churn_boost
        if p.pass_left > 0:
            churn = 0.04
        if chance(churn):
            return
        gap = R.expovariate(1 / (7 if p.pass_left > 0 else 18))
        t = bt + timedelta(days=max(0.5, gap))
        t = t.replace(hour=R.choice([8, 12, 19, 20, 21, 22]), minute=R.randrange(60))


def simulate():
    # existing players from before the period
    for _ in range(1400):
        p = new_person(START.date() - timedelta(days=R.randrange(1, 200)))
        p.logged_in = True
        p.uid = f"U{nxt('uid'):06d}"
        users.append(
            (p.uid, START - timedelta(days=R.uniform(1, 400)), p.city, p.reg_channel, p.gender)
        )
        life(p, (START + timedelta(days=R.randrange(0, 40))).date())
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        lam = 15 * season_weight(d)
        if dt >= SZ_EXPANSION:
            lam *= 1.45
        if d.month in (7, 8) and dt >= SZ_EXPANSION:
            lam *= 1.1
        for _ in range(poisson(lam)):
            life(new_person(d), d)


def within(ts):
    return START <= ts < END


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "app_events.jsonl", "w", encoding="utf-8") as f:
        for e in sorted(app_events, key=lambda e: (e["event_ms"], e["device_id"], e["event"])):
            t = datetime.fromisoformat(e["event_time"][:19])
            if within(t):
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
    with open(folder / "users.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["user_id", "registered_at", "city", "register_channel", "gender"])
        for uid, t, city, ch, g in sorted(users):
            if t < END:
                w.writerow([uid, utc(t), city, ch, g])
    with open(folder / "bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "booking_id",
                "user_id",
                "created_at",
                "venue_id",
                "venue_name",
                "city",
                "district",
                "sport",
                "court_type",
                "slot_date",
                "slot_start_hour",
                "duration_hours",
                "pay_method",
                "amount_fen",
                "booked_via",
                "status",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r["t"], r["booking_id"])):
            if not within(r["t"]):
                continue
            v = r["venue"]
            w.writerow(
                [
                    r["booking_id"],
                    r["uid"],
                    utc(r["t"]),
                    v["id"],
                    v["name"],
                    v["city"],
                    v["district"],
                    r["sport"],
                    "indoor" if v["indoor"] else "outdoor",
                    f"{r['slot']:%Y-%m-%d}",
                    r["slot"].hour,
                    r["dur"],
                    r["pay"],
                    r["fen"],
                    r["via"],
                    r["status"] if r["slot"] < END or r["status"] != "completed" else "upcoming",
                ]
            )
    with open(folder / "refunds.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["refund_id", "booking_id", "user_id", "refunded_at", "refund_fen", "reason"])
        for r in sorted(refunds, key=lambda r: (r[3], r[0])):
            if within(r[3]) and r[4] > 0:
                w.writerow([r[0], r[1], r[2], utc(r[3]), r[4], r[5]])
    with open(folder / "reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["review_id", "booking_id", "user_id", "created_at", "rating", "venue_id"])
        for r in sorted(reviews, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow([r[0], r[1], r[2], utc(r[3]), r[4], r[5]])
    with open(folder / "gate_checkins.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["checkin_time", "venue_code", "venue_city", "member_id", "order_no", "verify_type"]
        )
        for ci, v, uid, bid, vt in sorted(checkins, key=lambda r: (r[0], r[3])):
            if within(ci):
                w.writerow([f"{ci:%Y-%m-%d %H:%M:%S}", v["id"], v["city"], uid, bid, vt])
    with open(folder / "pass_ledger.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["card_no", "member_id", "txn_type", "txn_time", "amount_fen", "visits_left"])
        for r in sorted(ledger, key=lambda r: (r[3], r[0], r[2])):
            if within(r[3]):
                w.writerow([r[0], r[1], r[2], f"{r[3]:%Y/%m/%d %H:%M}", r[4], r[5]])

    def loc(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "客服工单.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "用户ID",
                "创建时间",
                "首次回复时间",
                "解决时间",
                "问题类型",
                "渠道",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                first = r[3] if r[3] < END else None
                w.writerow([r[0], r[1], loc(r[2]), loc(first), loc(r[4]), r[5], r[6], r[7], r[8]])
    with open(folder / "推广周报.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["周开始", "渠道", "花费(元)"])
        wk = START.date() + timedelta(days=(7 - START.weekday()) % 7)
        wk = wk - timedelta(days=7) if wk > START.date() else wk
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            base = {"抖音": 9000.0, "小红书": 7000.0, "地推": 2500.0}
            if wk.month in (3, 4, 5):
                base["小红书"] *= 1.4
                base["地推"] *= 1.6
            if dt >= SZ_EXPANSION - timedelta(days=7):
                base["抖音"] *= 2.3
            if SZ_EXPANSION - timedelta(days=7) <= dt < SZ_EXPANSION + timedelta(days=42):
                base["地推"] *= 3.5
            for ch, amt in base.items():
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{amt * R.uniform(0.88, 1.12):.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="courts-src-") as tmp:
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
