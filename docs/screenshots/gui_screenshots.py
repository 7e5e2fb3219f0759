"""Regenerate the editor screenshots in this folder (offscreen, no display needed).

QT_QPA_PLATFORM=offscreen python docs/screenshots/gui_screenshots.py        # all
QT_QPA_PLATFORM=offscreen python docs/screenshots/gui_screenshots.py fa     # Persian interface only
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "bench"))

from bench_handbook import realistic_matrix  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from rolematrix.core.model import Document  # noqa: E402
from rolematrix.core.templates import get_template  # noqa: E402
from rolematrix.gui import i18n  # noqa: E402
from rolematrix.gui.gallery import StartPage  # noqa: E402
from rolematrix.gui.main_window import MainWindow  # noqa: E402
from rolematrix.gui.session import DocumentSession  # noqa: E402


def settle(app: QApplication, ms: int = 0) -> None:
    """Let the window lay out and paint; ``ms`` also waits for timers (the problems refresh)."""
    end = time.monotonic() + ms / 1000
    while True:
        for _ in range(5):
            app.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.02)


def persian_interface(app: QApplication) -> None:
    """The whole window in Persian, mirrored: a Persian matrix and an English one."""
    i18n.install("fa", app)
    shots = (("fa-am-pm", "editor-fa-ui.png"), ("sales-pm-account", "editor-fa-ui-sales.png"))
    windows = []
    for template_id, name in shots:
        template = get_template(template_id)
        window = MainWindow(DocumentSession(Document([template.build()]), title=template.title))
        window.resize(1280, 800)
        window.show()
        settle(app)
        matrix = window.matrix
        assert matrix is not None
        if template_id == "sales-pm-account":
            window.people_panel.presets.setCurrentIndex(0)
            window.people_panel.apply_selected_preset()  # "All in one": the Sales-PM conflict
        window.grid.select_cell(matrix.tasks[1].id, matrix.roles[0].id)
        settle(app, 400)
        window.grab().save(str(HERE / name))
        windows.append(window)
    for window in windows:
        window._closing_confirmed = True
        window.close()
    i18n.install("en", app)


def main() -> None:
    app = QApplication.instance() or QApplication(["rolematrix"])
    app.setOrganizationName("RoleMatrix-screenshots")
    app.setApplicationName("RoleMatrix")
    if sys.argv[1:] == ["fa"]:
        persian_interface(app)
        print("written to", HERE)
        return

    persian = MainWindow(
        DocumentSession(Document([get_template("fa-am-pm").build()]), title="fa-am-pm")
    )
    persian.resize(1280, 800)
    persian.show()
    settle(app)
    persian.grab().save(str(HERE / "editor-fa.png"))

    sales = MainWindow(
        DocumentSession(Document([get_template("sales-pm-account").build()]), title="triangle")
    )
    sales.resize(1280, 800)
    sales.show()
    sales.people_panel.presets.setCurrentIndex(0)
    sales.people_panel.apply_selected_preset()  # "All in one": shows the Sales-PM conflict
    settle(app)
    sales.docks["people"].raise_()
    settle(app, 600)  # the problems panel refreshes after a pause in editing
    sales.grab().save(str(HERE / "editor-sales-people.png"))

    big = realistic_matrix()
    window = MainWindow(DocumentSession(Document([big]), title="Company operations"))
    window.resize(1440, 900)
    window.show()
    settle(app)
    task = big.tasks[3]
    window.grid.select_cell(task.id, big.roles[5].id)
    window.grid.type_code("A")  # a second accountable: an error appears live
    settle(app)
    window.grab().save(str(HERE / "editor-500x60.png"))
    window.problems.grab().save(str(HERE / "problems-panel.png"))

    window.present()
    show = window.presentation
    assert show is not None
    settle(app)
    show.grab().save(str(HERE / "presentation.png"))
    show.close()
    persian.present()
    assert persian.presentation is not None
    settle(app)
    persian.presentation.grab().save(str(HERE / "presentation-fa.png"))
    persian.presentation.close()

    page = StartPage(
        ["/home/me/Documents/launch.rolematrix", "postgresql+psycopg://team@db/rolematrix"]
    )
    page.resize(1200, 760)
    page.show()
    settle(app)
    page.grab().save(str(HERE / "start-page.png"))
    for w in (persian, sales, window):
        w._closing_confirmed = True
        w.close()
    persian_interface(app)
    print("written to", HERE)


if __name__ == "__main__":
    main()
