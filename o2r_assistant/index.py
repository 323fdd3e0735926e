"""The Chroma vector index: build, swap in atomically, detect staleness, search.

Embedded mode (default): each build (a *generation*) is a fresh directory under
``<index_dir>/builds/``: a Chroma store holding the passages, and the sentence
vectors as ``sentences.npy`` + ``sentences.json`` (they are read back whole,
never searched, so Chroma does not index them). A symlink
``<index_dir>/<collection>.current`` points at the one being served and is
replaced atomically once a build completes. A build killed halfway leaves only
an unreferenced temporary directory, so the previous index keeps serving.

Server mode (``O2R_CHROMA_URL``): a build fills temporary collections (the
sentences in a second collection: the server has no shared disk), then they
take the served names.

Every vector (a passage's, each of its sentences') is kept in an embedding
cache keyed by embedder and text (``<index_dir>/cache/``), so a build
re-embeds only new text.

The manifest (corpus hash, embedder id, chunker version, layout, generation) is
stored in the collection's metadata, so it can never disagree with the data it
describes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable
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
from .progress import BuildProgress, Progress

log = logging.getLogger(__name__)

# Passages per embedding call: measured as fast as 64 with ~200 MB less memory.
EMBED_BATCH = 8
# How vectors are computed and stored; a build of another layout is rebuilt.
LAYOUT = "2-sentences-npy"
SENTENCES_NPY = "sentences.npy"
SENTENCES_JSON = "sentences.json"


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
class BuildReport:
    manifest: Manifest
    seconds: float
    skipped_files: list[str]
    embedded: int = 0  # passages embedded by this build
    cached: int = 0  # passages whose every vector came from the cache


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
        self._chunks: list[Chunk] | None = None
        self._sentences: tuple[list[SentenceRef], np.ndarray] | None = None
        self._chunk_vectors: dict[str, np.ndarray] | None = None

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
            if self.path is not None and (self.path / SENTENCES_NPY).exists():
                self._sentences = self.guarded(lambda: _read_sentences(self.path))
            else:
                self._sentences = self._sentences_from_collection()
        return self._sentences

    def _sentences_from_collection(self) -> tuple[list[SentenceRef], np.ndarray]:
        data = self.guarded(
            lambda: self.sentence_collection.get(include=["metadatas", "embeddings"])
        )
        refs = [
            SentenceRef(str(m["chunk_id"]), int(m["start"]), int(m["end"]))
            for m in data["metadatas"]
        ]
        matrix = np.asarray(data["embeddings"], dtype=np.float32).reshape(len(refs), -1)
        return refs, matrix

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


def ensure_index(
    settings: Settings, embedder: Embedder, progress: Progress | None = None
) -> VectorIndex:
    """Serve the index, rebuilding it first if it is missing or stale (blocking)."""
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


# ---------------------------------------------------------------- background builds


class BuildJob:
    """A build running in a background thread; ``progress`` says how far it got."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self.settings = settings
        self.embedder = embedder
        self.progress = BuildProgress()
        self.report: BuildReport | None = None
        self.error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="o2r-index-build", daemon=True)

    def _run(self) -> None:
        try:
            self.report = build_index(self.settings, self.embedder, progress=self.progress)
        except Exception as err:  # kept for the page to show; the previous index serves on
            log.exception("background index build failed")
            self.error = err

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> BuildReport | None:
        self._thread.join(timeout)
        return self.report


_jobs: dict[tuple[str, str, str], BuildJob] = {}
_jobs_lock = threading.Lock()


def _job_key(settings: Settings, embedder: Embedder) -> tuple[str, str, str]:
    return (str(settings.index_dir.resolve()), settings.chroma_url or "", embedder.model_id)


def running_build(settings: Settings, embedder: Embedder) -> BuildJob | None:
    """The background build of this process for this index, if one is running."""
    with _jobs_lock:
        job = _jobs.get(_job_key(settings, embedder))
    return job if job is not None and job.running else None


def start_build(settings: Settings, embedder: Embedder) -> BuildJob:
    """Start a background build, or join the one already running (one writer per
    process; the build lock serialises writers across processes)."""
    with _jobs_lock:
        key = _job_key(settings, embedder)
        job = _jobs.get(key)
        if job is None or not job.running:
            job = _jobs[key] = BuildJob(settings, embedder)
            job._thread.start()
        return job


def serve_index(
    settings: Settings, embedder: Embedder, progress: Progress | None = None
) -> tuple[VectorIndex, BuildJob | None]:
    """The index to serve now, and the background build preparing a newer one, if any.

    Only the very first build blocks; when any generation exists it is served while a
    stale one is rebuilt in the background (``Assistant.refresh`` picks the new one up).
    """
    index = open_index(settings, embedder)
    if index is None:
        return ensure_index(settings, embedder, progress), None
    if is_current(index, settings, embedder):
        return index, running_build(settings, embedder)
    return index, start_build(settings, embedder)


# ---------------------------------------------------------------- embedding cache


class EmbeddingCache:
    """Unit vectors by (embedder id, text hash): a build embeds only text it has not seen.

    One SQLite file per collection; rows are committed after each batch, so even a
    killed build leaves its work for the next one.
    """

    def __init__(self, path: Path, embedder_id: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._salt = embedder_id.encode("utf-8") + b"\0passage\0"
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError:  # a damaged cache is only lost work
            log.warning("embedding cache %s is unreadable; starting a new one", path)
            path.unlink(missing_ok=True)
            self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB)")
        return db

    def key(self, text: str) -> bytes:
        return hashlib.blake2b(self._salt + text.encode("utf-8"), digest_size=20).digest()

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, np.ndarray]:
        keys = list(keys)
        found: dict[bytes, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows = self._db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})",
                part,
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: Iterable[tuple[bytes, np.ndarray]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items],
            )

    def retain(self, keys: Iterable[bytes]) -> None:
        """Forget every vector but these (the served generation's): the cache stays bounded."""
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key BLOB PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", [(k,) for k in keys])
            self._db.execute("DELETE FROM vectors WHERE key NOT IN (SELECT key FROM keep)")

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    def close(self) -> None:
        self._db.close()


def cache_path(settings: Settings, name: str) -> Path:
    return settings.index_dir / "cache" / f"{name}.sqlite3"


# ---------------------------------------------------------------- building


@dataclass
class Vectors:
    """What a build embedded: passage vectors, sentence refs and vectors."""

    passages: np.ndarray
    refs: list[SentenceRef]
    sentences: np.ndarray
    keys: set[bytes]
    embedded: int  # passages with at least one text not in the cache
    cached: int  # passages served whole from the cache


def _pieces(chunk: Chunk) -> tuple[list[tuple[int, int]], list[str]]:
    """A chunk's sentence spans, and the texts to embed for it: its whole ``embed_text``
    (the passage vector), then its sentences. Deriving the passage vector from the
    sentences' halves the work but measured worse on held-out sets (README)."""
    spans = [(a, b) for a, b in split_sentences(chunk.text) if b - a > 1]
    return spans, [chunk.embed_text] + [chunk.text[a:b] for a, b in spans]


def embed_chunks(
    chunks: list[Chunk],
    embedder: Embedder,
    cache: EmbeddingCache,
    progress: Progress | None = None,
) -> Vectors:
    """Embed each distinct text not already in the cache, ``EMBED_BATCH`` passages at a
    time; progress counts passages embedded."""
    pieces = [_pieces(c) for c in chunks]
    keyed = [[cache.key(t) for t in texts] for _, texts in pieces]
    all_keys = {k for keys in keyed for k in keys}
    known = cache.get_many(all_keys)
    todo: list[int] = []  # chunks with new text, by position
    scheduled: set[bytes] = set()
    for i, keys in enumerate(keyed):
        new = [k for k in keys if k not in known and k not in scheduled]
        if new:
            todo.append(i)
            scheduled.update(new)
    total = len(todo)
    if progress:
        progress(0, total)
    for start in range(0, total, EMBED_BATCH):
        batch: dict[bytes, str] = {}
        for i in todo[start : start + EMBED_BATCH]:
            for key, text in zip(keyed[i], pieces[i][1], strict=True):
                if key not in known:
                    batch[key] = text
        vectors = np.asarray(embedder.embed_documents(list(batch.values())), dtype=np.float32)
        fresh = dict(zip(batch, vectors, strict=True))
        cache.put_many(fresh.items())
        known.update(fresh)
        if progress:
            progress(min(start + EMBED_BATCH, total), total)
    dim = len(next(iter(known.values()))) if known else 0
    passages = np.zeros((len(chunks), dim), dtype=np.float32)
    refs: list[SentenceRef] = []
    rows: list[np.ndarray] = []
    for i, (chunk, (spans, _)) in enumerate(zip(chunks, pieces, strict=True)):
        passages[i] = known[keyed[i][0]]
        for j, (a, b) in enumerate(spans, start=1):
            refs.append(SentenceRef(chunk.chunk_id, chunk.start + a, chunk.start + b))
            rows.append(known[keyed[i][j]])
    sentences = np.stack(rows) if rows else np.zeros((0, dim), dtype=np.float32)
    return Vectors(passages, refs, sentences, all_keys, total, len(chunks) - total)


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


def _stamp() -> str:
    return f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"


def build_index(
    settings: Settings, embedder: Embedder, progress: Progress | None = None
) -> BuildReport:
    """Load, chunk and embed the corpus (new text only), then swap the new index in."""
    started = time.perf_counter()
    with _build_lock(settings):
        loaded = load_corpus(settings.corpus_dir)
        if not loaded.documents:
            raise IndexUnavailableError(
                f"no readable document in {settings.corpus_dir}",
                f"aucun document lisible dans {settings.corpus_dir}",
            )
        chunks = chunk_documents(loaded.documents)
        stamp = _stamp()
        manifest = Manifest(
            corpus_hash=corpus_hash(settings.corpus_dir),
            embedder_id=embedder.model_id,
            chunker_version=CHUNKER_VERSION,
            chunks=len(chunks),
            documents=len(loaded.documents),
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            generation=stamp,
        )
        name = collection_name(embedder.model_id)
        cache = EmbeddingCache(cache_path(settings, name), embedder.model_id)
        try:
            if settings.chroma_url:
                vectors = _build_on_server(
                    settings, embedder, name, chunks, manifest, cache, progress
                )
            else:
                vectors = _build_embedded(
                    settings, embedder, name, chunks, manifest, cache, progress, stamp
                )
            cache.retain(vectors.keys)
        finally:
            cache.close()
    seconds = time.perf_counter() - started
    log.info(
        "built index %s: %d chunks (%d embedded, %d from the cache) in %.2fs",
        name,
        len(chunks),
        vectors.embedded,
        vectors.cached,
        seconds,
    )
    return BuildReport(
        manifest, seconds, [str(e) for e in loaded.errors], vectors.embedded, vectors.cached
    )


ROWS_PER_ADD = 4000  # below Chroma's largest batch


def _add_passages(collection, chunks: list[Chunk], vectors: np.ndarray) -> None:
    for i in range(0, len(chunks), ROWS_PER_ADD):
        batch = chunks[i : i + ROWS_PER_ADD]
        collection.add(
            ids=[c.chunk_id for c in batch],
            documents=[c.text for c in batch],
            metadatas=[c.metadata() for c in batch],
            embeddings=vectors[i : i + ROWS_PER_ADD],
        )


def _build_embedded(settings, embedder, name, chunks, manifest, cache, progress, stamp) -> Vectors:
    builds = settings.index_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(builds)
    tmp = builds / f".tmp-{name}-{stamp}"
    client = _persistent_client(tmp)
    metadata = {"hnsw:space": "cosine", **manifest.to_metadata()}
    collection = client.create_collection(name, metadata=metadata)
    vectors = embed_chunks(chunks, embedder, cache, progress)
    _add_passages(collection, chunks, vectors.passages)
    _write_sentences(tmp, vectors.refs, vectors.sentences)
    del client, collection
    final = builds / f"{name}-{stamp}"
    tmp.rename(final)
    pointer = _pointer(settings, name)
    previous = pointer.resolve() if pointer.is_symlink() else None
    link = settings.index_dir / f".{name}.{stamp}.link"
    link.symlink_to(Path("builds") / final.name)
    os.replace(link, pointer)  # atomic: readers see the old or the new build, never half
    _prune_builds(builds, name, keep={final, previous})
    return vectors


def _remove_abandoned_builds(builds: Path) -> None:
    """Temporary directories left by killed builds (the build lock is held here)."""
    for path in builds.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)


def _prune_builds(builds: Path, name: str, keep: set) -> None:
    # The previous build is kept: a reader that opened it before the swap keeps working.
    for path in builds.glob(f"{name}-*"):
        if path not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _build_on_server(settings, embedder, name, chunks, manifest, cache, progress) -> Vectors:
    """The same build through the server: vectors come from the local cache or are
    embedded here, then uploaded into temporary collections that take the served names."""
    client = _http_client(settings)
    final = (name, sentence_collection_name(name))
    tmp = tuple(f"{n}-build-{os.getpid()}" for n in final)
    metadata = {"hnsw:space": "cosine", **manifest.to_metadata()}
    vectors = embed_chunks(chunks, embedder, cache, progress)
    try:
        for n in tmp:
            with contextlib.suppress(Exception):
                client.delete_collection(n)
        collection = client.create_collection(tmp[0], metadata=metadata)
        sentence_collection = client.create_collection(tmp[1], metadata=metadata)
        _add_passages(collection, chunks, vectors.passages)
        refs = vectors.refs
        for i in range(0, len(refs), ROWS_PER_ADD):
            part = refs[i : i + ROWS_PER_ADD]
            sentence_collection.add(
                ids=[f"{r.chunk_id}:{r.start}" for r in part],
                metadatas=[{"chunk_id": r.chunk_id, "start": r.start, "end": r.end} for r in part],
                embeddings=vectors.sentences[i : i + ROWS_PER_ADD],
            )
        # Chroma has no atomic rename-over: the swap leaves a window of a few ms, which
        # readers bridge by opening a pair of the same generation (``_open_on_server``).
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
    return vectors
