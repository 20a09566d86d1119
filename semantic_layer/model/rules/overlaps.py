"""Warnings about things a question cannot tell apart: one word naming objects of two kinds, one
column reachable as two dimensions, dimension values only another table has, and a journey
window shorter than people usually take."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from semantic_layer.errors import normalise

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
        spec = ctx.spec
        owners: dict[str, tuple[str, str]] = {}  # term → (what, the dimension it belongs to)
        named: list[tuple[str, str, str, BaseModel, set[str]]] = [
            *(("metric", m.name, "", m, terms_of(m)) for m in spec.metrics),
            *(("touchpoint", t.id, "", t, terms_of(t)) for t in spec.touchpoints),
            *(("journey", j.name, "", j, terms_of(j)) for j in spec.journeys),
            *(("dimension", d.name, d.name, d, terms_of(d)) for d in spec.dimensions),
            *(
                (f"value of dimension '{d.name}'", as_text(v.value), d.name, d, _value_terms(v))
                for d in spec.dimensions
                for v in d.values
            ),
        ]
        for kind, key, dim, item, terms in named:
            what = f"{kind} '{key}'"
            for term in sorted(terms):
                other, other_dim = owners.setdefault(term, (what, dim))
                kinds = {other.split(" '")[0], kind}
                if other == what or len(kinds) < 2 or all("value" in k for k in kinds):
                    continue  # values of two dimensions may share words
                if dim and dim == other_dim:
                    continue  # a value named like its own dimension ("sla breached")
                yield ctx.problem(
                    item,
                    (),
                    f"'{term}' names both {other} and {what}",
                    "keep the word on one of them, so questions can tell them apart",
                    "warning",
                )


def _value_terms(value: object) -> set[str]:
    labels = getattr(value, "labels", None)
    words = [*(getattr(value, "synonyms", ()) or ())]
    if labels is not None:
        words += [labels.en, labels.zh or ""]
    return {normalise(w) for w in words if w}


@dataclass(frozen=True)
class ColumnOnce:
    """A column is one dimension: not another dimension's `also_in` as well as its own."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        own = {(d.table, d.column): d.name for d in ctx.spec.dimensions if d.column}
        for d in ctx.spec.dimensions:
            if d.type == "time":
                continue  # the date of each table's rows is meant to be one dimension
            for table, column in d.also_in.items():
                other = own.get((table, column))
                if other is not None and other != d.name:
                    yield ctx.problem(
                        d,
                        ("also_in", table),
                        f"{table}.{column} is both dimension '{other}' and part of dimension "
                        f"'{d.name}' (also_in)",
                        f"remove it from '{d.name}'s also_in, or remove dimension '{other}'",
                        "warning",
                    )


@dataclass(frozen=True)
class ValuesInMainTable:
    """A dimension's listed values occur in its own table, not only in an `also_in` one (a cost
    table's campaign that no event has)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        if ctx.samples is None:
            return
        for d in ctx.spec.dimensions:
            seen = ctx.samples.get(d.table, {}).get(d.column or "")
            if seen is None or not d.also_in:
                continue
            for i, value in enumerate(d.values):
                text = as_text(value.value)
                elsewhere = [
                    f"{t}.{c}"
                    for t, c in d.also_in.items()
                    if text in ctx.samples.get(t, {}).get(c, frozenset())
                ]
                if text not in seen and elsewhere:
                    yield ctx.problem(
                        d,
                        ("values", i),
                        f"value '{text}' of dimension '{d.name}' occurs in "
                        f"{', '.join(elsewhere)} but never in {d.table}.{d.column}",
                        f"questions about {d.table} by '{d.name}' will not find it; check it "
                        "belongs to this dimension",
                        "warning",
                    )


@dataclass(frozen=True)
class JourneyWindows:
    """A journey's window is not shorter than the median time people take from its first step
    to its last (with the gaps observed in the database)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        if ctx.gaps is None:
            return
        default = ctx.spec.settings.funnel_window_days
        for j in ctx.spec.journeys:
            gap = ctx.gaps.get((j.steps[0], j.steps[-1]))
            window = j.window_days or default
            if gap is not None and gap.people and window < gap.median_days:
                yield ctx.problem(
                    j,
                    ("window_days",) if j.window_days else ("steps",),
                    f"journey '{j.name}' has a {window}-day window, but half the people who go "
                    f"from {j.steps[0]} to {j.steps[-1]} take longer than "
                    f"{gap.median_days:.1f} days",
                    f"set window_days to at least {gap.p90_days:.0f} (90% of them arrive "
                    "within that)",
                    "warning",
                )


__all__ = ["ColumnOnce", "JourneyWindows", "TermsAcrossKinds", "ValuesInMainTable"]
