"""`ResultTable`: what the engine returned for a plan, as the answer layer reads it."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from assistant.answer.change import ChangePoint
from semantic_layer.plan import QueryPlan
from semantic_layer.time import DateRange


@dataclass(frozen=True)
class ResultTable:
    """The rows of one compiled plan, as the engine returned them (Python values, not JSON).

    `columns` are the compiler's output names (`d_channel`, `conversion_rate`, `step`, …),
    `types` DuckDB's type names; `truncated` says the row cap cut the result.
    """

    plan: QueryPlan
    columns: tuple[str, ...]
    types: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    truncated: bool = False
    time_range: DateRange | None = None
    baseline_range: DateRange | None = None
    change: ChangePoint | None = None  # drivers: when the metric changed (`answer.change`)

    def column(self, name: str) -> list[Any]:
        """Every value of one column, in row order."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def has(self, name: str) -> bool:
        return name in self.columns

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name (made once per table: the text and the chart
        both read them; a new list each call, whose dicts the answer layer only reads)."""
        return list(self._records)

    @functools.cached_property
    def _records(self) -> tuple[dict[str, Any], ...]:
        return tuple(dict(zip(self.columns, row, strict=True)) for row in self.rows)

    def json_rows(self) -> list[list[Any]]:
        """The rows with JSON-safe values (ISO dates, floats for decimals, None for NaN); cells
        of columns whose DuckDB type is JSON already (text, integers, booleans) as they are."""
        if len(self.types) != len(self.columns):
            return [[json_value(v) for v in row] for row in self.rows]
        convert = [i for i, t in enumerate(self.types) if t.upper() not in _JSON_TYPES]
        if not convert:
            return [list(row) for row in self.rows]
        rows = []
        for row in self.rows:
            cells = list(row)
            for i in convert:
                cells[i] = json_value(cells[i])
            rows.append(cells)
        return rows


# DuckDB types whose Python values are JSON already (str, int, bool or None)
_JSON_TYPES: Final = frozenset(
    {"VARCHAR", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
     "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"}
)  # fmt: skip


_AS_IS: Final = frozenset({int, str, bool, type(None)})


def json_value(value: Any) -> Any:
    """One cell as JSON: ISO dates (midnight timestamps as plain dates), floats for decimals."""
    kind = type(value)
    if kind in _AS_IS:  # most cells: returned before the slower isinstance checks below
        return value
    if kind is float:
        return None if value != value else value  # NaN
    if kind is date or kind is datetime:  # cohorts and periods repeat down a column
        return _iso(value)
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [json_value(v) for v in value]
    return value


@functools.lru_cache(maxsize=8192)
def _iso(value: date) -> str:
    """A date, or a timestamp (a plain date at midnight), as ISO text; formatted once each."""
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat()
    return value.isoformat()


__all__ = ["ResultTable", "json_value"]
