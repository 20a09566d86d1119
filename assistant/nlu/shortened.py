"""Names of the model said short, or in pinyin.

Users shorten the model's Chinese names the way they speak: 美团 for the channel 美团外卖,
开始填捐款表单 for the step 开始填写捐款表单; an English speaker writes a Chinese name in pinyin:
"Meituan", "eleme". Read as that name, with a note ("已按 '美团' → '美团外卖' 理解。"):
- the start or the end of a name, three characters or more (新登记 for 新登记客户, 触发场景 for
  问卷触发场景; not a journey's, which the steps a question names say better), or the first two
  characters of a value's name (美团): a metric's or a step's name
  begins with ordinary words (首次, 收到), a two-character end is a head many names share (旅程,
  出去), and a start a measure follows is the thing measured (合同 of 合同金额);
- any name with a character or two left out (four characters said at least);
- a value's name in pinyin, its first or last two syllables or more;
when it names exactly one thing of the model, is no function word, and is not followed by a
word of time ("世界杯期间" is a time, not the 世界杯套餐). A stretch shared by two things is never
guessed: 预约 may be 预约成功 or 预约取消.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

from semantic_layer.model.index import Ref

from .coverage import generic_zh

_CJK_RUN: Final = re.compile(r"[\u4e00-\u9fff]{2,}")
_SHORTEST: Final = 2  # characters of a Chinese name said short
_LONGEST: Final = 8
_LEFT_OUT: Final = 2  # characters a longer name may lose in the middle ("填" for "填写")
# What a metric's name adds to the thing it measures: 合同金额, 报名人数, 下单率.
_MEASURE: Final = re.compile(
    r"(?:总|平均|人均|单均)?(?:金额|额|数|数量|量|人数|次数|单数|件数|笔数|率|比例|占比|时长|时间|收入"
    r"|均价|价格|费用|成本|得分|分数|评分)"
)
_STATISTIC: Final = re.compile(r"中位数?|平均值|平均数|均值|众数|总和|合计|最大值|最小值|分位数?")
_DURING: Final = re.compile(r"\s?(?:期间|那几天|那天|当天|那周|那个月|档期|前后)")
_SYLLABLES: Final = 2  # pinyin syllables at least: "mei tuan", never "mei" alone
_LETTERS: Final = 4


class Shortened:
    """The model's Chinese names, to recognise them said short or written in pinyin."""

    def __init__(self, names: Iterable[tuple[str, tuple[Ref, ...]]]) -> None:
        self._names: dict[str, frozenset[Ref]] = {}
        for name, refs in names:
            if _CJK_RUN.fullmatch(name) and len(name) <= _LONGEST:
                self._names[name] = self._names.get(name, frozenset()) | frozenset(refs)
        self._values = {
            n for n, refs in self._names.items() if all(r.kind == "value" for r in refs)
        }
        self._journeys = {
            n for n, refs in self._names.items() if any(r.kind == "journey" for r in refs)
        }
        self._by_sound: dict[str, set[str]] | None = None

    def fixes(self, norm: str, unread: str) -> list[tuple[str, str]]:
        """(said, name) for each stretch of Chinese nothing read that names one thing short."""
        out: list[tuple[str, str]] = []
        for run in _CJK_RUN.finditer(norm):
            i = run.start()
            while i < run.end() - 1:
                for n in range(min(_LONGEST, run.end() - i), _SHORTEST - 1, -1):
                    said = norm[i : i + n]
                    if not _free(said, unread[i : i + n]) or generic_zh(said):
                        continue  # 卖了 is no short 卖了几件
                    if _MEASURE.fullmatch(said) or _STATISTIC.fullmatch(said):
                        continue  # 中位数: the statistic asked of the metric named
                    name = self._one(said, self._containing(said))
                    if name is not None and _DURING.match(norm, i + _shared(norm, i, name)):
                        continue  # "世界杯期间": a time, not the 世界杯套餐 sold in it
                    if name is not None:
                        out.append((said, name))
                        i += n
                        break
                else:
                    i += 1
        return out

    def romanized(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """(word, name) for each Latin word that is the pinyin of a name's start or end (two
        syllables at least): "meituan" → 美团外卖, "eleme" → 饿了么."""
        words = [w for w in words if len(w) >= _LETTERS and w.isalpha() and w.isascii()]
        if not words or not self._names:
            return []
        sounds = self._sounds()
        out: list[tuple[str, str]] = []
        for word in words:
            name = self._one(word, sounds.get(word, set()))
            if name is not None:
                out.append((word, name))
        return out

    def _containing(self, said: str) -> set[str]:
        """Names that start or end with `said`, or hold its characters in order with at most
        `_LEFT_OUT` more: 开始填捐款表单 in 开始填写捐款表单. A name `said` is only inside of (not
        at either end) is kept too, so that it counts against the guess."""
        found: set[str] = set()
        for name in self._names:
            if len(name) <= len(said):
                continue
            close = len(said) >= 4 and len(name) - len(said) <= _LEFT_OUT
            if said in name or (close and _in_order(said, name)):
                found.add(name)
        return found

    def _one(self, said: str, names: set[str]) -> str | None:
        """The shortest name `said` may stand for (`_stands_for`) when every candidate names the
        same thing."""
        if len({self._names[n] for n in names}) != 1:
            return None
        ends = [n for n in names if self._stands_for(said, n)]
        return min(sorted(ends), key=len) if ends else None

    def _stands_for(self, said: str, name: str) -> bool:
        """Whether `said` stands for `name`: its pinyin for a value's name; its characters in
        order with some left out; or its start or end — two characters start only a value's
        name (美团 of 美团外卖: 首次, 收到 begin names of metrics and steps as ordinary words),
        never a journey's, an end has three characters or more (旅程, 出去 are heads many names
        share), and a start a measure follows is the thing measured (合同 of 合同金额)."""
        if said not in name:  # sounding like it, or with characters left out
            return not said.isascii() or name in self._values
        if name not in self._values and (len(said) < 3 or name in self._journeys):
            return False
        starts = name.startswith(said) and not _MEASURE.fullmatch(name[len(said) :])
        return starts or (name.endswith(said) and len(said) >= 3)

    def _sounds(self) -> dict[str, set[str]]:
        if self._by_sound is None:  # built whole, then published (another thread may read)
            from pypinyin import lazy_pinyin  # loads (0.2 s) only for a word no name matched

            by_sound: dict[str, set[str]] = defaultdict(set)
            for name in self._names:
                syllables = lazy_pinyin(name)
                for k in range(_SYLLABLES, len(syllables) + 1):
                    by_sound["".join(syllables[:k])].add(name)
                    by_sound["".join(syllables[-k:])].add(name)
            self._by_sound = dict(by_sound)
        return self._by_sound


def _free(said: str, unread: str) -> bool:
    """Whether nothing read `said`, or it is long (four characters or more), nothing read its ends
    and nothing read half of it: 开始填捐款表单 whose 捐款 alone was read as a word."""
    if unread == said:
        return True
    kept = sum(a == b for a, b in zip(said, unread, strict=True))
    return (
        len(said) >= 4 and unread[0] == said[0] and unread[-1] == said[-1] and 2 * kept >= len(said)
    )


def _shared(norm: str, at: int, name: str) -> int:
    """How many characters of `name` the question says from `at` on."""
    k = 0
    while k < len(name) and at + k < len(norm) and norm[at + k] == name[k]:
        k += 1
    return k


def _in_order(said: str, name: str) -> bool:
    """Whether `said` is `name` with characters left out, its first and last kept."""
    if said[0] != name[0] or said[-1] != name[-1]:
        return False
    rest = iter(name)
    return all(c in rest for c in said)


__all__ = ["Shortened"]
