"""Full refresh through staging tables and one swap: idempotent, and safe when a run fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from test_ingest_support import EVENTS_CSV, EVENTS_SOURCE, config, fails, rows, run, table, write

from connectors.ingest import IngestError, pipeline
from connectors.ingest.progress import Runner
from connectors.ingest.staging import swap

TABLES = ("events", "identity_links", "quarantine")
MISSING_FILE_SOURCE = """\
    - name: crm
      path: crm.csv
      table: users
      identifiers: {member_no: no}
    """


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    return {name: table(db, name) for name in TABLES}


def _setup(folder: Path) -> Path:
    write(folder, "events.csv", EVENTS_CSV + "2024-03-01 00:32:00,M2,cart,web,19.9,android\nbad\n")
    return config(folder, EVENTS_SOURCE)


def test_running_twice_gives_identical_tables(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    db = tmp_path / "shop.duckdb"
    run(path)
    first = _snapshot(db)
    run(path)
    assert _snapshot(db) == first
    assert len(first["quarantine"]) == 2  # the duplicate and the malformed row, once each


def test_tables_the_config_does_not_target_are_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "shop.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(
            "CREATE TABLE marketing_costs AS SELECT DATE '2024-03-01' AS date, 'web' "
            "AS channel, NULL AS campaign, 10.0 AS cost"
        )
        con.execute("CREATE VIEW events AS SELECT 1 AS x")  # a targeted view is replaced
    run(_setup(tmp_path))
    assert rows(db, "SELECT cost FROM marketing_costs") == [(10.0,)]
    assert rows(db, "SELECT count(*) FROM events") == [(3,)]


def test_failure_half_way_leaves_previous_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _setup(tmp_path)
    db = tmp_path / "shop.duckdb"
    run(path)
    before = _snapshot(db)
    write(
        tmp_path,
        "events.csv",
        "event_time,member,page,src,amount,device\n2024-04-01 00:00:00,M9,home,web,,ios\n",
    )

    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "stitch", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        run(path)
    assert _snapshot(db) == before
    assert rows(
        db,
        "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '_tpa_%' "
        "AND table_name NOT IN ('_tpa_meta', '_tpa_loads', '_tpa_aggregates', "
        "'_tpa_first_touch', '_tpa_user_days', '_tpa_steps', '_tpa_by_touchpoint')",
    ) == [(0,)]
    assert rows(db, "SELECT count(*) FROM _tpa_loads") == [(1,)]  # the failed run is no load
    monkeypatch.undo()
    run(path)
    assert rows(db, "SELECT touchpoint FROM events") == [("home",)]


def test_a_bad_second_source_changes_nothing(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    db = tmp_path / "shop.duckdb"
    run(path)
    before = _snapshot(db)
    broken = config(tmp_path, EVENTS_SOURCE, MISSING_FILE_SOURCE, name="broken.yaml")
    assert "crm.csv" in fails(broken)
    assert _snapshot(db) == before


def test_stale_staging_tables_are_dropped_first(tmp_path: Path) -> None:
    db = tmp_path / "shop.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE _tpa_stage_events (junk INTEGER)")
        con.execute("CREATE TABLE _tpa_stage_old_thing (junk INTEGER)")
    run(_setup(tmp_path))
    assert rows(
        db,
        "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '_tpa_%' "
        "AND table_name NOT IN ('_tpa_meta', '_tpa_loads', '_tpa_aggregates', "
        "'_tpa_first_touch', '_tpa_user_days', '_tpa_steps', '_tpa_by_touchpoint')",
    ) == [(0,)]
    assert rows(db, "SELECT count(*) FROM _tpa_loads") == [(1,)]  # the failed run is no load
    assert rows(db, "SELECT count(*) FROM events") == [(3,)]


def test_swap_is_one_transaction(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "x.duckdb")) as con:
        con.execute(
            "CREATE TABLE events AS SELECT 'old' AS v; CREATE TABLE users AS SELECT 'old' "
            "AS v; CREATE TABLE _tpa_stage_events AS SELECT 'new' AS v"
        )
        with pytest.raises(duckdb.Error):  # users has no staging table: the rename fails
            swap(Runner(con), ["events", "users"])
        assert con.execute("SELECT v FROM events UNION ALL SELECT v FROM users").fetchall() == [
            ("old",),
            ("old",),
        ]


def test_database_that_cannot_be_opened_is_reported(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    message = fails(path, Path("/proc/not-a-dir/shop.duckdb"))
    assert "shop.duckdb" in message and "cannot open the database" in message


def test_database_locked_by_another_process_is_reported(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    db = tmp_path / "shop.duckdb"
    script = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
        "print('ready', flush=True); time.sleep(30)"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
            message = fails(path)
        finally:
            holder.kill()
    assert "shop.duckdb" in message and "another program" in message


def test_no_database_anywhere(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    path = write(
        tmp_path,
        "c.yaml",
        "timezone: UTC\nsources:\n"
        + "\n".join("  " + line for line in EVENTS_SOURCE.strip("\n").splitlines()),
    )
    with pytest.raises(IngestError, match="no database to load into"):
        run(path)


def test_progress_bars_run_statements_in_a_worker_thread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = pipeline.ingest(_setup(tmp_path), progress=True)
    assert report.tables["events"] == 3
    err = capsys.readouterr().err
    assert "web: read" in err and "identity stitching" in err and "swap" in err


def test_errors_in_the_worker_thread_reach_the_caller(tmp_path: Path) -> None:
    with duckdb.connect() as con:
        runner = Runner(con, show=True)
        with runner.display(), runner.stage("boom"), pytest.raises(duckdb.Error):
            runner.execute("SELECT * FROM no_such_table")
