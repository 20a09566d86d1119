"""Compare a check query's rows with an answer's table: by column name, numbers within a tolerance.

Only the columns the check query returns are compared (the answer may have more). Rows compare as
multisets unless the question ranks (`ordered`; rows tied on every number may still come in any
order, and the last rows of a top N may be any rows tied with them), and `first` compares the
check rows with the answer's first rows. A duration column (`…_hours`, `…_minutes`) also agrees
within one second.
The result is None when equal, else one sentence saying where they differ.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final

from assistant.answer.table import json_value

Row = tuple[Any, ...]


def differs(
    expected_columns: Sequence[str],
    expected_rows: Sequence[Sequence[Any]],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    ordered: bool = False,
    first: bool = False,
    tolerance: float = 1e-6,
) -> str | None:
    """Why the answer's rows differ from the expected ones, or None when they match."""
    missing = [c for c in expected_columns if c not in columns]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        return f"the answer has no column {names} (it has {', '.join(columns)})"
    index = [list(columns).index(c) for c in expected_columns]
    want = [tuple(json_value(v) for v in row) for row in expected_rows]
    got = [tuple(json_value(row[i]) for i in index) for row in rows]
    if first:
        got, ordered = got[: len(want)], True
    if len(got) != len(want):
        return f"expected {len(want)} rows, got {len(got)}" + _sample(want, got)
    if not ordered:
        want, got = sorted(want, key=_sort_key), sorted(got, key=_sort_key)
    else:
        got = _tied_at_the_cut(want, _ties_aligned(want, got, tolerance), tolerance)
    seconds = [_ONE_SECOND.get(c.rsplit("_", 1)[-1], 0.0) for c in expected_columns]
    for n, (w, g) in enumerate(zip(want, got, strict=True), start=1):
        if not all(
            same(a, b, tolerance) or _within(a, b, second)
            for a, b, second in zip(w, g, seconds, strict=True)
        ):
            place = f"row {n}" if ordered else "a row"
            return (
                f"{place}: expected {_show(w, expected_columns)}, got {_show(g, expected_columns)}"
            )
    return None


# A duration column (`median_hours`, `first_response_time_minutes`…) agrees within one second:
# counting second boundaries and subtracting exact instants, both right, differ by less.
_ONE_SECOND: Final = {"hours": 1 / 3600, "minutes": 1 / 60, "seconds": 1.0}


def _within(a: Any, b: Any, second: float) -> bool:
    return bool(second) and _number(a) and _number(b) and abs(float(a) - float(b)) <= second


def same(a: Any, b: Any, tolerance: float) -> bool:
    """Equal values: numbers within the relative tolerance (1e-9 absolute), others exactly. A
    NULL and a zero agree: a check query's SUM over a group with no rows (a LEFT JOIN's channel
    that sold nothing) is the answer's 0."""
    if a is None or b is None:
        return (a is None and b is None) or (_number(a) and a == 0) or (_number(b) and b == 0)
    if _number(a) and _number(b):
        return math.isclose(float(a), float(b), rel_tol=tolerance, abs_tol=1e-9)
    return bool(a == b) or str(a) == str(b)


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _ties_aligned(want: list[Row], got: list[Row], tolerance: float) -> list[Row]:
    """A ranking's tied rows in the expected order: rows whose numbers are all equal have no order
    of their own, so within each run of ties the answer's rows may come in any order."""
    aligned = list(got)
    start = 0
    while start < len(want):
        end = start + 1
        while end < len(want) and _numbers(want[end]) == _numbers(want[start]):
            end += 1
        pairs = zip(
            sorted(want[start:end], key=_sort_key),
            sorted(got[start:end], key=_sort_key),
            strict=True,
        )
        if end - start > 1 and all(
            all(same(a, b, tolerance) for a, b in zip(w, g, strict=True)) for w, g in pairs
        ):
            aligned[start:end] = want[start:end]
        start = end
    return aligned


def _tied_at_the_cut(want: list[Row], got: list[Row], tolerance: float) -> list[Row]:
    """A top N whose last rows tie with rows the cut left out ("the 5 stations with the most
    orders" when the fifth and sixth have 74 each): the answer's last rows may be any of the tied
    ones, so rows at the end with exactly the last expected row's numbers stand for them."""
    if not want or len(got) != len(want) or not _numbers(want[-1]):
        return got
    start = len(want)
    while start > 0 and _numbers(want[start - 1]) == _numbers(want[-1]):
        start -= 1
    tied = [n for n, v in enumerate(want[-1]) if _number(v) or v is None]
    if (
        all(all(same(g[n], want[-1][n], tolerance) for n in tied) for g in got[start:])
        and len({_sort_key(g) for g in got[start:]}) == len(got) - start
    ):
        return [*got[:start], *want[start:]]
    return got


def _numbers(row: Row) -> tuple[str, ...]:
    return tuple(f"{float(v):.9g}" for v in row if _number(v))


def _sort_key(row: Row) -> tuple[Any, ...]:
    return tuple(
        (0, "") if v is None
        else (1, f"{float(v):.6g}") if _number(v)
        else (2, str(v))
        for v in row
    )  # fmt: skip


def _show(row: Row, columns: Sequence[str]) -> str:
    parts = [f"{c}={_fmt(v)}" for c, v in zip(columns, row, strict=True)]
    return "(" + ", ".join(parts) + ")"


def _fmt(v: Any) -> str:
    return f"{v:.6g}" if isinstance(v, float) else repr(v)


def _sample(want: list[Row], got: list[Row]) -> str:
    return f" (expected starts {_head(want) or 'empty'}; got {_head(got) or 'nothing'})"


def _head(rows: list[Row]) -> str:
    return ", ".join(str(r) for r in rows[:2])


__all__ = ["differs", "same"]
