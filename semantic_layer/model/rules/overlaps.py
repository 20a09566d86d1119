"""Warnings about things a question cannot tell apart: one word naming objects of two kinds, one
column reachable as two dimensions, dimension values only another table has, and a journey
window shorter than people usually take."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from semantic_layer.errors import normalise
from semantic_layer.phrasebook import grammar

from ..problems import Problem
from .base import RuleContext
from .names import terms_of
from .samples import as_text


@dataclass(frozen=True)
class TermsAcrossKinds:
    """A label or synonym naming a metric and a touchpoint (or a dimension and a value of
    another dimension…): the planner cannot tell which one a question means. Values of two
    dimensions may share words (a channel and an acquisition channel)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        owners: dict[str, tuple[str, str, str]] = {}  # term → (kind, what, its dimension)
        counts_of = _counting(ctx)
        for kind, what, dim, item, terms in _named(ctx):
            for term in sorted(terms):
                other_kind, other, other_dim = owners.setdefault(term, (kind, what, dim))
                if other_kind == kind:
                    continue  # same kind: DistinctTerms; values of two dimensions may share
                if dim and dim == other_dim:
                    continue  # a value named like its own dimension ("sla breached")
                if {other, what} & counts_of:
                    continue  # a metric counting exactly the rows of that value
                yield ctx.problem(
                    item,
                    (),
                    message=ctx.t("overlaps_names_both_and", term=term, other=other, what=what),
                    suggestion=ctx.t("overlaps_keep_the_word_on"),
                    severity="warning",
                )


Named = tuple[str, str, str, BaseModel, set[str]]


def _counting(ctx: RuleContext) -> set[str]:
    """The values (as named in messages) that a simple metric counts exactly: its measure's only
    filter is that value of the dimension's column (`complaint_tickets`: is_complaint = true)."""
    measures = {m.name: m for m in ctx.spec.measures}
    found: set[str] = set()
    for metric in ctx.spec.metrics:
        measure = measures.get(getattr(metric, "measure", "") or "")
        if measure is None or len(measure.filters) != 1:
            continue
        f = measure.filters[0]
        for d in ctx.spec.dimensions:
            same = d.table == measure.table and d.column == getattr(f, "column", None)
            if (
                same
                and f.op == "="
                and f.value is not None
                and any(v.value == f.value for v in d.values)
            ):
                text = as_text(f.value)
                found.add(ctx.t("overlaps_value_of_dimension", d_name=d.name, text=text))
    return found


def _named(ctx: RuleContext) -> Iterator[Named]:
    """(kind, what it is called in messages, its dimension, item, terms) of every object."""
    spec = ctx.spec
    for m in spec.metrics:
        yield "metric", ctx.t("overlaps_metric", m_name=m.name), "", m, terms_of(m)
    for t in spec.touchpoints:
        yield "touchpoint", ctx.t("overlaps_touchpoint", t_id=t.id), "", t, terms_of(t)
    for j in spec.journeys:
        yield "journey", ctx.t("overlaps_journey", j_name=j.name), "", j, terms_of(j)
    for d in spec.dimensions:
        yield (
            "dimension",
            ctx.t("overlaps_dimension", d_name=d.name),
            d.name,
            d,
            terms_of(d),
        )
    for d in spec.dimensions:
        for v in d.values:
            text = as_text(v.value)
            what = ctx.t("overlaps_value_of_dimension", d_name=d.name, text=text)
            yield "value", what, d.name, d, _value_terms(v)


def _value_terms(value: object) -> set[str]:
    labels = getattr(value, "labels", None)
    words = [*(getattr(value, "synonyms", ()) or ())]
    if labels is not None:
        words += labels.given()
    return {normalise(w) for w in words if w}


@dataclass(frozen=True)
class ColumnOnce:
    """A column named like a dimension is not both in that dimension's `also_in` and its own
    dimension (`tickets.channel` in `channel` and in `ticket_channel`): "by channel" would reach
    it two ways. (A column of another name in `also_in`, such as a user's acquisition channel
    standing for `channel` on the users table, is a deliberate choice.)"""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        own = {(d.table, d.column): d.name for d in ctx.spec.dimensions if d.column}
        for d in ctx.spec.dimensions:
            if d.type == "time":
                continue  # the date of each table's rows is meant to be one dimension
            for table, column in d.also_in.items():
                other = own.get((table, column))
                if other is not None and other != d.name and column == (d.column or d.name):
                    yield ctx.problem(
                        d,
                        ("also_in", table),
                        message=ctx.t(
                            "overlaps_is_both_dimension_and",
                            table=table,
                            column=column,
                            other=other,
                            d_name=d.name,
                        ),
                        suggestion=ctx.t("overlaps_remove_it_from_s", d_name=d.name, other=other),
                        severity="warning",
                    )


@dataclass(frozen=True)
class ValuesInMainTable:
    """A dimension's listed values occur in its own table, not only in an `also_in` one (a cost
    table's campaign that no event has), unless the value has a description saying what it is."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        if ctx.samples is None:
            return
        for d in ctx.spec.dimensions:
            seen = ctx.samples.get(d.table, {}).get(d.column or "")
            if seen is None or not d.also_in:
                continue
            for i, value in enumerate(d.values):
                text = as_text(value.value)
                if value.description:
                    continue  # described: someone has said what it is
                elsewhere = [
                    f"{t}.{c}"
                    for t, c in d.also_in.items()
                    if text in ctx.samples.get(t, {}).get(c, frozenset())
                ]
                if text not in seen and elsewhere:
                    yield ctx.problem(
                        d,
                        ("values", i),
                        message=ctx.t(
                            "overlaps_value_of_dimension_occurs",
                            text=text,
                            d_name=d.name,
                            tables=grammar(ctx.lang).alt_sep.join(elsewhere),
                            d_table=d.table,
                            d_column=d.column,
                        ),
                        suggestion=ctx.t(
                            "overlaps_questions_about_by_will", d_table=d.table, d_name=d.name
                        ),
                        severity="warning",
                    )


@dataclass(frozen=True)
class JourneyWindows:
    """A journey's window is not shorter than the median time people take from its first step
    to its last, through its other steps in order (with the gaps observed in the database)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        if ctx.gaps is None:
            return
        default = ctx.spec.settings.funnel_window_days
        for j in ctx.spec.journeys:
            gap = ctx.gaps.get(tuple(j.steps)) or ctx.gaps.get((j.steps[0], j.steps[-1]))
            window = j.window_days or default
            if gap is not None and gap.people and window < gap.median_days:
                yield ctx.problem(
                    j,
                    ("window_days",) if j.window_days else ("steps",),
                    message=ctx.t(
                        "overlaps_journey_has_a_day",
                        j_name=j.name,
                        window=window,
                        j_steps_0=j.steps[0],
                        j_steps_1=j.steps[-1],
                        gap_median_days=gap.median_days,
                    ),
                    suggestion=ctx.t("overlaps_set_window_days_to", gap_p90_days=gap.p90_days),
                    severity="warning",
                )


__all__ = ["ColumnOnce", "JourneyWindows", "TermsAcrossKinds", "ValuesInMainTable"]
