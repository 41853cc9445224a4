"""Series for the graphs: daily verdicts without look-ahead, load events, ACWR, weekly km."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from rules_helpers import TODAY, ago, checkin, clean, history, run

from hamstring_app.core.models import RunType, Verdict
from hamstring_app.core.rules import (
    acwr_series,
    daily_verdicts,
    evaluate,
    load_events,
    weekly_distance,
)


def test_daily_verdicts_one_per_check_in_with_red_flags():
    cs = [clean(ago(3)), clean(ago(2), pain_rest=4), clean(ago(1), gait_changed=True)]
    got = daily_verdicts(history(cs), ago(10), TODAY)
    assert [d.day for d in got] == [ago(3), ago(2), ago(1)]
    assert [d.verdict for d in got] == [Verdict.CONTINUE, Verdict.HOLD, Verdict.STOP]
    assert got[2].red_flags == ("gait_changed",)
    assert daily_verdicts(history(cs), ago(2), ago(2))[0].day == ago(2)
    assert daily_verdicts(history(cs), TODAY, ago(1)) == ()


def test_daily_verdicts_never_look_ahead():
    early = [clean(ago(k), pain_next_morning=1) for k in range(5, 20)]
    later = [clean(ago(k), pain_next_morning=6, sharp_pain=True) for k in range(0, 5)]
    before = daily_verdicts(history(early), ago(30), ago(5))
    after = daily_verdicts(history(early + later), ago(30), ago(5))
    assert before == after


def test_daily_verdict_matches_evaluate_on_that_day():
    cs = [clean(ago(k), pain_rest=k % 6, pain_next_morning=(k * 7) % 5) for k in range(30)]
    h = history(cs)
    for dv in daily_verdicts(h, ago(29), TODAY):
        assert dv.verdict is evaluate(h, dv.day).verdict


def test_load_events_cover_each_rule():
    runs = [run(ago(k), 5.0) for k in range(60, 80, 2)]  # old steady running
    runs += [run(ago(40), 5.0, type=RunType.INTERVALS)]  # speed after 3+ weeks: event
    runs += [run(ago(39), 5.0, rpe=8)]  # back to back with the intervals
    runs += [run(ago(38), 12.0)]  # spike: 12 vs 5 km
    runs += [run(ago(k), 6.0) for k in range(2, 9)]  # return after 29 days off
    events = load_events(history(runs=runs))
    rules = {e.rule for e in events}
    assert {
        "load.single_run_spike",
        "load.weekly_increase",
        "load.back_to_back_hard",
        "load.speed_work_added",
        "load.return_after_break",
    } <= rules
    assert [e.day for e in events] == sorted(e.day for e in events)
    spike = next(e for e in events if e.rule == "load.single_run_spike")
    assert spike.day == ago(38) and "140%" in spike.detail
    weekly = [e for e in events if e.rule == "load.weekly_increase"]
    assert all(b.day - a.day >= timedelta(days=7) for a, b in pairwise(weekly))


def test_acwr_series_covers_every_day():
    runs = [run(ago(k), 5.0, rpe=5, duration_min=40.0) for k in range(40)]
    got = acwr_series(history(runs=runs), ago(20), TODAY)
    assert [d for d, _ in got] == [ago(20 - k) for k in range(21)]
    assert got[0][1] is None or got[-1][1] is not None
    assert got[-1][1] is not None
    assert acwr_series(history(), ago(3), TODAY) == tuple((ago(3 - k), None) for k in range(4))


def test_weekly_distance_uses_iso_mondays_across_the_new_year():
    runs = [run(date(2025, 12, 28), 5.0), run(date(2025, 12, 29), 7.0), run(date(2026, 1, 4), 3.0)]
    got = weekly_distance(history(runs=runs), date(2025, 12, 22), date(2026, 1, 11))
    assert got == (
        (date(2025, 12, 22), 5.0),
        (date(2025, 12, 29), 10.0),  # ISO week 1 of 2026 starts on Monday 29 December
        (date(2026, 1, 5), 0.0),
    )


def test_weekly_pain_means_are_the_rules_own():
    from hamstring_app.core.rules import weekly_pain_means
    from hamstring_app.core.rules.days import DayIndex

    cs = [checkin(ago(k), pain_rest=k % 4) for k in range(0, 20, 2)]
    h = history(cs, [run(ago(3), 5.0, pain=6)])
    got = weekly_pain_means(h, ago(25), TODAY)
    assert [d for d, _m in got] == [ago(k) for k in range(25, -1, -1)]
    means = DayIndex(h, TODAY).weekly_pain_means()
    index = DayIndex(h, TODAY)
    for day, mean in got:
        i = index.index(day)
        assert mean == (means[i] if 0 <= i < index.n else None)
    # the run's pain of 6 on day 3 counts as that day's highest pain
    assert dict(got)[ago(0)] == (0 + 2 + 6 + 0 + 2) / 5  # days 0, 2, 3 (the run), 4, 6
    assert dict(got)[ago(25)] is None
    assert weekly_pain_means(h, TODAY, ago(1)) == ()


def test_one_index_serves_the_calls_on_one_history():
    from hamstring_app.core.rules.days import day_index

    h = history([checkin(ago(1), pain_rest=1)])
    first = day_index(h, TODAY)
    assert day_index(h, TODAY) is first
    assert day_index(h, ago(1)) is not first  # another end
    same_content = history([checkin(ago(1), pain_rest=1)])
    assert day_index(same_content, TODAY) is not first  # keyed by identity, never by luck
