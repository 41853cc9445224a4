"""Render the app icon from its SVG into the files each system wants.

    python packaging/make_icons.py OUT_DIR

Writes, from one SVG drawn at any size:
- OUT_DIR/hicolor/<N>x<N>/apps/hamstring-coach.png and hicolor/scalable/apps/*.svg
  (the freedesktop icon theme layout that install.sh copies into ~/.local/share/icons)
- OUT_DIR/hamstring-coach.ico  (Windows: PNG-compressed entries, 16 to 256 px)
- OUT_DIR/hamstring-coach.icns (macOS: PNG entries, 16 to 1024 px)

Rendering uses Qt's own SVG renderer (QSvgRenderer), so no image library is needed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_NAME = "hamstring-coach"
#: the project's icon, drawn with the app; the packaging copy is the fallback
SOURCES = (
    ROOT / "resources" / "icons" / f"{ICON_NAME}.svg",
    ROOT / "packaging" / "linux" / f"{ICON_NAME}.svg",
)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entry types holding PNG data, by pixel size
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}


def icon_source() -> Path:
    """The SVG to render: the app's own icon when it exists, else the packaging copy."""
    for path in SOURCES:
        if path.is_file():
            return path
    raise FileNotFoundError(f"no icon SVG found; looked for {', '.join(map(str, SOURCES))}")


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG bytes of ``svg`` rendered square at each size, on a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # a QApplication (not a bare QGuiApplication), so widgets can follow in the same process
    app = QApplication.instance() or QApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise RuntimeError(f"could not encode the {size} px PNG")
        buffer.close()
        out[size] = bytes(data.data())
    del app
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG as its own entry (Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG entries."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size in sorted(pngs)
        if size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out_dir: Path, svg: Path | None = None) -> Path:
    svg = svg or icon_source()
    all_sizes = tuple(sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES)))
    pngs = render_pngs(svg, all_sizes)
    hicolor = out_dir / "hicolor"
    for size in PNG_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / f"{ICON_NAME}.svg")
    (out_dir / f"{ICON_NAME}.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out_dir / f"{ICON_NAME}.icns").write_bytes(
        icns_bytes({s: pngs[s] for s in ICNS_TYPES})
    )
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the icons into")
    parser.add_argument("--svg", type=Path, help="render this SVG instead of the app icon")
    args = parser.parse_args(argv)
    out = write_icons(args.out_dir, args.svg)
    print(f"icons written to {out} (from {args.svg or icon_source()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
