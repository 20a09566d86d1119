"""`tpa serve` without any sign-in configured (issue 13 point 7): it refuses to listen beyond
loopback, and on loopback it says at start-up that the chat is unsigned and loopback only."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from tests.fakes.served import TpaServer, tpa_env
from ui.cli import app


def test_without_sign_in_it_refuses_to_listen_beyond_loopback(
    small_demo: Path, tmp_path: Path
) -> None:
    unset: dict[str, str | None] = {k: None for k in os.environ if k.startswith("TPA_")}
    env = {**unset, **tpa_env(tmp_path)}
    result = CliRunner().invoke(
        app, ["serve", "--db", str(small_demo), "--host", "0.0.0.0", "--port", "9"], env=env
    )
    assert result.exit_code == 2
    assert "the chat has no sign-in, so it may not listen on 0.0.0.0" in result.output
    assert "TPA_API_KEYS or TPA_CHAT_USERS" in result.output


def test_on_loopback_it_says_so_at_start_up(small_demo: Path, tmp_path: Path) -> None:
    with TpaServer(small_demo, tmp_path) as served:
        log = served.log.read_text()
    assert "chat: no sign-in configured, so it serves loopback only (127.0.0.1)" in log
    assert "set TPA_API_KEYS or TPA_CHAT_USERS to serve others" in log
