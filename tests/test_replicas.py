"""Two app replicas sharing a Chroma server and a PostgreSQL database, driven in Chromium.

The deployment of ``docs/deploy.md`` on one machine: two `streamlit run serve.py`
processes on two ports, each with its own local index folder, a `chroma run` server, a
real PostgreSQL and the indexing job (`o2r index`). Both replicas answer, take feedback,
pick up an index rebuilt by the job without a restart, and one keeps serving when the
other is killed in the middle of an answer, and it keeps answering while PostgreSQL is
down.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from browser_support import (
    ask,
    chat_box,
    chromium,
    go,
    login,
    messages,
    new_page,
    o2r_index,
    open_chat,
    start_app,
    stop_app,
    wait_healthy,
)
from chromaserver import free_port, start_chroma
from pgserver import PostgresServer

from o2r_assistant.corpus import corpus_hash

pytestmark = [
    pytest.mark.browser,
    pytest.mark.server,
    pytest.mark.postgresql,
    pytest.mark.slow,
]

STAFF_PASSWORD = "mot-de-passe-des-replicas"
QUESTION = "Les dépenses de formation sont-elles éligibles ?"
# The document the indexing job adds while both replicas serve.
NEW_DOCUMENT = "permanence-porteurs.md"
NEW_TEXT = (
    "# Permanence des porteurs de projet\n\n"
    "La DREETS Pays de la Loire tient une permanence téléphonique pour les porteurs de "
    "projet O2R chaque mardi matin, pendant toute la durée de l'appel.\n"
)
NEW_QUESTION = "Quand a lieu la permanence téléphonique pour les porteurs de projet ?"
LAST_QUESTION = "Quel est le coût minimum d'un projet ?"
OUTAGE_QUESTION = "Qui sont les publics « invisibles » visés par l'appel ?"
INDEX_JOB_S = 300


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    server = start_chroma(tmp_path / "chroma-server", port)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


@contextlib.contextmanager
def replicas(tmp_path: Path, env: dict[str, str], names: tuple[str, ...]):
    """Replicas started together, each with its own local index folder; {name: (process,
    URL)} once every one answers its health check."""
    started: dict[str, tuple[subprocess.Popen, str]] = {}
    try:
        for name in names:
            own = {**env, "O2R_INDEX_DIR": str(tmp_path / f"{name}-index")}
            started[name] = start_app(tmp_path / f"{name}.log", own)
        for name, (process, url) in started.items():
            wait_healthy(url, process, tmp_path / f"{name}.log")
        yield started
    finally:
        for process, _ in started.values():
            stop_app(process)


def last_answer(page) -> str:
    """The last answer's text, once its rating pills are drawn (they come last)."""
    answer = messages(page).last
    rating_button(answer, "Utile").wait_for(state="visible")
    return answer.inner_text()


def rating_button(answer, label: str):
    """The « Utile » or « Pas utile » pill of an answer (its name starts with an icon)."""
    return answer.locator("button").filter(has=answer.page.get_by_text(label, exact=True))


def rate(page, label: str, comment: str | None = None) -> None:
    """Rate the last answer; with a comment, send it too. Returns once stored: the
    comment form is drawn after the row is written."""
    answer = messages(page).last
    rating_button(answer, label).click()
    comment_box = answer.get_by_label("Un commentaire ? (facultatif)")
    comment_box.wait_for(state="visible")
    if comment is not None:
        comment_box.fill(comment)
        answer.get_by_role("button", name="Envoyer mon avis").click()
        answer.get_by_text("Merci pour votre avis.").wait_for(state="visible")


def corpus_version_shows(page, fingerprint: str) -> None:
    """Open the sidebar's « Version du corpus » and wait for ``fingerprint`` in it."""
    page.get_by_text("Version du corpus").click()
    page.get_by_text(re.compile(f"Empreinte du corpus : {fingerprint}")).wait_for(state="visible")


class KillMidAnswer:
    """SIGKILLs a replica as soon as it has started the run of a question: on the first
    message it sends after the page sent the question (answering takes far longer)."""

    def __init__(self, page, process: subprocess.Popen) -> None:
        self.page = page
        self.process = process
        self.state = "idle"
        page.on("websocket", self._socket)  # before the page opens its socket

    def _socket(self, ws) -> None:
        ws.on("framesent", self._sent)
        ws.on("framereceived", self._received)

    def _sent(self, _frame) -> None:
        if self.state == "armed":
            self.state = "sent"

    def _received(self, _frame) -> None:
        if self.state == "sent" and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.state = "killed"

    def ask(self, question: str) -> None:
        box = chat_box(self.page)
        box.fill(question)
        self.state = "armed"
        box.press("Enter")
        # Playwright runs the frame callbacks only while it waits, so wait through it.
        for _ in range(600):
            if self.process.poll() is not None:
                return
            self.page.wait_for_timeout(50)
        pytest.fail("the replica was not killed within 30 s of the question")


def test_two_replicas_share_the_index_and_the_database(
    served_index: Path,
    pg_server: PostgresServer,
    pg_database: str,
    chroma_url: str,
    tmp_path: Path,
) -> None:
    env = {
        **os.environ,  # O2R_CORPUS_DIR and O2R_INDEX_DIR point at tmp_path (conftest)
        "O2R_CHROMA_URL": chroma_url,
        "O2R_DATABASE_URL": pg_database,
        "O2R_ADMIN_PASSWORD": STAFF_PASSWORD,
    }
    # The indexing job's folder holds the embedding cache of the shipped corpus.
    assert "Index construit" in o2r_index(env, INDEX_JOB_S)
    corpus = Path(env["O2R_CORPUS_DIR"])

    with replicas(tmp_path, env, ("a", "b")) as started, chromium() as browser:
        (proc_a, url_a), (_, url_b) = started["a"], started["b"]
        page_a, page_b = new_page(browser), new_page(browser)
        killer = KillMidAnswer(page_a, proc_a)
        open_chat(page_a, url_a)
        open_chat(page_b, url_b)

        # The same question gets the same answer on either replica.
        ask(page_a, QUESTION)
        ask(page_b, QUESTION)
        assert "ne sont pas éligibles" in last_answer(page_a)
        assert last_answer(page_a) == last_answer(page_b)
        rate(page_a, "Pas utile", "avis donné sur la réplique A")
        rate(page_b, "Pas utile", "avis donné sur la réplique B")

        # One rebuild by the indexing job while both replicas serve: only the new
        # document's passages are embedded, the rest comes from the job's cache.
        (corpus / NEW_DOCUMENT).write_text(NEW_TEXT, encoding="utf-8")
        job = o2r_index(env, INDEX_JOB_S)
        embedded, cached = map(int, re.search(r"\((\d+) calculés, (\d+) repris", job).groups())
        assert 1 <= embedded <= 3 < cached, job

        # Both open sessions answer from the new generation, without a restart.
        ask(page_a, NEW_QUESTION)
        ask(page_b, NEW_QUESTION)
        assert "mardi matin" in last_answer(page_a), last_answer(page_a)
        assert last_answer(page_a) == last_answer(page_b)
        fingerprint = corpus_hash(corpus)
        for page in (page_a, page_b):
            rate(page, "Utile")
            corpus_version_shows(page, fingerprint)

        # Feedback given on A is exported from B, by staff signed in on B.
        staff = new_page(browser, accept_downloads=True)
        staff.goto(url_b, wait_until="domcontentloaded")
        login(staff, STAFF_PASSWORD)
        go(staff, "Évaluation")
        with staff.expect_download() as download:
            staff.get_by_role("button", name="Exporter les avis négatifs (CSV)").click()
        exported = Path(download.value.path()).read_text(encoding="utf-8-sig")
        assert "avis donné sur la réplique A" in exported
        assert "avis donné sur la réplique B" in exported
        staff.context.close()

        # A replica killed in the middle of an answer: the other keeps serving.
        shown = messages(page_a).count()
        killer.ask(LAST_QUESTION)
        assert proc_a.returncode == -signal.SIGKILL
        ask(page_b, LAST_QUESTION)
        assert "150 000" in last_answer(page_b)
        rate(page_b, "Utile")
        fresh = new_page(browser)
        open_chat(fresh, url_b)
        ask(fresh, QUESTION)
        assert "ne sont pas éligibles" in last_answer(fresh)
        assert messages(page_a).count() == shown  # A never answered

        # PostgreSQL down: B keeps answering, a rating fails visibly, in French, and is
        # stored when given again once the database is back.
        pg_server.kill()
        try:
            ask(page_b, OUTAGE_QUESTION)
            answer = messages(page_b).last
            rating_button(answer, "Utile").click()
            answer.get_by_text("la base des avis est indisponible").wait_for(state="visible")
            assert answer.get_by_label("Un commentaire ? (facultatif)").count() == 0
        finally:
            pg_server.restart()
        rate(page_b, "Pas utile")

    # No feedback row lost: two given on A, four on B (none while the database was
    # down), from two browser sessions.
    with psycopg.connect(pg_database.replace("+psycopg", "")) as conn:
        rows = conn.execute(
            "SELECT rating, comment, session_id FROM feedback ORDER BY id"
        ).fetchall()
    assert [row[:2] for row in rows] == [
        ("down", "avis donné sur la réplique A"),
        ("down", "avis donné sur la réplique B"),
        ("up", None),
        ("up", None),
        ("up", None),
        ("down", None),
    ]
    assert len({row[2] for row in rows}) == 2
