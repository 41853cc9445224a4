"""The Recovery graphs and the Today plan speak the verdict language of ui/verdicts.py: a
day stopped only by a professional's "rehab only" or "no running" reads "Stop running for
now" in the hover and the legend, the ladder's sentence shows its date in the app's date
format, and a no-running day says "no running today" once."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn, History, Profile, Units, Verdict
from hamstring_app.core.rules import daily_verdicts, evaluate
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.progress.dayinfo import DayInfo
from hamstring_app.ui.progress.hover import describe_day
from hamstring_app.ui.verdicts import stop_legend_word, verdict_word

TODAY = date(2026, 3, 18)
SAID_ON = TODAY - timedelta(days=3)
NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _checkin(day: date, **kw: object) -> CheckIn:
    values = {"pain_rest": 0, "pain_next_morning": 0, "settled_within_24h": True, **NO_FLAGS}
    return CheckIn(day=day, **{**values, **kw})  # type: ignore[arg-type]


def _history(*extra: CheckIn) -> History:
    days = {c.day for c in extra}
    checkins = [_checkin(TODAY - timedelta(days=k)) for k in range(10)]
    checkins = [c for c in checkins if c.day not in days] + list(extra)
    return History(
        profile=Profile(injury_start=TODAY - timedelta(days=30)),
        checkins=tuple(sorted(checkins, key=lambda c: c.day)),
        assessments=(ProfessionalAssessment(SAID_ON, AssessmentOutcome.NO_RUNNING),),
    )


def test_the_series_marks_the_days_a_professional_said_no_running():
    flagged = _checkin(TODAY - timedelta(days=5), sharp_pain=True)  # resolved on SAID_ON
    series = {dv.day: dv for dv in daily_verdicts(_history(flagged), TODAY - timedelta(9), TODAY)}
    assert series[TODAY].verdict is Verdict.STOP and series[TODAY].professional
    assert series[SAID_ON].professional
    assert series[flagged.day].verdict is Verdict.STOP
    assert not series[flagged.day].professional  # a warning sign: get assessed
    assert not series[SAID_ON - timedelta(days=1)].professional  # not assessed yet
    later = _checkin(TODAY - timedelta(days=1), sharp_pain=True)  # after the assessment
    again = {dv.day: dv for dv in daily_verdicts(_history(later), TODAY - timedelta(9), TODAY)}
    assert again[TODAY].verdict is Verdict.STOP and not again[TODAY].professional


def test_the_hover_says_stop_running_for_now_on_such_a_day(qapp):
    info = DayInfo(day=TODAY, verdict=Verdict.STOP, professional_stop=True)
    text = describe_day(info, Units.KM)
    assert "Stop running for now" in text
    assert "get assessed" not in text
    other = describe_day(DayInfo(day=TODAY, verdict=Verdict.STOP), Units.KM)
    assert verdict_word(Verdict.STOP) in other


def test_the_stop_legend_names_the_stops_on_show(qapp):
    assert stop_legend_word(regular=True, professional=False) == verdict_word(Verdict.STOP)
    assert stop_legend_word(regular=False, professional=True) == "Stop running for now"
    both = stop_legend_word(regular=True, professional=True)
    assert verdict_word(Verdict.STOP) in both and "Stop running for now" in both
    assert stop_legend_word(regular=False, professional=False) == verdict_word(Verdict.STOP)


def test_the_recovery_legend_follows_the_days_on_show(open_recovery):
    env = open_recovery(_history())
    labels = [label.text for _, label in env.tab.plots.strip.legend_item.items]
    assert "Stop running for now" in labels
    assert verdict_word(Verdict.STOP) not in labels


def test_the_ladder_sentence_shows_the_date_in_the_apps_format(checkin_env):
    checkin_env.show(evaluate(_history(), TODAY))
    plan = checkin_env.plan
    assert not plan.ladder_box.isHidden()
    said = plan.ladder_next.text()
    assert day_text(SAID_ON) in said
    assert not ISO.search(said)


def test_a_no_running_day_says_so_once(checkin_env):
    checkin_env.show(evaluate(_history(_checkin(TODAY, pain_rest=7)), TODAY))
    text = checkin_env.plan.text()
    assert text.lower().count("no running today") == 1, text
    assert "Walking is fine" in text
