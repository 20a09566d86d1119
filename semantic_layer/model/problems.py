"""Problems found in a semantic model, each with its file, line and a suggestion."""

from __future__ import annotations

from collections.abc import Sequence

from semantic_layer.errors import Problem, Severity, UserError


def sort_key(problem: Problem) -> tuple[str, int, int]:
    """File, then line, errors before warnings at the same line."""
    return (str(problem.file or ""), problem.line or 0, 0 if problem.is_error else 1)


class ModelError(UserError):
    """A model that does not validate; `problems` lists every problem found (errors first)."""

    def __init__(self, problems: Sequence[Problem], file: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=sort_key))
        errors = [p for p in self.problems if p.is_error]
        count = f"{len(errors)} problem" + ("s" if len(errors) != 1 else "")
        where = f" in {file}" if file else ""
        lines = "\n".join(f"  {p}" for p in errors)
        super().__init__(
            f"the semantic model has {count}{where}:\n{lines}",
            hint="fix them, then run `tpa validate`",
        )


__all__ = ["ModelError", "Problem", "Severity", "sort_key"]
