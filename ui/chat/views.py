"""Gradio components for the dynamic parts: one card per answer, and the side panel's examples and
catalog. Called inside `gr.render` functions (see `app.py`); every button asks or rates through
`ChatHandlers`, with its question bound by a small generator function (so Gradio still sees a
generator, and passes the `gr.Request` that says who is signed in).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Final

import gradio as gr

from assistant.answer.model import Answer
from assistant.takeaway import exportable_metric, link_path
from semantic_layer.model.labels import ModelLabels
from ui.chat.a11y import CLOSE_SIDE_ON_PHONE
from ui.chat.catalog import CatalogView
from ui.chat.handlers import AskUpdate, ChatHandlers
from ui.chat.labels import word
from ui.chat.render import AnswerView, Chip, answer_view, short
from ui.chat.state import ChatState, Turn

ASK_CONCURRENCY: Final = 8
TABLE_HEIGHT: Final = 360
MAX_USER_LINKS: Final = 12  # rows offered for a users export in a card (the API takes any)


@dataclass(frozen=True)
class Wiring:
    """The fixed components every dynamic button reads or writes."""

    handlers: ChatHandlers
    state: gr.State
    lang: gr.Radio
    ask_outputs: tuple[Any, ...]  # state, status line, question box

    def ask_on(self, button: gr.Button, question: str) -> None:
        """Clicking `button` asks `question` in the tab's conversation (as the signed-in person:
        Gradio passes the request to a parameter typed `gr.Request`, not through a partial)."""
        handlers = self.handlers

        def ask(state: ChatState | None, request: gr.Request) -> Iterator[AskUpdate]:
            yield from handlers.ask(question, state, request)

        button.click(
            ask,
            inputs=[self.state],
            outputs=list(self.ask_outputs),
            **ask_event_options(),
        )


def ask_event_options() -> dict[str, Any]:
    """Every ask event: off the API (the server has its own), status shown by the handler."""
    return {
        "api_visibility": "private",
        "show_progress": "hidden",
        "scroll_to_output": True,
        "concurrency_id": "tpa-ask",
        "concurrency_limit": ASK_CONCURRENCY,
    }


def conversation(
    state: ChatState | None,
    wiring: Wiring,
    *,
    currency: str,
    labels: ModelLabels | None = None,
    lang: str | None = None,
    role: str | None = None,
) -> None:
    """One card per turn so far, in the interface language `lang` (each answer in the version
    retold in it, when there is one; without `lang`, each card in its answer's language);
    `role` is the signed-in person's (None: the chat's own)."""
    turns = state.turns if isinstance(state, ChatState) else ()
    for turn in turns:
        answer = turn.shown(lang) if lang else turn.answer
        view = answer_view(answer, currency=currency, labels=labels)
        view = replace(view, users=users_rows(answer, view, wiring.handlers, role))
        answer_card(turn, view, wiring, lang or view.language)


def users_rows(
    answer: Answer, view: AnswerView, handlers: ChatHandlers, role: str | None = None
) -> tuple[tuple[str, int | None], ...]:
    """(label, row) of the numbers whose users `role` (the signed-in person's; None: the chat's
    own) may export (`export: true`): every row of a count of users, up to `MAX_USER_LINKS`;
    () otherwise."""
    model = handlers.service.model
    if not model.policy(role if role is not None else handlers.role).export or not view.table:
        return ()
    metric = exportable_metric(model, answer)
    if metric is None:
        return ()
    keys = [i for i, c in enumerate(answer.columns) if c.startswith("d_") or c == "period"]
    if not keys:
        return ((word("this_number", view.language), None),)
    return tuple(
        (" · ".join(cells[i] for i in keys), n)
        for n, cells in enumerate(view.table.rows[:MAX_USER_LINKS])
    )


def answer_card(turn: Turn, view: AnswerView, wiring: Wiring, lang: str | None = None) -> None:
    """One question and its answer: text first, then chart, table, SQL, notes, chips, the
    downloads and link, thumbs. Its words follow `lang` (default: the answer's language)."""
    key, lang = view.answer_id, lang or view.language
    with gr.Column(elem_classes=["tpa-turn"], key=f"turn-{key}"):
        question = f"**{word('you', lang)}:** {html.escape(short(turn.question))}"
        gr.Markdown(question, elem_classes=["tpa-question"], key=f"q-{key}")
        _text(view, key)
        if view.figure is not None:
            _chart(view, key)
        _data(view, lang, key)
        _chips(view.choices, word("choices", lang), wiring, f"choices-{key}")
        _chips(view.suggestions, word("suggestions", lang), wiring, f"suggest-{key}")
        if turn.stored:
            gr.HTML(takeaway_links(view, lang), elem_classes=["tpa-takeaway"], key=f"take-{key}")
            _thumbs(view.answer_id, lang, wiring, key)


def _chart(view: AnswerView, key: str) -> None:
    """The chart, with its text alternative (the answer's sentence) as a caption that screen
    readers read and the page's script also sets as the chart's aria-label."""
    with gr.Column(elem_classes=["tpa-figure"], key=f"fig-{key}"):
        gr.Plot(view.figure, show_label=False, elem_classes=["tpa-chart"], key=f"plot-{key}")
        caption = f'<figcaption class="tpa-chart-caption">{html.escape(view.caption)}</figcaption>'
        gr.HTML(caption, elem_classes=["tpa-caption"], key=f"cap-{key}", padding=False)


def takeaway_links(view: AnswerView, lang: str) -> str:
    """CSV and Excel downloads of the table (when there is one) and the answer's stable link;
    the server's `/a/{id}` route serves all three under the chat's role."""
    link = html.escape(link_path(view.answer_id))
    parts = []
    if view.table is not None:
        for fmt, label in (("csv", "download_csv"), ("xlsx", "download_xlsx")):
            parts.append(
                f'<a class="tpa-download tpa-{fmt}" href="{link}?format={fmt}" download>'
                f"⬇ {html.escape(word(label, lang))}</a>"
            )
    if view.users:
        users = " · ".join(
            f'<a class="tpa-users" href="{link}/users.csv{"" if row is None else f"?row={row}"}" '
            f"download>{html.escape(label)}</a>"
            for label, row in view.users
        )
        parts.append(
            f'<span class="tpa-users-of">⬇ {html.escape(word("users", lang))}: {users}</span>'
        )
    parts.append(
        f'<a class="tpa-link" href="{link}" target="_blank" rel="noopener">'
        f"↗ {html.escape(word('link', lang))}</a>"
    )
    return '<div class="tpa-takeaway-links">' + " ".join(parts) + "</div>"


def _text(view: AnswerView, key: str) -> None:
    if view.error is not None:
        gr.Markdown(f"⚠ {view.error}", elem_classes=["tpa-error"], key=f"err-{key}")
    else:
        gr.Markdown(view.text, elem_classes=["tpa-answer"], key=f"text-{key}", **_plain())
    for n, warning in enumerate(view.warnings):
        gr.Markdown(f"⚠ {warning}", elem_classes=["tpa-warning"], key=f"warn-{key}-{n}")


def _data(view: AnswerView, lang: str, key: str) -> None:
    if view.interpretation:
        line = f"*{word('interpretation', lang)}:* {view.interpretation}"
        gr.Markdown(line, elem_classes=["tpa-interpretation"], key=f"interp-{key}", **_plain())
    if view.table is not None:
        title = f"{word('table', lang)} ({len(view.table.rows):,})"
        with gr.Accordion(title, open=False, key=f"table-{key}", preserved_by_key=["open"]):
            if view.table.note:
                gr.Markdown(view.table.note, elem_classes=["tpa-note"])
            gr.Dataframe(
                view.table.value(),
                headers=list(view.table.headers),
                interactive=False,
                max_height=TABLE_HEIGHT,
                wrap=True,
                show_label=False,
                elem_classes=["tpa-table"],
            )
    if view.sql:
        sql_title = word("sql", lang)
        with gr.Accordion(sql_title, open=False, key=f"sql-{key}", preserved_by_key=["open"]):
            gr.Code(view.sql, language="sql", interactive=False, show_label=False, lines=4)


def _chips(chips: tuple[Chip, ...], title: str, wiring: Wiring, key: str) -> None:
    if not chips:
        return
    gr.Markdown(f"**{title}**", elem_classes=["tpa-chips-title"], key=f"{key}-title")
    with gr.Row(elem_classes=["tpa-chips"], key=key):
        for n, chip in enumerate(chips):
            button = gr.Button(chip.label, size="sm", elem_classes=["tpa-chip"], key=f"{key}-{n}")
            wiring.ask_on(button, chip.question)


def _thumbs(answer_id: str, lang: str, wiring: Wiring, key: str) -> None:
    with gr.Row(elem_classes=["tpa-thumbs"], key=f"thumbs-{key}"):
        up = gr.Button(f"✓ {word('up', lang)}", size="sm", elem_classes=["tpa-thumb", "tpa-up"])
        down = gr.Button(
            f"✗ {word('down', lang)}", size="sm", elem_classes=["tpa-thumb", "tpa-down"]
        )
        note = gr.Markdown("", elem_classes=["tpa-feedback"], key=f"note-{key}")
    for button, rating in ((up, "up"), (down, "down")):
        button.click(
            _rater(wiring.handlers, answer_id, rating, lang),
            inputs=None,
            outputs=[note],
            api_visibility="private",
            show_progress="hidden",
        )


def _rater(handlers: ChatHandlers, answer_id: str, rating: str, lang: str) -> Any:
    def rate(request: gr.Request) -> str:
        return handlers.rate(answer_id, rating, lang, request)

    return rate


def side_panel(view: CatalogView, lang: str, wiring: Wiring) -> None:
    """Example questions by role (clicking one asks it), then the catalog lists."""
    gr.Markdown(f"### {word('examples', lang)}")
    for group in view.examples:
        with gr.Accordion(group.title, open=True, elem_classes=[f"tpa-group-{group.key}"]):
            for chip in group.chips:
                button = gr.Button(chip.label, size="sm", elem_classes=["tpa-example"])
                wiring.ask_on(button, chip.question)
                button.click(None, js=CLOSE_SIDE_ON_PHONE)
    gr.Markdown(f"### {word('catalog', lang)}")
    for section in view.sections:
        with gr.Accordion(section.title, open=False, elem_classes=[f"tpa-{section.key}"]):
            gr.Markdown(section.markdown, elem_classes=["tpa-catalog"], **_plain())


def _plain() -> dict[str, Any]:
    """Markdown options for data text: no LaTeX (a "$" is money, not maths)."""
    return {"latex_delimiters": []}


__all__ = [
    "Wiring",
    "answer_card",
    "ask_event_options",
    "conversation",
    "side_panel",
    "takeaway_links",
    "users_rows",
]
