"""`_tpa_loads`: one row per load of the database (each `tpa ingest`, each demo build).

The assistant's answer cache keys answers by the data version these rows give, so an answer
computed before a load is never served after it. Like every `_`-table it is not part of the
semantic model, and queries cannot reach it.
"""

from __future__ import annotations

import uuid
from typing import Final

LOADS_TABLE: Final = "_tpa_loads"


def load_statements(source: str) -> list[str]:
    """SQL that records one load from `source` ("ingest", "demo"); run it in the load's own
    transaction, so a failed load records nothing."""
    safe = source.replace("'", "''")
    return [
        f"CREATE TABLE IF NOT EXISTS {LOADS_TABLE} "
        "(load_id VARCHAR, loaded_at TIMESTAMP WITH TIME ZONE, source VARCHAR)",
        f"INSERT INTO {LOADS_TABLE} VALUES ('{uuid.uuid4().hex}', now(), '{safe}')",
    ]


VERSION_SQL: Final = f"SELECT count(*), max(loaded_at), max(load_id) FROM {LOADS_TABLE}"
"""The data version: how many loads, and the latest."""

__all__ = ["LOADS_TABLE", "VERSION_SQL", "load_statements"]
