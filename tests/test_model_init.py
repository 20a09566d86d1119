"""`tpa init`: the model proposed from a database validates, on the demo data and on a database
with nothing but an ingested `events` table."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from connectors.canonical import EVENTS, create_table_sql
from connectors.profile import ProfileError, profile_database
from semantic_layer.model import DataProfile, validate_file, validate_text
from semantic_layer.model.lexicon import guess_stage
from semantic_layer.model.propose import propose_model
from tests.demo_cache import demo_copy
from ui.cli import app

runner = CliRunner()
FLOW = ("home", "product_view", "add_to_cart", "checkout", "purchase")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = demo_copy(tmp_path_factory, "init", events=20_000)
    return path


@pytest.fixture(scope="module")
def events_only_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Only the canonical `events` table, as ingestion leaves it: optional columns all NULL."""
    path = tmp_path_factory.mktemp("init") / "events.duckdb"
    rows = []
    start = datetime(2026, 3, 2, 9)
    for user in range(200):
        ts = start + timedelta(hours=user * 5)
        depth = 1 + user % len(FLOW)  # 200 people, fewer at each later step
        for i, tp in enumerate(FLOW[:depth]):
            channel = ("web", "app")[user % 2]
            rows.append((f"E{user}-{i}", f"U{user}", ts + timedelta(minutes=i), channel, tp))
    with duckdb.connect(str(path)) as con:
        con.execute(create_table_sql(EVENTS))
        con.executemany(
            "INSERT INTO events (event_id, user_id, ts, channel, touchpoint) VALUES (?,?,?,?,?)",
            rows,
        )
    return path


def test_the_profile_describes_the_database(demo_db: Path) -> None:
    profile = profile_database(demo_db)
    assert [t.name for t in profile.tables] == [
        "events",
        "feedback",
        "identity_links",
        "marketing_costs",
        "tickets",
        "users",
    ]  # _tpa_meta is left out
    events = profile.table("events")
    assert events is not None and 15_000 < events.rows < 30_000
    assert profile.schema()["events"]["ts"] == "timestamp"  # neutral, as every engine gives it
    assert {c for c, _ in profile.channels} == {
        "website", "app", "wechat_oa", "mini_program", "marketplace", "store", "service",
        "paid_ads", "email_sms",
    }  # fmt: skip
    assert profile.samples()["tickets"]["is_complaint"] == {"true", "false"}
    user_id = events.column("user_id")
    assert user_id is not None and user_id.values is None  # too many to list
    rank = {t.id: t.median_rank for t in profile.touchpoints}
    assert rank["ad_click"] < rank["landing_page"] < rank["add_to_cart"] < rank["payment"]
    payment = next(t for t in profile.touchpoints if t.id == "payment")
    assert payment.with_revenue == payment.events > 0
    ad_click = next(t for t in profile.touchpoints if t.id == "ad_click")
    assert ad_click.main_channel == "paid_ads"
    assert profile.rank_unit == "session" and profile.timezone == "Asia/Shanghai"
    assert profile.start is not None and profile.end is not None
    assert profile.start.date() >= date(2025, 10, 19) and profile.end.date() == date(2026, 11, 22)


def check(profile: DataProfile, text: str) -> list[str]:
    report = validate_text(text, "model.yaml", schema=profile.schema(), samples=profile.samples())
    assert report.ok, [str(p) for p in report.problems]
    return [str(p) for p in report.problems]


def test_the_proposal_for_the_demo_data_validates_cleanly(demo_db: Path) -> None:
    profile = profile_database(demo_db)
    proposal = propose_model(profile, source=str(demo_db))
    assert check(profile, proposal.text) == []
    spec = proposal.spec
    assert {"events", "users", "tickets", "feedback", "marketing_costs"} <= set(spec.tables)
    metrics = {m.name for m in spec.metrics}
    assert {"active_users", "conversion_rate", "revenue", "aov", "csat", "nps"} <= metrics
    assert {"first_response_time", "complaint_rate", "roi", "cac"} <= metrics
    assert spec.settings.purchase_touchpoint == "payment"
    assert spec.settings.timezone == "Asia/Shanghai"
    assert spec.journeys[0].steps == ("product_page", "add_to_cart", "checkout", "payment")
    stages = {t.id: t.stage for t in spec.touchpoints}
    assert stages["ad_click"] == "awareness" and stages["checkout"] == "purchase"
    channel = next(d for d in spec.dimensions if d.name == "channel")
    wechat = next(v for v in channel.values if v.value == "wechat_oa")
    assert wechat.labels is not None and wechat.labels.zh == "微信公众号"
    assert set(channel.also_in) == {"tickets", "feedback", "marketing_costs"}
    assert not any(d.column == "comment" for d in spec.dimensions)
    assert "# Review it" in proposal.text and "usually step" in proposal.text


def test_the_proposal_for_events_only_validates(events_only_db: Path) -> None:
    profile = profile_database(events_only_db)
    proposal = propose_model(profile)
    assert check(profile, proposal.text) == []
    spec = proposal.spec
    assert list(spec.tables) == ["events"]
    assert spec.settings.purchase_touchpoint == "purchase"
    assert spec.settings.timezone == "UTC"
    assert spec.journeys[0].steps == ("home", "product_view", "add_to_cart", "checkout", "purchase")
    names = {m.name for m in spec.metrics}
    assert {"active_users", "events", "purchasers", "conversion_rate"} <= names
    assert not names & {"sessions", "revenue", "orders"}  # their columns are empty
    assert any("timezone" in note for note in proposal.notes)


@pytest.mark.parametrize(
    ("touchpoint", "stage"),
    [
        ("ad_click", "awareness"),
        ("landing_page", "interest"),
        ("add_to_cart", "consideration"),
        ("checkout", "purchase"),
        ("after_sales", "retention"),
        ("share", "advocacy"),
        ("xyz", None),
    ],
)
def test_stages_are_guessed_from_names(touchpoint: str, stage: str | None) -> None:
    assert guess_stage(touchpoint) == stage


def test_tpa_init_writes_a_model_that_tpa_validate_accepts(
    demo_db: Path, events_only_db: Path, tmp_path: Path
) -> None:
    for db in (demo_db, events_only_db):
        out = tmp_path / f"{db.stem}.yaml"
        result = runner.invoke(app, ["init", "--out", str(out), "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert f"wrote {out}" in result.output
        checked = runner.invoke(app, ["validate", str(out), "--db", str(db)])
        assert checked.exit_code == 0, checked.output
        assert "model OK" in checked.output
    report = validate_file(tmp_path / "demo.yaml")
    assert report.ok


def test_tpa_init_does_not_overwrite_without_force(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    refused = runner.invoke(app, ["init", "--out", str(out), "--db", str(demo_db)])
    assert refused.exit_code == 2
    assert "--force" in refused.output
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = runner.invoke(app, ["init", "--out", str(out), "--db", str(demo_db), "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith("# Semantic model proposed")


def test_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="database not found"):
        profile_database(tmp_path / "nope.duckdb")
    result = runner.invoke(
        app, ["init", "--out", str(tmp_path / "m.yaml"), "--db", str(tmp_path / "nope.duckdb")]
    )
    assert result.exit_code == 2
    assert "database not found" in result.output
