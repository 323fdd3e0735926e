"""Retrieval quality of each mode and of weighted RRF variants.

    python benchmarks/bench_retrieval.py [SET.yaml ...]

Prints hit@1/3/5 and MRR@10 per question set (cases with evidence) for dense,
BM25, plain RRF and a few weightings. Weights are chosen on the development
sets only; the held-out sets show whether the choice generalises.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from o2r_assistant.assistant import Assistant
from o2r_assistant.config import PROJECT_ROOT
from o2r_assistant.question import analyse
from o2r_assistant.retrieval import HybridRetriever
from o2r_assistant.text import normalize_match

DEFAULT_SETS = [
    PROJECT_ROOT.parent / "shared" / "eval" / "dev-questions.yaml",
    PROJECT_ROOT.parent / "shared" / "eval" / "dev-2.yaml",
    PROJECT_ROOT / "tests" / "eval" / "questions.yaml",
    PROJECT_ROOT / "tests" / "eval" / "heldout.yaml",
    PROJECT_ROOT / "tests" / "eval" / "heldout-2.yaml",
]
VARIANTS = [
    ("dense", 1.0, 0.0),
    ("bm25", 0.0, 1.0),
    ("hybrid", 1.0, 1.0),
    ("hybrid", 2.0, 1.0),
    ("hybrid", 3.0, 1.0),
]


def first_hit(retriever: HybridRetriever, question: str, evidence: list[str]) -> int | None:
    snippets = [normalize_match(e) for e in evidence]
    for hit in retriever.retrieve(analyse(question).focus, k=10).hits:
        if any(s in normalize_match(hit.chunk.text) for s in snippets):
            return hit.rank
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    args = parser.parse_args()
    index = Assistant(build=True).index
    for path in [p for p in args.sets if p.exists()]:
        # Read as plain data: only the question and its evidence matter here.
        cases = [c for c in yaml.safe_load(path.read_text(encoding="utf-8")) if c.get("evidence")]
        print(f"\n{path.name} ({len(cases)} cases with evidence)")
        print(f"{'variant':<22} {'hit@1':>6} {'hit@3':>6} {'hit@5':>6} {'mrr@10':>7}")
        for mode, dense_w, lexical_w in VARIANTS:
            retriever = HybridRetriever(
                index=index, k=10, mode=mode, dense_weight=dense_w, lexical_weight=lexical_w
            )
            ranks = [first_hit(retriever, c["question"], c["evidence"]) for c in cases]
            n = len(ranks)

            def hit(k: int, ranks: list[int | None] = ranks, n: int = n) -> float:
                return sum(1 for r in ranks if r and r <= k) / n

            mrr = sum(1 / r for r in ranks if r) / n
            label = mode if mode != "hybrid" else f"rrf d={dense_w} l={lexical_w}"
            print(f"{label:<22} {hit(1):6.3f} {hit(3):6.3f} {hit(5):6.3f} {mrr:7.3f}")


if __name__ == "__main__":
    main()
