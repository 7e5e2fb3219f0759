"""Asking for a shared workspace's address, and keeping passwords out of the settings.

Recent files, window titles and recovery files all remember where a document
came from. For a workspace that is the database URL, which may carry a
password; written to the settings it would sit there in plain text. So only
the address without the password is ever remembered: the password comes from
libpq's own ``~/.pgpass`` or ``PGPASSWORD`` (or is typed again), the way
``psql`` users already keep it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class WorkspaceAddressDialog(QDialog):
    """One line for the address, and a word on where the password belongs."""

    def __init__(
        self, parent: QWidget | None = None, address: str = "", *, saving: bool = False
    ) -> None:
        """``saving``: the address to copy a document to (File ▸ Save to shared workspace)."""
        super().__init__(parent)
        self.setObjectName("workspace-dialog")
        if saving:
            self.setWindowTitle(self.tr("Save to shared workspace"))
        else:
            self.setWindowTitle(self.tr("Open shared workspace"))
        label = QLabel(self.tr("&Database address:"), self)
        self.address = QLineEdit(address, self)
        self.address.setObjectName("workspace-address")
        self.address.setPlaceholderText("postgresql+psycopg://ann@db.example.org/matrices")
        self.address.setAccessibleName(self.tr("Database address"))
        label.setBuddy(self.address)
        note = QLabel(
            self.tr(
                "Leave the password out of the address: RoleMatrix takes it from your "
                "~/.pgpass file or the PGPASSWORD variable, and never stores it. The history "
                "records you as ROLEMATRIX_USER if set, else as the database user."
            ),
            self,
        )
        note.setWordWrap(True)
        ok = (
            QDialogButtonBox.StandardButton.Save if saving else QDialogButtonBox.StandardButton.Open
        )
        buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.address)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def url(self) -> str:
        return self.address.text().strip()
