"""Hostile files against ``rolematrix import``: each read or refused in 10 s and 500 MB.

Builds each file itself (in ``bench/out/hostile/``, at full size: a zip bomb
inflating to 1 GiB, a cell at XFD1048576, a row number in the billions,
millions of cells or shared strings, a 20 MB string, XML nested millions
deep, "billion laughs" entities, csv files of 20 MB), then runs each import
in its own process and reads that process's peak memory from ``os.wait4``.
Prints time, peak RSS, exit code and the message per file, and whether the
contract holds (finished or refused within 10 s and 500 MB peak RSS, with a
message naming the file).

    python bench/bench_hostile.py [--only NAME ...] [--keep]
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import xlsx_hostile as hostile  # noqa: E402

OUT = ROOT / "bench" / "out" / "hostile"
SECONDS = 10.0
PEAK_MB = 500.0
KILL_AFTER = 120.0  # a run that takes longer is stopped (and fails the contract)
MEMORY_CAP = 4 << 30  # address space per run, so that a failing run cannot take the machine


def many_cells(path: Path, count: int = 2_000_000, width: int = 100) -> Path:
    """Random numbers in ``count`` cells: past MAX_CELLS, and little to compress."""
    rng = random.Random(5)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        hostile.write_workbook_parts(archive)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(hostile.SHEET_HEAD + hostile.rows_xml(hostile.TABLE))
            for r in range(4, 4 + count // width):
                cells = "".join(
                    f'<c r="{hostile.column(c)}{r}"><v>{rng.randrange(10**6)}</v></c>'
                    for c in range(width)
                )
                part.write(f'<row r="{r}">{cells}</row>'.encode())
            part.write(hostile.SHEET_TAIL)
    return path


def styled_cells(path: Path, count: int = 5_000_000, width: int = 200) -> Path:
    """Empty formatted cells (``<c r="B7" s="1"/>``, as Excel writes a formatted range):
    past MAX_CELLS, none filled."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        hostile.write_workbook_parts(archive)
        letters = [hostile.column(c) for c in range(width)]
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(hostile.SHEET_HEAD + hostile.rows_xml(hostile.TABLE))
            for r in range(4, 4 + count // width):
                cells = "".join(f'<c r="{c}{r}" s="1"/>' for c in letters)
                part.write(f'<row r="{r}">{cells}</row>'.encode())
            part.write(hostile.SHEET_TAIL)
    return path


def many_rows(path: Path, count: int = 8_000_000) -> Path:
    """Rows without cells, numbered at random so that they hardly compress."""
    rng = random.Random(3)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        hostile.write_workbook_parts(archive)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(hostile.SHEET_HEAD + hostile.rows_xml(hostile.TABLE))
            for _ in range(count // 1000):
                part.write(
                    "".join(f'<row r="{rng.randrange(10, 10**6)}"/>' for _ in range(1000)).encode()
                )
            part.write(hostile.SHEET_TAIL)
    return path


def distinct_texts(path: Path, rows: int = 5_500, width: int = 200) -> Path:
    """A table of a million different short texts: each must be classified once."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        hostile.write_workbook_parts(archive)
        letters = [hostile.column(c) for c in range(width)]
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(hostile.SHEET_HEAD + hostile.rows_xml(hostile.TABLE))
            for r in range(4, 4 + rows):
                cells = "".join(
                    f'<c r="{c}{r}" t="inlineStr"><is><t>w{r}x{c}</t></is></c>' for c in letters
                )
                part.write(f'<row r="{r}">{cells}</row>'.encode())
            part.write(hostile.SHEET_TAIL)
    return path


def long_random_string(path: Path, length: int = 20_000_000) -> Path:
    """One shared string of ``length`` random characters (hardly compressible)."""
    text = base64.b64encode(os.urandom(length * 3 // 4)).decode()
    refs = b'<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="s"><v>1</v></c></row>'
    shared = hostile.shared_strings([text, "R"])
    return hostile.write_workbook(path, hostile.rows_xml(hostile.TABLE) + refs, shared)


def big_csv(path: Path, size: int = 20_000_000) -> Path:
    """A 20 MB csv of short fields: millions of filled cells."""
    line = ",".join(["ab"] * 100) + "\r\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Task,PM,Dev\r\nPlan,A,R\r\n")
        for _ in range(size // len(line)):
            handle.write(line)
    return path


def long_csv_field(path: Path, size: int = 20_000_000) -> Path:
    path.write_text('Task,PM\r\nPlan,A\r\n"' + "x" * size + '",R\r\n', encoding="utf-8")
    return path


CASES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "far-cell": ("far_cell.xlsx", hostile.far_cell),
    "huge-row-number": ("huge_row.xlsx", hostile.huge_row_number),
    "zip-bomb": ("zip_bomb.xlsx", lambda p: hostile.zip_bomb(p, 1 << 30)),
    "many-cells": ("many_cells.xlsx", many_cells),
    "styled-empty-cells": ("styled_cells.xlsx", styled_cells),
    "distinct-texts": ("distinct.xlsx", distinct_texts),
    "many-rows": ("many_rows.xlsx", many_rows),
    "empty-cells": ("empty_cells.xlsx", lambda p: hostile.huge_xml(p, 50_000_000)),
    "many-shared-strings": (
        "shared.xlsx",
        lambda p: hostile.many_shared_strings(p, 3_000_000),
    ),
    "long-string": ("long_string.xlsx", long_random_string),
    "deep-xml": ("deep.xlsx", lambda p: hostile.deep_xml(p, 2_000_000)),
    "billion-laughs": ("laughs.xlsx", hostile.billion_laughs),
    "big-csv": ("big.csv", big_csv),
    "long-csv-field": ("long_field.csv", long_csv_field),
}


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_import(path: Path) -> tuple[float, float, int | None, str]:
    """(seconds, peak RSS in MB, exit code or None if stopped, last stderr line)."""
    output = path.with_suffix(".rolematrix")
    output.unlink(missing_ok=True)
    code = "import sys; from rolematrix.cli import main; sys.exit(main(sys.argv[1:]))"
    err_path = path.with_suffix(".err")
    with err_path.open("w") as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code, "import", str(path), str(output)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=_cap_memory,
            cwd=ROOT,
        )
        deadline = start + KILL_AFTER
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        took = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    exit_code = None if child.returncode < 0 else child.returncode
    lines = err_path.read_text(errors="replace").strip().splitlines()
    output.unlink(missing_ok=True)
    return took, usage.ru_maxrss / 1024, exit_code, (lines[-1] if lines else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), default=None)
    parser.add_argument("--keep", action="store_true", help="keep the built files")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    failed = 0
    print(f"{'file':22} {'size':>9} {'time':>7} {'peak':>8}  exit  message")
    for name in args.only or CASES:
        filename, build = CASES[name]
        path = OUT / filename
        if not path.exists():
            build(path)
        took, peak, code, message = run_import(path)
        ok = took <= SECONDS and peak <= PEAK_MB and code in (0, 2) and filename in message
        if code == 0:  # read: the report need not name the file
            ok = took <= SECONDS and peak <= PEAK_MB
        failed += not ok
        size = path.stat().st_size
        print(
            f"{name:22} {size / 1e6:7.2f}MB {took:6.2f}s {peak:6.0f}MB  {code!s:>4}  "
            f"{'ok  ' if ok else 'FAIL'} {message[:110]}"
        )
        if not args.keep:
            path.unlink()
    print(f"contract: {SECONDS:.0f} s, {PEAK_MB:.0f} MB peak RSS -- {failed} file(s) fail it")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
