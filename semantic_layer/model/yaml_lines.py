"""YAML loading that remembers the line of every mapping key and list item.

PyYAML's compose step gives nodes with their marks; we build plain Python data from them and keep
`lines[loc]`, where `loc` is the path of keys and indexes (`("metrics", 3, "numerator")`).
Only `true`/`false` are booleans (YAML 1.1 would read `no`, `on`, `yes` as booleans), dates stay
strings (pydantic parses them where a date is expected), and `=` is a plain string so that
filters can say `op: =`. Keys are read as YAML values (`1.50:` → "1.5"), or with `keys_as_written`
exactly as the text has them (ingestion's value maps match source text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

Loc = tuple[str | int, ...]

SYNTAX_HINT = "check indentation and quoting (quote values such as '>=' or ': ')"
DUPLICATE_HINT = "it is already set at line {first}; keep one"
MAX_VALUES = 200_000  # keys, items and scalars after aliases are expanded (a model has ~10,000)
_DROPPED_TAGS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value")


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10× faster


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader (libyaml's when PyYAML has it) with the resolvers of the module docstring."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class LocatedYaml:
    """Plain data from a YAML text, the line of each key/item, and any problems while reading."""

    data: Any = None
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its closest ancestor that has one."""
        return nearest_line(self.lines, loc)


def nearest_line(lines: Mapping[Loc, int], loc: Loc) -> int | None:
    for end in range(len(loc), -1, -1):
        found = lines.get(tuple(loc[:end]))
        if found is not None:
            return found
    return None


def load_located(
    text: str,
    file: str | None = None,
    *,
    keys_as_written: bool = False,
    syntax_hint: str = SYNTAX_HINT,
    duplicate_hint: str = DUPLICATE_HINT,
) -> LocatedYaml:
    """Parse `text`; syntax errors and duplicate keys become problems instead of exceptions.

    Args:
        text: The YAML text.
        file: The file named in problems.
        keys_as_written: Keep mapping keys as their source text instead of their YAML value.
        syntax_hint: The suggestion for a syntax error.
        duplicate_hint: The suggestion for a duplicate key; `{first}` is the first one's line.
    """
    result = LocatedYaml()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            builder = _Builder(loader, result, file, keys_as_written, duplicate_hint)
            result.data = builder.build(node, ())
    except _TooLarge as e:
        result.data = None
        result.problems.append(Problem(str(e), e.hint, file, e.line, rule="yaml"))
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else None
        problem = f"YAML syntax error: {e.problem or e}"
        if e.context:
            problem += f" ({e.context})"
        result.problems.append(Problem(problem, syntax_hint, file, line, rule="yaml"))
    except yaml.YAMLError as e:
        result.problems.append(Problem(f"YAML error: {e}", "", file, None, rule="yaml"))
    finally:
        loader.dispose()
    return result


class _TooLarge(Exception):
    """Aliases that expand past `MAX_VALUES` (a "billion laughs" file) or refer to themselves."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line
        self.hint = "write the values out instead of repeating aliases (*name)"


@dataclass
class _Builder:
    loader: _Loader
    result: LocatedYaml
    file: str | None
    keys_as_written: bool
    duplicate_hint: str
    built: int = 0
    open_nodes: set[int] = field(default_factory=set)

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        line = node.start_mark.line + 1
        self.built += 1
        if self.built > MAX_VALUES:
            raise _TooLarge(f"the YAML expands to more than {MAX_VALUES:,} values", line)
        if id(node) in self.open_nodes:
            raise _TooLarge("a YAML alias refers to itself", line)
        self.result.lines.setdefault(loc, line)
        self.open_nodes.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
            return self.loader.construct_object(node, deep=True)
        finally:
            self.open_nodes.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem("a key must be a plain value", "", line)
                continue
            key = str(
                key_node.value if self.keys_as_written else self.loader.construct_object(key_node)
            )
            if key in out:
                first = self.result.lines.get((*loc, key))
                self._problem(
                    f"duplicate key '{key}'", self.duplicate_hint.format(first=first), line
                )
                continue
            self.result.lines[(*loc, key)] = line
            out[key] = self.build(value_node, (*loc, key))
        return out

    def _problem(self, message: str, suggestion: str, line: int) -> None:
        self.result.problems.append(Problem(message, suggestion, self.file, line, rule="yaml"))


__all__ = ["Loc", "LocatedYaml", "load_located", "nearest_line"]
