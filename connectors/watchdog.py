"""`Watchdog`: one thread that interrupts queries past their deadline.

The engine used a `threading.Timer` per query: a new thread started (and waited for) every
time, which costs little on an idle machine but milliseconds on a loaded one, as much as a short
query itself. One long-lived thread per engine keeps the deadlines in a heap instead.

    handle = watchdog.watch(seconds, cursor.interrupt)
    try: run the query
    finally: handle.cancel()
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(order=True)
class _Deadline:
    at: float
    seq: int
    action: Callable[[], object] = field(compare=False)
    cancelled: bool = field(default=False, compare=False)

    def cancel(self) -> None:
        self.cancelled = True


class Watchdog:
    """Calls each watched action once its deadline passes, unless it was cancelled first."""

    def __init__(self, name: str = "query-watchdog") -> None:
        self._heap: list[_Deadline] = []
        self._seq = itertools.count()
        self._wake = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def watch(self, seconds: float, action: Callable[[], object]) -> _Deadline:
        """Call `action` in `seconds` unless the returned handle is cancelled before."""
        deadline = _Deadline(time.monotonic() + seconds, next(self._seq), action)
        with self._wake:
            heapq.heappush(self._heap, deadline)
            if self._heap[0] is deadline:
                self._wake.notify()
        return deadline

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        with self._wake:
            while not self._closed:
                while self._heap and self._heap[0].cancelled:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._wake.wait()
                    continue
                wait = self._heap[0].at - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                due = heapq.heappop(self._heap)
                self._wake.release()
                try:
                    due.action()
                finally:
                    self._wake.acquire()


__all__ = ["Watchdog"]
