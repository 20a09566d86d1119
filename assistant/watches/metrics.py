"""Counters for `/metrics`: watch runs by verdict, deliveries by platform and outcome, retries."""

from __future__ import annotations

import threading
from collections import defaultdict


class WatchMetrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.deliveries: dict[tuple[str, str], int] = defaultdict(int)
        self.retries: dict[str, int] = defaultdict(int)
        self.runs: dict[tuple[str, str], int] = defaultdict(int)

    def delivery(self, platform: str, status: str) -> None:
        with self._lock:
            self.deliveries[(platform, status)] += 1

    def retry(self, platform: str) -> None:
        with self._lock:
            self.retries[platform] += 1

    def run(self, kind: str, status: str) -> None:
        with self._lock:
            self.runs[(kind, status)] += 1

    def render(self) -> str:
        with self._lock:
            lines = ["# TYPE tpa_watch_deliveries_total counter"]
            lines += [
                f'tpa_watch_deliveries_total{{platform="{p}",status="{s}"}} {n}'
                for (p, s), n in sorted(self.deliveries.items())
            ]
            lines.append("# TYPE tpa_watch_delivery_retries_total counter")
            lines += [
                f'tpa_watch_delivery_retries_total{{platform="{p}"}} {n}'
                for p, n in sorted(self.retries.items())
            ]
            lines.append("# TYPE tpa_watch_runs_total counter")
            lines += [
                f'tpa_watch_runs_total{{kind="{k}",status="{s}"}} {n}'
                for (k, s), n in sorted(self.runs.items())
            ]
            return "\n".join(lines) + "\n"


WATCH_METRICS = WatchMetrics()

__all__ = ["WATCH_METRICS", "WatchMetrics"]
