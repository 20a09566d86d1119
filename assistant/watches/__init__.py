"""Watches and digests: the assistant speaks first when something changes (docs/watches.md).

detect     the latest period against a seasonality-matched baseline (robust z, MAD)
target     the one number per period a saved question's plan yields
series     that number per period, through the compiler and the locked-down engine
evaluate   one watch for one period: verdict, alert text, chart, drivers answer
digest     the metrics and journey steps that moved most for a role
outbox     the message and the sender's Protocol (the sender: ui/bots/deliver.py)
store      subscriptions and deliveries beside the sessions (idempotent per period)
manager    create / list / pause / delete, `run_due`, the landing page's digest
scheduler  the thread `tpa serve` runs
"""

from __future__ import annotations

from assistant.watches.detect import Finding, Point, Rule, detect, scan
from assistant.watches.errors import WatchError
from assistant.watches.manager import DueReport, Watches
from assistant.watches.outbox import DeliveryFailed, Message, Outbox
from assistant.watches.records import Destination, Subscription
from assistant.watches.store import WatchStore

__all__ = [
    "DeliveryFailed",
    "Destination",
    "DueReport",
    "Finding",
    "Message",
    "Outbox",
    "Point",
    "Rule",
    "Subscription",
    "WatchError",
    "WatchStore",
    "Watches",
    "detect",
    "scan",
]
