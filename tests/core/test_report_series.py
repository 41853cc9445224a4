"""The report's pain series: each day's worst pain and the mean of the known worst pains
in the 7 days ending that day (None where none is known), for every day of the range."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hamstring_app.core.models import CheckIn, History
from hamstring_app.core.report import _pain_series

START = date(2026, 3, 1)
pain = st.none() | st.integers(0, 10)


def by_definition(history: History, start: date, end: date):
    worst = {}
    for c in history.checkins:
        known = [v for v in (c.pain_rest, c.pain_run, c.pain_next_morning) if v is not None]
        worst[c.day] = max(known) if known else None
    out = []
    for k in range((end - start).days + 1):
        day = start + timedelta(days=k)
        window = [worst.get(day - timedelta(days=j)) for j in range(7)]
        values = [v for v in window if v is not None]
        out.append((day, worst.get(day), sum(values) / len(values) if values else None))
    return tuple(out)


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.integers(-10, 40), st.tuples(pain, pain, pain), max_size=30),
    st.integers(0, 20),
    st.integers(0, 30),
)
def test_worst_pain_and_its_7_day_mean_by_definition(days, offset, length):
    checkins = tuple(
        CheckIn(day=START + timedelta(days=k), pain_rest=r, pain_run=None if w is None else w,
                pain_next_morning=m)
        for k, (r, w, m) in sorted(days.items())
    )
    history = History(checkins=checkins)
    start = START + timedelta(days=offset)
    end = start + timedelta(days=length)
    series = _pain_series(history, start, end)
    assert series == by_definition(history, start, end)
    assert len(series) == length + 1


def test_the_mean_reaches_back_before_the_range_and_forgets_after_7_days():
    history = History(checkins=(CheckIn(day=START, pain_rest=4),))
    series = _pain_series(history, START + timedelta(days=3), START + timedelta(days=8))
    means = [mean for _day, _worst, mean in series]
    assert means == [4.0, 4.0, 4.0, 4.0, None, None]  # START's pain counts through day 6
    assert [worst for _d, worst, _m in series] == [None] * 6


def test_the_weekly_km_are_whole_monday_to_sunday_weeks_with_their_warnings():
    """Each week touching the range, from the Monday of its first day: a run earlier in
    that first week counts; one after the last day does not; a warned day marks its week."""
    from hamstring_app.core.models import Run
    from hamstring_app.core.report import _weeks

    start, end = date(2026, 3, 4), date(2026, 3, 17)  # a Wednesday, a Tuesday
    runs = tuple(
        Run(day=day, distance_km=km)
        for day, km in (
            (date(2026, 3, 1), 9.0),  # the Sunday before: another week
            (date(2026, 3, 2), 5.0),  # the Monday of the first week, before the start
            (date(2026, 3, 4), 4.1),
            (date(2026, 3, 4), 2.2),
            (date(2026, 3, 16), 6.0),
            (date(2026, 3, 18), 7.0),  # after the last day
        )
    )
    weeks = _weeks(History(runs=runs), start, end, {date(2026, 3, 11)})
    assert [(m, round(km, 6), w) for m, km, w in weeks] == [
        (date(2026, 3, 2), 11.3, False),
        (date(2026, 3, 9), 0.0, True),
        (date(2026, 3, 16), 6.0, False),
    ]
