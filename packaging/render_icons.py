#!/usr/bin/env python3
"""Render the RoleMatrix application icon to PNG (and, on request, .ico/.icns).

The PNGs in ``resources/icons/`` are committed so that a checkout, a wheel and a
bundle all carry them without a build step; this script is how they are made.
Sizes up to 48 px come from hinted drawings in ``resources/icons/small/`` whose
edges sit on whole pixels (a scaled-down master is blurry there); larger sizes
come from the master ``resources/icons/rolematrix.svg``.

Rendering uses Qt's own SVG renderer (PySide6.QtSvg, part of PySide6-Essentials),
so the icons look exactly as the application will draw its SVGs. Nothing here
needs a display: Qt runs on the offscreen platform.

    python packaging/render_icons.py              # rewrite the PNGs
    python packaging/render_icons.py --check      # exit 1 if a PNG is out of date
    python packaging/render_icons.py --preview sheet.png   # contact sheet to look at
    python packaging/render_icons.py --ico out.ico --icns out.icns

The ``.ico`` (Windows) and ``.icns`` (macOS) writers only pack the committed PNGs
and need no Qt, so ``packaging/rolematrix.spec`` imports them at build time.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
MASTER = ICONS / "rolematrix.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HINTED = {16: "small/rolematrix-16.svg", 24: "small/rolematrix-24.svg", 32: "small/rolematrix-32.svg", 48: "small/rolematrix-48.svg", 64: "small/rolematrix-64.svg"}  # fmt: skip
TOOLBAR = ICONS / "toolbar"

# A rendition differs "visibly" when a channel moves by more than this (0-255) ...
CHANNEL_TOLERANCE = 48
# ... on more than this share of its pixels; below that it is antialiasing noise
# between Qt versions, not a changed drawing.
PIXEL_SHARE_TOLERANCE = 0.002


def source_for(size: int) -> Path:
    """The drawing a size is rendered from: its hinted version, else the master."""
    hinted = HINTED.get(size)
    return ICONS / hinted if hinted else MASTER


def png_path(size: int) -> Path:
    return ICONS / f"rolematrix-{size}.png"


# ---------------------------------------------------------------- Qt rendering
def _ensure_qt() -> None:
    """A QGuiApplication on the offscreen platform: QtSvg needs one, a display it does not."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _ensure_qt.app = QGuiApplication(["render_icons"])  # type: ignore[attr-defined]


def render_svg(svg: Path | bytes, size: int) -> QImage:
    """An SVG drawn into a transparent square image ``size`` pixels wide."""
    _ensure_qt()
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    data = svg.read_bytes() if isinstance(svg, Path) else svg
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        name = svg if isinstance(svg, Path) else "SVG data"
        raise ValueError(f"{name}: Qt cannot read this SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def render_all() -> list[Path]:
    written = []
    for size in SIZES:
        out = png_path(size)
        if not render_svg(source_for(size), size).save(str(out), "PNG"):
            raise OSError(f"{out}: could not write the PNG")
        written.append(out)
    return written


def _differs(a: QImage, b: QImage) -> bool:
    from PySide6.QtGui import QImage

    if a.size() != b.size():
        return True
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    if pa == pb:
        return False
    changed = sum(
        1
        for i in range(0, len(pa), 4)
        if max(abs(pa[i + k] - pb[i + k]) for k in range(4)) > CHANNEL_TOLERANCE
    )
    return changed > PIXEL_SHARE_TOLERANCE * a.width() * a.height()


def stale_renditions() -> list[str]:
    """Why each committed PNG does not match its drawing (empty when all are current)."""
    from PySide6.QtGui import QImage

    problems = []
    for size in SIZES:
        path = png_path(size)
        if not path.is_file():
            problems.append(f"{path.name} is missing")
            continue
        if _differs(QImage(str(path)), render_svg(source_for(size), size)):
            problems.append(f"{path.name} does not match {source_for(size).relative_to(ICONS)}")
    return problems


# ------------------------------------------------------------- preview sheet
def write_preview(out: Path, zoom: int = 4) -> None:
    """Every size at 1x and zoomed (no smoothing), plus the toolbar set, on light and dark.

    This is the sheet to look at after changing a drawing: blur, off-centre
    shapes and colours that vanish on one background show up here.
    """
    _ensure_qt()
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    backgrounds = (("#FFFFFF", "#000"), ("#ECECEC", "#202020"), ("#2B2B2B", "#E6E6E6"))
    pad = 12
    icons = [render_svg(source_for(s), s) for s in SIZES]
    row_h = max(SIZES) + 2 * pad
    zoomed = [s for s in SIZES if s <= 48]
    zoom_w = sum(s * zoom + pad for s in zoomed)
    ones_w = sum(s + pad for s in SIZES)
    toolbar = sorted(TOOLBAR.glob("*.svg"))
    tool_w = len(toolbar) * (24 + pad) + len(toolbar) * (16 + pad)
    width = max(ones_w, zoom_w, tool_w) + 2 * pad
    height = len(backgrounds) * (row_h + 48 * zoom + 24 + 16 + 5 * pad)
    sheet = QImage(width, height, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#808080"))
    painter = QPainter(sheet)
    y = 0
    for background, ink in backgrounds:
        band_h = row_h + 48 * zoom + 24 + 16 + 5 * pad
        painter.fillRect(QRect(0, y, width, band_h), QColor(background))
        x = pad
        for size, image in zip(SIZES, icons, strict=True):
            painter.drawImage(QPoint(x, y + pad + max(SIZES) - size), image)
            x += size + pad
        x, top = pad, y + row_h
        for size in zoomed:
            big = icons[SIZES.index(size)].scaled(
                size * zoom, size * zoom, mode=Qt.TransformationMode.FastTransformation
            )
            painter.drawImage(QPoint(x, top), big)
            x += size * zoom + pad
        x, top = pad, y + row_h + 48 * zoom + pad
        for icon_size in (24, 16):
            for svg in toolbar:
                painter.drawImage(
                    QPoint(x, top), render_svg(recolour(svg.read_bytes(), ink), icon_size)
                )
                x += icon_size + pad
        y += band_h
    painter.end()
    if not sheet.save(str(out), "PNG"):
        raise OSError(f"{out}: could not write the preview")


def recolour(svg: bytes, colour: str) -> bytes:
    """A monochrome toolbar icon in another colour (Qt's renderer has no currentColor)."""
    return svg.replace(b'"#000"', f'"{colour}"'.encode())


# ------------------------------------------------------------ .ico and .icns
def write_ico(out: Path, sizes: Iterable[int] = (16, 24, 32, 48, 64, 128, 256)) -> Path:
    """A Windows icon holding the committed PNGs (PNG entries: Windows Vista and later)."""
    blobs = [(s, png_path(s).read_bytes()) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries, data = b"", b""
    for size, blob in blobs:
        byte = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", byte, byte, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        data += blob
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(header + entries + data)
    return out


# icns element types holding PNG data, by pixel size (the @2x types reuse a PNG).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def write_icns(out: Path) -> Path:
    """A macOS icon holding the committed PNGs (what ``iconutil`` would make)."""
    body = b""
    for kind, size in ICNS_TYPES:
        blob = png_path(size).read_bytes()
        body += kind + struct.pack(">I", 8 + len(blob)) + blob
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date PNGs")
    parser.add_argument("--preview", type=Path, metavar="PNG", help="also write a contact sheet")
    parser.add_argument("--ico", type=Path, metavar="FILE", help="also write a Windows .ico")
    parser.add_argument("--icns", type=Path, metavar="FILE", help="also write a macOS .icns")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale_renditions()
        for problem in problems:
            print(f"render_icons: {problem}", file=sys.stderr)
        return 1 if problems else 0
    for path in render_all():
        print(f"wrote {path.relative_to(ROOT)}")
    if args.preview:
        write_preview(args.preview)
        print(f"wrote {args.preview}")
    if args.ico:
        print(f"wrote {write_ico(args.ico)}")
    if args.icns:
        print(f"wrote {write_icns(args.icns)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
