"""Fixtures of the security tests: the canary database, model and files, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.harness import Canary, build_canary


@pytest.fixture(scope="session")
def canary(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Canary:
    """The demo database with the hidden table and the North canary customer, the model with
    the raw-SQL role, and the canary files."""
    return build_canary(small_demo, tmp_path_factory.mktemp("canary"))
