"""`NameFinder`: the model objects a text names word for word (names, labels, synonyms, values).

Retrieval puts what a question names first in its grounding, and refuses a verified example
whose question names other objects than the user's ("by channel" is not "by device", however
close the two sentences embed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from semantic_layer.errors import normalise
from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel

_ASCII_WORD = re.compile(r"[a-z0-9]")
_END: str = ""  # the trie key under which a complete term is stored


class NameFinder:
    """Longest-first matching of the model's words in a text; Latin words match whole words,
    Chinese words anywhere ("上周App各设备" names the app and the device).

    A character trie, not one big regular expression: compiling an alternation of the model's
    thousand words cost a quarter of a second at every start of `tpa ask`."""

    def __init__(self, model: SemanticModel) -> None:
        self._refs = dict(model.index)
        self._trie: dict[str, Any] = {}
        for term in self._refs:
            if not term:
                continue
            node = self._trie
            for ch in term:
                node = node.setdefault(ch, {})
            node[_END] = term

    def refs(self, text: str) -> tuple[Ref, ...]:
        """Everything `text` names, in order of first mention, without repeats."""
        return tuple(dict.fromkeys(ref for _, ref in self.matches(text)))

    def matches(self, text: str) -> Iterator[tuple[str, Ref]]:
        """(term, object) for each word of the model in `text`, left to right."""
        text = normalise(text)
        i = 0
        while i < len(text):
            term = self._longest(text, i)
            if term is None:
                i += 1
                continue
            for ref in self._refs[term]:
                yield term, ref
            i += len(term)

    def _longest(self, text: str, start: int) -> str | None:
        """The longest term at `start` whose Latin ends are whole-word boundaries."""
        if start and _word(text[start - 1]) and _word(text[start]):
            return None  # inside a Latin word: no term that starts with a letter may begin here
        node: dict[str, Any] | None = self._trie
        found = None
        for i in range(start, len(text)):
            node = node.get(text[i]) if node is not None else None
            if node is None:
                break
            term = node.get(_END)
            inside = _word(text[i]) and i + 1 < len(text) and _word(text[i + 1])
            if term is not None and not inside:
                found = term
        return found


def _word(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")


__all__ = ["NameFinder"]
