"""Vending evaluation domain: 速饮 SuYin Vending, 2,400 smart vending machines (Shanghai, Hangzhou).

    python generate.py OUT.duckdb

Writes SuYin's own exports (seeded: the same files every run) to a temporary folder —

  pay_gateway_trades.csv    payment gateway trades (English columns, epoch ms UTC, amounts in 分)
  pay_gateway_refunds.csv   payment gateway refunds (same system, epoch ms UTC, 分)
  machine_telemetry.jsonl   machine telemetry: door open, drop sensor, offline (ISO +08:00)
  缺货补货记录.csv           stock-out restock log (Chinese headers, 'YYYY年MM月DD日 HH:mm' local)
  miniprogram_events.csv    mini-program event log (openid; phone only after binding)
  members.csv               mini-program member export
  fault_tickets.csv         refund / complaint tickets
  marketing_monthly.csv     monthly marketing sheet (元)

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
END = datetime(2026, 12, 7)  # as_of; data ends the day before
N_DAYS = (END - START).days
METRO_OPEN = datetime(2026, 4, 1)  # 300 new metro machines, rolled out 1-20 April
FIRMWARE_BUG = (datetime(2026, 6, 11), datetime(2026, 6, 15))  # v3.2.1: drops fail 11-14 June
CARD_LAUNCH = datetime(2026, 9, 1)  # 畅饮卡 monthly subscription
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))

R = random.Random(SEED)


def h(s: str) -> str:
    return hashlib.md5(s.encode()).hexdigest()


def pick(items, weights):
    return R.choices(items, weights)[0]


def chance(p):
    return R.random() < p


def inw(t, w):
    return w[0] <= t < w[1]


# ---------------------------------------------------------------- machines
SITES = ["OFFICE", "METRO", "SCHOOL", "HOSPITAL"]
MTYPES = ["DRINK_DOOR", "DRINK_SPIRAL", "SNACK", "COFFEE"]
machines = []  # (machine_id, city, site, mtype, online_from)
for i in range(2400):
    city = pick(["SH", "HZ"], [0.68, 0.32])
    if i >= 2100:
        site = "METRO"
        online = METRO_OPEN + timedelta(days=R.randrange(20))
    else:
        site = pick(SITES, [0.45, 0.2, 0.17, 0.18])
        online = START - timedelta(days=400)
    mtype = pick(MTYPES, [0.35, 0.25, 0.25, 0.15])
    machines.append((f"{city}{site[0]}{i + 1:05d}", city, site, mtype, online))
by_site = {s: [m for m in machines if m[2] == s] for s in SITES}
old_site = {s: [m for m in by_site[s] if m[4] < START] for s in SITES}

CATS = {
    "DRINK_DOOR": (["COLD_DRINK", "TEA", "WATER", "DAIRY"], [0.45, 0.25, 0.2, 0.1]),
    "DRINK_SPIRAL": (["COLD_DRINK", "TEA", "WATER"], [0.5, 0.25, 0.25]),
    "SNACK": (["SNACK", "INSTANT_FOOD"], [0.75, 0.25]),
    "COFFEE": (["COFFEE"], [1]),
}
PRICE = {
    "COLD_DRINK": [350, 400, 500, 600],
    "TEA": [400, 500, 600],
    "WATER": [200, 250, 300],
    "DAIRY": [500, 650],
    "SNACK": [350, 500, 800, 1000],
    "INSTANT_FOOD": [800, 1200, 1500],
    "COFFEE": [900, 1200, 1500, 1800],
}


def school_holiday(t):
    return t.month in (2, 7, 8) or (t.month == 1 and t.day >= 24)


def visit_weight(t, site, mtype):
    w = 1.0
    wd = t.weekday()
    if site in ("OFFICE", "SCHOOL") and wd >= 5:
        w *= 0.2
    if site == "METRO" and wd >= 5:
        w *= 0.7
    if site == "SCHOOL" and school_holiday(t):
        w *= 0.05
    if site == "OFFICE" and t.month == 2 and t.day <= 25:  # Spring Festival 2026 (17 Feb)
        w *= 0.45
    if mtype in ("DRINK_DOOR", "DRINK_SPIRAL") and inw(t, SUMMER):
        w *= 1.9
    elif mtype in ("DRINK_DOOR", "DRINK_SPIRAL") and t.month in (6, 9):
        w *= 1.3
    if mtype == "COFFEE" and t.month in (12, 1, 2):
        w *= 1.3
    return w


# ---------------------------------------------------------------- output rows
trades = []  # out_trade_no, person, machine, category, fee (分), coupon (分), state, ts
refunds = []  # refund_no, out_trade_no, channel ids, refund_fee, reason, ts
telemetry = []
restocks = []
mp = []  # ts, openid, phone, event, page, amount, coupon
members = []
tickets = []


class Person:
    __slots__ = (
        "alipay",
        "bound",
        "card",
        "card_until",
        "city",
        "face",
        "home",
        "openid",
        "pay",
        "phone",
        "pid",
        "rate",
    )

    def __init__(self, pid):
        self.pid = pid
        self.pay = pick(["WECHAT", "ALIPAY", "FACEPAY"], [0.56, 0.34, 0.10])
        self.openid = "o" + h(f"wx{pid}")[:15] if self.pay == "WECHAT" else ""
        self.alipay = (
            "2088" + str(int(h(f"ali{pid}")[:10], 16))[:12]
            if self.pay in ("ALIPAY", "FACEPAY")
            else ""
        )
        self.face = "FP" + h(f"face{pid}")[:10].upper() if self.pay == "FACEPAY" else ""
        self.phone = "1" + str(int(h(f"ph{pid}")[:8], 16))[:10].rjust(10, "3")
        self.bound = None
        self.card_until = None
        self.card = False


def ticket(p, t, cat, m, trade_no, complaint_p):
    via = "小程序" if p.pay == "WECHAT" else pick(["支付宝客服", "客服热线"], [0.6, 0.4])
    if via == "客服热线" or (p.pay == "WECHAT" and p.bound and chance(0.3)):
        via_id = {"phone": p.phone, "openid": "", "alipay": ""}
    else:
        via_id = {"phone": "", "openid": p.openid, "alipay": p.alipay}
    opened = t + timedelta(minutes=R.uniform(1, 90))
    bug = inw(t, FIRMWARE_BUG)
    frt = R.lognormvariate(math.log(35 if not bug else 240), 0.6)
    first = opened + timedelta(minutes=frt)
    res = first + timedelta(hours=R.lognormvariate(math.log(3 if not bug else 20), 0.7))
    solved = res if res < END - timedelta(hours=2) else None
    slow = (solved is None) or (solved - opened).total_seconds() > 24 * 3600
    complaint = chance(complaint_p + (0.35 if slow else 0))
    csat = ""
    if solved and chance(0.45):
        csat = str(max(1, min(5, round(R.gauss(2.4 if slow else 4.2, 0.9)))))
    tickets.append(
        (
            f"TK{len(tickets) + 1:06d}",
            via_id["openid"],
            via_id["alipay"],
            via_id["phone"],
            opened,
            first if first < END else None,
            solved,
            cat,
            via,
            "是" if complaint else "否",
            csat,
            m[0],
            trade_no,
        )
    )
    return solved


def purchase(p, t, m):
    mtype = m[3]
    cats, cw = CATS[mtype]
    cat = pick(cats, cw)
    if p.pay == "WECHAT":
        mp.append(
            (
                t - timedelta(seconds=R.randint(5, 25)),
                p.openid,
                p.phone if p.bound else "",
                "scan_code",
                m[0],
                "",
                "",
            )
        )
    # machine offline when scanned
    if chance(0.012 if t < datetime(2026, 10, 1) or m[1] == "SH" else 0.03):
        telemetry.append((t, m, "OFFLINE", "", p, "", ""))
        if chance(0.25):
            ticket(p, t, "机器离线", m, "", 0.3)
        return
    fee = R.choice(PRICE[cat])
    coupon = 0
    if p.bound and chance(0.18):
        coupon = R.choice([100, 200, 300])
    if (
        p.card_until
        and t < p.card_until
        and cat in ("COLD_DRINK", "TEA", "WATER", "DAIRY", "COFFEE")
    ):
        coupon = fee // 2
    no = f"SY{t:%Y%m%d}{len(trades) + 1:08d}"
    if chance(0.06):
        trades.append((no, p, m, cat, fee, coupon, "CLOSED", t))
        return
    trades.append((no, p, m, cat, fee, coupon, "SUCCESS", t))
    spiral = mtype != "DRINK_DOOR"
    fail_p = 0.02
    fw = "v3.1.4"
    if t >= datetime(2026, 6, 10, 22) and t < datetime(2026, 6, 15, 2):
        fw = "v3.2.1"
    elif t >= datetime(2026, 6, 15, 2):
        fw = "v3.2.2"
    if spiral and fw == "v3.2.1":
        fail_p = 0.27
    if not spiral:
        fail_p = 0.008
    tt = t + timedelta(seconds=R.randint(3, 12))
    if spiral:
        ok = not chance(fail_p)
        telemetry.append((tt, m, "DROP_OK" if ok else "DROP_FAIL", no, p, fw, cat))
    else:
        telemetry.append((tt, m, "DOOR_OPEN", no, p, fw, cat))
        ok = not chance(fail_p)
        if not ok:
            telemetry.append((tt + timedelta(seconds=20), m, "DOOR_JAM", no, p, fw, cat))
    if not ok:
        solved = None
        if chance(0.75):
            solved = ticket(p, tt, pick(["付款未出货", "商品卡住"], [0.6, 0.4]), m, no, 0.12)
        if solved:
            refunds.append(
                (no, p, fee - coupon, "出货失败", solved + timedelta(minutes=R.uniform(1, 30)))
            )
        elif chance(0.5):  # automatic refund after drop sensor failure
            refunds.append(
                (no, p, fee - coupon, "自动退款", tt + timedelta(minutes=R.uniform(2, 15)))
            )
    elif chance(0.003):
        solved = ticket(p, tt, "商品质量", m, no, 0.4)
        if solved and chance(0.7):
            refunds.append(
                (no, p, fee - coupon, "商品质量", solved + timedelta(minutes=R.uniform(1, 30)))
            )
    # stock-out restock, more often for drinks in summer
    if chance(0.012 * (2.2 if inw(t, SUMMER) and mtype.startswith("DRINK") else 1)):
        staff = f"YW{int(h(m[0])[:4], 16) % 70 + 1:03d}"
        restocks.append((t + timedelta(hours=R.uniform(1, 10)), m, staff, cat, R.randint(12, 60)))


def simulate():
    n_people = 8200
    for pid in range(n_people):
        p = Person(pid)
        # where they usually buy
        if pid >= 7000:
            site = "METRO"  # people who arrive with the new metro machines
            m = R.choice(by_site["METRO"][-300:]) if chance(0.8) else R.choice(by_site["METRO"])
        else:
            site = pick(SITES, [0.45, 0.2, 0.17, 0.18])
            m = R.choice(old_site[site])
        p.home = m
        p.city = m[1]
        first = max(START, m[4]) + timedelta(days=R.uniform(0, 300 if m[4] < START else 60))
        if first >= END:
            first = END - timedelta(days=R.uniform(1, 30))
        p.rate = R.lognormvariate(math.log(0.06), 0.8)  # purchases per day at weight 1
        churn = first + timedelta(days=R.expovariate(1 / 200))
        t = first
        alt = (
            R.choice(old_site[site])
            if first < METRO_OPEN + timedelta(days=20) or site != "METRO"
            else R.choice(by_site[site])
        )
        wechat_mp = p.pay == "WECHAT"
        if wechat_mp and chance(0.38):
            p.bound = first + timedelta(days=R.expovariate(1 / 20))
        while True:
            t = t + timedelta(days=R.expovariate(p.rate * 2.2))
            if t >= END or t >= churn:
                break
            mm = m if chance(0.8) else alt
            hour = pick(
                [8, 9, 10, 12, 13, 15, 17, 18, 20], [2, 1.5, 1, 2.5, 1.5, 1.2, 1.8, 1.2, 0.6]
            )
            tt = datetime(t.year, t.month, t.day, hour, R.randrange(60), R.randrange(60))
            if tt < mm[4] or tt >= END:
                continue
            boost = 1.7 if (p.card_until and tt < p.card_until) else 1.0
            if not chance(min(1.0, visit_weight(tt, mm[2], mm[3]) * boost / 2.2)):
                continue
            # member binding and mini-program life
            if p.bound and p.bound <= tt and not p.card and wechat_mp:
                pass
            purchase(p, tt, mm)
            if wechat_mp and p.bound and tt >= CARD_LAUNCH and not p.card and chance(0.04):
                p.card = True
                ct = tt + timedelta(minutes=R.uniform(1, 20))
                mp.append((ct, p.openid, p.phone, "card_page_view", "畅饮卡", "", ""))
                if chance(0.55):
                    mp.append(
                        (
                            ct + timedelta(minutes=1),
                            p.openid,
                            p.phone,
                            "card_purchase",
                            "畅饮卡",
                            "29.90",
                            "",
                        )
                    )
                    p.card_until = ct + timedelta(days=30)
            elif p.card_until and tt > p.card_until and chance(0.7):
                # monthly renewal
                rt = p.card_until
                mp.append((rt, p.openid, p.phone, "card_purchase", "畅饮卡", "29.90", "续费"))
                p.card_until = rt + timedelta(days=30)
        if p.bound and p.bound < END:
            bt = p.bound.replace(second=0) + timedelta(hours=R.randint(8, 20))
            if bt >= END:
                bt = END - timedelta(hours=3)
            mp.append((bt - timedelta(minutes=2), p.openid, "", "login", "我的", "", ""))
            mp.append((bt, p.openid, p.phone, "bind_phone", "我的", "", ""))
            members.append((p, bt))
            for _ in range(R.choice([0, 1, 1, 2, 3])):
                ctt = bt + timedelta(days=R.uniform(0, 200))
                if ctt < END:
                    mp.append(
                        (
                            ctt,
                            p.openid,
                            p.phone,
                            "coupon_claim",
                            "领券中心",
                            "",
                            R.choice(["满5减1", "新人券", "早餐券"]),
                        )
                    )


def write(folder: Path):
    def ms(t):  # naive Shanghai -> epoch ms UTC
        return int(
            (t - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000
        ) + R.randint(0, 999)

    with open(folder / "pay_gateway_trades.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "out_trade_no",
                "pay_channel",
                "payer_openid",
                "alipay_user_id",
                "face_uid",
                "machine_id",
                "site_type",
                "city_code",
                "sku_category",
                "total_fee",
                "coupon_fee",
                "trade_state",
                "gmt_create",
            ]
        )
        for no, p, m, cat, fee, coupon, state, t in sorted(trades, key=lambda r: (r[7], r[0])):
            w.writerow(
                [
                    no,
                    p.pay,
                    p.openid,
                    p.alipay,
                    p.face,
                    m[0],
                    m[2],
                    m[1],
                    cat,
                    fee,
                    coupon,
                    state,
                    ms(t),
                ]
            )
    with open(folder / "pay_gateway_refunds.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "refund_no",
                "out_trade_no",
                "pay_channel",
                "payer_openid",
                "alipay_user_id",
                "refund_fee",
                "refund_reason",
                "gmt_refund",
            ]
        )
        for i, (no, p, fee, reason, t) in enumerate(sorted(refunds, key=lambda r: (r[4], r[0]))):
            if t < END:
                w.writerow([f"RF{i + 1:07d}", no, p.pay, p.openid, p.alipay, fee, reason, ms(t)])
    with open(folder / "machine_telemetry.jsonl", "w") as f:
        for t, m, ev, no, p, fw, _cat in sorted(telemetry, key=lambda r: (r[0], r[1][0])):
            if t >= END:
                continue
            obj = {
                "device_id": m[0],
                "event_type": ev,
                "event_time": f"{t:%Y-%m-%dT%H:%M:%S}+08:00",
                "order_no": no,
                "user_token": p.openid or p.face or p.alipay,
                "token_type": "wx" if p.openid else ("face" if p.face else "ali"),
                "machine_model": {
                    "DRINK_DOOR": "SY-D8 开门柜",
                    "DRINK_SPIRAL": "SY-S6 弹簧机",
                    "SNACK": "SY-S6 弹簧机",
                    "COFFEE": "SY-C2 咖啡机",
                }[m[3]],
                "firmware": fw,
            }
            # the machine only knows the payer token of its own payment channel
            obj["wx_openid"] = p.openid
            obj["ali_uid"] = p.alipay if not p.face else ""
            obj["face_uid"] = p.face
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    cat_zh = {
        "COLD_DRINK": "冷饮",
        "TEA": "茶饮",
        "WATER": "饮用水",
        "DAIRY": "乳品",
        "SNACK": "零食",
        "INSTANT_FOOD": "速食",
        "COFFEE": "咖啡豆/杯",
    }
    with open(folder / "缺货补货记录.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["补货时间", "机器编号", "补货员工号", "商品类别", "补货数量", "城市"])
        for t, m, staff, cat, n in sorted(restocks, key=lambda r: (r[0], r[1][0])):
            if t < END:
                w.writerow(
                    [
                        f"{t:%Y年%m月%d日 %H:%M}",
                        m[0],
                        staff,
                        cat_zh[cat],
                        n,
                        {"SH": "上海", "HZ": "杭州"}[m[1]],
                    ]
                )
    with open(folder / "miniprogram_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["event_time", "openid", "bind_phone", "event_name", "page", "pay_amount", "extra"]
        )
        for t, oid, ph, ev, page, amt, extra in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            if t < END:
                w.writerow([f"{t:%Y/%m/%d %H:%M:%S}", oid, ph, ev, page, amt, extra])
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["phone", "openid", "register_time", "member_level", "city", "home_site_type"])
        for p, bt in sorted(members, key=lambda r: r[1]):
            w.writerow(
                [
                    p.phone,
                    p.openid,
                    f"{bt:%Y-%m-%dT%H:%M:%S}",
                    "畅饮卡会员" if p.card else "普通会员",
                    {"SH": "上海", "HZ": "杭州"}[p.city],
                    p.home[2],
                ]
            )

    def fmt(t):
        return f"{t:%Y-%m-%d %H:%M}" if t and t < END else ""

    with open(folder / "fault_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "openid",
                "alipay_user_id",
                "phone",
                "created_at",
                "first_reply_at",
                "closed_at",
                "fault_type",
                "source",
                "is_complaint",
                "satisfaction",
                "machine_id",
                "out_trade_no",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            if r[4] < END:
                w.writerow([*r[:4], fmt(r[4]), fmt(r[5]), fmt(r[6]), *r[7:]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "项目", "金额(元)"])
        d = date(2025, 12, 1)
        while d < END.date():
            n_machines = sum(1 for m in machines if m[4] <= datetime(d.year, d.month, 28))
            w.writerow([f"{d:%Y-%m}", "场地租金", f"{n_machines * R.uniform(380, 420):.2f}"])
            ali = 60000 * R.uniform(0.9, 1.1) * (1.6 if d.month in (7, 8) else 1)
            wx = 45000 * R.uniform(0.9, 1.1) * (2.5 if d.month in (9, 10) else 1)
            w.writerow([f"{d:%Y-%m}", "支付宝红包券", f"{ali:.2f}"])
            w.writerow([f"{d:%Y-%m}", "微信朋友圈广告", f"{wx:.2f}"])
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="vending-src-") as tmp:
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
