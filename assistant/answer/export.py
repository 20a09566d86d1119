"""An answer's table as a file to take away: CSV (UTF-8 with a byte-order mark, so spreadsheet
programs read Chinese correctly) or XLSX, under the column labels the chat shows, with dimension
values and touchpoints by their names.

Numbers stay numbers (a rate is 0.253, shown as 25.3% by the XLSX cell format). Text cells that a
spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage return —
are written with a leading apostrophe in CSV (OWASP's advice against formula injection) and as
plain strings, never formulas, in XLSX.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Any, Final, Literal

from assistant.answer.model import Answer
from semantic_layer.model.labels import ModelLabels
from semantic_layer.phrasebook import language, phrase, section

ExportFormat = Literal["csv", "xlsx"]
FORMATS: Final[tuple[ExportFormat, ...]] = ("csv", "xlsx")
MEDIA_TYPES: Final[dict[str, str]] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
XLSX_FORMATS: Final[dict[str, str]] = {
    "percent": "0.0%",
    "integer": "#,##0",
    "number": "#,##0.##",
    "currency": "#,##0.00",
    "duration_minutes": "0.0",
    "duration_hours": "0.0",
}
_UNSAFE_NAME: Final = re.compile(r"[^\w\u4e00-\u9fff-]+")
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
NONE_SEGMENT: Final = "(none)"  # a drivers segment of rows without a value


def safe_cell(value: Any) -> Any:
    """`value`, with a text value that a spreadsheet would read as a formula made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def headers(answer: Answer) -> list[str]:
    """The column labels (the column's name where there is no label)."""
    labels = answer.column_labels
    return [labels[i] if i < len(labels) else name for i, name in enumerate(answer.columns)]


def labelled_rows(answer: Answer, labels: ModelLabels | None) -> list[list[Any]]:
    """The rows with dimension values (`d_<dimension>` columns, a journey breakdown's
    `segment`) and touchpoint ids by their names in the answer's language — and a drivers
    table's dimension and segment, as its chart and sentence name them; other values
    unchanged."""
    if labels is None:
        return answer.rows
    if {"dimension", "segment"} <= set(answer.columns):
        return _drivers_rows(answer, labels)
    lang = answer.language
    namers: dict[int, Any] = {}
    breakdown = (answer.plan or {}).get("breakdown")  # a journey's `segment` column
    for i, column in enumerate(answer.columns):
        if column.startswith("d_"):
            namers[i] = partial(labels.value, column[2:])
        elif column == "touchpoint":
            namers[i] = labels.touchpoint
        elif column == "segment" and isinstance(breakdown, str):
            namers[i] = partial(labels.value, breakdown)
    if not namers:
        return answer.rows
    return [
        [
            namers[i](v, lang) if i in namers and isinstance(v, str) and not _pseudo(v) else v
            for i, v in enumerate(row)
        ]
        for row in answer.rows
    ]


def _drivers_rows(answer: Answer, labels: ModelLabels) -> list[list[Any]]:
    """Drivers rows with "channel" / "app" as "Channel" / "Mobile app" (the segment by its
    dimension's value labels; the segment without a value as "(none)" / "（空）")."""
    lang, dim, seg = (
        answer.language,
        answer.columns.index("dimension"),
        answer.columns.index("segment"),
    )
    rows = []
    for row in answer.rows:
        named = list(row)
        dimension, segment = row[dim], row[seg]
        if isinstance(dimension, str):
            named[dim] = labels.dimension(dimension, lang)
            none = segment is None or segment == NONE_SEGMENT
            named[seg] = (
                phrase(lang, "export", "none") if none else labels.value(dimension, segment, lang)
            )
        rows.append(named)
    return rows


def to_csv(answer: Answer, labels: ModelLabels | None = None) -> bytes:
    """The table as CSV bytes (header row first; an answer without a table gives the header)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in headers(answer)])
    for row in labelled_rows(answer, labels):
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(answer: Answer, labels: ModelLabels | None = None) -> bytes:
    """The table as an XLSX workbook: one sheet, bold frozen header, number formats by column,
    and a second sheet saying what the answer is (question, answer, what was computed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    words = _words(answer)
    sheet.title = words["sheet_data"]
    _append_text(sheet, headers(answer))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    formats = answer.column_formats
    for r, row in enumerate(labelled_rows(answer, labels), start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            fmt = formats[c - 1] if c - 1 < len(formats) else ""
            _set(cell, value, fmt)
            if fmt in XLSX_FORMATS and isinstance(value, int | float):
                cell.number_format = XLSX_FORMATS[fmt]
    about = book.create_sheet(words["sheet_about"])
    for name, text in _about(answer):
        _append_text(about, [name, text])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export(answer: Answer, fmt: ExportFormat, labels: ModelLabels | None = None) -> bytes:
    """The table in `fmt` ("csv" or "xlsx")."""
    return to_csv(answer, labels) if fmt == "csv" else to_xlsx(answer, labels)


def filename(answer: Answer, fmt: str) -> str:
    """A file name from the question, safe on every system: `revenue-by-channel-1a2b3c4d.csv`."""
    stem = _UNSAFE_NAME.sub("-", answer.question.strip().casefold())[:60].strip("-_") or "answer"
    return f"{stem}-{answer.id[:8]}.{fmt}"


def _words(answer: Answer) -> dict[str, str]:
    return section("export")[language(answer.language)]


def _about(answer: Answer) -> list[tuple[str, str]]:
    words = _words(answer)
    rows = [
        (words["question"], answer.question),
        (words["answer"], answer.text),
        (words["computed"], answer.interpretation),
        (words["created"], answer.created_at.isoformat(timespec="seconds")),
        (words["answer_id"], answer.id),
    ]
    if answer.truncated:
        rows.append((words["note"], words["truncated"]))
    return rows


def _append_text(sheet: Any, values: Sequence[Any]) -> None:
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for c, value in enumerate(values, start=1):
        _set(sheet.cell(row=row, column=c), value)


def _set(cell: Any, value: Any, fmt: str = "") -> None:
    """A value in a cell; text is always stored as text, so "=1+1" is never a formula (and
    characters XML cannot hold are dropped); ISO dates in a date column become dates."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if fmt == "date" and isinstance(value, str) and _ISO_DATE.fullmatch(value):
        cell.value = date.fromisoformat(value)
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    elif isinstance(value, list | dict):
        cell.value = str(value)
        cell.data_type = "s"
    else:
        cell.value = value


def _pseudo(value: str) -> bool:
    """ "(exit)", "(entry)": the paths' pseudo touchpoints, kept as they are."""
    return value.startswith("(") and value.endswith(")")


__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "ExportFormat",
    "export",
    "filename",
    "headers",
    "labelled_rows",
    "safe_cell",
    "to_csv",
    "to_xlsx",
]
