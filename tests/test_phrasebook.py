"""One phrasebook: the same sections, keys and placeholders in every language, and no per-language
branches outside it except the known remainder listed below (issue 16, point 3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from semantic_layer.phrasebook import CATALOGUES, phrase, section

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = sorted(CATALOGUES["en"])


def test_every_language_has_the_same_sections() -> None:
    for lang, catalogue in CATALOGUES.items():
        assert sorted(catalogue) == SECTIONS, lang


@pytest.mark.parametrize("name", SECTIONS)
def test_every_key_is_in_every_language_with_the_same_placeholders(name: str) -> None:
    texts = section(name)
    keys = set().union(*(set(t) for t in texts.values()))
    for lang, table in texts.items():
        missing = sorted(keys - set(table))
        assert not missing, f"{name}: {lang} lacks {missing}"
        empty = sorted(key for key in keys if not table[key].strip())
        assert not empty, f"{name}: {lang} has empty {empty}"


def test_a_phrase_is_looked_up_by_key() -> None:
    assert phrase("en", "chat", "send") == "Ask"
    assert phrase("zh", "chat", "send") == "提问"
    with pytest.raises(KeyError):
        phrase("en", "chat", "no_such_key")


# -- no per-language branches outside the phrasebook ----------------------------------------------

BRANCH = re.compile(r"""(==|!=)\s*["'](zh|en)["']|["'](zh|en)["']\s+if\s""")
# Sites left for later, each named; the list may only shrink (a site that is gone must leave it).
# assistant/nlu/ is the planner owner's (issue 16): its branches read questions, some say words.
KNOWN = {
    "assistant/answer/charts_base.py": 1,
    "assistant/nlu/choices.py": 3,
    "assistant/nlu/coverage.py": 1,
    "assistant/nlu/decide.py": 2,
    "assistant/nlu/reading.py": 1,
    "assistant/nlu/shared.py": 1,
    "assistant/nlu/text.py": 1,
    "assistant/retrieval/documents.py": 1,
    "assistant/retrieval/retriever.py": 1,
    "semantic_layer/model/base.py": 1,
    "semantic_layer/model/rules/base.py": 1,  # tpa validate --lang zh: Context.say(en, zh)
    "semantic_layer/model/spec_data.py": 1,
    "ui/bots/files.py": 1,
    "ui/bots/replies.py": 2,
    "ui/chat/a11y.py": 2,
    "ui/chat/catalog.py": 1,
    "ui/chat/cells.py": 1,
    "ui/chat/handlers.py": 1,
    "ui/chat/labels.py": 1,
    "ui/chat/watching.py": 3,
    "ui/cli/ask_cmd.py": 3,  # table units (¥, 分钟/小时), from the issue 13 audit
}


def test_no_language_branches_outside_the_phrasebook() -> None:
    found: dict[str, int] = {}
    for package in ("assistant", "ui", "connectors", "semantic_layer", "evals"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name.startswith(("semantic_layer/phrasebook/", "evals/domains/")):
                continue
            hits = sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                       if BRANCH.search(line))  # fmt: skip
            if hits:
                found[name] = hits
    assert found == KNOWN
