"""Latent terms: the default model's sparse head, stored at build time, read when served."""

from __future__ import annotations

import numpy as np
import pytest
from fakes import FakeEmbedder

from o2r_assistant import latent
from o2r_assistant.embedding_cache import EmbeddingCache
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.retrieval import (
    DENSE_WEIGHT,
    LATENT_LEG_WEIGHT,
    LEXICAL_WEIGHT,
    RRF_K,
    LatentLeg,
)


def _cosine(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> float:
    shared, ia, ib = np.intersect1d(a[0], b[0], return_indices=True)
    return float(latent.unit(a[1])[ia] @ latent.unit(b[1])[ib]) if len(shared) else 0.0


@pytest.mark.parametrize(
    ("question", "answer", "other"),
    [
        (
            "c'est quoi le plancher financier du projet ?",
            "Le coût total du projet ne pourra pas être inférieur à 150 000 euros sur trois ans.",
            "La demande peut être déposée par voie dématérialisée.",
        ),
        (
            "Faut-il avoir déjà fait ses preuves pour aller chercher les publics ?",
            "Le candidat doit disposer d'une expertise avérée dans le repérage des publics.",
            "Les projets sont choisis selon les critères suivants.",
        ),
    ],
)
def test_latent_terms_relate_a_paraphrase_more_than_an_unrelated_sentence(question, answer, other):
    embedder = get_embedder()
    assert embedder.latent_dim > 0
    asked = embedder.latent_query(question)
    good, bad = embedder.latent_documents([answer, other])
    assert 0 < len(good[0]) <= 256
    assert _cosine(asked, good) > _cosine(asked, bad) + 0.05


def test_the_served_index_reads_latent_terms_the_build_stored(assistant, monkeypatch):
    embedder = assistant.index.embedder

    def not_again(texts):
        raise AssertionError("the build should have stored these latent terms")

    monkeypatch.setattr(embedder, "latent_documents", not_again)
    rows = latent.sentence_latents(assistant.index)
    refs, _ = assistant.index.sentences()
    assert rows.shape == (len(refs), embedder.latent_dim)
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).reshape(-1))
    assert np.allclose(norms, 1.0, atol=1e-5)


def test_a_question_gets_its_latent_terms_with_its_vector(assistant):
    result = assistant.retriever.retrieve("Quel est le budget minimum ?")
    assert result.latent is not None
    sims = latent.similarities(assistant.index, result.latent)
    assert sims.shape == (len(assistant.index.sentences()[0]),)


def test_the_latent_terms_are_a_third_leg_of_the_fusion(assistant):
    result = assistant.retriever.retrieve(
        "Notre offre ressemble à celle de la mission locale", k=10
    )
    hits = result.hits
    assert any(h.latent_rank is not None for h in hits)
    for hit in hits:
        legs = (
            (hit.dense_rank, DENSE_WEIGHT),
            (hit.lexical_rank, LEXICAL_WEIGHT),
            (hit.latent_rank, LATENT_LEG_WEIGHT),
        )
        expected = sum(w / (RRF_K + rank) for rank, w in legs if rank is not None)
        assert hit.score == pytest.approx(expected)
    # A passage's latent score is its best sentence's.
    sims = latent.similarities(assistant.index, result.latent)
    refs, _ = assistant.index.sentences()
    ranking = LatentLeg(assistant.index).rank(sims, 3)
    for chunk_id, (_, score) in ranking.items():
        rows = [i for i, r in enumerate(refs) if r.chunk_id == chunk_id]
        assert score == pytest.approx(float(sims[rows].max()))
    assert max(score for _, score in ranking.values()) == pytest.approx(float(sims.max()))


def test_an_embedder_without_a_latent_head_scores_on_its_vectors_alone(fake_assistant):
    assert FakeEmbedder().latent_dim == 0
    assert latent.sentence_latents(fake_assistant.index) is None
    answer = fake_assistant.ask("Quel est le budget minimum du projet ?")
    assert answer.citations


def test_the_cache_keeps_latent_terms_of_retained_texts_only(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite3", "model")
    kept, dropped = cache.key("kept"), cache.key("dropped")
    terms = (np.array([3, 7], dtype=np.int32), np.array([0.5, 0.25], dtype=np.float32))
    cache.put_latent_many([(kept, terms), (dropped, terms)])
    cache.retain([kept])
    found = cache.get_latent_many([kept, dropped])
    assert list(found) == [kept]
    assert found[kept][0].tolist() == [3, 7] and found[kept][1].tolist() == [0.5, 0.25]
    cache.close()


def test_a_definition_question_leads_with_the_entry_defining_its_term(assistant):
    answer = assistant.ask("Ça veut dire quoi « droit commun » dans l'appel ?")
    assert "dispositifs ordinaires" in answer.text.split("\n\n")[0]


def test_a_second_quote_is_judged_without_the_latent_share(assistant):
    # The law's sentence adds the legal basis; the latent share of the decree's sentence
    # alone would put it below the cut-off for a further quote.
    answer = assistant.ask("Les personnes accompagnées peuvent-elles être rémunérées ?")
    assert "L. 6341-1" in answer.text


def test_texts_shared_across_engines_come_back_in_order():
    embedder = get_embedder()
    texts = [
        "Le coût total du projet ne pourra pas être inférieur à 150 000 euros.",
        "La demande peut être déposée par voie dématérialisée.",
        "Le parcours dure au plus douze mois.",
    ]
    together = embedder.latent_documents(texts)
    for text, terms in zip(texts, together, strict=True):
        (alone,) = embedder.latent_documents([text])
        assert terms[0].tolist() == alone[0].tolist()
