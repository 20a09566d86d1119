"""Errors of the semantic layer: one base, two branches (errors say what and how to fix).

`UserError` is something the user, the model's author or an LLM can fix: it names what is wrong,
where (file and line when there is one), and what to use instead. `InternalError` is our bug.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


class SemanticError(Exception):
    """Base of every error the semantic layer raises."""


class UserError(SemanticError):
    """A fixable problem: "unknown metric 'convertion rate' — did you mean 'conversion_rate'?"."""

    def __init__(
        self,
        message: str,
        *,
        names: Sequence[str] = (),
        suggestions: Sequence[str] = (),
        hint: str = "",
        file: str | Path | None = None,
        line: int | None = None,
        kind: str = "",
    ) -> None:
        self.message = message
        self.kind = kind  # what went wrong, for answers in other languages ("unknown_metric")
        self.names: tuple[str, ...] = tuple(names)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        self.hint = hint
        self.file = str(file) if file is not None else None
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        """`file:line: message — did you mean 'x'?` (each part only when known)."""
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        tail = did_you_mean(self.suggestions) or self.hint
        return f"{where}{self.message}" + (f" — {tail}" if tail else "")


Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem: `file:line: what is wrong — suggestion`; warnings do not fail validation.

    The one problem type of the project: the model's validation and ingestion's config checks
    both collect these (`ModelError`, `IngestError`).
    """

    message: str
    suggestion: str = ""
    file: str | Path | None = None
    line: int | None = None
    severity: Severity = "error"
    rule: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        elif self.line:
            where = f"line {self.line}: "
        level = "warning: " if self.severity == "warning" else ""
        tail = f" — {self.suggestion}" if self.suggestion else ""
        return f"{where}{level}{self.message}{tail}"


class InternalError(SemanticError):
    """A bug in Touchpoint Assistant, not in the model, the data or the question."""


_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(term: str) -> str:
    """The form names are compared in: case-folded, `_`/`-`/spaces collapsed to one space."""
    return _SEPARATORS.sub(" ", term.casefold()).strip()


def close_matches(
    word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6
) -> tuple[str, ...]:
    """The choices closest to `word`, compared case- and separator-insensitively: only those
    about as close as the best one (difflib ratio within 0.08), at most `n`."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(normalise(choice), choice)
    key = normalise(word)
    if key in by_key:
        return (by_key[key],)
    scored = sorted(
        ((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in by_key),
        key=lambda pair: (-pair[0], pair[1]),
    )
    found = [k for score, k in scored if score >= cutoff and score >= scored[0][0] - 0.08]
    if not found and key:
        found = [k for k in by_key if min(len(k), len(key)) >= 3 and (key in k or k in key)]
    return tuple(dict.fromkeys(by_key[k] for k in found[:n]))


def nearest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The one choice closest to `word` by difflib's ratio (at least `cutoff`), else None.

    With `did_you_mean` this is the project's one did-you-mean helper: `did_you_mean([x])`.
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(suggestions: Sequence[str]) -> str:
    """`did you mean 'a'?` or `did you mean 'a' or 'b'?` ("" when there is nothing to suggest)."""
    if not suggestions:
        return ""
    quoted = [f"'{s}'" for s in suggestions]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {listed}?"


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    """`expected one of: a, b, c` (shortened when long)."""
    options = sorted(dict.fromkeys(choices))
    if not options:
        return ""
    shown = ", ".join(options[:limit]) + (", …" if len(options) > limit else "")
    return f"expected one of: {shown}"


__all__ = [
    "InternalError",
    "Problem",
    "SemanticError",
    "Severity",
    "UserError",
    "close_matches",
    "did_you_mean",
    "nearest",
    "normalise",
    "one_of",
]
