"""Touchpoints named in other words: "约完复诊" for 复诊预约, "start a card application" for a
touchpoint labelled "card application started".

Used only where an analysis needs a touchpoint and the lexicon found none: a touchpoint whose
label shares most of its characters (Chinese) or word stems (English) with a stretch of the
question's unread words. The answer says which touchpoint it read, so the guess is never silent.
"""

from __future__ import annotations

import re
from typing import Final

from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel

from .lexicon import Match, stem
from .reading import Reading

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_WORD = re.compile(r"[a-z]{3,}")
_SHARE: Final = 0.6  # of the label's characters or words that must appear


_WANTS: Final = frozenset({"after", "before", "paths", "top_paths", "time_to_convert", "conversion",
                           "funnel", "dropoff", "never", "how_many", "times"})  # fmt: skip


def nearby_matches(r: Reading, model: SemanticModel) -> list[Match]:
    """Touchpoints that a stretch of unread words spells, as matches, when the question asks for
    an analysis of touchpoints and names too few of them."""
    if not _WANTS & r.cues or len(r.names("touchpoint")) >= 2:
        return []
    norm, free = r.question.norm, r.unread()
    found: list[Match] = []
    for tp in model.spec.touchpoints:
        span = _where(free, tp.label("zh"), tp.label("en"))
        if span is not None and not any(s < span[1] and span[0] < e for s, e, _ in _spans(found)):
            found.append(
                Match(span[0], span[1], norm[span[0] : span[1]], (Ref("touchpoint", tp.id),))
            )
    return sorted(found, key=lambda m: m.start)[:2]


def _spans(found: list[Match]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.term) for m in found]


def _where(free: str, zh: str, en: str) -> tuple[int, int] | None:
    label_chars = set(re.sub(r"[^\u4e00-\u9fff]", "", zh))
    if len(label_chars) >= 2:
        for run in _CJK_RUN.finditer(free):
            shared = label_chars & set(run[0])
            if len(shared) >= 2 and len(shared) >= _SHARE * len(label_chars):
                return run.span()
    words = {stem(w, verbs=True) for w in _WORD.findall(en.casefold())}
    if len(words) >= 2:
        hits = [m for m in _WORD.finditer(free) if stem(m[0], verbs=True) in words]
        if len({stem(m[0], verbs=True) for m in hits}) >= max(2, _SHARE * len(words)):
            return hits[0].start(), hits[-1].end()
    return None


__all__ = ["nearby_matches"]
