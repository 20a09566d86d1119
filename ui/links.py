"""`/a/{id}`: a stable link to one answer, to paste in an e-mail or a ticket.

In a browser it is a page of its own (the question, the answer, the chart with its text
alternative, the table, what was computed, the SQL, and CSV / XLSX downloads); `?format=json`
gives the Answer, `?format=csv|xlsx` the table as a file.

Who is looking decides what they see (`assistant.takeaway.visible_answer`): a caller with an API
key (`Authorization: Bearer KEY` or `X-API-Key`) is its role; a browser without one is the chat's
role — the same access the chat on this server already gives it. An answer that role may not see
is 404, exactly like an id that does not exist.

Plotly's script comes from the installed `plotly` package: nothing is fetched from the internet.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Final, Literal, cast

import plotly  # type: ignore[import-untyped]
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from assistant.answer.export import labelled_rows
from assistant.answer.model import Answer
from assistant.answer.narrate.numbers import currency_symbol
from assistant.ownership import key_principal
from assistant.service import AssistantService
from assistant.takeaway import visible_answer
from semantic_layer.errors import UserError
from semantic_layer.model.labels import ModelLabels
from ui.api.answers import answer_file, principal, users_response
from ui.api.settings import ServerSettings
from ui.chat.a11y import chart_caption, html_lang
from ui.chat.cells import format_rows
from ui.chat.labels import word
from ui.requests import ApiError, RateLimiter, api_key

PLOTLY_JS: Final = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
LinkFormat = Literal["html", "json", "csv", "xlsx"]


def add_links(
    app: FastAPI, service: AssistantService, settings: ServerSettings, browser_role: str | None
) -> None:
    """Serve `/a/{id}` (and Plotly's script for it) on `app`; `browser_role` is the chat's role."""
    limiter = RateLimiter(settings.rate_per_minute)
    links = APIRouter()

    def viewer(request: Request) -> str | None:
        key = api_key(request)
        who = getattr(request.state, "tpa_who", None)  # signed in to the chat (`ui.signin`)
        if key is None and who is not None:
            return cast("str | None", who.role)
        if key is None and settings.chat_sign_in:
            raise ApiError.said(401, "unauthorized", "sign_in_or_key")
        if key is None:
            return browser_role  # no sign-in configured: served on loopback only
        if key not in settings.api_keys:
            raise ApiError.said(401, "unauthorized", "key_invalid")
        if not limiter.allow(key):
            raise ApiError.said(
                429, "rate_limited", "rate_limited_link", n=settings.rate_per_minute
            )
        return settings.api_keys[key]

    @links.get("/a/{answer_id}", summary="A stable link to an answer (page, JSON, CSV or XLSX)")
    def get_link(answer_id: str, request: Request, format: LinkFormat | None = None) -> Response:
        role = viewer(request)
        try:
            answer = visible_answer(service, answer_id, role, _principal(request))
        except UserError as exc:
            raise ApiError.of(404, "not_found", exc) from None
        wanted = format or ("html" if "text/html" in request.headers.get("accept", "") else "json")
        if wanted == "json":
            return JSONResponse(json.loads(answer.model_dump_json()))
        if wanted in ("csv", "xlsx"):
            return answer_file(service, answer, wanted)
        return HTMLResponse(answer_page(service, answer))

    @links.get("/a/{answer_id}/users.csv", summary="The user ids behind a number, as CSV")
    def get_users(answer_id: str, request: Request, row: int | None = None) -> Response:
        """For the chat's per-row links: the same export as `POST /v1/answers/{id}/users`
        (needs `export: true`; audited), by the viewer's role."""
        who = principal(request) if api_key(request) else "chat"
        found: Response = users_response(
            service, answer_id, role=viewer(request), row=row, metric=None, who=who, fmt="csv"
        )
        return found

    def _principal(request: Request) -> str | None:
        key = api_key(request)
        if key is not None:
            return key_principal(key)
        who = getattr(request.state, "tpa_who", None)
        return cast("str | None", who.principal) if who is not None else None

    @links.get("/a-assets/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        headers = {"Cache-Control": "public, max-age=86400"}
        return FileResponse(PLOTLY_JS, media_type="text/javascript", headers=headers)

    app.include_router(links)


def answer_page(service: AssistantService, answer: Answer) -> str:
    """The answer as a standalone HTML page in its own language."""
    lang = answer.language
    e = html.escape
    parts = [f"<h1>{e(answer.question)}</h1>"]
    if answer.error is not None:
        parts.append(f'<p class="error" role="alert">⚠ {e(answer.error.message)}</p>')
    else:
        parts.append(f'<p class="answer">{e(answer.text)}</p>')
    parts += [f'<p class="warning">⚠ {e(w)}</p>' for w in answer.warnings]
    if answer.chart and answer.chart.get("data"):
        spec = json.dumps(answer.chart, ensure_ascii=False, default=str).replace("<", "\\u003c")
        caption = e(chart_caption(answer))
        parts.append(
            f'<figure><div id="chart" role="img" aria-label="{caption}"></div>'
            f"<figcaption>{caption}</figcaption></figure>"
            f'<script src="/a-assets/plotly.min.js"></script>'
            f'<script>const spec = {spec}; Plotly.newPlot("chart", spec.data, spec.layout, '
            "{responsive: true, displaylogo: false});</script>"
        )
    parts.append(_table(service, answer))
    if answer.interpretation and answer.error is None:
        parts.append(f'<p class="computed"><em>{e(word("interpretation", lang))}:</em> '
                     f"{e(answer.interpretation)}</p>")  # fmt: skip
    if answer.sql:
        parts.append(f"<details><summary>SQL</summary><pre>{e(answer.sql)}</pre></details>")
    when = answer.created_at.strftime("%Y-%m-%d %H:%M UTC")
    parts.append(
        f'<p class="links"><a href="?format=csv" download>CSV</a> · '
        f'<a href="?format=xlsx" download>Excel (XLSX)</a> · '
        f'<a href="/">{e(word("open_chat", lang))}</a> · {e(when)}</p>'
    )
    title = f"{answer.question[:80]} — {word('title', lang)}"
    return (
        f'<!doctype html><html lang="{html_lang(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(parts)}</main></body></html>"
    )


def _table(service: AssistantService, answer: Answer) -> str:
    if not answer.columns or not answer.rows:
        return ""
    e = html.escape
    labels = ModelLabels(service.model)
    currency = currency_symbol(service.model.settings.currency)
    heads = answer.column_labels or answer.columns
    cells = format_rows(
        labelled_rows(answer, labels), answer.column_formats, currency=currency,
        lang=answer.language,
    )  # fmt: skip
    head = "".join(f'<th scope="col">{e(str(h))}</th>' for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in cells)
    note = f"<caption>{e(word('rows_capped', answer.language, n=len(cells)))}</caption>"
    return (
        f'<div class="table"><table>{note if answer.truncated else ""}<thead><tr>{head}</tr>'
        f"</thead><tbody>{body}</tbody></table></div>"
    )


_CSS: Final = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif; margin: 0;
  color: #1e293b; background: #f8fafc; }
main { max-width: 960px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.3em; color: #475569; }
.answer { font-size: 1.15em; }
.error { color: #a11c1c; background: #fdecec; padding: 8px 12px; border-radius: 8px; }
.warning { color: #8a5a00; background: #fff7e0; padding: 4px 10px; border-radius: 8px; }
figure { margin: 0; }
figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
#chart { width: 100%; min-height: 360px; }
.table { overflow-x: auto; } table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; }
.computed, .links { color: #475569; font-size: 0.92em; }
pre { white-space: pre-wrap; background: #f1f5f9; padding: 8px; }
"""


__all__ = ["PLOTLY_JS", "add_links", "answer_page"]
