"""The table of the latest answer as a file in the chat: after an answer with a table, replying
"excel" (or "xlsx", "导出", "下载") sends it as an XLSX file, "csv" as a CSV file — on every
platform whose bot API takes files (Slack, Feishu, DingTalk and WeCom all do).

A file request is not a question: it is never stored as a turn, and the follow-up context stays
the answer it exports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Protocol

import httpx

from assistant.answer.export import MEDIA_TYPES, ExportFormat, export, filename
from assistant.answer.model import Answer
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import language, phrase, written_in

XLSX_WORDS: Final = frozenset(
    {"excel", "xlsx", "xls", "export", "download", "导出", "下载", "表格", "导出表格", "下载表格",
     "导出excel", "下载excel"}
)  # fmt: skip
CSV_WORDS: Final = frozenset({"csv", "导出csv", "下载csv"})
MIN_ROWS_FOR_HINT: Final = 2  # a single number needs no file
_PUNCTUATION: Final = re.compile(r"[\s\"'“”‘’`.,!?;:。，！？；：、]+")


class FileTarget(Protocol):
    """A reply target that can also post a file (`dispatch.ReplyTarget` plus this)."""

    def post_file(self, http: httpx.Client, file: TableFile) -> None: ...


@dataclass(frozen=True)
class TableFile:
    """A file to post: its name, bytes, media type and format ("xlsx" or "csv")."""

    name: str
    data: bytes
    media_type: str
    fmt: str


def file_request(text: str) -> str | None:
    """ "xlsx" or "csv" when the message asks for the last table as a file, else None."""
    said = _PUNCTUATION.sub("", text).casefold()
    if said in CSV_WORDS:
        return "csv"
    return "xlsx" if said in XLSX_WORDS else None


def table_file(answer: Answer, fmt: str, model: SemanticModel) -> TableFile:
    kind: ExportFormat = "csv" if fmt == "csv" else "xlsx"
    data = export(answer, kind, ModelLabels(model))
    return TableFile(filename(answer, kind), data, MEDIA_TYPES[kind].split(";")[0], kind)


def file_hint(answer: Answer) -> str:
    """The line a reply ends with when its table can be had as a file ("" when not)."""
    if answer.error is not None or len(answer.rows) < MIN_ROWS_FOR_HINT:
        return ""
    return phrase(language(answer.language), "bots", "file_hint")


def no_table(question: str) -> str:
    return phrase(written_in(question), "bots", "no_table")


__all__ = [
    "CSV_WORDS",
    "XLSX_WORDS",
    "FileTarget",
    "TableFile",
    "file_hint",
    "file_request",
    "no_table",
    "table_file",
]
