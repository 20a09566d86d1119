"""Touchpoints named in other words: "约完复诊" for 复诊预约, "start a card application" for a
touchpoint labelled "card application started"; and dimensions named by one character after a
Chinese "which/each" and a measure word: "哪门课" for 课程, "哪个厅" for 营业厅, "每家店" for 门店.

Used only where an analysis needs a touchpoint and the lexicon found none: a touchpoint whose
label shares most of its characters (Chinese) or word stems (English) with a stretch of the
question's unread words. The answer says which touchpoint it read, so the guess is never silent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec import TouchpointSpec
from semantic_layer.model.spec_data import DimensionSpec

from . import roles
from .coverage import GENERIC_EN
from .lexicon import Lexicon, Match, stem
from .reading import Reading
from .shared import CJK_ONLY

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_WORD = re.compile(r"[a-z]{3,}")
_SHARE: Final = 0.6  # of the label's characters or words that must appear


_WANTS: Final = frozenset({"after", "before", "paths", "top_paths", "time_to_convert", "conversion",
                           "funnel", "dropoff", "never", "how_many", "times"})  # fmt: skip


def nearby_matches(r: Reading, model: SemanticModel) -> list[Match]:
    """Touchpoints that a stretch of unread words spells, as matches, when the question asks for
    an analysis of touchpoints and names too few of them."""
    if not _WANTS & r.cues or len(r.names("touchpoint")) >= 2:
        return []
    norm, free = r.question.norm, r.unread()
    scored: list[tuple[float, int, int, str]] = []
    for tp in model.spec.touchpoints:
        names = [tp.label("zh"), tp.label("en")]
        if tp.synonyms is not None:
            names += list(tp.synonyms.all())
        best = max(
            (hit for name in names if (hit := _where(free, name)) is not None),
            default=None,
        )
        if best is not None:
            scored.append((best[0], best[1], best[2], tp.id))
    if not scored:
        scored = _one_telling_word(free, model)
    found: list[Match] = []
    for _, start, end, tp_id in sorted(scored, key=lambda s: -s[0]):  # the closest reading first
        if not any(m.start < end and start < m.end for m in found):
            found.append(Match(start, end, norm[start:end], (Ref("touchpoint", tp_id),)))
    return sorted(found, key=lambda m: m.start)[:2]


def later_step_matches(r: Reading, model: SemanticModel) -> list[Match]:
    """ "从打开小程序到下单", "how long from cake preorder to pickup": after the one touchpoint
    named, part of the name of a later step of its journeys (the start or end of a Chinese name,
    a word of an English one) — the part of one such step only."""
    if not {"time_to_convert", "conversion"} & r.cues or len(r.names("touchpoint")) != 1:
        return []
    first = r.mentions("touchpoint")[0]
    at, norm = first.start + len(first.term), r.question.norm
    found: dict[str, tuple[int, int]] = {}
    for journey in model.spec.journeys:
        if first.ref.name not in journey.steps:
            continue
        for later in journey.steps[journey.steps.index(first.ref.name) + 1 :]:
            names = [n.casefold() for n in model.touchpoints[later].names()]
            spans = [s for n in names if (s := _part_at(n, norm, at)) is not None]
            if spans:
                found[later] = max(spans, key=lambda s: s[1] - s[0])
    if len(found) != 1:
        return []
    ((later, (start, end)),) = found.items()
    if not _TO.search(norm, at, start):
        return []  # "walk-ins ended up buying a card": no "to" before it, no second step
    return [Match(start, end, norm[start:end], (Ref("touchpoint", later),))]


_TO: Final = re.compile(r"\bto\b|\buntil\b|\btill\b|→|->|到|至")


def _part_at(name: str, norm: str, at: int) -> tuple[int, int] | None:
    """Where, after `at`, the question says the longest start or end of `name` (two Chinese
    characters at least) or one of its English words of four letters or more that the question
    did not say before `at`."""
    if CJK_ONLY.fullmatch(name) and len(name) >= 3:
        for k in range(len(name) - 1, 1, -1):
            for part in (name[:k], name[-k:]):
                i = norm.find(part, at)
                if i >= 0:
                    return i, i + k
        return None
    for word in (w for w in name.split() if len(w) >= 4):
        said = re.compile(rf"\b{re.escape(word)}\b")
        if said.search(norm, 0, at):
            continue
        hit = said.search(norm, at)
        if hit is not None:
            return hit.span()
    return None


def _where(free: str, name: str) -> tuple[float, int, int] | None:
    """How much of `name` a stretch of the unread words spells (the share of its characters or
    word stems), and where, when it is enough."""
    chars = set(re.sub(r"[^\u4e00-\u9fff]", "", name))
    if len(chars) >= 2:
        for run in _CJK_RUN.finditer(free):
            shared = chars & set(run[0])
            if len(shared) >= 2 and len(shared) >= _SHARE * len(chars):  # an equal share of
                # a longer name is the closer reading: 职位提醒 is 职位提醒发送's, not 看职位's
                at = [run.start() + i for i, c in enumerate(run[0]) if c in shared]
                return len(shared) / len(chars) + len(shared) / 1000, at[0], at[-1] + 1  # the
                # name's own characters: 下过场 of "多少人下过场", its 人 still counting people
    words = {stem(w, verbs=True) for w in _WORD.findall(name.casefold())}
    if len(words) >= 2:
        hits = [m for m in _WORD.finditer(free) if stem(m[0], verbs=True) in words]
        shared_words = len({stem(m[0], verbs=True) for m in hits})
        if shared_words >= max(2, _SHARE * len(words)):
            return shared_words / len(words), hits[0].start(), hits[-1].end()
    return None


def _one_telling_word(free: str, model: SemanticModel) -> list[tuple[float, int, int, str]]:
    """An unread word of 6+ letters that only one touchpoint's English names have ("finishing
    the tutorial" for "tutorial completed"), when nothing spells more of a name."""
    owners: dict[str, set[str]] = {}
    for tp in model.spec.touchpoints:
        for name in (tp.label("en"), *(tp.synonyms.all() if tp.synonyms is not None else ())):
            for w in _WORD.findall(name.casefold()):
                owners.setdefault(stem(w, verbs=True), set()).add(tp.id)
    out = []
    for m in _WORD.finditer(free):
        key = stem(m[0], verbs=True)
        tps = owners.get(key, set())
        if len(key) >= 6 and len(tps) == 1 and m[0] not in GENERIC_EN:
            out.append((0.5, m.start(), m.end(), next(iter(tps))))
    return out[:1]


# "哪门课", "各个区", "每家店", "最少的3家店": which/each (an optional measure word) or a number
# and its measure word, then the thing counted.
_MEASURE = "个|门|家|位|款|类|种|条|项|所|间|支|座|批|期|档"
_WHICH_ONE = re.compile(
    rf"(?:(?:哪|各|每)(?:一)?(?:{_MEASURE})?|(?<![\d.])\d{{1,3}}\s?(?:{_MEASURE}))([\u4e00-\u9fff])"
)
_KIND_OF: Final = re.compile(r"分类|类型|类别|种类|类")
# Characters after 哪个/各个 that are generic words, never the head of a dimension's name.
_NOT_A_HEAD: Final = frozenset("人次天日月年周时点些样么种类是的都有用间")  # 间 of 期间


def which_dimension_matches(r: Reading, model: SemanticModel) -> list[Match]:
    """Dimensions named by one character after "哪/各/每" and a measure word, when that
    character starts or ends the Chinese name of exactly one dimension (unread text only)."""
    free = r.unread()
    found: list[Match] = []
    for hit in _WHICH_ONE.finditer(r.question.norm):
        start = hit.start(1)
        char = hit[1]
        if free[start] != char or char in _NOT_A_HEAD:
            continue
        dims = [dim for dim in model.spec.dimensions if dim.type != "time"]
        named = {dim.name for dim in dims if char in _zh_names(dim)}  # 船, the ship's own word
        if not named:  # 门 of 门店, 区 of 城区
            named = {
                dim.name
                for dim in dims
                if any(len(n) >= 2 and (n[0] == char or n[-1] == char) for n in _zh_names(dim))
            }
        two = r.question.norm[start : start + 2]
        if any(n.startswith(two) and not _KIND_OF.fullmatch(n[2:]) for d in dims
               if d.name in named for n in _zh_names(d) if len(n) > 2):  # fmt: skip
            continue  # 各平台: two characters of 平台订单状态 (哪类问题 is 问题分类, its kind)
        if len(named) == 1:
            found.append(Match(start, start + 1, char, (Ref("dimension", named.pop()),)))
    return found


# A one-character verb counted or ranked: "签得最多", "签了几单", "续的人多", "谁签的单多".
# (not 出了多少单 nor 下了几单: 出单 and 下单 are the orders themselves)
_VERB_COUNTED = re.compile(
    r"((?![出下])[\u4e00-\u9fff])(?:得|的人|的单|的次数|了)\s?(?:最多|最少|更多|多少|几|多|少)"
    r"|([出下])(?:得|的人|的次数|了)\s?(?!(?:多少|几)\s?单)(?:最多|最少|更多|多少|几|多|少)"
)


def verb_matches(r: Reading, model: SemanticModel) -> list[Match]:
    """A touchpoint named by the one-character verb its Chinese name starts with ("签" of 签约,
    "骑" of 骑行), counted or ranked, when the question names no metric or touchpoint and exactly
    one touchpoint's name starts so."""
    if r.names("touchpoint") or r.names("metric") or r.names("journey"):
        return []
    free, heads = r.unread(), Lexicon.of(model).heads
    for hit in _VERB_MONEY.finditer(r.question.norm):  # 赔出去多少钱: the one amount of 赔…
        start, char = hit.start(1), hit[1]
        amount = roles.one_named(model, "currency", _starts_with(char))
        if amount is not None and free[start] == char:
            end = hit.end("particle")
            return [Match(start, end, r.question.norm[start:end], (Ref("metric", amount),))]
    for hit in _VERB_COUNTED.finditer(r.question.norm):
        group = 1 if hit[1] else 2
        start, char = hit.start(group), hit[group]
        if free[start] != char or r.question.norm[start - 1 : start + 1] in heads:
            continue  # "完成了几单": 完成 opens the model's 完成单量, so 成 is no verb of its own
        owners = {tp.id for tp in model.spec.touchpoints if _zh_starts(tp, char)}
        if len(owners) == 1:
            return [Match(start, start + 1, char, (Ref("touchpoint", owners.pop()),))]
    for hit in _VERB2_COUNTED.finditer(r.question.norm):  # "完成了多少场" of 完成纹身
        start, verb = hit.start(1), hit[1]
        if free[start : start + 2] != verb:
            continue
        owners = {tp.id for tp in model.spec.touchpoints if _zh_starts(tp, verb)}
        if len(owners) == 1:
            return [Match(start, start + 2, verb, (Ref("touchpoint", owners.pop()),))]
    return []


# A two-character verb counted: "完成了多少场", "预约了几次" (the start of one step's name).
_VERB2_COUNTED = re.compile(r"([\u4e00-\u9fff]{2})(?:了|得|的)\s?(?:多少|几)")


def _zh_starts(tp: TouchpointSpec, verb: str) -> bool:
    """Whether one of the step's Chinese names starts with `verb` and goes on after it."""
    names = (tp.id, tp.label("zh"), *(tp.synonyms.all() if tp.synonyms is not None else ()))
    return any(len(n) > len(verb) and n.startswith(verb) and CJK_ONLY.fullmatch(n) for n in names)


# A number after a dimension's word ("term 2", "level 3") or 第N before it (第3学期).
_NUMBER_AFTER = re.compile(
    r"\s?(\d{1,2})(?!\d|\.\d|%|\s?[月日号年周天点时分秒个位名次]|\s?(?:st|nd|rd|th)\b)"
)  # not a date's or a count's number: 套餐12月 is December, 前3名 the top three
_NUMBER_BEFORE = re.compile(r"第\s?(\d{1,2})\s?(?:个\s?)?$")
_SMALL_NUMBER = re.compile(r"(?<![\d.])\d{1,2}(?![\d.])")  # 2 of "T2 2026", not 2026


def numbered_value_matches(r: Reading, model: SemanticModel) -> list[Match]:
    """A value named by its dimension's word and a number: "term 2" or 第3学期 for the one value
    of that dimension whose code or name carries that number ("T2 2026", "Term 2 2026") — two
    values that do ("T4 2025", "T4 2026") leave the words unread, to be noted."""
    norm, found = r.question.norm, []
    for m in r.matches:
        dims = m.refs("dimension")
        if len(dims) != 1 or len(m.refs()) != 1:
            continue
        after = _NUMBER_AFTER.match(norm, m.end)
        before = _NUMBER_BEFORE.search(norm[: m.start])
        hit = after or before
        if hit is None:
            continue
        number = hit[1]
        dim = model.dimensions[dims[0].name]
        values = [
            v.value
            for v in dim.values
            if any(
                number in _SMALL_NUMBER.findall(name)
                for name in (str(v.value), v.label("en"), v.label("zh"))
            )
        ]
        if len(values) == 1:
            start, end = (m.start, hit.end()) if after is not None else (hit.start(), m.end)
            ref = Ref("value", dim.name, values[0])
            found.append(Match(start, end, norm[start:end], (ref,)))
    return found


# "single vs member washes", "new and returning customers": the word before the joiner
_ELLIPTIC_BEFORE: Final = re.compile(r"\b([a-z][a-z\-]*)\s+(?:vs|versus|and|or|&)\s+$")


def elliptic_metric_matches(r: Reading, model: SemanticModel) -> list[Match]:
    """A metric said with the last words of the metric after it: "single vs member washes" is
    the single washes and the member washes, when the model has a metric named "single
    washes" (the word alone, "single", names nothing)."""
    norm, found = r.question.norm, []
    for m in r.mentions("metric"):
        words = m.term.split()
        if not m.term.isascii() or len(words) < 2:
            continue
        before = _ELLIPTIC_BEFORE.search(norm[: m.start])
        if before is None or any(
            x.start <= before.start(1) < x.end and x.end != before.end(1) for x in r.matches
        ):
            continue  # (the word alone, read as a value, journey or metric, gives way:
            # "exhibition vs planetarium admissions" when "exhibition admissions" is a metric)
        said = tuple(stem(w) for w in (before[1], *words[1:]))
        named = {
            metric.name
            for metric in model.spec.metrics
            for name in metric.names()
            if name.isascii() and tuple(stem(w) for w in name.casefold().split()) == said
        } - {m.ref.name}
        if len(named) == 1:
            start, end = before.span(1)
            found.append(Match(start, end, norm[start:end], (Ref("metric", named.pop()),)))
    return found


def _starts_with(char: str) -> Callable[[str], bool]:
    """A Chinese name (two characters or more) that starts with `char`."""
    return lambda name: len(name) >= 2 and name[0] == char and bool(CJK_ONLY.fullmatch(name))


# A one-character verb asked in money: 退了多少钱, 赔出去多少钱.
_VERB_MONEY = re.compile(
    r"([\u4e00-\u9fff])(?P<particle>(?:了|出去|出|掉|得)?)\s?(?:了)?\s?多少(?:钱|金额)"
)


def _zh_names(dim: DimensionSpec) -> list[str]:
    names = [dim.labels.zh] if dim.labels is not None and dim.labels.zh else []
    return names + [n for n in dim.synonyms.all() if CJK_ONLY.fullmatch(n)]


__all__ = [
    "elliptic_metric_matches",
    "nearby_matches",
    "numbered_value_matches",
    "verb_matches",
    "which_dimension_matches",
]
