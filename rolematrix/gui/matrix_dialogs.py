"""The dialogs of the Matrix menu: a new blank matrix, and a matrix's properties.

They only gather what the user wants; the changes are made by the editors
(:class:`~rolematrix.core.editor.DocumentEditor` for the name,
:class:`~rolematrix.core.editor.Editor` for the rest) so that each dialog's OK
is one undo step. A name the document already has is refused inside the dialog,
which stays open to correct it.
"""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rolematrix.core.editor import DocumentEditor, Editor, scheme_conversion
from rolematrix.core.edits import EditLabel
from rolematrix.core.model import Matrix, Settings
from rolematrix.core.names import clean_name
from rolematrix.core.profiles import DEFAULTS, PROFILES, RuleConfig, settings_problem
from rolematrix.core.schemes import SCHEMES
from rolematrix.gui import i18n
from rolematrix.gui.undo import refusal_text
from rolematrix.gui.vocabulary import scheme_title

#: The rule profiles as the dialog names them.
PROFILE_NAMES: dict[str, str] = {
    "standard": str(
        QT_TRANSLATE_NOOP(
            "MatrixDialogs", "Standard: the usual RACI rules; one role may hold A and R"
        )
    ),
    "strict": str(
        QT_TRANSLATE_NOOP(
            "MatrixDialogs",
            "Strict: exactly one R per task, and the accountable is not the only doer",
        )
    ),
    "lenient": str(
        QT_TRANSLATE_NOOP(
            "MatrixDialogs",
            "Lenient: no limits on how many are responsible or consulted, no overload",
        )
    ),
}

#: Each checker threshold as the dialog names it (the names of RuleConfig's fields).
SETTING_NAMES: dict[str, str] = {
    "max_responsible": str(QT_TRANSLATE_NOOP("MatrixDialogs", "Most responsible per task")),
    "max_consulted": str(QT_TRANSLATE_NOOP("MatrixDialogs", "Most consulted per task")),
    "everyone_involved_min_roles": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "“Everyone involved” only from this many roles")
    ),
    "overload_share": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "A role is overloaded above this share of tasks")
    ),
    "overload_min_roles": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "Role overload only from this many roles")
    ),
    "person_overload_share": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "A person is overloaded above this share of tasks")
    ),
    "person_overload_min_people": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "Person overload only from this many people")
    ),
    "too_many_rules": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "Warn about too many responsible or consulted")
    ),
    "overload_rules": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "Warn about overloaded roles and people")
    ),
    "four_eyes": str(
        QT_TRANSLATE_NOOP(
            "MatrixDialogs", "The accountable must not be the only one doing the work"
        )
    ),
    "exactly_one_responsible": str(
        QT_TRANSLATE_NOOP("MatrixDialogs", "More than one responsible is an error")
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatrixDialogs", text)


def _scheme_box(parent: QWidget, current: str) -> QComboBox:
    box = QComboBox(parent)
    for scheme in SCHEMES.values():
        box.addItem(scheme_title(scheme), scheme.id)
    box.setCurrentIndex(list(SCHEMES).index(current))
    return box


class NewMatrixDialog(QDialog):
    """A blank matrix: its name and any of the schemes."""

    def __init__(self, documents: DocumentEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = documents
        self.setWindowTitle(self.tr("New matrix"))
        self.name_edit = QLineEdit(documents.unique_name(self.tr("New matrix")), self)
        self.name_edit.selectAll()
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.scheme_box = _scheme_box(self, "RACI")
        self.scheme_box.setAccessibleName(self.tr("Scheme"))
        self.problem = QLabel(self)
        self.problem.setObjectName("name-problem")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Scheme:"), self.scheme_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    @property
    def scheme_id(self) -> str:
        return str(self.scheme_box.currentData())

    def accept(self) -> None:
        """Add the matrix (one undo step), or say why the name will not do and stay open."""
        result = self.documents.add_matrix(self.name_edit.text(), self.scheme_id)
        if result.refusals:
            self.problem.setText(refusal_text(result.refusals[0]))
            self.problem.show()
            self.name_edit.setFocus()
            return
        super().accept()


class MatrixPropertiesDialog(QDialog):
    """Name, description, scheme (with what converting does), rule profile and thresholds."""

    def __init__(
        self,
        matrix: Matrix,
        editor: Editor,
        documents: DocumentEditor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.matrix = matrix
        self.editor = editor
        self.documents = documents
        self.setWindowTitle(self.tr("Matrix properties"))
        self.name_edit = QLineEdit(matrix.name, self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.description_edit = QPlainTextEdit(matrix.description, self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setTabChangesFocus(True)
        self.scheme_box = _scheme_box(self, matrix.scheme.id)
        self.scheme_box.setAccessibleName(self.tr("Scheme"))
        self.scheme_note = QLabel(self)
        self.scheme_note.setObjectName("scheme-note")
        self.scheme_note.setWordWrap(True)
        self.scheme_box.currentIndexChanged.connect(self._scheme_chosen)
        self.profile_box = QComboBox(self)
        self.profile_box.setAccessibleName(self.tr("Rule profile"))
        for key in PROFILES:
            self.profile_box.addItem(_tr(PROFILE_NAMES.get(key, key)), key)
        self.profile_box.setCurrentIndex(list(PROFILES).index(matrix.settings.profile))
        self.profile_box.currentIndexChanged.connect(self._profile_chosen)
        self.settings_widgets: dict[str, QCheckBox | QSpinBox | QDoubleSpinBox] = {}
        thresholds = QGroupBox(self.tr("Checker thresholds"), self)
        limits = QFormLayout(thresholds)
        for item in fields(RuleConfig):
            default = getattr(DEFAULTS, item.name)
            widget: QCheckBox | QSpinBox | QDoubleSpinBox
            label = _tr(SETTING_NAMES.get(item.name, item.name))
            if isinstance(default, bool):
                widget = QCheckBox(label, thresholds)
                limits.addRow(widget)
            elif isinstance(default, int):
                widget = QSpinBox(thresholds)
                widget.setRange(0, 10_000)
                limits.addRow(label, widget)
            else:
                widget = QDoubleSpinBox(thresholds)
                widget.setRange(0.0, 1.0)
                widget.setSingleStep(0.05)
                widget.setDecimals(2)
                limits.addRow(label, widget)
            widget.setObjectName(f"setting-{item.name}")
            widget.setAccessibleName(label)
            self.settings_widgets[item.name] = widget
        self._show_config(matrix.settings)
        self.problem = QLabel(self)
        self.problem.setObjectName("name-problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("&Scheme:"), self.scheme_box)
        form.addRow("", self.scheme_note)
        form.addRow(self.tr("Rule &profile:"), self.profile_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(thresholds)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._scheme_chosen()

    # ------------------------------------------------------------ reading
    @property
    def scheme_id(self) -> str:
        return str(self.scheme_box.currentData())

    @property
    def profile(self) -> str:
        return str(self.profile_box.currentData())

    def _profile_config(self, profile: str) -> RuleConfig:
        return replace(DEFAULTS, **PROFILES[profile])

    def _show_config(self, settings: Settings) -> None:
        config = replace(self._profile_config(settings.profile), **settings.overrides)
        for name, widget in self.settings_widgets.items():
            value = getattr(config, name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(value)

    def _profile_chosen(self) -> None:
        """Another profile: its thresholds, the earlier choices given up (that is what it means)."""
        self._show_config(Settings(self.profile))

    def settings(self) -> Settings:
        """The profile and, as overrides, only the thresholds that differ from it."""
        base = self._profile_config(self.profile)
        overrides: dict[str, object] = {}
        for name, widget in self.settings_widgets.items():
            value: object
            if isinstance(widget, QCheckBox):
                value = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                value = widget.value()
            else:
                value = round(widget.value(), 4)
            if value != getattr(base, name):
                overrides[name] = value
        return Settings(self.profile, overrides)

    def _scheme_chosen(self) -> None:
        """Say what switching the scheme does to the cells before the user commits to it."""
        target = self.scheme_id
        if target == self.matrix.scheme.id:
            self.scheme_note.setText("")
            self.scheme_note.hide()
            return
        plan = scheme_conversion(self.matrix, target)
        text = self.tr(
            "{changed} cells get the codes of {scheme} that play the same part (A stays A, "
            "R becomes D in DACI, every code becomes ✓ in check marks)."
        ).format(changed=i18n.number(len(plan.changes)), scheme=target)
        if plan.foreign_cells:
            text += " " + self.tr(
                "{count} cells hold codes {scheme} lacks: they are kept and the checker flags them."
            ).format(count=i18n.number(plan.foreign_cells), scheme=target)
        self.scheme_note.setText(text)
        self.scheme_note.show()

    # ------------------------------------------------------------ applying
    def accept(self) -> None:
        """Make every change as one undo step, or say why the name will not do and stay open."""
        matrix = self.matrix
        name = clean_name(self.name_edit.text())
        problem = self.documents.name_problem(name, matrix)
        settings = self.settings()
        trouble = settings_problem(settings)
        if problem is not None or trouble is not None:
            self.problem.setText(refusal_text(problem) if problem is not None else str(trouble))
            self.problem.show()
            return
        self.foreign_cells = 0
        with self.editor.group(EditLabel("matrix-properties", name)):
            if name != matrix.name:
                self.editor.update_matrix(name=name)
            description = self.description_edit.toPlainText()
            if description != matrix.description:
                self.editor.update_matrix(description=description)
            if self.scheme_id != matrix.scheme.id:
                self.foreign_cells = self.editor.change_scheme(self.scheme_id).foreign_cells
            if settings != matrix.settings:
                self.editor.set_settings(settings)
        super().accept()
