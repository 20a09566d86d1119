"""Answering in the background: the webhook acknowledges at once (every platform wants an answer
within a few seconds) and a worker thread asks the service, then posts the reply.

A `ReplyTarget` is one conversation on one platform: it names its thread (the key of the
assistant session that keeps follow-ups in context) and posts text and images into it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

import httpx

from assistant.answer.model import Answer
from assistant.service import AssistantService
from ui.bots.common import API_TIMEOUT_S
from ui.bots.files import file_hint, file_request, no_table, table_file
from ui.bots.replies import no_role_text, reply_text, sorry_text

log = logging.getLogger("assistant.bots")
ChartPng = Callable[[dict[str, Any]], bytes]
RoleFor = Callable[[str, str, str], str | None]  # (platform, user, channel) → role


class ReplyTarget(Protocol):
    """Where an answer goes: one chat, thread or user on one platform."""

    @property
    def platform(self) -> str:
        """The platform's name, also the sessions' channel ("slack", "feishu", …)."""
        ...

    def thread_key(self, http: httpx.Client) -> str:
        """The conversation's key (may post a first message to start a thread)."""
        ...

    def post_text(self, http: httpx.Client, text: str) -> None: ...

    def post_image(self, http: httpx.Client, png: bytes) -> None: ...


class Dispatcher:
    """Runs `service.ask` for bot messages on a few worker threads and posts the replies."""

    def __init__(
        self,
        service: AssistantService,
        chart_png: ChartPng | None,
        role: str | RoleFor | None = None,
        workers: int = 4,
    ) -> None:
        """`role`: one role for every message, or a function of (platform, user, channel)."""
        self.service, self.chart_png = service, chart_png
        self.role_for: RoleFor = role if callable(role) else _always(role)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tpa-bot")

    def submit(self, question: str, target: ReplyTarget) -> Future[None]:
        """Answer `question` into `target` in the background."""
        return self._pool.submit(self.run, question, target)

    def run(self, question: str, target: ReplyTarget) -> None:
        """Ask, then post the text and the chart; failures are logged, never raised. "excel" or
        "csv" posts the latest answer's table as a file instead (`files.file_request`)."""
        with httpx.Client(timeout=API_TIMEOUT_S) as http:
            role = self.role_for(
                target.platform, str(getattr(target, "user", "")),
                str(getattr(target, "channel", "")),
            )  # fmt: skip
            if role is None:  # nobody mapped this person or chat to a role: least privilege
                _quietly(target.post_text, http, no_role_text(question))
                return
            fmt = file_request(question)
            if fmt is not None and hasattr(target, "post_file"):
                self._send_table(http, question, fmt=fmt, target=target, role=role)
                return
            try:
                answer = self._ask(http, question, target, role)
            except Exception:
                log.exception("%s: answering %r failed", target.platform, question[:200])
                _quietly(target.post_text, http, sorry_text(question))
                return
            text = "\n\n".join(p for p in (reply_text(answer), file_hint(answer)) if p)
            if not _quietly(target.post_text, http, text):
                return
            png = self._png(answer)
            if png is not None:
                _quietly(target.post_image, http, png)

    def close(self) -> None:
        """Stop taking work and wait for the answers already running (queued ones are dropped),
        so the service is not closed under them."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _ask(self, http: httpx.Client, question: str, target: ReplyTarget, role: str) -> Answer:
        """Each message runs under its own asker's role, also in a thread someone else began."""
        key = target.thread_key(http)
        session = self.service.store.session_for(target.platform, key, role=role)
        return self.service.ask(
            question, session_id=session.id, role=role, channel=target.platform,
            principal=session.owner,
        )  # fmt: skip

    def _send_table(
        self, http: httpx.Client, asked: str, *, fmt: str, target: Any, role: str
    ) -> None:
        """The latest answer with a table in the thread's session, as a file."""
        try:
            key = target.thread_key(http)
            session = self.service.store.session_for(target.platform, key, role=role)
            turns = self.service.store.turns(session.id, limit=20)
            last = next((t.answer for t in reversed(turns) if t.answer.rows), None)
            if last is None:
                _quietly(target.post_text, http, no_table(asked))
                return
            file = table_file(last, fmt, self.service.model)
        except Exception:
            log.exception("%s: preparing the table file failed", target.platform)
            _quietly(target.post_text, http, sorry_text(asked))
            return
        _quietly(target.post_file, http, file)

    def _png(self, answer: Answer) -> bytes | None:
        if self.chart_png is None or answer.chart is None:
            return None
        try:
            return self.chart_png(answer.chart)
        except Exception:
            log.exception("rendering the chart of answer %s failed; posting text only", answer.id)
            return None


def _always(role: str | None) -> RoleFor:
    def role_for(platform: str, user: str, channel: str) -> str | None:
        return role

    return role_for


def _quietly(post: Callable[[httpx.Client, Any], None], http: httpx.Client, value: Any) -> bool:
    try:
        post(http, value)
    except Exception:
        log.exception("posting a bot reply failed")
        return False
    return True


__all__ = ["ChartPng", "Dispatcher", "ReplyTarget"]
