"""Select all + one letter on the 5,000 x 200 matrix, and its undo (SPEC section 9, issue 12).

    QT_QPA_PLATFORM=offscreen python bench/bench_bulk.py [--profile type|undo] [--repeat 2]

Drives a real :class:`MainWindow` offscreen as a user would: Ctrl+A on the
grid, then one letter through the grid's ``keyPressEvent``; waits until the
problems panel and the counts have been refreshed and the viewport repainted
(events processed until idle, the viewport grabbed), then undoes through the
undo stack. Each step is timed (wall clock) and its resident memory growth
taken from /proc/self/status. The baseline, measured in the same run, is a
full check of the same matrix -- what the editor must at least do after
changing every cell.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from large import build_size, figure
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from rolematrix.core.checker import check
from rolematrix.core.model import Document
from rolematrix.store import DocumentStore


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory now (VmRSS) or at its peak since the last :func:`reset_peak` (VmHWM)."""
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak() -> bool:
    """Start VmHWM afresh (Linux: writing 5 to clear_refs); False where that is refused."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=("type", "undo"), help="cProfile one step")
    parser.add_argument("--repeat", type=int, default=2, help="set + undo rounds to time")
    parser.add_argument(
        "--save", action="store_true", help="also time saving the file after the edit (Ctrl+S)"
    )
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from rolematrix.gui.app import create_application
    from rolematrix.gui.main_window import MainWindow
    from rolematrix.gui.session import DocumentSession

    folder = Path(tempfile.mkdtemp(prefix="rolematrix-bench-bulk-"))
    large = folder / "large.rolematrix"
    DocumentStore.create(large, Document([build_size("large")])).close()

    app = create_application()
    app.setOrganizationName("RoleMatrix-bench")
    session = DocumentSession.open(str(large))
    window = MainWindow(session)
    window.resize(1400, 900)
    window.show()
    grid = window.grid
    deadline = time.perf_counter() + 30
    while window._pending_check is not None and time.perf_counter() < deadline:
        QApplication.processEvents()
    matrix = window.matrix
    assert matrix is not None
    cells = len(matrix.tasks) * len(matrix.roles)
    counts: list[dict[str, int]] = []
    window.problems.counts_changed.connect(counts.append)

    def settle() -> None:
        """Until the problems panel and counts are current and the grid is painted."""
        timer = window.problems._refresh_timer
        while True:
            QApplication.processEvents()
            if not timer.isActive():
                break
            time.sleep(0.001)
        QApplication.processEvents()
        grid.viewport().grab()  # paints the visible cells now

    settle()
    start = time.perf_counter()
    check(matrix)
    baseline = time.perf_counter() - start

    def step(label: str, action: Callable[[], None], target: str, profile: bool) -> None:
        gc.collect()
        before = rss_mb()
        peak_known = reset_peak()
        counts.clear()
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        action()
        settle()
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
        after = rss_mb()
        peak_note = f"RSS {before:.0f} -> {after:.0f} MB (+{after - before:.0f} MB)"
        if peak_known:
            peak_note += f", peak +{rss_mb('VmHWM') - before:.0f} MB"
        figure(label, seconds, target, ("full check", baseline))
        print(f"{'':4}{peak_note}   target growth < 100 MB; counts {counts[-1:]}", flush=True)
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)

    def select_all_and_type() -> None:
        grid.setFocus()
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        grid.keyPressEvent(press)
        letter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_I, Qt.KeyboardModifier.NoModifier, "I")
        grid.keyPressEvent(letter)

    window.problems.refresh()
    print(f"{cells:,} cells, {matrix.filled_count:,} filled; counts {counts[-1:]}", flush=True)
    start_rss = rss_mb()
    for round_ in range(args.repeat):
        profile = round_ == 0
        step(
            "select all + I, re-check, repaint",
            select_all_and_type,
            "< 1000 ms",
            profile and args.profile == "type",
        )
        assert matrix.filled_count == cells, matrix.filled_count
        step(
            "its undo, re-check, repaint",
            session.undo_stack.undo,
            "< 1000 ms",
            profile and args.profile == "undo",
        )
    gc.collect()
    print(
        f"{'RSS growth over all rounds':48} {rss_mb() - start_rss:9.1f} MB   target < 100 MB",
        flush=True,
    )
    if args.save:
        # not a SPEC figure: what the user waits for when saving the edit afterwards
        step("select all + I (before saving)", select_all_and_type, "", False)
        step("save the file after it (incremental save)", session.save, "", False)
    window._closing_confirmed = True
    window.close()


if __name__ == "__main__":
    main()
