"""A ClickHouse HTTP interface on 127.0.0.1 backed by embedded ClickHouse (chdb), to test the
server engine's protocol: the SQL as the POST body, settings and `database` as URL parameters,
the account in `X-ClickHouse-User` / `X-ClickHouse-Key`, `ArrowStream` results, and errors as
ClickHouse sends them (status 500, `X-ClickHouse-Exception-Code`, "Code: N. DB::Exception: …").

It is not a ClickHouse server (no real server is installable here: Debian's is from 2018): the
queries run on the process's chdb session over a loaded folder, read-only, with the settings the
engine sends applied by that session. `unavailable` answers 503 that many times first; `readonly`
is what the account's `readonly` setting says.
"""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from connectors.engines.clickhouse import _LOCK, ClickHouseEngine

_CODE = re.compile(r"Code: (\d+)")


class FakeClickHouse:
    """`with FakeClickHouse(folder) as server:` then `server.url` (http://user:pw@host:port/)."""

    def __init__(
        self, folder: Path, *, user: str = "tpa", password: str = "s3cret", readonly: str = "1"
    ) -> None:
        self.session = ClickHouseEngine(folder)._session  # the process's read-only chdb session
        self.user, self.password, self.readonly = user, password, readonly
        self.unavailable = 0
        self.requests: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/default"

    def __enter__(self) -> FakeClickHouse:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(
        self, sql: str, params: dict[str, str], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        self.requests.append({"sql": sql, "params": params, "headers": headers})
        if self.unavailable > 0:
            self.unavailable -= 1
            return 503, {}, b"Service Unavailable"
        user = headers.get("x-clickhouse-user", "")
        if (user, headers.get("x-clickhouse-key", "")) != (self.user, self.password):
            text = (
                f"Code: 516. DB::Exception: {user}: Authentication failed. (AUTHENTICATION_FAILED)"
            )
            return 500, {"X-ClickHouse-Exception-Code": "516"}, text.encode()
        if "name = 'readonly'" in sql and "system.settings" in sql:
            sql = f"SELECT '{self.readonly}' AS value"
        try:
            with _LOCK:
                body = self.session.query(sql, params.get("default_format", "TSV")).bytes()
        except Exception as exc:  # ClickHouse's own error, as the server would send it
            text = str(exc).strip()
            code = _CODE.search(text)
            return (
                500,
                {"X-ClickHouse-Exception-Code": code.group(1) if code else "1"},
                text.encode(),
            )
        return 200, {"Content-Type": "application/octet-stream"}, body

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                sql = self.rfile.read(length).decode("utf-8")
                params = dict(parse_qsl(urlsplit(self.path).query))
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, extra, body = fake.answer(sql, params, headers)
                self.send_response(status)
                for key, value in extra.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


__all__ = ["FakeClickHouse"]
