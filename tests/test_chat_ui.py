"""The Gradio chat without a browser: the handlers called directly on the small demo (answer pieces,
stages, chips, clarifications, thumbs, new conversation, errors), the side panel, the interface
languages, the components one answer card builds, and the page served offline by FastAPI."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import gradio as gr
import plotly.graph_objects as go  # type: ignore[import-untyped]
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.model.labels import ModelLabels
from ui.chat import ChatHandlers, ChatState, build_chat, chat_theme, mount_chat, mount_options
from ui.chat.app import in_event_loop
from ui.chat.catalog import catalog_view
from ui.chat.cells import format_cell, format_rows
from ui.chat.handlers import AskUpdate
from ui.chat.render import AnswerView, answer_view
from ui.chat.views import Wiring, conversation

AS_OF = date(2026, 11, 23)
URL = re.compile(r"https?://[^\s\"'<>)]+")
GROUPS = ["marketing", "operations", "sales", "product", "service"]
SVG_NAMESPACE = "http://www.w3.org/2000/svg"  # inside inline SVG data: URLs; never fetched


def fetched(text: str) -> list[str]:
    """The http(s) URLs in `text` a browser could fetch."""
    return [url for url in URL.findall(text) if url != SVG_NAMESPACE]


@pytest.fixture(scope="module")
def service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("chat")
    config = AssistantConfig(db=small_demo, home=home, as_of=AS_OF, retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


@pytest.fixture(scope="module")
def handlers(service: AssistantService) -> ChatHandlers:
    return ChatHandlers(service)


@pytest.fixture(scope="module")
def blocks(service: AssistantService) -> gr.Blocks:
    return build_chat(service, lang="zh")


def ask(handlers: ChatHandlers, question: str, state: ChatState | None = None) -> list[AskUpdate]:
    return list(handlers.ask(question, state or ChatState()))


def last_view(updates: list[AskUpdate], service: AssistantService) -> AnswerView:
    answer = updates[-1].state.turns[-1].answer
    return answer_view(answer, currency="¥", labels=ModelLabels(service.model))


def test_an_answer_shows_text_chart_table_sql_and_chips(
    handlers: ChatHandlers, service: AssistantService
) -> None:
    updates = ask(handlers, "conversion rate by channel last week")
    state = updates[-1].state
    answer = state.turns[-1].answer
    view = last_view(updates, service)
    assert view.text.startswith("Offline stores has the highest conversion rate last week")
    assert view.error is None
    assert view.interpretation == "Conversion rate by channel, 16–22 Nov 2026"
    assert isinstance(view.figure, go.Figure)
    assert view.figure.data[0].type == "bar"
    assert view.figure.layout.height >= 360
    assert view.table is not None
    # each rate with what it rests on: its numerator and its base (n)
    assert view.table.headers == ("channel", "conversion rate", "purchasers", "active users (n)")
    assert len(view.table.rows) == len(answer.rows) == 9
    raw_channel, rate, bought, base = answer.rows[0]
    assert view.table.rows[0] == ("offline stores", f"{rate * 100:.1f}%", f"{bought}", f"{base}")
    assert raw_channel == "store"
    assert view.sql is not None and "ARG_MIN(t.channel, t.ts)" in view.sql
    assert [c.label for c in view.suggestions] == answer.suggestions
    assert "why did conversion rate change last week?" in [c.question for c in view.suggestions]
    assert state.session_id == answer.session_id is not None
    assert state.last_answer_id == answer.id
    assert updates[-1].status == "" and updates[-1].question == ""


def test_stages_are_reported_in_order_in_the_questions_language(handlers: ChatHandlers) -> None:
    english = [u.status for u in ask(handlers, "revenue by channel last week")]
    assert [s.rsplit("\n", 1)[-1] for s in english[:-1]] == [
        "*Understanding…*",
        "*Querying…*",
        "*Answering…*",
    ]
    assert english[0].startswith("**You:** revenue by channel last week")
    assert english[-1] == ""
    chinese = [u.status for u in ask(handlers, "上周各渠道销售额")]
    assert [s.rsplit("\n", 1)[-1] for s in chinese[:-1]] == [
        "*理解问题…*",
        "*查询数据…*",
        "*生成回答…*",
    ]
    assert chinese[0].startswith("**你:** 上周各渠道销售额")


def test_the_state_only_changes_with_the_answer(handlers: ChatHandlers) -> None:
    start = ChatState()
    updates = ask(handlers, "revenue last week", start)
    assert all(u.state is start for u in updates[:-1])  # no re-render while it works
    assert updates[-1].state is not start and len(updates[-1].state.turns) == 1


def test_a_clarification_offers_its_choices_as_chips(
    handlers: ChatHandlers, service: AssistantService
) -> None:
    updates = ask(handlers, "show me the thing")
    view = last_view(updates, service)
    assert [c.label for c in view.choices] == [  # built from the model's own metrics
        "Drop-off",
        "Conversion rate by channel",
        "Checkout conversion rate by channel",
        "First response time by channel",
    ]
    assert view.choices[0].question == "which touchpoint lost the most users last week"
    assert view.figure is None and view.table is None and view.interpretation == ""
    offered = {c.question for c in view.choices}
    assert not offered & {c.question for c in view.suggestions}  # not offered twice
    chosen = ask(handlers, view.choices[1].question, updates[-1].state)
    answer = chosen[-1].state.turns[-1].answer
    assert answer.session_id == updates[-1].state.session_id
    assert answer.kind == "metric" and answer.chart is not None


def test_a_chinese_follow_up_stays_in_the_conversation(
    handlers: ChatHandlers, service: AssistantService
) -> None:
    first = ask(handlers, "which touchpoint lost the most users last week")
    second = ask(handlers, "上周哪个触点流失用户最多", first[-1].state)
    state = second[-1].state
    assert [t.answer.session_id for t in state.turns] == [state.session_id] * 2
    view = last_view(second, service)
    assert view.language == "zh"
    assert view.text.startswith(
        "上周（2026年11月16日–22日）购买旅程中流失用户最多的触点是商品详情页"
    )
    assert view.table is not None and "商品详情页" in view.table.rows[0]


def test_thumbs_record_feedback_and_confirm(
    handlers: ChatHandlers, service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = ask(handlers, "revenue last week")[-1].state.turns[-1].answer
    assert handlers.rate(answer.id, "up", "en") == "Thanks for the feedback."
    feedback = service.store.feedback_for(answer.id)
    assert feedback is not None and feedback.rating == "up"
    assert handlers.rate(answer.id, "down", "zh") == "谢谢你的反馈。"
    feedback = service.store.feedback_for(answer.id)
    assert feedback is not None and feedback.rating == "down"
    calls: list[tuple[str, str]] = []

    def saved(answer_id: str, rating: str, comment: str | None = None, **who: object) -> bool:
        calls.append((answer_id, rating))
        return True

    monkeypatch.setattr(service, "feedback", saved)
    assert handlers.rate(answer.id, "up", "en").startswith("Thanks — proposed as an example")
    assert handlers.rate(answer.id, "up", "zh") == "谢谢！已提交为示例，经审核通过后才会被复用。"
    assert calls == [(answer.id, "up"), (answer.id, "up")]


def test_feedback_on_an_unknown_answer_says_so(handlers: ChatHandlers) -> None:
    message = handlers.rate("no-such-answer", "up", "en")
    assert message.startswith("The feedback could not be saved: unknown answer 'no-such-answer'")


def test_new_conversation_starts_a_new_session(handlers: ChatHandlers) -> None:
    first = ask(handlers, "revenue last week")[-1].state
    fresh = handlers.new_conversation()
    assert fresh.state.session_id is None and fresh.state.turns == ()
    assert (fresh.status, fresh.question) == ("", "")
    again = ask(handlers, "revenue last week", fresh.state)[-1].state
    assert again.session_id is not None and again.session_id != first.session_id


def test_errors_are_messages_never_tracebacks(
    handlers: ChatHandlers, service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    too_long = ask(handlers, "x" * 2500)[-1].state.turns[-1]
    view = answer_view(too_long.answer)
    assert view.error == "The question is 2,500 characters long; the limit is 2,000. Ask one " + (
        "shorter question."
    )
    assert too_long.stored  # the service kept it: it can be rated

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(service, "ask", broken)
    state = ChatState(session_id="kept")
    updates = ask(handlers, "上周销售额", state)
    turn = updates[-1].state.turns[-1]
    assert turn.answer.error is not None and not turn.stored
    assert answer_view(turn.answer).error == "回答时出了问题，请重试或换一种问法。"
    assert "disk on fire" not in turn.answer.text and "Traceback" not in turn.answer.text
    assert updates[-1].state.session_id == "kept"


def test_a_stale_session_starts_afresh(handlers: ChatHandlers) -> None:
    state = ChatState(session_id="gone-after-a-restart")
    after = ask(handlers, "revenue last week", state)[-1].state
    assert after.turns[-1].answer.error is None
    assert after.session_id not in (None, "gone-after-a-restart")


def test_empty_question_does_nothing(handlers: ChatHandlers) -> None:
    state = ChatState()
    assert ask(handlers, "   ", state) == [AskUpdate(state, "", "")]


def test_side_panel_names_things_in_both_languages(service: AssistantService) -> None:
    catalog = service.catalog()
    english = catalog_view(catalog, "en")
    sections = {s.key: s for s in english.sections}
    assert [s.title for s in english.sections] == [
        "Metrics",
        "Touchpoints",
        "Journeys",
        "Dimensions",
    ]
    assert "- Conversion rate · 转化率" in sections["metrics"].markdown.splitlines()
    assert "- Product page · 商品详情页" in sections["touchpoints"].markdown.splitlines()
    assert (
        "- Purchase journey · 购买旅程 (default): ad click → landing page → "
        in sections["journeys"].markdown
    )
    assert [g.key for g in english.examples] == GROUPS
    assert [g.title for g in english.examples][-1] == "Customer service"
    operations = english.examples[1]
    assert operations.chips[0].question == ("which touchpoint lost the most users last week")
    chinese = catalog_view(catalog, "zh")
    assert [s.title for s in chinese.sections] == ["指标", "触点", "旅程", "维度"]
    assert "- 转化率 · Conversion rate" in chinese.sections[0].markdown.splitlines()
    assert [g.title for g in chinese.examples] == ["市场营销", "运营", "销售", "产品", "客户服务"]
    assert chinese.examples[1].chips[0].question == "上周哪个触点流失用户最多"


def test_interface_labels_switch_language(handlers: ChatHandlers) -> None:
    zh = handlers.switch_language("zh")
    assert zh.header["value"].startswith("## 触点分析助手")
    assert (zh.send["value"], zh.new["value"]) == ("提问", "新对话")
    assert zh.question["label"] == "你的问题" and zh.question["placeholder"].startswith("例如")
    assert zh.language["label"] == "界面语言"
    en = handlers.switch_language("en")
    assert en.header["value"].startswith("## Touchpoint Assistant")
    assert (en.send["value"], en.new["value"]) == ("Ask", "New conversation")


def test_table_cells_read_as_people_write_them() -> None:
    assert format_cell(0.4847, "percent") == "48.5%"
    assert format_cell(1234567, "integer") == "1,234,567"
    assert format_cell(6315.029, "currency", currency="¥") == "¥6,315.03"
    assert format_cell(-12.5, "currency", currency="$") == "-$12.50"
    assert format_cell(1234567.891, "number") == "1,234,568"
    assert format_cell(38.64, "number") == "38.64"
    assert format_cell(12.54, "duration_minutes", lang="zh") == "12.5 分钟"
    assert format_cell(None, "percent") == "—"
    assert format_cell("2026-11-16", "date") == "2026-11-16"
    assert format_rows([["a", 1500.0]], ["text"]) == [["a", "1,500"]]


def test_an_answer_card_builds_chart_table_sql_chips_and_thumbs(
    handlers: ChatHandlers, service: AssistantService
) -> None:
    state = ask(handlers, "conversion rate by channel last week")[-1].state
    answer = state.turns[-1].answer

    def page() -> gr.Blocks:
        demo = gr.Blocks(analytics_enabled=False)
        with demo:
            chat, lang = gr.State(state), gr.Radio(choices=["en", "zh"], value="en")
            wiring = Wiring(handlers, chat, lang, (chat, gr.Markdown(), gr.Textbox()))
            conversation(state, wiring, currency="¥", labels=ModelLabels(service.model))
        return demo

    built = list(in_event_loop(page).blocks.values())
    plots = [b for b in built if isinstance(b, gr.Plot)]
    assert len(plots) == 1 and plots[0].value is not None
    assert json.loads(plots[0].value["plot"])["data"][0]["type"] == "bar"
    frames = [b for b in built if isinstance(b, gr.Dataframe)]
    headers = ["channel", "conversion rate", "purchasers", "active users (n)"]
    assert len(frames) == 1 and frames[0].value["headers"] == headers
    assert frames[0].value["data"][0][0] == "offline stores"
    codes = [b for b in built if isinstance(b, gr.Code)]
    assert len(codes) == 1 and codes[0].value == answer.sql and codes[0].language == "sql"
    accordions = [b.label for b in built if isinstance(b, gr.Accordion)]
    assert accordions == ["Table (9)", "SQL"]
    buttons = [b.value for b in built if isinstance(b, gr.Button)]
    assert buttons == [*answer.suggestions, "✓ Helpful", "✗ Not helpful"]


def test_build_chat_fetches_nothing_from_the_internet(blocks: gr.Blocks) -> None:
    assert isinstance(blocks, gr.Blocks)
    config = json.dumps(blocks.config, ensure_ascii=False, default=repr)
    assert fetched(config) == []
    assert "触点分析助手" in config  # the labels start in the language asked for
    theme = chat_theme()
    assert theme._stylesheets == []
    css = theme._get_theme_css()  # type: ignore[no-untyped-call]
    assert "--font: 'Noto Sans CJK SC'" in css and fetched(css) == []
    assert mount_options()["css"] and fetched(mount_options()["css"]) == []


def test_every_event_stays_off_the_public_api(blocks: gr.Blocks) -> None:
    visibility = [fn.api_visibility for fn in blocks.fns.values()]
    assert visibility and "public" not in visibility


def test_the_mounted_chat_serves_offline(blocks: gr.Blocks) -> None:
    app = mount_chat(FastAPI(), blocks)
    with TestClient(app) as client:
        page = client.get("/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        tags = re.findall(r"<(?:script|link)\b[^>]*>", page.text)
        assert tags and not [t for t in tags if URL.search(t)]
        theme = client.get("/theme.css")
        assert theme.status_code == 200 and "Noto Sans CJK SC" in theme.text
        assert fetched(theme.text) == [] and "@import" not in theme.text
        config = client.get("/config").json()
        assert config["title"] == "触点分析助手"


def test_gr_mount_gradio_app_with_the_options_also_works(service: AssistantService) -> None:
    chat = build_chat(service, lang="en")
    app = in_event_loop(lambda: gr.mount_gradio_app(FastAPI(), chat, "/", **mount_options()))
    with TestClient(app) as client:
        page = client.get("/")
        assert page.status_code == 200 and "<html" in page.text.lower()
        assert client.get("/config").json()["title"] == "Touchpoint Assistant"
