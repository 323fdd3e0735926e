"""Feedback and validated answers: the tables the stores created themselves before
migrations existed. A database made by those stores is adopted as it is (missing
tables, the index and the ``session_id`` column are added); a new one gets them all.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    tables = set(inspector.get_table_names())
    if "feedback" not in tables:
        op.create_table(
            "feedback",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("created_at", sa.Text, nullable=False),
            sa.Column("question", sa.Text, nullable=False),
            sa.Column("answer", sa.Text, nullable=False),
            sa.Column("citations", sa.Text, nullable=False),
            sa.Column("rating", sa.Text, nullable=False),
            sa.Column("comment", sa.Text),
            sa.Column("corrected_answer", sa.Text),
            sa.Column("session_id", sa.Text),
            sa.CheckConstraint("rating IN ('up', 'down')", name="feedback_rating"),
            sqlite_autoincrement=True,
        )
    elif "session_id" not in {c["name"] for c in inspector.get_columns("feedback")}:
        op.add_column("feedback", sa.Column("session_id", sa.Text))
    if "validated_answers" not in tables:
        op.create_table(
            "validated_answers",
            sa.Column("id", sa.Text, primary_key=True),
            sa.Column("record", sa.Text, nullable=False),
        )
    if "validated_history" not in tables:
        op.create_table(
            "validated_history",
            sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("answer_id", sa.Text, nullable=False),
            sa.Column("at", sa.Text, nullable=False),
            sa.Column("editor", sa.Text, nullable=False),
            sa.Column("action", sa.Text, nullable=False),
            sa.Column("record", sa.Text, nullable=False),
            sqlite_autoincrement=True,
        )
    indexes = (
        {i["name"] for i in inspector.get_indexes("validated_history")}
        if "validated_history" in tables
        else set()
    )
    if "validated_history_answer" not in indexes:
        op.create_index("validated_history_answer", "validated_history", ["answer_id"])
    if "validated_served" not in tables:
        op.create_table(
            "validated_served",
            sa.Column("answer_id", sa.Text, primary_key=True),
            sa.Column("served", sa.Integer, nullable=False),
        )
    if "validated_ratings" not in tables:
        op.create_table(
            "validated_ratings",
            sa.Column("feedback_id", sa.Integer, primary_key=True, autoincrement=False),
            sa.Column("answer_id", sa.Text, nullable=False),
            sa.Column("rating", sa.Text, nullable=False),
            sa.CheckConstraint("rating IN ('up', 'down')", name="validated_ratings_rating"),
        )
    if "validated_vectors" not in tables:
        op.create_table(
            "validated_vectors",
            sa.Column("model_id", sa.Text, primary_key=True),
            sa.Column("text", sa.Text, primary_key=True),
            sa.Column("vector", sa.LargeBinary, nullable=False),
        )


def downgrade() -> None:
    op.drop_index("validated_history_answer", table_name="validated_history")
    for table in (
        "validated_vectors",
        "validated_ratings",
        "validated_served",
        "validated_history",
        "validated_answers",
        "feedback",
    ):
        op.drop_table(table)
