"""Help inside the app: the Getting started page and the About box.

Getting started explains RACI and the checks in plain words, with the
examples the built-in templates come from (the agency account and project
managers, the sales–PM–account "triangle"), so a new user learns the method
and the tool together. It is built from short translatable paragraphs, so it
reads in the interface language and in its direction.
"""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rolematrix import __version__
from rolematrix.core.assets import resources_dir
from rolematrix.core.schemes import SCHEMES
from rolematrix.gui import i18n
from rolematrix.gui.grid_model import readable_text_colour
from rolematrix.gui.icons import app_icon
from rolematrix.gui.vocabulary import code_meaning, code_name

MIT_LICENCE = """MIT License

Copyright (c) RoleMatrix developers

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def fonts_licence() -> str:
    path = resources_dir() / "fonts" / "LICENSE-DejaVu.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return QCoreApplication.translate(
            "Help", "The licence file of the DejaVu fonts is missing from this installation."
        )


def _codes_table() -> str:
    rows = []
    for code in SCHEMES["RACI"].codes:
        text = readable_text_colour(QColor(code.colour)).name()
        rows.append(
            f'<tr><td align="center" style="background:{code.colour}; color:{text};">'
            f"<b>&nbsp;{code.letter}&nbsp;</b></td>"
            f"<td>&nbsp;<b>{html.escape(code_name(code))}</b> — {html.escape(code_meaning(code))}</td></tr>"
        )
    return '<table cellspacing="4">' + "".join(rows) + "</table>"


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def getting_started_html() -> str:
    """The Getting started page, in the interface language (HTML for a QTextBrowser)."""
    direction = "rtl" if i18n.is_right_to_left() else "ltr"
    parts = [
        "<h1>" + QCoreApplication.translate("Help", "Getting started with RoleMatrix") + "</h1>",
        "<h2>" + QCoreApplication.translate("Help", "What a responsibility matrix is") + "</h2>",
        "<p>"
        + QCoreApplication.translate(
            "Help",
            "A responsibility matrix answers one question for every piece of work: who does "
            "what? Tasks are the rows, roles are the columns, and each cell says how a role "
            "takes part in a task. RoleMatrix checks the answers as you type, so gaps and "
            "overlaps show up before they cause trouble.",
        )
        + "</p>",
        "<h2>" + QCoreApplication.translate("Help", "The four RACI codes") + "</h2>",
        _codes_table(),
        "<p>"
        + QCoreApplication.translate(
            "Help",
            "A task needs at least one role that is <b>responsible</b>: someone has to do the "
            "work. It needs exactly one role that is <b>accountable</b>: when two roles own a "
            "result, in practice nobody does. <b>Consulted</b> roles are asked before the work "
            "is done (a conversation); <b>informed</b> roles are told afterwards (a message).",
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "Help",
            "One role may hold two codes on a task: “A/R” means the role owns the task and "
            "also does it.",
        )
        + "</p>",
        "<h2>"
        + QCoreApplication.translate("Help", "An example: account and project managers")
        + "</h2>",
        "<p>"
        + QCoreApplication.translate(
            "Help",
            "In a digital agency the <b>account manager</b> owns the relationship with the "
            "client and the money: other potential projects, negotiating costs, invoices. The "
            "<b>project manager</b> owns scope, timeline and delivery: estimates, creating and "
            "delegating tasks, reporting on the project's success. Both talk to the client "
            "about the project, yet each task still needs exactly one accountable.",
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "Help",
            "As an agency article puts it, account managers decide what must be achieved for "
            "the client, and project managers decide how it gets done. The template “Account "
            "Manager vs Project Manager (RACI)” is one clean answer to start from.",
        )
        + "</p>",
        "<h2>" + QCoreApplication.translate("Help", "When two roles pull apart") + "</h2>",
        "<p>"
        + QCoreApplication.translate(
            "Help",
            "In the “triangle” of sales, project and account managers, sales wants to sell: "
            "lower estimates, bigger promises. The project manager answers for quality and "
            "cost: higher estimates, smaller promises. A person who holds both roles argues "
            "with themselves, and the client hears both voices.",
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "Help",
            "The template “Sales – PM – Account triangle” therefore declares Sales and PM a conflicting "
            "pair and comes with the article's five ways of staffing the roles. Apply them in "
            "the People panel: with “All in one” RoleMatrix reports the conflict; with the "
            "author's choice, “Sales&amp;Account + PM”, the matrix checks clean.",
        )
        + "</p>",
        "<h2>" + QCoreApplication.translate("Help", "Editing") + "</h2>",
        _list(
            [
                QCoreApplication.translate(
                    "Help",
                    "Type a code letter (R, A, C, I) in a cell. Shift+letter adds or removes "
                    "that code, Space cycles through the codes, Delete clears the cell.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "Select several cells and type to fill them all. Copy and paste work with "
                    "spreadsheets such as Excel and LibreOffice.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "Ctrl+T inserts a task, Ctrl+Shift+T a role; Ctrl+R renames the task. "
                    "Everything can be undone with Ctrl+Z.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "Ctrl+1 goes to the grid, Ctrl+2 to the problems, Ctrl+3 to Ctrl+6 to the "
                    "side panels; F6 moves from one panel to the next.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "F5 presents the matrix full screen for a workshop: the arrow keys step "
                    "through the tasks, Tab switches to the roles, Esc leaves.",
                ),
            ]
        ),
        "<h2>" + QCoreApplication.translate("Help", "The checks") + "</h2>",
        "<p>"
        + QCoreApplication.translate(
            "Help",
            "The Problems panel reads the matrix in every direction and lists what it finds "
            "while you edit:",
        )
        + "</p>",
        _list(
            [
                QCoreApplication.translate(
                    "Help",
                    "<b>Across each task:</b> some role takes part; exactly one role is "
                    "accountable; at least one is responsible, because an accountable alone "
                    "does not do the work; not too many responsible or consulted roles; not "
                    "every role involved in everything.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "<b>Down each role:</b> the role takes part somewhere; it does not carry "
                    "most of the matrix; it does or decides something rather than only being "
                    "consulted or informed.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "<b>For each person:</b> nobody holds two roles that must stay apart, such "
                    "as Sales and PM; nobody carries too much through the roles they hold; "
                    "every role that does or decides has someone holding it.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "<b>Against the template</b> the matrix came from: a task or a role of the "
                    "template is missing, or a task has a different accountable.",
                ),
                QCoreApplication.translate(
                    "Help",
                    "<b>In each cell:</b> a role that does or decides a task is not also "
                    "merely consulted or informed on it.",
                ),
            ]
        ),
        "<p>"
        + QCoreApplication.translate(
            "Help",
            "<b>Errors</b> will cause trouble; <b>warnings</b> deserve a second look; "
            "<b>remarks</b> are for information. Click a problem, or press Enter on it, to go "
            "to its cell.",
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "Help",
            "When a finding is right for your team (a committee decides, so there is no "
            "single accountable), choose <i>Accept…</i> and write the reason: the finding "
            "stays visible as accepted, and the reason goes into the exports.",
        )
        + "</p>",
    ]
    return f'<div dir="{direction}">' + "".join(parts) + "</div>"


class GettingStartedDialog(QDialog):
    """Help ▸ Getting started: the page above in a browser window that may stay open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started — RoleMatrix"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(getting_started_html())
        self.browser.setAccessibleName(self.tr("Getting started"))
        self.browser.setAccessibleDescription(
            self.tr("An introduction to responsibility matrices and the checks")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 760)


class AboutDialog(QDialog):
    """Help ▸ About RoleMatrix: version, licences (the program's and the fonts'), Qt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About RoleMatrix"))
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAccessibleName(self.tr("RoleMatrix icon"))
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setOpenExternalLinks(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.summary.setText(
            "<h2>RoleMatrix</h2>"
            + "<p>"
            + self.tr("Version {version}").format(version=__version__)
            + "</p><p>"
            + self.tr(
                "Edit and check responsibility matrices (RACI and its variants): who is "
                "responsible, accountable, consulted and informed."
            )
            + "</p><p>"
            + self.tr("Free software under the MIT licence.")
            + "</p><p>"
            + self.tr(
                "Uses Qt {qt} through PySide6 {pyside}, on Python {python}. The DejaVu fonts "
                "are used for PDF exports."
            ).format(qt=qVersion(), pyside=PYSIDE_VERSION, python=platform.python_version())
            + "</p>"
        )
        self.summary.setAccessibleName(self.tr("About RoleMatrix"))
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.summary, 1)
        about = QWidget(self)
        about.setLayout(top)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(about, self.tr("&About"))
        self.tabs.addTab(
            self._text(MIT_LICENCE, self.tr("The MIT licence of RoleMatrix")), self.tr("&Licence")
        )
        self.tabs.addTab(
            self._text(fonts_licence(), self.tr("The licence of the DejaVu fonts")),
            self.tr("&Fonts"),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        about_qt = buttons.addButton(self.tr("About &Qt"), QDialogButtonBox.ButtonRole.HelpRole)
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self, self.tr("About Qt")))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def _text(self, text: str, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setPlainText(text)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # licences are English legal text: shown as written, left to right
        view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        view.setAccessibleName(name)
        return view


__all__ = ["MIT_LICENCE", "AboutDialog", "GettingStartedDialog", "getting_started_html"]
