"""The chat's review list (issue 13 point 6): the examples other people's thumbs-up proposed,
shown only to a role whose policy says `reviewer: true`, each with its question, its plan in
words, who saved it and for which role, and Approve / Reject buttons.

    side panel (reviewers only): "Examples to review (2)"
        question · plan in words · saved by alice (role east_marketing), 6 Dec 05:40 UTC
        [Approve] [Reject]

The same review as `tpa examples` and `/v1/examples` (`assistant.examples.ExampleReview`): an
approved example serves its own role only; a rejected one is never used. The buttons check the
role again when clicked, so a page left open after sign-out or a role change decides nothing.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Any, Final

import gradio as gr

from assistant.service import AssistantService
from assistant.sessions.records import Proposal
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.errors import UserError
from semantic_layer.model.labels import ModelLabels
from semantic_layer.plan.describe import describe
from semantic_layer.plan.union import parse_plan
from ui.chat.labels import ui_language, word

log = logging.getLogger(__name__)
MAX_LISTED: Final = 20  # proposals shown at once (the oldest first; `tpa examples list` has all)


@dataclass(frozen=True)
class ReviewItem:
    """One pending proposal as a reviewer reads it."""

    answer_id: str
    question: str
    plan: str  # the plan in words, in the interface language
    saved_by: str
    role: str
    saved_at: str


@dataclass(frozen=True)
class ReviewList:
    """The proposals to show and how many are pending in all."""

    items: tuple[ReviewItem, ...]
    pending: int


def review_list(service: AssistantService, lang: str) -> ReviewList:
    """The pending proposals, oldest first, told in `lang` (at most `MAX_LISTED`)."""
    found = service.store.proposals("pending", limit=1000)
    items = tuple(_item(service, p, lang) for p in found[:MAX_LISTED])
    return ReviewList(items, len(found))


def plan_words(
    service: AssistantService, plan: dict[str, Any], lang: str, role: str | None = None
) -> str:
    """The plan as one sentence in `lang` (`describe`; its time as it would be reused, "last
    week"), or its kind and fields when it no longer compiles for `role` (a metric was renamed
    or the role's access changed since it was saved)."""
    code = ui_language(lang)
    try:
        parsed = parse_plan(plan)
        compile_plan(parsed, service.model, service.time_context(), role)
        return describe(parsed.model_copy(update={"language": code}), ModelLabels(service.model))
    except Exception:  # a stale plan is still shown, so the reviewer can reject it
        log.info("a proposed plan could not be described: %r", plan)
        fields = ", ".join(f"{k}={v}" for k, v in plan.items() if k not in ("kind", "language"))
        return word("plan_unreadable", code, kind=plan.get("kind", "?"), fields=fields)


def saved_by(owner: str | None, lang: str) -> str:
    """Who proposed an example, readably: a chat user's name, an API key's short fingerprint
    (never the key), a bot user, or the chat without sign-in."""
    if not owner or owner in ("local", "chat"):
        return word("saved_by_chat", lang)
    kind, _, name = owner.partition(":")
    if kind == "user" and name:
        return name
    if kind == "key" and name:
        return word("saved_by_key", lang, fingerprint=name[:8])
    return owner


def _item(service: AssistantService, p: Proposal, lang: str) -> ReviewItem:
    return ReviewItem(
        answer_id=p.answer_id,
        question=p.question,
        plan=plan_words(service, p.plan, lang, p.role),
        saved_by=saved_by(p.owner, lang),
        role=p.role or service.model.settings.default_role or "",
        saved_at=p.created_at.strftime("%Y-%m-%d %H:%M UTC"),
    )


def decide(
    service: AssistantService, answer_id: str, *, approve: bool, role: str | None, reviewer: str,
    lang: str,
) -> str:  # fmt: skip
    """Approve or reject one proposal as `role`; the confirmation (or what went wrong) in
    `lang`. A proposal another reviewer decided meanwhile is reported, not decided again."""
    try:
        before = service.store.proposal(answer_id)
        if before.status != "pending":
            return word("review_already", lang, status=word(f"status_{before.status}", lang))
        done = service.examples.review(answer_id, approve, role, reviewer)
    except UserError as exc:
        return word("review_failed", lang, reason=html.escape(exc.message))
    key = "review_approved" if approve else "review_rejected"
    return word(key, lang, question=html.escape(done.question), role=done.role or "")


def review_panel(
    listed: ReviewList, note: str, *, lang: str, on_decide: Any, refresh: Any
) -> None:  # fmt: skip
    """The list as Gradio components (inside a `gr.render`); `on_decide(button, answer_id,
    approve)` wires a decision, `refresh(button)` the refresh button."""
    code = ui_language(lang)
    title = word("review_title", code, n=listed.pending)
    with gr.Accordion(title, open=True, elem_id="tpa-review", key=f"review-{code}"):
        gr.Markdown(word("review_help", code), elem_classes=["tpa-review-help"])
        if note:
            gr.Markdown(note, elem_id="tpa-review-note")
        if not listed.items:
            gr.Markdown(word("review_none", code), elem_classes=["tpa-review-none"])
        for item in listed.items:
            _item_view(item, code, on_decide)
        if listed.pending > len(listed.items):
            more = word("review_more", code, n=listed.pending - len(listed.items))
            gr.Markdown(more, elem_classes=["tpa-review-more"])
        refresh(gr.Button(word("review_refresh", code), size="sm", elem_id="tpa-review-refresh"))


def _item_view(item: ReviewItem, lang: str, on_decide: Any) -> None:
    with gr.Column(elem_classes=["tpa-review-item"], key=f"ri-{item.answer_id}"):
        lines = [
            f"**{html.escape(item.question)}**",
            f"{word('review_plan', lang)}{html.escape(item.plan)}",
            word("review_saved", lang, who=html.escape(item.saved_by),
                 role=html.escape(item.role), when=item.saved_at),
        ]  # fmt: skip
        gr.Markdown("\n\n".join(lines), elem_classes=["tpa-review-text"], latex_delimiters=[])
        with gr.Row():
            approve = gr.Button(f"✓ {word('approve', lang)}", size="sm", variant="primary",
                                elem_classes=["tpa-approve"])  # fmt: skip
            reject = gr.Button(f"✗ {word('reject', lang)}", size="sm", elem_classes=["tpa-reject"])
        on_decide(approve, item.answer_id, True)
        on_decide(reject, item.answer_id, False)


__all__ = [
    "MAX_LISTED",
    "ReviewItem",
    "ReviewList",
    "decide",
    "plan_words",
    "review_list",
    "review_panel",
    "saved_by",
]
