"""Ids written in pinyin (`qidong_shibai`, `zhuce_ok`, `daka`): `tpa init` does not invent an
English label from them ("qidong shibai" reads as nothing), and reads their stage from the
pinyin of the Chinese stage words (`zhifu` = 支付 → purchase).

A word is pinyin when it splits wholly into pinyin syllables (the table comes from `pypinyin`'s
dictionary) and is not a common English word (`wordfreq`: "open" = o + pen, "menu" = me + nu,
"change" = chang + e are English). Both load on first use.
"""

from __future__ import annotations

import re
from functools import cache

from semantic_layer.errors import normalise

ENGLISH_ZIPF = 3.0  # a word at least this common in English is English (`daka` is 1.9)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_SYLLABLES = frozenset({"m", "n", "ng", "hm", "hng", "r", "ê"})


@cache
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (`zhi`, `fu`, `shuang`…), about 410 of them."""
    from pypinyin import Style
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.style import convert

    found = {
        convert(p, Style.NORMAL, strict=False)
        for value in pinyin_dict.values()
        for p in value.split(",")
    }
    return frozenset(s for s in found if s.isascii() and s.isalpha() and s not in _NOT_SYLLABLES)


def split_syllables(word: str) -> tuple[str, ...] | None:
    """`word` (lower case) as pinyin syllables, the fewest of them, or None when it is not
    pinyin all through."""
    table = syllables()
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            head = best[start]
            if head is not None and word[start:end] in table:
                candidate = (*head, word[start:end])
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[-1]


def is_pinyin_word(word: str) -> bool:
    """Whether `word` reads as pinyin of two or more syllables and not as an English word."""
    lowered = word.lower()
    if not lowered.isascii() or not lowered.isalpha():
        return False
    parts = split_syllables(lowered)
    return parts is not None and len(parts) >= 2 and not _is_english(lowered)


def id_words(touchpoint: str) -> list[str]:
    """The words of an id (`zhuce_ok` → zhuce, ok; `fapiaoYe` → fapiao, ye)."""
    return normalise(_CAMEL.sub(" ", touchpoint)).split()


def reads_as_pinyin(text: str) -> bool:
    """Whether an id is written in pinyin: a word of it is (`zhuce_ok`, `daka`), and no word of
    it is a longer English one (`open_zhuce` is mixed and stays as it is)."""
    words = id_words(text)
    return any(is_pinyin_word(w) for w in words)


def pinyin_of(chinese: str) -> str:
    """The toneless pinyin of Chinese words, run together (`支付` → `zhifu`)."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(chinese))


@cache
def _is_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= ENGLISH_ZIPF


__all__ = ["id_words", "is_pinyin_word", "pinyin_of", "reads_as_pinyin", "split_syllables"]
