"""Each platform's request signature, computed exactly as its documentation says, and the checks
that reject a request before anything else happens: wrong signature, missing headers, or a
timestamp outside the platform's window (a replay).

- Slack: `v0=` + hex HMAC-SHA256(signing secret, `v0:{timestamp}:{body}`), 5 minutes.
- Feishu/Lark: hex SHA-256(timestamp + nonce + encrypt key + body) (only with an encrypt key).
- DingTalk: base64 HMAC-SHA256(app secret, `{timestamp}\\n{app secret}`), timestamp in ms, 1 hour.
- WeCom: hex SHA-1 of the sorted, concatenated token, timestamp, nonce and encrypted message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Final

SLACK_WINDOW_S: Final = 5 * 60
FEISHU_WINDOW_S: Final = 5 * 60
DINGTALK_WINDOW_S: Final = 60 * 60
WECOM_WINDOW_S: Final = 5 * 60


class SignatureError(Exception):
    """The request is not provably from the platform, or is a replay: answered 401."""


def slack_signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def feishu_signature(encrypt_key: str, timestamp: str, nonce: str, body: bytes) -> str:
    return hashlib.sha256((timestamp + nonce + encrypt_key).encode() + body).hexdigest()


def dingtalk_sign(app_secret: str, timestamp: str) -> str:
    digest = hmac.new(
        app_secret.encode(), f"{timestamp}\n{app_secret}".encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode()


def wecom_signature(token: str, timestamp: str, nonce: str, encrypt: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypt])).encode()).hexdigest()


def check_fresh(
    timestamp: str | None, window_s: float, now: float, *, millis: bool = False
) -> None:
    """Raise unless `timestamp` (seconds, or milliseconds) is within `window_s` of `now`."""
    if not timestamp:
        raise SignatureError("the request has no timestamp")
    try:
        seconds = int(timestamp) / (1000 if millis else 1)
    except ValueError:
        raise SignatureError("the request timestamp is not a number") from None
    if abs(now - seconds) > window_s:
        raise SignatureError(f"the request timestamp is more than {window_s:.0f} s from now")


def check_equal(expected: str, given: str | None, what: str = "signature") -> None:
    """Raise unless `given` equals `expected` (constant-time)."""
    if not given:
        raise SignatureError(f"the request has no {what}")
    if not hmac.compare_digest(expected.encode(), given.encode()):
        raise SignatureError(f"the request {what} does not match")


def verify_slack(secret: str, timestamp: str | None, *, signature: str | None, body: bytes,
                 now: float) -> None:  # fmt: skip
    """Raise `SignatureError` unless the request is Slack's and fresh."""
    check_fresh(timestamp, SLACK_WINDOW_S, now)
    check_equal(slack_signature(secret, timestamp or "", body), signature)


def verify_feishu(encrypt_key: str, headers: dict[str, str], body: bytes, now: float) -> None:
    """Raise unless `X-Lark-Signature` matches and `X-Lark-Request-Timestamp` is fresh."""
    timestamp = headers.get("x-lark-request-timestamp")
    nonce = headers.get("x-lark-request-nonce") or ""
    check_fresh(timestamp, FEISHU_WINDOW_S, now)
    expected = feishu_signature(encrypt_key, timestamp or "", nonce, body)
    check_equal(expected, headers.get("x-lark-signature"))


def verify_dingtalk(app_secret: str, timestamp: str | None, sign: str | None, now: float) -> None:
    """Raise unless the `sign` header matches its `timestamp` (ms, within an hour)."""
    check_fresh(timestamp, DINGTALK_WINDOW_S, now, millis=True)
    check_equal(dingtalk_sign(app_secret, timestamp or ""), sign)


def verify_wecom(token: str, query: dict[str, str], encrypt: str, now: float) -> None:
    """Raise unless `msg_signature` matches the token, timestamp, nonce and `encrypt`."""
    timestamp, nonce = query.get("timestamp"), query.get("nonce") or ""
    check_fresh(timestamp, WECOM_WINDOW_S, now)
    expected = wecom_signature(token, timestamp or "", nonce, encrypt)
    check_equal(expected, query.get("msg_signature"))


__all__ = [
    "DINGTALK_WINDOW_S",
    "FEISHU_WINDOW_S",
    "SLACK_WINDOW_S",
    "WECOM_WINDOW_S",
    "SignatureError",
    "check_equal",
    "check_fresh",
    "dingtalk_sign",
    "feishu_signature",
    "slack_signature",
    "verify_dingtalk",
    "verify_feishu",
    "verify_slack",
    "verify_wecom",
    "wecom_signature",
]
