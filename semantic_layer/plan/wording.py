"""Words shared by the plan sentences: lists, filters, times, in English and Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from semantic_layer.phrasebook import grammar, section
from semantic_layer.plan.common import AnalysisPlan, Filter, Scalar
from semantic_layer.time import Comparison, DateRange, Language, TimeSpec


class Labels(Protocol):
    """How the semantic model names things to people (the model implements this)."""

    def metric(self, name: str, lang: Language, /) -> str:
        """ "conversion rate" / "转化率"."""
        ...

    def dimension(self, name: str, lang: Language, /) -> str:
        """ "channel" / "渠道"."""
        ...

    def touchpoint(self, touchpoint_id: str, lang: Language, /) -> str:
        """ "product page" / "商品详情页"."""
        ...

    def journey(self, name: str, lang: Language, /) -> str:
        """ "purchase journey" / "购买旅程"."""
        ...

    def value(self, dimension: str, value: Scalar, lang: Language, /) -> str:
        """ "WeChat mini program" / "微信小程序" for the value `mini_program` of a dimension."""
        ...


PHRASES: Final[dict[Language, dict[str, str]]] = section("plan")
WORDS: Final[dict[Language, dict[str, str]]] = section("plan.words")
OPS: Final[dict[Language, dict[str, str]]] = section("plan.ops")


def join(items: Sequence[str], lang: Language, *, conjunction: str = "") -> str:
    """ "a, b and c" / "a、b和c"."""
    if len(items) <= 1:
        return "".join(items)
    says = grammar(lang)
    word = conjunction or WORDS[lang]["and"]
    return says.alt_sep.join(items[:-1]) + says.words(["", word, ""]) + items[-1]


@dataclass(frozen=True)
class Speaker:
    """Phrases for one plan's sentence: its language, the labels and the resolved ranges."""

    labels: Labels
    lang: Language
    time_range: DateRange | None = None
    baseline_range: DateRange | None = None

    def t(self, key: str, **values: object) -> str:
        """The phrase `key` of the phrasebook in this language, filled in."""
        return PHRASES[self.lang][key].format(**values)

    def word(self, key: str) -> str:
        """A single word of the phrasebook ("weekly" / "每周")."""
        return WORDS[self.lang][key]

    def when(self, spec: TimeSpec) -> str:
        """The exact range when resolved, else how the spec is said ("last week")."""
        return self.time_range.label(self.lang) if self.time_range else spec.phrase(self.lang)

    def baseline(self, compare: Comparison | None, spec: TimeSpec | None = None) -> str:
        """The period compared with: the resolved range, a time spec, or the comparison's name."""
        if self.baseline_range is not None:
            return self.baseline_range.label(self.lang)
        if spec is not None:
            return spec.phrase(self.lang)
        return WORDS[self.lang][f"compared_{compare or 'previous_period'}"]

    def metrics(self, names: Sequence[str]) -> str:
        """The metrics' labels, joined."""
        return join([self.labels.metric(n, self.lang) for n in names], self.lang)

    def dimensions(self, names: Sequence[str]) -> str:
        """The dimensions' labels, joined."""
        return join([self.labels.dimension(n, self.lang) for n in names], self.lang)

    def touchpoint(self, touchpoint_id: str) -> str:
        """A touchpoint's label."""
        return self.labels.touchpoint(touchpoint_id, self.lang)

    def journey(self, name: str | None, steps: Sequence[str] | None) -> str:
        """The steps ("A → B → C"), the journey's label, or the default journey."""
        if steps:
            return " → ".join(self.touchpoint(s) for s in steps)
        if name is None:
            return self.word("default_journey")
        return self.t("the_journey", label=self.labels.journey(name, self.lang))

    def filters(self, plan: AnalysisPlan) -> list[str]:
        """The filters as one clause ("where channel is app" / "渠道为app"), or nothing."""
        if not plan.filters:
            return []
        parts = [self._filter(f) for f in plan.filters]
        joined = self.word("filter_sep").join(parts[:-1])
        joined += self.word("filter_last") + parts[-1] if joined else parts[-1]
        return [self.t("filters", parts=joined)]

    def _filter(self, f: Filter) -> str:
        values = [self._value(f.dimension, v) for v in f.values]
        word = self.word("nor_values" if f.op == "not_in" else "or_values")
        shown = join(values, self.lang, conjunction=word)
        return OPS[self.lang][f.op].format(d=self.labels.dimension(f.dimension, self.lang), v=shown)

    def _value(self, dimension: str, value: Scalar) -> str:
        if isinstance(value, bool):
            return self.word("true" if value else "false")
        return self.labels.value(dimension, value, self.lang)


def sentence(parts: Sequence[str], lang: Language) -> str:
    """Clauses joined with commas ("，" in Chinese), the first letter capitalised in English."""
    says = grammar(lang)
    return says.upper_first(says.comma.join(p for p in parts if p))
