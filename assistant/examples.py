"""Reviewed examples (issue 13 point 6): a thumbs-up proposes an answer's plan as an example; a
person whose role's policy says `reviewer: true` approves or rejects it (in the chat, over
`/v1/examples`, or with `tpa examples`); only then does retrieval use it, and only for the role it
was proposed under (`assistant.retrieval.scoped`).

    thumbs-up ─▶ proposal (pending) ─▶ reviewer approves ─▶ examples.jsonl + index, for that role
                                    └▶ reviewer rejects  ─▶ never used (withdrawn if it was)
"""

from __future__ import annotations

from assistant.answer.model import Answer
from assistant.kinds import KINDS
from assistant.seams import ExampleIndex
from assistant.sessions import SessionStore
from assistant.sessions.records import Proposal
from semantic_layer.compile.access import AccessDenied
from semantic_layer.model.semantic import SemanticModel

NOT_EXAMPLES = tuple(kind.name for kind in KINDS if not kind.analysis)  # never reused


class ExampleReview:
    """Proposals in the session store; approved ones in the retriever, for their role."""

    def __init__(
        self, model: SemanticModel, store: SessionStore, retriever: ExampleIndex | None
    ) -> None:
        self.model, self.store, self.retriever = model, store, retriever

    def role_name(self, role: str | None) -> str:
        """The name an example is kept under: the role, or the model's default role."""
        if role is not None:
            return role
        return self.model.settings.default_role if self.model.spec.policies else ""

    def is_reviewer(self, role: str | None) -> bool:
        try:
            return self.model.policy(role).reviewer
        except Exception:  # an unknown role reviews nothing
            return False

    def propose(self, answer: Answer, role: str | None, owner: str | None) -> Proposal | None:
        """A proposal for a thumbs-up on an analysis (None for anything else, and when the
        service runs without retrieval, which could never reuse it)."""
        plan = answer.plan
        if self.retriever is None or plan is None or answer.error:
            return None
        if plan.get("kind") in NOT_EXAMPLES:
            return None
        return self.store.propose_example(answer, self.role_name(role), owner)

    def review(
        self, answer_id: str, approve: bool, reviewer_role: str | None, reviewer: str
    ) -> Proposal:
        """Approve or reject; `AccessDenied` unless `reviewer_role` may review
        (`reviewer_role` "*" is the operator at the machine, `tpa examples`)."""
        if reviewer_role != "*" and not self.is_reviewer(reviewer_role):
            raise AccessDenied(
                f"role '{self.role_name(reviewer_role)}' may not review examples",
                hint="a policy with `reviewer: true` may (docs/semantic-layer.md)",
            )
        before = self.store.proposal(answer_id)
        after = self.store.review_example(
            answer_id, "approved" if approve else "rejected", reviewer
        )
        if self.retriever is not None:
            if approve:
                self.retriever.add_example(
                    after.question, after.plan, after.language, after.role or ""
                )
            elif before.status == "approved":
                self.retriever.remove_example(after.question, after.role or "")
        return after


__all__ = ["ExampleReview"]
