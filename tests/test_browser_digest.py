"""The chat's first screen in a real browser: the digest cards ("What changed this week" /
"本周变化") with their charts are there before any question, follow the language switch, and
give way to the conversation once a question is asked. Screenshot in tests/artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.fakes.served import TpaServer
from tests.test_browser import (  # noqa: F401  (fixtures)
    ARTIFACTS,
    TIMEOUT_MS,
    ask,
    browser,
    pytestmark,
)


@pytest.fixture(scope="module")
def server(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("browser-digest")
    with TpaServer(small_demo, home, {"TPA_WATCH_INTERVAL": "0"}) as served:
        yield served.url


def test_the_landing_page_shows_what_changed(
    server: str,
    browser: Browser,  # noqa: F811
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    page.on(
        "request", lambda r: None if "127.0.0.1" in r.url.split("/")[2] else outside.append(r.url)
    )
    page.goto(server)
    digest = page.locator("#tpa-digest")
    expect(digest).to_contain_text("What changed this week", timeout=TIMEOUT_MS)
    expect(digest).to_contain_text("16–22 Nov 2026")
    cards = digest.locator(".tpa-digest-card")
    expect(cards.first).to_be_visible(timeout=TIMEOUT_MS)
    assert 1 <= cards.count() <= 4
    expect(cards.first.locator(".js-plotly-plot svg.main-svg").first).to_be_visible(
        timeout=TIMEOUT_MS
    )
    assert re.search(r"\d", cards.first.inner_text())
    page.screenshot(path=str(ARTIFACTS / "chat-landing-digest.png"), full_page=True)

    page.locator("#tpa-language").get_by_text("中文").click()
    expect(page.locator("#tpa-digest")).to_contain_text("本周变化", timeout=TIMEOUT_MS)
    expect(page.locator("#tpa-digest")).to_contain_text("2026年11月16日")
    page.screenshot(path=str(ARTIFACTS / "chat-landing-digest-zh.png"), full_page=True)

    page.goto(server + "/?q=why+did+checkout+conversion+change+last+week%3F")  # an alert's link
    expect(page.locator("#tpa-question textarea")).to_have_value(
        "why did checkout conversion change last week?", timeout=TIMEOUT_MS
    )
    ask(page, "revenue last week", 1)
    expect(page.locator("#tpa-digest")).to_have_count(0, timeout=TIMEOUT_MS)
    assert outside == [], f"the page reached outside 127.0.0.1: {outside[:5]}"
