"""Escape-room evaluation domain: 迷城密室 (MazeCity), escape rooms and immersive theatre, 9 stores.

    python generate.py OUT.duckdb

Writes MazeCity's own exports (seeded: the same files every run) to a temporary folder —

  mp_events.jsonl       mini-program analytics: openid, member_no after login, event, ts_ms (epoch
                        milliseconds, UTC), utm_source, theme_id, store_code
  预约记录.csv           booking system: bookings (Chinese headers, 'YYYY年MM月DD日 HH:mm'
                        local time, 定金/订单总额 in 元)
  预约操作日志.csv       booking system: reminders, cancellations, reschedules, check-ins, no-shows
  场次结果.csv           booking system: played sessions (DM, 结果, 用时, 实收金额)
  meituan_verify.csv    美团/大众点评 group-coupon verification (券码, 核销时间 UTC ISO with Z)
  pos_extras.csv        store POS: photos, drinks, merchandise
  ratings.csv           rating export: 主题评分 and DM评分 (1-5), ISO times with +08:00
  members.csv           member list (会员号, 手机号哈希, openid, 注册时间 'YYYY/MM/DD HH:mm')
  cards.csv             multi-game cards (次卡) and paid membership sales
  monthly_spend.csv     monthly spend per platform in 元 (incl. the 美团 commission)

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb. The mini-program
export's epoch milliseconds cannot be read by an ingest timestamp format, so it is first converted
(as the data team does) to mp_events.parquet with a UTC TIMESTAMP column. Stories: description.md.
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

SEED = 20261206
START = datetime(2025, 12, 6)
END = datetime(2026, 12, 6)  # as_of; data ends the day before
N_DAYS = (END - START).days
LAUNCH = datetime(2026, 3, 14)  # 午夜医院 opens (Saturday)
CNY_CLOSED = (datetime(2026, 2, 15), datetime(2026, 2, 23))  # Spring Festival closure, all stores
XHS_WAVE = (datetime(2026, 5, 1), datetime(2026, 6, 1))  # Xiaohongshu influencer wave, Hangzhou
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))  # summer holiday, kids' themes
COMMISSION = datetime(2026, 9, 1)  # 美团 commission 8% -> 12%
HOST_SHORTAGE = (datetime(2026, 11, 1), datetime(2026, 12, 1))  # not enough DMs

R = random.Random(SEED)

STORES = {
    "SH01": ("上海人民广场店", "上海"),
    "SH02": ("上海徐家汇店", "上海"),
    "SH03": ("上海五角场店", "上海"),
    "SH04": ("上海静安寺店", "上海"),
    "HZ01": ("杭州湖滨店", "杭州"),
    "HZ02": ("杭州滨江店", "杭州"),
    "HZ03": ("杭州西溪店", "杭州"),
    "SZ01": ("苏州观前街店", "苏州"),
    "SZ02": ("苏州园区店", "苏州"),
}
CITY_W = {"上海": 0.5, "杭州": 0.3, "苏州": 0.2}
STORES_OF = {c: [k for k, v in STORES.items() if v[1] == c] for c in CITY_W}
# theme id: (name, type, minutes, price per player in 元)
THEMES = {
    "T01": ("午夜医院", "恐怖", 90, 198),
    "T02": ("古宅迷踪", "恐怖", 90, 168),
    "T03": ("消失的侦探", "推理", 60, 138),
    "T04": ("时光列车", "推理", 60, 148),
    "T05": ("海底探险", "儿童", 60, 118),
    "T06": ("魔法学院", "儿童", 60, 128),
    "T07": ("雾都剧场", "沉浸式剧场", 90, 238),
    "T08": ("长安夜宴", "剧本杀", 90, 178),
}
NICK = (
    "阿杰 小鹿 老K 七七 阿九 大白 小满 阿飞 橙子 木木 小北 阿木 "
    "糖糖 阿成 小鱼 可乐 阿豪 十一 小舟 阿青 豆豆 阿星 小葵 老周 "
    "阿泽 小米 阿宁 元宝 小夏 阿乐 小武 阿岚 团子 阿康 小唐 阿朗 "
)
HOSTS = dict(zip(STORES, [NICK.split()[i * 4 : i * 4 + 4] for i in range(9)], strict=True))
SLOTS = [(10, 0), (12, 30), (14, 0), (16, 30), (19, 0), (21, 0)]
SOURCES = ["xhs", "douyin", "wx_group", "friend", "organic", "meituan", "dianping"]


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


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def closed(ts):
    return inw(ts, CNY_CLOSED)


HOURS = [
    0.3,
    0.1,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.2,
    1.6,
    2,
    2.4,
    3,
    2.6,
    2.2,
    2.2,
    2.4,
    2.6,
    3,
    3.6,
    4.2,
    4.4,
    3.4,
    1.4,
]

mp, bookings, ops, sessions, coupons, pos, ratings, members, cards = ([] for _ in range(9))
seq = {"member": 100000, "booking": 0, "coupon": 0, "pos": 0, "card": 0, "person": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city):
        self.n = nxt("person")
        self.city = city
        self.openid = None
        self.member = None
        self.phone = "ph_" + h(f"phone{self.n}")[:12]
        self.mt = None
        self.card_left = 0
        self.tier = "普通会员"


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def register(p, ts, how):
    if p.member is None:
        p.member = f"M{nxt('member')}"
        members.append((p, ts, how))


def mp_event(p, ts, event, src, theme="", store=""):
    if not within(ts):
        return False
    if p.openid is None:
        p.openid = "oMZ" + h(f"open{p.n}")[:20]
    mp.append((ts, p.openid, p.member or "", event, src, theme, store))
    return True


def theme_choice(ts, kids=False):
    ids = list(THEMES)
    w = [0.0, 1.4, 1.3, 1.1, 0.6, 0.6, 0.7, 1.0]
    if ts >= LAUNCH:
        w[0] = 2.6 if ts >= LAUNCH + timedelta(days=21) else 1.8
        w[1] = 1.0
    if inw(ts, SUMMER):
        w[4] *= 4.0
        w[5] *= 4.0
    if kids:
        w = [0, 0, 0.2, 0.2, 3, 3, 0, 0]
    return pick(ids, w)


def session_slot(book_ts, store_city):
    for _ in range(20):
        d = book_ts.date() + timedelta(days=R.choice([0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 9, 12]))
        hh, mm = pick(SLOTS, [1, 1.5, 2, 2, 3, 2])
        s = datetime(d.year, d.month, d.day, hh, mm)
        if s > book_ts + timedelta(hours=2) and not closed(s):
            return s
    return None


def play(p, ts, src, booking_ch, theme=None, store=None, kids=False):
    """A booking and what follows: reminder, cancel/reschedule/no-show, game, extras, rating."""
    if not within(ts) or closed(ts):
        return False
    store = store or R.choice(STORES_OF[p.city])
    theme = theme or theme_choice(ts, kids)
    if theme == "T01" and ts < LAUNCH:
        theme = "T02"
    name, ttype, minutes, price = THEMES[theme]
    size = pick([2, 3, 4, 5, 6, 7, 8], [0.22, 0.17, 0.22, 0.14, 0.13, 0.06, 0.06])
    if ttype == "儿童":
        size = pick([2, 3, 4, 5, 6], [0.15, 0.3, 0.3, 0.15, 0.1])
    if ttype in ("剧本杀", "沉浸式剧场"):
        size = max(size, pick([5, 6, 7, 8], [0.3, 0.3, 0.2, 0.2]))
    start = session_slot(ts, p.city)
    if start is None:
        return False
    bid = f"MC{ts:%y%m%d}{nxt('booking'):05d}"
    total = price * size
    coupon = None
    if booking_ch in ("美团", "大众点评"):
        # a group coupon bought on 美团 / 大众点评, redeemed at the store at check-in
        total = round(total * 0.85, 2)
        if p.mt is None:
            p.mt = "mt" + str(40000000 + int(h(f"mt{p.n}")[:6], 16))
        coupon = f"{R.randrange(10**11, 10**12)}"
    elif booking_ch == "小程序" and ts >= COMMISSION and chance(0.5):
        total = round(total * 0.9, 2)  # mini-program coupon after the 美团 commission rise
    deposit = 0.0 if coupon else round(total * 0.3, 2)
    card_used = p.card_left > 0 and booking_ch == "小程序"
    if card_used:
        p.card_left -= 1
        deposit = 0.0
    bookings.append(
        (
            bid,
            p.member or "",
            p.phone,
            ts,
            booking_ch,
            store,
            theme,
            start,
            size,
            deposit,
            total,
            src,
        )
    )
    # outcome
    shortage = inw(start, HOST_SHORTAGE)
    p_cancel = 0.07 + (0.13 if shortage else 0.0)
    if ttype == "儿童":
        p_cancel += 0.02
    if chance(0.06):  # reschedule first
        rt = ts + (start - ts) * R.uniform(0.2, 0.9)
        new = start + timedelta(days=R.choice([2, 3, 5, 7, 10]))
        if within(rt) and not closed(new):
            ops.append((bid, p.phone, rt, "改期", store, theme, "客人改期"))
            start = new
    rem = start - timedelta(days=1) + timedelta(minutes=R.randrange(0, 30))
    cancel = None
    if chance(p_cancel):
        if shortage and chance(0.65):
            reason, ct = "DM不足门店取消", start - timedelta(hours=R.uniform(3, 30))
        else:
            reason = pick(["个人原因", "人数凑不齐", "天气", "临时加班"], [4, 3, 1, 2])
            ct = ts + (start - ts) * R.uniform(0.1, 0.95)
        cancel = (max(ct, ts + timedelta(minutes=5)), reason)
    if rem > ts and within(rem) and (cancel is None or cancel[0] > rem):
        ops.append((bid, p.phone, rem, "提醒已发送", store, theme, ""))
    if cancel:
        if within(cancel[0]):
            ops.append((bid, p.phone, cancel[0], "取消", store, theme, cancel[1]))
        return False
    if not within(start):
        return False
    if chance(0.045 if booking_ch != "美团" else 0.08):
        ops.append((bid, p.phone, start + timedelta(minutes=20), "未到店", store, theme, ""))
        return False
    cin = start - timedelta(minutes=R.randrange(3, 20))
    ops.append((bid, p.phone, cin, "到店签到", store, theme, ""))
    if coupon:
        coupons.append(
            (coupon, p.mt, p.phone, store, cin + timedelta(minutes=R.uniform(0.5, 4)), name, total)
        )
    hosts = HOSTS[store][:2] if shortage else HOSTS[store]
    host = R.choice(hosts)
    base_pass = {"恐怖": 0.55, "推理": 0.5, "儿童": 0.8, "沉浸式剧场": 0.9, "剧本杀": 0.85}[ttype]
    if theme == "T01":
        base_pass = 0.42
    escaped = chance(base_pass)
    used = minutes - R.randrange(2, 25) if escaped else minutes
    end = start + timedelta(minutes=used + R.randrange(5, 15))
    paid = 0.0 if card_used else total
    sessions.append(
        (bid, p.phone, end, store, theme, host, size, "成功" if escaped else "失败", used, paid)
    )
    # extras at the POS
    t = end + timedelta(minutes=R.uniform(2, 15))
    if chance(0.42 if ttype != "儿童" else 0.6):
        pos.append(
            (
                p,
                t,
                store,
                "照片",
                pick(["电子相册", "冲印合照", "主题相框"], [5, 3, 2]),
                pick([39.0, 59.0, 88.0], [5, 3, 2]),
            )
        )
    if chance(0.35):
        pos.append(
            (
                p,
                t + timedelta(minutes=1),
                store,
                "饮品",
                "饮品套餐",
                round(size * R.choice([12.0, 15.0, 18.0]), 2),
            )
        )
    if chance(0.06):
        pos.append(
            (
                p,
                t + timedelta(minutes=2),
                store,
                "周边",
                pick(["主题徽章", "钥匙扣", "T恤"], [4, 4, 1]),
                pick([29.0, 25.0, 99.0], [4, 4, 1]),
            )
        )
    # rating
    if chance(0.5 if booking_ch == "小程序" else 0.38):
        rt = end + timedelta(minutes=R.uniform(10, 60 * 36))
        if within(rt):
            g = 4.5 if theme == "T01" else (4.0 if ttype != "儿童" else 4.3)
            hs = 4.4 - (0.9 if shortage else 0.0)
            gs = max(1, min(5, round(R.gauss(g - (0.3 if not escaped else 0), 0.8))))
            hst = max(1, min(5, round(R.gauss(hs, 0.8))))
            ratings.append((bid, p.phone, rt, store, theme, host, gs, hst))
    # cards and membership, sold at the counter after the game
    if p.card_left == 0 and chance(0.07):
        register(p, t, "门店")
        kind = pick(["三次卡", "五次卡"], [3, 2])
        p.card_left = 3 if kind == "三次卡" else 5
        cards.append(
            (
                f"K{nxt('card'):06d}",
                p,
                t + timedelta(minutes=3),
                kind,
                398.0 if kind == "三次卡" else 598.0,
                store,
            )
        )
    elif p.tier == "普通会员" and chance(0.05):
        register(p, t, "门店")
        p.tier = "黑卡会员"
        cards.append(
            (f"K{nxt('card'):06d}", p, t + timedelta(minutes=3), "付费会员年卡", 199.0, store)
        )
    return True


def demand(d):
    w = 1.0
    if d.weekday() >= 5:
        w *= 1.7
    if datetime(2026, 2, 1) <= d < CNY_CLOSED[0]:
        w *= 0.75
    if closed(d):
        w *= 0.08
    if inw(d, SUMMER):
        w *= 1.3
    if datetime(2026, 10, 1) <= d < datetime(2026, 10, 8):
        w *= 1.6
    if (d.month == 12 and d.day >= 20) or (d.month == 1 and d.day <= 3):
        w *= 1.2
    return w


def newcomer(d, src=None, city=None, kids=False):
    city = city or pick(list(CITY_W), list(CITY_W.values()))
    p = Person(city)
    if src is None:
        if d < COMMISSION:
            src = pick(SOURCES, [0.14, 0.12, 0.1, 0.12, 0.12, 0.26, 0.14])
        else:
            src = pick(SOURCES, [0.16, 0.14, 0.12, 0.14, 0.14, 0.18, 0.12])
    t = at(d)
    if src in ("meituan", "dianping"):
        ch = "美团" if src == "meituan" else "大众点评"
        if d >= COMMISSION and chance(0.4):
            # after the commission rise the stores push 美团 customers to the mini-program
            if mp_event(p, t, "mp_launch", src):
                register(p, t + timedelta(minutes=2), "小程序")
                mp_event(p, t + timedelta(minutes=2), "login", src)
                mp_event(p, t + timedelta(minutes=4), "theme_view", src, theme_choice(t, kids))
                if chance(0.6):
                    mp_event(p, t + timedelta(minutes=6), "booking_form", src)
                    play(p, t + timedelta(minutes=8), src, "小程序", kids=kids)
            return p
        if chance(0.62):
            play(p, t, src, ch, kids=kids)
        return p
    if src == "friend" and chance(0.15):
        play(p, t, src, pick(["电话", "到店"], [2, 1]), kids=kids)
        return p
    # mini-program discovery
    if not mp_event(p, t, "mp_launch", src):
        return p
    theme = theme_choice(t, kids)
    store = R.choice(STORES_OF[city])
    for i in range(R.choice([1, 1, 2, 3])):
        mp_event(
            p,
            t + timedelta(minutes=1 + 2 * i),
            "theme_view",
            src,
            theme if i == 0 else theme_choice(t, kids),
            store,
        )
    t += timedelta(minutes=8)
    p_book = {"xhs": 0.3, "douyin": 0.22, "wx_group": 0.45, "friend": 0.5, "organic": 0.35}[src]
    if inw(t, XHS_WAVE) and src == "xhs" and city == "杭州":
        p_book = 0.27
    if not chance(p_book * 1.6):
        return p
    register(p, t, "小程序")
    mp_event(p, t, "login", src)
    mp_event(p, t + timedelta(minutes=1), "booking_form", src, theme, store)
    if chance(0.63):
        play(p, t + timedelta(minutes=R.uniform(2, 6)), src, "小程序", theme, store)
        maybe_again(p, t)
    return p


def maybe_again(p, t):
    n = 0
    while (p.card_left > 0 and chance(0.8)) or chance(0.22 if n == 0 else 0.12):
        n += 1
        t = t + timedelta(days=R.uniform(12, 70))
        if not within(t):
            return
        tt = at(t.date())
        if mp_event(p, tt, "mp_launch", "organic"):
            mp_event(p, tt + timedelta(minutes=1), "theme_view", "organic", theme_choice(tt))
            mp_event(p, tt + timedelta(minutes=3), "booking_form", "organic")
            play(p, tt + timedelta(minutes=4), "organic", "小程序")


def regular():
    """A member from before the period: comes back a few times a year."""
    p = Person(pick(list(CITY_W), list(CITY_W.values())))
    created = START - timedelta(days=R.uniform(20, 900))
    register(p, created, pick(["小程序", "门店"], [3, 1]))
    p.openid = "oMZ" + h(f"open{p.n}")[:20]
    p.tier = pick(["普通会员", "银卡会员", "金卡会员"], [5, 3, 1])
    for _ in range(poisson(2.2)):
        d = START + timedelta(days=R.randrange(N_DAYS))
        t = at(d.date())
        if mp_event(p, t, "mp_launch", pick(["organic", "wx_group"], [3, 1])):
            mp_event(p, t + timedelta(minutes=1), "login", "organic")
            mp_event(p, t + timedelta(minutes=2), "theme_view", "organic", theme_choice(t))
            if chance(0.7):
                mp_event(p, t + timedelta(minutes=4), "booking_form", "organic")
                play(p, t + timedelta(minutes=5), "organic", "小程序")


def simulate():
    for _ in range(1100):
        regular()
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        for _ in range(poisson(17 * demand(d))):
            newcomer(d)
        if inw(d, XHS_WAVE):
            for _ in range(poisson(14 if d.weekday() < 5 else 22)):
                newcomer(d, "xhs", "杭州")
        if inw(d, SUMMER):
            for _ in range(poisson(7)):
                newcomer(d, pick(["wx_group", "douyin", "meituan", "xhs"], [3, 2, 2, 1]), kids=True)


def write(folder: Path):
    def cn(ts):
        return f"{ts.year}年{ts.month:02d}月{ts.day:02d}日 {ts:%H:%M}"

    def utc_iso(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def epoch_ms(ts):
        return int(
            (ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000
        ) + R.randrange(1000)

    with open(folder / "mp_events.jsonl", "w", encoding="utf-8") as f:
        for ts, oid, mem, ev, src, theme, store in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "ts_ms": epoch_ms(ts),
                "openid": oid,
                "member_no": mem or None,
                "event": ev,
                "utm_source": src,
            }
            if theme:
                obj["theme_id"] = theme
            if store:
                obj["store_code"] = store
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "预约记录.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "预约单号",
                "会员号",
                "手机号哈希",
                "下单时间",
                "预约渠道",
                "门店",
                "城市",
                "主题",
                "主题类型",
                "场次时间",
                "人数",
                "定金(元)",
                "订单总额(元)",
                "来源",
            ]
        )
        for b in sorted(bookings, key=lambda r: (r[3], r[0])):
            bid, mem, ph, ts, ch, store, theme, start, size, dep, total, src = b
            w.writerow(
                [
                    bid,
                    mem,
                    ph,
                    cn(ts),
                    ch,
                    STORES[store][0],
                    STORES[store][1],
                    THEMES[theme][0],
                    THEMES[theme][1],
                    cn(start),
                    size,
                    f"{dep:.2f}",
                    f"{total:.2f}",
                    src,
                ]
            )
    with open(folder / "预约操作日志.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["预约单号", "手机号哈希", "操作时间", "操作", "门店", "城市", "主题", "原因"])
        for bid, ph, ts, op, store, theme, reason in sorted(ops, key=lambda r: (r[2], r[0], r[3])):
            if within(ts):
                w.writerow(
                    [
                        bid,
                        ph,
                        cn(ts),
                        op,
                        STORES[store][0],
                        STORES[store][1],
                        THEMES[theme][0],
                        reason,
                    ]
                )
    with open(folder / "场次结果.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "预约单号",
                "手机号哈希",
                "结束时间",
                "门店",
                "城市",
                "主题",
                "主题类型",
                "DM",
                "人数",
                "结果",
                "用时(分钟)",
                "实收金额(元)",
            ]
        )
        for bid, ph, ts, store, theme, host, size, res, used, paid in sorted(
            sessions, key=lambda r: (r[2], r[0])
        ):
            if within(ts):
                w.writerow(
                    [
                        bid,
                        ph,
                        cn(ts),
                        STORES[store][0],
                        STORES[store][1],
                        THEMES[theme][0],
                        THEMES[theme][1],
                        host,
                        size,
                        res,
                        used,
                        f"{paid:.2f}",
                    ]
                )
    with open(folder / "meituan_verify.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["券码", "美团用户ID", "手机号哈希", "核销门店", "核销时间", "套餐名称", "实付金额"]
        )
        for code, mt, ph, store, ts, name, paid in sorted(coupons, key=lambda r: (r[4], r[0])):
            if within(ts):
                w.writerow(
                    [
                        code,
                        mt,
                        ph,
                        STORES[store][0],
                        utc_iso(ts),
                        f"{name}{R.choice(['双人', '多人', '畅玩'])}团购券",
                        f"{paid:.2f}",
                    ]
                )
    with open(folder / "pos_extras.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["小票号", "会员号", "手机号哈希", "交易时间", "门店", "商品类别", "商品", "金额"]
        )
        for i, (p, ts, store, cat, item, amt) in enumerate(
            sorted(pos, key=lambda r: (r[1], r[0].n, r[3]))
        ):
            if within(ts):
                w.writerow(
                    [
                        f"P{i + 1:07d}",
                        p.member or "",
                        p.phone,
                        f"{ts:%Y-%m-%d %H:%M:%S}",
                        STORES[store][0],
                        cat,
                        item,
                        f"{amt:.2f}",
                    ]
                )
    with open(folder / "ratings.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["预约单号", "手机号哈希", "评价时间", "门店", "主题", "DM", "主题评分", "DM评分"]
        )
        for bid, ph, ts, store, theme, host, gs, hs in sorted(ratings, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    bid,
                    ph,
                    f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
                    STORES[store][0],
                    THEMES[theme][0],
                    host,
                    gs,
                    hs,
                ]
            )
    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["会员号", "手机号哈希", "openid", "注册时间", "会员等级", "常去城市", "注册渠道"]
        )
        for p, ts, how in sorted(members, key=lambda r: r[0].member):
            if ts < END:
                w.writerow(
                    [p.member, p.phone, p.openid or "", f"{ts:%Y/%m/%d %H:%M}", p.tier, p.city, how]
                )
    with open(folder / "cards.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["卡号", "会员号", "购卡时间", "卡类型", "金额(元)", "门店"])
        for kid, p, ts, kind, amt, store in sorted(cards, key=lambda r: (r[2], r[0])):
            if within(ts):
                w.writerow(
                    [kid, p.member, f"{ts:%Y/%m/%d %H:%M}", kind, f"{amt:.2f}", STORES[store][0]]
                )
    # monthly spend per platform, and the 美团 commission (8% of coupon GMV, 12% from September)
    gmv = {}
    for _code, _mt, _ph, _store, ts, _name, paid in coupons:
        if within(ts):
            gmv[(ts.year, ts.month)] = gmv.get((ts.year, ts.month), 0.0) + paid
    with open(folder / "monthly_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "平台", "费用类型", "金额(元)"])
        y, m = START.year, START.month
        while (y, m) < (END.year, END.month):  # December 2026 not closed yet
            base = {
                "美团推广通": 26000,
                "大众点评推广": 12000,
                "小红书": 15000,
                "抖音": 18000,
                "微信朋友圈广告": 8000,
            }
            for plat, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if plat == "小红书" and (y, m) == (2026, 5):
                    f_ *= 4.2  # the influencer wave
                if plat in ("美团推广通", "大众点评推广") and (y, m) >= (2026, 9):
                    f_ *= 0.6
                if (y, m) == (2026, 2):
                    f_ *= 0.6
                w.writerow([f"{y}-{m:02d}", plat, "推广", f"{amt * f_:.2f}"])
            rate = 0.12 if (y, m) >= (2026, 9) else 0.08
            w.writerow([f"{y}-{m:02d}", "美团推广通", "佣金", f"{gmv.get((y, m), 0.0) * rate:.2f}"])
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def to_parquet(folder: Path):
    """The data team's one conversion: epoch milliseconds (UTC) -> a TIMESTAMP column (UTC)."""
    import duckdb

    con = duckdb.connect()
    src = str(folder / "mp_events.jsonl").replace("'", "''")
    dst = str(folder / "mp_events.parquet").replace("'", "''")
    cols = (
        "{ts_ms: 'BIGINT', openid: 'VARCHAR', member_no: 'VARCHAR', event: 'VARCHAR', "
        "utm_source: 'VARCHAR', theme_id: 'VARCHAR', store_code: 'VARCHAR'}"
    )
    con.execute(
        "COPY (SELECT make_timestamp(ts_ms * 1000) AS event_time, * EXCLUDE (ts_ms) "
        f"FROM read_json('{src}', format='newline_delimited', columns={cols})) "
        f"TO '{dst}' (FORMAT parquet)"
    )
    con.close()
    (folder / "mp_events.jsonl").rename(folder / "_mp_events.jsonl")


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="escaperoom-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        to_parquet(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
