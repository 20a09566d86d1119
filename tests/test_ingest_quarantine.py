"""Rows that cannot be accepted land in `quarantine` with file, line, reason and the raw row."""

from __future__ import annotations

import json
from pathlib import Path

from test_ingest_support import config, quarantine, rows, run, write

SOURCE = """\
    - name: web
      path: {path}
      table: events
      columns: {{ts: t, touchpoint: page, channel: {{value: web}}, revenue: amount}}
      timestamps: {{formats: ["%Y-%m-%d %H:%M:%S"]}}
      identifiers: {{member_no: member, device_id: cookie}}
    """


def test_every_reason_with_its_physical_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        "e.csv",
        """\
        t,member,cookie,page,amount
        2024-03-01 10:00:00,M1,c1,home,
        2024-13-45 10:00:00,M1,c1,home,

        2024-03-01 10:01:00,M1,c1,,
        bad,row,only
        2024-03-01 10:02:00,,,cart,
        2024-03-01 10:03:00,M2,,cart,abc
        2024-03-01 10:00:00,M1,c1,home,
        2024-03-01 10:04:00,M3,,checkout,12.5
        """,
    )
    report = run(config(tmp_path, SOURCE.format(path="e.csv")))
    db = tmp_path / "shop.duckdb"
    assert quarantine(db) == [
        (
            "web",
            "e.csv",
            3,
            "unparseable ts '2024-13-45 10:00:00' (formats tried: %Y-%m-%d %H:%M:%S)",
        ),
        ("web", "e.csv", 5, "missing required column touchpoint"),
        ("web", "e.csv", 6, "malformed CSV row: expected 5 columns, found 3"),
        ("web", "e.csv", 7, "no person identifier (member_no, device_id empty)"),
        ("web", "e.csv", 8, "cannot cast revenue 'abc' to DOUBLE"),
        ("web", "e.csv", 9, "duplicate of line 2"),
    ]
    assert rows(db, "SELECT touchpoint, revenue FROM events ORDER BY ts") == [
        ("home", None),
        ("checkout", 12.5),
    ]
    web = report.source("web")
    assert (web.rows_read, web.accepted, web.duplicates) == (8, 2, 1)
    assert web.quarantined == {
        "cannot cast revenue": 1,
        "malformed CSV row": 1,
        "missing required column touchpoint": 1,
        "no person identifier": 1,
        "unparseable ts": 1,
    }
    assert web.rows_read == web.accepted + web.quarantined_total + web.duplicates


def test_raw_row_is_kept_as_json(tmp_path: Path) -> None:
    write(tmp_path, "e.csv", "t,member,cookie,page,amount\n2024-03-01 10:00:00,M1,c1,home,x\n1,2\n")
    run(config(tmp_path, SOURCE.format(path="e.csv")))
    raws = [
        r[0] for r in rows(tmp_path / "shop.duckdb", "SELECT raw FROM quarantine ORDER BY line")
    ]
    assert json.loads(raws[0]) == {
        "t": "2024-03-01 10:00:00",
        "member": "M1",
        "cookie": "c1",
        "page": "home",
        "amount": "x",
    }
    assert json.loads(raws[1]) == "1,2"


def test_lines_per_file_in_a_folder_and_duplicates_across_files(tmp_path: Path) -> None:
    header = "t,member,cookie,page,amount\n"
    write(tmp_path, "in/1.csv", header + "2024-03-01 10:00:00,M1,,home,\n")
    write(
        tmp_path,
        "in/2.csv",
        header + "\n2024-03-02 10:00:00,M2,,home,\nx\n"
        "2024-03-01 10:00:00,M1,,home,\nnope,M3,,home,\n",
    )
    run(config(tmp_path, SOURCE.format(path="in")))
    assert quarantine(tmp_path / "shop.duckdb") == [
        ("web", "in/2.csv", 4, "malformed CSV row: expected 5 columns, found 1"),
        ("web", "in/2.csv", 5, "duplicate of line 2 of in/1.csv"),
        ("web", "in/2.csv", 6, "unparseable ts 'nope' (formats tried: %Y-%m-%d %H:%M:%S)"),
    ]


def test_rows_of_a_quarantined_source_do_not_stitch(tmp_path: Path) -> None:
    write(tmp_path, "e.csv", "t,member,cookie,page,amount\n2024-03-01 10:00:00,M1,c1,,\n")
    report = run(config(tmp_path, SOURCE.format(path="e.csv")))
    assert report.identifiers == 0 and report.tables["events"] == 0
    assert rows(tmp_path / "shop.duckdb", "SELECT count(*) FROM quarantine") == [(1,)]


def test_a_source_column_called_rowid_does_not_shift_lines(tmp_path: Path) -> None:
    write(
        tmp_path,
        "e.csv",
        "rowid,t,member,cookie,page,amount\n90,2024-03-01 10:00:00,M1,,home,\n80,bad,M1,,home,\n",
    )
    source = SOURCE.format(path="e.csv").replace("revenue: amount}", "revenue: amount, n: rowid}")
    run(config(tmp_path, source))
    db = tmp_path / "shop.duckdb"
    assert rows(db, "SELECT n FROM events") == [("90",)]
    assert quarantine(db) == [
        ("web", "e.csv", 3, "unparseable ts 'bad' (formats tried: %Y-%m-%d %H:%M:%S)")
    ]
    assert '"rowid":"80"' in rows(db, "SELECT raw FROM quarantine")[0][0]
