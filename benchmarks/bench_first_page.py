"""First page: navigation to a usable chat input, on fresh servers and on a warm one.

    python benchmarks/bench_first_page.py [--servers 5] [--warm 3] [--load] [--index index/]

Each round starts `streamlit run serve.py` on a free port (with a copy of ``index/``
and a new, empty database, as a first deployment), opens the page in a new Chromium
context as the server's first visitor, then as ``--warm`` later visitors. ``--load``
keeps one core busy with a spinning process for the whole run (the machine has two).
A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHAT_PLACEHOLDER, chromium, new_page, serve  # noqa: E402


def spin(seconds: float) -> None:
    """Busy loop: a competing CPU-bound process, bounded in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


@contextlib.contextmanager
def cpu_load(enabled: bool, seconds: float):
    if not enabled:
        yield
        return
    process = multiprocessing.Process(target=spin, args=(seconds,), daemon=True)
    process.start()
    try:
        yield
    finally:
        process.terminate()
        process.join()


def open_chat(page, url: str) -> float:
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    box = page.get_by_placeholder(CHAT_PLACEHOLDER)
    box.wait_for(state="visible")
    assert box.is_editable()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--servers", type=int, default=5, help="fresh servers started")
    parser.add_argument("--warm", type=int, default=3, help="visits after the first, each")
    parser.add_argument("--load", action="store_true", help="keep the other core busy")
    parser.add_argument("--index", type=Path, default=ROOT / "index", help="a built index")
    args = parser.parse_args()

    fresh, warm = [], []
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        work = Path(tmp)
        shutil.copytree(args.index, work / "index", symlinks=True)
        os.environ["O2R_INDEX_DIR"] = str(work / "index")
        os.environ["O2R_CORPUS_DIR"] = str(ROOT / "corpus")
        with cpu_load(args.load, seconds=args.servers * 120):
            for n in range(args.servers):
                run = work / f"run-{n}"
                run.mkdir()
                os.environ["O2R_FEEDBACK_DB"] = str(run / "feedback.sqlite3")
                with serve(run) as url:
                    fresh.append(open_chat(new_page(browser), url))
                    warm += [open_chat(new_page(browser), url) for _ in range(args.warm)]
                print(f"server {n + 1}: fresh {fresh[-1]:.2f} s", flush=True)
    load = "one core busy" if args.load else "idle"
    print(
        f"chat input usable ({load}): fresh server median {statistics.median(fresh):.2f} s "
        f"[{' '.join(f'{s:.2f}' for s in sorted(fresh))}], "
        f"warm median {statistics.median(warm):.2f} s (n={len(warm)})"
    )


if __name__ == "__main__":
    main()
