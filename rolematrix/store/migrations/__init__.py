"""Alembic migrations of the document schema, shipped with the package and run on open."""
