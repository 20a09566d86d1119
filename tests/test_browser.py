"""The chat in a real browser (issue 6): `tpa serve` in a subprocess, Debian Chromium driven by
Playwright. Ask in English, see the text and the chart; ask a Chinese follow-up; click a suggestion
chip. Every request the page makes must stay on 127.0.0.1. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from assistant.answer.png import chromium_path
from tests.fakes.served import TpaServer

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
HAN = re.compile(r"[\u4e00-\u9fff]")
TIMEOUT_MS = 60_000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(chromium_path()).exists(),
        reason=f"Chromium not installed at {chromium_path()} (make sysdeps installs it)",
    ),
]


@pytest.fixture(scope="module")
def server(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`tpa serve` (retrieval on, as in production) on a free loopback port; its address."""
    home = tmp_path_factory.mktemp("browser")
    with TpaServer(small_demo, home, {"TPA_RETRIEVAL": "on"}) as served:
        yield served.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def leaves_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1"


def ask(page: Page, question: str, turns: int) -> None:
    """Type `question`, send it, and wait for the `turns`-th answer card."""
    page.locator("#tpa-question textarea").fill(question)
    page.locator("#tpa-send").click()
    expect(page.locator(".tpa-turn")).to_have_count(turns, timeout=TIMEOUT_MS)


def test_ask_see_chart_follow_up_in_chinese_and_click_a_chip(server: str, browser: Browser) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    page.on(
        "request", lambda r: None if "127.0.0.1" in r.url.split("/")[2] else outside.append(r.url)
    )
    page.goto(server)
    expect(page.locator("#tpa-question textarea")).to_be_visible(timeout=TIMEOUT_MS)

    ask(page, "which touchpoint lost the most users last week", 1)
    first = page.locator(".tpa-turn").nth(0)
    text = first.locator(".block.tpa-answer")
    expect(text).to_contain_text(re.compile(r"lost|drop", re.I), timeout=TIMEOUT_MS)
    assert re.search(r"\d", text.inner_text())
    chart = first.locator(".tpa-chart .js-plotly-plot")
    expect(chart).to_be_visible(timeout=TIMEOUT_MS)
    assert chart.locator("svg.main-svg").count() > 0
    assert first.locator(".tpa-chip").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "chat-english.png"), full_page=True)

    ask(page, "按渠道看呢？", 2)
    second = page.locator(".tpa-turn").nth(1).locator(".block.tpa-answer")
    expect(second).to_contain_text(HAN, timeout=TIMEOUT_MS)
    expect(page.locator(".tpa-turn").nth(1).locator(".block.tpa-error")).to_have_count(0)

    chip = page.locator(".tpa-turn").nth(1).locator(".tpa-chip").first
    label = chip.inner_text()
    chip.click()
    expect(page.locator(".tpa-turn")).to_have_count(3, timeout=TIMEOUT_MS)
    third = page.locator(".tpa-turn").nth(2)
    expect(third.locator(".block.tpa-answer, .block.tpa-error")).to_have_count(
        1, timeout=TIMEOUT_MS
    )
    assert label.strip()
    page.screenshot(path=str(ARTIFACTS / "chat-follow-ups.png"), full_page=True)
    assert outside == [], f"the page reached outside 127.0.0.1: {outside[:5]}"


def test_the_api_docs_render_with_the_network_blocked(server: str, browser: Browser) -> None:
    """Swagger UI comes from the installed package: with every other host unresolvable the
    page still lists the routes."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if leaves_loopback(r.url) else None)
    page.goto(f"{server}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text(
        "Touchpoint Assistant", timeout=TIMEOUT_MS
    )
    expect(page.locator(".opblock-summary-path", has_text="/v1/ask").first).to_be_visible()
    assert page.locator(".opblock").count() >= 5
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"))
    assert outside == [], f"the docs page reached outside 127.0.0.1: {outside[:5]}"
    page.close()
