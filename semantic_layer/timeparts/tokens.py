"""The short canonical string form of each `TimeSpec` form, both ways.

Grammar (case-insensitive; spaces, hyphens or underscores between words):

    today | yesterday | all
    last_week | last_month | last_quarter | last_year          (n = 1; also last_day = yesterday)
    last_<N>_<unit>s     unit: day | week | month | quarter | year   (last_7_days, last_4_weeks)
    this_week | this_month | this_quarter | this_year          (to date)
    YYYY-MM-DD | --MM-DD                                        (a day; --MM-DD: most recent)
    YYYY-MM | --MM                                              (a month; --MM: most recent)
    YYYY-QN | QN                                                (a quarter; QN: most recent)
    YYYY                                                        (a year)
    A..B        half-open range [A, B)          A..=B   A through B inclusive
    A..         since A                         ..=B    until B inclusive (from the start)
                                                (A, B: YYYY-MM-DD)

`--MM` and `--MM-DD` are ISO 8601's forms for a month and a day without a year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from semantic_layer.timeparts.calendar import Grain
from semantic_layer.timeparts.errors import TimeError
from semantic_layer.timeparts.spec import (
    AllTime,
    Between,
    Day,
    Last,
    Month,
    Quarter,
    Range,
    Since,
    SpecForm,
    This,
    Today,
    Until,
    Year,
)

PREVIOUS: Final[dict[Grain, str]] = {
    "day": "yesterday",
    "week": "last_week",
    "month": "last_month",
    "quarter": "last_quarter",
    "year": "last_year",
}
ALIASES: Final[dict[str, str]] = {
    "wtd": "this_week",
    "mtd": "this_month",
    "qtd": "this_quarter",
    "ytd": "this_year",
}
EXAMPLES: Final = "today, yesterday, last_week, last_7_days, this_month, 2025-10, 2024-Q3, Q3, 2025"

_DATE = r"\d{4}-\d{2}-\d{2}"
_PATTERNS: Final[list[tuple[re.Pattern[str], Callable[[re.Match[str]], dict[str, object]]]]] = [
    (re.compile(r"today"), lambda m: {"kind": "today"}),
    (re.compile(r"all(_time)?"), lambda m: {"kind": "all"}),
    (re.compile(r"yesterday"), lambda m: {"kind": "last", "n": 1, "unit": "day"}),
    (
        re.compile(r"last_(?:(\d+)_)?(day|week|month|quarter|year)s?"),
        lambda m: {"kind": "last", "n": int(m[1] or 1), "unit": m[2]},
    ),
    (re.compile(r"this_(week|month|quarter|year)"), lambda m: {"kind": "this", "unit": m[1]}),
    (
        re.compile(rf"({_DATE})\.\.=({_DATE})"),
        lambda m: {"kind": "between", "first": m[1], "last": m[2]},
    ),
    (
        re.compile(rf"({_DATE})\.\.({_DATE})"),
        lambda m: {"kind": "range", "start": m[1], "end": m[2]},
    ),
    (re.compile(rf"({_DATE})\.\."), lambda m: {"kind": "since", "start": m[1]}),
    (re.compile(rf"\.\.=({_DATE})"), lambda m: {"kind": "until", "last": m[1]}),
    (
        re.compile(r"(\d{4}|-)-(\d{1,2})-(\d{1,2})"),
        lambda m: {"kind": "day", "year": _int(m[1]), "month": int(m[2]), "day": int(m[3])},
    ),
    (
        re.compile(r"(\d{4}|-)-(\d{1,2})"),
        lambda m: {"kind": "month", "year": _int(m[1]), "month": int(m[2])},
    ),
    (
        re.compile(r"(?:(\d{4})-?)?q(\d)"),
        lambda m: {"kind": "quarter", "year": _int(m[1]), "quarter": int(m[2])},
    ),
    (re.compile(r"(\d{4})"), lambda m: {"kind": "year", "year": int(m[1])}),
]


def _int(text: str | None) -> int | None:
    return int(text) if text and text != "-" else None


def token_fields(token: str) -> dict[str, object]:
    """The JSON form of a token ("last_week" → {"kind": "last", "n": 1, "unit": "week"}).

    Raises:
        TimeError: when the text is not a token of the grammar.
    """
    text = _normalise(token)
    for pattern, build in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return build(match)
    raise TimeError(f"'{token}' is not a time this understands — use one of: {EXAMPLES}")


def _normalise(token: str) -> str:
    """Lower-case, words joined by "_", dates kept as they are ("Last 7 Days" → last_7_days)."""
    text = token.strip().lower()
    if re.fullmatch(r"[-\d.=q]+", text):
        return text
    text = re.sub(r"[\s_-]+", "_", text)
    text = re.sub(r"^past_(?=\d)", "last_", text)  # "past 7 days"; "past week" is ambiguous
    return ALIASES.get(text, text)


def form_token(form: SpecForm) -> str:
    """The canonical token of a form (the inverse of `token_fields`)."""
    match form:
        case Today():
            return "today"
        case AllTime():
            return "all"
        case Last(n=1, unit=unit):
            return PREVIOUS[unit]
        case Last(n=n, unit=unit):
            return f"last_{n}_{unit}s"
        case This(unit=unit):
            return f"this_{unit}"
        case Day(year=year, month=month, day=day):
            return f"{_year_part(year)}-{month:02d}-{day:02d}"
        case Month(year=year, month=month):
            return f"{_year_part(year)}-{month:02d}"
        case Quarter(year=year, quarter=quarter):
            return f"{year}-Q{quarter}" if year is not None else f"Q{quarter}"
        case Year(year=year):
            return str(year)
        case Range(start=start, end=end):
            return f"{start.isoformat()}..{end.isoformat()}"
        case Between(first=first, last=last):
            return f"{first.isoformat()}..={last.isoformat()}"
        case Since(start=start):
            return f"{start.isoformat()}.."
        case Until(last=last):
            return f"..={last.isoformat()}"
    raise AssertionError(f"unhandled time form {form!r}")


def _year_part(year: int | None) -> str:
    return str(year) if year is not None else "-"
