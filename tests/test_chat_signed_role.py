"""The chat with sign-in follows the signed-in person's role everywhere, not the chat's default
(issue 13 point 7, found in the audit): switching the interface language retells earlier answers
under that role (the analyst's rerun would have shown an East-only person every region), and the
"user ids behind" links appear only for a role with `export`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.model.labels import ModelLabels
from ui.api.settings import ServerSettings
from ui.chat import ChatHandlers, ChatState
from ui.chat.render import answer_view
from ui.chat.views import users_rows
from ui.signin import COOKIE, Identity, SignIn

QUESTION = "active users by channel last week"


@pytest.fixture(scope="module")
def service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("signed-role")
    config = AssistantConfig(db=small_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


@pytest.fixture(scope="module")
def signin() -> SignIn:
    settings = ServerSettings(chat_users={"bob": ("pw-bob-1", "east_marketing")})
    return SignIn(settings, chat_role=None)  # the chat's own role: the default (analyst)


def request_of(signin: SignIn, who: Identity) -> Any:
    """A Gradio request carrying `who`'s sign-in cookie."""
    return SimpleNamespace(headers={"cookie": f"{COOKIE}={signin.cookie(who)}"}, client=None)


def test_a_language_switch_retells_under_the_signed_in_role(
    service: AssistantService, signin: SignIn
) -> None:
    handlers = ChatHandlers(service, role=None, signin=signin)
    bob = request_of(signin, Identity("user:bob", "east_marketing", "bob"))
    state = list(handlers.ask(QUESTION, ChatState(), bob))[-1].state
    asked = state.turns[-1].answer
    assert asked.error is None and asked.rows
    everyone = service.ask(QUESTION, role="analyst")
    assert sum(r[-1] for r in everyone.rows) > sum(r[-1] for r in asked.rows)  # East is a part

    told = handlers.retell("zh", state, bob).turns[-1].shown("zh")
    assert told.language == "zh" and told is not asked
    assert sorted(r[-1] for r in told.rows) == sorted(r[-1] for r in asked.rows)
    assert handlers.retell("zh", state, SimpleNamespace(headers={}, client=None)) is state


def test_user_id_links_follow_the_signed_in_roles_export_permission(
    service: AssistantService, signin: SignIn
) -> None:
    handlers = ChatHandlers(service, role=None, signin=signin)
    answer = service.ask(QUESTION, role="east_marketing")
    view = answer_view(answer, currency="¥", labels=ModelLabels(service.model))
    assert users_rows(answer, view, handlers, "east_marketing") == ()  # export: false
    assert len(users_rows(answer, view, handlers, "analyst")) == len(answer.rows)  # export: true
