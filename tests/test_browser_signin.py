"""Sign-in for the chat in a real browser (issue 13 point 7): `tpa serve` with API keys, Debian
Chromium driven by Playwright. The page asks for a key; the east_marketing key's answers follow
that role (service metrics are denied, naming the role), the analyst key's do not; the Gradio
queue refuses a request without the sign-in cookie."""

from __future__ import annotations

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

KEYS = "k-east-7f2:east_marketing,k-analyst-91c:analyst"
QUESTION = "first response time last week"


@pytest.fixture(scope="module")
def server(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("browser-signin")
    with TpaServer(small_demo, home, {"TPA_API_KEYS": KEYS}) as served:
        yield served.url


def sign_in(
    browser: Browser,  # noqa: F811
    server: str,
    key: str,
) -> Page:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(server)
    expect(page.locator("#tpa-secret")).to_be_visible(timeout=TIMEOUT_MS)
    assert page.url.endswith("/login")
    page.locator("#tpa-secret").fill(key)
    page.locator("#tpa-login").click()
    expect(page.locator("#tpa-question textarea")).to_be_visible(timeout=TIMEOUT_MS)
    return page


def test_a_wrong_key_is_told_so(
    server: str,
    browser: Browser,  # noqa: F811
) -> None:
    page = browser.new_context().new_page()
    page.goto(f"{server}/login")
    page.locator("#tpa-secret").fill("not-a-key")
    page.locator("#tpa-login").click()
    expect(page.locator("#tpa-login-error")).to_contain_text("not right", timeout=TIMEOUT_MS)


def test_sign_in_with_a_key_grants_its_role(
    server: str,
    browser: Browser,  # noqa: F811
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    east = sign_in(browser, server, "k-east-7f2")
    ask(east, QUESTION, 1)
    denied = east.locator(".tpa-turn").nth(0).locator(".block.tpa-error")
    expect(denied).to_contain_text("east_marketing", timeout=TIMEOUT_MS)
    east.screenshot(path=str(ARTIFACTS / "chat-signed-in-east.png"), full_page=True)

    analyst = sign_in(browser, server, "k-analyst-91c")
    ask(analyst, QUESTION, 1)
    answer = analyst.locator(".tpa-turn").nth(0).locator(".block.tpa-answer")
    expect(answer).to_contain_text("First response time", timeout=TIMEOUT_MS)


def test_the_gradio_queue_needs_the_sign_in(server: str) -> None:
    body = {"fn_index": 0, "data": ["revenue last week", None], "session_hash": "abc"}
    response = httpx.post(f"{server}/gradio_api/queue/join", json=body, timeout=30)
    assert response.status_code == 401
    upload = httpx.post(f"{server}/gradio_api/upload", files={"files": ("a", b"x")}, timeout=30)
    assert upload.status_code == 403
