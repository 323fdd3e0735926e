"""Alembic migrations and the frozen schema snapshots they create tables from."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa


def frozen_table(declare: Callable[[sa.MetaData], None], name: str) -> sa.Table:
    """Table ``name`` as a frozen snapshot's ``declare`` writes it, on its own metadata."""
    metadata = sa.MetaData()
    declare(metadata)
    return metadata.tables[name]
