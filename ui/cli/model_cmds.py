"""`tpa validate` and `tpa init`: check a semantic model, or propose one from the data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ui.cli.options import DbOption, default_db

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--model",
        envvar="TPA_MODEL",
        metavar="PATH",
        help="Semantic model file. [default: the demo model]",
        show_default=False,
        dir_okay=False,
    ),
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True)
    return typer.Exit(code)


def _database(db: Path | None) -> Path | None:
    """The database to check against: --db / TPA_DB (must exist), else the demo one if built."""
    if db is not None:
        if not db.is_file():
            raise _fail(f"{db}: database not found")
        return db
    demo = default_db()
    return demo if demo.is_file() else None


def validate(
    model_file: Annotated[
        Path | None,
        typer.Argument(
            metavar="MODEL",
            help="Model file to check. [default: --model / TPA_MODEL, else the demo model]",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    model: ModelOption = None,
    db: DbOption = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            help="Language of the warnings about words naming two things, values and journey "
            "windows: en or zh.",
        ),
    ] = "en",
) -> None:
    """Check a semantic model: every problem, with file:line and a suggestion.

    Columns and values are checked against the database when there is one (--db, TPA_DB, or the
    demo database if it has been built), and so are the journeys' windows (against the time
    people take from the first step to the last). Exits 1 when there are errors; warnings do not
    fail.
    """
    from connectors.profile import ProfileError, journey_gaps, profile_database
    from semantic_layer.errors import UserError
    from semantic_layer.model import DEMO_MODEL_PATH, validate_file

    if lang not in ("en", "zh"):
        raise _fail(f"--lang must be en or zh, not '{lang}'")
    path = model_file or model or DEMO_MODEL_PATH
    if os.environ.get("TPA_ENGINE", "duckdb").strip().lower() not in ("", "duckdb"):
        _validate_in_engine(path, db)
        return
    database = _database(db)
    try:
        profile = profile_database(database, touchpoints=False) if database else None
        report = validate_file(
            path,
            schema=profile.schema() if profile else None,
            samples=profile.samples() if profile else None,
            lang=lang,
        )
        if database is not None and profile is not None and report.spec is not None:
            pairs = [(j.steps[0], j.steps[-1]) for j in report.spec.journeys]
            report = validate_file(
                path,
                schema=profile.schema(),
                samples=profile.samples(),
                gaps=journey_gaps(database, pairs),
                lang=lang,
            )
    except (UserError, ProfileError) as e:
        raise _fail(str(e)) from None
    for problem in report.problems:
        out.print(str(problem))
    if database is None:
        out.print("note: columns were not checked (no database: pass --db PATH)")
    else:
        out.print(f"checked against {database}")
    out.print(report.summary() if report.ok else f"{path}: {report.summary()}")
    if not report.ok:
        raise typer.Exit(1)


def _validate_in_engine(path: Path, db: Path | None) -> None:
    """`tpa validate` against the tables of `TPA_ENGINE` at `TPA_ENGINE_URL` (or --db): columns
    and types are checked; values are sampled only from DuckDB databases."""
    from assistant.config import AssistantConfig
    from connectors.engine import EngineError
    from connectors.engines import open_engine
    from semantic_layer.errors import UserError
    from semantic_layer.model import validate_file

    try:
        config = AssistantConfig.from_env(db=db)
        engine = open_engine(config.engine, config.db)
        try:
            schema = engine.schema()
        finally:
            engine.close()
        report = validate_file(path, schema=schema, samples=None)
    except (UserError, EngineError) as e:
        raise _fail(str(e)) from None
    for problem in report.problems:
        out.print(str(problem))
    out.print(f"checked against {config.engine} at {config.db} (columns and types)")
    out.print(report.summary() if report.ok else f"{path}: {report.summary()}")
    if not report.ok:
        raise typer.Exit(1)


def init(
    out_file: Annotated[
        Path,
        typer.Option("--out", metavar="PATH", help="Where to write the model.", dir_okay=False),
    ] = Path("model.yaml"),
    db: DbOption = None,
    name: Annotated[
        str, typer.Option(metavar="NAME", help="The model's name (letters, digits, _).")
    ] = "my_model",
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the file if it exists.")
    ] = False,
) -> None:
    """Propose a semantic model from the data in the database; review it, then `tpa validate`.

    Tables, dimensions from low-cardinality columns with their values, touchpoints with a guessed
    stage, a default journey in the order people usually go, and the standard metrics the tables
    allow (reach, conversion, revenue, CSAT, NPS, response times, ROI…).
    """
    from connectors.profile import ProfileError, profile_database
    from semantic_layer.model import validate_spec
    from semantic_layer.model.propose import propose_model

    if out_file.exists() and not force:
        raise _fail(f"{out_file} already exists (use --force to overwrite it)")
    database = db or default_db()
    try:
        profile = profile_database(database)
        proposal = propose_model(profile, name=name, source=str(database))
    except ProfileError as e:
        raise _fail(str(e)) from None
    except ValueError as e:
        raise _fail(f"cannot propose a model: {e}") from None
    report = validate_spec(proposal.spec, schema=profile.schema(), samples=profile.samples())
    if not report.ok:
        for problem in report.errors:
            err.print(str(problem))
        raise _fail("the proposed model does not validate (a bug: please report it)", 1)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(proposal.text, encoding="utf-8")
    out.print(f"wrote {out_file}: {report.summary().removeprefix('model OK: ')}")
    for note in proposal.notes:
        out.print(f"  - {note}")
    out.print(f"next: review it, then `tpa validate {out_file} --db {database}`")


__all__ = ["ModelOption", "init", "validate"]
