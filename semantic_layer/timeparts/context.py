"""What "today" is: the date in the model's timezone (or the pinned `as_of`) and the week start."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime

from semantic_layer.errors import did_you_mean, nearest
from semantic_layer.timeparts.calendar import weekday_number
from semantic_layer.timeparts.errors import TimeError


@dataclass(frozen=True)
class TimeContext:
    """The fixed facts every relative time is resolved against.

    Attributes:
        today: the real date in `timezone`, or `as_of` when pinned (evals and demos).
        timezone: an IANA zone name such as "Asia/Shanghai".
        week_start: 0 = Monday … 6 = Sunday.
        fiscal_year_start: the month the financial year starts (1 = a calendar year).
    """

    today: date
    timezone: str = "UTC"
    week_start: int = 0
    fiscal_year_start: int = 1

    def __post_init__(self) -> None:
        weekday_number(self.week_start)

    @classmethod
    def create(
        cls,
        timezone: str,
        week_start: str | int = "monday",
        as_of: date | None = None,
        now: datetime | None = None,
    ) -> TimeContext:
        """The context for `timezone`: today is `as_of` when given, else the date of `now`
        (default: the clock) in that zone. A naive `now` is taken as UTC."""
        zone = _zone(timezone)
        if as_of is None:
            moment = now if now is not None else datetime.now(UTC)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            as_of = moment.astimezone(zone).date()
        return cls(today=as_of, timezone=timezone, week_start=weekday_number(week_start))


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    close = nearest(name, sorted(zoneinfo.available_timezones()))
    hint = did_you_mean((close,)) if close else "use an IANA name such as 'Asia/Shanghai'"
    raise TimeError(f"unknown timezone '{name}' — {hint}")
