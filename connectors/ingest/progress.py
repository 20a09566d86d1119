"""Running SQL on one DuckDB connection, with a rich progress bar driven by `query_progress()`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

_POLL_SECONDS = 0.1


class Runner:
    """Executes statements; with a progress display, long ones run in a worker thread."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, show: bool = False, console: Console | None = None
    ) -> None:
        self.con = con
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        # DuckDB's own bar would print to the terminal; ours reads query_progress() instead.
        con.execute(f"SET enable_progress_bar = {str(show).lower()}")
        con.execute("SET enable_progress_bar_print = false")
        if show:
            self._bar = Progress(
                TextColumn("{task.description:<36}"),
                BarColumn(),
                TextColumn("{task.percentage:>5.1f}%"),
                TimeElapsedColumn(),
                console=console or Console(stderr=True),
                transient=False,
            )

    @contextmanager
    def display(self) -> Iterator[None]:
        if self._bar is None:
            yield
            return
        with self._bar:
            yield

    @contextmanager
    def stage(self, description: str) -> Iterator[None]:
        """A bar for one stage; statements run inside it advance it."""
        if self._bar is None:
            yield
            return
        self._task = self._bar.add_task(description, total=100.0)
        try:
            yield
            self._bar.update(self._task, completed=100.0)
        finally:
            self._task = None

    def advance(self, fraction: float) -> None:
        """Show the current step of the stage at `fraction` (0–1): bytes scanned, or a statement's
        `query_progress()`. Only leaving the stage completes it (so its clock keeps running)."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=min(fraction * 100.0, 99.0))

    def execute(self, sql: str) -> None:
        if self._bar is None or self._task is None:
            self.con.execute(sql)
            return
        self._in_thread(sql)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.con.execute(sql).fetchall()

    def scalar(self, sql: str) -> Any:
        rows = self.con.execute(sql).fetchall()  # fetch all: DuckDB 2 keeps unfinished results open
        return rows[0][0] if rows else None

    def _in_thread(self, sql: str) -> None:
        failure: list[BaseException] = []

        def work() -> None:
            try:
                self.con.execute(sql)
            except BaseException as e:  # re-raised in the caller's thread
                failure.append(e)

        worker = threading.Thread(target=work, name="tpa-ingest-sql", daemon=True)
        worker.start()
        try:
            while worker.is_alive():
                worker.join(_POLL_SECONDS)
                done = self.con.query_progress()
                if done >= 0:
                    self.advance(done / 100.0)
        except KeyboardInterrupt:
            self.con.interrupt()
            worker.join()
            raise
        if failure:
            raise failure[0]
