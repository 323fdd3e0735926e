"""Staff access: the admin password check, rate-limited per session.

Pure: the caller keeps a :class:`LoginGuard` per session and passes the clock in,
so lockouts are tested without waiting.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Literal, TypeGuard

MAX_LOGIN_FAILURES = 3
LOCK_SECONDS = 30.0


@dataclass(frozen=True)
class Outcome:
    """What a login attempt gave. ``failures`` counts the wrong passwords in a row,
    this one included; ``seconds_left`` is the lockout still to wait."""

    status: Literal["disabled", "locked", "wrong", "ok"]
    seconds_left: float = 0.0
    failures: int = 0


def is_enabled(configured: str | None) -> TypeGuard[str]:
    """Staff pages exist only once an admin password is configured (an empty one counts as none)."""
    return bool(configured)


@dataclass
class LoginGuard:
    """One session's login attempts: a lockout follows ``max_failures`` wrong passwords."""

    failures: int = 0
    locked_until: float = 0.0
    max_failures: int = MAX_LOGIN_FAILURES
    lock_seconds: float = LOCK_SECONDS

    def seconds_left(self, now: float) -> float:
        return max(0.0, self.locked_until - now)

    def check(self, password: str, configured: str | None, now: float) -> Outcome:
        """Check ``password`` against the configured one, counting failures."""
        if not is_enabled(configured):
            return Outcome("disabled")
        left = self.seconds_left(now)
        if left > 0:  # refused unread, even when right
            return Outcome("locked", left)
        # Constant time: the comparison does not reveal how much of the password is right.
        if hmac.compare_digest(password.encode("utf-8"), configured.encode("utf-8")):
            self.failures = 0
            return Outcome("ok")
        self.failures += 1
        failures = self.failures
        if failures < self.max_failures:
            return Outcome("wrong", failures=failures)
        self.failures = 0
        self.locked_until = now + self.lock_seconds
        return Outcome("locked", self.lock_seconds, failures)
