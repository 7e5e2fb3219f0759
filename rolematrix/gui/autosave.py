"""Recovery copies of unsaved work, and finding them again after a crash.

After a few idle seconds with unsaved changes the window writes the whole
document as RoleMatrix JSON (the lossless interchange format) into the
platform's app-data folder, beside a small note saying where the document came
from and which process wrote it. Saving or closing cleanly removes both; so a
copy found at start-up whose writer is gone is work a crash left behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from rolematrix.core.model import Document
from rolematrix.io.report import ExportError, InputError

IDLE_MS = 3000


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".rolematrix") / "recovery"


@dataclass(frozen=True, slots=True)
class Recovery:
    """One recovery copy left on disk."""

    path: Path
    origin: str  # the file or URL the work belonged to; "" for a never-saved document
    title: str
    saved_at: float
    pid: int

    @property
    def note(self) -> Path:
        return self.path.with_suffix(".note")

    def load(self) -> Document:
        from rolematrix.io.json_format import read_json  # only when there is something to restore

        return read_json(self.path).document

    def discard(self) -> None:
        for path in (self.path, self.note):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def find_recoveries() -> list[Recovery]:
    """Copies whose writing process is gone (a crash, a power cut), newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for note in folder.glob("*.note"):
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            recovery = Recovery(
                note.with_suffix(".json"),
                str(data.get("origin", "")),
                str(data.get("title", "")),
                float(data.get("saved_at", 0)),
                int(data.get("pid", 0)),
            )
        except (OSError, ValueError, TypeError):
            continue
        if recovery.path.exists() and not _alive(recovery.pid):
            found.append(recovery)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    """Writes a recovery copy of one window's document after it has been idle a while."""

    def __init__(
        self, document_getter: object, parent: QObject | None = None, idle_ms: int = IDLE_MS
    ) -> None:
        super().__init__(parent)
        self._get = document_getter  # () -> (Document, origin, title, modified)
        self.path = recovery_dir() / f"{uuid.uuid4().hex}.json"
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.write_now)
        self.last_error = ""

    def touch(self) -> None:
        """Something changed: (re)start the idle countdown."""
        self.timer.start()

    def write_now(self) -> bool:
        document, origin, title, modified = self._get()  # type: ignore[operator]
        if not modified:
            self.discard()
            return False
        from rolematrix.io.json_format import write_json  # not needed to show the window

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json(document, self.path)
            note = {"origin": origin, "title": title, "saved_at": time.time(), "pid": os.getpid()}
            self.path.with_suffix(".note").write_text(json.dumps(note), encoding="utf-8")
        except (OSError, ExportError) as exc:
            self.last_error = str(exc)
            return False
        return True

    def discard(self) -> None:
        """The work is saved or thrown away on purpose: no recovery copy is needed."""
        self.timer.stop()
        for path in (self.path, self.path.with_suffix(".note")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


__all__ = ["Autosaver", "InputError", "Recovery", "find_recoveries", "recovery_dir"]
