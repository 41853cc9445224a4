"""The demo history: deterministic, believable, valid, and never in the future."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import mean

import pytest

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.library import load_library
from hamstring_app.core.models import History, RunType, check_not_future

TODAY = date(2026, 11, 28)
STORY_IDS = {
    "bridge_hold",
    "single_leg_bridge_hold",
    "prone_knee_bend_hold",
    "romanian_deadlift",
    "single_leg_rdl",
    "hip_thrust",
    "nordic_curl",
    "nordic_curl_assisted",
    "hamstring_slider",
    "split_squat",
    "step_up",
    "calf_raise",
}


def _all_days(history: History) -> list[date]:
    days = [c.day for c in history.checkins] + [r.day for r in history.runs]
    days += [s.day for s in history.strength_sessions]
    return days


@pytest.fixture(scope="module")
def story() -> History:
    return build_demo_history(TODAY)


@pytest.fixture(scope="module")
def five_years() -> History:
    return build_demo_history(TODAY, years=5)


def test_same_inputs_give_identical_history() -> None:
    assert build_demo_history(TODAY) == build_demo_history(TODAY)
    assert build_demo_history(TODAY, years=2) == build_demo_history(TODAY, years=2)


def test_a_different_today_shifts_the_story(story: History) -> None:
    later = build_demo_history(TODAY + timedelta(days=10))
    assert later.checkins[-1].day == TODAY + timedelta(days=10)
    assert len(later.checkins) == len(story.checkins)


@pytest.mark.parametrize("today", [TODAY, date(2024, 2, 29), date(2025, 1, 1)])
@pytest.mark.parametrize("years", [None, 1])
def test_nothing_after_today_and_ends_today(today: date, years: int | None) -> None:
    history = build_demo_history(today, years=years)
    for day in _all_days(history):
        check_not_future("date", day, today)
    assert history.checkins[-1].day == today
    for session in history.strength_sessions:
        for s in session.sets:
            assert s.started_at is not None and s.finished_at is not None
            assert s.started_at.date() == session.day
        assert session.pain_next_morning is not None or session.day == today - timedelta(days=1)


def test_sequences_are_sorted_oldest_first(five_years: History) -> None:
    for seq in (five_years.checkins, five_years.runs, five_years.strength_sessions):
        days = [item.day for item in seq]
        assert days == sorted(days)
    checkin_days = [c.day for c in five_years.checkins]
    assert len(checkin_days) == len(set(checkin_days)), "one check-in a day"


def test_story_profile_and_shape(story: History) -> None:
    assert story.profile is not None
    onset = story.profile.injury_start
    assert onset == TODAY - timedelta(days=12 * 7 - 1)
    assert story.checkins[0].day == onset
    assert len(story.checkins) == 84
    # speed work was added in the weeks before the pain started
    before = [r for r in story.runs if r.day < onset]
    assert sum(r.type.is_intensity for r in before if r.day >= onset - timedelta(days=14)) >= 4
    assert not any(r.type.is_intensity for r in before if r.day < onset - timedelta(days=14))
    kinds = {r.type for r in story.runs}
    assert {RunType.EASY, RunType.LONG, RunType.TEMPO, RunType.INTERVALS, RunType.HILLS} <= kinds
    assert all(r.rpe is not None and r.cadence_spm and r.descent_m is not None for r in story.runs)


def test_only_one_honest_red_flag_day_early(story: History) -> None:
    flagged = [c for c in story.checkins if c.red_flags]
    assert len(flagged) == 1
    assert flagged[0].red_flags == ("sharp_pain",)
    assert flagged[0].day <= story.checkins[0].day + timedelta(days=7)


def test_story_has_one_single_run_spike_then_a_flare(story: History) -> None:
    spikes = []
    first = story.runs[0].day
    for run in story.runs:
        if run.day < first + timedelta(days=30):
            continue  # no full month before it to compare with
        window = [
            r.distance_km for r in story.runs
            if run.day - timedelta(days=30) <= r.day < run.day
        ]
        if window and run.distance_km > 1.3 * max(window):
            spikes.append((run, max(window)))
    assert len(spikes) == 1, spikes
    run, longest = spikes[0]
    assert 1.5 <= run.distance_km / longest <= 1.7
    by_day = {c.day: c for c in story.checkins}
    before = by_day[run.day].pain_next_morning
    after = by_day[run.day + timedelta(days=1)].pain_next_morning
    assert before is not None and after is not None
    assert after >= before + 2
    assert after >= 4


def test_story_recovers(story: History) -> None:
    onset = story.checkins[0].day

    def week_pain(first_week: int, last_week: int) -> float:
        lo = onset + timedelta(days=7 * (first_week - 1))
        hi = onset + timedelta(days=7 * last_week)
        values = [
            v for c in story.checkins if lo <= c.day < hi
            for v in (c.pain_rest, c.pain_next_morning) if v is not None
        ]
        return mean(values)

    last = week_pain(12, 12)
    assert last < week_pain(2, 4)
    assert last <= 1.0
    assert all((c.pain_rest or 0) <= 1 for c in story.checkins[-7:])


def test_strength_work_progresses(story: History) -> None:
    sessions = story.strength_sessions
    assert {s.phase for s in sessions} == {1, 2, 3, 4}
    phases = [s.phase for s in sessions]
    assert phases == sorted(phases)  # type: ignore[type-var]
    first_ids = {s.exercise_id for s in sessions[0].sets}
    last_ids = {s.exercise_id for s in sessions[-1].sets}
    assert "bridge_hold" in first_ids
    assert "nordic_curl" in last_ids
    used = {s.exercise_id for session in sessions for s in session.sets}
    assert used <= STORY_IDS
    assert "romanian_deadlift" in used
    # 2-3 sessions in every full week after the first
    onset = story.checkins[0].day
    for week in range(1, 12):
        lo, hi = onset + timedelta(days=7 * week), onset + timedelta(days=7 * week + 7)
        assert 2 <= sum(lo <= s.day < hi for s in sessions) <= 3


def test_five_years_counts(five_years: History) -> None:
    assert len(five_years.checkins) == 5 * 365
    assert 5 * 180 <= len(five_years.runs) <= 5 * 220
    assert 5 * 90 <= len(five_years.strength_sessions) <= 5 * 110
    sets = [len(s.sets) for s in five_years.strength_sessions]
    assert 11 <= mean(sets) <= 13
    assert five_years.checkins[0].day == TODAY - timedelta(days=5 * 365 - 1)
    assert five_years.checkins[-1].day == TODAY


def test_long_history_ends_with_the_same_story(story: History, five_years: History) -> None:
    assert five_years.profile == story.profile
    onset = story.checkins[0].day
    assert [c.pain_rest for c in five_years.checkins if c.day >= onset] != []
    tail = [r for r in five_years.runs if r.day >= onset]
    assert [r.type for r in tail] == [r.type for r in story.runs if r.day >= onset]


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"weeks": 3}, "weeks"),
        ({"weeks": True}, "weeks"),
        ({"years": 0}, "years"),
        ({"years": 2.5}, "years"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, object], word: str) -> None:
    with pytest.raises(ValueError, match=word):
        build_demo_history(TODAY, **kwargs)  # type: ignore[arg-type]


def test_today_must_be_a_date() -> None:
    from datetime import datetime

    with pytest.raises(ValueError, match="today"):
        build_demo_history(datetime(2026, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize("weeks", [8, 12, 20, 52])
def test_other_story_lengths_still_recover(weeks: int) -> None:
    history = build_demo_history(TODAY, weeks=weeks)
    assert len(history.checkins) == weeks * 7
    first = [c.pain_rest or 0 for c in history.checkins[7:28]]
    last = [c.pain_rest or 0 for c in history.checkins[-7:]]
    assert mean(last) < mean(first)


def test_demo_uses_the_shipped_library_and_programmes(five_years: History) -> None:
    library = load_library()
    used = {s.exercise_id for session in five_years.strength_sessions for s in session.sets}
    assert used <= set(library.exercises)
    programme_ids = {p.id for p in library.programmes}
    assert {s.programme_id for s in five_years.strength_sessions} <= programme_ids
    for session in five_years.strength_sessions:
        assert session.programme_id == f"phase_{session.phase}"
