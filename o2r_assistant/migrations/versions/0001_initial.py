"""Feedback and validated answers: the tables the stores created themselves before
migrations existed. A database made by those stores is adopted as it is (missing
tables, the index and the ``session_id`` column are added); a new one gets them all.

The tables are those of the frozen snapshot ``migrations/schema_0001.py``.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from o2r_assistant.migrations import schema_0001

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _schema() -> sa.MetaData:
    metadata = sa.MetaData()
    schema_0001.declare(metadata)
    return metadata


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    for table in _schema().sorted_tables:
        if table.name not in existing:
            table.create(bind)  # with its index
    # What the tables of the stores from before migrations lack.
    if "feedback" in existing and "session_id" not in {
        c["name"] for c in inspector.get_columns("feedback")
    }:
        op.add_column("feedback", sa.Column("session_id", sa.Text))
    if "validated_history" in existing and "validated_history_answer" not in {
        i["name"] for i in inspector.get_indexes("validated_history")
    }:
        op.create_index("validated_history_answer", "validated_history", ["answer_id"])


def downgrade() -> None:
    bind = op.get_bind()
    for table in reversed(_schema().sorted_tables):
        table.drop(bind)  # with its index
