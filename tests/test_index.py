"""The Chroma index: build, manifest-driven rebuilds, atomic swap, server mode.

Ranking quality lives in test_retrieval.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chromaserver import free_port, start_chroma

from o2r_assistant.build import build_index, ensure_index
from o2r_assistant.config import Settings
from o2r_assistant.embedding_cache import EmbeddingCache, cache_path
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.errors import IndexUnavailableError
from o2r_assistant.index import collection_name, is_current, open_index
from o2r_assistant.retrieval import HybridRetriever

FORMATION = "Les dépenses de formation sont-elles éligibles ?"
KEEP = ("ami-o2r-pays-de-la-loire.md", "decret-2024-584-conventionnement.md")


@pytest.fixture
def small_corpus(settings: Settings) -> Path:
    """Two shipped documents only: builds take a second instead of ten."""
    for path in settings.corpus_dir.iterdir():
        if path.name not in KEEP:
            path.unlink()
    return settings.corpus_dir


def top_texts(settings: Settings, query: str, k: int = 3, mode: str = "hybrid") -> list[str]:
    index = ensure_index(settings, get_embedder(settings.embedder))
    retriever = HybridRetriever(index=index, k=k, mode=mode)
    return [hit.chunk.text for hit in retriever.retrieve(query).hits]


def test_collection_name_carries_model_id():
    assert collection_name("multilingual-e5-small-q4") == "o2r-multilingual-e5-small-q4"
    assert collection_name("st:/tmp/My Model") == "o2r-st-tmp-my-model"


def test_missing_index_is_built_then_served(settings, small_corpus):
    embedder = get_embedder()
    assert open_index(settings, embedder) is None
    index = ensure_index(settings, embedder)
    assert index.manifest.chunks == len(index.chunks()) > 3
    assert index.manifest.embedder_id == embedder.model_id
    refs, matrix = index.sentences()
    assert len(refs) == matrix.shape[0] > index.manifest.chunks
    assert is_current(index, settings, embedder)


def test_corpus_change_triggers_rebuild(settings, small_corpus):
    embedder = get_embedder()
    index = ensure_index(settings, embedder)
    assert is_current(index, settings, embedder)
    (settings.corpus_dir / "faq.md").write_text(
        "# FAQ\n\nLa date limite de dépôt des candidatures est fixée par le préfet.",
        encoding="utf-8",
    )
    assert not is_current(open_index(settings, embedder), settings, embedder)
    rebuilt = ensure_index(settings, embedder)
    assert is_current(rebuilt, settings, embedder)
    assert any(c.doc_id == "faq" for c in rebuilt.chunks())


def test_model_change_uses_its_own_collection(settings, small_corpus):
    e5 = get_embedder()
    ensure_index(settings, e5)
    minilm = get_embedder("minilm")
    assert open_index(settings, minilm) is None  # never built for this model
    index = ensure_index(settings, minilm)
    assert index.name == "o2r-all-minilm-l6-v2"
    assert index.manifest.embedder_id == "all-MiniLM-L6-v2"
    # The e5 index is untouched and still current.
    assert is_current(open_index(settings, e5), settings, e5)


def test_failed_build_keeps_previous_index(settings, served_index, monkeypatch):
    embedder = get_embedder()
    before = open_index(settings, embedder)
    (settings.corpus_dir / "extra.md").write_text("Un document ajouté.", encoding="utf-8")

    def explode(texts):
        raise RuntimeError("simulated crash while embedding")

    monkeypatch.setattr(embedder, "embed_documents", explode)
    with pytest.raises(RuntimeError):
        build_index(settings, embedder)
    monkeypatch.undo()
    after = open_index(settings, embedder)
    assert after is not None and after.manifest == before.manifest
    assert len(after.chunks()) == before.manifest.chunks


def test_killed_build_leaves_previous_index_serving(settings, small_corpus):
    """A real process, killed with SIGKILL in the middle of a build."""
    embedder = get_embedder()
    before = ensure_index(settings, embedder).manifest
    big = settings.corpus_dir / "big.md"
    big.write_text(
        "\n\n".join(f"Paragraphe numéro {i} sur l'insertion." for i in range(2000)),
        encoding="utf-8",
    )
    env = {**os.environ, "O2R_CORPUS_DIR": str(settings.corpus_dir)}
    env["O2R_INDEX_DIR"] = str(settings.index_dir)
    proc = subprocess.Popen(
        [sys.executable, "-m", "o2r_assistant", "index", "--rebuild"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    builds = settings.index_dir / "builds"
    cache = EmbeddingCache(cache_path(settings, collection_name(embedder.model_id)), "")
    cached_before = len(cache)
    deadline = time.monotonic() + 60
    # Killed once some batches of the new document are embedded and cached.
    while time.monotonic() < deadline and len(cache) <= cached_before:
        time.sleep(0.05)
    proc.kill()
    proc.wait(timeout=10)
    assert list(builds.glob(".tmp-*")), "the build should have been interrupted mid-way"
    assert len(cache) > cached_before  # the killed build's work is kept for the next one
    cache.close()
    served = open_index(settings, embedder)
    assert served.manifest == before
    assert not is_current(served, settings, embedder)  # the next start will rebuild
    big.write_text("Un court document ajouté.", encoding="utf-8")  # keeps the rebuild quick
    index = ensure_index(settings, embedder)
    assert is_current(index, settings, embedder)
    assert not list(builds.glob(".tmp-*")), "abandoned build directories are cleaned"


# ---------------------------------------------------------------- server mode


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    data = tmp_path / "chroma-server"
    proc = start_chroma(data, port)
    server = {"proc": proc, "port": port, "path": data}
    yield server
    server["proc"].terminate()
    try:
        server["proc"].wait(timeout=10)
    except subprocess.TimeoutExpired:
        server["proc"].kill()


@pytest.mark.server
def test_server_mode_index_and_search(chroma_server, small_corpus, monkeypatch):
    monkeypatch.setenv("O2R_CHROMA_URL", f"http://127.0.0.1:{chroma_server['port']}")
    settings = Settings()
    embedder = get_embedder()
    assert open_index(settings, embedder) is None
    index = ensure_index(settings, embedder)
    assert is_current(index, settings, embedder)
    assert "Les dépenses de formation ne sont pas éligibles" in top_texts(settings, FORMATION)[0]
    # A rebuild swaps the collection in place on the server.
    build_index(settings, embedder)
    assert is_current(open_index(settings, embedder), settings, embedder)


@pytest.mark.server
def test_server_down_gives_clear_error_then_recovers(chroma_server, small_corpus, monkeypatch):
    monkeypatch.setenv("O2R_CHROMA_URL", f"http://127.0.0.1:{chroma_server['port']}")
    monkeypatch.setenv("O2R_CHROMA_TIMEOUT_S", "2")
    settings = Settings()
    embedder = get_embedder()
    index = ensure_index(settings, embedder)
    retriever = HybridRetriever(index=index, k=3)
    assert retriever.retrieve(FORMATION).hits

    chroma_server["proc"].terminate()
    chroma_server["proc"].wait(timeout=10)
    started = time.monotonic()
    with pytest.raises(IndexUnavailableError) as caught:
        retriever.retrieve(FORMATION)
    assert time.monotonic() - started < 10
    assert "chroma run" in caught.value.message_fr
    with pytest.raises(IndexUnavailableError):
        open_index(settings, embedder)

    chroma_server["proc"] = start_chroma(chroma_server["path"], chroma_server["port"])
    index = ensure_index(settings, embedder)
    assert HybridRetriever(index=index, k=3).retrieve(FORMATION).hits


def test_unreachable_server_url_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("O2R_CHROMA_URL", f"http://127.0.0.1:{free_port()}")
    with pytest.raises(IndexUnavailableError, match="unreachable"):
        open_index(Settings(), get_embedder())


def test_index_dir_can_be_removed_and_rebuilt(settings, small_corpus):
    ensure_index(settings, get_embedder())
    shutil.rmtree(settings.index_dir)
    index = ensure_index(settings, get_embedder())
    assert index.manifest.chunks > 3
