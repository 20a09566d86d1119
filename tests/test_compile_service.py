"""Service metrics of the demo model against SQL written by hand from docs/design.md's meanings.

CSAT = share of CSAT scores ≥ 4 of 5; NPS = % 9–10 − % 0–6; first response time = median of the
exact intervals, tickets placed by `opened_ts`; complaint rate = complaint tickets / orders.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.engine import Engine
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import demo_model
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext
from tests.conftest import AS_OF

START, END = "2026-10-26", "2026-11-23"  # last_4_weeks before Monday 23 Nov 2026
HAND = f"""
WITH t AS (
  SELECT u.region,
         median(date_diff('second', k.opened_ts, k.first_response_ts) / 60.0) AS frt,
         count(*) FILTER (WHERE k.is_complaint) AS complaints
  FROM tickets k JOIN users u USING (user_id)
  WHERE k.opened_ts >= TIMESTAMP '{START}' AND k.opened_ts < TIMESTAMP '{END}'
  GROUP BY u.region),
f AS (
  SELECT u.region,
         avg(CASE WHEN f.score >= 4 THEN 1.0 ELSE 0.0 END) FILTER (WHERE f.kind = 'csat') AS csat,
         100 * (avg(CASE WHEN f.score >= 9 THEN 1.0 ELSE 0.0 END) FILTER (WHERE f.kind = 'nps')
           - avg(CASE WHEN f.score <= 6 THEN 1.0 ELSE 0.0 END) FILTER (WHERE f.kind = 'nps'))
           AS nps
  FROM feedback f JOIN users u USING (user_id)
  WHERE f.ts >= TIMESTAMP '{START}' AND f.ts < TIMESTAMP '{END}' AND f.score IS NOT NULL
  GROUP BY u.region),
o AS (
  SELECT region, count(DISTINCT order_id) AS orders FROM events
  WHERE touchpoint = 'payment' AND ts >= TIMESTAMP '{START}' AND ts < TIMESTAMP '{END}'
  GROUP BY region)
SELECT t.region, t.frt, f.csat, f.nps, t.complaints / o.orders
FROM t JOIN f USING (region) JOIN o USING (region)
"""


@pytest.fixture(scope="module")
def engine(small_demo: Path) -> Iterator[Engine]:
    with Engine(small_demo) as eng:
        yield eng


def test_service_metrics_match_hand_written_sql(engine: Engine) -> None:
    plan = parse_plan(
        {
            "kind": "metric",
            "time": "last_4_weeks",
            "dimensions": ["region"],
            "metrics": ["first_response_time", "csat", "nps", "complaint_rate"],
        }
    )
    compiled = compile_plan(plan, demo_model(), TimeContext(today=AS_OF, timezone="Asia/Shanghai"))
    assert compiled.time_range is not None and str(compiled.time_range.start) == START
    # the metrics first; the parts of the ratios (numerators and bases) follow
    got = {r[0]: r[1:5] for r in engine.run(compiled.sql() or "").rows}
    expected = {r[0]: r[1:] for r in engine.run(HAND).rows}
    assert set(got) == set(expected) and len(got) == 5
    for region, values in expected.items():
        assert got[region] == pytest.approx(values), region
