"""Retake the screenshots in docs/images from a running server, with Debian's Chromium and the
network blocked:

    tpa serve --as-of 2026-11-23 &        # the demo database
    .venv/bin/python docs/images/screenshots.py http://127.0.0.1:7860

chat.png (desktop), chat-phone.png (390×844) and answer-link.png (an answer's /a/{id} page)."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

HERE = Path(__file__).parent
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
TIMEOUT_MS = 120_000


def ask(page: Page, question: str, turns: int) -> None:
    page.locator("#tpa-question textarea").fill(question)
    page.locator("#tpa-send").click()
    expect(page.locator(".tpa-turn")).to_have_count(turns, timeout=TIMEOUT_MS)
    expect(page.locator(".tpa-turn").nth(turns - 1).locator(".tpa-takeaway-links")).to_be_visible(
        timeout=TIMEOUT_MS
    )


def main(url: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        ask(page, "which touchpoint lost the most users last week", 1)
        page.wait_for_timeout(1500)  # the chart's transition
        page.screenshot(path=str(HERE / "chat.png"), full_page=True)
        link = page.locator(".tpa-turn a.tpa-link").first.get_attribute("href")
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.goto(url)
        closed = "() => document.querySelector('#tpa-side')?.getBoundingClientRect().right <= 0"
        phone.wait_for_function(closed, timeout=TIMEOUT_MS)
        ask(phone, "各渠道上周活跃用户数", 1)
        phone.wait_for_timeout(1500)
        phone.screenshot(path=str(HERE / "chat-phone.png"))
        answer = browser.new_page(viewport={"width": 1100, "height": 900})
        answer.goto(f"{url}{link}")
        expect(answer.locator("#chart .main-svg").first).to_be_visible(timeout=TIMEOUT_MS)
        answer.wait_for_timeout(1000)
        answer.screenshot(path=str(HERE / "answer-link.png"), full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:7860")
