"""The table migration 0004 adds. Frozen: never edit this file.

Written once and used twice, as ``schema_0001.py`` is: migration 0004 creates this
table and ``db.py`` declares it among its live tables.
"""

from __future__ import annotations

import sqlalchemy as sa


def declare(metadata: sa.MetaData) -> None:
    """Declare revision 0004's table on ``metadata``."""
    sa.Table(
        "validated_offers",
        metadata,
        sa.Column("answer_id", sa.Text, primary_key=True),
        # Times the chat offered the answer for a close question, and times it was taken.
        sa.Column("offered", sa.Integer, nullable=False),
        sa.Column("taken", sa.Integer, nullable=False),
    )
