"""The whole document as JSON: every field of every matrix, ids included.

JSON is the interchange format for scripts and other tools, and the one export
that must come back without loss (``rolematrix diff`` of the original and the
re-imported document says "equal"). The layout is described in
``docs/formats.md``; in short::

    {"format": "rolematrix", "format_version": 1, "matrices": [{...}, ...]}

Output is deterministic (same document, same bytes) so exports can live in
version control: fields are written in a fixed order, order that means
something (roles, phases, tasks, people, presets) is kept, and collections
whose order means nothing (conflicts, suppressions, settings overrides) are
sorted. Reading is strict: anything that does not fit raises
:class:`UnreadableInputError` naming the file and the JSON path of the value
(``matrices[0].roles[2].name``); a field this version does not know is
reported as a problem and otherwise ignored, so newer minor additions still
open.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rolematrix.core.model import (
    Document,
    Matrix,
    Person,
    Settings,
    StaffingPreset,
    Suppression,
)
from rolematrix.core.names import clean_name, normalise
from rolematrix.core.profiles import settings_problem
from rolematrix.core.schemes import SCHEMES, Scheme
from rolematrix.io.files import read_input, write_bytes_atomically
from rolematrix.io.report import ExportError, ImportProblem, ImportResult, UnreadableInputError

FORMAT = "rolematrix"
FORMAT_VERSION = 1

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "document_data",
    "dumps_document",
    "loads_document",
    "read_json",
    "write_json",
]


# ------------------------------------------------------------------ shared helpers
def _select(document: Document, matrix_name: str | None) -> list[Matrix]:
    if matrix_name is None:
        return list(document.matrices)
    try:
        return [document.matrix(matrix_name)]
    except LookupError as exc:
        raise ExportError(str(exc)) from exc


# ------------------------------------------------------------------------ writing
def _codes_text(codes: str, scheme: Scheme) -> str:
    return scheme.display(codes)


def _matrix_data(matrix: Matrix) -> dict[str, Any]:
    scheme = matrix.scheme
    role_pos = {role.id: i for i, role in enumerate(matrix.roles)}
    phases = []
    for phase in matrix.phases:
        tasks = []
        for task in phase.tasks:
            row = matrix.row(task.id)
            cells = {
                str(role_id): _codes_text(row[role_id], scheme)
                for role_id in sorted(row, key=lambda rid: role_pos.get(rid, len(role_pos) + rid))
            }
            task_data: dict[str, Any] = {
                "id": task.id,
                "name": task.name,
                "description": task.description,
                "notes": task.notes,
                "cells": cells,
            }
            # optional keys, written only when used: files of matrices without them stay as they were
            if task.reference:
                task_data["reference"] = task.reference
            texts = matrix.row_texts(task.id)
            if texts:
                task_data["texts"] = {
                    str(role_id): texts[role_id]
                    for role_id in sorted(texts, key=lambda rid: role_pos.get(rid, rid))
                }
            tasks.append(task_data)
        phases.append({"id": phase.id, "name": phase.name, "tasks": tasks})
    suppressions = sorted(
        matrix.suppressions,
        key=lambda s: (
            s.rule,
            s.task_id or 0,
            s.role_id or 0,
            s.person_id or 0,
            s.reason,
        ),
    )
    return {
        "name": matrix.name,
        "description": matrix.description,
        "scheme": scheme.id,
        "template_id": matrix.template_id,
        "version": matrix.version,
        "settings": {
            "profile": matrix.settings.profile,
            "overrides": dict(sorted(matrix.settings.overrides.items())),
        },
        "roles": [
            {
                "id": role.id,
                "name": role.name,
                "short": role.short,
                "description": role.description,
                "colour": role.colour,
            }
            for role in matrix.roles
        ],
        "phases": phases,
        "people": [
            {"id": person.id, "name": person.name, "roles": list(person.role_ids)}
            for person in matrix.people
        ],
        "conflicts": [list(pair) for pair in sorted(matrix.conflicts)],
        "suppressions": [
            {
                "rule": s.rule,
                "reason": s.reason,
                "task": s.task_id,
                "role": s.role_id,
                "person": s.person_id,
            }
            for s in suppressions
        ],
        "presets": [
            {
                "name": preset.name,
                "description": preset.description,
                "people": [
                    {"name": person, "roles": list(roles)} for person, roles in preset.people
                ],
            }
            for preset in matrix.presets
        ],
    }


def document_data(document: Document, matrix_name: str | None = None) -> dict[str, Any]:
    """The document as plain JSON-ready data (one matrix when ``matrix_name`` is given)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "matrices": [_matrix_data(m) for m in _select(document, matrix_name)],
    }


def dumps_document(document: Document, matrix_name: str | None = None) -> str:
    """The document as JSON text: UTF-8 friendly, indented, ends with a newline."""
    try:
        text = json.dumps(
            document_data(document, matrix_name),
            ensure_ascii=False,
            indent=2,
            allow_nan=False,
        )
    except (TypeError, ValueError) as exc:
        raise ExportError(f"the document holds a value JSON cannot store: {exc}") from exc
    return text + "\n"


def write_json(
    document: Document, path: str | os.PathLike[str], matrix_name: str | None = None
) -> None:
    """Write the document (or one matrix of it) to ``path``; all or nothing."""
    text = dumps_document(document, matrix_name)
    write_bytes_atomically(path, text.encode("utf-8"), "JSON file")


# ------------------------------------------------------------------------ reading
class _Reader:
    """Walks the parsed JSON, checking shapes and naming the JSON path of what is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[ImportProblem] = []

    def fail(self, path: str, message: str) -> UnreadableInputError:
        where = f" at {path}" if path else ""
        return UnreadableInputError(f"{self.source}: {message}{where}")

    def obj(self, value: Any, path: str, known: Iterable[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, found {_kind(value)}")
        allowed = set(known)
        for key in value:
            if key not in allowed:
                self.problems.append(
                    ImportProblem(_join(path, key), "unknown field, ignored by this version")
                )
        return value

    def array(self, data: dict[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(_join(path, key), f"expected a list, found {_kind(value)}")
        return value

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = False) -> str:
        if key not in data:
            if required:
                raise self.fail(_join(path, key), "a required field is missing")
            return ""
        value = data[key]
        if not isinstance(value, str):
            raise self.fail(_join(path, key), f"expected text, found {_kind(value)}")
        return value

    def name(self, data: dict[str, Any], key: str, path: str) -> str:
        value = clean_name(self.text(data, key, path, required=True))
        if not value:
            raise self.fail(_join(path, key), "the name is empty")
        return value

    def optional_text(self, data: dict[str, Any], key: str, path: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.fail(_join(path, key), f"expected text or null, found {_kind(value)}")
        return value

    def integer(self, value: Any, path: str, *, positive: bool = True) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, f"expected a whole number, found {_kind(value)}")
        if positive and value < 1:
            raise self.fail(path, f"expected a positive id, found {value}")
        return value

    def optional_id(self, data: dict[str, Any], key: str, path: str) -> int | None:
        value = data.get(key)
        return None if value is None else self.integer(value, _join(path, key))


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    return "an object"


_DOCUMENT_KEYS = ("format", "format_version", "matrices")
_MATRIX_KEYS = (
    "name",
    "description",
    "scheme",
    "template_id",
    "version",
    "settings",
    "roles",
    "phases",
    "people",
    "conflicts",
    "suppressions",
    "presets",
)
_ROLE_KEYS = ("id", "name", "short", "description", "colour")
_PHASE_KEYS = ("id", "name", "tasks")
_TASK_KEYS = ("id", "name", "description", "notes", "cells", "reference", "texts")
_PERSON_KEYS = ("id", "name", "roles")
_SUPPRESSION_KEYS = ("rule", "reason", "task", "role", "person")
_PRESET_KEYS = ("name", "description", "people")
_PRESET_PERSON_KEYS = ("name", "roles")


def _read_codes(reader: _Reader, value: Any, scheme: Scheme, path: str) -> str:
    """Cell codes as written ("A/R"; "AR" is taken too); unknown single letters are kept."""
    if not isinstance(value, str):
        raise reader.fail(path, f"expected codes as text, found {_kind(value)}")
    if "/" in value or len(value) == 1:
        letters = value.split("/")
        readable = all(len(c) == 1 and (c.isalpha() or c in scheme.letters) for c in letters)
    else:  # "RA": only the scheme's own letters, so that a word is not read as codes
        letters = list(value)
        readable = all(c in scheme.letters for c in letters)
    if not readable:
        raise reader.fail(path, f"cannot read the codes {value!r}")
    return scheme.canonical("".join(letters))


def _read_matrix(reader: _Reader, raw: Any, path: str) -> Matrix:
    data = reader.obj(raw, path, _MATRIX_KEYS)
    name = reader.name(data, "name", path)
    scheme_id = reader.text(data, "scheme", path, required=True)
    if scheme_id not in SCHEMES:
        known = ", ".join(SCHEMES)
        raise reader.fail(_join(path, "scheme"), f"unknown scheme {scheme_id!r} (known: {known})")
    settings_path = _join(path, "settings")
    settings_raw = reader.obj(data.get("settings", {}), settings_path, ("profile", "overrides"))
    profile = reader.text(settings_raw, "profile", settings_path) or "standard"
    overrides = settings_raw.get("overrides", {})
    if not isinstance(overrides, dict):
        raise reader.fail(
            _join(settings_path, "overrides"), f"expected an object, found {_kind(overrides)}"
        )
    settings = Settings(profile, dict(overrides))
    problem = settings_problem(settings)
    if problem is not None:
        raise reader.fail(settings_path, problem)
    matrix = Matrix(
        name,
        scheme_id,
        description=reader.text(data, "description", path),
        template_id=reader.optional_text(data, "template_id", path),
        settings=settings,
    )
    matrix.version = reader.integer(data.get("version", 0), _join(path, "version"), positive=False)
    scheme = matrix.scheme
    ids: dict[int, str] = {}

    def claim(value: Any, where: str) -> int:
        ident = reader.integer(value, where)
        if ident in ids:
            raise reader.fail(where, f"the id {ident} is used twice (also at {ids[ident]})")
        ids[ident] = where
        return ident

    role_names: dict[str, str] = {}
    for index, raw_role in enumerate(reader.array(data, "roles", path)):
        where = _join(_join(path, "roles"), index)
        role = reader.obj(raw_role, where, _ROLE_KEYS)
        role_id = claim(role.get("id"), _join(where, "id"))
        role_name = reader.name(role, "name", where)
        key = normalise(role_name)
        if key in role_names:
            raise reader.fail(
                _join(where, "name"),
                f"a second role named {role_name!r} (also at {role_names[key]})",
            )
        role_names[key] = _join(where, "name")
        matrix.add_role(
            role_name,
            short=reader.text(role, "short", where),
            description=reader.text(role, "description", where),
            colour=reader.text(role, "colour", where),
            role_id=role_id,
        )

    task_names: dict[str, str] = {}
    cells: list[tuple[int, int, str]] = []
    texts: list[tuple[int, int, str]] = []
    for p_index, raw_phase in enumerate(reader.array(data, "phases", path)):
        p_where = _join(_join(path, "phases"), p_index)
        phase_data = reader.obj(raw_phase, p_where, _PHASE_KEYS)
        phase_id = claim(phase_data.get("id"), _join(p_where, "id"))
        phase = matrix.add_phase(reader.text(phase_data, "name", p_where), phase_id=phase_id)
        for t_index, raw_task in enumerate(reader.array(phase_data, "tasks", p_where)):
            where = _join(_join(p_where, "tasks"), t_index)
            task_data = reader.obj(raw_task, where, _TASK_KEYS)
            task_id = claim(task_data.get("id"), _join(where, "id"))
            task_name = reader.name(task_data, "name", where)
            key = normalise(task_name)
            if key in task_names:
                raise reader.fail(
                    _join(where, "name"),
                    f"a second task named {task_name!r} (also at {task_names[key]})",
                )
            task_names[key] = _join(where, "name")
            matrix.add_task(
                task_name,
                phase.id,
                description=reader.text(task_data, "description", where),
                notes=reader.text(task_data, "notes", where),
                task_id=task_id,
                reference=reader.text(task_data, "reference", where),
            )
            cells_where = _join(where, "cells")
            row = task_data.get("cells", {})
            if not isinstance(row, dict):
                raise reader.fail(cells_where, f"expected an object, found {_kind(row)}")
            for role_key, codes_raw in row.items():
                cell_where = _join(cells_where, role_key)
                if not role_key.isdigit() or not matrix.has_role(int(role_key)):
                    raise reader.fail(cell_where, f"no role has the id {role_key!r}")
                codes = _read_codes(reader, codes_raw, scheme, cell_where)
                if codes:
                    cells.append((task_id, int(role_key), codes))
            texts_where = _join(where, "texts")
            text_row = task_data.get("texts", {})
            if not isinstance(text_row, dict):
                raise reader.fail(texts_where, f"expected an object, found {_kind(text_row)}")
            for role_key in text_row:
                text_where = _join(texts_where, role_key)
                if not role_key.isdigit() or not matrix.has_role(int(role_key)):
                    raise reader.fail(text_where, f"no role has the id {role_key!r}")
                texts.append((task_id, int(role_key), reader.text(text_row, role_key, texts_where)))
    matrix.load_cells(cells)
    matrix.load_cell_texts(texts)

    people: list[Person] = []
    for index, raw_person in enumerate(reader.array(data, "people", path)):
        where = _join(_join(path, "people"), index)
        person = reader.obj(raw_person, where, _PERSON_KEYS)
        person_id = claim(person.get("id"), _join(where, "id"))
        role_ids = []
        for r_index, value in enumerate(reader.array(person, "roles", where)):
            r_where = _join(_join(where, "roles"), r_index)
            role_id = reader.integer(value, r_where)
            if not matrix.has_role(role_id):
                raise reader.fail(r_where, f"no role has the id {role_id}")
            role_ids.append(role_id)
        person_name = clean_name(reader.text(person, "name", where, required=True))
        people.append(Person(person_id, person_name, role_ids))
    if people:
        matrix.set_people(people)

    pairs = []
    for index, raw_pair in enumerate(reader.array(data, "conflicts", path)):
        where = _join(_join(path, "conflicts"), index)
        if not isinstance(raw_pair, list) or len(raw_pair) != 2:
            raise reader.fail(where, "expected a pair of role ids")
        a, b = (reader.integer(v, _join(where, i)) for i, v in enumerate(raw_pair))
        for i, role_id in enumerate((a, b)):
            if not matrix.has_role(role_id):
                raise reader.fail(_join(where, i), f"no role has the id {role_id}")
        pairs.append((a, b))
    if pairs:
        matrix.set_conflicts(pairs)

    suppressions = []
    for index, raw_item in enumerate(reader.array(data, "suppressions", path)):
        where = _join(_join(path, "suppressions"), index)
        item = reader.obj(raw_item, where, _SUPPRESSION_KEYS)
        rule = reader.text(item, "rule", where, required=True)
        if not rule:
            raise reader.fail(_join(where, "rule"), "the rule is empty")
        reason = reader.text(item, "reason", where)
        if not reason.strip():  # the handbook shows why a finding was accepted
            raise reader.fail(_join(where, "reason"), "an accepted finding needs a reason")
        suppressions.append(
            Suppression(
                rule,
                reason,
                reader.optional_id(item, "task", where),
                reader.optional_id(item, "role", where),
                reader.optional_id(item, "person", where),
            )
        )
    if suppressions:
        matrix.set_suppressions(suppressions)

    presets = []
    for index, raw_preset in enumerate(reader.array(data, "presets", path)):
        where = _join(_join(path, "presets"), index)
        preset = reader.obj(raw_preset, where, _PRESET_KEYS)
        staffed = []
        for p_index, raw_person in enumerate(reader.array(preset, "people", where)):
            p_where = _join(_join(where, "people"), p_index)
            person = reader.obj(raw_person, p_where, _PRESET_PERSON_KEYS)
            held = []
            for r_index, value in enumerate(reader.array(person, "roles", p_where)):
                if not isinstance(value, str):
                    raise reader.fail(
                        _join(_join(p_where, "roles"), r_index),
                        f"expected a role name, found {_kind(value)}",
                    )
                held.append(value)
            staffed.append((reader.text(person, "name", p_where, required=True), tuple(held)))
        presets.append(
            StaffingPreset(
                reader.text(preset, "name", where, required=True),
                tuple(staffed),
                reader.text(preset, "description", where),
            )
        )
    if presets:
        matrix.set_presets(presets)
    matrix.journal.clear()
    return matrix


#: longer whole numbers are no id or version; Python refuses past 4,300 digits anyway
_MAX_DIGITS = 30
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _RefusedValue(ValueError):
    """Raised from inside :func:`json.loads` for a value the document may not hold."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object, refusing a key given twice: JSON would silently keep the last value
    (a second ``"matrices": []`` would empty the document)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RefusedValue(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise _RefusedValue(f"a number of {len(digits.lstrip('-')):,} digits is too long")
    return int(digits)


def _without_lone_surrogates(raw: Any, problems: list[ImportProblem]) -> Any:
    """``raw`` with each lone surrogate (``"\\ud800"``, which JSON lets through but no
    file or database can store) replaced by U+FFFD, each replacement reported.

    Iterative, so a structure as deep as :func:`json.loads` allows is walked safely.
    """

    def clean(text: str, path: str) -> str:
        if _LONE_SURROGATE.search(text) is None:
            return text
        problems.append(
            ImportProblem(
                path or "(top level)",
                "held a lone surrogate (an invalid \\ud800-\\udfff escape); replaced with U+FFFD",
            )
        )
        return _LONE_SURROGATE.sub("\ufffd", text)

    root: list[Any] = [raw]
    stack: list[tuple[list[Any] | dict[str, Any], str | int, str]] = [(root, 0, "")]
    while stack:
        holder, slot, path = stack.pop()
        value = holder[slot]  # type: ignore[index]
        if isinstance(value, str):
            holder[slot] = clean(value, path)  # type: ignore[index]
        elif isinstance(value, list):
            stack.extend((value, i, _join(path, i)) for i in range(len(value)))
        elif isinstance(value, dict):
            for key in list(value):
                fixed = clean(key, _join(path, key))
                if fixed != key:
                    value[fixed] = value.pop(key)
                stack.append((value, fixed, _join(path, fixed)))
    return root[0]


def loads_document(text: str, source_name: str) -> ImportResult:
    """Read JSON text written by :func:`dumps_document`; ``source_name`` names it in messages."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise UnreadableInputError(f"{source_name}: the file is empty")
    try:
        raw = json.loads(text, object_pairs_hook=_pairs, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise UnreadableInputError(
            f"{source_name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except _RefusedValue as exc:
        raise UnreadableInputError(f"{source_name}: {exc}") from exc
    except RecursionError as exc:
        raise UnreadableInputError(f"{source_name}: the JSON is nested too deeply") from exc
    reader = _Reader(source_name)
    raw = _without_lone_surrogates(raw, reader.problems)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise UnreadableInputError(
            f'{source_name}: not a RoleMatrix JSON file (it lacks "format": "{FORMAT}")'
        )
    data = reader.obj(raw, "", _DOCUMENT_KEYS)
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise reader.fail("format_version", f"expected a whole number, found {_kind(version)}")
    if version > FORMAT_VERSION:
        raise UnreadableInputError(
            f"{source_name}: written by a newer RoleMatrix (format_version {version}; "
            f"this version reads up to {FORMAT_VERSION})"
        )
    if version < 1:
        raise reader.fail("format_version", f"unknown format_version {version}")
    document = Document()
    seen: dict[str, str] = {}
    matrices = data.get("matrices")
    if not isinstance(matrices, list):
        raise reader.fail("matrices", f"expected a list of matrices, found {_kind(matrices)}")
    for index, raw_matrix in enumerate(matrices):
        where = _join("matrices", index)
        try:
            matrix = _read_matrix(reader, raw_matrix, where)
        except ValueError as exc:  # the model refused a value the shape checks let through
            raise reader.fail(where, str(exc)) from exc
        key = normalise(matrix.name)
        if key in seen:
            raise reader.fail(
                _join(where, "name"), f"a second matrix named {matrix.name!r} (also at {seen[key]})"
            )
        seen[key] = _join(where, "name")
        document.matrices.append(matrix)
    return ImportResult(document, reader.problems)


def read_json(path: str | os.PathLike[str]) -> ImportResult:
    """Read a JSON document file written by :func:`write_json`."""
    source = Path(path)
    data = read_input(source, allow_empty=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(
            f"{source.name}: not UTF-8 text (byte {exc.start}), so not a RoleMatrix JSON file"
        ) from exc
    return loads_document(text, source.name)
