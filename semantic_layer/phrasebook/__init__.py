"""The phrasebook: every user-facing text, one catalogue per language (`en.py`, `zh.py`), looked
up by section and key. It sits at the bottom of the layers so that every part can read it.

    section("answer")["zh"]["dropoff_top"].format(...)   # one section's templates per language
    phrase("zh", "chat", "send")                          # one text, placeholders filled

Sections: `plan` (what a plan computes, `describe`), `answer` (the answer's sentences), `suggest`
(follow-up questions), `failure` (why an answer failed), `chat` (the chat's interface), `bots`
(a bot's reply), `choices` (the planner's questions back and refusals), with `.words`,
`.units`, … for the vocabulary each uses. Adding a language is one module with the same sections
and keys and a `GRAMMAR` (`grammar.py`: how it joins words, lists and sentences);
tests/test_phrasebook.py fails on a key missing in one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from semantic_layer.phrasebook import en, zh
from semantic_layer.phrasebook.grammar import Grammar, series

if TYPE_CHECKING:  # the time labels read the phrasebook: no import of time at run time
    from semantic_layer.timeparts.labels import Language

CATALOGUES: Final[dict[Language, dict[str, dict[str, str]]]] = {
    "en": en.SECTIONS,
    "zh": zh.SECTIONS,
}

GRAMMARS: Final[dict[Language, Grammar]] = {"en": en.GRAMMAR, "zh": zh.GRAMMAR}
FALLBACK: Final[Language] = "en"
"""The language said when another is not known, and whose labels every model item has."""


def grammar(lang: str) -> Grammar:
    """How `lang` joins words, lists and sentences (English for a language it does not have)."""
    return GRAMMARS[language(lang)]


def written_in(text: str) -> Language:
    """The language `text` is written in, of the phrasebook's: the first whose grammar's `script`
    it holds a character of (Chinese for a CJK ideograph), else English."""
    return next((code for code, said in GRAMMARS.items() if said.writes(text)), FALLBACK)


def setting_language(value: str | None) -> Language:
    """The language a setting names: by code or its prefix ("zh", "zh-CN") or by its own name
    ("中文"); English when it names none."""
    text = (value or "").strip().casefold()
    for code, said in GRAMMARS.items():
        if text.startswith(code) or text == said.native.casefold():
            return code
    return FALLBACK


def language(lang: str) -> Language:
    """`lang` when the phrasebook has it, else English (a question's language is "en" or "zh")."""
    return next((known for known in CATALOGUES if known == lang), FALLBACK)


def section(name: str) -> dict[Language, dict[str, str]]:
    """One section of the catalogue in every language: `section("answer")["en"][key]`."""
    return {lang: catalogue[name] for lang, catalogue in CATALOGUES.items()}


def phrase(lang: Language, name: str, key: str, **values: object) -> str:
    """The text `key` of section `name` in `lang`, with `{placeholders}` filled from `values`."""
    text = CATALOGUES[lang][name][key]
    return text.format(**values) if values else text


__all__ = [
    "CATALOGUES",
    "FALLBACK",
    "GRAMMARS",
    "Grammar",
    "grammar",
    "language",
    "phrase",
    "section",
    "series",
    "setting_language",
    "written_in",
]
