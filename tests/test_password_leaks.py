"""No output, message, dialog, recent-files entry or setting ever shows a password.

A table of every way a password can be written into an address (the user
part plain, percent-encoded or with unencoded ``/ ? @ # :``; the query's
``password=``; a libpq ``key=value`` string) is run through every command and
the editor's open path against a port nothing listens on, and a few through
a real server (trust authentication ignores the password). Everything the
user could see is searched for the password and for each piece of it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from gui_fixtures import Dialogs, dialogs, isolated
from store_fixtures import rich_document
from workspace_fixtures import workspace

from rolematrix.cli import main as cli
from rolematrix.gui.app import Controller
from rolematrix.gui.settings import settings
from rolematrix.io.dispatch import write_any
from rolematrix.store import DocumentStore
from rolematrix.store.targets import without_password

__all__ = ["dialogs", "isolated", "workspace"]  # fixtures, for pytest

DEAD = "127.0.0.1:1"  # nothing listens there: every connection is refused at once

#: (address template, password); {auth} / {host} are filled in
FORMS: list[tuple[str, str]] = [
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Plainsecret42"),
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Pctsecret%2FWordhalf%3Fend"),
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Slashfirst/Slashsecond"),
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Qmarkfirst?Qmarksecond"),
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Atfirst@Atsecond"),
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Hashfirst#Hashsecond"),
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Colonfirst:Colonsecond"),
    ("postgresql+psycopg://ann:{pw}@{host}/plans", "Mixone/Mixtwo?Mixthree@Mixfour#Mixfive:Mixsix"),
    ("postgresql+psycopg://:{pw}@{host}/plans", "Nousersecret"),
    ("postgresql://ann:{pw}@{host}/plans", "Baredriversecret"),
    ("postgresql+psycopg://ann@{host}/plans?password={pw}", "Querysecret"),
    ("postgresql+psycopg://ann@{host}/plans?connect_timeout=3&password={pw}", "Ampsecret"),
    ("postgresql+psycopg://ann@{host}/plans?PASSWORD={pw}", "Uppersecret"),
    ("postgresql+psycopg://ann@{host}/plans?sslpassword={pw}", "Sslkeysecret"),
    ("postgresql+psycopg:///plans?host=127.0.0.1&port=1&password={pw}", "Hostqsecret"),
    ("host=127.0.0.1 port=1 dbname=plans user=ann password={pw}", "Conninfosecret"),
    ("host=127.0.0.1 port=1 password='{pw}' dbname=plans", "Quoted conninfo"),
]


def address(form: str, password: str, host: str = DEAD) -> str:
    return form.format(pw=password, host=host)


def pieces(password: str) -> set[str]:
    """The password as typed, decoded, and every piece of it between special characters."""
    from urllib.parse import unquote

    found = {password, unquote(password)}
    found |= {p for p in re.split(r"[/?@#:%\s]|2F|3F", password) if len(p) >= 4}
    return found


def assert_hidden(password: str, *texts: str) -> None:
    seen = "\n".join(texts)
    for piece in pieces(password):
        assert piece not in seen, f"{piece!r} of the password was shown:\n{seen}"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    plan = tmp_path / "plan.rolematrix"
    DocumentStore.create(plan, rich_document()).close()
    sheet = tmp_path / "plan.json"
    write_any(rich_document(), str(sheet))
    return {"plan": plan, "sheet": sheet, "out": tmp_path / "out.rolematrix"}


def commands(target: str, files: dict[str, Path]) -> list[list[str]]:
    plan, sheet, out = str(files["plan"]), str(files["sheet"]), str(files["out"])
    return [
        ["check", target],
        ["check", target, "--format", "json"],
        ["new", target, "--template", "sales-pm-account"],
        ["export", target, "--output", str(files["out"].with_suffix(".json"))],
        ["import", sheet, target],
        ["import", target, out],
        ["import", target + ".json", out],
        ["export", plan, "--output", target],
        ["export", plan, "--output", target + ".pdf"],
        ["check", target + ".csv"],
        ["copy", plan, target],
        ["copy", target, out],
        ["diff", target, plan],
        ["diff", plan, target],
        ["diff", target, "--at", "2026-01-01T00:00"],
        ["history", target],
    ]


@pytest.mark.parametrize(("form", "password"), FORMS)
def test_no_command_shows_the_password_of_an_unreachable_address(
    form: str, password: str, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    target = address(form, password)
    for argv in commands(target, files):
        code = cli(argv)
        out, err = capsys.readouterr()
        assert code == 2, (argv[0], out, err)
        assert err.startswith("rolematrix: ") and "Traceback" not in err
        assert_hidden(password, out, err)


@pytest.mark.parametrize(("form", "password"), FORMS)
def test_the_masked_address_keeps_user_host_and_database(form: str, password: str) -> None:
    shown = without_password(address(form, password))
    assert_hidden(password, shown)
    assert "127.0.0.1" in shown and "plans" in shown


@pytest.mark.parametrize(("form", "password"), FORMS)
def test_opening_in_the_editor_shows_and_remembers_no_password(
    form: str, password: str, isolated: Path, dialogs: Dialogs
) -> None:
    controller = Controller()
    assert controller.open_target(address(form, password)) is None
    ((kind, _title, text),) = dialogs.shown
    assert kind == "critical"
    settings().sync()
    written = (
        Path(settings().fileName()).read_text() if Path(settings().fileName()).exists() else ""
    )
    assert_hidden(password, text, written, *controller.recent_files())


REACHABLE = [FORMS[0], FORMS[2], FORMS[4], FORMS[7], FORMS[10]]


def _with_password(url: str, form: str, password: str) -> str:
    """The test workspace's address with ``password`` written in the way ``form`` writes it."""
    if "?password=" in form:
        return f"{url}&password={password}"
    return url.replace("postgres@", f"postgres:{password}@", 1)


@pytest.mark.parametrize(("form", "password"), REACHABLE)
def test_a_reachable_workspace_is_used_and_named_without_its_password(
    form: str,
    password: str,
    workspace: str,
    files: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    isolated: Path,
    dialogs: Dialogs,
    qtbot: Any,
) -> None:
    target = _with_password(workspace, form, password)
    assert cli(["copy", str(files["plan"]), target]) == 0
    assert cli(["new", target, "--template", "sales-pm-account"]) == 0
    assert cli(["import", str(files["sheet"]), target, "--force"]) == 0
    assert cli(["check", target]) in (0, 1)
    assert cli(["history", target, "--limit", "3"]) == 0
    assert cli(["copy", str(files["plan"]), target]) == 2  # a name clash: an error message
    out, err = capsys.readouterr()
    assert out.count("127.0.0.1") >= 3, out
    assert_hidden(password, out, err)

    controller = Controller()
    window = controller.open_target(target)
    assert window is not None, dialogs.shown
    qtbot.addWidget(window)
    settings().sync()
    written = Path(settings().fileName()).read_text()
    assert "127.0.0.1" in written
    assert_hidden(
        password,
        written,
        window.windowTitle(),
        window.session.origin,
        *controller.recent_files(),
        *(text for _, _, text in dialogs.shown),
    )
    window._closing_confirmed = True
    window.close()


@pytest.mark.parametrize(("form", "password"), FORMS)
def test_a_misplaced_address_is_echoed_by_argparse_without_its_password(
    form: str, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from rolematrix.gui.app import parse_arguments

    target = address(form, password)
    for argv in (
        ["diff", "a.rolematrix", "b.rolematrix", target],
        ["check", "--format", target, "plan.rolematrix"],
        ["history", "plan.rolematrix", "--limit", target],
    ):
        with pytest.raises(SystemExit) as stopped:
            cli(argv)
        assert stopped.value.code == 2
        out, err = capsys.readouterr()
        assert "rolematrix: error:" in err
        assert_hidden(password, out, err)
    with pytest.raises(SystemExit):
        parse_arguments([target, target])  # the editor's own command line
    out, err = capsys.readouterr()
    assert "unrecognized arguments" in err
    assert_hidden(password, out, err)
