"""The error a person (or an LLM) can fix: an impossible date, an empty range, an unknown zone."""

from __future__ import annotations


class TimeError(ValueError):
    """A time that cannot be resolved, with a message that says what is wrong and how to fix it.

    A `ValueError`, so pydantic validators that raise it report it with the field's path.
    """
