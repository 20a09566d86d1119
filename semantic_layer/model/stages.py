"""The journey stage a touchpoint id suggests, from its English or Chinese words.

English ids are read as words (`add_to_cart`, `AddToCart`, `view-menu` → add to cart, add to
cart, view menu); Chinese ids by the words they contain. The first stage whose words match wins,
in the order of `EN_STAGES` / `ZH_STAGES` (so `cancel_order` is retention, `pay_order` purchase
and `place_order` consideration); ids in pinyin by the pinyin of the Chinese words (`zhifu_ok`:
支付 → purchase). When nothing matches, `tpa init` places the touchpoint by its position in
people's journeys instead. A failure (`payment.failed`, 启动失败, `qidong_shibai`, `gun_fault`) is
not a step of a funnel: `is_failure` says so.
"""

from __future__ import annotations

import re

from semantic_layer.errors import normalise

from .pinyin import id_words, pinyin_of, reads_as_pinyin
from .spec import Stage

# Regular expressions over the normalised id (lower case, words separated by one space).
EN_STAGES: tuple[tuple[Stage, str], ...] = (
    ("advocacy", r"\b(reviews?|reviewed|rate|rated|rating|shared?|sharing|refer\w*|invite\w*"
                 r"|recommend\w*|testimonial)\b"),
    ("retention", r"\b(cancel\w*|refund\w*|returns?|returned|after ?sales?|service|support|chat"
                  r"|call|hotline|ticket|complain\w*|repurchase\w*|reorder\w*|renew\w*|login"
                  r"|log in|sign ?in|check ?in|signup|sign up|register|member\w*|deliver\w*"
                  r"|dispatch\w*|ship\w*|fulfil\w*|track\w*|revisit\w*|follow ?up|churn\w*"
                  r"|unsubscribe\w*)\b"),
    ("purchase", r"\b(checkout|pay\w*|paid|purchase\w*|buy\w*|bought|recharge\w*|top ?up"
                 r"|(order|booking|reservation|checkout)"
                 r" (completed?|success\w*|confirmed|done))\b"),
    ("consideration", r"(^(view|add|select|choose)\b)|\b(product\w*|detail\w*|cart|basket"
                      r"|coupons?|vouchers?|wishlist|favou?rites?|compare|item|sku|quote"
                      r"|book\w*|reserv\w*|appointment|orders?|submit\w*|trial|demo)\b"),
    ("interest", r"\b(landing|home|homepage|search\w*|visit\w*|browse\w*|page|category|list\w*"
                 r"|explore|discover\w*|open|launch\w*|view\w*)\b"),
    ("awareness", r"\b(ads?|advert\w*|impressions?|article|email|sms|push|click|social|post"
                  r"|video|live|download\w*|install\w*|follow\w*|banner|promo\w*|notification"
                  r"|exposure)\b"),
)  # fmt: skip

ZH_STAGES: tuple[tuple[Stage, tuple[str, ...]], ...] = (
    ("advocacy", ("评价", "点评", "评论", "评分", "打分", "好评", "晒单", "分享", "推荐", "邀请",
                  "转发")),
    ("retention", ("复购", "回购", "签到", "续费", "续订", "复诊", "随访", "回访", "退款", "退货",
                   "退费", "售后", "取消", "客服", "投诉", "登录", "登陆", "配送", "送达", "接单",
                   "派单", "入住")),
    ("purchase", ("支付", "付款", "缴费", "充值", "首充", "购买", "成交", "买单", "结算", "付费",
                  "订单完成", "完成订单")),
    ("consideration", ("加购", "购物车", "预约", "挂号", "下单", "提交", "详情", "查看", "收藏",
                       "领券", "优惠券", "选座", "比价", "试用", "试玩", "咨询")),
    ("interest", ("浏览", "搜索", "首页", "落地页", "访问", "进入", "打开", "启动")),
    ("awareness", ("广告", "曝光", "关注", "下载", "安装", "推送", "短信", "邮件", "文章", "推文",
                   "直播", "视频", "海报")),
)  # fmt: skip

FAILURE_EN = re.compile(
    r"\b(fail\w*|error\w*|errored|fault\w*|declin\w*|reject\w*|timeout|timed out|abort\w*"
    r"|crash\w*|exception)\b"
)
FAILURE_ZH = ("失败", "错误", "故障", "异常", "报错", "超时", "拒绝", "中断")
# A step that undoes or never completes a sale: its amount is no money taken
CANCEL_EN = re.compile(r"\b(cancel\w*|void\w*|revok\w*|unpaid|abandon\w*)\b")
CANCEL_ZH = ("取消", "作废", "撤销", "撤单", "关闭", "未支付", "未付款")
SUCCESS_EN = re.compile(r"\b(ok|success\w*|succeeded|done|completed?|confirmed|paid)\b")

_PATTERNS = tuple((stage, re.compile(pattern)) for stage, pattern in EN_STAGES)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def guess_stage(touchpoint: str) -> Stage | None:
    """The stage a touchpoint id suggests (`add_to_cart` → consideration, `缴费` → purchase), or
    None when its words do not decide."""
    words = normalise(_CAMEL.sub(" ", touchpoint))
    for stage, pattern in _PATTERNS:
        if pattern.search(words):
            return stage
    for stage, keys in ZH_STAGES:
        if any(k in touchpoint for k in keys):
            return stage
    if reads_as_pinyin(touchpoint):
        joined = "".join(id_words(touchpoint))
        for stage, keys in ZH_STAGES:
            if any(pinyin_of(k) in joined for k in keys):
                return stage
    return None


def is_failure(touchpoint: str) -> bool:
    """Whether the id says something failed (`payment.failed`, 支付失败, `qidong_shibai`,
    `gun_fault`): an event beside a step, never a step of the funnel."""
    words = normalise(_CAMEL.sub(" ", touchpoint))
    if FAILURE_EN.search(words) or any(k in touchpoint for k in FAILURE_ZH):
        return True
    if reads_as_pinyin(touchpoint):
        joined = "".join(id_words(touchpoint))
        return any(pinyin_of(k) in joined for k in FAILURE_ZH)
    return False


def is_undone(touchpoint: str) -> bool:
    """Whether the id says a sale was cancelled, voided or never paid (`order_cancelled`,
    交易关闭, `quxiao_dingdan`), or failed (`is_failure`): an amount on it was never taken."""
    if is_failure(touchpoint):
        return True
    words = normalise(_CAMEL.sub(" ", touchpoint))
    if CANCEL_EN.search(words) or any(k in touchpoint for k in CANCEL_ZH):
        return True
    if reads_as_pinyin(touchpoint):
        joined = "".join(id_words(touchpoint))
        return any(pinyin_of(k) in joined for k in CANCEL_ZH)
    return False


def is_success(touchpoint: str) -> bool:
    """Whether the id says a step succeeded (`pay_ok`, `payment_success`, 支付成功)."""
    words = normalise(_CAMEL.sub(" ", touchpoint))
    return bool(SUCCESS_EN.search(words)) or "成功" in touchpoint


__all__ = ["EN_STAGES", "ZH_STAGES", "guess_stage", "is_failure", "is_success"]
