"""Building blocks shared by every section of the model format: names, labels, conditions."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator

from semantic_layer.errors import normalise
from semantic_layer.phrasebook import CATALOGUES, FALLBACK, language


class Strict(BaseModel):
    """A frozen pydantic model that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Identifier = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", min_length=1, max_length=64)
]
"""Names of tables, dimensions, measures, metrics, journeys and roles: letters, digits, `_`."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Scalar = bool | int | float | str
Op = Literal["=", "!=", "in", "not_in", ">", ">=", "<", "<=", "is_null", "not_null"]
OP_ALIASES: dict[str, str] = {
    "==": "=",
    "eq": "=",
    "<>": "!=",
    "ne": "!=",
    "gt": ">",
    "gte": ">=",
    "ge": ">=",
    "lt": "<",
    "lte": "<=",
    "le": "<=",
    "not in": "not_in",
    "is null": "is_null",
    "is not null": "not_null",
    "is_not_null": "not_null",
}
LIST_OPS = ("in", "not_in")
NULL_OPS = ("is_null", "not_null")


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])\.(?=[A-Za-z])")


def pretty(name: str) -> str:
    """A readable label from an id: `add_to_cart`, `addToCart`, `cart.added` → `add to cart`,
    `cart added`."""
    return normalise(_CAMEL.sub(" ", name)) or name


class Labels(Strict):
    """What an object is called, in English and/or Chinese (at least one of them): one field per
    language of the phrasebook.

    `en` is "" when only `zh` is given: show English through `label("en")` of the object, which
    falls back to a readable form of its id.
    """

    en: Text = ""
    zh: Text | None = None

    @model_validator(mode="after")
    def _one_language(self) -> Labels:
        if not any(self.said(lang) for lang in CATALOGUES):
            raise ValueError("labels need `en` or `zh` (or both), e.g. {en: department, zh: 科室}")
        return self

    def said(self, lang: str) -> str | None:
        """The label in `lang` (one of the phrasebook's languages, else English) as given."""
        text: str | None = getattr(self, language(lang))
        return text

    def given(self) -> tuple[str, ...]:
        """English (always; "" when only another language is given), then each other language's
        label that is given."""
        return (self.en, *(t for lang in CATALOGUES if lang != FALLBACK and (t := self.said(lang))))


class Synonyms(Strict):
    """Other words people use for an object, per language (one field per language of the
    phrasebook)."""

    en: tuple[Text, ...] = ()
    zh: tuple[Text, ...] = ()

    def all(self) -> tuple[str, ...]:
        return tuple(word for lang in CATALOGUES for word in self.said(lang))

    def said(self, lang: str) -> tuple[str, ...]:
        """The synonyms in `lang` (one of the phrasebook's languages, else English)."""
        words: tuple[str, ...] = getattr(self, language(lang))
        return words


class Named(Strict):
    """Mixin for objects with labels and synonyms (metrics, dimensions, journeys…)."""

    labels: Labels | None = None
    synonyms: Synonyms = Synonyms()
    description: str = ""

    def label(self, lang: str = "en") -> str:
        """The label in `lang` ("en" or "zh"), falling back to English, then the name."""
        if self.labels is not None:
            text = self.labels.said(lang)
            if text:
                return text
            if self.labels.en:
                return self.labels.en
        return pretty(self.key)

    def names(self) -> tuple[str, ...]:
        """Every name a user may call it by: its label in each language, then the synonyms."""
        return (*(self.label(lang) for lang in CATALOGUES), *self.synonyms.all())

    @property
    def key(self) -> str:
        """The object's name (or id)."""
        raise NotImplementedError


class Condition(Strict):
    """`op` with its `value` (comparisons), `values` (in, not_in) or nothing (is_null, not_null)."""

    op: Op = "="
    value: Scalar | None = None
    values: tuple[Scalar, ...] | None = None

    @field_validator("op", mode="before")
    @classmethod
    def _alias(cls, op: Any) -> Any:
        return OP_ALIASES.get(op.strip().lower(), op.strip()) if isinstance(op, str) else op

    def arity_problem(self) -> str | None:
        """Why the value(s) do not fit the operator, or None."""
        if self.op in LIST_OPS:
            if self.values is None or self.value is not None:
                return f"'{self.op}' takes a list in 'values' (values: [a, b]), not 'value'"
            if not self.values:
                return f"'{self.op}' needs at least one value in 'values'"
        elif self.op in NULL_OPS:
            if self.value is not None or self.values is not None:
                return f"'{self.op}' takes no value"
        elif self.value is None or self.values is not None:
            return f"'{self.op}' compares with one 'value' (value: x)"
        return None

    def operands(self) -> tuple[Scalar, ...]:
        """The value(s) compared against, as a tuple."""
        if self.values is not None:
            return self.values
        return () if self.value is None else (self.value,)


class Filter(Condition):
    """A condition on one column of the object's table: `{column: touchpoint, op: =, value: x}`."""

    column: Text


class RowFilter(Condition):
    """A policy's row condition, on a dimension (preferred) or a column of every table with it."""

    dimension: str | None = None
    column: str | None = None


__all__ = [
    "LIST_OPS",
    "NULL_OPS",
    "Condition",
    "Filter",
    "Identifier",
    "Labels",
    "Named",
    "Op",
    "RowFilter",
    "Scalar",
    "Strict",
    "Synonyms",
    "Text",
    "pretty",
]
