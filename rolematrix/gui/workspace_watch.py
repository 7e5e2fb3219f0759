"""Noticing, while a shared workspace is open, that others have saved.

PostgreSQL could push a notification, but a LISTEN connection has to be held
open, watched from Qt's event loop and rebuilt after every network drop; the
store's :meth:`changes_since` is one indexed query (a few milliseconds on
loopback), so polling every few seconds is simpler and as timely for people
editing a matrix by hand. While the server cannot be reached the polls back off
and the window says so once, instead of once per poll.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from rolematrix.gui.session import DocumentSession

#: How often to ask the workspace whether others saved (milliseconds).
POLL_MS = 4000
#: Longest wait between polls while the server is unreachable.
MAX_BACKOFF_MS = 60000


class WorkspaceWatcher(QObject):
    """Polls the session's workspace; says when others saved and when the server is lost."""

    #: Others saved: the list of :class:`RemoteChange` (one per matrix).
    remoteChangesFound = Signal(list)
    #: The server stopped answering: the store's message (names the address).
    connectionLost = Signal(str)
    #: It answers again after a loss.
    connectionRestored = Signal()

    def __init__(
        self, session: DocumentSession, parent: QObject | None = None, interval_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.interval_ms = interval_ms
        self.lost = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)
        self._paused = 0

    def start(self) -> None:
        if self.session.shared:
            self._timer.start(self.interval_ms)

    def stop(self) -> None:
        self._timer.stop()

    def pause(self) -> None:
        """Hold polls while a dialog about the workspace is open (nested calls count)."""
        self._paused += 1

    def resume(self) -> None:
        self._paused = max(0, self._paused - 1)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        """Ask once now; schedules the next poll itself."""
        from rolematrix.store import StoreError

        if not self.session.shared:
            return
        if self._paused:
            self._timer.start(self.interval_ms)
            return
        try:
            changes = self.session.changes_since()
        except StoreError as exc:
            if not self.lost:
                self.lost = True
                self.connectionLost.emit(str(exc))
            wait = min(self._timer.interval() * 2, MAX_BACKOFF_MS)
            self._timer.start(max(wait, self.interval_ms))
            return
        if self.lost:
            self.lost = False
            self.connectionRestored.emit()
        if changes:
            self.remoteChangesFound.emit(changes)
        if self.session.shared:
            self._timer.start(self.interval_ms)
