"""The report for a health professional as a PDF, with Qt alone (see core/report.py).

Text is a QTextDocument laid out for the PDF writer (``documentLayout().setPaintDevice``,
or the text comes out tiny) in DejaVu Sans, shipped in resources/fonts and registered with
QFontDatabase, so the file looks the same on every computer. The graphs are drawn with
QPainter straight into the PDF: vectors, in colours that print (dark lines on white) with
a legend. The page is A4, or Letter where the locale uses it.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLineF, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
    QTextDocument,
)

from hamstring_app import APP_NAME, __version__
from hamstring_app.assets import resource_path
from hamstring_app.core.report import DISCLAIMER, SECTIONS, Report
from hamstring_app.ui.verdicts import verdict_word_plain

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
INK = QColor("#1a1a1a")
PAIN = QColor("#b2182b")  # dark red
MEAN = QColor("#2166ac")  # dark blue
KM = QColor("#4d4d4d")
WARN = QColor("#e08214")  # orange
STRENGTH = QColor("#1b7837")  # dark green
GRID = QColor("#bdbdbd")
_family: str | None = None


def report_font_family() -> str:
    """The shipped font's family, registered once ("DejaVu Sans")."""
    global _family
    if _family is None:
        family = ""
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            if font_id >= 0 and not family:
                family = QFontDatabase.applicationFontFamilies(font_id)[0]
        _family = family or "sans-serif"
    return _family


def headless_app() -> QGuiApplication:
    """The Qt application a command-line report needs (off screen without a display)."""
    import os
    import sys

    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # a widget app, so later windows work too

    app = QGuiApplication.instance()
    return app if isinstance(app, QGuiApplication) else QApplication(sys.argv[:1])


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, else A4."""
    locale = locale or QLocale()
    letter = locale.measurementSystem() != QLocale.MeasurementSystem.MetricSystem
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def _d(day: date | None) -> str:
    return day.isoformat() if day else "-"


def _v(value: object) -> str:
    return "-" if value is None else html.escape(str(value))


def report_html(report: Report, sections: tuple[str, ...] = SECTIONS) -> str:
    a = report.assessment
    p = report.history.profile
    parts = [
        f"<h1>{APP_NAME}: report for a health professional</h1>",
        f"<p class='small'>{report.start.isoformat()} to {report.end.isoformat()} · "
        f"made with {APP_NAME} {__version__}</p>",
    ]
    if "summary" in sections:
        window = a.recovery.expected_window_weeks
        who = (
            f"{p.side.value} leg, {p.pain_site.value.replace('_', ' ')}"
            + (", symptoms over 6 weeks" if p.long_standing else "")
            if p
            else "no profile"
        )
        parts.append("<h2>Summary</h2><table class='kv'>")
        rows = [
            ("Side and site", who),
            ("Onset", _d(report.onset)),
            (
                "Weeks since onset",
                f"{a.recovery.weeks_since_onset:.1f} (usual window {window[0]}-{window[1]} "
                f"weeks; {a.recovery.status.replace('_', ' ')})",
            ),
            ("Verdict today", f"<b>{verdict_word_plain(a.verdict)}</b>"),
            (
                "Referral",
                a.referral.value + (f": {a.referral_reason}" if a.referral_reason else ""),
            ),
            ("Rehab phase", str(a.phase)),
        ]
        if a.last_assessment is not None:
            rows.append(("Last professional assessment", _d(a.last_assessment.day)))
        for key, value in rows:
            parts.append(f"<tr><td class='k'>{key}</td><td>{value}</td></tr>")
        parts.append("</table>")
    if "warning_signs" in sections:
        parts.append("<h2>Warning signs reported</h2>")
        if not report.warning_signs:
            parts.append("<p>None in this period.</p>")
        else:
            parts.append("<table class='grid'><tr><th>Date</th><th>Sign</th><th>Assessed</th></tr>")
            for w in report.warning_signs:
                seen = f"yes, {_d(w.assessed_on)}" if w.assessed_on else "not yet"
                sign = html.escape(w.sign) + (" (urgent)" if w.urgent else "")
                parts.append(f"<tr><td>{_d(w.day)}</td><td>{sign}</td><td>{seen}</td></tr>")
            parts.append("</table>")
    if "last_14_days" in sections:
        parts.append(
            "<h2>Last 14 days</h2><table class='grid'><tr><th>Date</th><th>Pain rest</th>"
            "<th>Pain run</th><th>Pain waking</th><th>Run</th><th>Strength</th></tr>"
        )
        for row in report.last_days:
            parts.append(
                f"<tr><td>{_d(row.day)}</td><td>{_v(row.pain_rest)}</td>"
                f"<td>{_v(row.pain_run)}</td><td>{_v(row.pain_waking)}</td>"
                f"<td>{html.escape(row.run)}</td><td>{html.escape(row.strength)}</td></tr>"
            )
        parts.append("</table>")
    if "strength" in sections:
        parts.append(f"<h2>Strength programme</h2><p>Phase {a.phase}. {report.adherence}</p>")
        if report.doses:
            parts.append("<p>Last session: " + "; ".join(map(html.escape, report.doses)) + ".</p>")
        if report.triggers:
            parts.append(
                "<p><b>Personal triggers:</b> "
                + " ".join(map(html.escape, report.triggers))
                + "</p>"
            )
    parts.append(f"<p class='small'>{html.escape(DISCLAIMER)}</p>")
    return "".join(parts)


STYLE = (
    "body { color: #1a1a1a; } h1 { font-size: 15pt; } h2 { font-size: 11.5pt; margin-top: 8px; }"
    " p, td, th { font-size: 8.5pt; } .small { font-size: 7.5pt; color: #444; }"
    " table.grid { border-collapse: collapse; } table.grid td, table.grid th "
    "{ border: 0.5px solid #999; padding: 1px 4px; }"
    " td.k { font-weight: bold; padding-right: 8px; }"
)


# ----------------------------------------------------------------------- graphs


def _axes(painter: QPainter, rect: QRectF, title: str, top: float, unit: str) -> None:
    painter.setPen(QPen(INK, 0.8))
    painter.drawText(QRectF(rect.left(), rect.top() - 16, rect.width(), 14), title)
    painter.setPen(QPen(GRID, 0.4))
    for k in range(5):
        y = rect.bottom() - rect.height() * k / 4
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.drawText(QPointF(rect.left() - 28, y + 3), f"{top * k / 4:g}{unit}")
    painter.setPen(QPen(INK, 0.8))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    painter.drawLine(rect.bottomLeft(), rect.topLeft())


def _legend(painter: QPainter, x: float, y: float, items: list[tuple[QColor, str]]) -> None:
    for color, label in items:
        painter.setPen(QPen(color, 2))
        painter.drawLine(QPointF(x, y - 3), QPointF(x + 14, y - 3))
        painter.setPen(QPen(INK, 0.8))
        painter.drawText(QPointF(x + 18, y), label)
        x += 22 + painter.fontMetrics().horizontalAdvance(label) + 14


def draw_graphs(painter: QPainter, report: Report, rect: QRectF) -> None:
    """Pain with its 7-day mean, weekly distance with load warnings, strength sessions."""
    days = (report.end - report.start).days or 1
    height = (rect.height() - 80) / 2  # two plots, their titles, legends and gaps fit

    plot = QRectF(rect.left() + 30, rect.top() + 18, rect.width() - 40, height)
    # plain numbers in the loops: a long history has thousands of points
    left, step = plot.left(), plot.width() / days
    first = report.start.toordinal()
    bottom, per_pain = plot.bottom(), plot.height() / 10

    def x_of(day: date) -> float:
        return left + step * (day.toordinal() - first)

    _axes(painter, plot, "Pain (0-10, worst of the day) and its 7-day mean", 10, "")
    dots = QPen(PAIN, 2.6)
    dots.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(dots)
    painter.drawPoints(
        QPolygonF([QPointF(x_of(day), bottom - per_pain * worst)
                   for day, worst, _mean in report.pain if worst is not None])
    )
    runs: list[list[QPointF]] = [[]]  # the mean's line, broken where it is unknown
    for day, _worst, mean in report.pain:
        if mean is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(QPointF(x_of(day), bottom - per_pain * mean))
    painter.setPen(QPen(MEAN, 1.4))
    for line in runs:
        if len(line) > 1:
            painter.drawPolyline(QPolygonF(line))
    painter.setPen(QPen(STRENGTH, 1.2))
    painter.drawLines([
        QLineF(x, bottom, x, bottom + 4 + min(sets, 12))
        for x, sets in ((x_of(day), sets) for day, sets in report.sessions)
    ])
    _legend(
        painter,
        plot.left(),
        plot.bottom() + 26,
        [(PAIN, "pain"), (MEAN, "7-day mean"), (STRENGTH, "strength session (tick)")],
    )

    km_plot = QRectF(plot.left(), plot.bottom() + 50, plot.width(), height - 10)
    top = max([km for _m, km, _w in report.weekly_km] + [10.0])
    top = float(int(top / 10 + 1) * 10)
    _axes(painter, km_plot, "Weekly running distance (km)", top, "")
    width = max(1.0, km_plot.width() / max(1, len(report.weekly_km)) * 0.7)
    for monday, km, warned in report.weekly_km:
        if km <= 0:
            continue
        h = km_plot.height() * km / top
        x = max(km_plot.left(), x_of(monday))
        bar = QRectF(x, km_plot.bottom() - h, width, h)
        painter.fillRect(bar, WARN if warned else KM)
    _legend(
        painter,
        km_plot.left(),
        km_plot.bottom() + 16,
        [(KM, "km in the week"), (WARN, "week with a load warning")],
    )


# ----------------------------------------------------------------------- the file


def _document(
    report: Report, sections: tuple[str, ...], device: QPagedPaintDevice, page: QSizeF
) -> QTextDocument:
    """The text, paginated to ``page`` (set before the HTML, so it is laid out once)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont(report_font_family(), 9))
    doc.setDefaultStyleSheet(STYLE)
    doc.setPageSize(page)
    doc.setHtml(report_html(report, sections))
    return doc


FOOTER_PT = 16.0  # the page-number line at the bottom of every page
GRAPHS_PT = 300.0  # the graphs' height when they have a page to themselves
GRAPHS_MIN_PT = 220.0  # ... and the least they may shrink to, to share the last text page
GAP_PT = 10.0


def _last_text_bottom(doc: QTextDocument, page_height: float) -> float:
    """How far down its own page the document's last line ends."""
    layout = doc.documentLayout()
    bottom = layout.blockBoundingRect(doc.lastBlock()).bottom()
    return bottom - (doc.pageCount() - 1) * page_height


def _footer(painter: QPainter, report: Report, rect: QRectF, page: int, pages: int) -> None:
    """"Hamstring Coach report, 2026-01-01 to 2026-03-18" and "Page 1 of 2" (in points)."""
    small = QFont(report_font_family())
    small.setPixelSize(7)
    painter.setFont(small)
    painter.setPen(QPen(QColor("#444444"), 0.5))
    painter.drawLine(QPointF(rect.left(), rect.top() + 3), QPointF(rect.right(), rect.top() + 3))
    text_rect = QRectF(rect.left(), rect.top() + 5, rect.width(), rect.height() - 5)
    painter.drawText(
        text_rect,
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        f"{APP_NAME} report, {report.start.isoformat()} to {report.end.isoformat()}",
    )
    painter.drawText(
        text_rect,
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        f"Page {page} of {pages}",
    )


def paint_report(device: QPagedPaintDevice, report: Report, sections: tuple[str, ...]) -> int:
    """Lay the report out on ``device`` (a QPdfWriter or a QPrinter); returns the pages.

    The text is paginated by QTextDocument itself (a line or table row is never cut
    across pages). The graphs follow it on the last text page when at least
    GRAPHS_MIN_PT is left there (shrunk to fit, so a short report is one page), else on
    a page of their own. Every page ends with the date range and "Page N of M"."""
    page = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(page.width()), float(page.height())
    scale = device.resolution() / 72.0  # the graphs and the footer are drawn in points
    body = height - FOOTER_PT * scale
    doc = _document(report, sections, device, QSizeF(width, body))
    text_pages = doc.pageCount()
    graphs_top = graphs_height = 0.0
    graphs_page = text_pages
    if "graphs" in sections:
        graphs_top = _last_text_bottom(doc, body) + GAP_PT * scale
        room = body - graphs_top
        if room >= GRAPHS_MIN_PT * scale:
            graphs_height = min(GRAPHS_PT * scale, room)
        else:
            graphs_page, graphs_top, graphs_height = text_pages + 1, 0.0, GRAPHS_PT * scale
    pages = max(text_pages, graphs_page)
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for number in range(1, pages + 1):
            if number > 1:
                device.newPage()
            if number <= text_pages:
                offset = (number - 1) * body
                painter.save()
                painter.translate(0, -offset)
                doc.drawContents(painter, QRectF(0, offset, width, body))
                painter.restore()
            if graphs_height and number == graphs_page:
                painter.save()
                painter.translate(0, graphs_top)
                painter.scale(scale, scale)
                small = QFont(report_font_family())
                small.setPixelSize(7)  # 7 pt: the painter now draws in points
                painter.setFont(small)
                draw_graphs(painter, report, QRectF(0, 0, width / scale, graphs_height / scale))
                painter.restore()
            painter.save()
            painter.scale(scale, scale)
            _footer(painter, report, QRectF(0, body / scale, width / scale, FOOTER_PT),
                    number, pages)
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(
    path: Path,
    report: Report,
    sections: tuple[str, ...] = SECTIONS,
    page_size: QPageSize | None = None,
) -> int:
    """Write the report to ``path`` (a new PDF); returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(f"{APP_NAME} report {report.start.isoformat()} to {report.end.isoformat()}")
    writer.setCreator(f"{APP_NAME} {__version__}")
    writer.setPageLayout(
        QPageLayout(
            page_size or page_size_for(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    return paint_report(writer, report, sections)
