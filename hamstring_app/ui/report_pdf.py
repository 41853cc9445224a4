"""The report for a health professional as a PDF, with Qt alone (see core/report.py).

Text is a QTextDocument laid out for the PDF writer (``documentLayout().setPaintDevice``,
or the text comes out tiny) in DejaVu Sans, shipped in resources/fonts (a subset without
hinting, renamed "Hamstring Report Sans": packaging/subset_fonts.py) and registered with
QFontDatabase, so the file looks the same on every computer. The graphs
(ui/report_graphs.py) are drawn with QPainter straight into the PDF, as vectors. The page
is A4, or Letter where the locale uses it.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
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
    QTextDocument,
)

from hamstring_app import APP_NAME, __version__
from hamstring_app.assets import resource_path
from hamstring_app.core.report import DISCLAIMER, SECTIONS, Report
from hamstring_app.ui.dates import day_text, localise_dates
from hamstring_app.ui.report_graphs import BOTH, KM_GRAPH, PAIN_GRAPH, draw_graphs
from hamstring_app.ui.verdicts import word_for_plain

FONT_FILES = ("HamstringReportSans.ttf", "HamstringReportSans-Bold.ttf")
_family: str | None = None


def report_font_family() -> str:
    """The shipped font's family, registered once ("Hamstring Report Sans")."""
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
    """A date in the report: the app's one format from the locale (ui/dates.py)."""
    return html.escape(day_text(day)) if day else "-"


def _range(report: Report) -> str:
    """The report's period, e.g. "Mon, 2 Mar 2026 to Tue, 31 Mar 2026"."""
    return f"{day_text(report.start)} to {day_text(report.end)}"


def _v(value: object) -> str:
    return "-" if value is None else html.escape(str(value))


# Rows told apart by a light shade on every other row, not cell borders: Qt draws
# collapsed borders cell by cell, which made up a fifth of the PDF's time.
GRID_TABLE = "<table class='grid' cellspacing='0'>"


def _row_start(k: int) -> str:
    return "<tr class='alt'>" if k % 2 else "<tr>"


def report_html(report: Report, sections: tuple[str, ...] = SECTIONS) -> str:
    a = report.assessment
    p = report.history.profile
    parts = [
        f"<h1>{APP_NAME}: report for a health professional</h1>",
        f"<p class='small'>{html.escape(_range(report))} · "
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
        # a report that ends before the day it is made carries that last day's verdict
        verdict_label = (
            "Verdict today"
            if report.end == report.made_on
            else f"Verdict on {_d(report.end)}"
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
            (verdict_label, f"<b>{word_for_plain(a)}</b>"),
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
            parts.append(f"<p>None reported up to {_d(report.end)}.</p>")
        else:
            parts.append(
                f"{GRID_TABLE}<tr><th>Date</th><th>Sign</th><th>Assessed</th></tr>"
            )
            for k, w in enumerate(report.listed_signs):
                seen = f"yes, {_d(w.assessed_on)}" if w.assessed_on else "not yet"
                sign = html.escape(w.sign) + (" (urgent)" if w.urgent else "")
                parts.append(f"{_row_start(k)}<td>{_d(w.day)}</td><td>{sign}</td><td>{seen}</td></tr>")
            parts.append("</table>")
            earlier = report.earlier_signs
            if earlier:
                urgent = sum(1 for w in earlier if w.urgent)
                not_seen = sum(1 for w in earlier if w.assessed_on is None)
                parts.append(
                    f"<p>Before these: {len(earlier)} earlier warning signs, reported from "
                    f"{_d(earlier[0].day)} to {_d(earlier[-1].day)}, {urgent} of them urgent "
                    f"and {not_seen} of them not assessed since.</p>"
                )
    if "last_14_days" in sections:
        parts.append(
            f"<h2>Last 14 days</h2>{GRID_TABLE}<tr><th>Date</th><th>Pain rest</th>"
            "<th>Pain run</th><th>Pain waking</th><th>Run</th><th>Strength</th></tr>"
        )
        for k, row in enumerate(report.last_days):
            parts.append(
                f"{_row_start(k)}<td>{_d(row.day)}</td><td>{_v(row.pain_rest)}</td>"
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
    # the rules' own sentences (referral reason, triggers) write days as YYYY-MM-DD
    return localise_dates("".join(parts))


STYLE = (
    "body { color: #1a1a1a; } h1 { font-size: 15pt; } h2 { font-size: 11.5pt; margin-top: 8px; }"
    " p, td, th { font-size: 8.5pt; } .small { font-size: 7.5pt; color: #444; }"
    " table.grid td, table.grid th { padding: 1px 4px; }"
    " table.grid th { background-color: #d9d9d9; } tr.alt td { background-color: #efefef; }"
    " td.k { font-weight: bold; padding-right: 8px; }"
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
PAIN_MIN_PT = 120.0  # the least the pain graph alone may take to end the last text page
PAIN_MOST_PT = 210.0  # ... and the most it takes there
KM_ALONE_PT = 160.0  # the distance graph's height when it starts the next page alone
GAP_PT = 10.0


def _last_text_bottom(doc: QTextDocument, page_height: float) -> float:
    """How far down its own page the document's last line ends."""
    layout = doc.documentLayout()
    bottom = layout.blockBoundingRect(doc.lastBlock()).bottom()
    return bottom - (doc.pageCount() - 1) * page_height


def _place_graphs(doc: QTextDocument, body: float, scale: float,
                  text_pages: int) -> list[tuple[int, float, float, tuple[str, ...]]]:
    """Where the graphs go: (page, top, height, which graphs), in device pixels."""
    top = _last_text_bottom(doc, body) + GAP_PT * scale
    room = body - top
    if room >= GRAPHS_MIN_PT * scale:
        return [(text_pages, top, min(GRAPHS_PT * scale, room), BOTH)]
    if room >= PAIN_MIN_PT * scale:
        return [(text_pages, top, min(PAIN_MOST_PT * scale, room), (PAIN_GRAPH,)),
                (text_pages + 1, 0.0, KM_ALONE_PT * scale, (KM_GRAPH,))]
    return [(text_pages + 1, 0.0, GRAPHS_PT * scale, BOTH)]


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
        f"{APP_NAME} report, {_range(report)}",
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
    GRAPHS_MIN_PT is left there (shrunk to fit, so a short report is one page); else the
    pain graph ends that page when PAIN_MIN_PT is left (it takes up to PAIN_MOST_PT) and
    the distance graph starts the next; else both are on a page of their own. Every page
    ends with the date range and "Page N of M"."""
    page = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(page.width()), float(page.height())
    scale = device.resolution() / 72.0  # the graphs and the footer are drawn in points
    body = height - FOOTER_PT * scale
    doc = _document(report, sections, device, QSizeF(width, body))
    text_pages = doc.pageCount()
    graphs = _place_graphs(doc, body, scale, text_pages) if "graphs" in sections else []
    pages = max([text_pages] + [page for page, *_rest in graphs])
    painter = QPainter()
    if not painter.begin(device):  # a PDF in a folder that is not there, a printer gone
        raise OSError(5, "the report could not be written there")
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
            for page_number, top, graphs_height, parts in graphs:
                if page_number != number:
                    continue
                painter.save()
                painter.translate(0, top)
                painter.scale(scale, scale)
                small = QFont(report_font_family())
                small.setPixelSize(7)  # 7 pt: the painter now draws in points
                painter.setFont(small)
                draw_graphs(painter, report,
                            QRectF(0, 0, width / scale, graphs_height / scale), parts)
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
    writer.setTitle(f"{APP_NAME} report, {_range(report)}")
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
