"""Gym evaluation domain: 乐动健身 (LeDong Fitness), 30 gyms in six Chinese cities.

    python generate.py OUT.duckdb

Writes the chain's own exports (seeded: the same files on every run) into a temporary folder —

  leads_export.csv           线索平台: online and offline leads (美团/大众点评, 抖音, 小红书, 地推,
                             企业团购, 会员转介绍), channel codes, phone MD5, 意向门店
  xcx_maidian/YYYY-MM.jsonl  小程序 tracking: yuyue_tiyan, tuanke_yuyue, pingjia (openid, +08:00 times)
  qiantai_liushui.csv        前台收银 system (GB18030): 进店 / 办卡 / 续卡 / 退费 with amounts
  tuanke_qiandao.csv         团课 system: class sign-ins with class and coach
  menjin/YYYYMM.csv          门禁 gate swipes (card no., store code, compact times)
  sijiao.sqlite              私教 system: trial class, package purchase, sessions
  huiyuan.csv                会员 CRM: every lead and member (gender code, age band, card type …)
  pingjia_export.csv         post-class star ratings (1–5)
  kesu_gongdan.csv           客诉工单 (GB18030)
  toufang_huafei.csv         daily marketing spend per channel × activity

— copies `ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.
Standard library + duckdb only.

Planted stories (see description.md):
  1. 美团/大众点评 visit-to-card conversion collapses from 2026-07-01 (9.9体验券 listing): ≈ 43 % → ≈ 13 %.
  2. 深圳 tickets from 2026-08-01: first response and resolution times more than double.
  3. 小红书 马甲线挑战 (2026-05-11 … 06-21): leads triple, almost nobody buys a card.
  4. 会员转介绍 members retain best, 企业团购 members worst (check-ins months after joining).
  5. 双11年卡特惠 (2025-11-01 … 11-11): 年卡 at 1,999, card sales spike.
  6. 上海 动感单车 coach 小雨 → 阿凯 on 2026-09-01: ratings fall from ≈ 4.4 to ≈ 3.3 stars.
  7. 杭州 滨江店 opens 2026-04-18.
  8. January peak (新年燃脂季), 春节 dip (week of 2026-02-16).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261101
START = datetime(2025, 11, 1)
END = datetime(2026, 11, 1)  # as_of (Sunday); data ends 2026-10-31 23:59
N_DAYS = (END - START).days

D11 = (datetime(2025, 11, 1), datetime(2025, 11, 12))        # 双11年卡特惠
XINNIAN = (datetime(2026, 1, 1), datetime(2026, 2, 1))        # 新年燃脂季 (抖音)
CHUNJIE = (datetime(2026, 2, 14), datetime(2026, 2, 23))      # 春节 closure-ish dip
MAJIA = (datetime(2026, 5, 11), datetime(2026, 6, 22))        # 小红书 马甲线挑战
MT_DROP = datetime(2026, 7, 1)                                # 美团 9.9体验券 from here
SZ_SLOW = datetime(2026, 8, 1)                                # 深圳 service slowdown
COACH_CHANGE = datetime(2026, 9, 1)                           # 上海 动感单车 coach change
BINJIANG_OPEN = datetime(2026, 4, 18)                         # 杭州·滨江店 opens

MT, DY, XHS, ZJS, DT, QY, ZR = "美团/大众点评", "抖音", "小红书", "会员转介绍", "地推", "企业团购", "自然到店"
XCX, STORE = "小程序", "门店"
LEAD_CODE = {MT: "MTDP", DY: "DY", XHS: "XHS", ZJS: "ZJS", DT: "DT", QY: "QYTG"}
SRC_CODE = {MT: "mtdp", DY: "douyin", XHS: "xhs", ZJS: "referral", DT: "ditui", QY: "qiye", ZR: "walkin"}

STORES = {
    "上海": [("SH01", "静安店"), ("SH02", "徐汇店"), ("SH03", "陆家嘴店"), ("SH04", "五角场店"),
           ("SH05", "虹桥店"), ("SH06", "七宝店"), ("SH07", "中山公园店")],
    "北京": [("BJ01", "国贸店"), ("BJ02", "望京店"), ("BJ03", "中关村店"), ("BJ04", "三里屯店"),
           ("BJ05", "五道口店"), ("BJ06", "亦庄店")],
    "深圳": [("SZ01", "科技园店"), ("SZ02", "福田CBD店"), ("SZ03", "宝安中心店"), ("SZ04", "龙华店"), ("SZ05", "前海店")],
    "杭州": [("HZ01", "西湖店"), ("HZ02", "滨江店"), ("HZ03", "未来科技城店"), ("HZ04", "武林店")],
    "成都": [("CD01", "春熙路店"), ("CD02", "高新店"), ("CD03", "金融城店"), ("CD04", "天府三街店")],
    "武汉": [("WH01", "光谷店"), ("WH02", "楚河汉街店"), ("WH03", "江汉路店"), ("WH04", "武昌店")],
}
CITY_W = {"上海": 0.25, "北京": 0.21, "深圳": 0.17, "杭州": 0.13, "成都": 0.13, "武汉": 0.11}
DAQU = {"上海": "华东", "杭州": "华东", "北京": "华北", "深圳": "华南", "成都": "西南", "武汉": "华中"}
STORE_CITY = {name: city for city, lst in STORES.items() for _, name in lst}

CARDS = {"月卡": (399, 30), "季卡": (999, 91), "年卡": (2999, 365), "次卡": (499, 120)}  # 次卡 = 10 visits
CARD_CODE = {"月卡": "M", "季卡": "Q", "年卡": "Y", "次卡": "C"}
CLASSES = ["动感单车", "瑜伽", "普拉提", "搏击操", "HIIT燃脂", "尊巴"]
CLASS_W = [0.25, 0.22, 0.15, 0.13, 0.15, 0.10]
COACH = {  # group class coach per city × class
    (c, k): n for c, names in {
        "上海": ["小雨", "Yuki", "安娜", "大熊", "Kevin", "莉莉"],
        "北京": ["王鹏", "静怡", "Coco", "铁柱", "Jason", "米娅"],
        "深圳": ["阿杰", "晓晓", "Vivian", "阿龙", "Leo", "丹丹"],
        "杭州": ["小周", "林溪", "Emma", "老K", "Max", "甜甜"],
        "成都": ["阿川", "素素", "Nina", "虎哥", "Tony", "朵朵"],
        "武汉": ["刘洋", "清禾", "Grace", "大力", "Sam", "欢欢"],
    }.items() for k, n in zip(CLASSES, names)
}
PT_COACH = {  # personal trainers per city
    "上海": ["张伟", "Mike", "赵磊"], "北京": ["李强", "Ryan", "孙浩"], "深圳": ["陈晨", "Alex", "黄斌"],
    "杭州": ["吴昊", "Ben", "徐峰"], "成都": ["罗杰", "Ivan", "何勇"], "武汉": ["周航", "Eric", "郑凯"],
}
PT_PACKS = {"12节私教课": 3600, "24节私教课": 6480, "36节私教课": 8640}
AGE_BANDS = ["18-24", "25-30", "31-40", "41+"]

R = random.Random(SEED)


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


def within(ts: datetime) -> bool:
    return START <= ts < END


_GYM_H = [0, 0, 0, 0, 0, 0, 1, 3, 2.5, 1.5, 1.2, 1.2, 2.2, 1.5, 1, 1, 1.5, 2.5, 4.5, 5, 4.5, 3, 1.5, 0.3]
_WEB_H = [0.8, 0.3, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 2, 2, 2.2, 3, 2.5, 2, 2, 2.2, 2.5, 3, 3.5, 4.5, 5, 4, 2]


def at(day, kind: str = "gym") -> datetime:
    hour = R.choices(range(24), weights=_GYM_H if kind == "gym" else _WEB_H)[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


# ----------------------------------------------------------------------------------------------
# people and rows
# ----------------------------------------------------------------------------------------------
class Person:
    def __init__(self, idx: int, source: str, city: str):
        self.idx = idx
        self.source = source
        self.city = city
        stores = [s for s in STORES[city]]
        self.store_code, self.store = R.choice(stores)
        self.phone = md5(f"1{3 + idx % 6}{idx:09d}")
        self.openid = None
        self.hy_no = None
        self.card_no = None
        self.reg_ts = None
        self.card = ""
        self.gender = pick(["男", "女"], [0.45, 0.55])
        self.age = pick(AGE_BANDS, [0.22, 0.36, 0.3, 0.12])
        self.status = "潜客"
        self.refunded = False
        self.expires = None

    def ensure_store(self, ts: datetime) -> None:
        if self.store_code == "HZ02" and ts < BINJIANG_OPEN:
            self.store_code, self.store = R.choice([s for s in STORES["杭州"] if s[0] != "HZ02"])


persons: list[Person] = []
lead_rows, xcx_rows, qt_rows, tk_rows, gate_rows, pt_rows, rating_rows, ticket_rows = ([] for _ in range(8))
_seq = {"hy": 0, "lead": 0, "order": 0, "ticket": 0, "card": 0}


def nxt(k: str) -> int:
    _seq[k] += 1
    return _seq[k]


def member_no(p: Person, ts: datetime) -> None:
    if p.hy_no is None:
        p.hy_no = f"HY{nxt('hy'):06d}"
    if p.reg_ts is None:
        p.reg_ts = ts


def xcx(p: Person, ts: datetime, ev: str, kecheng: str = "") -> bool:
    if not within(ts):
        return False
    if p.openid is None:
        p.openid = "oLD" + md5(f"wx-{p.idx}")[:25]
    xcx_rows.append((ts, p.openid, p.phone, ev, p.store, kecheng))
    return True


def qiantai(p: Person, ts: datetime, yewu: str, card: str = "", amount: str = "", order: str = "") -> bool:
    if not within(ts):
        return False
    qt_rows.append((p.hy_no, p.phone, yewu, ts, p.store, card, amount, order))
    return True


def rating(p: Person, ts: datetime, scene: str, kecheng: str, coach: str, mean: float) -> None:
    t = ts + timedelta(minutes=R.uniform(30, 240))
    if not within(t):
        return
    stars = max(1, min(5, round(R.gauss(mean, 0.7))))
    comment = ""
    if chance(0.35):
        pool = (["教练很专业", "强度刚好", "氛围很好", "音乐很燃", "下次还来"] if stars >= 4
                else ["一般般", "人太多了", "空调不够凉"] if stars == 3
                else ["教练不认真", "节奏太乱", "音响太吵", "器械不够", "体验很差"])
        comment = R.choice(pool)
    xcx(p, t, "pingjia", kecheng)
    rating_rows.append((p.openid, t, scene, stars, comment, kecheng, coach, p.store))


def ticket(p: Person, opened: datetime, cat: str) -> None:
    if not within(opened):
        return
    tid = f"KS{opened:%y%m%d}{nxt('ticket'):04d}"
    ch = pick(["400热线", "小程序客服", "门店前台", "大众点评差评"], [0.35, 0.35, 0.2, 0.1])
    frt = {"400热线": 12.0, "小程序客服": 30.0, "门店前台": 8.0, "大众点评差评": 120.0}[ch]
    res = {"器械": 20.0, "卫生": 10.0, "教练": 30.0, "退费": 72.0}[cat]
    if p.city == "深圳" and opened >= SZ_SLOW:  # story: 深圳 response and resolution times double
        frt *= 3.0
        res *= 2.3
    frt *= math.exp(R.gauss(0, 0.5))
    res *= math.exp(R.gauss(0, 0.7))
    first = opened + timedelta(minutes=frt)
    resolved = opened + timedelta(hours=max(frt / 60 + 0.3, res))
    if resolved >= END or chance(0.02):
        resolved = None
    comp = chance({"器械": 0.35, "卫生": 0.6, "教练": 0.7, "退费": 0.5}[cat])
    sat = ""
    if resolved is not None and chance(0.5):
        base = 3.9 if not (p.city == "深圳" and opened >= SZ_SLOW) else 3.0
        sat = str(max(1, min(5, round(R.gauss(base - (0.5 if comp else 0), 1.0)))))
    ticket_rows.append((tid, p.phone, ch, cat, "Y" if comp else "N", opened, first, resolved, sat, p.store))


# ---------------------------------------------------------------------------------------------
def lead_day(source: str) -> date:
    """A lead's day, with seasonality (January peak, 春节 dip, summer) and campaign bursts."""
    while True:
        d = START.date() + timedelta(days=R.randrange(N_DAYS))
        dt = datetime(d.year, d.month, d.day)
        w = 1.0
        if d.month == 1:
            w = 1.7
        elif d.month in (3, 4, 5, 6):
            w = 1.2
        elif d.month == 12:
            w = 0.8
        if inw(dt, CHUNJIE):
            w = 0.35
        if inw(dt, D11):
            w *= 2.4
        if source == DY and inw(dt, XINNIAN):
            w *= 1.6
        if source == XHS and inw(dt, MAJIA):
            w *= 4.5
        if source == MT and dt >= MT_DROP:
            w *= 1.35
        if source == "HZ02" and dt < BINJIANG_OPEN:
            w = 0
        if R.random() < w / 8:
            return d


def campaign_of(source: str, ts: datetime) -> str:
    if source == MT:
        return "9.9体验券" if ts >= MT_DROP else "团购套餐"
    if source == DY:
        return "新年燃脂季" if inw(ts, XINNIAN) else ("双11年卡特惠" if inw(ts, D11) else "日常投放")
    if source == XHS:
        return "马甲线挑战" if inw(ts, MAJIA) else "日常种草"
    if source == DT:
        return pick(["社区地推", "写字楼地推"], [0.5, 0.5])
    if source == QY:
        return "企业健康计划"
    return "老带新"


def new_person(source: str) -> Person:
    city = pick(list(CITY_W), list(CITY_W.values()))
    p = Person(len(persons), source, city)
    persons.append(p)
    return p


def lead_journey(p: Person) -> None:
    d = lead_day(p.source)
    t_lead = at(d, "web")
    p.ensure_store(t_lead)
    if p.source != ZR:
        camp = campaign_of(p.source, t_lead)
        p.reg_ts = t_lead
        lead_rows.append((f"XS{nxt('lead'):06d}", LEAD_CODE[p.source], camp, t_lead, p.phone, p.store))
        book = {MT: 0.62, DY: 0.5, XHS: 0.55, ZJS: 0.78, DT: 0.45, QY: 0.7}[p.source]
        if p.source == XHS and inw(t_lead, MAJIA):
            book = 0.6
        if not chance(book):
            return
        t_book = t_lead + timedelta(hours=R.expovariate(1 / 20) + 0.1)
        if not xcx(p, t_book, "yuyue_tiyan"):
            return
        show = {MT: 0.7, DY: 0.55, XHS: 0.6, ZJS: 0.85, DT: 0.6, QY: 0.75}[p.source]
        if p.source == XHS and inw(t_lead, MAJIA):
            show = 0.45
        if not chance(show):
            return
        t_visit = at((t_book + timedelta(days=R.choice([0, 1, 1, 2, 2, 3, 4, 6]))).date())
        if t_visit <= t_book:
            t_visit = t_book + timedelta(hours=R.uniform(2, 6))
    else:
        t_visit = at(d)
    member_no(p, t_visit)
    if not qiantai(p, t_visit, "进店"):
        return
    buy = {MT: 0.38, DY: 0.3, XHS: 0.3, ZJS: 0.55, DT: 0.3, QY: 0.6, ZR: 0.4}[p.source]
    if p.source == MT and t_visit >= MT_DROP:  # story: 美团 conversion collapse
        buy = 0.1
    if p.source == XHS and inw(t_lead if p.source != ZR else t_visit, MAJIA):
        buy = 0.04  # story: 马甲线挑战 brings leads, not buyers
    if inw(t_visit, D11):
        buy += 0.2
    if not chance(buy):
        return
    t_buy = t_visit + timedelta(minutes=R.uniform(20, 90)) if chance(0.7) else t_visit + timedelta(days=R.uniform(1, 10))
    join(p, t_buy)


def choose_card(p: Person, ts: datetime) -> tuple[str, float]:
    if p.source == QY:
        return "年卡", 1599.0
    if inw(ts, D11):
        card = pick(["月卡", "季卡", "年卡", "次卡"], [0.1, 0.12, 0.7, 0.08])
        return card, (1999.0 if card == "年卡" else float(CARDS[card][0]))
    card = pick(["月卡", "季卡", "年卡", "次卡"], [0.35, 0.3, 0.2, 0.15])
    return card, float(CARDS[card][0])


def join(p: Person, t_buy: datetime) -> None:
    card, price = choose_card(p, t_buy)
    order = f"DD{t_buy:%y%m%d}{nxt('order'):05d}"
    if not qiantai(p, t_buy, "办卡", card, f"{price:.0f}", order):
        return
    p.card = card
    p.status = "会员"
    if p.card_no is None:
        p.card_no = f"{R.randrange(10**9, 10**10)}"
    if chance(0.03):  # refund within a month
        t_ref = t_buy + timedelta(days=R.uniform(3, 28))
        if qiantai(p, t_ref, "退费", card, f"-{price * 0.8:.0f}", order):
            ticket(p, t_ref - timedelta(hours=R.uniform(4, 60)), "退费")
            p.refunded = True
            p.status = "已退卡"
            return
    membership(p, t_buy, card, price)


def membership(p: Person, t_start: datetime, card: str, price: float, pre: bool = False,
               first_end: datetime | None = None) -> None:
    """Check-ins, group classes, PT, tickets and renewals while the person stays."""
    hazard = {ZJS: 0.06, QY: 0.28}.get(p.source, 0.15)  # story: referral cohort retains best
    lam = {ZJS: 1.6, QY: 0.55}.get(p.source, 1.1)  # check-ins per week at the start
    does_class = chance(0.4)
    class_pref = pick(CLASSES, CLASS_W)
    t = t_start
    alive_until = t_start
    first_days = t_start + timedelta(days=R.uniform(0.5, 4))
    # active months
    month = 0
    visits_on_card = 0
    card_end = first_end or t_start + timedelta(days=CARDS[card][1])
    pt_done = False
    while t < END:
        month_end = t + timedelta(days=30)
        rate = lam * (0.97 ** month)
        for wk in range(4):
            n = min(6, int(R.expovariate(1 / rate) + 0.5)) if rate > 0 else 0
            for _ in range(n):
                day = (t + timedelta(days=wk * 7 + R.uniform(0, 7))).date()
                ts = at(day)
                if ts < first_days and month == 0 and wk == 0:
                    ts = first_days + timedelta(hours=R.uniform(0, 48))
                if inw(ts, CHUNJIE) and chance(0.75):
                    continue
                if p.store_code == "HZ02" and ts < BINJIANG_OPEN:
                    continue
                if within(ts):
                    gate_rows.append((p.card_no, ts, p.store_code))
                    visits_on_card += 1
                    if does_class and chance(0.5):
                        group_class(p, ts, class_pref if chance(0.7) else pick(CLASSES, CLASS_W))
        if chance(0.085):
            ticket(p, t + timedelta(days=R.uniform(0, 30), hours=R.uniform(0, 12)),
                   pick(["器械", "卫生", "教练"], [0.5, 0.3, 0.2]))
        if not pt_done and month <= 1 and chance(0.04 if pre else 0.2):
            pt_done = True
            pt_journey(p, t + timedelta(days=R.uniform(2, 25)))
        month += 1
        t = month_end
        alive_until = t
        # renewal at the card's end
        if card == "次卡" and visits_on_card >= 10:
            card_end = t
        if t >= card_end:
            if chance(1 - hazard * 1.5) and card_end < END:
                t_ren = card_end - timedelta(days=R.uniform(0, 5)) + timedelta(hours=R.uniform(9, 20))
                t_ren = max(t_ren, t_start + timedelta(days=1))
                new_card = card if chance(0.8) else pick(["月卡", "季卡", "年卡"], [0.3, 0.4, 0.3])
                p_new = float(CARDS[new_card][0])
                if not qiantai(p, t_ren, "续卡", new_card, f"{p_new:.0f}", f"DD{t_ren:%y%m%d}{nxt('order'):05d}"):
                    break
                card, visits_on_card = new_card, 0
                p.card = card
                card_end = card_end + timedelta(days=CARDS[card][1])
            else:
                break
        elif chance(hazard * 0.5):  # stops coming though the card runs on
            break
    p.expires = card_end
    p.status = "会员" if card_end >= END else "已过期"
    if p.refunded:
        p.status = "已退卡"


def group_class(p: Person, ts: datetime, kecheng: str) -> None:
    t_book = ts - timedelta(hours=R.uniform(1, 18))
    if not xcx(p, t_book, "tuanke_yuyue", kecheng):
        return
    if not chance(0.86):
        return
    coach = COACH[(p.city, kecheng)]
    mean = 4.4
    if kecheng == "动感单车" and p.city == "上海" and ts >= COACH_CHANGE:  # story: coach change
        coach, mean = "阿凯", 3.1
    tk_rows.append((p.hy_no, kecheng, coach, ts, p.store))
    if chance(0.3 if mean > 4 else 0.4):
        rating(p, ts + timedelta(minutes=60), "团课", kecheng, coach, mean)


def pt_journey(p: Person, t_trial: datetime) -> None:
    t_trial = at(t_trial.date())
    coach = R.choice(PT_COACH[p.city])
    if not within(t_trial):
        return
    pt_rows.append((p.hy_no, "TIYAN", t_trial, coach, "", "", p.store))
    if chance(0.2):
        rating(p, t_trial + timedelta(minutes=60), "私教", "私教体验课", coach, 4.5)
    if not chance(0.38):
        return
    t_buy = t_trial + timedelta(hours=R.uniform(0.5, 2)) if chance(0.6) else t_trial + timedelta(days=R.uniform(1, 12))
    pack = pick(list(PT_PACKS), [0.5, 0.35, 0.15])
    if not within(t_buy):
        return
    pt_rows.append((p.hy_no, "GOUMAI", t_buy, coach, f"{PT_PACKS[pack]:.2f}", pack, p.store))
    n = int(pack[:2])
    t = t_buy
    for _ in range(n):
        t = at((t + timedelta(days=R.uniform(3, 9))).date())
        if not within(t):
            break
        pt_rows.append((p.hy_no, "SHANGKE", t, coach, "", pack, p.store))
        if chance(0.08):
            rating(p, t + timedelta(minutes=60), "私教", "私教课", coach, 4.6)


def simulate() -> None:
    counts = {MT: 1350, DY: 1150, XHS: 900, DT: 620, QY: 330, ZJS: 420, ZR: 800}
    for source, n in counts.items():
        for _ in range(n):
            p = new_person(source)
            lead_journey(p)
    # members from before the data starts
    for _ in range(850):
        p = new_person(pick([MT, DY, XHS, ZJS, DT, QY, ZR], [0.22, 0.15, 0.08, 0.1, 0.1, 0.1, 0.25]))
        if p.store_code == "HZ02":
            p.store_code, p.store = "HZ01", "西湖店"
        card = pick(["月卡", "季卡", "年卡", "次卡"], [0.25, 0.3, 0.35, 0.1])
        span = CARDS[card][1]
        t0 = START - timedelta(days=R.uniform(1, span - 1))
        member_no(p, datetime(2022, 6, 1) + timedelta(days=R.uniform(0, (t0 - datetime(2022, 6, 1)).days)))
        p.card, p.card_no, p.status = card, f"{R.randrange(10**9, 10**10)}", "会员"
        membership(p, START, card, float(CARDS[card][0]), pre=True, first_end=t0 + timedelta(days=span))


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    with open(folder / "leads_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["xiansuo_id", "qudao", "huodong", "liuzi_shijian", "shouji_md5", "yixiang_mendian"])
        for i, (lid, q, camp, ts, ph, store) in enumerate(sorted(lead_rows, key=lambda r: (r[3], r[0]))):
            w.writerow([lid, q, camp, f"{ts:%Y/%m/%d %H:%M}", ph, store])
            if i == 2000:
                w.writerow([f"XS9{lid[3:]}", q, camp, "2026/02/30 10:00", ph, store])  # impossible date

    (folder / "xcx_maidian").mkdir()
    by_month: dict[str, list] = {}
    for r in sorted(xcx_rows, key=lambda r: (r[0], r[1], r[3])):
        by_month.setdefault(f"{r[0]:%Y-%m}", []).append(r)
    for m, rows in by_month.items():
        with open(folder / "xcx_maidian" / f"{m}.jsonl", "w", encoding="utf-8") as f:
            for ts, oid, ph, ev, store, kc in rows:
                obj = {"openid": oid, "event": ev, "ts": f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
                       "phone_md5": ph, "store": store}
                if kc:
                    obj["kecheng"] = kc
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    with open(folder / "qiantai_liushui.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["huiyuan_no", "shouji_md5", "yewu_leixing", "yewu_shijian", "mendian", "kaxing", "jine", "danhao"])
        for hy, ph, yw, ts, store, card, amt, order in sorted(qt_rows, key=lambda r: (r[3], r[0], r[2])):
            w.writerow([hy, ph, yw, f"{ts:%Y-%m-%d %H:%M:%S}", store, CARD_CODE.get(card, ""), amt, order])

    with open(folder / "tuanke_qiandao.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["huiyuan_no", "kecheng_mingcheng", "jiaolian", "qiandao_shijian", "mendian"])
        for hy, kc, coach, ts, store in sorted(tk_rows, key=lambda r: (r[3], r[0])):
            w.writerow([hy, kc, coach, f"{ts:%Y-%m-%d %H:%M}", store])

    (folder / "menjin").mkdir()
    gm: dict[str, list] = {}
    for r in sorted(gate_rows, key=lambda r: (r[1], r[0])):
        gm.setdefault(f"{r[1]:%Y%m}", []).append(r)
    for m, rows in gm.items():
        with open(folder / "menjin" / f"{m}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["card_no", "swipe_time", "store_code"])
            for card, ts, code in rows:
                w.writerow([card, f"{ts:%Y%m%d%H%M%S}", code])
            if m == "202603":  # the gate double-sends a swipe now and then
                card, ts, code = rows[100]
                w.writerow([card, f"{ts:%Y%m%d%H%M%S}", code])

    con = sqlite3.connect(folder / "sijiao.sqlite")
    con.execute("CREATE TABLE sj_record (huiyuan_no TEXT, record_type TEXT, record_time TEXT, coach TEXT, "
                "amount TEXT, package_name TEXT, store TEXT)")
    con.executemany("INSERT INTO sj_record VALUES (?,?,?,?,?,?,?)",
                    [(h, t, f"{ts:%Y-%m-%d %H:%M:%S}", c, a, pk, s)
                     for h, t, ts, c, a, pk, s in sorted(pt_rows, key=lambda r: (r[2], r[0], r[1]))])
    con.commit()
    con.close()

    with open(folder / "huiyuan.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["huiyuan_no", "shouji_md5", "wx_openid", "menjin_kahao", "xingbie", "nianling_duan",
                    "chengshi", "daqu", "mendian", "laiyuan", "kaxing", "zhuangtai", "jiandang_shijian"])
        rows = []
        for p in persons:
            if p.reg_ts is None:
                continue
            rows.append([p.hy_no or "", p.phone, p.openid or "", p.card_no or "", "1" if p.gender == "男" else "2",
                         p.age, p.city, DAQU[p.city], p.store, SRC_CODE[p.source], CARD_CODE.get(p.card, ""),
                         p.status, f"{p.reg_ts:%Y-%m-%d %H:%M:%S}"])
        for r in sorted(rows, key=lambda r: (r[12], r[1])):
            w.writerow(r)

    with open(folder / "pingjia_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["openid", "tijiao_shijian", "changjing", "xingji", "neirong", "kecheng", "jiaolian", "mendian"])
        for oid, ts, scene, stars, comment, kc, coach, store in sorted(rating_rows, key=lambda r: (r[1], r[0])):
            w.writerow([oid, f"{ts:%Y-%m-%d %H:%M}", scene, stars, comment, kc, coach, store])

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "kesu_gongdan.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["工单编号", "手机号MD5", "受理渠道", "问题分类", "是否投诉", "创建时间", "首次响应时间", "办结时间", "满意度", "门店"])
        for tid, ph, ch, cat, comp, op, first, res, sat, store in sorted(ticket_rows, key=lambda r: r[0]):
            w.writerow([tid, ph, ch, cat, comp, fmt(op), fmt(first), fmt(res), sat, store])

    with open(folder / "toufang_huafei.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["riqi", "qudao", "huodong", "huafei"])
        base = {MT: ("团购套餐", 900), DY: ("日常投放", 1100), XHS: ("日常种草", 700), DT: ("社区地推", 350)}
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            season = 1.4 if d.month == 1 else (0.5 if inw(dt, CHUNJIE) else 1.0)
            for ch, (camp, amt) in base.items():
                if ch == MT and dt >= MT_DROP:
                    camp, amt = "9.9体验券", 1250
                w.writerow([d.isoformat(), LEAD_CODE.get(ch, ch), camp, f"{amt * season * R.uniform(0.85, 1.15):.2f}"])
            if d.weekday() < 5:
                w.writerow([d.isoformat(), "DT", "写字楼地推", f"{300 * R.uniform(0.8, 1.2):.2f}"])
            if inw(dt, XINNIAN):
                w.writerow([d.isoformat(), "DY", "新年燃脂季", f"{R.uniform(1800, 2600):.2f}"])
            if inw(dt, D11):
                w.writerow([d.isoformat(), "DY", "双11年卡特惠", f"{R.uniform(1500, 2200) * (2.5 if d.day == 11 else 1):.2f}"])
            if inw(dt, MAJIA):
                w.writerow([d.isoformat(), "XHS", "马甲线挑战", f"{R.uniform(2400, 3400):.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="gym-src-") as tmp:
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
