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
#: query parameters whose value is a secret (libpq's ``password`` and ``sslpassword``)
_SECRET_QUERY = re.compile(r"([?&;](?:ssl)?password=)[^&;]*", re.IGNORECASE)
#: a libpq ``key=value`` connection string (``host=db password=x``), not an address
_CONNINFO_WORD = re.compile(
    r"(?:^|\s)(?:host|hostaddr|port|dbname|user|password|sslpassword|service|sslmode)\s*=",
    re.IGNORECASE,
)
_CONNINFO_SECRET = re.compile(r"((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|\S*)", re.IGNORECASE)
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


def is_conninfo(text: str) -> bool:
    """Is ``text`` a libpq ``key=value`` connection string rather than a file path?"""
    if "://" in text or _CONNINFO_WORD.search(text) is None:
        return False
    try:
        return not Path(text).exists()  # a file may be named "port=2.rolematrix"
    except OSError:
        return True


def _user_info_end(rest: str) -> int:
    """Where the user (and password) part after ``scheme://`` ends: its ``@``, or -1.

    A password may hold ``/``, ``?``, ``#``, ``:`` and even ``@`` unencoded
    (SQLAlchemy reads the first three), so the password reaches the *last*
    ``@``: masking a little too much in an odd address is harmless, showing a
    piece of a password is not.
    """
    first = re.search(r"[:@/?#]", rest)
    if first is None or first.group() in "/?#":
        return -1
    return rest.rfind("@")


def without_password(target: str) -> str:
    """``target`` with any password removed from its address; file paths are returned as is.

    Works on the text as typed, so that even an address SQLAlchemy would refuse
    (a port that is not a number, say) can be named in a message without
    showing its password: in the user part (percent-encoded or not, with
    unencoded ``/``, ``?``, ``@``, ``#`` or ``:``), in the query
    (``?password=``) and in a libpq ``key=value`` string.
    """
    text = target.strip()
    match = _URL_START.match(text)
    if match is None:
        if is_conninfo(text):
            return _CONNINFO_SECRET.sub(r"\1***", text)
        return target
    start, rest = match.group(0), text[match.end() :]
    end = _user_info_end(rest)
    if end >= 0:
        user = rest[:end].split(":", 1)[0]
        rest = (f"{user}@" if user else "") + rest[end + 1 :]
    return start + _SECRET_QUERY.sub(r"\1***", rest)


def passwords_in(text: str) -> list[str]:
    """Every password ``text`` carries, as written and decoded: what a report must not hold.

    For scrubbing text built from an address we did not mask ourselves (an
    exception's message in a crash report, say).
    """
    from urllib.parse import unquote

    found: list[str] = []
    text = text.strip()
    match = _URL_START.match(text)
    if match is not None:
        rest = text[match.end() :]
        end = _user_info_end(rest)
        if end >= 0 and ":" in rest[:end]:
            found.append(rest[:end].split(":", 1)[1])
        found += [m.group(0).split("=", 1)[1] for m in _SECRET_QUERY.finditer(rest)]
    elif is_conninfo(text):
        found += [m.group(2).strip("'") for m in _CONNINFO_SECRET.finditer(text)]
    found += [unquote(secret) for secret in found]
    return sorted({secret for secret in found if secret}, key=len, reverse=True)


def public_url(url: URL) -> str:
    """The address as a user may see it: never with the password, in the user part or the query."""
    return _SECRET_QUERY.sub(r"\1***", url.render_as_string(hide_password=True))


def _read_url(text: str) -> URL:
    """``text`` as an SQLAlchemy URL, its password read as libpq users mean it.

    SQLAlchemy ends a password at its first ``@`` and trips on a ``:`` after
    an unencoded ``/``, so ``ann:p@ss@db`` would connect to the host ``ss@db``
    (naming a piece of the password in every message) and ``ann:a/b:c@db``
    would be refused. When SQLAlchemy's reading fails or puts an ``@`` into
    the host or database, the user part is taken up to the last ``@`` instead.
    """
    from urllib.parse import unquote

    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        url = None
    if url is not None and "@" not in (url.host or "") + (url.database or ""):
        return url
    start = _URL_START.match(text)
    rest = text[start.end() :] if start is not None else ""
    end = _user_info_end(rest)
    if start is None or end < 0:
        return url if url is not None else make_url(text)  # raises SQLAlchemy's error
    user, _, password = rest[:end].partition(":")
    whole = make_url(f"{start.group(0)}{rest[end + 1 :]}")
    return whole.set(username=unquote(user) or None, password=unquote(password) or None)


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
    if isinstance(target, str) and is_conninfo(target.strip()):
        shown = without_password(target)
        raise StoreError(
            f"{shown!r} is a libpq connection string; RoleMatrix takes a database address "
            "like postgresql+psycopg://user@host:5432/database (the password in ~/.pgpass "
            "or PGPASSWORD).",
            shown,
        )
    if isinstance(target, str) and is_database_url(target):
        from sqlalchemy.exc import ArgumentError

        shown = without_password(target)
        try:
            url = _read_url(target.strip())
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
