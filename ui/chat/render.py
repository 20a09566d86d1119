"""An `Answer` as the pieces the chat shows: the text first, then the chart, the table, the SQL,
the interpretation, warnings, and chips for follow-ups and clarification choices.

Plain data (no Gradio here), so the tests can check every piece without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import plotly.graph_objects as go  # type: ignore[import-untyped]

from assistant.answer.charts_base import unique
from assistant.answer.export import labelled_rows
from assistant.answer.model import Answer
from assistant.kinds import kind_called
from semantic_layer.model.labels import ModelLabels
from ui.chat.a11y import chart_caption
from ui.chat.cells import format_rows
from ui.chat.labels import word

MIN_HEIGHT: Final = 360  # px: a chart shorter than this is hard to read next to its legend
MAX_HEIGHT: Final = 640
MAX_CHIPS: Final = 6
MAX_QUESTION_SHOWN: Final = 300


@dataclass(frozen=True)
class Chip:
    """A clickable question: what the chip says and the question it asks."""

    label: str
    question: str


@dataclass(frozen=True)
class TableView:
    """The result table: labelled headers and rows of display text."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""

    def value(self) -> dict[str, Any]:
        """The `gr.Dataframe` value."""
        return {"headers": list(self.headers), "data": [list(r) for r in self.rows]}


@dataclass(frozen=True)
class AnswerView:
    """What one answer card shows, in reading order."""

    answer_id: str
    text: str
    error: str | None
    interpretation: str
    warnings: tuple[str, ...]
    figure: go.Figure | None
    table: TableView | None
    sql: str | None
    suggestions: tuple[Chip, ...]
    choices: tuple[Chip, ...]
    language: str
    caption: str = ""  # the chart's text alternative
    users: tuple[tuple[str, int | None], ...] = ()  # (label, row) whose users may be exported


def answer_view(
    answer: Answer, *, currency: str = "", labels: ModelLabels | None = None
) -> AnswerView:
    """The pieces of `answer`; notes around the data are in the answer's language, and with
    `labels` the table names dimension values and touchpoints as the chart does."""
    lang = answer.language
    kind = kind_called(answer.kind)
    asks_back = kind is not None and kind.asks_back
    interpretation = "" if asks_back or answer.error else answer.interpretation
    warnings = list(answer.warnings)
    if answer.sql and not answer.verified:
        warnings.append(word("unverified", lang))
    return AnswerView(
        answer_id=answer.id,
        text=answer.text,
        error=answer.error.message if answer.error else None,
        interpretation=interpretation,
        warnings=tuple(warnings),
        figure=figure(answer.chart),
        table=table_view(answer, currency=currency, labels=labels),
        sql=answer.sql or None,
        suggestions=_suggestions(answer),
        choices=tuple(Chip(c.label, c.question) for c in answer.choices),
        language=answer.language,
        caption=chart_caption(answer),
    )


def _suggestions(answer: Answer) -> tuple[Chip, ...]:
    """Follow-up chips, leaving out questions a clarification choice already offers."""
    offered = {c.question.casefold() for c in answer.choices}
    fresh = [s for s in answer.suggestions if s.casefold() not in offered]
    return tuple(Chip(s, s) for s in fresh[:MAX_CHIPS])


def short(text: str, limit: int = MAX_QUESTION_SHOWN) -> str:
    """`text` cut to `limit` characters with an ellipsis (a pasted essay stays readable)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def figure(chart: dict[str, Any] | None) -> go.Figure | None:
    """The answer's Plotly spec as an interactive figure, tall enough to read, as wide as the
    card (autosize)."""
    if not chart or not chart.get("data"):
        return None
    fig = go.Figure(chart)
    height = fig.layout.height or MIN_HEIGHT
    fig.update_layout(height=max(MIN_HEIGHT, min(MAX_HEIGHT, height)), width=None, autosize=True)
    return fig


def table_view(
    answer: Answer, *, currency: str = "", labels: ModelLabels | None = None
) -> TableView | None:
    """The rows under their column labels, each value in its column's format."""
    if not answer.columns or not answer.rows:
        return None
    lang = answer.language
    headers = unique(
        [
            answer.column_labels[i] if i < len(answer.column_labels) else name
            for i, name in enumerate(answer.columns)
        ]
    )
    rows = labelled_rows(answer, labels)
    cells = format_rows(rows, answer.column_formats, currency=currency, lang=lang)
    note = word("rows_capped", lang, n=len(cells)) if answer.truncated else ""
    return TableView(tuple(headers), tuple(tuple(r) for r in cells), note)


__all__ = ["AnswerView", "Chip", "TableView", "answer_view", "figure", "short", "table_view"]
