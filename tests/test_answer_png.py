"""PNG rendering of chart specs with headless Chromium: real PNGs of the asked size, Chinese text
drawn with real glyphs, a clear error when the browser is missing. Each render takes ~0.1–0.3 s
(the first one starts Chromium, ~1.5 s), so the tests are few."""

from __future__ import annotations

import shutil
import struct
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from assistant.answer.charts import chart_spec
from assistant.answer.png import (
    PngUnavailable,
    chromium_path,
    png_available,
    render_png,
    stop_renderer,
)
from assistant.answer.table import ResultTable
from semantic_layer.model import demo_model
from semantic_layer.model.labels import ModelLabels
from semantic_layer.plan import parse_plan

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
needs_chromium = pytest.mark.skipif(
    shutil.which(str(chromium_path())) is None,
    reason=f"Chromium not installed at {chromium_path()} (make sysdeps installs it)",
)


@pytest.fixture(scope="module", autouse=True)
def _stop_after() -> Iterator[None]:
    yield
    stop_renderer()


def size_of(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which follows the 8-byte signature."""
    assert png[:8] == PNG_MAGIC
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def titled(title: str | None) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}],
        "layout": {"height": 300, "font": {"family": '"Noto Sans CJK SC", sans-serif'}},
    }
    if title is not None:
        spec["layout"]["title"] = {"text": title, "font": {"size": 28}}
    return spec


def test_missing_browser_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    stop_renderer()  # a running server would not look for the browser again
    monkeypatch.setenv("TPA_CHROMIUM", "/nonexistent/chromium")
    assert not png_available()
    with pytest.raises(
        PngUnavailable, match=r"Chromium not found at /nonexistent/chromium.*chromium"
    ):
        render_png(titled("x"))


@needs_chromium
def test_chart_renders_as_a_png_of_the_requested_size() -> None:
    plan = parse_plan({"kind": "metric", "metrics": ["revenue"], "dimensions": ["channel"]})
    rows = (("website", 3.0), ("app", 2.0), ("store", 1.0))
    table = ResultTable(plan, ("d_channel", "revenue"), ("VARCHAR", "DOUBLE"), rows)
    model = demo_model()
    spec = chart_spec(table, ModelLabels(model), model, "zh")
    assert spec is not None
    assert png_available()
    png = render_png(spec)
    assert len(png) > 10_000
    assert size_of(png) == (900, spec["layout"]["height"])
    small = render_png(
        {**titled("x"), "layout": {"template": "simple_white"}}, width=600, height=250
    )
    assert size_of(small) == (600, 250)  # a named template is expanded for the renderer


@needs_chromium
def test_chinese_text_renders_with_real_glyphs() -> None:
    """Missing fonts draw every CJK character as the same box: titles differing only in Chinese
    characters would then render identically."""
    conversion, loss, bare = (render_png(titled(t)) for t in ("渠道转化率", "渠道流失率", None))
    assert conversion != loss
    assert conversion != bare
    assert len(conversion) > len(bare)  # the glyphs add detail to the image


@needs_chromium
def test_concurrent_renders_are_serialised_and_correct() -> None:
    specs = [titled("并发一"), titled("并发二")]
    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(render_png, specs))
    assert together == [render_png(s) for s in specs]
    assert together[0] != together[1]
