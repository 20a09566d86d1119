"""Text files for DuckDB: check UTF-8, detect GB18030, transcode in bounded memory, count lines.

DuckDB reads UTF-8 natively; anything else (GBK/GB18030 exports are common in China) is decoded
in chunks with an incremental decoder and written to a temporary UTF-8 file.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CHUNK = 4 << 20
UTF8 = ("utf-8", "utf-8-sig")
ByteProgress = Callable[[int], None]


class TextFileError(Exception):
    """A text file that cannot be read (the caller adds which source it belongs to)."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class TextFile:
    original: Path
    path: Path  # UTF-8 file DuckDB reads: the original, or a transcoded copy
    encoding: str  # what the report says, e.g. "gb18030 (detected)"
    lines: int  # physical lines (a last line without a newline counts)


def prepare_text(
    path: Path, encoding: str | None, workdir: Path, progress: ByteProgress | None = None
) -> TextFile:
    """Return a UTF-8 view of `path`; raise `TextFileError` naming the first bad byte."""
    if path.stat().st_size == 0:
        raise TextFileError(f"{path} is empty", "remove it or export it again")
    wanted = codecs.lookup(encoding).name if encoding else None
    if wanted in UTF8 or wanted is None:
        bad, lines = _scan_utf8(path, progress)
        if bad is None:
            return TextFile(path, path, "utf-8", lines)
        if wanted is not None:
            raise TextFileError(
                f"{path} is not valid UTF-8: {_describe(path, bad)}",
                "set the right `encoding:` for this source (e.g. gb18030)",
            )
        try:
            return _transcode(
                path, "gb18030", workdir=workdir, label="gb18030 (detected)", progress=progress
            )
        except TextFileError:
            raise TextFileError(
                f"{path} is neither UTF-8 nor GB18030: {_describe(path, bad)}",
                "set `encoding:` for this source (e.g. big5, shift_jis, utf-16, latin-1)",
            ) from None
    return _transcode(path, wanted, workdir=workdir, label=wanted, progress=progress)


def _describe(path: Path, offset: int) -> str:
    with path.open("rb") as f:
        f.seek(offset)
        byte = f.read(1)
    return f"byte 0x{byte.hex()} at byte offset {offset} cannot be decoded"


def _scan_utf8(path: Path, progress: ByteProgress | None) -> tuple[int | None, int]:
    """Offset of the first invalid UTF-8 byte (None when valid) and the number of lines."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = LineCount()
    offset = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            pending = len(decoder.getstate()[0])
            if pending or not chunk.isascii():  # ASCII needs no decoding: the common fast path
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as e:
                    return offset - pending + e.start, 0
            lines.feed(chunk)
            offset += len(chunk)
            if progress:
                progress(len(chunk))
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as e:
            return offset - len(decoder.getstate()[0]) + e.start, 0
    return None, lines.total


def _transcode(
    path: Path, encoding: str, *, workdir: Path, label: str, progress: ByteProgress | None
) -> TextFile:
    decoder = codecs.getincrementaldecoder(encoding)()
    handle, name = tempfile.mkstemp(
        prefix=f"{path.stem}.", suffix=f".utf8{path.suffix}", dir=workdir
    )
    os.close(handle)
    target = Path(name)
    lines = LineCount()
    offset = 0
    with path.open("rb") as src, target.open("wb") as out:
        while True:
            chunk = src.read(CHUNK)
            pending = _pending(decoder)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as e:
                where = _describe(path, max(offset - pending + e.start, 0))
                raise TextFileError(
                    f"{path} is not {encoding}: {where}",
                    "set the right `encoding:` for this source",
                ) from None
            data = text.lstrip("\ufeff") if offset == 0 else text
            encoded = data.encode("utf-8")
            out.write(encoded)
            lines.feed(encoded)
            if not chunk:
                break
            offset += len(chunk)
            if progress:
                progress(len(chunk))
    return TextFile(path, target, label, lines.total)


def _pending(decoder: codecs.IncrementalDecoder) -> int:
    try:
        return len(decoder.getstate()[0])
    except (AttributeError, TypeError):  # some codecs keep no byte state
        return 0


class LineCount:
    """Counts physical lines of bytes fed in chunks."""

    def __init__(self) -> None:
        self._newlines = 0
        self._last = b"\n"

    def feed(self, chunk: bytes) -> None:
        if chunk:
            self._newlines += chunk.count(b"\n")
            self._last = chunk[-1:]

    @property
    def total(self) -> int:
        return self._newlines + (0 if self._last == b"\n" else 1)


def blank_lines(path: Path) -> tuple[int, ...]:
    """Physical numbers of the empty lines of a UTF-8 file (only needed when a CSV has lines the
    reader skipped, so it is a separate, slower pass)."""
    found: list[int] = []
    newlines, carry = 1, b"\n"  # a virtual newline before the file: line k follows newline k
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            data = carry + chunk
            base = newlines - carry.count(b"\n")
            for pattern in (b"\n\n", b"\n\r\n"):
                start = data.find(pattern)
                while start != -1:
                    if start + len(pattern) > len(carry):  # not already seen in the carry
                        found.append(base + data.count(b"\n", 0, start + 1))
                    start = data.find(pattern, start + 1)
            newlines += chunk.count(b"\n")
            carry = data[-2:]
    return tuple(sorted(set(found)))
