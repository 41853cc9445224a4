"""The Today tab's prompt for runs the watched folder brought in: "2 new runs from your
watch: how did the hamstring feel?", with pain and RPE to fill in for each."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import Run, Units
from hamstring_app.store import operations as op
from hamstring_app.ui.checkin.fields import day_words
from hamstring_app.ui.checkin.runs import run_summary
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.texts import counted
from hamstring_app.ui.theme import error_colour
from hamstring_app.ui.widgets.pain import PainScale

SHOWN = 5  # runs listed at once; the rest follow as these are answered


class _RunAnswer(QWidget):
    def __init__(self, prompt: NewRunsPrompt, run: Run, units: Units) -> None:
        super().__init__()
        self.run = run
        self._prompt = prompt
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        today = prompt.ctx.clock.today()
        self.label = QLabel(f"{day_words(run.day, today)}: {run_summary(run, units)}")
        self.label.setWordWrap(True)
        grid.addWidget(self.label, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Pain during the run")), 1, 0)
        self.pain = PainScale(self.tr("Pain during this run, 0 to 10"))
        self.pain.setValue(run.pain)
        grid.addWidget(self.pain, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Effort (RPE)")), 2, 0)
        self.rpe = QSpinBox()
        self.rpe.setRange(-1, 10)
        self.rpe.setSpecialValueText(self.tr("not given"))
        self.rpe.setSuffix(" / 10")
        self.rpe.setAccessibleName(self.tr("Effort of this run, 0 to 10"))
        self.rpe.setValue(-1 if run.rpe is None else run.rpe)
        grid.addWidget(self.rpe, 2, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save pain and effort for this run"))
        self.skip_button = QPushButton(self.tr("Keep without"))
        self.skip_button.setAccessibleName(self.tr("Keep this run without pain and effort"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.skip_button)
        grid.addLayout(buttons, 2, 2)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {error_colour().name()};")
        self.error.hide()
        grid.addWidget(self.error, 3, 0, 1, 3)
        self.save_button.clicked.connect(lambda: self._save(answered=True))
        self.skip_button.clicked.connect(lambda: self._save(answered=False))

    def _save(self, *, answered: bool) -> None:
        rpe = self.rpe.value()
        changed = replace(self.run, needs_review=False)
        if answered:
            changed = replace(changed, pain=self.pain.value(), rpe=None if rpe < 0 else rpe)
        outcome = self._prompt.ctx.ops.run(op.update_run, changed)
        if not outcome.ok:
            self.error.setText(outcome.message)
            self.error.show()


class NewRunsPrompt(QGroupBox):
    """Hidden while no imported run waits for review."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newRunsPrompt")
        self._layout = QVBoxLayout(self)
        self.answers: list[_RunAnswer] = []
        self.hide()

    def waiting(self) -> list[Run]:
        return [run for run in self.ctx.history.get().runs if run.needs_review]

    def load(self) -> None:
        runs = self.waiting()
        for answer in self.answers:
            answer.deleteLater()
        self.answers = []
        if not runs:
            self.hide()
            return
        history = self.ctx.history.get()
        units = history.profile.units if history.profile is not None else Units.KM
        title = counted(
            len(runs),
            self.tr("1 new run from your watch: how did the hamstring feel?"),
            self.tr("%n new runs from your watch: how did the hamstring feel?", "", len(runs)),
        )
        self.setTitle(title)
        self.setAccessibleName(title)
        for run in runs[-SHOWN:][::-1]:  # newest first
            answer = _RunAnswer(self, run, units)
            self._layout.addWidget(answer)
            self.answers.append(answer)
        self.show()
