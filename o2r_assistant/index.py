"""The Chroma vector index: build, swap in atomically, detect staleness, search.

Embedded mode (default): each build is a fresh Chroma directory under
``<index_dir>/builds/``; a symlink ``<index_dir>/<collection>.current`` points
at the one being served and is replaced atomically once a build completes. A
build killed halfway leaves only an unreferenced temporary directory, so the
previous index keeps serving.

Server mode (``O2R_CHROMA_URL``): a build fills a temporary collection, then
takes the served name.

The manifest (corpus hash, embedder id, chunker version) is stored in the
collection's metadata, so it can never disagree with the data it describes.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
import shutil
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from .config import Settings
from .corpus import (
    CHUNKER_VERSION,
    Chunk,
    chunk_documents,
    corpus_hash,
    load_corpus,
    split_sentences,
)
from .embeddings import Embedder
from .errors import IndexUnavailableError, O2RError
from .progress import Progress

log = logging.getLogger(__name__)

BATCH_SIZE = 64


@dataclass(frozen=True)
class Manifest:
    corpus_hash: str
    embedder_id: str
    chunker_version: str
    chunks: int
    documents: int
    built_at: str

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
class BuildReport:
    manifest: Manifest
    seconds: float
    skipped_files: list[str]


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


def _persistent_client(path: Path):
    try:
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


# ---------------------------------------------------------------- reading


class VectorIndex:
    """A built, served index for one embedder."""

    def __init__(
        self, client, collection, sentences, embedder: Embedder, settings: Settings
    ) -> None:
        self.client = client
        self.collection = collection
        self.sentence_collection = sentences
        self.embedder = embedder
        self.settings = settings
        self.manifest = Manifest.from_metadata(collection.metadata)
        self._chunks: list[Chunk] | None = None
        self._sentences: tuple[list[SentenceRef], np.ndarray] | None = None
        self._chunk_vectors: dict[str, np.ndarray] | None = None

    @property
    def name(self) -> str:
        return self.collection.name

    def chunks(self) -> list[Chunk]:
        """Every chunk, in corpus order (for lexical search and listings)."""
        if self._chunks is None:
            data = self.guarded(lambda: self.collection.get(include=["documents", "metadatas"]))
            chunks = [
                Chunk.from_metadata(cid, text, meta)
                for cid, text, meta in zip(
                    data["ids"], data["documents"], data["metadatas"], strict=True
                )
            ]
            chunks.sort(key=lambda c: (c.doc_id, c.start))
            self._chunks = chunks
        return self._chunks

    def sentences(self) -> tuple[list[SentenceRef], np.ndarray]:
        """Every sentence of the corpus and its unit embedding (one row each)."""
        if self._sentences is None:
            data = self.guarded(
                lambda: self.sentence_collection.get(include=["metadatas", "embeddings"])
            )
            refs = [
                SentenceRef(str(m["chunk_id"]), int(m["start"]), int(m["end"]))
                for m in data["metadatas"]
            ]
            matrix = np.asarray(data["embeddings"], dtype=np.float32).reshape(len(refs), -1)
            self._sentences = (refs, matrix)
        return self._sentences

    def chunk_vectors(self) -> dict[str, np.ndarray]:
        """Every passage's unit embedding, by chunk id."""
        if self._chunk_vectors is None:
            data = self.guarded(lambda: self.collection.get(include=["embeddings"]))
            vectors = np.asarray(data["embeddings"], dtype=np.float32)
            self._chunk_vectors = dict(zip(data["ids"], vectors, strict=True))
        return self._chunk_vectors

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


def open_index(settings: Settings, embedder: Embedder) -> VectorIndex | None:
    """The served index for this embedder, or None if none was ever built."""
    name = collection_name(embedder.model_id)
    if settings.chroma_url:
        client = _http_client(settings)
        try:
            collection = client.get_collection(name)
            sentences = client.get_collection(sentence_collection_name(name))
        except Exception as err:
            if "does not exist" in str(err).lower() or "notfound" in type(err).__name__.lower():
                return None
            raise _server_down(settings, err) from err
        return VectorIndex(client, collection, sentences, embedder, settings)
    pointer = _pointer(settings, name)
    if not pointer.is_symlink() or not pointer.resolve().is_dir():
        return None
    client = _persistent_client(pointer.resolve())
    try:
        collection = client.get_collection(name)
        sentences = client.get_collection(sentence_collection_name(name))
    except Exception:
        log.warning("index at %s has no collection %s; treating as missing", pointer, name)
        return None
    return VectorIndex(client, collection, sentences, embedder, settings)


def expected_manifest_key(settings: Settings, embedder: Embedder) -> tuple[str, str, str]:
    return (corpus_hash(settings.corpus_dir), embedder.model_id, CHUNKER_VERSION)


def is_current(index: VectorIndex | None, settings: Settings, embedder: Embedder) -> bool:
    if index is None or index.manifest is None:
        return False
    m = index.manifest
    return (m.corpus_hash, m.embedder_id, m.chunker_version) == expected_manifest_key(
        settings, embedder
    )


def ensure_index(
    settings: Settings, embedder: Embedder, progress: Progress | None = None
) -> VectorIndex:
    """Serve the index, rebuilding it first if it is missing or stale."""
    index = open_index(settings, embedder)
    if is_current(index, settings, embedder):
        return index
    log.info("index missing or stale for %s; building", embedder.model_id)
    build_index(settings, embedder, progress=progress)
    index = open_index(settings, embedder)
    if index is None:
        raise IndexUnavailableError(
            "index build finished but the index cannot be opened",
            "l'index vient d'être construit mais ne peut pas être ouvert",
        )
    return index


# ---------------------------------------------------------------- building


@contextlib.contextmanager
def _build_lock(settings: Settings):
    """One build at a time per index directory, across processes."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.index_dir / ".build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_index(
    settings: Settings, embedder: Embedder, progress: Progress | None = None
) -> BuildReport:
    """Load, chunk and embed the corpus, then swap the new index in."""
    started = time.perf_counter()
    with _build_lock(settings):
        loaded = load_corpus(settings.corpus_dir)
        if not loaded.documents:
            raise IndexUnavailableError(
                f"no readable document in {settings.corpus_dir}",
                f"aucun document lisible dans {settings.corpus_dir}",
            )
        chunks = chunk_documents(loaded.documents)
        manifest = Manifest(
            corpus_hash=corpus_hash(settings.corpus_dir),
            embedder_id=embedder.model_id,
            chunker_version=CHUNKER_VERSION,
            chunks=len(chunks),
            documents=len(loaded.documents),
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        name = collection_name(embedder.model_id)
        if settings.chroma_url:
            _build_on_server(settings, embedder, name, chunks, manifest, progress)
        else:
            _build_embedded(settings, embedder, name, chunks, manifest, progress)
    seconds = time.perf_counter() - started
    log.info("built index %s: %d chunks in %.2fs", name, len(chunks), seconds)
    return BuildReport(manifest, seconds, [str(e) for e in loaded.errors])


def _fill(client, names: tuple[str, str], manifest, embedder, chunks, progress) -> None:
    """Embed chunks and their sentences into two new collections."""
    metadata = {"hnsw:space": "cosine", **manifest.to_metadata()}
    collection = client.create_collection(names[0], metadata=metadata)
    sentence_collection = client.create_collection(names[1], metadata=metadata)
    for i in range(0, len(chunks), BATCH_SIZE):
        batch = chunks[i : i + BATCH_SIZE]
        collection.add(
            ids=[c.chunk_id for c in batch],
            documents=[c.text for c in batch],
            metadatas=[c.metadata() for c in batch],
            embeddings=embedder.embed_documents([c.embed_text for c in batch]),
        )
        spans = [(c, a, b) for c in batch for a, b in split_sentences(c.text) if b - a > 1]
        if spans:
            sentence_collection.add(
                ids=[f"{c.chunk_id}:{a}" for c, a, _ in spans],
                metadatas=[
                    {"chunk_id": c.chunk_id, "start": c.start + a, "end": c.start + b}
                    for c, a, b in spans
                ],
                embeddings=embedder.embed_documents([c.text[a:b] for c, a, b in spans]),
            )
        if progress:
            progress(min(i + BATCH_SIZE, len(chunks)), len(chunks))


def _build_embedded(settings, embedder, name, chunks, manifest, progress) -> None:
    builds = settings.index_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(builds)
    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = builds / f".tmp-{name}-{stamp}"
    client = _persistent_client(tmp)
    _fill(client, (name, sentence_collection_name(name)), manifest, embedder, chunks, progress)
    del client
    final = builds / f"{name}-{stamp}"
    tmp.rename(final)
    pointer = _pointer(settings, name)
    previous = pointer.resolve() if pointer.is_symlink() else None
    link = settings.index_dir / f".{name}.{stamp}.link"
    link.symlink_to(Path("builds") / final.name)
    os.replace(link, pointer)  # atomic: readers see the old or the new build, never half
    _prune_builds(builds, name, keep={final, previous})


def _remove_abandoned_builds(builds: Path) -> None:
    """Temporary directories left by killed builds (the build lock is held here)."""
    for path in builds.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)


def _prune_builds(builds: Path, name: str, keep: set) -> None:
    # The previous build is kept: a reader that opened it before the swap keeps working.
    for path in builds.glob(f"{name}-*"):
        if path not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _build_on_server(settings, embedder, name, chunks, manifest, progress) -> None:
    client = _http_client(settings)
    final = (name, sentence_collection_name(name))
    tmp = tuple(f"{n}-build-{os.getpid()}" for n in final)
    try:
        for n in tmp:
            with contextlib.suppress(Exception):
                client.delete_collection(n)
        _fill(client, tmp, manifest, embedder, chunks, progress)
        # Chroma has no atomic rename-over: the swap leaves a window of a few ms.
        # The served collections are renamed, not deleted: readers hold them by id, so
        # an assistant opened before the swap keeps working, as in embedded mode.
        for old, new in zip(tmp, final, strict=True):
            previous = f"{new}-previous"
            with contextlib.suppress(Exception):
                client.delete_collection(previous)
            with contextlib.suppress(Exception):
                client.get_collection(new).modify(name=previous)
            client.get_collection(old).modify(name=new)
    except O2RError:
        raise
    except Exception as err:
        raise _server_down(settings, err) from err
