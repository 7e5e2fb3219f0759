"""The template gallery and the start page (recent files, open, new from a template)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.model import Matrix
from rolematrix.core.templates import builtin_templates
from rolematrix.gui import i18n
from rolematrix.gui.settings import settings

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 30
TARGET_ROLE = Qt.ItemDataRole.UserRole + 31  # a recent document's path or URL
BLANK = ""
PREVIEW = QSize(200, 120)


def blank_matrix() -> Matrix:
    """A small empty RACI matrix to start typing into (named in the interface language)."""
    matrix = Matrix(QCoreApplication.translate("Gallery", "New matrix"), "RACI")
    for number in (1, 2, 3):
        matrix.add_role(
            QCoreApplication.translate("Gallery", "Role {number}").format(
                number=i18n.number(number)
            )
        )
    matrix.add_task(QCoreApplication.translate("Gallery", "First task"))
    matrix.journal.clear()
    return matrix


def preview_pixmap(matrix: Matrix, size: QSize = PREVIEW) -> QPixmap:
    """A thumbnail of the matrix: its cells as coloured squares, up to 14 rows by 10 roles.

    Drawn mirrored (task names on the right) for a right-to-left matrix or interface.
    """
    ratio = 2.0
    pixmap = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("#FFFFFF"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if matrix.is_rtl or i18n.is_right_to_left():
        painter.translate(size.width(), 0)
        painter.scale(-1, 1)
    tasks = matrix.tasks[:14]
    roles = matrix.roles[:10]
    margin = 8.0
    label_width = size.width() * 0.38
    cell_w = (size.width() - label_width - 2 * margin) / max(1, len(roles))
    cell_h = (size.height() - 2 * margin - 6) / max(1, len(tasks) + 1)
    colours = {c.letter: QColor(c.colour) for c in matrix.scheme.codes}
    painter.setPen(QColor("#BBBBBB"))
    for j, _role in enumerate(roles):
        painter.fillRect(
            QRectF(margin + label_width + j * cell_w + 1, margin, cell_w - 2, cell_h - 2),
            QColor("#6B6B6B"),
        )
    for i, task in enumerate(tasks):
        y = margin + (i + 1) * cell_h + 2
        painter.fillRect(
            QRectF(margin, y + cell_h * 0.3, label_width - 8, cell_h * 0.4), QColor("#CFCFCF")
        )
        row = matrix.row(task.id)
        for j, role in enumerate(roles):
            codes = row.get(role.id, "")
            rect = QRectF(margin + label_width + j * cell_w + 1, y, cell_w - 2, cell_h - 2)
            fill = colours.get(codes[:1]) if codes else QColor("#F2F2F2")
            painter.fillRect(rect, fill or QColor("#F2F2F2"))
    painter.end()
    return pixmap


class TemplateGallery(QListWidget):
    """The seven built-in templates (plus a blank matrix) as cards with previews."""

    chosen = Signal(str)  # template id, "" for a blank matrix

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(PREVIEW)
        # room for a title of three lines under each preview: titles such as "Account
        # Manager vs Project Manager" and "… (RACI)" differ only at their end
        lines = self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(PREVIEW.width() + 30, PREVIEW.height() + 3 * lines + 24))
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)  # (not uniform item sizes: each title has its own height)
        self.setSpacing(6)
        self.setAccessibleName(self.tr("Templates"))
        self.setAccessibleDescription(
            self.tr(
                "Built-in templates to start from; Enter creates a document from the selected one"
            )
        )
        blank = QListWidgetItem(
            QIcon(preview_pixmap(blank_matrix())), self.tr("Blank matrix (RACI)")
        )
        blank.setData(TEMPLATE_ROLE, BLANK)
        blank.setToolTip(self.tr("An empty RACI matrix with three roles"))
        blank.setData(Qt.ItemDataRole.AccessibleDescriptionRole, blank.toolTip())
        self.addItem(blank)
        for template in builtin_templates().values():
            matrix = template.build()
            item = QListWidgetItem(QIcon(preview_pixmap(matrix)), template.title)
            item.setData(TEMPLATE_ROLE, template.id)
            facts = self.tr("{scheme} · {tasks} tasks × {roles} roles · from “{source}”").format(
                scheme=template.scheme,
                tasks=i18n.number(len(matrix.tasks)),
                roles=i18n.number(len(matrix.roles)),
                source=template.source_title,
            )
            item.setToolTip(f"<b>{template.title}</b><br>{template.summary}<br><i>{facts}</i>")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, f"{template.summary} {facts}")
            self.addItem(item)
        self.setCurrentRow(0)
        self.itemActivated.connect(lambda item: self.chosen.emit(str(item.data(TEMPLATE_ROLE))))

    def current_template_id(self) -> str | None:
        item = self.currentItem()
        return str(item.data(TEMPLATE_ROLE)) if item is not None else None

    def select_template(self, template_id: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(TEMPLATE_ROLE) == template_id:
                self.setCurrentRow(row)
                return


class GalleryDialog(QDialog):
    """File ▸ New: pick a template."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New document from a template"))
        self.gallery = TemplateGallery(self)
        self.gallery.chosen.connect(lambda _: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.gallery)
        layout.addWidget(buttons)
        self.resize(980, 640)


class StartPage(QWidget):
    """What plain ``rolematrix`` shows: templates to start from, and recent documents."""

    template_chosen = Signal(str)
    open_requested = Signal(str)  # a path or URL; "" asks with a file dialog
    workspace_requested = Signal()
    help_requested = Signal()
    language_chosen = Signal(str)  # "system", "en", "fa"

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from rolematrix.gui.icons import app_icon

        self.setWindowTitle(self.tr("RoleMatrix"))
        self.setWindowIcon(app_icon())
        title = QLabel(
            "<h1>RoleMatrix</h1>"
            + self.tr(
                "Who is responsible, accountable, consulted and informed — checked as you type."
            ),
            self,
        )
        title.setWordWrap(True)
        self.help_link = QLabel(
            '<a href="help:getting-started">'
            + self.tr("New to responsibility matrices? Read Getting started")
            + "</a>",
            self,
        )
        self.help_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.help_link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.help_link.setAccessibleName(self.tr("Getting started"))
        self.help_link.linkActivated.connect(lambda _link: self.help_requested.emit())
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), i18n.SYSTEM)
        for code, language in i18n.LANGUAGES.items():
            self.language.addItem(language.native_name, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(i18n.stored_choice(settings())))
        )
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("The language of RoleMatrix's interface"))
        self.language.activated.connect(
            lambda index: self.language_chosen.emit(str(self.language.itemData(index)))
        )
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)
        self.gallery = TemplateGallery(self)
        self.gallery.chosen.connect(self.template_chosen)
        create = QPushButton(self.tr("&Create from template"), self)
        create.setDefault(True)
        create.clicked.connect(self._create)
        self.recent = QListWidget(self)
        self.recent.setAccessibleName(self.tr("Recent documents"))
        self.recent.setAccessibleDescription(self.tr("Enter opens the selected document"))
        for target in recent:
            item = QListWidgetItem(i18n.isolate(target))  # a path reads left to right anywhere
            item.setData(TARGET_ROLE, target)
            item.setToolTip(target)
            self.recent.addItem(item)
        if not recent:
            empty = QListWidgetItem(self.tr("No recent documents"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
        self.recent.itemActivated.connect(
            lambda item: (
                self.open_requested.emit(str(item.data(TARGET_ROLE)))
                if item.flags() & Qt.ItemFlag.ItemIsEnabled
                else None
            )
        )
        open_button = QPushButton(self.tr("&Open…"), self)
        open_button.clicked.connect(lambda: self.open_requested.emit(""))
        workspace = QPushButton(self.tr("Open shared &workspace…"), self)
        workspace.clicked.connect(self.workspace_requested)
        # plain-text labels: a mnemonic (Alt+S, Alt+R) works only on plain text
        templates_label = QLabel(self.tr("&Start from a template"), self)
        templates_label.setTextFormat(Qt.TextFormat.PlainText)
        templates_label.setBuddy(self.gallery)
        recent_label = QLabel(self.tr("&Recent documents"), self)
        recent_label.setTextFormat(Qt.TextFormat.PlainText)
        recent_label.setBuddy(self.recent)
        for label in (templates_label, recent_label):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        left = QVBoxLayout()
        left.addWidget(templates_label)
        left.addWidget(self.gallery, 1)
        left.addWidget(create, 0, Qt.AlignmentFlag.AlignRight)
        right = QVBoxLayout()
        right.addWidget(recent_label)
        right.addWidget(self.recent, 1)
        right.addWidget(open_button)
        right.addWidget(workspace)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 1)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        corner = QVBoxLayout()
        corner.addLayout(language_row)
        corner.addWidget(self.help_link, 0, Qt.AlignmentFlag.AlignTrailing)
        corner.addStretch(1)
        header.addLayout(corner)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(columns, 1)
        self.resize(1100, 700)

    def _create(self) -> None:
        template_id = self.gallery.current_template_id()
        if template_id is not None:
            self.template_chosen.emit(template_id)
