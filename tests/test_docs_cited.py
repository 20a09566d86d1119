"""A fresh clone holds every document the code and docs cite (docs/design.md is one)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"(?<![\w/.-])((?:docs/)?[\w.-]+\.md)\b")
SKIP = {"README.md", "report.md", "first-run.md", "description.md"}  # per-folder or written files


def test_every_cited_document_is_in_the_repository() -> None:
    missing = []
    for path in [*ROOT.glob("*/**/*.py"), *ROOT.glob("docs/*.md"), ROOT / "README.md"]:
        if ".venv" in path.parts or "build" in path.parts:
            continue
        for name in set(CITED.findall(path.read_text(encoding="utf-8"))):
            if name in SKIP:
                continue
            candidates = [ROOT / name, ROOT / "docs" / name, path.parent / name]
            if not any(c.is_file() for c in candidates):
                missing.append(f"{path.relative_to(ROOT)} cites {name}")
    assert not missing, "\n".join(sorted(missing))


def test_the_design_is_in_the_repository() -> None:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    assert "## Meanings" in text and "## Interfaces" in text
