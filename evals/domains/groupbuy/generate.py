"""Community group-buying evaluation domain: 邻里优选 (Linli Youxuan), 长沙 / 武汉 / 南昌 / 郑州.

    python generate.py OUT.duckdb

Writes the platform backend's own exports (seeded: the same files on every run) into a temporary
folder —

  mp_maidian/YYYY-MM.csv   小程序 埋点 log, one file per month: sj, openid, hyid, sjmc (event
                           name, Chinese + invite_click), sku_lm, ztd, gdt_clickid, hd, shlx
  dd_liushui.csv           order system: ddzt 10 提交 / 20 支付 / 50 退款, amounts in 分 (fen),
                           time as yyyymmddHHMMSS
  lvyue_log.jsonl          fulfilment (履约) log: ARRIVE / PICKUP / TIMEOUT with +08:00 times
  gdt_click.csv            腾讯广告 (朋友圈广告) click export, UTC times with Z
  linli.db (sqlite)        t_hy: members (hyid, openid, sj_md5, 注册来源 code, city, 片区, …)
  售后工单.csv              after-sales ticket system (GB18030)
  营销费用.csv              marketing spend per day × 渠道 × 活动 (元)

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261117
START = datetime(2025, 11, 17)
END = datetime(2026, 11, 17)  # as_of (Tuesday); data ends the day before
N_DAYS = (END - START).days
R = random.Random(SEED)

CITIES = {
    "长沙": ["岳麓区", "雨花区", "开福区"],
    "武汉": ["洪山区", "江汉区", "武昌区"],
    "南昌": ["红谷滩区", "青山湖区"],
    "郑州": ["金水区", "二七区", "管城区"],
}
CITY_W = {"长沙": 0.34, "武汉": 0.30, "南昌": 0.14, "郑州": 0.22}
CATS = ["蔬菜", "水果", "肉禽蛋", "粮油", "日用百货", "乳品烘焙"]
CAT_W = [0.30, 0.22, 0.18, 0.08, 0.10, 0.12]
CAT_PRICE = {
    "蔬菜": (1200, 3500),
    "水果": (2200, 7500),
    "肉禽蛋": (2800, 8800),
    "粮油": (3900, 11900),
    "日用百货": (1900, 6500),
    "乳品烘焙": (1500, 4800),
}
SRC_CODE = {
    "团长邀请": "TZYQ",
    "朋友分享": "PYFX",
    "地推": "DT",
    "朋友圈广告": "PYQGG",
    "自然流量": "ZRLL",
}
AGES = ["18-25", "26-35", "36-45", "46-55", "56+"]

ZHENGZHOU_WAREHOUSE = datetime(2026, 8, 3)  # 郑州 new warehouse: late arrivals, timeouts
WUHAN_KF = datetime(2026, 6, 1)  # 武汉 客服 outsourced: slower first responses
DITUI = (datetime(2026, 3, 2), datetime(2026, 5, 1))  # 南昌 春季地推
AUTUMN_AD = (datetime(2026, 9, 1), datetime(2026, 10, 16))  # 秋季尝鲜 朋友圈广告
S618 = (datetime(2026, 6, 12), datetime(2026, 6, 19))
D11 = (datetime(2026, 11, 1), datetime(2026, 11, 12))
SPRING_FESTIVAL = (datetime(2026, 2, 14), datetime(2026, 2, 22))
HOT_SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))


def inw(t: datetime, w) -> bool:
    return w[0] <= t < w[1]


def pick(items, weights):
    return R.choices(items, weights)[0]


def chance(p: float) -> bool:
    return R.random() < p


def md5(s: str) -> str:
    return hashlib.md5(s.encode()).hexdigest()


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


# pickup points (自提点) with their leader (团长)
POINTS: dict[str, list[tuple[str, str, str]]] = {}
_n = 0
for city, districts in CITIES.items():
    POINTS[city] = []
    for d in districts:
        for _ in range(R.randint(8, 13)):
            _n += 1
            POINTS[city].append((f"ZT{1000 + _n}", f"TZ{5000 + _n * 7}", d))

mp_rows: list[tuple] = []  # sj, openid, hyid, sjmc, sku_lm, ztd, gdt_clickid, hd, shlx
order_rows: list[tuple] = []  # ddh, hyid, ddzt, ts, xdqd, je, yh, yj, sku_lm, ztd, tzid, hd
ful_rows: list[tuple] = []  # ddh, hyid, ztd, lx, ts
ad_rows: list[tuple] = []  # clickid, ts, plan
ticket_rows: list[tuple] = []
share_reward: dict[date, float] = {}
counter = {"order": 0, "ticket": 0, "oid": 0}


class Person:
    def __init__(self):
        counter["oid"] += 1
        self.openid = "oLx" + md5(f"openid-{counter['oid']}")[:21]
        self.hyid = None
        self.phone = None

    def register(self, ts, source, city=None, baoma=None):
        self.hyid = f"HY{len(members) + 100001}"
        self.phone = md5(f"phone-{self.hyid}")
        self.source = source
        self.city = city or pick(list(CITY_W), list(CITY_W.values()))
        self.point = R.choice(POINTS[self.city])
        self.xqlx = pick(["老小区", "新小区", "城中村"], [0.45, 0.38, 0.17])
        self.baoma = baoma if baoma is not None else chance(0.3)
        self.age = pick(
            AGES,
            [0.08, 0.34, 0.30, 0.17, 0.11] if not self.baoma else [0.05, 0.55, 0.36, 0.04, 0.0],
        )
        self.reg = ts
        members.append(self)


members: list[Person] = []
persons: list[Person] = []


def mp(p: Person, ts, ev, cat="", hd="", clickid="", shlx=""):
    if START <= ts < END:
        mp_rows.append(
            (ts, p.openid, p.hyid or "", ev, cat, p.point[0] if p.hyid else "", clickid, hd, shlx)
        )


def campaign_at(ts: datetime) -> str:
    if inw(ts, S618):
        return "618大促"
    if inw(ts, D11):
        return "双11"
    if ts.weekday() == 2 and chance(0.65):
        return "每周秒杀"
    return ""


def day_factor(d: datetime) -> float:
    f = 1.0
    if d.weekday() == 2:
        f *= 1.8  # 周三秒杀日
    if inw(d, S618):
        f *= 2.2 if d.day < 18 else 3.0
    if inw(d, D11):
        f *= 1.6 if d.day < 11 else 3.2
    if inw(d, SPRING_FESTIVAL):
        f *= 0.35
    return f


def visit(p: Person, day: datetime, first=False, force_pay=False, at_time=None):
    """A shopping visit: browse → 加购 → (拼单) → 提交订单 → 支付成功, then fulfilment."""
    hour = pick(list(range(7, 23)), [1, 2, 3, 3, 2, 2, 2, 1, 1, 2, 3, 4, 6, 7, 6, 3])
    t = at_time or day.replace(hour=hour, minute=R.randint(0, 59), second=R.randint(0, 59))
    if force_pay and t.hour >= 22 and at_time is None:
        t = t.replace(hour=21)
    hd = campaign_at(t)
    cat = pick(CATS, CAT_W)
    # 团长代下: the leader places the order for the resident (no 小程序 browsing of their own)
    xdqd = "tzdx" if chance(0.22 if p.age == "56+" or p.xqlx == "城中村" else 0.04) else "mp"
    if xdqd == "tzdx":
        force_pay = True
        if t.hour >= 22 and at_time is None:
            t = t.replace(hour=21)
    for k in range(0 if xdqd == "tzdx" else pick([1, 2, 3], [0.5, 0.35, 0.15])):
        mp(p, t, "浏览商品", pick(CATS, CAT_W) if k else cat, hd)
        t += timedelta(seconds=R.randint(15, 200))
    p_cart = 0.62 if hd else 0.52
    if not (force_pay or chance(p_cart)):
        return
    if xdqd == "mp":
        mp(p, t, "加购", cat, hd)
        t += timedelta(seconds=R.randint(20, 400))
    if xdqd == "mp" and chance(0.18 if not hd else 0.35):
        mp(p, t, "拼单", cat, hd)
        t += timedelta(seconds=R.randint(30, 900))
    if not (force_pay or chance(0.78)):
        return
    if t.hour >= 23:
        return  # 截单 23:00
    counter["order"] += 1
    ddh = f"LL{t:%y%m%d}{counter['order']:06d}"
    lo, hi = CAT_PRICE[cat]
    gross = R.randint(lo, hi) // 10 * 10
    if hd in ("618大促", "双11"):
        disc = int(gross * R.uniform(0.22, 0.35))
    elif hd == "每周秒杀":
        disc = int(gross * R.uniform(0.15, 0.28))
    else:
        disc = int(gross * R.uniform(0.0, 0.1))
    if first:
        disc += 500 if p.source != "地推" else min(gross - 100, 1500)  # 新人红包 / 地推 1元购
    disc = min(disc, gross - 100)
    paid = gross - disc
    ztd, tzid = p.point[0], p.point[1]
    order_rows.append((ddh, p.hyid, "10", t, xdqd, gross, disc, "", cat, ztd, tzid, hd))
    if not (force_pay or chance(0.91)):
        return
    t_pay = t + timedelta(seconds=R.randint(10, 240))
    if t_pay >= END:
        return
    yj = round(paid * 0.1)
    order_rows.append((ddh, p.hyid, "20", t_pay, xdqd, paid, disc, yj, cat, ztd, tzid, hd))
    p.orders += 1
    # share to friends after paying
    share_p = (0.26 if p.baoma else 0.11) * (1.5 if hd in ("618大促", "双11") else 1.0)
    if chance(share_p):
        ts_share = t_pay + timedelta(seconds=R.randint(20, 600))
        mp(p, ts_share, "分享给好友", cat, hd)
        pending_shares.append((p, ts_share))
    fulfil(p, ddh, t_pay, cat, paid)


def fulfil(p: Person, ddh, t_pay, cat, paid):
    zz = p.city == "郑州" and t_pay >= ZHENGZHOU_WAREHOUSE
    nxt = datetime(t_pay.year, t_pay.month, t_pay.day) + timedelta(days=1)
    if zz:
        t_arr = nxt + timedelta(hours=R.uniform(13.5, 18.5))
        if chance(0.25):
            t_arr += timedelta(days=1)
    else:
        t_arr = nxt + timedelta(hours=R.gauss(9.8, 0.9))
    if t_arr >= END:
        return
    ful_rows.append((ddh, p.hyid, p.point[0], "ARRIVE", t_arr))
    picked = chance(0.76 if zz else 0.955)
    t_pick = None
    if picked:
        t_pick = t_arr + timedelta(hours=min(R.expovariate(1 / (7.0 if not zz else 10.0)), 60))
        if t_pick - t_pay > timedelta(hours=72):
            picked = False
    if picked:
        if t_pick < END:
            ful_rows.append((ddh, p.hyid, p.point[0], "PICKUP", t_pick))
        t_ref = t_pick
    else:
        t_to = datetime(t_arr.year, t_arr.month, t_arr.day) + timedelta(days=1, hours=21)
        if t_to < END:
            ful_rows.append((ddh, p.hyid, p.point[0], "TIMEOUT", t_to))
        t_ref = t_to
    # after-sales (售后)
    p_as = 0.05
    if cat == "水果" and inw(t_pay, HOT_SUMMER):
        p_as = 0.14
    elif cat in ("蔬菜", "乳品烘焙") and inw(t_pay, HOT_SUMMER):
        p_as = 0.06
    kind = None
    if not picked and chance(0.35):
        kind = "超时"
    elif picked and chance(p_as):
        kind = pick(
            ["缺斤少两", "不新鲜", "漏发"],
            {
                "蔬菜": [0.3, 0.55, 0.15],
                "水果": [0.25, 0.65, 0.1],
                "肉禽蛋": [0.6, 0.25, 0.15],
                "粮油": [0.3, 0.05, 0.65],
                "日用百货": [0.2, 0.0, 0.8],
                "乳品烘焙": [0.15, 0.55, 0.3],
            }[cat],
        )
    if kind is None:
        return
    t_as = t_ref + timedelta(hours=R.uniform(0.2, 20))
    if t_as >= END:
        return
    mp(p, t_as, "售后申请", cat, "", "", kind)
    ticket(p, t_as, kind)
    if chance(0.9 if kind == "超时" else 0.82):
        t_rf = t_as + timedelta(hours=R.uniform(1, 40))
        amt = paid if kind in ("超时", "漏发") else int(paid * R.uniform(0.2, 0.6))
        if t_rf < END:
            order_rows.append(
                (ddh, p.hyid, "50", t_rf, "shfw", -amt, "", "", cat, p.point[0], p.point[1], "")
            )


def ticket(p: Person, t, kind):
    counter["ticket"] += 1
    tid = f"SH{t:%Y%m}{counter['ticket']:05d}"
    ch = pick(["小程序客服", "团长反馈", "400电话"], [0.68, 0.22, 0.10])
    med = {"小程序客服": 16, "团长反馈": 35, "400电话": 3}[ch]
    if p.city == "武汉" and t >= WUHAN_KF:
        med *= 2.6
    frt = med * math.exp(R.gauss(0, 0.6))
    first = t + timedelta(minutes=frt)
    res_h = (9 if kind == "超时" else 4.5) * math.exp(R.gauss(0, 0.7))
    resolved = first + timedelta(hours=res_h)
    if resolved >= END:
        resolved = None
    complaint = (kind == "超时" and chance(0.6)) or chance(0.12)
    score = ""
    if chance(0.55):
        base = 4.3 - (1.2 if frt > 45 else 0) - (0.6 if kind == "超时" else 0)
        score = str(max(1, min(5, round(R.gauss(base, 0.9)))))
    ticket_rows.append(
        (tid, p.phone, ch, kind, "Y" if complaint else "N", t, first, resolved, score)
    )


pending_shares: list = []


def live(p: Person, start: datetime, rate: float, hazard: float, first_visit: datetime | None):
    """Daily life of a member from `start`: visits until they churn."""
    p.orders = 0
    if first_visit is not None and first_visit < END:
        visit(
            p,
            datetime(first_visit.year, first_visit.month, first_visit.day),
            first=True,
            force_pay=True,
            at_time=first_visit,
        )
    d = datetime(start.year, start.month, start.day) + timedelta(days=1)
    while d < END:
        if chance(hazard):
            break
        if d >= START and chance(rate * day_factor(d)):
            visit(p, d, first=(p.orders == 0))
        d += timedelta(days=1)


def member_params(p: Person):
    rate = 0.03 * (1.35 if p.baoma else 1.0) * (0.8 if p.xqlx == "新小区" else 1.0)
    hazard = {
        "团长邀请": 0.008,
        "朋友分享": 0.010,
        "地推": 0.030,
        "朋友圈广告": 0.030,
        "自然流量": 0.014,
    }[p.source]
    if p.baoma:
        hazard *= 0.45
    return rate, hazard


def new_member(ts: datetime, source: str, city=None, first_p=0.8, ditui_push=False):
    p = Person()
    persons.append(p)
    p.register(ts, source, city)
    rate, hazard = member_params(p)
    if ditui_push:
        hazard = 0.06
    first = ts + timedelta(minutes=R.uniform(2, 90)) if chance(first_p) else None
    if first and first.hour >= 23:
        first = None
    live(p, ts, rate, hazard, first)
    return p


def at(d: datetime, lo=8, hi=22) -> datetime:
    return d + timedelta(hours=R.uniform(lo, hi))


def simulate():
    # members registered before the data starts (survivors: slow churn)
    for _ in range(700):
        p = Person()
        persons.append(p)
        reg = START - timedelta(days=R.uniform(20, 600))
        p.register(
            at(datetime(reg.year, reg.month, reg.day)),
            pick(["团长邀请", "朋友分享", "地推", "自然流量"], [0.45, 0.2, 0.2, 0.15]),
        )
        rate, hazard = member_params(p)
        live(p, START - timedelta(days=1), rate, hazard * 0.6, None)
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        sf = 0.4 if inw(d, SPRING_FESTIVAL) else 1.0
        for _ in range(poisson(4.2 * sf)):
            new_member(at(d), "团长邀请", first_p=0.75)
        for _ in range(poisson(1.6 * sf)):
            new_member(at(d), "自然流量", first_p=0.55)
        for _ in range(poisson(0.9 * sf)):
            new_member(at(d, 9, 19), "地推", first_p=0.7)
        if inw(d, DITUI):
            for _ in range(poisson(7.0)):
                new_member(at(d, 9, 19), "地推", city="南昌", first_p=0.85, ditui_push=True)
        # 朋友圈广告 clicks
        autumn = inw(d, AUTUMN_AD)
        for plan, lam, reg_p, first_p in (
            ("朋友圈拉新", 4.0, 0.2, 0.65),
            ("秋季尝鲜", 48.0 if autumn else 0.0, 0.035, 0.12),
        ):
            for _ in range(poisson(lam)):
                t = at(d, 7, 23)
                cid = "wx" + md5(f"gdt-{len(ad_rows)}")[:16]
                ad_rows.append((cid, t, plan))
                if not chance(0.72):
                    continue
                p = Person()
                persons.append(p)
                t1 = t + timedelta(seconds=R.randint(3, 30))
                mp(p, t1, "浏览商品", pick(CATS, CAT_W), plan, cid)
                if not chance(reg_p):
                    if chance(0.2):
                        mp(
                            p,
                            t1 + timedelta(seconds=R.randint(20, 200)),
                            "浏览商品",
                            pick(CATS, CAT_W),
                            plan,
                        )
                    continue
                t2 = t1 + timedelta(minutes=R.uniform(1, 10))
                p.register(t2, "朋友圈广告")
                rate, hazard = member_params(p)
                first = t2 + timedelta(minutes=R.uniform(1, 30)) if chance(first_p) else None
                if first and first.hour >= 23:
                    first = None
                live(
                    p,
                    t2,
                    rate * (0.5 if plan == "秋季尝鲜" else 1),
                    hazard * (2 if plan == "秋季尝鲜" else 1),
                    first,
                )
    # share journeys (friends of sharers); new friends can share again
    i = 0
    while i < len(pending_shares):
        sharer, ts = pending_shares[i]
        i += 1
        for _ in range(1 + poisson(0.5)):
            if not chance(0.62):
                continue
            tc = ts + timedelta(hours=min(R.expovariate(1 / 10), 150))
            if tc >= END:
                continue
            if chance(0.25) and len(members) > 10:
                friend = R.choice(members)
                if friend.hyid and friend is not sharer and friend.reg < tc:
                    mp(friend, tc, "invite_click")
                continue
            f = Person()
            persons.append(f)
            f.point = sharer.point
            mp(f, tc, "invite_click")
            if chance(0.3 if sharer.baoma else 0.22):
                t2 = tc + timedelta(
                    minutes=R.uniform(1, 20) if chance(0.6) else R.uniform(60, 60 * 24 * 5)
                )
                if t2 >= END:
                    continue
                f.register(
                    t2, "朋友分享", city=sharer.city, baoma=chance(0.5 if sharer.baoma else 0.25)
                )
                f.point = sharer.point
                share_reward[t2.date()] = share_reward.get(t2.date(), 0) + 5.0
                rate, hazard = member_params(f)
                live(f, t2, rate, hazard, t2 + timedelta(minutes=R.uniform(1, 40)))
            elif chance(0.4):
                mp(f, tc + timedelta(seconds=R.randint(5, 120)), "浏览商品", pick(CATS, CAT_W))


def write_sources(folder: Path) -> None:
    dd = folder / "mp_maidian"
    dd.mkdir()
    by_month: dict[str, list] = {}
    for r in sorted(mp_rows, key=lambda r: (r[0], r[1], r[3])):
        by_month.setdefault(f"{r[0]:%Y-%m}", []).append(r)
    for month, rows in by_month.items():
        with open(dd / f"{month}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(
                ["sj", "openid", "hyid", "sjmc", "sku_lm", "ztd", "gdt_clickid", "hd", "shlx"]
            )
            for ts, *rest in rows:
                w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", *rest])
            if month == "2026-05":  # the SDK double-sent a row
                ts, *rest = rows[77]
                w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", *rest])

    with open(folder / "dd_liushui.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ddh",
                "hyid",
                "ddzt",
                "xdsj",
                "xdqd",
                "je_fen",
                "yhje_fen",
                "tzyj_fen",
                "sku_lm",
                "ztd",
                "tzid",
                "hd",
            ]
        )
        bad = False
        for i, (ddh, hy, st, ts, qd, je, yh, yj, cat, ztd, tz, hd) in enumerate(
            sorted(order_rows, key=lambda r: (r[3], r[0], r[2]))
        ):
            if i > 9000 and st == "20" and not bad:
                je, bad = "#N/A", True
            w.writerow([ddh, hy, st, f"{ts:%Y%m%d%H%M%S}", qd, je, yh, yj, cat, ztd, tz, hd])

    with open(folder / "lvyue_log.jsonl", "w", encoding="utf-8") as f:
        for i, (ddh, hy, ztd, lx, ts) in enumerate(sorted(ful_rows, key=lambda r: (r[4], r[0]))):
            f.write(
                json.dumps(
                    {
                        "ddh": ddh,
                        "hyid": hy,
                        "ztd": ztd,
                        "lx": lx,
                        "czsj": f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            if i == 3000:
                f.write(
                    json.dumps(
                        {
                            "ddh": ddh,
                            "hyid": hy,
                            "ztd": ztd,
                            "lx": "PICKUP",
                            "czsj": "2026-02-30T10:12:00+08:00",
                        }
                    )
                    + "\n"
                )

    with open(folder / "gdt_click.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["gdt_clickid", "dj_sj", "jh_mc"])
        for cid, ts, plan in sorted(ad_rows, key=lambda r: (r[1], r[0])):
            if START <= ts < END:
                w.writerow([cid, f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z", plan])

    con = sqlite3.connect(folder / "linli.db")
    con.execute(
        "CREATE TABLE t_hy (hyid TEXT, openid TEXT, sj_md5 TEXT, zcly TEXT, cs TEXT, pq TEXT, "
        "xqlx TEXT, sfbm TEXT, nld TEXT, zcsj TEXT, mr_ztd TEXT)"
    )
    rows = [
        (
            p.hyid,
            p.openid,
            p.phone,
            SRC_CODE[p.source],
            p.city,
            p.point[2],
            p.xqlx,
            "1" if p.baoma else "0",
            p.age,
            f"{p.reg:%Y-%m-%d %H:%M:%S}",
            p.point[0],
        )
        for p in members
        if p.reg < END
    ]
    con.executemany("INSERT INTO t_hy VALUES (?,?,?,?,?,?,?,?,?,?,?)", sorted(rows))
    con.commit()
    con.close()

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "售后工单.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单编号",
                "手机号md5",
                "受理渠道",
                "问题类型",
                "是否投诉",
                "创建时间",
                "首次响应时间",
                "完结时间",
                "评分",
            ]
        )
        for tid, ph, ch, kind, comp, t, first, res, score in sorted(
            ticket_rows, key=lambda r: r[0]
        ):
            w.writerow([tid, ph, ch, kind, comp, fmt(t), fmt(first), fmt(res), score])

    with open(folder / "营销费用.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["rq", "qd", "hd", "je_yuan"])
        for k in range(N_DAYS):
            d = START + timedelta(days=k)
            s = f"{d:%Y%m%d}"
            if not inw(d, SPRING_FESTIVAL):
                w.writerow([s, "地推", "日常", f"{R.uniform(120, 200):.2f}"])
            if inw(d, DITUI):
                w.writerow([s, "地推", "春季地推", f"{R.uniform(900, 1300):.2f}"])
            w.writerow([s, "朋友圈广告", "朋友圈拉新", f"{R.uniform(100, 160):.2f}"])
            if inw(d, AUTUMN_AD):
                w.writerow([s, "朋友圈广告", "秋季尝鲜", f"{R.uniform(900, 1300):.2f}"])
            rw = share_reward.get(d.date(), 0.0)
            if rw:
                w.writerow([s, "朋友分享", "分享红包", f"{rw:.2f}"])
            if inw(d, S618):
                w.writerow([s, "朋友分享", "618大促", f"{R.uniform(600, 900):.2f}"])
            if inw(d, D11):
                w.writerow([s, "朋友分享", "双11", f"{R.uniform(500, 800):.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="groupbuy-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
