"""Webnovel evaluation domain: 墨页小说 (MoPage Novels), a Chinese web-novel reading app.

    python generate.py OUT.duckdb

Writes MoPage's own exports (seeded: the same files every run) to a temporary folder —

  app_event_log.csv        app / mini-program event log: 事件时间 (Beijing, YYYY/MM/DD HH:MM:SS),
                           device_id (app) or openid (mini-program), uid once logged in, event
                           names partly Chinese (阅读章节, 加入书架, 评论, 榜单点击) and partly
                           English / pinyin keys (register, paywall_show, ad_unlock, qiandao,
                           dashang…)
  attribution_installs.csv ad-attribution platform: installs with channel codes (dy, ks, oppo_store,
                           vivo_store, appstore, wx_mini, natural), campaign, ISO times with +08:00
  accounts.csv             account system: uid, device_id / openid, 注册时间, 注册方式, 性别,
                           城市等级
  pay_orders.jsonl         payment system: order ids, amounts in fen, UTC times with Z, status
  book_ratings.jsonl       book rating service: 1-5 stars per book
  cs_tickets.csv           customer-service tickets, Chinese column headers
  nps_survey.csv           quarterly NPS survey (0-10)
  weekly_spend.csv         marketing spend per channel per week, in yuan

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
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261201
START = datetime(2025, 12, 1)
END = datetime(2026, 12, 1)  # as_of (Tuesday); data ends the day before
N_DAYS = (END - START).days

HIT_LAUNCH = datetime(2026, 4, 13)  # 《九霄神帝》 (玄幻) starts serialising (Monday)
KS_CAMPAIGN = (datetime(2026, 7, 1), datetime(2026, 8, 1))  # Kuaishou 短剧 clip campaign
VIP_PRICE_RISE = datetime(2026, 6, 1)  # 连续包月 25 -> 30 元
OUTAGE = (datetime(2026, 9, 17, 9, 40), datetime(2026, 9, 17, 21, 15))  # top-ups fail
GOLDEN_WEEK = (datetime(2026, 10, 1), datetime(2026, 10, 8))  # 国庆充值节
DOUBLE11 = (datetime(2026, 11, 1), datetime(2026, 11, 12))  # 双十一 coin packs
DOUBLE11_PEAK = (datetime(2026, 11, 11), datetime(2026, 11, 12))

R = random.Random(SEED)

GENRES = ["都市", "玄幻", "言情", "悬疑", "历史"]
BOOKS = [  # (book_id, title, genre, free chapters)
    ("B1001", "都市至尊医仙", "都市", 30),
    ("B1002", "重生之商业帝国", "都市", 28),
    ("B1003", "我的绝色总裁老婆", "都市", 32),
    ("B1004", "都市最强赘婿", "都市", 30),
    ("B1101", "万古剑尊", "玄幻", 30),
    ("B1102", "星辰变之永恒", "玄幻", 35),
    ("B1103", "太古龙帝诀", "玄幻", 30),
    ("B2048", "九霄神帝", "玄幻", 20),  # the April hit
    ("B1201", "冷少的契约甜妻", "言情", 28),
    ("B1202", "盛世嫡女", "言情", 30),
    ("B1203", "余生请多指教", "言情", 32),
    ("B1204", "离婚后他追悔莫及", "言情", 25),
    ("B1301", "深夜诡案录", "悬疑", 30),
    ("B1302", "无人生还的古宅", "悬疑", 30),
    ("B1303", "法医秦明之尸语", "悬疑", 33),
    ("B1401", "大明锦衣卫", "历史", 30),
    ("B1402", "三国之最强谋士", "历史", 30),
    ("B1403", "贞观长歌", "历史", 35),
]
HIT = BOOKS[7]
BY_GENRE = {g: [b for b in BOOKS if b[2] == g and b is not HIT] for g in GENRES}
GENRE_W = [0.27, 0.22, 0.25, 0.14, 0.12]

CHANNELS = ["dy", "ks", "oppo_store", "vivo_store", "appstore", "wx_mini", "natural"]
PACKS = [(600, 600), (3000, 3000), (6800, 7000), (19800, 21000)]  # (fen, coins)
PACK_W = [0.42, 0.33, 0.17, 0.08]
HOURS = [
    1.5,
    0.8,
    0.4,
    0.2,
    0.1,
    0.2,
    0.6,
    1.5,
    2,
    1.8,
    1.6,
    2,
    3.2,
    2.6,
    1.8,
    1.6,
    1.7,
    2,
    2.4,
    3,
    3.8,
    4.6,
    5,
    3.6,
]

READERS = []
events, installs, accounts, pays, ratings, tickets, nps = ([] for _ in range(7))
seq = {"uid": 300000, "dev": 0, "order": 0, "ticket": 0}


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def nxt(k):
    seq[k] += 1
    return seq[k]


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def vip_price(ts):
    return 3000 if ts >= VIP_PRICE_RISE else 2500


class Reader:
    def __init__(self, platform, channel, t0, existing=False):
        self.platform = platform  # android / ios / mini
        self.channel = channel
        self.t0 = t0
        self.existing = existing
        self.dev = None
        self.openid = None
        if platform == "mini":
            self.openid = "oMP" + h(f"open{nxt('dev')}")[:24]
        elif platform == "ios":
            self.dev = h(f"idfa{nxt('dev')}")[:32].upper()
        else:
            self.dev = "oaid_" + h(f"oaid{nxt('dev')}")[:20]
        self.uid = None
        self.reg_ts = None
        self.gender = pick(["男", "女"], [0.56, 0.44])
        self.tier = pick(["一线", "新一线", "二线", "三线及以下"], [0.14, 0.2, 0.24, 0.42])
        self.vip_until = None
        self.vip_active = False
        self.coins = 0
        self.ad_left = 0


def log(r, ts, ev, book=None, chapter="", extra=""):
    if not within(ts):
        return False
    plat = {"android": "Android", "ios": "iOS", "mini": "MiniProgram"}[r.platform]
    bid, title, genre = (book[0], book[1], book[2]) if book else ("", "", "")
    events.append(
        (ts, r.dev or "", r.openid or "", r.uid or "", ev, plat, bid, title, genre, chapter, extra)
    )
    return True


def register(r, ts):
    if r.uid is not None or not within(ts):
        return
    r.uid = str(nxt("uid"))
    r.reg_ts = ts
    method = "微信" if r.platform == "mini" or chance(0.45) else "手机号"
    accounts.append((r, method))
    log(r, ts, "register")


def pay(r, ts, ptype, fen, status="SUCCESS", campaign="", coins=0):
    if not within(ts) or r.uid is None:
        return None
    oid = f"MP{ts:%Y%m%d}{nxt('order'):07d}"
    method = "apple_iap" if r.platform == "ios" else pick(["wechat_pay", "alipay"], [0.7, 0.3])
    if r.platform == "mini":
        method = "wechat_pay"
    pays.append(
        {
            "order_id": oid,
            "uid": r.uid,
            "product_type": ptype,
            "total_fee": fen,
            "paid_fee": fen if status == "SUCCESS" else (-fen if status == "REFUND" else 0),
            "status": status,
            "pay_method": method,
            "client": {"android": "android", "ios": "ios", "mini": "wxmp"}[r.platform],
            "activity": campaign,
            "coins": coins,
            "ts": ts,
        }
    )
    return oid


def ticket(r, ts, cat, complaint, mood=0.0, backlog=1.0, order_id=""):
    if not within(ts) or r.uid is None:
        return
    src = pick(["在线客服", "电话", "意见反馈"], [0.62, 0.13, 0.25])
    if r.platform == "mini":
        src = pick(["小程序客服", "意见反馈"], [0.7, 0.3])
    base = {
        "在线客服": R.uniform(2, 25),
        "小程序客服": R.uniform(3, 40),
        "电话": R.uniform(1, 8),
        "意见反馈": R.uniform(120, 1500),
    }[src]
    fr = ts + timedelta(minutes=base * backlog)
    res = fr + timedelta(
        hours=R.uniform(0.5, 30) * (1.5 if cat in ("退款申请", "扣费争议") else 1.0)
    )
    sat = ""
    if chance(0.4):
        sat = str(max(1, min(5, round(R.gauss(4.0 - mood, 1.0)))))
    tickets.append(
        (
            f"CS{nxt('ticket'):07d}",
            r.uid,
            ts,
            fr,
            res if res < END and chance(0.96) else None,
            cat,
            src,
            "是" if complaint else "否",
            sat,
            order_id,
        )
    )


def topup(r, ts, boost=1.0):
    """A coin top-up attempt; returns True if it went through."""
    camp = ""
    bonus = 1.0
    packs, w = PACKS, PACK_W
    if inw(ts, GOLDEN_WEEK):
        camp, bonus = "国庆充值节", 1.5
    elif inw(ts, DOUBLE11):
        camp, bonus = "双十一书币狂欢", 1.3
        packs, w = [*PACKS, (9900, 15000)], [*PACK_W, 0.35]
    fen, coins = pick(packs, w)
    if r.platform == "ios" and fen == 9900:
        fen, coins = 6800, 7000
    if inw(ts, OUTAGE) and chance(0.93):
        oid = pay(r, ts, "coin_pack", fen, "FAILED", camp, 0)
        if oid and chance(0.35):  # charged by the bank but no coins: 扣费争议
            ticket(
                r,
                ts + timedelta(minutes=R.uniform(3, 90)),
                "扣费争议",
                True,
                mood=1.3,
                backlog=9.0,
                order_id=oid,
            )
        if chance(0.4):
            t2 = ts + timedelta(minutes=R.uniform(2, 10))
            if inw(t2, OUTAGE):
                pay(r, t2, "coin_pack", fen, "FAILED", camp, 0)
            else:
                pay(r, t2, "coin_pack", fen, "SUCCESS", camp, int(coins * bonus))
                r.coins += coins
                return True
        return False
    if chance(0.012):  # ordinary failures (bank declined, cancelled)
        pay(r, ts, "coin_pack", fen, "FAILED", camp, 0)
        return False
    oid = pay(r, ts, "coin_pack", fen, "SUCCESS", camp, int(coins * bonus))
    if oid is None:
        return False
    r.coins += int(coins * bonus)
    if chance(0.005):
        ticket(
            r,
            ts + timedelta(hours=R.uniform(0.5, 30)),
            "扣费争议",
            chance(0.6),
            mood=0.5,
            order_id=oid,
        )
    if chance(0.012):
        t = ts + timedelta(hours=R.uniform(1, 48))
        ticket(r, t, "退款申请", chance(0.5), mood=0.6, order_id=oid)
        if chance(0.6):
            pay(r, t + timedelta(hours=R.uniform(2, 72)), "coin_pack", fen, "REFUND", camp, 0)
    return True


def vip_start(r, ts):
    if r.vip_active or not within(ts):
        return
    oid = pay(r, ts, "vip_month", vip_price(ts))
    if oid is None:
        return
    log(r, ts - timedelta(seconds=R.randrange(20, 120)), "vip_page")
    r.vip_active = True
    # monthly auto-renewals until cancelled
    t = ts
    while True:
        nxt_t = t + timedelta(days=30)
        if nxt_t >= END:
            break
        risk = 0.09
        if nxt_t >= VIP_PRICE_RISE:
            risk = 0.24 if nxt_t < datetime(2026, 8, 1) else 0.15
        if chance(risk):
            c = nxt_t - timedelta(days=R.uniform(0.2, 6))
            pay(r, c, "vip_cancel", 0, "UNSIGN")
            if chance(0.18):
                ticket(
                    r, c + timedelta(hours=R.uniform(0, 5)), "会员自动续费", chance(0.45), mood=0.8
                )
            break
        if inw(nxt_t, OUTAGE):
            pay(r, nxt_t, "vip_auto_renew", vip_price(nxt_t), "FAILED")
            nxt_t = nxt_t + timedelta(hours=R.uniform(14, 30))
        pay(r, nxt_t, "vip_auto_renew", vip_price(nxt_t))
        if nxt_t >= VIP_PRICE_RISE and t < VIP_PRICE_RISE and chance(0.05):
            ticket(r, nxt_t + timedelta(hours=R.uniform(1, 24)), "会员自动续费", True, mood=1.0)
        t = nxt_t
    r.vip_until = t + timedelta(days=30)


def choose_book(ts, channel):
    if ts >= HIT_LAUNCH:
        p_hit = 0.42 if ts < HIT_LAUNCH + timedelta(days=75) else 0.22
        if channel == "ks" and inw(ts, KS_CAMPAIGN):
            p_hit = 0.1
        if chance(p_hit):
            return HIT
    g = pick(GENRES, GENRE_W)
    return R.choice(BY_GENRE[g])


def day_weight(dt):
    w = 1.0
    if dt.weekday() >= 5:
        w *= 1.15
    if datetime(2026, 2, 14) <= dt < datetime(2026, 2, 24):
        w *= 1.3  # 春节
    if HIT_LAUNCH <= dt < HIT_LAUNCH + timedelta(days=60):
        w *= 1.45
    if inw(dt, GOLDEN_WEEK):
        w *= 1.3
    return w


def read_session(r, ts, book, pos, n):
    """Read n chapters of book from chapter pos, paywall included; returns (pos, ts, stopped)."""
    free = book[3]
    for _ in range(n):
        ts = ts + timedelta(minutes=R.uniform(3, 9))
        if pos > free and not (r.vip_active and (r.vip_until is None or ts < r.vip_until)):
            if r.coins >= 60:
                r.coins -= 60
                log(r, ts, "coin_unlock", book, str(pos), "60")
            elif r.ad_left > 0:
                r.ad_left -= 1
            elif getattr(r, "ad_user", False) and chance(0.85):
                log(r, ts, "ad_unlock", book, str(pos))  # one 30-second ad unlocks 5 chapters
                r.ad_left = 4
                ts += timedelta(seconds=R.uniform(20, 40))
            else:
                return pos, ts, True
        log(r, ts, "阅读章节", book, str(pos))
        pos += 1
    return pos, ts, False


def simulate_reader(r):
    """Everything a reader does from install (or from the start of the data) on."""
    t = r.t0
    ks_july = r.channel == "ks" and inw(t, KS_CAMPAIGN)
    hit_era = t >= HIT_LAUNCH
    if not r.existing:
        installs.append(r)
        t = t + timedelta(minutes=R.uniform(0.5, 6))
    # engagement
    p_day = R.uniform(0.15, 0.5)
    payer_p = {
        "dy": 0.13,
        "ks": 0.11,
        "oppo_store": 0.12,
        "vivo_store": 0.12,
        "appstore": 0.2,
        "wx_mini": 0.09,
        "natural": 0.15,
    }[r.channel]
    if ks_july:
        payer_p = 0.012
    if r.existing:
        payer_p = 0.3
    book = choose_book(t, r.channel)
    if hit_era and book is HIT:
        payer_p *= 1.7
    r.payer = chance(payer_p)
    loyal = (0.18 if not ks_july else 0.05) if not r.payer else 0.6
    lifetime = R.expovariate(1 / (120 if chance(loyal) else 8))
    if r.existing:
        lifetime = R.expovariate(1 / (260 if r.payer else 120))
    end_t = min(END, r.t0 + timedelta(days=lifetime))
    r.end_t = end_t
    READERS.append(r)
    r.ad_user = chance(0.55)
    r.vip_lean = chance(0.55 if r.platform != "mini" else 0.3)
    # register: mostly right away, some read first as guests
    reg_first = chance(0.78 if r.platform != "mini" else 0.95)
    if r.existing:
        r.uid = str(nxt("uid"))
        r.reg_ts = START - timedelta(days=R.uniform(20, 700))
        accounts.append((r, pick(["微信", "手机号"], [0.5, 0.5])))
    elif reg_first and chance(0.85 if not ks_july else 0.6):
        register(r, t + timedelta(seconds=R.uniform(20, 240)))
        t = t + timedelta(minutes=R.uniform(1, 5))
    # the first session
    if not r.existing and chance(0.25):
        log(r, t, "榜单点击", book)
        t += timedelta(seconds=R.uniform(10, 60))
    pos = 1 if not r.existing else R.randrange(1, 200)
    if r.existing:
        pos = max(pos, book[3] + 1) if r.payer else pos
    if r.existing and r.payer and chance(0.3):
        r.coins = R.choice([0, 200, 1500])
    first = True
    day = t
    while day < end_t:
        if first:
            ts = t
        else:
            ts = at(day)
            if ts < t:
                ts = t + timedelta(minutes=30)
            src = R.random()
            if src < 0.12:
                log(r, ts, "push_click", book)
                ts += timedelta(seconds=20)
            elif src < 0.17:
                log(r, ts, "author_promo_open", book)
                ts += timedelta(seconds=20)
            elif src < 0.22:
                log(r, ts, "榜单点击", book)
                ts += timedelta(seconds=20)
            if chance(0.45):
                log(r, ts, "qiandao")
                ts += timedelta(seconds=R.uniform(5, 40))
        if (
            not first
            and ts >= HIT_LAUNCH
            and book is not HIT
            and not getattr(r, "saw_hit", False)
            and chance(0.06)
        ):
            r.saw_hit = True
            book, pos = HIT, 1
            log(r, ts, "榜单点击", book)
        n = R.choice([2, 3, 4, 5, 6, 7]) if not first else R.choice([1, 2, 3, 4, 5])
        if inw(ts, GOLDEN_WEEK):
            n += 3
        pos, ts, stopped = read_session(r, ts, book, pos, n)
        if first and r.uid is None and chance(0.5 if not ks_july else 0.25):
            register(r, ts + timedelta(minutes=1))
        if pos >= 4 and chance(0.15) and not getattr(r, "shelved", False):
            if r.uid is None and chance(0.6):
                register(r, ts + timedelta(seconds=10))
            log(r, ts + timedelta(seconds=30), "加入书架", book)
            r.shelved = True
        if stopped:
            log(r, ts + timedelta(seconds=2), "paywall_show", book, str(pos))
            ts += timedelta(seconds=R.uniform(10, 90))
            if r.uid is None and (r.payer or chance(0.3)):
                register(r, ts)
            promo = inw(ts, GOLDEN_WEEK) or inw(ts, DOUBLE11)
            if r.payer and r.uid is not None:
                if r.vip_lean and not r.vip_active:
                    p_vip = 0.75 if ts < VIP_PRICE_RISE else 0.55
                    if chance(p_vip):
                        vip_start(r, ts + timedelta(seconds=R.uniform(20, 200)))
                    elif topup(r, ts + timedelta(seconds=R.uniform(20, 120))):
                        pass
                elif topup(r, ts + timedelta(seconds=R.uniform(20, 120))):
                    pass
                if r.vip_active or r.coins >= 60:
                    pos, ts, _ = read_session(
                        r, ts + timedelta(seconds=10), book, pos, R.randrange(2, 8)
                    )
            elif promo and r.uid is not None and chance(0.06):
                r.payer = True
                topup(r, ts + timedelta(seconds=R.uniform(20, 120)))
            elif r.ad_user:
                log(r, ts + timedelta(seconds=5), "ad_unlock", book, str(pos))
                pos, ts, _ = read_session(
                    r, ts + timedelta(seconds=40), book, pos, R.randrange(1, 4)
                )
            elif not r.payer and chance(0.5):
                day = end_t  # gives up
                break
        # extras by engaged readers
        if r.uid is not None and pos > 8:
            if chance(0.04):
                log(r, ts + timedelta(minutes=1), "评论", book)
            if r.payer and chance(0.03):
                log(
                    r,
                    ts + timedelta(minutes=2),
                    "dashang",
                    book,
                    "",
                    str(R.choice([100, 100, 500, 1000, 5000])),
                )
            if chance(0.003):
                ticket(r, ts + timedelta(minutes=5), "内容举报", False)
            if chance(0.002):
                ticket(r, ts + timedelta(minutes=5), "账号问题", False, mood=0.3)
            if not getattr(r, "rated", False) and pos > 15 and chance(0.12):
                r.rated = True
                mean = 4.6 if book is HIT else 3.9
                ratings.append(
                    (r, ts + timedelta(minutes=3), book, max(1, min(5, round(R.gauss(mean, 0.8)))))
                )
        # promos pull payers back to top up
        if r.payer and r.uid and not r.vip_active:
            boost = 0.0
            if inw(ts, GOLDEN_WEEK):
                boost = 0.5
            elif inw(ts, DOUBLE11_PEAK):
                boost = 0.7
            elif inw(ts, DOUBLE11):
                boost = 0.25
            elif book is HIT and inw(ts, (HIT_LAUNCH, HIT_LAUNCH + timedelta(days=60))):
                boost = 0.22
            else:
                boost = 0.12
            if boost and chance(boost):
                topup(r, ts + timedelta(minutes=R.uniform(1, 10)))
        # switch book once in a while
        if pos > 60 or chance(0.04):
            book = choose_book(ts, r.channel)
            pos = 1 if not (r.payer and chance(0.3)) else book[3] + 1
        first = False
        gap = 1 + int(R.expovariate(p_day) if p_day < 1 else 0)
        day = day + timedelta(days=gap)
        if day.date() == ts.date():
            day += timedelta(days=1)


def simulate():
    # readers who installed before the data starts
    for _ in range(1400):
        plat = pick(["android", "ios", "mini"], [0.6, 0.27, 0.13])
        ch = {
            "android": pick(["dy", "oppo_store", "vivo_store", "natural"], [3, 2, 2, 2]),
            "ios": pick(["appstore", "dy", "natural"], [3, 1, 2]),
            "mini": "wx_mini",
        }[plat]
        r = Reader(plat, ch, START + timedelta(days=R.uniform(0, 20)), existing=True)
        simulate_reader(r)
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        lam = 19 * day_weight(d)
        n = int(lam + R.gauss(0, math.sqrt(lam)))
        extra_ks = 0
        if inw(d, KS_CAMPAIGN):
            extra_ks = int(R.gauss(62, 8))
        for i in range(max(0, n) + extra_ks):
            if i >= max(0, n):
                plat, ch = pick(["android", "ios"], [0.82, 0.18]), "ks"
            else:
                plat = pick(["android", "ios", "mini"], [0.58, 0.26, 0.16])
                if plat == "android":
                    w = [0.36, 0.16, 0.14, 0.14, 0, 0, 0.2]
                    if HIT_LAUNCH <= d < HIT_LAUNCH + timedelta(days=60):
                        w[0] = 0.55
                    ch = pick(CHANNELS, w)
                elif plat == "ios":
                    ch = pick(CHANNELS, [0.28, 0.1, 0, 0, 0.4, 0, 0.22])
                else:
                    ch = "wx_mini"
            simulate_reader(Reader(plat, ch, at(d)))
    # the payment outage: payers who are around that day try to top up and fail
    for r in READERS:
        if r.payer and r.uid and r.t0 < OUTAGE[0] < r.end_t and not r.vip_active and chance(0.45):
            t = OUTAGE[0] + (OUTAGE[1] - OUTAGE[0]) * R.random()
            log(
                r,
                t - timedelta(seconds=R.uniform(20, 90)),
                "paywall_show",
                choose_book(t, r.channel),
            )
            topup(r, t)
    # quarterly NPS survey to registered readers active around the survey window
    quarters = [
        ("2025Q4", datetime(2025, 12, 15)),
        ("2026Q1", datetime(2026, 3, 16)),
        ("2026Q2", datetime(2026, 6, 15)),
        ("2026Q3", datetime(2026, 9, 21)),
        ("2026Q4", datetime(2026, 11, 16)),
    ]
    active = {}
    for e in events:
        if e[3]:
            active.setdefault(e[3], []).append(e[0])
    by_uid = {r.uid: r for r, _ in accounts}
    for q, start in quarters:
        for uid, times in active.items():
            if any(start - timedelta(days=30) <= t < start for t in times) and chance(0.09):
                r = by_uid[uid]
                mean = {"2025Q4": 7.6, "2026Q1": 7.7, "2026Q2": 8.1, "2026Q3": 6.6, "2026Q4": 7.4}[
                    q
                ]
                if r.vip_active and q in ("2026Q3",):
                    mean -= 0.8
                score = max(0, min(10, round(R.gauss(mean, 2.0))))
                t = start + timedelta(days=R.uniform(0, 10), hours=R.uniform(8, 23))
                if t < END:
                    cm = ""
                    if chance(0.3):
                        cm = (
                            R.choice(
                                [
                                    "更新太慢",
                                    "章节太贵",
                                    "广告太多",
                                    "好看",
                                    "九霄神帝太好看了",
                                    "会员涨价了",
                                    "充值失败过一次",
                                    "希望多出悬疑",
                                    "排版舒服",
                                    "",
                                ]
                            )
                            if score < 9
                            else R.choice(["好看", "推荐", "九霄神帝太好看了", "书多"])
                        )
                    nps.append((uid, t, score, q, cm))


def write(folder: Path):
    def bj(ts):
        return f"{ts:%Y/%m/%d %H:%M:%S}"

    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "app_event_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "事件时间",
                "device_id",
                "openid",
                "uid",
                "event",
                "platform",
                "book_id",
                "书名",
                "题材",
                "chapter_no",
                "coins",
            ]
        )
        for e in sorted(events, key=lambda e: (e[0], e[1], e[2], e[4])):
            w.writerow([bj(e[0]), *list(e[1:])])
    with open(folder / "attribution_installs.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["install_time", "device_id", "openid", "channel_code", "campaign_id", "os"])
        for r in sorted(installs, key=lambda r: (r.t0, r.dev or r.openid)):
            if not within(r.t0):
                continue
            camp = ""
            if r.channel == "dy":
                camp = (
                    "dy_jiuxiao_0413"
                    if HIT_LAUNCH <= r.t0 < HIT_LAUNCH + timedelta(days=60)
                    else "dy_brand"
                )
            elif r.channel == "ks":
                camp = "ks_duanju_0701" if inw(r.t0, KS_CAMPAIGN) else "ks_always_on"
            elif r.channel in ("oppo_store", "vivo_store", "appstore"):
                camp = "store_search"
            os_ = {"android": "android", "ios": "ios", "mini": "wechat"}[r.platform]
            w.writerow(
                [
                    f"{r.t0:%Y-%m-%dT%H:%M:%S}+08:00",
                    r.dev or "",
                    r.openid or "",
                    r.channel,
                    camp,
                    os_,
                ]
            )
    with open(folder / "accounts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["uid", "device_id", "openid", "注册时间", "注册方式", "性别", "城市等级"])
        for r, method in sorted(accounts, key=lambda a: a[0].uid):
            w.writerow(
                [
                    r.uid,
                    r.dev or "",
                    r.openid or "",
                    f"{r.reg_ts:%Y-%m-%d %H:%M:%S}",
                    method,
                    r.gender,
                    r.tier,
                ]
            )
    with open(folder / "pay_orders.jsonl", "w") as f:
        for p in sorted(pays, key=lambda p: (p["ts"], p["order_id"])):
            obj = dict(p)
            kind = {
                "coin_pack": "coin",
                "vip_month": "vip",
                "vip_auto_renew": "vip",
                "vip_cancel": "vip",
            }[p["product_type"]]
            what = {
                "SUCCESS": "paid",
                "FAILED": "failed",
                "REFUND": "refunded",
                "UNSIGN": "unsigned",
            }[p["status"]]
            if p["product_type"] == "vip_month" and what == "paid":
                what = "signed_paid"
            elif p["product_type"] == "vip_auto_renew":
                what = "renew_" + what
            obj = {"order_id": p["order_id"], "notify_type": f"{kind}.{what}"} | obj
            obj["created_at"] = utc(obj.pop("ts"))
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "book_ratings.jsonl", "w") as f:
        for r, ts, book, stars in sorted(ratings, key=lambda x: (x[1], x[0].uid)):
            if within(ts):
                obj = {
                    "uid": r.uid,
                    "book_id": book[0],
                    "genre": book[2],
                    "stars": stars,
                    "rated_at": f"{ts:%Y-%m-%dT%H:%M:%S}",
                }
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "cs_tickets.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "用户ID",
                "创建时间",
                "首次响应时间",
                "解决时间",
                "问题类型",
                "来源",
                "是否投诉",
                "满意度",
                "关联订单",
            ]
        )
        for t in sorted(tickets, key=lambda t: t[0]):
            w.writerow([t[0], t[1], fmt(t[2]), fmt(t[3]), fmt(t[4]), t[5], t[6], t[7], t[8], t[9]])
    with open(folder / "nps_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["uid", "submit_time", "score", "survey", "comment"])
        for uid, ts, score, q, cm in sorted(nps, key=lambda x: (x[1], x[0])):
            w.writerow([uid, f"{ts:%Y-%m-%d %H:%M:%S}", score, q, cm])
    with open(folder / "weekly_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["周一日期", "投放渠道", "花费(元)"])
        base = {
            "抖音": 1050,
            "快手": 400,
            "OPPO商店": 225,
            "vivo商店": 215,
            "苹果ASA": 380,
            "微信广告": 175,
        }
        wk = START
        while wk < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch == "抖音" and HIT_LAUNCH <= wk < HIT_LAUNCH + timedelta(days=60):
                    f_ *= 1.9
                if ch == "快手" and KS_CAMPAIGN[0] - timedelta(days=6) <= wk < KS_CAMPAIGN[1]:
                    f_ *= 7.5
                if inw(wk, (GOLDEN_WEEK[0] - timedelta(days=3), GOLDEN_WEEK[1])) or inw(
                    wk, (DOUBLE11[0] - timedelta(days=6), DOUBLE11[1])
                ):
                    f_ *= 1.4
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{amt * f_:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="webnovel-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        if os.environ.get("WEBNOVEL_KEEP"):
            shutil.copytree(folder, os.environ["WEBNOVEL_KEEP"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
