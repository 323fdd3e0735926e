"""Questions per browser session: a token bucket per session.

A session may ask ``burst`` questions at once, then one more each
``60 / per_minute`` seconds. Over that, :class:`RateLimitError` says politely, in
French, how long to wait. Buckets live in the process (at most ``MAX_SESSIONS``;
the least recently used is forgotten first, which gives it a full bucket again).
The clock is injected, for tests. Answers computed at once, and their order, are
:mod:`o2r_assistant.scheduling`'s.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from .errors import RateLimitError

MAX_SESSIONS = 10_000


@dataclass
class _Bucket:
    tokens: float
    updated: float


class QuestionLimiter:
    """Questions per session: ``burst`` at once, then ``per_minute`` per minute."""

    def __init__(
        self,
        burst: int,
        per_minute: float,
        clock: Callable[[], float] = time.monotonic,
        max_sessions: int = MAX_SESSIONS,
    ) -> None:
        if burst < 1 or per_minute <= 0:
            raise ValueError("burst must be at least 1 and per_minute positive")
        self.burst, self.rate = burst, per_minute / 60.0
        self.clock, self.max_sessions = clock, max_sessions
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def _bucket(self, session_id: str, now: float) -> _Bucket:
        bucket = self._buckets.get(session_id)
        if bucket is None:
            bucket = self._buckets[session_id] = _Bucket(float(self.burst), now)
            while len(self._buckets) > self.max_sessions:
                self._buckets.popitem(last=False)
        self._buckets.move_to_end(session_id)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        return bucket

    def wait_s(self, session_id: str) -> float:
        """Seconds before this session may ask again (0 if it may now)."""
        with self._lock:
            bucket = self._bucket(session_id, self.clock())
            return 0.0 if bucket.tokens >= 1 else (1 - bucket.tokens) / self.rate

    def check(self, session_id: str) -> None:
        """Count one question of this session, or raise RateLimitError (nothing counted)."""
        with self._lock:
            bucket = self._bucket(session_id, self.clock())
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return
            wait = (1 - bucket.tokens) / self.rate
        raise RateLimitError(
            f"session asked more than {self.burst} questions at the allowed rate; "
            f"next in {wait:.1f} s",
            "Merci pour vos questions ! Pour que l'assistant reste disponible pour tout le "
            f"monde, patientez {_seconds_fr(wait)} avant d'en poser une nouvelle.",
        )


def _seconds_fr(seconds: float) -> str:
    whole = max(1, math.ceil(seconds))
    return "1 seconde" if whole == 1 else f"{whole} secondes"
