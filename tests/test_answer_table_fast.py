"""`ResultTable`'s fast paths give what the per-cell conversion gives (issue 15: a retention
answer's 2,000-row table was turned into JSON one cell at a time, and into dicts twice)."""

from __future__ import annotations

import duckdb

from assistant.answer.table import ResultTable, json_value
from semantic_layer.plan import parse_plan

SQL = """
SELECT * FROM (VALUES
    ('a', 1::INTEGER, 2::BIGINT, true, 1.5::DOUBLE, 'NaN'::DOUBLE, 3.25::DECIMAL(9, 2),
     TIMESTAMP '2026-11-16', TIMESTAMP '2026-11-16 08:30:00', DATE '2026-11-01', NULL::VARCHAR,
     [1, 2]),
    (NULL, NULL, NULL, NULL, NULL, 2.0, NULL, NULL, NULL, NULL, 'x', NULL)
) t(s, i, b, f, d, nan, dec, midnight, ts, day, maybe, list)
"""


def _table() -> ResultTable:
    with duckdb.connect() as con:
        cursor = con.execute(SQL)
        types = tuple(str(d[1]) for d in cursor.description)
        columns = tuple(str(d[0]) for d in cursor.description)
        rows = tuple(tuple(r) for r in cursor.fetchall())
    plan = parse_plan({"kind": "metric", "metrics": ["revenue"]})
    return ResultTable(plan, columns, types, rows)


def test_json_rows_equal_the_per_cell_conversion() -> None:
    table = _table()
    slow = [[json_value(v) for v in row] for row in table.rows]
    assert table.json_rows() == slow
    assert slow[0][5] is None and slow[0][7] == "2026-11-16" and slow[0][6] == 3.25
    untyped = ResultTable(table.plan, table.columns, (), table.rows)  # no types: cell by cell
    assert untyped.json_rows() == slow


def test_records_are_made_once_and_each_call_gets_its_own_list() -> None:
    table = _table()
    first, second = table.records(), table.records()
    assert first == [dict(zip(table.columns, row, strict=True)) for row in table.rows]
    assert first is not second and first[0] is second[0]  # one set of dicts, shared
    first.pop()
    assert len(table.records()) == 2
