"""Reports of a run: a JSON file (everything), Markdown, a self-contained HTML page, JUnit XML.

Accuracy overall, per language, per expected plan kind and per tag; latency median and p95 over
every question asked; tokens for LLM backends; every failure with its question, expected vs got,
and the SQL. Known failures still count as wrong; a known failure that now passes is listed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from assistant.kinds import kind_of
from evals.judge import JUDGEMENTS
from evals.runner import MAX_ROWS_KEPT, CaseResult, RunResult


def expected_kind(result: CaseResult) -> str:
    """What the case asks for: its plan kind, or clarify / unsupported."""
    expect = result.case.expect
    if expect.outcome != "answer":
        return expect.outcome
    return expect.kind or (result.answer.kind or "answer")


_WRONG = ("wrong_result", "wrong_plan")
CONFIDENT = 0.7  # an answer this sure, with no unused words, is presented as plainly right


def confidently_wrong(result: CaseResult) -> bool:
    """A wrong answer to an answerable question given with no clarification, refusal or note:
    the figure a user feels (issue: "never a confident wrong answer")."""
    a = result.answer
    if result.case.expect.outcome != "answer" or result.verdict.judgement not in _WRONG:
        return False
    if a.error is not None or (a.kind is not None and not kind_of(a.kind).runs):
        return False
    return not a.unused and (a.confidence is None or a.confidence >= CONFIDENT)


def _confident(results: list[CaseResult]) -> dict[str, Any]:
    answerable = [r for r in results if r.case.expect.outcome == "answer"]
    wrong = [r.case.id for r in answerable if confidently_wrong(r)]
    return {
        "answerable": len(answerable),
        "count": len(wrong),
        "rate": len(wrong) / len(answerable) if answerable else 0.0,
        "cases": wrong,
    }


def _accuracy(results: Iterable[CaseResult]) -> dict[str, Any]:
    items = list(results)
    correct = sum(r.verdict.correct for r in items)
    return {
        "cases": len(items),
        "correct": correct,
        "accuracy": correct / len(items) if items else 0.0,
    }


def _grouped(results: list[CaseResult], key: Any) -> dict[str, Any]:
    groups: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        for k in key(r):
            groups[k].append(r)
    return {k: _accuracy(v) for k, v in sorted(groups.items())}


def summary(run: RunResult) -> dict[str, Any]:
    results = run.results
    counts = {j: sum(r.verdict.judgement == j for r in results) for j in JUDGEMENTS}
    tokens = sum(r.tokens for r in results)
    return {
        **_accuracy(results),
        "judgements": counts,
        "confidently_wrong": _confident(results),
        "by_language": _grouped(results, lambda r: [r.case.language]),
        "by_kind": _grouped(results, lambda r: [expected_kind(r)]),
        "by_tag": _grouped(results, lambda r: r.case.tags),
        "latency_ms": {"median": round(run.median_ms(), 1), "p95": round(run.p95_ms(), 1)},
        "tokens": {"total": tokens, "per_case": round(tokens / len(results), 1) if results else 0},
        "known_failures": sum(1 for r in results if r.case.known_failure and not r.verdict.correct),
        "unexpected_passes": [
            r.case.id for r in results if r.case.known_failure and r.verdict.correct
        ],
    }


def to_json(run: RunResult) -> dict[str, Any]:
    """Everything about the run; `tpa eval --compare` reads this."""
    return {
        "suite": run.suite,
        "backend": run.backend,
        "as_of": run.as_of.isoformat(),
        "database": run.database,
        "started_at": datetime.fromtimestamp(run.started, UTC).isoformat(timespec="seconds"),
        "seconds": round(run.seconds, 1),
        "summary": summary(run),
        "cases": [_case(r) for r in run.results],
    }


def _case(r: CaseResult) -> dict[str, Any]:
    a = r.answer
    return {
        "id": r.case.id,
        "file": r.file,
        "questions": r.case.questions,
        "language": r.case.language,
        "tags": r.case.tags,
        "expected_kind": expected_kind(r),
        "kind": a.kind,
        "judgement": r.verdict.judgement,
        "correct": r.verdict.correct,
        "reason": r.verdict.reason,
        "known_failure": r.case.known_failure,
        "text": a.text,
        "interpretation": a.interpretation,
        "plan": a.plan,
        "sql": a.sql,
        "check_sql": r.case.expect.sql,
        "expected": None if r.expected is None else {
            "columns": list(r.expected.columns),
            "rows": [list(row) for row in r.expected.rows[:MAX_ROWS_KEPT]],
        },
        "got": {"columns": a.columns, "rows": a.rows[:MAX_ROWS_KEPT]},
        "backend": a.backend,
        "ms": [round(ms, 1) for ms in r.ms],
        "tokens": r.tokens,
        "warnings": a.warnings,
        "confidence": a.confidence,
        "unused": [u.model_dump() for u in a.unused],
        "confidently_wrong": confidently_wrong(r),
    }  # fmt: skip


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def markdown(report: dict[str, Any]) -> str:
    """The report for people, in Markdown (docs/evals.md shows one)."""
    s = report["summary"]
    lines = [
        f"# Evaluation: {report['suite']} ({report['backend']})",
        "",
        f"**Accuracy {_pct(s['accuracy'])}** — {s['correct']} of {s['cases']} cases; as_of "
        f"{report['as_of']}; latency median {s['latency_ms']['median']} ms, p95 "
        f"{s['latency_ms']['p95']} ms; tokens {s['tokens']['total']}.",
        "",
    ]
    sure = s.get("confidently_wrong")
    if sure is not None:
        lines += [
            f"**Confidently wrong {_pct(sure['rate'])}** — {sure['count']} of "
            f"{sure['answerable']} answerable cases got a wrong answer with no clarification, "
            "refusal or note" + (f": {', '.join(sure['cases'])}." if sure["cases"] else "."),
            "",
        ]
    for title, key in (("language", "by_language"), ("plan kind", "by_kind"), ("tag", "by_tag")):
        lines += [f"| {title} | cases | correct | accuracy |", "|---|---:|---:|---:|"]
        lines += [
            f"| {k} | {v['cases']} | {v['correct']} | {_pct(v['accuracy'])} |"
            for k, v in s[key].items()
        ]
        lines.append("")
    lines += ["| judgement | cases |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in s["judgements"].items()] + [""]
    if s["unexpected_passes"]:
        lines += ["Known failures that now pass: " + ", ".join(s["unexpected_passes"]), ""]
    failures = [c for c in report["cases"] if not c["correct"]]
    if failures:
        lines += ["## Failures", ""]
    for c in failures:
        known = f" (known: {c['known_failure']})" if c["known_failure"] else ""
        lines += [
            f"### {c['id']} — {c['judgement']}{known}",
            "",
            *(f"> {q}" for q in c["questions"]),
            "",
            f"- why: {c['reason']}",
            f"- answer: {c['text']}",
            f"- computed: {c['interpretation']}",
        ]
        if c["sql"]:
            lines += ["", "```sql", c["sql"], "```"]
        lines.append("")
    return "\n".join(lines)


def junit(report: dict[str, Any]) -> str:
    """JUnit XML for CI systems: one test case per eval case; known failures are skipped."""
    from xml.sax.saxutils import escape, quoteattr

    s = report["summary"]
    wrong = s["cases"] - s["correct"] - s["known_failures"]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuite name={quoteattr("eval." + report["suite"])} tests="{s["cases"]}" '
        f'failures="{wrong}" skipped="{s["known_failures"]}" time="{report["seconds"]}">',
    ]
    for c in report["cases"]:
        seconds = sum(c["ms"]) / 1000
        out.append(
            f"  <testcase classname={quoteattr(c['file'])} name={quoteattr(c['id'])} "
            f'time="{seconds:.3f}">'
        )
        if not c["correct"] and c["known_failure"]:
            out.append(
                f"    <skipped message={quoteattr('known failure: ' + c['known_failure'])}/>"
            )
        elif not c["correct"]:
            out.append(
                f"    <failure type={quoteattr(c['judgement'])} message={quoteattr(c['reason'])}>"
                f"{escape(' / '.join(c['questions']))}</failure>"
            )
        out.append("  </testcase>")
    out.append("</testsuite>")
    return "\n".join(out) + "\n"


def junit_all(reports: list[dict[str, Any]]) -> str:
    """JUnit XML of one suite, or of several as <testsuites> of one <testsuite> each."""
    if len(reports) == 1:
        return junit(reports[0])
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    bodies = [junit(r).removeprefix(head) for r in reports]
    return head + "<testsuites>\n" + "".join(bodies) + "</testsuites>\n"


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, default=str)


__all__ = ["dumps", "expected_kind", "junit", "junit_all", "markdown", "summary", "to_json"]
