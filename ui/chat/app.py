"""`build_chat`: the business user's chat as a `gr.Blocks`, and `mount_chat` to serve it offline.

    side panel: language · new conversation · examples to review (reviewers only) ·
                example questions by role · catalog
    main:       title · digest cards before the first question ("What changed this week") ·
                one card per answer (gr.render) · status line · question box

Every event is private to the page (`api_visibility="private"`): programs use the server's own
HTTP API, which serialises answers properly.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import gradio as gr
from fastapi import FastAPI

from assistant.answer.narrate.numbers import currency_symbol
from assistant.service import AssistantService
from assistant.watches import Watches
from semantic_layer.model.labels import ModelLabels
from ui.chat.a11y import BROWSER_LANGUAGE, SET_HTML_LANG, WINDOW_WIDTH, side_open
from ui.chat.catalog import catalog_view
from ui.chat.handlers import ChatHandlers, header
from ui.chat.labels import LANGUAGES, ui_language, word
from ui.chat.reviewing import review_list, review_panel
from ui.chat.state import ChatState
from ui.chat.theme import mount_options
from ui.chat.views import Wiring, ask_event_options, conversation, side_panel
from ui.chat.watching import landing_cards
from ui.signin import SignIn

T = TypeVar("T")


def build_chat(
    service: AssistantService,
    *,
    role: str | None = None,
    lang: str = "en",
    watches: Watches | None = None,
    signin: SignIn | None = None,
) -> gr.Blocks:
    """The chat for `service`; answers follow `role`'s access policy (or, with `signin`, the
    signed-in person's), labels start in `lang`.

    Serve it with `mount_chat` (or pass `theme.mount_options()` to `gr.mount_gradio_app`): Gradio 6
    takes the theme and CSS at mount time."""
    return in_event_loop(lambda: _build(service, role, lang=lang, watches=watches, signin=signin))


def _build(
    service: AssistantService,
    role: str | None,
    *,
    lang: str,
    watches: Watches | None,
    signin: SignIn | None,
) -> gr.Blocks:
    handlers = ChatHandlers(service, role, watches, signin=signin)
    catalogs: dict[str | None, dict[str, Any]] = {}  # per role: what the side panel lists
    currency = currency_symbol(service.model.settings.currency)
    labels = ModelLabels(service.model)
    start = ui_language(lang)
    blocks = gr.Blocks(title=word("title", start), analytics_enabled=False)
    with blocks:
        state = gr.State(ChatState())
        status = gr.Markdown("", elem_id="tpa-status", render=False)
        question = gr.Textbox(
            label=word("question", start),
            placeholder=word("placeholder", start),
            lines=1,
            max_lines=6,
            autofocus=True,
            scale=8,
            elem_id="tpa-question",
            render=False,
        )
        with gr.Sidebar(open=True, width=340, elem_id="tpa-side") as side:
            language = gr.Radio(
                choices=list(LANGUAGES), value=start, label=word("language", start),
                elem_id="tpa-language",
            )  # fmt: skip
            new = gr.Button(word("new", start), elem_id="tpa-new")
            wiring = Wiring(handlers, state, language, (state, status, question))
            review_section(handlers, language)

            def panel(lang: str, request: gr.Request) -> None:
                who = handlers.who(request)
                if who is None:
                    return
                if who.role not in catalogs:
                    catalogs[who.role] = service.catalog(who.role)
                side_panel(catalog_view(catalogs[who.role], lang), lang, wiring)

            gr.render(inputs=[language])(panel)
        title = gr.Markdown(header(start), elem_id="tpa-header")

        def landing(current: ChatState | None, lang: str, request: gr.Request) -> None:
            who = handlers.who(request)  # the signed-in person's role, not the chat's default
            if who is not None and not (isinstance(current, ChatState) and current.turns):
                landing_cards(watches, who.role, lang)  # the first screen: what changed

        gr.render(inputs=[state, language], show_progress="hidden")(landing)

        def cards(current: ChatState | None, lang: str, request: gr.Request) -> None:
            who = handlers.who(request)
            role_now = who.role if who is not None else None
            conversation(
                current,
                wiring,
                currency=currency,
                labels=labels,
                lang=ui_language(lang),
                role=role_now,
            )

        gr.render(inputs=[state, language], show_progress="hidden")(cards)
        status.render()  # type: ignore[no-untyped-call]
        with gr.Row(equal_height=True):
            question.render()  # type: ignore[no-untyped-call]
            send = gr.Button(word("send", start), variant="primary", scale=1, elem_id="tpa-send")
        _wire(wiring, question, send=send, new=new, title=title)
        blocks.load(typed_in, None, question, api_visibility="private")
        _on_load(blocks, side, language)
    return blocks


def _on_load(blocks: gr.Blocks, side: gr.Sidebar, language: gr.Radio) -> None:
    """At load: `<html lang>` set to the interface language, which becomes Chinese when the
    browser's is; on a narrow screen (a phone) the side panel closes, so it does not cover the
    conversation (its button opens it again)."""
    width = gr.Number(visible=False, elem_id="tpa-width")
    blocks.load(None, [language], None, js=SET_HTML_LANG)
    blocks.load(None, [language], [language], js=BROWSER_LANGUAGE, show_progress="hidden")
    blocks.load(
        lambda w: gr.Sidebar(open=side_open(w)), [width], [side], js=WINDOW_WIDTH,
        api_visibility="private", show_progress="hidden",
    )  # fmt: skip


def review_section(handlers: ChatHandlers, language: gr.Radio) -> None:
    """The review list of thumbs-up examples (`ui.chat.reviewing`), rendered for reviewers
    only; a decision or "refresh" redraws it, with the decision's confirmation on top."""
    note = gr.State((0, ""))  # (redraws so far, the last confirmation)

    def decider(button: gr.Button, answer_id: str, approve: bool) -> None:
        def decide(lang: str, last: tuple[int, str], request: gr.Request) -> tuple[int, str]:
            return (last[0] + 1, handlers.review(answer_id, approve, lang, request))

        button.click(decide, [language, note], [note], api_visibility="private")

    def refresher(button: gr.Button) -> None:
        button.click(lambda last: (last[0] + 1, ""), [note], [note], api_visibility="private")

    def panel(lang: str, last: tuple[int, str] | None, request: gr.Request) -> None:
        if handlers.reviews(request) is None:
            return
        listed = review_list(handlers.service, lang)
        review_panel(
            listed, last[1] if last else "", lang=lang, on_decide=decider, refresh=refresher
        )

    gr.render(inputs=[language, note], show_progress="hidden")(panel)


def typed_in(request: gr.Request) -> Any:
    """`/?q=…` opens the chat with that question typed in (an alert's "ask why" link); it is
    not asked until the user sends it. Without `q` the box is left alone: the load event may
    come after the user started typing."""
    said = str(request.query_params.get("q", "")) if request is not None else ""
    return said[:2000] if said else gr.update()


def _wire(
    wiring: Wiring, question: gr.Textbox, *, send: gr.Button, new: gr.Button, title: gr.Markdown
) -> None:
    """The fixed events: ask (Enter or the button), new conversation, language switch."""
    inputs = [question, wiring.state]
    outputs = list(wiring.ask_outputs)
    handlers = wiring.handlers
    question.submit(handlers.ask, inputs, outputs, **ask_event_options())
    send.click(handlers.ask, inputs, outputs, **ask_event_options())
    new.click(handlers.new_conversation, None, outputs, api_visibility="private")
    wiring.lang.change(
        handlers.switch_language,
        [wiring.lang],
        [title, wiring.lang, question, send, new],
        api_visibility="private",
        show_progress="hidden",
        js=SET_HTML_LANG,
    )
    wiring.lang.change(
        handlers.retell,  # takes the gr.Request: the signed-in person's role
        [wiring.lang, wiring.state],
        [wiring.state],
        api_visibility="private",
        show_progress="hidden",
    )


def mount_chat(app: FastAPI, blocks: gr.Blocks, path: str = "/", **options: Any) -> FastAPI:
    """Mount the chat on `app` at `path` with its theme and offline settings (`options` win)."""
    settings = {**mount_options(), **options}
    mounted: FastAPI = in_event_loop(lambda: gr.mount_gradio_app(app, blocks, path, **settings))
    return mounted


def in_event_loop(make: Callable[[], T]) -> T:
    """`make()` with an event loop running.

    Gradio creates its queue's and server's asyncio locks with a brand-new event loop whenever none
    is running, replacing (and leaking, unclosed) the thread's previous one; this runs `make`
    inside a loop that is closed afterwards, so nothing leaks."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        return make()

    async def call() -> T:
        return make()

    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(call())
    finally:
        loop.close()


__all__ = ["build_chat", "in_event_loop", "mount_chat"]
