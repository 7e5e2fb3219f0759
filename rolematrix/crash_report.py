"""What happens to an exception nobody expected: it is a bug, and it says so.

The command line exits 70 (never 1, which scripts read as "check found
errors") and the editor shows a dialog and keeps running; both print one
sentence naming the error and the file the traceback was written to. That
file lives in the user's cache folder (``$XDG_CACHE_HOME/rolematrix/crashes``
on Linux) and never holds a password: the command line and every message are
scrubbed of the passwords of any address given on it.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from rolematrix import __version__
from rolematrix.store.targets import passwords_in, without_password

EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h)


def crash_folder() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("rolematrix") / "crashes"


#: an address quoted in a message (an exception may name one the user typed in a dialog)
# an address starts where a run of scheme characters starts (the lookbehind): tried from
# every letter of a long word instead, the search takes quadratic time (42 s on 200,000 letters)
_ADDRESS = re.compile(r"""(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://[^\s'"<>]+""")


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return _ADDRESS.sub(lambda found: without_password(found.group(0)), text)


def scrub(text: str, argv: Sequence[str]) -> str:
    """``text`` without any password of an address in ``argv`` (argparse echoes arguments)."""
    return _scrub(text, _secrets(argv))


def _secrets(argv: Sequence[str]) -> list[str]:
    found: set[str] = set()
    for arg in argv:
        found.update(passwords_in(arg))
        if "=" in arg and arg.startswith("--"):  # --db=postgresql://...
            found.update(passwords_in(arg.split("=", 1)[1]))
    return sorted(found, key=len, reverse=True)


def summary(exc: BaseException, argv: Sequence[str] = ()) -> str:
    """``ValueError: what it said`` on one line, without any password of ``argv``."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(message) > 200:
        message = message[:199] + "…"
    line = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return _scrub(line, _secrets(argv))


def write_report(exc: BaseException, argv: Sequence[str] = ()) -> Path:
    """Write the traceback of ``exc`` to a new file in :func:`crash_folder`; return its path.

    Raises :class:`OSError` when the file cannot be written.
    """
    secrets = _secrets(argv)
    shown_argv = [_scrub(without_password(arg), secrets) for arg in argv]
    body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    text = (
        f"RoleMatrix {__version__} internal error\n"
        f"time: {time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n"
        f"python: {sys.version.split()[0]} on {platform.platform()}\n"
        f"command: rolematrix {' '.join(shown_argv)}\n\n"
        f"{_scrub(body, secrets)}"
    )
    folder = crash_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"crash-{stamp}-{os.getpid()}-{n}.txt"
    # the report names documents and folders: readable by the user alone
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8", errors="replace") as out:
        out.write(text)
    return path


def sentence(exc: BaseException, argv: Sequence[str] = ()) -> str:
    """The one line a user sees: what went wrong, that it is a bug, where the report is."""
    try:
        where = f"crash report written to {write_report(exc, argv)}"
    except OSError as failed:
        where = f"no crash report could be written ({failed.strerror or failed})"
    except Exception as failed:  # the report is a courtesy: the one line must still come
        where = f"no crash report could be written ({type(failed).__name__})"
    return f"internal error (a bug): {summary(exc, argv)}; {where}"
