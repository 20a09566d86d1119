"""Short complaint comments, in Chinese and English, by ticket category (Cat order)."""

from __future__ import annotations

import numpy as np

from connectors.demo.catalog import IntArray, SmallArray

COMMENTS_BY_CATEGORY: tuple[tuple[str, ...], ...] = (
    (  # delivery
        "快递一周了还没到，物流信息也不更新",
        "说好次日达，结果等了四天",
        "包裹被放在驿站也没通知我",
        "外包装破了，里面的盒子压坏了",
        "客服一直说在催，但没有任何进展",
        "Parcel is a week late and tracking hasn't updated.",
        "Courier left the package outside without telling me.",
    ),
    (  # refund
        "退货寄回去十天了，退款还没到账",
        "申请退款被拒绝，理由说不清楚",
        "退款金额比实付少了，优惠券没退",
        "Refund still not received two weeks after the return.",
        "Return was approved but the money never came back.",
        "退货运费要我自己出，太不合理了",
    ),
    (  # product_quality
        "衣服洗了一次就起球了",
        "面霜用了两天脸上过敏起疹子",
        "收到的颜色和图片差别很大",
        "鞋子开胶了，才穿了一周",
        "尺码严重偏小，和尺码表不符",
        "The seams came apart after one wash.",
        "Lipstick shade looks nothing like the photo.",
    ),
    (  # payment
        "付款一直失败，钱却被扣了",
        "App 上点支付就转圈，换了卡也不行",
        "苹果手机上支付页面打不开",
        "扣款两次，只生成了一个订单",
        "Payment keeps failing in the iPhone app.",
        "I was charged but the order shows unpaid.",
    ),
    (  # account
        "会员积分突然清零了",
        "手机号换了，登录不了原来的账号",
        "会员等级降了，没有任何通知",
        "My member points disappeared.",
        "Can't log in after changing my phone number.",
    ),
    (  # product_question
        "咨询了三次尺码问题，回答前后不一致",
        "问成分是否适合孕妇，客服答非所问",
        "Asked about sizing twice and got two different answers.",
        "客服回复太慢，等了半天才有人理",
    ),
)
COMMENTS: tuple[str, ...] = tuple(c for group in COMMENTS_BY_CATEGORY for c in group)
_COUNTS = np.array([len(g) for g in COMMENTS_BY_CATEGORY], dtype=np.int64)
_STARTS = np.cumsum(_COUNTS) - _COUNTS


def pick_comments(category: SmallArray, rng: np.random.Generator) -> IntArray:
    """Index into COMMENTS of a comment matching each category."""
    return np.asarray(_STARTS[category] + rng.integers(0, _COUNTS[category]), dtype=np.int64)
