"""A memo of first-turn plans: a question asked again is not planned again.

Planning costs most of a repeated question's CPU (the embedded planner reads the question, and
embeds it for the reviewed-example look-up). A first turn's plan depends only on the question's
text, the role (its reviewed examples), the backend asked for, "today", the model and the
reviewed examples; the memo keys on exactly those, so it can never serve a plan that planning
now would not give: a change to the model, a new day, or any example approved or withdrawn (the
examples file changes, in this process or another) is a different key. Plans that needed the
LLM (calls made) are never kept, nor are follow-ups (they depend on the conversation).
"""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date
from pathlib import Path
from typing import Any

from assistant.caching import TtlCache
from assistant.understand import Planned

MemoKey = tuple[Any, ...]


def examples_version(retriever: object | None) -> str:
    """The identity of the reviewed examples the planner looks up: the examples file beside
    the retriever's index (size and modification time; every approval or withdrawal appends)."""
    path = getattr(retriever, "path", None)
    if retriever is None or not isinstance(path, Path):
        return "no retrieval"
    try:  # `retrieval.store.examples_file`, not imported: that module loads chromadb
        st = (path.parent / "examples.jsonl").stat()
    except OSError:
        return "no examples"
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


class PlanMemo:
    """First-turn plans by (question, role, backend, today, model version, examples version)."""

    def __init__(self, capacity: int, ttl_s: float) -> None:
        # each plan with its result pickled: a hit unpickles its own copy (the caller may change
        # it), about three times cheaper than `copy.deepcopy` of the pydantic result
        self._plans: TtlCache[MemoKey, tuple[Planned, bytes]] = TtlCache(capacity, ttl_s)

    @property
    def stats(self) -> Any:
        return self._plans.stats

    @staticmethod
    def key(
        question: str,
        role: str,
        *,
        backend: str,
        today: date,
        model_version: str,
        examples: str,
    ) -> MemoKey:
        return (question, role, backend, today, model_version, examples)

    def get(self, key: MemoKey) -> Planned | None:
        found = self._plans.get(key)
        if found is None:
            return None
        planned, result = found
        return dataclasses.replace(
            planned, result=pickle.loads(result), warnings=list(planned.warnings)
        )

    def put(self, key: MemoKey, planned: Planned) -> None:
        if planned.calls or planned.backend not in ("embedded", "example"):
            return  # an LLM's plan is not repeatable: ask it again
        result = pickle.dumps(planned.result, protocol=pickle.HIGHEST_PROTOCOL)
        self._plans.put(
            key, (dataclasses.replace(planned, warnings=list(planned.warnings)), result)
        )


__all__ = ["MemoKey", "PlanMemo", "examples_version"]
