"""The parts every plan shares: the base models, filters, ordering, limits and `References`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from semantic_layer.time import Language, Last, TimeSpec

MAX_LIMIT: Final = 1000
MAX_SQL_CHARS: Final = 20_000
DEFAULT_TIME: Final = TimeSpec(Last(n=7, unit="day"))  # "last 7 days": the 7 full days before today

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]
WindowDays = Annotated[int, Field(ge=1, le=365, description="conversion window in days, 1–365")]
FilterOp = Literal["=", "!=", "in", "not_in", ">", ">=", "<", "<="]
Scalar = str | int | float | bool
Direction = Literal["desc", "asc"]
SINGLE_VALUE_OPS: Final = frozenset({"=", "!=", ">", ">=", "<", "<="})


class PlanModel(BaseModel):
    """Base of every plan part: immutable, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Filter(PlanModel):
    """A condition on a dimension, by name (never SQL): {"dimension": "channel", "op": "=", …}."""

    dimension: Name
    op: FilterOp = "="
    values: list[Scalar] = Field(min_length=1, max_length=MAX_LIMIT)

    @model_validator(mode="after")
    def _arity(self) -> Filter:
        if self.op in SINGLE_VALUE_OPS and len(self.values) != 1:
            raise ValueError(
                f"'{self.op}' takes exactly one value, got {len(self.values)}: "
                "use 'in' or 'not_in' for several"
            )
        return self


class Order(PlanModel):
    """Sort the result by a metric or dimension of the plan."""

    by: Name
    direction: Direction = "desc"


class Choice(PlanModel):
    """One way to read an ambiguous question: a short label and the question it stands for."""

    label: Text
    question: Text


@dataclass(frozen=True)
class References:
    """Every semantic-model name a plan uses, so one validator can check them all in one place."""

    metrics: tuple[str, ...] = ()
    dimensions: tuple[str, ...] = ()
    touchpoints: tuple[str, ...] = ()
    journeys: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        *,
        metrics: Iterable[str | None] = (),
        dimensions: Iterable[str | None] = (),
        touchpoints: Iterable[str | None] = (),
        journeys: Iterable[str | None] = (),
    ) -> References:
        """References in first-use order, without duplicates or Nones."""
        return cls(_unique(metrics), _unique(dimensions), _unique(touchpoints), _unique(journeys))

    def is_empty(self) -> bool:
        """Whether the plan names nothing from the model."""
        return not (self.metrics or self.dimensions or self.touchpoints or self.journeys)


def _unique(names: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n is not None))


def no_duplicates(names: Iterable[str], what: str) -> None:
    """Raise a readable error when a list names the same thing twice."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ValueError(f"{what} '{name}' is listed twice")
        seen.add(name)


class BasePlan(PlanModel):
    """What every plan has: the language of the question (and of the answer)."""

    language: Language = "en"

    def references(self) -> References:
        """The semantic-model names this plan uses (none by default)."""
        return References()


class AnalysisPlan(BasePlan):
    """A plan the semantic layer compiles: a time and filters on dimensions.

    The default time is the last 7 days (the 7 full days before today): the most recent complete
    week of data, one of each weekday, when a question names no time.
    """

    time: TimeSpec = DEFAULT_TIME
    filters: list[Filter] = Field(default_factory=list, max_length=50)

    def filter_dimensions(self) -> list[str]:
        """The dimensions the filters use."""
        return [f.dimension for f in self.filters]


__all__ = [
    "DEFAULT_TIME",
    "MAX_LIMIT",
    "MAX_SQL_CHARS",
    "AnalysisPlan",
    "BasePlan",
    "Choice",
    "Direction",
    "Filter",
    "FilterOp",
    "Limit",
    "Name",
    "Order",
    "PlanModel",
    "References",
    "Scalar",
    "Text",
    "WindowDays",
    "no_duplicates",
]
