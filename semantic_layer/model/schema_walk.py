"""The keys the format allows at a pydantic error location (for "did you mean" on unknown keys)."""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, Tag

from .spec import ModelSpec


def allowed_keys(loc: tuple[str | int, ...]) -> tuple[str, ...]:
    """The field names of the model at `loc` (a pydantic location), or () when unknown."""
    current: Any = ModelSpec
    for part in loc:
        current = _step(current, part)
        if current is None:
            return ()
    model = _as_model(current)
    return tuple(model.model_fields) if model is not None else ()


def _step(tp: Any, part: str | int) -> Any:
    tp = _strip(tp)
    if _is_union(tp):
        members = [_strip(m) for m in get_args(tp)]
        for member, raw in zip(members, get_args(tp), strict=True):
            if part in _tags(member, raw):
                return member
        stepped = [s for s in (_step(m, part) for m in members) if s is not None]
        return stepped[0] if stepped else None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field is not None else None
    origin = get_origin(tp)
    if origin in (tuple, list) and isinstance(part, int):
        return get_args(tp)[0]
    if origin is dict:
        return get_args(tp)[1]
    return None


def _strip(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def _tags(member: Any, raw: Any) -> set[str | int]:
    tags: set[str | int] = set()
    if get_origin(raw) is Annotated:
        tags |= {m.tag for m in get_args(raw)[1:] if isinstance(m, Tag)}
    if isinstance(member, type) and issubclass(member, BaseModel):
        tags.add(member.__name__)
        for key in ("type", "op"):
            field = member.model_fields.get(key)
            if field is not None:
                tags |= {a for a in get_args(field.annotation) if isinstance(a, str)}
    return tags


def _as_model(tp: Any) -> type[BaseModel] | None:
    tp = _strip(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    if _is_union(tp):
        for member in get_args(tp):
            model = _as_model(member)
            if model is not None:
                return model
    return None


__all__ = ["allowed_keys"]
