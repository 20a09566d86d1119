"""What the loopback benches share: the demo questions, and `tpa serve` started on a free port over
a copy of the database (so sessions and thumbs-up examples never land in `data/`).

    with served(db, keys=["k1:analyst"], log=path) as base:   # "http://127.0.0.1:PORT"
        ...
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.catalog import EXAMPLES  # noqa: E402

START_TIMEOUT_S = 180


def questions() -> list[str]:
    """The catalog's example questions, English and Chinese."""
    return [texts[key] for key in next(iter(EXAMPLES.values())) for texts in EXAMPLES.values()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def copy_database(db: Path, home: Path) -> Path:
    """The database and its retrieval index (and any feedback examples) copied into `home`."""
    shutil.copy2(db, home / db.name)
    for name in (f"{db.name}.index", "examples.jsonl"):
        source = db.parent / name
        if source.is_dir():
            shutil.copytree(source, home / name)
        elif source.is_file():
            shutil.copy2(source, home / name)
    return home / db.name


def start_server(
    db: Path,
    port: int,
    keys: Sequence[str],
    log: Path,
    *,
    rate_per_minute: int = 1_000_000,
    extra_env: Mapping[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """`tpa serve` on `port` with API `keys` ("key:role"); the per-key rate limit lifted by
    default so it does not shape the load; `extra_env` adds variables (an LLM endpoint)."""
    env = {
        **os.environ,
        **(extra_env or {}),
        "TPA_HOME": str(db.parent),
        "TPA_API_KEYS": ",".join(keys),
        "TPA_RATE_PER_MINUTE": str(rate_per_minute),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ANONYMIZED_TELEMETRY": "False",
    }
    tpa = str(Path(sys.executable).parent / "tpa")
    cmd = [tpa, "serve", "--port", str(port), "--db", str(db)]
    with log.open("wb") as err:
        return subprocess.Popen(cmd, env=env, stderr=err, stdout=err)


async def wait_ready(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Until /healthz answers; exits with the server's last log lines if it dies or hangs."""
    deadline = time.monotonic() + START_TIMEOUT_S
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"the server exited ({server.returncode}):\n{tail(log)}")
            try:
                if (await client.get(f"{base}/healthz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.3)
    raise SystemExit(f"the server did not start in {START_TIMEOUT_S} s:\n{tail(log)}")


def tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def served(
    db: Path,
    keys: Sequence[str],
    log: Path | None = None,
    extra_env: Mapping[str, str] | None = None,
) -> Iterator[tuple[str, int]]:
    """`tpa serve` over a temporary copy of `db`, ready; yields its base URL and process id."""
    with tempfile.TemporaryDirectory(prefix="tpa-bench-") as tmp:
        home = Path(tmp)
        copy = copy_database(db, home)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(copy, port, keys, log or home / "serve.log", extra_env=extra_env)
        try:
            asyncio.run(wait_ready(base, server, log or home / "serve.log"))
            yield base, server.pid
        finally:
            server.terminate()
            server.wait(timeout=30)
