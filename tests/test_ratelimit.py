"""Questions per session and answers computed at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from o2r_assistant.config import Settings
from o2r_assistant.errors import RateLimitError
from o2r_assistant.ratelimit import AnswerSlots, QuestionLimiter, shared_slots


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def allowed(limiter: QuestionLimiter, session: str) -> bool:
    try:
        limiter.check(session)
    except RateLimitError:
        return False
    return True


def test_one_session_flooding_for_a_minute_gets_the_burst_and_the_rate() -> None:
    """Before: every question was answered (100 of 100 in a minute, from one session)."""
    clock = Clock()
    settings = Settings()
    limiter = QuestionLimiter(settings.question_burst, settings.questions_per_minute, clock)
    answered = 0
    for _ in range(100):  # one question every 0.6 s
        answered += allowed(limiter, "flood")
        clock.now += 0.6
    assert answered == 10 + 5  # the burst, then one each 10 s (5.94 tokens in 59.4 s)
    assert allowed(limiter, "someone-else")  # other sessions are not affected


def test_the_refusal_is_polite_french_and_says_how_long() -> None:
    clock = Clock()
    limiter = QuestionLimiter(2, 6, clock)
    limiter.check("s")
    limiter.check("s")
    assert limiter.wait_s("s") == pytest.approx(10)
    with pytest.raises(RateLimitError) as refused:
        limiter.check("s")
    assert refused.value.message_fr == (
        "Merci pour vos questions ! Pour que l'assistant reste disponible pour tout le monde, "
        "patientez 10 secondes avant d'en poser une nouvelle."
    )
    clock.now += 9.5
    with pytest.raises(RateLimitError, match=r"next in 0\.5 s") as refused:
        limiter.check("s")
    assert "patientez 1 seconde avant" in refused.value.message_fr
    clock.now += 0.5
    limiter.check("s")


def test_forgotten_sessions_are_bounded() -> None:
    clock = Clock()
    limiter = QuestionLimiter(1, 1, clock, max_sessions=3)
    for session in "abcd":
        limiter.check(session)
    assert len(limiter._buckets) == 3  # "a", least recently used, was forgotten
    assert allowed(limiter, "a") and not allowed(limiter, "d")


def _max_inside(run: Callable[[Callable[[], None]], None], threads: int = 8) -> int:
    inside, peak, lock = 0, 0, threading.Lock()

    def work() -> None:
        nonlocal inside, peak
        with lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.05)
        with lock:
            inside -= 1

    workers = [threading.Thread(target=run, args=(work,)) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return peak


def test_answers_computed_at_once_are_bounded() -> None:
    """Before: 8 sessions computed 8 answers at once on 2 cores; after: at most the slots."""
    assert _max_inside(lambda work: work()) == 8
    slots = AnswerSlots(2, wait_s=10)

    def bounded(work: Callable[[], None]) -> None:
        with slots.bounded():
            work()

    assert _max_inside(bounded) == 2


def test_a_session_waiting_too_long_gets_a_busy_message() -> None:
    slots = AnswerSlots(1, wait_s=0.05)
    with slots.bounded(), pytest.raises(RateLimitError) as busy, slots.bounded():
        pass
    assert "très sollicité" in busy.value.message_fr
    with slots.bounded():  # released after the error
        pass


def test_slots_are_shared_by_the_process() -> None:
    assert shared_slots(2, 30.0) is shared_slots(2, 30.0)
    assert shared_slots(3, 30.0).slots == 3
