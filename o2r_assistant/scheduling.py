"""Answers computed at once, and the order in which the waiting ones go.

Embedding the question is the CPU-bound part of an answer, and one engine embeds
one question at a time, so answers queue for it. :class:`FairSlots` lets
``slots`` answers in at once; the others wait, up to ``wait_s``, in a fair order
across sessions rather than in whatever order the threads happen to wake up.

The order is self-clocked fair queuing (Golestani, 1994), an answer's cost being
the tokens its question gives the embedder. Each waiting answer gets a finish
tag: its session's previous tag, or the virtual time if that is later, plus its
cost. The smallest tag goes next, and its tag becomes the virtual time. So:

- a session that has had little lately goes ahead of the backlog of busy ones,
  and a short question ahead of long ones: it waits for about one answer, not
  for the whole queue;
- sessions that keep the engine busy share it equally in tokens: many short
  questions do not buy more than a few long ones;
- no answer waits forever: later arrivals get later tags as the virtual time
  advances, so a long question's turn comes after a bounded number of others.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .errors import RateLimitError


@dataclass(order=True)
class _Turn:
    finish: float
    arrival: int
    session: str = field(compare=False)
    # The session's tag before this turn, given back if the turn is abandoned.
    previous: float | None = field(compare=False)
    granted: bool = field(default=False, compare=False)


class FairSlots:
    """At most ``slots`` callers inside :meth:`turn` at once, let in by fair queuing."""

    def __init__(self, slots: int, wait_s: float) -> None:
        if slots < 1 or wait_s <= 0:
            raise ValueError("slots must be at least 1 and wait_s positive")
        self.slots, self.wait_s = slots, wait_s
        self._free = slots
        self._virtual = 0.0
        self._tags: dict[str, float] = {}  # sessions' last finish tags above the virtual time
        self._queue: list[_Turn] = []
        self._arrivals = itertools.count()
        self._ready = threading.Condition()

    @property
    def waiting(self) -> int:
        """Answers waiting for a slot."""
        with self._ready:
            return len(self._queue)

    @contextmanager
    def turn(self, session: str, cost: float) -> Iterator[None]:
        """Hold one slot for the block, in this session's fair turn; RateLimitError if
        none comes within ``wait_s``. ``cost`` is the work's size (tokens to embed)."""
        with self._ready:
            previous = self._tags.get(session)
            finish = max(self._virtual, previous or 0.0) + cost
            self._tags[session] = finish
            turn = _Turn(finish, next(self._arrivals), session, previous)
            heapq.heappush(self._queue, turn)
            self._dispatch()
            deadline = time.monotonic() + self.wait_s
            while not turn.granted:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._abandon(turn)
                    raise RateLimitError(
                        f"no answer slot free within {self.wait_s:g} s ({self.slots} slots)",
                        "L'assistant est très sollicité en ce moment : reposez votre question "
                        "dans une minute, merci de votre patience.",
                    )
                self._ready.wait(left)
        try:
            yield
        finally:
            with self._ready:
                self._free += 1
                self._dispatch()

    def _dispatch(self) -> None:
        """Grant free slots to the smallest tags (called with the lock held)."""
        granted = False
        while self._free and self._queue:
            turn = heapq.heappop(self._queue)
            turn.granted, granted = True, True
            self._free -= 1
            self._virtual = max(self._virtual, turn.finish)
        if granted:
            # A tag at or below the virtual time weighs no more than no tag: forget it, so
            # only sessions with an answer waiting are remembered.
            self._tags = {s: tag for s, tag in self._tags.items() if tag > self._virtual}
            self._ready.notify_all()

    def _abandon(self, turn: _Turn) -> None:
        """Take a turn that timed out off the queue; its session is not charged for it."""
        self._queue.remove(turn)
        heapq.heapify(self._queue)
        if self._tags.get(turn.session) == turn.finish:
            if turn.previous is None:
                del self._tags[turn.session]
            else:
                self._tags[turn.session] = turn.previous


_shared: dict[tuple[int, float], FairSlots] = {}
_shared_lock = threading.Lock()


def shared_slots(slots: int, wait_s: float) -> FairSlots:
    """The process-wide slots for these settings: every assistant and session shares them."""
    with _shared_lock:
        key = (slots, wait_s)
        if key not in _shared:
            _shared[key] = FairSlots(slots, wait_s)
        return _shared[key]
