"""`Say`: the words one answer is made of — its language, labels, numbers and time phrases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from assistant.answer.narrate.numbers import Numbers, as_float
from assistant.answer.table import ResultTable
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import Format
from semantic_layer.phrasebook import grammar, section
from semantic_layer.plan import AnalysisPlan, DriversPlan, JourneyPlan, MetricPlan, QueryPlan
from semantic_layer.plan.wording import Speaker, join
from semantic_layer.time import DateRange, Grain, Language
from semantic_layer.timeparts.calendar import CalendarGrain, whole_periods
from semantic_layer.timeparts.labels import day_label, month_label, quarter_label, year_label

RELATIVE: Final = frozenset({"last", "this", "today", "all", "until"})
PSEUDO: Final = {"(exit)": "exit", "(start)": "start"}
NONE_SEGMENT: Final = "(none)"

PHRASES: Final[dict[Language, dict[str, str]]] = section("answer")
WORDS: Final[dict[Language, dict[str, str]]] = section("answer.words")
TIME: Final[dict[Language, dict[str, str]]] = section("time")


@dataclass(frozen=True)
class Say:
    """Phrases for one result: `t(key)` templates, labels, formatted values and time."""

    table: ResultTable
    labels: ModelLabels
    model: SemanticModel
    lang: Language
    num: Numbers

    @classmethod
    def create(
        cls, table: ResultTable, labels: ModelLabels, model: SemanticModel, lang: Language
    ) -> Say:
        return cls(table, labels, model, lang, Numbers.of(model, lang))

    @property
    def plan(self) -> QueryPlan:
        return self.table.plan

    def t(self, key: str, /, **values: object) -> str:
        """The template `key` in this language, filled in."""
        return PHRASES[self.lang][key].format(**values)

    def word(self, key: str, /, **values: object) -> str:
        """A word or short phrase ("weekly" / "每周")."""
        return WORDS[self.lang][key].format(**values)

    def join(self, items: Sequence[str], conjunction: str = "") -> str:
        """ "a, b and c" / "a、b和c"."""
        return join(list(items), self.lang, conjunction=conjunction)

    def finish(self, sentences: Sequence[str]) -> str:
        """Sentences as one text: spaced and capitalised in English, run together in Chinese."""
        says = grammar(self.lang)
        return says.words([says.start(s) for s in sentences if s])

    # -- time ---------------------------------------------------------------------------------
    def when(self) -> str:
        """ "last week (16–22 Nov 2026)" / "上周（2026年11月16日–22日）"; "in October 2026"."""
        spec = self.plan.time if isinstance(self.plan, AnalysisPlan) else None
        rng = self.table.time_range
        if spec is None:
            return rng.label(self.lang) if rng else ""
        phrase = spec.phrase(self.lang).removesuffix(TIME[self.lang]["to_date"])
        if rng is None:
            return phrase
        label = rng.label(self.lang)
        if spec.root.kind == "until":
            return label  # "up to 1 May 2026"
        if spec.root.kind == "all":  # no time words: say that all the data was used
            return self.t("when_all", label=label)
        if spec.root.kind in RELATIVE and phrase != label:
            if spec.root.kind == "last" and phrase[-1:] == "s":
                phrase = self.t("over", phrase=phrase)  # "over the last 4 weeks"
            return self.t("when_rel", phrase=phrase, label=label)
        return self.t("when_on" if rng.days == 1 else "when_in", label=label)

    def before(self, *, within: bool = False) -> str:
        """The baseline: "the week before (9–15 Nov 2026)" / "前一周（2026年11月9日–15日）"; an
        explicit one by its dates ("in Q1 2026" `within` a sentence that reads "from X …")."""
        rng = self.table.baseline_range
        if rng is None:
            return self.word("before_period")
        compare = self.plan.compare if isinstance(self.plan, MetricPlan | DriversPlan) else None
        explicit = (
            isinstance(self.plan, MetricPlan | DriversPlan) and self.plan.baseline is not None
        )
        if compare is None or explicit:  # an explicit baseline time
            label = rng.label(self.lang)
            return self.t("within", label=label) if within else label
        key = "before_last_year" if compare == "same_period_last_year" else _before_key(rng)
        return self.t("before_rel", phrase=self.word(key), label=rng.label(self.lang))

    def period(self, value: Any, grain: Grain) -> str:
        """The period starting at `value`: "week of 16 Nov 2026", "November 2026", "Q3 2026"."""
        day = value.date() if isinstance(value, datetime) else value
        if not isinstance(day, date):
            return str(value)
        if grain == "week":
            return self.word("week_of", day=day_label(day, self.lang))
        if grain == "month":
            return month_label(day.month, day.year, self.lang)
        if grain == "quarter":
            return quarter_label((day.month - 1) // 3 + 1, day.year, self.lang)
        if grain == "year":
            return year_label(day.year, self.lang)
        return day_label(day, self.lang)

    # -- names --------------------------------------------------------------------------------
    def metric(self, name: str) -> str:
        return self.labels.metric(name, self.lang)

    def dimension(self, name: str) -> str:
        return self.labels.dimension(name, self.lang)

    def touchpoint(self, touchpoint_id: Any) -> str:
        """A touchpoint's label; "(exit)" / "(start)" as words."""
        text = str(touchpoint_id)
        if text in PSEUDO:
            return self.word(PSEUDO[text])
        return self.labels.touchpoint(text, self.lang)

    def value(self, dimension: str, value: Any) -> str:
        """A dimension value's label: typed or as text (drivers cast segments to text)."""
        if value is None or value == NONE_SEGMENT:
            return self.t("no_value_of", dim=self.dimension(dimension))
        if isinstance(value, datetime | date):
            return self.period(value, "day")
        spec = self.model.dimensions.get(dimension)
        if spec is not None and spec.column == "touchpoint" and not spec.values:
            return self.touchpoint(value)
        for known in spec.values if spec is not None else ():
            if str(known.value).lower() == str(value).lower():
                return self.labels.value(dimension, known.value, self.lang)
        return self.labels.value(dimension, value, self.lang)

    def journey(self, plan: JourneyPlan) -> str:
        """ "the purchase journey" / "购买旅程", or the plan's explicit steps."""
        if plan.steps:
            shown = " → ".join(self.touchpoint(s) for s in plan.steps)
            return self.t("journey_steps", steps=shown)
        name = self.model.journey(plan.journey).name
        return self.t("journey_named", label=self.labels.journey(name, self.lang))

    def journey_steps(self, plan: JourneyPlan) -> tuple[str, ...]:
        """The touchpoint ids of the plan's funnel."""
        return tuple(plan.steps) if plan.steps else self.model.journey(plan.journey).steps

    def window_days(self, plan: JourneyPlan) -> int:
        """The funnel's conversion window, chosen as the compiler chooses it."""
        journey = self.model.journey(plan.journey)
        return plan.window_days or journey.window_days or self.model.settings.funnel_window_days

    # -- values -------------------------------------------------------------------------------
    def fmt(self, metric: str) -> Format:
        spec = self.model.metrics.get(metric)
        return spec.format if spec is not None else "number"

    def metric_value(self, metric: str, value: Any) -> str:
        return self.num.value(self.fmt(metric), value)

    def metric_change(self, metric: str, delta: Any) -> str:
        return self.num.change(self.fmt(metric), delta)

    def move(self, metric: str, delta: Any, pct: Any = None) -> str:
        """ "up 4.4%" / "下降 4.4%"; points for percentages; "unchanged" / "持平"."""
        x = as_float(delta)
        fmt = self.fmt(metric)
        if x is None or not self.num.change(fmt, x).startswith(("+", "-")):
            return self.t("flat")
        has_pct = fmt != "percent" and as_float(pct) is not None
        amount = self.num.signed_percent(pct) if has_pct else self.num.change(fmt, x)
        return self.t("up" if x > 0 else "down", amount=amount.lstrip("+-"))

    def verdict(self, metric: str, delta: Any) -> str:
        """ ", an improvement" for a metric where lower is better; "" where higher is (the
        direction already says it)."""
        spec = self.model.metrics.get(metric)
        x = as_float(delta)
        if spec is None or spec.higher_is_better or not x:
            return ""
        return self.t("better" if x < 0 else "worse")

    def filters(self) -> str:
        """ "Filter: channel is mobile app." when the plan has filters, else ""."""
        plan = self.plan
        if not isinstance(plan, AnalysisPlan) or not plan.filters:
            return ""
        clause = Speaker(self.labels, self.lang).filters(plan)
        return self.t("filters", filters=clause[0].removeprefix("where "))


def capitalise(text: str) -> str:
    """The first letter upper-cased when the first word is all lower case ("iOS" stays)."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first == first.lower() else text


def _before_key(rng: DateRange) -> str:
    if rng.days == 1:
        return "before_day"
    if rng.days == 7:
        return "before_week"
    grains: tuple[CalendarGrain, ...] = ("year", "quarter", "month")
    for grain in grains:
        if whole_periods(rng.start, rng.end, grain) == 1:
            return f"before_{grain}"
    return "before_period"


__all__ = ["NONE_SEGMENT", "Say", "capitalise"]
