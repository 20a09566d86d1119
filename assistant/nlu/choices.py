"""`clarify` and `unsupported` plans: say what is ambiguous or missing, offer concrete choices.

Every choice is a full question the planner understands on its own, in the question's language,
naming real objects of the model, so clicking it always gives an answer.
"""

from __future__ import annotations

from typing import Any, Final

from semantic_layer.model.semantic import SemanticModel

from .reading import Reading
from .shared import localized

Plan = dict[str, Any]

_TOPICS: Final[dict[str, tuple[str, str]]] = {
    "weather": ("weather", "天气"),
    "inventory": ("inventory or stock levels", "库存"),
    "profit": ("costs of goods, so profit or margins", "商品成本，因此没有利润或毛利"),
    "employees": ("employees or salaries", "员工或薪资"),
    "competitors": ("competitors or market share", "竞争对手或市场份额"),
    "stock_price": ("stock prices", "股价"),
    "product_catalog": ("products, SKUs or categories", "商品、SKU 或品类"),
    "returns_reason": ("reasons for returns", "退货原因"),
    "gender_pay": ("incomes", "收入水平"),
    "personal_data": (
        "personal data (names, phone numbers, addresses): only anonymous ids",
        "个人信息（姓名、手机号、地址），只有匿名 ID",
    ),
    "other_platforms": (
        "such channel: its channels are the website, app, WeChat official "
        "account and mini program, marketplace store, offline stores, customer "
        "service, paid ads and email/SMS",
        "这个渠道：渠道只有官网、App、微信公众号、小程序、电商平台旗舰店、线下门店、"
        "客服、付费广告和邮件短信",
    ),
    "other_regions": (
        "such region: customers are in mainland China's East, North, South, "
        "Southwest and Central regions",
        "这个区域：客户只分布在华东、华北、华南、西南和华中",
    ),
}
_POPULAR_METRICS: Final = ("conversion_rate", "revenue", "active_users", "checkout_conversion")
_POPULAR_TOUCHPOINTS: Final = ("product_page", "checkout", "landing_page", "add_to_cart")


def _when(r: Reading) -> str:
    """The question's own time words, to keep in the choices ("last week", "上周")."""
    if not r.times:
        return ""
    t = r.times[0]
    words = r.question.norm[t.start : t.end]
    return words if r.language == "zh" else f" {words}"


def _choice(label: str, question: str) -> dict[str, str]:
    return {"label": label, "question": question}


def out_of_scope(topics: list[str], lang: str) -> Plan:
    """The data has no notion of these topics: say so and name them."""
    names = [_TOPICS.get(t, (t, t))[1 if lang == "zh" else 0] for t in topics]
    return {
        "kind": "unsupported",
        "reason": localized(lang,
            f"The data has no {', '.join(names)}: it records customer touchpoints (events), "
            "users, orders, marketing spend, service tickets and surveys.",
            f"数据里没有{'、'.join(names)}：只有客户触点行为、用户、订单、营销花费、客服工单和调研反馈。"),
        "missing": topics,
    }  # fmt: skip


def unknown_value(found: list[tuple[str, str | None]], r: Reading, model: SemanticModel) -> Plan:
    """A name the data does not have ("抖音渠道", "TikTok"): offer the dimension's real values,
    or say the name is unknown."""
    lang = r.language
    word, dim = found[0]
    if dim == "journey":
        return which_journey(r, model, missing=word)
    if dim is None or dim not in model.dimensions or not model.dimensions[dim].values:
        reason = localized(
            lang,
            f"The data has nothing called '{word}'. Ask about the channels, regions, touchpoints "
            "and metrics it has.",
            f"数据里没有“{word}”。可以问数据里有的渠道、区域、触点和指标。",
        )
        return {"kind": "unsupported", "reason": reason, "missing": [word]}
    values = model.dimensions[dim].values[:4]
    label = model.dimensions[dim].label(lang)
    text = r.question.text
    out = [
        _choice(v.label(lang), text.replace(word, v.label(lang)) if word in text else v.label(lang))
        for v in values
    ]
    reason = localized(
        lang, f"There is no {label} called '{word}' in the data. Which one do you mean?",
        f"数据里没有叫“{word}”的{label}。您指的是哪一个？",
    )  # fmt: skip
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": None}


def which_journey(
    r: Reading, model: SemanticModel, *, missing: str | None = None, step: str | None = None
) -> Plan:
    """No journey fits: a `missing` name ("onboarding journey") or a `step` no journey has
    ("sign-up journey"). Offer the journeys the model has."""
    lang, when = r.language, _when(r)
    out = []
    for journey in model.spec.journeys[:4]:
        label = journey.label(lang)
        en, zh = f"drop-off in the {label}{when}", f"{when}{label}各步骤流失"
        out.append(_choice(label, localized(lang, en, zh)))
    if step is not None:
        label = model.touchpoints[step].label(lang)
        reason = localized(
            lang,
            f"No journey of the semantic model includes {label}. Which journey do you mean?",
            f"语义模型里没有包含{label}的旅程。您指的是哪一个？",
        )
    else:
        reason = localized(
            lang,
            f"There is no journey called '{missing}' in the semantic model. Which one do you mean?",
            f"语义模型里没有叫“{missing}”的旅程。您指的是哪一个？",
        )
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": "funnel"}


def which_metric(r: Reading, model: SemanticModel, kind: str) -> Plan:
    """A "why" or ranking question without a metric: which one?"""
    lang, when = r.language, _when(r)
    options = [m for m in _POPULAR_METRICS if m in model.metrics]
    out = []
    for name in options:
        label = model.metrics[name].label(lang)
        question = (
            localized(lang, f"why did {label} change{when}", f"{when}{label}为什么变化")
            if kind == "drivers"
            else localized(lang, f"{label} by channel{when}", f"{when}各渠道{label}")
        )
        out.append(_choice(label, question))
    return {
        "kind": "clarify",
        "reason": localized(lang, "Which metric do you mean?", "您想看哪个指标？"),
        "choices": out,
        "candidate_kind": kind,
    }


def which_touchpoint(r: Reading, model: SemanticModel, kind: str) -> Plan:
    """A paths question without its anchor touchpoint."""
    lang, when = r.language, _when(r)
    out = []
    for tp in (t for t in _POPULAR_TOUCHPOINTS if t in model.touchpoints):
        label = model.touchpoints[tp].label(lang)
        en, zh = f"what do users do after {label}{when}", f"{when}用户在{label}之后做了什么"
        out.append(_choice(label, localized(lang, en, zh)))
    return {
        "kind": "clarify",
        "reason": localized(
            lang, "After (or before) which touchpoint?", "从哪个触点开始看（之后或之前）？"
        ),
        "choices": out,
        "candidate_kind": kind,
    }


def what_do_you_mean(r: Reading, model: SemanticModel) -> Plan:
    """Nothing decided the question: offer the readings its words allow."""
    lang, when = r.language, _when(r)
    tps = r.names("touchpoint")
    dims = [d for d in r.names("dimension") if model.dimensions[d].type != "time"]
    if tps:
        return _about_touchpoint(tps[0], r, model)
    if dims:
        dim = model.dimensions[dims[0]].label(lang)
        out = [
            _choice(model.metrics[m].label(lang),
                    localized(lang, f"{model.metrics[m].label(lang)} by {dim}{when}",
                              f"{when}各{dim}{model.metrics[m].label(lang)}"))
            for m in _POPULAR_METRICS[:3]
        ]  # fmt: skip
        reason = localized(lang, f"Which metric by {dim}?", f"按{dim}看哪个指标？")
        return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": "metric"}
    reason = (
        localized(lang, "Hello! Ask me about customer touchpoints, for example:",
                  "您好！可以问我关于客户触点的问题，例如：")
        if {"greeting", "help"} & r.cues
        else localized(lang,
            "I could not find a metric, touchpoint or journey in the question. Did you mean one "
            "of these?", "没有在问题里找到指标、触点或旅程。您是想问下面这些吗？")
    )  # fmt: skip
    return {"kind": "clarify", "reason": reason, "choices": _starters(lang, when),
            "candidate_kind": None}  # fmt: skip


def _about_touchpoint(tp: str, r: Reading, model: SemanticModel) -> Plan:
    lang, when = r.language, _when(r)
    label = model.touchpoints[tp].label(lang)
    options = [
        ("Users who reached it", "到达人数",
         f"how many users reached {label}{when}", f"{when}到达{label}的用户数"),
        ("What users do next", "之后的行为",
         f"what do users do after {label}{when}", f"{when}用户在{label}之后做了什么"),
        ("Drop-off in the journey", "旅程流失",
         f"which touchpoint lost the most users{when}", f"{when}哪个触点流失用户最多"),
    ]  # fmt: skip
    reason = localized(
        lang, f"What would you like to know about {label}?", f"关于{label}，您想看什么？"
    )
    return {"kind": "clarify", "reason": reason, "choices": _options(lang, options),
            "candidate_kind": None}  # fmt: skip


def _options(lang: str, options: list[tuple[str, str, str, str]]) -> list[dict[str, str]]:
    return [
        _choice(localized(lang, en, zh), localized(lang, q_en, q_zh))
        for en, zh, q_en, q_zh in options
    ]


def _starters(lang: str, when: str) -> list[dict[str, str]]:
    en, zh = when or " last week", when or "上周"
    options = [
        ("Drop-off", "流失",
         f"which touchpoint lost the most users{en}", f"{zh}哪个触点流失用户最多"),
        ("Conversion by channel", "各渠道转化率",
         f"conversion rate by channel{en}", f"{zh}各渠道转化率"),
        ("Channel contribution", "渠道贡献",
         f"which channel contributes most to purchases{en}", f"{zh}哪个渠道对购买贡献最大"),
        ("Customer satisfaction", "客户满意度",
         f"customer satisfaction by region{en}", f"{zh}各区域客户满意度"),
    ]  # fmt: skip
    return _options(lang, options)


__all__ = [
    "out_of_scope",
    "unknown_value",
    "what_do_you_mean",
    "which_journey",
    "which_metric",
    "which_touchpoint",
]
