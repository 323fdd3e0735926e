"""Time to read the facts of a message and check them against the rules.

    python benchmarks/bench_facts.py [--rounds N] [SET.yaml ...]

Reads every question (and the history before it) of the given question sets,
by default the checker probe sets and dev-2, and prints the median and p95 time
of ``extract_facts`` followed by ``evaluate``, per message, over ``--rounds``
passes. No index or model is loaded: this is the checker's cost alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml
from _common import summary

from o2r_assistant.checker import evaluate
from o2r_assistant.config import PROJECT_ROOT
from o2r_assistant.facts import extract_facts

EVAL = PROJECT_ROOT / "tests" / "eval"
DEFAULT_SETS = [
    *(EVAL / f"heldout-{n}.yaml" for n in (9, 10, 11, 12, 13, 15)),
    PROJECT_ROOT.parent / "shared" / "eval" / "dev-2.yaml",
]


def messages(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            out += [*case.get("history", []), case["question"]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = messages([p for p in args.sets if p.exists()])
    timings: list[float] = []
    for _ in range(args.rounds):
        for text in texts:
            started = time.perf_counter()
            evaluate(extract_facts(text))
            timings.append((time.perf_counter() - started) * 1000)
    print(f"{len(texts)} messages × {args.rounds} rounds: extract + evaluate {summary(timings)}")


if __name__ == "__main__":
    main()
