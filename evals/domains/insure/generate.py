"""Insurance evaluation domain: 安心保, an online insurance broker (health, accident, travel, car).

    python generate.py OUT.duckdb

Writes the broker's own exports (seeded: the same files on every run) into a temporary folder —

  ad_click_log.csv          ad platforms' click reports (抖音 DY / 腾讯广告 GDT), UTC, compact times
  mp_events.jsonl           微信小程序 tracking: numeric event codes, openid, click id, phone hash
  app_log/YYYY-MM.parquet   App analytics (one Parquet file per month, English event names)
  partner_api.csv           partner API log (支付宝/蚂蚁保 and 携程): quotes and health declarations
  callcenter.sqlite         电销 system: call_record (outbound calls), tel_quote (agent quotes)
  core.duckdb               policy core system: cust_info (customers), policy_txn (核保, 支付,
                            出单, 续期扣款, 续保, 退保)
  claims_export.jsonl       claims system: 报案 / 材料 / 审核 / 赔付 nodes (+08:00 times)
  客服工单.csv               ticket system (GBK)
  nps.csv                   NPS survey tool (after a policy is issued, after a claim is closed)
  费用台账.csv               finance's daily cost ledger per 渠道 × 项目

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.

Planted stories (see description.md):
  1. 支付宝 health conversion collapse from 2026-06-15 (蚂蚁保's own 智能核保: fewer finish 健康告知, more 拒保).
  2. 抖音 「0元领百万医疗」 2026-03-02 … 03-29: many clicks and quotes, almost no buyers.
  3. 四川 tickets: first response time ×2.4 from 2026-05-11.
  4. 电销 外包组 from 2026-08-01: cooling-off surrenders (销售误导) and mis-selling complaints.
  5. Customers acquired by 电销 renew best.
  6. 携程 travel peaks (春节, 五一, 暑假, 国庆); 抖音 「暑期出游」.
  7. 百万医疗 claims double in December and January (flu season).
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
# the repository: evals/domains/insure/../../.. when the folder sits in the repo, else TPA_REPO or /work/main
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261104
START = datetime(2025, 11, 4)
END = datetime(2026, 11, 4)  # as_of (Wednesday); the data ends the day before
N_DAYS = (END - START).days

ALIPAY_CHANGE = datetime(2026, 6, 15)     # 蚂蚁保 switches to its own 智能核保 flow
ZERO_YUAN = (datetime(2026, 3, 2), datetime(2026, 3, 30))   # 抖音 「0元领百万医疗」
SUMMER_TRIP = (datetime(2026, 7, 1), datetime(2026, 8, 16))  # 抖音 「暑期出游」
NEW_YEAR = (datetime(2026, 1, 5), datetime(2026, 1, 26))     # 腾讯广告 「开年保障节」
SICHUAN_SLOW = datetime(2026, 5, 11)      # 成都 service team short-staffed
OUTSOURCED = datetime(2026, 8, 1)         # 电销 外包组 starts
HOLIDAYS = [(datetime(2026, 2, 7), datetime(2026, 2, 24)),   # 春节
            (datetime(2026, 4, 25), datetime(2026, 5, 6)),   # 五一
            (datetime(2026, 7, 1), datetime(2026, 9, 1)),    # 暑假
            (datetime(2026, 9, 22), datetime(2026, 10, 9))]  # 国庆

R = random.Random(SEED)

DY, GDT, APP, MP, ALI, CTRIP, TEL = "抖音", "腾讯广告", "App", "微信小程序", "支付宝", "携程", "电销"
PRODUCTS = {  # code: (name, line)
    "YL01": ("安心百万医疗", "HLT"), "ZJ02": ("安心重疾", "HLT"), "YW03": ("综合意外险", "ACC"),
    "JW04": ("境外旅行险", "TRV"), "GN05": ("国内旅行险", "TRV"), "CX06": ("车险", "AUTO"),
}
HEALTH = {"YL01", "ZJ02"}
AGES = ["18-25", "26-35", "36-45", "46-60", "60+"]
REGIONS = {"广东": ["广州", "深圳", "佛山"], "浙江": ["杭州", "宁波"], "江苏": ["南京", "苏州"],
           "上海": ["上海"], "北京": ["北京"], "四川": ["成都", "绵阳"], "山东": ["济南", "青岛"],
           "湖北": ["武汉"], "河南": ["郑州", "洛阳"], "福建": ["福州", "厦门"]}
REGION_W = [18, 12, 12, 9, 8, 14, 8, 7, 8, 8]
CHNL_CODE = {DY: "DY", GDT: "GDT", APP: "APP", MP: "MP", ALI: "ALI", CTRIP: "CTRIP", TEL: "TEL"}


def pick(items, weights=None):
    return R.choices(items, weights)[0]


def inw(t: datetime, w) -> bool:
    return w[0] <= t < w[1]


def h(s: str, n: int = 16) -> str:
    return hashlib.md5(s.encode()).hexdigest()[:n]


HOUR_W = [1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 8, 8, 8, 9, 11, 12, 9, 4]


def at(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, pick(range(24), HOUR_W), R.randrange(60), R.randrange(60))


def mins(a: float, b: float) -> timedelta:
    return timedelta(minutes=R.uniform(a, b))


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


# ----------------------------------------------------------------------------------------------
# the exports, as rows
# ----------------------------------------------------------------------------------------------
ad_rows: list = []        # (ts, click_id, platform, plan)
mp_rows: list = []        # (ts, openid, click_id, phone, code, prod)
app_rows: list = []       # (ts, uid, phone, event, prod)
partner_rows: list = []   # (ts, partner, uid, phone, api, prod)
call_rows: list = []      # (phone, ts, team, result)
telq_rows: list = []      # (phone, ts, step, prod, team)
customers: dict = {}      # cust_no -> dict
txn_rows: list = []       # dicts
claim_rows: list = []     # dicts
ticket_rows: list = []    # tuples
nps_rows: list = []       # tuples
partner_premium: dict = {}  # (date, partner) -> premium
counter = {"cust": 0, "pol": 0, "clm": 0, "tk": 0}


def nxt(k: str) -> int:
    counter[k] += 1
    return counter[k]


class Person:
    def __init__(self, idx: int, src: str):
        self.idx = idx
        self.src = src
        self.phone = h(f"phone{idx}", 32)
        self.age = pick(AGES, [18, 34, 26, 16, 6] if src != TEL else [6, 22, 32, 28, 12])
        self.region = pick(list(REGIONS), REGION_W)
        self.city = pick(REGIONS[self.region])
        self.gender = pick(["M", "F"], [47, 53])
        self.cust_no: str | None = None
        self.openid = self.app_uid = self.alipay_uid = self.ctrip_uid = None
        self.first_seen: datetime | None = None
        self.premium_total = 0.0

    def customer(self, t: datetime) -> str:
        if self.cust_no is None:
            self.cust_no = f"C{nxt('cust') + 300000:07d}"
            self.first_seen = t
            customers[self.cust_no] = self
        return self.cust_no


ANNUAL = {
    "YL01": {"18-25": 168, "26-35": 296, "36-45": 528, "46-60": 1096, "60+": 1988},
    "ZJ02": {"18-25": 2890, "26-35": 4380, "36-45": 6650, "46-60": 9860, "60+": 12800},
}


def price(prod: str, age: str) -> float:
    if prod in ANNUAL:
        return float(ANNUAL[prod][age])
    if prod == "YW03":
        return float(pick([99, 199, 299], [50, 35, 15]))
    if prod == "JW04":
        return float(pick([68, 128, 236, 318], [30, 35, 25, 10]))
    if prod == "GN05":
        return float(pick([9.9, 19.9, 39], [45, 40, 15]))
    return float(round(R.uniform(2600, 6800), 2))  # CX06


def sales_row(p: Person, t: datetime, channel: str, prod: str, kind: str, team: str = "") -> None:
    """A quote (报价) or a health declaration (健康告知) on the channel's own system."""
    if channel in (APP,):
        app_rows.append((t, p.app_uid, p.phone, {"quote": "get_quote", "hd": "health_notice"}[kind], prod))
    elif channel in (MP, DY, GDT):
        mp_rows.append((t, p.openid, "", p.phone, {"quote": "1003", "hd": "1004"}[kind], prod))
    elif channel in (ALI, CTRIP):
        uid = p.alipay_uid if channel == ALI else p.ctrip_uid
        partner_rows.append((t, "ALIPAY" if channel == ALI else "CTRIP", uid, p.phone,
                             {"quote": "quote", "hd": "health_declare"}[kind], prod))
    else:
        telq_rows.append((p.phone, t, {"quote": "报价", "hd": "健康告知"}[kind], prod, team))


def txn(pol: str, p: Person, kind: str, t: datetime, chnl: str, prod: str, **kw) -> None:
    row = {"policy_no": pol, "cust_no": p.cust_no, "txn_type": kind, "txn_time": t,
           "sales_chnl": CHNL_CODE.get(chnl, chnl), "prod_code": prod, "risk_cls": PRODUCTS[prod][1],
           "pay_mode": "", "premium": None, "uw_result": "", "surr_reason": "", "agent_team": ""}
    row.update(kw)
    txn_rows.append(row)


def attempt(p: Person, t: datetime, channel: str, prod: str, team: str = "", campaign: str = "") -> bool:
    """报价 → (健康告知) → 核保 → 投保支付 → 出单 for one product; returns whether a policy was issued."""
    if t >= END:
        return False
    sell_chnl = MP if channel in (DY, GDT) else channel
    sales_row(p, t, sell_chnl, prod, "quote", team)
    p_uw = {DY: 0.42, GDT: 0.45, APP: 0.55, MP: 0.48, ALI: 0.62, CTRIP: 0.78, TEL: 0.66}[channel]
    p_pay = {DY: 0.74, GDT: 0.76, APP: 0.82, MP: 0.76, ALI: 0.86, CTRIP: 0.93, TEL: 0.72}[channel]
    decline = {"YL01": 0.07, "ZJ02": 0.14}.get(prod, 0.01)
    if p.age == "60+" and prod in HEALTH:
        decline += 0.15
    if campaign == "0元领百万医疗":
        p_uw, p_pay = 0.25, 0.04
    t2 = t
    if prod in HEALTH:
        p_hd = 0.78
        if channel == ALI and t >= ALIPAY_CHANGE:
            p_hd, decline = 0.45, decline + 0.42  # the partner's new 智能核保 questionnaire
        if R.random() > p_hd:
            if R.random() < 0.08:
                ticket(p, t + timedelta(hours=R.uniform(1, 48)), "产品咨询")
            return False
        t2 = t + mins(2, 12)
        sales_row(p, t2, sell_chnl, prod, "hd", team)
        p_uw = min(0.95, p_uw / p_hd * 0.95)
    if R.random() > p_uw or t2 >= END:
        if R.random() < 0.07:
            ticket(p, t2 + timedelta(hours=R.uniform(1, 48)), "产品咨询")
        return False
    t3 = t2 + mins(1, 8)
    p.customer(t3)
    pol = f"AX{t3:%y%m%d}{nxt('pol'):06d}"
    r = R.random()
    if r < decline:
        result = "拒保"
    elif prod in HEALTH and r < decline + 0.12:
        result = "除外承保"
    elif prod == "ZJ02" and r < decline + 0.16:
        result = "加费承保"
    else:
        result = "标准体"
    txn(pol, p, "UW", t3, sell_chnl, prod, uw_result=result, agent_team=team)
    if result == "拒保" or R.random() > (p_pay * (0.8 if result == "除外承保" else 1.0)):
        return False
    t4 = t3 + (mins(1, 20) if R.random() < 0.8 else timedelta(hours=R.uniform(2, 40)))
    if t4 >= END:
        return False
    annual = price(prod, p.age)
    monthly = prod == "YL01" and channel in (APP, MP, DY, GDT, ALI) and R.random() < 0.6
    first = round(annual / 12, 2) if monthly else annual
    mode = "M" if monthly else "Y"
    txn(pol, p, "PAY", t4, sell_chnl, prod, pay_mode=mode, premium=first, agent_team=team)
    p.premium_total += first
    if channel in (ALI, CTRIP):
        key = (t4.date(), channel)
        partner_premium[key] = partner_premium.get(key, 0.0) + first
    t5 = t4 + mins(0.5, 25)
    if t5 >= END:
        return True
    txn(pol, p, "ISSUE", t5, sell_chnl, prod, pay_mode=mode, agent_team=team)
    if R.random() < 0.3:
        nps(p, t5 + timedelta(hours=R.uniform(2, 72)), "投保", prod,
            R.choices(range(11), [1, 1, 1, 2, 2, 4, 5, 9, 14, 14, 12])[0])
    after_issue(p, pol, t5, sell_chnl, prod, annual, mode, team)
    return True


def after_issue(p: Person, pol: str, t: datetime, chnl: str, prod: str, annual: float, mode: str,
                team: str) -> None:
    """Cooling-off surrender, monthly deductions, claims and service tickets of one policy."""
    travel = PRODUCTS[prod][1] == "TRV"
    cover_end = t + (timedelta(days=R.uniform(3, 20)) if travel else timedelta(days=365))
    # surrender
    surr_at, reason = None, ""
    if not travel:
        p_cool = 0.04
        if chnl == TEL:
            p_cool = 0.3 if team == "外包组" else 0.06
        if R.random() < p_cool:
            surr_at = t + timedelta(days=R.uniform(1, 14.5))
            if team == "外包组":
                reason = pick(["销售误导", "条款不理解", "保费太贵", "不需要了"], [55, 25, 10, 10])
            else:
                reason = pick(["不需要了", "保费太贵", "重复投保", "条款不理解", "销售误导"], [35, 25, 20, 12, 8])
        elif R.random() < 0.05:
            surr_at = t + timedelta(days=R.uniform(20, 300))
            reason = pick(["不需要了", "保费太贵", "重复投保", "换了别家"], [30, 35, 15, 20])
    if surr_at is not None and surr_at >= END:
        surr_at = None
    stop = min(x for x in (surr_at, cover_end, END) if x is not None)
    # monthly deductions
    paid = annual / 12 if mode == "M" else annual
    if mode == "M":
        k = 1
        while True:
            td = t + timedelta(days=30.4 * k)
            if td >= stop:
                break
            if R.random() < 0.06:  # failed deduction: a ticket, the instalment is taken two days later
                ticket(p, td + timedelta(hours=R.uniform(1, 30)), "扣款问题")
                td += timedelta(days=2)
                if td >= stop:
                    break
            txn(pol, p, "DEDUCT", datetime(td.year, td.month, td.day, 6, R.randrange(60), R.randrange(60)),
                chnl, prod, pay_mode="M", premium=round(annual / 12, 2))
            paid += annual / 12
            k += 1
    if surr_at is not None:
        cool = surr_at - t <= timedelta(days=15)
        refund = -round(paid if cool else (0.0 if mode == "M" else annual * (1 - (surr_at - t).days / 365) * 0.7), 2)
        if R.random() < 0.5 or (reason == "销售误导" and R.random() < 0.9):
            ticket(p, surr_at - timedelta(hours=R.uniform(2, 48)),
                   "销售误导投诉" if reason == "销售误导" and R.random() < 0.8 else "退保咨询")
        txn(pol, p, "SURR", surr_at, chnl, prod, pay_mode=mode, premium=refund,
            surr_reason=("犹豫期-" if cool else "") + reason, agent_team=team)
    # claims
    base = {"YL01": 0.2, "ZJ02": 0.02, "YW03": 0.08, "JW04": 0.08, "GN05": 0.04, "CX06": 0.28}[prod]
    if travel:
        if R.random() < base:
            claim(p, pol, prod, t + timedelta(days=R.uniform(1, (cover_end - t).days + 1)))
    else:
        d = t
        while d < stop:
            f = 2.4 if prod == "YL01" and (d.month == 12 or d.month == 1) else 1.0
            if R.random() < base / 12 * f:
                claim(p, pol, prod, d + timedelta(days=R.uniform(0, 30)))
            d += timedelta(days=30.4)
    if team == "外包组" and surr_at is None and R.random() < 0.12:
        ticket(p, t + timedelta(days=R.uniform(1, 30)), "销售误导投诉")
    if R.random() < 0.15:
        ticket(p, t + timedelta(days=R.uniform(1, 200)), "保单变更")
    if p.app_uid:  # looks at the policy in the App's 我的保单 now and then
        tv = t + timedelta(days=R.expovariate(1 / 20))
        while tv < END:
            app_rows.append((at(tv.date()), p.app_uid, p.phone, "my_policy", prod))
            tv += timedelta(days=R.expovariate(1 / 45))


CLAIM_AMT = {"YL01": (8.6, 1.0), "ZJ02": (12.0, 0.3), "YW03": (7.3, 0.8), "JW04": (7.0, 1.0),
             "GN05": (6.2, 0.7), "CX06": (8.6, 0.7)}


def claim(p: Person, pol: str, prod: str, t: datetime) -> None:
    if t >= END:
        return
    no = f"LP{t:%Y%m}{nxt('clm'):05d}"
    rchn = pick(["APP", "MP", "TEL"], [50, 35, 15])
    node = lambda kind, ts, **kw: claim_rows.append(
        {"claim_no": no, "cust_no": p.cust_no, "policy_no": pol, "prod_code": prod, "node": kind,
         "node_time": ts, "report_chnl": rchn if kind in ("RPT", "DOC") else "CLM", "decision": kw.get("decision", ""), "pay_amt": kw.get("pay_amt")})
    node("RPT", t)
    if R.random() < 0.12:
        return
    t2 = t + timedelta(days=R.lognormvariate(math.log(2.0), 0.7))
    if t2 >= END:
        return
    node("DOC", t2)
    t3 = t2 + timedelta(days=R.lognormvariate(math.log(3.5 if prod != "CX06" else 6), 0.6))
    if R.random() < 0.45:
        ticket(p, t2 + (t3 - t2) * R.uniform(0.4, 0.9), "理赔进度")
    if t3 >= END:
        return
    decision = pick(["赔付", "部分赔付", "拒赔"], [72, 16, 12])
    node("AUD", t3, decision=decision)
    closed = t3
    if decision != "拒赔":
        mu, sd = CLAIM_AMT[prod]
        amt = round(R.lognormvariate(mu, sd) * (0.6 if decision == "部分赔付" else 1.0), 2)
        t4 = t3 + timedelta(hours=R.uniform(4, 60))
        if t4 >= END:
            return
        node("PAY", t4, pay_amt=amt)
        closed = t4
    elif R.random() < 0.5:
        ticket(p, t3 + timedelta(hours=R.uniform(2, 72)), "理赔进度", complaint=True)
    if R.random() < 0.5:
        w = [6, 3, 3, 3, 3, 4, 4, 5, 4, 2, 1] if decision == "拒赔" else [1, 1, 1, 1, 2, 3, 4, 8, 14, 18, 20]
        nps(p, closed + timedelta(hours=R.uniform(2, 96)), "理赔", prod, R.choices(range(11), w)[0])


COMMENTS = {
    "投保": {"hi": ["投保很方便", "页面清楚", "价格实惠", "顾问很专业"], "mid": ["还行", "健康告知有点多"],
             "lo": ["电话太多", "推销太强", "健康告知看不懂", "保费偏贵"]},
    "理赔": {"hi": ["理赔很快", "赔付及时", "材料简单", "客服耐心"], "mid": ["进度有点慢", "材料要求多"],
             "lo": ["拒赔不合理", "理赔太慢", "一直补材料", "客服推诿"]},
}


def nps(p: Person, t: datetime, scene: str, prod: str, score: int) -> None:
    if t >= END or p.cust_no is None:
        return
    band = "hi" if score >= 9 else "mid" if score >= 7 else "lo"
    comment = pick(COMMENTS[scene][band]) if R.random() < 0.45 else ""
    nps_rows.append((p.cust_no, t, scene, score, comment, prod))


def ticket(p: Person, t: datetime, category: str, complaint: bool | None = None) -> None:
    if t >= END or t < START:
        return
    ch = pick(["客服热线", "在线客服", "邮件"], [50, 42, 8])
    frt_med = {"客服热线": 3.0, "在线客服": 11.0, "邮件": 240.0}[ch]
    if p.region == "四川" and t >= SICHUAN_SLOW:
        frt_med *= 2.4
    first = t + timedelta(minutes=R.lognormvariate(math.log(frt_med), 0.45))
    res_med = {"理赔进度": 30, "销售误导投诉": 80, "退保咨询": 10, "扣款问题": 6, "保单变更": 8, "产品咨询": 1.5}[category]
    resolved = first + timedelta(hours=R.lognormvariate(math.log(res_med), 0.8))
    if resolved >= END or R.random() < 0.015:
        resolved = None
    if complaint is None:
        complaint = category == "销售误导投诉" or R.random() < {"理赔进度": 0.2, "扣款问题": 0.15}.get(category, 0.04)
    csat = ""
    if R.random() < 0.42 and resolved is not None:
        w = [5, 4, 4, 4, 3] if complaint else [1, 1, 3, 9, 12]
        if p.region == "四川" and t >= SICHUAN_SLOW:
            w = [w[0] + 2, w[1] + 2, w[2], w[3], w[4] - 1]
        csat = str(R.choices([1, 2, 3, 4, 5], w)[0])
    ticket_rows.append((f"TK{t:%y%m%d}{nxt('tk'):05d}", p.phone, ch, category, "Y" if complaint else "N",
                        t, first, resolved, csat))


# ----------------------------------------------------------------------------------------------
# who comes, and how
# ----------------------------------------------------------------------------------------------
persons: list[Person] = []


def in_holiday(d: datetime) -> bool:
    return any(inw(d, w) for w in HOLIDAYS)


def ad_person(idx: int, platform: str, plan: str, d: date) -> None:
    p = Person(idx, platform)
    t = at(d)
    cid = f"{'dy' if platform == DY else 'gdt'}{h(f'clk{idx}', 14)}"
    ad_rows.append((t, cid, platform, plan))
    persons.append(p)
    if R.random() > (0.86 if plan != "0元领百万医疗" else 0.93):
        return
    p.openid = f"oAX{h(f'oid{idx}', 20)}"
    t += timedelta(seconds=R.uniform(3, 40))
    mp_rows.append((t, p.openid, cid, "", "1001", ""))
    if plan == "0元领百万医疗":
        prods, pw = ["YL01"], [1]
    elif plan == "暑期出游":
        prods, pw = ["JW04", "GN05", "YW03"], [50, 20, 30]
    elif platform == DY:
        prods, pw = ["YL01", "YW03"], [72, 28]
    else:
        prods, pw = ["ZJ02", "YL01", "YW03"], [50, 40, 10]
    prod = pick(prods, pw)
    if R.random() > 0.74:
        return
    t += mins(0.3, 3)
    mp_rows.append((t, p.openid, "", "", "1002", prod))
    p_quote = {"0元领百万医疗": 0.62}.get(plan, 0.36)
    if R.random() > p_quote:
        if R.random() < 0.25:  # comes back another day and looks again
            t2 = t + timedelta(days=R.uniform(1, 10))
            if t2 < END:
                mp_rows.append((t2, p.openid, "", "", "1002", prod))
        return
    t += mins(1, 6)
    attempt(p, t, platform, prod, campaign=plan)


def organic_person(idx: int, channel: str, d: date) -> None:
    p = Person(idx, channel)
    persons.append(p)
    if channel == APP:
        p.app_uid = f"dev-{h(f'dev{idx}', 12)}"
        prod = pick(list(PRODUCTS), [35, 15, 20, 10, 5, 15])
    else:
        p.openid = f"oAX{h(f'oid{idx}', 20)}"
        prod = pick(list(PRODUCTS), [40, 10, 25, 10, 15, 0])
    t = at(d)
    for k in range(pick([1, 2, 3], [55, 30, 15])):
        tv = t + timedelta(days=k * R.uniform(0.5, 6))
        if tv >= END:
            return
        if channel == APP:
            app_rows.append((tv, p.app_uid, "", "view_product", prod))
        else:
            mp_rows.append((tv, p.openid, "", "", "1002", prod))
        t_last = tv
    if R.random() > 0.45:
        return
    attempt(p, t_last + mins(1, 10), channel, prod)


def partner_person(idx: int, partner: str, d: date) -> None:
    p = Person(idx, partner)
    persons.append(p)
    if partner == ALI:
        p.alipay_uid = f"2088{int(h(f'ali{idx}', 12), 16) % 10**12:012d}"
        prod = pick(["YL01", "YW03", "ZJ02"], [60, 30, 10])
    else:
        p.ctrip_uid = f"M{int(h(f'ct{idx}', 10), 16) % 10**9:09d}"
        prod = pick(["JW04", "GN05"], [45 if not inw(at(d), HOLIDAYS[2]) else 60, 55])
    attempt(p, at(d), partner, prod)


def tel_person(idx: int, d: date) -> None:
    p = Person(idx, TEL)
    persons.append(p)
    t = at(d).replace(hour=R.randrange(9, 20))
    team = pick(["一组", "二组"], [55, 45])
    if t >= OUTSOURCED and R.random() < 0.55:
        team = "外包组"
    for k in range(pick([1, 2, 3], [40, 35, 25])):
        tc = t + timedelta(days=k * R.uniform(1, 4))
        if tc >= END:
            return
        ok = R.random() < 0.55
        call_rows.append((p.phone, tc, team, "接通" if ok else "未接通"))
        if ok:
            if R.random() < 0.6 + (0.15 if team == "外包组" else 0):
                prod = pick(["ZJ02", "CX06", "YL01"], [35, 35, 30])
                attempt(p, tc + mins(3, 15), TEL, prod, team=team)
            return


def existing_person(idx: int) -> None:
    """A customer from before the data starts: 1–2 policies whose anniversary falls in the year."""
    src = pick([DY, GDT, APP, MP, ALI, TEL], [20, 12, 18, 14, 16, 20])
    p = Person(idx, src)
    persons.append(p)
    if src == APP or R.random() < 0.4:
        p.app_uid = f"dev-{h(f'dev{idx}', 12)}"
    if src in (MP, DY, GDT):
        p.openid = f"oAX{h(f'oid{idx}', 20)}"
    if src == ALI:
        p.alipay_uid = f"2088{int(h(f'ali{idx}', 12), 16) % 10**12:012d}"
    issue0 = START - timedelta(days=R.uniform(1, 364))
    p.customer(issue0 - timedelta(days=R.uniform(0, 400)))
    team = pick(["一组", "二组"]) if src == TEL else ""
    sell = MP if src in (DY, GDT) else src
    prods = [pick(["YL01", "ZJ02", "YW03", "CX06"], [45, 15, 20, 20] if src != TEL else [25, 35, 5, 35])]
    if R.random() < 0.25:
        prods.append(pick(["YW03", "YL01", "CX06"]))
    for j, prod in enumerate(dict.fromkeys(prods)):
        t0 = issue0 + timedelta(days=j * R.uniform(5, 60)) if j else issue0
        if t0 >= START:
            t0 = START - timedelta(days=1)
        annual = price(prod, p.age)
        mode = "M" if prod == "YL01" and sell != TEL and R.random() < 0.55 else "Y"
        pol = f"AX{t0:%y%m%d}{nxt('pol'):06d}"
        # the running year's monthly deductions (before the anniversary)
        anniv = t0 + timedelta(days=365)
        if mode == "M":
            k = 1
            while t0 + timedelta(days=30.4 * k) < min(anniv, END):
                td = t0 + timedelta(days=30.4 * k)
                if td >= START:
                    txn(pol, p, "DEDUCT", datetime(td.year, td.month, td.day, 6, R.randrange(60), R.randrange(60)),
                        sell, prod, pay_mode="M", premium=round(annual / 12, 2))
                k += 1
        claim_p = {"YL01": 0.2, "ZJ02": 0.02, "YW03": 0.08, "CX06": 0.28}[prod]
        d = max(t0, START)
        while d < min(anniv, END):
            f = 2.4 if prod == "YL01" and d.month in (12, 1) else 1.0
            if R.random() < claim_p / 12 * f:
                claim(p, pol, prod, d + timedelta(days=R.uniform(0, 30)))
            d += timedelta(days=30.4)
        if anniv >= END:
            continue
        p_renew = {TEL: 0.82, ALI: 0.58, APP: 0.6, MP: 0.52, DY: 0.48, GDT: 0.5}[src]
        if prod == "CX06":
            p_renew -= 0.12
        if R.random() > p_renew:
            if R.random() < 0.1:
                ticket(p, anniv - timedelta(days=R.uniform(1, 20)), "产品咨询")
            continue
        tr = anniv + timedelta(hours=R.uniform(-72, 30))
        if tr < START:
            tr = START + timedelta(hours=R.uniform(1, 30))
        annual = price(prod, p.age) * (1.05 if prod == "YL01" else 1.0)
        first = round(annual / 12, 2) if mode == "M" else round(annual, 2)
        pol2 = f"AX{tr:%y%m%d}{nxt('pol'):06d}"
        txn(pol2, p, "RENEW", tr, sell, prod, pay_mode=mode, premium=first, agent_team=team)
        p.premium_total += first
        after_issue(p, pol2, tr, sell, prod, annual, mode, team="")
    # cross-sell: some existing customers look at another product in the App
    if p.app_uid and R.random() < 0.15:
        t = at((START + timedelta(days=R.uniform(0, N_DAYS - 1))).date())
        prod = pick(["YW03", "JW04", "ZJ02", "CX06"])
        app_rows.append((t, p.app_uid, p.phone, "view_product", prod))
        if R.random() < 0.5:
            attempt(p, t + mins(1, 8), APP, prod)


def simulate() -> None:
    idx = 0
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        wk = 1.15 if d.weekday() >= 5 else 1.0
        plans = [(DY, "日常-百万医疗", 5.4 * wk), (GDT, "日常-重疾", 2.7 * wk)]
        if inw(d, ZERO_YUAN):
            plans.append((DY, "0元领百万医疗", 36.0))
        if inw(d, SUMMER_TRIP):
            plans.append((DY, "暑期出游", 5.5))
        if inw(d, NEW_YEAR):
            plans.append((GDT, "开年保障节", 6.0))
        for platform, plan, lam in plans:
            for _ in range(poisson(lam)):
                idx += 1
                ad_person(idx, platform, plan, d.date())
        for channel, lam in ((APP, 2.8 * wk), (MP, 1.9 * wk)):
            for _ in range(poisson(lam)):
                idx += 1
                organic_person(idx, channel, d.date())
        for _ in range(poisson(2.5)):
            idx += 1
            partner_person(idx, ALI, d.date())
        for _ in range(poisson(1.1 * (3.4 if in_holiday(d) else 1.0))):
            idx += 1
            partner_person(idx, CTRIP, d.date())
        if d.weekday() < 6:
            for _ in range(poisson(3.0 if d < OUTSOURCED else 5.6)):
                idx += 1
                tel_person(idx, d.date())
    for _ in range(1400):
        idx += 1
        existing_person(idx)


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    import duckdb

    plat = {DY: "DY", GDT: "GDT"}
    with open(folder / "ad_click_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["clk_id", "platform", "ad_plan", "clk_time_utc"])
        for i, (ts, cid, pf, plan) in enumerate(sorted(ad_rows, key=lambda r: (r[0], r[1]))):
            w.writerow([cid, plat[pf], plan, f"{ts - timedelta(hours=8):%Y%m%d %H%M%S}"])
            if i == 2500:  # the platform's report repeats a row
                w.writerow([cid, plat[pf], plan, f"{ts - timedelta(hours=8):%Y%m%d %H%M%S}"])

    with open(folder / "mp_events.jsonl", "w", encoding="utf-8") as f:
        for i, (ts, oid, cid, phone, code, prod) in enumerate(sorted(mp_rows, key=lambda r: (r[0], r[1], r[4]))):
            obj = {"ts": f"{ts:%Y-%m-%d %H:%M:%S}.{R.randrange(1000):03d}", "openid": oid, "evt": int(code)}
            if cid:
                obj["click_id"] = cid
            if phone:
                obj["phone_hash"] = phone
            if prod:
                obj["prod_code"] = prod
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if i == 7000:
                f.write('{"ts": "2026-02-30 10:00:00.000", "openid": "oAXbroken", "evt": 1002}\n')

    app_dir = folder / "app_log"
    app_dir.mkdir()
    tmp_csv = folder / "_app.csv"
    with open(tmp_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for ts, uid, phone, ev, prod in sorted(app_rows, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", uid, phone or "", ev, prod, f"{ts:%Y-%m}"])
    con = duckdb.connect()
    con.execute(f"CREATE TABLE a AS SELECT * FROM read_csv('{tmp_csv}', header=false, columns={{"
                "'event_time': 'TIMESTAMP', 'user_key': 'VARCHAR', 'login_phone': 'VARCHAR', "
                "'event_name': 'VARCHAR', 'product': 'VARCHAR', 'mon': 'VARCHAR'})")
    for (mon,) in con.execute("SELECT DISTINCT mon FROM a ORDER BY 1").fetchall():
        con.execute(f"COPY (SELECT event_time, user_key, login_phone, event_name, product FROM a "
                    f"WHERE mon = '{mon}' ORDER BY event_time, user_key) TO '{app_dir / (mon + '.parquet')}' (FORMAT parquet)")
    con.close()
    tmp_csv.unlink()

    with open(folder / "partner_api.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["req_time", "partner", "partner_uid", "mobile_hash", "api", "prod_code"])
        for ts, partner, uid, phone, api, prod in sorted(partner_rows, key=lambda r: (r[0], r[2], r[4])):
            w.writerow([f"{ts:%Y/%m/%d %H:%M:%S}", partner, uid, phone, api, prod])

    sq = sqlite3.connect(folder / "callcenter.sqlite")
    sq.execute("CREATE TABLE call_record (mobile_hash TEXT, call_begin TEXT, team TEXT, result TEXT)")
    sq.executemany("INSERT INTO call_record VALUES (?,?,?,?)",
                   [(ph, f"{ts:%Y-%m-%d %H:%M:%S}", team, res) for ph, ts, team, res in sorted(call_rows, key=lambda r: (r[1], r[0]))])
    sq.execute("CREATE TABLE tel_quote (mobile_hash TEXT, created TEXT, step TEXT, prod_code TEXT, team TEXT)")
    sq.executemany("INSERT INTO tel_quote VALUES (?,?,?,?,?)",
                   [(ph, f"{ts:%Y-%m-%d %H:%M:%S}", st, prod, team) for ph, ts, st, prod, team in sorted(telq_rows, key=lambda r: (r[1], r[0]))])
    sq.commit()
    sq.close()

    def load(con, table: str, cols: dict, rows) -> None:
        path = folder / f"_{table}.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            for r in rows:
                w.writerow(["" if v is None else (f"{v:%Y-%m-%d %H:%M:%S}" if isinstance(v, datetime) else v) for v in r])
        spec = ", ".join(f"'{c}': '{t}'" for c, t in cols.items())
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', header=false, quote='\"', "
                    f"columns={{{spec}}})")
        path.unlink()

    core = duckdb.connect(str(folder / "core.duckdb"))
    rows = []
    for no, p in sorted(customers.items()):
        vip = "V3" if p.premium_total >= 5000 else "V2" if p.premium_total >= 1000 else "V1"
        rows.append((no, p.phone, p.age, p.gender, p.region, p.city, CHNL_CODE[p.src], vip, p.first_seen))
    load(core, "cust_info", {"cust_no": "VARCHAR", "mobile_hash": "VARCHAR", "age_grp": "VARCHAR", "sex": "VARCHAR",
                             "province": "VARCHAR", "city": "VARCHAR", "src_chnl": "VARCHAR", "vip_level": "VARCHAR",
                             "create_time": "TIMESTAMP"}, rows)
    cols = ["policy_no", "cust_no", "txn_type", "txn_time", "sales_chnl", "prod_code", "risk_cls", "pay_mode",
            "premium", "uw_result", "surr_reason", "agent_team"]
    types = ["VARCHAR"] * 3 + ["TIMESTAMP"] + ["VARCHAR"] * 4 + ["DECIMAL(12,2)"] + ["VARCHAR"] * 3
    load(core, "policy_txn", dict(zip(cols, types)),
         [tuple(r[c] if r[c] != "" else None for c in cols)
          for r in sorted((r for r in txn_rows if START <= r["txn_time"] < END),
                          key=lambda r: (r["txn_time"], r["policy_no"], r["txn_type"]))])
    core.close()

    with open(folder / "claims_export.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(claim_rows, key=lambda r: (r["node_time"], r["claim_no"], r["node"])):
            if not (START <= r["node_time"] < END):
                continue
            obj = {"claim_no": r["claim_no"], "cust_no": r["cust_no"], "policy_no": r["policy_no"],
                   "prod_code": r["prod_code"], "node": r["node"],
                   "node_time": f"{r['node_time']:%Y-%m-%dT%H:%M:%S}+08:00", "report_chnl": r["report_chnl"]}
            if r["decision"]:
                obj["decision"] = r["decision"]
            if r["pay_amt"] is not None:
                obj["pay_amt"] = r["pay_amt"]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "客服工单.csv", "w", newline="", encoding="gbk") as f:
        w = csv.writer(f)
        w.writerow(["工单编号", "客户手机哈希", "受理渠道", "工单分类", "是否投诉", "创建时间", "首次响应时间", "完结时间", "满意度"])
        for tid, phone, ch, cat, comp, opened, first, resolved, csat in sorted(ticket_rows, key=lambda r: r[0]):
            w.writerow([tid, phone, ch, cat, comp, fmt(opened), fmt(first), fmt(resolved), csat])

    with open(folder / "nps.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["cust_no", "answered_at", "scene", "nps_score", "remark", "prod_code"])
        for cust, ts, scene, score, comment, prod in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([cust, f"{ts:%Y-%m-%d %H:%M:%S}", scene, score, comment, prod])

    with open(folder / "费用台账.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["日期", "渠道", "项目", "金额(元)"])
        for k in range(N_DAYS):
            d = START + timedelta(days=k)
            ds = f"{d:%Y%m%d}"
            wk = 1.15 if d.weekday() >= 5 else 1.0
            w.writerow([ds, DY, "日常-百万医疗", f"{2300 * wk * R.uniform(0.85, 1.15):.2f}"])
            w.writerow([ds, GDT, "日常-重疾", f"{1500 * wk * R.uniform(0.85, 1.15):.2f}"])
            if inw(d, ZERO_YUAN):
                w.writerow([ds, DY, "0元领百万医疗", f"{R.uniform(8000, 11000):.2f}"])
            if inw(d, SUMMER_TRIP):
                w.writerow([ds, DY, "暑期出游", f"{R.uniform(2200, 3200):.2f}"])
            if inw(d, NEW_YEAR):
                w.writerow([ds, GDT, "开年保障节", f"{R.uniform(3200, 4600):.2f}"])
            for partner, fee, item in ((ALI, 0.18, "蚂蚁保技术服务费"), (CTRIP, 0.25, "携程渠道佣金")):
                prem = partner_premium.get((d.date(), partner), 0.0)
                if prem > 0:
                    w.writerow([ds, partner, item, f"{prem * fee:.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="insure-src-") as tmp:
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
