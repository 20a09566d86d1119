"""`tpa validate` and `tpa init`: check a semantic model, or propose one from the data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from semantic_layer.phrasebook import CATALOGUES

if TYPE_CHECKING:
    from connectors.engines import Engine
    from connectors.profile_source import Source
    from semantic_layer.model import DataProfile
    from semantic_layer.model.propose import Proposal

from ui.cli.options import DbOption, EngineOption, EngineUrlOption, default_db

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
    *,
    model: ModelOption = None,
    db: DbOption = None,
    engine: EngineOption = None,
    url: EngineUrlOption = None,
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
    people take from the first step to the last). With --engine clickhouse|spark (TPA_ENGINE)
    the tables are read in that engine at --url (TPA_ENGINE_URL). Exits 1 when there are
    errors; warnings do not fail.
    """
    from connectors.profile import ProfileError, journey_gaps, profile_database
    from semantic_layer.errors import UserError
    from semantic_layer.model import DEMO_MODEL_PATH, validate_file

    if lang not in CATALOGUES:
        raise _fail(f"--lang must be {' or '.join(CATALOGUES)}, not '{lang}'")
    path = model_file or model or DEMO_MODEL_PATH
    if (engine or "duckdb").strip().lower() != "duckdb":
        _validate_in_engine(path, engine or "", url, lang)
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
            pairs = [j.steps for j in report.spec.journeys]
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


def _propose(
    profile: DataProfile, src: Path | Source, name: str, where: str
) -> tuple[DataProfile, Proposal]:
    """The proposal, its journeys' windows from the time people take through their steps in
    order (measured once the steps are known)."""
    from connectors.profile import journey_gaps
    from semantic_layer.model.propose import propose_model

    proposal = propose_model(profile, name=name, source=where)
    along = journey_gaps(src, [j.steps for j in proposal.spec.journeys])
    if not along:
        return profile, proposal
    profile = replace(profile, gaps=(*profile.gaps, *along))
    return profile, propose_model(profile, name=name, source=where)


def _validate_in_engine(path: Path, engine: str, url: str | None, lang: str) -> None:
    """`tpa validate` against the tables of `engine` at `url`: columns, types (the engine's
    describe, in neutral form), values and journey windows, as for a DuckDB file."""
    from connectors.profile import ProfileError, journey_gaps, profile_engine
    from connectors.profile_source import EngineSource
    from semantic_layer.errors import UserError
    from semantic_layer.model import validate_file

    with _engine(engine, url) as (opened, where):
        try:
            profile = profile_engine(opened, where, touchpoints=False)
            report = validate_file(
                path, schema=profile.schema(), samples=profile.samples(), lang=lang
            )
            if report.spec is not None and report.spec.journeys:
                pairs = [j.steps for j in report.spec.journeys]
                gaps = journey_gaps(EngineSource(opened, where), pairs)
                report = validate_file(
                    path,
                    schema=profile.schema(),
                    samples=profile.samples(),
                    gaps=gaps,
                    lang=lang,
                )
        except (UserError, ProfileError) as e:
            raise _fail(str(e)) from None
    for problem in report.problems:
        out.print(str(problem))
    out.print(f"checked against {where}")
    out.print(report.summary() if report.ok else f"{path}: {report.summary()}")
    if not report.ok:
        raise typer.Exit(1)


@contextmanager
def _engine(kind: str, url: str | None) -> Iterator[tuple[Engine, str]]:
    """The engine `kind` at `url` (a folder, or a server URL), opened for profiling, and a name
    for it in messages."""
    from assistant.config import AssistantConfig
    from connectors.engine import EngineError
    from connectors.engines import open_engine
    from semantic_layer.errors import UserError

    env = {"TPA_ENGINE": kind, **({"TPA_ENGINE_URL": url} if url else {})}
    try:
        config = AssistantConfig.from_env({**os.environ, **env})
        opened = open_engine(
            config.engine, config.db, server=config.server, timeout_s=600, row_cap=1_000_000
        )
    except (UserError, EngineError) as e:
        raise _fail(str(e)) from None
    try:
        yield opened, f"{config.engine} at {config.server or config.db}"
    finally:
        opened.close()


def init(
    out_file: Annotated[
        Path,
        typer.Option("--out", metavar="PATH", help="Where to write the model.", dir_okay=False),
    ] = Path("model.yaml"),
    *,
    db: DbOption = None,
    name: Annotated[
        str, typer.Option(metavar="NAME", help="The model's name (letters, digits, _).")
    ] = "my_model",
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the file if it exists.")
    ] = False,
    engine: EngineOption = None,
    url: EngineUrlOption = None,
) -> None:
    """Propose a semantic model from the data in the database; review it, then `tpa validate`.

    Tables, dimensions from low-cardinality columns with their values, touchpoints with a stage
    from their words and their position in people's paths, a journey for each large group of
    people (the default one the path most people follow, failures and side steps left out), and
    the standard metrics the tables allow (reach, conversion, revenue, CSAT, NPS, response
    times, ROI…). Ids in pinyin or codes are left for you to label. With --engine
    clickhouse|spark (TPA_ENGINE) the tables are profiled in that engine at --url
    (TPA_ENGINE_URL).
    """
    from connectors.profile import ProfileError, profile_database, profile_engine
    from connectors.profile_source import EngineSource
    from semantic_layer.model import validate_spec

    if out_file.exists() and not force:
        raise _fail(f"{out_file} already exists (use --force to overwrite it)")
    database = db or default_db()
    in_engine = (engine or "duckdb").strip().lower() != "duckdb"
    try:
        if in_engine:
            with _engine(engine or "", url) as (opened, where):
                profile = profile_engine(opened, where)
                profile, proposal = _propose(profile, EngineSource(opened, where), name, where)
        else:
            profile, where = profile_database(database), str(database)
            profile, proposal = _propose(profile, database, name, where)
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
    then = f"--engine {engine} --url {url}" if in_engine and url else f"--db {database}"
    out.print(f"next: review it, then `tpa validate {out_file} {then}`")


__all__ = ["ModelOption", "init", "validate"]
