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
from assistant.bots.common import API_TIMEOUT_S
from assistant.bots.files import file_hint, file_request, no_table, table_file
from assistant.bots.replies import reply_text, sorry_text
from assistant.service import AssistantService

log = logging.getLogger("assistant.bots")
ChartPng = Callable[[dict[str, Any]], bytes]


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
        role: str | None = None,
        workers: int = 4,
    ) -> None:
        self.service, self.chart_png, self.role = service, chart_png, role
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tpa-bot")

    def submit(self, question: str, target: ReplyTarget) -> Future[None]:
        """Answer `question` into `target` in the background."""
        return self._pool.submit(self.run, question, target)

    def run(self, question: str, target: ReplyTarget) -> None:
        """Ask, then post the text and the chart; failures are logged, never raised. "excel" or
        "csv" posts the latest answer's table as a file instead (`files.file_request`)."""
        with httpx.Client(timeout=API_TIMEOUT_S) as http:
            fmt = file_request(question)
            if fmt is not None and hasattr(target, "post_file"):
                self._send_table(http, question, fmt, target)
                return
            try:
                answer = self._ask(http, question, target)
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

    def _ask(self, http: httpx.Client, question: str, target: ReplyTarget) -> Answer:
        key = target.thread_key(http)
        session = self.service.store.session_for(target.platform, key, role=self.role)
        return self.service.ask(question, session_id=session.id, channel=target.platform)

    def _send_table(self, http: httpx.Client, asked: str, fmt: str, target: Any) -> None:
        """The latest answer with a table in the thread's session, as a file."""
        try:
            key = target.thread_key(http)
            session = self.service.store.session_for(target.platform, key, role=self.role)
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


def _quietly(post: Callable[[httpx.Client, Any], None], http: httpx.Client, value: Any) -> bool:
    try:
        post(http, value)
    except Exception:
        log.exception("posting a bot reply failed")
        return False
    return True


__all__ = ["ChartPng", "Dispatcher", "ReplyTarget"]
