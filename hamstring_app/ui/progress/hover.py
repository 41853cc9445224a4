"""The one-line read-out of a day's values, shown while pointing at the graphs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from hamstring_app.core.models import KM_PER_MILE, RED_FLAG_FIELDS, RunType, Units
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.progress.dayinfo import DayInfo
from hamstring_app.ui.texts import counted
from hamstring_app.ui.verdicts import day_verdict_word


class DayReadout(QObject):
    """The translation context of the day's read-out."""


_FLAG_WORDS = {
    "sharp_pain": QT_TRANSLATE_NOOP("DayReadout", "sharp pain"),
    "pain_increases_with_speed": QT_TRANSLATE_NOOP("DayReadout", "pain rising with speed"),
    "gait_changed": QT_TRANSLATE_NOOP("DayReadout", "changed running"),
    "pain_in_daily_activities": QT_TRANSLATE_NOOP("DayReadout", "pain in daily life"),
    "sudden_onset_with_weakness": QT_TRANSLATE_NOOP("DayReadout", "sudden pain with weakness"),
    "nerve_signs": QT_TRANSLATE_NOOP(
        "DayReadout", "tingling, numbness or pain below the knee"
    ),
    "bruising_after_sudden_pain": QT_TRANSLATE_NOOP(
        "DayReadout", "bruising after a sudden pain"
    ),
    "difficulty_walking": QT_TRANSLATE_NOOP("DayReadout", "hard to walk or sit"),
    "foot_weakness": QT_TRANSLATE_NOOP("DayReadout", "weakness in the foot"),
    "night_or_rest_pain": QT_TRANSLATE_NOOP("DayReadout", "pain at night or at rest"),
    "feeling_unwell": QT_TRANSLATE_NOOP("DayReadout", "feeling unwell"),
}
assert set(_FLAG_WORDS) == set(RED_FLAG_FIELDS)

_EVENT_WORDS = {
    "load.single_run_spike": QT_TRANSLATE_NOOP("DayReadout", "single-run spike"),
    "load.weekly_increase": QT_TRANSLATE_NOOP("DayReadout", "weekly jump"),
    "load.back_to_back_hard": QT_TRANSLATE_NOOP("DayReadout", "hard days back to back"),
    "load.speed_work_added": QT_TRANSLATE_NOOP("DayReadout", "speed work added"),
    "load.return_after_break": QT_TRANSLATE_NOOP("DayReadout", "back after a break"),
}

# the run's type as the read-out says it, in lower case: "run 8.0 km tempo"
_RUN_TYPE_WORDS = {
    RunType.EASY: QT_TRANSLATE_NOOP("DayReadout", "easy"),
    RunType.LONG: QT_TRANSLATE_NOOP("DayReadout", "long"),
    RunType.TEMPO: QT_TRANSLATE_NOOP("DayReadout", "tempo"),
    RunType.INTERVALS: QT_TRANSLATE_NOOP("DayReadout", "intervals"),
    RunType.HILLS: QT_TRANSLATE_NOOP("DayReadout", "hills"),
    RunType.RACE: QT_TRANSLATE_NOOP("DayReadout", "race"),
    RunType.OTHER: QT_TRANSLATE_NOOP("DayReadout", "other"),
}
assert set(_RUN_TYPE_WORDS) == set(RunType)


def describe_day(info: DayInfo, unit: Units) -> str:
    """E.g. "Tue 3 Mar 2026 · pain at rest 2, on waking 1 · run 8.0 km tempo · modify"."""
    parts = [day_text(info.day)]
    c = info.checkin
    if c is not None:
        pains = []
        for value, word in (
            (c.pain_rest, DayReadout.tr("at rest")),
            (c.pain_run, DayReadout.tr("during the run")),
            (c.pain_next_morning, DayReadout.tr("on waking")),
        ):
            if value is not None:
                pains.append(f"{word} {value}")
        if pains:
            parts.append(DayReadout.tr("pain %s") % ", ".join(pains))
        else:
            parts.append(DayReadout.tr("check-in without pain scores"))
    factor = 1 / KM_PER_MILE if unit is Units.MILES else 1.0
    for run in info.runs:
        kind = DayReadout.tr(_RUN_TYPE_WORDS[run.type])
        parts.append(DayReadout.tr("run %.1f %s %s") % (run.distance_km * factor, unit.value, kind))
    if info.sessions:
        sets = sum(1 for s in info.sessions for set_log in s.sets if set_log.completed)
        parts.append(DayReadout.tr("strength: {sets}").format(
            sets=counted(sets, DayReadout.tr("1 set"), DayReadout.tr("%n sets", "", sets))
        ))
    if info.verdict is not None:
        word = day_verdict_word(info.verdict, info.professional_stop)
        parts.append(DayReadout.tr("verdict: %s") % word)
    if info.red_flags:
        words = ", ".join(DayReadout.tr(_FLAG_WORDS.get(f, f)) for f in info.red_flags)
        parts.append(DayReadout.tr("red flag: %s") % words)
    for rule, detail in info.events:
        parts.append(f"{DayReadout.tr(_EVENT_WORDS.get(rule, rule))}: {detail}")
    if len(parts) == 1:
        parts.append(DayReadout.tr("nothing logged"))
    return " · ".join(parts)
