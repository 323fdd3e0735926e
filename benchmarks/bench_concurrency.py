"""One session's answer latency while other sessions send long questions.

    python benchmarks/bench_concurrency.py [--sessions 4] [--questions 8] [--chars 2000]
                                           [--rounds 3] [--slots N] [--policies none,any,fair:1]

The issue's scenario: four sessions each sending 8 questions of 2,000 characters
while another session asks ordinary questions. Each session is a thread calling
what the chat page calls for a question (the per-session question limit, then
``Assistant.ask`` with the session's id). It does not go through Streamlit or a
browser. Policies, run in turn within each round so that they share the
machine's load:

- ``none``: no limit and no slots to wait for;
- ``any``: the slots as they were before fair turns, a semaphore (whichever
  waiting thread wakes first goes), with the per-session question limit;
- ``fair``: the app's slots (``FairSlots``), with the per-session question limit.

``any:1`` or ``fair:1`` give that policy 1 slot instead of ``--slots``.

Slots default to ``O2R_ANSWER_SLOTS``, the limit to ``O2R_QUESTION_BURST`` and
``O2R_QUESTIONS_PER_MINUTE``. A benchmark, not a test: it prints figures and
asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from _common import percentile

from o2r_assistant.assistant import Assistant
from o2r_assistant.config import Settings
from o2r_assistant.errors import RateLimitError
from o2r_assistant.feedback import new_session_id
from o2r_assistant.ratelimit import QuestionLimiter
from o2r_assistant.scheduling import FairSlots

# The chat page's examples: what the measured session asks, in turn.
ORDINARY = (
    "Les dépenses de formation sont-elles éligibles ?",
    "Quel est le coût minimum d'un projet ?",
    "Qui sont les publics « invisibles » visés par l'appel ?",
    "Combien de temps peut durer l'accompagnement d'une personne ?",
)
FILLER = (
    "Notre association accompagne des jeunes sans emploi ni formation dans les quartiers "
    "et les communes rurales du département ; nous voudrions savoir si notre projet "
)
# The measured session reads each answer before asking again (so stays under its limit).
THINK_S = 1.5


def long_question(session: int, n: int, chars: int) -> str:
    """A distinct question of ``chars`` characters ending in a real question."""
    text = f"Session {session}, message {n}. " + FILLER * (chars // len(FILLER) + 1)
    question = " ; les dépenses de formation sont-elles éligibles ?"
    return text[: chars - len(question)].rsplit(" ", 1)[0] + question


class AnyOrderSlots:
    """The answer slots before fair turns: a semaphore, any waiting thread may go next."""

    def __init__(self, slots: int, wait_s: float) -> None:
        self.slots, self.wait_s = slots, wait_s
        self._semaphore = threading.BoundedSemaphore(slots)

    @contextmanager
    def turn(self, session: str, cost: float) -> Iterator[None]:
        if not self._semaphore.acquire(timeout=self.wait_s):
            raise RateLimitError(f"no answer slot free within {self.wait_s:g} s", "")
        try:
            yield
        finally:
            self._semaphore.release()


class Run:
    def __init__(self, assistant: Assistant, limiter: QuestionLimiter | None) -> None:
        self.assistant, self.limiter = assistant, limiter
        self.refused = {"limit": 0, "busy": 0}
        self.measured: list[float] = []
        self.loud: list[float] = []
        self.load_s = 0.0
        self._lock = threading.Lock()

    def ask(self, session_id: str, question: str) -> float | None:
        """Seconds to answer, as the chat page does; None if refused (limit or busy)."""
        started = time.perf_counter()
        try:
            if self.limiter is not None:
                self.limiter.check(session_id)
            self.assistant.ask(question, session_id=session_id)
        except RateLimitError as err:
            with self._lock:
                self.refused["busy" if "slot" in str(err) else "limit"] += 1
            return None
        return time.perf_counter() - started


def measure(run: Run, sessions: int, questions: int, chars: int) -> None:
    """One round: the measured session asks while the other sessions send their questions."""
    loud_done = threading.Event()

    def loud(session: int) -> None:
        session_id = new_session_id()
        for n in range(questions):
            seconds = run.ask(session_id, long_question(session, n, chars))
            if seconds is not None:
                run.loud.append(seconds)

    threads = [threading.Thread(target=loud, args=(i,)) for i in range(sessions)]

    def measured() -> None:
        session_id, n = new_session_id(), 0
        while not loud_done.is_set():
            seconds = run.ask(session_id, ORDINARY[n % len(ORDINARY)])
            if seconds is not None:
                run.measured.append(seconds)
            n += 1
            time.sleep(THINK_S)

    watcher = threading.Thread(target=measured)
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    watcher.start()
    for thread in threads:
        thread.join()
    run.load_s += time.perf_counter() - started
    loud_done.set()
    watcher.join()


def show(label: str, values: list[float]) -> None:
    if not values:
        print(f"{label}: no answer")
        return
    print(
        f"{label}: median {statistics.median(values):.2f} s, p95 {percentile(values, 95):.2f} s, "
        f"worst {max(values):.2f} s (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slots", type=int, default=None, help="default: O2R_ANSWER_SLOTS")
    parser.add_argument(
        "--policies", default="none,any,fair", help="none, any or fair, each with :N slots"
    )
    args = parser.parse_args()

    settings = Settings()
    slots = args.slots or settings.answer_slots
    assistant = Assistant(settings, build=True)
    for question in ORDINARY:  # warm-up
        assistant.ask(question)
    alone = []
    for question in ORDINARY * 3:
        started = time.perf_counter()
        assistant.ask(question)
        alone.append(time.perf_counter() - started)
    show("alone", alone)

    limit = f"{settings.question_burst} questions then {settings.questions_per_minute:g}/min"
    runs: dict[str, Run] = {}
    for spec in args.policies.split(","):
        name, _, count = spec.partition(":")
        n = int(count) if count else slots
        if name == "none":
            label, answer_slots = "no limits", AnyOrderSlots(64, settings.answer_wait_s)
        elif name == "any":
            label = f"{n} slots in any order (before), {limit}"
            answer_slots = AnyOrderSlots(n, settings.answer_wait_s)
        else:
            label = f"{n} slots in fair turns (after), {limit}"
            answer_slots = FairSlots(n, settings.answer_wait_s)
        run_assistant = Assistant(settings, assistant.embedder, index=assistant.index)
        run_assistant.slots = answer_slots
        limiter = QuestionLimiter(settings.question_burst, settings.questions_per_minute)
        runs[label] = Run(run_assistant, None if name == "none" else limiter)
    for _ in range(args.rounds):  # policies in turn, so that each meets the same load
        for run in runs.values():
            measure(run, args.sessions, args.questions, args.chars)
    for label, run in runs.items():
        print(f"under load, {label}:")
        show("  measured session", run.measured)
        show("  long questions", run.loud)
        print(
            f"  load lasted {run.load_s:.1f} s for {args.rounds} rounds; refused: "
            f"{run.refused['limit']} over the limit, {run.refused['busy']} busy"
        )


if __name__ == "__main__":
    main()
