"""The demo data set: deterministic, canonical, consistent, and its planted stories are there.

Every story is checked with hand-written SQL over the raw tables, using docs/design.md's meanings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from connectors.canonical import TABLES
from connectors.demo import DemoSummary, build_demo, existing_demo, stories
from connectors.demo import store as demo_store
from connectors.demo.catalog import CHANNELS, TOUCHPOINT_IDS
from connectors.demo.stories import Story

AS_OF = date(2026, 11, 25)  # a Wednesday: the current week is partial
EVENTS = 300_000
DAYS = 150
SMALL_EVENTS, SMALL_DAYS = 20_000, 120
ALL_TABLES = (*TABLES, "_tpa_meta")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    return path, build_demo(path, as_of=AS_OF, events=EVENTS, days=DAYS)


@pytest.fixture(scope="session")
def summary(built: tuple[Path, DemoSummary]) -> DemoSummary:
    return built[1]


@pytest.fixture()
def con(built: tuple[Path, DemoSummary]) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(built[0]), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def story_of() -> dict[str, Story]:
    return {s.id: s for s in stories(AS_OF)}


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return con.execute(sql, list(params)).fetchall()


def one(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> Any:
    return rows(con, sql, *params)[0][0]


def build_small(path: Path, seed: int = 7, progress: bool = False) -> DemoSummary:
    return build_demo(
        path, as_of=AS_OF, seed=seed, events=SMALL_EVENTS, days=SMALL_DAYS, progress=progress
    )


def table_digest(path: Path) -> dict[str, str]:
    """md5 of every table's sorted rows (content, independent of storage details)."""
    with duckdb.connect(str(path), read_only=True) as c:
        return {
            t: c.execute(
                f"SELECT md5(string_agg(CAST(x AS VARCHAR), '|' ORDER BY CAST(x AS VARCHAR)))"
                f" FROM {t} AS x"
            ).fetchall()[0][0]
            for t in ALL_TABLES
        }


# --- determinism and the file ----------------------------------------------------------------


def test_same_seed_gives_identical_tables_and_another_seed_does_not(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "c.duckdb"
    build_small(first, seed=3)
    build_small(second, seed=3)
    build_small(other, seed=4)
    a, b, c = table_digest(first), table_digest(second), table_digest(other)
    assert a == b
    assert all(a[t] != c[t] for t in TABLES)


def test_failed_build_keeps_the_previous_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.duckdb"
    build_small(path)
    before = table_digest(path)

    def broken(_: duckdb.DuckDBPyConnection) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_store, "finalise", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build_small(path, seed=99)
    assert table_digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.duckdb"]


def test_stale_temporary_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "demo.duckdb"
    path.with_suffix(".duckdb.tmp").write_text("half-built leftovers")
    build_small(path)
    assert not path.with_suffix(".duckdb.tmp").exists()
    with duckdb.connect(str(path), read_only=True) as c:
        assert c.execute("SELECT count(*) FROM events").fetchall()[0][0] > 0


@pytest.mark.parametrize(
    ("seed", "events", "days", "message"),
    [(7, 20_000, 60, "days"), (7, 10, 400, "events"), (-1, 20_000, 400, "seed")],
)
def test_bad_arguments_are_refused(
    tmp_path: Path, seed: int, events: int, days: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_demo(tmp_path / "x.duckdb", as_of=AS_OF, seed=seed, events=events, days=days)
    assert not list(tmp_path.iterdir())


def test_summary_matches_the_database(summary: DemoSummary, con: duckdb.DuckDBPyConnection) -> None:
    assert summary.start == AS_OF - timedelta(days=DAYS) and summary.end == AS_OF
    assert summary.rows == {t: one(con, f"SELECT count(*) FROM {t}") for t in summary.rows}
    assert set(summary.rows) == set(TABLES)
    assert abs(summary.rows["events"] - EVENTS) <= EVENTS * 0.01
    assert summary.users == summary.rows["users"]
    text = "\n".join(summary.lines())
    assert "events" in text and str(summary.start) in text
    assert all(s.id in text for s in summary.stories)
    meta = dict(rows(con, "SELECT key, value FROM _tpa_meta"))
    assert meta["seed"] == "7" and meta["as_of"] == str(AS_OF) and meta["days"] == str(DAYS)
    assert meta["timezone"] == "Asia/Shanghai" and meta["events"] == str(EVENTS)


# --- shape of the data ---------------------------------------------------------------------------


def test_story_dates_follow_the_calendar() -> None:
    by_id = {s.id: s for s in stories(date(2026, 11, 23))}  # a Monday
    incident = by_id["checkout_incident"]
    assert (incident.start, incident.end) == (date(2026, 11, 16), date(2026, 11, 23))
    promo = by_id["promotion"]
    assert promo.start.weekday() == 4 and (promo.end - promo.start).days == 3
    assert by_id["south_service_slowdown"].start == date(2026, 10, 26)
    wednesday = {s.id: s for s in stories(AS_OF)}
    assert wednesday["checkout_incident"].start == date(2026, 11, 16)


def test_nothing_at_or_after_as_of(con: duckdb.DuckDBPyConnection, summary: DemoSummary) -> None:
    start, end = summary.start, summary.end
    assert one(con, "SELECT min(ts) FROM events").date() >= start
    for table, column in [
        ("events", "ts"),
        ("feedback", "ts"),
        ("tickets", "opened_ts"),
        ("tickets", "first_response_ts"),
        ("tickets", "resolved_ts"),
        ("users", "first_seen_ts"),
    ]:
        assert one(con, f"SELECT max({column}) FROM {table}").date() < end, (table, column)
    assert one(con, "SELECT max(date) FROM marketing_costs") < end
    assert one(con, "SELECT max(ts) FROM events").date() == end - timedelta(days=1)


def test_canonical_columns_and_types(con: duckdb.DuckDBPyConnection) -> None:
    for table in TABLES.values():
        found = rows(
            con,
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            table.name,
        )
        expected = [(c.name, c.type) for c in table.columns]
        assert found[: len(expected)] == expected, table.name
    extra = rows(
        con,
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' "
        "ORDER BY ordinal_position",
    )
    assert [c for (c,) in extra][-3:] == ["device", "region", "city"]


def test_required_columns_and_device_are_never_null(con: duckdb.DuckDBPyConnection) -> None:
    for table in TABLES.values():
        for column in (*table.required, *(("device", "region", "city") * (table.name == "events"))):
            nulls = one(con, f"SELECT count(*) FROM {table.name} WHERE {column} IS NULL")
            assert nulls == 0, (table.name, column)


def test_vocabulary(con: duckdb.DuckDBPyConnection) -> None:
    channels = {c for (c,) in rows(con, "SELECT DISTINCT channel FROM events")}
    touchpoints = {t for (t,) in rows(con, "SELECT DISTINCT touchpoint FROM events")}
    assert len(channels) >= 8 and channels <= set(CHANNELS)
    assert len(touchpoints) >= 12 and touchpoints <= set(TOUCHPOINT_IDS)
    assert touchpoints == set(TOUCHPOINT_IDS)
    regions = {r for (r,) in rows(con, "SELECT DISTINCT region FROM users")}
    assert regions == {"East", "North", "South", "Southwest", "Central"}


def test_ids_are_unique_and_short(con: duckdb.DuckDBPyConnection) -> None:
    assert one(con, "SELECT count(*) - count(DISTINCT event_id) FROM events") == 0
    assert one(con, "SELECT count(*) - count(DISTINCT ticket_id) FROM tickets") == 0
    assert one(con, "SELECT count(*) - count(DISTINCT user_id) FROM users") == 0
    lengths = rows(
        con,
        "SELECT max(length(event_id)), max(length(user_id)), max(length(session_id)), "
        "max(length(order_id)) FROM events",
    )[0]
    assert max(lengths) <= 12
    assert one(con, "SELECT max(length(ticket_id)) FROM tickets") <= 12


def test_purchases_carry_revenue_and_one_order(con: duckdb.DuckDBPyConnection) -> None:
    bad = one(
        con,
        "SELECT count(*) FROM events WHERE touchpoint = 'payment' "
        "AND (revenue IS NULL OR revenue <= 0 OR order_id IS NULL)",
    )
    assert bad == 0
    other = "SELECT count(*) FROM events WHERE touchpoint <> 'payment' AND revenue IS NOT NULL"
    assert one(con, other) == 0
    paid = "SELECT count(*), count(DISTINCT order_id) FROM events WHERE touchpoint = 'payment'"
    n, distinct = rows(con, paid)[0]
    assert n == distinct
    repeat = "SELECT count(*) FROM (SELECT user_id FROM events WHERE touchpoint = 'payment' "
    assert one(con, repeat + "GROUP BY 1 HAVING count(*) >= 3)") > 100


def test_users_match_their_events(con: duckdb.DuckDBPyConnection) -> None:
    assert one(con, "SELECT count(*) FROM users") == one(
        con, "SELECT count(DISTINCT user_id) FROM events"
    )
    mismatched = one(
        con,
        """SELECT count(*) FROM users u JOIN (
               SELECT user_id, min(ts) AS first_ts, arg_min(channel, ts) AS first_channel
               FROM events GROUP BY 1) e USING (user_id)
           WHERE u.first_seen_ts <> e.first_ts OR u.acquisition_channel <> e.first_channel""",
    )
    assert mismatched == 0
    assert one(con, "SELECT count(*) FROM events e ANTI JOIN users u USING (user_id)") == 0
    assert one(con, "SELECT count(*) FROM tickets t ANTI JOIN users u USING (user_id)") == 0
    assert one(con, "SELECT count(*) FROM feedback f ANTI JOIN users u USING (user_id)") == 0


def test_identity_links_are_consistent(con: duckdb.DuckDBPyConnection) -> None:
    sources = dict(rows(con, "SELECT source, count(*) FROM identity_links GROUP BY 1"))
    assert set(sources) == {"wechat_openid", "member_no", "phone_hash", "device_id"}
    assert one(con, "SELECT count(*) FROM identity_links l ANTI JOIN users u USING (user_id)") == 0
    ambiguous = one(
        con,
        "SELECT count(*) FROM (SELECT source, source_user_id FROM identity_links "
        "GROUP BY ALL HAVING count(DISTINCT user_id) > 1)",
    )
    assert ambiguous == 0
    shapes = dict(
        rows(con, "SELECT source, min(length(source_user_id)) FROM identity_links GROUP BY 1")
    )
    assert shapes == {"wechat_openid": 28, "member_no": 9, "phone_hash": 64, "device_id": 36}
    members = one(con, "SELECT count(*) FROM users WHERE member_tier <> 'none'")
    assert sources["member_no"] == members


def test_thirty_minute_gaps_reproduce_sessions(con: duckdb.DuckDBPyConnection) -> None:
    derived, real = rows(
        con,
        """SELECT count(*) FILTER (WHERE prev IS NULL OR ts - prev > INTERVAL 30 MINUTE),
                  count(DISTINCT session_id)
           FROM (SELECT ts, session_id,
                        lag(ts) OVER (PARTITION BY user_id ORDER BY ts, event_id) AS prev
                 FROM events)""",
    )[0]
    assert abs(derived - real) <= real * 0.001


def test_tickets_and_feedback_look_like_service_data(con: duckdb.DuckDBPyConnection) -> None:
    complaint_rate = one(con, "SELECT avg(is_complaint::INT) FROM tickets")
    assert 0.08 <= complaint_rate <= 0.16
    assert one(con, "SELECT count(*) FROM tickets WHERE first_response_ts < opened_ts") == 0
    assert one(con, "SELECT count(*) FROM tickets WHERE resolved_ts < first_response_ts") == 0
    assert rows(con, "SELECT min(csat), max(csat) FROM tickets") == [(1, 5)]
    scores = "SELECT kind, min(score), max(score) FROM feedback GROUP BY 1"
    ranges = {kind: (lo, hi) for kind, lo, hi in rows(con, scores)}
    assert ranges["csat"] == (1, 5) and ranges["nps"] == (0, 10)
    assert ranges["complaint"] == (None, None)
    silent = "SELECT count(*) FROM feedback WHERE kind = 'complaint' AND comment IS NULL"
    assert one(con, silent) == 0
    complaints = one(con, "SELECT count(*) FROM tickets WHERE is_complaint")
    assert one(con, "SELECT count(*) FROM feedback WHERE kind = 'complaint'") == complaints


def test_marketing_costs_follow_traffic(con: duckdb.DuckDBPyConnection) -> None:
    channels = {c for (c,) in rows(con, "SELECT DISTINCT channel FROM marketing_costs")}
    assert channels == {"paid_ads", "wechat_oa", "email_sms", "marketplace", "mini_program"}
    campaigns = {c for (c,) in rows(con, "SELECT DISTINCT campaign FROM marketing_costs")}
    assert {"brand_search", "feed_ads", "retargeting", "flash_sale"} <= campaigns
    correlation = one(
        con,
        """SELECT corr(c.cost, e.clicks) FROM
             (SELECT date, sum(cost) AS cost FROM marketing_costs
              WHERE channel = 'paid_ads' GROUP BY 1) c
           JOIN (SELECT ts::DATE AS date, count(*) AS clicks FROM events
                 WHERE touchpoint = 'ad_click' GROUP BY 1) e USING (date)""",
    )
    assert correlation > 0.9


# --- the planted stories -------------------------------------------------------------------------

CHECKOUT_SESSIONS = """
    SELECT any_value(channel) FILTER (WHERE touchpoint = 'checkout') AS channel,
           any_value(device) AS device, min(ts) AS ts, bool_or(touchpoint = 'payment') AS paid
    FROM events WHERE ts >= ? AND ts < ?
    GROUP BY session_id HAVING bool_or(touchpoint = 'checkout')
"""


def checkout_rates(con: duckdb.DuckDBPyConnection, start: date, end: date) -> dict[Any, Any]:
    """(channel, device) → (checkout sessions, share that paid)."""
    sql = f"""SELECT channel, device, count(*), avg(paid::INT)
              FROM ({CHECKOUT_SESSIONS}) GROUP BY ALL"""
    return {(ch, dev): (n, rate) for ch, dev, n, rate in rows(con, sql, start, end)}


def overall_rate(con: duckdb.DuckDBPyConnection, start: date, end: date) -> float:
    return float(one(con, f"SELECT avg(paid::INT) FROM ({CHECKOUT_SESSIONS})", start, end))


def test_checkout_incident_is_app_ios_last_week(
    con: duckdb.DuckDBPyConnection, story_of: dict[str, Story]
) -> None:
    s = story_of["checkout_incident"]
    assert s.segment == {"channel": "app", "device": "ios"}
    during = checkout_rates(con, s.start, s.end)
    before = checkout_rates(con, s.baseline_start, s.baseline_end)
    n, rate = during[("app", "ios")]
    assert n >= 40 and rate < 0.45
    assert before[("app", "ios")][1] > 0.68
    for cell, (n_other, rate_other) in during.items():
        if cell != ("app", "ios") and n_other >= 30:
            assert rate_other > 0.65, cell
    previous_week = overall_rate(con, s.start - timedelta(days=7), s.start)
    assert overall_rate(con, s.start, s.end) < previous_week - 0.03
    tickets = """SELECT count(*) FILTER (WHERE opened_ts >= ?),
                        count(*) FILTER (WHERE opened_ts < ?)
                 FROM tickets WHERE category = 'payment' AND channel = 'app'
                 AND opened_ts >= ? AND opened_ts < ?"""
    weeks_before = 4
    last_week, before = rows(
        con, tickets, s.start, s.start, s.start - timedelta(days=7 * weeks_before), s.end
    )[0]
    assert last_week >= 2 * before / weeks_before + 3


def test_south_service_slowdown(con: duckdb.DuckDBPyConnection, story_of: dict[str, Story]) -> None:
    s = story_of["south_service_slowdown"]
    window_end = s.start + timedelta(days=28)  # the last 4 full weeks
    sql = """SELECT u.region,
                    median(epoch(first_response_ts - opened_ts)) FILTER (WHERE opened_ts >= ?),
                    median(epoch(first_response_ts - opened_ts)) FILTER (WHERE opened_ts < ?),
                    avg((t.csat >= 4)::INT) FILTER (WHERE t.opened_ts >= ?),
                    avg((t.csat >= 4)::INT) FILTER (WHERE t.opened_ts < ?)
             FROM tickets t JOIN users u USING (user_id)
             WHERE t.opened_ts >= ? AND t.opened_ts < ? GROUP BY 1"""
    params = (s.start, s.start, s.start, s.start, s.baseline_start, window_end)
    by_region = {r: values for r, *values in rows(con, sql, *params)}
    south_now, south_before, csat_now, csat_before = by_region.pop("South")
    assert south_now >= 4 * south_before and south_now >= 20 * 60
    assert csat_now <= csat_before - 0.2
    for region, (now, _, *_) in by_region.items():
        assert south_now >= 4 * now, region
    others = """SELECT median(epoch(first_response_ts - opened_ts)) FILTER (WHERE opened_ts >= ?)
                       / median(epoch(first_response_ts - opened_ts)) FILTER (WHERE opened_ts < ?)
                FROM tickets t JOIN users u USING (user_id)
                WHERE u.region <> 'South' AND opened_ts >= ? AND opened_ts < ?"""
    assert 0.75 <= one(con, others, s.start, s.start, s.baseline_start, window_end) <= 1.33


def test_promotion_weekend(con: duckdb.DuckDBPyConnection, story_of: dict[str, Story]) -> None:
    s = story_of["promotion"]
    sql = """SELECT count(DISTINCT user_id), count(*) FILTER (WHERE touchpoint = 'coupon_claim'),
                    count(DISTINCT user_id) FILTER (WHERE touchpoint = 'payment')
                      / count(DISTINCT user_id) FILTER (WHERE touchpoint = 'product_page')
             FROM events WHERE ts >= ? AND ts < ?"""
    users, coupons, conversion = rows(con, sql, s.start, s.end)[0]
    users_0, coupons_0, conversion_0 = rows(con, sql, s.baseline_start, s.baseline_end)[0]
    assert users >= 1.8 * users_0
    assert coupons >= 10 * max(coupons_0, 1)
    assert conversion >= conversion_0 + 0.03
    cost = """SELECT sum(cost) FROM marketing_costs
              WHERE channel = 'paid_ads' AND date >= ? AND date < ?"""
    assert one(con, cost, s.start, s.end) >= 2 * one(con, cost, s.baseline_start, s.baseline_end)
    flash = """SELECT min(ts)::DATE, count(*) FILTER (WHERE ts >= ?) / count(*)
               FROM events WHERE campaign = 'flash_sale'"""
    first_day, spill_over = rows(con, flash, s.end)[0]
    assert first_day == s.start and spill_over < 0.01  # sessions started before midnight


def test_mini_program_users_retain_better(
    con: duckdb.DuckDBPyConnection, story_of: dict[str, Story]
) -> None:
    s = story_of["mini_program_retention"]
    sql = """SELECT u.acquisition_channel, count(*), avg(EXISTS (
                 SELECT 1 FROM events e WHERE e.user_id = u.user_id
                 AND e.ts >= u.first_seen_ts + INTERVAL 1 DAY
                 AND e.ts < u.first_seen_ts + INTERVAL 31 DAY)::INT)
             FROM users u WHERE u.first_seen_ts >= ? AND u.first_seen_ts < ? GROUP BY 1"""
    retention = {ch: (n, rate) for ch, n, rate in rows(con, sql, s.start, s.end)}
    assert retention["mini_program"][0] >= 300 and retention["paid_ads"][0] >= 300
    assert retention["mini_program"][1] >= retention["paid_ads"][1] + 0.12
    assert retention["paid_ads"][1] == min(rate for _, rate in retention.values())


def default_funnel(con: duckdb.DuckDBPyConnection, start: date, end: date) -> list[int]:
    """Users reaching each step of the default journey (DESIGN meaning, 7-day window)."""
    steps = ["ad_click", "landing_page", "product_page", "add_to_cart", "checkout", "payment"]
    ctes = [
        "s1 AS (SELECT user_id, min(ts) AS t, min(ts) AS t1 FROM events "
        "WHERE touchpoint = 'ad_click' AND ts >= $start AND ts < $end GROUP BY 1)"
    ]
    for k, step in enumerate(steps[1:], start=2):
        ctes.append(
            f"s{k} AS (SELECT s.user_id, min(e.ts) AS t, s.t1 FROM s{k - 1} s JOIN events e "
            f"ON e.user_id = s.user_id AND e.touchpoint = '{step}' AND e.ts > s.t "
            f"AND e.ts <= s.t1 + INTERVAL 7 DAY GROUP BY s.user_id, s.t1)"
        )
    counts = ", ".join(f"(SELECT count(*) FROM s{k})" for k in range(1, len(steps) + 1))
    sql = f"WITH {', '.join(ctes)} SELECT {counts}"
    return list(con.execute(sql, {"start": start, "end": end}).fetchall()[0])


def test_product_page_loses_the_most_users(
    con: duckdb.DuckDBPyConnection, story_of: dict[str, Story]
) -> None:
    s = story_of["channel_patterns"]
    reached = default_funnel(con, s.start, s.end)
    assert reached[0] > 1000 and all(a >= b for a, b in itertools.pairwise(reached))
    lost = [a - b for a, b in itertools.pairwise(reached)]
    assert lost.index(max(lost)) == 2  # product_page → add_to_cart


def test_marketplace_converts_best_and_paid_ads_worst(
    con: duckdb.DuckDBPyConnection, story_of: dict[str, Story]
) -> None:
    s = story_of["channel_patterns"]
    sql = """SELECT first_channel, count(*), avg(bought::INT) FROM (
                 SELECT user_id, arg_min(channel, ts) AS first_channel,
                        bool_or(touchpoint = 'payment') AS bought
                 FROM events WHERE ts >= ? AND ts < ? GROUP BY 1)
             GROUP BY 1 HAVING count(*) >= 200"""
    conversion = {ch: rate for ch, _, rate in rows(con, sql, s.start, s.end)}
    assert max(conversion, key=conversion.__getitem__) == "marketplace"
    assert min(conversion, key=conversion.__getitem__) == "paid_ads"


def test_weekend_rhythm_differs_by_channel(
    con: duckdb.DuckDBPyConnection, story_of: dict[str, Story]
) -> None:
    s = story_of["channel_patterns"]
    sql = """SELECT channel, avg(n) FILTER (WHERE isodow(day) >= 6)
                             / avg(n) FILTER (WHERE isodow(day) <= 5)
             FROM (SELECT channel, ts::DATE AS day, count(*) AS n FROM events
                   WHERE ts >= ? AND ts < ? GROUP BY ALL) GROUP BY 1"""
    ratio = dict(rows(con, sql, s.start, s.end))
    assert ratio["app"] > 1.15 and ratio["mini_program"] > 1.15
    assert ratio["website"] < 0.95


def test_traffic_grows(con: duckdb.DuckDBPyConnection, summary: DemoSummary) -> None:
    sql = "SELECT count(*) FROM events WHERE ts >= ? AND ts < ?"
    start = summary.start + timedelta(days=14)  # let existing customers show up first
    first = one(con, sql, start, start + timedelta(days=28))
    last_start = summary.end - timedelta(days=35)
    last = one(con, sql, last_start, last_start + timedelta(days=28))
    assert 1.05 <= last / first <= 1.6


def test_progress_bar_runs(tmp_path: Path) -> None:
    summary = build_small(tmp_path / "p.duckdb", progress=True)
    assert summary.rows["events"] > 0


def test_docs_describe_every_channel_touchpoint_and_story() -> None:
    text = (Path(__file__).parent.parent / "docs" / "demo-data.md").read_text(encoding="utf-8")
    for name in (*CHANNELS, *TOUCHPOINT_IDS, *(s.id for s in stories(AS_OF))):
        assert f"`{name}`" in text, name


def test_existing_demo_recognises_the_same_build(tmp_path: Path) -> None:
    path = tmp_path / "demo.duckdb"
    assert existing_demo(path, as_of=AS_OF, events=SMALL_EVENTS, days=SMALL_DAYS) is None
    built = build_small(path)
    again = existing_demo(path, as_of=AS_OF, events=SMALL_EVENTS, days=SMALL_DAYS)
    assert again is not None and again.rows == built.rows and again.start == built.start
    assert existing_demo(path, as_of=AS_OF, seed=8, events=SMALL_EVENTS, days=SMALL_DAYS) is None
    assert (
        existing_demo(path, as_of=AS_OF + timedelta(days=1), events=SMALL_EVENTS, days=SMALL_DAYS)
        is None
    )
    assert existing_demo(path, as_of=AS_OF, events=30_000, days=SMALL_DAYS) is None
    path.write_text("not a database")
    assert existing_demo(path, as_of=AS_OF, events=SMALL_EVENTS, days=SMALL_DAYS) is None
