"""The tables as migration 0001 creates them. Frozen: never edit this file.

The schema is written once, here, and used twice: migration 0001 creates these
tables, and ``db.py`` declares them as its live tables. A migration must keep its
meaning when the schema later changes, so 0001 cannot import the live tables;
instead the live tables start from this snapshot. A later change to the schema is
a new migration (with its own frozen statements) and the same change applied in
``db.py`` to its copy; ``tests/test_store_backends.py`` checks that the migrated
database and the live tables agree.
"""

from __future__ import annotations

import sqlalchemy as sa


def _key(*names: str) -> list[sa.Column]:
    return [sa.Column(name, sa.Text, primary_key=True) for name in names]


def _serial(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer, primary_key=True, autoincrement=True)


def _required(*names: str, type_: type[sa.types.TypeEngine] = sa.Text) -> list[sa.Column]:
    return [sa.Column(name, type_, nullable=False) for name in names]


def _optional(*names: str) -> list[sa.Column]:
    return [sa.Column(name, sa.Text) for name in names]


def _rating(name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint("rating IN ('up', 'down')", name=name)


def declare(metadata: sa.MetaData) -> None:
    """Declare revision 0001's tables on ``metadata``."""
    sa.Table(
        "feedback",
        metadata,
        _serial("id"),
        *_required("created_at", "question", "answer", "citations", "rating"),
        *_optional("comment", "corrected_answer", "session_id"),
        _rating("feedback_rating"),
        sqlite_autoincrement=True,  # ids of deleted rows are never given again
    )
    sa.Table("validated_answers", metadata, *_key("id"), *_required("record"))
    sa.Table(
        "validated_history",
        metadata,
        _serial("seq"),
        *_required("answer_id", "at", "editor", "action", "record"),
        sa.Index("validated_history_answer", "answer_id"),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "validated_served", metadata, *_key("answer_id"), *_required("served", type_=sa.Integer)
    )
    sa.Table(
        "validated_ratings",
        metadata,
        # The feedback row's id: given, never generated here.
        sa.Column("feedback_id", sa.Integer, primary_key=True, autoincrement=False),
        *_required("answer_id", "rating"),
        _rating("validated_ratings_rating"),
    )
    sa.Table(
        "validated_vectors",
        metadata,
        *_key("model_id", "text"),
        *_required("vector", type_=sa.LargeBinary),
    )
