"""Chinese typos of the sound: an input method's wrong character for the right syllable.

"超时律" for 超时率, "挂好量" for 挂号量: the same syllables (with the usual fuzzy
pairs of a southern accent — z/zh, c/ch, s/sh, n/l, -n/-ng) and one character different from a
word of the model. Only words nothing else read are tried, and the answer says what was read
("已按 '超时律' → '超时率' 理解。"), so the guess is never silent. pypinyin loads on the first
question that needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LONGEST: Final = 6
# Two characters sound alike too often to guess (卖了/买了, 话费/花费, 平均工资's 均工/竣工).
_SHORTEST: Final = 3
# Initials and finals a southern accent (and a hurried input method) does not tell apart.
_INITIALS: Final = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"))
_FINALS: Final = (("ing", "in"), ("eng", "en"), ("ang", "an"))


def _sound(syllable: str) -> str:
    for long, short in _INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    for long, short in _FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable


def _key(text: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(_sound(s) for s in lazy_pinyin(text))


class Homophones:
    """The model's Chinese words by their sound, built on first use."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted(
            {w for w in words if _CJK_RUN.fullmatch(w) and _SHORTEST <= len(w) <= _LONGEST}
        )
        self._by_sound: dict[tuple[str, ...], list[str]] | None = None
        self._by_length: dict[int, list[str]] = {}
        for word in self._words:
            self._by_length.setdefault(len(word), []).append(word)

    def fixes(self, norm: str, unread: str) -> list[tuple[str, str]]:
        """(wrong, right) for each stretch of Chinese that sounds like a model word, differs from
        it in one character (two in a word of four or more), and has a character nothing read
        (`unread`: `norm` with the words read blanked): "超时律", where 超时 alone was read."""
        if not self._words or not _CJK_CHAR.search(unread):
            return []
        out: list[tuple[str, str]] = []
        for run in _CJK_RUN.finditer(norm):
            free = [unread[k] != " " for k in range(run.start(), run.end())]
            if self._near(run[0], free):  # else no sound can match: pypinyin is not loaded
                out += self._in_run(run[0], free)
        return out

    def _near(self, run: str, free: list[bool]) -> bool:
        """Whether a stretch of `run` that `_in_run` tries is `_one_off` a word of the model: the
        one condition of a fix that needs no pinyin (loading pypinyin takes 0.2 s)."""
        for i in range(len(run) - _SHORTEST + 1):
            for n in range(_SHORTEST, min(_LONGEST, len(run) - i) + 1):
                said = run[i : i + n]
                words = self._by_length.get(n, ())
                if any(free[i : i + n]) and any(_one_off(said, w) for w in words):
                    return True
        return False

    def _in_run(self, run: str, free: list[bool]) -> list[tuple[str, str]]:
        by_sound = self._index()
        sounds = _key(run)  # one syllable per character of a run of Chinese characters
        out: list[tuple[str, str]] = []
        i = 0
        while i <= len(run) - _SHORTEST:
            for n in range(min(_LONGEST, len(run) - i), _SHORTEST - 1, -1):
                said = run[i : i + n]
                if not any(free[i : i + n]):
                    continue
                heard = by_sound.get(sounds[i : i + n], [])
                right = next((w for w in heard if _one_off(said, w)), None)
                if right is not None:
                    out.append((said, right))
                    i += n
                    break
            else:
                i += 1
        return out

    def _index(self) -> dict[tuple[str, ...], list[str]]:
        if self._by_sound is None:  # built whole, then published: another thread asking
            by_sound: dict[tuple[str, ...], list[str]] = {}  # meanwhile never sees it half-full
            for word in self._words:
                by_sound.setdefault(_key(word), []).append(word)
            self._by_sound = by_sound
        return self._by_sound


def _one_off(said: str, word: str) -> bool:
    if len(said) != len(word) or said == word:
        return False
    differ = sum(a != b for a, b in zip(said, word, strict=True))
    return differ <= (2 if len(word) >= 4 else 1)


__all__ = ["Homophones"]
