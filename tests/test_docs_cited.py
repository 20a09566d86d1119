"""A fresh clone holds every document and file the code, the docs and `--help` cite.

Two kinds of citation are checked: a Markdown document by name (`docs/design.md`, `STYLE.md`),
and a path in the repository (`ui/bots/deliver.py`, `semantic_layer/model/demo.yaml`). Paths that
the project writes at run time (git-ignored: `bench/out/`, `tests/artifacts/`, `.cache/`) and
patterns (`tests/test_bots_*.py`) are not citations of a file.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

from ui.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"(?<![\w/.-])((?:docs/)?[\w.-]+\.md)\b")
SKIP = {"README.md", "report.md", "first-run.md", "description.md"}  # per-folder or written files
TOP = "semantic_layer|connectors|assistant|ui|evals|docs|tests|bench"
PLACEHOLDER = re.compile(r"/[A-Z_]+(?:/|$)")  # evals/domains/NAME: a pattern, not a file
PATH = re.compile(rf"(?<![\w./-])((?:{TOP})/[\w./-]*[\w/])(?![\w*{{<])")

# Citations that are stale in files this change may not edit (the planner owner's evals/gold);
# each must still be stale, so the list only shrinks (the demo model moved from models/ to model/).
KNOWN_STALE: set[tuple[str, str]] = set()


def _sources() -> Iterator[tuple[str, str]]:
    """(where, text) for every source, document and model file of the repository, and `--help`."""
    tracked = subprocess.run(
        ["git", "ls-files", "*.py", "*.md", "*.yaml", "*.toml", "Makefile"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    for name in tracked:
        path = ROOT / name
        if path == Path(__file__):
            continue
        if path.is_file():
            yield name, path.read_text(encoding="utf-8")
    yield from _helps(typer.main.get_command(app), ["tpa"])


def _helps(command: Any, words: list[str]) -> Iterator[tuple[str, str]]:
    ctx = command.context_class(command, info_name=" ".join(words))
    yield " ".join([*words, "--help"]), command.get_help(ctx)
    for name, sub in getattr(command, "commands", {}).items():
        yield from _helps(sub, [*words, name])


def _ignored(paths: set[str]) -> set[str]:
    """The paths git ignores: what the project writes when it runs."""
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT, input="\n".join(sorted({*paths, *(p + "/" for p in paths)})),
        capture_output=True, text=True,
    )  # fmt: skip
    return {p.rstrip("/") for p in done.stdout.split()}


def test_every_cited_document_is_in_the_repository() -> None:
    missing = []
    for where, text in _sources():
        base = (ROOT / where).parent if not where.startswith("tpa") else ROOT
        for name in set(CITED.findall(text)):
            if name in SKIP:
                continue
            candidates = [ROOT / name, ROOT / "docs" / name, base / name]
            if not any(c.is_file() for c in candidates):
                missing.append(f"{where} cites {name}")
    assert not missing, "\n".join(sorted(missing))


def test_every_cited_path_is_in_the_repository() -> None:
    cited = {(where, path) for where, text in _sources() for path in PATH.findall(text)}
    absent = {(w, p) for w, p in cited if not (ROOT / p).exists() and not PLACEHOLDER.search(p)}
    written = _ignored({path.rstrip("/") for _, path in absent})
    missing = {(where, path) for where, path in absent if path.rstrip("/") not in written}
    assert missing - KNOWN_STALE == set(), "\n".join(f"{w} cites {p}" for w, p in sorted(missing))
    assert missing >= KNOWN_STALE, (
        f"no longer stale, drop from KNOWN_STALE: {KNOWN_STALE - missing}"
    )


def test_help_texts_are_scanned() -> None:
    helps = dict(h for h in _sources() if h[0].startswith("tpa"))
    assert "tpa ask --help" in helps and "tpa watch add --help" in helps


def test_the_design_is_in_the_repository() -> None:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    assert "## Meanings" in text and "## Interfaces" in text
