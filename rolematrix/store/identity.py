"""How a document marks itself as RoleMatrix's, and who the history says is editing.

Kept apart from :mod:`rolematrix.store.schema` (the SQLAlchemy tables) so that
opening a file can check these without importing SQLAlchemy.
"""

from __future__ import annotations

import getpass
import os

#: ``PRAGMA application_id`` of every RoleMatrix SQLite file: "RMTX" as a big-endian int.
APPLICATION_ID = 0x524D5458

#: The Alembic version table. Not ``alembic_version``, so that a PostgreSQL database
#: shared with another Alembic-managed program keeps the two apart.
VERSION_TABLE = "rolematrix_schema_version"

#: The value of ``meta.application`` in every document (files and workspaces).
APPLICATION_NAME = "RoleMatrix"

#: Environment variable naming the person in the history (instead of the login name).
USER_ENV = "ROLEMATRIX_USER"


def default_user() -> str:
    """The configured display name, else the login name (``ROLEMATRIX_USER`` wins)."""
    configured = os.environ.get(USER_ENV, "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers)
        return "unknown"
