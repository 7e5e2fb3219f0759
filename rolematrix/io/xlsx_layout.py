"""The RoleMatrix workbook layout, and reading it back exactly.

A workbook written by :mod:`rolematrix.io.xlsx_workbook` has one visible sheet
per matrix (what a person reads and may edit: names and codes), a Legend and a
Findings sheet, and a hidden sheet ``_rolematrix`` holding, as JSON split over
cells, everything the grid cannot show: ids, descriptions, notes, people,
presets, conflicts, suppressions, settings, scheme, template and version.

Reading back, the hidden sheet gives the structure and the visible grid gives
the cells -- so codes changed in Excel or LibreOffice are taken, and a row or
column the user added, removed or moved there is followed (matched to the
stored tasks and roles by name). Whatever is left out is reported, never
silently dropped. An unchanged workbook gives back the document it was written
from, field for field.
"""

from __future__ import annotations

import json
import math
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rolematrix.core.codes import cell_field, parse_codes
from rolematrix.core.model import (
    Document,
    Matrix,
    Person,
    Settings,
    StaffingPreset,
    Suppression,
)
from rolematrix.core.names import normalise
from rolematrix.core.profiles import settings_problem
from rolematrix.io.files import check_regular_file
from rolematrix.io.report import (
    ImportProblem,
    ImportResult,
    UnreadableInputError,
    column_letter,
    kept_text,
    sheet_reference,
)
from rolematrix.io.sheet_region import anchored_region
from rolematrix.io.text_safety import cell_text
from rolematrix.io.xlsx_formulas import missing_results
from rolematrix.io.xlsx_reader import SheetCells, open_zip, part_chunks, read_workbook

#: Name of the hidden sheet that carries the model; its presence marks our workbooks.
DATA_SHEET = "_rolematrix"
MARKER = "RoleMatrix workbook"
FORMAT_VERSION = 1
#: JSON is cut into pieces of this many characters, one per cell of the hidden sheet.
CHUNK = 30_000

# Grid positions in a matrix sheet (0-based, as XlsxWriter counts).
TITLE_ROW = 0
INFO_ROW = 1
DESCRIPTION_ROW = 2
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
TASK_COL = 0
FIRST_ROLE_COL = 1
TASK_HEADER = "Task"
DESCRIPTION_HEADER = "Task description"

LEGEND_SHEET = "Legend"
FINDINGS_SHEET = "Findings"
RESERVED_SHEETS = (LEGEND_SHEET, FINDINGS_SHEET, DATA_SHEET, "History")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# --------------------------------------------------------------------- names
def _excel_cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters as Excel counts them: UTF-16 units, so an emoji
    (outside the Basic Multilingual Plane) counts twice and is never split in half."""
    out = []
    used = 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if used + width > limit:
            break
        out.append(ch)
        used += width
    return "".join(out)


def sheet_names(matrix_names: Iterable[str]) -> list[str]:
    """Excel-legal, unique sheet names for the matrices (≤31 chars, no ``[]:*?/\\``)."""
    taken = {name.casefold() for name in RESERVED_SHEETS}
    out: list[str] = []
    for name in matrix_names:
        base = _SHEET_FORBIDDEN.sub("_", cell_text(name)).strip().strip("'") or "Matrix"
        base = _excel_cut(base, 31)
        candidate = base
        n = 2
        while candidate.casefold() in taken:
            suffix = f" ({n})"
            candidate = _excel_cut(base, 31 - len(suffix)) + suffix
            n += 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def cell_ref(sheet: str, row: int, col: int) -> str:
    """``Sheet!D7`` for 0-based row and column."""
    return f"{sheet_reference(sheet)}!{column_letter(col)}{row + 1}"


# ----------------------------------------------------------- model <-> data
def matrix_data(matrix: Matrix, sheet: str) -> dict[str, Any]:
    """Everything of ``matrix`` except its cells (the visible grid carries those)."""
    return {
        "sheet": sheet,
        "name": matrix.name,
        "description": matrix.description,
        "scheme": matrix.scheme.id,
        "template_id": matrix.template_id,
        "settings": {"profile": matrix.settings.profile, "overrides": matrix.settings.overrides},
        "version": matrix.version,
        "phases": [
            {
                "id": phase.id,
                "name": phase.name,
                "tasks": [
                    {
                        "id": t.id,
                        "name": t.name,
                        "description": t.description,
                        "notes": t.notes,
                        "reference": t.reference,
                    }
                    for t in phase.tasks
                ],
            }
            for phase in matrix.phases
        ],
        "roles": [
            {
                "id": r.id,
                "name": r.name,
                "short": r.short,
                "description": r.description,
                "colour": r.colour,
            }
            for r in matrix.roles
        ],
        "people": [
            {"id": p.id, "name": p.name, "role_ids": list(p.role_ids)} for p in matrix.people
        ],
        "conflicts": [list(pair) for pair in matrix.conflicts],
        "suppressions": [
            {
                "rule": s.rule,
                "reason": s.reason,
                "task_id": s.task_id,
                "role_id": s.role_id,
                "person_id": s.person_id,
            }
            for s in matrix.suppressions
        ],
        "presets": [
            {
                "name": p.name,
                "description": p.description,
                "people": [[person, list(roles)] for person, roles in p.people],
            }
            for p in matrix.presets
        ],
        # shown as written in their cells; kept here to tell them from text typed in Excel
        "cell_texts": [list(item) for item in sorted(matrix.cell_texts())],
    }


def expected_rows(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The rows of the grid as written: ("phase", phase) for named phases, ("task", task)."""
    rows: list[tuple[str, dict[str, Any]]] = []
    for phase in data["phases"]:
        if phase["name"]:
            rows.append(("phase", phase))
        rows.extend(("task", task) for task in phase["tasks"])
    return rows


# ------------------------------------------------------------------ probing
def is_rolematrix_workbook(path: str | Path) -> bool:
    """Was this xlsx written by RoleMatrix (does it carry the hidden model sheet)?

    Reads only the workbook index inside the zip, so it is cheap on big files;
    a zip past the limits is no RoleMatrix workbook (the plain reader then
    refuses it, naming the limit).
    """
    try:
        with open_zip(Path(path)) as archive:
            index = b"".join(part_chunks(archive, "xl/workbook.xml", Path(path).name))
    except (OSError, zipfile.BadZipFile, KeyError, RuntimeError, UnreadableInputError):
        return False
    return f'name="{DATA_SHEET}"' in index.decode("utf-8", "replace")


# ------------------------------------------------------------------ reading
def read_xlsx_layout(path: str | Path) -> ImportResult:
    """Read a workbook written by RoleMatrix back into a document.

    Raises :class:`UnreadableInputError` naming the file when it is no such
    workbook, its hidden model is damaged, or it goes past a named limit: it
    is streamed by :mod:`rolematrix.io.xlsx_reader` like any other workbook,
    so a copy edited (or forged) elsewhere gets the same zip and XML checks.
    """
    path = Path(path)
    check_regular_file(path)
    book = read_workbook(path)
    source = path.name
    data_sheet = book.sheet(DATA_SHEET)
    if data_sheet is None:
        raise UnreadableInputError(
            f"{path}: not a RoleMatrix workbook (the sheet {DATA_SHEET!r} is missing)"
        )
    try:
        payload = _read_payload(path, data_sheet)
        grids: dict[str, list[tuple[Any, ...]]] = {}
        problems: list[ImportProblem] = []
        for entry in payload["matrices"]:
            cells = book.sheet(entry["sheet"])
            if cells is not None and entry["sheet"] not in grids:
                region = anchored_region(cells.rows, source, cells.title)
                grids[entry["sheet"]] = region.rows
                problems.extend(missing_results(cells))
                problems.extend(
                    ImportProblem(
                        cell_ref(cells.title, r, c),
                        f"{str(v)[:60]!r} stands far from the matrix; not imported",
                    )
                    for r, c, v in region.outside
                )
        document = Document()
        for entry in payload["matrices"]:
            sheet_name = entry["sheet"]
            grid = grids.get(sheet_name)
            if grid is None:
                problems.append(
                    ImportProblem(
                        sheet_name,
                        f"the sheet of matrix {entry['name']!r} is missing; "
                        "its tasks and roles were read without codes",
                    )
                )
            document.add(_build_matrix(entry, grid, problems))
    except UnreadableInputError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise UnreadableInputError(
            f"{path}: the RoleMatrix data in this workbook is damaged ({exc})"
        ) from exc
    return ImportResult(document, problems)


def _read_payload(path: Path, sheet: SheetCells) -> dict[str, Any]:
    column = [cells[0][1] for _, cells in sorted(sheet.rows.items()) if cells and cells[0][0] == 0]
    first = sheet.rows.get(0)
    if not first or first[0] != (0, MARKER):
        raise UnreadableInputError(
            f"{path}: the sheet {DATA_SHEET!r} does not hold RoleMatrix data"
        )
    version = first[1][1] if len(first) > 1 and first[1][0] == 1 else None
    if (
        not isinstance(version, int | float)
        or not math.isfinite(version)
        or int(version) > FORMAT_VERSION
    ):
        raise UnreadableInputError(
            f"{path}: written by a newer RoleMatrix (workbook format {version}); update RoleMatrix"
        )
    text = "".join(str(value) for value in column[1:] if value is not None)
    try:
        payload = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise UnreadableInputError(
            f"{path}: the RoleMatrix data in this workbook is damaged ({exc})"
        ) from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("matrices"), list):
        raise UnreadableInputError(f"{path}: the RoleMatrix data in this workbook is damaged")
    return payload


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _build_matrix(
    data: dict[str, Any], grid: list[tuple[Any, ...]] | None, problems: list[ImportProblem]
) -> Matrix:
    raw = data.get("settings") or {}
    settings = Settings(raw.get("profile", "standard"), dict(raw.get("overrides", {})))
    problem = settings_problem(settings)
    if problem is not None:
        raise ValueError(f"matrix {data['name']!r}: {problem}")
    matrix = Matrix(
        data["name"],
        data["scheme"],
        description=data.get("description", ""),
        template_id=data.get("template_id"),
        settings=settings,
    )
    matrix.version = int(data.get("version", 0))
    data["sheet"]
    if grid is None:
        _structure_from_data(matrix, data)
    else:
        _structure_from_grid(matrix, data, grid, problems)
    _extras_from_data(matrix, data)
    matrix.journal.clear()
    return matrix


def _structure_from_data(matrix: Matrix, data: dict[str, Any]) -> None:
    for role in data["roles"]:
        matrix.add_role(
            role["name"],
            short=role["short"],
            description=role["description"],
            colour=role["colour"],
            role_id=role["id"],
        )
    for phase_data in data["phases"]:
        phase = matrix.add_phase(phase_data["name"], phase_id=phase_data["id"])
        for task in phase_data["tasks"]:
            matrix.add_task(
                task["name"],
                phase.id,
                description=task["description"],
                notes=task["notes"],
                task_id=task["id"],
                reference=task.get("reference", ""),
            )


def _structure_from_grid(
    matrix: Matrix, data: dict[str, Any], grid: list[tuple[Any, ...]], problems: list[ImportProblem]
) -> None:
    sheet = data["sheet"]
    header = grid[HEADER_ROW] if len(grid) > HEADER_ROW else ()
    if _grid_as_written(data, grid, header):
        _structure_from_data(matrix, data)
        _cells_as_written(matrix, data, grid, problems)
        return
    # The user changed rows or columns: follow the sheet, matching names to the stored model.
    # ---- roles: header cells up to the description column (or the first blank)
    roles_by_text = {normalise(cell_text(r["name"])): r for r in data["roles"]}
    role_cols: list[tuple[int, int]] = []  # (column, role id)
    col = FIRST_ROLE_COL
    while col < len(header):
        text = _text(header[col])
        if not text or text == DESCRIPTION_HEADER:
            break
        stored = roles_by_text.pop(normalise(text), None)
        if stored is not None:
            role = matrix.add_role(
                stored["name"],
                short=stored["short"],
                description=stored["description"],
                colour=stored["colour"],
                role_id=stored["id"],
            )
        else:
            name = matrix.unique_role_name(text)
            if normalise(name) != normalise(text):
                problems.append(
                    ImportProblem(
                        cell_ref(sheet, HEADER_ROW, col), f"role {text!r} repeats; named {name!r}"
                    )
                )
            role = matrix.add_role(name)
        role_cols.append((col, role.id))
        col += 1
    description_col = (
        col if col < len(header) and _text(header[col]) == DESCRIPTION_HEADER else None
    )
    for stored in roles_by_text.values():
        problems.append(
            ImportProblem(sheet, f"role {stored['name']!r} is no longer in the sheet; left out")
        )
    # ---- rows: phases and tasks in sheet order
    phases_by_text = {normalise(cell_text(p["name"])): p for p in data["phases"] if p["name"]}
    unnamed = next((p for p in data["phases"] if not p["name"]), None)
    tasks_by_text = {normalise(cell_text(t["name"])): t for p in data["phases"] for t in p["tasks"]}
    scheme = matrix.scheme
    cells: list[tuple[int, int, str]] = []
    texts: list[tuple[int, int, str]] = []
    current_phase: int | None = None
    # a task renamed in the spreadsheet keeps its id and notes: a row with a new name, in
    # the place of a stored task whose name is nowhere in the sheet, is that task
    stored_order = [t for p in data["phases"] for t in p["tasks"]]
    names_in_sheet = {
        normalise(_text(row[TASK_COL])) for row in grid[FIRST_ROW:] if row and _text(row[TASK_COL])
    }
    task_number = -1
    for row_index in range(FIRST_ROW, len(grid)):
        row = grid[row_index]
        name = _text(row[TASK_COL]) if row else ""
        codes = [(c, _text(row[c]) if c < len(row) else "") for c, _ in role_cols]
        has_codes = any(text for _, text in codes)
        if not name:
            if has_codes:
                problems.append(
                    ImportProblem(
                        cell_ref(sheet, row_index, TASK_COL),
                        "codes in a row without a task name; row left out",
                    )
                )
            continue
        key = normalise(name)
        stored_task = tasks_by_text.pop(key, None)
        if stored_task is None and not has_codes and key in phases_by_text:
            stored_phase = phases_by_text.pop(key)
            current_phase = matrix.add_phase(stored_phase["name"], phase_id=stored_phase["id"]).id
            continue
        if stored_task is None and not has_codes:
            current_phase = matrix.add_phase(name).id  # a new phase typed into the sheet
            continue
        if current_phase is None:
            phase_id = unnamed["id"] if unnamed is not None else None
            current_phase = matrix.add_phase("", phase_id=phase_id).id
        task_number += 1
        if stored_task is None and task_number < len(stored_order):
            in_place = stored_order[task_number]
            in_place_key = normalise(cell_text(in_place["name"]))
            if (
                in_place_key not in names_in_sheet
                and in_place_key in tasks_by_text
                and matrix.find_task(name) is None
            ):
                stored_task = dict(tasks_by_text.pop(in_place_key), name=name)
                problems.append(
                    ImportProblem(
                        cell_ref(sheet, row_index, TASK_COL),
                        f"task {in_place['name']!r} renamed to {name!r}; its notes are kept",
                    )
                )
        if stored_task is not None:
            task = matrix.add_task(
                stored_task["name"],
                current_phase,
                description=stored_task["description"],
                notes=stored_task["notes"],
                task_id=stored_task["id"],
                reference=stored_task.get("reference", ""),
            )
        else:
            unique = matrix.unique_task_name(name)
            if normalise(unique) != key:
                problems.append(
                    ImportProblem(
                        cell_ref(sheet, row_index, TASK_COL),
                        f"task {name!r} repeats; named {unique!r}",
                    )
                )
            description = ""
            if description_col is not None and description_col < len(row):
                description = _text(row[description_col])
            task = matrix.add_task(unique, current_phase, description=description)
        for (col_index, text), (_, role_id) in zip(codes, role_cols, strict=True):
            if not text:
                continue
            parsed = parse_codes(text, scheme)
            if parsed.unreadable:
                texts.append((task.id, role_id, text))
                problems.append(kept_text(cell_ref(sheet, row_index, col_index), text))
            value = scheme.canonical(parsed.codes + parsed.foreign)
            if value:
                cells.append((task.id, role_id, value))
    for stored in tasks_by_text.values():
        problems.append(
            ImportProblem(sheet, f"task {stored['name']!r} is no longer in the sheet; left out")
        )
    if (
        unnamed is not None
        and not unnamed["tasks"]
        and not any(p.name == "" for p in matrix.phases)
    ):
        matrix.add_phase("", index=_phase_index(data, unnamed["id"]), phase_id=unnamed["id"])
    for stored_phase in phases_by_text.values():
        if not stored_phase["tasks"]:  # an empty phase has no tasks to mark its place
            index = min(_phase_index(data, stored_phase["id"]), len(matrix.phases))
            matrix.add_phase(stored_phase["name"], index=index, phase_id=stored_phase["id"])
    matrix.load_cells(cells)
    matrix.load_cell_texts(texts)


def _header_texts(header: tuple[Any, ...]) -> list[str]:
    texts = []
    for value in header[FIRST_ROLE_COL:]:
        text = _text(value)
        if not text or text == DESCRIPTION_HEADER:
            break
        texts.append(text)
    return texts


def _grid_as_written(
    data: dict[str, Any], grid: list[tuple[Any, ...]], header: tuple[Any, ...]
) -> bool:
    """Are the sheet's task rows and role columns still those that were written?"""
    if _header_texts(header) != [cell_text(r["name"]).strip() for r in data["roles"]]:
        return False
    names = [_text(row[TASK_COL]) for row in grid[FIRST_ROW:] if row and _text(row[TASK_COL])]
    return names == [cell_text(item["name"]).strip() for _, item in expected_rows(data)]


def _cells_as_written(
    matrix: Matrix, data: dict[str, Any], grid: list[tuple[Any, ...]], problems: list[ImportProblem]
) -> None:
    sheet = data["sheet"]
    scheme = matrix.scheme
    role_ids = [r["id"] for r in data["roles"]]
    last_col = FIRST_ROLE_COL + len(role_ids)
    items = iter(expected_rows(data))
    cells: list[tuple[int, int, str]] = []
    texts: list[tuple[int, int, str]] = []
    stored_texts = {(int(t), int(r)): str(x) for t, r, x in data.get("cell_texts", ())}
    readings: dict[str, tuple[str, bool]] = {}  # cell text -> (codes, unreadable); texts repeat
    for row_index in range(FIRST_ROW, len(grid)):
        row = grid[row_index]
        if not row or not _text(row[TASK_COL]):
            if row and any(_text(v) for v in row[FIRST_ROLE_COL:last_col]):
                problems.append(
                    ImportProblem(
                        cell_ref(sheet, row_index, TASK_COL),
                        "codes in a row without a task name; row left out",
                    )
                )
            continue
        kind, item = next(items)
        values = row[FIRST_ROLE_COL:last_col]
        if kind == "phase":
            if any(_text(v) for v in values):
                problems.append(
                    ImportProblem(
                        cell_ref(sheet, row_index, TASK_COL),
                        f"codes on the phase row {item['name']!r}; left out",
                    )
                )
            continue
        task_id = item["id"]
        for offset, value in enumerate(values):
            if value is None:
                continue
            text = _text(value)
            if not text:
                continue
            known = readings.get(text)
            if known is None:
                parsed = parse_codes(text, scheme)
                known = readings[text] = (
                    scheme.canonical(parsed.codes + parsed.foreign),
                    bool(parsed.unreadable),
                )
            codes, unreadable = known
            role_id = role_ids[offset]
            if unreadable:
                # kept as written beside the cell: the checker lists it until someone decides
                stored = stored_texts.get((task_id, role_id))
                if stored is not None and cell_field(codes, stored, scheme) == text:
                    texts.append((task_id, role_id, stored))  # as exported
                else:
                    texts.append((task_id, role_id, text))
                    problems.append(
                        kept_text(cell_ref(sheet, row_index, FIRST_ROLE_COL + offset), text)
                    )
            if codes:
                cells.append((task_id, role_id, codes))
    matrix.load_cells(cells)
    matrix.load_cell_texts(texts)


def _phase_index(data: dict[str, Any], phase_id: int) -> int:
    return next(i for i, p in enumerate(data["phases"]) if p["id"] == phase_id)


def _extras_from_data(matrix: Matrix, data: dict[str, Any]) -> None:
    role_ids = {r.id for r in matrix.roles}
    task_ids = {t.id for t in matrix.tasks}
    people = [
        Person(p["id"], p["name"], [rid for rid in p["role_ids"] if rid in role_ids])
        for p in data.get("people", [])
    ]
    if people:
        matrix.set_people(people)
    person_ids = {p.id for p in people}
    conflicts = [(a, b) for a, b in data.get("conflicts", []) if a in role_ids and b in role_ids]
    if conflicts:
        matrix.set_conflicts(conflicts)
    suppressions = [
        Suppression(s["rule"], s["reason"], s.get("task_id"), s.get("role_id"), s.get("person_id"))
        for s in data.get("suppressions", [])
        if (s.get("task_id") is None or s["task_id"] in task_ids)
        and (s.get("role_id") is None or s["role_id"] in role_ids)
        and (s.get("person_id") is None or s["person_id"] in person_ids)
    ]
    if suppressions:
        matrix.set_suppressions(suppressions)
    presets = [
        StaffingPreset(
            p["name"],
            tuple((person, tuple(roles)) for person, roles in p.get("people", [])),
            p.get("description", ""),
        )
        for p in data.get("presets", [])
    ]
    if presets:
        matrix.set_presets(presets)
