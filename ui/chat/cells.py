"""Table cells as people read them: percentages with %, numbers with thousands separators, amounts
with the model's currency symbol, durations with their unit, "—" for a missing value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from assistant.answer.narrate.numbers import as_float
from semantic_layer.phrasebook import language, phrase

MISSING: Final = "—"
UNITS: Final = ("duration_minutes", "duration_hours", "multiple")  # the phrasebook's `chat`


def plain_number(x: float) -> str:
    """A number with thousands separators and at most two decimals: 12,345 · 38.6 · 0.25."""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    decimals = 0 if abs(x) >= 1000 else 1 if abs(x) >= 100 else 2
    text = f"{x:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_cell(value: Any, fmt: str, *, currency: str = "", lang: str = "en") -> str:
    """One cell in its column format (`Answer.column_formats`)."""
    if value is None:
        return MISSING
    if fmt in ("text", "date"):
        return str(value)
    x = as_float(value)
    if x is None:
        return str(value)
    if fmt == "percent":
        return f"{x * 100:,.1f}%"
    if fmt == "integer":
        return f"{round(x):,}"
    if fmt == "currency":
        sign, amount = ("-", -x) if x < 0 else ("", x)
        return f"{sign}{currency}{amount:,.2f}" if currency else plain_number(x)
    if fmt in UNITS:
        return f"{plain_number(round(x, 1))}{phrase(language(lang), 'chat', fmt)}"
    return plain_number(x)


def column_format(formats: Sequence[str], index: int, values: Sequence[Any]) -> str:
    """The format of column `index`: the answer's, else "number" when every value is numeric."""
    if index < len(formats):
        return formats[index]
    present = [v for v in values if v is not None]
    if present and all(as_float(v) is not None for v in present):
        return "number"
    return "text"


def format_rows(
    rows: Sequence[Sequence[Any]],
    formats: Sequence[str],
    *,
    currency: str = "",
    lang: str = "en",
) -> list[list[str]]:
    """Every cell of `rows` as display text."""
    width = max((len(r) for r in rows), default=0)
    fmts = [column_format(formats, i, [r[i] for r in rows if i < len(r)]) for i in range(width)]
    return [
        [format_cell(v, fmts[i], currency=currency, lang=lang) for i, v in enumerate(row)]
        for row in rows
    ]


__all__ = ["MISSING", "column_format", "format_cell", "format_rows", "plain_number"]
