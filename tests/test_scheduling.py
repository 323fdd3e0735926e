"""Answers computed at once, and the fair order of the waiting ones.

The jobs are fakes that hold their slot until the test lets them finish, and the
test waits until each is queued before the next step, so every order asserted
here is the scheduler's, not the threads'.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from o2r_assistant.errors import RateLimitError
from o2r_assistant.scheduling import FairSlots, shared_slots

LONG, SHORT = 256, 17  # tokens of a 2,000-character question and of the chat's examples


def eventually(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.002)


class Jobs:
    """Fake answers through one ``FairSlots``; ``started`` is the order they got a slot."""

    def __init__(self, slots: FairSlots) -> None:
        self.slots = slots
        self.started: list[str] = []
        self.refused: list[str] = []
        self.submitted = 0
        self._threads: dict[str, tuple[threading.Thread, threading.Event]] = {}

    def submit(self, name: str, session: str, cost: float) -> None:
        """Ask for a slot, and return once the job holds one or waits in the queue."""
        release = threading.Event()

        def run() -> None:
            try:
                with self.slots.turn(session, cost):
                    self.started.append(name)
                    release.wait(10)
            except RateLimitError:
                self.refused.append(name)

        thread = threading.Thread(target=run, daemon=True)
        self._threads[name] = (thread, release)
        self.submitted += 1
        thread.start()
        eventually(self._settled, f"{name} neither started nor queued")

    def finish(self, name: str) -> None:
        """Let a running job end; its slot goes to the next turn."""
        thread, release = self._threads.pop(name)
        release.set()
        thread.join(10)
        eventually(self._settled, "the next job did not start")

    def finish_all(self) -> None:
        """Let the running jobs end, and the waiting ones start and end, in turn."""
        while running := [n for n in self.started if n in self._threads]:
            self.finish(running[0])

    def _settled(self) -> bool:
        """Every job submitted holds or held a slot, waits for one, or was refused."""
        return len(self.started) + len(self.refused) + self.slots.waiting == self.submitted


@pytest.fixture
def one_slot() -> Jobs:
    return Jobs(FairSlots(1, wait_s=10))


def test_a_short_question_passes_the_long_ones_queued_before_it(one_slot: Jobs) -> None:
    """Before (a semaphore): any waiting thread could go next, and the short question
    waited behind up to the whole queue of long ones (median 1.7 s in the benchmark)."""
    jobs = one_slot
    jobs.submit("long-a1", "a", LONG)  # holds the slot
    jobs.submit("long-b1", "b", LONG)
    jobs.submit("long-c1", "c", LONG)
    jobs.submit("long-a2", "a", LONG)
    jobs.submit("short", "quiet", SHORT)
    jobs.finish_all()
    assert jobs.started == ["long-a1", "short", "long-b1", "long-c1", "long-a2"]


def test_a_session_sending_many_questions_takes_turns_with_the_others(one_slot: Jobs) -> None:
    """A first-come queue would answer all six of the flood before the other session."""
    jobs = one_slot
    jobs.submit("hold", "x", 10)
    for n in range(6):
        jobs.submit(f"flood{n}", "flood", 100)
    for n in range(3):
        jobs.submit(f"other{n}", "other", 100)
    jobs.finish_all()
    assert jobs.started == [
        "hold",
        *("flood0", "other0", "flood1", "other1", "flood2", "other2"),
        *("flood3", "flood4", "flood5"),
    ]


def test_short_questions_share_tokens_with_a_long_one_and_cannot_starve_it(
    one_slot: Jobs,
) -> None:
    """Short questions keep arriving from new sessions while a long one waits: each new
    one goes first until they have had as many tokens as the long question costs."""
    jobs = one_slot
    jobs.submit("hold", "x", 10)
    jobs.submit("long", "l", LONG)
    for n in range(30):
        jobs.submit(f"short{n}", f"s{n}", SHORT)
        jobs.finish(jobs.started[-1])
    jobs.finish_all()
    # Tags: the long one 10 + 256 = 266, short n 10 + 17 (n + 1): 15 go first (282 > 266).
    assert jobs.started.index("long") == 1 + 15
    assert len(jobs.started) == 32


def test_answers_computed_at_once_are_bounded() -> None:
    """Before the slots: 8 sessions computed 8 answers at once on 2 cores."""
    slots = FairSlots(2, wait_s=10)
    inside, peak, lock = 0, 0, threading.Lock()

    def answer(session: str) -> None:
        nonlocal inside, peak
        with slots.turn(session, 10):
            with lock:
                inside += 1
                peak = max(peak, inside)
            time.sleep(0.05)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=answer, args=(f"s{n}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == 2


def test_a_session_waiting_too_long_gets_a_busy_message_and_is_not_charged() -> None:
    jobs = Jobs(FairSlots(1, wait_s=0.5))
    jobs.submit("hold", "x", 10)
    jobs.submit("gave-up", "a", 1000)
    eventually(lambda: jobs.refused == ["gave-up"], "the waiting turn was not refused")
    # Were "a" charged the 1,000 tokens it never used, "b" would go first.
    jobs.submit("a-again", "a", 100)
    jobs.submit("b", "b", 100)
    jobs.finish_all()
    assert jobs.started == ["hold", "a-again", "b"]


def test_the_busy_message_is_polite_french() -> None:
    slots = FairSlots(1, wait_s=0.05)
    with slots.turn("a", 1), pytest.raises(RateLimitError) as busy, slots.turn("b", 1):
        pass
    assert busy.value.message_fr == (
        "L'assistant est très sollicité en ce moment : reposez votre question dans une "
        "minute, merci de votre patience."
    )
    with slots.turn("b", 1):  # released after the error
        assert slots.waiting == 0


def test_only_sessions_with_an_answer_waiting_are_remembered() -> None:
    slots = FairSlots(1, wait_s=10)
    for n in range(1000):
        with slots.turn(f"session{n}", SHORT):
            pass
    assert slots._tags == {}


def test_slots_are_shared_by_the_process() -> None:
    assert shared_slots(2, 30.0) is shared_slots(2, 30.0)
    assert shared_slots(3, 30.0).slots == 3
