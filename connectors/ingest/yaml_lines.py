"""YAML loading that remembers the line of every value, so errors can point at it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import IngestError

Loc = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader where only true/false are booleans (YAML 1.1 reads `no`, `on`, `yes` as bools)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def nearest_line(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of the value at `loc`, or of its closest ancestor that exists."""
    for end in range(len(loc), -1, -1):
        found = lines.get(tuple(loc[:end]))
        if found is not None:
            return found
    return None


class LocatedYaml:
    """Plain Python data from a YAML file plus the line of each value (by its key path)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[Loc, int] = {}
        self.data: Any = self._load()

    def line(self, loc: Loc) -> int | None:
        return nearest_line(self.lines, loc)

    def _load(self) -> Any:
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise IngestError.at(self.path, "config file not found") from None
        except (OSError, UnicodeDecodeError) as e:
            raise IngestError.at(self.path, f"cannot read the config: {e}") from None
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as e:
            line = e.problem_mark.line + 1 if e.problem_mark else None
            problem = f"YAML syntax error: {e.problem or e}"
            if e.context:
                problem += f" ({e.context})"
            raise IngestError.at(
                self.path, problem, "check indentation and quoting", line
            ) from None
        finally:
            loader.dispose()
        if node is None:
            raise IngestError.at(self.path, "the config is empty", "see docs/ingest.md")
        return self._build(loader, node, ())

    def _build(self, loader: _Loader, node: yaml.Node, loc: Loc) -> Any:
        self.lines[loc] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise IngestError.at(
                        self.path, "a key must be a plain value", line=key_node.start_mark.line + 1
                    )
                key = str(key_node.value)  # as written: value maps match source text exactly
                if key in result:
                    raise IngestError.at(
                        self.path,
                        f"duplicate key '{key}'",
                        "keep only one",
                        key_node.start_mark.line + 1,
                    )
                result[key] = self._build(loader, value_node, (*loc, key))
                self.lines[(*loc, key)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self._build(loader, item, (*loc, i)) for i, item in enumerate(node.value)]
        return loader.construct_object(node, deep=True)
