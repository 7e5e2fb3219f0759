"""The interface in Persian: complete catalogues, the mirrored window, switching language.

The catalogues are checked as a translator and a user would find them: every
message translated (and keeping its {placeholders}, markup and at most one
mnemonic), nothing in the code missing from them, the compiled .qm saying
what the .ts says. Then the app is switched to Persian the way it does it at
start-up and from View ▸ Language.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_fixtures import add_window, sample_matrix, session_of
from gui_fixtures import isolated as isolated  # a fixture
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from rolematrix import __version__
from rolematrix.core.checker import check
from rolematrix.core.editor import Editor
from rolematrix.core.schemes import SCHEMES
from rolematrix.core.templates import builtin_templates, get_template
from rolematrix.gui import i18n, vocabulary
from rolematrix.gui.main_window import MainWindow
from rolematrix.gui.settings import settings
from rolematrix.gui.window_menus import plain

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
FA_TS = TRANSLATIONS / "rolematrix_fa.ts"
EN_TS = TRANSLATIONS / "rolematrix_en.ts"
GUI = ROOT / "rolematrix" / "gui"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
TAG = re.compile(r"</?[a-z0-9]+")
PERSIAN = re.compile("[\u0600-\u06ff]")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) of every message of a catalogue."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def looks_english(source: str, text: str) -> bool:
    """The translation is the English words again (names like RoleMatrix, RACI, PDF may stay)."""
    words = re.sub(r"RoleMatrix|RACI|PDF|Qt|JSON|CSV|\(\*\.\w+\)", "", PLACEHOLDER.sub("", source))
    return bool(re.search("[A-Za-z]{3}", words)) and not PERSIAN.search(text)


def mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&|amp;)", text.replace("&&", "")))


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    """The interface in Persian for one test, installed as the app installs it; English after."""
    assert i18n.install("fa", qapp)
    yield
    i18n.install("en", qapp)


# ------------------------------------------------------------ catalogues
def test_every_persian_message_is_translated_keeping_placeholders_markup_and_mnemonics() -> None:
    found = messages(FA_TS)
    assert len(found) > 300  # the whole interface, not a sample
    problems = []
    for context, source, translation in found:
        text = translation.text or ""
        where = f"{context}: {source[:60]!r}"
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where} is {translation.get('type')}")
        elif not text.strip():
            problems.append(f"{where} has no translation")
        elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            problems.append(f"{where}: placeholders differ in {text!r}")
        elif sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
            problems.append(f"{where}: markup differs in {text!r}")
        elif mnemonics(text) > 1 or (mnemonics(source) == 0 and mnemonics(text) > 0):
            problems.append(f"{where}: stray mnemonic in {text!r}")
        elif looks_english(source, text):
            problems.append(f"{where}: not translated: {text!r}")
    assert problems == []


def test_the_catalogues_hold_every_string_of_the_code_and_nothing_else(tmp_path: Path) -> None:
    """What pyside6-lupdate finds in rolematrix/gui now is what the committed catalogues hold."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI.glob("*.py"))
    subprocess.run([lupdate, "-silent", *sources, "-ts", str(fresh)], check=True, timeout=120)
    current = {(c, s) for c, s, _ in messages(fresh)}
    for catalogue in (FA_TS, EN_TS):
        held = {(c, s) for c, s, _ in messages(catalogue)}
        assert current - held == set(), f"run packaging/update_translations.sh ({catalogue.name})"
        assert held - current == set(), f"obsolete messages in {catalogue.name}"


def test_the_compiled_catalogue_says_what_the_source_catalogue_says(qapp: QApplication) -> None:
    """The .qm the app loads (shipped, or built from the .ts) is current with the .ts."""
    path = i18n.catalogue("fa")
    assert path is not None
    translator = QTranslator()
    assert translator.load(str(path))
    stale = [
        (context, source)
        for context, source, translation in messages(FA_TS)
        if translator.translate(context, source) != translation.text
    ]
    assert stale == [], "run packaging/update_translations.sh: the .qm is older than the .ts"


def test_a_missing_qm_is_built_from_the_ts_into_the_cache_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if i18n.find_lrelease() is None:
        pytest.skip("lrelease (from PySide6) is not available")
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(FA_TS, folder)
    cache = tmp_path / "cache"
    monkeypatch.setattr(i18n, "_cache_dir", lambda: cache)
    built = i18n.catalogue("fa", folder)
    assert built is not None and built.parent == cache and built.stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(built))
    assert translator.translate("WindowMenus", "&File") == "&پرونده"
    # a second start finds it: no compiler needed any more
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    assert i18n.catalogue("fa", folder) == built
    # an edited catalogue is never served stale
    shutil.copy(EN_TS, folder / "rolematrix_fa.ts")
    assert i18n.catalogue("fa", folder) is None  # would need compiling, and no compiler


def test_without_a_catalogue_the_app_stays_in_english(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "catalogue", lambda language, folder=None: None)
    try:
        assert not i18n.install("fa", qapp)
        assert i18n.active_language() == "en"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        i18n.install("en", qapp)


def test_the_vocabulary_covers_every_code_scheme_and_rule() -> None:
    for scheme in SCHEMES.values():
        assert scheme.title in vocabulary.SCHEME_TITLES
        for code in scheme.codes:
            assert code.name in vocabulary.CODE_WORDS, code.name
            assert code.meaning in vocabulary.CODE_WORDS, code.meaning
    assert set(vocabulary.MESSAGES) - {"task-too-many-responsible/strict"} == set(
        vocabulary.RULE_TITLES
    )


# ------------------------------------------------------------ in Persian
def test_switching_to_persian_mirrors_the_window_and_translates_the_menus(
    qtbot, isolated: Path, persian: None
) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = add_window(qtbot, MainWindow(session_of(sample_matrix(), title="Launch")))
    window.show()
    titles = [plain(action.text()) for action in window.menuBar().actions()]
    assert titles == ["پرونده", "ویرایش", "نما", "ماتریس", "راهنما"]
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.grid.layoutDirection() == Qt.LayoutDirection.RightToLeft  # English content too
    assert window.docks["problems"].windowTitle() == "مشکلات"
    assert plain(window.actions_by_key["save"].text()) == "ذخیره"
    # the domain's words as well: codes, the status bar, the findings
    model = window.model
    assert model is not None
    estimate = model.index(model.row_of_task(window.matrix.find_task("Estimate").id), 0)
    assert model.data(estimate, Qt.ItemDataRole.AccessibleTextRole) == (
        "Estimate × Project Manager: پاسخگو و مسئول"
    )
    qtbot.waitUntil(lambda: "۱ خطا" in window.counts_label.text())
    message = window.problems.model.data(window.problems.model.index(1, 0))
    assert message == "هیچ نقشی پاسخگو «Write code» نیست: کد A را دقیقاً به یک نقش بدهید."


def test_every_finding_of_the_templates_reads_in_persian(persian: None) -> None:
    """Each rule's sentence is rebuilt in Persian from the checker's parts, none left English."""
    seen = set()
    for template in builtin_templates().values():
        matrix = template.build()
        for preset in matrix.presets:  # staffing presets bring out the person rules
            Editor(matrix).apply_preset(preset)
            for finding in check(matrix, template.reference):
                text = vocabulary.finding_message(finding, matrix)
                assert text != finding.message and PERSIAN.search(text), finding.message
                assert "{" not in text
                for name in re.findall(r"“([^”]*)”", finding.message):
                    assert name in text
                seen.add(finding.rule)
    assert "person-conflicting-roles" in seen


def test_finding_messages_of_every_rule_read_in_persian(persian: None) -> None:
    from rolematrix.core.model import Matrix, Settings

    m = Matrix("m", "RACI", settings=Settings(profile="strict"))
    roles = [m.add_role(name).id for name in ("Sales", "PM", "Account", "Support", "Idle")]
    a, b, c, d, _idle = roles
    t1 = m.add_task("Nobody").id
    t2 = m.add_task("Two owners").id
    t3 = m.add_task("Everyone").id
    t4 = m.add_task("Mixed").id
    m.set_cells(
        [
            (t2, a, "A"),
            (t2, b, "A"),
            (t3, a, "RA"),
            (t3, b, "R"),
            (t3, c, "C"),
            (t3, d, "I"),
            (t4, a, "AR"),
            (t4, c, "RI"),
        ]
    )
    template = get_template("sales-pm-account").reference
    findings = check(m, template)
    assert {f.rule for f in findings} >= {
        "task-uncovered",
        "task-multiple-accountable",
        "task-too-many-responsible",
        "role-idle",
        "cell-mixed-codes",
        "template-task-missing",
        "template-role-missing",
    }
    for finding in findings:
        text = vocabulary.finding_message(finding, m)
        assert PERSIAN.search(text) and "{" not in text, (finding.rule, text)
    del t1


def test_persian_digits_and_quotes(persian: None) -> None:
    assert i18n.number(12) == "۱۲"
    assert vocabulary.quoted("PM") == "«PM»"
    assert vocabulary.join_words(["الف", "ب", "ج"]) == "الف، ب و ج"


def test_in_english_the_checker_sentences_are_shown_as_they_are(qapp: QApplication) -> None:
    matrix = sample_matrix()
    for finding in check(matrix):
        assert vocabulary.finding_message(finding, matrix) == finding.message


# -------------------------------------------------------- choosing a language
def test_the_language_follows_the_setting_else_the_system(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = settings()
    store.remove(i18n.SETTING)
    assert i18n.stored_choice(store) == i18n.SYSTEM
    monkeypatch.setattr(i18n, "system_language", lambda: "fa")
    assert i18n.resolve(i18n.stored_choice(store)) == "fa"
    store.setValue(i18n.SETTING, "en")
    assert i18n.resolve(i18n.stored_choice(store)) == "en"
    store.setValue(i18n.SETTING, "klingon")
    assert i18n.stored_choice(store) == i18n.SYSTEM


def test_the_application_starts_in_the_chosen_language(qapp: QApplication, isolated: Path) -> None:
    from rolematrix.gui.app import create_application

    settings().setValue(i18n.SETTING, "fa")
    try:
        assert create_application() is qapp
        assert i18n.active_language() == "fa"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("WindowMenus", "&File") == "&پرونده"
        assert qapp.desktopFileName() == "io.github.rolematrix.RoleMatrix"
        assert not qapp.windowIcon().isNull()
    finally:
        i18n.install("en", qapp)


def test_view_language_switches_open_windows_keeping_the_work(qtbot, isolated: Path) -> None:
    from rolematrix.gui.app import Controller

    controller = Controller()
    window = controller.new_from_template("sales-pm-account")
    try:
        matrix = window.matrix
        assert matrix is not None
        task = matrix.tasks[2]
        role = matrix.roles[1]
        window.grid.select_cell(task.id, role.id)
        before = matrix.get(task.id, role.id)
        qtbot.keyClick(window.grid, "c")
        assert matrix.get(task.id, role.id) == "C" and window.session.modified
        session = window.session

        window.actions_by_key["language-fa"].trigger()
        qtbot.waitUntil(lambda: controller.windows and controller.windows[0] is not window)
        new = controller.windows[0]
        assert new.session is session and new.matrix is matrix  # the same document, unsaved work
        assert plain(new.menuBar().actions()[0].text()) == "پرونده"
        assert new.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert new.grid.current_task() is task
        assert new.actions_by_key["language-fa"].isChecked()
        assert settings().value(i18n.SETTING) == "fa"
        assert new.undo_action.isEnabled()
        new.undo_action.trigger()  # the undo history came along
        assert matrix.get(task.id, role.id) == before

        new.actions_by_key["language-en"].trigger()
        qtbot.waitUntil(lambda: controller.windows[0] is not new)
        assert plain(controller.windows[0].menuBar().actions()[0].text()) == "File"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        i18n.install("en")
        for w in controller.windows:
            w._closing_confirmed = True
            w.close()


def test_the_start_page_offers_the_language_and_getting_started(qtbot, isolated: Path) -> None:
    from rolematrix.gui.app import Controller

    controller = Controller()
    page = controller.show_start_page()
    try:
        page.help_link.linkActivated.emit("help:getting-started")
        assert controller.help_window is not None and controller.help_window.isVisible()
        index = page.language.findData("fa")
        page.language.setCurrentIndex(index)
        page.language.activated.emit(index)
        assert i18n.active_language() == "fa"
        assert controller.start_page is not page and controller.start_page is not None
        assert controller.start_page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        i18n.install("en")
        if controller.start_page is not None:
            controller.start_page.close()
        if controller.help_window is not None:
            controller.help_window.close()


# ------------------------------------------------------------ help and about
def test_about_shows_the_version_and_both_licences(qtbot, isolated: Path) -> None:
    from rolematrix.gui.help import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert f"Version {__version__}" in dialog.summary.text()
    assert "MIT" in dialog.summary.text()
    texts = [dialog.tabs.widget(i) for i in range(dialog.tabs.count())]
    licence, fonts = texts[1].toPlainText(), texts[2].toPlainText()
    assert licence.startswith("MIT License") and "WITHOUT WARRANTY" in licence
    assert "DejaVu" in fonts and "Bitstream" in fonts


def test_getting_started_explains_raci_and_the_checks_in_persian_too(qtbot, isolated: Path) -> None:
    from rolematrix.gui.help import GettingStartedDialog, getting_started_html

    english = getting_started_html()
    for words in ("Responsible", "Accountable", "account manager", "Sales and PM", "Accept"):
        assert words in english
    assert 'dir="ltr"' in english
    i18n.install("fa")
    try:
        dialog = GettingStartedDialog()
        qtbot.addWidget(dialog)
        text = dialog.browser.toPlainText()
        assert "آغاز کار با RoleMatrix" in text and "مدیر امور مشتری" in text
        assert "مسئول" in text and "پاسخگو" in text
        assert 'dir="rtl"' in getting_started_html()
    finally:
        i18n.install("en")


# ------------------------------------------------------------ command line
def test_the_gui_entry_prints_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    from rolematrix.launcher import gui_main

    assert gui_main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"rolematrix {__version__}"
