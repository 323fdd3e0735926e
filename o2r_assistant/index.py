"""The Chroma vector index: build, swap in atomically, detect staleness, search.

Embedded mode (default): each build (a *generation*) is a fresh directory under
``<index_dir>/builds/``: a Chroma store holding the passages, and the sentence
vectors as ``sentences.npy`` + ``sentences.json`` (they are read back whole,
never searched, so Chroma does not index them). A symlink
``<index_dir>/<collection>.current`` points at the one being served and is
replaced atomically once a build completes. A build killed halfway leaves only
an unreferenced temporary directory, so the previous index keeps serving.
A reader holds a shared lock on the generation's ``readers.lock`` while it
queries it (``VectorIndex.reading``), in this process or another; a build
deletes an older generation only under the exclusive lock, so never one that
an answer in flight still reads: Chroma fails on a directory deleted under it.

Server mode (``O2R_CHROMA_URL``): a build fills temporary collections (the
sentences in a second collection: the server has no shared disk), then they
take the served names.

Every vector (a passage's, each of its sentences') is kept in an embedding
cache keyed by embedder and text (``<index_dir>/cache/``), so a build
re-embeds only new text.

The manifest (corpus hash, embedder id, chunker version, layout, generation) is
stored in the collection's metadata, so it can never disagree with the data it
describes.

Builds are made by ``build``; the embedding cache lives in ``embedding_cache``.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from .config import Settings
from .corpus import CHUNKER_VERSION, Chunk, corpus_hash
from .embeddings import Embedder
from .errors import IndexUnavailableError, O2RError

log = logging.getLogger(__name__)
T = TypeVar("T")

# How vectors are computed and stored; a build of another layout is rebuilt.
LAYOUT = "2-sentences-npy"
SENTENCES_NPY = "sentences.npy"
SENTENCES_JSON = "sentences.json"
READERS_LOCK = "readers.lock"


@dataclass(frozen=True)
class Manifest:
    corpus_hash: str
    embedder_id: str
    chunker_version: str
    chunks: int
    documents: int
    built_at: str
    layout: str = LAYOUT
    generation: str = ""

    def to_metadata(self) -> dict[str, str | int]:
        return {f"o2r_{k}": v for k, v in asdict(self).items()}

    @classmethod
    def from_metadata(cls, meta: dict | None) -> Manifest | None:
        meta = meta or {}
        try:
            return cls(**{k: meta[f"o2r_{k}"] for k in cls.__dataclass_fields__})
        except KeyError:
            return None


@dataclass(frozen=True)
class SentenceRef:
    """One sentence of a chunk; offsets are in the document's text, like the chunk's."""

    chunk_id: str
    start: int
    end: int


def collection_name(embedder_id: str) -> str:
    """Chroma allows [a-zA-Z0-9._-], 3–512 chars, alphanumeric at both ends."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", embedder_id).strip("-._")
    return f"o2r-{slug}".lower()


def _chroma_settings() -> ChromaSettings:
    """Telemetry would try to reach the internet: off in both modes. A fresh object
    each time, because HttpClient writes the server's host and port into it."""
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


# ---------------------------------------------------------------- clients


def _http_client(settings: Settings):
    url = urlparse(settings.chroma_url or "")
    if not url.hostname:
        raise IndexUnavailableError(
            f"invalid O2R_CHROMA_URL {settings.chroma_url!r}",
            f"adresse du serveur Chroma invalide : {settings.chroma_url!r}",
        )
    try:
        client = chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=_chroma_settings(),
        )
        # The client ships with no HTTP timeout; a hung server would hang every answer.
        session = getattr(getattr(client, "_server", None), "_session", None)
        if session is not None:
            session.timeout = settings.chroma_timeout_s
        client.heartbeat()
    except O2RError:
        raise
    except Exception as err:
        raise _server_down(settings, err) from err
    return client


def _server_down(settings: Settings, err: Exception) -> IndexUnavailableError:
    return IndexUnavailableError(
        f"Chroma server at {settings.chroma_url} is unreachable: {type(err).__name__}: {err}",
        f"le serveur d'index Chroma ({settings.chroma_url}) ne répond pas ; "
        "vérifiez qu'il est démarré (`chroma run`) ou retirez O2R_CHROMA_URL",
    )


# Chroma shares one system per path across clients, and creating it is not
# thread-safe: sessions picking up a new generation at once must not race.
_CLIENT_LOCK = threading.Lock()


def _persistent_client(path: Path):
    try:
        with _CLIENT_LOCK:
            return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())
    except Exception as err:
        raise IndexUnavailableError(
            f"cannot open Chroma index at {path}: {err}",
            f"impossible d'ouvrir l'index {path} ; relancez `o2r index --rebuild`",
        ) from err


def sentence_collection_name(name: str) -> str:
    return f"{name}-sentences"


def _pointer(settings: Settings, name: str) -> Path:
    return settings.index_dir / f"{name}.current"


class GenerationGoneError(IndexUnavailableError):
    """A build deleted this generation before a reader could hold it."""

    def __init__(self, generation: str) -> None:
        super().__init__(
            f"index generation {generation} was deleted by a build",
            "l'index a été reconstruit pendant la question ; reposez-la",
        )


@contextlib.contextmanager
def _readers_lock(path: Path, operation: int):
    """Hold ``flock(operation)`` on a build directory's readers lock for the block (created
    if missing: a build made before the lock existed). FileNotFoundError if the directory
    is gone."""
    fd = os.open(path / READERS_LOCK, os.O_RDONLY | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, operation)
        yield
    finally:
        os.close(fd)


def retire_generation(path: Path) -> bool:
    """Delete a build directory no reader holds, and say so; one being read is left for a
    later build. It is renamed out of the readers' way first, under the exclusive lock, so
    a reader waiting for that lock finds it gone rather than half deleted."""
    trash = path.with_name(f".tmp-retired-{path.name}")  # a leftover goes with abandoned builds
    try:
        with _readers_lock(path, fcntl.LOCK_EX | fcntl.LOCK_NB):
            path.rename(trash)
    except BlockingIOError:
        return False
    shutil.rmtree(trash, ignore_errors=True)
    return True


# ---------------------------------------------------------------- reading


class VectorIndex:
    """A built, served index for one embedder: one generation of it."""

    def __init__(
        self,
        client,
        collection,
        sentences,
        embedder: Embedder,
        settings: Settings,
        path: Path | None = None,
    ) -> None:
        self.client = client
        self.collection = collection
        # The sentence collection: server mode, or a build of an older layout.
        self.sentence_collection = sentences
        self.embedder = embedder
        self.settings = settings
        self.path = path  # the build directory (embedded mode)
        self.manifest = Manifest.from_metadata(collection.metadata)
        self.served_name = collection_name(embedder.model_id)
        self.generation = path.name if path is not None else str(collection.id)
        self._memo: dict[Hashable, Any] = {}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value derived from this generation's contents, computed on first use.

        What is read from the store (chunks, sentence vectors) and what readers derive
        from it (chunks by id, which sentences give an amount…) only changes with a new
        generation; two threads may both compute one, harmlessly.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def name(self) -> str:
        return self.collection.name

    def newest_generation(self) -> str | None:
        """The generation served now under this index's name (one readlink, or one server
        call): when it differs from ``generation``, a build has swapped a newer one in."""
        if self.path is None:
            return self.guarded(lambda: str(self.client.get_collection(self.served_name).id))
        try:
            return Path(os.readlink(_pointer(self.settings, self.served_name))).name
        except OSError:
            return None

    def chunks(self) -> list[Chunk]:
        """Every chunk, in corpus order (for lexical search and listings)."""
        return self.memo("chunks", self._load_chunks)

    def _load_chunks(self) -> list[Chunk]:
        data = self.guarded(lambda: self.collection.get(include=["documents", "metadatas"]))
        chunks = [
            Chunk.from_metadata(cid, text, meta)
            for cid, text, meta in zip(
                data["ids"], data["documents"], data["metadatas"], strict=True
            )
        ]
        chunks.sort(key=lambda c: (c.doc_id, c.start))
        return chunks

    def sentences(self) -> tuple[list[SentenceRef], np.ndarray]:
        """Every sentence of the corpus and its unit embedding (one row each)."""
        return self.memo("sentences", self._load_sentences)

    def _load_sentences(self) -> tuple[list[SentenceRef], np.ndarray]:
        if self.path is not None and (self.path / SENTENCES_NPY).exists():
            return self.guarded(lambda: _read_sentences(self.path))
        data = self.guarded(
            lambda: self.sentence_collection.get(include=["metadatas", "embeddings"])
        )
        refs = [
            SentenceRef(str(m["chunk_id"]), int(m["start"]), int(m["end"]))
            for m in data["metadatas"]
        ]
        matrix = np.asarray(data["embeddings"], dtype=np.float32).reshape(len(refs), -1)
        return refs, matrix

    def sentence_texts(self) -> list[str]:
        """Every sentence's text, in ``sentences()`` order: what the build embedded."""

        def compute() -> list[str]:
            by_id = {c.chunk_id: c for c in self.chunks()}
            texts = []
            for ref in self.sentences()[0]:
                chunk = by_id.get(ref.chunk_id)
                start = chunk.start if chunk else 0
                texts.append(chunk.text[ref.start - start : ref.end - start] if chunk else "")
            return texts

        return self.memo("sentence_texts", compute)

    def chunk_vectors(self) -> dict[str, np.ndarray]:
        """Every passage's unit embedding, by chunk id."""
        return self.memo("chunk_vectors", self._load_chunk_vectors)

    def _load_chunk_vectors(self) -> dict[str, np.ndarray]:
        data = self.guarded(lambda: self.collection.get(include=["embeddings"]))
        vectors = np.asarray(data["embeddings"], dtype=np.float32)
        return dict(zip(data["ids"], vectors, strict=True))

    def collection_count(self) -> int:
        return self.guarded(self.collection.count)

    def langchain_store(self):
        """The same collection as a ``langchain_chroma.Chroma`` vector store."""
        from langchain_chroma import Chroma

        return Chroma(
            client=self.client,
            collection_name=self.collection.name,
            embedding_function=self.embedder,
        )

    @contextlib.contextmanager
    def reading(self):
        """Keep this generation on disk for the block, whatever builds swap in meanwhile
        (embedded mode; on a server a build keeps the previous one). GenerationGoneError
        if a build deleted it before."""
        if self.path is None:
            yield
            return
        with contextlib.ExitStack() as held:
            try:
                held.enter_context(_readers_lock(self.path, fcntl.LOCK_SH))
            except FileNotFoundError:
                raise GenerationGoneError(self.generation) from None
            if not self.path.is_dir():  # retired while this reader waited for the lock
                raise GenerationGoneError(self.generation)
            yield

    def guarded(self, fn):
        """Run a store call, turning any failure into an error users can act on."""
        try:
            return fn()
        except Exception as err:
            if self.settings.chroma_url:
                raise _server_down(self.settings, err) from err
            raise IndexUnavailableError(
                f"index query failed: {type(err).__name__}: {err}",
                "l'index est inutilisable ; relancez `o2r index --rebuild`",
            ) from err


def _read_sentences(path: Path) -> tuple[list[SentenceRef], np.ndarray]:
    columns = json.loads((path / SENTENCES_JSON).read_text(encoding="utf-8"))
    refs = [
        SentenceRef(cid, start, end)
        for cid, start, end in zip(
            columns["chunk_id"], columns["start"], columns["end"], strict=True
        )
    ]
    matrix = np.load(path / SENTENCES_NPY, allow_pickle=False)
    if matrix.shape[0] != len(refs):
        raise ValueError(f"{len(refs)} sentences but {matrix.shape[0]} vectors in {path}")
    return refs, matrix


def _write_sentences(path: Path, refs: list[SentenceRef], matrix: np.ndarray) -> None:
    columns = {
        "chunk_id": [r.chunk_id for r in refs],
        "start": [r.start for r in refs],
        "end": [r.end for r in refs],
    }
    (path / SENTENCES_JSON).write_text(json.dumps(columns), encoding="utf-8")
    np.save(path / SENTENCES_NPY, np.ascontiguousarray(matrix, dtype=np.float32))


def open_index(settings: Settings, embedder: Embedder) -> VectorIndex | None:
    """The served index for this embedder, or None if none was ever built."""
    name = collection_name(embedder.model_id)
    if settings.chroma_url:
        return _open_on_server(settings, embedder, name)
    pointer = _pointer(settings, name)
    if not pointer.is_symlink() or not pointer.resolve().is_dir():
        return None
    path = pointer.resolve()
    client = _persistent_client(path)
    try:
        collection = client.get_collection(name)
        sentences = None
        if not (path / SENTENCES_NPY).exists():  # a build of the previous layout
            sentences = client.get_collection(sentence_collection_name(name))
    except Exception:
        log.warning("index at %s has no collection %s; treating as missing", pointer, name)
        return None
    return VectorIndex(client, collection, sentences, embedder, settings, path=path)


def _open_on_server(settings: Settings, embedder: Embedder, name: str) -> VectorIndex | None:
    client = _http_client(settings)
    # The two served names are taken one after the other by a build: open a matching pair.
    for _ in range(40):
        try:
            collection = client.get_collection(name)
            sentences = client.get_collection(sentence_collection_name(name))
        except Exception as err:
            if "does not exist" in str(err).lower() or "notfound" in type(err).__name__.lower():
                return None
            raise _server_down(settings, err) from err
        generations = {(c.metadata or {}).get("o2r_generation") for c in (collection, sentences)}
        if len(generations) == 1:
            break
        time.sleep(0.05)
    return VectorIndex(client, collection, sentences, embedder, settings)


def expected_manifest_key(settings: Settings, embedder: Embedder) -> tuple[str, str, str, str]:
    return (corpus_hash(settings.corpus_dir), embedder.model_id, CHUNKER_VERSION, LAYOUT)


def is_current(index: VectorIndex | None, settings: Settings, embedder: Embedder) -> bool:
    if index is None or index.manifest is None:
        return False
    m = index.manifest
    return (m.corpus_hash, m.embedder_id, m.chunker_version, m.layout) == expected_manifest_key(
        settings, embedder
    )
