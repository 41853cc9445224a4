"""Above today's verdict: an open warning sign, every day until a professional has
assessed it, with the way to record that; the last assessment; "My hamstring hurts again"
to start a new injury episode; and "I have recovered" to close the current one."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.episodes import Episode
from hamstring_app.core.models import Referral, Verdict
from hamstring_app.core.rules import Assessment
from hamstring_app.core.rules import thresholds as T
from hamstring_app.ui.dates import day_text, localise_dates
from hamstring_app.ui.episode_dialogs import outcome_words
from hamstring_app.ui.theme import error_colour, verdict_colour
from hamstring_app.ui.widgets.restyle import set_sheet

SIGN_RULES = ("pain.red_flag", "pain.recent_red_flag")


def rows_for(widths: list[int], room: int, spacing: int) -> tuple[int, ...] | None:
    """How many buttons of ``widths`` (in order) go on each row: all on one if they fit in
    ``room``, else as many as fit on the first and the rest on a second; None when that
    second row does not fit either (or a button alone is wider than the room)."""

    def fits(part: list[int]) -> bool:
        return sum(part) + spacing * len(part) <= room

    if fits(widths):
        return (len(widths),)
    for first in range(len(widths) - 1, 0, -1):
        if fits(widths[:first]):
            return (first, len(widths) - first) if fits(widths[first:]) else None
    return None


class SafetyBar(QWidget):
    assessed_clicked = Signal()
    new_episode_clicked = Signal()
    recovered_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyBar")
        self.sign_box = QFrame()
        self.sign_box.setObjectName("openSignBox")
        self.sign_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.sign_title = QLabel()
        self.sign_title.setObjectName("openSignTitle")
        self.sign_title.setWordWrap(True)
        self.sign_text = QLabel()
        self.sign_text.setWordWrap(True)
        self.assessed_button = QPushButton(self.tr("I have been assessed..."))
        self.assessed_button.setObjectName("assessedButton")
        self.assessed_button.setToolTip(
            self.tr("Record that a qualified health professional has checked your hamstring")
        )
        self.assessed_button.clicked.connect(self.assessed_clicked)
        box = QVBoxLayout(self.sign_box)
        box.setContentsMargins(12, 8, 12, 8)
        box.addWidget(self.sign_title)
        box.addWidget(self.sign_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.assessed_button)
        box.addLayout(row)

        self.last_label = QLabel()
        self.last_label.setObjectName("lastAssessedLabel")
        self.last_label.setWordWrap(True)
        self.new_episode_button = QPushButton(self.tr("My hamstring hurts again..."))
        self.new_episode_button.setObjectName("newEpisodeButton")
        self.new_episode_button.setToolTip(
            self.tr("Start a new injury episode: the pain came back after it settled")
        )
        self.new_episode_button.clicked.connect(self.new_episode_clicked)
        self.record_button = QPushButton(self.tr("Record an assessment..."))
        self.record_button.setObjectName("recordAssessmentButton")
        self.record_button.clicked.connect(self.assessed_clicked)
        self.recovered_button = QPushButton(self.tr("I have recovered..."))
        self.recovered_button.setObjectName("recoveredButton")
        self.recovered_button.setToolTip(
            self.tr("Close the current injury episode: the pain has settled")
        )
        self.recovered_button.clicked.connect(self.recovered_clicked)
        # which buttons the day calls for: "I have recovered" while an episode is current
        # (set_episode), "Record an assessment" unless the open sign box offers it
        self._offered = {self.record_button: True, self.recovered_button: False,
                         self.new_episode_button: True}
        # side by side where they fit, else on two rows (as many to the first as fit);
        # where even two rows will not hold them (a large font in a small window), one
        # button opens them as a menu, so today's run stays in view below
        self.more_button = QPushButton(self.tr("Your injury episode"))
        self.more_button.setObjectName("episodeMenuButton")
        self.more_button.setAccessibleName(
            self.tr("Your injury episode: record an assessment, recovered, hurts again")
        )
        self.more_button.setAutoDefault(False)
        menu = QMenu(self.more_button)
        self._menu_actions = {}
        for button in self._offered:
            action = menu.addAction(button.text())
            action.setToolTip(button.toolTip())
            action.triggered.connect(button.click)
            self._menu_actions[button] = action
        self.more_button.setMenu(menu)
        self.button_row = QHBoxLayout()
        self.second_row = QHBoxLayout()
        self._arranged: tuple = ()  # the rows last laid out, and the buttons on them
        self._arrange((len(self._offered),))
        footer = QVBoxLayout()  # the last assessment on its own line, the buttons below it
        footer.addWidget(self.last_label)
        footer.addLayout(self.button_row)
        footer.addLayout(self.second_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.sign_box)
        layout.addLayout(footer)
        self.sign_box.hide()

    def _buttons(self) -> list[QPushButton]:
        return [b for b, offered in self._offered.items() if offered]

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.more_button.sizeHint().width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # a new height changes nothing
            self._fold(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fold(self.width())  # the buttons' widths changed

    def _offer(self, button: QPushButton, offered: bool) -> None:
        if self._offered[button] == offered:
            return  # as it was: nothing to lay out again
        self._offered[button] = offered
        self._fold(self.width())

    def _fold(self, width: int) -> None:
        shown = self._buttons()
        rows = rows_for([b.sizeHint().width() for b in shown], width,
                        max(self.button_row.spacing(), 0))
        if len(shown) < 2:
            rows = (len(shown),)
        folded = rows is None
        if not folded and (rows, *shown) != self._arranged:
            self._arrange(rows)
        for button, offered in self._offered.items():
            button.setVisible(offered and not folded)
            self._menu_actions[button].setVisible(offered)
        self.more_button.setVisible(folded)

    def _arrange(self, rows: tuple[int, ...]) -> None:
        """The shown buttons in order, ``rows[0]`` of them on the first row, the rest on
        the second; the menu button (when folded) on the first."""
        for layout in (self.button_row, self.second_row):
            while layout.count():
                layout.takeAt(0)
        shown = self._buttons()
        first = rows[0] if rows else 0
        for button in shown[:first]:
            self.button_row.addWidget(button)
        for button in shown[first:]:
            self.second_row.addWidget(button)
        for button in self._offered:  # the ones not offered stay hidden in the first row
            if button not in shown:
                self.button_row.addWidget(button)
        self.button_row.addWidget(self.more_button)
        self.button_row.addStretch(1)
        self.second_row.addStretch(1)
        self._arranged = (rows, *shown)

    def set_episode(self, current: Episode | None) -> None:
        """Offer "I have recovered" only while an episode is current (open)."""
        self._offer(self.recovered_button, current is not None and current.is_open)

    def _sign_words(self, since: str, urgent: bool) -> str:
        """When it was reported and how long it stays: an urgent sign until assessed, any
        other for its 14 days (the day it was reported counting as day 1), or until then."""
        try:
            day: date | None = date.fromisoformat(since)
        except ValueError:
            day = None
        if urgent or day is None:
            return self.tr(
                "Reported on {day}. It stays here, every day, until you record that a "
                "qualified health professional has assessed you."
            ).format(day=localise_dates(since))
        last = day + timedelta(days=T.RECENT_RED_FLAG_DAYS - 1)
        return self.tr(
            "Reported on {day}. It stays here until {last}, or until you record that a "
            "qualified health professional has assessed you, if that is sooner."
        ).format(day=day_text(day), last=day_text(last))

    @property
    def sign_open(self) -> bool:
        return not self.sign_box.isHidden()

    def show_assessment(self, assessment: Assessment | None) -> None:
        item = None
        if assessment is not None and assessment.referral is not Referral.NONE:
            item = next((a for a in assessment.advice if a.rule in SIGN_RULES), None)
        if item is None or assessment is None:
            self.sign_box.hide()
        else:
            urgent = assessment.referral is Referral.URGENT
            self.sign_title.setText(
                self.tr("An urgent warning sign is open: see a professional today or within "
                        "24-48 hours")
                if urgent
                else self.tr("A warning sign is open: book an assessment")
            )
            since = item.why.get("red_flag_date") or item.why.get("checkin_date") or ""
            self.sign_text.setText(self._sign_words(str(since), urgent))
            self.sign_box.setProperty("urgent", urgent)
            edge = (error_colour() if urgent else verdict_colour(Verdict.HOLD)).name()
            set_sheet(
                self.sign_box,
                f"#openSignBox {{ border: 2px solid {edge}; border-radius: 6px; }}"
            )
            self.sign_box.show()
        self._offer(self.record_button, self.sign_box.isHidden())
        last = assessment.last_assessment if assessment is not None else None
        if last is None:
            self.last_label.setText("")
        else:
            text = self.tr("Last assessed by a professional: {day}").format(
                day=day_text(last.day)
            )
            if last.outcome is not None:
                text += " (" + outcome_words(last.outcome) + ")"
            self.last_label.setText(text)
        self.last_label.setVisible(bool(self.last_label.text()))
