"""`tpa ingest CONFIG.yaml`: load anyone's sources into the canonical tables (see docs/ingest.md).

from connectors.ingest import ingest
report = ingest(Path("ingest.yaml"))
print("\\n".join(report.lines()))
"""

from __future__ import annotations

from semantic_layer.errors import Problem

from .config import ColumnSpec, IngestConfig, SourceConfig, TimestampSpec, load_config
from .errors import IngestError
from .pipeline import ingest
from .report import IngestReport, SourceReport

__all__ = [
    "ColumnSpec",
    "IngestConfig",
    "IngestError",
    "IngestReport",
    "Problem",
    "SourceConfig",
    "SourceReport",
    "TimestampSpec",
    "ingest",
    "load_config",
]
