"""Staff access: the admin password check, rate-limited per client address and globally.

One :class:`LoginLimiter` per process is shared by every session, so a new
session (a reload, a new browser context) starts from the failures of the
previous ones. Two buckets count wrong passwords:

- per client address: after ``max_failures`` wrong passwords the address is
  locked for ``lock_seconds``; every further wrong password from it within
  ``client_memory_seconds`` locks it again for twice as long (30 s, 60 s,
  120 s… up to ``max_lock_seconds``);
- for all clients together: ``global_max_failures`` wrong passwords within
  ``global_window_seconds`` lock every client the same way, so an attacker
  rotating addresses is bounded too.

While locked, a password is refused unread (not even compared). A right
password clears its address's failures, not the global ones. The clock is
injected, so lockouts are tested without waiting.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeGuard

MAX_LOGIN_FAILURES = 3
LOCK_SECONDS = 30.0
MAX_LOCK_SECONDS = 3600.0
GLOBAL_MAX_FAILURES = 20
GLOBAL_WINDOW_SECONDS = 3600.0
# A client's failures (and its backoff) are forgotten after a day without any.
CLIENT_MEMORY_SECONDS = 86_400.0
# At most this many addresses are remembered; beyond, the least recent is dropped.
MAX_CLIENTS = 10_000
# The key for a session whose address Streamlit does not give (localhost): all
# such sessions share one count, which errs on the safe side.
UNKNOWN_CLIENT = "unknown"

Scope = Literal["client", "global"]


@dataclass(frozen=True)
class LoginPolicy:
    """The limits; the defaults are the constants above."""

    max_failures: int = MAX_LOGIN_FAILURES
    lock_seconds: float = LOCK_SECONDS
    max_lock_seconds: float = MAX_LOCK_SECONDS
    global_max_failures: int = GLOBAL_MAX_FAILURES
    global_window_seconds: float = GLOBAL_WINDOW_SECONDS
    client_memory_seconds: float = CLIENT_MEMORY_SECONDS
    max_clients: int = MAX_CLIENTS

    def __post_init__(self) -> None:
        if self.max_failures < 1 or self.global_max_failures < 1 or self.max_clients < 1:
            raise ValueError("login limits must be at least 1")
        if min(self.lock_seconds, self.global_window_seconds, self.client_memory_seconds) <= 0:
            raise ValueError("login durations must be positive")
        if self.max_lock_seconds < self.lock_seconds:
            raise ValueError("the longest lock cannot be shorter than the first one")

    def lock_for(self, strikes: int) -> float:
        """The lock after ``strikes`` locks in a row: doubled each time, capped."""
        return min(self.lock_seconds * 2.0 ** min(strikes - 1, 64), self.max_lock_seconds)


@dataclass(frozen=True)
class LoginOutcome:
    """What a login attempt gave.

    - ``ok``: the right password; ``disabled``: no password is configured.
    - ``wrong``: compared and wrong; ``seconds_left`` > 0 when this failure
      started a lock (of ``scope``).
    - ``locked``: refused unread, ``seconds_left`` still to wait.

    ``failures`` counts this client's remembered wrong passwords and
    ``global_failures`` all clients' within the global window (at most
    ``global_max_failures`` are kept).
    """

    status: Literal["disabled", "locked", "wrong", "ok"]
    seconds_left: float = 0.0
    scope: Scope | None = None
    failures: int = 0
    global_failures: int = 0


def is_enabled(configured: str | None) -> TypeGuard[str]:
    """Staff pages exist only once an admin password is configured (an empty one counts as none)."""
    return bool(configured)


def client_key(address: object) -> str:
    """The bucket of a client address as Streamlit gives it.

    Anything but a non-empty string (None on localhost, a stand-in object under
    Streamlit's AppTest) goes to the one shared :data:`UNKNOWN_CLIENT` bucket.
    """
    return address if isinstance(address, str) and address else UNKNOWN_CLIENT


class _Bucket:
    """The wrong passwords of one client, or of all: the latest ``limit`` times and the lock."""

    __slots__ = ("failures", "last_lock_end", "locked_until", "strikes", "times")

    def __init__(self, limit: int) -> None:
        self.times: deque[float] = deque(maxlen=limit)
        self.failures = 0
        self.strikes = 0
        self.locked_until = 0.0
        self.last_lock_end = float("-inf")

    def seconds_left(self, now: float) -> float:
        return max(0.0, self.locked_until - now)

    def in_window(self, now: float, window: float) -> int:
        return sum(1 for t in self.times if now - t <= window)

    def fail(self, now: float, window: float, policy: LoginPolicy) -> float:
        """Count a wrong password; the lock it starts, or 0.

        A lock starts when the latest ``limit`` failures all fall within
        ``window``; each lock in a row doubles. The doubling starts over once
        a whole window has passed since the end of the last lock.
        """
        self.failures += 1
        self.times.append(now)
        if now - self.last_lock_end > window:
            self.strikes = 0
        if len(self.times) < (self.times.maxlen or 0) or now - self.times[0] > window:
            return 0.0
        self.strikes += 1
        lock = policy.lock_for(self.strikes)
        self.locked_until = now + lock
        self.last_lock_end = self.locked_until
        return lock

    def forgotten(self, now: float, memory: float) -> bool:
        """Nothing left to remember: unlocked, and the last failure is older than ``memory``."""
        return now >= self.locked_until and now - self.times[-1] > memory


class LoginLimiter:
    """Process-wide, thread-safe password checks, rate-limited per client and globally.

    Create one per process and share it between sessions. ``clock`` gives
    seconds (monotonic by default; tests pass their own).
    """

    def __init__(
        self, policy: LoginPolicy | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.policy = policy or LoginPolicy()
        self._clock = clock
        self._lock = threading.Lock()
        # Least recently failed first, so the forgotten ones are at the front.
        self._clients: OrderedDict[str, _Bucket] = OrderedDict()
        self._global = _Bucket(self.policy.global_max_failures)

    def __len__(self) -> int:
        """How many client addresses are remembered."""
        with self._lock:
            return len(self._clients)

    def seconds_left(self, client: str) -> float:
        """How long ``client`` must still wait before a password is read."""
        with self._lock:
            return self._seconds_left(client, self._clock())[0]

    def check(self, client: str, password: str, configured: str | None) -> LoginOutcome:
        """Check ``password`` from ``client`` against the configured one, counting failures."""
        if not is_enabled(configured):
            return LoginOutcome("disabled")
        # One lock around the whole check: concurrent guesses cannot slip past the limit.
        with self._lock:
            now = self._clock()
            left, scope = self._seconds_left(client, now)
            if left > 0:  # refused unread, even when right
                return LoginOutcome("locked", left, scope, *self._counts(client, now))
            # Constant time: the comparison does not reveal how much of the password is right.
            if hmac.compare_digest(password.encode("utf-8"), configured.encode("utf-8")):
                self._clients.pop(client, None)
                return LoginOutcome("ok")
            return self._fail(client, now)

    def _seconds_left(self, client: str, now: float) -> tuple[float, Scope | None]:
        bucket = self._clients.get(client)
        mine = bucket.seconds_left(now) if bucket else 0.0
        everyone = self._global.seconds_left(now)
        if mine <= 0 and everyone <= 0:
            return 0.0, None
        return (mine, "client") if mine >= everyone else (everyone, "global")

    def _counts(self, client: str, now: float) -> tuple[int, int]:
        bucket = self._clients.get(client)
        window = self.policy.global_window_seconds
        return (bucket.failures if bucket else 0), self._global.in_window(now, window)

    def _fail(self, client: str, now: float) -> LoginOutcome:
        policy = self.policy
        self._forget(now)
        bucket = self._clients.pop(client, None) or _Bucket(policy.max_failures)
        self._clients[client] = bucket  # now the most recent
        while len(self._clients) > policy.max_clients:
            self._clients.popitem(last=False)
        mine = bucket.fail(now, policy.client_memory_seconds, policy)
        everyone = self._global.fail(now, policy.global_window_seconds, policy)
        failures, global_failures = self._counts(client, now)
        if mine <= 0 and everyone <= 0:
            return LoginOutcome("wrong", failures=failures, global_failures=global_failures)
        scope: Scope = "client" if mine >= everyone else "global"
        return LoginOutcome("wrong", max(mine, everyone), scope, failures, global_failures)

    def _forget(self, now: float) -> None:
        memory = self.policy.client_memory_seconds
        while self._clients:
            oldest = next(iter(self._clients.values()))
            if not oldest.forgotten(now, memory):
                break
            self._clients.popitem(last=False)
