"""Question text as the planner reads it: normalised width and case, Chinese numerals as digits.

Traditional characters read as simplified (OpenCC's tables, only when the text has one), and
common Cantonese words as their Mandarin ones (几多 → 多少, 点解 → 为什么, 冇 → 没有), so a
question from Hong Kong matches a model labelled in simplified Mandarin — and a model labelled in
traditional characters matches too, since its labels are normalised the same way.

`prepare("上周 Checkout 的转化率？")` → a `Question` with the original text, its language and the
normalised form the matchers scan. Normalisation keeps positions meaningful for both scripts:
Latin words are lower-cased and separated by single spaces; Chinese characters stay as they are
(no spaces are needed between them, the lexicon matches the longest term at each position).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

from opencc import OpenCC

from semantic_layer.phrasebook import written_in
from semantic_layer.timeparts.labels import Language

MAX_QUESTION_CHARS: Final = 2000

_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_EN_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "sixty": 60, "ninety": 90, "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip
_EN_NUMBER = re.compile(r"\b(" + "|".join(sorted(_EN_NUMBERS, key=len, reverse=True)) + r")\b")
# Abbreviations of generic words people type in chat ("last wk", "yday", "ppl").
_ABBREVIATIONS: Final = {
    "wk": "week", "wks": "weeks", "yr": "year", "yrs": "years", "mth": "month", "mths": "months",
    "mo": "month", "mos": "months", "qtr": "quarter", "qtrs": "quarters", "yday": "yesterday",
    "ytday": "yesterday", "tmrw": "tomorrow", "ppl": "people", "avg": "average", "pct": "percent",
    "no.": "number", "num": "number", "w/": "with", "w/o": "without", "vs.": "vs",
    "dept": "department", "depts": "departments", "appt": "appointment",
    "appts": "appointments", "tix": "tickets", "rev": "revenue", "qty": "quantity", "amt": "amount",
    "txn": "transaction", "txns": "transactions", "conv": "conversion", "cust": "customer",
    "custs": "customers", "acct": "account", "accts": "accounts", "regs": "registrations",
    "approx": "approximately", "mnth": "month", "mnths": "months", "hw": "how", "wat": "what",
    "pls": "please", "plz": "please", "lst": "last", "prev": "previous",
}  # fmt: skip
_ABBREVIATION = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")(?![\w])"
)
# Words whose Chinese numeral is part of a name or idiom, not a number.
_COUNTED: Final = frozenset("个人元块天次单万亿分年月周位家笔件张台辆条")
_KEEP: Final = (
    "一下",
    "一些",
    "一起",
    "一样",
    "一直",
    "统一",
    "唯一",
    "万一",
    "第一次",
    "一点",
    "一共",
    "一般",
    "一定",
    "一次性",
    "一旦",
)
_PUNCT = re.compile(r"[^\w\s\u3400-\u9fff.%+\-/:→>]")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[–—~～]")
_RANK_NUMBER = re.compile(
    r"(?<![a-z])(top|bottom|best|worst)(\d+)(?![a-z\d])"
)  # not FIRST1, a code
_HYPHEN = re.compile(r"(?<=[a-z])-|-(?=[a-z])")  # "touch-point", "drop-off"; not "2025-10"


@dataclass(frozen=True)
class Question:
    """A question ready for matching: `text` as asked, `norm` normalised, `language` guessed."""

    text: str
    norm: str
    language: Language


def language_of(text: str) -> Language:
    """ "zh" when the question has Chinese characters (mixed questions are Chinese), else "en":
    the phrasebook tells (its grammars' `script`)."""
    return written_in(text)


def prepare(text: str) -> Question:
    """Normalise a question for matching (see the module docstring)."""
    norm = _mandarin(_simplified(unicodedata.normalize("NFKC", text))).casefold()
    norm = norm.replace("’", "'").replace("‘", "'").replace("_", " ")
    norm = _DASHES.sub("-", norm)
    norm = _zh_numerals(norm)
    norm = _EN_NUMBER.sub(lambda m: str(_EN_NUMBERS[m[1]]), norm)
    norm = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m[1]], norm)
    norm = _PUNCT.sub(" ", norm)
    norm = _HYPHEN.sub(" ", norm)
    norm = _RANK_NUMBER.sub(r"\1 \2", norm)  # "top3" → "top 3"
    norm = _space_scripts(norm)
    return Question(text=text, norm=_SPACES.sub(" ", norm).strip(), language=language_of(text))


def _simplified(text: str) -> str:
    """Traditional characters as simplified ones, phrase by phrase (OpenCC `t2s`)."""
    if _traditional().isdisjoint(text):
        return text
    with _T2S_LOCK:  # (OpenCC keeps state while it converts)
        converted: str = _t2s().convert(text)
    return converted


@cache
def _traditional() -> frozenset[str]:
    """The characters OpenCC converts (the keys of its TSCharacters table)."""
    table = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in table.splitlines() if "\t" in line)


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


_T2S_LOCK = threading.Lock()
# Cantonese words and their Mandarin equivalents: generic language, like English spellings.
_CANTONESE: Final = {
    "几多": "多少", "点解": "为什么", "点样": "怎样", "几耐": "多久", "乜嘢": "什么", "咩": "什么",
    "边个": "哪个", "边间": "哪间", "边度": "哪里", "边啲": "哪些", "冇": "没有", "嘅": "的",
    "咗": "了", "睇下": "看下", "睇": "看", "俾": "给", "佢哋": "他们", "佢": "他", "啲": "些",
    "咁": "这么", "而家": "现在", "琴日": "昨天", "寻日": "昨天", "今个": "这个", "嚟": "来",
    "唔": "不", "仲": "还", "系咪": "是不是",
}  # fmt: skip
_CANTONESE_WORD = re.compile("|".join(sorted(map(re.escape, _CANTONESE), key=len, reverse=True)))


def _mandarin(text: str) -> str:
    """Common Cantonese words as Mandarin ones (only in text that has Chinese characters)."""
    if not re.search(r"[\u3400-\u9fff]", text):
        return text
    return _CANTONESE_WORD.sub(lambda m: _CANTONESE[m[0]], text)


def _space_scripts(text: str) -> str:
    """Put a space between a Chinese character and a Latin letter or digit, so Latin words match
    on word boundaries: "上周checkout的" → "上周 checkout 的"."""
    text = re.sub(r"([\u3400-\u9fff])([a-z0-9])", r"\1 \2", text)
    return re.sub(r"([a-z0-9%])([\u3400-\u9fff])", r"\1 \2", text)


def zh_number(numeral: str) -> int | None:
    """The value of a Chinese numeral ("三" → 3, "十二" → 12, "二十" → 20, "两" → 2)."""
    total, current = 0, 0
    for char in numeral:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            return None
    return total + current


def _zh_numerals(text: str) -> str:
    def convert(match: re.Match[str]) -> str:
        start, end = match.span()
        context = text[max(0, start - 1) : end + 1]
        if any(word in context for word in _KEEP):
            return match[0]
        if match[0] in ("百", "千") and text[end : end + 1] not in _COUNTED:
            return match[0]  # 百度, 千牛: a name, not a hundred (百分之, 百万, 千元 are numbers)
        value = zh_number(match[0])
        return match[0] if value is None else str(value)

    return _ZH_NUMBER.sub(convert, text)


__all__ = ["MAX_QUESTION_CHARS", "Language", "Question", "language_of", "prepare", "zh_number"]
