"""How `tpa init` merges columns of several tables into one dimension (`also_in`): a column goes
with the dimension whose values it shares most, and a note says when a people column is merged
with an activity column of the same name."""

from __future__ import annotations

from .profile import TableProfile

MIN_SHARED = 0.5  # a column is merged into another table's when half its rows and half its
# distinct values are values the first table has
COSTS = "marketing_costs"
Places = list[tuple[TableProfile, str]]


def counts(places: list[tuple[TableProfile, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table, column in places:
        found = table.column(column)
        for value, n in found.values or () if found is not None else ():
            counts[value] = counts.get(value, 0) + n
    return counts


def rehomed(
    by_key: dict[str, list[tuple[TableProfile, str]]], notes: list[str]
) -> dict[str, list[tuple[TableProfile, str]]]:
    """`by_key` with each column merged by its name moved to the dimension (of another table)
    whose values it shares most, when that is another one: a cost table's channel holding the
    people's acquisition channels rather than the events' channels."""
    out = {key: list(places) for key, places in by_key.items()}
    mains = {key: (places[0], set(counts(places[:1]))) for key, places in by_key.items()}
    for key, places in by_key.items():
        for table, column in places[1:] if key != "touchpoint" else ():
            values = set(counts([(table, column)]))
            shared = {
                k: len(values & main) / len(values)
                for k, ((t, _), main) in mains.items()
                if values and k != "touchpoint" and t.name != table.name
            }
            best = max(sorted(shared), key=lambda k: shared[k], default=key)
            if best == key or shared[best] <= max(shared.get(key, 0.0), MIN_SHARED):
                continue
            out[key].remove((table, column))
            out[best].append((table, column))
            (there, main_column), _ = mains[best]
            (here, here_column), _ = mains[key]
            notes.append(
                f"{table.name}.{column} is tied to {best} ({there.name}.{main_column}): "
                f"{shared[best]:.0%} of its values are values of {best}, "
                f"{shared.get(key, 0.0):.0%} of {key} ({here.name}.{here_column})"
            )
    return out


def people_and_events(name: str, places: list[tuple[TableProfile, str]]) -> list[str]:
    """A note when a dimension merges a column of the people table with one of an activity
    table: a person's city is not where an event happened."""
    tables = {t.name: c for t, c in places}
    if "users" not in tables:
        return []
    same = [t for t, c in tables.items() if c == tables["users"] and t not in ("users", COSTS)]
    if not same:
        return []
    others = ", ".join(f"{t}.{tables[t]}" for t in same)
    return [
        f"{name} merges users.{tables['users']} (a fact about the person) with {others} (where "
        f"or how each row happened): if they can differ (a home city vs a station's city), make "
        f"users.{tables['users']} a dimension of its own (name: user_{name})"
    ]


__all__ = ["MIN_SHARED", "counts", "people_and_events", "rehomed"]
