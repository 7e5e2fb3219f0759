"""What changed between two matrices (or two documents), in words a reviewer reads.

Tasks and roles are matched by normalised name first, then -- among the ones
left -- by id, so a renamed task is reported as renamed (when both sides stem
from one document) rather than as removed plus added.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rolematrix.core.model import Document, Matrix, Person, Role, Task
from rolematrix.core.names import normalise


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # matrix, task-added, task-removed, task-renamed, task-moved, task-field, role-..., cell, people, ...
    text: str

    def __str__(self) -> str:
        return self.text


T = TypeVar("T", Task, Role)


def _match(old: Sequence[T], new: Sequence[T]) -> list[tuple[T | None, T | None]]:
    """Pairs (old, new); None on one side for removed/added items."""
    by_name = {normalise(n.name): n for n in new}
    pairs: list[tuple[T | None, T | None]] = []
    used: set[int] = set()
    left: list[T] = []
    for item in old:
        other = by_name.get(normalise(item.name))
        if other is not None and id(other) not in used:
            pairs.append((item, other))
            used.add(id(other))
        else:
            left.append(item)
    remaining = {n.id: n for n in new if id(n) not in used}
    for item in left:
        other = remaining.pop(item.id, None)
        if other is not None:
            used.add(id(other))
        pairs.append((item, other))
    pairs.extend((None, n) for n in new if id(n) not in used)
    return pairs


def _q(text: str) -> str:
    return f"“{text}”"


def _fields(kind: str, label: str, old: Any, new: Any, names: Sequence[str]) -> list[Change]:
    out = []
    for name in names:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Change(kind, f"{label}: {name} {a!r} → {b!r}"))
    return out


def _positions(
    pairs: list[tuple[T | None, T | None]], old: Sequence[T], new: Sequence[T]
) -> dict[int, tuple[int, int]]:
    """Old and new positions of matched items, relative to the items both sides keep."""
    partner = {id(a): b for a, b in pairs if a is not None and b is not None}
    kept_old = [a for a in old if id(a) in partner]  # document order, not pairing order
    kept_new_ids = {id(b) for b in partner.values()}
    new_order = [n for n in new if id(n) in kept_new_ids]
    new_pos = {id(n): i for i, n in enumerate(new_order)}
    return {id(a): (i, new_pos[id(partner[id(a)])]) for i, a in enumerate(kept_old)}


def diff_matrices(a: Matrix, b: Matrix) -> list[Change]:
    changes: list[Change] = []
    label = _q(b.name)
    for name in ("name", "description", "template_id"):
        if getattr(a, name) != getattr(b, name):
            changes.append(
                Change(
                    "matrix", f"matrix {label}: {name} {getattr(a, name)!r} → {getattr(b, name)!r}"
                )
            )
    if a.scheme.id != b.scheme.id:
        changes.append(Change("matrix", f"matrix {label}: scheme {a.scheme.id} → {b.scheme.id}"))
    if (a.settings.profile, a.settings.overrides) != (b.settings.profile, b.settings.overrides):
        changes.append(
            Change(
                "settings",
                f"matrix {label}: settings {a.settings.profile} {a.settings.overrides} → "
                f"{b.settings.profile} {b.settings.overrides}",
            )
        )
    a_phases = [(p.name, [normalise(t.name) for t in p.tasks]) for p in a.phases]
    b_phases = [(p.name, [normalise(t.name) for t in p.tasks]) for p in b.phases]
    if [n for n, _ in a_phases] != [n for n, _ in b_phases]:
        changes.append(
            Change("phases", f"phases {[n for n, _ in a_phases]} → {[n for n, _ in b_phases]}")
        )

    task_pairs = _match(a.tasks, b.tasks)
    role_pairs = _match(a.roles, b.roles)
    changes += _structure(
        "task", task_pairs, a.tasks, b.tasks, ("description", "notes", "reference")
    )
    changes += _structure("role", role_pairs, a.roles, b.roles, ("short", "description", "colour"))
    a_phase_of = {t.id: p.name for p in a.phases for t in p.tasks}
    b_phase_of = {t.id: p.name for p in b.phases for t in p.tasks}
    for old, new in task_pairs:
        if old is not None and new is not None and a_phase_of[old.id] != b_phase_of[new.id]:
            changes.append(
                Change(
                    "task-moved",
                    f"task {_q(new.name)} moved from phase {_q(a_phase_of[old.id])} to {_q(b_phase_of[new.id])}",
                )
            )

    # cells of added and removed tasks and roles too: a new role's codes are news
    for old_task, new_task in task_pairs:
        row_a = a.row(old_task.id) if old_task is not None else {}
        row_b = b.row(new_task.id) if new_task is not None else {}
        task_name = (new_task or old_task).name  # type: ignore[union-attr]
        for old_role, new_role in role_pairs:
            ca = row_a.get(old_role.id, "") if old_role is not None else ""
            cb = row_b.get(new_role.id, "") if new_role is not None else ""
            if ca != cb:
                role_name = (new_role or old_role).name  # type: ignore[union-attr]
                changes.append(
                    Change(
                        "cell",
                        f"{task_name} × {role_name}: "
                        f"{a.scheme.display(ca) or '—'} → {b.scheme.display(cb) or '—'}",
                    )
                )
            ta = a.cell_text(old_task.id, old_role.id) if old_task and old_role else ""
            tb = b.cell_text(new_task.id, new_role.id) if new_task and new_role else ""
            if ta != tb:
                role_name = (new_role or old_role).name  # type: ignore[union-attr]
                changes.append(
                    Change(
                        "cell-text",
                        f"{task_name} × {role_name}: unread text "
                        f"{repr(ta) if ta else '—'} → {repr(tb) if tb else '—'}",
                    )
                )
    changes += _people(a, b)
    changes += _simple("conflicts", _conflict_names(a), _conflict_names(b))
    changes += _simple("suppressions", _suppression_keys(a), _suppression_keys(b))
    changes += _simple("presets", {repr(p) for p in a.presets}, {repr(p) for p in b.presets})
    return changes


def _structure(
    kind: str,
    pairs: list[tuple[T | None, T | None]],
    old: Sequence[T],
    new: Sequence[T],
    fields: Sequence[str],
) -> list[Change]:
    out: list[Change] = []
    positions = _positions(pairs, old, new)
    for x, y in pairs:
        if x is None and y is not None:
            out.append(Change(f"{kind}-added", f"{kind} added: {_q(y.name)}"))
        elif y is None and x is not None:
            out.append(Change(f"{kind}-removed", f"{kind} removed: {_q(x.name)}"))
        elif x is not None and y is not None:
            if x.name != y.name:
                out.append(
                    Change(f"{kind}-renamed", f"{kind} renamed: {_q(x.name)} → {_q(y.name)}")
                )
            was, now = positions[id(x)]
            if was != now:
                out.append(
                    Change(
                        f"{kind}-moved",
                        f"{kind} {_q(y.name)} moved from position {was + 1} to {now + 1}",
                    )
                )
            out += _fields(f"{kind}-field", f"{kind} {_q(y.name)}", x, y, fields)
    return out


def _role_names(matrix: Matrix, ids: list[int]) -> tuple[str, ...]:
    return tuple(sorted(matrix.role(i).name for i in ids if matrix.has_role(i)))


def _people(a: Matrix, b: Matrix) -> list[Change]:
    def key(m: Matrix, p: Person) -> str:
        return f"{p.name} holds {', '.join(_role_names(m, p.role_ids)) or 'no role'}"

    return _simple(
        "people", [key(a, p) for p in a.people], [key(b, p) for p in b.people], ordered=True
    )


def _conflict_names(m: Matrix) -> set[str]:
    return {" / ".join(sorted(_role_names(m, [x, y]))) for x, y in m.conflicts}


def _suppression_keys(m: Matrix) -> set[str]:
    out = set()
    for s in m.suppressions:
        where = [
            m.task(s.task_id).name if s.task_id is not None and m.has_task(s.task_id) else "",
            m.role(s.role_id).name if s.role_id is not None and m.has_role(s.role_id) else "",
        ]
        out.add(f"{s.rule} [{' / '.join(w for w in where if w)}]: {s.reason}")
    return out


def _simple(kind: str, old: Any, new: Any, ordered: bool = False) -> list[Change]:
    if ordered:
        if list(old) == list(new):
            return []
        return [Change(kind, f"{kind}: {list(old)} → {list(new)}")]
    removed = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    return [Change(kind, f"{kind} removed: {x}") for x in removed] + [
        Change(kind, f"{kind} added: {x}") for x in added
    ]


def diff_documents(
    a: Document,
    b: Document,
    matrix_name: str | None = None,
    *,
    identity: Callable[[Matrix], Hashable] | None = None,
) -> list[Change]:
    """Changes from ``a`` to ``b``; with ``matrix_name``, only that matrix.

    Matrices are paired by name, or by ``identity`` when the caller knows which
    matrix is which (a store's lasting ids): then a renamed matrix shows as
    renamed, not as removed and added.
    """
    if matrix_name is not None:
        return diff_matrices(a.matrix(matrix_name), b.matrix(matrix_name))

    def key(m: Matrix) -> Hashable:
        found = identity(m) if identity is not None else None
        return ("id", found) if found is not None else ("name", normalise(m.name))

    old = {key(m): m for m in a.matrices}
    new = {key(m): m for m in b.matrices}
    changes: list[Change] = []
    for k, m in old.items():
        if k not in new:
            changes.append(Change("matrix-removed", f"matrix removed: {_q(m.name)}"))
    for k, m in new.items():
        if k not in old:
            changes.append(Change("matrix-added", f"matrix added: {_q(m.name)}"))
        else:
            changes += diff_matrices(old[k], m)
    return changes
