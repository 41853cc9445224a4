"""The words above the graphs: how the recovery is going, answer first."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hamstring_app.core.models import KM_PER_MILE, History, Units, Verdict
from hamstring_app.core.rules import Assessment
from hamstring_app.core.rules import thresholds as T
from hamstring_app.ui.texts import counted
from hamstring_app.ui.verdicts import sentence_for

ADHERENCE_DAYS = 14


def sessions_in_last(history: History, today: date, days: int = ADHERENCE_DAYS) -> int:
    """Strength sessions with at least one completed set in the ``days`` up to ``today``."""
    first = today - timedelta(days=days - 1)
    return sum(
        1
        for s in history.strength_sessions
        if first <= s.day <= today and any(set_log.completed for set_log in s.sets)
    )


class SummaryHeader(QWidget):
    """A headline (weeks since onset, where that sits in the window, recovery status; on a
    stop, the stop's own sentence instead of the status) and one short line each for pain,
    running, strength and personal triggers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.headline = QLabel()
        self.headline.setObjectName("recoveryHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.headline.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("recoveryDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label, name in (
            (self.headline, self.tr("Recovery summary")),
            (self.details, self.tr("Recovery details")),
        ):
            label.setAccessibleName(name)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)

    # ---------------------------------------------------------------- text

    def set_summary(
        self, history: History, assessment: Assessment, today: date, plan_per_week: int
    ) -> None:
        self.headline.setText(escape(self.headline_text(history, assessment, today)))
        rows = [
            (self.tr("Pain"), self.pain_text(assessment)),
            (self.tr("Running"), self.running_text(history, assessment)),
            (self.tr("Strength"), self.strength_text(history, today, plan_per_week)),
        ]
        triggers = self.triggers_text(assessment)
        if triggers:
            rows.append((self.tr("Your triggers"), triggers))
        self.details.setText(
            "<br>".join(f"<b>{escape(name)}:</b> {escape(text)}" for name, text in rows)
        )
        self.setAccessibleDescription(self.plain_text())

    def plain_text(self) -> str:
        """The header as plain text (used for the accessible description and tests)."""
        doc = self.details.text().replace("<br>", "\n")
        for tag in ("<b>", "</b>"):
            doc = doc.replace(tag, "")
        from html import unescape

        return unescape(self.headline.text()) + "\n" + unescape(doc)

    def set_empty(self) -> None:
        self.headline.setText(escape(self.tr("Your recovery at a glance")))
        self.details.setText(
            escape(self.tr("Nothing logged yet: the graphs appear after your first check-in."))
        )

    def headline_text(self, history: History, assessment: Assessment, today: date) -> str:
        profile = history.profile
        if profile is None:
            return self.tr(
                "Add when the pain started (File, Profile) to see where you are in the usual "
                "recovery time."
            )
        days = max((today - profile.injury_start).days, 0)
        since = self.tr("%s since the pain started") % self.duration_text(days)
        lo, hi = assessment.recovery.expected_window_weeks
        elapsed = days / 7
        if elapsed < lo:
            where = self.tr("early days, as this usually takes %d-%d weeks") % (lo, hi)
        elif elapsed <= hi:
            where = self.tr("inside the usual %d-%d weeks") % (lo, hi)
        else:
            where = self.tr("past the usual %d-%d weeks") % (lo, hi)
        if assessment.verdict is Verdict.STOP:
            # the timeline, then the day's own verdict: "on track" or "settled" beside a
            # stop (a professional's "not yet", a warning sign) would read against it
            return f"{since}: {where}. {sentence_for(assessment)}"
        status = {
            "on_track": self.tr("Recovery is on track."),
            "slower_than_expected": self.tr(
                "Recovery is slower than expected: a physiotherapist can help find out why."
            ),
            "recovered": self.tr(
                "Your pain has settled. Keep up the strength work: it helps stop it coming back."
            ),
        }.get(assessment.recovery.status, "")
        return f"{since}: {where}. {status}".strip()

    def duration_text(self, days: int) -> str:
        """E.g. "1 day", "3 weeks", "1 week and 3 days"."""
        weeks, rest = divmod(days, 7)
        day_words = counted(rest, self.tr("1 day"), self.tr("%n days", "", rest))
        if weeks == 0:
            return counted(days, self.tr("1 day"), self.tr("%n days", "", days))
        week_words = counted(weeks, self.tr("1 week"), self.tr("%n weeks", "", weeks))
        if rest == 0:
            return week_words
        return self.tr("%s and %s") % (week_words, day_words)

    def pain_text(self, assessment: Assessment) -> str:
        r = assessment.recovery
        now, before = r.pain_mean_7d, r.pain_mean_7d_two_weeks_ago
        if r.pain_trend == "unknown" or now is None or before is None:
            if now is not None:
                return self.tr(
                    "7-day average %.1f/10. A trend needs at least %d check-ins in each week."
                ) % (now, T.TREND_MIN_CHECKINS)
            return self.tr("Not enough check-ins yet for a trend (at least %d a week).") % (
                T.TREND_MIN_CHECKINS
            )
        if r.pain_trend == "better":
            return self.tr("easing. 7-day average %.1f/10, down from %.1f two weeks ago.") % (
                now, before)
        if r.pain_trend == "worse":
            return self.tr("rising. 7-day average %.1f/10, up from %.1f two weeks ago.") % (
                now, before)
        return self.tr("steady. 7-day average %.1f/10, %.1f two weeks ago.") % (now, before)

    def running_text(self, history: History, assessment: Assessment) -> str:
        metrics = assessment.metrics
        unit = history.profile.units if history.profile is not None else Units.KM
        factor = 1 / KM_PER_MILE if unit is Units.MILES else 1.0
        distance = metrics.weekly_km * factor
        if distance <= 0:
            return self.tr("no runs in the last 7 days.")
        text = self.tr("%.1f %s in the last 7 days") % (distance, unit.value)
        change = metrics.weekly_change_pct
        if change is None:
            return text + "."
        text += self.tr(", %+.0f%% on the weeks before.") % change
        if change > T.WEEKLY_INCREASE_PCT:
            text += " " + self.tr(
                "That is a big jump: rises of more than 30%% are linked to more injuries."
            )
        return text

    def strength_text(self, history: History, today: date, plan_per_week: int) -> str:
        done = sessions_in_last(history, today)
        planned = plan_per_week * ADHERENCE_DAYS // 7
        return self.tr("%d of %d planned sessions in the last 2 weeks.") % (done, planned)

    def triggers_text(self, assessment: Assessment) -> str:
        return " ".join(t.message for t in assessment.triggers[:2] if t.message)
