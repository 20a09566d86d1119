"""Errors a person can fix: what went wrong, where (file and line), and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem with the config or a source, located as precisely as we can."""

    message: str
    file: Path | None = None
    line: int | None = None
    suggestion: str = ""

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        tail = f" — {self.suggestion}" if self.suggestion else ""
        return f"{where}{self.message}{tail}"


class IngestError(Exception):
    """Bad config or bad input: the message names the file (and line) and says how to fix it."""

    def __init__(self, problems: Problem | Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = (
            (problems,) if isinstance(problems, Problem) else tuple(problems)
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(
        cls, file: Path | None, message: str, suggestion: str = "", line: int | None = None
    ) -> IngestError:
        """A single-problem error."""
        return cls(Problem(message, file, line, suggestion))


def did_you_mean(word: str, choices: Iterable[str], listing: bool = True) -> str:
    """A suggestion such as "did you mean 'events'?" (or the valid choices when none is close)."""
    options = sorted({str(c) for c in choices})
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        lowered = {o.lower(): o for o in options}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    if close:
        return f"did you mean '{close[0]}'?"
    if listing and options:
        shown = ", ".join(options[:15]) + (", …" if len(options) > 15 else "")
        return f"expected one of: {shown}"
    return ""
