"""Home-services evaluation domain: 家安到家 (JiaAn Home), a Chinese home-services platform.

    python generate.py OUT.duckdb

Writes JiaAn's own exports (seeded: the same files every run) to a temporary folder —

  maidian_events.csv        App / 微信小程序 tracking SDK: distinct_id (device / openid), login_id
                            (会员号, only after login), event, UTC ISO time with Z, utm_source
  dingdan.csv               order system (pinyin columns): dingdan_hao, huiyuan_id, shouji_md5,
                            xiadan_shijian (yyyy/mm/dd HH:MM:SS), laiyuan, fuwu_leixing, ...
  zhifu_liushui.csv         order system payments (pinyin): 尾款/次卡/会员/退款, yyyymmddHHMMSS
  huiyuan.csv               member export (pinyin): huiyuan_id, shouji_md5, zhuce_riqi, ...
  pingjia.csv               ratings (pinyin): pingfen 1-5, biaoqian tags
  dispatch_events.parquet   dispatch system (snake_case; event_time = unix-epoch seconds, UTC)
  meituan_hexiao.csv        美团 voucher export (Chinese headers): bought / redeemed / refunded
  kefu_tickets.jsonl        customer-service ticket system (ISO times with +08:00)
  tuiguang_feiyong.csv      marketing spend sheet (Chinese headers, GB18030, yyyy/mm/dd)

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
CNY_PEAK = (datetime(2026, 1, 19), datetime(2026, 2, 16))  # pre-春节 deep-cleaning peak
CNY_HOLIDAY = (datetime(2026, 2, 16), datetime(2026, 2, 23))  # 除夕 … 初六: services mostly paused
HZ_LAUNCH = datetime(2026, 4, 8)  # 杭州 opens (Wednesday)
OUTAGE = (datetime(2026, 8, 18, 8), datetime(2026, 8, 18, 17))  # dispatch-system outage (Tuesday)
PRICE_RISE = datetime(2026, 9, 1)  # 深度保洁 price +25 %
DOUYIN = (datetime(2026, 5, 11), datetime(2026, 6, 22))  # 抖音 99元保洁券 campaign (6 weeks)

R = random.Random(SEED)

CITIES = ["北京", "上海", "广州", "深圳", "杭州"]
CITY_W = [0.27, 0.29, 0.17, 0.19, 0.0]
CITY_CODE = {"北京": "BJ", "上海": "SH", "广州": "GZ", "深圳": "SZ", "杭州": "HZ"}
SERVICES = [
    "日常保洁",
    "深度保洁",
    "开荒保洁",
    "空调清洗",
    "油烟机清洗",
    "水管维修",
    "电路维修",
    "家电维修",
    "搬家",
]
SERVICE_W = [0.28, 0.13, 0.05, 0.1, 0.07, 0.08, 0.06, 0.08, 0.1]
CATEGORY = {
    "日常保洁": "保洁",
    "深度保洁": "保洁",
    "开荒保洁": "保洁",
    "空调清洗": "家电清洗",
    "油烟机清洗": "家电清洗",
    "水管维修": "上门维修",
    "电路维修": "上门维修",
    "家电维修": "上门维修",
    "搬家": "搬家",
}
PRICE = {
    "日常保洁": (150, 320),
    "深度保洁": (420, 780),
    "开荒保洁": (800, 2000),
    "空调清洗": (120, 300),
    "油烟机清洗": (150, 280),
    "水管维修": (100, 500),
    "电路维修": (100, 600),
    "家电维修": (150, 800),
    "搬家": (400, 2500),
}
HOURS_NEEDED = {
    "日常保洁": (2, 4),
    "深度保洁": (4, 7),
    "开荒保洁": (6, 10),
    "空调清洗": (1, 2),
    "油烟机清洗": (1, 2),
    "水管维修": (1, 3),
    "电路维修": (1, 3),
    "家电维修": (1, 3),
    "搬家": (3, 6),
}
# source codes as each system writes them
NEW_CH = ["app", "mp", "meituan", "58", "referral", "moments", "douyin"]
NEW_CH_W = [0.15, 0.21, 0.25, 0.12, 0.1, 0.11, 0.06]
TRACKED = {"app", "mp", "referral", "moments"}
UTM = {"app": "app_organic", "mp": "mp_organic", "referral": "laodaixin", "moments": "pyq_ad"}
LAIYUAN = {
    "app": "APP",
    "mp": "小程序",
    "referral": "老带新",
    "moments": "小程序",
    "58": "58同城",
    "douyin": "抖音",
}

CLICK_HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.5,
    2.5,
    3,
    3,
    2.8,
    3,
    2.6,
    2.5,
    2.6,
    2.6,
    2.8,
    3.2,
    4,
    4.8,
    4.6,
    3,
    1.2,
]


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


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


def at(d, hours=CLICK_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


track, orders, pays, members, ratings, dispatch, meituan, tickets = ([] for _ in range(8))
seq = {"mem": 1000000, "order": 0, "dev": 0, "job": 0, "tk": 0, "pay": 0, "mt": 0, "phone": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city, ch):
        self.city = city
        self.ch = ch
        self.phone = md5(f"phone{nxt('phone')}")
        self.device = None
        self.platform = "App" if ch == "app" else "MiniProgram"
        self.mid = None
        self.reg = None
        self.reg_ch = None
        self.tier = "普通用户"
        self.credits = 0  # 次卡 cleanings left
        self.member_until = None
        self.orders = 0


def login(p, ts, ch=None):
    if p.mid is None:
        p.mid = f"JA{nxt('mem')}"
        p.reg = ts
        p.reg_ch = ch or p.ch
        members.append(p)


def ev(p, ts, name, utm, service=""):
    if not within(ts):
        return False
    if p.device is None:
        p.device = (
            ("o" + md5(f"openid{nxt('dev')}")[:20])
            if p.platform == "MiniProgram"
            else ("d-" + md5(f"dev{nxt('dev')}")[:16])
        )
    track.append((ts, p.device, p.mid or "", name, p.platform, utm, service, p.city))
    return True


def season(service, d):
    dt = datetime(d.year, d.month, d.day)
    m = 1.0
    if service == "深度保洁":
        if inw(dt, CNY_PEAK):
            m = 4.5
        elif d.month == 12 or (d.month == 1 and d.day < 19):
            m = 1.3
        if dt >= PRICE_RISE:
            m *= 0.9
    elif service == "空调清洗":
        m = {5: 1.8, 6: 4.0, 7: 4.2, 8: 1.7, 9: 1.0, 4: 1.1}.get(d.month, 0.45)
    elif service == "搬家":
        if datetime(2026, 2, 23) <= dt < datetime(2026, 3, 16):
            m = 1.7
        elif d.month == 7:
            m = 1.4
    elif service == "开荒保洁":
        m = 1.3 if d.month in (3, 4, 5, 9, 10) else 0.9
    elif service == "日常保洁" and inw(dt, CNY_PEAK):
        m = 1.4
    if inw(dt, CNY_HOLIDAY):
        m *= 0.15
    if d.weekday() >= 5:
        m *= 1.25
    return m


def price_of(service, ts, city):
    lo, hi = PRICE[service]
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if service == "深度保洁" and ts >= PRICE_RISE:
        v *= 1.25
    if city in ("北京", "上海"):
        v *= 1.1
    return round(v / 10) * 10


def ticket(p, ts, kind, oid, ch, mood=0.0, outage=False):
    if not within(ts):
        return
    channel = (
        pick(["在线客服", "400热线"], [0.6, 0.4]) if ch != "meituan" or chance(0.4) else "美团IM"
    )
    fr = {"在线客服": R.uniform(0.5, 12), "400热线": R.uniform(0.1, 3), "美团IM": R.uniform(5, 90)}[
        channel
    ]
    if outage:
        fr *= R.uniform(5, 12)
    if inw(ts, CNY_HOLIDAY):
        fr *= 4
    res = (
        fr / 60
        + {
            "迟到": R.uniform(1, 24),
            "服务质量": R.uniform(4, 72),
            "损坏物品": R.uniform(24, 240),
            "乱收费": R.uniform(6, 96),
            "咨询": R.uniform(0.1, 4),
            "改约": R.uniform(0.2, 6),
            "售后返工": R.uniform(12, 96),
        }[kind]
    )
    closed = ts + timedelta(hours=res)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.3 - mood, 0.8))))
    complaint = kind in ("迟到", "服务质量", "损坏物品", "乱收费")
    tickets.append(
        (
            f"KF{nxt('tk'):07d}",
            p.mid or "",
            p.phone,
            ts,
            ts + timedelta(minutes=fr),
            closed if closed < END and chance(0.97) else None,
            kind,
            channel,
            complaint,
            sat,
            oid,
        )
    )


def place_order(p, ts, service, ch, paid_by="", survey=None):
    """An order (定金 paid at ordering) and what follows: dispatch, visit, 尾款, rating, tickets."""
    if not within(ts):
        return None
    if p.city == "杭州" and ts < HZ_LAUNCH:
        return None
    oid = f"JA{ts:%y%m%d}{nxt('order'):06d}"
    total = survey if survey else price_of(service, ts, p.city)
    discount = "无"
    if ch == "douyin":
        service, total, discount = "日常保洁", 99.0, "抖音券"
    elif ch == "meituan":
        total, discount = round(total * 0.88), "美团券"
    elif paid_by == "次卡":
        discount = "次卡抵扣"
    elif p.member_until and ts < p.member_until:
        total, discount = round(total * 0.9), "会员折扣"
    elif p.orders == 0 and ch in ("app", "mp", "referral", "moments") and chance(0.5):
        total, discount = total - 20, "新人券"
    if paid_by == "次卡":
        total = 0.0
    deposit = (
        0.0
        if total == 0
        else (total if ch in ("meituan", "douyin") else max(30.0, round(total * 0.2)))
    )
    p.orders += 1
    first = "是" if p.orders == 1 else "否"
    rec = {
        "oid": oid,
        "p": p,
        "mid": p.mid or "",
        "ts": ts,
        "service": service,
        "ch": ch,
        "total": float(total),
        "deposit": deposit,
        "discount": discount,
        "status": "已完成",
        "first": first,
    }
    orders.append(rec)
    # cancellation before dispatch
    if chance(0.05 if ch not in ("douyin",) else 0.09):
        rec["status"] = "已取消"
        if chance(0.4):
            ticket(p, ts + timedelta(hours=R.uniform(0.2, 20)), "改约", oid, ch)
        if deposit > 0 and ch not in ("meituan", "douyin"):
            pay(p, ts + timedelta(hours=R.uniform(1, 30)), "退款", deposit, oid)
        return None
    # service slot: 1-5 days later, 8:00-18:00
    sd = ts + timedelta(days=R.choice([1, 1, 2, 2, 3, 4, 5]))
    if service == "深度保洁" and inw(ts, CNY_PEAK):
        sd += timedelta(days=R.choice([2, 4, 6]))  # peak: slots book out
    slot = datetime(
        sd.year, sd.month, sd.day, R.choice([8, 9, 10, 13, 14, 15, 16]), R.choice([0, 30])
    )
    if inw(slot, CNY_HOLIDAY):
        slot = datetime(2026, 2, 23, slot.hour, slot.minute) + timedelta(days=R.randrange(3))
    outage = inw(slot, OUTAGE)
    kind = "AY" if CATEGORY[service] == "保洁" else "SF"
    worker = f"{kind}{CITY_CODE[p.city]}{R.randrange(1, 400):03d}"
    dt0 = ts + timedelta(
        minutes=R.uniform(3, 90) if ts.hour in range(8, 21) else R.uniform(300, 600)
    )
    job = f"DJ{nxt('job'):07d}"
    if chance(0.07) or (service == "深度保洁" and inw(ts, CNY_PEAK) and chance(0.25)):
        disp(job, oid, p, dt0, "reassigned", service, worker="")
        dt0 += timedelta(minutes=R.uniform(20, 240))
    disp(job, oid, p, dt0, "dispatched", service, worker=worker, sched=slot)
    late = R.choice([-20, -15, -10, -5, 0, 0, 5, 10]) + (R.uniform(15, 60) if chance(0.06) else 0)
    if outage:
        disp(job, oid, p, slot - timedelta(hours=R.uniform(1, 3)), "reassigned", service, worker="")
        late = R.uniform(40, 240) if chance(0.75) else R.uniform(0, 30)
    checkin = slot + timedelta(minutes=late)
    if checkin >= END:
        rec["status"] = "待服务"
        return oid
    disp(
        job,
        oid,
        p,
        checkin,
        "checked_in",
        service,
        worker=worker,
        sched=slot,
        late=max(0, round(late)),
    )
    lo, hi = HOURS_NEEDED[service]
    done = checkin + timedelta(hours=R.uniform(lo, hi))
    if done >= END:
        rec["status"] = "服务中"
        return oid
    disp(job, oid, p, done, "completed", service, worker=worker, sched=slot)
    balance = total - deposit
    if balance > 0:
        pay(p, done + timedelta(minutes=R.uniform(2, 90)), "尾款", balance, oid)
    # tickets
    mood = 0.0
    if late > 30 and chance(0.45 if outage else 0.22):
        ticket(
            p,
            slot + timedelta(minutes=R.uniform(20, 60)),
            "迟到",
            oid,
            ch,
            mood=1.5 if outage else 0.8,
            outage=inw(slot + timedelta(minutes=40), OUTAGE),
        )
        mood = 1.5
    quality_p = (
        0.03
        + (0.03 if ch == "douyin" else 0)
        + (0.02 if service == "深度保洁" and inw(ts, CNY_PEAK) else 0)
    )
    if chance(quality_p):
        ticket(p, done + timedelta(hours=R.uniform(1, 30)), "服务质量", oid, ch, mood=1.0)
        mood = max(mood, 1.2)
        if chance(0.6):
            t = done + timedelta(days=R.uniform(1, 4))
            ticket(p, t - timedelta(hours=R.uniform(1, 12)), "售后返工", oid, ch, mood=0.4)
            disp(job, oid, p, t, "rework_done", service, worker=worker)
    if chance(0.008 if CATEGORY[service] != "搬家" else 0.04):
        ticket(p, done + timedelta(hours=R.uniform(1, 48)), "损坏物品", oid, ch, mood=1.2)
        mood = max(mood, 1.3)
    if chance(0.035 if CATEGORY[service] == "上门维修" else 0.008):
        ticket(p, done + timedelta(hours=R.uniform(0.5, 24)), "乱收费", oid, ch, mood=1.0)
        mood = max(mood, 1.0)
    if chance(0.04):
        ticket(p, ts + timedelta(hours=R.uniform(0.5, 20)), "咨询", oid, ch)
    # rating
    if chance(0.55):
        t = done + timedelta(hours=R.uniform(0.2, 36))
        if t < END:
            mean = 4.6 - mood - (0.3 if ch == "douyin" else 0)
            score = max(1, min(5, round(R.gauss(mean, 0.6))))
            good = ["准时", "细致", "专业", "态度好", "干净", "工具齐全"]
            bad = ["迟到", "不细致", "态度差", "乱收费", "损坏物品"]
            tags = R.sample(good if score >= 4 else bad, R.choice([1, 2, 2, 3]))
            where = "美团" if ch == "meituan" else ("App" if p.platform == "App" else "小程序")
            ratings.append((oid, p.mid or "", p.phone, t, score, "|".join(tags), service, where))
    rec["done"] = done
    return oid


def disp(job, oid, p, ts, kind, service, worker="", sched=None, late=None):
    if within(ts):
        dispatch.append(
            (job, oid, p.phone, ts, kind, service, CITY_CODE[p.city], worker, sched, late)
        )


def pay(p, ts, kind, amount, oid=""):
    if within(ts):
        method = "微信支付" if p.platform == "MiniProgram" or chance(0.5) else "支付宝"
        pays.append(
            (f"LS{nxt('pay'):08d}", oid, p.mid or "", p.phone, kind, float(amount), method, ts)
        )


def after_care(p, done, service, ch):
    """What a served customer does next: 次卡, 会员, repeat orders."""
    t = done
    repeat_p = {"douyin": 0.07, "referral": 0.42, "meituan": 0.2, "58": 0.14}.get(ch, 0.33)
    for _ in range(12):
        if t is None or t >= END:
            return
        if (
            CATEGORY[service] == "保洁"
            and p.credits == 0
            and chance(0.1 if ch != "douyin" else 0.02)
        ):
            tb = t + timedelta(hours=R.uniform(1, 72))
            if within(tb):
                login(p, tb, ch)
                n, price = pick([(4, 599.0), (10, 1399.0)], [0.7, 0.3])
                p.credits = n
                p.tier = "次卡用户"
                ev(
                    p,
                    tb - timedelta(minutes=3),
                    "view_package",
                    "app_organic" if p.platform == "App" else "mp_organic",
                )
                pay(p, tb, f"次卡{n}次", price)
        if p.member_until is None and chance(0.045 if ch != "douyin" else 0.01):
            tb = t + timedelta(days=R.uniform(0.1, 10))
            if within(tb):
                login(p, tb, ch)
                p.member_until = tb + timedelta(days=365)
                p.tier = "年度会员"
                pay(p, tb, "会员年费", 199.0)
        if p.credits > 0:
            nt = t + timedelta(days=R.uniform(10, 24))
            svc, pb = "日常保洁", "次卡"
            p.credits -= 1
        elif chance(repeat_p * (1.5 if p.member_until else 1.0)):
            nt = t + timedelta(days=R.uniform(14, 75))
            svc, pb = (
                (
                    service
                    if CATEGORY[service] == "保洁" and chance(0.6)
                    else pick(SERVICES, SERVICE_W)
                ),
                "",
            )
        else:
            return
        if not within(nt):
            return
        # repeat orders come through the own App / 小程序 (logged in)
        if p.ch in ("meituan", "58", "douyin") and chance(0.5) and p.credits == 0 and pb == "":
            rch = p.ch
        else:
            rch = "app" if p.platform == "App" else "mp"
            login(p, nt - timedelta(minutes=10), ch)
            ev(p, nt - timedelta(minutes=R.uniform(4, 9)), "view_service", UTM[rch], svc)
        if rch == "meituan":
            mt_buy(p, nt - timedelta(minutes=R.uniform(10, 600)), svc)
        oid = place_order(p, nt, svc, rch, paid_by=pb)
        rec = orders[-1] if oid else None
        if rch == "meituan" and rec and rec.get("done"):
            mt_redeem(p, rec)
        t = rec.get("done") if rec else None
        service = svc


def mt_buy(p, ts, service):
    if within(ts):
        code = f"{R.randrange(10**11, 10**12)}"
        p.mt_code = code
        p.mt_order = f"MT{nxt('mt'):09d}"
        meituan.append(
            (p.mt_order, code, f"{service}团购套餐", p.city, p.phone, "已购买", ts, service)
        )
        return True
    return False


def mt_redeem(p, rec):
    meituan.append(
        (
            p.mt_order,
            p.mt_code,
            f"{rec['service']}团购套餐",
            p.city,
            p.phone,
            "已核销",
            rec["done"] - timedelta(minutes=R.uniform(1, 20)),
            rec["service"],
        )
    )


def newcomer(d, service, ch, city):
    p = Person(city, ch)
    t = at(d)
    rec = None
    if ch in TRACKED:
        utm = UTM[ch]
        if ch in ("referral", "moments"):
            p.platform = "MiniProgram"
        for i in range(R.choice([1, 1, 2, 3])):
            ev(p, t + timedelta(minutes=i * R.uniform(1, 4)), "view_service", utm, service)
        t += timedelta(minutes=R.uniform(3, 8))
        if CATEGORY[service] == "上门维修":
            if not chance(0.42):
                return p
            login(p, t)
            ev(p, t + timedelta(minutes=1), "book_survey", utm, service)
            st = at(d + timedelta(days=R.choice([0, 1, 1, 2])), [0] * 9 + [2] * 10 + [0] * 5)
            st = max(st, t + timedelta(hours=2))
            if p.city == "杭州" and st < HZ_LAUNCH:
                return p
            job = f"DJ{nxt('job'):07d}"
            disp(
                job,
                "",
                p,
                st,
                "survey_done",
                service,
                worker=f"SF{CITY_CODE[city]}{R.randrange(1, 400):03d}",
            )
            if not chance(0.66):
                return p
            quote = price_of(service, st, city)
            oid = place_order(
                p, st + timedelta(minutes=R.uniform(10, 90)), service, ch, survey=quote
            )
        else:
            if not chance(0.58):
                return p
            ev(p, t, "get_quote", utm, service)
            conv = {
                "深度保洁": 0.24 if t >= PRICE_RISE else 0.5,
                "开荒保洁": 0.35,
                "搬家": 0.33,
            }.get(service, 0.44)
            if ch == "referral":
                conv += 0.12
            if ch == "moments":
                conv -= 0.08
            if not chance(conv):
                if chance(0.25):
                    login(p, t + timedelta(minutes=1))
                return p
            login(p, t + timedelta(minutes=R.uniform(1, 5)))
            ot = (
                t + timedelta(minutes=R.uniform(5, 20))
                if chance(0.75)
                else t + timedelta(days=R.uniform(0.5, 5))
            )
            ev(p, ot - timedelta(minutes=1), "submit_order", utm, service)
            oid = place_order(p, ot, service, ch)
    elif ch == "meituan":
        if not mt_buy(p, t, service):
            return p
        if chance(0.12):
            if chance(0.5):
                meituan.append(
                    (
                        p.mt_order,
                        p.mt_code,
                        f"{service}团购套餐",
                        p.city,
                        p.phone,
                        "已退款",
                        t + timedelta(days=R.uniform(1, 20)),
                        service,
                    )
                )
            return p
        oid = place_order(p, t + timedelta(hours=R.uniform(0.5, 96)), service, ch)
        if oid and orders[-1].get("done"):
            mt_redeem(p, orders[-1])
    elif ch == "58":
        oid = place_order(p, t + timedelta(minutes=R.uniform(10, 120)), service, ch)
    else:  # douyin voucher
        oid = place_order(p, t + timedelta(hours=R.uniform(2, 200)), "日常保洁", ch)
        service = "日常保洁"
    rec = orders[-1] if oid else None
    if rec and rec.get("done"):
        after_care(p, rec["done"], service, ch)
    return p


def existing_member():
    city = pick(CITIES[:4], CITY_W[:4])
    ch = pick(["app", "mp", "meituan", "referral"], [0.35, 0.35, 0.15, 0.15])
    p = Person(city, "app" if ch == "app" else "mp")
    p.ch = ch
    p.platform = "App" if ch == "app" else "MiniProgram"
    p.mid = f"JA{nxt('mem')}"
    p.reg = START - timedelta(days=R.uniform(20, 900))
    p.reg_ch = ch
    p.orders = 1
    members.append(p)
    if chance(0.12):
        p.member_until = START + timedelta(days=R.uniform(10, 300))
        p.tier = "年度会员"
    if chance(0.1):
        p.credits = R.randrange(1, 6)
        p.tier = "次卡用户"
    start = START + timedelta(days=R.uniform(0, 60))
    after_care(p, start, pick(SERVICES, SERVICE_W), p.ch if p.ch != "meituan" else "app")


def simulate():
    for _ in range(900):
        existing_member()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        city_w = list(CITY_W)
        if dt >= HZ_LAUNCH:
            city_w[4] = min(0.14, 0.05 + 0.0015 * (dt - HZ_LAUNCH).days)
        for s, w in zip(SERVICES, SERVICE_W, strict=True):
            lam = 26 * w * season(s, d)
            for _ in range(poisson(lam)):
                city = pick(CITIES, city_w)
                ch = pick(NEW_CH, NEW_CH_W)
                if city == "杭州" and dt < HZ_LAUNCH + timedelta(days=30) and ch == "58":
                    ch = "mp"
                newcomer(d, s, ch, city)
        if inw(dt, DOUYIN):
            for _ in range(poisson(14 if d.weekday() < 5 else 18)):
                newcomer(d, "日常保洁", "douyin", pick(CITIES, city_w))
        if dt >= HZ_LAUNCH and dt < HZ_LAUNCH + timedelta(days=21):
            for _ in range(poisson(5)):  # launch promotion in 杭州
                newcomer(
                    d,
                    pick(SERVICES, SERVICE_W),
                    pick(["mp", "moments", "meituan"], [3, 4, 3]),
                    "杭州",
                )


def spend_rows():
    rows = []
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        hol = 0.3 if inw(dt, CNY_HOLIDAY) else 1.0
        peak = 1.3 if inw(dt, CNY_PEAK) or d.month in (6, 7) else 1.0
        base = {"美团推广通": 3600, "58置顶": 1300, "朋友圈广告": 1700, "抖音投流": 700}
        for ch, amt in base.items():
            rows.append((d, ch, "日常投放", amt * R.uniform(0.85, 1.15) * hol * peak))
        if inw(dt, DOUYIN):
            rows.append((d, "抖音投流", "99元保洁券", R.uniform(9000, 13000)))
        if HZ_LAUNCH <= dt < HZ_LAUNCH + timedelta(days=21):
            rows.append((d, "朋友圈广告", "杭州开城", R.uniform(3000, 4500)))
            rows.append((d, "美团推广通", "杭州开城", R.uniform(1500, 2500)))
    return rows


def write(folder: Path):
    with open(folder / "maidian_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "time",
                "distinct_id",
                "login_id",
                "event",
                "platform",
                "utm_source",
                "service_name",
                "city",
            ]
        )
        for r in sorted(track, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{r[0] - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z", *r[1:]])
    with open(folder / "dingdan.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "dingdan_hao",
                "huiyuan_id",
                "shouji_md5",
                "xiadan_shijian",
                "laiyuan",
                "fuwu_dalei",
                "fuwu_leixing",
                "chengshi",
                "dingdan_jine",
                "dingjin",
                "youhui_leixing",
                "shouci_xiadan",
                "dingdan_zhuangtai",
            ]
        )
        for o in sorted(orders, key=lambda o: (o["ts"], o["oid"])):
            p = o["p"]
            src = LAIYUAN.get(o["ch"]) or ("美团" if chance(0.6) else "点评")
            w.writerow(
                [
                    o["oid"],
                    o["mid"],
                    p.phone,
                    f"{o['ts']:%Y/%m/%d %H:%M:%S}",
                    src,
                    CATEGORY[o["service"]],
                    o["service"],
                    p.city,
                    f"{o['total']:.2f}",
                    f"{o['deposit']:.2f}",
                    o["discount"],
                    o["first"],
                    o["status"],
                ]
            )
    with open(folder / "zhifu_liushui.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "liushui_hao",
                "dingdan_hao",
                "huiyuan_id",
                "shouji_md5",
                "jiaoyi_leixing",
                "jine",
                "zhifu_fangshi",
                "jiaoyi_shijian",
            ]
        )
        for r in sorted(pays, key=lambda r: (r[7], r[0])):
            w.writerow([*r[:5], f"{r[5]:.2f}", r[6], f"{r[7]:%Y%m%d%H%M%S}"])
    with open(folder / "huiyuan.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "huiyuan_id",
                "shouji_md5",
                "zhuce_riqi",
                "changzhu_chengshi",
                "zhuce_qudao",
                "huiyuan_dengji",
            ]
        )
        reg_names = {
            "app": "APP",
            "mp": "小程序",
            "referral": "老带新",
            "moments": "朋友圈广告",
            "meituan": "美团",
            "58": "58同城",
            "douyin": "抖音",
        }
        for p in sorted(members, key=lambda p: p.mid):
            if p.reg < END:
                w.writerow(
                    [p.mid, p.phone, f"{p.reg:%Y-%m-%d}", p.city, reg_names[p.reg_ch], p.tier]
                )
    with open(folder / "pingjia.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "dingdan_hao",
                "huiyuan_id",
                "shouji_md5",
                "pingjia_shijian",
                "pingfen",
                "biaoqian",
                "fuwu_leixing",
                "pingjia_qudao",
            ]
        )
        for r in sorted(ratings, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5], r[6], r[7]])
    with open(folder / "meituan_hexiao.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "美团订单号",
                "券码",
                "团购名称",
                "城市",
                "用户手机号(MD5)",
                "券状态",
                "操作时间",
                "服务项目",
            ]
        )
        for r in sorted(meituan, key=lambda r: (r[6], r[0], r[5])):
            if within(r[6]):
                w.writerow([*r[:6], f"{r[6]:%Y-%m-%d %H:%M}", r[7]])
    with open(folder / "kefu_tickets.jsonl", "w") as f:
        for r in sorted(tickets, key=lambda r: r[0]):
            obj = {
                "ticket_no": r[0],
                "member_no": r[1] or None,
                "phone_md5": r[2],
                "created": f"{r[3]:%Y-%m-%dT%H:%M:%S}+08:00",
                "first_reply": f"{r[4]:%Y-%m-%dT%H:%M:%S}+08:00",
                "closed": f"{r[5]:%Y-%m-%dT%H:%M:%S}+08:00" if r[5] else None,
                "type": r[6],
                "source": r[7],
                "is_complaint": "是" if r[8] else "否",
                "satisfaction": r[9] if r[9] != "" else None,
                "order_no": r[10],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "tuiguang_feiyong.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["日期", "渠道", "活动", "花费(元)"])
        for d, ch, camp, amt in spend_rows():
            w.writerow([f"{d:%Y/%m/%d}", ch, camp, f"{amt:.2f}"])
    write_dispatch(folder / "dispatch_events.parquet")


def write_dispatch(path: Path):
    """The dispatch system's export: Parquet, event_time = unix-epoch seconds (UTC timestamp)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = sorted(dispatch, key=lambda r: (r[3], r[0], r[4]))

    def epoch(ts):  # naive Shanghai local -> unix seconds
        return int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds())

    table = pa.table(
        {
            "job_id": [r[0] for r in rows],
            "order_no": [r[1] or None for r in rows],
            "customer_phone_md5": [r[2] for r in rows],
            "event_time": pa.array([epoch(r[3]) for r in rows], pa.int64()).cast(
                pa.timestamp("s", tz="UTC")
            ),
            "event_type": [r[4] for r in rows],
            "service_item": [r[5] for r in rows],
            "city_code": [r[6] for r in rows],
            "worker_id": [r[7] or None for r in rows],
            "scheduled_time": pa.array([epoch(r[8]) if r[8] else None for r in rows], pa.int64()),
            "late_minutes": pa.array([r[9] for r in rows], pa.int32()),
        }
    )
    pq.write_table(table, path)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="homefix-src-") as tmp:
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
