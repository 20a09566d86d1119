"""What the watches hand to a sender: the message, the failure, and the sender's Protocol.

The sender itself talks to the bots' platform APIs, a surface, so it lives in `ui/bots/deliver.py`
and is given to `Watches` by whoever starts them (`tpa serve`, `tpa watch run`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from assistant.watches.records import Destination


class DeliveryFailed(Exception):
    """Every try of one send failed; the message says the last error."""


@dataclass(frozen=True)
class Message:
    """What is sent: a title, the text in the destination's language, the chart, and the JSON a
    webhook receives."""

    title: str
    text: str
    png: bytes | None
    payload: dict[str, Any]


class Outbox(Protocol):
    """Sends one message to one destination; `DeliveryFailed` when every try failed."""

    def configured(self, dest: Destination) -> bool: ...

    def send(self, dest: Destination, message: Message) -> None: ...


__all__ = ["DeliveryFailed", "Message", "Outbox"]
