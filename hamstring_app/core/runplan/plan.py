"""prescribe(): today's run, the ladder and the week ahead, from one assessment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hamstring_app.core.models import History
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.types import Assessment
from hamstring_app.core.runplan.caps import caps_for
from hamstring_app.core.runplan.ladder import ladder_today
from hamstring_app.core.runplan.today import today_run
from hamstring_app.core.runplan.types import Clearance, Prescription
from hamstring_app.core.runplan.week import week_plan


def prescribe_at(
    index: DayIndex,
    assessment: Assessment,
    *,
    clearances: Sequence[Clearance] = (),
    episode_start: date | None = None,
    strength_per_week: int = T.WEEK_STRENGTH_DEFAULT,
) -> Prescription:
    """The prescription for ``assessment.today`` from an index already built up to it.

    ``strength_per_week``: the runner's "Strength sessions a week" setting."""
    i = index.index(assessment.today)
    since = episode_start
    if since is None and index.episode is not None:
        since = index.episode.onset
    ladder, _walk = ladder_today(index, i, clearances, since)
    caps = caps_for(index, i)
    logged = index.km[i] if 0 <= i < index.n else 0.0
    today = today_run(assessment, caps, ladder, index.profile, logged)
    week = week_plan(today, ladder, assessment, caps, index, i, strength_per_week)
    return Prescription(today, ladder, week)


def prescribe(
    history: History,
    today: date,
    assessment: Assessment,
    *,
    clearances: Sequence[Clearance] = (),
    episode_start: date | None = None,
    strength_per_week: int = T.WEEK_STRENGTH_DEFAULT,
) -> Prescription:
    """Today's run, the return-to-run ladder and the week ahead (docs/rules.md).

    The professional's assessments in ``history`` are read as clearances, with any given in
    ``clearances``; the ladder counts from the current episode's onset unless told."""
    return prescribe_at(
        DayIndex(history, today),
        assessment,
        clearances=(*clearances_of(history), *clearances),
        episode_start=episode_start,
        strength_per_week=strength_per_week,
    )


def clearances_of(history: History) -> tuple[Clearance, ...]:
    """The history's professional assessments, as the ladder reads them."""
    return tuple(Clearance.from_assessment(a) for a in history.assessments)
