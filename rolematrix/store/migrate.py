"""Schema versions: which revisions exist, which is the newest, and upgrading a connection.

The revisions are the Alembic scripts in ``migrations/versions`` (shipped in the
package). Opening a current file must not pay for importing Alembic (about
0.2 s on the reference machine), nor SQLAlchemy, so the revision chain is read
from the scripts' ``revision``/``down_revision`` lines as text; Alembic and
SQLAlchemy are only imported when a file actually needs upgrading. A test
checks that this reading agrees with Alembic's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

#: Where the Alembic environment and revision scripts live.
SCRIPT_LOCATION = Path(__file__).with_name("migrations")

_REVISION = re.compile(r"^revision(?:\s*:\s*[^=\n]+)?\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[^=\n]+)?\s*=\s*(None|[\"']([^\"']+)[\"'])", re.M)


@dataclass(frozen=True, slots=True)
class Revisions:
    """The revision chain, oldest first; the last one is the head."""

    chain: tuple[str, ...]

    @property
    def head(self) -> str:
        return self.chain[-1]

    def knows(self, revision: str) -> bool:
        return revision in self.chain

    def is_older(self, revision: str) -> bool:
        return self.knows(revision) and revision != self.head


@lru_cache(maxsize=8)
def _scan(location: Path) -> Revisions:
    parents: dict[str, str | None] = {}
    for script in sorted((location / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision = _REVISION.search(text)
        down = _DOWN.search(text)
        if revision is None or down is None:
            continue
        parents[revision.group(1)] = down.group(2)
    children = {parent: child for child, parent in parents.items()}
    if len(children) != len(parents):
        raise RuntimeError(f"the migrations in {location} do not form a single chain")
    chain: list[str] = []
    current = children.get(None)
    while current is not None:
        chain.append(current)
        current = children.get(current)
    if len(chain) != len(parents):
        raise RuntimeError(f"the migrations in {location} do not form a single chain")
    return Revisions(tuple(chain))


def revisions() -> Revisions:
    """The revisions this version of RoleMatrix knows."""
    return _scan(SCRIPT_LOCATION)


def upgrade(connection: Connection) -> None:
    """Bring the schema reachable through ``connection`` to the head revision.

    The caller owns the transaction (and, for files, works on a copy).
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION).replace("%", "%%"))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
