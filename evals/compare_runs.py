"""`tpa eval --compare OLD.json NEW.json`: what got better and what got worse between two runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from semantic_layer.errors import UserError


def load_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"{path}: not a readable evaluation report ({exc})", file=path) from None
    if not isinstance(data, dict) or "cases" not in data or "summary" not in data:
        raise UserError(f"{path}: not an evaluation report (no summary or cases)", file=path)
    return data


def compare(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Cases that got better (wrong → correct), worse, changed their way of being wrong, and
    appeared or disappeared; plus the accuracy change."""
    before = {c["id"]: c for c in old["cases"]}
    after = {c["id"]: c for c in new["cases"]}
    both = [i for i in after if i in before]

    def pairs(keep: Any) -> list[dict[str, Any]]:
        return [_pair(before[i], after[i]) for i in both if keep(before[i], after[i])]

    return {
        "accuracy": {"old": old["summary"]["accuracy"], "new": new["summary"]["accuracy"]},
        "better": pairs(lambda o, n: n["correct"] and not o["correct"]),
        "worse": pairs(lambda o, n: o["correct"] and not n["correct"]),
        "changed": pairs(
            lambda o, n: not (o["correct"] or n["correct"]) and o["judgement"] != n["judgement"]
        ),
        "added": [i for i in after if i not in before],
        "removed": [i for i in before if i not in after],
    }  # fmt: skip


def _pair(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": new["id"],
        "question": " / ".join(new["questions"]),
        "old": old["judgement"],
        "new": new["judgement"],
        "reason": new["reason"] or old["reason"],
    }


def render(diff: dict[str, Any]) -> str:
    """The comparison in Markdown."""
    acc = diff["accuracy"]
    lines = [f"Accuracy {acc['old'] * 100:.1f}% → {acc['new'] * 100:.1f}%", ""]
    for title, key in (("Better", "better"), ("Worse", "worse"), ("Changed", "changed")):
        items = diff[key]
        lines.append(f"## {title} ({len(items)})")
        for i in items:
            lines.append(f"- {i['id']}: {i['old']} → {i['new']} — {i['question']}")
            if key != "better" and i["reason"]:
                lines.append(f"  - {i['reason']}")
        lines.append("")
    if diff["added"] or diff["removed"]:
        added = ", ".join(diff["added"]) or "none"
        removed = ", ".join(diff["removed"]) or "none"
        lines.append(f"Added: {added}; removed: {removed}")
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["compare", "load_report", "render"]
