"""Staff access: constant-time password check, lockouts per client address and
global, with exponential backoff, on an injected clock (nothing sleeps)."""

from __future__ import annotations

import hmac
import threading

import pytest

from o2r_assistant.access import (
    LOCK_SECONDS,
    MAX_LOCK_SECONDS,
    MAX_LOGIN_FAILURES,
    UNKNOWN_CLIENT,
    LoginLimiter,
    LoginOutcome,
    LoginPolicy,
    client_key,
    is_enabled,
)

SECRET = "mot-de-passe"
A, B = "203.0.113.7", "198.51.100.2"


class Clock:
    """Seconds that only move when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def limiter(clock: Clock, **limits) -> LoginLimiter:
    return LoginLimiter(LoginPolicy(**limits), clock=clock)


def fail(guard: LoginLimiter, client: str, times: int) -> LoginOutcome:
    for _ in range(times):
        outcome = guard.check(client, "mauvais", SECRET)
        assert outcome.status == "wrong", outcome
    return outcome


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, bytes]]:
    """Every password comparison made, in order."""
    calls = []
    original = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return original(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    return calls


def test_the_comparison_is_constant_time(clock: Clock, compared: list) -> None:
    guard = limiter(clock)
    assert guard.check(A, "mauvais", SECRET).status == "wrong"
    assert guard.check(A, SECRET, SECRET).status == "ok"
    assert compared == [(b"mauvais", SECRET.encode()), (SECRET.encode(), SECRET.encode())]


def test_non_ascii_passwords_are_compared_as_utf8(clock: Clock) -> None:
    guard = limiter(clock)
    assert guard.check(A, "clé-été", "clé-été").status == "ok"
    assert guard.check(A, "cle-ete", "clé-été").status == "wrong"


@pytest.mark.parametrize("configured", [None, ""])
def test_disabled_when_no_password_is_configured(clock: Clock, configured: str | None) -> None:
    assert not is_enabled(configured)
    guard = limiter(clock)
    for password in ("", "x"):
        assert guard.check(A, password, configured) == LoginOutcome("disabled")
    assert len(guard) == 0  # not counted as failures


def test_enabled_with_a_password() -> None:
    assert is_enabled(SECRET)


def test_a_missing_address_still_counts_under_one_key() -> None:
    assert client_key(None) == client_key("") == client_key(object()) == UNKNOWN_CLIENT
    assert client_key(A) == A


def test_an_address_is_locked_after_the_allowed_failures(clock: Clock, compared: list) -> None:
    guard = limiter(clock)
    for n in range(1, MAX_LOGIN_FAILURES):
        assert guard.check(A, "mauvais", SECRET) == LoginOutcome(
            "wrong", failures=n, global_failures=n
        )
    assert guard.check(A, "mauvais", SECRET) == LoginOutcome(
        "wrong", LOCK_SECONDS, "client", MAX_LOGIN_FAILURES, MAX_LOGIN_FAILURES
    )
    assert guard.seconds_left(A) == LOCK_SECONDS
    clock.now += 10
    # While locked even the right password is refused, unread, and nothing is counted.
    before = len(compared)
    assert guard.check(A, SECRET, SECRET) == LoginOutcome(
        "locked", LOCK_SECONDS - 10, "client", MAX_LOGIN_FAILURES, MAX_LOGIN_FAILURES
    )
    assert len(compared) == before
    clock.now += LOCK_SECONDS - 10
    assert guard.seconds_left(A) == 0
    assert guard.check(A, SECRET, SECRET).status == "ok"


def test_each_further_failure_doubles_the_lock_up_to_the_cap(clock: Clock) -> None:
    guard = limiter(clock)
    locks = [fail(guard, A, MAX_LOGIN_FAILURES).seconds_left]
    for _ in range(9):
        clock.now += guard.seconds_left(A)
        locks.append(fail(guard, A, 1).seconds_left)  # one more wrong password locks again
    assert locks == [30, 60, 120, 240, 480, 960, 1920, MAX_LOCK_SECONDS, MAX_LOCK_SECONDS, 3600]


def test_the_backoff_is_forgotten_after_a_quiet_day(clock: Clock) -> None:
    guard = limiter(clock)
    fail(guard, A, MAX_LOGIN_FAILURES)
    clock.now += LOCK_SECONDS + 86_400 + 1
    assert fail(guard, A, MAX_LOGIN_FAILURES - 1).seconds_left == 0
    assert fail(guard, A, 1).seconds_left == LOCK_SECONDS  # the first lock again, not 60 s


def test_success_resets_the_address(clock: Clock) -> None:
    guard = limiter(clock)
    fail(guard, A, MAX_LOGIN_FAILURES - 1)
    assert guard.check(A, SECRET, SECRET) == LoginOutcome("ok")
    assert len(guard) == 0
    assert fail(guard, A, MAX_LOGIN_FAILURES - 1).seconds_left == 0
    # After a lock too: the next lock starts again at the first duration.
    fail(guard, A, 1)
    clock.now += LOCK_SECONDS
    assert guard.check(A, SECRET, SECRET).status == "ok"
    assert fail(guard, A, MAX_LOGIN_FAILURES).seconds_left == LOCK_SECONDS


def test_other_addresses_are_not_locked_by_one(clock: Clock) -> None:
    guard = limiter(clock)
    fail(guard, A, MAX_LOGIN_FAILURES)
    assert guard.seconds_left(A) == LOCK_SECONDS
    assert guard.seconds_left(B) == 0
    assert guard.check(B, "mauvais", SECRET).status == "wrong"
    assert guard.check(B, SECRET, SECRET).status == "ok"
    assert guard.check(A, SECRET, SECRET).status == "locked"


def test_the_global_limit_locks_every_address(clock: Clock, compared: list) -> None:
    guard = limiter(clock, global_max_failures=5)
    for n in range(4):
        assert guard.check(f"10.0.0.{n}", "mauvais", SECRET).seconds_left == 0
    assert guard.check("10.0.0.4", "mauvais", SECRET) == LoginOutcome(
        "wrong", LOCK_SECONDS, "global", 1, 5
    )
    before = len(compared)
    assert guard.check(B, SECRET, SECRET) == LoginOutcome("locked", LOCK_SECONDS, "global", 0, 5)
    assert len(compared) == before  # a fresh address is refused unread too
    clock.now += LOCK_SECONDS
    # The window still holds 5 failures: the next one locks everyone for twice as long.
    assert guard.check(B, "mauvais", SECRET).seconds_left == 2 * LOCK_SECONDS
    clock.now += 2 * LOCK_SECONDS
    assert guard.check(B, SECRET, SECRET).status == "ok"
    # A success clears its own address's failures, not everyone's.
    assert guard.check(A, "mauvais", SECRET).seconds_left == 4 * LOCK_SECONDS


def test_failures_spread_over_more_than_the_window_never_lock_globally(clock: Clock) -> None:
    guard = limiter(clock, global_max_failures=5, global_window_seconds=100)
    for n in range(50):
        assert guard.check(f"10.0.0.{n}", "mauvais", SECRET).seconds_left == 0
        clock.now += 26  # the 5 latest failures always span more than 100 s


def test_the_global_backoff_starts_over_after_a_quiet_window(clock: Clock) -> None:
    guard = limiter(clock, global_max_failures=5, global_window_seconds=100)
    for n in range(5):
        outcome = guard.check(f"10.0.0.{n}", "mauvais", SECRET)
    assert (outcome.seconds_left, outcome.scope) == (LOCK_SECONDS, "global")
    clock.now += LOCK_SECONDS
    assert guard.check(B, "mauvais", SECRET).seconds_left == 2 * LOCK_SECONDS
    clock.now += 2 * LOCK_SECONDS + 101
    for n in range(5):
        outcome = guard.check(f"10.0.1.{n}", "mauvais", SECRET)
    assert (outcome.seconds_left, outcome.scope) == (LOCK_SECONDS, "global")


def test_the_remembered_addresses_are_bounded(clock: Clock) -> None:
    guard = limiter(clock, max_clients=100, global_max_failures=10**6)
    for n in range(1000):
        guard.check(f"10.{n // 250}.0.{n % 250}", "mauvais", SECRET)
    assert len(guard) == 100
    # The most recent are kept: the last address is one failure from its lock.
    fail(guard, "10.3.0.249", MAX_LOGIN_FAILURES - 2)
    assert fail(guard, "10.3.0.249", 1).seconds_left == LOCK_SECONDS
    # After a quiet day they are forgotten at the next failure.
    clock.now += 86_400 + LOCK_SECONDS + 1
    guard.check(B, "mauvais", SECRET)
    assert len(guard) == 1


def test_concurrent_failures_are_counted_exactly(clock: Clock) -> None:
    guard = limiter(clock, max_failures=10**6, global_max_failures=10**6)
    threads, per_thread = 8, 200
    outcomes: list[LoginOutcome] = []

    def hammer(n: int) -> None:
        for i in range(per_thread):
            outcomes.append(guard.check(f"10.0.0.{i % 4}", f"mauvais-{n}", SECRET))

    workers = [threading.Thread(target=hammer, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(outcomes) == threads * per_thread
    assert sorted(o.global_failures for o in outcomes) == list(range(1, threads * per_thread + 1))
    for i in range(4):
        assert fail(guard, f"10.0.0.{i}", 1).failures == threads * per_thread // 4 + 1


def test_concurrent_guesses_cannot_pass_the_lock(clock: Clock, compared: list) -> None:
    guard = limiter(clock)
    outcomes: list[LoginOutcome] = []
    start = threading.Barrier(8)

    def guess() -> None:
        start.wait()
        for _ in range(50):
            outcomes.append(guard.check(A, "mauvais", SECRET))

    workers = [threading.Thread(target=guess) for _ in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(compared) == MAX_LOGIN_FAILURES
    assert sum(o.status == "wrong" for o in outcomes) == MAX_LOGIN_FAILURES
    assert sum(o.status == "locked" for o in outcomes) == 8 * 50 - MAX_LOGIN_FAILURES


def attack(hours: int, rotate: bool) -> list[int]:
    """Checked wrong passwords per hour for an attacker who guesses whenever allowed."""
    clock = Clock(0.0)
    guard = LoginLimiter(clock=clock)
    checked: list[float] = []
    while clock.now < hours * 3600:
        client = f"10.0.{len(checked) // 250}.{len(checked) % 250}" if rotate else A
        left = guard.seconds_left(client)
        if left > 0:
            clock.now += left
            continue
        assert guard.check(client, "mauvais", SECRET).status == "wrong"
        checked.append(clock.now)
        clock.now += 1.0  # one guess per second, faster than a browser
    return [sum(h * 3600 <= t < (h + 1) * 3600 for t in checked) for h in range(hours)]


def test_guesses_per_hour_with_the_default_limits() -> None:
    """The figures in docs/reliability.md ("Password guessing")."""
    one_address = attack(24, rotate=False)
    any_addresses = attack(24, rotate=True)
    print(f"\none address: {one_address}\nnew address per guess: {any_addresses}")
    # 3, then one per lock: 30 s, 60 s, ... 1920 s, then one per hour.
    assert one_address == [9] + [1] * 23
    # 20 in the first window, one per lock; then about 20 per hour.
    assert any_addresses[0] == 26 and max(any_addresses[1:]) <= 20 and sum(any_addresses) < 500


@pytest.mark.parametrize(
    "limits",
    [
        {"max_failures": 0},
        {"global_max_failures": 0},
        {"max_clients": 0},
        {"lock_seconds": 0},
        {"global_window_seconds": -1},
        {"lock_seconds": 60, "max_lock_seconds": 30},
    ],
)
def test_impossible_limits_are_refused(limits: dict) -> None:
    with pytest.raises(ValueError):
        LoginPolicy(**limits)
