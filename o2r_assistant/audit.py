"""The journal of staff actions: who did what, and when.

One append-only table in the feedback database (``O2R_FEEDBACK_DB``): SQLite
triggers refuse any change or deletion of a row, so the journal only grows.
The identity is the signed-in e-mail address, or ``mot de passe partagé`` in
password mode (``o2r_assistant.identity``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from .errors import O2RError

Action = Literal[
    "document_added",
    "document_replaced",
    "document_removed",
    "reindexed",
    "answer_published",
    "answer_retired",
    "feedback_exported",
]
ACTION_FR: dict[str, str] = {
    "document_added": "Document ajouté",
    "document_replaced": "Document remplacé",
    "document_removed": "Document retiré",
    "reindexed": "Indexation relancée",
    "answer_published": "Réponse validée publiée",
    "answer_retired": "Réponse validée retirée",
    "feedback_exported": "Avis exportés",
}
BUSY_TIMEOUT_S = 10.0
OWNER_ONLY = 0o600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS staff_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS staff_actions_no_update BEFORE UPDATE ON staff_actions
BEGIN SELECT RAISE(ABORT, 'the journal of staff actions is append-only'); END;
CREATE TRIGGER IF NOT EXISTS staff_actions_no_delete BEFORE DELETE ON staff_actions
BEGIN SELECT RAISE(ABORT, 'the journal of staff actions is append-only'); END;
"""


@dataclass(frozen=True)
class Entry:
    """One staff action; ``at`` is ISO 8601 UTC, ``target`` what it acted on."""

    id: int
    at: str
    actor: str
    action: str
    target: str

    @property
    def action_fr(self) -> str:
        return ACTION_FR.get(self.action, self.action)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """The ``staff_actions`` table of the SQLite file at ``path`` (created on first use)."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = _utc_now) -> None:
        self.path = Path(path)
        self.clock = clock

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY))
            with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)) as conn:
                conn.executescript(_SCHEMA)
                with conn:
                    yield conn
        except (sqlite3.Error, OSError) as err:
            raise O2RError(
                f"journal of staff actions {self.path} failed: {type(err).__name__}: {err}",
                "le journal des actions du personnel est indisponible pour le moment",
            ) from err

    def record(self, actor: str, action: Action, target: str = "") -> Entry:
        """Append one action by ``actor`` (an e-mail address or the shared password)."""
        if action not in ACTION_FR:
            raise ValueError(f"unknown staff action {action!r}")
        if not actor:
            raise ValueError("a staff action needs an actor")
        at = self.clock().astimezone(UTC).isoformat(timespec="seconds")
        with self._connect() as conn:
            cursor = conn.execute(
                "INSERT INTO staff_actions (at, actor, action, target) VALUES (?, ?, ?, ?)",
                (at, actor, action, target),
            )
            return Entry(int(cursor.lastrowid or 0), at, actor, action, target)

    def entries(self, limit: int = 500) -> list[Entry]:
        """The latest ``limit`` actions, newest first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT id, at, actor, action, target FROM staff_actions ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [Entry(*row) for row in rows]
