"""Which words of the question the plan used, and how sure the planner is.

Every span of the normalised question is accounted for: a time phrase, a comparison word, a ranking
or window number, a model word (metric, dimension, value, touchpoint, journey), a cue word, or a
function word of the language. What is left is **unused**: an unknown content word, a number, or a
model word or time the plan did not take in (a second period, a filter value the analysis cannot
use). Unused spans are never dropped silently: the answer lists them (`Answer.unused`) and says so
in a note, and the confidence falls; a question whose content the plan mostly ignores is asked
back instead of answered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from assistant.kinds import kind_called
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_data import DimensionSpec
from semantic_layer.phrasebook import language, phrase
from semantic_layer.time import TimeContext, TimeSpec, resolve

from .reading import Reading, blanked
from .roles import cost_metric, counts_people, is_reach, tables_of
from .shared import (
    CUSTOMERS_SPEND,
    GOOD_SHARE,
    dimension_heads,
    head_word,
    implied_channels,
    included,
    named_by_journey,
    named_by_noun,
    names_a_value,
    said_as_a_place,
    said_of_all,
    unit_of_a_metric,
)
from .timewords import find_comparison

Why = Literal[
    "unknown_word",
    "number",
    "time_not_used",
    "value_not_used",
    "dimension_not_used",
    "metric_not_used",
    "touchpoint_not_used",
    "comparison_not_used",
]

# A plan whose confidence is below this is answered with its note, never as a plain number.
CONFIDENT: Final = 0.7


@dataclass(frozen=True)
class Unused:
    """A span of the question (as asked) that the plan did not use, and why."""

    text: str
    why: Why

    def as_json(self) -> dict[str, str]:
        return {"text": self.text, "why": self.why}


@dataclass(frozen=True)
class Coverage:
    unused: tuple[Unused, ...]
    confidence: float
    content_chars: int
    unused_chars: int

    @property
    def mostly_unused(self) -> bool:
        """More of the question's content went unused than was used."""
        return self.content_chars > 0 and self.unused_chars * 2 > self.content_chars


_EN_WORD = re.compile(r"[a-z][a-z']*|\d+(?:\.\d+)?%?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")

# Function words and question words: they carry no content a plan could miss.
GENERIC_EN: Final = frozenset(
    """a an the of and or to in on at for by with from into onto over under about as is are was
    were be been being am do does did done have has had having will would shall should can could
    rated including incl inclusive
    may might must it its it's this that these those there here then than so such what which who
    whom whose when where why how what's how's which's i me my we us our you your they them their
    he she his her please pls show tell give list get let let's see view find display report
    want need like know look looking check pull bring up out me? any all each every some much
    many more most less least few one ones per via just only also too very really actually
    again now currently recently overall kind sort type way number numbers figure figures value
    values data metric metrics stat stats statistics count counts total totals amount amounts
    how's did does doing done going happened happen happening people person users user customers
    customer visitors visitor folks guys our us whole entire full across between among within
    without during since until till before after vs versus compared compare comparing against
    both either neither not no yes if whether while versus being be able breakdown broken split
    rate rates level levels performance performing perform trend trends top bottom rank ranked
    ranking best worst highest lowest biggest smallest largest most least do did make made
    go went get got has been what's who's that's there's it's is'nt isn't doesn't didn't don't
    vs. i'd i'm we're we've you're let's can't won't hey hi hello thanks thank ok okay pls plz
    e.g eg etc i.e ie time times period periods day days week weeks month months year years
    quarter quarters daily weekly monthly yearly quarterly date dates reach reached reaching
    reaches visit visited visiting visits view viewed viewing click clicked clicking came come
    comes coming went goes used use using tried try made happen did end ended ending start started
    starting got get takes took take spent spend spending saw seen ever still yet already far
    typically usually generally average mean median roughly about around approximately exactly
    become becomes became becoming
    so-far whole gets get getting break breaks broken switch swap change potential happens happen
    happened ask asks asked writing write crediting credit lot lots something stuff anything thing
    things someone somebody anyone people's our we've thanks percentile typical usual usually
    exactly approximately basically overall general generally possible possibly please kindly
    quick quickly mainly mostly hours hour hrs hr minutes minute mins min seconds active
    unique distinct individual interacted interact interacting engaged engage touched""".split()  # noqa: SIM905
)
# Chinese function words and question frames, longest first when segmenting.
_ZH_FUNCTION: Final = tuple(
    sorted(
        """的 了 吗 呢 吧 啊 呀 么 是 在 有 和 与 及 跟 同 或 把 被 给 对 从 到 按 看 请 帮 我 你 他
        她 它 们 这 那 哪 个 各 每 最 比 较 多 少 些 里 中 内 之 为 以 还 也 都 就 又 再 只 仅 能 会
        要 想 得 地 着 过 该 其 此 并 而 且 则 即 等 共 总 一下 一共 总共 合计 总计 一些 这个 那个
        哪个 哪些 哪一个 哪一 哪类 哪种 哪家 什么 怎么 怎样 怎么样 如何 多少 几个 几 多大 多高 多长
        我们 你们 他们 咱们 大家 帮我 请问 麻烦 看看 看下 看一下 查一下 查下 查询 查看
        显示 告诉 列出
        统计 分析 情况 数据 表现 效果 怎么回事 有没有 是不是 是否 能否 可以 知道 了解 一下子 目前
        现在 当前 整体 总体 分别 各自 各个 每个 每一个 所有 全部 相关 对应 对比 分布 排名 排行 排序
        最多 最少 最高 最低 最大 最小 最好 最差 人数 个数 次数 数量 人 次 数 率 值 量 额 占
        比例 占比
        用户 客户 顾客 人群 时间 时候 期间 之间 以来 以后 之后 以前 之前 前后 左右 大概 大约 差不多
        呢 嘛 哦 喔 哈 嗯 您 您好 你好 谢谢 上 下 分 按照 根据 关于 针对 里面 当中 方面
        中间 一般 通常 常见 拆解 拆 拆分 换成 换 改成 改为 切换 主要 大概 具体 分别 帮忙 拉 拉一下
        下一 之类 什么的 等等 多久 一下吧 活跃 新增 卖 卖了 卖出 售出 卖得 需要
        带来 带来了""".split(),  # noqa: SIM905
        key=len,
        reverse=True,
    )
)
_ZH_FUNCTION_SET: Final = frozenset(_ZH_FUNCTION)


def generic_zh(word: str) -> bool:
    """Whether a Chinese word is a function word or question frame (卖了, 多少, 一下), no name."""
    return word in _ZH_FUNCTION_SET


def coverage(r: Reading, plan: dict[str, Any], model: SemanticModel, ctx: TimeContext) -> Coverage:
    """Account for every span of the question against the plan it got (see the module doc)."""
    norm = r.question.norm
    unused: list[Unused] = []
    unused_chars = 0
    free = r.unread()
    if any(
        model.metrics[m].format == "percent"
        for m in plan.get("metrics") or []
        if m in model.metrics
    ):
        # "rated us 4 or 5 stars": the share the plan counts
        free = blanked(free, (m.span() for m in GOOD_SHARE.finditer(free)))
    if plan.get("dimensions"):  # "不同类型的工单", "tickets by type": the split's kind word
        free = blanked(free, (m.span() for m in _KIND_SAID.finditer(free)))
    if plan.get("measure") == "time_to_convert":  # "平均要多久": the mean the answer gives
        free = blanked(free, (m.span() for m in _AVERAGE_SAID.finditer(free)))
    # "avg rating (1-5)", "out of 10": the scale rated on
    free = blanked(free, (m.span(m.lastindex or 0) for m in _SCALE.finditer(norm)))
    names = _metric_names(plan, model)
    for start, end, word in _content_words(free):
        if word.isascii() and any(named_by_noun(word, n) for n in names):
            continue  # "what % renew": the renewal rate answered
        unused_chars += end - start
        why: Why = "number" if word[0].isdigit() else "unknown_word"
        unused.append(Unused(norm[start:end], why))
    content = sum(end - start for start, end, _ in _content_words(norm))
    if answers(plan):
        unused += _dropped(r, plan, model, ctx)
    unused = list(dict.fromkeys(unused))
    return Coverage(tuple(unused), _confidence(r, plan, unused), content, unused_chars)


def _rate_not_given(r: Reading, plan: dict[str, Any], model: SemanticModel) -> list[Unused]:
    """ "what % of members had a failed payment", "what share of shoots bought an upsell": a share
    asked, no metric of the plan a share, and no model name took the word — the counts answered
    are not what was asked. A split's share ("各渠道占比", "share by channel") is its breakdown."""
    if not plan.get("metrics") or any(
        m in model.metrics and _a_share(model.metrics[m]) for m in plan.get("metrics") or []
    ):
        return []
    free = blanked(r.question.norm, [(m.start, m.end) for m in r.matches if m.refs()])
    for hit in _RATE_ASKED.finditer(free):
        if plan.get("dimensions") and hit.group() in _SPLIT_SHARE:
            continue
        return [Unused(r.question.norm[hit.start() : hit.end()].strip(), "metric_not_used")]
    return []


def _a_share(metric: Any) -> bool:
    return metric.format == "percent" or metric.type in ("ratio", "conversion")


_RATE_ASKED: Final = re.compile(
    r"\bwhat (?:share|percent(?:age)?|proportion|fraction)\b|(?<![\d\s])\s?%|(?<!\d)%"
    r"|\bpercent(?:age)?\b|\bproportion\b|\bshare of\b|\brates?\b|\bratio\b"
    r"|比例|占比|百分之|百分比|比率|率"
)
_SPLIT_SHARE: Final = frozenset({"占比", "比例", "share of"})


def _metric_names(plan: dict[str, Any], model: SemanticModel) -> list[str]:
    """Every name (label or synonym) of the plan's metrics."""
    return [n for m in plan.get("metrics") or [] if m in model.metrics
            for n in model.metrics[m].names()]  # fmt: skip


def _same_column(said: DimensionSpec, used: DimensionSpec) -> bool:
    """Whether `used` reads, on a table of its own, the column `said` reads on its table."""
    return said.column is not None and said.column in (used.column, *used.also_in.values())


_AVERAGE_SAID: Final = re.compile(r"平均|中位数?|\b(?:avg|mean)\b")
_KIND_SAID: Final = re.compile(r"类型|类别|种类|\b(?:types?|kinds?|categor(?:y|ies))\b")
# The scale a rating is given on, said beside it: "(1-5)", "out of 10", "满分5分", "1到5分".
_SCALE: Final = re.compile(
    r"(?:\b(?:ratings?|rated|scores?|csat|stars?)|评分|打分|满意度)\s?"
    r"(\(?\s?[01]\s?(?:-|~|to|到)\s?(?:5|10)\s?(?:分|星|stars?|points?)?\s?\)?)"
    r"|(\bout of (?:5|10|five|ten)\b|满分\s?(?:5|10)\s?分?|[01]\s?到\s?(?:5|10)\s?分"
    r"|\b[01]\s?(?:-|to)\s?(?:5|10)\s?(?:stars?|scale)\b)"
)


def _content_words(norm: str) -> Iterator[tuple[int, int, str]]:
    """Latin words and numbers that are not function words, and Chinese runs left after taking
    out function words (two characters or more)."""
    for m in _EN_WORD.finditer(norm):
        word = m[0]
        if word[0].isdigit() and m.start() > 0 and norm[m.start() - 1] in "pq":
            continue  # "p90", "q3": a percentile or a quarter read elsewhere
        if word not in GENERIC_EN and not (len(word) <= 2 and not word[0].isdigit()):
            yield m.start(), m.end(), word
    for run in _CJK_RUN.finditer(norm):
        yield from _zh_content(run[0], run.start())


def _zh_content(run: str, offset: int) -> Iterator[tuple[int, int, str]]:
    i, start = 0, None
    while i < len(run):
        word = next((w for w in _ZH_FUNCTION if run.startswith(w, i)), None)
        if word is None:
            start = i if start is None else start
            i += 1
            continue
        if start is not None and i - start >= 2:
            yield offset + start, offset + i, run[start:i]
        start = None
        i += len(word)
    if start is not None and len(run) - start >= 2:
        yield offset + start, offset + len(run), run[start:]


def _dropped(
    r: Reading, plan: dict[str, Any], model: SemanticModel, ctx: TimeContext
) -> list[Unused]:
    """Model words and times the question gives that the plan does not carry."""
    out: list[Unused] = []
    text = r.question.norm
    if r.compare and plan.get("metrics") and not plan.get("compare"):
        _, spans = find_comparison(text)  # "orders compared with the previous period" of all time
        out += [Unused(text[a:b], "comparison_not_used") for a, b in spans[:1]]
    out += _rate_not_given(r, plan, model)
    used = _plan_words(plan) | _kept_by_metrics(plan, model)
    steps = [t for t in used if t in model.touchpoints]
    steps += [s for j in model.spec.journeys if j.name in used for s in j.steps]
    implied = implied_channels(model, steps)  # "在线咨询客服": the touchpoint's own channel
    journeys = named_by_journey(r, model, plan.get("journey"))
    for mention in r.mentions("value"):
        ref = mention.ref
        if ref.name in used or str(ref.value) in used or ref.value in implied:
            continue
        if (ref.name, ref.value) in journeys:
            continue  # "小程序" of the 小程序购票漏斗 analysed: the journey's own name
        if included(r, mention.start):
            continue  # "total GMV incl wechat and taobao": inside the total asked for
        if unit_of_a_metric(r, model, mention.term):
            continue  # "船上消费总额（美元）": the metric's own unit
        out.append(
            Unused(text[mention.start : mention.start + len(mention.term)], "value_not_used")
        )
    which_step = _steps_named(plan)
    metric_names = _metric_names(plan, model)
    for mention in r.mentions("dimension"):
        dim = model.dimensions.get(mention.ref.name)
        if dim is None or dim.type == "time" or mention.ref.name in used:
            continue
        if which_step and mention.ref.name == "touchpoint":
            continue  # "which step", 哪个环节: the steps of the journey analysed
        if names_a_value(r, mention.start) or said_as_a_place(r, mention.start):
            continue  # "抖音渠道": the kind of the value just said; "to the gym": where
        if said_of_all(r, mention.start):
            continue  # "across all stores": the total is every store's
        if any(head_word(mention.term) in dimension_heads(model, d) for d in used
               if d in model.dimensions):  # fmt: skip
            continue  # "tickets by channel", split by the tickets' own channel
        if any(mention.term in n.casefold() for n in metric_names):
            continue  # "made from meeting rooms": the meeting room revenue
        if any(_same_column(dim, model.dimensions[d]) for d in used
               if d in model.dimensions):  # fmt: skip
            continue  # "spend by platform": the spend rows' own column of that name
        said = text[mention.start : mention.start + len(mention.term)]
        if not any(u.text == said for u in out):
            out.append(Unused(said, "dimension_not_used"))
    if plan.get("metrics"):  # a metric answer (other kinds name no metrics list)
        out += _metrics_dropped(r, plan, model, used)
        counted = used | _metric_touchpoints(plan, model)
        for tp in r.mentions("touchpoint"):
            said = text[tp.start : tp.start + len(tp.term)]
            if tp.ref.name not in counted and not any(u.text == said for u in out):
                out.append(Unused(said, "touchpoint_not_used"))  # "revenue on the search page"
    plan_time = plan.get("time")
    if plan_time is None or not r.times:
        return out
    wanted = {_label(plan_time, ctx)}
    if plan.get("baseline") is not None:
        wanted.add(_label(plan["baseline"], ctx))
    compared = plan.get("compare") is not None or plan.get("baseline") is not None
    for i, t in enumerate(r.times):
        if _label(t.spec, ctx) in wanted:
            continue
        if compared and (i > 0 or r.compare is not None):
            continue  # the baseline of a comparison the plan makes
        out.append(Unused(text[t.start : t.end], "time_not_used"))
    return out


def _metrics_dropped(
    r: Reading, plan: dict[str, Any], model: SemanticModel, used: set[str]
) -> list[Unused]:
    """Metrics of other rows the question names that the answer neither shows nor computes from
    ("CSAT for online consultations": a count of events said as a qualifier of a survey score
    the plan cannot apply)."""
    shown = list(plan.get("metrics") or [])
    within = set(shown)
    for name in shown:
        within |= _parts(model, name)
    tables = {t for name in shown for t in tables_of(model, name)}
    out: list[Unused] = []
    for mention in r.mentions("metric"):
        if mention.ref.name in used or mention.ref.name in within:
            continue
        if tables_of(model, mention.ref.name) <= tables:
            continue  # "response time on tickets", 下单最多的城市: the shown metric's own rows
        if any(m.start == mention.start and m.refs("touchpoint", "journey") for m in r.matches):
            continue  # a touchpoint's word read as its step
        if mention.ref.name == cost_metric(model) and CUSTOMERS_SPEND.search(r.question.norm):
            continue  # "which tier spends the most": the customers' money, shown
        if is_reach(model, mention.ref.name) and any(counts_people(model, n) for n in shown):
            continue  # "新增了多少注册用户": the users word, counted by the new users shown
        said = r.question.norm[mention.start : mention.start + len(mention.term)]
        out.append(Unused(said, "metric_not_used"))
    return out


def _parts(model: SemanticModel, name: str, depth: int = 0) -> set[str]:
    """The metrics a metric is computed from (a ratio's numerator and denominator, a formula's
    arguments), and theirs."""
    metric = model.metrics.get(name)
    refs = getattr(metric, "references", None)
    if metric is None or refs is None or depth > 4:
        return set()
    out: set[str] = set()
    for part in refs():
        out |= {part} | _parts(model, part, depth + 1)
    return out


def _metric_touchpoints(plan: dict[str, Any], model: SemanticModel) -> set[str]:
    """The touchpoints the plan's metrics count, convert between or are computed from."""
    out: set[str] = set()
    names = set(plan.get("metrics") or [])
    for name in list(names):
        names |= _parts(model, name)
    for name in names:
        metric = model.metrics.get(name)
        for step in (getattr(metric, "base", None), getattr(metric, "conversion", None)):
            if step is not None and step.touchpoint is not None:
                out.add(step.touchpoint)
        for measure in model.measures_of(name) if metric is not None else ():
            out |= {str(f.value) for f in measure.filters if f.column == "touchpoint"}
            out |= {str(v) for f in measure.filters if f.column == "touchpoint"
                    for v in (f.values or ())}  # fmt: skip
    return out


def _kept_by_metrics(plan: dict[str, Any], model: SemanticModel) -> set[str]:
    """The dimensions the plan's metrics count only some values of (complaint tickets: tickets
    where is_complaint), with those values: said in the question, they are used."""
    out: set[str] = set()
    for name in plan.get("metrics") or []:
        for measure in model.measures_of(name) if name in model.metrics else ():
            for f in measure.filters:
                for dim in model.spec.dimensions:
                    if dim.table == measure.table and dim.column == f.column:
                        out |= {dim.name, str(f.value)}
    return out


def _plan_words(plan: dict[str, Any]) -> set[str]:
    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif value is not None:
            words.add(str(value))

    walk({k: v for k, v in plan.items() if k not in ("language", "reason")})
    return words


def _label(spec: Any, ctx: TimeContext) -> str:
    try:
        parsed = spec if isinstance(spec, TimeSpec) else TimeSpec.parse(spec)
        return str(resolve(parsed, ctx))
    except (ValueError, TypeError):
        return repr(spec)


def _confidence(r: Reading, plan: dict[str, Any], unused: Sequence[Unused]) -> float:
    """1.0 when every content word was used; any unused word puts the answer below `CONFIDENT`
    (it carries a note), and each further one, a dropped model word or time most, lowers it."""
    if not answers(plan) or not unused:
        return 1.0
    score = CONFIDENT - 0.05
    for item in unused[1:]:
        score -= 0.2 if item.why != "unknown_word" else 0.1
    return round(max(0.05, score), 2)


def outcome(plan: dict[str, Any]) -> str | None:
    """What the plan is to the user: "answer", "clarify" or "unsupported" (None: no kind)."""
    kind = kind_called(plan.get("kind"))
    return kind.outcome if kind is not None else None


def answers(plan: dict[str, Any]) -> bool:
    """Whether the plan answers (not a question back or a refusal)."""
    return outcome(plan) == "answer"


def _steps_named(plan: dict[str, Any]) -> bool:
    """Whether "which step" / 哪个环节 in the question names the steps this plan analyses."""
    kind = kind_called(plan.get("kind"))
    return kind is not None and kind.steps_named


def note(unused: Sequence[Unused], lang: str) -> str:
    """The visible note: which words of the question the answer did not use."""
    said = _say(lang, "sep").join(_say(lang, "quoted", word=u.text) for u in unused)
    return _say(lang, "not_used", said=said)


def _say(lang: str, key: str, **values: object) -> str:
    return phrase(language(lang), "choices", key, **values)


__all__ = ["CONFIDENT", "Coverage", "Unused", "answers", "coverage", "note", "outcome"]
