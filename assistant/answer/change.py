"""When did a metric change? The change-point drivers look for before they split a change.

The rule (docs/design.md "Drivers"), on the metric's recent series of complete periods: the change
starts at the first period from which *every* later period lies outside the range (min–max) of
all the periods before it, on the same side, with at least `MIN_BEFORE` periods before it. A
metric that only wobbles inside its earlier range has no change point; a lasting shift has one at
the period it began, even when the question asks about a later week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from semantic_layer.time import Grain

MIN_BEFORE: Final = 4  # periods of history a change is measured against


@dataclass(frozen=True)
class ChangePoint:
    """What the series said: the period the change began (None: no lasting change), its
    direction, the earlier range, and the periods compared when the comparison was moved to
    the change ([start, end) each)."""

    grain: Grain
    periods: tuple[tuple[date, float | None], ...]
    start: date | None
    direction: int  # +1 up, -1 down, 0 none
    low: float | None
    high: float | None
    compared: tuple[date, date] | None = None  # the changed periods, when refocused
    baseline: tuple[date, date] | None = None  # the periods before the change, when refocused


def find_change(values: list[float | None], min_before: int = MIN_BEFORE) -> tuple[int, int] | None:
    """(index of the first changed period, direction) or None; missing values are skipped."""
    for k in range(min_before, len(values)):
        earlier = [v for v in values[:k] if v is not None]
        later = [v for v in values[k:] if v is not None]
        if len(earlier) < min_before or not later or values[k] is None:
            continue
        low, high = min(earlier), max(earlier)
        if all(v > high for v in later):
            return k, 1
        if all(v < low for v in later):
            return k, -1
    return None


def change_point(grain: Grain, periods: list[tuple[date, float | None]]) -> ChangePoint:
    """The change point of a series of complete periods, oldest first."""
    values = [v for _, v in periods]
    found = find_change(values)
    if found is None:
        known = [v for v in values[:-1] if v is not None]
        low, high = (min(known), max(known)) if known else (None, None)
        return ChangePoint(grain, tuple(periods), None, 0, low, high)
    k, direction = found
    earlier = [v for v in values[:k] if v is not None]
    return ChangePoint(grain, tuple(periods), periods[k][0], direction, min(earlier), max(earlier))


__all__ = ["MIN_BEFORE", "ChangePoint", "change_point", "find_change"]
