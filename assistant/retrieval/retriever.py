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
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
from numpy.typing import NDArray

from assistant.retrieval.documents import (
    example_key,
    example_meta,
    item_docs,
    language_of,
    model_examples,
    value_id,
)
from assistant.retrieval.grounding import Example, Grounding, GroundingItem, ItemKind
from assistant.retrieval.names import NameFinder
from assistant.retrieval.snapshot import ExampleSnapshot, Part, read_snapshot
from assistant.retrieval.vectors import NAME, Embedder, EmbeddingStats
from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import setting_language
from semantic_layer.plan import parse_plan

if TYPE_CHECKING:  # chromadb is imported when the index is first opened, not before
    from chromadb.api.models.Collection import Collection
    from chromadb.base_types import InclusionExclusionOperator, LiteralValue, Where

    from assistant.retrieval import store
    from assistant.retrieval.embedding import E5EmbeddingFunction

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


@dataclass(frozen=True)
class OpenReport:
    """What opening did: the parts (re)built and why, where a broken index went, how long."""

    rebuilt: tuple[str, ...]
    moved_to: Path | None
    seconds: float


class Retriever:
    """Search over one model's objects and examples. Safe to share between threads; open one
    per index directory per process and `close()` it when done.

    The chromadb index is opened when first needed (`ground`, `search`, `add_example`): the
    example look-up that the embedded planner makes for every question reads the examples'
    snapshot (`assistant.retrieval.snapshot`) when it is up to date, so `tpa ask` neither imports
    nor opens chromadb."""

    def __init__(
        self,
        path: Path,
        model: SemanticModel,
        *,
        embedder: Embedder,
        snapshot: ExampleSnapshot,
        report: OpenReport,
        index: store.Index | None = None,
    ) -> None:
        self.path = path
        self.model = model
        self.report = report
        self._embedder = embedder
        self._snapshot = snapshot
        self._index = index
        self._lock = threading.RLock()
        self._saved: dict[str, tuple[str, dict[str, Any], str]] | None = None  # id → example
        self._names = NameFinder(model)
        self._named_cache: tuple[ExampleSnapshot, frozenset[frozenset[Ref]]] | None = None
        self._items = {d.id: d for d in item_docs(model)}

    @classmethod
    def open(
        cls,
        path: Path,
        model: SemanticModel,
        *,
        rebuild: bool = False,
        lazy: bool = False,
        items_on_demand: bool = False,
    ) -> Retriever:
        """The index at `path` (a directory; created, rebuilt or repaired as needed).

        Feedback examples are kept in `examples.jsonl` next to it (in `path.parent`). Two
        processes opening one index at once take turns (a file lock): neither fails. `lazy`
        (for one-question processes such as `tpa ask`) leaves chromadb closed until a search
        needs it when the examples' snapshot is up to date; a server opens and checks it now.
        `items_on_demand` (with `lazy`, for `tpa eval`) goes further on a new index with no
        feedback yet: only the model's verified questions are embedded (kept in memory), and
        chromadb's index of the model's items is built by the first search that needs it."""
        start = time.perf_counter()
        path, embedder = Path(path), Embedder()
        if lazy and not rebuild:
            stamp = _stamp(path, model, embedder)
            snapshot = read_snapshot(path, stamp)
            if snapshot is None and items_on_demand:
                snapshot = _model_snapshot(path, model, embedder, stamp)
            if snapshot is not None:
                report = OpenReport((), None, time.perf_counter() - start)
                return cls(path, model, embedder=embedder, snapshot=snapshot, report=report)
        index, opened = _open_index(path, model, embedder, rebuild=rebuild)
        report = OpenReport(opened.rebuilt, opened.moved_to, time.perf_counter() - start)
        return cls(
            path,
            model,
            embedder=embedder,
            snapshot=_snapshot(index, path),
            report=report,
            index=index,
        )

    @property
    def stats(self) -> EmbeddingStats:
        """Embedding calls made by this retriever (texts embedded and seconds)."""
        return self._embedder.stats

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
        vector = self._embedder.embed([example_key(question)], query=True)[0]
        parts: tuple[Part, ...] = ("model", "feedback")
        with self._lock:
            snapshot = self._snapshot
        found = [
            _example(meta, similarity)
            for part in parts
            for meta, similarity in snapshot.nearest(vector, 2 * k, part)
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
        if names is not None and frozenset(names) not in self._named_sets():
            return None  # no stored question names these objects: nothing to embed the question for
        for example in self.examples(question, k=CANDIDATES):
            if example.score < threshold:
                break
            if names is not None and set(self._names.refs(example.question)) != names:
                continue
            if accept is None or accept(example):
                return example
        return None

    def _named_sets(self) -> frozenset[frozenset[Ref]]:
        """The sets of objects the stored questions name, one per question (kept per snapshot):
        an example only counts for a question that names the same set, so a question whose set no
        example has needs no embedding — most questions, and the embedding is most of the time a
        look-up takes."""
        with self._lock:
            snapshot, cached = self._snapshot, self._named_cache
            if cached is not None and cached[0] is snapshot:
                return cached[1]
            questions = (str(meta["question"]) for meta in snapshot.metas)
            sets = frozenset(frozenset(self._names.refs(q)) for q in questions)
            self._named_cache = (snapshot, sets)
            return sets

    def add_example(
        self, question: str, plan: Mapping[str, Any], language: str | None, role: str = ""
    ) -> None:
        """Keep a question with its reviewed plan for `role` (in `examples.jsonl` and the index);
        a later plan for the same role and question replaces the earlier one, the same plan
        again changes nothing."""
        from assistant.retrieval import store

        parse_plan(plan)  # raises PlanError for a plan that would not run
        lang = setting_language(language or language_of(question))
        example = store.feedback_doc(question, dict(plan), lang, role)
        with self._lock:
            index = self._opened()
            if self._saved is None:
                found = store.read_examples(index.examples_file)
                self._saved = {e.id: (e.question, e.plan, e.language) for e in found}
            same = (example.question, example.plan, example.language)
            if self._saved.get(example.id) == same:
                return  # already kept: a second thumbs-up neither grows the file nor re-seals it
            self._saved[example.id] = same
            with store.index_lock(self.path):
                store.append_example(index.examples_file, example)
                store.add_examples(index.feedback, [example], _function(self._embedder))
                store.seal_feedback(index)
                self._snapshot = _snapshot(index, self.path)

    def remove_example(self, question: str, role: str = "") -> None:
        """Withdraw the example of `role` for `question` (a reviewer rejected it after all)."""
        from assistant.retrieval import store

        example = store.feedback_doc(question, {}, "en", role)
        with self._lock:
            index = self._opened()
            with store.index_lock(self.path):
                store.append_example(index.examples_file, example, removed=True)
                index.feedback.delete(ids=[example.id])
                if self._saved is not None:
                    self._saved.pop(example.id, None)
                store.seal_feedback(index)
                self._snapshot = _snapshot(index, self.path)

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None

    def _opened(self) -> store.Index:
        """The chromadb index, opened (and brought up to date) on first use."""
        with self._lock:
            if self._index is None:
                self._index, report = _open_index(self.path, self.model, self._embedder)
                if report.rebuilt:
                    log.warning("retrieval index %s rebuilt: %s", self.path, report.rebuilt)
                    self._snapshot = _snapshot(self._index, self.path)
            return self._index

    def __enter__(self) -> Retriever:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _vector(self, text: str, before: str = "") -> NDArray[np.float32]:
        texts = [text, before] if before else [text]
        vectors = self._embedder.embed(texts, query=True)
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
        items = self._opened().items
        for meta, similarity in self._nearest(items, vector, 10 * k + 40, where):
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
        from chromadb.errors import ChromaError

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


def _stamp(path: Path, model: SemanticModel, embedder: Embedder) -> str:
    from assistant.retrieval.documents import fingerprint

    examples = path.parent / "examples.jsonl"  # store.examples_file, without importing chromadb
    digest = _file_hash(examples)
    return f"{fingerprint(model, f'{NAME}:{embedder.variant}')}|{digest}"


def _model_snapshot(
    path: Path, model: SemanticModel, embedder: Embedder, stamp: str
) -> ExampleSnapshot | None:
    """With no feedback examples yet, the examples' snapshot made from the model's own (only
    those are embedded): the retriever then builds chromadb's index of the model's items only
    when a search first needs it — most evaluation runs never do. Kept in memory only (each
    process embeds the verified questions again), so the index folder is created by chromadb,
    whole, when it is built."""
    if (path.parent / "examples.jsonl").exists():
        return None  # feedback examples are read from the index (`store.read_examples`)
    docs = model_examples(model)
    vectors = embedder.embed([example_key(d.question) for d in docs], query=True)
    part: Part = "model"
    rows = [(d.id, part, example_meta(d), v) for d, v in zip(docs, vectors, strict=True)]
    return ExampleSnapshot.create(stamp, rows)


def _file_hash(file: Path) -> str:
    import hashlib

    return hashlib.sha256(file.read_bytes()).hexdigest()[:32] if file.exists() else "empty"


def _function(embedder: Embedder) -> E5EmbeddingFunction:
    from assistant.retrieval.embedding import E5EmbeddingFunction

    return E5EmbeddingFunction(embedder.variant, embedder)


def _open_index(
    path: Path, model: SemanticModel, embedder: Embedder, *, rebuild: bool = False
) -> tuple[store.Index, store.OpenReport]:
    from assistant.retrieval import store

    return store.open_index(path, model, _function(embedder), rebuild=rebuild)


def _snapshot(index: store.Index, path: Path) -> ExampleSnapshot:
    """The examples of `index` as a snapshot, saved for the next process (best effort)."""
    from assistant.retrieval import store

    snapshot = store.snapshot_of(index)
    try:
        snapshot.write(path)
    except OSError as exc:  # a read-only folder: the next process opens chromadb instead
        log.warning("could not save the examples snapshot in %s: %s", path, exc)
    return snapshot


def _example(meta: Mapping[str, Any], similarity: float) -> Example:
    question, plan, source = (
        str(meta["question"]),
        dict(json.loads(str(meta["plan"]))),
        str(meta["source"]),
    )  # store.example_from and store.role_of, without importing chromadb
    kind: Literal["model", "feedback"] = "feedback" if source == "feedback" else "model"
    return Example(question, plan, round(similarity, 4), kind, str(meta.get("role") or ""))


def _ref_id(ref: Ref) -> str:
    return (
        value_id(ref.name, ref.value)
        if ref.kind == "value" and ref.value is not None
        else f"{ref.kind}:{ref.name}"
    )


def _key(item: GroundingItem) -> tuple[str, str, Any]:
    return item.kind, item.name, item.value


__all__ = ["EXAMPLE_THRESHOLD", "KINDS", "Retriever"]
