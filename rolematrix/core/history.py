"""What a shared workspace records and reconciles, in plain Python.

Two people editing one matrix are reconciled by comparing three versions of
it: the one both started from (*base*), the one in the workspace now
(*theirs*) and the one in this editor (*mine*). Cells are compared cell by
cell; everything else -- names, order, people, settings -- is captured in a
:class:`Structure`, a hashable snapshot of a matrix without its cells. The
same snapshots let the history rewind a matrix to an earlier time, and
:func:`apply_structure` turns a matrix into a given snapshot through the
matrix's own methods, so that an open editor sees every step as a change
(rows inserted, columns moved...) instead of a matrix swapped under it.

The types the editor shows -- :class:`HistoryEntry`, :class:`Conflict`,
:class:`RemoteChange`, :class:`RefreshResult` -- live here too, so that the
GUI needs nothing from the store but its methods.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, NamedTuple

from rolematrix.core.model import (
    CellKey,
    Matrix,
    Person,
    Settings,
    StaffingPreset,
    Suppression,
)
from rolematrix.core.names import normalise

# ---------------------------------------------------------------- history entries


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One recorded change: a cell, or a structural change (``kind`` says which).

    ``kind`` is ``cell``; ``matrix-added``, ``matrix-removed``, ``matrix``
    (name, description, scheme, template), ``settings``; ``phase-``, ``task-``
    and ``role-`` + ``added``, ``removed``, ``renamed``, ``moved``,
    ``changed`` (description, notes, short label, colour); ``people``,
    ``conflicts``, ``suppressions``, ``presets``. For cells ``old`` and
    ``new`` are canonical code strings (``""`` = empty); otherwise the old and
    new value in words. ``task`` and ``role`` are the names at the time, so an
    entry still reads right after the task was renamed or deleted. ``at`` is
    UTC; ``version`` is the matrix version the change produced.
    """

    id: int
    at: datetime
    who: str
    matrix: str
    version: int
    kind: str
    text: str
    task: str | None = None
    role: str | None = None
    old: str = ""
    new: str = ""
    task_id: int | None = None
    role_id: int | None = None
    matrix_id: int = 0

    @property
    def line(self) -> str:
        """One line for a terminal or a list: ``2026-11-20 10:03 UTC  ann  Plan: A × B: R → A``."""
        return f"{self.at:%Y-%m-%d %H:%M:%S} UTC  {self.who}  {self.matrix}: {self.text}"


@dataclass(frozen=True, slots=True)
class StructureChange:
    """A structural change found by :func:`describe_changes`, ready to be recorded."""

    kind: str
    text: str
    task_id: int | None = None
    role_id: int | None = None
    task: str | None = None
    role: str | None = None
    old: str = ""
    new: str = ""


# ---------------------------------------------------------------- structure snapshots


# Rows are named tuples: a snapshot of the large matrix builds 5,000 of them, and a
# tuple is built three times faster than a frozen dataclass.


class PhaseRow(NamedTuple):
    id: int
    name: str


class TaskRow(NamedTuple):
    id: int
    phase_id: int
    name: str
    description: str = ""
    notes: str = ""
    reference: str = ""


class RoleRow(NamedTuple):
    id: int
    name: str
    short: str = ""
    description: str = ""
    colour: str = ""


class PersonRow(NamedTuple):
    id: int
    name: str
    role_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Structure:
    """Everything of a matrix but its cells. Tasks are in reading order.

    ``next_id`` is carried along but not compared: consuming an id (adding
    and removing a task) is not a change anyone would want to see.
    """

    name: str
    description: str
    scheme: str
    template_id: str | None
    profile: str
    overrides: str  # settings overrides as canonical JSON, so that snapshots hash
    phases: tuple[PhaseRow, ...]
    tasks: tuple[TaskRow, ...]
    roles: tuple[RoleRow, ...]
    people: tuple[PersonRow, ...] = ()
    conflicts: tuple[tuple[int, int], ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    presets: tuple[StaffingPreset, ...] = ()
    #: unread cell texts (task id, role id, text), sorted: few, and saved with the structure
    cell_texts: tuple[tuple[int, int, str], ...] = ()
    next_id: int = field(default=1, compare=False)

    # ------------------------------------------------------------ JSON
    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "scheme": self.scheme,
            "template_id": self.template_id,
            "profile": self.profile,
            "overrides": self.overrides,
            "next_id": self.next_id,
            "phases": [[p.id, p.name] for p in self.phases],
            "tasks": [
                [t.id, t.phase_id, t.name, t.description, t.notes, t.reference] for t in self.tasks
            ],
            "roles": [[r.id, r.name, r.short, r.description, r.colour] for r in self.roles],
            "people": [[p.id, p.name, list(p.role_ids)] for p in self.people],
            "conflicts": [list(pair) for pair in self.conflicts],
            "suppressions": [
                [s.rule, s.reason, s.task_id, s.role_id, s.person_id] for s in self.suppressions
            ],
            "presets": [
                [p.name, p.description, [[n, list(r)] for n, r in p.people]] for p in self.presets
            ],
            "cell_texts": [list(item) for item in self.cell_texts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Structure:
        return cls(
            name=data["name"],
            description=data["description"],
            scheme=data["scheme"],
            template_id=data["template_id"],
            profile=data["profile"],
            overrides=data["overrides"],
            next_id=int(data.get("next_id", 1)),
            phases=tuple(PhaseRow(int(i), n) for i, n in data["phases"]),
            # snapshots written before task references have five fields a task
            tasks=tuple(TaskRow(int(t[0]), int(t[1]), *t[2:6]) for t in data["tasks"]),
            roles=tuple(RoleRow(int(i), n, s, d, c) for i, n, s, d, c in data["roles"]),
            people=tuple(PersonRow(int(i), n, tuple(r)) for i, n, r in data["people"]),
            conflicts=tuple((int(a), int(b)) for a, b in data["conflicts"]),
            suppressions=tuple(Suppression(*row) for row in data["suppressions"]),
            presets=tuple(
                StaffingPreset(n, tuple((str(p), tuple(r)) for p, r in people), d)
                for n, d, people in data["presets"]
            ),
            cell_texts=tuple(
                (int(t), int(r), str(text)) for t, r, text in data.get("cell_texts", ())
            ),
        )

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> Structure:
        return cls.from_json(json.loads(text))


def overrides_json(overrides: dict[str, Any]) -> str:
    """Settings overrides as the canonical JSON text the store writes and snapshots compare."""
    return json.dumps(overrides, ensure_ascii=False, sort_keys=True)


def structure_of(matrix: Matrix) -> Structure:
    """The snapshot of ``matrix`` as it is now (about 5 ms for 5,000 tasks)."""
    return Structure(
        name=matrix.name,
        description=matrix.description,
        scheme=matrix.scheme.id,
        template_id=matrix.template_id,
        profile=matrix.settings.profile,
        overrides=overrides_json(matrix.settings.overrides),
        phases=tuple(PhaseRow(p.id, p.name) for p in matrix.phases),
        tasks=tuple(
            TaskRow(t.id, p.id, t.name, t.description, t.notes, t.reference)
            for p in matrix.phases
            for t in p.tasks
        ),
        roles=tuple(RoleRow(r.id, r.name, r.short, r.description, r.colour) for r in matrix.roles),
        people=tuple(
            PersonRow(p.id, p.name, tuple(dict.fromkeys(p.role_ids))) for p in matrix.people
        ),
        conflicts=tuple(matrix.conflicts),
        suppressions=tuple(matrix.suppressions),
        presets=tuple(matrix.presets),
        cell_texts=tuple(sorted(matrix.cell_texts())) if matrix.has_cell_texts else (),
        next_id=matrix.next_id,
    )


def matrix_from(structure: Structure, cells: Iterable[tuple[int, int, str]] = ()) -> Matrix:
    """A new matrix built from a snapshot (and its cells); its journal is empty."""
    matrix = Matrix(
        structure.name,
        structure.scheme,
        description=structure.description,
        template_id=structure.template_id,
        settings=Settings(structure.profile, json.loads(structure.overrides)),
    )
    apply_structure(matrix, structure)
    tasks = {t.id for t in structure.tasks}
    roles = {r.id for r in structure.roles}
    matrix.load_cells((t, r, c) for t, r, c in cells if t in tasks and r in roles)
    matrix.journal.clear()
    return matrix


# ---------------------------------------------------------------- applying snapshots


def apply_structure(matrix: Matrix, target: Structure) -> None:
    """Change ``matrix`` until :func:`structure_of` gives ``target``, through its own methods.

    Every step is announced to the matrix's listeners (the editor's models).
    Cells of removed tasks and roles go with them; the caller decides what
    the journal should say afterwards. ``target`` must be consistent (unique
    task and role names); otherwise the model's ``DuplicateNameError`` is raised.
    """
    _apply_fields(matrix, target)
    want_tasks = {t.id: t for t in target.tasks}
    want_roles = {r.id: r for r in target.roles}
    for role in [r for r in matrix.roles if r.id not in want_roles]:
        matrix.remove_role(role.id)
    for task in [t for t in matrix.tasks if t.id not in want_tasks]:
        matrix.remove_task(task.id)
    present = {p.id for p in matrix.phases}
    for phase in target.phases:
        if phase.id not in present:
            matrix.add_phase(phase.name, phase_id=phase.id)
    _update_tasks(matrix, want_tasks)
    _update_roles(matrix, want_roles)
    for row in target.tasks:
        if not matrix.has_task(row.id):
            matrix.add_task(
                row.name,
                row.phase_id,
                description=row.description,
                notes=row.notes,
                task_id=row.id,
                reference=row.reference,
            )
    for role_row in target.roles:
        if not matrix.has_role(role_row.id):
            matrix.add_role(
                role_row.name,
                short=role_row.short,
                description=role_row.description,
                colour=role_row.colour,
                role_id=role_row.id,
            )
    _order(matrix, target)
    _apply_lists(matrix, target)
    _apply_cell_texts(matrix, target)
    if target.next_id > matrix.next_id:
        matrix._reserve_id(target.next_id - 1)


def _apply_fields(matrix: Matrix, target: Structure) -> None:
    changes: dict[str, str] = {}
    if matrix.name != target.name:
        changes["name"] = target.name
    if matrix.description != target.description:
        changes["description"] = target.description
    if matrix.scheme.id != target.scheme:
        changes["scheme"] = target.scheme
    if (matrix.template_id or None) != (target.template_id or None):
        changes["template_id"] = target.template_id or ""
    if changes:
        matrix.update(**changes)
    settings = matrix.settings
    if settings.profile != target.profile or overrides_json(settings.overrides) != target.overrides:
        matrix.set_settings(Settings(target.profile, json.loads(target.overrides)))


def _update_tasks(matrix: Matrix, want: dict[int, TaskRow]) -> None:
    pending = [
        (task, row)
        for task in matrix.tasks
        if (row := want[task.id]) is not None
        and (task.name, task.description, task.notes, task.reference)
        != (row.name, row.description, row.notes, row.reference)
    ]
    renamed = [(task, row) for task, row in pending if task.name != row.name]
    if any(
        (holder := matrix.find_task(row.name)) is not None and holder.id != task.id
        for task, row in renamed
    ):
        # names swap between tasks: step aside first so that no two are ever equal
        for task, _row in renamed:
            matrix.update_task(task.id, name=matrix.unique_task_name(f"{task.name} ~{task.id}~"))
    for task, row in pending:
        matrix.update_task(
            task.id,
            name=row.name if task.name != row.name else None,
            description=row.description,
            notes=row.notes,
            reference=row.reference,
        )


def _apply_cell_texts(matrix: Matrix, target: Structure) -> None:
    want = {(t, r): text for t, r, text in target.cell_texts}
    have = {(t, r): text for t, r, text in matrix.cell_texts()}
    if want != have:
        matrix.set_cell_texts([(t, r, want.get((t, r), "")) for t, r in have.keys() | want.keys()])


def _update_roles(matrix: Matrix, want: dict[int, RoleRow]) -> None:
    pending = [
        (role, row)
        for role in matrix.roles
        if (row := want[role.id]) is not None
        and (role.name, role.short, role.description, role.colour)
        != (row.name, row.short, row.description, row.colour)
    ]
    renamed = [(role, row) for role, row in pending if role.name != row.name]
    if any(
        (holder := matrix.find_role(row.name)) is not None and holder.id != role.id
        for role, row in renamed
    ):
        for role, _row in renamed:
            matrix.update_role(role.id, name=matrix.unique_role_name(f"{role.name} ~{role.id}~"))
    for role, row in pending:
        matrix.update_role(
            role.id,
            name=row.name if role.name != row.name else None,
            short=row.short,
            description=row.description,
            colour=row.colour,
        )


def _order(matrix: Matrix, target: Structure) -> None:
    by_phase: dict[int, list[int]] = {p.id: [] for p in target.phases}
    for row in target.tasks:
        by_phase[row.phase_id].append(row.id)
    for phase_row in target.phases:
        phase = matrix.phase(phase_row.id)
        ids = by_phase[phase_row.id]
        if [t.id for t in phase.tasks] == ids:
            continue
        for index, task_id in enumerate(ids):
            if index < len(phase.tasks) and phase.tasks[index].id == task_id:
                continue
            matrix.move_task(task_id, phase.id, index)
    for index, role_row in enumerate(target.roles):
        if matrix.roles[index].id != role_row.id:
            matrix.move_role(role_row.id, index)
    for index, phase_row in enumerate(target.phases):
        phase = matrix.phase(phase_row.id)
        if phase.name != phase_row.name:
            matrix.rename_phase(phase.id, phase_row.name)
        if matrix.phases[index].id != phase_row.id:
            matrix.move_phase(phase_row.id, index)
    wanted = {p.id for p in target.phases}
    for phase in [p for p in matrix.phases if p.id not in wanted]:
        matrix.remove_phase(phase.id)


def _apply_lists(matrix: Matrix, target: Structure) -> None:
    people = tuple(PersonRow(p.id, p.name, tuple(dict.fromkeys(p.role_ids))) for p in matrix.people)
    if people != target.people:
        matrix.set_people([Person(p.id, p.name, list(p.role_ids)) for p in target.people])
    if tuple(matrix.conflicts) != target.conflicts:
        matrix.set_conflicts(target.conflicts)
    if tuple(matrix.suppressions) != target.suppressions:
        matrix.set_suppressions(target.suppressions)
    if tuple(matrix.presets) != target.presets:
        matrix.set_presets(target.presets)


# ---------------------------------------------------------------- describing changes


def _q(text: str) -> str:
    return f"“{text}”"


def _kept_but_moved(old_ids: Sequence[int], new_ids: Sequence[int]) -> set[int]:
    """Ids whose place among the items both lists keep changed: those outside a longest
    run that kept its order (so moving one row reports one move, not every row after it)."""
    if list(old_ids) == list(new_ids):
        return set()
    new_pos = {item: i for i, item in enumerate(new_ids)}
    kept = [item for item in old_ids if item in new_pos]
    sequence = [new_pos[item] for item in kept]
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        parent[i] = tail_at[k - 1] if k else -1
    stay: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        stay.add(kept[i])
        i = parent[i]
    return {item for item in kept if item not in stay}


def describe_changes(old: Structure, new: Structure) -> list[StructureChange]:
    """The structural changes from ``old`` to ``new``, one per thing a reader would name.

    Items are matched by id (ids are stable within a matrix), so a renamed
    task is a rename, not a removal and an addition.
    """
    out: list[StructureChange] = []
    label = _q(new.name)
    if old.name != new.name:
        out.append(
            StructureChange(
                "matrix", f"matrix renamed {_q(old.name)} → {label}", old=old.name, new=new.name
            )
        )
    if old.description != new.description:
        out.append(
            StructureChange(
                "matrix", "description changed", old=old.description, new=new.description
            )
        )
    if old.scheme != new.scheme:
        out.append(
            StructureChange(
                "matrix", f"scheme {old.scheme} → {new.scheme}", old=old.scheme, new=new.scheme
            )
        )
    if (old.template_id or "") != (new.template_id or ""):
        out.append(
            StructureChange(
                "matrix",
                f"template {old.template_id or '—'} → {new.template_id or '—'}",
                old=old.template_id or "",
                new=new.template_id or "",
            )
        )
    if (old.profile, old.overrides) != (new.profile, new.overrides):
        was, now = f"{old.profile} {old.overrides}", f"{new.profile} {new.overrides}"
        out.append(StructureChange("settings", f"settings {was} → {now}", old=was, new=now))
    out += _describe_phases(old, new)
    out += _describe_tasks(old, new)
    out += _describe_roles(old, new)
    role_names = {r.id: r.name for r in (*old.roles, *new.roles)}

    def people_text(s: Structure) -> str:
        return "; ".join(
            f"{p.name}: {', '.join(role_names.get(r, '?') for r in p.role_ids) or 'no role'}"
            for p in s.people
        )

    if old.people != new.people:
        was, now = people_text(old), people_text(new)
        out.append(StructureChange("people", "people and the roles they hold", old=was, new=now))
    if old.conflicts != new.conflicts:
        was, now = (
            "; ".join(
                " / ".join(role_names.get(i, "?") for i in pair) for pair in structure.conflicts
            )
            for structure in (old, new)
        )
        out.append(StructureChange("conflicts", "incompatible roles", old=was, new=now))
    if old.suppressions != new.suppressions:
        was, now = (
            "; ".join(f"{s.rule}: {s.reason}" for s in structure.suppressions)
            for structure in (old, new)
        )
        out.append(StructureChange("suppressions", "accepted findings", old=was, new=now))
    if old.presets != new.presets:
        was, now = ("; ".join(p.name for p in structure.presets) for structure in (old, new))
        out.append(StructureChange("presets", "staffing presets", old=was, new=now))
    return out


def _describe_phases(old: Structure, new: Structure) -> list[StructureChange]:
    out: list[StructureChange] = []
    before = {p.id: p for p in old.phases}
    after = {p.id: p for p in new.phases}
    for p in old.phases:
        if p.id not in after:
            out.append(StructureChange("phase-removed", f"phase removed: {_q(p.name)}", old=p.name))
    for p in new.phases:
        was = before.get(p.id)
        if was is None:
            out.append(StructureChange("phase-added", f"phase added: {_q(p.name)}", new=p.name))
        elif was.name != p.name:
            out.append(
                StructureChange(
                    "phase-renamed",
                    f"phase renamed: {_q(was.name)} → {_q(p.name)}",
                    old=was.name,
                    new=p.name,
                )
            )
    for moved in _kept_but_moved([p.id for p in old.phases], [p.id for p in new.phases]):
        out.append(StructureChange("phase-moved", f"phase {_q(after[moved].name)} moved"))
    return out


def _describe_tasks(old: Structure, new: Structure) -> list[StructureChange]:
    out: list[StructureChange] = []
    before = {t.id: t for t in old.tasks}
    after = {t.id: t for t in new.tasks}
    phase_names = {p.id: p.name for p in (*old.phases, *new.phases)}
    for t in old.tasks:
        if t.id not in after:
            out.append(
                StructureChange(
                    "task-removed", f"task removed: {_q(t.name)}", t.id, None, t.name, old=t.name
                )
            )
    for t in new.tasks:
        was = before.get(t.id)
        if was is None:
            where = phase_names.get(t.phase_id, "")
            text = f"task added: {_q(t.name)}" + (f" in phase {_q(where)}" if where else "")
            out.append(StructureChange("task-added", text, t.id, None, t.name, new=t.name))
            continue
        if was.name != t.name:
            out.append(
                StructureChange(
                    "task-renamed",
                    f"task renamed: {_q(was.name)} → {_q(t.name)}",
                    t.id,
                    None,
                    t.name,
                    old=was.name,
                    new=t.name,
                )
            )
        for name in ("description", "notes", "reference"):
            a, b = getattr(was, name), getattr(t, name)
            if a != b:
                out.append(
                    StructureChange(
                        "task-changed",
                        f"task {_q(t.name)}: {name} changed",
                        t.id,
                        None,
                        t.name,
                        a,
                        b,
                    )
                )
        if was.phase_id != t.phase_id:
            a, b = phase_names.get(was.phase_id, ""), phase_names.get(t.phase_id, "")
            out.append(
                StructureChange(
                    "task-moved",
                    f"task {_q(t.name)} moved from phase {_q(a)} to {_q(b)}",
                    t.id,
                    None,
                    t.name,
                    a,
                    b,
                )
            )
    old_order = [t.id for t in old.tasks]
    new_order = [t.id for t in new.tasks]
    for moved in _kept_but_moved(old_order, new_order):
        if before[moved].phase_id == after[moved].phase_id:
            name = after[moved].name
            out.append(StructureChange("task-moved", f"task {_q(name)} moved", moved, None, name))
    return out


def _describe_roles(old: Structure, new: Structure) -> list[StructureChange]:
    out: list[StructureChange] = []
    before = {r.id: r for r in old.roles}
    after = {r.id: r for r in new.roles}
    for r in old.roles:
        if r.id not in after:
            out.append(
                StructureChange(
                    "role-removed", f"role removed: {_q(r.name)}", None, r.id, None, r.name, r.name
                )
            )
    for r in new.roles:
        was = before.get(r.id)
        if was is None:
            out.append(
                StructureChange(
                    "role-added", f"role added: {_q(r.name)}", None, r.id, None, r.name, new=r.name
                )
            )
            continue
        if was.name != r.name:
            out.append(
                StructureChange(
                    "role-renamed",
                    f"role renamed: {_q(was.name)} → {_q(r.name)}",
                    None,
                    r.id,
                    None,
                    r.name,
                    was.name,
                    r.name,
                )
            )
        for name in ("short", "description", "colour"):
            a, b = getattr(was, name), getattr(r, name)
            if a != b:
                out.append(
                    StructureChange(
                        "role-changed",
                        f"role {_q(r.name)}: {name} changed",
                        None,
                        r.id,
                        None,
                        r.name,
                        a,
                        b,
                    )
                )
    for moved in _kept_but_moved([r.id for r in old.roles], [r.id for r in new.roles]):
        name = after[moved].name
        out.append(StructureChange("role-moved", f"role {_q(name)} moved", None, moved, None, name))
    return out


def cell_text(matrix: Matrix | None, task: str, role: str, old: str, new: str) -> str:
    """``Task × Role: R → A/R`` in the matrix's scheme (plain codes without a matrix)."""
    display = matrix.scheme.display if matrix is not None else (lambda codes: codes)
    return f"{task} × {role}: {display(old) or '—'} → {display(new) or '—'}"


# ---------------------------------------------------------------- conflicts and refreshes


class Resolution(Enum):
    """How to settle a :class:`Conflict`: keep my version, or take the workspace's."""

    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something both I and someone else changed since I loaded, differently.

    For ``kind == "cell"`` ``base``, ``theirs`` and ``mine`` are canonical code
    strings (``""`` = empty; show them with ``matrix.scheme.display``). For
    other kinds (``task``, ``role``, ``phase``, ``matrix``, ``settings``,
    ``people``, ``conflicts``, ``suppressions``, ``presets``, ``task-order``,
    ``role-order``, ``phase-order``, ``matrix-deleted``, ``matrix-unmergeable``)
    they describe the item in words ("deleted", "renamed to “X”").
    ``who``/``at`` tell who made the other change and when. ``text`` is one
    sentence for a list. A conflict that is not ``resolvable`` (two new tasks
    with the same name) needs an edit (renaming mine) before saving.
    """

    matrix: str
    kind: str
    text: str
    task: str | None = None
    role: str | None = None
    base: str = ""
    theirs: str = ""
    mine: str = ""
    task_id: int | None = None
    role_id: int | None = None
    item: str = ""
    who: str = ""
    at: datetime | None = None
    matrix_id: int = 0
    resolvable: bool = True

    @property
    def key(self) -> tuple[int, str, str, int | None, int | None]:
        """What a resolution is matched by (the same conflict found again has the same key)."""
        return (self.matrix_id, self.kind, self.item, self.task_id, self.role_id)


#: What :meth:`DocumentStore.save`/``refresh`` accept as resolutions: one choice for all
#: conflicts, or a choice per conflict (conflicts from a :class:`MergeConflictError`).
Resolutions = Resolution | dict[Conflict, Resolution] | None


def resolution_for(resolutions: Resolutions, conflict: Conflict) -> Resolution | None:
    if resolutions is None or isinstance(resolutions, Resolution):
        return resolutions if conflict.resolvable else None
    if not conflict.resolvable:
        return None
    for known, choice in resolutions.items():
        if known.key == conflict.key:
            return choice
    return None


@dataclass(frozen=True, slots=True)
class RemoteChange:
    """A matrix someone else saved since this editor last loaded, saved or refreshed it.

    ``kind`` is ``changed``, ``added`` or ``removed``. ``entries`` are the
    history entries behind it, oldest first (empty for ``added``).
    """

    matrix: str
    kind: str
    version: int | None
    known_version: int | None
    entries: tuple[HistoryEntry, ...] = ()
    matrix_id: int = 0

    @property
    def who(self) -> str:
        """Who saved (the last change), for "Ann changed “Plan”" notices."""
        return self.entries[-1].who if self.entries else ""


@dataclass(slots=True)
class RefreshResult:
    """What :meth:`DocumentStore.refresh` did to the open document.

    ``conflicts`` are remote changes not applied because I changed the same
    thing (my unsaved version stays on screen); saving then raises
    :class:`MergeConflictError` for them unless resolved. ``cells`` are the
    cells whose value the refresh changed (for highlighting).
    """

    changes: list[RemoteChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    added: list[Matrix] = field(default_factory=list)
    removed: list[Matrix] = field(default_factory=list)
    cells: list[tuple[Matrix, CellKey]] = field(default_factory=list)
    #: My new tasks, roles, phases or people whose id someone else had taken meanwhile got
    #: new ids (old id -> new id per matrix); an undo stack holding old ids must map them.
    renumbered: dict[Matrix, dict[int, int]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def name_key(name: str) -> str:
    """How task and role names are compared (as the model does)."""
    return normalise(name)
