"""Telling a file path from a database address, and naming either for messages.

SQLAlchemy parses database addresses; it is imported only when the target is
one, so that opening a file does not pay for it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rolematrix.store.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy import URL

_URL_START = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_ADDRESS_PARTS = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://)([^/?#]*)(.*)$", re.DOTALL)
_NOT_DATABASES = {"file", "http", "https", "ftp", "ftps", "smb"}


def is_database_url(text: str) -> bool:
    """Is ``text`` a database address (``postgresql+psycopg://host/db``) rather than a file path?

    ``sqlite:///plan.rolematrix`` counts too (it names a file the SQLAlchemy way).
    Windows paths (``C:\\plans``) and ``file://`` URLs do not.
    """
    match = _URL_START.match(text.strip())
    if match is None:
        return False
    return match.group(1).split("+", 1)[0].lower() not in _NOT_DATABASES


def without_password(target: str) -> str:
    """``target`` with any password removed from its address; file paths are returned as is.

    Works on the text as typed, so that even an address SQLAlchemy would refuse
    (a port that is not a number, say) can be named in a message without
    showing its password.
    """
    match = _ADDRESS_PARTS.match(target.strip())
    if match is None:
        return target
    start, netloc, rest = match.groups()
    user_info, at, host_port = netloc.rpartition("@")
    if not at or ":" not in user_info:
        return target.strip()
    user = user_info.split(":", 1)[0]
    return f"{start}{user}@{host_port}{rest}" if user else f"{start}{host_port}{rest}"


def public_url(url: URL) -> str:
    """The address as a user may see it: never with the password."""
    return url.render_as_string(hide_password=True)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a document lives: a file (``path``) or a database (``url``)."""

    path: Path | None = None
    url: URL | None = None
    text: str = ""

    @property
    def is_file(self) -> bool:
        return self.path is not None


def parse_target(target: str | os.PathLike[str]) -> Target:
    """Classify ``target``; SQLite URLs become plain file paths."""
    if not str(target).strip():  # Path("") would be the current folder
        raise StoreError("No document given: name a .rolematrix file or a database address.", "")
    if isinstance(target, str) and is_database_url(target):
        from sqlalchemy import make_url
        from sqlalchemy.exc import ArgumentError

        shown = without_password(target)
        try:
            url = make_url(target.strip())
        except (ArgumentError, ValueError) as exc:
            # SQLAlchemy raises ValueError for a port it cannot read as a number
            detail = ": its port is not a number" if isinstance(exc, ValueError) else ""
            raise StoreError(
                f"{shown!r} is not a valid database address{detail}; "
                "expected something like postgresql+psycopg://user@host:5432/database.",
                shown,
            ) from None
        backend = url.get_backend_name()
        if backend == "sqlite":
            if not url.database or url.database == ":memory:":
                raise StoreError(
                    f"{public_url(url)} does not name a file; give the path of a .rolematrix file.",
                    public_url(url),
                )
            return Target(path=Path(url.database), text=url.database)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return Target(url=url, text=target)
    path = Path(target)
    return Target(path=path, text=str(path))
