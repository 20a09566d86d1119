"""`NameFinder`: the model objects a text names word for word (names, labels, synonyms, values).

Retrieval puts what a question names first in its grounding, and refuses a verified example
whose question names other objects than the user's ("by channel" is not "by device", however
close the two sentences embed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from semantic_layer.errors import normalise
from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel

_ASCII_WORD = re.compile(r"[a-z0-9]")


class NameFinder:
    """Longest-first matching of the model's words in a text; Latin words match whole words,
    Chinese words anywhere ("上周App各设备" names the app and the device)."""

    def __init__(self, model: SemanticModel) -> None:
        self._refs = dict(model.index)
        terms = sorted(self._refs, key=lambda t: (-len(t), t))
        self._pattern = re.compile("|".join(_term_pattern(t) for t in terms)) if terms else None

    def refs(self, text: str) -> tuple[Ref, ...]:
        """Everything `text` names, in order of first mention, without repeats."""
        return tuple(dict.fromkeys(ref for _, ref in self.matches(text)))

    def matches(self, text: str) -> Iterator[tuple[str, Ref]]:
        """(term, object) for each word of the model in `text`, left to right."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(normalise(text)):
            for ref in self._refs[match.group(0)]:
                yield match.group(0), ref


def _term_pattern(term: str) -> str:
    before = r"(?<![a-z0-9])" if _ASCII_WORD.match(term[0]) else ""
    after = r"(?![a-z0-9])" if _ASCII_WORD.match(term[-1]) else ""
    return before + re.escape(term) + after


__all__ = ["NameFinder"]
