"""The grid: a keyboard-first table view over :class:`MatrixGridModel`.

Everything a user does here is a call to the matrix's
:class:`~rolematrix.core.editor.Editor` (``editors``, set by the window), whose
edits land on the window's undo stack; the view never changes the matrix itself
and never builds an undo command. Section sizes are fixed (never
``resizeRowsToContents`` -- that takes seconds on a large matrix), so the view
lays out a million cells as fast as a hundred.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPolygon,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from rolematrix.core.editor import Block, Cells, Editor, EditResult
from rolematrix.core.model import Matrix, Phase, Role, Task
from rolematrix.gui import i18n
from rolematrix.gui.grid_model import CHANGED_BY_OTHERS_ROLE, KIND_ROLE, MatrixGridModel
from rolematrix.gui.header_editor import HeaderEditor, HeaderExit
from rolematrix.gui.undo import refusal_text

#: From this many roles on, role headers are drawn vertically so columns stay narrow.
ROTATE_FROM_ROLES = 9
#: A selected block of at least this many cells is set as a block (SetBlock), not cell by cell.
BLOCK_CELLS = 1_000
MAX_TASK_HEADER_WIDTH = 360


#: The letter each key of the standard Persian keyboard (ISIRI 9147, the default "ir"
#: layout) types, by the Latin letter printed on the same key: with the Persian layout on,
#: the key marked R types ق, and a code letter is meant. (Not in the code parser: in a
#: sheet, ق is text, not a code.) The Arabic yeh stands where the Persian one does.
PERSIAN_KEYS = dict(
    zip(
        "ضصثقفغعهخحشسیبلاتنمظطزرذدپي",
        "qwertyuiopasdfghjklzxcvbnmd".upper(),
        strict=True,
    )
)


#: Keys that move the cursor; with Ctrl they still move the selection along (see
#: :meth:`GridView.selectionCommand`).
_MOVE_KEYS = frozenset(
    {
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    }
)


class RoleHeader(QHeaderView):
    """Horizontal header that writes role labels vertically when there are many roles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.rotated = False
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def set_rotated(self, rotated: bool) -> None:
        if rotated != self.rotated:
            self.rotated = rotated
            self.updateGeometry()
            self.viewport().update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if not self.rotated or self.model() is None:
            return hint
        metrics = QFontMetrics(self.font())
        count = self.count()
        widest = max(
            (
                metrics.horizontalAdvance(str(self.model().headerData(i, self.orientation()) or ""))
                for i in range(min(count, 400))
            ),
            default=0,
        )
        return QSize(hint.width(), min(180, widest + 16))

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not self.rotated:
            super().paintSection(painter, rect, logical)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        option.text = ""
        view = self.parent()
        current = view.currentIndex().column() if isinstance(view, QTableView) else -1
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        text = str(self.model().headerData(logical, self.orientation()) or "")
        font = QFont(self.font())
        font.setBold(logical == current)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.height() - 10)
        painter.translate(rect.center().x() + metrics.ascent() / 2 - 1, rect.bottom() - 6)
        painter.rotate(-90)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(0, 0, text)
        painter.restore()


class CellDelegate(QStyledItemDelegate):
    """Paints cells as usual, a selected coded cell in its code's colour with a frame, and a
    corner flag on cells someone else just changed.

    The fill already says which code a cell holds, so "changed by others" is a
    dark triangle in the cell's leading top corner (it reads on every code
    colour and, unlike a colour alone, without colour vision); the tooltip
    says who and when.
    """

    FLAG = QColor("#1a1a1a")

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected and index.data(KIND_ROLE) == "task":
            # a task's cell: keep the code's colour (the selection fill would make an A look
            # like an R, and an empty cell like an R without its letter) and show the
            # selection as a thick frame in the highlight colour, over a light tint if empty
            plain = QStyleOptionViewItem(option)
            plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
            highlight = option.palette.highlight().color()
            empty = index.data(Qt.ItemDataRole.BackgroundRole) is None
            if empty:  # the view has already filled the cell with the highlight: undo that
                painter.fillRect(option.rect, option.palette.base())
            super().paint(painter, plain, index)
            painter.save()
            if empty:
                tint = QColor(highlight)
                tint.setAlpha(50)
                painter.fillRect(option.rect, tint)
            painter.setPen(QPen(highlight, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()
        else:
            super().paint(painter, option, index)
        if not index.data(CHANGED_BY_OTHERS_ROLE):
            return
        rect = option.rect
        size = max(6, min(rect.height(), rect.width()) // 3)
        if option.direction == Qt.LayoutDirection.RightToLeft:
            x, step = rect.right(), -size
        else:
            x, step = rect.left(), size
        y = rect.top()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.FLAG)
        painter.drawPolygon(QPolygon([QPoint(x, y), QPoint(x + step, y), QPoint(x, y + size)]))
        painter.restore()


class GridView(QTableView):
    """Keyboard editing, fill, copy/paste, drag to reorder, collapse of phases, zoom, filter."""

    message = Signal(str)  # a short status-bar note ("Q is not a code of RACI")
    #: A name typed over a header (task id / role id / phase id, the new name); the window
    #: turns it into the rename command, which may still refuse it.
    taskRenamed = Signal(int, str)
    roleRenamed = Signal(int, str)
    phaseRenamed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The editor of a matrix (the window's session gives it); every change goes there.
        self.editors: Callable[[Matrix], Editor] | None = None
        self._base_point_size = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10.0
        self.zoom_steps = 0
        self._filter = ""
        self.collapsed: set[int] = set()
        self.setHorizontalHeader(RoleHeader(self))
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.setCornerButtonEnabled(True)
        self.setTabKeyNavigation(True)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setSectionsMovable(True)
        vertical.setHighlightSections(True)
        vertical.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._align_task_names()
        horizontal = self.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setSectionsMovable(True)
        vertical.sectionMoved.connect(self._row_dragged)
        horizontal.sectionMoved.connect(self._column_dragged)
        vertical.sectionClicked.connect(self._row_header_clicked)
        vertical.sectionDoubleClicked.connect(self._row_header_double_clicked)
        horizontal.sectionDoubleClicked.connect(self._column_header_double_clicked)
        self.header_editor = HeaderEditor(self)
        self.header_editor.committed.connect(self._header_name_committed)
        self.header_editor.cancelled.connect(self._header_name_cancelled)
        for header in (vertical, horizontal):
            # a click on a header gives it the keyboard: typing there is typing a name
            header.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            header.installEventFilter(self)
        self._apply_zoom()

    # ------------------------------------------------------------- set-up
    def _align_task_names(self) -> None:
        """Task names start at the grid's leading edge: the right when it reads right to left.

        Absolute alignment, because a header paints its text with the application's
        direction, which differs from the grid's for Persian content in an English window.
        """
        edge = (
            Qt.AlignmentFlag.AlignRight
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        self.verticalHeader().setDefaultAlignment(
            edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._align_task_names()

    def grid_model(self) -> MatrixGridModel:
        model = self.model()
        assert isinstance(model, MatrixGridModel)
        return model

    @property
    def matrix(self) -> Matrix:
        return self.grid_model().matrix

    def setModel(self, model: MatrixGridModel | None) -> None:  # type: ignore[override]
        old = self.model()
        if isinstance(old, MatrixGridModel):
            for signal in self._structure_signals(old):
                signal.disconnect(self._structure_changed)
            old.headerDataChanged.disconnect(self._fit_role_columns)
            old.editRefused.disconnect(self.message)
        self.header_editor.close_quietly()
        super().setModel(model)
        self.collapsed = set()
        if model is None:
            return
        model.collapsed = self.collapsed
        if self.editors is not None:
            model.editor = self.editors(model.matrix)
        for signal in self._structure_signals(model):
            signal.connect(self._structure_changed)
        model.headerDataChanged.connect(self._fit_role_columns)
        model.editRefused.connect(self.message)
        # Persian content reads from the right in any interface; other content follows
        # the interface (so the whole window mirrors in Persian)
        if model.matrix.is_rtl:
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        else:
            self.unsetLayoutDirection()
        self._structure_changed()

    @staticmethod
    def _structure_signals(model: MatrixGridModel) -> list:
        return [
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
            model.columnsMoved,
            model.layoutChanged,
        ]

    def _structure_changed(self, *args: object) -> None:
        # rows or columns moved under an open name editor: its section means something else now
        self.header_editor.close_quietly()
        model = self.grid_model()
        self.clearSpans()
        columns = model.columnCount()
        if columns > 1:
            for row in model.phase_rows():
                self.setSpan(row, 0, 1, columns)
        header = self.horizontalHeader()
        if isinstance(header, RoleHeader):
            header.set_rotated(columns >= ROTATE_FROM_ROLES)
        self._fit_role_columns()
        self._fit_task_header()
        self._apply_row_visibility()

    def editor(self) -> Editor:
        if self.editors is None:
            raise RuntimeError("the grid edits through its window's session: set GridView.editors")
        return self.editors(self.matrix)

    def _report(self, result: EditResult) -> EditResult:
        """Say in the status bar what the editor refused."""
        codes = ", ".join(self.matrix.scheme.letters)
        for refusal in result.refusals:
            self.message.emit(refusal_text(refusal, codes))
        return result

    # --------------------------------------------------------------- zoom
    def zoom(self, steps: int) -> None:
        """Zoom in (+1) or out (-1); 0 resets."""
        self.zoom_steps = 0 if steps == 0 else max(-4, min(12, self.zoom_steps + steps))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self._base_point_size * (1 + 0.12 * self.zoom_steps)))
        self.setFont(font)
        self.horizontalHeader().setFont(font)
        self.verticalHeader().setFont(font)
        metrics = QFontMetrics(font)
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.verticalHeader().setMinimumSectionSize(metrics.height() + 2)
        self.horizontalHeader().setDefaultSectionSize(
            max(metrics.horizontalAdvance("A/R/C") + 14, metrics.height() + 12)
        )
        self.horizontalHeader().setMinimumSectionSize(metrics.height() + 6)
        if self.model() is not None:
            self._fit_task_header()
            self._fit_role_columns()
            self.horizontalHeader().updateGeometry()

    def _fit_role_columns(self, *args: object) -> None:
        """With few roles, labels are written across: make each column wide enough for its label."""
        model = self.model()
        header = self.horizontalHeader()
        if model is None or (isinstance(header, RoleHeader) and header.rotated):
            return
        metrics = QFontMetrics(header.font())
        bold = QFont(header.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)  # the current role's label is drawn bold
        for column in range(model.columnCount()):
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(text), bold_metrics.horizontalAdvance(text)) + 18
            header.resizeSection(column, max(header.defaultSectionSize(), width))

    def _fit_task_header(self) -> None:
        """Width for task names from a sample of rows (the header would measure every row)."""
        model = self.model()
        if model is None:
            return
        metrics = QFontMetrics(self.verticalHeader().font())
        widest = 0
        for row in range(min(model.rowCount(), 300)):
            text = str(model.headerData(row, Qt.Orientation.Vertical) or "")
            widest = max(widest, metrics.horizontalAdvance(text))
        self.verticalHeader().setFixedWidth(min(MAX_TASK_HEADER_WIDTH, max(80, widest + 24)))

    # -------------------------------------------------- visibility (filter)
    def set_filter(self, text: str) -> None:
        """Show only tasks whose name or description contains ``text`` (case-insensitive)."""
        self._filter = text.casefold().strip()
        self._apply_row_visibility(force=True)

    def visible_tasks(self) -> list[Task]:
        """The tasks the filter and folded phases leave in sight, top to bottom."""
        model = self.grid_model()
        return [
            task
            for row in range(model.rowCount())
            if (task := model.task_at(row)) is not None and not self.isRowHidden(row)
        ]

    def toggle_phase(self, phase_id: int) -> None:
        self.collapsed.symmetric_difference_update({phase_id})
        self._apply_row_visibility(force=True)

    def set_collapsed(self, phase_ids: set[int]) -> None:
        self.collapsed.clear()
        self.collapsed.update(phase_ids)
        self._apply_row_visibility(force=True)

    def _apply_row_visibility(self, force: bool = False) -> None:
        model = self.model()
        if not isinstance(model, MatrixGridModel):
            return
        if not force and not self._filter and not self.collapsed:
            return
        needle = self._filter
        visible_in_phase: dict[int, bool] = {}
        phase_id: int | None = None
        for row in range(model.rowCount()):
            phase = model.phase_at(row)
            if phase is not None:
                phase_id = phase.id
                continue
            task = model.task_at(row)
            assert task is not None
            matches = (
                not needle
                or needle in task.name.casefold()
                or needle in task.description.casefold()
            )
            if phase_id is not None and matches:
                visible_in_phase[phase_id] = True
            self.setRowHidden(row, not matches or phase_id in self.collapsed)
        for row in model.phase_rows():
            phase = model.phase_at(row)
            assert phase is not None
            self.setRowHidden(row, bool(needle) and not visible_in_phase.get(phase.id, False))
        if model.rowCount():
            model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, model.rowCount() - 1)

    # ----------------------------------------------------------- targets
    def selected_cells(self) -> list[tuple[int, int]]:
        """(task id, role id) of every selected visible cell, or the current cell."""
        model = self.grid_model()
        roles = model.matrix.roles
        cells: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        for top, bottom, left, right in self._selection_rects():
            for row in range(top, bottom + 1):
                task = model.task_at(row)
                if task is None or self.isRowHidden(row):
                    continue
                for column in range(left, right + 1):
                    key = (task.id, roles[column].id)
                    if key not in seen:
                        seen.add(key)
                        cells.append(key)
        if not cells:
            index = self.currentIndex()
            task = model.task_at(index.row()) if index.isValid() else None
            if task is not None and 0 <= index.column() < len(roles):
                cells.append((task.id, roles[index.column()].id))
        return cells

    def selected_block(self) -> tuple[list[int], list[int]] | None:
        """(task ids, role ids) when the selection is one block of at least BLOCK_CELLS cells.

        Select all is one block (phase header rows split it into ranges of the
        same columns); setting it goes through :class:`SetBlock`, without a
        million (task, role) pairs.
        """
        rects = list(self._selection_rects())
        if not rects or len({(left, right) for _, _, left, right in rects}) != 1:
            return None
        model = self.grid_model()
        left, right = rects[0][2], rects[0][3]
        task_rows = sorted({row for top, bottom, _, _ in rects for row in range(top, bottom + 1)})
        tasks = [
            task.id
            for row in task_rows
            if (task := model.task_at(row)) is not None and not self.isRowHidden(row)
        ]
        if len(tasks) * (right - left + 1) < BLOCK_CELLS:
            return None
        return tasks, [role.id for role in model.matrix.roles[left : right + 1]]

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        """Select the cells between two points, ignoring phase rows' spans.

        A phase row spans every column; QTableView widens any selection touching
        a span to the span's width, so Shift+Down from one cell across a phase
        would select (and a typed letter fill) every role. The columns come from
        the end points in task rows instead.
        """
        model = self.grid_model()
        phase_rows = set(model.phase_rows())
        if not phase_rows or model.rowCount() == 0 or model.columnCount() == 0:
            super().setSelection(rect, command)
            return
        ends = (rect.topLeft(), rect.bottomRight())
        rows = [self.rowAt(p.y()) for p in ends]
        columns = [
            self.columnAt(p.x()) for p, row in zip(ends, rows, strict=True) if row not in phase_rows
        ]
        columns = [c for c in columns if c >= 0] or [max(0, self.currentIndex().column())]
        rows = [r if r >= 0 else model.rowCount() - 1 for r in rows]
        selection = QItemSelection(
            model.index(min(rows), min(columns)), model.index(max(rows), max(columns))
        )
        self.selectionModel().select(selection, command)

    def _selection_rects(self) -> Iterator[tuple[int, int, int, int]]:
        selection = self.selectionModel()
        if selection is None:
            return
        for r in selection.selection():  # type: ignore[attr-defined]  # iterable, not in the stubs
            yield r.top(), r.bottom(), r.left(), r.right()

    def current_role(self) -> Role | None:
        return self.grid_model().role_at(self.currentIndex().column())

    def current_task(self) -> Task | None:
        index = self.currentIndex()
        return self.grid_model().task_at(index.row()) if index.isValid() else None

    def current_phase(self) -> Phase | None:
        """The phase of the current row (its header row or one of its tasks)."""
        model = self.grid_model()
        index = self.currentIndex()
        if not index.isValid():
            return None
        phase = model.phase_at(index.row())
        if phase is not None:
            return phase
        task = model.task_at(index.row())
        return model.matrix.phase_of(task.id) if task else None

    def set_current(self, index: QModelIndex) -> None:
        """Make ``index`` the current and only selected cell, whatever modifier keys are down."""
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def select_cell(self, task_id: int | None, role_id: int | None) -> None:
        """Select a cell, a whole row (no role) or a whole column (no task), and show it."""
        model = self.grid_model()
        matrix = model.matrix
        selection = self.selectionModel()
        if task_id is not None and matrix.has_task(task_id):
            row = model.row_of_task(task_id)
            if self.isRowHidden(row):
                phase = matrix.phase_of(task_id)
                self.collapsed.discard(phase.id)
                self._filter = ""
                self._apply_row_visibility(force=True)
            if role_id is not None and matrix.has_role(role_id):
                index = model.index(row, matrix.role_column(role_id))
                self.set_current(index)
            else:
                column = max(0, self.currentIndex().column())
                index = model.index(row, column)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.selectRow(row)
            self.scrollTo(index)
        elif role_id is not None and matrix.has_role(role_id):
            column = matrix.role_column(role_id)
            row = max(0, self.currentIndex().row())
            index = model.index(row, column)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.selectColumn(column)
            self.scrollTo(index)
        self.setFocus()

    def select_phase(self, phase_id: int) -> None:
        """Make a phase's header row current (Insert task then adds to that phase)."""
        model = self.grid_model()
        index = model.index(model.row_of_phase(phase_id), 0)
        self.set_current(index)
        self.scrollTo(index)
        self.setFocus()

    # --------------------------------------------------------- keyboard
    def keyboardSearch(self, search: str) -> None:
        """Typing is editing here, never jump-to-item."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState or self.model() is None:
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.copy_selection()
            self.clear_selection_cells(cut=True)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        key = event.key()
        mods = event.modifiers()
        if (
            key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and not mods & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.clear_selection_cells()
            return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not mods & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.move_current(1)
            return
        if key == Qt.Key.Key_F2 and not mods and self._edit_current_name():
            return
        if key == Qt.Key.Key_Space and not mods:
            self.cycle_selection()
            return
        text = event.text()
        command_mods = (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if (
            text
            and len(text) == 1
            and text.isprintable()
            and not text.isspace()
            and not mods & command_mods
        ):
            self.type_code(
                PERSIAN_KEYS.get(text, text),
                toggle=bool(mods & Qt.KeyboardModifier.ShiftModifier) and text.isalpha(),
            )
            return
        super().keyPressEvent(event)

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        """Ctrl+movement keys move the selection with the cursor (Shift extends it).

        Qt's extended selection treats Ctrl+arrow as "move the current index,
        leave the selection": the frame would stay behind while the cursor moved
        on, and the next letter would go where the user is not looking.
        """
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _MOVE_KEYS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return QItemSelectionModel.SelectionFlag.SelectCurrent
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        return super().selectionCommand(index, event)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Ctrl+Home/End go to the first/last task's first/last role, Ctrl+arrows to the edge.

        Only rows in sight count, and phase rows never (they hold no codes).
        """
        model = self.model()
        action = QAbstractItemView.CursorAction
        if isinstance(model, MatrixGridModel) and cursorAction in (
            action.MoveNext,
            action.MovePrevious,
        ):
            return self._tab_target(model, forward=cursorAction == action.MoveNext)
        if not modifiers & Qt.KeyboardModifier.ControlModifier or not isinstance(
            model, MatrixGridModel
        ):
            return super().moveCursor(cursorAction, modifiers)
        rows = [
            row
            for row in range(model.rowCount())
            if model.task_at(row) is not None and not self.isRowHidden(row)
        ]
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        current = self.currentIndex()
        if not rows or not columns:
            return super().moveCursor(cursorAction, modifiers)
        row = current.row() if current.isValid() else rows[0]
        column = current.column() if current.isValid() else columns[0]
        if cursorAction == action.MoveHome:
            row, column = rows[0], columns[0]
        elif cursorAction == action.MoveEnd:
            row, column = rows[-1], columns[-1]
        elif cursorAction == action.MoveUp:
            row = rows[0]
        elif cursorAction == action.MoveDown:
            row = rows[-1]
        elif cursorAction in (action.MoveLeft, action.MoveRight):
            backwards = (cursorAction == action.MoveLeft) != self.isRightToLeft()
            column = columns[0] if backwards else columns[-1]
        else:
            return super().moveCursor(cursorAction, modifiers)
        return model.index(row, column)

    def _tab_target(self, model: MatrixGridModel, *, forward: bool) -> QModelIndex:
        """Tab: the next role of the task, then the next task's first role (phase rows
        skipped); Shift+Tab the way back. At the last cell the cursor stays."""
        current = self.currentIndex()
        last = model.columnCount() - 1
        if not current.isValid() or last < 0:
            return current
        row, column = current.row(), current.column()
        on_task = model.task_at(row) is not None
        if on_task and forward and column < last:
            return model.index(row, column + 1)
        if on_task and not forward and column > 0:
            return model.index(row, column - 1)
        if forward:
            rows = self._visible_task_rows(row + 1, model.rowCount() - 1)
        else:
            rows = self._visible_task_rows(0, row - 1)[::-1]
        if not rows:
            return current
        return model.index(rows[0], 0 if forward else last)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_current(
                1
            )  # Enter in the cell editor: on to the next task, as in a spreadsheet

    def move_current(self, step: int) -> None:
        """Move to the next (or previous) visible task row, keeping the column; Enter at the
        last role goes on to the next task's first role, as after Tab through a row."""
        model = self.grid_model()
        index = self.currentIndex()
        column = max(0, index.column())
        if step > 0 and column == model.columnCount() - 1 and model.task_at(index.row()):
            column = 0
        row = index.row() if index.isValid() else -1
        while True:
            row += step
            if not 0 <= row < model.rowCount():
                return
            if model.task_at(row) is not None and not self.isRowHidden(row):
                break
        self.set_current(model.index(row, column))

    def targets(self) -> Cells:
        """What an edit of cells applies to: a large block as a :class:`Block`, else the cells."""
        block = self.selected_block()
        return Block(*block) if block is not None else self.selected_cells()

    def type_code(self, text: str, toggle: bool = False) -> None:
        """A key typed on the grid: its code on every selected cell, or toggled (Shift)."""
        cells = self.targets()
        if not cells:
            if self.grid_model().phase_at(self.currentIndex().row()) is not None:
                self.message.emit(self.tr("A phase row holds no codes: move to one of its tasks."))
            return
        self._report(self.editor().type_code(cells, text, toggle=toggle))

    def cycle_selection(self) -> None:
        """Space: the current cell's next code in scheme order (empty → R → A → C → I → empty)."""
        cells = self.targets()
        if not cells or (isinstance(cells, Block) and not (cells.tasks and cells.roles)):
            return
        task, role = self.current_task(), self.current_role()
        if task is not None and role is not None:
            current = (task.id, role.id)
        else:
            current = (cells.tasks[0], cells.roles[0]) if isinstance(cells, Block) else cells[0]
        self._report(self.editor().cycle(cells, current))

    def clear_selection_cells(self, *, cut: bool = False) -> None:
        self._report(self.editor().clear(self.targets(), cut=cut))

    # ---------------------------------------------------- copy and paste
    def _visible_task_rows(self, top: int, bottom: int) -> list[int]:
        model = self.grid_model()
        return [
            r
            for r in range(top, bottom + 1)
            if model.task_at(r) is not None and not self.isRowHidden(r)
        ]

    def selection_as_tsv(self) -> str:
        rects = list(self._selection_rects())
        if not rects:
            index = self.currentIndex()
            if not index.isValid():
                return ""
            rects = [(index.row(), index.row(), index.column(), index.column())]
        top = min(r[0] for r in rects)
        bottom = max(r[1] for r in rects)
        left = min(r[2] for r in rects)
        right = max(r[3] for r in rects)
        model = self.grid_model()
        matrix = model.matrix
        roles = matrix.roles[left : right + 1]
        lines = []
        for row in self._visible_task_rows(top, bottom):
            task = model.task_at(row)
            assert task is not None
            lines.append("\t".join(matrix.scheme.display(matrix.get(task.id, r.id)) for r in roles))
        return "\n".join(lines) + ("\n" if lines else "")

    def copy_selection(self) -> None:
        text = self.selection_as_tsv()
        if text:
            QGuiApplication.clipboard().setText(text)

    def paste(self, text: str | None = None) -> None:
        """Paste tab-separated codes (from Excel/LibreOffice) at the selection's top-left cell.

        A single value pasted over a selection fills it. A block reaching past the
        last task or role asks once whether to add what is missing (in the same undo
        step); a table with task and role names pastes by name. Values that are no
        codes leave their cells as they were, and the status bar says how many.
        """
        if text is None:
            text = QGuiApplication.clipboard().text()
        rects = list(self._selection_rects())
        index = self.currentIndex()
        top = min((r[0] for r in rects), default=index.row())
        left = min((r[2] for r in rects), default=index.column())
        if top < 0 or left < 0:
            return
        model = self.grid_model()
        tasks = [
            t.id
            for r in self._visible_task_rows(top, model.rowCount() - 1)
            if (t := model.task_at(r))
        ]
        roles = [role.id for role in self.matrix.roles[left:]]
        editor = self.editor()
        selection = self.targets()
        result = editor.paste(text, selection=selection, tasks=tasks, roles=roles)
        overflow = [r for r in result.refusals if r.key == "paste-overflow"]
        if overflow:
            answer = QMessageBox.question(
                self,
                self.tr("Paste"),
                self.tr(
                    "The pasted block reaches past the matrix. Add {tasks} tasks and {roles} roles "
                    "for it?"
                ).format(
                    tasks=i18n.number(overflow[0].count), roles=i18n.number(overflow[0].extra)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.message.emit(self.tr("Nothing was pasted."))
                return
            result = editor.paste(text, selection=selection, tasks=tasks, roles=roles, grow=True)
        self._report(result)

    # ------------------------------------------------- drag to reorder
    def _revert_move(self, header: QHeaderView, old_visual: int, new_visual: int) -> None:
        header.blockSignals(True)
        header.moveSection(new_visual, old_visual)
        header.blockSignals(False)

    def _column_dragged(self, logical: int, old_visual: int, new_visual: int) -> None:
        self._revert_move(self.horizontalHeader(), old_visual, new_visual)
        role = self.grid_model().role_at(logical)
        if role is not None and old_visual != new_visual:
            self._report(self.editor().move_role(role.id, new_visual))

    def _row_dragged(self, logical: int, old_visual: int, new_visual: int) -> None:
        self._revert_move(self.verticalHeader(), old_visual, new_visual)
        if old_visual != new_visual:
            self.move_row(logical, new_visual)

    def move_row(self, row: int, to_row: int) -> None:
        """Move the task or phase at model row ``row`` so that it ends at ``to_row``."""
        model = self.grid_model()
        matrix = model.matrix
        items: list[Task | Phase] = []
        for r in range(model.rowCount()):
            if r != row:
                item = model.task_at(r) or model.phase_at(r)
                assert item is not None
                items.append(item)
        moving = model.task_at(row) or model.phase_at(row)
        to_row = max(0, min(to_row, len(items)))
        if isinstance(moving, Phase):
            index = sum(1 for item in items[:to_row] if isinstance(item, Phase))
            if index != matrix.phases.index(moving):
                self._report(self.editor().move_phase(moving.id, index))
            return
        if moving is None:
            return
        if not model.shows_phases:
            phase = matrix.phases[0]
            index = to_row
        else:
            phase = matrix.phases[0]
            index = 0
            for item in reversed(items[:to_row]):
                if isinstance(item, Phase):
                    phase = item
                    break
                index += 1
        if (phase.id, index) != (
            matrix.phase_of(moving.id).id,
            matrix.phase_of(moving.id).tasks.index(moving),
        ):
            self._report(self.editor().move_task(moving.id, phase.id, index))

    # ---------------------------------------------------- header clicks
    def _row_header_clicked(self, row: int) -> None:
        phase = self.grid_model().phase_at(row)
        if phase is not None:
            self.toggle_phase(phase.id)

    def _row_header_double_clicked(self, row: int) -> None:
        self.edit_row_name(row)

    def _column_header_double_clicked(self, column: int) -> None:
        self.edit_role_name(column)

    # ------------------------------------------------- names in headers
    def edit_row_name(self, row: int, typed: str = "") -> bool:
        """Edit the name of the task or phase at ``row`` over its header; ``typed`` replaces it."""
        model = self.grid_model()
        item = model.task_at(row) or model.phase_at(row)
        if item is None or self.isRowHidden(row):
            return False
        self.scrollTo(model.index(row, max(0, self.currentIndex().column())))
        header = self.verticalHeader()
        self.header_editor.open(header, row, typed or item.name, typed=bool(typed))
        return True

    def edit_role_name(self, column: int, typed: str = "") -> bool:
        """Edit the name of the role in ``column`` over its header; ``typed`` replaces it."""
        model = self.grid_model()
        role = model.role_at(column)
        if role is None:
            return False
        row = max(0, self.currentIndex().row())
        self.scrollTo(model.index(row, column))
        header = self.horizontalHeader()
        self.header_editor.open(header, column, typed or role.name, typed=bool(typed))
        return True

    def edit_name(self, kind: str, item_id: int) -> bool:
        """Edit the name of a task, phase or role (``kind``) over its header, as the Rename
        actions do; False when it has no header in sight (a phase of a flat list)."""
        model = self.grid_model()
        matrix = model.matrix
        if kind == "task" and matrix.has_task(item_id):
            return self.edit_row_name(model.row_of_task(item_id))
        if kind == "phase" and item_id in {p.id for p in matrix.phases} and model.shows_phases:
            return self.edit_row_name(model.row_of_phase(item_id))
        if kind == "role" and matrix.has_role(item_id):
            return self.edit_role_name(matrix.role_column(item_id))
        return False

    def _header_name_committed(
        self, orientation: Qt.Orientation, section: int, text: str, how: HeaderExit
    ) -> None:
        """Move on as the key that ended the edit says, then report a changed name (after the
        move, so that a refusal stays the last word in the status bar)."""
        model = self.grid_model()
        name = text.strip()
        renamed: tuple[SignalInstance, int] | None = None
        if orientation == Qt.Orientation.Vertical:
            task, phase = model.task_at(section), model.phase_at(section)
            if task is not None and name != task.name:
                renamed = self.taskRenamed, task.id
            elif phase is not None and name != phase.name:
                renamed = self.phaseRenamed, phase.id
        elif (role := model.role_at(section)) is not None and name != role.name:
            renamed = self.roleRenamed, role.id
        opens_next = orientation == Qt.Orientation.Horizontal and how in (
            HeaderExit.TAB,
            HeaderExit.BACKTAB,
        )
        if renamed is not None and opens_next:
            renamed[0].emit(renamed[1], name)  # before the next editor is laid out
            renamed = None
        if how != HeaderExit.AWAY:
            self._after_header_edit(orientation, section, how)
        if renamed is not None:
            renamed[0].emit(renamed[1], name)

    def _header_name_cancelled(self, orientation: Qt.Orientation, section: int) -> None:
        self._after_header_edit(orientation, section, HeaderExit.ENTER)

    def _after_header_edit(
        self, orientation: Qt.Orientation, section: int, how: HeaderExit
    ) -> None:
        """Where the cursor goes: Tab from a task's name to its first role, Tab from a role's
        name to the next role's name; otherwise back to the grid where it was."""
        model = self.grid_model()
        if model.columnCount() == 0 or model.rowCount() == 0:
            self.setFocus()
            return
        if orientation == Qt.Orientation.Horizontal:
            if how == HeaderExit.TAB and section + 1 < model.columnCount():
                self.edit_role_name(section + 1)
                return
            if how == HeaderExit.BACKTAB and section > 0:
                self.edit_role_name(section - 1)
                return
            row = self.currentIndex().row()
            if not 0 <= row < model.rowCount() or model.task_at(row) is None:
                row = next(iter(self._visible_task_rows(0, model.rowCount() - 1)), -1)
            if row >= 0:
                self.set_current(model.index(row, section))
        elif 0 <= section < model.rowCount():
            if how == HeaderExit.TAB and model.task_at(section) is not None:
                self.set_current(model.index(section, 0))
            elif self.currentIndex().row() != section:
                self.set_current(model.index(section, max(0, self.currentIndex().column())))
        self.setFocus()

    def _header_key(self, header: QHeaderView, event: QKeyEvent) -> bool:
        """A key on a header that has the keyboard: F2 or a printable key edits the name of
        its current section; anything else goes on to the grid."""
        index = self.currentIndex()
        vertical = header.orientation() == Qt.Orientation.Vertical
        section = index.row() if vertical else index.column()
        text = event.text()
        command_mods = (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        typed = (
            text
            if len(text) == 1
            and text.isprintable()
            and not text.isspace()
            and not event.modifiers() & command_mods
            else ""
        )
        if section >= 0 and (event.key() == Qt.Key.Key_F2 or typed):
            if vertical:
                return self.edit_row_name(section, typed)
            return self.edit_role_name(section, typed)
        if (
            section >= 0
            and not event.modifiers() & command_mods
            and self._header_move(header, section, event.key())
        ):
            return True
        self.setFocus()
        self.keyPressEvent(event)
        return True

    def _header_move(self, header: QHeaderView, section: int, key: int) -> bool:
        """Arrows along a header that has the keyboard go from name to name; the arrow
        towards the cells (or Tab, Enter, Esc) goes back into the grid."""
        model = self.grid_model()
        vertical = header.orientation() == Qt.Orientation.Vertical
        inward = Qt.Key.Key_Down
        along = (Qt.Key.Key_Left, Qt.Key.Key_Right)
        if vertical:
            inward = Qt.Key.Key_Left if self.isRightToLeft() else Qt.Key.Key_Right
            along = (Qt.Key.Key_Up, Qt.Key.Key_Down)
        if key in along:
            forward = key == along[1] if vertical or not self.isRightToLeft() else key == along[0]
            if vertical:
                rows = [r for r in range(model.rowCount()) if not self.isRowHidden(r)]
                later = [r for r in rows if (r > section if forward else r < section)]
                if later:
                    self._select_header_section(header, later[0] if forward else later[-1])
            elif 0 <= (column := section + (1 if forward else -1)) < model.columnCount():
                self._select_header_section(header, column)
            return True
        if key in (inward, Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            index = self.currentIndex()
            if vertical and model.task_at(section) is not None:
                self.set_current(model.index(section, 0))
            elif not vertical:
                row = index.row()
                if model.task_at(row) is None or self.isRowHidden(row):
                    row = next(iter(self._visible_task_rows(0, model.rowCount() - 1)), -1)
                if row >= 0:
                    self.set_current(model.index(row, section))
            self.setFocus()
            return True
        return False

    def _select_header_section(self, header: QHeaderView, section: int) -> None:
        """Make a whole row (or column) current and selected, as a click on its header does,
        and give its header the keyboard."""
        model = self.grid_model()
        flags = QItemSelectionModel.SelectionFlag
        if header.orientation() == Qt.Orientation.Vertical:
            index = model.index(section, 0)
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        else:
            row = max(0, self.currentIndex().row())
            index = model.index(row, section)
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Columns)
        self.scrollTo(index)
        header.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QHeaderView)
            and watched in (self.verticalHeader(), self.horizontalHeader())
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.model() is not None
        ):
            return self._header_key(watched, event)
        return super().eventFilter(watched, event)

    def _edit_current_name(self) -> bool:
        """F2 on the grid edits a name when a name is what is current: a phase row, a whole
        task row or a whole role column selected."""
        model = self.grid_model()
        index = self.currentIndex()
        if not index.isValid():
            return False
        selection = self.selectionModel()
        if model.phase_at(index.row()) is not None:
            return self.edit_row_name(index.row())
        if model.columnCount() > 1 and selection.isRowSelected(index.row(), QModelIndex()):
            return self.edit_row_name(index.row())
        if selection.isColumnSelected(index.column(), QModelIndex()):
            return self.edit_role_name(index.column())
        return False

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        if current.column() != previous.column():
            self.horizontalHeader().viewport().update()
