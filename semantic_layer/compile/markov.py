"""Data-driven attribution: the Markov-chain removal effect, from SQL-aggregated transitions.

States are the credited keys plus "(start)", "(conversion)" and "(null)". The conversion
probability is the chance a walk from "(start)" is absorbed in "(conversion)"; removing a key sends
every walk that reaches it to "(null)". A key's credit is its removal effect, normalised so the
credits add up to the observed conversions (or revenue).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

START, CONVERSION, NULL = "(start)", "(conversion)", "(null)"


def conversion_probability(
    counts: dict[tuple[str, str], float], removed: str | None = None
) -> float:
    """P(absorbed in conversion | start) for the chain of transition `counts`."""
    states = sorted({s for s, _ in counts} | {d for _, d in counts} - {CONVERSION, NULL})
    index = {s: i for i, s in enumerate(states)}
    size = len(states)
    q = np.zeros((size, size))  # transient → transient
    r = np.zeros(size)  # transient → conversion
    for (src, dst), n in counts.items():
        if src in (CONVERSION, NULL) or src == removed:
            continue
        if dst == CONVERSION:
            r[index[src]] += n
        elif dst != NULL and dst != removed:
            q[index[src], index[dst]] += n
    totals = np.zeros(size)
    for (src, _), n in counts.items():
        if src in index and src != removed:
            totals[index[src]] += n
    safe = np.where(totals > 0, totals, 1.0)
    q, r = q / safe[:, None], r / safe
    probabilities = np.linalg.solve(np.eye(size) - q, r)
    return float(probabilities[index[START]]) if START in index else 0.0


def removal_credits(rows: Iterable[tuple[str, str, float]], total: float) -> dict[str, float]:
    """Credits per key (summing to `total`) from (src, dst, n) transition rows."""
    counts: dict[tuple[str, str], float] = {}
    for src, dst, n in rows:
        counts[(src, dst)] = counts.get((src, dst), 0.0) + float(n)
    keys = sorted({s for s, _ in counts} - {START, CONVERSION, NULL})
    base = conversion_probability(counts)
    if base <= 0 or not keys:
        return {k: 0.0 for k in keys}
    effects = {k: max(0.0, 1.0 - conversion_probability(counts, k) / base) for k in keys}
    norm = sum(effects.values())
    if norm == 0:
        return {k: 0.0 for k in keys}
    return {k: total * e / norm for k, e in effects.items()}
