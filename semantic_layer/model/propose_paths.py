"""People's paths through the touchpoints (by first occurrence), as `tpa init` reads them: who
goes through which steps in which order, and the groups of touchpoints done by the same people.

Groups split the touchpoints of a two-sided business (candidates and employers, riders and
drivers) or of products nobody uses together: two touchpoints belong together when at least
`LINK_SHARE` of the people who did the rarer one also did the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, pairwise

LINK_SHARE = 0.3


class Paths:
    """People's paths (touchpoints by first occurrence) with how many people took each."""

    def __init__(self, paths: tuple[tuple[tuple[str, ...], int], ...]) -> None:
        self.positions = [({tp: i for i, tp in enumerate(p)}, n) for p, n in paths]
        self.people = sum(n for _, n in paths)

    def _along(self, steps: tuple[str, ...]) -> Iterator[tuple[dict[str, int], int]]:
        """The paths (as positions) that pass through `steps` in this order."""
        for pos, n in self.positions:
            at = [pos.get(s, -1) for s in steps]
            if min(at) >= 0 and all(a < b for a, b in pairwise(at)):
                yield pos, n

    def reach(self, steps: tuple[str, ...]) -> int:
        """People whose path passes through `steps` in this order."""
        return sum(n for _, n in self._along(steps))

    def together(self, first: str, then: str) -> int:
        """People who did both, in either order."""
        return sum(n for pos, n in self.positions if first in pos and then in pos)

    def people_of(self, group: set[str]) -> int:
        """People who did at least one touchpoint of `group`."""
        return sum(n for pos, n in self.positions if any(tp in group for tp in pos))

    def predecessors(self, steps: tuple[str, ...]) -> dict[str, tuple[int, float]]:
        """touchpoint → (people who reach it before going through `steps` in order, how many
        touchpoints before the first step it comes on average)."""
        found: dict[str, tuple[int, int]] = {}
        for pos, n in self._along(steps):
            head = pos[steps[0]]
            for tp, i in pos.items():
                if i < head:
                    people, gaps = found.get(tp, (0, 0))
                    found[tp] = (people + n, gaps + n * (head - i))
        return {tp: (people, gaps / people) for tp, (people, gaps) in found.items()}

    def before(self, first: str, then: str) -> tuple[int, int]:
        """(people who reach both, people who reach `first` before `then`)."""
        both = ahead = 0
        for pos, n in self.positions:
            if first in pos and then in pos:
                both += n
                ahead += n if pos[first] < pos[then] else 0
        return both, ahead

    def most_often_last(self, among: set[str] | None = None) -> str | None:
        """The touchpoint (of `among`, else any) that is the last one of the most people's
        paths."""
        counts: dict[str, int] = {}
        for pos, n in self.positions:
            mine = [tp for tp in pos if among is None or tp in among]
            if mine:
                last = max(mine, key=lambda tp: pos[tp])
                counts[last] = counts.get(last, 0) + n
        return max(sorted(counts), key=lambda tp: counts[tp]) if counts else None

    def groups(self) -> list[set[str]]:
        """The touchpoints split into groups done by the same people, the group of the most
        people first (one group when everybody's touchpoints mix)."""
        ids = sorted({tp for pos, _ in self.positions for tp in pos})
        reach = {tp: self.reach((tp,)) for tp in ids}
        parent = {tp: tp for tp in ids}

        def root(tp: str) -> str:
            while parent[tp] != tp:
                tp = parent[tp]
            return tp

        for a, b in combinations(ids, 2):
            rarer = min(reach[a], reach[b])
            if rarer and self.together(a, b) >= LINK_SHARE * rarer:
                parent[root(a)] = root(b)
        found: dict[str, set[str]] = {}
        for tp in ids:
            found.setdefault(root(tp), set()).add(tp)
        return sorted(found.values(), key=lambda g: (-self.people_of(g), sorted(g)))


__all__ = ["LINK_SHARE", "Paths"]
