"""Names must denote one thing: no duplicates, no metric that is also a dimension, and no label
or synonym shared by two metrics (or two dimensions) that a question could not tell apart."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from semantic_layer.errors import normalise

from ..base import Named
from ..problems import Problem
from .base import RuleContext


@dataclass(frozen=True)
class UniqueNames:
    """Each section's names are unique; metrics, dimensions and journeys do not share names."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        spec = ctx.spec
        sections: dict[str, Sequence[Named]] = {
            "metric": spec.metrics,
            "dimension": spec.dimensions,
            "touchpoint": spec.touchpoints,
            "journey": spec.journeys,
        }
        for kind, items in sections.items():
            yield from _duplicates(ctx, kind, items)
        seen: dict[str, int | None] = {}
        for measure in spec.measures:
            if measure.name in seen:
                yield ctx.problem(
                    measure,
                    ("name",),
                    message=f"duplicate measure '{measure.name}'",
                    suggestion=(
                        f"it is already defined at line {seen[measure.name]}; rename or remove one"
                    ),
                )
            seen.setdefault(measure.name, ctx.line(measure))
        yield from _across_kinds(ctx, sections)


def _duplicates(ctx: RuleContext, kind: str, items: Sequence[Named]) -> Iterator[Problem]:
    seen: dict[str, int | None] = {}
    for item in items:
        if item.key in seen:
            key = "id" if kind == "touchpoint" else "name"
            yield ctx.problem(
                item,
                (key,),
                message=f"duplicate {kind} '{item.key}'",
                suggestion=f"it is already defined at line {seen[item.key]}; rename or remove one",
            )
        seen.setdefault(item.key, ctx.line(item))


def _across_kinds(ctx: RuleContext, sections: dict[str, Sequence[Named]]) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for kind in ("metric", "dimension", "journey"):
        for item in sections[kind]:
            other = owner.setdefault(item.key, kind)
            if other != kind:
                yield ctx.problem(
                    item,
                    ("name",),
                    message=f"'{item.key}' is both a {other} and a {kind}",
                    suggestion="give one of them another name, so questions can tell them apart",
                )


@dataclass(frozen=True)
class DistinctTerms:
    """A label or synonym that names two metrics (or two dimensions) is ambiguous (warning)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        yield from _shared_terms(ctx, "metric", ctx.spec.metrics)
        yield from _shared_terms(ctx, "dimension", ctx.spec.dimensions)
        yield from _shared_terms(ctx, "touchpoint", ctx.spec.touchpoints)


def terms_of(item: Named) -> set[str]:
    """Its name, labels and synonyms, normalised."""
    words = {item.key, item.label("en"), item.label("zh"), *item.synonyms.all()}
    return {normalise(w) for w in words if w}


def _shared_terms(ctx: RuleContext, kind: str, items: Sequence[Named]) -> Iterator[Problem]:
    first: dict[str, Named] = {}
    for item in items:
        for term in sorted(terms_of(item)):
            other = first.setdefault(term, item)
            if other.key != item.key:
                yield ctx.problem(
                    item,
                    ("synonyms",) if item.synonyms.all() else (),
                    message=f"'{term}' names both {kind} '{other.key}' and {kind} '{item.key}'",
                    suggestion="keep the word on one of them so questions are not ambiguous",
                    severity="warning",
                )


__all__ = ["DistinctTerms", "UniqueNames", "terms_of"]
