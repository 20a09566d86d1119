"""A breakdown that lives on another table is read through the model's links (`also_in`): the
demo declares marketing channel ↔ event channel ↔ acquisition channel, so "CAC by channel" and
"ROI by channel" answer, with numbers checked here against hand-written SQL, and the answer says
which column each side was read from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from assistant.service import AssistantService

AS_OF = date(2026, 11, 23)
OCTOBER = ("2026-10-01", "2026-11-01")

CAC_SQL = """
WITH cost AS (
  SELECT channel, sum(cost) AS cost FROM marketing_costs
  WHERE date >= DATE '2026-10-01' AND date < DATE '2026-11-01' GROUP BY channel
), new AS (
  SELECT acquisition_channel AS channel, count(DISTINCT user_id) AS n FROM users
  WHERE first_seen_ts >= TIMESTAMP '2026-10-01' AND first_seen_ts < TIMESTAMP '2026-11-01'
  GROUP BY 1
)
SELECT new.channel, coalesce(cost.cost, 0) / new.n FROM new LEFT JOIN cost USING (channel)
"""
ROI_SQL = """
WITH cost AS (
  SELECT channel, sum(cost) AS cost FROM marketing_costs
  WHERE date >= DATE '2026-10-01' AND date < DATE '2026-11-01' GROUP BY channel
), revenue AS (
  SELECT channel, sum(revenue) AS revenue FROM events
  WHERE touchpoint = 'payment' AND ts >= TIMESTAMP '2026-10-01' AND ts < TIMESTAMP '2026-11-01'
  GROUP BY channel
)
SELECT cost.channel, coalesce(revenue.revenue, 0) / cost.cost
FROM cost LEFT JOIN revenue USING (channel)
"""


@pytest.fixture(scope="module")
def service(small_demo_service: AssistantService) -> AssistantService:
    return small_demo_service


def truth(small_demo: Path, sql: str) -> dict[str, float | None]:
    with duckdb.connect(str(small_demo), read_only=True) as con:
        return {str(k): (None if v is None else float(v)) for k, v in con.execute(sql).fetchall()}


def values(answer: object, metric: str) -> dict[str, float | None]:
    cols = answer.columns  # type: ignore[attr-defined]
    i, j = cols.index("d_channel"), cols.index(metric)
    return {str(r[i]): r[j] for r in answer.rows}  # type: ignore[attr-defined]


@pytest.mark.parametrize("question", ["CAC by channel last month", "上个月各渠道的获客成本"])
def test_cac_by_channel_reads_spend_and_acquisition_channels(
    service: AssistantService, small_demo: Path, question: str
) -> None:
    answer = service.ask(question)
    assert answer.error is None, answer.error
    assert answer.plan is not None and answer.plan["dimensions"] == ["channel"]
    expected = truth(small_demo, CAC_SQL)
    got = values(answer, "cac")
    assert set(got) == set(expected)
    for channel, value in expected.items():
        assert got[channel] == pytest.approx(value) if value is not None else got[channel] is None
    if answer.language == "en":
        assert "marketing cost by marketing_costs.channel" in answer.text
        assert "new users by users.acquisition_channel" in answer.text
    else:
        assert (
            "users.acquisition_channel" in answer.text
            and "渠道按各数据表中的对应列匹配" in answer.text
        )


@pytest.mark.parametrize("question", ["ROI by channel last month", "上个月各渠道的投资回报率"])
def test_roi_by_channel_reads_event_and_spend_channels(
    service: AssistantService, small_demo: Path, question: str
) -> None:
    answer = service.ask(question)
    assert answer.error is None, answer.error
    expected = truth(small_demo, ROI_SQL)
    got = {k: v for k, v in values(answer, "roi").items() if k in expected}
    assert set(got) == set(expected)
    for channel, value in expected.items():
        assert got[channel] == pytest.approx(value)
    if answer.language == "en":
        assert (
            "revenue by events.channel and marketing cost by marketing_costs.channel" in answer.text
        )
