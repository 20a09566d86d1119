"""What screen readers and browsers need from a page: the `<html lang>` of an interface language,
and a chart's text alternative, taken from the answer's own sentence (so it says what the chart
shows, in the answer's language)."""

from __future__ import annotations

from typing import Any

from ui.chat.labels import ui_language, word

HTML_LANG = {"en": "en", "zh": "zh-CN"}


def html_lang(lang: str) -> str:
    """The `lang` attribute for an interface or answer language: "en" or "zh-CN"."""
    return HTML_LANG[ui_language(lang)]


def chart_caption(answer: Any) -> str:
    """ "Chart: Revenue was ¥1.2M last week, up 3.4%…": the text alternative of an answer's chart,
    in the answer's language (its title when the answer has no sentence)."""
    lang = str(answer.language)
    title = ((answer.chart or {}).get("layout") or {}).get("title") or {}
    title_text = title.get("text", "") if isinstance(title, dict) else str(title)
    sentence = " ".join(str(answer.text or title_text).split())
    colon = "：" if ui_language(lang) == "zh" else ": "
    return f"{word('chart', lang)}{colon}{sentence}"


__all__ = ["HTML_LANG", "chart_caption", "html_lang"]
