"""Keeping an open document and a shared workspace together: polling, refreshing, merging.

The store remembers, per matrix, the workspace version its open copy is based
on (:class:`SyncState`). When the workspace has moved on, :func:`reconcile`
reads -- in one consistent read transaction -- what changed there since
(the history rows, the current structure, the cells the editor lacks), plans
a three-way merge per matrix (:mod:`rolematrix.store.merge`) and, unless that
finds conflicts a save must not pass, applies the plans to the open matrices
through their own methods. The matrices' journals then say exactly what is
mine and not yet saved, relative to the new base: the unsaved edits survive a
refresh, and a save writes only them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from sqlalchemy import Connection, select

from rolematrix.core.history import (
    Conflict,
    HistoryEntry,
    RefreshResult,
    RemoteChange,
    Resolution,
    Resolutions,
    Structure,
    apply_structure,
    resolution_for,
    structure_of,
)
from rolematrix.core.model import Document, Matrix
from rolematrix.core.names import distinct_name, normalise
from rolematrix.store import schema as s
from rolematrix.store.errors import MergeConflictError
from rolematrix.store.history_log import ENTRY_COLUMNS, SNAPSHOT, entry_of, read_since, snapshot_of
from rolematrix.store.merge import (
    MergePlan,
    RemoteMatrix,
    Renumbering,
    cell_entries,
    find_collisions,
    plan_merge,
    renumber_structure,
)
from rolematrix.store.reader import LoadedMatrix, read_cells_of, read_document, read_structure

# re-exported: the state a store keeps lives where loading a file can set it up without SQLAlchemy
from rolematrix.store.tracking import JOURNAL_BASE as JOURNAL_BASE
from rolematrix.store.tracking import SyncState as SyncState
from rolematrix.store.tracking import Tracked

T = TypeVar("T")

#: At most this many history entries are read per matrix to describe a remote change.
_ENTRIES_PER_CHANGE = 500


class Reads(Protocol):
    def run_read(self, body: Callable[[Connection], T]) -> T: ...


# ---------------------------------------------------------------- reading


def read_versions(connection: Connection) -> dict[int, tuple[int, str]]:
    """Every matrix's id -> (version, name): the cheap query polling runs."""
    m = s.matrices
    return {
        row[0]: (row[1], row[2])
        for row in connection.execute(select(m.c.id, m.c.version, m.c.name))
    }


def read_remote(
    connection: Connection, db_id: int, since: int, mine: Structure, restructured: bool
) -> RemoteMatrix | None:
    """What changed in one matrix since version ``since`` (None: it was deleted).

    ``mine`` is my structure, ``restructured`` whether I changed it since ``since``:
    if neither side did, the workspace's structure is mine and is not read again
    (the usual case -- someone changed cells -- stays a matter of milliseconds).
    """
    m = s.matrices
    row = connection.execute(select(m.c.version, m.c.next_id).where(m.c.id == db_id)).first()
    if row is None:
        return None
    version, next_id = row
    rows = read_since(connection, db_id, since)
    have = {row.version for row in rows}
    snapshots = [row for row in rows if row.kind == SNAPSHOT and row.snapshot]
    if snapshots or restructured:
        read = read_structure(connection, db_id)
        if read is None:
            return None
        theirs = read
    else:
        theirs = replace(mine, next_id=max(next_id, mine.next_id))
    base = snapshot_of(snapshots[0]) if snapshots else theirs
    entries = [entry_of(row) for row in rows if row.kind != SNAPSHOT]
    mine_base_tasks = {t.id for t in mine.tasks} & {t.id for t in base.tasks}
    mine_base_roles = {r.id for r in mine.roles} & {r.id for r in base.roles}
    extra = read_cells_of(
        connection,
        db_id,
        {t.id for t in theirs.tasks} - mine_base_tasks,
        {r.id for r in theirs.roles} - mine_base_roles,
    )
    return RemoteMatrix(
        db_id=db_id,
        name=theirs.name,
        version=version,
        since=since,
        base=base,
        theirs=theirs,
        cells=cell_entries(entries),
        extra_cells=extra,
        entries=entries,
        complete=all(v in have for v in range(since + 1, version + 1)),
    )


def read_entries_since(connection: Connection, db_id: int, version: int) -> list[HistoryEntry]:
    h = s.history
    query = (
        select(*ENTRY_COLUMNS)
        .where(h.c.matrix_id == db_id, h.c.version > version, h.c.kind != SNAPSHOT)
        .order_by(h.c.version, h.c.id)
        .limit(_ENTRIES_PER_CHANGE)
    )
    return [entry_of(row) for row in connection.execute(query)]


def remote_changes(
    connection: Connection, state: SyncState, versions: dict[int, tuple[int, str]]
) -> list[RemoteChange]:
    """What the workspace holds that the editor has not seen, described."""
    changes: list[RemoteChange] = []
    for db_id, (version, name) in versions.items():
        seen = state.seen.get(db_id)
        if seen is None:
            if db_id not in state.known:
                changes.append(RemoteChange(name, "added", version, None, (), db_id))
        elif seen != version:
            entries = tuple(read_entries_since(connection, db_id, seen))
            changes.append(RemoteChange(name, "changed", version, seen, entries, db_id))
    for db_id, seen in state.seen.items():
        if db_id not in versions:
            name = state.names.get(db_id, f"matrix {db_id}")
            changes.append(RemoteChange(name, "removed", None, seen, (), db_id))
    return changes


# ---------------------------------------------------------------- planning


@dataclass(slots=True)
class _Reading:
    versions: dict[int, tuple[int, str]]
    changes: list[RemoteChange]
    remote: dict[int, RemoteMatrix | None] = field(default_factory=dict)
    loaded: dict[int, LoadedMatrix] = field(default_factory=dict)
    mine: dict[int, Structure] = field(default_factory=dict)  # my structures, as read


@dataclass(slots=True)
class _Action:
    """One thing to do to the document once no conflict stands in the way."""

    kind: str  # merge, remove, untrack, reload, overwrite, forget, restore, add
    matrix: Matrix | None = None
    db_id: int = 0
    plan: MergePlan | None = None
    loaded: LoadedMatrix | None = None
    version: int = 0
    complete: bool = True  # the matrix is in sync afterwards (no conflict left open)


def _read(backend: Reads, document: Document, state: SyncState, *, saving: bool) -> _Reading:
    matrices = list(document.matrices)

    def body(connection: Connection) -> _Reading:
        versions = read_versions(connection)
        reading = _Reading(versions, remote_changes(connection, state, versions))
        wanted: list[int] = []
        present: set[int] = set()
        for matrix in matrices:
            where = state.tracked.get(matrix)
            if where is None:
                continue
            present.add(where.db_id)
            now = versions.get(where.db_id)
            if now is not None and now[0] == where.version:
                continue
            if now is None:
                reading.remote[where.db_id] = None
                continue
            mine = reading.mine[where.db_id] = structure_of(matrix)
            restructured = matrix.journal.structure or not state.relative(matrix)
            remote = read_remote(connection, where.db_id, where.version, mine, restructured)
            reading.remote[where.db_id] = remote
            if remote is not None and (not state.relative(matrix) or not remote.complete):
                wanted.append(where.db_id)
        for db_id, version in state.known.items():
            if db_id not in present and db_id in versions and versions[db_id][0] != version:
                wanted.append(db_id)  # deleted here, changed there
        if not saving:
            wanted += [i for i in versions if i not in state.known and i not in present]
        if wanted:
            reading.loaded = {item.db_id: item for item in read_document(connection, wanted)}
        return reading

    return backend.run_read(body)


def _matrix_conflict(
    matrix_name: str,
    db_id: int,
    kind: str,
    text: str,
    theirs: str,
    mine: str,
    who: str,
    *,
    resolvable: bool = True,
) -> Conflict:
    return Conflict(
        matrix=matrix_name,
        kind=kind,
        text=text,
        item=kind,
        theirs=theirs,
        mine=mine,
        who=who,
        matrix_id=db_id,
        resolvable=resolvable,
    )


def _plan_one(
    matrix: Matrix,
    where: Tracked,
    remote: RemoteMatrix | None,
    reading: _Reading,
    state: SyncState,
    resolutions: Resolutions,
    conflicts: list[Conflict],
) -> _Action | None:
    db_id = where.db_id
    unsaved = not matrix.journal.empty or not state.relative(matrix)
    if remote is None:
        if not unsaved:
            return _Action("remove", matrix, db_id)
        found = _matrix_conflict(
            matrix.name,
            db_id,
            "matrix-deleted",
            f"Someone deleted the matrix “{matrix.name}”, which you changed.",
            "deleted",
            "changed",
            "someone else",
        )
        choice = resolution_for(resolutions, found)
        if choice is None:
            conflicts.append(found)
            return None
        return _Action("remove" if choice is Resolution.THEIRS else "untrack", matrix, db_id)
    loaded = reading.loaded.get(db_id)
    if loaded is not None:  # cannot merge: not journaled here, or history incomplete
        if not unsaved:
            return _Action("reload", matrix, db_id, loaded=loaded)
        found = _matrix_conflict(
            matrix.name,
            db_id,
            "matrix-unmergeable",
            f"{remote.who} saved “{matrix.name}” in a way RoleMatrix cannot merge with your "
            "changes; keep yours or take theirs as a whole.",
            f"version {remote.version}",
            "your version",
            remote.who,
        )
        choice = resolution_for(resolutions, found)
        if choice is None:
            conflicts.append(found)
            return None
        if choice is Resolution.THEIRS:
            return _Action("reload", matrix, db_id, loaded=loaded)
        return _Action("overwrite", matrix, db_id, version=remote.version)
    before = reading.mine[db_id]
    renumbered = find_collisions(
        before,
        remote.base,
        remote.theirs,
        max(matrix.next_id, remote.theirs.next_id),
        state.adopted.get(matrix, set()),
    )
    mine = renumber_structure(before, renumbered)
    local = {renumbered.key(k): matrix.get(*k) for k in matrix.journal.cells}
    plan = plan_merge(matrix.name, mine, local, remote, resolutions, renumbered)
    conflicts.extend(plan.conflicts)
    return _Action("merge", matrix, db_id, plan=plan, complete=not plan.conflicts)


def _plan(
    document: Document,
    state: SyncState,
    reading: _Reading,
    resolutions: Resolutions,
    *,
    saving: bool,
) -> tuple[list[_Action], list[Conflict]]:
    actions: list[_Action] = []
    conflicts: list[Conflict] = []
    present: set[int] = set()
    for matrix in document.matrices:
        where = state.tracked.get(matrix)
        if where is None:
            continue
        present.add(where.db_id)
        if where.db_id not in reading.remote:
            continue
        action = _plan_one(
            matrix, where, reading.remote[where.db_id], reading, state, resolutions, conflicts
        )
        if action is not None:
            actions.append(action)
    for db_id, version in state.known.items():
        if db_id in present or db_id not in reading.versions:
            continue
        now, name = reading.versions[db_id]
        if now == version:
            continue
        found = _matrix_conflict(
            name,
            db_id,
            "matrix-changed",
            f"You deleted the matrix “{name}”, which someone else changed since.",
            "changed",
            "deleted",
            "someone else",
        )
        choice = resolution_for(resolutions, found)
        if choice is None:
            conflicts.append(found)
        elif choice is Resolution.MINE:
            actions.append(_Action("forget", None, db_id, version=now))
        elif db_id in reading.loaded:
            actions.append(_Action("restore", None, db_id, loaded=reading.loaded[db_id]))
    if not saving:
        taken = {normalise(m.name) for m in document.matrices}
        for db_id, item in reading.loaded.items():
            if db_id in state.known or db_id in present:
                continue
            if normalise(item.matrix.name) in taken:
                conflicts.append(
                    _matrix_conflict(
                        item.matrix.name,
                        db_id,
                        "matrix-name",
                        f"Someone added a matrix “{item.matrix.name}” to the workspace and you "
                        "have one of that name; rename yours to see theirs.",
                        item.matrix.name,
                        item.matrix.name,
                        "someone else",
                        resolvable=False,
                    )
                )
                continue
            actions.append(_Action("add", None, db_id, loaded=item))
    return actions, conflicts


# ---------------------------------------------------------------- applying


def renumber_matrix(matrix: Matrix, renumbered: Renumbering) -> None:
    """Give my new items the new ids (their cells and journal entries follow)."""
    moved = [
        (renumbered.tasks.get(t, t), renumbered.roles.get(r, r), codes)
        for t, r, codes in matrix.cells()
        if t in renumbered.tasks or r in renumbered.roles
    ]
    journal = {renumbered.key(k) for k in matrix.journal.cells}
    apply_structure(matrix, renumber_structure(structure_of(matrix), renumbered))
    matrix.set_cells(moved)
    matrix.journal.cells.clear()
    matrix.journal.cells.update(journal | {(t, r) for t, r, _ in moved})
    matrix.journal.structure = True


def apply_plan(matrix: Matrix, plan: MergePlan) -> list[tuple[int, int]]:
    """Carry out a merge plan on the open matrix; returns the cells that changed."""
    if plan.renumbered:
        renumber_matrix(matrix, plan.renumbered)
    if plan.mine != plan.structure:
        apply_structure(matrix, plan.structure)
    matrix.set_cells(plan.cells)
    journal = set(plan.journal)
    for task_id in plan.rewrite_tasks:
        journal.update((task_id, role_id) for role_id in matrix.row(task_id))
    for role_id in plan.rewrite_roles:
        journal.update((task_id, role_id) for task_id in matrix.column(role_id))
    matrix.journal.cells.clear()
    matrix.journal.cells.update(journal)
    matrix.journal.structure = plan.structure != plan.remote.theirs
    return plan.changed_cells


def reload_in_place(matrix: Matrix, source: Matrix) -> None:
    """Make ``matrix`` equal to ``source`` step by step (the editor keeps its objects)."""
    apply_structure(matrix, structure_of(source))
    now = {(t, r): codes for t, r, codes in matrix.cells()}
    then = {(t, r): codes for t, r, codes in source.cells()}
    matrix.set_cells(
        (t, r, then.get((t, r), ""))
        for t, r in now.keys() | then.keys()
        if now.get((t, r), "") != then.get((t, r), "")
    )
    matrix.journal.clear()


def reconcile(
    backend: Reads,
    where: str,
    document: Document,
    state: SyncState,
    resolutions: Resolutions,
    *,
    saving: bool,
) -> RefreshResult:
    """Bring the workspace's changes into ``document``.

    ``saving``: for a save that found newer versions -- any unresolved
    conflict raises :class:`MergeConflictError` and nothing is changed.
    Otherwise (a refresh) everything that does not conflict is applied,
    matrices added by others are added to the document, and the conflicts are
    returned (my side stays on screen; the matrix keeps its old base, so that
    saving finds them again).
    """
    reading = _read(backend, document, state, saving=saving)
    actions, conflicts = _plan(document, state, reading, resolutions, saving=saving)
    if saving and conflicts:
        message = _conflict_message(where, conflicts, reading, state)
        raise MergeConflictError(message, where, conflicts)
    result = RefreshResult(changes=reading.changes, conflicts=conflicts)
    for action in actions:
        _apply(action, document, state, reading, result)
    for db_id in list(state.seen):
        if db_id in reading.versions:
            state.seen[db_id], state.names[db_id] = reading.versions[db_id]
        else:
            del state.seen[db_id]  # reported once as removed
    return result


def _apply(
    action: _Action,
    document: Document,
    state: SyncState,
    reading: _Reading,
    result: RefreshResult,
) -> None:
    matrix = action.matrix
    if action.kind == "merge":
        assert matrix is not None and action.plan is not None
        changed = apply_plan(matrix, action.plan)
        result.cells += [(matrix, key) for key in changed]
        n = action.plan.renumbered
        if n:
            result.renumbered[matrix] = {**n.phases, **n.tasks, **n.roles, **n.people}
        remote = action.plan.remote
        if action.complete:
            state.track(matrix, Tracked(action.db_id, remote.version))
        else:
            state.adopted.setdefault(matrix, set()).update(_item_ids(remote.theirs))
    elif action.kind == "remove":
        assert matrix is not None
        if matrix in document.matrices:
            document.matrices.remove(matrix)
        state.untrack(matrix)
        result.removed.append(matrix)
    elif action.kind == "untrack":
        assert matrix is not None
        state.untrack(matrix)  # saved again as a new matrix
    elif action.kind == "reload":
        assert matrix is not None and action.loaded is not None
        reload_in_place(matrix, action.loaded.matrix)
        state.track(matrix, Tracked(action.db_id, action.loaded.version))
    elif action.kind == "overwrite":
        assert matrix is not None
        state.track(matrix, Tracked(action.db_id, action.version))
        JOURNAL_BASE.pop(matrix, None)  # written in full over theirs
    elif action.kind == "forget":
        state.known[action.db_id] = action.version
    elif action.kind in ("restore", "add"):
        assert action.loaded is not None
        added = action.loaded.matrix
        taken = {normalise(m.name) for m in document.matrices}
        if normalise(added.name) in taken:
            added.update(name=distinct_name(added.name, taken))
        else:
            added.journal.clear()
        document.add(added)
        state.track(added, Tracked(action.db_id, action.loaded.version))
        result.added.append(added)


def _item_ids(structure: Structure) -> set[int]:
    return (
        {p.id for p in structure.phases}
        | {t.id for t in structure.tasks}
        | {r.id for r in structure.roles}
        | {p.id for p in structure.people}
    )


def _conflict_message(
    where: str, conflicts: list[Conflict], reading: _Reading, state: SyncState
) -> str:
    bases = {t.db_id: t.version for t in state.tracked.values()} | state.known
    saved = []
    for db_id in dict.fromkeys(c.matrix_id for c in conflicts):
        now = reading.versions.get(db_id)
        name = now[1] if now else state.names.get(db_id, "")
        if now is None:
            saved.append(f"“{name}” was deleted")
        else:
            saved.append(f"“{name}” was saved again (version {now[0]}, yours {bases.get(db_id)})")
    shown = " ".join(c.text for c in conflicts[:3])
    more = f" (and {len(conflicts) - 3} more)" if len(conflicts) > 3 else ""
    return (
        f"{where}: someone else changed the same things as you since you opened it "
        f"({'; '.join(saved)}). {shown}{more} Nothing was saved; choose whose version to keep."
    )
