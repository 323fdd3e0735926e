"""Shared fixtures. Every test runs with its own corpus copy, index and database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fakes import FakeEmbedder
from pgserver import database, pg_database, pg_server  # noqa: F401 (fixtures)

from o2r_assistant.config import PROJECT_ROOT, Settings

SHIPPED_CORPUS = PROJECT_ROOT / "corpus"
SHARED_DIR = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shipped_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped corpus indexed once per session with the default embedder."""
    from o2r_assistant.build import build_index
    from o2r_assistant.embeddings import get_embedder

    index_dir = tmp_path_factory.mktemp("shipped-index")
    settings = Settings(corpus_dir=SHIPPED_CORPUS, index_dir=index_dir)
    build_index(settings, get_embedder(settings.embedder))
    return index_dir


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every configurable path at tmp_path; drop the caller's O2R_* settings."""
    for name in list(os.environ):
        if name.startswith("O2R_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("O2R_CORPUS_DIR", str(tmp_path / "corpus"))
    monkeypatch.setenv("O2R_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("O2R_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    shutil.copytree(SHIPPED_CORPUS, tmp_path / "corpus")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings()


@pytest.fixture
def served_index(tmp_path: Path, shipped_index: Path) -> Path:
    """A copy of the prebuilt index in this test's index dir (cheaper than a build)."""
    target = tmp_path / "index"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(shipped_index, target, symlinks=True)
    return target


@pytest.fixture
def assistant(served_index: Path):
    from o2r_assistant.assistant import Assistant

    return Assistant(Settings())


@pytest.fixture(scope="session")
def fake_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped corpus indexed once per session with the fake embedder (seconds)."""
    from o2r_assistant.build import build_index

    index_dir = tmp_path_factory.mktemp("fake-index")
    build_index(Settings(corpus_dir=SHIPPED_CORPUS, index_dir=index_dir), FakeEmbedder())
    return index_dir


@pytest.fixture
def fake_assistant(tmp_path: Path, fake_index: Path):
    """An assistant over the fake-embedder index: for plumbing, not answer quality."""
    from o2r_assistant.assistant import Assistant

    target = tmp_path / "index"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(fake_index, target, symlinks=True)
    return Assistant(Settings(), embedder=FakeEmbedder(), build=True)


@pytest.fixture
def fact_extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the pipeline extracts facts from, in order (a counting spy)."""
    import o2r_assistant.assistant as pipeline
    import o2r_assistant.drafting as drafting

    calls: list[str] = []
    original = pipeline.extract_facts

    def counting(text: str):
        calls.append(text)
        return original(text)

    # The chat extracts in the pipeline; a draft once for the whole e-mail.
    monkeypatch.setattr(pipeline, "extract_facts", counting)
    monkeypatch.setattr(drafting, "extract_facts", counting)
    return calls
