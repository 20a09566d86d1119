"""How the chat looks, with nothing fetched from the internet: system fonts (Noto Sans CJK first, so
Chinese reads well), no web fonts, no CDN, no analytics.

Gradio 6 takes the theme and CSS when the app is launched or mounted, not in `gr.Blocks()`:
`mount_options()` gives them (and the other offline settings) to `gr.mount_gradio_app`.
"""

from __future__ import annotations

from typing import Any, Final

import gradio as gr

from ui.chat.a11y import HEAD

FONTS: Final = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC")
FONTS_GENERIC: Final = ("system-ui", "sans-serif")
MONO_FONTS: Final = ("Noto Sans Mono CJK SC", "DejaVu Sans Mono", "Menlo", "Consolas")

CHAT_CSS: Final = """
.tpa-turn { border: 1px solid var(--border-color-primary); border-radius: 12px;
  padding: 12px 16px; margin-bottom: 12px; background: var(--background-fill-primary); }
.tpa-question { color: var(--body-text-color-subdued); }
.tpa-answer { font-size: 1.05em; }
.tpa-interpretation { color: var(--body-text-color-subdued); font-size: 0.92em; }
.block.tpa-warning { color: #8a5a00; background: #fff7e0; border-radius: 8px;
  padding: 4px 10px; }
.block.tpa-error { color: #a11c1c; background: #fdecec; border: 1px solid #f3b4b4;
  border-radius: 8px; padding: 8px 12px; }
.tpa-table table { font-family: var(--font); }
.tpa-chips { gap: 6px; flex-wrap: wrap; }
.tpa-chip, .tpa-example { flex: 0 0 auto !important; width: auto !important;
  min-width: 0 !important; border-radius: 999px !important; }
.tpa-example { text-align: left; white-space: normal; }
.tpa-thumbs { gap: 6px; align-items: center; }
.tpa-thumb { flex: 0 0 auto !important; min-width: 0 !important; width: auto !important; }
.tpa-note, .tpa-feedback { color: var(--body-text-color-subdued); font-size: 0.9em; }
#tpa-status { min-height: 1.5em; }
.tpa-review-item { border-top: 1px solid var(--border-color-primary); padding-top: 6px; }
.tpa-review-text p { margin: 2px 0 !important; }
.tpa-review-help, .tpa-review-none, .tpa-review-more { color: var(--body-text-color-subdued);
  font-size: 0.9em; }
.tpa-takeaway-links { display: flex; gap: 14px; flex-wrap: wrap; font-size: 0.92em; }
.tpa-takeaway-links a { text-decoration: none; }
.tpa-chart-caption { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 767px) {
  .tpa-turn { padding: 8px 10px; }
  .tpa-chips { gap: 4px; }
}
"""


def chat_theme() -> gr.themes.Base:
    """A plain theme using only fonts installed on the machine."""
    fonts: list[gr.themes.Font | str] = [gr.themes.Font(name) for name in FONTS]
    mono: list[gr.themes.Font | str] = [gr.themes.Font(name) for name in MONO_FONTS]
    return gr.themes.Base(
        primary_hue="blue",
        neutral_hue="slate",
        font=[*fonts, *FONTS_GENERIC],
        font_mono=[*mono, "monospace"],
    )


def mount_options() -> dict[str, Any]:
    """Keyword arguments for `gr.mount_gradio_app` (or `Blocks.launch`) that keep the chat offline
    and styled: the theme, the CSS, no server-side rendering, no footer links, no run history."""
    return {
        "theme": chat_theme(),
        "css": CHAT_CSS,
        "ssr_mode": False,
        "footer_links": [],
        "run_history": False,
        "head": HEAD,
    }


__all__ = ["CHAT_CSS", "FONTS", "chat_theme", "mount_options"]
