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
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Final, NamedTuple

import gradio as gr

from assistant.answer.model import Answer, AnswerError
from assistant.nlu.text import language_of
from assistant.retell import retell
from assistant.service import AssistantService
from assistant.sessions.records import UnknownSession
from semantic_layer.errors import UserError
from semantic_layer.time import Language
from ui.chat.labels import stage_word, ui_language, word
from ui.chat.render import short
from ui.chat.reviewing import decide
from ui.chat.state import ChatState, Turn
from ui.chat.watching import watch_command, watch_reply
from ui.signin import Identity, SignIn, request_identity

log = logging.getLogger(__name__)
WORKERS: Final = 8  # questions answered at once (each on its own engine cursor)
MAX_RETOLD: Final = 20  # earlier answers retold when the interface language changes


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
    signin: SignIn | None = None  # who asks (None: a trusted caller in this process, `role`)
    pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(WORKERS, thread_name_prefix="tpa-chat"),
        repr=False,
        compare=False,
    )

    def who(self, request: gr.Request | None) -> Identity | None:
        """The signed-in person behind an event (None: signed out since the page loaded)."""
        if self.signin is None:
            return Identity(principal="", role=self.role, name="")
        return request_identity(self.signin, request)

    def ask(
        self, question: str | None, state: ChatState | None, request: gr.Request | None = None
    ) -> Iterator[AskUpdate]:
        """Ask `question` in the tab's session; yields each stage's status, then the answer."""
        state = state if isinstance(state, ChatState) else ChatState()
        text = (question or "").strip()
        if not text:
            yield AskUpdate(state, "", "")
            return
        who = self.who(request)
        if who is None:
            yield AskUpdate(state, word("signed_out", language_of(text)), text)
            return
        if self.watches is not None and watch_command(text) is not None:
            reply = watch_reply(self.watches, text, answer_id=state.last_answer_id, role=who.role,
                                owner=who.principal or None)  # fmt: skip
            yield AskUpdate(state.add(Turn(text, reply, stored=False)), "", "")
            return
        stages: queue.Queue[str | None] = queue.Queue()
        done: list[Turn] = []
        work = self.pool.submit(
            self._work, text, state.session_id, stages=stages, done=done, who=who
        )
        while (stage := stages.get()) is not None:
            yield AskUpdate(state, pending(text, stage), "")
        work.result()
        yield AskUpdate(state.add(done[0]), "", "")

    def _work(
        self,
        text: str,
        session_id: str | None,
        *,
        stages: queue.Queue[str | None],
        done: list[Turn],
        who: Identity,
    ) -> None:
        try:
            done.append(Turn(text, self._answer(text, session_id, stages.put, who)))
        except Exception:
            log.exception("the chat could not answer %r", text)
            done.append(Turn(text, failed_answer(text), stored=False))
        finally:
            stages.put(None)

    def _answer(self, text: str, session_id: str | None, on_stage: Any, who: Identity) -> Answer:
        ask = partial(
            self.service.ask, text, role=who.role, channel="chat", on_stage=on_stage,
            principal=who.principal or None,
        )  # fmt: skip
        try:
            return ask(session_id=session_id)
        except UnknownSession:  # the store was reset (or another person signed in): start afresh
            return ask(session_id=None)

    def rate(
        self, answer_id: str, rating: str, lang: str, request: gr.Request | None = None
    ) -> str:
        """Thumbs up or down on one of the person's own answers; the confirmation to show."""
        who = self.who(request)
        if who is None:
            return word("signed_out", lang)
        try:
            saved = self.service.feedback(
                answer_id, "up" if rating == "up" else "down", principal=who.principal or None,
                role=who.role,
            )  # fmt: skip
        except UserError as exc:
            return word("feedback_failed", lang, reason=exc.message)
        except Exception:
            log.exception("the chat could not save feedback on %s", answer_id)
            return word("feedback_failed", lang, reason=word("failed", lang))
        if saved and self._approved(answer_id):
            return word("thanks_approved", lang)  # a reviewer's own thumbs-up
        return word("thanks_saved" if saved else "thanks", lang)

    def _approved(self, answer_id: str) -> bool:
        try:
            return self.service.store.proposal(answer_id).status == "approved"
        except UserError:
            return False

    def reviews(self, request: gr.Request | None = None) -> Identity | None:
        """The signed-in person when their role may review examples (None otherwise): only
        they see the review list."""
        who = self.who(request)
        if who is None or not self.service.examples.is_reviewer(who.role):
            return None
        return who

    def review(
        self, answer_id: str, approve: bool, lang: str, request: gr.Request | None = None
    ) -> str:
        """Approve or reject a proposed example as the signed-in reviewer; what to show."""
        who = self.reviews(request)
        if who is None:
            return word("review_denied", lang)
        try:
            return decide(
                self.service,
                answer_id,
                approve=approve,
                role=who.role,
                reviewer=who.principal or "chat",
                lang=lang,
            )
        except Exception:
            log.exception("the chat could not review %s", answer_id)
            return word("review_failed", lang, reason=word("failed", lang))

    def new_conversation(self) -> AskUpdate:
        """A fresh state: the next question starts a new assistant session."""
        return AskUpdate(ChatState(), "", "")

    def retell(
        self, lang: str, state: ChatState | None, request: gr.Request | None = None
    ) -> ChatState:
        """The conversation with every earlier answer also told in `lang` (its query rerun
        under the signed-in person's role, as it was first asked), so the cards re-render in
        the new interface language; the latest `MAX_RETOLD` only."""
        state = state if isinstance(state, ChatState) else ChatState()
        who = self.who(request)
        if who is None:  # signed out since: nothing runs again
            return state
        target: Language = ui_language(lang)
        turns = list(state.turns)
        start = max(0, len(turns) - MAX_RETOLD)
        jobs = {
            n: self.pool.submit(retell, self.service, t.answer, target, who.role)
            for n, t in enumerate(turns)
            if n >= start and t.stored and not t.has(target)
        }
        if not jobs:
            return state
        for n, job in jobs.items():
            told = job.result()
            if told is not None:
                turns[n] = replace(turns[n], retold=(*turns[n].retold, told))
        return state.with_turns(tuple(turns))

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
