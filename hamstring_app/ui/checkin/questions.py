"""The check-in's questions, grouped as a runner thinks about them: pain, the strength
session's next morning, warning signs, recovery and running form. The form (form.py) adds
the date, loading and saving."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import MAX_NOTE_CHARS
from hamstring_app.ui.checkin.fields import FieldErrors
from hamstring_app.ui.checkin.less_common import LessCommonSigns
from hamstring_app.ui.widgets.pain import PainScale, YesNo


class Questions(QObject):
    """The translation context of the warning-sign questions."""


def red_flag_questions() -> list[tuple[str, str, str]]:
    """The warning-sign questions: (CheckIn field, short question, the sign in words)."""
    return [
        ("sharp_pain", Questions.tr("Sharp pain?"), Questions.tr("Sharp pain")),
        (
            "pain_increases_with_speed",
            Questions.tr("Worse as you speed up?"),
            Questions.tr("Pain that increases with speed"),
        ),
        (
            "gait_changed",
            Questions.tr("Changed how you run?"),
            Questions.tr("Pain that changed how you run"),
        ),
        (
            "pain_in_daily_activities",
            Questions.tr("Pain walking, on stairs, sitting?"),
            Questions.tr("Pain in daily activities: walking, stairs or sitting"),
        ),
        (
            "sudden_onset_with_weakness",
            Questions.tr("Sudden, with weakness?"),
            Questions.tr("Sudden onset with weakness"),
        ),
        (
            "nerve_signs",
            Questions.tr("Tingling, numb, or below the knee?"),
            Questions.tr("Tingling, numbness or pain below the knee"),
        ),
    ]


def less_common_questions() -> list[tuple[str, str, str]]:
    """The less common warning signs, asked one click away (ui/checkin/less_common.py)."""
    return [
        (
            "bruising_after_sudden_pain",
            Questions.tr("Bruising after a sudden pain?"),
            Questions.tr("Bruising at the back of the thigh after a sudden pain"),
        ),
        (
            "difficulty_walking",
            Questions.tr("Hard to walk or to sit?"),
            Questions.tr("Difficulty walking or sitting"),
        ),
        (
            "foot_weakness",
            Questions.tr("Weakness in the foot?"),
            Questions.tr("Weakness in the foot"),
        ),
        (
            "night_or_rest_pain",
            Questions.tr("Night or rest pain that won't ease?"),
            Questions.tr("Pain at night or at rest that does not ease"),
        ),
        (
            "feeling_unwell",
            Questions.tr("Feeling unwell or feverish?"),
            Questions.tr("Feeling unwell or feverish with the pain"),
        ),
    ]


def red_flag_phrases() -> dict[str, str]:
    """CheckIn warning-sign field -> the sign in words (every sign the check-in asks)."""
    return {
        name: spoken for name, _text, spoken in (*red_flag_questions(), *less_common_questions())
    }


def _left(widget: QWidget) -> QWidget:
    """``widget`` at its own width, on the left of its row."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget)
    row.addStretch(1)
    return box


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return form


class CheckInQuestions(QWidget):
    """Every answer widget of the check-in, each with an error label next to it."""

    errors: FieldErrors

    def speak_of_day(self, when: str) -> None:
        """Questions in words for the day shown: ``when`` is "today", "yesterday" or
        e.g. "on Mon 16 Mar" (past days never say "today")."""
        self.pain_rest_label.setText(self.tr("&At rest %s") % when)
        self.pain_rest.setAccessibleName(self.tr("Pain at rest %s, 0 to 10") % when)
        self.ran_label.setText(self.tr("Did you &run %s?") % when)
        self.ran.setAccessibleName(self.tr("Did you run %s") % when)
        self.no_run_hint.setText(self.tr("No run %s: nothing to score for the run.") % when)

    def build_questions(self, outer: QVBoxLayout) -> None:
        self.pain_rest = PainScale(self.tr("Pain at rest today, 0 to 10"))
        self.pain_morning = PainScale(self.tr("Pain or stiffness on waking, 0 to 10"))
        self.ran = YesNo(self.tr("Did you run today"))
        self.pain_run = PainScale(self.tr("Pain during the run, 0 to 10"))
        self.eased = YesNo(self.tr("Did it ease as the run went on"))
        self.settled = YesNo(self.tr("Did it settle within 24 hours of your last run"))

        pain_box = QGroupBox(self.tr("Pain"))
        form = _form()
        pain_box.setLayout(form)
        self.pain_rest_label = self.errors.add_row(
            form, self.tr("&At rest today"), self.pain_rest, "pain_rest"
        )
        self.errors.add_row(
            form, self.tr("Sore or stiff on &waking"), self.pain_morning,
            "pain_next_morning",
        )
        self.ran_label = self.errors.add_row(form, self.tr("Did you &run today?"), self.ran,
                                             "ran")
        self.no_run_hint = QLabel(self.tr("No run today: nothing to score for the run."))
        self.no_run_hint.setEnabled(False)
        self.no_run_hint.hide()
        self.pain_run_label = self.errors.add_row(
            form, self.tr("&During the run"), self.pain_run, "pain_run"
        )
        form.addRow("", self.no_run_hint)
        self.run_pain_hint = QLabel()
        self.run_pain_hint.setWordWrap(True)
        self.run_pain_hint.setEnabled(False)
        self.run_pain_hint.hide()
        form.addRow("", self.run_pain_hint)
        self.errors.add_row(form, self.tr("Eased as &you went on?"), self.eased,
                            "eased_during_run")
        self.errors.add_row(
            form, self.tr("&Settled within a day?"), self.settled, "settled_within_24h"
        )
        outer.addWidget(pain_box)

        self.strength_box = QGroupBox(self.tr("After your strength session"))
        strength_form = _form()
        self.strength_box.setLayout(strength_form)
        self.strength_question = QLabel()
        self.strength_question.setWordWrap(True)
        strength_form.addRow(self.strength_question)
        self.strength_pain = PainScale(
            self.tr("Pain or stiffness the morning after the strength session, 0 to 10")
        )
        self.errors.add_row(
            strength_form, self.tr("Next &morning"), self.strength_pain, "session_next_morning"
        )
        self.strength_box.hide()
        outer.addWidget(self.strength_box)

        flags_box = QGroupBox(self.tr("Warning signs"))
        flags_form = _form()
        flags_box.setLayout(flags_form)
        # said in a wrapping line, not the box title, so a large font never widens the form
        self.flags_rule = QLabel(self.tr("Any of these means stop and get it checked."))
        self.flags_rule.setWordWrap(True)
        flags_form.addRow(self.flags_rule)
        self.red_flags: dict[str, YesNo] = {}
        # most days the answer to every sign is No: one key says so (Tab, then Space)
        self.no_flags_button = QPushButton(self.tr("None of these"))
        self.no_flags_button.setAccessibleName(self.tr("None of these warning signs"))
        self.no_flags_button.setToolTip(
            self.tr("Answer No to every warning sign, the less common ones too, then go on")
        )
        self.no_flags_button.setAutoDefault(False)
        self.no_flags_button.clicked.connect(self._no_red_flags)
        flags_form.addRow("", _left(self.no_flags_button))
        for name, text, spoken in red_flag_questions():
            widget = YesNo(spoken)
            self.red_flags[name] = widget
            self.errors.add_row(flags_form, text, widget, name)
        self.less_common = LessCommonSigns(less_common_questions(), self.errors, flags_form)
        self.red_flags.update(self.less_common.widgets)  # loaded and saved with the six
        outer.addWidget(flags_box)

        recovery_box = QGroupBox(self.tr("Recovery"))
        recovery_form = _form()
        recovery_box.setLayout(recovery_form)
        self.fatigue = QSpinBox()
        self.fatigue.setRange(-1, 10)
        self.fatigue.setSpecialValueText(self.tr("not answered"))
        self.fatigue.setSuffix(self.tr(" / 10"))
        self.fatigue.setAccessibleName(self.tr("Fatigue, 0 fresh to 10 exhausted"))
        self.fatigue.setToolTip(self.tr("0 fresh, 10 exhausted"))
        self.errors.add_row(recovery_form, self.tr("Fati&gue (10 exhausted)"),
                            self.fatigue, "fatigue")
        self.sleep = QLineEdit()
        self.sleep.setPlaceholderText(self.tr("e.g. 7.5"))
        self.sleep.setAccessibleName(self.tr("Hours of sleep last night"))
        self.errors.add_row(recovery_form, self.tr("S&leep (hours)"), self.sleep,
                            "sleep_hours")
        self.carried_hint = QLabel()
        self.carried_hint.setWordWrap(True)
        self.carried_hint.setEnabled(False)
        self.carried_hint.hide()
        recovery_form.addRow("", self.carried_hint)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.note.setPlaceholderText(self.tr("Anything worth remembering (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.errors.add_row(recovery_form, self.tr("N&ote"), self.note, "note")
        outer.addWidget(recovery_box)

        form_box = QGroupBox(self.tr("Running form you noticed (optional)"))
        stride_form = _form()
        form_box.setLayout(stride_form)
        self.overstride: dict[str, YesNo] = {}
        for name, text, spoken in (
            ("overstride_long_stride", self.tr("Long stride?"), self.tr("Long stride")),
            (
                "overstride_loud_landing",
                self.tr("Loud or heavy landing?"),
                self.tr("Loud or heavy landing"),
            ),
            (
                "overstride_heel_ahead",
                self.tr("Heel far ahead of you?"),
                self.tr("Heel landing far ahead of the body"),
            ),
        ):
            widget = YesNo(spoken)
            self.overstride[name] = widget
            self.errors.add_row(stride_form, text, widget, name)
        outer.addWidget(form_box)

    def _no_red_flags(self) -> None:
        for flag in self.red_flags.values():
            flag.setValue(False)
        self.fatigue.setFocus(Qt.FocusReason.TabFocusReason)

    def _answer_widgets(self) -> list[QWidget]:
        return [
            self.pain_rest,
            self.pain_morning,
            self.ran,
            self.pain_run,
            self.eased,
            self.settled,
            self.strength_pain,
            self.no_flags_button,
            *(w for name, w in self.red_flags.items() if name not in self.less_common.widgets),
            self.less_common.toggle,
            *self.less_common.widgets.values(),
            self.fatigue,
            self.sleep,
            self.note,
            *self.overstride.values(),
        ]
