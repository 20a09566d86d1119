"""Common words of customer analytics in English and Chinese, for the models `tpa init` proposes.

Ids found in the data (channels, touchpoints, columns) get these names and synonyms when they
match; anything else gets its id made readable, for the user to translate.
"""

from __future__ import annotations

from typing import NamedTuple

from .stages import guess_stage


class Words(NamedTuple):
    en: str
    zh: str | None = None
    synonyms_en: tuple[str, ...] = ()
    synonyms_zh: tuple[str, ...] = ()


CHANNELS: dict[str, Words] = {
    "website": Words("official website", "官网", ("web", "site"), ("网站", "官方网站")),
    "web": Words("website", "网站", ("site",), ("官网",)),
    "h5": Words("mobile web (H5)", "H5页面", ("mobile web",), ("H5",)),
    "app": Words("mobile app", "App", ("application",), ("手机App", "客户端")),
    "wechat_oa": Words(
        "WeChat official account", "微信公众号", ("WeChat OA",), ("公众号", "服务号")
    ),
    "wechat": Words("WeChat", "微信", (), ("微信渠道",)),
    "mini_program": Words("WeChat mini program", "微信小程序", ("mini program",), ("小程序",)),
    "marketplace": Words("marketplace store", "电商平台旗舰店", ("Tmall", "JD"), ("天猫", "京东")),
    "tmall": Words("Tmall", "天猫", (), ("天猫旗舰店",)),
    "jd": Words("JD.com", "京东", (), ("京东商城",)),
    "douyin": Words("Douyin", "抖音", ("TikTok China",), ("抖音小店",)),
    "store": Words("offline stores", "线下门店", ("physical store",), ("门店", "线下")),
    "service": Words("customer service", "客服", ("support",), ("客服中心",)),
    "paid_ads": Words("paid advertising", "付费广告", ("ads", "paid ads"), ("广告", "投放")),
    "email_sms": Words("email and SMS", "邮件和短信", ("email", "SMS", "EDM"), ("邮件", "短信")),
    "email": Words("email", "邮件", ("EDM",), ("电子邮件",)),
    "sms": Words("SMS", "短信", ("text message",), ("短信营销",)),
}

TOUCHPOINTS: dict[str, Words] = {
    "ad_click": Words("ad click", "广告点击", ("clicked an ad",), ("点击广告",)),
    "ad_impression": Words("ad impression", "广告曝光", ("impression",), ("曝光",)),
    "wechat_article": Words("WeChat article", "公众号文章", ("WeChat post",), ("推文",)),
    "email_click": Words("email/SMS click", "邮件短信点击", ("email click",), ("邮件点击",)),
    "landing_page": Words("landing page", "落地页", ("landing",), ("着陆页",)),
    "home_page": Words("home page", "首页", ("homepage",), ("主页",)),
    "search": Words("search", "搜索", ("site search",), ("站内搜索",)),
    "store_visit": Words("store visit", "到店", ("walk-in",), ("进店",)),
    "product_page": Words("product page", "商品详情页", ("PDP", "product view"), ("详情页",)),
    "product_view": Words("product view", "商品浏览", ("product page",), ("浏览商品",)),
    "add_to_cart": Words("add to cart", "加入购物车", ("cart",), ("加购",)),
    "coupon_claim": Words("coupon claim", "领券", ("coupon",), ("领优惠券",)),
    "checkout": Words("checkout", "结算", ("check out",), ("结账", "下单")),
    "payment": Words("payment (purchase)", "支付（购买）", ("purchase", "pay"), ("购买", "付款")),
    "purchase": Words("purchase", "购买", ("buy", "order paid"), ("成交", "支付")),
    "order": Words("order", "下单", ("place order",), ("订单",)),
    "service_chat": Words("service chat", "在线客服", ("live chat",), ("在线咨询",)),
    "hotline_call": Words("hotline call", "客服热线", ("phone call",), ("热线",)),
    "after_sales": Words("after-sales request", "售后（退换货）", ("return",), ("售后", "退换货")),
    "review": Words("product review", "商品评价", ("rating",), ("评价",)),
    "member_signup": Words("member sign-up", "注册会员", ("registration",), ("注册", "入会")),
    "signup": Words("sign-up", "注册", ("registration",), ("注册账号",)),
    "login": Words("log in", "登录", ("sign in",), ("登陆",)),
    "share": Words("share", "分享", ("shared",), ("转发",)),
}

COLUMNS: dict[str, Words] = {
    "channel": Words("channel", "渠道", ("platform", "source"), ("渠道来源", "平台")),
    "touchpoint": Words("touchpoint", "触点", ("touch point", "step"), ("接触点", "环节")),
    "device": Words("device", "设备", ("operating system",), ("终端", "设备类型")),
    "region": Words("region", "区域", ("area",), ("大区", "地区")),
    "city": Words("city", "城市", (), ("所在城市",)),
    "province": Words("province", "省份", (), ("省",)),
    "campaign": Words("campaign", "营销活动", ("marketing campaign",), ("活动", "推广活动")),
    "segment": Words("customer segment", "客户分群", ("segment",), ("用户分群", "客群")),
    "member_tier": Words("membership tier", "会员等级", ("tier",), ("会员级别",)),
    "acquisition_channel": Words(
        "acquisition channel", "获客渠道", ("acquired on",), ("拉新渠道", "获客来源")
    ),
    "gender": Words("gender", "性别", ("sex",), ("男女",)),
    "age_band": Words("age band", "年龄段", ("age group",), ("年龄层",)),
    "ticket_category": Words("ticket category", "工单类别", ("issue type",), ("工单类型",)),
    "is_complaint": Words("complaint or not", "是否投诉", ("complaint flag",), ("投诉标记",)),
    "feedback_kind": Words("feedback type", "反馈类型", ("survey type",), ("反馈类别",)),
    "date": Words("date", "日期", ("time", "day"), ("时间", "趋势")),
    "first_seen": Words("first seen date", "首次访问日期", ("acquisition date",), ("获客日期",)),
}

VALUES: dict[str, Words] = {
    "ios": Words("iOS", "苹果iOS", ("iPhone",), ("苹果",)),
    "android": Words("Android", "安卓", (), ("安卓手机",)),
    "pc": Words("PC", "电脑", ("desktop",), ("电脑端",)),
    "east": Words("East China", "华东", (), ("华东区",)),
    "north": Words("North China", "华北", (), ("华北区",)),
    "south": Words("South China", "华南", (), ("华南区",)),
    "southwest": Words("Southwest China", "西南", (), ("西南区",)),
    "central": Words("Central China", "华中", (), ("华中区",)),
    "northeast": Words("Northeast China", "东北", (), ("东北区",)),
    "northwest": Words("Northwest China", "西北", (), ("西北区",)),
    "female": Words("female", "女", ("women",), ("女性",)),
    "male": Words("male", "男", ("men",), ("男性",)),
    "new": Words("new customers", "新客", (), ("新客户",)),
    "regular": Words("regular customers", "老客", (), ("老客户",)),
    "loyal": Words("loyal customers", "忠实客户", (), ("忠诚客户",)),
    "none": Words("none", "无"),
    "silver": Words("silver", "银卡"),
    "gold": Words("gold", "金卡"),
    "platinum": Words("platinum", "白金卡"),
    "csat": Words("CSAT survey", "满意度调查"),
    "nps": Words("NPS survey", "NPS调查"),
    "complaint": Words("complaint", "投诉"),
}

METRICS: dict[str, Words] = {
    "active_users": Words(
        "active users", "活跃用户数", ("users", "reach", "visitors", "UV"), ("用户数", "访客数")
    ),
    "events": Words("events", "事件数", ("interactions",), ("行为次数",)),
    "sessions": Words("sessions", "会话数", ("visits",), ("访问次数",)),
    "new_users": Words("new users", "新用户数", ("acquired users",), ("新增用户", "拉新人数")),
    "purchasers": Words("purchasers", "购买人数", ("buyers",), ("买家数", "支付人数")),
    "first_time_buyers": Words(
        "first-time buyers", "首购人数", ("new buyers", "first purchasers"), ("新买家", "首购用户")
    ),
    "orders": Words("orders", "订单数", ("order count",), ("单量",)),
    "revenue": Words("revenue", "销售额", ("sales", "GMV"), ("收入", "成交额")),
    "aov": Words("average order value", "客单价", ("AOV",), ("平均订单金额",)),
    "conversion_rate": Words("conversion rate", "转化率", ("CVR",), ("购买转化率",)),
    "marketing_cost": Words("marketing cost", "营销费用", ("ad spend", "spend"), ("广告花费",)),
    "roi": Words("ROI", "投资回报率", ("return on investment", "ROAS"), ("投入产出比",)),
    "cac": Words("customer acquisition cost", "获客成本", ("CAC",), ("拉新成本",)),
    "tickets": Words("tickets", "工单数", ("ticket volume",), ("工单量",)),
    "complaint_tickets": Words("complaints", "投诉量", ("complaint count",), ("投诉数",)),
    "complaint_rate": Words("complaint rate", "投诉率", ("complaints per order",), ("客诉率",)),
    "first_response_time": Words(
        "first response time", "首次响应时间", ("FRT", "response time"), ("首响时长",)
    ),
    "resolution_time": Words("resolution time", "解决时长", ("time to resolve",), ("处理时长",)),
    "csat": Words("CSAT", "客户满意度", ("customer satisfaction",), ("满意度",)),
    "csat_average": Words("average CSAT score", "平均满意度评分", ("mean CSAT",), ("满意度均分",)),
    "ticket_csat": Words(
        "ticket CSAT", "工单满意度", ("service satisfaction",), ("客服满意度", "服务满意度")
    ),
    "ticket_csat_average": Words(
        "average ticket CSAT score", "工单满意度均分", ("mean ticket CSAT",), ("客服评分",)
    ),
    "nps_promoter_share": Words(
        "share of promoters", "推荐者占比", ("promoters",), ("推荐者比例",)
    ),
    "nps_detractor_share": Words(
        "share of detractors", "贬损者占比", ("detractors",), ("贬损者比例",)
    ),
    "nps": Words("NPS", "净推荐值", ("net promoter score",), ("NPS值",)),
}


def words_for(table: dict[str, Words], key: str) -> Words | None:
    """The entry for `key`, compared case-insensitively."""
    return table.get(key) or table.get(key.lower())


__all__ = [
    "CHANNELS",
    "COLUMNS",
    "METRICS",
    "TOUCHPOINTS",
    "VALUES",
    "Words",
    "guess_stage",
    "words_for",
]
