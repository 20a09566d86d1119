"""The scheduler `tpa serve` runs: `Watches.run_due` every `interval_s` seconds on one thread.

Running is idempotent per period (see `WatchStore.claim`), so the interval only sets how soon a
new period, or a retry, goes out; a restart sends nothing twice.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from typing import Final

from assistant.watches.errors import WatchError
from assistant.watches.manager import Watches

log = logging.getLogger("assistant.watches")
DEFAULT_INTERVAL_S: Final = 60.0


def interval_from_env(environ: Mapping[str, str] | None = None) -> float:
    """`TPA_WATCH_INTERVAL` seconds between runs (default 60; 0 switches the scheduler off)."""
    env = os.environ if environ is None else environ
    text = env.get("TPA_WATCH_INTERVAL", "").strip()
    if not text:
        return DEFAULT_INTERVAL_S
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        raise WatchError("interval", text=text)
    return value


class Scheduler:
    """A daemon thread calling `watches.run_due()`; `stop()` ends it between runs."""

    def __init__(self, watches: Watches, interval_s: float) -> None:
        self.watches, self.interval_s = watches, interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.interval_s <= 0 or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="tpa-watches", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                report = self.watches.run_due()
                if report.sent or report.failed:
                    log.info("watches: %d sent, %d failed", report.sent, report.failed)
            except Exception:
                log.exception("running due watches failed")
            self._stop.wait(self.interval_s)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None


__all__ = ["DEFAULT_INTERVAL_S", "Scheduler", "interval_from_env"]
