"""Anything with more than four parameters takes them by keyword (issue 16, point 4): a call
like `run_digest(service, role, "week", week)` cannot swap two arguments of the same type
unnoticed. At most four may be passed by position (`self`/`cls` aside); the rest follow `*`."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_POSITIONAL = 4
# The planner's own (assistant/nlu/ is its owner's, issue 16). The list may only shrink.
KNOWN = {
    "assistant/nlu/choices.py:no_such_split",
    "assistant/nlu/followup.py:_inherit",
    "assistant/nlu/planner.py:_accounted",
    "assistant/nlu/timeranges.py:_try",
}


def positional(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    """The parameters `node` takes by position, without `self` or `cls`."""
    names = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def too_positional(source: str) -> list[str]:
    """The functions of `source` that take more than four parameters by position."""
    return [
        node.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and len(positional(node)) > MAX_POSITIONAL
    ]


def test_the_scan_finds_a_long_positional_signature() -> None:
    source = (
        "def long(a, b, c, d, e): ...\n"
        "def fine(a, b, *, c, d, e): ...\n"
        "class C:\n"
        "    def method(self, a, b, c, d): ...\n"
        "    def wide(self, a, b, c, d, e=1): ...\n"
    )
    assert too_positional(source) == ["long", "wide"]


def test_more_than_four_parameters_are_keyword_only() -> None:
    found: set[str] = set()
    for package in ("assistant", "ui", "connectors", "semantic_layer", "evals"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name.startswith("evals/domains/"):  # data generators written blind, like fixtures
                continue
            found |= {f"{name}:{f}" for f in too_positional(path.read_text(encoding="utf-8"))}
    outside = sorted(found - KNOWN)
    assert not outside, f"take these by keyword (put `*,` after the first few): {outside}"
    assert found == KNOWN, f"gone from the planner, drop from KNOWN: {sorted(KNOWN - found)}"
