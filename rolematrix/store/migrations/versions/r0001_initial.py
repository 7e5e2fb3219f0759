"""The first RoleMatrix document schema.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None


def _matrix_ref() -> sa.Column[int]:
    return sa.Column(
        "matrix_id", sa.Integer, sa.ForeignKey("matrices.id"), primary_key=True, autoincrement=False
    )


def _key(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, primary_key=True, autoincrement=False)


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "matrices",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("scheme", sa.String(32), nullable=False),
        sa.Column("template_id", sa.Text, nullable=True),
        sa.Column("settings_profile", sa.String(64), nullable=False),
        sa.Column("settings_overrides", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("next_id", sa.Integer, nullable=False),
    )
    op.create_table(
        "phases",
        _matrix_ref(),
        _key("id"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_table(
        "tasks",
        _matrix_ref(),
        _key("id"),
        sa.Column("phase_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_table(
        "roles",
        _matrix_ref(),
        _key("id"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("short", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("colour", sa.String(16), nullable=False),
    )
    op.create_table(
        "cells",
        _key("matrix_id"),
        _key("task_id"),
        _key("role_id"),
        sa.Column("codes", sa.String(16), nullable=False),
    )
    op.create_table(
        "people",
        _matrix_ref(),
        _key("id"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_table(
        "person_roles",
        _matrix_ref(),
        _key("person_id"),
        _key("role_id"),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "conflicts",
        _matrix_ref(),
        _key("position"),
        sa.Column("role_a", sa.Integer, nullable=False),
        sa.Column("role_b", sa.Integer, nullable=False),
    )
    op.create_table(
        "suppressions",
        _matrix_ref(),
        _key("position"),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("task_id", sa.Integer, nullable=True),
        sa.Column("role_id", sa.Integer, nullable=True),
        sa.Column("person_id", sa.Integer, nullable=True),
    )
    op.create_table(
        "presets",
        _matrix_ref(),
        _key("position"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("people", sa.Text, nullable=False),
    )
    op.create_table(
        "history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("matrix_id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("task_id", sa.Integer, nullable=True),
        sa.Column("role_id", sa.Integer, nullable=True),
        sa.Column("old", sa.Text, nullable=False),
        sa.Column("new", sa.Text, nullable=False),
    )
    op.create_index("ix_history_matrix_at", "history", ["matrix_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_history_matrix_at", table_name="history")
    for table in (
        "history",
        "presets",
        "suppressions",
        "conflicts",
        "person_roles",
        "people",
        "cells",
        "roles",
        "tasks",
        "phases",
        "matrices",
        "meta",
    ):
        op.drop_table(table)
