"""Numbers people read correctly: units on every ratio (ROI in ×), zero and empty groups named
instead of dropped, the base (n) of each rate in the table and the tooltip, small bases flagged."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer.bases import MIN_BASE
from assistant.answer.narrate import Numbers
from assistant.service import AssistantService
from semantic_layer.model import demo_model
from ui.chat.cells import format_cell

AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def service(small_demo_service: AssistantService) -> AssistantService:
    return small_demo_service


def test_multiples_read_with_a_times_sign() -> None:
    assert Numbers.of(demo_model(), "en").value("multiple", 98.8) == "98.8×"
    assert Numbers.of(demo_model(), "zh").value("multiple", 0) == "0.0×"
    assert format_cell(4.26, "multiple") == "4.3×"
    assert demo_model().metrics["roi"].format == "multiple"


def test_roi_names_channels_without_revenue_or_spend(service: AssistantService) -> None:
    answer = service.ask("ROI by channel last month")
    assert answer.error is None
    rows = [dict(zip(answer.columns, r, strict=True)) for r in answer.rows]
    assert answer.column_formats[answer.columns.index("roi")] == "multiple"
    assert answer.column_labels[answer.columns.index("roi__num")] == "revenue"
    assert answer.column_labels[answer.columns.index("roi__den")] == "marketing cost"
    no_revenue = [r for r in rows if r["roi__num"] == 0 and r["roi__den"]]
    no_spend = [r for r in rows if not r["roi__den"]]
    assert no_revenue and no_spend  # the demo has both kinds of channel
    assert "×" in answer.text and "had marketing cost but no revenue (0.0×)" in answer.text
    assert "had no marketing cost, so there is no ROI for them" in answer.text
    ranked = [r for r in rows if r not in no_revenue and r not in no_spend]
    # the ranking only counts channels ROI can place, so "the lowest" is one of them
    if len(ranked) >= 3:
        assert f"of the {len(ranked)} compared" in answer.text
    assert answer.chart is not None
    bars = answer.chart["data"][0]
    labels = bars["texttemplate"]
    assert isinstance(labels, list)
    assert labels.count("no revenue") == len(no_revenue)
    assert labels.count("no marketing cost") == len(no_spend)


def test_rates_carry_their_base_and_flag_small_ones(service: AssistantService) -> None:
    answer = service.ask("conversion rate by channel last week")
    assert answer.error is None
    n_col = answer.columns.index("conversion_rate__den")
    assert answer.column_labels[n_col] == "active users (n)"
    rows = [dict(zip(answer.columns, r, strict=True)) for r in answer.rows]
    small = [r for r in rows if 0 < r["conversion_rate__den"] < MIN_BASE]
    assert answer.chart is not None
    bars = answer.chart["data"][0]
    assert all(h.startswith("n = ") for h in bars["hovertext"])
    if small:
        assert "Small base, read with care:" in answer.text
        assert f"rests on {small[0]['conversion_rate__den']} active users" in answer.text
        assert "/" in bars["marker"]["pattern"]["shape"]
    else:
        assert "Small base" not in answer.text
    zh = service.ask("上周各渠道的转化率")
    assert zh.column_labels[zh.columns.index("conversion_rate__den")] == "活跃用户数（n）"
    if small:
        assert "样本较小，请谨慎解读" in zh.text
