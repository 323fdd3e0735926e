"""A real PostgreSQL server for the tests, started on a temporary data directory.

The binaries come from Debian's ``postgresql`` package (``/usr/lib/postgresql/<v>/bin``;
``.ci/run`` installs it) or from ``$O2R_TEST_PG_BIN``. The server listens on
127.0.0.1 and a free port, with fsync off, and is stopped and deleted after the
session. PostgreSQL refuses to run as root: as root, the server runs as the
``postgres`` user the package creates. Without binaries the PostgreSQL tests skip.

Fixtures: ``pg_server`` (session: the admin URL), ``pg_database`` (a new empty
database per test, dropped afterwards), ``database`` (parametrized: a SQLite file
path, then a PostgreSQL URL).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from o2r_assistant import db

USER = "o2r"
# Read at import: the tests' autouse fixture drops every O2R_* variable.
PG_BIN = os.environ.get("O2R_TEST_PG_BIN")


def pg_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest version first, or None."""
    candidates = [Path(PG_BIN)] if PG_BIN else []
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="o2r-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.owner: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("PostgreSQL refuses root and there is no `postgres` user")
            self.owner = "postgres"
            shutil.chown(self.root, user="postgres")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.owner:
            command = ["runuser", "-u", self.owner, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")  # fmt: skip
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -F -c max_connections=200"
        try:
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                      "-w", "-t", "60", "start")  # fmt: skip
        except subprocess.CalledProcessError as err:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {err.stderr}\n{log}") from err

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def kill(self) -> None:
        """Stop the server now (tests of an unreachable database); ``start`` again after."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def restart(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -F -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "-t", "60", "start")  # fmt: skip

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(sql)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    bin_dir = pg_bin()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL binaries not found (Debian package `postgresql`, which `.ci/run` "
            "installs; or set O2R_TEST_PG_BIN)"
        )
    server = PostgresServer(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def pg_database(pg_server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    url = pg_server.url(name)
    yield url
    db.dispose(url)
    pg_server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a store lives: a SQLite file in nested folders, then a PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "nested" / "dir" / "feedback.sqlite3"
    return request.getfixturevalue("pg_database")
