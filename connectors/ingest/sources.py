"""Where a source's rows are: the files a path/folder/glob names, or a table of another database."""

from __future__ import annotations

import glob
import stat
from dataclasses import dataclass
from pathlib import Path

from .config import IngestConfig
from .errors import did_you_mean

EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class ResolvedSource:
    """A source ready to read: its format and concrete inputs."""

    index: int
    format: str  # csv | parquet | jsonl | duckdb | sqlite
    files: tuple[Path, ...] = ()
    database: Path | None = None

    @property
    def label(self) -> str:
        """What to name in messages and in the quarantine's `file` column."""
        return str(self.database) if self.database is not None else ", ".join(map(str, self.files))


def resolve_source(config: IngestConfig, index: int) -> ResolvedSource:
    """Find the inputs of source `index` or raise an `IngestError` naming what is missing."""
    source = config.sources[index]
    if source.database is not None:
        database = config.resolve(source.database)
        _refuse_special(config, index, "database", database)
        if not database.is_file():
            raise config.source_error(
                index, "database", f"database file not found: {database}", _sibling_hint(database)
            )
        return ResolvedSource(index, _database_format(config, index, database), database=database)
    assert source.path is not None  # checked by the config rules
    files = _files(config, index, source.path)
    return ResolvedSource(index, _file_format(config, index, files), files=files)


def _files(config: IngestConfig, index: int, pattern: str) -> tuple[Path, ...]:
    path = config.resolve(pattern)
    if _GLOB_CHARS & set(pattern):
        matches = (Path(p) for p in glob.glob(str(path), recursive=True))
        found = sorted(p for p in matches if p.is_file() and not _hidden(p))
        if not found:
            raise config.source_error(
                index, "path", f"no files match {path}", _sibling_hint(_glob_root(path))
            )
        return _inside(config, index, _glob_root(path).parent, found)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and _is_data_file(p))
        if not found:
            raise config.source_error(
                index,
                "path",
                f"folder {path} has no data files",
                "expected .csv, .parquet or .jsonl files",
            )
        return _inside(config, index, path, found)
    _refuse_special(config, index, "path", path)
    if not path.is_file():
        raise config.source_error(index, "path", f"file not found: {path}", _sibling_hint(path))
    return (path,)


def _inside(config: IngestConfig, index: int, folder: Path, found: list[Path]) -> tuple[Path, ...]:
    """The files of a folder or glob, none of them a link (or in a linked folder) leading out of
    it: a source folder's data stays in the folder."""
    root = folder.resolve()
    for file in found:
        target = file.resolve()
        if not target.is_relative_to(root):
            raise config.source_error(
                index,
                "path",
                f"{file} is a link to {target}, outside the source folder {folder}",
                "links are not followed out of a source folder: copy the file in, or name it",
            )
    return tuple(found)


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse_special(config: IngestConfig, index: int, key: str, path: Path) -> None:
    """A device, pipe or socket is named as such, never read (it may never end)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing: the caller says "not found" with a did-you-mean
    for test, what in _SPECIAL:
        if test(mode):
            raise config.source_error(
                index, key, f"{path} is {what}, not a data file", "give a regular file"
            )


def _hidden(path: Path) -> bool:
    """Hidden files and Hadoop-style markers (`_SUCCESS`, `_metadata`) are not data."""
    return path.name.startswith((".", "_"))


def _is_data_file(path: Path) -> bool:
    return not _hidden(path) and path.suffix.lower() in EXTENSIONS


def _glob_root(path: Path) -> Path:
    parts = path.parts
    for i, part in enumerate(parts):
        if _GLOB_CHARS & set(part):
            return Path(*parts[:i]) / parts[i]
    return path


def _sibling_hint(path: Path) -> str:
    """Did-you-mean from the names next to a missing file (or the closest existing folder)."""
    parent = path.parent
    while not parent.is_dir() and parent != parent.parent:
        path, parent = parent, parent.parent
    if not parent.is_dir():
        return ""
    names = [p.name for p in parent.iterdir() if not p.name.startswith(".")]
    hint = did_you_mean(path.name, names, listing=False)
    return hint or f"{parent} has: {', '.join(sorted(names)[:10]) or 'nothing'}"


def _file_format(config: IngestConfig, index: int, files: tuple[Path, ...]) -> str:
    explicit = config.sources[index].format
    if explicit is not None:
        return explicit
    formats = {EXTENSIONS.get(f.suffix.lower()) for f in files}
    if None in formats:
        odd = next(f for f in files if f.suffix.lower() not in EXTENSIONS)
        raise config.source_error(
            index,
            "path",
            f"cannot tell the format of {odd}",
            "add `format: csv`, `format: parquet` or `format: jsonl`",
        )
    if len(formats) > 1:
        mixed = ", ".join(sorted(str(f) for f in formats))
        raise config.source_error(
            index, "path", f"the files mix formats ({mixed})", "use one source per format"
        )
    return str(formats.pop())


def _database_format(config: IngestConfig, index: int, database: Path) -> str:
    with database.open("rb") as f:
        head = f.read(16)
    if head.startswith(b"SQLite format 3\x00"):
        sniffed = "sqlite"
    elif head[8:12] == b"DUCK":
        sniffed = "duckdb"
    else:
        raise config.source_error(
            index,
            "database",
            f"{database} is neither a DuckDB nor a SQLite database",
            "check the path",
        )
    explicit = config.sources[index].format
    if explicit is not None and explicit != sniffed:
        raise config.source_error(
            index,
            "format",
            f"{database} is a {sniffed} database, not {explicit}",
            f"use `format: {sniffed}` or leave it out",
        )
    return sniffed
