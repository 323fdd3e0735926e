"""Progress reporting shared by index builds, evaluation runs and the command line."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

# Called with (done, total) after each batch of work.
Progress = Callable[[int, int], None]


def progress_bar(desc: str, unit: str = "question") -> Progress:
    """A tqdm bar on stderr fed by ``(done, total)`` callbacks."""
    from tqdm import tqdm

    bars: list[tqdm] = []  # created on the first callback, so model loading is not timed

    def update(done: int, total: int) -> None:
        if not bars:
            bars.append(tqdm(total=total, desc=desc, unit=unit, file=sys.stderr))
        bars[0].update(done - bars[0].n)
        if done >= total:
            bars[0].close()

    return update


class BuildProgress:
    """A ``Progress`` callback that keeps what a page shows about a running build:
    passages embedded, passages per second and time left. Safe to read from any thread."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.done = 0
        self.total = 0
        self._started: float | None = None
        self._updated: float | None = None

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        with self._lock:
            if self._started is None:
                self._started = now  # the first call comes when embedding starts
            self.done, self.total, self._updated = done, total, now

    @property
    def rate(self) -> float | None:
        """Passages per second so far, or None before the first batch."""
        with self._lock:
            if self._started is None or not self.done or self._updated == self._started:
                return None
            return self.done / (self._updated - self._started)

    @property
    def seconds_left(self) -> float | None:
        rate = self.rate
        return None if rate is None else max(0.0, (self.total - self.done) / rate)

    def describe_fr(self) -> str:
        """One French line, e.g. "120 / 1 000 passages, 7,4 passages/s, environ 2 min restantes"."""
        if self._started is None:
            return "préparation de l'index…"
        text = f"{_fr_int(self.done)} / {_fr_int(self.total)} passages"
        rate, left = self.rate, self.seconds_left
        if rate is not None and left is not None:
            text += f", {rate:.1f}".replace(".", ",") + " passages/s, environ "
            text += f"{left / 60:.0f} min restantes" if left >= 90 else f"{left:.0f} s restantes"
        return text


def _fr_int(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")
