"""The 7 days a phase lasts count from the injury's onset, also when the records start
later (docs/rules.md section 4: "Start in phase 1 ... on each injury episode's onset";
"Each phase lasts at least 7 days before the next step up")."""

from __future__ import annotations

from rules_helpers import TODAY, ago, checkin, history, profile

from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.strength import current_phase


def _phase(days_of_checkins: int, onset_days_ago: int) -> int:
    rows = [checkin(ago(k), pain_rest=2, pain_next_morning=2) for k in range(days_of_checkins)]
    index = DayIndex(history(rows, prof=profile(ago(onset_days_ago))), TODAY)
    return current_phase(index, index.index(TODAY))


def test_a_week_of_low_pain_after_an_onset_three_weeks_ago_is_phase_2():
    assert _phase(7, 20) == 2
    assert _phase(5, 20) == 2


def test_fewer_than_5_good_days_or_under_7_days_since_the_onset_stays_in_phase_1():
    assert _phase(4, 20) == 1
    assert _phase(5, 5) == 1
    assert _phase(6, 6) == 1
    assert _phase(7, 7) == 2
