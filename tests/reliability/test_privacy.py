"""Privacy: questions and answers stay out of the logs unless asked for, the feedback file holds
what the user gave (less contact details, see tests/test_feedback_privacy.py) and nothing about
them but a random session id, uploads write inside the corpus folder only.

The staff password checks (constant-time comparison, lockout, disabled when unset) are tested in
tests/test_access.py and tests/test_app.py.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from pdfs import text_pdf

from o2r_assistant import db
from o2r_assistant.assistant import Assistant
from o2r_assistant.config import Settings
from o2r_assistant.errors import InputError, UploadError
from o2r_assistant.feedback import FeedbackStore, new_session_id
from o2r_assistant.uploads import add_document, remove_document

from .support import tree_digest

# A name that is nowhere in the corpus, the code or the libraries' messages.
PERSON = "Maëlys Kerbrat-Plouzané"
QUESTION = f"Je suis {PERSON} : les dépenses de formation sont-elles éligibles ?"
IDENTIFYING = re.compile(
    r"^(?:ip|ip_?address|remote_?addr|addr|user|user_?id|user_?name|user_?agent|agent|"
    r"session|session_?id|email|mail|cookie|client|host|device|name)$",
    re.I,
)


def ask_everything(assistant: Assistant) -> str:
    """An answered, an abstained and a refused question; returns a quote of the answer."""
    answer = assistant.ask(QUESTION)
    assert not answer.abstained
    assert assistant.ask(f"{PERSON} aime-t-elle la tarte tatin ?").abstained
    with pytest.raises(InputError):
        assistant.ask(" \x00 ")
    return answer.citations[0].quote


def test_questions_and_answers_are_not_logged_by_default(
    shipped_assistant: Assistant, caplog: pytest.LogCaptureFixture
) -> None:
    assert not shipped_assistant.settings.log_questions
    caplog.set_level(logging.DEBUG)  # every logger, the libraries' too
    quote = ask_everything(shipped_assistant)
    assert PERSON not in caplog.text and "Kerbrat" not in caplog.text
    assert quote not in caplog.text


def test_questions_and_answers_are_logged_when_asked_for(
    served_index: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("O2R_LOG_QUESTIONS", "true")
    assistant = Assistant(Settings())
    caplog.set_level(logging.DEBUG)
    quote = ask_everything(assistant)
    assert PERSON in caplog.text and quote in caplog.text


def test_the_feedback_file_holds_what_the_user_gave_and_nothing_about_them(
    shipped_assistant: Assistant, settings: Settings
) -> None:
    answer = shipped_assistant.ask(QUESTION)
    store = FeedbackStore(settings.feedback_db)
    session = new_session_id()
    store.add(
        answer.question, answer.text, answer.citations, "down", "Incomplet", "Non, 0 €.", session
    )
    with sqlite3.connect(store.path) as conn:
        tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {
            (table, row[1])
            for table in tables - {"sqlite_sequence"}  # SQLite's counters, by table name
            for row in conn.execute(f"PRAGMA table_info({table})")
        }
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM feedback").fetchone())
    # The schema's tables (staff data too), the migration revision, the autoincrement counter.
    assert tables == {*db.metadata.tables, "alembic_version", "sqlite_sequence"}
    # The session id is drawn at random for the browser session, so that its user can
    # delete what they gave: nothing about the person or their connection, in any table.
    assert [c for c in columns if IDENTIFYING.match(c[1])] == [("feedback", "session_id")]
    assert row["session_id"] == session
    typed = {"question": QUESTION, "rating": "down", "comment": "Incomplet"}
    assert {key: row[key] for key in typed} == typed
    assert row["corrected_answer"] == "Non, 0 €." and row["answer"] == answer.text
    assert set(row) == {
        *typed,
        "corrected_answer",
        "answer",
        "citations",
        "created_at",
        "id",
        "session_id",
    }


def test_uploads_write_inside_the_corpus_folder_only(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def outside_corpus() -> dict[str, str]:
        return {k: v for k, v in tree_digest(tmp_path).items() if k.split("/")[0] != "corpus"}

    before, corpus_before = outside_corpus(), tree_digest(settings.corpus_dir)
    note = "# Note\n\nLes candidatures sont déposées auprès de la DREETS.\n".encode()
    annex = text_pdf(["Annexe : les structures justifient d'un ancrage territorial."])
    add_document(settings, "note.md", note)
    add_document(settings, "note.md", note + b"\nMise a jour.\n", replace=True)
    add_document(settings, "annexe.pdf", annex)
    for name in ("../evasion.md", str(tmp_path / "evasion.md"), "..\\evasion.md"):
        with pytest.raises(UploadError):
            add_document(settings, name, note)
    remove_document(settings, "note")
    assert outside_corpus() == before
    assert not list(scratch.iterdir())  # the private copies used for checking are gone
    annex_digest = hashlib.sha256(annex).hexdigest()
    after = tree_digest(settings.corpus_dir)
    assert after.pop(".annexe.pdf.origin.json")  # its local origin; the note's went with it
    assert after == {**corpus_before, "annexe.pdf": annex_digest}
