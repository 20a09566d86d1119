"""`tpa watch`: watches (a saved question checked every day or week) and digests (what moved most
for a role), sent to Slack, Feishu, DingTalk, WeCom or a webhook. docs/watches.md tells how."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape

from semantic_layer.phrasebook import CATALOGUES
from ui.cli.model_cmds import ModelOption
from ui.cli.options import AsOfOption, DbOption, default_db

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
OWNER = "cli"  # the command line is the machine's operator: its watches are its own

watch_app = typer.Typer(
    name="watch",
    help="Watches and digests: the assistant tells you when something changes. "
    "Destinations are PLATFORM:ADDRESS (slack:C0123, feishu:oc_…, dingtalk:cid…, wecom:USER, "
    "webhook:https://…); the bots' variables of docs/bots.md must be set for them. Every "
    "subcommand takes --db, --model and --as-of like `tpa ask`.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

ToOption = Annotated[
    list[str],
    typer.Option("--to", metavar="PLATFORM:ADDRESS", help="Where to send (repeat for several)."),
]
GrainOption = Annotated[
    str, typer.Option("--grain", help="Check every day or every week: day or week.")
]
RoleOption = Annotated[
    str | None, typer.Option("--role", help="Access role whose policy applies when it runs.")
]
IdArgument = Annotated[str, typer.Argument(metavar="ID", help="The id `tpa watch list` shows.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True)
    return typer.Exit(code)


def _grain(text: str) -> Literal["day", "week"]:
    if text not in ("day", "week"):
        raise _fail(f"--grain must be day or week, not '{text}'")
    return text  # type: ignore[return-value]


@contextmanager
def _watches(db: Path | None, model: Path | None, as_of: object) -> Iterator[object]:
    from assistant.answer.png import render_png
    from assistant.config import AssistantConfig
    from assistant.service import AssistantService
    from assistant.watches import Watches, WatchStore
    from semantic_layer.errors import UserError
    from ui.bots import BotsConfig
    from ui.bots.deliver import Sender

    try:
        config = AssistantConfig.from_env(db=db, model=model, as_of=as_of, retrieval=False)
        bots = BotsConfig.from_env()
    except UserError as exc:
        raise _fail(exc.render()) from None
    if db is None and not config.db.exists() and config.db == default_db():
        raise _fail(f"{config.db}: no database yet; build the demo with `tpa demo --no-serve`")
    with AssistantService.open(config) as service:
        store = WatchStore.beside(config.work_dir)
        try:
            yield Watches(service, store, Sender(bots), chart_png=render_png)
        except UserError as exc:
            raise _fail(exc.render()) from None
        finally:
            store.close()


def _run(db: Path | None, model: Path | None, as_of: object, work: Callable[[object], None]
         ) -> None:  # fmt: skip
    with _watches(db, model, as_of) as watches:
        work(watches)


@watch_app.command("add")
def add(
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="What to watch.")],
    to: ToOption,
    *,
    grain: GrainOption = "week",
    role: RoleOption = None,
    any_change: Annotated[
        bool,
        typer.Option(
            "--any-change",
            help="Alert on unusual changes either way, not only those for the worse.",
        ),
    ] = False,
    db: DbOption = None,
    model: ModelOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Watch a question (a metric, a funnel or a drop-off): alert when its latest day or week is
    unusual against the same weekday / the previous weeks."""
    g = _grain(grain)

    def work(w: object) -> None:
        sub = w.create(question, owner=OWNER, role=role, grain=g, to=to,  # type: ignore[attr-defined]
                       notify="any" if any_change else "worse")  # fmt: skip
        out.print(f"watch {sub.id}: {sub.question} · every {sub.grain} → "
                  f"{', '.join(str(d) for d in sub.destinations)}", markup=False)  # fmt: skip
        for note in sub.notes:
            out.print(f"note: {note}", markup=False)

    _run(db, model, as_of, work)


@watch_app.command("digest")
def digest(
    to: ToOption,
    role: RoleOption = None,
    *,
    grain: GrainOption = "week",
    lang: Annotated[str, typer.Option("--lang", help="Language of the digest: en or zh.")] = "en",
    db: DbOption = None,
    model: ModelOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Send a role a daily or weekly digest: the metrics and journey steps that moved most."""
    g = _grain(grain)
    if lang not in CATALOGUES:
        raise _fail(f"--lang must be {' or '.join(CATALOGUES)}, not '{lang}'")

    def work(w: object) -> None:
        sub = w.create_digest(owner=OWNER, role=role, grain=g, to=to, language=lang)  # type: ignore[attr-defined]
        out.print(f"digest {sub.id}: role {sub.role or '(default)'} · every {sub.grain} → "
                  f"{', '.join(str(d) for d in sub.destinations)}", markup=False)  # fmt: skip

    _run(db, model, as_of, work)


@watch_app.command("list")
def list_(db: DbOption = None, model: ModelOption = None, as_of: AsOfOption = None) -> None:
    """List the watches and digests made from the command line."""

    def work(w: object) -> None:
        subs = w.store.list(OWNER)  # type: ignore[attr-defined]
        if not subs:
            out.print('no watches yet: add one with `tpa watch add "QUESTION" --to …`')
        for s in subs:
            state = "paused" if s.paused else "active"
            what = s.question if s.kind == "watch" else f"digest for {s.role or '(default role)'}"
            out.print(f"{s.id}  {s.kind:6} {state:6} every {s.grain:4}  {what}  → "
                      f"{', '.join(str(d) for d in s.destinations)}", markup=False)  # fmt: skip

    _run(db, model, as_of, work)


def _toggle(paused: bool) -> Callable[..., None]:
    def command(sub_id: IdArgument, db: DbOption = None, model: ModelOption = None,
                as_of: AsOfOption = None) -> None:  # fmt: skip
        def work(w: object) -> None:
            sub = w.store.set_paused(sub_id, OWNER, paused)  # type: ignore[attr-defined]
            out.print(f"{sub.id} {'paused' if paused else 'resumed'}", markup=False)

        _run(db, model, as_of, work)

    return command


watch_app.command("pause", help="Stop checking a watch or digest (it is kept).")(_toggle(True))
watch_app.command("resume", help="Check a paused watch or digest again.")(_toggle(False))


@watch_app.command("delete")
def delete(sub_id: IdArgument, db: DbOption = None, model: ModelOption = None,
           as_of: AsOfOption = None) -> None:  # fmt: skip
    """Delete a watch or digest and its delivery history."""

    def work(w: object) -> None:
        w.store.delete(sub_id, OWNER)  # type: ignore[attr-defined]
        out.print(f"{sub_id} deleted", markup=False)

    _run(db, model, as_of, work)


@watch_app.command("run-due")
def run_due(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be sent; send and record nothing.")
    ] = False,
    db: DbOption = None,
    model: ModelOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Check every active watch and digest now and send what is due (for cron). Each period is
    sent once per destination, however often this runs; failed sends are retried on later runs,
    and the command exits 1 when a send failed."""

    def work(w: object) -> None:
        report = w.run_due(dry_run=dry_run)  # type: ignore[attr-defined]
        for line in report.lines:
            out.print(line, markup=False)
        if not report.lines:
            out.print("nothing is due: no active watches or digests")
        if report.failed:
            raise typer.Exit(1)

    _run(db, model, as_of, work)


__all__ = ["watch_app"]
