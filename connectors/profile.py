"""Profile a database for the semantic layer: what `tpa init` proposes a model from, and what
`tpa validate --db` checks a model against.

The database is opened read-only, with external access off. The result is plain data
(`semantic_layer.model.DataProfile`): tables, columns and types, row counts, the values of
low-cardinality columns with their counts, the touchpoints with their typical position in a
session and in a person's journey, people's usual paths, the channels and the time range.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp

from connectors.canonical import TABLES
from semantic_layer.model.profile import (
    ColumnProfile,
    DataProfile,
    Gap,
    TableProfile,
    TouchpointProfile,
)

MAX_VALUES = 50
SKIPPED_TABLES = ("quarantine",)  # ingestion's rejects, not data to model
MAX_TOUCHPOINTS = 200
MAX_PATH_TOUCHPOINTS = 16  # people's paths are made of the most common touchpoints …
MAX_PATH_PEOPLE = 20_000  # … for everyone, or a fixed sample of this many people
MAX_GAP_PEOPLE = 5_000  # times between touchpoints: a smaller fixed sample is enough


class ProfileError(Exception):
    """The database cannot be profiled (missing, unreadable, not DuckDB)."""


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach files or the network beyond the database."""
    if not path.is_file():
        raise ProfileError(
            f"{path}: database not found (build one with `tpa demo` or `tpa ingest`)"
        )
    try:
        return duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as e:
        raise ProfileError(f"{path}: cannot open the database: {e}") from None


def profile_database(
    path: Path, *, max_values: int = MAX_VALUES, touchpoints: bool = True
) -> DataProfile:
    """Profile every table (`touchpoints=False` skips the journey positions, the costly part)."""
    with connect_read_only(path) as con:
        tables = tuple(_table(con, name, max_values) for name in _table_names(con))
        events = next((t for t in tables if t.name == "events"), None)
        tps: tuple[TouchpointProfile, ...] = ()
        paths: tuple[tuple[tuple[str, ...], int], ...] = ()
        gaps: tuple[Gap, ...] = ()
        unit = "user"
        if touchpoints and events is not None and _has(events, "touchpoint", "user_id", "ts"):
            tps, unit = _touchpoints(con, events)
            ids = _path_touchpoints(tps)
            paths = _paths(con, ids)
            paying = [t.id for t in tps if t.with_revenue and t.id in ids]
            gaps = _gaps(con, ids, paying or ids)  # journeys end at a paying one when any
        start, end, users = _events_span(con, events)
        return DataProfile(
            tables=tables,
            touchpoints=tps,
            users=users,
            rank_unit="session" if unit == "session" else "user",
            paths=paths,
            start=start,
            end=end,
            timezone=_meta_timezone(con),
            gaps=gaps,
        )


def journey_gaps(path: Path, pairs: Sequence[tuple[str, str]]) -> tuple[Gap, ...]:
    """The observed gaps between the given (first, then) touchpoints (for `tpa validate`)."""
    wanted = {p for p in pairs if p[0] != p[1]}
    if not wanted:
        return ()
    with connect_read_only(path) as con:
        if not _has_columns(con, "events", ("user_id", "touchpoint", "ts")):
            return ()
        ids = sorted({tp for pair in wanted for tp in pair})
        ends = sorted({then for _, then in wanted})
        return tuple(g for g in _gaps(con, ids, ends) if (g.first, g.then) in wanted)


def _has_columns(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str]) -> bool:
    found = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'main' AND table_name = ?",
            [table],
        ).fetchall()
    }
    return set(columns) <= found


def _table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows if not r[0].startswith("_") and r[0] not in SKIPPED_TABLES]


def _table(con: duckdb.DuckDBPyConnection, name: str, max_values: int) -> TableProfile:
    types = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
        [name],
    ).fetchall()
    table = exp.to_table(name, quoted=True)
    stats: list[exp.Expr] = [exp.func("count", exp.Star())]
    for column, _ in types:
        col = exp.column(column, quoted=True)
        stats += [exp.func("approx_count_distinct", col), exp.func("count", col)]
    row = _one(con, exp.select(*stats).from_(table))
    rows = int(row[0])
    columns = []
    for i, (column, type_) in enumerate(types):
        distinct, non_null = int(row[1 + 2 * i]), int(row[2 + 2 * i])
        values = None
        if distinct <= max_values * 1.2 and non_null:
            values = _values(con, table, column, max_values)
        columns.append(ColumnProfile(column, type_, distinct, rows - non_null, values))
    canonical = TABLES.get(name)
    return TableProfile(name, rows, tuple(columns), canonical.doc if canonical else "")


def _values(
    con: duckdb.DuckDBPyConnection, table: exp.Table, column: str, max_values: int
) -> tuple[tuple[str, int], ...] | None:
    """The column's values (as text) and their rows, most rows first; None when too many."""
    col = exp.column(column, quoted=True)
    query = (
        exp.select(exp.cast(col, "VARCHAR").as_("v"), exp.func("count", exp.Star()).as_("n"))
        .from_(table)
        .where(exp.Not(this=exp.Is(this=col, expression=exp.Null())))
        .group_by(exp.column("v"))
        .order_by(exp.column("n").desc(), exp.column("v"))
        .limit(max_values + 1)
    )
    found = con.execute(query.sql(dialect="duckdb")).fetchall()
    if len(found) > max_values:
        return None
    return tuple((str(v).lower() if isinstance(v, bool) else str(v), int(n)) for v, n in found)


_POSITIONS = """
WITH firsts AS (
    SELECT {unit} AS unit, touchpoint, min(ts) AS first_ts
    FROM events WHERE trim(touchpoint) <> '' AND {unit} IS NOT NULL
    GROUP BY ALL
), ranked AS (
    SELECT touchpoint, row_number() OVER (PARTITION BY unit ORDER BY first_ts, touchpoint) AS r
    FROM firsts
)
SELECT touchpoint, median(r), avg(r) FROM ranked GROUP BY touchpoint
"""
_COUNTS = """
SELECT touchpoint, count(*), count(DISTINCT user_id), {revenue}, {sessioned}, {revenue_sum}
FROM events WHERE trim(touchpoint) <> '' GROUP BY touchpoint ORDER BY 2 DESC LIMIT {limit}
"""
_PATHS = """
WITH firsts AS (
    SELECT user_id, touchpoint, min(ts) AS first_ts FROM events
    WHERE user_id IS NOT NULL AND list_contains(?, touchpoint)
    GROUP BY ALL
), paths AS (
    SELECT list(touchpoint ORDER BY first_ts, touchpoint) AS path FROM firsts GROUP BY user_id
    ORDER BY hash(user_id), user_id LIMIT ?
)
SELECT path, count(*) AS n FROM paths GROUP BY path ORDER BY n DESC, path
"""
_GAPS = """
WITH people AS (
    SELECT DISTINCT user_id FROM events WHERE user_id IS NOT NULL
    ORDER BY hash(user_id), user_id LIMIT ?
), firsts AS (
    SELECT user_id, touchpoint, min(ts) AS first_ts FROM events JOIN people USING (user_id)
    WHERE list_contains(?, touchpoint)
    GROUP BY ALL
), pairs AS (
    SELECT a.touchpoint AS tp_from, b.touchpoint AS tp_to,
           epoch(b.first_ts - a.first_ts) / 86400.0 AS days
    FROM firsts a JOIN firsts b USING (user_id)
    WHERE a.touchpoint <> b.touchpoint AND b.first_ts >= a.first_ts
      AND list_contains(?, b.touchpoint)
)
SELECT tp_from, tp_to, count(*), median(days), quantile_cont(days, 0.9)
FROM pairs GROUP BY ALL ORDER BY ALL
"""
Ranks = dict[str, tuple[float, float]]


def _ranks(con: duckdb.DuckDBPyConnection, unit_column: str) -> Ranks:
    query = _POSITIONS.format(unit=unit_column)
    return {str(tp): (float(med), float(avg)) for tp, med, avg in con.execute(query).fetchall()}


def _touchpoints(
    con: duckdb.DuckDBPyConnection, events: TableProfile
) -> tuple[tuple[TouchpointProfile, ...], str]:
    """Each touchpoint's volume, reach, channels and median position of its first occurrence in
    a session (when its events have sessions) and among a person's touchpoints."""
    session = events.column("session_id")
    has_sessions = session is not None and session.nulls < events.rows
    unit = "session" if session is not None and session.nulls < events.rows / 2 else "user"
    by_person = _ranks(con, "user_id")
    by_session = _ranks(con, "session_id") if has_sessions else {}
    has_revenue = events.column("revenue") is not None
    revenue = "count(revenue)" if has_revenue else "0"
    revenue_sum = "coalesce(sum(revenue), 0)" if has_revenue else "0"
    sessioned = "count(session_id)" if session is not None else "0"
    counts = con.execute(
        _COUNTS.format(
            revenue=revenue, sessioned=sessioned, revenue_sum=revenue_sum, limit=MAX_TOUCHPOINTS
        )
    ).fetchall()
    channels: dict[str, list[tuple[str, int]]] = {}
    if events.column("channel") is not None:
        for tp, channel, n in con.execute(
            "SELECT touchpoint, channel, count(*) AS n FROM events "
            "WHERE touchpoint IS NOT NULL AND channel IS NOT NULL GROUP BY ALL ORDER BY n DESC"
        ).fetchall():
            channels.setdefault(str(tp), []).append((str(channel), int(n)))
    found = []
    for tp, n, users, with_revenue, in_sessions, revenue_total in counts:
        person = by_person.get(str(tp), (0.0, 0.0))
        # a touchpoint mostly recorded outside sessions (orders, dispatch) is placed per person
        in_session = str(tp) in by_session and int(in_sessions) >= int(n) / 2
        rank = by_session[str(tp)] if in_session else person
        found.append(
            TouchpointProfile(
                id=str(tp),
                events=int(n),
                users=int(users),
                median_rank=rank[0],
                mean_rank=rank[1],
                channels=tuple(channels.get(str(tp), ())),
                with_revenue=int(with_revenue),
                revenue=float(revenue_total),
                rank_unit="session" if in_session else "user",
                person_rank=person[0],
                person_mean_rank=person[1],
            )
        )
    return tuple(found), unit


def _path_touchpoints(touchpoints: tuple[TouchpointProfile, ...]) -> list[str]:
    """The most common touchpoints and those carrying revenue (the largest few)."""
    common = sorted(touchpoints, key=lambda t: -t.users)[:MAX_PATH_TOUCHPOINTS]
    paying = sorted((t for t in touchpoints if t.with_revenue), key=lambda t: -t.with_revenue)
    return list(dict.fromkeys(t.id for t in (*common, *paying[:4])))


def _paths(
    con: duckdb.DuckDBPyConnection, ids: list[str]
) -> tuple[tuple[tuple[str, ...], int], ...]:
    """People's paths through the touchpoints `ids`, by first occurrence, with how many people
    took each, most first (for a fixed sample of people when there are many)."""
    if not ids:
        return ()
    rows = con.execute(_PATHS, [ids, MAX_PATH_PEOPLE]).fetchall()
    return tuple((tuple(str(t) for t in path), int(n)) for path, n in rows)


def _gaps(con: duckdb.DuckDBPyConnection, ids: list[str], ends: list[str]) -> tuple[Gap, ...]:
    """Days from each touchpoint's first occurrence to each later one's of `ends`, per person
    (for a fixed sample of people)."""
    if not ids or not ends:
        return ()
    rows = con.execute(_GAPS, [MAX_GAP_PEOPLE, ids, ends]).fetchall()
    return tuple(
        Gap(str(a), str(b), int(n), float(median), float(p90)) for a, b, n, median, p90 in rows
    )


def _events_span(
    con: duckdb.DuckDBPyConnection, events: TableProfile | None
) -> tuple[datetime | None, datetime | None, int]:
    if events is None or not _has(events, "ts", "user_id"):
        return None, None, 0
    row = con.execute("SELECT min(ts), max(ts), count(DISTINCT user_id) FROM events").fetchone()
    if row is None:
        return None, None, 0
    start, end, users = row
    return _as_datetime(start), _as_datetime(end), int(users)


def _as_datetime(value: Any) -> datetime | None:
    return value if isinstance(value, datetime) else None


def _meta_timezone(con: duckdb.DuckDBPyConnection) -> str | None:
    """The timezone the data is in, when the demo generator or ingestion recorded it."""
    try:
        row = con.execute("SELECT value FROM _tpa_meta WHERE key = 'timezone'").fetchone()
    except duckdb.Error:
        return None
    return str(row[0]) if row else None


def _has(table: TableProfile, *columns: str) -> bool:
    return all(table.column(c) is not None for c in columns)


def _one(con: duckdb.DuckDBPyConnection, query: exp.Select) -> Sequence[Any]:
    row = con.execute(query.sql(dialect="duckdb")).fetchone()
    if row is None:
        raise ProfileError("the database returned no row for a count")
    return row


__all__ = [
    "MAX_VALUES",
    "ProfileError",
    "connect_read_only",
    "journey_gaps",
    "profile_database",
]
