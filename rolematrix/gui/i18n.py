"""The interface language: which one, where its translations are, and switching to it.

RoleMatrix speaks English (the language of the source strings) and Persian.
The language follows the system locale unless the user picked one (View ▸
Language), a choice kept in ``QSettings`` under ``ui/language``.

Translations are Qt Linguist catalogues in ``resources/translations/``:
``rolematrix_<lang>.ts`` (the source, edited in Linguist, refreshed by
``packaging/update_translations.sh``) and ``rolematrix_<lang>.qm`` (what Qt
loads, compiled from the ``.ts`` by the same script and shipped beside it).
Should the ``.qm`` be missing -- a new catalogue dropped into a source
checkout -- it is compiled once with the ``lrelease`` that ships with PySide6
into the user's cache folder, keyed by the catalogue's content, so the app
still starts in that language and an edited catalogue is never served stale.

Persian mirrors the whole interface (``Qt.RightToLeft``): menus, dialogs,
docks and the grid read from the right. Qt's own strings (standard buttons,
the file dialog, text-field menus) come from Qt's ``qtbase_<lang>.qm``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QStandardPaths,
    Qt,
    QTranslator,
)

from rolematrix.core.assets import resources_dir

#: The setting that holds the user's choice: "system", or a language code below.
SETTING = "ui/language"
SYSTEM = "system"
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    native_name: str  # shown in the language menu in its own language, as is customary
    locale: str
    right_to_left: bool = False


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "en_GB"),
    "fa": Language("fa", "فارسی", "fa_IR", right_to_left=True),
}

#: Translators this module installed, so that switching language can take them out.
_installed: list[QTranslator] = []
_active = SOURCE_LANGUAGE


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    """The language of the system locale if RoleMatrix speaks it, else English."""
    for name in [*QLocale.system().uiLanguages(), QLocale.system().name()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def stored_choice(settings: QSettings) -> str:
    """The choice in the settings: "system", "en" or "fa" (anything else counts as system)."""
    value = str(settings.value(SETTING, SYSTEM) or SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def resolve(choice: str) -> str:
    """The language a choice ("system", "en", "fa") means on this machine."""
    return choice if choice in LANGUAGES else system_language()


def active_language() -> str:
    """The language installed now (English before anything was installed)."""
    return _active


def is_right_to_left() -> bool:
    return LANGUAGES[_active].right_to_left


# ------------------------------------------------------------ catalogues
def find_lrelease() -> str | None:
    """Qt's catalogue compiler: PySide6 ships it inside the package and as pyside6-lrelease."""
    exe = ".exe" if sys.platform == "win32" else ""
    candidates: list[Path] = []
    try:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        candidates += [package / f"lrelease{exe}", package / "Qt" / "bin" / f"lrelease{exe}"]
    except (ImportError, TypeError):  # a frozen bundle has no package folder to look in
        pass
    scripts = Path(sys.executable).parent
    candidates += [scripts / f"pyside6-lrelease{exe}", scripts / f"lrelease{exe}"]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def _cache_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "rolematrix") / "translations"


def compile_catalogue(ts: Path, lrelease: str | None = None) -> Path | None:
    """``ts`` compiled into the cache (once per content); None when that is not possible."""
    try:
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    target = _cache_dir() / f"{ts.stem}-{digest}.qm"
    if target.is_file():
        return target
    tool = lrelease or find_lrelease()
    if tool is None:
        return None
    partial = target.with_suffix(f".{os.getpid()}.part")  # renamed into place when complete
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(partial)],
            check=True,
            timeout=60,
            capture_output=True,
        )
        partial.replace(target)
    except (OSError, subprocess.SubprocessError):
        with contextlib.suppress(OSError):
            partial.unlink()
        return None
    return target


def catalogue(language: str, folder: Path | None = None) -> Path | None:
    """The compiled catalogue for ``language``: the shipped .qm, else one built from the .ts."""
    folder = folder or translations_dir()
    qm = folder / f"rolematrix_{language}.qm"
    if qm.is_file():
        return qm
    ts = qm.with_suffix(".ts")
    return compile_catalogue(ts) if ts.is_file() else None


# ------------------------------------------------------------- switching
def _qt_translator(language: Language) -> QTranslator | None:
    """Qt's own strings in ``language`` (standard buttons, dialogs), when Qt has them."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(language.locale), "qtbase", "_", folder):
        return translator
    return None


def install(language_code: str, app: QCoreApplication | None = None) -> bool:
    """Switch the interface to ``language_code``; False when its catalogue could not be loaded.

    Widgets created afterwards speak the new language; the application
    redraws existing ones (see ``Controller.set_language``). English needs no
    catalogue: it is the language of the source strings.
    """
    global _active
    app = app or QCoreApplication.instance()
    language = LANGUAGES.get(language_code, LANGUAGES[SOURCE_LANGUAGE])
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = True
    if language.code != SOURCE_LANGUAGE:
        path = catalogue(language.code)
        translator = QTranslator()
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            loaded = False
            language = LANGUAGES[SOURCE_LANGUAGE]
    qt = _qt_translator(language) if language.code != SOURCE_LANGUAGE else None
    if qt is not None:
        app.installTranslator(qt)
        _installed.append(qt)
    _active = language.code
    QLocale.setDefault(QLocale(language.locale))
    direction = (
        Qt.LayoutDirection.RightToLeft if language.right_to_left else Qt.LayoutDirection.LeftToRight
    )
    set_direction = getattr(app, "setLayoutDirection", None)
    if set_direction is not None:
        set_direction(direction)
    return loaded


def install_from_settings(settings: QSettings, app: QCoreApplication | None = None) -> str:
    """At start-up: install the language the settings (or the system) ask for; returns it."""
    language = resolve(stored_choice(settings))
    install(language, app)
    return _active


def number(value: int) -> str:
    """An integer in the interface language's digits (۱۲ in Persian)."""
    return QLocale().toString(value)


def isolate(text: str) -> str:
    """``text`` set apart for the bidirectional algorithm (FSI … PDI).

    A file path or an English name inside a Persian sentence, or a path in a
    right-to-left list, then keeps its own reading order: "/home/me/a.rolematrix"
    instead of "home/me/a.rolematrix/".
    """
    return f"\u2068{text}\u2069"


__all__ = [
    "LANGUAGES",
    "SETTING",
    "SYSTEM",
    "Language",
    "active_language",
    "catalogue",
    "compile_catalogue",
    "find_lrelease",
    "install",
    "install_from_settings",
    "is_right_to_left",
    "isolate",
    "number",
    "resolve",
    "stored_choice",
    "system_language",
    "translations_dir",
]
