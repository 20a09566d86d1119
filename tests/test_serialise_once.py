"""An answer is serialised once: the API sends the JSON the session store just wrote (issue 15,
the repeated-question path), and the whole answer when the store kept less."""

from __future__ import annotations

import json

import pytest

from assistant.service import AssistantService
from assistant.sessions import store as store_module


def _stored(service: AssistantService, answer_id: str) -> str:
    with service.store._read() as con:
        row = con.execute("SELECT answer FROM turns WHERE answer_id = ?", (answer_id,)).fetchone()
    return str(row[0])


def test_the_json_sent_is_the_json_stored(small_demo_service: AssistantService) -> None:
    first, text = small_demo_service.ask_json("revenue by channel last week", role="analyst")
    assert text.decode() == _stored(small_demo_service, first.id)
    assert json.loads(text) == json.loads(first.model_dump_json())  # the whole answer
    follow, again = small_demo_service.ask_json("只看微信", session_id=first.session_id)
    assert again.decode() == _stored(small_demo_service, follow.id)
    assert json.loads(again)["plan"]["dimensions"] == ["channel"]


def test_a_trimmed_answer_is_still_sent_whole(
    small_demo_service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "MAX_TURN_BYTES", 3_000)
    answer, text = small_demo_service.ask_json("revenue by day last month", role="analyst")
    stored = json.loads(_stored(small_demo_service, answer.id))
    assert answer.rows and stored["rows"] == []  # the store kept it without its table
    sent = json.loads(text)
    assert sent["rows"] == json.loads(answer.model_dump_json())["rows"] and sent["rows"]
