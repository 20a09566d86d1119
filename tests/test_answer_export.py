"""An answer's table as CSV and XLSX (issue 13 point 9): labels, numbers kept as numbers, Chinese
readable, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from assistant.answer.export import filename, labelled_rows, safe_cell, to_csv, to_xlsx
from assistant.answer.model import Answer
from semantic_layer.model import load_model
from semantic_layer.model.labels import ModelLabels

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def answer(rows: list[list[object]], lang: str = "en") -> Answer:
    return Answer(
        id="0123456789abcdef",
        question="revenue by channel: last week?" if lang == "en" else "各渠道收入",
        language=lang,  # type: ignore[arg-type]
        text="Revenue was ¥1,234.",
        interpretation="revenue by channel",
        columns=["d_channel", "period", "revenue", "conversion_rate"],
        column_labels=["Channel", "Week", "Revenue", "Conversion rate"],
        column_formats=["text", "date", "currency", "percent"],
        rows=rows,
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_cell_that_starts_a_formula_is_made_inert(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert safe_cell(-2.5) == -2.5  # a negative number is a number, not a formula
    assert safe_cell("plain") == "plain"


def test_csv_has_labels_values_and_escaped_formulas() -> None:
    rows = [[v, "2026-11-16", 10.5, 0.25] for v in HOSTILE] + [["app", "2026-11-16", -3, None]]
    data = to_csv(answer(rows))
    assert data.startswith("\ufeff".encode())
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert read[0] == ["Channel", "Week", "Revenue", "Conversion rate"]
    assert [r[0] for r in read[1:-1]] == ["'" + v for v in HOSTILE]
    assert read[-1] == ["app", "2026-11-16", "-3", ""]
    assert all(not cell.startswith(("=", "+", "@")) for row in read for cell in row)


def test_csv_names_dimension_values_in_the_answers_language() -> None:
    labels = ModelLabels(load_model())
    rows = [["wechat_oa", "2026-11-16", 1.0, 0.5]]
    en = to_csv(answer(rows), labels).decode("utf-8-sig")
    zh = to_csv(answer(rows, "zh"), labels).decode("utf-8-sig")
    assert "wechat_oa" not in en and "WeChat official account" in en
    assert "微信公众号" in zh


def test_a_drivers_table_names_dimensions_and_segments_as_its_chart_does() -> None:
    """The chat's table, the link page, `tpa ask` and the files all read `labelled_rows`: a
    drivers row says "channel · mobile app" (the model's labels), never "channel · app"."""
    labels = ModelLabels(load_model())
    rows = [["channel", "app", 0.54, 0.84], ["campaign", "(none)", 0.8, 0.85],
            ["device", "ios", 0.64, 0.79]]  # fmt: skip

    def drivers(lang: str) -> Answer:
        return Answer(
            id="d1", question="why", language=lang, text="",  # type: ignore[arg-type]
            columns=["dimension", "segment", "value", "value_previous"],
            column_formats=["text", "text", "percent", "percent"], rows=rows,
        )  # fmt: skip

    en = [r[:2] for r in labelled_rows(drivers("en"), labels)]
    assert en == [["channel", "mobile app"], ["campaign", "(none)"], ["device", "iOS"]]
    zh = [r[:2] for r in labelled_rows(drivers("zh"), labels)]
    assert zh == [["渠道", "App"], ["营销活动", "（空）"], ["设备", "苹果iOS"]]
    assert (
        to_csv(drivers("en"), labels)
        .decode("utf-8-sig")
        .split("\r\n")[1]
        .startswith("channel,mobile app,")
    )


def test_a_journey_breakdown_names_its_segments() -> None:
    labels = ModelLabels(load_model())
    funnel = Answer(
        id="f1", question="各渠道的购买漏斗", language="zh", text="",
        plan={"kind": "funnel", "journey": "purchase_journey", "breakdown": "channel"},
        columns=["segment", "step", "touchpoint", "reached"],
        rows=[["paid_ads", 1, "ad_click", 10], ["(none)", 1, "ad_click", 2]],
    )  # fmt: skip
    named = labelled_rows(funnel, labels)
    assert named[0][:3] == ["付费广告", 1, "广告点击"]
    assert named[1][0] == "(none)"  # a pseudo value stays as it is


def test_xlsx_keeps_numbers_dates_and_never_writes_a_formula() -> None:
    rows = [[v, "2026-11-16", 10.5, 0.25] for v in HOSTILE]
    book = load_workbook(io.BytesIO(to_xlsx(answer(rows))))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["Channel", "Week", "Revenue", "Conversion rate"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[0] for r in values][:5] == HOSTILE[:5]  # stored as text (XML reads \r as \n)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert values[0][1].date() == date(2026, 11, 16)
    assert values[0][2:] == [10.5, 0.25]
    assert sheet.cell(2, 4).number_format == "0.0%"
    about = dict((r[0].value, r[1].value) for r in book.worksheets[1].iter_rows())
    assert about["question"] == "revenue by channel: last week?"


def test_file_names_are_safe_and_name_the_answer() -> None:
    assert filename(answer([]), "csv") == "revenue-by-channel-last-week-01234567.csv"
    assert filename(answer([], "zh"), "xlsx") == "各渠道收入-01234567.xlsx"
    hostile = answer([]).model_copy(update={"question": "../../etc/passwd\x00"})
    assert "/" not in filename(hostile, "csv") and "\x00" not in filename(hostile, "csv")
