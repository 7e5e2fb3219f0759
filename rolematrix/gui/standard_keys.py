"""Keys added to the platform's standard ones where users expect them anyway."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

#: Redo as on Windows and in every office suite; GNOME's and macOS's standard Redo is only
#: Ctrl+Shift+Z, and people who learnt Ctrl+Y press it there too.
CTRL_Y = QKeySequence("Ctrl+Y")


def add_ctrl_y_to_redo(redo: QAction) -> None:
    """Give the Redo action Ctrl+Y as well, unless the platform's standard key has it already."""
    keys = redo.shortcuts()
    if CTRL_Y not in keys:
        redo.setShortcuts([*keys, CTRL_Y])
