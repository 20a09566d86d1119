"""The start-up cache: the validated model and the planner's lexicon, read back instead of built.

A second `open_model` of the same file by the same code builds nothing (both builders are made to
fail) and plans every catalog question exactly as a fresh build does; a changed file or code
version builds again; a damaged, foreign or others-writable entry is never read; a folder that
cannot be written costs only the time; an invalid model is never cached.
"""

from __future__ import annotations

import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

from assistant import startup_cache
from assistant.catalog import EXAMPLES
from assistant.config import AssistantConfig
from assistant.nlu import EmbeddedPlanner
from assistant.nlu.lexicon import Lexicon
from assistant.startup_cache import KEEP, open_model
from semantic_layer.errors import UserError
from semantic_layer.model import DEMO_MODEL_PATH, ModelError
from semantic_layer.time import TimeContext

QUESTIONS = [text for texts in EXAMPLES.values() for text in texts.values()]


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("built again instead of read from the start-up cache")

    monkeypatch.setattr(startup_cache, "_validate", refuse)
    monkeypatch.setattr(Lexicon, "build", refuse)


def _model_file(tmp_path: Path) -> Path:
    file = tmp_path / "model.yaml"
    shutil.copy(DEMO_MODEL_PATH, file)
    return file


def test_a_second_start_reads_both_and_plans_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file, cache = _model_file(tmp_path), tmp_path / "cache"
    built = open_model(file, cache)
    assert sorted(p.name.split("-")[0] for p in cache.iterdir()) == ["lexicon", "model"]
    assert not list(cache.glob("*.tmp"))
    _no_build(monkeypatch)
    read = open_model(file, cache)
    assert read is not built and read.spec == built.spec and read.source == built.source
    assert read.warnings == built.warnings and dict(read.index) == dict(built.index)
    fresh, cached = Lexicon.of(built), Lexicon.of(read)
    assert cached is not fresh and vars(cached) == vars(fresh)
    ctx = TimeContext.create(built.settings.timezone, built.settings.week_start, date(2026, 11, 23))
    one, two = EmbeddedPlanner(built), EmbeddedPlanner(read)
    assert len(QUESTIONS) >= 20
    for question in QUESTIONS:
        assert one.plan(question, ctx) == two.plan(question, ctx), question


def test_a_changed_model_or_code_builds_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file, cache = _model_file(tmp_path), tmp_path / "cache"
    first = open_model(file, cache)
    file.write_text(
        file.read_text(encoding="utf-8").replace("name: demo_retailer", "name: demo_retailer_2", 1),
        encoding="utf-8",
    )
    second = open_model(file, cache)
    assert second.name != first.name
    monkeypatch.setattr(startup_cache, "code_version", lambda: "another version")
    open_model(file, cache)
    assert len(list(cache.glob("model-*.pickle"))) == 3
    assert len(list(cache.glob("lexicon-*.pickle"))) == 3


def test_damaged_foreign_or_shared_entries_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file, cache = _model_file(tmp_path), tmp_path / "cache"
    open_model(file, cache)
    (model_entry,) = cache.glob("model-*.pickle")
    (lexicon_entry,) = cache.glob("lexicon-*.pickle")
    model_entry.write_bytes(b"not a pickle")
    lexicon_entry.chmod(0o666)  # anyone may write it: never unpickled
    calls: list[str] = []
    build = Lexicon.build.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Lexicon], model: object) -> Lexicon:
        calls.append("lexicon")
        return build(cls, model)  # type: ignore[no-any-return]

    monkeypatch.setattr(Lexicon, "build", classmethod(counted))
    model = open_model(file, cache)
    assert calls == ["lexicon"] and model.name == "demo_retailer"
    lexicon_entry.chmod(0o600)  # rewritten (and the model's entry too): read from now on
    _no_build(monkeypatch)
    open_model(file, cache)


def test_the_demo_model_is_the_loaders(tmp_path: Path) -> None:
    assert startup_cache._DEMO_MODEL_PATH == DEMO_MODEL_PATH
    assert open_model(None, tmp_path / "cache").source == str(DEMO_MODEL_PATH)
    assert open_model(None, tmp_path / "cache").spec == open_model(None, None).spec
    with pytest.raises(UserError, match="model file not found"):
        open_model(tmp_path / "missing.yaml", tmp_path / "cache")


def test_an_unwritable_folder_or_off_only_costs_time(tmp_path: Path) -> None:
    file = _model_file(tmp_path)
    blocker = tmp_path / "a file"
    blocker.write_text("")
    assert open_model(file, blocker / "cache").name == "demo_retailer"
    assert open_model(file, None).name == "demo_retailer"
    assert AssistantConfig.from_env({"TPA_STARTUP_CACHE": "off"}).startup_cache is False


def test_an_invalid_model_is_never_cached(tmp_path: Path) -> None:
    file, cache = tmp_path / "model.yaml", tmp_path / "cache"
    file.write_text("name: broken\nmetrics: [1, 2]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ModelError):
            open_model(file, cache)
    assert not cache.exists() or not list(cache.iterdir())


def test_only_the_newest_entries_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file, cache = _model_file(tmp_path), tmp_path / "cache"
    for n in range(KEEP + 3):
        monkeypatch.setattr(startup_cache, "code_version", lambda n=n: f"version {n}")
        open_model(file, cache)
    assert len(list(cache.glob("model-*.pickle"))) == KEEP
    assert len(list(cache.glob("lexicon-*.pickle"))) == KEEP


def test_the_code_version_follows_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in startup_cache.CODE_DIRS:
        (tmp_path / folder / "__pycache__").mkdir(parents=True)
        (tmp_path / folder / "rules.py").write_text("A = 1\n")
    monkeypatch.setattr(startup_cache, "_ROOT", tmp_path)
    version = startup_cache.code_version.__wrapped__
    first = version()
    (tmp_path / "semantic_layer" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"x")
    (tmp_path / "semantic_layer" / "notes.bin").write_bytes(b"x")
    assert version() == first  # bytecode and other files are not the source
    (tmp_path / "assistant" / "nlu" / "rules.py").write_text("A = 22\n")
    assert version() != first


def test_a_value_that_cannot_be_pickled_is_not_kept(tmp_path: Path) -> None:
    startup_cache._write(tmp_path / "cache" / "model-x.pickle", "x", threading.Lock())
    assert not list((tmp_path / "cache").iterdir())  # no entry, no temporary file left
