"""Bad input gets a clear error on every surface, never a 500 or a traceback (issue 7).

Empty and blank questions, a 100 KB question, binary junk, bytes that are not UTF-8, emoji only,
NUL and terminal escape codes, and questions in languages other than English and Chinese each get
an error that says what is wrong and what to do: an `Answer` whose `error` has a stable code (the
service, the chat, `tpa ask`, the bots' replies), or a 4xx JSON `{"error": {code, message}}` where
the HTTP layer refuses the body first. Questions that only look odd (tabs, place names, a Cyrillic
city) are still answered, and no question of the evaluation suites is refused as unreadable.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.questions import foreign_language, question_problem
from assistant.service import AssistantService
from tests.fakes.platforms import FakeSlack, dingtalk_signed, fake_chart_png, slack_signed
from ui.api import ServerSettings, create_app
from ui.bots import (
    BotsConfig,
    DingTalkSettings,
    FeishuSettings,
    SlackSettings,
    WeComSettings,
    bots_router,
)
from ui.chat import ChatHandlers, ChatState
from ui.chat.render import answer_view
from ui.cli import app as tpa
from ui.cli.ask_cmd import _print

AS_OF = date(2026, 11, 23)
KEY = {"X-API-Key": "k", "Content-Type": "application/json"}
SLACK_SECRET, SLACK_TOKEN, DING_SECRET = "inputs-signing-secret-0123456789", "xoxb-in", "ding-s"
EVALS = Path(__file__).parent.parent / "evals"


@dataclass(frozen=True)
class Bad:
    """A question that cannot be answered: the error code, words the message must contain, and
    (status, code) when the HTTP API refuses the JSON body before the assistant sees it."""

    name: str
    question: str
    code: str
    says: str
    api: tuple[int, str] | None = None


BAD = [
    Bad("empty", "", "empty_question", "empty"),
    Bad("blank", " \t\n  ", "empty_question", "empty"),
    Bad("100 KB", "revenue by channel last week " * 3600, "question_too_long", "limit is 2,000",
        api=(413, "body_too_large")),
    Bad("120 KB of Chinese", "上周各渠道转化率" * 5000, "question_too_long", "上限为 2,000",
        api=(413, "body_too_large")),  # over the store's 100 KB: kept cut, not refused
    Bad("binary junk", bytes(range(256)).decode("latin-1"), "control_characters", "U+0000"),
    Bad("random bytes, decoded lossily", random.Random(7).randbytes(400).decode(errors="replace"),
        "invalid_text", "UTF-8"),
    Bad("invalid UTF-8 from a terminal", b"revenue \xff\xfe last week".decode(
        errors="surrogateescape"), "invalid_text", "not UTF-8", api=(422, "invalid_request")),
    Bad("emoji only", "📈📉🤔🙂", "not_a_question", "no words"),
    Bad("NUL byte", "revenue\x00 last week", "control_characters", "U+0000 at position 8"),
    Bad("escape codes", "\x1b[2J\x1b[31mrevenue last week", "control_characters", "U+001B"),
    Bad("French", "quel est le taux de conversion par canal la semaine dernière ?",
        "unsupported_language", "French"),
    Bad("Japanese", "先週のチャネル別コンバージョン率は？", "unsupported_language", "日语"),
    Bad("Arabic", "ما هو معدل التحويل حسب القناة الأسبوع الماضي؟", "unsupported_language",
        "Arabic"),
    Bad("Korean", "지난주 채널별 전환율", "unsupported_language", "Korean"),
    Bad("Russian", "выручка за прошлую неделю", "unsupported_language", "Russian"),
    Bad("German", "Umsatz pro Kanal letzte Woche", "unsupported_language", "German"),
    Bad("Spanish", "ingresos por canal de la semana pasada", "unsupported_language", "Spanish"),
]  # fmt: skip
NAMES = [b.name for b in BAD]


def by_name(bad: Bad) -> str:
    return bad.name


ODD_BUT_FINE = [
    "revenue by channel\tlast week\r\n",
    "上周各渠道转化率",
    "conversion rate last week in Los Angeles and Las Vegas",
    "revenue in São Paulo last week",
    "orders from Москва last week",
    "唐纳德・特朗普 上周的销售额",
]


@pytest.fixture(scope="module")
def service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("inputs")
    config = AssistantConfig(db=small_demo, home=home, as_of=AS_OF, retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


@pytest.fixture(scope="module")
def client(service: AssistantService) -> Iterator[TestClient]:
    settings = ServerSettings(api_keys={"k": "analyst"}, rate_per_minute=10_000)
    app = create_app(service, settings)
    with TestClient(app, raise_server_exceptions=False) as c:  # a 500 is a response here
        yield c


def assert_clean_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """A JSON error with the status and code, a message for a person, no traceback."""
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == code and len(error["message"]) > 10
    assert "Traceback" not in response.text
    return error


# -- the service -------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", BAD, ids=NAMES)
def test_the_service_answers_with_a_clear_error(service: AssistantService, bad: Bad) -> None:
    answer = service.ask(bad.question)
    assert answer.error is not None and answer.error.code == bad.code, answer.error
    assert bad.says in answer.error.message and answer.text == answer.error.message
    assert answer.plan is None and answer.sql is None and answer.rows == []  # nothing ran
    assert service.store.answer(answer.id).error == answer.error  # kept in the conversation
    answer.question.encode("utf-8")  # stored as valid text (bad bytes become U+FFFD)
    assert json.loads(answer.model_dump_json())["error"]["code"] == bad.code


def test_other_languages_are_told_which_languages_work(service: AssistantService) -> None:
    answer = service.ask("quel est le chiffre d'affaires de la semaine dernière")
    assert answer.error is not None and "English and Chinese" in answer.error.message
    assert answer.error.suggestions == ["conversion rate by channel last week", "上周各渠道转化率"]


@pytest.mark.parametrize("question", ODD_BUT_FINE)
def test_odd_but_readable_questions_are_still_answered(
    service: AssistantService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.error is None, answer.error


def test_no_evaluation_question_is_refused_as_unreadable() -> None:
    """The language and text checks refuse nothing the gold and held-out suites ask."""
    questions: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            questions.extend(v for k, v in node.items() if k == "question" and isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(EVALS.glob("*/*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert len(questions) > 300
    refused = {q: p.code for q in questions if (p := question_problem(q)) is not None}
    assert set(refused.values()) <= {"not_a_question"}, refused  # the suites' own emoji case
    assert [q for q in questions if foreign_language(q)] == []


# -- the HTTP API ------------------------------------------------------------------------------


def events_of(text: str) -> list[tuple[str, dict[str, Any]]]:
    blocks = [b.split("\n", 1) for b in text.strip().split("\n\n")]
    return [(e.removeprefix("event: "), json.loads(d.removeprefix("data: "))) for e, d in blocks]


@pytest.mark.parametrize("route", ["/v1/ask", "/v1/ask/stream"])
@pytest.mark.parametrize("bad", BAD, ids=NAMES)
def test_the_api_answers_bad_questions_without_a_500(
    client: TestClient, bad: Bad, route: str
) -> None:
    body = json.dumps({"question": bad.question}).encode()  # lone surrogates go as \udcff
    response = client.post(route, content=body, headers=KEY)
    if bad.api is not None:
        error = assert_clean_error(response, *bad.api)
        assert bad.api[1] != "invalid_request" or "not valid Unicode" in error["message"]
        return
    assert response.status_code == 200, response.text
    if route.endswith("stream"):
        event, answer = events_of(response.text)[-1]
        assert event == "answer"
    else:
        answer = response.json()
    assert answer["error"]["code"] == bad.code and bad.says in answer["error"]["message"]


def _chunked(size: int) -> Iterator[bytes]:
    """A body sent without Content-Length: the limit is enforced as it streams in."""
    yield b'{"question": "'
    for _ in range(size // 1000):
        yield b"revenue " * 125
    yield b'"}'


RAW = [
    ("invalid UTF-8 in the JSON", b'{"question": "revenue \xff\xfe last week"}', 422,
     "invalid_request", "byte 0xff at offset 22"),
    ("a Latin-1 body", '{"question": "ventes de la semaine dernière"}'.encode("latin-1"), 422,
     "invalid_request", "byte 0xe8"),
    ("binary junk", bytes(range(256)) * 4, 422, "invalid_request", "not valid JSON"),
    ("a raw NUL in a string", b'{"question": "revenue\x00 last week"}', 422, "invalid_request",
     "Invalid control character at character 21"),
    ("nested 20,000 deep", b"[" * 20_000, 422, "invalid_request", "nested too deeply"),
    ("empty body", b"", 422, "invalid_request", "the body is empty"),
    ("a JSON array", b'["revenue last week"]', 422, "invalid_request", "must be a JSON object"),
    ("100 KB, streamed", b"", 413, "body_too_large", "a question may be at most 2,000"),
]  # fmt: skip


@pytest.mark.parametrize("route", ["/v1/ask", "/v1/ask/stream"])
@pytest.mark.parametrize(("name", "body", "status", "code", "says"), RAW, ids=[r[0] for r in RAW])
def test_raw_bodies_get_specific_4xx_json_errors(
    client: TestClient, route: str, name: str, body: bytes, status: int, code: str, says: str
) -> None:
    content = _chunked(100_000) if name.startswith("100 KB") else body
    response = client.post(route, content=content, headers=KEY)
    assert says in assert_clean_error(response, status, code)["message"]


# -- the chat ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", [b for b in BAD if b.code != "empty_question"], ids=lambda b: b.name
)
def test_the_chat_shows_the_error_as_an_answer(service: AssistantService, bad: Bad) -> None:
    """(An empty or blank question does nothing in the chat: tests/test_chat_ui.py.)"""
    updates = list(ChatHandlers(service).ask(bad.question, ChatState()))
    turn = updates[-1].state.turns[-1]
    assert turn.stored and turn.answer.error is not None and turn.answer.error.code == bad.code
    view = answer_view(turn.answer)
    assert view.error is not None and bad.says in view.error and "Traceback" not in view.error
    assert updates[-1].status == "" and updates[-1].state.session_id == turn.answer.session_id


# -- tpa ask -----------------------------------------------------------------------------------

CLI_CASES = ["empty", "100 KB", "binary junk", "invalid UTF-8 from a terminal", "emoji only",
             "escape codes", "French", "Japanese"]  # fmt: skip


@pytest.mark.parametrize("bad", [b for b in BAD if b.name in CLI_CASES], ids=by_name)
def test_tpa_ask_prints_the_error_and_exits_1(small_demo: Path, tmp_path: Path, bad: Bad) -> None:
    env = {"TPA_HOME": str(tmp_path), "TPA_RETRIEVAL": "off", "TPA_LLM_BASE_URL": ""}
    args = ["ask", bad.question, "--json", "--db", str(small_demo), "--as-of", "2026-11-23"]
    result = CliRunner().invoke(tpa, args, env=env)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    error = json.loads(result.stdout)["error"]
    assert error["code"] == bad.code and bad.says in error["message"]
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_tpa_ask_with_raw_bytes_on_the_command_line(small_demo: Path, tmp_path: Path) -> None:
    """A real process: argv bytes that are not UTF-8 reach the service as surrogates."""
    tpa_bin = Path(sys.executable).parent / "tpa"
    env = {**os.environ, "TPA_HOME": str(tmp_path), "TPA_RETRIEVAL": "off"}
    env.pop("TPA_LLM_BASE_URL", None)
    question = b"revenue \xff\xfe last week"
    command = [os.fsencode(tpa_bin), b"ask", question, b"--db", os.fsencode(small_demo)]
    done = subprocess.run(command, env=env, capture_output=True, timeout=60)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 1, err
    assert "not UTF-8 text" in out and "Traceback" not in out + err


def test_tpa_ask_prints_brackets_as_they_are(capsys: pytest.CaptureFixture[str]) -> None:
    """Words and values such as "[/promo]" are text, not Rich markup (which would drop them or
    fail with a MarkupError traceback)."""
    answer = Answer(
        id="a", question="revenue by campaign", language="en", interpretation="[bold]by x[/]",
        text="[/promo] has the highest revenue", columns=["campaign", "revenue"],
        column_labels=["[/campaign]", "revenue"], rows=[["[/promo]", 10.5]],
        suggestions=["revenue of [red]x"], warnings=["[/note]"],
    )  # fmt: skip
    _print(answer, show_sql=False)
    out, err = capsys.readouterr()
    for text in ("[/promo] has the highest revenue", "[/campaign]", "[bold]by x[/]", "[red]x"):
        assert text in out
    assert "note: [/note]" in err


def test_tpa_names_a_path_with_brackets_in_full(tmp_path: Path) -> None:
    missing = tmp_path / "[/x]" / "shop.duckdb"
    result = CliRunner().invoke(tpa, ["ask", "revenue", "--db", str(missing)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert str(missing) in result.output


# -- the bots ----------------------------------------------------------------------------------


@dataclass
class Bots:
    client: TestClient
    slack: FakeSlack


@pytest.fixture(scope="module")
def bots(service: AssistantService) -> Iterator[Bots]:
    pytest.importorskip("cryptography", reason="WeCom settings check their AES key")
    with FakeSlack(SLACK_TOKEN) as slack:
        config = BotsConfig(
            slack=SlackSettings(signing_secret=SecretStr(SLACK_SECRET),
                                bot_token=SecretStr(SLACK_TOKEN), api_base=slack.api_base),
            feishu=FeishuSettings(app_id="cli_x", app_secret=SecretStr("s"),
                                  verification_token=SecretStr("v"), api_base=slack.base_url),
            dingtalk=DingTalkSettings(app_key="k", app_secret=SecretStr(DING_SECRET),
                                      api_base=slack.base_url, oapi_base=slack.base_url),
            wecom=WeComSettings(corp_id="ww1", agent_id=1, secret=SecretStr("s"),
                                token=SecretStr("t"), api_base=slack.base_url,
                                encoding_aes_key=SecretStr("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")),
            role="analyst",
        )  # fmt: skip
        app = FastAPI()
        app.include_router(bots_router(service, config, chart_png=fake_chart_png), prefix="/bots")
        with TestClient(app, raise_server_exceptions=False) as client:
            yield Bots(client, slack)


def post_slack(bots: Bots, path: str, body: bytes, content_type: str) -> Any:
    headers = {"Content-Type": content_type, **slack_signed(SLACK_SECRET, body)}
    return bots.client.post(f"/bots/slack/{path}", content=body, headers=headers)


def slack_reply(bots: Bots, thread_ts: str) -> str:
    bots.slack.wait_for(lambda: any(m["thread_ts"] == thread_ts for m in bots.slack.messages))
    return str(next(m["text"] for m in bots.slack.messages if m["thread_ts"] == thread_ts))


SLACK_CASES = ["emoji only", "NUL byte", "invalid UTF-8 from a terminal", "French", "100 KB"]


@pytest.mark.parametrize("bad", [b for b in BAD if b.name in SLACK_CASES], ids=by_name)
def test_a_slack_mention_with_a_bad_question_gets_the_error_in_its_thread(
    bots: Bots, bad: Bad
) -> None:
    ts = f"{int(time.time())}.{SLACK_CASES.index(bad.name):06d}"
    event = {"type": "app_mention", "user": "U1", "text": f"<@U0BOT> {bad.question}", "ts": ts,
             "channel": "C1"}  # fmt: skip
    envelope = {"type": "event_callback", "event_id": f"Ev{ts}", "event": event}
    response = post_slack(bots, "events", json.dumps(envelope).encode(), "application/json")
    assert response.status_code == 200
    assert bad.says in slack_reply(bots, ts)


def test_a_slash_command_with_bytes_that_are_not_utf8_is_answered(bots: Bots) -> None:
    body = b"command=%2Ftpa&channel_id=C2&user_id=U2&text=revenue+%FF%FE+last+week"
    response = post_slack(bots, "commands", body, "application/x-www-form-urlencoded")
    assert response.status_code == 200 and response.json()["text"] == "Working on it…"
    bots.slack.wait_for(lambda: any(m["channel"] == "C2" and m["thread_ts"]
                                    for m in bots.slack.messages))  # fmt: skip
    opener = next(m for m in bots.slack.messages if m["channel"] == "C2" and not m["thread_ts"])
    assert "not UTF-8 text" in slack_reply(bots, opener["ts"])


WEBHOOKS = [("slack", "slack/events"), ("feishu", "feishu/events"),
            ("dingtalk", "dingtalk/callback"), ("wecom", "wecom/callback")]  # fmt: skip
JUNK = [
    ("invalid UTF-8", b'{"type": "event_callback", "x": "\xff\xfe"}', "not UTF-8"),
    ("binary", bytes(range(256)), "not"),
    ("nested 50,000 deep", b"[" * 50_000, "nested too deeply"),
]


@pytest.mark.parametrize(("name", "body", "says"), JUNK, ids=[j[0] for j in JUNK])
def test_webhooks_refuse_junk_bodies_with_400(
    bots: Bots, name: str, body: bytes, says: str
) -> None:
    signed = {"slack": slack_signed(SLACK_SECRET, body), "dingtalk": dingtalk_signed(DING_SECRET)}
    for platform, path in WEBHOOKS:
        headers = {"Content-Type": "application/json", **signed.get(platform, {})}
        response = bots.client.post(f"/bots/{path}", content=body, headers=headers)
        error = assert_clean_error(response, 400, "bad_request")
        assert platform == "wecom" or says in error["message"], (platform, error)
