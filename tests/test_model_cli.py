"""`tpa validate`: prints every problem, exits 1 on errors and 0 (with a summary) otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.demo_cache import demo_copy
from ui.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "models"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = demo_copy(tmp_path_factory, "cli", events=20_000)
    return path


def test_the_demo_model_is_the_default_and_passes(demo_db: Path) -> None:
    result = runner.invoke(app, ["validate", "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert f"checked against {demo_db}" in result.output
    assert "model OK: 37 metrics" in result.output


def test_without_a_database_it_says_columns_were_not_checked(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate"], env={"TPA_HOME": str(tmp_path), "TPA_DB": None})
    assert result.exit_code == 0, result.output
    assert "columns were not checked" in result.output


def test_mistakes_are_listed_and_fail(demo_db: Path) -> None:
    model = FIXTURES / "mistakes.yaml"
    result = runner.invoke(app, ["validate", str(model), "--db", str(demo_db)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{model}:18: unknown column 'usr_id' in measure 'buyers' — did you mean 'user_id'?" in (
        lines
    )
    assert any(line.startswith(f"{model}:34: unknown touchpoint 'paymnet'") for line in lines)
    assert lines[-1].startswith(f"{model}: 15 errors")


def test_the_model_comes_from_tpa_model(demo_db: Path) -> None:
    model = str(FIXTURES / "mistakes.yaml")
    result = runner.invoke(app, ["validate", "--db", str(demo_db)], env={"TPA_MODEL": model})
    assert result.exit_code == 1
    assert "usr_id" in result.output


def test_warnings_do_not_fail(demo_db: Path, tmp_path: Path) -> None:
    model = tmp_path / "m.yaml"
    model.write_text(
        "version: 1\nname: m\nsettings: {timezone: UTC}\ntables:\n  events: {time: ts}\n"
        "touchpoints:\n  - {id: checkout, stage: purchase}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(model), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "warning: 17 touchpoints occur in the data but not in the model" in result.output
    assert "model OK: 0 metrics" in result.output and "(1 warning)" in result.output


def test_missing_files_are_usage_errors(tmp_path: Path) -> None:
    missing_model = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert missing_model.exit_code == 2
    assert "model file not found" in missing_model.output
    missing_db = runner.invoke(app, ["validate", "--db", str(tmp_path / "nope.duckdb")])
    assert missing_db.exit_code == 2
    assert "database not found" in missing_db.output
