"""Reading every kind of source and mapping it onto the canonical tables."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import duckdb
from test_ingest_support import EVENTS_CSV, EVENTS_SOURCE, config, rows, run, write


def test_csv_columns_values_constants_extras_and_timezone(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    report = run(config(tmp_path, EVENTS_SOURCE))
    db = tmp_path / "shop.duckdb"
    got = rows(db, "SELECT ts, channel, touchpoint, revenue, device FROM events ORDER BY ts")
    assert got == [
        (datetime(2024, 3, 1, 8, 30), "wechat_oa", "home", None, "ios"),  # 00:30 UTC = 08:30 CST
        (datetime(2024, 3, 1, 8, 31), "website", "product_page", None, "ios"),
        (datetime(2024, 3, 1, 8, 32), "website", "cart", 19.9, "android"),
    ]
    types = dict(
        rows(
            db,
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'events'",
        )
    )
    assert (
        types["ts"] == "TIMESTAMP" and types["revenue"] == "DOUBLE" and types["device"] == "VARCHAR"
    )
    assert report.source("web").rows_read == 3 and report.source("web").accepted == 3
    assert report.tables["events"] == 3


def test_timestamp_formats_and_offsets(tmp_path: Path) -> None:
    write(
        tmp_path,
        "t.csv",
        """\
        id,when,kind
        1,01/03/2024 09:00,a
        2,2024-03-01T09:00:00+09:00,b
        3,2024.03.01 09h00,c
        """,
    )
    run(
        config(
            tmp_path,
            """\
        - name: t
          path: t.csv
          table: events
          columns: {ts: when, touchpoint: kind, channel: {value: app}, event_id: id}
          timestamps:
            formats: ["%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M:%S%z", "%Y.%m.%d %Hh%M"]
            timezone: Europe/London
          identifiers: {device_id: id}
        """,
        )
    )
    got = dict(rows(tmp_path / "shop.duckdb", "SELECT event_id, ts FROM events"))
    assert got == {
        "1": datetime(2024, 3, 1, 17, 0),  # London (UTC+0 in March) → Shanghai (+8)
        "2": datetime(2024, 3, 1, 8, 0),  # its own +09:00 offset wins over the source timezone
        "3": datetime(2024, 3, 1, 17, 0),
    }


def test_unix_times_in_seconds_and_milliseconds(tmp_path: Path) -> None:
    # 1709254800 is 2024-03-01 01:00:00 UTC = 09:00 in Shanghai; JSON numbers and text alike.
    write(
        tmp_path,
        "app.jsonl",
        """\
        {"id": "1", "ts": 1709254800, "ev": "home"}
        {"id": "2", "ts": 1709254800123, "ev": "cart"}
        {"id": "3", "ts": "1709254800.5", "ev": "pay"}
        {"id": "4", "ts": "2024-03-01 09:00:00", "ev": "home"}
        """,
    )
    source = """\
        - name: app
          path: app.jsonl
          table: events
          columns: {ts: ts, touchpoint: ev, channel: {value: app}, event_id: id}
          identifiers: {device_id: id}
        """
    run(config(tmp_path, source))  # no formats: 9–10 digits are seconds, 12–13 milliseconds
    got = dict(rows(tmp_path / "shop.duckdb", "SELECT event_id, ts FROM events"))
    assert got == {
        "1": datetime(2024, 3, 1, 9, 0),
        "2": datetime(2024, 3, 1, 9, 0, 0, 123000),
        "3": datetime(2024, 3, 1, 9, 0, 0, 500000),
        "4": datetime(2024, 3, 1, 9, 0),  # naive text: already Shanghai time
    }
    named = source.replace(
        "identifiers:",
        'timestamps: {formats: [epoch_ms, "%Y-%m-%d %H:%M:%S"]}\n          identifiers:',
    )
    run(config(tmp_path, named))
    got = dict(rows(tmp_path / "shop.duckdb", "SELECT event_id, ts FROM events"))
    assert got["2"] == datetime(2024, 3, 1, 9, 0, 0, 123000) and got["4"] == datetime(2024, 3, 1, 9)
    assert got["1"] == datetime(1970, 1, 21, 2, 47, 34, 800000)  # read as milliseconds, as told


def test_scale_turns_cents_into_units(tmp_path: Path) -> None:
    write(
        tmp_path,
        "orders.csv",
        """\
        id,paid_at,amount_fen,items
        1,2024-03-01 09:00:00,1990,2
        2,2024-03-01 10:00:00,,1
        """,
    )
    run(
        config(
            tmp_path,
            """\
        - name: pos
          path: orders.csv
          table: events
          columns: {ts: paid_at, touchpoint: {value: purchase}, channel: {value: store},
                    event_id: id, revenue: {column: amount_fen, scale: 0.01},
                    items: {column: items, type: INTEGER, scale: 10}}
          identifiers: {device_id: id}
        """,
        )
    )
    got = rows(tmp_path / "shop.duckdb", "SELECT event_id, revenue, items FROM events ORDER BY 1")
    assert got == [("1", 19.9, 20), ("2", None, 10)]


def test_parquet_keeps_native_types(tmp_path: Path) -> None:
    with duckdb.connect() as con:
        con.execute(f"""COPY (SELECT * FROM (VALUES
            (TIMESTAMP '2024-05-01 10:00:00', 'u1', 'home', 12.5::DOUBLE, DATE '2024-05-01'),
            (TIMESTAMP '2024-05-01 11:00:00', 'u2', 'cart', NULL, DATE '2024-05-02'))
            t(happened, uid, tp, amount, d)) TO '{tmp_path / "e.parquet"}' (FORMAT parquet)""")
    run(
        config(
            tmp_path,
            """\
        - name: pq
          path: e.parquet
          table: events
          columns: {ts: happened, user_id: uid, touchpoint: tp, revenue: amount,
                    channel: {value: app}, day: {column: d, type: DATE}}
        """,
        )
    )
    got = rows(
        tmp_path / "shop.duckdb", "SELECT ts, touchpoint, revenue, day FROM events ORDER BY ts"
    )
    assert got == [
        (datetime(2024, 5, 1, 10), "home", 12.5, date(2024, 5, 1)),  # naive: already model time
        (datetime(2024, 5, 1, 11), "cart", None, date(2024, 5, 2)),
    ]


def test_jsonl_nested_values_and_line_numbers(tmp_path: Path) -> None:
    write(
        tmp_path,
        "w.jsonl",
        """\
        {"openid": "o1", "t": "2024-03-01 10:00:00", "ev": "follow", "extra": {"a": 1}}

        {"openid": "o2", "t": "2024-03-01 11:00:00", "ev": "menu_click"}
        [1, 2]
        """,
    )
    report = run(
        config(
            tmp_path,
            """\
        - name: wx
          path: w.jsonl
          table: events
          columns: {ts: t, touchpoint: ev, channel: {value: wechat_oa}, extra: extra}
          identifiers: {wechat_openid: openid}
        """,
        )
    )
    db = tmp_path / "shop.duckdb"
    assert rows(db, "SELECT touchpoint, extra FROM events ORDER BY ts") == [
        ("follow", '{"a":1}'),
        ("menu_click", None),
    ]
    assert rows(db, "SELECT line, reason FROM quarantine") == [(4, "not a JSON object: ARRAY")]
    assert report.source("wx").rows_read == 3


def test_glob_and_folder_of_files_with_different_columns(tmp_path: Path) -> None:
    write(tmp_path, "raw/a/2024-01.csv", "t,who,tp\n2024-01-01 10:00:00,x,home\n")
    write(tmp_path, "raw/b/2024-02.csv", "t,who,tp,city\n2024-02-01 10:00:00,y,cart,上海\n")
    write(tmp_path, "raw/b/_ignored.csv", "junk\n")
    source = """\
        - name: s
          path: {path}
          table: events
          columns: {{ts: t, touchpoint: tp, channel: {{value: web}}, city: city}}
          identifiers: {{cookie: who}}
        """
    for path in ("raw", "raw/*/*.csv"):
        report = run(config(tmp_path, source.format(path=path)))
        assert sorted(
            rows(tmp_path / "shop.duckdb", "SELECT touchpoint, city FROM events"), key=str
        ) == [("cart", "上海"), ("home", None)]
        assert report.source("s").inputs == ("raw/a/2024-01.csv", "raw/b/2024-02.csv")


def test_duckdb_database_table(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "crm.duckdb")) as con:
        con.execute(
            "CREATE TABLE members AS SELECT * FROM (VALUES ('M1', 'gold', "
            "TIMESTAMP '2024-01-01 09:00:00'), ('M2', NULL, NULL)) t(no, tier, since)"
        )
    run(
        config(
            tmp_path,
            """\
        - name: crm
          database: crm.duckdb
          source_table: members
          table: users
          columns: {member_tier: tier, first_seen_ts: since}
          identifiers: {member_no: no}
        """,
        )
    )
    got = rows(tmp_path / "shop.duckdb", "SELECT member_tier, first_seen_ts FROM users ORDER BY 1")
    assert got == [("gold", datetime(2024, 1, 1, 9)), (None, None)]


def test_sqlite_table_streamed(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "shop.sqlite")
    con.execute("CREATE TABLE orders (no TEXT, phone TEXT, paid TEXT, amount REAL, qty INTEGER)")
    con.executemany(
        "INSERT INTO orders VALUES (?, ?, ?, ?, ?)",
        [("O1", "p1", "2024-03-01 12:00:00", 99.5, 2), ("O2", "p2", None, 5, 1)],
    )
    con.commit()
    con.close()
    report = run(
        config(
            tmp_path,
            """\
        - name: orders
          database: shop.sqlite
          source_table: ORDERS
          table: events
          columns: {ts: paid, order_id: no, revenue: amount, qty: {column: qty, type: INTEGER},
                    touchpoint: {value: purchase}, channel: {value: store}}
          identifiers: {phone_hash: phone}
        """,
        )
    )
    db = tmp_path / "shop.duckdb"
    assert rows(db, "SELECT order_id, revenue, qty FROM events") == [("O1", 99.5, 2)]
    assert rows(db, "SELECT file, line, reason FROM quarantine") == [
        ("shop.sqlite:ORDERS", 2, "missing required column ts")
    ]
    assert report.source("orders").inputs == ("shop.sqlite:ORDERS",)


GBK_CSV = (
    "时间,会员,页面,渠道\n"
    "2024-03-01 10:00:00,张三,商品页,小程序\n"
    "2024-03-01 10:05:00,李四,购物车,公众号\n"
)
GBK_SOURCE = """\
    - name: gbk
      path: gbk.csv
      table: events
      {encoding}
      columns: {{ts: 时间, touchpoint: 页面, channel: 渠道}}
      values:
        channel: {{小程序: mini_program, 公众号: wechat_oa}}
      identifiers: {{member_name: 会员}}
    """


def test_gbk_csv_detected_and_explicit(tmp_path: Path) -> None:
    (tmp_path / "gbk.csv").write_bytes(GBK_CSV.encode("gbk"))
    for encoding, said in (("", "gb18030 (detected)"), ("encoding: gbk", "gbk")):
        report = run(config(tmp_path, GBK_SOURCE.format(encoding=encoding)))
        got = rows(tmp_path / "shop.duckdb", "SELECT touchpoint, channel FROM events ORDER BY ts")
        assert got == [("商品页", "mini_program"), ("购物车", "wechat_oa")]
        assert report.source("gbk").encodings == (said,)
        assert any(said in line for line in report.lines())


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    text = (
        "\ufeffevent_time,member,page,src,amount,device\r\n2024-03-01 00:30:00,M1,home,web,,ios\r\n"
    )
    (tmp_path / "events.csv").write_bytes(text.encode("utf-8"))
    run(config(tmp_path, EVENTS_SOURCE))
    assert rows(tmp_path / "shop.duckdb", "SELECT touchpoint, device FROM events") == [
        ("home", "ios")
    ]


def test_users_rows_of_one_person_are_merged(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", "id,open,tier,since\nM1,o1,,2024-02-01\nM2,,silver,2024-01-01\n")
    write(tmp_path, "b.csv", "open,tier,since\no1,gold,2024-01-05\n")
    run(
        config(
            tmp_path,
            """\
        - name: crm
          path: a.csv
          table: users
          columns: {member_tier: tier, first_seen_ts: since}
          identifiers: {member_no: id, wechat_openid: open}
        - name: wechat_fans
          path: b.csv
          table: users
          columns: {member_tier: tier, first_seen_ts: since}
          identifiers: {wechat_openid: open}
        """,
        )
    )
    got = rows(tmp_path / "shop.duckdb", "SELECT member_tier, first_seen_ts FROM users ORDER BY 1")
    assert got == [("gold", datetime(2024, 1, 5)), ("silver", datetime(2024, 1, 1))]


def test_costs_without_header_tab_separated_with_dates(tmp_path: Path) -> None:
    write(tmp_path, "costs.tsv", "2024/03/01\tbaidu\t120.5\n2024/03/02\tbaidu\t99\n")
    report = run(
        config(
            tmp_path,
            """\
        - name: costs
          path: costs.tsv
          delimiter: "\\t"
          header: false
          table: marketing_costs
          columns: {date: column0, channel: column1, cost: column2}
          timestamps: {formats: ["%Y/%m/%d"]}
        """,
        )
    )
    got = rows(
        tmp_path / "shop.duckdb", "SELECT date, channel, cost FROM marketing_costs ORDER BY 1"
    )
    assert got == [(date(2024, 3, 1), "baidu", 120.5), (date(2024, 3, 2), "baidu", 99.0)]
    assert "identity_links" not in report.tables


def test_tickets_with_per_column_timestamps_and_boolean_values(tmp_path: Path) -> None:
    write(
        tmp_path,
        "t.csv",
        "工单号,会员,开单,首次响应,投诉\nT1,M1,2024-03-01 09:00,2024-03-01 01:30:00,是\n"
        "T2,M2,2024-03-01 10:00,,否\n",
    )
    run(
        config(
            tmp_path,
            """\
        - name: service
          path: t.csv
          table: tickets
          columns: {ticket_id: 工单号, opened_ts: 开单, first_response_ts: 首次响应,
                    is_complaint: 投诉, channel: {value: hotline}}
          values:
            is_complaint: {是: true, 否: false}
          timestamps:
            opened_ts: {formats: ["%Y-%m-%d %H:%M"]}
            first_response_ts: {timezone: UTC}
          identifiers: {member_no: 会员}
        """,
        )
    )
    got = rows(
        tmp_path / "shop.duckdb",
        "SELECT ticket_id, opened_ts, first_response_ts, is_complaint FROM tickets ORDER BY 1",
    )
    assert got == [
        ("T1", datetime(2024, 3, 1, 9), datetime(2024, 3, 1, 9, 30), True),
        ("T2", datetime(2024, 3, 1, 10), None, False),
    ]


def test_event_ids_are_kept_or_generated_deterministically(tmp_path: Path) -> None:
    write(
        tmp_path,
        "e.csv",
        "id,t,m,tp\nE-1,2024-03-01 10:00:00,M1,home\n,2024-03-01 10:01:00,M1,cart\n",
    )
    source = """\
        - name: web
          path: e.csv
          table: events
          columns: {event_id: id, ts: t, touchpoint: tp, channel: {value: web}}
          identifiers: {member_no: m}
        """
    run(config(tmp_path, source))
    first = rows(tmp_path / "shop.duckdb", "SELECT event_id, touchpoint FROM events ORDER BY ts")
    assert first[0] == ("E-1", "home")
    assert first[1][0].startswith("E") and len(first[1][0]) == 21 and first[1][1] == "cart"
    run(config(tmp_path, source))
    assert (
        rows(tmp_path / "shop.duckdb", "SELECT event_id, touchpoint FROM events ORDER BY ts")
        == first
    )
