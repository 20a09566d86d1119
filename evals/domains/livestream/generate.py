"""Live-stream shopping evaluation domain: 潮品直播 (Chaopin Live), apparel and cosmetics.

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  抖音直播_行为明细.csv         抖音 live-room export (Chinese headers), one row per viewer action
  快手直播_行为明细.csv         快手 live-room export (same headers, slash dates, its own 来源 words)
  erp_orders/dy_shop.csv        ERP order log of the 抖音小店 (English snake_case, UTC times with Z)
  erp_orders/ks_shop.csv        ERP order log of the 快手小店
  erp_orders/wx_shop.csv        ERP order log of the 微信小店 (post-show orders)
  erp_orders/tb_shop.csv        ERP order log of the 淘宝店 (post-show orders)
  cdp_会员档案.csv              the brand CDP: one row per person, ids of every platform + profile
  客服工单.csv                  customer-service tickets (GB18030)
  售后回访.csv                  post-purchase satisfaction survey (1–5)
  投流日报.csv                  千川 / 磁力金牛 ad spend per host per day

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.

Planted stories (see description.md):
  1. 大促 shows (≈ 5× traffic) in 年货节 (2026-01-05 … 01-25), 618 (05-25 … 06-18), 双11 (10-20 … 11-11).
  2. 阿杰's 新品首发 of the defective SPU20607 on 2026-07-10: his refund rate ≈ 8 % → ≈ 35 %.
  3. August 2026: 千川 spend on 抖音 ×2.3, extra paid-traffic viewers who barely buy; GMV flat.
  4. 深夜场 converts far better than 晚场, which has the most traffic.
  5. Lv4–Lv5 fans repurchase within 30 days far more than Lv1–Lv3.
  6. 老K (快手) stops after 2026-08-31: 快手 shows and room entries fall.
  7. 2026-11-01 … 11-20: 客服 first response time more than doubles, 发货慢 tickets surge.
  8. People first brought in by 付费投流 come back less often.
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
import random
import shutil
import sys
import tempfile
from bisect import bisect
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261125
START = datetime(2025, 11, 25)
END = datetime(2026, 11, 25)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days

NIANHUO = (datetime(2026, 1, 5), datetime(2026, 1, 26))      # 年货节
S618 = (datetime(2026, 5, 25), datetime(2026, 6, 19))        # 618
S1111 = (datetime(2026, 10, 20), datetime(2026, 11, 12))     # 双11
SPRING_BREAK = (datetime(2026, 2, 16), datetime(2026, 2, 22))  # 春节停播
LAOK_LEFT = datetime(2026, 9, 1)                             # 老K's last show is 2026-08-31
DEFECT_LAUNCH = datetime(2026, 7, 10)                        # 阿杰's 新品首发 of SPU20607
QC_SURGE = (datetime(2026, 8, 1), datetime(2026, 9, 1))      # 千川 spend doubled, GMV flat
SERVICE_SLOW = (datetime(2026, 11, 1), datetime(2026, 11, 21))  # 双11 backlog: slow first replies

R = random.Random(SEED)

HOSTS = {"小鹿": "抖音", "阿杰": "抖音", "Momo": "抖音", "甜甜": "抖音", "大飞": "快手", "老K": "快手"}
HOST_CODE = {"小鹿": "A01", "阿杰": "A02", "Momo": "A03", "大飞": "A04", "甜甜": "A05", "老K": "A06"}
COMMISSION = {"小鹿": 0.08, "阿杰": 0.06, "Momo": 0.10, "大飞": 0.05, "甜甜": 0.07, "老K": 0.12}
HOST_CATS = {
    "小鹿": [0.7, 0.05, 0.1, 0.15], "阿杰": [0.5, 0.35, 0.05, 0.1], "Momo": [0.1, 0.0, 0.8, 0.1],
    "甜甜": [0.25, 0.0, 0.45, 0.3], "大飞": [0.2, 0.6, 0.05, 0.15], "老K": [0.5, 0.2, 0.15, 0.15],
}
CATS = ["女装", "男装", "美妆", "配饰"]
CAT_CODE = {"女装": "women", "男装": "men", "美妆": "beauty", "配饰": "acc"}
PRICE_RANGE = {"女装": (129, 599), "男装": (159, 699), "美妆": (59, 399), "配饰": (39, 259)}
SLOTS = {"早场": (8, 30, 2.0), "午场": (12, 30, 2.0), "晚场": (19, 30, 3.0), "深夜场": (23, 0, 2.5)}
SLOT_TRAFFIC = {"早场": 0.55, "午场": 0.8, "晚场": 1.5, "深夜场": 0.6}
SLOT_CONV = {"早场": 0.95, "午场": 1.0, "晚场": 0.72, "深夜场": 1.6}
LEVELS = ["Lv1", "Lv2", "Lv3", "Lv4", "Lv5"]
LEVEL_W = {"Lv1": 1.0, "Lv2": 1.8, "Lv3": 3.0, "Lv4": 5.0, "Lv5": 7.5}
LEVEL_CONV = {"Lv1": 0.55, "Lv2": 0.85, "Lv3": 1.1, "Lv4": 1.9, "Lv5": 2.4}
SOURCES = ["推荐页", "关注页", "搜索", "付费投流", "分享链接", "短视频引流"]
# 快手's export spells its sources its own way (mapped in ingest.yaml)
KS_SOURCE = {"推荐页": "发现页", "关注页": "关注页", "搜索": "搜索", "付费投流": "磁力金牛",
             "分享链接": "分享链接", "短视频引流": "短视频引流"}
PROVINCES = ["广东", "浙江", "江苏", "山东", "河南", "四川", "湖北", "福建", "上海", "北京", "辽宁", "湖南"]
PROV_W = [16, 11, 10, 8, 8, 7, 6, 6, 6, 5, 4, 5]
AGES = ["18-24", "25-30", "31-40", "40+"]
STORES = {"抖音": "dy", "快手": "ks", "微信小店": "wx", "淘宝店": "tb"}
TICKET_CH = {"dy": "抖音客服", "ks": "快手客服", "wx": "微信客服", "tb": "淘宝旺旺"}


def chance(p: float) -> bool:
    return R.random() < p


def pick(items, weights=None):
    return R.choices(items, weights)[0]


def inw(t: datetime, w) -> bool:
    return w[0] <= t < w[1]


def poisson(lam: float) -> int:
    if lam > 30:
        return max(0, int(round(R.gauss(lam, math.sqrt(lam)))))
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(s: str, n: int) -> str:
    return hashlib.md5(s.encode()).hexdigest()[:n]


# ----------------------------------------------------------------------------------------------
# catalogue
# ----------------------------------------------------------------------------------------------
PRODUCTS: dict[str, list] = {c: [] for c in CATS}
PRICE: dict[str, float] = {}
CAT_OF: dict[str, str] = {}
for i, cat in enumerate(CATS):
    for k in range([26, 14, 18, 12][i]):
        spu = f"SPU{i + 1}{k + 100:04d}"
        lo, hi = PRICE_RANGE[cat]
        price = round(R.uniform(lo, hi) / 10) * 10 - 1
        PRODUCTS[cat].append(spu)
        PRICE[spu] = price
        CAT_OF[spu] = cat
DEFECT_SPU = "SPU20607"
PRICE[DEFECT_SPU] = 369
CAT_OF[DEFECT_SPU] = "女装"


def price_band(p: float) -> str:
    return "¥0-99" if p < 100 else "¥100-199" if p < 200 else "¥200-399" if p < 400 else "¥400+"


# ----------------------------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------------------------
class Person:
    __slots__ = ("idx", "member", "platform", "dy", "ks", "wx", "tb", "gender", "age", "prov", "level",
                 "new", "first_seen", "first_source", "fav", "until", "follows", "orders", "seen")

    def __init__(self, idx: int, platform: str, first_seen: datetime, new: bool, fav: str):
        self.idx = idx
        self.member = f"CP{1000000 + idx * 7 + R.randint(0, 6)}"
        self.platform = platform
        self.dy = f"dy{R.randint(10**11, 10**12 - 1)}" if platform == "抖音" else ""
        self.ks = f"ks_{h(f'ks{idx}', 10)}" if platform == "快手" else ""
        self.wx = ""
        self.tb = ""
        self.gender = pick(["女", "男", "未知"], [0.68, 0.24, 0.08])
        self.age = pick(AGES, [0.3, 0.34, 0.25, 0.11])
        self.prov = pick(PROVINCES, PROV_W)
        self.level = pick(LEVELS, [0.42, 0.25, 0.17, 0.10, 0.06])
        if self.gender == "男" and chance(0.4):
            self.level = pick(LEVELS[:3])
        self.new = new
        self.first_seen = first_seen
        self.first_source = ""
        self.fav = fav
        life = R.expovariate(1 / (90 + 45 * LEVELS.index(self.level)))
        self.until = first_seen + timedelta(days=life + 7)
        self.follows: set = set()
        self.orders = 0
        self.seen = False


persons: list[Person] = []
pool: dict[str, list[Person]] = {"抖音": [], "快手": []}


def new_person(platform: str, t: datetime, new: bool, fav: str) -> Person:
    p = Person(len(persons) + 1, platform, t, new, fav)
    persons.append(p)
    pool[platform].append(p)
    if fav == "老K" and chance(0.8):
        p.until = min(p.until, LAOK_LEFT + timedelta(days=R.uniform(0, 10)))
    return p


# ----------------------------------------------------------------------------------------------
# outputs (rows of the source files)
# ----------------------------------------------------------------------------------------------
live_rows: dict[str, list] = {"抖音": [], "快手": []}
order_rows: dict[str, list] = {s: [] for s in STORES.values()}
ticket_rows: list = []
survey_rows: list = []
shows: list = []


def uid_on(p: Person, platform: str) -> str:
    if platform == "抖音":
        if not p.dy:
            p.dy = f"dy{R.randint(10**11, 10**12 - 1)}"
        return p.dy
    if not p.ks:
        p.ks = f"ks_{h(f'ks{p.idx}', 10)}"
    return p.ks


def live(p, show, ts, ev, spu="", amount="", source=""):
    if ts >= END:
        return
    p.seen = True
    cat = CAT_OF.get(spu, "")
    live_rows[show["platform"]].append([
        uid_on(p, show["platform"]), show["id"], show["host"], show["type"], show["slot"], ev, ts, spu, cat,
        price_band(PRICE[spu]) if spu else "", amount, source])


order_seq = [0]


def buyer_id(p: Person, store: str) -> str:
    if store == "dy":
        return uid_on(p, "抖音")
    if store == "ks":
        return uid_on(p, "快手")
    if store == "wx":
        if not p.wx:
            p.wx = "o" + h(f"wx{p.idx}", 27)
        return p.wx
    if not p.tb:
        p.tb = f"tb{h(f'tb{p.idx}', 8)}"
    return p.tb


def order(p: Person, store: str, show, ts: datetime, spu: str, hongbao: float):
    if ts >= END:
        return
    order_seq[0] += 1
    no = f"{store.upper()}{ts:%y%m%d}{order_seq[0]:06d}"
    host = show["host"]
    qty = pick([1, 2, 3], [0.82, 0.14, 0.04])
    if CAT_OF[spu] == "美妆" and chance(0.2):
        qty += 1
    gross = PRICE[spu] * qty
    coupon = 0.0
    if hongbao:
        coupon += hongbao
    if show["type"] == "大促":
        coupon += round(gross * pick([0.1, 0.15, 0.2]), 0)
    elif chance(0.2):
        coupon += pick([5, 10, 20])
    coupon = min(coupon, gross * 0.5)
    pay = round(gross - coupon, 2)
    sku = f"{spu}-{pick(['S', 'M', 'L', 'XL']) if CAT_OF[spu] in ('女装', '男装') else 'F'}-{pick(['01', '02', '03'])}"
    buyer = buyer_id(p, store)
    rows = order_rows[store]
    base = [no, buyer, show["id"], HOST_CODE[host], sku, CAT_CODE[CAT_OF[spu]], qty]
    rows.append(base + ["PAID", ts, f"{pay:.2f}", f"{coupon:.2f}", "", f"{pay * COMMISSION[host]:.2f}"])
    p.orders += 1
    # refunds
    cat = CAT_OF[spu]
    rp = {"女装": 0.11, "男装": 0.08, "美妆": 0.035, "配饰": 0.05}[cat]
    defect = spu == DEFECT_SPU
    if defect:
        rp = 0.62
    if show["type"] == "大促":
        rp *= 1.25
    reason = None
    refunded = False
    if chance(rp):
        if defect:
            reason = pick(["质量问题", "主播承诺不符", "色差"], [0.75, 0.15, 0.1])
        elif cat in ("女装", "男装"):
            reason = pick(["尺码不合适", "色差", "质量问题", "主播承诺不符"], [0.55, 0.2, 0.15, 0.1])
        else:
            reason = pick(["色差", "质量问题", "主播承诺不符", "发货慢"], [0.35, 0.3, 0.2, 0.15])
        t_apply = ts + timedelta(days=R.uniform(1.5, 9) if not defect else R.uniform(2, 6), hours=R.uniform(0, 10))
        if t_apply < END:
            rows.append(base + ["REFUND_APPLY", t_apply, "", "", "", ""])
            if chance(0.9):
                t_done = t_apply + timedelta(hours=R.uniform(6, 100))
                if t_done < END:
                    rows.append(base + ["REFUNDED", t_done, "", "", f"{pay:.2f}", ""])
                    refunded = True
    # ticket
    slow_ship = inw(ts, S1111) or inw(ts, SERVICE_SLOW)
    tp = 0.07 + (0.07 if slow_ship else 0)
    if reason and chance(0.55):
        ticket(p, store, host, ts + timedelta(days=R.uniform(1, 6)), reason)
    elif chance(tp):
        cat_t = "发货慢" if slow_ship and chance(0.7) else pick(
            ["尺码不合适", "色差", "发货慢", "质量问题", "主播承诺不符"], [0.3, 0.2, 0.25, 0.15, 0.1])
        ticket(p, store, host, ts + timedelta(days=R.uniform(0.5, 5)), cat_t)
    # review and survey
    if not refunded and chance(0.3):
        tr = ts + timedelta(days=R.uniform(3, 12))
        if tr < END:
            rows.append(base + ["REVIEWED", tr, "", "", "", ""])
    if chance(0.24):
        tv = ts + timedelta(days=R.uniform(6, 9), hours=R.uniform(0, 8))
        if tv < END:
            mean = 4.25
            if defect:
                mean = 2.3
            elif refunded:
                mean = 2.9
            if show["slot"] == "深夜场":
                mean += 0.1
            score = max(1, min(5, round(R.gauss(mean, 0.85))))
            survey_rows.append([p.member, no, tv, score, store])


ticket_seq = [0]


def ticket(p: Person, store: str, host: str, opened: datetime, category: str):
    if opened >= END:
        return
    ticket_seq[0] += 1
    slow = inw(opened, SERVICE_SLOW)
    frt = R.lognormvariate(math.log(9 if store in ("dy", "ks") else 14), 0.7)  # minutes
    if slow:
        frt *= 2.3
    first = opened + timedelta(minutes=frt)
    res_h = R.lognormvariate(math.log({"尺码不合适": 10, "色差": 14, "发货慢": 20, "质量问题": 30, "主播承诺不符": 36}[category]), 0.6)
    resolved = opened + timedelta(hours=res_h) if chance(0.97) else None
    if resolved and resolved >= END:
        resolved = None
    complaint = category == "主播承诺不符" or (category == "质量问题" and chance(0.45)) or chance(0.06)
    rating = ""
    if resolved and chance(0.45):
        m = 4.1 - (0.8 if complaint else 0) - (0.5 if slow else 0)
        rating = str(max(1, min(5, round(R.gauss(m, 0.9)))))
    ticket_rows.append([f"GD{opened:%Y%m%d}{ticket_seq[0]:05d}", p.member, TICKET_CH[store], category,
                        "是" if complaint else "否", opened, first, resolved, rating, host])


# ----------------------------------------------------------------------------------------------
# shows and viewers
# ----------------------------------------------------------------------------------------------
def schedule() -> None:
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        if inw(d, SPRING_BREAK):
            continue
        promo = inw(d, NIANHUO) or inw(d, S618) or inw(d, S1111)
        n = 4 if promo else pick([2, 3, 4], [0.3, 0.45, 0.25])
        slots = ["晚场"] + R.sample(["早场", "午场", "深夜场"], n - 1) if n < 4 else list(SLOTS)
        hosts = [x for x in HOSTS if not (x == "老K" and d >= LAOK_LEFT)]
        chosen = R.sample(hosts, n)
        if d.date() == DEFECT_LAUNCH.date():
            if "阿杰" in chosen:
                chosen.remove("阿杰")
            chosen[0] = "阿杰"
        for j, (slot, host) in enumerate(sorted(zip(slots, chosen), key=lambda x: list(SLOTS).index(x[0]))):
            hh, mm, dur = SLOTS[slot]
            start = d.replace(hour=hh, minute=mm) + timedelta(minutes=R.choice([0, 0, 10, -10]))
            if promo:
                typ = "大促"
            elif d.date() == DEFECT_LAUNCH.date() and host == "阿杰":
                typ = "新品首发"
            elif chance(0.09):
                typ = "新品首发"
            elif d.month in (3, 8) and chance(0.25):
                typ = "清仓"
            else:
                typ = "日常"
            plat = HOSTS[host]
            shows.append({"id": f"{'DY' if plat == '抖音' else 'KS'}{d:%Y%m%d}-{j + 1:02d}", "date": d,
                          "start": start, "dur": dur, "slot": slot, "host": host, "platform": plat,
                          "type": typ, "new_spu": None})


def attend(p: Person, show, is_new: bool) -> None:
    T0, dur = show["start"], show["dur"]
    t = T0 + timedelta(minutes=R.uniform(0, dur * 60 - 10))
    host = show["host"]
    if is_new:
        src = pick(SOURCES, [0.4, 0, 0.1, 0.22, 0.12, 0.16])
    else:
        following = host in p.follows
        src = pick(SOURCES, [0.3, 0.45 if following else 0.05, 0.07, 0.12, 0.07, 0.1])
    if inw(show["date"], QC_SURGE) and show["platform"] == "抖音" and chance(0.3):
        src = "付费投流"
    if not p.first_source:
        p.first_source = src
        # people brought in by paid traffic stay for a shorter time, shared-link people longer
        life = p.until - p.first_seen
        if src == "付费投流":
            p.until = p.first_seen + life * 0.15
        elif src == "分享链接":
            p.until = p.first_seen + life * 2.0
    live(p, show, t, "enter_room", source=src)
    end = T0 + timedelta(hours=dur)
    stay = min(end, t + timedelta(minutes=R.expovariate(1 / 22) + 2))

    def tick(a=0.3, b=8):
        nonlocal t
        t = t + timedelta(minutes=R.uniform(a, b))
        return t if t < stay + timedelta(minutes=5) else None

    if host not in p.follows and chance(0.16 if is_new else 0.09):
        if tick():
            live(p, show, t, "关注主播")
            p.follows.add(host)
    if chance(0.4 if show["type"] == "大促" else 0.13):
        if tick(0.2, 3):
            live(p, show, t, "领取红包", amount=f"{pick([2, 3, 5, 8, 10, 20]):.2f}")
    hb = 0.0
    if rows := live_rows[show["platform"]]:
        if rows[-1][5] == "领取红包" and rows[-1][0] == uid_on(p, show["platform"]):
            hb = float(rows[-1][10])
    if chance(0.05):
        tt = t + timedelta(minutes=R.uniform(1, 20))
        live(p, show, tt, "分享直播间")
    m = LEVEL_CONV[p.level] * SLOT_CONV[show["slot"]] * {"大促": 1.15, "新品首发": 1.05, "清仓": 1.25, "日常": 1.0}[show["type"]]
    if src == "付费投流":
        m *= 0.5 if inw(show["date"], QC_SURGE) else 0.8
    if not chance(min(0.9, 0.42 * math.sqrt(m))):
        return
    if not tick(0.5, 6):
        return
    live(p, show, t, "点击购物车")
    cats = HOST_CATS[host]
    spu_seen = None
    for _ in range(pick([1, 1, 2, 3])):
        if show["new_spu"] and chance(0.55):
            spu = show["new_spu"]
        elif host == "阿杰" and show["date"] >= DEFECT_LAUNCH and chance(0.45):
            spu = DEFECT_SPU
        else:
            spu = R.choice(PRODUCTS[pick(CATS, cats)])
        if not tick(0.2, 4):
            return
        live(p, show, t, "点击商品", spu=spu)
        spu_seen = spu
    if spu_seen is None:
        return
    spu = spu_seen
    if not chance(min(0.92, 0.38 * math.sqrt(m))):
        if chance(0.07 * m):  # bought after the show in the 微信小店 / 淘宝店
            tp = end + timedelta(hours=R.uniform(0.3, 40))
            order(p, pick(["wx", "tb"], [0.6, 0.4]), show, tp, spu, 0.0)
        return
    if not tick(0.2, 5):
        return
    live(p, show, t, "加购", spu=spu)
    if not chance(min(0.95, 0.55 * math.sqrt(m))):
        if chance(0.08 * m):
            tp = end + timedelta(hours=R.uniform(0.3, 40))
            order(p, pick(["wx", "tb"], [0.6, 0.4]), show, tp, spu, 0.0)
        return
    if not tick(0.3, 6):
        return
    live(p, show, t, "提交订单", spu=spu, amount=f"{PRICE[spu]:.2f}")
    if chance(0.93):
        order(p, STORES[show["platform"]], show, t + timedelta(seconds=R.uniform(15, 400)), spu, hb)


def simulate() -> None:
    schedule()
    # fans from before the data starts
    for _ in range(1700):
        plat = pick(["抖音", "快手"], [0.66, 0.34])
        fav = R.choice([x for x, pl in HOSTS.items() if pl == plat])
        fs = START - timedelta(days=R.uniform(20, 600))
        p = new_person(plat, fs, False, fav)
        p.until = START + timedelta(days=R.expovariate(1 / (100 + 60 * LEVELS.index(p.level))))
        if fav == "老K" and chance(0.8):
            p.until = min(p.until, LAOK_LEFT + timedelta(days=R.uniform(0, 10)))
        p.follows.add(fav)
        p.first_source = pick(SOURCES, [0.4, 0, 0.1, 0.2, 0.12, 0.18])
    for show in shows:
        if show["type"] == "新品首发":
            show["new_spu"] = DEFECT_SPU if show["date"].date() == DEFECT_LAUNCH.date() else R.choice(PRODUCTS[pick(CATS, HOST_CATS[show["host"]])])
        plat = show["platform"]
        base = 11.5 * SLOT_TRAFFIC[show["slot"]]
        if show["type"] == "大促":
            base *= 5
        elif show["type"] == "新品首发":
            base *= 1.4
        if plat == "快手":
            base *= 1.2 if show["date"] < LAOK_LEFT else 0.7
        if plat == "抖音" and inw(show["date"], QC_SURGE):
            base *= 1.4
        n = poisson(base)
        n_new = sum(1 for _ in range(n) if chance(0.24))
        d = show["start"]
        cand = [p for p in pool[plat] if p.first_seen < d and p.until > d]
        if cand:
            w = [LEVEL_W[p.level] * (3.5 if p.fav == show["host"] else 1.0) for p in cand]
            cum = list(accumulate(w))
            chosen = set()
            for _ in range((n - n_new) * 2):
                if len(chosen) >= n - n_new:
                    break
                chosen.add(bisect(cum, R.random() * cum[-1]))
            for i in sorted(chosen):
                attend(cand[i], show, False)
        for _ in range(n_new):
            p = new_person(plat, show["start"], True, show["host"] if chance(0.6) else R.choice([x for x, pl in HOSTS.items() if pl == plat and not (x == "老K" and d >= LAOK_LEFT)]))
            attend(p, show, True)


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    header = ["用户ID", "直播场次", "主播", "场次类型", "时段", "事件", "时间", "商品SPU", "品类", "价格带", "金额(元)", "来源"]
    for plat, fname, fmt in (("抖音", "抖音直播_行为明细.csv", "%Y-%m-%d %H:%M:%S"),
                             ("快手", "快手直播_行为明细.csv", "%Y/%m/%d %H:%M:%S")):
        rows = sorted(live_rows[plat], key=lambda r: (r[6], r[0], r[5]))
        with open(folder / fname, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(header)
            for i, r in enumerate(rows):
                r = list(r)
                r[6] = r[6].strftime(fmt)
                if plat == "快手" and r[11]:
                    r[11] = KS_SOURCE[r[11]]
                w.writerow(r)
                if plat == "抖音" and i == 9000:
                    w.writerow(r)  # the export repeats a row
                if plat == "快手" and i == 3000:
                    w.writerow([r[0], r[1], r[2], r[3], r[4], "enter_room", "2026/02/30 20:11:09", "", "", "", "", "推荐页"])

    od = folder / "erp_orders"
    od.mkdir()
    for store, rows in order_rows.items():
        with open(od / f"{store}_shop.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["order_no", "buyer_uid", "live_id", "anchor_code", "sku", "category", "qty", "action",
                        "action_time", "pay_amt", "coupon_amt", "refund_amt", "commission_amt"])
            for i, r in enumerate(sorted(rows, key=lambda r: (r[8], r[0], r[7]))):
                r = list(r)
                r[8] = (r[8] - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")
                if store == "dy" and i == 2500 and r[7] == "PAID":
                    r[9] = "--"  # an amount the ERP could not read
                if store in ("wx", "tb"):
                    r[2] = r[2] if chance(0.7) else ""  # post-show orders keep the show's 推广码 only sometimes
                w.writerow(r)

    with open(folder / "cdp_会员档案.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["会员ID", "抖音UID", "快手UID", "微信openid", "淘宝账号", "性别", "年龄段", "省份", "粉丝等级",
                    "是否新客", "首次触达时间", "首次来源"])
        for p in persons:
            if not p.seen and p.new:
                continue
            w.writerow([p.member, p.dy, p.ks, p.wx, p.tb, p.gender, p.age, p.prov, p.level,
                        "Y" if p.new else "N", f"{p.first_seen:%Y-%m-%d %H:%M:%S}", p.first_source])

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "客服工单.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["工单编号", "会员ID", "接待渠道", "问题类型", "是否投诉", "创建时间", "首次回复时间", "完结时间", "评分", "关联主播"])
        for r in sorted(ticket_rows, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], r[3], r[4], fmt(r[5]), fmt(r[6]), fmt(r[7]), r[8], r[9]])

    with open(folder / "售后回访.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["会员ID", "订单号", "回访时间", "满意度", "店铺"])
        names = {"dy": "抖音小店", "ks": "快手小店", "wx": "微信小店", "tb": "淘宝店"}
        for r in sorted(survey_rows, key=lambda r: (r[2], r[1])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M}", r[3], names[r[4]]])

    # ad spend per host per show day (千川 on 抖音, 磁力金牛 on 快手)
    days: dict = {}
    for s in shows:
        days.setdefault((s["date"].date(), s["host"]), s)
    with open(folder / "投流日报.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["日期", "平台", "投放工具", "主播", "计划", "消耗(元)"])
        for (d, host), s in sorted(days.items()):
            plat = HOSTS[host]
            dt = datetime(d.year, d.month, d.day)
            amt = R.uniform(90, 170) * (1.0 if plat == "抖音" else 0.7)
            plan = "日常推流"
            if s["type"] == "大促":
                amt *= 3.2
                plan = "大促冲量"
            elif s["type"] == "新品首发":
                amt *= 1.5
                plan = "新品测款"
            if inw(dt, QC_SURGE) and plat == "抖音":
                amt *= 2.3
            w.writerow([f"{d:%Y-%m-%d}", plat, "千川" if plat == "抖音" else "磁力金牛", host, plan, f"{amt:.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="livestream-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        if os.environ.get("LIVESTREAM_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["LIVESTREAM_KEEP_SOURCES"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
