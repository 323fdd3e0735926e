"""Fixtures of the reliability tests, and the figures they measured, printed at the end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from o2r_assistant.assistant import Assistant
from o2r_assistant.config import PROJECT_ROOT

from .support import FIGURES, NOTES, SLOWEST, clean_settings


@pytest.fixture(scope="module")
def shipped_assistant(shipped_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """One assistant on a private copy of the prebuilt index, shared by a module's tests."""
    index_dir = tmp_path_factory.mktemp("reliability-index")
    shutil.copytree(shipped_index, index_dir, symlinks=True, dirs_exist_ok=True)
    return Assistant(clean_settings(corpus_dir=PROJECT_ROOT / "corpus", index_dir=index_dir))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not (FIGURES or SLOWEST or NOTES):
        return
    terminalreporter.write_sep("-", "reliability figures")
    for section, counts in sorted(FIGURES.items()):
        detail = ", ".join(f"{key}={value}" for key, value in sorted(counts.items()))
        terminalreporter.write_line(f"{section}: {detail}")
    for name, seconds in sorted(SLOWEST.items()):
        terminalreporter.write_line(f"{name}: slowest {seconds:.2f} s")
    for section, note in sorted(NOTES.items()):
        terminalreporter.write_line(f"{section}: {note}")
