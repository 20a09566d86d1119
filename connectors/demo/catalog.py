"""The vocabulary of the demo retailer: channels, touchpoints, places, tiers, campaigns.

Every categorical value is stored as a small integer code while generating (the index into one of
these tuples) and turned into its label by DuckDB when the final tables are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
SmallArray = npt.NDArray[np.int8]
BoolArray = npt.NDArray[np.bool_]

TIMEZONE = "Asia/Shanghai"
GENERATOR_VERSION = "1"


class Ch(IntEnum):
    """Channels: where an event happened."""

    WEBSITE = 0
    APP = 1
    WECHAT_OA = 2
    MINI_PROGRAM = 3
    MARKETPLACE = 4
    STORE = 5
    SERVICE = 6
    PAID_ADS = 7
    EMAIL_SMS = 8


CHANNELS: tuple[str, ...] = (
    "website",
    "app",
    "wechat_oa",
    "mini_program",
    "marketplace",
    "store",
    "service",
    "paid_ads",
    "email_sms",
)
CHANNEL_NAMES: dict[str, tuple[str, str]] = {
    "website": ("official website", "官网"),
    "app": ("mobile app", "App"),
    "wechat_oa": ("WeChat official account", "微信公众号"),
    "mini_program": ("WeChat mini program", "微信小程序"),
    "marketplace": ("e-commerce marketplace store", "电商平台旗舰店"),
    "store": ("offline stores", "线下门店"),
    "service": ("customer service (hotline, chat)", "客服（热线、在线）"),
    "paid_ads": ("paid advertising", "付费广告"),
    "email_sms": ("email and SMS", "邮件和短信"),
}


class Tp(IntEnum):
    """Touchpoints: what happened."""

    AD_CLICK = 0
    WECHAT_ARTICLE = 1
    EMAIL_CLICK = 2
    LANDING_PAGE = 3
    HOME_PAGE = 4
    SEARCH = 5
    PRODUCT_PAGE = 6
    ADD_TO_CART = 7
    COUPON_CLAIM = 8
    CHECKOUT = 9
    PAYMENT = 10
    STORE_VISIT = 11
    SERVICE_CHAT = 12
    HOTLINE_CALL = 13
    AFTER_SALES = 14
    REVIEW = 15
    MEMBER_SIGNUP = 16
    SHARE = 17


@dataclass(frozen=True)
class TouchpointInfo:
    id: str
    stage: str
    title_en: str
    title_zh: str
    channels: str  # where it happens, for the docs


TOUCHPOINTS: tuple[TouchpointInfo, ...] = (
    TouchpointInfo("ad_click", "acquisition", "ad click", "广告点击", "paid_ads"),
    TouchpointInfo("wechat_article", "acquisition", "WeChat article", "公众号文章", "wechat_oa"),
    TouchpointInfo("email_click", "acquisition", "email/SMS click", "邮件短信点击", "email_sms"),
    TouchpointInfo(
        "landing_page", "browse", "landing page", "落地页", "website, app, mini_program"
    ),
    TouchpointInfo("home_page", "browse", "home page", "首页", "website, app, mini_program"),
    TouchpointInfo("search", "browse", "search", "搜索", "website, app, mini_program, marketplace"),
    TouchpointInfo(
        "product_page", "consideration", "product page", "商品详情页", "online channels"
    ),
    TouchpointInfo("add_to_cart", "intent", "add to cart", "加入购物车", "online channels"),
    TouchpointInfo("coupon_claim", "intent", "coupon claim", "领券", "online channels"),
    TouchpointInfo("checkout", "conversion", "checkout", "结算", "online channels"),
    TouchpointInfo("payment", "conversion", "payment (purchase)", "支付（购买）", "online, store"),
    TouchpointInfo("store_visit", "browse", "store visit", "到店", "store"),
    TouchpointInfo("service_chat", "service", "service chat", "在线客服", "service"),
    TouchpointInfo("hotline_call", "service", "hotline call", "客服热线", "service"),
    TouchpointInfo(
        "after_sales", "service", "after-sales request", "售后（退换货）", "order channel"
    ),
    TouchpointInfo("review", "loyalty", "product review", "商品评价", "online channels"),
    TouchpointInfo("member_signup", "loyalty", "member sign-up", "注册会员", "online, store"),
    TouchpointInfo("share", "loyalty", "share", "分享", "mini_program, app, website"),
)
TOUCHPOINT_IDS: tuple[str, ...] = tuple(t.id for t in TOUCHPOINTS)

DEFAULT_JOURNEY: tuple[str, ...] = (
    "ad_click",
    "landing_page",
    "product_page",
    "add_to_cart",
    "checkout",
    "payment",
)


class Dev(IntEnum):
    IOS = 0
    ANDROID = 1
    PC = 2
    OFFLINE = 3
    PHONE = 4


DEVICES: tuple[str, ...] = ("ios", "android", "pc", "offline", "phone")

REGIONS: tuple[str, ...] = ("East", "North", "South", "Southwest", "Central")
# (city, region index, weight)
CITY_TABLE: tuple[tuple[str, int, float], ...] = (
    ("Shanghai", 0, 0.12),
    ("Hangzhou", 0, 0.07),
    ("Nanjing", 0, 0.05),
    ("Suzhou", 0, 0.05),
    ("Beijing", 1, 0.11),
    ("Tianjin", 1, 0.04),
    ("Guangzhou", 2, 0.09),
    ("Shenzhen", 2, 0.10),
    ("Xiamen", 2, 0.03),
    ("Chengdu", 3, 0.07),
    ("Chongqing", 3, 0.06),
    ("Wuhan", 4, 0.06),
    ("Changsha", 4, 0.04),
)
CITIES: tuple[str, ...] = tuple(c for c, _, _ in CITY_TABLE)
CITY_REGION: SmallArray = np.array([r for _, r, _ in CITY_TABLE], dtype=np.int8)
CITY_WEIGHTS: FloatArray = np.array([w for _, _, w in CITY_TABLE]) / sum(w for *_, w in CITY_TABLE)

SEGMENTS: tuple[str, ...] = ("new", "regular", "loyal")
TIERS: tuple[str, ...] = ("none", "silver", "gold", "platinum")
GENDERS: tuple[str, ...] = ("female", "male")
AGE_BANDS: tuple[str, ...] = ("18-24", "25-34", "35-44", "45+")


class Kind(IntEnum):
    """How a session starts (its entry route)."""

    AD = 0
    WECHAT = 1
    EMAIL = 2
    DIRECT = 3
    MARKET = 4
    STORE = 5
    SERVICE = 6
    SOCIAL = 7


N_KINDS = len(Kind)


class Camp(IntEnum):
    BRAND_SEARCH = 0
    FEED_ADS = 1
    RETARGETING = 2
    FLASH_SALE = 3
    WEEKLY_ARTICLE = 4
    NEWSLETTER = 5


CAMPAIGNS: tuple[str, ...] = (
    "brand_search",
    "feed_ads",
    "retargeting",
    "flash_sale",
    "weekly_article",
    "newsletter",
)
PROMO_CAMPAIGN = "flash_sale"


class Cat(IntEnum):
    """Ticket categories."""

    DELIVERY = 0
    REFUND = 1
    PRODUCT_QUALITY = 2
    PAYMENT = 3
    ACCOUNT = 4
    PRODUCT_QUESTION = 5


CATEGORIES: tuple[str, ...] = (
    "delivery",
    "refund",
    "product_quality",
    "payment",
    "account",
    "product_question",
)


class Svc(IntEnum):
    """Why a service event happened (drives the ticket it opens)."""

    PRESALE = 0
    PAYMENT_FAILURE = 1
    HOTLINE = 2
    POST_CHAT = 3
    AFTER_SALES = 4


FEEDBACK_KINDS: tuple[str, ...] = ("csat", "nps", "complaint")
