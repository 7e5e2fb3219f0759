"""The grid in long form: one csv row per filled cell, for spreadsheets and scripts.

Columns: ``matrix, phase, task, task description, role, codes, scheme`` --
codes as people read them ("A/R"). Rows follow the matrix: phase by phase,
task by task, roles in column order within a task. So that nothing is lost,
a task with no filled cell still gets a row (empty role and codes), a phase
with no task gets a row (empty task), and each role with no filled cell gets
a row with an empty task at the end of its matrix. The ``scheme`` column
keeps a CAIRO matrix that happens to use no ``O`` a CAIRO matrix; a file
without it (made by hand) has its scheme detected from the codes.

Encoding: UTF-8 with a byte order mark and CRLF line ends -- what Excel
needs to open Persian or Cyrillic text correctly on a double click; the
reader takes the file with or without the mark.

Formula injection: a field that starts with ``=``, ``+``, ``-``, ``@``, tab
or carriage return would be run as a formula by a spreadsheet, so it is
written with a leading apostrophe (``'=1+1``). To keep that reversible a field
that itself starts with an apostrophe gets one more (a task named ``'x`` is
written ``''x``), and the reader removes exactly one leading apostrophe from
every field that has one. Reading a file written here and writing it again
gives the same bytes.

A csv whose first row is not this header is a plain sheet (roles across,
tasks down) and is handed to :mod:`rolematrix.io.sheet_import`.
"""

from __future__ import annotations

import csv
import heapq
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rolematrix.core.codes import cell_field, read_cell
from rolematrix.core.model import Document, Matrix
from rolematrix.core.names import clean_name, distinct_name, normalise
from rolematrix.core.schemes import SCHEMES, Scheme
from rolematrix.io import limits
from rolematrix.io.files import read_input, write_bytes_atomically
from rolematrix.io.report import (
    ExportError,
    ImportProblem,
    ImportResult,
    UnreadableInputError,
    kept_text,
)
from rolematrix.io.sheet_import import (
    classify_cell,
    column_letter,
    csv_rows,
    decode_text,
    detect_scheme,
    read_sheet_text,
)

__all__ = ["HEADER", "dumps_csv", "loads_csv", "read_csv", "write_csv"]

HEADER = ("matrix", "phase", "task", "task description", "role", "codes", "scheme")
_BOM = "\ufeff"
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "'")


def protect(text: str) -> str:
    """``text`` as a csv field no spreadsheet will run as a formula (reversed by :func:`unprotect`)."""
    return "'" + text if text.startswith(_DANGEROUS) else text


def unprotect(text: str) -> str:
    return text[1:] if text.startswith("'") else text


# ------------------------------------------------------------------------ writing
def _matrix_rows(matrix: Matrix) -> list[tuple[str, ...]]:
    scheme = matrix.scheme
    display = scheme.display
    name = matrix.name
    scheme_id = scheme.id
    role_pos = {role.id: i for i, role in enumerate(matrix.roles)}
    roles = matrix.roles
    rows: list[tuple[str, ...]] = []
    texts_of = matrix.row_texts
    for phase in matrix.phases:
        if not phase.tasks:
            rows.append((name, phase.name, "", "", "", "", scheme_id))
        for task in phase.tasks:
            cells = matrix.row(task.id)
            texts = texts_of(task.id)
            if not cells and not texts:
                rows.append((name, phase.name, task.name, task.description, "", "", scheme_id))
                continue
            for role_id in sorted(cells.keys() | texts.keys(), key=role_pos.__getitem__):
                codes = cells.get(role_id, "")
                text = texts.get(role_id)
                rows.append(
                    (
                        name,
                        phase.name,
                        task.name,
                        task.description,
                        roles[role_pos[role_id]].name,
                        cell_field(codes, text, scheme) if text else display(codes),
                        scheme_id,
                    )
                )
    with_text = {role_id for _t, role_id, _x in matrix.cell_texts()}
    for role in roles:
        if not matrix.column(role.id) and role.id not in with_text:
            rows.append((name, "", "", "", role.name, "", scheme_id))
    if not rows:
        rows.append((name, "", "", "", "", "", scheme_id))
    return rows


def dumps_csv(document: Document, matrix_name: str | None = None) -> str:
    """The csv text (starting with the byte order mark) of the document or one matrix."""
    if matrix_name is None:
        matrices = list(document.matrices)
    else:
        try:
            matrices = [document.matrix(matrix_name)]
        except LookupError as exc:
            raise ExportError(str(exc)) from exc
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for matrix in matrices:
        writer.writerows(tuple(map(protect, row)) for row in _matrix_rows(matrix))
    return _BOM + buffer.getvalue()


def write_csv(
    document: Document, path: str | os.PathLike[str], matrix_name: str | None = None
) -> None:
    """Write the long-form csv of the document (or one matrix); all or nothing."""
    write_bytes_atomically(path, dumps_csv(document, matrix_name).encode("utf-8"), "CSV file")


# ------------------------------------------------------------------------ reading
@dataclass(slots=True)
class _TaskRows:
    name: str
    description: str
    row: int  # csv line of its first row, for messages
    cells: list[tuple[str, str, int]] = field(default_factory=list)  # (role name, codes, line)


@dataclass(slots=True)
class _PhaseRows:
    name: str
    tasks: list[_TaskRows] = field(default_factory=list)


@dataclass(slots=True)
class _MatrixRows:
    name: str
    line: int
    scheme: str = ""
    phases: list[_PhaseRows] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # normalised -> name, first seen first
    edges: set[tuple[str, str]] = field(default_factory=set)  # role a stands before role b
    open_task: tuple[str, str] | None = None  # (phase, task) of the rows being read


def _is_header(fields: list[str]) -> bool:
    names = tuple(normalise(unprotect(f)) for f in fields)
    while names and not names[-1]:
        names = names[:-1]
    return names in (HEADER, HEADER[:-1])


def _long_form_delimiter(first_line: str) -> str | None:
    """The delimiter that makes ``first_line`` the long-form header; None: not long form."""
    for delimiter in (",", ";", "\t"):
        try:
            fields = next(csv.reader([first_line], delimiter=delimiter), [])
        except csv.Error:
            continue
        if _is_header(fields):
            return delimiter
    return None


def _role_order(data: _MatrixRows) -> list[str]:
    """Role names in an order that puts every task's roles as its rows list them.

    Each task lists its roles in column order, so the column order is any order
    consistent with all of them; ties keep the order of first appearance.
    Roles no task lists go last, in their order.
    """
    keys = list(data.roles)
    rank = {key: i for i, key in enumerate(keys)}
    after: dict[str, list[str]] = {key: [] for key in keys}
    waiting = dict.fromkeys(keys, 0)
    for a, b in data.edges:
        after[a].append(b)
        waiting[b] += 1
    ready = [(rank[k], k) for k in keys if not waiting[k]]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, key = heapq.heappop(ready)
        order.append(key)
        for nxt in after[key]:
            waiting[nxt] -= 1
            if not waiting[nxt]:
                heapq.heappush(ready, (rank[nxt], nxt))
    if len(order) < len(keys):  # contradictory orders (a hand-edited file): first seen wins
        placed = set(order)
        order += [k for k in keys if k not in placed]
    return [data.roles[k] for k in order]


def _collect(
    rows: Iterable[list[str]], source: str, problems: list[ImportProblem]
) -> list[_MatrixRows]:
    matrices: dict[str, _MatrixRows] = {}
    current: _MatrixRows | None = None
    last_role: dict[tuple[int, int], str] = {}  # (matrix, task) -> previous role key
    for line, raw in enumerate(rows, start=2):
        if line - 1 > limits.MAX_FILLED_CELLS:  # one row per filled cell
            raise limits.exceeded(
                source,
                f"the file holds more than {limits.MAX_FILLED_CELLS:,} rows",
                limits.MAX_FILLED_CELLS,
                "MAX_FILLED_CELLS",
            )
        if not any(f.strip() for f in raw):
            continue
        fields = [unprotect(f) for f in raw]
        if len(fields) < 6 or len(fields) > 7:
            problems.append(
                ImportProblem(
                    f"{source}!A{line}",
                    f"expected {len(HEADER)} fields, found {len(fields)}; row skipped",
                )
            )
            continue
        matrix_name, phase_name, task_name, description, role_name, codes = (
            fields[0],
            clean_name(fields[1]),
            clean_name(fields[2]),
            fields[3],
            clean_name(fields[4]),
            fields[5],
        )
        scheme_id = fields[6].strip() if len(fields) == 7 else ""
        name = clean_name(matrix_name)
        if not name:
            problems.append(ImportProblem(f"{source}!A{line}", "no matrix name; row skipped"))
            continue
        key = normalise(name)
        if current is None or normalise(current.name) != key:
            current = matrices.get(key)
            if current is None:
                current = matrices[key] = _MatrixRows(name, line, scheme_id)
            current.open_task = None
        data = current
        if scheme_id and not data.scheme:
            data.scheme = scheme_id
        elif scheme_id and scheme_id != data.scheme:
            problems.append(
                ImportProblem(
                    f"{source}!G{line}",
                    f"scheme {scheme_id!r} differs from {data.scheme!r} given before for "
                    f"matrix {name!r}; the first is used",
                )
            )
        role_key = normalise(role_name)
        if role_name and role_key not in data.roles:
            data.roles[role_key] = role_name
        if not task_name:
            if role_name:  # a role no task involves
                if codes.strip():
                    problems.append(
                        ImportProblem(
                            f"{source}!F{line}", f"codes {codes!r} without a task; not imported"
                        )
                    )
            elif not data.phases or data.phases[-1].name != phase_name or data.phases[-1].tasks:
                data.phases.append(_PhaseRows(phase_name))  # a phase with no task
            data.open_task = None
            continue
        if data.open_task != (phase_name, task_name):
            if not data.phases or data.phases[-1].name != phase_name:
                data.phases.append(_PhaseRows(phase_name))
            data.phases[-1].tasks.append(_TaskRows(task_name, description, line))
            data.open_task = (phase_name, task_name)
        task = data.phases[-1].tasks[-1]
        if description != task.description:
            problems.append(
                ImportProblem(
                    f"{source}!D{line}",
                    f"a different description for task {task_name!r}; the first one is kept",
                )
            )
        if role_name:
            task_key = (id(data), id(task))
            previous = last_role.get(task_key)
            if previous is not None and previous != role_key:
                data.edges.add((previous, role_key))
            last_role[task_key] = role_key
            task.cells.append((role_name, codes, line))
        elif codes.strip():
            problems.append(
                ImportProblem(f"{source}!F{line}", f"codes {codes!r} without a role; not imported")
            )
    return list(matrices.values())


def _codes(text: str, scheme: Scheme, where: str, problems: list[ImportProblem]) -> tuple[str, str]:
    """The codes of a codes field, and its text as written if part of it is no code."""
    text = text.strip()
    if not text:
        return "", ""
    parts = text.split("/")
    letters = scheme.letters
    if all(len(p) == 1 and (p.isalpha() or p in letters) for p in parts):
        return scheme.canonical("".join(parts)), ""
    codes, unread = read_cell(text, scheme)
    if unread:
        problems.append(kept_text(where, unread))
    return codes, unread


def _scheme_of(data: _MatrixRows, source: str, problems: list[ImportProblem]) -> Scheme:
    if data.scheme in SCHEMES:
        return SCHEMES[data.scheme]
    if data.scheme:
        problems.append(
            ImportProblem(
                f"{source}!G{data.line}",
                f"unknown scheme {data.scheme!r}; the scheme is taken from the codes used",
            )
        )
    used: dict[str, int] = {}
    for phase in data.phases:
        for task in phase.tasks:
            for _, text, _ in task.cells:
                _, found = classify_cell(text)
                if found:
                    used[found] = used.get(found, 0) + 1
    return detect_scheme(used)


def _build(data: _MatrixRows, source: str, problems: list[ImportProblem]) -> Matrix:
    scheme = _scheme_of(data, source, problems)
    matrix = Matrix(data.name, scheme.id)
    role_ids: dict[str, int] = {}
    for name in _role_order(data):
        role_ids[normalise(name)] = matrix.add_role(name).id
    taken: set[str] = set()
    cells: dict[tuple[int, int], str] = {}
    texts: dict[tuple[int, int], str] = {}
    for phase_rows in data.phases:
        phase = matrix.add_phase(phase_rows.name)
        for task_rows in phase_rows.tasks:
            name = distinct_name(task_rows.name, taken)
            if name != task_rows.name:
                problems.append(
                    ImportProblem(
                        f"{source}!C{task_rows.row}",
                        f"a second task named {task_rows.name!r}; kept as {name!r}",
                    )
                )
            taken.add(normalise(name))
            task = matrix.add_task(name, phase.id, description=task_rows.description)
            for role_name, text, line in task_rows.cells:
                key = (task.id, role_ids[normalise(role_name)])
                codes, unread = _codes(text, scheme, f"{source}!{column_letter(5)}{line}", problems)
                if unread:
                    texts[key] = f"{texts[key]} {unread}" if key in texts else unread
                if key in cells:
                    problems.append(
                        ImportProblem(
                            f"{source}!E{line}",
                            f"role {role_name!r} appears twice for task {name!r}; codes merged",
                        )
                    )
                    codes = scheme.canonical(cells[key] + codes)
                if codes:
                    cells[key] = codes
    matrix.load_cells((t, r, c) for (t, r), c in cells.items())
    matrix.load_cell_texts((t, r, x) for (t, r), x in texts.items())
    matrix.journal.clear()
    return matrix


def loads_csv(text: str, source_name: str) -> ImportResult:
    """Read csv text: the long form written by :func:`dumps_csv`, or else a plain sheet."""
    if text.startswith(_BOM):
        text = text[1:]
    if not text.strip():
        raise UnreadableInputError(f"{source_name}: the file is empty")
    delimiter = _long_form_delimiter(text.splitlines()[0])
    if delimiter is None:
        return read_sheet_text(text, source_name)
    rows = csv_rows(text, delimiter, source_name)
    next(rows, None)  # the header
    problems: list[ImportProblem] = []
    document = Document()
    for data in _collect(rows, source_name, problems):
        document.matrices.append(_build(data, source_name, problems))
    if not document.matrices:
        raise UnreadableInputError(f"{source_name}: the header is there but no row follows it")
    return ImportResult(document, problems)


def read_csv(path: str | os.PathLike[str]) -> ImportResult:
    """Read a csv file: long form (by its header row) or a plain sheet of roles and tasks."""
    source = Path(path)
    data = read_input(source)
    text, notes = decode_text(data, source.name)
    result = loads_csv(text, source.name)
    result.problems[:0] = notes
    return result
