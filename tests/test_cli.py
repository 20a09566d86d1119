"""The `tpa` command line: every command documents itself and does its job end to end."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
import typer.main
from typer.testing import CliRunner

from ui.cli import app

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_interface_commands_exist() -> None:
    assert {"demo", "ingest", "validate", "init"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: tpa {command}" in result.output
    assert "--db" in result.output


def test_installed_entry_point_runs() -> None:
    bin_dir = Path(sys.executable).parent
    result = subprocess.run(
        [str(bin_dir / "tpa"), "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "demo" in result.stdout and "ingest" in result.stdout


def test_demo_builds_then_reuses_a_matching_database(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    args = [
        "demo",
        "--no-serve",
        "--db",
        str(db),
        "--as-of",
        "2026-11-23",
        "--events",
        "20000",
        "--no-progress",
    ]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "events" in first.output and "2026-11-22" in first.output
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*), max(ts) FROM events").fetchone()
    assert row is not None
    assert 10_000 < row[0] < 40_000
    assert row[1].date() < date(2026, 11, 23)

    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "already holds this dataset" in second.output


def test_demo_reads_as_of_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(
        app,
        ["demo", "--no-serve", "--events", "10000", "--no-progress"],
        env={"TPA_DB": str(db), "TPA_AS_OF": "2025-03-01"},
    )
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT max(ts) FROM events").fetchone()
    assert row is not None and row[0].date() == date(2025, 2, 28)


def test_bad_as_of_is_a_clear_error() -> None:
    result = runner.invoke(app, ["demo", "--as-of", "23/11/2026"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_ingest_error_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = runner.invoke(app, ["ingest", str(missing), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "nope.yaml" in result.output


REPO = Path(__file__).resolve().parents[1]
# A file a help text points the reader to: a path with a folder (docs/api.md, evals/…/README.md)
# or a top-level Markdown file. Names of files a command writes (report.md) have no folder.
REFERENCE = re.compile(
    r"(?<![\w/.-])((?:[\w.-]+/)+[\w.-]+\.(?:md|yaml|yml|py|toml|json)|[A-Z]+\.md)"
)


def help_texts() -> dict[str, str]:
    texts = {"tpa": runner.invoke(app, ["--help"]).output}
    for command in COMMANDS:
        texts[f"tpa {command}"] = runner.invoke(app, [command, "--help"]).output
    return texts


def test_every_help_text_points_only_to_files_in_the_repository() -> None:
    seen: dict[str, set[str]] = {}
    for command, text in help_texts().items():
        for path in REFERENCE.findall(" ".join(text.split())):
            seen.setdefault(path, set()).add(command)
    missing = {p: sorted(c) for p, c in seen.items() if not (REPO / p).is_file()}
    assert not missing, f"--help names files the repository does not have: {missing}"
    assert "docs/design.md" in seen  # the check does find references
