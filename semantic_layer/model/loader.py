"""Loading and validating a model file: every problem, with its line, in one run.

report = validate_file(path, schema=..., samples=...)   # never raises for a bad model
model = load_model(path)                                # SemanticModel, or ModelError
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from semantic_layer.errors import UserError

from .parse import parse_located
from .problems import ModelError, Problem, sort_key
from .profile import Gap
from .rules import DEFAULT_RULES, Rule, RuleContext, Samples, Schema, run_rules
from .semantic import SemanticModel
from .spec import ModelSpec
from .yaml_lines import load_located

DEMO_MODEL_PATH: Path = Path(__file__).with_name("demo.yaml")
"""The hand-written model of the demo retailer (see docs/semantic-layer.md)."""


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a model: the parsed spec (if any) and every problem."""

    file: str | None
    spec: ModelSpec | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        return self.spec is not None and not self.errors

    def model(self) -> SemanticModel:
        """The `SemanticModel`, or `ModelError` listing every error."""
        if self.spec is None or self.errors:
            raise ModelError(self.problems, self.file)
        return SemanticModel.create(self.spec, self.file, self.warnings)

    def summary(self) -> str:
        """`model OK: 30 metrics, 21 dimensions, …` or `N errors, M warnings`."""
        if not self.ok or self.spec is None:
            return f"{_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')}"
        s = self.spec
        parts = [
            _count(len(s.metrics), "metric"),
            _count(len(s.measures), "measure"),
            _count(len(s.dimensions), "dimension"),
            _count(len(s.touchpoints), "touchpoint"),
            _count(len(s.journeys), "journey"),
            *([_count(len(s.periods), "period")] if s.periods else []),
            _count(len(s.verified_queries), "verified query", "verified queries"),
            _count(len(s.policies), "role"),
        ]
        tail = f" ({_count(len(self.warnings), 'warning')})" if self.warnings else ""
        return f"model OK: {', '.join(parts)}{tail}"


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def validate_text(
    text: str,
    file: str | None = None,
    *,
    schema: Schema | None = None,
    samples: Samples | None = None,
    gaps: Sequence[Gap] | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
    lang: str = "en",
) -> ValidationReport:
    """Validate model YAML; `schema` (table → {column: type}) and `samples` (table → {column:
    values}) come from the database when there is one (see `connectors.profile`), and so do
    `gaps`, the observed times between touchpoints (for the journeys' windows). `lang` "zh"
    words the warnings about what questions cannot tell apart in Chinese."""
    located = load_located(text, file)
    problems = list(located.problems)
    if located.data is None and problems:
        return ValidationReport(file, None, tuple(problems))
    parsed = parse_located(located, file)
    problems += parsed.problems
    if parsed.spec is not None:
        ctx = RuleContext(
            spec=parsed.spec,
            file=file,
            lines=located.lines,
            where=parsed.where,
            broken=frozenset(parsed.broken),
            schema=schema,
            samples=samples,
            gaps=None if gaps is None else {g.key: g for g in gaps},
            lang=lang,
        )
        problems += run_rules(ctx, rules)
    return ValidationReport(file, parsed.spec, tuple(sorted(problems, key=sort_key)))


def validate_file(
    path: str | Path,
    *,
    schema: Schema | None = None,
    samples: Samples | None = None,
    gaps: Sequence[Gap] | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
    lang: str = "en",
) -> ValidationReport:
    """Validate a model file; a file that cannot be read raises `UserError`."""
    text = read_model_text(path)
    return validate_text(
        text, str(path), schema=schema, samples=samples, gaps=gaps, rules=rules, lang=lang
    )


def validate_spec(
    spec: ModelSpec,
    *,
    schema: Schema | None = None,
    samples: Samples | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
) -> ValidationReport:
    """Validate a model built in code (no file, so problems carry no lines)."""
    ctx = RuleContext(spec=spec, schema=schema, samples=samples)
    return ValidationReport(None, spec, tuple(sorted(run_rules(ctx, rules), key=sort_key)))


def read_model_text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(
            "model file not found", file=path, hint="check the path, or run `tpa init`"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"cannot read the model: {e}", file=path) from None


def load_model(
    path: str | Path | None = None,
    *,
    schema: Schema | None = None,
    samples: Samples | None = None,
) -> SemanticModel:
    """The model at `path` (the demo model when None), validated; `ModelError` when invalid."""
    return validate_file(path or DEMO_MODEL_PATH, schema=schema, samples=samples).model()


@functools.cache
def demo_model() -> SemanticModel:
    """The demo retailer's model (validated once per process, without a database)."""
    return load_model(DEMO_MODEL_PATH)


__all__ = [
    "DEMO_MODEL_PATH",
    "ValidationReport",
    "demo_model",
    "load_model",
    "read_model_text",
    "validate_file",
    "validate_spec",
    "validate_text",
]
