"""The index on disk: a chromadb `PersistentClient` at a directory with three collections, and
the feedback examples' JSON-lines file next to it.

- `model-items`: each model object's record (embedded as a passage by the embedding function)
  and its short names (embedded as queries: a short paraphrase meets a short name best);
- `model-examples`: the questions of the model's verified queries;
- `feedback-examples`: questions whose answers users approved (`add_example`).

Example questions are embedded as queries too (e5's mode for comparing like with like). All use
cosine distance. The model part carries a fingerprint of the model in its metadata and is rebuilt
when the model changes; the feedback part is rebuilt from `examples.jsonl` (the source of truth)
when it does not match the file. An index chromadb cannot read is moved aside to
`<dir>.corrupt-<timestamp>` (never deleted) and built again.

Opening holds a file lock (`<dir>.lock`, the `filelock` package): a second process that opens the
same index meanwhile waits for the first to finish building, then finds it up to date. A missing
index is built in a temporary folder beside it and renamed into place when complete, so a crash
or a kill half way never leaves a half-built index under its name.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, cast

import chromadb
import numpy as np
from chromadb.api.client import Client
from chromadb.api.models.Collection import Collection
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings
from chromadb.errors import ChromaError
from filelock import FileLock, Timeout

from assistant.retrieval.documents import (
    ExampleDoc,
    ItemDoc,
    example_key,
    example_meta,
    fingerprint,
    item_docs,
    iter_terms,
    language_of,
    model_examples,
)
from assistant.retrieval.embedding import DIM, E5EmbeddingFunction
from assistant.retrieval.migration import migrate_examples
from assistant.retrieval.snapshot import ExampleSnapshot, Part
from semantic_layer.model.semantic import SemanticModel

log = logging.getLogger(__name__)

ITEMS: Final = "model-items"
MODEL_EXAMPLES: Final = "model-examples"
FEEDBACK: Final = "feedback-examples"
EXAMPLES_FILE: Final = "examples.jsonl"
BATCH: Final = 500  # records per call (chromadb's limit is higher)
COSINE: Final[dict[str, Any]] = {"hnsw": {"space": "cosine"}}
UNREADABLE: Final = (ChromaError, ValueError, KeyError, sqlite3.DatabaseError)
LOCK_TIMEOUT_S: Final = 900.0  # a cold build of a large model on a busy 2-core machine


class IndexBusy(RuntimeError):
    """Another process held the index's lock for longer than `LOCK_TIMEOUT_S`."""


def settings() -> Settings:
    """chromadb settings for every index: no telemetry, no reset."""
    return Settings(anonymized_telemetry=False, allow_reset=False)


@dataclass(frozen=True)
class OpenReport:
    """What opening did: the parts (re)built and why, where a broken index went, how long."""

    rebuilt: tuple[str, ...]
    moved_to: Path | None
    seconds: float


@dataclass(frozen=True)
class Index:
    """The open client, its collections and the feedback examples file."""

    client: Client
    items: Collection
    examples: Collection
    feedback: Collection
    examples_file: Path

    def close(self) -> None:
        self.client.close()


def lock_path(path: Path) -> Path:
    """The lock file of the index at `path` (beside it, so it survives the index being moved)."""
    return path.with_name(f"{path.name}.lock")


def index_lock(path: Path) -> FileLock:
    """The lock that opening, building and adding examples to the index at `path` hold."""
    return FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT_S)


def open_index(
    path: Path, model: SemanticModel, ef: E5EmbeddingFunction, *, rebuild: bool
) -> tuple[Index, OpenReport]:
    """Open (and bring up to date) the index at `path`; a broken one is moved aside and rebuilt.

    Waits while another process opens or builds the same index; `IndexBusy` after
    `LOCK_TIMEOUT_S`."""
    start = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with index_lock(path):
            index, reasons, moved = _open_locked(path, model, ef, rebuild=rebuild)
    except Timeout:
        raise IndexBusy(
            f"the retrieval index {path} is still being built by another process after "
            f"{LOCK_TIMEOUT_S:.0f} s (lock file {lock_path(path)}); try again later"
        ) from None
    return index, OpenReport(tuple(reasons), moved, time.perf_counter() - start)


def _open_locked(
    path: Path, model: SemanticModel, ef: E5EmbeddingFunction, *, rebuild: bool
) -> tuple[Index, list[str], Path | None]:
    reasons: list[str] = []
    if not path.exists():
        _forget_system(path)  # a system cached for a deleted directory is stale
        reasons.append("index missing")
        _build_aside(path, model, ef, reasons)
        return _open(path, model, ef, rebuild=False, reasons=[]), reasons, None
    try:
        return _open(path, model, ef, rebuild=rebuild, reasons=reasons), reasons, None
    except UNREADABLE as exc:
        _forget_system(path)
        moved = _move_aside(path)
        log.warning("retrieval index %s unreadable (%s); moved to %s", path, exc, moved)
        reasons = [f"index unreadable ({type(exc).__name__}: {exc}); moved to {moved.name}"]
        _build_aside(path, model, ef, reasons)
        return _open(path, model, ef, rebuild=False, reasons=[]), reasons, moved


def _build_aside(
    path: Path, model: SemanticModel, ef: E5EmbeddingFunction, reasons: list[str]
) -> None:
    """Build the whole index in a temporary folder beside `path`, then rename it to `path`."""
    partial = path.with_name(f".{path.name}.building-{uuid.uuid4().hex[:12]}")
    try:
        _open(partial, model, ef, rebuild=True, reasons=reasons).close()
        _forget_system(partial)
        os.rename(partial, path)
    finally:
        _forget_system(partial)
        shutil.rmtree(partial, ignore_errors=True)


def _open(
    path: Path, model: SemanticModel, ef: E5EmbeddingFunction, *, rebuild: bool, reasons: list[str]
) -> Index:
    client = cast(Client, chromadb.PersistentClient(path=str(path), settings=settings()))
    try:
        items, examples, feedback = (
            _collection(client, name, ef) for name in (ITEMS, MODEL_EXAMPLES, FEEDBACK)
        )
        stamp = fingerprint(model, f"{ef.name()}:{ef.variant}")
        stale = _staleness(items, stamp) or _staleness(examples, stamp)
        if rebuild or stale:
            if not reasons:
                reasons.append(stale or "rebuild requested")
            items, examples = _build_model(client, model, ef, stamp)
            reasons.append(
                f"model part built ({items.count()} records, {examples.count()} examples)"
            )
        file = examples_file(path)
        if rebuild or _staleness(feedback, file_hash(file)):
            feedback = _build_feedback(client, file, ef)
            reasons.append(f"feedback part built ({feedback.count()} examples from {file.name})")
        index = Index(client, items, examples, feedback, file)
        _probe(index)
    except BaseException:
        client.close()
        raise
    return index


def examples_file(path: Path) -> Path:
    """The feedback examples of the index at `path` (beside it: they outlive a rebuilt index)."""
    return path.parent / EXAMPLES_FILE


def snapshot_of(index: Index) -> ExampleSnapshot:
    """The examples of an open index (model and feedback parts) as an `ExampleSnapshot`."""
    rows: list[tuple[str, Part, Mapping[str, Any], Any]] = []
    stamps = []
    for part, collection in (("model", index.examples), ("feedback", index.feedback)):
        got = collection.get(include=["embeddings", "metadatas"])
        metas, vectors = got["metadatas"] or [], got["embeddings"]
        vectors = [] if vectors is None else vectors
        rows += [
            (id_, cast(Part, part), meta, vector)
            for id_, meta, vector in zip(got["ids"], metas, vectors, strict=True)
        ]
        stamps.append(str((collection.metadata or {}).get("fingerprint")))
    return ExampleSnapshot.create("|".join(stamps), rows)


def _collection(client: Client, name: str, ef: E5EmbeddingFunction) -> Collection:
    return client.get_or_create_collection(name, configuration=COSINE, embedding_function=ef)  # type: ignore[arg-type]


def _fresh(client: Client, name: str, ef: E5EmbeddingFunction) -> Collection:
    if name in {c.name for c in client.list_collections()}:
        client.delete_collection(name)
    return _collection(client, name, ef)


def _staleness(collection: Collection, stamp: str) -> str:
    """Why a part must be built again ("" when it is up to date)."""
    meta = collection.metadata or {}
    if meta.get("fingerprint") is None:
        return "new or incomplete index"
    if meta.get("fingerprint") != stamp:
        return "model changed" if collection.name != FEEDBACK else "examples file changed"
    if meta.get("records") != collection.count():
        return "records missing"
    return ""


def _build_model(
    client: Client, model: SemanticModel, ef: E5EmbeddingFunction, stamp: str
) -> tuple[Collection, Collection]:
    items, examples = _fresh(client, ITEMS, ef), _fresh(client, MODEL_EXAMPLES, ef)
    _add_items(items, item_docs(model), ef)
    _seal(items, stamp)
    add_examples(examples, model_examples(model), ef)
    _seal(examples, stamp)
    return items, examples


def _build_feedback(client: Client, file: Path, ef: E5EmbeddingFunction) -> Collection:
    feedback = _fresh(client, FEEDBACK, ef)
    add_examples(feedback, read_examples(file), ef)
    _seal(feedback, file_hash(file))
    return feedback


def _seal(collection: Collection, stamp: str) -> None:
    """Mark a part complete: its fingerprint and record count (a half-built part has neither)."""
    collection.modify(metadata={"fingerprint": stamp, "records": collection.count()})


def _add_items(collection: Collection, docs: Sequence[ItemDoc], ef: E5EmbeddingFunction) -> None:
    for batch in _batches(list(docs)):
        collection.add(
            ids=[d.id for d in batch],
            documents=[d.document for d in batch],
            metadatas=[{"item": d.id, "kind": d.kind, "lang": "both"} for d in batch],
        )
    terms = list(iter_terms(docs))
    vectors = ef.embed([t for _, _, t in terms], query=True)
    for rows in _batches(list(range(len(terms)))):
        collection.add(
            ids=[f"{terms[r][0].id}#{terms[r][1]}" for r in rows],
            documents=[terms[r][2] for r in rows],
            embeddings=vectors[rows],
            metadatas=[_term_meta(terms[r][0], terms[r][2]) for r in rows],
        )


def _term_meta(doc: ItemDoc, term: str) -> dict[str, str | int | float | bool | None]:
    return {"item": doc.id, "kind": doc.kind, "lang": language_of(term)}


def add_examples(
    collection: Collection, examples: Sequence[ExampleDoc], ef: E5EmbeddingFunction
) -> None:
    """Upsert examples, embedded as queries in their compared form (`example_key`)."""
    if not examples:
        return
    vectors = ef.embed([example_key(e.question) for e in examples], query=True)
    for rows in _batches(list(range(len(examples)))):
        collection.upsert(
            ids=[examples[r].id for r in rows],
            documents=[examples[r].question for r in rows],
            embeddings=vectors[rows],
            metadatas=[example_meta(examples[r]) for r in rows],
        )


def example_from(meta: Mapping[str, Any]) -> tuple[str, dict[str, Any], str]:
    """(question, plan, source) of a stored example's metadata."""
    return str(meta["question"]), dict(json.loads(str(meta["plan"]))), str(meta["source"])


def role_of(meta: Mapping[str, Any]) -> str:
    """The role a stored feedback example serves ("" for the model's own)."""
    return str(meta.get("role") or "")


def _batches(rows: list[Any]) -> list[list[Any]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


def _probe(index: Index) -> None:
    """Read each part's vector index once, so a broken one fails here and not mid-question."""
    probe = np.zeros((1, DIM), dtype=np.float32)
    probe[0, 0] = 1.0
    for collection in (index.items, index.examples, index.feedback):
        if collection.count():
            collection.query(query_embeddings=probe, n_results=1, include=[])


def _forget_system(path: Path) -> None:
    """Drop chromadb's cached system for `path`. A client that fails to start leaves its broken
    system in a process-wide cache, and every later client for the path would get it
    (chroma-core/chroma#2536); the cache has no public way to drop one entry."""
    key = str(path)
    with SharedSystemClient._refcount_lock:
        system = SharedSystemClient._identifier_to_system.pop(key, None)
        SharedSystemClient._identifier_to_refcount.pop(key, None)
    if system is not None:
        with contextlib.suppress(Exception):
            system.stop()


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    if path.exists():
        path.rename(target)
    return target


# --- the feedback examples file (JSON lines; the source of truth for the feedback part) -------


def read_examples(file: Path) -> list[ExampleDoc]:
    """The examples in `file`, one per question (a later line replaces an earlier one)."""
    if not file.exists():
        return []
    found: dict[str, ExampleDoc] = {}
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            example = feedback_doc(
                data["question"], data["plan"], data.get("language", "en"), data.get("role", "")
            )
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("%s:%d: skipped a broken example (%s)", file, number, exc)
            continue
        if data.get("removed"):
            found.pop(example.id, None)  # rejected after it was approved
        else:
            found[example.id] = example
    return list(found.values())


def append_example(file: Path, example: ExampleDoc, *, removed: bool = False) -> None:
    """Add one line to `file` (created with its folder when missing); `removed` withdraws it."""
    file.parent.mkdir(parents=True, exist_ok=True)
    record: dict[str, Any] = {
        "question": example.question,
        "plan": example.plan,
        "language": example.language,
        "role": example.role,
        "added_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if removed:
        record["removed"] = True
    with file.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def feedback_doc(question: str, plan: Any, language: str, role: str = "") -> ExampleDoc:
    """A reviewed example for `role` (one per role and question)."""
    if not isinstance(question, str) or not question.strip() or not isinstance(plan, dict):
        raise ValueError("an example needs a question and a plan object")
    if not isinstance(role, str):
        raise ValueError("an example's role is a name")
    key = hashlib.sha256(f"{role}\n{example_key(question)}".encode()).hexdigest()[:24]
    if not role:  # examples from before roles keep their ids
        key = hashlib.sha256(example_key(question).encode()).hexdigest()[:24]
    return ExampleDoc(f"feedback:{key}", question.strip(), plan, language, "feedback", role)


def file_hash(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()[:32] if file.exists() else "empty"


def seal_feedback(index: Index) -> None:
    _seal(index.feedback, file_hash(index.examples_file))


__all__ = [
    "EXAMPLES_FILE",
    "FEEDBACK",
    "ITEMS",
    "LOCK_TIMEOUT_S",
    "MODEL_EXAMPLES",
    "Index",
    "IndexBusy",
    "OpenReport",
    "add_examples",
    "append_example",
    "example_from",
    "example_meta",
    "examples_file",
    "feedback_doc",
    "file_hash",
    "index_lock",
    "lock_path",
    "migrate_examples",
    "open_index",
    "read_examples",
    "role_of",
    "seal_feedback",
    "settings",
    "snapshot_of",
]
