"""Every word that names something in the model — names, labels, synonyms and values, in English
and Chinese — mapped to what it names. Planners match questions against it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from semantic_layer.errors import normalise

from .base import Named, Scalar, pretty
from .spec import ModelSpec
from .spec_data import DimensionValue

RefKind = Literal["metric", "dimension", "value", "touchpoint", "journey"]


@dataclass(frozen=True)
class Ref:
    """What a word denotes: a metric, dimension, touchpoint or journey by name, or a value of a
    dimension (`kind="value"`, `name` = the dimension, `value` = the value as stored)."""

    kind: RefKind
    name: str
    value: Scalar | None = None

    def __str__(self) -> str:
        return f"{self.name}={self.value}" if self.kind == "value" else f"{self.kind} {self.name}"


def build_index(spec: ModelSpec) -> dict[str, tuple[Ref, ...]]:
    """normalised term → the objects it names (most specific kinds first, in model order)."""
    index: dict[str, dict[Ref, None]] = {}

    def add(words: Iterable[str], ref: Ref) -> None:
        for word in words:
            key = normalise(word)
            if key:
                index.setdefault(key, {})[ref] = None

    for metric in spec.metrics:
        add(words_of(metric), Ref("metric", metric.name))
    for dim in spec.dimensions:
        add(words_of(dim), Ref("dimension", dim.name))
        for value in dim.values:
            add(value_words(value), Ref("value", dim.name, value.value))
    for tp in spec.touchpoints:
        add(words_of(tp), Ref("touchpoint", tp.id))
    for journey in spec.journeys:
        add(words_of(journey), Ref("journey", journey.name))
    return {key: tuple(refs) for key, refs in index.items()}


def words_of(item: Named) -> tuple[str, ...]:
    """Every word that names a metric, dimension, touchpoint or journey: its key, the key made
    readable, its synonyms and its labels."""
    words = [item.key, pretty(item.key), *item.synonyms.all()]
    if item.labels is not None:
        words += item.labels.given()
    return tuple(words)


def value_words(value: DimensionValue) -> tuple[str, ...]:
    words = [str(value.value), *value.synonyms]
    if isinstance(value.value, str):
        words.append(pretty(value.value))
    if value.labels is not None:
        words += value.labels.given()
    return tuple(words)


def words_for(index: Mapping[str, tuple[Ref, ...]], kinds: Iterable[RefKind]) -> dict[str, Ref]:
    """term → the first object of one of `kinds` it names (for did-you-mean over words)."""
    wanted = set(kinds)
    out: dict[str, Ref] = {}
    for term, refs in index.items():
        match = next((r for r in refs if r.kind in wanted), None)
        if match is not None:
            out[term] = match
    return out


__all__ = ["Ref", "RefKind", "build_index", "value_words", "words_for", "words_of"]
