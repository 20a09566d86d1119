"""An earlier answer told again in the other language, for the chat's language switch: its stored
plan is compiled again in `lang` and run, so the sentence, the labels, the chart, what was computed
and the suggestions are all in that language — the numbers are the same query's.

Nothing is stored (the answer keeps its id, so feedback still applies to it). An answer that
cannot be retold exactly — no plan, an error, a clarification, raw SQL, or a relative period
("last week") that now means other days — is left as it was (None)."""

from __future__ import annotations

import logging
from typing import Any

from assistant.answer.assemble import with_data
from assistant.answer.model import Answer
from assistant.execute import compile_for, execute
from assistant.kinds import KINDS
from assistant.service import AssistantService
from semantic_layer.plan import parse_plan
from semantic_layer.time import Language

log = logging.getLogger(__name__)
RETOLD_KINDS = frozenset(kind.name for kind in KINDS if kind.analysis and kind.retold)


def retell(
    service: AssistantService, answer: Answer, lang: Language, role: str | None
) -> Answer | None:
    """`answer` in `lang` (itself when it already is), or None when it cannot be retold."""
    if answer.language == lang:
        return answer
    if answer.plan is None or answer.error is not None or answer.kind not in RETOLD_KINDS:
        return None
    if answer.backend not in ("embedded", "example", "llm"):
        return None
    try:
        plan = parse_plan({**answer.plan, "language": lang})
        compiled = compile_for(plan, service.model, ctx=service.time_context(), role=role)
        if not _same_days(answer, compiled.time_range) or compiled.tree is None:
            return None
        run = execute(compiled, service.engine)
    except Exception:  # the original answer stays on screen; the reason goes to the log
        log.exception("retelling answer %s in %s failed", answer.id, lang)
        return None
    base = answer.model_copy(update={"language": lang, "text": ""})
    fields: dict[str, Any] = {"plan": answer.plan | {"language": lang}, "warnings": []}
    return with_data(base, fields, run, service.model)


def _same_days(answer: Answer, rng: Any) -> bool:
    stored = answer.time_range
    if stored is None or rng is None:
        return stored is None and rng is None
    start = None if rng.open_start else rng.start
    return (stored.start, stored.end) == (start, rng.end)


__all__ = ["RETOLD_KINDS", "retell"]
