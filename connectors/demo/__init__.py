"""A seeded, vectorised generator of a realistic omnichannel-retailer demo data set.

`build_demo` writes the canonical tables of docs/design.md to a new DuckDB file; `existing_demo`
tells whether a file already holds exactly that build; `stories` lists the patterns planted in it
with their concrete dates. See docs/demo-data.md.
"""

from __future__ import annotations

from connectors.demo.build import DemoSummary, build_demo, existing_demo
from connectors.demo.stories import Story, stories

__all__ = ["DemoSummary", "Story", "build_demo", "existing_demo", "stories"]
