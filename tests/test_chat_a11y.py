"""The chat's accessibility and take-away pieces without a browser (issue 13 points 9 and 10):
the chart's text alternative, `<html lang>`, the side panel on narrow screens, the card's links."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.model.labels import ModelLabels
from ui.chat.a11y import chart_caption, html_lang, side_open
from ui.chat.handlers import ChatHandlers
from ui.chat.render import answer_view
from ui.chat.views import takeaway_links, users_rows


def answer(lang: str = "en", rows: list[list[object]] | None = None) -> Answer:
    return Answer(
        id="a1b2c3",
        question="q",
        language=lang,  # type: ignore[arg-type]
        text="Revenue was <b>¥1,234</b>,\n up 3%." if lang == "en" else "收入为¥1,234。",
        columns=["d_channel", "revenue"] if rows else [],
        rows=rows or [],
        chart={"data": [{"type": "bar", "x": [1], "y": [2]}], "layout": {"title": {"text": "T"}}},
    )


def test_the_chart_caption_is_the_answer_sentence_in_its_language() -> None:
    assert chart_caption(answer()) == "Chart: Revenue was <b>¥1,234</b>, up 3%."
    assert chart_caption(answer("zh")) == "图表：收入为¥1,234。"
    no_text = answer().model_copy(update={"text": ""})
    assert chart_caption(no_text) == "Chart: T"
    assert answer_view(answer()).caption == chart_caption(answer())


def test_html_lang_and_the_side_panel_width_rule() -> None:
    assert (html_lang("en"), html_lang("zh"), html_lang("中文")) == ("en", "zh-CN", "zh-CN")
    assert not side_open(390) and side_open(1280) and side_open(None)


def test_card_links_download_the_table_and_open_the_answer() -> None:
    with_table = takeaway_links(answer_view(answer(rows=[["app", 1.0]])), "zh")
    assert 'href="/a/a1b2c3?format=csv" download' in with_table and "下载 Excel" in with_table
    assert 'href="/a/a1b2c3"' in with_table
    without = takeaway_links(answer_view(answer()), "en")
    assert "format=csv" not in without and "Link to this answer" in without


def test_a_role_with_export_gets_a_users_link_per_row(small_demo: Path, tmp_path: Path) -> None:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    with AssistantService.open(config) as service:
        grouped = service.ask("active users by channel last week", role="analyst")
        single = service.ask("active users last week", role="analyst")
        money = service.ask("revenue by channel last week", role="analyst")
        analyst, east = ChatHandlers(service, "analyst"), ChatHandlers(service, "east_marketing")
        view = answer_view(grouped, labels=ModelLabels(service.model))
        rows = users_rows(grouped, view, analyst)
        assert [r for _, r in rows] == list(range(len(grouped.rows)))
        assert rows[0][0] == view.table.rows[0][0] and "_" not in rows[0][0]  # type: ignore[union-attr]
        assert users_rows(single, answer_view(single), analyst) == (("this number", None),)
        assert users_rows(money, answer_view(money), analyst) == ()
        assert users_rows(grouped, view, east) == ()
        html = takeaway_links(replace(view, users=rows), "en")
        assert f'href="/a/{grouped.id}/users.csv?row=0" download' in html
