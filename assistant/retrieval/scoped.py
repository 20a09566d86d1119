"""Retrieval as one role sees it: reviewed feedback examples of that role only, and never the
text of another caller's question (issue 13 point 6, issue 14 leak 4).

Thumbs-up examples become usable only once a reviewer approves them for a role (`tpa examples`,
`/v1/examples`); the index then holds them with that role. `RoleRetrieval` wraps the shared
`Retriever` for one role: the model's own verified queries serve everyone, a feedback example only
its role; when a feedback example answers, the planner is handed the caller's own question in
place of the stored one, so no note quotes what somebody else asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from assistant.retrieval.grounding import Example, Grounding, GroundingItem
from assistant.retrieval.retriever import EXAMPLE_THRESHOLD, KINDS, Retriever


class RoleRetrieval:
    """`Retriever`'s planning methods, limited to `role`'s examples."""

    def __init__(self, retriever: Retriever, role: str) -> None:
        self.retriever, self.role = retriever, role

    def search(self, text: str, *, kinds: Sequence[str] = KINDS, k: int = 5) -> list[GroundingItem]:
        return self.retriever.search(text, kinds=kinds, k=k)

    def ground(self, question: str, *, k: int = 8, history: Sequence[str] = ()) -> Grounding:
        found = self.retriever.ground(question, k=k, history=history)
        return replace(found, examples=tuple(e for e in found.examples if self.serves(e)))

    def examples(self, question: str, *, k: int = 3) -> list[Example]:
        return [e for e in self.retriever.examples(question, k=k) if self.serves(e)]

    def similar_example(
        self,
        question: str,
        *,
        threshold: float = EXAMPLE_THRESHOLD,
        accept: Callable[[Any], bool] | None = None,
        same_names: bool = True,
    ) -> Example | None:
        def mine(example: Example) -> bool:
            return self.serves(example) and (accept is None or accept(example))

        found = self.retriever.similar_example(
            question, threshold=threshold, accept=mine, same_names=same_names
        )
        if found is None or found.source != "feedback":
            return found
        return replace(found, question=question)  # never quote another caller's question

    def serves(self, example: Example) -> bool:
        """The model's examples serve every role; a reviewed feedback example only its own."""
        return example.source != "feedback" or example.role == self.role


__all__ = ["RoleRetrieval"]
