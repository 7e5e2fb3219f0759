"""Matrices of the SPEC section 9 sizes, built the same way by every benchmark.

``build_matrix`` makes a plausible RACI matrix: every task has one accountable
and one to three responsible roles, and consulted/informed codes fill the rest
up to the requested share of cells -- the shape real matrices have, so the
checker reports a realistic (small) number of findings.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from statistics import median

from rolematrix.core.model import Matrix

SIZES = {"small": (40, 6), "realistic": (500, 60), "large": (5000, 200)}


def build_matrix(
    tasks: int, roles: int, fill: float = 0.25, seed: int = 7, phases: int = 10
) -> Matrix:
    rnd = random.Random(seed)
    matrix = Matrix(f"Benchmark {tasks}x{roles}")
    role_ids = [matrix.add_role(f"Role {i + 1}", short=f"R{i + 1}").id for i in range(roles)]
    phase_ids = [matrix.add_phase(f"Phase {i + 1}").id for i in range(min(phases, tasks))]
    per_task = max(2, round(fill * roles))
    cells: list[tuple[int, int, str]] = []
    for i in range(tasks):
        task = matrix.add_task(
            f"Task {i + 1}",
            phase_ids[i * len(phase_ids) // tasks],
            description=f"What task {i + 1} delivers and to whom.",
        )
        chosen = rnd.sample(role_ids, min(per_task, roles))
        cells.append((task.id, chosen[0], "A"))
        doers = rnd.randint(1, min(3, len(chosen) - 1))
        cells.extend((task.id, rid, "R") for rid in chosen[1 : 1 + doers])
        cells.extend((task.id, rid, rnd.choice("CI")) for rid in chosen[1 + doers :])
    matrix.load_cells(cells)
    return matrix


def build_size(name: str, seed: int = 7) -> Matrix:
    tasks, roles = SIZES[name]
    return build_matrix(tasks, roles, seed=seed)


@contextmanager
def timed(label: str, results: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start


def best_of(fn: Callable[[], object], runs: int = 3) -> float:
    """Median wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def figure(
    label: str, seconds: float, target: str = "", baseline: tuple[str, float] | None = None
) -> str:
    text = f"{label:48} {seconds * 1000:9.1f} ms"
    if baseline:
        name, base = baseline
        text += f"   ({name} {base * 1000:.1f} ms, ratio {seconds / base:.2f})"
    if target:
        text += f"   target {target}"
    print(text, flush=True)
    return text
