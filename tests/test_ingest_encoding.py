"""Text files: UTF-8 checks, GB18030 detection, chunked transcoding, line counting."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectors.ingest import encoding
from connectors.ingest.encoding import LineCount, TextFileError, blank_lines, prepare_text

TEXT = "时间,会员\n2024-03-01,张三\n\n2024-03-02,李四\r\n\r\n最后一行"


@pytest.fixture(params=[3, 7, 1 << 20], ids=["chunk3", "chunk7", "chunk1M"])
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Small chunks split multi-byte characters and CRLFs across reads."""
    monkeypatch.setattr(encoding, "CHUNK", request.param)
    return int(request.param)


def test_utf8_file_is_read_in_place(tmp_path: Path, chunk: int) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(TEXT.encode("utf-8"))
    got = prepare_text(path, None, tmp_path)
    assert (got.path, got.encoding, got.lines) == (path, "utf-8", 6)
    assert blank_lines(path) == (3, 5)


@pytest.mark.parametrize(
    ("declared", "said"), [(None, "gb18030 (detected)"), ("GBK", "gbk"), ("gb18030", "gb18030")]
)
def test_gbk_is_transcoded_in_chunks(
    tmp_path: Path, chunk: int, declared: str | None, said: str
) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(TEXT.encode("gbk"))
    got = prepare_text(path, declared, tmp_path)
    assert got.path != path and got.path.read_bytes().decode("utf-8") == TEXT
    assert (got.encoding, got.lines) == (said, 6)


def test_utf16_with_bom(tmp_path: Path, chunk: int) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(TEXT.encode("utf-16"))
    got = prepare_text(path, "utf-16", tmp_path)
    assert got.path.read_bytes().decode("utf-8") == TEXT


def test_offset_of_the_first_bad_byte(tmp_path: Path, chunk: int) -> None:
    path = tmp_path / "a.csv"
    data = "ab,中文\n".encode() + b"x\xe4\xb8" + b"\xff tail"  # truncated 3-byte sequence
    path.write_bytes(data)
    with pytest.raises(TextFileError) as caught:
        prepare_text(path, "utf-8", tmp_path)
    assert "byte 0xe4 at byte offset 11" in caught.value.message


def test_blank_lines_across_chunk_borders(tmp_path: Path, chunk: int) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"\nh\n\n\n1\r\n\r\n2\n\n")
    assert blank_lines(path) == (1, 3, 4, 6, 8)


def test_line_count() -> None:
    count = LineCount()
    for part in (b"a\nb", b"\n", b"c"):
        count.feed(part)
    assert count.total == 3
    empty = LineCount()
    assert empty.total == 0
