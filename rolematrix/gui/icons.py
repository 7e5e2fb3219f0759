"""The application icon and the toolbar icons, drawn in the palette's text colour.

The toolbar drawings in ``resources/icons/toolbar/`` are monochrome: every
stroke and fill is exactly ``#000``. Qt's SVG renderer has no ``currentColor``,
so the text ``"#000"`` is replaced by the colour of the palette's window text
before rendering -- dark lines on a light palette, light lines on a dark one.
Windows call :func:`toolbar_icon` again when the palette changes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from rolematrix.core.assets import resources_dir

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Pixel sizes rendered per icon: menus and toolbars at 1× and 2× (Qt scales between).
TOOLBAR_SIZES = (16, 24, 32, 48)
#: Drawings with a direction (arrows, a list's indent), drawn mirrored in a right-to-left interface.
MIRRORED_IN_RTL = frozenset({"undo", "redo", "add-task", "add-role"})
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


@cache
def app_icon() -> QIcon:
    """The RoleMatrix icon in every size shipped (task switcher, title bar, About box)."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in APP_ICON_SIZES:
        path = folder / f"rolematrix-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


@cache
def _drawing(name: str) -> bytes:
    return (resources_dir() / "icons" / "toolbar" / f"{name}.svg").read_bytes()


def recolour(svg: bytes, colour: str) -> bytes:
    """The monochrome drawing with its ``#000`` replaced by ``colour`` (``#RRGGBB``)."""
    return svg.replace(b'"#000"', f'"{colour}"'.encode("ascii"))


def render(svg: bytes, pixels: int, mirrored: bool = False) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if mirrored:
        painter.translate(pixels, 0)
        painter.scale(-1, 1)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return pixmap


@cache
def _icon(name: str, colour: str, mirrored: bool) -> QIcon:
    # Pixmaps rather than an SVG icon engine: the drawing must be recoloured first,
    # and QIcon picks the best of these for any size and screen scale.
    svg = recolour(_drawing(name), colour)
    icon = QIcon()
    for size in TOOLBAR_SIZES:
        icon.addPixmap(render(svg, size, mirrored))
    return icon


def text_colour(palette: QPalette) -> str:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()


def toolbar_icon(name: str, palette: QPalette, right_to_left: bool = False) -> QIcon:
    """Toolbar icon ``name`` in ``palette``'s text colour (disabled states are derived by Qt).

    In a right-to-left interface the icons with a direction point the other way,
    so "undo" still points back along the reading direction.
    """
    return _icon(name, text_colour(palette), right_to_left and name in MIRRORED_IN_RTL)


__all__ = ["TOOLBAR_ICONS", "app_icon", "recolour", "render", "toolbar_icon"]
