"""The ingest config: YAML parsed into pydantic models, every error located at its YAML line."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from semantic_layer.errors import Problem
from semantic_layer.model.yaml_lines import Loc, LocatedYaml, load_located, nearest_line

from ..canonical import TABLES, Table
from .errors import IngestError, did_you_mean

Format = Literal["csv", "parquet", "jsonl", "duckdb", "sqlite"]
Scalar = str | int | float | bool | None

# Targets a source may load: the canonical tables, or identity_links for a links-only source.
TARGETS: tuple[str, ...] = tuple(TABLES)
TIME_TYPES = ("TIMESTAMP", "DATE")
DEFAULT_TS = "*"  # key of the timestamp rule that applies to every time column


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnSpec(_Model):
    """Where a target column comes from: a source `column`, or a constant `value`."""

    column: str | None = None
    value: Scalar = None
    type: str | None = Field(default=None, description="DuckDB type of an extra column")
    scale: float | None = Field(
        default=None, description="multiply a numeric column by this (0.01: cents to units)"
    )

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        return {"column": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _one_of(self) -> ColumnSpec:
        given = {"column", "value"} & self.model_fields_set
        if len(given) != 1:
            raise ValueError(
                "give either `column: SOURCE_COLUMN` or `value: CONSTANT` (one of them)"
            )
        return self

    @property
    def is_constant(self) -> bool:
        return "value" in self.model_fields_set


class TimestampSpec(_Model):
    """How to read a time column: formats tried in order (strptime), and the source's timezone."""

    formats: tuple[str, ...] = ()
    timezone: str | None = None


class SourceConfig(_Model):
    """One source: files (`path`) or a table of another database (`database` + `source_table`)."""

    name: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")
    table: str
    path: str | None = None
    database: str | None = None
    source_table: str | None = None
    format: Format | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header: bool = True
    columns: dict[str, ColumnSpec] = Field(default_factory=dict)
    values: dict[str, dict[str, Scalar]] = Field(default_factory=dict)
    timestamps: dict[str, TimestampSpec] = Field(default_factory=dict)
    identifiers: dict[str, str] = Field(default_factory=dict)

    @field_validator("timestamps", mode="before")
    @classmethod
    def _default_timestamps(cls, value: Any) -> Any:
        """`timestamps: {formats, timezone}` is the rule for every time column."""
        if isinstance(value, dict) and ({"formats", "timezone"} & set(value)):
            if set(value) - {"formats", "timezone"}:
                raise ValueError(
                    "either one rule {formats, timezone} for every time column or one rule "
                    "per column ({ts: {formats: …}}), not both"
                )
            return {DEFAULT_TS: value}
        return value

    @property
    def target(self) -> Table:
        return TABLES[self.table]

    def identifier_columns(self) -> dict[str, str]:
        """Identifier kind → source column; a mapped `user_id` column is the kind `user_id`."""
        found = dict(self.identifiers)
        spec = self.columns.get("user_id")
        if spec is not None and spec.column is not None:
            found["user_id"] = spec.column
        return found

    def timestamp_spec(self, column: str) -> TimestampSpec:
        return self.timestamps.get(column) or self.timestamps.get(DEFAULT_TS) or TimestampSpec()


class IngestConfig(_Model):
    """A whole ingest config (see docs/ingest.md)."""

    database: str | None = None
    timezone: str
    sources: list[SourceConfig] = Field(min_length=1)
    _path: Path = PrivateAttr(default=Path("ingest.yaml"))
    _lines: dict[Loc, int] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> Path:
        """The config file; relative paths in it are relative to its folder."""
        return self._path

    def line(self, loc: Loc) -> int | None:
        """The YAML line of the value at `loc` (or of its closest ancestor)."""
        return nearest_line(self._lines, loc)

    def source_error(self, index: int, key: str, message: str, hint: str = "") -> IngestError:
        """An error about source `index`, located at its `key` in the config."""
        name = self.sources[index].name
        return IngestError.at(
            self._path, f"source '{name}': {message}", hint, self.line(("sources", index, key))
        )

    def resolve(self, relative: str) -> Path:
        p = Path(relative).expanduser()
        return p if p.is_absolute() else (self._path.parent / p)


def load_config(path: Path | str) -> IngestConfig:
    """Read and check an ingest config; raise `IngestError` listing every problem with its line."""
    path = Path(path)
    doc = _read_yaml(path)
    if not isinstance(doc.data, dict):
        raise IngestError.at(
            path,
            "the config must be a mapping with `timezone` and `sources`",
            "see docs/ingest.md",
            1,
        )
    try:
        config = IngestConfig.model_validate(doc.data)
    except ValidationError as e:
        raise IngestError(_problems(e, doc, path)) from None
    config._path = path
    config._lines = doc.lines
    from .config_rules import check_config  # rules import the models defined here

    problems = [Problem(msg, hint, path, doc.line(loc)) for loc, msg, hint in check_config(config)]
    if problems:
        raise IngestError(problems)
    return config


def _read_yaml(path: Path) -> LocatedYaml:
    """The config's YAML with its lines; `IngestError` at the first YAML problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise IngestError.at(path, "config file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise IngestError.at(path, f"cannot read the config: {e}") from None
    doc = load_located(
        text,
        str(path),
        keys_as_written=True,  # value maps match source text exactly
        syntax_hint="check indentation and quoting",
        duplicate_hint="keep only one",
    )
    if doc.problems:
        first = doc.problems[0]
        raise IngestError.at(path, first.message, first.suggestion, first.line)
    if () not in doc.lines:  # no document at all, only blanks or comments
        raise IngestError.at(path, "the config is empty", "see docs/ingest.md")
    return doc


def describe_loc(loc: Loc, data: Any = None) -> str:
    """`source 'web', columns.ts` (or `sources[0]…` when the source has no name yet)."""
    prefix, rest = "", list(loc)
    if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
        name = _source_name(data, loc[1])
        prefix = f"source '{name}'" if name else f"sources[{loc[1]}]"
        rest = rest[2:]
    text = ""
    for part in rest:
        if part != DEFAULT_TS:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"{prefix}, {text}" if prefix and text else (prefix or text)


def _source_name(data: Any, index: int) -> str | None:
    sources = data.get("sources") if isinstance(data, dict) else None
    if isinstance(sources, list) and index < len(sources) and isinstance(sources[index], dict):
        name = sources[index].get("name")
        return str(name) if name else None
    return None


def _problems(error: ValidationError, doc: LocatedYaml, path: Path) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = tuple(p for p in item["loc"] if isinstance(p, str | int) and not _is_branch(p))
        message, hint = item["msg"], ""
        where = describe_loc(loc, doc.data)
        if item["type"] == "extra_forbidden":
            model = _model_at(IngestConfig, loc[:-1])
            message, where = f"unknown key '{loc[-1]}'", describe_loc(loc[:-1], doc.data)
            if model is not None:
                hint = did_you_mean(str(loc[-1]), model.model_fields)
        elif item["type"] == "missing":
            message, where = f"missing key '{loc[-1]}'", describe_loc(loc[:-1], doc.data)
        elif item["type"] == "value_error":
            message = message.removeprefix("Value error, ")
        problems.append(
            Problem(f"{where}: {message}" if where else message, hint, path, doc.line(loc))
        )
    return problems


def _is_branch(part: str | int) -> bool:
    """Pydantic adds union branch names (`str`, `function-before[...]`) to error locations."""
    return isinstance(part, str) and (
        part in {"str", "int", "float", "bool", "none"} or "[" in part
    )


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The pydantic model describing the value at `loc` (to list its valid keys)."""
    current: Any = model
    for part in loc:
        current = _strip_optional(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
            continue
        origin, args = typing.get_origin(current), typing.get_args(current)
        if origin in (list, tuple) and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            return None
    current = _strip_optional(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        non_none = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(non_none) == 1:
            return non_none[0]
    return annotation
