"""Examples saved before roles and review, given a role (start-up, before the index opens).

Kept apart from `assistant.retrieval.store` so that opening a service does not import chromadb
(`tpa ask` opens the index only when a search needs it).
"""

from __future__ import annotations

import json
from pathlib import Path


def migrate_examples(file: Path, role: str) -> int:
    """Give examples saved before roles and review (thumbs-up from anyone, used for everyone) the
    role `role` (the model's default role), so they keep working there and nowhere else; the
    old file is kept as `examples.jsonl.before-roles`. Returns how many were migrated."""
    if not file.exists():
        return 0
    lines = file.read_text(encoding="utf-8").splitlines()
    records = []
    migrated = 0
    for line in lines:
        try:
            data = json.loads(line)
        except ValueError:
            records.append(line)
            continue
        if isinstance(data, dict) and "role" not in data:
            data = {**data, "role": role, "reviewed_by": "migration (saved before review)"}
            migrated += 1
        records.append(json.dumps(data, ensure_ascii=False))
    if migrated:
        backup = file.with_name(file.name + ".before-roles")
        if not backup.exists():
            backup.write_bytes(file.read_bytes())
        tmp = file.with_name(file.name + ".tmp")
        tmp.write_text("\n".join(records) + "\n", encoding="utf-8")
        tmp.replace(file)
    return migrated


__all__ = ["migrate_examples"]
