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


def downgrade() -> None:
    op.drop_index("ix_history_matrix_version", table_name="history")
    with op.batch_alter_table("history") as batch:
        for column in ("snapshot", "text", "role_name", "task_name", "matrix_name", "version"):
            batch.drop_column(column)
