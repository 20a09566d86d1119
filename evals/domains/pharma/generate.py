"""Pharmacy evaluation domain: 康宁大药房 (KangNing Pharmacy), a chain in 江苏/浙江/安徽.

    python generate.py OUT.duckdb

Writes the chain's own exports (seeded: the same files on every run) into a temporary folder —

  crm_hy.csv                 CRM members (会员): hyid, phone MD5, openid, 注册门店 mdbm, 等级 code,
                             年龄段, 慢病标志, 入会时间, 入会渠道
  pos_xsmx.csv               store POS sales lines (GB18030): djh, hyid, mdbm, cs, xssj, pl, je, ml
  kl_jd.csv                  store traffic: member check-in at the counter (进店) and 扫码入会
  mp_maidian.jsonl           own 小程序 tracking: goods_view, cart_add, 扫码入会, 处方上传, 复购提醒点击 …
  mp_dingdan.csv             小程序 delivery orders: status codes 10 下单 / 20 支付成功 / 40 配送完成
  o2o_orders.csv             O2O platform orders (美团买药 / 饿了么 / 京东到家): ptbm, ddzt codes,
                             phone MD5, order lines with commission
  o2o_liuliang.csv           platform member traffic (浏览 / 加购) bound by phone MD5
  shenfang.csv               pharmacist review system: shjg 1 = 通过, 2 = 驳回
  remind_log.csv             refill reminders sent (rmd_push) by 短信 / 企业微信
  kefu_gd.csv                complaint tickets (配送超时 / 缺货 / 药品质量 / 退款)
  pingjia.csv                O2O order ratings (1–5 stars)
  yingxiao_feiyong.csv       marketing spend per day × channel × campaign (coupons included)

— copies `ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.
Standard library + duckdb only.  Stories: see description.md.
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
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261020
START = datetime(2025, 10, 20)
END = datetime(2026, 10, 20)  # as_of (Tuesday); data ends the day before
N_DAYS = (END - START).days

D11 = (datetime(2025, 11, 1), datetime(2025, 11, 12))        # 双11囤药节
FLU = (datetime(2025, 12, 1), datetime(2026, 1, 25))         # 流感季: OTC surge, 缺货
NIGHT_CUT = datetime(2026, 4, 1)                             # night pharmacist removed
ZJ_SLOW = datetime(2026, 5, 1)                               # 浙江 tickets: first response doubles
ELM_BREAK = datetime(2026, 6, 15)                            # 饿了么 cart → order collapse
HF_SLOW = datetime(2026, 8, 10)                              # 合肥 delivery time doubles
ZQ = (datetime(2026, 9, 1), datetime(2026, 9, 26))           # 中秋滋补节: clicks, no buyers

CITIES = {  # city: (province, stores)
    "南京": ("江苏", 48), "无锡": ("江苏", 30), "常州": ("江苏", 24),
    "杭州": ("浙江", 42), "宁波": ("浙江", 26), "合肥": ("安徽", 34), "芜湖": ("安徽", 16),
}
STORES: list[tuple[str, str]] = []  # (mdbm, city)
_n = 0
for _city, (_prov, _k) in CITIES.items():
    for _ in range(_k):
        _n += 1
        STORES.append((f"KN{_n:04d}", _city))
STORES_BY_CITY = {c: [s for s, cc in STORES if cc == c] for c in CITIES}

CATS = ["处方药", "非处方药", "保健品", "医疗器械", "个护"]
CAT_CODE = {"处方药": "RX", "非处方药": "OTC", "保健品": "BJP", "医疗器械": "YLQX", "个护": "GH"}
PRICE = {"处方药": (68, 0.6), "非处方药": (32, 0.5), "保健品": (168, 0.5), "医疗器械": (120, 0.8), "个护": (45, 0.5)}
MARGIN = {"处方药": 0.18, "非处方药": 0.38, "保健品": 0.55, "医疗器械": 0.32, "个护": 0.45}
PLATFORMS = {"美团买药": ("MT", 0.065), "饿了么": ("ELE", 0.07), "京东到家": ("JDDJ", 0.06)}
TIERS = ["普卡", "银卡", "金卡", "钻石卡"]
AGES = ["18-30岁", "31-45岁", "46-60岁", "60岁以上"]

R = random.Random(SEED)


def md5(t: str) -> str:
    return hashlib.md5(t.encode()).hexdigest()


def chance(p: float) -> bool:
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


def within(ts: datetime) -> bool:
    return START <= ts < END


_HOURS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 2.5, 3, 3.2, 3, 2.6, 2.4, 2.5, 2.6, 2.8, 3, 3.4, 3.8, 3.6, 3, 1.8, 0.8]


def at(d: date) -> datetime:
    h = R.choices(range(24), weights=_HOURS)[0]
    return datetime(d.year, d.month, d.day, h, R.randrange(60), R.randrange(60))


class P:
    def __init__(self, i: int):
        self.i = i
        self.phone = md5(f"13{i:09d}")
        self.openid = None
        self.hyid = None
        self.city = pick(list(CITIES), [20, 11, 9, 17, 10, 12, 6])
        self.store = R.choice(STORES_BY_CITY[self.city])
        self.age = pick(AGES, [0.22, 0.33, 0.27, 0.18])
        old = self.age in ("46-60岁", "60岁以上")
        self.chronic = pick(["高血压", "糖尿病", "无"], [0.22, 0.12, 0.66] if old else [0.05, 0.03, 0.92])
        self.tier = pick(TIERS, [0.55, 0.25, 0.15, 0.05])
        self.join_ts = None
        self.join_ch = None
        self.pending_refill = None


persons: list[P] = []
pos_rows, kl_rows, mp_rows, mpo_rows, o2o_rows, traffic_rows = [], [], [], [], [], []
sf_rows, rmd_rows, ticket_rows, rating_rows = [], [], [], []
_seq = {"o": 0, "t": 0, "sf": 0}


def nxt(k):
    _seq[k] += 1
    return _seq[k]


def lines_for(p: P, ts: datetime, rx_need: bool) -> list[tuple[str, float, float]]:
    """order lines: (category, amount, margin)"""
    cats = []
    if rx_need:
        cats.append("处方药")
    n = R.choice([1, 1, 2, 2, 3])
    flu = inw(ts, FLU)
    for _ in range(n):
        w = [0.12, 0.42 + (0.35 if flu else 0), 0.16, 0.12, 0.18]
        if inw(ts, D11):
            w[2] += 0.15
        cats.append(pick(CATS, w))
    if p.tier in ("金卡", "钻石卡") and chance(0.4):
        cats.append("保健品")
    out = []
    for c in cats[:4]:
        mu, sd = PRICE[c]
        amt = round(mu * math.exp(R.gauss(0, sd)) * (1.6 if p.tier == "钻石卡" else 1.0), 2)
        if inw(ts, D11):
            amt = round(amt * 0.85, 2)
        out.append((c, amt, round(amt * MARGIN[c] * R.uniform(0.8, 1.2), 2)))
    return out


def campaign_at(ts: datetime, ch: str) -> str:
    if inw(ts, D11) and ch == "小程序":
        return "双11囤药节"
    if inw(ts, ZQ) and ch == "小程序":
        return "中秋滋补节"
    if ts.day == 28:
        return "会员日"
    return ""


# --------------------------------------------------------------------------------------------
def store_visit(p: P, ts: datetime, rx: bool) -> None:
    if not within(ts):
        return
    if p.hyid is None or (p.join_ts and ts < p.join_ts):  # walk-in non-member: no check-in, POS rarely kept
        if chance(0.06):
            djh = f"POS{ts:%y%m%d}{nxt('o'):06d}"
            for c, amt, ml in lines_for(p, ts, rx):
                pos_rows.append((djh, "", p.store, p.city, ts, CAT_CODE[c], amt, ml, ""))
        return
    kl_rows.append((p.hyid, p.store, p.city, ts, "JD"))
    if not chance(0.88):
        return
    t = ts + timedelta(minutes=R.uniform(2, 15))
    djh = f"POS{t:%y%m%d}{nxt('o'):06d}"
    camp = "会员日" if t.day == 28 else ""
    for c, amt, ml in lines_for(p, t, rx):
        pos_rows.append((djh, p.hyid, p.store, p.city, t, CAT_CODE[c], amt, ml, camp))
    if rx and p.chronic != "无" and chance(0.85):
        reminder(p, t, rx_cat=True)


def review(p: P, t_up: datetime, ch: str, order_no: str) -> tuple[bool, datetime]:
    hour = t_up.hour
    night = hour >= 22 or hour < 8
    if night and t_up >= NIGHT_CUT:  # story: nobody reviews at night, wait until 08:30
        morning = datetime(t_up.year, t_up.month, t_up.day, 8, 30) + (timedelta(days=1) if hour >= 22 else timedelta())
        t_r = morning + timedelta(minutes=R.expovariate(1 / 25))
    else:
        t_r = t_up + timedelta(minutes=2 + R.expovariate(1 / (14 if not night else 20)))
    reject = 0.09
    if ch == "京东到家":
        reject = 0.12
    ok = not chance(reject)
    if within(t_r):
        sf_rows.append((f"SF{nxt('sf'):07d}", order_no, p.hyid or "", p.phone, t_up, t_r, 1 if ok else 2,
                        R.choice(["药师A", "药师B", "药师C", "药师D", "药师E"]),
                        "" if ok else R.choice(["处方不清晰", "处方过期", "超剂量", "非本人处方"])))
    return ok, t_r


def online_order(p: P, ts: datetime, ch: str, rx: bool, camp: str = "") -> None:
    """小程序 or platform delivery order: view → cart → order → (rx upload → review) → pay → delivered"""
    if not within(ts):
        return
    plat = ch != "小程序"
    views = R.choice([1, 1, 2, 3])
    for k in range(views):
        tv = ts + timedelta(seconds=40 * k + R.uniform(0, 30))
        if plat:
            traffic_rows.append((PLATFORMS[ch][0], p.phone, tv, "浏览", p.store))
        else:
            mp_ev(p, tv, "goods_view", camp)
    if camp == "中秋滋补节" and not chance(0.06):  # story: banner clicks that go nowhere
        return
    if not chance(0.62):
        return
    tc = ts + timedelta(minutes=R.uniform(1, 6))
    if plat:
        traffic_rows.append((PLATFORMS[ch][0], p.phone, tc, "加购", p.store))
    else:
        mp_ev(p, tc, "cart_add", camp)
    p_order = 0.55
    if ch == "饿了么" and tc >= ELM_BREAK:  # story: 饿了么 checkout broke
        p_order = 0.22
    if not chance(p_order):
        return
    to = tc + timedelta(minutes=R.uniform(0.5, 5))
    code = "MP" if not plat else PLATFORMS[ch][0]
    order_no = f"{code}{to:%y%m%d}{nxt('o'):06d}"
    lines = lines_for(p, to, rx)
    t_pay_base = to
    write_order(p, ch, order_no, to, 10, lines, camp)
    if rx:
        tu = to + timedelta(minutes=R.uniform(0.5, 4))
        if plat:
            traffic_rows.append((PLATFORMS[ch][0], p.phone, tu, "上传处方", p.store))
        else:
            mp_ev(p, tu, "rx_upload", camp)
        ok, tr = review(p, tu, ch, order_no)
        if not ok:
            return
        if tr - tu > timedelta(hours=3) and chance(0.35):
            return  # gave up waiting
        t_pay_base = tr
    if not chance(0.93):
        return
    tp = t_pay_base + timedelta(minutes=R.uniform(0.3, 8))
    if not write_order(p, ch, order_no, tp, 20, lines, camp):
        return
    dmin = 34 * math.exp(R.gauss(0, 0.3))
    if p.city == "合肥" and tp >= HF_SLOW:
        dmin *= 2.1
    if p.city in ("杭州", "南京") and not plat:
        dmin *= 0.9
    td = tp + timedelta(minutes=dmin)
    write_order(p, ch, order_no, td, 40, lines, camp, dmin=round(dmin))
    if chance(0.18) and within(td):
        base = 4.5 - (1.4 if dmin > 60 else 0) - (0.3 if ch == "饿了么" else 0)
        rating_rows.append((order_no, p.phone, PLATFORMS[ch][0] if plat else "MP",
                            td + timedelta(hours=R.uniform(0.5, 30)),
                            max(1, min(5, round(R.gauss(base, 0.8)))), ""))
    late = dmin > 60
    if chance(0.3 if late else 0.035):
        ticket(p, td + timedelta(minutes=R.uniform(5, 120)), "配送超时", ch)
    elif chance(0.025):
        ticket(p, td + timedelta(hours=R.uniform(2, 72)), pick(["药品质量", "退款"], [0.4, 0.6]), ch)
    if rx and p.chronic != "无" and chance(0.85):
        reminder(p, tp, rx_cat=True)


def write_order(p, ch, order_no, ts, status, lines, camp, dmin=None) -> bool:
    if not within(ts):
        return False
    if ch == "小程序":
        if status == 20:
            for c, amt, ml in lines:
                mpo_rows.append((order_no, p.hyid, p.openid, ts, status, CAT_CODE[c], amt, ml, camp, p.store, p.city, ""))
        else:
            mpo_rows.append((order_no, p.hyid, p.openid, ts, status, "", "", "", camp, p.store, p.city,
                             dmin if dmin is not None else ""))
    else:
        code, rate = PLATFORMS[ch]
        if status == 20:
            for c, amt, ml in lines:
                o2o_rows.append((code, order_no, p.phone, ts, status, c, amt, ml, round(amt * rate, 2), p.store, p.city, ""))
        else:
            o2o_rows.append((code, order_no, p.phone, ts, status, "", "", "", "", p.store, p.city,
                             dmin if dmin is not None else ""))
    return True


def mp_ev(p: P, ts: datetime, ev: str, camp: str = "") -> None:
    if not within(ts):
        return
    if p.openid is None:
        p.openid = "oKN" + md5(f"o{p.i}")[:25]
    known = p.hyid is not None and p.join_ts is not None and ts >= p.join_ts
    mp_rows.append({"openid": p.openid, "hyid": p.hyid if known else "", "event": ev, "ts": ts,
                    "utm_campaign": camp, "mdbm": p.store})


def reminder(p: P, t_buy: datetime, rx_cat: bool) -> None:
    """chronic refill reminder ≈ 25 days after a purchase with 处方药"""
    if p.hyid is None:
        return
    ts = t_buy + timedelta(days=R.uniform(22, 27))
    ts = datetime(ts.year, ts.month, ts.day, 10, R.randrange(60), R.randrange(60))
    if not within(ts):
        return
    via = pick(["SMS", "WECOM"], [0.5, 0.5])
    rmd_rows.append((p.hyid, ts, via, "慢病关爱"))
    p_click = 0.42 if p.chronic == "糖尿病" else 0.33
    if via == "WECOM":
        p_click += 0.1
    if not chance(p_click):
        return
    tc = ts + timedelta(minutes=R.expovariate(1 / 90))
    mp_ev(p, tc, "复购提醒点击", "慢病关爱")
    p.pending_refill = tc


def ticket(p: P, ts: datetime, cat: str, ch: str) -> None:
    if not within(ts):
        return
    tch = pick(["400热线", "小程序客服", "平台工单"], [0.45, 0.35, 0.2] if ch == "小程序" or ch == "门店" else [0.25, 0.1, 0.65])
    frt = {"400热线": 8.0, "小程序客服": 18.0, "平台工单": 45.0}[tch] * math.exp(R.gauss(0, 0.6))
    prov = CITIES[p.city][0]
    if prov == "浙江" and ts >= ZJ_SLOW:
        frt *= 2.2
    first = ts + timedelta(minutes=frt)
    res_h = {"配送超时": 3.0, "缺货": 20.0, "药品质量": 50.0, "退款": 30.0}[cat] * math.exp(R.gauss(0, 0.6))
    if prov == "浙江" and ts >= ZJ_SLOW:
        res_h *= 1.5
    resolved = ts + timedelta(hours=max(res_h, frt / 60 + 0.1))
    if resolved >= END or chance(0.02):
        resolved = None
    comp = {"配送超时": 1, "药品质量": 1, "退款": 0.5, "缺货": 0.3}[cat]
    score = ""
    if resolved is not None and chance(0.55):
        b = {"配送超时": 3.2, "缺货": 3.4, "药品质量": 2.8, "退款": 3.3}[cat] - (0.6 if prov == "浙江" and ts >= ZJ_SLOW else 0)
        score = max(1, min(5, round(R.gauss(b, 0.9))))
    ticket_rows.append((f"GD{ts:%y%m%d}{nxt('t'):05d}", p.phone, tch, cat, "Y" if chance(comp) else "N",
                        ts, first, resolved, score, p.city))


# --------------------------------------------------------------------------------------------
def join(p: P, ts: datetime, how: str) -> None:
    p.hyid = f"HY{3200000 + p.i:08d}"
    p.join_ts = ts
    p.join_ch = how
    if within(ts):
        if how == "门店":
            kl_rows.append((p.hyid, p.store, p.city, ts, "RH"))
        else:
            mp_ev(p, ts, "扫码入会")


def occasion(p: P, ts: datetime, modes: list[str], mw: list[float], rx_p: float, camp: str = "") -> None:
    m = pick(modes, mw)
    rx = chance(rx_p)
    if m == "门店":
        store_visit(p, ts, rx)
    else:
        if m == "小程序" and not camp:
            camp = campaign_at(ts, "小程序")
        online_order(p, ts, m, rx, camp)


def life(p: P, kind: str) -> None:
    # purchase rate per 30 days
    if p.chronic != "无" and kind != "platform":
        rate = 1.05
        rx_p = 0.7
    else:
        rate = {"store": 0.32, "mp": 0.36, "platform": 0.3}[kind]
        rx_p = 0.12
    if kind == "platform":
        ch = pick(list(PLATFORMS), [0.5, 0.3, 0.2])
        modes, mw = [ch, "门店"], [0.95, 0.05]
    elif kind == "mp":
        modes, mw = ["小程序", "美团买药", "门店"], [0.55, 0.1, 0.35]
    else:
        modes, mw = ["门店", "小程序", "美团买药", "饿了么", "京东到家"], [0.62, 0.16, 0.1, 0.08, 0.04]
    # joining
    if kind == "store":
        pre = chance(0.45)
        jd = START - timedelta(days=R.uniform(30, 900)) if pre else START + timedelta(days=R.uniform(0, N_DAYS - 1))
        t0 = at(jd.date())
        join(p, t0, "门店")
        if within(t0):  # first purchase right after joining (scan to join at the counter)
            if chance(0.82):
                rx = chance(rx_p)
                t = t0 + timedelta(minutes=R.uniform(1, 8))
                djh = f"POS{t:%y%m%d}{nxt('o'):06d}"
                for c, amt, ml in lines_for(p, t, rx):
                    pos_rows.append((djh, p.hyid, p.store, p.city, t, CAT_CODE[c], amt, ml, ""))
                if rx and p.chronic != "无":
                    reminder(p, t, True)
            start = t0 + timedelta(days=1)
        else:
            start = START
    elif kind == "mp":
        t0 = at((START + timedelta(days=R.uniform(0, N_DAYS - 1))).date())
        for k in range(R.choice([1, 2])):
            mp_ev(p, t0 + timedelta(seconds=30 * k), "goods_view", campaign_at(t0, "小程序"))
        tj = t0 + timedelta(minutes=R.uniform(1, 5))
        if chance(0.55):
            join(p, tj, "小程序")
            if chance(0.5):
                online_order(p, tj + timedelta(minutes=R.uniform(1, 20)), "小程序", chance(rx_p))
        start = t0 + timedelta(days=1)
    else:
        start = START + timedelta(days=R.uniform(-150, 300))
    t = start
    churn = 0.035 if p.chronic != "无" and kind != "platform" else 0.16
    while t < END:
        gap = R.expovariate(rate / 30.0)
        if gap < 1:
            gap = 1
        t = t + timedelta(days=gap)
        if p.pending_refill is not None and p.pending_refill < t and p.pending_refill < END:
            tr = p.pending_refill + timedelta(hours=R.uniform(0.1, 96))
            p.pending_refill = None
            if chance(0.62):
                occasion(p, tr, ["小程序", "门店"], [0.6, 0.4], 0.95, "慢病关爱")
                t = tr
                continue
        if t >= END:
            break
        if chance(churn):
            break
        if kind == "mp" and p.hyid is None and chance(0.3):
            join(p, at(t.date()), "小程序")
        occasion(p, at(t.date()), modes, mw, rx_p)
        if inw(t, FLU) and chance(0.07):  # stock-outs of cold medicine
            ticket(p, t, "缺货", modes[0])
        elif chance(0.015):
            ticket(p, t, pick(["缺货", "药品质量", "退款"], [0.6, 0.2, 0.2]), modes[0])


def campaign_browsers(idx: int) -> int:
    """中秋滋补节 banner and 双11 traffic: people who browse from a campaign (mostly one visit)"""
    for window, n, buy in ((ZQ, 2300, None), (D11, 900, 0.3)):
        days = (window[1] - window[0]).days
        for _ in range(n):
            idx += 1
            p = P(idx)
            persons.append(p)
            d = window[0] + timedelta(days=R.uniform(0, days))
            ts = at(d.date())
            camp = "中秋滋补节" if window is ZQ else "双11囤药节"
            if buy is None:
                online_order(p, ts, "小程序", False, camp)
            else:
                if chance(buy):
                    join(p, ts - timedelta(minutes=2), "小程序")
                online_order(p, ts, "小程序", False, camp)
    return idx


def simulate() -> None:
    idx = 0
    for kind, n in (("store", 2500), ("mp", 1100), ("platform", 1500)):
        for _ in range(n):
            idx += 1
            p = P(idx)
            persons.append(p)
            life(p, kind)
    campaign_browsers(idx)


# --------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    members = [p for p in persons if p.hyid]
    with open(folder / "crm_hy.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["hyid", "sjh_md5", "wx_openid", "zcmd", "zcmd_cs", "sf", "hydj", "nld", "mbbz", "rhsj", "rhqd"])
        for p in sorted(members, key=lambda p: p.hyid):
            w.writerow([p.hyid, p.phone, p.openid or "", p.store, p.city, CITIES[p.city][0], TIERS.index(p.tier) + 1,
                        p.age, {"高血压": "GXY", "糖尿病": "TNB", "无": "0"}[p.chronic],
                        f"{p.join_ts:%Y-%m-%d %H:%M:%S}", {"门店": "MD", "小程序": "XCX"}[p.join_ch]])

    with open(folder / "pos_xsmx.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["djh", "hyid", "mdbm", "cs", "xssj", "pl", "je", "ml", "hdmc"])
        for r in sorted(pos_rows, key=lambda r: (r[4], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y%m%d %H:%M:%S}", r[5], f"{r[6]:.2f}", f"{r[7]:.2f}", r[8]])
        w.writerow(["POS_BAD", "HY03200007", "KN0001", "南京", "20260231 10:00:00", "OTC", "12.00", "4.00", ""])

    with open(folder / "kl_jd.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["hyid", "mdbm", "cs", "sj", "lx"])
        for r in sorted(kl_rows, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4]])

    with open(folder / "mp_maidian.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(mp_rows, key=lambda r: (r["ts"], r["openid"], r["event"])):
            o = dict(r)
            o["ts"] = f"{r['ts'] - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}.000Z"
            f.write(json.dumps(o, ensure_ascii=False) + "\n")

    with open(folder / "mp_dingdan.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["ddh", "hyid", "openid", "gxsj", "ddzt", "pl", "je", "ml", "yhq_hd", "fhmd", "cs", "ps_fz"])
        for r in sorted(mpo_rows, key=lambda r: (r[3], r[0], r[4])):
            w.writerow([r[0], r[1] or "", r[2] or "", f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5],
                        f"{r[6]:.2f}" if r[6] != "" else "", f"{r[7]:.2f}" if r[7] != "" else "", r[8], r[9], r[10], r[11]])

    with open(folder / "o2o_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["ptbm", "pt_ddh", "sjh_md5", "zt_time", "ddzt", "spfl", "sfje", "mle", "ptyj", "mdbm", "cs", "ps_fz"])
        for r in sorted(o2o_rows, key=lambda r: (r[3], r[1], r[4])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5],
                        f"{r[6]:.2f}" if r[6] != "" else "", f"{r[7]:.2f}" if r[7] != "" else "",
                        f"{r[8]:.2f}" if r[8] != "" else "", r[9], r[10], r[11]])

    with open(folder / "o2o_liuliang.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["ptbm", "sjh_md5", "sj", "xw", "mdbm"])
        for r in sorted(traffic_rows, key=lambda r: (r[2], r[1])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4]])

    with open(folder / "shenfang.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["sfdh", "ddh", "hyid", "sjh_md5", "scsj", "shsj", "shjg", "ysgh", "bhyy"])
        for r in sorted(sf_rows, key=lambda r: r[5]):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%d %H:%M:%S}", f"{r[5]:%Y-%m-%d %H:%M:%S}",
                        r[6], r[7], r[8]])

    with open(folder / "remind_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["hyid", "send_time", "tdlx", "hdmc"])
        for r in sorted(rmd_rows, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", r[2], r[3]])

    def fm(t):
        return f"{t:%Y-%m-%d %H:%M}" if t else ""

    with open(folder / "kefu_gd.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["gdbh", "sjh_md5", "slqd", "tslx", "sfts", "cjsj", "scxysj", "jjsj", "myd", "cs"])
        for r in sorted(ticket_rows, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], r[3], r[4], fm(r[5]), fm(r[6]), fm(r[7]), r[8], r[9]])

    with open(folder / "pingjia.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["ddh", "sjh_md5", "ly", "pjsj", "xj", "pjnr"])
        for r in sorted(rating_rows, key=lambda r: (r[3], r[0])):
            comment = ""
            if chance(0.35):
                comment = R.choice(["送得很快", "药师很专业", "包装完好"] if r[4] >= 4 else
                                   ["一般"] if r[4] == 3 else ["送太慢了", "骑手找不到地址", "药少了一盒"])
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], comment])

    with open(folder / "yingxiao_feiyong.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["rq", "qd", "hd", "fy"])
        base = {"美团买药": ("日常推广", 320), "饿了么": ("日常推广", 190), "京东到家": ("日常推广", 120),
                "小程序": ("日常优惠券", 160), "会员营销": ("慢病关爱", 45)}
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            for ch, (camp, amt) in base.items():
                fac = R.uniform(0.85, 1.15) * (1.25 if inw(dt, FLU) and ch != "会员营销" else 1.0)
                w.writerow([f"{d:%Y-%m-%d}", ch, camp, f"{amt * fac:.2f}"])
            if d.day == 28:
                w.writerow([f"{d:%Y-%m-%d}", "门店", "会员日", f"{R.uniform(1500, 2200):.2f}"])
            if inw(dt, D11):
                w.writerow([f"{d:%Y-%m-%d}", "小程序", "双11囤药节", f"{R.uniform(800, 1200) * (2 if d.day == 11 else 1):.2f}"])
            if inw(dt, ZQ):
                w.writerow([f"{d:%Y-%m-%d}", "小程序", "中秋滋补节", f"{R.uniform(1500, 2200):.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="pharma-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        if os.environ.get("PHARMA_KEEP"):
            shutil.copytree(folder, os.environ["PHARMA_KEEP"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
