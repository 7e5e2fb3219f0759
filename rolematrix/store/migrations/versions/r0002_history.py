"""History rows carry the matrix version, names, a readable text and structure snapshots.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"


def upgrade() -> None:
    op.add_column("history", sa.Column("version", sa.Integer, nullable=False, server_default="0"))
    op.add_column(
        "history", sa.Column("matrix_name", sa.Text, nullable=False, server_default="")
    )
    op.add_column("history", sa.Column("task_name", sa.Text, nullable=True))
    op.add_column("history", sa.Column("role_name", sa.Text, nullable=True))
    op.add_column("history", sa.Column("text", sa.Text, nullable=False, server_default=""))
    op.add_column("history", sa.Column("snapshot", sa.Text, nullable=True))
    op.create_index("ix_history_matrix_version", "history", ["matrix_id", "version"])
    # Rows recorded before this revision name no matrix, task or role and have no text;
    # fill in what the tables still know, so that history views show more than blanks.
    for column, table, key in (
        ("matrix_name", "matrices", "matrices.id = history.matrix_id"),
        ("task_name", "tasks", "tasks.matrix_id = history.matrix_id AND tasks.id = history.task_id"),
        ("role_name", "roles", "roles.matrix_id = history.matrix_id AND roles.id = history.role_id"),
    ):
        op.execute(
            f"UPDATE history SET {column} = (SELECT name FROM {table} WHERE {key}) "
            f"WHERE EXISTS (SELECT 1 FROM {table} WHERE {key})"
        )
    op.execute(
        "UPDATE history SET text = "
        "COALESCE(task_name || ' × ' || role_name || ': ', kind || ': ') || "
        "CASE WHEN old = '' THEN '—' ELSE old END || ' → ' || "
        "CASE WHEN new = '' THEN '—' ELSE new END "
        "WHERE text = ''"
    )


def downgrade() -> None:
    op.drop_index("ix_history_matrix_version", table_name="history")
    with op.batch_alter_table("history") as batch:
        for column in ("snapshot", "text", "role_name", "task_name", "matrix_name", "version"):
            batch.drop_column(column)
