"""Run a suite: every case through the same `AssistantService` the API uses, then judge.

The database is the suite's (a pinned demo database is built on first use under the suite's
`.cache/`). Each case starts a new session and asks its turns in order; the last answer is judged
against the check query's rows, run on the same read-only engine. Cases run in parallel threads
(the service is thread-safe: one engine cursor per thread, one session store lock).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from filelock import FileLock

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from connectors.engine import Engine, EngineError
from evals.judge import Expected, Verdict, judge
from evals.suite import Case, Suite
from semantic_layer.errors import UserError

MAX_ROWS_KEPT = 20  # rows of each side kept in the report
Progress = Callable[[], None]


@dataclass
class CaseResult:
    """One case's outcome, as the reports show it."""

    case: Case
    file: str
    verdict: Verdict
    answers: list[Answer]
    expected: Expected | None
    ms: list[float] = field(default_factory=list)

    @property
    def answer(self) -> Answer:
        return self.answers[-1]

    @property
    def tokens(self) -> int:
        return sum(a.timings.tokens for a in self.answers)


@dataclass
class RunResult:
    suite: str
    backend: str
    as_of: date
    database: str
    started: float
    seconds: float
    results: list[CaseResult]

    def latencies(self) -> list[float]:
        return [ms for r in self.results for ms in r.ms]

    def median_ms(self) -> float:
        values = self.latencies()
        return statistics.median(values) if values else 0.0

    def p95_ms(self) -> float:
        values = sorted(self.latencies())
        return values[min(len(values) - 1, int(0.95 * len(values)))] if values else 0.0


def database_for(suite: Suite) -> Path:
    """The suite's database: its file, or its pinned demo database (built when missing). A build
    holds `.cache/build.lock` in the suite folder: a second run at the same time (another `tpa
    eval`, a parallel test) waits for it and then uses the finished file."""
    if suite.database_override is not None:
        if not suite.database_override.is_file():
            raise UserError(f"{suite.database_override}: database not found")
        return suite.database_override
    if suite.spec.demo is None and suite.spec.generate is None:
        return _built_database(suite)  # nothing to build
    (suite.root / ".cache").mkdir(parents=True, exist_ok=True)
    with FileLock(str(suite.root / ".cache" / "build.lock")):
        return _built_database(suite)


def _built_database(suite: Suite) -> Path:
    spec = suite.spec
    if spec.database is not None:
        path = spec.database if spec.database.is_absolute() else suite.root / spec.database
        if spec.generate is not None:
            _generate(suite.root / spec.generate, path)
        if not path.is_file():
            raise UserError(
                f"{path}: the suite's database does not exist", file=suite.root / "suite.yaml"
            )
        return path
    assert spec.demo is not None
    demo = spec.demo
    path = suite.root / ".cache" / f"demo-{demo.seed}-{demo.as_of}-{demo.events}-{demo.days}.duckdb"
    from connectors.demo import build_demo, existing_demo

    if (
        existing_demo(path, as_of=demo.as_of, seed=demo.seed, events=demo.events, days=demo.days)
        is None
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo(path, as_of=demo.as_of, seed=demo.seed, events=demo.events, days=demo.days)
    return path


def _generate(script: Path, database: Path) -> None:
    """Run the suite's seeded generator when its database is missing or older than the script."""
    if not script.is_file():
        raise UserError(f"{script}: the suite's generator does not exist")
    if database.is_file() and database.stat().st_mtime >= script.stat().st_mtime:
        return
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_suffix(".partial.duckdb")
    partial.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, str(script), str(partial)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0 or not partial.is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise UserError(f"{script}: building the database failed: {tail[0]}")
    partial.replace(database)


def model_for(suite: Suite) -> Path | None:
    """The suite's semantic model (relative to the suite folder), or None for the demo model."""
    model = suite.spec.model
    if model is None:
        return None
    return model if model.is_absolute() else suite.root / model


def as_of_for(suite: Suite) -> date:
    spec = suite.spec
    if spec.as_of is not None:
        return spec.as_of
    if spec.demo is not None:
        return spec.demo.as_of
    raise UserError("the suite needs `as_of` (results must not drift with the calendar)")


@contextmanager
def _service(suite: Suite, db: Path, backend: str, llm: Any) -> Iterator[AssistantService]:
    with tempfile.TemporaryDirectory(prefix="tpa-eval-") as home:
        config = AssistantConfig.from_env(
            {"TPA_RETRIEVAL": os.environ.get("TPA_RETRIEVAL", "")},  # `TPA_RETRIEVAL=off tpa eval`
            db=db, model=model_for(suite), as_of=as_of_for(suite), home=Path(home), llm=llm,
            index_dir=suite.root / ".cache" / "index",  # reused between runs; sessions are not
            lazy_index=True,  # the model's items are indexed only if a paraphrase search needs them
            items_on_demand=True,
        )  # fmt: skip
        with AssistantService.open(config) as service:
            yield service


def run_suite(
    suite: Suite,
    *,
    backend: str = "embedded",
    jobs: int = 2,
    llm: Any = None,
    progress: Progress | None = None,
    only: Callable[[Case], bool] | None = None,
) -> RunResult:
    """Run every (selected) case and judge it."""
    db = database_for(suite)
    today = as_of_for(suite)
    started = time.time()
    chosen = [(f, c) for f, c in suite.cases if only is None or only(c)]
    with _service(suite, db, backend, llm) as service:
        checker = Engine(db, timeout_s=60, row_cap=100_000)

        def one(item: tuple[Path, Case]) -> CaseResult:
            file, case = item
            role = case.role or suite.spec.role
            result = run_case(
                service,
                checker,
                case=case,
                file=str(file.name),
                backend=backend,
                today=today,
                role=role,
            )
            if progress is not None:
                progress()
            return result

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(one, chosen))
        checker.close()
    return RunResult(suite.name, backend, today, str(db), started, time.time() - started, results)


def run_case(
    service: AssistantService,
    checker: Engine,
    *,
    case: Case,
    file: str,
    backend: str,
    today: date,
    role: str | None = None,
) -> CaseResult:
    """Ask the case's turns in one session and judge the last answer."""
    answers: list[Answer] = []
    ms: list[float] = []
    session: str | None = None
    for question in case.questions:
        started = time.perf_counter()
        answer = service.ask(question, session_id=session, role=role, backend=backend)  # type: ignore[arg-type]
        ms.append((time.perf_counter() - started) * 1000)
        answers.append(answer)
        session = answer.session_id
    expected, failure = _expected(checker, case)
    if failure is not None:
        return CaseResult(case, file, failure, answers, None, ms)
    return CaseResult(case, file, judge(case, answers[-1], expected, today), answers, expected, ms)


def judge_recorded(
    suite: Suite, answers: dict[str, list[Answer]], *, backend: str = "recorded"
) -> RunResult:
    """Judge answers recorded elsewhere (case id → its answers, the last one judged): a way to
    score another system, or an earlier run, on the same cases and check queries."""
    db = database_for(suite)
    today = as_of_for(suite)
    started = time.time()
    results: list[CaseResult] = []
    with Engine(db, timeout_s=60, row_cap=100_000) as checker:
        for file, case in suite.cases:
            recorded = answers.get(case.id)
            if not recorded:
                raise UserError(f"no recorded answer for case '{case.id}'")
            expected, failure = _expected(checker, case)
            verdict = failure or judge(case, recorded[-1], expected, today)
            ms = [a.timings.total_ms for a in recorded]
            results.append(CaseResult(case, file.name, verdict, recorded, expected, ms))
    return RunResult(suite.name, backend, today, str(db), started, time.time() - started, results)


def _expected(checker: Engine, case: Case) -> tuple[Expected | None, Verdict | None]:
    if not case.expect.sql:
        return None, None
    try:
        result = checker.run(case.expect.sql)
    except EngineError as exc:
        return None, Verdict("error", f"the check query fails: {exc}")
    return Expected(result.columns, tuple(tuple(r) for r in result.rows)), None


__all__ = [
    "CaseResult",
    "RunResult",
    "as_of_for",
    "database_for",
    "judge_recorded",
    "run_case",
    "run_suite",
]
