"""Bubble-tea evaluation domain: 茶语 ChaYu Tea, 60 stores in Chengdu, Chongqing and Kunming.

    python generate.py OUT.duckdb

Writes ChaYu's own exports (seeded: the same files every run) to a temporary folder —

  pos_order_lines.csv     store POS, one row per drink (Chinese headers, local time, 元);
                          counter orders and mini-program orders made in store
  miniapp_events.jsonl    mini-program log (epoch ms UTC; openid, phone after login)
  meituan_orders.csv      美团外卖 order export (Chinese headers, 'YYYY/MM/DD HH:MM', commission)
  eleme_orders.csv        饿了么 order export (English headers, ISO 8601 with +08:00, commission)
  crm_members.csv         member CRM (会员号, phone hash, openid, tier, birthday month)
  coupon_log.csv          coupon system: issued / redeemed
  reviews.csv             review export (mini-program, 美团, 饿了么 ratings 1-5)
  complaints.csv          complaint tickets from the review / service desk
  marketing_monthly.csv   monthly marketing sheet (抖音团购, 小红书, 美团推广) in 元

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

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
ELEME_HIKE = datetime(2026, 4, 1)  # 饿了么 commission 18% -> 24%
TARO_OUT = (datetime(2026, 9, 13), datetime(2026, 9, 21))  # 芋圆 supply problem 13-20 Sep
DOUBLE11 = datetime(2026, 11, 11)
COLD = datetime(2026, 11, 21)  # cold snap: hot drinks up
MANGO = (datetime(2026, 6, 1), datetime(2026, 9, 1))  # 杨枝甘露 summer special
BERRY = [
    (datetime(2025, 12, 1), datetime(2026, 3, 1)),
    (datetime(2026, 12, 1), datetime(2027, 3, 1)),
]

R = random.Random(SEED)

CD = (
    "春熙路 太古里 宽窄巷子 九眼桥 建设路 玉林 高新南 天府三街 "
    "金融城 双流 温江 郫都 龙泉驿 新都 华阳 大悦城 "
    "来福士 环球中心 万象城 锦里 奎星楼 磨子桥 川大 交大 "
    "犀浦 光华大道 交子公园 东郊记忆"
)
CQ = (
    "解放碑 观音桥 洪崖洞 沙坪坝 南坪 杨家坪 大坪 北城天街 "
    "时代天街 磁器口 江北嘴 两路口 大学城 西永 礼嘉 照母山 "
    "九龙坡"
)
KM = (
    "南屏街 翠湖 同德广场 顺城 西山万达 呈贡大学城 世纪城 北京路 "
    "金马碧鸡 滇池路 螺蛳湾 恒隆广场 昆明南站 篆新 云大"
)
STORES = []  # (code, name, city, district, opened)
for city, prefix, names in (("成都", "CD", CD), ("重庆", "CQ", CQ), ("昆明", "KM", KM)):
    for i, d in enumerate(names.split()):
        opened = START - timedelta(days=400)
        if city == "昆明":
            opened = datetime(2026, 5, 1) + timedelta(days=[0, 15, 27][i // 5])
        STORES.append((f"{prefix}{i + 1:02d}", f"{city}{d}店", city, d, opened))
STORES_BY_CITY = {c: [s for s in STORES if s[2] == c] for c in ("成都", "重庆", "昆明")}

# drink: (category, 中杯, 大杯, base weight)
MENU = {
    "招牌珍珠奶茶": ("奶茶", 13, 15, 16),
    "芋泥啵啵奶茶": ("奶茶", 16, 18, 11),
    "黑糖鹿丸奶茶": ("奶茶", 15, 17, 9),
    "满杯红柚": ("果茶", 15, 17, 9),
    "多肉葡萄": ("果茶", 17, 19, 10),
    "手打柠檬茶": ("果茶", 12, 14, 10),
    "茉莉绿茶": ("纯茶", 9, 11, 5),
    "冻顶乌龙": ("纯茶", 10, 12, 4),
    "杨枝甘露": ("季节限定", 18, 20, 0),
    "草莓啵啵": ("季节限定", 18, 20, 0),
}
TOPPING_PRICE = {"珍珠": 2, "芋圆": 3, "椰果": 2, "": 0}
HOURS = [0] * 10 + [2, 3, 6, 6, 4, 5, 6, 5, 4, 5, 5, 4] + [0] * 2


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


def h(text, n=12):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def day_weight(d: datetime, city: str, kind: str) -> float:
    if city == "昆明" and d < datetime(2026, 5, 1):
        return 0.0
    w = 1.0
    if d.month in (6, 7, 8):
        w *= 1.35
    elif d.month in (12, 1, 2):
        w *= 0.85
    if d.weekday() >= 5:
        w *= 1.25
    if d == DOUBLE11 and kind in ("member", "walkin"):
        w *= 4.0
    if kind == "eleme" and d >= ELEME_HIKE:
        w *= 0.4
    if kind == "meituan" and d >= ELEME_HIKE:
        w *= 1.3
    if kind == "member" and city == "昆明" and d < datetime(2026, 6, 15):
        w *= 1.5  # opening buzz
    return w


DAYS = [START + timedelta(days=k) for k in range(N_DAYS)]
WEIGHTS = {}


def order_days(city, kind, start, n):
    key = (city, kind)
    if key not in WEIGHTS:
        WEIGHTS[key] = [day_weight(d, city, kind) for d in DAYS]
    k0 = max(0, (start - START).days)
    ws = WEIGHTS[key][k0:]
    if n <= 0 or sum(ws) == 0:
        return []
    return sorted(R.choices(DAYS[k0:], weights=ws, k=n))


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def choose_drink(ts):
    names, ws = [], []
    for name, (_cat, _m, _l, w) in MENU.items():
        if name == "杨枝甘露":
            w = 32 if inw(ts, MANGO) else 0
        if name == "草莓啵啵":
            w = 9 if any(inw(ts, b) for b in BERRY) else 0
        names.append(name)
        ws.append(w)
    return pick(names, ws)


def hot_share(ts):
    if ts >= COLD:
        return 0.52
    m = ts.month
    return {
        12: 0.3,
        1: 0.34,
        2: 0.28,
        3: 0.16,
        4: 0.1,
        5: 0.05,
        6: 0.03,
        7: 0.02,
        8: 0.03,
        9: 0.06,
        10: 0.1,
        11: 0.18,
    }[m]


def make_cup(ts):
    drink = choose_drink(ts)
    cat, pm, pl, _ = MENU[drink]
    size = pick(["中杯", "大杯"], [0.55, 0.45])
    if cat == "奶茶":
        top = pick(["珍珠", "芋圆", "椰果", ""], [35, 22, 13, 30])
    elif cat in ("果茶", "季节限定"):
        top = pick(["椰果", "芋圆", ""], [20, 8, 72])
    else:
        top = ""
    if drink == "杨枝甘露":
        top = pick(["", "椰果"], [70, 30])
    hot = drink not in ("杨枝甘露", "满杯红柚", "多肉葡萄") and chance(hot_share(ts) * 1.4)
    temp = "热" if hot else pick(["正常冰", "少冰", "去冰"], [45, 35, 20])
    sugar = pick(["标准糖", "七分糖", "半糖", "无糖"], [35, 25, 25, 15])
    price = (pm if size == "中杯" else pl) + TOPPING_PRICE[top]
    return {
        "drink": drink,
        "cat": cat,
        "size": size,
        "top": top,
        "temp": temp,
        "sugar": sugar,
        "price": price,
    }


pos, mini, mt, ele, members, coupons, reviews, complaints = ([] for _ in range(8))
seq = {"order": 0, "mt": 0, "ele": 0, "coupon": 0, "review": 0, "ticket": 0, "member": 100000}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, kind, city):
        self.kind = kind
        self.city = city
        self.store = R.choice([s for s in STORES_BY_CITY[city]])
        self.member_no = None
        self.phone = None
        self.openid = None
        self.logged_in = False
        self.pay_id = None
        self.platform_id = None
        self.sweet_tooth = chance(0.3)


def store_for(p, ts):
    s = p.store
    if s[4] > ts:
        opened = [x for x in STORES_BY_CITY[p.city] if x[4] <= ts]
        if not opened:
            return None
        s = R.choice(opened)
    if chance(0.15):
        opened = [x for x in STORES_BY_CITY[p.city] if x[4] <= ts]
        s = R.choice(opened)
    return s


def mp(p, ts, event, store=None, **kw):
    if not within(ts):
        return
    row = {
        "ts": int((ts - timedelta(hours=8)).timestamp() * 1000),
        "openid": p.openid,
        "event": event,
    }
    if p.logged_in and p.phone:
        row["phone_hash"] = p.phone
    if store:
        row["shop_id"] = store[0]
        row["shop_name"] = store[1]
        row["city"] = store[2] + "市"
    row.update(kw)
    mini.append(row)


def feedback(p, ts, source, order_no, cups, delivery_min=None, sold_out=False):
    """A rating and maybe a complaint about an order."""
    reason = ""
    score_mean = 4.4
    if delivery_min and delivery_min > 45:
        score_mean -= 1.4
        reason = "配送慢"
    if sold_out:
        score_mean -= 1.0
        reason = "缺货"
    if any(c["sugar"] == "标准糖" for c in cups) and p.sweet_tooth is False and chance(0.12):
        score_mean -= 1.6
        reason = "太甜"
    if chance(0.025):
        score_mean -= 2.2
        reason = "做错单"
    if delivery_min and chance(0.03):
        score_mean -= 2.0
        reason = "洒漏"
    if chance(0.16 if reason else 0.09):
        t = ts + timedelta(minutes=R.uniform(40, 600) + (delivery_min or 0))
        if within(t):
            score = max(1, min(5, round(R.gauss(score_mean, 0.8))))
            uid = {"小程序": p.member_no, "美团": p.platform_id, "饿了么": p.platform_id}[source]
            txt = {
                "配送慢": "等了快一个小时",
                "缺货": "芋圆又没了",
                "太甜": "太甜了，喝不下",
                "做错单": "做错了，要的少冰给了热的",
                "洒漏": "送到洒了一半",
                "": R.choice(["好喝", "还不错", "会回购", "", "一般般"]),
            }[reason]
            reviews.append(
                (
                    f"RV{nxt('review'):07d}",
                    source,
                    order_no,
                    uid if source == "小程序" else "",
                    p.platform_id if source != "小程序" else "",
                    t,
                    score,
                    reason if score <= 3 else "",
                    txt,
                )
            )
    if reason and chance(0.3):
        opened = ts + timedelta(minutes=R.uniform(30, 300) + (delivery_min or 0))
        if not within(opened):
            return
        ch = {"小程序": "小程序", "美团": "美团外卖", "饿了么": "饿了么"}[source]
        frt = {
            "小程序": R.uniform(5, 90),
            "美团外卖": R.uniform(8, 60),
            "饿了么": R.uniform(10, 80),
        }[ch]
        if ch == "饿了么" and opened >= ELEME_HIKE:
            frt *= 3.0  # the service desk stopped watching the 饿了么 backend closely
        first = opened + timedelta(minutes=frt)
        res = first + timedelta(hours=R.uniform(0.5, 30))
        csat = max(1, min(5, round(R.gauss(3.8 if frt < 60 else 2.9, 0.9)))) if chance(0.5) else ""
        complaints.append(
            (
                f"TS{nxt('ticket'):06d}",
                ch,
                p.member_no if ch == "小程序" else "",
                p.platform_id if ch != "小程序" else "",
                order_no,
                opened,
                first,
                res if res < END and chance(0.96) else None,
                reason,
                "是",
                csat,
            )
        )


def pos_order(p, ts, store, source, campaign="", cups=None, coupon=None):
    """An order made in store: POS lines. source = 柜台 / 小程序自提 / 小程序外送."""
    oid = f"P{ts:%y%m%d}{nxt('order'):07d}"
    if cups is None:
        n = pick([1, 2, 3], [70, 22, 8])
        cups = [make_cup(ts) for _ in range(n)]
    if source == "柜台" and inw(ts, TARO_OUT):
        for c in cups:
            if c["top"] == "芋圆":  # sold out: the counter swaps it for pearls
                c["top"], c["price"] = "珍珠", c["price"] - 1
    bogo = ts.date() == DOUBLE11.date()
    if bogo and len(cups) == 1:
        cups.append(make_cup(ts))
    pay = pick(["微信支付", "支付宝"], [75, 25]) if source == "柜台" else "微信支付"
    total = 0.0
    if source == "柜台" and not bogo and chance(0.07):
        pay, campaign = "抖音团购券", "抖音团购"
    for i, c in enumerate(cups):
        paid = float(c["price"])
        camp = campaign
        if bogo and i % 2 == 1:
            paid, camp = 0.0, "买一送一"
        elif bogo:
            camp = "买一送一"
        elif ts.weekday() == 2 and i == 1 and p.member_no:
            paid, camp = paid / 2, "第二杯半价"
        elif coupon == "生日券" and i == 0:
            paid, camp = 0.0, "生日券"
        elif coupon == "第二杯半价券" and i == 1:
            paid, camp = paid / 2, "第二杯半价"
        if pay == "抖音团购券":
            paid = round(paid * 0.8, 1)
        pos.append(
            (oid, ts, store, source, p.phone or "", p.pay_id or "", pay, c, paid, camp, i + 1)
        )
        total += paid
    return oid, cups, total


def taro_check(ts, cups):
    return inw(ts, TARO_OUT) and any(c["top"] == "芋圆" for c in cups)


def member_mini_order(p, ts, store, coupon=None):
    # the funnel in the mini-program
    mp(p, ts, "launch", store, scene=pick(["扫码", "下拉", "公众号", "小红书"], [40, 35, 15, 10]))
    mp(p, ts + timedelta(seconds=R.uniform(5, 40)), "view_menu", store)
    t = ts + timedelta(seconds=R.uniform(40, 120))
    if not p.logged_in:
        p.logged_in = True
        mp(p, t, "phone_login", store)
        t += timedelta(seconds=R.uniform(10, 40))
    n = pick([1, 2, 3], [66, 25, 9])
    cups = [make_cup(t) for _ in range(n)]
    if taro_check(t, cups):
        mp(p, t, "sold_out_notice", store, item="芋圆")
        if chance(0.45):
            return None
        for c in cups:
            if c["top"] == "芋圆":
                c["top"] = "珍珠"
                c["price"] -= 1
    mp(p, t + timedelta(seconds=R.uniform(5, 60)), "add_to_cart", store, item=cups[0]["drink"])
    if not chance(0.82):
        return None
    t += timedelta(seconds=R.uniform(60, 180))
    mode = "外送" if chance(0.26 if ts < ELEME_HIKE else 0.4) else "自提"
    mp(p, t, "submit_order", store, mode={"外送": "delivery", "自提": "pickup"}[mode])
    if not chance(0.94):
        return None
    t += timedelta(seconds=R.uniform(10, 60))
    oid, cups, total = pos_order(p, t, store, "小程序" + mode, cups=cups, coupon=coupon)
    mp(
        p,
        t,
        "pay_success",
        store,
        order_no=oid,
        pay_amount=round(total + (4.0 if mode == "外送" else 0.0), 2),
        mode=mode,
    )
    dmin = (
        R.uniform(22, 44) + (12 if ts.month in (6, 7, 8) and chance(0.3) else 0)
        if mode == "外送"
        else None
    )
    feedback(p, t, "小程序", oid, cups, dmin, sold_out=inw(t, TARO_OUT))
    return oid


def platform_order(p, ts, platform):
    store = store_for(p, ts)
    if store is None or not within(ts):
        return
    n = pick([1, 2, 3], [55, 33, 12])
    cups = [make_cup(ts) for _ in range(n)]
    sold_out = False
    if taro_check(ts, cups):
        sold_out = True
        for c in cups:
            if c["top"] == "芋圆":
                c["top"] = ""
                c["price"] -= 3
    items = sum(c["price"] + 2 for c in cups)
    fee = 3.0 if platform == "美团" else 3.5
    disc = R.choice([0, 0, 3, 5]) if items > 20 else 0
    paid = items + fee - disc
    cancelled = chance(0.035)
    dmin = R.uniform(24, 42) + (10 if ts.month in (6, 7, 8) and chance(0.35) else 0)
    if platform == "饿了么" and ts >= ELEME_HIKE:
        dmin += R.uniform(2, 14)
    desc = ";".join(
        f"{c['drink']}({c['size']}{'+' + c['top'] if c['top'] else ''})x1" for c in cups
    )
    if platform == "美团":
        rate = 0.2
        oid = f"MT{ts:%m%d}{nxt('mt'):08d}"
        mt.append(
            (
                oid,
                ts,
                store,
                p.platform_id,
                cups[0]["drink"],
                n,
                desc,
                items,
                fee,
                disc,
                paid,
                rate,
                "已取消" if cancelled else "已完成",
                "" if cancelled else round(dmin),
            )
        )
    else:
        rate = 0.24 if ts >= ELEME_HIKE else 0.18
        oid = f"{3000000000 + nxt('ele') * 7919}"
        ele.append(
            (
                oid,
                ts,
                store,
                p.platform_id,
                cups[0]["drink"],
                n,
                desc,
                items,
                fee,
                disc,
                paid,
                rate,
                "INVALID" if cancelled else "VALID",
                "" if cancelled else round(dmin),
            )
        )
    if not cancelled:
        feedback(p, ts, platform, oid, cups, dmin, sold_out)


def coupon(p, kind, issued, redeemed=None, channel="", order=""):
    if not within(issued):
        return
    code = f"Q{nxt('coupon'):08d}"
    coupons.append((code, p.member_no, kind, "发放", issued, "会员中心", ""))
    if redeemed and within(redeemed):
        coupons.append((code, p.member_no, kind, "核销", redeemed, channel, order))


def member(city):
    p = Person("member", city)
    p.member_no = f"CY{nxt('member')}"
    p.phone = "ph_" + h(p.member_no + "phone", 14)
    p.pay_id = "pay_" + h(p.member_no + "pay", 14)
    first_store = min(s[4] for s in STORES_BY_CITY[city])
    if city != "昆明" and chance(0.45):
        joined = START - timedelta(days=R.uniform(20, 700))
    else:
        lo = max(START, first_store)
        joined = lo + timedelta(days=R.uniform(0, (END - lo).days - 1))
        if city == "昆明" and chance(0.5):
            joined = first_store + timedelta(days=R.uniform(0, 50))
        joined = at(joined)
    p.via = pick(["小程序", "门店"], [55, 45])
    if p.via == "小程序" or chance(0.35):
        p.openid = "oCY" + h(p.member_no + "openid", 24)
    p.tier = "普通会员"
    p.birth_month = R.randrange(1, 13)
    members.append(p)
    # openid-only browsing before they log in (mini-program registrants)
    if p.via == "小程序" and joined > START:
        for _ in range(R.choice([0, 1, 2])):
            b = joined - timedelta(days=R.uniform(0.1, 20))
            s = store_for(p, b)
            if s:
                mp(p, b, "launch", s, scene=pick(["扫码", "下拉", "小红书"], [50, 30, 20]))
                mp(p, b + timedelta(seconds=R.uniform(5, 60)), "view_menu", s)
        s = store_for(p, joined)
        if s:
            mp(p, joined, "launch", s, scene="扫码")
            p.logged_in = True
            mp(p, joined + timedelta(seconds=30), "phone_login", s)
    p.joined = joined
    start = max(START, joined)
    months = (END - start).days / 30.4
    rate = math.exp(R.gauss(0.0, 0.7))
    n = poisson(rate * months)
    if joined > START:
        coupon(p, "新人券", joined + timedelta(minutes=1))
    bday_done = False
    orders = 0
    d11 = None
    for d in order_days(city, "member", start, n):
        ts = at(d)
        if ts < joined:
            continue
        s = store_for(p, ts)
        if s is None:
            continue
        cp = None
        if not bday_done and ts.month == p.birth_month and chance(0.7):
            cp = "生日券"
            bday_done = True
        use_mini = p.openid is not None and chance(0.55 if ts < ELEME_HIKE else 0.65)
        if use_mini:
            oid = member_mini_order(p, ts, s, coupon=cp)
            ch = "小程序"
        else:
            oid, _cups, _total = pos_order(p, ts, s, "柜台", coupon=cp)
            ch = "门店"
            if chance(0.02):
                complaints.append(
                    (
                        f"TS{nxt('ticket'):06d}",
                        "门店",
                        p.member_no,
                        "",
                        oid,
                        ts + timedelta(minutes=30),
                        ts + timedelta(minutes=R.uniform(2, 30)) + timedelta(minutes=30),
                        ts + timedelta(hours=R.uniform(1, 6)),
                        pick(["做错单", "太甜"], [60, 40]),
                        "是",
                        R.choice(["", 4, 5, 3]),
                    )
                )
        if oid:
            orders += 1
            if ts.date() == DOUBLE11.date() and d11 is None:
                d11 = (ts, ch, oid)
            if cp == "生日券":
                coupon(p, "生日券", datetime(ts.year, ts.month, 1, 8), ts, ch, oid)
    # birthday coupons issued but not used
    for y, m in (
        (2025, 12),
        (2026, 1),
        (2026, 2),
        (2026, 3),
        (2026, 4),
        (2026, 5),
        (2026, 6),
        (2026, 7),
        (2026, 8),
        (2026, 9),
        (2026, 10),
        (2026, 11),
        (2026, 12),
    ):
        if m == p.birth_month and not bday_done and datetime(y, m, 1, 8) > joined:
            coupon(p, "生日券", datetime(y, m, 1, 8))
            break
    # Double 11: 买一送一 coupons pushed to members Nov 8-10
    if joined < datetime(2026, 11, 8):
        issued = datetime(2026, 11, 8, 10) + timedelta(hours=R.uniform(0, 60))
        coupon(p, "买一送一券", issued, *(d11 or ()))
    p.tier = "金卡会员" if orders >= 20 else "银卡会员" if orders >= 8 else "普通会员"
    return p


def walkin(city):
    p = Person("walkin", city)
    p.pay_id = "pay_" + h(f"walk{len(pos)}{R.random()}", 14)
    for d in order_days(city, "walkin", START, 1 + poisson(1.2)):
        ts = at(d)
        s = store_for(p, ts)
        if s:
            pos_order(p, ts, s, "柜台")


def browser(city):
    p = Person("browser", city)
    p.openid = "oCY" + h(f"browse{R.random()}", 24)
    for d in order_days(city, "walkin", START, R.choice([1, 1, 2, 3])):
        ts = at(d)
        s = store_for(p, ts)
        if not s:
            continue
        mp(p, ts, "launch", s, scene=pick(["扫码", "下拉", "公众号", "小红书"], [30, 30, 15, 25]))
        mp(p, ts + timedelta(seconds=R.uniform(5, 60)), "view_menu", s)
        if chance(0.25):
            mp(
                p,
                ts + timedelta(seconds=R.uniform(60, 160)),
                "add_to_cart",
                s,
                item=choose_drink(ts),
            )


def platform_user(city, platform):
    p = Person("meituan" if platform == "美团" else "eleme", city)
    p.platform_id = ("mt_" if platform == "美团" else "ele_") + h(f"{platform}{R.random()}", 10)
    start = START
    if platform == "美团" and chance(0.3):
        start = ELEME_HIKE + timedelta(days=R.uniform(0, 200))  # switchers from 饿了么
    if city == "昆明":
        start = max(start, datetime(2026, 5, 1))
    n = 1 + poisson(math.exp(R.gauss(1.0, 0.6)) * (END - start).days / 365 * 2)
    for d in order_days(city, p.kind, start, n):
        platform_order(p, at(d), platform)


def simulate():
    cities, cw = ["成都", "重庆", "昆明"], [0.5, 0.3, 0.2]
    for _ in range(3400):
        member(pick(cities, cw))
    for _ in range(2600):
        walkin(pick(cities, cw))
    for _ in range(900):
        browser(pick(cities, cw))
    for _ in range(1900):
        platform_user(pick(cities, cw), "美团")
    for _ in range(1300):
        platform_user(pick(cities, [0.5, 0.35, 0.15]), "饿了么")


MT_NAME = {s[1]: f"茶语({s[3]}店)" for s in STORES}
ELE_NAME = {s[1]: f"茶语ChaYu·{s[3]}店" for s in STORES}


def write(folder: Path):
    with open(folder / "pos_order_lines.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "行号",
                "下单时间",
                "门店编号",
                "门店名称",
                "城市",
                "订单来源",
                "会员手机",
                "付款账号",
                "支付方式",
                "饮品名称",
                "品类",
                "杯型",
                "温度",
                "甜度",
                "小料",
                "数量",
                "单价(元)",
                "实收(元)",
                "优惠活动",
            ]
        )
        for oid, ts, s, src, phone, pay, paym, c, paid, camp, ln in sorted(
            pos, key=lambda r: (r[1], r[0], r[10])
        ):
            if within(ts):
                w.writerow(
                    [
                        oid,
                        ln,
                        f"{ts:%Y-%m-%d %H:%M:%S}",
                        s[0],
                        s[1],
                        s[2],
                        src,
                        phone,
                        pay,
                        paym,
                        c["drink"],
                        c["cat"],
                        c["size"],
                        c["temp"],
                        c["sugar"],
                        c["top"] or "无",
                        1,
                        c["price"],
                        f"{paid:.1f}",
                        camp,
                    ]
                )
    with open(folder / "miniapp_events.jsonl", "w", encoding="utf-8") as f:
        for row in sorted(mini, key=lambda r: (r["ts"], r["openid"], r["event"])):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(folder / "meituan_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "下单时间",
                "城市",
                "门店名称",
                "美团用户ID",
                "主商品",
                "杯数",
                "商品明细",
                "商品总价",
                "配送费",
                "活动优惠",
                "用户实付",
                "佣金比例",
                "平台佣金",
                "商家实收",
                "订单状态",
                "配送时长(分钟)",
            ]
        )
        for r in sorted(mt, key=lambda r: (r[1], r[0])):
            oid, ts, s, uid, drink, n, desc, items, fee, disc, paid, rate, status, dmin = r
            comm = round(items * rate, 2)
            w.writerow(
                [
                    oid,
                    f"{ts:%Y/%m/%d %H:%M}",
                    s[2],
                    MT_NAME[s[1]],
                    uid,
                    drink,
                    n,
                    desc,
                    f"{items:.2f}",
                    f"{fee:.2f}",
                    f"{disc:.2f}",
                    f"{paid:.2f}",
                    f"{rate:.0%}",
                    f"{comm:.2f}",
                    f"{items - comm - disc:.2f}",
                    status,
                    dmin,
                ]
            )
    with open(folder / "eleme_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_id",
                "created_at",
                "city_name",
                "shop_name",
                "eleme_user_id",
                "first_item",
                "item_count",
                "items",
                "goods_amount",
                "delivery_fee",
                "discount",
                "user_paid",
                "commission_rate",
                "commission",
                "merchant_income",
                "status",
                "delivery_minutes",
            ]
        )
        for r in sorted(ele, key=lambda r: (r[1], r[0])):
            oid, ts, s, uid, drink, n, desc, items, fee, disc, paid, rate, status, dmin = r
            comm = round(items * rate, 2)
            w.writerow(
                [
                    oid,
                    f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
                    s[2] + "市",
                    ELE_NAME[s[1]],
                    uid,
                    drink,
                    n,
                    desc,
                    f"{items:.2f}",
                    f"{fee:.2f}",
                    f"{disc:.2f}",
                    f"{paid:.2f}",
                    f"{rate:.2f}",
                    f"{comm:.2f}",
                    f"{items - comm - disc:.2f}",
                    status,
                    dmin,
                ]
            )
    with open(folder / "crm_members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "会员号",
                "手机号(脱敏)",
                "微信openid",
                "注册时间",
                "注册渠道",
                "注册门店",
                "城市",
                "会员等级",
                "生日月份",
            ]
        )
        for p in sorted(members, key=lambda p: p.member_no):
            w.writerow(
                [
                    p.member_no,
                    p.phone,
                    p.openid or "",
                    f"{p.joined:%Y-%m-%d %H:%M}",
                    p.via,
                    p.store[1],
                    p.city,
                    p.tier,
                    f"{p.birth_month}月",
                ]
            )
    with open(folder / "coupon_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["券码", "会员号", "券类型", "动作", "时间", "渠道", "核销订单号"])
        for r in sorted(coupons, key=lambda r: (r[4], r[0], r[3])):
            w.writerow([*r[:4], f"{r[4]:%Y-%m-%d %H:%M:%S}", *r[5:]])
    with open(folder / "reviews.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "评价ID",
                "评价来源",
                "订单号",
                "会员号",
                "平台用户ID",
                "评价时间",
                "评分",
                "差评原因",
                "评价内容",
            ]
        )
        for r in sorted(reviews, key=lambda r: (r[5], r[0])):
            w.writerow([*r[:5], f"{r[5]:%Y-%m-%d %H:%M}", *r[6:]])
    with open(folder / "complaints.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "来源渠道",
                "会员号",
                "平台用户ID",
                "订单号",
                "创建时间",
                "首次回复时间",
                "处理完成时间",
                "投诉类型",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(complaints, key=lambda r: r[0]):
            t = [f"{x:%Y-%m-%d %H:%M:%S}" if x else "" for x in r[5:8]]
            w.writerow(list(r[:5]) + t + list(r[8:]))
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "投放渠道", "项目", "花费(元)"])
        m = date(2025, 12, 1)
        while m < END.date():
            base = {"抖音团购": 42000, "小红书": 26000, "美团推广": 30000}
            for ch, amt in base.items():
                proj = "日常投放"
                f_ = R.uniform(0.9, 1.1)
                if ch == "美团推广" and m >= date(2026, 4, 1):
                    f_ *= 1.45
                if m.month in (6, 7, 8) and ch != "美团推广":
                    proj, f_ = "杨枝甘露夏季限定", f_ * 1.5
                if m == date(2026, 5, 1) and ch != "美团推广":
                    proj, f_ = "昆明开业", f_ * 1.9
                if m == date(2026, 11, 1):
                    proj, f_ = "双11买一送一", f_ * 1.6
                w.writerow([f"{m:%Y-%m}", ch, proj, f"{amt * f_:.0f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="bubbletea-src-") as tmp:
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
