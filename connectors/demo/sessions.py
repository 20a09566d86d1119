"""Sessions of one chunk: when each user comes back, through which route, on which device.

A user's sessions are their acquisition time plus cumulative exponential gaps in op time (so the
promotion and busy hours get more sessions), kept only inside the data window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from connectors.demo.catalog import BoolArray, FloatArray, IntArray, SmallArray
from connectors.demo.population import Users
from connectors.demo.rng import Purpose, rng_for
from connectors.demo.routing import (
    AFFINITY,
    RETURN_MIX,
    choose_campaign,
    choose_dest,
    choose_device,
    choose_kind,
)
from connectors.demo.timeline import Timeline

MIN_GAP = 0.3  # op days between two sessions of one user (keeps 30-minute sessionisation exact)


@dataclass(frozen=True)
class Sessions:
    user: IntArray  # index into the chunk's users
    ts: IntArray  # start, epoch seconds (naive local)
    kind: SmallArray
    device: SmallArray
    dest: SmallArray
    campaign: SmallArray  # -1: none
    first: BoolArray  # the user's acquisition session
    promo: BoolArray
    number: IntArray  # global session number

    @property
    def size(self) -> int:
        return int(self.ts.size)


def make_sessions(
    users: Users, tl: Timeline, *, seed: int, chunk: int, first_number: int
) -> Sessions:
    """All sessions of the chunk's users inside the window, with route, device and campaign."""
    rng = rng_for(seed, chunk, Purpose.SESSIONS)
    owner, op, first = _placed(users, tl, rng)
    ts = tl.op_to_seconds(op)
    weekday, hour, promo = tl.weekday(ts), tl.hour(ts), tl.is_promo(ts)
    routes = rng_for(seed, chunk, Purpose.ROUTES)
    base = np.broadcast_to(RETURN_MIX, (owner.size, RETURN_MIX.size)).copy()
    base[np.arange(owner.size), users.acq_kind[owner]] += AFFINITY
    kind = choose_kind(base, weekday, hour=hour, promo=promo, rng=routes)
    device = choose_device(
        kind,
        users.mobile_os[owner],
        pc_affinity=users.pc_affinity[owner],
        weekday=weekday,
        hour=hour,
        rng=routes,
    )
    dest = choose_dest(kind, device, users.has_app[owner], routes)
    kind = np.where(first, users.acq_kind[owner], kind).astype(np.int8)
    device = np.where(first, users.acq_device[owner], device).astype(np.int8)
    dest = np.where(first, users.acq_dest[owner], dest).astype(np.int8)
    return Sessions(
        user=owner,
        ts=ts,
        kind=kind,
        device=device,
        dest=dest,
        campaign=choose_campaign(kind, promo, first, routes),
        first=first,
        promo=promo,
        number=first_number + np.arange(owner.size, dtype=np.int64),
    )


def _placed(
    users: Users, tl: Timeline, rng: np.random.Generator
) -> tuple[IntArray, FloatArray, BoolArray]:
    """(owner index, op time, is acquisition session) of every session inside the window."""
    counts = users.n_sessions
    owner = np.repeat(np.arange(users.size, dtype=np.int64), counts)
    gaps = MIN_GAP + rng.exponential(1.0, owner.size) * users.gap_mean[owner]
    starts = np.cumsum(counts) - counts
    gaps[starts] = 0.0
    total = np.cumsum(gaps)
    op = users.acq_op[owner] + total - np.repeat(total[starts], counts)
    first = np.zeros(owner.size, dtype=bool)
    first[starts] = True
    keep = (op >= 0.0) & (op < tl.op_total)
    return owner[keep], op[keep], first[keep]
