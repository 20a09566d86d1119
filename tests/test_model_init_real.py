"""`tpa init` on data like new users' own: Chinese column names and touchpoint ids, order systems
without sessions, yes/no columns, ticket CSAT, no revenue, an ingested timezone, and models with
Chinese-only labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from test_ingest_support import EVENTS_CSV, EVENTS_SOURCE, config, run, write
from typer.testing import CliRunner

from connectors.canonical import EVENTS, TICKETS, USERS, create_table_sql
from connectors.profile import profile_database
from semantic_layer.model import (
    ColumnProfile,
    DataProfile,
    SemanticModel,
    TableProfile,
    TouchpointProfile,
    validate_text,
)
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.lexicon import guess_stage
from semantic_layer.model.propose import Proposal, ProposalError, propose_model
from semantic_layer.model.spec_data import DimensionSpec
from ui.cli import app

runner = CliRunner()
START = datetime(2026, 3, 2, 9)
Row = dict[str, Any]


def build(path: Path, tables: dict[str, tuple[Any, dict[str, str], Sequence[Row]]]) -> Path:
    """A database of canonical tables (with extra columns) holding the given rows."""
    with duckdb.connect(str(path)) as con:
        for name, (table, extra, rows) in tables.items():
            con.execute(create_table_sql(table, name, extra))
            for row in rows:
                columns = ", ".join(f'"{c}"' for c in row)
                marks = ", ".join("?" for _ in row)
                con.execute(f"INSERT INTO {name} ({columns}) VALUES ({marks})", list(row.values()))
    return path


def journeys(
    people: int, flow: Sequence[str], *, revenue: str | None = None, session: Iterable[str] = ()
) -> list[Row]:
    """Events of `people` people going along `flow`, each one step less far than the last one
    (person i reaches 2 + i % (len(flow) - 1) steps); `session` steps carry a session id."""
    rows = []
    in_session = set(session)
    for user in range(people):
        depth = 2 + user % (len(flow) - 1)
        for i, tp in enumerate(flow[:depth]):
            rows.append(
                {
                    "event_id": f"E{user}-{i}",
                    "user_id": f"U{user}",
                    "ts": START + timedelta(hours=user, minutes=10 * i),
                    "channel": "app",
                    "touchpoint": tp,
                    "session_id": f"S{user}" if tp in in_session else None,
                    "revenue": 30.0 if tp == revenue else None,
                }
            )
    return rows


def check(profile: DataProfile, proposal: Proposal) -> SemanticModel:
    report = validate_text(
        proposal.text, "model.yaml", schema=profile.schema(), samples=profile.samples()
    )
    assert report.ok, [str(p) for p in report.problems]
    return report.model()


def dimension(proposal: Proposal, column: str) -> DimensionSpec:
    return next(d for d in proposal.spec.dimensions if d.column == column)


GAME_FLOW = ("下载游戏", "注册", "新手引导", "充值", "每日签到", "分享战绩")


@pytest.fixture(scope="module")
def game_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mobile game: Chinese touchpoints and column names, no sessions, revenue on 充值."""
    events = journeys(120, GAME_FLOW, revenue="充值")
    for i, row in enumerate(events):
        row["系统"] = ("iOS", "安卓")[i % 2]
        row["区服档位"] = ("一区", "二区", "三区")[i % 3]
    users = [{"user_id": f"U{u}", "是否付费用户": u % 3 == 0, "segment": "new"} for u in range(120)]
    extra = {"系统": "VARCHAR", "区服档位": "VARCHAR"}
    return build(
        tmp_path_factory.mktemp("game") / "game.duckdb",
        {
            "events": (EVENTS, extra, events),
            "users": (USERS, {"是否付费用户": "BOOLEAN"}, users),
        },
    )


def test_chinese_columns_get_identifiers_and_keep_their_column(game_db: Path) -> None:
    profile = profile_database(game_db)
    proposal = propose_model(profile)
    model = check(profile, proposal)
    system = dimension(proposal, "系统")
    assert system.name == "system" and system.table == "events"
    assert system.labels is not None and system.labels.zh == "系统"
    unknown = dimension(proposal, "区服档位")
    assert unknown.name == "dim_1"
    assert unknown.labels is not None and unknown.labels.zh == "区服档位"
    assert unknown.labels.en == "" and unknown.label("en") == "dim 1"
    assert model.lookup("区服档位")[0].name == "dim_1"
    assert any("dim_1 (events.区服档位)" in n for n in proposal.notes)


def test_chinese_touchpoints_get_stages_and_a_journey(game_db: Path) -> None:
    profile = profile_database(game_db)
    proposal = propose_model(profile)
    stages = {t.id: t.stage for t in proposal.spec.touchpoints}
    assert stages == {
        "下载游戏": "awareness",
        "注册": "interest",  # before 充值, early: from the order people go in
        "新手引导": "consideration",  # before 充值, late
        "充值": "purchase",
        "每日签到": "retention",
        "分享战绩": "advocacy",
    }
    assert [t.id for t in proposal.spec.touchpoints] == list(GAME_FLOW)
    assert proposal.spec.settings.purchase_touchpoint == "充值"
    assert proposal.spec.journeys[0].steps == ("下载游戏", "注册", "新手引导", "充值")
    last_step = next(m for m in proposal.spec.metrics if m.type == "conversion")
    assert last_step.name == "last_step_conversion"
    assert last_step.labels is not None and last_step.labels.zh == "新手引导转化率"
    recharge = next(t for t in proposal.spec.touchpoints if t.id == "充值")
    assert recharge.labels is not None and recharge.labels.zh == "充值"
    assert "step 4 of a person's journey" in proposal.text


def test_a_chinese_yes_no_column_is_named_after_itself(game_db: Path) -> None:
    proposal = propose_model(profile_database(game_db))
    paying = dimension(proposal, "是否付费用户")
    assert paying.name == "is_paying_user"
    assert paying.labels is not None and paying.labels.zh == "是否付费用户"
    labels = {v.value: v.labels for v in paying.values}
    assert labels[True] is not None and labels[True].zh == "付费用户"
    assert labels[False] is not None and labels[False].zh == "非付费用户"
    assert labels[False].en == "not a paying user"
    assert not any(d.column == "segment" for d in proposal.spec.dimensions)  # one value
    single = next(n for n in proposal.notes if "(a single value)" in n)
    assert "users.segment" in single and "events.channel" in single


HOSPITAL_FLOW = ("关注公众号", "浏览科室", "查看医生", "预约挂号", "缴费", "就诊", "复诊")


@pytest.fixture(scope="module")
def hospital_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hospital: online steps in sessions, the hospital system's rows (缴费 on) without one;
    tickets with CSAT and complaints."""
    online = ("关注公众号", "浏览科室", "查看医生", "预约挂号")
    events = journeys(100, HOSPITAL_FLOW, revenue="缴费", session=online)
    for row in events:
        row["院区"] = "总院"
    tickets = [
        {
            "ticket_id": f"T{i}",
            "user_id": f"U{i}",
            "opened_ts": START + timedelta(days=i),
            "category": ("挂号", "缴费")[i % 2],
            "is_complaint": i % 4 == 0,
            "csat": float(1 + i % 5),
        }
        for i in range(40)
    ]
    return build(
        tmp_path_factory.mktemp("hospital") / "hospital.duckdb",
        {"events": (EVENTS, {"院区": "VARCHAR"}, events), "tickets": (TICKETS, {}, tickets)},
    )


def test_rows_without_sessions_are_placed_per_person(hospital_db: Path) -> None:
    profile = profile_database(hospital_db)
    proposal = propose_model(profile)
    check(profile, proposal)
    assert [t.id for t in proposal.spec.touchpoints] == list(HOSPITAL_FLOW)
    paid = next(t for t in profile.touchpoints if t.id == "缴费")
    assert paid.rank_unit == "user" and paid.person_rank == 5
    assert "step 0" not in proposal.text
    assert "usually step 5 of a person's journey" in proposal.text
    stages = {t.id: t.stage for t in proposal.spec.touchpoints}
    assert stages["预约挂号"] == "consideration" and stages["缴费"] == "purchase"
    assert stages["就诊"] == "retention" and stages["复诊"] == "retention"
    assert proposal.spec.journeys[0].steps[-2:] == ("预约挂号", "缴费")


def test_ticket_csat_complaints_and_descriptions(hospital_db: Path) -> None:
    proposal = propose_model(profile_database(hospital_db))
    metrics = {m.name: m for m in proposal.spec.metrics}
    assert {"ticket_csat", "ticket_csat_average", "complaint_tickets"} <= set(metrics)
    satisfied = next(m for m in proposal.spec.measures if m.name == "ticket_csat_satisfied")
    assert satisfied.filters[0].value == 4
    complaint = dimension(proposal, "is_complaint")
    labels = {v.value: v.labels for v in complaint.values}
    assert labels[True] is not None and (labels[True].en, labels[True].zh) == (
        "complaint",
        "是投诉",
    )
    assert labels[False] is not None and labels[False].zh == "非投诉"
    assert labels[False].en == "not a complaint"
    for value in complaint.values:
        words = {value.label("en"), value.label("zh"), *value.synonyms}
        assert not words & {"yes", "no", "是", "否"}
    assert not any(d.column == "院区" for d in proposal.spec.dimensions)  # one value
    tables = proposal.spec.tables
    assert tables["events"].description == "one row per customer interaction"
    assert tables["tickets"].description == "customer-service tickets"
    assert " rows" not in proposal.text.split("tables:")[1].split("dimensions:")[0]


DELIVERY_FLOW = (
    "open_app", "browse_restaurant", "view_menu", "add_dish", "place_order", "pay_order",
    "order_delivered", "rate_order",
)  # fmt: skip


def test_food_delivery_english_ids(tmp_path: Path) -> None:
    events = journeys(140, DELIVERY_FLOW, revenue="pay_order", session=DELIVERY_FLOW[:5])
    db = build(tmp_path / "delivery.duckdb", {"events": (EVENTS, {}, events)})
    profile = profile_database(db)
    proposal = propose_model(profile)
    check(profile, proposal)
    stages = {t.id: t.stage for t in proposal.spec.touchpoints}
    assert stages == {
        "open_app": "interest",
        "browse_restaurant": "interest",
        "view_menu": "consideration",
        "add_dish": "consideration",
        "place_order": "consideration",
        "pay_order": "purchase",
        "order_delivered": "retention",
        "rate_order": "advocacy",
    }
    assert proposal.spec.journeys[0].steps == DELIVERY_FLOW[:6]
    assert not any("stages from the order" in n for n in proposal.notes)


def test_without_revenue_the_journey_ends_where_most_people_stop(tmp_path: Path) -> None:
    flow = ("search_trips", "view_hotel", "book_hotel")
    events = [r for r in journeys(90, flow) if r["user_id"] != "U0"]  # most reach book_hotel
    db = build(tmp_path / "travel.duckdb", {"events": (EVENTS, {}, events)})
    profile = profile_database(db)
    proposal = propose_model(profile)
    check(profile, proposal)
    assert proposal.spec.settings.purchase_touchpoint is None
    assert proposal.spec.journeys[0].steps == flow
    assert any("most people reach last" in n for n in proposal.notes)


@pytest.mark.parametrize(
    ("touchpoint", "stage"),
    [
        ("add_dish", "consideration"),
        ("AddToCart", "consideration"),
        ("view_menu", "consideration"),
        ("page_view", "interest"),
        ("book_hotel", "consideration"),
        ("booking_completed", "purchase"),
        ("pay_order", "purchase"),
        ("payment_success", "purchase"),
        ("place_order", "consideration"),
        ("cancel_order", "retention"),
        ("order_delivered", "retention"),
        ("download_app", "awareness"),
        ("ad_click", "awareness"),
        ("广告曝光", "awareness"),
        ("浏览商品", "interest"),
        ("查看详情", "consideration"),
        ("加入购物车", "consideration"),
        ("预约挂号", "consideration"),
        ("提交订单", "consideration"),
        ("支付成功", "purchase"),
        ("门诊缴费", "purchase"),
        ("复诊", "retention"),
        ("取消订单", "retention"),
        ("评价骑手", "advocacy"),
        ("就诊", None),
        ("tutorial_step", None),
    ],
)
def test_stages_from_english_and_chinese_words(touchpoint: str, stage: str | None) -> None:
    assert guess_stage(touchpoint) == stage


def test_ingestion_records_the_timezone_init_proposes(tmp_path: Path) -> None:
    write(tmp_path, "events.csv", EVENTS_CSV)
    run(config(tmp_path, EVENTS_SOURCE, timezone="Asia/Tokyo"))
    db = tmp_path / "shop.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        meta = con.execute("SELECT key, value FROM _tpa_meta").fetchall()
    assert meta == [("timezone", "Asia/Tokyo")]
    run(config(tmp_path, EVENTS_SOURCE, timezone="Asia/Shanghai"))  # replaced, not added
    profile = profile_database(db)
    assert profile.timezone == "Asia/Shanghai"
    proposal = propose_model(profile)
    assert proposal.spec.settings.timezone == "Asia/Shanghai"
    assert "_tpa_meta" not in proposal.spec.tables
    assert not any("timezone" in n for n in proposal.notes)


def test_blank_touchpoints_and_spaced_column_names_are_left_out(tmp_path: Path) -> None:
    events = journeys(10, ("home", "   ", "purchase"))  # a blank touchpoint is no touchpoint
    for i, row in enumerate(events):
        row[" 系统 "] = ("a", "b")[i % 2]  # the model format strips spaces around names
    db = build(tmp_path / "blank.duckdb", {"events": (EVENTS, {" 系统 ": "VARCHAR"}, events)})
    profile = profile_database(db)
    assert [t.id for t in profile.touchpoints] == ["home", "purchase"]
    proposal = propose_model(profile)
    check(profile, proposal)
    assert any("events.' 系统 '" in n for n in proposal.notes)


def test_a_model_that_cannot_be_proposed_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = TableProfile("events", 1, (ColumnProfile("touchpoint", "text", 1),))
    broken = DataProfile((events,), (TouchpointProfile("\t", 1, 1, 1.0),), users=1)
    with pytest.raises(ProposalError) as caught:
        propose_model(broken)
    message = str(caught.value)
    assert message.startswith("touchpoint '\\t': ") and "\n" not in message
    monkeypatch.setattr("connectors.profile.profile_database", lambda *a, **k: broken)
    db = build(tmp_path / "any.duckdb", {"events": (EVENTS, {}, [])})
    result = runner.invoke(app, ["init", "--out", str(tmp_path / "m.yaml"), "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot propose a model: touchpoint '\\t': ")
    assert len(result.output.strip().splitlines()) == 1, result.output


ZH_ONLY = """\
version: 1
name: clinic
settings: {timezone: Asia/Shanghai}
tables:
  events: {time: ts, entity: user_id}
dimensions:
  - name: department
    table: events
    column: 科室
    labels: {zh: 科室}
    values:
      - {value: 内科, labels: {zh: 内科}}
measures:
  - {name: visits, table: events, agg: count}
metrics:
  - {name: visits, measure: visits, labels: {zh: 就诊人次}}
"""


def test_chinese_only_labels_validate_and_display() -> None:
    report = validate_text(ZH_ONLY, "clinic.yaml")
    assert report.ok, [str(p) for p in report.problems]
    model = report.model()
    labels = ModelLabels(model)
    assert labels.dimension("department", "zh") == "科室"
    assert labels.dimension("department", "en") == "department"
    assert labels.metric("visits", "en") == "visits"
    assert labels.value("department", "内科", "en") == "内科"
    assert model.lookup("科室")[0].name == "department"
    empty = validate_text(ZH_ONLY.replace("labels: {zh: 科室}", "labels: {}"), "clinic.yaml")
    assert not empty.ok and "`en` or `zh`" in str(empty.problems[0])
