"""Alembic environment for RoleMatrix documents.

Migrations always run programmatically (:func:`rolematrix.store.migrate.upgrade`)
on a connection the store opened: on a temporary copy of a file, or inside a
transaction of a PostgreSQL workspace. There is no alembic.ini and no offline
(SQL script) mode.
"""

from __future__ import annotations

from alembic import context

from rolematrix.store.schema import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
