"""`tpa init` on what new users' own data looked like (issue 12 point 5): stages and journeys from
where touchpoints sit in people's paths, failures, a settled order followed by the payment, the
two sides of a marketplace, pinyin and code ids, cost channels, merged columns of the same name,
and journey windows measured through every step."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_model_init_real import build
from typer.testing import CliRunner

from connectors.canonical import EVENTS, FEEDBACK, MARKETING_COSTS, USERS
from connectors.profile import journey_gaps, profile_database
from semantic_layer.model import validate_text
from semantic_layer.model.pinyin import reads_as_pinyin
from semantic_layer.model.propose import Proposal, propose_model
from semantic_layer.model.propose_names import is_opaque
from semantic_layer.model.stages import guess_stage, is_failure
from ui.cli import app

START = datetime(2026, 4, 6, 8)
Row = dict[str, Any]
runner = CliRunner()
SOURCES = ("SEO", "Store", "Partner")  # where people came from: the costs' channels
CLIENTS = ("App", "Store", "MiniApp")  # the client events happen on: shares one name only


def _event(user: int, tp: str, hours: float, revenue: float | None = None) -> Row:
    return {
        "event_id": f"E{user}-{tp}-{hours}",
        "user_id": f"U{user}",
        "ts": START + timedelta(days=user % 20, hours=hours),
        "channel": CLIENTS[user % 3],
        "touchpoint": tp,
        "revenue": revenue,
        "city": ("North", "South")[(user // 2) % 2],
    }


def _charging(user: int) -> list[Row]:
    """Open, register (pinyin id), claim a coupon (7 in 10), bind a car, then charge: the
    billing system writes an order after every finished session and the payment follows it."""
    rows = [_event(user, "app_open", 0), _event(user, "zhuce_ok", 0.1)]
    if user % 10 < 7:
        rows.append(_event(user, "coupon_claim", 0.2))
    rows.append(_event(user, "bind_car", 0.3))
    if user % 4 == 0:
        rows.append(_event(user, "qidong_shibai", 0.9))  # a failed start, then a retry
    for n in range(1 + user % 3):
        at = 1 + 24 * n
        rows += [_event(user, "scan_qr", at), _event(user, "charge_done", at + 1)]
        rows += [_event(user, "settled_order", at + 1.01, 30.0), _event(user, "pay_ok", at + 1.02)]
    if user % 5 == 0:
        rows.append(_event(user, "4012", 80))  # an invoice plug-in's numeric code
    return rows


@pytest.fixture(scope="module")
def charging(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Proposal]:
    people = range(80)
    events = [row for u in people for row in _charging(u)]
    events += [_event(u, "app_open", 0) for u in range(80, 100)]  # visitors who never register
    users = [
        {
            "user_id": f"U{u}",
            "first_seen_ts": START,
            "city": ("South", "North")[(u // 3) % 2],  # home city: not the charging city
            "acquisition_channel": SOURCES[u % 3],
        }
        for u in people
    ]
    costs = [
        {"date": START.date() + timedelta(days=d), "channel": c, "cost": 5.0}
        for d in range(10)
        for c in SOURCES
    ]
    feedback = [
        {"user_id": f"U{u}", "ts": START, "kind": "csat", "score": 4.0,
         "comment": ("fast", "clean", "slow", "broken")[u % 4]}
        for u in people
    ]  # fmt: skip
    path = build(
        tmp_path_factory.mktemp("charging") / "charging.duckdb",
        {
            "events": (EVENTS, {"city": "VARCHAR"}, events),
            "users": (USERS, {}, users),
            "marketing_costs": (MARKETING_COSTS, {}, costs),
            "feedback": (FEEDBACK, {}, feedback),
        },
    )
    return path, propose_model(profile_database(path))


def _marketplace_events() -> list[Row]:
    """90 seekers view, apply and some get hired; 20 employers sign up, post and 12 upgrade to a
    paid plan (after a failed payment for some)."""
    rows = []
    for u in range(90):
        rows += [_event(u, "Job Viewed", 0), _event(u, "Apply Started", 1)]
        if u % 3:
            rows.append(_event(u, "Application Submitted", 2))
            if u % 3 == 2:
                rows += [_event(u, "Interview Scheduled", 50), _event(u, "Offer Accepted", 200)]
    for u in range(90, 110):
        rows += [_event(u, "Company Profile Created", 0), _event(u, "Job Posted", 1)]
        if u % 5 == 0:
            rows.append(_event(u, "payment_failed", 40))
        if u % 5 < 3:
            rows.append(_event(u, "Plan Upgraded", 48, 99.0))
    return rows


@pytest.fixture(scope="module")
def marketplace(tmp_path_factory: pytest.TempPathFactory) -> Proposal:
    users = [
        {"user_id": f"U{u}", "first_seen_ts": START, "side": "seeker" if u < 90 else "employer"}
        for u in range(110)
    ]
    path = build(
        tmp_path_factory.mktemp("market") / "market.duckdb",
        {
            "events": (EVENTS, {"city": "VARCHAR"}, _marketplace_events()),
            "users": (USERS, {"side": "VARCHAR"}, users),
        },
    )
    return propose_model(profile_database(path))


def _note(proposal: Proposal, words: str) -> str:
    return next(n for n in proposal.notes if words in n)


def _stages(proposal: Proposal) -> dict[str, str]:
    return {t.id: t.stage for t in proposal.spec.touchpoints}


def test_the_purchase_is_the_payment_after_a_settled_order(charging: tuple[Path, Proposal]) -> None:
    _, proposal = charging
    assert proposal.spec.settings.purchase_touchpoint == "pay_ok"  # not the order write
    stages = _stages(proposal)
    assert stages["pay_ok"] == "purchase"
    assert stages["qidong_shibai"] == "consideration"  # a failed start is not retention
    assert stages["settled_order"] == "purchase"  # paid before the payment: not retention
    assert stages["4012"] == "retention"


def test_the_journey_skips_a_side_step_and_failures(charging: tuple[Path, Proposal]) -> None:
    _, proposal = charging
    (journey,) = proposal.spec.journeys
    assert journey.steps[0] == "app_open" and journey.steps[-1] == "pay_ok"
    assert "zhuce_ok" in journey.steps and "bind_car" in journey.steps
    assert "coupon_claim" not in journey.steps  # 3 in 10 of the people around it skip it
    assert "qidong_shibai" not in journey.steps
    assert "qidong_shibai" in _note(proposal, "failures are not journey steps")


def test_pinyin_and_code_ids_are_left_for_the_user_to_label(
    charging: tuple[Path, Proposal],
) -> None:
    _, proposal = charging
    labels = {t.id: t.labels for t in proposal.spec.touchpoints}
    assert labels["zhuce_ok"] is None and labels["qidong_shibai"] is None  # no "zhuce ok"
    assert labels["4012"] is None
    assert labels["bind_car"] is not None and labels["bind_car"].en == "bind car"
    pinyin = _note(proposal, "ids in pinyin")
    assert "zhuce_ok" in pinyin and "qidong_shibai" in pinyin and "bind_car" not in pinyin
    assert "4012" in _note(proposal, "need a label")
    todo = [line for line in proposal.text.splitlines() if "TODO: label it" in line]
    assert len(todo) == 3 and all(line.lstrip().startswith("#") for line in todo)


def test_costs_are_tied_to_the_dimension_that_has_their_values(
    charging: tuple[Path, Proposal],
) -> None:
    _, proposal = charging
    dims = {d.name: d for d in proposal.spec.dimensions}
    assert dims["acquisition_channel"].also_in.get("marketing_costs") == "channel"
    assert "marketing_costs" not in dims["channel"].also_in
    said = _note(proposal, "marketing_costs.channel is tied to acquisition_channel")
    assert "100%" in said
    assert "acquisition_channel=SEO" not in " ".join(proposal.notes)  # an acronym, not a code


def test_smaller_points_of_the_proposal(charging: tuple[Path, Proposal]) -> None:
    path, proposal = charging
    assert "users.city" in _note(proposal, "city merges users.city")  # home vs where it happened
    assert "feedback.comment" in _note(proposal, "free text by its name")
    assert not any("too many values" in n and "feedback.comment" in n for n in proposal.notes)
    revenue = next(m for m in proposal.spec.metrics if m.name == "revenue")
    assert "refunds" not in revenue.description  # there are no negative amounts
    conversions = [m for m in proposal.spec.metrics if m.type == "conversion"]
    assert all(m.base.touchpoint not in ("settled_order", "charge_done") for m in conversions)
    assert "settled_order → pay_ok" in _note(proposal, "~100% by construction")
    profile = profile_database(path)
    report = validate_text(
        proposal.text, "model.yaml", schema=profile.schema(), samples=profile.samples()
    )
    assert report.ok, [str(p) for p in report.problems]


def test_each_side_of_a_marketplace_gets_its_journey(marketplace: Proposal) -> None:
    assert marketplace.spec.settings.purchase_touchpoint == "Plan Upgraded"
    main, other = marketplace.spec.journeys
    assert main.default and main.steps[0] == "Job Viewed" and main.steps[-1] == "Offer Accepted"
    assert "Application Submitted" in main.steps  # the side of most people
    assert other.steps == ("Company Profile Created", "Job Posted", "Plan Upgraded")
    assert other.name == "employer_journey"  # named after the people column splitting the paths
    assert "seeker → main_journey, employer → employer_journey" in _note(marketplace, "users.side")
    stages = _stages(marketplace)
    for tp in ("Application Submitted", "Interview Scheduled", "Offer Accepted"):
        assert stages[tp] != "retention", tp  # the other side, not after the purchase
    assert stages["payment_failed"] == "purchase"  # a failed payment is on the purchase side
    assert "not at the purchase (Plan Upgraded)" in _note(marketplace, "ends at Offer Accepted")


@pytest.mark.parametrize(
    ("touchpoint", "pinyin"),
    [
        ("qidong_shibai", True),
        ("zhuce_ok", True),
        ("fapiao_ye", True),
        ("yuyue_tiyan", True),
        ("daka", True),
        ("app_open", False),
        ("open_menu", False),  # o-pen, me-nu: English all the same
        ("change_plan", False),
        ("Job Viewed", False),
        ("4012", False),
    ],
)
def test_pinyin_ids_are_recognised(touchpoint: str, pinyin: bool) -> None:
    assert reads_as_pinyin(touchpoint) is pinyin


def test_stage_words_in_pinyin_and_failures() -> None:
    assert guess_stage("zhifu_chenggong") == "purchase"  # 支付
    assert guess_stage("goumai_taocan") == "purchase"  # 购买
    assert is_failure("qidong_shibai") and is_failure("payment.failed") and is_failure("启动失败")
    assert is_failure("gun_fault") and not is_failure("pay_ok") and not is_failure("default_page")
    assert not is_opaque("SEO") and not is_opaque("SMS") and is_opaque("UW")
    assert is_opaque("e_8c2d") and not is_opaque("cafe") and not is_opaque("25-34")


def _window_db(tmp_path: Path) -> Path:
    """Everyone lands and buys within the hour; only later do they verify, then buy again."""
    rows = []
    for u in range(40):
        rows += [_event(u, "landing", 0), _event(u, "buy", 0.5, 10.0)]
        rows += [_event(u, "verify", 24 * (4 + u % 3)), _event(u, "buy", 24 * 7, 10.0)]
    return build(tmp_path / "w.duckdb", {"events": (EVENTS, {"city": "VARCHAR"}, rows)})


def test_validate_measures_a_journey_window_through_its_middle_steps(tmp_path: Path) -> None:
    path = _window_db(tmp_path)
    (direct,) = journey_gaps(path, [("landing", "buy")])
    (along,) = journey_gaps(path, [("landing", "verify", "buy")])
    assert direct.p90_days < 0.1  # the first buy comes within the hour
    assert 6.9 < along.median_days < 7.1 and along.people == 40  # through verify: a week
    model = tmp_path / "m.yaml"
    made = runner.invoke(app, ["init", "--db", str(path), "--out", str(model)])
    assert made.exit_code == 0, made.output
    data = yaml.safe_load(model.read_text(encoding="utf-8"))
    data["journeys"] = [{"name": "verified", "steps": ["landing", "verify", "buy"],
                         "window_days": 1, "default": True}]  # fmt: skip
    model.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    checked = runner.invoke(app, ["validate", str(model), "--db", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "journey 'verified' has a 1-day window" in " ".join(checked.output.split())
