"""The chat's interface words (answers themselves come in the question's language from the
assistant; these are the labels around them), from the phrasebook's `chat` sections."""

from __future__ import annotations

from typing import Final

from semantic_layer.phrasebook import GRAMMARS, section, setting_language
from semantic_layer.time import Language

UiLanguage = Language
LANGUAGES: Final[tuple[tuple[str, UiLanguage], ...]] = tuple(
    (said.native, code) for code, said in GRAMMARS.items()
)  # the language picker: each language by its own name

STAGE_ORDER: Final = ("understanding", "querying", "answering")


def ui_language(value: str | None) -> UiLanguage:
    """`"zh"` for any Chinese setting ("zh", "zh-CN", "中文"), else `"en"`."""
    return setting_language(value)


def word(key: str, lang: str, **values: object) -> str:
    """The interface word `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = section("chat")[ui_language(lang)][key]
    return text.format(**values) if values else text


def stage_word(stage: str, lang: Language | str) -> str:
    """ "Understanding…" / "理解问题…" for a service stage (the stage's own name if unknown)."""
    return section("chat.stages")[ui_language(lang)].get(stage, stage)


def group_name(group: str, lang: str) -> str:
    """The name of an example-question group ("Customer service" / "客户服务")."""
    name = section("chat.groups")[ui_language(lang)].get(group)
    return group.replace("_", " ").capitalize() if name is None else name


__all__ = [
    "LANGUAGES",
    "STAGE_ORDER",
    "UiLanguage",
    "group_name",
    "stage_word",
    "ui_language",
    "word",
]
