"""Rows ingestion cannot accept (malformed, invalid, duplicate) go to `quarantine` with a reason."""

from __future__ import annotations

from ..canonical import QUARANTINE, create_table_sql
from .mapping import HASH, KIND, REASON, ROW, MappingPlan, raw_json_sql
from .progress import Runner
from .readers import FILE_ID, RawTable
from .sqltext import ident, string_lit

STAGE = "_tpa_stage_quarantine"
DUPLICATE = "duplicate"


def create_stage(runner: Runner) -> None:
    runner.execute(create_table_sql(QUARANTINE, STAGE))


def quarantine_rejects(runner: Runner, source: str, target: str, index: int) -> None:
    """Rows the readers could not parse at all (malformed CSV rows, bad JSON lines)."""
    runner.execute(f"""
        INSERT INTO {STAGE}
        SELECT {string_lit(source)}, f.file, x.line, {string_lit(target)}, x.reason, x.raw
        FROM _tpa_rejects_{index} x JOIN _tpa_files_{index} f USING (file_id)
        ORDER BY x.file_id, x.line""")


def mark_duplicates(runner: Runner, plan: MappingPlan, raw: RawTable) -> int:
    """Give exact duplicates of an earlier accepted row the reason 'duplicate of line N'."""
    table, content = plan.table, ", ".join(ident(c) for c in plan.content)
    if not content:
        return 0
    runner.execute(f"""
        CREATE OR REPLACE TEMP TABLE _tpa_dups AS
        SELECT {ROW}, {FILE_ID}, first_row FROM (
          SELECT {ROW}, {FILE_ID},
                 first_value({ROW}) OVER (PARTITION BY {content} ORDER BY {ROW}) AS first_row
          FROM {table}
          WHERE {REASON} IS NULL AND {HASH} IN (
            SELECT {HASH} FROM {table} WHERE {REASON} IS NULL GROUP BY {HASH} HAVING count(*) > 1))
        WHERE {ROW} <> first_row""")
    found = int(runner.scalar("SELECT count(*) FROM _tpa_dups"))
    if found:
        runner.execute(f"""
            UPDATE {table} AS m
            SET {REASON} = x.reason, {KIND} = {string_lit(DUPLICATE)}
            FROM (SELECT d.{ROW}, 'duplicate of line ' || ({raw.line_sql}) || CASE
                           WHEN r.{FILE_ID} <> d.{FILE_ID} THEN ' of ' || f.file ELSE '' END
                           AS reason
                  FROM _tpa_dups d JOIN {raw.table} r ON r.rowid = d.first_row {raw.joins}) x
            WHERE m.{ROW} = x.{ROW}""")
    return found


def quarantine_rows(runner: Runner, plan: MappingPlan, raw: RawTable) -> None:
    """Rows mapping rejected (or marked duplicate), with their line and the raw row as JSON."""
    runner.execute(f"""
        CREATE OR REPLACE TEMP TABLE _tpa_bad AS
        SELECT {ROW}, {REASON} FROM {plan.table} WHERE {REASON} IS NOT NULL""")
    runner.execute(f"""
        INSERT INTO {STAGE}
        SELECT {string_lit(plan.source.name)}, f.file, {raw.line_sql},
               {string_lit(plan.source.table)}, b.{REASON}, {raw_json_sql(raw)}
        FROM _tpa_bad b JOIN {raw.table} r ON r.rowid = b.{ROW} {raw.joins}
        ORDER BY b.{ROW}""")


def reason_counts(runner: Runner, plan: MappingPlan) -> dict[str, int]:
    """Rows not accepted, by kind of reason (duplicates included under 'duplicate')."""
    counts: dict[str, int] = {}
    rows = runner.rows(f"""
        SELECT {KIND}, count(*) FROM {plan.table} WHERE {REASON} IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT split_part(reason, ':', 1), count(*) FROM _tpa_rejects_{plan.index} GROUP BY ALL""")
    for kind, n in rows:
        counts[str(kind)] = counts.get(str(kind), 0) + int(n)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
