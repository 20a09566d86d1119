"""Building the exact pre-aggregated tables (`semantic_layer/compile/aggregates.py`) and telling
which ones are current.

Every load (`tpa ingest`, the demo build) runs `build_statements` inside its own transaction,
after `load_statements`: the tables are rebuilt from the new events and tagged in
`_tpa_aggregates` with the version of `_tpa_loads` they were built from. A reader trusts a table
only while that tag equals the version of the loads it sees (`CURRENT_SQL`), so a table left from
an older load (a database written by another tool, or by a version of this one without the table)
is never read: the compiler then reads the raw events. Like every `_`-table they are not part of
the semantic model, and questions cannot name them. DuckDB SQL: other engines report none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from connectors.loads import LOADS_TABLE
from semantic_layer.compile.aggregates import (
    ALL,
    BY_TOUCHPOINT,
    FIRST_TOUCH,
    STEPS,
    TOUCHES_PREFIX,
    USER_DAYS,
    known,
)
from semantic_layer.compile.touches import TouchesKey, build, model_key, unique_ids

if TYPE_CHECKING:
    import duckdb

    from connectors.engines.base import Engine
    from semantic_layer.model.spec import ModelSpec

AGGREGATES_TABLE: Final = "_tpa_aggregates"

_LOADS_VERSION: Final = (
    f"(SELECT md5(coalesce(string_agg(load_id, ',' ORDER BY load_id), '')) FROM {LOADS_TABLE})"
)

# Each person's first event, overall (touchpoint NULL) and per touchpoint; ordered by time so a
# range of first events reads few row groups.
_FIRST_TOUCH_SQL: Final = f"""
CREATE OR REPLACE TABLE {FIRST_TOUCH} AS
WITH per_touchpoint AS (
    SELECT user_id, touchpoint, min(ts) AS first_ts
    FROM events
    WHERE user_id IS NOT NULL AND touchpoint IS NOT NULL AND ts IS NOT NULL
    GROUP BY user_id, touchpoint
)
SELECT user_id, touchpoint, first_ts FROM (
    SELECT user_id, touchpoint, first_ts FROM per_touchpoint
    UNION ALL
    SELECT user_id, NULL, min(first_ts) FROM per_touchpoint GROUP BY user_id
)
ORDER BY first_ts, touchpoint NULLS FIRST, user_id
"""

# The days each person was active (midnight TIMESTAMPs, so they truncate like `ts`), by day.
_USER_DAYS_SQL: Final = f"""
CREATE OR REPLACE TABLE {USER_DAYS} AS
SELECT DISTINCT user_id, date_trunc('day', ts) AS day
FROM events
WHERE user_id IS NOT NULL AND ts IS NOT NULL
ORDER BY day, user_id
"""

# Each event with its person's neighbours in the two orders the analyses walk (paths: ts then
# touchpoint; attribution: ts then event_id), the default NULL order of both; by touchpoint, then
# time, so one touchpoint's range reads few row groups.
_STEPS_SQL: Final = f"""
CREATE OR REPLACE TABLE {STEPS} AS
SELECT user_id, ts, touchpoint, event_id, channel,
    lag(ts) OVER p AS p_prev_ts, lag(touchpoint) OVER p AS p_prev_tp,
    lead(ts) OVER p AS p_next_ts, lead(touchpoint) OVER p AS p_next_tp,
    lag(ts) OVER a AS a_prev_ts, lead(ts) OVER a AS a_next_ts,
    lag(channel) OVER a AS a_prev_channel, lead(channel) OVER a AS a_next_channel,
    lag(touchpoint) OVER a AS a_prev_touchpoint, lead(touchpoint) OVER a AS a_next_touchpoint
FROM events
WINDOW p AS (PARTITION BY user_id ORDER BY ts, touchpoint),
    a AS (PARTITION BY user_id ORDER BY ts, event_id)
ORDER BY touchpoint, ts
"""


# The events themselves, clustered by touchpoint then time (all columns, so exact for any read).
_BY_TOUCHPOINT_SQL: Final = f"""
CREATE OR REPLACE TABLE {BY_TOUCHPOINT} AS
SELECT * FROM events ORDER BY touchpoint, ts
"""

_BUILDS: Final = {
    FIRST_TOUCH: _FIRST_TOUCH_SQL,
    USER_DAYS: _USER_DAYS_SQL,
    STEPS: _STEPS_SQL,
    BY_TOUCHPOINT: _BY_TOUCHPOINT_SQL,
}


def build_statements(
    names: frozenset[str] = ALL, touches: Iterable[TouchesKey] = (), *, load: bool = True
) -> list[str]:
    """SQL that rebuilds the pre-aggregates `names` (default: every one) and the per-conversion
    tables of the keys `touches` from `events`, and tags them with the loads' version (a
    per-conversion table also with its key, and only where it is exact: `touches.unique_ids`);
    run it in the load's transaction after `load_statements`, so a failed load changes nothing.
    Tags of the others are kept (a stale one is never read); for a `load` (new events) the
    per-conversion tables not rebuilt lose their version, keeping their key for `ensure`."""
    chosen = sorted(names & ALL)
    keys = sorted(set(touches), key=lambda k: k.table)
    quoted = ", ".join(_quote(name) for name in [*chosen, *(k.table for k in keys)])
    statements = [
        *(_BUILDS[name] for name in chosen),
        *(f"CREATE OR REPLACE TABLE {k.table} AS {build(k).sql('duckdb')}" for k in keys),
        f"CREATE TABLE IF NOT EXISTS {AGGREGATES_TABLE} "
        "(name VARCHAR, version VARCHAR, params VARCHAR)",
        f"ALTER TABLE {AGGREGATES_TABLE} ADD COLUMN IF NOT EXISTS params VARCHAR",
    ]
    if load:
        kept = f"AND name NOT IN ({quoted})" if quoted else ""
        statements.append(
            f"UPDATE {AGGREGATES_TABLE} SET version = NULL "
            f"WHERE starts_with(name, '{TOUCHES_PREFIX}') {kept}"
        )
    if quoted:
        statements.append(f"DELETE FROM {AGGREGATES_TABLE} WHERE name IN ({quoted})")
    if chosen:
        listed = ", ".join(f"({_quote(name)})" for name in chosen)
        statements.append(
            f"INSERT INTO {AGGREGATES_TABLE} (name, version) "
            f"SELECT name, {_LOADS_VERSION} FROM (VALUES {listed}) v(name)"
        )
    statements += [
        f"INSERT INTO {AGGREGATES_TABLE} (name, version, params) "
        f"SELECT {_quote(k.table)}, {_LOADS_VERSION}, {_quote(k.params())} "
        f"WHERE ({unique_ids(k).sql('duckdb')})"
        for k in keys
    ]
    return statements


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


REGISTERED_SQL: Final = (
    f"SELECT params FROM {AGGREGATES_TABLE} WHERE starts_with(name, '{TOUCHES_PREFIX}')"
)
"""The keys of the per-conversion tables a database was given (current or not)."""


def registered(rows: Callable[[str], Iterable[tuple[Any, ...]]]) -> list[TouchesKey]:
    """The keys of the per-conversion tables the database was given, which every later load
    rebuilds; `rows` runs a query (an empty list when the database has none, or no tags)."""
    import duckdb

    try:
        found = rows(REGISTERED_SQL)
    except duckdb.Error:  # no tags, or tags from before per-conversion tables
        return []
    keys = (TouchesKey.from_params(str(r[0])) for r in found if r[0] is not None)
    return sorted({k for k in keys if k is not None}, key=lambda k: k.table)


CURRENT_SQL: Final = f"SELECT name FROM {AGGREGATES_TABLE} WHERE version = {_LOADS_VERSION}"
"""The pre-aggregates built from exactly the loads the database holds."""


def current(engine: Engine) -> frozenset[str]:
    """The pre-aggregates `engine` may read: those built from its database's current loads
    (none on engines other than DuckDB, or when the database has none)."""
    from connectors.engine import EngineError

    if engine.dialect != "duckdb":
        return frozenset()
    try:
        rows = engine.run(CURRENT_SQL, row_cap=100).rows
    except EngineError:  # no such table: built before pre-aggregates, or by another tool
        return frozenset()
    return known(str(r[0]) for r in rows)


def ensure(path: Path, model: ModelSpec | None = None, *, memory_limit: str | None = None) -> bool:
    """Give the DuckDB database at `path` the current pre-aggregates it lacks (a database loaded
    before they existed), in one transaction, leaving those already current alone: every load's
    own, the per-conversion tables it was given before, and with `model` the one of the model's
    default attribution (`touches.model_key`). `memory_limit` (e.g. "4GB"): DuckDB's, beyond
    which it spills beside the file (default: DuckDB's own, 80% of the machine's memory). False
    when it cannot be written now (open elsewhere): it is then read without them, as before."""
    import duckdb

    try:
        with duckdb.connect(str(path)) as con:
            con.execute("SET enable_progress_bar = false")
            if memory_limit is not None:
                con.execute(f"SET memory_limit = {_quote(memory_limit)}")
            try:
                have = {str(r[0]) for r in con.execute(CURRENT_SQL).fetchall()}
            except duckdb.CatalogException:
                have = set()
            wanted = set(registered(lambda sql: con.execute(sql).fetchall()))
            key = model_key(model) if model is not None else None
            if key is not None:
                wanted.add(key)
            missing = ALL - have
            stale = {k for k in wanted if k.table not in have and _exact(con, k)}
            if not missing and not stale:
                return True
            con.execute("BEGIN TRANSACTION")
            try:
                for statement in build_statements(frozenset(missing), stale, load=False):
                    con.execute(statement)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
    except duckdb.Error:
        return False
    return True


def _exact(con: duckdb.DuckDBPyConnection, key: TouchesKey) -> bool:
    """Whether the per-conversion table of `key` would be exact (and so tagged) for the events
    `con` holds: else building it is wasted, again at every `ensure`."""
    row = con.execute(unique_ids(key).sql("duckdb")).fetchone()
    return bool(row and row[0])


__all__ = [
    "AGGREGATES_TABLE",
    "CURRENT_SQL",
    "build_statements",
    "current",
    "ensure",
    "registered",
]
