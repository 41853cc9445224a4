"""The history table's columns fit the table's width, so it never scrolls sideways.

Each column's width comes from the longest text it can hold (every weekday and month for
the date, the entry kinds, "10/10") and its header, measured with the table's font: not
from the rows, so years of history cost nothing to lay out. The details take what is
left. Where that is too little (a large font in a small window), columns give up room in
turn: the date drops its weekday, a long entry kind ("Assessment") is elided, the pain
header its room for the sort arrow; then the warnings column goes, and a check-in with a
warning sign shows "⚠" before its pain instead, with the signs in the check-in form's words
in the pain cell's tooltip and accessible text (``marks_changed`` tells the model).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from hamstring_app.ui.checkin.questions import red_flag_phrases
from hamstring_app.ui.dates import date_pattern, to_qdate

DATE, ENTRY, PAIN, WARNINGS, DETAILS = range(5)
#: who gives up room first when the columns do not fit
SHRINK_ORDER = (DATE, ENTRY, PAIN)
#: the details are given this many average characters before another column shrinks
DETAILS_WANTED_CHARS = 14
WARNING_MARK = "⚠"
#: the Warnings column's short words for each sign (the tooltip gives the form's words),
#: in English: :func:`red_flag_short` gives them translated
RED_FLAG_SHORT = {
    "sharp_pain": QT_TRANSLATE_NOOP("HistoryModel", "sharp"),
    "pain_increases_with_speed": QT_TRANSLATE_NOOP("HistoryModel", "worse with speed"),
    "gait_changed": QT_TRANSLATE_NOOP("HistoryModel", "changed running"),
    "pain_in_daily_activities": QT_TRANSLATE_NOOP("HistoryModel", "daily life"),
    "sudden_onset_with_weakness": QT_TRANSLATE_NOOP("HistoryModel", "sudden, weak"),
    "nerve_signs": QT_TRANSLATE_NOOP("HistoryModel", "below the knee"),
    "bruising_after_sudden_pain": QT_TRANSLATE_NOOP("HistoryModel", "bruising"),
    "difficulty_walking": QT_TRANSLATE_NOOP("HistoryModel", "hard to walk"),
    "foot_weakness": QT_TRANSLATE_NOOP("HistoryModel", "weak foot"),
    "night_or_rest_pain": QT_TRANSLATE_NOOP("HistoryModel", "night pain"),
    "feeling_unwell": QT_TRANSLATE_NOOP("HistoryModel", "unwell"),
}


def red_flag_short(flag: str) -> str:
    """The Warnings column's short word for the sign ``flag`` (a CheckIn field), translated."""
    return QCoreApplication.translate("HistoryModel", RED_FLAG_SHORT[flag])


def warning_signs_text(flags: Sequence[str], *, lines: bool) -> str:
    """The signs a check-in reported, in the check-in form's words: one to a line after a
    heading (a tooltip) or on one line (for a screen reader)."""
    phrases = red_flag_phrases()
    if len(flags) == 1:
        head = QCoreApplication.translate("HistoryModel", "Warning sign reported:")
    else:
        head = QCoreApplication.translate("HistoryModel", "Warning signs reported:")
    words = [phrases[flag] for flag in flags]
    if lines:
        return "\n".join([head, *(f"• {w}" for w in words)])
    return f"{head} {'; '.join(words)}."


def fit_widths(natural: Sequence[int], minimum: Sequence[int], available: int,
               order: Sequence[int] = SHRINK_ORDER) -> list[int]:
    """Widths for the columns before the details: ``natural`` where they fit in
    ``available``, else the columns in ``order`` shrink toward their ``minimum`` one after
    the other until they do (or all are at their minimum)."""
    widths = list(natural)
    excess = sum(widths) - available
    for column in order:
        if excess <= 0:
            break
        cut = min(excess, widths[column] - minimum[column])
        if cut > 0:
            widths[column] -= cut
            excess -= cut
    return widths


def _week_of_each_month(year: int = 2026) -> list[date]:
    """Seven days in a row of every month: every weekday with every month name."""
    return [date(year, month, day) for month in range(1, 13) for day in range(22, 29)]


def short_day_pattern(locale: QLocale | None = None) -> str:
    """The app's date format without the weekday ("3 Mar 2026", "Mar 3, 2026")."""
    return re.sub(r"d{3}[,.]?\s*", "", date_pattern(locale)).strip(" ,")


class _RowDelegate(QStyledItemDelegate):
    def __init__(self, row_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.row_role = row_role  # the model's role giving the row (day, check-in ...)

    def row(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        return index.data(self.row_role)


class DateDelegate(_RowDelegate):
    """Draws the date without its weekday when the cell is too narrow for all of it.

    Asked for each visible date on every paint: each text's width is measured once per
    font, and each short date worked out once per language."""

    def __init__(self, row_role: int, parent: QObject | None = None) -> None:
        super().__init__(row_role, parent)
        self._font: QFont | None = None
        self._needed: dict[str, int] = {}  # a date's width with its margins, in _font
        self._short: dict[tuple[str, date], str] = {}  # (language, day): the short date

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        row = self.row(index)
        if row is None:
            return
        text = option.text
        if self._font is None or option.font != self._font:
            self._font = QFont(option.font)
            self._needed.clear()
        needed = self._needed.get(text)
        if needed is None:
            style = option.widget.style() if option.widget is not None else None
            margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                        option.widget) if style is not None else 0)
            needed = option.fontMetrics.horizontalAdvance(text) + 2 * (margin + 1)
            self._needed[text] = needed
        if option.rect.width() < needed:
            locale = QLocale()
            key = (locale.name(), row.day)
            short = self._short.get(key)
            if short is None:
                short = locale.toString(to_qdate(row.day), short_day_pattern(locale))
                self._short[key] = short
            option.text = short


class PainDelegate(_RowDelegate):
    """While the warnings column is hidden: "⚠" before a check-in's pain when it reported
    a warning sign."""

    marks = False

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        row = self.row(index)
        if self.marks and row is not None and row.checkin is not None and row.checkin.red_flags:
            option.text = f"{WARNING_MARK} {option.text}"


class HistoryColumns(QObject):
    """Keeps ``table``'s column widths fitted to its viewport. The table calls
    :meth:`fit_later` when its viewport is resized or its font changes; a new sort column
    (whose header grows by its arrow) does too. Emits ``marks_changed(bool)`` when the
    warnings column is hidden (True) or shown again."""

    marks_changed = Signal(bool)

    def __init__(self, table: QTableView, row_role: int, entry_kinds: Sequence[str],
                 no_warnings: str, warning_sample: str) -> None:
        super().__init__(table)
        self.table = table
        self._texts = {ENTRY: list(entry_kinds), PAIN: ["10/10"],
                       WARNINGS: [no_warnings, warning_sample]}
        header = table.horizontalHeader()
        header.setMinimumSectionSize(8)
        for column in (DATE, ENTRY, PAIN, WARNINGS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        self.dates = DateDelegate(row_role, table)
        self.pains = PainDelegate(row_role, table)
        table.setItemDelegateForColumn(DATE, self.dates)
        table.setItemDelegateForColumn(PAIN, self.pains)
        # once per turn of the event loop: fitting changes the columns, which can bring a
        # scroll bar, which resizes the viewport again
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        header.sortIndicatorChanged.connect(self._later.start)
        self._measures: tuple[tuple[object, ...], tuple[list[int], list[int], int]] | None = None
        self.measured = 0  # how many times the texts were measured (tests)
        self.fit()

    def fit_later(self) -> None:
        self._later.start()

    def _padding(self) -> int:
        style = self.table.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table)
        return 2 * (margin + 1) + 4 + self.table.showGrid()

    def _text_width(self, texts: Sequence[str]) -> int:
        metrics = self.table.fontMetrics()
        return max(metrics.horizontalAdvance(text) for text in texts) + self._padding()

    def widths(self, available: int) -> list[int]:
        """The four first columns' widths for a viewport ``available`` pixels wide; 0 for
        the warnings: hidden."""
        natural, minimum, pain = self._measured()
        budget = available - DETAILS_WANTED_CHARS * self.table.fontMetrics().averageCharWidth()
        widths = fit_widths(natural, minimum, budget)
        if sum(widths) > budget:  # still too wide: the warnings go, marked beside the pain
            narrow = [*minimum[:PAIN], pain, 0]
            widths = fit_widths([*natural[:PAIN], max(natural[PAIN], pain), 0], narrow, budget)
        return widths

    def _looks(self) -> tuple[object, ...]:
        """What the measured widths depend on: the fonts, the language and the headings
        (with the sort arrow's column); not the rows, nor the room there is."""
        header = self.table.horizontalHeader()
        model = self.table.model()
        labels = tuple(str(model.headerData(c, Qt.Orientation.Horizontal))
                       for c in (DATE, ENTRY, PAIN, WARNINGS))
        return (self.table.font().key(), header.font().key(), QLocale().name(),
                header.sortIndicatorSection(), labels)

    def _measured(self) -> tuple[list[int], list[int], int]:
        """The columns' natural and least widths and the marked pain's, measured once for
        each look (a fit on every resize only shares them out)."""
        looks = self._looks()
        if self._measures is None or self._measures[0] != looks:
            self._measures = (looks, self._measure())
            self.measured += 1
        return self._measures[1]

    def _measure(self) -> tuple[list[int], list[int], int]:
        header = self.table.horizontalHeader()
        locale = QLocale()
        days = _week_of_each_month()
        full = [locale.toString(to_qdate(d), date_pattern(locale)) for d in days]
        short = [locale.toString(to_qdate(d), short_day_pattern(locale)) for d in days]

        def head(column: int) -> int:  # the header's text, and its sort arrow if sorted
            if column == header.sortIndicatorSection():
                return header.sectionSizeFromContents(column).width()
            label = str(self.table.model().headerData(column, Qt.Orientation.Horizontal))
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            return header.fontMetrics().horizontalAdvance(label) + 2 * margin + 4

        def text(column: int) -> int:
            return self._text_width(self._texts[column])

        natural = [max(head(DATE), self._text_width(full)), max(head(ENTRY), text(ENTRY)),
                   max(head(PAIN), text(PAIN)), max(head(WARNINGS), text(WARNINGS))]
        minimum = [self._text_width(short), self._text_width(self._texts[ENTRY][:1]),
                   text(PAIN), natural[WARNINGS]]
        return natural, minimum, self._text_width([f"{WARNING_MARK} 10/10"])

    def fit(self) -> None:
        available = self.table.viewport().width()
        if available <= 0:
            return
        widths = self.widths(available)
        hide = widths[WARNINGS] == 0
        if self.pains.marks != hide:
            self.pains.marks = hide
            self.marks_changed.emit(hide)
        if self.table.isColumnHidden(WARNINGS) != hide:
            self.table.setColumnHidden(WARNINGS, hide)
        for column, width in enumerate(widths):
            if width and self.table.columnWidth(column) != width:
                self.table.setColumnWidth(column, width)
        self.table.viewport().update()


def fit_columns(table: QTableView, row_role: int) -> HistoryColumns:
    """Fit ``table``'s columns (the history model's: its ``row_role`` gives each row, with
    its day), with the entry kinds and warning words the model shows."""
    kinds = [
        QCoreApplication.translate("HistoryModel", "Check-in"),
        QCoreApplication.translate("HistoryModel", "Run"),
        QCoreApplication.translate("HistoryModel", "Assessment"),
    ]
    none = QCoreApplication.translate("HistoryModel", "none")
    return HistoryColumns(table, row_role, kinds, none,
                          f"{WARNING_MARK} {red_flag_short('sharp_pain')}")
