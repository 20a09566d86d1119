"""The calendar of the demo: which days exist, how busy each hour is, and op-time → clock time.

Sessions are laid out in "op time", where every unit holds the same expected traffic; the timeline
maps op time to clock time through the cumulative hourly intensity (weekday rhythm × hour-of-day
profile × promotion boost), so busier hours receive proportionally more sessions and a user's
sessions keep their order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from connectors.demo.catalog import BoolArray, FloatArray, IntArray
from connectors.demo.stories import story

DAY = 86_400
HOUR = 3_600
_EPOCH = date(1970, 1, 1)

# Monday … Sunday; weekends are somewhat busier overall (the channel mix shifts more).
WEEKDAY_WEIGHT = np.array([1.0, 0.97, 0.97, 0.99, 1.04, 1.17, 1.12])
HOUR_PROFILE = np.array(
    [25, 12, 6, 4, 4, 6, 12, 25, 38, 48, 55, 56, 58, 52, 50, 50, 49, 48, 50, 58, 68, 72, 62, 42],
    dtype=np.float64,
)
PROMO_BOOST = 2.5


def epoch_seconds(day: date) -> int:
    """Seconds from 1970-01-01 00:00 to `day` 00:00, naive local time."""
    return (day - _EPOCH).days * DAY


@dataclass(frozen=True)
class Timeline:
    as_of: date
    days: int
    day_weight: FloatArray  # per day
    promo: BoolArray  # per day
    edges_op: FloatArray  # cumulative op time at each hour boundary (days*24 + 1)

    @classmethod
    def create(cls, as_of: date, days: int) -> Timeline:
        start = as_of - timedelta(days=days)
        weekday = (np.arange(days) + start.weekday()) % 7
        promo_story = story(as_of, "promotion")
        offset = (promo_story.start - start).days
        promo = np.zeros(days, dtype=bool)
        promo[max(offset, 0) : max(offset + 3, 0)] = True
        weight = WEEKDAY_WEIGHT[weekday] / WEEKDAY_WEIGHT.mean()
        weight = np.where(promo, weight * PROMO_BOOST, weight)
        hourly = (weight[:, None] * (HOUR_PROFILE / HOUR_PROFILE.sum())[None, :]).ravel()
        edges = np.concatenate([[0.0], np.cumsum(hourly)])
        return cls(as_of, days, weight, promo, edges)

    @property
    def start(self) -> date:
        return self.as_of - timedelta(days=self.days)

    @property
    def start_s(self) -> int:
        return epoch_seconds(self.start)

    @property
    def end_s(self) -> int:
        return epoch_seconds(self.as_of)

    @property
    def op_total(self) -> float:
        return float(self.edges_op[-1])

    def op_to_seconds(self, op: FloatArray) -> IntArray:
        """Clock time (epoch seconds, naive local) of op-time points inside [0, op_total)."""
        clock = np.arange(self.edges_op.size, dtype=np.float64) * HOUR + self.start_s
        return np.interp(op, self.edges_op, clock).astype(np.int64)

    def day_index(self, ts: IntArray) -> IntArray:
        return (ts - self.start_s) // DAY

    def weekday(self, ts: IntArray) -> IntArray:
        return (ts // DAY + 3) % 7  # 1970-01-01 was a Thursday

    def hour(self, ts: IntArray) -> IntArray:
        return (ts % DAY) // HOUR

    def in_window(self, ts: IntArray, start: date, end: date) -> BoolArray:
        return (ts >= epoch_seconds(start)) & (ts < epoch_seconds(end))

    def is_promo(self, ts: IntArray) -> BoolArray:
        day = np.clip(self.day_index(ts), 0, self.days - 1)
        return np.asarray(self.promo[day])
