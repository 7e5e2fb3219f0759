"""JSON export and import: the whole document, every field, ids kept, same bytes every time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rolematrix.core.diff import diff_documents
from rolematrix.core.model import Document, Matrix, Settings, StaffingPreset, Suppression
from rolematrix.core.templates import builtin_templates
from rolematrix.io.json_format import dumps_document, loads_document, read_json, write_json
from rolematrix.io.report import ExportError, UnreadableInputError

TRICKY = ["<b>x</b> & co", "=1+1", "@SUM(A1)", "line one\nline two", "a\ttab", "'quoted", "-minus"]


def snapshot(matrix: Matrix) -> dict[str, Any]:
    """Everything a matrix holds, ids included, in plain data (suppressions as a set)."""
    return {
        "name": matrix.name,
        "description": matrix.description,
        "scheme": matrix.scheme.id,
        "template_id": matrix.template_id,
        "version": matrix.version,
        "settings": (matrix.settings.profile, matrix.settings.overrides),
        "roles": [(r.id, r.name, r.short, r.description, r.colour) for r in matrix.roles],
        "phases": [
            (p.id, p.name, [(t.id, t.name, t.description, t.notes, t.reference) for t in p.tasks])
            for p in matrix.phases
        ],
        "cells": sorted(matrix.cells()),
        "cell_texts": sorted(matrix.cell_texts()),
        "people": [(p.id, p.name, p.role_ids) for p in matrix.people],
        "conflicts": sorted(matrix.conflicts),
        "suppressions": set(matrix.suppressions),
        "presets": matrix.presets,
    }


def full_matrix() -> Matrix:
    """A matrix with every field filled, ids with gaps, Persian and markup-like text."""
    matrix = Matrix(
        "Relaunch <b>x</b> & co",
        "RASCI",
        description="=1+1\n@SUM(A1)\ttab",
        template_id="agency-am-pm",
        settings=Settings("strict", {"max_responsible": 3, "four_eyes": False}),
    )
    matrix.version = 7
    plan = matrix.add_phase("Plan & <i>scope</i>")
    build = matrix.add_phase("ساخت")
    pm = matrix.add_role(
        "Project Manager", short="PM", description="<b>leads</b>", colour="#FFAA00"
    )
    am = matrix.add_role("مدیر امور مشتری", short="AM", description="مشتری & co")
    qa = matrix.add_role("=QA", short="@Q", description="line\nbreak")
    idle = matrix.add_role("Nobody's role")
    scrap = matrix.add_task("to be removed", plan.id)
    t1 = matrix.add_task(
        "=1+1", plan.id, description="<b>x</b> & co", notes="tab\there", reference="=A1"
    )
    t2 = matrix.add_task("@SUM(A1)", plan.id, description="line one\nline two")
    t3 = matrix.add_task("بررسی نیازها", build.id, description="توضیح", notes="یادداشت")
    matrix.remove_task(scrap.id)  # leaves a gap in the ids
    matrix.add_phase("Empty phase")
    matrix.set_cells(
        [
            (t1.id, pm.id, "RA"),
            (t1.id, am.id, "C"),
            (t1.id, qa.id, "S"),
            (t2.id, am.id, "AR"),
            (t2.id, qa.id, "IX"),  # X is no RASCI code: kept, for the checker to flag
            (t3.id, pm.id, "I"),
            (t3.id, am.id, "A"),
        ]
    )
    matrix.set_cell_texts([(t2.id, pm.id, "maybe <b>"), (t3.id, qa.id, "=HYPERLINK(1)")])
    alex = matrix.add_person("Alex <admin>", [pm.id, qa.id])
    matrix.add_person("سارا", [am.id])
    matrix.add_conflict(qa.id, pm.id)
    matrix.add_conflict(am.id, pm.id)
    matrix.set_suppressions(
        [
            Suppression("task-no-responsible", "agreed & signed", task_id=t3.id),
            Suppression("person-conflict", "small team", person_id=alex.id),
            Suppression("role-idle", "kept for later", role_id=idle.id),
        ]
    )
    matrix.set_presets(
        [
            StaffingPreset(
                "All in one", (("Alex", ("Project Manager", "=QA")),), "one <b>person</b>"
            ),
            StaffingPreset("Two", (("A", ("Project Manager",)), ("B", ("مدیر امور مشتری",)))),
        ]
    )
    matrix.journal.clear()
    return matrix


def template_ids() -> list[str]:
    return list(builtin_templates())


def round_trip(document: Document) -> Document:
    text = dumps_document(document)
    result = loads_document(text, "doc.json")
    assert result.problems == []
    assert dumps_document(result.document) == text
    return result.document


@pytest.mark.parametrize("template_id", template_ids())
def test_every_template_comes_back_unchanged(template_id: str) -> None:
    original = builtin_templates()[template_id].build()
    back = round_trip(Document([original])).matrices[0]
    assert snapshot(back) == snapshot(original)


def test_every_field_comes_back_with_its_id(tmp_path: Path) -> None:
    original = Document([full_matrix(), Matrix("Second, empty")])
    path = tmp_path / "doc.json"
    write_json(original, path)
    back = read_json(path)
    assert back.problems == []
    assert [snapshot(m) for m in back.document.matrices] == [snapshot(m) for m in original.matrices]
    assert diff_documents(original, back.document) == []
    assert not back.document.modified  # a freshly read document has nothing unsaved


def test_new_ids_continue_after_the_highest_read() -> None:
    back = round_trip(Document([full_matrix()])).matrices[0]
    highest = max(
        [t.id for t in back.tasks] + [r.id for r in back.roles] + [p.id for p in back.phases]
    )
    assert back.add_task("new task").id > highest


def test_output_is_readable_deterministic_json() -> None:
    document = Document([full_matrix()])
    text = dumps_document(document)
    assert text == dumps_document(Document([full_matrix()]))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "مدیر امور مشتری" in text  # not \u escapes
    assert '\n  "format": "rolematrix",' in text  # indented by two
    data = json.loads(text)
    assert data["format"] == "rolematrix" and data["format_version"] == 1
    matrix = data["matrices"][0]
    assert matrix["settings"] == {
        "profile": "strict",
        "overrides": {"max_responsible": 3, "four_eyes": False},
    }
    # order that means nothing is sorted, so the same matrix always gives the same file
    assert matrix["conflicts"] == sorted(matrix["conflicts"])
    rules = [s["rule"] for s in matrix["suppressions"]]
    assert rules == sorted(rules)
    # cells read the way people write them, accountable first
    first_task = matrix["phases"][0]["tasks"][0]
    assert list(first_task["cells"].values()) == ["A/R", "C", "S"]


def test_text_is_kept_literally() -> None:
    matrix = Matrix("Tricky")
    role = matrix.add_role("Role")
    for i, text in enumerate(TRICKY):
        task = matrix.add_task(f"{text} {i}", description=text, notes=text)
        matrix.set_cell(task.id, role.id, "R")
    back = round_trip(Document([matrix])).matrices[0]
    assert [(t.name, t.description, t.notes) for t in back.tasks] == [
        (t.name, t.description, t.notes) for t in matrix.tasks
    ]


def test_one_matrix_can_be_written_alone(tmp_path: Path) -> None:
    document = Document([full_matrix(), Matrix("Other")])
    path = tmp_path / "one.json"
    write_json(document, path, matrix_name="other")
    assert [m.name for m in read_json(path).document.matrices] == ["Other"]
    with pytest.raises(ExportError, match=r"no matrix named"):
        write_json(document, path, matrix_name="missing")


def test_an_unwritable_target_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"missing-folder"):
        write_json(Document([Matrix("M")]), tmp_path / "missing-folder" / "doc.json")


def test_an_unknown_field_is_reported_not_fatal() -> None:
    data = json.loads(dumps_document(Document([full_matrix()])))
    data["matrices"][0]["roles"][1]["favourite_colour"] = "blue"
    result = loads_document(json.dumps(data), "newer.json")
    assert [str(p) for p in result.problems] == [
        "matrices[0].roles[1].favourite_colour: unknown field, ignored by this version"
    ]


def broken(change: Any) -> str:
    """The JSON of the full matrix, altered by ``change(data)``."""
    data = json.loads(dumps_document(Document([full_matrix()])))
    change(data)
    return json.dumps(data, ensure_ascii=False)


def set_path(*keys: Any, value: Any) -> Any:
    def change(data: Any) -> None:
        for key in keys[:-1]:
            data = data[key]
        data[keys[-1]] = value

    return change


def test_role_name_of_wrong_type_names_the_json_path() -> None:
    text = broken(set_path("matrices", 0, "roles", 2, "name", value=42))
    with pytest.raises(UnreadableInputError) as caught:
        loads_document(text, "team.json")
    message = str(caught.value)
    assert message.startswith("team.json:")
    assert "matrices[0].roles[2].name" in message
    assert "expected text" in message


def first_cell_reads(value: str) -> Any:
    def change(data: Any) -> None:
        cells = data["matrices"][0]["phases"][0]["tasks"][0]["cells"]
        cells[next(iter(cells))] = value

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (set_path("matrices", 0, "scheme", value="RAPID"), "unknown scheme 'RAPID'"),
        (set_path("matrices", 0, "roles", 1, "name", value="project manager"), "a second role"),
        (set_path("matrices", 0, "roles", 1, "id", value=1), "the id 1 is used twice"),
        (set_path("matrices", 0, "phases", 0, "tasks", 1, "name", value=" =1+1 "), "second task"),
        (set_path("matrices", 0, "phases", 0, "tasks", 0, "name", value="   "), "name is empty"),
        (set_path("matrices", 0, "phases", 0, "tasks", 0, "cells", value={"999": "R"}), "999"),
        (first_cell_reads("maybe"), "cannot read the codes 'maybe'"),
        (set_path("matrices", 0, "people", 0, "roles", value=[12345]), "no role has the id 12345"),
        (set_path("matrices", 0, "conflicts", value=[[1]]), "pair of role ids"),
        (set_path("matrices", 0, "roles", value={"a": 1}), "expected a list"),
        (
            set_path("matrices", 0, "suppressions", value=[{"rule": "role-idle"}]),
            "an accepted finding needs a reason",
        ),
        (set_path("format_version", value=2), "newer RoleMatrix"),
        (set_path("format", value="other"), "not a RoleMatrix JSON file"),
    ],
)
def test_wrong_content_is_refused_with_file_and_reason(change: Any, expected: str) -> None:
    with pytest.raises(UnreadableInputError, match=r"^doc\.json: ") as caught:
        loads_document(broken(change), "doc.json")
    assert expected in str(caught.value)


def test_duplicate_matrix_names_are_refused() -> None:
    text = dumps_document(Document([Matrix("Same"), Matrix("Other")]))
    with pytest.raises(UnreadableInputError, match=r"a second matrix named 'SAME'.*matrices\[1\]"):
        loads_document(text.replace('"Other"', '"SAME"'), "doc.json")


def test_bad_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "rolematrix",\n  "matrices": [,]}', encoding="utf-8")
    with pytest.raises(UnreadableInputError, match=r"broken.json: not valid JSON \(line 2"):
        read_json(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "empty"), (b"\xff\xfe\x00garbage", "not UTF-8"), (b"[1, 2]", "not a RoleMatrix")],
)
def test_files_that_are_no_document_are_refused(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(UnreadableInputError, match=rf"x\.json: .*{expected}"):
        read_json(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match=r"nothing\.json: no such file"):
        read_json(tmp_path / "nothing.json")


# ------------------------------------------------------------------ hostile files
def _document_text() -> str:
    return dumps_document(Document([builtin_templates()["sales-pm-account"].build()]))


def _cli(*args: str) -> tuple[int, str, str]:
    """``python -m rolematrix`` in a subprocess: the real exit status, and any traceback."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "rolematrix", *args], capture_output=True, text=True, timeout=60
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
        ('{"format": "rolematrix", "format_version": ' + "7" * 5000 + "}", "5,000 digits"),
        (
            '{"format": "rolematrix", "format_version": 1, "matrices": [], "x": ' + "9" * 40 + "}",
            "40 digits",
        ),
        (None, "'matrices' appears twice"),
    ],
)
def test_a_hostile_json_file_is_exit_2_with_one_line(
    tmp_path: Path, content: str | None, named: str
) -> None:
    if content is None:  # a second "matrices" that would empty the document
        content = _document_text().rstrip().rstrip("}") + ', "matrices": []}'
    source = tmp_path / "hostile.json"
    source.write_text(content, encoding="utf-8")
    for args in (
        ("check", str(source)),
        ("import", str(source), str(tmp_path / "out.rolematrix")),
        ("export", str(source), "-o", str(tmp_path / "out.csv")),
    ):
        code, _out, err = _cli(*args)
        assert code == 2, (args, err)
        assert "Traceback" not in err
        assert err.count("\n") == 1 and "hostile.json" in err and named in err, err
    assert not (tmp_path / "out.rolematrix").exists()


def test_a_duplicate_key_is_refused_not_silently_kept() -> None:
    text = _document_text().rstrip().rstrip("}") + ', "matrices": []}'
    with pytest.raises(UnreadableInputError, match=r"plan\.json: the key .matrices. appears twice"):
        loads_document(text, "plan.json")


def test_a_lone_surrogate_is_replaced_and_reported_and_the_import_saves(tmp_path: Path) -> None:
    data = json.loads(_document_text())
    data["matrices"][0]["name"] = "Sales \ud800plan"
    data["matrices"][0]["roles"][0]["description"] = "half a pair: \udc00"
    source = tmp_path / "lone.json"
    source.write_text(json.dumps(data), encoding="ascii")  # written as \ud800 escapes
    result = read_json(source)
    matrix = result.document.matrices[0]
    assert matrix.name == "Sales \ufffdplan"
    assert matrix.roles[0].description == "half a pair: \ufffd"
    where = {p.location for p in result.problems if "surrogate" in p.message}
    assert where == {"matrices[0].name", "matrices[0].roles[0].description"}

    code, _out, err = _cli("import", str(source), str(tmp_path / "saved.rolematrix"))
    assert code == 0, err
    assert "lone.json: matrices[0].name: held a lone surrogate" in err
    assert (tmp_path / "saved.rolematrix").exists()
