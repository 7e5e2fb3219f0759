"""Application entry point and the controller that opens, creates and tracks windows.

``main(argv)`` is what the launcher calls for ``rolematrix [FILE]``. The
controller owns the list of open windows, recent files and window state in
``QSettings``, and turns store and import errors into dialogs that name the
file and the problem -- the app keeps running and the file is left untouched.
It also installs the interface language (:mod:`rolematrix.gui.i18n`) and
switches it while the app runs, by rebuilding each window around its document.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from rolematrix import __version__
from rolematrix.core.model import Document
from rolematrix.core.templates import builtin_templates
from rolematrix.gui import i18n
from rolematrix.gui.autosave import Recovery, find_recoveries
from rolematrix.gui.gallery import BLANK, GalleryDialog, StartPage, blank_matrix
from rolematrix.gui.icons import app_icon
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.session import DocumentSession
from rolematrix.gui.settings import APPLICATION, ORGANISATION, settings
from rolematrix.gui.window_files import document_filter
from rolematrix.gui.workspace_address import WorkspaceAddressDialog
from rolematrix.store.targets import without_password

#: The desktop entry's name (resources/linux/): Wayland app id, task-switcher icon.
DESKTOP_FILE_NAME = "io.github.rolematrix.RoleMatrix"
MAX_RECENT = 10


def _same_target(a: str, b: str) -> bool:
    if "://" in a or "://" in b:
        return without_password(a) == without_password(b)
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def _remembered(target: str) -> str:
    """A database URL without its password; a file by its absolute, resolved path."""
    if not target or "://" in target:
        return without_password(target)
    path = Path(target).expanduser()
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


class Controller(QObject):
    """Opens documents into windows; one per document."""

    def __init__(self) -> None:
        super().__init__()
        self.windows: list[MainWindow] = []
        self.start_page: StartPage | None = None
        self.help_window: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """macOS Finder hands a double-clicked document to the app as a FileOpen event."""
        if isinstance(event, QFileOpenEvent) and event.type() == QEvent.Type.FileOpen:
            target = event.file() or event.url().toString()
            if target:
                opened = self.open_target(target, parent=self.start_page)
                if opened is None and not self.windows and self.start_page is None:
                    self.show_start_page()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ settings
    def recent_files(self) -> list[str]:
        value = settings().value("recentFiles", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def add_recent(self, target: str) -> None:
        """Remember ``target`` for File ▸ Open recent -- never with a database password.

        A file is remembered by its absolute, resolved path: the name as typed
        (``rolematrix sample.rolematrix``) would name another file, or none,
        once the app runs from another folder.
        """
        target = _remembered(target)
        if not target:
            return
        recent = [t for t in self.recent_files() if t != target]
        settings().setValue("recentFiles", [target, *recent][:MAX_RECENT])

    def _restore_window_state(self, window: MainWindow) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if geometry is not None:
            window.restoreGeometry(geometry)
        if state is not None:
            window.restoreState(state)
        zoom = store.value("window/zoom", 0)
        try:
            steps = int(zoom)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            steps = 0
        if steps:
            window.grid.zoom(steps)

    def _save_window_state(self, window: MainWindow) -> None:
        store = settings()
        store.setValue("window/geometry", window.saveGeometry())
        store.setValue("window/state", window.saveState())
        store.setValue("window/zoom", window.grid.zoom_steps)

    # ------------------------------------------------------------- windows
    def _show(self, session: DocumentSession) -> MainWindow:
        window = MainWindow(session, self)
        self._restore_window_state(window)
        self.windows.append(window)
        window.show()
        if self.start_page is not None:
            self.start_page.close()
            self.start_page = None
        return window

    def window_closed(self, window: MainWindow) -> None:
        self._save_window_state(window)
        if window in self.windows:
            self.windows.remove(window)

    def show_start_page(self) -> StartPage:
        page = StartPage(self.recent_files())
        page.template_chosen.connect(lambda template_id: self.new_from_template(template_id))
        page.open_requested.connect(
            lambda target: self.open_target(target, parent=page) if target else self.ask_open(page)
        )
        page.workspace_requested.connect(lambda: self.ask_workspace(page))
        page.help_requested.connect(lambda: self.show_getting_started(page))
        page.language_chosen.connect(self.set_language)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.start_page = page
        page.show()
        return page

    def show_getting_started(self, parent: QWidget | None = None) -> QWidget:
        """Help ▸ Getting started: one help window for the whole app, raised when open."""
        from rolematrix.gui.help import GettingStartedDialog

        if self.help_window is not None:
            self.help_window.raise_()
            self.help_window.activateWindow()
            return self.help_window
        dialog = GettingStartedDialog(None)
        dialog.destroyed.connect(lambda: setattr(self, "help_window", None))
        self.help_window = dialog
        dialog.show()
        return dialog

    # ------------------------------------------------------------ language
    def set_language(self, choice: str) -> None:
        """Remember the language choice and show every window in that language now.

        Each editor window is replaced by a new one around the same document
        session (undo history and unsaved changes carry over), in the same
        place, on the same matrix and cell; the start page is rebuilt likewise.
        """
        settings().setValue(i18n.SETTING, choice)
        language = i18n.resolve(choice)
        if language == i18n.active_language():
            return
        i18n.install(language)
        for i, old in enumerate(list(self.windows)):
            self.windows[i] = self._rebuild(old)
        if self.help_window is not None:
            self.help_window.close()
        if self.start_page is not None:
            old_page = self.start_page
            geometry = old_page.saveGeometry()
            old_page.close()
            page = self.show_start_page()
            page.restoreGeometry(geometry)

    def _rebuild(self, old: MainWindow) -> MainWindow:
        """A new window around ``old``'s session, showing exactly what ``old`` showed."""
        geometry, state = old.saveGeometry(), old.saveState()
        view = old.view_state()
        maximised = old.isMaximized()
        old.hand_over()
        old.deleteLater()
        window = MainWindow(old.session, self)
        window.restoreGeometry(geometry)
        window.restoreState(state)
        window.restore_view(view)
        if maximised:
            window.showMaximized()
        else:
            window.show()
        # the scroll ranges exist once the grid has its size and has laid out its rows
        window.restore_scroll(view)
        QTimer.singleShot(0, window, partial(window.restore_scroll, view))
        return window

    def show_gallery(self, parent: QWidget | None = None) -> MainWindow | None:
        dialog = GalleryDialog(parent)
        if dialog.exec() != GalleryDialog.DialogCode.Accepted:
            return None
        template_id = dialog.gallery.current_template_id()
        return self.new_from_template(template_id or BLANK)

    def ask_open(self, parent: QWidget | None = None) -> MainWindow | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, self.tr("Open document"), "", document_filter()
        )
        return self.open_target(path, parent=parent) if path else None

    def ask_workspace(self, parent: QWidget | None = None) -> MainWindow | None:
        dialog = WorkspaceAddressDialog(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.url():
            return None
        return self.open_target(dialog.url(), parent=parent)

    # ------------------------------------------------------------ documents
    def new_from_template(self, template_id: str | None) -> MainWindow:
        if template_id:
            template = builtin_templates()[template_id]
            matrix = template.build()
            title = template.title
        else:
            matrix = blank_matrix()
            title = self.tr("Untitled")
        return self._show(DocumentSession(Document([matrix]), title=title))

    def open_target(self, target: str, parent: QWidget | None = None) -> MainWindow | None:
        """Open a file or workspace URL in a window; errors become a dialog, never a crash."""
        from rolematrix.store import LockedError, StoreError

        for window in self.windows:
            if window.session.origin and _same_target(window.session.origin, target):
                window.raise_()
                window.activateWindow()
                return window
        shown = without_password(target)  # what messages show: never a password
        try:
            session = DocumentSession.open(target)
        except LockedError as exc:
            answer = QMessageBox.question(
                parent,
                self.tr("Document in use"),
                f"{shown}\n\n{exc}\n\n"
                + self.tr("Another window or program is editing it. Open a read-only copy?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            try:
                session = DocumentSession.open(target, readonly=True)
            except StoreError as again:
                QMessageBox.critical(parent, self.tr("Could not open"), f"{shown}\n\n{again}")
                return None
        except StoreError as exc:
            QMessageBox.critical(parent, self.tr("Could not open"), f"{shown}\n\n{exc}")
            return None
        except OSError as exc:
            QMessageBox.critical(
                parent, self.tr("Could not open"), f"{shown}\n\n{exc.strerror or exc}"
            )
            return None
        self.add_recent(str(session.origin or target))
        return self._show(session)

    def import_file(self, path: str, parent: QWidget | None = None) -> MainWindow | None:
        from rolematrix.io.dispatch import read_any
        from rolematrix.io.report import InputError

        try:
            result = read_any(path)
        except InputError as exc:
            QMessageBox.critical(parent, self.tr("Could not import"), str(exc))
            return None
        except OSError as exc:
            QMessageBox.critical(
                parent, self.tr("Could not import"), f"{path}\n\n{exc.strerror or exc}"
            )
            return None
        if not result.document.matrices:
            QMessageBox.warning(
                parent,
                self.tr("Nothing to import"),
                f"{path}\n\n" + self.tr("No matrix was found in the file."),
            )
            return None
        if result.problems:
            count = len(result.problems)
            shown = "\n".join(str(p) for p in result.problems[:40])
            more = (
                "\n" + self.tr("… and {count} more").format(count=i18n.number(count - 40))
                if count > 40
                else ""
            )
            if count == 1:
                intro = self.tr("{file}: 1 value could not be taken as it is:")
            else:
                intro = self.tr("{file}: {count} values could not be taken as they are:")
            QMessageBox.warning(
                parent,
                self.tr("Imported with problems"),
                intro.format(file=Path(path).name, count=i18n.number(count)) + f"\n\n{shown}{more}",
            )
        session = DocumentSession(result.document, title=Path(path).stem, dirty=True)
        return self._show(session)

    # ------------------------------------------------------------- recovery
    def offer_recoveries(self, parent: QWidget | None = None) -> list[MainWindow]:
        """After a crash: offer to restore each recovery copy left behind."""
        opened = []
        for recovery in find_recoveries():
            window = self._offer(recovery, parent)
            if window is not None:
                opened.append(window)
        return opened

    def _offer(self, recovery: Recovery, parent: QWidget | None) -> MainWindow | None:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(recovery.saved_at))
        name = recovery.origin or recovery.title or self.tr("an unsaved document")
        box = QMessageBox.question(
            parent,
            self.tr("Restore unsaved work?"),
            self.tr(
                "RoleMatrix was closed without saving changes to {name} (last autosaved {when})."
            ).format(name=name, when=when)
            + "\n\n"
            + self.tr("Restore them? (No throws the unsaved changes away.)"),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if box == QMessageBox.StandardButton.Cancel:
            return None
        if box != QMessageBox.StandardButton.Yes:
            recovery.discard()
            return None
        try:
            document = recovery.load()
        except Exception as exc:  # a damaged recovery copy must not stop the app starting
            QMessageBox.critical(parent, self.tr("Could not restore"), f"{recovery.path}\n\n{exc}")
            return None
        stem = (
            Path(recovery.origin).stem
            if recovery.origin and "://" not in recovery.origin
            else recovery.title
        )
        title = self.tr("{title} (recovered)").format(title=stem)
        session = DocumentSession(document, title=title, origin=recovery.origin, dirty=True)
        window = self._show(session)
        recovery.discard()
        window.autosaver.write_now()
        return window

    def quit(self) -> bool:
        """Close every window (each may ask about unsaved changes); quit when all closed."""
        for window in list(self.windows):
            if not window.close():
                return False
        if self.start_page is not None:
            self.start_page.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return True


def create_application() -> QApplication:
    """The QApplication with RoleMatrix's names, icon and interface language."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["rolematrix"])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    i18n.install_from_settings(settings(), app)
    return app


def install_crash_handler(argv: list[str]) -> None:
    """Turn an exception escaping a slot into a dialog, and keep the editor running.

    Qt hands such an exception to :data:`sys.excepthook`; Python's default
    prints it to a terminal the user may not have. It is a bug: the dialog
    says so in the same sentence the command line prints, and names the crash
    report (which, like the dialog, never holds a password).
    """
    from rolematrix.crash_report import sentence

    previous = sys.excepthook
    reporting = False

    def hook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        nonlocal reporting
        if not isinstance(exc, Exception) or reporting:
            previous(kind, exc, tb)  # type: ignore[arg-type]
            return
        reporting = True
        try:
            text = sentence(exc.with_traceback(tb), argv)  # type: ignore[arg-type]
            if sys.stderr is not None:
                print(f"rolematrix: {text}", file=sys.stderr)
            parent = QApplication.activeWindow()
            QMessageBox.critical(
                parent,
                QApplication.translate("Controller", "Internal error"),
                QApplication.translate(
                    "Controller",
                    "RoleMatrix hit a bug; your document is "
                    "still open. Save your work, then report the bug with the crash report.",
                )
                + f"\n\n{text}",
            )
        finally:
            reporting = False

    sys.excepthook = hook


class _ArgumentParser(argparse.ArgumentParser):
    """argparse echoes a bad argument, which may be an address with a password."""

    arguments: Sequence[str] = ()

    def error(self, message: str) -> NoReturn:
        from rolematrix.crash_report import scrub

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {scrub(message, self.arguments)}\n")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = _ArgumentParser(prog="rolematrix", description="RoleMatrix editor")
    parser.arguments = argv
    parser.add_argument("target", nargs="?", help="a .rolematrix file or a database URL")
    parser.add_argument("--db", help="open a shared workspace (SQLAlchemy URL)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """``rolematrix [FILE_OR_URL] [--db URL]``: the editor, or the start page."""
    args = parse_arguments(argv)
    if args.version:
        # a windowed program (rolematrix-gui on Windows) may have no stdout at all
        if sys.stdout is not None:
            print(f"rolematrix {__version__}")
        return 0
    app = create_application()
    install_crash_handler(argv)
    controller = Controller()
    app.installEventFilter(controller)
    controller.offer_recoveries()
    target = args.db or args.target
    if target:
        if controller.open_target(target) is None and not controller.windows:
            controller.show_start_page()
    elif not controller.windows:
        controller.show_start_page()
    code = app.exec()
    app.removeEventFilter(controller)
    return int(code)
