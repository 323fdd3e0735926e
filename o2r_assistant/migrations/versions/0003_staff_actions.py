"""The journal of staff actions joins the database layer (it was a table the journal
created itself in the SQLite file; that table is adopted with its rows).

The table and its append-only guards are those of the frozen ``migrations/schema_0003.py``.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

from o2r_assistant.migrations import frozen_table, schema_0003

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    frozen_table(schema_0003.declare, "staff_actions").create(bind, checkfirst=True)
    for statement in schema_0003.GUARDS[bind.dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    for statement in schema_0003.UNGUARDS[bind.dialect.name]:
        op.execute(statement)
    frozen_table(schema_0003.declare, "staff_actions").drop(bind)
