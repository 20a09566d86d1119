"""Attribution on hand-made conversions; every model's credits add up to the total.

Range [5 Jan, 12 Jan 2026), lookback 30 days, half-life 7 days, purchase touchpoint "buy".
- C1 (u1, 10 Jan 12:00, 100): touches ads 3 Jan 12:00 (7 d), wechat 9 Jan 12:00 (1 d),
  web 10 Jan 11:00 (1 h); an ads touch 41 days earlier is outside the lookback.
- C2 (u2, 11 Jan, 50): no earlier touch → "(no prior touch)".
- C3 (u3, 9 Jan 10:00, 30): touches ads 8 Jan, web 9 Jan 09:00.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import duckdb
import pytest

from semantic_layer.compile.attribution import MODELS, AttributionSpec, credits, transitions
from semantic_layer.compile.markov import conversion_probability, removal_credits
from semantic_layer.compile.sql import Events

EVENTS = [
    ("e0", "u1", "2025-11-30 12:00", "ads", "view", None),
    ("e1", "u1", "2026-01-03 12:00", "ads", "view", None),
    ("e2", "u1", "2026-01-09 12:00", "wechat", "view", None),
    ("e3", "u1", "2026-01-10 11:00", "web", "view", None),
    ("e4", "u1", "2026-01-10 12:00", "web", "buy", 100.0),
    ("e5", "u2", "2026-01-11 08:00", "store", "buy", 50.0),
    ("e6", "u3", "2026-01-08 10:00", "ads", "view", None),
    ("e7", "u3", "2026-01-09 09:00", "web", "view", None),
    ("e8", "u3", "2026-01-09 10:00", "web", "buy", 30.0),
    ("e9", "u4", "2026-01-06 10:00", "ads", "view", None),
]
SPEC = AttributionSpec("buy", "channel", date(2026, 1, 5), date(2026, 1, 12))
DECAY = [2**-1, 2 ** (-1 / 7), 2 ** (-1 / 168)]


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (event_id VARCHAR, user_id VARCHAR, ts TIMESTAMP, channel VARCHAR, "
        "touchpoint VARCHAR, revenue DOUBLE)"
    )
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", EVENTS)
    yield con
    con.close()


def table(con: duckdb.DuckDBPyConnection, spec: AttributionSpec) -> dict[str, dict[str, float]]:
    rows = con.execute(credits(Events(), spec).sql("duckdb")).fetchall()
    return {m: {r[0]: r[i] for r in rows} for i, m in enumerate(MODELS, start=1)}


def test_each_model_credits_by_its_rule(con: duckdb.DuckDBPyConnection) -> None:
    got = table(con, SPEC)
    none = "(no prior touch)"
    assert got["first_touch"] == {"ads": 2, "wechat": 0, "web": 0, none: 1}
    assert got["last_touch"] == {"ads": 0, "wechat": 0, "web": 2, none: 1}
    assert got["linear"] == pytest.approx(
        {"ads": 1 / 3 + 1 / 2, "wechat": 1 / 3, "web": 1 / 3 + 1 / 2, none: 1}
    )
    assert got["position_based"] == pytest.approx({"ads": 0.9, "wechat": 0.2, "web": 0.9, none: 1})
    c3 = [2 ** (-1 / 7), 2 ** (-1 / 168)]
    expected_ads = DECAY[0] / sum(DECAY) + c3[0] / sum(c3)
    assert got["time_decay"]["ads"] == pytest.approx(expected_ads)
    for model in MODELS:
        assert sum(got[model].values()) == pytest.approx(3)


def test_revenue_is_credited_with_the_same_weights(con: duckdb.DuckDBPyConnection) -> None:
    spec = AttributionSpec("buy", "channel", SPEC.start, SPEC.end, value="revenue")
    got = table(con, spec)
    assert got["linear"]["ads"] == pytest.approx(100 / 3 + 30 / 2)
    for model in MODELS:
        assert sum(got[model].values()) == pytest.approx(180)


def test_markov_transitions_and_removal_effect(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(transitions(Events(), SPEC).sql("duckdb")).fetchall()
    counts = {(s, d): n for s, d, n in rows}
    assert counts[("(start)", "ads")] == 3  # C1, C3 and the non-converting u4
    assert counts[("ads", "(null)")] == 1 and counts[("web", "(conversion)")] == 2
    credited = removal_credits(rows, 3)
    assert sum(credited.values()) == pytest.approx(3)
    assert credited["ads"] > 0 and credited["web"] > 0


def test_removal_effect_on_a_chain_worked_by_hand() -> None:
    rows = [("(start)", "A", 1), ("A", "(conversion)", 1), ("(start)", "B", 1), ("B", "(null)", 1)]
    assert conversion_probability({(s, d): float(n) for s, d, n in rows}) == pytest.approx(0.5)
    assert removal_credits(rows, 10) == pytest.approx({"A": 10.0, "B": 0.0})
