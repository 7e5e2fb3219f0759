"""The problems panel: the checker's findings, live, grouped by severity.

The incremental checker keeps its findings current after every matrix event;
the panel only shows them. Refreshes are coalesced to the next turn of the
event loop, so a burst of edits (a paste, an undo of a compound command) costs
one refresh, and a cell edit's own frame stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.checker import IncrementalChecker
from rolematrix.core.editor import Editor
from rolematrix.core.findings import Finding, Severity, summary
from rolematrix.core.model import Matrix, Suppression
from rolematrix.gui import i18n
from rolematrix.gui.vocabulary import finding_message, rule_title

Index = QModelIndex | QPersistentModelIndex

GROUPS: tuple[tuple[str, str], ...] = (
    ("error", str(QT_TRANSLATE_NOOP("FindingsModel", "Errors"))),
    ("warning", str(QT_TRANSLATE_NOOP("FindingsModel", "Warnings"))),
    ("info", str(QT_TRANSLATE_NOOP("FindingsModel", "Remarks"))),
    ("accepted", str(QT_TRANSLATE_NOOP("FindingsModel", "Accepted"))),
)
SEVERITY_NAMES = {
    "error": QT_TRANSLATE_NOOP("FindingsModel", "error"),
    "warning": QT_TRANSLATE_NOOP("FindingsModel", "warning"),
    "info": QT_TRANSLATE_NOOP("FindingsModel", "remark"),
}
SEVERITY_COLOURS = {
    "error": "#D55E00",
    "warning": "#E69F00",
    "info": "#0072B2",
    "accepted": "#7F7F7F",
}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 10
REFRESH_DELAY_MS = 120


def group_of(finding: Finding) -> str:
    return "accepted" if finding.accepted else finding.severity.value


def where(finding: Finding) -> str:
    parts = [p for p in (finding.task, finding.role, finding.person) if p]
    return " × ".join(parts)


class FindingsModel(QAbstractTableModel):
    """A flat list: a header row per severity group, then its findings (message, rule, where).

    Flat on purpose: a table view asks only for the rows it paints, so thousands
    of findings (a large imported matrix) cost nothing per edit, where a tree
    with expanded groups walks every row after each reset.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("FindingsModel", "Problem"),
        QT_TRANSLATE_NOOP("FindingsModel", "Rule"),
        QT_TRANSLATE_NOOP("FindingsModel", "Where"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: The matrix the findings are about (to phrase them in the interface language).
        self.matrix: Matrix | None = None
        self._groups: list[list[Finding]] = [[] for _ in GROUPS]
        self._rows: list[int | Finding] = []  # group number, or a finding
        self.folded: set[int] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_findings(self, findings: list[Finding]) -> None:
        groups: list[list[Finding]] = [[] for _ in GROUPS]
        order = {key: i for i, (key, _) in enumerate(GROUPS)}
        for finding in findings:
            groups[order[group_of(finding)]].append(finding)
        if groups == self._groups:
            return
        self.beginResetModel()
        self._groups = groups
        self._layout()
        self.endResetModel()

    def toggle_group(self, group: int) -> None:
        self.beginResetModel()
        self.folded.symmetric_difference_update({group})
        self._layout()
        self.endResetModel()

    def _layout(self) -> None:
        rows: list[int | Finding] = []
        for g, items in enumerate(self._groups):
            if items:
                rows.append(g)
                if g not in self.folded:
                    rows.extend(items)
        self._rows = rows

    def group_size(self, group: int) -> int:
        return len(self._groups[group])

    def row_of_group(self, group: int) -> int:
        return self._rows.index(group) if group in self._rows else 0

    def group_at(self, row: int) -> int | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item if isinstance(item, int) else None

    def finding(self, index: Index) -> Finding | None:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        return item if isinstance(item, Finding) else None

    def index_of(self, finding: Finding) -> QModelIndex:
        for row, item in enumerate(self._rows):
            if item == finding:
                return self.index(row, 0)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(self.HEADERS[section]))
        return None

    def message(self, finding: Finding) -> str:
        return finding_message(finding, self.matrix)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if isinstance(item, int):
            key, title = GROUPS[item]
            count = i18n.number(len(self._groups[item]))
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                folded = item in self.folded
                marker = ("◂" if i18n.is_right_to_left() else "▸") if folded else "▾"
                return f"{marker} {self.tr(title)} ({count})"
            if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
                state = self.tr("folded") if item in self.folded else self.tr("unfolded")
                return self.tr("{group}: {count}, {state}").format(
                    group=self.tr(title), count=count, state=state
                )
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ForegroundRole and column == 0:
                return QColor(SEVERITY_COLOURS[key])
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.message(item)
            if column == 1:
                return item.rule
            return where(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == 0:
                severity = self.tr("accepted") if item.accepted else self.severity_name(item)
                return f"{severity}: {self.message(item)}"
            return rule_title(item.rule) if column == 1 else where(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{rule_title(item.rule)} — {item.rule} ({self.severity_name(item)})"
            text += f"\n{self.message(item)}"
            if item.accepted:
                text += "\n" + self.tr("Accepted: {reason}").format(reason=item.reason)
            return text
        if role == FINDING_ROLE:
            return item
        return None

    def severity_name(self, finding: Finding) -> str:
        return self.tr(str(SEVERITY_NAMES[finding.severity.value]))


class FindingsView(QTableView):
    """The findings list, for the keyboard too: Enter goes to the finding's cell on every
    platform, and Left/Right (or +/-) fold and unfold a group as in a tree."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        index = self.currentIndex()
        key = event.key()
        if not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier and index.isValid():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activated.emit(index)
                return
            group = model.group_at(index.row()) if isinstance(model, FindingsModel) else None
            if group is not None and isinstance(model, FindingsModel):
                rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
                opening = (Qt.Key.Key_Left if rtl else Qt.Key.Key_Right, Qt.Key.Key_Plus)
                closing = (Qt.Key.Key_Right if rtl else Qt.Key.Key_Left, Qt.Key.Key_Minus)
                folded = group in model.folded
                if (key in opening and folded) or (key in closing and not folded):
                    model.toggle_group(group)
                    self.setCurrentIndex(model.index(model.row_of_group(group), 0))
                    return
        super().keyPressEvent(event)


class ProblemsPanel(QWidget):
    """Live findings of the shown matrix, with Accept… and Reopen."""

    activated = Signal(object)  # the Finding the user picked
    counts_changed = Signal(dict)  # summary(): error / warning / info / accepted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The editor of a matrix (the window's session gives it); acceptances go there.
        self.editors: Callable[[Matrix], Editor] | None = None
        self._checker: IncrementalChecker | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        # Refreshing walks every finding; waiting for a pause in typing keeps each
        # keystroke's frame to the edit, the incremental re-check and one repaint.
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.model = FindingsModel(self)
        self.tree = FindingsView(self)
        self.tree.setAccessibleName(self.tr("Findings"))
        self.tree.setAccessibleDescription(
            self.tr("Enter goes to the cell of the finding; Left and Right fold a group")
        )
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setShowGrid(False)
        self.tree.setWordWrap(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.verticalHeader().hide()
        self.tree.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.tree.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.tree.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            1, self.fontMetrics().horizontalAdvance("template-accountable-differs") + 16
        )
        header.resizeSection(2, 220)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter problems"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._schedule)
        self.filter.setAccessibleName(self.tr("Filter problems"))
        self.filter.setAccessibleDescription(
            self.tr("Shows only the findings whose text, rule or place contains this")
        )
        self.accept_button = QPushButton(self.tr("&Accept…"), self)
        self.accept_button.setToolTip(
            self.tr("Accept this finding on purpose, with a reason readers will see")
        )
        self.accept_button.setAccessibleDescription(self.accept_button.toolTip())
        self.accept_button.clicked.connect(self._accept_current)
        self.reopen_button = QPushButton(self.tr("Re&open"), self)
        self.reopen_button.setToolTip(
            self.tr("Take the acceptance back; the finding is a problem again")
        )
        self.reopen_button.setAccessibleDescription(self.reopen_button.toolTip())
        self.reopen_button.clicked.connect(self._reopen_current)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.accept_button)
        bar.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self._update_buttons()

    @property
    def matrix(self) -> Matrix | None:
        return self._checker.matrix if self._checker else None

    def set_checker(self, checker: IncrementalChecker | None) -> None:
        if self._checker is not None and self._schedule in self._checker.changed:
            self._checker.changed.remove(self._schedule)
        self._checker = checker
        self.model.matrix = checker.matrix if checker is not None else None
        if checker is not None:
            checker.changed.append(self._schedule)
        self.refresh()

    def _schedule(self, *args: object) -> None:
        self._refresh_timer.start()

    def findings(self) -> list[Finding]:
        return list(self._checker.findings) if self._checker else []

    def refresh(self) -> None:
        findings = self.findings()
        needle = self.filter.text().casefold().strip()
        shown = findings
        if needle:
            shown = [
                f
                for f in findings
                if needle in f.message.casefold()
                or needle in self.model.message(f).casefold()
                or needle in f.rule
                or needle in where(f).casefold()
            ]
        selected = self.current_finding()
        self.model.set_findings(shown)
        if selected is not None:
            index = self.model.index_of(selected)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self._update_buttons()
        self.counts_changed.emit(summary(findings))

    def current_finding(self) -> Finding | None:
        return self.model.finding(self.tree.currentIndex())

    def _clicked(self, index: QModelIndex) -> None:
        group = self.model.group_at(index.row())
        if group is not None:
            self.model.toggle_group(group)
            return
        finding = self.model.finding(index)
        if finding is not None:
            self.activated.emit(finding)

    def _update_buttons(self, *args: object) -> None:
        finding = self.current_finding()
        self.accept_button.setEnabled(finding is not None and not finding.accepted)
        self.reopen_button.setEnabled(finding is not None and finding.accepted)

    def _accept_current(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.accept(finding)

    def _reopen_current(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.reopen(finding)

    def accept(self, finding: Finding) -> bool:
        """Ask for the reason and accept the finding (one undo step)."""
        matrix = self.matrix
        if matrix is None or finding.accepted:
            return False
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Accept finding"),
            self.model.message(finding)
            + "\n\n"
            + self.tr("Why is this acceptable? (readers of the matrix will see the reason)"),
        )
        reason = reason.strip()
        if not ok or not reason or self.editors is None:
            return False
        suppression = Suppression(
            finding.rule, reason, finding.task_id, finding.role_id, finding.person_id
        )
        return self.editors(matrix).accept(suppression).done

    def reopen(self, finding: Finding) -> bool:
        matrix = self.matrix
        if matrix is None:
            return False
        for suppression in matrix.suppressions:
            if suppression.matches(
                finding.rule, finding.task_id, finding.role_id, finding.person_id
            ):
                return self.editors is not None and self.editors(matrix).reopen(suppression).done
        return False


_COUNT_WORDS = {
    "error": (
        QT_TRANSLATE_NOOP("ProblemsPanel", "1 error"),
        QT_TRANSLATE_NOOP("ProblemsPanel", "{count} errors"),
    ),
    "warning": (
        QT_TRANSLATE_NOOP("ProblemsPanel", "1 warning"),
        QT_TRANSLATE_NOOP("ProblemsPanel", "{count} warnings"),
    ),
    "info": (
        QT_TRANSLATE_NOOP("ProblemsPanel", "1 remark"),
        QT_TRANSLATE_NOOP("ProblemsPanel", "{count} remarks"),
    ),
}


def severity_counts_text(counts: dict[str, int]) -> str:
    """The status bar's words: "2 errors, 1 warning" (or "No problems")."""

    def words(text: str) -> str:
        return QCoreApplication.translate("ProblemsPanel", text)

    parts = []
    for key, (one, many) in _COUNT_WORDS.items():
        n = counts.get(key, 0)
        if n:
            parts.append(
                words(str(one)) if n == 1 else words(str(many)).format(count=i18n.number(n))
            )
    separator = QCoreApplication.translate("ProblemsPanel", ", ")
    text = (
        separator.join(parts)
        if parts
        else QCoreApplication.translate("ProblemsPanel", "No problems")
    )
    if counts.get("accepted"):
        text += " " + QCoreApplication.translate("ProblemsPanel", "({count} accepted)").format(
            count=i18n.number(counts["accepted"])
        )
    return text


__all__ = ["FindingsModel", "ProblemsPanel", "Severity", "severity_counts_text"]
