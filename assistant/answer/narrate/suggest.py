"""`suggestions`: two or three follow-up questions, as a user would type them.

They are whole questions in simple patterns the embedded planner reads ("why did revenue change
last week?", "上周各设备的结账转化率", "what do users do after checkout last week?"), named with the
model's labels and carrying the plan's time, chosen by the plan's kind and, when given, its
result (the touchpoint that lost the most users, the most common next step, the segment that
explains a change). They never repeat a breakdown the plan already has. Deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Final

from assistant.answer.narrate.numbers import as_float
from assistant.answer.table import ResultTable
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import grammar, section, written_in
from semantic_layer.plan import (
    AnalysisPlan,
    AttributionPlan,
    DriversPlan,
    DropoffPlan,
    FunnelPlan,
    JourneyPlan,
    MetricPlan,
    PathsPlan,
    QueryPlan,
    RetentionPlan,
)
from semantic_layer.time import Language, TimeSpec

MOST: Final = 3
PREFERRED: Final = ("channel", "device", "region", "segment", "member_tier", "campaign")
FUNNEL_DIMS: Final = ("device", "channel", "region", "segment", "member_tier")
ACQUISITION: Final = "acquisition_channel"
PSEUDO: Final = ("(exit)", "(start)")

ASK: Final[dict[Language, dict[str, str]]] = section("suggest")


def suggestions(
    plan: QueryPlan, model: SemanticModel, lang: Language, table: ResultTable | None = None
) -> list[str]:
    """Two or three follow-up questions in `lang` for the answer to `plan` (and its `table`)."""
    ask = Asker(plan, model, lang, ModelLabels(model), table)
    from assistant.kinds import kind_of  # the registry imports this module's builders

    build = kind_of(plan.kind).suggest
    picked = list(build(ask)) if build is not None else []
    if len(_unique(picked)) < 2:
        picked += ask.examples()
    return _unique(picked)[:MOST]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def time_words(spec: TimeSpec, lang: Language) -> str:
    """The time as the planner reads it back: "last week" / "上周", ISO dates for ranges."""
    root = spec.root
    words = ASK[lang]
    if root.kind == "day" and root.year is not None:
        return words["on"].format(time=f"{root.year:04d}-{root.month:02d}-{root.day:02d}")
    if root.kind == "between":
        return words["between"].format(first=root.first.isoformat(), last=root.last.isoformat())
    if root.kind == "range":
        last = root.end - timedelta(days=1)
        return words["between"].format(first=root.start.isoformat(), last=last.isoformat())
    if root.kind == "since":
        return words["since"].format(first=root.start.isoformat())
    if root.kind in ("day", "month", "quarter", "year"):  # "on 16 Nov", "in October 2026"
        return words["on" if root.kind == "day" else "in"].format(time=spec.phrase(lang))
    return spec.phrase(lang)


@dataclass(frozen=True)
class Asker:
    """Questions about one plan: templates filled with the model's labels and the plan's time."""

    plan: QueryPlan
    model: SemanticModel
    lang: Language
    labels: ModelLabels
    table: ResultTable | None

    def q(self, key: str, **values: object) -> str:
        """The question `key`, with the plan's time unless given."""
        plan = self.plan
        time = time_words(plan.time, self.lang) if isinstance(plan, AnalysisPlan) else ""
        values.setdefault("time", time)
        text = ASK[self.lang][key].format(**values)
        return " ".join(text.split()) if grammar(self.lang).gap else text.strip()

    def word(self, key: str) -> str:
        return ASK[self.lang][key]

    def metric(self, name: str) -> str:
        return self.labels.metric(name, self.lang)

    def dimension(self, name: str) -> str:
        return self.labels.dimension(name, self.lang)

    def touchpoint(self, tp: str) -> str:
        return self.labels.touchpoint(tp, self.lang)

    def journey(self, plan: JourneyPlan) -> str:
        return self.labels.journey(self.model.journey(plan.journey).name, self.lang)

    def rows(self) -> list[dict[str, Any]]:
        return self.table.records() if self.table is not None else []

    def used(self) -> set[str]:
        """Dimensions the plan breaks down or filters by: never suggested again."""
        plan = self.plan
        own: set[str] = set()
        if isinstance(plan, MetricPlan | DriversPlan):
            own |= set(plan.dimensions)
        if isinstance(plan, JourneyPlan) and plan.breakdown:
            own.add(plan.breakdown)
        if isinstance(plan, AnalysisPlan):
            own |= set(plan.filter_dimensions())
        return own

    def dims(self, tables: set[str], preferred: tuple[str, ...] = PREFERRED) -> list[str]:
        """Categorical dimensions reaching every table, preferred ones first, unused ones only."""
        names = [*preferred, *sorted(self.model.dimensions)]
        fit = [
            n
            for n in dict.fromkeys(names)
            if n in self.model.dimensions and self._reaches(n, tables)
        ]
        return [n for n in fit if n not in self.used()]

    def _reaches(self, name: str, tables: set[str]) -> bool:
        dim = self.model.dimensions[name]
        if dim.type != "categorical":
            return False
        for t in tables:
            joined = (
                {j.table for j in self.model.tables[t].joins} if t in self.model.tables else set()
            )
            if dim.table != t and t not in dim.also_in and dim.table not in joined:
                return False
        return True

    def metric_tables(self, metrics: Iterable[str]) -> set[str]:
        tables: set[str] = set()
        for m in metrics:
            tables |= {s.table for s in self.model.measures_of(m)} or {"events"}
        return tables

    def examples(self) -> list[str]:
        """The model's verified questions in this language."""
        found = []
        for vq in self.model.spec.verified_queries:
            for question in vq.questions:
                if written_in(question) == self.lang:
                    found.append(question)
                    break
        return found[:MOST]


# -- per kind ----------------------------------------------------------------------------------
def metric_questions(ask: Asker) -> list[str]:
    plan = ask.plan
    assert isinstance(plan, MetricPlan)
    m = plan.order.by if plan.order and plan.order.by in plan.metrics else plan.metrics[0]
    label = ask.metric(m)
    others = ask.dims(ask.metric_tables(plan.metrics))
    why = "" if plan.time.root.kind == "all" else ask.q("why", metric=label)
    by_other = ask.q("by", metric=label, dim=ask.dimension(others[0])) if others else ""
    if plan.grain is not None:
        return [why, by_other]
    if plan.dimensions:
        grain = ask.word(f"by_{_series_grain(ask)}")
        trend = ask.q("by_grain", metric=label, dim=ask.dimension(plan.dimensions[0]), grain=grain)
        return [trend, why, by_other]
    return [why, by_other, ask.q("trend_week", metric=label)]


def _series_grain(ask: Asker) -> str:
    """The grain of a trend over the plan's range: days up to two weeks, weeks up to about four
    months, then months (weeks when the range is not known)."""
    rng = ask.table.time_range if ask.table is not None else None
    if rng is None or rng.open_start:
        return "week"
    return "day" if rng.days <= 14 else "week" if rng.days <= 120 else "month"


def funnel_questions(ask: Asker) -> list[str]:
    plan = ask.plan
    assert isinstance(plan, FunnelPlan)
    journey = ask.journey(plan)
    dims = ask.dims({"events"}, FUNNEL_DIMS)
    by = ask.q("funnel_by", journey=journey, dim=ask.dimension(dims[0])) if dims else ""
    dropoff = ask.q("dropoff", journey=journey)
    if plan.measure == "time_to_convert":
        return [ask.q("funnel", journey=journey), dropoff, by]
    return [dropoff, by, ask.q("ttc", journey=journey)]


def dropoff_questions(ask: Asker) -> list[str]:
    plan = ask.plan
    assert isinstance(plan, DropoffPlan)
    steps = plan.steps or ask.model.journey(plan.journey).steps
    losing = [r for r in ask.rows() if (as_float(r.get("lost")) or 0) > 0]
    top = max(losing, key=lambda r: float(r["lost"]))["touchpoint"] if losing else steps[0]
    journey = ask.journey(plan)
    dims = ask.dims({"events"}, FUNNEL_DIMS)
    by = ask.q("funnel_by", journey=journey, dim=ask.dimension(dims[0])) if dims else ""
    return [ask.q("after", tp=ask.touchpoint(str(top))), by, ask.q("ttc", journey=journey)]


def paths_questions(ask: Asker) -> list[str]:
    plan = ask.plan
    assert isinstance(plan, PathsPlan)
    anchor = ask.touchpoint(plan.touchpoint)
    if plan.mode == "top_paths":
        return [ask.q("after", tp=anchor), ask.q("before", tp=anchor)]
    real = [r for r in ask.rows() if r.get("touchpoint") not in PSEUDO and r.get("touchpoint")]
    follow = ""
    if real:
        nxt = max(real, key=lambda r: as_float(r.get("occurrences")) or 0)["touchpoint"]
        follow = ask.q(plan.direction, tp=ask.touchpoint(str(nxt)))
    flip = ask.q("before" if plan.direction == "after" else "after", tp=anchor)
    return [follow, ask.q("top_paths", tp=anchor), flip]


def retention_questions(ask: Asker) -> list[str]:
    plan = ask.plan
    assert isinstance(plan, RetentionPlan)
    other = "month" if plan.cohort_grain != "month" else "week"
    grainly = ask.word(plan.cohort_grain)
    out = [ask.q("retention", grainly=ask.word(other))]
    out += _acquired(ask, grainly, exclude=_filtered_values(plan, ACQUISITION))
    return [*out, ask.q("attr_by", by=ask.word("channel"), value=ask.word("purchases"))]


def _filtered_values(plan: RetentionPlan, dimension: str) -> set[str]:
    return {str(v) for f in plan.filters if f.dimension == dimension for v in f.values}


def _acquired(ask: Asker, grainly: str, exclude: set[str], first: str | None = None) -> list[str]:
    """ "weekly retention of users acquired on the X" for the first acquisition channel value."""
    dim = ask.model.dimensions.get(ACQUISITION)
    if dim is None:
        return []
    values = [str(v.value) for v in dim.values]
    if first is not None and first in values:
        values.insert(0, first)
    value = next((v for v in values if v not in exclude), None)
    if value is None:
        return []
    label = ask.labels.value(ACQUISITION, value, ask.lang)
    return [ask.q("retention_of", grainly=grainly, value=label)]


def attribution_questions(ask: Asker) -> list[str]:
    plan = ask.plan
    assert isinstance(plan, AttributionPlan)
    value = ask.word("revenue" if plan.value == "revenue" else "purchases")
    other = ask.word("touchpoint" if plan.by == "channel" else "channel")
    by = ask.word(plan.by)
    switch = ask.q("attr_by", by=other, value=value)
    models = (
        ask.q("attr_markov", by=by, value=value)
        if plan.model == "all"
        else ask.q("attr_all", by=by, value=value)
    )
    top = _top_key(ask, plan) if plan.by == "channel" else None
    return [models, switch, *_acquired(ask, ask.word("week"), set(), first=top)]


def _top_key(ask: Asker, plan: AttributionPlan) -> str | None:
    column = plan.model if plan.model not in ("all",) else "last_touch"
    rows = [r for r in ask.rows() if as_float(r.get(column)) is not None]
    return str(max(rows, key=lambda r: float(r[column]))["key"]) if rows else None


def drivers_questions(ask: Asker) -> list[str]:
    plan = ask.plan
    assert isinstance(plan, DriversPlan)
    label = ask.metric(plan.metric)
    rows = [r for r in ask.rows() if as_float(r.get("contribution")) is not None]
    ranked = [
        str(r["dimension"]) for r in sorted(rows, key=lambda r: -abs(float(r["contribution"])))
    ]
    tables = ask.metric_tables([plan.metric])
    filtered = {f.dimension for f in plan.filters}
    dims = [
        d
        for d in dict.fromkeys([*ranked, *plan.dimensions])
        if d in ask.model.dimensions and d not in filtered
    ]
    dims += [d for d in ask.dims(tables) if d not in dims]
    by = [ask.q("by", metric=label, dim=ask.dimension(d)) for d in dims[:2]]
    return [*by[:1], ask.q("trend_week", metric=label), *by[1:]]


__all__ = [
    "Asker",
    "attribution_questions",
    "drivers_questions",
    "dropoff_questions",
    "funnel_questions",
    "metric_questions",
    "paths_questions",
    "retention_questions",
    "suggestions",
    "time_words",
]
