"""`DateRange`: a non-empty half-open range of whole days [start, end)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from semantic_layer.timeparts.calendar import Grain, period_starts
from semantic_layer.timeparts.context import TimeContext
from semantic_layer.timeparts.errors import TimeError
from semantic_layer.timeparts.labels import Language, range_label


@dataclass(frozen=True, order=True)
class DateRange:
    """Whole days from `start` up to, not including, `end`; never empty.

    "All time" starts at `date.min` (`open_start`). Serialises to JSON as {"start", "end"}
    (ISO dates), directly or as a field of a pydantic model.
    """

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise TimeError(
                f"the range {self.start.isoformat()} .. {self.end.isoformat()} is empty: "
                "ranges are half-open [start, end), so end must be after start"
            )

    @classmethod
    def day(cls, d: date) -> DateRange:
        """The single day `d`."""
        return cls(d, d + timedelta(days=1))

    @property
    def days(self) -> int:
        """The number of days in the range."""
        return (self.end - self.start).days

    @property
    def last_day(self) -> date:
        """The last day in the range (end − 1 day)."""
        return self.end - timedelta(days=1)

    @property
    def open_start(self) -> bool:
        """True for "all time": no lower bound."""
        return self.start == date.min

    def contains(self, d: date) -> bool:
        """Whether the day `d` is in the range."""
        return self.start <= d < self.end

    def is_future(self, ctx: TimeContext) -> bool:
        """Whether the range starts today or later, so it holds no complete day of data yet."""
        return self.start >= ctx.today

    def is_complete(self, ctx: TimeContext) -> bool:
        """Whether every day of the range is over (it ends by today)."""
        return self.end <= ctx.today

    def label(self, lang: Language = "en") -> str:
        """ "10–16 Nov 2026" / "2026年11月10日–16日", "November 2026", "Q3 2026", "16 Nov 2026"…"""
        return range_label(self.start, self.end, lang)

    def to_json(self) -> dict[str, str]:
        """{"start": "2026-11-10", "end": "2026-11-17"} (end exclusive)."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    def __str__(self) -> str:
        return f"[{self.start.isoformat()}, {self.end.isoformat()})"


def periods(r: DateRange, grain: Grain, week_start: int = 0) -> list[date]:
    """The start of every `grain` period overlapping `r`, in order, for filling gaps in series.

    The first start falls before `r.start` when `r` does not begin on a period boundary.
    """
    return period_starts(r.start, r.end, grain, week_start)
