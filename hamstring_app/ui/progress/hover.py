"""The one-line read-out of a day's values, shown while pointing at the graphs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from hamstring_app.core.models import KM_PER_MILE, RED_FLAG_FIELDS, Units
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.progress.dayinfo import DayInfo
from hamstring_app.ui.texts import counted
from hamstring_app.ui.verdicts import day_verdict_word

Translate = Callable[[str], str]

_FLAG_WORDS = {
    "sharp_pain": "sharp pain",
    "pain_increases_with_speed": "pain rising with speed",
    "gait_changed": "changed running",
    "pain_in_daily_activities": "pain in daily life",
    "sudden_onset_with_weakness": "sudden pain with weakness",
    "nerve_signs": "tingling, numbness or pain below the knee",
}
assert set(_FLAG_WORDS) == set(RED_FLAG_FIELDS)

_EVENT_WORDS = {
    "load.single_run_spike": "single-run spike",
    "load.weekly_increase": "weekly jump",
    "load.back_to_back_hard": "hard days back to back",
    "load.speed_work_added": "speed work added",
    "load.return_after_break": "back after a break",
}


def describe_day(info: DayInfo, unit: Units, tr: Translate) -> str:
    """E.g. "Tue 3 Mar 2026 · pain at rest 2, on waking 1 · run 8.0 km tempo · modify"."""
    parts = [day_text(info.day)]
    c = info.checkin
    if c is not None:
        pains = []
        for value, word in (
            (c.pain_rest, tr("at rest")),
            (c.pain_run, tr("during the run")),
            (c.pain_next_morning, tr("on waking")),
        ):
            if value is not None:
                pains.append(f"{word} {value}")
        if pains:
            parts.append(tr("pain %s") % ", ".join(pains))
        else:
            parts.append(tr("check-in without pain scores"))
    factor = 1 / KM_PER_MILE if unit is Units.MILES else 1.0
    for run in info.runs:
        parts.append(
            tr("run %.1f %s %s") % (run.distance_km * factor, unit.value, tr(run.type.value))
        )
    if info.sessions:
        sets = sum(1 for s in info.sessions for set_log in s.sets if set_log.completed)
        parts.append(tr("strength: {sets}").format(
            sets=counted(sets, tr("1 set"),
                         QCoreApplication.translate("DayReadout", "%n sets", None, sets))
        ))
    if info.verdict is not None:
        parts.append(tr("verdict: %s") % day_verdict_word(info.verdict, info.professional_stop))
    if info.red_flags:
        words = ", ".join(tr(_FLAG_WORDS.get(f, f)) for f in info.red_flags)
        parts.append(tr("red flag: %s") % words)
    for rule, detail in info.events:
        parts.append(f"{tr(_EVENT_WORDS.get(rule, rule))}: {detail}")
    if len(parts) == 1:
        parts.append(tr("nothing logged"))
    return " · ".join(parts)
