"""The grid's item model: a thin Qt adapter over one :class:`Matrix`.

Rows are the matrix's tasks in reading order; when the matrix has named phases
(or more than one), each phase gets a header row above its tasks, so the
grouping is visible and can be collapsed by the view. Columns are the roles.

The model holds no data of its own. It listens to the matrix's before/after
events and turns them into the matching ``beginInsertRows``/``endMoveColumns``/
``dataChanged`` calls, so a one-cell edit repaints one cell, even in a
million-cell matrix. Edits never go through the model directly: ``setData``
hands the cell editor's text to the matrix's editor (``editor``, set by the
view), whose edits land on the undo stack; refusals come back as ``editRefused``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from rolematrix.core.codes import cell_field
from rolematrix.core.editor import Editor
from rolematrix.core.model import Matrix, MatrixEvent, Phase, Role, Task
from rolematrix.gui import i18n
from rolematrix.gui.undo import refusal_text
from rolematrix.gui.vocabulary import code_meaning, code_name, codes_in_words

Index = QModelIndex | QPersistentModelIndex

#: Extra item-data roles the views read.
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "task" or "phase"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # task id / phase id (rows) or role id (columns)
CODES_ROLE = Qt.ItemDataRole.UserRole + 3  # the canonical codes string of a cell
#: "Changed by ann at 11:40" on a cell someone else changed since the last refresh, else None
CHANGED_BY_OTHERS_ROLE = Qt.ItemDataRole.UserRole + 4

_BLACK = QBrush(QColor("#000000"))
# unread text: dark red on pale red (contrast 8.6:1), the colours spreadsheets use for "bad"
_UNREAD_TEXT = QBrush(QColor("#9C0006"))
_UNREAD_FILL = QBrush(QColor("#FFC7CE"))
_ASK_CODES = object()  # "this role is answered from the cell's codes, as for any cell"


def readable_text_colour(fill: QColor) -> QColor:
    """Black on light fills, white on dark ones (WCAG relative luminance)."""

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(fill.red())
        + 0.7152 * channel(fill.green())
        + 0.0722 * channel(fill.blue())
    )
    return QColor("#000000") if lum > 0.179 else QColor("#FFFFFF")


class MatrixGridModel(QAbstractTableModel):
    """Tasks (and phase header rows) by roles, live over a matrix."""

    #: What the editor refused of the text typed into a cell's editor (a status-bar sentence).
    editRefused = Signal(str)

    def __init__(self, matrix: Matrix, parent: Any = None) -> None:
        super().__init__(parent)
        self._matrix = matrix
        self._rows: list[Task | Phase] = []
        self._row_of_task: dict[int, int] = {}
        self._row_of_phase: dict[int, int] = {}
        self._show_phases = False
        self._pending_move = False
        self._move_phases: tuple[int | None, ...] = ()
        self._brushes: dict[str, QBrush] = {}
        self._text_brushes: dict[str, QBrush] = {}
        self._tooltips: dict[str, str] = {}
        self._changed_by_others: dict[tuple[int, int], str] = {}
        #: Phase ids the view shows folded (for the ▸/▾ marker in the row header).
        self.collapsed: set[int] = set()
        #: The matrix's editor, through which the cell editor's text goes (set by the view).
        self.editor: Editor | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._rebuild()
        self._refresh_scheme()
        self._unsubscribe = matrix.subscribe(self._on_event)

    # ------------------------------------------------------------ structure
    @property
    def matrix(self) -> Matrix:
        return self._matrix

    def close(self) -> None:
        """Stop listening to the matrix (the window closes or switches matrix)."""
        self._unsubscribe()

    @property
    def shows_phases(self) -> bool:
        return self._show_phases

    def _phases_visible(self) -> bool:
        phases = self._matrix.phases
        return len(phases) > 1 or any(p.name for p in phases)

    def _rebuild(self) -> None:
        self._show_phases = self._phases_visible()
        rows: list[Task | Phase] = []
        if self._show_phases:
            for phase in self._matrix.phases:
                rows.append(phase)
                rows.extend(phase.tasks)
        else:
            rows.extend(self._matrix.tasks)
        self._rows = rows
        self._row_of_task = {}
        self._row_of_phase = {}
        for i, item in enumerate(rows):
            if isinstance(item, Task):
                self._row_of_task[item.id] = i
            else:
                self._row_of_phase[item.id] = i

    def _refresh_scheme(self) -> None:
        scheme = self._matrix.scheme
        self._brushes = {}
        self._text_brushes = {}
        self._tooltips = {}
        for code in scheme.codes:
            fill = QColor(code.colour)
            self._brushes[code.letter] = QBrush(fill)
            self._text_brushes[code.letter] = QBrush(readable_text_colour(fill))

    def task_at(self, row: int) -> Task | None:
        if 0 <= row < len(self._rows):
            item = self._rows[row]
            return item if isinstance(item, Task) else None
        return None

    def phase_at(self, row: int) -> Phase | None:
        if 0 <= row < len(self._rows):
            item = self._rows[row]
            return item if isinstance(item, Phase) else None
        return None

    def phase_rows(self) -> list[int]:
        return list(self._row_of_phase.values())

    def role_at(self, column: int) -> Role | None:
        roles = self._matrix.roles
        return roles[column] if 0 <= column < len(roles) else None

    def row_of_task(self, task_id: int) -> int:
        return self._row_of_task[task_id]

    def row_of_phase(self, phase_id: int) -> int:
        return self._row_of_phase[phase_id]

    def tasks_of_phase_rows(self, phase_id: int) -> list[int]:
        phase = self._matrix.phase(phase_id)
        return [self._row_of_task[t.id] for t in phase.tasks]

    def cell_index(self, task_id: int, role_id: int) -> QModelIndex:
        return self.index(self._row_of_task[task_id], self._matrix.role_column(role_id))

    def _phase_offset(self, phase_id: int | None) -> int:
        """How many phase header rows stand above the tasks of ``phase_id``."""
        if not self._show_phases or phase_id is None:
            return 0
        for i, phase in enumerate(self._matrix.phases):
            if phase.id == phase_id:
                return i + 1
        return 0

    # --------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matrix.roles)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.task_at(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if isinstance(item, Phase):
            return self._phase_data(item, index.column(), role)
        roles = self._matrix.roles
        column = index.column()
        if column >= len(roles):
            return None
        codes = self._matrix.get(item.id, roles[column].id)
        if self._matrix.has_cell_texts:
            unread = self._matrix.cell_text(item.id, roles[column].id)
            if unread:
                answer = self._unread_data(item, roles[column], codes, unread, role)
                if answer is not _ASK_CODES:
                    return answer
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            return self._matrix.scheme.display(codes)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(self.lead_code(codes)) if codes else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._text_brushes.get(self.lead_code(codes), _BLACK) if codes else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(item, roles[column], codes)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._cell_tooltip(item, roles[column], codes)
        if role == CODES_ROLE:
            return codes
        if role == KIND_ROLE:
            return "task"
        if role == CHANGED_BY_OTHERS_ROLE:
            return self._changed_by_others.get((item.id, roles[column].id))
        return None

    def _unread_data(self, task: Task, role: Role, codes: str, unread: str, data_role: int) -> Any:
        """A cell holding text an import could not read ("maybe"): shown as written, in
        red italics, until a code typed over it (or Delete) settles it."""
        if data_role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            # the cell editor opens on the text as written: closing it unchanged keeps it
            return cell_field(codes, unread, self._matrix.scheme)
        if data_role == Qt.ItemDataRole.ForegroundRole and not codes:
            return _UNREAD_TEXT  # beside codes, the code's own colours stay (and readable)
        if data_role == Qt.ItemDataRole.BackgroundRole and not codes:
            return _UNREAD_FILL
        if data_role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if data_role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.tr(
                "{role} on “{task}” holds “{text}”, which is no code. "
                "Type a code to replace it, or press Delete to clear it."
            ).format(role=role.name, task=task.name, text=unread)
        return _ASK_CODES

    def mark_changed_by_others(self, notes: dict[tuple[int, int], str]) -> None:
        """Mark the cells a refresh brought in from others, each with who and when.

        The grid draws a corner flag on them and their tooltip ends with the
        note. The marks of the previous refresh go; a cell the user edits loses
        its mark.
        """
        old = list(self._changed_by_others)
        self._changed_by_others = dict(notes)
        for task_id, role_id in {*old, *notes}:
            self._cell_changed(task_id, role_id)

    def _cell_changed(self, task_id: int, role_id: int) -> None:
        row = self._row_of_task.get(task_id)
        if row is None or not self._matrix.has_role(role_id):
            return
        index = self.index(row, self._matrix.role_column(role_id))
        self.dataChanged.emit(index, index, [CHANGED_BY_OTHERS_ROLE, Qt.ItemDataRole.ToolTipRole])

    def lead_code(self, codes: str) -> str:
        """The code a cell is coloured by: the one read first ("A/R" is coloured as A)."""
        accountable = self._matrix.scheme.accountable
        return accountable if accountable and accountable in codes else codes[0]

    def _phase_data(self, phase: Phase, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            count = len(phase.tasks)
            if count == 1:
                text = self.tr("Phase “{name}”, 1 task: click its name to fold or unfold it")
            else:
                text = self.tr("Phase “{name}”, {count} tasks: click its name to fold or unfold it")
            return text.format(name=self._phase_name(phase), count=i18n.number(count))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("folded") if phase.id in self.collapsed else self.tr("unfolded")
            return self.tr("Phase {name}, {state}").format(
                name=self._phase_name(phase), state=state
            )
        if role == KIND_ROLE:
            return "phase"
        if role == ID_ROLE:
            return phase.id
        return None

    def _phase_name(self, phase: Phase) -> str:
        return phase.name or self.tr("(no phase)")

    def accessible_text(self, task: Task, role: Role, codes: str) -> str:
        """What a screen reader says on a cell: "Define scope × Project Manager: Accountable"."""
        return self.tr("{task} × {role}: {codes}").format(
            task=task.name, role=role.name, codes=codes_in_words(self._matrix.scheme, codes)
        )

    def _cell_tooltip(self, task: Task, role: Role, codes: str) -> str:
        scheme = self._matrix.scheme
        if not codes:
            return self.tr("{role} is not involved in “{task}”.").format(
                role=role.name, task=task.name
            )
        parts = []
        for letter in scheme.display(codes).split("/"):
            if scheme.has(letter):
                code = scheme.code(letter)
                parts.append(f"{code.letter} — {code_name(code)}: {code_meaning(code)}")
            else:
                parts.append(
                    self.tr("{letter} — not a code of {scheme}").format(
                        letter=letter, scheme=scheme.id
                    )
                )
        heading = self.tr("{role} on “{task}”:").format(role=role.name, task=task.name)
        note = self._changed_by_others.get((task.id, role.id))
        return heading + "\n" + "\n".join(parts) + (f"\n{note}" if note else "")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        task = self.task_at(index.row())
        column_role = self.role_at(index.column())
        if task is None or column_role is None or self.editor is None:
            return False
        if str(value) == self.data(index, Qt.ItemDataRole.EditRole):
            return True  # the editor closed as it opened: nothing to change, nothing to undo
        result = self.editor.set_text([(task.id, column_role.id)], str(value))
        codes = ", ".join(self._matrix.scheme.letters)
        for refusal in result.refusals:
            self.editRefused.emit(refusal_text(refusal, codes))
        return not result.refusals

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            r = self.role_at(section)
            if r is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return r.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{r.name}\n{r.description}" if r.description else r.name
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return r.name
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return r.description or None
            if role == ID_ROLE:
                return r.id
            if role == Qt.ItemDataRole.DecorationRole and r.colour:
                return QColor(r.colour)
            return None
        if not 0 <= section < len(self._rows):
            return None
        item = self._rows[section]
        if isinstance(item, Phase):
            if role == Qt.ItemDataRole.DisplayRole:
                marker = "▸" if item.id in self.collapsed else "▾"
                if self._matrix.is_rtl or i18n.is_right_to_left():
                    # folded points along the reading direction; the mark (RLM) keeps the
                    # marker at the leading edge of a right-to-left name in any interface
                    marker = "\u200f" + ("◂" if marker == "▸" else marker)
                return f"{marker} {self._phase_name(item)}"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                state = self.tr("folded") if item.id in self.collapsed else self.tr("unfolded")
                return self.tr("Phase {name}, {state}").format(
                    name=self._phase_name(item), state=state
                )
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == KIND_ROLE:
                return "phase"
            if role == ID_ROLE:
                return item.id
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # the task's own id from the user's sheet leads, as in their sheet ("1.2  Plan")
            return f"{item.reference}  {item.name}" if item.reference else item.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (item.reference, item.name, item.description) if x)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return item.description or None
        if role == KIND_ROLE:
            return "task"
        if role == ID_ROLE:
            return item.id
        return None

    # --------------------------------------------------------- matrix events
    def _on_event(self, event: MatrixEvent) -> None:
        kind = event.kind
        before = event.stage == "before"
        if kind == "cells":
            self._cells_changed(event)
        elif kind.startswith("phase-") or kind == "matrix-update":
            if before:
                self.beginResetModel()
            else:
                self._rebuild()
                self._refresh_scheme()
                self.endResetModel()
        elif kind == "task-insert":
            if before:
                row = (event.row or 0) + self._phase_offset(event.phase_id)
                self.beginInsertRows(QModelIndex(), row, row)
            else:
                self._rebuild()
                self.endInsertRows()
                self._phase_header_changed(event.phase_id)
        elif kind == "task-remove":
            if before:
                row = self._row_of_task[event.task_id or 0]
                self.beginRemoveRows(QModelIndex(), row, row)
            else:
                self._rebuild()
                self.endRemoveRows()
                self._phase_header_changed(event.phase_id)
        elif kind == "task-move":
            self._task_moved(event, before)
        elif kind == "task-update" and not before:
            row = self._row_of_task.get(event.task_id or 0, -1)
            if row >= 0:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
                if self.columnCount():
                    self.dataChanged.emit(
                        self.index(row, 0), self.index(row, self.columnCount() - 1)
                    )
        elif kind == "role-insert":
            if before:
                self.beginInsertColumns(QModelIndex(), event.column or 0, event.column or 0)
            else:
                self.endInsertColumns()
        elif kind == "role-remove":
            if before:
                self.beginRemoveColumns(QModelIndex(), event.column or 0, event.column or 0)
            else:
                self.endRemoveColumns()
        elif kind == "role-move":
            src = event.column or 0
            final = event.to_column or 0
            if before:
                dest = final if final < src else final + 1
                self._pending_move = src != final and self.beginMoveColumns(
                    QModelIndex(), src, src, QModelIndex(), dest
                )
            elif self._pending_move:
                self._pending_move = False
                self.endMoveColumns()
        elif kind == "role-update" and not before:
            column = event.column or 0
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0, column), self.index(self.rowCount() - 1, column)
                )

    def _task_moved(self, event: MatrixEvent, before: bool) -> None:
        if before:
            src = self._row_of_task[event.task_id or 0]
            target = event.phase_id
            source_phase = self._matrix.phase_of(event.task_id or 0).id
            final = (event.to_row or 0) + self._phase_offset(target)
            dest = final if final < src else final + 1
            self._pending_move = final != src and self.beginMoveRows(
                QModelIndex(), src, src, QModelIndex(), dest
            )
            self._move_phases = (source_phase, target)
            if not self._pending_move:
                # not expressible as a move (same place): fall back to a layout change
                self.layoutAboutToBeChanged.emit()
        else:
            self._rebuild()
            if self._pending_move:
                self._pending_move = False
                self.endMoveRows()
            else:
                self.layoutChanged.emit()
            for phase_id in self._move_phases:
                self._phase_header_changed(phase_id)

    def _phase_header_changed(self, phase_id: int | None) -> None:
        if phase_id is None or phase_id not in self._row_of_phase:
            return
        row = self._row_of_phase[phase_id]
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def _cells_changed(self, event: MatrixEvent) -> None:
        """One ``dataChanged`` for the rectangle around the changed cells, however many."""
        if self._changed_by_others and event.stage == "after":
            if event.is_block:
                tasks, roles = set(event.tasks), set(event.roles)
                for key in [k for k in self._changed_by_others if k[0] in tasks and k[1] in roles]:
                    del self._changed_by_others[key]  # edited since: mine now
            else:
                for key in event.keys:
                    self._changed_by_others.pop(key, None)
        rows = self._row_of_task
        role_column = self._matrix.role_column
        if event.is_block:
            task_rows = [row for t in event.tasks if (row := rows.get(t)) is not None]
            columns = [role_column(r) for r in event.roles if self._matrix.has_role(r)]
            if task_rows and columns:
                self.dataChanged.emit(
                    self.index(min(task_rows), min(columns)),
                    self.index(max(task_rows), max(columns)),
                )
            return
        top = left = 1 << 30
        bottom = right = -1
        for task_id, role_id in event.keys:
            row = rows.get(task_id)
            if row is None or not self._matrix.has_role(role_id):
                continue
            column = role_column(role_id)
            top = min(top, row)
            bottom = max(bottom, row)
            left = min(left, column)
            right = max(right, column)
        if bottom >= 0:
            self.dataChanged.emit(self.index(top, left), self.index(bottom, right))
