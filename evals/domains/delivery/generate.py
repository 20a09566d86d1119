"""Build the delivery domain's database: `python generate.py OUT.duckdb`.

"FanKuai 饭快外卖" is a food-delivery platform in Shanghai, Hangzhou, Chengdu and Wuhan, ordered
from an iOS app, an Android app, a WeChat mini program, an Alipay mini program and an H5 web page.
This script simulates one year of its business (2025-03-20 .. 2026-03-19, "today" = 2026-03-20)
with a fixed seed, writes the exports of its own systems (their own column names and spellings)
into a temporary folder, and loads them with `connectors.ingest.ingest` and `ingest.yaml`:

  exports/sensors_events.csv   app-analytics tool (Sensors-style) event export, all five platforms
  exports/oms_orders.csv       order management system: paid orders (amount, coupon, order type)
  exports/dispatch_deliveries.jsonl  rider dispatch system: delivered orders, UTC timestamps
  exports/rider_ratings.csv    rider dispatch system: rider star ratings (1–5)
  exports/nps_wjx.csv          NPS survey export (问卷星), UTF-8 with BOM, Chinese headers
  exports/kefu_tickets.csv     customer-service ticket export, GB18030, Chinese headers
  exports/crm_members.csv      CRM member list (member no., phone hash, super-member flag)
  exports/marketing_spend.csv  the growth team's spend sheet (per day, channel, campaign)

Planted stories (see description.md): an Android payment incident (2025-12-08..14), Wuhan
deliveries slowly getting later from 2026-01-05, the Spring Festival dip around 2026-02-17, the
"spring coupon week" promotion 2026-03-02..08, and WeChat mini program users retaining best.

Only the standard library, numpy and duckdb (through the ingest API) are used; nothing is
downloaded.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20260320
START = dt.datetime(2025, 3, 20)  # first day of data (local time, Asia/Shanghai)
DAYS = 365
END = START + dt.timedelta(days=DAYS)  # 2026-03-20 00:00 = as_of; nothing at or after it
END_S = DAYS * 86400.0

N_MEMBERS = 1500  # registered customers (CRM members)
PRE_WINDOW_SHARE = 0.35  # registered before the data window
N_ANON = 900  # visitors who never log in

CITIES = ["Shanghai", "Hangzhou", "Chengdu", "Wuhan"]
CITY_P = [0.34, 0.26, 0.22, 0.18]
CITY_SENSORS = {"Shanghai": "上海", "Hangzhou": "杭州", "Chengdu": "成都", "Wuhan": "武汉"}
CITY_CODE = {"Shanghai": "SH", "Hangzhou": "HZ", "Chengdu": "CD", "Wuhan": "WH"}
CITY_CRM = {"Shanghai": "上海市", "Hangzhou": "杭州市", "Chengdu": "成都市", "Wuhan": "武汉市"}

CHANNELS = ["ios_app", "android_app", "wechat_mini", "alipay_mini", "h5"]
CH_P = [0.24, 0.30, 0.26, 0.12, 0.08]
CH_SENSORS = {
    "ios_app": "iOS",
    "android_app": "Android",
    "wechat_mini": "WeChat_MP",
    "alipay_mini": "Alipay_MP",
    "h5": "H5",
}
# The OMS has no H5 client: H5 checkouts are paid in the Alipay mini program cashier.
CH_OMS = {
    "ios_app": "IOS_APP",
    "android_app": "ANDROID_APP",
    "wechat_mini": "WX_MINI",
    "alipay_mini": "ALI_MINI",
    "h5": "ALI_MINI",
}
CH_CN = {
    "ios_app": "iOS App",
    "android_app": "安卓App",
    "wechat_mini": "微信小程序",
    "alipay_mini": "支付宝小程序",
    "h5": "H5网页",
}
LAUNCH_EVENT = {
    "ios_app": "$AppStart",
    "android_app": "$AppStart",
    "wechat_mini": "$MPLaunch",
    "alipay_mini": "$MPLaunch",
    "h5": "H5_Home",
}
# checkout conversion and retention (mean active lifetime in days) per main channel
CH_CHECKOUT = {"ios_app": 1.05, "android_app": 1.0, "wechat_mini": 1.08, "alipay_mini": 0.97,
               "h5": 0.80}  # fmt: skip
CH_LIFETIME = {"ios_app": 220.0, "android_app": 170.0, "wechat_mini": 560.0, "alipay_mini": 160.0,
               "h5": 80.0}  # fmt: skip
CH_ONE_AND_DONE = {
    "ios_app": 0.22,
    "android_app": 0.28,
    "wechat_mini": 0.10,
    "alipay_mini": 0.30,
    "h5": 0.45,
}  # new customers who never come back after their first day
CH_GROUPBUY = {"ios_app": 0.05, "android_app": 0.05, "wechat_mini": 0.16, "alipay_mini": 0.06,
               "h5": 0.03}  # fmt: skip

CUISINES = ["hotpot", "noodles", "fast_food", "bubble_tea", "bbq"]
CUISINE_SENSORS = {"hotpot": "火锅", "noodles": "面馆", "fast_food": "快餐简餐",
                   "bubble_tea": "奶茶饮品", "bbq": "烧烤"}  # fmt: skip
CUISINE_OMS = {"hotpot": "HOTPOT", "noodles": "NOODLE", "fast_food": "FASTFOOD",
               "bubble_tea": "TEA", "bbq": "BBQ"}  # fmt: skip
CUISINE_PRICE = {"hotpot": 138.0, "noodles": 29.0, "fast_food": 36.0, "bubble_tea": 24.0,
                 "bbq": 82.0}  # fmt: skip
CITY_CUISINE = {  # local tastes: Chengdu hotpot, Wuhan noodles (热干面), Hangzhou tea
    "Shanghai": [1.0, 1.0, 1.1, 1.1, 0.9],
    "Hangzhou": [0.9, 1.0, 1.0, 1.35, 0.9],
    "Chengdu": [1.9, 0.9, 0.9, 1.0, 1.2],
    "Wuhan": [1.0, 1.7, 1.0, 0.9, 1.0],
}

# campaign ids: the analytics tool, the OMS and the spend sheet each spell them their own way
CAMPAIGN_SENSORS = {"new_user_gift": "新人红包", "weekend_deal": "周末特惠",
                    "cny_red_packet": "春节红包", "spring_coupon_week": "春季满减周"}  # fmt: skip
CAMPAIGN_OMS = {"new_user_gift": "NEWUSER", "weekend_deal": "WEEKEND", "cny_red_packet": "CNY26",
                "spring_coupon_week": "SPRING26"}  # fmt: skip
CAMPAIGN_SHEET = {"always_on": "日常投放", "new_user_gift": "新人红包",
                  "cny_red_packet": "春节红包", "spring_coupon_week": "春季满减周"}  # fmt: skip
CATEGORY_CN = {"late_delivery": "配送超时", "missing_item": "漏送/错送", "refund": "退款申请"}
DISCOUNT = {"new_user_gift": 15.0, "weekend_deal": 6.0, "cny_red_packet": 10.0,
            "spring_coupon_week": 12.0, None: 5.0}  # fmt: skip


# Stories (day numbers from START)
def day_of(d: dt.date) -> int:
    return (d - START.date()).days


INCIDENT = (day_of(dt.date(2025, 12, 8)), day_of(dt.date(2025, 12, 15)))  # Android pay bug
WUHAN_FROM = day_of(dt.date(2026, 1, 5))  # Wuhan deliveries get later, day by day
CNY_DAY = day_of(dt.date(2026, 2, 17))  # 春节 (Spring Festival)
CNY_RED = (day_of(dt.date(2026, 2, 10)), day_of(dt.date(2026, 2, 25)))  # red-packet campaign
PROMO = (day_of(dt.date(2026, 3, 2)), day_of(dt.date(2026, 3, 9)))  # spring coupon week


def in_range(day: int, r: tuple[int, int]) -> bool:
    return r[0] <= day < r[1]


# ---------------------------------------------------------------------------------------------
# Calendar: how busy each day is, per city
# ---------------------------------------------------------------------------------------------
WEEKDAY = np.array([0.9, 0.9, 0.95, 1.0, 1.15, 1.22, 1.1])  # Monday .. Sunday
CNY_DEPTH = {"Shanghai": 0.68, "Hangzhou": 0.62, "Chengdu": 0.38, "Wuhan": 0.45}


def day_multipliers() -> dict[str, np.ndarray]:
    days = np.arange(DAYS)
    weekday = np.array([(START + dt.timedelta(days=int(d))).weekday() for d in days])
    base = WEEKDAY[weekday] * (1.0 + 0.15 * days / DAYS)  # slow growth over the year
    promo = np.where((days >= PROMO[0]) & (days < PROMO[1]), 1.45, 1.0)
    out = {}
    for city in CITIES:
        # the holiday: people go home, restaurants close; deepest on 除夕/初一, back by ~02-26
        dist = np.abs(days - CNY_DAY + 0.5)
        shape = np.clip(1.0 - dist / 9.0, 0.0, 1.0) ** 0.7
        cny = 1.0 - CNY_DEPTH[city] * shape
        out[city] = base * promo * cny
    return out


HOUR_W = np.array([0.4, 0.3, 0.15, 0.05, 0.03, 0.05, 0.3, 0.9, 1.2, 0.9, 1.8, 4.2, 4.6, 2.2,
                   1.2, 1.5, 1.6, 3.2, 4.4, 3.6, 2.0, 1.6, 1.3, 0.8])  # fmt: skip
HOUR_P = HOUR_W / HOUR_W.sum()


def cuisine_weights(hour: int) -> list[float]:
    if 6 <= hour < 10:
        return [0.02, 0.45, 0.4, 0.13, 0.0]
    if 10 <= hour < 14:
        return [0.1, 0.3, 0.4, 0.15, 0.05]
    if 14 <= hour < 17:
        return [0.03, 0.1, 0.2, 0.57, 0.1]
    if 17 <= hour < 21:
        return [0.3, 0.15, 0.2, 0.15, 0.2]
    return [0.1, 0.15, 0.15, 0.1, 0.5]


# ---------------------------------------------------------------------------------------------
# Simulation
# ---------------------------------------------------------------------------------------------
class World:
    def __init__(self) -> None:
        self.rng = np.random.default_rng(SEED)
        self.mult = day_multipliers()
        self.sensors: list[list] = []  # analytics export rows
        self.orders: list[list] = []  # OMS rows
        self.deliveries: list[dict] = []  # dispatch JSONL rows
        self.ratings: list[list] = []
        self.nps: list[list] = []
        self.tickets: list[list] = []
        self.members: list[list] = []
        self.spend: list[list] = []
        self.session_no = 0
        self.order_no = 0
        self.ticket_no = 0
        self.rating_no = 0
        self.used_ids: set[str] = set()

    # -- ids ---------------------------------------------------------------------------------
    def _unique(self, make) -> str:
        while True:
            value = make()
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def hexid(self, n: int) -> str:
        return "".join(self.rng.choice(list("0123456789abcdef"), n))

    def channel_id(self, channel: str) -> str:
        r = self.rng
        if channel in ("ios_app", "android_app"):
            return self._unique(lambda: "d_" + self.hexid(14))
        if channel == "wechat_mini":
            alphabet = list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            return self._unique(lambda: "oW3x" + "".join(r.choice(alphabet, 24)))
        if channel == "alipay_mini":
            return self._unique(lambda: "2088" + "".join(r.choice(list("0123456789"), 12)))
        return self._unique(lambda: "h5_" + self.hexid(16))

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def stamp(seconds: float) -> dt.datetime:
        return START + dt.timedelta(seconds=float(seconds))

    def sensors_row(self, t, event, person, channel, login=True, session="", city=None,
                    cuisine=None, campaign=None, order_no="") -> None:  # fmt: skip
        if t >= END_S:
            return
        ts = self.stamp(t)
        self.sensors.append([
            ts.strftime("%Y-%m-%d %H:%M:%S.") + f"{ts.microsecond // 1000:03d}",
            person["ids"][channel],
            person["member_no"] if (login and person["member_no"]) else "",
            event,
            CH_SENSORS[channel],
            CITY_SENSORS[city or person["city"]],
            CUISINE_SENSORS[cuisine] if cuisine else "",
            CAMPAIGN_SENSORS[campaign] if campaign else "",
            order_no,
            session,
        ])  # fmt: skip

    # -- people ------------------------------------------------------------------------------
    def make_members(self) -> list[dict]:
        r = self.rng
        reg_weights = np.ones(DAYS) * (1.0 + 0.3 * np.arange(DAYS) / DAYS)
        reg_weights[PROMO[0] : PROMO[1]] *= 4.0
        reg_weights[CNY_RED[0] : CNY_RED[1]] *= 0.6
        reg_weights /= reg_weights.sum()
        people = []
        member_numbers = r.choice(np.arange(1_000_000, 9_999_999), N_MEMBERS, replace=False)
        for i in range(N_MEMBERS):
            city = CITIES[r.choice(4, p=CITY_P)]
            main = CHANNELS[r.choice(5, p=CH_P)]
            pre = r.random() < PRE_WINDOW_SHARE
            if pre:
                reg_day = -int(r.integers(1, 1000))
                reg_s = reg_day * 86400.0 + r.uniform(8, 22) * 3600
            else:
                reg_day = int(r.choice(DAYS, p=reg_weights))
                reg_s = None  # set by the first session
            svip_p = {"ios_app": 0.30, "wechat_mini": 0.24}.get(main, 0.16)
            svip = bool(r.random() < (svip_p * (1.4 if pre else 1.0)))
            lifetime = CH_LIFETIME[main] * (1.6 if svip else 1.0)
            first = max(reg_day, 0)
            last = min(DAYS, first + int(r.exponential(lifetime)) + 1)
            if not pre and r.random() < CH_ONE_AND_DONE[main]:
                last = first + 1
            rate = float(np.exp(r.normal(np.log(0.036), 0.55))) * (1.9 if svip else 1.0)
            phone = "1" + str(r.choice([3, 5, 7, 8, 9])) + "".join(map(str, r.integers(0, 10, 9)))
            person = {
                "member_no": f"M{member_numbers[i]}",
                "phone_md5": hashlib.md5(phone.encode()).hexdigest(),
                "city": city,
                "main": main,
                "svip": svip,
                "pre": pre,
                "reg_day": reg_day,
                "reg_s": reg_s,
                "first": first,
                "last": last,
                "rate": rate,
                "ids": {},
            }
            for ch in CHANNELS:
                person["ids"][ch] = self.channel_id(ch)
            people.append(person)
        return people

    # -- sessions ----------------------------------------------------------------------------
    def session_starts(self, person: dict) -> list[tuple[int, float]]:
        r = self.rng
        days = np.arange(person["first"], person["last"])
        if len(days) == 0:
            return []
        rate = person["rate"] * self.mult[person["city"]][days]
        honeymoon = (days - person["first"]) < 14
        if not person["pre"]:
            rate = np.where(honeymoon, rate * 1.8, rate)
        counts = r.poisson(rate)
        if not person["pre"]:
            counts[0] = max(counts[0], 1)  # registers in their first session
        starts = []
        for d, c in zip(days, counts, strict=True):
            for _ in range(int(c)):
                hour = int(r.choice(24, p=HOUR_P))
                starts.append(int(d) * 86400.0 + hour * 3600 + r.uniform(0, 3600))
        starts.sort()
        spaced: list[float] = []
        for s in starts:  # sessions of one person at least 2 hours apart
            if spaced and s < spaced[-1] + 7200:
                s = spaced[-1] + 7200 + r.uniform(0, 1800)
            spaced.append(s)
        return [(int(s // 86400), s) for s in spaced if s < END_S]

    def pick_channel(self, person: dict) -> str:
        r = self.rng
        if r.random() < 0.86:
            return person["main"]
        others = [c for c in CHANNELS if c != person["main"]]
        w = np.array([CH_P[CHANNELS.index(c)] for c in others])
        return others[r.choice(len(others), p=w / w.sum())]

    def new_session_id(self) -> str:
        self.session_no += 1
        return f"s{self.session_no:07d}"

    def new_order_no(self, t: float) -> str:
        self.order_no += 1
        return f"{self.stamp(t):%y%m%d}{self.order_no:06d}"

    # -- one person ----------------------------------------------------------------------------
    def simulate_member(self, person: dict) -> None:
        r = self.rng
        sessions = self.session_starts(person)
        for k, (day, t) in enumerate(sessions):
            channel = person["main"] if k == 0 else self.pick_channel(person)
            first_ever = k == 0 and not person["pre"]
            if first_ever:
                person["reg_s"] = t + r.uniform(30, 120)
            if r.random() < CH_GROUPBUY[channel] * (1.2 if day >= PROMO[0] else 1.0):
                self.group_buy_session(person, channel, day, t, first_ever)
            else:
                self.order_session(person, channel, day, t, first_ever)
        if person["reg_s"] is None:  # a registration day after their last session: never seen
            person["reg_s"] = person["reg_day"] * 86400.0 + r.uniform(9, 21) * 3600

    def coupon(self, person: dict, day: int, first_ever: bool) -> str | None:
        """The campaign whose coupon the person claims at the start of a session, if any."""
        r = self.rng
        weekday = (START + dt.timedelta(days=day)).weekday()
        if first_ever and r.random() < 0.8:
            return "new_user_gift"
        if in_range(day, PROMO) and r.random() < 0.62:
            return "spring_coupon_week"
        if in_range(day, CNY_RED) and r.random() < 0.25:
            return "cny_red_packet"
        if weekday >= 5 and r.random() < 0.10:
            return "weekend_deal"
        return None

    def order_session(self, person, channel, day, t, first_ever) -> None:
        r = self.rng
        sid = self.new_session_id()
        city = person["city"]
        login = not first_ever
        if channel == "h5":  # H5 pages only know the member after login at checkout
            login = False
        self.sensors_row(t, LAUNCH_EVENT[channel], person, channel, login, sid)
        t += r.uniform(3, 25)
        campaign = self.coupon(person, day, first_ever)
        if campaign:
            self.sensors_row(t, "coupon_receive", person, channel, login, sid, campaign=campaign)
            t += r.uniform(5, 40)
        if r.random() < 0.9:
            self.sensors_row(t, "search_submit", person, channel, login, sid)
            t += r.uniform(8, 90)
        if first_ever:
            login = True  # registers (phone + code) before looking at restaurants
        promo = in_range(day, PROMO) and campaign is not None
        if r.random() >= 0.79 * (1.05 if promo else 1.0):
            return
        hour = int((t % 86400) // 3600)
        w = np.array(cuisine_weights(hour)) * np.array(CITY_CUISINE[city])
        cuisine = CUISINES[r.choice(5, p=w / w.sum())]
        for _ in range(1 + int(r.random() < 0.2)):
            self.sensors_row(t, "shop_view", person, channel, login, sid, cuisine=cuisine)
            t += r.uniform(15, 150)
        if r.random() >= 0.72 * (1.08 if person["svip"] else 1.0):
            return
        for _ in range(1 + int(r.poisson(0.35))):
            self.sensors_row(t, "add_cart", person, channel, login, sid, cuisine=cuisine)
            t += r.uniform(10, 120)
        p_checkout = 0.70 * CH_CHECKOUT[channel] * (1.1 if person["svip"] else 1.0)
        p_checkout *= 1.12 if promo else 1.0
        if r.random() >= min(p_checkout, 0.97):
            return
        if channel == "h5":
            login = True
        order_no = self.new_order_no(t)
        self.sensors_row(t, "submit_order", person, channel, login, sid, cuisine=cuisine,
                         order_no=order_no)  # fmt: skip
        t += r.uniform(8, 100)
        p_pay = 0.90 * (1.04 if campaign else 1.0)
        if channel == "android_app" and in_range(day, INCIDENT):
            p_pay = 0.38  # the payment SDK upgrade broke WeChat Pay on Android
        if r.random() >= min(p_pay, 0.98):
            return
        wallet = r.random() < (0.16 if not person["svip"] else 0.28)
        self.paid_order(person, channel, t, cuisine, order_no, campaign, wallet, "NORMAL")

    def group_buy_session(self, person, channel, day, t, first_ever) -> None:
        r = self.rng
        sid = self.new_session_id()
        login = not first_ever and channel != "h5"
        self.sensors_row(t, LAUNCH_EVENT[channel], person, channel, login, sid)
        t += r.uniform(3, 30)
        hour = int((t % 86400) // 3600)
        w = np.array(cuisine_weights(hour)) * np.array(CITY_CUISINE[person["city"]])
        cuisine = CUISINES[r.choice(5, p=w / w.sum())]
        self.sensors_row(t, "groupbuy_view", person, channel, login, sid, cuisine=cuisine)
        t += r.uniform(10, 120)
        if r.random() >= 0.48:
            return
        login = True
        order_no = self.new_order_no(t)
        self.sensors_row(t, "groupbuy_join", person, channel, login, sid, cuisine=cuisine,
                         order_no=order_no)  # fmt: skip
        if r.random() >= 0.74:
            return  # the group never filled up
        u = r.random()  # the group fills up: pay now, later today, or after more than a day
        if u < 0.62:
            wait = r.uniform(60, 1800)
        elif u < 0.9:
            wait = r.uniform(1, 20) * 3600
        else:
            wait = r.uniform(25, 44) * 3600
        self.paid_order(person, channel, t + wait, cuisine, order_no, None, False, "GROUP")

    def paid_order(self, person, channel, t, cuisine, order_no, campaign, wallet, kind) -> None:
        r = self.rng
        if t >= END_S:
            return
        day = int(t // 86400)
        city = person["city"]
        if kind == "GROUP":
            amount = float(r.choice([19.9, 29.9, 39.9, 59.9], p=[0.3, 0.35, 0.25, 0.1]))
            if cuisine == "hotpot":
                amount += 60
            coupon_used = False
        else:
            base = CUISINE_PRICE[cuisine] * float(np.exp(r.normal(0, 0.28)))
            fee = 0.0 if person["svip"] else float(r.choice([3.0, 4.0, 5.0]))
            coupon_used = campaign is not None or wallet
            discount = DISCOUNT[campaign] if coupon_used else 0.0
            amount = max(round(base + fee - discount, 1), 8.8)
        self.orders.append([
            order_no,
            person["member_no"],
            self.stamp(t - r.uniform(20, 90)).strftime("%Y-%m-%d %H:%M:%S"),
            self.stamp(t).strftime("%Y-%m-%d %H:%M:%S"),
            f"{amount:.2f}",
            CH_OMS[channel],
            CITY_CODE[city],
            CUISINE_OMS[cuisine],
            "Y" if coupon_used else "N",
            CAMPAIGN_OMS[campaign] if campaign else "",
            kind,
        ])  # fmt: skip
        order_channel = "alipay_mini" if channel == "h5" else channel
        # -- delivery ------------------------------------------------------------------------
        if r.random() < 0.014:  # restaurant cancels: refund
            self.ticket(person, order_channel, t + r.uniform(600, 2400), "refund", day)
            return
        mean = 31.0 + (4.0 if cuisine == "hotpot" else 0.0)
        if city == "Wuhan" and day >= WUHAN_FROM:
            mean += 17.0 * (day - WUHAN_FROM) / (DAYS - WUHAN_FROM)  # slowly worse
        if abs(day - CNY_DAY) <= 5:
            mean += 8.0  # few riders over the holiday
        hour = int((t % 86400) // 3600)
        if hour in (11, 12, 18, 19):
            mean += 3.0
        minutes = int(max(12, r.normal(mean, 8.5)))
        promised = 45 if cuisine == "hotpot" else 40
        late = minutes > promised
        delivered = t + minutes * 60 + r.uniform(0, 59)
        if delivered >= END_S:
            return
        utc = self.stamp(delivered) - dt.timedelta(hours=8)
        self.deliveries.append({
            "order_no": order_no,
            "member_no": person["member_no"],
            "client": CH_OMS[channel],
            "city_code": CITY_CODE[city],
            "category": CUISINE_OMS[cuisine],
            "rider_id": f"R{int(r.integers(10000, 99999))}",
            "delivered_at": utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "delivery_minutes": minutes,
            "promised_minutes": promised,
            "overtime": bool(late),
        })  # fmt: skip
        # -- complaints while waiting / after delivery -----------------------------------------
        if late and r.random() < min(0.12 + 0.02 * (minutes - promised), 0.55):
            opened = t + promised * 60 + r.uniform(0, max(60.0, (minutes - promised) * 60))
            self.ticket(person, order_channel, opened, "late_delivery", day)
        if r.random() < 0.018:
            self.ticket(person, order_channel, delivered + r.uniform(300, 3600), "missing_item",
                        day)  # fmt: skip
        # -- rider rating --------------------------------------------------------------------
        if r.random() < (0.45 if late else 0.33):
            rated = delivered + r.uniform(120, 5400)
            if rated < END_S:
                self.rate(person, order_channel, rated, order_no, cuisine, minutes, promised)
        # -- NPS survey (sent to some customers after an order) ------------------------------
        if r.random() < 0.2:
            answered = delivered + r.uniform(1, 3) * 86400
            if answered < END_S:
                self.nps_answer(person, answered, day, minutes - promised)

    def rate(self, person, channel, t, order_no, cuisine, minutes, promised) -> None:
        r = self.rng
        late_by = minutes - promised
        if late_by <= 0:
            p = [0.02, 0.02, 0.05, 0.17, 0.74]
        elif late_by <= 10:
            p = [0.07, 0.10, 0.23, 0.30, 0.30]
        else:
            p = [0.24, 0.20, 0.24, 0.20, 0.12]
        stars = int(r.choice([1, 2, 3, 4, 5], p=p))
        tags = {5: ["准时送达", "态度很好", "送餐快"], 4: ["送餐快", "态度很好", ""],
                3: ["一般", "", "送达稍慢"], 2: ["送餐超时", "餐品洒漏"],
                1: ["送餐超时", "联系不上骑手", "餐品洒漏"]}  # fmt: skip
        tag = str(r.choice(tags[stars]))
        self.rating_no += 1
        self.ratings.append([
            f"RT{self.rating_no:07d}",
            order_no,
            person["member_no"],
            CH_OMS[channel],
            self.stamp(t).strftime("%Y-%m-%d %H:%M:%S"),
            stars,
            tag,
        ])  # fmt: skip
        self.sensors_row(t - r.uniform(1, 5), "rider_rate", person, channel, True,
                         self.new_session_id(), cuisine=cuisine, order_no=order_no)  # fmt: skip

    def nps_answer(self, person, t, day, late_by) -> None:
        r = self.rng
        promoter, detractor = (0.50, 0.16) if person["svip"] else (0.40, 0.22)
        if person["city"] == "Wuhan" and day >= WUHAN_FROM:
            shift = 0.30 * (day - WUHAN_FROM) / (DAYS - WUHAN_FROM)
            promoter, detractor = promoter - shift, detractor + shift
        if late_by > 10:
            promoter, detractor = promoter - 0.15, detractor + 0.2
        promoter, detractor = max(promoter, 0.05), min(detractor, 0.9)
        u = r.random()
        if u < promoter:
            score = int(r.choice([9, 10], p=[0.45, 0.55]))
        elif u < promoter + detractor:
            score = int(r.choice(range(7), p=[0.1, 0.05, 0.08, 0.12, 0.15, 0.2, 0.3]))
        else:
            score = int(r.choice([7, 8]))
        notes = {"high": ["很方便", "红包多", "骑手很快", ""], "mid": ["还行", "配送费有点贵", ""],
                 "low": ["经常超时", "客服处理太慢", "漏送了还不退款", "优惠少"]}  # fmt: skip
        band = "high" if score >= 9 else ("mid" if score >= 7 else "low")
        ts = self.stamp(t)
        self.nps.append([
            len(self.nps) + 1,
            f"{ts.year}/{ts.month}/{ts.day} {ts.hour}:{ts.minute:02d}:{ts.second:02d}",
            person["member_no"],
            score,
            str(r.choice(notes[band])),
        ])  # fmt: skip

    def ticket(self, person, channel, opened, category, day) -> None:
        r = self.rng
        if opened >= END_S:
            return
        hotline = r.random() < 0.15
        via = "hotline" if hotline else channel
        slow = 2.2 if abs(day - CNY_DAY) <= 5 else 1.0
        first = opened + 60 * float(np.exp(r.normal(np.log(1.2 if hotline else 3.5), 0.6))) * slow
        median_h = {"late_delivery": 1.2, "missing_item": 4.5, "refund": 20.0}[category]
        resolved = opened + 3600 * float(np.exp(r.normal(np.log(median_h), 0.7))) * slow
        complaint_p = {"late_delivery": 0.42, "missing_item": 0.5, "refund": 0.22}[category]
        complaint = r.random() < complaint_p
        csat = ""
        if r.random() < 0.55 and resolved < END_S:
            hours = (resolved - opened) / 3600
            p = [0.05, 0.05, 0.15, 0.35, 0.40] if hours < median_h else [0.2, 0.2, 0.25, 0.2, 0.15]
            csat = str(int(r.choice([1, 2, 3, 4, 5], p=p)))
        self.ticket_no += 1
        fmt = "%Y/%m/%d %H:%M"
        self.tickets.append([
            f"KF{self.stamp(opened):%Y%m%d}{self.ticket_no:05d}",
            person["phone_md5"],
            "电话" if hotline else CH_CN[via],
            self.stamp(opened).strftime(fmt),
            self.stamp(first).strftime(fmt) if first < END_S else "",
            self.stamp(resolved).strftime(fmt) if resolved < END_S else "",
            CATEGORY_CN[category],
            "是" if complaint else "否",
            csat,
        ])  # fmt: skip
        if not hotline:
            self.sensors_row(opened - r.uniform(5, 40), "kefu_open", person, channel, True,
                             self.new_session_id())  # fmt: skip
        if category == "missing_item" and r.random() < 0.3:
            self.ticket(person, channel, resolved + r.uniform(60, 600), "refund", day)

    # -- anonymous visitors --------------------------------------------------------------------
    def simulate_visitor(self) -> None:
        r = self.rng
        channel = CHANNELS[r.choice(5, p=[0.2, 0.25, 0.15, 0.08, 0.32])]
        person = {"ids": {channel: self.channel_id(channel)}, "member_no": "",
                  "city": CITIES[r.choice(4, p=CITY_P)]}  # fmt: skip
        w = np.concatenate([self.mult[person["city"]]]) / self.mult[person["city"]].sum()
        day0 = int(r.choice(DAYS, p=w))
        for k in range(1 + int(r.poisson(0.5))):
            day = day0 + k * int(r.integers(1, 20))
            if day >= DAYS:
                break
            t = day * 86400.0 + int(r.choice(24, p=HOUR_P)) * 3600 + r.uniform(0, 3600)
            sid = self.new_session_id()
            self.sensors_row(t, LAUNCH_EVENT[channel], person, channel, False, sid)
            t += r.uniform(3, 30)
            if r.random() < 0.6:
                self.sensors_row(t, "search_submit", person, channel, False, sid)
                t += r.uniform(8, 90)
            if r.random() < 0.55:
                hour = int((t % 86400) // 3600)
                cw = np.array(cuisine_weights(hour))
                cuisine = CUISINES[r.choice(5, p=cw / cw.sum())]
                self.sensors_row(t, "shop_view", person, channel, False, sid, cuisine=cuisine)
                t += r.uniform(15, 150)
                if r.random() < 0.25:
                    self.sensors_row(t, "add_cart", person, channel, False, sid, cuisine=cuisine)

    # -- CRM and spend -----------------------------------------------------------------------
    def crm(self, people: list[dict]) -> None:
        for p in people:
            self.members.append([
                p["member_no"],
                p["phone_md5"],
                self.stamp(p["reg_s"]).strftime("%Y-%m-%d %H:%M:%S"),
                CITY_CRM[p["city"]],
                "1" if p["svip"] else "0",
                CH_CN[p["main"]],
            ])  # fmt: skip

    def marketing(self) -> None:
        r = self.rng
        base = {"ios_app": 52.0, "android_app": 64.0, "wechat_mini": 42.0,
                "alipay_mini": 26.0, "h5": 19.0}  # fmt: skip
        promo = {"ios_app": 80.0, "android_app": 95.0, "wechat_mini": 160.0,
                 "alipay_mini": 110.0, "h5": 20.0}  # fmt: skip
        avg = sum(self.mult[c] * p for c, p in zip(CITIES, CITY_P, strict=True))
        for d in range(DAYS):
            day = (START + dt.timedelta(days=d)).date()
            label = f"{day.year}/{day.month}/{day.day}"
            season = avg[d] / (1.45 if in_range(d, PROMO) else 1.0)
            for ch in CHANNELS:
                cost = base[ch] * season * float(np.exp(r.normal(0, 0.15)))
                self.spend.append([label, CH_CN[ch], CAMPAIGN_SHEET["always_on"], f"{cost:.2f}"])
                new_user = base[ch] * 0.25 * float(np.exp(r.normal(0, 0.2)))
                self.spend.append([label, CH_CN[ch], CAMPAIGN_SHEET["new_user_gift"],
                                   f"{new_user:.2f}"])  # fmt: skip
                if in_range(d, PROMO):
                    cost = promo[ch] * float(np.exp(r.normal(0, 0.1)))
                    self.spend.append([label, CH_CN[ch], CAMPAIGN_SHEET["spring_coupon_week"],
                                       f"{cost:.2f}"])  # fmt: skip
                if in_range(d, CNY_RED) and ch != "h5":
                    cost = base[ch] * 0.6 * float(np.exp(r.normal(0, 0.1)))
                    self.spend.append([label, CH_CN[ch], CAMPAIGN_SHEET["cny_red_packet"],
                                       f"{cost:.2f}"])  # fmt: skip

    def run(self) -> None:
        people = self.make_members()
        for person in people:
            self.simulate_member(person)
        for _ in range(N_ANON):
            self.simulate_visitor()
        self.crm(people)
        self.marketing()
        self.add_dirt()

    def add_dirt(self) -> None:
        """What real exports have: SDK double-sends (exact duplicates) and OMS test orders."""
        r = self.rng
        for i in r.choice(len(self.sensors), 6, replace=False):
            self.sensors.append(list(self.sensors[int(i)]))
        for k in range(3):
            self.orders.append([
                f"TEST{k + 1:04d}", "M0000001", "2025-09-01 10:00:00", "2025-09-01 10:00:30",
                "测试", "IOS_APP", "SH", "FASTFOOD", "N", "", "NORMAL",
            ])  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------
def write_csv(path: Path, header: list[str], rows: list[list], encoding: str = "utf-8") -> None:
    with path.open("w", newline="", encoding=encoding) as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def write_sources(world: World, folder: Path) -> None:
    out = folder / "exports"
    out.mkdir(parents=True, exist_ok=True)
    rows = sorted(world.sensors, key=lambda row: row[0])
    write_csv(out / "sensors_events.csv",
              ["time", "distinct_id", "login_id", "event", "platform", "city", "shop_category",
               "activity", "order_no", "session_id"], rows)  # fmt: skip
    write_csv(out / "oms_orders.csv",
              ["order_no", "member_no", "created_at", "paid_at", "pay_amount", "client",
               "city_code", "category", "coupon_flag", "activity_code", "order_type"],
              sorted(world.orders, key=lambda row: row[3]))  # fmt: skip
    with (out / "dispatch_deliveries.jsonl").open("w", encoding="utf-8") as f:
        for row in sorted(world.deliveries, key=lambda d: d["delivered_at"]):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    write_csv(out / "rider_ratings.csv",
              ["rating_id", "order_no", "member_no", "client", "rated_at", "stars", "tag"],
              world.ratings)  # fmt: skip
    write_csv(out / "nps_wjx.csv", ["序号", "提交答卷时间", "会员号", "推荐意愿", "建议"],
              sorted(world.nps, key=lambda row: row[0]), encoding="utf-8-sig")  # fmt: skip
    write_csv(out / "kefu_tickets.csv",
              ["工单编号", "客户手机号MD5", "进线渠道", "创建时间", "首次回复时间", "完结时间",
               "问题类型", "是否投诉", "满意度"],
              sorted(world.tickets, key=lambda row: row[3]), encoding="gb18030")  # fmt: skip
    write_csv(out / "crm_members.csv",
              ["member_no", "mobile_md5", "register_time", "city", "is_svip", "register_source"],
              world.members)  # fmt: skip
    write_csv(out / "marketing_spend.csv", ["日期", "渠道", "活动", "花费"], world.spend)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    from connectors.ingest import ingest

    started = time.perf_counter()
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    world = World()
    world.run()
    with tempfile.TemporaryDirectory(prefix="tpa-delivery-") as tmp:
        folder = Path(tmp)
        write_sources(world, folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")  # paths are relative
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
    print("\n".join(report.lines()))
    print(f"generate.py: {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
