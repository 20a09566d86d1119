"""Unusual-change detection: the latest complete period against a seasonality-matched baseline.

Pure functions over numbers, no I/O (the watch runner feeds them the series it queried):

- **Baseline**: for a weekly watch the 12 weeks before the latest one; for a daily watch the same
  weekday in each of the 8 weeks before (a Monday is compared with Mondays), so the weekly rhythm
  never looks unusual.
- **How unusual**: a robust z-score, z = (value − median) / (1.4826 × MAD), where MAD is the
  median absolute deviation of the baseline (Iglewicz & Hoaglin's modified z; 1.4826 makes it a
  standard deviation for normal data). One odd week in the baseline moves neither the median nor
  the MAD much, unlike a mean and a standard deviation.
- **Noise floor**: with few baseline points the MAD can come out small by chance (or zero, for a
  flat series), so the scale is never below the sampling noise of the latest period — for a rate
  √(p(1−p)/n) with n its base, for a count √(median) (Poisson), for a mean or a median of n
  values median/√n and 1.25 × median/√n (a coefficient of variation of one) — nor below 0.5% of
  the median.
- **Minimum base**: a rate or median over fewer than `min_base` people or rows is not judged.
- **Direction**: a change is *worse* when it goes against the metric's `higher_is_better`; by
  default only worse changes alert.
- **Since when**: the earliest of the consecutive periods up to the latest that are beyond the
  same limit in the same direction (a slowdown that has worsened for four weeks says so).

    >>> from datetime import date, timedelta
    >>> weeks = [date(2026, 9, 7) + timedelta(weeks=i) for i in range(9)]
    >>> values = [0.80, 0.81, 0.79, 0.80, 0.82, 0.80, 0.81, 0.80, 0.70]
    >>> f = detect([Point(d, v, 900) for d, v in zip(weeks, values)], Rule(kind="rate"))
    >>> f.status, f.direction, round(f.z, 1)
    ('alert', 'down', -7.5)
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final, Literal

MAD_TO_SD: Final = 1.4826
RELATIVE_FLOOR: Final = 0.005
# Sampling noise of a mean or a median of n values, relative to it, × √n: a coefficient of
# variation of one (order values, minutes to respond), and √(π/2) ≈ 1.25 more for a median.
NOISE: Final = {"mean": 1.0, "median": 1.25}
Grain = Literal["day", "week"]
ValueKind = Literal["rate", "count", "mean", "median", "other"]
Status = Literal["alert", "normal", "skipped"]


@dataclass(frozen=True)
class Point:
    """One period's value and base size (people or rows behind it; None when unknown)."""

    start: date
    value: float | None
    base: float | None = None


@dataclass(frozen=True)
class Rule:
    """How a watch judges its latest period."""

    grain: Grain = "week"
    periods: int | None = None  # baseline periods; None: 12 weeks, or 8 of the same weekday
    min_baseline: int = 5
    threshold: float = 3.5
    min_base: float = 30
    higher_is_better: bool = True
    notify: Literal["worse", "any"] = "worse"
    kind: ValueKind = "other"

    @property
    def baseline_periods(self) -> int:
        return self.periods or (12 if self.grain == "week" else 8)

    def step(self) -> timedelta:
        """The distance between the latest period and each baseline period."""
        return timedelta(weeks=1)  # weeks before, or the same weekday in the weeks before


@dataclass(frozen=True)
class Finding:
    """The verdict on one period: the numbers an alert says, or why it was not judged."""

    status: Status
    start: date
    value: float | None = None
    expected: float | None = None
    low: float | None = None
    high: float | None = None
    z: float = 0.0
    direction: Literal["up", "down", "flat"] = "flat"
    worse: bool = False
    since: date | None = None
    base: float | None = None
    baseline: tuple[Point, ...] = field(default_factory=tuple)
    reason: str | None = None

    @property
    def fired(self) -> bool:
        return self.status == "alert"


def baseline_starts(latest: date, rule: Rule) -> list[date]:
    """The periods the latest one is compared with, oldest first."""
    return [latest - rule.step() * k for k in range(rule.baseline_periods, 0, -1)]


def scale_of(values: Sequence[float], latest: Point, rule: Rule) -> float:
    """1.4826 × MAD of the baseline, never below the latest period's sampling noise."""
    center = statistics.median(values)
    mad = statistics.median([abs(v - center) for v in values])
    floor = abs(center) * RELATIVE_FLOOR
    if rule.kind == "rate" and latest.base and 0.0 <= center <= 1.0:
        floor = max(floor, math.sqrt(center * (1.0 - center) / latest.base))
    elif rule.kind == "count":
        floor = max(floor, math.sqrt(max(center, 1.0)))
    elif rule.kind in NOISE and latest.base:
        floor = max(floor, NOISE[rule.kind] * abs(center) / math.sqrt(latest.base))
    return max(MAD_TO_SD * mad, floor, 1e-12)


def detect(series: Sequence[Point], rule: Rule, latest: date | None = None) -> Finding:
    """Judge the period starting `latest` (default: the last point) against its baseline."""
    by_start = {p.start: p for p in series}
    when = latest if latest is not None else max(by_start)
    point = by_start.get(when)
    if point is None or point.value is None:
        return Finding("skipped", when, reason="no_value")
    if rule.kind != "count" and point.base is not None and point.base < rule.min_base:
        return Finding("skipped", when, point.value, base=point.base, reason="base_too_small")
    baseline = tuple(
        p for s in baseline_starts(when, rule) if (p := by_start.get(s)) and p.value is not None
    )
    if len(baseline) < rule.min_baseline:
        return Finding("skipped", when, point.value, base=point.base, reason="short_baseline")
    values = [float(p.value) for p in baseline if p.value is not None]
    center, scale = statistics.median(values), scale_of(values, point, rule)
    z = (point.value - center) / scale
    low, high = center - rule.threshold * scale, center + rule.threshold * scale
    direction: Literal["up", "down", "flat"] = "flat" if z == 0 else ("up" if z > 0 else "down")
    worse = (direction == "down") == rule.higher_is_better and direction != "flat"
    unusual = abs(z) >= rule.threshold and (worse or rule.notify == "any")
    since = (
        _since(by_start, when, rule=rule, low=low, high=high, direction=direction)
        if unusual
        else None
    )
    return Finding(
        "alert" if unusual else "normal", when, point.value, center, _bounded(low, rule),
        high, z, direction, worse, since, point.base, baseline,
    )  # fmt: skip


def _bounded(low: float, rule: Rule) -> float:
    """Counts, rates and durations are never negative: the range starts at 0 at the lowest."""
    return max(low, 0.0)


def _since(by_start: dict[date, Point], when: date, *, rule: Rule, low: float, high: float,
           direction: str) -> date:  # fmt: skip
    """The first of the consecutive periods up to `when` beyond the same limit."""
    step = timedelta(days=1) if rule.grain == "day" else timedelta(weeks=1)
    first, cursor = when, when - step
    for _ in range(rule.baseline_periods * 7):
        p = by_start.get(cursor)
        if p is None or p.value is None:
            break
        beyond = p.value < low if direction == "down" else p.value > high
        if not beyond:
            break
        first, cursor = cursor, cursor - step
    return first


def scan(series: Sequence[Point], rule: Rule) -> list[Finding]:
    """`detect` at every period of `series` (the false-alarm check over a whole history)."""
    return [detect(series, rule, p.start) for p in sorted(series, key=lambda p: p.start)]


__all__ = ["Finding", "Point", "Rule", "baseline_starts", "detect", "scale_of", "scan"]
