"""The tests' demo cache (tests/demo_cache.py): one build per key, a failed build leaves
nothing behind, and the key changes with the generator's source."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import demo_cache


def test_a_build_is_made_once_and_a_failed_one_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_cache, "CACHE", tmp_path / "cache")
    builds: list[Path] = []

    def build(path: Path) -> None:
        builds.append(path)
        path.write_text("built", encoding="utf-8")

    def broken(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        demo_cache.cached("x.duckdb", broken)
    assert not (tmp_path / "cache" / "x.duckdb").exists()
    first = demo_cache.cached("x.duckdb", build)
    again = demo_cache.cached("x.duckdb", build)
    assert first == again == tmp_path / "cache" / "x.duckdb"
    assert len(builds) == 1 and first.read_text(encoding="utf-8") == "built"


def test_the_key_follows_the_generator_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_cache, "ROOT", tmp_path)
    (tmp_path / "gen").mkdir()
    (tmp_path / "gen" / "a.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("B = 1\n", encoding="utf-8")
    before = demo_cache.source_key("gen", "b.py")
    assert demo_cache.source_key("gen", "b.py") == before
    (tmp_path / "gen" / "a.py").write_text("A = 2\n", encoding="utf-8")
    assert demo_cache.source_key("gen", "b.py") != before
    (tmp_path / "gen" / "a.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("B = 2\n", encoding="utf-8")
    assert demo_cache.source_key("gen", "b.py") != before
    assert set(demo_cache.DEMO_SOURCES) >= {"connectors/demo"}


def test_every_session_gets_its_own_copy(
    tmp_path_factory: pytest.TempPathFactory, small_demo: Path
) -> None:
    """Two copies of one cached demo are different files with the same data."""
    one = demo_cache.demo_copy(tmp_path_factory, "one", events=30_000)
    two = demo_cache.demo_copy(tmp_path_factory, "two", events=30_000)
    assert one != two and one.read_bytes() == two.read_bytes() == small_demo.read_bytes()
