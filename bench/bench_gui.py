"""Editor figures of SPEC section 9: cold start, opening the large document, one edit, memory.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--edits 200] [--open-runs 3]

Cold start runs in a fresh interpreter (``python -c``) and counts from the
moment the parent launches it until the main window on a realistic 500x60
document has been shown and painted; it is broken down into starting Python,
importing Qt and the editor, opening the document (store, load, window) and
painting, and says whether SQLAlchemy was imported on the way (it should not
be: opening a file reads it through sqlite3). The other figures run in this
process, on the 5,000 x 200 document (a quarter of the cells filled), opened
as the editor opens it: staged, the first rows' cells before the first paint,
SQLite's check of the file and the other cells right after it. The ratio
printed is openpyxl's read-only read of the same matrix from an .xlsx over
our open + window + first paint, both measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from large import build_size, figure
from PySide6.QtCore import QEvent, QObject, QTimer

import rolematrix
from rolematrix.core.model import Document
from rolematrix.store import DocumentStore

CHILD = r"""
import json, sys, time
began = time.time()
from PySide6.QtWidgets import QApplication
from rolematrix.gui.app import Controller, create_application
imported = time.time()
app = create_application()
from PySide6.QtCore import QEvent, QObject, QTimer
class Stamp(QObject):
    painted = []
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            QTimer.singleShot(0, lambda: self.painted.append(time.time()))
        return False
stamp = Stamp()
window = Controller().open_target(sys.argv[1])
opened = time.time()
assert window is not None
window.grid.viewport().installEventFilter(stamp)
while not stamp.painted and time.time() - began < 30:
    app.processEvents()  # until the grid has really been painted on screen
shown = stamp.painted[0]
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic"})
print(json.dumps([began, imported, opened, shown, heavy]))
window._closing_confirmed = True
"""


def rss_mb() -> float:
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cold_start(path: Path, runs: int) -> tuple[float, str]:
    """Median seconds from launch to the painted window, and the medians of its parts."""
    parts: list[list[float]] = [[], [], [], [], []]
    heavy: list[str] = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        began, imported, opened, shown, heavy = json.loads(out.stdout.strip().splitlines()[-1])
        for sink, seconds in zip(
            parts,
            (began - start, imported - began, opened - imported, shown - opened, shown - start),
            strict=True,
        ):
            sink.append(seconds)
    python, qt, opening, painting, total = (median(p) * 1000 for p in parts)
    detail = (
        f"{'':4}python {python:.0f} ms + import Qt and editor {qt:.0f} ms + open (store, load, "
        f"window) {opening:.0f} ms + paint {painting:.0f} ms; "
        f"imported {', '.join(heavy) or 'neither SQLAlchemy nor Alembic'}"
    )
    return total / 1000, detail


class PaintStamp(QObject):
    """Appends the time at which ``widget``'s first paint has finished."""

    def __init__(self, widget: QObject, stamps: list[float]) -> None:
        super().__init__(widget)
        self.stamps = stamps
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.stamps:
            QTimer.singleShot(0, lambda: self.stamps.append(time.perf_counter()))
        return False


def openpyxl_read(document: Document, path: Path) -> float:
    """Seconds openpyxl (read-only) takes to read every cell of the matrix from an .xlsx.

    The workbook is our own export of the same document; reading it with
    openpyxl is what a user's script would do with a spreadsheet kept in Excel.
    """
    import openpyxl

    from rolematrix.io.xlsx_workbook import write_xlsx

    if not path.exists():
        write_xlsx(document, path)
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells += sum(1 for value in row if value is not None)
    book.close()
    assert cells > 0
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200, help="cell edits to time (median)")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold starts to time (median)")
    parser.add_argument(
        "--open-runs", type=int, default=3, help="opens of the large document to time (median)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rolematrix-bench-gui-"))

    realistic = folder / "realistic.rolematrix"
    DocumentStore.create(realistic, Document([build_size("realistic")])).close()
    cold, detail = cold_start(realistic, args.cold_runs)
    figure("cold start to shown window, 500x60 (median)", cold, "< 800 ms")
    print(detail)
    if not any(Path(rolematrix.__file__).parent.glob("**/__pycache__/*.pyc")):
        # with PYTHONDONTWRITEBYTECODE set, every start compiles the editor from source
        # (a few hundred ms here); an installed or frozen app never does
        print(
            f"{'':4}note: rolematrix has no compiled bytecode, so each start above compiled it; "
            "run `python -m compileall -q rolematrix` first for figures like an installed app's"
        )

    large = folder / "large.rolematrix"
    DocumentStore.create(large, Document([build_size("large")])).close()

    from PySide6.QtWidgets import QApplication

    from rolematrix.gui.app import create_application
    from rolematrix.gui.main_window import MainWindow
    from rolematrix.gui.session import DocumentSession

    app = create_application()
    app.setOrganizationName("RoleMatrix-bench")
    base_rss = rss_mb()

    def open_large() -> tuple[MainWindow, float, float, float]:
        """A window on the large document as the editor opens it; seconds to the end of
        the load, of the first paint, and of the full check."""
        start = time.perf_counter()
        session = DocumentSession.open(str(large), staged=True)  # as the Controller does
        loaded = time.perf_counter()
        window = MainWindow(session)
        window.resize(1400, 900)
        grid_painted: list[float] = []
        # installed after the window's own, so it runs first: stamps the moment the grid's
        # first paint has finished, before the deferred check of a large matrix starts
        PaintStamp(window.grid.viewport(), grid_painted)
        window.show()
        session.guard_input()  # as the Controller does
        deadline = time.perf_counter() + 10
        while not grid_painted and time.perf_counter() < deadline:
            QApplication.processEvents()  # until the grid has really been painted
        painted = grid_painted[0] if grid_painted else float("nan")
        while window._pending_check is not None and time.perf_counter() < deadline:
            QApplication.processEvents()
        checked = time.perf_counter()
        assert not session.loading and session.load_error is None
        return window, loaded - start, painted - start, checked - start

    # alternately, so that a busy machine slows both alike; medians
    loads: list[float] = []
    paints: list[float] = []
    checks: list[float] = []
    baselines: list[float] = []
    window: MainWindow | None = None
    rss_open = float("nan")
    for run in range(args.open_runs):
        if window is not None:
            window._closing_confirmed = True
            window.close()
            window.session.close()
            window.deleteLater()
            QApplication.processEvents()
        window, loaded, painted, checked = open_large()
        if run == 0:
            rss_open = rss_mb()  # one document open (later runs reuse freed memory unevenly)
        loads.append(loaded)
        paints.append(painted)
        checks.append(checked)
        baselines.append(openpyxl_read(window.session.document, folder / "large.xlsx"))
    assert window is not None
    painted = median(paints)
    baseline = median(baselines)
    runs = f"median of {args.open_runs}"
    figure(f"open 5000x200: load from file (first rows' cells), {runs}", median(loads))
    figure("open 5000x200: load + window + first paint", painted, "< 1000 ms")
    figure("open 5000x200: ... + the other cells, full check, problems", median(checks))
    figure(f"baseline: openpyxl read-only reads the same matrix from xlsx, {runs}", baseline)
    print(
        f"{'openpyxl / ours (open + first paint)':48} {baseline / painted:9.1f} x    target >= 5 x"
    )

    matrix = window.matrix
    assert matrix is not None and window.model is not None
    grid = window.grid
    times = []
    letters = "RACI"
    for i in range(args.edits):
        task = matrix.tasks[(i * 37) % 40]
        role = matrix.roles[(i * 7) % 12]
        grid.select_cell(task.id, role.id)
        QApplication.processEvents()
        begin = time.perf_counter()
        grid.type_code(letters[i % 4])  # undo command, incremental re-check, model signal
        grid.viewport().repaint(grid.visualRect(grid.currentIndex()))  # paint it now
        QApplication.processEvents()
        times.append(time.perf_counter() - begin)
    figure("one cell edit + re-check + repaint (median)", median(times), "< 16 ms")
    figure("one cell edit, 95th percentile", sorted(times)[int(len(times) * 0.95)])
    findings = len(window.problems.findings())
    refresh = []
    for _ in range(20):
        begin = time.perf_counter()
        window.problems.refresh()
        refresh.append(time.perf_counter() - begin)
    figure(f"problems panel refresh, {findings} findings (after a pause)", median(refresh))
    print(
        f"{'RSS with the large document open':48} {rss_open:9.1f} MB   (before opening {base_rss:.1f} MB; "
        f"after {args.open_runs} opens and the edits {rss_mb():.1f} MB)   target < 300 MB"
    )
    window._closing_confirmed = True
    window.close()


if __name__ == "__main__":
    main()
