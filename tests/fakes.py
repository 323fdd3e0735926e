"""Test doubles that stand in for the real model where answer quality is not under test."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from o2r_assistant.embeddings import Embedder


class FakeEmbedder(Embedder):
    """Hashed bag of words, L2-normalised: deterministic, instant, no model.

    Texts sharing words get close vectors, so retrieval still finds passages that
    use the question's own words. Its model id gives it its own index collection.
    """

    model_id = "fake-hashed-words"
    dim = 256

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)

    def _vector(self, text: str) -> list[float]:
        vector = np.zeros(self.dim)
        vector[0] = 1e-3  # a text without words still gets a unit vector
        for word in re.findall(r"\w+", text.lower()):
            digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "big") % self.dim] += 1.0
        return (vector / np.linalg.norm(vector)).tolist()
