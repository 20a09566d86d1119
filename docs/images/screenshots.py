"""Retake the screenshots in docs/images: start `tpa serve` on a copy of the demo database (its
own port and folder, two chat users made up for the run), drive Debian's Chromium through it with
every host but 127.0.0.1 unresolvable, and write the PNGs.

    make screenshots                       # builds the demo database first if it is missing
    .venv/bin/python docs/images/screenshots.py [--db data/demo.duckdb] [--as-of 2026-11-23]

Needs `chromium` and `fonts-noto-cjk` (`make sysdeps`). Writes, in --out (docs/images):

    chat-landing.png  the first screen: "What changed this week" digest cards
    chat.png          an answer (text, chart, take-away links, thumbs) on a desktop
    chat-periods.png  a weekly series whose last week is incomplete (open marker, table note)
    chat-phone.png    a Chinese answer on a phone (390×844), the side panel closed
    answer-link.png   an answer's own page, /a/{id}
    chat-review.png   a reviewer's side panel: an example another person's thumbs-up proposed
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page, expect, sync_playwright

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
TIMEOUT_MS = 180_000
ASKER, REVIEWER = "li.wei", "zhang.min"  # east_marketing proposes, analyst reviews


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run from the repository root after `make install sysdeps`; `make screenshots` "
        "does both and builds data/demo.duckdb when it is missing.",
    )
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb",
                        help="DuckDB database to serve (default: data/demo.duckdb)")  # fmt: skip
    parser.add_argument("--as-of", default="2026-11-23", help="'today' for the server")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNGs")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: build it with `tpa demo --no-serve` first")
    passwords = {ASKER: secrets.token_urlsafe(12), REVIEWER: secrets.token_urlsafe(12)}
    with served(args.db, args.as_of, passwords) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        take(browser, url, passwords, args.out)
        browser.close()
    print(f"screenshots written to {args.out}")


def take(browser: Browser, url: str, passwords: dict[str, str], out: Path) -> None:
    reviewer = sign_in(browser, url, REVIEWER, passwords[REVIEWER], (1400, 1000))
    expect(reviewer.locator("#tpa-digest .tpa-digest-chart").first).to_be_visible(
        timeout=TIMEOUT_MS
    )
    settle(reviewer)
    reviewer.screenshot(path=str(out / "chat-landing.png"))
    ask(reviewer, "which touchpoint lost the most users last week", 1)
    reviewer.screenshot(path=str(out / "chat.png"), full_page=True)
    link = reviewer.locator(".tpa-turn a.tpa-link").first.get_attribute("href")
    ask(reviewer, "weekly revenue for the last 3 months", 2)
    reviewer.locator(".tpa-turn").nth(1).screenshot(path=str(out / "chat-periods.png"))

    phone = sign_in(browser, url, REVIEWER, passwords[REVIEWER], (390, 844), mobile=True)
    closed = "() => document.querySelector('#tpa-side')?.getBoundingClientRect().right <= 0"
    phone.wait_for_function(closed, timeout=TIMEOUT_MS)
    toggle = phone.locator("#tpa-side .toggle-button")
    toggle.click()  # open the side panel, switch the interface to Chinese, close it again
    phone.locator("#tpa-language label", has_text="中文").click()
    expect(phone.locator("#tpa-send")).to_have_text("提问", timeout=TIMEOUT_MS)
    toggle.click()
    phone.wait_for_function(closed, timeout=TIMEOUT_MS)
    ask(phone, "各渠道上周活跃用户数", 1)
    phone.locator(".tpa-turn").first.evaluate("(card) => card.scrollIntoView({block: 'start'})")
    settle(phone)
    phone.screenshot(path=str(out / "chat-phone.png"))

    page = reviewer.context.new_page()
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(f"{url}{link}")
    expect(page.locator("#chart .main-svg").first).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)
    page.screenshot(path=str(out / "answer-link.png"), full_page=True)

    asker = sign_in(browser, url, ASKER, passwords[ASKER], (1400, 1000))
    ask(asker, "revenue by region last week", 1)
    asker.locator(".tpa-turn .tpa-up").first.click()
    expect(asker.locator(".block.tpa-feedback").first).to_contain_text(
        "reviewer", timeout=TIMEOUT_MS
    )
    reviewer.locator("#tpa-review-refresh").click()
    expect(reviewer.locator(".tpa-review-item")).to_have_count(1, timeout=TIMEOUT_MS)
    settle(reviewer)
    reviewer.locator("#tpa-side").screenshot(path=str(out / "chat-review.png"))


def sign_in(
    browser: Browser, url: str, name: str, password: str, size: tuple[int, int],
    mobile: bool = False,
) -> Page:  # fmt: skip
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, is_mobile=mobile, has_touch=mobile
    )
    page = context.new_page()
    page.goto(f"{url}/login")
    page.locator("#tpa-name").fill(name)
    page.locator("#tpa-secret").fill(password)
    page.locator("#tpa-login").click()
    expect(page.locator("#tpa-question textarea")).to_be_visible(timeout=TIMEOUT_MS)
    return page


def ask(page: Page, question: str, turns: int) -> None:
    page.locator("#tpa-question textarea").fill(question)
    page.locator("#tpa-send").click()
    expect(page.locator(".tpa-turn")).to_have_count(turns, timeout=TIMEOUT_MS)
    card = page.locator(".tpa-turn").nth(turns - 1)
    expect(card.locator(".tpa-takeaway-links")).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)


def settle(page: Page) -> None:
    """Charts animate their first draw; a screenshot waits for it to end."""
    page.wait_for_timeout(1500)


@contextmanager
def served(db: Path, as_of: str, passwords: dict[str, str]) -> Iterator[str]:
    """`tpa serve` on a free loopback port with its own home; its address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    users = f"{ASKER}:{passwords[ASKER]}:east_marketing,{REVIEWER}:{passwords[REVIEWER]}:analyst"
    with tempfile.TemporaryDirectory(prefix="tpa-shots-") as home:
        # A copy: sessions, proposals and the index live beside the database, and the run's
        # thumbs-up must not land in the real one (the copy's index takes a minute to build).
        served_db = Path(home) / db.name
        shutil.copyfile(db, served_db)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TPA_")}
        env.update(GRADIO_ANALYTICS_ENABLED="False", ANONYMIZED_TELEMETRY="False",
                   TPA_HOME=home, TPA_CHAT_USERS=users, TPA_RETRIEVAL="on")  # fmt: skip
        command = [sys.executable, "-c", "from ui.cli import main; main()", "serve",
                   "--db", str(served_db), "--as-of", as_of, "--port", str(port)]  # fmt: skip
        log = Path(home) / "serve.log"
        with log.open("wb") as sink:
            server = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(url, server, log)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_for(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"tpa serve exited:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    sys.exit(f"tpa serve did not start in 5 minutes:\n{log.read_text()}")


if __name__ == "__main__":
    main()
