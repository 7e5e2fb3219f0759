"""The one way anything changes a matrix: the :class:`Editor`.

Typing in the grid, the cell editor, paste and fill, renames in the headers and the
side panels, people, staffing, accepting findings -- every widget calls an Editor
method and gets an :class:`EditResult` back: the undoable edit it made (already
applied) and what it refused and why, for the status bar. There is one rule for
what text is a code (:meth:`Editor.read_codes`) and one name check, so the four
ways of putting codes into cells can no longer disagree ("A/X" used to become "A"
in the cell editor and nothing on paste).

The editor hands every edit it made to a :class:`Recorder`: the GUI's puts it on
its one ``QUndoStack`` (:mod:`rolematrix.gui.undo`), tests and scripts use
:class:`History`. Nothing here knows Qt (as orange-canvas-core's document editor
is the only editing API its widgets call).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from rolematrix.core.codes import NOT_INVOLVED, parse_codes
from rolematrix.core.edits import (
    AddMatrixEdit,
    BlockEdit,
    CellChange,
    CellsEdit,
    CompoundEdit,
    ConflictsEdit,
    Edit,
    EditLabel,
    InsertPhaseEdit,
    InsertRoleEdit,
    InsertTaskEdit,
    MatrixEdit,
    MoveMatrixEdit,
    MovePhaseEdit,
    MoveRoleEdit,
    MoveTaskEdit,
    PeopleEdit,
    PersonRolesEdit,
    RemoveMatrixEdit,
    RemovePhaseEdit,
    RemoveRoleEdit,
    RemoveTaskEdit,
    RenameMatrixEdit,
    RenamePersonEdit,
    RenamePhaseEdit,
    SchemeEdit,
    SettingsEdit,
    SuppressionsEdit,
    UpdateRoleEdit,
    UpdateTaskEdit,
)
from rolematrix.core.history import matrix_from, structure_of
from rolematrix.core.model import (
    CellKey,
    Document,
    Matrix,
    Person,
    Settings,
    StaffingPreset,
    Suppression,
)
from rolematrix.core.names import clean_name, distinct_name, normalise
from rolematrix.core.schemes import CHECK_MARK, Scheme, get_scheme

#: A pasted block larger than this many cells is refused (a clipboard is no import).
MAX_PASTE_CELLS = 2_000_000


@dataclass(frozen=True, slots=True)
class Refusal:
    """Something the editor did not do, as data the GUI words in its language.

    Keys: not-a-code (text, scheme), empty-name (what), name-taken (what, name), last-matrix,
    paste-overflow (count: rows, extra: roles), paste-too-large (count),
    pasted-not-codes (count, text: the first one).
    """

    key: str
    text: str = ""
    what: str = ""  # "task", "role", "phase", "person", "matrix"
    count: int = 0
    extra: int = 0
    scheme: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    """Every cell of ``tasks`` x ``roles``: a selection too big to list cell by cell (select all
    on the 5,000 x 200 matrix is a million cells; a list of pairs alone costs 100 MB)."""

    tasks: Sequence[int]
    roles: Sequence[int]

    def cells(self) -> list[CellKey]:
        return [(t, r) for t in self.tasks for r in self.roles]


Cells = Sequence[CellKey] | Block  # what an edit of cells applies to


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an editor call did: ``edit`` (applied and recorded) or None, and any refusals."""

    edit: Edit | None = None
    refusals: tuple[Refusal, ...] = ()

    @property
    def done(self) -> bool:
        return self.edit is not None


class Recorder(Protocol):
    """Where the editor puts the edits it made (they are applied already)."""

    def record(self, edit: Edit) -> None: ...


class History:
    """A plain undo history, for tests and scripts (the GUI uses its QUndoStack instead)."""

    def __init__(self) -> None:
        self.done: list[Edit] = []
        self.undone: list[Edit] = []

    def record(self, edit: Edit) -> None:
        self.undone.clear()
        last = self.done[-1] if self.done else None
        if last is not None and last.merge_key is not None and last.merge(edit):
            if last.obsolete:
                self.done.pop()
            return
        self.done.append(edit)

    def undo(self) -> bool:
        if not self.done:
            return False
        edit = self.done.pop()
        edit.revert()
        self.undone.append(edit)
        return True

    def redo(self) -> bool:
        if not self.undone:
            return False
        edit = self.undone.pop()
        edit.apply()
        self.done.append(edit)
        return True


@dataclass(slots=True)
class Group:
    """Edits collected by :meth:`Editor.group`; ``edit`` is what was recorded once it ended."""

    label: EditLabel
    parts: list[Edit] = field(default_factory=list)
    edit: Edit | None = None


class Editor:
    """Edits one matrix; every change made through it is one undoable, recorded edit."""

    def __init__(self, matrix: Matrix, recorder: Recorder | None = None) -> None:
        self.matrix = matrix
        self.recorder: Recorder = recorder if recorder is not None else History()
        self._groups: list[Group] = []

    # -------------------------------------------------------------- plumbing
    def _done(self, edit: Edit, refusals: Sequence[Refusal] = ()) -> EditResult:
        """``edit`` was applied: record it (or add it to the open group)."""
        if self._groups:
            self._groups[-1].parts.append(edit)
        else:
            self.recorder.record(edit)
        return EditResult(edit, tuple(refusals))

    def _do(self, edit: Edit, refusals: Sequence[Refusal] = ()) -> EditResult:
        edit.apply()
        return self._done(edit, refusals)

    @contextlib.contextmanager
    def group(self, label: EditLabel) -> Iterator[Group]:
        """Edits made inside become one undo step (recorded when the block ends)."""
        group = Group(label)
        self._groups.append(group)
        try:
            yield group
        finally:
            self._groups.pop()
            if group.parts:
                group.edit = (
                    group.parts[0]
                    if len(group.parts) == 1
                    else CompoundEdit(self.matrix, group.label, group.parts)
                )
                self._done(group.edit)

    # --------------------------------------------------------- the code rule
    def read_codes(self, text: str) -> str | Refusal:
        """THE rule for text that goes into a cell: its codes, or why it is no code.

        Codes of the scheme in any of the ways people type them ("A/R", "a r",
        Cyrillic look-alikes); blank text and not-involved marks ("-", "N") clear.
        Anything else -- a letter of another scheme, a word -- is refused whole:
        never half taken ("A/X" is not "A"), never guessed.
        """
        stripped = text.strip()
        if not stripped or stripped in NOT_INVOLVED:
            return ""
        parsed = parse_codes(stripped, self.matrix.scheme)
        if parsed.ok and parsed.codes:
            return parsed.codes
        return Refusal("not-a-code", text=stripped, scheme=self.matrix.scheme.id)

    # ------------------------------------------------------------------ cells
    def set_text(self, cells: Cells, text: str) -> EditResult:
        """Text typed into the cell editor."""
        codes = self.read_codes(text)
        if isinstance(codes, Refusal):
            return EditResult(refusals=(codes,))
        key = "set-codes" if codes else "clear-cells"
        return self._assign(cells, codes, EditLabel(key, self.matrix.scheme.display(codes)))

    def _assign(self, cells: Cells, codes: str, label: EditLabel) -> EditResult:
        """One value on every cell: a block at once, a list cell by cell."""
        if isinstance(cells, Block):
            if not cells.tasks or not cells.roles:
                return EditResult()
            return self._do(BlockEdit(self.matrix, cells.tasks, cells.roles, codes, label))
        return self.set_codes([(t, r, codes) for t, r in cells], label)

    def type_code(self, cells: Cells, text: str, *, toggle: bool = False) -> EditResult:
        """A key typed on the grid: its code on every cell, or toggled in each (Shift)."""
        codes = self.read_codes(text)
        if isinstance(codes, Refusal) or not codes:
            refusal = codes if isinstance(codes, Refusal) else Refusal("not-a-code", text=text)
            return EditResult(refusals=(refusal,))
        matrix = self.matrix
        scheme = matrix.scheme
        if toggle and not scheme.is_check:
            changes = []
            for task_id, role_id in cells.cells() if isinstance(cells, Block) else cells:
                present = set(matrix.get(task_id, role_id))
                present.symmetric_difference_update(codes)
                changes.append((task_id, role_id, scheme.canonical(present)))
            return self.set_codes(changes, EditLabel("toggle-code", scheme.display(codes)))
        return self._assign(cells, codes, EditLabel("set-codes", scheme.display(codes)))

    def cycle(self, cells: Cells, current: CellKey) -> EditResult:
        """Space: the current cell's next code in scheme order (empty, R, A, C, I, empty...)."""
        matrix = self.matrix
        now = matrix.get(*current)
        cycle = ["", *matrix.scheme.letters]
        following = cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else cycle[1]
        return self._assign(cells, following, EditLabel("cycle-code"))

    def clear(self, cells: Cells, *, cut: bool = False) -> EditResult:
        """Delete: the cells' codes, and any unread text they hold."""
        matrix = self.matrix
        label = EditLabel("cut" if cut else "clear-cells")
        if isinstance(cells, Block):
            held = set(cells.roles)
            if not any(
                matrix.row(t).keys() & held or matrix.row_texts(t).keys() & held
                for t in cells.tasks
            ):
                return EditResult()  # nothing to clear, nothing to undo
            return self._assign(cells, "", label)
        texts = matrix.has_cell_texts
        changes = [
            (t, r, "") for t, r in cells if matrix.get(t, r) or (texts and matrix.cell_text(t, r))
        ]
        return self.set_codes(changes, label)

    def set_codes(self, changes: Sequence[CellChange], label: EditLabel) -> EditResult:
        """Codes already read (by :meth:`read_codes`, or the model's own); unchanged cells skipped."""
        matrix = self.matrix
        texts = matrix.has_cell_texts
        canonical = matrix.scheme.canonical
        wanted = [
            (t, r, value)
            for t, r, codes in changes
            if (value := canonical(codes)) != matrix.get(t, r) or (texts and matrix.cell_text(t, r))
        ]
        if not wanted:
            return EditResult()
        return self._do(CellsEdit(matrix, wanted, label))

    # ------------------------------------------------------------------ paste
    def paste(
        self,
        text: str,
        *,
        selection: Cells,
        tasks: Sequence[int],
        roles: Sequence[int],
        grow: bool = False,
    ) -> EditResult:
        """Tab-separated text from a spreadsheet, at the selection.

        ``tasks`` are the task ids from the anchor row down (as the grid shows them),
        ``roles`` the role ids from the anchor column on. One value fills the
        selection. A block that reaches past the last task or role is refused with
        ``paste-overflow`` unless ``grow`` (the user said yes): then the missing
        tasks and roles are added in the same undo step. A block whose first row
        names roles and whose first column names tasks is a table: its tasks and
        roles are matched by name, the missing ones added. Values that are no
        codes leave their cells as they were and are counted in the result.
        """
        block = _split_block(text)
        if not block:
            return EditResult()
        size = sum(len(row) for row in block)
        if size > MAX_PASTE_CELLS:
            return EditResult(refusals=(Refusal("paste-too-large", count=size),))
        if len(block) == 1 and len(block[0]) == 1:  # one value fills the selection
            codes = self.read_codes(block[0][0])
            if isinstance(codes, Refusal):
                return EditResult(refusals=(codes,))
            return self._assign(selection, codes, EditLabel("paste"))
        if self._is_table(block):
            return self._paste_table(block, tasks)
        width = max(len(row) for row in block)
        missing_rows = max(0, len(block) - len(tasks))
        missing_cols = max(0, width - len(roles))
        if (missing_rows or missing_cols) and not grow:
            return EditResult(
                refusals=(Refusal("paste-overflow", count=missing_rows, extra=missing_cols),)
            )
        with self.group(EditLabel("paste")) as pasted:
            task_ids = list(tasks[: len(block)])
            role_ids = list(roles[:width])
            phase_id = self.matrix.phase_of(tasks[-1]).id if tasks else None
            for _ in range(missing_rows):
                name = self.matrix.unique_task_name("New task")
                inserted = self.insert_task(name, phase_id)
                assert isinstance(inserted.edit, InsertTaskEdit) and inserted.edit.task_id
                task_ids.append(inserted.edit.task_id)
            for _ in range(missing_cols):
                added = self.insert_role(self.matrix.unique_role_name("New role"))
                assert isinstance(added.edit, InsertRoleEdit) and added.edit.role_id
                role_ids.append(added.edit.role_id)
            refused = self._paste_values(
                block, [(task_ids[i], role_ids) for i in range(len(block))]
            )
        return EditResult(pasted.edit, refused)

    def _paste_values(
        self, block: list[list[str]], rows: Sequence[tuple[int, Sequence[int]]]
    ) -> tuple[Refusal, ...]:
        changes: list[CellChange] = []
        bad: list[str] = []
        memo: dict[str, str | Refusal] = {}
        for values, (task_id, role_ids) in zip(block, rows, strict=True):
            for value, role_id in zip(values, role_ids, strict=False):
                codes = memo.get(value)
                if codes is None:
                    codes = memo[value] = self.read_codes(value)
                if isinstance(codes, Refusal):
                    bad.append(value.strip())
                else:
                    changes.append((task_id, role_id, codes))
        self.set_codes(changes, EditLabel("paste"))
        if bad:
            return (Refusal("pasted-not-codes", text=bad[0], count=len(bad)),)
        return ()

    def _is_table(self, block: list[list[str]]) -> bool:
        """A spreadsheet's table: role names across the first row, task names down the first
        column (neither reads as codes), the corner blank or a heading."""
        if len(block) < 2 or len(block[0]) < 2:
            return False
        header = [v.strip() for v in block[0][1:]]
        names = [row[0].strip() for row in block[1:] if row]
        if not all(header) or not all(names):
            return False

        def is_name(value: str) -> bool:
            return isinstance(self.read_codes(value), Refusal)

        if not (all(map(is_name, header)) and all(map(is_name, names))):
            return False
        # names that are no codes could be any words: a table names at least one of the
        # matrix's roles or tasks (else its rows and columns would all be made up)
        matrix = self.matrix
        return any(matrix.find_role(n) for n in header) or any(matrix.find_task(n) for n in names)

    def _paste_table(self, block: list[list[str]], tasks: Sequence[int]) -> EditResult:
        matrix = self.matrix
        phase_id = matrix.phase_of(tasks[0]).id if tasks else None
        with self.group(EditLabel("paste")) as pasted:
            role_ids: list[int] = []
            for name in block[0][1:]:
                role = matrix.find_role(name)
                if role is None:
                    added = self.insert_role(clean_name(name))
                    assert isinstance(added.edit, InsertRoleEdit) and added.edit.role_id
                    role_ids.append(added.edit.role_id)
                else:
                    role_ids.append(role.id)
            rows: list[tuple[int, Sequence[int]]] = []
            for row in block[1:]:
                task = matrix.find_task(row[0])
                if task is None:
                    inserted = self.insert_task(clean_name(row[0]), phase_id)
                    assert isinstance(inserted.edit, InsertTaskEdit) and inserted.edit.task_id
                    rows.append((inserted.edit.task_id, role_ids))
                else:
                    rows.append((task.id, role_ids))
            refused = self._paste_values([row[1:] for row in block[1:]], rows)
        return EditResult(pasted.edit, refused)

    # ------------------------------------------------------------------ names
    def name_problem(self, what: str, name: str, except_id: int | None = None) -> Refusal | None:
        """THE name check for tasks and roles: not empty, not taken (trimmed, case folded)."""
        cleaned = clean_name(name)
        if not cleaned:
            return Refusal("empty-name", what=what)
        other = self.matrix.find_task(cleaned) if what == "task" else self.matrix.find_role(cleaned)
        if other is not None and other.id != except_id:
            return Refusal("name-taken", what=what, text=other.name)
        return None

    # ------------------------------------------------------------------ tasks
    def insert_task(
        self,
        name: str,
        phase_id: int | None = None,
        index: int | None = None,
        *,
        description: str = "",
    ) -> EditResult:
        problem = self.name_problem("task", name)
        if problem is not None:
            return EditResult(refusals=(problem,))
        return self._do(
            InsertTaskEdit(self.matrix, clean_name(name), phase_id, index, description=description)
        )

    def delete_tasks(self, task_ids: Sequence[int]) -> EditResult:
        ids = [t for t in dict.fromkeys(task_ids) if self.matrix.has_task(t)]
        if not ids:
            return EditResult()
        if len(ids) == 1:
            return self._do(RemoveTaskEdit(self.matrix, ids[0]))
        with self.group(EditLabel("delete-tasks", count=len(ids))) as deleted:
            for task_id in ids:
                self._do(RemoveTaskEdit(self.matrix, task_id))
        return EditResult(deleted.edit)

    def move_task(self, task_id: int, phase_id: int, index: int) -> EditResult:
        return self._do(MoveTaskEdit(self.matrix, task_id, phase_id, index))

    def update_task(self, task_id: int, **fields: str) -> EditResult:
        """Rename a task or change its description, notes or reference."""
        task = self.matrix.task(task_id)
        if "name" in fields:
            problem = self.name_problem("task", fields["name"], task_id)
            if problem is not None:
                return EditResult(refusals=(problem,))
            fields["name"] = clean_name(fields["name"])
        changed = {k: v for k, v in fields.items() if getattr(task, k) != v}
        if not changed:
            return EditResult()
        key = "rename-task" if list(changed) == ["name"] else "edit-task"
        if list(changed) in (["description"], ["notes"], ["reference"]):
            key = f"task-{next(iter(changed))}"
        label = EditLabel(key, changed.get("name", task.name))
        return self._do(UpdateTaskEdit(self.matrix, task_id, label, **changed))

    # ------------------------------------------------------------------ roles
    def insert_role(self, name: str, index: int | None = None, *, short: str = "") -> EditResult:
        problem = self.name_problem("role", name)
        if problem is not None:
            return EditResult(refusals=(problem,))
        return self._do(InsertRoleEdit(self.matrix, clean_name(name), index, short=short))

    def delete_roles(self, role_ids: Sequence[int]) -> EditResult:
        ids = [r for r in dict.fromkeys(role_ids) if self.matrix.has_role(r)]
        if not ids:
            return EditResult()
        if len(ids) == 1:
            return self._do(RemoveRoleEdit(self.matrix, ids[0]))
        with self.group(EditLabel("delete-roles", count=len(ids))) as deleted:
            for role_id in ids:
                self._do(RemoveRoleEdit(self.matrix, role_id))
        return EditResult(deleted.edit)

    def move_role(self, role_id: int, index: int) -> EditResult:
        return self._do(MoveRoleEdit(self.matrix, role_id, index))

    def update_role(self, role_id: int, **fields: str) -> EditResult:
        """Rename a role or change its short label, description or colour."""
        role = self.matrix.role(role_id)
        if "name" in fields:
            problem = self.name_problem("role", fields["name"], role_id)
            if problem is not None:
                return EditResult(refusals=(problem,))
            fields["name"] = clean_name(fields["name"])
        if "short" in fields:
            fields["short"] = fields["short"].strip()
        changed = {k: v for k, v in fields.items() if getattr(role, k) != v}
        if not changed:
            return EditResult()
        key = "rename-role" if list(changed) == ["name"] else "edit-role"
        if list(changed) in (["short"], ["description"], ["colour"]):
            key = f"role-{next(iter(changed))}"
        label = EditLabel(key, changed.get("name", role.name))
        return self._do(UpdateRoleEdit(self.matrix, role_id, label, **changed))

    # ----------------------------------------------------------------- phases
    def insert_phase(self, name: str, index: int | None = None) -> EditResult:
        return self._do(InsertPhaseEdit(self.matrix, clean_name(name), index))

    def delete_phase(self, phase_id: int) -> EditResult:
        return self._do(RemovePhaseEdit(self.matrix, phase_id))

    def rename_phase(self, phase_id: int, name: str) -> EditResult:
        if self.matrix.phase(phase_id).name == clean_name(name):
            return EditResult()
        return self._do(RenamePhaseEdit(self.matrix, phase_id, clean_name(name)))

    def move_phase(self, phase_id: int, index: int) -> EditResult:
        return self._do(MovePhaseEdit(self.matrix, phase_id, index))

    # ----------------------------------------------------------------- people
    def set_people(self, people: Sequence[Person], label: EditLabel) -> EditResult:
        return self._do(PeopleEdit(self.matrix, people, label))

    def apply_preset(self, preset: StaffingPreset) -> EditResult:
        """Staff the roles as ``preset`` says (ids allocated once, so redo is exact)."""
        matrix = self.matrix
        people = []
        for person_name, role_names in preset.people:
            ids = [r.id for n in role_names if (r := matrix.find_role(n)) is not None]
            people.append(Person(matrix.new_id(), person_name, ids))
        return self.set_people(people, EditLabel("apply-staffing", preset.name))

    def add_person(self, name: str) -> EditResult:
        name = clean_name(name)
        if not name:
            return EditResult(refusals=(Refusal("empty-name", what="person"),))
        people = [*self.matrix.people, Person(self.matrix.new_id(), name, [])]
        return self.set_people(people, EditLabel("add-person", name))

    def remove_person(self, person_id: int) -> EditResult:
        name = self.matrix.person(person_id).name
        people = [p for p in self.matrix.people if p.id != person_id]
        return self.set_people(people, EditLabel("remove-person", name))

    def set_person_roles(self, person_id: int, role_ids: Sequence[int]) -> EditResult:
        if list(self.matrix.person(person_id).role_ids) == list(role_ids):
            return EditResult()
        return self._do(PersonRolesEdit(self.matrix, person_id, role_ids))

    def rename_person(self, person_id: int, name: str) -> EditResult:
        name = clean_name(name)
        if not name:
            return EditResult(refusals=(Refusal("empty-name", what="person"),))
        if self.matrix.person(person_id).name == name:
            return EditResult()
        return self._do(RenamePersonEdit(self.matrix, person_id, name))

    def set_conflicts(self, pairs: Sequence[tuple[int, int]]) -> EditResult:
        return self._do(ConflictsEdit(self.matrix, pairs))

    # -------------------------------------------------------- findings, matrix
    def accept(self, suppression: Suppression) -> EditResult:
        suppressions = [*self.matrix.suppressions, suppression]
        return self._do(
            SuppressionsEdit(self.matrix, suppressions, EditLabel("accept", suppression.rule))
        )

    def reopen(self, suppression: Suppression) -> EditResult:
        rest = [s for s in self.matrix.suppressions if s != suppression]
        return self._do(SuppressionsEdit(self.matrix, rest, EditLabel("reopen", suppression.rule)))

    def update_matrix(self, **fields: str) -> EditResult:
        if "name" in fields and not clean_name(fields["name"]):
            return EditResult(refusals=(Refusal("empty-name", what="matrix"),))
        return self._do(MatrixEdit(self.matrix, **fields))

    def set_settings(self, settings: Settings) -> EditResult:
        return self._do(SettingsEdit(self.matrix, settings))

    def change_scheme(self, scheme_id: str) -> SchemeResult:
        """Another scheme, the codes converted by their part (see :func:`scheme_conversion`).

        Never refused: cells left with letters the new scheme lacks keep them (the
        checker flags them) and ``foreign_cells`` says how many, for the status bar.
        """
        if scheme_id == self.matrix.scheme.id:
            return SchemeResult()
        plan = scheme_conversion(self.matrix, scheme_id)
        result = self._do(SchemeEdit(self.matrix, scheme_id, plan.changes))
        return SchemeResult(result.edit, foreign_cells=plan.foreign_cells)


def _split_block(text: str) -> list[list[str]]:
    """Tab-separated lines as spreadsheets put them on the clipboard (a last newline ends them)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


# ------------------------------------------------------------ another scheme
@dataclass(frozen=True, slots=True)
class SchemeResult(EditResult):
    """What :meth:`Editor.change_scheme` did; ``foreign_cells`` hold letters the scheme lacks."""

    foreign_cells: int = 0


@dataclass(frozen=True, slots=True)
class SchemeConversion:
    """The cells a change of scheme rewrites, and how many then hold letters it lacks."""

    scheme_id: str
    changes: tuple[CellChange, ...]
    foreign_cells: int


def convert_codes(codes: str, source: Scheme, target: Scheme) -> str:
    """One cell's codes in ``target``: each letter by its part, else the same letter.

    Accountable, responsible (DACI's D is RACI's R), consulted and informed go to
    the target's code for that part; another letter stays as it is (kept even
    where the target lacks it, for the checker to flag: nothing is dropped
    unseen). To check marks every involving code is a mark (CAIRO's "out of the
    loop" says "not involved" and becomes an empty cell); from check marks a
    mark is the target's responsible.
    """
    if target.is_check:
        involved = any(not source.has(c) or source.code(c).involves for c in codes)
        return CHECK_MARK if involved else ""
    parts: dict[str, str | None] = {}
    if source.is_check:
        parts[CHECK_MARK] = target.responsible
    else:
        for part in ("accountable", "responsible", "consulted"):
            mine, theirs = getattr(source, part), getattr(target, part)
            if mine and theirs:
                parts[mine] = theirs
        if source.has(_INFORMED) and target.has(_INFORMED):
            parts[_INFORMED] = _INFORMED
    return target.canonical(parts.get(c) or c for c in codes)


_INFORMED = "I"


def scheme_conversion(matrix: Matrix, scheme_id: str) -> SchemeConversion:
    """What switching ``matrix`` to ``scheme_id`` would do to its cells (for the dialog's note)."""
    source, target = matrix.scheme, get_scheme(scheme_id)
    changes: list[CellChange] = []
    foreign = 0
    memo: dict[str, str] = {}
    for task_id, role_id, codes in matrix.cells():
        new = memo.get(codes)
        if new is None:
            new = memo[codes] = convert_codes(codes, source, target)
        if new != codes:
            changes.append((task_id, role_id, new))
        if any(not target.has(c) for c in new):
            foreign += 1
    return SchemeConversion(scheme_id, tuple(changes), foreign)


# --------------------------------------------------------------- the document
class DocumentEditor:
    """Edits a document's list of matrices: add, rename, duplicate, delete, move.

    Like :class:`Editor`, every change is applied, then handed to the recorder
    as one undoable edit; the tabs follow the document's events, undo included.
    Names are unique in the document (trimmed, case folded), refused otherwise.
    """

    def __init__(self, document: Document, recorder: Recorder | None = None) -> None:
        self.document = document
        self.recorder: Recorder = recorder if recorder is not None else History()

    def _do(self, edit: Edit) -> EditResult:
        edit.apply()
        self.recorder.record(edit)
        return EditResult(edit)

    def name_problem(self, name: str, matrix: Matrix | None = None) -> Refusal | None:
        """Why ``name`` cannot name a matrix (``matrix`` itself aside), or None."""
        cleaned = clean_name(name)
        if not cleaned:
            return Refusal("empty-name", what="matrix")
        key = normalise(cleaned)
        if any(normalise(m.name) == key for m in self.document.matrices if m is not matrix):
            return Refusal("name-taken", text=cleaned, what="matrix")
        return None

    def unique_name(self, name: str) -> str:
        """``name``, or ``name (2)``... -- free in the document."""
        return distinct_name(clean_name(name), {normalise(m.name) for m in self.document.matrices})

    def add_matrix(
        self, name: str, scheme: str = "RACI", description: str = "", index: int | None = None
    ) -> EditResult:
        """A blank matrix in any scheme, after the others (or at ``index``)."""
        problem = self.name_problem(name)
        if problem is not None:
            return EditResult(refusals=(problem,))
        matrix = Matrix(clean_name(name), scheme, description=description)
        at = len(self.document.matrices) if index is None else index
        return self._do(
            AddMatrixEdit(self.document, matrix, at, EditLabel("add-matrix", matrix.name))
        )

    def rename(self, matrix: Matrix, name: str) -> EditResult:
        problem = self.name_problem(name, matrix)
        if problem is not None:
            return EditResult(refusals=(problem,))
        if clean_name(name) == matrix.name:
            return EditResult()
        return self._do(RenameMatrixEdit(matrix, clean_name(name)))

    def duplicate(self, matrix: Matrix, name: str | None = None) -> EditResult:
        """A deep copy with every field (ids, cells, unread cell texts), right after ``matrix``."""
        wanted = name if name is not None else self.unique_name(f"{matrix.name} (copy)")
        problem = self.name_problem(wanted)
        if problem is not None:
            return EditResult(refusals=(problem,))
        copy = matrix_from(replace(structure_of(matrix), name=clean_name(wanted)), matrix.cells())
        index = self.document.matrices.index(matrix) + 1
        label = EditLabel("duplicate-matrix", matrix.name)
        return self._do(AddMatrixEdit(self.document, copy, index, label))

    def delete(self, matrix: Matrix) -> EditResult:
        """Take ``matrix`` out; the last one stays (a document always shows a matrix)."""
        if len(self.document.matrices) <= 1:
            return EditResult(refusals=(Refusal("last-matrix", what="matrix"),))
        return self._do(RemoveMatrixEdit(self.document, matrix))

    def move(self, matrix: Matrix, index: int) -> EditResult:
        index = max(0, min(index, len(self.document.matrices) - 1))
        if self.document.matrices.index(matrix) == index:
            return EditResult()
        return self._do(MoveMatrixEdit(self.document, matrix, index))
