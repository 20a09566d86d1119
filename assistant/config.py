"""`AssistantConfig`: where the data, model and working files are, and the limits to apply.

Every surface (the `tpa` commands, the server, evals) builds one from the same settings
(DESIGN.md "Interfaces"): `--db` / `TPA_DB`, `--model` / `TPA_MODEL`, `--as-of` / `TPA_AS_OF`, and
`TPA_LLM_BASE_URL`, `TPA_LLM_MODEL`, `TPA_LLM_API_KEY` for the optional LLM planner.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from assistant.llm import LlmSettings

BackendName = Literal["embedded", "llm", "llm-raw-sql"]


@dataclass(frozen=True)
class AssistantConfig:
    """Everything the assistant service needs to start.

    `home` holds the working files: `sessions.sqlite3` (conversations and feedback) and `index/`
    (the retrieval index). It defaults to the folder of the database.
    """

    db: Path
    model: Path | None = None
    as_of: date | None = None
    home: Path | None = None
    llm: LlmSettings | None = None
    backend: BackendName = "embedded"
    query_timeout_s: float = 20.0
    row_cap: int = 5000
    retrieval: bool = True
    index_dir: Path | None = None  # default: <work_dir>/index
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def work_dir(self) -> Path:
        return self.home if self.home is not None else self.db.parent

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
            "as_of": date.fromisoformat(env["TPA_AS_OF"]) if env.get("TPA_AS_OF") else None,
            "llm": LlmSettings.from_env(env),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


__all__ = ["AssistantConfig", "BackendName"]
