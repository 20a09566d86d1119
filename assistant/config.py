"""`AssistantConfig`: where the data, model and working files are, and the limits to apply.

Every surface (the `tpa` commands, the server, evals) builds one from the same settings
(docs/design.md "Interfaces"): `--db` / `TPA_DB`, `--model` / `TPA_MODEL`, `--as-of` / `TPA_AS_OF`,
and `TPA_LLM_BASE_URL`, `TPA_LLM_MODEL`, `TPA_LLM_API_KEY` for the optional LLM planner.
`TPA_RETRIEVAL=off` serves without the retrieval index (no paraphrase matching or LLM grounding,
but no index to build: for small machines and quick test servers). `TPA_ANSWER_CACHE_S` is how
long a repeated question's answer is reused (seconds, default 300; 0 switches the cache off).
`TPA_STARTUP_CACHE=off` builds the validated model and the planner's lexicon in every process
instead of reading them from `<work dir>/tpa-cache/` (`assistant.startup_cache`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from assistant.llm import LlmSettings
from semantic_layer.errors import UserError

BackendName = Literal["embedded", "llm", "llm-raw-sql"]


@dataclass(frozen=True)
class AssistantConfig:
    """Everything the assistant service needs to start.

    `home` holds the working files: `sessions.sqlite3` (conversations and feedback) and
    `<database file name>.index/` (the retrieval index of that database, e.g.
    `demo.duckdb.index/`: two databases in one folder keep their own). It defaults to the folder
    of the database.
    """

    db: Path  # the engine's data: a DuckDB file, a chdb folder (`TPA_ENGINE_URL`)
    model: Path | None = None
    as_of: date | None = None
    home: Path | None = None
    llm: LlmSettings | None = None
    backend: BackendName = "embedded"
    query_timeout_s: float = 20.0
    row_cap: int = 5000
    memory_limit: str = "2GB"  # DuckDB memory_limit of the serving connection
    temp_limit: str = "4GB"  # DuckDB max_temp_directory_size: spilled beyond memory, then refused
    max_result_bytes: int = 8 * 1024 * 1024  # one answer's table
    retrieval: bool = True
    index_dir: Path | None = None  # default: <work_dir>/<db file name>.index
    lazy_index: bool = False  # open chromadb only when a search needs it (`tpa ask`)
    # with lazy_index, a new index embeds only the verified questions; the model's items when a
    # search first needs them (`tpa eval`: few suites search; see Retriever.open)
    items_on_demand: bool = False
    answer_cache_s: float = 300.0  # how long an answer is reused for the same plan; 0: never
    startup_cache: bool = True  # keep the validated model and lexicon in <work_dir>/tpa-cache
    extra: Mapping[str, str] = field(default_factory=dict)
    engine: str = "duckdb"  # TPA_ENGINE: duckdb | clickhouse | spark (docs/engines.md)
    server: str | None = None  # TPA_ENGINE_URL naming a server: http(s)://… or sc://…

    @property
    def work_dir(self) -> Path:
        return self.home if self.home is not None else self.db.parent

    @property
    def index_path(self) -> Path:
        """The retrieval index folder: `index_dir`, else one named after the database."""
        return self.index_dir if self.index_dir is not None else index_path(self.db, self.home)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> AssistantConfig:
        """Settings from `TPA_*` variables; keyword arguments (from flags) win."""
        env = os.environ if environ is None else environ
        home = Path(env.get("TPA_HOME") or ".")
        values: dict[str, object] = {
            "db": Path(env["TPA_DB"]) if env.get("TPA_DB") else home / "data" / "demo.duckdb",
            "model": Path(env["TPA_MODEL"]) if env.get("TPA_MODEL") else None,
            "as_of": _as_of(env.get("TPA_AS_OF", "")),
            "llm": LlmSettings.from_env(env),
        }
        if env.get("TPA_ANSWER_CACHE_S", "").strip():
            values["answer_cache_s"] = _seconds("TPA_ANSWER_CACHE_S", env["TPA_ANSWER_CACHE_S"])
        if env.get("TPA_RETRIEVAL", "").strip():
            values["retrieval"] = _switch("TPA_RETRIEVAL", env["TPA_RETRIEVAL"])
        if env.get("TPA_STARTUP_CACHE", "").strip():
            values["startup_cache"] = _switch("TPA_STARTUP_CACHE", env["TPA_STARTUP_CACHE"])
        for name, var in (("memory_limit", "TPA_MEMORY_LIMIT"), ("temp_limit", "TPA_TEMP_LIMIT")):
            if env.get(var, "").strip():
                values[name] = _size(var, env[var])
        if env.get("TPA_QUERY_TIMEOUT_S", "").strip():
            values["query_timeout_s"] = _number("TPA_QUERY_TIMEOUT_S", env["TPA_QUERY_TIMEOUT_S"])
        if env.get("TPA_ENGINE", "").strip():
            values["engine"] = _engine(env["TPA_ENGINE"])
        if env.get("TPA_ENGINE_URL", "").strip():
            values.update(engine_location(env["TPA_ENGINE_URL"], home))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def index_path(db: Path, home: Path | None = None) -> Path:
    """The retrieval index of the database `db`: `<db file name>.index` in `home` (default: the
    database's folder)."""
    return (home if home is not None else db.parent) / f"{db.name}.index"


def _engine(text: str) -> str:
    from connectors.engines import ENGINES

    name = text.strip().lower()
    if name not in ENGINES:
        raise UserError(
            f"TPA_ENGINE '{text}' is not an engine", hint=f"use one of {', '.join(ENGINES)}"
        )
    return name


SERVER_SCHEMES = ("http://", "https://", "sc://")


def engine_location(text: str, home: Path) -> dict[str, object]:
    """`db` (and `server`) for `TPA_ENGINE_URL`: a path, `chdb://` / `file://` + a path, or a
    server URL (ClickHouse's HTTP interface, Spark Connect), whose working files (sessions,
    retrieval index) go to `home/data/<host>`."""
    value = text.strip()
    if value.lower().startswith(SERVER_SCHEMES):
        from urllib.parse import urlsplit

        parts = urlsplit(value)
        if not parts.hostname:
            raise UserError(f"TPA_ENGINE_URL '{text}' names no host", hint="e.g. sc://host:15002")
        name = f"{parts.scheme}-{parts.hostname}-{parts.port or 'default'}"
        return {"server": value, "db": home / "data" / name}
    for scheme in ("chdb://", "file://"):
        if value.startswith(scheme):
            value = value[len(scheme) :]
    if "://" in value:
        raise UserError(
            f"TPA_ENGINE_URL '{text}' is not a folder, a file or a server URL",
            hint="use a path, http(s)://host:8123 (ClickHouse) or sc://host:15002 (Spark Connect)",
        )
    return {"db": Path(value)}


def _as_of(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"TPA_AS_OF '{text}' is not a date", hint="use YYYY-MM-DD, e.g. 2026-11-23"
        ) from None


def _seconds(name: str, text: str) -> float:
    """A number of seconds, 0 or more (0 switches the cache off)."""
    try:
        value = float(text.strip())
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise UserError(
            f"{name} '{text}' is not a number of seconds", hint=f"set {name}=300, or 0 for off"
        )
    return value


def _size(name: str, text: str) -> str:
    """A DuckDB size such as 2GB or 512MiB."""
    value = text.strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", value, re.IGNORECASE):
        raise UserError(f"{name} '{text}' is not a size", hint=f"write e.g. {name}=2GB or 512MB")
    return value


def _number(name: str, text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise UserError(f"{name} '{text}' is not a number of seconds between 0 and 3600")
    return value


def _switch(name: str, text: str) -> bool:
    """An on/off setting: 1/true/on/yes or 0/false/off/no."""
    value = text.strip().lower()
    if value in ("1", "true", "on", "yes"):
        return True
    if value in ("0", "false", "off", "no"):
        return False
    raise UserError(f"{name} '{text}' is not on or off", hint=f"set {name}=on or {name}=off")


__all__ = ["AssistantConfig", "BackendName", "index_path"]
