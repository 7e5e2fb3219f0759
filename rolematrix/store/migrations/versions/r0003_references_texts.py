"""Tasks keep their reference from the user's sheet; cells keep text that is no code.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"


def upgrade() -> None:
    op.add_column("tasks", sa.Column("reference", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "cell_texts",
        sa.Column(
            "matrix_id",
            sa.Integer,
            sa.ForeignKey("matrices.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("task_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("role_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cell_texts")
    op.drop_column("tasks", "reference")
