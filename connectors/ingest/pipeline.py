"""`ingest()`: read every source, check the mapping against it, clean, stitch, stage, swap."""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from semantic_layer.errors import Problem

from .config import IngestConfig, load_config
from .config_rules import config_warnings
from .dbreaders import read_duckdb_table, read_sqlite_table
from .errors import IngestError, did_you_mean
from .mapping import REASON, MappingPlan, mapping_sql, plan_mapping
from .progress import Runner
from .quarantine import (
    DUPLICATE,
    create_stage,
    mark_duplicates,
    quarantine_rejects,
    quarantine_rows,
    reason_counts,
)
from .readers import (
    RawTable,
    ReadError,
    create_work_tables,
    read_csv,
    read_jsonl,
    read_parquet,
    text_files,
)
from .report import IngestReport, SourceReport
from .sources import ResolvedSource, resolve_source
from .sqltext import ident, string_lit
from .staging import create_stages, drop_stages, extra_columns, load_rows, merge_users, stage, swap
from .stitching import PERSONS, stitch
from .timestamps import describe_formats, suggest_format

QUARANTINE = "quarantine"


def ingest(
    config_path: Path, db_path: Path | None = None, *, progress: bool = False
) -> IngestReport:
    """Load the sources of `config_path` into the canonical tables (a full refresh of the tables
    the config targets, plus identity_links and quarantine) and report what happened."""
    started = time.perf_counter()
    config = load_config(config_path)
    database = _database_path(config, db_path)
    with tempfile.TemporaryDirectory(prefix="tpa-ingest-") as workdir:
        con = _connect(database)
        try:
            runner = Runner(con, show=progress)
            with runner.display():
                return _Run(config, runner, Path(workdir), database).execute(started)
        finally:
            con.close()


def _database_path(config: IngestConfig, db_path: Path | None) -> Path:
    if db_path is not None:
        return Path(db_path)
    if config.database:
        return config.resolve(config.database)
    raise IngestError.at(
        config.path,
        "no database to load into",
        "add `database: data/shop.duckdb` to the config or pass --db",
        1,
    )


def _connect(database: Path) -> duckdb.DuckDBPyConnection:
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(database))
    except (OSError, duckdb.Error) as e:
        raise IngestError.at(
            database,
            f"cannot open the database: {str(e).splitlines()[0]}",
            "is another program (e.g. `tpa serve`) using it?",
        ) from None
    con.execute("SET TimeZone = 'UTC'; SET preserve_insertion_order = true")
    return con


@dataclass(frozen=True)
class _Loaded:
    resolved: ResolvedSource
    raw: RawTable
    actual: dict[str, str]  # configured source column -> real column name


class _Run:
    def __init__(self, config: IngestConfig, runner: Runner, workdir: Path, database: Path) -> None:
        self.config, self.runner, self.workdir, self.database = config, runner, workdir, database

    def execute(self, started: float) -> IngestReport:
        drop_stages(self.runner)
        try:
            loaded = self._read_all()
            create_stage(self.runner)
            results = [self._clean(item) for item in loaded]
            plans = [plan for plan, _ in results]
            with self.runner.stage("identity stitching"):
                stitched = stitch(self.runner, plans)
            with self.runner.stage("staging tables"):
                targets = self._load(plans, stitched.identifiers > 0)
            counts = {
                t: int(self.runner.scalar(f"SELECT count(*) FROM {ident(stage(t))}"))
                for t in targets
            }
            with self.runner.stage("swap"):
                swap(self.runner, [*targets, QUARANTINE], {"timezone": self.config.timezone})
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # never hide the original error
                drop_stages(self.runner)
            raise
        return IngestReport(
            self.database,
            tuple(r for _, r in results),
            counts,
            stitched.identifiers,
            stitched.persons,
            time.perf_counter() - started,
            tuple(config_warnings(self.config)),
        )

    # -- reading -------------------------------------------------------------------------------

    def _read_all(self) -> list[_Loaded]:
        """Read every source and check its mapping; report every problem at once."""
        loaded, problems = [], []
        for index in range(len(self.config.sources)):
            try:
                resolved = resolve_source(self.config, index)
                with self.runner.stage(f"{self.config.sources[index].name}: read"):
                    raw = self._read(resolved)
                actual, missing = self._match_columns(index, resolved, raw)
                problems += missing
                loaded.append(_Loaded(resolved, raw, actual))
            except IngestError as e:
                problems += e.problems
        if problems:
            raise IngestError(problems)
        return loaded

    def _read(self, resolved: ResolvedSource) -> RawTable:
        index, source = resolved.index, self.config.sources[resolved.index]
        create_work_tables(self.runner, index)
        try:
            if resolved.format in ("csv", "jsonl"):
                texts = text_files(
                    resolved.files, source.encoding, self.workdir, self._byte_progress(resolved)
                )
                if resolved.format == "csv":
                    return read_csv(
                        self.runner,
                        index,
                        files=texts,
                        label=self._label,
                        delimiter=source.delimiter,
                        header=source.header,
                    )
                return read_jsonl(self.runner, index, texts, self._label)
            if resolved.format == "parquet":
                return read_parquet(self.runner, index, list(resolved.files), self._label)
            assert resolved.database is not None and source.source_table is not None
            label = f"{self._label(resolved.database)}:{source.source_table}"
            if resolved.format == "duckdb":
                same = resolved.database.resolve() == self.database.resolve()
                return read_duckdb_table(
                    self.runner,
                    index,
                    database=resolved.database,
                    table=source.source_table,
                    label=label,
                    same_file=same,
                )
            return read_sqlite_table(
                self.runner,
                index,
                database=resolved.database,
                table=source.source_table,
                label=label,
                progress=self.runner.advance,
            )
        except ReadError as e:
            raise self.config.source_error(index, e.key, e.message, e.hint) from None

    def _byte_progress(self, resolved: ResolvedSource) -> Callable[[int], None]:
        total = max(sum(f.stat().st_size for f in resolved.files), 1)
        done = [0]

        def advance(n: int) -> None:
            done[0] += n
            self.runner.advance(done[0] / total)

        return advance

    def _label(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.config.path.parent))
        except ValueError:
            return str(path)

    def _match_columns(
        self, index: int, resolved: ResolvedSource, raw: RawTable
    ) -> tuple[dict[str, str], list[Problem]]:
        """Real column names for the configured ones; a problem (with did-you-mean) per miss."""
        source = self.config.sources[index]
        wanted = [
            (spec.column, ("columns", target))
            for target, spec in source.columns.items()
            if spec.column is not None
        ]
        wanted += [(column, ("identifiers", kind)) for kind, column in source.identifiers.items()]
        by_lower: dict[str, list[str]] = {}
        for name in raw.columns:
            by_lower.setdefault(name.lower(), []).append(name)
        actual: dict[str, str] = {}
        problems: list[Problem] = []
        where = (
            self._label(resolved.files[0])
            if len(resolved.files) == 1
            else (f"the {len(resolved.files)} files" if resolved.files else resolved.label)
        )
        for column, (key, sub) in wanted:
            matches = [column] if column in raw.columns else by_lower.get(column.lower(), [])
            if matches:
                actual[column] = matches[0]
                continue
            hint = did_you_mean(column, raw.columns) if raw.columns else "it has no columns"
            problems.append(
                Problem(
                    f"source '{source.name}': column '{column}' (for {key} {sub}) "
                    f"is not in {where}",
                    hint,
                    self.config.path,
                    self.config.line(("sources", index, key, sub)),
                )
            )
        return actual, problems

    # -- cleaning ------------------------------------------------------------------------------

    def _clean(self, item: _Loaded) -> tuple[MappingPlan, SourceReport]:
        index, raw = item.resolved.index, item.raw
        source = self.config.sources[index]
        with self.runner.stage(f"{source.name}: clean"):
            plan = plan_mapping(
                source, index, raw=raw, model_tz=self.config.timezone, actual=item.actual
            )
            quarantine_rejects(self.runner, source.name, source.table, index)
            self.runner.execute(mapping_sql(plan, raw))
            self._check_times_parse(plan)
            mark_duplicates(self.runner, plan, raw)
            quarantine_rows(self.runner, plan, raw)
            counts = reason_counts(self.runner, plan)
            accepted = int(
                self.runner.scalar(f"SELECT count(*) FROM {plan.table} WHERE {REASON} IS NULL")
            )
            self.runner.execute(f"DROP TABLE {raw.table}")
        duplicates = counts.pop(DUPLICATE, 0)
        return plan, SourceReport(
            source.name,
            source.table,
            tuple(self._inputs(item)),
            raw.encodings,
            raw.rows + raw.rejected,
            accepted,
            counts,
            duplicates,
        )

    def _inputs(self, item: _Loaded) -> list[str]:
        resolved = item.resolved
        if resolved.database is not None:
            return [
                f"{self._label(resolved.database)}:{self.config.sources[resolved.index].source_table}"
            ]
        return [self._label(f) for f in resolved.files]

    def _check_times_parse(self, plan: MappingPlan) -> None:
        """If no value of a time column parses, the formats are wrong: stop and suggest one."""
        for column in (c for c in plan.columns if c.label.startswith("unparseable")):
            marker = f"unparseable {column.target} '"
            failed, ok = self.runner.rows(
                f"SELECT count(*) FILTER (WHERE contains({REASON}, {string_lit(marker)})), "
                f"count({ident(column.target)}) FROM {plan.table}"
            )[0]
            if not failed or ok:
                continue
            pattern = string_lit(f"{marker}(.*?)' \\(formats")
            samples = [
                str(r[0])
                for r in self.runner.rows(
                    f"SELECT DISTINCT regexp_extract({REASON}, {pattern}, 1) AS v "
                    f"FROM {plan.table} WHERE contains({REASON}, {string_lit(marker)}) "
                    "ORDER BY v LIMIT 20"
                )
            ]
            fmt = suggest_format(self.runner, samples)
            spec = plan.source.timestamp_spec(column.target)
            hint = (
                f"add `timestamps: {{{column.target}: {{formats: ['{fmt}']}}}}`"
                if fmt
                else "set `timestamps:` with strptime formats that match, e.g. '%d/%m/%Y %H:%M'"
            )
            key = "timestamps" if plan.source.timestamps else "columns"
            raise self.config.source_error(
                plan.index,
                key,
                f"none of the {failed:,} values of {column.target} could be read "
                f"as a time (formats tried: {describe_formats(spec)}), e.g. '{samples[0]}'",
                hint,
            )

    # -- loading -------------------------------------------------------------------------------

    def _load(self, plans: list[MappingPlan], has_persons: bool) -> list[str]:
        targets = list(
            dict.fromkeys(p.source.table for p in plans if p.source.table != "identity_links")
        )
        if has_persons:
            targets.append("identity_links")
        extras = extra_columns(plans)
        create_stages(self.runner, targets, extras)
        for plan in plans:
            load_rows(self.runner, plan)
        if "users" in targets:
            merge_users(self.runner, extras.get("users", {}))
        if has_persons:
            self.runner.execute(
                f"INSERT INTO {stage('identity_links')} SELECT kind, value, user_id "
                f"FROM {PERSONS} ORDER BY user_id, kind, value"
            )
        return targets
