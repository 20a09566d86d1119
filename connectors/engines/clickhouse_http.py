"""A ClickHouse server over its HTTP interface (`TPA_ENGINE_URL=http(s)://user@host:8123/db`).

Each query is one POST of the SQL with the engine's settings as URL parameters
(`connectors.engines.clickhouse.SETTINGS`, the time and memory limits) and `ArrowStream`
results. The account must be read-only: at start the engine asks the server for its `readonly`
setting and refuses an account that can write (docs/engines.md gives the profile to create).
Connection failures and 502/503/504 are retried a bounded number of times; a query error is not.
`cancel()` closes the running requests, and the server stops their queries
(`cancel_http_readonly_queries_on_client_close`).
"""

from __future__ import annotations

import io
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
import pyarrow as pa
import pyarrow.ipc as ipc

from connectors.engine import (
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT_S,
    DatabaseUnavailable,
    QueryInvalid,
    QueryTimeout,
    Result,
    ResultTooLarge,
)
from connectors.engines.base import refuse_denied
from connectors.engines.clickhouse import (
    DIALECT,
    SETTINGS,
    _bytes,
    arrow_result,
    columns_by_table,
)

RETRIES = 2  # after the first try, for connection failures and 502/503/504 only
RETRY_WAIT_S = 0.5
CONNECT_TIMEOUT_S = 5.0
_RETRYABLE = (502, 503, 504)


class ClickHouseHttpEngine:
    """Read-only ClickHouse over HTTP(S); user and password from the URL or
    `TPA_ENGINE_USER` / `TPA_ENGINE_PASSWORD`."""

    dialect = DIALECT

    def __init__(
        self,
        url: str,
        *,
        path: Path | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        memory_limit: str | None = "2GB",
        retries: int = RETRIES,
        **_ignored: object,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise DatabaseUnavailable(f"'{url}' is not a ClickHouse URL like http://host:8123/db")
        port = f":{parts.port}" if parts.port else ""
        self.base = f"{parts.scheme}://{parts.hostname}{port}/"
        self.database = parts.path.strip("/") or "default"
        self.user = unquote(parts.username or "") or os.environ.get("TPA_ENGINE_USER", "default")
        self.password = unquote(parts.password or "") or os.environ.get("TPA_ENGINE_PASSWORD", "")
        self.url = f"{self.base}{self.database}"  # for messages: never the password
        self.timeout_s = timeout_s
        self.row_cap = row_cap
        self.max_result_bytes = max_result_bytes
        self.retries = max(0, retries)
        self.settings = dict(s.replace(" ", "").split("=", 1) for s in SETTINGS)
        self.settings["session_timezone"] = "UTC"
        self.settings["max_execution_time"] = str(max(1, round(timeout_s)))
        self.settings["cancel_http_readonly_queries_on_client_close"] = "1"
        if memory_limit:
            self.settings["max_memory_usage"] = str(_bytes(memory_limit))
        self._running: dict[str, httpx.Client] = {}
        self._lock = threading.Lock()
        self.path = path or Path(parts.hostname)  # no local data: names the working files
        self._check_read_only()

    def close(self) -> None:
        self.cancel()

    def __enter__(self) -> ClickHouseHttpEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cancel(self) -> None:
        with self._lock:
            running = list(self._running.values())
        for client in running:
            client.close()

    def explain(self, sql: str, *, timeout_s: float | None = None) -> None:
        refuse_denied(sql, DIALECT)
        self._query(f"EXPLAIN {sql}", timeout_s)

    def run(
        self, sql: str, *, row_cap: int | None = None, timeout_s: float | None = None
    ) -> Result:
        refuse_denied(sql, DIALECT)
        cap = self.row_cap if row_cap is None else row_cap
        started = time.perf_counter()
        return arrow_result(self._query(sql, timeout_s), cap, self.max_result_bytes, started)

    def schema(self) -> dict[str, dict[str, str]]:
        table = self._query(
            "SELECT table, name, type FROM system.columns WHERE database = currentDatabase() "
            "ORDER BY table, position",
            None,
        )
        return columns_by_table(table)

    def _check_read_only(self) -> None:
        found = self._query("SELECT value FROM system.settings WHERE name = 'readonly'", None)
        values = found.column(0).to_pylist() if found.num_columns else []
        if not values or str(values[0]) not in ("1", "2"):
            raise DatabaseUnavailable(
                f"the ClickHouse account '{self.user}' at {self.url} can write: give it a "
                "settings profile with readonly = 1 (docs/engines.md, 'Pointing at a cluster')"
            )

    def _query(self, sql: str, timeout_s: float | None) -> pa.Table:
        limit = self.timeout_s if timeout_s is None else timeout_s
        params = {
            **self.settings,
            "database": self.database,
            "default_format": "ArrowStream",
            "query_id": f"tpa-{uuid.uuid4().hex}",
        }
        for attempt in range(self.retries + 1):
            try:
                response = self._post(sql, params, limit)
            except httpx.TimeoutException:
                raise QueryTimeout(
                    f"the query took longer than {limit:g} s and was stopped: ask for a "
                    "shorter period or fewer breakdowns"
                ) from None
            except httpx.TransportError as exc:
                if attempt < self.retries:
                    time.sleep(RETRY_WAIT_S * 2**attempt)
                    continue
                raise DatabaseUnavailable(
                    f"ClickHouse at {self.url} cannot be reached after {attempt + 1} tries: "
                    f"{type(exc).__name__}"
                ) from None
            if response.status_code in _RETRYABLE and attempt < self.retries:
                time.sleep(RETRY_WAIT_S * 2**attempt)
                continue
            return _table(response, self.url, limit)
        raise AssertionError("unreachable")  # pragma: no cover

    def _post(self, sql: str, params: dict[str, str], limit: float) -> httpx.Response:
        timeout = httpx.Timeout(limit + 5.0, connect=CONNECT_TIMEOUT_S)
        headers = {"X-ClickHouse-User": self.user, "X-ClickHouse-Key": self.password}
        client = httpx.Client(timeout=timeout, headers=headers)
        query_id = params["query_id"]
        with self._lock:
            self._running[query_id] = client
        try:
            return client.post(self.base, params=params, content=sql.encode("utf-8"))
        finally:
            with self._lock:
                self._running.pop(query_id, None)
            client.close()


def _table(response: httpx.Response, url: str, limit: float) -> pa.Table:
    if response.status_code == 200:
        if not response.content:
            return pa.table({})
        return ipc.open_stream(io.BytesIO(response.content)).read_all()
    text = response.text.strip().splitlines()[0] if response.text.strip() else ""
    code = response.headers.get("X-ClickHouse-Exception-Code", "")
    if code == "159" or "TIMEOUT_EXCEEDED" in text:
        return _raise(
            QueryTimeout(
                f"the query took longer than {limit:g} s and was stopped: ask for a shorter "
                "period or fewer breakdowns"
            )
        )
    if code == "241" or "MEMORY_LIMIT_EXCEEDED" in text:
        return _raise(
            ResultTooLarge(
                "the query needs more memory than the server allows: ask for a shorter "
                "period, fewer breakdowns or fewer rows"
            )
        )
    if response.status_code in (401, 403) or code in ("192", "193", "516"):
        return _raise(DatabaseUnavailable(f"ClickHouse at {url} refused the account: {text}"))
    if response.status_code >= 500 and not code:
        return _raise(
            DatabaseUnavailable(f"ClickHouse at {url} answered {response.status_code}: {text}")
        )
    return _raise(QueryInvalid(text[:500] or f"HTTP {response.status_code}"))


def _raise(exc: Exception) -> Any:
    raise exc


__all__ = ["RETRIES", "ClickHouseHttpEngine"]
