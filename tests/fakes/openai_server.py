"""A real local OpenAI-compatible HTTP server with scripted replies, for tests.

It proves protocol handling (requests, structured output, tool calls, error statuses, timeouts,
dropped connections, repairs), never accuracy: the replies are whatever the test scripted.

    with FakeOpenAI([PlanReply({"kind": "dropoff", "time": "last_week"})]) as server:
        settings = LlmSettings(base_url=server.base_url, model="fake-model")
        ...
        assert server.requests[0]["response_format"]["type"] == "json_schema"
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class PlanReply:
    """A plan, sent as the message content (JSON), or as a tool call when the request has tools.

    `envelope` wraps it as {"plan": …} (what strict structured output returns); `delay_s` is
    how long the server takes to answer.
    """

    plan: Mapping[str, Any]
    envelope: bool = True
    prompt_tokens: int = 120
    completion_tokens: int = 30
    delay_s: float = 0.0


@dataclass(frozen=True)
class TextReply:
    """Raw text (e.g. malformed JSON), as content or as the tool call's arguments."""

    text: str
    prompt_tokens: int = 120
    completion_tokens: int = 10
    finish_reason: str = "stop"
    delay_s: float = 0.0


@dataclass(frozen=True)
class ErrorReply:
    """An HTTP error status with an OpenAI-style error body."""

    status: int
    message: str = "the fake server failed"
    type: str = "server_error"


@dataclass(frozen=True)
class Hang:
    """Sleep (longer than the client's timeout), then close without answering. Server shutdown
    cuts the sleep short."""

    seconds: float = 30.0


@dataclass(frozen=True)
class Drop:
    """Read the request, then close the connection without a response."""


Reply = PlanReply | TextReply | ErrorReply | Hang | Drop
Script = Sequence[Reply] | Callable[[int, dict[str, Any]], Reply]
EXHAUSTED = ErrorReply(400, "fake server: no scripted reply left", "invalid_request_error")


class FakeOpenAI:
    """`POST /v1/chat/completions` and `GET /v1/models` on 127.0.0.1, replying from a script.

    The script is a list of replies used in order (a 400 error once it runs out) or a function
    of (request index, request body). Every chat request body is kept in `requests` and its
    headers in `headers`, for assertions. This proves protocol handling, never accuracy.
    """

    def __init__(self, script: Script, *, model: str = "fake-model") -> None:
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._script = script
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving at once: hanging replies are cut short, nothing waits for them."""
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def next_reply(self, body: dict[str, Any], headers: dict[str, str]) -> Reply:
        """Record the request and pick its scripted reply."""
        with self._lock:
            index = len(self.requests)
            self.requests.append(body)
            self.headers.append(headers)
            if callable(self._script):
                return self._script(index, body)
            return self._script[index] if index < len(self._script) else EXHAUSTED


class RawEndpoint:
    """An endpoint answering every POST with one fixed (status, content type, body): the HTML
    error pages, non-completion JSON and hostile bodies that proxies, misconfigured or malicious
    servers send (`FakeOpenAI` always sends well-formed replies). Serves from construction."""

    def __init__(self) -> None:
        self.reply: tuple[int, str, bytes] = (500, "text/plain", b"")
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, kind, body = outer.reply
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def answer_json(self, body: bytes) -> None:
        """Answer 200 with `body` as JSON from now on."""
        self.reply = (200, "application/json", body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RawEndpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a hanging handler must not hold up shutdown
    fake: FakeOpenAI


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read `requests`, not stderr."""

    def do_GET(self) -> None:
        if self.path.rstrip("/") != "/v1/models":
            self._send(404, _error("not found", "invalid_request_error"))
            return
        model = {"id": self.server.fake.model, "object": "model", "created": 0, "owned_by": "fake"}
        self._send(200, {"object": "list", "data": [model]})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, _error("not found", "invalid_request_error"))
            return
        body = json.loads(raw or b"{}")
        fake = self.server.fake
        reply = fake.next_reply(body, {k.lower(): v for k, v in self.headers.items()})
        if isinstance(reply, Hang):
            fake.stopping.wait(reply.seconds)
            self.close_connection = True
        elif isinstance(reply, Drop):
            self.close_connection = True
        elif isinstance(reply, ErrorReply):
            self._send(reply.status, _error(reply.message, reply.type))
        else:
            fake.stopping.wait(reply.delay_s)
            self._send(200, completion(reply, body, fake.model))

    def _send(self, status: int, payload: Mapping[str, Any]) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (its timeout); nothing to answer


def completion(
    reply: PlanReply | TextReply, request: Mapping[str, Any], model: str
) -> dict[str, Any]:
    """An OpenAI chat.completion for the reply: a tool call when the request offers tools."""
    if isinstance(reply, PlanReply):
        text = json.dumps({"plan": dict(reply.plan)} if reply.envelope else dict(reply.plan))
        finish = "stop"
    else:
        text, finish = reply.text, reply.finish_reason
    tools = request.get("tools") or []
    if tools:
        name = tools[0].get("function", {}).get("name", "submit_plan")
        call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": text}}
        message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [call]}
        finish = "tool_calls" if finish == "stop" else finish
    else:
        message = {"role": "assistant", "content": text}
    usage = {
        "prompt_tokens": reply.prompt_tokens,
        "completion_tokens": reply.completion_tokens,
        "total_tokens": reply.prompt_tokens + reply.completion_tokens,
    }
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": usage,
    }


def _error(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def dead_port() -> int:
    """A local port with nothing listening (bound, then released; fine for tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


__all__ = [
    "Drop",
    "ErrorReply",
    "FakeOpenAI",
    "Hang",
    "PlanReply",
    "RawEndpoint",
    "Reply",
    "Script",
    "TextReply",
    "completion",
    "dead_port",
]
