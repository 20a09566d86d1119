"""The chat signs people in (issue 13 point 7, issue 14 leak 5): the page and its Gradio events
over raw HTTP need the same sign-in, events are rate-limited per person, uploads are refused, a
trusted proxy's header is believed only from the proxy, and each person's conversations and
ratings are their own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from ui.api import ServerSettings
from ui.bots import BotsConfig
from ui.chat.handlers import ChatHandlers
from ui.chat.state import ChatState
from ui.server import build_server
from ui.signin import COOKIE, SignIn

SETTINGS = ServerSettings(
    api_keys={"k-east": "east_marketing"},
    chat_users={"alice": ("alice-secret", "analyst"), "bob": ("bob-secret", "service_team")},
    rate_per_minute=3,
    proxy_header="x-forwarded-user",
    proxy_role="service_team",
    trusted_proxies=("10.0.0.9",),
)


@pytest.fixture(scope="module")
def service(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    home = tmp_path_factory.mktemp("signin")
    config = AssistantConfig(db=small_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


@pytest.fixture
def client(service: AssistantService) -> Iterator[TestClient]:
    with TestClient(build_server(service, SETTINGS, BotsConfig())) as c:
        yield c


def test_without_sign_in_the_page_and_its_events_are_closed(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    join = client.post(
        "/gradio_api/queue/join", json={"fn_index": 0, "data": [], "session_hash": "x"}
    )
    assert join.status_code == 401 and join.json()["error"]["code"] == "unauthorized"
    assert client.get("/config").status_code == 401
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 403


def test_a_wrong_secret_is_refused_and_a_right_one_signs_in(client: TestClient) -> None:
    wrong = client.post("/login", data={"name": "alice", "secret": "guess"})
    assert wrong.status_code == 401 and "not right" in wrong.text
    assert COOKIE not in client.cookies
    right = client.post("/login", data={"name": "alice", "secret": "alice-secret"})
    assert right.status_code == 200 and "gradio" in right.text.lower()  # redirected to the chat
    assert client.get("/config").status_code == 200
    forged = client.cookies[COOKIE].replace(".", "x.", 1)
    client.cookies.clear()
    client.cookies.set(COOKIE, forged)
    assert client.get("/config").status_code == 401


def test_uploads_are_refused_even_signed_in(client: TestClient) -> None:
    client.post("/login", data={"name": "", "secret": "k-east"})
    upload = client.post("/gradio_api/upload", files={"files": ("a.csv", b"x" * 1000)})
    assert upload.status_code == 403 and upload.json()["error"]["code"] == "uploads_disabled"


def test_events_are_rate_limited_per_person(client: TestClient) -> None:
    client.post("/login", data={"name": "bob", "secret": "bob-secret"})
    codes = [
        client.post("/gradio_api/queue/join", json={"fn_index": 999, "data": []}).status_code
        for _ in range(5)
    ]
    assert 429 in codes and codes.index(429) == 3  # 3 a minute, then refused


def test_a_proxy_header_counts_only_from_the_trusted_proxy() -> None:
    signin = SignIn(SETTINGS)
    header = {"x-forwarded-user": "alice"}
    assert signin.identify(header, "203.0.113.5") is None  # anyone else may send the header
    alice = signin.identify(header, "10.0.0.9")
    assert alice is not None and (alice.principal, alice.role) == ("user:alice", "analyst")
    carol = signin.identify({"x-forwarded-user": "carol"}, "10.0.0.9")
    assert carol is not None and carol.role == "service_team"  # TPA_CHAT_PROXY_ROLE


@dataclass
class FakeRequest:
    """What Gradio hands an event: the headers and the client."""

    headers: dict[str, str]
    client: object = None


def test_each_person_keeps_their_own_conversations_and_ratings(service: AssistantService) -> None:
    signin = SignIn(SETTINGS)
    handlers = ChatHandlers(service, None, signin=signin)

    def as_(name: str, secret: str) -> FakeRequest:
        who = signin.check(name, secret)
        assert who is not None
        return FakeRequest({"cookie": f"{COOKIE}={signin.cookie(who)}"})

    alice, bob = as_("alice", "alice-secret"), as_("bob", "bob-secret")
    first = list(handlers.ask("revenue by region last month", ChatState(), alice))[-1].state
    answer = first.turns[-1].answer
    assert answer.error is None and answer.rows
    stolen = list(handlers.ask("and by channel", first, bob))[-1].state  # bob holds alice's tab
    assert stolen.session_id != first.session_id  # a new session of bob's, not alice's
    assert "revenue" not in str(stolen.turns[-1].answer.plan)  # not a follow-up of alice's
    assert "unknown answer" in handlers.rate(answer.id, "up", "en", bob)
    assert [t.question for t in service.store.turns(first.session_id)] == [
        "revenue by region last month"
    ]
    assert handlers.rate(answer.id, "up", "en", alice).startswith("Thanks")
    signed_out = list(handlers.ask("revenue", first, FakeRequest({})))[-1]
    assert "signed out" in signed_out.status
