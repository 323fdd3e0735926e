"""One session's answer latency while other sessions send long questions.

    python benchmarks/bench_concurrency.py [--sessions 4] [--questions 8] [--chars 2000]
                                           [--rounds 3]

The issue's scenario: four sessions each sending 8 questions of 2,000 characters
while another session asks ordinary questions. Each session is a thread calling
what the chat page calls for a question (the per-session question limit, then
``Assistant.ask``), once without limits and once with the configured ones
(``O2R_ANSWER_SLOTS``, ``O2R_QUESTION_BURST``, ``O2R_QUESTIONS_PER_MINUTE``). It
does not go through Streamlit or a browser. A benchmark, not a test: it prints
figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

from _common import percentile

from o2r_assistant.assistant import Assistant
from o2r_assistant.config import Settings
from o2r_assistant.errors import RateLimitError
from o2r_assistant.feedback import new_session_id
from o2r_assistant.ratelimit import QuestionLimiter

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


class Run:
    def __init__(self, assistant: Assistant, limiter: QuestionLimiter | None) -> None:
        self.assistant, self.limiter = assistant, limiter
        self.refused = {"limit": 0, "busy": 0}
        self._lock = threading.Lock()

    def ask(self, session_id: str, question: str) -> float | None:
        """Seconds to answer, as the chat page does; None if refused (limit or busy)."""
        started = time.perf_counter()
        try:
            if self.limiter is not None:
                self.limiter.check(session_id)
            self.assistant.ask(question)
        except RateLimitError as err:
            with self._lock:
                self.refused["busy" if "slot" in str(err) else "limit"] += 1
            return None
        return time.perf_counter() - started


def measure(run: Run, sessions: int, questions: int, chars: int) -> list[float]:
    """The measured session's latencies while the other sessions send their questions."""
    loud_done = threading.Event()

    def loud(session: int) -> None:
        session_id = new_session_id()
        for n in range(questions):
            run.ask(session_id, long_question(session, n, chars))

    threads = [threading.Thread(target=loud, args=(i,)) for i in range(sessions)]
    latencies: list[float] = []

    def measured() -> None:
        session_id, n = new_session_id(), 0
        while not loud_done.is_set():
            seconds = run.ask(session_id, ORDINARY[n % len(ORDINARY)])
            if seconds is not None:
                latencies.append(seconds)
            n += 1
            time.sleep(THINK_S)

    watcher = threading.Thread(target=measured)
    for thread in threads:
        thread.start()
    watcher.start()
    for thread in threads:
        thread.join()
    loud_done.set()
    watcher.join()
    return latencies


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
    args = parser.parse_args()

    settings = Settings()
    assistant = Assistant(settings, build=True)
    for question in ORDINARY:  # warm-up
        assistant.ask(question)
    alone = []
    for question in ORDINARY * 3:
        started = time.perf_counter()
        assistant.ask(question)
        alone.append(time.perf_counter() - started)
    show("alone", alone)

    unbounded = settings.model_copy(update={"answer_slots": 64})
    runs = {
        "no limits": Run(Assistant(unbounded, assistant.embedder, index=assistant.index), None),
        f"{settings.answer_slots} answer slots, {settings.question_burst} questions then "
        f"{settings.questions_per_minute:g}/min per session": Run(
            assistant, QuestionLimiter(settings.question_burst, settings.questions_per_minute)
        ),
    }
    for label, run in runs.items():
        started = time.perf_counter()
        latencies = [
            seconds
            for _ in range(args.rounds)
            for seconds in measure(run, args.sessions, args.questions, args.chars)
        ]
        show(f"under load, {label}", latencies)
        print(
            f"  {args.rounds} rounds in {time.perf_counter() - started:.1f} s; refused: "
            f"{run.refused['limit']} over the limit, {run.refused['busy']} busy"
        )


if __name__ == "__main__":
    main()
