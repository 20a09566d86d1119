"""`tpa serve` in a subprocess for the tests that need a real server: a free loopback port, an
environment of its own, start (waiting for /healthz), SIGKILL, stop, and start again on the same
database and sessions.

    with TpaServer(db, home, {"TPA_API_KEYS": "k:analyst"}) as server:
        httpx.get(f"{server.url}/healthz")
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

AS_OF = "2026-11-23"
QUIET = {"GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def tpa_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a `tpa` subprocess: none of the caller's `TPA_*` settings, working
    files under `home`, no retrieval index to build unless `extra` says TPA_RETRIEVAL=on."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TPA_")}
    return {**env, **QUIET, "TPA_HOME": str(home), "TPA_RETRIEVAL": "off", **extra}


@dataclass
class TpaServer:
    """`tpa serve --db DB --as-of 2026-11-23` on `port`, its output appended to home/serve.log."""

    db: Path
    home: Path
    env: Mapping[str, str] = field(default_factory=dict)  # extra variables (tpa_env's `extra`)
    port: int = field(default_factory=free_port)
    start_timeout_s: float = 120
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.home / "serve.log"

    def start(self) -> Self:
        """Start the server and wait until /healthz answers; fails with its log if it dies."""
        command = [sys.executable, "-c", "from ui.cli import main; main()", "serve"]
        command += ["--db", str(self.db), "--as-of", AS_OF, "--port", str(self.port)]
        with self.log.open("ab") as log:
            env = tpa_env(self.home, **self.env)
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.start_timeout_s
        while True:
            assert self.process.poll() is None, f"tpa serve exited: {self.log.read_text()}"
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"tpa serve did not start: {self.log.read_text()}"
            time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no clean-up."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


__all__ = ["TpaServer", "free_port", "tpa_env"]
