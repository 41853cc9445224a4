"""The daily check-in form for one date: pain, how it behaved, warning signs, running form,
recovery, and (the morning after a strength session) how the hamstring answered it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import (
    CheckIn,
    Run,
    StrengthSession,
    ValidationError,
    check_not_future,
)
from hamstring_app.store import operations as op
from hamstring_app.ui.checkin.fields import (
    FieldErrors,
    day_phrase,
    day_words,
    error_label,
    format_number,
    from_qdate,
    parse_number,
    reveal,
    to_qdate,
)
from hamstring_app.ui.checkin.questions import CheckInQuestions
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.widgets.date_field import DateField
from hamstring_app.ui.widgets.pain import ChoiceStrip

log = logging.getLogger(__name__)

NEXT_MORNING_DAYS = (1, 2)
"""A strength session this many days before the check-in gets a next-morning question."""


class CheckInForm(CheckInQuestions):
    """One check-in per date: opening a date that has one edits it."""

    saved = Signal(object)  # CheckIn, after it is written and the change announced
    day_changed = Signal(object)  # date

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinForm")
        self.ctx = ctx
        self.errors = FieldErrors()
        self._loading = False
        self._dirty = False
        self._day = ctx.clock.today()
        self._existing: CheckIn | None = None
        self._strength: StrengthSession | None = None
        self._loads = 0
        self._build()
        self.load()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._build_date_bar())
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("formIntro")
        outer.addWidget(self.intro)

        self.build_questions(outer)
        self.general_error = error_label()
        outer.addWidget(self.general_error)
        outer.addStretch(1)

        for widget in self._answer_widgets():
            if isinstance(widget, ChoiceStrip):
                widget.valueChanged.connect(self._mark_dirty)
        self.fatigue.valueChanged.connect(self._mark_dirty)
        self.sleep.textEdited.connect(self._mark_dirty)
        self.note.textEdited.connect(self._mark_dirty)
        self.ran.valueChanged.connect(self._ran_changed)
        self._set_tab_order()

    def _build_date_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setAccessibleName(self.tr("Previous day"))
        self.prev_button.setToolTip(self.tr("Previous day (Alt+Left)"))
        # day, month and year as the locale writes them (no weekday: the heading says
        # it); a typed date loads on Enter or on leaving the box, never per keystroke
        self.date_edit = DateField()
        self.date_edit.setAccessibleName(self.tr("Check-in date"))
        self.date_edit.setToolTip(
            self.tr("Ctrl+D to type a date; Alt+Left and Alt+Right for the day before or after")
        )
        self.date_edit.setDate(to_qdate(self._day))
        # out of the Tab chain, so a check-in starts at its first question
        self.date_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setAccessibleName(self.tr("Next day"))
        self.next_button.setToolTip(self.tr("Next day (Alt+Right)"))
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.save_button = QPushButton(self.tr("Save check-in"))
        self.save_button.setAccessibleName(self.tr("Save check-in"))
        self.save_button.setToolTip(self.tr("Enter or Ctrl+S"))
        self.save_button.setDefault(True)
        self.date_heading = QLabel()
        self.date_heading.setObjectName("dateHeading")
        font = self.date_heading.font()
        font.setBold(True)
        self.date_heading.setFont(font)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.date_heading, 1)
        bar.addWidget(self.save_button)

        self.date_error = error_label()
        self.errors.register("date", self.date_error, self.date_edit)
        self.errors.register("day", self.date_error, self.date_edit)

        self.prev_button.clicked.connect(lambda: self.set_day(self._day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self._day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self.ctx.clock.today()))
        self.date_edit.dateChanged.connect(lambda qd: self.set_day(from_qdate(qd)))
        self.date_edit.invalidEntered.connect(self._date_not_understood)
        self.save_button.clicked.connect(self.save)
        for button in (self.prev_button, self.next_button, self.today_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached by their shortcuts
        self._day_shortcuts: list[QShortcut] = []
        self.install_day_shortcuts(self)
        column = QVBoxLayout()
        column.addLayout(bar)
        column.addWidget(self.date_error)
        wrapper = QHBoxLayout()
        wrapper.addLayout(column)
        return wrapper

    def install_day_shortcuts(self, host: QWidget) -> None:
        """Ctrl+D, Alt+Left and Alt+Right wherever the focus is inside ``host`` (the tab
        moves them up to itself, so they work from the runs and the history too)."""
        for old in self._day_shortcuts:
            old.setEnabled(False)
            old.deleteLater()
        self._day_shortcuts = []
        for keys, slot, what in (
            (QKeySequence("Ctrl+D"), self.focus_date, self.tr("Type a check-in date")),
            (QKeySequence("Alt+Left"), self.prev_button.click, self.tr("Previous day")),
            (QKeySequence("Alt+Right"), self.next_button.click, self.tr("Next day")),
        ):
            shortcut = QShortcut(keys, host)
            shortcut.setWhatsThis(what)  # listed under Help > Keyboard shortcuts
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._day_shortcuts.append(shortcut)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self._answer_widgets(),
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        return self._dirty

    def day(self) -> date:
        return self._day

    def existing(self) -> CheckIn | None:
        return self._existing

    def strength_session(self) -> StrengthSession | None:
        """The strength session whose next-morning answer this check-in asks for."""
        return self._strength

    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    def _ran_changed(self, value: object) -> None:
        no_run = value is False
        self.pain_run.setEnabled(not no_run)
        self.pain_run_label.setEnabled(not no_run)
        self.eased.setEnabled(not no_run)
        self.no_run_hint.setVisible(no_run)
        if no_run:
            self.pain_run.clear()
            self.eased.clear()

    def focus_first(self) -> None:
        """Put the keyboard on the first question (pain at rest)."""
        self.pain_rest.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_date(self) -> None:
        """Ctrl+D: type a date; Enter then goes to the first question."""
        self.date_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.date_edit.selectAll()

    def _date_not_understood(self, text: str) -> None:
        example = to_qdate(self.ctx.clock.today()).toString(self.date_edit.displayFormat())
        self.date_error.setText(
            self.tr("“%s” is not a date I can read. Type it like %s, or press Up and Down.")
            % (text, example)
        )
        self.date_error.show()

    def set_day(self, day: date, *, ask: bool = True, focus: bool = True) -> bool:
        """Show ``day``. With unsaved changes, ask first (save, discard or stay).

        With ``focus``, the keyboard moves to the first question, unless a date is being
        typed in the date box."""
        if day == self._day:
            self._sync_date_edit()
            return True
        if ask and self._dirty and not self._resolve_unsaved():
            self._sync_date_edit()
            return False
        self._day = day
        self._sync_date_edit()
        self.load()
        self.less_common.fold_unless_yes()
        self.day_changed.emit(day)
        if focus and not self.date_edit.hasFocus():
            self.focus_first()
        return True

    def _sync_date_edit(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(to_qdate(self._day))
        self.date_edit.blockSignals(False)

    def _resolve_unsaved(self) -> bool:
        """True when it is fine to move on: saved, discarded, or nothing lost."""
        answer = ask_unsaved(self, day_words(self._day, self.ctx.clock.today()))
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------------ load

    def load(self) -> None:
        """Fill the form from the store for the current date."""
        self._loads += 1
        today = self.ctx.clock.today()
        repo = self.ctx.repo
        self._existing = repo.get_checkin(self._day) if self._day <= today else None
        self._strength = self._find_strength_session()
        self._loading = True
        try:
            self.errors.clear()
            self.general_error.hide()
            self._fill(self._existing)
            self._fill_defaults(self._existing)
            self._fill_strength()
        finally:
            self._loading = False
        self._dirty = False
        self._update_heading(today)

    def _find_strength_session(self) -> StrengthSession | None:
        day = self._day
        sessions = self.ctx.repo.list_strength_sessions(
            day - timedelta(days=max(NEXT_MORNING_DAYS)), day - timedelta(days=1)
        )
        sessions = tuple(s for s in sessions if s.day < day and s.sets)
        if not sessions:
            return None
        latest = max(sessions, key=lambda s: (s.day, s.id or 0))
        if (day - latest.day).days not in NEXT_MORNING_DAYS:
            return None
        if latest.pain_next_morning is not None and self._existing is None:
            return None  # already answered, and this is not a check-in being edited
        return latest

    def _fill(self, checkin: CheckIn | None) -> None:
        c = checkin or CheckIn(day=self._day)
        self.pain_rest.setValue(c.pain_rest)
        self.pain_morning.setValue(c.pain_next_morning)
        self.ran.setValue(c.ran)
        self._ran_changed(c.ran)
        self.pain_run.setValue(c.pain_run)
        self.eased.setValue(c.eased_during_run)
        self.settled.setValue(c.settled_within_24h)
        for name, widget in (*self.red_flags.items(), *self.overstride.items()):
            widget.setValue(getattr(c, name))
        self.fatigue.setValue(-1 if c.fatigue is None else c.fatigue)
        self.sleep.setText(format_number(c.sleep_hours, 1))
        self.note.setText(c.note)

    def _fill_defaults(self, existing: CheckIn | None) -> None:
        """A new check-in starts with fatigue and sleep from the last one (never pain or
        warning signs); a day with runs logged starts with "ran" answered yes."""
        self.carried_hint.hide()
        self.run_pain_hint.hide()
        if existing is not None:
            return
        runs = self.ctx.repo.runs_on(self._day)
        if runs:
            self.ran.setValue(True)
            self._ran_changed(True)
            self.take_run_pain(runs)
        last = self.ctx.repo.last_checkin_before(self._day)
        if last is None:
            return
        carried = False
        if last.fatigue is not None:
            self.fatigue.setValue(last.fatigue)
            carried = True
        if last.sleep_hours is not None:
            self.sleep.setText(format_number(last.sleep_hours, 1))
            carried = True
        if carried:
            self.carried_hint.setText(
                self.tr("Fatigue and sleep are copied from %s. Change them if today differs.")
                % day_words(last.day, self.ctx.clock.today())
            )
            self.carried_hint.show()

    def take_run_pain(self, runs: Sequence[Run]) -> bool:
        """Pain during the run is asked once: an unanswered "During the run" takes the
        worst pain logged with the day's runs, and says so."""
        pains = [r.pain for r in runs if r.pain is not None and r.day == self._day]
        if not pains or self.pain_run.value() is not None or self.ran.value() is False:
            return False
        self.pain_run.setValue(max(pains))
        self.run_pain_hint.setText(
            self.tr("Filled in from your run (%d/10). Change it if the run felt different.")
            % max(pains)
        )
        self.run_pain_hint.show()
        return True

    def _fill_strength(self) -> None:
        session = self._strength
        self.strength_box.setVisible(session is not None)
        if session is None:
            self.strength_pain.clear()
            return
        when = day_phrase(session.day, self.ctx.clock.today())
        self.strength_question.setText(
            self.tr(
                "You did a strength session %s. How did your hamstring feel the next "
                "morning? Your answer guides how your exercises progress."
            )
            % when
        )
        self.strength_pain.setValue(session.pain_next_morning)

    def _update_heading(self, today: date) -> None:
        self.next_button.setEnabled(self._day < today)
        self.today_button.setEnabled(self._day != today)
        words = day_words(self._day, today)
        self.speak_of_day(day_phrase(self._day, today) if self._day <= today else words)
        if self._day > today:
            self.intro.setText(self.tr("This date has not happened yet."))
            self.date_error.setText(
                self.tr("%s is in the future. Check in for today or an earlier day.")
                % day_text(self._day)
            )
            self.date_error.show()
        elif self._existing is not None:
            self.intro.setText(
                self.tr("You already checked in %s. Change anything and save again.")
                % day_phrase(self._day, today)
            )
        else:
            self.intro.setText(
                self.tr("How is your hamstring? Leave anything you are not sure about "
                        "unanswered. Enter saves.")
            )
        self.date_heading.setText(words)

    # ------------------------------------------------------------------ save

    def collect(self) -> CheckIn:
        """The check-in the form describes. Raises ValidationError naming the field."""
        check_not_future("date", self._day, self.ctx.clock.today())
        fatigue = self.fatigue.value()
        ran = self.ran.value()
        return CheckIn(
            day=self._day,
            pain_rest=self.pain_rest.value(),  # type: ignore[arg-type]
            pain_run=None if ran is False else self.pain_run.value(),  # type: ignore[arg-type]
            pain_next_morning=self.pain_morning.value(),  # type: ignore[arg-type]
            ran=ran,  # type: ignore[arg-type]
            eased_during_run=None if ran is False else self.eased.value(),  # type: ignore[arg-type]
            settled_within_24h=self.settled.value(),  # type: ignore[arg-type]
            **{name: w.value() for name, w in self.red_flags.items()},  # type: ignore[arg-type]
            **{name: w.value() for name, w in self.overstride.items()},  # type: ignore[arg-type]
            fatigue=None if fatigue < 0 else fatigue,
            sleep_hours=parse_number("sleep_hours", self.sleep.text(), what="a number of hours"),
            note=self.note.text().strip(),
        )

    def save(self) -> bool:
        """Check and write the check-in. Nothing is written when anything is wrong."""
        self.errors.clear()
        self.general_error.hide()
        try:
            checkin = self.collect()
        except ValidationError as exc:
            self.errors.show(exc, self.general_error)
            return False
        session = self._strength
        strength_pain = self.strength_pain.value() if session is not None else None
        with_session = (
            session is not None
            and session.id is not None
            and strength_pain != session.pain_next_morning
            and (strength_pain is not None or self._existing is not None)
        )
        loads = self._loads
        was_dirty, self._dirty = self._dirty, False  # saved, as the tabs hear of it
        outcome = self.ctx.ops.run(
            op.save_checkin,
            checkin,
            session=session if with_session else None,
            session_pain=strength_pain,  # type: ignore[arg-type]
        )
        if not outcome.ok:
            self._dirty = was_dirty
            if isinstance(outcome.error, ValidationError):
                self.errors.show(outcome.error, self.general_error)
            else:
                self.general_error.setText(
                    self.tr("The check-in could not be saved: %s Your answers are still "
                            "here; try again.") % outcome.message
                )
                self.general_error.show()
                reveal(self.general_error)  # below the questions: bring it into view
            return False
        self.ctx.events.status_message.emit(self.saved_words(checkin.day))
        if self._loads == loads:  # nobody reloaded the form in answer to the change
            self.load()
        self.saved.emit(checkin)
        return True

    def saved_words(self, day: date) -> str:
        """The status line after a save, e.g. "Today's check-in is saved."."""
        today = self.ctx.clock.today()
        if day == today:
            return self.tr("Today's check-in is saved.")
        if day == today - timedelta(days=1):
            return self.tr("Yesterday's check-in is saved.")
        return self.tr("The check-in for %s is saved.") % day_words(day)

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if self.date_edit.hasFocus():  # the date is chosen: on to the questions
                if self.date_edit.commit():
                    self.focus_first()
            else:
                self.save()
            event.accept()
            return
        super().keyPressEvent(event)


def ask_unsaved(parent: QWidget, day_text: str) -> QMessageBox.StandardButton:
    """Ask what to do with unsaved answers. Tests replace this function."""
    return QMessageBox.question(
        parent,
        CheckInForm.tr("Unsaved check-in"),
        CheckInForm.tr("You changed the check-in for %s but did not save it. Save it now?")
        % day_text,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
