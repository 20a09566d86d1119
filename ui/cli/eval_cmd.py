"""`tpa eval`: run an evaluation suite and write its reports; or compare two runs."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from assistant.answer.model import Answer
    from assistant.llm import LlmSettings
    from evals.runner import RunResult
    from evals.suite import Case, Suite

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def eval_(
    suites: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="SUITE...",
            help="A suite folder (with suite.yaml) or one case file in it; several suites run "
            "one after another in this one process.",
        ),
    ] = None,
    backend: Annotated[
        Literal["embedded", "llm", "llm-raw-sql"],
        typer.Option(
            "--backend",
            help="embedded (the built-in planner), llm (the LLM planner over the semantic "
            "layer), or llm-raw-sql (a baseline: the LLM writes SQL from the raw tables).",
        ),
    ] = "embedded",
    *,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help="Where to write report.json, report.md, report.html (with several suites: "
            "DIR/<suite>/).",
        ),
    ] = None,
    min_accuracy: Annotated[
        float | None,
        typer.Option(
            "--min-accuracy",
            metavar="X",
            help="Exit with 1 below this accuracy (0.9 or 90); default: each suite's own "
            "`min_accuracy` in suite.yaml, if it has one.",
            show_default=False,
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option(
            "--junit",
            metavar="FILE",
            help="Also write JUnit XML for CI systems (one <testsuite> per suite).",
        ),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", min=1, max=32, help="Cases run in parallel.")] = 2,
    only: Annotated[
        str | None,
        typer.Option("--only", metavar="PATTERN", help="Run the cases whose id or tag matches."),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="Judge recorded answers instead of asking: a JSON object of case id → Answer "
            "(or a list of Answers for multi-turn cases).",
        ),
    ] = None,
    compare: Annotated[
        tuple[Path, Path] | None,
        typer.Option(
            "--compare",
            metavar="OLD.json NEW.json",
            help="Compare two report.json files: what got better and worse.",
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Show a progress bar.", show_default=False),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help="Run on this database instead of the suite's (its check queries must fit it).",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Run an evaluation suite through the assistant and report how often answers are right.

    Every case goes through the same assistant service as the API; its result is compared with
    the case's hand-written check query (numbers within a tolerance, order when it ranks), its
    plan with the expected parts, or its clarification/refusal with the expected outcome.
    Besides accuracy it reports the confidently-wrong rate: wrong answers given with no
    clarification, refusal or note. A suite may build its database with its own seeded
    generator (`generate:` in suite.yaml; see evals/domains/README.md). Reports: report.json,
    report.md and report.html in --out (default: build/evals/<suite>-<backend>). Several suites
    share one process (its imports and start-up paid once): `make eval-domains` runs the domains
    so, each held to its own `min_accuracy`.
    """
    from semantic_layer.errors import UserError

    try:
        if compare is not None:
            _compare(*compare)
            return
        if not suites:
            raise UserError("give a SUITE (e.g. evals/gold), or --compare OLD.json NEW.json")
        if len(suites) > 1 and (db is not None or answers is not None):
            raise UserError("--db and --answers belong to one suite: give one SUITE with them")
        results = [
            _run(
                suite,
                backend,
                out_dir=(out_dir / suite.name) if out_dir and len(suites) > 1 else out_dir,
                min_accuracy=min_accuracy,
                jobs=jobs,
                only=only,
                answers=answers,
                progress=progress,
                db=db,
            )
            for suite in suites
        ]
    except UserError as exc:
        err.print(f"[bold red]error:[/] {escape(exc.render())}", markup=True)
        raise typer.Exit(2) from None
    if junit is not None:
        from evals import report

        junit.parent.mkdir(parents=True, exist_ok=True)
        junit.write_text(report.junit_all([data for data, _ in results]), encoding="utf-8")
    below = [data["suite"] for data, low in results if low]
    if below:
        if len(results) > 1:
            err.print("below their minimum accuracy: " + ", ".join(below))
        raise typer.Exit(1)


def _run(
    suite_path: Path,
    backend: str,
    *,
    out_dir: Path | None,
    min_accuracy: float | None,
    jobs: int,
    only: str | None,
    answers: Path | None,
    progress: bool | None,
    db: Path | None = None,
) -> tuple[dict[str, Any], bool]:
    """Run one suite and write its reports: its report data, and whether it fell below the
    minimum accuracy (the one given, else the suite's own)."""
    from evals import report
    from evals.html import page
    from evals.suite import load_suite

    suite = load_suite(suite_path)
    if db is not None:
        suite.database_override = db
    run = _judged(suite, backend, jobs=jobs, only=only, answers=answers, progress=progress)
    data = report.to_json(run)
    folder = out_dir or Path("build") / "evals" / f"{suite.name}-{run.backend}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(report.dumps(data), encoding="utf-8")
    (folder / "report.md").write_text(report.markdown(data), encoding="utf-8")
    (folder / "report.html").write_text(page(data), encoding="utf-8")
    _print_summary(data, folder)
    given = (
        None if min_accuracy is None else min_accuracy / 100 if min_accuracy > 1 else min_accuracy
    )
    threshold = given if given is not None else suite.spec.min_accuracy
    low = threshold is not None and data["summary"]["accuracy"] < threshold
    if low:
        err.print(
            f"{suite.name}: accuracy {data['summary']['accuracy']:.1%} is below the minimum "
            f"{threshold:.1%}"
        )
    return data, low


def _judged(
    suite: Suite,
    backend: str,
    *,
    jobs: int,
    only: str | None,
    answers: Path | None,
    progress: bool | None,
) -> RunResult:
    from evals.runner import judge_recorded, run_suite

    if answers is not None:
        return judge_recorded(suite, _load_answers(answers))
    llm = _llm_settings(backend)
    chosen = [c for _, c in suite.cases if _matches(c, only)]
    show = sys.stderr.isatty() if progress is None else progress
    from rich.progress import Progress

    with Progress(console=err, disable=not show, transient=True) as bar:
        task = bar.add_task(f"{suite.name} ({backend})", total=len(chosen))
        return run_suite(
            suite, backend=backend, jobs=jobs, llm=llm,
            progress=lambda: bar.advance(task), only=lambda c: _matches(c, only),
        )  # fmt: skip


def _matches(case: Case, only: str | None) -> bool:
    from fnmatch import fnmatch

    return only is None or fnmatch(case.id, only) or any(fnmatch(t, only) for t in case.tags)


def _llm_settings(backend: str) -> LlmSettings | None:
    if backend == "embedded":
        return None
    from assistant.llm import LlmSettings
    from semantic_layer.errors import UserError

    settings = LlmSettings.from_env(dict(os.environ))
    if settings is None:
        raise UserError(
            f"--backend {backend} needs an LLM: set TPA_LLM_BASE_URL and TPA_LLM_MODEL "
            "(and TPA_LLM_API_KEY)"
        )
    return settings


def _load_answers(path: Path) -> dict[str, list[Answer]]:
    from assistant.answer.model import Answer
    from semantic_layer.errors import UserError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            case: [
                Answer.model_validate(a) for a in (value if isinstance(value, list) else [value])
            ]
            for case, value in data.items()
        }
    except (OSError, ValueError, AttributeError) as exc:
        raise UserError(f"{path}: not a file of recorded answers ({exc})", file=path) from None


def _print_summary(data: dict[str, Any], folder: Path) -> None:
    s = data["summary"]
    out.print(
        f"{data['suite']} ({data['backend']}): accuracy {s['accuracy']:.1%} "
        f"({s['correct']}/{s['cases']}); latency median {s['latency_ms']['median']} ms, "
        f"p95 {s['latency_ms']['p95']} ms; tokens {s['tokens']['total']}"
    )
    for lang, v in s["by_language"].items():
        out.print(f"  {lang}: {v['accuracy']:.1%} ({v['correct']}/{v['cases']})")
    wrong = {k: v for k, v in s["judgements"].items() if k != "correct" and v}
    if wrong:
        out.print("  wrong: " + ", ".join(f"{k} {v}" for k, v in wrong.items()))
    sure = s.get("confidently_wrong")
    if sure is not None:
        out.print(
            f"  confidently wrong: {sure['rate']:.1%} ({sure['count']}/{sure['answerable']} "
            "answerable cases wrong with no clarification, refusal or note)"
        )
    if s["unexpected_passes"]:
        out.print("  known failures now passing: " + ", ".join(s["unexpected_passes"]))
    out.print(f"reports: {folder}/report.html, report.md, report.json")


def _compare(old: Path, new: Path) -> None:
    from evals.compare_runs import compare, load_report, render

    out.print(render(compare(load_report(old), load_report(new))), markup=False)


__all__ = ["eval_"]
