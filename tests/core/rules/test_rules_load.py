"""Load rules and metrics at, just below and just above each threshold."""

from __future__ import annotations

from datetime import date

import pytest
from rules_helpers import TODAY, ago, clean, history, run

from hamstring_app.core.models import Level, RunType
from hamstring_app.core.rules import evaluate


def rules_of(h, today=TODAY):
    return {a.rule: a for a in evaluate(h, today).advice}


@pytest.mark.parametrize(
    ("km", "level"),
    [
        (11.0, None),  # exactly 10% longer: not above 10%
        (11.1, Level.CAUTION),
        (13.0, Level.CAUTION),  # exactly 30%
        (13.1, Level.WARNING),
        (20.0, Level.WARNING),  # exactly double
        (20.1, Level.DANGER),
    ],
)
def test_single_run_spike_levels(km, level):
    h = history([clean(TODAY)], runs=[run(ago(10), 10.0), run(TODAY, km)])
    advice = rules_of(h).get("load.single_run_spike")
    if level is None:
        assert advice is None
    else:
        assert advice is not None and advice.level is level
        assert advice.why["longest_previous_30d_km"] == 10.0


@pytest.mark.parametrize(("days_before", "counted"), [(29, True), (30, True), (31, False)])
def test_spike_lookback_is_thirty_calendar_days_across_february(days_before, counted):
    # 2026-03-16 minus 30 days is 2026-02-14: the window crosses a 28-day February.
    runs = [run(ago(days_before), 20.0), run(ago(3), 10.0), run(TODAY, 12.0)]
    h = history([clean(TODAY)], runs=runs)
    assert ("load.single_run_spike" in rules_of(h)) is not counted


@pytest.mark.parametrize(("km_now", "fires"), [(12.9, False), (13.0, False), (13.1, True)])
def test_weekly_increase_above_thirty_percent(km_now, fires):
    runs = [run(ago(k), 10.0) for k in (8, 15, 22)]  # 10 km a week for the 3 weeks before
    runs.append(run(ago(1), km_now))
    # the record starts 27 days back, so it covers all 3 earlier weeks
    a = evaluate(history([clean(ago(27)), clean(TODAY)], runs=runs), TODAY)
    assert a.metrics.weekly_change_pct == pytest.approx((km_now - 10.0) * 10.0)
    assert ("load.weekly_increase" in {x.rule for x in a.advice}) is fires


def test_weekly_change_is_none_without_a_baseline():
    a = evaluate(history([clean(TODAY)], runs=[run(TODAY, 5.0)]), TODAY)
    assert a.metrics.weekly_change_pct is None
    assert a.metrics.weekly_km == 5.0


@pytest.mark.parametrize(("gap", "fires"), [(20, False), (21, True), (22, True)])
def test_speed_work_after_three_weeks_without(gap, fires):
    runs = [run(ago(k), 6.0) for k in range(gap + 1, 60, 3)]
    runs.append(run(ago(gap), 6.0, type=RunType.INTERVALS))
    runs.append(run(TODAY, 6.0, type=RunType.TEMPO))
    assert ("load.speed_work_added" in rules_of(history([clean(TODAY)], runs=runs))) is fires


@pytest.mark.parametrize(("week_before", "fires"), [(0, True), (1, True), (2, False)])
def test_speed_work_jump_to_two_a_week(week_before, fires):
    runs = [run(ago(k), 6.0, type=RunType.HILLS) for k in range(22, 40, 5)]  # recent history
    runs += [run(ago(8 + k), 6.0, type=RunType.INTERVALS) for k in range(week_before)]
    runs += [run(ago(3), 6.0, type=RunType.INTERVALS), run(ago(1), 6.0, type=RunType.TEMPO)]
    assert ("load.speed_work_added" in rules_of(history([clean(TODAY)], runs=runs))) is fires


@pytest.mark.parametrize(
    ("first", "second", "days_apart", "fires"),
    [
        ({"rpe": 7}, {"rpe": 7}, 1, True),
        ({"rpe": 6}, {"rpe": 7}, 1, False),  # just below hard
        ({"rpe": 8}, {"rpe": 9}, 1, True),
        ({"type": RunType.INTERVALS}, {"type": RunType.RACE}, 1, True),
        ({"rpe": 9}, {"rpe": 9}, 2, False),  # a day between
    ],
)
def test_back_to_back_hard(first, second, days_apart, fires):
    runs = [run(ago(days_apart), 8.0, **first), run(TODAY, 8.0, **second)]
    assert ("load.back_to_back_hard" in rules_of(history([clean(TODAY)], runs=runs))) is fires


@pytest.mark.parametrize(
    ("days_off", "km_back", "fires"),
    [
        (14, 16.0, True),  # 80% of the old 20 km a week
        (14, 15.9, False),  # just below 80%
        (14, 20.0, True),
        (13, 20.0, False),  # not a long enough break
    ],
)
def test_return_after_break(days_off, km_back, fires):
    last_before = TODAY.toordinal() - days_off - 1
    runs = [run(date.fromordinal(last_before - 7 * k), 20.0) for k in range(4)]
    runs.append(run(TODAY, km_back))
    since = clean(date.fromordinal(last_before - 27))  # the record covers the 4 weeks before
    got = rules_of(history([since, clean(TODAY)], runs=runs)).get("load.return_after_break")
    assert (got is not None) is fires
    if got is not None:
        assert got.why["days_off"] == days_off


@pytest.mark.parametrize(
    ("kw", "fires"),
    [
        ({"fatigue": 6}, False),
        ({"fatigue": 7}, True),
        ({"fatigue": 8}, True),
        ({"sleep_hours": 6.0}, False),
        ({"sleep_hours": 5.9}, True),
        ({"sleep_hours": 6.1}, False),
    ],
)
def test_fatigue_and_sleep(kw, fires):
    assert ("load.fatigue" in rules_of(history([clean(TODAY, **kw)]))) is fires


def test_session_load_monotony_and_strain():
    runs = [run(ago(k), 5.0, rpe=4, duration_min=30.0) for k in (0, 2, 4)]
    m = evaluate(history([clean(TODAY)], runs=runs), TODAY).metrics
    assert m.session_load_7d == 360.0
    mean = 360.0 / 7
    sd = (3 * (120 - mean) ** 2 + 4 * mean**2) / 7
    assert m.monotony == pytest.approx(mean / sd**0.5)
    assert m.strain == pytest.approx(360.0 * m.monotony)
    assert m.runs_7d == 3 and m.intensity_sessions_7d == 0


@pytest.mark.parametrize(("days", "has_ratio"), [(27, False), (28, True)])
def test_acwr_needs_twenty_eight_days(days, has_ratio):
    runs = [run(ago(k), 5.0, rpe=5, duration_min=40.0) for k in range(days)]
    m = evaluate(history([clean(TODAY)], runs=runs), TODAY).metrics
    assert (m.acwr_ewma is not None) is has_ratio


def test_acwr_settles_near_one_for_steady_load_and_never_advises():
    runs = [run(ago(k), 5.0, rpe=5, duration_min=40.0) for k in range(300)]
    a = evaluate(history([clean(TODAY)], runs=runs), TODAY)
    assert a.metrics.acwr_ewma == pytest.approx(1.0, abs=0.01)
    assert not any("acwr" in x.rule for x in a.advice)


def test_runs_without_effort_are_named_as_unknown():
    a = evaluate(history([clean(TODAY)], runs=[run(ago(2), 5.0)]), TODAY)
    assert any("no effort score" in u for u in a.unknowns)


@pytest.mark.parametrize(
    ("today", "inside", "outside"),
    [
        # Across the end of February (28 days in 2026).
        (date(2026, 3, 2), date(2026, 2, 24), date(2026, 2, 23)),
        # Across the European clock change (29 March 2026) and the US one (8 March 2026).
        (date(2026, 4, 4), date(2026, 3, 29), date(2026, 3, 28)),
        (date(2026, 3, 14), date(2026, 3, 8), date(2026, 3, 7)),
        # Across the new year.
        (date(2026, 1, 3), date(2025, 12, 28), date(2025, 12, 27)),
    ],
)
def test_week_window_is_seven_calendar_days(today, inside, outside):
    h = history([clean(today)], runs=[run(inside, 3.0), run(outside, 5.0)])
    m = evaluate(h, today).metrics
    assert m.weekly_km == 3.0
    assert m.runs_7d == 1


@pytest.mark.parametrize(("first_record_days_ago", "known"), [(26, False), (27, True), (40, True)])
def test_weekly_change_needs_the_three_earlier_weeks_on_record(first_record_days_ago, known):
    # 10 km in each of the 2 weeks on record before this week, then 20 km this week. With
    # only 2 of the 3 earlier weeks on record, dividing by 3 would invent a 200% rise.
    runs = [run(ago(20), 10.0), run(ago(13), 10.0), run(TODAY, 20.0)]
    cs = [clean(ago(first_record_days_ago)), clean(TODAY)]
    a = evaluate(history(cs, runs=runs), TODAY)
    rules = {x.rule for x in a.advice}
    if known:
        assert a.metrics.weekly_change_pct == pytest.approx(200.0)
        assert "load.weekly_increase" in rules
    else:
        assert a.metrics.weekly_change_pct is None
        assert "load.weekly_increase" not in rules


def test_short_history_gives_no_weekly_change_and_no_event():
    from hamstring_app.core.rules import load_events

    runs = [run(ago(20), 10.0), run(ago(13), 10.0), run(TODAY, 20.0)]
    a = evaluate(history([clean(TODAY)], runs=runs), TODAY)
    assert a.metrics.weekly_change_pct is None
    assert "load.weekly_increase" not in {x.rule for x in a.advice}
    assert not [e for e in load_events(history(runs=runs)) if e.rule == "load.weekly_increase"]


@pytest.mark.parametrize(("extra_days", "known"), [(None, False), (26, False), (27, True)])
def test_return_after_break_needs_the_old_four_weeks_on_record(extra_days, known):
    # 20 km a week before a 14-day break, then 16 km this week. The old level (mean weekly km
    # of the 4 weeks before the break) is known only when the record covers all 4 weeks.
    last_before = TODAY.toordinal() - 15
    runs = [run(date.fromordinal(last_before - 7 * k), 20.0) for k in range(4)]
    runs.append(run(TODAY, 16.0))
    cs = [clean(TODAY)]
    if extra_days is not None:
        cs.append(clean(date.fromordinal(last_before - extra_days)))
    got = rules_of(history(cs, runs=runs)).get("load.return_after_break")
    assert (got is not None) is known


@pytest.mark.parametrize(("rpe", "hard"), [(None, False), (6, False), (7, True), (9, True)])
def test_run_is_hard_and_the_rules_share_one_hard_rpe(rpe, hard):
    from hamstring_app.core import models
    from hamstring_app.core.rules import thresholds
    from hamstring_app.core.rules.days import DayIndex

    assert thresholds.HARD_RPE is models.HARD_RPE
    r = run(TODAY, 8.0, rpe=rpe)
    assert r.is_hard is hard
    assert DayIndex(history(runs=[r]), TODAY).hard[0] is hard
