"""The table migration 0003 adds, and what keeps it append-only. Frozen: never edit.

Written once and used twice, as ``schema_0001.py`` is: migration 0003 creates this
table and its guards, and ``db.py`` declares the table among its live tables. The
journal of staff actions was a table the journal created itself in the SQLite file;
the migration adopts that table, rows included, where it exists.
"""

from __future__ import annotations

import sqlalchemy as sa

APPEND_ONLY = "the journal of staff actions is append-only"


def declare(metadata: sa.MetaData) -> None:
    """Declare revision 0003's table on ``metadata``."""
    sa.Table(
        "staff_actions",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text, nullable=False),  # ISO 8601, UTC
        sa.Column("actor", sa.Text, nullable=False),  # an e-mail or the shared password
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
    )


# Updates and deletions are refused by the database itself, whoever connects.
GUARDS = {
    "sqlite": [
        f"CREATE TRIGGER IF NOT EXISTS staff_actions_no_{event.lower()} BEFORE {event} "
        f"ON staff_actions BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        for event in ("UPDATE", "DELETE")
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION staff_actions_append_only() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$",
        "CREATE OR REPLACE TRIGGER staff_actions_append_only BEFORE UPDATE OR DELETE "
        "ON staff_actions FOR EACH ROW EXECUTE FUNCTION staff_actions_append_only()",
    ],
}
UNGUARDS = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS staff_actions_no_update",
        "DROP TRIGGER IF EXISTS staff_actions_no_delete",
    ],
    "postgresql": ["DROP FUNCTION IF EXISTS staff_actions_append_only() CASCADE"],
}
