"""`tpa ask`: one answer in the terminal (a readable table), or the Answer JSON with --json."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from semantic_layer.phrasebook import language, phrase
from ui.cli.imports import importing
from ui.cli.model_cmds import ModelOption
from ui.cli.options import AsOfOption, DbOption, default_db

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
MAX_TERMINAL_ROWS = 30


def ask(
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="In English or Chinese.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the Answer object as JSON (docs/design.md).")
    ] = False,
    *,
    session: Annotated[
        str | None,
        typer.Option(
            "--session", metavar="ID", help="Continue this conversation (for follow-ups)."
        ),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option("--role", metavar="ROLE", help="Answer under this role's access policy."),
    ] = None,
    backend: Annotated[
        Literal["embedded", "llm"] | None,
        typer.Option(
            "--backend",
            help="Planner: the built-in rules (embedded), or the LLM set by TPA_LLM_BASE_URL "
            "and TPA_LLM_MODEL. [default: embedded]",
            show_default=False,
        ),
    ] = None,
    show_sql: Annotated[bool, typer.Option("--sql", help="Also print the SQL that ran.")] = False,
    db: DbOption = None,
    model: ModelOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Answer one question about the data: the answer, the table and what was computed.

    Exits with 1 when the question could not be answered (the answer says why).
    """
    with importing():
        from assistant.answer.narrate.numbers import currency_symbol
        from assistant.config import AssistantConfig
        from assistant.service import AssistantService
        from semantic_layer.errors import UserError
        from semantic_layer.model.labels import ModelLabels

    try:
        config = AssistantConfig.from_env(
            db=db or None, model=model, as_of=as_of, backend=backend, lazy_index=True
        )
    except UserError as exc:
        raise _fail(exc.render()) from None
    if db is None and not config.db.exists() and config.db == default_db():
        raise _fail(f"{config.db}: no database yet; build the demo with `tpa demo --no-serve`")
    try:
        with AssistantService.open(config) as service:
            answer = service.ask(question, session_id=session, role=role, channel="cli")
            labels = ModelLabels(service.model)
            currency = currency_symbol(service.model.settings.currency)
    except UserError as exc:
        raise _fail(exc.render()) from None
    except Exception as exc:  # the engine's clear start-up errors (missing or locked database)
        if type(exc).__module__.startswith(("connectors", "assistant")):
            raise _fail(str(exc)) from None
        raise
    if as_json:
        print(answer.model_dump_json(indent=2))
    else:
        _print(answer, show_sql, labels, currency)
    if answer.error is not None:
        raise typer.Exit(1)


def _print(answer: Any, show_sql: bool, labels: Any = None, currency: str = "") -> None:
    """The answer for a person, dimension values and touchpoints by their names (as the text
    says them). Nothing from the answer is read as Rich markup: a value or an echoed word such
    as "[/x]" is printed as it is, never styled or refused."""
    out.print(answer.text, markup=False)
    if answer.rows:
        out.print(_table(answer, labels, currency))
    for warning in answer.warnings:
        err.print(f"note: {warning}", markup=False)
    if answer.interpretation:
        out.print(f"\n{answer.interpretation}", style="dim", markup=False)
    if answer.sql and show_sql:
        out.print(f"\n{answer.sql}", style="dim", markup=False)
    if answer.suggestions:
        out.print("\n" + phrase(language(answer.language), "answer", "ask_next"))
        for s in answer.suggestions:
            out.print(f"  • {s}", markup=False)
    if answer.session_id:
        out.print(f"\nsession: {answer.session_id} (follow up with --session)", style="dim")


def _table(answer: Any, labels: Any = None, currency: str = "") -> Table:
    from assistant.answer.export import labelled_rows

    table = Table(show_edge=False, pad_edge=False)
    for label in answer.column_labels or answer.columns:
        table.add_column(Text(str(label)))
    formats = answer.column_formats or ["number"] * len(answer.columns)
    for row in labelled_rows(answer, labels)[:MAX_TERMINAL_ROWS]:
        cells = (_cell(v, f, currency, answer.language) for v, f in zip(row, formats, strict=True))
        table.add_row(*(Text(c) for c in cells))
    if len(answer.rows) > MAX_TERMINAL_ROWS:
        table.caption = f"first {MAX_TERMINAL_ROWS} of {len(answer.rows)} rows (--json has all)"
    return table


def _cell(value: Any, fmt: str, currency: str = "", lang: str = "en") -> str:
    """A cell with its unit: %, the model's currency symbol, minutes or hours, ×."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if fmt == "percent":
        return f"{value:.1%}"
    if fmt == "currency":
        sign = "-" if value < 0 else ""
        return f"{sign}{currency}{abs(value):,.2f}"
    if fmt == "number" and isinstance(value, float):
        return f"{value:,.2f}"
    if fmt == "duration_minutes":
        return f"{value:,.1f} {phrase(language(lang), 'answer', 'cli_minutes')}"
    if fmt == "duration_hours":
        return f"{value:,.1f} {phrase(language(lang), 'answer', 'cli_hours')}"
    if fmt == "multiple":
        return f"{value:,.1f}×"
    return f"{value:,}"


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True)
    return typer.Exit(2)


__all__ = ["ask"]
