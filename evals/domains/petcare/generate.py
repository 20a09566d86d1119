"""Pet-care evaluation domain: 毛孩子宠物 (Maohaizi Pets), 14 pet hospitals / grooming salons in
成都, 重庆 and 西安.

    python generate.py OUT.duckdb

Writes the chain's own exports (seeded: the same files on every run) into a temporary folder —

  会员档案.csv                 HIS member master (GB18030): 会员编号, 手机号MD5, 微信openid, 宠物类型 …
  HIS业务流水.csv              HIS counter log (GB18030): 预约/到店签到/完成就诊/完成洗护/支付/充值/
                              购买健康计划/取消预约/爽约, 金额(元), 订单来源, 平台佣金(元)
  美团点评_门店行为.csv         美团/大众点评 merchant back-office export (门店ID codes, 行为 in Chinese)
  douyin_life/*.jsonl          抖音来客 (local-life) export, UTC times with Z, English keys
  mp_tracking.csv              WeChat mini-program SDK (store_view, coupon_claim, book_submit,
                              booking_cancel, mp_share, coupon_redeem)
  提醒发送记录.csv              SCRM: vaccine reminders sent (短信 / 企业微信)
  投诉工单.csv                  complaint / service tickets
  回访NPS.csv                  post-visit NPS survey
  渠道费用月报.csv              monthly marketing spend per 渠道 × 项目

— copies `ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.
Standard library + duckdb only. Planted stories: see description.md.
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
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261125
START = datetime(2025, 11, 25)
END = datetime(2026, 11, 25)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days

MT_DROP = datetime(2026, 9, 1)          # 美团点评 免确认预约: show-up collapse
DY_CAMPAIGN = (datetime(2026, 7, 1), datetime(2026, 8, 1))  # 抖音 9.9元洗护体验券
CQ_SLOW = datetime(2026, 6, 1)           # 重庆 complaint handling slows down
QUJIANG_OPEN = datetime(2026, 4, 18)     # 西安曲江店 opens
WECOM_FROM = datetime(2026, 5, 1)        # reminders move to 企业微信 for bound members
D11 = (datetime(2026, 11, 1), datetime(2026, 11, 12))  # 双十一 充值 bonus

# store code, name, city, area
STORES = [
    ("CD01", "春熙路店", "成都", "城区"), ("CD02", "玉林店", "成都", "城区"), ("CD03", "高新店", "成都", "城区"),
    ("CD04", "双流店", "成都", "郊区"), ("CD05", "温江店", "成都", "郊区"), ("CD06", "郫都店", "成都", "郊区"),
    ("CQ01", "解放碑店", "重庆", "城区"), ("CQ02", "观音桥店", "重庆", "城区"), ("CQ03", "南坪店", "重庆", "城区"),
    ("CQ04", "北碚店", "重庆", "郊区"),
    ("XA01", "小寨店", "西安", "城区"), ("XA02", "高新路店", "西安", "城区"), ("XA03", "长安店", "西安", "郊区"),
    ("XA04", "曲江店", "西安", "城区"),
]
STORE_BY_CITY = {c: [s for s in STORES if s[2] == c] for c in ("成都", "重庆", "西安")}
CITY_W = {"成都": 0.48, "重庆": 0.30, "西安": 0.22}

SRC = ["美团点评", "抖音", "小程序", "自然到店", "老客推荐"]
SRC_W = [0.36, 0.20, 0.16, 0.18, 0.10]
HIS_SRC = {"美团点评": "MT", "抖音": "DY", "小程序": "MP", "电话": "TEL", "到店": "WALKIN"}
SRC_CODE = {"美团点评": "MT", "抖音": "DY", "小程序": "MP", "自然到店": "WALKIN", "老客推荐": "REF"}

R = random.Random(SEED)


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def within(ts: datetime) -> bool:
    return START <= ts < END


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def day_time(d: datetime, lo: int = 9, hi: int = 21) -> datetime:
    return datetime(d.year, d.month, d.day, R.randint(lo, hi - 1), R.randrange(60), R.randrange(60))


def store_open(store, ts: datetime) -> bool:
    return store[0] != "XA04" or ts >= QUJIANG_OPEN


# ----------------------------------------------------------------------------------------------
his_rows: list[tuple] = []      # (流水号, 会员编号, ts, 事件, 门店, 项目, 金额, 订单来源, 佣金, 支付方式)
mt_rows: list[tuple] = []       # (ts, mt_uid, phone_md5, 行为, 门店ID, 券批次)
dy_rows: list[dict] = []
mp_rows: list[tuple] = []       # (ts, openid, member_no, event, store_code, coupon_batch, coupon_value)
remind_rows: list[tuple] = []   # (会员编号, ts, 渠道)
ticket_rows: list[tuple] = []
nps_rows: list[tuple] = []
members: list["Person"] = []
_seq = {"his": 0, "tk": 0, "mem": 0}


def nxt(k: str) -> int:
    _seq[k] += 1
    return _seq[k]


class Person:
    def __init__(self, idx: int, source: str, city: str):
        self.idx = idx
        self.source = source
        self.city = city
        stores = [s for s in STORE_BY_CITY[city] if s[0] != "XA04"]
        self.store = R.choice(stores)
        self.phone = md5(f"13{idx:09d}")
        self.mt_uid = f"mt{10_000_000 + idx * 7}" if source == "美团点评" or chance(0.25) else None
        self.dy_oid = ("_000" + md5(f"dy{idx}")[:20]) if source == "抖音" or chance(0.1) else None
        self.openid = ("oMHZ" + md5(f"wx{idx}")[:24]) if source in ("小程序", "老客推荐") or chance(0.45) else None
        self.member_no = None
        self.joined = None
        self.pet = pick(["猫", "狗", "异宠"], [0.46, 0.48, 0.06])
        self.age = pick(["幼年", "成年", "老年"], [0.22, 0.58, 0.20])
        self.pets = 2 if chance(0.12) else 1
        self.tier = "普通"
        self.spent = 0.0
        self.wecom = chance(0.6)
        self.plan = False
        self.vacc_month = pick(list(range(1, 13)), [2, 3, 9, 10, 9, 6, 5, 4, 4, 4, 3, 3])
        self.last_visit = None


def join(p: Person, ts: datetime) -> None:
    if p.member_no is None:
        p.member_no = f"MH{nxt('mem'):06d}"
        p.joined = ts
        members.append(p)


# -- the systems --------------------------------------------------------------------------------
def his(p, ts, event, store, item="", amount=None, src="", fee=None, pay="") -> None:
    if not within(ts):
        return
    no = f"LS{ts:%y%m%d}{nxt('his'):06d}"
    his_rows.append((no, p.member_no, ts, event, store[1], item,
                     "" if amount is None else f"{amount:.2f}", src,
                     "" if fee is None else f"{fee:.2f}", pay))


def mt(p, ts, what, store, batch="") -> None:
    if within(ts):
        mt_rows.append((ts, p.mt_uid, p.phone if what == "预约" else "", what, store[0], batch))


def dy(p, ts, what, store, batch="") -> None:
    if within(ts):
        dy_rows.append({"open_id": p.dy_oid, "event_type": what, "poi_name": f"毛孩子宠物({store[1]})",
                        "activity": batch, "mobile_md5": p.phone if what == "book" else None, "ts": ts})


def mp(p, ts, what, store, batch="", value="") -> None:
    if within(ts):
        mp_rows.append((ts, p.openid, p.member_no if (p.member_no and p.joined <= ts) else "", what,
                        store[0], batch, value))


def browse(p, ch, store, before: datetime) -> None:
    for _ in range(R.choice([1, 1, 2, 3])):
        ts = before - timedelta(minutes=R.uniform(3, 60 * 30))
        if ch == "美团点评":
            mt(p, ts, "浏览门店", store)
        elif ch == "抖音":
            dy(p, ts, "poi_view", store)
        elif ch == "小程序":
            mp(p, ts, "store_view", store)


ITEMS_MED = {  # item: (price lo, hi)
    "猫三联疫苗": (98, 128), "犬八联疫苗": (108, 158), "狂犬疫苗": (60, 80), "体内外驱虫": (68, 168),
    "常规体检": (299, 499), "内科诊疗": (180, 860), "皮肤科": (150, 520), "绝育手术": (800, 1680),
    "齿科洁牙": (680, 1280),
}
ITEMS_GROOM = {"洗澡": (78, 168), "美容造型": (228, 468), "药浴": (128, 238), "SPA护理": (198, 328)}


def med_item(p: Person, kind: str, ts: datetime) -> str:
    if kind == "vaccine":
        return pick(["猫三联疫苗", "犬八联疫苗", "狂犬疫苗"], [1, 0, 0.5] if p.pet == "猫" else [0, 1, 0.6] if p.pet == "狗" else [0.3, 0.3, 0.4])
    spring = ts.month in (3, 4, 5)
    w = {"体内外驱虫": 3.0 if spring else 1.0, "常规体检": 1.2, "内科诊疗": 1.6 + (1.2 if p.age == "老年" else 0),
         "皮肤科": 1.0 + (0.8 if ts.month in (6, 7, 8) else 0), "绝育手术": 0.5 if p.age == "幼年" else 0.15,
         "齿科洁牙": 0.3 + (0.4 if p.age == "老年" else 0)}
    return pick(list(w), list(w.values()))


def price(item: str, p: Person) -> float:
    lo, hi = {**ITEMS_MED, **ITEMS_GROOM}[item]
    v = R.uniform(lo, hi)
    if p.age == "老年" and item in ITEMS_MED:
        v *= 1.35
    if item in ITEMS_GROOM and p.pet == "狗":
        v *= 1.2
    return round(v, 0) - (0.0 if chance(0.7) else 0.1)


def visit(p: Person, t0: datetime, kind: str, ch: str, first: bool = False) -> bool:
    """One visit intent at t0: (browse) → 预约 → 到店签到 → 完成 → 支付 (+ coupon, upsell, NPS, ticket)."""
    store = p.store
    if not store_open(store, t0 - timedelta(days=2)):
        store = STORES[12]  # 长安店 until 曲江店 opens
    if not within(t0):
        return False
    if ch == "自然到店" or (not first and ch == "到店" ):
        ch = "到店"
    # channel identity availability
    if ch == "美团点评" and p.mt_uid is None:
        ch = "到店"
    if ch == "抖音" and p.dy_oid is None:
        ch = "到店"
    if ch == "小程序" and p.openid is None:
        ch = "电话"
    grooming = kind == "groom"
    coupon = None
    dy_promo = ch == "抖音" and grooming and inw(t0, DY_CAMPAIGN)
    if ch in ("美团点评", "抖音", "小程序"):
        browse(p, ch, store, t0)
        if chance(0.35 if not dy_promo else 0.9):
            batch = {"美团点评": "MT新客立减30", "抖音": "DY洗护团购", "小程序": "小程序会员券"}[ch]
            if dy_promo:
                batch = "9.9元洗护体验券"
            elif ch == "小程序" and inw(t0, D11):
                batch = "双十一充值节"
            tc = t0 - timedelta(minutes=R.uniform(1, 50))
            {"美团点评": lambda: mt(p, tc, "领取优惠券", store, batch),
             "抖音": lambda: dy(p, tc, "coupon_buy", store, batch),
             "小程序": lambda: mp(p, tc, "coupon_claim", store, batch)}[ch]()
            coupon = batch
    if first:
        join(p, t0)
    # walk-ins have no booking
    if ch == "到店":
        t_arr = t0
        booked = False
    else:
        booked = True
        if ch == "美团点评":
            mt(p, t0, "预约", store)
        elif ch == "抖音":
            dy(p, t0, "book", store)
        elif ch == "小程序":
            mp(p, t0, "book_submit", store)
        else:  # 电话 booking entered at the counter
            his(p, t0, "预约", store, src="TEL")
        t_arr = day_time(t0 + timedelta(days=R.choice([0, 1, 1, 2, 2, 3, 4, 6])))
        if t_arr <= t0:
            t_arr = t0 + timedelta(hours=R.uniform(1, 4))
        show = {"美团点评": 0.82, "抖音": 0.74, "小程序": 0.9, "电话": 0.88}[ch]
        if ch == "美团点评" and t0 >= MT_DROP:
            show = 0.42
        if dy_promo:
            show = 0.3
        if not chance(show):
            if chance(0.45):  # cancels before, else no-show recorded by the counter
                tcx = t0 + (t_arr - t0) * R.uniform(0.2, 0.9)
                if ch == "小程序":
                    mp(p, tcx, "booking_cancel", store)
                else:
                    his(p, tcx, "取消预约", store, src=HIS_SRC[ch])
            else:
                his(p, t_arr + timedelta(minutes=30), "爽约", store, src=HIS_SRC[ch])
            return False
    if not within(t_arr):
        return False
    his(p, t_arr, "到店签到", store, src=HIS_SRC[ch])
    item = R.choice(list(ITEMS_GROOM)) if grooming else med_item(p, kind, t_arr)
    if grooming and p.pet == "猫" and chance(0.5):
        item = "洗澡"
    dur = R.uniform(0.5, 2.5) if item not in ("绝育手术", "齿科洁牙") else R.uniform(2, 5)
    wait_extra = R.uniform(0.3, 1.5) if chance(0.1) else 0
    t_done = t_arr + timedelta(hours=dur + wait_extra)
    his(p, t_done, "完成洗护" if grooming else "完成就诊", store, item=item)
    amount = price(item, p)
    if dy_promo and coupon:
        amount = 9.9
    fee = None
    src = HIS_SRC[ch]
    if src == "MT":
        fee = round(amount * 0.08, 2)
    elif src == "DY":
        fee = round(amount * 0.06, 2)
    t_pay = t_done + timedelta(minutes=R.uniform(2, 15))
    pay = "储值卡" if getattr(p, "card", 0) > amount else pick(["微信", "支付宝", "银联"], [0.7, 0.22, 0.08])
    if pay == "储值卡":
        p.card -= amount
    his(p, t_pay, "支付", store, item=item, amount=amount, src=src, fee=fee, pay=pay)
    p.spent += amount
    if coupon and within(t_pay):
        value = {"MT新客立减30": 30, "DY洗护团购": 40, "小程序会员券": 20, "双十一充值节": 50,
                 "9.9元洗护体验券": 0}[coupon]
        if coupon == "9.9元洗护体验券":
            value = round(price(item, p) - 9.9, 2)
        if p.openid is None:
            p.openid = "oMHZ" + md5(f"wx{p.idx}")[:24]
        mp(p, t_pay + timedelta(seconds=20), "coupon_redeem", store, coupon, f"{value:.2f}")
    p.last_visit = t_pay
    if p.openid and chance(0.06):
        mp(p, t_pay + timedelta(hours=R.uniform(1, 30)), "mp_share", store)
    # upsell: stored-value card after grooming, health plan after a checkup/vaccine
    if grooming:
        pr = 0.1 + (0.05 if p.tier != "普通" else 0)
        d11 = inw(t_pay, D11)
        if d11:
            pr = 0.45
        if chance(pr):
            t_r = t_pay + timedelta(minutes=R.uniform(3, 20)) if chance(0.6) else t_pay + timedelta(days=R.uniform(1, 29))
            if inw(t_r, D11) or d11:
                amt = pick([1000, 2000, 3000], [0.5, 0.35, 0.15])
            else:
                amt = pick([500, 1000, 2000], [0.5, 0.4, 0.1])
            his(p, t_r, "充值", store, amount=float(amt), src="", pay=pick(["微信", "支付宝"], [0.75, 0.25]))
            p.card = getattr(p, "card", 0) + amt * (1.2 if inw(t_r, D11) else 1.1)
    elif not p.plan and item in ("常规体检", "猫三联疫苗", "犬八联疫苗") and chance(0.09):
        p.plan = True
        amt = 1280.0 if p.pet != "狗" else 1580.0
        if p.age == "老年":
            amt = 1980.0
        his(p, t_pay + timedelta(minutes=R.uniform(2, 15)), "购买健康计划", store, item="年度健康计划", amount=amt,
            src="", pay="微信")
    # service
    if chance(0.22):
        nps(p, t_pay, "就诊" if not grooming else "洗护", store, wait_extra)
    if chance(0.045 + (0.06 if wait_extra else 0)):
        ticket(p, t_pay, store, grooming, wait_extra)
    tier_update(p)
    return True


def tier_update(p: Person) -> None:
    if p.spent >= 3000:
        p.tier = "金卡"
    elif p.spent >= 1000:
        p.tier = "银卡"


def nps(p, t_pay, scene, store, wait) -> None:
    ts = t_pay + timedelta(hours=R.uniform(2, 60))
    if not within(ts):
        return
    mean = 8.2 if scene == "就诊" else 7.9
    if wait:
        mean -= 2.5
    if store[2] == "重庆" and ts >= CQ_SLOW:
        mean -= 0.6
    s = max(0, min(10, round(R.gauss(mean, 1.7))))
    comment = ""
    if chance(0.35):
        pool = (["医生很专业", "美容师很耐心", "环境干净", "猫咪不紧张"] if s >= 9 else ["还行", "价格偏高", "停车不方便"]
                if s >= 7 else ["等待太久", "收费不透明", "洗得不干净", "态度一般"])
        comment = R.choice(pool)
    nps_rows.append((p.member_no, ts, scene, s, comment, store[1]))


def ticket(p, t_pay, store, grooming, wait) -> None:
    opened = t_pay + timedelta(hours=R.uniform(1, 72))
    if not within(opened):
        return
    if wait:
        cat = "等待太久"
    else:
        cat = pick(["洗护不满意", "收费争议", "医疗纠纷", "预约咨询", "改约退款"],
                   [0.45, 0.2, 0.05, 0.2, 0.1] if grooming else [0.05, 0.3, 0.25, 0.25, 0.15])
    complaint = cat in ("洗护不满意", "等待太久", "收费争议", "医疗纠纷")
    ch = pick(["400热线", "美团评价", "小程序客服", "门店前台"], [0.35, 0.25, 0.25, 0.15])
    frt_h = {"400热线": 0.3, "美团评价": 4.0, "小程序客服": 1.0, "门店前台": 0.1}[ch] * math.exp(R.gauss(0, 0.6))
    res_h = {"医疗纠纷": 60.0, "收费争议": 20.0}.get(cat, 12.0) * math.exp(R.gauss(0, 0.6))
    slow = store[2] == "重庆" and opened >= CQ_SLOW
    if slow:
        frt_h *= 2.2
        res_h *= 2.2
    first = opened + timedelta(hours=frt_h)
    resolved = opened + timedelta(hours=max(frt_h + 0.2, res_h))
    if resolved >= END or chance(0.02):
        resolved = None
    sat = ""
    if resolved is not None and chance(0.6):
        base = {"医疗纠纷": 2.4, "收费争议": 3.0, "等待太久": 3.0, "洗护不满意": 3.1}.get(cat, 4.3) - (0.8 if slow else 0)
        sat = str(max(1, min(5, round(R.gauss(base, 0.9)))))
    tid = f"TS{opened:%Y%m%d}{nxt('tk'):04d}"
    ticket_rows.append((tid, p.member_no, store[1], store[2], ch, cat, "是" if complaint else "否",
                        opened, first, resolved, sat))


# -- the lives of the owners -------------------------------------------------------------------
def season(d: datetime, kind: str) -> float:
    m = d.month
    if kind == "groom":
        return {6: 1.6, 7: 1.8, 8: 1.7, 9: 1.2, 1: 0.8, 2: 0.7, 12: 0.8}.get(m, 1.0)
    return {3: 1.5, 4: 1.7, 5: 1.4, 1: 0.8, 2: 0.7}.get(m, 1.0)


def rebook_channel(p: Person) -> str:
    if p.source == "抖音":
        return pick(["抖音", "小程序", "电话", "到店"], [0.45, 0.2, 0.2, 0.15])
    if p.source == "美团点评":
        return pick(["美团点评", "小程序", "电话", "到店"], [0.55, 0.2, 0.15, 0.1])
    return pick(["小程序", "电话", "到店", "美团点评"], [0.5, 0.25, 0.15, 0.1])


def life(p: Person, t_first: datetime | None) -> None:
    """First visit at t_first (new owners), then repeat visits and reminders until the end."""
    groom_owner = p.pet in ("狗", "猫") and chance(0.55 if p.pet == "狗" else 0.4)
    if t_first is not None:
        kind = "groom" if groom_owner and chance(0.6) else ("vaccine" if p.age == "幼年" or chance(0.3) else "med")
        ch = p.source if p.source != "老客推荐" else pick(["小程序", "电话"], [0.6, 0.4])
        if not visit(p, t_first, kind, ch, first=True):
            # a failed first booking: maybe they try again soon
            if chance(0.4):
                visit(p, t_first + timedelta(days=R.uniform(3, 20)), kind, rebook_channel(p), first=True)
        if p.member_no is None:
            return
        t = t_first
        if p.age == "幼年" and kind == "vaccine":  # the vaccine series: 2 more shots 3–4 weeks apart
            for _ in range(2):
                t = t + timedelta(days=R.uniform(21, 30))
                if chance(0.85):
                    visit(p, t, "vaccine", rebook_channel(p))
    else:
        t = START - timedelta(days=R.uniform(0, 60))
    # loyalty: how likely the owner is to keep coming back
    loyal = {"美团点评": 0.75, "抖音": 0.45, "小程序": 0.9, "自然到店": 0.8, "老客推荐": 0.92}[p.source]
    if t_first is None:
        loyal = 0.9
    if not chance(loyal):
        return
    gap_g = R.uniform(35, 80) if p.pet == "狗" else R.uniform(60, 120)
    gap_m = R.uniform(70, 200) if p.age != "老年" else R.uniform(45, 110)
    tg = t + timedelta(days=R.uniform(5, gap_g)) if groom_owner else None
    tm = t + timedelta(days=R.uniform(10, gap_m))
    while True:
        nxt_t = min([x for x in (tg, tm) if x is not None])
        if nxt_t >= END:
            break
        kind = "groom" if tg is not None and nxt_t == tg else "med"
        if chance(min(0.95, season(nxt_t, kind) * 0.6)):
            if p.store[0] == "XA03" and nxt_t >= QUJIANG_OPEN and chance(0.3):
                p.store = STORES[-1]  # some 长安 owners move to the new 曲江店
            visit(p, nxt_t, kind, rebook_channel(p))
        if kind == "groom":
            tg = nxt_t + timedelta(days=gap_g * R.uniform(0.7, 1.3))
        else:
            tm = nxt_t + timedelta(days=gap_m * R.uniform(0.7, 1.3))
        if chance(0.06):  # churn
            break


def reminders(p: Person) -> None:
    """Annual vaccine reminder 7 days before the due month; books within 14 days or not."""
    if p.member_no is None or p.pet == "异宠":
        return
    for year in (2025, 2026):
        due = datetime(year, p.vacc_month, R.randint(1, 28), 10, 0)
        ts = due - timedelta(days=7)
        ts = datetime(ts.year, ts.month, ts.day, 10, R.randrange(60), R.randrange(60))
        if not within(ts) or ts < p.joined + timedelta(days=60):
            continue
        ch = "企业微信" if p.wecom and ts >= WECOM_FROM else "短信"
        remind_rows.append((p.member_no, ts, ch))
        if chance(0.4 if ch == "企业微信" else 0.2):
            visit(p, ts + timedelta(days=R.uniform(0.05, 12)), "vaccine", pick(["小程序", "电话"], [0.65, 0.35]))


def anonymous(idx: int, d: datetime) -> None:
    """A platform browser who never booked: a person with browsing and coupon claims only."""
    ch = pick(["美团点评", "抖音", "小程序"], [0.5, 0.35, 0.15])
    p = Person(idx, ch, pick(list(CITY_W), list(CITY_W.values())))
    if ch == "美团点评":
        p.mt_uid = p.mt_uid or f"mt{10_000_000 + idx * 7}"
    elif ch == "抖音":
        p.dy_oid = p.dy_oid or "_000" + md5(f"dy{idx}")[:20]
    else:
        p.openid = p.openid or "oMHZ" + md5(f"wx{idx}")[:24]
    t = day_time(d, 8, 23)
    browse(p, ch, p.store, t)
    promo = ch == "抖音" and inw(t, DY_CAMPAIGN)
    if chance(0.2 if not promo else 0.85):
        batch = {"美团点评": "MT新客立减30", "抖音": "9.9元洗护体验券" if promo else "DY洗护团购", "小程序": "小程序会员券"}[ch]
        {"美团点评": lambda: mt(p, t, "领取优惠券", p.store, batch),
         "抖音": lambda: dy(p, t, "coupon_buy", p.store, batch),
         "小程序": lambda: mp(p, t, "coupon_claim", p.store, batch)}[ch]()


def simulate() -> None:
    idx = 0
    for _ in range(1500):  # members from before the data starts
        idx += 1
        p = Person(idx, pick(SRC, SRC_W), pick(list(CITY_W), list(CITY_W.values())))
        join(p, START - timedelta(days=R.uniform(30, 900)))
        p.spent = R.uniform(0, 5000)
        tier_update(p)
        life(p, None)
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        w = (1.35 if d.month in (3, 4, 5) else 1.2 if d.month in (6, 7, 8) else 0.8 if d.month in (1, 2) else 1.0)
        for _ in range(poisson(8.0 * w)):
            idx += 1
            src = pick(SRC, SRC_W)
            if inw(d, DY_CAMPAIGN) and chance(0.3):
                src = "抖音"
            p = Person(idx, src, pick(list(CITY_W), list(CITY_W.values())))
            if d.month in (3, 4, 5) and chance(0.3):
                p.age = "幼年"
            if p.city == "西安" and d >= QUJIANG_OPEN and chance(0.35):
                p.store = STORES[-1]
            life(p, day_time(d, 8, 22))
        lam = 6.0 * (3.5 if inw(d, DY_CAMPAIGN) else 1.0)
        for _ in range(poisson(lam)):
            idx += 1
            anonymous(idx, d)
    for p in list(members):
        reminders(p)


# -- writing the exports ------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    with open(folder / "会员档案.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["会员编号", "手机号MD5", "微信openid", "宠物类型", "宠物年龄段", "宠物数量", "会员等级", "城市",
                    "首次来源", "建档时间"])
        for p in sorted(members, key=lambda p: p.member_no):
            w.writerow([p.member_no, p.phone, p.openid or "", p.pet, p.age, p.pets, p.tier, p.city,
                        SRC_CODE[p.source], f"{p.joined:%Y/%m/%d %H:%M}"])

    with open(folder / "HIS业务流水.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["流水号", "会员编号", "发生时间", "事件", "门店", "区域", "服务项目", "金额(元)", "订单来源",
                    "平台佣金(元)", "支付方式"])
        area = {s[1]: s[3] for s in STORES}
        rows = sorted(his_rows, key=lambda r: (r[2], r[0]))
        bad = False
        for i, (no, mem, ts, ev, store, item, amt, src, fee, pay) in enumerate(rows):
            row = [no, mem, f"{ts:%Y/%m/%d %H:%M:%S}", ev, store, area[store], item, amt, src, fee, pay]
            w.writerow(row)
            if i == 3000:  # the export repeats a row
                w.writerow(row)
            if i >= 5000 and amt and not bad:  # a payment waiting for the cashier's confirmation
                bad = True
                w.writerow([no + "X", mem, f"{ts:%Y/%m/%d %H:%M:%S}", ev, store, area[store], item, "待收", src, fee, pay])

    with open(folder / "美团点评_门店行为.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["行为时间", "美团用户ID", "手机号MD5", "行为", "门店ID", "券批次"])
        for ts, uid, ph, what, sid, batch in sorted(mt_rows, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{ts:%Y-%m-%d %H:%M}", uid, ph, what, sid, batch])

    dyd = folder / "douyin_life"
    dyd.mkdir()
    by_q: dict[str, list] = {}
    for r in sorted(dy_rows, key=lambda r: (r["ts"], r["open_id"], r["event_type"])):
        by_q.setdefault(f"{r['ts'].year}Q{(r['ts'].month - 1) // 3 + 1}", []).append(r)
    for q, rows in by_q.items():
        with open(dyd / f"laike_{q}.jsonl", "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                utc = r["ts"] - timedelta(hours=8)
                obj = {"open_id": r["open_id"], "event_type": r["event_type"], "poi_name": r["poi_name"],
                       "activity": r["activity"], "mobile_md5": r["mobile_md5"],
                       "event_time": f"{utc:%Y-%m-%dT%H:%M:%S}Z"}
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
                if q == "2026Q3" and i == 100:
                    f.write('{"open_id": "_000broken", "event_type": "poi_vi\n')

    with open(folder / "mp_tracking.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["event_time", "openid", "member_no", "event", "store_code", "coupon_batch", "coupon_value"])
        for ts, oid, mem, ev, sc, batch, val in sorted(mp_rows, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{ts:%Y-%m-%dT%H:%M:%S}", oid, mem, ev, sc, batch, val])

    with open(folder / "提醒发送记录.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["会员编号", "发送时间", "提醒类型", "发送渠道"])
        for mem, ts, ch in sorted(remind_rows, key=lambda r: (r[1], r[0])):
            w.writerow([mem, f"{ts:%Y-%m-%d %H:%M:%S}", "疫苗到期", ch])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "投诉工单.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["工单编号", "会员编号", "门店", "城市", "受理渠道", "问题分类", "是否投诉", "受理时间", "首次回复时间",
                    "办结时间", "满意度"])
        for tid, mem, store, city, ch, cat, comp, o, fr, rs, sat in sorted(ticket_rows, key=lambda r: r[0]):
            w.writerow([tid, mem, store, city, ch, cat, comp, fmt(o), fmt(fr), fmt(rs), sat])

    with open(folder / "回访NPS.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["会员编号", "回访时间", "服务类型", "推荐意愿(0-10)", "客户评价", "门店"])
        for mem, ts, scene, s, c, store in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([mem, f"{ts:%Y-%m-%d %H:%M:%S}", scene, s, c, store])

    with open(folder / "渠道费用月报.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "项目", "费用(元)"])
        m = datetime(START.year, START.month, 1)
        while m < END:
            w.writerow([f"{m.year}年{m.month:02d}月", "美团点评", "推广通", f"{R.uniform(26000, 34000):.2f}"])
            w.writerow([f"{m.year}年{m.month:02d}月", "抖音", "本地推", f"{R.uniform(15000, 22000):.2f}"])
            w.writerow([f"{m.year}年{m.month:02d}月", "小程序", "社群运营", f"{R.uniform(4000, 6000):.2f}"])
            if m.month in (3, 4):
                w.writerow([f"{m.year}年{m.month:02d}月", "小程序", "春季驱虫季", f"{R.uniform(8000, 10000):.2f}"])
            if m == datetime(2026, 7, 1):
                w.writerow([f"{m.year}年{m.month:02d}月", "抖音", "9.9元洗护体验券", "68000.00"])
            if m == datetime(2026, 11, 1):
                w.writerow([f"{m.year}年{m.month:02d}月", "小程序", "双十一充值节", "12000.00"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="petcare-src-") as tmp:
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
