"""`tpa examples list|approve|reject`: review the examples thumbs-up answers proposed (issue 13
point 6). The operator at the machine reviews like a role with `reviewer: true`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ui.cli.model_cmds import ModelOption
from ui.cli.options import DbOption

examples = typer.Typer(
    name="examples",
    help="Review the examples that thumbs-up answers proposed: only approved ones are reused, "
    "and only for the role they were asked under.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
AnswerId = Annotated[str, typer.Argument(help="The answer id (the `id` column of `list`).")]


@examples.callback()
def _group(ctx: typer.Context, db: DbOption = None, model: ModelOption = None) -> None:
    """`--db` and `--model` may also be given before the subcommand."""
    ctx.obj = (db, model)


def _where(ctx: typer.Context, db: Path | None, model: Path | None) -> tuple[Path | None, ...]:
    given = ctx.obj if isinstance(ctx.obj, tuple) else (None, None)
    return (db or given[0], model or given[1])


@examples.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[str, typer.Option(help="pending, approved, rejected or all.")] = "pending",
    db: DbOption = None,
    model: ModelOption = None,
) -> None:
    """The proposed examples, oldest first."""
    with _service(*_where(ctx, db, model)) as service:
        found = service.store.proposals(None if status == "all" else status, limit=1000)
    table = Table("id", "status", "role", "language", "question", "plan")
    for p in found:
        table.add_row(p.answer_id, p.status, p.role or "", p.language, escape(p.question),
                      escape(_plan(p.plan)))  # fmt: skip
    out.print(table if found else f"no {status} examples")


@examples.command()
def approve(
    ctx: typer.Context, answer_id: AnswerId, db: DbOption = None, model: ModelOption = None
) -> None:
    """Approve an example: retrieval reuses it for its role from now on."""
    _review(answer_id, True, *_where(ctx, db, model))


@examples.command()
def reject(
    ctx: typer.Context, answer_id: AnswerId, db: DbOption = None, model: ModelOption = None
) -> None:
    """Reject an example (and withdraw it if it was approved)."""
    _review(answer_id, False, *_where(ctx, db, model))


def _review(answer_id: str, approve: bool, db: Path | None, model: Path | None) -> None:
    with _service(db, model) as service:
        done = service.examples.review(answer_id, approve, "*", "tpa examples")
    out.print(f"{done.status}: {escape(done.question)} (role {done.role or 'default'})")


def _plan(plan: dict[str, Any]) -> str:
    parts = [str(plan.get("kind", ""))]
    for key in ("metrics", "dimensions", "time"):
        if plan.get(key):
            value = plan[key]
            parts.append(f"{key}={','.join(value) if isinstance(value, list) else value}")
    return " ".join(parts)


@contextmanager
def _service(db: Path | None, model: Path | None) -> Iterator[Any]:
    from assistant.config import AssistantConfig
    from assistant.service import AssistantService
    from semantic_layer.errors import UserError

    try:
        with AssistantService.open(AssistantConfig.from_env(db=db, model=model)) as service:
            yield service
    except UserError as exc:
        err.print(f"[bold red]error:[/] {escape(exc.render())}", markup=True)
        raise typer.Exit(2) from None


__all__ = ["examples"]
