"""Errors a person can fix: what went wrong, where (file and line), and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from semantic_layer import errors as semantic
from semantic_layer.errors import Problem, nearest, one_of


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
        # without a file there is no line to point at (a config built in code)
        where = line if file is not None else None
        return cls(Problem(message, suggestion=suggestion, file=file, line=where))


def did_you_mean(word: str, choices: Iterable[str], listing: bool = True) -> str:
    """A suggestion such as "did you mean 'events'?" (or the valid choices when none is close)."""
    options = sorted({str(c) for c in choices})
    close = nearest(word, options) or {o.lower(): o for o in options}.get(word.lower())
    if close:
        return semantic.did_you_mean((close,))
    return one_of(options, limit=15) if listing else ""
