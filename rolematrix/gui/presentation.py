"""Presentation mode: the matrix on a projector, one task (or one role) at a time.

A separate full-screen window over the same matrix, so leaving it (Esc) leaves
the editor exactly as it was. Type is sized from the screen (at least 28 px on
a 1080p screen), the palette is high-contrast, and everything but the
highlighted row or column is dimmed so a room can follow along. Findings of the
highlighted task or role show as badges.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.checker import IncrementalChecker
from rolematrix.core.findings import Finding
from rolematrix.core.model import Matrix
from rolematrix.gui import i18n
from rolematrix.gui.grid_model import CODES_ROLE, MatrixGridModel, readable_text_colour
from rolematrix.gui.vocabulary import finding_message

Index = QModelIndex | QPersistentModelIndex
LIT_EMPTY = QColor("#3A3A3A")  # an empty cell of the highlighted row: visibly not black
LIT_EDGE = QColor("#FFD400")
BADGE_COLOURS = {"error": "#FF5A36", "warning": "#FFC20A", "info": "#5AB4FF"}
BADGE_MARKS = {"error": "✖", "warning": "▲", "info": "●"}


def presentation_pixel_size(screen_height: int) -> int:
    """Cell text size: 32 px on a 1080-line screen, never below 28 px."""
    return max(28, round(screen_height * 32 / 1080))


def _dim(colour: QColor, keep: float = 0.35) -> QColor:
    return QColor(int(colour.red() * keep), int(colour.green() * keep), int(colour.blue() * keep))


class PresentationModel(QIdentityProxyModel):
    """Strong colours on the highlighted row (or column), dimmed elsewhere."""

    def __init__(self, source: MatrixGridModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.grid = source
        self.mode = "task"
        self.current = -1  # highlighted source row (task mode) or column (role mode)
        scheme = source.matrix.scheme
        self._fills = {c.letter: QColor(c.colour) for c in scheme.codes}
        self._white = QColor("#FFFFFF")
        self._grey = QColor("#8A8A8A")
        self._black = QColor("#000000")

    def set_current(self, mode: str, current: int) -> None:
        self.mode = mode
        self.current = current
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def is_lit(self, row: int, column: int) -> bool:
        return (row if self.mode == "task" else column) == self.current

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid():
                return None
            if self.grid.task_at(index.row()) is None:
                return (
                    QBrush(QColor("#202020"))
                    if role == Qt.ItemDataRole.BackgroundRole
                    else QBrush(self._white)
                )
            codes = self.grid.data(index, CODES_ROLE) or ""
            lit = self.is_lit(index.row(), index.column())
            # coloured by the same code as in the editor ("A/R" as A)
            fill = self._fills.get(self.grid.lead_code(codes)) if codes else None
            if role == Qt.ItemDataRole.BackgroundRole:
                if fill is None:
                    return QBrush(LIT_EMPTY if lit else self._black)
                return QBrush(fill if lit else _dim(fill))
            if fill is None:
                return QBrush(self._white if lit else self._grey)
            return QBrush(readable_text_colour(fill) if lit else self._grey)
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            lit = (orientation == Qt.Orientation.Vertical) == (
                self.mode == "task"
            ) and section == self.current
            return QBrush(QColor("#FFD400") if lit else self._white)
        return super().headerData(section, orientation, role)


class LitHeader(QHeaderView):
    """A header whose highlighted section (the task or role being discussed) is framed in
    yellow: the style sheet that sizes the type would override a colour from the model."""

    def __init__(self, orientation: Qt.Orientation, model: PresentationModel) -> None:
        super().__init__(orientation)
        self._model = model

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        super().paintSection(painter, rect, logical_index)
        vertical = self.orientation() == Qt.Orientation.Vertical
        if logical_index != self._model.current or vertical != (self._model.mode == "task"):
            return
        painter.save()
        painter.fillRect(rect, QColor(255, 212, 0, 70))
        painter.setPen(QPen(LIT_EDGE, 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.restore()


class LitCellDelegate(QStyledItemDelegate):
    """Draws the highlighted row (or column) as a band with yellow edges across the grid,
    so the room finds it even where its cells are empty."""

    def __init__(self, model: PresentationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        model = self._model
        if not model.is_lit(index.row(), index.column()):
            return
        rect = option.rect
        painter.save()
        painter.setPen(QPen(LIT_EDGE, 4))
        if model.mode == "task":
            painter.drawLine(rect.topLeft() + QPoint(0, 2), rect.topRight() + QPoint(0, 2))
            painter.drawLine(rect.bottomLeft() - QPoint(0, 1), rect.bottomRight() - QPoint(0, 1))
        else:
            painter.drawLine(rect.topLeft() + QPoint(2, 0), rect.bottomLeft() + QPoint(2, 0))
            painter.drawLine(rect.topRight() - QPoint(1, 0), rect.bottomRight() - QPoint(1, 0))
        painter.restore()


class PresentationWindow(QWidget):
    """Full screen, high contrast, stepped with the arrow keys; Esc leaves."""

    closed = Signal()

    def __init__(
        self, matrix: Matrix, checker: IncrementalChecker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("{name} — presentation").format(name=matrix.name))
        self.setAccessibleName(self.tr("Presentation"))
        self.setAccessibleDescription(
            self.tr("Up and Down step through the tasks, Tab switches to the roles, Esc leaves")
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.matrix = matrix
        self.checker = checker
        self.grid_model = MatrixGridModel(matrix, self)
        self.model = PresentationModel(self.grid_model, self)
        self.mode = "task"
        self.row = -1
        self.column = 0
        self.title = QLabel(self)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.step_label = QLabel(self)
        self.hint = QLabel(self)
        self.table = QTableView(self)
        self.table.setVerticalHeader(LitHeader(Qt.Orientation.Vertical, self.model))
        self.table.setHorizontalHeader(LitHeader(Qt.Orientation.Horizontal, self.model))
        self.table.setItemDelegate(LitCellDelegate(self.model, self.table))
        self.table.setModel(self.model)
        # whole rows only: a phase header is never cut in half at the top
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # absolute: a header aligns with the application's direction, not the window's
        rtl = matrix.is_rtl or QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.table.verticalHeader().setDefaultAlignment(
            (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.setWordWrap(False)
        # stepping scrolls for the room; bars would only take space on the projector
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.badges = QHBoxLayout()
        self.badges.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.step_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.badges)
        layout.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)
        if matrix.is_rtl:
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.checker.changed.append(self._findings_changed)
        self._apply_scale()

    # ------------------------------------------------------------- sizing
    def _apply_scale(self) -> None:
        screen = self.screen()
        height = screen.geometry().height() if screen is not None else 1080
        px = presentation_pixel_size(height)
        self.cell_pixel_size = px
        header_px = max(24, int(px * 0.85))
        # style sheets win over setFont, so the sizes go into the sheet too
        self.setStyleSheet(
            "QWidget { background: #000000; color: #FFFFFF; }"
            f"QTableView {{ gridline-color: #555555; border: none; font-size: {px}px;"
            " font-weight: bold; }"
            "QHeaderView::section { background: #000000; color: #FFFFFF;"
            f" border: 1px solid #333333; padding: 4px; font-size: {header_px}px; }}"
        )
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(True)
        self.table.setFont(font)
        header_font = QFont(font)
        header_font.setBold(False)
        self.table.horizontalHeader().setFont(header_font)
        self.table.verticalHeader().setFont(header_font)
        self.table.verticalHeader().setDefaultSectionSize(int(px * 1.7))
        # every role's label fits its column (up to a fifth of the screen)
        header_metrics = QFontMetrics(header_font)
        widest_role = max(
            (header_metrics.horizontalAdvance(r.label) for r in self.matrix.roles), default=0
        )
        screen_width = screen.geometry().width() if screen is not None else 1920
        self.table.horizontalHeader().setDefaultSectionSize(
            max(int(px * 3.2), 90, min(widest_role + 32, screen_width // 5))
        )
        title_font = QFont(font)
        title_font.setPixelSize(int(px * 1.2))
        self.title.setFont(title_font)
        self.step_label.setFont(header_font)
        hint_font = QFont(header_font)
        hint_font.setPixelSize(max(16, px // 2))
        self.hint.setFont(hint_font)
        self.hint.setStyleSheet("color: #AAAAAA;")
        self._badge_font = QFont(header_font)
        self._badge_font.setPixelSize(max(20, int(px * 0.7)))
        name_font = QFont(header_font)
        name_font.setPixelSize(header_px)
        metrics = QFontMetrics(name_font)
        widest = max(
            (metrics.horizontalAdvance(t.name) for t in self.matrix.tasks[:200]), default=100
        )
        self.table.verticalHeader().setFixedWidth(
            min(int((screen.geometry().width() if screen else 1920) * 0.45), widest + 32)
        )

    # -------------------------------------------------------------- steps
    def start(self) -> None:
        if self.row < 0:
            self.row = self._task_rows()[0] if self._task_rows() else -1
        self._update()
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def _task_rows(self) -> list[int]:
        return [
            r for r in range(self.grid_model.rowCount()) if self.grid_model.task_at(r) is not None
        ]

    def highlight_task(self, task_id: int) -> None:
        self.mode = "task"
        self.row = self.grid_model.row_of_task(task_id)
        self._update()

    def highlighted_task_id(self) -> int | None:
        task = self.grid_model.task_at(self.row)
        return task.id if task else None

    def highlighted_role_id(self) -> int | None:
        role = self.grid_model.role_at(self.column)
        return role.id if role else None

    def step(self, delta: int) -> None:
        if self.mode == "task":
            rows = self._task_rows()
            if not rows:
                return
            position = rows.index(self.row) if self.row in rows else -1
            self.row = rows[max(0, min(len(rows) - 1, position + delta))]
        else:
            count = self.grid_model.columnCount()
            if count:
                self.column = max(0, min(count - 1, self.column + delta))
        self._update()

    def toggle_mode(self) -> None:
        self.mode = "role" if self.mode == "task" else "task"
        self._update()

    def _update(self) -> None:
        current = self.row if self.mode == "task" else self.column
        self.model.set_current(self.mode, current)
        self.title.setText(self.matrix.name)
        if self.mode == "task":
            rows = self._task_rows()
            position = rows.index(self.row) + 1 if self.row in rows else 0
            self.step_label.setText(
                self.tr("Task {number} of {count}").format(
                    number=i18n.number(position), count=i18n.number(len(rows))
                )
            )
            task = self.grid_model.task_at(self.row)
            self.step_label.setToolTip(task.name if task else "")
            self.hint.setText(self.tr("↑ ↓ step · Tab: roles · Esc: leave"))
            if self.row >= 0:
                self.table.scrollTo(
                    self.model.index(self.row, max(0, self.column)),
                    QAbstractItemView.ScrollHint.PositionAtCenter,
                )
        else:
            count = self.grid_model.columnCount()
            role = self.grid_model.role_at(self.column)
            self.step_label.setText(
                self.tr("Role {number} of {count}: {name}").format(
                    number=i18n.number(self.column + 1),
                    count=i18n.number(count),
                    name=role.name if role else "",
                )
            )
            self.hint.setText(self.tr("← → step · Tab: tasks · Esc: leave"))
            if count:
                self.table.scrollTo(self.model.index(max(0, self.row), self.column))
        self._show_badges()

    def current_findings(self) -> list[Finding]:
        if self.mode == "task":
            task_id = self.highlighted_task_id()
            return [
                f
                for f in self.checker.findings
                if f.task_id == task_id and task_id is not None and not f.accepted
            ]
        role_id = self.highlighted_role_id()
        return [
            f
            for f in self.checker.findings
            if f.role_id == role_id and f.task_id is None and not f.accepted
        ]

    def _show_badges(self) -> None:
        while self.badges.count():
            item = self.badges.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        findings = self.current_findings()
        if not findings:
            ok = QLabel(self.tr("✔ no problems here"), self)
            ok.setFont(self._badge_font)
            ok.setStyleSheet("color: #7CFC9A;")
            self.badges.addWidget(ok)
        for finding in findings[:4]:
            colour = BADGE_COLOURS[finding.severity.value]
            badge = QLabel(
                f"{BADGE_MARKS[finding.severity.value]} {finding_message(finding, self.matrix)}",
                self,
            )
            badge.setFont(self._badge_font)
            badge.setWordWrap(True)
            badge.setStyleSheet(
                f"background: {colour}; color: #000000; border-radius: 10px; padding: 6px 12px;"
            )
            badge.setProperty("rule", finding.rule)
            self.badges.addWidget(badge, 1)
        if len(findings) > 4:
            more = QLabel(
                self.tr("+{count} more").format(count=i18n.number(len(findings) - 4)), self
            )
            more.setFont(self._badge_font)
            self.badges.addWidget(more)
        self.badges.addStretch(0)

    def badge_texts(self) -> list[str]:
        items = (self.badges.itemAt(i) for i in range(self.badges.count()))
        labels = (item.widget() for item in items if item is not None)
        return [w.text() for w in labels if isinstance(w, QLabel) and w.property("rule")]

    def _findings_changed(self) -> None:
        self._show_badges()

    # ------------------------------------------------------------- input
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_C, Qt.Key.Key_Backtab):
            self.toggle_mode()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.step(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.step(-1)
        elif key == Qt.Key.Key_Right:
            self.step(-1 if rtl else 1)
        elif key == Qt.Key.Key_Left:
            self.step(1 if rtl else -1)
        elif key == Qt.Key.Key_Home:
            self.step(-(1 << 20))
        elif key == Qt.Key.Key_End:
            self.step(1 << 20)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        return False  # Tab switches between task and role highlighting, not focus

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._findings_changed in self.checker.changed:
            self.checker.changed.remove(self._findings_changed)
        self.grid_model.close()
        self.closed.emit()
        super().closeEvent(event)
