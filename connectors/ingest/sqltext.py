"""Rendering names and values from user configs into SQL text safely."""

from __future__ import annotations

from ..canonical import quote_ident

Scalar = str | int | float | bool | None


def ident(name: str) -> str:
    """A quoted identifier (column or table names from configs and file headers)."""
    return quote_ident(name)


def string_lit(text: str) -> str:
    """A SQL string literal; DuckDB strings take no backslash escapes, only doubled quotes."""
    return "'" + text.replace("'", "''") + "'"


def scalar_text(value: Scalar) -> str | None:
    """A config scalar as the text a source would hold (None stays NULL)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def text_lit(value: Scalar) -> str:
    """A config scalar as a VARCHAR literal (or NULL)."""
    text = scalar_text(value)
    return "NULL::VARCHAR" if text is None else string_lit(text)


def list_lit(items: list[str] | tuple[str, ...]) -> str:
    """A VARCHAR[] literal."""
    return "[" + ", ".join(string_lit(i) for i in items) + "]::VARCHAR[]"
