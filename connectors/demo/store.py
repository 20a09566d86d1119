"""The DuckDB side: staging tables per chunk, then the canonical tables written in time order.

Chunks are appended to `_stage_*` tables holding integer codes; `finalise` writes every canonical
table with `create_table_sql`, turning codes into labels and numbers into string ids, sorted by
time so that range scans prune well, and drops the staging tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
from sqlglot import exp

from connectors.aggregates import build_statements
from connectors.canonical import EVENTS, FEEDBACK, TICKETS, USERS, create_table_sql
from connectors.demo.catalog import (
    AGE_BANDS,
    CAMPAIGNS,
    CATEGORIES,
    CHANNELS,
    CITIES,
    DEVICES,
    FEEDBACK_KINDS,
    GENDERS,
    REGIONS,
    SEGMENTS,
    TIERS,
    TOUCHPOINT_IDS,
)
from connectors.demo.comments import COMMENTS
from connectors.loads import load_statements
from semantic_layer.compile.touches import TouchesKey, model_key

EVENT_EXTRA = {"device": "VARCHAR", "region": "VARCHAR", "city": "VARCHAR"}
USER_EXTRA = {"gender": "VARCHAR", "age_band": "VARCHAR"}
STAGES = ("events", "users", "tickets", "feedback")


def connect(path: Path, memory_limit: str, temp_dir: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute(f"SET memory_limit = {_text(memory_limit)}")
    con.execute(f"SET temp_directory = {_text(str(temp_dir))}")
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")  # ours is the rich bar, when asked for
    return con


def append(con: duckdb.DuckDBPyConnection, stage: str, table: pa.Table, first: bool) -> None:
    """Append one chunk's arrow table to staging table `_stage_<stage>`."""
    con.register("_chunk", table)
    try:
        verb = f"CREATE TABLE _stage_{stage} AS" if first else f"INSERT INTO _stage_{stage}"
        con.execute(f"{verb} SELECT * FROM _chunk")
    finally:
        con.unregister("_chunk")


def finalise(con: duckdb.DuckDBPyConnection) -> None:
    """Write events, users, tickets and feedback from the staging tables."""
    _write(con, create_table_sql(EVENTS, extra=EVENT_EXTRA), _events_sql())
    _write(con, create_table_sql(USERS, extra=USER_EXTRA), _users_sql())
    _write(con, create_table_sql(TICKETS), _tickets_sql())
    _write(con, create_table_sql(FEEDBACK), _feedback_sql())


def drop_stages(con: duckdb.DuckDBPyConnection) -> None:
    for stage in STAGES:
        con.execute(f"DROP TABLE IF EXISTS _stage_{stage}")


def _write(con: duckdb.DuckDBPyConnection, create: str, insert: str) -> None:
    con.execute(create)
    con.execute(insert)


def _text(value: str) -> str:
    return exp.Literal.string(value).sql(dialect="duckdb")


def label(column: str, values: Sequence[str]) -> str:
    """SQL turning a 0-based integer code into its label (NULL stays NULL)."""
    array = exp.Array(expressions=[exp.Literal.string(v) for v in values]).sql(dialect="duckdb")
    return f"{array}[{column} + 1]"


def ident(prefix: str, column: str, width: int) -> str:
    """SQL for a string id: prefix + zero-padded number (NULL stays NULL)."""
    return f"'{prefix}' || lpad(CAST({column} AS VARCHAR), {width}, '0')"


def _events_sql() -> str:
    return f"""
        INSERT INTO events
        SELECT {ident("E", "event_no", 10)}, {ident("U", "user_no", 9)}, ts,
               {label("channel", CHANNELS)}, {label("touchpoint", TOUCHPOINT_IDS)},
               {ident("S", "session_no", 10)}, {label("campaign", CAMPAIGNS)}, revenue,
               {ident("O", "order_no", 10)}, {label("device", DEVICES)},
               {label("region", REGIONS)}, {label("city", CITIES)}
        FROM _stage_events ORDER BY ts, event_no"""


def _users_sql() -> str:
    return f"""
        INSERT INTO users
        SELECT {ident("U", "user_no", 9)}, first_seen_ts, {label("segment", SEGMENTS)},
               {label("member_tier", TIERS)}, {label("region", REGIONS)},
               {label("city", CITIES)}, {label("acquisition_channel", CHANNELS)},
               {label("gender", GENDERS)}, {label("age_band", AGE_BANDS)}
        FROM _stage_users ORDER BY user_no"""


def _tickets_sql() -> str:
    return f"""
        INSERT INTO tickets
        SELECT {ident("T", "ticket_no", 9)}, {ident("U", "user_no", 9)},
               {label("channel", CHANNELS)}, opened_ts, first_response_ts, resolved_ts,
               {label("category", CATEGORIES)}, is_complaint, csat
        FROM _stage_tickets ORDER BY opened_ts, ticket_no"""


def _feedback_sql() -> str:
    return f"""
        INSERT INTO feedback
        SELECT {ident("U", "user_no", 9)}, ts, {label("channel", CHANNELS)},
               {label("touchpoint", TOUCHPOINT_IDS)}, {label("kind", FEEDBACK_KINDS)}, score,
               {label("comment", COMMENTS)}
        FROM _stage_feedback ORDER BY ts, feedback_no"""


def demo_touches() -> list[TouchesKey]:
    """The per-conversion table of the demo model's default attribution (`touches.py`)."""
    from semantic_layer.model import demo_model

    key = model_key(demo_model().spec)
    return [key] if key is not None else []


def write_meta(con: duckdb.DuckDBPyConnection, meta: dict[str, str]) -> None:
    """The `_tpa_meta(key, value)` table: how and when the data was generated."""
    con.execute("CREATE OR REPLACE TABLE _tpa_meta (key VARCHAR, value VARCHAR)")
    con.executemany("INSERT INTO _tpa_meta VALUES (?, ?)", list(meta.items()))
    for statement in load_statements("demo"):  # the data version the answer cache keys on
        con.execute(statement)
    # pre-aggregates tagged with that version, the demo model's attribution among them
    for statement in build_statements(touches=demo_touches()):
        con.execute(statement)
