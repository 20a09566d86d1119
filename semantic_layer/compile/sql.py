"""Small builders for the sqlglot trees the analyses share: literals, ranges, the events source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlglot import exp


@dataclass(frozen=True)
class Events:
    """The events table as an analysis reads it: its columns and the row filters that always apply
    (the role's policy and the question's filters, already resolved to this table)."""

    table: str = "events"
    user: str = "user_id"
    ts: str = "ts"
    touchpoint: str = "touchpoint"
    channel: str = "channel"
    condition: exp.Expr | None = field(default=None)

    def where(self, *conditions: exp.Expr | None) -> exp.Expr:
        """All of `conditions` plus the always-on row filters, AND-ed."""
        parts = [c for c in (*conditions, self.condition) if c is not None]
        return exp.and_(*parts) if parts else exp.true()


def ts_lit(value: date | datetime) -> exp.Expr:
    """A TIMESTAMP literal (dates become midnight)."""
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return exp.cast(exp.Literal.string(value.isoformat(sep=" ")), exp.DataType.Type.TIMESTAMP)


def days(n: int | float) -> exp.Interval:
    return exp.Interval(this=exp.Literal.number(n), unit=exp.var("DAY"))


def in_range(column: exp.Expr, start: date | datetime, end: date | datetime) -> exp.Expr:
    """Half-open [start, end) on a timestamp column."""
    return exp.and_(column.copy() >= ts_lit(start), column.copy() < ts_lit(end))


def is_in(column: exp.Expr, values: Sequence[str | int | float]) -> exp.Expr:
    return column.isin(*[_literal(v) for v in values])


def string_array(values: Sequence[str]) -> exp.Array:
    return exp.Array(expressions=[exp.Literal.string(v) for v in values])


def _literal(value: str | int | float) -> exp.Expr:
    return exp.Literal.string(value) if isinstance(value, str) else exp.Literal.number(value)


def struct(**fields: exp.Expr) -> exp.Struct:
    return exp.Struct(
        expressions=[
            exp.PropertyEQ(this=exp.to_identifier(k), expression=v) for k, v in fields.items()
        ]
    )


def dot(base: str, name: str) -> exp.Dot:
    return exp.Dot(this=exp.column(base), expression=exp.to_identifier(name))


def safe_div(numerator: exp.Expr, denominator: exp.Expr) -> exp.Expr:
    """numerator / denominator as a double, NULL when the denominator is 0."""
    num = exp.cast(numerator, exp.DataType.Type.DOUBLE)
    return exp.Div(this=num, expression=exp.func("NULLIF", denominator, exp.Literal.number(0)))


def truncate(column: exp.Expr, grain: str, week_start: int = 0) -> exp.Expr:
    """Start of the `grain` period holding `column` (weeks start on `week_start`, 0 = Monday)."""
    if grain != "week" or week_start == 0:
        return exp.func("date_trunc", exp.Literal.string(grain), column)
    shift = days((7 - week_start) % 7)
    monday = exp.func("date_trunc", exp.Literal.string("week"), column + shift)
    return monday - shift.copy()
