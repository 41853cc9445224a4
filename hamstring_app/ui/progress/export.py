"""Save what the recovery tab shows as a PNG picture or an SVG drawing.

pyqtgraph's own SVG exporter breaks on Qt 6.10 and later, so both formats render the
widget itself with a QPainter: into a QImage for PNG, into a QSvgGenerator for SVG.

The SVG is SVG 1.1, the version with clip paths: without them each plot's shading, bars and
lines run over its axes and legend, as the plots clip their items only while painting. The
widget is first recorded into a QPicture and the picture replayed into the generator: drawn
straight from ``QWidget.render`` the generator writes each child widget's clip without the
child's offset, and the clips land in the wrong place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QImage, QPainter, QPicture
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

PNG_SCALE = 2.0


class ExportError(Exception):
    """The picture could not be written to ``path``."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"could not write {path}")
        self.path = path


def export_png(widget: QWidget, path: Path, *, scale: float = PNG_SCALE) -> Path:
    """Render ``widget`` at ``scale`` times its size into a PNG file at ``path``."""
    path = Path(path)
    size = widget.size()
    image = QImage(
        int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32
    )
    image.setDotsPerMeterX(int(3780 * scale))
    image.setDotsPerMeterY(int(3780 * scale))
    image.fill(widget.palette().color(widget.backgroundRole()))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):
        raise ExportError(path)
    return path


def export_svg(widget: QWidget, path: Path, *, title: str = "", description: str = "") -> Path:
    """Draw ``widget`` into an SVG file at ``path``."""
    path = Path(path)
    if not _writable(path):
        raise ExportError(path)
    size = widget.size()
    picture = QPicture()
    recorder = QPainter(picture)
    try:
        widget.render(recorder, QPoint(0, 0))
    finally:
        recorder.end()
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setResolution(picture.logicalDpiX())  # replayed at its own size
    generator.setFileName(str(path))
    generator.setSize(QSize(size.width(), size.height()))
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(path)
    try:
        painter.fillRect(QRect(0, 0, size.width(), size.height()),
                         widget.palette().color(widget.backgroundRole()))
        painter.drawPicture(0, 0, picture)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise ExportError(path)
    return path


def export_view(widget: QWidget, path: Path, *, title: str = "") -> Path:
    """PNG or SVG, chosen by the file's extension (PNG when it has none)."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        return export_svg(widget, path, title=title)
    if path.suffix.lower() != ".png":
        path = path.with_suffix(path.suffix + ".png") if path.suffix else path.with_suffix(".png")
    return export_png(widget, path)


def _writable(path: Path) -> bool:
    folder = path.parent
    return folder.is_dir() and (not path.exists() or path.is_file())
