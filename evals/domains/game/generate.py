"""Build the game evaluation database: `python generate.py OUT.duckdb`.

星弧互娱 publishes 《星弧卡牌》, a card-battle RPG for iOS and Android in mainland China (public
launch 2025-09-01). This script plays the studio's data team: it writes the exports of its own
systems (app analytics, billing, account centre, in-game rating popup, ticket system, the UA
team's cost sheet) with their own column names and value spellings into a temporary folder,
copies `ingest.yaml` next to them and loads them with `connectors.ingest.ingest`.

Deterministic (fixed seed), standard library + numpy + duckdb only, no downloads.
Data: 2025-09-01 … 2026-08-31 (Asia/Shanghai); as_of (today) = 2026-09-01.

Planted stories (see description.md):
  1. Android tutorial incident (client 2.3.1): Android players who created a role in the week
     2026-08-10 … 2026-08-16 mostly could not finish the tutorial (创建角色 → 新手引导完成),
     with a burst of BUG反馈 tickets from them. iOS was not affected.
  2. Support slowdown: from 2026-06-01 the ticket first-response time (and resolution time)
     grows steadily until the end of August; ticket CSAT falls with it.
  3. TapTap players retain (and pay) best; 抖音广告 players are cheap volume that churns fast.
  4. 夏日祭 summer event 2026-07-17 … 2026-07-26: spend spike on 抖音广告/B站, install spike,
     参加活动 and 分享 spike, revenue spike (夏日祭限定礼包). A smaller 春节活动 2026-02-14 … 02-24.
"""

from __future__ import annotations

import csv
import json
import math
import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for `connectors`

from connectors.ingest import ingest  # noqa: E402

SEED = 20260901
START = date(2025, 9, 1)
END = date(2026, 8, 31)  # last day with data
N_DAYS = (END - START).days + 1
END_DT = datetime(2026, 9, 1)

CHANNELS = ["应用宝", "华为应用市场", "苹果App Store", "TapTap", "抖音广告", "B站", "官网下载"]
CHANNEL_SHARE = [0.16, 0.14, 0.15, 0.12, 0.28, 0.09, 0.06]
CHANNEL_CODE = {
    "应用宝": "yyb",
    "华为应用市场": "huawei",
    "苹果App Store": "appstore",
    "TapTap": "taptap",
    "抖音广告": "douyin",
    "B站": "bilibili",
    "官网下载": "official",
}
IOS_SHARE = {"苹果App Store": 1.0, "抖音广告": 0.35, "B站": 0.40}
# funnel propensities per channel: launch after install, role after launch, tutorial after role
P_LAUNCH = {
    "应用宝": 0.91,
    "华为应用市场": 0.92,
    "苹果App Store": 0.94,
    "TapTap": 0.96,
    "抖音广告": 0.84,
    "B站": 0.93,
    "官网下载": 0.95,
}
P_ROLE = {
    "应用宝": 0.80,
    "华为应用市场": 0.81,
    "苹果App Store": 0.84,
    "TapTap": 0.90,
    "抖音广告": 0.66,
    "B站": 0.86,
    "官网下载": 0.88,
}
P_TUTORIAL = {
    "应用宝": 0.78,
    "华为应用市场": 0.79,
    "苹果App Store": 0.84,
    "TapTap": 0.88,
    "抖音广告": 0.70,
    "B站": 0.83,
    "官网下载": 0.85,
}
# retention: share churning on day 0, mean lifetime (days) of the others, daily activity
CHURN0 = {
    "应用宝": 0.46,
    "华为应用市场": 0.46,
    "苹果App Store": 0.42,
    "TapTap": 0.28,
    "抖音广告": 0.60,
    "B站": 0.38,
    "官网下载": 0.34,
}
LIFETIME = {
    "应用宝": 26,
    "华为应用市场": 26,
    "苹果App Store": 30,
    "TapTap": 75,
    "抖音广告": 10,
    "B站": 38,
    "官网下载": 45,
}
P_ACTIVE = 0.45
PAY_CHANNEL_MULT = {
    "应用宝": 1.0,
    "华为应用市场": 1.0,
    "苹果App Store": 1.0,
    "TapTap": 1.35,
    "抖音广告": 0.6,
    "B站": 1.2,
    "官网下载": 1.1,
}
PROVINCES = [
    "广东",
    "浙江",
    "江苏",
    "山东",
    "河南",
    "四川",
    "湖北",
    "北京",
    "上海",
    "福建",
    "湖南",
    "河北",
]
PROVINCE_W = [16, 9, 9, 8, 7, 7, 6, 6, 6, 5, 5, 5]
HOUR_W = np.array([2, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 3, 3, 4, 6, 5, 4, 4, 4, 5, 6, 7, 9, 10, 9, 5])
HOUR_P = HOUR_W / HOUR_W.sum()

SPRING = (date(2026, 2, 14), date(2026, 2, 24))
SUMMER = (date(2026, 7, 17), date(2026, 7, 26))
INCIDENT = (date(2026, 8, 10), date(2026, 8, 16))
SLOWDOWN = date(2026, 6, 1)
SERVER2_OPEN = date(2025, 12, 1)
SERVER3_OPEN = date(2026, 4, 15)

CAMPAIGNS = {
    "抖音广告": "抖音-常规买量",
    "B站": "B站-UP主合作",
    "应用宝": "应用宝-CPD",
    "华为应用市场": "华为-CPD",
    "苹果App Store": "苹果-ASA搜索广告",
    "TapTap": "TapTap-预约推广",
}
COST_MEDIA = {
    "抖音广告": "抖音",
    "B站": "B站",
    "应用宝": "应用宝",
    "华为应用市场": "华为",
    "苹果App Store": "苹果ASA",
    "TapTap": "TapTap",
}
DAILY_COST = {
    "抖音广告": 260,
    "B站": 95,
    "应用宝": 75,
    "华为应用市场": 65,
    "苹果App Store": 85,
    "TapTap": 30,
}
PAY_CHANNEL = {"苹果App Store": "appstore_iap", "华为应用市场": "huawei_iap", "应用宝": "midas"}
DIAMONDS = [
    ("60元宝", 6),
    ("300元宝", 30),
    ("680元宝", 68),
    ("1280元宝", 128),
    ("3280元宝", 328),
    ("6480元宝", 648),
]
DIAMOND_P = [0.18, 0.27, 0.20, 0.15, 0.12, 0.08]
GOOD = ["画风很棒", "卡牌设计用心", "好玩", "剧情不错", "福利给力", "策略性强", ""]
BAD = ["太肝了", "氪金太严重", "闪退", "抽卡概率太低", "匹配太慢", "新手引导太长", ""]


def in_window(d: date, window: tuple[date, date]) -> bool:
    return window[0] <= d <= window[1]


class World:
    def __init__(self) -> None:
        self.rng = np.random.default_rng(SEED)
        self.events: list[list[str]] = []  # ta_events rows
        self.orders: list[list[str]] = []
        self.accounts: list[dict[str, str]] = []
        self.ratings: list[list[str]] = []
        self.tickets: list[list[str]] = []
        self.costs: list[list[str]] = []
        self.n_device = 0
        self.n_account = 0
        self.n_order = 0
        self.n_ticket = 0

    # -- helpers ---------------------------------------------------------------------------
    def r(self) -> float:
        return float(self.rng.random())

    def day_time(self, d: date) -> datetime:
        hour = int(self.rng.choice(24, p=HOUR_P))
        return datetime(d.year, d.month, d.day, hour) + timedelta(
            seconds=int(self.rng.integers(3600))
        )

    def new_device(self) -> str:
        self.n_device += 1
        return f"dev_{self.rng.integers(16**10):010x}{self.n_device:05d}"

    def new_account(self) -> str:
        self.n_account += 1
        return str(18_000_000 + self.n_account * 7 + int(self.rng.integers(7)))

    def ev(
        self,
        ts: datetime,
        name: str,
        device: str,
        account: str,
        channel: str,
        os_: str,
        server: str = "",
        plan: str = "",
        activity: str = "",
    ) -> None:
        if ts >= END_DT:
            return
        self.events.append(
            [
                ts.strftime("%Y-%m-%d %H:%M:%S"),
                name,
                device,
                account,
                os_,
                channel,
                server,
                plan,
                activity,
            ]
        )

    def order(
        self,
        ts: datetime,
        account: str,
        server: str,
        os_: str,
        channel: str,
        product: str,
        kind: str,
        amount: float,
    ) -> None:
        if ts >= END_DT:
            return
        self.n_order += 1
        pay_channel = "appstore_iap" if os_ == "iOS" else PAY_CHANNEL.get(channel, "official_sdk")
        utc = ts - timedelta(hours=8)
        self.orders.append(
            [
                f"PO{ts:%Y%m%d}{self.n_order:06d}",
                account,
                {"一区": "s1", "二区": "s2", "三区": "s3"}[server],
                os_.lower(),
                product,
                kind,
                f"{amount:.2f}",
                pay_channel,
                utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
            ]
        )

    def rating(self, ts: datetime, account: str, scene: str, os_: str, channel: str) -> None:
        if ts >= END_DT:
            return
        p = np.array([0.05, 0.07, 0.15, 0.35, 0.38])
        if os_ == "Android":
            p = p + np.array([0.02, 0.02, 0.02, -0.02, -0.04])
        if channel == "抖音广告":
            p = p + np.array([0.03, 0.02, 0.0, -0.01, -0.04])
        if scene == "event_end" and in_window(ts.date(), SUMMER):
            p = p + np.array([-0.03, -0.03, -0.04, 0.0, 0.10])
        stars = int(self.rng.choice(5, p=p / p.sum())) + 1
        words = GOOD if stars >= 4 else BAD
        comment = words[int(self.rng.integers(len(words)))] if self.r() < 0.6 else ""
        self.ratings.append([account, ts.strftime("%Y-%m-%d %H:%M:%S"), scene, str(stars), comment])

    def ticket(self, ts: datetime, account: str, category: str) -> None:
        if ts >= END_DT:
            return
        self.n_ticket += 1
        d = ts.date()
        slow = 1.0
        if d >= SLOWDOWN:
            slow = 1.0 + 5.0 * (d - SLOWDOWN).days / (END - SLOWDOWN).days
        weekend = 1.5 if d.weekday() >= 5 else 1.0
        first = float(np.exp(self.rng.normal(math.log(55), 0.7))) * slow * weekend
        resolve_h = float(np.exp(self.rng.normal(math.log(9), 0.9))) * (1 + 0.5 * (slow - 1))
        resolve_h = max(resolve_h, first / 60 + 0.2)
        first_ts = ts + timedelta(minutes=first)
        resolved_ts = ts + timedelta(hours=resolve_h)
        resolved = (
            "" if (resolved_ts >= END_DT or self.r() < 0.03) else f"{resolved_ts:%Y/%m/%d %H:%M}"
        )
        first_s = "" if first_ts >= END_DT else f"{first_ts:%Y/%m/%d %H:%M}"
        p_complaint = {
            "充值未到账": 0.35,
            "账号被盗": 0.30,
            "封号申诉": 0.25,
            "BUG反馈": 0.08,
            "退款申请": 0.40,
            "游戏建议": 0.02,
            "其他咨询": 0.03,
        }[category]
        complaint = "是" if self.r() < p_complaint else "否"
        csat = ""
        if resolved and self.r() < 0.55:
            p = np.array([0.05, 0.06, 0.14, 0.35, 0.40])
            shift = min(slow - 1, 5) / 5
            p = p + shift * np.array([0.15, 0.10, 0.05, -0.10, -0.20])
            p = np.clip(p, 0.01, None)
            csat = str(int(self.rng.choice(5, p=p / p.sum())) + 1)
        entry = str(self.rng.choice(["游戏内客服", "官网", "QQ群"], p=[0.7, 0.15, 0.15]))
        self.tickets.append(
            [
                f"GD{self.n_ticket + 100000}",
                account,
                category,
                f"{ts:%Y/%m/%d %H:%M}",
                first_s,
                resolved,
                complaint,
                csat,
                entry,
            ]
        )

    # -- the world ---------------------------------------------------------------------------
    def installs_per_day(self) -> dict[str, np.ndarray]:
        days = np.arange(N_DAYS)
        base = 12.5 + 75 * np.exp(-days / 10.0) + 2.0 * np.sin(days / 58.0)
        dates = [START + timedelta(days=int(i)) for i in days]
        weekend = np.array([1.15 if d.weekday() >= 5 else 1.0 for d in dates])
        out = {}
        for ch, share in zip(CHANNELS, CHANNEL_SHARE):
            mult = np.ones(N_DAYS)
            for i, d in enumerate(dates):
                if in_window(d, SUMMER):
                    mult[i] = 3.2 if ch in ("抖音广告", "B站") else 1.4
                elif in_window(d, SPRING):
                    mult[i] = 1.8 if ch in ("抖音广告", "B站") else 1.3
            out[ch] = self.rng.poisson(base * share * weekend * mult)
        return out

    def build_costs(self) -> None:
        for i in range(N_DAYS):
            d = START + timedelta(days=i)
            launch = 1 + 3.0 * math.exp(-i / 10.0)
            for ch, media in COST_MEDIA.items():
                cost = DAILY_COST[ch] * launch * float(self.rng.uniform(0.8, 1.2))
                plan = CAMPAIGNS[ch]
                rows = [(plan, cost)]
                if ch in ("抖音广告", "B站") and in_window(d, SUMMER):
                    rows.append((f"{'抖音' if ch == '抖音广告' else 'B站'}-夏日祭", cost * 2.6))
                if ch in ("抖音广告", "B站") and in_window(d, SPRING):
                    rows.append((f"{'抖音' if ch == '抖音广告' else 'B站'}-春节", cost * 1.0))
                for plan_name, c in rows:
                    self.costs.append([f"{d.year}/{d.month}/{d.day}", media, plan_name, f"{c:.2f}"])

    def server_for(self, d: date) -> str:
        if d < SERVER2_OPEN:
            return "一区"
        if d < SERVER3_OPEN:
            return str(self.rng.choice(["一区", "二区"], p=[0.25, 0.75]))
        return str(self.rng.choice(["一区", "二区", "三区"], p=[0.1, 0.2, 0.7]))

    def player(self, d: date, channel: str) -> None:
        r = self.r
        os_ = "iOS" if r() < IOS_SHARE.get(channel, 0.0) else "Android"
        device = self.new_device()
        plan = ""
        if channel in ("抖音广告", "B站"):
            plan = CAMPAIGNS[channel]
            if in_window(d, SUMMER) and r() < 0.7:
                plan = f"{'抖音' if channel == '抖音广告' else 'B站'}-夏日祭"
            elif in_window(d, SPRING) and r() < 0.5:
                plan = f"{'抖音' if channel == '抖音广告' else 'B站'}-春节"
        elif channel in CAMPAIGNS and r() < 0.3:
            plan = CAMPAIGNS[channel]
        t_install = self.day_time(d)
        self.ev(t_install, "下载安装", device, "", channel, os_, plan=plan)
        if r() > P_LAUNCH[channel]:
            return
        if r() < 0.06:
            t_launch = t_install + timedelta(hours=float(self.rng.uniform(25, 72)))
        else:
            t_launch = t_install + timedelta(minutes=float(np.exp(self.rng.normal(1.3, 0.9))))
        self.ev(t_launch, "首次启动", device, "", channel, os_)
        if r() > P_ROLE[channel]:
            return
        t_role = t_launch + timedelta(minutes=float(self.rng.uniform(1, 9)))
        if t_role >= END_DT:
            return
        account = self.new_account()
        server = self.server_for(t_role.date())
        province = str(self.rng.choice(PROVINCES, p=np.array(PROVINCE_W) / sum(PROVINCE_W)))
        self.ev(t_role, "创建角色", device, account, channel, os_, server)
        acct = {
            "uid": account,
            "reg_time": t_role.strftime("%Y-%m-%d %H:%M:%S"),
            "reg_channel": CHANNEL_CODE[channel],
            "reg_device": device,
            "province": province,
            "server": server,
            "is_paid": "否",
        }
        self.accounts.append(acct)

        p_tut = P_TUTORIAL[channel] + (0.04 if os_ == "iOS" else 0.0)
        incident = os_ == "Android" and in_window(t_role.date(), INCIDENT)
        if incident:
            p_tut = 0.28
        if r() > p_tut:
            if incident and r() < 0.30:
                self.ticket(
                    t_role + timedelta(minutes=float(self.rng.uniform(10, 180))), account, "BUG反馈"
                )
            elif r() < 0.02:
                self.ticket(
                    t_role + timedelta(hours=float(self.rng.uniform(1, 30))),
                    account,
                    str(self.rng.choice(["BUG反馈", "其他咨询"])),
                )
            return
        if r() < 0.08:
            t_tut = t_role + timedelta(hours=float(self.rng.uniform(25, 40)))
        else:
            t_tut = t_role + timedelta(minutes=float(self.rng.uniform(14, 50)))
        self.ev(t_tut, "新手引导完成", device, account, channel, os_, server)
        if r() < 0.18:
            self.rating(
                t_tut + timedelta(minutes=float(self.rng.uniform(1, 10))),
                account,
                "tutorial_done",
                os_,
                channel,
            )

        # lifetime and active days (day offsets from the tutorial day)
        day0 = t_tut.date()
        if r() < CHURN0[channel]:
            life = 0
        else:
            life = 1 + int(self.rng.exponential(LIFETIME[channel]))
        p_pay = 0.12 * (1.8 if os_ == "iOS" else 1.0) * PAY_CHANNEL_MULT[channel]
        pays = r() < p_pay
        if pays:  # payers stay longer
            life = int(life * 1.8)
        last = min(life, (END - day0).days)
        active = [0] + [k for k in range(1, last + 1) if r() < P_ACTIVE]
        # a few long-lived players reinstall on a new phone
        if life >= 20 and r() < 0.05 and last >= 15:
            k = int(self.rng.integers(10, last + 1))
            new_dev = self.new_device()
            t = self.day_time(day0 + timedelta(days=k))
            self.ev(t, "下载安装", new_dev, "", channel, os_)
            self.ev(
                t + timedelta(minutes=float(self.rng.uniform(1, 6))),
                "首次启动",
                new_dev,
                account,
                channel,
                os_,
                server,
            )
            device = new_dev

        guild_day = None
        if life >= 3 and r() < 0.45:
            later = [k for k in active if k >= 2]
            guild_day = later[0] if later else None
        first_pay_day = None
        if pays:
            early = [k for k in active if k <= 6]
            first_pay_day = (
                int(self.rng.choice(early)) if r() < 0.65 else int(self.rng.choice(active))
            )
        paid = False
        card_next = None
        promo_bought: set[str] = set()
        p_repeat = 0.16 if os_ == "iOS" else 0.12
        for k in active:
            d_k = day0 + timedelta(days=k)
            if k == 0:
                t = t_tut + timedelta(minutes=float(self.rng.uniform(2, 40)))
                if t.date() != d_k:
                    t = t_tut + timedelta(minutes=1)
            else:
                t = self.day_time(d_k)
            if k > 0 or r() < 0.6:
                self.ev(t, "每日签到", device, account, channel, os_, server)
            promo = (
                "夏日祭"
                if in_window(d_k, SUMMER)
                else ("春节活动" if in_window(d_k, SPRING) else "")
            )
            p_evt = 0.65 if promo else 0.13
            if r() < p_evt:
                if promo:
                    act = promo
                elif d_k.weekday() >= 5:
                    act = str(
                        self.rng.choice(["周末双倍", "公会战", "限时副本"], p=[0.5, 0.3, 0.2])
                    )
                else:
                    act = str(self.rng.choice(["限时副本", "公会战"], p=[0.7, 0.3]))
                t_a = t + timedelta(minutes=float(self.rng.uniform(3, 50)))
                self.ev(t_a, "参加活动", device, account, channel, os_, server, activity=act)
                if r() < 0.04:
                    self.rating(
                        t_a + timedelta(minutes=float(self.rng.uniform(5, 30))),
                        account,
                        "event_end",
                        os_,
                        channel,
                    )
            if r() < (0.12 if promo == "夏日祭" else 0.025):
                self.ev(
                    t + timedelta(minutes=float(self.rng.uniform(5, 60))),
                    "分享",
                    device,
                    account,
                    channel,
                    os_,
                    server,
                )
            if guild_day == k:
                self.ev(
                    t + timedelta(minutes=float(self.rng.uniform(2, 30))),
                    "加入公会",
                    device,
                    account,
                    channel,
                    os_,
                    server,
                )
            # service tickets while playing
            if r() < 0.017 + (0.02 if paid else 0):
                cats = [
                    "BUG反馈",
                    "账号被盗",
                    "游戏建议",
                    "封号申诉",
                    "其他咨询",
                    "充值未到账",
                    "退款申请",
                ]
                w = [0.35, 0.10, 0.25, 0.08, 0.12, 0.0, 0.0]
                if paid:
                    w = [0.25, 0.10, 0.15, 0.07, 0.08, 0.27, 0.08]
                cat = str(self.rng.choice(cats, p=np.array(w) / sum(w)))
                self.ticket(t + timedelta(minutes=float(self.rng.uniform(5, 240))), account, cat)
            # purchases
            t_p = t + timedelta(minutes=float(self.rng.uniform(5, 90)))
            if not paid and (k == first_pay_day or (promo and r() < 0.07)):
                paid = True
                amount = 6 if r() < 0.65 else 30
                self.order(
                    t_p, account, server, os_, channel, f"首充礼包{amount}元", "first_pay", amount
                )
                acct["is_paid"] = "是"
                if r() < 0.15:
                    self.rating(
                        t_p + timedelta(minutes=float(self.rng.uniform(1, 15))),
                        account,
                        "first_pay",
                        os_,
                        channel,
                    )
                if r() < 0.45:
                    card_next = k + int(self.rng.integers(0, 6))
                continue
            if not paid:
                continue
            if card_next is not None and k >= card_next:
                self.order(
                    t_p + timedelta(minutes=3),
                    account,
                    server,
                    os_,
                    channel,
                    "月卡",
                    "month_card",
                    30,
                )
                card_next = k + 30 if r() < 0.75 else None
            if promo and promo not in promo_bought and r() < 0.55:
                promo_bought.add(promo)
                name, amount = ("夏日祭限定礼包", 328) if promo == "夏日祭" else ("春节福袋", 198)
                self.order(
                    t_p + timedelta(minutes=7),
                    account,
                    server,
                    os_,
                    channel,
                    name,
                    "gift_pack",
                    amount,
                )
            elif r() < p_repeat:
                i = int(self.rng.choice(len(DIAMONDS), p=DIAMOND_P))
                name, amount = DIAMONDS[i]
                self.order(
                    t_p + timedelta(minutes=11),
                    account,
                    server,
                    os_,
                    channel,
                    name,
                    "diamond",
                    amount,
                )

    def build(self) -> None:
        installs = self.installs_per_day()
        for i in range(N_DAYS):
            d = START + timedelta(days=i)
            for ch in CHANNELS:
                for _ in range(int(installs[ch][i])):
                    self.player(d, ch)
        self.build_costs()

    # -- the exports ---------------------------------------------------------------------------
    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        events = sorted(self.events, key=lambda row: row[0])
        # the analytics tool re-sends some rows (exact duplicates) and a few have broken times
        dup_idx = self.rng.choice(len(events), size=len(events) // 250, replace=False)
        for j in sorted(dup_idx.tolist(), reverse=True):
            events.insert(j + 1, list(events[j]))
        for j in (1234, 20345, 40001):
            row = list(events[j])
            row[0] = row[0][:5] + "02-30" + row[0][10:]
            events[j] = row
        with open(folder / "ta_events.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "#event_time",
                    "#event_name",
                    "#distinct_id",
                    "#account_id",
                    "#os",
                    "channel_name",
                    "server_name",
                    "ad_plan",
                    "activity_name",
                ]
            )
            w.writerows(events)
        orders = sorted(self.orders, key=lambda row: row[-1])
        orders[777][6] = "--"  # a failed amount in the billing export
        with open(folder / "pay_orders.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "order_no",
                    "account_id",
                    "server_id",
                    "platform",
                    "product_name",
                    "product_type",
                    "amount_yuan",
                    "pay_channel",
                    "paid_at",
                ]
            )
            w.writerows(orders)
        with open(folder / "user_center.jsonl", "w", encoding="utf-8") as f:
            for acct in self.accounts:
                f.write(json.dumps(acct, ensure_ascii=False) + "\n")
        with open(folder / "rating_popup.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["account_id", "rated_at", "scene", "stars", "comment"])
            w.writerows(sorted(self.ratings, key=lambda row: row[1]))
        with open(folder / "客服工单导出.csv", "w", newline="", encoding="gb18030") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "工单编号",
                    "玩家账号",
                    "问题分类",
                    "提交时间",
                    "首次响应时间",
                    "解决时间",
                    "是否投诉",
                    "满意度评分",
                    "提交入口",
                ]
            )
            w.writerows(self.tickets)
        with open(folder / "投放消耗日报.csv", "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(["日期", "媒体", "计划名称", "消耗（元）"])
            w.writerows(self.costs)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    world = World()
    world.build()
    with tempfile.TemporaryDirectory(prefix="game-exports-") as tmp:
        folder = Path(tmp)
        world.write(folder / "exports")
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
