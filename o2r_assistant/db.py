"""The one database of feedback and staff data: a SQLite file, or PostgreSQL.

``Settings.database`` is the SQLite file ``Settings.feedback_db`` unless
``O2R_DATABASE_URL`` is set (``postgresql+psycopg://user:password@host/name``).
The tables (``metadata``, SQLAlchemy Core) are created and changed by the Alembic
migrations of ``o2r_assistant/migrations``, run once per process when a database
is first written or read; running them again is a no-op, and two processes
starting at once migrate one after the other (``BEGIN IMMEDIATE`` on SQLite, an
advisory lock on PostgreSQL).

Every write is one transaction, committed or rolled back. SQLite: a write
transaction takes the file's write lock at its start (``BEGIN IMMEDIATE``), so
concurrent writers queue (busy timeout) instead of failing; the database and its
WAL files are readable by their owner only; a connection is opened per
transaction (no pool, safe across ``fork``). PostgreSQL: a small pool per process,
connections checked before use, a connect timeout; increments and upserts are
single statements, so concurrent replicas lose nothing.

A failure (server down, file unusable) raises ``DatabaseUnavailableError`` with a
French message; nothing is retried behind the caller's back.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from .errors import ConfigError, DatabaseUnavailableError
from .migrations import schema_0001, schema_0002, schema_0003, schema_0004

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 5  # PostgreSQL: seconds before an unreachable server is reported
POOL_SIZE = 4
OWNER_ONLY = 0o600
MIGRATIONS = Path(__file__).parent / "migrations"
# pg_advisory_xact_lock key held while migrating: "o2r" in ASCII.
_MIGRATION_LOCK = 0x6F3272
UNAVAILABLE_FR = "base de données injoignable pour le moment ; réessayez plus tard"

# ---------------------------------------------------------------- the tables

# The live tables: those of the frozen snapshots the migrations create them from (see
# migrations/schema_0001.py). A later migration that changes the schema makes the
# same change here, on these tables.
metadata = sa.MetaData()
schema_0001.declare(metadata)
schema_0002.declare(metadata)  # migration 0002: stored evaluation runs
schema_0003.declare(metadata)  # migration 0003: the journal of staff actions
schema_0004.declare(metadata)  # migration 0004: validated answers offered and taken
FEEDBACK = metadata.tables["feedback"]
VALIDATED_ANSWERS = metadata.tables["validated_answers"]
VALIDATED_HISTORY = metadata.tables["validated_history"]
VALIDATED_SERVED = metadata.tables["validated_served"]
VALIDATED_OFFERS = metadata.tables["validated_offers"]
VALIDATED_RATINGS = metadata.tables["validated_ratings"]
VALIDATED_VECTORS = metadata.tables["validated_vectors"]
EVAL_RUNS = metadata.tables["eval_runs"]
STAFF_ACTIONS = metadata.tables["staff_actions"]


def upsert(
    conn: Connection,
    table: sa.Table,
    values: Mapping[str, Any] | list[Mapping[str, Any]],
    keys: list[str],
    update: Mapping[str, Any] | None = None,
) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE, one atomic statement on either backend.

    ``update`` maps columns to new values (expressions may use ``excluded``); by
    default every non-key column takes the inserted value.
    """
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(table)
    if update is None:
        update = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=keys, set_=update), values)


# ---------------------------------------------------------------- engines

_engines: dict[str, Engine] = {}
_migrated: set[str] = set()
_lock = threading.Lock()


def _forget_engines_in_child() -> None:
    """A forked process opens its own connections (pooled ones belong to the parent)."""
    for engine in _engines.values():
        engine.dispose(close=False)
    _engines.clear()
    _migrated.clear()


os.register_at_fork(after_in_child=_forget_engines_in_child)


def _use_wal(dbapi_connection: Any) -> None:
    """Switch a SQLite file to write-ahead logging, once per file.

    The mode is stored in the file, so most connections only read it. Switching
    needs an exclusive lock, and SQLite may report "locked" at once instead of
    waiting when another process holds one (two processes opening a new file),
    so the switch is retried until the busy timeout.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            mode = dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                dbapi_connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_engine(url: sa.URL) -> Engine:
    engine = sa.create_engine(
        url, poolclass=NullPool, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the driver, begins transactions (so DDL and BEGIN IMMEDIATE work).
        dbapi_connection.isolation_level = None
        _use_wal(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("o2r_begin", "BEGIN"))

    return engine


def _postgresql_engine(url: sa.URL) -> Engine:
    return sa.create_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=POOL_SIZE,
        pool_timeout=CONNECT_TIMEOUT_S,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "o2r-assistant"},
    )


def dispose(target: Path | str | Database | None = None) -> None:
    """Close the pooled connections of one database (every one if None)."""
    with _lock:
        keys = list(_engines) if target is None else [Database(target).key]
        for key in keys:
            engine = _engines.pop(key, None)
            if engine is not None:
                engine.dispose()
            _migrated.discard(key)


# ---------------------------------------------------------------- the database


class Database:
    """A SQLite file (a path or ``sqlite:///…``) or a PostgreSQL URL."""

    def __init__(self, target: Path | str | Database) -> None:
        if isinstance(target, Database):
            self.url, self.path = target.url, target.path
            return
        text = str(target)
        if isinstance(target, str) and "://" in text:
            try:
                self.url = make_url(text)
            except (ArgumentError, ValueError) as err:
                raise ConfigError(
                    f"invalid database URL: {err}", "O2R_DATABASE_URL n'est pas une URL valide"
                ) from err
            backend = self.url.get_backend_name()
            if backend not in ("sqlite", "postgresql"):
                raise ConfigError(
                    f"unsupported database {backend!r}: sqlite or postgresql",
                    f"base de données « {backend} » non prise en charge : sqlite ou postgresql",
                )
            if backend == "postgresql" and self.url.drivername == "postgresql":
                self.url = self.url.set(drivername="postgresql+psycopg")
            database = self.url.database
            self.path = Path(database) if backend == "sqlite" and database else None
            if backend == "sqlite" and self.path is None:
                raise ConfigError(
                    "a SQLite database URL needs a file", "la base SQLite doit être un fichier"
                )
        else:
            self.path = Path(target)
            self.url = sa.URL.create("sqlite", database=str(self.path))

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    @property
    def key(self) -> str:
        return self.url.render_as_string(hide_password=False)

    def __str__(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"Database({str(self)!r})"

    def exists(self) -> bool:
        """False for a SQLite file not created yet (reading it needs no file)."""
        return self.path is None or self.path.exists()

    def engine(self) -> Engine:
        with _lock:
            engine = _engines.get(self.key)
            if engine is None:
                make = _sqlite_engine if self.dialect == "sqlite" else _postgresql_engine
                engine = _engines[self.key] = make(self.url)
            return engine

    # -- transactions

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (SQLAlchemyError, OSError) as err:
            raise DatabaseUnavailableError(
                f"database {self} failed: {type(err).__name__}: {err}", UNAVAILABLE_FR
            ) from err

    def _prepare(self) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _owner_only(self.path)
        if self.key not in _migrated:
            self.migrate()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on error."""
        with self._guard():
            self._prepare()
            with self.engine().connect() as conn:
                conn.execution_options(o2r_begin="BEGIN IMMEDIATE")
                with conn.begin():
                    yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read-only transaction (a consistent snapshot)."""
        with self._guard():
            self._prepare()
            with self.engine().connect() as conn, conn.begin():
                yield conn

    def ping(self) -> float:
        """Seconds a ``SELECT 1`` took; ``DatabaseUnavailableError`` if it failed."""
        started = time.perf_counter()
        with self._guard(), self.engine().connect() as conn:
            conn.exec_driver_sql("SELECT 1").scalar_one()
        return time.perf_counter() - started

    @contextmanager
    def advisory_lock(self, key: int) -> Iterator[bool]:
        """Hold PostgreSQL's session-level advisory lock ``key`` for the block if no other
        session holds it (``pg_try_advisory_lock``, never waiting); yields whether it did.

        The lock belongs to one connection, kept out of any transaction while the block
        runs (a long block is no idle transaction); it ends with the block, or with the
        connection if the process dies. PostgreSQL only.
        """
        with self._guard():
            conn = self.engine().connect()
            try:
                taken = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": key})
                held = bool(taken.scalar_one())
                conn.commit()
            except BaseException:
                conn.close()
                raise
        try:
            yield held
        finally:
            try:
                if held:
                    conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                    conn.commit()
            except SQLAlchemyError:
                # Never pool a connection that may still hold the lock: closing it ends it.
                log.warning("advisory lock %s not released; dropping its connection", key)
                conn.invalidate()
            finally:
                conn.close()

    # -- migrations

    def migrate(self) -> None:
        """Bring the schema to the newest migration (a no-op when it is there already)."""
        from alembic import command
        from alembic.config import Config

        with self._guard():
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                _owner_only(self.path)
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            with self.engine().connect() as conn:
                # One process migrates at a time; the others then find nothing to do.
                conn.execution_options(o2r_begin="BEGIN IMMEDIATE")
                with conn.begin():
                    if self.dialect == "postgresql":
                        lock = sa.text("SELECT pg_advisory_xact_lock(:k)")
                        conn.execute(lock, {"k": _MIGRATION_LOCK})
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
            with _lock:
                _migrated.add(self.key)

    def revision(self) -> str | None:
        """The schema's migration revision, None before the first migration."""
        from alembic.runtime.migration import MigrationContext

        with self._guard(), self.engine().connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()


def _owner_only(path: Path) -> None:
    """The SQLite file and its WAL files readable by their owner only (SQLite gives the
    WAL files the database's mode when it creates them)."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        # SQLite deletes the WAL files when its last connection closes, at any moment.
        with suppress(FileNotFoundError):
            if file.stat().st_mode & 0o777 != OWNER_ONLY:
                file.chmod(OWNER_ONLY)
