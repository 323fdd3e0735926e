"""Index build throughput, search latency and peak memory.

Runs on the shipped corpus, then on a synthetic corpus of N chunks:

    python benchmarks/bench_index.py [--synthetic 10000] [--queries 50]
    python benchmarks/bench_index.py --compare /tmp/oldmain --synthetic 200 --added 50

``--compare`` builds the same synthetic corpus with another checkout (e.g. ``git
worktree add /tmp/oldmain <commit>``) and with this one, alternately, each in a
fresh process (``--together``: both at once, so they share the same load), and
prints passages/s, vectors/s, passages per CPU-second, peak memory and the ratio.
``--added N`` then adds an N-passage document to the index and times the
incremental build against embedding those N passages alone.

    python benchmarks/bench_index.py --scale --seed --synthetic 2000 --added 100 --rounds 3

``--scale`` builds an N-passage synthetic index once in ``--workdir`` (a rerun finds
it current and reuses it), times search on it, then, ``--rounds`` times and
alternately, adds an ``--added``-passage document to a copy of it and builds that
document alone in a fresh index, and prints both medians and their ratio. With
``--seed`` the base index's vectors are random (``seed_cache``) rather than embedded,
which would take an hour on two busy cores.

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import peak_rss_mb, summary

from o2r_assistant.build import build_index, embedding_pieces
from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.corpus import chunk_documents, load_corpus
from o2r_assistant.embedding_cache import EmbeddingCache, cache_path
from o2r_assistant.embeddings import LATENT_TERMS, get_embedder
from o2r_assistant.index import collection_name, open_index
from o2r_assistant.retrieval import HybridRetriever

QUERIES = [
    "Les dépenses de formation sont-elles éligibles ?",
    "durée maximale de l'accompagnement",
    "Quel est le coût minimum d'un projet ?",
    "Qui signe la convention côté État ?",
    "Quels départements sont couverts ?",
]
WORDS = (
    "insertion accompagnement projet territoire public budget convention parcours emploi "
    "formation association partenariat remobilisation repérage mobilité logement santé "
    "droits jeunes quartier rural opérateur département région suivi orientation"
).split()


def synthetic_corpus(folder: Path, chunks: int, seed: int = 7) -> None:
    """Paragraphs of about 700 characters, one per chunk, in files of 200 paragraphs."""
    rng = random.Random(seed)
    per_file = 200
    for f in range(0, chunks, per_file):
        paragraphs = []
        for i in range(f, min(f + per_file, chunks)):
            sentences = [
                " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(6)
            ]
            paragraphs.append(f"## Section {i}\n\n" + " ".join(sentences))
        (folder / f"synthetic-{f // per_file:04d}.md").write_text(
            "\n\n".join(paragraphs), encoding="utf-8"
        )


def measure(label: str, corpus: Path, queries: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(corpus_dir=corpus, index_dir=Path(tmp))
        embedder = get_embedder()
        report = build_index(settings, embedder)
        chunks = report.manifest.chunks
        print(
            f"[{label}] build: {chunks} chunks in {report.seconds:.1f} s "
            f"= {chunks / report.seconds:.1f} chunks/s"
        )
        timed_search(open_index(settings, embedder), queries)
        print(f"[{label}] peak memory so far: {peak_rss_mb():.0f} MB")


BUILD_ONE = """
import json, os, resource, sys, time
from pathlib import Path
from o2r_assistant.config import Settings
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.index import open_index
try:
    from o2r_assistant.build import build_index
except ImportError:  # checkouts before build.py was split from index.py
    from o2r_assistant.index import build_index
embedder = get_embedder()
settings = Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]))
load = os.getloadavg()[0]
cpu = time.process_time()
report = build_index(settings, embedder)
cpu = time.process_time() - cpu
index = open_index(settings, embedder)
refs, _ = index.sentences()
print(json.dumps({"seconds": report.seconds, "cpu_seconds": cpu, "chunks": report.manifest.chunks,
                  "vectors": report.manifest.chunks + len(refs),
                  "load": (load + os.getloadavg()[0]) / 2,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def start_build(checkout: Path, corpus: Path, index_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    env.pop("O2R_CHROMA_URL", None)
    return subprocess.Popen(
        [sys.executable, "-c", BUILD_ONE, str(corpus), str(index_dir)],
        env=env,
        cwd=checkout,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def build_result(process: subprocess.Popen) -> dict:
    out, err = process.communicate()
    if process.returncode:
        raise RuntimeError(f"build failed: {err}")
    return json.loads(out.strip().splitlines()[-1])


def build_in(checkout: Path, corpus: Path, index_dir: Path) -> dict:
    return build_result(start_build(checkout, corpus, index_dir))


def compare(old: Path, chunks: int, added: int, rounds: int, together: bool) -> None:
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        synthetic_corpus(corpus, chunks)
        rates: dict[str, list[float]] = {"old": [], "new": []}
        checkouts = {"old": old, "new": here}
        for r in range(rounds):
            # Alternately, or both at once (--together), so that both see the same load.
            results = {}
            if together:
                running = {}
                for label, checkout in checkouts.items():
                    shutil.rmtree(Path(tmp) / label, ignore_errors=True)
                    running[label] = start_build(checkout, corpus, Path(tmp) / label)
                results = {label: build_result(p) for label, p in running.items()}
            else:
                for label, checkout in checkouts.items():
                    shutil.rmtree(Path(tmp) / label, ignore_errors=True)
                    results[label] = build_in(checkout, corpus, Path(tmp) / label)
            for label, got in results.items():
                rate = got["chunks"] / got["seconds"]
                rates[label].append(rate)
                print(
                    f"[{label} round {r + 1}] {got['chunks']} passages in {got['seconds']:.1f} s"
                    f" = {rate:.2f} passages/s, {got['vectors'] / got['seconds']:.1f} vectors/s,"
                    f" {got['chunks'] / got['cpu_seconds']:.2f} passages per CPU-second,"
                    f" peak {got['peak_mb']:.0f} MB, load average {got['load']:.1f}",
                    flush=True,
                )
        old_rate, new_rate = statistics.median(rates["old"]), statistics.median(rates["new"])
        print(
            f"median passages/s: old {old_rate:.2f}, new {new_rate:.2f}, ratio "
            f"{new_rate / old_rate:.2f}x"
        )
        if added:
            extra = Path(tmp) / "extra"
            extra.mkdir()
            synthetic_corpus(extra, added, seed=11)
            alone = build_in(here, extra, Path(tmp) / "alone")  # those passages alone
            (extra / "synthetic-0000.md").rename(corpus / "added.md")
            grown = build_in(here, corpus, Path(tmp) / "new")  # the index built above
            print(
                f"incremental: {added} passages added to {chunks}: {grown['seconds']:.1f} s; "
                f"the {added} alone: {alone['seconds']:.1f} s; ratio "
                f"{grown['seconds'] / alone['seconds']:.2f}x"
            )


def timed_search(index, queries: int) -> None:
    embedding = []
    for i in range(queries):
        started = time.perf_counter()
        index.embedder.embed_query(QUERIES[i % len(QUERIES)])
        embedding.append((time.perf_counter() - started) * 1000)
    print(f"question embedding alone: {summary(embedding)}", flush=True)
    for mode in ("dense", "hybrid"):
        retriever = HybridRetriever(index=index, k=5, mode=mode)
        retriever.retrieve(QUERIES[0])  # warm-up: loads the sentence matrix
        latencies = []
        cpu = time.process_time()
        for i in range(queries):
            started = time.perf_counter()
            retriever.retrieve(QUERIES[i % len(QUERIES)])
            latencies.append((time.perf_counter() - started) * 1000)
        cpu_ms = (time.process_time() - cpu) * 1000 / queries
        print(
            f"search {mode} (embed + search): {summary(latencies)}; "
            f"{cpu_ms:.1f} CPU-ms per question; load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def seed_cache(settings: Settings, embedder) -> None:
    """Put random unit vectors in the cache for every base text it lacks, so a large base
    index is built without embedding it. Only the base's vectors are fake: the passages
    added afterwards, the questions and the timings are real."""
    chunks = chunk_documents(load_corpus(settings.corpus_dir).documents)
    cache = EmbeddingCache(
        cache_path(settings, collection_name(embedder.model_id)), embedder.model_id
    )
    try:
        keys = {cache.key(t) for c in chunks for t in embedding_pieces(c)[1]}
        missing = keys - set(cache.get_many(keys))
        rng = np.random.default_rng(7)
        dim = len(embedder.embed_query("dimension"))
        vectors = rng.standard_normal((len(missing), dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        cache.put_many(zip(missing, vectors, strict=True))
        if embedder.latent_dim:  # and random latent terms, which cost as much to compute
            lacking = keys - set(cache.get_latent_many(keys))
            ids = rng.integers(0, embedder.latent_dim, (len(lacking), LATENT_TERMS))
            weights = rng.random((len(lacking), LATENT_TERMS)).astype(np.float32)
            cache.put_latent_many(zip(lacking, zip(ids, weights, strict=True), strict=True))
    finally:
        cache.close()


def scale(workdir: Path, chunks: int, added: int, rounds: int, queries: int, seed: bool) -> None:
    embedder = get_embedder()
    corpus = workdir / "corpus"
    if not corpus.exists():
        corpus.mkdir(parents=True)
        synthetic_corpus(corpus, chunks)
    base = Settings(corpus_dir=corpus, index_dir=workdir / "index")
    if seed:
        seed_cache(base, embedder)
    report = build_index(base, embedder)
    print(
        f"base index: {report.manifest.chunks} passages, {report.embedded} embedded "
        f"in {report.seconds:.1f} s{' (vectors seeded)' if seed else ''}",
        flush=True,
    )
    timed_search(open_index(base, embedder), queries)
    if not added:
        return
    extra = workdir / "extra"
    if not extra.exists():
        extra.mkdir()
        synthetic_corpus(extra, added, seed=11)
    wall: dict[str, list[float]] = {"added": [], "alone": []}
    cpu: dict[str, list[float]] = {"added": [], "alone": []}
    for r in range(rounds):
        with tempfile.TemporaryDirectory(dir=workdir) as tmp:
            grown = Path(tmp) / "corpus"
            shutil.copytree(corpus, grown)
            shutil.copy(extra / "synthetic-0000.md", grown / "added.md")
            shutil.copytree(workdir / "index", Path(tmp) / "index", symlinks=True)
            runs = {
                "added": Settings(corpus_dir=grown, index_dir=Path(tmp) / "index"),
                "alone": Settings(corpus_dir=extra, index_dir=Path(tmp) / "alone"),
            }
            for label, settings in runs.items():
                started = time.process_time()  # every thread of this process
                got = build_index(settings, embedder)
                cpu[label].append(time.process_time() - started)
                wall[label].append(got.seconds)
        print(
            f"[round {r + 1}] {added} passages added to {report.manifest.chunks}: "
            f"{wall['added'][-1]:.1f} s ({cpu['added'][-1]:.1f} CPU-s); alone: "
            f"{wall['alone'][-1]:.1f} s ({cpu['alone'][-1]:.1f} CPU-s); "
            f"load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    for name, figures in (("wall", wall), ("CPU", cpu)):
        grown_median = statistics.median(figures["added"])
        alone_median = statistics.median(figures["alone"])
        print(
            f"incremental median ({name}): added {grown_median:.1f} s, alone "
            f"{alone_median:.1f} s, ratio {grown_median / alone_median:.2f}x"
        )
    print(f"peak memory {peak_rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synthetic", type=int, default=10_000, help="synthetic chunks")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--compare", type=Path, help="another checkout to build with")
    parser.add_argument("--added", type=int, default=0, help="passages added (with --compare)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--together", action="store_true", help="with --compare: both builds at the same time"
    )
    parser.add_argument("--scale", action="store_true", help="reuse an index in --workdir")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/o2r-scale"))
    parser.add_argument(
        "--seed", action="store_true", help="with --scale: random vectors for the base index"
    )
    args = parser.parse_args()
    if args.scale:
        scale(args.workdir, args.synthetic, args.added, args.rounds, args.queries, args.seed)
        return
    if args.compare:
        compare(args.compare, args.synthetic, args.added, args.rounds, args.together)
        return
    started = time.perf_counter()
    get_embedder()
    print(f"model load: {time.perf_counter() - started:.2f} s")
    measure("shipped corpus", PROJECT_ROOT / "corpus", args.queries)
    if args.synthetic:
        folder = Path(tempfile.mkdtemp(prefix="o2r-synthetic-"))
        try:
            synthetic_corpus(folder, args.synthetic)
            measure(f"synthetic {args.synthetic}", folder, args.queries)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
