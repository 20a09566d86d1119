"""Caches of one server: compiled plans and whole answers, shared by the chat, the API and bots.

Both are keyed by everything their value depends on, so nothing stale or foreign is ever served:

- `CompileKey`: the plan (canonical JSON), the caller's role, "today" with the model's timezone
  and week start (which fix every resolved range), and the model's version (a hash of its spec).
- `AnswerKey`: the plan, the role, the resolved time ranges, "today", the model's version and the
  data version (`data_version`: the load ids of `_tpa_loads`, which every `tpa ingest` and demo
  build adds to, and the database file's identity).

A cached answer holds only what the data says (text, table, chart, SQL, interpretation,
suggestions): never an answer id, a session id or the question, which each caller gets its own.
Entries expire after `ttl_s` and the least recently used go first beyond `capacity`.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from connectors.engine import EngineError
from connectors.engines import Engine
from connectors.loads import LOADS_TABLE, VERSION_SQL
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import QueryPlan
from semantic_layer.time import DateRange, TimeContext

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    expired: int = 0


class TtlCache(Generic[K, V]):
    """A thread-safe least-recently-used map whose entries expire `ttl_s` seconds after they
    were put; `ttl_s <= 0` or `capacity <= 0` keeps nothing. With `weigh`, the entries' total
    weight stays under `max_weight` too (an entry heavier than that is not kept)."""

    def __init__(
        self,
        capacity: int,
        ttl_s: float,
        *,
        max_weight: int = 0,
        weigh: Callable[[V], int] | None = None,
    ) -> None:
        self.capacity, self.ttl_s = capacity, ttl_s
        self.max_weight, self._weigh = max_weight, weigh
        self.stats = CacheStats()
        self._lock = threading.Lock()
        self._items: OrderedDict[K, tuple[float, V, int]] = OrderedDict()
        self._weight = 0

    @property
    def enabled(self) -> bool:
        return self.capacity > 0 and self.ttl_s > 0

    def get(self, key: K) -> V | None:
        now = time.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.stats.misses += 1
                return None
            if found[0] <= now:
                self._weight -= self._items.pop(key)[2]
                self.stats.expired += 1
                self.stats.misses += 1
                return None
            self._items.move_to_end(key)
            self.stats.hits += 1
            return found[1]

    def put(self, key: K, value: V) -> None:
        if not self.enabled:
            return
        weight = self._weigh(value) if self._weigh is not None else 0
        if self._weigh is not None and weight > self.max_weight:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._weight += weight - (old[2] if old is not None else 0)
            self._items[key] = (time.monotonic() + self.ttl_s, value, weight)
            while len(self._items) > self.capacity or (
                self._weigh is not None and self._weight > self.max_weight
            ):
                self._weight -= self._items.popitem(last=False)[1][2]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._weight = 0

    def __len__(self) -> int:
        return len(self._items)


@dataclass(frozen=True)
class CompileKey:
    plan: str
    role: str
    today: str
    model_version: str


@dataclass(frozen=True)
class AnswerKey:
    plan: str
    role: str
    time_range: str
    baseline_range: str
    today: str
    model_version: str
    data_version: str


def plan_key(plan: QueryPlan) -> str:
    """The plan as canonical JSON (two plans that mean the same give the same text)."""
    return plan.model_dump_json()


def compile_key(plan: QueryPlan, role: str, ctx: TimeContext, model_version: str) -> CompileKey:
    today = f"{ctx.today.isoformat()}|{ctx.timezone}|{ctx.week_start}"
    return CompileKey(plan_key(plan), role, today, model_version)


def answer_key(
    key: CompileKey, time_range: DateRange | None, baseline: DateRange | None, data_version: str
) -> AnswerKey:
    return AnswerKey(
        key.plan, key.role, _range(time_range), _range(baseline), key.today, key.model_version,
        data_version,
    )  # fmt: skip


def _range(r: DateRange | None) -> str:
    return "" if r is None else f"{r.start.isoformat()}/{r.end.isoformat()}"


def model_version(model: SemanticModel) -> str:
    """A hash of the model's spec: any change to the model is a new version."""
    spec = model.spec.model_dump_json()
    return hashlib.sha256(spec.encode()).hexdigest()[:24]


def data_version(engine: Engine) -> str:
    """The loads recorded in `_tpa_loads` (one row per `tpa ingest` or demo build) and the
    database file's identity (inode, size, modification time): either changes on a new load."""
    try:
        rows = engine.run(VERSION_SQL).rows
        loads = json.dumps([str(v) for v in rows[0]]) if rows else "[]"
    except EngineError:
        loads = "no loads table"
    try:
        st = Path(engine.path).stat()
        identity = f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        identity = "?"
    return f"{loads}|{identity}"


@dataclass(frozen=True)
class Frozen:
    """An answer's data fields as kept in the cache: pickled (each hit unpickles its own copy,
    which a caller may change; several times cheaper than `copy.deepcopy`), and their weight."""

    blob: bytes
    cells: int

    @classmethod
    def of(cls, fields: dict[str, Any]) -> Frozen:
        rows = fields.get("rows") or ()
        weight = 1 + len(rows) * len(fields.get("columns") or ())
        return cls(pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL), weight)

    def thaw(self) -> dict[str, Any]:
        fields: dict[str, Any] = pickle.loads(self.blob)  # our own bytes, never a caller's
        return fields


def cells(frozen: Frozen) -> int:
    """An answer's weight in the cache: the cells of its table (and one for the rest)."""
    return frozen.cells


__all__ = [
    "LOADS_TABLE",
    "AnswerKey",
    "CacheStats",
    "CompileKey",
    "Frozen",
    "TtlCache",
    "answer_key",
    "cells",
    "compile_key",
    "data_version",
    "model_version",
    "plan_key",
]
