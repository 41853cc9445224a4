"""Today's planned session: the verdict, the exercises with easier/harder swaps, Start."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.assets import resource_path
from hamstring_app.core.library_model import Exercise, PlannedExercise
from hamstring_app.core.models import Verdict
from hamstring_app.ui.texts import counted
from hamstring_app.ui.theme import icon, verdict_colour
from hamstring_app.ui.verdicts import verdict_pixmap, verdict_sentence, verdict_word

THUMB = 72


def illustration_path(exercise: Exercise) -> str:
    """Where the exercise's SVG lives; illustrations sit in resources/illustrations/."""
    return str(resource_path("illustrations", exercise.illustration))


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled from the system font (never a fixed pixel size)."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """What the plan view shows above the exercise list."""

    verdict: Verdict
    phase: int
    programme_name: str
    programme_summary: str
    minutes: int
    blocked_message: str = ""  # non-empty: strength work waits (urgent referral)
    pause_message: str = ""  # non-empty: only the phase-1 holds are offered, and why
    note: str = ""  # extra line, e.g. sessions done this week
    #: a check-in today or yesterday backs the running advice
    checked_in: bool = True
    #: the verdict's sentence for today (ui/verdicts.sentence_for); empty: the usual one
    sentence: str = ""
    #: the verdict's headline for today (ui/verdicts.word_for); empty: the usual one
    word: str = ""


class ExerciseRow(QFrame):
    """One planned exercise: picture, name, dose, and the easier/harder swap buttons."""

    swap = Signal(str, str)  # base exercise id, the variant's exercise id

    def __init__(
        self,
        item: PlannedExercise,
        index: int,
        choices: Mapping[str, Exercise],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        picture = QSvgWidget(illustration_path(item.exercise))
        picture.setFixedSize(QSize(THUMB, THUMB))
        picture.setAccessibleName(self.tr("Picture of %s") % item.exercise.name)
        layout.addWidget(picture)
        text = QVBoxLayout()
        self.name_label = QLabel(f"{index}. {item.exercise.name}")
        self.name_label.setFont(scaled_font(self, 1.15, bold=True))
        self.name_label.setWordWrap(True)  # a narrow window or a large font: wrap, not cut
        text.addWidget(self.name_label)
        self.dose_label = QLabel(item.describe())
        self.dose_label.setWordWrap(True)
        text.addWidget(self.dose_label)
        extra = [note for note in (item.change_note, item.load_note) if note]
        if extra:
            note = QLabel(" · ".join(extra))
            note.setWordWrap(True)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            text.addWidget(note)
        layout.addLayout(text, 1)
        base = item.base_id or item.exercise_id
        swaps = QVBoxLayout()  # one above the other: the text keeps the width
        swaps.addStretch(1)
        layout.addLayout(swaps)
        self.easier_button = QPushButton(self.tr("Easier"))
        self.harder_button = QPushButton(self.tr("Harder"))
        for button, direction in (
            (self.easier_button, "easier"),
            (self.harder_button, "harder"),
        ):
            target = choices.get(direction)
            button.setEnabled(target is not None)
            if target is not None:
                button.setAccessibleName(self.tr("Swap for %s") % target.name)
                button.setToolTip(self.tr("Swap for %s") % target.name)
            else:
                button.setAccessibleName(
                    self.tr("No easier variant")
                    if direction == "easier"
                    else self.tr("No harder variant")
                )
            button.clicked.connect(
                lambda _=False, t=target: t is not None and self.swap.emit(base, t.id)
            )
            swaps.addWidget(button)
        swaps.addStretch(1)
        self.setToolTip(item.exercise.summary)


class PlanView(QWidget):
    """Today's session at a glance, with a big Start button."""

    start_requested = Signal()
    swap_requested = Signal(str, str)  # base exercise id, the variant's exercise id
    reset_swaps = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        header = QGridLayout()
        self.verdict_icon = QLabel()
        self.verdict_icon.setFixedSize(QSize(32, 32))
        header.addWidget(self.verdict_icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel()
        self.title_label.setFont(scaled_font(self, 1.5, bold=True))
        self.title_label.setWordWrap(True)
        header.addWidget(self.title_label, 0, 1)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        header.addWidget(self.summary_label, 1, 1)
        header.setColumnStretch(1, 1)
        layout.addLayout(header)

        self.blocked_label = QLabel()
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setObjectName("blocked")
        self.blocked_label.setAccessibleName(self.tr("Why strength work waits"))
        layout.addWidget(self.blocked_label)

        self.list_area = QScrollArea()
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_area.setAccessibleName(self.tr("Today's exercises"))
        self._list_host = QWidget()
        self._list = QVBoxLayout(self._list_host)
        self._list.setContentsMargins(0, 0, 0, 0)
        self.list_area.setWidget(self._list_host)
        layout.addWidget(self.list_area, 1)
        # takes the list's room while the list is hidden (strength work paused), so the
        # heading and the reason keep their own heights instead of sharing it out
        layout.addStretch(0)

        buttons = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("Undo my swaps"))
        self.reset_button.setAccessibleName(self.tr("Go back to the planned exercises"))
        self.reset_button.clicked.connect(self.reset_swaps)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("Start session"))
        self.start_button.setIcon(icon("start"))
        self.start_button.setFont(scaled_font(self, 1.4, bold=True))
        self.start_button.setMinimumHeight(self.start_button.sizeHint().height() * 3 // 2)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.start_button.setAccessibleName(self.tr("Start today's strength session"))
        self.start_button.setAutoDefault(True)  # Enter on it starts, as Space does
        self.start_button.clicked.connect(self.start_requested)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        self.rows: list[ExerciseRow] = []

    def show_plan(
        self,
        summary: PlanSummary,
        plan: Sequence[PlannedExercise],
        choices: Sequence[Mapping[str, Exercise]],
        *,
        swapped: bool,
    ) -> None:
        colour = verdict_colour(summary.verdict).name()
        if summary.blocked_message:  # nothing is offered: no phase to name
            title = self.tr("Today: strength work paused")
        else:
            title = self.tr("Today: phase {phase}, {name}").format(
                phase=summary.phase, name=summary.programme_name
            )
        self.title_label.setText(title)
        checked_in = summary.checked_in
        if checked_in:
            word = summary.word or verdict_word(summary.verdict)
            self.verdict_icon.setPixmap(verdict_pixmap(summary.verdict, 32))
            self.verdict_icon.setAccessibleName(word)
            running = "<span style='color:{colour}'><b>{head}</b></span> {sentence}".format(
                colour=colour,
                head=self.tr("Running today: {verdict}.").format(verdict=word),
                sentence=summary.sentence or verdict_sentence(summary.verdict),
            )
        else:  # no recent answers: a verdict would only be a guess
            self.verdict_icon.clear()
            running = "<b>{}</b>".format(
                self.tr("Check in on the Today tab for today's running advice.")
            )
        lines = [running]
        if not summary.blocked_message:  # nothing is offered: no session to describe
            lines += [
                summary.programme_summary,
                self.tr("About {minutes} minutes, {exercises}.").format(
                    minutes=summary.minutes,
                    exercises=counted(len(plan), self.tr("1 exercise"),
                                      self.tr("%n exercises", "", len(plan))),
                ),
            ]
        if summary.note:
            lines.append(summary.note)
        self.summary_label.setText("<br>".join(line for line in lines if line))
        shown = summary.blocked_message or summary.pause_message
        self.blocked_label.setText(shown)
        self.blocked_label.setVisible(bool(shown))
        if shown:
            self.blocked_label.setStyleSheet(
                f"#blocked {{ border: 2px solid {colour}; border-radius: 6px; padding: 8px; }}"
            )
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        while self._list.count():
            self._list.takeAt(0)
        for index, item in enumerate(plan, start=1):
            row = ExerciseRow(item, index, choices[index - 1])
            row.swap.connect(self.swap_requested)
            row.setEnabled(not summary.blocked_message)
            self._list.addWidget(row)
            self.rows.append(row)
        self._list.addStretch(1)
        self.list_area.setVisible(not summary.blocked_message)
        self.start_button.setEnabled(bool(plan) and not summary.blocked_message)
        self.reset_button.setVisible(swapped and not summary.blocked_message)
