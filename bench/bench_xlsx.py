"""xlsx export of the large matrix (5,000 tasks x 200 roles, a quarter filled).

Prints the styled RoleMatrix export time, openpyxl write-only writing the same
grid unstyled (the SPEC baseline), both measured in this run, and the ratio.
Target (SPEC section 9): ratio <= 1.2. Also times reading the export back.

    python bench/bench_xlsx.py [--tasks 5000] [--roles 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rolematrix.core.model import Document, Matrix


def large_matrix(tasks: int, roles: int, seed: int = 1) -> Matrix:
    """A RACI matrix with phases of 50 tasks, about a quarter of the cells filled, one A per task,
    no mixed active+passive cells (each of those would add a finding row)."""
    rng = random.Random(seed)
    matrix = Matrix(f"Large {tasks}x{roles}", "RACI", description="benchmark matrix")
    role_ids = [matrix.add_role(f"Role {i + 1}", short=f"R{i + 1}").id for i in range(roles)]
    cells = []
    phase_id = 0
    for t in range(tasks):
        if t % 50 == 0:
            phase_id = matrix.add_phase(f"Phase {t // 50 + 1}").id
        task = matrix.add_task(f"Task {t + 1}", phase_id, description=f"What task {t + 1} is about")
        chosen = rng.sample(role_ids, max(1, roles // 4))
        cells.append((task.id, chosen[0], "A"))
        for rid in chosen[1:]:
            cells.append((task.id, rid, rng.choice(("R", "C", "I", "I", "C"))))
    matrix.load_cells(cells)
    return matrix


def openpyxl_plain(matrix: Matrix, path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(matrix.name[:31])
    roles = matrix.roles
    sheet.append(["Task", *(r.name for r in roles)])
    display = matrix.scheme.display
    for task in matrix.tasks:
        row = matrix.row(task.id)
        sheet.append([task.name, *(display(row[r.id]) if r.id in row else None for r in roles)])
    book.save(path)


def timed(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from rolematrix.io.xlsx_layout import read_xlsx_layout
    from rolematrix.io.xlsx_workbook import default_findings, write_xlsx

    matrix = large_matrix(args.tasks, args.roles)
    document = Document([matrix])
    print(f"matrix {args.tasks} x {args.roles}, {matrix.filled_count:,} filled cells")
    with tempfile.TemporaryDirectory() as folder:
        ours = Path(folder) / "ours.xlsx"
        plain = Path(folder) / "plain.xlsx"
        # The editor hands its live findings to the exporter; the CLI lets it check.
        findings = default_findings(matrix)
        t_ours = timed(
            lambda: write_xlsx(document, ours, findings_for=lambda m: findings), args.repeat
        )
        t_checked = timed(lambda: write_xlsx(document, ours), 1)
        t_plain = timed(lambda: openpyxl_plain(matrix, plain), args.repeat)
        t_read = timed(lambda: read_xlsx_layout(ours), 1)
        print(
            f"rolematrix styled export        {t_ours:6.2f} s  ({ours.stat().st_size / 1e6:.1f} MB)"
        )
        print(
            f"openpyxl write-only, unstyled   {t_plain:6.2f} s  ({plain.stat().st_size / 1e6:.1f} MB)"
        )
        print(f"ratio styled / openpyxl plain   {t_ours / t_plain:6.2f}   (target <= 1.20)")
        print(f"styled export incl. check       {t_checked:6.2f} s  ({len(findings):,} findings)")
        print(f"read back (read_xlsx_layout)    {t_read:6.2f} s")


if __name__ == "__main__":
    main()
