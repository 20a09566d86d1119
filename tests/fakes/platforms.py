"""Local fakes of the messaging platforms' APIs, and the platform side of their webhooks.

Each fake is a real HTTP server on 127.0.0.1 (port 0) in a thread that answers the API calls
the bots make with the payloads the platforms document, checks the credentials it was given, and
records every request for assertions. The `*_signed` / `*_encrypt` helpers build what the
platform sends to a webhook, written here from the platforms' documentation independently of
`ui.bots` (so a mistake there is not mirrored here). These prove protocol handling against
the documented shapes, not against the real services.

    with FakeSlack(token="xoxb-test") as slack:
        settings = SlackSettings(signing_secret=..., bot_token="xoxb-test", api_base=slack.api_base)
        ...
        slack.wait_for(lambda: slack.messages)
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import hmac
import importlib
import json
import os
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit


def _png(width: int = 2, height: int = 2) -> bytes:
    """A real, valid grey PNG of `width` × `height` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data).to_bytes(4, "big")
        return len(data).to_bytes(4, "big") + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    pixels = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))  # fmt: skip


TINY_PNG = _png()  # what the stub chart renderer returns


def fake_chart_png(spec: dict[str, Any]) -> bytes:
    """Stands in for `render_png`: any chart spec becomes the tiny PNG."""
    assert "data" in spec, "a chart spec has data"
    return TINY_PNG


@dataclass(frozen=True)
class Part:
    """One field of a multipart/form-data body."""

    name: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Received:
    """One request a fake received."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}

    def parts(self) -> dict[str, Part]:
        """The multipart/form-data fields by name."""
        head = f"Content-Type: {self.headers.get('content-type', '')}\r\nMIME-Version: 1.0\r\n\r\n"
        message = email.message_from_bytes(head.encode() + self.body, policy=email.policy.HTTP)
        found: dict[str, Part] = {}
        parts: list[Any] = list(message.get_payload())
        for part in parts:
            name = str(part.get_param("name", header="content-disposition"))
            data = bytes(part.get_payload(decode=True) or b"")
            found[name] = Part(name, part.get_filename(), part.get_content_type(), data)
        return found


Answer = tuple[int, Any]  # status, and a JSON-able value (str: text/plain)


class FakePlatform:
    """An HTTP server recording requests; subclasses answer them in `answer`."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.fail_next = 0  # answer this many requests with HTTP 503 (an outage), then recover
        self._lock = threading.Lock()
        self._count = 0
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def next_id(self) -> int:
        with self._lock:
            self._count += 1
            return self._count

    def handle(self, request: Received) -> Answer:
        with self._lock:
            self.received.append(request)
            if self.fail_next > 0:
                self.fail_next -= 1
                return 503, "service unavailable"
        return self.answer(request)

    def answer(self, request: Received) -> Answer:
        raise NotImplementedError

    def wait_for(self, done: Callable[[], object], timeout: float = 10.0) -> None:
        """Poll `done` until it is truthy, at most `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError(f"{type(self).__name__}: timed out; got {self.received}")
            time.sleep(0.02)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakePlatform


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read `received`."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        request = Received(
            method=self.command,
            path=url.path,
            query={k: v[0] for k, v in parse_qs(url.query).items()},
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        status, payload = self.server.fake.handle(request)
        is_text = isinstance(payload, str)
        data = payload.encode() if is_text else json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if is_text else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _aes_cbc_encrypt(key: bytes, iv: bytes, padded: bytes) -> bytes:
    """AES-CBC with the `cryptography` package (imported here: tests that encrypt skip without
    it)."""
    ciphers: Any = importlib.import_module("cryptography.hazmat.primitives.ciphers")
    encryptor = ciphers.Cipher(ciphers.algorithms.AES(key), ciphers.modes.CBC(iv)).encryptor()
    return bytes(encryptor.update(padded) + encryptor.finalize())


# -- Slack ------------------------------------------------------------------------------------


def slack_signed(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack adds to a request: v0 HMAC-SHA256 of `v0:{timestamp}:{body}`."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


class FakeSlack(FakePlatform):
    """`chat.postMessage`, `files.getUploadURLExternal`, the upload URL and
    `files.completeUploadExternal`, as documented (Web API answers `{"ok": …}`)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token
        self.messages: list[dict[str, Any]] = []  # channel, text, thread_ts, ts
        self.files: list[dict[str, Any]] = []  # id, title, channel_id, thread_ts, data
        self._uploads: dict[str, bytes] = {}

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api"

    def answer(self, request: Received) -> Answer:
        if request.path.startswith("/upload/"):
            self._uploads[request.path.rsplit("/", 1)[-1]] = request.body
            return 200, f"OK - {len(request.body)}"
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return 200, {"ok": False, "error": "invalid_auth"}
        method = request.path.removeprefix("/api/")
        if method == "chat.postMessage":
            return 200, self._post(request.json())
        if method == "files.getUploadURLExternal":
            form = request.form()
            if not form.get("filename") or not form.get("length", "").isdigit():
                return 200, {"ok": False, "error": "invalid_arguments"}
            file_id = f"F{self.next_id():06d}"
            upload_url = f"{self.base_url}/upload/v1/{file_id}"
            return 200, {"ok": True, "upload_url": upload_url, "file_id": file_id}
        if method == "files.completeUploadExternal":
            return 200, self._complete(request.json())
        return 200, {"ok": False, "error": "unknown_method"}

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        if not body.get("channel") or not body.get("text"):
            return {"ok": False, "error": "no_text"}
        n = self.next_id()
        ts = f"{1_800_000_000 + n}.{n:06d}"
        self.messages.append({**body, "thread_ts": body.get("thread_ts"), "ts": ts})
        return {"ok": True, "channel": body["channel"], "ts": ts, "message": {"text": body["text"]}}

    def _complete(self, body: dict[str, Any]) -> dict[str, Any]:
        for item in body.get("files", []):
            if item.get("id") not in self._uploads:
                return {"ok": False, "error": "file_not_found"}
            self.files.append({**item, "channel_id": body.get("channel_id"),
                               "thread_ts": body.get("thread_ts"),
                               "data": self._uploads[item["id"]]})  # fmt: skip
        return {"ok": True, "files": body.get("files", [])}


# -- Feishu / Lark -----------------------------------------------------------------------------


def feishu_encrypt(encrypt_key: str, plaintext: bytes) -> str:
    """base64(IV + AES-256-CBC(SHA-256(key), PKCS#7(plaintext))), as Feishu encrypts events."""
    iv = os.urandom(16)
    pad = 16 - len(plaintext) % 16
    key = hashlib.sha256(encrypt_key.encode()).digest()
    encrypted = _aes_cbc_encrypt(key, iv, plaintext + bytes([pad]) * pad)
    return base64.b64encode(iv + encrypted).decode()


def feishu_signed(encrypt_key: str, body: bytes, timestamp: int | None = None,
                  nonce: str | None = None) -> dict[str, str]:  # fmt: skip
    """The headers of a signed Feishu event: SHA-256(timestamp + nonce + encrypt key + body)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    nonce = nonce or os.urandom(8).hex()
    signature = hashlib.sha256((ts + nonce + encrypt_key).encode() + body).hexdigest()
    return {
        "X-Lark-Request-Timestamp": ts,
        "X-Lark-Request-Nonce": nonce,
        "X-Lark-Signature": signature,
    }


class FakeFeishu(FakePlatform):
    """Tenant access token, `im/v1/images`, `im/v1/files` and `im/v1/messages/:message_id/reply`
    (answers `{"code": 0, "msg": …, "data": …}`)."""

    TENANT_TOKEN = "t-fake-tenant-token"

    def __init__(self, app_id: str, app_secret: str) -> None:
        super().__init__()
        self.app_id, self.app_secret = app_id, app_secret
        self.replies: list[dict[str, Any]] = []  # message_id, msg_type, content, reply_in_thread
        self.sent: list[dict[str, Any]] = []  # new messages: receive_id, msg_type, content
        self.images: dict[str, bytes] = {}
        self.files: dict[str, dict[str, Any]] = {}  # file_key → name, type, data

    def answer(self, request: Received) -> Answer:
        path = request.path.removeprefix("/open-apis")
        if path == "/auth/v3/tenant_access_token/internal":
            body = request.json()
            if (body.get("app_id"), body.get("app_secret")) != (self.app_id, self.app_secret):
                return 400, {"code": 10014, "msg": "app secret invalid"}
            return 200, {"code": 0, "msg": "ok", "tenant_access_token": self.TENANT_TOKEN,
                         "expire": 7200}  # fmt: skip
        if request.headers.get("authorization") != f"Bearer {self.TENANT_TOKEN}":
            return 400, {"code": 99991663, "msg": "Invalid access token for authorization"}
        if path == "/im/v1/images":
            parts = request.parts()
            if parts["image_type"].data != b"message":
                return 400, {"code": 234001, "msg": "Invalid request param."}
            key = f"img_v3_{self.next_id():04d}"
            self.images[key] = parts["image"].data
            return 200, {"code": 0, "msg": "success", "data": {"image_key": key}}
        if path == "/im/v1/files":
            parts = request.parts()
            if (
                parts["file_type"].data
                not in (b"opus", b"mp4", b"pdf", b"doc", b"xls", b"ppt", b"stream")
                or not parts["file_name"].data
            ):
                return 400, {"code": 234001, "msg": "Invalid request param."}  # fmt: skip
            key = f"file_v3_{self.next_id():04d}"
            self.files[key] = {"name": parts["file_name"].data.decode(),
                               "type": parts["file_type"].data.decode(),
                               "data": parts["file"].data}  # fmt: skip
            return 200, {"code": 0, "msg": "success", "data": {"file_key": key}}
        if path.startswith("/im/v1/messages/") and path.endswith("/reply"):
            return 200, self._reply(path.split("/")[4], request.json())
        if path == "/im/v1/messages":
            return self._send(request.query.get("receive_id_type"), request.json())
        return 404, {"code": 404, "msg": "not found"}

    def _send(self, id_type: str | None, body: dict[str, Any]) -> Answer:
        """`POST im/v1/messages?receive_id_type=chat_id`: a new message; an interactive card's
        images must have been uploaded."""
        if id_type not in ("chat_id", "open_id", "user_id", "union_id", "email"):
            return 400, {"code": 99992402, "msg": "field validation failed: receive_id_type"}
        content = json.loads(body["content"])
        if body["msg_type"] == "interactive":
            keys = [e.get("img_key") for e in content.get("elements", []) if e.get("tag") == "img"]
            if any(k not in self.images for k in keys):
                return 200, {"code": 230001, "msg": "invalid image_key"}
        self.sent.append({"receive_id": body["receive_id"], "msg_type": body["msg_type"],
                          "content": content})  # fmt: skip
        return 200, {"code": 0, "msg": "success", "data": {"message_id": f"om_{self.next_id()}"}}

    def _reply(self, message_id: str, body: dict[str, Any]) -> dict[str, Any]:
        content = json.loads(body["content"])
        if body["msg_type"] == "image" and content.get("image_key") not in self.images:
            return {"code": 230001, "msg": "invalid image_key"}
        if body["msg_type"] == "file" and content.get("file_key") not in self.files:
            return {"code": 230001, "msg": "invalid file_key"}
        self.replies.append({"message_id": message_id, "msg_type": body["msg_type"],
                             "content": content,
                             "reply_in_thread": body.get("reply_in_thread", False)})  # fmt: skip
        reply_id = f"om_reply_{self.next_id()}"
        return {"code": 0, "msg": "success", "data": {"message_id": reply_id,
                                                      "root_id": message_id}}  # fmt: skip


# -- DingTalk ------------------------------------------------------------------------------------


def dingtalk_signed(app_secret: str, timestamp_ms: int | None = None) -> dict[str, str]:
    """The `timestamp` and `sign` headers of a DingTalk robot callback:
    base64(HmacSHA256(appSecret, timestamp + "\\n" + appSecret))."""
    ts = str(int(time.time() * 1000) if timestamp_ms is None else timestamp_ms)
    digest = hmac.new(app_secret.encode(), f"{ts}\n{app_secret}".encode(), hashlib.sha256)
    return {"timestamp": ts, "sign": base64.b64encode(digest.digest()).decode()}


class FakeDingTalk(FakePlatform):
    """Both hosts in one: `oapi` (`robot/sendBySession`, `media/upload`, answering
    `{"errcode": 0, …}`) and `api` (`v1.0/oauth2/accessToken`, `v1.0/robot/…`)."""

    ACCESS_TOKEN = "ding-fake-access-token"

    def __init__(self, app_key: str, app_secret: str) -> None:
        super().__init__()
        self.app_key, self.app_secret = app_key, app_secret
        self.texts: list[dict[str, Any]] = []  # session, content
        self.images: list[dict[str, Any]] = []  # path, body, data
        self.files: list[dict[str, Any]] = []  # path, body, param, data (sampleFile messages)
        self.markdowns: list[dict[str, Any]] = []  # path, body, title, text
        self._media: dict[str, bytes] = {}
        self._names: dict[str, str] = {}

    def session_webhook(self, session: str) -> str:
        return f"{self.base_url}/robot/sendBySession?session={session}"

    def answer(self, request: Received) -> Answer:
        if request.path == "/v1.0/oauth2/accessToken":
            body = request.json()
            if (body.get("appKey"), body.get("appSecret")) != (self.app_key, self.app_secret):
                return 400, {
                    "code": "invalidClientIdOrSecret",
                    "message": "无效的clientId或者clientSecret",
                }
            return 200, {"accessToken": self.ACCESS_TOKEN, "expireIn": 7200}
        if request.path == "/robot/sendBySession":
            body = request.json()
            if body.get("msgtype") != "text" or not body.get("text", {}).get("content"):
                return 200, {"errcode": 300001, "errmsg": "param error"}
            self.texts.append({"session": request.query.get("session"), **body["text"]})
            return 200, {"errcode": 0, "errmsg": "ok"}
        if request.path == "/media/upload":
            if request.query.get("access_token") != self.ACCESS_TOKEN:
                return 200, {"errcode": 40014, "errmsg": "不合法的access_token"}
            kind = request.query.get("type", "")
            if kind not in ("image", "voice", "video", "file"):
                return 200, {"errcode": 40004, "errmsg": "不合法的媒体文件类型"}
            media_id = f"@lADPfake{self.next_id()}"
            part = request.parts()["media"]
            self._media[media_id] = part.data
            self._names[media_id] = part.filename or ""
            return 200, {"errcode": 0, "errmsg": "ok", "media_id": media_id, "type": kind,
                         "created_at": int(time.time() * 1000)}  # fmt: skip
        if request.path.startswith("/v1.0/robot/"):
            return self._robot(request)
        return 404, {"code": "NotFound", "message": request.path}

    def _robot(self, request: Received) -> Answer:
        if request.headers.get("x-acs-dingtalk-access-token") != self.ACCESS_TOKEN:
            return 401, {"code": "InvalidAuthentication", "message": "token invalid"}
        body = request.json()
        param = json.loads(body.get("msgParam", "{}"))
        if body.get("msgKey") == "sampleFile":
            media_id = param.get("mediaId")
            if (
                media_id not in self._media
                or not param.get("fileName")
                or not param.get("fileType")
            ):
                return 400, {"code": "invalidParameter", "message": "msgParam"}
            self.files.append({"path": request.path, "body": body, "param": param,
                               "data": self._media[media_id]})  # fmt: skip
            return 200, {"processQueryKey": f"q{self.next_id()}"}
        if body.get("msgKey") == "sampleMarkdown":
            if not param.get("title") or not param.get("text"):
                return 400, {"code": "invalidParameter", "message": "msgParam"}
            self.markdowns.append({"path": request.path, "body": body, **param})
            return 200, {"processQueryKey": f"q{self.next_id()}"}
        media_id = param.get("photoURL")
        if body.get("msgKey") != "sampleImageMsg" or media_id not in self._media:
            return 400, {"code": "invalidParameter", "message": "msgParam"}
        self.images.append({"path": request.path, "body": body, "data": self._media[media_id]})
        return 200, {"processQueryKey": f"q{self.next_id()}"}


# -- WeCom ---------------------------------------------------------------------------------------


def wecom_signature(token: str, timestamp: str, nonce: str, encrypt: str) -> str:
    """sha1 of the four strings sorted and joined."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypt])).encode()).hexdigest()


def wecom_encrypt(encoding_aes_key: str, message: bytes, receive_id: str) -> str:
    """base64(AES-256-CBC(random16 + len(msg) + msg + receiveid, padded PKCS#7 to 32 bytes)),
    key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes."""
    key = base64.b64decode(encoding_aes_key + "=")
    plain = os.urandom(16) + len(message).to_bytes(4, "big") + message + receive_id.encode()
    pad = 32 - len(plain) % 32
    return base64.b64encode(_aes_cbc_encrypt(key, key[:16], plain + bytes([pad]) * pad)).decode()


def wecom_text_xml(corp_id: str, user: str, content: str, msg_id: str, agent_id: int) -> bytes:
    """The decrypted XML of a text message a member sent to the app."""
    return (
        f"<xml><ToUserName><![CDATA[{corp_id}]]></ToUserName>"
        f"<FromUserName><![CDATA[{user}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId>"
        f"<AgentID>{agent_id}</AgentID></xml>"
    ).encode()


@dataclass(frozen=True)
class WeComKeys:
    token: str
    encoding_aes_key: str
    corp_id: str

    def callback(self, message: bytes, timestamp: int | None = None, nonce: str | None = None,
                 *, corp_id: str | None = None) -> tuple[dict[str, str], bytes]:  # fmt: skip
        """The query and body WeCom POSTs for `message`."""
        encrypt = wecom_encrypt(self.encoding_aes_key, message, corp_id or self.corp_id)
        query = self._query(encrypt, timestamp, nonce)
        body = (
            f"<xml><ToUserName><![CDATA[{self.corp_id}]]></ToUserName>"
            f"<AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        )
        return query, body.encode()

    def verification(self, echo: str) -> dict[str, str]:
        """The query of WeCom's GET that checks the callback URL."""
        echostr = wecom_encrypt(self.encoding_aes_key, echo.encode(), self.corp_id)
        return {**self._query(echostr, None, None), "echostr": echostr}

    def _query(self, encrypt: str, timestamp: int | None, nonce: str | None) -> dict[str, str]:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        nonce = nonce or str(int.from_bytes(os.urandom(4), "big"))
        signature = wecom_signature(self.token, ts, nonce, encrypt)
        return {"msg_signature": signature, "timestamp": ts, "nonce": nonce}


class FakeWeCom(FakePlatform):
    """`cgi-bin/gettoken`, `cgi-bin/media/upload` and `cgi-bin/message/send`
    (answers `{"errcode": 0, "errmsg": "ok", …}`)."""

    ACCESS_TOKEN = "wecom-fake-access-token"

    def __init__(self, corp_id: str, secret: str) -> None:
        super().__init__()
        self.corp_id, self.secret = corp_id, secret
        self.sent: list[dict[str, Any]] = []  # the message/send bodies
        self.media: dict[str, bytes] = {}

    def answer(self, request: Received) -> Answer:
        if request.path == "/cgi-bin/gettoken":
            if (request.query.get("corpid"), request.query.get("corpsecret")) != (
                self.corp_id,
                self.secret,
            ):
                return 200, {"errcode": 40001, "errmsg": "invalid credential"}
            return 200, {"errcode": 0, "errmsg": "ok", "access_token": self.ACCESS_TOKEN,
                         "expires_in": 7200}  # fmt: skip
        if request.query.get("access_token") != self.ACCESS_TOKEN:
            return 200, {"errcode": 40014, "errmsg": "invalid access_token"}
        kind = request.query.get("type")
        if request.path == "/cgi-bin/media/upload" and kind in ("image", "file"):
            media_id = f"3a8asd892asd8asd{self.next_id()}"
            self.media[media_id] = request.parts()["media"].data
            return 200, {"errcode": 0, "errmsg": "", "type": kind, "media_id": media_id,
                         "created_at": str(int(time.time()))}  # fmt: skip
        if request.path == "/cgi-bin/message/send":
            body = request.json()
            kind = body.get("msgtype")
            if kind in ("image", "file") and body[kind]["media_id"] not in self.media:
                return 200, {"errcode": 40007, "errmsg": "invalid media_id"}
            self.sent.append(body)
            return 200, {"errcode": 0, "errmsg": "ok", "msgid": f"msg{self.next_id()}"}
        return 404, {"errcode": 404, "errmsg": request.path}


# -- a plain webhook ---------------------------------------------------------------------------


class FakeWebhook(FakePlatform):
    """Any URL that takes a JSON POST (what `webhook:` destinations send to)."""

    def __init__(self) -> None:
        super().__init__()
        self.posts: list[dict[str, Any]] = []

    @property
    def url(self) -> str:
        return f"{self.base_url}/hook"

    def answer(self, request: Received) -> Answer:
        if request.method != "POST" or request.path != "/hook":
            return 404, {"error": "not found"}
        self.posts.append(request.json())
        return 200, {"ok": True}


__all__ = [
    "TINY_PNG",
    "FakeDingTalk",
    "FakeFeishu",
    "FakePlatform",
    "FakeSlack",
    "FakeWeCom",
    "FakeWebhook",
    "Part",
    "Received",
    "WeComKeys",
    "dingtalk_signed",
    "fake_chart_png",
    "feishu_encrypt",
    "feishu_signed",
    "slack_signed",
    "wecom_encrypt",
    "wecom_signature",
    "wecom_text_xml",
]
