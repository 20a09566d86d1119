"""`render_png`: a chart spec as a PNG for bots, rendered offline by headless Chromium (kaleido).

One render server per process, started on first use and stopped at exit: Debian's Chromium
(`/usr/bin/chromium`, or `TPA_CHROMIUM`) driven by kaleido on its own event-loop thread. Nothing
is fetched: plotly.js comes from the installed plotly package, MathJax is off, and the browser
gets an unreachable proxy so a stray network request fails at once instead of hanging. Chinese
text needs the fonts-noto-cjk package (the chart's font family names Noto Sans CJK SC first).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import copy
import importlib
import os
import threading
from collections.abc import Coroutine
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, Final, TypeVar

from semantic_layer.errors import InternalError, UserError

DEFAULT_CHROMIUM: Final = "/usr/bin/chromium"
START_SECONDS: Final = 60.0  # starting Chromium and loading plotly.js
RENDER_SECONDS: Final = 30.0
NO_PROXY: Final = "127.0.0.1:9"  # the discard port: nothing listens, requests fail fast
DEFAULT_HEIGHT: Final = 420
T = TypeVar("T")


class PngUnavailable(UserError):
    """PNG rendering cannot work here: the browser or plotly.js is missing."""


def chromium_path() -> Path:
    """The browser to render with: `TPA_CHROMIUM`, else Debian's `/usr/bin/chromium`."""
    return Path(os.environ.get("TPA_CHROMIUM") or DEFAULT_CHROMIUM)


def _plotly_js() -> Path:
    plotly: Any = importlib.import_module("plotly")
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _missing() -> str | None:
    """Why rendering cannot work here, or None when everything it needs is installed."""
    browser = chromium_path()
    if not (browser.is_file() and os.access(browser, os.X_OK)):
        return (
            f"Chromium not found at {browser}: install the Debian package chromium "
            "(make sysdeps), or set TPA_CHROMIUM to a Chromium or Chrome executable"
        )
    try:
        importlib.import_module("kaleido")
        js = _plotly_js()
    except ImportError as exc:
        return f"{exc.name} is not installed: install the project's dependencies"
    if not js.is_file():
        return f"plotly.js not found at {js}: reinstall the plotly package"
    return None


def png_available() -> bool:
    """Whether `render_png` can work here (browser, kaleido and plotly.js present)."""
    return _missing() is None


class _Renderer:
    """One kaleido browser with one tab, driven from its own event-loop thread."""

    def __init__(self, browser: Path) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="tpa-png-renderer", daemon=True
        )
        self._thread.start()
        try:
            self._kaleido: Any = self._call(self._open(browser), START_SECONDS)
        except BaseException:
            self._stop_loop()
            raise

    async def _open(self, browser: Path) -> Any:
        kaleido = importlib.import_module("kaleido")
        k = kaleido.Kaleido(
            path=str(browser),
            n=1,
            timeout=RENDER_SECONDS,
            plotlyjs=_plotly_js().as_uri(),
            mathjax=False,
            enable_extensions=False,
            proxy_server=NO_PROXY,
        )
        await k.open()
        return k

    def render(self, spec: dict[str, Any], width: int, height: int, scale: float) -> bytes:
        opts = {"format": "png", "width": width, "height": height, "scale": scale}
        png = self._call(self._kaleido.calc_fig(spec, opts=opts), RENDER_SECONDS + 5)
        if not isinstance(png, bytes):
            raise InternalError(f"the renderer returned {type(png).__name__}, not PNG bytes")
        return png

    def close(self) -> None:
        try:
            self._call(self._kaleido.close(), 15)
        finally:
            self._stop_loop()

    def _call(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        if not self._thread.is_alive():
            self._loop.close()


_lock = threading.Lock()
_renderer: _Renderer | None = None
_atexit_registered = False


def render_png(
    spec: dict[str, Any], *, width: int = 900, height: int | None = None, scale: float = 1.0
) -> bytes:
    """The figure `spec` ({"data": …, "layout": …}) as PNG bytes, `width` × `height` pixels
    times `scale` (height: the layout's, else 420).

    The first call starts the render server (~1–2 s); later calls take ~0.1 s. Thread-safe:
    renders run one at a time.

    Raises:
        PngUnavailable: the browser (or kaleido / plotly.js) is missing.
        InternalError: the renderer failed (it is restarted on the next call).
    """
    figure = _prepared(spec)
    rows = int(height or figure["layout"].get("height") or DEFAULT_HEIGHT)
    with _lock:
        renderer = _started()
        try:
            return renderer.render(figure, width, rows, scale)
        except Exception as exc:
            _stop_locked()
            raise InternalError(f"rendering the chart as PNG failed: {exc!r}") from exc


def _started() -> _Renderer:
    """The running renderer, started now if needed (call with `_lock` held)."""
    global _renderer, _atexit_registered
    if _renderer is not None:
        return _renderer
    problem = _missing()
    if problem is not None:
        raise PngUnavailable(problem, hint="charts still work in the UI; only PNGs need it")
    try:
        _renderer = _Renderer(chromium_path())
    except Exception as exc:
        raise PngUnavailable(
            f"could not start Chromium at {chromium_path()} to render PNGs: {exc}"
        ) from exc
    if not _atexit_registered:
        atexit.register(stop_renderer)
        _atexit_registered = True
    return _renderer


def stop_renderer() -> None:
    """Stop the render server (at exit; the next `render_png` starts a new one)."""
    with _lock:
        _stop_locked()


def _stop_locked() -> None:
    global _renderer
    renderer, _renderer = _renderer, None
    if renderer is not None:
        with contextlib.suppress(Exception):  # gone or hung: its process dies with ours
            renderer.close()


def _prepared(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy kaleido accepts: a named template ("simple_white") expanded to its dict."""
    if not isinstance(spec, dict) or not isinstance(spec.get("data"), list):
        raise InternalError('a chart spec is {"data": [...], "layout": {...}}')
    figure = copy.deepcopy(spec)
    layout = figure.setdefault("layout", {})
    if isinstance(layout.get("template"), str):
        pio = importlib.import_module("plotly.io")
        layout["template"] = pio.templates[layout["template"]].to_plotly_json()
    return figure


__all__ = ["PngUnavailable", "chromium_path", "png_available", "render_png", "stop_renderer"]
