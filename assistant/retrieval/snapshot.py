"""`ExampleSnapshot`: the example questions' vectors in one small file inside the index folder.

The embedded planner asks retrieval one thing per question: is there a stored example close
enough (`Retriever.similar_example`)? The examples are few (the model's verified questions and the
users' approved ones), so their vectors are kept in `examples.npz` and compared with one matrix
product — exact, like chromadb's search over so few records — without importing or opening
chromadb (half a second for `tpa ask`). The file carries the stamp of what it was made from (the
model's fingerprint and the feedback file's hash) and is ignored when either changed.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
from numpy.typing import NDArray

from assistant.retrieval.vectors import DIM

SNAPSHOT_FILE: Final = "examples.npz"
Part = Literal["model", "feedback"]


@dataclass(frozen=True)
class ExampleSnapshot:
    """Example vectors (unit length, one row each) with their ids, parts and metadata."""

    stamp: str
    ids: tuple[str, ...]
    parts: tuple[Part, ...]
    metas: tuple[Mapping[str, Any], ...]
    vectors: NDArray[np.float32]

    @classmethod
    def create(
        cls, stamp: str, rows: Sequence[tuple[str, Part, Mapping[str, Any], Any]]
    ) -> ExampleSnapshot:
        vectors = np.asarray([np.asarray(r[3]) for r in rows], dtype=np.float32).reshape(-1, DIM)
        return cls(
            stamp,
            tuple(r[0] for r in rows),
            tuple(r[1] for r in rows),
            tuple(dict(r[2]) for r in rows),
            vectors,
        )

    def nearest(
        self, vector: NDArray[np.float32], n: int, part: Part
    ) -> list[tuple[Mapping[str, Any], float]]:
        """(metadata, cosine similarity clamped to [0, 1]) of the `n` nearest examples of `part`."""
        rows = np.flatnonzero(np.asarray(self.parts) == part) if self.parts else np.empty(0, int)
        if not len(rows):
            return []
        similarity = self.vectors[rows] @ vector
        best = rows[np.argsort(-similarity, kind="stable")[:n]]
        scores = self.vectors[best] @ vector
        return [
            (self.metas[i], max(0.0, min(1.0, float(s))))
            for i, s in zip(best.tolist(), scores.tolist(), strict=True)
        ]

    def with_example(
        self,
        id_: str,
        part: Part,
        *,
        meta: Mapping[str, Any],
        vector: NDArray[np.float32],
        stamp: str,
    ) -> ExampleSnapshot:
        """This snapshot with one example added (replacing one with the same id)."""
        keep = [i for i, existing in enumerate(self.ids) if existing != id_]
        rows = [(self.ids[i], self.parts[i], self.metas[i], self.vectors[i]) for i in keep]
        return ExampleSnapshot.create(stamp, [*rows, (id_, part, meta, vector)])

    def write(self, folder: Path) -> None:
        """Save to `folder/examples.npz`, atomically (a reader sees the old file or the new)."""
        target = folder / SNAPSHOT_FILE
        partial = folder / f".{SNAPSHOT_FILE}.{uuid.uuid4().hex}.npz"
        header = {"stamp": self.stamp, "ids": self.ids, "parts": self.parts, "metas": self.metas}
        text = json.dumps(header, ensure_ascii=False)
        try:
            with partial.open("wb") as out:
                np.savez(out, header=np.array(text), vectors=self.vectors)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)


def read_snapshot(folder: Path, stamp: str) -> ExampleSnapshot | None:
    """The snapshot in `folder` when it was made from `stamp`; None when missing, stale or
    unreadable (the caller then opens the chromadb index and writes a new one)."""
    try:
        with np.load(folder / SNAPSHOT_FILE, allow_pickle=False) as data:
            header = json.loads(str(data["header"]))
            vectors = np.asarray(data["vectors"], dtype=np.float32)
        if header["stamp"] != stamp or vectors.shape != (len(header["ids"]), DIM):
            return None
        return ExampleSnapshot(
            stamp, tuple(header["ids"]), tuple(header["parts"]), tuple(header["metas"]), vectors
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


__all__ = ["SNAPSHOT_FILE", "ExampleSnapshot", "Part", "read_snapshot"]
