"""The return-to-run ladder: what starts it, what moves it, and a full walk to the top."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from plan_helpers import LadderStory, answered, history, prescription, run

from hamstring_app.core.models import Profile, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.runplan import Clearance
from hamstring_app.core.runplan.ladder import ladder_today, walk_ladder

STEPS = len(T.LADDER_STEPS)


def events(w) -> list[str]:
    return [e.event for e in w.events]


def test_a_stop_waits_then_starts_at_step_one_when_the_pain_settles():
    s = LadderStory()
    w = s.walk(0)
    assert (w.status, w.reason, w.step) == ("waiting", "stop", 1)
    s.fill(1)
    w = s.walk(1)
    assert (w.status, w.step, w.runs_done) == ("active", 1, 0)
    assert events(w) == ["waiting", "started"]


# (run pain, next morning) -> (step after, good runs at the step, last event)
CASES = [
    pytest.param([(2, 1), (3, 1)], (2, 0, "moved_up"), id="two good runs move up"),
    pytest.param([(2, 1)], (1, 1, "good_run"), id="one good run is not enough"),
    pytest.param([(2, 1), (4, 1)], (1, 1, "repeat"), id="pain 4 repeats"),
    pytest.param([(2, 1), (5, 1)], (1, 1, "repeat"), id="pain 5 repeats"),
    pytest.param([(2, 1), (3, 4)], (1, 1, "repeat"), id="a worse morning repeats"),
    pytest.param([(2, 1), (None, 1)], (1, 1, "no_answer"), id="run pain not logged"),
    pytest.param([(2, 1), (2, None)], (1, 1, "no_answer"), id="morning not answered"),
    pytest.param([(2, 1), (2, 1), (1, 1), (6, 1)], (1, 0, "went_back"), id="pain 6 goes back"),
    pytest.param([(1, 1), (6, 1)], (1, 0, "went_back"), id="never below step 1"),
]


@pytest.mark.parametrize(("results", "expected"), CASES)
def test_each_condition_moves_the_ladder(results, expected):
    s = LadderStory()
    n = 1
    for pain, morning in results:
        s.ladder_run(n, pain, morning)
        n += 2
    s.fill(n)
    w = s.walk(n)
    assert (w.step, w.runs_done, events(w)[-1]) == expected


def test_a_run_without_a_rest_day_between_does_not_count():
    s = LadderStory()
    s.ladder_run(1, 1, 1)
    s.ladder_run(2, 1, 1)
    s.fill(4)
    w = s.walk(4)
    assert events(w)[-2:] == ["good_run", "no_rest_day"]
    assert (w.step, w.runs_done) == (1, 1)


def test_the_day_after_a_ladder_run_is_a_rest_day_and_today_waits_for_the_morning():
    s = LadderStory()
    s.ladder_run(1, 2, 1)
    index = DayIndex(s.history(), s.day(1))
    ladder, _ = ladder_today(index, index.index(s.day(1)), since=s.profile.injury_start)
    assert ladder is not None and ladder.pending and "Tomorrow morning" in ladder.next_when
    index = DayIndex(s.history(), s.day(2))
    ladder, _ = ladder_today(index, index.index(s.day(2)), since=s.profile.injury_start)
    assert ladder.rest_today and ladder.runs_done == 1
    _a, p = prescription(s.history(), s.day(2))
    assert p.today.kind == "rest" and not p.today.running


def test_a_warning_sign_stops_the_ladder_until_a_professional_clears_running():
    s = LadderStory()
    s.ladder_run(1, 2, 1)
    s.ladder_run(3, 2, 1)  # step 2 now
    s.ladder_run(5, 2, 1, sharp_pain=True)
    s.fill(9)
    w = s.walk(9)
    assert (w.status, w.reason, w.step) == ("waiting", "warning_sign", 1)
    # the recent-warning window is still open on day 9: no clearance, still waiting
    _a, p = prescription(s.history(), s.day(9))
    assert p.today.kind in ("rest", "no_run") and not p.today.running
    assert "professional" in " ".join(p.today.notes)
    cleared = [Clearance(s.day(8), cleared_to_run=True)]
    w = s.walk(9, clearances=cleared)
    assert (w.status, w.reason, w.step) == ("active", "cleared", 1)
    not_cleared = [Clearance(s.day(8), cleared_to_run=False)]
    assert s.walk(9, clearances=not_cleared).status == "waiting"


def test_a_routine_warning_sign_lets_the_ladder_start_once_its_window_has_passed():
    s = LadderStory()
    s.ladder_run(1, 2, 1, pain_increases_with_speed=True)
    last = 1 + T.RECENT_RED_FLAG_DAYS
    s.fill(last)
    assert s.walk(last - 1).status == "waiting"
    w = s.walk(last)
    assert (w.status, w.reason, w.step) == ("active", "warning_sign", 1)


def test_a_long_hold_starts_the_ladder():
    s = LadderStory()
    s.checkins.clear()
    for n in range(T.LADDER_LONG_HOLD_DAYS):
        d = s.day(n)
        s.checkins[d] = answered(d, pain_rest=4, pain_next_morning=4)
    assert s.walk(T.LADDER_LONG_HOLD_DAYS - 2).status is None
    w = s.walk(T.LADDER_LONG_HOLD_DAYS - 1)
    assert (w.status, w.reason, w.step) == ("active", "long_hold", 1)


@pytest.mark.parametrize(
    ("rest_pain", "entry"), [(1, 1), (0, T.LADDER_PAIN_FREE_BREAK_STEP)], ids=["sore", "pain-free"]
)
def test_a_break_starts_the_ladder_lower_down_when_sore(rest_pain, entry):
    s = LadderStory()
    s.checkins.clear()
    s.runs.append(run(s.day(0), 8.0))
    last = T.BREAK_DAYS + 1
    for n in range(last + 1):
        d = s.day(n)
        s.checkins[d] = answered(d, pain_rest=rest_pain, pain_next_morning=rest_pain)
    assert s.walk(last - 1).status is None
    w = s.walk(last)
    assert (w.status, w.reason, w.step) == ("active", "break", entry)


def test_cleared_to_run_starts_the_ladder():
    s = LadderStory()
    s.checkins.clear()
    s.fill(3)
    assert s.walk(3).status is None
    w = s.walk(3, clearances=[Clearance(s.day(2), cleared_to_run=True)])
    assert (w.status, w.reason) == ("active", "cleared")


def test_full_ladder_from_stop_to_continuous_running():
    s = LadderStory()
    n = 1
    seen_steps = []
    for _ in range(STEPS * T.LADDER_RUNS_PER_STEP):
        s.ladder_run(n, 2, 1)
        seen_steps.append(s.walk(n).step)
        n += 2
    s.fill(n)
    assert seen_steps == [k for k in range(1, STEPS + 1) for _ in range(2)]
    w = s.walk(n - 1)
    assert w.status is None and w.completed_on == s.day(n - 1)
    assert events(w).count("moved_up") == STEPS - 1 and events(w)[-1] == "completed"
    _a, p = prescription(s.history(), s.day(n))
    assert p.ladder is None
    assert p.today.kind in ("easy", "run") and p.today.max_minutes is None
    # the last step is continuous easy running for 30 minutes
    assert T.LADDER_STEPS[-1] == (30, 0, 1)


def test_prescription_on_the_ladder_is_the_step_with_its_minutes():
    s = LadderStory()
    s.ladder_run(1, 2, 1)
    s.ladder_run(3, 2, 1)
    s.fill(5)
    _a, p = prescription(s.history(), s.day(5))
    assert p.ladder is not None and p.ladder.step == 2 and p.ladder.of == STEPS
    assert p.today.kind == "ladder"
    assert p.today.max_minutes == 21 and not p.today.intensity_allowed
    assert p.today.terrain == "flat"
    d = p.to_dict()["ladder"]
    assert d["step"] == 2 and d["of"] == STEPS and "good run" in d["next_when"]
    # the week: ladder runs every other day, never two in a row
    kinds = [day.run_kind for day in p.week]
    assert kinds[0] == "ladder"
    assert all(not (a == b == "ladder") for a, b in itertools.pairwise(kinds))


def test_the_ladder_is_per_episode():
    s = LadderStory()
    s.fill(3)
    h = s.history()
    later = Profile(injury_start=s.day(2))
    h2 = history(h.checkins, h.runs, later)
    index = DayIndex(h2, s.day(3))
    assert walk_ladder(index, index.index(s.day(3)), since=later.injury_start).status is None
    assert s.walk(3).status == "active"


def _with_assessment(s, day, outcome):
    from dataclasses import replace

    from hamstring_app.core.episodes import ProfessionalAssessment

    h = s.history()
    return replace(h, assessments=(ProfessionalAssessment(day, outcome),))


def test_a_recorded_assessment_that_clears_running_starts_the_ladder():
    from hamstring_app.core.episodes import AssessmentOutcome

    s = LadderStory()
    s.ladder_run(1, 2, 1, nerve_signs=True)  # urgent: open until assessed
    s.fill(6)
    _a, p = prescription(s.history(), s.day(6))
    assert p.ladder.status == "waiting" and p.today.kind == "no_run"
    h = _with_assessment(s, s.day(5), AssessmentOutcome.CLEARED_TO_RUN)
    a, p = prescription(h, s.day(6))
    assert a.verdict is not Verdict.STOP
    assert (p.ladder.status, p.ladder.reason, p.ladder.step) == ("active", "cleared", 1)
    assert p.today.kind == "ladder"


@pytest.mark.parametrize("outcome", ["rehab_only", "no_running"])
def test_a_professional_who_says_not_yet_keeps_the_ladder_waiting(outcome):
    from hamstring_app.core.episodes import AssessmentOutcome

    s = LadderStory()
    s.ladder_run(1, 2, 1, nerve_signs=True)
    s.fill(8)
    h = _with_assessment(s, s.day(5), AssessmentOutcome(outcome))
    _a, p = prescription(h, s.day(8))
    assert (p.ladder.status, p.ladder.reason) == ("waiting", "professional")
    assert not p.today.running and "said not to run yet" in p.ladder.next_when
    assert not any(d.running for d in p.week)


def test_a_run_before_the_walk_starts_still_counts_for_a_break():
    # the last run was long before the 180 days the ladder looks back over: the first day
    # walked is already more than a break after it
    s = LadderStory()
    s.checkins.clear()
    s.profile = replace(s.profile, injury_start=s.day(-T.LADDER_LOOKBACK_DAYS - 30))
    s.runs[:] = [run(s.day(-T.LADDER_LOOKBACK_DAYS - 20), 8.0),
                 run(s.day(-T.LADDER_LOOKBACK_DAYS - 20), 3.0)]
    for n in range(3):
        d = s.day(n)
        s.checkins[d] = answered(d, pain_rest=1, pain_next_morning=1)
    w = s.walk(2)
    assert (w.status, w.reason) == ("active", "break")
    first = w.events[0]
    assert first.event == "started" and "days without running" in first.detail
    assert first.day == s.day(2 - T.LADDER_LOOKBACK_DAYS + 1)  # the first day walked
    # without any run before, no break
    s.runs.clear()
    assert s.walk(2).status is None
