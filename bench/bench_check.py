"""Checker speed on the large matrix: full check and one-cell incremental re-check.

Run: python bench/bench_check.py  (prints figures; SPEC section 9 targets:
full check < 0.1 s; an edit's re-check is part of the < 16 ms edit budget).
The baseline is one bare Python pass over every filled cell, measured in the
same run, so the ratio says how close the checker is to touching each cell once.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large import best_of, build_size, figure

from rolematrix.core.checker import IncrementalChecker, check


def bare_pass(matrix) -> int:  # type: ignore[no-untyped-def]
    n = 0
    for _task, _role, codes in matrix.cells():
        n += len(codes)
    return n


def main() -> None:
    matrix = build_size("large")
    print(
        f"large matrix: {len(matrix.tasks)} tasks x {len(matrix.roles)} roles, {matrix.filled_count} filled cells"
    )
    base = best_of(lambda: bare_pass(matrix))
    full = best_of(lambda: check(matrix))
    figure("full check (large)", full, "< 100 ms", ("one bare pass over the cells", base))
    print(f"   findings: {len(check(matrix))}")

    checker = IncrementalChecker(matrix)
    rnd = random.Random(3)
    tasks, roles = matrix.tasks, matrix.roles
    times = []
    for _ in range(300):
        t = rnd.choice(tasks).id
        r = rnd.choice(roles).id
        start = time.perf_counter()
        matrix.set_cell(t, r, rnd.choice(["", "R", "A", "C", "I", "RA"]))
        checker.findings  # noqa: B018 - the sorted list the problems panel reads
        times.append(time.perf_counter() - start)
    figure("one cell edit + incremental re-check (median)", median(times), "< 16 ms in all")
    figure("one cell edit + incremental re-check (max)", max(times))
    assert checker.findings == check(matrix), "incremental and full check disagree"


if __name__ == "__main__":
    main()
