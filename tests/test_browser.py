"""The chat in a real browser (issue 6): `tpa serve` in a subprocess, Debian Chromium driven by
Playwright. Ask in English, see the text and the chart; ask a Chinese follow-up; click a suggestion
chip. Every request the page makes must stay on 127.0.0.1. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import csv
import io
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


def test_download_the_table_as_csv_from_the_chat(server: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(server)
    expect(page.locator("#tpa-question textarea")).to_be_visible(timeout=TIMEOUT_MS)
    ask(page, "revenue by channel last week", 1)
    link = page.locator(".tpa-turn").nth(0).locator("a.tpa-csv")
    expect(link).to_be_visible(timeout=TIMEOUT_MS)
    with page.expect_download(timeout=TIMEOUT_MS) as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] and len(rows) >= 3, rows[:3]
    assert "wechat_oa" not in text and "mini_program" not in text  # channels by their names
    shown = page.locator(".tpa-turn").nth(0).locator(".block.tpa-answer").inner_text()
    assert shown.strip()
    page.close()


_COVERED_JS = """(sel) => { const el = Array.from(document.querySelectorAll(sel)).pop();
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !(top && (el.contains(top) || top.contains(el))); }"""


def covered(page: Page, selector: str) -> bool:
    """Whether the centre of the last element matching `selector` is under another element."""
    return bool(page.evaluate(_COVERED_JS, selector))


def wait_uncovered(page: Page, selector: str) -> None:
    """Wait until nothing lies over the last element matching `selector` (a scroll or a
    re-render may still be settling on a loaded machine); fails after TIMEOUT_MS."""
    page.wait_for_function(f"(sel) => !({_COVERED_JS})(sel)", arg=selector, timeout=TIMEOUT_MS)


def test_a_phone_sees_the_conversation_not_the_side_panel(server: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(server)
    question = page.locator("#tpa-question textarea")
    expect(question).to_be_visible(timeout=TIMEOUT_MS)
    closed = "() => document.querySelector('#tpa-side')?.getBoundingClientRect().right <= 0"
    page.wait_for_function(closed, timeout=TIMEOUT_MS)
    question.scroll_into_view_if_needed()  # below the landing cards on a phone
    wait_uncovered(page, "#tpa-question textarea")
    page.locator("#tpa-side .toggle-button").click()  # the panel's button still opens it
    expect(page.locator(".tpa-example").first).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_function(closed.replace("right <= 0", "left >= 0"), timeout=TIMEOUT_MS)
    assert covered(page, "#tpa-question textarea")  # as an overlay, as asked
    page.locator(".tpa-example").first.click()  # an example asks and closes the panel
    page.wait_for_function(closed, timeout=TIMEOUT_MS)
    expect(page.locator(".tpa-turn")).to_have_count(1, timeout=TIMEOUT_MS)
    ask(page, "active users by channel last week", 2)
    page.locator(".tpa-turn").nth(1).scroll_into_view_if_needed()
    wait_uncovered(page, ".tpa-turn .block.tpa-answer")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page scrolls sideways: {width}px wide"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-phone.png"))
    page.close()


def test_switching_language_relabels_the_page_and_retells_earlier_cards(
    server: str, browser: Browser
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server)
    expect(page.locator("#tpa-question textarea")).to_be_visible(timeout=TIMEOUT_MS)
    assert page.evaluate("document.documentElement.lang") == "en"
    ask(page, "active users by channel last week", 1)
    card = page.locator(".tpa-turn").nth(0)
    chart = card.locator(".tpa-chart")
    expect(chart).to_have_attribute("role", "img", timeout=TIMEOUT_MS)
    english = card.locator(".block.tpa-answer").inner_text()
    assert chart.get_attribute("aria-label") == "Chart: " + " ".join(english.split())
    assert not HAN.search(english)
    page.locator("#tpa-language label", has_text="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN", timeout=TIMEOUT_MS)
    expect(card.locator(".block.tpa-answer")).to_contain_text(HAN, timeout=TIMEOUT_MS)
    expect(card.locator(".tpa-chart")).to_have_attribute(
        "aria-label", re.compile(r"^图表："), timeout=TIMEOUT_MS
    )
    expect(card.locator(".block.tpa-question")).to_contain_text("你", timeout=TIMEOUT_MS)
    page.locator("#tpa-language label", has_text="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en", timeout=TIMEOUT_MS)
    expect(card.locator(".block.tpa-answer")).to_have_text(english, timeout=TIMEOUT_MS)
    page.close()
