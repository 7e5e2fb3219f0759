"""PDF handbook (and matrix report) of a realistic matrix: 500 tasks x 60 roles.

"Realistic" here: 20 phases, every task with a one- or two-sentence
description, and nine roles per task (one A, two R, three C, three I: 15 % of
the cells), every role described -- about 4,500 task entries in the handbook.
Target (SPEC section 9): handbook < 3 s. ``--fill 0.25`` shows the heavier case.
``--persian`` builds the same matrix with Persian names and descriptions (a
right-to-left matrix: every line shaped and reordered, Persian labels, digits
and dates); ``--language fa`` keeps the English matrix but prints the
exporter's own words in Persian.

    python bench/bench_handbook.py [--tasks 500] [--roles 60] [--per-task 9] [--repeat 3]
                                   [--persian] [--language en|fa]
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


PERSIAN_WORDS = [
    "بررسی",
    "تأیید",
    "پیش‌نویس",
    "انتشار",
    "بودجه",
    "برنامه",
    "استخدام",
    "آموزش",
    "ممیزی",
    "گزارش",
    "تأمین‌کننده",
    "قرارداد",
    "آزمون",
    "طراحی",
    "پشتیبانی",
    "پیش‌بینی",
    "صورت‌حساب",
    "زمان‌بندی",
    "مشتری",
    "کمپین",
    "کیفیت",
    "ریسک",
    "دامنه",
    "برآورد",
    "نقشه‌ی راه",
    "رخداد",
    "سیاست",
]


def realistic_matrix(
    tasks: int = 500, roles: int = 60, per_task: int = 9, seed: int = 3, persian: bool = False
) -> Matrix:
    rng = random.Random(seed)
    words = PERSIAN_WORDS if persian else WORDS
    if persian:
        matrix = Matrix(
            f"عملیات شرکت {tasks}×{roles}",
            "RACI",
            description="چه کسی در سراسر شرکت تصمیم می‌گیرد، کار می‌کند، نظر می‌دهد و باخبر می‌شود.",
        )
    else:
        matrix = Matrix(
            f"Company operations {tasks}x{roles}",
            "RACI",
            description="Who decides, does, advises and is told, across the whole company.",
        )
    role_ids = []
    for i in range(roles):
        word = rng.choice(words)
        if persian:
            name = f"{rng.choice(('مدیر', 'سرپرست', 'کارشناس ارشد', 'کارشناس'))} {word} {i + 1}"
            description = (
                f"کار {word} را برنامه‌ریزی می‌کند، برایش نیرو می‌گذارد و پاسخگوی کیفیت آن است."
            )
        else:
            rank = rng.choice(("Head of", "Lead", "Senior", "Junior"))
            name = f"{rank} {word} {i + 1}"
            description = (
                f"Looks after {word} work: plans it, staffs it and answers for its quality."
            )
        role = matrix.add_role(name, short=f"R{i + 1}", description=description)
        role_ids.append(role.id)
    pattern = ["A", "R", "R", "C", "C", "C", "I", "I", "I"]
    pattern = (pattern * (per_task // len(pattern) + 1))[:per_task]
    cells = []
    phase_id = 0
    for t in range(tasks):
        if t % 25 == 0:
            label = "مرحله‌ی" if persian else "Phase"
            phase_id = matrix.add_phase(f"{label} {t // 25 + 1}: {rng.choice(words).title()}").id
        text = " ".join(rng.choices(words, k=rng.randint(10, 30))).capitalize() + "."
        a, b, c = rng.choice(words), rng.choice(words), rng.choice(words)
        name = f"{a} {b} {c} ({t + 1})" if persian else f"{a.title()} the {b} {c} ({t + 1})"
        task = matrix.add_task(name, phase_id, description=text)
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
    parser.add_argument("--persian", action="store_true", help="Persian names (right to left)")
    parser.add_argument("--language", choices=("en", "fa"), default=None, help="exporter's words")
    args = parser.parse_args()

    from pypdf import PdfReader

    from rolematrix.io.pdf_handbook import write_handbook_pdf
    from rolematrix.io.pdf_report import write_matrix_pdf

    per_task = round(args.fill * args.roles) if args.fill else args.per_task
    matrix = realistic_matrix(args.tasks, args.roles, per_task, persian=args.persian)
    document = Document([matrix])
    language = args.language or ("fa" if matrix.is_rtl else "en")
    print(
        f"matrix {args.tasks} x {args.roles}, {matrix.filled_count:,} filled cells"
        f"{', Persian names' if args.persian else ''}; words: {language}"
    )
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "handbook.pdf"
        report = Path(folder) / "report.pdf"
        write_handbook_pdf(document, book, language=language)  # warm-up: fonts, imports
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            write_handbook_pdf(document, book, language=language)
            times.append(time.perf_counter() - start)
        t_book = statistics.median(times)
        start = time.perf_counter()
        write_matrix_pdf(document, report, language=language)
        t_report = time.perf_counter() - start
        pages = len(PdfReader(book).pages)
        report_pages = len(PdfReader(report).pages)
        print(f"handbook PDF      {t_book:6.2f} s  ({pages} pages; target < 3 s)")
        print(f"matrix report PDF {t_report:6.2f} s  ({report_pages} pages)")


if __name__ == "__main__":
    main()
