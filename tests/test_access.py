"""Staff access: constant-time password check and per-session lockout, on an injected clock."""

from __future__ import annotations

import hmac

import pytest

from o2r_assistant.access import LOCK_SECONDS, MAX_LOGIN_FAILURES, LoginGuard, Outcome, is_enabled

SECRET = "mot-de-passe"


def test_the_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return original(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert LoginGuard().check("mauvais", SECRET, now=0).status == "wrong"
    assert LoginGuard().check(SECRET, SECRET, now=0).status == "ok"
    assert calls == [(b"mauvais", SECRET.encode()), (SECRET.encode(), SECRET.encode())]


def test_non_ascii_passwords_are_compared_as_utf8() -> None:
    assert LoginGuard().check("clé-été", "clé-été", now=0).status == "ok"
    assert LoginGuard().check("cle-ete", "clé-été", now=0).status == "wrong"


@pytest.mark.parametrize("configured", [None, ""])
def test_disabled_when_no_password_is_configured(configured: str | None) -> None:
    assert not is_enabled(configured)
    guard = LoginGuard()
    for password in ("", "x"):
        assert guard.check(password, configured, now=0) == Outcome("disabled")
    assert guard == LoginGuard()  # not counted as failures


def test_enabled_with_a_password() -> None:
    assert is_enabled(SECRET)


def test_lockout_after_the_allowed_failures() -> None:
    guard = LoginGuard()
    for n in range(1, MAX_LOGIN_FAILURES):
        assert guard.check("mauvais", SECRET, now=100) == Outcome("wrong", failures=n)
    assert guard.check("mauvais", SECRET, now=100) == Outcome(
        "locked", LOCK_SECONDS, MAX_LOGIN_FAILURES
    )
    assert guard.seconds_left(100) == LOCK_SECONDS
    # While locked, even the right password is refused and nothing is counted.
    assert guard.check(SECRET, SECRET, now=110) == Outcome("locked", LOCK_SECONDS - 10)
    assert guard.failures == 0


def test_unlocked_once_the_delay_has_passed() -> None:
    guard = LoginGuard()
    for _ in range(MAX_LOGIN_FAILURES):
        guard.check("mauvais", SECRET, now=100)
    assert guard.seconds_left(100 + LOCK_SECONDS - 0.5) == 0.5
    assert guard.seconds_left(100 + LOCK_SECONDS) == 0
    # A fresh round of attempts: one wrong password does not lock again.
    assert guard.check("mauvais", SECRET, now=100 + LOCK_SECONDS).status == "wrong"
    assert guard.check(SECRET, SECRET, now=100 + LOCK_SECONDS).status == "ok"


def test_success_resets_the_failures() -> None:
    guard = LoginGuard()
    for _ in range(MAX_LOGIN_FAILURES - 1):
        guard.check("mauvais", SECRET, now=0)
    assert guard.check(SECRET, SECRET, now=0) == Outcome("ok")
    assert guard.failures == 0
    for n in range(1, MAX_LOGIN_FAILURES):
        assert guard.check("mauvais", SECRET, now=0) == Outcome("wrong", failures=n)


def test_limits_can_be_set_per_guard() -> None:
    guard = LoginGuard(max_failures=1, lock_seconds=5)
    assert guard.check("mauvais", SECRET, now=0) == Outcome("locked", 5, 1)
    assert guard.check(SECRET, SECRET, now=5).status == "ok"
