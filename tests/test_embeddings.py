"""Both embedding backends, for real, and their errors when a model is missing."""

from __future__ import annotations

import numpy as np
import pytest

from o2r_assistant.embeddings import get_embedder
from o2r_assistant.errors import EmbedderError

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
