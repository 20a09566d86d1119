"""Ingestion reads data, not code (issue 14, leak 3 and the unclear errors): an attached
database cannot make ingestion read a file, links do not lead out of a source folder, special
files, wide CSVs and YAML alias bombs end in a specific message."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb
import pytest

from connectors.ingest import load_config
from connectors.ingest.errors import IngestError
from semantic_layer.model import load_model
from semantic_layer.model.problems import ModelError
from tests.test_ingest_support import EVENTS_CSV, EVENTS_SOURCE, config, fails, rows, run, write

SECRET = "QX7-INGEST-CANARY-31c9"
CRM_SOURCE = """\
    - name: crm
      database: crm.duckdb
      source_table: {table}
      table: users
      columns: {{member_tier: tier}}
      identifiers: {{member_no: no}}
    """
BOMB = "\n".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
)


def crm_with_view(folder: Path, secret: Path) -> None:
    with duckdb.connect(str(folder / "crm.duckdb")) as con:
        con.execute("CREATE TABLE members AS SELECT 'M1' AS no, 'gold' AS tier")
        con.execute(
            f"CREATE VIEW leak AS SELECT content AS no, content AS tier FROM read_text('{secret}')"
        )
        con.execute("CREATE VIEW gold AS SELECT * FROM members WHERE tier = 'gold'")


def test_a_view_over_a_file_in_a_source_database_is_refused(tmp_path: Path) -> None:
    secret = write(tmp_path / "outside", "secret.txt", SECRET)
    crm_with_view(tmp_path, secret)
    message = fails(config(tmp_path, CRM_SOURCE.format(table="leak")))
    assert "view 'leak'" in message and "reads files" in message
    assert SECRET not in message
    db = tmp_path / "shop.duckdb"
    if db.exists():
        assert SECRET not in str(rows(db, "SELECT * FROM duckdb_tables()"))


def test_a_plain_view_of_a_source_database_is_still_read(tmp_path: Path) -> None:
    crm_with_view(tmp_path, write(tmp_path, "s.txt", "x"))
    run(config(tmp_path, CRM_SOURCE.format(table="gold")))
    assert rows(tmp_path / "shop.duckdb", "SELECT member_tier FROM users") == [("gold",)]


def test_a_link_out_of_a_source_folder_is_refused(tmp_path: Path) -> None:
    secret = write(tmp_path / "outside", "secret.csv", f"event_time,member\n{SECRET},x\n")
    data = tmp_path / "raw"
    write(data, "events.csv", EVENTS_CSV)
    (data / "more.csv").symlink_to(secret)
    source = EVENTS_SOURCE.replace("path: events.csv", "path: raw")
    message = fails(config(tmp_path, source))
    assert "is a link to" in message and "outside the source folder" in message


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX here")
def test_special_files_are_named_as_such(tmp_path: Path) -> None:
    pipe = tmp_path / "events.csv"
    os.mkfifo(pipe)
    assert "is a named pipe (FIFO), not a data file" in fails(config(tmp_path, EVENTS_SOURCE))
    device = EVENTS_SOURCE.replace("path: events.csv", "path: /dev/zero")
    message = fails(config(tmp_path, device))
    assert "/dev/zero is a character device, not a data file" in message
    assert "not found" not in message


def test_a_wide_csv_fails_with_a_clear_error(tmp_path: Path) -> None:
    header = "event_time,member,page,src," + ",".join(f"c{i}" for i in range(3000))
    line = "2024-03-01 00:30:00,M1,home,web," + ",".join("1" * 3000)
    write(tmp_path, "events.csv", f"{header}\n{line}\n")
    source = """\
        - name: web
          path: events.csv
          table: events
          columns: {ts: event_time, touchpoint: page, channel: src}
          identifiers: {member_no: member}
        """
    message = fails(config(tmp_path, source))
    assert "the source has 3,004 columns; at most 2,000 are read" in message


def test_a_yaml_alias_bomb_in_an_ingest_config_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "ingest.yaml", BOMB + "\ntimezone: UTC\nsources: []\n")
    with pytest.raises(IngestError, match="the YAML expands to more than 200,000 values"):
        load_config(path)


def test_a_yaml_alias_bomb_in_a_model_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "model.yaml", BOMB + "\nversion: 1\n")
    with pytest.raises(ModelError, match="the YAML expands to more than 200,000 values"):
        load_model(path)
    loop = write(tmp_path, "loop.yaml", "a: &x [1, *x]\nversion: 1\n")
    with pytest.raises(ModelError, match="a YAML alias refers to itself"):
        load_model(loop)
