"""A series with an incomplete last bucket in a real browser (issue 13, point 1): the chart
draws the incomplete weeks with a dashed segment and open markers, and the answer compares
complete weeks only, saying so. Same server and browser as tests/test_browser.py."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.test_browser import (  # noqa: F401  (fixtures)
    ARTIFACTS,
    TIMEOUT_MS,
    ask,
    browser,
    pytestmark,
    server,
)


def test_incomplete_weeks_are_marked_and_left_out_of_the_sentence(
    server: str,  # noqa: F811
    browser: Browser,  # noqa: F811
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server)
    expect(page.locator("#tpa-question textarea")).to_be_visible(timeout=TIMEOUT_MS)
    ask(page, "weekly revenue for the last 3 months", 1)
    turn = page.locator(".tpa-turn").nth(0)
    text = turn.locator(".block.tpa-answer")
    expect(text).to_contain_text("so the comparison uses complete weeks only", timeout=TIMEOUT_MS)
    expect(text).to_contain_text("(2 of 7 days)")
    chart = turn.locator(".tpa-chart .js-plotly-plot")
    expect(chart).to_be_visible(timeout=TIMEOUT_MS)
    dashed = chart.locator("path.js-line[style*='stroke-dasharray']")
    expect(dashed.first).to_be_attached(timeout=TIMEOUT_MS)
    expect(chart.locator(".legendtext", has_text="incomplete period")).to_have_count(1)
    page.screenshot(path=str(Path(ARTIFACTS) / "chat-incomplete-periods.png"), full_page=True)
