"""The table migration 0002 adds. Frozen: never edit this file.

Written once and used twice, as ``schema_0001.py`` is: migration 0002 creates this
table and ``db.py`` declares it among its live tables.
"""

from __future__ import annotations

import sqlalchemy as sa


def declare(metadata: sa.MetaData) -> None:
    """Declare revision 0002's table on ``metadata``."""
    sa.Table(
        "eval_runs",
        metadata,
        # The run's UTC time, %Y%m%dT%H%M%S%fZ: sorts by date.
        sa.Column("stamp", sa.Text, primary_key=True),
        # The question sets' names, sorted, as a JSON list: runs on the same sets compare.
        sa.Column("files", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=False),  # EvalResult.to_dict() as JSON
        sa.Index("eval_runs_files", "files", "stamp"),
    )
