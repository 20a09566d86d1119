"""`tpa init` on a subscription business (a first payment, then renewals and refunds), and the
warnings `tpa validate` gives about what questions cannot tell apart (issue 12)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml
from test_model_init_real import build
from typer.testing import CliRunner

from connectors.canonical import EVENTS, MARKETING_COSTS, TICKETS
from connectors.profile import journey_gaps, profile_database
from semantic_layer.compile.metrics import MetricQuery, compile_metrics
from semantic_layer.model import validate_text
from semantic_layer.model.propose import Proposal, propose_model
from ui.cli import app

START = datetime(2026, 1, 5, 9)
Row = dict[str, Any]
PEOPLE = 100
runner = CliRunner()


def _event(user: int, tp: str, day: float, revenue: float | None = None) -> Row:
    return {
        "event_id": f"E{user}-{tp}-{day}",
        "user_id": f"U{user}",
        "ts": START + timedelta(hours=user, days=day),
        "channel": ("web", "app")[user % 2],
        "touchpoint": tp,
        "campaign": "spring" if user % 3 else None,
        "revenue": revenue,
    }


def _events() -> list[Row]:
    """Everyone lands, signs up and verifies; 60 subscribe 3–12 days later and pay monthly
    invoices after that (more rows than the subscriptions); a few get a refund."""
    rows = []
    for u in range(PEOPLE):
        rows += [_event(u, "landing", 0), _event(u, "sign_up", 0.01)]
        rows.append(_event(u, "emailVerified", 0.02))
        if u % 5 >= 2:
            continue
        bought = 3 + u % 10
        rows += [_event(u, "trial_task", bought - 1), _event(u, "subscribed", bought, 100.0)]
        rows += [_event(u, "invoice_paid", bought + 30 * m, 100.0) for m in range(1, 5)]
        rows += [_event(u, "e_1031", bought + 2), _event(u, "invite_teammate", bought + 3)]
        if u % 10 == 0:
            rows.append(_event(u, "refund", bought + 5, -50.0))
        if u % 10 == 1:  # a second subscription two months later: a buyer, not a first-time one
            rows.append(_event(u, "subscribed", bought + 60, 100.0))
    return rows


def _subscriptions() -> list[tuple[int, datetime]]:
    """(person, time) of every subscription the data has, as `_events` makes them."""
    return [(int(r["user_id"][1:]), r["ts"]) for r in _events() if r["touchpoint"] == "subscribed"]


@pytest.fixture(scope="module")
def saas_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tickets = [
        {
            "ticket_id": f"T{i}",
            "user_id": f"U{i}",
            "channel": ("Email", "Live chat", "web")[i % 3 if i < 3 else i % 2],
            "opened_ts": START + timedelta(days=i),
            "sla_breached": i % 4 == 0,
            "category": ("UW", "1001", "billing")[i % 3],
        }
        for i in range(40)
    ]
    costs = [
        {"date": START.date() + timedelta(days=d), "channel": "web", "campaign": c, "cost": 10.0}
        for d in range(5)
        for c in ("spring", "partner_fee")
    ]
    path = build(
        tmp_path_factory.mktemp("saas") / "saas.duckdb",
        {
            "events": (EVENTS, {}, _events()),
            "tickets": (TICKETS, {"sla_breached": "BOOLEAN"}, tickets),
            "marketing_costs": (MARKETING_COSTS, {}, costs),
        },
    )
    with duckdb.connect(str(path)) as con:
        con.execute(
            "CREATE TABLE deals AS SELECT 'A' || (i % 7) AS account_id, 'D' || i AS deal_id, "
            "i * 10.0 AS deal_amount, i % 9 AS seats FROM range(30) t(i)"
        )
    return path


@pytest.fixture(scope="module")
def proposal(saas_db: Path) -> Proposal:
    return propose_model(profile_database(saas_db))


def _note(proposal: Proposal, words: str) -> str:
    return next(n for n in proposal.notes if words in n)


def test_the_purchase_is_the_first_payment_and_revenue_sums_every_revenue_row(
    proposal: Proposal,
) -> None:
    spec = proposal.spec
    assert spec.settings.purchase_touchpoint == "subscribed"  # not the more common invoice_paid
    measures = {m.name: m for m in spec.measures}
    assert measures["revenue"].filters == ()  # renewals and refunds count too
    purchasers = measures["purchasers"].filters[0]
    assert getattr(purchasers, "value", None) == "subscribed"


def test_the_journey_ends_at_the_purchase_with_the_observed_window(proposal: Proposal) -> None:
    journey = proposal.spec.journeys[0]
    assert journey.steps[-1] == "subscribed" and journey.steps[0] == "landing"
    assert journey.window_days == 14  # 90% subscribe within 12 days of landing
    assert "within" in _note(proposal, "its window is 14 days")


def test_stages_follow_the_position_relative_to_the_purchase(proposal: Proposal) -> None:
    stages = {t.id: t.stage for t in proposal.spec.touchpoints}
    assert stages["subscribed"] == "purchase"
    assert stages["invoice_paid"] == "retention"  # 'paid', but after the purchase
    assert stages["e_1031"] == "retention" and stages["invite_teammate"] == "advocacy"
    assert stages["sign_up"] in ("interest", "consideration")  # before the purchase
    note = _note(proposal, "stages guessed")
    assert all(tp in note for tp in stages)


def test_labels_split_camel_case_flag_codes_and_read_yes_no(proposal: Proposal) -> None:
    labels = {t.id: t.label("en") for t in proposal.spec.touchpoints}
    assert labels["emailVerified"] == "email verified"
    codes = _note(proposal, "need a label")
    assert "e_1031" in codes and "ticket_category=UW" in codes and "ticket_category=1001" in codes
    assert "billing" not in codes and "landing" not in codes
    sla = next(d for d in proposal.spec.dimensions if d.column == "sla_breached")
    named = {v.value: v.label("en") for v in sla.values}
    assert named == {True: "sla breached", False: "not sla breached"}


def test_channels_that_barely_overlap_are_their_own_dimension(proposal: Proposal) -> None:
    dims = {d.name: d for d in proposal.spec.dimensions}
    assert "tickets" not in dims["channel"].also_in
    ticket = dims["ticket_channel"]
    assert ticket.table == "tickets" and ticket.label("en") == "ticket channel"
    email = next(v for v in ticket.values if v.value == "Email")
    assert email.synonyms == ()  # no marketing words for a support channel
    assert "partner_fee" not in {v.value for v in dims["campaign"].values}
    assert "partner_fee" in _note(proposal, "never seen in events.campaign")


def test_every_column_not_proposed_is_listed_with_why(proposal: Proposal) -> None:
    ids = _note(proposal, "not proposed (ids")
    assert "deals.account_id" in ids and "deals.deal_id" in ids
    numbers = _note(proposal, "not proposed (numbers")
    assert "deals.deal_amount" in numbers and "deals.seats" in numbers


def _validate(saas_db: Path, data: Row) -> list[str]:
    profile = profile_database(saas_db)
    pairs = [(j["steps"][0], j["steps"][-1]) for j in data["journeys"]]
    report = validate_text(
        yaml.safe_dump(data, allow_unicode=True),
        "model.yaml",
        schema=profile.schema(),
        samples=profile.samples(),
        gaps=journey_gaps(saas_db, pairs),
    )
    assert report.ok, [str(p) for p in report.problems]
    return [str(p) for p in report.problems if not p.is_error]


def test_the_proposal_validates_without_warnings(saas_db: Path, proposal: Proposal) -> None:
    assert _validate(saas_db, yaml.safe_load(proposal.text)) == []


def test_validate_warns_about_what_questions_cannot_tell_apart(
    saas_db: Path, proposal: Proposal
) -> None:
    data = yaml.safe_load(proposal.text)
    data["journeys"][0]["window_days"] = 3
    landing = next(t for t in data["touchpoints"] if t["id"] == "landing")
    landing["synonyms"] = {"en": ["revenue"]}
    channel = next(d for d in data["dimensions"] if d["name"] == "channel")
    channel["also_in"] = {"tickets": "channel"}
    campaign = next(d for d in data["dimensions"] if d["name"] == "campaign")
    campaign["values"].append({"value": "partner_fee"})
    warnings = _validate(saas_db, data)
    assert any("'revenue' names both metric 'revenue' and touchpoint 'landing'" in w
               for w in warnings)  # fmt: skip
    assert any("tickets.channel is both dimension 'ticket_channel'" in w for w in warnings)
    assert any("'partner_fee'" in w and "never in events.campaign" in w for w in warnings)
    assert any("journey 'main_journey' has a 3-day window" in w for w in warnings)
    assert all("warning:" in w for w in warnings)


@pytest.mark.parametrize(
    ("start", "end"), [(date(2026, 1, 5), date(2026, 2, 1)), (date(2026, 3, 1), date(2026, 4, 1))]
)
def test_cac_is_spend_per_first_time_buyer(
    saas_db: Path, proposal: Proposal, start: date, end: date
) -> None:
    cac = next(m for m in proposal.spec.metrics if m.name == "cac")
    assert getattr(cac, "denominator", None) == "first_time_buyers"
    assert "first purchase" in cac.description
    subs = _subscriptions()
    first = {u: min(t for v, t in subs if v == u) for u, _ in subs}
    inside = [(u, t) for u, t in subs if start <= t.date() < end]
    buyers = len({u for u, _ in inside})
    new = len({u for u, t in inside if t == first[u]})
    assert start.month == 1 or (new == 0 < buyers)  # March: only second subscriptions
    cost = sum(10.0 * 2 for d in range(5) if start <= date(2026, 1, 5 + d) < end)
    query = MetricQuery(("purchasers", "first_time_buyers", "cac"), start, end)
    with duckdb.connect(str(saas_db), read_only=True) as con:
        got = con.execute(compile_metrics(proposal.spec, query).sql("duckdb")).fetchall()
    assert got[0][:2] == (buyers, new)
    assert got[0][2] == (pytest.approx(cost / new) if new else None)


def test_tpa_validate_checks_journey_windows_against_the_database(
    saas_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "model.yaml"
    made = runner.invoke(app, ["init", "--db", str(saas_db), "--out", str(out)])
    assert made.exit_code == 0, made.output
    text = out.read_text(encoding="utf-8")
    assert "window_days: 14" in text
    out.write_text(text.replace("window_days: 14", "window_days: 1"), encoding="utf-8")
    checked = runner.invoke(app, ["validate", str(out), "--db", str(saas_db)])
    assert checked.exit_code == 0, checked.output  # a warning, not an error
    assert "journey 'main_journey' has a 1-day window" in " ".join(checked.output.split())
    zh = runner.invoke(app, ["validate", str(out), "--db", str(saas_db), "--lang", "zh"])
    assert zh.exit_code == 0, zh.output
    assert "旅程 'main_journey' 的窗口是 1 天" in " ".join(zh.output.split())
    bad = runner.invoke(app, ["validate", str(out), "--lang", "fr"])
    assert bad.exit_code != 0 and "--lang must be en or zh" in bad.output


def test_a_column_sharing_one_value_of_several_is_its_own_dimension(tmp_path: Path) -> None:
    """Most tickets come by phone, which events also have, but the other ticket channels are
    support-only: half the distinct values are not shared, so tickets get `ticket_channel`."""
    events = [_event(u, "landing", 0) for u in range(20)]
    for row in events:
        row["channel"] = ("phone", "app", "web")[int(row["user_id"][1:]) % 3]
    channels = ["phone"] * 7 + ["Email", "Live chat", "Email"]
    tickets = [
        {"ticket_id": f"T{i}", "user_id": f"U{i}", "channel": c, "opened_ts": START}
        for i, c in enumerate(channels)
    ]
    path = build(
        tmp_path / "support.duckdb",
        {"events": (EVENTS, {}, events), "tickets": (TICKETS, {}, tickets)},
    )
    dims = {d.name: d for d in propose_model(profile_database(path)).spec.dimensions}
    assert "tickets" not in dims["channel"].also_in and dims["ticket_channel"].table == "tickets"


def test_revenue_leaves_out_the_amounts_of_cancelled_and_failed_sales(tmp_path: Path) -> None:
    """Exports often put the order's amount on its cancellation or failed payment too; those were
    never taken, so the proposed revenue leaves them out (and says so) — refunds, negative, stay."""
    rows = []
    for u in range(60):
        rows += [_event(u, "product_view", 0), _event(u, "order_paid", 1, 80.0)]
        if u % 4 == 0:
            rows.append(_event(u, "order_cancelled", 2, 80.0))
        if u % 5 == 0:
            rows.append(_event(u, "payment_failed", 0.5, 80.0))
        if u % 6 == 0:
            rows.append(_event(u, "refund", 3, -20.0))
    db = build(tmp_path / "shop.duckdb", {"events": (EVENTS, {}, rows)})
    spec = propose_model(profile_database(db)).spec
    revenue = next(m for m in spec.measures if m.name == "revenue")
    assert [(f.op, sorted(getattr(f, "values", ()))) for f in revenue.filters] == [
        ("not_in", ["order_cancelled", "payment_failed"])
    ]
    described = next(m for m in spec.metrics if m.name == "revenue").description or ""
    assert "order_cancelled" in described and "refunds are negative" in described
