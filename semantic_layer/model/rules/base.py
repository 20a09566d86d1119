"""What every validation rule gets (the parsed model, where each item is, the database's shape)
and the one method it implements (metricflow `validations/`: a list of small rule classes)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel

from semantic_layer.errors import close_matches, did_you_mean, one_of
from semantic_layer.phrasebook import language, section

from ..problems import Problem, Severity
from ..profile import Gap
from ..spec import ModelSpec
from ..spec_metrics import MetricSpec
from ..yaml_lines import Loc, nearest_line

Schema = Mapping[str, Mapping[str, str]]
"""table → {column: DuckDB type}, as read from the database."""
Samples = Mapping[str, Mapping[str, frozenset[str]]]
"""table → {column: the distinct values seen (as text)}, for low-cardinality columns."""
Gaps = Mapping[tuple[str, ...], Gap]  # by the steps measured along (or first and last)
"""(first touchpoint, later touchpoint) → the time people took between them, in the data."""


@dataclass(frozen=True)
class RuleContext:
    """The model under validation and what is known around it."""

    spec: ModelSpec
    file: str | None = None
    lines: Mapping[Loc, int] = field(default_factory=dict)
    where: Mapping[int, Loc] = field(default_factory=dict)
    broken: frozenset[tuple[str, str]] = frozenset()
    schema: Schema | None = None
    samples: Samples | None = None
    gaps: Gaps | None = None
    lang: str = "en"  # the language of the messages of rules that speak both ("en" or "zh")

    def t(self, key: str, **values: object) -> str:
        """The message `key` of the phrasebook's `rules` section in the context's language."""
        return section("rules")[language(self.lang)][key].format(**values)

    def loc(self, item: BaseModel, *path: str | int) -> Loc:
        return (*self.where.get(id(item), ()), *path)

    def line(self, item: BaseModel, *path: str | int) -> int | None:
        return nearest_line(self.lines, self.loc(item, *path))

    def problem(
        self,
        item: BaseModel,
        path: tuple[str | int, ...],
        *,
        message: str,
        suggestion: str = "",
        severity: Severity = "error",
    ) -> Problem:
        """A problem at `item`'s `path` (e.g. `("filters", 0, "column")`)."""
        return Problem(message, suggestion, self.file, self.line(item, *path), severity)

    def is_broken(self, section: str, name: str) -> bool:
        """Whether `name` was left out of `section` because of a format problem already reported."""
        return (section, name) in self.broken

    def metric_named(self, name: str) -> MetricSpec | None:
        return next((m for m in self.spec.metrics if m.name == name), None)

    def columns_of(self, table: str) -> Mapping[str, str] | None:
        """The table's columns in the database (None when there is no schema or no such table)."""
        return None if self.schema is None else self.schema.get(table)


def suggest(name: str, choices: Iterable[str]) -> str:
    """`did you mean 'x'?`, else the list of choices."""
    options = list(choices)
    return did_you_mean(close_matches(name, options, n=1)) or one_of(options)


class Rule(Protocol):
    """One check over the whole model; yields every problem it finds."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]: ...


__all__ = ["Gaps", "Rule", "RuleContext", "Samples", "Schema", "suggest"]
