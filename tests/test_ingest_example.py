"""The worked example of docs/ingest.md runs, and the docs cover every config key."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from pydantic import BaseModel
from test_ingest_support import quarantine, rows, run

from connectors.ingest import ColumnSpec, IngestConfig, SourceConfig, TimestampSpec

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "ingest"
DOC = ROOT / "docs" / "ingest.md"


def test_the_worked_example(tmp_path: Path) -> None:
    db = tmp_path / "example.duckdb"
    report = run(EXAMPLE / "ingest.yaml", db)
    assert dict(report.tables) == {"events": 15, "users": 3, "identity_links": 11}
    assert (report.identifiers, report.persons) == (11, 4)
    person = dict(((k, v), u) for k, v, u in rows(db, "SELECT * FROM identity_links"))
    ann = person[("wechat_openid", "oA_9f2")]  # WeChat fan, CRM member M1001, phone ph_5e1a, web
    assert {u for (k, v), u in person.items() if v in ("M1001", "ph_5e1a", "ck_a")} == {ann}
    assert rows(
        db,
        f"SELECT channel, touchpoint, ts::VARCHAR FROM events WHERE user_id = '{ann}' ORDER BY ts",
    ) == [
        ("wechat_oa", "wechat_follow", "2024-11-04 07:50:00"),
        ("wechat_oa", "article_view", "2024-11-04 07:55:00"),
        ("website", "home", "2024-11-04 09:15:00"),
        ("website", "product_page", "2024-11-04 09:16:30"),
        ("website", "cart", "2024-11-04 09:18:00"),
        ("offline_store", "purchase", "2024-11-04 10:20:00"),
    ]
    assert rows(db, f"SELECT member_tier, city FROM users WHERE user_id = '{ann}'") == [
        ("金卡", "上海")
    ]
    assert [
        (source, line, reason.split(" (")[0].split(":")[0])
        for source, _, line, reason in quarantine(db)
    ] == [
        ("crm_orders", 3, "cannot cast revenue 'n/a' to DOUBLE"),
        ("web_events", 10, "unparseable ts '2024-11-31 25"),
        ("web_events", 11, "malformed CSV row"),
        ("web_events", 12, "duplicate of line 3"),
        ("web_events", 13, "no person identifier"),
        ("wechat_events", 7, "malformed JSON line"),
    ]


def test_the_sample_sqlite_is_built_from_its_sql(tmp_path: Path) -> None:
    fresh = sqlite3.connect(tmp_path / "crm.sqlite")
    fresh.executescript((EXAMPLE / "crm.sql").read_text(encoding="utf-8"))
    shipped = sqlite3.connect(f"file:{EXAMPLE / 'crm.sqlite'}?mode=ro", uri=True)
    try:
        for name in ("members", "orders"):
            query = f"SELECT * FROM {name} ORDER BY 1"
            assert shipped.execute(query).fetchall() == fresh.execute(query).fetchall()
    finally:
        fresh.close()
        shipped.close()


def test_the_docs_show_the_example_config_verbatim() -> None:
    doc = DOC.read_text(encoding="utf-8")
    config = (EXAMPLE / "ingest.yaml").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    assert config in blocks


def test_the_docs_describe_every_config_key() -> None:
    doc = DOC.read_text(encoding="utf-8")
    models: list[type[BaseModel]] = [IngestConfig, SourceConfig, ColumnSpec, TimestampSpec]
    missing = [
        f"{m.__name__}.{key}" for m in models for key in m.model_fields if f"`{key}`" not in doc
    ]
    assert missing == []
