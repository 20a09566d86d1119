"""The columns `tpa init` proposes nothing for, each with why, so none is dropped silently."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .profile import TableProfile
from .rules.database import type_kind

Row = dict[str, Any]
REASONS = (
    ("empty", "empty: no rows have a value"),
    ("id", "ids: count them with a count_distinct measure, or join on them"),
    ("number", "numbers: add a measure (sum, avg…) if questions need them"),
    ("time", "times other than the table's time column: add a duration measure if needed"),
    ("single", "a single value"),
    ("links", "how ids are linked to people, not a property of them"),
    (
        "named",
        "free text by its name (comment, note…): make it a dimension if its few values are "
        "categories",
    ),
    ("text", "too many values or free text"),
    ("other", "other types"),
)


def used_columns(data: Row) -> set[tuple[str, str]]:
    """(table, column) of every column the proposed model (as file data) reads."""
    used: set[tuple[str, str]] = set()
    for name, table in data.get("tables", {}).items():
        used |= {(name, table[k]) for k in ("time", "entity") if k in table}
    for dim in data.get("dimensions", []):
        if dim.get("column"):
            used.add((dim["table"], dim["column"]))
        used |= set(dim.get("also_in", {}).items())
    for m in data.get("measures", []):
        columns = [m.get("column"), *(m.get("duration") or {}).values()]
        columns += [f["column"] for f in m.get("filters", []) if "column" in f]
        used |= {(m["table"], c) for c in columns if isinstance(c, str)}
    if data.get("touchpoints"):
        used |= {("events", "touchpoint"), ("events", "user_id")}
    return used


def unproposed_notes(data: Row, tables: list[TableProfile]) -> list[str]:
    """One note per reason, listing every column of `tables` the model does not read."""
    used = used_columns(data)
    found: dict[str, list[str]] = {}
    for table in tables:
        for column in table.columns:
            if (table.name, column.name) in used or column.name != column.name.strip():
                continue  # spaced names have their own note
            found.setdefault(_reason(table, column.name), []).append(f"{table.name}.{column.name}")
    return [
        f"not proposed ({why}): {', '.join(found[key])}" for key, why in REASONS if key in found
    ]


def _reason(table: TableProfile, name: str) -> str:
    column = table.column(name)
    kind = type_kind(column.type) if column is not None else "other"
    if column is None or not table.has_data(name):
        return "empty"
    if name.lower() in ("id", "uuid") or name.lower().endswith("_id") or name.endswith("Id"):
        return "id"
    reason = next(_by_kind(kind, column.values), "other")
    if reason == "text" and column.values is not None:  # few values, left out for another reason
        return "links" if table.name == "identity_links" else "named"
    return reason


def _by_kind(kind: str, values: tuple[tuple[str, int], ...] | None) -> Iterator[str]:
    if kind == "number":
        yield "number"
    if kind == "time":
        yield "time"
    if kind in ("text", "bool"):
        yield "single" if values is not None and len(values) < 2 else "text"


__all__ = ["unproposed_notes", "used_columns"]
