"""`EmbeddedPlanner`: the default planner — offline, deterministic, a few milliseconds a question.

    question ─▶ prepare (width, case, 两→2) ─▶ read (time words, lexicon, cues, numbers)
             ─▶ fuzzy fixes for typos ─▶ follow-up of the previous plan, or decide
             ─▶ paraphrase fallback (embeddings) when no model word was found ─▶ QueryPlan

Verified examples (the model's and thumbs-up answers) are preferred when retrieval finds one close
enough *and* it reads the same time, so "…last month" never gets the plan verified for last week.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final, Literal, Protocol

from rapidfuzz import process
from rapidfuzz.distance import OSA

from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import grammar, phrase, section
from semantic_layer.plan import PlanError, QueryPlan, parse_plan
from semantic_layer.time import TimeContext, TimeSpec, resolve

from . import choices, roles
from .coverage import GENERIC_EN, Coverage, Unused, answers, coverage, generic_zh, note, outcome
from .decide import decide
from .followup import apply, is_followup
from .homophones import Homophones
from .lexicon import Cue, Lexicon, Match, common_word, stem
from .nearby import (
    elliptic_metric_matches,
    later_step_matches,
    nearby_matches,
    numbered_value_matches,
    verb_matches,
    which_dimension_matches,
)
from .reading import Reading, read
from .shared import GRAIN_CUES, value_groups
from .shortened import Shortened
from .text import language_of, prepare
from .timepatterns import MONTHS, WEEKDAYS

log = logging.getLogger(__name__)
_INFLECTIONS: Final = ("s", "es", "ed", "d", "ing")
# Calibrated on the demo model: paraphrases of a metric score 0.91–0.98 ("how happy are customers"
# → CSAT 0.92, "花了多少钱做推广" → marketing cost 0.98); questions naming no metric at all score
# 0.86–0.89 against their nearest one ("how are we doing" → events 0.88).
PARAPHRASE_THRESHOLD: Final = 0.905
Source = Literal["rules", "example", "followup"]


# Time words a typo may be meant as ("last quater"): the time grammar reads them once fixed.
_TIME_WORDS: Final = ("quarter", "month", "months", "yesterday", "weekend", "fortnight",
                      "january", "february", "march", "april", "june", "july", "august",
                      "september", "october", "november", "december")  # fmt: skip


class Example(Protocol):
    question: str
    plan: dict[str, Any]
    score: float


class Retrieval(Protocol):
    """What the planner needs from retrieval (`assistant.retrieval.Retriever` has it)."""

    def search(self, text: str, *, kinds: tuple[str, ...], k: int) -> list[Any]: ...

    def similar_example(
        self, question: str, *, threshold: float, accept: Callable[[Any], bool] | None = None
    ) -> Any | None: ...


@dataclass(frozen=True)
class PlannerResult:
    """The plan, how it was reached, and what was assumed on the way (shown as warnings)."""

    plan: QueryPlan
    source: Source
    notes: tuple[str, ...] = ()
    unused: tuple[Unused, ...] = ()
    confidence: float = 1.0


class EmbeddedPlanner:
    """Questions → plans with the model's words and the rules of this package."""

    def __init__(
        self,
        model: SemanticModel,
        *,
        retrieval: Retrieval | None = None,
        example_threshold: float | None = None,
    ) -> None:
        self.model = model
        self.lexicon = Lexicon.of(model)
        self.retrieval = retrieval
        self.example_threshold = example_threshold
        self._latin_terms = [
            t
            for t, senses in self.lexicon.terms.items()
            if t.isascii()
            and len(t) >= 4
            and (any(not isinstance(s, Cue) for s in senses) or len(t) >= 7)
            and not all(isinstance(s, Cue) and s.name.startswith("scope:") for s in senses)
        ]  # a typo is read as a word of the model or a cue, never as a place or topic it lacks
        self._latin_terms += [w for w in _TIME_WORDS if w not in self._latin_terms]
        self._homophones = Homophones(
            t for t, senses in self.lexicon.terms.items() if any(isinstance(s, Ref) for s in senses)
        )
        self._shortened = Shortened(
            (t, refs)
            for t, senses in self.lexicon.terms.items()
            if (refs := tuple(s for s in senses if isinstance(s, Ref)))
        )

    def plan(
        self, question: str, ctx: TimeContext, previous: QueryPlan | None = None
    ) -> PlannerResult:
        """The plan for `question` (a follow-up of `previous` when its words say so). A plan the
        rules put together wrongly is never a traceback: the question is asked back."""
        ctx = replace(ctx, fiscal_year_start=roles.fiscal_year_start(self.model))
        try:
            return self._plan(question, ctx, previous)
        except PlanError:
            log.exception("the rules built an invalid plan for %r", question)
            lang = language_of(question)
            reason = phrase(lang, "choices", "not_planned")
            asked = choices.settled(
                {"kind": "clarify", "reason": reason, "language": lang, "candidate_kind": None,
                 "choices": choices.starters(lang, "", self.model)},
                lang, self.model,
            )  # fmt: skip
            return PlannerResult(parse_plan(asked), "rules", confidence=0.0)

    def _plan(self, question: str, ctx: TimeContext, previous: QueryPlan | None) -> PlannerResult:
        reading, notes = self._read(question, ctx)
        if is_followup(reading, previous):
            assert previous is not None
            plan = apply(reading, previous, self.model, ctx)
            return self._accounted(reading, plan, ctx, notes, "followup")
        plan = decide(reading, self.model)
        example = self._example(question, reading, plan, ctx)
        if example is not None:
            return example
        asking = outcome(plan) == "clarify"
        if asking and (asked := _asked_about(reading, self.model)) is not None:
            refused = choices.nothing_about([asked], reading.language, self.model)
            return PlannerResult(parse_plan({**refused, "language": reading.language}), "rules")
        if asking and not _names_anything(reading):
            better = self._paraphrase(reading, ctx)
            if better is not None:
                notes = (*notes, better[1])
                return PlannerResult(parse_plan(better[0]), "rules", notes, confidence=0.5)
            unknown = _unknown_words(reading, self.model, ctx)
            if len(unknown) >= 2 and not {"greeting", "help"} & reading.cues:
                refused = choices.nothing_about(unknown, reading.language, self.model)
                return PlannerResult(parse_plan({**refused, "language": reading.language}), "rules")
        return self._accounted(reading, plan, ctx, notes, "rules")

    def _accounted(
        self,
        r: Reading,
        plan: dict[str, Any],
        ctx: TimeContext,
        notes: tuple[str, ...],
        source: Source,
    ) -> PlannerResult:
        """The plan with every unused word of the question accounted for: a note in the answer,
        or a clarification when the plan would ignore most of what was asked."""
        cov: Coverage = coverage(r, plan, self.model, ctx)
        mean = bool(_MEAN_ASKED.search(r.question.norm))
        closer = _closer_metric(plan, cov.unused, self.model, mean) if source == "rules" else None
        if closer is not None:  # "revenue from new cards": the card revenue the model has
            plan, cov = closer, _read_by_name(coverage(r, closer, self.model, ctx), closer,
                                              self.model)  # fmt: skip
        confidence = cov.confidence * (0.9 if notes else 1.0)
        one_of = _one_of_several(r, plan, self.model) if source == "rules" else None
        if one_of is not None:  # "重庆": the exam city or the learners' city — said, not assumed
            notes, confidence = (*notes, one_of), min(confidence, _UNSURE)
        if cov.unused and answers(plan):
            name = _proper_name(r, cov.unused) if source == "rules" else None
            if name is not None:  # "orders in Beijing", "installs from the Xiaomi store"
                asked = choices.unknown_value([(name, _sort_of_name(r, name, self.model))], r,
                                              self.model)  # fmt: skip
                return PlannerResult(
                    parse_plan({**asked, "language": r.language}), source, notes, cov.unused, 1.0
                )
            split = _missing_split(r, plan, cov.unused) if source == "rules" else None
            splits = _splits_of(plan, self.model) if split is not None else []
            if split is not None and splits:  # with no split to offer, the note says it
                asked = choices.no_such_split(split, plan["metrics"][0], splits, r, self.model)
                return PlannerResult(
                    parse_plan({**asked, "language": r.language}), source, notes, cov.unused, 1.0
                )  # fmt: skip
            lacked = _asked_about(r, self.model) if source == "rules" else None
            if lacked is not None and any(lacked in u.text for u in cov.unused):
                asked = choices.nothing_about([lacked], r.language, self.model)
                return PlannerResult(
                    parse_plan({**asked, "language": r.language}), source, notes, cov.unused, 1.0
                )  # "患者的男女比例": not the patients' count with a note
            if source == "rules" and cov.mostly_unused and _named(r) <= 1:
                asked = choices.unclear(r, [u.text for u in cov.unused], self.model)
                return PlannerResult(
                    parse_plan({**asked, "language": r.language}), source, notes, cov.unused, 1.0
                )
            notes = (*notes, note(cov.unused, r.language))
        if not answers(plan):
            return PlannerResult(parse_plan(plan), source, notes)
        return PlannerResult(parse_plan(plan), source, notes, cov.unused, round(confidence, 2))

    def _read(self, question: str, ctx: TimeContext) -> tuple[Reading, tuple[str, ...]]:
        reading, notes = self._read_words(question, ctx)
        reading = _booked_money(reading, self.model)
        reading = _grain_before_a_metric(reading)
        numbered = numbered_value_matches(reading, self.model)
        if numbered:  # "term 2": the one value of the term, in place of the term split
            kept = _without(reading, numbered).matches
            reading = replace(reading, matches=tuple(sorted((*kept, *numbered), key=_start)))
        elliptic = elliptic_metric_matches(reading, self.model)
        reading = _without(reading, elliptic)  # the same word read as a value or journey
        extra = (
            later_step_matches(reading, self.model)
            or nearby_matches(reading, self.model)
            or verb_matches(reading, self.model)
        )
        extra += elliptic
        extra += which_dimension_matches(replace(reading, matches=(*reading.matches, *extra)),
                                         self.model)  # fmt: skip
        if not extra and not numbered:
            return reading, notes
        inside = [m for m in reading.matches if any(_within(m, x) for x in extra)]
        matches = tuple(sorted((*_without(reading, inside).matches, *extra), key=_start))
        said = [(m.term, self._label(m.refs()[0], reading.language)) for m in (*numbered, *extra)]
        words = section("choices")[reading.language]
        items = [words["read_as_item"].format(word=w, label=label) for w, label in said]
        note = words["read_as"].format(items=words["read_as_sep"].join(items))
        return replace(reading, matches=matches), (*notes, note)

    def _label(self, ref: Ref, lang: str) -> str:
        if ref.kind == "value":
            values = self.model.dimensions[ref.name].values
            return next((v.label(lang) for v in values if v.value == ref.value), str(ref.value))
        named: Mapping[str, Any] = {
            "metric": self.model.metrics, "touchpoint": self.model.touchpoints
        }.get(ref.kind, self.model.dimensions)  # fmt: skip
        return str(named[ref.name].label(lang))

    def _read_words(self, question: str, ctx: TimeContext) -> tuple[Reading, tuple[str, ...]]:
        q = prepare(question)
        reading = read(q, self.lexicon, ctx)
        fixes = self._fuzzy(reading)
        if not fixes:
            return reading, ()
        norm = q.norm
        for wrong, right in fixes:
            norm = norm.replace(wrong, right, 1)
        fixed = read(type(q)(q.text, norm, q.language), self.lexicon, ctx)
        said = ", ".join(f"'{w}' → '{r}'" for w, r in fixes)
        return fixed, (phrase(q.language, "choices", "read_fixed", said=said),)

    def _fuzzy(self, r: Reading) -> list[tuple[str, str]]:
        """Typos in Latin words, at most 1 edit in a short word and 2 in a longer one (a swap
        counts once): "convertion" → "conversion", "chanel" → "channel", "regoin" → "region".
        Inflections ("reached" for "reach") are not typos. In Chinese, a wrong character of the
        right sound ("超时律" → "超时率", see `homophones`)."""
        fixes = self._homophones.fixes(r.question.norm, r.unread())
        fixes += self._shortened.fixes(r.question.norm, _blanked(r.unread(), fixes))
        named_elsewhere = [  # "meituan": a platform the model may have under its Chinese name
            m.term
            for m in r.matches
            if not m.refs() and all(c.startswith("scope:") for c in m.cues())
        ]
        fixes += self._shortened.romanized(
            [w for w in (*r.unknown, *named_elsewhere) if not common_word(w)]
        )
        words = r.question.norm.split()
        for word in (w for w in r.unknown if len(w) >= 5 and w not in GENERIC_EN):
            i = words.index(word) if word in words else -1
            candidates = [word] + ([f"{word} {words[i + 1]}"] if 0 <= i < len(words) - 1 else [])
            if 0 < i < len(words) - 1:  # "battery atach rate": the typo inside a longer name
                candidates += [f"{words[i - 1]} {word}", f"{words[i - 1]} {word} {words[i + 1]}"]
            for text in reversed(candidates):
                fix = self._closest(text)
                if fix is not None and any(
                    w != word and self._named(w) and w not in fix.split() for w in text.split()
                ):
                    continue  # "support csat": CSAT is the model's word, not a typo of "chat"
                if fix is not None and fix != text:  # never "Read 'weekend' → 'weekend'"
                    fixes.append((text, fix))
                    break
        return fixes

    def _named(self, word: str) -> bool:
        """Whether a word on its own names something of the model."""
        return any(isinstance(s, Ref) for s in self.lexicon.terms.get(word, ()))

    def _closest(self, text: str) -> str | None:
        most = 1 if len(text) <= 5 else 2
        best = process.extractOne(text, self._latin_terms, scorer=OSA.distance, score_cutoff=most)
        if best is None or best[0][0] != text[0]:
            return None
        term = str(best[0])
        if text.startswith(term) and text[len(term) :] in _INFLECTIONS:
            return None
        if len(text) > 4 and term.startswith(text[:-2]) and text.endswith(("ed", "es", "ing")):
            return None  # "visited" is not a typo of "visits"
        if not term.startswith(text) and all(common_word(w) for w in text.split()):
            return None  # "apply" is not a typo of "apple", nor "charge" of "changed"
        return term  # a common word that a model word extends ("purchase" → "purchasers")

    def _example(
        self, question: str, r: Reading, own: dict[str, Any], ctx: TimeContext
    ) -> PlannerResult | None:
        """A verified example close enough to the question, that reads the same time, grain,
        comparison and cut as the rules do (retrieval checks that it names the same objects)."""
        if self.retrieval is None or self.example_threshold is None:
            return None

        def agrees(example: Any) -> bool:
            theirs = example.plan.get("time")
            ours = r.times[0].spec if r.times else None
            if (theirs is None) != (ours is None):
                return False
            if ours is not None and resolve(TimeSpec.parse(theirs), ctx) != resolve(ours, ctx):
                return False
            return all(example.plan.get(k) == own.get(k) for k in ("grain", "compare", "limit"))

        found = self.retrieval.similar_example(
            question, threshold=self.example_threshold, accept=agrees
        )
        if found is None:
            return None
        plan = parse_plan({**found.plan, "language": r.language})
        if prepare(found.question).norm == prepare(question).norm:
            return PlannerResult(
                plan, "example", ()
            )  # the verified question itself: nothing to say
        note = phrase(r.language, "choices", "like_example", question=found.question)
        return PlannerResult(plan, "example", (note,))

    def _paraphrase(self, r: Reading, ctx: TimeContext) -> tuple[dict[str, Any], str] | None:
        """No model word at all: ask retrieval which metric or touchpoint the words are near."""
        if self.retrieval is None:
            return None
        words = _without_times(r)
        if len(words) < 3:
            return None  # "top 5", "last week": nothing to paraphrase
        hits = self.retrieval.search(words, kinds=("metric",), k=1)
        if not hits or hits[0].score < PARAPHRASE_THRESHOLD:
            return None
        label = self.model.metrics[hits[0].name].label(r.language)
        q = prepare(f"{r.question.text} {label}")
        plan = decide(read(q, self.lexicon, ctx), self.model)
        if outcome(plan) == "clarify":
            return None
        note = phrase(r.language, "choices", "read_about", label=label)
        return plan, note


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def _missing_split(r: Reading, plan: dict[str, Any], unused: tuple[Unused, ...]) -> str | None:
    """An unused word the question asks to split by ("按年龄", "by teacher", "年龄分布", "which
    instructor") while the metric plan has no split: that word."""
    if plan.get("dimensions") or not plan.get("metrics"):  # a metric answer with no split
        return None
    norm = r.question.norm
    for u in unused:
        at = norm.find(u.text.casefold())
        if at < 0 or u.why == "number":
            continue
        before, after = norm[max(0, at - 16) : at], norm[at + len(u.text) :]
        if _SPLIT_BEFORE.search(before) or _SPLIT_AFTER.match(after):
            return u.text
    return None


_SPLIT_BEFORE = re.compile(
    r"(?:按照?|各个?|(?<!divided )(?<!multiplied )(?<!driven )(?<!caused )\bby|\bper|\bacross"
    r"|broken down by|split by|\bwhich|哪(?:个|位|些|家|一个|一位))\s*$"
)  # "which instructor has the best …" ranks by a split the model may lack
_SPLIT_AFTER = re.compile(r"\s*(?:的?分布|拆分|拆一下|来拆|细分|distribution|breakdown)")


def _splits_of(plan: dict[str, Any], model: SemanticModel) -> list[str]:
    """The categorical dimensions every metric of the plan can be split by."""
    return [
        d.name
        for d in model.spec.dimensions
        if d.type != "time" and d.name != "touchpoint"
        and roles.splits(model, plan["metrics"], d.name)
    ]  # fmt: skip


def _blanked(unread: str, fixes: list[tuple[str, str]]) -> str:
    """`unread` with the words already fixed blanked, so that no word is fixed twice."""
    for wrong, _ in fixes:
        unread = unread.replace(wrong, " " * len(wrong), 1)
    return unread


def _without_times(r: Reading) -> str:
    """The question without its time phrases (they say when, not what)."""
    norm = r.question.norm
    for t in sorted(r.times, key=lambda t: -t.start):
        norm = norm[: t.start] + " " + norm[t.end :]
    return " ".join(norm.split())


_BOOK: Final = re.compile(r"book(?:ed|s)?")


def _without(r: Reading, replaced: Sequence[Match]) -> Reading:
    """The reading without the matches that overlap any of `replaced`."""
    if not replaced:
        return r
    kept = tuple(m for m in r.matches if not any(_overlap(m, n) for n in replaced))
    return replace(r, matches=kept)


# How sure an answer is that read a word as one of several dimensions' values with nothing in the
# question to choose between them: below coverage.CONFIDENT, so it is shown as a reading.
_UNSURE: Final = 0.6


def _one_of_several(r: Reading, plan: dict[str, Any], model: SemanticModel) -> str | None:
    """A note when a filter's value word is a value of other dimensions too, all of them on the
    rows counted, and nothing said which (no dimension name, no "came from"): the answer says
    which it took. The events' channel and the people's first one (`acquisition_channel`) are a
    choice the rules make from the question's words (shared.filters), not a guess."""
    used = {(f["dimension"], v) for f in plan.get("filters") or [] for v in f.get("values", [])}
    if not used:
        return None
    named = set(r.names("dimension"))
    for group in value_groups(r):
        dims = list(dict.fromkeys(m.ref.name for m in group))
        took = [m for m in group if (m.ref.name, m.ref.value) in used]
        others = [d for d in dims if d not in {m.ref.name for m in took}]
        if len(took) != 1 or not others or named & set(dims):
            continue
        if {took[0].ref.name, *others} <= {"channel", "acquisition_channel"}:
            continue
        if not all(roles.reaches(model, "events", d) for d in [took[0].ref.name, *others]):
            continue
        words = section("choices")[r.language]
        return words["read_one_of"].format(
            word=took[0].term,
            label=model.dimensions[took[0].ref.name].label(r.language),
            others=words["read_as_sep"].join(model.dimensions[d].label(r.language) for d in others),
        )
    return None


def _within(m: Match, outer: Match) -> bool:
    """Whether `m` is a word inside a longer phrase `outer` read as one name ("venue" inside
    "viewed a venue page", the touchpoint "venue page view")."""
    return m is not outer and outer.start <= m.start and m.end <= outer.end and m.term != outer.term


def _start(m: Match) -> int:
    return m.start


def _booked_money(r: Reading, model: SemanticModel) -> Reading:
    """ "How much revenue did we book", "sales booked in March": booking money is recording it,
    not the model's booking touchpoint, when the question names a money metric."""
    money = any(
        model.metrics[ref.name].format == "currency" for m in r.matches for ref in m.refs("metric")
    )
    if not money:
        return r
    norm = r.question.norm
    booked = [
        m for m in r.matches if m.refs("touchpoint") and _BOOK.fullmatch(norm[m.start : m.end])
    ]
    if not booked:
        return r
    kept = tuple(m for m in r.matches if m not in booked)
    used = (*r.recognized, *((m.start, m.end) for m in booked))  # the verb is read, not unused
    return replace(r, matches=kept, recognized=used)


def _grain_before_a_metric(r: Reading) -> Reading:
    """ "monthly revenue trend", "monthly admissions": a series, when "monthly" is also a value's
    synonym (a monthly package, a monthly Direct Debit plan) but comes right before a metric —
    the value is said before its own kind of thing ("monthly package revenue")."""
    matches = list(r.matches)
    for i, m in enumerate(matches[:-1]):
        after = matches[i + 1]
        if (
            m.refs("value")
            and m.cues() & set(GRAIN_CUES)
            and after.start - m.end <= 1
            and after.refs("metric")
            and not after.refs("dimension")
        ):
            matches[i] = replace(m, senses=tuple(s for s in m.senses if s not in m.refs("value")))
    return replace(r, matches=tuple(matches)) if matches != list(r.matches) else r


def _unknown_words(r: Reading, model: SemanticModel, ctx: TimeContext) -> list[str]:
    """Content words of a question that name nothing the model has."""
    probe = {"kind": "metric", "metrics": []}
    return [u.text for u in coverage(r, probe, model, ctx).unused if u.why == "unknown_word"]


def _named(r: Reading) -> int:
    """How many model objects and times the question names: a question that names several is
    answered with a note about its other words; one that names one thing among unknown words is
    asked back."""
    return sum(len(m.refs()) > 0 for m in r.matches) + len(r.times)


def _proper_name(r: Reading, unused: tuple[Unused, ...]) -> str | None:
    """An unknown word written as a name (capitalised, not opening a sentence: "Beijing",
    "Xiaomi"): a place, platform or brand the data does not have, so a filter would be missing."""
    text, capitalised = r.question.text, grammar(r.language).capitalise
    for u in unused:
        if u.why != "unknown_word" or not u.text.isascii() or len(u.text) < 3:
            continue
        if u.text in _CALENDAR_WORDS:
            continue
        for found in re.finditer(rf"\b{re.escape(u.text)}\b", text, flags=re.IGNORECASE):
            before = text[: found.start()].rstrip()
            acronym = found[0].isupper()  # "CNY", "SIM", "GMV": a word of the trade, not a name
            if r.times and _A_DAY_AFTER.match(text, found.end()):
                continue  # "Paddy's Day (17 March)": a day's name, the date says which
            opening = not before or before.endswith((".", "?", "!", ":"))
            if found[0][0].isupper() and not acronym and (not opening or not capitalised):
                return found[0]  # (Chinese capitalises no sentence: "Ivy 上个月…" names someone)
    return None


_A_DAY_AFTER = re.compile(r"(?:'s)?\s+(?:day|eve|festival|week|weekend|sale|holiday)\b", re.I)
_CALENDAR_WORDS: Final = frozenset({*MONTHS, *WEEKDAYS, "christmas", "easter"})
_PLACE_BEFORE: Final = frozenset({"in", "from", "at", "across", "around", "near"})
_CHANNEL_NEAR: Final = frozenset({"store", "app", "apps", "platform", "channel", "ads", "via",
                                  "through", "on", "mini", "shop", "account"})  # fmt: skip


def _sort_of_name(r: Reading, name: str, model: SemanticModel) -> str | None:
    """The dimension a missing name would have been a value of: a channel when the words around
    it say so ("the Xiaomi store", "via X"), a place after "in"/"from", else none known."""
    text = r.question.text.casefold()
    at = text.find(name.casefold())
    before = text[:at].split()[-1:] if at >= 0 else []
    after = text[at + len(name) :].split()[:1] if at >= 0 else []
    if set(before + after) & _CHANNEL_NEAR:
        return choices.channel_dimension(model)
    if set(before) & _PLACE_BEFORE:
        return choices.place_dimension(model) or choices.channel_dimension(model)
    return None


_MEAN_ASKED: Final = re.compile(r"\b(?:average|avg|mean)\b|平均|均分")
_MEAN_NAME: Final = re.compile(r"\b(?:average|avg|mean)\b", re.IGNORECASE)


def _closer_metric(
    plan: dict[str, Any], unused: tuple[Unused, ...], model: SemanticModel, mean: bool = False
) -> dict[str, Any] | None:
    """The plan with its one metric swapped for another of the same format whose name carries
    words of the question that went unused ("how much did we make from new cards": card revenue
    rather than revenue; "ticket satisfaction": the tickets' CSAT) — when exactly one does. When
    the question asks for a mean (`mean`: "average rating score"), a metric named as a mean
    ("average ticket rating score") may stand for a share of another format."""
    if len(plan.get("metrics", [])) != 1:
        return None  # a metric answer of one metric (other kinds name no metrics list)
    current = model.metrics[plan["metrics"][0]]
    if mean and any(_MEAN_ASKED.search(u.text) for u in unused):
        per_one = _mean_of(current, model)  # 平均每单中介费: the fee per tenancy, the model's
        if per_one is not None:  # ratio of that very sum
            return _swapped(plan, current.name, per_one)
    words = {w for u in unused if u.why == "unknown_word" for w in _keys(u.text)}
    if not words:
        return None
    own = {w for n in current.names() for w in _keys(n)}
    scored: list[tuple[int, str]] = []
    parts = set(current.references())
    generic = roles.is_reach(model, current.name) or current.name == roles.event_count(model)
    for metric in model.spec.metrics:
        if metric.name == current.name:
            continue
        if metric.format != current.format and not (mean and _MEAN_NAME.search(metric.label("en"))):
            continue
        if metric.name in parts:
            continue  # "CAC, i.e. 每签一单花多少营销费": the words explain the named ratio
        if not generic and roles.counts_people(model, metric.name) != roles.counts_people(
            model, current.name
        ):
            continue  # "how many ppl bought a policy": people, not the policies
        theirs = {w for n in metric.names() for w in _keys(n)}
        shared = len(words & theirs - own - _MODIFIERS)
        if shared and (theirs & own or generic):  # a narrower name of the same thing ("card
            # revenue" of revenue), or a named thing for a generic count; "new appointments" stay
            # the bookings, "job viewers … applying" the view-to-apply rate
            scored.append((shared, metric.name))
    best = [name for n, name in scored if n == max(scored)[0]] if scored else []
    if len(best) != 1 or not all(roles.splits(model, best, d) for d in plan.get("dimensions", [])):
        return None
    return _swapped(plan, current.name, best[0])


def _swapped(plan: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    swapped = {**plan, "metrics": [new]}
    if plan.get("order", {}).get("by") == old:
        swapped["order"] = {**plan["order"], "by": new}
    return swapped


def _mean_of(metric: Any, model: SemanticModel) -> str | None:
    """The one ratio of the model whose numerator is this sum's measure, in the same format:
    the mean per order (or per person) of what the metric adds up."""
    if metric.type != "simple":
        return None
    found = [
        m.name
        for m in model.spec.metrics
        if m.type == "ratio" and m.numerator == metric.measure and m.format == metric.format
    ]
    return found[0] if len(found) == 1 else None


def _read_by_name(cov: Coverage, plan: dict[str, Any], model: SemanticModel) -> Coverage:
    """The coverage with the words the swapped-in metric's name carries counted as used."""
    named = {w for n in model.metrics[plan["metrics"][0]].names() for w in _keys(n)}
    kept = tuple(u for u in cov.unused if u.why != "unknown_word" or not _keys(u.text) & named)
    gone = sum(len(u.text) for u in cov.unused if u not in kept)
    return replace(cov, unused=kept, unused_chars=max(0, cov.unused_chars - gone))


# Words that only qualify a named metric: left over beside it, they do not name another one.
_MODIFIERS: Final = frozenset(
    {"new", "total", "all", "平均", "中位", "位数", "均值", "合计", "总计"}
)


def _keys(text: str) -> set[str]:
    """Comparable pieces of a name: English word stems of 3+ letters, Chinese character pairs."""
    text = text.casefold()
    out = {stem(w) for w in re.findall(r"[a-z]{3,}", text) if w not in GENERIC_EN}
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", text):
        out |= {run[i : i + 2] for i in range(len(run) - 1)}
    return out


def _names_anything(r: Reading) -> bool:
    return any(m.refs() for m in r.matches)


# The figure a question asks for: the words right before "是多少 / 有多少 / 比例", or after "how
# many / average" and before the verb or place that follows.
_ASKED_ZH = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(?=(?:是|有|大概|平均)?(?:多少|几[个张次位人斤]|比例|占比))"
)
# "我们有多少志愿者": the thing counted after 多少, ending the question
_ASKED_ZH_AFTER = re.compile(
    r"(?:有|是)?(?:多少|几)(?:个|位|名|家|辆|台)?\s?([\u4e00-\u9fff]{2,6})\s?(?=[？?。！!呢吗啊]|$)"
)
_MEASURE_FIRST: Final = frozenset("人位名个次度单笔件张份天元块")
_COUNTED_NEXT = re.compile(r"(?:是|有|大概|平均)?(?:多少|几)[个张次位人斤]?\s?")
_ASKED_EN = re.compile(
    r"\b(?:how many|how much|number of|average|avg)\s+"
    r"(?!(?:did|do|does|have|has|had|is|are|was|were|will|can|could|we|you|they|i)\b)"
    r"((?:[a-z0-9][a-z0-9-]*\s+){0,3}?[a-z][a-z-]*?)"
    r"\s+(?:do|does|did|have|has|are|is|were|was|in|at|for|per|by|on)\b"
)
_NOT_ASKED: Final = frozenset("了过的得")
_VERBS_EN: Final = frozenset(
    {
        "came",
        "come",
        "went",
        "go",
        "got",
        "get",
        "made",
        "make",
        "took",
        "take",
        "did",
        "do",
        "does",
        "left",
        "spent",
        "paid",
        "sold",
    }
)
_VAGUE_ZH: Final = frozenset({"数据", "情况", "表现", "效果", "结果", "业务", "东西", "指标"})


def _asked_about(r: Reading, model: SemanticModel) -> str | None:
    """The thing a question asks the amount of, when the model has no word for any of it and
    no metric, touchpoint or journey is named elsewhere: "坪效" in "各门店坪效是多少", "5g base
    stations" in "how many 5G base stations do we have"."""
    if r.names("touchpoint") or r.names("journey") or {"money_in", "money_out"} & r.cues:
        return None
    if any(not roles.is_reach(model, m) for m in r.names("metric")):
        return None  # "用户的男女比例": the people are said, the figure is not
    norm, free = r.question.norm, r.unread()
    asked = (*_ASKED_ZH.finditer(norm), *_ASKED_ZH_AFTER.finditer(norm), *_ASKED_EN.finditer(norm))
    read_at = {m.start for m in r.matches}
    for hit in asked:
        start, end = hit.span(1)
        counted = _COUNTED_NEXT.match(norm, end) if hit.re is _ASKED_ZH else None
        if counted is not None and counted.end() in read_at:
            continue  # "带来多少访客": a verb before the thing counted, which the rules read
        if hit.re is _ASKED_ZH_AFTER and hit[1][0] in _MEASURE_FIRST:
            continue  # 多少人骑过车, 充了多少度电: people or a unit counted, then what they did
        while not hit[1].isascii() and start < end and free[start:end] != norm[start:end]:
            start += 1  # the unread end of it: "坪效" of "各门店坪效"
        if free[start:end] != norm[start:end]:
            continue  # "avg basket size": a figure the rules read in part
        word = norm[start:end].strip().lstrip("的").removeprefix("平均").removesuffix("是")
        if len(word) < 2 or word[-1] in _NOT_ASKED or word in _VAGUE_ZH or generic_zh(word):
            continue  # a word the rules read, a verb ("发了多少") or a frame ("看下比例")
        if word.isascii() and (
            all(w in GENERIC_EN for w in word.split())
            or any(w.endswith("ed") or w in _VERBS_EN for w in word.split())
        ):
            continue  # "how much cash came in": a verb, so not the name of a figure
        if not word.isascii() and any(word in key for key in model.index):
            continue  # 多少公斤 when a metric is named 农产品销量(公斤): the model's own word
        return word
    return None


__all__ = ["EmbeddedPlanner", "PlannerResult", "Retrieval"]
