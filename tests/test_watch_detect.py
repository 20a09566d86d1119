"""Unusual-change detection as pure arithmetic: baselines, the robust z-score, floors, direction,
minimum base, "since when" (numbers worked out by hand)."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest

from assistant.watches.detect import MAD_TO_SD, Point, Rule, baseline_starts, detect, scan

MONDAY = date(2026, 6, 1)


def weekly(values: list[float | None], base: float | None = 1000.0) -> list[Point]:
    return [Point(MONDAY + timedelta(weeks=i), v, base) for i, v in enumerate(values)]


def test_robust_z_is_median_and_mad_worked_by_hand() -> None:
    # baseline 10, 12, 11, 13, 9, 12, 11, 10, 12, 11, 13, 10: median 11, |dev| median 1
    base = [10, 12, 11, 13, 9, 12, 11, 10, 12, 11, 13, 10]
    found = detect(weekly([*base, 20.0]), Rule(kind="other", higher_is_better=False))
    assert found.expected == 11
    assert found.z == pytest.approx((20 - 11) / (MAD_TO_SD * 1))
    assert found.low == pytest.approx(11 - 3.5 * MAD_TO_SD)
    assert found.high == pytest.approx(11 + 3.5 * MAD_TO_SD)
    assert found.fired and found.direction == "up" and found.worse


def test_one_wild_week_in_the_baseline_does_not_hide_a_real_change() -> None:
    base = [100.0, 101, 99, 100, 1000, 100, 98, 102, 100, 101, 99, 100]  # one wild week
    assert detect(weekly([*base, 80.0]), Rule(kind="other")).fired
    assert not detect(weekly([*base, 100.5]), Rule(kind="other")).fired


def test_direction_follows_higher_is_better_and_notify() -> None:
    series = weekly([0.5] * 6 + [0.52, 0.48] * 3 + [0.9])
    up_good = Rule(kind="other", higher_is_better=True)
    assert detect(series, up_good).status == "normal"  # better, not worse: quiet by default
    assert detect(series, Rule(kind="other", higher_is_better=True, notify="any")).fired
    finding = detect(series, Rule(kind="other", higher_is_better=False))
    assert finding.fired and finding.worse


def test_a_flat_series_never_fires_even_with_zero_mad() -> None:
    series = weekly([42.0] * 40)
    assert all(f.status != "alert" for f in scan(series, Rule(kind="count")))
    assert scan(series, Rule(kind="count"))[-1].z == 0


def test_noise_floors_of_rates_and_counts() -> None:
    # a rate with an identical baseline: the scale is the binomial noise √(p(1−p)/n)
    series = weekly([0.8] * 12 + [0.78], base=400)
    found = detect(series, Rule(kind="rate"))
    assert found.z == pytest.approx(-0.02 / math.sqrt(0.8 * 0.2 / 400))
    assert not found.fired
    # a count: Poisson, √median
    counts = weekly([100.0] * 12 + [60.0], base=None)
    assert detect(counts, Rule(kind="count")).z == pytest.approx(-40 / 10)


def test_small_base_and_short_history_are_not_judged() -> None:
    assert detect(weekly([0.8] * 12 + [0.2], base=10), Rule(kind="rate")).reason == (
        "base_too_small"
    )
    assert detect(weekly([0.8] * 3 + [0.2]), Rule(kind="rate")).reason == "short_baseline"
    assert detect(weekly([0.8] * 12 + [None]), Rule(kind="rate")).reason == "no_value"


def test_daily_watches_compare_the_same_weekday() -> None:
    starts = baseline_starts(date(2026, 11, 22), Rule(grain="day"))
    assert len(starts) == 8 and {d.weekday() for d in starts} == {6}
    assert starts[-1] == date(2026, 11, 15)
    # a strong weekly rhythm (weekends 2× weekdays) never looks unusual
    days = [date(2026, 1, 5) + timedelta(days=i) for i in range(200)]
    rng = random.Random(3)
    points = [
        Point(d, (2000 if d.weekday() >= 5 else 1000) * rng.uniform(0.97, 1.03), None) for d in days
    ]
    assert not any(f.fired for f in scan(points, Rule(grain="day", kind="count")))


def test_since_is_the_first_of_the_consecutive_unusual_periods() -> None:
    series = weekly([5.0, 5.2, 4.8, 5.1, 4.9, 5.0, 5.3, 4.7, 5.0, 5.1, 4.9, 5.0, 25, 35, 45, 50])
    found = detect(series, Rule(kind="other", higher_is_better=False, periods=8))
    assert found.fired and found.since == MONDAY + timedelta(weeks=12)


def test_noise_never_fires_often() -> None:
    """A stable rate with binomial noise over two years of weeks: at most one false alarm."""
    rng = random.Random(11)
    points = [
        Point(MONDAY + timedelta(weeks=i), sum(rng.random() < 0.3 for _ in range(800)) / 800, 800)
        for i in range(104)
    ]
    assert sum(f.fired for f in scan(points, Rule(kind="rate", notify="any"))) <= 1
