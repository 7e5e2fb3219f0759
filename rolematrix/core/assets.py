"""Where the data files that ship with RoleMatrix live.

In an installed wheel ``templates/`` and ``resources/`` are packed inside the
package as ``rolematrix/_data/``; in a source checkout (editable install, tests)
they stand at the top of the repository. Both are plain files read through
``importlib.resources``-style paths, never copied at run time.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    """The folder ``templates`` or ``resources``, wherever this installation keeps it."""
    packed = Path(str(resources.files("rolematrix"))) / "_data" / name
    if packed.is_dir():
        return packed
    source = Path(__file__).resolve().parents[2] / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"RoleMatrix data folder {name!r} is missing from this installation")


def templates_dir() -> Path:
    return data_dir("templates")


def resources_dir() -> Path:
    return data_dir("resources")
