"""Plan parts every kind of plan reads the same way: time, filters, breakdowns, grain, ranking."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any, Final

from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.time import TimeContext, TimeSpec, resolve

from .cues import CURRENCY_WORDS
from .lexicon import CJK_ONLY
from .reading import Mention, Reading
from .text import prepare

DEFAULT_TIME: Final = "all"
_TIME_DIMENSION_TYPE: Final = "time"
_RANKING: Final = frozenset({"desc", "asc", "which", "rank"})


def time_of(r: Reading, default: str | None = None) -> str | dict[str, Any]:
    """The question's time: the first time phrase that is not the baseline of a comparison.
    Without one: `default`, else the model's `default_period`, else all the data."""
    default = default or r.default_period or DEFAULT_TIME
    if not r.times and _ALL_DATA.search(r.question.norm):
        return DEFAULT_TIME  # "in total", "一共", "altogether": all the data, whatever the default
    if not r.times:
        return default
    if r.compare and len(r.times) == 1 and _after_compare_word(r):
        return default  # "revenue vs last week": last week is the baseline
    chosen = r.times[0]
    last = r.times[-1]
    if (
        len(r.times) >= 2
        and not (r.compare or "versus" in r.cues or last.relative)
        and last.spec.root.kind in ("between", "range")
    ):
        chosen = (
            last  # "春节消费贷那段时间（1月19到2月28）", "Double 11 (Nov 1-11)": the dates given
        )
    form: dict[str, Any] = chosen.spec.model_dump(mode="json")
    return form


_ALL_DATA = re.compile(r"\bin total\b|\baltogether\b|\ball together\b|总共|一共|总计|合计")


def periods_compared(r: Reading) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Two periods the question compares ("did Q2 beat Q1", "本周和上周相比", "this week against
    the week before"): (the later one, the earlier one as the baseline)."""
    ctx = r.ctx
    said_than = len(r.times) >= 2 and _THAN_BEFORE.search(r.question.norm[: r.times[1].start])
    if ctx is None or len(r.times) < 2 or not (r.compare or "versus" in r.cues or said_than):
        return None  # "9月交付评分比8月": 比 right before the second period compares them
    first, second = r.times[0].spec, r.times[1].spec
    if _to_date_vs_last(first.root, second.root):
        return None  # "this month so far vs last month": like-for-like days, as `compare` does
    try:
        a, b = resolve(first, ctx), resolve(second, ctx)
    except ValueError:
        return None
    if a == b:
        return None
    later, earlier = (first, second) if (a.end, a.start) > (b.end, b.start) else (second, first)
    return later.model_dump(mode="json"), earlier.model_dump(mode="json")


_THAN_BEFORE = re.compile(r"比\s?$")


def _to_date_vs_last(a: Any, b: Any) -> bool:
    return (
        getattr(a, "kind", None) == "this"
        and getattr(b, "kind", None) == "last"
        and getattr(b, "n", None) == 1
        and getattr(b, "unit", None) == getattr(a, "unit", None)
    )


def _after_compare_word(r: Reading) -> bool:
    norm, t = r.question.norm, r.times[0]
    before = norm[max(0, t.start - 14) : t.start]
    return any(w in before for w in ("vs", "versus", "compared", "than", "比", "较", "相比"))


# "which day", "the 5 busiest days", 哪天, 最忙的5天: periods ranked, one row each
_WHICH_PERIOD = re.compile(
    r"which (day|week|month)|哪(?:一)?(天|周|个月|月)"
    r"|\b(?:busiest|quietest|slowest|biggest|best|worst|peak|record)\s+(day|week|month)s?\b"
    r"|最(?:忙|闲|旺|淡|多|少)的\s?(?:\d+\s?)?(天|周|个月|月)"
)


def _which_period(r: Reading) -> str | None:
    m = _WHICH_PERIOD.search(r.question.norm)
    if m is None:
        return None
    said = next(g for g in m.groups() if g)
    return {"天": "day", "周": "week", "个月": "month", "月": "month"}.get(said, said)


_EACH_OF_TWO: Final = re.compile(
    r"(?:(?P<month>\d{1,2}\s?月)|q[1-4]|第?[一二三四1-4]季度)\s?(?:和|与|跟|、|\band\b)\s?"
    r"(?:\d{1,2}\s?月|q[1-4]|第?[一二三四1-4]季度).{0,16}?"
    r"(?:(?:各|分别)(?=\s?(?:是|有)?\s?(?:多少|几))|\beach\b|\brespectively\b)"
)
GRAIN_CUES: Final = ("day", "week", "month", "quarter")  # the cues that ask for a series


def grain_of(r: Reading, model: SemanticModel) -> str | None:
    """A time series grain: said ("daily", "每周") or implied by "trend" over the time range."""
    which = _which_period(r)
    if which is not None:
        return which
    for grain in GRAIN_CUES:
        if grain in r.cues:
            return grain
    each = _EACH_OF_TWO.search(r.question.norm)
    if each is not None:  # "10月和11月各多少单": one row for each month named
        return "month" if each["month"] else "quarter"
    by_date = any(
        model.dimensions[m.ref.name].type == _TIME_DIMENSION_TYPE
        and r.cue_before(m.start, {"by"}, within=1)
        for m in r.mentions("dimension")
    )
    if "trend" in r.cues or by_date:
        spec = TimeSpec.parse(time_of(r))
        rng = resolve(spec, TimeContext(today=date.today()))
        days = 400 if rng.open_start else (rng.end - rng.start).days
        return "day" if days <= 45 else "week" if days <= 190 else "month"
    return None


def breakdowns(r: Reading, model: SemanticModel) -> list[str]:
    """Dimensions to split by: named after "by/按/各/which", or named with none of their values."""
    filtered = {f["dimension"] for f in filters(r, model)}
    out: list[str] = []
    bare: set[str] = set()  # named with no split word: a split only when nothing else is one
    for mention in r.mentions("dimension"):
        name = mention.ref.name
        dim = model.dimensions[name]
        if dim.type == _TIME_DIMENSION_TYPE or name in out:
            continue
        if said_of_all(r, mention.start):
            continue  # "across all stores", 所有门店: every one of them together, not a split
        marked = r.cue_before(mention.start, {"by", "which", "rank"}, within=2) or (
            mention.term.startswith(("by ", "按"))  # a model name "by reason" says it itself
        )
        if not marked and "total" in r.cues and not {"desc", "asc", "by"} & r.cues:
            continue  # "total commission we've paid the streamers", 一共: one figure
        if not marked and names_a_value(r, mention.start, model):
            continue  # "抖音渠道": the value's own kind said after it, not a split
        if not marked and said_as_a_place(r, mention.start):
            continue  # "came to the gym", "来门店的会员": where it happened, not a split
        if marked or (name not in filtered and not _object_of_verb(r, mention.start)):
            if name == "acquisition_channel" and not marked and _acquired_context(r):
                continue
            out.append(name)
            if not marked:
                bare.add(name)
    by_source = _BY_WHERE_FROM.search(r.question.norm) and "acquisition_channel" in model.dimensions
    if by_source and "acquisition_channel" not in out:
        out.append("acquisition_channel")  # "by where we acquired them": where they came from
    contrasted = [d for d in _contrasted(r, model) if d not in out]
    if contrasted or len(bare) < len(out):  # "store check-ins, split by city", "urban vs
        out = [d for d in out if d not in bare]  # suburban stores": the split said
    return (out + contrasted)[:3]


# Customers spending: their money (revenue), not the marketing spend ("which tier spends the
# most", "do members really spend more", 会员花得多).
CUSTOMERS_SPEND: Final = re.compile(
    r"\b(?:customers?|clients?|members?|users?|buyers?|shoppers?|people|guests?|they|who|tiers?|"
    r"segments?|groups?|levels?)\s+(?:\w+\s+)?(?:spends?|spent|spending)\b(?!\s+on\s+(?:ads?|marketing))"
    r"|(?:客户|会员|用户|顾客|客人|买家)(?:们)?(?:平均)?(?:花|消费)(?:得|了)"
)


_BY_WHERE_FROM: Final = re.compile(
    r"\bby\s+(?:where|how)\s+(?:we|they|people|customers|users)\s+(?:acquired|came|come|found|"
    r"got|heard)\b|按(?:获客)?来源|按(?:从)?哪(?:里|儿)来"
)
_ALL_OF: Final = re.compile(
    r"\b(?:across|in|at|for|over|of)\s+(?:all|every)(?:\s+(?:of\s+)?(?:the|our))?\s+$"
    r"|(?:^|[\s,，;])(?:all|any)(?:\s+(?:of\s+)?(?:the|our))?\s+$|(?:所有|全部|整个|任何|任意)(?:的)?$"
)


_A_PLACE_BEFORE: Final = re.compile(
    r"\b(?:to|at|in|into|inside|visit|visited|visiting)\s+(?:the|our|a|an)\s+$|[在到去来]$"
)


def head_word(name: str) -> str:
    """The word a name ends with: "channel" of "ticket channel", 渠道 of 受理渠道."""
    words = name.casefold().split()
    return (words[-1] if words else "") if name.isascii() else name[-2:]


def dimension_heads(model: SemanticModel, name: str) -> set[str]:
    """The head words of a dimension's labels and synonyms."""
    return {head_word(n) for n in model.dimensions[name].names()}


# A share of good ratings said in so many words: "4 or 5 stars", "rated 4+", 4星及以上, 4-5分.
GOOD_SHARE: Final = re.compile(
    r"\b(?:rated\s+|rate\s+us\s+|gave\s+|give\s+)?4\s*(?:or|-|to|/|and)\s*5\s*(?:stars?|points?)?\b"
    r"|\b4\s*\+\s*(?:stars?)?|\bfour\s+or\s+five(?:\s+stars?)?"
    r"|4\s?(?:星|分)\s?(?:及|和)?\s?(?:以上|5\s?(?:星|分))|4\s?-\s?5\s?(?:星|分)"
)


def said_of_all(r: Reading, start: int) -> bool:
    """Whether the word at `start` follows "across all", "in every", 所有: all of them together."""
    return bool(_ALL_OF.search(r.question.norm[:start]))


def included(r: Reading, start: int) -> bool:
    """Whether the word at `start` is in a list said after "including" / 含 / 包括."""
    return bool(_INCLUDED_LIST.search(r.question.norm[:start]))


def said_as_a_place(r: Reading, start: int) -> bool:
    """Whether the word at `start` follows "to the", "at our", "在", "来": a place it happened."""
    return bool(_A_PLACE_BEFORE.search(r.question.norm[:start]))


def names_a_value(r: Reading, start: int, model: SemanticModel | None = None) -> bool:
    """Whether a value ends right where this dimension's name starts ("抖音渠道", "上海门店") —
    with `model` and a question that ranks, only a value of this very dimension or of one on the
    same column ("第3学期退课原因前三名" names the term's value, then ranks the reasons)."""
    named = next((m for m in r.matches if m.start == start and m.refs("dimension")), None)
    ranks = bool(r.top_n or r.bottom_n or {"desc", "asc"} & r.cues)
    for m in r.matches:
        if m.end != start or not m.refs("value"):
            continue
        if model is None or named is None or not ranks:
            return True
        dims = [model.dimensions[d.name] for d in named.refs("dimension")]
        if any(
            v.name == d.name or model.dimensions[v.name].column == d.column
            for v in m.refs("value")
            for d in dims
        ):
            return True
    return False


def _object_of_verb(r: Reading, start: int) -> bool:
    """A dimension's name right after a Chinese verb ("申请办<name>的人"): the thing acted on, not a
    split."""
    before = r.question.norm[max(0, start - 1) : start]
    if before in _ZH_VERBS:
        return True
    if {"by", "share", "rank", "which"} & r.cues:
        return False  # 退票原因分布: the split asked for
    return any(  # 买过套餐, "bought a plan": the thing the step acted on
        m.refs("touchpoint") and _VERB_OBJECT_GAP.fullmatch(r.question.norm, m.end, start)
        for m in r.matches
        if m.end <= start
    )


_ZH_VERBS = frozenset("办买开换选用订看领交")
_VERB_OBJECT_GAP = re.compile(r"\s?(?:[了过]\s?)?(?:(?:a|an|the|their|our)\s)?")


def _contrasted(r: Reading, model: SemanticModel) -> list[str]:
    """Dimensions with values named separately ("<value> vs <value>", "<值>和<值>"): compare
    them."""
    said: dict[str, dict[int, set[Any]]] = {}
    mentions = list(_value_mentions(r, model, _acquired_context(r)))
    summed = {
        m.ref.name
        for a, m in pairwise(mentions)
        if a.ref.name == m.ref.name
        and _SUMMED.fullmatch(r.question.norm, a.start + len(a.term), m.start)
    }  # "LIS + FAO pickups": one total of both
    for mention in mentions:
        if included(r, mention.start) or mention.ref.name in summed:
            continue  # "all stores incl wechat and taobao": inside the total, not compared
        said.setdefault(mention.ref.name, {}).setdefault(mention.start, set()).add(
            mention.ref.value
        )
    lone = lone_contrasts(r, model)
    return [
        dim
        for dim, where in said.items()
        if (len(where) >= 2 and len(set().union(*where.values())) >= 2)
        or (len(where) == 1 and dim in lone)
    ]  # two places, two values: "夜间谷时" names one value twice, "微信" two values once


_SUMMED = re.compile(r"\s*(?:\+|加上?)\s*")


def lone_contrasts(r: Reading, model: SemanticModel) -> set[str]:
    """Dimensions with one value set against words nothing read: split by, not filtered to."""
    return {
        m.ref.name
        for m in _value_mentions(r, model, _acquired_context(r))
        if _against_a_name_it_lacks(r, m.start) or _against_its_dimension(r, m)
    }


def _against_a_name_it_lacks(r: Reading, start: int) -> bool:
    """A value set against words nothing read ("self-run vs franchise", "商务客和休闲游客对比"): the
    other side is another value of the same split, so the answer splits by it (and says which
    words it did not read)."""
    match = next(m for m in r.matches if m.start == start)
    norm, free = r.question.norm, r.unread()
    after = _AGAINST_AFTER.match(norm, match.end)
    if after is not None and _UNREAD_WORD.match(free, after.end()):
        return True
    before = _AGAINST_BEFORE.search(norm[:start])
    return before is not None and bool(_UNREAD_WORD.search(free[: before.start()].rstrip()))


def _against_its_dimension(r: Reading, value: Mention) -> bool:
    """A value set against the name of its own dimension ("member card holders vs non-members"):
    the holders are the other values, so the answer splits by it."""
    ends = {m.start: m.end for m in r.matches}
    norm = r.question.norm
    for d in r.mentions("dimension"):
        if d.ref.name != value.ref.name:
            continue
        if d.start > value.start:
            between = norm[ends[value.start] : d.start]
        else:
            between = norm[ends[d.start] : value.start]
        if _AGAINST_ONLY.fullmatch(between):
            return True
    return False


_AGAINST_ONLY = re.compile(r"\s*(?:\bvs\b\.?|\bversus\b|\bagainst\b|和|跟|与|对比)\s*")
_AGAINST_AFTER = re.compile(r"\s*(?:\bvs\b|\bversus\b|\bagainst\b|和|跟|与|对比|比)\s*")
_AGAINST_BEFORE = re.compile(r"\s*(?:\bvs\b|\bversus\b|\bagainst\b|和|跟|与)\s*$")
_UNREAD_WORD = re.compile(r"[a-z\u4e00-\u9fff]{2,}(?:$|(?=\s))|[\u4e00-\u9fff]{2,}$")


def _acquired_context(r: Reading) -> bool:
    return "acquired" in r.cues or (
        any(m.ref.name == "acquisition_channel" for m in r.mentions("dimension"))
        and bool(r.mentions("value"))
    )


def unit_of_a_metric(r: Reading, model: SemanticModel, term: str) -> bool:
    """Whether a value's word is the currency or unit a metric the question names is measured in,
    as that metric's name says ("（美元）", "(USD)"), or as the question asks for it: 收入多少港币
    is the income counted in HKD, not the HKD sales only."""
    if not _UNIT.fullmatch(term):
        return False
    if r.mentions("metric") and re.search(rf"(?:多少|几)\s?{re.escape(term)}", r.question.norm):
        return True
    names = (n.casefold() for m in r.mentions("metric") for n in model.metrics[m.ref.name].names())
    return any(term in n for n in names)


_UNIT: Final = re.compile("|".join(CURRENCY_WORDS))


def filters(
    r: Reading,
    model: SemanticModel,
    *,
    skip: set[str] | frozenset[str] = frozenset(),
    cohort: bool = False,
    touchpoint_ok: bool = False,
    fits: Callable[[str], bool] | None = None,
) -> list[dict[str, Any]]:
    """Conditions from the values the question names ("on <value>", "只看<值>"). A value word
    of several dimensions is read as one that `fits` (the metrics' rows have it), if any does:
    a campaign's name filters the spend by the cost table's campaign, not the events' one."""
    acquired = cohort or _acquired_context(r)
    chosen: dict[tuple[str, bool], list[Any]] = {}
    implied = implied_channels(model, r.names("touchpoint") + _journey_starts(r, model))
    for mention in _value_mentions(r, model, acquired, fits):
        dim = mention.ref.name
        if dim in skip:
            continue
        if included(r, mention.start):
            continue  # "total GMV, incl wechat and taobao", 含小程序: inside the total, no filter
        if unit_of_a_metric(r, model, mention.term):
            continue  # "船上消费总额（美元）": the unit 船上消费（美元） is measured in, no filter
        if dim == "channel" and mention.ref.value in implied and not _of_people(r, mention):
            continue  # "在线咨询客服": the touchpoint's own channel, unless said of people
        negated = r.cue_before(mention.start, {"exclude"}, within=2)
        values = chosen.setdefault((dim, negated), [])
        if mention.ref.value not in values:
            values.append(mention.ref.value)
    if touchpoint_ok:
        norm = r.question.norm
        tps = [
            m.ref.name
            for m in r.mentions("touchpoint")
            if not _INCLUDING.search(norm[: m.start])
            and not _INCLUDING_START.match(norm, m.start)
            and not _PLUS_BEFORE.search(norm[: m.start])
            and not _names_a_split_after(r, m)
        ]  # "总营收（含订阅）", "revenue including subscriptions", "letting + renewal fees":
        # the parts of a total, no filter; "by booking channel": the split's own word
        if tps:
            chosen[("touchpoint", False)] = list(dict.fromkeys(tps))
    return [_filter(dim, negated, values) for (dim, negated), values in chosen.items()]


def _names_a_split_after(r: Reading, step: Mention) -> bool:
    """Whether a step's word, right after "by"/按, opens the name of the split that follows:
    "revenue by booking channel" splits by channel, with no filter to the bookings."""
    if not r.cue_before(step.start, {"by"}, within=1):
        return False
    end = next((m.end for m in r.matches if m.start == step.start), None)
    return end is not None and any(d.start in (end, end + 1) for d in r.mentions("dimension"))


def _journey_starts(r: Reading, model: SemanticModel) -> list[str]:
    return [model.journeys[j].steps[0] for j in r.names("journey")]


def value_groups(r: Reading) -> list[list[Mention]]:
    """The value mentions, one group per word: a word that is a value of several dimensions
    (重庆 as an exam city and a city) is one group of several mentions."""
    groups: dict[int, list[Mention]] = {}
    for mention in r.mentions("value"):
        groups.setdefault(mention.start, []).append(mention)
    return list(groups.values())


def named_by_journey(r: Reading, model: SemanticModel, journey: object) -> set[tuple[str, Any]]:
    """The values whose word is in the journey's own name (小程序 of the 小程序购票漏斗): the
    journey analysed, not a filter on it."""
    found = model.journeys.get(str(journey))
    if found is None:
        return set()
    names = [prepare(n).norm for n in found.names()]
    return {
        (m.ref.name, m.ref.value) for m in r.mentions("value") if any(m.term in n for n in names)
    }


def _value_mentions(
    r: Reading, model: SemanticModel, acquired: bool, fits: Callable[[str], bool] | None = None
) -> list[Mention]:
    """One reading per value word: a word that is a value of several dimensions (`channel` and
    `acquisition_channel`) is read as the second only when the question is about acquisition, or
    as the people's own attribute when it says where they came from ("抖音来的客户")."""
    out: list[Mention] = []
    groups = value_groups(r)
    # a dimension another value word names alone: "hotline vs mini-program" are two ticket
    # channels, though "mini-program" is also a platform and an app channel
    alone = {g[0].ref.name for g in groups if len({m.ref.name for m in g}) == 1}
    for group in groups:
        dims = list(dict.fromkeys(m.ref.name for m in group))
        if fits is not None and len(dims) > 1:
            dims = [d for d in dims if fits(d)] or dims
        if len(dims) > 1:
            dims = [d for d in dims if d in alone] or dims
        want = "acquisition_channel" if acquired and "acquisition_channel" in dims else None
        if want is None and len(dims) > 1 and _came_from(r, group[0]):
            want = next((d for d in dims if model.dimensions[d].table == _USERS), None)
        if want is None:
            want = next((d for d in dims if d != "acquisition_channel"), dims[0])
        for m in (m for m in group if m.ref.name == want):
            out.append(_fitting(model, m, fits) if fits is not None and not fits(want) else m)
    return out


def _fitting(model: SemanticModel, mention: Mention, fits: Callable[[str], bool]) -> Mention:
    """The same value of a dimension the metrics' rows have: a campaign named by its events'
    synonym ("student summer campaign") filters the spend by the cost table's campaign."""
    for dim in model.spec.dimensions:
        if (
            dim.name != mention.ref.name
            and fits(dim.name)
            and any(v.value == mention.ref.value for v in dim.values)
        ):
            return Mention(Ref("value", dim.name, mention.ref.value), mention.start, mention.term)
    return mention


def _came_from(r: Reading, value: Mention) -> bool:
    """ "抖音来的(线索)", "小红书过来的": where the people came from, their own attribute."""
    return _CAME_FROM.match(r.question.norm, _value_end(r, value)) is not None


def _of_people(r: Reading, value: Mention) -> bool:
    """Whether a value word says whose people: "users from <value>", "<value>(渠道)(来)的用户"."""
    norm = r.question.norm
    people = [m for m in r.matches if "people" in m.cues()]
    for m in people:
        if m.end <= value.start and _PEOPLE_FROM.fullmatch(norm[m.end : value.start]):
            return True
    end = _value_end(r, value)
    return any(m.start >= end and _OF_THEM.fullmatch(norm[end : m.start]) for m in people)


def _value_end(r: Reading, value: Mention) -> int:
    """Where a value word ends, with its dimension's name when said right after it ("抖音渠道")."""
    end = max(m.end for m in r.matches if m.start == value.start)
    named = [m for m in r.matches if m.start == end and m.refs("dimension")]
    return named[0].end if named else end


_INCLUDING: Final = re.compile(r"(?:含|包含|包括|\bincluding|\bincl|\binclusive\s+of)\s?$")
_INCLUDING_START: Final = re.compile(r"含|包含|包括")
_PLUS_BEFORE: Final = re.compile(r"\+\s?$|\+\s?[a-z\u4e00-\u9fff]+\s?$")
# A value in a list said after "including" ("incl wechat and taobao", 包括抖音、快手和小程序).
_INCLUDED_LIST: Final = re.compile(
    r"(?:含|包含|包括|\bincluding|\bincl|\binclusive\s+of)\s?"
    r"(?:[a-z0-9\u4e00-\u9fff]+\s?(?:,|，|、|\band\b|和|及|&|/)\s?){0,3}$"
)
_USERS = "users"
_PEOPLE_FROM = re.compile(r"\s+(?:who\s+)?(?:came\s+|come\s+|coming\s+)?(?:from|via|through)\s+")
_OF_THEM = re.compile(r"(?:来的|过来的|进来的|的)?")
_CAME_FROM = re.compile(r"(?:过来|进来|来)的")


def _filter(dim: str, negated: bool, values: list[Any]) -> dict[str, Any]:
    if len(values) == 1:
        return {"dimension": dim, "op": "!=" if negated else "=", "values": values}
    return {"dimension": dim, "op": "not_in" if negated else "in", "values": values}


def journey_and_steps(
    r: Reading, model: SemanticModel, tps: list[str] | None = None
) -> dict[str, Any]:
    """The journey named (or the part of it "from X to Y"), else the touchpoints named: a
    "funnel" from X to Y, or where people are lost between X and Y, is the stretch of a journey
    between them (its steps in between included), while a conversion or a time "from X to Y" is
    exactly those steps, as said; else the default journey."""
    journeys = r.names("journey")
    tps = r.names("touchpoint") if tps is None else tps
    if (
        journeys
        and len(tps) >= 2
        and (_chain(r) or _from_to(r))
        and not set(tps) <= set(model.journeys[journeys[0]].steps)
    ):
        # "match → first msg → video date funnel", "离店到写点评的漏斗": those steps, not the
        # journey a generic "funnel" named
        journeys = []
    if journeys and len(tps) == 1 and tps[0] not in model.journeys[journeys[0]].steps:
        own = _journey_of_step(r, model, tps[0])
        if own is not None:
            return {"journey": own}  # "Douyin voucher funnel": the journey of that step
    if journeys:
        named = model.journeys[journeys[0]]
        stretch = len(tps) >= 2 and (_from_to(r) or _chain(r))
        part = _between(list(named.steps), tps) if stretch else None
        return {"journey": named.name} if part is None else _as_journey(part, model)
    if len(tps) >= 2 and not {"funnel", "dropoff"} & r.cues:
        return _as_journey(in_journey_order(tps[:20], model), model)
    if len(tps) >= 2:
        parts = (_between(list(j.steps), tps) for j in _journeys_first_default(model))
        part = next((p for p in parts if p is not None), None)
        return _as_journey(part or tps[:20], model)
    if len(tps) == 1:
        for journey in _journeys_first_default(model):
            if tps[0] in journey.steps:
                return {"journey": journey.name}
    return {"journey": model.journey(None).name}


_GENERIC_FUNNEL: Final = re.compile(r"(?:main |sales |conversion )?funnel|(?:转化|成交)?漏斗")


def _journey_of_step(r: Reading, model: SemanticModel, step: str) -> str | None:
    """The journey that starts with `step` (else the one journey that has it), when the journey
    the question named was only a generic word for a funnel that does not have that step."""
    said = r.mentions("journey")
    if not said or not _GENERIC_FUNNEL.fullmatch(said[0].term):
        return None
    starting = [j.name for j in model.spec.journeys if j.steps[0] == step]
    having = [j.name for j in model.spec.journeys if step in j.steps]
    found = starting or having
    return found[0] if len(found) == 1 else None


def in_journey_order(steps: list[str], model: SemanticModel) -> list[str]:
    """Two steps said against the order of a journey that has both ("until they visit after
    booking"): that journey's order."""
    if len(steps) != 2:
        return steps
    for journey in _journeys_first_default(model):
        if all(s in journey.steps for s in steps):
            return sorted(steps, key=list(journey.steps).index)
    return steps


def _as_journey(steps: list[str], model: SemanticModel) -> dict[str, Any]:
    """A journey with exactly these steps, else the steps — within the window of the journey
    that has them all in this order (the business's own window for that stretch), if one does."""
    same = next((j for j in model.spec.journeys if list(j.steps) == steps), None)
    if same is not None:
        return {"journey": same.name}
    out: dict[str, Any] = {"steps": steps}
    for journey in _journeys_first_default(model):
        order = [list(journey.steps).index(s) for s in steps if s in journey.steps]
        if len(order) == len(steps) and order == sorted(order) and journey.window_days:
            out["window_days"] = min(365, journey.window_days)
            break
    return out


def _from_to(r: Reading) -> bool:
    """ "(from) X to Y" / "(从)X到Y": the question names a stretch of the journey."""
    mentions = r.mentions("touchpoint")
    if len(mentions) < 2:
        return False
    first, last = mentions[0], mentions[-1]
    between = r.question.norm[first.start + len(first.term) : last.start]
    return len(between) <= 8 and any(w in between for w in ("to", "到", "至", "→", "-", "until"))


def _chain(r: Reading) -> bool:
    """ "X → Y → Z", "X > Y > Z": steps said one after another with arrows, all of them
    understood (no arrow goes on before the first or after the last: "open > sign up > bind car
    > charge > pay" with "charge" and "pay" not read is no chain of the three)."""
    mentions = r.mentions("touchpoint")
    if len(mentions) < 2:
        return False
    norm = r.question.norm
    gaps = [norm[a.start + len(a.term) : b.start] for a, b in pairwise(mentions)]
    before = norm[max(0, mentions[0].start - 4) : mentions[0].start]
    after = norm[mentions[-1].start + len(mentions[-1].term) :][:4]
    return not _ARROW.search(before + " " + after) and all(
        len(g) <= 4 and _ARROW.search(g) for g in gaps
    )


_ARROW = re.compile(r"→|->|>")


def implied_channels(model: SemanticModel, touchpoints: list[str]) -> set[str]:
    """Channels the named touchpoints happen in (a touchpoint whose model `channel` is the one
    named again next to it): saying the channel again is not a filter."""
    return {
        tp.channel
        for name in touchpoints
        if (tp := model.touchpoints.get(name)) is not None and tp.channel is not None
    }


def _between(steps: list[str], tps: list[str]) -> list[str] | None:
    """The journey's steps from the first to the last touchpoint named, if it has them all."""
    if not all(t in steps for t in tps):
        return None
    first, last = min(steps.index(t) for t in tps), max(steps.index(t) for t in tps)
    return steps[first : last + 1] if last > first else None


def _journeys_first_default(model: SemanticModel) -> list[Any]:
    return sorted(model.spec.journeys, key=lambda j: not j.default)


def limit_and_order(r: Reading, metric: str, has_dims: bool) -> dict[str, Any]:
    """Ranking: "which channel … most" sorts by the metric; "top 3" / "前三" also cuts;
    "which day … most" ranks the days of a daily series."""
    if _which_period(r) and ({"desc", "asc"} & r.cues or r.top_n or r.bottom_n):
        asc = bool(r.bottom_n) or ("asc" in r.cues and "desc" not in r.cues)
        ranked: dict[str, Any] = {"order": {"by": metric, "direction": "asc" if asc else "desc"}}
        n = r.bottom_n or r.top_n  # "the 5 busiest days", 最多的5天, 最少的2个月
        return {**ranked, "limit": n} if n else ranked
    if not has_dims or not (_RANKING & r.cues) or "day" in r.cues or "week" in r.cues:
        return {}
    asc = "asc" in r.cues and "desc" not in r.cues
    out: dict[str, Any] = {"order": {"by": metric, "direction": "asc" if asc else "desc"}}
    n = r.bottom_n if asc and r.bottom_n else r.top_n or r.bottom_n
    if n:
        out["limit"] = n
    elif {"desc", "asc"} & r.cues and "rank" not in r.cues and not _split_by(r) and _one_asked(r):
        out["limit"] = 1
    return out


def _split_by(r: Reading) -> bool:
    """ "… by channel": a split said with "by" (not "by cups", the measure ranked on)."""
    matches = list(r.matches)
    return any(
        "by" in m.cues() and (i + 1 == len(matches) or not matches[i + 1].refs("metric"))
        for i, m in enumerate(matches)
    )


def _one_asked(r: Reading) -> bool:
    """ "Which campaign did we spend the most on", "边个中心签约最多": one split value asked for
    (singular, no number), so the answer is that one row; "which channels…", 哪些, a ranking
    asked for (排个名) or a split said too ("… ? CAC by channel") rank them all."""
    norm = r.question.norm
    for m in (m for m in r.matches if m.refs("dimension")):
        said = norm[m.start : m.end]
        if said.isascii() and re.search(r"[^su]s$", said):
            continue  # "which stores": the plural asks for several (not "status", "business")
        if _ONE_OF.search(norm, 0, m.start) or _ONE_OF_SAID.match(said):
            return True  # (哪家店: the model's name of the split may start with 哪家)
    return False


# "which (job) category", "what channel", 哪个城市, 哪一家门店, 边个中心 (Cantonese), right
# before the split's name (two words of English in between at most).
_WHICH_ZH: Final = r"(?:哪|边)(?:一)?[个家位种类款间条所]"
_ONE_OF: Final = re.compile(
    rf"(?:\b(?:which|what)\s+(?:[a-z]+\s+){{0,2}}|{_WHICH_ZH}\s?"
    r"|\b(?:the\s+)?(?:best|top|worst)[- ]selling\s+|\bmost popular\s+)$"
)  # "the best-selling drink": one
_ONE_OF_SAID: Final = re.compile(_WHICH_ZH)

# A verb and the nouns a name may call it by: "renew" → "renewal", "cancel" → "cancellation".
_NOUN_ENDINGS: Final = ("al", "ation", "lation", "ion", "ment", "ing", "")


def named_by_noun(word: str, name: str) -> bool:
    """Whether `name` has the noun of the English verb `word` ("renew" in "pass renewal rate")."""
    bases = {word, re.sub(r"(?:ed|d|ing|s)$", "", word), re.sub(r"(?:ed|ing|s)$", "", word)}
    bases |= {b[:-1] for b in bases if b.endswith("e")} | {f"{b}e" for b in bases}
    nouns = {f"{b}{e}" for b in bases if len(b) >= 4 for e in _NOUN_ENDINGS}
    return any(n in nouns for n in re.findall(r"[a-z]+", name.casefold()))


__all__ = [
    "CJK_ONLY",
    "CUSTOMERS_SPEND",
    "DEFAULT_TIME",
    "GOOD_SHARE",
    "breakdowns",
    "dimension_heads",
    "filters",
    "grain_of",
    "head_word",
    "implied_channels",
    "in_journey_order",
    "included",
    "journey_and_steps",
    "limit_and_order",
    "named_by_journey",
    "named_by_noun",
    "names_a_value",
    "periods_compared",
    "said_as_a_place",
    "said_of_all",
    "time_of",
    "unit_of_a_metric",
    "value_groups",
]
