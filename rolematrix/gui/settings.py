"""Where the editor keeps its settings (recent files, window state, language)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "RoleMatrix"
APPLICATION = "RoleMatrix"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)
