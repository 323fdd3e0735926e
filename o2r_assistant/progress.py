"""Progress reporting shared by index builds, evaluation runs and the command line."""

from __future__ import annotations

import sys
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
