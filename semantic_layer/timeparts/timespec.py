"""`TimeSpec`: which time a plan means, stored structurally and relative to today."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ConfigDict, RootModel, ValidationError, model_validator

from semantic_layer.timeparts.errors import TimeError
from semantic_layer.timeparts.labels import Language
from semantic_layer.timeparts.phrases import phrase
from semantic_layer.timeparts.spec import SpecForm, SpecFormType
from semantic_layer.timeparts.tokens import form_token, token_fields


class TimeSpec(RootModel[SpecFormType]):
    """Which time a question means, e.g. {"kind": "last", "n": 1, "unit": "week"} for last week.

    The JSON form (one of the forms tagged by `kind`) is the source of truth; each form also has
    a short canonical token ("last_week", "this_month", "2024-Q3", …; see `tokens.py`), accepted
    wherever a TimeSpec is parsed and given back by `token` and `str()`.
    """

    model_config = ConfigDict(
        frozen=True,
        json_schema_extra={
            "description": "Which time the question means, relative to today, in whole days: "
            'e.g. {"kind": "last", "n": 1, "unit": "week"} is last week.'
        },
    )

    @model_validator(mode="before")
    @classmethod
    def _from_token(cls, data: Any) -> Any:
        return token_fields(data) if isinstance(data, str) else data

    @classmethod
    def parse(cls, value: str | Mapping[str, Any] | SpecForm | TimeSpec) -> TimeSpec:
        """A TimeSpec from a token, its JSON form or a form.

        Raises:
            TimeError: with a message for a person when the value is not a valid time.
        """
        if isinstance(value, TimeSpec):
            return value
        try:
            return cls.model_validate(value)
        except ValidationError as err:
            raise TimeError(_first_message(err)) from None

    @classmethod
    def parse_token(cls, token: str) -> TimeSpec:
        """A TimeSpec from its token ("last_7_days", "2025-10", "2025-11-03..2025-11-10")."""
        return cls.parse(token)

    @property
    def form(self) -> SpecForm:
        """The structured form (Today, Last, This, Day, Month, Quarter, Year, Range, …)."""
        return self.root

    @property
    def token(self) -> str:
        """The canonical token: parse_token(spec.token) == spec."""
        return form_token(self.root)

    def phrase(self, lang: Language = "en") -> str:
        """How a person says it: "last week" / "上周", "this month to date" / "本月至今"."""
        return phrase(self.root, lang)

    def __str__(self) -> str:
        return self.token


def _first_message(err: ValidationError) -> str:
    problem = err.errors()[0]
    message = str(problem["msg"]).removeprefix("Value error, ")
    where = ".".join(str(part) for part in problem["loc"][1:])
    return f"{where}: {message}" if where and problem["type"] != "value_error" else message
