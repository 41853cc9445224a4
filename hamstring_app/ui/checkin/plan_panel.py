"""Today's run, the return-to-run ladder and the week ahead, under the verdict.

Shows ``assessment.prescription`` (core.runplan): the run in numbers with its notes and an
expandable "why", the ladder step and what moves it, the week strip (moving a session saves
the move in the settings: see :meth:`PlanPanel.move_session`) and the cadence metronome when
there is a cadence target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from hamstring_app.core.models import Units, Verdict
from hamstring_app.core.rules import Assessment
from hamstring_app.core.runplan import Move, PlanDay, Prescription, apply_moves, move_problem
from hamstring_app.core.runplan.caps import cap_text
from hamstring_app.core.runplan.week import PAUSED, moves_from_text, moves_to_text
from hamstring_app.store import operations as op
from hamstring_app.ui.checkin.week_strip import KIND_VERDICT, WeekStrip
from hamstring_app.ui.checkin.why_text import why_lines
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.dates import day_month_text, localise_dates
from hamstring_app.ui.theme import verdict_colour, verdict_fill
from hamstring_app.ui.widgets.metronome import ClickSink, Metronome
from hamstring_app.ui.widgets.restyle import set_sheet

_WHY_WORDS = {
    "verdict": QT_TRANSLATE_NOOP("PlanPanel", "Today's verdict"),
    "referral": QT_TRANSLATE_NOOP("PlanPanel", "Referral"),
    "longest_previous_30d_km": QT_TRANSLATE_NOOP(
        "PlanPanel", "Longest run in the 30 days before today"
    ),
    "guard_pct": QT_TRANSLATE_NOOP("PlanPanel", "Longest a run may grow"),
    "guard_km": QT_TRANSLATE_NOOP("PlanPanel", "Single-run cap"),
    "weekly_cap_pct": QT_TRANSLATE_NOOP("PlanPanel", "Most a week may grow"),
    "weekly_cap_km": QT_TRANSLATE_NOOP("PlanPanel", "This week's cap"),
    "km_last_6_days": QT_TRANSLATE_NOOP("PlanPanel", "Run in the last 6 days"),
    "km_logged_today": QT_TRANSLATE_NOOP("PlanPanel", "Logged today"),
    "hold_fraction": QT_TRANSLATE_NOOP("PlanPanel", "Share of your longest run on hold"),
    "ladder_step": QT_TRANSLATE_NOOP("PlanPanel", "Ladder step"),
    "ladder_of": QT_TRANSLATE_NOOP("PlanPanel", "Ladder steps"),
    "ladder_runs_done": QT_TRANSLATE_NOOP("PlanPanel", "Good runs at this step"),
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PlanPanel(QWidget):
    """``show_assessment(assessment, units)`` fills it; ``clear()`` hides it."""

    def __init__(
        self, ctx: AppContext, sink: ClickSink | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("planPanel")
        self.prescription: Prescription | None = None
        self.week: tuple[PlanDay, ...] = ()
        self.units = Units.KM
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.setSpacing(6)

        self.caption = QLabel(self.tr("Today's run"))
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        layout.addWidget(self.caption)

        self.run_box = QFrame()
        self.run_box.setObjectName("runBox")
        run_layout = QVBoxLayout(self.run_box)
        run_layout.setContentsMargins(10, 6, 10, 6)
        self.summary = QLabel()
        self.summary.setObjectName("runSummary")
        self.summary.setWordWrap(True)
        big = self.summary.font()
        big.setBold(True)
        if big.pointSizeF() > 0:
            big.setPointSizeF(big.pointSizeF() * 1.15)
        self.summary.setFont(big)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.why_button = QToolButton()
        self.why_button.setText(self.tr("Why?"))
        self.why_button.setCheckable(True)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.setAccessibleName(self.tr("Why this run"))
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)
        self.why_label.hide()
        self.why_button.toggled.connect(self._why_toggled)
        for w in (self.summary, self.facts, self.notes, self.why_button, self.why_label):
            run_layout.addWidget(w)
        layout.addWidget(self.run_box)

        self.ladder_box = QFrame()
        self.ladder_box.setObjectName("ladderBox")
        self.ladder_box.setFrameShape(QFrame.Shape.StyledPanel)
        ladder_layout = QVBoxLayout(self.ladder_box)
        ladder_layout.setContentsMargins(10, 6, 10, 6)
        self.ladder_title = QLabel()
        self.ladder_title.setStyleSheet("font-weight: 600;")
        self.ladder_steps = QHBoxLayout()
        self.ladder_steps.setSpacing(3)
        self.step_cells: list[QLabel] = []
        self.ladder_next = QLabel()
        self.ladder_next.setWordWrap(True)
        ladder_layout.addWidget(self.ladder_title)
        ladder_layout.addLayout(self.ladder_steps)
        ladder_layout.addWidget(self.ladder_next)
        layout.addWidget(self.ladder_box)

        self.week_caption = QLabel(self.tr("The week ahead"))
        self.week_caption.setFont(font)
        layout.addWidget(self.week_caption)
        self.strip = WeekStrip()
        self.strip.move_requested.connect(self.move_session)
        layout.addWidget(self.strip)
        self.week_message = QLabel()
        self.week_message.setObjectName("weekMessage")
        self.week_message.setWordWrap(True)
        self.week_message.hide()
        layout.addWidget(self.week_message)

        self.metronome = Metronome(sink)
        layout.addWidget(self.metronome)
        self.clear()

    # ------------------------------------------------------------------ states

    def clear(self) -> None:
        self.prescription = None
        self.shown_notes: list[str] = []
        self.week = ()
        self.metronome.stop()
        self.hide()

    def show_assessment(
        self,
        assessment: Assessment,
        units: Units,
        later: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """Show today's run, the ladder and the week; with ``later`` (a tab drawing in
        parts), the ladder and then the week are handed to it, each to draw on a turn of
        its own (the ladder box is hidden until then: an older step would not match)."""
        p = assessment.prescription
        if p is None:
            self.clear()
            return
        self.prescription, self.units = p, units
        t = p.today
        colour = verdict_colour(KIND_VERDICT.get(t.kind, assessment.verdict))
        if t.kind == "rest":
            colour = verdict_colour(Verdict.HOLD)
        set_sheet(
            self.run_box,
            f"#runBox {{ border: 1px solid palette(mid); border-left: 5px solid "
            f"{colour.name()}; border-radius: 4px; }}"
        )
        self.summary.setText(localise_dates(t.summary))
        facts = self._facts(t)
        self.facts.setText(" · ".join(facts))
        self.facts.setVisible(bool(facts))
        self.shown_notes = [localise_dates(n) for n in t.notes]
        self.notes.setText(
            "<ul style='margin:0; -qt-list-indent:1'>"
            + "".join(f"<li>{_escape(n)}</li>" for n in self.shown_notes)
            + "</ul>"
        )
        self.why_label.setText("\n".join(self._why_lines(dict(t.why))))
        if later is None:
            self._show_ladder(p)
            self._show_week()
        else:  # unless something newer (or nothing) is shown by then
            if p.ladder is not None:
                self.ladder_box.hide()
                later(lambda: self._show_ladder(p) if self.prescription is p else None)
            else:
                self._show_ladder(p)
            later(lambda: self._show_week() if self.prescription is p else None)
        if t.cadence_target_spm is not None:
            if not self.metronome.running:
                self.metronome.set_target(t.cadence_target_spm)
            self.metronome.show()
        else:
            self.metronome.stop()
            self.metronome.hide()
        self.show()

    def _facts(self, t) -> list[str]:
        out = []
        if t.running:
            if t.max_distance_km is not None and t.kind != "ladder":  # the step is in minutes
                out.append(self.tr("at most %s") % cap_text(t.max_distance_km, self.units))
            if t.max_minutes:
                out.append(self.tr("at most %d min") % t.max_minutes)
            out.append(self.tr("speed work allowed") if t.intensity_allowed
                       else self.tr("no speed work"))
            if t.terrain == "flat":
                out.append(self.tr("flat route"))
            if t.cadence_target_spm:
                out.append(self.tr("about %d steps/min") % t.cadence_target_spm)
        elif t.kind != "no_run":  # on no_run the headline already says no running today
            out.append(self.tr("no running today"))
        return out

    def _why_lines(self, why: dict) -> list[str]:
        mine = {k: v for k, v in why.items() if k in _WHY_WORDS and k.endswith("_km")}
        lines = []
        for key, value in why.items():
            if value is None:
                continue
            if key in mine:
                lines.append(f"{self.tr(_WHY_WORDS[key])}: {cap_text(float(value), self.units)}")
            elif key.endswith("_pct"):
                lines.append(f"{self.tr(_WHY_WORDS.get(key, key))}: {value:g}%")
            elif key in _WHY_WORDS:
                lines.append(f"{self.tr(_WHY_WORDS[key])}: {value}")
            else:
                lines += why_lines({key: value}, self.units)
        return lines

    def _why_toggled(self, shown: bool) -> None:
        self.why_label.setVisible(shown)
        self.why_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _show_ladder(self, p: Prescription) -> None:
        ladder = p.ladder
        if ladder is None:
            self.ladder_box.hide()
            return
        if ladder.status == "waiting":
            self.ladder_title.setText(self.tr("Return-to-run ladder: not started yet"))
        else:
            self.ladder_title.setText(
                self.tr("Return-to-run ladder: step %d of %d") % (ladder.step, ladder.of)
            )
        while len(self.step_cells) < ladder.of:
            cell = QLabel()
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setMinimumWidth(self.fontMetrics().horizontalAdvance("00") + 8)
            self.ladder_steps.addWidget(cell)
            self.step_cells.append(cell)
        done_colour = verdict_colour(Verdict.CONTINUE).name()
        for n, cell in enumerate(self.step_cells, start=1):
            cell.setText(str(n))
            active = ladder.status == "active"
            if active and n < ladder.step:
                style = f"background: {verdict_fill(Verdict.CONTINUE).name()}; color: white;"
                cell.setAccessibleName(self.tr("Step %d done") % n)
            elif active and n == ladder.step:
                style = f"border: 2px solid {done_colour}; font-weight: 700;"
                cell.setAccessibleName(self.tr("Step %d: you are here") % n)
            else:
                style = "border: 1px solid palette(mid);"
                cell.setAccessibleName(self.tr("Step %d") % n)
            set_sheet(cell, f"QLabel {{ {style} border-radius: 3px; padding: 2px; }}")
        self.ladder_next.setText(localise_dates(ladder.next_when))
        self.ladder_box.show()

    # ------------------------------------------------------------------ the week

    def saved_moves(self) -> tuple[Move, ...]:
        try:
            return moves_from_text(self.ctx.repo.get_settings().plan_moves)
        except Exception:  # unreadable settings: the plan without moves
            return ()

    def _show_week(self) -> None:
        assert self.prescription is not None
        week, refused = apply_moves(self.prescription.week, self.saved_moves())
        self.week = week
        self.strip.show_week(week, self.units)
        if refused:
            self._say(self.tr("A session you moved earlier stays put: %s") % refused[0][1])
            return
        planned, asked = sum(d.strength for d in week), self._strength_asked()
        paused = bool(week) and PAUSED in week[0].note
        if asked is not None and 0 < planned < asked and not paused:
            self._say(
                self.tr("This week has room for %d of your %d strength sessions: never the "
                        "day before a hard run, and never two days in a row.") % (planned, asked)
            )

    def _strength_asked(self) -> int | None:
        """The "Strength sessions a week" setting the week was planned for."""
        try:
            return self.ctx.repo.get_settings().sessions_per_week
        except Exception:  # unreadable settings: the plan without the remark
            return None

    def _say(self, text: str) -> None:
        self.week_message.setText(text)
        self.week_message.setVisible(bool(text))

    def move_session(self, move: Move) -> bool:
        """Move a session, if the plan allows it, and keep the move in the settings.

        Moves live in the settings (one short text value) rather than a table: they are a
        few entries about the next 7 days, not history the rules read, dropped as soon as
        their days have passed, and they need no database migration."""
        problem = move_problem(self.week, move)
        if problem is not None:
            self._say(self.tr("That move was not made: %s") % problem)
            return False
        today = self.ctx.clock.today()
        keep = [m for m in self.saved_moves() if m.from_day >= today and m.to_day >= today]
        try:
            settings = self.ctx.repo.get_settings()
        except Exception as exc:
            self._say(self.tr("The move could not be saved: %s") % exc)
            return False
        updated = replace(settings, plan_moves=moves_to_text([*keep, move]))
        outcome = self.ctx.ops.run(op.save_settings, updated)
        if not outcome:
            self._say(outcome.message)
            return False
        self._show_week()
        self._say(self.tr("Moved to %s.") % self._day_words(move.to_day))
        return True

    def _day_words(self, day: date) -> str:
        return day_month_text(day)

    def text(self) -> str:
        """What is on show as plain text (tests, screen readers)."""
        if self.prescription is None:
            return ""
        parts = [self.caption.text(), self.summary.text()]
        if not self.facts.isHidden():
            parts.append(self.facts.text())
        parts += self.shown_notes
        if not self.ladder_box.isHidden():
            parts += [self.ladder_title.text(), self.ladder_next.text()]
        parts += [b.text() for b in self.strip.buttons if not b.isHidden()]
        return "\n".join(parts)
