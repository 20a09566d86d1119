"""Progress reporting for the build: a rich progress bar, or nothing."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)


class Reporter(Protocol):
    def advance(self, events: int) -> None: ...

    def phase(self, text: str) -> None: ...


class Silent:
    """Reports nothing."""

    def __enter__(self) -> Silent:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self, events: int) -> None:
        return None

    def phase(self, text: str) -> None:
        return None


class Bar:
    """A rich progress bar over generated events, then the finishing phases."""

    def __init__(self, total_events: int) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        )
        self._total = total_events
        self._task: TaskID | None = None

    def __enter__(self) -> Bar:
        self._progress.start()
        self._task = self._progress.add_task("generating events", total=self._total)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def advance(self, events: int) -> None:
        if self._task is not None:
            done = min(events, self._total)
            self._progress.update(self._task, completed=done)

    def phase(self, text: str) -> None:
        if self._task is not None:
            self._progress.update(self._task, description=text, completed=self._total)
