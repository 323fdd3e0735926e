"""Validated answers: matching precision and recall on the test fixture, and added latency.

Usage: python benchmarks/bench_validated.py [--thresholds 0.86,0.88,...] [--answers 500]
                                            [--suggest 0.88,0.89,...]

Precision and recall use the real embedder (e5-small) over the shipped corpus and
the fixture of tests/validated/ (test data, not validated by anyone): every
paraphrase must match its own answer, every near miss must match none. A match to
the wrong answer counts as a false positive. The sweep is shown with and without
the "different question" guard. Suggestions (a close published answer offered
by its phrasing when none is served) are swept over ``--suggest``: how often a
paraphrase's answer is served or suggested, how often a near miss or a question
of the shipped question sets (tests/eval/) gets a suggestion. The latency is what
serving adds to a question (the query vector is the retrieval's), with
``--answers`` published answers.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _common import percentile  # noqa: E402

from o2r_assistant import matching  # noqa: E402
from o2r_assistant.build import ensure_index  # noqa: E402
from o2r_assistant.config import Settings  # noqa: E402
from o2r_assistant.embeddings import get_embedder  # noqa: E402
from o2r_assistant.matching import ValidatedAnswers  # noqa: E402
from o2r_assistant.validated import QuoteFinder, ValidatedStore  # noqa: E402
from o2r_assistant.validated_io import import_answers, read_answers  # noqa: E402
from o2r_assistant.yamlio import read_yaml  # noqa: E402

FIXTURE = ROOT / "tests" / "validated"


def _scores(source: ValidatedAnswers, cases, vectors, threshold: float, guard: bool):
    source.threshold = threshold
    tp = fp = fn = 0
    wrong: list[str] = []
    for (question, expected), vector in zip(cases, vectors, strict=True):
        if guard:
            found = source.match(question, vector)
        else:
            loaded = source.current()
            scores = loaded.matrix @ vector
            row = int(np.argmax(scores))
            found = (
                matching.Match(loaded.answers[int(loaded.owners[row])], "", float(scores[row]))
                if scores[row] >= threshold
                else None
            )
        got = found.answer.id if found else None
        if expected is None:
            if got is not None:
                fp += 1
                wrong.append(f"near miss {question!r} -> {got} ({found.score:.3f})")
        elif got == expected:
            tp += 1
        elif got is None:
            fn += 1
            wrong.append(f"missed {question!r} ({expected})")
        else:
            fp += 1
            fn += 1
            wrong.append(f"wrong {question!r} -> {got}, expected {expected}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, wrong


def quality(source: ValidatedAnswers, embedder, thresholds: list[float], prefix: str = "") -> None:
    data = read_yaml(FIXTURE / "questions.yaml", error=ValueError, what="question set")
    cases = [(q, aid) for aid, qs in data[f"{prefix}paraphrases"].items() for q in qs]
    cases += [(q, None) for q in data[f"{prefix}near_misses"]]
    title = {"": "design questions", "heldout_": "held-out questions (never tuned on)"}
    title["heldout2_"] = "second held-out set (written before the second round, never tuned on)"
    title["heldout3_"] = "third held-out set (written before the third round, never tuned on)"
    title["heldout4_"] = "fourth held-out set (written blind before the fourth round)"
    print(f"\n== {title[prefix]}")
    vectors = [np.asarray(embedder.embed_query(q), dtype=np.float32) for q, _ in cases]
    positives = sum(1 for _, a in cases if a)
    print(f"\n{positives} paraphrases, {len(cases) - positives} near misses")
    print("threshold | guard: precision / recall | no guard: precision / recall")
    for threshold in thresholds:
        p, r, _ = _scores(source, cases, vectors, threshold, True)
        p0, r0, _ = _scores(source, cases, vectors, threshold, False)
        print(f"{threshold:9.3f} | {p:.3f} / {r:.3f}              | {p0:.3f} / {r0:.3f}")
    p, r, wrong = _scores(source, cases, vectors, matching.THRESHOLD, True)
    print(
        f"\nat THRESHOLD = {matching.THRESHOLD} with the guard: precision {p:.3f}, recall {r:.3f}"
    )
    for line in wrong:
        print("  " + line)
    source.threshold = matching.THRESHOLD


HELD_OUT = ("heldout_", "heldout2_", "heldout3_", "heldout4_")


def suggestions(source: ValidatedAnswers, embedder, thresholds: list[float]) -> None:
    """Served or suggested, per threshold: on paraphrases, near misses and other questions."""
    data = read_yaml(FIXTURE / "questions.yaml", error=ValueError, what="question set")
    paraphrases = [(q, aid) for p in HELD_OUT for aid, qs in data[f"{p}paraphrases"].items()
                   for q in qs]  # fmt: skip
    near = [q for p in HELD_OUT for q in data[f"{p}near_misses"]]
    others = []
    for path in sorted((ROOT / "tests" / "eval").glob("*.yaml")):
        cases = read_yaml(path, error=ValueError, what="question set")
        cases = cases.get("cases", []) if isinstance(cases, dict) else cases
        others += [c["question"] for c in cases if isinstance(c.get("question"), str)]

    # Each question is embedded once, whatever the thresholds swept.
    embed = functools.cache(embedder.embed_query)

    def outcome(question: str) -> tuple[str | None, list[str]]:
        vector = embed(question)
        found = source.match(question, vector)
        if found:
            return found.answer.id, []
        return None, [s.answer_id for s in source.suggest(question, vector)]

    def first_right(question: str, answer_id: str) -> bool:
        served, suggested = outcome(question)
        return served == answer_id or suggested[:1] == [answer_id]

    print(
        f"\n== suggestions: {len(paraphrases)} held-out paraphrases, {len(near)} held-out near "
        f"misses, {len(others)} questions of tests/eval/"
    )
    print(
        "threshold | paraphrase served / served or first suggestion / served or suggested"
        " | near miss suggested | other questions suggested"
    )
    default = matching.SUGGEST_THRESHOLD
    for threshold in thresholds:
        matching.SUGGEST_THRESHOLD = threshold
        got = [(outcome(q), aid) for q, aid in paraphrases]
        served = sum(1 for (s, _), aid in got if s == aid)
        first = sum(1 for q, aid in paraphrases if first_right(q, aid))
        any_ = sum(1 for (s, sug), aid in got if s == aid or aid in sug)
        near_sug = sum(1 for q in near if outcome(q)[1])
        other_sug = sum(1 for q in others if outcome(q)[1])
        n = len(paraphrases)
        print(
            f"{threshold:9.3f} | {served / n:.3f} / {first / n:.3f} / {any_ / n:.3f}"
            f"                     | {near_sug / len(near):.3f}               "
            f"| {other_sug / len(others):.3f}"
        )
    matching.SUGGEST_THRESHOLD = default
    print(f"\nat SUGGEST_THRESHOLD = {default}, served or first suggestion, per held-out set:")
    for prefix in HELD_OUT:
        cases = [(q, aid) for aid, qs in data[f"{prefix}paraphrases"].items() for q in qs]
        right = sum(1 for q, aid in cases if first_right(q, aid))
        print(f"  {prefix.rstrip('_')}: {right}/{len(cases)} = {right / len(cases):.3f}")


def latency(settings: Settings, embedder, index, count: int, tmp: Path) -> None:
    """What serving adds to a question with ``count`` published answers."""
    from o2r_assistant.retrieval import HybridRetriever

    store = ValidatedStore(tmp / "latency.sqlite3")
    finder = QuoteFinder(index.chunks())
    base = read_answers(FIXTURE / "answers.yaml")
    answers = [
        replace(a, id=f"{a.id}-{n}", phrasings=tuple(f"{p} ({n})" for p in a.phrasings))
        for n in range(count // len(base) + 1)
        for a in base
    ][:count]
    import_answers(store, answers, "bench", finder)
    rng = np.random.default_rng(0)

    def random_unit(_: str) -> list[float]:
        v = rng.normal(size=len(embedder.embed_query("x")))
        return (v / np.linalg.norm(v)).tolist()

    phrasings = [p for a in answers for p in a.phrasings]
    store.vectors(embedder.model_id, phrasings, random_unit)  # stand-ins, as costly to match
    started = time.perf_counter()
    source = ValidatedAnswers(store, embedder, index)
    startup = time.perf_counter() - started
    retriever = HybridRetriever(index=index, k=settings.top_k, mode=settings.retrieval_mode)
    questions = [
        "Quel est le coût minimum d'un projet ?",
        "Les dépenses de formation sont-elles éligibles ?",
        "Combien de temps dure la convention ?",
        "Qui instruit les candidatures ?",
    ]
    results = [retriever.retrieve(q) for q in questions]
    from o2r_assistant.answer import Answer

    times = []
    for _ in range(50):
        for result in results:
            answer = Answer(question=result.query, text="", citations=[], abstained=True)
            t0 = time.perf_counter()
            source.serve(answer, result)
            times.append((time.perf_counter() - t0) * 1000)
    print(
        f"\n{len(answers)} published answers ({len(phrasings)} phrasings): start (verify + "
        f"load) {startup:.2f} s; added per question p50 {percentile(times, 50):.2f} ms, "
        f"p95 {percentile(times, 95):.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.86,0.87,0.88,0.89,0.9,0.91,0.92,0.93")
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--suggest", default="0.88,0.89,0.9,0.91,0.92")
    args = parser.parse_args()
    settings = Settings(corpus_dir=ROOT / "corpus")
    embedder = get_embedder(settings.embedder)
    index = ensure_index(settings, embedder)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        store = ValidatedStore(tmp / "fixture.sqlite3")
        finder = QuoteFinder(index.chunks())
        import_answers(store, read_answers(FIXTURE / "answers.yaml"), "bench", finder)
        source = ValidatedAnswers(store, embedder, index)
        thresholds = [float(t) for t in args.thresholds.split(",")]
        quality(source, embedder, thresholds)
        quality(source, embedder, thresholds, prefix="heldout_")
        quality(source, embedder, thresholds, prefix="heldout2_")
        quality(source, embedder, thresholds, prefix="heldout3_")
        quality(source, embedder, thresholds, prefix="heldout4_")
        suggestions(source, embedder, [float(t) for t in args.suggest.split(",")])
        latency(settings, embedder, index, args.answers, tmp)


if __name__ == "__main__":
    main()
