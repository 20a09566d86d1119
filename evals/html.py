"""The evaluation report as one self-contained HTML page (inline CSS, no scripts, no CDN)."""

from __future__ import annotations

from html import escape
from typing import Any

_CSS = """
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1100px;
color:#1f2933;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d9e2ec;border-radius:8px;
padding:.8rem 1.2rem;min-width:9rem}.card b{display:block;font-size:1.6rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border-bottom:1px solid #e4e7eb;
padding:.25rem .7rem;text-align:left}td.n,th.n{text-align:right}
.bar{display:inline-block;height:.6rem;background:#3e7cb1;border-radius:2px}
details{border:1px solid #e4e7eb;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
summary{cursor:pointer}.j{font-weight:600;color:#b42318}.known{color:#8a6d00}
pre{background:#f5f7fa;padding:.6rem;overflow-x:auto;font-size:12px}
.ok{color:#1e7b34}
"""


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def _group_table(title: str, groups: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{escape(k)}</td><td class=n>{v['cases']}</td><td class=n>{v['correct']}</td>"
        f"<td class=n>{_pct(v['accuracy'])}</td><td><span class=bar "
        f"style='width:{v['accuracy'] * 120:.0f}px'></span></td></tr>"
        for k, v in groups.items()
    )
    return (
        f"<h2>By {escape(title)}</h2><table><tr><th>{escape(title)}</th><th class=n>cases</th>"
        f"<th class=n>correct</th><th class=n>accuracy</th><th></th></tr>{rows}</table>"
    )


def _rows_table(side: dict[str, Any] | None) -> str:
    if not side:
        return "<p>(none)</p>"
    head = "".join(f"<th>{escape(str(c))}</th>" for c in side["columns"])
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>"
        for row in side["rows"]
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _failure(c: dict[str, Any]) -> str:
    known = (
        f" <span class=known>known failure: {escape(c['known_failure'])}</span>"
        if c["known_failure"]
        else ""
    )
    questions = "<br>".join(escape(q) for q in c["questions"])
    sql = f"<p>SQL that ran</p><pre>{escape(c['sql'])}</pre>" if c["sql"] else ""
    check = f"<p>Check SQL</p><pre>{escape(c['check_sql'])}</pre>" if c["check_sql"] else ""
    return (
        f"<details><summary><span class=j>{escape(c['judgement'])}</span> "
        f"<code>{escape(c['id'])}</code> — {questions}{known}</summary>"
        f"<p><b>Why:</b> {escape(c['reason'])}</p><p><b>Answer:</b> {escape(c['text'])}</p>"
        f"<p><b>Computed:</b> {escape(c['interpretation'] or '')}</p>"
        f"<p>Expected</p>{_rows_table(c['expected'])}<p>Got</p>{_rows_table(c['got'])}"
        f"{sql}{check}</details>"
    )


def page(report: dict[str, Any]) -> str:
    """The whole page."""
    s = report["summary"]
    cards = [
        ("accuracy", _pct(s["accuracy"])),
        ("cases", f"{s['correct']} / {s['cases']}"),
        ("median latency", f"{s['latency_ms']['median']} ms"),
        ("p95 latency", f"{s['latency_ms']['p95']} ms"),
        ("tokens", str(s["tokens"]["total"])),
    ]
    failures = [c for c in report["cases"] if not c["correct"]]
    passes = s["unexpected_passes"]
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>Evaluation {escape(report['suite'])} ({escape(report['backend'])})</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Evaluation: {escape(report['suite'])} — {escape(report['backend'])}</h1>",
        f"<p>as_of {escape(report['as_of'])} · started {escape(report['started_at'])} · "
        f"{report['seconds']} s</p>",
        "<div class=cards>"
        + "".join(f"<div class=card>{escape(k)}<b>{escape(v)}</b></div>" for k, v in cards)
        + "</div>",
        _group_table("language", s["by_language"]),
        _group_table("plan kind", s["by_kind"]),
        _group_table("tag", s["by_tag"]),
        "<h2>Judgements</h2><table>"
        + "".join(
            f"<tr><td>{escape(k)}</td><td class=n>{v}</td></tr>" for k, v in s["judgements"].items()
        )
        + "</table>",
    ]
    if passes:
        parts.append(
            "<p class=ok>Known failures that now pass: " + escape(", ".join(passes)) + "</p>"
        )
    parts.append(f"<h2>Failures ({len(failures)})</h2>")
    parts += [_failure(c) for c in failures] or ["<p class=ok>None.</p>"]
    parts.append("</body></html>")
    return "\n".join(parts)


__all__ = ["page"]
