"""The editor window's menus, toolbar and keyboard navigation between its panes.

A mixin of :class:`rolematrix.gui.main_window.MainWindow`, kept apart so the
window's own module holds what the window does, and this one how it is
reached. Every action gets a stable key (``actions_by_key``), a translated
text with a mnemonic, a description (status tip, tool tip, What's This) and,
on the toolbar, an icon drawn in the palette's text colour; the grid and each
panel can be reached with Ctrl+1 … Ctrl+6 and F6.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QToolBar, QWidget

from rolematrix.gui import i18n
from rolematrix.gui.icons import toolbar_icon
from rolematrix.gui.settings import settings


def plain(text: str) -> str:
    """Menu text as a screen reader should say it: no mnemonic marker, no shortcut column."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class WindowMenus:
    """Builds the menus and the toolbar of a MainWindow; moves the focus between its panes."""

    def _action(
        self,
        menu: QMenu | None,
        key: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        icon: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action-{key}")
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        self._describe(action, tip)
        action.triggered.connect(lambda checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        else:
            self.addAction(action)  # reachable by its shortcut alone
        if icon:
            self._icon_actions.append((action, icon))
        self.actions_by_key[key] = action
        return action

    @staticmethod
    def _describe(action: QAction, tip: str) -> None:
        """Status tip, tool tip and What's This: what assistive tools read besides the text."""
        name = plain(action.text())
        description = tip or name
        action.setStatusTip(description)
        action.setWhatsThis(description)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{name} ({shortcut})" if shortcut else name)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))
        std = QKeySequence.StandardKey
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu-file")
        self.file_menu = file_menu
        self._action(
            file_menu,
            "new",
            self.tr("&New from template…"),
            self._new,
            std.New,
            self.tr("Start a new document from a built-in template or a blank matrix"),
            icon="new",
        )
        self._action(
            file_menu,
            "open",
            self.tr("&Open…"),
            self._open,
            std.Open,
            self.tr("Open a RoleMatrix document"),
            icon="open",
        )
        self._action(
            file_menu,
            "open-workspace",
            self.tr("Open shared &workspace…"),
            self._open_workspace,
            tip=self.tr("Open a shared workspace on a database server"),
        )
        self._action(
            file_menu,
            "refresh",
            self.tr("Re&fresh from workspace"),
            self.refresh_from_workspace,
            "Ctrl+F5",
            self.tr("Bring in what others saved in the shared workspace, keeping your edits"),
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("menu-recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.save_action = self._action(
            file_menu,
            "save",
            self.tr("&Save"),
            self.save,
            std.Save,
            self.tr("Save the document"),
            icon="save",
        )
        self._action(
            file_menu,
            "save-as",
            self.tr("Save &as…"),
            self.save_as,
            std.SaveAs,
            self.tr("Save the document under another name or in another place"),
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            "import",
            self.tr("&Import…"),
            self._import,
            tip=self.tr("Read a matrix from an Excel workbook, a CSV or a JSON file"),
        )
        self._action(
            file_menu,
            "export",
            self.tr("&Export…"),
            self._export,
            "Ctrl+E",
            self.tr("Write the matrix as an Excel workbook, a PDF, a CSV or a JSON file"),
            icon="export",
        )
        self._action(
            file_menu,
            "export-handbook",
            self.tr("Export &handbook PDF…"),
            lambda: self._export(handbook=True),
            tip=self.tr("Write a PDF with a chapter per role: what each role does"),
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            "close",
            self.tr("&Close"),
            self.close,
            std.Close,
            self.tr("Close this window"),
        )
        self._action(
            file_menu, "quit", self.tr("&Quit"), self._quit, std.Quit, self.tr("Close every window")
        )

        edit = bar.addMenu(self.tr("&Edit"))
        edit.setObjectName("menu-edit")
        stack = self.session.undo_stack
        self.undo_action = self._action(
            edit,
            "undo",
            self.tr("&Undo"),
            stack.undo,
            std.Undo,
            self.tr("Take back the last change"),
            icon="undo",
        )
        self.redo_action = self._action(
            edit,
            "redo",
            self.tr("&Redo"),
            stack.redo,
            std.Redo,
            self.tr("Make the change taken back again"),
            icon="redo",
        )
        # the menu names the change ("Undo Set A"); the toolbar button keeps its short name
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self._undo_text_changed(stack.undoText())
        self._redo_text_changed(stack.redoText())
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        edit.addSeparator()
        # Cut/copy/paste/delete are handled by the grid's key handler when it has focus;
        # menu items act on the grid explicitly, without stealing its shortcuts.
        self._action(
            edit,
            "cut",
            self.tr("Cu&t") + "\t" + QKeySequence(std.Cut).toString(),
            self._cut,
            tip=self.tr("Copy the selected cells and clear them"),
        )
        self._action(
            edit,
            "copy",
            self.tr("&Copy") + "\t" + QKeySequence(std.Copy).toString(),
            self.grid.copy_selection,
            tip=self.tr("Copy the selected cells as tab-separated text"),
        )
        self._action(
            edit,
            "paste",
            self.tr("&Paste") + "\t" + QKeySequence(std.Paste).toString(),
            self.grid.paste,
            tip=self.tr("Paste codes from a spreadsheet at the selected cell"),
        )
        self._action(
            edit,
            "clear",
            self.tr("C&lear cells")
            + "\t"
            + QKeySequence(Qt.Key.Key_Delete).toString(QKeySequence.SequenceFormat.NativeText),
            self.grid.clear_selection_cells,
            tip=self.tr("Remove the codes of the selected cells"),
        )
        self._action(
            edit,
            "select-all",
            self.tr("Select &all"),
            self.grid.selectAll,
            std.SelectAll,
            self.tr("Select every cell of the grid"),
        )
        edit.addSeparator()
        self._action(
            edit,
            "insert-task",
            self.tr("Insert &task"),
            self.insert_task,
            "Ctrl+T",
            self.tr("Add a task below the current one"),
            icon="add-task",
        )
        self._action(
            edit,
            "insert-role",
            self.tr("Insert r&ole"),
            self.insert_role,
            "Ctrl+Shift+T",
            self.tr("Add a role after the current column"),
            icon="add-role",
        )
        self._action(
            edit,
            "insert-phase",
            self.tr("Insert p&hase"),
            self.insert_phase,
            "Ctrl+Alt+T",
            self.tr("Add a phase (a group of tasks) after the current one"),
        )
        self._action(
            edit,
            "rename-task",
            self.tr("Re&name task…"),
            self.rename_task,
            "Ctrl+R",
            self.tr("Rename the current task"),
        )
        self._action(
            edit,
            "rename-role",
            self.tr("Rena&me role…"),
            self.rename_role,
            "Ctrl+Shift+R",
            self.tr("Rename the current role"),
        )
        self._action(
            edit,
            "rename-phase",
            self.tr("Renam&e phase…"),
            self.rename_phase,
            tip=self.tr("Rename the phase of the current task"),
        )
        self._action(
            edit,
            "move-task-up",
            self.tr("Move task &up"),
            lambda: self.move_task(-1),
            "Alt+Shift+Up",
            self.tr("Move the current task one row up"),
        )
        self._action(
            edit,
            "move-task-down",
            self.tr("Move task do&wn"),
            lambda: self.move_task(1),
            "Alt+Shift+Down",
            self.tr("Move the current task one row down"),
        )
        self._action(
            edit,
            "move-role-left",
            self.tr("Move role &left"),
            lambda: self.move_role_visually(-1),
            "Alt+Shift+Left",
            self.tr("Move the current role one column to the left"),
        )
        self._action(
            edit,
            "move-role-right",
            self.tr("Move role &right"),
            lambda: self.move_role_visually(1),
            "Alt+Shift+Right",
            self.tr("Move the current role one column to the right"),
        )
        self._action(
            edit,
            "delete-task",
            self.tr("&Delete task"),
            self.delete_tasks,
            "Ctrl+Delete",
            self.tr("Delete the selected tasks with their cells"),
            icon="delete",
        )
        self._action(
            edit,
            "delete-role",
            self.tr("Delete r&ole"),
            self.delete_roles,
            "Ctrl+Shift+Delete",
            self.tr("Delete the selected roles with their cells"),
        )
        self._action(
            edit,
            "delete-phase",
            self.tr("Delete &phase"),
            self.delete_phase,
            tip=self.tr("Delete the current phase with its tasks"),
        )
        edit.addSeparator()
        self._action(
            edit,
            "find",
            self.tr("&Find tasks…"),
            self.show_find,
            std.Find,
            self.tr("Show only the tasks whose name or description contains a text"),
        )

        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("menu-view")
        zoom_in = self._action(
            view,
            "zoom-in",
            self.tr("Zoom &in"),
            lambda: self.grid.zoom(1),
            std.ZoomIn,
            self.tr("Make the grid larger"),
        )
        # Ctrl++ needs Shift on most layouts; browsers take the unshifted Ctrl+= too
        zoom_in.setShortcuts([*zoom_in.shortcuts(), QKeySequence("Ctrl+=")])
        self._action(
            view,
            "zoom-out",
            self.tr("Zoom &out"),
            lambda: self.grid.zoom(-1),
            std.ZoomOut,
            self.tr("Make the grid smaller"),
        )
        self._action(
            view,
            "zoom-reset",
            self.tr("&Reset zoom"),
            lambda: self.grid.zoom(0),
            "Ctrl+0",
            self.tr("Show the grid at its normal size"),
        )
        self._action(
            view,
            "collapse",
            self.tr("&Collapse all phases"),
            self._collapse_all,
            tip=self.tr("Fold every phase to its header row"),
        )
        self._action(
            view,
            "expand",
            self.tr("E&xpand all phases"),
            self._expand_all,
            tip=self.tr("Unfold every phase"),
        )
        view.addSeparator()
        panels = view.addMenu(self.tr("&Panels"))
        panels.setObjectName("menu-panels")
        for key, dock in self.docks.items():
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"action-show-{key}")
            toggle.setText(self._pane_titles()[key])
            self._describe(
                toggle, self.tr("Show or hide the {panel} panel").format(panel=dock.windowTitle())
            )
            panels.addAction(toggle)
            self.actions_by_key[f"show-{key}"] = toggle
        self._icon_actions.append((self.docks["problems"].toggleViewAction(), "problems"))
        self._build_go_to(view.addMenu(self.tr("&Go to")))
        view.addSeparator()
        self._action(
            view,
            "cell-history",
            self.tr("Cell &history…"),
            self.show_cell_history,
            "Ctrl+Alt+H",
            self.tr("Who changed the current cell, when, from what to what"),
        )
        self._action(
            view,
            "matrix-history",
            self.tr("&Matrix history…"),
            self.show_matrix_history,
            tip=self.tr("Every recorded change of this matrix, newest first"),
        )
        view.addSeparator()
        self._build_language_menu(view.addMenu(self.tr("&Language")))
        view.addSeparator()
        self._action(
            view,
            "present",
            self.tr("&Present"),
            self.present,
            "F5",
            self.tr("Show the matrix full screen for a workshop, one task at a time"),
            icon="present",
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu-help")
        self._action(
            help_menu,
            "getting-started",
            self.tr("&Getting started"),
            self.show_getting_started,
            std.HelpContents,
            self.tr("What RACI is, how to edit the matrix, and what the checks look for"),
        )
        help_menu.addSeparator()
        self._action(
            help_menu,
            "about",
            self.tr("&About RoleMatrix"),
            self.show_about,
            tip=self.tr("Version, licence and the fonts' licence"),
        )
        about_qt = self._action(
            help_menu,
            "about-qt",
            self.tr("About &Qt"),
            lambda: QMessageBox.aboutQt(self, self.tr("About Qt")),
            tip=self.tr("The version and licence of Qt"),
        )
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(
            self.tr("&Undo {change}").format(change=text) if text else self.tr("&Undo")
        )
        self._describe(self.undo_action, self.tr("Take back the last change"))

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(
            self.tr("&Redo {change}").format(change=text) if text else self.tr("&Redo")
        )
        self._describe(self.redo_action, self.tr("Make the change taken back again"))

    def _pane_titles(self) -> dict[str, str]:
        """Menu texts (with mnemonics) of the grid and the panels."""
        return {
            "grid": self.tr("&Grid"),
            "problems": self.tr("P&roblems"),
            "task": self.tr("&Task"),
            "role": self.tr("R&ole"),
            "duties": self.tr("&What the role does"),
            "people": self.tr("&People"),
        }

    def _build_go_to(self, menu: QMenu) -> None:
        """Ctrl+1 … Ctrl+6 put the keyboard focus on the grid or a panel; F6 moves on."""
        menu.setObjectName("menu-go-to")
        titles = self._pane_titles()
        targets = [
            ("grid", self.tr("Put the keyboard focus on the grid")),
            ("problems", self.tr("Put the keyboard focus on the problems")),
            ("task", self.tr("Put the keyboard focus on the task panel")),
            ("role", self.tr("Put the keyboard focus on the role panel")),
            ("duties", self.tr("Put the keyboard focus on what the role does")),
            ("people", self.tr("Put the keyboard focus on the people panel")),
        ]
        for number, (key, tip) in enumerate(targets, start=1):
            text = titles[key]
            self._action(
                menu,
                f"go-{key}",
                text,
                lambda k=key: self.focus_pane(k),
                f"Ctrl+{number}",
                tip,
            )
        menu.addSeparator()
        self._action(
            menu,
            "next-pane",
            self.tr("&Next panel"),
            lambda: self.cycle_pane(1),
            "F6",
            self.tr("Move the keyboard focus to the next panel"),
        )
        self._action(
            menu,
            "previous-pane",
            self.tr("Pre&vious panel"),
            lambda: self.cycle_pane(-1),
            "Shift+F6",
            self.tr("Move the keyboard focus to the previous panel"),
        )

    def _build_language_menu(self, menu: QMenu) -> None:
        menu.setObjectName("menu-language")
        group = QActionGroup(self)
        group.setExclusive(True)
        choice = i18n.stored_choice(settings())
        options = [(i18n.SYSTEM, self.tr("&System language"))]
        options += [(code, language.native_name) for code, language in i18n.LANGUAGES.items()]
        for code, text in options:
            action = QAction(text, self)
            action.setObjectName(f"action-language-{code}")
            action.setCheckable(True)
            action.setChecked(code == choice)
            self._describe(
                action,
                self.tr("Use the language of the system")
                if code == i18n.SYSTEM
                else self.tr("Show RoleMatrix in {language}").format(
                    language=i18n.LANGUAGES[code].native_name
                ),
            )
            action.triggered.connect(lambda checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.actions_by_key[f"language-{code}"] = action

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("toolbar-main")
        toolbar.setAccessibleName(self.tr("Main toolbar"))
        toolbar.setMovable(True)
        keys = [
            "new",
            "open",
            "save",
            None,
            "undo",
            "redo",
            None,
            "insert-task",
            "insert-role",
            "delete-task",
            None,
            "export",
            "present",
            "show-problems",
        ]
        for key in keys:
            if key is None:
                toolbar.addSeparator()
                continue
            action = self.actions_by_key[key]
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(plain(action.text()))
                button.setAccessibleDescription(action.statusTip())
        self.toolbar = toolbar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _refresh_icons(self) -> None:
        """Draw the toolbar icons in the palette's text colour (again after a palette change)."""
        palette = self.palette()
        colour = palette.color(palette.ColorGroup.Active, palette.ColorRole.WindowText).name()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if (colour, rtl) == self._icon_style:
            return
        self._icon_style = (colour, rtl)
        for action, name in self._icon_actions:
            action.setIcon(toolbar_icon(name, palette, rtl))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.LayoutDirectionChange,
        ):
            self._refresh_icons()
        super().changeEvent(event)

    # ----------------------------------------------------------- keyboard
    def _pane_widgets(self) -> list[tuple[str, QWidget]]:
        panes: list[tuple[str, QWidget]] = [("grid", self.grid)]
        panes += [(key, dock.widget()) for key, dock in self.docks.items()]
        return panes

    def focus_pane(self, key: str) -> None:
        """Show a panel (raising it over the panels tabbed with it) and put the focus in it."""
        if key == "grid":
            self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        widget = dock.widget()
        target = {
            "problems": self.problems.tree,
            "task": self.task_panel.name,
            "role": self.role_panel.name,
            "duties": self.duties_panel.tree,
            "people": self.people_panel.people,
        }.get(key, widget)
        if not target.isEnabled():
            target = widget  # nothing selected to edit: the panel itself takes the focus
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_pane(self) -> str:
        focus = QApplication.focusWidget()
        for key, widget in self._pane_widgets():
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                return key
        return "grid"

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6: on to the next visible panel, as in most desktop applications."""
        keys = [k for k, _ in self._pane_widgets() if k == "grid" or self.docks[k].isVisible()]
        current = self.current_pane()
        index = keys.index(current) if current in keys else 0
        self.focus_pane(keys[(index + step) % len(keys)])
