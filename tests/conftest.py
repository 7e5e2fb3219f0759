"""Test session set-up: no display needed, no user settings touched."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Qt must never look for a display, and must not read or write the user's settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_home = Path(tempfile.mkdtemp(prefix="rolematrix-test-home-"))
os.environ["XDG_CONFIG_HOME"] = str(_home / "config")
os.environ["XDG_DATA_HOME"] = str(_home / "data")
os.environ["XDG_CACHE_HOME"] = str(_home / "cache")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")

sys.dont_write_bytecode = True
