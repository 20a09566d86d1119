"""Cinema evaluation domain: 星幕影城 (Starscreen Cinemas), a Chinese cinema chain in six cities.

    python generate.py OUT.duckdb

Writes Starscreen's own exports (seeded: the same files every run) to a temporary folder —

  piaowu_dingdan.csv     ticketing system orders (Chinese columns): 猫眼 / 淘票票 / 抖音 /
                         微信小程序 / 影城前台, 取票手机号MD5, 渠道用户ID, 会员卡号, 前台小票号,
                         local "YYYY/MM/DD HH:MM:SS"
  tuigai_jilu.csv        退票 / 改签 records (Chinese columns), "YYYY-MM-DD HH:MM"
  wxapp_events.jsonl     WeChat mini-program log (English keys): openid always, phone_md5 only
                         after login, UTC ISO times with Z
  gate_scans.csv         gate system (English columns): TAKE (取票) / CHECK (检票), cinema codes,
                         ISO times with +08:00
  maipin_orders.csv      concession POS (pinyin columns), compact "YYYYMMDDHHMMSS"
  huiyuan_ka.csv         member-card system: cards (pinyin columns)
  huiyuan_liushui.jsonl  member-card ledger: KAIKA (开卡) / CHONGZHI (充值)
  pingfen.jsonl          film ratings 1-10 from 猫眼 / 淘票票 / 小程序
  kefu_gongdan.csv       customer-service tickets (Chinese columns), "YYYY/MM/DD HH:MM"
  weekly_marketing.csv   marketing spend per platform per week (周一日期 "YYYY年MM月DD日")

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import json
import math
import os
import random
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261210
START = datetime(2025, 12, 10)
END = datetime(2026, 12, 10)  # as_of (Thursday); data ends the day before
N_DAYS = (END - START).days
SPRING = (datetime(2026, 2, 17), datetime(2026, 2, 24))  # 春节档: 初一 … 初七
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))  # 暑期档
NATIONAL = (datetime(2026, 10, 1), datetime(2026, 10, 8))  # 国庆档
MAYDAY = (datetime(2026, 5, 1), datetime(2026, 5, 6))
BLOCKBUSTER_DAY = datetime(2026, 7, 17)  # 《深海纪元》
PROMO = (datetime(2026, 5, 11), datetime(2026, 6, 8))  # 抖音 9.9元 特价票 (4 weeks, Mon-Sun)
OUTAGE = (
    datetime(2026, 9, 19, 10, 0),
    datetime(2026, 9, 19, 20, 30),
)  # 小程序 payment outage (Sat)
NJ_ISSUE = datetime(2026, 8, 1)  # 南京新街口店: projector / air-con problems, refunds rise
GUANGGU_OPEN = datetime(2026, 6, 20)  # 武汉光谷店 opens (Saturday)

R = random.Random(SEED)

CINEMAS = {
    "上海": [
        "上海徐汇店",
        "上海静安店",
        "上海浦东世纪店",
        "上海五角场店",
        "上海七宝店",
        "上海虹桥天街店",
        "上海大宁店",
    ],
    "杭州": ["杭州西湖店", "杭州滨江店", "杭州城西银泰店", "杭州萧山店", "杭州拱墅店"],
    "南京": ["南京新街口店", "南京河西店", "南京仙林店", "南京江宁店", "南京鼓楼店"],
    "苏州": ["苏州园区店", "苏州观前街店", "苏州吴中店", "苏州狮山店"],
    "成都": ["成都春熙路店", "成都高新店", "成都天府店", "成都双流店", "成都金牛店"],
    "武汉": ["武汉江汉路店", "武汉光谷店", "武汉汉阳店", "武汉徐东店"],
}
CITY_CODE = {"上海": "SH", "杭州": "HZ", "南京": "NJ", "苏州": "SZ", "成都": "CD", "武汉": "WH"}
CODE_OF = {}
CITY_OF = {}
for _city, _names in CINEMAS.items():
    for _i, _n in enumerate(_names):
        CODE_OF[_n] = f"{CITY_CODE[_city]}{_i + 1:02d}"
        CITY_OF[_n] = _city
CITIES = list(CINEMAS)
CITY_W = [0.28, 0.17, 0.16, 0.12, 0.16, 0.11]
ALL_CINEMAS = [n for ns in CINEMAS.values() for n in ns]
IMAX = {n for i, n in enumerate(ALL_CINEMAS) if i % 5 in (0, 2)} | {"武汉光谷店"}
DOLBY = {n for i, n in enumerate(ALL_CINEMAS) if i % 3 == 1} | {"武汉光谷店"}

# (title, genre, release, appeal, decay days, rating mean, imax-heavy)
FILMS = [
    ("冬日来信", "爱情", datetime(2025, 11, 28), 0.8, 14, 7.4, False),
    ("破冰行动", "动作", datetime(2025, 12, 5), 1.2, 16, 7.9, True),
    ("熊猫奇遇记", "动画", datetime(2025, 12, 20), 1.0, 20, 8.3, False),
    ("跨年好声音", "喜剧", datetime(2025, 12, 31), 0.9, 10, 6.6, False),
    ("寒夜追光", "剧情", datetime(2026, 1, 16), 0.7, 14, 7.8, False),
    ("过年好2", "喜剧", datetime(2026, 2, 17), 2.6, 12, 7.1, False),
    ("星际护卫队", "科幻", datetime(2026, 2, 17), 2.2, 16, 8.0, True),
    ("神龙少年", "动画", datetime(2026, 2, 17), 1.8, 16, 8.6, False),
    ("东方探案", "悬疑", datetime(2026, 2, 17), 1.5, 12, 7.3, False),
    ("春风十里", "爱情", datetime(2026, 3, 20), 0.8, 12, 7.0, False),
    ("暗流", "犯罪", datetime(2026, 4, 3), 1.0, 14, 7.7, False),
    ("热血球队", "剧情", datetime(2026, 4, 30), 1.1, 14, 7.9, False),
    ("小黄鸭历险", "动画", datetime(2026, 5, 30), 0.9, 16, 7.5, False),
    ("夏日冲浪", "喜剧", datetime(2026, 7, 3), 1.1, 14, 6.9, False),
    ("猫和少年", "动画", datetime(2026, 7, 10), 1.0, 18, 8.1, False),
    ("深海纪元", "科幻", BLOCKBUSTER_DAY, 4.0, 30, 8.9, True),
    ("边境线", "动作", datetime(2026, 8, 7), 1.2, 14, 7.6, True),
    ("秋天的信", "爱情", datetime(2026, 9, 4), 0.7, 12, 7.2, False),
    ("长空之翼", "战争", datetime(2026, 9, 30), 2.2, 18, 8.4, True),
    ("国庆奇遇", "喜剧", datetime(2026, 9, 30), 1.6, 12, 6.8, False),
    ("迷雾庄园", "悬疑", datetime(2026, 11, 6), 1.0, 14, 7.6, False),
    ("冰原狼", "动画", datetime(2026, 11, 20), 0.9, 16, 7.9, False),
    ("雪夜追凶", "犯罪", datetime(2026, 12, 4), 1.0, 14, 7.5, True),
]
PLATFORMS = ["猫眼", "淘票票", "抖音", "微信小程序", "影城前台"]
PLATFORM_W = [0.38, 0.24, 0.12, 0.16, 0.10]
UID_PREFIX = {"猫眼": "my_", "淘票票": "tpp_", "抖音": "dy_"}
HALL_LABEL = {"IMAX": "IMAX厅", "DOLBY": "杜比全景声厅", "STD": "普通厅"}
BASE_PRICE = {"IMAX": 72.0, "DOLBY": 58.0, "STD": 42.0}
SNACKS = [
    ("单人爆米花套餐", 39.0),
    ("双人套餐", 69.0),
    ("家庭欢享套餐", 99.0),
    ("大桶爆米花", 29.0),
    ("可乐(中)", 15.0),
]
SNACK_W = [0.34, 0.36, 0.08, 0.12, 0.1]
SHOW_HOURS = [
    0.2,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0.3,
    1.0,
    1.5,
    2.0,
    2.4,
    2.6,
    2.8,
    3.0,
    3.2,
    3.6,
    4.4,
    5.0,
    4.0,
    2.2,
    0.8,
]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    if lam > 30:
        return max(0, round(R.gauss(lam, math.sqrt(lam))))
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text, n=16):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


seq = {
    "person": 0,
    "order": 0,
    "receipt": 0,
    "snack": 0,
    "card": 800000,
    "ticket": 0,
    "gate": 0,
    "tg": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city=None, platform=None, home=None):
        self.n = nxt("person")
        self.city = city or pick(CITIES, CITY_W)
        cands = [c for c in CINEMAS[self.city] if c != "武汉光谷店"]
        self.home = home or R.choice(cands)
        self.platform = platform or pick(PLATFORMS[:4], PLATFORM_W[:4])
        self.phone = h(f"phone{self.n}", 32)
        self.openid = "o" + h(f"openid{self.n}", 27)
        self.card = None
        self.card_ts = None
        self.tier = None
        self.gender = pick(["女", "男"], [0.56, 0.44])
        self.age = pick(
            ["18岁以下", "18-24", "25-34", "35-44", "45岁以上"], [0.05, 0.3, 0.37, 0.18, 0.1]
        )
        self.logged_in = False

    def uid(self, platform):
        if platform == "微信小程序":
            return self.openid
        return UID_PREFIX[platform] + h(f"{platform}{self.n}", 12)


tickets_rows, tuigai, mp, gate, snacks, cards, ledger, ratings, kefu = ([] for _ in range(9))
members = []


def season(d):
    w = {0: 0.75, 1: 0.7, 2: 0.8, 3: 0.8, 4: 1.15, 5: 1.75, 6: 1.5}[d.weekday()]
    if inw(d, SPRING):
        w = 1.75 * (4.6 if d == SPRING[0] else 4.0)
    elif datetime(2026, 2, 24) <= d < datetime(2026, 3, 2):
        w *= 1.7
    elif datetime(2026, 2, 9) <= d < datetime(2026, 2, 17):
        w *= 0.65
    elif inw(d, NATIONAL):
        w = 1.75 * 2.8
    elif inw(d, MAYDAY):
        w = 1.75 * 1.7
    elif d in (datetime(2026, 1, 1), datetime(2025, 12, 31), datetime(2025, 12, 24)):
        w *= 1.6
    if inw(d, SUMMER):
        w *= 1.45
    if BLOCKBUSTER_DAY <= d < BLOCKBUSTER_DAY + timedelta(days=35):
        w *= 1.0 + 0.7 * math.exp(-(d - BLOCKBUSTER_DAY).days / 14)
    if datetime(2026, 9, 1) <= d < datetime(2026, 9, 30) and d.weekday() < 5:
        w *= 0.85
    return w


def film_for(d):
    ws = []
    for f in FILMS:
        age = (d - f[2]).days
        if age < 0 or age > 75:
            ws.append(0.0)
            continue
        ws.append(f[3] * math.exp(-age / f[4]))
    return FILMS[R.choices(range(len(FILMS)), weights=ws)[0]]


def hall_for(cinema, film):
    opts, w = ["STD"], [1.0]
    if cinema in IMAX:
        opts.append("IMAX")
        w.append(0.55 if film[6] else 0.12)
    if cinema in DOLBY:
        opts.append("DOLBY")
        w.append(0.3 if film[6] else 0.12)
    return pick(opts, w)


def ticket_kefu(p, ts, kind, cinema, order_no, complaint, mood=0.0, src=None):
    if not within(ts):
        return
    src = src or pick(
        ["电话", "微信小程序客服", "猫眼客服转单", "大众点评"], [0.4, 0.35, 0.15, 0.1]
    )
    fr = {
        "电话": R.uniform(0.03, 0.6),
        "微信小程序客服": R.uniform(0.05, 2.0),
        "猫眼客服转单": R.uniform(2, 20),
        "大众点评": R.uniform(3, 30),
    }[src]
    if ts.date() == OUTAGE[0].date():
        fr *= 4
    res = (
        fr
        + {
            "退票退款": R.uniform(4, 72),
            "座位问题": R.uniform(0.5, 24),
            "放映质量": R.uniform(2, 72),
            "会员卡": R.uniform(2, 48),
            "卖品": R.uniform(0.5, 24),
            "购票失败": R.uniform(1, 36),
        }[kind]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.8))))
    kefu.append(
        (
            f"KF{ts:%y%m}{nxt('ticket'):05d}",
            p.phone,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.97) else None,
            kind,
            src,
            "是" if complaint else "否",
            csat,
            cinema,
            order_no,
        )
    )


def mp_session(p, t, scene, film, buy=True, login_now=True):
    """Mini-program browsing; returns the time of order submission (or None)."""
    if not within(t):
        return None
    mp.append((t, p.openid, p.phone if p.logged_in else "", "open_app", scene, ""))
    t += timedelta(seconds=R.uniform(10, 90))
    mp.append((t, p.openid, p.phone if p.logged_in else "", "view_film", scene, film[0]))
    if not buy:
        if chance(0.45):
            t += timedelta(seconds=R.uniform(30, 200))
            mp.append((t, p.openid, p.phone if p.logged_in else "", "select_seat", scene, film[0]))
        return None
    t += timedelta(seconds=R.uniform(30, 240))
    if login_now:
        p.logged_in = True
    mp.append((t, p.openid, p.phone if p.logged_in else "", "select_seat", scene, film[0]))
    t += timedelta(seconds=R.uniform(20, 120))
    mp.append((t, p.openid, p.phone, "submit_order", scene, film[0]))
    p.logged_in = True
    return t


def order(p, d, platform=None, cinema=None, promo_new=False):
    cinema = cinema or p.home
    if p.city == "武汉" and d >= GUANGGU_OPEN and cinema != "武汉光谷店" and chance(0.3):
        cinema = "武汉光谷店"
    if cinema == "武汉光谷店" and d < GUANGGU_OPEN:
        cinema = "武汉江汉路店"
    if chance(0.12):
        cinema = R.choice(CINEMAS[p.city])
        if cinema == "武汉光谷店" and d < GUANGGU_OPEN:
            cinema = "武汉汉阳店"
    film = film_for(d)
    hall = hall_for(cinema, film)
    if platform is None:
        if p.card and chance(0.7):
            platform = pick(["微信小程序", "影城前台"], [0.6, 0.4])
        elif chance(0.72):
            platform = p.platform
        else:
            platform = pick(PLATFORMS, PLATFORM_W)
    promo = platform == "抖音" and inw(d, PROMO) and hall == "STD" and (promo_new or chance(0.6))
    hr = R.choices(range(24), weights=SHOW_HOURS)[0]
    show = datetime(d.year, d.month, d.day, hr, R.choice([0, 10, 15, 20, 30, 40, 45, 50]))
    if platform == "影城前台":
        ts = show - timedelta(minutes=R.uniform(5, 50))
    else:
        ts = show - timedelta(
            minutes=R.uniform(25, 180) if chance(0.6) else R.uniform(180, 3 * 1440)
        )
    if not within(ts) or show >= END:
        return None
    n_t = pick([1, 2, 3, 4], [0.34, 0.48, 0.1, 0.08])
    if inw(d, SPRING) or inw(d, NATIONAL):
        n_t = pick([1, 2, 3, 4, 5], [0.2, 0.4, 0.2, 0.15, 0.05])
    face = BASE_PRICE[hall] * (1.3 if inw(d, SPRING) else 1.0) * (0.85 if show.hour < 12 else 1.0)
    face = round(face * R.uniform(0.92, 1.08))
    pay_method = {
        "猫眼": pick(["微信支付", "支付宝"], [0.6, 0.4]),
        "淘票票": "支付宝",
        "抖音": "抖音支付",
    }.get(platform)
    card_no, receipt = "", ""
    if platform in ("微信小程序", "影城前台") and p.card and chance(0.8):
        pay_method = "会员卡"
        card_no = p.card
    elif platform == "微信小程序":
        pay_method = "微信支付"
    elif platform == "影城前台":
        pay_method = pick(["微信支付", "支付宝", "现金"], [0.6, 0.3, 0.1])
    if promo:
        unit = 9.9
    elif pay_method == "会员卡":
        unit = round(face * 0.75, 1)
    elif platform in ("猫眼", "淘票票"):
        unit = round(face - R.choice([0, 3, 5, 8]), 1)
    else:
        unit = float(face - R.choice([0, 0, 2, 5]))
    paid = round(unit * n_t, 2)
    phone = p.phone
    uid = p.uid(platform) if platform != "影城前台" else ""
    if platform == "影城前台" and not card_no and chance(0.4):
        receipt = f"R{CODE_OF[cinema]}{nxt('receipt'):07d}"
        phone = ""
        # else the buyer gave a phone number for the e-ticket / points
    # mini-program ordering path, and the outage
    if platform == "微信小程序":
        scene = pick(
            ["朋友圈广告", "公众号菜单", "小程序搜索", "好友分享", "附近的小程序"],
            [0.2, 0.3, 0.3, 0.12, 0.08],
        )
        sub = mp_session(p, ts - timedelta(minutes=R.uniform(3, 9)), scene, film)
        if sub is None:
            return None
        if inw(sub, OUTAGE):
            mp.append(
                (
                    sub + timedelta(seconds=R.uniform(5, 40)),
                    p.openid,
                    p.phone,
                    "pay_fail",
                    scene,
                    film[0],
                )
            )
            if chance(0.3):
                mp.append(
                    (
                        sub + timedelta(minutes=R.uniform(1, 4)),
                        p.openid,
                        p.phone,
                        "submit_order",
                        scene,
                        film[0],
                    )
                )
                mp.append(
                    (
                        sub + timedelta(minutes=R.uniform(4, 5)),
                        p.openid,
                        p.phone,
                        "pay_fail",
                        scene,
                        film[0],
                    )
                )
            if chance(0.22):
                ticket_kefu(
                    p,
                    sub + timedelta(minutes=R.uniform(5, 90)),
                    "购票失败",
                    cinema,
                    "",
                    chance(0.5),
                    mood=1.2,
                    src=pick(["电话", "微信小程序客服"], [0.5, 0.5]),
                )
            if chance(0.45):  # bought elsewhere instead
                return order(p, d, platform=pick(["猫眼", "淘票票"], [0.65, 0.35]), cinema=cinema)
            return None
        ts = sub + timedelta(seconds=R.uniform(15, 90))
    elif chance(0.015):
        # a look at the mini program before buying on a platform (not logged in)
        mp_session(
            p,
            ts - timedelta(hours=R.uniform(1, 30)),
            pick(["公众号菜单", "小程序搜索"], [1, 1]),
            film,
            buy=False,
            login_now=False,
        )
    on = f"{ts:%Y%m%d}{CODE_OF[cinema]}{nxt('order'):06d}"
    tickets_rows.append(
        (
            on,
            platform,
            uid,
            phone,
            card_no,
            receipt,
            ts,
            cinema,
            CITY_OF[cinema],
            film[0],
            film[1],
            HALL_LABEL[hall],
            show,
            n_t,
            f"{face:.2f}",
            f"{paid:.2f}",
            pay_method,
            "9.9特惠" if promo else "",
        )
    )
    who = (phone, card_no, receipt)
    # refunds and rebooking
    p_ref = 0.028 if platform in ("猫眼", "淘票票", "微信小程序") else 0.012
    if promo:
        p_ref = 0.0
    nj_bad = cinema == "南京新街口店" and ts >= NJ_ISSUE
    if nj_bad:
        p_ref = 0.2
    if platform != "影城前台" and chance(p_ref):
        rt = ts + (show - ts) * R.uniform(0.2, 0.95)
        tuigai.append(
            (
                on,
                phone,
                uid,
                platform,
                "退票",
                rt,
                f"{paid:.2f}",
                pick(
                    ["行程有变", "买错场次", "影厅设备故障", "其他"],
                    [0.5, 0.2, 0.05, 0.25] if not nj_bad else [0.25, 0.1, 0.5, 0.15],
                ),
                cinema,
            )
        )
        if chance(0.12 if not nj_bad else 0.3):
            ticket_kefu(
                p,
                rt + timedelta(hours=R.uniform(2, 60)),
                "退票退款",
                cinema,
                on,
                nj_bad or chance(0.4),
                mood=0.8 if nj_bad else 0.4,
            )
        return on
    if platform != "影城前台" and not promo and chance(0.018):
        rt = ts + (show - ts) * R.uniform(0.2, 0.9)
        tuigai.append(
            (
                on,
                phone,
                uid,
                platform,
                "改签",
                rt,
                "0.00",
                pick(["时间冲突", "换影厅", "其他"], [0.6, 0.2, 0.2]),
                cinema,
            )
        )
        show = show + timedelta(days=pick([0, 1, 2], [0.5, 0.3, 0.2]), hours=R.choice([-2, 2, 3]))
        if show >= END:
            return on
    # gate
    if platform == "影城前台" or chance(0.2 if platform in ("猫眼", "淘票票") else 0.08):
        gt = show - timedelta(minutes=R.uniform(8, 35))
        if platform != "影城前台":
            gate.append((gt, "TAKE", on, CODE_OF[cinema], who, uid))
    if chance(0.965):
        gate.append(
            (show - timedelta(minutes=R.uniform(0, 18)), "CHECK", on, CODE_OF[cinema], who, uid)
        )
    # concessions
    p_snack = (
        0.32
        + (0.18 if p.card else 0.0)
        - (0.24 if promo else 0.0)
        + (0.08 if film[1] == "动画" else 0.0)
    )
    if chance(p_snack):
        online = platform == "微信小程序" and chance(0.55)
        st = (
            ts + timedelta(seconds=R.uniform(30, 200))
            if online
            else show - timedelta(minutes=R.uniform(3, 25))
        )
        k = pick(range(len(SNACKS)), SNACK_W)
        qty = 1 if k < 3 else pick([1, 2], [0.7, 0.3])
        amt = SNACKS[k][1] * qty * (0.85 if card_no else 1.0)
        snacks.append(
            (
                f"MP{nxt('snack'):08d}",
                phone,
                card_no,
                receipt if not phone and not card_no else "",
                st,
                cinema,
                SNACKS[k][0],
                qty,
                f"{amt:.2f}",
                "XCX" if online else "GT",
                "HYK" if card_no else pick(["WX", "ZFB", "XJ"], [0.65, 0.3, 0.05]),
            )
        )
    # ratings after the film
    if platform in ("猫眼", "淘票票", "微信小程序") and chance(
        0.2 if platform != "微信小程序" else 0.1
    ):
        rt = show + timedelta(hours=R.uniform(2.2, 72))
        if rt < END:
            mean = film[5] - (1.8 if nj_bad else 0.0) - (0.6 if hall == "STD" and film[6] else 0.0)
            sc = max(1, min(10, round(R.gauss(mean, 1.4))))
            cm = ""
            if chance(0.35):
                cm = (
                    R.choice(["中途黑屏, 空调也不冷", "放映有问题, 退钱", "画面发暗"])
                    if nj_bad and sc <= 6
                    else R.choice(
                        [
                            "好看!",
                            "特效震撼",
                            "剧情一般",
                            "值回票价",
                            "IMAX效果太棒了",
                            "有点拖沓",
                            "带孩子看的, 孩子很喜欢",
                            "笑点密集",
                        ]
                    )
                )
            ratings.append((platform, uid, rt, film[0], sc, cm, cinema, on))
    # service tickets unrelated to refunds
    if chance(0.006 + (0.03 if nj_bad else 0.0)):
        kind = pick(
            ["座位问题", "放映质量", "卖品", "会员卡"],
            [0.45, 0.2, 0.2, 0.15] if not nj_bad else [0.1, 0.85, 0.03, 0.02],
        )
        ticket_kefu(
            p,
            show + timedelta(hours=R.uniform(0.5, 20)),
            kind,
            cinema,
            on,
            kind in ("放映质量",) or chance(0.35),
            mood=0.9 if nj_bad else 0.3,
        )
    return on


def open_card(p, ts, initial=True):
    p.card = f"SX{nxt('card')}"
    p.card_ts = ts
    amt = pick([200, 300, 500, 1000], [0.3, 0.3, 0.3, 0.1])
    if inw(ts, (datetime(2026, 1, 26), datetime(2026, 2, 24))):
        amt = pick([300, 500, 1000], [0.3, 0.5, 0.2])  # 春节 充500送100
    p.tier = "钻石卡" if amt >= 1000 else ("金卡" if amt >= 500 else "银卡")
    members.append(p)
    if within(ts):
        ledger.append((p.card, p.phone, "KAIKA", ts, f"{amt:.2f}", p.home))
    return amt


def simulate():
    pool = []
    for _ in range(7200):
        p = Person()
        p.w = math.exp(R.gauss(0, 0.9))
        pool.append(p)
    # existing members (card opened before the data)
    for p in R.sample(pool, 1150):
        open_card(p, START - timedelta(days=R.uniform(20, 900)))
        p.w *= 2.2
        p.platform = pick(["微信小程序", "猫眼", "淘票票"], [0.6, 0.25, 0.15])
    # people who join during the year: a start date, and Wuhan Guanggu locals after the opening
    late = []
    for _ in range(1600):
        p = Person()
        p.w = math.exp(R.gauss(0, 0.9))
        p.since = START + timedelta(days=R.uniform(0, N_DAYS))
        late.append(p)
    for _ in range(520):
        p = Person(city="武汉", home="武汉光谷店")
        p.w = math.exp(R.gauss(0.2, 0.8))
        p.since = GUANGGU_OPEN + timedelta(days=R.uniform(0, 60))
        late.append(p)
    promo_people = []
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        active = pool + [p for p in late if p.since <= d]
        cum, tot = [], 0.0
        for p in active:
            tot += p.w
            cum.append(tot)
        for _ in range(poisson(62 * season(d))):
            p = active[bisect.bisect_left(cum, R.random() * tot)]
            order(p, d)
            # new member cards, mostly at the box office or in the mini program
            if p.card is None and chance(
                0.022 if not inw(d, (datetime(2026, 1, 26), datetime(2026, 2, 24))) else 0.05
            ):
                ct = datetime(d.year, d.month, d.day, R.randrange(11, 22), R.randrange(60))
                if d >= GUANGGU_OPEN and p.home == "武汉光谷店" and chance(0.5):
                    ct = max(ct, GUANGGU_OPEN + timedelta(hours=10))
                open_card(p, ct)
                p.w *= 1.6
        # 抖音 9.9 promo: bargain hunters, mostly new and rarely back
        if inw(d, PROMO):
            for _ in range(poisson(34 if d.weekday() < 5 else 50)):
                p = Person(platform="抖音")
                p.w = 0.15
                promo_people.append(p)
                order(p, d, platform="抖音", promo_new=True)
        # mini-program browsers who do not buy (some only ever anonymous)
        for _ in range(poisson(9 * season(d))):
            if chance(0.65):
                p = active[bisect.bisect_left(cum, R.random() * tot)]
            else:
                p = Person(platform="微信小程序")
            hr = R.choices(range(24), weights=SHOW_HOURS)[0]
            t = datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60)) - timedelta(
                hours=2
            )
            scene = pick(
                ["朋友圈广告", "公众号菜单", "小程序搜索", "好友分享", "附近的小程序"],
                [0.3, 0.25, 0.25, 0.12, 0.08],
            )
            mp_session(p, t, scene, film_for(d), buy=False, login_now=False)
    # a few promo people come back later at full price
    for p in promo_people:
        if chance(0.07):
            d = PROMO[1] + timedelta(days=R.uniform(3, 170))
            order(p, datetime(d.year, d.month, d.day))
    # top-ups
    for p in members:
        for _ in range(poisson(1.3 if p.tier != "银卡" else 0.9)):
            t = max(p.card_ts, START) + timedelta(days=R.uniform(5, 300))
            t = datetime(
                t.year, t.month, t.day, R.randrange(10, 23), R.randrange(60), R.randrange(60)
            )
            if within(t) and t > p.card_ts:
                ledger.append(
                    (
                        p.card,
                        p.phone,
                        "CHONGZHI",
                        t,
                        f"{pick([100, 200, 300, 500], [0.3, 0.35, 0.15, 0.2]):.2f}",
                        p.home,
                    )
                )
        if chance(0.02):
            ticket_kefu(
                p,
                max(p.card_ts, START) + timedelta(days=R.uniform(1, 300)),
                "会员卡",
                p.home,
                "",
                chance(0.3),
            )


def write(folder: Path):
    with open(folder / "piaowu_dingdan.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "销售渠道",
                "渠道用户ID",
                "取票手机号MD5",
                "会员卡号",
                "前台小票号",
                "下单时间",
                "影城",
                "城市",
                "影片",
                "影片类型",
                "影厅类型",
                "放映时间",
                "票数",
                "票面价",
                "实付金额",
                "支付方式",
                "活动",
            ]
        )
        rows = sorted(tickets_rows, key=lambda r: (r[6], r[0]))
        for r in rows:
            w.writerow(
                [
                    *list(r[:6]),
                    f"{r[6]:%Y/%m/%d %H:%M:%S}",
                    *list(r[7:12]),
                    f"{r[12]:%Y/%m/%d %H:%M:%S}",
                    *list(r[13:]),
                ]
            )
        for r in rows[1000:1005]:  # the export overlapped a page: five rows twice
            w.writerow(
                [
                    *list(r[:6]),
                    f"{r[6]:%Y/%m/%d %H:%M:%S}",
                    *list(r[7:12]),
                    f"{r[12]:%Y/%m/%d %H:%M:%S}",
                    *list(r[13:]),
                ]
            )
    with open(folder / "tuigai_jilu.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "手机号MD5",
                "渠道用户ID",
                "购票渠道",
                "操作类型",
                "操作时间",
                "退款金额",
                "原因",
                "影城",
            ]
        )
        for r in sorted(tuigai, key=lambda r: (r[5], r[0])):
            w.writerow([*list(r[:5]), f"{r[5]:%Y-%m-%d %H:%M}", *list(r[6:])])
    with open(folder / "wxapp_events.jsonl", "w", encoding="utf-8") as f:
        for t, oid, ph, ev, scene, film in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            if not within(t):
                continue
            obj = {
                "event_time": f"{t - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}"
                f".{R.randrange(1000):03d}Z",
                "openid": oid,
                "phone_md5": ph or None,
                "event": ev,
                "scene": scene,
            }
            if film:
                obj["film_name"] = film
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "gate_scans.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "scan_id",
                "scan_type",
                "scan_time",
                "order_no",
                "cinema_code",
                "mobile_md5",
                "member_card",
                "receipt_no",
                "platform_uid",
            ]
        )
        for t, typ, on, code, who, uid in sorted(gate, key=lambda r: (r[0], r[2], r[1])):
            if within(t):
                w.writerow(
                    [
                        f"G{nxt('gate'):08d}",
                        typ,
                        f"{t:%Y-%m-%dT%H:%M:%S}+08:00",
                        on,
                        code,
                        who[0],
                        who[1],
                        who[2],
                        uid,
                    ]
                )
    with open(folder / "maipin_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "dingdanhao",
                "shoujihao_md5",
                "huiyuan_kahao",
                "xiaopiao_hao",
                "xiadan_shijian",
                "mendian",
                "taocan_mingcheng",
                "shuliang",
                "jine",
                "qudao",
                "zhifu_fangshi",
            ]
        )
        for r in sorted(snacks, key=lambda r: (r[4], r[0])):
            if within(r[4]):
                w.writerow([*list(r[:4]), f"{r[4]:%Y%m%d%H%M%S}", *list(r[5:])])
    with open(folder / "huiyuan_ka.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "huiyuan_kahao",
                "shouji_md5",
                "kaika_shijian",
                "kaika_yingcheng",
                "suoshu_chengshi",
                "dengji",
                "xingbie",
                "nianling_duan",
            ]
        )
        for p in sorted(members, key=lambda p: p.card):
            if p.card_ts < END:
                w.writerow(
                    [
                        p.card,
                        p.phone,
                        f"{p.card_ts:%Y-%m-%d %H:%M:%S}",
                        p.home,
                        p.city,
                        p.tier,
                        p.gender,
                        p.age,
                    ]
                )
    with open(folder / "huiyuan_liushui.jsonl", "w", encoding="utf-8") as f:
        for i, (card, ph, typ, t, amt, home) in enumerate(
            sorted(ledger, key=lambda r: (r[3], r[0]))
        ):
            f.write(
                json.dumps(
                    {
                        "liushui_id": f"LS{i + 1:07d}",
                        "kahao": card,
                        "shouji_md5": ph,
                        "jiaoyi_leixing": typ,
                        "jiaoyi_shijian": f"{t:%Y-%m-%dT%H:%M:%S}+08:00",
                        "jine": float(amt),
                        "mendian": home,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    with open(folder / "pingfen.jsonl", "w", encoding="utf-8") as f:
        for platform, uid, t, film, sc, cm, cinema, _on in sorted(
            ratings, key=lambda r: (r[2], r[1])
        ):
            f.write(
                json.dumps(
                    {
                        "source": {
                            "猫眼": "maoyan",
                            "淘票票": "taopiaopiao",
                            "微信小程序": "wxapp",
                        }[platform],
                        "user_id": uid,
                        "rated_at": f"{t:%Y-%m-%d %H:%M:%S}",
                        "movie": film,
                        "score": sc,
                        "comment": cm,
                        "cinema": cinema,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "kefu_gongdan.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "客户手机MD5",
                "创建时间",
                "首次回复时间",
                "解决时间",
                "问题类型",
                "来源",
                "是否投诉",
                "满意度",
                "影城",
                "关联订单",
            ]
        )
        for r in sorted(kefu, key=lambda r: (r[2], r[0])):
            w.writerow(
                [r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7], r[8], r[9], r[10]]
            )
    with open(folder / "weekly_marketing.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["周一日期", "投放渠道", "金额(元)"])
        base = {"猫眼补贴": 16000, "淘票票补贴": 11000, "抖音信息流": 9000, "朋友圈广告": 7000}
        wk = START - timedelta(days=START.weekday())  # Monday 2025-12-08
        while wk < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.88, 1.12)
                if wk <= SPRING[0] < wk + timedelta(days=7) or wk + timedelta(days=7) == SPRING[
                    0
                ] + timedelta(days=6):
                    f_ *= 2.3
                if inw(wk, SUMMER):
                    f_ *= 1.4
                if wk <= NATIONAL[0] + timedelta(days=3) < wk + timedelta(days=7):
                    f_ *= 1.9
                if ch == "抖音信息流" and inw(wk, PROMO):
                    f_ *= 3.5  # 9.9 promo: ads plus the ticket subsidy
                w.writerow([f"{wk:%Y年%m月%d日}", ch, f"{amt * f_:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="cinema-src-") as tmp:
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
