"""Parts of the Recovery tab on their own: the calendar axis and the summary words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from recovery_samples import TODAY, known_history

from hamstring_app.core.rules import Trigger, evaluate
from hamstring_app.ui.progress.axis import CalendarAxis
from hamstring_app.ui.progress.days import day_start_x
from hamstring_app.ui.progress.summary import SummaryHeader


def _labels(axis: CalendarAxis, first: date, last: date, width_px: float) -> list[str]:
    low, high = day_start_x(first), day_start_x(last)
    levels = axis.tickValues(low, high, width_px)
    spacing, values = levels[0]
    return [s for s in axis.tickStrings(values, 1.0, spacing) if s]


def test_axis_labels_fit_the_span(qapp):
    axis = CalendarAxis()
    days = _labels(axis, date(2026, 3, 2), date(2026, 3, 9), 1000)
    assert days[:2] == ["Mon 2", "Tue 3"]
    weeks = _labels(axis, date(2025, 12, 20), date(2026, 3, 18), 1000)
    assert "5 Jan" in weeks and all(len(w.split()) == 2 for w in weeks)
    years = _labels(axis, date(2021, 3, 18), date(2026, 3, 18), 1000)
    assert "Jan 2022" in years or "2022" in years
    # minor ticks carry no words, so nothing is drawn on top of a label
    levels = axis.tickValues(day_start_x(date(2026, 1, 1)), day_start_x(date(2026, 3, 1)), 1000)
    if len(levels) > 1 and levels[1][1]:
        spacing, values = levels[1]
        assert set(axis.tickStrings(values, 1.0, spacing)) == {""}


def test_summary_names_triggers_when_there_are_some(qapp):
    history = known_history()
    assessment = evaluate(history, TODAY)
    header = SummaryHeader()
    header.set_summary(history, assessment, TODAY, 3)
    assert "Your triggers" not in header.plain_text()
    trigger = Trigger("hills", 4, 3.5, 10, 1.5, "Mornings after hill runs are 2 points worse.")
    header.set_summary(history, replace(assessment, triggers=(trigger,)), TODAY, 3)
    assert "Your triggers: Mornings after hill runs are 2 points worse." in header.plain_text()


def test_summary_flags_a_big_weekly_jump(qapp):
    history = known_history()
    assessment = evaluate(history, TODAY)
    metrics = replace(assessment.metrics, weekly_km=30.0, weekly_change_pct=45.0)
    header = SummaryHeader()
    header.set_summary(history, replace(assessment, metrics=metrics), TODAY, 3)
    text = header.plain_text()
    assert "30.0 km in the last 7 days, +45% on the weeks before." in text
    assert "big jump" in text


def test_summary_before_and_after_the_window(qapp):
    history = known_history()
    header = SummaryHeader()
    early = TODAY - timedelta(days=18)  # 10 days after onset
    text = header.headline_text(history, evaluate(history, early), early)
    assert text.startswith("1 week and 3 days since the pain started: early days")
    assert header.duration_text(1) == "1 day"
    assert header.duration_text(6) == "6 days"
    assert header.duration_text(14) == "2 weeks"
    assert header.duration_text(22) == "3 weeks and 1 day"
    late = TODAY + timedelta(weeks=4)
    text = header.headline_text(history, evaluate(history, late), late)
    assert "8 weeks since the pain started: past the usual 2-6 weeks" in text


def test_todays_cell_in_the_verdict_strip_agrees_with_the_today_tab():
    from hamstring_app.core.models import CheckIn, History, Profile, Run, Verdict
    from hamstring_app.ui.progress.data import build_recovery_data
    from hamstring_app.ui.progress.days import day_x

    start = TODAY - timedelta(days=40)
    runs = [Run(day=start + timedelta(days=k), distance_km=5.0) for k in range(0, 40, 3)]
    runs.append(Run(day=TODAY, distance_km=12.0))  # more than double the longest: a spike
    quiet = dict(
        pain_rest=0, pain_next_morning=0, ran=True, pain_run=0, eased_during_run=True,
        settled_within_24h=True, sharp_pain=False, pain_increases_with_speed=False,
        gait_changed=False, pain_in_daily_activities=False, sudden_onset_with_weakness=False,
        nerve_signs=False,
    )
    history = History(
        profile=Profile(injury_start=start),
        checkins=(CheckIn(day=TODAY, **quiet),),
        runs=tuple(runs),
    )
    assessment = evaluate(history, TODAY)
    assert assessment.verdict is Verdict.MODIFY  # no pain, but the spike asks for changes
    data = build_recovery_data(history, assessment, TODAY, 3)
    x_today = day_x(TODAY)
    cells = {v: list(s.x) for v, s in data.verdicts.items()}
    assert any(abs(x - x_today) < 1 for x in cells.get(Verdict.MODIFY, []))
    assert not any(abs(x - x_today) < 1 for x in cells.get(Verdict.CONTINUE, []))
