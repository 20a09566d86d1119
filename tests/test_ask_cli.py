"""`tpa ask`: the issue's acceptance test against hand-written SQL over the raw events, and the
terminal and JSON outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from ui.cli import app

runner = CliRunner()
STEPS = ["ad_click", "landing_page", "product_page", "add_to_cart", "checkout", "payment"]


def hand_written_dropoff(db: Path, start: str, end: str) -> list[tuple[str, int, int]]:
    """docs/design.md "Funnel" and "drop-off", written from the raw events without the compiler:
    (touchpoint, reached, lost) for every step of the purchase journey, window 7 days."""
    ctes = [
        f"s1 AS (SELECT user_id, min(ts) AS t1, min(ts) AS t FROM events "
        f"WHERE touchpoint = '{STEPS[0]}' AND ts >= TIMESTAMP '{start}' "
        f"AND ts < TIMESTAMP '{end}' GROUP BY user_id)"
    ]
    for k, step in enumerate(STEPS[1:], start=2):
        ctes.append(
            f"s{k} AS (SELECT p.user_id, p.t1, min(e.ts) AS t FROM s{k - 1} p "
            f"JOIN events e ON e.user_id = p.user_id AND e.touchpoint = '{step}' "
            f"AND e.ts > p.t AND e.ts <= p.t1 + INTERVAL 7 DAY GROUP BY p.user_id, p.t1)"
        )
    counts = " UNION ALL ".join(
        f"SELECT {k} AS k, '{step}' AS tp, count(*) AS n FROM s{k}"
        for k, step in enumerate(STEPS, start=1)
    )
    sql = (
        f"WITH {', '.join(ctes)}, c AS ({counts}) "
        "SELECT tp, n, n - coalesce(lead(n) OVER (ORDER BY k), n) AS lost FROM c ORDER BY k"
    )
    with duckdb.connect(str(db), read_only=True) as con:
        return [(str(tp), int(n), int(lost)) for tp, n, lost in con.execute(sql).fetchall()]


def ask(db: Path, home: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(
        app,
        ["ask", *args, "--json", "--db", str(db), "--as-of", "2026-11-23"],
        env={"TPA_HOME": str(home), "TPA_LLM_BASE_URL": "", "TPA_MODEL": ""},
    )
    assert result.exit_code == 0, result.output
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


@pytest.mark.parametrize(
    "question", ["which touchpoint lost the most users last week", "上周哪个触点流失用户最多"]
)
def test_the_touchpoint_that_lost_the_most_users_matches_hand_written_sql(
    small_demo: Path, tmp_path: Path, question: str
) -> None:
    truth = hand_written_dropoff(small_demo, "2026-11-16", "2026-11-23")
    worst = max(truth, key=lambda row: row[2])
    answer = ask(small_demo, tmp_path, question)
    row = dict(zip(answer["columns"], answer["rows"][0], strict=True))
    assert (row["touchpoint"], row["reached"], row["lost"]) == worst
    assert answer["plan"]["kind"] == "dropoff"
    assert answer["time_range"] == {
        "start": "2026-11-16",
        "end": "2026-11-23",
        "label": answer["time_range"]["label"],
    }
    lang_label = "上周" if answer["language"] == "zh" else "16–22 Nov"
    assert lang_label in answer["text"] or "11月16日" in answer["text"]
    assert f"{worst[2]:,}" in answer["text"]  # the count, formatted
    assert answer["error"] is None and answer["sql"] and answer["interpretation"]
    assert answer["chart"] is not None and len(answer["suggestions"]) >= 2


def test_terminal_output_is_a_readable_answer(small_demo: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["ask", "conversion rate by channel this month", "--sql", "--db", str(small_demo),
         "--as-of", "2026-11-23"],
        env={"TPA_HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "conversion rate" in result.stdout.lower() and "SELECT" in result.stdout
    assert "%" in result.stdout  # rates print as percentages
    assert "session:" in result.stdout


def test_follow_up_with_session(small_demo: Path, tmp_path: Path) -> None:
    first = ask(small_demo, tmp_path, "revenue last week")
    second = ask(small_demo, tmp_path, "and by channel?", "--session", first["session_id"])
    assert second["plan"]["dimensions"] == ["channel"]
    assert second["session_id"] == first["session_id"]


def test_an_empty_question_exits_1_with_a_clear_message(small_demo: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ask", "   ", "--json", "--db", str(small_demo)], env={"TPA_HOME": str(tmp_path)}
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "empty_question"


def test_a_missing_database_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    result = runner.invoke(app, ["ask", "revenue", "--db", str(missing)])
    assert result.exit_code == 2
    assert "nope.duckdb" in result.output


@pytest.mark.parametrize(
    ("question", "codes", "names"),
    [
        ("active users by device last week", {"pc", "ios"}, {"PC", "iOS"}),
        ("revenue by campaign last month", {"brand_search"}, {"brand search ads"}),
        ("上周各设备活跃用户数", {"pc", "ios"}, {"电脑", "苹果iOS"}),
    ],
)
def test_terminal_tables_name_values_as_the_text_does(
    small_demo: Path, tmp_path: Path, question: str, codes: set[str], names: set[str]
) -> None:
    result = runner.invoke(
        app, ["ask", question, "--db", str(small_demo), "--as-of", "2026-11-23"],
        env={"TPA_HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    cells = {c.strip() for line in result.stdout.splitlines() for c in line.split("│")}
    assert not codes & cells, f"raw codes in the table: {codes & cells}"
    assert names <= cells, result.stdout


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("revenue by channel last week", re.compile(r"│ ¥[\d,]+\.\d\d")),  # amounts in ¥
        ("各渠道的获客成本", re.compile(r"│ ¥[\d,]+\.\d\d")),  # a ratio in ¥ (CAC)
        ("上周各渠道的首次响应时间", re.compile(r"[\d.]+ 分钟")),  # minutes, in Chinese
    ],
)
def test_terminal_tables_carry_units(
    small_demo: Path, tmp_path: Path, question: str, wanted: re.Pattern[str]
) -> None:
    result = runner.invoke(
        app, ["ask", question, "--db", str(small_demo), "--as-of", "2026-11-23"],
        env={"TPA_HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    table = "\n".join(line for line in result.stdout.splitlines() if "│" in line)
    assert wanted.search(table), result.stdout
