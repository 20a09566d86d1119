"""Semantic models shipped with Touchpoint Assistant (package data)."""

from __future__ import annotations

from pathlib import Path

DEMO_MODEL_PATH: Path = Path(__file__).with_name("demo.yaml")
"""The hand-written model of the demo retailer (see docs/semantic-layer.md)."""

__all__ = ["DEMO_MODEL_PATH"]
