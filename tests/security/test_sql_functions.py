"""Raw SQL calls only DuckDB functions on a positive list; every function DuckDB has is either
allowed or denied by name, so an upgrade cannot add one silently (issue 14, leak 2)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from semantic_layer.functions import ALLOWED, COMPILER_ONLY, functions_in, refused_functions
from semantic_layer.functions_denied import DENIED
from semantic_layer.guard import GuardError, check, restrict

GOLDEN = Path(__file__).parents[1] / "golden" / "compile"
EAST = {"events": None, "users": None}


def test_every_duckdb_function_is_allowed_or_denied() -> None:
    with duckdb.connect() as con:
        names = {
            str(r[0]) for r in con.sql("SELECT function_name FROM duckdb_functions()").fetchall()
        }
    unclassified = sorted(names - ALLOWED - DENIED)
    assert not unclassified, (
        f"DuckDB {duckdb.__version__} has functions neither allowed nor denied: {unclassified}; "
        "add each to semantic_layer/functions.py (ALLOWED) or functions_denied.py (DENIED)"
    )
    assert not ALLOWED & DENIED
    assert not ALLOWED - names, "ALLOWED names a function DuckDB does not have"


def test_the_positive_list_covers_what_the_compiler_writes() -> None:
    """The list is derived from the semantic layer: every function in its golden SQL is on it."""
    used: set[str] = set()
    for file in sorted(GOLDEN.glob("*.sql")):
        for query in re.split(r"\n(?=WITH |SELECT )", file.read_text(encoding="utf-8")):
            used |= {name for _, name in functions_in(query)}
    assert used, "no golden SQL was read"
    assert not used - ALLOWED - COMPILER_ONLY, sorted(used - ALLOWED - COMPILER_ONLY)


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("SELECT stats(revenue) FROM events", "stats"),  # min/max ignore the row filter
        ("SELECT json_serialize_plan('SELECT * FROM secret') FROM events", "json_serialize_plan"),
        ("SELECT json_serialize_sql('SELECT 1') FROM events", "json_serialize_sql"),
        ("SELECT list_aggregate([1], 'stats') FROM events", "list_aggregate"),
        ("SELECT list_sum(range(100000000)) FROM events", "range"),
        ("SELECT repeat('x', 100000000) FROM events", "repeat"),
        ("SELECT main.stats(revenue) FROM events", "main.stats"),
        ("SELECT system.main.sum(revenue) FROM events", "system.main.sum"),
        ("SELECT current_setting('memory_limit') FROM events", "current_setting"),
        ("SELECT alias(revenue), typeof(revenue) FROM events", "alias"),
        ("SELECT sleep_ms(100000) FROM events", "sleep_ms"),
        ("SELECT invoke(1) FROM events", "invoke"),
    ],
)
def test_functions_off_the_list_are_refused(sql: str, named: str) -> None:
    assert named in refused_functions(sql)
    with pytest.raises(GuardError) as caught:
        restrict(check(sql, EAST), EAST)
    assert caught.value.rule in ("function", "node")


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT region, count(DISTINCT user_id), sum(revenue) / nullif(count(*), 0) FROM events "
        "JOIN users USING (user_id) GROUP BY ALL",
        "SELECT date_trunc('week', ts) AS w, median(revenue), quantile_cont(revenue, 0.9) "
        "FROM events GROUP BY 1 ORDER BY 1",
        "SELECT user_id, row_number() OVER (PARTITION BY user_id ORDER BY ts), "
        "lag(ts) OVER (ORDER BY ts) FROM events",
        "SELECT strftime(ts, '%Y-%m'), lower(channel) || '-' || upper(touchpoint), "
        "coalesce(revenue, 0), CASE WHEN revenue > 0 THEN 1 ELSE 0 END FROM events "
        "WHERE channel LIKE 'a%' AND ts >= current_date - INTERVAL 7 DAY",
    ],
)
def test_an_analysts_plain_sql_passes(sql: str) -> None:
    assert refused_functions(sql) == []
    restrict(check(sql, EAST), EAST)
