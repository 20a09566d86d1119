"""The model's names for people: implements the plan's `Labels` protocol for `describe()`."""

from __future__ import annotations

from dataclasses import dataclass

from semantic_layer.model.base import Scalar, pretty
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.time import Language


@dataclass(frozen=True)
class ModelLabels:
    """Labels of metrics, dimensions, touchpoints and journeys in English or Chinese; a name the
    model does not know is said as a readable form of itself (plans are validated elsewhere)."""

    model: SemanticModel

    def metric(self, name: str, lang: Language, /) -> str:
        item = self.model.metrics.get(name)
        return item.label(lang) if item is not None else pretty(name)

    def dimension(self, name: str, lang: Language, /) -> str:
        item = self.model.dimensions.get(name)
        return item.label(lang) if item is not None else pretty(name)

    def touchpoint(self, touchpoint_id: str, lang: Language, /) -> str:
        item = self.model.touchpoints.get(touchpoint_id)
        return item.label(lang) if item is not None else pretty(touchpoint_id)

    def journey(self, name: str, lang: Language, /) -> str:
        item = self.model.journeys.get(name)
        return item.label(lang) if item is not None else pretty(name)

    def value(self, dimension: str, value: Scalar, lang: Language, /) -> str:
        dim = self.model.dimensions.get(dimension)
        for known in dim.values if dim is not None else ():
            if known.value == value:
                return known.label(lang)
        return str(value)
