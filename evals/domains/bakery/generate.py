"""Bakery evaluation domain: 麦香坊 MaiXiang Bakery, 40 shops in Wuhan, Changsha and Nanchang.

    python generate.py OUT.duckdb

Writes MaiXiang's own exports (seeded) to a temp folder and loads them with ingest.yaml:
  pos_sales.csv           store POS (Chinese headers, local 'YYYY-MM-DD HH:mm:ss', 元)
  miniprogram_log.jsonl   WeChat mini-program log (UTC epoch ms in `ts`, ISO copy in `server_time`,
                          openid always, member_no after login)
  meituan_orders.csv      美团外卖 orders (phone hash, commission)
  eleme_orders.csv        饿了么 orders (own columns, 'YYYY/MM/DD HH:MM' local)
  cake_preorders.csv      birthday / Christmas cake pre-orders (deposit, pickup date)
  members.csv             membership CRM
  coupons.csv             coupon issue / redeem log
  reviews.csv             order ratings 1-5
  complaints.csv          complaint tickets
  marketing_weekly.csv    weekly marketing spend in 元
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261206
START = datetime(2025, 12, 6)
END = datetime(2026, 12, 6)  # as_of; data ends the day before
N_DAYS = (END - START).days
CHEESECAKE = datetime(2026, 4, 10)  # 云朵芝士蛋糕 launch
ELEME_RISE = datetime(2026, 6, 1)  # 饿了么 commission 18% -> 23%
SAFETY = datetime(2026, 8, 12)  # Changsha food-safety complaint
SAFETY_END = datetime(2026, 10, 5)
TUESDAY_PROMO = datetime(2026, 10, 6)  # 第二件半价 every Tuesday
MOONCAKE = (datetime(2026, 9, 1), datetime(2026, 9, 26))  # Mid-Autumn 2026-09-25
XMAS_PRE = datetime(2026, 11, 20)

R = random.Random(SEED)
CITIES = {"武汉": 18, "长沙": 12, "南昌": 10}
AREAS = {
    "武汉": [
        "光谷",
        "汉街",
        "江汉路",
        "徐东",
        "武广",
        "钟家村",
        "王家湾",
        "街道口",
        "汉口火车站",
        "后湖",
        "沌口",
        "青山",
        "南湖",
        "汉阳",
        "积玉桥",
        "循礼门",
        "竹叶山",
        "二七",
    ],
    "长沙": [
        "五一广场",
        "IFS",
        "梅溪湖",
        "河西",
        "星沙",
        "岳麓",
        "德思勤",
        "东塘",
        "侯家塘",
        "万家丽",
        "高铁南",
        "橘子洲",
    ],
    "南昌": [
        "八一广场",
        "红谷滩",
        "万达",
        "青山湖",
        "象湖",
        "胜利路",
        "朝阳",
        "艾溪湖",
        "西湖",
        "昌北",
    ],
}
SHOPS = [(c, f"{c}{a}店") for c, areas in AREAS.items() for a in areas]
CITY_W = {"武汉": 0.45, "长沙": 0.32, "南昌": 0.23}
SKUS = {
    "面包": [("肉松小贝", 12), ("全麦吐司", 16), ("牛角包", 9), ("菠萝包", 7), ("法棍", 14)],
    "蛋糕": [("提拉米苏", 28), ("黑森林切块", 22), ("草莓奶油杯", 19)],
    "饮品": [("美式咖啡", 15), ("拿铁", 20), ("柠檬茶", 14)],
    "西点": [("蛋挞", 8), ("泡芙", 10), ("马卡龙", 12)],
}
CLOUD = ("云朵芝士蛋糕", 26)


def chance(p):
    return R.random() < p


def pick(opts, w=None):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


SHOP_HOURS = [0] * 7 + [3, 5, 3, 2, 3, 4, 3, 2, 3, 3, 4, 5, 4, 3, 2, 0, 0]


def at(d, hours=SHOP_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def within(ts):
    return START <= ts < END


pos, mp, mt, elm, cakes, members, coupons, reviews, complaints = ([] for _ in range(9))
seq = {"m": 0, "o": 0, "c": 0, "t": 0, "pre": 0, "cp": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city):
        self.city = city
        self.shop = pick([s for c, s in SHOPS if c == city])
        self.openid = "oX" + h(f"oid{R.random()}")[:20]
        self.phone = "138" + f"{R.randrange(10**8):08d}"
        self.member = None
        self.level = "普通"


def join(p, ts):
    if p.member is None and within(ts):
        p.member = f"MX{nxt('m'):06d}"
        p.joined = ts
        p.level = pick(["普通", "银卡", "金卡"], [0.7, 0.22, 0.08])
        members.append(p)
        coupon(p, ts, "新人券", "发放")


def coupon(p, ts, kind, action):
    if within(ts) and p.member:
        coupons.append((f"CP{nxt('cp'):07d}", p.member, kind, action, ts))


def city_factor(p, ts):
    if p.city == "长沙" and SAFETY <= ts < SAFETY_END:
        return 0.45 + 0.55 * (ts - SAFETY).days / (SAFETY_END - SAFETY).days
    return 1.0


def basket(ts):
    cat = pick(["面包", "蛋糕", "饮品", "西点"], [0.42, 0.2, 0.23, 0.15])
    if MOONCAKE[0] <= ts < MOONCAKE[1] and chance(0.45):
        return "西点", "广式月饼礼盒", 168
    if (
        cat == "蛋糕"
        and ts >= CHEESECAKE
        and chance(0.55 if ts >= CHEESECAKE + timedelta(days=21) else 0.3)
    ):
        return "蛋糕", CLOUD[0], CLOUD[1]
    name, price = pick(SKUS[cat])
    return cat, name, price


def rate_and_complain(p, ts, oid, channel, late=False, quality=False):
    if chance(0.12):
        stars = max(1, min(5, round(R.gauss(2.3 if (late or quality) else 4.4, 0.8))))
        reviews.append(
            (oid, p.member or "", p.phone, channel, stars, ts + timedelta(hours=R.uniform(1, 30)))
        )
    reason = None
    if late and chance(0.25):
        reason = "配送超时"
    elif quality and chance(0.3):
        reason = "食品质量"
    elif chance(0.004):
        reason = pick(["食品质量", "配送超时", "服务态度"])
    if reason:
        o = ts + timedelta(hours=R.uniform(0.5, 24))
        fr = o + timedelta(
            minutes=R.uniform(5, 240) * (3 if reason == "食品质量" and p.city == "长沙" else 1)
        )
        rs = fr + timedelta(hours=R.uniform(2, 72))
        complaints.append(
            (
                f"TS{nxt('t'):06d}",
                p.member or "",
                p.phone,
                channel,
                reason,
                o,
                fr,
                rs if rs < END else None,
                p.city,
                p.shop,
            )
        )


def pos_sale(p, ts):
    if not within(ts) or not p.member:
        return
    n = R.choice([1, 1, 2, 2, 3, 4])
    oid = f"POS{nxt('o'):08d}"
    promo = ts >= TUESDAY_PROMO and ts.weekday() == 1
    for i in range(n):
        cat, name, price = basket(ts)
        qty = 2 if promo and chance(0.5) else 1
        amt = price * qty - (price * 0.5 if qty == 2 else 0)
        pos.append(
            (
                oid,
                ts,
                p.shop,
                p.member,
                cat,
                name,
                qty,
                f"{amt:.2f}",
                "第二件半价" if qty == 2 else "",
                i + 1,
            )
        )
    quality = p.city == "长沙" and SAFETY <= ts < SAFETY + timedelta(days=5)
    rate_and_complain(p, ts, oid, "门店", quality=quality)


def mini_order(p, ts):
    if not within(ts):
        return
    mp.append((ts, p.openid, "", "open_miniapp", p.shop))
    mp.append((ts + timedelta(seconds=R.uniform(10, 90)), p.openid, "", "view_menu", p.shop))
    if not chance(0.6):
        return
    login = ts + timedelta(seconds=R.uniform(90, 200))
    join(p, login)
    mp.append((login, p.openid, p.member, "member_login", p.shop))
    mp.append((login + timedelta(seconds=30), p.openid, p.member, "add_to_cart", p.shop))
    if chance(0.8):
        pay = login + timedelta(seconds=R.uniform(40, 240))
        cat, name, price = basket(pay)
        amt = price * R.choice([1, 1, 2, 3])
        mp.append((pay, p.openid, p.member, "order_paid", p.shop, f"{amt:.2f}", cat, name))
        pk = pay + timedelta(minutes=R.uniform(10, 90))
        mp.append((pk, p.openid, p.member, "pickup_done", p.shop))
        rate_and_complain(p, pay, f"MP{int(pay.timestamp())}{R.randrange(100)}", "小程序")


def delivery(p, ts):
    if not within(ts):
        return
    eleme_share = 0.45 if ts < ELEME_RISE else 0.45 * 0.5
    cat, _name, price = basket(ts)
    amt = price * R.choice([2, 2, 3, 4]) + 5
    late = chance(0.08 if ts.month not in (9,) else 0.18)
    mins = R.uniform(45, 95) if late else R.uniform(20, 44)
    if chance(eleme_share):
        rate = 0.18 if ts < ELEME_RISE else 0.23
        oid = f"E{nxt('o'):09d}"
        elm.append(
            (oid, ts, h(p.phone)[:16], p.shop, f"{amt:.2f}", f"{amt * rate:.2f}", cat, round(mins))
        )
        rate_and_complain(p, ts, oid, "饿了么", late=late)
    else:
        oid = f"MT{nxt('o'):09d}"
        mt.append(
            (oid, ts, h(p.phone)[:16], p.shop, f"{amt:.2f}", f"{amt * 0.19:.2f}", cat, round(mins))
        )
        rate_and_complain(p, ts, oid, "美团外卖", late=late)


def cake_preorder(p, ts, kind):
    if not within(ts) or not p.member:
        return
    pickup = ts + timedelta(days=R.uniform(2, 10))
    if kind == "圣诞蛋糕":
        pickup = datetime(2026, 12, R.choice([23, 24, 25]), 17)
    price = pick([168, 198, 268, 328])
    pid = f"YD{nxt('pre'):06d}"
    wrong = chance(0.03)
    cakes.append(
        (
            pid,
            p.member,
            kind,
            ts,
            pickup.date(),
            f"{price * 0.3:.0f}",
            f"{price:.0f}",
            p.shop,
            "已取货" if pickup < END else "待取货",
            pickup,
        )
    )
    if kind == "生日蛋糕":
        coupon(p, ts, "生日券", "核销") if chance(0.4) else None
    if pickup < END and wrong and chance(0.5):
        complaints.append(
            (
                f"TS{nxt('t'):06d}",
                p.member,
                p.phone,
                "蛋糕预订",
                "蛋糕做错",
                pickup,
                pickup + timedelta(minutes=R.uniform(5, 60)),
                pickup + timedelta(hours=R.uniform(1, 12)),
                p.city,
                p.shop,
            )
        )


def day_weight(d):
    w = 1.0 + (0.35 if d.weekday() >= 5 else 0)
    if MOONCAKE[0] <= d < MOONCAKE[1]:
        w *= 1.8
    if d.month == 12 and d.day >= 20:
        w *= 1.3
    return w


def simulate():
    people = []
    for _i in range(9000):
        city = pick(list(CITY_W), list(CITY_W.values()))
        p = Person(city)
        people.append(p)
        first = START + timedelta(days=R.randrange(N_DAYS))
        kind = pick(["store", "mini", "delivery"], [0.45, 0.3, 0.25])
        if kind == "store" and chance(0.55):
            join(p, at(first))
        p.kind = kind
        p.first = first
        p.freq = R.uniform(0.01, 0.09)
    for p in people:
        d = p.first
        while d < END:
            ts = at(d)
            f = city_factor(p, ts)
            if chance(f):
                if p.kind == "store" or (p.member and chance(0.25)):
                    pos_sale(p, ts)
                elif p.kind == "mini":
                    mini_order(p, ts)
                else:
                    delivery(p, ts)
                if p.member and chance(0.02):
                    cake_preorder(p, ts, "生日蛋糕")
                if p.member and ts >= XMAS_PRE and chance(0.3):
                    cake_preorder(p, ts, "圣诞蛋糕")
                if ts >= TUESDAY_PROMO and p.member and chance(0.2):
                    coupon(p, ts, "第二件半价", "发放")
            gap = R.expovariate(
                p.freq * day_weight(d) * (1.4 if d.weekday() == 1 and d >= TUESDAY_PROMO else 1)
            )
            d = d + timedelta(days=max(1, round(gap)))
        if p.member:
            for _ in range(R.choice([0, 1, 1])):
                coupon(p, p.joined + timedelta(days=R.uniform(1, 30)), "新人券", "核销")


def write(folder: Path):
    with open(folder / "pos_sales.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "小票号",
                "交易时间",
                "门店",
                "会员号",
                "品类",
                "商品名称",
                "数量",
                "实收金额",
                "优惠活动",
                "行号",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", *r[2:]])
    with open(folder / "miniprogram_log.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            utc = r[0] - timedelta(hours=8)
            obj = {
                "ts": int(utc.replace(tzinfo=UTC).timestamp() * 1000),
                "server_time": f"{utc:%Y-%m-%dT%H:%M:%S}Z",
                "openid": r[1],
                "member_no": r[2],
                "event": r[3],
                "store": r[4],
            }
            if len(r) > 5:
                obj.update({"pay_amount": r[5], "category": r[6], "item": r[7]})
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "meituan_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "下单时间",
                "顾客手机号(脱敏)",
                "门店名称",
                "顾客实付",
                "平台佣金",
                "品类",
                "配送时长(分钟)",
            ]
        )
        for r in sorted(mt, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", *r[2:]])
    with open(folder / "eleme_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "create_time",
                "user_phone_md5",
                "shop_name",
                "pay_amount",
                "commission",
                "cat",
                "deliver_minutes",
            ]
        )
        for r in sorted(elm, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y/%m/%d %H:%M}", *r[2:]])
    with open(folder / "cake_preorders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "预订单号",
                "会员号",
                "蛋糕类型",
                "预订时间",
                "取货日期",
                "定金",
                "总价",
                "取货门店",
                "状态",
            ]
        )
        for r in sorted(cakes, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", f"{r[4]:%Y-%m-%d}", *r[5:9]])
    with open(folder / "cake_pickups.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["预订单号", "会员号", "取货时间", "取货门店"])
        for r in sorted(cakes, key=lambda r: (r[9], r[0])):
            if r[9] < END:
                w.writerow([r[0], r[1], f"{r[9]:%Y-%m-%d %H:%M:%S}", r[7]])
    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["会员号", "openid", "手机号MD5", "注册时间", "城市", "常去门店", "会员等级"])
        for p in sorted(members, key=lambda p: p.member):
            w.writerow(
                [
                    p.member,
                    p.openid,
                    h(p.phone)[:16],
                    f"{p.joined:%Y-%m-%d %H:%M:%S}",
                    p.city,
                    p.shop,
                    p.level,
                ]
            )
    with open(folder / "coupons.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["券号", "会员号", "券类型", "动作", "时间"])
        for r in sorted(coupons, key=lambda r: (r[4], r[0])):
            w.writerow([*r[:4], f"{r[4]:%Y-%m-%d %H:%M:%S}"])
    with open(folder / "reviews.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "会员号", "手机号MD5", "渠道", "评分", "评价时间"])
        for r in sorted(reviews, key=lambda r: (r[5], r[0])):
            if within(r[5]):
                w.writerow([r[0], r[1], h(r[2])[:16], r[3], r[4], f"{r[5]:%Y-%m-%d %H:%M:%S}"])
    with open(folder / "complaints.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "会员号",
                "手机号MD5",
                "来源渠道",
                "投诉类型",
                "创建时间",
                "首次回复时间",
                "解决时间",
                "城市",
                "门店",
            ]
        )
        fmt = lambda t: f"{t:%Y-%m-%d %H:%M:%S}" if t else ""  # noqa: E731
        for r in sorted(complaints, key=lambda r: r[0]):
            if within(r[5]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        h(r[2])[:16],
                        r[3],
                        r[4],
                        fmt(r[5]),
                        fmt(r[6] if r[6] < END else None),
                        fmt(r[7]),
                        r[8],
                        r[9],
                    ]
                )
    with open(folder / "marketing_weekly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["周开始", "渠道", "花费(元)"])
        wk = START - timedelta(days=START.weekday())
        base = {"小程序": 6000, "美团外卖": 9000, "饿了么": 7000, "门店": 3000}
        while wk < END:
            for ch, amt in base.items():
                x = amt * R.uniform(0.85, 1.15)
                if ch == "饿了么" and wk >= ELEME_RISE:
                    x *= 0.6
                if MOONCAKE[0] <= wk < MOONCAKE[1]:
                    x *= 1.8
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{x:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="bakery-src-") as tmp:
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
