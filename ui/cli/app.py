"""`tpa` commands. Each one is thin: parse options, call one function of a lower layer, print."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ui.cli import ask_cmd, eval_cmd, examples_cmd, model_cmds, serve_cmd, watch_cmd
from ui.cli.options import AsOfOption, DbOption, default_db, today
from ui.cli.serve_cmd import HostOption, PortOption

if TYPE_CHECKING:
    from semantic_layer.model.spec import ModelSpec

TargetEngineOption = Annotated[
    str | None,
    typer.Option(
        "--engine",
        metavar="ENGINE",
        help="Also write the tables into this engine's store: clickhouse (a chdb folder) or "
        "spark (a folder of Parquet tables); needs --to.",
    ),
]
TargetOption = Annotated[
    Path | None,
    typer.Option(
        "--to",
        metavar="FOLDER",
        help="The engine's store to write (--engine); its tables are replaced all at once.",
        file_okay=False,
    ),
]

app = typer.Typer(
    name="tpa",
    help="Touchpoint Assistant: ask about customer touchpoints in English or Chinese.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

ProgressOption = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Show a progress bar. [default: when the terminal is interactive]",
        show_default=False,
    ),
]


def _progress(flag: bool | None) -> bool:
    return sys.stderr.isatty() if flag is None else flag


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a person-readable error and return the exit to raise."""
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, soft_wrap=True)
    return typer.Exit(code)


@app.command()
def demo(
    db: DbOption = None,
    as_of: AsOfOption = None,
    *,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only build the data; do not start the server.")
    ] = False,
    events: Annotated[
        int,
        typer.Option(
            min=10_000,
            metavar="N",
            help="About how many events to generate (up to 100M for benchmarks).",
        ),
    ] = 1_000_000,
    seed: Annotated[
        int,
        typer.Option(
            metavar="N", help="Random seed; the same seed and --as-of give the same data."
        ),
    ] = 7,
    days: Annotated[
        int,
        typer.Option(
            min=120, max=1500, metavar="N", help="How many days of history, ending yesterday."
        ),
    ] = 400,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild", help="Build again even if the database already matches these settings."
        ),
    ] = False,
    progress: ProgressOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 7860,
) -> None:
    """Build the demo dataset (a seeded omnichannel retailer) into data/demo.duckdb, then serve
    the chat and the API on http://127.0.0.1:7860 (unless --no-serve).

    The data ends yesterday relative to today (or --as-of), so "last week" always has data. The
    retrieval index of the demo model is built next to it (data/demo.duckdb.index/). With
    --no-serve it only builds and prints a summary; ask with `tpa ask "…"`.
    """
    from connectors.demo import build_demo, existing_demo

    path = db or default_db()
    day = today(as_of)
    summary = (
        None if rebuild else existing_demo(path, as_of=day, seed=seed, events=events, days=days)
    )
    if summary is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        summary = build_demo(
            path, as_of=day, seed=seed, events=events, days=days, progress=_progress(progress)
        )
    else:
        out.print(f"{path} already holds this dataset (use --rebuild to build it again).")
    for line in summary.lines():
        out.print(line)
    _build_index(path)
    if not no_serve:
        from ui.cli.serve_cmd import run_server

        run_server(host, port, db=path, model=None, as_of=day)


def _build_index(db: Path) -> None:
    """The retrieval index of the demo model, named after the database (built once, then reused)."""
    from assistant.config import index_path
    from assistant.retrieval import Retriever
    from semantic_layer.model import demo_model

    path = index_path(db)
    with Retriever.open(path, demo_model()) as retriever:
        report = retriever.report
    state = "built" if report.rebuilt else "up to date"
    out.print(f"retrieval index {path}: {state} ({report.seconds:.1f} s)")


@app.command()
def ingest(
    config: Annotated[
        Path,
        typer.Argument(
            metavar="CONFIG.yaml",
            help="Ingest configuration: sources and how they map to tables.",
            dir_okay=False,
        ),
    ],
    *,
    db: DbOption = None,
    model: model_cmds.ModelOption = None,
    progress: ProgressOption = None,
    engine: TargetEngineOption = None,
    to: TargetOption = None,
) -> None:
    """Load your sources (CSV, Parquet, JSON Lines, DuckDB, SQLite) into the canonical tables.

    Identifiers are stitched into one user_id per person; rows that cannot be accepted go to the
    `quarantine` table with the reason. Re-running with the same sources gives the same tables, and
    a failure half way leaves the previous tables as they were. With --engine clickhouse|spark
    --to PATH the tables (and `_tpa_meta`, `_tpa_loads`) are then written into that engine's
    store: a chdb folder, or a folder of Parquet tables for Spark. With --model (or TPA_MODEL)
    the database also gets the per-conversion table of the model's attribution (its purchase
    touchpoint and lookback), which every later load keeps current. See docs/ingest.md and
    docs/engines.md.
    """
    from connectors.ingest import IngestError
    from connectors.ingest import ingest as run_ingest

    _check_target(engine, to)
    spec = _attribution_model(model)  # a bad model fails before anything is loaded
    try:
        report = run_ingest(config, db, progress=_progress(progress))
    except IngestError as exc:
        raise fail(str(exc)) from None
    for line in report.lines():
        out.print(line)
    if spec is not None:
        _attribution_table(report.database, spec)
    if engine is not None and to is not None:
        _publish(report.database, engine, to)


def _attribution_model(path: Path | None) -> ModelSpec | None:
    """The model at `path` when it names a purchase touchpoint and reads the canonical events
    (else no per-conversion table would ever be read); `fail` when it is not a valid model."""
    if path is None:
        return None
    from semantic_layer.compile.aggregates import canonical_events
    from semantic_layer.model import ModelError, load_model

    try:
        spec = load_model(path).spec
    except ModelError as exc:
        raise fail(f"{path}: {exc}") from None
    if spec.settings.purchase_touchpoint is None or not canonical_events(spec):
        return None
    return spec


def _attribution_table(database: Path, spec: ModelSpec) -> None:
    """Give `database` the per-conversion table of the model's default attribution."""
    from connectors.aggregates import ensure
    from semantic_layer.compile.touches import model_key

    key = model_key(spec)
    assert key is not None
    where = (
        f"{key.conversion_touchpoint}, {key.lookback_days}-day lookback, "
        f"{key.half_life_days:g}-day half-life"
    )
    if ensure(database, spec):
        out.print(f"attribution pre-aggregate ({where}): current")
    else:
        out.print(
            f"attribution pre-aggregate ({where}): not built ({database} could not be written)"
        )


@app.command()
def export(
    parquet: Annotated[
        Path,
        typer.Option(
            "--parquet",
            metavar="DIR",
            help="Folder to write <table>.parquet files into.",
            file_okay=False,
        ),
    ],
    db: DbOption = None,
    engine: TargetEngineOption = None,
    to: TargetOption = None,
) -> None:
    """Write every canonical table of the database as Parquet, for another engine's loader.

    `tpa export --parquet out/ --engine clickhouse --to data/demo.chdb` then
    `TPA_ENGINE=clickhouse TPA_ENGINE_URL=data/demo.chdb tpa ask …`. See docs/engines.md.
    """
    from connectors.engines import export_parquet

    database = db or default_db()
    if not database.is_file():
        raise fail(f"database file {database} does not exist (build it with `tpa demo`)")
    _check_target(engine, to)
    files = export_parquet(database, parquet)
    out.print(f"wrote {len(files)} tables to {parquet}")
    if engine is not None and to is not None:
        _publish(database, engine, to)


def _check_target(engine: str | None, to: Path | None) -> None:
    from connectors.engines.publish import TARGETS

    if engine is None:
        if to is not None:
            raise fail("--to needs --engine clickhouse or --engine spark")
        return
    if engine not in TARGETS:
        raise fail(f"unknown engine '{engine}': use {' or '.join(TARGETS)}")
    if to is None:
        what = "the chdb database folder" if engine == "clickhouse" else "the Parquet folder"
        raise fail(f"--engine {engine} needs --to FOLDER ({what} to write)")
    if "://" in str(to):
        raise fail(
            "--to is a local folder: the assistant's server accounts are read-only, so load a "
            "server with its own loader from `tpa export --parquet DIR` (docs/engines.md)"
        )


def _publish(database: Path, engine: str, to: Path) -> None:
    """The DuckDB file's tables into `engine`'s store at `to` (all or nothing)."""
    from connectors.engine import EngineError
    from connectors.engines.publish import publish

    try:
        names = publish(database, engine, to)
    except EngineError as exc:
        raise fail(exc.message) from None
    store = "ClickHouse (chdb)" if engine == "clickhouse" else "Spark (Parquet tables)"
    out.print(f"loaded {len(names)} tables into {store} at {to}")


app.command()(ask_cmd.ask)
app.command()(serve_cmd.serve)
app.command(name="eval")(eval_cmd.eval_)
app.command()(model_cmds.validate)
app.command()(model_cmds.init)
app.add_typer(watch_cmd.watch_app, name="watch")
app.add_typer(examples_cmd.examples)
