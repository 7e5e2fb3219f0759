"""Where the editor keeps its settings (recent files, window state, language)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "RoleMatrix"
APPLICATION = "RoleMatrix"


def settings() -> QSettings:
    """The user's settings, in the default format.

    ``QSettings(organisation, application)`` would always use the native
    format and ignore :meth:`QSettings.setDefaultFormat`, so a test (or a
    portable build) that points the default format at another folder would
    still read and write the user's real settings.
    """
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )
