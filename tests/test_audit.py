"""The journal of staff actions: recorded with who and when, listed newest first, append-only."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from o2r_assistant.audit import ACTION_FR, AuditLog
from o2r_assistant.db import Database
from o2r_assistant.errors import O2RError
from o2r_assistant.feedback import FeedbackStore


def test_actions_are_listed_newest_first(tmp_path: Path) -> None:
    moments = iter(datetime(2025, 3, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=i) for i in range(9))
    log = AuditLog(tmp_path / "db.sqlite3", clock=lambda: next(moments))
    log.record("camille@dreets.gouv.fr", "document_added", "note.md")
    log.record("mot de passe partagé", "reindexed", "6 documents, 30 passages")
    entries = log.entries()
    assert [(e.actor, e.action, e.target) for e in entries] == [
        ("mot de passe partagé", "reindexed", "6 documents, 30 passages"),
        ("camille@dreets.gouv.fr", "document_added", "note.md"),
    ]
    assert entries[1].at == "2025-03-01T09:00:00+00:00"
    assert entries[0].action_fr == "Indexation relancée"
    assert [e.target for e in log.entries(limit=1)] == ["6 documents, 30 passages"]


def test_the_journal_is_append_only(database: Path | str) -> None:
    log = AuditLog(database)
    log.record("camille@dreets.gouv.fr", "document_removed", "note")
    for sql in ("UPDATE staff_actions SET actor = 'x'", "DELETE FROM staff_actions"):
        with pytest.raises(DBAPIError, match="append-only"), log.db.engine().begin() as conn:
            conn.exec_driver_sql(sql)
    assert [e.actor for e in AuditLog(database).entries()] == ["camille@dreets.gouv.fr"]


def test_replicas_sharing_a_database_list_one_journal(database: Path | str) -> None:
    AuditLog(database).record("camille@dreets.gouv.fr", "reindexed", "replica A")
    AuditLog(Database(database)).record("mot de passe partagé", "feedback_exported", "replica B")
    assert [e.target for e in AuditLog(database).entries()] == ["replica B", "replica A"]


def test_a_journal_from_before_the_database_layer_is_adopted_with_its_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as conn:  # what the journal created itself before 0003
        conn.executescript(
            "CREATE TABLE staff_actions (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,"
            " actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL);"
            "INSERT INTO staff_actions (at, actor, action, target) VALUES"
            " ('2025-01-01T00:00:00+00:00', 'camille@dreets.gouv.fr', 'reindexed', 'old');"
        )
    log = AuditLog(path)
    log.record("mot de passe partagé", "feedback_exported", "new")
    assert [e.target for e in log.entries()] == ["new", "old"]
    assert log.db.revision() == "0004"


def test_shares_the_feedback_database(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    FeedbackStore(path).add("question", "réponse", [], "up")
    AuditLog(path).record("camille@dreets.gouv.fr", "feedback_exported", "1 avis")
    assert len(FeedbackStore(path).records()) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_every_action_has_a_french_label() -> None:
    assert set(ACTION_FR) == {
        "document_added", "document_replaced", "document_removed", "reindexed",
        "answer_published", "answer_retired", "feedback_exported",
    }  # fmt: skip


def test_refuses_an_unknown_action_or_no_actor(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "db.sqlite3")
    with pytest.raises(ValueError):
        log.record("camille@dreets.gouv.fr", "coffee", "")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        log.record("", "reindexed", "")


def test_an_unusable_database_is_a_french_error(tmp_path: Path) -> None:
    (tmp_path / "dir.sqlite3").mkdir()
    with pytest.raises(O2RError) as err:
        AuditLog(tmp_path / "dir.sqlite3").entries()
    assert "journal des actions" in err.value.message_fr
