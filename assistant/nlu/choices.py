"""`clarify` and `unsupported` plans: say what is ambiguous or missing, offer concrete choices.

Every choice is a full question the planner understands on its own, in the question's language,
naming real objects of the model, so clicking it always gives an answer.
"""

from __future__ import annotations

import re
from typing import Any, Final

from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import ConversionMetric

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
    "rent": ("rents or property costs", "租金或场地成本"),
    "suppliers": ("suppliers or purchase prices", "供应商或采购价格"),
    "commission": ("commissions", "佣金或抽成"),
    "credit_risk": ("credit risk, delinquency or bad debt", "逾期、坏账等信用风险"),
    "bonus": ("bonuses or incentive pay", "奖金或绩效"),
    "it_costs": ("IT or hosting costs", "IT 或服务器费用"),
    "nps": ("NPS surveys (Net Promoter Score)", "NPS（净推荐值）调研"),
    "app_stability": ("app crashes or stability", "App 崩溃或稳定性数据"),
    "dwell_time": (
        "durations of page views or visits (events carry no durations)",
        "页面或访问的停留时长（事件不带时长）",
    ),
    "personal_data": (
        "personal data (names, phone numbers, addresses): only anonymous ids",
        "个人信息（姓名、手机号、地址），只有匿名 ID",
    ),
}
# Words that say a dimension is about places or about channels (generic language, not data).
_PLACE = re.compile(
    r"region|area|province|state|city|country|market|地区|区域|大区|省|城市|国家|市场"
)
_CHANNEL = re.compile(r"channel|platform|source|渠道|平台|来源")


def _when(r: Reading) -> str:
    """The question's own time words, to keep in the choices ("last week", "上周")."""
    if not r.times:
        return ""
    t = r.times[0]
    words = r.question.norm[t.start : t.end]
    return words if r.language == "zh" else f" {words}"


def _choice(label: str, question: str) -> dict[str, str]:
    return {"label": label, "question": question}


def out_of_scope(topics: list[str], lang: str, model: SemanticModel) -> Plan:
    """The data has no notion of these topics: say so, name them, and say what it has."""
    names = [_TOPICS.get(t, (t, t))[1 if lang == "zh" else 0] for t in topics]
    has = what_it_has(model, lang)
    return {
        "kind": "unsupported",
        "reason": localized(lang, f"The data has no {', '.join(names)}. {has}",
                            f"数据里没有{'、'.join(names)}。{has}"),
        "missing": topics,
    }  # fmt: skip


def what_it_has(model: SemanticModel, lang: str) -> str:
    """One sentence naming a few of the model's own metrics and touchpoints."""
    metrics = [model.metrics[m].label(lang) for m in popular_metrics(model)[:4]]
    tps = [model.touchpoints[t].label(lang) for t in popular_touchpoints(model)[:3]]
    if lang == "zh":
        parts = [f"指标如{'、'.join(metrics)}" if metrics else "",
                 f"触点如{'、'.join(tps)}" if tps else ""]  # fmt: skip
        return "可以问数据里有的" + "，".join(p for p in parts if p) + "。"
    parts = [f"metrics such as {', '.join(metrics)}" if metrics else "",
             f"touchpoints such as {', '.join(tps)}" if tps else ""]  # fmt: skip
    return "Ask about what it has: " + "; ".join(p for p in parts if p) + "."


def popular_metrics(model: SemanticModel) -> list[str]:
    """Metrics to offer: those of the model's verified questions first, then one of each format
    (a conversion, an amount, a count…) in model order, then the rest."""
    names: list[str] = []
    for query in model.spec.verified_queries:
        for key in ("metrics", "metric"):
            value = query.plan.get(key)
            for name in [value] if isinstance(value, str) else value or []:
                if name in model.metrics and name not in names:
                    names.append(name)
    formats: set[str] = set()
    for metric in model.spec.metrics:
        kind = "conversion" if isinstance(metric, ConversionMetric) else metric.format
        if kind not in formats and metric.name not in names:
            formats.add(kind)
            names.append(metric.name)
    return names + [m.name for m in model.spec.metrics if m.name not in names]


def popular_touchpoints(model: SemanticModel) -> list[str]:
    """Touchpoints to offer: the default journey's steps after its first, then the others."""
    steps: list[str] = []
    if model.spec.journeys:
        steps = [s for s in model.journey(None).steps[1:] if s in model.touchpoints]
    return steps + [t.id for t in model.spec.touchpoints if t.id not in steps]


def place_dimension(model: SemanticModel) -> str | None:
    """The model's dimension of places (a region, province or city), if it has one."""
    return _dimension_like(model, _PLACE)


def channel_dimension(model: SemanticModel) -> str | None:
    """The model's dimension of channels, if it has one."""
    return _dimension_like(model, _CHANNEL)


def _dimension_like(model: SemanticModel, pattern: re.Pattern[str]) -> str | None:
    for dim in model.spec.dimensions:
        words = [dim.name, dim.label("en"), dim.label("zh")]
        if dim.values and any(pattern.search(w.casefold()) for w in words):
            return dim.name
    return None


def unknown_value(found: list[tuple[str, str | None]], r: Reading, model: SemanticModel) -> Plan:
    """A name the data does not have ("抖音渠道", "TikTok"): offer the dimension's real values,
    or say the name is unknown."""
    lang = r.language
    word, dim = found[0]
    if dim == "journey":
        return which_journey(r, model, missing=word)
    if dim is None or dim not in model.dimensions or not model.dimensions[dim].values:
        reason = localized(
            lang, f"The data has nothing called '{word}'. {what_it_has(model, lang)}",
            f"数据里没有“{word}”。{what_it_has(model, lang)}",
        )  # fmt: skip
        return {"kind": "unsupported", "reason": reason, "missing": [word]}
    values = model.dimensions[dim].values[:4]
    label = model.dimensions[dim].label(lang)
    text = r.question.text
    out = [_choice(v.label(lang), _swap(text, word, v.label(lang))) for v in values]
    reason = localized(
        lang, f"There is no {label} called '{word}' in the data. Which one do you mean?",
        f"数据里没有叫“{word}”的{label}。您指的是哪一个？",
    )  # fmt: skip
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": None}


def _swap(text: str, word: str, value: str) -> str:
    """The question with `word` (any case) replaced by `value`."""
    found = re.search(re.escape(word), text, flags=re.IGNORECASE)
    return text[: found.start()] + value + text[found.end() :] if found else value


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
    options = popular_metrics(model)[:4]
    dim = _first_dimension(model)
    out = []
    for name in options:
        label = model.metrics[name].label(lang)
        question = (
            localized(lang, f"why did {label} change{when}", f"{when}{label}为什么变化")
            if kind == "drivers"
            else localized(lang, f"{label} by {dim[0]}{when}", f"{when}各{dim[1]}{label}")
            if dim
            else localized(lang, f"{label}{when}", f"{when}{label}")
        )
        out.append(_choice(label, question))
    return {
        "kind": "clarify",
        "reason": localized(lang, "Which metric do you mean?", "您想看哪个指标？"),
        "choices": out,
        "candidate_kind": kind,
    }


def time_to_which(step: str, r: Reading, model: SemanticModel) -> Plan:
    """ "How long from booking …" with one step only: the time until which later step? The
    steps that follow it in the model's journeys are offered (those before it when none follow)."""
    lang, when = r.language, _when(r)
    later: list[str] = []
    for journey in model.spec.journeys:
        if step in journey.steps:
            at = journey.steps.index(step)
            later += journey.steps[at + 1 :] or journey.steps[:at]
    own = model.touchpoints[step].label(lang)
    out = []
    for tp in list(dict.fromkeys(t for t in later if t != step))[:4]:
        label = model.touchpoints[tp].label(lang)
        en, zh = f"how long from {own} to {label}{when}", f"{when}从{own}到{label}要多久"
        out.append(_choice(label, localized(lang, en, zh)))
    return {
        "kind": "clarify",
        "reason": localized(lang, f"How long from {own} to which step?",
                            f"从{own}到哪一步的时长？"),
        "choices": out,
        "candidate_kind": "funnel",
    }  # fmt: skip


def which_touchpoint(r: Reading, model: SemanticModel, kind: str) -> Plan:
    """A paths question without its anchor touchpoint."""
    lang, when = r.language, _when(r)
    out = []
    for tp in popular_touchpoints(model)[:4]:
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
            for m in popular_metrics(model)[:3]
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
    return {"kind": "clarify", "reason": reason, "choices": starters(lang, when, model),
            "candidate_kind": None}  # fmt: skip


def nothing_about(words: list[str], lang: str, model: SemanticModel) -> Plan:
    """A question about things the model has no word for at all: say so, and what it has."""
    said = localized(lang, ", ".join(f"'{w}'" for w in words), "、".join(f"“{w}”" for w in words))
    has = what_it_has(model, lang)
    en, zh = f"The data has nothing about {said}. {has}", f"数据里没有{said}。{has}"
    reason = localized(lang, en, zh)
    return {"kind": "unsupported", "reason": reason, "missing": words}


def settled(plan: Plan, lang: str, model: SemanticModel) -> Plan:
    """A clarification always offers choices: with none to offer, it says what the data has."""
    if plan.get("kind") != "clarify" or plan.get("choices"):
        return plan
    reason = f"{plan.get('reason', '')} {what_it_has(model, lang)}".strip()
    return {"kind": "unsupported", "reason": reason, "missing": [], "language": lang}


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


def starters(lang: str, when: str, model: SemanticModel) -> list[dict[str, str]]:
    """Questions this model can answer, built from its own journeys, metrics and dimensions."""
    en, zh = when or " last week", when or "上周"
    options: list[tuple[str, str, str, str]] = []
    if model.spec.journeys:
        options.append(("Drop-off", "流失", f"which touchpoint lost the most users{en}",
                        f"{zh}哪个触点流失用户最多"))  # fmt: skip
    dim = _first_dimension(model)
    for name in popular_metrics(model)[:3]:
        label_en, label_zh = model.metrics[name].label("en"), model.metrics[name].label("zh")
        if dim is not None:
            by_en, by_zh = f"{label_en} by {dim[0]}", f"各{dim[1]}{label_zh}"
            options.append((_capital(by_en), by_zh, f"{by_en}{en}", f"{zh}{by_zh}"))
        else:
            options.append((_capital(label_en), label_zh, f"{label_en}{en}", f"{zh}{label_zh}"))
    return _options(lang, options[:4])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_dimension(model: SemanticModel) -> tuple[str, str] | None:
    """A dimension to split by in examples: the channel dimension, else the first with values."""
    name = channel_dimension(model) or next(
        (d.name for d in model.spec.dimensions if d.values and d.type != "time"), None
    )
    if name is None:
        return None
    dim = model.dimensions[name]
    return dim.label("en"), dim.label("zh")


def no_such_split(
    word: str, metric: str, dims: list[str], r: Reading, model: SemanticModel
) -> Plan:
    """ "按年龄看", "refunds by teacher" with no such dimension: never the unsplit total — ask,
    offering the dimensions `metric` can be split by (with its rest of the question)."""
    lang, when = r.language, _when(r)
    label = model.metrics[metric].label(lang)
    out = [
        _choice(
            model.dimensions[d].label(lang),
            localized(
                lang,
                f"{label} by {model.dimensions[d].label(lang)}{when}",
                f"{when}各{model.dimensions[d].label(lang)}{label}",
            ),
        )
        for d in dims[:4]
    ]
    out.append(
        _choice(
            localized(lang, f"{label}, not split", f"{label}（不拆分）"),
            localized(lang, f"{label}{when}", f"{when}{label}"),
        )
    )
    reason = localized(
        lang,
        f"The data has nothing called '{word}' to split {label} by. Which split do you mean?",
        f"数据里没有可以拆分{label}的“{word}”。您想按哪个维度看？",
    )
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": "metric"}


def unclear(r: Reading, words: list[str], model: SemanticModel) -> Plan:
    """Most of the question was not understood: name the words, offer what can be answered."""
    lang, when = r.language, _when(r)
    said = localized(lang, ", ".join(f"'{w}'" for w in words), "、".join(f"“{w}”" for w in words))
    reason = localized(
        lang,
        f"I do not know what {said} means in this data. Did you mean one of these?",
        f"数据里找不到{said}对应的内容。您是想问下面这些吗？",
    )
    rest = r.question.norm
    for word in words:
        rest = rest.replace(word.casefold(), " ")
    rest = " ".join(rest.split())
    first = [_choice(localized(lang, "Without " + said, "不考虑" + said), rest)] if rest else []
    offered = (first + starters(lang, when, model))[:4]
    return {"kind": "clarify", "reason": reason, "choices": offered, "candidate_kind": None}


__all__ = [
    "channel_dimension",
    "no_such_split",
    "nothing_about",
    "out_of_scope",
    "place_dimension",
    "popular_metrics",
    "popular_touchpoints",
    "settled",
    "starters",
    "unclear",
    "unknown_value",
    "what_do_you_mean",
    "what_it_has",
    "which_journey",
    "which_metric",
    "which_touchpoint",
]
