"""Complete and incomplete periods of a time series (docs/design.md "Answers").

A series over a range that does not start or end on a period boundary has a first or last
bucket that covers only part of its period: "weekly revenue for the last 3 months" (1 Aug –
31 Oct) starts with a week holding 2 of its 7 days and ends with one holding 6. Such a bucket is
*incomplete*; the answer marks it (a dashed segment in the chart, a note in the table) and its
sentence compares complete periods only, saying so.

A bucket is complete when the whole period lies inside the answer's range [start, end). Ranges
"to date" already end at today (data ends yesterday), so the current week or month is incomplete
too. An "all time" range has no start, so its first bucket is taken as complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from assistant.answer.table import ResultTable
from semantic_layer.phrasebook import phrase
from semantic_layer.plan import MetricPlan
from semantic_layer.time import Grain, Language
from semantic_layer.timeparts.calendar import shift


@dataclass(frozen=True)
class Partial:
    """An incomplete bucket: the period starting at `start` has `covered` of its `days` days
    inside the range."""

    start: date
    covered: int
    days: int

    def note(self, lang: Language) -> str:
        """The table's note: "incomplete: 2 of 7 days" / "不完整：7天中的2天"."""
        return phrase(lang, "answer", "incomplete", covered=self.covered, days=self.days)


def day_of(value: Any) -> date | None:
    """A period cell as a date (timestamps at midnight become their day)."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def partial_periods(table: ResultTable) -> dict[date, Partial]:
    """The incomplete buckets of a metric series, by their start day (empty when none)."""
    plan, rng = table.plan, table.time_range
    if not isinstance(plan, MetricPlan) or plan.grain is None or rng is None:
        return {}
    if not table.has("period"):
        return {}
    grain: Grain = plan.grain
    out: dict[date, Partial] = {}
    for value in set(table.column("period")):
        start = day_of(value)
        if start is None:
            continue
        end = shift(start, grain)
        first = start if rng.open_start else max(start, rng.start)
        last = min(end, rng.end)
        covered = max((last - first).days, 0)
        days = (end - start).days
        if covered < days:
            out[start] = Partial(start, covered, days)
    return out


def is_complete(value: Any, partial: dict[date, Partial]) -> bool:
    """Whether the row's period is a complete one."""
    day = day_of(value)
    return day is None or day not in partial


def period_notes(table: ResultTable, lang: Language) -> list[str | None] | None:
    """The table's `note` column: each incomplete period's note, None for complete ones; None
    when every period is complete (no column is added)."""
    partial = partial_periods(table)
    if not partial:
        return None
    notes: list[str | None] = []
    for value in table.column("period"):
        day = day_of(value)
        found = partial.get(day) if day is not None else None
        notes.append(None if found is None else found.note(lang))
    return notes


__all__ = ["Partial", "day_of", "is_complete", "partial_periods", "period_notes"]
