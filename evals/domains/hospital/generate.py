"""Hospital group patient-appointment service: a year of seeded source data, ingested with tpa.

    python generate.py OUT.duckdb

Writes the business's own exports to a temporary folder — the HIS outpatient business log
(GB18030 CSV, local time, Chinese headers), the internet-hospital platform's analytics export
(CSV, UTC), the patient master index (GB18030 CSV), the survey platform (JSON Lines, +08:00)
and the complaint-ticket system (UTF-8-with-BOM CSV) — copies ingest.yaml next to them and loads
them with `connectors.ingest.ingest` into OUT.duckdb. Same data on every run (fixed seed).

Planted stories (see description.md):
  1. 2026-09-14 .. 2026-09-20: the Alipay mini program's payment interface fails — bookings made on
     支付宝小程序 that week are paid (在线缴费) only ~30% of the time instead of ~87%, and
     预约失败 / 收费疑问 tickets from 支付宝小程序 spike.
  2. From 2026-07-01 the waiting time at 东院 (check-in → consultation) grows steadily (median
     ~35 min in June to ~95 min in November): CSAT and NPS of 东院 fall, 等候时间长 complaints
     about 东院 rise.
  3. Patients who use 官方App come back more often (more repeat visits and 复诊预约) — the best
     retention of all channels; 电话预约 and 人工窗口 patients retain worst.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import json
import math
import random
import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20261110
START = datetime(2025, 11, 10)  # local Asia/Shanghai; a Monday
AS_OF = datetime(2026, 11, 10)  # "today"; data ends the day before
DAYS = (AS_OF - START).days  # 365
END_MIN = DAYS * 1440.0
UTC_OFFSET = timedelta(hours=8)

CHANNELS = ("微信公众号", "支付宝小程序", "官方App", "电话预约", "人工窗口")
ONLINE = ("微信公众号", "支付宝小程序", "官方App")
DEPTS = ("内科", "外科", "儿科", "妇产科", "眼科", "口腔科")
CAMPUSES = ("东院", "西院", "南院")
AGE_BANDS = ("0-17岁", "18-39岁", "40-59岁", "60岁及以上")

# Spellings of each system
HIS_CHANNEL = {"微信公众号": "微信", "支付宝小程序": "支付宝", "官方App": "APP", "电话预约": "电话",
               "人工窗口": "窗口"}
APP_CHANNEL = {"微信公众号": "wechat_oa", "支付宝小程序": "alipay_mp", "官方App": "app"}
SURVEY_CHANNEL = {"微信公众号": "wechat", "支付宝小程序": "alipay", "官方App": "app",
                  "电话预约": "phone", "人工窗口": "counter"}
TICKET_CHANNEL = {"微信公众号": "公众号", "支付宝小程序": "支付宝小程序", "官方App": "App",
                  "电话预约": "热线电话", "人工窗口": "服务台"}

PREFERRED = {  # booking channel preference by age band
    "0-17岁": (0.40, 0.20, 0.25, 0.05, 0.10),
    "18-39岁": (0.38, 0.27, 0.25, 0.03, 0.07),
    "40-59岁": (0.38, 0.18, 0.18, 0.10, 0.16),
    "60岁及以上": (0.25, 0.06, 0.07, 0.27, 0.35),
}
EPISODES_PER_YEAR = {"官方App": 1.9, "微信公众号": 1.25, "支付宝小程序": 1.15, "电话预约": 0.85,
                     "人工窗口": 0.85}
FOLLOWUP_P = {"官方App": 0.34, "微信公众号": 0.19, "支付宝小程序": 0.16, "电话预约": 0.10,
              "人工窗口": 0.09}
PAY_P = {"微信公众号": 0.90, "支付宝小程序": 0.87, "官方App": 0.92, "电话预约": 0.72,
         "人工窗口": 0.98}
CHECKIN_P = {"微信公众号": 0.89, "支付宝小程序": 0.86, "官方App": 0.91, "电话预约": 0.80,
             "人工窗口": 0.99}
CHECKIN_DEPT = {"内科": 1.0, "外科": 1.0, "儿科": 1.03, "妇产科": 1.0, "眼科": 0.98, "口腔科": 0.93}
FEE_P = {"内科": 0.84, "外科": 0.80, "儿科": 0.86, "妇产科": 0.78, "眼科": 0.70, "口腔科": 0.90}
DRUG_P = {"内科": 0.86, "外科": 0.62, "儿科": 0.85, "妇产科": 0.60, "眼科": 0.50, "口腔科": 0.30}
REPORT_P = {"内科": 0.60, "外科": 0.55, "儿科": 0.45, "妇产科": 0.65, "眼科": 0.35, "口腔科": 0.20}
FEE_MEDIAN = {"内科": 150, "外科": 230, "儿科": 120, "妇产科": 260, "眼科": 200, "口腔科": 360}
WAIT_MEDIAN = {"东院": 35.0, "西院": 30.0, "南院": 25.0}

INCIDENT = (datetime(2026, 9, 14), datetime(2026, 9, 21))  # Alipay payments fail
EAST_DRIFT_FROM = datetime(2026, 7, 1)  # 东院 waits start to grow


def minutes(dt: datetime) -> float:
    return (dt - START).total_seconds() / 60.0


INCIDENT_MIN = (minutes(INCIDENT[0]), minutes(INCIDENT[1]))
DRIFT_MIN = minutes(EAST_DRIFT_FROM)


def at(m: float) -> datetime:
    return START + timedelta(minutes=m)


class World:
    def __init__(self) -> None:
        self.r = random.Random(SEED)
        self.his: list[dict] = []
        self.app: list[dict] = []
        self.surveys: list[dict] = []
        self.tickets: list[dict] = []
        self.patients: list[dict] = []
        self.order_seq = 0
        self.ticket_seq = 0
        self.day_cum = {d: self._day_cumulative(d) for d in DEPTS}
        self.consult_cum = self._consult_cumulative()

    # --- calendars ------------------------------------------------------------------------
    @staticmethod
    def _base_day_weight(day: date) -> float:
        w = (1.30, 1.12, 1.05, 1.0, 0.98, 0.72, 0.55)[day.weekday()]
        if date(2026, 2, 14) <= day <= date(2026, 2, 22):  # Spring Festival
            w *= 0.3
        if date(2026, 10, 1) <= day <= date(2026, 10, 7):  # National Day
            w *= 0.5
        if day in (date(2026, 1, 1), date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3)):
            w *= 0.6
        return w

    def _day_cumulative(self, dept: str) -> list[float]:
        cum, total = [], 0.0
        for i in range(DAYS):
            day = (START + timedelta(days=i)).date()
            w = self._base_day_weight(day)
            if dept == "儿科":
                w *= {11: 1.3, 12: 1.6, 1: 1.7, 2: 1.3, 3: 1.1, 7: 0.8, 8: 0.8}.get(day.month, 1.0)
            if dept == "眼科":
                w *= {7: 1.5, 8: 1.6}.get(day.month, 1.0)
            total += w
            cum.append(total)
        return cum

    def _consult_cumulative(self) -> list[float]:
        cum, total = [], 0.0
        for i in range(DAYS):
            day = (START + timedelta(days=i)).date()
            total += (0.55 + 0.9 * i / DAYS) * (0.8 if day.weekday() >= 5 else 1.0)
            cum.append(total)
        return cum

    def sample_day(self, cum: list[float], lo: int, hi: int = DAYS) -> int:
        lo = max(0, min(lo, DAYS - 1))
        a = cum[lo - 1] if lo > 0 else 0.0
        b = cum[hi - 1]
        return min(bisect.bisect_left(cum, a + self.r.random() * (b - a)), DAYS - 1)

    # --- helpers --------------------------------------------------------------------------
    def pick(self, items, weights):
        return self.r.choices(items, weights=weights)[0]

    def lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(self.r.gauss(0.0, sigma))

    def order_no(self, m: float) -> str:
        self.order_seq += 1
        return f"SF{at(m):%y%m%d}{self.order_seq:06d}"

    # --- people ---------------------------------------------------------------------------
    def make_patients(self, n: int) -> None:
        r = self.r
        card_numbers = r.sample(range(10_000_000, 99_999_999), n)
        for i in range(n):
            age = self.pick(AGE_BANDS, (0.20, 0.35, 0.27, 0.18))
            gender = "女" if r.random() < (0.5 if age == "0-17岁" else 0.56) else "男"
            pref = self.pick(CHANNELS, PREFERRED[age])
            insured_p = {"0-17岁": 0.72, "18-39岁": 0.74, "40-59岁": 0.82, "60岁及以上": 0.93}[age]
            old = r.random() < 0.5
            if old:
                reg = datetime(2018, 1, 1) + timedelta(days=r.randrange(0, (START - datetime(2018, 1, 1)).days))
                start_day = 0
            else:
                start_day = self.sample_day(self.day_cum["内科"], 0)
                reg = START + timedelta(days=start_day)
            acq = pref if r.random() < 0.8 else self.pick(CHANNELS, (0.3, 0.15, 0.15, 0.15, 0.25))
            p = {
                "i": i,
                "card": f"{card_numbers[i]:08d}",
                "phone": hashlib.md5(f"phone-{i}".encode()).hexdigest(),
                "age": age,
                "gender": gender,
                "pref": pref,
                "insured": r.random() < insured_p,
                "old": old,
                "reg": reg,
                "start_day": start_day,
                "acq": acq,
                "home": self.pick(CAMPUSES, (0.40, 0.35, 0.25)),
                "accounts": {},
                "seen_depts": set(),
                "usual_dept": None,
            }
            for ch, extra in (("微信公众号", 0.35), ("支付宝小程序", 0.12), ("官方App", 0.12)):
                if pref == ch or r.random() < extra:
                    self.account(p, ch)
            self.patients.append(p)

    def account(self, p: dict, channel: str) -> str:
        if channel not in p["accounts"]:
            h = hashlib.md5(f"{channel}-{p['i']}".encode()).hexdigest()
            p["accounts"][channel] = {
                "微信公众号": "oWx" + h[:25],
                "支付宝小程序": "2088" + str(int(h[:12], 16))[:12],
                "官方App": "A" + h[:10].upper(),
            }[channel]
        return p["accounts"][channel]

    def online_channel(self, p: dict) -> str | None:
        if p["pref"] in p["accounts"]:
            return p["pref"]
        for ch in ONLINE:
            if ch in p["accounts"]:
                return ch
        return None

    def dept_for(self, p: dict) -> str:
        if p["usual_dept"] is not None and self.r.random() < 0.6:
            return p["usual_dept"]
        age, female = p["age"], p["gender"] == "女"
        if age == "0-17岁":
            w = (0.0, 0.04, 0.72, 0.0, 0.14, 0.10)
        elif age == "18-39岁":
            w = (0.25, 0.12, 0.0, 0.33, 0.12, 0.18) if female else (0.38, 0.25, 0.0, 0.0, 0.15, 0.22)
        elif age == "40-59岁":
            w = (0.35, 0.18, 0.0, 0.17, 0.14, 0.16) if female else (0.45, 0.25, 0.0, 0.0, 0.15, 0.15)
        else:
            w = (0.52, 0.20, 0.0, 0.0, 0.18, 0.10)
        d = self.pick(DEPTS, w)
        if p["usual_dept"] is None:
            p["usual_dept"] = d
        return d

    # --- event writers --------------------------------------------------------------------
    def his_event(self, p, m, kind, channel, dept=None, campus=None, ptype=None, fee=None,
                  amount=None) -> None:
        if m < 0 or m >= END_MIN:
            return
        p["first_his"] = min(p.get("first_his", m), m)
        row = {"m": m, "card": p["card"], "kind": kind, "channel": HIS_CHANNEL[channel],
               "dept": dept or "", "campus": campus or "", "ptype": ptype or "", "fee": fee or "",
               "order": "", "amount": ""}
        if amount is not None:
            row["order"] = self.order_no(m)
            row["amount"] = f"{amount:.2f}"
        self.his.append(row)

    def app_event(self, p, m, event, channel, dept=None, campus=None, bound=True) -> None:
        if m < 0 or m >= END_MIN:
            return
        acc = self.account(p, channel) if p is not None else None
        self.app.append({"m": m, "event": event, "channel": APP_CHANNEL[channel],
                         "acc": acc, "card": (p["card"] if bound and p is not None and "card" in p else ""),
                         "dept": dept or "", "campus": campus or ""})

    def follower_event(self, openid: str, m: float, event: str, dept: str = "") -> None:
        if 0 <= m < END_MIN:
            self.app.append({"m": m, "event": event, "channel": "wechat_oa", "acc": openid,
                             "card": "", "dept": dept, "campus": ""})

    # --- journeys -------------------------------------------------------------------------
    def wait_minutes(self, campus: str, m: float) -> float:
        med = WAIT_MEDIAN[campus]
        if campus == "东院" and m > DRIFT_MIN:
            med += 60.0 * (m - DRIFT_MIN) / (END_MIN - DRIFT_MIN)
        return max(5.0, self.lognormal(med, 0.45))

    def episode(self, p: dict, visit_day: int, channel: str, dept: str, campus: str,
                followup_from: float | None = None, depth: int = 0) -> None:
        r = self.r
        # appointment slot on the visit day
        if r.random() < 0.62:
            slot = visit_day * 1440 + r.uniform(8 * 60, 11.5 * 60)
        else:
            slot = visit_day * 1440 + r.uniform(13.5 * 60, 16.5 * 60)
        ptype = "复诊" if (dept in p["seen_depts"] or (p["old"] and dept == p["usual_dept"]
                                                       and r.random() < 0.6)) else "初诊"
        if followup_from is not None:
            ptype = "复诊"
            booked = followup_from
        elif channel == "人工窗口":
            booked = slot - r.uniform(15, 90)
        else:
            lead = self.pick((0, 1, 2, 3, 4, 5, 6, 7), (0.22, 0.25, 0.15, 0.11, 0.08, 0.07, 0.06, 0.06))
            hour = r.uniform(7, 23) if channel in ONLINE else r.uniform(8, 17.5)
            booked = (visit_day - lead) * 1440 + hour * 60
            if booked >= slot - 30:
                booked = slot - r.uniform(60, 180)
            if channel in ONLINE and r.random() < 0.55:
                self.app_event(p, booked - r.uniform(1, 25), "doctor_page_view", channel, dept, campus)
                if r.random() < 0.3:
                    self.app_event(p, booked - r.uniform(26, 60), "doctor_page_view", channel, dept, campus)
            self.his_event(p, booked, "挂号", channel, dept, campus, ptype)
        if channel == "人工窗口" and followup_from is None:
            self.his_event(p, booked, "挂号", channel, dept, campus, ptype)

        # 1) pay the registration fee
        pay_p = PAY_P[channel]
        if channel == "支付宝小程序" and INCIDENT_MIN[0] <= booked < INCIDENT_MIN[1]:
            pay_p = 0.30
        if followup_from is not None:
            pay_p = min(0.97, pay_p + 0.05)
        if r.random() >= pay_p:
            if channel == "支付宝小程序" and INCIDENT_MIN[0] <= booked < INCIDENT_MIN[1]:
                if r.random() < 0.6:  # "paid but the booking failed" / "charged but no slot"
                    category = "预约失败" if r.random() < 0.7 else "收费疑问"
                    self.maybe_ticket(p, booked + r.uniform(10, 600), category, channel, dept,
                                      campus, incident=True)
            else:
                self.maybe_ticket(p, booked + r.uniform(10, 600), "预约失败", channel, dept, campus)
            return
        if channel == "电话预约":
            paid = booked + r.uniform(10, 360)
        elif channel == "人工窗口":
            paid = booked + r.uniform(1, 8)
        else:
            paid = booked + min(self.lognormal(4, 0.9), 120)
        paid = min(paid, slot - 20)
        level = self.pick(("普通", "专家", "特需"), (0.6, 0.32, 0.08))
        reg_fee = {"普通": self.pick((10.0, 15.0), (0.6, 0.4)), "专家": self.pick((30.0, 50.0), (0.7, 0.3)),
                   "特需": 100.0}[level]
        self.his_event(p, paid, "缴费", channel, dept, campus, ptype, "挂号费", reg_fee)
        if r.random() < 0.02:
            self.maybe_ticket(p, paid + r.uniform(30, 1440), "收费疑问", channel, dept, campus, force=True)

        # 2) check in on the day
        lead_days = (slot - booked) / 1440
        checkin_p = CHECKIN_P[channel] * CHECKIN_DEPT[dept] - 0.01 * max(0.0, lead_days - 3)
        if r.random() >= min(checkin_p, 0.995):
            return
        checkin = slot - r.uniform(5, 40)
        self.his_event(p, checkin, "签到", channel, dept, campus, ptype)

        # 3) the consultation
        wait = self.wait_minutes(campus, checkin)
        if r.random() >= (0.975 - 0.0004 * max(0.0, wait - 40)):
            if wait > 60:
                self.maybe_ticket(p, checkin + wait, "等候时间长", channel, dept, campus, force=True)
            return
        visit = checkin + wait
        self.his_event(p, visit, "接诊", channel, dept, campus, ptype)
        p["seen_depts"].add(dept)
        self.after_visit(p, visit, wait, channel, dept, campus)

        # 4) pay the treatment fee, 5) collect medicine
        if r.random() < FEE_P[dept]:
            t = visit + r.uniform(8, 45)
            amount = round(self.lognormal(FEE_MEDIAN[dept], 0.6), 2)
            self.his_event(p, t, "缴费", channel, dept, campus, ptype, "诊疗费", amount)
            if r.random() < 0.02:
                self.maybe_ticket(p, t + r.uniform(60, 2880), "收费疑问", channel, dept, campus, force=True)
            if r.random() < DRUG_P[dept]:
                drug = t + r.uniform(8, 40)
                self.his_event(p, drug, "发药", channel, dept, campus, ptype)
                if r.random() < 0.08:
                    self.survey(p, drug + r.uniform(60, 1800), "满意度", "取药", channel, dept, campus,
                                self.csat_score(0.88))
        # 6) look up test reports online
        online = self.online_channel(p)
        if online is not None and r.random() < REPORT_P[dept]:
            q = visit + self.lognormal(1800, 0.6)
            self.app_event(p, q, "report_query", online, dept, campus)
            if r.random() < 0.22:
                self.app_event(p, q + r.uniform(120, 4320), "report_query", online, dept, campus)

        # follow-up booking
        fp = FOLLOWUP_P[p["pref"]] * (0.5 if depth else 1.0)
        if r.random() < fp:
            book_ch = channel if channel != "人工窗口" or r.random() < 0.5 else (online or "人工窗口")
            if book_ch in ONLINE:
                tb = visit + r.uniform(30, 2880)
                self.app_event(p, tb, "followup_booking", book_ch, dept, campus)
            else:
                tb = visit + r.uniform(10, 40)
                self.his_event(p, tb, "复诊预约", book_ch, dept, campus, "复诊")
            next_day = int((visit + r.uniform(7, 28) * 1440) // 1440)
            if next_day < DAYS + 2:
                self.episode(p, next_day, book_ch, dept, campus, followup_from=tb, depth=depth + 1)

    def after_visit(self, p, visit, wait, channel, dept, campus) -> None:
        r = self.r
        excess = max(0.0, wait - 35.0)
        if r.random() < 0.30:
            sat = 0.90 - 0.0055 * excess - (0.03 if channel == "电话预约" else 0.0)
            self.survey(p, visit + r.uniform(60, 1800), "满意度", "就诊", channel, dept, campus,
                        self.csat_score(max(0.3, min(0.96, sat))))
        if r.random() < 0.10:
            promoter = max(0.15, 0.55 - 0.005 * excess)
            detractor = min(0.6, 0.12 + 0.005 * excess)
            x = r.random()
            score = (r.choice((9, 10)) if x < promoter else r.choice((0, 2, 3, 4, 5, 6))
                     if x < promoter + detractor else r.choice((7, 8)))
            self.survey(p, visit + r.uniform(60, 2880), "推荐意愿", "就诊", channel, dept, campus, score)
        if r.random() < 0.006 + 0.0012 * max(0.0, wait - 45):
            self.maybe_ticket(p, visit + r.uniform(10, 240), "等候时间长", channel, dept, campus, force=True)
        if r.random() < 0.012:
            self.maybe_ticket(p, visit + r.uniform(30, 2000), "态度问题", channel, dept, campus, force=True)

    def consult(self, p: dict, day: int) -> None:
        r = self.r
        ch = self.online_channel(p)
        if ch is None:
            return
        if p["age"] == "0-17岁":
            dept = self.pick(DEPTS, (0.1, 0.05, 0.7, 0.0, 0.08, 0.07))
        else:
            dept = self.pick(DEPTS, (0.45, 0.12, 0.0, 0.15 if p["gender"] == "女" else 0.0, 0.12, 0.12))
        campus = p["home"]
        t = day * 1440 + r.uniform(7.5 * 60, 23 * 60)
        self.app_event(p, t, "consult_start", ch, dept, campus)
        if r.random() >= 0.72:
            return
        paid = t + r.uniform(1, 40)
        fee = self.pick((19.9, 29.0, 49.0, 99.0), (0.35, 0.35, 0.2, 0.1))
        self.his_event(p, paid, "缴费", ch, dept, campus, "复诊", "诊疗费", fee)
        if r.random() < 0.25:
            self.survey(p, paid + r.uniform(60, 1440), "满意度", "在线问诊", ch, dept, campus,
                        self.csat_score(0.83))
        if r.random() < 0.6:  # prescription delivered; ~85% within 3 days
            self.his_event(p, paid + self.lognormal(1500, 0.7), "发药", ch, dept, campus, "复诊")

    # --- feedback and tickets --------------------------------------------------------------
    def csat_score(self, p_sat: float) -> int:
        r = self.r
        if r.random() < p_sat:
            return 5 if r.random() < 0.55 else 4
        return self.pick((3, 2, 1), (0.55, 0.27, 0.18))

    def survey(self, p, m, kind, scene, channel, dept, campus, score) -> None:
        if m < 0 or m >= END_MIN:
            return
        r = self.r
        comment = ""
        if r.random() < 0.25:
            good = score >= 4 if kind == "满意度" else score >= 9
            bad = score <= 2 if kind == "满意度" else score <= 6
            if good:
                comment = r.choice(("医生很耐心", "流程方便，线上缴费很快", "护士态度好", "环境干净",
                                    "预约很方便"))
            elif bad:
                comment = r.choice(("排队太久了", "等了一个多小时", "缴费流程复杂", "医生说话太快",
                                    "停车难", "叫号系统混乱"))
            else:
                comment = r.choice(("还可以", "一般", "希望能再快一点"))
        openid = p["accounts"].get("微信公众号")
        self.surveys.append({
            "submitted_at": (at(m)).strftime("%Y-%m-%dT%H:%M:%S") + "+08:00",
            "openid": openid if openid and r.random() < 0.8 else None,
            "mobile_md5": None,
            "survey_type": kind,
            "score": score,
            "scene": scene,
            "visit_channel": SURVEY_CHANNEL[channel],
            "dept": dept,
            "campus": campus,
            "comment": comment or None,
        })
        if self.surveys[-1]["openid"] is None:
            self.surveys[-1]["mobile_md5"] = p["phone"]

    def maybe_ticket(self, p, m, category, channel, dept, campus, incident=False,
                     force=False) -> None:
        r = self.r
        if not (force or incident) and r.random() >= 0.06:
            return
        if m < 0 or m >= END_MIN:
            return
        if incident:
            via = channel if r.random() < 0.85 else "电话预约"
        elif channel in ONLINE:
            via = self.pick((channel, "电话预约", "人工窗口"), (0.6, 0.25, 0.15))
        else:
            via = self.pick(("电话预约", "人工窗口"), (0.55, 0.45))
        opened = m
        if via in ONLINE:
            self.app_event(p, opened, "feedback_submit", via, dept, campus)
        # first response: working hours 08:00–17:30, median ~1.5 h in working time
        day_min = opened % 1440
        start = opened
        if day_min < 8 * 60:
            start = opened - day_min + 8 * 60
        elif day_min > 17.5 * 60:
            start = opened - day_min + 1440 + 8 * 60
        first = start + min(self.lognormal(90, 0.7), 1200)
        resolve_med = {"态度问题": 60 * 60, "收费疑问": 20 * 60, "等候时间长": 30 * 60, "预约失败": 8 * 60}
        resolved = first + self.lognormal(resolve_med[category], 0.8)
        if r.random() < 0.02:
            resolved = None
        if first >= END_MIN:
            first = None
            resolved = None
        if resolved is not None and resolved >= END_MIN:
            resolved = None
        nature_p = {"等候时间长": 0.95, "态度问题": 1.0, "收费疑问": 0.55, "预约失败": 0.7}[category]
        csat = ""
        if resolved is not None and r.random() < 0.6:
            hours = (resolved - opened) / 60
            csat = str(self.csat_score(0.8 if hours <= 24 else 0.55 if hours <= 72 else 0.35))
        unknown_phone = r.random() < 0.06
        self.ticket_seq += 1
        self.tickets.append({
            "工单编号": f"TS{at(opened):%Y%m}{self.ticket_seq:05d}",
            "联系电话MD5": hashlib.md5(f"other-{self.ticket_seq}".encode()).hexdigest()
            if unknown_phone else p["phone"],
            "就诊卡号": p["card"] if (not unknown_phone or r.random() < 0.5) else "",
            "受理渠道": TICKET_CHANNEL[via],
            "创建时间": f"{at(opened):%Y-%m-%d %H:%M}",
            "首次响应时间": f"{at(first):%Y-%m-%d %H:%M}" if first is not None else "",
            "办结时间": f"{at(resolved):%Y-%m-%d %H:%M}" if resolved is not None else "",
            "问题分类": category,
            "工单性质": "投诉" if r.random() < nature_p else "咨询",
            "回访满意度": csat,
            "涉及科室": dept,
            "涉及院区": campus,
        })

    # --- the year -------------------------------------------------------------------------
    def simulate(self) -> None:
        r = self.r
        self.make_patients(6400)
        for p in self.patients:
            lam = EPISODES_PER_YEAR[p["pref"]] * (1.25 if p["age"] == "60岁及以上" else 1.0)
            if p["old"]:
                k = self.poisson(lam)
                first_day = None
            else:
                frac = (DAYS - p["start_day"]) / DAYS
                k = 1 + self.poisson(lam * frac * 0.8)
                first_day = p["start_day"]
            for j in range(k):
                dept = self.dept_for(p)
                channel = p["pref"] if r.random() < 0.8 else self.pick(CHANNELS, (0.34, 0.2, 0.2, 0.1, 0.16))
                if channel in ONLINE:
                    self.account(p, channel)
                if j == 0 and first_day is not None:
                    day = min(first_day + self.pick((0, 1, 2, 3), (0.4, 0.3, 0.2, 0.1)), DAYS - 1)
                else:
                    day = self.sample_day(self.day_cum[dept], p["start_day"])
                campus = p["home"] if r.random() < 0.85 else self.pick(CAMPUSES, (0.4, 0.35, 0.25))
                self.episode(p, day, channel, dept, campus)
            # online consultations (internet hospital: follow-up patients only)
            if self.online_channel(p) is not None and (p["seen_depts"] or p["old"]):
                for _ in range(self.poisson(0.42 if p["pref"] in ONLINE else 0.15)):
                    self.consult(p, self.sample_day(self.consult_cum, p["start_day"]))
            # following the WeChat official account
            if "微信公众号" in p["accounts"]:
                if p["old"]:
                    m = r.uniform(-3 * 365 * 1440, END_MIN)
                else:
                    m = p["start_day"] * 1440 - r.uniform(0, 3 * 1440) + r.uniform(0, 1440)
                if r.random() < 0.85:
                    self.app_event(p, m, "subscribe", "微信公众号", bound=False)
        # followers of the official account who never became patients
        for i in range(1500):
            openid = "oWx" + hashlib.md5(f"follower-{i}".encode()).hexdigest()[:25]
            m = self.sample_day(self.day_cum["内科"], 0) * 1440 + r.uniform(7 * 60, 23.5 * 60)
            self.follower_event(openid, m, "subscribe")
            for _ in range(self.pick((0, 1, 2, 3), (0.55, 0.25, 0.12, 0.08))):
                self.follower_event(openid, m + r.uniform(1, 20 * 1440), "doctor_page_view",
                                    self.pick(DEPTS, (0.3, 0.15, 0.2, 0.15, 0.1, 0.1)))

    def finish(self) -> None:
        """A new patient's file (建档) is opened at their first contact with the HIS."""
        for p in self.patients:
            if not p["old"] and "first_his" in p:
                p["reg"] = at(p["first_his"]).replace(hour=0, minute=0, second=0, microsecond=0)

    def poisson(self, lam: float) -> int:
        # Knuth; lam is small
        limit, k, prod = math.exp(-lam), 0, self.r.random()
        while prod > limit:
            k += 1
            prod *= self.r.random()
        return k

    # --- files ----------------------------------------------------------------------------
    def write(self, folder: Path) -> None:
        r = random.Random(SEED + 1)
        (folder / "his").mkdir()
        (folder / "analytics").mkdir()
        (folder / "empi").mkdir()
        (folder / "survey").mkdir()
        (folder / "complaints").mkdir()

        his_header = ["就诊卡号", "业务时间", "业务类型", "挂号来源", "科室", "院区", "初复诊", "费用类别",
                      "单据号", "金额"]
        rows = sorted(self.his, key=lambda e: (e["m"], e["card"], e["kind"]))
        months: dict[str, list[list[str]]] = {}
        for e in rows:
            t = at(e["m"])
            months.setdefault(f"{t:%Y%m}", []).append(
                [e["card"], f"{t:%Y/%m/%d %H:%M:%S}", e["kind"], e["channel"], e["dept"], e["campus"],
                 e["ptype"], e["fee"], e["order"], e["amount"]])
        # an export glitch: a few rows exported twice, and three impossible dates (29 Feb 2026)
        dup_month = "202603"
        for line in r.sample(months[dup_month], 12):
            months[dup_month].append(list(line))
        for line in r.sample(months["202602"], 3):
            bad = list(line)
            bad[1] = "2026/02/29" + bad[1][10:]
            months["202602"].append(bad)
        for month, lines in sorted(months.items()):
            with open(folder / "his" / f"outpatient_{month}.csv", "w", encoding="gb18030",
                      newline="") as f:
                w = csv.writer(f)
                w.writerow(his_header)
                w.writerows(lines)

        app_header = ["event_time", "event", "platform", "openid", "alipay_user_id", "app_user_id",
                      "card_no", "dept_name", "campus_name"]
        by_month: dict[str, list[list[str]]] = {}
        for e in sorted(self.app, key=lambda e: (e["m"], e["acc"] or "", e["event"])):
            local = at(e["m"])
            utc = (local - UTC_OFFSET).replace(tzinfo=timezone.utc)
            ids = {"wechat_oa": ["", "", ""], "alipay_mp": ["", "", ""], "app": ["", "", ""]}[e["channel"]]
            ids[("wechat_oa", "alipay_mp", "app").index(e["channel"])] = e["acc"] or ""
            by_month.setdefault(f"{local:%Y%m}", []).append(
                [utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(e['m'] * 60000) % 1000:03d}Z", e["event"],
                 e["channel"], *ids, e["card"], e["dept"], e["campus"]])
        # two tracking rows that lost their ids
        by_month["202605"].append(["2026-05-12T02:11:09.000Z", "subscribe", "wechat_oa", "", "", "", "",
                                   "", ""])
        by_month["202605"].append(["2026-05-19T13:40:51.000Z", "doctor_page_view", "wechat_oa", "", "",
                                   "", "", "内科", ""])
        for month, lines in sorted(by_month.items()):
            with open(folder / "analytics" / f"events_{month}.csv", "w", encoding="utf-8",
                      newline="") as f:
                w = csv.writer(f)
                w.writerow(app_header)
                w.writerows(lines)

        with open(folder / "empi" / "patient_master.csv", "w", encoding="gb18030", newline="") as f:
            w = csv.writer(f)
            w.writerow(["就诊卡号", "手机号MD5", "微信OpenID", "支付宝UserID", "App账号", "性别", "年龄段",
                        "是否医保", "建档日期", "建档渠道"])
            for p in self.patients:
                a = p["accounts"]
                w.writerow([p["card"], p["phone"], a.get("微信公众号", ""), a.get("支付宝小程序", ""),
                            a.get("官方App", ""), p["gender"], p["age"], "是" if p["insured"] else "否",
                            f"{p['reg']:%Y-%m-%d}", HIS_CHANNEL[p["acq"]]])

        with open(folder / "survey" / "responses.jsonl", "w", encoding="utf-8") as f:
            for s in sorted(self.surveys, key=lambda s: s["submitted_at"]):
                f.write(json.dumps({k: v for k, v in s.items() if v is not None},
                                   ensure_ascii=False) + "\n")

        with open(folder / "complaints" / "tickets_export.csv", "w", encoding="utf-8-sig",
                  newline="") as f:
            header = ["工单编号", "联系电话MD5", "就诊卡号", "受理渠道", "创建时间", "首次响应时间", "办结时间",
                      "问题分类", "工单性质", "回访满意度", "涉及科室", "涉及院区"]
            w = csv.DictWriter(f, fieldnames=header)
            w.writeheader()
            for t in sorted(self.tickets, key=lambda t: t["创建时间"]):
                w.writerow(t)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    from connectors.ingest import ingest

    world = World()
    world.simulate()
    world.finish()
    with tempfile.TemporaryDirectory(prefix="hospital-sources-") as tmp:
        folder = Path(tmp)
        world.write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
