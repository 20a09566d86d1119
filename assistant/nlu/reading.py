"""`read(question)`: what a question mentions, before deciding which plan it needs.

A `Reading` lists the metrics, dimensions, values, touchpoints and journeys the question names
(through the lexicon), the cue words (intent, ranking, grain…), the time phrases and comparison,
and numbers such as "top 3" or "30-day". `decide.py` turns it into a plan.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import grammar
from semantic_layer.time import Comparison, TimeContext

from .cues import CUES
from .lexicon import CJK_ONLY, Cue, Lexicon, Match
from .text import Language, Question, prepare
from .timepatterns import MONTHS
from .timewords import TimeMatch, find_comparison, find_times

_TOP_N = re.compile(r"(?:top|first|best|largest|biggest|highest|which|what)\s+(\d{1,3})\b"
                    r"(?!\s*(?:day|week|month|year|quarter|hour|minute|%|percent))"
                    r"|(?<![之以])前\s?(\d{1,3})(?!\s?[天日周月年步])(?:\s?名)?"  # not 之前一步
                    r"|(?<!\d)(\d{1,3})\s?(?:个|大|名|家|位|款|门|所|间|条|部|种|支|座|本|件|台|辆)"
                    r"|\b(?:the|our|my|your)\s+(\d{1,3})\s+"
                    r"(?:most|biggest|largest|highest|busiest|best|top)\b"
                    r"|最(?:忙|旺|多|高|大)的\s?(\d{1,3})\s?(?:个\s?)?(?=天|周|月)")  # fmt: skip
_BOTTOM_N = re.compile(r"(?:bottom|last|worst|lowest|smallest)\s+(\d{1,3})\b"
                       r"(?!\s*(?:day|week|month))"
                       r"|(?:倒数|后)\s?(\d{1,3})(?!\s?[天日周月年])"
                       r"|\b(?:the|our|my|your)\s+(\d{1,3})\s+"
                       r"(?:least|quietest|smallest|lowest|worst|fewest)\b"
                       r"|最(?:闲|淡|少|低|小)的\s?(\d{1,3})\s?(?:个\s?)?(?=天|周|月)")  # fmt: skip
_N_DAY = re.compile(r"(\d{1,2})\s?(?:-\s?)?(day|week|month|天|日|周|个月|月)\s?(?:的)?\s?"
                    r"(?=retention|留存|retained|return|回访|复访|复购)"
                    r"|(?:day|week|month)\s?(\d{1,2})\s?(?:retention|留存)"
                    r"|(次日|次周|次月)\s?(?:留存)?"
                    r"|\b(?:the )?(?:following|subsequent) (day|week|month)\b"
                    r"|\bthe (day|week|month) after\b")  # fmt: skip
_WINDOW = re.compile(
    r"within\s+(?P<n1>\d{1,3}|a|an|one)\s+(?P<u1>days?|weeks?|months?|hours?)"
    r"|(?<!近)(?<!近\s)(?<!去)(?<!去\s)(?P<n2>\d{1,3})\s?(?P<u2>天|日|周|个?星期|小时)\s?"
    r"(?:内|之内|以内|窗口)"
    r"|(?P<n3>\d{1,2})\s?-?\s?days?\s+(?:conversion\s+)?window"
    r"|窗口期?\s?(?:为|是)?\s?(?P<n4>\d{1,2})\s?天"
)
# Days in a window unit ("within a week", "3个月内", "48小时内": hours round up to whole days).
_WINDOW_DAYS: Final = {"day": 1, "天": 1, "日": 1, "week": 7, "周": 7, "星期": 7, "个星期": 7,
                       "month": 30, "hour": 1 / 24, "小时": 1 / 24}  # fmt: skip
_UNIT: Final = {"day": "day", "天": "day", "日": "day", "week": "week", "周": "week",
                "month": "month", "个月": "month", "月": "month"}  # fmt: skip
_NEXT: Final = {"次日": ("day", 1), "次周": ("week", 1), "次月": ("month", 1)}


@dataclass(frozen=True)
class Mention:
    """A model object the question names, where it was named, and the words that named it."""

    ref: Ref
    start: int
    term: str


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with the characters of each (start, end) span turned to spaces (same length)."""
    left = list(text)
    for start, end in spans:
        left[start:end] = " " * (end - start)
    return "".join(left)


@dataclass(frozen=True)
class Reading:
    question: Question
    times: tuple[TimeMatch, ...]
    compare: Comparison | None
    matches: tuple[Match, ...]
    cues: frozenset[str]
    top_n: int | None = None
    bottom_n: int | None = None
    cohort: tuple[str, int] | None = None  # ("day", 30) for "30-day retention"
    window_days: int | None = None
    followed: int | None = None  # 3 for "the first 3 months after", 之后三个月 (retention)
    unknown: tuple[str, ...] = field(default=())  # Latin words nothing matched (for fuzzy)
    recognized: tuple[tuple[int, int], ...] = ()  # times, comparisons, numbers the rules read
    default_period: str | None = None  # the model's period for questions without time words
    ctx: TimeContext | None = None  # "today", for comparing the periods a question names

    @property
    def language(self) -> Language:
        return self.question.language

    def mentions(self, kind: str) -> list[Mention]:
        """Model objects of `kind` in question order (first sense of that kind per match)."""
        out: list[Mention] = []
        strong = any(m.refs(kind) and not m.weak for m in self.matches)
        for m in self.matches:
            refs = m.refs(kind)
            if m.weak and strong:
                continue  # a metric's noun alone, next to another metric: that one's modifier
            if refs and not _shadowed(m, kind) and not self._other_sense(m, kind):
                out.extend(Mention(r, m.start, m.term) for r in refs)
        return out

    def _other_sense(self, m: Match, kind: str) -> bool:
        """A word that is both a dimension's name and a value of another ("store": the store
        dimension and the showroom channel) reads as the dimension, unless said as a place ("in
        store", "在门店"); a drop-off word that is also a value ("流失": the churned status) reads
        as the drop-off in a journey question."""
        dims = {r.name for r in m.refs("dimension")}
        of_others = any(r.name not in dims for r in m.refs("value"))
        if kind not in ("value", "dimension") or not (dims and of_others):
            return (
                kind == "value" and m.term in _DROPOFF_WORDS and _journey_elsewhere(m, self.matches)
            )
        place = bool(_AS_PLACE.search(self.question.norm[: m.start]))
        return place if kind == "dimension" else not place

    def names(self, kind: str) -> list[str]:
        return list(dict.fromkeys(m.ref.name for m in self.mentions(kind)))

    def cue_before(self, pos: int, names: set[str], within: int = 2) -> bool:
        """Whether one of the cue `names` is among the `within` matches just before `pos`."""
        before = [m for m in self.matches if m.end <= pos][-within:]
        return any(m.cues() & names for m in before)

    def unread(self) -> str:
        """The normalised question with every word the rules read blanked out (same length)."""
        spans = [(m.start, m.end) for m in self.matches] + list(self.recognized)
        return blanked(self.question.norm, spans)

    def cue_positions(self, name: str) -> list[int]:
        return [m.start for m in self.matches if name in m.cues()]


_AS_PLACE = re.compile(
    r"(?:\b(?:in|at|via|through|from|only|just)\s+(?:the\s+|our\s+)?|在|到|去|只看|仅)$"
)
_DROPOFF_WORDS = frozenset(CUES["dropoff"])
_LITTLE_WORDS = frozenset(
    {"us", "it", "me", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is",
     "my", "of", "on", "or", "so", "to", "up", "we", "who", "can", "may", "all", "any", "one",
     "out", "per", "our"}
)  # fmt: skip


def _journey_elsewhere(m: Match, matches: Sequence[Match]) -> bool:
    """Whether another word of the question speaks of a journey (its name, a funnel, a drop-off,
    its steps: "哪个环节流失的人最多")."""
    others = [x for x in matches if x is not m]
    return any(
        x.refs("journey")
        or {"funnel", "dropoff"} & x.cues()
        or any(d.name == "touchpoint" for d in x.refs("dimension"))
        for x in others
    )


def _cues_of(m: Match, matches: Sequence[Match], norm: str) -> frozenset[str]:
    """A match's cues; a drop-off word that is also one of the model's values ("流失": churned)
    is that value, not a drop-off, unless something else in the question speaks of a journey;
    回访 before 满意度 / 评分 / 电话 is a service follow-up call, not people coming back."""
    cues = m.cues()
    if "retention" in cues and m.term == "回访" and _FOLLOW_UP_CALL.match(norm, m.end):
        cues = cues - {"retention"}
    if "dropoff" in cues and m.refs("value") and not _journey_elsewhere(m, matches):
        return cues - {"dropoff"}
    return cues


_FOLLOW_UP_CALL = re.compile(r"\s?(?:的)?\s?(?:满意|评分|评价|打分|电话|问卷)")


def _split_by_a_why_word(m: Match, matches: Sequence[Match]) -> bool:
    """ "count by reason", "按原因", "原因分布": a split by something (read as an unknown word),
    not a why."""
    if m.cues() != {"drivers"} or m.refs():
        return False
    before = [x for x in matches if x.end <= m.start]
    after = [x for x in matches if x.start >= m.end][:1]
    if after and "share" in after[0].cues() and after[0].start - m.end <= 1:
        return True  # 退票原因分布: the reasons' spread
    if after and m.term in _REASON and after[0].refs("value") and after[0].start - m.end <= 4:
        return True  # "with reason too expensive", "原因为价格太贵": a value named, not a why
    return bool(before) and "by" in before[-1].cues() and m.start - before[-1].end <= 1


_REASON: Final = frozenset({"reason", "reasons", "原因"})


def _ad_fees(matches: list[Match], norm: str) -> list[Match]:
    """ "Meta广告费" when the model's value is "Meta 广告": the 费 left over is the spend on it."""
    out: list[Match] = []
    for m in matches:
        out.append(m)
        fee = norm[m.end : m.end + 1] == "费" and not any(x.start == m.end for x in matches)
        if fee and m.refs("value") and m.term.endswith(_AD_WORDS):
            out.append(Match(m.end, m.end + 1, "费", (Cue("money_out"),)))
    return out


_AD_WORDS: Final = ("广告", "推广", "营销", "投放")


def _some_days(m: Match, norm: str) -> bool:
    """ "那几天", "最近几天", "前几天": some days, not "how many days" (a time to convert)."""
    return m.term == "几天" and norm[max(0, m.start - 1) : m.start] in _SOME_BEFORE


_SOME_BEFORE: Final = frozenset("那这近前去头些")

# Verbs whose "up" is their particle ("signed up", "topped up", "showed up"), not a rise.
_PHRASAL_UP: Final = re.compile(
    r"\b(?:sign|signs|signed|signing|set|sets|setting|pick|picks|picked|picking|top|tops|topped|"
    r"topping|show|shows|showed|shown|showing|turn|turns|turned|turning|follow|follows|followed|"
    r"following|look|looks|looked|looking|call|calls|called|calling|open|opened|opening|sum|"
    r"summed|add|added|adding|back|backed|end|ends|ended|ending|wrap|wrapped|start|started|"
    r"fill|filled|step|stepped|scale|scaled|catch|caught|keep|kept|come|came|coming|speed|sped|"
    r"hook|hooked|load|loaded|gear|geared|free|freed|check|checked|pay|paid|make|made|book|booked)"
    r"\s$"
)


def _particle(m: Match, norm: str) -> bool:
    """An "up" that belongs to its verb ("how many signed up"), with no model sense of its own."""
    return m.term == "up" and not m.refs() and bool(_PHRASAL_UP.search(norm, 0, m.start))


def _ranked_kind(
    m: Match, norm: str, rank_spans: Sequence[tuple[int, int]], lexicon: Lexicon
) -> Match:
    """A plural right after "top 5" / "bottom 2" that names a value and, in the singular, a
    dimension ("top 5 stores" where 门店 is also called "stores"): the dimension, ranked."""
    if not m.term.endswith("s") or not m.refs("value") or m.refs("dimension"):
        return m
    if not any(end < m.start and norm[end : m.start].strip() == "" for _, end in rank_spans):
        return m
    dims = tuple(s for s in lexicon.terms.get(m.term[:-1], ()) if isinstance(s, Ref)
                 and s.kind == "dimension")  # fmt: skip
    return Match(m.start, m.end, m.term, dims, m.weak) if len(dims) == 1 else m


def _each_then_metric(m: Match, norm: str, lexicon: Lexicon) -> list[Match]:
    """各门店客单价: a metric's name that starts with a dimension's name, right after 各 / 每个 /
    按, is that split and the metric, whose rest (客单价) names nothing else — not one figure for
    all stores."""
    refs = m.refs("metric")
    if not refs or not CJK_ONLY.fullmatch(m.term) or not _EACH_BEFORE.search(norm[: m.start]):
        return [m]
    for cut in range(len(m.term) - 2, 1, -1):
        head, rest = m.term[:cut], m.term[cut:]
        dims = [
            s for s in lexicon.terms.get(head, ()) if isinstance(s, Ref) and s.kind == "dimension"
        ]
        said = lexicon.terms.get(rest, ())  # 客单价: this metric's name, or only a cue word
        others = {s for s in said if isinstance(s, Ref) and s not in refs}
        if dims and said and not others:
            return [
                Match(m.start, m.start + cut, head, tuple(dims), False),
                Match(m.start + cut, m.end, rest, tuple(refs), m.weak),
            ]
    return [m]


def _rates_named(matches: list[Match], norm: str, lexicon: Lexicon) -> list[Match]:
    """A count and then 率 / "rate" that nothing else read ("体验课到课率" when the model knows
    "体验课到课" and the rate only as 到课率) is the one percent ratio that count is counted in."""
    out: list[Match] = []
    for i, m in enumerate(matches):
        after = _RATE_AFTER.match(norm, m.end)
        rate = next((r for x in m.refs("metric") if (r := lexicon.rates.get(x.name))), None)
        if after is None or rate is None or m.weak:
            out.append(m)
            continue
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt is not None and nxt.start < after.end() and (nxt.refs() or nxt.end > after.end()):
            out.append(m)  # the word after is read as something else
            continue
        out.append(Match(m.start, after.end(), norm[m.start : after.end()], (rate,)))
    return [m for m in out if not any(o.start < m.start < o.end for o in out)]  # "rate" merged


_RATE_AFTER = re.compile(r"\s?率|\s+rate\b")
_EACH_BEFORE = re.compile(r"(?:各|每个|每家|每一家|按)\s?$")


def _split_of(m: Match, matches: Sequence[Match], lexicon: Lexicon) -> Match | None:
    """A why-word after "by" is a split: the model's dimension of that name, else nothing."""
    return _why_split(m, lexicon) if _split_by_a_why_word(m, matches) else _as_split(m, matches)


def _why_split(m: Match, lexicon: Lexicon) -> Match | None:
    """The one dimension whose name ends with the why-word said after "by" ("by reason": the
    cancellation reason), if the model has one."""
    word = m.term.removesuffix("s")
    found = {
        ref
        for term, senses in lexicon.terms.items()
        if term.endswith((f" {word}", f" {word}s", word)) and (term.isascii() == word.isascii())
        for ref in senses
        if isinstance(ref, Ref) and ref.kind == "dimension"
    }
    if len(found) != 1:
        return None
    return Match(m.start, m.end, m.term, tuple(found), m.weak)


def _as_split(m: Match, matches: Sequence[Match]) -> Match:
    """ "refunds by reason code": a dimension named like a why-word, after "by", is only the
    dimension."""
    if "drivers" not in m.cues() or not m.refs("dimension"):
        return m
    before = [x for x in matches if x.end <= m.start]
    if not (before and "by" in before[-1].cues() and m.start - before[-1].end <= 1):
        return m
    kept = tuple(s for s in m.senses if s != Cue("drivers"))
    return Match(m.start, m.end, m.term, kept, m.weak)


def _cased(m: Match, text: str, little: frozenset[str] = _LITTLE_WORDS) -> Match | None:
    """A value spelt like a little English word ("US", "IT", "ME") or by its initials ("SQ" for
    Solar Quotes) is that value only when written in capitals: "contact us" is not the United
    States."""
    if m.term not in little or not m.refs("value"):
        return m
    if re.search(rf"\b{re.escape(m.term.upper())}\b", text):
        return m
    kept = tuple(s for s in m.senses if not (isinstance(s, Ref) and s.kind == "value"))
    return Match(m.start, m.end, m.term, kept, m.weak) if kept else None


def _shadowed(match: Match, kind: str) -> bool:
    """A word that is both a metric or touchpoint and a value ("CSAT", "payment") counts as the
    metric or touchpoint only."""
    return kind == "value" and bool(match.refs("metric", "touchpoint"))


def read(question: Question, lexicon: Lexicon, ctx: TimeContext) -> Reading:
    """Find everything the question names (see the module docstring)."""
    norm = question.norm
    times = _times_among_names(norm, ctx, lexicon)
    compare, compare_spans = find_comparison(norm)
    if compare == "previous_period" and not _compares_time(norm, compare_spans, times):
        compare, compare_spans = None, []
    masked = [(t.start, t.end) for t in times] + list(compare_spans)
    cohort, cohort_span = _cohort(norm)
    window, window_span = _window(norm)
    followed = _FOLLOWED_FOR.search(norm)
    top, bottom, rank_spans = _limits(norm, masked)
    masked += [s for s in (cohort_span, window_span) if s] + rank_spans
    if followed is not None:
        masked.append(followed.span())
    little = _LITTLE_WORDS | lexicon.initials
    matches = [c for m in lexicon.scan(norm, masked) if (c := _cased(m, question.text, little))]
    matches = [x for m in matches if (x := _split_of(m, matches, lexicon)) is not None]
    matches = [x for m in matches for x in _each_then_metric(m, norm, lexicon)]
    matches = [_ranked_kind(m, norm, rank_spans, lexicon) for m in matches]
    matches = [m for m in matches if not _particle(m, norm) and not _some_days(m, norm)]
    matches = _ad_fees(matches, norm)
    matches = _rates_named(matches, norm, lexicon)
    each = [_cues_of(m, matches, norm) for m in matches]
    cues = frozenset().union(*each) if each else frozenset()
    if cohort is not None or _STILL_THERE.search(norm):
        cues |= {"retention"}  # "week-2 retention", "次月留存", "之后每个月还有多少人"
    if top is not None and "asc" not in cues:  # "最少的3家店": three, from the bottom
        cues |= {"desc"}
    if bottom is not None:
        cues |= {"asc"}
    return Reading(
        question=question, times=tuple(times), compare=compare, matches=tuple(matches),
        cues=frozenset(cues), top_n=top, bottom_n=bottom, cohort=cohort, window_days=window,
        followed=int(followed[1] or followed[2]) if followed else None,
        unknown=tuple(_unknown(norm, matches, masked)), recognized=tuple(masked),
        default_period=lexicon.default_period, ctx=ctx,
    )  # fmt: skip


def _times_among_names(norm: str, ctx: TimeContext, lexicon: Lexicon) -> list[TimeMatch]:
    """The question's times against the model's names, which are scanned only when there are
    times (a question without time words pays no second scan)."""
    times = find_times(norm, ctx, lexicon.periods)
    if not times:
        return times
    names = [m for m in lexicon.scan(norm) if m.refs()]
    named = [  # "avg APR" when the model calls its average rate so: its word, not April
        (m.start + w.start(), m.start + w.end())
        for m in names
        for w in re.finditer(r"[a-z]+", norm[m.start : m.end])
        if w[0] in MONTHS
        and any(t.start <= m.start + w.start() < t.end for t in times)
        and not _IN_MONTH.search(norm[: m.start])
    ]
    if named:
        times = find_times(blanked(norm, named), ctx, lexicon.periods)
    times = _values_not_periods(times, norm, lexicon, names)
    return _outside_names(
        _times_before_names(times, norm, ctx, lexicon=lexicon, names=names), norm, names
    )


def _values_not_periods(
    times: list[TimeMatch], norm: str, lexicon: Lexicon, names: Sequence[Match]
) -> list[TimeMatch]:
    """The times but a model period said as a value with its split's name ("the autumn season"
    when the season split has a value "autumn": that season's rows, registered before its
    dates), and the times beside it that are other values of that split ("winter vs autumn
    season"). A period named without its split ("during 618") stays a time."""

    def within(t: TimeMatch, m: Match) -> bool:
        return t.start <= m.start and m.end <= t.end

    def split_said(t: TimeMatch) -> set[str]:  # "autumn" and "season" both inside, or 秋季赛季
        inside = [m for m in names if within(t, m)]
        said = {r.name for m in inside for r in m.refs("dimension")}
        said |= {r.name for m in inside for r in m.refs("value") if _ends_with_split(m, r, lexicon)}
        return {r.name for m in inside for r in m.refs("value")} & said

    valued = [
        t
        for t in times
        if any(p.pattern.fullmatch(norm, t.start, t.end) for p in lexicon.periods) and split_said(t)
    ]
    if not valued:
        return times
    split = set().union(*(split_said(t) for t in valued))
    for t in times:
        exact = [m for m in names if m.start == t.start and m.end == t.end]
        if any({r.name for r in m.refs("value")} & split for m in exact):
            valued.append(t)
    return [t for t in times if t not in valued]


def _ends_with_split(m: Match, value: Ref, lexicon: Lexicon) -> bool:
    """Whether a value's words end with its split's own name (秋季赛季, a season)."""
    split = Ref("dimension", value.name)
    return any(
        len(name) >= 2 and m.term != name and m.term.endswith(name) and split in senses
        for name, senses in lexicon.terms.items()
    )


_IN_MONTH = re.compile(r"\b(?:in|since|from|until|till|during|of|for|before|after|through)\s+$")


def _times_before_names(
    times: list[TimeMatch],
    norm: str,
    ctx: TimeContext,
    *,
    lexicon: Lexicon,
    names: Sequence[Match],
) -> list[TimeMatch]:
    """The times, none ending inside a name the model has: in "11月开始结账之前" the 开始 is the
    start of the step 开始结账, so the time is November, not "since November"."""
    cut = [(m.start, t.end) for m in names for t in times if t.start < m.start < t.end < m.end]
    if not cut:
        return times
    again = find_times(blanked(norm, cut), ctx, lexicon.periods)
    starts = {t.start for t in again}  # 本月活跃用户数: 月 is the month's own, the time stays
    return again if all(t.start in starts for t in times) else times


def _outside_names(times: list[TimeMatch], norm: str, names: Sequence[Match]) -> list[TimeMatch]:
    """The time phrases that are not part of a longer name the model has (a campaign 秋季尝鲜, a
    promotion "Summer Sale"): there the model's word wins."""

    def inside(t: TimeMatch, m: Match) -> bool:
        said = norm[t.start : t.end]
        return m.start <= t.start and t.end <= m.end and said in m.term and said != m.term

    return [t for t in times if not any(inside(t, m) for m in names)]


# People followed period after period: "之后每个月还有多少人在…", "how many were still around in
# the months after", "still using us week after week".
_STILL_THERE = re.compile(
    r"(?:之后|以后|后来|后面)(?:的)?每(?:个)?[天周月].{0,8}(?:还|仍|依然|继续)"
    r"|\bstill (?:around|there|with us|using|here|coming)\b.{0,40}\b(?:days|weeks|months) after\b"
    r"|\b(?:days|weeks|months) after\b.{0,40}\bstill (?:around|there|with us|using|here|coming)\b"
)


def _compares_time(norm: str, spans: Sequence[tuple[int, int]], times: Sequence[TimeMatch]) -> bool:
    """ "vs", "compared to", "较" compare periods only when a time follows them (or two times are
    named, or the word itself says period: 环比, week over week); "app vs website" is not one."""
    if len(times) >= 2:
        return True
    for start, end in spans:
        word = norm[start:end]
        if word in ("环比", "wow", "mom", "qoq") or "over" in word or "period" in word:
            return True
        if word.endswith("before"):  # "vs the week before"
            return True
        if word.startswith(("比上", "与上", "和上", "跟上")):
            return True
        if any(0 <= t.start - end <= 6 and _nothing_between(norm[end : t.start]) for t in times):
            return True
    return False


def _nothing_between(gap: str) -> bool:
    """Only filler between a comparison word and a time ("vs the week before", "比上月"): in "douyin
    vs xhs last month" a name stands between them, so two values are compared, not periods."""
    return all(w in ("the", "to", "with", "of", "a") for w in gap.split()) and not re.search(
        r"[\u4e00-\u9fff]{2,}", gap
    )


def _cohort(norm: str) -> tuple[tuple[str, int] | None, tuple[int, int] | None]:
    m = _N_DAY.search(norm)
    if m is None:
        return None, None
    if m[4]:
        unit, n = _NEXT[m[4]]
        return (unit, n), m.span(4)
    if m[5] or m[6]:  # "came back the following month"
        return (m[5] or m[6], 1), m.span()
    if m[1]:
        return (_UNIT[m[2]], int(m[1])), (m.start(), m.end(2))
    unit = "day" if m[0].startswith("day") else "week" if m[0].startswith("week") else "month"
    return (unit, int(m[3])), m.span()


# how long each cohort is followed: "the first 3 months after", "next 6 weeks", 之后三个月
_FOLLOWED_FOR: Final = re.compile(
    r"\b(?:first|next|following)\s+(\d{1,2})\s+(?:day|week|month)s?\b"
    r"|(?:之后|以后|后面|接下来)(?:的)?\s?(?:前)?\s?(\d{1,2})\s?(?:个)?\s?(?:天|周|星期|月)"
)


def _window(norm: str) -> tuple[int | None, tuple[int, int] | None]:
    m = _WINDOW.search(norm)
    if m is None:
        return None, None
    said = next(m[g] for g in ("n1", "n2", "n3", "n4") if m[g])
    n = 1 if said in ("a", "an", "one") else int(said)
    unit = (m["u1"] or m["u2"] or "day").rstrip("s") if (m["u1"] or m["u2"]) else "day"
    return max(1, math.ceil(n * _WINDOW_DAYS[unit])), m.span()


def _limits(
    norm: str, masked: list[tuple[int, int]]
) -> tuple[int | None, int | None, list[tuple[int, int]]]:
    def free(span: tuple[int, int]) -> bool:
        return not any(s < span[1] and span[0] < e for s, e in masked)

    top = next((m for m in _TOP_N.finditer(norm) if free(m.span())), None)
    bottom = next((m for m in _BOTTOM_N.finditer(norm) if free(m.span())), None)
    spans = [m.span() for m in (top, bottom) if m is not None]
    return _n(top), _n(bottom), spans


def _n(match: re.Match[str] | None) -> int | None:
    if match is None:
        return None
    value = int(next(g for g in match.groups() if g))
    return value if 1 <= value <= 100 else None


_WORD = re.compile(r"[a-z][a-z']{3,}")
_ZH_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,6}$")
_ZH_JOURNEY = re.compile(r"旅程")
_BEFORE_JOURNEY = re.compile(r"\b([a-z][a-z-]{2,})\s+journey\b")
_FUNCTION_CHARS: Final = "看在的从给把对按和与及跟是为了"
# "每条船", "哪家店", "3家店": each/which/a number and a measure word, never a name
_EACH_ONE: Final = re.compile(
    r"(?:各|每|哪|这|那|几|\d{1,3})一?(?:个|门|家|位|款|类|种|条|项|所|间|支|座|批|期|档|艘|辆|台|部|本|件)?"
)
_MODIFIERS: Final = frozenset(
    [
        "所有",
        "全部",
        "其他",
        "其它",
        "主要",
        "这些",
        "那些",
        "这个",
        "那个",
        "整体",
        "总体",
        "哪些",
        "每个",
        "各个",
        "不同",
        "哪个",
        "各大",
        "一个",
        "营销",
        "推广",
        "获客",
        "拉新",
        "销售",
        "流量",
        "我们",
        "你们",
        "他们",
        "哪类",
        "线上",
        "来源",
        "投放",
        "新增",
        "核心",
        "重点",
        "各个",
        "前三",
        "前几",
        "注册",  # 注册渠道, 下单渠道: the channel they did it through, no channel's name
        "下单",
        "购买",
        "支付",
        "付款",
        "成交",
        "引流",
        "首次",
    ]
)
_SOLD = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(?:上个?月|上周|本月|今年|去年|昨天)?(?:卖了多少|卖得|的销量|销量)"
)
_NOT_NAMES: Final = frozenset(
    """each every which what all any other our their your the per by this that those these
    same different new old main total overall""".split()  # noqa: SIM905
)
_CALENDAR_WORDS: Final = frozenset(
    """january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
    sunday christmas easter""".split()  # noqa: SIM905
)
_PROPER = re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-zA-Z]{2,})\b")


def unknown_values(r: Reading) -> list[tuple[str, str | None]]:
    """Names the question gives that the data does not have: an unknown word right before the
    name of a dimension or 旅程 / "journey" ("<unknown>渠道", "signup journey"), or an unknown
    capitalised word. Words the rules read are not names (the 名 of 前五名的老师)."""
    covered = [(m.start, m.end) for m in r.matches] + list(r.recognized)
    found: list[tuple[str, str | None]] = []
    norm = r.question.norm
    named = [(m.ref.name, m.start) for m in r.mentions("dimension")]
    named += [("journey", m.start()) for m in _ZH_JOURNEY.finditer(norm)]
    for dimension, at in named:
        m = _ZH_BEFORE.search(norm[:at])
        if m is None:
            continue
        word = m[0].lstrip(_FUNCTION_CHARS)
        start = m.end() - len(word)
        if (
            len(word) >= 2
            and word not in _MODIFIERS
            and not _EACH_ONE.fullmatch(word)
            and not any(s < m.end() and start < e for s, e in covered)
        ):
            found.append((word, dimension))  # "<unknown>渠道": a channel the data does not have
    for mention in r.mentions("dimension") + r.mentions("value"):  # "the <Name> <dimension>"
        before = norm[: mention.start].split()[-1:]
        word = before[0] if before else ""
        if not grammar(r.language).capitalise or word not in r.unknown or word in _NOT_NAMES:
            continue
        if word in _CALENDAR_WORDS:
            continue  # "the March expo leads": a month, never a channel called March
        if not _capitalised(word, r.question.text):
            continue  # "mobile <value>" is a description; "<Name> <value>" is a name
        found.append((word, mention.ref.name))
    for m in _SOLD.finditer(r.question.norm):
        word = m[1].lstrip(_FUNCTION_CHARS)
        if len(word) >= 2 and not any(s < m.end(1) and m.start(1) < e for s, e in covered):
            found.append((word, "product"))  # "口红卖了多少": a product, which the data lacks
    for m in _BEFORE_JOURNEY.finditer(r.question.norm):
        if m[1] in r.unknown and m[1] not in _GENERIC_JOURNEY:
            found.append((m[1], "journey"))  # "signup journey" when no journey is called that
    return found


def sibling_values(r: Reading, model: SemanticModel) -> list[tuple[str, str | None]]:
    """A name shaped like a dimension's numbered values that is none of them: "四区" when the
    servers are 一区, 二区 and 三区; "KN0999" among stores coded KN0006, KN0167."""
    covered = [(m.start, m.end) for m in r.matches] + [(t.start, t.end) for t in r.times]
    norm = r.question.norm
    found: list[tuple[str, str | None]] = []
    for dim in model.spec.dimensions:
        said = {prepare(str(v.value)).norm for v in dim.values}
        shapes = {_shape(v) for v in said} - {None}
        for shape in shapes:
            if sum(_shape(v) == shape for v in said) < 2:
                continue
            assert shape is not None
            for m in re.finditer(shape, norm):
                if m[0] not in said and not any(s < m.end() and m.start() < e for s, e in covered):
                    found.append((m[0].replace(" ", ""), dim.name))
    return found


def _shape(value: str) -> str | None:
    """A pattern for numbered values: a number and a Chinese word after it ("1 区" → any number
    and 区), or letters and a fixed count of digits ("kn0167" → "kn" and four digits)."""
    if m := re.fullmatch(r"\d{1,3} ?([\u4e00-\u9fff]{1,2})", value):
        return rf"(?<![\d.])\d{{1,3}} ?{m[1]}"
    if m := re.fullmatch(r"([a-z]{1,4})(\d{2,6})", value):
        return rf"\b{m[1]}\d{{{len(m[2])}}}\b"
    return None


def _capitalised(word: str, text: str) -> bool:
    found = re.search(rf"\b{re.escape(word)}\b", text, flags=re.IGNORECASE)
    return found is not None and found[0][:1].isupper()


def _unknown(norm: str, matches: Sequence[Match], masked: Sequence[tuple[int, int]]) -> list[str]:
    spans = [(m.start, m.end) for m in matches] + list(masked)
    return [
        w[0]
        for w in _WORD.finditer(norm)
        if not any(s <= w.start() < e for s, e in spans) and w[0] not in _COMMON
    ]


_GENERIC_JOURNEY: Final = frozenset(["whole", "entire", "full", "overall", "typical", "main"])
_COMMON: Final = frozenset(
    """what which when where with were from that this have has does did show tell give many much
    about between over into them they their there than then last week weeks month months year
    years days today yesterday quarter users user people customers customer most least more
    less each every some these those your please could would should how's what's compare
    split rate rates number total count trend daily weekly monthly the and for are was doing
    make made look like just only also data report chart table value values same period
    periods compared compare against before after since until during based using""".split()  # noqa: SIM905
)

__all__ = ["Mention", "Reading", "blanked", "read", "unknown_values"]
