"""Past strength sessions and weekly adherence (sessions done against sessions planned)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import StrengthSession
from hamstring_app.ui.dates import axis_text, day_month_text, day_text

ADHERENCE_WEEKS = 8
FEWEST_WEEKS = 4  # shown when even two-line heads do not fit all the weeks
SESSION_ROWS = 30


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    monday: date
    done: int
    planned: int
    current: bool  # the week that holds today: still in progress

    @property
    def met(self) -> bool:
        return self.done >= self.planned


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_adherence(
    sessions: Sequence[StrengthSession],
    today: date,
    planned_per_week: int,
    weeks: int = ADHERENCE_WEEKS,
) -> tuple[WeekAdherence, ...]:
    """Sessions done per calendar week (Monday to Sunday), newest week first.

    A session counts when at least one set was logged in it, finished or not: the work
    was done. Weeks before the first session ever logged are left out.
    """
    this_monday = monday_of(today)
    counts: dict[date, int] = {}
    first: date | None = None
    for session in sessions:
        if not session.sets or session.day > today:
            continue
        monday = monday_of(session.day)
        counts[monday] = counts.get(monday, 0) + 1
        first = monday if first is None else min(first, monday)
    out: list[WeekAdherence] = []
    for back in range(weeks):
        monday = this_monday - timedelta(weeks=back)
        if back > 0 and (first is None or monday < first):
            break
        out.append(
            WeekAdherence(monday, counts.get(monday, 0), planned_per_week, monday == this_monday)
        )
    return tuple(out)


def exercise_names(session: StrengthSession, name_of: Callable[[str], str]) -> str:
    seen: list[str] = []
    for s in session.sets:
        if s.exercise_id not in seen:
            seen.append(s.exercise_id)
    return ", ".join(name_of(e) for e in seen)


class HistoryView(QWidget):
    """Weekly adherence on top, then the latest sessions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("<b>Your sessions</b>"))
        layout.addWidget(heading)
        self.adherence_label = QLabel()
        self.adherence_label.setWordWrap(True)
        self.adherence_label.setTextFormat(Qt.TextFormat.RichText)
        self.adherence_label.setAccessibleName(self.tr("Sessions done each week"))
        self.adherence_label.setToolTip(self.tr("Each week from Monday to Sunday"))
        # its width comes from the panel, and the weeks are laid out to fit it (not the
        # other way round: a table too wide for the panel would push it wider)
        self.adherence_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.adherence_label.setMinimumWidth(1)
        layout.addWidget(self.adherence_label)
        self._fitting = False  # re-entry guard: fitting columns resizes sections
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Exercises"),
                self.tr("Sets"),
                self.tr("Highest\npain"),  # two lines: room for the exercises
                self.tr("Next\nmorning"),
            ]
        )
        self.table.setAccessibleName(self.tr("Past strength sessions"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the exercises take what the other columns leave (elided, whole in the tooltip):
        # Qt's Stretch keeps a minimum that scrolls sideways with a large font
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(1)
        header.sectionResized.connect(self._fit_exercises)
        self.table.viewport().installEventFilter(self)  # a scroll bar coming or going
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(
            self.tr("No sessions yet. Your first one will show here, with each set you log.")
        )
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addStretch(0)  # takes the space while there is no table to show
        self.weeks: tuple[WeekAdherence, ...] = ()

    def show_history(
        self,
        sessions: Sequence[StrengthSession],
        today: date,
        planned_per_week: int,
        name_of: Callable[[str], str],
    ) -> None:
        self.weeks = weekly_adherence(sessions, today, planned_per_week)
        self._fit_weeks()
        recent = [s for s in sessions if s.sets][-SESSION_ROWS:][::-1]
        self.table.setRowCount(len(recent))
        for row, session in enumerate(recent):
            done = sum(1 for s in session.sets if s.completed)
            pain = session.max_pain
            morning = session.pain_next_morning
            # on a line of its own: the Date column stays narrow with a large font
            state = "" if session.finished else "\n" + self.tr("(not finished)")
            values = [
                (day_month_text(session.day) if session.day.year == today.year
                 else day_text(session.day)) + state,
                exercise_names(session, name_of),
                str(done),
                "–" if pain is None else f"{pain}/10",
                "–" if morning is None else f"{morning}/10",
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(recent))
        self.empty_label.setVisible(not recent)
        self._fit_exercises()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_weeks()
        self._fit_exercises()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_exercises()
        return super().eventFilter(watched, event)

    def _fit_exercises(self, *_args: object) -> None:
        """Give the Exercises column the width the others leave in the viewport; when
        that is under six text widths (a large font, a narrow window), leave out the Sets
        column, which the session summary shows."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit_columns()
        finally:
            self._fitting = False

    def _fit_columns(self) -> None:
        table = self.table
        room = QFontMetrics(table.font()).averageCharWidth() * 12  # "Nordic curl"
        sets_width = max(table.sizeHintForColumn(2), table.horizontalHeader().sectionSizeHint(2))
        kept = sum(table.columnWidth(c) for c in (0, 3, 4))
        narrow = kept + sets_width + room > table.viewport().width()
        if table.isColumnHidden(2) != narrow:
            table.setColumnHidden(2, narrow)
        others = sum(table.columnWidth(c) for c in range(table.columnCount())
                     if c != 1 and not table.isColumnHidden(c))
        width = max(table.viewport().width() - others, 1)
        if table.columnWidth(1) != width:
            table.setColumnWidth(1, width)

    def _fit_weeks(self) -> None:
        """The weeks as wide as the panel allows: each head on one line ("9 Mar"), else
        the day over the month, else fewer weeks. A date never breaks on its own."""
        width = self.adherence_label.contentsRect().width()
        if width <= 1:
            width = max(1, self.width())
        shown = len(self.weeks)
        for two_lines, count in [(False, shown), (True, shown)] + [
            (True, n) for n in range(shown - 1, FEWEST_WEEKS - 1, -1)
        ]:
            html = self._adherence_html(self.weeks[:count], two_lines=two_lines)
            if self._fits(html, width):
                break
        if html != self.adherence_label.text():
            self.adherence_label.setText(html)

    def _fits(self, html: str, width: int) -> bool:
        doc = QTextDocument()
        doc.setDefaultFont(self.adherence_label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(width)
        return doc.idealWidth() <= width

    def _adherence_html(self, weeks: Sequence[WeekAdherence], *, two_lines: bool = False) -> str:
        if not weeks:
            return ""
        heads, cells = [], []
        for week in reversed(weeks):
            if week.met:
                mark = "✓"
            elif week.current:
                mark = "…"
            else:
                mark = "✕"
            if week.current:
                label = self.tr("now")
            else:
                words = axis_text(week.monday, "week").split()  # day and month: "9 Mar"
                label = ("<br>" if two_lines else "&nbsp;").join(words)
            heads.append(f"<td align='center'>{label}</td>")
            cells.append(
                f"<td align='center' style='white-space: nowrap'><b>{week.done}/{week.planned}"
                f"</b>&nbsp;{mark}</td>"
            )
        past = [w for w in weeks if not w.current]
        summary = ""
        if past:
            met = sum(1 for w in past if w.met)
            summary = self.tr(
                "Planned sessions done in {met} of the last {n} weeks (✓ done, ✕ fewer)."
            ).format(met=met, n=len(past))
        return (
            "<table cellspacing='0' cellpadding='3'>"
            f"<tr>{''.join(heads)}</tr><tr>{''.join(cells)}</tr></table>{summary}"
        )
