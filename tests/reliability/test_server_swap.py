"""Server mode (`chroma run`): an assistant opened before a rebuild keeps answering after it, as
in embedded mode, where the previous build is kept for such readers."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromaserver import free_port, start_chroma

from o2r_assistant.assistant import Assistant
from o2r_assistant.build import build_index
from o2r_assistant.config import Settings
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.index import is_current, open_index

from .support import assert_well_formed, record

FORMATION = "Les dépenses de formation sont-elles éligibles ?"
KEEP = "ami-o2r-pays-de-la-loire.md"


@pytest.fixture
def server_settings(settings: Settings, tmp_path: Path, monkeypatch) -> Iterator[Settings]:
    for path in settings.corpus_dir.iterdir():
        if path.name != KEEP:
            path.unlink()
    port = free_port()
    server = start_chroma(tmp_path / "chroma-server", port)
    monkeypatch.setenv("O2R_CHROMA_URL", f"http://127.0.0.1:{port}")
    yield Settings()
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.mark.server
@pytest.mark.slow
def test_an_assistant_opened_before_a_rebuild_keeps_answering(server_settings: Settings) -> None:
    embedder = get_embedder(server_settings.embedder)
    build_index(server_settings, embedder)
    before = Assistant(server_settings)
    (server_settings.corpus_dir / "note.md").write_text(
        "# Note\n\nLa date limite de dépôt est fixée par le préfet.\n", encoding="utf-8"
    )
    build_index(server_settings, embedder)
    record("faults injected", "index rebuilt on the Chroma server under an open assistant")
    answer = before.ask(FORMATION)  # was: IndexUnavailableError, collection does not exist
    assert not answer.abstained and "ne sont pas éligibles" in answer.text
    assert_well_formed(before, answer)
    after = Assistant(server_settings)
    assert is_current(after.index, server_settings, embedder)
    assert any(chunk.doc_id == "note" for chunk in after.index.chunks())
    assert after.ask(FORMATION).text == answer.text
    # Only the previous build is kept, as in embedded mode.
    build_index(server_settings, embedder)
    assert is_current(open_index(server_settings, embedder), server_settings, embedder)
