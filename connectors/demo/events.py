"""The event arrays of one chunk (one row per customer interaction, still as integer codes)."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from connectors.demo.catalog import BoolArray, FloatArray, IntArray, SmallArray


@dataclass(frozen=True)
class Events:
    user: IntArray  # index into the chunk's users
    ts: IntArray  # epoch seconds, naive local
    channel: SmallArray
    touchpoint: SmallArray
    device: SmallArray
    session: IntArray  # global session number
    campaign: SmallArray  # -1: none
    revenue: FloatArray  # NaN: none
    order: IntArray  # global order number, -1: none
    svc: SmallArray  # service origin (Svc), -1: not a service contact
    ctx: SmallArray  # channel of the context (the session's pages or the order)

    @property
    def size(self) -> int:
        return int(self.ts.size)

    def take(self, mask: BoolArray) -> Events:
        """The events where `mask` is true, in order."""
        return Events(**{f.name: getattr(self, f.name)[mask] for f in fields(self)})

    @staticmethod
    def concat(parts: list[Events]) -> Events:
        return Events(
            **{f.name: np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Events)}
        )
