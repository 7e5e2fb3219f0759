"""What an installed RoleMatrix brings with it: bundle contents, desktop files, icons.

The PyInstaller build itself takes minutes and is run by ``packaging/build.sh``
(see packaging/README.md); here are the fast checks that catch the usual ways a
bundle or a desktop integration breaks: a data folder the spec forgot, a desktop
file the menu rejects, a file type that no longer opens with the app, an icon
size missing or stale, a toolbar icon that vanishes on a dark palette.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from rolematrix.store import migrate
from rolematrix.store.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "rolematrix.spec"
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "resources" / "linux"
APP_ID = "io.github.rolematrix.RoleMatrix"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-rolematrix"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
TOOLBAR_ICONS = (
    "new",
    "open",
    "save",
    "undo",
    "redo",
    "export",
    "present",
    "problems",
    "add-task",
    "add-role",
    "delete",
)
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def render_icons() -> ModuleType:
    """packaging/render_icons.py (a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ the spec
def _path_parts(node: ast.expr) -> list[str]:
    """The string parts of ``ROOT / "a" / "b"``, left to right."""
    if isinstance(node, ast.BinOp):
        return _path_parts(node.left) + _path_parts(node.right)
    return [node.value] if isinstance(node, ast.Constant) else []


def _spec_data_folders() -> dict[str, str]:
    """DATA_FOLDERS of the spec as {source relative to the checkout: place in the bundle}."""
    tree = ast.parse(SPEC.read_text("utf-8"), filename=str(SPEC))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "DATA_FOLDERS" for target in node.targets
        ):
            assert isinstance(node.value, ast.List)
            folders = {}
            for item in node.value.elts:
                assert isinstance(item, ast.Tuple) and len(item.elts) == 2
                source, dest = item.elts
                parts = _path_parts(source)
                assert isinstance(dest, ast.Constant)
                folders["/".join(parts)] = dest.value
            return folders
    raise AssertionError(f"{SPEC.name} has no DATA_FOLDERS list")


def test_spec_bundles_every_data_folder_where_the_code_looks_for_it() -> None:
    folders = _spec_data_folders()
    package = Path(migrate.__file__).resolve().parents[1]
    # Where the running program reads each folder, relative to the package.
    expected = {
        "templates": "rolematrix/_data/templates",
        "resources": "rolematrix/_data/resources",
        "rolematrix/store/migrations": "rolematrix/"
        + migrate.SCRIPT_LOCATION.resolve().relative_to(package).as_posix(),
    }
    assert folders == expected
    for source in folders:
        assert (ROOT / source).is_dir(), f"the spec bundles {source}/, which does not exist"


def test_spec_and_wheel_pack_the_same_data() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    folders = _spec_data_folders()
    for source, dest in wheel.items():
        assert folders.get(source) == dest, (
            f"the wheel packs {source} as {dest}; the bundle must too"
        )


def test_spec_collects_code_that_is_imported_late() -> None:
    text = SPEC.read_text("utf-8")
    for needed in (
        'collect_submodules("rolematrix")',
        'collect_data_files("rolematrix")',
        'collect_submodules("sqlalchemy.dialects")',
        'collect_submodules("alembic"',
        "entry.py",
    ):
        assert needed in text, f"{SPEC.name} lost {needed}"
    assert (PACKAGING / "entry.py").is_file()
    assert "rolematrix.launcher import main" in (PACKAGING / "entry.py").read_text("utf-8")


# ------------------------------------------------------------- desktop files
def _run_validator(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(tool) is None:
        pytest.skip(
            f"{tool} is not installed (Debian: apt-get install desktop-file-utils appstream)"
        )
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)


def test_desktop_entry_validates() -> None:
    result = _run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    result = _run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def _desktop_entry() -> dict[str, str]:
    entry = {}
    for line in DESKTOP.read_text("utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep:
            entry[key.strip()] = value.strip()
    return entry


def test_desktop_entry_metainfo_and_mime_type_agree() -> None:
    """The three files name each other; a rename in one breaks double-click."""
    entry = _desktop_entry()
    assert entry["Exec"].split() == ["rolematrix", "%f"]
    assert entry["Icon"] == APP_ID
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Name[fa]"] and entry["Comment[fa]"]

    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("provides/mediatype") == MIME_TYPE
    assert meta.findtext("provides/binary") == "rolematrix"

    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    mime = ET.parse(MIME).getroot().find(f"{ns}mime-type")
    assert mime is not None and mime.get("type") == MIME_TYPE
    glob = mime.find(f"{ns}glob")
    assert glob is not None and glob.get("pattern") == "*.rolematrix"
    outer = mime.find(f"{ns}magic/{ns}match")
    assert outer is not None and outer.get("value") == "SQLite format 3\\000"
    inner = outer.find(f"{ns}match")
    assert inner is not None and inner.get("offset") == "68"
    assert int.from_bytes(inner.get("value", "").encode(), "big") == APPLICATION_ID


def _sqlite_file(path: Path, application_id: int | None) -> Path:
    connection = sqlite3.connect(path)
    if application_id is not None:
        connection.execute(f"PRAGMA application_id = {application_id}")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return path


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    """The desktop integration installed into a scratch data folder, removed afterwards."""
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    datadir = tmp_path / "share"
    script = PACKAGING / "install-desktop.sh"
    result = subprocess.run(
        ["bash", str(script), "--datadir", str(datadir)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    yield datadir
    result = subprocess.run(
        ["bash", str(script), "--datadir", str(datadir), "--uninstall"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert not (datadir / "applications" / DESKTOP.name).exists()
    assert not list((datadir / "icons").rglob(f"{APP_ID}.*"))


def test_installed_file_type_recognises_documents_by_name_and_content(
    installed: Path, tmp_path: Path
) -> None:
    for size in ICON_SIZES:
        assert (installed / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (installed / "applications" / DESKTOP.name).is_file()
    document = _sqlite_file(tmp_path / "plan.rolematrix", APPLICATION_ID)
    renamed = tmp_path / "plan-without-suffix"
    shutil.copy(document, renamed)
    other = _sqlite_file(tmp_path / "other.db", None)
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QMimeDatabase\n"
        "app = QCoreApplication([])\n"
        "db = QMimeDatabase()\n"
        "print('\\n'.join(db.mimeTypeForFile(p).name() for p in sys.argv[1:]))\n"
    )
    env = {
        **os.environ,
        "XDG_DATA_DIRS": f"{installed}:/usr/local/share:/usr/share",
        "XDG_DATA_HOME": str(tmp_path / "empty"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code, str(document), str(renamed), str(other)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [MIME_TYPE, MIME_TYPE, "application/vnd.sqlite3"]


# --------------------------------------------------------------------- icons
def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_application_icon_png_has_its_named_size(size: int) -> None:
    path = ICONS / f"rolematrix-{size}.png"
    assert path.is_file(), f"{path.name} is missing; run packaging/render_icons.py"
    assert _png_size(path) == (size, size)


@pytest.mark.gui
def test_application_icon_pngs_match_their_drawings(qapp: object, render_icons: ModuleType) -> None:
    assert render_icons.stale_renditions() == [], "run packaging/render_icons.py"


def _svg_root(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg", f"{path.name} is not SVG"
    return root


def test_application_icon_svg_is_square_with_a_view_box() -> None:
    for path in (ICONS / "rolematrix.svg", *sorted((ICONS / "small").glob("*.svg"))):
        view_box = _svg_root(path).get("viewBox")
        assert view_box is not None, f"{path.name} has no viewBox"
        x, y, width, height = (float(v) for v in view_box.split())
        assert (x, y) == (0, 0) and width == height, f"{path.name} is not square"


@pytest.mark.parametrize("name", TOOLBAR_ICONS)
def test_toolbar_icon_is_monochrome_so_it_can_follow_the_palette(name: str) -> None:
    path = ICONS / "toolbar" / f"{name}.svg"
    root = _svg_root(path)
    assert root.get("viewBox") == "0 0 24 24"
    for element in root.iter():
        assert "style" not in element.attrib, f"{path.name}: colours must be attributes, not CSS"
        for attribute in ("fill", "stroke", "color", "stop-color"):
            value = element.get(attribute)
            assert value in (None, "none", "#000"), f"{path.name}: {attribute}={value!r}"


@pytest.mark.gui
def test_toolbar_icons_recoloured_for_a_dark_palette_draw_in_that_colour(
    qapp: object, render_icons: ModuleType
) -> None:
    for name in TOOLBAR_ICONS:
        svg = (ICONS / "toolbar" / f"{name}.svg").read_bytes()
        image = render_icons.render_svg(render_icons.recolour(svg, "#FFFFFF"), 24)
        drawn = [
            image.pixelColor(x, y)
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert len(drawn) > 20, f"{name}.svg draws (almost) nothing"
        assert all(min(c.red(), c.green(), c.blue()) > 240 for c in drawn), f"{name}.svg kept black"


def test_windows_and_macos_icons_pack_every_png(tmp_path: Path, render_icons: ModuleType) -> None:
    ico = render_icons.write_ico(tmp_path / "rolematrix.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count == 7
    for index in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index]
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">I", ico[offset + 16 : offset + 20])[0] == (width or 256)
        assert offset + length <= len(ico)

    icns = render_icons.write_icns(tmp_path / "rolematrix.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    position, kinds = 8, []
    while position < len(icns):
        kinds.append(icns[position : position + 4])
        position += struct.unpack(">I", icns[position + 4 : position + 8])[0]
    assert position == len(icns)
    assert kinds == [kind for kind, _size in render_icons.ICNS_TYPES]
