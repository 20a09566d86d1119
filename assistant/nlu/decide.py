"""`decide(reading)`: the plan a question needs, as the JSON form `parse_plan` accepts.

The order of the checks is the priority of intents: refusals first (instructions hidden in the
question, things the data has no notion of, the future), then the analyses whose cue words are
specific (why → drivers, contribute → attribution, retention, after/before → paths, how long →
time to convert, lost → drop-off, funnel), then metrics. What is missing or ambiguous becomes a
`clarify` plan with concrete choices; nothing is guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Final

from semantic_layer.model.index import words_of
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import ConversionMetric
from semantic_layer.phrasebook import phrase
from semantic_layer.plan.journeys import RETENTION_PERIODS
from semantic_layer.time import resolve

from . import choices, roles
from .cues import CUES
from .lexicon import Match, stem
from .reading import Mention, Reading, blanked, sibling_values, unknown_values
from .shared import (
    CJK_ONLY,
    CUSTOMERS_SPEND,
    GOOD_SHARE,
    breakdowns,
    dimension_heads,
    filters,
    grain_of,
    head_word,
    implied_channels,
    in_journey_order,
    journey_and_steps,
    limit_and_order,
    lone_contrasts,
    named_by_journey,
    named_by_noun,
    periods_compared,
    time_of,
)
from .timepatterns import MONTH_WORDS

Plan = dict[str, Any]
_ATTRIBUTION_MODELS = ("first_touch", "last_touch", "linear", "time_decay", "position_based",
                       "markov")  # fmt: skip


def decide(reading: Reading, model: SemanticModel) -> Plan:
    """The plan for a question read on its own (follow-ups are `followup.apply`)."""
    reading = _flag_as_head_noun(reading, model)
    for rule in (_refusal, _drivers, _attribution, _retention, _paths, _journey, _metric):
        plan = rule(reading, model)
        if plan is not None:
            return choices.settled({**plan, "language": reading.language}, reading.language, model)
    plan = {**choices.what_do_you_mean(reading, model), "language": reading.language}
    return choices.settled(plan, reading.language, model)


def _flag_as_head_noun(r: Reading, model: SemanticModel) -> Reading:
    """噪音投诉, 催收骚扰类投诉: the word of a yes/no value (the yes of a complaint flag) right
    after a value of another table's dimension is that value's own noun — the noise complaint
    tickets, not the feedback marked as a complaint as well."""
    kept: list[Match] = []
    for m in r.matches:
        before = kept[-1] if kept else None
        flag = [x for x in m.refs("value") if _is_flag(model, x.name)]
        other = [
            x
            for x in (before.refs("value") if before is not None else ())
            if not _is_flag(model, x.name)
            and {model.dimensions[x.name].table} != {model.dimensions[f.name].table for f in flag}
        ]
        gap = r.question.norm[before.end : m.start] if before is not None else ""
        if flag and other and _HEAD_GAP.fullmatch(gap):
            senses = tuple(x for x in m.senses if x not in flag)
            m = replace(m, senses=senses)
        kept.append(m)
    return replace(r, matches=tuple(kept)) if kept != list(r.matches) else r


_HEAD_GAP: Final = re.compile(r"\s?(?:类|型|的)?\s?")


def _refusal(r: Reading, model: SemanticModel) -> Plan | None:
    lang = r.language
    if "injection" in r.cues or _SQL_LIKE.search(r.question.norm):
        return {
            "kind": "unsupported",
            "reason": phrase(lang, "choices", "injection"),
            "missing": [],
        }  # fmt: skip
    topics = sorted(c.removeprefix("scope:") for c in r.cues if c.startswith("scope:"))
    if _DWELL.search(r.question.norm) and "dwell_time" not in topics:
        topics.append("dwell_time")  # "the average time visitors spend on a page"
    topics = [t for t in topics if t not in _NAMES and not _said_of_a_split(r, t, model)]
    named = _named_elsewhere(r, model)
    if named is not None and not topics:  # the weather in a city is still the weather
        return choices.unknown_value([named], r, model)
    if topics and (not r.names("metric") or _ALWAYS_OUT & set(topics)):
        return choices.out_of_scope(topics, lang, model)
    unknown = unknown_values(r) + sibling_values(r, model)
    if unknown and unknown[0][1] == "product":
        return choices.out_of_scope(["product_catalog"], lang, model)
    if unknown:
        return choices.unknown_value(unknown, r, model)
    predicted = bool(_PREDICT.search(r.question.norm))
    past = (
        any(
            not resolve(t.spec, r.ctx).is_future(r.ctx)
            and _DATED.search(r.question.norm[t.start : t.end])
            and not (predicted and resolve(t.spec, r.ctx).end >= r.ctx.today)
            for t in r.times
        )
        if r.ctx
        else False
    )  # "how many will we have by the end of December": a month without its year is the next one;
    # "forecast revenue for December 2026" on 3 December: the rest of the month is still to come
    if (
        "future" in r.cues
        and not past
        and not ({"after", "before"} & r.cues and r.names("touchpoint"))
    ):
        return {
            "kind": "unsupported",
            "reason": phrase(lang, "choices", "no_forecast"),
            "missing": ["forecast"],
        }  # fmt: skip
    return None


# Words that ask for a prediction whatever the period: a period still running is a forecast too.
_PREDICT: Final = re.compile(r"\b(?:forecast\w*|predict\w*|projection)\b|预测|预计")

# A time said with its year or as relative to now ("in 2025", "last month", 上周), not a bare
# month or day that a forecast means as the next one.
_DATED = re.compile(
    r"\d{4}|\b(?:last|previous|past|this|ago|yesterday|today|since|so far|ytd)\b"
    r"|上|去|今|本|前|近|昨"
)

# Topics no metric can answer: "revenue by category", "users' phone numbers".
_ALWAYS_OUT = frozenset({"product_catalog", "personal_data", "competitors", "stock_price",
                         "chitchat", "weather", "profit", "dwell_time", "nps", "app_stability",
                         "demographics", "uninstalls", "fraud", "outcomes"})  # fmt: skip
_DWELL = re.compile(
    r"\btime\b.{0,24}\bspen[dt]s?\b.{0,12}\b(?:on|in)\b|\bstay(?:s|ed)? on (?:the |a |our )?"
    r"(?:page|site|app|screen)"
)
# Names of platforms and places the model does not have: asked back with the model's own values.
_NAMES = {"other_platforms": choices.channel_dimension, "other_regions": choices.place_dimension}


def _said_of_a_split(r: Reading, topic: str, model: SemanticModel) -> bool:
    """ "哪三个 region 卖得最好": a best-selling word right after a dimension ranks that dimension,
    it does not ask about products; "between viewing a product and ordering", a product word in a
    journey question, is the model's touchpoint of that name; a product dimension the question
    names is that split ("revenue by product category"), though not a SKU."""
    if topic != "product_catalog":
        return False
    words = {"product", "products", "item", "items", "sku", "商品", "产品", "单品", "品类"}
    named = [model.dimensions[d] for d in r.names("dimension")]
    if any(w in n.casefold() for w in words for d in named for n in d.names()):
        return True  # "revenue by product category": the split the model has
    journey = {"dropoff", "funnel", "after", "before", "conversion", "paths"} & r.cues
    steps = [n.casefold() for t in model.spec.touchpoints for n in t.names()]
    if journey and any(w in n for w in words for n in steps):
        return True
    for i, m in enumerate(r.matches):
        if f"scope:{topic}" in m.cues():
            before = r.matches[i - 1] if i else None
            after = r.matches[i + 1] if i + 1 < len(r.matches) else None
            return (
                before is not None and bool(before.refs("dimension")) and m.start - before.end <= 2
            ) or (  # "best selling campsite": the campsites ranked
                after is not None and bool(after.refs("dimension")) and after.start - m.end <= 1
            )
    return False


def _named_elsewhere(r: Reading, model: SemanticModel) -> tuple[str, str | None] | None:
    """A well-known platform or place the model does not have ("a channel called X"): the word
    and the model's dimension of that sort (None when it has none)."""
    for match in r.matches:
        for topic, dimension_of in _NAMES.items():
            if f"scope:{topic}" in match.cues():
                said = re.search(re.escape(match.term), r.question.text, flags=re.IGNORECASE)
                return (said[0] if said else match.term), dimension_of(model)
    return None


_SQL_LIKE = re.compile(
    r"\b(?:select|union)\b.*\bfrom\b|\b(?:drop|truncate|alter|create)\s+(?:table|database|view)"
    r"|\bdelete\s+from\b|\binsert\s+into\b|\bupdate\s+\w+\s+set\b|;\s*\w|--|/\*"
    r"|(?:删|清空|修改|改掉|篡改).{0,8}(?:表|数据库|库)|把\s*\w+\s*表|表\s*(?:删|清空)"
)


def _drivers(r: Reading, model: SemanticModel) -> Plan | None:
    if "drivers" not in r.cues or _credit_asked(r):
        return None
    if (
        "change" not in r.cues
        and not r.compare
        and (_split_asked(r) or _REASONS_SPREAD.search(r.question.norm))
    ):
        return None  # "why are people leaving? cancellations by reason": the reasons counted
    metric = _conversion_for(r, model) or next(iter(_refined(r, model, [])), None)
    tps = r.names("touchpoint")
    if metric is None and len(tps) == 1:  # "交车比3月少了": the count of that touchpoint
        metric = (
            roles.touchpoint_count(model, tps[0])
            or _count_named(r, model, tps[0])
            or _touchpoint_metric(r, model, tps[0])
        )
    if metric is None:
        return choices.which_metric(r, model, "drivers")
    plan: Plan = {
        "kind": "drivers",
        "metric": metric,
        "time": time_of(r, default=None if r.default_period else _CHANGE_PERIOD),
        "filters": filters(r, model),
    }
    plan["compare"] = r.compare or "previous_period"
    two = periods_compared(r)
    if two is not None:  # "why did X fall in Q3 vs Q2": the periods the question names
        plan["time"], plan["baseline"] = two
        plan["compare"] = None
    dims = breakdowns(r, model)
    if dims:
        plan["dimensions"] = dims
    return plan


# Reasons counted ("退票原因分布", "complaint reasons breakdown"): a split, not a why.
_REASONS_SPREAD: Final = re.compile(
    r"原因\s?(?:的)?\s?(?:分布|占比|构成|排名|排行|统计)|\breasons?\s+(?:breakdown|distribution|split)\b"
)


def _split_asked(r: Reading) -> bool:
    """A split said in so many words ("by reason", 按原因) after the question's why-word."""
    return any(r.cue_before(m.start, {"by"}, within=1) for m in r.mentions("dimension"))


def _credit_asked(r: Reading) -> bool:
    """Credit asked in words that are not also a change's ("各渠道对成交的贡献（归因分析）": 贡献
    is credit; 归因分析 may be either), and no word of a change's own ("why", 为什么)."""
    said = [m for m in r.matches if "drivers" in m.cues()]
    return (
        bool(said)
        and all(m.term in _EITHER for m in said)
        and any("attribution" in m.cues() and "drivers" not in m.cues() for m in r.matches)
    )


_EITHER: Final = frozenset({"归因分析"})


# "Why did X drop?" with no time words, on a model without a default period: a change needs two
# periods, so the last 7 days against the 7 before.
_CHANGE_PERIOD = "last_7_days"


def _attribution(r: Reading, model: SemanticModel) -> Plan | None:
    if not {"attribution", "all_models", "markov"} & r.cues or (
        "drivers" in r.cues and not _credit_asked(r)
    ):
        return None
    other = [d for d in breakdowns(r, model) if d not in ("channel", "touchpoint")]
    if other and r.names("metric"):
        return None  # "which campaign brought in the most revenue": a metric by campaign
    if _contributed_by_a_value(r):
        return None  # "VIP会员今年贡献了多少流水": those members' revenue
    named = [m for m in _ATTRIBUTION_MODELS if m in r.cues]
    by = "touchpoint" if "touchpoint" in r.names("dimension") else "channel"
    plan: Plan = {
        "kind": "attribution",
        "model": "all"
        if "all_models" in r.cues or len(named) > 1
        else (named or ["last_touch"])[0],
        "by": by,
        "time": time_of(r, default="last_30_days" if r.default_period else None),
        "filters": _on_events(
            model, filters(r, model, skip={"channel"} if by == "channel" else set())
        ),
    }
    if "revenue_value" in r.cues or any(roles.is_revenue(model, m) for m in r.names("metric")):
        plan["value"] = "revenue"
    buy = model.settings.purchase_touchpoint
    target = [t for t in r.names("touchpoint") if t != buy]
    # "credit for payments" where 支付 is the channel of the payment step: the conversion
    # credited, not a filter on the touches
    for f in list(plan["filters"]):
        if f["dimension"] != "channel" or len(f["values"]) != 1:
            continue
        own = roles.channel_touchpoints(model, f["values"][0])
        if buy in own or len(own) == 1:
            plan["filters"].remove(f)
            target += [t for t in own if t != buy and len(own) == 1]
    if target:
        plan["conversion_touchpoint"] = target[-1]
    return plan


def _on_events(model: SemanticModel, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The filters an analysis of events can take: a value of a ticket or survey column ("seat
    problem" read in "selecting seats") is left out, and the answer says it did not use it."""
    return [f for f in found if roles.reaches(model, "events", f["dimension"])]


def _contributed_by_a_value(r: Reading) -> bool:
    """What a named group of customers contributed (VIP会员贡献了多少流水, "how much did BYD
    drivers contribute"): only a contribution word, said of a value that is not a channel or
    touchpoint, and no channel asked for — their metric, not an attribution."""
    words = [m.term for m in r.matches if "attribution" in m.cues()]
    if not words or not all(w.startswith(("contribut", "贡献")) for w in words):
        return False
    if {"channel", "touchpoint"} & set(r.names("dimension")):
        return False
    values = [m for m in r.mentions("value") if m.ref.name not in ("channel", "touchpoint")]
    return bool(values) and bool(r.names("metric") or "revenue_value" in r.cues)


def _retention(r: Reading, model: SemanticModel) -> Plan | None:
    if "retention" not in r.cues:
        return None
    if any(_FUNNEL_WORD.search(m.term) for m in r.mentions("journey")):
        return None  # "… came back and paid? reminder funnel": the journey named as a funnel
    grains = {(m.ref.name, m.ref.value) for m in r.mentions("value") if m.term in _GRAIN_WORDS}
    kept = [
        {**f, "values": [v for v in f["values"] if (f["dimension"], v) not in grains]}
        for f in _on_events(model, filters(r, model, cohort=True))
    ]  # "monthly retention": the grain, not a "monthly" plan the model has as a value
    plan: Plan = {"kind": "retention", "filters": [f for f in kept if f["values"]]}
    if r.times or not r.default_period:
        plan["time"] = time_of(r)  # no time words and no default period: every cohort
    after = _PERIODS_AFTER.search(r.question.norm)
    unit, n = r.cohort or (grain_of(r, model) or (after[1] if after else "week"), 0)
    plan["cohort_grain"] = unit
    if not n and r.followed:  # "the first 3 months after", 之后三个月
        n = min(r.followed, RETENTION_PERIODS[unit])
    # without "week N" / 次月 ("of the people who bought in Jan, how many stay active month by
    # month"): each cohort followed as far as a plan allows, to the end of the data (periods not
    # yet started are left out), not only its first periods
    plan["periods"] = n or RETENTION_PERIODS[unit]
    touchpoints = r.names("touchpoint") or _counted_touchpoints(r, model)
    buy = model.settings.purchase_touchpoint
    if not touchpoints and buy is not None and _REPEAT.search(r.question.norm):
        touchpoints = [buy]  # "首购客户…复购留存": first purchases, then buying again
    if touchpoints:
        plan["cohort_touchpoint"] = touchpoints[0]
        if len(touchpoints) > 1:
            plan["return_touchpoint"] = touchpoints[-1]
        elif _REPEAT.search(r.question.norm) or _said_twice(r, model, touchpoints[0]):
            # 复购, "first visit … another visit": coming back to do it again
            plan["return_touchpoint"] = touchpoints[0]
    return plan


def _said_twice(r: Reading, model: SemanticModel, touchpoint: str) -> bool:
    """Whether the question names the touchpoint twice, itself or by a metric counting it:
    "whose first visit … came back for another visit"."""
    said: list[str | None] = [m.ref.name for m in r.mentions("touchpoint")]
    said += [roles.touchpoint_of(model, m.ref.name) for m in r.mentions("metric")]
    return said.count(touchpoint) >= 2


_GRAIN_WORDS: Final = frozenset(
    {"daily", "weekly", "monthly", "每日", "每周", "每月", "月度", "周度"}
)


def _counted_next(r: Reading, model: SemanticModel) -> list[str]:
    """ "what do families do right after checking in": the one step a count right after
    "after" / "before" counts (check-ins), when the question names no step and no other figure
    than people ("premium taken in, after refunds" asks for the premium)."""
    for said, then in zip(r.matches, r.matches[1:], strict=False):
        if {"after", "before"} & said.cues() and len(then.refs("metric")) == 1:
            counted = then.refs("metric")[0].name
            others = [m for m in r.names("metric") if m != counted]
            step = roles.touchpoint_of(model, counted)
            if step and all(roles.is_reach(model, m) for m in others):
                return [step]
            return []
    return []


def _counted_touchpoints(r: Reading, model: SemanticModel) -> list[str]:
    """The touchpoints of the metrics a retention question names ("first-time buyers", "首充的车主
    … 回来充电"): who starts a cohort, then what counts as coming back."""
    named = [m.ref.name for m in r.mentions("metric")]
    return [tp for name in named if (tp := roles.touchpoint_of(model, name))][:2]


_COUNTING = re.compile(
    r"how many|number of|how often|visited|\b(?:counts?|totals?|volume)\b"
    r"|多少|人数|数量|次数|几[单个次人笔趟场套张件台辆份条位家户节堂起宗例]|人次"
    r"|[^\s]数\s*$|数[吗呢？?]|[^\s]数\s?(?:对比|比较|排名|排行|分布|趋势|走势|变化)"
)


def _from_a_source(r: Reading) -> bool:
    """Every "before" word is "coming from" followed by a value: a source, not a path."""
    said = [i for i, m in enumerate(r.matches) if "before" in m.cues()]
    return all(
        _CAME_FROM.fullmatch(r.matches[i].term) is not None
        and i + 1 < len(r.matches)
        and bool(r.matches[i + 1].refs("value"))
        for i in said
    )


def _where_from_by(r: Reading) -> bool:
    """ "都是从哪些来源来的？按来源分一下": where people came from, split by a dimension, not a
    path."""
    said = [m for m in r.matches if "before" in m.cues()]
    return all(_WHERE_FROM.fullmatch(m.term) for m in said) and any(
        r.cue_before(m.start, {"by"}, within=1) for m in r.mentions("dimension")
    )


_COME_FROM = r"(?:come|comes|coming|came) from"
_WHERE_FROM = re.compile(rf"从哪|来自哪|{_COME_FROM}")
_CJK_TERM = re.compile(r"[\u4e00-\u9fff]")
_FUNNEL_WORD = re.compile(r"\bfunnel\b|漏斗")
_CAME_FROM = re.compile(rf"{_COME_FROM}|来自")
# "still around in the months after", "month after month": the cohort grain
_PERIODS_AFTER = re.compile(r"\b(day|week|month)s? after\b")
_REPEAT = re.compile(
    r"复购|回购|再次购买|再买|再下单|repurchase|buy again|bought again|purchase again|order again"
    r"|\brepeat (?:purchase|order|buy|buyer|customer)s?\b"
    # doing it again: "booked again", "come back and ski", 再次到诊, 回来消费 — the cohort's step
    r"|\b[a-z]+(?:ed)? again\b|\bc[oa]me back (?:to|and) [a-z]+|再次|再[订来玩约]"
    r"|回来(?:消费|买|订|玩|下单|预约|上课|滑雪|唱|洗|充|看)"
)


def _paths(r: Reading, model: SemanticModel) -> Plan | None:
    path_cues = {"after", "before", "paths", "top_paths"} & r.cues
    if not path_cues or {"dropoff", "time_to_convert"} & r.cues:
        return None
    if path_cues == {"before"} and (_from_a_source(r) or _where_from_by(r)):
        return None  # "apply funnel for people coming from Indeed": where they came from
    if r.names("journey") and _FUNNEL_WORD.search(r.question.norm):
        return None  # "扣款失败之后的催缴漏斗": the journey's funnel, not where people went next
    if _step_range(r, model) or (len(r.names("touchpoint")) >= 2 and r.window_days):
        return None  # "the share who paid within 3 days after a consult": a conversion
    if any(not roles.tables_of(model, m) <= {"events"} for m in r.names("metric")):
        return None  # "NPS after a claim": a survey or ticket figure, not where people went next
    if (
        path_cues == {"after"}
        and _AFTER_A_DATE.search(r.question.norm)
        and _COUNTING.search(r.question.norm)
    ):
        return None  # "how many booked after it closed on Oct 16": a count since a date
    touchpoints = (
        r.names("touchpoint") or _only_touchpoint_of_channel(r, model) or _counted_next(r, model)
    )
    if not touchpoints:
        named = [m for m in r.names("metric") if not roles.is_reach(model, m)]
        if named or {"money_in", "money_out"} & r.cues:
            return None  # "premium taken in, after refunds": a qualifier, not a path
        dangling = bool(r.matches) and bool({"after", "before"} & r.matches[-1].cues())
        if {"paths", "top_paths"} & r.cues or r.names("journey") or dangling:
            return choices.which_touchpoint(r, model, "paths")
        return None  # "after" alone is just a word ("users after the promotion")
    anchor = _anchor(r, touchpoints) if r.names("touchpoint") else touchpoints[0]
    implied = implied_channels(model, [anchor])
    kept = [
        f for f in _on_events(model, filters(r, model))
        if not (f["dimension"] == "channel" and set(f["values"]) <= implied)
    ]  # fmt: skip
    plan: Plan = {
        "kind": "paths",
        "touchpoint": anchor,
        "time": time_of(r),
        "filters": kept,
    }
    plan["direction"] = "before" if "before" in r.cues and "after" not in r.cues else "after"
    if {"paths", "top_paths"} & r.cues:
        plan["mode"] = "top_paths"
    limit = r.top_n
    if limit:
        plan["limit"] = limit
    return plan


_AFTER_A_DATE: Final = re.compile(
    rf"\bafter\b(?:\s+\w+){{0,5}}\s+(?:on\s+)?(?:\d{{1,2}}\s+{MONTH_WORDS}|{MONTH_WORDS}\s+\d{{1,2}})\b"
)


def _only_touchpoint_of_channel(r: Reading, model: SemanticModel) -> list[str]:
    """ "after the email/SMS" names a channel with a single touchpoint: that touchpoint; 微信咨询
    (a value "WeChat enquiry") ends with the one touchpoint's name 咨询: that touchpoint."""
    for mention in r.mentions("value"):
        if mention.ref.name == "channel":
            own = roles.channel_touchpoints(model, mention.ref.value)
            if len(own) == 1:
                return own
    for mention in r.mentions("value"):
        if not CJK_ONLY.fullmatch(mention.term) or mention.term[0] in _NEGATIONS:
            continue  # 未激活 is no activation; "late delivery" no delivery
        ending = {
            t.id
            for t in model.spec.touchpoints
            for name in t.names()
            if len(name) >= 2
            and CJK_ONLY.fullmatch(name)
            and mention.term != name
            and mention.term.endswith(name)
        }
        if len(ending) == 1:
            return [ending.pop()]
    return []


_NEGATIONS: Final = frozenset("未不没非无")


def _anchor(r: Reading, touchpoints: list[str]) -> str:
    """The touchpoint right after "after"/"before" (or the first one named)."""
    cue_at = r.cue_positions("after") + r.cue_positions("before")
    for mention in r.mentions("touchpoint"):
        if any(0 < mention.start - at <= 20 for at in cue_at):
            return mention.ref.name
    return touchpoints[0]


def _journey(r: Reading, model: SemanticModel) -> Plan | None:
    if _own_conversion(r, model) is not None:
        return None  # the model's own metric for exactly this conversion (see `_metric`)
    tps = _steps_named(r, model)
    if (
        "time_to_convert" in r.cues
        and len(tps) == 1
        and not {"funnel", "conversion"} & r.cues
        and not r.names("journey")
        and not _about_purchase(r, model)
        and any(tps[0] in j.steps for j in model.spec.journeys)
    ):
        return choices.time_to_which(tps[0], r, model)  # "how long from booking …" to what?
    shape = (  # what the journey question asks: how long, where people are lost, or how far
        "time_to_convert" if "time_to_convert" in r.cues and ("funnel" in r.cues or
            r.names("journey") or len(tps) >= 2 or _about_purchase(r, model)
            or ("conversion" in r.cues and not tps and not r.names("metric")))
        else "dropoff" if "dropoff" in r.cues or ("never" in r.cues and len(tps) >= 2)
        else "funnel" if "funnel" in r.cues or _journey_asked(r, model) or _step_range(r, model)
        else None
    )  # fmt: skip
    if shape is None:
        return None
    if (
        not r.names("journey")
        and len(tps) == 1
        and _JOURNEY_WORD.search(r.question.norm)
        and not any(tps[0] in j.steps for j in model.spec.journeys)
    ):
        return choices.which_journey(r, model, step=tps[0])  # "sign-up journey"
    plan: Plan = {"kind": "funnel" if shape == "time_to_convert" else shape, "time": time_of(r)}
    plan.update(journey_and_steps(r, model, tps))
    dims = [d for d in breakdowns(r, model) if d != "touchpoint"]
    flags = _flags(r, model, dims)
    plan["filters"] = _off_the_journey_name(r, model, plan, _on_events(model, filters(r, model)))
    plan["filters"] += [{"dimension": d, "op": "=", "values": [True]} for d in flags]
    dims = [d for d in dims if d not in flags]
    if dims:
        plan["breakdown"] = dims[0]
    if r.window_days:
        plan["window_days"] = min(365, r.window_days)
    if shape == "time_to_convert":
        plan["measure"] = "time_to_convert"
    if shape == "dropoff" and _RATE.search(r.question.norm):
        plan["rank_by"] = "lost_rate"  # "the highest drop-off rate", "流失率最高"
    if shape == "dropoff" and r.top_n:
        # "which step lost the most" keeps every step: the answer names the worst, and the chart
        # and table rank it against the others.
        plan["limit"] = r.top_n
    return plan


def _off_the_journey_name(
    r: Reading, model: SemanticModel, plan: Plan, found: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The filters, less a value whose word is in the journey's own name: "上周小程序哪一步流失
    最多" of the 小程序购票漏斗 is that journey, not its users picked by channel."""
    said = named_by_journey(r, model, plan.get("journey"))
    out = []
    for f in found:
        kept = [v for v in f["values"] if (f["dimension"], v) not in said]
        if kept:
            out.append({**f, "values": kept})
    return out


def _journey_asked(r: Reading, model: SemanticModel) -> bool:
    """A journey named as what to show — not as a word of a metric's question ("total fee income,
    letting + renewal fees": the fees, not the letting journey's funnel)."""
    if not r.names("journey"):
        return False
    if any(_FUNNEL_WORD.search(m.term) for m in r.mentions("journey")):
        return True  # "购买漏斗", "checkout funnel": the journey's name says funnel
    if r.names("touchpoint") and _HOW_MUCH.search(r.question.norm):
        return False  # "how much did we waive in fines": the money of a step, not the journey
    metrics = [m for m in r.names("metric") if not roles.is_reach(model, m)]
    return not metrics or bool({"conversion", "time_to_convert", "dropoff"} & r.cues)


def _own_conversion(r: Reading, model: SemanticModel) -> str | None:
    """ "quote → purchase conversion", "报价的人里有多少比例买了": when the model defines that
    very conversion as a metric, its definition (window, base) is the business's answer."""
    if {"funnel", "time_to_convert", "dropoff"} & r.cues or r.names("journey"):
        return None
    steps = _steps_named(r, model)
    if len(steps) != 2 or not _step_range(r, model):
        return None
    first, second = in_journey_order(steps, model)
    return roles.conversion_between(model, first, second, r.window_days)


def _steps_named(r: Reading, model: SemanticModel) -> list[str]:
    """Touchpoints named, and with a conversion or time word also the touchpoints that named
    metrics count ("installs → first payers conversion"), in the order said."""
    found = [(m.start, m.ref.name) for m in r.mentions("touchpoint")]
    asks_steps = bool({"conversion", "time_to_convert", "funnel"} & r.cues) or bool(
        r.window_days or _SHARE_OF.search(r.question.norm)
    )
    if asks_steps and len(found) < 2:
        for m in r.mentions("metric"):
            tp = roles.touchpoint_of(model, m.ref.name)
            if tp is not None:
                found.append((m.start, tp))
    if "time_to_convert" in r.cues and not found:  # "how long from quote to payment" when
        for m in r.mentions("metric"):  # the model's quote-to-payment rate is named: its steps
            steps = _conversion_steps(model, m.ref.name)
            if steps is not None:
                found += [(m.start, steps[0]), (m.start + 1, steps[1])]
                break
    return list(dict.fromkeys(tp for _, tp in sorted(found)))


def _conversion_steps(model: SemanticModel, metric: str) -> tuple[str, str] | None:
    """The two touchpoints of a conversion metric that is only them (no filters on a step)."""
    spec = model.metrics[metric]
    if not isinstance(spec, ConversionMetric):
        return None
    base, done = spec.base, spec.conversion
    if base.touchpoint is None or done.touchpoint is None or base.filters or done.filters:
        return None
    return base.touchpoint, done.touchpoint


_JOURNEY_WORD = re.compile(r"\bjourney\b|旅程")
_RATE = re.compile(r"\brates?\b|percentage|proportion|\bshare\b|流失率|比例|占比|百分比")


def _about_purchase(r: Reading, model: SemanticModel) -> bool:
    return model.settings.purchase_touchpoint in r.names("touchpoint") or any(
        roles.is_about_purchase(model, m) for m in r.names("metric")
    )


def _step_range(r: Reading, model: SemanticModel) -> bool:
    """ "from the first touchpoint to the second", "of the people who did X, what share did Y":
    two touchpoints and a conversion or share word."""
    general = any(roles.is_general_conversion(model, m) for m in r.names("metric"))
    share = _SHARE_OF.search(r.question.norm) is not None
    return len(_steps_named(r, model)) >= 2 and ("conversion" in r.cues or general or share)


_SHARE_OF = re.compile(
    r"\bwhat (?:share|percent(?:age)?|proportion|fraction|%)|\bhow many of\b|% of\b"
    r"|\bshare of\b|比例|占比|百分之|比率|的人里|的人中|的用户里|的用户中"
)


def _metric(r: Reading, model: SemanticModel) -> Plan | None:
    metrics = _metrics(r, model)
    counted = r.names("touchpoint") or _only_touchpoint_of_channel(r, model)
    ranked = bool({"desc", "asc", "which", "rank", "trend", "day", "week", "month"} & r.cues)
    split_asked = bool({"by", "share"} & r.cues) and bool(
        r.names("dimension")
    )  # 按渠道拆, 原因分布
    things = _counts_things(r)
    said = bool(r.names("touchpoint"))  # not only implied by a channel ("spent on ads")
    sold = _SOLD_HOW_MUCH.search(r.question.norm)
    if (
        not metrics
        and sold
        and "money_out" not in r.cues  # "how much did we blow on paid media": the spend
        and (counted == [model.settings.purchase_touchpoint] or sold[1] or sold[2])
    ):
        metrics = [m for m in (roles.revenue_metric(model),) if m]  # "how much did we sell"
    if not metrics and _SOLD_MOST.search(r.question.norm) and "money_out" not in r.cues:
        metrics = [m for m in (roles.order_count(model),) if m]  # 哪条线路卖得最多: orders
    buying = counted == [model.settings.purchase_touchpoint] and not _COUNTING.search(
        r.question.norm
    )
    if not metrics and len(counted) == 1 and _RATE_WORD.search(r.question.norm):
        metrics = _rate_named_after(r, model, counted[0])  # "unlock成功率": the unlock rate
    if (
        not metrics
        and len(counted) == 1
        and said
        and "money_out" not in r.cues
        and not things  # 收了多少次燃油费: how many times, not how much
        and (_HOW_MUCH.search(r.question.norm) or _CURRENCY.search(r.question.text))
    ):
        metrics = [m for m in (roles.touchpoint_money(model, counted[0]),) if m]  # "how much
        # did we refund", "refund $ by channel": the refund amount, not the refunds counted
    rate_of_buying = not metrics and buying and bool(_RATE_WORD.search(r.question.norm))
    if rate_of_buying:
        metrics = [m for m in (roles.general_conversion(model),) if m]  # "paying rate", 购买率
    named_things = _things_named(r, model, counted[0]) if len(counted) == 1 else None
    if (
        not metrics
        and len(counted) == 1
        and (said or not {"money_in", "money_out"} & r.cues)
        and (
            _COUNTING.search(r.question.norm)
            or ranked
            or split_asked
            or named_things  # "新加坡的订单": the orders counted
            or _values_compared(r)  # "抖音 vs 小红书 留资对比": the leads of each, side by side
        )
    ):
        if things:  # "how many times", 人次, "ad clicks": events, not people
            own = (
                _count_named(r, model, counted[0])
                or roles.touchpoint_things(model, counted[0])
                or roles.event_count(model)
            )
        elif _ORDERS.search(r.question.norm):  # "下了多少单": its orders, else the model's orders
            own = roles.touchpoint_things(model, counted[0]) or roles.order_count(model)
        else:
            of_people = "people" in r.cues or bool(_PEOPLE_ASKED.search(r.question.norm))
            # "how many people", 多少人: a count, never a sum of rows
            people = (
                roles.touchpoint_people(model, counted[0])
                or roles.people_including(model, counted[0])
                if of_people
                else None
            )
            tally = roles.touchpoint_tally if of_people else roles.touchpoint_count
            own = (
                people
                or (None if of_people else named_things)
                or tally(model, counted[0])
                or (roles.event_count(model) if _tallied(r, counted[0]) else None)
                or roles.reach_metric(model)
            )
        metrics = [own] if own else []
    counting_people = bool({"people", "payers", "new_people"} & r.cues) and bool(
        _COUNTING.search(r.question.norm)
    )
    orders_said = _ORDERS.search(r.question.norm) or (
        any(_ORDERS_VALUE.search(m.term) for m in r.mentions("value"))
        and not {"money_in", "money_out", "people"} & r.cues
        and not _PEOPLE_ASKED.search(r.question.norm)
    )  # 复购单, "repeat orders": a value said with the orders' own word
    if not metrics and not counted and orders_said:
        tables = {model.dimensions[m.ref.name].table for m in r.mentions("value")}
        elsewhere = len(tables) == 1 and "events" not in tables
        rows = roles.row_count(model, tables.pop()) if elsewhere else None
        metrics = [m for m in (rows or roles.order_count(model),) if m]  # "各品类卖了多少单":
        # orders; 迟到投诉有几单 (values of tickets only): the tickets
    if not metrics and (not said or "money_out" in r.cues) and not counting_people:
        # a channel's only touchpoint does not turn "spent on ads" into a count of ad clicks
        metrics = [m for m in (_money_metric(r, model), _conversion_word(r, model)) if m][:1]
    if not metrics and "order_value" in r.cues:
        metrics = [m for m in (roles.order_value_metric(model),) if m]  # "avg amount per payment"
    good = GOOD_SHARE.search(r.question.norm) is not None
    if good and not any(model.metrics[m].format == "percent" for m in metrics):
        metrics = _good_share(r, model) or metrics  # "what share rated us 4 or 5 stars": CSAT
    rating = (
        roles.rating_metric(model, _tables_named(r, model, metrics))
        if "stars" in r.cues and not ("share" in r.cues or good)
        else None
    )
    if rating and not _COUNTING.search(r.question.norm) and rating not in metrics:
        metrics = [rating]  # "平均几颗星", "avg stars": the mean rating, not a count of reviews
    if not metrics and not counted and _ACTIVE.search(r.question.norm) and "people" in r.cues:
        metrics = [m for m in (roles.reach_metric(model),) if m]  # "weekly active players"
    if not metrics and not counted and (ranked or _COUNTING.search(r.question.norm)):
        metrics = _rows_of_a_value(r, model)  # "投诉最多的科室": the complaint tickets
    if not metrics and not counted:
        metrics = _counted_by_its_split(r, model)  # "退费原因分布": the refunds, by reason
    if not metrics and not counted:
        metrics = _ticket_time_by(r, model)  # "how long to resolve each complaint type"
    if (
        not metrics
        and not counted
        and "people" in r.cues
        and (_COUNTING.search(r.question.norm) or {"desc", "asc"} & r.cues)
    ):
        named = _people_named(r, model)  # "members" when only "active members" counts them
        metrics = [m for m in (named or roles.reach_metric(model),) if m]  # "how many players"
    metrics = _refined(r, model, metrics)
    metrics = [_counted_not_summed(r, model, m) for m in metrics]
    metrics = [_first_time(r, model, m) for m in metrics]
    if (
        len(counted) == 1
        and len(metrics) == 1
        and not roles.counts_people(model, metrics[0])
        and model.metrics[metrics[0]].format != "percent"
        and _people_counted(r)
    ):  # "how many unique customers paid for an order": the payers, not the orders
        metrics = [roles.touchpoint_people(model, counted[0]) or metrics[0]]
    rate_asked = _RATE_ASKED.search(r.question.norm)
    renamed = (_rate_of_verb(r, model) or _rate_of_words(r, model)) if rate_asked else None
    if (
        renamed
        and renamed not in metrics
        and len(metrics) <= 1
        and not any(model.metrics[m].format == "percent" for m in metrics)
    ):
        metrics = [renamed]  # "what % of pass buyers renew": the renewal rate
    if len(counted) == 1 and metrics and all(roles.is_reach(model, m) for m in metrics):
        metrics = [_touchpoint_metric(r, model, counted[0]) or m for m in metrics][:1]
    metrics += [m for m in _also_asked(r, model, metrics) if m not in metrics]
    events = roles.event_count(model)
    if things and counted and events and all(roles.is_reach(model, m) for m in metrics):
        metrics = [events]  # "how many times did people do X": events, not people
    if not metrics:
        return None
    plan: Plan = {"kind": "metric", "metrics": metrics, "time": time_of(r)}
    tables = set().union(*(roles.tables_of(model, m) for m in metrics))

    def reachable(dimension: str) -> bool:  # what these metrics' rows cannot be split by is
        return roles.splits(model, metrics, dimension)  # left out, with a note

    asked = breakdowns(r, model)
    dims = [d for d in asked if reachable(d)]
    twins = [
        t
        for m in r.mentions("dimension")
        if m.ref.name in asked and not reachable(m.ref.name)
        and (t := _twin(model, dimension=m.ref.name, word=m.term, reachable=reachable,
                        tables=tables))
    ]  # fmt: skip
    twins = list(dict.fromkeys(twins))  # "channel" said twice names its twin once
    dims += [t for t in twins if t not in dims]  # "tickets by channel": the tickets' channel
    if not dims:
        dims = _by_kind(r, model, tables, reachable)
    split = _split_by(r, dims) | set(twins) | lone_contrasts(r, model)
    flags = _flags(r, model, dims)
    dims = [d for d in dims if d not in flags]  # "学生用户", "members": the yes side, not a split
    plan["filters"] = [
        f
        for f in filters(
            r,
            model,
            touchpoint_ok=_counts_events(metrics, model) and not rate_of_buying,
            fits=reachable,
        )
        if reachable(f["dimension"])
        and not (f["dimension"] in split and f["op"] == "=")  # "by tier: are VIPs better?"
        and not _examples_of_each(r, model, f["dimension"])
    ] + [{"dimension": d, "op": "=", "values": [True]} for d in flags]
    narrower = _narrower(model, plan)
    if narrower is not None:  # tickets where is_complaint: the model's complaint tickets
        plan["metrics"], plan["filters"] = [narrower[0]], narrower[1]
    plan["filters"] += _carried_filters(r, model, plan)
    plan["filters"] = [
        f
        for f in (_without_rate_words(r, model, f, metrics) for f in plan["filters"])
        if f["values"]
        and not _other_touchpoint(model, metrics, f)
        and not _numerator_condition(model, plan["metrics"], f)
    ]
    own = _touchpoint_own(model, plan)
    if own is not None:  # people "where touchpoint is Door Access": the model's members on site
        plan["metrics"] = [own]
        plan["filters"] = [f for f in plan["filters"] if not _on_touchpoint(model, f)]
    for f in plan["filters"]:  # 地推 vs 抖音 拉新人数对比: each side a row, not one total
        if f["op"] == "in" and f["dimension"] not in dims and _COMPARED.search(r.question.norm):
            dims.append(f["dimension"])
    sides = _side_by_side(r, plan["filters"])
    if sides is not None:  # 线上预订和散客各多少: a booking type and a channel, not both at once
        return choices.two_splits(sides, plan["metrics"][0], r, model)
    if dims:
        plan["dimensions"] = dims
    grain = grain_of(r, model)
    if grain:
        plan["grain"] = grain
    if r.compare:
        plan["compare"] = r.compare
    two = periods_compared(r)
    if two is not None:
        plan["time"], plan["baseline"] = two
        plan["compare"] = r.compare or "previous_period"
    whole = plan["time"] in ("all", {"kind": "all"})
    if plan.get("compare") and "baseline" not in plan and whole:
        del plan["compare"]  # all time has no period before it: the comparison word goes unused
    plan.update(limit_and_order(r, plan["metrics"][0], bool(dims)))
    judged = _JUDGED.search(r.question.norm)
    if judged and "order" in plan and not model.metrics[plan["metrics"][0]].higher_is_better:
        # "the worst cost per lead" is the highest cost; "the best response time" the lowest
        better = judged[0] in ("best", "strongest", "最好", "最强", "最佳")
        plan["order"] = {**plan["order"], "direction": "asc" if better else "desc"}
    speed = _said_speed(r)
    if speed and "order" in plan and _is_duration(model, plan["metrics"][0]):
        slow = speed[0] in ("slowest", "slower", "最慢", "慢")  # the longest time, not the least
        plan["order"] = {**plan["order"], "direction": "desc" if slow else "asc"}
    rule = [c for c in ("first_touch", "last_touch") if c in r.cues]
    if rule and "channel" in dims:
        plan["channel_rule"] = rule[0]
    return plan


def _values_compared(r: Reading) -> bool:
    """Whether two values of one dimension are set against each other ("抖音 vs 小红书")."""
    dims = [m.ref.name for m in r.mentions("value")]
    return len(dims) > len(set(dims)) and bool(_COMPARED.search(r.question.norm))


_COMPARED: Final = re.compile(r"\bvs\b|\bversus\b|\bcompared?\b|对比|比较|相比|比一下")


def _side_by_side(r: Reading, found: list[dict[str, Any]]) -> list[tuple[str, str]] | None:
    """(word, dimension) of two filter values of different dimensions the question sets against
    each other ("online bookings vs walk-ins", "线上预订和散客各多少"), or None."""
    kept = {f["dimension"] for f in found if f["op"] == "="}
    said = [m for m in r.mentions("value") if m.ref.name in kept]
    ends = {m.start: m.end for m in r.matches}
    norm = r.question.norm
    for a, b in itertools.pairwise(said):
        if a.ref.name == b.ref.name or a.start not in ends:
            continue
        between = norm[ends[a.start] : b.start]
        if _VERSUS.fullmatch(between) or (_AND.fullmatch(between) and _SET_APART.search(norm)):
            return [(a.term, a.ref.name), (b.term, b.ref.name)]
    return None


_VERSUS: Final = re.compile(r"\s*(?:\bvs\b\.?|\bversus\b|\bor\b|还是|或者?|对比|对)\s*")
_AND: Final = re.compile(r"\s*(?:\band\b|和|与|跟|及)\s*")
_SET_APART: Final = re.compile(r"各|分别|\beach\b|\brespectively\b|对比|比较|\bcompared?\b")


def _on_touchpoint(model: SemanticModel, f: dict[str, Any]) -> bool:
    dim = model.dimensions.get(f["dimension"])
    return dim is not None and dim.table == "events" and dim.column == "touchpoint"


def _without_rate_words(
    r: Reading, model: SemanticModel, f: dict[str, Any], metrics: list[str]
) -> dict[str, Any]:
    """The filter without the values whose word the rate's own name says in another form ("what %
    get declined": the decline rate, not the declined applications' rate)."""
    names = [n for m in metrics if model.metrics[m].format == "percent"
             for n in model.metrics[m].names()]  # fmt: skip

    def said(mention: Mention) -> bool:
        return any(
            named_by_noun(w, n) and w not in n.casefold().split()
            for w in mention.term.split()
            for n in names
        )

    gone = {m.ref.value for m in r.mentions("value") if m.ref.name == f["dimension"] and said(m)}
    return {**f, "values": [v for v in f["values"] if v not in gone]} if gone else f


def _things_named(r: Reading, model: SemanticModel, touchpoint: str) -> str | None:
    """The touchpoint's count of things when the question names the touchpoint by the start of
    that metric's name: 订单 of 订单数 ("累计订单最多的城市": the orders, not the buyers)."""
    things = roles.touchpoint_things(model, touchpoint)
    if things is None:
        return None
    said = [m.term for m in r.mentions("touchpoint") if m.ref.name == touchpoint]
    names = [n.casefold() for n in model.metrics[things].names()]
    return things if any(n.startswith(t) and n != t for t in said for n in names) else None


def _numerator_condition(model: SemanticModel, metrics: list[str], f: dict[str, Any]) -> bool:
    """A filter that is what a rate's numerator counts and its denominator does not ("% late at
    Glenmarie": late = true is the late-delivery rate's own condition; filtering by it makes
    every rate 100%)."""
    for name in metrics:
        metric = model.metrics[name]
        parts = metric.references()
        if metric.format != "percent" or len(parts) != 2:
            continue
        top, bottom = (roles.conditions_as_filters(model, p) for p in parts)
        if f in top and f not in bottom:
            return True
    return False


def _other_touchpoint(model: SemanticModel, metrics: list[str], f: dict[str, Any]) -> bool:
    """A touchpoint filter none of the metrics can meet: each counts or sums one other touchpoint
    (subscription revenue "where touchpoint is Interview Scheduled" is always nothing)."""
    if not _on_touchpoint(model, f) or f["op"] != "=":
        return False
    own = [roles.touchpoint_of(model, m) for m in metrics]
    return all(o is not None and o not in f["values"] for o in own)


def _touchpoint_own(model: SemanticModel, plan: Plan) -> str | None:
    """The model's own count of one touchpoint, for people or events counted where the
    touchpoint is that one (active users at Door Access: the members on site)."""
    on = [f for f in plan["filters"] if _on_touchpoint(model, f)]
    if len(plan["metrics"]) != 1 or len(on) != 1 or on[0]["op"] != "=" or len(on[0]["values"]) != 1:
        return None
    (metric,), touchpoint = plan["metrics"], str(on[0]["values"][0])
    if roles.is_reach(model, metric):  # people who did it, else the model's count of it
        return (
            roles.touchpoint_people(model, touchpoint)
            or roles.people_including(model, touchpoint)
            or roles.touchpoint_things(model, touchpoint)
        )
    if metric == roles.event_count(model):
        return roles.touchpoint_things(model, touchpoint)  # its own count of those events
    return None


def _tables_named(r: Reading, model: SemanticModel, metrics: list[str]) -> set[str]:
    """The tables the question's metrics and named values live in ("工单评分", "rating on damp
    jobs": the tickets' rating, not the orders')."""
    tables = set().union(*(roles.tables_of(model, m) for m in metrics)) if metrics else set()
    if _TICKET_WORD.search(r.question.norm):
        tables.add("tickets")  # the canonical table of service tickets
    return tables | {model.dimensions[m.ref.name].table for m in r.mentions("value")}


_TICKET_WORD: Final = re.compile(r"\b(?:tickets?|support cases?|service cases?)\b|工单|客服")


def _said_speed(r: Reading) -> re.Match[str] | None:
    """A word of speed outside the model's own names (发货慢, a value, is not "slow")."""
    return _SPEED.search(
        blanked(r.question.norm, ((m.start, m.end) for m in r.matches if m.refs()))
    )


def _counts_things(r: Reading) -> bool:
    """Occurrences rather than people: "how many times", 人次, or a touchpoint said as a plural
    noun ("daily ad clicks", "logins") with no word for people."""
    if "times" in r.cues:
        return True
    if {"people", "payers", "new_people"} & r.cues:
        return False
    norm = r.question.norm
    if _MOST_DONE.search(norm):
        return True  # "the 5 most-played shows": the plays, not the viewers
    for m in (m for m in r.matches if m.refs("touchpoint")):
        said = norm[m.start : m.end]
        if said.isascii() and any(
            w.endswith("s") and not w.endswith("ss") and w not in m.term.split()
            for w in said.split()
        ):
            return True  # "logins", "coupons issued" for the touchpoint "coupon issued"
        if (
            _HOW_MANY_BEFORE.search(norm, 0, m.start)
            and not _PEOPLE_AFTER.match(norm, m.end)
            and not _PEOPLE_AFTER.match(said)  # "多少人上传了处方": a match that took 人 in
        ):
            return True  # "收到多少PO", "有多少订单": the things, not the people
    return False


def _tallied(r: Reading, touchpoint: str) -> bool:
    """Whether a touchpoint is said with a count right after it (派单成功数, 下单量): how many
    times it happened, where the model has no count of its own for it."""
    norm = r.question.norm
    return any(_TALLY_AFTER.match(norm, m.end) for m in r.matches if touchpoint in
               {x.name for x in m.refs("touchpoint")})  # fmt: skip


_TALLY_AFTER: Final = re.compile(r"(?:次数|单量|单数|件数|笔数|数量|数|量)(?![人据])")
_MOST_DONE: Final = re.compile(r"\b(?:most|least)[\s-][a-z]+ed\b")
_HOW_MANY_BEFORE: Final = re.compile(r"(?:多少|几)\s?[个笔张份条]?\s?$")
_PEOPLE_AFTER: Final = re.compile(r"\s?(?:的)?\s?(?:人|位|名|个人|用户|客户)")


def _people_named(r: Reading, model: SemanticModel) -> str | None:
    """The one metric counting people whose name has the word the question calls them by."""
    words = {m.term for m in r.matches if "people" in m.cues()}
    found = [
        metric.name
        for metric in model.spec.metrics
        if roles.counts_people(model, metric.name)
        and any(
            re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", n.casefold())
            for w in words
            for n in metric.names()
        )
    ]
    if len(found) > 1:  # "new members", "renewing members", "active members": the active ones
        found = [
            f for f in found if any(_ACTIVE.search(n.casefold()) for n in model.metrics[f].names())
        ]
    return found[0] if len(found) == 1 else None


def _twin(
    model: SemanticModel,
    *,
    dimension: str,
    word: str,
    reachable: Callable[[str], bool],
    tables: set[str],
) -> str | None:
    """The one dimension these metrics can be split by whose name ends with the word said
    ("channel" said of tickets: the ticket channel; 渠道: 受理渠道)."""
    said = head_word(word)
    found = [
        d.name
        for d in model.spec.dimensions
        if d.name != dimension and d.type != "time" and reachable(d.name)
        and said in dimension_heads(model, d.name)
    ]  # fmt: skip
    own = [d for d in found if model.dimensions[d].table in tables]  # the metric's own rows first
    found = own or found
    if len(found) != 1:  # "spend by platform": the spend rows' own column of that name
        column = model.dimensions[dimension].column
        found = [
            d.name
            for d in model.spec.dimensions
            if d.name != dimension and d.type != "time" and reachable(d.name)
            and any((d.column if t == d.table else d.also_in.get(t)) == column for t in tables)
        ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _carried_filters(r: Reading, model: SemanticModel, plan: Plan) -> list[dict[str, Any]]:
    """ "How long do we take to resolve complaints": the resolution time of the tickets the
    named count counts (its condition as a filter, where a dimension holds that column) — the
    count itself gave way to the time."""
    if len(plan["metrics"]) != 1 or not _is_duration(model, plan["metrics"][0]):
        return []
    tables = roles.tables_of(model, plan["metrics"][0])
    out: list[dict[str, Any]] = []
    for name in r.names("metric"):
        if name in plan["metrics"] or roles.tables_of(model, name) != tables:
            continue
        out += roles.conditions_as_filters(model, name)
    have = {f["dimension"] for f in plan["filters"]}
    return [f for f in out if f["dimension"] not in have]


def _ticket_time(r: Reading, model: SemanticModel, names: list[str]) -> str | None:
    """ "How long do tickets take to resolve", "工单一般多久能办结": the time a ticket took, not
    their count (to its first answer when the question says reply / 响应)."""
    if not ("time_to_convert" in r.cues or _said_speed(r)) or not names:
        return None
    if not all(roles.tables_of(model, n) == {"tickets"} for n in names):
        return None
    if any(_is_duration(model, n) for n in names):
        return None
    end = "first_response_ts" if "respond" in r.cues and "resolve" not in r.cues else "resolved_ts"
    return roles.ticket_duration(model, end)


def _ticket_time_by(r: Reading, model: SemanticModel) -> list[str]:
    """How long tickets take, asked with only a split of the tickets named ("how long does it
    take to resolve each complaint type", "各类问题多久回复"): the ticket's time to that end."""
    norm = r.question.norm
    timed = "time_to_convert" in r.cues or _TIME_WORD.search(norm) or _said_speed(r)
    if not timed or not {"resolve", "respond"} & r.cues:
        return []
    end = "first_response_ts" if "respond" in r.cues and "resolve" not in r.cues else "resolved_ts"
    took = roles.ticket_duration(model, end)
    dims = [d for d in r.names("dimension") if model.dimensions[d].type != "time"]
    return [took] if took and all(roles.splits(model, [took], d) for d in dims) else []


_TIME_WORD = re.compile(r"\btimes?\b|时长|时间|多久|多长时间")


def _is_duration(model: SemanticModel, metric: str) -> bool:
    found = model.metrics.get(metric)
    return found is not None and found.format.startswith("duration")


_JUDGED = re.compile(r"\b(?:best|worst|strongest|weakest)\b|最好|最差|最强|最弱|最佳")
# 快 / 慢 alone, but not inside the words they start: 快递 (a parcel), 快手 (an app), 快捷, 快餐,
# 慢性病 (a chronic illness) say nothing about speed.
_SPEED = re.compile(
    r"\b(?:slowest|fastest|quickest|slower|faster|quicker)\b|\bhow (?:fast|quickly|soon)\b"
    r"|最慢|最快|慢(?![性病])|快(?![递手捷餐乐件照讯报车])"
)


def _also_asked(r: Reading, model: SemanticModel, metrics: list[str]) -> list[str]:
    """A second ask said in generic words beside a named metric ("花了多少，ROI多少", "卖了多少单、
    客单价多少", "what did we spend and what was the ROI"): the spend or the order count too."""
    if not metrics or not _TWO_ASKS.search(r.question.norm):
        return []
    out = []
    cost = roles.cost_metric(model)
    if cost and "money_out" in r.cues:
        out.append(cost)
    orders = roles.order_count(model)
    if orders and _ORDERS.search(r.question.norm):
        out.append(orders)
    if not _EXPLAINED.search(r.question.norm):
        return out
    within = {p for m in metrics for p in model.metrics[m].references()}
    return [m for m in out if m not in within]  # "CAC，就是每签一单花多少营销费": its own parts


# A second clause that explains the first: "CAC, i.e. spend per deal", "CAC？就是每签一单花多少".
_EXPLAINED: Final = re.compile(r"就是|也就是|即|i\.?e\.?|that is|meaning|in other words")


_TWO_ASKS = re.compile(r"(?:多少|几).{0,12}[\s，,、和及].{0,16}(?:多少|几)|\band (?:what|how)\b")


def _rows_of_a_value(r: Reading, model: SemanticModel) -> list[str]:
    """A value of another table's dimension counted when no metric is named ("which department
    gets the most complaints", "投诉最多的科室"): that table's rows with the value — the model's own
    narrowed count when it has one, else the row count (the value stays a filter)."""
    values = [m for m in r.mentions("value") if model.dimensions[m.ref.name].table != _EVENTS]
    tables = {model.dimensions[m.ref.name].table for m in values}
    if len(tables) != 1:
        return []
    base = roles.row_count(model, tables.pop())
    if base is None:
        return []
    wanted = [{"dimension": m.ref.name, "op": "=", "values": [m.ref.value]} for m in values]
    return [roles.narrowed(model, base, wanted) or base]


_EVENTS = "events"


def _counted_by_its_split(r: Reading, model: SemanticModel) -> list[str]:
    """A split whose name starts with the thing it splits ("退费原因", "refund reason", "退订原因
    top3"), asked with no metric: the model's count of that touchpoint, or that metric."""
    for m in r.mentions("dimension"):
        for head in _heads(m.term):
            for ref in model.lookup(head):
                count = _COUNT_OF.get(ref.kind)
                found = count(model, ref.name) if count else None
                if found and roles.splits(model, [found], m.ref.name):
                    return [found]
    return []


# What counts a named thing: a metric itself, a touchpoint the model's count of it.
_COUNT_OF: Final[dict[str, Callable[[SemanticModel, str], str | None]]] = {
    "metric": lambda _model, name: name,
    "touchpoint": roles.touchpoint_count,
}


def _heads(term: str) -> list[str]:
    """The name's beginnings, longest first: its words but the last, or 2+ Chinese characters."""
    words = term.split()
    if len(words) > 1:
        return [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    if _CJK_TERM.match(term):
        return [term[:n] for n in range(len(term) - 1, 1, -1)]
    return []


def _touchpoint_metric(r: Reading, model: SemanticModel, touchpoint: str) -> str | None:
    """The model's own count of one touchpoint for "how many people did X" (its people) or "how
    many times / orders" (its events or orders), rather than everyone active filtered to it."""
    if _counts_things(r) or _ORDERS.search(r.question.norm):
        return _count_named(r, model, touchpoint) or roles.touchpoint_things(model, touchpoint)
    return roles.touchpoint_people(model, touchpoint)


def _good_share(r: Reading, model: SemanticModel) -> list[str]:
    """The share of good ratings, on the table the question names (tickets) when several."""
    found = roles.good_rating_shares(model)
    said = " ".join(m.term for m in r.matches) + " " + r.question.norm
    on = [name for name, table in found if table.rstrip("s") in said or table in said]
    return (on or [name for name, _ in found])[:1]


def _first_time(r: Reading, model: SemanticModel, metric: str) -> str:
    """ "new paying customers", 新付费客户: the people who paid for the first time, when the model
    counts them, rather than everyone who paid in the range."""
    if not roles.is_purchasers(model, metric):
        return metric
    for m in r.matches:
        if any(x.name == metric for x in m.refs("metric")) and _NEW_BEFORE.search(
            r.question.norm, max(0, m.start - 6), m.start
        ):
            return roles.first_time_purchasers(model) or metric
    return metric


_NEW_BEFORE: Final = re.compile(r"(?:\bnew|新增?|新的)\s?$")


def _narrower(model: SemanticModel, plan: Plan) -> tuple[str, list[dict[str, Any]]] | None:
    """The model's own metric for one metric counted where one of the plan's filters holds, with
    the other filters (tickets where is_complaint and the category is late: the complaint
    tickets of that category)."""
    metrics, found = plan["metrics"], plan.get("filters", [])
    if len(metrics) != 1:
        return None
    for f in found:
        narrow = roles.narrowed(model, metrics[0], [f]) if f.get("op", "=") == "=" else None
        own = _channel_touchpoint(model, f) if narrow is None else None
        if own is not None:  # revenue in the farm shop, whose one step is the produce sale
            narrow = roles.narrowed(model, metrics[0], [own])
        if narrow is not None:
            return narrow, [other for other in found if other is not f]
    return None


def _counted_not_summed(r: Reading, model: SemanticModel, metric: str) -> str:
    """ "how many card top-ups" when the model's "top-ups" is their amount: the count of that
    touchpoint the model has, not the money ("how much" keeps the money)."""
    if model.metrics[metric].format != "currency" or not _HOW_MANY_TIMES.search(r.question.norm):
        return metric
    touchpoint = roles.touchpoint_of(model, metric)
    return (roles.touchpoint_count(model, touchpoint) if touchpoint else None) or metric


_HOW_MANY_TIMES: Final = re.compile(r"\bhow many\b|\bnumber of\b|(?:多少|几)\s?[次笔单]")


def _channel_touchpoint(model: SemanticModel, f: dict[str, Any]) -> dict[str, Any] | None:
    """The filter on the one touchpoint of the channel `f` keeps, when it keeps one channel."""
    if f["dimension"] != "channel" or f.get("op", "=") != "=" or len(f["values"]) != 1:
        return None
    own = roles.channel_touchpoints(model, f["values"][0])
    return {"dimension": "touchpoint", "op": "=", "values": own} if len(own) == 1 else None


def _count_named(r: Reading, model: SemanticModel, touchpoint: str) -> str | None:
    """The one count metric named by the touchpoint's word counted ("多少PO" when the orders are
    also called "POs"; "多少订单" with a metric 订单数): the model's count of those things."""
    said = _said_for(r, touchpoint)
    wanted = {f"{w}{end}" for w in said for end in ("s", "数", "量", "数量", "es")}
    found = [
        metric.name
        for metric in model.spec.metrics
        if metric.format not in ("percent", "currency")
        and not metric.format.startswith("duration")
        and wanted & {n.casefold() for n in metric.names()}
    ]
    return found[0] if len(found) == 1 else None


def _quantity_named(r: Reading, model: SemanticModel) -> list[str]:
    """ "卖了多少张票", "借了几本书": the model's one count named by that measure word (售票张数)
    or by that noun counted (票数, 门票数量) — the things, not the orders they came in."""
    hit = _QUANTITY_ASKED.search(r.question.norm)
    if hit is not None:
        unit, noun = hit[1], hit[2]
    elif (bare := _THING_ASKED.search(r.question.norm)) and bare[1] not in _NOT_THINGS:
        unit, noun = "", bare[1]  # 卖了多少券: the thing, with no measure word
    else:
        return []

    def by_unit(name: str) -> bool:  # (件数 inside 事件数 is no count of pieces)
        return bool(unit) and f"{unit}数" in name.replace("事件", "")

    def by_noun(name: str) -> bool:  # 订票单数 counts the orders the tickets came in
        return bool(noun) and name.endswith(("数", "量")) and noun in name[:-1] and "单" not in name

    for test in (by_noun, by_unit):  # 几张券: the vouchers (券售出数), not some other 张数
        things = [
            m.name
            for m in model.spec.metrics
            if m.format == "number"
            and not roles.counts_people(model, m.name)
            and any(map(test, m.names()))
        ]  # 购票人数 counts people: not the tickets
        if len(things) == 1:
            return things
    return []


# How many, a measure word of things (not 单/笔/人/次/个) and maybe the thing: 多少张票, 几本.
_QUANTITY_ASKED: Final = re.compile(
    r"(?:多少|几)\s?([张件本杯盒瓶份束台辆晚双套支罐袋箱])\s?([\u4e00-\u9fff]?)"
)
# How many of one thing ending the clause, with no measure word: 卖了多少券.
_THING_ASKED: Final = re.compile(r"(?:多少|几)\s?([\u4e00-\u9fff])(?=$|[\s，。,.?？!！呢啊])")
_NOT_THINGS: Final = frozenset("人单笔次个钱天年月周日元块位家种条项分秒岁倍成点号")


def _metrics(r: Reading, model: SemanticModel) -> list[str]:
    own = _own_conversion(r, model)
    if own is not None:
        return [own]
    joined = _joined_name(r, model)
    if joined is not None:
        return [joined]
    names = (
        [_as_rate(r, model, n) for n in _head_metrics(r, model)]
        or _value_noun(r, model)
        or _around_a_value(r, model)
    )
    quantity = _quantity_named(r, model)
    if quantity and all(
        roles.counts_orders(model, n) and roles.is_about_purchase(model, n) for n in names
    ):
        names = quantity  # "卖了多少张票": the tickets, not the orders (票 may name them too)
    cost, revenue = roles.cost_metric(model), roles.revenue_metric(model)
    if cost in names and revenue and CUSTOMERS_SPEND.search(r.question.norm):
        per_order = _PER_ORDER.search(r.question.norm)
        theirs = (roles.order_value_metric(model) if per_order else None) or revenue
        names = list(dict.fromkeys(theirs if n == cost else n for n in names))  # their money
    conversion = _conversion_for(r, model)
    if conversion and conversion not in names:
        names = [conversion if roles.is_general_conversion(model, n) else n for n in names]
    if len(names) > 1 and r.names("touchpoint"):
        names = [n for n in names if not roles.is_reach(model, n)] or names
    general = _conversion_word(r, model)
    if (
        general
        and "conversion" in r.cues
        and len(names) == 1
        and not r.names("touchpoint")
        and roles.is_about_purchase(model, names[0])
        and general != names[0]
    ):
        names = [general]  # "下单转换率": the conversion rate, not the buyers
    return list(dict.fromkeys(names))


_COUNT_SUFFIX: Final = re.compile(r"(?:总数|人数|次数|数量|数|量)$")


def _value_noun(r: Reading, model: SemanticModel) -> list[str]:
    """A value named with the noun of a metric and nothing else counted: 年卡会员有多少人 — the
    members (会员数) on that card; "how many Hanfu shoots" (a theme called "Hanfu shoot") — the
    shoots of that theme. The one metric whose name (in Chinese less its count word) ends the
    value's name and whose rows carry the value's dimension."""
    if r.names("touchpoint"):
        return []
    found: set[str] = set()
    for mention in r.mentions("value"):
        ends = _ends_chinese if CJK_ONLY.fullmatch(mention.term) else _ends_in_words
        for metric in model.spec.metrics:
            if any(ends(mention.term, n) for n in metric.names()) and roles.splits(
                model, [metric.name], mention.ref.name
            ):
                found.add(metric.name)
    return [found.pop()] if len(found) == 1 else []


def _around_a_value(r: Reading, model: SemanticModel) -> list[str]:
    """An English metric name said around a value: "avg progressive order value" is the average
    order value of progressive lenses — the one metric named by words just before and just after
    the value."""
    norm, found = r.question.norm, set()
    for mention in r.mentions("value"):
        end = mention.start + len(mention.term)
        before, after = norm[: mention.start].split()[-3:], norm[end:].split()[:3]
        for i in range(len(before)):
            for j in range(1, len(after) + 1):
                phrase = " ".join(before[i:] + after[:j])
                found |= {x.name for x in model.lookup(phrase) if x.name in model.metrics}
    return [found.pop()] if len(found) == 1 else []


def _ends_chinese(term: str, name: str) -> bool:
    noun = _COUNT_SUFFIX.sub("", name) if CJK_ONLY.fullmatch(name) else ""
    return len(noun) >= 2 and term.endswith(noun) and term != noun


def _ends_in_words(term: str, name: str) -> bool:
    said, named = term.split(), [stem(w) for w in name.casefold().split()]
    return 0 < len(named) < len(said) and [stem(w) for w in said[-len(named) :]] == named


_JOINER: Final = re.compile(
    r"\b(?:and|vs|versus|or|per|had|has|have|with|over|above|below|by)\b|[,，、和及与跟还或每]|以及"
)  # two metrics, a ratio ("revenue per order") or a condition: not one name said in parts


def _joined_name(r: Reading, model: SemanticModel) -> str | None:
    """One metric whose English name is words of two metrics the question names apart, with no
    "and" between them: "ticket satisfaction (service desk CSAT)" is the ticket CSAT, not the
    tickets and the CSAT."""
    said = r.mentions("metric")
    if len(said) < 2 or len({m.ref.name for m in said}) < 2:
        return None
    norm = r.question.norm
    first, last = said[0], said[-1]
    if _JOINER.search(norm[first.start + len(first.term) : last.start]):
        return None
    words = {stem(w) for w in re.findall(r"[a-z0-9]+", norm)}
    terms = [{stem(w) for w in m.term.split()} for m in said]
    found = {
        metric.name
        for metric in model.spec.metrics
        if metric.name not in {m.ref.name for m in said}
        for name in metric.names()
        if name.isascii()
        and (parts := {stem(w) for w in name.casefold().split()}) <= words
        and sum(bool(parts & t) for t in terms) >= 2
        and not any(parts <= t for t in terms)  # "move outs" inside "early move-out rate"
    }
    return found.pop() if len(found) == 1 else None


def _refined(r: Reading, model: SemanticModel, names: list[str]) -> list[str]:
    """Generic words that say which of the model's people or order counts is meant."""
    took = _ticket_time(r, model, names)
    if took:
        return [took]
    only_people = not names or all(roles.is_reach(model, n) for n in names)
    norm = r.question.norm
    new_users, payers = roles.new_users_metric(model), roles.purchasers_metric(model)
    per_new = _cost_per_new(model, names, new_users)
    if (
        per_new
        and ("money_out" in r.cues or _COST.search(norm))
        and (
            "new_people" in r.cues
            or "acquired" in r.cues
            or new_users in names
            or _ONE_NEW.search(norm)
        )
        and _PER_ONE.search(norm)
        and not (
            len(names) == 1
            and model.metrics[names[0]].format == "currency"
            and names[0] != roles.cost_metric(model)
        )
    ):
        return [per_new]  # "拉新一个客户花了多少钱", "cost per new member": CAC
    per_named = [c for n in names if (c := roles.cost_per(model, n))]
    if len(names) == 1 and per_named and _COST.search(norm) and _PER_ONE.search(norm):
        return per_named  # "每份投递的成本", "cost per application": that ratio of the model's
    revenue = roles.revenue_metric(model)
    if (
        revenue
        and "money_in" in r.cues
        and "money_out" not in r.cues
        and len(names) == 1
        and model.metrics[names[0]].format != "currency"
        and _HOW_MUCH.search(norm)
    ):
        return [revenue]  # "how much did we bring in from bill payments": money, not a count
    if only_people and "new_people" in r.cues and new_users:
        return [new_users]  # "new patients", 新注册: people by when they were first seen
    if only_people and "payers" in r.cues and (named := _payers_named(model) or payers):
        return [named]  # "paying players", 付费用户
    if len(names) == 1 and roles.is_purchasers(model, names[0]):
        general = roles.general_conversion(model)
        if general and _RATE_WORD.search(norm):
            return [general]  # "paying rate": the rate, not the payers
        orders = roles.order_count(model)
        if orders and _ORDERS.search(norm):
            return [orders]  # "多少单", "几笔": orders, not people
    return names


# Words between "how many" and the people counted: "how many unique customers", 多少个用户.
_COUNTED_PEOPLE_GAP = re.compile(
    r"\s*(?:(?:unique|distinct|different|individual|separate)\s+)?"
    r"|\s*(?:个|位|名)?"
)


def _people_counted(r: Reading) -> bool:
    """Whether the question counts people: a people word right after "how many" / 多少."""
    norm = r.question.norm
    asks = [m.end for m in r.matches if "how_many" in m.cues()]
    return any(
        "people" in m.cues() and _COUNTED_PEOPLE_GAP.fullmatch(norm[end : m.start])
        for m in r.matches
        for end in asks
        if m.start >= end
    )


_RATE_ASKED = re.compile(r"%|\bpercent(?:age)?\b|\bshare of\b|\brate\b|\bhow often\b|比例|占比")


def _rate_of_words(r: Reading, model: SemanticModel) -> str | None:
    """The one rate whose name has two of the words the question named ("多大比例的工单被升级": 工单
    and 升级 of 工单升级率)."""
    said = {m.term for m in r.matches if m.refs() and len(m.term) >= 2}
    return roles.one_named(model, "percent", lambda n: sum(t in n.casefold() for t in said) >= 2)


def _rate_of_verb(r: Reading, model: SemanticModel) -> str | None:
    """The one rate the model names by the noun of a verb the question left unread, or read as a
    value ("what % of pass buyers renew": the pass renewal rate; "what % get declined")."""
    values = [m.term for m in r.mentions("value")]
    words = re.findall(r"[a-z]{4,}", " ".join((r.unread(), *values)))
    return roles.one_named(model, "percent", lambda n: any(named_by_noun(w, n) for w in words))


def _cost_per_new(model: SemanticModel, names: list[str], new_users: str | None) -> str | None:
    """The model's cost per one new customer: per the people the question counted (拉新 for new
    customers), else per new users, first-time buyers or purchasers — the first the model has."""
    for counted in (*names, new_users, roles.first_time_purchasers(model)):
        found = roles.cost_per(model, counted) if counted else None
        if found:
            return found
    return roles.acquisition_cost(model)


def _said_for(r: Reading, touchpoint: str) -> set[str]:
    """The words the question called `touchpoint` by."""
    return {m.term for m in r.matches if any(x.name == touchpoint for x in m.refs("touchpoint"))}


def _rate_named_after(r: Reading, model: SemanticModel, touchpoint: str) -> list[str]:
    """The one rate whose name has the word the question called a touchpoint by ("unlock" of
    "unlock success rate", 开锁 of 开锁成功率)."""
    said = _said_for(r, touchpoint)
    found = roles.one_named(
        model,
        "percent",
        lambda n: bool(_RATE_WORD.search(n)) and any(w in n.casefold() for w in said),
    )
    return [found] if found else []


def _payers_named(model: SemanticModel) -> str | None:
    """The one metric the model calls by a word for payers ("purchasers", "buyers", 付费人数),
    whatever its filter says a payment is."""
    words = set(CUES["payers"])
    found = [m.name for m in model.spec.metrics if any(n.casefold() in words for n in m.names())]
    return found[0] if len(found) == 1 else None


_PER_ORDER = re.compile(r"\bper (?:order|visit|purchase|basket)\b|每单|单均|每次")
_ACTIVE = re.compile(r"\bactive\b|活跃")
_EACH = re.compile(r"分别|各自|\brespectively\b|\bvs\b|\bversus\b|对比|相比|\bcompare")
# (the normalised question spells 一个 as "1 个")
_PER_ONE = re.compile(
    r"\bper\b|\beach\b|\ba new\b|\bto (?:acquire|get|win|sign) (?:a|one|each)\b"
    r"|(?<![\d.])1\s?[个位单名笔份]|每个|每位|单个|人均|每获取|每[份单次条笔张位]"
)
_COST = re.compile(r"\bcosts?\b|成本|花费|花了|花多少|要用多少|要花")
# One new person won: "签 1 个会员", "拉新 1 位客户", "to sign each new member".
_ONE_NEW = re.compile(
    r"(?<![\d.])1\s?[个位名]\s?新?(?:客户|会员|用户|学员|客人|顾客|人)"
    r"|\b(?:acquire|get|win|sign) (?:a|one|each|every) (?:new )?[a-z]+"
)
_SOLD_MOST = re.compile(r"(?:卖|售)(?:得|的|出)最多")  # the most sold: counted, not money
_SOLD_HOW_MUCH = re.compile(
    r"\bhow much\b"
    r"|(卖了多少|卖出多少|销售了多少|卖得最好|卖得最差|卖得最少)(?![钱单张件台辆份笔次个人])"
    r"|(\bbest[- ]selling\b|\bsells? (?:the )?best\b|\bsold (?:the )?(?:best|most)\b)"
)  # "how much did we sell", 卖了多少, 哪个营地卖得最好: money; 卖了多少单: orders
# A currency sign said with an action ("refund $", "退款¥"): its money (normalising drops it).
_CURRENCY: Final = re.compile(r"[$¥￥£€]")
_HOW_MUCH = re.compile(r"\bhow much\b|\bamounts?\b|多少钱|多少收入|赚了多少|收了多少|金额|总额")
_RATE_WORD = re.compile(r"\brate\b|率")
_PEOPLE_ASKED = re.compile(r"多少人|几个人|几人|\bhow many (?:people|customers|users)\b")
# A value said with the orders' word: 复购单, "repeat orders" — not a word that only ends with 单
# (传单 leaflets, 菜单 a menu, 清单 a list…) nor 订单 itself.
_ORDERS_VALUE = re.compile(r"[\u4e00-\u9fff](?<![订下出买传菜清名账表床简])单$|\w \borders?$")
_ORDERS = re.compile(r"多少单|几单|出了多少单|下单最多|多少笔|几笔|\bhow many orders\b")
_CONTEXT_BEFORE = re.compile(
    r"\b(?:for|on|of|in|among|from|by|per|across|with|about)\s+(?:\S+\s+)?$"
)


def _conversion_word(r: Reading, model: SemanticModel) -> str | None:
    """ "Conversion rate" said in words the model does not list: its general conversion rate."""
    if "conversion" not in r.cues:
        return None
    return roles.general_conversion(model)


# "By type", "各类", "哪种问题": a split by the one dimension of these rows that is a category.
_KIND_WORD = re.compile(
    r"\b(?:by|per|each|which|what|top \d+) (?:\w+ )?(?:types?|kinds?|categor(?:y|ies)|sorts?)\b"
    r"|\b(?:types?|kinds?|categor(?:y|ies)) of\b|各类|各种|哪类|哪种|哪一类|什么类|按类|按种类|分类"
    r"|不同(?:的)?(?:类型|类别|种类|类)|各个类型|每种类型|每个类型|\bdifferent (?:types?|kinds?)\b"
)
_KIND_HEAD = re.compile(r"(?:\b(?:type|kind|category)|类型|类别|分类|种类)$")


def _by_kind(
    r: Reading, model: SemanticModel, tables: set[str], reachable: Callable[[str], bool]
) -> list[str]:
    """The dimension a generic kind word means ("tickets by type", "各类<noun>", "what kind of
    issue"): the one category-like dimension (its name or label ends in type, category, 类型,
    类别…) of the counted rows' own table, else the one these rows can be split by at all; none
    when that is still several or none."""
    if not _KIND_WORD.search(r.question.norm):
        return []
    found, named = [], []
    for dim in model.spec.dimensions:
        heads = [h for n in words_of(dim) if (h := _KIND_HEAD.search(n.casefold()))]
        if heads and reachable(dim.name):
            found.append(dim)
            if any(
                len(h.string[: h.start()].strip()) >= 2
                and h.string[: h.start()].strip() in r.question.norm
                for h in heads
            ):
                named.append(dim.name)  # the noun before the kind word is in its label too
    if len(named) == 1:
        return named
    own = [d.name for d in found if d.table in tables]
    if len(own) == 1:
        return own
    return [found[0].name] if len(found) == 1 else []


def _flags(r: Reading, model: SemanticModel, dims: list[str]) -> list[str]:
    """Yes/no dimensions named without a split word or a value ("students", "VIP members",
    "学生用户"): the people on the yes side, not a split."""
    split = _split_by(r, dims)
    valued = {m.ref.name for m in r.mentions("value")}
    norm = r.question.norm
    both = {  # "新老客GMV占比", "members vs non-members", 是否学生: both sides, a split
        m.ref.name
        for m in r.mentions("dimension")
        if _BOTH_SIDES.search(norm[max(0, m.start - 4) : m.start + len(m.term) + 4])
    }
    return [
        d
        for d in dims
        if d not in split
        and d not in valued
        and d not in both
        and _is_flag(model, d)
        and not _EACH.search(norm)
        and not _SHARES.search(norm)
    ]


_BOTH_SIDES: Final = re.compile(
    r"新老|老新|是否|是不是|有没有|\bor not\b|\band non|\bvs\b|\bversus\b"
)
_SHARES: Final = re.compile(r"占比|比例|\bshare of\b|\bsplit\b|\bmix\b")


def _is_flag(model: SemanticModel, name: str) -> bool:
    """A yes/no dimension (its values are true and false)."""
    values = {v.value for v in model.dimensions[name].values}
    return bool(values) and values <= {True, False}


def _examples_of_each(r: Reading, model: SemanticModel, dimension: str) -> bool:
    """Values listed right after "each <dimension>" ("each support channel (hotline / in-app /
    wechat)", "各渠道（微信、App）") show what it means: examples, not a filter."""
    for m in r.mentions("dimension"):
        before = [x for x in r.matches if x.end <= m.start][-1:]
        if not before or before[0].term not in _EACH_WORD:
            continue  # (the split said may be the twin of the filter's: tickets' channel)
        end = max(x.end for x in r.matches if x.start == m.start)
        values = [v for v in r.mentions("value") if v.ref.name == dimension]
        if not values or not all(end <= v.start <= end + 40 for v in values):
            continue
        every = len({v.ref.value for v in values}) >= len(model.dimensions[dimension].values)
        if every or _IN_BRACKETS.search(r.question.text):
            return True  # "各渠道（微信、App）": what the split means; a list of some is a filter
    return False


_IN_BRACKETS: Final = re.compile(r"[(（][^)）]*[)）]")


_EACH_WORD: Final = frozenset({"each", "every", "for each", "各", "各个", "每个", "每一个", "每种",
                          "每一种", "每类", "每一类", "每家"})  # fmt: skip


def _split_by(r: Reading, dims: list[str]) -> set[str]:
    """Breakdowns asked for in so many words ("by X", "按X", "各X"), not implied by values."""
    return {
        m.ref.name
        for m in r.mentions("dimension")
        if m.ref.name in dims
        and (r.cue_before(m.start, {"by"}, within=1) or m.term.startswith(("by ", "按")))
    }


def _money_metric(r: Reading, model: SemanticModel) -> str | None:
    """ "How much did we make / spend": revenue or marketing cost, when no metric is named."""
    if "money_out" in r.cues:
        return roles.cost_metric(model)
    if "money_in" in r.cues or "revenue_value" in r.cues:
        return _money_named(r, model) or roles.revenue_metric(model)
    return None


def _money_named(r: Reading, model: SemanticModel) -> str | None:
    """The one money metric whose name has a thing the question named ("made from meeting
    rooms": the meeting room revenue)."""
    said = {m.term for m in r.matches if m.refs() and len(m.term) >= 4}
    return roles.one_named(model, "currency", lambda n: any(t in n.casefold() for t in said))


def _as_rate(r: Reading, model: SemanticModel, name: str) -> str:
    """A metric said with "%" or "rate" right after it ("gross margin %", "毛利占比") is the
    model's metric of that name and a rate word ("gross margin rate", 毛利率), when it has one."""
    norm = r.question.norm
    for m in r.matches:
        if not any(ref.name == name for ref in m.refs("metric")):
            continue
        if not _RATE_AFTER.match(norm, m.end):
            continue
        for word in _RATE_WORDS:
            joined = f"{m.term}{word}" if _CJK_TERM.match(m.term) else f"{m.term} {word}"
            rates = [x.name for x in model.lookup(joined) if x.name in model.metrics]
            if rates:
                return rates[0]
    return name


_RATE_AFTER = re.compile(r"\s*(?:%|percent\b|percentage\b|rate\b|ratio\b|率|占比|比例|比率)")
_RATE_WORDS: Final = ("rate", "ratio", "percentage", "%", "率", "占比", "比例", "比率")


def _head_metrics(r: Reading, model: SemanticModel) -> list[str]:
    """The metrics to compute: a metric word that only says *which* rows ("first response time
    for chat tickets", "cancellation rate by booking platform", "<指标>的<指标>") is context of the
    metric it qualifies, not a second metric."""
    mentions = r.mentions("metric")
    if len(mentions) < 2:
        return [_narrowed(r, model, m) for m in mentions] or r.names("metric")
    norm, kept = r.question.norm, []
    dims = {d.start for d in r.mentions("dimension")}
    for i, m in enumerate(mentions):
        before = norm[max(0, m.start - 24) : m.start]
        after = m.start + len(m.term)
        if m.term.isascii() and after + 1 in dims and norm[after : after + 1] == " ":
            continue  # "lead channels", "order source": a metric word naming a split's kind
        if i > 0 and m.term.isascii() and _CONTEXT_BEFORE.search(before):
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = norm[m.start + len(m.term) : nxt.start] if nxt is not None else " "
        if _CJK_TERM.match(m.term) and nxt is not None and gap.strip() in ("", "的"):
            if gap == "" and roles.narrows(model, m.ref.name, nxt.ref.name):
                kept.append(m.ref.name)  # "投诉工单": the complaint tickets, a kind of ticket
                break
            continue  # "<metric>的<metric>": the first names the rows of the second
        kept.append(m.ref.name)
    return list(dict.fromkeys(kept)) or r.names("metric")


def _narrowed(r: Reading, model: SemanticModel, mention: Mention) -> str:
    """A metric's noun said right before another metric it narrows: 投诉 (of 投诉量) before
    工单数 is the complaint tickets, not all tickets with 投诉 as a modifier."""
    for m in r.matches:
        if m.weak and m.end == mention.start:
            for ref in m.refs("metric"):
                if roles.narrows(model, ref.name, mention.ref.name):
                    return ref.name
    return mention.ref.name


def _conversion_for(r: Reading, model: SemanticModel) -> str | None:
    """The metric a question means: "<a step>'s conversion rate" is that step's conversion metric
    when the model has one; otherwise the first metric named."""
    names = r.names("metric")
    rate_said = "conversion" in r.cues or _RATE_WORD.search(r.question.norm) is not None
    if (not names and rate_said) or any(roles.is_general_conversion(model, n) for n in names):
        for tp in r.names("touchpoint"):
            own = roles.step_conversion(model, tp)
            if own is not None:
                return own
    return names[0] if names else None


def _counts_events(metrics: list[str], model: SemanticModel) -> bool:
    """Whether a touchpoint can filter these metrics: they count or sum rows of `events` that no
    filter ties to touchpoints ("续期扣款收了多少钱" is the revenue of that touchpoint)."""
    for name in metrics:
        measures = model.measures_of(name)
        if not measures or any(
            m.table != "events" or any(f.column == "touchpoint" for f in m.filters)
            for m in measures
        ):
            return False
    return True


__all__ = ["Plan", "decide"]
