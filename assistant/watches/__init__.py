"""Watches and digests: the assistant speaks first when something changes (docs/watches.md).

    detect     the latest period against a seasonality-matched baseline (robust z, MAD)
    target     the one number per period a saved question's plan yields
    series     that number per period, through the compiler and the locked-down engine
    evaluate   one watch for one period: verdict, alert text, chart, drivers answer
"""

from __future__ import annotations

from assistant.watches.detect import Finding, Point, Rule, detect, scan
from assistant.watches.errors import WatchError
from assistant.watches.records import Destination, Subscription

__all__ = ["Destination", "Finding", "Point", "Rule", "Subscription", "WatchError", "detect", "scan"]
