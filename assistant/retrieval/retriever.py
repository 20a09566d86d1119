"""`Retriever`: what the model and its examples say about one question, from the chromadb index.

Similarities are cosine similarities of e5 vectors, `1 − cosine distance`, clamped to [0, 1].
e5 compresses them: unrelated texts still score about 0.75–0.85, close paraphrases 0.95 and more,
so thresholds are calibrated on real numbers (see `EXAMPLE_THRESHOLD`).

    retriever = Retriever.open(Path("data/index"), model)
    grounding = retriever.ground("conversion rate by channel this month")
    example = retriever.similar_example("本月各渠道的转化率", threshold=EXAMPLE_THRESHOLD)
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal

import numpy as np
from chromadb.api.models.Collection import Collection
from chromadb.base_types import InclusionExclusionOperator, LiteralValue, Where
from chromadb.errors import ChromaError
from numpy.typing import NDArray

from assistant.retrieval import store
from assistant.retrieval.documents import example_key, item_docs, language_of, value_id
from assistant.retrieval.embedding import E5EmbeddingFunction, EmbeddingStats
from assistant.retrieval.grounding import Example, Grounding, GroundingItem, ItemKind
from assistant.retrieval.names import NameFinder
from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import parse_plan

EXAMPLE_THRESHOLD: Final = 0.972
"""Least similarity for a stored question to count as the user's question (both embedded as e5
queries in their `example_key` form). Calibrated on the demo model: rewordings score 0.975 and
more ("which touch point lost most users last week?" vs the verified "which touchpoint lost the
most users last week": 0.9748; most ≥ 0.98), questions naming the same objects but asking
something else score 0.959–0.970 ("which touchpoint had the fewest users last week": 0.9701,
"… gained the most users …": 0.9590). Questions naming other objects are refused by
`same_names` whatever their score ("conversion rate by device this month": 0.9530). Time, grain
and direction are beyond embeddings ("… last month": 0.9904, "weekly active users …" vs "daily
…": 0.9841): the caller checks them with `accept`. tests/test_retrieval.py keeps the numbers."""

KINDS: Final[tuple[ItemKind, ...]] = ("metric", "dimension", "value", "touchpoint", "journey")
NAMED: Final = 1.0  # the score of an item the question names word for word
NAMED_BEFORE: Final = 0.9  # … one the previous question named
HISTORY_WEIGHT: Final = 0.5  # how much of the previous question goes into the search vector
CROSS_LANGUAGE_BONUS: Final = 0.04
"""Added to the similarity of a name in the other language than the question's. e5-small scores a
translation ("input-output ratio" / 投入产出比: 0.85) below unrelated words of the question's
own language (0.86–0.89); 0.04 puts right translations first without passing exact matches."""
GROUND_EXAMPLES: Final = 3
CANDIDATES: Final = 5  # examples looked at by `similar_example`

Accept = Callable[[Example], bool]
log = logging.getLogger(__name__)


class Retriever:
    """Search over one model's objects and examples. Safe to share between threads; open one
    per index directory per process and `close()` it when done."""

    def __init__(
        self,
        path: Path,
        model: SemanticModel,
        index: store.Index,
        report: store.OpenReport,
        ef: E5EmbeddingFunction,
    ) -> None:
        self.path = path
        self.model = model
        self.report = report
        self._index = index
        self._ef = ef
        self._lock = threading.RLock()
        self._saved: dict[str, tuple[str, dict[str, Any], str]] | None = None  # id → example
        self._names = NameFinder(model)
        self._items = {d.id: d for d in item_docs(model)}

    @classmethod
    def open(cls, path: Path, model: SemanticModel, *, rebuild: bool = False) -> Retriever:
        """The index at `path` (a directory; created, rebuilt or repaired as needed).

        Feedback examples are kept in `examples.jsonl` next to it (in `path.parent`)."""
        ef = E5EmbeddingFunction()
        index, report = store.open_index(Path(path), model, ef, rebuild=rebuild)
        return cls(Path(path), model, index, report, ef)

    @property
    def stats(self) -> EmbeddingStats:
        """Embedding calls made by this retriever (texts embedded and seconds)."""
        return self._ef.stats

    def ground(self, question: str, *, k: int = 8, history: Sequence[str] = ()) -> Grounding:
        """What the planner should know for `question`: every item it names (score 1.0) and the
        previous question names (0.9), then the `k` most similar other items, and the closest
        examples. The previous question is mixed lightly into the search so follow-ups ("and by
        device?") keep their context."""
        before = next((h for h in reversed(history) if h.strip()), "")
        named = self._named(question, NAMED) + (self._named(before, NAMED_BEFORE) if before else [])
        chosen: dict[tuple[str, str, Any], GroundingItem] = {}
        for item in named:
            chosen.setdefault(_key(item), item)
        limit = len(chosen) + k
        vector = self._vector(question, before)
        for item in self._similar(vector, KINDS, limit, language_of(question)):
            if len(chosen) >= limit:
                break
            chosen.setdefault(_key(item), item)
        examples = tuple(self.examples(question, k=GROUND_EXAMPLES))
        return Grounding(items=tuple(chosen.values()), examples=examples)

    def search(self, text: str, *, kinds: Sequence[str] = KINDS, k: int = 5) -> list[GroundingItem]:
        """The `k` items most similar to `text` (by their names, synonyms and description)."""
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown item kinds {sorted(unknown)}; expected some of {KINDS}")
        return self._similar(self._vector(text), tuple(kinds), k, language_of(text))

    def examples(self, question: str, *, k: int = GROUND_EXAMPLES) -> list[Example]:
        """The `k` stored questions (verified and feedback) closest to `question`, best first."""
        vector = self._ef.embed([example_key(question)], query=True)[0]
        found = [
            _example(meta, similarity)
            for collection in (self._index.examples, self._index.feedback)
            for meta, similarity in self._nearest(collection, vector, 2 * k)
        ]
        best: dict[str, Example] = {}  # one per plan (a verified query has EN and ZH questions)
        for example in sorted(found, key=lambda e: (-e.score, e.source != "feedback")):
            best.setdefault(json.dumps(example.plan, sort_keys=True), example)
        return list(best.values())[:k]

    def similar_example(
        self,
        question: str,
        *,
        threshold: float = EXAMPLE_THRESHOLD,
        accept: Accept | None = None,
        same_names: bool = True,
    ) -> Example | None:
        """The closest stored question that counts as `question`, or None.

        A candidate counts when its similarity is ≥ `threshold` (see `EXAMPLE_THRESHOLD`), it
        names the same model objects (`same_names`: "by channel" is not "by device"), and
        `accept(example)` is true. Embeddings do not tell "last week" from "last month": the
        caller checks time (and anything else its own reading knows) with `accept`."""
        names = set(self._names.refs(question)) if same_names else None
        for example in self.examples(question, k=CANDIDATES):
            if example.score < threshold:
                break
            if names is not None and set(self._names.refs(example.question)) != names:
                continue
            if accept is None or accept(example):
                return example
        return None

    def add_example(
        self, question: str, plan: Mapping[str, Any], language: str | None, role: str = ""
    ) -> None:
        """Keep a question with its reviewed plan for `role` (in `examples.jsonl` and the index);
        a later plan for the same role and question replaces the earlier one, the same plan
        again changes nothing."""
        parse_plan(plan)  # raises PlanError for a plan that would not run
        lang = "zh" if (language or language_of(question)).startswith("zh") else "en"
        example = store.feedback_doc(question, dict(plan), lang, role)
        with self._lock:
            if self._saved is None:
                found = store.read_examples(self._index.examples_file)
                self._saved = {e.id: (e.question, e.plan, e.language) for e in found}
            same = (example.question, example.plan, example.language)
            if self._saved.get(example.id) == same:
                return  # already kept: a second thumbs-up neither grows the file nor re-seals it
            self._saved[example.id] = same
            store.append_example(self._index.examples_file, example)
            store.add_examples(self._index.feedback, [example], self._ef)
            store.seal_feedback(self._index)

    def remove_example(self, question: str, role: str = "") -> None:
        """Withdraw the example of `role` for `question` (a reviewer rejected it after all)."""
        example = store.feedback_doc(question, {}, "en", role)
        with self._lock:
            store.append_example(self._index.examples_file, example, removed=True)
            self._index.feedback.delete(ids=[example.id])
            if self._saved is not None:
                self._saved.pop(example.id, None)
            store.seal_feedback(self._index)

    def close(self) -> None:
        with self._lock:
            self._index.close()

    def __enter__(self) -> Retriever:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _vector(self, text: str, before: str = "") -> NDArray[np.float32]:
        texts = [text, before] if before else [text]
        vectors = self._ef.embed(texts, query=True)
        vector = vectors[0] + HISTORY_WEIGHT * vectors[1] if before else vectors[0]
        return np.asarray(vector / np.linalg.norm(vector), dtype=np.float32)

    def _named(self, text: str, score: float) -> list[GroundingItem]:
        ids = (_ref_id(ref) for ref in self._names.refs(text))
        return [self._item(item, score) for item in ids if item in self._items]

    def _similar(
        self, vector: NDArray[np.float32], kinds: tuple[str, ...], k: int, language: str
    ) -> list[GroundingItem]:
        """Items by their best record or name; a name in the other language than the question's
        gets `CROSS_LANGUAGE_BONUS` (e5 scores translations below same-language near misses)."""
        among: dict[InclusionExclusionOperator, list[LiteralValue]] = {"$in": list(kinds)}
        where: Where | None = None if set(kinds) == set(KINDS) else {"kind": among}
        best: dict[str, float] = {}
        for meta, similarity in self._nearest(self._index.items, vector, 10 * k + 40, where):
            item, lang = str(meta["item"]), meta.get("lang")
            score = similarity + (CROSS_LANGUAGE_BONUS if lang not in ("both", language) else 0.0)
            best[item] = max(best.get(item, 0.0), min(1.0, score))
        ranked = sorted(best.items(), key=lambda pair: -pair[1])[:k]
        return [self._item(item, score) for item, score in ranked]

    def _item(self, item_id: str, score: float) -> GroundingItem:
        doc = self._items[item_id]
        return GroundingItem(doc.kind, doc.name, doc.line, round(score, 4), doc.value)

    def _nearest(
        self,
        collection: Collection,
        vector: NDArray[np.float32],
        n: int,
        where: Where | None = None,
    ) -> list[tuple[Mapping[str, Any], float]]:
        """(metadata, similarity) of the `n` nearest records; none when chromadb fails (logged:
        retrieval only helps, a question is still answered without it)."""
        try:
            with self._lock:
                count = collection.count()
                if not count:
                    return []
                found = collection.query(
                    query_embeddings=vector[None, :],
                    n_results=min(n, count),
                    where=where,
                    include=["metadatas", "distances"],
                )
        except ChromaError:
            log.exception("retrieval query failed on %s (index %s)", collection.name, self.path)
            return []
        metas, distances = found["metadatas"], found["distances"]
        assert metas is not None and distances is not None
        return [
            (meta, max(0.0, min(1.0, 1.0 - float(d))))
            for meta, d in zip(metas[0], distances[0], strict=True)
        ]


def _example(meta: Mapping[str, Any], similarity: float) -> Example:
    question, plan, source = store.example_from(meta)
    kind: Literal["model", "feedback"] = "feedback" if source == "feedback" else "model"
    return Example(question, plan, round(similarity, 4), kind, store.role_of(meta))


def _ref_id(ref: Ref) -> str:
    return (
        value_id(ref.name, ref.value)
        if ref.kind == "value" and ref.value is not None
        else f"{ref.kind}:{ref.name}"
    )


def _key(item: GroundingItem) -> tuple[str, str, Any]:
    return item.kind, item.name, item.value


__all__ = ["EXAMPLE_THRESHOLD", "KINDS", "Retriever"]
