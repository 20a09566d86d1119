#!/usr/bin/env python3
"""Build the `bank` evaluation database: `python generate.py OUT.duckdb`.

Minghua Bank (明华银行), a retail bank in mainland China: its credit-card and personal-loan
funnel over the 12 months 2025-06-15 .. 2026-06-14 (Asia/Shanghai), "today" = 2026-06-15.

The script simulates people (existing customers, prospects from partner ads, organic app /
mini-program / web visitors, branch walk-ins) moving through the card-application and loan
journeys, writes what each of the bank's systems would export — in that system's own column
names, value spellings, time formats and encodings — into a temporary folder, copies
`ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.

Everything is seeded: the same files, the same rows and the same ids on every run. Only the
standard library, numpy and duckdb (through the ingest package) are used.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20260615
START = datetime(2025, 6, 15)  # first local day of data
END = datetime(2026, 6, 15)  # exclusive: the data ends 2026-06-14 23:59:59 (as_of = 2026-06-15)
DAYS = (END - START).days  # 365
WARMUP = 60  # simulated days before START, so the period opens with journeys under way
UTC_SHIFT = timedelta(hours=8)

# The planted stories (see description.md).
INCIDENT = (datetime(2026, 3, 9), datetime(2026, 3, 16))  # HarmonyOS app face check broken
SLOWDOWN = datetime(2026, 2, 2)  # call-centre staffing cut: response times creep up, CSAT down
DOUBLE11 = (datetime(2025, 11, 1), datetime(2025, 11, 12))  # first-spend cashback promotion
SPRING_LOAN = (datetime(2026, 1, 19), datetime(2026, 3, 1))  # Spring Festival loan campaign
CNY_DIP = (datetime(2026, 2, 15), datetime(2026, 2, 23))  # Chinese New Year week: less activity
NPS_WAVES = (datetime(2025, 9, 15), datetime(2025, 12, 15), datetime(2026, 3, 16))

PROVINCES = [  # canonical, CRM spelling, analytics (IP) spelling, weight
    ("Guangdong", "广东省", "广东", 16),
    ("Zhejiang", "浙江省", "浙江", 10),
    ("Jiangsu", "江苏省", "江苏", 10),
    ("Shanghai", "上海市", "上海", 9),
    ("Beijing", "北京市", "北京", 8),
    ("Shandong", "山东省", "山东", 7),
    ("Sichuan", "四川省", "四川", 7),
    ("Hubei", "湖北省", "湖北", 5),
    ("Henan", "河南省", "河南", 5),
    ("Fujian", "福建省", "福建", 5),
    ("Hunan", "湖南省", "湖南", 4),
    ("Shaanxi", "陕西省", "陕西", 3),
    ("Liaoning", "辽宁省", "辽宁", 3),
    ("Chongqing", "重庆市", "重庆", 3),
    ("Anhui", "安徽省", "安徽", 3),
    ("Tianjin", "天津市", "天津", 2),
]
REGION_OF = {
    "Guangdong": "South",
    "Zhejiang": "East",
    "Jiangsu": "East",
    "Shanghai": "East",
    "Beijing": "North",
    "Shandong": "East",
    "Sichuan": "Southwest",
    "Hubei": "Central",
    "Henan": "Central",
    "Fujian": "East",
    "Hunan": "Central",
    "Shaanxi": "Northwest",
    "Liaoning": "Northeast",
    "Chongqing": "Southwest",
    "Anhui": "East",
    "Tianjin": "North",
}
REGION_APPROVAL = {
    "East": 0.04,
    "South": 0.03,
    "North": 0.02,
    "Central": -0.02,
    "Southwest": -0.02,
    "Northwest": -0.04,
    "Northeast": -0.07,
}

# Source spellings of each system.
SA_PLATFORM = {"app": "手机银行App", "mini_program": "微信小程序", "web": "个人网银"}
SA_OS = {"ios": "iOS", "android": "Android", "harmonyos": "HarmonyOS"}
CARD_CHANNEL = {
    "app": "APP",
    "mini_program": "WXMP",
    "web": "PC",
    "branch": "BRANCH",
    "call_center": "CC",
}
CARD_OS = {"ios": "IOS", "android": "ANDROID", "harmonyos": "HARMONY", "web": "PC"}
SPEND_CHANNEL = {
    "app": "手机银行",
    "mini_program": "微信小程序",
    "web": "网上银行",
    "branch": "网点",
}
LOAN_CHANNEL = {"app": "MB", "mini_program": "WX", "web": "PC", "branch": "BR"}
TICKET_CHANNEL = {
    "call_center": "客服热线",
    "app": "手机银行在线客服",
    "mini_program": "微信小程序客服",
    "branch": "网点",
}
TICKET_CATEGORY = {
    "fee_dispute": "年费争议",
    "card_delivery": "卡片寄送",
    "app_login": "App登录",
    "face_verification": "人脸识别",
    "credit_limit": "额度调整",
    "loan_repayment": "贷款还款",
    "card_fraud": "盗刷争议",
    "other": "其他",
}
ACQ_CRM = {
    "partner_ads": "合作方广告",
    "app": "手机银行",
    "mini_program": "微信小程序",
    "web": "网上银行",
    "branch": "网点",
}
SEGMENT_CRM = {"mass": "大众客户", "affluent": "贵宾客户", "private": "私行客户"}
MEDIA_SRC = {"douyin": "抖音", "tencent_ads": "腾讯广告", "baidu": "百度"}
CAMPAIGN_ID = {
    "card_always_on": "CC-AO-25",
    "double11_cashback": "CC-D11-25",
    "loan_always_on": "PL-AO-25",
    "spring_loan": "PL-CNY-26",
}
CAMPAIGN_SHEET = {
    "card_always_on": "信用卡常规拉新",
    "double11_cashback": "双十一首刷返现",
    "loan_always_on": "个贷常规投放",
    "spring_loan": "春节消费贷",
    "branch_card_gift": "网点办卡礼",
}
CPC = {"douyin": 24.0, "tencent_ads": 19.0, "baidu": 33.0}  # CNY per click (finance vertical)


def md5(text: str, n: int) -> str:
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inside(t: datetime, window: tuple[datetime, datetime]) -> bool:
    return window[0] <= t < window[1]


class Sim:
    """The simulation: people, their journeys, and the rows each source system exports."""

    def __init__(self) -> None:
        self.rng = np.random.default_rng(SEED)
        self.people: list[dict] = []
        self.out: dict[str, list[dict]] = {
            k: []
            for k in (
                "sa",
                "sa_profiles",
                "clicks",
                "card",
                "spend",
                "loan",
                "branch",
                "cti",
                "ivr",
                "nps",
                "tickets",
                "crm",
            )
        }
        self.n_session = 0
        self.n_apply = 0
        self.n_loan = 0
        self.n_ticket = 0
        self.n_call = 0
        self.n_cust = 0
        self.n_txn = 0
        # day weights: weekends a bit busier online, the Spring Festival week quieter
        w = np.ones(WARMUP + DAYS)
        for d in range(WARMUP + DAYS):
            day = START + timedelta(days=d - WARMUP)
            if day.weekday() >= 5:
                w[d] *= 1.15
            if inside(day, CNY_DIP):
                w[d] *= 0.55
        self.day_w = w / w.sum()
        hours = np.array(
            [
                1,
                0.5,
                0.3,
                0.2,
                0.2,
                0.4,
                1,
                2.5,
                4,
                5.5,
                6.5,
                6.5,
                5,
                5,
                5.5,
                5.5,
                5,
                5,
                5,
                6,
                7,
                7,
                5,
                2.5,
            ]
        )
        self.hour_w = hours / hours.sum()

    # ------------------------------------------------------------------ helpers
    def u(self) -> float:
        return float(self.rng.random())

    def pick(self, options, weights=None):
        weights = None if weights is None else np.asarray(weights, float) / np.sum(weights)
        return options[int(self.rng.choice(len(options), p=weights))]

    def moment(self, day: int, business_hours: bool = False) -> datetime:
        """A local time on day `day` (0 = START)."""
        if business_hours:
            hour = int(self.rng.integers(9, 17))
        else:
            hour = int(self.rng.choice(24, p=self.hour_w))
        return START + timedelta(
            days=day,
            hours=hour,
            minutes=int(self.rng.integers(60)),
            seconds=int(self.rng.integers(60)),
        )

    def later(self, t: datetime, lo_min: float, hi_min: float) -> datetime:
        return t + timedelta(seconds=int(self.rng.uniform(lo_min * 60, hi_min * 60)) + 1)

    def days_later(self, t: datetime, median_days: float, sigma: float = 0.6) -> datetime:
        days = float(self.rng.lognormal(np.log(median_days), sigma))
        hour = int(self.rng.choice(24, p=self.hour_w))
        d = (t + timedelta(days=days)).replace(hour=hour, minute=int(self.rng.integers(60)))
        return d if d > t else t + timedelta(hours=2)

    def random_day(self, lo: int = -WARMUP, hi: int = DAYS) -> int:
        """A day index (0 = START; negative = the warm-up before the export window)."""
        w = self.day_w[lo + WARMUP : hi + WARMUP]
        return lo + int(self.rng.choice(len(w), p=w / w.sum()))

    # ------------------------------------------------------------------ people
    def person(self, kind: str, acq: str, channel: str) -> dict:
        i = len(self.people)
        prov = self.pick(PROVINCES, [p[3] for p in PROVINCES])
        if kind == "existing":
            seg = self.pick(["mass", "affluent", "private"], [72, 23, 5])
        else:
            seg = self.pick(["mass", "affluent", "private"], [88, 11, 1])
        os_ = self.pick(["ios", "android", "harmonyos"], [34, 41, 25])  # their phone
        p = {
            "i": i,
            "kind": kind,
            "acq": acq,
            "channel": channel,
            "seg": seg,
            "prov": prov,
            "os": os_,
            "mobile": md5(f"mobile:{i}", 16),
            "idh": md5(f"idcard:{i}", 20),
            "cust": None,
            "registered": kind == "existing",
            "crm": None,
            "ids": {},
            "has_card": False,
            "card_applied": False,
            "loan_applied": False,
            "has_loan": False,
        }
        if kind == "existing":
            p["cust"] = self.new_cust()
            p["has_card"] = self.u() < 0.35
            p["has_loan"] = self.u() < 0.12
            since = date(2008, 1, 1) + timedelta(days=int(self.rng.integers(0, 6330)))
            p["crm"] = {"created": datetime.combine(since, datetime.min.time()), "existing": True}
        self.people.append(p)
        return p

    def new_cust(self) -> str:
        self.n_cust += 1
        return f"6{(self.n_cust * 7919) % 100000000:08d}{self.n_cust % 10}"

    def distinct_id(self, p: dict, platform: str) -> str:
        ids = p["ids"]
        if platform not in ids:
            if platform == "app":
                ids[platform] = md5(f"dev:{p['i']}", 16).upper()
            elif platform == "mini_program":
                ids[platform] = "oW" + md5(f"openid:{p['i']}", 26)
            else:
                ids[platform] = "ck_" + md5(f"cookie:{p['i']}", 12)
        return ids[platform]

    def ensure_crm(self, p: dict, t: datetime) -> None:
        if p["crm"] is None:
            p["crm"] = {"created": t.replace(hour=0, minute=0, second=0), "existing": False}

    # ------------------------------------------------------------------ emitters
    def session(self) -> str:
        self.n_session += 1
        return f"S{md5(f'session:{self.n_session}', 14)}"

    def sa(
        self, t: datetime, event: str, p: dict, platform: str, sid: str, campaign: str | None = None
    ) -> None:
        if t >= END:
            return
        os_ = p["os"] if platform != "web" else self.pick(["Windows", "Mac OS"], [80, 20])
        did = self.distinct_id(p, platform)
        first = p.setdefault("sa_first", {})
        first[platform] = min(first.get(platform, t), t)
        if t < START:
            return
        self.out["sa"].append(
            {
                "event": event,
                "time": (t - UTC_SHIFT).strftime("%Y-%m-%d %H:%M:%S"),
                "distinct_id": did,
                "login_id": p["mobile"] if p["registered"] else "",
                "platform": SA_PLATFORM[platform],
                "os": SA_OS.get(os_, os_),
                "session_id": sid,
                "utm_campaign": CAMPAIGN_ID.get(campaign, "") if campaign else "",
            }
        )

    def open_session(self, t: datetime, p: dict, platform: str, campaign=None) -> str:
        sid = self.session()
        start = {"app": "$AppStart", "mini_program": "$MPLaunch", "web": "WebLogin"}[platform]
        self.sa(t, start, p, platform, sid, campaign)
        return sid

    def card(
        self,
        t: datetime,
        status: str,
        p: dict,
        apply_no: str,
        channel: str,
        event_channel: str | None = None,
        **more,
    ) -> None:
        if t >= END or t < START:
            return
        where = event_channel or channel
        os_ = (
            None
            if where in ("branch", "call_center")
            else CARD_OS[p["os"] if where != "web" else "web"]
        )
        row = {
            "apply_no": apply_no,
            "status": status,
            "status_time": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
            "channel_code": CARD_CHANNEL[event_channel or channel],
            "client_os": os_,
            "mobile_hash": p["mobile"],
            "id_hash": p["idh"],
            "cust_no": p["cust"],
        }
        row.update(more)
        self.out["card"].append(row)

    def loan(
        self,
        t: datetime,
        kind: str,
        p: dict,
        app_id: str,
        channel: str,
        amount: float,
        fee: float | None = None,
        contract: str | None = None,
    ) -> None:
        if t >= END or t < START:
            return
        self.out["loan"].append(
            {
                "loan_app_id": app_id,
                "cust_no": p["cust"] or "",
                "mobile_hash": p["mobile"],
                "event_type": kind,
                "event_time": t.strftime("%Y-%m-%d %H:%M:%S"),
                "channel_code": LOAN_CHANNEL[channel],
                "loan_amount": f"{amount:.2f}",
                "fee_amount": "" if fee is None else f"{fee:.2f}",
                "contract_no": contract or "",
            }
        )

    # ------------------------------------------------------------------ journeys
    def card_journey(
        self, p: dict, t: datetime, channel: str, sid: str | None, campaign: str | None
    ) -> None:
        """Someone who just saw the card offer (or a branch walk-in) may apply."""
        if p["card_applied"] or p["has_card"]:
            return
        promo = campaign == "double11_cashback" or inside(t, DOUBLE11)
        if channel == "branch":
            p_apply = 0.5 if p["kind"] == "prospect" else 0.12
        else:
            p_apply = {"app": 0.34, "mini_program": 0.27, "web": 0.2}[channel]
            if p["kind"] == "existing":
                p_apply *= 1.2
            if p["acq"] == "ad":
                p_apply *= 0.85
            if promo:
                p_apply *= 1.6
        if self.u() >= p_apply:
            return
        p["card_applied"] = True
        self.n_apply += 1
        apply_no = f"CA{t:%y%m%d}{self.n_apply:05d}"
        if channel != "branch" and self.u() > 0.65:  # comes back another day to apply
            t = self.days_later(t, 2, 0.8)
            sid = self.open_session(t, p, channel, campaign)
            t = self.later(t, 0.2, 2)
            self.sa(t, "CardOfferView", p, channel, sid, campaign)
        if not p["registered"] and channel != "branch":
            t = self.later(t, 0.5, 3)
            p["registered"] = True
            self.sa(t, "SignUp", p, channel, sid, campaign)
        self.ensure_crm(p, t)
        t = self.later(t, 0.5, 6)
        self.card(t, "APPLY_START", p, apply_no, channel)
        # documents: ID card photos
        p_doc = {"app": 0.84, "mini_program": 0.8, "web": 0.68, "branch": 0.98}[channel]
        if self.u() >= p_doc:
            return
        t = self.later(t, 2, 25) if self.u() < 0.85 else self.days_later(t, 1)
        self.card(t, "DOC_UPLOAD", p, apply_no, channel)
        # face check (liveness): broken for HarmonyOS in the app during the incident week
        p_face = {"app": 0.93, "mini_program": 0.9, "web": 0.84, "branch": 0.99}[channel]
        broken = channel == "app" and p["os"] == "harmonyos" and inside(t, INCIDENT)
        if broken:
            p_face = 0.18
        if self.u() >= p_face:
            if broken and self.u() < 0.6:
                self.ticket(
                    self.later(t, 5, 60 * 30),
                    p,
                    "face_verification",
                    self.pick(["app", "call_center"], [55, 45]),
                )
            elif self.u() < 0.04:
                self.ticket(self.later(t, 5, 60 * 30), p, "face_verification", "call_center")
            return
        t = self.later(t, 0.5, 4)
        self.card(t, "FACE_PASS", p, apply_no, channel)
        if self.u() >= 0.97:  # incomplete application, never sent to the bureau
            return
        t = self.later(t, 1, 40)
        self.card(t, "CREDIT_QUERY", p, apply_no, channel)
        # decision
        approve = 0.78 if p["kind"] == "existing" else 0.5
        approve += {"mass": 0.0, "affluent": 0.1, "private": 0.17}[p["seg"]]
        approve += REGION_APPROVAL[REGION_OF[p["prov"][0]]]
        if p["acq"] == "ad":
            approve -= 0.14
        if channel == "branch":
            approve += 0.05
        t = self.days_later(t, 1.2, 0.7)
        if self.u() >= min(approve, 0.97):
            self.card(t, "REJECTED", p, apply_no, channel)
            return
        if p["cust"] is None:
            p["cust"] = self.new_cust()
        limit = {"mass": 20000, "affluent": 50000, "private": 100000}[p["seg"]]
        limit = round(limit * float(self.rng.lognormal(0, 0.35)) / 1000) * 1000
        self.card(t, "APPROVED", p, apply_no, channel, credit_limit=limit)
        p["has_card"] = True
        # card is mailed; delivery questions reach the call centre
        if self.u() < 0.16:
            self.call(self.days_later(t, 6, 0.4), p, "card_delivery")
        # activation
        p_act = {"app": 0.84, "mini_program": 0.78, "web": 0.72, "branch": 0.9}[channel]
        if promo:
            p_act = 0.9
        if self.u() >= p_act:
            return
        t_act = self.days_later(t, 8, 0.45)
        act_channel = self.pick(
            ["app", "mini_program", "call_center", "branch"],
            {
                "app": [70, 5, 20, 5],
                "mini_program": [25, 50, 20, 5],
                "web": [45, 5, 45, 5],
                "branch": [30, 5, 15, 50],
            }[channel],
        )
        self.card(t_act, "ACTIVATED", p, apply_no, channel, event_channel=act_channel)
        if act_channel == "call_center":
            self.call(self.later(t_act, -3, -1), p, None, record_ticket=False)
        if self.u() < 0.25:
            self.nps(
                self.days_later(t_act, 1.5),
                p,
                "card_activated",
                act_channel if act_channel in ("app", "mini_program") else "app",
            )
        # first spend, reported by apply channel (进件渠道)
        p_spend = 0.93 if promo else 0.8
        if self.u() >= p_spend:
            return
        t_sp = self.days_later(t_act, 2.5 if promo else 5, 0.9)
        if promo and self.u() < 0.6:
            amount = float(self.rng.uniform(1000, 2600))  # spend ≥ 1000 for the 100 cashback
        else:
            amount = float(self.rng.lognormal(np.log(380), 0.85))
            if p["seg"] != "mass":
                amount *= 1.8
        self.n_txn += 1
        if START <= t_sp < END:
            self.out["spend"].append(
                {
                    "客户号": p["cust"],
                    "卡号后四位": f"{(p['i'] * 37) % 10000:04d}",
                    "首刷时间": t_sp.strftime("%Y-%m-%d %H:%M:%S"),
                    "首刷金额": f"{amount:.2f}",
                    "交易流水号": f"T{t_sp:%Y%m%d}{self.n_txn:06d}",
                    "进件渠道": SPEND_CHANNEL[channel],
                }
            )

    def loan_journey(
        self, p: dict, t: datetime, channel: str, sid: str | None, campaign: str | None
    ) -> None:
        """After a loan offer view (or a branch visit): calculator, application, decision."""
        if p["loan_applied"]:
            return
        if channel != "branch":
            calc = self.u() < 0.6
            if calc:
                t = self.later(t, 0.3, 4)
                self.sa(t, "LoanCalculator", p, channel, sid, campaign)
            p_apply = 0.32 if calc else 0.05
            if p["kind"] == "existing":
                p_apply *= 1.3
            if campaign == "spring_loan":
                p_apply *= 1.2
        else:
            p_apply = 0.45
        if self.u() >= p_apply:
            return
        p["loan_applied"] = True
        self.n_loan += 1
        app_id = f"PL{t:%Y%m%d}{self.n_loan:05d}"
        if channel != "branch" and self.u() > 0.7:
            t = self.days_later(t, 1.5, 0.8)
            sid = self.open_session(t, p, channel, campaign)
            t = self.later(t, 0.2, 2)
            self.sa(t, "LoanOfferView", p, channel, sid, campaign)
            t = self.later(t, 0.3, 4)
            self.sa(t, "LoanCalculator", p, channel, sid, campaign)
        if not p["registered"] and channel != "branch":
            t = self.later(t, 0.5, 3)
            p["registered"] = True
            self.sa(t, "SignUp", p, channel, sid, campaign)
        self.ensure_crm(p, t)
        if p["cust"] is None:
            p["cust"] = self.new_cust()  # a loan applicant gets a customer number at once
        base = {"mass": 60000, "affluent": 150000, "private": 300000}[p["seg"]]
        amount = max(5000.0, round(base * float(self.rng.lognormal(0, 0.55)) / 1000) * 1000)
        t = self.later(t, 2, 15)
        self.loan(t, "申请提交", p, app_id, channel, amount)
        approve = 0.72 if p["kind"] == "existing" else 0.36
        approve += {"mass": 0.0, "affluent": 0.1, "private": 0.16}[p["seg"]]
        approve += REGION_APPROVAL[REGION_OF[p["prov"][0]]]
        t = self.days_later(t, 0.6, 0.8)
        if self.u() >= approve:
            self.loan(t, "审批拒绝", p, app_id, channel, amount)
            return
        self.loan(t, "审批通过", p, app_id, channel, amount)
        if self.u() >= 0.92:
            return
        t = self.days_later(t, 0.4, 0.7)
        fee = max(200.0, round(amount * float(self.rng.uniform(0.008, 0.018)), 2))
        contract = f"HT{t:%Y%m%d}{self.n_loan:05d}"
        self.loan(t, "放款成功", p, app_id, channel, amount, fee, contract)
        p["has_loan"] = True
        if self.u() < 0.25:
            self.nps(
                self.days_later(t, 1.5),
                p,
                "loan_disbursed",
                channel if channel in ("app", "mini_program", "web") else "app",
            )

    def browse(
        self,
        p: dict,
        t: datetime,
        platform: str,
        campaign: str | None = None,
        card_p: float = 0.0,
        loan_p: float = 0.0,
        first: str | None = None,
    ) -> None:
        """One digital session: open, maybe the card or the loan offer."""
        if t >= END:
            return
        sid = self.open_session(t, p, platform, campaign)
        t = self.later(t, 0.1, 3)
        want_card = first == "card" or (first is None and self.u() < card_p)
        want_loan = first == "loan" or (first is None and self.u() < loan_p)
        if want_card and not p["has_card"]:
            self.sa(t, "CardOfferView", p, platform, sid, campaign)
            self.card_journey(p, t, platform, sid, campaign)
        elif want_loan:
            self.sa(t, "LoanOfferView", p, platform, sid, campaign)
            self.loan_journey(p, t, platform, sid, campaign)

    # ------------------------------------------------------------------ service
    def call(self, t: datetime, p: dict, category: str | None, record_ticket: bool = True) -> None:
        if t >= END or t < START:
            return
        self.n_call += 1
        call_id = f"CL{self.n_call:07d}"
        self.out["cti"].append(
            {
                "call_id": call_id,
                "caller_hash": p["mobile"],
                "cust_no": p["cust"] or "",
                "start_time": t.strftime("%Y%m%d%H%M%S"),
                "duration_s": str(int(self.rng.lognormal(np.log(240), 0.6))),
            }
        )
        if self.u() < 0.45:  # IVR satisfaction survey after the call
            drift = max(0.0, (t - SLOWDOWN).days) / (END - SLOWDOWN).days
            p_good = 0.85 - 0.25 * drift
            score = (
                self.pick([4, 5], [35, 65])
                if self.u() < p_good
                else self.pick([1, 2, 3], [30, 30, 40])
            )
            self.out["ivr"].append(
                {
                    "call_id": call_id,
                    "caller_hash": p["mobile"],
                    "survey_time": self.later(t, 4, 12).strftime("%Y%m%d%H%M%S"),
                    "score": str(score),
                }
            )
        if record_ticket and (category is not None or self.u() < 0.45):
            self.ticket(self.later(t, 1, 3), p, category or self.category(p), "call_center")

    def category(self, p: dict) -> str:
        cats = [
            "fee_dispute",
            "app_login",
            "credit_limit",
            "card_fraud",
            "loan_repayment",
            "card_delivery",
            "other",
        ]
        w = [
            22 if p["has_card"] else 2,
            18,
            16 if p["has_card"] else 2,
            7 if p["has_card"] else 1,
            14 if p["has_loan"] else 1,
            3,
            27,
        ]
        return self.pick(cats, w)

    def ticket(self, t: datetime, p: dict, category: str, channel: str) -> None:
        if t >= END or t < START:
            return
        self.n_ticket += 1
        base = {"call_center": 14, "app": 38, "mini_program": 45, "branch": 9}[channel]
        drift = max(0.0, (t - SLOWDOWN).total_seconds() / 86400) / 132
        frt = float(self.rng.lognormal(np.log(base * (1 + 2.6 * drift)), 0.75))
        first = t + timedelta(minutes=frt)
        res_h = {
            "fee_dispute": 40,
            "card_fraud": 70,
            "card_delivery": 30,
            "loan_repayment": 20,
            "credit_limit": 26,
            "app_login": 6,
            "face_verification": 5,
            "other": 10,
        }[category]
        resolved = t + timedelta(
            hours=max(frt / 60 + 0.2, float(self.rng.lognormal(np.log(res_h), 0.9)))
        )
        if self.u() < 0.03:
            resolved = None
        complaint = {
            "fee_dispute": 0.5,
            "card_delivery": 0.35,
            "card_fraud": 0.4,
            "app_login": 0.15,
            "face_verification": 0.3,
            "credit_limit": 0.1,
            "loan_repayment": 0.2,
            "other": 0.08,
        }[category]
        fmt = "%Y-%m-%d %H:%M"
        self.out["tickets"].append(
            {
                "工单编号": f"GD{t:%Y%m%d}{self.n_ticket:05d}",
                "客户号": p["cust"] or "",
                "手机号哈希": p["mobile"],
                "受理渠道": TICKET_CHANNEL[channel],
                "创建时间": t.strftime(fmt),
                "首次响应时间": first.strftime(fmt) if first < END else "",
                "办结时间": resolved.strftime(fmt)
                if resolved is not None and resolved < END
                else "",
                "问题分类": TICKET_CATEGORY[category],
                "是否投诉": "是" if self.u() < complaint else "否",
            }
        )

    def nps(self, t: datetime, p: dict, scene: str | None, channel: str) -> None:
        if t >= END or t < START:
            return
        mu = 7.7 + {"mass": 0.0, "affluent": 0.4, "private": 0.9}[p["seg"]]
        if p["acq"] == "ad":
            mu -= 0.9
        if scene == "loan_disbursed":
            mu -= 0.3
        if p["channel"] == "mini_program":
            mu += 0.2
        score = int(np.clip(round(float(self.rng.normal(mu, 2.1))), 0, 10))
        comments = {
            10: "很方便，推荐",
            9: "办理速度快",
            8: "",
            7: "还可以",
            6: "流程有点繁琐",
            5: "客服难打通",
            4: "年费说明不清楚",
            3: "审批太慢",
            2: "体验很差",
            1: "再也不用了",
            0: "投诉无人处理",
        }
        scene_src = {"card_activated": "开卡", "loan_disbursed": "放款", None: "年度调研"}[scene]
        self.out["nps"].append(
            {
                "提交时间": (t - UTC_SHIFT).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "手机号哈希": p["mobile"],
                "场景": scene_src,
                "渠道": {"app": "App", "mini_program": "小程序", "web": "网银"}[channel],
                "推荐得分": str(score),
                "意见": comments[score] if self.u() < 0.5 else "",
            }
        )

    # ------------------------------------------------------------------ populations
    def existing_customers(self, n: int, inactive: int) -> None:
        for _ in range(n):
            channel = self.pick(["app", "mini_program", "web"], [74, 14, 12])
            p = self.person("existing", "existing", channel)
            rate = {"mass": 0.24, "affluent": 0.4, "private": 0.38}[p["seg"]]
            rate = float(self.rng.gamma(1.4, rate / 1.4))
            n_sessions = int(self.rng.poisson(rate * 14))  # 12 months + the warm-up
            for day in sorted(self.random_day() for _ in range(n_sessions)):
                t = self.moment(day)
                platform = channel
                if channel == "app" and self.u() < 0.1:
                    platform = "web"  # the same person on web banking now and then
                card_p = 0.16 * (2.5 if inside(t, DOUBLE11) else 1)
                loan_p = 0.045 * (2.2 if inside(t, SPRING_LOAN) else 1)
                campaign = None
                if inside(t, DOUBLE11) and self.u() < 0.3:
                    campaign = "double11_cashback"
                self.browse(p, t, platform, campaign, card_p, loan_p)
            if self.u() < 0.13:
                self.branch_visits(p, 1 + int(self.rng.poisson(0.7)))
            for _ in range(int(self.rng.poisson(0.45))):
                self.call(self.moment(self.random_day(), True), p, None)
            if self.u() < 0.05:
                self.ticket(
                    self.moment(self.random_day()),
                    p,
                    self.category(p),
                    self.pick(["app", "mini_program"], [80, 20]),
                )
        for _ in range(inactive):
            self.person(
                "existing", "existing", self.pick(["app", "mini_program", "web"], [74, 14, 12])
            )

    def branch_visits(self, p: dict, n: int) -> None:
        for _ in range(n):
            t = self.moment(self.random_day(), True)
            if t >= START:
                self.out["branch"].append(
                    {
                        "取号时间": t.strftime("%Y-%m-%d %H:%M:%S"),
                        "证件号哈希": p["idh"],
                        "客户号": p["cust"] or "",
                        "网点编号": f"BR{(p['i'] % 60) + 101:04d}",
                        "业务类型": self.pick(["信用卡", "贷款", "存款", "其他"], [25, 15, 40, 20]),
                    }
                )
                if self.u() < 0.05:  # a complaint or request logged at the branch desk
                    self.ticket(self.later(t, 2, 20), p, self.category(p), "branch")
            if self.u() < 0.5:
                self.card_journey(p, self.later(t, 5, 30), "branch", None, None)
            elif self.u() < 0.12:
                self.loan_journey(p, self.later(t, 5, 30), "branch", None, None)

    def ad_prospects(self, n: int) -> None:
        w = self.day_w.copy()
        for d in range(WARMUP + DAYS):
            day = START + timedelta(days=d - WARMUP)
            if inside(day, DOUBLE11):
                w[d] *= 3.4
            if inside(day, SPRING_LOAN):
                w[d] *= 1.3
        w /= w.sum()
        for _ in range(n):
            p = self.person("prospect", "ad", "app")
            day = int(self.rng.choice(WARMUP + DAYS, p=w)) - WARMUP
            t = self.moment(day)
            self.ad_clicks(p, t)
            # later organic visits from those who installed the app
            if p["ids"]:
                for _ in range(int(self.rng.poisson(1.1))):
                    t2 = self.days_later(t, 12, 1.0)
                    self.browse(p, t2, "app", None, 0.35, 0.08)

    def ad_clicks(self, p: dict, t: datetime) -> None:
        for k in range(1 + int(self.rng.poisson(0.35))):
            if k:
                t = self.days_later(t, 3, 0.8)
            if t >= END:
                return
            is_card = self.u() < (0.65 if inside(t, SPRING_LOAN) else 0.78)
            if is_card:
                campaign = "double11_cashback" if inside(t, DOUBLE11) else "card_always_on"
            else:
                campaign = "spring_loan" if inside(t, SPRING_LOAN) else "loan_always_on"
            media = self.pick(["douyin", "tencent_ads", "baidu"], [50, 32, 18])
            device = md5(f"dev:{p['i']}", 16).upper()
            if t >= START:
                self.out["clicks"].append(
                    {
                        "click_time": t.strftime("%Y/%m/%d %H:%M:%S"),
                        "media": MEDIA_SRC[media],
                        "campaign_id": CAMPAIGN_ID[campaign],
                        "device_id": device,
                    }
                )
            if self.u() < 0.58:  # lands in the app (deep link)
                self.browse(
                    p, self.later(t, 0.1, 1), "app", campaign, first="card" if is_card else "loan"
                )

    def existing_ad_clicks(self, n: int) -> None:
        """Some existing app customers click partner ads too (and are stitched to themselves)."""
        pool = [p for p in self.people if p["kind"] == "existing" and p["channel"] == "app"]
        for _ in range(n):
            p = pool[int(self.rng.integers(len(pool)))]
            self.ad_clicks(p, self.moment(self.random_day()))

    def organic_prospects(self, n: int) -> None:
        for _ in range(n):
            channel = self.pick(["app", "mini_program", "web"], [52, 38, 10])
            acq = "wechat_ad" if channel == "mini_program" and self.u() < 0.4 else "organic"
            p = self.person("prospect", acq, channel)
            t = self.moment(self.random_day(hi=DAYS - 3))
            campaign = None
            if acq == "wechat_ad":
                card = self.u() < 0.75
                if card:
                    campaign = "double11_cashback" if inside(t, DOUBLE11) else "card_always_on"
                else:
                    campaign = "spring_loan" if inside(t, SPRING_LOAN) else "loan_always_on"
                self.browse(p, t, channel, campaign, first="card" if card else "loan")
            else:
                self.browse(p, t, channel, None, 0.5, 0.12)
            for _ in range(int(self.rng.poisson(1.2))):
                t = self.days_later(t, 9, 1.0)
                self.browse(p, t, channel, None, 0.4, 0.1)

    def branch_prospects(self, n: int) -> None:
        for _ in range(n):
            p = self.person("prospect", "branch", "app")
            self.branch_visits(p, 1)

    def relationship_surveys(self) -> None:
        for wave in NPS_WAVES:
            for p in self.people:
                if p["kind"] == "existing" and self.u() < 0.055:
                    t = wave + timedelta(
                        days=int(self.rng.integers(0, 7)),
                        hours=int(self.rng.integers(8, 22)),
                        minutes=int(self.rng.integers(60)),
                    )
                    ch = p["channel"] if p["channel"] != "web" else "app"
                    self.nps(t, p, None, ch)

    def run(self) -> None:
        self.existing_customers(3400, 500)
        self.existing_ad_clicks(420)
        self.ad_prospects(5200)
        self.organic_prospects(3900)
        self.branch_prospects(420)
        self.relationship_surveys()
        self.profiles_and_crm()

    # ------------------------------------------------------------------ master data
    def profiles_and_crm(self) -> None:
        for p in self.people:
            prov = p["prov"]
            for platform, did in p["ids"].items():
                if p["kind"] == "existing":
                    first = datetime(2019, 1, 1) + timedelta(
                        days=int(self.rng.integers(0, 2300)), seconds=int(self.rng.integers(86400))
                    )
                else:
                    first = p.get("sa_first", {}).get(platform)
                    if first is None:  # clicked an ad, never landed: no profile
                        continue
                self.out["sa_profiles"].append(
                    {
                        "distinct_id": did,
                        "login_id": p["mobile"] if p["registered"] else "",
                        "first_visit_time": (first - UTC_SHIFT).strftime("%Y-%m-%d %H:%M:%S"),
                        "ip_province": prov[2],
                    }
                )
            if p["crm"] is not None:
                if p["kind"] == "existing":
                    acq = self.pick(
                        ["branch", "web", "app", "mini_program", "partner_ads"], [55, 10, 25, 5, 5]
                    )
                else:
                    acq = {"ad": "partner_ads", "branch": "branch"}.get(p["acq"], p["channel"])
                self.out["crm"].append(
                    {
                        "客户号": p["cust"] or "",
                        "手机号哈希": p["mobile"],
                        "证件号哈希": p["idh"],
                        "客户等级": SEGMENT_CRM[p["seg"]],
                        "省份": prov[1],
                        "建档日期": p["crm"]["created"].strftime("%Y/%m/%d"),
                        "是否存量客户": "是" if p["crm"]["existing"] else "否",
                        "获客渠道": ACQ_CRM[acq],
                    }
                )

    def marketing_costs(self) -> list[dict]:
        """The finance team's spend sheet: per day, channel, media and campaign."""
        clicks: dict[tuple[str, str, str], int] = {}
        rev_media = {v: k for k, v in MEDIA_SRC.items()}
        rev_campaign = {v: k for k, v in CAMPAIGN_ID.items()}
        for c in self.out["clicks"]:
            key = (
                c["click_time"][:10].replace("/", "-"),
                rev_media[c["media"]],
                rev_campaign[c["campaign_id"]],
            )
            clicks[key] = clicks.get(key, 0) + 1
        branch_apps: dict[str, int] = {}
        for r in self.out["card"]:
            if r["status"] == "APPLY_START" and r["channel_code"] == "BRANCH":
                day = r["status_time"][:10]
                branch_apps[day] = branch_apps.get(day, 0) + 1
        out = []
        for d in range(DAYS):
            day = START + timedelta(days=d)
            key = day.strftime("%Y-%m-%d")
            card_c = "double11_cashback" if inside(day, DOUBLE11) else "card_always_on"
            loan_c = "spring_loan" if inside(day, SPRING_LOAN) else "loan_always_on"
            rows = []
            for media in ("douyin", "tencent_ads", "baidu"):
                for campaign in (card_c, loan_c):
                    n = clicks.get((key, media, campaign), 0)
                    cost = n * CPC[media] * float(self.rng.uniform(0.85, 1.15))
                    cost += float(self.rng.uniform(30, 90))  # impressions without clicks
                    rows.append(("合作方广告", MEDIA_SRC[media], campaign, cost))
            mp = 420 * (1.8 if inside(day, DOUBLE11) else 1) * float(self.rng.uniform(0.8, 1.2))
            rows.append(("微信小程序", "微信朋友圈", card_c, mp * 0.7))
            loan_boost = 1.5 if loan_c == "spring_loan" else 1
            rows.append(("微信小程序", "微信朋友圈", loan_c, mp * 0.3 * loan_boost))
            gifts = branch_apps.get(key, 0) * 80 + float(self.rng.uniform(60, 140))
            rows.append(("网点", "-", "branch_card_gift", gifts))
            for channel, media, campaign, cost in rows:
                out.append(
                    {
                        "日期": key,
                        "渠道": channel,
                        "媒体": media,
                        "活动": CAMPAIGN_SHEET[campaign],
                        "消耗金额": f"{cost:.2f}",
                    }
                )
        return out


def write_csv(
    path: Path, rows: list[dict], encoding: str = "utf-8", header: list[str] | None = None
) -> None:
    header = header or list(rows[0])
    with path.open("w", newline="", encoding=encoding) as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def add_dirt(sim: Sim) -> None:
    """What real exports carry: SDK resends, rows without any id, a broken time, a cut line."""
    rng = np.random.default_rng(SEED + 1)
    sa = sim.out["sa"]
    for j in sorted(rng.choice(len(sa), size=150, replace=False).tolist(), reverse=True):
        sa.insert(j + 1, dict(sa[j]))  # exact duplicate right after the original
    for j in rng.choice(len(sa), size=14, replace=False).tolist():
        sa[j] = {**sa[j], "distinct_id": "", "login_id": ""}
    for j in rng.choice(len(sa), size=5, replace=False).tolist():
        sa[j] = {**sa[j], "time": "NaN"}
    clicks = sim.out["clicks"]
    for j in rng.choice(len(clicks), size=30, replace=False).tolist():
        clicks[j] = {**clicks[j], "device_id": ""}
    tickets = sim.out["tickets"]
    for j in rng.choice(len(tickets), size=3, replace=False).tolist():
        tickets[j] = {**tickets[j], "创建时间": "待补录"}


def build(out_db: Path) -> None:
    from connectors.ingest import ingest

    sim = Sim()
    sim.run()
    costs = sim.marketing_costs()
    for rows, key in (
        (sim.out["sa"], "time"),
        (sim.out["card"], "status_time"),
        (sim.out["loan"], "event_time"),
        (sim.out["cti"], "start_time"),
        (sim.out["tickets"], "创建时间"),
        (sim.out["branch"], "取号时间"),
        (sim.out["clicks"], "click_time"),
        (sim.out["spend"], "首刷时间"),
        (sim.out["nps"], "提交时间"),
        (sim.out["ivr"], "survey_time"),
    ):
        rows.sort(key=lambda r: r[key])  # exports come in time order
    add_dirt(sim)
    with tempfile.TemporaryDirectory(prefix="bank-sources-") as tmp:
        src = Path(tmp)
        write_csv(src / "sa_events.csv", sim.out["sa"])
        write_csv(src / "sa_profiles.csv", sim.out["sa_profiles"])
        write_csv(src / "partner_clicks.csv", sim.out["clicks"])
        with (src / "card_applications.jsonl").open("w", encoding="utf-8") as f:
            for j, row in enumerate(sim.out["card"]):
                line = json.dumps(
                    {k: v for k, v in row.items() if v is not None}, ensure_ascii=False
                )
                if j in (1234, 8765):
                    line = line[: len(line) // 2]  # a line cut by the export job
                f.write(line + "\n")
        write_csv(src / "first_spend_report.csv", sim.out["spend"], encoding="utf-8-sig")
        write_csv(src / "loan_events.csv", sim.out["loan"])
        write_csv(src / "branch_queue.csv", sim.out["branch"], encoding="gb18030")
        write_csv(src / "cti_calls.csv", sim.out["cti"])
        write_csv(src / "ivr_survey.csv", sim.out["ivr"])
        write_csv(src / "nps_responses.csv", sim.out["nps"], encoding="utf-8-sig")
        write_csv(src / "tickets_export.csv", sim.out["tickets"], encoding="utf-8-sig")
        write_csv(src / "crm_customers.csv", sim.out["crm"], encoding="gb18030")
        write_csv(src / "marketing_spend.csv", costs, encoding="utf-8-sig")
        config = src / "ingest.yaml"
        shutil.copyfile(HERE / "ingest.yaml", config)
        for suffix in ("", ".wal"):
            Path(str(out_db) + suffix).unlink(missing_ok=True)
        report = ingest(config, out_db)
        print("\n".join(report.lines()))


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python generate.py OUT.duckdb")
    out = Path(sys.argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    build(out)


if __name__ == "__main__":
    main()
