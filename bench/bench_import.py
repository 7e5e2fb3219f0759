"""Import of a large plain sheet (5,000 tasks x 200 roles, a quarter filled) from xlsx.

Prints openpyxl read-only reading every value of the sheet (the baseline: open
the workbook, ``ws.iter_rows(values_only=True)`` to the end), RoleMatrix's
``read_sheet_xlsx`` on the same file (open, find the grid, parse every code,
build the matrix), both measured in this run, and the ratio. Target: <= 1.3.

The workbook is generated once with a fixed seed (openpyxl write-only) and
cached in ``bench/out/``. It looks like a sheet kept by hand: a title row, a
header of role names, a phase row every 50 tasks, codes spelt several ways.

    python bench/bench_import.py [--tasks 5000] [--roles 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
SPELLINGS = ("A", "R", "R", "C", "C", "I", "I", "I", "A/R", "a r", "R/A", "c", "i", "-")


def plain_workbook(tasks: int, roles: int, seed: int = 11) -> Path:
    """The cached benchmark workbook, written on first use."""
    path = OUT / f"plain_{tasks}x{roles}_s{seed}.xlsx"
    if path.exists():
        return path
    import openpyxl

    OUT.mkdir(exist_ok=True)
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Responsibilities")
    sheet.append([f"Large plain matrix {tasks} x {roles}"])
    sheet.append([])
    sheet.append(["Task", *(f"Role {i + 1}" for i in range(roles))])
    per_task = roles // 4
    for t in range(tasks):
        if t % 50 == 0:
            sheet.append([f"Phase {t // 50 + 1}"])
        row: list[str | None] = [None] * roles
        for col in rng.sample(range(roles), per_task):
            row[col] = rng.choice(SPELLINGS)
        sheet.append([f"Task {t + 1}", *row])
    temp = path.with_suffix(".tmp")
    book.save(temp)
    temp.replace(path)
    return path


def openpyxl_read(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        count = 0
        for worksheet in book.worksheets:
            for row in worksheet.iter_rows(values_only=True):
                count += len(row)
        return count
    finally:
        book.close()


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from rolematrix.io.sheet_import import read_sheet_xlsx

    start = time.perf_counter()
    path = plain_workbook(args.tasks, args.roles)
    print(
        f"workbook {path.name} ({path.stat().st_size / 1e6:.1f} MB, ready in "
        f"{time.perf_counter() - start:.2f} s)"
    )

    result = read_sheet_xlsx(path)
    matrix = result.document.matrices[0]
    print(
        f"imported {matrix.name!r}: {len(matrix.tasks):,} tasks, {len(matrix.roles)} roles, "
        f"{len(matrix.phases)} phases, {matrix.filled_count:,} filled cells, "
        f"scheme {matrix.scheme.id}, {len(result.problems)} problems"
    )

    baseline = median_time(lambda: openpyxl_read(path), args.repeat)
    ours = median_time(lambda: read_sheet_xlsx(path), args.repeat)
    print(f"openpyxl read-only, all values : {baseline:6.2f} s")
    print(f"read_sheet_xlsx (RoleMatrix)   : {ours:6.2f} s")
    print(f"ratio                          : {ours / baseline:6.2f}  (target <= 1.3)")


if __name__ == "__main__":
    main()
