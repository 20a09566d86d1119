"""The evaluation suite format (docs/evals.md): a folder with `suite.yaml` and case files.

    evals/gold/suite.yaml       name, the database the cases run against, the model, as_of
    evals/gold/metrics.yaml     cases: [{id, question | turns, language, tags, expect, …}]

Everything is parsed with `extra="forbid"`, so a misspelt key is an error with its file and line,
never a silently ignored expectation.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from semantic_layer.errors import UserError
from semantic_layer.model.yaml_lines import load_located
from semantic_layer.time import Language

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Outcome = Literal["answer", "clarify", "unsupported", "clarify_or_unsupported"]
SUITE_FILE = "suite.yaml"
T = TypeVar("T", bound="Strict")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DemoDatabase(Strict):
    """A demo database the runner builds when missing (pinned, so results never drift)."""

    seed: int = 7
    as_of: date
    events: int = Field(default=200_000, ge=10_000)
    days: int = Field(default=400, ge=120, le=1500)


class SuiteSpec(Strict):
    """`suite.yaml`: what every case runs against."""

    name: Text
    description: str = ""
    demo: DemoDatabase | None = Field(default=None, description="build this demo database")
    database: Path | None = Field(default=None, description="or use this database file")
    generate: Path | None = Field(
        default=None, description="a script that builds `database` when it is missing or older"
    )
    model: Path | None = Field(default=None, description="semantic model; none = the demo model")
    as_of: date | None = Field(default=None, description="'today'; default: the demo's as_of")
    role: str | None = None
    min_accuracy: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="the accuracy `tpa eval` holds the suite to when --min-accuracy is not "
        "given (`make test`: each domain's floor, set below its measured figure)",
    )
    case_files: list[Text] | None = Field(
        default=None,
        description="the case files (default: every *.yaml of the folder but suite.yaml); a "
        "domain folder also holds its model and ingest config",
    )

    @model_validator(mode="after")
    def _one_database(self) -> SuiteSpec:
        if (self.demo is None) == (self.database is None):
            raise ValueError("give exactly one of `demo` (build a demo database) or `database`")
        if self.generate is not None and self.database is None:
            raise ValueError("`generate` builds `database`: give the database path too")
        return self


class Expect(Strict):
    """What counts as right. `outcome` answer (default) needs `sql` and/or `plan`/`kind`."""

    outcome: Outcome = "answer"
    kind: str | None = Field(default=None, description="the plan kind the answer must have")
    plan: dict[str, Any] = Field(default_factory=dict, description="plan parts that must match")
    sql: str | None = Field(default=None, description="hand-written check SQL over raw tables")
    ordered: bool = Field(default=False, description="row order matters (the question ranks)")
    rows: Literal["all", "first"] = Field(
        default="all", description="first: the check rows must be the answer's first rows"
    )
    tolerance: float = Field(default=1e-6, ge=0, le=0.5, description="relative, for numbers")

    @model_validator(mode="after")
    def _something_to_check(self) -> Expect:
        if self.outcome == "answer" and not (self.sql or self.plan or self.kind):
            raise ValueError("an expected answer needs `sql`, `plan` or `kind` to check")
        if self.outcome != "answer" and (self.sql or self.plan or self.kind):
            raise ValueError(f"outcome {self.outcome} takes no `sql`, `plan` or `kind`")
        return self


class Case(Strict):
    """One question (or conversation) and what its last answer must be."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=100)]
    question: Text | None = None
    turns: list[Text] | None = Field(default=None, min_length=2, max_length=10)
    language: Language
    tags: list[str] = Field(default_factory=list)
    expect: Expect
    known_failure: str | None = Field(default=None, description="why it fails today")
    role: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _one_question(self) -> Case:
        if (self.question is None) == (self.turns is None):
            raise ValueError("give exactly one of `question` or `turns`")
        return self

    @property
    def questions(self) -> list[str]:
        return list(self.turns) if self.turns is not None else [str(self.question)]


class CaseFile(Strict):
    cases: list[Case]


class Suite:
    """A loaded suite: its spec, its folder and every case (ids unique across files)."""

    def __init__(self, spec: SuiteSpec, root: Path, cases: list[tuple[Path, Case]]) -> None:
        self.spec, self.root, self.cases = spec, root, cases
        self.database_override: Path | None = None  # `tpa eval --db`

    @property
    def name(self) -> str:
        return self.spec.name


def load_suite(path: Path) -> Suite:
    """A suite folder (with suite.yaml), or a single case file inside one."""
    root = path if path.is_dir() else path.parent
    spec_path = root / SUITE_FILE
    if not spec_path.is_file():
        raise UserError(f"{root}: no {SUITE_FILE} here", hint="a suite is a folder with suite.yaml")
    spec = _parse(spec_path, SuiteSpec)
    if not path.is_dir():
        files = [path]
    elif spec.case_files is not None:
        files = [root / name for name in spec.case_files]
        missing = [f for f in files if not f.is_file()]
        if missing:
            raise UserError(f"{missing[0]}: a case file named in suite.yaml does not exist")
    else:
        files = sorted(p for p in root.glob("*.yaml") if p.name != SUITE_FILE)
    cases: list[tuple[Path, Case]] = []
    seen: dict[str, Path] = {}
    for file in files:
        for case in _parse(file, CaseFile).cases:
            if case.id in seen:
                raise UserError(f"{file}: case id '{case.id}' is also used in {seen[case.id]}")
            seen[case.id] = file
            cases.append((file, case))
    return Suite(spec, root, cases)


def _parse(path: Path, kind: type[T]) -> T:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}", file=path) from None
    located = load_located(text, str(path))
    if located.problems:
        problem = located.problems[0]
        raise UserError(problem.message, hint=problem.suggestion, file=path, line=problem.line)
    try:
        return kind.model_validate(located.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        line = located.line(tuple(first["loc"]))
        raise UserError(f"{where}: {first['msg']}", file=path, line=line) from None


__all__ = [
    "Case",
    "CaseFile",
    "DemoDatabase",
    "Expect",
    "Outcome",
    "Suite",
    "SuiteSpec",
    "load_suite",
]
