"""Building the vector index, and deciding when to build it.

A build loads and chunks the corpus, embeds the text the embedding cache lacks,
then swaps the new generation in (``index`` describes the layout). ``ensure_index``
builds first when no current index exists; ``serve_index`` serves a stale index
while a background ``BuildJob`` prepares the new one.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from . import latent
from .config import Settings
from .corpus import (
    CHUNKER_VERSION,
    Chunk,
    chunk_documents,
    corpus_hash,
    load_corpus,
    split_sentences,
)
from .db import Database
from .embedding_cache import EmbeddingCache, cache_path
from .embeddings import Embedder
from .errors import IndexBuildRunningError, IndexUnavailableError, O2RError
from .index import (
    READERS_LOCK,
    Manifest,
    SentenceRef,
    VectorIndex,
    _http_client,
    _persistent_client,
    _pointer,
    _server_down,
    _write_sentences,
    collection_name,
    is_current,
    open_index,
    retire_generation,
    sentence_collection_name,
)
from .progress import BuildProgress, Progress

log = logging.getLogger(__name__)

# pg_try_advisory_lock key of index builds: "o2ri" in ASCII (migrations use "o2r").
BUILD_LOCK = 0x6F327269
# Passages per embedding call: measured as fast as 64 with ~200 MB less memory.
EMBED_BATCH = 8


@dataclass(frozen=True)
class BuildReport:
    manifest: Manifest
    seconds: float
    skipped_files: list[str]
    embedded: int = 0  # passages embedded by this build
    cached: int = 0  # passages whose every vector came from the cache


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


def embedding_pieces(chunk: Chunk) -> tuple[list[tuple[int, int]], list[str]]:
    """A chunk's sentence spans, and the texts to embed for it: its whole ``embed_text``
    (the passage vector), then its sentences. Deriving the passage vector from the
    sentences' would almost halve the work but lost MRR and pass rate (README)."""
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
    pieces = [embedding_pieces(c) for c in chunks]
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
        latent.store(
            [s for i in todo[start : start + EMBED_BATCH] for s in pieces[i][1][1:]],
            embedder,
            cache,
        )
        if progress:
            progress(min(start + EMBED_BATCH, total), total)
    # Passages served whole from the vector cache may predate latent terms: their
    # sentences' are computed here, once (the others were, batch by batch, above).
    embedded = set(todo)
    old = [s for i, (_, texts) in enumerate(pieces) if i not in embedded for s in texts[1:]]
    latent.store(old, embedder, cache)
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
    """One build at a time: per index directory across processes (a file lock, waited
    for), and across machines sharing a PostgreSQL database (an advisory lock, which
    a second writer does not wait for: it fails with ``IndexBuildRunningError``)."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.index_dir / ".build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            with _database_build_lock(settings):
                yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _database_build_lock(settings: Settings):
    """The build lock of every writer sharing the PostgreSQL database (they share its
    Chroma server too); nothing to take on SQLite, a file of one machine."""
    database = Database(settings.database)
    if database.dialect != "postgresql":
        yield
        return
    with database.advisory_lock(BUILD_LOCK) as held:
        if not held:
            raise IndexBuildRunningError(
                f"another process sharing {database} is building the index",
                "une construction de l'index est déjà en cours (sur ce serveur ou un autre) ; "
                "réessayez quand elle sera terminée",
            )
        yield


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
    (tmp / READERS_LOCK).touch()  # readers never have to create it: the dir may be read-only
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
    # An older one still read by an answer in flight is kept until a later build.
    for path in builds.glob(f"{name}-*"):
        if path not in keep and not retire_generation(path):
            log.info("index generation %s is still being read; kept for now", path.name)


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
