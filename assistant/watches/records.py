"""Watches, digests and where they are sent: the records the watch store keeps.

A destination is written `PLATFORM:ADDRESS`: `slack:C0123` (a channel id), `feishu:oc_…` (a
chat id), `dingtalk:cid…` (a group's openConversationId), `wecom:USERID` (a member, or `@all`),
or `webhook:https://…` (any URL; a bare `https://…` URL is a webhook too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal
from urllib.parse import urlsplit

from assistant.watches.detect import Grain
from assistant.watches.errors import WatchError
from semantic_layer.time import Language

Platform = Literal["slack", "feishu", "dingtalk", "wecom", "webhook"]
PLATFORMS: Final[tuple[Platform, ...]] = ("slack", "feishu", "dingtalk", "wecom", "webhook")
Kind = Literal["watch", "digest"]
MAX_DESTINATIONS: Final = 10


@dataclass(frozen=True)
class Destination:
    """One conversation (or URL) a watch or digest is sent to."""

    platform: Platform
    address: str

    @classmethod
    def parse(cls, text: str) -> Destination:
        """`feishu:oc_123` → Destination("feishu", "oc_123"); a bare http(s) URL is a webhook."""
        raw = text.strip()
        if raw.startswith(("http://", "https://")):
            raw = f"webhook:{raw}"
        platform, sep, address = raw.partition(":")
        platform, address = platform.strip().lower(), address.strip()
        if not sep or platform not in PLATFORMS or not address or len(address) > 2000:
            raise WatchError(
                "not_destination",
                text=text[:80],
                platforms=tuple(PLATFORMS),
                code="invalid_destination",
            )
        if platform == "webhook":
            url = urlsplit(address)
            if url.scheme not in ("http", "https") or not url.netloc:
                raise WatchError("not_webhook", address=address[:80], code="invalid_destination")
        return cls(platform, address)

    def __str__(self) -> str:
        return f"{self.platform}:{self.address}"


def destinations_of(items: list[str]) -> tuple[Destination, ...]:
    """Parsed, without duplicates; at least one and at most `MAX_DESTINATIONS`."""
    found = tuple(dict.fromkeys(Destination.parse(i) for i in items))
    if not found or len(found) > MAX_DESTINATIONS:
        raise WatchError("destinations", most=MAX_DESTINATIONS, code="invalid_destination")
    return found


@dataclass(frozen=True)
class Subscription:
    """A watch (a saved question) or a digest (a role's summary), its owner and schedule."""

    id: str
    kind: Kind
    owner: str
    role: str | None
    grain: Grain
    destinations: tuple[Destination, ...]
    language: Language
    created_at: str
    question: str = ""
    plan: dict[str, Any] | None = None
    notify: Literal["worse", "any"] = "worse"
    paused: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "question": self.question, "role": self.role,
            "grain": self.grain, "to": [str(d) for d in self.destinations],
            "language": self.language, "notify": self.notify, "paused": self.paused,
            "created_at": self.created_at, "plan": self.plan, "notes": list(self.notes),
        }  # fmt: skip


def unknown(sub_id: str) -> WatchError:
    """The same answer for a missing watch and another principal's (no existence leak)."""
    return WatchError(
        "not_found",
        id=sub_id[:64],
        code="not_found",
        status=404,
    )


__all__ = [
    "PLATFORMS",
    "Destination",
    "Kind",
    "Platform",
    "Subscription",
    "destinations_of",
    "unknown",
]
