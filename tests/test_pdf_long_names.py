"""Names of thousands of characters print in both PDFs (wrapped or cut), never fail."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from rolematrix.core.model import Document, Matrix
from rolematrix.io.pdf_handbook import write_handbook_pdf
from rolematrix.io.pdf_report import write_matrix_pdf

WORDY = "Chief " + "responsible officer " * 250  # ~5,000 characters that wrap
ONE_WORD = "W" * 5000  # nothing to wrap at
PERSIAN = "مدیر " * 1000


def hostile_matrix(long: str) -> Matrix:
    """Every name and text a finding, a chapter, a contents line or a header shows is long."""
    m = Matrix(long[:3000], "RACI", description=long)
    boss = m.add_role("Boss", short="B").id
    wide = m.add_role(long, short="L", description=long).id
    idle = m.add_role(long + " 2", short="I").id  # no tasks: a finding naming it
    phase = m.add_phase(long).id
    first = m.add_task(long, phase, description=long).id  # two responsibles, no accountable
    m.set_cells([(first, boss, "R"), (first, wide, "R")])
    second = m.add_task("Short task", phase).id
    m.set_cells([(second, wide, "A"), (second, boss, "R")])
    m.add_person(long, [wide])
    del idle
    return m


WRITERS: dict[str, Callable[..., None]] = {
    "matrix": write_matrix_pdf,
    "handbook": write_handbook_pdf,
}


@pytest.mark.parametrize("long", [WORDY, ONE_WORD, PERSIAN], ids=["wordy", "one-word", "persian"])
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_name_of_thousands_of_characters_prints(tmp_path: Path, long: str, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    started = time.monotonic()
    WRITERS[kind](Document([hostile_matrix(long)]), out)
    assert time.monotonic() - started < 60
    reader = PdfReader(out)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "Short task" in text or "Boss" in text  # the rest of the matrix printed too
