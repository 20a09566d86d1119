"""Reading files (CSV, JSON Lines, Parquet) into a work table, keeping every row's file and line.

Each source becomes `_tpa_raw_<i>` (its own columns plus `_tpa_file_id`), `_tpa_files_<i>` (file
labels and line offsets) and `_tpa_rejects_<i>` (rows that could not even be parsed, with line,
reason and raw text), all temporary tables on the ingest connection.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import duckdb

from .encoding import TextFile, TextFileError, blank_lines, prepare_text
from .progress import Runner
from .sqltext import ident, string_lit

FILE_ID = "_tpa_file_id"
LINE = "_tpa_line"
INTERNAL = (FILE_ID, LINE)
# A source column called `rowid` would hide DuckDB's row id, which numbers lines: it is renamed.
ROWID_COLUMN = "_tpa_source_rowid"
_DELIM_NONE = "\x01"  # never in valid JSON text: each physical line is one value
_IS_OBJECT = "(CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' ELSE false END)"


MAX_COLUMNS = 2_000  # columns of one source (a wider CSV is refused with a clear error)


class ReadError(Exception):
    """A file DuckDB could not read (the caller adds which source it belongs to)."""

    def __init__(self, message: str, hint: str = "", key: str = "path") -> None:
        super().__init__(message)
        self.message, self.hint, self.key = message, hint, key


@dataclass(frozen=True)
class RawTable:
    """A source as read: where its rows are and how to name each row's file and line."""

    index: int
    columns: dict[str, str]  # source column -> DuckDB type
    line_sql: str  # line (or row number) of alias `r`, given `joins`
    joins: str  # joins the line and file expressions need (alias `f` = the files table)
    rows: int
    rejected: int
    encodings: tuple[str, ...] = ()

    @property
    def table(self) -> str:
        return f"_tpa_raw_{self.index}"

    def ref(self, name: str) -> str:
        """SQL for source column `name` of raw row `r`."""
        return "r." + ident(ROWID_COLUMN if name == "rowid" else name)


@dataclass
class FileLog:
    """Bookkeeping while files are appended to one raw table."""

    index: int
    rows: int = 0
    labels: list[tuple[int, str, int]] = field(default_factory=list)  # file id, label, line base

    @property
    def raw(self) -> str:
        return f"_tpa_raw_{self.index}"

    def columns(self, runner: Runner) -> dict[str, str]:
        """Source column (as the source names it) -> DuckDB type."""
        described = runner.rows(f"DESCRIBE {self.raw}")
        return {
            ("rowid" if r[0] == ROWID_COLUMN else str(r[0])): str(r[1])
            for r in described
            if r[0] not in INTERNAL
        }


def create_work_tables(runner: Runner, index: int) -> None:
    """The files and rejects tables every reader fills."""
    runner.execute(
        f"CREATE OR REPLACE TEMP TABLE _tpa_files_{index} "
        "(file_id INTEGER, file VARCHAR, base BIGINT)"
    )
    runner.execute(
        f"CREATE OR REPLACE TEMP TABLE _tpa_rejects_{index} "
        "(file_id INTEGER, line BIGINT, reason VARCHAR, raw VARCHAR)"
    )


def finish_files(runner: Runner, log: FileLog) -> None:
    if log.labels:
        values = ", ".join(
            f"({fid}, {string_lit(label)}, {base})" for fid, label, base in log.labels
        )
        runner.execute(f"INSERT INTO _tpa_files_{log.index} VALUES {values}")


def append(runner: Runner, log: FileLog, select: str) -> int:
    """Append a SELECT's rows to the raw table (adding new columns); return the rows added.

    A source with more than `MAX_COLUMNS` columns is refused: DuckDB cannot keep rows that wide
    in its quarantine and work tables, and no model maps that many."""
    described = runner.rows(f"DESCRIBE {select}")
    if len(described) - 1 > MAX_COLUMNS:  # less the file id column
        raise ReadError(
            f"the source has {len(described) - 1:,} columns; at most {MAX_COLUMNS:,} are read",
            "export only the columns the model maps (ts, touchpoint, ids, attributes)",
        )
    hidden = [str(r[0]) for r in described if str(r[0]).lower() == "rowid"]
    if hidden:
        select = (
            f"SELECT * EXCLUDE ({ident(hidden[0])}), {ident(hidden[0])} AS {ROWID_COLUMN} "
            f"FROM ({select})"
        )
        described = runner.rows(f"DESCRIBE {select}")
    if not log.labels:
        runner.execute(f"CREATE OR REPLACE TEMP TABLE {log.raw} AS {select}")
    else:
        have = {str(r[0]) for r in runner.rows(f"DESCRIBE {log.raw}")}
        for name, kind, *_ in described:
            if name not in have:
                runner.execute(f"ALTER TABLE {log.raw} ADD COLUMN {ident(name)} {kind}")
        runner.execute(f"INSERT INTO {log.raw} BY NAME {select}")
    total = int(runner.scalar(f"SELECT count(*) FROM {log.raw}"))
    added, log.rows = total - log.rows, total
    return added


def read_csv(
    runner: Runner,
    index: int,
    *,
    files: list[TextFile],
    label: Callable[[Path], str],
    delimiter: str | None,
    header: bool,
) -> RawTable:
    log = FileLog(index)
    options = _csv_options(delimiter, header)
    for fid, text in enumerate(files):
        runner.execute("DROP TABLE IF EXISTS _tpa_csv_rejects; DROP TABLE IF EXISTS _tpa_csv_scan")
        select = (
            f"SELECT *, {fid}::INTEGER AS {FILE_ID} FROM read_csv("
            f"{string_lit(str(text.path))}, {options})"
        )
        first_row = log.rows
        _guard(text.original, partial(append, runner, log, select))
        first_line = 2 if header else 1
        log.labels.append((fid, label(text.original), first_line - first_row))
        rejected = _collect_csv_rejects(runner, index, fid)
        accounted = first_line - 1 + (log.rows - first_row) + rejected
        # Lines the reader skipped silently (blank ones) shift the lines of the rows after them;
        # finding them is a slower pass, needed only when the line count says there are some.
        extra = text.lines > accounted and len(log.columns(runner)) > 1
        blanks = blank_lines(text.path) if extra else ()
        _record_skips(
            runner, index, fid=fid, blanks=blanks, first_row=first_row, first_line=first_line
        )
    finish_files(runner, log)
    skips = int(runner.scalar(f"SELECT count(*) FROM _tpa_skips_{index}"))
    joins = f"JOIN _tpa_files_{index} f ON f.file_id = r.{FILE_ID}"
    line = "r.rowid + f.base"
    if skips:
        joins += (
            f" ASOF LEFT JOIN _tpa_skips_{index} s ON s.file_id = r.{FILE_ID} "
            "AND r.rowid >= s.at_row"
        )
        line += " + coalesce(s.n, 0)"
    return _raw(runner, log, line=line, joins=joins, encodings=[t.encoding for t in files])


def _csv_options(delimiter: str | None, header: bool) -> str:
    """Everything as VARCHAR; malformed rows to a rejects table instead of failing the file."""
    options = [
        "all_varchar = true",
        f"header = {str(header).lower()}",
        "skip = 0",
        "store_rejects = true",
        "rejects_table = '_tpa_csv_rejects'",
        "rejects_scan = '_tpa_csv_scan'",
        "max_line_size = 67108864",
    ]
    if delimiter is not None:
        options.append(f"delim = {string_lit(delimiter)}")
    return ", ".join(options)


def _collect_csv_rejects(runner: Runner, index: int, fid: int) -> int:
    """Move DuckDB's reject records of file `fid` to the rejects table; return the lines."""
    runner.execute(f"""
        INSERT INTO _tpa_rejects_{index}
        SELECT {fid}, line,
               'malformed CSV row: ' || CASE
                 WHEN min(error_type) IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN
                   'expected ' || regexp_extract(min(error_message), 'Expected Number of '
                   || 'Columns: (\\d+)', 1) || ' columns, found ' || regexp_extract(min(
                   error_message), 'Found: (\\d+)', 1)
                 ELSE lower(min(error_type)::VARCHAR) || ' ('
                      || min(error_message) || ')'
               END,
               to_json(min(csv_line))::VARCHAR
        FROM _tpa_csv_rejects GROUP BY line""")
    return int(runner.scalar(f"SELECT count(*) FROM _tpa_rejects_{index} WHERE file_id = {fid}"))


def _record_skips(
    runner: Runner,
    index: int,
    *,
    fid: int,
    blanks: tuple[int, ...],
    first_row: int,
    first_line: int,
) -> None:
    """Lines the reader skipped (malformed, blank) so accepted rows get their physical line."""
    table = f"_tpa_skips_{index}"
    if fid == 0:
        runner.execute(
            f"CREATE OR REPLACE TEMP TABLE {table} (file_id INTEGER, at_row BIGINT, n BIGINT)"
        )
    runner.execute("CREATE OR REPLACE TEMP TABLE _tpa_skip_lines (line BIGINT)")
    for start in range(0, len(blanks), 10_000):
        values = ", ".join(f"({b})" for b in blanks[start : start + 10_000] if b >= first_line)
        if values:
            runner.execute(f"INSERT INTO _tpa_skip_lines VALUES {values}")
    runner.execute(f"""
        INSERT INTO {table}
        SELECT {fid}, at_row, max(n) FROM (
          SELECT {first_row} + line - {first_line} - (row_number() OVER w - 1) AS at_row,
                 row_number() OVER w AS n
          FROM (SELECT DISTINCT line FROM (SELECT line FROM _tpa_skip_lines UNION ALL
                SELECT line FROM _tpa_rejects_{index} WHERE file_id = {fid}))
          WINDOW w AS (ORDER BY line))
        GROUP BY at_row""")


def read_jsonl(
    runner: Runner, index: int, files: list[TextFile], label: Callable[[Path], str]
) -> RawTable:
    log = FileLog(index)
    for fid, text in enumerate(files):
        lines = (
            f"SELECT line FROM read_csv({string_lit(str(text.path))}, "
            "columns = {'line': 'VARCHAR'}, header = false, auto_detect = false, "
            f"delim = {string_lit(_DELIM_NONE)}, quote = '', escape = '', "
            "strict_mode = false, max_line_size = 67108864)"
        )
        _guard(
            text.original,
            partial(runner.execute, f"CREATE OR REPLACE TEMP TABLE _tpa_lines AS {lines}"),
        )
        runner.execute(f"""
            INSERT INTO _tpa_rejects_{index}
            SELECT {fid}, rowid + 1, CASE WHEN json_valid(line) THEN 'not a JSON object: ' ||
                   json_type(line) ELSE 'malformed JSON line' END, to_json(line)::VARCHAR
            FROM _tpa_lines
            WHERE line IS NOT NULL AND trim(line) <> '' AND NOT {_IS_OBJECT}""")
        keys = [
            str(k[0])
            for k in runner.rows(
                f"SELECT DISTINCT unnest(json_keys(line)) AS k FROM _tpa_lines WHERE {_IS_OBJECT} "
                "ORDER BY k"
            )
            if k[0] not in INTERNAL
        ]
        shape = string_lit(json.dumps(dict.fromkeys(keys, "VARCHAR")))
        body = "unnest(json_transform(line, " + shape + ")), " if keys else ""
        select = (
            f"SELECT {body}rowid + 1 AS {LINE}, {fid}::INTEGER AS {FILE_ID} "
            f"FROM _tpa_lines WHERE {_IS_OBJECT}"
        )
        _guard(text.original, partial(append, runner, log, select))
        log.labels.append((fid, label(text.original), 0))
    finish_files(runner, log)
    joins = f"JOIN _tpa_files_{index} f ON f.file_id = r.{FILE_ID}"
    return _raw(runner, log, line=f"r.{LINE}", joins=joins, encodings=[t.encoding for t in files])


def read_parquet(
    runner: Runner, index: int, files: list[Path], label: Callable[[Path], str]
) -> RawTable:
    log = FileLog(index)
    for fid, path in enumerate(files):
        if path.stat().st_size == 0:
            raise ReadError(f"{path} is empty", "remove it or export it again")
        select = (
            f"SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS {LINE}, "
            f"{fid}::INTEGER AS {FILE_ID} FROM read_parquet({string_lit(str(path))}, "
            "file_row_number = true)"
        )
        _guard(path, partial(append, runner, log, select))
        log.labels.append((fid, label(path), 0))
    finish_files(runner, log)
    joins = f"JOIN _tpa_files_{index} f ON f.file_id = r.{FILE_ID}"
    return _raw(runner, log, line=f"r.{LINE}", joins=joins, encodings=())


def _raw(
    runner: Runner, log: FileLog, *, line: str, joins: str, encodings: Sequence[str]
) -> RawTable:
    rejected = int(runner.scalar(f"SELECT count(*) FROM _tpa_rejects_{log.index}"))
    return RawTable(
        log.index,
        log.columns(runner),
        line,
        joins,
        log.rows,
        rejected,
        tuple(dict.fromkeys(encodings)),
    )


def _guard(path: Path, step: Callable[[], object]) -> None:
    """Run a DuckDB read; turn its error into a `ReadError` naming the file."""
    try:
        step()
    except duckdb.Error as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ReadError(
            f"cannot read {path}: {first}", "check the file and the source's `format`"
        ) from None


def text_files(
    paths: tuple[Path, ...],
    encoding: str | None,
    workdir: Path,
    progress: Callable[[int], None] | None = None,
) -> list[TextFile]:
    """UTF-8 views of the files (transcoded where needed)."""
    try:
        return [prepare_text(p, encoding, workdir, progress) for p in paths]
    except TextFileError as e:
        raise ReadError(e.message, e.hint, key="encoding") from None
