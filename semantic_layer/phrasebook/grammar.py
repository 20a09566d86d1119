"""`Grammar`: how a language joins words, lists and sentences, one instance per language module.

The phrasebook's sections hold texts; what differs between languages beyond texts (a space
between words or none, `, ` or `，`, a capital at the start of a sentence, counting in 万) is
here, typed, so that no module outside the phrasebook asks which language it is writing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Grammar:
    """One language's joining rules (every field is required: a new language must say each)."""

    gap: str
    """Between words and between sentences: " " in English, nothing in Chinese."""
    comma: str
    """Between the items of a phrase: ", " / "，"."""
    semicolon: str
    """Between clauses that hold commas themselves: "; " / "；"."""
    colon: str
    """Before what a label names: ": " / "："."""
    alt_sep: str
    """Between alternatives but the last: ", " / "、"."""
    alt_last: str
    """Before the last alternative: " or " / "、"."""
    paren: str
    """A note after a text: "{text} ({note})" / "{text}（{note}）"."""
    capitalise: bool
    """A sentence starts with a capital letter, and so does a name (so a capitalised word the
    model does not know may be one: "the Acme campaign")."""
    wan: bool
    """Large numbers are counted in 万 and 亿 (10⁴, 10⁸), not thousands and millions."""
    html_lang: str
    """The `lang` attribute of a page in this language (BCP 47)."""
    native: str
    """The language's name in itself ("English", "中文"), as a setting may say it."""
    script: str
    """The characters that tell a text is in this language (a regex character class), or "" for
    one written in Latin letters like English, which its characters cannot tell apart."""

    def writes(self, text: str) -> bool:
        """Whether `text` holds a character of this language's own `script`."""
        return bool(self.script) and re.search(self.script, text) is not None

    def start(self, text: str) -> str:
        """`text` as the start of a sentence: its first letter a capital where the language has
        capitals and the first word is all lower case ("iOS" stays)."""
        first = text.split(" ", 1)[0]
        return text[:1].upper() + text[1:] if self.capitalise and first == first.lower() else text

    def upper_first(self, text: str) -> str:
        """`text` with its first letter a capital where the language has capitals."""
        return text[:1].upper() + text[1:] if self.capitalise else text

    def tidy(self, text: str) -> str:
        """`text` with its spaces as the language writes them (one between words, or none)."""
        return " ".join(text.split()) if self.gap else text.replace(" ", "")

    def words(self, parts: Sequence[str]) -> str:
        """The parts joined as words (or sentences) are."""
        return self.gap.join(parts)

    def alternatives(self, items: Sequence[str]) -> str:
        """ "a, b or c" / "a、b、c"."""
        if len(items) <= 1:
            return "".join(items)
        return self.alt_sep.join(items[:-1]) + self.alt_last + items[-1]

    def note(self, text: str, note: str) -> str:
        """ "text (note)" / "text（note）"."""
        return self.paren.format(text=text, note=note)


def series(items: Sequence[str], *, sep: str, last: str) -> str:
    """The items joined by `sep`, the last by `last` ("a, b and c" / "a；b；c")."""
    return sep.join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


__all__ = ["Grammar", "series"]
