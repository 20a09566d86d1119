"""The Spark engine's time limit, without a JVM: pyspark's session replaced by a fake whose
jobs fail as Spark's do when their group is cancelled. Runs in `make test` (the real engine's
limit is tested in `make test-spark`, tests/test_engines_spark.py)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from connectors.engine import QueryInvalid, QueryTimeout
from connectors.engines.spark import SparkEngine


class FakeContext:
    """pyspark's SparkContext as the engine uses it. Cancelling a group fails its running job
    at once, but the call itself returns late (a JVM round trip on a busy machine): the query's
    thread sees the failure before the canceller is done."""

    def __init__(self) -> None:
        self.cancelled: set[str] = set()
        self.group = ""
        self.changed = threading.Condition()

    def setJobGroup(self, group: str, description: str, interruptOnCancel: bool) -> None:
        self.group = group

    def cancelJobGroup(self, group: str) -> None:
        with self.changed:
            self.cancelled.add(group)
            self.changed.notify_all()
        time.sleep(0.5)


class FakeFrame:
    def __init__(self, context: FakeContext, sql: str) -> None:
        self.context, self.sql = context, sql

    def take(self, n: int) -> list[Any]:
        if self.sql.startswith("SELECT 1/"):  # a query Spark refuses at once
            raise RuntimeError("[DIVIDE_BY_ZERO] Division by zero.")
        group = self.context.group
        with self.context.changed:  # a slow job: runs until its group is cancelled
            if not self.context.changed.wait_for(lambda: group in self.context.cancelled, 10):
                return [(1,)]
        raise RuntimeError(f"Job 3 cancelled part of cancelled job group {group}")


class FakeSpark:
    def __init__(self) -> None:
        self.sparkContext = FakeContext()

    def sql(self, sql: str) -> FakeFrame:
        return FakeFrame(self.sparkContext, sql)


@pytest.fixture
def engine() -> SparkEngine:
    made = SparkEngine.__new__(SparkEngine)  # no folder, no JVM: the fake session instead
    made.path, made.remote, made.timeout_s = Path("x"), None, 0.2
    made.row_cap, made.max_result_bytes = 10, 1_000_000
    made._groups, made._stopped = set(), set()
    made._spark = FakeSpark()
    return made


def test_a_query_past_its_limit_is_a_timeout_even_before_the_cancel_returns(
    engine: SparkEngine,
) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"longer than 0\.2 s"):
        engine.run("SELECT count(*) FROM events")
    assert time.monotonic() - started < 5
    assert engine._groups == set() and engine._stopped == set()  # nothing left behind


def test_cancel_stops_the_running_query_as_a_timeout(engine: SparkEngine) -> None:
    engine.timeout_s = 30
    raised: list[BaseException] = []

    def ask() -> None:
        try:
            engine.run("SELECT count(*) FROM events")
        except Exception as exc:  # the thread's outcome, checked below
            raised.append(exc)

    asker = threading.Thread(target=ask)
    asker.start()
    while not engine._groups:
        time.sleep(0.01)
    engine.cancel()
    asker.join(10)
    assert [type(e) for e in raised] == [QueryTimeout]


def test_a_failing_query_is_invalid_not_a_timeout(engine: SparkEngine) -> None:
    with pytest.raises(QueryInvalid, match="DIVIDE_BY_ZERO"):
        engine.run("SELECT 1/0")
