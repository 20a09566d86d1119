"""Staging tables and the swap: everything is built in `_tpa_stage_<table>`, then replaces the old
tables in one transaction, so a failure half way leaves the previous tables untouched.

The same transaction records facts about the data in `_tpa_meta(key, value)` (the timezone times
were converted to), which `tpa init` reads. Like every `_`-table it is not part of the model, and
queries cannot reach it.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..aggregates import build_statements, registered
from ..canonical import TABLES, create_table_sql
from ..loads import load_statements
from .mapping import REASON, ROW, MappingPlan
from .progress import Runner
from .sqltext import ident, string_lit
from .stitching import PERSONS

PREFIX = "_tpa_stage_"
META = "_tpa_meta"
_USERS_ROWS = "_tpa_users_rows"


def stage(table: str) -> str:
    return f"{PREFIX}{table}"


def drop_stages(runner: Runner) -> None:
    """Drop staging tables of this or an earlier, interrupted run."""
    names = runner.rows(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        f"AND NOT temporary AND starts_with(table_name, {string_lit(PREFIX)})"
    )
    for (name,) in names:
        runner.execute(f"DROP TABLE IF EXISTS {ident(str(name))}")


def extra_columns(plans: list[MappingPlan]) -> dict[str, dict[str, str]]:
    """Per target table: its extra (non-canonical) columns and their types, in config order."""
    extras: dict[str, dict[str, str]] = {}
    for plan in plans:
        table = plan.source.target
        for column in plan.columns:
            if column.target not in table.column_names:
                extras.setdefault(table.name, {})[column.target] = column.type
    return extras


def create_stages(runner: Runner, tables: list[str], extras: dict[str, dict[str, str]]) -> None:
    for name in tables:
        runner.execute(create_table_sql(TABLES[name], stage(name), extras.get(name)))
    if "users" in tables:  # rows of users sources, before merging them per person
        runner.execute(
            f"CREATE OR REPLACE TEMP TABLE {_USERS_ROWS} AS "
            f"SELECT *, NULL::BIGINT AS _tpa_order FROM {stage('users')} WHERE false"
        )


def load_rows(runner: Runner, plan: MappingPlan) -> None:
    """Insert a source's accepted rows into its staging table, with the stitched user_id."""
    source = plan.source
    if source.table == "identity_links":
        return  # links-only: its identifiers fed the stitching
    outputs = {c.target: f"m.{ident(c.target)}" for c in plan.columns}
    joins = ""
    if "user_id" in source.target.column_names:
        outputs["user_id"] = "p.user_id"
        joins = f"JOIN {PERSONS} p ON {_anchor(plan)}"
    if source.table == "events":  # generated where the source has none
        given = outputs.get("event_id", "NULL::VARCHAR")
        outputs["event_id"] = f"CASE WHEN {given} IS NULL THEN {_event_id(plan)} ELSE {given} END"
    into = stage(source.table)
    if source.table == "users":
        outputs["_tpa_order"] = f"({plan.index}::BIGINT << 40) + m.{ROW}"
        into = _USERS_ROWS
    selected = ", ".join(f"{sql} AS {ident(name)}" for name, sql in outputs.items())
    runner.execute(
        f"INSERT INTO {into} BY NAME SELECT {selected} "
        f"FROM {plan.table} m {joins} WHERE m.{REASON} IS NULL"
    )


def _anchor(plan: MappingPlan) -> str:
    """Join condition from a row to its person: the first identifier the row has."""
    kinds = [k for k, _ in plan.identifiers]
    cols = [f"m.{ident(c)}" for c in plan.id_columns]
    if len(cols) == 1:
        return f"p.kind = {string_lit(kinds[0])} AND p.value = {cols[0]}"
    kind = (
        "CASE "
        + " ".join(
            f"WHEN {c} IS NOT NULL THEN {string_lit(k)}" for k, c in zip(kinds, cols, strict=True)
        )
        + " END"
    )
    return f"p.kind = {kind} AND p.value = coalesce({', '.join(cols)})"


def _event_id(plan: MappingPlan) -> str:
    """A deterministic id: md5 of the source name and the row's mapped content."""
    content = ", ".join(f"CAST(m.{ident(c)} AS VARCHAR)" for c in plan.content)
    return (
        f"'E' || left(md5({string_lit(plan.source.name + chr(31))} || "
        f"CAST(to_json([{content}]::VARCHAR[]) AS VARCHAR)), 20)"
    )


def merge_users(runner: Runner, extras: dict[str, str]) -> None:
    """One row per person: for each column the earliest non-empty value (source order, then line);
    `first_seen_ts` is the earliest."""
    columns = [c for c in (*TABLES["users"].column_names, *extras) if c != "user_id"]
    picks = [
        f"min({ident(c)}) AS {ident(c)}"
        if c == "first_seen_ts"
        else f"arg_min({ident(c)}, _tpa_order) FILTER (WHERE {ident(c)} IS NOT NULL) AS {ident(c)}"
        for c in columns
    ]
    runner.execute(
        f"INSERT INTO {stage('users')} BY NAME SELECT user_id, {', '.join(picks)} "
        f"FROM {_USERS_ROWS} GROUP BY user_id"
    )


def swap(runner: Runner, tables: list[str], meta: Mapping[str, str] | None = None) -> None:
    """Replace each table by its staging table and set the `meta` keys, in one transaction."""
    kinds = dict(
        runner.rows(
            "SELECT table_name, table_type FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema = 'main'"
        )
    )
    statements = []
    for name in tables:
        existing = kinds.get(name)
        if existing == "VIEW":
            statements.append(f"DROP VIEW {ident(name)}")
        elif existing is not None:
            statements.append(f"DROP TABLE {ident(name)}")
        statements.append(f"ALTER TABLE {ident(stage(name))} RENAME TO {ident(name)}")
    if meta:
        keys = ", ".join(string_lit(k) for k in meta)
        rows = ", ".join(f"({string_lit(k)}, {string_lit(v)})" for k, v in meta.items())
        statements += [
            f"CREATE TABLE IF NOT EXISTS {META} (key VARCHAR, value VARCHAR)",
            f"DELETE FROM {META} WHERE key IN ({keys})",
            f"INSERT INTO {META} VALUES {rows}",
        ]
    statements += load_statements("ingest")  # a new data version: cached answers are stale
    if "events" in tables or kinds.get("events") == "BASE TABLE":
        # pre-aggregates of the new events, same transaction (and the per-conversion tables the
        # database was given before, with their keys)
        statements += build_statements(touches=registered(runner.rows))
    runner.execute("BEGIN TRANSACTION")
    try:
        for statement in statements:
            runner.execute(statement)
        runner.execute("COMMIT")
    except BaseException:
        runner.execute("ROLLBACK")
        raise
