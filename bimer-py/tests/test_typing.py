"""The stubs are real: ``mypy --strict`` accepts the typed usage script and
the CSV example, and catches the mistakes of typecheck/rejected.py."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from mypy import api as mypy_api

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ACCEPTED = [HERE / "typecheck" / "usage.py", REPO / "examples" / "python" / "triage_csv.py"]


def run_mypy(tmp_path: Path, *files: Path) -> tuple[str, int]:
    out, err, status = mypy_api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
         "--no-error-summary", *map(str, files)]
    )
    return out + err, status


def test_typed_scripts_pass_mypy_strict(tmp_path: Path) -> None:
    output, status = run_mypy(tmp_path, *ACCEPTED)
    assert status == 0, output


def test_mypy_catches_mistakes(tmp_path: Path) -> None:
    rejected = HERE / "typecheck" / "rejected.py"
    output, status = run_mypy(tmp_path, rejected)
    assert status == 1
    flagged = {int(m.group(1)) for m in re.finditer(r"rejected\.py:(\d+): error", output)}
    marked = {
        i for i, line in enumerate(rejected.read_text(encoding="utf-8").splitlines(), 1)
        if line.rstrip().split("#")[-1].strip().startswith("E:")
    }
    assert marked and flagged == marked, output


def test_typed_usage_runs() -> None:
    result = runpy.run_path(str(HERE / "typecheck" / "usage.py"))
    rows = result["main"]()
    assert rows[0]["due_on"] == "2027-01-22"


@pytest.mark.parametrize("name", ["__init__.py", "_bimer.pyi", "py.typed"])
def test_package_ships_typing_files(name: str) -> None:
    import bimer

    assert (Path(bimer.__file__).parent / name).is_file()
