"""The plain text a bot posts for an answer: the answer first, then the choices of a
clarification, what was computed, any warning, and up to three follow-up questions."""

from __future__ import annotations

import re
from typing import Final

from assistant.answer.model import Answer
from semantic_layer.phrasebook import grammar, language, phrase, section, written_in

MAX_SUGGESTIONS: Final = 3
_LABELS: Final = section("bots")
_SLACK_MENTION: Final = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_FEISHU_MENTION: Final = re.compile(r"@_user_\d+|@_all")


def reply_text(answer: Answer) -> str:
    """The answer as plain text, in the answer's language."""
    labels = _LABELS[language(answer.language)]
    colon = grammar(answer.language).colon
    parts = [answer.text.strip()]
    if answer.choices:
        parts.append("\n".join(f"{n}. {c.label}" for n, c in enumerate(answer.choices, 1)))
    if answer.interpretation and answer.error is None:
        parts.append(f"{labels['computed']}{colon}{answer.interpretation}")
    parts.extend(f"{labels['note']}{colon}{w}" for w in answer.warnings)
    if answer.suggestions:
        lines = [f"• {s}" for s in answer.suggestions[:MAX_SUGGESTIONS]]
        parts.append(f"{labels['next']}{colon.rstrip()}\n" + "\n".join(lines))
    return "\n\n".join(p for p in parts if p)


def sorry_text(question: str) -> str:
    """What to say when answering failed unexpectedly (the details go to the log)."""
    return phrase(written_in(question), "bots", "sorry")


def no_role_text(question: str) -> str:
    """What someone no rule maps to a role is told (docs/bots.md "Roles")."""
    return phrase(written_in(question), "bots", "no_role")


def clip(text: str, max_bytes: int) -> str:
    """`text` cut to at most `max_bytes` UTF-8 bytes, ending with "…" when cut."""
    data = text.encode()
    if len(data) <= max_bytes:
        return text
    return data[: max_bytes - 3].decode(errors="ignore").rstrip() + "…"


def strip_slack_mentions(text: str) -> str:
    """Slack text without `<@U123>` mentions (the bot's and anyone else's)."""
    return " ".join(_SLACK_MENTION.sub(" ", text).split())


def strip_feishu_mentions(text: str, keys: list[str]) -> str:
    """Feishu text without its mention placeholders (`@_user_1`, `@_all`)."""
    for key in sorted(keys, key=len, reverse=True):
        text = text.replace(key, " ")
    return " ".join(_FEISHU_MENTION.sub(" ", text).split())


def slack_escape(text: str) -> str:
    """Escape the three characters Slack's message formatting gives meaning to."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = [
    "clip",
    "no_role_text",
    "reply_text",
    "slack_escape",
    "sorry_text",
    "strip_feishu_mentions",
    "strip_slack_mentions",
]
