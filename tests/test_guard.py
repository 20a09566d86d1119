"""The static SQL guard: one read-only SELECT over allowed tables, checked on the tree."""

from __future__ import annotations

import pytest
from sqlglot import exp

from semantic_layer.guard import GuardError, check, restrict

ALLOWED = {"events", "users"}

SAFE = [
    "SELECT touchpoint, count(DISTINCT user_id) FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
    "WITH u AS (SELECT user_id FROM users WHERE region = 'East') "
    "SELECT count(*) FROM events e JOIN u USING (user_id)",
    "SELECT channel FROM events UNION ALL SELECT region FROM users",
    "SELECT date_trunc('week', ts) AS w, median(revenue) FILTER (WHERE revenue > 0) FROM events "
    "GROUP BY ALL",
    "SELECT user_id, row_number() OVER (PARTITION BY user_id ORDER BY ts) FROM events "
    "QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY ts) = 1",
    "SELECT * FROM events AS users_alias WHERE ts >= TIMESTAMP '2026-01-01' "
    "AND ts < TIMESTAMP '2026-01-01' + INTERVAL 7 DAY",
    "WITH a AS (SELECT user_id FROM events), b AS (SELECT * FROM a) SELECT * FROM b",
    "WITH x AS (SELECT 1 AS n) SELECT * FROM (WITH y AS (SELECT * FROM x) SELECT * FROM y)",
    "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
    "WITH x AS (SELECT 1 AS n) SELECT * FROM x UNION ALL SELECT * FROM x",
    "SELECT current_date, now(), date_diff('day', min(ts), max(ts)) FROM events",
]

REFUSED = {
    "SELECT 1; DROP TABLE events": "statement",
    "DROP TABLE events": "statement",
    "COPY events TO '/tmp/x.csv'": "statement",
    "ATTACH '/tmp/x.db'": "statement",
    "INSTALL httpfs": "statement",
    "LOAD httpfs": "statement",
    "SET threads = 1": "statement",
    "PRAGMA version": "statement",
    "CALL duckdb_settings()": "statement",
    "CHECKPOINT": "statement",
    "CREATE TABLE x AS SELECT 1": "statement",
    "SELECT * FROM read_csv('/etc/passwd')": "function",
    "SELECT read_text('/etc/passwd')": "function",
    "SELECT * FROM glob('*')": "function",
    "SELECT * FROM '/etc/passwd'": "table",
    "SELECT * FROM information_schema.tables": "table",
    "SELECT * FROM duckdb_settings()": "function",
    "SELECT * FROM range(10)": "table",
    "SELECT current_setting('threads')": "function",
    "SELECT getenv('HOME')": "function",
    "SELECT * FROM secrets": "table",
    "WITH events AS (SELECT * FROM users) SELECT * FROM events": "shadow",
    "SELECT * FROM (SELECT * FROM users) AS events": "shadow",
    "SELECT * FROM main.events": "table",
    "SELECT query('SELECT 1')": "function",
    "SELECT current_query()": "function",
    "SELECT version()": "function",
    "SELECT getvariable('x')": "function",
    "SELECT pg_sleep(10)": "function",
    "SELECT has_table_privilege('secrets', 'select')": "function",
    "SELECT nextval('s')": "function",
    # A name is a CTE only where DuckDB binds it to one; elsewhere it reads the stored table.
    "SELECT * FROM secrets, (WITH secrets AS (SELECT 1) SELECT * FROM secrets) q": "table",
    "SELECT * FROM secrets UNION ALL (WITH secrets AS (SELECT 1) SELECT * FROM secrets)": "table",
    "WITH a AS (SELECT * FROM secrets), secrets AS (SELECT 1) SELECT * FROM a": "table",
    "WITH secrets AS (SELECT * FROM secrets) SELECT * FROM secrets": "table",
    "WITH RECURSIVE secrets AS (SELECT * FROM secrets UNION ALL SELECT * FROM secrets) "
    "SELECT * FROM secrets": "table",
    "SELECT (WITH s AS (SELECT 1) SELECT * FROM s) FROM events WHERE 1 IN (SELECT * FROM s)": (
        "table"
    ),
}


@pytest.mark.parametrize("sql", SAFE)
def test_safe_queries_pass(sql: str) -> None:
    assert check(sql, ALLOWED).tables <= ALLOWED


@pytest.mark.parametrize(("sql", "rule"), REFUSED.items())
def test_unsafe_queries_are_refused_by_the_right_rule(sql: str, rule: str) -> None:
    with pytest.raises(GuardError) as caught:
        check(sql, ALLOWED)
    assert caught.value.rule == rule, caught.value.message


def test_size_limits() -> None:
    with pytest.raises(GuardError, match="characters"):
        check("SELECT " + "1 + " * 10_000 + "1", ALLOWED)
    deep = "SELECT " + "(" * 100 + "1" + ")" * 100
    with pytest.raises(GuardError) as caught:
        check(deep, ALLOWED)
    assert caught.value.rule == "size"


def test_statements_are_named_with_their_article() -> None:
    with pytest.raises(GuardError, match="not an INSERT statement"):
        check("INSERT INTO events VALUES (1)", ALLOWED)


def test_comments_do_not_survive_the_check() -> None:
    """What runs is the checked tree rendered again, without text that hid in a comment."""
    checked = check("SELECT 1 AS n -- */ SELECT * FROM secrets; /*\n", ALLOWED)
    assert checked.tree.sql("duckdb") == "SELECT 1 AS n"
    checked = check("SELECT /* ; DROP TABLE events */ count(*) FROM events", ALLOWED)
    assert checked.tree.sql("duckdb") == "SELECT COUNT(*) FROM events"


def test_parse_errors_say_where() -> None:
    with pytest.raises(GuardError, match="line 1"):
        check("SELECT FROM WHERE (", ALLOWED)


def test_restrict_wraps_every_real_table_in_its_row_filter() -> None:
    checked = check(
        "WITH x AS (SELECT user_id FROM events) "
        "SELECT count(*) FROM x JOIN users u USING (user_id)",
        ALLOWED,
    )
    east = exp.condition("region = 'East'")
    sql = restrict(checked, {"events": east, "users": east}).sql("duckdb")
    assert sql.count("WHERE region = 'East'") == 2
    assert "JOIN (SELECT * FROM users WHERE region = 'East') AS u" in sql


def test_restrict_leaves_cte_references_and_wraps_real_tables_inside_ctes() -> None:
    checked = check(
        "WITH e AS (SELECT * FROM events), f AS (SELECT * FROM e) SELECT * FROM f, events",
        ALLOWED,
    )
    east = exp.condition("region = 'East'")
    sql = restrict(checked, {"events": east, "users": east}).sql("duckdb")
    assert sql.count("(SELECT * FROM events WHERE region = 'East') AS events") == 2
    assert "FROM e)" in sql and sql.endswith(
        "FROM f, (SELECT * FROM events WHERE region = 'East') AS events"
    )


def test_restrict_refuses_tables_outside_the_role() -> None:
    checked = check("SELECT count(*) FROM users", ALLOWED)
    with pytest.raises(GuardError, match="users"):
        restrict(checked, {"events": None})
