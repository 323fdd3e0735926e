"""The database layer on both backends: migrations, concurrent writers, an unreachable server.

Every test taking ``database`` runs on a SQLite file and on a real PostgreSQL
server (tests/pgserver.py).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from fakes import FakeEmbedder
from pgserver import PostgresServer, _free_port

from o2r_assistant import db
from o2r_assistant.build import build_index
from o2r_assistant.cli import cli
from o2r_assistant.config import Settings
from o2r_assistant.db import Database
from o2r_assistant.errors import (
    ConfigError,
    DatabaseUnavailableError,
    IndexBuildRunningError,
    ValidatedAnswerError,
)
from o2r_assistant.feedback import FeedbackStore
from o2r_assistant.index import open_index
from o2r_assistant.migrations import schema_0001
from o2r_assistant.validated import ValidatedAnswer, ValidatedStore

HEAD = "0004"
# The tables migration 0001 has created since it was released (_fingerprint of the tables
# db.py declared before the snapshot existed).
SCHEMA_0001 = "ce4ea9e7bcc75821bf1044cf21b8a363f81226bcf2f76d4c2188884b78ad3ca9"
WRITERS = 2
ROWS = 40


def _answer(answer_id: str) -> ValidatedAnswer:
    return ValidatedAnswer(
        id=answer_id,
        phrasings=(f"Question {answer_id} ?",),
        text="Réponse.",
        citations=(),
        author="Équipe de test",
    )


def _schema_differences(database: Database) -> list:
    with database.engine().connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), db.metadata)


def _fingerprint(metadata: sa.MetaData) -> str:
    """Tables, columns, checks and indexes, independent of how SQLAlchemy renders DDL."""
    rows: list[tuple] = []
    for table in metadata.sorted_tables:
        kwargs = tuple(sorted((k, repr(v)) for k, v in table.dialect_kwargs.items()))
        rows.append(("table", table.name, kwargs))
        rows += [
            (table.name, c.name, type(c.type).__name__, c.nullable, c.primary_key, c.autoincrement)
            for c in table.columns
        ]
        rows += [
            ("check", table.name, k.name, str(k.sqltext))
            for k in table.constraints
            if isinstance(k, sa.CheckConstraint)
        ]
        rows += [
            ("index", table.name, i.name, tuple(c.name for c in i.columns), i.unique)
            for i in table.indexes
        ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


# ---------------------------------------------------------------- migrations


def test_the_snapshot_of_migration_0001_is_frozen() -> None:
    # A released migration must create what it always created: change the schema with a
    # new migration (and the same change in db.py), never by editing schema_0001.py.
    frozen = sa.MetaData()
    schema_0001.declare(frozen)
    assert _fingerprint(frozen) == SCHEMA_0001


def test_migrations_make_the_declared_schema_and_running_them_again_is_a_no_op(
    database: Path | str,
) -> None:
    target = Database(database)
    target.migrate()
    assert target.revision() == HEAD
    assert _schema_differences(target) == []
    store = FeedbackStore(target)
    first = store.add("Q ?", "R.", [], "up")
    target.migrate()
    db.dispose(target)  # as a new process would: migrations run again on first use
    assert target.revision() == HEAD
    assert [r.id for r in FeedbackStore(target).records()] == [first]
    assert _schema_differences(target) == []


def test_a_database_at_0001_is_upgraded_with_its_rows(database: Path | str) -> None:
    from alembic import command
    from alembic.config import Config

    target = Database(database)
    if target.path is not None:
        target.path.parent.mkdir(parents=True)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS))
    with target.engine().begin() as conn:  # a deployment of the previous release
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    assert target.revision() == "0001"
    with target.engine().begin() as conn:
        conn.execute(
            sa.insert(db.FEEDBACK),
            {
                "created_at": "2999-01-01T00:00:00+00:00",
                "question": "Q ?",
                "answer": "R.",
                "citations": "[]",
                "rating": "up",
            },
        )
    store = FeedbackStore(target)  # first use: migrates to the head
    assert [r.question for r in store.records()] == ["Q ?"]
    assert target.revision() == HEAD
    assert _schema_differences(target) == []


def test_a_database_from_before_migrations_is_adopted_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as conn:  # what the stores created before migrations existed
        conn.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT "
            "NULL, question TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL, "
            "rating TEXT NOT NULL CHECK (rating IN ('up', 'down')), comment TEXT, "
            "corrected_answer TEXT)"
        )
        conn.execute("CREATE TABLE validated_answers (id TEXT PRIMARY KEY, record TEXT NOT NULL)")
        conn.execute(
            "INSERT INTO feedback (created_at, question, answer, citations, rating) "
            "VALUES ('2999-01-01T00:00:00+00:00', 'Q ?', 'R.', '[]', 'up')"
        )
    store = FeedbackStore(path)
    assert [r.question for r in store.records()] == ["Q ?"]
    assert store.db.revision() == HEAD
    ValidatedStore(path).save(_answer("formation"), "A")
    assert ValidatedStore(path).revision() == 1


def test_settings_choose_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().database == Settings().feedback_db
    monkeypatch.setenv("O2R_DATABASE_URL", "postgresql://u:secret@db.example:5432/o2r")
    target = Database(Settings().database)
    assert target.dialect == "postgresql" and target.path is None
    assert target.url.drivername == "postgresql+psycopg"
    assert "secret" not in str(target) and "secret" not in repr(target)
    for bad in ("mysql://h/o2r", "sqlite://", "postgresql://h:notaport/x"):
        with pytest.raises(ConfigError):
            Database(bad)


# ---------------------------------------------------------------- two writers at once


def _writer(target: Database, n: int, start: float) -> None:
    time.sleep(max(0.0, start - time.time()))  # both begin together, on an empty database
    feedback, validated = FeedbackStore(target), ValidatedStore(target)
    for i in range(ROWS):
        feedback.add(f"Q{n}-{i} ?", "R.", [], "up", session_id=f"s{n}")
        validated.record_served("shared")
        validated.record_offered(["shared", f"w{n}"])
        validated.record_taken("shared")
        validated.save(_answer(f"w{n}-{i}"), f"writer {n}")


def test_two_writer_processes_at_once_lose_nothing(database: Path | str) -> None:
    target = Database(database)
    ctx = multiprocessing.get_context("fork")
    start = time.time() + 0.5
    workers = [ctx.Process(target=_writer, args=(target, n, start)) for n in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    feedback, validated = FeedbackStore(target), ValidatedStore(target)
    for n in range(WRITERS):
        rows = feedback.records(session_id=f"s{n}")
        assert [r.question for r in rows] == [f"Q{n}-{i} ?" for i in range(ROWS)]
    assert len({r.id for r in feedback.records()}) == WRITERS * ROWS
    shared = validated.usage()["shared"]  # no lost increment
    assert shared.served == shared.offered == shared.taken == WRITERS * ROWS
    assert len(validated.all()) == validated.revision() == WRITERS * ROWS
    assert target.revision() == HEAD


# ---------------------------------------------------------------- an unreachable server


def test_an_unreachable_server_is_a_french_error_never_a_silent_drop() -> None:
    url = f"postgresql+psycopg://o2r@127.0.0.1:{_free_port()}/o2r"  # nothing listens there
    started = time.perf_counter()
    with pytest.raises(DatabaseUnavailableError) as err:
        FeedbackStore(url).add("Q ?", "R.", [], "down", "commentaire")
    assert "injoignable" in err.value.message_fr and "avis" in err.value.message_fr
    with pytest.raises(DatabaseUnavailableError) as err:
        Database(url).ping()
    assert "injoignable" in err.value.message_fr
    # The staff page's handlers catch ValidatedAnswerError: the outage is one too.
    with pytest.raises(ValidatedAnswerError) as err:
        ValidatedStore(url).save(_answer("formation"), "A")
    assert isinstance(err.value, DatabaseUnavailableError)
    ValidatedStore(url).record_served("formation")  # a statistic: logged, not raised
    ValidatedStore(url).record_offered(["formation"])
    assert time.perf_counter() - started < 4 * db.CONNECT_TIMEOUT_S


@pytest.mark.postgresql
def test_a_server_restart_fails_the_writes_in_between_then_writing_resumes(
    pg_server: PostgresServer, pg_database: str
) -> None:
    store = FeedbackStore(pg_database)
    first = store.add("Avant ?", "R.", [], "up")
    pg_server.kill()
    try:
        with pytest.raises(DatabaseUnavailableError):
            store.add("Pendant ?", "R.", [], "up")
    finally:
        pg_server.restart()
    second = store.add("Après ?", "R.", [], "up")  # the pool's dead connections are replaced
    assert [(r.id, r.question) for r in store.records()] == [
        (first, "Avant ?"),
        (second, "Après ?"),
    ]


@pytest.mark.slow
def test_the_chat_answers_while_the_database_is_unreachable(fake_assistant) -> None:
    from fakes import FakeEmbedder

    from o2r_assistant.assistant import Assistant

    url = f"postgresql+psycopg://o2r@127.0.0.1:{_free_port()}/o2r"
    assistant = Assistant(Settings(), embedder=FakeEmbedder(), validated=ValidatedStore(url))
    answer = assistant.ask("Les dépenses de formation sont-elles éligibles ?")
    assert answer.text and answer.validated is None


def test_a_sqlite_transaction_is_rolled_back_whole(tmp_path: Path) -> None:
    target = Database(tmp_path / "f.sqlite3")
    with pytest.raises(DatabaseUnavailableError), target.begin() as conn:
        conn.execute(
            db.FEEDBACK.insert().values(
                created_at="x", question="q", answer="a", citations="[]", rating="up"
            )
        )
        conn.execute(sa.text("INSERT INTO no_such_table VALUES (1)"))
    assert FeedbackStore(target).records() == []


# ---------------------------------------------------------------- one index writer


class _StuckEmbedder(FakeEmbedder):
    """Says it has started embedding, then never finishes (until its process is killed)."""

    def __init__(self, started: multiprocessing.synchronize.Event) -> None:
        self.started = started

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.started.set()
        time.sleep(3600)
        return super().embed_documents(texts)


def _machine(tmp_path: Path, name: str, url: str) -> Settings:
    """A writer on a machine of its own: its own corpus copy and index folder (so no
    file lock is shared), the shared PostgreSQL database."""
    corpus = tmp_path / name / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "ami.md").write_text("# AMI\n\nLe coût minimum est de 150 000 €.\n", "utf-8")
    return Settings(corpus_dir=corpus, index_dir=tmp_path / name / "index", database_url=url)


@pytest.mark.postgresql
def test_one_index_build_at_a_time_across_machines_sharing_postgresql(
    tmp_path: Path, pg_database: str
) -> None:
    first, second = _machine(tmp_path, "a", pg_database), _machine(tmp_path, "b", pg_database)
    ctx = multiprocessing.get_context("fork")
    started = ctx.Event()
    writer = ctx.Process(target=build_index, args=(first, _StuckEmbedder(started)))
    writer.start()
    try:
        assert started.wait(60), "the first build did not start"
        with pytest.raises(IndexBuildRunningError) as caught:
            build_index(second, FakeEmbedder())
        assert "déjà en cours" in caught.value.message_fr
        assert open_index(second, FakeEmbedder()) is None  # nothing was built
        env = {
            "O2R_DATABASE_URL": pg_database,
            "O2R_CORPUS_DIR": str(second.corpus_dir),
            "O2R_INDEX_DIR": str(second.index_dir),
        }
        result = CliRunner().invoke(cli, ["index"], env=env)  # the indexing job
        assert result.exit_code == 3 and "déjà en cours" in result.output
    finally:
        os.kill(writer.pid, signal.SIGKILL)  # a writer that dies frees the lock
        writer.join(timeout=30)
    assert build_index(second, FakeEmbedder()).manifest.chunks > 0
    assert build_index(second, FakeEmbedder()).manifest.chunks > 0  # released after a build


def test_an_index_build_without_its_database_lock_does_not_start(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://o2r@127.0.0.1:{_free_port()}/o2r"  # nothing listens there
    settings = _machine(tmp_path, "a", url)
    with pytest.raises(DatabaseUnavailableError) as caught:
        build_index(settings, FakeEmbedder())
    assert "injoignable" in caught.value.message_fr
    assert open_index(settings, FakeEmbedder()) is None
