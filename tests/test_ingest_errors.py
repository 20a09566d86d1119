"""Bad configs and inputs: an `IngestError` naming the file (and line), the problem and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ingest_support import EVENTS_CSV, EVENTS_SOURCE, config, fails, write

from connectors.ingest import load_config


def _config_text(tmp_path: Path, text: str) -> Path:
    return write(tmp_path, "ingest.yaml", text)


def test_yaml_syntax_error_has_the_line(tmp_path: Path) -> None:
    path = _config_text(tmp_path, "timezone: UTC\nsources:\n  - name: a\n    path: [x.csv\n")
    message = fails(path)
    assert "ingest.yaml:5" in message and "YAML syntax error" in message


def test_unknown_key_with_line_and_did_you_mean(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    path = config(tmp_path, EVENTS_SOURCE.replace("columns:", "colums:"))
    message = fails(path)
    assert "ingest.yaml:7: source 'web': unknown key 'colums'" in message
    assert "did you mean 'columns'?" in message


def test_unknown_target_table(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    message = fails(config(tmp_path, EVENTS_SOURCE.replace("table: events", "table: event")))
    assert "ingest.yaml:6:" in message and "unknown target table 'event'" in message
    assert "did you mean 'events'?" in message


def test_every_config_problem_is_listed(tmp_path: Path) -> None:
    path = _config_text(
        tmp_path,
        """\
timezone: Asia/Shangai
sources:
  - name: a
    path: a.csv
    format: xlsx
    table: events
    columns: {ts: t, touchpont: tp, channel: {value: web}, n: {column: x, type: STRNG}}
    identifiers: {Member-No: m}
""",
    )
    with pytest.raises(Exception) as caught:
        load_config(path)
    message = str(caught.value)
    assert "ingest.yaml:5:" in message and "format" in message  # pydantic: not a known format
    caught_again = fails(path.with_name("ingest.yaml"))
    assert caught_again == message
    fixed = path.read_text(encoding="utf-8").replace("    format: xlsx\n", "")
    path.write_text(fixed, encoding="utf-8")
    message = fails(path)
    assert (
        "ingest.yaml:1: unknown timezone 'Asia/Shangai' — did you mean 'Asia/Shanghai'?" in message
    )
    assert "needs column 'touchpoint' but it is not mapped — did you mean 'touchpont'?" in message
    assert "unsupported type 'STRNG' — expected one of: BIGINT, BOOLEAN" in message
    assert "identifier kind 'Member-No' must be lower_snake_case" in message
    assert message.count("ingest.yaml:") == 4


def test_yes_and_no_stay_strings_in_value_maps(tmp_path: Path) -> None:
    write(
        tmp_path,
        "t.csv",
        "m,t,tp,c\nM1,2024-01-01 00:00:00,home,yes\nM1,2024-01-01 00:00:01,home,no\n",
    )
    path = config(
        tmp_path,
        """\
        - name: t
          path: t.csv
          table: tickets
          columns: {ticket_id: tp, opened_ts: t, is_complaint: c}
          values:
            is_complaint: {yes: true, no: false}
          identifiers: {member_no: m}
        """,
    )
    source = load_config(path).sources[0]
    assert source.values == {"is_complaint": {"yes": True, "no": False}}


def test_missing_file_with_did_you_mean(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    message = fails(config(tmp_path, EVENTS_SOURCE.replace("events.csv", "event.csv")))
    assert "ingest.yaml:5:" in message and "file not found" in message and "event.csv" in message
    assert "did you mean 'events.csv'?" in message


def test_glob_matching_nothing(tmp_path: Path) -> None:
    message = fails(config(tmp_path, EVENTS_SOURCE.replace("events.csv", "raw/*.csv")))
    assert "no files match" in message and "raw/*.csv" in message


def test_unknown_source_column_with_did_you_mean_from_the_header(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    message = fails(
        config(
            tmp_path,
            EVENTS_SOURCE.replace("ts: event_time", "ts: evnt_time").replace(
                "member_no: member", "member_no: membr"
            ),
        )
    )
    assert "ingest.yaml:8:" in message
    assert "column 'evnt_time' (for columns ts) is not in events.csv" in message
    assert "did you mean 'event_time'?" in message
    assert "column 'membr'" in message and "did you mean 'member'?" in message


def test_unparseable_dates_everywhere_suggest_a_format(tmp_path: Path) -> None:
    write(
        tmp_path,
        "events.csv",
        "event_time,member,page,src,amount,device\n"
        "25/03/2024 10:00,M1,home,web,,ios\n31/03/2024 11:30,M1,cart,web,,ios\n",
    )
    message = fails(config(tmp_path, EVENTS_SOURCE))
    assert "source 'web'" in message and "none of the 2 values of ts" in message
    assert "'25/03/2024 10:00'" in message and "formats: ['%d/%m/%Y %H:%M']" in message


def test_unix_times_with_a_wrong_format_suggest_epoch(tmp_path: Path) -> None:
    write(
        tmp_path,
        "events.csv",
        "event_time,member,page,src,amount,device\n1709254800,M1,home,web,,ios\n",
    )
    source = EVENTS_SOURCE.replace("{timezone: UTC}", '{formats: ["%Y-%m-%d"], timezone: UTC}')
    message = fails(config(tmp_path, source))
    assert "formats: ['epoch']" in message


def test_scale_on_text_and_constants_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    text = EVENTS_SOURCE.replace("device: device", "device: {column: device, scale: 0.01}")
    assert "`scale` multiplies numbers, but device is VARCHAR" in fails(config(tmp_path, text))
    constant = EVENTS_SOURCE.replace("revenue: amount", "revenue: {value: 5, scale: 100}")
    assert "`scale` applies to a source column" in fails(config(tmp_path, constant))


def test_undecodable_file_names_the_byte_offset(tmp_path: Path) -> None:
    (tmp_path / "events.csv").write_bytes(b"event_time,member\n2024,\x80\xff\n")
    message = fails(config(tmp_path, EVENTS_SOURCE))
    assert "events.csv is neither UTF-8 nor GB18030" in message
    assert "byte 0x80 at byte offset 23" in message and "encoding:" in message


def test_wrong_explicit_encoding(tmp_path: Path) -> None:
    (tmp_path / "events.csv").write_bytes(EVENTS_CSV.replace("    ", "").encode("gbk"))
    source = EVENTS_SOURCE.replace("table: events", "table: events\n      encoding: utf-8")
    message = fails(config(tmp_path, source))
    assert "events.csv is not valid UTF-8" in message and "byte offset" in message


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "events.csv").write_bytes(b"")
    message = fails(config(tmp_path, EVENTS_SOURCE))
    assert "events.csv is empty" in message


def test_unknown_table_in_a_database(tmp_path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(tmp_path / "crm.sqlite")
    con.execute("CREATE TABLE members (no TEXT)")
    con.close()
    message = fails(
        config(
            tmp_path,
            """\
        - name: crm
          database: crm.sqlite
          source_table: member
          table: users
          identifiers: {member_no: no}
        """,
        )
    )
    assert "ingest.yaml:6:" in message and "no table 'member'" in message
    assert "did you mean 'members'?" in message


def test_not_a_database(tmp_path: Path) -> None:
    write(tmp_path, "crm.db", "hello")
    message = fails(
        config(
            tmp_path,
            """\
        - name: crm
          database: crm.db
          source_table: members
          table: users
          identifiers: {member_no: no}
        """,
        )
    )
    assert "crm.db is neither a DuckDB nor a SQLite database" in message
