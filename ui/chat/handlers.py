"""The chat's event handlers, as plain functions of their inputs (the tests call them directly).

`ask` is a generator: it runs `AssistantService.ask` in a worker thread and yields a status line
each time the service reports a stage ("Understanding… → Querying… → Answering…"), then the new
state with the answer. Nothing here raises into Gradio: a failure becomes an error answer that says
what happened in the user's language, never a stack trace.
"""

from __future__ import annotations

import html
import logging
import queue
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

import gradio as gr

from assistant.answer.model import Answer, AnswerError
from assistant.nlu.text import language_of
from assistant.service import AssistantService
from assistant.sessions.records import UnknownSession
from semantic_layer.errors import UserError
from ui.chat.labels import stage_word, word
from ui.chat.render import short
from ui.chat.state import ChatState, Turn
from ui.chat.watching import watch_command, watch_reply

log = logging.getLogger(__name__)
WORKERS: Final = 8  # questions answered at once (each on its own engine cursor)


class AskUpdate(NamedTuple):
    """The outputs of `ask` and `new_conversation`: state, status line, question box."""

    state: ChatState
    status: str
    question: str


class LanguageUpdate(NamedTuple):
    """The outputs of `switch_language`: Gradio updates of the fixed interface parts."""

    header: dict[str, Any]
    language: dict[str, Any]
    question: dict[str, Any]
    send: dict[str, Any]
    new: dict[str, Any]


@dataclass(frozen=True)
class ChatHandlers:
    """Handlers bound to one service and the role whose access policy every answer follows."""

    service: AssistantService
    role: str | None = None
    watches: Any = None  # assistant.watches.Watches: "watch this" creates a watch
    pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(WORKERS, thread_name_prefix="tpa-chat"),
        repr=False,
        compare=False,
    )

    def ask(self, question: str | None, state: ChatState | None) -> Iterator[AskUpdate]:
        """Ask `question` in the tab's session; yields each stage's status, then the answer."""
        state = state if isinstance(state, ChatState) else ChatState()
        text = (question or "").strip()
        if not text:
            yield AskUpdate(state, "", "")
            return
        if self.watches is not None and watch_command(text) is not None:
            reply = watch_reply(self.watches, text, state.last_answer_id, self.role)
            yield AskUpdate(state.add(Turn(text, reply, stored=False)), "", "")
            return
        stages: queue.Queue[str | None] = queue.Queue()
        done: list[Turn] = []
        work = self.pool.submit(self._work, text, state.session_id, stages, done)
        while (stage := stages.get()) is not None:
            yield AskUpdate(state, pending(text, stage), "")
        work.result()
        yield AskUpdate(state.add(done[0]), "", "")

    def _work(
        self, text: str, session_id: str | None, stages: queue.Queue[str | None], done: list[Turn]
    ) -> None:
        try:
            done.append(Turn(text, self._answer(text, session_id, stages.put)))
        except Exception:
            log.exception("the chat could not answer %r", text)
            done.append(Turn(text, failed_answer(text), stored=False))
        finally:
            stages.put(None)

    def _answer(self, text: str, session_id: str | None, on_stage: Any) -> Answer:
        ask = self.service.ask
        try:
            return ask(
                text, session_id=session_id, role=self.role, channel="chat", on_stage=on_stage
            )
        except UnknownSession:  # the store was reset since this tab started: start afresh
            return ask(text, session_id=None, role=self.role, channel="chat", on_stage=on_stage)

    def rate(self, answer_id: str, rating: str, lang: str) -> str:
        """Thumbs up or down on an answer; returns the short confirmation to show."""
        try:
            saved = self.service.feedback(answer_id, "up" if rating == "up" else "down")
        except UserError as exc:
            return word("feedback_failed", lang, reason=exc.message)
        except Exception:
            log.exception("the chat could not save feedback on %s", answer_id)
            return word("feedback_failed", lang, reason=word("failed", lang))
        return word("thanks_saved" if saved else "thanks", lang)

    def new_conversation(self) -> AskUpdate:
        """A fresh state: the next question starts a new assistant session."""
        return AskUpdate(ChatState(), "", "")

    def switch_language(self, lang: str) -> LanguageUpdate:
        """The fixed interface parts relabelled in `lang` (the cards re-render by themselves)."""
        return LanguageUpdate(
            header=gr.update(value=header(lang)),
            language=gr.update(label=word("language", lang)),
            question=gr.update(label=word("question", lang), placeholder=word("placeholder", lang)),
            send=gr.update(value=word("send", lang)),
            new=gr.update(value=word("new", lang)),
        )


def header(lang: str) -> str:
    """The title, what to ask about, and where to start."""
    return f"## {word('title', lang)}\n{word('subtitle', lang)} {word('welcome', lang)}"


def pending(question: str, stage: str) -> str:
    """The status line under the conversation while a question is being answered."""
    lang = language_of(question)
    return f"**{word('you', lang)}:** {html.escape(short(question))}\n\n*{stage_word(stage, lang)}*"


def failed_answer(question: str) -> Answer:
    """The answer shown when the service itself failed (our bug, not the question's)."""
    lang = language_of(question)
    message = word("failed", lang)
    return Answer(
        id=uuid.uuid4().hex,
        question=question,
        language=lang,
        text=message,
        error=AnswerError(code="internal_error", message=message),
    )


__all__ = ["AskUpdate", "ChatHandlers", "LanguageUpdate", "failed_answer", "header", "pending"]
