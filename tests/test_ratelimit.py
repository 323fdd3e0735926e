"""Questions per session."""

from __future__ import annotations

import pytest

from o2r_assistant.config import Settings
from o2r_assistant.errors import RateLimitError
from o2r_assistant.ratelimit import QuestionLimiter


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
