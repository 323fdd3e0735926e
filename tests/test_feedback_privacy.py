"""Personal data in the feedback store: minimisation, file modes, retention, erasure, exports.

The store's tests run on a SQLite file and on a real PostgreSQL server (``database``
fixture); those about the SQLite file itself run on SQLite only.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from o2r_assistant import feedback
from o2r_assistant.config import PROJECT_ROOT
from o2r_assistant.errors import EvalFormatError
from o2r_assistant.feedback import (
    DEFAULT_RETENTION_DAYS,
    FEEDBACK_NOTICE_FR,
    PRIVACY_NOTICE_FR,
    FeedbackStore,
    export_question_set,
    feedback_csv,
    feedback_table,
    new_session_id,
)
from o2r_assistant.yamlio import read_yaml

ISSUE_QUESTION = (
    "Jean Dupont-Testeur, tél 06 12 34 56 78, jean.dupont@exemple.fr : les dépenses de "
    "formation sont-elles éligibles à Saint-Nazaire ?"
)
PERSONAL = ("Dupont", "Jean", "06 12 34 56 78", "jean.dupont", "exemple.fr")
T0 = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "feedback.sqlite3"


def _everything_stored(store: FeedbackStore) -> bytes:
    """The SQLite file's bytes, or every row of every PostgreSQL table."""
    if store.path is not None:
        return store.path.read_bytes()  # the last connection closed: the WAL is in it
    engine = store.db.engine()
    with engine.connect() as conn:
        return "\n".join(
            repr(row)
            for table in sa.inspect(engine).get_table_names()
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"'))
        ).encode()


def test_personal_details_are_not_stored_nor_exported(database: Path | str) -> None:
    store = FeedbackStore(database)
    comment = "Faux. Cordialement, Claire Martin, 02 40 11 22 33"
    store.add(ISSUE_QUESTION, "R.", [], "down", comment, "Écrire à claire@exemple.org")
    raw = _everything_stored(store)
    assert "[téléphone]".encode() in raw  # what is stored is there to be searched
    (record,) = store.records()
    assert record.question.startswith("[nom], tél [téléphone], [e-mail] : les dépenses")
    assert "Saint-Nazaire" in record.question  # the checker still sees the town
    assert record.comment == "Faux. Cordialement, [nom], [téléphone]"
    assert record.corrected_answer == "Écrire à [e-mail]"
    exports = export_question_set([record]) + feedback_csv([record]).decode("utf-8-sig")
    for detail in (*PERSONAL, "Claire", "Martin", "02 40", "claire@"):
        assert detail.encode() not in raw
        assert detail not in exports


def test_database_and_wal_files_are_owner_only(db: Path) -> None:
    store = FeedbackStore(db)
    store.add("Q ?", "R.", [], "up")
    # The WAL files exist while a connection is open: another session's, here.
    with closing(sqlite3.connect(db)) as reader:
        reader.execute("SELECT count(*) FROM feedback").fetchone()
        store.add("Q2 ?", "R.", [], "up")
        files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
        assert all(f.exists() for f in files)
        assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}


def test_an_existing_readable_database_is_made_owner_only(db: Path) -> None:
    FeedbackStore(db).add("Q ?", "R.", [], "up")
    db.chmod(0o644)
    FeedbackStore(db).records()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_rows_older_than_the_retention_are_purged_at_opening_then_daily(
    database: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(T0)
    store = FeedbackStore(database, retention_days=30, clock=clock)
    store.add("A ?", "R.", [], "up")
    clock.now = T0 + timedelta(hours=12)
    store.add("B ?", "R.", [], "up")
    clock.now = T0 + timedelta(days=30, hours=1)  # A expired an hour ago
    assert [r.question for r in store.records()] == ["B ?"]
    clock.now = T0 + timedelta(days=30, hours=13)  # B expired, but purged 12 h ago
    assert [r.question for r in store.records()] == ["B ?"]
    # A new process (nothing purged yet) purges when it first opens the store...
    monkeypatch.setattr(feedback, "_last_purge", {})
    assert FeedbackStore(database, retention_days=30, clock=clock).records() == []
    # ...and so does this one, a day after its last purge.
    store.add("C ?", "R.", [], "up")
    clock.now = T0 + timedelta(days=61)
    assert store.records() == []


def test_purge_expired_and_purge_before(database: Path | str) -> None:
    clock = Clock(T0)
    store = FeedbackStore(database, retention_days=365, clock=clock)
    for days in (0, 100, 200):
        clock.now = T0 + timedelta(days=days)
        store.add(f"Q{days} ?", "R.", [], "up")
    assert store.purge_expired(T0 + timedelta(days=465)) == 1
    assert store.purge_before(datetime(2025, 12, 1)) == 1  # naive: UTC
    assert [r.question for r in store.records()] == ["Q200 ?"]


def test_staff_delete_one_row_and_users_their_session(database: Path | str) -> None:
    store = FeedbackStore(database)
    mine, theirs = new_session_id(), new_session_id()
    assert mine != theirs and len(mine) >= 20
    first = store.add("Q1 ?", "R.", [], "up", session_id=mine)
    store.add("Q2 ?", "R.", [], "down", session_id=mine)
    other = store.add("Q3 ?", "R.", [], "down", session_id=theirs)
    assert [r.question for r in store.records(session_id=mine)] == ["Q1 ?", "Q2 ?"]
    assert store.delete_session(mine) == 2
    assert store.delete_session("") == 0
    assert not store.delete(first)
    assert store.delete(other)
    assert store.records() == []


def test_a_store_from_before_session_ids_gets_the_column(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT "
            "NULL, question TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL, "
            "rating TEXT NOT NULL, comment TEXT, corrected_answer TEXT)"
        )
        conn.execute(
            "INSERT INTO feedback (created_at, question, answer, citations, rating) "
            f"VALUES ('{datetime.now(UTC).isoformat(timespec='seconds')}', 'Q ?', 'R.', '[]', 'up')"
        )
    store = FeedbackStore(db)
    store.add("Q2 ?", "R.", [], "up", session_id="s")
    assert [r.question for r in store.records(session_id="s")] == ["Q2 ?"]
    assert len(store.records()) == 2


def test_formulas_are_neutralised_in_the_table_and_csv(database: Path | str) -> None:
    store = FeedbackStore(database)
    store.add('=HYPERLINK("http://x.test","clic")', "R.", [], "down", "+1", "@SUM(A1)")
    store.add("-2 ?", "R.", [], "down", "\t=1", "normal")
    rows = list(
        csv.reader(io.StringIO(feedback_csv(store.records()).decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0] == ["N°", "Date", "Note", "Question", "Commentaire", "Réponse attendue"]
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert rows[1][3] == '\'=HYPERLINK("http://x.test","clic")' and rows[2][5] == "normal"
    assert feedback_table(store.records())[0]["Commentaire"] == "'+1"


def test_the_notice_says_what_why_and_how_long() -> None:
    notice = FEEDBACK_NOTICE_FR.format(days=365)
    assert "365 jours" in notice and "supprimer" in notice and "améliorer" in notice
    assert notice.count(".") == 1  # one sentence


@settings(max_examples=60, deadline=None)
@given(question=st.text(min_size=1), comment=st.text(), corrected=st.text())
def test_any_text_gives_a_readable_yaml_export(
    tmp_path_factory: pytest.TempPathFactory, question: str, comment: str, corrected: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    store = FeedbackStore(folder / "f.sqlite3")
    store.add(question, "R.", [], "down", comment, corrected)
    path = folder / "export.yaml"
    path.write_text(export_question_set(store.records()), encoding="utf-8")
    try:
        read_yaml(path, error=EvalFormatError, what="question set")
    except EvalFormatError as err:  # only the format check may object, never the reader
        pytest.fail(f"export unreadable: {err}")


def test_the_readme_and_the_app_give_the_same_privacy_notice() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert PRIVACY_NOTICE_FR.format(days=DEFAULT_RETENTION_DAYS) in readme
