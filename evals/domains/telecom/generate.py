"""Telecom evaluation domain: a mobile/broadband operator in Guangdong (广州, 深圳, 佛山, 东莞).

    python generate.py OUT.duckdb

Writes the operator's own exports (seeded: the same files on every run) into a temporary folder —

  app_export/events_YYYY-MM.csv   掌上营业厅App analytics tool, one file per month (English event codes,
                                  local time, device id + login phone MD5)
  wechat_oa_events.jsonl          微信公众号 platform (Chinese event names, UTC ISO times, openid)
  mall_orders_export.csv          电商旗舰店 (GB18030, Chinese column names, cookie + phone MD5)
  boss.sqlite                     BOSS/CRM: CUST_INFO (customers), CONTACT_LOG (store, hotline, field
                                  and system events), PAYMENT (bill payments with order numbers)
  tickets_export.csv              工单系统 (ticket system)
  nps_survey.csv                  SMS survey tool (NPS 0–10)
  marketing_cost.csv              finance's cost sheet per channel, campaign and day

— copies `ingest.yaml` (paths relative to it) next to them and loads everything into OUT.duckdb
with `connectors.ingest.ingest`. Standard library + duckdb only; runs in a few seconds.

Planted stories (see description.md):
  1. 双11大促 (2025-11-01 … 2025-11-11): a promotion spike on 电商旗舰店.
  2. 深圳 实名认证 outage, week of Mon 2026-08-17 … Sun 2026-08-23: most real-name verifications of
     深圳 customers fail, so the step upgrade_apply → 实名认证 (and 宽带预约 → 实名认证) collapses there.
  3. From 2026-06-01 the median first response time of tickets taken by 10086热线 rises steadily
     (~15 min → ~60 min by October), and NPS after 10086_call slides with it.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
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
REPO = HERE.parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261012
START = datetime(2025, 10, 12)  # first day of data
END = datetime(2026, 10, 12)  # as_of: data ends the day before (exclusive bound)
N_DAYS = (END - START).days  # 365

D11 = (datetime(2025, 11, 1), datetime(2025, 11, 12))  # 双11大促
KXJ = (datetime(2026, 8, 24), datetime(2026, 9, 14))  # 开学季 (smaller campaign)
INCIDENT = (datetime(2026, 8, 17), datetime(2026, 8, 24))  # 深圳 实名认证 outage
INCIDENT_CITY = "深圳"
FRT_RAMP = datetime(2026, 6, 1)  # 10086热线 first response starts to slow down

N_EXISTING = 3000  # customers on the network before the data starts
N_PROSPECTS = 2600  # non-customers browsing plans over the year (baseline)
N_D11_PROSPECTS = 650
N_KXJ_PROSPECTS = 260

# Channels (canonical spellings) and the codes each source system uses for them.
STORE, APP, WX, HOTLINE, MALL, FIELD = (
    "营业厅",
    "掌上营业厅App",
    "微信公众号",
    "10086热线",
    "电商旗舰店",
    "上门装维",
)
AGENT = "社会渠道"  # acquisition channel only (third-party dealers): never an event channel
BOSS_CHNL = {STORE: "YYT", HOTLINE: "RX", FIELD: "ZW", APP: "ZT", WX: "WX", MALL: "DS"}
PAY_CHNL = {STORE: "YYT", APP: "ZT", WX: "WX"}
CRM_JOIN = {STORE: "营业厅", AGENT: "社会渠道", APP: "掌厅", WX: "微信", HOTLINE: "10086", MALL: "电商"}
TICKET_CHNL = {HOTLINE: "10086", APP: "手机营业厅", STORE: "营业厅", WX: "微信"}
NPS_CHNL = {STORE: "营业厅", HOTLINE: "10086", FIELD: "装维", APP: "手机营业厅", WX: "微信", MALL: "电商"}

# Event codes per exporting system (canonical touchpoint → the system's own name).
APP_CODES = {
    "app_login": "app_login",
    "plan_page_view": "plan_page_view",
    "套餐对比": "compare_plans",
    "upgrade_apply": "upgrade_apply",
    "实名认证": "realname_verify",
    "账单查询": "bill_query",
    "宽带预约": "broadband_booking",
}
WX_CODES = {
    "plan_page_view": "套餐浏览",
    "套餐对比": "套餐对比",
    "upgrade_apply": "办理套餐",
    "实名认证": "实名认证",
    "宽带预约": "宽带预约",
    "账单查询": "账单查询",
}
MALL_CODES = {"plan_page_view": "浏览套餐", "套餐对比": "套餐对比", "upgrade_apply": "提交订单"}
BOSS_CODES = {
    "store_visit": "store_visit",
    "10086_call": "10086_call",
    "sim_activated": "sim_activated",
    "install_done": "install_done",
    "complaint_filed": "complaint_filed",
    "实名认证": "实名认证",
    "宽带预约": "宽带预约",
    "上门勘察": "上门勘察",
    "upgrade_apply": "套餐办理",
}

CITIES = ["广州", "深圳", "佛山", "东莞"]
CITY_CODE = {"广州": "020", "深圳": "0755", "佛山": "0757", "东莞": "0769"}
STORES = {
    "广州": ["广州天河营业厅", "广州越秀营业厅", "广州番禺营业厅"],
    "深圳": ["深圳福田营业厅", "深圳南山营业厅", "深圳宝安营业厅"],
    "佛山": ["佛山禅城营业厅", "佛山南海营业厅", "佛山顺德营业厅"],
    "东莞": ["东莞南城营业厅", "东莞长安营业厅", "东莞虎门营业厅"],
}
FAMILIES = ["5G畅享", "5G尊享", "宽带融合", "流量卡"]
FEES = {
    "流量卡": [19, 29, 39],
    "5G畅享": [98, 128, 158],
    "5G尊享": [198, 298, 398],
    "宽带融合": [129, 169, 239],
}
AGES = ["18-24", "25-34", "35-44", "45-54", "55+"]

# Monthly survival by acquisition channel (a channel that retains better: 营业厅).
SURVIVAL = {STORE: 0.995, AGENT: 0.988, APP: 0.991, WX: 0.990, HOTLINE: 0.990, MALL: 0.968}

R = random.Random(SEED)


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------
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


_HOURS = {
    # hour-of-day weights per kind of touchpoint
    "digital": [1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 2, 3, 4, 5, 5, 5, 4, 4, 4, 4, 4, 5, 6, 7, 7, 5, 3],
    "store": [0] * 9 + [3, 5, 6, 5, 5, 6, 6, 6, 5, 5, 5, 4, 2] + [0, 0],
    "hotline": [0.2] * 7 + [1, 4, 6, 6, 6, 4, 5, 6, 6, 5, 4, 4, 4, 3, 2, 1, 0.5],
    "field": [0] * 9 + [4, 6, 6, 3, 4, 6, 6, 5, 3] + [0] * 6,
}
_CUM = {k: list(itertools.accumulate(v)) for k, v in _HOURS.items()}


def at(day: date, kind: str = "digital") -> datetime:
    hour = R.choices(range(24), cum_weights=_CUM[kind])[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def hour_kind(channel: str) -> str:
    return {STORE: "store", HOTLINE: "hotline", FIELD: "field"}.get(channel, "digital")


def random_day(lo: datetime, hi: datetime) -> date:
    """A day in [lo, hi), weekends a little busier."""
    span = max(1, (hi.date() - lo.date()).days)
    while True:
        d = lo.date() + timedelta(days=R.randrange(span))
        if d.weekday() >= 5 or chance(0.8):
            return d


def draw(lo: datetime, hi: datetime, kind: str = "digital") -> datetime | None:
    """A time in [lo, hi) on a random day, or None when the draws keep missing (short spans)."""
    for _ in range(4):
        ts = at(random_day(lo, hi), kind)
        if lo <= ts < hi:
            return ts
    return None


def within(ts: datetime) -> bool:
    return START <= ts < END


def in_window(ts: datetime, window: tuple[datetime, datetime]) -> bool:
    return window[0] <= ts < window[1]


# ----------------------------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------------------------
class Person:
    __slots__ = (
        "idx",
        "kind",
        "city",
        "family",
        "tier",
        "tier_changes",
        "age",
        "student",
        "acq",
        "join_ts",
        "churn_ts",
        "phone",
        "openid",
        "device",
        "cookie",
        "cust_no",
        "known_from",
        "app_user",
        "wx_user",
        "self_pay",
        "pay_ch",
        "store",
        "status",
        "signal_ts",
        "first_bill_boost",
    )

    def __init__(self, idx: int, kind: str):
        self.idx, self.kind = idx, kind
        self.tier_changes: list[tuple[datetime, int]] = []
        self.cust_no = None
        self.openid = None
        self.device = None
        self.cookie = None
        self.known_from = None  # when the person's phone is known to the digital systems
        self.join_ts = None
        self.churn_ts = None
        self.status = None
        self.signal_ts = []
        self.first_bill_boost = None

    def tier_at(self, ts: datetime) -> int:
        tier = self.tier
        for when, new in self.tier_changes:
            if when <= ts:
                tier = new
        return tier

    def active(self, ts: datetime) -> bool:
        return (self.join_ts is not None and self.join_ts <= ts) and (
            self.churn_ts is None or ts < self.churn_ts
        )


def new_ids(p: Person) -> None:
    p.phone = md5(f"1{3 + p.idx % 7}{p.idx:09d}")
    if p.app_user:
        p.device = md5(f"dev-{p.idx}")[:8] + "-" + md5(f"dev2-{p.idx}")[:12]
    if p.wx_user:
        p.openid = "oZx3" + md5(f"wx-{p.idx}")[:24]


_cust_seq = [0]


def give_cust_no(p: Person) -> None:
    if p.cust_no is None:
        _cust_seq[0] += 1
        p.cust_no = f"2000{CITY_CODE[p.city][-3:]}{_cust_seq[0]:06d}"


def make_existing(idx: int) -> Person:
    p = Person(idx, "existing")
    p.city = pick(CITIES, [0.32, 0.30, 0.20, 0.18])
    p.age = pick(AGES, [0.14, 0.28, 0.24, 0.18, 0.16])
    p.student = p.age == "18-24" and chance(0.55)
    if p.student:
        p.family = pick(FAMILIES, [0.45, 0.05, 0.05, 0.45])
    else:
        fam_w = [0.40, 0.17, 0.30, 0.13] if p.age != "55+" else [0.35, 0.08, 0.47, 0.10]
        p.family = pick(FAMILIES, fam_w)
    p.tier = pick([0, 1, 2], [0.5, 0.35, 0.15])
    p.acq = pick([STORE, AGENT, APP, WX, HOTLINE, MALL], [0.45, 0.20, 0.10, 0.08, 0.05, 0.12])
    p.app_user = chance({"18-24": 0.8, "25-34": 0.75, "35-44": 0.65, "45-54": 0.5}.get(p.age, 0.3))
    p.wx_user = chance(0.55)
    new_ids(p)
    give_cust_no(p)
    years = R.uniform(0.1, 12.0)
    p.join_ts = at((START - timedelta(days=int(years * 365))).date(), "store")
    p.known_from = START - timedelta(days=1)
    p.self_pay = chance(0.24)
    p.pay_ch = choose_pay_channel(p)
    p.store = R.choice(STORES[p.city])
    return p


def choose_pay_channel(p: Person) -> str:
    options, weights = [STORE], [0.25 if p.age == "55+" else 0.1]
    if p.app_user:
        options.append(APP)
        weights.append(0.6)
    if p.wx_user:
        options.append(WX)
        weights.append(0.4)
    return pick(options, weights)


def make_prospect(idx: int, channel: str, student_bias: float = 0.35) -> Person:
    p = Person(idx, "prospect")
    p.city = pick(CITIES, [0.30, 0.34, 0.19, 0.17])
    p.student = chance(student_bias)
    p.age = "18-24" if p.student else pick(AGES, [0.12, 0.38, 0.28, 0.15, 0.07])
    p.family = pick(FAMILIES, [0.30, 0.10, 0.02, 0.58] if channel == MALL else [0.45, 0.15, 0.05, 0.35])
    if p.student:
        p.family = pick(["流量卡", "5G畅享"], [0.7, 0.3])
    p.tier = pick([0, 1, 2], [0.55, 0.35, 0.10])
    p.acq = channel
    p.app_user = channel == APP or chance(0.5)
    p.wx_user = channel == WX
    new_ids(p)
    if channel == MALL:
        p.cookie = "ck" + md5(f"ck-{idx}")[:14]
    if channel == APP:
        p.app_user = True
    p.self_pay = chance(0.85)
    p.pay_ch = choose_pay_channel(p)
    p.store = R.choice(STORES[p.city])
    return p


# ----------------------------------------------------------------------------------------------
# the systems' exports (rows as the systems write them)
# ----------------------------------------------------------------------------------------------
app_rows: list[tuple] = []  # (ts, distinct_id, login_id, event, utm_campaign, os)
wx_rows: list[dict] = []
mall_rows: list[tuple] = []  # (ts, visitor, phone_md5, action, campaign)
contact_rows: list[tuple] = []  # (cust_no, ts, chnl, biz_type, store)
payment_rows: list[tuple] = []  # (pay_sn, cust_no, ts, chnl, amount)
ticket_rows: list[tuple] = []
nps_rows: list[tuple] = []
persons: list[Person] = []


def emit(p: Person, ts: datetime, ch: str, tp: str, campaign: str | None = None) -> bool:
    """Record one interaction in the system that logs it; False when outside the data period."""
    if not within(ts):
        return False
    if ch == APP and tp in APP_CODES:
        if p.device is None:
            p.device = md5(f"dev-{p.idx}")[:8] + "-" + md5(f"dev2-{p.idx}")[:12]
        logged_in = p.known_from is not None and ts >= p.known_from and (chance(0.97) or tp != "app_login")
        os_name = "iOS" if p.idx % 5 < 2 else "Android"
        app_rows.append((ts, p.device, p.phone if logged_in else "", APP_CODES[tp], campaign or "", os_name))
    elif ch == WX and tp in WX_CODES:
        if p.openid is None:
            p.openid = "oZx3" + md5(f"wx-{p.idx}")[:24]
        wx_rows.append({"openid": p.openid, "event": WX_CODES[tp], "ts": ts, "campaign": campaign})
    elif ch == MALL and tp in MALL_CODES:
        if p.cookie is None:
            p.cookie = "ck" + md5(f"ck-{p.idx}")[:14]
        logged_in = p.known_from is not None and ts >= p.known_from
        mall_rows.append((ts, p.cookie, p.phone if logged_in else "", MALL_CODES[tp], campaign or ""))
    else:
        give_cust_no(p)
        store = p.store if ch == STORE else ""
        contact_rows.append((p.cust_no, ts, BOSS_CHNL[ch], BOSS_CODES[tp], store))
    return True


def survey(p: Person, ts: datetime, ch: str, tp: str, rate: float) -> None:
    """The SMS survey goes out after some interactions; a share of people answer."""
    if not chance(rate):
        return
    answered = ts + timedelta(minutes=R.randint(20, 60 * 30))
    if not within(answered):
        return
    mean = {"store_visit": 8.4, "10086_call": 7.4, "install_done": 8.1, "sim_activated": 8.0,
            "bill_payment": 7.7}[tp]
    if p.city == "东莞":
        mean -= 0.5
    if any(timedelta(0) <= answered - s <= timedelta(days=60) for s in p.signal_ts):
        mean -= 2.0
    if tp == "10086_call" and ts >= FRT_RAMP:  # story 3: hotline service gets slower
        mean -= 1.8 * min(1.0, (ts - FRT_RAMP) / (END - FRT_RAMP))
    score = max(0, min(10, round(R.gauss(mean, 1.9))))
    comment = ""
    if chance(0.35):
        pool = (
            ["很满意", "办理很快", "服务态度好", "师傅很专业", "推荐给朋友了"]
            if score >= 9
            else ["还可以", "一般", "流程有点慢"]
            if score >= 7
            else ["信号太差", "话费太贵", "等了很久", "电话一直打不通", "装机拖了好几天", "态度不好"]
        )
        comment = R.choice(pool)
    nps_rows.append((p.phone, answered, score, comment, tp, ch))


_ticket_seq = [0]


def ticket(p: Person, opened: datetime, category: str, ch: str) -> None:
    if not within(opened):
        return
    _ticket_seq[0] += 1
    tid = f"GD{opened:%Y%m%d}{_ticket_seq[0]:05d}"
    complaint = chance({"信号差": 0.7, "账单疑问": 0.35, "装机延迟": 0.8, "携号转网": 0.6}[category])
    frt_median = {HOTLINE: 15.0, APP: 95.0, STORE: 30.0, WX: 120.0}[ch]
    if ch == HOTLINE and opened >= FRT_RAMP:  # story 3
        frt_median *= 1.0 + 3.0 * min(1.0, (opened - FRT_RAMP) / (END - FRT_RAMP))
    first = opened + timedelta(minutes=max(1.0, lognorm(frt_median, 0.55)))
    res_median_h = {"信号差": 60.0, "账单疑问": 8.0, "装机延迟": 36.0, "携号转网": 72.0}[category]
    resolved = first + timedelta(hours=lognorm(res_median_h, 0.7))
    if chance(0.03) or resolved >= END:
        resolved = None
    if first >= END:
        first = None
    csat = ""
    if resolved is not None and chance(0.55):
        hours = (resolved - opened).total_seconds() / 3600
        mean = 4.4 - 0.9 * min(1.0, hours / (3 * res_median_h)) - (0.6 if complaint else 0)
        csat = str(max(1, min(5, round(R.gauss(mean, 0.8)))))
    ticket_rows.append((tid, p.phone, TICKET_CHNL[ch], "投诉" if complaint else "咨询", category, opened,
                        first, resolved, csat))
    if ch == HOTLINE:
        emit(p, opened - timedelta(minutes=R.randint(2, 9)), HOTLINE, "10086_call")
    if complaint:
        emit(p, opened, ch, "complaint_filed")
    if category == "信号差":
        p.signal_ts.append(opened)


def ticket_channel() -> str:
    return pick([HOTLINE, APP, STORE, WX], [0.60, 0.18, 0.12, 0.10])


# ----------------------------------------------------------------------------------------------
# journeys
# ----------------------------------------------------------------------------------------------
CITY_APPLY = {"深圳": 1.15, "广州": 1.05, "佛山": 0.95, "东莞": 0.82}
FAMILY_APPLY = {"5G尊享": 1.1, "流量卡": 1.2, "宽带融合": 0.9, "5G畅享": 1.0}
CHANNEL_APPLY = {MALL: 1.15, APP: 1.0, WX: 0.82}


def upgrade_attempt(p: Person, t0: datetime, ch0: str, campaign: str | None = None) -> None:
    """plan_page_view → 套餐对比 → upgrade_apply → 实名认证 → sim_activated (30-day window)."""
    existing = p.kind == "existing"
    if ch0 == APP and existing and chance(0.6):
        emit(p, t0 - timedelta(minutes=R.randint(1, 6)), APP, "app_login")
    if not emit(p, t0, ch0, "plan_page_view", campaign):
        return
    for _ in range(pois(0.6)):  # repeat visits
        again = t0 + timedelta(hours=R.uniform(0.5, 24 * 12))
        emit(p, again, ch0 if chance(0.8) else (WX if p.wx_user else ch0), "plan_page_view", campaign)
    # 套餐对比
    p_compare = {APP: 0.74, WX: 0.64, MALL: 0.80}[ch0]
    if not chance(p_compare):
        return
    t1 = t0 + (timedelta(minutes=R.uniform(1, 25)) if chance(0.7) else timedelta(days=R.uniform(0.2, 6)))
    emit(p, t1, ch0, "套餐对比", campaign)
    # upgrade_apply
    p_apply = 0.44 * CITY_APPLY[p.city] * FAMILY_APPLY[p.family] * CHANNEL_APPLY[ch0]
    if p.student:
        p_apply *= 1.1
    if existing and p.tier_at(t1) == 2:
        p_apply *= 0.5
    if campaign == "双11大促":
        p_apply *= 1.3
    if not chance(min(0.95, p_apply)):
        return
    if chance(0.06):
        gap = timedelta(days=R.uniform(25, 45))  # some take longer than the 30-day window
    else:
        gap = timedelta(hours=max(0.05, lognorm(20, 1.3)))
    t2 = t1 + gap
    ch2 = ch0
    if existing and chance(0.15):  # goes to a store to sign up instead
        ch2 = STORE
        t2 = at(t2.date() + timedelta(days=1), "store")
        emit(p, t2 - timedelta(minutes=R.randint(3, 20)), STORE, "store_visit")
    if not within(t2):
        return
    if p.kind == "prospect":  # the order creates a customer record (未激活 until the SIM is activated)
        p.known_from = t2 - timedelta(seconds=1)
        give_cust_no(p)
        p.status = "未激活"
    emit(p, t2, ch2, "upgrade_apply", campaign)
    # 实名认证 (online orders verify in the App: 电商 → 掌上营业厅App)
    ch3 = {APP: APP, WX: WX, MALL: APP, STORE: STORE}[ch2]
    t3 = t2 + (timedelta(minutes=R.uniform(2, 15)) if ch2 == STORE else timedelta(hours=max(0.05, lognorm(3, 1.2))))
    p_rn = {APP: 0.88, WX: 0.86, STORE: 0.98}[ch3] * (0.93 if ch2 == MALL else 1.0)
    if p.city == INCIDENT_CITY and in_window(t3, INCIDENT):  # story 2
        p_rn = 0.12
    if not chance(p_rn):
        return
    if not emit(p, t3, ch3, "实名认证"):
        return
    # sim_activated (store: on the spot; online: after the courier delivers the SIM)
    p_sim = {STORE: 0.97, APP: 0.92, WX: 0.9, MALL: 0.84}[ch2]
    if not chance(p_sim):
        return
    t4 = t3 + (timedelta(minutes=R.uniform(5, 30)) if ch2 == STORE else timedelta(hours=R.uniform(20, 110)))
    if not emit(p, t4, ch2, "sim_activated"):
        return
    survey(p, t4, ch2, "sim_activated", 0.35)
    if existing:
        p.tier_changes.append((t4, min(2, p.tier_at(t4) + 1)))
    else:
        p.join_ts = t4
        p.status = "正常"
    # after activation: log in to see the new plan, check the first bill
    if p.app_user and chance(0.8):
        emit(p, t4 + timedelta(hours=R.uniform(0.5, 72)), APP, "app_login")
    p.first_bill_boost = (t4.year, t4.month)


def broadband_attempt(p: Person, t0: datetime) -> None:
    """宽带预约 → 实名认证 → 上门勘察 → install_done (21-day window)."""
    options, weights = [HOTLINE, STORE], [0.25, 0.15]
    if p.app_user:
        options.append(APP)
        weights.append(0.35)
    if p.wx_user:
        options.append(WX)
        weights.append(0.25)
    ch0 = pick(options, weights)
    if ch0 == HOTLINE:
        emit(p, t0 - timedelta(minutes=R.randint(2, 8)), HOTLINE, "10086_call")
    if ch0 == STORE:
        emit(p, t0 - timedelta(minutes=R.randint(2, 15)), STORE, "store_visit")
    if ch0 == APP and chance(0.6):
        emit(p, t0 - timedelta(minutes=R.randint(1, 6)), APP, "app_login")
    if not emit(p, t0, ch0, "宽带预约"):
        return
    survey_day = max(t0.date() + timedelta(days=1), (t0 + timedelta(days=lognorm(2.0, 0.5))).date())
    t_survey = at(survey_day, "field")
    # 实名认证: online or in store right after booking; hotline bookings verify at the door
    if ch0 == HOTLINE:
        ch_rn, t_rn = FIELD, t_survey - timedelta(minutes=R.randint(5, 15))
    else:
        ch_rn, t_rn = ch0, t0 + timedelta(minutes=R.uniform(2, 40))
    p_rn = 0.92
    if p.city == INCIDENT_CITY and in_window(t_rn, INCIDENT):  # story 2
        p_rn = 0.12
    if not chance(p_rn):
        return
    if not emit(p, t_rn, ch_rn, "实名认证"):
        return
    if not chance({"广州": 0.86, "深圳": 0.88, "佛山": 0.82, "东莞": 0.78}[p.city]):
        if chance(0.5):
            ticket(p, t0 + timedelta(days=R.uniform(4, 8)), "装机延迟", ticket_channel())
        return
    emit(p, t_survey, FIELD, "上门勘察")
    p_done = {"广州": 0.92, "深圳": 0.92, "佛山": 0.88, "东莞": 0.83}[p.city]
    if chance(0.55):
        t_done = t_survey + timedelta(minutes=R.uniform(60, 180))
    else:
        slow = {"东莞": 5.0, "佛山": 4.0}.get(p.city, 3.0)
        t_done = at((t_survey + timedelta(days=max(1.0, lognorm(slow, 0.7)))).date(), "field")
        if t_done <= t_survey:
            t_done = t_survey + timedelta(hours=2)
    late = (t_done - t0).days > 7
    if not chance(p_done):
        if chance(0.55):
            ticket(p, t_survey + timedelta(days=R.uniform(2, 6)), "装机延迟", ticket_channel())
        return
    if late and chance(0.45):
        ticket(p, t0 + timedelta(days=R.uniform(6, 9)), "装机延迟", ticket_channel())
    if emit(p, t_done, FIELD, "install_done"):
        survey(p, t_done, FIELD, "install_done", 0.55)


# ----------------------------------------------------------------------------------------------
# everyday life of a customer: bills, log-ins, store visits, calls, tickets
# ----------------------------------------------------------------------------------------------
_pay_seq = [0]


def months():
    y, m = START.year, START.month
    while (y, m) <= (END.year, END.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def month_bounds(y: int, m: int) -> tuple[datetime, datetime]:
    nxt = datetime(y + 1, 1, 1) if m == 12 else datetime(y, m + 1, 1)
    return datetime(y, m, 1), nxt


def routine(p: Person) -> None:
    login_rate = {"18-24": 0.30, "25-34": 0.25, "35-44": 0.18, "45-54": 0.12}.get(p.age, 0.08)
    store_rate = 0.05 if p.age == "55+" else 0.025
    call_rate = 0.06 if p.age in ("45-54", "55+") else 0.03
    signal_rate = 0.018 * {"东莞": 2.0, "佛山": 1.4, "深圳": 0.7, "广州": 1.0}[p.city]
    bill_q_rate = 0.012 * (1.5 if p.family == "5G尊享" else 1.0)
    for y, m in months():
        lo, hi = month_bounds(y, m)
        lo, hi = max(lo, START, p.join_ts), min(hi, END, p.churn_ts or END)
        if lo >= hi:
            continue
        # the bill of last month, paid in the first weeks (not in the month of joining)
        joined_this_month = (p.join_ts.year, p.join_ts.month) == (y, m)
        if p.self_pay and not joined_this_month:
            day = 1 + min(24, int(R.expovariate(1 / 5.0)))
            ts = at(date(y, m, day), hour_kind(p.pay_ch))
            if lo <= ts < hi:
                pay_bill(p, ts)
        for _ in range(pois(login_rate if p.app_user else 0)):
            ts = draw(lo, hi)
            if ts:
                emit(p, ts, APP, "app_login")
        for _ in range(pois(0.03)):
            ch = APP if p.app_user and (not p.wx_user or chance(0.6)) else (WX if p.wx_user else None)
            ts = draw(lo, hi)
            if ch and ts:
                emit(p, ts, ch, "账单查询")
        for _ in range(pois(store_rate)):
            ts = draw(lo, hi, "store")
            if ts:
                emit(p, ts, STORE, "store_visit")
                survey(p, ts, STORE, "store_visit", 0.3)
        for _ in range(pois(call_rate)):
            ts = draw(lo, hi, "hotline")
            if ts:
                emit(p, ts, HOTLINE, "10086_call")
                survey(p, ts, HOTLINE, "10086_call", 0.3)
        if chance(signal_rate) and (ts := draw(lo, hi, "hotline")):
            ticket(p, ts, "信号差", ticket_channel())
        if chance(bill_q_rate) and (ts := draw(lo, min(hi, lo + timedelta(days=15)), "hotline")):
            ticket(p, ts, "账单疑问", ticket_channel())
        if chance(0.0015) and (ts := draw(lo, hi, "hotline")):
            ticket(p, ts, "携号转网", ticket_channel())


def pay_bill(p: Person, ts: datetime) -> None:
    ch = p.pay_ch
    boosted = p.first_bill_boost is not None and (ts.year, ts.month) > p.first_bill_boost and (
        (ts.year * 12 + ts.month) - (p.first_bill_boost[0] * 12 + p.first_bill_boost[1]) == 1
    )
    if ch == APP and chance(0.7):
        emit(p, ts - timedelta(minutes=R.uniform(2, 8)), APP, "app_login")
    if ch in (APP, WX) and chance(0.75 if boosted else 0.2):
        emit(p, ts - timedelta(minutes=R.uniform(0.5, 1.9)), ch, "账单查询")
    elif boosted and chance(0.5):
        q_ch = APP if p.app_user else (WX if p.wx_user else None)
        if q_ch:
            emit(p, ts - timedelta(days=R.uniform(0.5, 3)), q_ch, "账单查询")
    if ch == STORE and chance(0.6):
        emit(p, ts - timedelta(minutes=R.uniform(2, 10)), STORE, "store_visit")
    fee = FEES[p.family][p.tier_at(ts)]
    amount = fee + (round(R.uniform(5, 60), 1) if chance(0.25) else 0.0)
    _pay_seq[0] += 1
    give_cust_no(p)
    payment_rows.append((f"JF{ts:%Y%m%d}{_pay_seq[0]:07d}", p.cust_no, ts, PAY_CHNL[ch], f"{amount:.2f}"))
    if ch == APP:
        survey(p, ts, APP, "bill_payment", 0.06)


def decide_churn(p: Person) -> None:
    s = SURVIVAL[p.acq] - (0.012 if p.family == "流量卡" else 0.0)
    t = max(START, p.join_ts)
    while t < END:
        if not chance(s):
            churn = t + timedelta(days=R.uniform(0, 30))
            if churn < END:
                p.churn_ts = churn
                if chance(0.3):  # some call to port their number out first
                    ticket(p, churn - timedelta(days=R.uniform(3, 20)), "携号转网", pick([HOTLINE, STORE], [0.7, 0.3]))
            return
        t += timedelta(days=30)


# ----------------------------------------------------------------------------------------------
# simulation
# ----------------------------------------------------------------------------------------------
def simulate() -> None:
    idx = 0
    existing = []
    for _ in range(N_EXISTING):
        idx += 1
        p = make_existing(idx)
        p.status = "正常"
        existing.append(p)
        persons.append(p)

    # plan upgrades of existing customers (while they are still customers)
    for p in existing:
        decide_churn(p)
        last = p.churn_ts or END
        n = pois(2.0)
        for _ in range(n):
            day = random_day(START, last)
            options, weights = [MALL], [0.2]
            if p.app_user:
                options.append(APP)
                weights.append(0.5)
            if p.wx_user:
                options.append(WX)
                weights.append(0.3)
            upgrade_attempt(p, at(day), pick(options, weights))
        if chance(0.25) and last > D11[1]:  # 双11: customers browse the flagship store too
            day = random_day(D11[0], D11[1])
            upgrade_attempt(p, at(day), MALL, "双11大促")
        # broadband
        rate = 0.75 if p.family == "宽带融合" else 0.16
        rate *= {"佛山": 1.3, "东莞": 1.3}.get(p.city, 1.0)
        if chance(rate):
            broadband_attempt(p, at(random_day(START, last)))

    # prospects: people who are not customers yet
    prospects = []
    for k in range(N_PROSPECTS + N_D11_PROSPECTS + N_KXJ_PROSPECTS):
        idx += 1
        if k < N_PROSPECTS:
            ch = pick([MALL, WX, APP], [0.55, 0.2, 0.25])
            p = make_prospect(idx, ch)
            window, campaign = (START, END), None
        elif k < N_PROSPECTS + N_D11_PROSPECTS:
            ch = pick([MALL, APP], [0.88, 0.12])
            p = make_prospect(idx, ch, 0.3)
            window, campaign = D11, "双11大促"
        else:
            ch = pick([MALL, WX], [0.6, 0.4])
            p = make_prospect(idx, ch, 0.9)
            window, campaign = KXJ, "开学季"
        if window is D11 and chance(0.35):
            day = date(2025, 11, 11)  # the big day itself
        else:
            day = random_day(*window)
        upgrade_attempt(p, at(day), ch, campaign)
        persons.append(p)
        prospects.append(p)

    # churn, then everyday life of everyone who is (or became) a customer
    for p in persons:
        if p.join_ts is None:
            continue
        if p.kind == "prospect":
            decide_churn(p)
        if p.churn_ts is not None:
            p.status = "离网"
        routine(p)


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    # 掌上营业厅App analytics: one CSV per month, local time
    app_dir = folder / "app_export"
    app_dir.mkdir()
    by_month: dict[str, list[tuple]] = {}
    for row in sorted(app_rows, key=lambda r: (r[0], r[1], r[3])):
        by_month.setdefault(f"{row[0]:%Y-%m}", []).append(row)
    for month, rows in by_month.items():
        with open(app_dir / f"events_{month}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["event_time", "distinct_id", "login_id", "event", "utm_campaign", "$os"])
            for ts, dev, login, ev, camp, os_name in rows:
                w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", dev, login, ev, camp, os_name])
            if month == "2026-03":  # what real exports contain: a repeated row, a bad date, no id
                ts, dev, login, ev, camp, os_name = rows[100]
                w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", dev, login, ev, camp, os_name])
                w.writerow(["2026-02-30 09:12:44", dev, login, "app_login", "", os_name])
                w.writerow(["2026-03-15 10:01:02", "", "", "plan_page_view", "", "Android"])

    # 微信公众号: JSON Lines, UTC instants
    with open(folder / "wechat_oa_events.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(sorted(wx_rows, key=lambda r: (r["ts"], r["openid"], r["event"]))):
            utc = row["ts"] - timedelta(hours=8)
            obj = {"FromUserName": row["openid"], "EventName": row["event"],
                   "CreateTime": f"{utc:%Y-%m-%dT%H:%M:%S}Z"}
            if row["campaign"]:
                obj["活动"] = row["campaign"]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if i == 5000:
                f.write('{"FromUserName": "oZx3broken", "EventName": "套餐浏览", "CreateTi\n')

    # 电商旗舰店: GB18030 CSV with Chinese headers
    with open(folder / "mall_orders_export.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["访问时间", "访客ID", "手机号MD5", "行为", "活动名称"])
        for ts, cookie, phone, action, camp in sorted(mall_rows, key=lambda r: (r[0], r[1])):
            w.writerow([f"{ts:%Y/%m/%d %H:%M}", cookie, phone, action, camp])

    # BOSS/CRM: SQLite
    con = sqlite3.connect(folder / "boss.sqlite")
    con.execute(
        "CREATE TABLE CUST_INFO (CUST_NO TEXT, MSISDN_MD5 TEXT, WX_OPENID TEXT, AREA_CODE TEXT, "
        "PLAN_FAMILY TEXT, AGE_BAND TEXT, IS_STUDENT TEXT, JOIN_CHNL TEXT, OPEN_DATE TEXT, CUST_STATUS TEXT)"
    )
    cust = []
    for p in persons:
        if p.cust_no is None:
            continue
        open_date = f"{p.join_ts:%Y-%m-%d %H:%M:%S}" if p.join_ts else None
        cust.append((p.cust_no, p.phone, p.openid or "", CITY_CODE[p.city], p.family, p.age,
                     "是" if p.student else "否", CRM_JOIN[p.acq], open_date, p.status))
    con.executemany("INSERT INTO CUST_INFO VALUES (?,?,?,?,?,?,?,?,?,?)", sorted(cust))
    con.execute("CREATE TABLE CONTACT_LOG (CUST_NO TEXT, CONTACT_TIME TEXT, CHNL_CODE TEXT, BIZ_TYPE TEXT, STORE_NAME TEXT)")
    con.executemany(
        "INSERT INTO CONTACT_LOG VALUES (?,?,?,?,?)",
        [(c, f"{ts:%Y%m%d%H%M%S}", ch, biz, store or None)
         for c, ts, ch, biz, store in sorted(contact_rows, key=lambda r: (r[1], r[0], r[3]))],
    )
    con.execute("CREATE TABLE PAYMENT (PAY_SN TEXT, CUST_NO TEXT, PAY_TIME TEXT, PAY_CHNL TEXT, PAY_AMT TEXT)")
    pays = [(sn, c, f"{ts:%Y%m%d%H%M%S}", ch, amt) for sn, c, ts, ch, amt in sorted(payment_rows)]
    pays[777] = pays[777][:4] + ("待核",)  # an amount finance has not confirmed yet
    con.executemany("INSERT INTO PAYMENT VALUES (?,?,?,?,?)", pays)
    con.commit()
    con.close()

    # 工单系统 tickets
    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "tickets_export.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["工单编号", "客户手机号MD5", "受理渠道", "工单类型", "问题分类", "创建时间", "首次响应时间",
                    "办结时间", "回访满意度"])
        for tid, phone, ch, kind, cat, opened, first, resolved, csat in sorted(ticket_rows):
            w.writerow([tid, phone, ch, kind, cat, fmt(opened), fmt(first), fmt(resolved), csat])

    # SMS survey tool: NPS
    with open(folder / "nps_survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["手机号MD5", "答卷时间", "推荐意愿得分", "意见", "调研场景", "触点渠道"])
        scene = {"store_visit": "营业厅办理", "10086_call": "10086来电", "install_done": "装机回访",
                 "sim_activated": "新开卡", "bill_payment": "缴费"}
        for phone, ts, score, comment, tp, ch in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([phone, f"{ts:%Y-%m-%dT%H:%M:%S}+08:00", score, comment, scene[tp], NPS_CHNL[ch]])

    # finance's cost sheet
    with open(folder / "marketing_cost.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["日期", "渠道", "活动", "消耗金额(元)"])
        base = {"电商": 2800, "公众号": 1200, "掌厅": 900, "营业厅": 1600, "10086外呼": 700}
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            weekend = d.weekday() >= 5
            for ch, amount in base.items():
                factor = (1.25 if weekend and ch in ("电商", "营业厅") else 1.0) * R.uniform(0.85, 1.15)
                if ch == "10086外呼" and weekend:
                    factor *= 0.3
                w.writerow([f"{d:%Y/%m/%d}", ch, "日常投放", f"{amount * factor:.2f}"])
            dt = datetime(d.year, d.month, d.day)
            if in_window(dt, D11):
                peak = 4.0 if d == date(2025, 11, 11) else 1.0
                w.writerow([f"{d:%Y/%m/%d}", "电商", "双11大促", f"{R.uniform(14000, 22000) * peak:.2f}"])
                w.writerow([f"{d:%Y/%m/%d}", "掌厅", "双11大促", f"{R.uniform(2500, 3500):.2f}"])
            if in_window(dt, KXJ):
                w.writerow([f"{d:%Y/%m/%d}", "电商", "开学季", f"{R.uniform(3500, 4500):.2f}"])
                w.writerow([f"{d:%Y/%m/%d}", "公众号", "开学季", f"{R.uniform(1600, 2400):.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="telecom-src-") as tmp:
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
