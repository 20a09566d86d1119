"""Every error is an answer: truncated, mutated or odd SQL never escapes the guard, the LLM
planner or the service as an exception (issue 14, "Crashes")."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from semantic_layer.guard import GuardError, check, restrict

ALLOWED = {"events", "users"}
SEEDS = [
    "SELECT touchpoint, count(DISTINCT user_id) FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
    "WITH u AS (SELECT user_id FROM users WHERE region = 'East') "
    "SELECT count(*) FROM events e JOIN u USING (user_id)",
    "SELECT date_trunc('week', ts) AS w, median(revenue) FILTER (WHERE revenue > 0) FROM events "
    "GROUP BY ALL",
    "SELECT user_id, row_number() OVER (PARTITION BY user_id ORDER BY ts) FROM events "
    "QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY ts) = 1",
    "SELECT e'\\x41', $$dollar$$, x'ff', \"quoted id\", [1, 2][1:2], {'a': 1}.a FROM events",
    "SELECT CASE WHEN revenue > 0 THEN 'paid' ELSE 'free' END, strftime(ts, '%Y') FROM events",
]
# Pieces a mutation inserts: quotes, brackets, comment starts, escapes, keywords, odd characters.
PIECES = ["'", '"', "$$", "(", ")", "[", "]", "{", "}", "/*", "--", "e'", "\\", "::", ",",
          " FROM ", " SELECT ", " OVER (", " FILTER (", "\x00", "；", "ａ", "\u200b", "?", "$1",
          " AS ", " JOIN ", " UNION ", " WITH ", "@", ":", "..", "*"]  # fmt: skip


def guarded(sql: str) -> None:
    """The guard and `restrict` either accept and write the query or raise `GuardError`."""
    try:
        checked = check(sql, ALLOWED)
        restrict(checked, {"events": None, "users": None}).sql(dialect="duckdb")
    except GuardError:
        pass


@st.composite
def mutated(draw: st.DrawFn) -> str:
    sql = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(sql)))
        action = draw(st.sampled_from(["cut", "insert", "delete", "swap"]))
        if action == "cut":
            sql = sql[:at]
        elif action == "insert":
            sql = sql[:at] + draw(st.sampled_from(PIECES)) + sql[at:]
        elif action == "delete":
            sql = sql[:at] + sql[at + draw(st.integers(1, 5)) :]
        else:
            sql = sql[:at] + draw(st.text(max_size=3)) + sql[at + 1 :]
    return sql


@pytest.mark.parametrize("seed", SEEDS)
def test_every_truncation_of_valid_sql_is_refused_or_accepted(seed: str) -> None:
    for end in range(len(seed) + 1):
        guarded(seed[:end])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutations_of_valid_sql_never_raise_out_of_the_guard(sql: str) -> None:
    guarded(sql)


@pytest.mark.parametrize(
    "sql",
    ["SELECT 'abc", "SELECT e'abc", 'SELECT "abc', "SELECT $$abc", "SELECT x'", "SELECT 1 /* "],
)
def test_unterminated_strings_and_comments_are_guard_errors_that_say_so(sql: str) -> None:
    """Found by the attack run: sqlglot's `TokenError` became an HTTP 500."""
    with pytest.raises(GuardError) as caught:
        check(sql, ALLOWED)
    assert caught.value.rule == "parse"
    assert "could not be read" in str(caught.value)
