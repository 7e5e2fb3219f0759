"""PDF handbook (and matrix report) of a realistic matrix: 500 tasks x 60 roles.

"Realistic" here: 20 phases, every task with a one- or two-sentence
description, and nine roles per task (one A, two R, three C, three I: 15 % of
the cells), every role described -- about 4,500 task entries in the handbook.
Target (SPEC section 9): handbook < 3 s. ``--fill 0.25`` shows the heavier case.

    python bench/bench_handbook.py [--tasks 500] [--roles 60] [--per-task 9] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rolematrix.core.model import Document, Matrix

WORDS = [
    "review",
    "approve",
    "draft",
    "publish",
    "budget",
    "plan",
    "hire",
    "onboard",
    "audit",
    "report",
    "vendor",
    "contract",
    "release",
    "test",
    "design",
    "deploy",
    "train",
    "support",
    "migrate",
    "forecast",
    "invoice",
    "schedule",
    "brief",
    "client",
    "campaign",
    "quality",
    "risk",
    "scope",
    "estimate",
    "roadmap",
    "backlog",
    "incident",
    "policy",
]


def realistic_matrix(tasks: int = 500, roles: int = 60, per_task: int = 9, seed: int = 3) -> Matrix:
    rng = random.Random(seed)
    matrix = Matrix(
        f"Company operations {tasks}x{roles}",
        "RACI",
        description="Who decides, does, advises and is told, across the whole company.",
    )
    role_ids = []
    for i in range(roles):
        word = rng.choice(WORDS)
        role = matrix.add_role(
            f"{rng.choice(('Head of', 'Lead', 'Senior', 'Junior'))} {word} {i + 1}",
            short=f"R{i + 1}",
            description=f"Looks after {word} work: plans it, staffs it and answers for its quality.",
        )
        role_ids.append(role.id)
    pattern = ["A", "R", "R", "C", "C", "C", "I", "I", "I"]
    pattern = (pattern * (per_task // len(pattern) + 1))[:per_task]
    cells = []
    phase_id = 0
    for t in range(tasks):
        if t % 25 == 0:
            phase_id = matrix.add_phase(f"Phase {t // 25 + 1}: {rng.choice(WORDS).title()}").id
        words = rng.choices(WORDS, k=rng.randint(10, 30))
        task = matrix.add_task(
            f"{rng.choice(WORDS).title()} the {rng.choice(WORDS)} {rng.choice(WORDS)} ({t + 1})",
            phase_id,
            description=" ".join(words).capitalize() + ".",
        )
        for role_id, code in zip(rng.sample(role_ids, per_task), pattern, strict=True):
            cells.append((task.id, role_id, code))
    matrix.load_cells(cells)
    return matrix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=500)
    parser.add_argument("--roles", type=int, default=60)
    parser.add_argument("--per-task", type=int, default=9)
    parser.add_argument("--fill", type=float, default=None, help="fraction of cells filled")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from pypdf import PdfReader

    from rolematrix.io.pdf_handbook import write_handbook_pdf
    from rolematrix.io.pdf_report import write_matrix_pdf

    per_task = round(args.fill * args.roles) if args.fill else args.per_task
    matrix = realistic_matrix(args.tasks, args.roles, per_task)
    document = Document([matrix])
    print(f"matrix {args.tasks} x {args.roles}, {matrix.filled_count:,} filled cells")
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "handbook.pdf"
        report = Path(folder) / "report.pdf"
        write_handbook_pdf(document, book)  # warm-up: font loading, imports
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            write_handbook_pdf(document, book)
            times.append(time.perf_counter() - start)
        t_book = statistics.median(times)
        start = time.perf_counter()
        write_matrix_pdf(document, report)
        t_report = time.perf_counter() - start
        pages = len(PdfReader(book).pages)
        report_pages = len(PdfReader(report).pages)
        print(f"handbook PDF      {t_book:6.2f} s  ({pages} pages; target < 3 s)")
        print(f"matrix report PDF {t_report:6.2f} s  ({report_pages} pages)")


if __name__ == "__main__":
    main()
