"""The chat's review list in a real browser (issue 13 point 6): `tpa serve` with API keys and
retrieval, Debian Chromium driven by Playwright. An east_marketing person's thumbs-up only
proposes an example and shows them no review list; the analyst (`reviewer: true`) sees it in the
side panel with the question, the plan in words and who saved it, approves one in English and
rejects another in Chinese, and the API reports both decisions. The east_marketing person's first
screen is their own role's digest (no service metrics), not the chat's default role's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.fakes.served import TpaServer
from tests.test_browser import (  # noqa: F401  (fixtures)
    ARTIFACTS,
    TIMEOUT_MS,
    ask,
    browser,
    pytestmark,
)
from tests.test_browser_signin import sign_in

KEYS = "k-east-7f2:east_marketing,k-analyst-91c:analyst"
FIRST, SECOND = "revenue by region last week", "orders by channel last week"


@pytest.fixture(scope="module")
def server(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("browser-review")
    with TpaServer(small_demo, home, {"TPA_API_KEYS": KEYS, "TPA_RETRIEVAL": "on"}) as served:
        yield served.url


def propose(page: Page, question: str, turns: int) -> None:
    """Ask `question` and give its answer a thumbs-up."""
    ask(page, question, turns)
    card = page.locator(".tpa-turn").nth(turns - 1)
    expect(card.locator(".block.tpa-answer")).to_be_visible(timeout=TIMEOUT_MS)
    card.locator(".tpa-up").click()
    feedback = card.locator(".block.tpa-feedback")
    expect(feedback).to_contain_text("reviewer checks", timeout=TIMEOUT_MS)


def statuses(server: str) -> dict[str, str]:
    found = httpx.get(
        f"{server}/v1/examples",
        params={"status": "all"},
        headers={"X-API-Key": "k-analyst-91c"},
        timeout=30,
    )
    assert found.status_code == 200, found.text
    return {e["question"]: e["status"] for e in found.json()["examples"]}


def test_a_reviewer_approves_and_rejects_in_the_chat(
    server: str,
    browser: Browser,  # noqa: F811
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    east = sign_in(browser, server, "k-east-7f2")
    digest = east.locator("#tpa-digest")  # the first screen is east_marketing's own digest
    expect(digest.locator(".tpa-digest-card").first).to_be_visible(timeout=TIMEOUT_MS)
    assert not re.search(r"response time|resolution|NPS|ticket", digest.inner_text(), re.I)
    propose(east, FIRST, 1)
    expect(east.locator("#tpa-review")).to_have_count(0)  # not a reviewer: no list at all
    assert statuses(server) == {FIRST: "pending"}

    analyst = sign_in(browser, server, "k-analyst-91c")
    panel = analyst.locator("#tpa-review")
    expect(panel).to_contain_text("Examples to review (1)", timeout=TIMEOUT_MS)
    first = panel.locator(".tpa-review-item", has_text=FIRST)
    expect(first).to_contain_text("Plan: Revenue by region, last week")
    expect(first).to_contain_text("Saved by API key")
    expect(first).to_contain_text("role east_marketing")
    assert "k-east-7f2" not in panel.inner_text()  # a key's fingerprint, never the key
    analyst.screenshot(path=str(ARTIFACTS / "chat-review.png"), full_page=True)
    first.locator(".tpa-approve").click()
    expect(analyst.locator("#tpa-review-note")).to_contain_text(
        f"Approved: “{FIRST}”", timeout=TIMEOUT_MS
    )
    expect(panel.locator(".tpa-review-item")).to_have_count(0)
    expect(panel).to_contain_text("Nothing waits for review")
    assert statuses(server) == {FIRST: "approved"}

    propose(east, SECOND, 2)
    analyst.locator("#tpa-language label", has_text="中文").click()
    expect(panel).to_contain_text("待审核示例（1）", timeout=TIMEOUT_MS)
    second = panel.locator(".tpa-review-item", has_text=SECOND)
    expect(second).to_contain_text("计算方式：", timeout=TIMEOUT_MS)
    expect(second).to_contain_text("提交人：API 密钥")
    second.locator(".tpa-reject").click()
    expect(analyst.locator("#tpa-review-note")).to_contain_text(
        f"已驳回：“{SECOND}”", timeout=TIMEOUT_MS
    )
    assert statuses(server) == {FIRST: "approved", SECOND: "rejected"}


def test_a_browser_set_to_chinese_opens_the_chat_in_chinese(
    server: str,
    browser: Browser,  # noqa: F811
) -> None:
    page = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{server}/login")
    page.locator("#tpa-secret").fill("k-analyst-91c")
    page.locator("#tpa-login").click()
    expect(page.locator("#tpa-send")).to_have_text("提问", timeout=TIMEOUT_MS)
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("#tpa-digest")).to_contain_text("本周变化", timeout=TIMEOUT_MS)
    english = browser.new_context(locale="en-US").new_page()
    english.goto(f"{server}/login")
    english.locator("#tpa-secret").fill("k-analyst-91c")
    english.locator("#tpa-login").click()
    expect(english.locator("#tpa-send")).to_have_text("Ask", timeout=TIMEOUT_MS)
