"""Who is using the chat: sign-in with an API key or a chat user, or a trusted proxy's header,
and a gate in front of everything Gradio serves (issue 13 point 7, issue 14 point 6).

    ServerSettings.chat_sign_in  →  /login asks for a key (TPA_API_KEYS) or a user and password
                                    (TPA_CHAT_USERS); a signed cookie then names the principal and
                                    the role; or a reverse proxy listed in TPA_TRUSTED_PROXIES
                                    names the user in TPA_CHAT_PROXY_HEADER
    otherwise                    →  no sign-in: `tpa serve` binds loopback only, as `local`

`ChatGate` stands in front of the Gradio app: the page, its events over raw HTTP
(`/gradio_api/queue/join`, `/gradio_api/call/…`) and everything else need the same sign-in; events
are rate-limited per principal; uploads are refused (the chat has no file input).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any, Final
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant.ownership import key_principal
from semantic_layer.phrasebook import section
from ui.api.settings import ServerSettings
from ui.requests import RateLimiter, Receive, Scope, Send, error_response

COOKIE: Final = "tpa_session"
LIFETIME_S: Final = 12 * 3600
LOCAL: Final = "local"  # the principal of the chat served on loopback without sign-in
_OPEN_PREFIXES: Final = ("/v1", "/bots", "/healthz", "/metrics", "/login", "/logout", "/docs",
                         "/openapi.json", "/redoc", "/a-assets/")  # fmt: skip
_LINK_PREFIXES: Final = ("/a/",)
_EVENTS: Final = ("/gradio_api/queue/join", "/gradio_api/call/", "/gradio_api/run/",
                  "/gradio_api/api/")  # fmt: skip


@dataclass(frozen=True)
class Identity:
    """A signed-in person: the principal owning their sessions, their role, a name to show."""

    principal: str
    role: str | None
    name: str


class SignIn:
    """Checks credentials and the signed session cookie; one per server (a random secret per
    process, or `TPA_CHAT_SECRET` to keep sign-ins across restarts)."""

    def __init__(self, settings: ServerSettings, chat_role: str | None = None) -> None:
        self.settings, self.chat_role = settings, chat_role
        secret = os.environ.get("TPA_CHAT_SECRET", "")
        self._secret = secret.encode() if secret else os.urandom(32)
        self.attempts = RateLimiter(10)  # sign-in attempts per client address a minute

    @property
    def required(self) -> bool:
        return self.settings.chat_sign_in

    def check(self, name: str, secret: str) -> Identity | None:
        """The identity for a user and password, or for an API key (in the password field)."""
        user = self.settings.chat_users.get(name.strip())
        if user is not None and hmac.compare_digest(user[0].encode(), secret.encode()):
            return Identity(f"user:{name.strip()}", user[1], name.strip())
        for key, role in self.settings.api_keys.items():
            if hmac.compare_digest(key.encode(), secret.encode()):
                return Identity(key_principal(key), role, name.strip() or role)
        return None

    def cookie(self, who: Identity) -> str:
        payload = json.dumps(
            {"p": who.principal, "r": who.role, "n": who.name, "e": int(time.time()) + LIFETIME_S}
        ).encode()
        body = base64.urlsafe_b64encode(payload).decode()
        return f"{body}.{self._sign(body)}"

    def identify(self, headers: Mapping[str, str], client: str | None) -> Identity | None:
        """Who sent a request: the trusted proxy's header, the signed cookie, or (no sign-in
        configured) the local user; None when nobody is signed in."""
        if not self.required:
            return Identity(LOCAL, self.chat_role, LOCAL)
        proxied = self._proxied(headers, client)
        if proxied is not None:
            return proxied
        jar = SimpleCookie()
        try:
            jar.load(headers.get("cookie", ""))
        except Exception:
            return None
        morsel = jar.get(COOKIE)
        return None if morsel is None else self._read(morsel.value)

    def _proxied(self, headers: Mapping[str, str], client: str | None) -> Identity | None:
        header = self.settings.proxy_header
        if not header or client not in self.settings.trusted_proxies:
            return None
        name = headers.get(header, "").strip()
        if not name:
            return None
        user = self.settings.chat_users.get(name)
        role = user[1] if user is not None else self.settings.proxy_role
        return None if role is None else Identity(f"user:{name}", role, name)

    def _read(self, value: str) -> Identity | None:
        body, _, mac = value.partition(".")
        if not hmac.compare_digest(mac.encode(), self._sign(body).encode()):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(body.encode()))
        except ValueError:
            return None
        if not isinstance(data, dict) or int(data.get("e", 0)) < time.time():
            return None
        return Identity(str(data["p"]), data.get("r"), str(data.get("n", "")))

    def _sign(self, body: str) -> str:
        return hmac.new(self._secret, body.encode(), hashlib.sha256).hexdigest()


def request_identity(signin: SignIn, request: Any) -> Identity | None:
    """The identity of a Gradio event's `gr.Request` (None when there is no request)."""
    if request is None:
        return signin.identify({}, None) if not signin.required else None
    headers = {str(k).lower(): str(v) for k, v in dict(request.headers).items()}
    client = getattr(getattr(request, "client", None), "host", None)
    return signin.identify(headers, client)


def signin_router(signin: SignIn) -> APIRouter:
    """`GET /login` (the form), `POST /login` (sets the cookie), `GET /logout`."""
    router = APIRouter(include_in_schema=False)

    @router.get("/login")
    async def form(request: Request) -> Response:
        return HTMLResponse(_page(""))

    @router.post("/login")
    async def login(request: Request) -> Response:
        client = request.client.host if request.client else "?"
        if not signin.attempts.allow(client):
            return HTMLResponse(_page("too_many"), status_code=429)
        fields = parse_qs((await request.body())[:4096].decode(errors="replace"))
        name = (fields.get("name") or [""])[0]
        secret = (fields.get("secret") or [""])[0]
        who = signin.check(name, secret)
        if who is None:
            return HTMLResponse(_page("wrong"), status_code=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, signin.cookie(who), max_age=LIFETIME_S, httponly=True,
                            samesite="strict", path="/")  # fmt: skip
        return response

    @router.get("/logout")
    async def logout() -> Response:
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    return router


class ChatGate:
    """ASGI middleware in front of the chat: sign-in required, events rate-limited per
    principal, uploads refused. The API, bots, health and docs have their own rules."""

    def __init__(
        self,
        app: Callable[[Scope, Receive, Send], Awaitable[None]],
        signin: SignIn,
        per_minute: int,
    ) -> None:
        self.app, self.signin = app, signin
        self.limiter = RateLimiter(per_minute)
        self.per_minute = per_minute

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] not in ("http", "websocket") or path.startswith(_OPEN_PREFIXES):
            await self.app(scope, receive, send)
            return
        if "/gradio_api/upload" in path:
            await _json(send, 403, "uploads_disabled", "the chat takes no files: uploads are off")
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if path.startswith(_LINK_PREFIXES) and "x-api-key" in headers:
            await self.app(scope, receive, send)  # an answer's link checks the key itself
            return
        client = (scope.get("client") or (None,))[0]
        who = self.signin.identify(headers, client)
        if who is not None and path.startswith(_LINK_PREFIXES):
            scope.setdefault("state", {})["tpa_who"] = who  # the link serves the signed-in one
        if who is None:
            if scope["type"] == "http" and scope.get("method") == "GET" and path in ("/", ""):
                await RedirectResponse("/login", status_code=303)(scope, receive, send)
            elif scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await _json(send, 401, "unauthorized", "sign in first: /login")
            return
        if any(event in path for event in _EVENTS) and not self.limiter.allow(who.principal):
            message = f"over {self.per_minute} questions a minute: slow down"
            await _json(send, 429, "rate_limited", message)
            return
        await self.app(scope, receive, send)


async def _json(send: Send, status: int, code: str, message: str) -> None:
    body = error_response(status, code, message).body
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json")]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


_TEXT: Final = {  # before anyone signs in, the page speaks every language of the phrasebook
    key: ("<br>" if key == "intro" else " · ").join(
        texts[key] for texts in section("signin").values()
    )
    for key in section("signin")["en"]
}


def _page(problem: str) -> str:
    note = f'<p role="alert" id="tpa-login-error">{_TEXT[problem]}</p>' if problem else ""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(_TEXT["title"])}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}}
label{{display:block;margin-top:1rem}}input{{width:100%;padding:.5rem;font-size:1rem}}
button{{margin-top:1.2rem;padding:.5rem 1.2rem;font-size:1rem}}[role=alert]{{color:#b00020}}
</style></head><body><h1>{_TEXT["title"]}</h1><p>{_TEXT["intro"]}</p>{note}
<form method="post" action="/login">
<label for="tpa-name">{_TEXT["name"]}</label>
<input id="tpa-name" name="name" autocomplete="username">
<label for="tpa-secret">{_TEXT["secret"]}</label>
<input id="tpa-secret" name="secret" type="password" autocomplete="current-password" required>
<button id="tpa-login" type="submit">{_TEXT["submit"]}</button></form></body></html>"""


__all__ = ["COOKIE", "LOCAL", "ChatGate", "Identity", "SignIn", "request_identity", "signin_router"]
