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
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import time
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

from assistant.retrieval.documents import (
    ExampleDoc,
    ItemDoc,
    example_key,
    fingerprint,
    item_docs,
    iter_terms,
    language_of,
    model_examples,
)
from assistant.retrieval.embedding import DIM, E5EmbeddingFunction
from semantic_layer.model.semantic import SemanticModel

log = logging.getLogger(__name__)

ITEMS: Final = "model-items"
MODEL_EXAMPLES: Final = "model-examples"
FEEDBACK: Final = "feedback-examples"
EXAMPLES_FILE: Final = "examples.jsonl"
BATCH: Final = 500  # records per call (chromadb's limit is higher)
COSINE: Final[dict[str, Any]] = {"hnsw": {"space": "cosine"}}
UNREADABLE: Final = (ChromaError, ValueError, KeyError, sqlite3.DatabaseError)


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


def open_index(
    path: Path, model: SemanticModel, ef: E5EmbeddingFunction, *, rebuild: bool
) -> tuple[Index, OpenReport]:
    """Open (and bring up to date) the index at `path`; a broken one is moved aside and rebuilt."""
    start = time.perf_counter()
    reasons = [] if path.exists() else ["index missing"]
    if reasons:
        _forget_system(path)  # a system cached for a deleted directory is stale
    moved: Path | None = None
    try:
        index = _open(path, model, ef, rebuild=rebuild, reasons=reasons)
    except UNREADABLE as exc:
        _forget_system(path)
        moved = _move_aside(path)
        log.warning("retrieval index %s unreadable (%s); moved to %s", path, exc, moved)
        reasons = [f"index unreadable ({type(exc).__name__}: {exc}); moved to {moved.name}"]
        index = _open(path, model, ef, rebuild=True, reasons=reasons)
    return index, OpenReport(tuple(reasons), moved, time.perf_counter() - start)


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
        file = path.parent / EXAMPLES_FILE
        if rebuild or _staleness(feedback, file_hash(file)):
            feedback = _build_feedback(client, file, ef)
            reasons.append(f"feedback part built ({feedback.count()} examples from {file.name})")
        index = Index(client, items, examples, feedback, file)
        _probe(index)
    except BaseException:
        client.close()
        raise
    return index


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
            metadatas=[_example_meta(examples[r]) for r in rows],
        )


def _example_meta(e: ExampleDoc) -> dict[str, str | int | float | bool | None]:
    plan = json.dumps(e.plan, ensure_ascii=False, sort_keys=True)
    return {
        "question": e.question, "plan": plan, "language": e.language, "source": e.source,
        "role": e.role,
    }  # fmt: skip


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


def migrate_examples(file: Path, role: str) -> int:
    """Give examples saved before roles and review (thumbs-up from anyone, used for everyone) the
    role `role` (the model's default role), so they keep working there and nowhere else; the
    old file is kept as `examples.jsonl.before-roles`. Returns how many were migrated."""
    if not file.exists():
        return 0
    lines = file.read_text(encoding="utf-8").splitlines()
    records = []
    migrated = 0
    for line in lines:
        try:
            data = json.loads(line)
        except ValueError:
            records.append(line)
            continue
        if isinstance(data, dict) and "role" not in data:
            data = {**data, "role": role, "reviewed_by": "migration (saved before review)"}
            migrated += 1
        records.append(json.dumps(data, ensure_ascii=False))
    if migrated:
        backup = file.with_name(file.name + ".before-roles")
        if not backup.exists():
            backup.write_bytes(file.read_bytes())
        tmp = file.with_name(file.name + ".tmp")
        tmp.write_text("\n".join(records) + "\n", encoding="utf-8")
        tmp.replace(file)
    return migrated


def file_hash(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()[:32] if file.exists() else "empty"


def seal_feedback(index: Index) -> None:
    _seal(index.feedback, file_hash(index.examples_file))


__all__ = [
    "EXAMPLES_FILE",
    "FEEDBACK",
    "ITEMS",
    "MODEL_EXAMPLES",
    "Index",
    "OpenReport",
    "add_examples",
    "append_example",
    "example_from",
    "feedback_doc",
    "file_hash",
    "migrate_examples",
    "open_index",
    "read_examples",
    "role_of",
    "seal_feedback",
    "settings",
]
