"""Follow-ups: "and by channel?", "what about the week before?", "只看微信", "换成留存率", "why?".

A follow-up changes the previous plan instead of starting over. `is_followup` tells from the
words (a leading "and / what about / 那 / 换成 / 只看…", a trailing "呢", or a question that names
no metric, journey or analysis of its own); `apply` keeps everything the new words do not
change: a new metric keeps the time, breakdowns and filters; a new filter replaces the old one
on the same dimension only; "the week before" moves the time back one period. What the words
do to a plan of each kind (a breakdown, a grain, a ranking, "why?") is that kind's `follow` rules
in its unit (`assistant/kinds/`, asked through `kind_of`); this module applies them.
"""

from __future__ import annotations

import re
from typing import Any, Final

from assistant.kinds import kind_of
from assistant.kinds.follow import JOURNEY_KEYS, FollowUp
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import QueryPlan
from semantic_layer.time import TimeContext, TimeSpec, previous_period, resolve

from . import roles
from .coverage import GENERIC_EN
from .decide import Plan, decide
from .lexicon import stem
from .reading import Reading
from .shared import breakdowns, filters, grain_of, limit_and_order, time_of

_MARKERS = re.compile(
    r"^(?:(?:and|what about|how about|what if|same|now|then|ok|okay|also|instead|only|just|"
    r"switch to|change to|show me|break it down|break down|split|compare|vs|versus|but)\b|"
    r"那|那么|再|换成|改成|改为|换|只看|仅看|按|分|看看|也|还有|如果|同样|对比|只要|就)"
)
_SHIFT = re.compile(
    r"(?:the )?(?:week|month|day|quarter|year|period) before\b(?! last)|"
    r"(?:the )?previous (?:week|month|day|quarter|year|period)|"
    r"(?:a |one )?(?:week|month|day) earlier|before that|"
    r"前\s?1\s?(?:周|个月|月|天|日|期|个季度|年)|再往前|再前\s?1\s?(?:周|个月|天)|上\s?1\s?期"
)
_SUBJECT_CUES: Final = frozenset(
    {
        "attribution",
        "retention",
        "dropoff",
        "funnel",
        "time_to_convert",
        "paths",
        "top_paths",
        "injection",
    }
)


def has_subject(r: Reading) -> bool:
    """Whether the question names what to compute (a metric, journey or analysis)."""
    return bool(r.names("metric") or r.names("journey") or (_SUBJECT_CUES & r.cues)) or bool(
        {"after", "before"} & r.cues and r.names("touchpoint")
    )


def _names_objects(r: Reading) -> bool:
    kinds = ["journey", "touchpoint", "value", "dimension"]
    if not {"time_to_convert", "funnel", "dropoff"} & r.cues:
        kinds.append("metric")  # in "转化要多久" the 转化 is the funnel's, not a metric
    return any(r.mentions(k) for k in kinds)


def is_followup(r: Reading, previous: QueryPlan | None) -> bool:
    """Whether the question builds on the previous plan (see the module docstring)."""
    if previous is None or not kind_of(previous.kind).analysis:
        return False
    norm = r.question.norm
    if "injection" in r.cues or any(c.startswith("scope:") for c in r.cues):
        return False
    if _MARKERS.match(norm) or norm.endswith("呢") or _SHIFT.search(norm):
        return True
    if has_subject(r) and not _names_objects(r):
        return True  # "转化要多久", "retention?": an analysis of what was just shown
    said_something = bool(
        r.times or r.compare or r.mentions("value") or r.names("dimension")
        or {"day", "week", "month", "trend", "desc", "asc", "rank"} & r.cues
    )  # fmt: skip
    return not has_subject(r) and (said_something or "drivers" in r.cues or r.top_n is not None)


def apply(r: Reading, previous: QueryPlan, model: SemanticModel, ctx: TimeContext) -> Plan:
    """The previous plan changed by the follow-up's words."""
    base = previous.model_dump(mode="json", exclude_none=True)
    follow = _follow(base)
    if "drivers" in r.cues and not r.names("metric") and follow.why:
        return _why(r, base, model)
    if follow.revenue and _revenue_only(r):
        return {**base, "value": "revenue", "language": r.language}  # "what about revenue?"
    if has_subject(r) and not _narrows_people(r, model):
        own = decide(r, model)
        if kind_of(own["kind"]).outcome == "answer":
            return _inherit(own, base, r, model, ctx)
    return _modify(dict(base), r, model, ctx)


def _follow(plan: Plan) -> FollowUp:
    """The follow-up rules of the plan's kind (none of its own for sql, clarify, unsupported)."""
    return kind_of(plan["kind"]).follow or FollowUp()


def _narrows_people(r: Reading, model: SemanticModel) -> bool:
    """ "only Hangzhou customers", "只看VIP用户": the people word names whom to keep, not a new
    metric (everyone active) to compute instead of what was shown."""
    metrics = r.names("metric")
    return (
        bool(metrics)
        and all(roles.is_reach(model, m) for m in metrics)
        and not (_SUBJECT_CUES & r.cues)
        and not r.names("journey")
        and bool(r.mentions("value"))
    )


def _revenue_only(r: Reading) -> bool:
    metrics = r.names("metric")
    return ("revenue_value" in r.cues or metrics == ["revenue"]) and set(metrics) <= {"revenue"}


def _why(r: Reading, base: dict[str, Any], model: SemanticModel) -> Plan:
    plan: Plan = {"kind": "drivers", "metric": base["metrics"][0], "time": base["time"],
                  "filters": base.get("filters", []), "language": r.language}  # fmt: skip
    plan["compare"] = r.compare or base.get("compare") or "previous_period"
    dims = breakdowns(r, model) or base.get("dimensions", [])
    if dims:
        plan["dimensions"] = dims
    return plan


def _inherit(
    own: Plan, base: dict[str, Any], r: Reading, model: SemanticModel, ctx: TimeContext
) -> Plan:
    """A new analysis in a follow-up keeps the old time, filters and breakdowns it didn't say."""
    mine, before = _follow(own), _follow(base)
    if not r.times and "time" in base and not mine.own_time:
        own["time"] = _time(r, base, ctx) or base["time"]
    said = {f["dimension"] for f in own.get("filters", [])}
    own["filters"] = [f for f in base.get("filters", []) if f["dimension"] not in said] + own.get(
        "filters", []
    )
    same_kind = kind_of(own["kind"]) is kind_of(base["kind"])
    if same_kind and mine.view and mine.view[0] not in own:
        for key in mine.view:
            if key in base and key not in own:
                own[key] = base[key]
        _ranked_alike(own, base)
    same_journey = not r.names("journey") and not r.names("touchpoint")
    if mine.steps and before.steps and same_journey:
        own.pop("steps", None)
        own.pop("journey", None)
        own.update({k: base[k] for k in JOURNEY_KEYS if k in base})
    return own


def _ranked_alike(own: Plan, base: dict[str, Any]) -> None:
    """ "top 3 districts by GMV" then "now by number of orders": the same ranking and cut, by the
    new metric, when the follow-up splits the same way and says no ranking of its own."""
    order = base.get("order")
    if (
        "metrics" not in own
        or not order
        or "order" in own
        or order.get("by") not in base.get("metrics", [])
        or own.get("dimensions") != base.get("dimensions")
        or own.get("grain") != base.get("grain")
    ):
        return
    own["order"] = {**order, "by": own["metrics"][0]}
    if base.get("limit"):
        own["limit"] = base["limit"]


def _journey_of_value(
    plan: Plan, new_filters: list[dict[str, Any]], model: SemanticModel
) -> str | None:
    """In a follow-up to a funnel, a value that names another journey (its label is in that
    journey's name, as "hotel" in "hotel booking") switches to that journey."""
    if not _follow(plan).steps or len(new_filters) != 1:
        return None
    f = new_filters[0]
    dim = model.dimensions.get(f["dimension"])
    if dim is None or len(f["values"]) != 1 or f.get("op", "=") != "=":
        return None
    value = next((v for v in dim.values if v.value == f["values"][0]), None)
    words = {str(f["values"][0]).casefold()}
    if value is not None:
        words |= {value.label("en").casefold(), value.label("zh").casefold()}
    words = {w for w in words if len(w) >= 2}
    found = [
        j.name
        for j in model.spec.journeys
        if any(w in f"{j.name} {j.label('en')} {j.label('zh')}".casefold() for w in words)
    ]
    if plan.get("journey") in found:
        return str(plan["journey"])  # the value the journey is named after: no filter to add
    return found[0] if len(found) == 1 else None


def _journey_said(plan: Plan, r: Reading, model: SemanticModel) -> str | None:
    """ "换成酒店的呢", "what about hotels?" after a funnel: the one other journey whose name has
    an unread word of the question that the current journey's name lacks."""
    if not _follow(plan).steps or plan.get("journey") not in model.journeys:
        return None
    current = model.journeys[plan["journey"]]
    free = r.unread()
    words = {stem(w) for w in re.findall(r"[a-z]{3,}", free) if w not in GENERIC_EN}

    def parts(j: Any) -> tuple[set[str], set[str]]:  # "and" of "retouching and delivery": no name
        zh, en = j.label("zh"), f"{j.name.replace('_', ' ')} {j.label('en')}".casefold()
        return {zh[i : i + 2] for i in range(len(zh) - 1)}, {stem(w) for w in en.split()}

    now_zh, now_en = parts(current)
    found = []
    for journey in model.spec.journeys:
        if journey.name == current.name:
            continue
        zh, en = parts(journey)
        if any(b in free for b in zh - now_zh) or (en - now_en) & words:
            found.append(journey.name)
    return found[0] if len(found) == 1 else None


def _modify(plan: Plan, r: Reading, model: SemanticModel, ctx: TimeContext) -> Plan:
    plan["language"] = r.language
    follow = _follow(plan)
    rule = [c for c in ("first_touch", "last_touch") if c in r.cues]
    if rule and follow.touch_rule is not None:
        plan[follow.touch_rule] = rule[0]  # "what about first touch?"
    time = _time(r, plan, ctx)
    against = follow.compare and _SET_AGAINST.search(r.question.norm) is not None
    if time is not None and against and _the_one_before(time, plan.get("time"), ctx):
        plan["compare"] = "previous_period"  # "跟前一个月比呢": the same period, against that
    elif time is not None:
        plan["time"] = time
    if r.compare and follow.compare:
        plan["compare"] = r.compare
    acquired = follow.cohort or any(
        f["dimension"] == "acquisition_channel" for f in plan.get("filters", [])
    )
    new_filters = filters(r, model, cohort=acquired)
    other = _journey_of_value(plan, new_filters, model) or _journey_said(plan, r, model)
    if other is not None:  # "换成酒店的呢" after the flight funnel: the hotel journey
        plan.pop("steps", None)
        plan["journey"], new_filters = other, []
    if new_filters and follow.narrows and len(plan.get("metrics", [])) == 1:
        narrower = roles.narrowed(model, plan["metrics"][0], new_filters)
        if narrower is not None:  # "其中投诉的呢" after tickets: the complaint tickets metric
            plan["metrics"], new_filters = [narrower], []
    if new_filters:
        said = {f["dimension"] for f in new_filters}
        kept = [f for f in plan.get("filters", []) if f["dimension"] not in said]
        plan["filters"] = kept + new_filters
    _breakdown(plan, follow, r, model)
    grain = grain_of(r, model)
    if follow.grain and grain is not None:
        plan["grain"] = grain
        plan.pop("order", None)
        plan.pop("limit", None)
    if follow.rank == "order" and ({"desc", "asc", "rank"} & r.cues or r.top_n):
        plan.update(limit_and_order(r, plan["metrics"][0], bool(plan.get("dimensions"))))
    elif r.top_n and follow.rank == "limit":
        plan["limit"] = r.top_n
    if follow.direction and len({"after", "before"} & r.cues) == 1:
        plan["direction"] = "after" if "after" in r.cues else "before"  # "and before it?"
    return plan


def _reachable_twin(model: SemanticModel, metrics: list[str], dim: str) -> str:
    """ "按渠道拆一下" of sign-ups counted on people: channels are on events, so the people's
    own channel dimension (a "<how they came> channel") when exactly one such reachable one
    exists."""
    if roles.splits(model, metrics, dim):
        return dim
    wanted = model.dimensions[dim]
    twins = [
        d.name
        for d in model.spec.dimensions
        if d.name != dim
        and (
            d.name.endswith("_" + dim) or wanted.label("en").casefold() in d.label("en").casefold()
        )
        and roles.splits(model, metrics, d.name)
    ]
    return twins[0] if len(twins) == 1 else dim


def _breakdown(plan: Plan, follow: FollowUp, r: Reading, model: SemanticModel) -> None:
    """ "by channel": what the kind's `split` rule says (see `assistant/kinds/follow.py`)."""
    dims = breakdowns(r, model)
    if not dims:
        return
    if follow.split == "add":
        dims = [_reachable_twin(model, plan["metrics"], d) for d in dims]
        instead = "instead" in r.question.norm or "换成" in r.question.norm
        old = [] if instead else [d for d in plan.get("dimensions", []) if d not in dims]
        plan["dimensions"] = (old + dims)[:5]
        order = plan.get("order")
        if order and order["by"] not in (*plan["metrics"], *plan["dimensions"]):
            plan.pop("order")
    elif follow.split == "breakdown":
        plan["breakdown"] = dims[0]
        plan.pop("limit", None)  # every step of every segment
    elif follow.split == "replace":
        plan["dimensions"] = dims
    elif follow.split == "by" and dims[0] in ("channel", "touchpoint"):
        plan["by"] = dims[0]


def _time(r: Reading, plan: Plan, ctx: TimeContext) -> Any:
    """The follow-up's time: "the week before" = the period before the previous plan's."""
    old = plan.get("time")
    if old is not None and _SHIFT.search(r.question.norm):
        return _shifted(old, ctx)
    if not r.times:
        return None
    new = time_of(r)
    if old is not None and _same_range(new, old, ctx):
        return _shifted(old, ctx)  # "上一周呢" right after last week: the one before it
    return new


def _the_one_before(new: Any, old: Any, ctx: TimeContext) -> bool:
    """Whether `new` is the period right before `old` (the previous plan's time)."""
    if old is None:
        return False
    before = previous_period(resolve(TimeSpec.parse(old), ctx))
    return resolve(TimeSpec.parse(new), ctx) == before


# A follow-up that sets the shown figure against another period: "跟前一个月比呢", "vs the week
# before?", "compared with the month before".
_SET_AGAINST = re.compile(r"比呢|比一下|比较|对比|相比|\bvs\b|\bversus\b|\bcompared?\b|\bagainst\b")


def _shifted(old: Any, ctx: TimeContext) -> dict[str, Any]:
    rng = previous_period(resolve(TimeSpec.parse(old), ctx))
    return {"kind": "range", "start": rng.start.isoformat(), "end": rng.end.isoformat()}


def _same_range(a: Any, b: Any, ctx: TimeContext) -> bool:
    return resolve(TimeSpec.parse(a), ctx) == resolve(TimeSpec.parse(b), ctx)


__all__ = ["apply", "has_subject", "is_followup"]
