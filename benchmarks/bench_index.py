"""Index build throughput, search latency and peak memory.

Runs on the shipped corpus, then on a synthetic corpus of N chunks:

    python benchmarks/bench_index.py [--synthetic 10000] [--queries 50]

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from _common import peak_rss_mb, summary

from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.index import build_index, open_index
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
        index = open_index(settings, embedder)
        for mode in ("dense", "hybrid"):
            retriever = HybridRetriever(index=index, k=5, mode=mode)
            retriever.retrieve(QUERIES[0])  # warm-up
            latencies = []
            for i in range(queries):
                started = time.perf_counter()
                retriever.retrieve(QUERIES[i % len(QUERIES)])
                latencies.append((time.perf_counter() - started) * 1000)
            print(f"[{label}] search {mode} (embed + search): {summary(latencies)}")
        print(f"[{label}] peak memory so far: {peak_rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synthetic", type=int, default=10_000, help="synthetic chunks")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
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
