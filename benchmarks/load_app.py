"""Concurrent chat sessions in headless Chromium against one and two app replicas.

    python benchmarks/load_app.py [--sessions 1,8,32] [--questions 3] [--cache DIR]

Starts, on 127.0.0.1 only, what ``docs/deploy.md`` describes: a PostgreSQL server
(Debian's binaries, a temporary data directory), a `chroma run` server, the indexing
job (`o2r index`) and two `streamlit run serve.py` replicas. Then, for each number of
sessions, twice: every session on replica A alone, then the sessions spread over A and
B. Each session is a new browser context that opens the chat (``--open-at-once`` at a
time); once all are open they ask together, back to back with no think time,
``--questions`` questions each, and rate every answer (« Utile »). Reports, per run:
the time from Enter to the answer shown (p50, p95), the errors (busy messages,
timeouts), the ratings the page acknowledged against the rows PostgreSQL holds (lost
rows), each replica's peak resident memory, and the machine's load average.

Bounded: at most ``--max-sessions`` browser contexts, each answer waited for at most
``--answer-timeout`` seconds and each run at most ``--run-timeout``. ``--cache`` is an
embedding cache folder (``index/cache``) to start the index from, so that the job
embeds nothing (default: this checkout's, when it has one).

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # server starters

import psycopg
from _common import percentile
from browser_support import (
    CHAT_PLACEHOLDER,
    CHROMIUM,
    CHROMIUM_ARGS,
    o2r_index,
    start_app,
    stop_app,
)
from browser_support import wait_healthy as _wait_healthy
from chromaserver import free_port, start_chroma
from pgserver import PostgresServer, pg_bin

ROOT = Path(__file__).resolve().parent.parent

QUESTIONS = (
    "Les dépenses de formation sont-elles éligibles ?",
    "Quel est le coût minimum d'un projet ?",
    "Qui sont les publics « invisibles » visés par l'appel ?",
    "Combien de temps peut durer l'accompagnement d'une personne ?",
    "Quelles structures peuvent répondre à l'appel ?",
    "Quels sont les critères de sélection des projets ?",
)
# Until the last message is the assistant's reply to the question, drawn to its end: its
# thumbs (answers and abstentions) or its error (busy, index down), which come last.
ANSWER_SHOWN_JS = """question => {
    const all = document.querySelectorAll('[data-testid=stChatMessage]');
    if (all.length < 2) return false;
    const last = all[all.length - 1], before = all[all.length - 2];
    return last.querySelector('[data-testid=stChatMessageAvatarAssistant]')
        && before.innerText.includes(question)
        && last.querySelector('[data-testid=stFeedback], [data-testid=stAlertContentError]')
        && !document.querySelector('[data-stale=true]');
}"""


@dataclass
class Outcome:
    """What one run measured."""

    seconds: list[float] = field(default_factory=list)  # Enter to answer shown
    errors: dict[str, int] = field(default_factory=dict)
    rated: int = 0  # ratings the page acknowledged (the comment form was drawn)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


class RssSampler:
    """Peak resident memory (MB) of some processes, sampled every 0.2 s in a thread."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.peak = dict.fromkeys(pids, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def rss_mb(pid: int) -> float:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, pid in self.pids.items():
                self.peak[name] = max(self.peak[name], self.rss_mb(pid))
            self._stop.wait(0.2)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# ---------------------------------------------------------------- the servers


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    try:
        _wait_healthy(url, process, log)
    except BaseException as err:  # pytest's Failed outside pytest: say it plainly
        raise SystemExit(f"replica at {url} did not start: {err}") from None


def feedback_rows(url: str) -> int:
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        return conn.execute("SELECT count(*) FROM feedback").fetchone()[0]


# ---------------------------------------------------------------- the sessions


async def open_session(browser, url: str, answer_timeout_s: float, gate: asyncio.Semaphore):
    """A new browser context on the chat, once its input is usable. Opening is not what
    is measured: a few at a time, so 32 first page loads do not time out together."""
    async with gate:
        context = await browser.new_context(
            viewport={"width": 1440, "height": 1000}, locale="fr-FR"
        )
        page = await context.new_page()
        page.set_default_timeout(answer_timeout_s * 1000)
        await page.goto(url, wait_until="domcontentloaded")
        await page.get_by_placeholder(CHAT_PLACEHOLDER).wait_for(state="visible")
        return page


async def chat(page, first: int, questions: int, outcome: Outcome) -> None:
    """Ask ``questions`` questions back to back and rate each answer."""
    messages = page.get_by_test_id("stChatMessage")
    for i in range(questions):
        question = QUESTIONS[(first + i) % len(QUESTIONS)]
        box = page.get_by_placeholder(CHAT_PLACEHOLDER)
        await box.fill(question)
        started = time.perf_counter()
        await box.press("Enter")
        try:
            await page.wait_for_function(ANSWER_SHOWN_JS, arg=question)
        except Exception:
            outcome.error("no answer in time")
            return
        seconds = time.perf_counter() - started
        answer = messages.last
        error = answer.get_by_test_id("stAlertContentError")
        if await error.count():
            outcome.error((await error.inner_text()).strip()[:70])
            continue
        outcome.seconds.append(seconds)
        try:
            await (
                answer.locator("button")
                .filter(has=answer.page.get_by_text("Utile", exact=True))
                .click()
            )
            await answer.get_by_label("Un commentaire ? (facultatif)").wait_for(state="visible")
        except Exception:
            outcome.error("rating not acknowledged")
            continue
        outcome.rated += 1


async def run(urls: list[str], sessions: int, args: argparse.Namespace) -> tuple[Outcome, float]:
    """``sessions`` sessions spread round-robin over ``urls``; (outcome, wall seconds)."""
    from playwright.async_api import async_playwright

    outcome = Outcome()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            gate = asyncio.Semaphore(args.open_at_once)
            opened = await asyncio.gather(
                *(
                    open_session(browser, urls[n % len(urls)], args.answer_timeout, gate)
                    for n in range(sessions)
                ),
                return_exceptions=True,
            )
            pages = [p for p in opened if not isinstance(p, BaseException)]
            for _ in range(sessions - len(pages)):
                outcome.error("session did not open")
            started = time.perf_counter()
            talks = [chat(page, n, args.questions, outcome) for n, page in enumerate(pages)]
            try:
                await asyncio.wait_for(asyncio.gather(*talks), args.run_timeout)
            except TimeoutError:
                outcome.error("run timeout")
            wall = time.perf_counter() - started
        finally:
            await browser.close()
    return outcome, wall


# ---------------------------------------------------------------- main


def report_line(label: str, sessions: int, outcome: Outcome, wall: float, extra: dict) -> str:
    secs = outcome.seconds
    p50 = f"{percentile(secs, 50):.2f}" if secs else "–"
    p95 = f"{percentile(secs, 95):.2f}" if secs else "–"
    errors = sum(outcome.errors.values())
    rss = " / ".join(f"{extra['rss'][name]:.0f}" for name in sorted(extra["rss"]))
    return (
        f"| {label} | {sessions} | {len(secs)} | {p50} | {p95} | {errors} | "
        f"{outcome.rated} / {extra['stored']} / {outcome.rated - extra['stored']} | {rss} | "
        f"{wall:.0f} | {extra['load'][0]:.1f} → {extra['load'][1]:.1f} |"
    )


def main() -> None:
    # A plain kill still stops the servers this run started (the ``finally`` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", default="1,8,32", help="comma-separated session counts")
    parser.add_argument("--questions", type=int, default=3, help="questions per session")
    parser.add_argument("--answer-timeout", type=float, default=120.0)
    parser.add_argument("--run-timeout", type=float, default=600.0)
    parser.add_argument("--max-sessions", type=int, default=48)
    parser.add_argument("--open-at-once", type=int, default=4, help="sessions opening at once")
    parser.add_argument("--cache", type=Path, default=ROOT / "index" / "cache")
    args = parser.parse_args()
    levels = [int(n) for n in args.sessions.split(",")]
    if max(levels) > args.max_sessions:
        raise SystemExit(f"more than --max-sessions={args.max_sessions} sessions")
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make browser`")
    bin_dir = pg_bin()
    if bin_dir is None:
        raise SystemExit("PostgreSQL binaries not found: run `make postgresql`")

    work = Path(tempfile.mkdtemp(prefix="o2r-load-"))
    pg = PostgresServer(bin_dir)
    chroma = None
    replicas: dict[str, tuple[subprocess.Popen, str]] = {}
    try:
        pg.start()
        pg.admin("CREATE DATABASE o2r_load")
        database_url = pg.url("o2r_load")
        chroma_port = free_port()
        chroma = start_chroma(work / "chroma", chroma_port)
        env = {k: v for k, v in os.environ.items() if not k.startswith("O2R_")}
        env |= {
            "O2R_CORPUS_DIR": str(ROOT / "corpus"),
            "O2R_INDEX_DIR": str(work / "index"),
            "O2R_FEEDBACK_DB": str(work / "unused.sqlite3"),
            "O2R_CHROMA_URL": f"http://127.0.0.1:{chroma_port}",
            "O2R_DATABASE_URL": database_url,
        }
        if args.cache.is_dir():
            shutil.copytree(args.cache, work / "index" / "cache")
        print(o2r_index(env, timeout=1800).strip())
        for name in ("A", "B"):
            own = {**env, "O2R_INDEX_DIR": str(work / f"index-{name}")}
            replicas[name] = start_app(work / f"replica-{name}.log", own)
        for name, (process, url) in replicas.items():
            wait_healthy(url, process, work / f"replica-{name}.log")
        pids = {name: process.pid for name, (process, _) in replicas.items()}
        idle = {name: RssSampler.rss_mb(pid) for name, pid in pids.items()}
        print(f"replicas ready; resident memory idle: A {idle['A']:.0f} MB, B {idle['B']:.0f} MB")
        print(f"{os.cpu_count()} CPUs; {args.questions} questions per session, no think time\n")
        print(
            "| replicas | sessions | answers | p50 s | p95 s | errors | ratings acknowledged"
            " / stored / lost | peak RSS A / B (MB) | run s | load avg (1 min) |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        all_errors: dict[str, int] = {}
        for sessions in levels:
            layouts = (("A only", [replicas["A"][1]]), ("A + B", [u for _, u in replicas.values()]))
            for label, urls in layouts:
                before = feedback_rows(database_url)
                load_before = os.getloadavg()[0]
                with RssSampler(pids) as rss:
                    outcome, wall = asyncio.run(run(urls, sessions, args))
                stored = feedback_rows(database_url) - before
                load = (load_before, os.getloadavg()[0])
                extra = {"rss": rss.peak, "stored": stored, "load": load}
                print(report_line(label, sessions, outcome, wall, extra), flush=True)
                for kind, n in outcome.errors.items():
                    all_errors[kind] = all_errors.get(kind, 0) + n
        for kind, n in sorted(all_errors.items()):
            print(f"error: {kind}: {n}")
    finally:
        for process, _ in replicas.values():
            stop_app(process)
        if chroma is not None:
            chroma.terminate()
            chroma.wait(timeout=10)
        pg.stop()
        shutil.rmtree(pg.root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
