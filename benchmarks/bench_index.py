"""Index build throughput, search latency and peak memory.

Runs on the shipped corpus, then on a synthetic corpus of N chunks:

    python benchmarks/bench_index.py [--synthetic 10000] [--queries 50]
    python benchmarks/bench_index.py --compare /tmp/oldmain --synthetic 200 --added 50

``--compare`` builds the same synthetic corpus with another checkout (e.g. ``git
worktree add /tmp/oldmain <commit>``) and with this one, alternately, each in a
fresh process, and prints passages/s, vectors/s, peak memory and the ratio.
``--added N`` then adds an N-passage document to the index and times the
incremental build against embedding those N passages alone.

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import peak_rss_mb, summary

from o2r_assistant.build import build_index
from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.index import open_index
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


BUILD_ONE = """
import json, resource, sys, time
from pathlib import Path
from o2r_assistant.config import Settings
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.build import build_index
from o2r_assistant.index import open_index
embedder = get_embedder()
settings = Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]))
report = build_index(settings, embedder)
index = open_index(settings, embedder)
refs, _ = index.sentences()
print(json.dumps({"seconds": report.seconds, "chunks": report.manifest.chunks,
                  "vectors": report.manifest.chunks + len(refs),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_in(checkout: Path, corpus: Path, index_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    env.pop("O2R_CHROMA_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", BUILD_ONE, str(corpus), str(index_dir)],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(old: Path, chunks: int, added: int, rounds: int) -> None:
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        synthetic_corpus(corpus, chunks)
        rates: dict[str, list[float]] = {"old": [], "new": []}
        for r in range(rounds):
            for label, checkout in (("old", old), ("new", here)):
                shutil.rmtree(Path(tmp) / "index", ignore_errors=True)
                got = build_in(checkout, corpus, Path(tmp) / "index")
                rate = got["chunks"] / got["seconds"]
                rates[label].append(rate)
                print(
                    f"[{label} round {r + 1}] {got['chunks']} passages in {got['seconds']:.1f} s"
                    f" = {rate:.2f} passages/s, {got['vectors'] / got['seconds']:.1f} vectors/s,"
                    f" peak {got['peak_mb']:.0f} MB",
                    flush=True,
                )
        old_rate = sorted(rates["old"])[len(rates["old"]) // 2]
        new_rate = sorted(rates["new"])[len(rates["new"]) // 2]
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
            grown = build_in(here, corpus, Path(tmp) / "index")  # the index built above
            print(
                f"incremental: {added} passages added to {chunks}: {grown['seconds']:.1f} s; "
                f"the {added} alone: {alone['seconds']:.1f} s; ratio "
                f"{grown['seconds'] / alone['seconds']:.2f}x"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synthetic", type=int, default=10_000, help="synthetic chunks")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--compare", type=Path, help="another checkout to build with")
    parser.add_argument("--added", type=int, default=0, help="passages added (with --compare)")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if args.compare:
        compare(args.compare, args.synthetic, args.added, args.rounds)
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
