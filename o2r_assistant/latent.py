"""Latent terms: a sparse similarity learnt by the embedder, beside its dense one.

The default model ships a sparse head (a top-k autoencoder over its token states):
a text becomes a few hundred weighted features, max-pooled over its tokens. The
features are learnt, not listed, so they relate wording that shares no word with
the texts, where hand-written synonym tables did not carry over to new phrasings.
A sentence's latent terms are computed when the index is built, into the
embedding cache, and read from it when an index is first served; a question's are
computed beside its dense vector (``HybridRetriever.retrieve``).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from .embedding_cache import EmbeddingCache, cache_path
from .embeddings import Embedder, Latent
from .index import VectorIndex

log = logging.getLogger(__name__)


def store(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache) -> dict[bytes, Latent]:
    """The texts' latent terms by cache key, computing into ``cache`` those it lacks
    (none for an embedder without a latent head)."""
    if not embedder.latent_dim:
        return {}
    keys = [cache.key(t) for t in texts]
    known = cache.get_latent_many(keys)
    todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in known}
    if todo:
        fresh = dict(zip(todo, embedder.latent_documents(list(todo.values())), strict=True))
        cache.put_latent_many(fresh.items())
        known.update(fresh)
    return known


def sentence_latents(index: VectorIndex) -> csr_matrix | None:
    """Unit latent-term rows of the index's sentences, in ``index.sentences()`` order;
    None when the embedder has no latent head."""
    return index.memo("latent", lambda: _load(index))


def _load(index: VectorIndex) -> csr_matrix | None:
    embedder = index.embedder
    if not embedder.latent_dim:
        return None
    texts = index.sentence_texts()
    try:
        cache = EmbeddingCache(cache_path(index.settings, index.served_name), embedder.model_id)
    except (OSError, sqlite3.Error) as err:  # a read-only index directory
        log.warning("embedding cache unavailable (%s); computing latent terms in memory", err)
        return _rows(embedder.latent_documents(texts), embedder.latent_dim)
    try:
        found = store(texts, embedder, cache)
        return _rows([found[cache.key(t)] for t in texts], embedder.latent_dim)
    finally:
        cache.close()


def _rows(latents: Sequence[Latent], dim: int) -> csr_matrix:
    indptr = np.cumsum([0, *(len(ids) for ids, _ in latents)])
    ids = np.concatenate([ids for ids, _ in latents]) if latents else np.zeros(0, np.int32)
    weights = np.concatenate([unit(w) for _, w in latents]) if latents else np.zeros(0)
    return csr_matrix((weights.astype(np.float32), ids, indptr), shape=(len(latents), dim))


def unit(weights: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(weights))
    return weights / norm if norm else weights


def similarities(index: VectorIndex, query: Latent | None) -> np.ndarray | None:
    """Cosine of the question's latent terms with each sentence's (one per row)."""
    rows = sentence_latents(index)
    if rows is None or query is None:
        return None
    ids, weights = query
    vector = np.zeros(rows.shape[1], dtype=np.float32)
    vector[ids] = unit(weights)
    return np.asarray(rows @ vector).reshape(-1)
