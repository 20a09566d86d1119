"""Aesthetic evaluation domain: 悦颜医美 (Yueyan), a medical-aesthetics clinic chain.

    python generate.py OUT.duckdb

Writes Yueyan's own exports (seeded: the same files every run) to a temporary folder —

  crm_customers.csv      CRM customer master (Chinese headers): 客户编号, 手机号MD5, 建档时间, 城市,
                         性别, 年龄段, 来源渠道, 会员等级 (incl. members from before the period)
  crm_leads.csv          CRM lead log (留资): 线索编号, 手机号MD5, 留资时间, 来源渠道,
                         意向项目, 意向门店
  crm_calls.csv          客服 call log: 通话时间, 手机号MD5, 坐席, 通话结果
  his_visits.csv         HIS clinic system (pinyin columns): yuyue / daoyuan / fangan / zhiliao /
                         fucha,
                         times 'YYYY年M月D日 HH:mm', member no (huiyuan_hao) once the client arrived
  payments.csv           cashier / payments export: 消费 / 核销 / 退款 (negative), amounts in 元
  member_cards.csv       储值卡 / 年卡 sales (card value, prepaid: not treatment revenue)
  soyoung_orders.csv     新氧 orders (own headers, ISO times with +08:00)
  meituan_orders.csv     美团/大众点评 团购 orders (phone hash only after redemption)
  douyin_orders.jsonl    抖音来客 团购 vouchers (UTC times with Z)
  tickets.jsonl          ticket system (投诉 / 咨询)
  huifang_pingjia.csv    post-treatment rating 1–5 (回访评价)
  spend.csv              daily marketing spend per channel, GB18030

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

SEED = 20261128
START = datetime(2025, 11, 28)
END = datetime(2026, 11, 28)  # as_of (Saturday); data ends the day before
N_DAYS = (END - START).days

CHUNJIE = datetime(2026, 2, 17)
PRE_CNY = (datetime(2026, 1, 12), datetime(2026, 2, 15))  # pre-春节 peak
CNY_CLOSED = (datetime(2026, 2, 15), datetime(2026, 2, 21))  # 除夕 eve … 初四: clinics closed
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))
P618 = (datetime(2026, 6, 1), datetime(2026, 6, 19))
P1111 = (datetime(2026, 10, 20), datetime(2026, 11, 12))
GUSU_OPEN = datetime(2026, 5, 16)  # 苏州姑苏店 opens (Saturday)
DOUYIN_99 = (datetime(2026, 9, 1), datetime(2026, 10, 1))  # 抖音 99元小气泡 voucher campaign
THERMAGE_CUT = datetime(2026, 10, 1)  # 热玛吉 16800 -> 12800
DOCTOR_LEFT = datetime(2026, 8, 1)  # 南京新街口店 surgeon 周医生 left (last day 31 July)

R = random.Random(SEED)

CLINICS = {
    "上海静安店": "上海",
    "上海徐汇店": "上海",
    "上海浦东店": "上海",
    "上海长宁店": "上海",
    "杭州西湖店": "杭州",
    "杭州滨江店": "杭州",
    "南京新街口店": "南京",
    "南京河西店": "南京",
    "苏州园区店": "苏州",
    "苏州姑苏店": "苏州",
}
CITY_W = {"上海": 0.42, "杭州": 0.22, "南京": 0.2, "苏州": 0.16}
DOCTORS = {
    "上海静安店": ["李敏医生", "陈静医生"],
    "上海徐汇店": ["王磊医生", "赵雪医生"],
    "上海浦东店": ["孙婷医生", "刘洋医生"],
    "上海长宁店": ["何佳医生"],
    "杭州西湖店": ["吴倩医生", "郑凯医生"],
    "杭州滨江店": ["冯瑶医生"],
    "南京新街口店": ["周正医生", "许琳医生"],  # 周正: the surgeon who left
    "南京河西店": ["马丽医生"],
    "苏州园区店": ["朱颖医生"],
    "苏州姑苏店": ["沈悦医生"],
}
CONSULTANTS = ["Amy", "Coco", "Linda", "Vivian", "Sunny", "Grace", "Iris", "Joy"]

# project -> (category, price 元, weight)
PROJECTS = {
    "热玛吉": ("光电", 16800, 0.09),
    "超皮秒": ("光电", 3980, 0.13),
    "光子嫩肤": ("光电", 1280, 0.1),
    "小气泡": ("皮肤管理", 299, 0.07),
    "玻尿酸": ("注射", 5800, 0.14),
    "肉毒素": ("注射", 2680, 0.13),
    "水光针": ("注射", 1680, 0.12),
    "皮肤管理": ("皮肤管理", 680, 0.09),
    "双眼皮": ("手术", 12800, 0.08),
    "隆鼻": ("手术", 26800, 0.03),
    "吸脂": ("手术", 19800, 0.02),
}
PLAN_TO_PAID = {"光电": 0.42, "注射": 0.55, "皮肤管理": 0.5, "手术": 0.38}

# lead source as the CRM spells it -> weight
SOURCES = ["新氧", "美团", "大众点评", "小红书", "抖音", "百度", "公众号", "老带新"]
SOURCE_W = [0.17, 0.13, 0.07, 0.2, 0.17, 0.08, 0.07, 0.11]
BOOK_P = {
    "新氧": 0.55,
    "美团": 0.6,
    "大众点评": 0.6,
    "小红书": 0.42,
    "抖音": 0.38,
    "百度": 0.36,
    "公众号": 0.5,
    "老带新": 0.72,
}

HOURS = [0.2, 0.1, 0, 0, 0, 0, 0.1, 0.4, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3.4, 4, 4.2, 3, 1]
CLINIC_HOURS = [0] * 10 + [3, 4, 3, 3, 4, 4, 4, 3, 3, 2, 1] + [0] * 3


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


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def closed(ts):
    return inw(ts, CNY_CLOSED)


def clinic_time(ts, days_lo, days_hi):
    """A time during opening hours days_lo..days_hi days after ts (skipping the 春节 closure)."""
    d = ts + timedelta(days=R.uniform(days_lo, days_hi))
    if closed(d):
        d = CNY_CLOSED[1] + timedelta(days=R.uniform(0, 4))
    t = at(d.date(), CLINIC_HOURS)
    return max(t, ts + timedelta(minutes=30))


customers, leads, calls, his, pays, cards, soyoung, meituan, douyin, tickets, ratings = (
    [] for _ in range(11)
)
seq = {"cust": 100000, "lead": 0, "member": 50000, "his": 0, "pay": 0, "order": 0, "ticket": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city=None):
        self.phone = md5(f"phone{len(people)}")
        self.cust = None
        self.member = None
        self.city = city or pick(list(CITY_W), list(CITY_W.values()))
        self.gender = pick(["女", "男"], [0.88, 0.12])
        self.age = pick(
            ["18-24岁", "25-30岁", "31-35岁", "36-40岁", "41-50岁", "50岁以上"],
            [0.17, 0.3, 0.22, 0.14, 0.12, 0.05],
        )
        self.tier = "普通会员"
        self.clinic = None
        self.paid_any = False


people = []


def choose_clinic(city, ts):
    opts = [
        c for c, cc in CLINICS.items() if cc == city and not (c == "苏州姑苏店" and ts < GUSU_OPEN)
    ]
    if city == "苏州" and ts >= GUSU_OPEN:
        return pick(opts, [0.45, 0.55])
    if city == "上海":
        return pick(opts, [0.3, 0.28, 0.27, 0.15])
    return R.choice(opts)


def crm_customer(p, ts, source):
    if p.cust is None:
        p.cust = f"KH{nxt('cust')}"
        customers.append((p.cust, p.phone, ts, p.city, p.gender, p.age, source, p))


def member_no(p):
    if p.member is None:
        p.member = f"YY{nxt('member')}"
    return p.member


def his_row(p, ts, kind, clinic, project="", doctor="", consultant=""):
    if not within(ts):
        return False
    mem = p.member if kind != "YUYUE" else (p.member or "")
    his.append(
        (f"JZ{nxt('his'):07d}", mem or "", p.phone, clinic, ts, kind, project, doctor, consultant)
    )
    return True


def doctor_of(clinic, cat, ts):
    docs = DOCTORS[clinic]
    if clinic == "南京新街口店":
        if cat == "手术" and ts < DOCTOR_LEFT:
            return "周正医生"
        return "许琳医生"
    return R.choice(docs)


def price(project, ts):
    cat, base, _ = PROJECTS[project]
    if project == "热玛吉" and ts >= THERMAGE_CUT:
        base = 12800
    if inw(ts, P618) or inw(ts, P1111):
        base = base * (0.85 if cat != "手术" else 0.92)
    return round(base * R.uniform(0.92, 1.08), -1) - (0.0 if chance(0.7) else 0.5)


def pay(p, ts, kind, amount, project, clinic, method, order_type):
    if not within(ts):
        return None
    no = f"SK{ts:%Y%m%d}{nxt('pay'):06d}"
    pays.append(
        (
            no,
            member_no(p),
            ts,
            kind,
            f"{amount:.2f}",
            project,
            PROJECTS[project][0],
            clinic,
            method,
            order_type,
        )
    )
    return no


def treatment_cycle(p, ts, project, clinic, order_type, voucher=None):
    """Arrival already happened at ts: plan, payment, treatment, follow-up, rating, complaints."""
    cat = PROJECTS[project][0]
    consultant = R.choice(CONSULTANTS)
    plan_ts = ts + timedelta(minutes=R.uniform(20, 60))
    his_row(p, plan_ts, "FANGAN", clinic, project, doctor_of(clinic, cat, ts), consultant)
    p_paid = PLAN_TO_PAID[cat]
    if project == "热玛吉":
        p_paid = 0.47 if ts >= THERMAGE_CUT else 0.22
    if voucher == "douyin99":
        p_paid = 0.07
    elif voucher:
        p_paid *= 0.6
    if order_type == "复购":
        p_paid = min(0.9, p_paid + 0.3)
    if clinic == "南京新街口店" and cat == "手术" and ts >= DOCTOR_LEFT:
        p_paid *= 0.15  # the surgeon left: clients go elsewhere
    if inw(ts, P618) or inw(ts, P1111) or inw(ts, PRE_CNY):
        p_paid = min(0.9, p_paid * 1.2)
    if not chance(p_paid):
        if chance(0.05):
            ticket(p, plan_ts + timedelta(hours=R.uniform(2, 72)), "过度推销", clinic)
        return False
    pay_ts = plan_ts + timedelta(minutes=R.uniform(10, 50))
    amount = price(project, pay_ts)
    method = pick(
        ["微信支付", "支付宝", "银联刷卡", "储值卡"],
        [0.45, 0.3, 0.15, 0.1 if order_type == "首单" else 0.3],
    )
    oid = pay(p, pay_ts, "消费", amount, project, clinic, method, order_type)
    if oid is None:
        return False
    p.paid_any = True
    # 储值卡 / 年卡
    promo = inw(pay_ts, P618) or inw(pay_ts, P1111)
    if chance(0.28 if promo else 0.1):
        value = R.choice([10000, 20000, 30000, 50000])
        cards.append(
            (
                f"CZ{nxt('order'):07d}",
                member_no(p),
                pay_ts + timedelta(minutes=5),
                "储值卡",
                value,
                clinic,
                "618" if inw(pay_ts, P618) else ("双十一" if inw(pay_ts, P1111) else ""),
            )
        )
        p.tier = "金卡会员" if value >= 30000 else "银卡会员"
    if cat == "皮肤管理" and chance(0.2):
        cards.append(
            (
                f"NK{nxt('order'):07d}",
                member_no(p),
                pay_ts + timedelta(minutes=6),
                "年卡",
                6800,
                clinic,
                "",
            )
        )
    # treatment
    doctor = doctor_of(clinic, cat, pay_ts)
    tr_ts = (
        pay_ts + timedelta(minutes=R.uniform(15, 60))
        if cat != "手术"
        else clinic_time(pay_ts, 3, 20)
    )
    if not his_row(p, tr_ts, "ZHILIAO", clinic, project, doctor, consultant):
        return True
    complication = cat == "手术" and chance(0.05)
    unhappy = chance(0.06) or complication
    if cat == "手术" or chance(0.4):
        fu = clinic_time(tr_ts, 6, 9) if cat == "手术" else clinic_time(tr_ts, 14, 30)
        his_row(p, fu, "FUCHA", clinic, project, doctor, consultant)
    if chance(0.42):
        score = max(1, min(5, round(R.gauss(4.5 if not unhappy else 2.2, 0.7))))
        if voucher == "douyin99":
            score = max(1, score - (1 if chance(0.3) else 0))
        rt = tr_ts + timedelta(days=R.uniform(1, 4))
        if within(rt):
            ratings.append((member_no(p), rt, score, project, clinic))
    if complication:
        ticket(p, tr_ts + timedelta(days=R.uniform(1, 6)), "术后并发症", clinic)
    elif unhappy:
        ticket(p, tr_ts + timedelta(days=R.uniform(3, 20)), "效果不满意", clinic)
    if unhappy and chance(0.35):
        rq = tr_ts + timedelta(days=R.uniform(5, 25))
        ticket(p, rq, "退款", clinic)
        rf = rq + timedelta(days=R.uniform(2, 10))
        pay(
            p,
            rf,
            "退款",
            -round(amount * R.choice([0.3, 0.5, 1.0]), 2),
            project,
            clinic,
            method,
            order_type,
        )
    # repeat treatments
    rep_p = {"注射": 0.45, "皮肤管理": 0.55, "光电": 0.25, "手术": 0.05}[cat]
    if order_type == "首单" and chance(rep_p):
        t = tr_ts
        for _ in range(R.choice([1, 1, 2, 3])):
            gap = {"注射": (90, 180), "皮肤管理": (25, 45), "光电": (60, 150), "手术": (90, 200)}[
                cat
            ]
            t = clinic_time(t, *gap)
            nxt_project = (
                project if chance(0.6) else pick(list(PROJECTS), [v[2] for v in PROJECTS.values()])
            )
            if PROJECTS[nxt_project][0] == "手术" or nxt_project == "小气泡":
                nxt_project = "水光针"
            his_row(p, t - timedelta(days=R.uniform(1, 7)), "YUYUE", clinic)
            if not his_row(p, t, "DAOYUAN", clinic):
                break
            treatment_cycle(p, t, nxt_project, clinic, "复购")
    return True


def ticket(p, ts, kind, clinic):
    if not within(ts):
        return
    src = pick(
        ["400电话", "企业微信", "新氧评价", "美团评价", "门店前台"], [0.35, 0.35, 0.1, 0.1, 0.1]
    )
    fr = R.uniform(0.1, 3) if src in ("400电话", "企业微信", "门店前台") else R.uniform(4, 30)
    if inw(ts, DOUYIN_99):
        fr *= 1.8
    res = (
        fr
        + {
            "过度推销": R.uniform(4, 48),
            "效果不满意": R.uniform(24, 200),
            "术后并发症": R.uniform(24, 120),
            "退款": R.uniform(48, 240),
            "预约改期": R.uniform(0.2, 4),
            "价格咨询": R.uniform(0.2, 6),
        }[kind]
    )
    solved = ts + timedelta(hours=res)
    csat = (
        round(
            max(
                1,
                min(
                    5,
                    R.gauss(
                        3.0 if kind in ("效果不满意", "过度推销", "术后并发症", "退款") else 4.4,
                        0.9,
                    ),
                ),
            )
        )
        if chance(0.5)
        else None
    )
    tickets.append(
        (
            f"TS{nxt('ticket'):06d}",
            p.member or "",
            p.phone,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END else None,
            kind,
            src,
            clinic,
            csat,
        )
    )


def intent_project(source, ts):
    w = {k: v[2] for k, v in PROJECTS.items()}
    if inw(ts, PRE_CNY):
        for k in ("玻尿酸", "肉毒素", "水光针", "热玛吉"):
            w[k] *= 1.6
    if inw(ts, SUMMER):
        for k in ("双眼皮", "超皮秒", "吸脂"):
            w[k] *= 2.2
    if source in ("美团", "大众点评"):
        w["皮肤管理"] *= 2.5
        w["光子嫩肤"] *= 2
    if source == "新氧":
        for k in ("双眼皮", "隆鼻", "热玛吉", "玻尿酸"):
            w[k] *= 1.8
    if ts >= THERMAGE_CUT:
        w["热玛吉"] *= 1.4
    return pick(list(w), list(w.values()))


def new_lead(d):
    p = Person()
    people.append(p)
    ts = at(d)
    source = pick(SOURCES, SOURCE_W)
    voucher = None
    project = intent_project(source, ts)
    clinic = choose_clinic(p.city, ts)
    if p.city == "南京" and PROJECTS[project][0] == "手术":
        # 新街口 is the Nanjing surgery centre until its surgeon leaves
        clinic = "南京新街口店" if ts < DOCTOR_LEFT - timedelta(days=10) else "南京河西店"
    p.clinic = clinic
    # platform orders (deposit / voucher) before or instead of a CRM lead
    if source == "新氧" and chance(0.6):
        uid = f"sy{md5('sy' + p.phone)[:10]}"
        deposit = {"光电": 500, "注射": 300, "皮肤管理": 99, "手术": 1000}[PROJECTS[project][0]]
        soyoung.append(
            (
                f"SY{nxt('order'):08d}",
                uid,
                p.phone if chance(0.85) else "",
                project,
                ts,
                deposit,
                clinic,
            )
        )
        voucher = "soyoung"
    if source in ("美团", "大众点评") and chance(0.7):
        voucher = "meituan"
        p.mt = f"MT{md5('mt' + p.phone)[:12]}"
        meituan.append(
            [
                f"{nxt('order') + 880000000}",
                p.mt,
                f"【{clinic[:2]}】{project}体验套餐",
                ts,
                round(PROJECTS[project][1] * 0.3, -1) - 0.1,
                clinic,
                "未使用",
                None,
                source,
                p.phone,
            ]
        )
    if source == "抖音":
        p.dy = f"dy_{md5('dy' + p.phone)[:16]}"
        in_99 = inw(ts, DOUYIN_99)
        if in_99 or chance(0.45):
            voucher = "douyin99" if in_99 else "douyin"
            if in_99:
                project = "小气泡"
            title = "99元小气泡清洁体验" if in_99 else f"{project}团购套餐"
            amt = 99.0 if in_99 else round(PROJECTS[project][1] * 0.35, -1)
            douyin.append(
                [
                    f"{nxt('order') + 7000000000000}",
                    p.dy,
                    title,
                    ts,
                    amt,
                    clinic,
                    "团购",
                    "待核销",
                    None,
                    p.phone,
                ]
            )
    has_lead = voucher is None or chance(0.55)
    lead_ts = ts if voucher is None else ts + timedelta(minutes=R.uniform(5, 600))
    crm_src = source
    if source == "抖音" and voucher is None:
        crm_src = pick(["抖音直播", "抖音"], [0.6, 0.4])
    if has_lead and within(lead_ts):
        crm_customer(p, lead_ts, crm_src)
        leads.append((f"XS{nxt('lead'):07d}", p.phone, lead_ts, crm_src, project, clinic))
        # 客服 call
        if chance(0.88):
            ct = lead_ts + timedelta(
                hours=R.expovariate(1 / (3 if not inw(lead_ts, DOUYIN_99) else 9))
            )
            if within(ct):
                res = pick(["接通-有意向", "接通-无意向", "未接通"], [0.55, 0.2, 0.25])
                calls.append(
                    (ct, p.phone, R.choice(["客服01", "客服02", "客服03", "客服05", "客服07"]), res)
                )
                if res == "接通-无意向":
                    return
    book_p = BOOK_P[source] * (0.8 if not has_lead and not voucher else 1)
    if voucher == "douyin99":
        book_p = 0.72
    if voucher in ("meituan", "douyin"):
        book_p = 0.62
    if closed(ts):
        book_p *= 0.5
    if not chance(book_p):
        return
    book_ts = ts + timedelta(hours=R.uniform(1, 72))
    if not his_row(p, book_ts, "YUYUE", clinic):
        return
    show = 0.78 if voucher != "douyin99" else 0.85
    if not chance(show):
        if chance(0.05):
            ticket(p, book_ts + timedelta(hours=R.uniform(1, 48)), "预约改期", clinic)
        return
    arr = clinic_time(book_ts, 0.5, 10)
    member_no(p)
    if not his_row(p, arr, "DAOYUAN", clinic):
        return
    crm_customer(p, arr, crm_src)  # walk-ins from platforms get a CRM record at arrival
    # platform voucher redemption (核销)
    if voucher == "meituan":
        meituan[-1][6] = "已使用"
        meituan[-1][7] = arr
        pay(
            p,
            arr + timedelta(minutes=5),
            "核销",
            meituan[-1][4],
            project,
            clinic,
            "美团团购",
            "首单",
        )
    if voucher in ("douyin", "douyin99"):
        douyin[-1][7] = "已核销"
        douyin[-1][8] = arr
        pay(
            p,
            arr + timedelta(minutes=5),
            "核销",
            douyin[-1][4],
            project,
            clinic,
            "抖音团购",
            "首单",
        )
    if voucher == "douyin99" and chance(0.6):
        # they come for the 小气泡; a consultant proposes something bigger
        project = pick(["超皮秒", "光子嫩肤", "水光针", "热玛吉"], [3, 3, 3, 1])
    if R.random() < 0.07 and voucher is None:
        ticket(p, arr + timedelta(hours=R.uniform(1, 30)), "价格咨询", clinic)
    treatment_cycle(p, arr, project, clinic, "首单", voucher)


def existing_member():
    p = Person()
    people.append(p)
    t0 = datetime(2023, 1, 1) + timedelta(days=R.uniform(0, 1050))
    clinic = choose_clinic(p.city, t0)
    p.clinic = clinic
    crm_customer(p, t0, pick(SOURCES, SOURCE_W))
    member_no(p)
    p.tier = pick(["普通会员", "银卡会员", "金卡会员", "黑卡会员"], [0.45, 0.3, 0.18, 0.07])
    visits = []
    while len(visits) < R.choice([1, 1, 2, 2, 3, 4]):
        d = START.date() + timedelta(days=R.randrange(N_DAYS))
        if R.random() * 2.2 < lead_weight(d):
            visits.append(at(d, CLINIC_HOURS))
    for t in sorted(visits):
        if closed(t):
            continue
        project = pick(
            ["肉毒素", "水光针", "皮肤管理", "超皮秒", "热玛吉", "玻尿酸", "光子嫩肤"],
            [3, 3, 3, 2, 1, 2, 2],
        )
        c = clinic if not (p.city == "苏州" and t >= GUSU_OPEN and chance(0.4)) else "苏州姑苏店"
        his_row(p, t - timedelta(days=R.uniform(1, 7)), "YUYUE", c)
        his_row(p, t, "DAOYUAN", c)
        treatment_cycle(p, t, project, c, "复购")


def lead_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, PRE_CNY):
        w *= 1.9
    if inw(dt, CNY_CLOSED):
        w *= 0.35
    if inw(dt, SUMMER):
        w *= 1.4
    if inw(dt, P618):
        w *= 1.35
    if inw(dt, P1111):
        w *= 1.45
    if d.weekday() >= 5:
        w *= 1.15
    return w


def simulate():
    for _ in range(1500):
        existing_member()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(19 * lead_weight(d))):
            new_lead(d)
        if inw(dt, DOUYIN_99):
            for _ in range(poisson(16)):
                douyin_campaign_lead(d)


def douyin_campaign_lead(d):
    """An extra 抖音 99元小气泡 voucher buyer during the September campaign."""
    p = Person()
    people.append(p)
    ts = at(d)
    clinic = choose_clinic(p.city, ts)
    p.clinic = clinic
    p.dy = f"dy_{md5('dy' + p.phone)[:16]}"
    douyin.append(
        [
            f"{nxt('order') + 7000000000000}",
            p.dy,
            "99元小气泡清洁体验",
            ts,
            99.0,
            clinic,
            "团购",
            "待核销",
            None,
            p.phone,
        ]
    )
    if chance(0.3):
        crm_customer(p, ts + timedelta(minutes=30), "抖音")
        leads.append(
            (f"XS{nxt('lead'):07d}", p.phone, ts + timedelta(minutes=30), "抖音", "小气泡", clinic)
        )
    if not chance(0.7):
        return
    book_ts = ts + timedelta(hours=R.uniform(1, 72))
    if not his_row(p, book_ts, "YUYUE", clinic) or not chance(0.85):
        return
    arr = clinic_time(book_ts, 0.5, 10)
    member_no(p)
    if not his_row(p, arr, "DAOYUAN", clinic):
        return
    crm_customer(p, arr, "抖音")
    douyin[-1][7] = "已核销"
    douyin[-1][8] = arr
    pay(p, arr + timedelta(minutes=5), "核销", 99.0, "小气泡", clinic, "抖音团购", "首单")
    project = pick(["超皮秒", "光子嫩肤", "水光针", "热玛吉", "小气泡"], [3, 3, 3, 1, 4])
    treatment_cycle(p, arr, project, clinic, "首单", "douyin99")


def write(folder: Path):
    def his_fmt(ts):
        return f"{ts.year}年{ts.month}月{ts.day}日 {ts:%H:%M}"

    with open(folder / "crm_customers.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            ["客户编号", "手机号MD5", "建档时间", "城市", "性别", "年龄段", "来源渠道", "会员等级"]
        )
        for c in sorted(customers, key=lambda r: r[0]):
            cid, phone, ts, city, g, age, src, p = c
            w.writerow([cid, phone, f"{ts:%Y-%m-%d %H:%M:%S}", city, g, age, src, p.tier])
    with open(folder / "crm_leads.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["线索编号", "手机号MD5", "留资时间", "来源渠道", "意向项目", "意向门店"])
        for r in sorted(leads, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4], r[5]])
    with open(folder / "crm_calls.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["通话时间", "手机号MD5", "坐席", "通话结果"])
        for r in sorted(calls, key=lambda r: (r[0], r[1])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", r[1], r[2], r[3]])
    with open(folder / "his_visits.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "jiuzhen_id",
                "huiyuan_hao",
                "shouji_md5",
                "menzhen",
                "shijian",
                "leixing",
                "xiangmu",
                "yisheng",
                "zixunshi",
            ]
        )
        for r in sorted(his, key=lambda r: (r[4], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], his_fmt(r[4]), r[5], r[6], r[7], r[8]])
    with open(folder / "payments.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "流水号",
                "会员号",
                "交易时间",
                "交易类型",
                "金额(元)",
                "项目名称",
                "项目大类",
                "门店",
                "支付方式",
                "首单/复购",
            ]
        )
        for r in sorted(pays, key=lambda r: (r[2], r[0])):
            w.writerow(
                [r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M:%S}", r[3], r[4], r[5], r[6], r[7], r[8], r[9]]
            )
    with open(folder / "member_cards.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["卡号", "会员号", "开卡时间", "卡类型", "面额", "开卡门店", "活动"])
        for r in sorted(cards, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow(
                    [r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], f"{r[4]:.2f}", r[5], r[6]]
                )
    with open(folder / "soyoung_orders.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "新氧用户ID",
                "用户手机号MD5",
                "商品名称",
                "支付时间",
                "订金金额",
                "机构名称",
            ]
        )
        for r in sorted(soyoung, key=lambda r: (r[4], r[0])):
            if within(r[4]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        r[2],
                        f"悦颜医美·{r[3]}",
                        f"{r[4]:%Y-%m-%dT%H:%M:%S}+08:00",
                        f"{r[5]:.2f}",
                        f"悦颜医美({r[6]})",
                    ]
                )
    with open(folder / "meituan_orders.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单ID",
                "美团用户ID",
                "团购名称",
                "下单时间",
                "实付金额",
                "适用门店",
                "券状态",
                "核销时间",
                "平台",
                "核销手机号MD5",
            ]
        )
        for r in sorted(meituan, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                used = f"{r[7]:%Y-%m-%d %H:%M}" if r[7] and within(r[7]) else ""
                w.writerow(
                    [
                        r[0],
                        r[1],
                        r[2],
                        f"{r[3]:%Y-%m-%d %H:%M}",
                        f"{r[4]:.2f}",
                        r[5],
                        r[6] if used or r[6] == "未使用" else "未使用",
                        used,
                        r[8],
                        r[9] if used else "",
                    ]
                )
    with open(folder / "douyin_orders.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(douyin, key=lambda r: (r[3], r[0])):
            if not within(r[3]):
                continue
            utc = r[3] - timedelta(hours=8)
            obj = {
                "order_id": r[0],
                "open_id": r[1],
                "sku_name": r[2],
                "create_time": f"{utc:%Y-%m-%dT%H:%M:%S}Z",
                "pay_amount": r[4],
                "poi_name": f"悦颜医美{r[5]}",
                "order_type": r[6],
                "certificate_status": r[7],
                "verify_phone_md5": r[9] if r[7] == "已核销" and r[8] and within(r[8]) else "",
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "tickets.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(tickets, key=lambda r: r[0]):
            obj = {
                "ticket_no": r[0],
                "member_no": r[1],
                "phone_md5": r[2],
                "created_at": f"{r[3]:%Y-%m-%dT%H:%M:%S}+08:00",
                "first_reply_at": f"{r[4]:%Y-%m-%dT%H:%M:%S}+08:00",
                "closed_at": f"{r[5]:%Y-%m-%dT%H:%M:%S}+08:00" if r[5] else None,
                "type": r[6],
                "source": r[7],
                "clinic": r[8],
                "is_complaint": "是"
                if r[6] in ("效果不满意", "过度推销", "术后并发症", "退款")
                else "否",
                "satisfaction": r[9],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "huifang_pingjia.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["huiyuan_hao", "pingjia_shijian", "pingfen", "xiangmu", "menzhen"])
        for r in sorted(ratings, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], his_fmt(r[1]), r[2], r[3], r[4]])
    with open(folder / "spend.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["日期", "渠道", "投放形式", "消耗(元)"])
        base = [
            ("新氧", "新氧CPC", 5200),
            ("小红书", "小红书聚光", 4800),
            ("抖音", "抖音千川", 3600),
            ("抖音", "抖音本地推", 1800),
            ("美团", "美团推广通", 3000),
            ("百度", "百度竞价", 2600),
        ]
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            lw = lead_weight(d)
            for ch, camp, amt in base:
                f_ = R.uniform(0.85, 1.15) * (0.6 + 0.4 * lw)
                if camp == "抖音本地推" and inw(datetime(d.year, d.month, d.day), DOUYIN_99):
                    f_ *= 5.5
                if camp == "百度竞价" and d >= date(2026, 4, 1):
                    f_ *= 0.8
                w.writerow([f"{d.year}/{d.month}/{d.day}", ch, camp, f"{amt * f_:.2f}"])


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="aesthetic-src-") as tmp:
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
