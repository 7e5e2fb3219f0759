"""The editor window's actions, declared once as data, and the menus and toolbar built from them.

Every action is one row of :data:`ACTIONS`: a stable key (``actions_by_key``,
object name ``action-<key>``), a translated text with a mnemonic, a
shortcut, a description (status tip, tool tip, What's This), a toolbar icon
drawn in the palette's text colour, the window method it calls and when it
is enabled. :data:`MENUS` says where each action sits. :class:`WindowMenus`
turns the two tables into ``QAction`` objects, menus and the toolbar; it
knows nothing of what the actions do, and the window knows nothing of how
they are reached.

The texts are marked with ``QT_TRANSLATE_NOOP`` in the ``WindowMenus``
context, which is where the catalogues have kept them all along.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar

from rolematrix.gui import i18n
from rolematrix.gui.icons import toolbar_icon
from rolematrix.gui.settings import settings

if TYPE_CHECKING:
    from rolematrix.gui.main_window import MainWindow

CONTEXT = "WindowMenus"
Std = QKeySequence.StandardKey
Shortcut = QKeySequence.StandardKey | str
Slot = Callable[["MainWindow"], object]


def plain(text: str) -> str:
    """Menu text as a screen reader should say it: no mnemonic marker, no shortcut column."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


@dataclass(frozen=True)
class ActionSpec:
    """One action of the window: what it is called, how it is reached, what it does."""

    key: str
    text: str
    slot: Slot
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    icon: str = ""
    #: when the action can be used; None: always (checked again by ``update_enabled``)
    enabled: Callable[[MainWindow], bool] | None = None
    #: a shortcut the grid handles itself, only shown in the menu's shortcut column
    shown_shortcut: QKeySequence.StandardKey | Qt.Key | None = None
    menu_role: QAction.MenuRole | None = None


def _go_to(number: int, key: str, text: str, tip: str) -> ActionSpec:
    def focus(window: MainWindow) -> None:
        window.focus_pane(key)

    return ActionSpec(f"go-{key}", text, focus, (f"Ctrl+{number}",), tip)


# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    # ---------------------------------------------------------------- File
    ActionSpec("new", str(QT_TRANSLATE_NOOP("WindowMenus", "&New from template…")),
               lambda w: w.files.new(), (Std.New,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Start a new document from a built-in template or a blank matrix")),
               icon="new"),
    ActionSpec("open", str(QT_TRANSLATE_NOOP("WindowMenus", "&Open…")),
               lambda w: w.files.open(), (Std.Open,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Open a RoleMatrix document")), icon="open"),
    ActionSpec("open-workspace", str(QT_TRANSLATE_NOOP("WindowMenus", "Open shared &workspace…")),
               lambda w: w.files.open_workspace(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Open a shared workspace on a database server"))),
    ActionSpec("refresh", str(QT_TRANSLATE_NOOP("WindowMenus", "Re&fresh from workspace")),
               lambda w: w.refresh_from_workspace(), ("Ctrl+F5",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Bring in what others saved in the shared workspace, keeping your edits")),
               enabled=lambda w: w.session.shared),
    ActionSpec("save", str(QT_TRANSLATE_NOOP("WindowMenus", "&Save")),
               lambda w: w.save(), (Std.Save,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Save the document")), icon="save"),
    ActionSpec("save-as", str(QT_TRANSLATE_NOOP("WindowMenus", "Save &as…")),
               lambda w: w.save_as(), (Std.SaveAs,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Save the document under another name or in another place"))),
    ActionSpec("save-to-workspace", str(QT_TRANSLATE_NOOP("WindowMenus", "Save to shared wor&kspace…")),
               lambda w: w.files.save_to_workspace(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Copy the matrices of this document into a shared workspace on a database server"))),
    ActionSpec("import", str(QT_TRANSLATE_NOOP("WindowMenus", "&Import…")),
               lambda w: w.files.import_file(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Read a matrix from an Excel workbook, a CSV or a JSON file"))),
    ActionSpec("export", str(QT_TRANSLATE_NOOP("WindowMenus", "&Export…")),
               lambda w: w.files.export(), ("Ctrl+E",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Write the matrix as an Excel workbook, a PDF, a CSV or a JSON file")),
               icon="export"),
    ActionSpec("export-handbook", str(QT_TRANSLATE_NOOP("WindowMenus", "Export &handbook PDF…")),
               lambda w: w.files.export(handbook=True),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Write a PDF with a chapter per role: what each role does"))),
    ActionSpec("close", str(QT_TRANSLATE_NOOP("WindowMenus", "&Close")),
               lambda w: w.close(), (Std.Close,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Close this window"))),
    ActionSpec("quit", str(QT_TRANSLATE_NOOP("WindowMenus", "&Quit")),
               lambda w: w.quit_all(), (Std.Quit,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Close every window"))),
    # ---------------------------------------------------------------- Edit
    ActionSpec("undo", str(QT_TRANSLATE_NOOP("WindowMenus", "&Undo")),
               lambda w: w.session.undo_stack.undo(), (Std.Undo,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Take back the last change")), icon="undo",
               enabled=lambda w: w.session.undo_stack.canUndo()),
    ActionSpec("redo", str(QT_TRANSLATE_NOOP("WindowMenus", "&Redo")),
               lambda w: w.session.undo_stack.redo(), (Std.Redo,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Make the change taken back again")), icon="redo",
               enabled=lambda w: w.session.undo_stack.canRedo()),
    # Cut/copy/paste/delete are handled by the grid's key handler when it has focus;
    # menu items act on the grid explicitly, without stealing its shortcuts.
    ActionSpec("cut", str(QT_TRANSLATE_NOOP("WindowMenus", "Cu&t")),
               lambda w: w.cut(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Copy the selected cells and clear them")),
               shown_shortcut=Std.Cut),
    ActionSpec("copy", str(QT_TRANSLATE_NOOP("WindowMenus", "&Copy")),
               lambda w: w.grid.copy_selection(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Copy the selected cells as tab-separated text")),
               shown_shortcut=Std.Copy),
    ActionSpec("paste", str(QT_TRANSLATE_NOOP("WindowMenus", "&Paste")),
               lambda w: w.grid.paste(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Paste codes from a spreadsheet at the selected cell")),
               shown_shortcut=Std.Paste),
    ActionSpec("clear", str(QT_TRANSLATE_NOOP("WindowMenus", "C&lear cells")),
               lambda w: w.grid.clear_selection_cells(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Remove the codes of the selected cells")),
               shown_shortcut=Qt.Key.Key_Delete),
    ActionSpec("select-all", str(QT_TRANSLATE_NOOP("WindowMenus", "Select &all")),
               lambda w: w.grid.selectAll(), (Std.SelectAll,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Select every cell of the grid"))),
    ActionSpec("insert-task", str(QT_TRANSLATE_NOOP("WindowMenus", "Insert &task")),
               lambda w: w.insert_task(), ("Ctrl+T",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Add a task below the current one")), icon="add-task"),
    ActionSpec("insert-role", str(QT_TRANSLATE_NOOP("WindowMenus", "Insert r&ole")),
               lambda w: w.insert_role(), ("Ctrl+Shift+T",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Add a role after the current column")), icon="add-role"),
    ActionSpec("insert-phase", str(QT_TRANSLATE_NOOP("WindowMenus", "Insert p&hase")),
               lambda w: w.insert_phase(), ("Ctrl+Alt+T",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Add a phase (a group of tasks) after the current one"))),
    ActionSpec("rename-task", str(QT_TRANSLATE_NOOP("WindowMenus", "Re&name task…")),
               lambda w: w.rename_task(), ("Ctrl+R",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Rename the current task"))),
    ActionSpec("rename-role", str(QT_TRANSLATE_NOOP("WindowMenus", "Rena&me role…")),
               lambda w: w.rename_role(), ("Ctrl+Shift+R",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Rename the current role"))),
    ActionSpec("rename-phase", str(QT_TRANSLATE_NOOP("WindowMenus", "Renam&e phase…")),
               lambda w: w.rename_phase(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Rename the phase of the current task"))),
    ActionSpec("move-task-up", str(QT_TRANSLATE_NOOP("WindowMenus", "Move task &up")),
               lambda w: w.move_task(-1), ("Alt+Shift+Up",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Move the current task one row up"))),
    ActionSpec("move-task-down", str(QT_TRANSLATE_NOOP("WindowMenus", "Move task do&wn")),
               lambda w: w.move_task(1), ("Alt+Shift+Down",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Move the current task one row down"))),
    ActionSpec("move-role-left", str(QT_TRANSLATE_NOOP("WindowMenus", "Move role &left")),
               lambda w: w.move_role_visually(-1), ("Alt+Shift+Left",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Move the current role one column to the left"))),
    ActionSpec("move-role-right", str(QT_TRANSLATE_NOOP("WindowMenus", "Move role &right")),
               lambda w: w.move_role_visually(1), ("Alt+Shift+Right",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Move the current role one column to the right"))),
    ActionSpec("delete-task", str(QT_TRANSLATE_NOOP("WindowMenus", "&Delete task")),
               lambda w: w.delete_tasks(), ("Ctrl+Delete",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Delete the selected tasks with their cells")),
               icon="delete"),
    ActionSpec("delete-role", str(QT_TRANSLATE_NOOP("WindowMenus", "Delete r&ole")),
               lambda w: w.delete_roles(), ("Ctrl+Shift+Delete",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Delete the selected roles with their cells"))),
    ActionSpec("delete-phase", str(QT_TRANSLATE_NOOP("WindowMenus", "Delete &phase")),
               lambda w: w.delete_phase(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Delete the current phase with its tasks"))),
    ActionSpec("find", str(QT_TRANSLATE_NOOP("WindowMenus", "&Find tasks…")),
               lambda w: w.show_find(), (Std.Find,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Show only the tasks whose name or description contains a text"))),
    # ---------------------------------------------------------------- View
    # Ctrl++ needs Shift on most layouts; browsers take the unshifted Ctrl+= too
    ActionSpec("zoom-in", str(QT_TRANSLATE_NOOP("WindowMenus", "Zoom &in")),
               lambda w: w.grid.zoom(1), (Std.ZoomIn, "Ctrl+="),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Make the grid larger"))),
    ActionSpec("zoom-out", str(QT_TRANSLATE_NOOP("WindowMenus", "Zoom &out")),
               lambda w: w.grid.zoom(-1), (Std.ZoomOut,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Make the grid smaller"))),
    ActionSpec("zoom-reset", str(QT_TRANSLATE_NOOP("WindowMenus", "&Reset zoom")),
               lambda w: w.grid.zoom(0), ("Ctrl+0",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Show the grid at its normal size"))),
    ActionSpec("collapse", str(QT_TRANSLATE_NOOP("WindowMenus", "&Collapse all phases")),
               lambda w: w.collapse_all(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Fold every phase to its header row"))),
    ActionSpec("expand", str(QT_TRANSLATE_NOOP("WindowMenus", "E&xpand all phases")),
               lambda w: w.expand_all(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Unfold every phase"))),
    _go_to(1, "grid", str(QT_TRANSLATE_NOOP("WindowMenus", "&Grid")),
           str(QT_TRANSLATE_NOOP("WindowMenus", "Put the keyboard focus on the grid"))),
    _go_to(2, "problems", str(QT_TRANSLATE_NOOP("WindowMenus", "P&roblems")),
           str(QT_TRANSLATE_NOOP("WindowMenus", "Put the keyboard focus on the problems"))),
    _go_to(3, "task", str(QT_TRANSLATE_NOOP("WindowMenus", "&Task")),
           str(QT_TRANSLATE_NOOP("WindowMenus", "Put the keyboard focus on the task panel"))),
    _go_to(4, "role", str(QT_TRANSLATE_NOOP("WindowMenus", "R&ole")),
           str(QT_TRANSLATE_NOOP("WindowMenus", "Put the keyboard focus on the role panel"))),
    _go_to(5, "duties", str(QT_TRANSLATE_NOOP("WindowMenus", "&What the role does")),
           str(QT_TRANSLATE_NOOP("WindowMenus", "Put the keyboard focus on what the role does"))),
    _go_to(6, "people", str(QT_TRANSLATE_NOOP("WindowMenus", "&People")),
           str(QT_TRANSLATE_NOOP("WindowMenus", "Put the keyboard focus on the people panel"))),
    ActionSpec("next-pane", str(QT_TRANSLATE_NOOP("WindowMenus", "&Next panel")),
               lambda w: w.cycle_pane(1), ("F6",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Move the keyboard focus to the next panel"))),
    ActionSpec("previous-pane", str(QT_TRANSLATE_NOOP("WindowMenus", "Pre&vious panel")),
               lambda w: w.cycle_pane(-1), ("Shift+F6",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Move the keyboard focus to the previous panel"))),
    ActionSpec("cell-history", str(QT_TRANSLATE_NOOP("WindowMenus", "Cell &history…")),
               lambda w: w.show_cell_history(), ("Ctrl+Alt+H",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Who changed the current cell, when, from what to what"))),
    ActionSpec("matrix-history", str(QT_TRANSLATE_NOOP("WindowMenus", "&Matrix history…")),
               lambda w: w.show_matrix_history(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Every recorded change of this matrix, newest first"))),
    ActionSpec("present", str(QT_TRANSLATE_NOOP("WindowMenus", "&Present")),
               lambda w: w.present(), ("F5",),
               str(QT_TRANSLATE_NOOP("WindowMenus", "Show the matrix full screen for a workshop, one task at a time")),
               icon="present"),
    # ---------------------------------------------------------------- Help
    ActionSpec("getting-started", str(QT_TRANSLATE_NOOP("WindowMenus", "&Getting started")),
               lambda w: w.show_getting_started(), (Std.HelpContents,),
               str(QT_TRANSLATE_NOOP("WindowMenus", "What RACI is, how to edit the matrix, and what the checks look for"))),
    ActionSpec("about", str(QT_TRANSLATE_NOOP("WindowMenus", "&About RoleMatrix")),
               lambda w: w.show_about(),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "Version, licence and the fonts' licence"))),
    ActionSpec("about-qt", str(QT_TRANSLATE_NOOP("WindowMenus", "About &Qt")),
               lambda w: QMessageBox.aboutQt(w, QCoreApplication.translate("WindowMenus", "About Qt")),
               tip=str(QT_TRANSLATE_NOOP("WindowMenus", "The version and licence of Qt")),
               menu_role=QAction.MenuRole.AboutQtRole),
)

#: Where the actions sit: (object name, title, entries) with entries an action key,
#: "-" for a separator, or a nested menu; "@recent", "@panels" and "@language" are
#: filled by the window's state (recent documents, its docks, the languages).

@dataclass(frozen=True)
class MenuSpec:
    name: str
    title: str
    entries: tuple[str | MenuSpec, ...]


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("menu-file", str(QT_TRANSLATE_NOOP("WindowMenus", "&File")), (
        "new", "open", "open-workspace", "refresh",
        MenuSpec("menu-recent", str(QT_TRANSLATE_NOOP("WindowMenus", "Open &recent")), ("@recent",)),
        "-", "save", "save-as", "save-to-workspace",
        "-", "import", "export", "export-handbook",
        "-", "close", "quit",
    )),
    MenuSpec("menu-edit", str(QT_TRANSLATE_NOOP("WindowMenus", "&Edit")), (
        "undo", "redo",
        "-", "cut", "copy", "paste", "clear", "select-all",
        "-", "insert-task", "insert-role", "insert-phase", "rename-task", "rename-role",
        "rename-phase", "move-task-up", "move-task-down", "move-role-left", "move-role-right",
        "delete-task", "delete-role", "delete-phase",
        "-", "find",
    )),
    MenuSpec("menu-view", str(QT_TRANSLATE_NOOP("WindowMenus", "&View")), (
        "zoom-in", "zoom-out", "zoom-reset", "collapse", "expand",
        "-",
        MenuSpec("menu-panels", str(QT_TRANSLATE_NOOP("WindowMenus", "&Panels")), ("@panels",)),
        MenuSpec("menu-go-to", str(QT_TRANSLATE_NOOP("WindowMenus", "&Go to")), (
            "go-grid", "go-problems", "go-task", "go-role", "go-duties", "go-people",
            "-", "next-pane", "previous-pane",
        )),
        "-", "cell-history", "matrix-history",
        "-",
        MenuSpec("menu-language", str(QT_TRANSLATE_NOOP("WindowMenus", "&Language")), ("@language",)),
        "-", "present",
    )),
    MenuSpec("menu-help", str(QT_TRANSLATE_NOOP("WindowMenus", "&Help")), (
        "getting-started", "-", "about", "about-qt",
    )),
)

#: The toolbar, left to right; None is a separator.
TOOLBAR: tuple[str | None, ...] = (
    "new", "open", "save", None, "undo", "redo", None,
    "insert-task", "insert-role", "delete-task", None, "export", "present", "show-problems",
)
# fmt: on

#: The menu texts of the panels (View ▸ Panels), the same as in View ▸ Go to.
PANE_TEXTS = {spec.key.removeprefix("go-"): spec.text for spec in ACTIONS if spec.key[:3] == "go-"}


def describe(action: QAction, tip: str) -> None:
    """Status tip, tool tip and What's This: what assistive tools read besides the text."""
    name = plain(action.text())
    description = tip or name
    action.setStatusTip(description)
    action.setWhatsThis(description)
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{name} ({shortcut})" if shortcut else name)


def key_sequences(shortcuts: Sequence[Shortcut]) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            sequences += QKeySequence.keyBindings(shortcut)
        else:
            sequences.append(QKeySequence(shortcut))
    return sequences


class WindowMenus(QObject):
    """Builds the actions, the menus and the toolbar of a window from :data:`ACTIONS`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        #: Every action of the window's menus and toolbar, by a stable key.
        self.actions_by_key: dict[str, QAction] = {}
        self._specs: dict[str, ActionSpec] = {spec.key: spec for spec in ACTIONS}
        self._icon_actions: list[tuple[QAction, str]] = []
        self._icon_style: tuple[str, bool] = ("", False)
        for spec in ACTIONS:
            self._make(spec)
        self.recent_menu: QMenu  # File ▸ Open recent, found in MENUS
        bar = window.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))
        for spec_menu in MENUS:
            self._fill(bar.addMenu(self._tr(spec_menu.title)), spec_menu)
        self.undo_action = self.actions_by_key["undo"]
        self.redo_action = self.actions_by_key["redo"]
        stack = window.session.undo_stack
        # the menu names the change ("Undo Set A"); the toolbar button keeps its short name
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self._undo_text_changed(stack.undoText())
        self._redo_text_changed(stack.redoText())
        self.toolbar = self._build_toolbar()
        self.update_enabled()

    @staticmethod
    def _tr(text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    def _make(self, spec: ActionSpec) -> QAction:
        window = self._window
        text = self._tr(spec.text)
        if isinstance(spec.shown_shortcut, QKeySequence.StandardKey):
            text += "\t" + QKeySequence(spec.shown_shortcut).toString()
        elif spec.shown_shortcut is not None:
            shown = QKeySequence(spec.shown_shortcut)
            text += "\t" + shown.toString(QKeySequence.SequenceFormat.NativeText)
        action = QAction(text, window)
        action.setObjectName(f"action-{spec.key}")
        if spec.shortcuts:
            action.setShortcuts(key_sequences(spec.shortcuts))
        describe(action, self._tr(spec.tip) if spec.tip else "")
        slot = spec.slot
        action.triggered.connect(lambda checked=False: slot(window))
        if spec.menu_role is not None:
            action.setMenuRole(spec.menu_role)
        if spec.icon:
            self._icon_actions.append((action, spec.icon))
        self.actions_by_key[spec.key] = action
        return action

    def _fill(self, menu: QMenu, spec: MenuSpec) -> None:
        menu.setObjectName(spec.name)
        for entry in spec.entries:
            if isinstance(entry, MenuSpec):
                self._fill(menu.addMenu(self._tr(entry.title)), entry)
            elif entry == "-":
                menu.addSeparator()
            elif entry == "@recent":
                self.recent_menu = menu
                menu.aboutToShow.connect(self._window.files.fill_recent)
            elif entry == "@panels":
                self._fill_panels(menu)
            elif entry == "@language":
                self._fill_languages(menu)
            else:
                menu.addAction(self.actions_by_key[entry])

    def update_enabled(self) -> None:
        """Enable each action whose condition holds now (after a save, a refresh, an edit)."""
        for key, spec in self._specs.items():
            if spec.enabled is not None:
                self.actions_by_key[key].setEnabled(spec.enabled(self._window))

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(
            self.tr("&Undo {change}").format(change=text) if text else self.tr("&Undo")
        )
        describe(self.undo_action, self.tr("Take back the last change"))

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(
            self.tr("&Redo {change}").format(change=text) if text else self.tr("&Redo")
        )
        describe(self.redo_action, self.tr("Make the change taken back again"))

    def _fill_panels(self, menu: QMenu) -> None:
        for key, dock in self._window.docks.items():
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"action-show-{key}")
            toggle.setText(self._tr(PANE_TEXTS[key]))
            describe(
                toggle, self.tr("Show or hide the {panel} panel").format(panel=dock.windowTitle())
            )
            menu.addAction(toggle)
            self.actions_by_key[f"show-{key}"] = toggle
        self._icon_actions.append((self._window.docks["problems"].toggleViewAction(), "problems"))

    def _fill_languages(self, menu: QMenu) -> None:
        window = self._window
        group = QActionGroup(window)
        group.setExclusive(True)
        choice = i18n.stored_choice(settings())
        options = [(i18n.SYSTEM, self.tr("&System language"))]
        options += [(code, language.native_name) for code, language in i18n.LANGUAGES.items()]
        for code, text in options:
            action = QAction(text, window)
            action.setObjectName(f"action-language-{code}")
            action.setCheckable(True)
            action.setChecked(code == choice)
            describe(
                action,
                self.tr("Use the language of the system")
                if code == i18n.SYSTEM
                else self.tr("Show RoleMatrix in {language}").format(
                    language=i18n.LANGUAGES[code].native_name
                ),
            )
            action.triggered.connect(lambda checked=False, c=code: window.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.actions_by_key[f"language-{code}"] = action

    def _build_toolbar(self) -> QToolBar:
        window = self._window
        toolbar = QToolBar(self.tr("Main toolbar"), window)
        toolbar.setObjectName("toolbar-main")
        toolbar.setAccessibleName(self.tr("Main toolbar"))
        toolbar.setMovable(True)
        for key in TOOLBAR:
            if key is None:
                toolbar.addSeparator()
                continue
            action = self.actions_by_key[key]
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(plain(action.text()))
                button.setAccessibleDescription(action.statusTip())
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar

    def refresh_icons(self) -> None:
        """Draw the toolbar icons in the palette's text colour (again after a palette change)."""
        window = self._window
        palette = window.palette()
        colour = palette.color(palette.ColorGroup.Active, palette.ColorRole.WindowText).name()
        rtl = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if (colour, rtl) == self._icon_style:
            return
        self._icon_style = (colour, rtl)
        for action, name in self._icon_actions:
            action.setIcon(toolbar_icon(name, palette, rtl))
