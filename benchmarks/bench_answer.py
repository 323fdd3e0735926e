"""Answer latency per question and model load time, after warm-up.

    python benchmarks/bench_answer.py [--rounds 5] [--questions tests/eval/questions.yaml]

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml
from _common import summary

from o2r_assistant.config import PROJECT_ROOT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--questions", type=Path, default=PROJECT_ROOT / "tests" / "eval" / "questions.yaml"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    from o2r_assistant.embeddings import get_embedder

    get_embedder()
    print(f"model load: {(time.perf_counter() - started) * 1000:.0f} ms")

    from o2r_assistant.assistant import Assistant

    started = time.perf_counter()
    assistant = Assistant(build=True)
    print(
        f"assistant start (index open, sentences loaded): "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )
    questions = [c["question"] for c in yaml.safe_load(args.questions.read_text("utf-8"))]
    for question in questions:  # warm-up
        assistant.ask(question)
    wall, stages = [], {}
    for _ in range(args.rounds):
        for question in questions:
            begun = time.perf_counter()
            answer = assistant.ask(question)
            wall.append((time.perf_counter() - begun) * 1000)
            for stage, ms in answer.timings.items():
                stages.setdefault(stage, []).append(ms)
    print(f"answer latency over {len(wall)} questions: {summary(wall)}")
    for stage, values in stages.items():
        print(f"  {stage}: {summary(values)}")


if __name__ == "__main__":
    main()
