"""Identity stitching: identifiers seen together are one person, across sources."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import duckdb
from test_ingest_support import config, rows, run, write

from connectors.ingest.progress import Runner
from connectors.ingest.stitching import _propagate

THREE_SOURCES = """\
    - name: wechat
      path: wechat.jsonl
      table: events
      columns: {ts: t, touchpoint: ev, channel: {value: wechat_oa}}
      identifiers: {wechat_openid: openid}
    - name: crm_members
      database: crm.sqlite
      source_table: members
      table: users
      columns: {member_tier: tier}
      identifiers: {member_no: member_no, wechat_openid: openid, phone_hash: phone}
    - name: orders
      path: orders.csv
      table: events
      columns: {ts: paid, order_id: no, revenue: amount, touchpoint: {value: purchase},
                channel: {value: store}}
      identifiers: {phone_hash: phone}
    """


def _three_sources(folder: Path) -> Path:
    write(
        folder,
        "wechat.jsonl",
        """\
        {"openid": "oA", "t": "2024-03-01 10:00:00", "ev": "follow"}
        {"openid": "oB", "t": "2024-03-01 11:00:00", "ev": "follow"}
        {"openid": "oZ", "t": "2024-03-01 12:00:00", "ev": "follow"}
        """,
    )
    con = sqlite3.connect(folder / "crm.sqlite")
    con.execute("CREATE TABLE members (member_no TEXT, openid TEXT, phone TEXT, tier TEXT)")
    con.executemany(
        "INSERT INTO members VALUES (?, ?, ?, ?)",
        [("M1", "oA", "pA", "gold"), ("M2", "oB", None, "silver")],
    )
    con.commit()
    con.close()
    write(
        folder,
        "orders.csv",
        "no,phone,paid,amount\nO1,pA,2024-03-02 09:00:00,99\nO2,pC,2024-03-02 10:00:00,5\n",
    )
    return config(folder, THREE_SOURCES)


def test_openid_member_no_and_phone_hash_are_one_person(tmp_path: Path) -> None:
    report = run(_three_sources(tmp_path))
    db = tmp_path / "shop.duckdb"
    links = dict(
        ((kind, value), user)
        for kind, value, user in rows(
            db, "SELECT source, source_user_id, user_id FROM identity_links"
        )
    )
    person_a = links[("wechat_openid", "oA")]
    assert links[("member_no", "M1")] == links[("phone_hash", "pA")] == person_a
    assert links[("wechat_openid", "oB")] == links[("member_no", "M2")] != person_a
    assert rows(db, "SELECT user_id FROM events WHERE order_id = 'O1'") == [(person_a,)]
    assert rows(
        db, "SELECT user_id FROM events WHERE touchpoint = 'follow' AND ts = '2024-03-01 10:00:00'"
    ) == [(person_a,)]
    assert rows(db, f"SELECT member_tier FROM users WHERE user_id = '{person_a}'") == [("gold",)]
    # oA, M1, pA | oB, M2 | oZ | pC
    assert (report.identifiers, report.persons) == (7, 4)
    assert len(set(links.values())) == 4
    assert all(u.startswith("U") and len(u) == 17 for u in links.values())


def test_user_ids_are_deterministic(tmp_path: Path) -> None:
    first = rows(_db_after(tmp_path / "a"), "SELECT * FROM identity_links ORDER BY ALL")
    second = rows(_db_after(tmp_path / "b"), "SELECT * FROM identity_links ORDER BY ALL")
    assert first == second


def _db_after(folder: Path) -> Path:
    folder.mkdir()
    run(_three_sources(folder))
    return folder / "shop.duckdb"


def test_long_chains_converge(tmp_path: Path) -> None:
    """a0–b0–a1–b1–…: a component whose diameter needs many propagation rounds."""
    n = 300
    write(tmp_path, "left.csv", "a,b\n" + "".join(f"a{i},b{i}\n" for i in range(n)))
    write(tmp_path, "right.csv", "b,a\n" + "".join(f"b{i},a{i + 1}\n" for i in range(n)))
    report = run(
        config(
            tmp_path,
            """\
        - name: left
          path: left.csv
          table: identity_links
          identifiers: {ka: a, kb: b}
        - name: right
          path: right.csv
          table: identity_links
          identifiers: {kb: b, ka: a}
        """,
        )
    )
    assert (report.identifiers, report.persons) == (2 * n + 1, 1)
    assert report.tables == {"identity_links": 2 * n + 1}
    smallest = rows(tmp_path / "shop.duckdb", "SELECT DISTINCT user_id FROM identity_links")
    assert smallest == [("U" + _md5("ka:a0")[:16],)]


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def test_mapped_user_id_is_an_identifier(tmp_path: Path) -> None:
    write(tmp_path, "e.csv", "uid,t,tp\nu1,2024-03-01 10:00:00,home\n")
    write(tmp_path, "l.csv", "uid,openid\nu1,o1\n")
    run(
        config(
            tmp_path,
            """\
        - name: e
          path: e.csv
          table: events
          columns: {user_id: uid, ts: t, touchpoint: tp, channel: {value: app}}
        - name: links
          path: l.csv
          table: identity_links
          identifiers: {user_id: uid, wechat_openid: openid}
        """,
        )
    )
    db = tmp_path / "shop.duckdb"
    ((user,),) = rows(db, "SELECT DISTINCT user_id FROM events")
    assert rows(
        db, f"SELECT source, source_user_id FROM identity_links WHERE user_id = '{user}' ORDER BY 1"
    ) == [("user_id", "u1"), ("wechat_openid", "o1")]


def test_components_of_a_shuffled_path_and_a_forest_in_few_rounds() -> None:
    """Hooking + pointer jumping: exact components, smallest label, rounds ~ log n."""
    with duckdb.connect() as con:
        con.execute("""
            CREATE TEMP TABLE perm AS SELECT i, row_number() OVER (ORDER BY hash(i)) AS p
            FROM range(20001) t(i)""")
        con.execute("""
            CREATE TEMP TABLE _tpa_edges AS
            WITH m AS (SELECT p1.p AS a, p2.p AS b FROM range(20000) t(i)
                       JOIN perm p1 ON p1.i = t.i JOIN perm p2 ON p2.i = t.i + 1
                       WHERE t.i % 5000 <> 4999)  -- four paths of 5000 nodes
            SELECT a, b FROM m UNION SELECT b, a FROM m""")
        statements = _propagate(Runner(con))
        got = con.execute(
            "SELECT count(*), min(id) = label FROM _tpa_label GROUP BY label"
        ).fetchall()
        assert got == [(5000, True)] * 4
        assert statements < 80
