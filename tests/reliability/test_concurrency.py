"""Eight sessions ask dev-set questions and rate the answers while the corpus grows and the index
is rebuilt twice, as the staff corpus page does: no answer lost, no feedback row lost, and the
index left current and consistent."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field

import numpy as np
import pytest

from o2r_assistant.assistant import Assistant
from o2r_assistant.build import build_index
from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.evaluation import load_cases
from o2r_assistant.feedback import FeedbackStore
from o2r_assistant.index import is_current, open_index
from o2r_assistant.text import normalize_match
from o2r_assistant.uploads import add_document

from .support import NOTES, record, tree_digest

DEV_SET = PROJECT_ROOT.parent / "shared" / "eval" / "dev-questions.yaml"
# The AMI alone keeps each rebuild to seconds; its dev questions are the in-scope pool.
KEEP = "ami-o2r-pays-de-la-loire.md"
SESSIONS = 8
REBUILDS = 2
MIN_SECONDS = 15.0
# Questions go on this long after the last rebuild, so the final index serves some.
TAIL_SECONDS = 3.0
MAX_SECONDS = 150.0


@dataclass
class Served:
    """The assistant every session uses, replaced after a rebuild (the app clears its cache)."""

    assistant: Assistant
    generation: int = 0
    ids: list[set[str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def current(self) -> tuple[int, Assistant]:
        with self.lock:
            return self.generation, self.assistant

    def swap(self, assistant: Assistant) -> None:
        ids = {chunk.chunk_id for chunk in assistant.index.chunks()}
        with self.lock:
            self.ids.append(ids)
            self.assistant, self.generation = assistant, self.generation + 1


def note(n: int) -> bytes:
    return f"# Note {n}\n\nLa date limite de dépôt numéro {n} est fixée par le préfet.\n".encode()


@pytest.mark.slow
def test_eight_sessions_while_the_index_is_rebuilt_twice(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in settings.corpus_dir.iterdir():
        if path.name != KEEP:
            path.unlink()
    embedder = get_embedder(settings.embedder)
    build_index(settings, embedder)
    served = Served(Assistant(settings))
    served.ids.append({chunk.chunk_id for chunk in served.assistant.index.chunks()})
    # In scope: the dev questions whose evidence is in the AMI and that it answers at rest.
    ami = normalize_match((settings.corpus_dir / KEEP).read_text(encoding="utf-8"))
    pool = [
        case.question
        for case in load_cases(DEV_SET)
        if not case.abstain
        and case.evidence
        and all(normalize_match(snippet) in ami for snippet in case.evidence)
        and not served.assistant.ask(case.question).abstained
    ]
    assert len(pool) >= 10
    store = FeedbackStore(settings.feedback_db)

    stop = threading.Event()
    answered = [0] * SESSIONS
    by_generation = [0] * (REBUILDS + 1)
    rated = [0] * SESSIONS
    latencies: list[float] = []
    lost: list[str] = []
    rebuild_seconds: list[float] = []

    def session(n: int) -> None:
        rng = random.Random(n)
        while not stop.is_set():
            question = rng.choice(pool)
            generation, assistant = served.current()
            started = time.perf_counter()
            try:
                answer = assistant.ask(question)
            except Exception as err:  # any failure is an answer lost
                lost.append(f"session {n}: {question!r}: {type(err).__name__}: {err}")
                continue
            latencies.append(time.perf_counter() - started)
            index_ids = served.ids[generation] | served.ids[served.current()[0]]
            if (
                answer.abstained
                or not answer.citations
                or any(c.chunk_id not in index_ids for c in answer.citations)
                or any(c.quote not in c.passage for c in answer.citations)
            ):
                lost.append(f"session {n}: {question!r}: incomplete answer {answer.text[:80]!r}")
                continue
            answered[n] += 1
            by_generation[generation] += 1
            rating = rng.choice(["up", "down"])
            try:
                store.add(answer.question, answer.text, answer.citations, rating, f"session {n}")
            except Exception as err:
                lost.append(f"session {n}: feedback not stored: {type(err).__name__}: {err}")
                continue
            rated[n] += 1

    def reindex() -> None:
        try:
            for n in range(REBUILDS):
                # Each generation serves some answers before the next replaces it.
                deadline = time.monotonic() + MAX_SECONDS / (REBUILDS + 1)
                while not by_generation[n] and time.monotonic() < deadline:
                    time.sleep(0.05)
                add_document(settings, f"note-{n}.md", note(n))
                rebuild_seconds.append(build_index(settings, embedder).seconds)
                served.swap(Assistant(settings))
        except Exception as err:
            lost.append(f"rebuild: {type(err).__name__}: {err}")

    threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
    builder = threading.Thread(target=reindex)
    started = time.monotonic()
    for thread in [*threads, builder]:
        thread.start()
    builder.join(MAX_SECONDS)
    time.sleep(max(TAIL_SECONDS, MIN_SECONDS - (time.monotonic() - started)))
    stop.set()
    for thread in threads:
        thread.join(60)
    elapsed = time.monotonic() - started
    assert not builder.is_alive() and not any(thread.is_alive() for thread in threads)

    # The index on disk: current, and every part agrees with the manifest.
    builds = settings.index_dir / "builds"
    index = open_index(settings, embedder)
    corruptions = []
    if not is_current(index, settings, embedder):
        corruptions.append("served index is not current")
    chunks = index.chunks()
    refs, matrix = index.sentences()
    if not index.manifest.chunks == index.collection_count() == len(chunks):
        corruptions.append("chunk count differs from the manifest")
    if {chunk.chunk_id for chunk in chunks} != served.ids[-1]:
        corruptions.append("served chunks differ from the last build")
    if {ref.chunk_id for ref in refs} - {chunk.chunk_id for chunk in chunks}:
        corruptions.append("sentences point to missing chunks")
    if matrix.shape[0] != len(refs) or not np.isfinite(matrix).all():
        corruptions.append("sentence vectors are incomplete")
    if [p for p in tree_digest(builds) if p.startswith(".tmp-")]:
        corruptions.append("temporary build left behind")
    rows = store.records()

    figures = {
        "sessions held": SESSIONS,
        "distinct questions": len(pool),
        "questions answered": sum(answered),
        "answers lost": len(lost),
        "feedback rows written": sum(rated),
        "feedback rows stored": len(rows),
        "rebuilds": len(rebuild_seconds),
        "index corruptions": len(corruptions),
    }
    for key, value in figures.items():
        record("concurrency", key, value)
    p50, p95 = np.percentile(latencies, [50, 95]) if latencies else (0.0, 0.0)
    NOTES["concurrency timings"] = (
        f"{elapsed:.1f} s run, answer p50 {p50:.2f} s / p95 {p95:.2f} s, rebuilds "
        + " and ".join(f"{s:.1f} s" for s in rebuild_seconds)
        + ", answers per index generation "
        + "/".join(map(str, by_generation))
    )
    with capsys.disabled():
        print("\nconcurrency:", figures, NOTES["concurrency timings"])

    assert lost == []
    assert corruptions == []
    assert len(rebuild_seconds) == REBUILDS and served.generation == REBUILDS
    assert all(answered) and all(by_generation)  # every index served some answers
    assert len(rows) == sum(rated)
    for n in range(SESSIONS):
        assert sum(row.comment == f"session {n}" for row in rows) == rated[n]
