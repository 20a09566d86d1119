"""Profile a database for the semantic layer: what `tpa init` proposes a model from, and what
`tpa validate --db` checks a model against.

The data is read through a `Source` (connectors/profile_source.py): a DuckDB file opened
read-only with external access off, or any engine (`profile_engine`: ClickHouse, Spark SQL),
whose describe gives the columns' neutral types. The result is plain data
(`semantic_layer.model.DataProfile`): tables, columns and types, row counts, the values of
low-cardinality columns with their counts, the touchpoints with their typical position in a
session and in a person's journey, people's usual paths, the channels and the time range.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlglot import exp

from connectors.canonical import TABLES
from connectors.engines import Engine
from connectors.profile_source import DuckDBSource, EngineSource, ProfileError, Source
from semantic_layer.model.profile import (
    ColumnProfile,
    DataProfile,
    Gap,
    Split,
    TableProfile,
    TouchpointProfile,
)
from semantic_layer.model.rules.database import type_kind

MAX_VALUES = 50
SKIPPED_TABLES = ("quarantine",)  # ingestion's rejects, not data to model
MAX_TOUCHPOINTS = 200
MAX_PATH_TOUCHPOINTS = 16  # people's paths are made of the most common touchpoints …
MAX_PATH_PEOPLE = 20_000  # … for everyone, or a fixed sample of this many people
MAX_GAP_PEOPLE = 5_000  # times between touchpoints: a smaller fixed sample is enough
MAX_SPLIT_VALUES = 6  # a people column with this few values may split their paths (a side)


def profile_database(
    path: Path, *, max_values: int = MAX_VALUES, touchpoints: bool = True
) -> DataProfile:
    """Profile every table of a DuckDB file (`touchpoints=False` skips the journey positions,
    the costly part)."""
    source = DuckDBSource(path)
    try:
        return profile_source(source, max_values=max_values, touchpoints=touchpoints)
    finally:
        source.close()


def profile_engine(
    engine: Engine, where: str, *, max_values: int = MAX_VALUES, touchpoints: bool = True
) -> DataProfile:
    """Profile every table the engine serves (`where` names it in messages)."""
    return profile_source(
        EngineSource(engine, where), max_values=max_values, touchpoints=touchpoints
    )


def profile_source(
    src: Source, *, max_values: int = MAX_VALUES, touchpoints: bool = True
) -> DataProfile:
    schema = src.schema()
    names = sorted(n for n in schema if not n.startswith("_") and n not in SKIPPED_TABLES)
    tables = tuple(_table(src, name, schema[name], max_values) for name in names)
    events = next((t for t in tables if t.name == "events"), None)
    tps: tuple[TouchpointProfile, ...] = ()
    paths: tuple[tuple[tuple[str, ...], int], ...] = ()
    gaps: tuple[Gap, ...] = ()
    splits: tuple[Split, ...] = ()
    unit = "user"
    if touchpoints and events is not None and _has(events, "touchpoint", "user_id", "ts"):
        tps, unit = _touchpoints(src, events)
        ids = _path_touchpoints(tps)
        paths = _paths(src, ids)
        gaps = _gaps(src, ids, ids)  # every journey's end: a purchase, or a group's last step
        splits = _splits(src, tables, ids)
    start, end, users = _events_span(src, events)
    return DataProfile(
        tables=tables,
        touchpoints=tps,
        users=users,
        rank_unit="session" if unit == "session" else "user",
        paths=paths,
        start=start,
        end=end,
        timezone=_meta_timezone(src, schema),
        gaps=gaps,
        splits=splits,
    )


def journey_gaps(path: Path | Source, journeys: Sequence[Sequence[str]]) -> tuple[Gap, ...]:
    """How long people take along each journey (for `tpa validate`), in a DuckDB file or any
    profile source (`EngineSource`): from their first first step through every step in order,
    each the earliest one after the previous (as a funnel counts them), to the last one."""
    wanted = list(dict.fromkeys(tuple(j) for j in journeys if len(j) >= 2 and j[0] != j[-1]))
    if not wanted:
        return ()
    src = DuckDBSource(path) if isinstance(path, Path) else path
    try:
        if not {"user_id", "touchpoint", "ts"} <= set(src.schema().get("events", {})):
            return ()
        return tuple(g for steps in wanted if (g := _journey_gap(src, steps)) is not None)
    finally:
        if isinstance(src, DuckDBSource) and isinstance(path, Path):
            src.close()


def _journey_gap(src: Source, steps: tuple[str, ...]) -> Gap | None:
    """Days from the first step to the last along `steps` in order, per person (for a fixed
    sample of people)."""
    parts = [
        _PEOPLE.format(people=MAX_GAP_PEOPLE),
        f"s0 AS (SELECT user_id, min(ts) AS t FROM events JOIN people USING (user_id) "
        f"WHERE touchpoint = {_literal(steps[0])} GROUP BY user_id)",
    ]
    for i, step in enumerate(steps[1:], start=1):
        parts.append(
            f"s{i} AS (SELECT e.user_id, min(e.ts) AS t FROM events AS e JOIN s{i - 1} AS p "
            f"ON e.user_id = p.user_id WHERE e.touchpoint = {_literal(step)} AND e.ts > p.t "
            "GROUP BY e.user_id)"
        )
    last = len(steps) - 1
    rows = src.rows(
        f"WITH {', '.join(parts)} SELECT count(*), median(days), quantile_cont(days, 0.9) FROM "
        f"(SELECT epoch(b.t - a.t) / 86400.0 AS days FROM s{last} AS b JOIN s0 AS a "
        "ON a.user_id = b.user_id) AS d"
    )
    if not rows or not rows[0][0]:
        return None
    n, median, p90 = rows[0]
    return Gap(steps[0], steps[-1], int(n), float(median), float(p90), steps=steps)


def _table(src: Source, name: str, types: dict[str, str], max_values: int) -> TableProfile:
    table = exp.to_table(name, quoted=True)
    stats: list[exp.Expr] = [exp.func("count", exp.Star())]
    for column in types:
        col = exp.column(column, quoted=True)
        stats += [exp.func("approx_count_distinct", col), exp.func("count", col)]
    row = _one(src, exp.select(*stats).from_(table))
    rows = int(row[0])
    columns = []
    for i, (column, type_) in enumerate(types.items()):
        distinct, non_null = int(row[1 + 2 * i]), int(row[2 + 2 * i])
        values = None
        if distinct <= max_values * 1.2 and non_null:
            values = _values(src, table, column, max_values)
        columns.append(ColumnProfile(column, type_, distinct, rows - non_null, values))
    canonical = TABLES.get(name)
    return TableProfile(name, rows, tuple(columns), canonical.doc if canonical else "")


def _values(
    src: Source, table: exp.Table, column: str, max_values: int
) -> tuple[tuple[str, int], ...] | None:
    """The column's values (as text, written by Python so every engine gives the same: 5.0,
    true) and their rows, most rows first, then by text; None when too many."""
    col = exp.column(column, quoted=True)
    query = (
        exp.select(col.as_("v"), exp.func("count", exp.Star()).as_("n"))
        .from_(table)
        .where(exp.Not(this=exp.Is(this=col, expression=exp.Null())))
        .group_by(col.copy())
        .order_by(exp.column("n").desc())
        .limit(max_values + 1)
    )
    found = src.rows(query.sql(dialect="duckdb"))
    if len(found) > max_values:
        return None
    texts = [(str(v).lower() if isinstance(v, bool) else str(v), int(n)) for v, n in found]
    return tuple(sorted(texts, key=lambda item: (-item[1], item[0])))


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
    WHERE user_id IS NOT NULL AND list_contains({ids}, touchpoint)
    GROUP BY ALL
), paths AS (
    SELECT list(touchpoint ORDER BY first_ts, touchpoint) AS path FROM firsts GROUP BY user_id
    ORDER BY md5(CAST(user_id AS VARCHAR)), user_id LIMIT {people}
)
SELECT path, count(*) AS n FROM paths GROUP BY path ORDER BY n DESC, path
"""
_PEOPLE = """people AS (
    SELECT DISTINCT user_id FROM events WHERE user_id IS NOT NULL
    ORDER BY md5(CAST(user_id AS VARCHAR)), user_id LIMIT {people}
)"""
_GAPS = """
WITH people AS (
    SELECT DISTINCT user_id FROM events WHERE user_id IS NOT NULL
    ORDER BY md5(CAST(user_id AS VARCHAR)), user_id LIMIT {people}
), firsts AS (
    SELECT user_id, touchpoint, min(ts) AS first_ts FROM events JOIN people USING (user_id)
    WHERE list_contains({ids}, touchpoint)
    GROUP BY ALL
), pairs AS (
    SELECT a.touchpoint AS tp_from, b.touchpoint AS tp_to,
           epoch(b.first_ts - a.first_ts) / 86400.0 AS days
    FROM firsts a JOIN firsts b USING (user_id)
    WHERE a.touchpoint <> b.touchpoint AND b.first_ts >= a.first_ts
      AND list_contains({ends}, b.touchpoint)
)
SELECT tp_from, tp_to, count(*), median(days), quantile_cont(days, 0.9)
FROM pairs GROUP BY tp_from, tp_to ORDER BY tp_from, tp_to
"""
Ranks = dict[str, tuple[float, float]]


def _ranks(src: Source, unit_column: str) -> Ranks:
    query = _POSITIONS.format(unit=unit_column)
    return {str(tp): (float(med), float(avg)) for tp, med, avg in src.rows(query)}


def _touchpoints(src: Source, events: TableProfile) -> tuple[tuple[TouchpointProfile, ...], str]:
    """Each touchpoint's volume, reach, channels and median position of its first occurrence in
    a session (when its events have sessions) and among a person's touchpoints."""
    session = events.column("session_id")
    has_sessions = session is not None and session.nulls < events.rows
    unit = "session" if session is not None and session.nulls < events.rows / 2 else "user"
    by_person = _ranks(src, "user_id")
    by_session = _ranks(src, "session_id") if has_sessions else {}
    has_revenue = events.column("revenue") is not None
    revenue = "count(revenue)" if has_revenue else "0"
    revenue_sum = "coalesce(sum(revenue), 0)" if has_revenue else "0"
    sessioned = "count(session_id)" if session is not None else "0"
    counts = src.rows(
        _COUNTS.format(
            revenue=revenue, sessioned=sessioned, revenue_sum=revenue_sum, limit=MAX_TOUCHPOINTS
        )
    )
    channels: dict[str, list[tuple[str, int]]] = {}
    if events.column("channel") is not None:
        for tp, channel, n in src.rows(
            "SELECT touchpoint, channel, count(*) AS n FROM events "
            "WHERE touchpoint IS NOT NULL AND channel IS NOT NULL GROUP BY touchpoint, channel "
            "ORDER BY n DESC, touchpoint, channel"
        ):
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


def _paths(src: Source, ids: list[str]) -> tuple[tuple[tuple[str, ...], int], ...]:
    """People's paths through the touchpoints `ids`, by first occurrence, with how many people
    took each, most first (for a fixed sample of people when there are many)."""
    if not ids:
        return ()
    rows = src.rows(_PATHS.format(ids=_list(ids), people=MAX_PATH_PEOPLE))
    return tuple((tuple(str(t) for t in path), int(n)) for path, n in rows)


def _gaps(src: Source, ids: list[str], ends: list[str]) -> tuple[Gap, ...]:
    """Days from each touchpoint's first occurrence to each later one's of `ends`, per person
    (for a fixed sample of people)."""
    if not ids or not ends:
        return ()
    rows = src.rows(_GAPS.format(people=MAX_GAP_PEOPLE, ids=_list(ids), ends=_list(ends)))
    return tuple(
        Gap(str(a), str(b), int(n), float(median), float(p90)) for a, b, n, median, p90 in rows
    )


def _splits(src: Source, tables: tuple[TableProfile, ...], ids: list[str]) -> tuple[Split, ...]:
    """For each text column of `users` with a few values: the people of each value who did each
    of the touchpoints `ids` (a `side` column splitting a marketplace's paths)."""
    users = next((t for t in tables if t.name == "users"), None)
    if users is None or users.column("user_id") is None or not ids:
        return ()
    found = []
    for column in users.columns:
        values = column.values or ()
        if not 2 <= len(values) <= MAX_SPLIT_VALUES or type_kind(column.type) != "text":
            continue
        col = exp.column(column.name, table="u", quoted=True).sql(dialect="duckdb")
        rows = src.rows(
            f"SELECT CAST({col} AS VARCHAR), e.touchpoint, count(DISTINCT e.user_id) "
            f"FROM events AS e JOIN users AS u ON e.user_id = u.user_id "
            f"WHERE list_contains({_list(ids)}, e.touchpoint) AND {col} IS NOT NULL "
            f"GROUP BY 1, 2 ORDER BY 1, 2"
        )
        found.append(Split(column.name, tuple((str(v), str(tp), int(n)) for v, tp, n in rows)))
    return tuple(found)


def _events_span(
    src: Source, events: TableProfile | None
) -> tuple[datetime | None, datetime | None, int]:
    if events is None or not _has(events, "ts", "user_id"):
        return None, None, 0
    found = src.rows("SELECT min(ts), max(ts), count(DISTINCT user_id) FROM events")
    if not found:
        return None, None, 0
    start, end, users = found[0]
    return _as_datetime(start), _as_datetime(end), int(users)


def _as_datetime(value: Any) -> datetime | None:
    return value if isinstance(value, datetime) else None


def _meta_timezone(src: Source, schema: dict[str, dict[str, str]]) -> str | None:
    """The timezone the data is in, when the demo generator or ingestion recorded it."""
    if not {"key", "value"} <= set(schema.get("_tpa_meta", {})):
        return None
    rows = src.rows("SELECT value FROM _tpa_meta WHERE key = 'timezone'")
    return str(rows[0][0]) if rows else None


def _has(table: TableProfile, *columns: str) -> bool:
    return all(table.column(c) is not None for c in columns)


def _one(src: Source, query: exp.Select) -> Sequence[Any]:
    rows = src.rows(query.sql(dialect="duckdb"))
    if not rows:
        raise ProfileError("the database returned no row for a count")
    return rows[0]


def _literal(value: str) -> str:
    """A string literal in DuckDB's dialect (quoted by sqlglot)."""
    return exp.convert(value).sql(dialect="duckdb")


def _list(values: Sequence[str]) -> str:
    """A list literal of strings in DuckDB's dialect (quoted by sqlglot)."""
    return exp.convert(list(values)).sql(dialect="duckdb")


__all__ = [
    "MAX_VALUES",
    "ProfileError",
    "journey_gaps",
    "profile_database",
    "profile_engine",
    "profile_source",
]
