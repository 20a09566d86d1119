"""The evaluation runner judges right and wrong answers for the right reasons (issue 5)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.answer.model import Answer
from evals.judge import Expected, judge
from evals.suite import Case, load_suite
from semantic_layer.errors import UserError
from ui.cli import app

runner = CliRunner()
TODAY = "2026-11-23"
AS_OF = date(2026, 11, 23)

CASES = """\
cases:
  - id: revenue-by-channel
    question: revenue by channel last week
    language: en
    tags: [metric, breakdown]
    expect:
      kind: metric
      plan: {metrics: [revenue], dimensions: [channel], time: last_week}
      sql: |
        SELECT channel AS d_channel, sum(revenue) AS revenue FROM events
        WHERE touchpoint = 'payment' AND ts >= '2026-11-16' AND ts < '2026-11-23'
        GROUP BY channel
  - id: top-channels
    question: 上周销售额最高的渠道
    language: zh
    tags: [metric, ranking]
    expect:
      sql: |
        SELECT channel AS d_channel, sum(revenue) AS revenue FROM events
        WHERE touchpoint = 'payment' AND ts >= '2026-11-16' AND ts < '2026-11-23'
        GROUP BY channel ORDER BY revenue DESC
      ordered: true
  - id: ambiguous
    question: checkout
    language: en
    expect: {outcome: clarify}
  - id: weather
    question: what's the weather tomorrow
    language: en
    expect: {outcome: unsupported}
    known_failure: pretend it used to fail
"""


def write_suite(folder: Path, db: Path, cases: str = CASES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "suite.yaml").write_text(f"name: t\ndatabase: {db}\nas_of: {TODAY}\n")
    (folder / "cases.yaml").write_text(cases, encoding="utf-8")
    return folder


def answer(case_id: str, **fields: object) -> Answer:
    base: dict[str, object] = {"id": case_id, "question": "q", "language": "en", "text": "t"}
    return Answer.model_validate({**base, **fields})


def truth(db: Path, sql: str) -> tuple[list[str], list[list[object]]]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute(sql)
        return [d[0] for d in cur.description], [list(r) for r in cur.fetchall()]


def perfect_answers(suite_dir: Path, db: Path) -> dict[str, object]:
    suite = load_suite(suite_dir)
    out: dict[str, object] = {}
    for _, case in suite.cases:
        if case.expect.outcome != "answer":
            out[case.id] = answer(case.id, plan={"kind": case.expect.outcome}).model_dump(
                mode="json"
            )
            continue
        assert case.expect.sql is not None
        columns, rows = truth(db, case.expect.sql)
        plan = {
            "kind": "metric",
            "metrics": ["revenue"],
            "dimensions": ["channel"],
            "time": {"kind": "last", "n": 1, "unit": "week"},
            "filters": [],
        }
        out[case.id] = answer(case.id, plan=plan, columns=columns, rows=rows).model_dump(
            mode="json"
        )
    return out


def run_recorded(tmp_path: Path, suite_dir: Path, answers: dict[str, object]) -> dict[str, object]:
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers, default=str), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "eval",
            str(suite_dir),
            "--answers",
            str(file),
            "--out",
            str(out),
            "--junit",
            str(out / "junit.xml"),
        ],
    )
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return report


def verdicts(report: dict[str, object]) -> dict[str, tuple[str, str]]:
    return {c["id"]: (c["judgement"], c["reason"]) for c in report["cases"]}  # type: ignore[attr-defined, index]


def test_a_perfect_answer_file_scores_100(small_demo: Path, tmp_path: Path) -> None:
    suite_dir = write_suite(tmp_path / "suite", small_demo)
    report = run_recorded(tmp_path, suite_dir, perfect_answers(suite_dir, small_demo))
    assert report["summary"]["accuracy"] == 1.0  # type: ignore[index]
    assert report["summary"]["unexpected_passes"] == ["weather"]  # type: ignore[index]
    junit = ET.fromstring((tmp_path / "out" / "junit.xml").read_text(encoding="utf-8"))
    assert junit.get("tests") == "4" and junit.get("failures") == "0"
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<html" in html and "100.0%" in html and "http" not in html.split("<body>")[0]


def test_wrong_number_ranking_and_missed_clarification(small_demo: Path, tmp_path: Path) -> None:
    suite_dir = write_suite(tmp_path / "suite", small_demo)
    answers = perfect_answers(suite_dir, small_demo)
    by_channel = answers["revenue-by-channel"]
    by_channel["rows"][0][1] += 1.0  # type: ignore[index]
    ranked = answers["top-channels"]
    ranked["rows"][0], ranked["rows"][1] = ranked["rows"][1], ranked["rows"][0]  # type: ignore[index]
    answers["ambiguous"] = answer(
        "ambiguous", plan={"kind": "metric"}, interpretation="x"
    ).model_dump(mode="json")
    got = verdicts(run_recorded(tmp_path, suite_dir, answers))
    assert (
        got["revenue-by-channel"][0] == "wrong_result"
        and "expected (d_channel=" in got["revenue-by-channel"][1]
    )
    assert got["top-channels"][0] == "wrong_result" and got["top-channels"][1].startswith("row 1:")
    assert got["ambiguous"][0] == "should_have_clarified"
    assert got["weather"][0] == "correct"


def test_wrong_plan_and_errors_are_reasoned() -> None:
    case = Case.model_validate(
        {
            "id": "c",
            "question": "q",
            "language": "en",
            "expect": {"kind": "funnel", "plan": {"journey": "x"}},
        }
    )
    wrong_kind = answer("a", plan={"kind": "dropoff"}, interpretation="Users lost")
    assert judge(case, wrong_kind, None, AS_OF).judgement == "wrong_plan"
    wrong_part = answer("a", plan={"kind": "funnel", "journey": "y"})
    verdict = judge(case, wrong_part, None, AS_OF)
    assert verdict.judgement == "wrong_plan" and 'expected "x", got "y"' in verdict.reason
    failed = answer("a", error={"code": "query_timeout", "message": "slow"})
    assert judge(case, failed, None, AS_OF).reason == "query_timeout: slow"
    refusal = Case.model_validate(
        {
            "id": "r",
            "question": "🙂",
            "language": "en",
            "expect": {"outcome": "clarify_or_unsupported"},
        }
    )
    emoji = answer("a", error={"code": "not_a_question", "message": "no words"})
    assert judge(refusal, emoji, None, AS_OF).correct


@pytest.mark.parametrize(
    ("expected", "plan", "correct"),
    [
        ({"metrics": ["uninstalls"]}, {"metric": "uninstalls"}, True),
        ({"metrics": ["uninstalls"]}, {"metric": "installs"}, False),
        ({"metric": "uninstalls"}, {"metrics": ["uninstalls"]}, True),
        ({"metrics": ["a", "b"]}, {"metric": "a"}, False),
    ],
)
def test_one_metric_is_one_metric_whether_the_plan_says_metric_or_metrics(
    expected: dict[str, object], plan: dict[str, object], correct: bool
) -> None:
    """A drivers plan names its one metric `metric`; a case may say `metrics: [it]`."""
    case = Case.model_validate(
        {"id": "w", "question": "why", "language": "en",
         "expect": {"kind": "drivers", "plan": expected}}
    )  # fmt: skip
    got = answer("a", plan={"kind": "drivers", **plan})
    assert judge(case, got, None, AS_OF).correct is correct


def test_numbers_within_tolerance_and_dates_as_iso() -> None:
    case = Case.model_validate(
        {
            "id": "c",
            "question": "q",
            "language": "en",
            "expect": {"sql": "select 1", "tolerance": 0.01},
        }
    )
    from datetime import datetime

    expected = Expected(("period", "v"), ((datetime(2026, 11, 16), 100.0),))
    close = answer(
        "a", plan={"kind": "metric"}, columns=["period", "v"], rows=[["2026-11-16", 100.9]]
    )
    far = answer(
        "a", plan={"kind": "metric"}, columns=["period", "v"], rows=[["2026-11-16", 102.0]]
    )
    assert judge(case, close, expected, AS_OF).correct
    assert judge(case, far, expected, AS_OF).judgement == "wrong_result"


def test_suite_errors_name_the_file_and_line(tmp_path: Path, small_demo: Path) -> None:
    bad = CASES.replace("    ordered: true", "    orderd: true").replace(
        "      ordered: true", "      orderd: true"
    )
    suite_dir = write_suite(tmp_path / "s", small_demo, bad)
    with pytest.raises(UserError) as err:
        load_suite(suite_dir)
    assert "orderd" in err.value.render() and "cases.yaml" in err.value.render()
    assert err.value.line is not None
    dup = CASES + CASES.split("cases:\n", 1)[1]
    with pytest.raises(UserError, match="also used"):
        load_suite(write_suite(tmp_path / "d", small_demo, dup))


def test_live_run_min_accuracy_and_compare(small_demo: Path, tmp_path: Path) -> None:
    suite_dir = write_suite(tmp_path / "suite", small_demo)
    out1, out2 = tmp_path / "r1", tmp_path / "r2"
    ok = runner.invoke(app, ["eval", str(suite_dir), "--out", str(out1), "--min-accuracy", "75"])
    assert ok.exit_code == 0, ok.output
    assert "accuracy 100.0%" in ok.stdout
    strict = runner.invoke(app, ["eval", str(suite_dir), "--out", str(out2), "--only", "weather"])
    assert "accuracy 100.0% (1/1)" in strict.stdout
    report = json.loads((out1 / "report.json").read_text(encoding="utf-8"))
    report["cases"][0]["correct"], report["cases"][0]["judgement"] = False, "wrong_result"
    report["summary"]["accuracy"] = 0.75
    old = tmp_path / "old.json"
    old.write_text(json.dumps(report), encoding="utf-8")
    diff = runner.invoke(app, ["eval", "--compare", str(old), str(out1 / "report.json")])
    assert (
        diff.exit_code == 0 and "Better (1)" in diff.stdout and "revenue-by-channel" in diff.stdout
    )
    failing = write_suite(
        tmp_path / "f", small_demo, CASES.replace("outcome: clarify", "outcome: unsupported")
    )
    low = runner.invoke(
        app, ["eval", str(failing), "--out", str(tmp_path / "r3"), "--min-accuracy", "0.9"]
    )
    assert low.exit_code == 1 and "below the minimum" in low.output


def test_several_suites_in_one_run_each_held_to_its_own_floor(
    small_demo: Path, tmp_path: Path
) -> None:
    """`make eval-domains`: suites run one after another in one process, each against the
    `min_accuracy` of its suite.yaml; one JUnit file holds a <testsuite> per suite."""
    good = write_suite(tmp_path / "good", small_demo)
    bad = write_suite(
        tmp_path / "bad", small_demo, CASES.replace("outcome: clarify", "outcome: unsupported")
    )
    with (bad / "suite.yaml").open("a", encoding="utf-8") as f:
        f.write("min_accuracy: 0.9\n")
    out, xml = tmp_path / "out", tmp_path / "junit.xml"
    both = runner.invoke(app, ["eval", str(good), str(bad), "--out", str(out), "--junit", str(xml)])
    assert both.exit_code == 1, both.output
    assert "below their minimum accuracy: t" in both.output
    assert (out / "good" / "report.json").is_file() and (out / "bad" / "report.json").is_file()
    junit_text = xml.read_text(encoding="utf-8")
    assert junit_text.count("<testsuite ") == 2 and "<testsuites>" in junit_text
    alone = runner.invoke(app, ["eval", str(good), "--out", str(tmp_path / "alone")])
    assert alone.exit_code == 0, "no floor given and none in suite.yaml"
    override = runner.invoke(
        app, ["eval", str(bad), "--out", str(tmp_path / "o"), "--min-accuracy", "0.5"]
    )
    assert override.exit_code == 0, "--min-accuracy wins over the suite's own floor"
    mixed = runner.invoke(app, ["eval", str(good), str(bad), "--db", str(small_demo)])
    assert mixed.exit_code == 2 and "--db and --answers belong to one suite" in mixed.output


def test_llm_backend_reports_tokens(small_demo: Path, tmp_path: Path) -> None:
    from tests.fakes.openai_server import FakeOpenAI, PlanReply

    cases = """\
cases:
  - id: revenue
    question: how much did we sell last week
    language: en
    expect:
      kind: metric
      sql: |
        SELECT sum(revenue) AS revenue FROM events
        WHERE touchpoint = 'payment' AND ts >= '2026-11-16' AND ts < '2026-11-23'
"""
    suite_dir = write_suite(tmp_path / "suite", small_demo, cases)
    plan = {"kind": "metric", "metrics": ["revenue"], "time": "last_week"}
    with FakeOpenAI([PlanReply(plan, prompt_tokens=200, completion_tokens=20)]) as server:
        env = {"TPA_LLM_BASE_URL": server.base_url, "TPA_LLM_MODEL": "fake"}
        out = tmp_path / "out"
        result = runner.invoke(
            app, ["eval", str(suite_dir), "--backend", "llm", "--out", str(out)], env=env
        )
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["backend"] == "llm" and report["summary"]["accuracy"] == 1.0
    assert report["summary"]["tokens"]["total"] == 220
    missing = runner.invoke(
        app, ["eval", str(suite_dir), "--backend", "llm"], env={"TPA_LLM_BASE_URL": ""}
    )
    assert missing.exit_code == 2 and "TPA_LLM_BASE_URL" in missing.output


def test_confidently_wrong_counts_only_wrong_answers_with_no_note(
    small_demo: Path, tmp_path: Path
) -> None:
    """A wrong number given plainly is confidently wrong; the same number with an unused-words
    note, or a confidence below 0.7, is not."""
    suite_dir = write_suite(tmp_path / "suite", small_demo)
    answers = perfect_answers(suite_dir, small_demo)
    answers["revenue-by-channel"]["rows"][0][1] += 1.0  # type: ignore[index]
    answers["top-channels"]["rows"][0][1] += 1.0  # type: ignore[index]
    answers["top-channels"]["unused"] = [{"text": "zorblax", "why": "unknown_word"}]
    answers["top-channels"]["confidence"] = 0.65
    sure = run_recorded(tmp_path, suite_dir, answers)["summary"]["confidently_wrong"]  # type: ignore[index]
    assert sure["cases"] == ["revenue-by-channel"] and sure["answerable"] == 2


def test_a_suite_builds_its_database_with_its_generator(small_demo: Path, tmp_path: Path) -> None:
    """`generate:` runs once when the database is missing; `case_files:` keeps other YAML (a
    model, an ingest config) out of the cases."""
    folder = tmp_path / "domain"
    folder.mkdir()
    (folder / "generate.py").write_text(
        f"import shutil, sys\nshutil.copy({str(small_demo)!r}, sys.argv[1])\n",
        encoding="utf-8",
    )
    (folder / "suite.yaml").write_text(
        f"name: d\ngenerate: generate.py\ndatabase: .cache/d.duckdb\nas_of: {TODAY}\n"
        "case_files: [cases.yaml]\n",
        encoding="utf-8",
    )
    (folder / "cases.yaml").write_text(CASES, encoding="utf-8")
    (folder / "model.yaml").write_text("not: a case file\n", encoding="utf-8")
    from evals.runner import database_for

    suite = load_suite(folder)
    assert len(suite.cases) == 4
    built = database_for(suite)
    assert built == folder / ".cache" / "d.duckdb" and built.is_file()


def test_two_runs_at_once_build_the_suite_database_once(small_demo: Path, tmp_path: Path) -> None:
    """Two runs of one suite at the same time (parallel tests, two `tpa eval`): the second waits
    for the first's build and uses it, instead of both writing the same file."""
    from concurrent.futures import ThreadPoolExecutor

    from evals.runner import database_for

    folder = tmp_path / "domain"
    folder.mkdir()
    runs = tmp_path / "runs.txt"
    (folder / "generate.py").write_text(
        "import shutil, sys, time\n"
        f"open({str(runs)!r}, 'a').write('run\\n')\n"
        "time.sleep(1)\n"
        f"shutil.copy({str(small_demo)!r}, sys.argv[1])\n",
        encoding="utf-8",
    )
    (folder / "suite.yaml").write_text(
        f"name: d\ngenerate: generate.py\ndatabase: .cache/d.duckdb\nas_of: {TODAY}\n",
        encoding="utf-8",
    )
    (folder / "cases.yaml").write_text(CASES, encoding="utf-8")
    with ThreadPoolExecutor(2) as pool:
        built = list(pool.map(lambda _: database_for(load_suite(folder)), range(2)))
    assert built == [folder / ".cache" / "d.duckdb"] * 2 and built[0].is_file()
    assert runs.read_text(encoding="utf-8") == "run\n"


@pytest.mark.parametrize(("measure", "correct"), [("time_to_convert", True), ("conversion", False)])
def test_a_time_to_convert_case_may_name_its_kind_so(measure: str, correct: bool) -> None:
    """The time-to-convert answer is a funnel plan measuring time; a case may call its kind
    `time_to_convert`."""
    case = Case.model_validate(
        {"id": "t", "question": "how long", "language": "en",
         "expect": {"kind": "time_to_convert"}}
    )  # fmt: skip
    got = answer("a", plan={"kind": "funnel", "measure": measure})
    assert judge(case, got, None, AS_OF).correct is correct


@pytest.mark.parametrize(
    ("expected_rows", "correct"),
    [
        ((("web", 3.0), ("app", 2.0)), True),  # the check left the remainder out
        ((("web", 3.0), ("app", 2.0), ("(no prior touch)", 1.0)), True),  # or counted it
        ((("web", 3.0), ("app", 2.0), ("(no prior touch)", 4.0)), False),  # then it must match
        ((("web", 3.0),), False),  # another channel's credit is never left out
    ],
)
def test_an_attributions_no_touch_row_counts_only_when_the_check_has_it(
    expected_rows: tuple[tuple[object, ...], ...], correct: bool
) -> None:
    """Conversions with no touch are credited to a last row "(no prior touch)"; a check query
    may leave them out (evals/domains/README.md)."""
    case = Case.model_validate(
        {"id": "a", "question": "credit by channel", "language": "en", "expect": {"sql": "x"}}
    )
    got = answer(
        "a", plan={"kind": "attribution"}, columns=["key", "first_touch"],
        rows=[["web", 3.0], ["app", 2.0], ["(no prior touch)", 1.0]],
    )  # fmt: skip
    expected = Expected(("key", "first_touch"), expected_rows)
    assert judge(case, got, expected, AS_OF).correct is correct


@pytest.mark.parametrize(
    ("expected_rows", "correct"),
    [
        ((("web", 3.0), ("app", 2.0)), True),  # the check left the group with no value out
        ((("web", 3.0), ("app", 2.0), (None, 7.0)), True),  # or counted it
        ((("web", 3.0), ("app", 2.0), (None, 4.0)), False),  # then it must match
        ((("web", 3.0),), False),  # a group with a value is never left out
    ],
)
def test_a_breakdowns_no_value_group_counts_only_when_the_check_has_it(
    expected_rows: tuple[tuple[object, ...], ...], correct: bool
) -> None:
    """A plain breakdown shows the rows with no value for the split as their own group
    (docs/design.md); a check query may leave them out (evals/domains/README.md)."""
    case = Case.model_validate(
        {"id": "b", "question": "visitors by campaign", "language": "en", "expect": {"sql": "x"}}
    )
    got = answer(
        "b", plan={"kind": "metric"}, columns=["d_campaign", "visitors"],
        rows=[["web", 3.0], ["app", 2.0], [None, 7.0]],
    )  # fmt: skip
    expected = Expected(("d_campaign", "visitors"), expected_rows)
    assert judge(case, got, expected, AS_OF).correct is correct


@pytest.mark.parametrize(
    ("got", "correct"),
    [(0.100559, True), (0.100694 + 0.9 / 3600, True), (0.100694 + 2 / 3600, False)],
)
def test_a_duration_agrees_within_one_second(got: float, correct: bool) -> None:
    """Median hours counted in second boundaries (0.100694) and in exact instants (0.100559)
    are both right; two seconds apart is another answer."""
    case = Case.model_validate(
        {"id": "t", "question": "q", "language": "en", "expect": {"sql": "x"}}
    )
    answer_ = answer("t", plan={"kind": "funnel"}, columns=["median_hours"], rows=[[got]])
    expected = Expected(("median_hours",), ((0.100694,),))
    assert judge(case, answer_, expected, AS_OF).correct is correct


@pytest.mark.parametrize(("said", "on"), [("off", False), ("", True)])
def test_tpa_eval_honours_tpa_retrieval(
    small_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: str, on: bool
) -> None:
    """`TPA_RETRIEVAL=off tpa eval` runs without the retrieval index (it once went unread)."""
    from evals import runner as eval_runner

    monkeypatch.setenv("TPA_RETRIEVAL", said)
    suite = load_suite(write_suite(tmp_path / "suite", small_demo))
    with eval_runner._service(suite, small_demo, "embedded", None) as service:
        assert service.config.retrieval is on


@pytest.mark.parametrize(("got", "correct"), [(0, True), (0.0, True), (None, True), (0.5, False)])
def test_a_check_querys_null_sum_is_the_answers_zero(got: float | None, correct: bool) -> None:
    """A LEFT JOIN's channel with no rows sums to NULL in the check query; the answer shows 0."""
    case = Case.model_validate(
        {"id": "z", "question": "revenue by channel", "language": "en", "expect": {"sql": "x"}}
    )
    shown = answer(
        "z", plan={"kind": "metric"}, columns=["d_channel", "revenue"],
        rows=[["web", 3.0], ["crm", got]],
    )  # fmt: skip
    expected = Expected(("d_channel", "revenue"), (("web", 3.0), ("crm", None)))
    assert judge(case, shown, expected, AS_OF).correct is correct


@pytest.mark.parametrize(
    ("got_rows", "correct"),
    [
        ([["web", 3.0], ["crm", 0.0], ["sms", 0.0]], True),  # zero groups the check left out
        ([["web", 3.0]], True),
        ([["web", 3.0], ["crm", 1.0]], False),  # a group with a number is never dropped
    ],
)
def test_groups_with_nothing_are_the_same_shown_as_zero_or_left_out(
    got_rows: list[list[object]], correct: bool
) -> None:
    """A channel no sale ever carried: 0 on one side, absent (or NULL) on the other."""
    case = Case.model_validate(
        {"id": "g", "question": "sales by channel", "language": "en", "expect": {"sql": "x"}}
    )
    shown = answer("g", plan={"kind": "metric"}, columns=["d_channel", "revenue"], rows=got_rows)
    expected = Expected(("d_channel", "revenue"), (("web", 3.0), ("sms", None)))
    assert judge(case, shown, expected, AS_OF).correct is correct


def test_a_ranking_that_names_an_empty_group_still_differs() -> None:
    """ "the channel with the least sales": 0 for a channel that never sells is not the answer."""
    case = Case.model_validate(
        {"id": "l", "question": "least sales", "language": "en", "expect": {"sql": "x"}}
    )
    shown = answer("l", plan={"kind": "metric"}, columns=["d_channel", "revenue"],
                   rows=[["sms", 0.0]])  # fmt: skip
    expected = Expected(("d_channel", "revenue"), (("web", 3.0),))
    assert judge(case, shown, expected, AS_OF).correct is False


@pytest.mark.parametrize(
    ("got_rows", "correct"),
    [
        ([["Wulin", 50], ["Guanqian", 50], ["Xiasha", 41]], True),  # a tie: either order
        ([["Guanqian", 50], ["Wulin", 50], ["Xiasha", 41]], True),
        ([["Guanqian", 50], ["Xiasha", 41], ["Wulin", 50]], False),  # a tie out of its place
        ([["Wulin", 50], ["Xiasha", 50], ["Guanqian", 41]], False),  # the tied numbers, wrong rows
        ([["Guanqian", 50], ["Wulin", 50], ["Yuhang", 41]], True),  # tied with Xiasha at the cut
        ([["Guanqian", 50], ["Wulin", 50], ["Yuhang", 40]], False),  # not tied: the wrong third
        ([["Guanqian", 50], ["Yuhang", 50], ["Xiasha", 41]], False),  # a tie above the cut
    ],
)
def test_a_ranking_may_list_tied_rows_in_any_order(
    got_rows: list[list[object]], correct: bool
) -> None:
    case = Case.model_validate(
        {"id": "t", "question": "top 3 studios", "language": "en",
         "expect": {"sql": "x", "ordered": True}}
    )  # fmt: skip
    shown = answer("t", plan={"kind": "metric"}, columns=["d_studio", "orders"], rows=got_rows)
    expected = Expected(("d_studio", "orders"), (("Guanqian", 50), ("Wulin", 50), ("Xiasha", 41)))
    assert judge(case, shown, expected, AS_OF).correct is correct


def test_a_drivers_none_segment_counts_only_when_the_check_has_it() -> None:
    """Drivers rank every segment, the rows without a value ("(none)") too; a check query that
    leaves them out asks about the named segments."""
    case = Case.model_validate(
        {"id": "d", "question": "why did visits drop", "language": "en",
         "expect": {"sql": "x", "rows": "first"}}
    )  # fmt: skip
    shown = answer(
        "d", plan={"kind": "drivers"}, columns=["dimension", "segment", "change"],
        rows=[["tier", "(none)", -50.0], ["city", "Leeds", -30.0]],
    )  # fmt: skip
    expected = Expected(("dimension", "segment", "change"), (("city", "Leeds", -30.0),))
    assert judge(case, shown, expected, AS_OF).correct


def test_a_funnel_of_a_named_journey_has_that_journeys_steps() -> None:
    """ "show me the trade-in funnel": a plan naming the journey is the plan of its steps, which
    its table lists in order."""
    case = Case.model_validate(
        {"id": "f", "question": "show me the funnel", "language": "en",
         "expect": {"kind": "funnel", "plan": {"steps": ["quote", "order"]}}}
    )  # fmt: skip
    rows = [[1, "quote", 10, 1.0], [2, "order", 4, 0.4]]
    shown = answer("f", plan={"kind": "funnel", "journey": "trade_in"},
                   columns=["step", "touchpoint", "reached", "conversion"], rows=rows)  # fmt: skip
    assert judge(case, shown, None, AS_OF).correct
    other = answer("f", plan={"kind": "funnel", "journey": "web"},
                   columns=["step", "touchpoint", "reached", "conversion"],
                   rows=[[1, "visit", 10, 1.0], [2, "order", 4, 0.4]])  # fmt: skip
    assert not judge(case, other, None, AS_OF).correct
