"""How often the chat offers a published answer for a close question, and how often
the candidate takes it.

The table is that of the frozen snapshot ``migrations/schema_0004.py``.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

from o2r_assistant.migrations import frozen_table, schema_0004

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    frozen_table(schema_0004.declare, "validated_offers").create(op.get_bind())


def downgrade() -> None:
    frozen_table(schema_0004.declare, "validated_offers").drop(op.get_bind())
