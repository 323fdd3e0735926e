"""Stored evaluation runs, which were files under ``data/eval-runs/`` before (those
files are not imported: see docs/deploy.md).

The table is that of the frozen snapshot ``migrations/schema_0002.py``.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from o2r_assistant.migrations import frozen_table, schema_0002

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    frozen_table(schema_0002.declare, "eval_runs").create(op.get_bind())  # with its index


def downgrade() -> None:
    frozen_table(schema_0002.declare, "eval_runs").drop(op.get_bind())
