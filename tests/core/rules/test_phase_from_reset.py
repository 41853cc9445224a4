"""The rehab phase replayed from the last reset equals the phase replayed from the first
record, on varied histories (random ones that reach every phase, steps back and resets,
and the demo story), so its cost can follow the days since the injury, not the years."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn, History, Profile, SetLog, StrengthSession
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.strength import current_phase, last_phase_reset, replay_phase

END = date(2026, 3, 16)


def _random_history(rng: random.Random, days: int) -> History:
    start = END - timedelta(days=days - 1)
    onset = start + timedelta(days=rng.randrange(0, days))
    level = rng.choice([1, 2, 3])
    checkins, sessions = [], []
    for k in range(days):
        day = start + timedelta(days=k)
        if rng.random() < 0.03:  # now and then a bad spell, so phases also step back
            level = rng.choice([1, 2, 4, 6])
        if rng.random() < 0.85:
            pain = max(0, min(10, level + rng.choice([-1, 0, 0, 1])))
            flag = rng.random() < 0.004
            checkins.append(
                CheckIn(day, pain_rest=pain, pain_next_morning=max(0, pain - 1),
                        ran=False, sharp_pain=True if flag else None)
            )
        if rng.random() < 0.3:
            set_pain = rng.choice([0, 1, 2, 3, 5])
            moment = datetime.combine(day, datetime.min.time()).replace(hour=18)
            sets = tuple(
                SetLog("nordic", n, reps=5, pain=set_pain, completed=rng.random() < 0.95,
                       started_at=moment, finished_at=moment)
                for n in (1, 2)
            )
            sessions.append(StrengthSession(day, sets, pain_next_morning=rng.choice([0, 1, 2, 4]),
                                            phase=rng.choice([None, None, 1, 2, 3])))
    return History(profile=Profile(injury_start=onset), checkins=tuple(checkins),
                   strength_sessions=tuple(sessions))


def test_the_phase_from_the_last_reset_equals_the_whole_replay() -> None:
    rng = random.Random(15)
    phases: Counter[int] = Counter()
    reset_later_than_start = 0
    for _ in range(60):
        history = _random_history(rng, rng.choice([60, 120, 240]))
        index = DayIndex(history, END)
        for i in range(0, index.n, 9):
            expected = replay_phase(index, i, 0)
            assert current_phase(index, i) == expected, (i, index.day(i))
            phases[expected] += 1
            reset_later_than_start += last_phase_reset(index, i) > 0
    # the histories reach what the shortcut must get right
    assert all(phases[p] >= 10 for p in (1, 2, 3, 4)), phases
    assert reset_later_than_start >= 200


def test_the_demo_story_phase_is_the_same_either_way() -> None:
    history = build_demo_history(END, years=2)
    index = DayIndex(history, END)
    for i in range(index.n - 200, index.n, 3):
        assert current_phase(index, i) == replay_phase(index, i, 0)


def test_one_day_window_queries_equal_the_whole_arrays() -> None:
    """What evaluate() reads for a few days equals the whole-history arrays on every day."""
    index = DayIndex(build_demo_history(END, years=1), END)
    longest_before = index.prev_max
    means = index.weekly_pain_means()
    assert any(longest_before) and any(m is not None for m in means)
    for i in range(index.n):
        assert index.prev_max_at(i) == longest_before[i]
        assert index.weekly_pain_mean(i) == means[i]
