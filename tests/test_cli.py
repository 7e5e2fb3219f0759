"""The command line as a user runs it: exit codes, messages, files left as they were."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rolematrix import __version__
from rolematrix.cli import main
from rolematrix.core.templates import builtin_templates


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sales(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "team.rolematrix"
    code, _out, _ = run(capsys, "new", path, "--template", "sales-pm-account")
    assert code == 0 and path.exists()
    return path


def test_templates_lists_every_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0
    for template_id, template in builtin_templates().items():
        assert template_id in out and template.title in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_new_from_template_checks_clean(sales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", sales)
    assert code == 0
    assert "0 errors" in out


def test_check_json_fields_and_exit_code_on_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    source = tmp_path / "ok.json"
    doc = tmp_path / "x.rolematrix"
    run(capsys, "new", doc, "--template", "agency-am-pm-raci")
    assert run(capsys, "export", doc, "--output", source)[0] == 0
    data = json.loads(source.read_text(encoding="utf-8"))
    # take every code off the first task: it becomes uncovered
    data["matrices"][0]["phases"][0]["tasks"][0]["cells"] = {}
    broken.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "check", broken, "--format", "json")
    assert code == 1
    findings = json.loads(out)
    assert {"rule", "severity", "matrix", "task", "role", "person", "message"} <= set(findings[0])
    assert any(f["rule"] == "task-uncovered" and f["severity"] == "error" for f in findings)


def test_check_against_another_template_reports_missing_tasks(
    sales: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out, _ = run(
        capsys, "check", sales, "--template", "agency-am-pm-raci", "--format", "json"
    )
    rules = {f["rule"] for f in json.loads(out)}
    assert "template-task-missing" in rules


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_export_import_round_trip_is_lossless(
    sales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    exported = tmp_path / f"team{suffix}"
    back = tmp_path / "back.rolematrix"
    assert run(capsys, "export", sales, "--output", exported)[0] == 0
    assert run(capsys, "import", exported, back)[0] == 0
    code, out, _ = run(capsys, "diff", sales if suffix == ".json" else exported, back)
    assert (code, out) == (0, "")


def test_diff_reports_cell_and_structure_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    doc = tmp_path / "a.rolematrix"
    run(capsys, "new", doc, "--template", "agency-am-pm-raci")
    run(capsys, "export", doc, "--output", a)
    data = json.loads(a.read_text(encoding="utf-8"))
    matrix = data["matrices"][0]
    task = matrix["phases"][0]["tasks"][0]
    old_name = task["name"]
    task["name"] = "Talking to clients"
    role_id = next(iter(task["cells"]))
    task["cells"][role_id] = "C" if task["cells"][role_id] != "C" else "I"
    b.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "diff", a, b)
    assert code == 1
    assert f"task renamed: “{old_name}” → “Talking to clients”" in out
    assert "Talking to clients ×" in out and "→" in out
    assert len(out.splitlines()) == 2  # nothing else moved

    # a role added with codes: the role, and what it was given
    matrix["roles"].append({**matrix["roles"][0], "id": 999, "name": "Legal", "short": "LG"})
    task["cells"]["999"] = "C"
    b.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "diff", a, b)
    assert "role added: “Legal”" in out
    assert "Talking to clients × Legal: — → C" in out


def test_copy_between_files_refuses_a_clash_without_replace(
    sales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.rolematrix"
    assert run(capsys, "copy", sales, target)[0] == 0
    assert run(capsys, "diff", sales, target)[0] == 0
    before = target.read_bytes()
    code, _, err = run(capsys, "copy", sales, target)
    assert code == 2 and "--replace" in err and target.name in err
    assert target.read_bytes() == before
    assert run(capsys, "copy", sales, target, "--replace")[0] == 0


def test_new_refuses_to_overwrite(sales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sales.read_bytes()
    code, _, err = run(capsys, "new", sales, "--template", "pm-o-am")
    assert code == 2 and sales.name in err
    assert sales.read_bytes() == before


def test_unknown_template_and_matrix(
    sales: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "new", tmp_path / "n.rolematrix", "--template", "nope")
    assert code == 2 and "nope" in err and not (tmp_path / "n.rolematrix").exists()
    code, _, err = run(capsys, "check", sales, "--matrix", "Nope")
    assert code == 2 and "Nope" in err


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    empty = tmp_path / "empty.rolematrix"
    empty.write_bytes(b"")
    files["empty"] = empty
    noise = tmp_path / "noise.rolematrix"
    noise.write_bytes(os.urandom(4096))
    files["random bytes"] = noise
    renamed = tmp_path / "sheet.rolematrix"
    with zipfile.ZipFile(renamed, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    files["xlsx renamed"] = renamed
    other = tmp_path / "other.rolematrix"
    with sqlite3.connect(other) as con:
        con.execute("create table notes (id integer primary key, text text)")
    files["another sqlite"] = other
    return files


@pytest.mark.parametrize("command", ["check", "export", "diff"])
def test_bad_files_exit_2_with_the_file_named_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    for label, path in _bad_files(tmp_path).items():
        before = path.read_bytes()
        args: list[str | Path] = {
            "check": ["check", path],
            "export": ["export", path, "--output", tmp_path / "out.json"],
            "diff": ["diff", path, path],
        }[command]
        code, _, err = run(capsys, *args)
        assert code == 2, label
        assert path.name in err, label
        assert "Traceback" not in err
        assert path.read_bytes() == before, label
        assert not (tmp_path / "out.json").exists()


def test_missing_file_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.rolematrix"
    code, _, err = run(capsys, "check", missing)
    assert code == 2 and missing.name in err
    assert not missing.exists()


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_installed_entry_point_gives_no_traceback(tmp_path: Path) -> None:
    noise = tmp_path / "noise.rolematrix"
    noise.write_bytes(b"\x00garbage" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "rolematrix", "check", str(noise)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert noise.name in result.stderr and "Traceback" not in result.stderr


def test_export_language_chooses_the_words_of_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    persian = tmp_path / "fa.rolematrix"
    assert run(capsys, "new", persian, "--template", "fa-am-pm")[0] == 0

    def text_of(pdf: Path) -> str:
        return "".join(page.extract_text() for page in PdfReader(pdf).pages)

    own = tmp_path / "own.pdf"
    english = tmp_path / "english.pdf"
    assert run(capsys, "export", persian, "-o", own, "--handbook")[0] == 0
    assert run(capsys, "export", persian, "-o", english, "--handbook", "--language", "en")[0] == 0
    assert "Accountable for" not in text_of(own)
    assert "Accountable for" in text_of(english)

    code, _out, err = run(capsys, "export", persian, "-o", tmp_path / "x.xlsx", "--language", "en")
    assert code == 2 and "x.xlsx" in err and "PDF" in err and "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(persian), "-o", str(english), "--language", "de"])
    assert exit_info.value.code == 2 and "'de'" in capsys.readouterr().err


def test_a_bad_database_address_is_refused_without_showing_its_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for address in (
        "postgresql+psycopg://ann:s3cret@127.0.0.1:notaport/plans",
        "postgresql+psycopg://ann:s3cret@[::1/plans",
    ):
        code, out, err = run(capsys, "check", address)
        assert code == 2, address
        assert "not a valid database address" in err
        assert "ann:***@" in err or "ann@" in err
        assert "s3cret" not in out + err
        assert "Traceback" not in err


@pytest.mark.parametrize(
    ("profile", "overrides", "named"),
    [
        ("standard", '{"max_responsibles": 2}', "max_responsibles"),
        ("standard", '{"max_responsible": "two"}', "max_responsible"),
        ("paranoid", "{}", "paranoid"),
    ],
)
def test_a_damaged_checker_setting_is_named_not_a_traceback(
    sales: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    profile: str,
    overrides: str,
    named: str,
) -> None:
    with sqlite3.connect(sales) as db:
        db.execute(
            "UPDATE matrices SET settings_profile = ?, settings_overrides = ?", (profile, overrides)
        )
    db.close()
    before = sales.read_bytes()
    code, _, err = run(capsys, "check", sales)
    assert code == 2
    assert sales.name in err and named in err
    assert "Traceback" not in err
    assert sales.read_bytes() == before

    exported = tmp_path / "plan.json"
    good = tmp_path / "good.rolematrix"
    run(capsys, "new", good, "--template", "sales-pm-account")
    assert run(capsys, "export", good, "--output", exported)[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["matrices"][0]["settings"] = {"profile": profile, "overrides": json.loads(overrides)}
    exported.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "check", exported)
    assert code == 2
    assert exported.name in err and named in err


def test_export_or_import_onto_the_input_is_refused_and_the_input_kept(
    sales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "team.xlsx"
    assert run(capsys, "export", sales, "--output", sheet)[0] == 0
    before = sheet.read_bytes()
    for args in (
        ("export", sheet, "--output", sheet),
        ("export", sheet, "--output", tmp_path / "." / "team.xlsx"),
        ("import", sheet, sheet, "--force"),
    ):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert "team.xlsx" in err and "Traceback" not in err
        assert sheet.read_bytes() == before


def test_import_and_new_write_documents_not_spreadsheets(
    sales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "team.xlsx"
    run(capsys, "export", sales, "--output", sheet)
    code, _, err = run(capsys, "import", sheet, tmp_path / "copy.xlsx")
    assert code == 2 and "rolematrix export" in err
    code, _, err = run(capsys, "new", tmp_path / "plan.csv", "--template", "sales-pm-account")
    assert code == 2 and "rolematrix export" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.rolematrix", "team.xlsx"]


def test_sqlite_addresses_name_new_files_too(
    sales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = tmp_path / "made.rolematrix"
    assert run(capsys, "new", f"sqlite:///{made}", "--template", "agency-am-pm-raci")[0] == 0
    sheet = tmp_path / "team.json"
    run(capsys, "export", sales, "--output", sheet)
    imported = tmp_path / "imported.rolematrix"
    assert run(capsys, "import", sheet, f"sqlite:///{imported}")[0] == 0
    copied = tmp_path / "copied.rolematrix"
    assert run(capsys, "copy", sales, f"sqlite:///{copied}")[0] == 0
    assert run(capsys, "diff", sales, copied)[0] == 0
    assert run(capsys, "diff", imported, copied)[0] == 0
    assert run(capsys, "check", made)[0] == 0


def test_an_empty_name_and_matrix_wide_findings_read_clearly(
    sales: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "check", "")
    assert code == 2 and "No document given" in err
    code, out, _ = run(capsys, "check", sales, "--template", "agency-am-pm-raci")
    missing = [line for line in out.splitlines() if "template-task-missing" in line]
    assert missing and all("(whole matrix): The template" in line for line in missing)


def test_importing_a_document_without_matrices_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text('{"format": "rolematrix", "format_version": 1, "matrices": []}')
    code, _, err = run(capsys, "import", empty, tmp_path / "out.rolematrix")
    assert code == 2 and "empty.json: holds no matrix" in err
    assert not (tmp_path / "out.rolematrix").exists()
