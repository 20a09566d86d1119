"""Dealer evaluation domain: 华驰汽车 (Huachi Auto), a car dealership group with 4S stores in
杭州, 宁波, 苏州 and 南京, selling the 凌风 brand (new cars incl. the EV6 launched in March 2026),
used cars, car loans and after-sales service.

    python generate.py OUT.duckdb

Writes the group's own exports (seeded: the same files on every run) into a temporary folder —

  autohome_leads.csv        汽车之家 dealer back-office lead export (GB18030, Chinese headers)
  dongchedi_clues.jsonl     懂车帝 clue push log (English keys, ISO times with +08:00)
  web/ga_YYYY-QN.csv        official website analytics, one file per quarter (English event codes,
                            UTC times, cookie id + phone MD5 on lead forms)
  miniprogram_events.jsonl  WeChat mini-program log (Chinese event names, epoch-free UTC "Z" times, openid)
  callcenter_400.csv        400 hotline call log (caller phone MD5, call type)
  dms.sqlite                DMS/DCC: CUSTOMER, SALES_ACTIVITY, SALES_ORDER, FIN_APP, UC_ORDER,
                            SVC_BOOKING, SVC_RO (+ views used by ingest.yaml)
  complaints_export.csv     客诉系统 tickets
  nps_survey.csv            survey tool, NPS 0–10 after delivery and after service
  mp_service_rating.csv     mini-program service rating, 1–5 stars
  marketing_spend.csv       finance's spend sheet per day × channel × campaign

— copies ingest.yaml next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.

Planted stories (see description.md):
  1. 双11购车节 (2025-11-01 … 11-11): lead spike on 汽车之家/懂车帝/小程序, 1,111 元 deposits.
  2. 懂车帝 leads collapse from 2026-04-15 (the clue push stopped syncing) while spend continues.
  3. 华驰苏州园区店: contract → delivery slips from ~18 days (2025) to ~55 days by June 2026;
     交车延迟 complaints and post-delivery NPS there follow.
  4. 凌风EV6 launch on 2026-03-18 (campaign EV6上市): pre-orders with 2,000 元 deposits, deliveries
     only from 2026-04-20.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import random
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2] if (HERE.parents[2] / "connectors").is_dir() else Path("/work/main")
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20260617
START = datetime(2025, 6, 17)
END = datetime(2026, 6, 17)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
WARMUP = 120  # days simulated before START (their events are not exported)

D11 = (datetime(2025, 11, 1), datetime(2025, 11, 12))
CNY_CAMPAIGN = (datetime(2026, 1, 5), datetime(2026, 2, 14))
CNY_QUIET = (datetime(2026, 2, 14), datetime(2026, 2, 23))
CLOSED = (date(2026, 2, 16), date(2026, 2, 19))  # 除夕 … 初三: stores closed (inclusive)
EV6_TEASER = datetime(2026, 3, 1)
EV6_LAUNCH = datetime(2026, 3, 18)
EV6_CAMPAIGN = (datetime(2026, 3, 18), datetime(2026, 5, 1))
EV6_FIRST_DELIVERY = datetime(2026, 4, 20)
DCD_BREAK = datetime(2026, 4, 15)
SLIP_STORE = "华驰苏州园区店"
SLIP_FROM = datetime(2026, 1, 1)

AH, DCD, WEB, MP, HOT, SHOW, SVC = "汽车之家", "懂车帝", "官网", "微信小程序", "400热线", "展厅", "售后"
WALKIN, REFERRAL = "自然到店", "转介绍"

STORES = {
    "华驰杭州滨江店": ("HZ01", "杭州"),
    "华驰杭州萧山店": ("HZ02", "杭州"),
    "华驰宁波鄞州店": ("NB01", "宁波"),
    "华驰苏州园区店": ("SZ01", "苏州"),
    "华驰苏州吴中店": ("SZ02", "苏州"),
    "华驰南京江宁店": ("NJ01", "南京"),
}
STORE_NAMES = list(STORES)
STORE_W = [0.20, 0.14, 0.17, 0.19, 0.12, 0.18]
DCD_DEALER = {s: s.replace("华驰", "华驰汽车").replace("店", "4S店") for s in STORES}  # 华驰汽车杭州滨江4S店

MODELS = ["凌风L5", "凌风X7", "凌风X7 PHEV", "凌风EV6"]
MODEL_CODE = {"凌风L5": "L5", "凌风X7": "X7", "凌风X7 PHEV": "X7P", "凌风EV6": "EV6"}
WEB_SLUG = {"凌风L5": "l5", "凌风X7": "x7", "凌风X7 PHEV": "x7-phev", "凌风EV6": "ev6"}
DCD_SERIES = {"凌风L5": "L5", "凌风X7": "X7", "凌风X7 PHEV": "X7 PHEV", "凌风EV6": "EV6"}
PRICE = {"凌风L5": (119800, 155800), "凌风X7": (169800, 219800), "凌风X7 PHEV": (199800, 239800),
         "凌风EV6": (179800, 229800)}
AGES = ["18-25", "26-35", "36-45", "46-55", "56+"]

R = random.Random(SEED)


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def chance(p: float) -> bool:
    return R.random() < p


def pois(lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def lognorm(median: float, sigma: float) -> float:
    return median * math.exp(R.gauss(0.0, sigma))


HOURS = {
    "digital": [1, .5, .3, .2, .2, .3, 1, 2, 3, 4, 5, 5, 5, 4, 4, 4, 4, 4, 5, 6, 7, 7, 5, 3],
    "show": [0] * 9 + [3, 6, 6, 4, 5, 7, 7, 6, 5, 3] + [0] * 5,
    "svc": [0] * 8 + [6, 7, 6, 4, 3, 4, 4, 3, 2, 1] + [0] * 6,
    "hot": [0] * 8 + [4, 6, 6, 5, 3, 5, 6, 5, 4, 3, 3, 2, 1] + [0] * 3,
}


def at(day: date, kind: str) -> datetime:
    hour = R.choices(range(24), weights=HOURS[kind])[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def open_day(d: date) -> date:
    """Stores are closed 除夕 … 初三; visits move to the day after."""
    if CLOSED[0] <= d <= CLOSED[1]:
        return CLOSED[1] + timedelta(days=1)
    return d


def store_time(ts: datetime, kind: str = "show") -> datetime:
    """A time during opening hours on the (open) day of ts, or later the same day."""
    d = open_day(ts.date())
    if d != ts.date() or not (9 <= ts.hour < 18):
        return at(d, kind)
    return ts


def within(ts) -> bool:
    return ts is not None and START <= ts < END


def inside(ts: datetime, win) -> bool:
    return win[0] <= ts < win[1]


# ----------------------------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------------------------
class Person:
    def __init__(self, idx: int):
        self.idx = idx
        self.phone = md5(f"+86-1{5 + idx % 4}{idx:09d}")
        self.openid = None
        self.cookie = None
        self.cust_id = None
        self.created = None
        self.city = None
        self.store = None
        self.age = None
        self.ctype = "个人"
        self.trade_in = None
        self.acq = None
        self.known = True  # has a phone (anonymous browsers do not)


persons: list[Person] = []
_cust = [0]


def profile(p: Person, ts: datetime) -> None:
    """The DMS/DCC creates a customer profile the first time the person reaches the dealer."""
    if p.cust_id is None:
        _cust[0] += 1
        p.cust_id = f"C{_cust[0]:07d}"
        p.created = ts
    elif ts < p.created:
        p.created = ts


def showroom_facts(p: Person) -> None:
    """What the sales consultant records at the first visit."""
    if p.age is None:
        p.age = pick(AGES, [0.12, 0.36, 0.28, 0.16, 0.08])
    if p.trade_in is None:
        p.trade_in = chance(0.28 if p.age not in ("18-25",) else 0.08)


# rows of each export
ah_rows, dcd_rows, web_rows, mp_rows, call_rows = [], [], [], [], []
act_rows, order_rows, fin_rows, uc_rows, book_rows, ro_rows = [], [], [], [], [], []
ticket_rows, nps_rows, rating_rows = [], [], []


def model_mix(ts: datetime) -> str:
    if ts >= EV6_LAUNCH:
        boost = 0.45 if ts < EV6_CAMPAIGN[1] else 0.33
        return pick(MODELS, [0.25, 0.27, 0.18, boost])
    return pick(MODELS[:3], [0.36, 0.40, 0.24])


# ----------------------------------------------------------------------------------------------
# sales journey
# ----------------------------------------------------------------------------------------------
def lead_campaign(ch: str, ts: datetime, car: str) -> str:
    if inside(ts, D11) and ch in (AH, DCD, MP) and chance(0.8):
        return "双11购车节"
    if inside(ts, CNY_CAMPAIGN) and ch in (AH, DCD, MP) and chance(0.5):
        return "春节购车季"
    if car == "凌风EV6" and inside(ts, EV6_CAMPAIGN) and ch in (WEB, MP, AH) and chance(0.7):
        return "EV6上市"
    return ""


def digital_browse(p: Person, ch: str, t_lead: datetime, car: str, camp: str) -> None:
    """Website / mini-program visitors look at the model page (and the configurator) first."""
    n = 1 + pois(1.2)
    t = t_lead - timedelta(days=R.uniform(0, 10), minutes=R.uniform(5, 60))
    for k in range(n):
        ts = t + timedelta(hours=R.uniform(0, 30) * k)
        if ts >= t_lead:
            break
        digital_event(p, ch, ts, "model_page_view", car, camp)
        if chance(0.45):
            digital_event(p, ch, ts + timedelta(minutes=R.uniform(1, 12)), "configurator", car, camp)


def digital_event(p: Person, ch: str, ts: datetime, tp: str, car: str, camp: str = "",
                  with_phone: bool = False) -> None:
    if not within(ts):
        return
    if ch == WEB:
        if p.cookie is None:
            p.cookie = "GA1.2." + str(100000000 + p.idx * 7919 % 899999999) + "." + str(1700000000 + p.idx)
        code = {"model_page_view": "page_view_model", "configurator": "build_and_price",
                "lead_submit": "lead_form_submit"}[tp]
        web_rows.append((ts, p.cookie, p.phone if with_phone else "", code, WEB_SLUG[car], camp))
    else:
        if p.openid is None:
            p.openid = "oHc7" + md5(f"mp-{p.idx}")[:24]
        name = {"model_page_view": "浏览车型", "configurator": "在线选配", "lead_submit": "留资",
                "投诉": "投诉建议"}[tp]
        mp_rows.append((ts, p.openid, p.phone if with_phone else "", name, car, camp))


def lead(p: Person, ch: str, ts: datetime, car: str, store: str) -> bool:
    """Emit the lead in its platform's export; the DCC creates a customer profile."""
    camp = lead_campaign(ch, ts, car)
    if not within(ts):  # before the exports start: the journey goes on, the lead is not in the data
        profile(p, ts)
        return True
    if ch == AH:
        ah_rows.append((ts, p.phone, car, pick(["询底价", "预约试驾", "置换咨询"], [0.6, 0.3, 0.1]), store, camp))
    elif ch == DCD:
        dcd_rows.append((ts, p.phone, DCD_SERIES[car], DCD_DEALER[store], camp))
    elif ch in (WEB, MP):
        digital_browse(p, ch, ts, car, camp)
        digital_event(p, ch, ts, "lead_submit", car, camp, with_phone=True)
    elif ch == HOT:
        call_rows.append((ts, p.phone, "购车咨询", store))
    profile(p, ts)
    return True


def activity(p: Person, ts: datetime, kind: str, store: str, car: str | None) -> bool:
    """Record a showroom activity; False when it would fall after the data ends."""
    if ts >= END:
        return False
    profile(p, ts)
    if ts < START:  # happened before the export starts: not in the data
        return True
    act_rows.append((p.cust_id, ts, kind, STORES[store][0], MODEL_CODE[car] if car else ""))
    return True


_order = [0]


def sales(p: Person, t_visit: datetime, store: str, car: str, lead_ch: str | None, lead_camp: str = "") -> None:
    """到店 → test_drive → 报价 → 定金 → contract_signed → (金融申请 → finance_approved) → 交车 → first_service."""
    t_visit = store_time(t_visit)
    if not activity(p, t_visit, "VISIT", store, car):
        return
    showroom_facts(p)
    if chance(0.01):
        ticket(p, t_visit + timedelta(hours=R.uniform(2, 30)), "服务态度", store, 0.9)
    if p.trade_in and chance(0.7):
        activity(p, t_visit + timedelta(minutes=R.uniform(20, 90)), "APPRAISAL", store, None)
    ev6_wait = car == "凌风EV6" and t_visit < EV6_LAUNCH
    # test drive: mostly in the same visit, sometimes on a second visit
    p_td = 0.72 if p.ctype == "个人" else 0.45
    t = t_visit
    if chance(p_td):
        if chance(0.75):
            t = t + timedelta(minutes=R.uniform(10, 50))
        else:
            t = store_time(at((t + timedelta(days=max(1, lognorm(5, 0.6)))).date(), "show"))
            activity(p, t - timedelta(minutes=R.uniform(2, 10)), "VISIT", store, car)
        if not activity(p, t, "TD", store, car):
            return
    elif not chance(0.35):
        return
    # quote
    if not chance(0.8):
        return
    if chance(0.65):
        t = t + timedelta(minutes=R.uniform(15, 70))
    else:
        t = store_time(at((t + timedelta(days=max(1, lognorm(4, 0.7)))).date(), "show"))
        activity(p, t - timedelta(minutes=R.uniform(2, 10)), "VISIT", store, car)
    if not activity(p, t, "QUOTE", store, car):
        return
    # deposit
    p_dep = 0.34
    if lead_ch is None:
        p_dep = 0.40
    if lead_camp == "双11购车节":
        p_dep *= 1.3
    if car == "凌风EV6":
        p_dep *= 1.15
    if lead_ch == DCD:
        p_dep *= 0.9
    if ev6_wait or not chance(min(0.9, p_dep)):
        return
    if chance(0.25):  # on the spot
        t_dep = t + timedelta(minutes=R.uniform(10, 40))
    else:
        gap = max(1.0, lognorm(6, 1.0)) if chance(0.8) else R.uniform(20, 70)
        t_dep = store_time(at((t + timedelta(days=gap)).date(), "show"))
    # deposits in a campaign window
    camp, deposit = "", 5000
    if inside(t_dep, D11):
        camp, deposit = "双11购车节", 1111
    elif car == "凌风EV6" and t_dep < EV6_FIRST_DELIVERY:
        camp, deposit = "EV6上市", 2000
    elif inside(t_dep, CNY_CAMPAIGN) and chance(0.6):
        camp = "春节购车季"
    if t_dep >= END:
        return
    activity(p, t_dep - timedelta(minutes=R.uniform(5, 30)), "VISIT", store, car)
    _order[0] += 1
    order_no = f"SO{t_dep:%y%m}{_order[0]:05d}"
    lo, hi = PRICE[car]
    price = round(R.uniform(lo, hi) * R.uniform(0.92, 0.99), -2)
    # contract
    t_con = t_dep + (timedelta(minutes=R.uniform(15, 60)) if chance(0.6) else timedelta(days=R.uniform(1, 7)))
    t_con = store_time(t_con)
    cancelled = chance(0.04)
    # financing
    fin_p = (0.48 if p.ctype == "个人" else 0.15) * (0.8 if p.age in ("46-55", "56+") else 1.0)
    t_ready = t_con
    fin = None
    if not cancelled and chance(fin_p):
        t_app = store_time(t_con + timedelta(hours=R.uniform(0.3, 72)))
        approved = chance(0.86)
        t_res = t_app + timedelta(hours=max(2, lognorm(40, 0.6)))
        fin = (t_app, approved, t_res)
        t_ready = t_res
        if not approved and chance(0.45):
            cancelled = True
    # delivery
    days = lognorm(17, 0.45)
    if store == SLIP_STORE and t_con >= SLIP_FROM - timedelta(days=20):
        ramp = min(1.0, max(0.0, (t_con - (SLIP_FROM - timedelta(days=20))) / (END - SLIP_FROM)))
        days *= 1 + 3.0 * ramp
    t_del = t_con + timedelta(days=days)
    if car == "凌风EV6" and t_del < EV6_FIRST_DELIVERY:
        t_del = EV6_FIRST_DELIVERY + timedelta(days=R.uniform(0, 25))
    if fin and t_del < fin[2] + timedelta(days=1):
        t_del = fin[2] + timedelta(days=R.uniform(1, 4))
    t_del = store_time(at(t_del.date(), "show"))
    delivered = not cancelled and t_del < END
    order_rows.append((order_no, p.cust_id, STORES[store][0], MODEL_CODE[car], t_dep, deposit,
                       t_con if t_con < END and not (cancelled and chance(0.5)) else None,
                       t_del if delivered else None, price, camp,
                       "已交车" if delivered else ("已退订" if cancelled else "待交车")))
    if fin and fin[0] < END:
        fin_rows.append((f"FA{_order[0]:06d}", p.cust_id, order_no, fin[0],
                         ("通过" if fin[1] else "拒绝") if fin[2] < END else "审批中",
                         fin[2] if fin[2] < END else None,
                         pick(["凌风汽车金融", "招商银行", "平安银行"], [0.6, 0.25, 0.15])))
        if chance(0.15):
            ticket(p, fin[0] + timedelta(days=R.uniform(1, 6)), "金融贷款", store, 0.3)
    if not delivered:
        return
    wait = (t_del - t_dep).days
    if wait > 30 and chance(0.6):
        ticket(p, t_dep + timedelta(days=R.uniform(30, max(31, wait - 1))), "交车延迟", store, 0.88)
    if chance(0.06):
        ticket(p, t_del + timedelta(days=R.uniform(2, 40)), "销售承诺", store, 0.8)
    # NPS after delivery
    if chance(0.55):
        mean = 8.7 - 0.1 * max(0, wait - 25)
        survey(p, t_del + timedelta(days=R.uniform(1, 5)), mean, "交车回访", store)
    # first service (首保) around 3 months / 5,000 km later
    t_fs = t_del + timedelta(days=max(40, R.gauss(95, 25)))
    if chance(0.88):
        service_visit(p, t_fs, store, car, "首保")
    owner_life(p, store, car, t_fs + timedelta(days=120))


# ----------------------------------------------------------------------------------------------
# after-sales
# ----------------------------------------------------------------------------------------------
_ro = [0]
_book = [0]


def service_visit(p: Person, t: datetime, store: str, car: str, kind: str) -> None:
    """(service_booking →) 进厂 → repair_order / first_service."""
    booked = chance(0.62 if kind in ("首保", "保养") else 0.35)
    t_in = store_time(at(open_day(t.date()), "svc"), "svc")
    if booked:
        via = MP if (p.openid or chance(0.55)) and chance(0.7) else HOT
        t_book = t_in - timedelta(hours=max(0.5, lognorm(30, 1.1)))
        if within(t_book):
            _book[0] += 1
            profile(p, t_book)
            book_rows.append((f"BK{_book[0]:06d}", p.cust_id, t_book, "XCX" if via == MP else "400",
                              STORES[store][0], kind))
            if via == MP and p.openid is None:
                p.openid = "oHc7" + md5(f"mp-{p.idx}")[:24]
            if via == HOT:
                call_rows.append((t_book - timedelta(minutes=R.uniform(1, 3)), p.phone, "预约保养", store))
        if chance(0.1):  # no-show
            return
    if not within(t_in):
        return
    profile(p, t_in)
    hours = {"首保": lognorm(2.0, 0.3), "保养": lognorm(2.5, 0.35), "维修": lognorm(20, 1.0),
             "钣喷": lognorm(70, 0.5)}[kind]
    t_out = t_in + timedelta(hours=max(0.7, hours))
    if t_out.hour >= 19 or t_out.hour < 8:
        t_out = at(t_out.date() + timedelta(days=1 if t_out.hour >= 19 else 0), "svc")
        if t_out <= t_in:
            t_out = t_in + timedelta(hours=3)
    amount = {"首保": 0.0, "保养": R.uniform(380, 1300), "维修": lognorm(1200, 0.9),
              "钣喷": R.uniform(1500, 6500)}[kind]
    if car == "凌风EV6" and kind == "保养":
        amount *= 0.45
    _ro[0] += 1
    ro_no = f"RO{STORES[store][0]}{_ro[0]:06d}"
    settled = within(t_out)
    ro_rows.append((ro_no, p.cust_id, STORES[store][0], MODEL_CODE[car], kind, t_in,
                    t_out if settled else None, f"{amount:.2f}" if settled else ""))
    if not settled:
        return
    if kind == "维修" and chance(0.08):
        ticket(p, t_out + timedelta(days=R.uniform(1, 20)), "维修质量", store, 0.7)
    if kind in ("维修", "钣喷") and chance(0.06):
        ticket(p, t_in + timedelta(days=R.uniform(0.5, 3)), "配件缺货", store, 0.5)
    if chance(0.012):
        ticket(p, t_out + timedelta(hours=R.uniform(2, 48)), "服务态度", store, 0.9)
    if chance(0.3):
        mean = {"首保": 8.4, "保养": 8.0, "维修": 7.2, "钣喷": 7.6}[kind]
        survey(p, t_out + timedelta(hours=R.uniform(4, 72)), mean, "首保回访" if kind == "首保" else "售后回访", store)
    if p.openid and chance(0.25):
        stars = max(1, min(5, round(R.gauss(4.3 if kind in ("首保", "保养") else 3.9, 0.9))))
        ts = t_out + timedelta(hours=R.uniform(1, 48))
        if within(ts):
            comment = "" if not chance(0.4) else R.choice(
                ["师傅很专业", "速度快", "休息区很舒服", "价格透明"] if stars >= 4 else
                ["等太久了", "价格有点贵", "洗车没洗干净", "配件要等"])
            rating_rows.append((p.openid, ts, stars, comment, STORES[store][0], kind, ro_no))


def owner_life(p: Person, store: str, car: str, t_from: datetime) -> None:
    """Maintenance every ~6 months, repairs and body work now and then."""
    t = t_from
    while t < END:
        service_visit(p, t, store, car, "保养")
        t += timedelta(days=max(90, R.gauss(180, 35)))
    span = max(0.0, (END - max(t_from, START)).days / 365)
    for kind, rate in (("维修", 0.32), ("钣喷", 0.14)):
        for _ in range(pois(rate * span)):
            lo = max(t_from, START)
            ts = lo + timedelta(days=R.uniform(0, max(1, (END - lo).days)))
            service_visit(p, ts, store, car, kind)
    for _ in range(pois(0.25 * span)):  # questions about prices, warranty, recalls
        ts = at((max(t_from, START) + timedelta(days=R.uniform(0, 365))).date(), "hot")
        if within(ts):
            call_rows.append((ts, p.phone, "售后咨询", store))
            if chance(0.6):
                ticket(p, ts + timedelta(minutes=R.uniform(2, 8)), "保养咨询", store, 0.05, HOT)


# ----------------------------------------------------------------------------------------------
# tickets and surveys
# ----------------------------------------------------------------------------------------------
_tk = [0]


def ticket(p: Person, opened: datetime, cat: str, store: str, p_complaint: float, ch: str | None = None) -> None:
    opened = at(opened.date(), "hot") if opened.hour < 8 or opened.hour >= 21 else opened
    if not within(opened):
        return
    ch = ch or pick([HOT, MP, SHOW], [0.58, 0.27, 0.15])
    complaint = chance(p_complaint)
    _tk[0] += 1
    tid = f"KS{opened:%Y%m}{_tk[0]:05d}"
    frt = {HOT: 25.0, MP: 150.0, SHOW: 40.0}[ch]
    first = opened + timedelta(minutes=max(1.0, lognorm(frt, 0.6)))
    res_h = {"交车延迟": 96, "维修质量": 70, "服务态度": 24, "金融贷款": 30, "配件缺货": 120, "销售承诺": 60, "保养咨询": 4}[cat]
    resolved = first + timedelta(hours=lognorm(res_h, 0.7))
    if chance(0.03) or resolved >= END:
        resolved = None
    if first >= END:
        first = None
    sat = ""
    if resolved is not None and chance(0.5):
        hours = (resolved - opened).total_seconds() / 3600
        mean = 4.3 - 0.9 * min(1.0, hours / (3 * res_h)) - (0.5 if complaint else 0)
        sat = str(max(1, min(5, round(R.gauss(mean, 0.8)))))
    ticket_rows.append((tid, p.phone, ch, "投诉" if complaint else "咨询", cat, store, opened, first, resolved, sat))
    if complaint:
        if ch == HOT:
            call_rows.append((opened - timedelta(minutes=R.uniform(1, 5)), p.phone, "投诉", store))
        elif ch == MP:
            digital_event(p, MP, opened - timedelta(minutes=R.uniform(1, 5)), "投诉", "")
        else:
            profile(p, opened)
            act_rows.append((p.cust_id, store_time(opened), "CMPL", STORES[store][0], ""))


def survey(p: Person, ts: datetime, mean: float, scene: str, store: str) -> None:
    if not within(ts):
        return
    score = max(0, min(10, round(R.gauss(mean, 1.7))))
    comment = ""
    if chance(0.35):
        comment = R.choice(
            ["销售顾问很专业", "交车仪式很用心", "服务周到", "推荐朋友来买"] if score >= 9 else
            ["还行", "一般般", "流程有点繁琐"] if score >= 7 else
            ["提车等太久", "承诺的没兑现", "保养太贵", "态度不好", "修了两次才好"])
    nps_rows.append((p.phone, ts, score, comment, scene, store))


# ----------------------------------------------------------------------------------------------
# simulation
# ----------------------------------------------------------------------------------------------
LEAD_BASE = {AH: 7.0, DCD: 5.0, WEB: 2.4, MP: 3.6, HOT: 2.0}
P_VISIT = {AH: 0.38, DCD: 0.33, WEB: 0.46, MP: 0.50, HOT: 0.56}


def lead_rate(ch: str, d: date) -> float:
    dt = datetime(d.year, d.month, d.day)
    r = LEAD_BASE[ch] * (1.2 if d.weekday() >= 5 else 0.92)
    r *= 1.0 + 0.12 * math.cos((d.timetuple().tm_yday - 20) / 365 * 2 * math.pi)  # a little busier in winter
    if inside(dt, D11) and ch in (AH, DCD, MP):
        r *= 6.0 if d == date(2025, 11, 11) else 2.8
    if inside(dt, CNY_CAMPAIGN):
        r *= 1.3
    if inside(dt, CNY_QUIET):
        r *= 0.4
    if inside(dt, EV6_CAMPAIGN) and ch in (WEB, MP):
        r *= 2.2 if dt.date() != EV6_LAUNCH.date() else 5.0
    if ch == DCD and dt >= DCD_BREAK:
        r *= 0.17
    return r


def new_person(kind_city_store: str | None = None) -> Person:
    p = Person(len(persons) + 1)
    persons.append(p)
    p.store = kind_city_store or pick(STORE_NAMES, STORE_W)
    p.city = STORES[p.store][1]
    if chance(0.06):
        p.ctype = "企业"
    return p


def simulate() -> None:
    # existing owners (bought before the data starts): service only, a few buy again
    for _ in range(3000):
        p = new_person()
        p.acq = pick([WALKIN, AH, DCD, REFERRAL, WEB, HOT, MP], [0.30, 0.25, 0.12, 0.15, 0.07, 0.06, 0.05])
        p.age = pick(AGES, [0.06, 0.30, 0.32, 0.20, 0.12])
        p.trade_in = chance(0.2)
        bought = START - timedelta(days=R.uniform(60, 6 * 365))
        p.cust_id = None
        profile(p, bought - timedelta(days=R.uniform(5, 60)))
        if chance(0.5):
            p.openid = "oHc7" + md5(f"mp-{p.idx}")[:24]
        car = pick(MODELS[:3], [0.4, 0.42, 0.18])
        first = bought + timedelta(days=R.uniform(30, 190))
        while first < START:
            first += timedelta(days=max(90, R.gauss(180, 35)))
        owner_life(p, p.store, car, first)
        if chance(0.035):  # 增购 / 置换: an owner comes back for a new car
            p.trade_in = True
            sales(p, at((START + timedelta(days=R.uniform(0, 330))).date(), "show"), p.store,
                  model_mix(START + timedelta(days=200)), None)

    # leads from the platforms, day by day (from four months before the exports start, so that
    # journeys are under way on the first day)
    for k in range(-WARMUP, N_DAYS):
        d = (START + timedelta(days=k)).date()
        for ch in LEAD_BASE:
            for _ in range(pois(lead_rate(ch, d))):
                p = new_person()
                p.acq = ch
                ts = at(d, "hot" if ch == HOT else "digital")
                if d == date(2025, 11, 11) and ch != HOT and chance(0.4):
                    ts = ts.replace(hour=R.choice([0, 0, 1, 10, 20, 21, 22]))
                car = model_mix(ts)
                if lead(p, ch, ts, car, p.store) is False:
                    continue
                camp = ""
                if inside(ts, D11) and ch in (AH, DCD, MP):
                    camp = "双11购车节"
                # some shop around on a second platform
                if chance(0.1):
                    other = pick([c for c in LEAD_BASE if c != ch], [1] * 4)
                    if not (other == DCD and ts >= DCD_BREAK):
                        lead(p, other, ts + timedelta(hours=R.uniform(1, 24 * 6)), car, p.store)
                # the DCC calls back and invites the lead to the showroom
                p_visit = P_VISIT[ch] * (1.1 if p.store.startswith("华驰杭州") else 1.0)
                if chance(p_visit):
                    t_visit = at((ts + timedelta(days=max(0.5, lognorm(5, 0.9)))).date(), "show")
                    if t_visit.weekday() < 5 and chance(0.4):  # push to the weekend
                        t_visit = at((t_visit + timedelta(days=5 - t_visit.weekday())).date(), "show")
                    sales(p, t_visit, p.store, car, ch, camp)
        # walk-ins (and referrals) at the showrooms
        rate = 6.0 * (1.7 if d.weekday() >= 5 else 0.8)
        dt = datetime(d.year, d.month, d.day)
        if inside(dt, CNY_QUIET):
            rate *= 0.35
        if dt.date() == EV6_LAUNCH.date():
            rate *= 4
        for _ in range(pois(rate)):
            p = new_person()
            p.acq = WALKIN if chance(0.8) else REFERRAL
            ts = at(open_day(d), "show")
            if chance(0.11):  # used-car buyers
                if activity(p, ts, "VISIT", p.store, None):
                    showroom_facts(p)
                    if chance(0.35):
                        t2 = store_time(ts + timedelta(days=R.uniform(0, 14)))
                        if within(t2) and ts >= START:
                            uc_rows.append((f"UC{len(uc_rows) + 1:05d}", p.cust_id, STORES[p.store][0], t2,
                                            round(R.uniform(38000, 158000), -2)))
                continue
            sales(p, ts, p.store, model_mix(ts), None)

    # anonymous visitors of the website and the mini-program
    for k in range(5200):
        p = new_person()
        p.known = False
        ch = WEB if k % 2 == 0 else MP
        d = (START + timedelta(days=R.randrange(N_DAYS))).date()
        ts = at(d, "digital")
        if chance(0.06):
            ts = at((EV6_TEASER + timedelta(days=R.uniform(0, 60))).date(), "digital")
        car = model_mix(ts) if ts >= EV6_TEASER else pick(MODELS[:3], [0.36, 0.40, 0.24])
        for j in range(1 + pois(0.9)):
            t = ts + timedelta(hours=R.uniform(0, 72) * j)
            digital_event(p, ch, t, "model_page_view", car, lead_campaign(ch, t, car) if chance(0.5) else "")
            if chance(0.3):
                digital_event(p, ch, t + timedelta(minutes=R.uniform(1, 10)), "configurator", car)


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    # 汽车之家: GB18030, Chinese headers, minute precision with slashes
    with open(folder / "autohome_leads.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["线索ID", "下发时间", "手机号MD5", "意向车型", "线索类型", "经销商名称", "活动名称"])
        rows = sorted(ah_rows, key=lambda r: (r[0], r[1]))
        for i, (ts, phone, car, kind, store, camp) in enumerate(rows):
            w.writerow([f"AH{2500000 + i}", f"{ts:%Y/%m/%d %H:%M}", phone, car, kind, store, camp])
            if i == 2100:  # the platform re-sent one lead
                w.writerow([f"AH{2500000 + i}", f"{ts:%Y/%m/%d %H:%M}", phone, car, kind, store, camp])

    # 懂车帝: JSON Lines with English keys, ISO times with +08:00
    with open(folder / "dongchedi_clues.jsonl", "w", encoding="utf-8") as f:
        for i, (ts, phone, series, dealer, camp) in enumerate(sorted(dcd_rows, key=lambda r: (r[0], r[1]))):
            obj = {"clue_id": f"dcd{7100000 + i}", "create_time": f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
                   "mobile_md5": phone, "series_name": series, "dealer_name": dealer}
            if camp:
                obj["activity"] = camp
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if i == 1500:
                f.write('{"clue_id": "dcd_broken", "create_time": "2025-10-0\n')

    # website analytics: one CSV per quarter, UTC
    web_dir = folder / "web"
    web_dir.mkdir()
    by_q: dict[str, list] = {}
    for row in sorted(web_rows, key=lambda r: (r[0], r[1], r[3])):
        utc = row[0] - timedelta(hours=8)
        by_q.setdefault(f"{utc.year}-Q{(utc.month - 1) // 3 + 1}", []).append((utc,) + row[1:])
    for q, rows in by_q.items():
        with open(web_dir / f"ga_{q}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["event_timestamp_utc", "client_id", "user_phone_md5", "event_name", "car_line", "utm_campaign"])
            for utc, cookie, phone, code, slug, camp in rows:
                w.writerow([f"{utc:%Y-%m-%d %H:%M:%S}", cookie, phone, code, slug, camp])
            if q == "2026-Q1":
                w.writerow(["2026-02-29 10:11:12", rows[50][1], "", "page_view_model", "x7", ""])

    # WeChat mini-program: JSON Lines, UTC "Z" instants
    with open(folder / "miniprogram_events.jsonl", "w", encoding="utf-8") as f:
        for ts, openid, phone, name, car, camp in sorted(mp_rows, key=lambda r: (r[0], r[1], r[3])):
            utc = ts - timedelta(hours=8)
            obj = {"openid": openid, "event": name, "time": f"{utc:%Y-%m-%dT%H:%M:%S}Z"}
            if phone:
                obj["phone_md5"] = phone
            if car:
                obj["车型"] = car
            if camp:
                obj["活动"] = camp
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    # 400 hotline call log
    with open(folder / "callcenter_400.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["call_start", "caller_md5", "call_type", "route_store"])
        for ts, phone, kind, store in sorted(call_rows, key=lambda r: (r[0], r[1])):
            if within(ts):
                w.writerow([f"{ts:%Y%m%d%H%M%S}", phone, kind, STORES[store][0]])
        w.writerow(["20260105101500", "", "售后咨询", "HZ01"])  # an unidentified caller

    # DMS / DCC (SQLite)
    con = sqlite3.connect(folder / "dms.sqlite")
    con.execute("CREATE TABLE CUSTOMER (CUST_ID TEXT, MOBILE_MD5 TEXT, WX_OPENID TEXT, CITY TEXT, CUST_TYPE TEXT, "
                "AGE_RANGE TEXT, TRADE_IN_FLAG TEXT, LEAD_SOURCE TEXT, CREATE_TIME TEXT)")
    src_code = {AH: "AUTOHOME", DCD: "DCD", WEB: "WEBSITE", MP: "MINIAPP", HOT: "400", WALKIN: "WALKIN",
                REFERRAL: "REFERRAL"}
    cust = []
    for p in persons:
        if p.cust_id is None:
            continue
        flag = "" if p.trade_in is None else ("Y" if p.trade_in else "N")
        cust.append((p.cust_id, p.phone, p.openid or "", p.city, p.ctype, p.age or "", flag,
                     src_code[p.acq], f"{p.created:%Y-%m-%d %H:%M:%S}"))
    con.executemany("INSERT INTO CUSTOMER VALUES (?,?,?,?,?,?,?,?,?)", sorted(cust))
    con.execute("CREATE TABLE SALES_ACTIVITY (CUST_ID TEXT, ACT_TIME TEXT, ACT_TYPE TEXT, STORE_CODE TEXT, MODEL_CODE TEXT)")
    con.executemany("INSERT INTO SALES_ACTIVITY VALUES (?,?,?,?,?)",
                    [(c, f"{ts:%Y-%m-%d %H:%M:%S}", k, s, m) for c, ts, k, s, m in
                     sorted(act_rows, key=lambda r: (r[1], r[0], r[2])) if within(ts)])
    con.execute("CREATE TABLE SALES_ORDER (ORDER_NO TEXT, CUST_ID TEXT, STORE_CODE TEXT, MODEL_CODE TEXT, "
                "DEPOSIT_TIME TEXT, DEPOSIT_AMT REAL, CONTRACT_TIME TEXT, DELIVERY_TIME TEXT, DEAL_PRICE REAL, "
                "PROMO TEXT, ORDER_STATUS TEXT)")

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else None

    con.executemany("INSERT INTO SALES_ORDER VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [(o, c, s, m, fmt(td), dep, fmt(tc), fmt(tdl), price, camp or None, st)
                     for o, c, s, m, td, dep, tc, tdl, price, camp, st in sorted(order_rows)])
    con.execute("CREATE VIEW V_DEPOSIT AS SELECT ORDER_NO, CUST_ID, STORE_CODE, MODEL_CODE, DEPOSIT_TIME, "
                "DEPOSIT_AMT, PROMO FROM SALES_ORDER WHERE DEPOSIT_TIME >= '2025-06-17'")
    con.execute("CREATE VIEW V_CONTRACT AS SELECT ORDER_NO, CUST_ID, STORE_CODE, MODEL_CODE, CONTRACT_TIME "
                "FROM SALES_ORDER WHERE CONTRACT_TIME >= '2025-06-17'")
    con.execute("CREATE VIEW V_DELIVERY AS SELECT ORDER_NO, CUST_ID, STORE_CODE, MODEL_CODE, DELIVERY_TIME, "
                "DEAL_PRICE - DEPOSIT_AMT AS BALANCE_AMT FROM SALES_ORDER WHERE DELIVERY_TIME >= '2025-06-17'")
    con.execute("CREATE TABLE FIN_APP (APP_NO TEXT, CUST_ID TEXT, ORDER_NO TEXT, APPLY_TIME TEXT, RESULT TEXT, "
                "RESULT_TIME TEXT, LENDER TEXT)")
    con.executemany("INSERT INTO FIN_APP VALUES (?,?,?,?,?,?,?)",
                    [(a, c, o, fmt(t1), r, fmt(t2), l) for a, c, o, t1, r, t2, l in sorted(fin_rows)])
    con.execute("CREATE VIEW V_FIN_APPROVED AS SELECT APP_NO, CUST_ID, ORDER_NO, RESULT_TIME, LENDER FROM FIN_APP "
                "WHERE RESULT = '通过' AND RESULT_TIME >= '2025-06-17'")
    con.execute("CREATE VIEW V_FIN_APPLY AS SELECT * FROM FIN_APP WHERE APPLY_TIME >= '2025-06-17'")
    con.execute("CREATE TABLE UC_ORDER (UC_NO TEXT, CUST_ID TEXT, STORE_CODE TEXT, SOLD_TIME TEXT, PRICE REAL)")
    con.executemany("INSERT INTO UC_ORDER VALUES (?,?,?,?,?)", [(u, c, s, fmt(t), pr) for u, c, s, t, pr in uc_rows])
    con.execute("CREATE TABLE SVC_BOOKING (BOOK_NO TEXT, CUST_ID TEXT, BOOK_TIME TEXT, BOOK_CHANNEL TEXT, "
                "STORE_CODE TEXT, SVC_TYPE TEXT)")
    con.executemany("INSERT INTO SVC_BOOKING VALUES (?,?,?,?,?,?)",
                    [(b, c, fmt(t), ch, s, k) for b, c, t, ch, s, k in sorted(book_rows)])
    con.execute("CREATE TABLE SVC_RO (RO_NO TEXT, CUST_ID TEXT, STORE_CODE TEXT, MODEL_CODE TEXT, RO_TYPE TEXT, "
                "IN_TIME TEXT, SETTLE_TIME TEXT, AMOUNT TEXT)")
    ros = [(r, c, s, m, k, fmt(t1), fmt(t2), a) for r, c, s, m, k, t1, t2, a in sorted(ro_rows)]
    i = next(i for i, r in enumerate(ros) if r[6] and r[4] == "维修" and r[5] > "2026-03")
    ros[i] = ros[i][:7] + ("待结算",)  # a settled RO whose amount the cashier never filled in
    con.executemany("INSERT INTO SVC_RO VALUES (?,?,?,?,?,?,?,?)", ros)
    con.execute("CREATE VIEW V_RO_SETTLED AS SELECT * FROM SVC_RO WHERE SETTLE_TIME IS NOT NULL")
    con.commit()
    con.close()

    # 客诉系统
    with open(folder / "complaints_export.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["工单号", "客户手机MD5", "受理渠道", "工单性质", "问题类型", "涉及门店", "创建时间", "首次响应时间",
                    "结案时间", "回访评分"])
        for tid, phone, ch, kind, cat, store, o, fr, rs, sat in sorted(ticket_rows):
            w.writerow([tid, phone, {HOT: "400", MP: "小程序", SHOW: "门店"}[ch], kind, cat, store,
                        fmt(o) or "", fmt(fr) or "", fmt(rs) or "", sat])

    # NPS survey tool
    with open(folder / "nps_survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["mobile_md5", "submit_time", "nps_score", "comment", "scene", "dealer"])
        for phone, ts, score, comment, scene, store in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([phone, f"{ts:%Y-%m-%dT%H:%M:%S}+08:00", score, comment, scene, store])

    # mini-program service rating
    with open(folder / "mp_service_rating.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["openid", "rate_time", "stars", "content", "store_code", "service_type", "ro_no"])
        for openid, ts, stars, comment, store, kind, ro in sorted(rating_rows, key=lambda r: (r[1], r[0])):
            w.writerow([openid, f"{ts:%Y-%m-%d %H:%M:%S}", stars, comment, store, kind, ro])

    # finance's spend sheet
    with open(folder / "marketing_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["日期", "投放渠道", "活动", "花费(元)"])
        base = {"汽车之家": 6200, "懂车帝": 4300, "官网SEM": 2100, "小程序广告": 1500, "门店活动": 900}
        for k in range(N_DAYS):
            d = (START + timedelta(days=k)).date()
            dt = datetime(d.year, d.month, d.day)
            for ch, amount in base.items():
                factor = R.uniform(0.88, 1.12) * (1.15 if d.weekday() >= 5 and ch != "门店活动" else 1.0)
                w.writerow([f"{d:%Y-%m-%d}", ch, "日常投放", f"{amount * factor:.2f}"])
            if inside(dt, D11):
                peak = 3.0 if d == date(2025, 11, 11) else 1.0
                for ch, amt in (("汽车之家", 15000), ("懂车帝", 11000), ("小程序广告", 5000)):
                    w.writerow([f"{d:%Y-%m-%d}", ch, "双11购车节", f"{amt * peak * R.uniform(0.85, 1.15):.2f}"])
            if inside(dt, CNY_CAMPAIGN):
                for ch, amt in (("汽车之家", 4000), ("懂车帝", 3000), ("小程序广告", 1800)):
                    w.writerow([f"{d:%Y-%m-%d}", ch, "春节购车季", f"{amt * R.uniform(0.85, 1.15):.2f}"])
            if inside(dt, EV6_CAMPAIGN):
                launch = dt.date() == EV6_LAUNCH.date()
                for ch, amt in (("官网SEM", 5000), ("小程序广告", 4500), ("汽车之家", 3500)):
                    w.writerow([f"{d:%Y-%m-%d}", ch, "EV6上市", f"{amt * (4 if launch else 1) * R.uniform(0.85, 1.15):.2f}"])
                if launch:
                    w.writerow([f"{d:%Y-%m-%d}", "门店活动", "EV6上市", "180000.00"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="dealer-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
