"""The journal of staff actions: who did what, and when.

One append-only table in the project's database (SQLite by default, PostgreSQL with
``O2R_DATABASE_URL``, so every replica lists the same journal): triggers refuse any
change or deletion of a row (migration 0003), so the journal only grows. The
identity is the signed-in e-mail address, or ``mot de passe partagé`` in password
mode (``o2r_assistant.identity``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import sqlalchemy as sa

from .db import STAFF_ACTIONS, Database
from .errors import DatabaseUnavailableError, O2RError

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


UNAVAILABLE_FR = "le journal des actions du personnel est indisponible pour le moment"


class AuditLog:
    """The ``staff_actions`` table of a database (a SQLite path or a PostgreSQL URL)."""

    def __init__(
        self, target: Path | str | Database, clock: Callable[[], datetime] = _utc_now
    ) -> None:
        self.db = Database(target)
        self.clock = clock

    def record(self, actor: str, action: Action, target: str = "") -> Entry:
        """Append one action by ``actor`` (an e-mail address or the shared password)."""
        if action not in ACTION_FR:
            raise ValueError(f"unknown staff action {action!r}")
        if not actor:
            raise ValueError("a staff action needs an actor")
        at = self.clock().astimezone(UTC).isoformat(timespec="seconds")
        row = {"at": at, "actor": actor, "action": action, "target": target}
        try:
            with self.db.begin() as conn:
                key = conn.execute(STAFF_ACTIONS.insert().values(row)).inserted_primary_key[0]
        except DatabaseUnavailableError as err:
            raise O2RError(f"journal of staff actions: {err}", UNAVAILABLE_FR) from err
        return Entry(int(key), at, actor, action, target)

    def entries(self, limit: int = 500) -> list[Entry]:
        """The latest ``limit`` actions, newest first."""
        query = sa.select(
            STAFF_ACTIONS.c.id,
            STAFF_ACTIONS.c.at,
            STAFF_ACTIONS.c.actor,
            STAFF_ACTIONS.c.action,
            STAFF_ACTIONS.c.target,
        )
        try:
            with self.db.read() as conn:
                rows = conn.execute(query.order_by(STAFF_ACTIONS.c.id.desc()).limit(limit))
                return [Entry(*row) for row in rows]
        except DatabaseUnavailableError as err:
            raise O2RError(f"journal of staff actions: {err}", UNAVAILABLE_FR) from err
