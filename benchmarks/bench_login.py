"""Password guessing against the real app, as an attacker from one browser would.

    python benchmarks/bench_login.py [--guesses 30] [--mode context|reload]

Starts `streamlit run app.py` on a free port (shipped corpus, index built in a
temporary folder, O2R_ADMIN_PASSWORD set), then sends wrong passwords to the
Corpus page one at a time: with a new browser context per guess (``context``)
or by reloading the same page (``reload``), so each guess starts a new
Streamlit session. A guess is *checked* when the app answers « Mot de passe
incorrect. » or locks right after it; it is *refused* when the form arrives
locked. Prints the counts, the time taken and, when no limit was met, the
checked guesses per hour at that pace. Needs Debian's Chromium
(/usr/bin/chromium) and Playwright.

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from o2r_assistant.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
PASSWORD = "le-bon-mot-de-passe"
WAIT_MS = 120_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = os.environ | {
        "PYTHONPATH": str(PROJECT_ROOT),
        "O2R_ADMIN_PASSWORD": PASSWORD,
        "O2R_CORPUS_DIR": str(folder / "corpus"),
        "O2R_INDEX_DIR": str(folder / "index"),
        "O2R_FEEDBACK_DB": str(folder / "feedback.sqlite3"),
    }
    shutil.copytree(PROJECT_ROOT / "corpus", folder / "corpus")
    with open(folder / "streamlit.log", "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"),
                "--server.headless", "true", "--server.port", str(port),
                "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
            ],
            cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health") as r:
            if r.status == 200:
                return process, url
        time.sleep(0.2)
    process.kill()
    raise SystemExit(f"streamlit did not start:\n{(folder / 'streamlit.log').read_text()}")


def corpus_page(page, url: str | None) -> None:
    """Open (or reload) the app and go to the Corpus page's login form."""
    if url:
        page.goto(url, wait_until="domcontentloaded")
    else:
        page.reload(wait_until="domcontentloaded")
    page.get_by_role("radio", name=re.compile(r"Corpus$")).check(force=True)
    page.get_by_role("button", name="Se connecter").wait_for()


def guess(page, password: str) -> str:
    """One try on an open login form: "wrong", "locked" (just locked) or "refused"."""
    submit = page.get_by_role("button", name="Se connecter")
    if submit.is_disabled():
        return "refused"
    page.get_by_label("Mot de passe").fill(password)
    submit.click()
    wrong = page.get_by_text("Mot de passe incorrect.")
    locked = page.get_by_text(re.compile("Trop de tentatives"))
    wrong.or_(locked).first.wait_for()
    return "wrong" if wrong.count() else "locked"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--guesses", type=int, default=30)
    parser.add_argument("--mode", choices=("context", "reload"), default="context")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        process, url = serve(Path(tmp))
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # Warm-up, not counted: the first visit builds the index.
            warm = browser.new_page()
            warm.set_default_timeout(WAIT_MS)
            warm.goto(url)
            warm.get_by_text("Version du corpus").wait_for()
            warm.close()

            counts = {"wrong": 0, "locked": 0, "refused": 0}
            page = None
            started = time.perf_counter()
            for n in range(args.guesses):
                if args.mode == "context" or page is None:
                    context = browser.new_context(locale="fr-FR")
                    page = context.new_page()
                    page.set_default_timeout(WAIT_MS)
                    corpus_page(page, url)
                else:
                    corpus_page(page, None)
                counts[guess(page, f"mauvais-{n}")] += 1
                if args.mode == "context":
                    context.close()
            elapsed = time.perf_counter() - started
        finally:
            browser.close()
            process.terminate()
            process.wait(timeout=10)

    checked = counts["wrong"] + counts["locked"]
    print(
        f"mode {args.mode}: {args.guesses} tries in {elapsed:.1f} s "
        f"({elapsed / args.guesses:.2f} s per try)\n"
        f"checked: {checked} ({counts['wrong']} « incorrect », {counts['locked']} then locked), "
        f"refused unread: {counts['refused']}"
    )
    if counts["locked"] or counts["refused"]:
        # Locks grow with each one: a short run says nothing of an hour.
        print("rate-limited: for guesses per hour see the lock schedule (docs/reliability.md)")
    else:
        print(f"no limit met: {checked / elapsed * 3600:.0f} checked guesses per hour at this pace")


if __name__ == "__main__":
    main()
