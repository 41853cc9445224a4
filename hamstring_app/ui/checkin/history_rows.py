"""The history table's rows: one per check-in, run or professional assessment, and the
short summaries its Details column shows."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from hamstring_app.core.episodes import ProfessionalAssessment
from hamstring_app.core.models import CheckIn, Run


class HistoryRow(NamedTuple):
    """A table row. A plain tuple: thousands are built on every refresh."""

    day: date
    checkin: CheckIn | None
    run: Run | None
    date_key: tuple[int, int, int]  # newest first: a day's assessment, check-in, then runs
    assessment: ProfessionalAssessment | None = None

    @property
    def is_checkin(self) -> bool:
        return self.checkin is not None


def checkin_summary(c: CheckIn) -> str:
    parts = []
    for label, value in (("rest", c.pain_rest), ("waking", c.pain_next_morning)):
        if value is not None:
            parts.append(f"{label} {value}")
    if c.ran is False:
        parts.append("no run")
    elif c.pain_run is not None:
        parts.append(f"run {c.pain_run}")
    if c.fatigue is not None:
        parts.append(f"fatigue {c.fatigue}")
    if c.sleep_hours is not None:
        parts.append(f"sleep {c.sleep_hours:g} h")
    return ", ".join(parts) or "no pain answers"


def assessment_summary(a: ProfessionalAssessment) -> str:
    from hamstring_app.ui.episode_dialogs import outcome_words

    # the Entry column already says "Assessment": the details are what they said, and who
    text = "what they said not recorded" if a.outcome is None else outcome_words(a.outcome)
    return f"{text}; “{a.note}”" if a.note else text
