"""Built-in matrix templates, one TOML file each in ``templates/``.

File format (every text field is optional unless marked required)::

    id = "agency-am-pm"                      # required, equals the file stem
    title = "Account Manager vs Project Manager"   # required
    source = "002_d4c02502dbb53bcb.txt"      # required: the seed it is drawn from
    source_title = "Account management versus project management"
    summary = "One line shown in the gallery."
    name = "Matrix name"                     # defaults to title
    description = "Longer description of the matrix."
    scheme = "RACI"                          # required: RACI RASCI RACI-VS CAIRO DACI CHECK
    profile = "standard"
    conflicts = [["Sales Manager", "Project Manager"]]   # pairs of role names
    default_preset = "Sales&Account + PM"    # preset applied to a new document

    [[roles]]
    name = "Account Manager"                 # required
    short = "AM"
    description = "..."

    [[tasks]]
    name = "Negotiating costs"               # required
    phase = "Selling"                        # tasks of one phase stand together, in file order
    description = "..."
    notes = "..."
    cells = { AM = "A/R", PM = "C" }         # role short label or name -> codes

    [[presets]]
    name = "All in one"
    description = "..."
    people = [{ name = "Alex", roles = ["Sales Manager", "Project Manager"] }]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rolematrix.core.assets import templates_dir
from rolematrix.core.codes import parse_codes
from rolematrix.core.model import Matrix, Settings, StaffingPreset


class TemplateError(ValueError):
    """A template file that does not follow the format."""


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    source: str
    source_title: str
    summary: str
    scheme: str
    path: Path
    data: dict[str, Any]

    def build(self, *, apply_default_preset: bool = True) -> Matrix:
        """A fresh matrix from this template (a new object on every call)."""
        return _build(self, apply_default_preset)

    @property
    def reference(self) -> Matrix:
        """The template as the checker's reference (cached, never mutate it)."""
        return _reference(self.id)


def _require(data: dict[str, Any], key: str, path: Path) -> Any:
    if key not in data:
        raise TemplateError(f"{path.name}: the field {key!r} is missing")
    return data[key]


def load_template(path: Path) -> Template:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path.name}: {exc}") from exc
    template = Template(
        id=_require(data, "id", path),
        title=_require(data, "title", path),
        source=_require(data, "source", path),
        source_title=data.get("source_title", ""),
        summary=data.get("summary", ""),
        scheme=_require(data, "scheme", path),
        path=path,
        data=data,
    )
    if template.id != path.stem:
        raise TemplateError(f"{path.name}: id {template.id!r} differs from the file name")
    _build(template, True)  # validate now, not when a user picks it
    return template


@cache
def builtin_templates() -> dict[str, Template]:
    """All built-in templates by id, in file name order."""
    return {t.id: t for t in (_loaded(p) for p in sorted(templates_dir().glob("*.toml")))}


def _loaded(path: Path) -> Template:
    """``path`` parsed once per version of the file: the editor asks for templates often."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = 0
    return _load_once(path, stamp)


@cache
def _load_once(path: Path, stamp: int) -> Template:
    return load_template(path)


def find_builtin(template_id: str) -> Template | None:
    """The built-in template ``template_id``, reading only its own file when it is named so."""
    if not template_id:
        return None
    named = templates_dir() / f"{template_id}.toml"
    if named.is_file():
        template = _loaded(named)
        if template.id == template_id:
            return template
    return builtin_templates().get(template_id)


def get_template(template_id: str) -> Template:
    templates = builtin_templates()
    try:
        return templates[template_id]
    except KeyError:
        known = ", ".join(templates)
        raise LookupError(f"unknown template {template_id!r} (known: {known})") from None


@cache
def _reference(template_id: str) -> Matrix:
    return get_template(template_id).build(apply_default_preset=False)


def _build(template: Template, apply_default_preset: bool) -> Matrix:
    data = template.data
    path = template.path
    try:
        matrix = Matrix(
            data.get("name", template.title),
            template.scheme,
            description=data.get("description", ""),
            template_id=template.id,
            settings=Settings(profile=data.get("profile", "standard")),
        )
        by_label: dict[str, int] = {}
        for entry in _require(data, "roles", path):
            role = matrix.add_role(
                _require(entry, "name", path),
                short=entry.get("short", ""),
                description=entry.get("description", ""),
                colour=entry.get("colour", ""),
            )
            by_label[role.name] = role.id
            if role.short:
                by_label[role.short] = role.id
        phases: dict[str, int] = {}
        cells: list[tuple[int, int, str]] = []
        for entry in _require(data, "tasks", path):
            phase_name = entry.get("phase", "")
            if phase_name not in phases:
                phases[phase_name] = matrix.add_phase(phase_name).id
            task = matrix.add_task(
                _require(entry, "name", path),
                phases[phase_name],
                description=entry.get("description", ""),
                notes=entry.get("notes", ""),
            )
            for label, text in entry.get("cells", {}).items():
                if label not in by_label:
                    raise TemplateError(
                        f"{path.name}: task {task.name!r} names unknown role {label!r}"
                    )
                parsed = parse_codes(text, matrix.scheme)
                if parsed.unknown:
                    raise TemplateError(f"{path.name}: task {task.name!r}: cannot read {text!r}")
                cells.append((task.id, by_label[label], parsed.codes))
        matrix.set_cells(cells)
        for a, b in data.get("conflicts", []):
            if a not in by_label or b not in by_label:
                raise TemplateError(f"{path.name}: conflict names unknown role {a!r} or {b!r}")
            matrix.add_conflict(by_label[a], by_label[b])
        presets = [
            StaffingPreset(
                _require(p, "name", path),
                tuple(
                    (person["name"], tuple(person.get("roles", [])))
                    for person in p.get("people", [])
                ),
                p.get("description", ""),
            )
            for p in data.get("presets", [])
        ]
        matrix.set_presets(presets)
        default = data.get("default_preset")
        if default and apply_default_preset:
            chosen = next((p for p in presets if p.name == default), None)
            if chosen is None:
                raise TemplateError(f"{path.name}: default_preset {default!r} is not defined")
            matrix.apply_preset(chosen)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, TemplateError):
            raise
        raise TemplateError(f"{path.name}: {exc}") from exc
    matrix.journal.clear()
    return matrix


def reference_for(matrix: Matrix) -> Matrix | None:
    """The built-in template ``matrix`` was made from, as the checker's reference.

    A matrix made from a template this version does not ship has nothing to be
    compared with, which is not an error.
    """
    template = find_builtin(matrix.template_id or "")
    return template.reference if template is not None else None
