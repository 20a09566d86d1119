"""What an ingest did, per source and per table, for the CLI and for tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceReport:
    """One source: rows read = accepted + quarantined + duplicates removed."""

    name: str
    table: str
    inputs: tuple[str, ...]  # files, or the database table
    encodings: tuple[str, ...]  # per file: "utf-8", "gb18030 (detected)", …
    rows_read: int
    accepted: int
    quarantined: Mapping[str, int]  # reason kind -> rows (duplicates not included)
    duplicates: int

    @property
    def quarantined_total(self) -> int:
        return sum(self.quarantined.values())


@dataclass(frozen=True)
class IngestReport:
    """The result of `ingest()`; `lines()` is what the CLI prints."""

    database: Path
    sources: tuple[SourceReport, ...]
    tables: Mapping[str, int]  # target table -> rows after the swap
    identifiers: int  # distinct (kind, value) identifiers seen
    persons: int  # unified user_ids they were stitched into
    seconds: float
    warnings: tuple[str, ...] = field(default=())

    @property
    def rows_read(self) -> int:
        return sum(s.rows_read for s in self.sources)

    @property
    def quarantined(self) -> int:
        return sum(s.quarantined_total + s.duplicates for s in self.sources)

    def source(self, name: str) -> SourceReport:
        return next(s for s in self.sources if s.name == name)

    def lines(self) -> list[str]:
        rate = self.rows_read / self.seconds if self.seconds > 0 else 0.0
        out = [
            f"Ingested {self.rows_read:,} rows from {len(self.sources)} source(s) into "
            f"{self.database} in {self.seconds:.1f}s ({rate:,.0f} rows/s)"
        ]
        for s in self.sources:
            out.append(
                f"  {s.name} → {s.table}: read {s.rows_read:,}, accepted {s.accepted:,}, "
                f"quarantined {s.quarantined_total:,}, duplicates removed {s.duplicates:,}"
            )
            notes = sorted({e for e in s.encodings if e != "utf-8"})
            if notes:
                out.append(f"      encoding: {', '.join(notes)}")
            for reason, n in s.quarantined.items():
                out.append(f"      {n:,} × {reason}")
        tables = ", ".join(f"{name} {n:,}" for name, n in self.tables.items())
        out.append(f"  tables: {tables}")
        if self.identifiers:
            out.append(
                f"  identity: {self.identifiers:,} identifiers stitched into "
                f"{self.persons:,} persons"
            )
        if self.quarantined:
            out.append(
                f"  {self.quarantined:,} rows not accepted are in table quarantine "
                "(with file, line and reason)"
            )
        out.extend(f"  warning: {w}" for w in self.warnings)
        return out
