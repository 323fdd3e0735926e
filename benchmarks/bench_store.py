"""Feedback writes from several processes at once, as app replicas would send them.

    python benchmarks/bench_store.py [--url postgresql+psycopg://…] [--writers 2] [--rows 200]

Each writer process adds ``--rows`` feedback rows (one transaction each) to the
database at ``--url`` (default: a new SQLite file in a temporary folder), all
starting together on an empty database (so the migrations race too). Prints the
latency of one write, the rows per second of all writers together and whether
every row was stored. Against PostgreSQL, use an empty database: the rows stay.

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import summary

from o2r_assistant.db import Database
from o2r_assistant.feedback import FeedbackStore


def _writer(target: Database, n: int, rows: int, start: float, out) -> None:
    time.sleep(max(0.0, start - time.time()))
    store = FeedbackStore(target)
    latencies = []
    for i in range(rows):
        began = time.perf_counter()
        store.add(f"Question {n}-{i} ?", "Réponse.", [], "up", session_id=f"bench-{n}")
        latencies.append((time.perf_counter() - began) * 1000)
    out.put(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--rows", type=int, default=200)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    target = Database(args.url or Path(folder.name) / "feedback.sqlite3")
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    start = time.time() + 0.5
    workers = [
        ctx.Process(target=_writer, args=(target, n, args.rows, start, out))
        for n in range(args.writers)
    ]
    for worker in workers:
        worker.start()
    latencies = [ms for _ in workers for ms in out.get(timeout=600)]
    for worker in workers:
        worker.join()
    elapsed = time.time() - start
    stored = sum(
        len(FeedbackStore(target).records(session_id=f"bench-{n}")) for n in range(args.writers)
    )
    expected = args.writers * args.rows
    print(f"{target.dialect}: {args.writers} writers x {args.rows} rows")
    print(f"  one write: {summary(latencies)}")
    print(f"  {expected / elapsed:.0f} rows/s together ({elapsed:.1f} s, migrations included)")
    print(f"  rows stored: {stored}/{expected}")
    folder.cleanup()


if __name__ == "__main__":
    main()
