"""A table model for a list of records shown one per row under fixed column titles.

The dialogs that list things the store reports (conflicts, history entries)
need the same rows-and-titles plumbing; each says only what its columns are
and what a cell shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """``records`` one per row; subclasses give :meth:`titles` and ``data``."""

    def __init__(self, records: list[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records = list(records)

    def titles(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.titles()[section]
