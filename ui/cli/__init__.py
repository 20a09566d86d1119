"""The `tpa` command line."""

from __future__ import annotations

from ui.cli.imports import importing

with importing():
    from ui.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
