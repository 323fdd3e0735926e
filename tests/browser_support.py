"""Shared by the browser tests: the real server on a free port, headless Chromium, pages."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from o2r_assistant.config import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SERVER_START_S = 120  # start-up loads the model and opens the index before serving
WAIT_MS = 60_000
DESKTOP = {"width": 1440, "height": 1000}
CHAT_PLACEHOLDER = "Posez votre question"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text()}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.1)
    pytest.fail(f"streamlit not healthy after {SERVER_START_S}s:\n{log.read_text()}")


def start_app(log: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run serve.py` on a free port, output to ``log``; (process, URL).

    ``env`` defaults to this process's environment. The caller waits with
    ``wait_healthy`` (several replicas can start at once) and ends with ``stop_app``.
    """
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "serve.py"),
                "--server.headless", "true",
                "--server.port", str(port),
                "--server.address", "127.0.0.1",
                "--browser.gatherUsageStats", "false",
            ],
            cwd=PROJECT_ROOT,
            env=os.environ.copy() if env is None else env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    return process, f"http://127.0.0.1:{port}"


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def serve(tmp_path: Path):
    """`streamlit run serve.py` on a free port, with the test's corpus, index and database.

    Yields the URL once the server answers its health check, which is after start-up
    has loaded the assistant (``o2r_assistant.ui.server``).
    """
    log = tmp_path / "streamlit.log"
    process, url = start_app(log)  # O2R_* already point at tmp_path (conftest)
    try:
        wait_healthy(url, process, log)
        yield url
    finally:
        stop_app(process)


@contextlib.contextmanager
def chromium():
    """Headless Chromium (skips the test when it or playwright is missing), closed after."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, viewport: dict | None = None, **options):
    """A page in a new context (no cookie, no storage): a new Streamlit session."""
    context = browser.new_context(viewport=viewport or DESKTOP, locale="fr-FR", **options)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    return page


# Tries at ticking a box: a click that lands while Streamlit re-renders the page (right
# after a navigation) is lost with the old widget, and Playwright reports no change.
CHECK_TRIES = 3


def tick(page, box) -> None:
    """Tick a checkbox or radio, again if a rerun swallowed the click."""
    from playwright.sync_api import Error

    for attempt in range(1, CHECK_TRIES + 1):
        try:
            box.check(force=True)
            return
        except Error:
            if attempt == CHECK_TRIES:
                raise
            page.wait_for_timeout(500)


def go(page, name: str) -> None:
    """Open one of the pages listed in the sidebar navigation."""
    tick(page, page.get_by_role("radio", name=re.compile(rf"{name}$")))


def login(page, password: str) -> None:
    """Sign in as staff from the Corpus page's form."""
    go(page, "Corpus")
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("button", name="Se déconnecter").wait_for(state="visible")


def chat_box(page):
    return page.get_by_placeholder(CHAT_PLACEHOLDER)


def open_chat(page, url: str) -> float:
    """Go to the app; seconds until the chat input is usable."""
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    chat_box(page).wait_for(state="visible")
    assert chat_box(page).is_editable()
    return time.perf_counter() - started


def messages(page):
    return page.get_by_test_id("stChatMessage")


def ask(page, question: str) -> float:
    """Ask with the keyboard (Enter); seconds until the answer is shown."""
    box = chat_box(page)
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    wait_answer(page, question)
    return time.perf_counter() - started


def wait_answer(page, question: str) -> None:
    """Until the last message is the assistant's and the one before is ``question``."""
    page.wait_for_function(
        """question => {
            const all = document.querySelectorAll('[data-testid=stChatMessage]');
            if (all.length < 2) return false;
            const last = all[all.length - 1], before = all[all.length - 2];
            return last.querySelector('[data-testid=stChatMessageAvatarAssistant]')
                && last.innerText.length > 40
                && before.innerText.includes(question)
                && !document.querySelector('[data-stale=true]');
        }""",
        arg=question,
    )


def o2r_index(env: dict[str, str], timeout: float) -> str:
    """Run the indexing job (`o2r index`) as a deployment does; its output."""
    job = subprocess.run(
        [sys.executable, "-m", "o2r_assistant", "index"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert job.returncode == 0, job.stdout + job.stderr
    return job.stdout
