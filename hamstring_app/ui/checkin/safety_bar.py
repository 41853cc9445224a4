"""Above today's verdict: an open warning sign, every day until a professional has
assessed it, with the way to record that; the last assessment; "My hamstring hurts again"
to start a new injury episode; and "I have recovered" to close the current one."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.episodes import Episode
from hamstring_app.core.models import Referral, Verdict
from hamstring_app.core.rules import Assessment
from hamstring_app.ui.dates import day_text, localise_dates
from hamstring_app.ui.episode_dialogs import outcome_words
from hamstring_app.ui.theme import error_colour, verdict_colour

SIGN_RULES = ("pain.red_flag", "pain.recent_red_flag")


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
        self.recovered_button.hide()  # shown while an episode is current (set_episode)
        # side by side, or one above the other when the space is narrow (large fonts, a
        # small window): never wider than the verdict column
        self.button_row = buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.recovered_button)
        buttons.addWidget(self.new_episode_button)
        buttons.addStretch(1)
        footer = QVBoxLayout()  # the last assessment on its own line, the buttons below it
        footer.addWidget(self.last_label)
        footer.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.sign_box)
        layout.addLayout(footer)
        self.sign_box.hide()

    def _buttons(self) -> list[QPushButton]:
        return [b for b in (self.record_button, self.recovered_button, self.new_episode_button)
                if not b.isHidden()]

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        widest = max((b.sizeHint().width() for b in self._buttons()), default=0)
        return QSize(min(hint.width(), widest), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fold(event.size().width())

    def _fold(self, width: int) -> None:
        shown = self._buttons()
        need = sum(b.sizeHint().width() for b in shown) + self.button_row.spacing() * len(shown)
        self.button_row.setDirection(
            QBoxLayout.Direction.LeftToRight if width >= need
            else QBoxLayout.Direction.TopToBottom
        )

    def set_episode(self, current: Episode | None) -> None:
        """Offer "I have recovered" only while an episode is current (open)."""
        self.recovered_button.setVisible(current is not None and current.is_open)
        self._fold(self.width())

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
            self.sign_text.setText(
                self.tr(
                    "Reported on {day}. It stays here, every day, until you record that a "
                    "qualified health professional has assessed you."
                ).format(day=localise_dates(str(since)))
            )
            self.sign_box.setProperty("urgent", urgent)
            edge = (error_colour() if urgent else verdict_colour(Verdict.HOLD)).name()
            self.sign_box.setStyleSheet(
                f"#openSignBox {{ border: 2px solid {edge}; border-radius: 6px; }}"
            )
            self.sign_box.show()
        self.record_button.setVisible(self.sign_box.isHidden())
        self._fold(self.width())
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
