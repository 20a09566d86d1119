"""What every adapter shares: JSON errors (the API's `ApiError`), the request body with a size
cap, a memory of deliveries already seen (retries and replays), access tokens kept until they
expire, and the error a platform API call raises."""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Final

import httpx
from fastapi import Request

from semantic_layer.errors import UserError
from ui.requests import ApiError

MAX_BODY_BYTES: Final = 1024 * 1024
API_TIMEOUT_S: Final = 10.0


class BotError(ApiError):
    """An inbound webhook request refused with an HTTP status, a stable code and a message."""


class PlatformError(UserError):
    """A platform API refused a call (bad token, missing scope, bot not in the channel…)."""


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The raw body (signatures cover the exact bytes), refused over `limit` bytes (413)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BotError(413, "body_too_large", f"the request body is over {limit:,} bytes")
    body = await request.body()
    if len(body) > limit:
        raise BotError(413, "body_too_large", f"the request body is over {limit:,} bytes")
    return body


class SeenCache:
    """Keys seen in the last `ttl_s` seconds (event ids, nonces, signatures), at most `size`."""

    def __init__(self, ttl_s: float, size: int = 50_000) -> None:
        self.ttl_s, self.size = ttl_s, size
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first(self, key: str, now: float | None = None) -> bool:
        """Remember `key`; True when it was not seen within the time to live."""
        now = time.monotonic() if now is None else now
        with self._lock:
            while self._seen and next(iter(self._seen.values())) <= now:
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now + self.ttl_s
            if len(self._seen) > self.size:
                self._seen.popitem(last=False)
            return True


class TokenCache:
    """An access token fetched on demand and reused until five minutes before it expires."""

    def __init__(self, fetch: Callable[[httpx.Client], tuple[str, float]]) -> None:
        self._fetch = fetch
        self._token: tuple[str, float] | None = None
        self._lock = threading.Lock()

    def get(self, http: httpx.Client) -> str:
        with self._lock:
            now = time.monotonic()
            if self._token is None or self._token[1] <= now:
                token, lifetime_s = self._fetch(http)
                self._token = (token, now + max(lifetime_s - 300.0, 30.0))
            return self._token[0]


def json_body(body: bytes) -> dict[str, Any]:
    """A request body that must be a JSON object (400 otherwise)."""
    try:
        payload = json.loads(body)
    except UnicodeDecodeError:
        raise BotError(400, "bad_request", "the body is not UTF-8 text") from None
    except ValueError:
        raise BotError(400, "bad_request", "the body is not JSON") from None
    except RecursionError:  # thousands of nested brackets: refused, not a crash
        raise BotError(400, "bad_request", "the body's JSON is nested too deeply") from None
    if not isinstance(payload, dict):
        raise BotError(400, "bad_request", "the body is not a JSON object")
    return payload


def json_of(response: httpx.Response, platform: str, call: str) -> dict[str, Any]:
    """The JSON object a platform answered, or `PlatformError` for an HTTP error or non-JSON."""
    if response.status_code >= 400:
        raise PlatformError(f"{platform} {call} answered HTTP {response.status_code}: "
                            f"{response.text[:200]}")  # fmt: skip
    try:
        data = response.json()
    except ValueError:
        raise PlatformError(f"{platform} {call} did not answer JSON") from None
    if not isinstance(data, dict):
        raise PlatformError(f"{platform} {call} answered {type(data).__name__}, not an object")
    return data


def errcode_json(response: httpx.Response, platform: str, call: str) -> dict[str, Any]:
    """`json_of`, then the convention DingTalk and WeCom share: a non-zero `errcode` (with its
    `errmsg`) in a 200 answer is a `PlatformError` too."""
    data = json_of(response, platform, call)
    if data.get("errcode", 0) != 0:
        raise PlatformError(f"{platform} error {data.get('errcode')}: {data.get('errmsg', '')}")
    return data


__all__ = [
    "API_TIMEOUT_S",
    "MAX_BODY_BYTES",
    "BotError",
    "PlatformError",
    "SeenCache",
    "TokenCache",
    "errcode_json",
    "json_body",
    "json_of",
    "read_body",
]
