"""Numbers in answers, one set of rules for every sentence (English and Chinese).

- Missing values (None, NaN) are "n/a" / "无数据".
- Counts and plain numbers: thousands separators ("4,812"); whole numbers stay whole; other
  values keep 2 decimals below 10, 1 below 100 and none from 100 up, trailing zeros dropped
  ("2.83", "38.6", "253").
- Chinese from 100,000 up uses 万 and from 100,000,000 up 亿, with one decimal ("21.6万",
  "1.2亿"); smaller numbers keep the separators ("9,930").
- Percentages (fractions in the data) have one decimal: 0.4847 → "48.5%". A change of a
  percentage is in points: "+2.1 pts" / "+2.1个百分点".
- Currency uses the model's `settings.currency`: CNY → "¥", USD → "$", EUR → "€", GBP → "£",
  JPY → "JP¥", another code → "EUR 12" style; none → a plain number. Amounts from 1,000 up have no
  decimals ("¥216,158"), smaller ones two ("¥252.60"); Chinese uses 万 as above ("¥21.6万").
- Durations have one decimal: `duration_minutes` "12.5 min" / "12.5分钟", `duration_hours`
  "3.2 h" / "3.2小时". Elapsed hours (time to convert) pick their unit: under an hour in
  minutes, under 48 hours in hours, else days ("4.2 days" / "4.2天").
- Multiples (`multiple`, a ratio of like amounts such as ROI) have one decimal and "×": "98.8×".
- Signed changes put "+" or "-" in front ("+¥1,473", "-10.7%"); a change that rounds to
  zero has no sign.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import Format
from semantic_layer.phrasebook import grammar, section
from semantic_layer.time import Language

SYMBOLS: Final = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "JP¥"}
WAN: Final = 10_000
YI: Final = 100_000_000
UNITS: Final[dict[Language, dict[str, str]]] = section("answer.units")


def as_float(value: Any) -> float | None:
    """A cell as a float; None for missing, NaN or anything that is not a number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        number = float(value)
        return None if math.isnan(number) else number
    return None


def currency_symbol(code: str | None) -> str:
    """ "¥" for CNY, "$" for USD, "EUR " for a code without a symbol, "" for none."""
    if not code:
        return ""
    return SYMBOLS.get(code.upper(), f"{code.upper()} ")


@dataclass(frozen=True)
class Numbers:
    """Formats numbers for one language and currency (see the module docstring)."""

    lang: Language = "en"
    currency: str = ""

    @classmethod
    def of(cls, model: SemanticModel, lang: Language) -> Numbers:
        """The formatter for `model`'s currency in `lang`."""
        return cls(lang, currency_symbol(model.settings.currency))

    @property
    def na(self) -> str:
        return UNITS[self.lang]["na"]

    def number(self, value: Any) -> str:
        """A count or plain number: "4,812", "38.6", "21.6万"."""
        x = as_float(value)
        if x is None:
            return self.na
        large = self._large(x)
        if large:
            return large
        if x == int(x):
            return f"{int(x):,}"
        decimals = 0 if abs(x) >= 100 else 1 if abs(x) >= 10 else 2
        text = f"{x:,.{decimals}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def percent(self, value: Any) -> str:
        """A fraction as a percentage with one decimal: 0.4847 → "48.5%"."""
        x = as_float(value)
        if x is None:
            return self.na
        return f"{_unsigned_zero(x * 100, 1):,.1f}%"

    def money(self, value: Any) -> str:
        """An amount in the model's currency: "¥216,158", "¥252.60", "¥21.6万"."""
        x = as_float(value)
        if x is None:
            return self.na
        sign, x = ("-", -x) if x < 0 and round(x, 2) != 0 else ("", abs(x))
        text = self._large(x) or (f"{x:,.0f}" if x >= 1000 else f"{x:,.2f}")
        return f"{sign}{self.currency}{text}"

    def minutes(self, value: Any) -> str:
        """ "12.5 min" / "12.5分钟"."""
        return self._unit(value, "min")

    def hours(self, value: Any) -> str:
        """ "3.2 h" / "3.2小时"."""
        return self._unit(value, "h")

    def elapsed(self, hours: Any) -> str:
        """A time span given in hours, in minutes, hours or days, whichever reads best."""
        x = as_float(hours)
        if x is None:
            return self.na
        if x < 1:
            return self._unit(x * 60, "min")
        if x < 48:
            return self._unit(x, "h")
        return self._unit(x / 24, "day")

    def value(self, fmt: Format, value: Any) -> str:
        """A metric value in its format."""
        if fmt == "percent":
            return self.percent(value)
        if fmt == "currency":
            return self.money(value) if self.currency else self.number(value)
        if fmt == "duration_minutes":
            return self.minutes(value)
        if fmt == "duration_hours":
            return self.hours(value)
        if fmt == "multiple":
            return self.times(value)
        return self.number(value)

    def times(self, value: Any) -> str:
        """A ratio of like amounts: "4.2×" (one decimal; "98.8×")."""
        x = as_float(value)
        if x is None:
            return self.na
        return f"{_unsigned_zero(x, 1):,.1f}×"

    def change(self, fmt: Format, delta: Any) -> str:
        """A signed change of a metric: "+¥1,473", "-2.1 pts", "+6", "+0.5 h"."""
        x = as_float(delta)
        if x is None:
            return self.na
        if fmt == "percent":
            points = _unsigned_zero(x * 100, 1)
            return f"{_sign(points)}{abs(points):.1f}{UNITS[self.lang]['pts']}"
        sign = _sign(x) if abs(x) >= 0.005 else ""
        return f"{sign}{self.value(fmt, abs(x))}"

    def magnitude(self, fmt: Format, delta: Any) -> str:
        """The size of a change without its sign: "10.8 pts", "¥291.65", "6"."""
        text = self.change(fmt, delta)
        return text[1:] if text[:1] in "+-" else text

    def signed_percent(self, fraction: Any) -> str:
        """A relative change: -0.107 → "-10.7%"."""
        x = as_float(fraction)
        if x is None:
            return self.na
        pct = _unsigned_zero(x * 100, 1)
        return f"{_sign(pct)}{abs(pct):,.1f}%"

    def _unit(self, value: Any, unit: str) -> str:
        x = as_float(value)
        if x is None:
            return self.na
        return f"{_unsigned_zero(x, 1):,.1f}{UNITS[self.lang][unit]}"

    def _large(self, x: float) -> str:
        """万 / 亿 for large Chinese numbers, else ""."""
        if not grammar(self.lang).wan or abs(x) < 10 * WAN:
            return ""
        unit, size = ("亿", YI) if abs(x) >= YI else ("万", WAN)
        text = f"{x / size:,.1f}".removesuffix(".0")
        return f"{text}{unit}"


def _sign(x: float) -> str:
    return "+" if x > 0 else "-" if x < 0 else ""


def _unsigned_zero(x: float, decimals: int) -> float:
    """`x` rounded, with -0.0 turned into 0.0 so nothing prints as "-0.0"."""
    rounded = round(x, decimals)
    return 0.0 if rounded == 0 else rounded


__all__ = ["Numbers", "as_float", "currency_symbol"]
