"""What screen readers and browsers need from a page: the `<html lang>` of an interface language,
and a chart's text alternative, taken from the answer's own sentence (so it says what the chart
shows, in the answer's language)."""

from __future__ import annotations

import json
from typing import Any

from semantic_layer.phrasebook import FALLBACK, GRAMMARS, grammar
from ui.chat.labels import ui_language, word

HTML_LANG = {code: said.html_lang for code, said in GRAMMARS.items()}
NARROW_PX = 768  # below this width the side panel starts closed (it would cover the answers)

# Run in the browser before the language-switch handler: `<html lang>` follows the interface.
_HTML_LANGS = json.dumps(HTML_LANG)
SET_HTML_LANG = (
    f"(lang) => {{ document.documentElement.lang = {_HTML_LANGS}[lang] || 'en'; return lang; }}"
)
# On a phone, an example question picked in the side panel closes the panel, so the answer shows.
CLOSE_SIDE_ON_PHONE = (
    f"() => {{ const side = document.querySelector('#tpa-side');"
    f" if (window.innerWidth < {NARROW_PX} && side && side.getBoundingClientRect().left >= 0)"
    " side.querySelector('.toggle-button')?.click(); }"
)
# At load, a browser set to one of the phrasebook's other languages (Chinese) switches an
# English-by-default chat to it (the change event then relabels the page and sets <html lang>);
# a chat started in Chinese stays so.
_OTHER_LANGS = json.dumps([code for code in GRAMMARS if code != FALLBACK])
BROWSER_LANGUAGE = (
    "(current) => { const said = ((navigator.languages || [navigator.language || ''])[0] || '')"
    f".toLowerCase(); return {_OTHER_LANGS}.find((code) => said.startsWith(code)) || current; }}"
)
# Passes the window's width to the handler that opens or closes the side panel at load.
WINDOW_WIDTH = "() => window.innerWidth"
# In the page's <head>: each chart gets role="img" and its caption as aria-label, whenever
# cards are (re-)rendered.
HEAD = """<script>
(() => {
  const label = () => document.querySelectorAll('.tpa-figure').forEach((figure) => {
    const chart = figure.querySelector('.tpa-chart');
    const caption = figure.querySelector('.tpa-chart-caption');
    if (!chart || !caption) return;
    const text = caption.textContent.trim();
    if (chart.getAttribute('aria-label') !== text) {
      chart.setAttribute('role', 'img');
      chart.setAttribute('aria-label', text);
    }
  });
  let queued = false;  // one pass per frame, however many nodes changed
  const soon = () => { if (!queued) { queued = true;
    requestAnimationFrame(() => { queued = false; label(); }); } };
  new MutationObserver(soon).observe(document.documentElement, {childList: true, subtree: true});
})();
</script>"""


def html_lang(lang: str) -> str:
    """The `lang` attribute for an interface or answer language: "en" or "zh-CN"."""
    return HTML_LANG[ui_language(lang)]


def chart_caption(answer: Any) -> str:
    """ "Chart: Revenue was ¥1.2M last week, up 3.4%…": the text alternative of an answer's chart,
    in the answer's language (its title when the answer has no sentence)."""
    lang = str(answer.language)
    title = ((answer.chart or {}).get("layout") or {}).get("title") or {}
    title_text = title.get("text", "") if isinstance(title, dict) else str(title)
    sentence = " ".join(str(answer.text or title_text).split())
    colon = grammar(ui_language(lang)).colon
    return f"{word('chart', lang)}{colon}{sentence}"


def side_open(width: float | None) -> bool:
    """Whether the side panel starts open in a window `width` pixels wide."""
    return width is None or width >= NARROW_PX


__all__ = [
    "BROWSER_LANGUAGE",
    "CLOSE_SIDE_ON_PHONE",
    "HEAD",
    "HTML_LANG",
    "NARROW_PX",
    "SET_HTML_LANG",
    "WINDOW_WIDTH",
    "chart_caption",
    "html_lang",
    "side_open",
]
