"""Three-way merge of one matrix: what I changed, what the workspace changed, since one base.

Pure Python on snapshots (:class:`~rolematrix.core.history.Structure`) and cell
values; the store reads the inputs from the tables and applies the plan to the
open matrix (:mod:`rolematrix.store.sync`).

Rules, for every item (a cell, a task, a role, a phase, a matrix field, the
people list...): if only one side changed it, that side wins; if both made the
same change, fine; if both changed it differently it is a :class:`Conflict`,
settled by a :class:`Resolution` or, until then, provisionally kept as mine.
Deleting a task counts as changing it, and so does changing one of its cells:
"they deleted the task whose cell I changed" is a conflict, not a silent loss.

Both sides take new ids from the same counter, so two people adding a task
each may pick the same id. My new items that collide are renumbered first
(:attr:`MergePlan.renumbered`); theirs are already saved and keep theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar

from rolematrix.core.history import (
    Conflict,
    HistoryEntry,
    PersonRow,
    PhaseRow,
    Resolution,
    Resolutions,
    RoleRow,
    Structure,
    TaskRow,
    name_key,
    resolution_for,
)
from rolematrix.core.model import CellKey, Suppression

T = TypeVar("T")
R = TypeVar("R", PhaseRow, TaskRow, RoleRow)


@dataclass(slots=True)
class RemoteMatrix:
    """One matrix as the workspace holds it now, and what changed there since ``since``."""

    db_id: int
    name: str
    version: int
    since: int
    base: Structure  # the structure at version ``since``
    theirs: Structure  # the structure now
    cells: dict[CellKey, tuple[str, str]]  # changed since: (value at since, value now)
    extra_cells: list[tuple[int, int, str]]  # cells of tasks/roles I do not have as they are
    entries: list[HistoryEntry]
    complete: bool  # the history covers every version since ``since``

    @property
    def who(self) -> str:
        return self.entries[-1].who if self.entries else "someone else"

    @property
    def at(self) -> datetime | None:
        return self.entries[-1].at if self.entries else None


@dataclass(slots=True)
class Renumbering:
    """New ids for my new items that collide with ids the workspace already uses."""

    tasks: dict[int, int] = field(default_factory=dict)
    roles: dict[int, int] = field(default_factory=dict)
    phases: dict[int, int] = field(default_factory=dict)
    people: dict[int, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.tasks or self.roles or self.phases or self.people)

    def key(self, key: CellKey) -> CellKey:
        return (self.tasks.get(key[0], key[0]), self.roles.get(key[1], key[1]))


@dataclass(slots=True)
class MergePlan:
    """What to do to my open matrix so that it holds both sides' work.

    Apply :attr:`renumbered` first, then :attr:`structure`, then set
    :attr:`cells`; afterwards the journal is :attr:`journal` plus every cell of
    the tasks and roles in :attr:`rewrite_tasks`/:attr:`rewrite_roles` (mine,
    not in the workspace). :attr:`conflicts` are the unresolved ones, kept as mine.
    """

    remote: RemoteMatrix
    renumbered: Renumbering
    mine: Structure  # my structure (renumbered) the plan starts from
    structure: Structure
    cells: list[tuple[int, int, str]]
    journal: set[CellKey]
    rewrite_tasks: set[int]
    rewrite_roles: set[int]
    conflicts: list[Conflict]
    changed_cells: list[CellKey]


# ---------------------------------------------------------------- renumbering


def find_collisions(
    mine: Structure,
    base: Structure,
    theirs: Structure,
    taken: int,
    adopted: AbstractSet[int] = frozenset(),
) -> Renumbering:
    """My new items (not in base) whose id the workspace now uses for something else.

    ``taken`` is the first id free on both sides; collisions get ids from there.
    ``adopted`` are ids of their items already taken into my matrix by a refresh.
    """
    base_ids = _ids(base) | adopted
    their_ids = _ids(theirs)
    renumbering = Renumbering()
    next_id = taken
    for kind, items in (
        ("phases", mine.phases),
        ("tasks", mine.tasks),
        ("roles", mine.roles),
        ("people", mine.people),
    ):
        mapping: dict[int, int] = getattr(renumbering, kind)
        for item in items:
            if item.id not in base_ids and item.id in their_ids:
                mapping[item.id] = next_id
                next_id += 1
    return renumbering


def _ids(s: Structure) -> set[int]:
    return (
        {p.id for p in s.phases}
        | {t.id for t in s.tasks}
        | {r.id for r in s.roles}
        | {p.id for p in s.people}
    )


def renumber_structure(s: Structure, n: Renumbering) -> Structure:
    """``s`` with the ids of :class:`Renumbering` replaced everywhere they appear."""
    if not n:
        return s
    tk, rl, ph, pp = n.tasks, n.roles, n.phases, n.people

    def opt(mapping: dict[int, int], value: int | None) -> int | None:
        return None if value is None else mapping.get(value, value)

    return replace(
        s,
        phases=tuple(PhaseRow(ph.get(p.id, p.id), p.name) for p in s.phases),
        tasks=tuple(
            t._replace(id=tk.get(t.id, t.id), phase_id=ph.get(t.phase_id, t.phase_id))
            for t in s.tasks
        ),
        roles=tuple(r._replace(id=rl.get(r.id, r.id)) for r in s.roles),
        people=tuple(
            PersonRow(pp.get(p.id, p.id), p.name, tuple(rl.get(r, r) for r in p.role_ids))
            for p in s.people
        ),
        conflicts=tuple(
            (a, b) if a <= b else (b, a)
            for a, b in ((rl.get(x, x), rl.get(y, y)) for x, y in s.conflicts)
        ),
        suppressions=tuple(
            Suppression(
                x.rule, x.reason, opt(tk, x.task_id), opt(rl, x.role_id), opt(pp, x.person_id)
            )
            for x in s.suppressions
        ),
        next_id=max([s.next_id, *(v + 1 for m in (tk, rl, ph, pp) for v in m.values())]),
    )


# ---------------------------------------------------------------- the merge


def _q(text: str) -> str:
    return f"“{text}”"


class _Merger:
    def __init__(self, matrix_name: str, remote: RemoteMatrix, resolutions: Resolutions) -> None:
        self.matrix_name = matrix_name
        self.remote = remote
        self.resolutions = resolutions
        self.conflicts: list[Conflict] = []

    def conflict(self, **info: object) -> Resolution | None:
        """Record a conflict unless resolved; returns the resolution (None: unresolved)."""
        found = Conflict(
            matrix=self.matrix_name,
            who=self.remote.who,
            at=self.remote.at,
            matrix_id=self.remote.db_id,
            **info,  # type: ignore[arg-type]
        )
        choice = resolution_for(self.resolutions, found)
        if choice is None:
            self.conflicts.append(found)
        return choice

    def pick(
        self,
        b: T,
        t: T,
        m: T,
        describe: Callable[[T], str],
        *,
        kind: str,
        item: str,
        label: str,
        task_id: int | None = None,
        role_id: int | None = None,
        task: str | None = None,
        role: str | None = None,
        mine_touched: bool = False,
        theirs_touched: bool = False,
    ) -> T:
        """The merged value of one item; ``*_touched``: that side changed its cells."""
        if t == m:
            return t
        if b == m and not (t is None and mine_touched):
            return t
        if b == t and not (m is None and theirs_touched):
            return m
        who = self.remote.who
        if t is None:
            text = f"{who} deleted {label}, which you changed."
        elif m is None:
            text = f"You deleted {label}, which {who} changed."
        else:
            text = f"{who} and you both changed {label}."
        choice = self.conflict(
            kind=kind,
            item=item,
            text=text,
            base=describe(b),
            theirs=describe(t),
            mine=describe(m),
            task_id=task_id,
            role_id=role_id,
            task=task,
            role=role,
        )
        return t if choice is Resolution.THEIRS else m


def _merge_items(
    merger: _Merger,
    kind: str,
    base: Sequence[R],
    theirs: Sequence[R],
    mine: Sequence[R],
    describe: Callable[[R | None], str],
    mine_touched: AbstractSet[int] = frozenset(),
    theirs_touched: AbstractSet[int] = frozenset(),
) -> dict[int, R]:
    b_map: dict[int, R] = {x.id: x for x in base}
    t_map: dict[int, R] = {x.id: x for x in theirs}
    m_map: dict[int, R] = {x.id: x for x in mine}
    merged: dict[int, R] = {}
    for item_id in dict.fromkeys([*b_map, *t_map, *m_map]):
        b, t, m = b_map.get(item_id), t_map.get(item_id), m_map.get(item_id)
        named = m or t or b
        assert named is not None
        value = merger.pick(
            b,
            t,
            m,
            describe,
            kind=kind,
            item=f"{kind}:{item_id}",
            label=f"{kind} {_q(named.name)}",
            task_id=item_id if kind == "task" else None,
            role_id=item_id if kind == "role" else None,
            task=named.name if kind == "task" else None,
            role=named.name if kind == "role" else None,
            mine_touched=item_id in mine_touched,
            theirs_touched=item_id in theirs_touched,
        )
        if value is not None:
            merged[item_id] = value
    return merged


def _describe_row(base: object | None) -> Callable[[object | None], str]:
    def describe(row: object | None) -> str:
        if row is None:
            return "deleted" if base is not None else "not there"
        if base is None:
            return f"added as {_q(getattr(row, 'name', ''))}"
        if row == base:
            return "unchanged"
        parts = []
        for name in ("name", "phase_id", "short", "description", "notes", "colour"):
            if hasattr(row, name) and getattr(row, name) != getattr(base, name):
                if name == "name":
                    parts.append(f"renamed to {_q(getattr(row, name))}")
                elif name == "phase_id":
                    parts.append("moved to another phase")
                else:
                    parts.append(f"{name} changed")
        return ", ".join(parts)

    return describe


def _merge_order(
    merger: _Merger,
    kind: str,
    base: Sequence[int],
    theirs: Sequence[int],
    mine: Sequence[int],
    result: set[int],
) -> list[int]:
    """An order for ``result``: the side that reordered wins, the other's additions slot in."""
    common = set(base) & set(theirs) & set(mine)
    b = [i for i in base if i in common]
    t = [i for i in theirs if i in common]
    m = [i for i in mine if i in common]
    if m == b:
        skeleton, other = theirs, mine
    elif t in (b, m):
        skeleton, other = mine, theirs
    else:
        choice = merger.conflict(
            kind=f"{kind}-order",
            item=f"{kind}-order",
            text=f"{merger.remote.who} and you both changed the order of the {kind}s.",
            base="order as loaded",
            theirs="their order",
            mine="your order",
        )
        skeleton, other = (theirs, mine) if choice is Resolution.THEIRS else (mine, theirs)
    order = [i for i in skeleton if i in result]
    placed = set(order)
    known = set(base)
    for index, item in enumerate(other):
        if item not in result or item in placed:
            continue
        before = next((other[j] for j in range(index - 1, -1, -1) if other[j] in placed), None)
        at = order.index(before) + 1 if before is not None else 0
        while at < len(order) and order[at] not in known and order[at] not in other:
            at += 1  # after what the skeleton's side added there: theirs first, then mine
        order.insert(at, item)
        placed.add(item)
    order.extend(i for i in result if i not in placed)  # defensive: never lose an item
    return order


def merge_structures(
    merger: _Merger,
    base: Structure,
    theirs: Structure,
    mine: Structure,
    *,
    mine_touched: tuple[set[int], set[int]],
    theirs_touched: tuple[set[int], set[int]],
) -> tuple[Structure, bool]:
    """The merged structure, and whether it is consistent (no clashing names)."""
    top = max(mine.next_id, theirs.next_id)
    # cells they changed in tasks or roles I deleted: the deletion needs a look
    mine_deleted_touched = (theirs_touched[0] & {t.id for t in base.tasks}) - {
        t.id for t in mine.tasks
    } or (theirs_touched[1] & {r.id for r in base.roles}) - {r.id for r in mine.roles}
    if theirs == mine or (base == theirs and not mine_deleted_touched):
        return replace(mine, next_id=top), True
    if base == mine and not (mine_touched[0] or mine_touched[1]):
        return replace(theirs, next_id=top), True

    def field_(name: str, label: str, kind: str = "matrix") -> object:
        return merger.pick(
            getattr(base, name),
            getattr(theirs, name),
            getattr(mine, name),
            lambda v: str(v) if v is not None else "",
            kind=kind,
            item=name,
            label=label,
        )

    name = field_("name", "the matrix name")
    description = field_("description", "the matrix description")
    scheme = field_("scheme", "the coding scheme")
    template_id = field_("template_id", "the template")
    settings = merger.pick(
        (base.profile, base.overrides),
        (theirs.profile, theirs.overrides),
        (mine.profile, mine.overrides),
        lambda v: f"{v[0]} {v[1]}",
        kind="settings",
        item="settings",
        label="the checker settings",
    )
    phases = _merge_items(merger, "phase", base.phases, theirs.phases, mine.phases, _phase_text)
    b_tasks = {t.id: t for t in base.tasks}
    tasks = _merge_items(
        merger,
        "task",
        base.tasks,
        theirs.tasks,
        mine.tasks,
        _row_text(b_tasks),
        mine_touched[0],
        theirs_touched[0],
    )
    b_roles = {r.id: r for r in base.roles}
    roles = _merge_items(
        merger,
        "role",
        base.roles,
        theirs.roles,
        mine.roles,
        _row_text(b_roles),
        mine_touched[1],
        theirs_touched[1],
    )
    # a task kept in a phase the other side deleted keeps its phase
    known_phases = {p.id: p for p in (*base.phases, *theirs.phases, *mine.phases)}
    for task in tasks.values():
        if task.phase_id not in phases:
            phases[task.phase_id] = known_phases[task.phase_id]
    phase_order = _merge_order(
        merger,
        "phase",
        [p.id for p in base.phases],
        [p.id for p in theirs.phases],
        [p.id for p in mine.phases],
        set(phases),
    )
    task_order = _merge_order(
        merger,
        "task",
        [t.id for t in base.tasks],
        [t.id for t in theirs.tasks],
        [t.id for t in mine.tasks],
        set(tasks),
    )
    role_order = _merge_order(
        merger,
        "role",
        [r.id for r in base.roles],
        [r.id for r in theirs.roles],
        [r.id for r in mine.roles],
        set(roles),
    )
    phase_index = {pid: i for i, pid in enumerate(phase_order)}
    flat = {tid: i for i, tid in enumerate(task_order)}
    task_rows = sorted(tasks.values(), key=lambda t: (phase_index[t.phase_id], flat[t.id]))

    def whole(key: str) -> tuple[Any, ...]:
        value: tuple[Any, ...] = merger.pick(
            getattr(base, key),
            getattr(theirs, key),
            getattr(mine, key),
            lambda v: f"{len(v)} entries",
            kind=key,
            item=key,
            label=f"the {key}",
        )
        return value

    people: tuple[PersonRow, ...] = whole("people")
    pairs: tuple[tuple[int, int], ...] = whole("conflicts")
    accepted: tuple[Suppression, ...] = whole("suppressions")
    role_ids = set(roles)
    task_ids = set(tasks)
    merged = Structure(
        name=str(name),
        description=str(description),
        scheme=str(scheme),
        template_id=None if template_id is None else str(template_id),
        profile=settings[0],
        overrides=settings[1],
        phases=tuple(phases[pid] for pid in phase_order),
        tasks=tuple(task_rows),
        roles=tuple(roles[rid] for rid in role_order),
        people=tuple(
            PersonRow(p.id, p.name, tuple(r for r in p.role_ids if r in role_ids)) for p in people
        ),
        conflicts=tuple(pair for pair in pairs if pair[0] in role_ids and pair[1] in role_ids),
        suppressions=tuple(
            x
            for x in accepted
            if (x.task_id is None or x.task_id in task_ids)
            and (x.role_id is None or x.role_id in role_ids)
        ),
        presets=whole("presets"),
        next_id=max(mine.next_id, theirs.next_id),
    )
    return merged, _names_unique(merger, merged, theirs)


def _names_unique(merger: _Merger, merged: Structure, theirs: Structure) -> bool:
    ok = True
    theirs_ids = {t.id for t in theirs.tasks} | {r.id for r in theirs.roles}
    for kind, rows in (("task", merged.tasks), ("role", merged.roles)):
        seen: dict[str, int] = {}
        for row in rows:
            key = name_key(row.name)
            other = seen.setdefault(key, row.id)
            if other == row.id:
                continue
            ok = False
            mine_id = row.id if row.id not in theirs_ids else other
            merger.conflict(
                kind=kind,
                item=f"{kind}-name:{key}",
                text=(
                    f"{merger.remote.who} and you both have a {kind} named {_q(row.name)}; "
                    f"rename yours and save again."
                ),
                theirs=row.name,
                mine=row.name,
                task_id=mine_id if kind == "task" else None,
                role_id=mine_id if kind == "role" else None,
                task=row.name if kind == "task" else None,
                role=row.name if kind == "role" else None,
                resolvable=False,
            )
    return ok


def _phase_text(row: PhaseRow | None) -> str:
    return "deleted" if row is None else _q(row.name)


def _row_text(base: Mapping[int, R]) -> Callable[[R | None], str]:
    def describe(row: R | None) -> str:
        if row is None:
            return "deleted"
        return _describe_row(base.get(row.id))(row)

    return describe


def plan_merge(
    matrix_name: str,
    mine: Structure,
    local: Mapping[CellKey, str],
    remote: RemoteMatrix,
    resolutions: Resolutions,
    renumbered: Renumbering,
) -> MergePlan:
    """The plan for one matrix. ``mine`` and ``local`` (my journaled cells and their values)
    are already renumbered."""
    merger = _Merger(matrix_name, remote, resolutions)
    base, theirs = remote.base, remote.theirs
    base_tasks = {t.id for t in base.tasks}
    base_roles = {r.id for r in base.roles}
    their_tasks = {t.id for t in theirs.tasks}
    their_roles = {r.id for r in theirs.roles}
    mine_tasks = {t.id: t for t in mine.tasks}
    mine_roles = {r.id: r for r in mine.roles}

    changed = {k: v for k, v in remote.cells.items() if v[0] != v[1]}
    theirs_touched = ({t for t, _ in changed}, {r for _, r in changed})

    def base_value(key: CellKey) -> str:
        # a cell of a task they deleted: its value then is in their history (or it was empty)
        return remote.cells[key][0] if key in remote.cells else ""

    touched_tasks = {
        t
        for (t, r), value in local.items()
        if t in base_tasks
        and t not in their_tasks
        and r in mine_roles
        and value != base_value((t, r))
    }
    touched_roles = {
        r
        for (t, r), value in local.items()
        if r in base_roles
        and r not in their_roles
        and t in mine_tasks
        and value != base_value((t, r))
    }
    merged, consistent = merge_structures(
        merger,
        base,
        theirs,
        mine,
        mine_touched=(touched_tasks, touched_roles),
        theirs_touched=theirs_touched,
    )
    if not consistent:
        merged = mine  # cannot be applied as merged; show theirs once the names are sorted out
    result_tasks = {t.id for t in merged.tasks}
    result_roles = {r.id for r in merged.roles}

    cells: list[tuple[int, int, str]] = []
    journal = set(local)
    changed_cells: list[CellKey] = []
    for key, (was, now) in remote.cells.items():
        task_id, role_id = key
        if task_id not in result_tasks or role_id not in result_roles:
            if consistent and task_id in their_tasks and role_id in their_roles:
                journal.add(key)  # I deleted its task or role: the saved cell must go too
            continue
        if task_id not in their_tasks or role_id not in their_roles:
            continue  # they deleted the task or role, the merge keeps mine: my cells count
        if key not in local or task_id not in mine_tasks or role_id not in mine_roles:
            # not mine, or in a task or role I deleted and the merge keeps: theirs
            cells.append((task_id, role_id, now))
            changed_cells.append(key)
            journal.discard(key)
            continue
        value = local[key]
        if value in (now, was):
            if value != now:
                cells.append((task_id, role_id, now))
                changed_cells.append(key)
            journal.discard(key)
            continue
        task = mine_tasks.get(task_id) or next(t for t in theirs.tasks if t.id == task_id)
        role = mine_roles.get(role_id) or next(r for r in theirs.roles if r.id == role_id)
        choice = merger.conflict(
            kind="cell",
            item="cell",
            text=f"{remote.who} and you both changed {task.name} × {role.name}.",
            task=task.name,
            role=role.name,
            task_id=task_id,
            role_id=role_id,
            base=was,
            theirs=now,
            mine=value,
        )
        if choice is Resolution.THEIRS:
            cells.append((task_id, role_id, now))
            changed_cells.append(key)
            journal.discard(key)
    keep_tasks = {t for t in result_tasks if t in their_tasks and t in mine_tasks}
    keep_roles = {r for r in result_roles if r in their_roles and r in mine_roles}
    for task_id, role_id, codes in remote.extra_cells:
        if task_id in result_tasks and role_id in result_roles:
            if task_id in keep_tasks and role_id in keep_roles and (task_id, role_id) in local:
                continue  # mine, already merged above
            cells.append((task_id, role_id, codes))
            journal.discard((task_id, role_id))
    return MergePlan(
        remote=remote,
        renumbered=renumbered,
        mine=mine,
        structure=merged,
        cells=cells,
        journal=journal,
        rewrite_tasks={t for t in result_tasks if t in mine_tasks and t not in their_tasks},
        rewrite_roles={r for r in result_roles if r in mine_roles and r not in their_roles},
        conflicts=merger.conflicts,
        changed_cells=changed_cells,
    )


def cell_entries(entries: Iterable[HistoryEntry]) -> dict[CellKey, tuple[str, str]]:
    """Per cell, its value before the first and after the last of ``entries`` (oldest first)."""
    out: dict[CellKey, tuple[str, str]] = {}
    for entry in entries:
        if entry.kind != "cell" or entry.task_id is None or entry.role_id is None:
            continue
        key = (entry.task_id, entry.role_id)
        first = out.get(key)
        out[key] = (first[0] if first else entry.old, entry.new)
    return out
