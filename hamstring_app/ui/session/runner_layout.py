"""The widgets of the guided session screen, laid out for reading from two metres.

:class:`~hamstring_app.ui.session.runner_view.RunnerView` adds the behaviour.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.ui.session.log_panel import LogPanel
from hamstring_app.ui.session.plan_view import scaled_font
from hamstring_app.ui.session.summary_panel import SummaryPanel
from hamstring_app.ui.session.widgets import BigCountdown

PROGRESS_STEPS = 1000


class RunnerLayout(QWidget):
    """Every widget of the session screen; no behaviour."""

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.exercise_label = QLabel()
        self.exercise_label.setFont(scaled_font(self, 2.2, bold=True))
        self.exercise_label.setAccessibleName(self.tr("Exercise"))
        self.exercise_label.setWordWrap(True)
        top.addWidget(self.exercise_label, 1)
        self.set_label = QLabel()
        self.set_label.setFont(scaled_font(self, 2.0, bold=True))
        self.set_label.setAccessibleName(self.tr("Set"))
        top.addWidget(self.set_label, 0, Qt.AlignmentFlag.AlignRight)
        outer.addLayout(top)

        self.state_label = QLabel()
        self.state_label.setFont(scaled_font(self, 1.8, bold=True))
        self.state_label.setAccessibleName(self.tr("What to do now"))
        outer.addWidget(self.state_label)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        # page 0: the picture and the huge countdown
        timer_page = QWidget()
        row = QHBoxLayout(timer_page)
        row.setContentsMargins(0, 0, 0, 0)
        self.picture = QSvgWidget()
        self.picture.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.picture.setAccessibleName(self.tr("Picture of the exercise"))
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.picture.setMinimumSize(QSize(160, 160))
        row.addWidget(self.picture, 2)
        right = QVBoxLayout()
        self.countdown = BigCountdown()
        right.addWidget(self.countdown, 1)
        self.beat_label = QLabel()
        self.beat_label.setFont(scaled_font(self, 2.0, bold=True))
        self.beat_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.beat_label.setAccessibleName(self.tr("Tempo"))
        right.addWidget(self.beat_label)
        self.cue_label = QLabel()
        self.cue_label.setWordWrap(True)
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue_label.setFont(scaled_font(self, 1.2))
        self.cue_label.setAccessibleName(self.tr("Tip"))
        right.addWidget(self.cue_label)
        row.addLayout(right, 3)
        self.pages.addWidget(timer_page)

        # page 1: logging the set
        self.log_panel = LogPanel()
        self.pages.addWidget(self.log_panel)

        # page 2: the summary
        self.summary = SummaryPanel()
        self.pages.addWidget(self.summary)

        # the pain offer, shown after a painful set
        self.offer = QWidget()
        self.offer.setObjectName("painOffer")
        self.offer.setStyleSheet(
            "#painOffer { border: 2px solid palette(highlight); border-radius: 6px; }"
        )
        offer_row = QHBoxLayout(self.offer)
        self.offer_label = QLabel()
        self.offer_label.setWordWrap(True)
        self.offer_label.setFont(scaled_font(self, 1.2))
        offer_row.addWidget(self.offer_label, 1)
        self.easier_button = QPushButton(self.tr("Switch to the &easier one"))
        self.easier_button.setAccessibleName(self.tr("Switch to the easier variant"))
        self.stop_exercise_button = QPushButton(self.tr("S&top this exercise"))
        self.stop_exercise_button.setAccessibleName(self.tr("Stop this exercise"))
        self.carry_on_button = QPushButton(self.tr("&Carry on"))
        self.carry_on_button.setAccessibleName(self.tr("Carry on as planned"))
        for button in (self.easier_button, self.stop_exercise_button, self.carry_on_button):
            offer_row.addWidget(button)
        self.offer.setVisible(False)
        outer.addWidget(self.offer)

        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)
        outer.addWidget(self.problem_label)

        self.next_label = QLabel()
        self.next_label.setFont(scaled_font(self, 1.3))
        self.next_label.setAccessibleName(self.tr("Next up"))
        self.next_label.setWordWrap(True)
        outer.addWidget(self.next_label)

        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Session %p% done"))
        self.progress.setAccessibleName(self.tr("Progress through the whole session"))
        outer.addWidget(self.progress)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Go back one step"))
        self.skip_button = QPushButton(self.tr("Skip set"))
        self.skip_button.setAccessibleName(self.tr("Skip this set"))
        self.skip_exercise_button = QPushButton(self.tr("Skip exercise"))
        self.skip_exercise_button.setAccessibleName(self.tr("Skip the rest of this exercise"))
        self.pause_button = QPushButton(self.tr("Pause (Space)"))
        self.pause_button.setAccessibleName(self.tr("Pause or resume"))
        self.done_button = QPushButton(self.tr("Done (Enter)"))
        self.done_button.setAccessibleName(self.tr("Done with this step"))
        self.end_button = QPushButton(self.tr("End early"))
        self.end_button.setAccessibleName(self.tr("End the session early, keeping what was done"))
        self.leave_button = QPushButton(self.tr("Leave (Esc)"))
        self.leave_button.setAccessibleName(self.tr("Leave the session"))
        big = scaled_font(self, 1.2, bold=True)
        for button in (
            self.back_button,
            self.skip_button,
            self.skip_exercise_button,
            self.pause_button,
            self.done_button,
            self.end_button,
            self.leave_button,
        ):
            button.setFont(big)
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            buttons.addWidget(button)
        outer.addLayout(buttons)

    def _step_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.back_button,
            self.skip_button,
            self.skip_exercise_button,
            self.pause_button,
            self.end_button,
        )
