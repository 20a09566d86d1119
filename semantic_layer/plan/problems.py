"""Validation problems of a plan, each with its JSON path and a message for a person (or an LLM).

Pydantic locates errors inside tagged unions with the tag ("metric", "last") and inside scalar
unions with the member's type name ("str"); walking the plan's types alongside the location drops
those, so the path reads like the JSON: `filters[0].op`, `time.n`.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, RootModel
from pydantic_core import ErrorDetails

from semantic_layer.errors import did_you_mean, nearest

SCALAR_MEMBERS = frozenset({"str", "int", "float", "bool"})


@dataclass(frozen=True)
class PlanProblem:
    """One problem: where (a JSON path, "" for the plan itself), what, and a suggestion."""

    path: str
    message: str
    suggestion: str = ""

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        return f"{text} — {self.suggestion}" if self.suggestion else text


class PlanError(ValueError):
    """A plan that is not valid: every problem, with its path, in `problems`."""

    def __init__(self, problems: Sequence[PlanProblem]) -> None:
        self.problems: tuple[PlanProblem, ...] = tuple(problems)
        super().__init__("invalid plan:\n" + "\n".join(f"- {p}" for p in self.problems))


def suggest(word: object, choices: Iterable[str]) -> str:
    """ "did you mean 'x'?" for a close choice, else the choices."""
    options = list(dict.fromkeys(choices))
    close = nearest(str(word), options)
    if close:
        return did_you_mean((close,))
    return "expected one of: " + ", ".join(f"'{o}'" for o in options) if options else ""


def problems_from(errors: Iterable[ErrorDetails], root: Any) -> list[PlanProblem]:
    """One problem per distinct error, located in the JSON, for errors validating `root`."""
    out: dict[tuple[str, str], PlanProblem] = {}
    for error in errors:
        problem = _problem(error, root)
        out.setdefault((problem.path, problem.message), problem)
    return list(out.values())


def _problem(error: ErrorDetails, root: Any) -> PlanProblem:
    loc = tuple(error["loc"])
    path, node = locate(root, loc)
    kind, ctx, given = error["type"], error.get("ctx") or {}, error.get("input")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        expected = re.findall(r"'([^']+)'", str(ctx.get("expected_tags", ""))) or _tags(node)
        what = "plan kind" if not path else "kind"
        if kind == "union_tag_not_found":
            return PlanProblem(path, f"missing '{_discriminator(ctx)}'", suggest("", expected))
        tag = ctx.get("tag")
        return PlanProblem(path, f"unknown {what} '{tag}'", suggest(tag, expected))
    if kind == "extra_forbidden":
        _, owner = locate(root, loc[:-1])
        fields = list(owner.model_fields) if _is_model(owner) else []
        return PlanProblem(path, f"unknown field '{loc[-1]}'", suggest(loc[-1], fields))
    if kind == "missing":
        return PlanProblem(path, "missing required field")
    if loc and loc[-1] in SCALAR_MEMBERS:
        return PlanProblem(path, f"should be a string, number or boolean, not {_show(given)}")
    message = re.sub(r"^(Value error|Assertion failed), ", "", error["msg"])
    if kind == "literal_error" and isinstance(given, str):
        return PlanProblem(path, f"{message}, not {_show(given)}", _close(given, ctx))
    if kind not in ("value_error", "assertion_error") and not isinstance(given, dict | list):
        message = f"{message}, not {_show(given)}"
    return PlanProblem(path, message)


def _close(given: str, ctx: dict[str, Any]) -> str:
    options = re.findall(r"'([^']+)'", str(ctx.get("expected", "")))
    close = nearest(given, options)
    return did_you_mean((close,)) if close else ""


def _discriminator(ctx: dict[str, Any]) -> str:
    return str(ctx.get("discriminator", "'kind'")).strip("'")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def locate(root: Any, loc: Sequence[int | str]) -> tuple[str, Any]:
    """The JSON path of a pydantic location and the type found there (None when unknown)."""
    parts: list[str] = []
    node: Any = root
    for part in loc:
        node = unwrap(node)
        tagged = _tagged(node)
        if isinstance(part, str) and part in tagged:
            node = tagged[part]
        elif isinstance(part, int):
            parts.append(f"[{part}]")
            node = _item(node)
        elif _is_model(node) and part in node.model_fields:
            parts.append(f".{part}")
            node = node.model_fields[part].annotation
        elif part in SCALAR_MEMBERS:
            node = None
        else:
            parts.append(f".{part}")
            node = None
    return "".join(parts).lstrip("."), unwrap(node)


def unwrap(node: Any) -> Any:
    """Strip Annotated, Optional and RootModel down to the type that holds the fields."""
    while True:
        origin = get_origin(node)
        if origin is Annotated:
            node = get_args(node)[0]
        elif _is_union(node) and type(None) in get_args(node):
            rest = [a for a in get_args(node) if a is not type(None)]
            node = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007
        elif isinstance(node, type) and issubclass(node, RootModel):
            node = node.model_fields["root"].annotation
        else:
            return node


def _is_union(node: Any) -> bool:
    return get_origin(node) in (Union, types.UnionType)


def _is_model(node: Any) -> bool:
    return isinstance(node, type) and issubclass(node, BaseModel)


def _tagged(node: Any) -> dict[str, Any]:
    """{tag: model} for a union of models tagged by `kind`, else {}."""
    if not _is_union(node):
        return {}
    members = get_args(node)
    if not all(_is_model(m) and "kind" in m.model_fields for m in members):
        return {}
    return {str(m.model_fields["kind"].default): m for m in members}


def _tags(node: Any) -> list[str]:
    return list(_tagged(node))


def _item(node: Any) -> Any:
    args = get_args(node)
    return args[0] if get_origin(node) in (list, tuple) and args else None
