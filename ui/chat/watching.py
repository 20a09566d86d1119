"""The chat's part of watches: "watch this" after an answer, and the landing page's digest cards
("What changed this week" / "本周变化") shown before the first question."""

from __future__ import annotations

import html
import logging
import os
import re
import uuid
from typing import Any, Final, Literal

import gradio as gr
import plotly.graph_objects as go  # type: ignore[import-untyped]

from assistant.answer.model import Answer, AnswerError
from assistant.nlu.text import language_of
from assistant.watches import WatchError, Watches
from semantic_layer.phrasebook import language, phrase

log = logging.getLogger(__name__)
CHAT_OWNER: Final = "chat"  # the chat's principal until chat sign-in names the person
_COMMAND: Final = re.compile(
    r"^\s*(?:watch this|watch it|alert me|监控这个|关注这个|盯住这个|监控)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_DEST: Final = re.compile(r"(?:https?://\S+|(?:slack|feishu|dingtalk|wecom|webhook):\S+)")


def watch_command(text: str) -> str | None:
    """The rest of a "watch this …" message (its destinations and grain), or None."""
    found = _COMMAND.match(text)
    return None if found is None else found.group("rest")


def watch_reply(watches: Watches, text: str, *, answer_id: str | None, role: str | None,
                owner: str | None = None) -> Answer:  # fmt: skip
    """Create a watch on the last answer, owned by the signed-in person (`owner`; the chat's
    own principal without sign-in); the reply says what is watched, or what to fix."""
    lang = language_of(text)
    rest = watch_command(text) or ""
    to = _DEST.findall(rest) or [d for d in os.environ.get("TPA_WATCH_TO", "").split(",") if d]
    grain: Literal["day", "week"] = (
        "day" if re.search(r"\b(daily|day)\b|每天|每日", rest, re.IGNORECASE) else "week"
    )
    try:
        if answer_id is None:
            raise WatchError("no_answer", code="no_answer")
        if not to:
            raise WatchError("no_destination", code="no_destination")
        sub = watches.create_from_answer(answer_id, owner=owner or CHAT_OWNER, role=role,
                                         grain=grain, to=to)  # fmt: skip
    except WatchError as exc:
        message = exc.say(lang)
        return Answer(id=uuid.uuid4().hex, question=text, language=lang, text=message,
                      error=AnswerError(code=exc.code, message=message))  # fmt: skip
    where = ", ".join(str(d) for d in sub.destinations)
    says = language(lang)
    every = phrase(says, "watch", f"every_{grain}")
    said = phrase(says, "watch", "watching", question=sub.question, id=sub.id, every=every,
                  where=where)  # fmt: skip
    return Answer(id=uuid.uuid4().hex, question=text, language=lang, text=said)


def landing_cards(watches: Watches | None, role: str | None, lang: str) -> None:
    """The digest cards of the chat's first screen (nothing when there is no digest)."""
    if watches is None:
        return
    try:
        digest = watches.landing(role)
    except Exception:  # the first screen must open even if the digest cannot be computed
        log.exception("the landing digest could not be computed")
        return
    if not digest.get("items"):
        return
    code = language(lang)
    with gr.Column(elem_id="tpa-digest", key=f"digest-{code}"):
        gr.Markdown(f"### {digest['title'][code]} · {html.escape(digest['when'][code])}",
                    elem_id="tpa-digest-title", key=f"digest-title-{code}")  # fmt: skip
        with gr.Row(equal_height=True):
            for n, item in enumerate(digest["items"]):
                with gr.Column(elem_classes=["tpa-digest-card"], min_width=220,
                               key=f"digest-card-{code}-{n}"):  # fmt: skip
                    gr.Markdown(html.escape(item["text"][code]),
                                elem_classes=["tpa-digest-text"], key=f"dt-{code}-{n}")  # fmt: skip
                    gr.Plot(_figure(item["chart"][code]), show_label=False,
                            elem_classes=["tpa-digest-chart"], key=f"dc-{code}-{n}")  # fmt: skip


def _figure(chart: dict[str, Any]) -> go.Figure:
    fig = go.Figure(chart)
    fig.update_layout(height=220, width=None, autosize=True)
    return fig


__all__ = ["CHAT_OWNER", "landing_cards", "watch_command", "watch_reply"]
