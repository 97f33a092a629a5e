"""Small programs checked by mypy --strict and by pyright, as a user's code would be (test_typing.py,
test_events_typing.py): the errors each checker reports, by file, and the line a bad program marks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

Errors = dict[str, list[tuple[int, str]]]
"""File name -> (line, message) of each error reported in it."""


def marked_line(path: Path) -> int:
    """The line of a bad program that must fail: the one ending with ``# <-``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.endswith("# <-"))


def mypy_errors(folder: Path) -> Errors:
    # The repository's cache is reused: only the small programs are checked afresh.
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--show-error-codes", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    found: Errors = {}
    for line in done.stdout.splitlines():
        match = re.match(r"(.+?\.py):(\d+): error: (.*)", line)
        if match:
            found.setdefault(Path(match.group(1)).name, []).append((int(match.group(2)), match.group(3)))
    assert done.returncode in (0, 1), done.stderr
    return found


def pyright_errors(folder: Path) -> Errors:
    pytest.importorskip("pyright", reason="pyright is in the test extra")
    done = subprocess.run(
        [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable, str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    report = json.loads(done.stdout)
    found: Errors = {}
    for item in report["generalDiagnostics"]:
        if item["severity"] == "error":
            found.setdefault(Path(item["file"]).name, []).append((item["range"]["start"]["line"] + 1, item["message"]))
    return found
