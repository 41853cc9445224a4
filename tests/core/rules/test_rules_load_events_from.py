"""``load_events(history, start)`` lists the same events as the whole pass from that day
on, also when a once-a-week rule fired in the days just before ``start`` (it holds back
the same rule for 7 days, and whether it fired depends on the week before it ...)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from rules_helpers import TODAY, history, run

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import History, RunType
from hamstring_app.core.rules import load_events

ONCE_A_WEEK = ("load.weekly_increase", "load.speed_work_added", "load.return_after_break")


def _tricky_starts(h: History, offsets: range = range(1, 7)) -> list[date]:
    """The days 1 to 6 after each once-a-week event: where a pass from ``start`` alone
    would list what the whole pass holds back."""
    return [e.day + timedelta(days=k) for e in load_events(h) if e.rule in ONCE_A_WEEK
            for k in offsets]


def _check(h: History, start: date) -> None:
    assert load_events(h, start) == tuple(e for e in load_events(h) if e.day >= start)


def test_a_demo_history_from_any_day() -> None:
    h = build_demo_history(TODAY, years=2)
    tricky = _tricky_starts(h)
    assert len(tricky) >= 60  # the case that needs the replay is there, many times
    for start in [*tricky, *(TODAY - timedelta(days=back) for back in range(0, 730, 9))]:
        _check(h, start)


# busy weeks: runs on most days, growing and shrinking, some fast, some breaks
days = st.lists(
    st.tuples(st.integers(1, 4), st.floats(2.0, 25.0), st.sampled_from(list(RunType))),
    min_size=5, max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(days=days, cuts=st.lists(st.integers(0, 200), min_size=1, max_size=4))
def test_random_busy_histories_from_any_day(days, cuts) -> None:
    day = TODAY - timedelta(days=200)
    runs = []
    for gap, km, kind in days:
        day += timedelta(days=gap if gap < 4 else 16)  # now and then a break
        runs.append(run(day, round(km, 1), type=kind))
    h = history(runs=runs)
    for start in [*(TODAY - timedelta(days=cut) for cut in cuts), *_tricky_starts(h)[:12]]:
        _check(h, start)
