"""Seeded random streams: one generator per (seed, chunk, purpose), never global state."""

from __future__ import annotations

from enum import IntEnum

import numpy as np


class Purpose(IntEnum):
    USERS = 1
    ACQUISITION = 2
    SESSIONS = 3
    ROUTES = 4
    SLOTS = 5
    TIMING = 6
    AFTERCARE = 7
    TICKETS = 8
    FEEDBACK = 9
    COSTS = 10


def rng_for(seed: int, chunk: int, purpose: Purpose) -> np.random.Generator:
    """The random stream for one purpose in one chunk; the same inputs give the same stream."""
    return np.random.default_rng([seed, chunk, int(purpose)])


def gumbel_argmax(logits: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One categorical draw per row of `logits` (n × k), vectorised with the Gumbel-max trick."""
    noise = -np.log(-np.log(rng.random(logits.shape)))
    return np.asarray(np.argmax(logits + noise, axis=1).astype(np.int8))
