"""Helpers for the store tests: a matrix using every field, comparable snapshots, file states."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rolematrix.core.model import (
    Document,
    Matrix,
    Settings,
    StaffingPreset,
    Suppression,
)


def rich_matrix(name: str = "Release plan") -> Matrix:
    """A matrix with every field the store must keep: phases, notes, people, conflicts..."""
    m = Matrix(
        name,
        "RASCI",
        description="Who does what when we ship.\nSecond line.",
        template_id="software-release",
        settings=Settings("strict", {"max_responsible": 2, "four_eyes": False}),
    )
    plan = m.add_phase("Plan")
    build = m.add_phase("Build")
    t1 = m.add_task(
        "Write the plan", plan.id, description="Scope and dates", notes="See wiki", reference="1.1"
    )
    t2 = m.add_task("Approve budget", plan.id, notes="Needs CFO")
    t3 = m.add_task("Implement", build.id, description="Code it")
    t4 = m.add_task("Test", build.id)
    pm = m.add_role("Project manager", short="PM", description="Runs it", colour="#1F77B4")
    dev = m.add_role("Developer", short="Dev", colour="#FF7F0E")
    qa = m.add_role("Tester", short="QA")
    cfo = m.add_role("Finance", description="Money")
    m.set_cells(
        [
            (t1.id, pm.id, "AR"),
            (t1.id, dev.id, "C"),
            (t2.id, cfo.id, "A"),
            (t2.id, pm.id, "R"),
            (t3.id, dev.id, "R"),
            (t3.id, pm.id, "A"),
            (t3.id, qa.id, "S"),
            (t4.id, qa.id, "R"),
            (t4.id, pm.id, "A"),
            (t4.id, dev.id, "I"),
        ]
    )
    m.set_cell_texts([(t4.id, cfo.id, "maybe later")])  # imported text that is no code
    ann = m.add_person("Ann", [pm.id, cfo.id])
    m.add_person("Bob", [dev.id])
    m.add_person("Cyd", [])
    m.set_conflicts([(dev.id, qa.id), (pm.id, cfo.id)])
    m.set_suppressions(
        [
            Suppression("one-accountable", "the board decides", task_id=t2.id),
            Suppression("conflict", "small team", role_id=cfo.id, person_id=ann.id),
            Suppression("no-responsible", "everyone"),
        ]
    )
    m.set_presets(
        [
            StaffingPreset("Small team", (("Ann", ("Project manager", "Finance")), ("Bob", ()))),
            StaffingPreset("Full", (("Zed", ("Tester",)),), "Everyone has a role"),
        ]
    )
    return m


def persian_matrix() -> Matrix:
    """A right-to-left matrix with a flat (unnamed) phase, in the CHECK scheme."""
    m = Matrix("ماتریس مسئولیت", "CHECK", description="شرح وظایف واحدها")
    t1 = m.add_task("تهیه برنامه", description="برنامه سالانه", notes="یادداشت")
    t2 = m.add_task("تأیید بودجه")
    r1 = m.add_role("مدیر پروژه", short="مدیر", colour="#00AA00")
    r2 = m.add_role("واحد مالی")
    m.set_cells([(t1.id, r1.id, "✓"), (t2.id, r2.id, "✓"), (t2.id, r1.id, "✓")])
    m.add_person("سارا", [r1.id])
    return m


def rich_document() -> Document:
    return Document([rich_matrix(), persian_matrix()])


def matrix_state(m: Matrix) -> dict[str, Any]:
    """Every field of a matrix in comparable form, ids included (version left out)."""
    return {
        "name": m.name,
        "description": m.description,
        "scheme": m.scheme.id,
        "template_id": m.template_id,
        "settings": (m.settings.profile, dict(m.settings.overrides)),
        "phases": [
            (
                p.id,
                p.name,
                [(t.id, t.name, t.description, t.notes, t.reference) for t in p.tasks],
            )
            for p in m.phases
        ],
        "roles": [(r.id, r.name, r.short, r.description, r.colour) for r in m.roles],
        "cells": sorted(m.cells()),
        "cell_texts": sorted(m.cell_texts()),
        "people": [(p.id, p.name, list(p.role_ids)) for p in m.people],
        "conflicts": list(m.conflicts),
        "suppressions": list(m.suppressions),
        "presets": list(m.presets),
        "next_id": m.next_id,
    }


def document_state(document: Document) -> list[dict[str, Any]]:
    return [matrix_state(m) for m in document.matrices]


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@dataclass(frozen=True)
class FileState:
    """What a user could see changed: the bytes, the modification time, the folder listing."""

    data: bytes | None
    mtime_ns: int | None
    listing: tuple[str, ...]

    @classmethod
    def of(cls, path: Path) -> FileState:
        folder = path.parent
        listing = tuple(folder_listing(folder)) if folder.is_dir() else ()
        if path.is_file():
            return cls(path.read_bytes(), path.stat().st_mtime_ns, listing)
        return cls(None, None, listing)
