"""docs/rules.md sections 2 and 3 (load and technique rules), each threshold on and just off
its line, through `assess` on small JSON inputs."""

from __future__ import annotations

import pytest
from rules_doc_helpers import assess, checkin, doc, rules, run


@pytest.mark.parametrize(
    "km, level",
    [
        (11.0, None),  # exactly 10% longer: does not fire
        (11.1, "caution"),
        (13.0, "caution"),  # exactly 30%: still caution
        (13.1, "warning"),
        (20.0, "warning"),  # exactly double: still warning
        (20.1, "danger"),
    ],
)
def test_single_run_spike_levels_10_30_100(km, level):
    """load.single_run_spike: more than 10% caution, 30% warning, 100% danger; exactly
    10% does not fire."""
    got = rules(assess(doc([checkin(0, 0)], [run(20, 10.0), run(2, km)], onset=25)))
    if level is None:
        assert "load.single_run_spike" not in got
    else:
        assert got["load.single_run_spike"]["level"] == level


def test_single_run_spike_looks_30_days_before_the_run():
    """A run 31 days before is not in the comparison: no run before, no spike."""
    got = rules(assess(doc([checkin(0, 0)], [run(33, 5.0), run(2, 20.0)], onset=40)))
    assert "load.single_run_spike" not in got
    got = rules(assess(doc([checkin(0, 0)], [run(32, 5.0), run(2, 20.0)], onset=40)))
    assert got["load.single_run_spike"]["level"] == "danger"


def test_single_run_spike_only_for_runs_in_the_last_7_days():
    got = rules(assess(doc([checkin(0, 0)], [run(20, 5.0), run(7, 20.0)], onset=25)))
    assert "load.single_run_spike" not in got


def _weeks(last_week_km: float, first_day: int = 27) -> list[dict]:
    """10 km in each of the 3 weeks before the last 7 days, first record first_day back."""
    return [run(first_day, 0.1), run(22, 10.0), run(15, 10.0), run(8, 9.9),
            run(3, last_week_km)]


@pytest.mark.parametrize("km, fires", [(13.0, False), (13.2, True)])
def test_weekly_increase_above_30_percent(km, fires):
    """load.weekly_increase: 'more than 30% above the mean weekly distance of the 3 weeks
    before'; the change is shown even below 30%."""
    got = assess(doc([checkin(0, 0)], _weeks(km), onset=30))
    assert ("load.weekly_increase" in rules(got)) is fires
    assert got["metrics"]["weekly_change_pct"] is not None


@pytest.mark.parametrize("first_day, known", [(26, False), (27, True)])
def test_weekly_change_needs_a_record_27_days_back(first_day, known):
    """'your first record ... must be ... at least 27 days before the assessed day'"""
    got = assess(doc([checkin(0, 0)], _weeks(30.0, first_day), onset=30))
    assert (got["metrics"]["weekly_change_pct"] is not None) is known
    assert ("load.weekly_increase" in rules(got)) is known


def test_weekly_change_is_null_when_the_3_weeks_had_no_running():
    document = doc([checkin(30, 0), checkin(0, 0)], [run(2, 5.0)], onset=30)
    assert assess(document)["metrics"]["weekly_change_pct"] is None


@pytest.mark.parametrize(
    "earlier, fires",
    [
        (24, True),  # 21 days before the new one
        (23, False),  # 20 days
    ],
)
def test_speed_work_after_21_days_without(earlier, fires):
    """load.speed_work_added: an intensity session 21 days or more after the previous."""
    runs = [run(30, 5.0), run(earlier, 5.0, type="intervals"), run(3, 5.0, type="tempo")]
    got = rules(assess(doc([checkin(0, 0)], runs, onset=35)))
    assert ("load.speed_work_added" in got) is fires
    if fires:
        assert got["load.speed_work_added"]["level"] == "caution"


@pytest.mark.parametrize("first_run, fires", [(23, True), (22, False)])
def test_the_first_speed_session_counts_when_the_record_goes_back_21_days(first_run, fires):
    """'or is the first ever, when your running record goes back at least 21 days before
    it': the session is 2 days back, so the first run must be 23 days back."""
    runs = [run(first_run, 5.0), run(10, 5.0), run(2, 5.0, type="hills")]
    got = rules(assess(doc([checkin(0, 0)], runs, onset=25)))
    assert ("load.speed_work_added" in got) is fires


@pytest.mark.parametrize("before, fires", [(1, True), (2, False)])
def test_speed_work_going_from_0_or_1_to_2_a_week(before, fires):
    """'took the count of intensity sessions in 7 days to 2 or more when the 7 days before
    had 0 or 1'"""
    runs = [run(30, 5.0)] + [run(8 + 2 * k, 5.0, type="tempo") for k in range(before)]
    runs += [run(5, 5.0, type="intervals"), run(2, 5.0, type="race")]
    got = rules(assess(doc([checkin(0, 0)], runs, onset=35)))
    assert ("load.speed_work_added" in got) is fires


@pytest.mark.parametrize(
    "first, second, fires",
    [
        ({"rpe": 7}, {"rpe": 7}, True),
        ({"type": "tempo"}, {"type": "hills"}, True),
        ({"type": "race"}, {"rpe": 8}, True),
        ({"rpe": 6}, {"rpe": 7}, False),
        ({"type": "long", "rpe": 5}, {"type": "intervals"}, False),
    ],
)
def test_back_to_back_hard_is_an_intensity_type_or_rpe_7(first, second, fires):
    """load.back_to_back_hard (warning): hard = intensity type or RPE 7 or more."""
    runs = [run(3, 5.0, **first), run(2, 5.0, **second)]
    got = rules(assess(doc([checkin(0, 0)], runs, onset=10)))
    assert ("load.back_to_back_hard" in got) is fires
    if fires:
        assert got["load.back_to_back_hard"]["level"] == "warning"


def _break(return_km: float, first: int = 60) -> list[dict]:
    """10 km a week, then a 27-day break, then one run 5 days ago."""
    return [run(first, 10.0), run(53, 10.0), run(46, 10.0), run(39, 10.0), run(32, 10.0),
            run(5, return_km)]


@pytest.mark.parametrize("km, fires", [(8.0, True), (7.9, False)])
def test_return_after_break_near_the_old_level(km, fires):
    """load.return_after_break: a 14+ day gap, back within 28 days, last 7 days at least
    80% of the mean week of the 4 weeks before the break."""
    got = rules(assess(doc([checkin(0, 0)], _break(km), onset=70)))
    assert ("load.return_after_break" in got) is fires


def test_return_after_break_needs_4_weeks_of_record_before_the_break():
    got = rules(assess(doc([checkin(0, 0)], _break(10.0)[2:], onset=70)))
    assert "load.return_after_break" not in got


def test_session_load_is_rpe_times_minutes_and_missing_ones_are_unknown():
    runs = [run(2, 5.0, rpe=4, duration_min=30), run(1, 5.0, duration_min=30)]
    got = assess(doc([checkin(0, 0)], runs, onset=10))
    assert got["metrics"]["session_load_7d"] == 120.0
    assert got["unknowns"]


def test_acwr_needs_28_days_from_the_first_run():
    base = [run(n, 5.0, rpe=4, duration_min=30) for n in range(1, 27, 3)]
    assert assess(doc([checkin(0, 0)], base, onset=30))["metrics"]["acwr_ewma"] is None
    more = [*base, run(28, 5.0, rpe=4, duration_min=30)]
    assert assess(doc([checkin(0, 0)], more, onset=30))["metrics"]["acwr_ewma"] is not None


@pytest.mark.parametrize("descent, pain, fires", [(200, 1, True), (199.9, 1, False),
                                                  (400, 0, False)])
def test_downhill_200_m_while_in_pain(descent, pain, fires):
    """technique.downhill (caution): a run in the last 14 days with 200 m of descent or
    more, while you have had pain in those 14 days."""
    runs = [run(5, 10.0, descent_m=descent)]
    got = rules(assess(doc([checkin(3, pain), checkin(0, 0)], runs, onset=20)))
    assert ("technique.downhill" in got) is fires
    if fires:
        assert got["technique.downhill"]["level"] == "caution"


@pytest.mark.parametrize(
    "usual, low, high", [(166, 175, 182), (160, 168, 176), (200, 210, 220), (171, 180, 188)]
)
def test_cadence_target_is_5_to_10_percent_rounded_inwards(usual, low, high):
    """technique.cadence: 'a target of 5-10% above it, rounded inwards'"""
    got = assess(doc([checkin(0, 1)], profile={"usual_cadence_spm": usual}))
    why = rules(got)["technique.cadence"]["why"]
    assert (why["target_low_spm"], why["target_high_spm"]) == (low, high)
    assert got["prescription"]["today"]["cadence_target_spm"] == low


def test_cadence_advice_only_with_pain_in_the_last_14_days():
    document = doc([checkin(15, 2), checkin(0, 0)], profile={"usual_cadence_spm": 166},
                   onset=20)
    assert "technique.cadence" not in rules(assess(document))


def test_cadence_baseline_from_runs_before_the_injury():
    """'the median of the runs with cadence in the 28 days before the episode's onset, at
    least 3 runs (runs before the injury)'"""
    runs = [run(40, 5.0, cadence_spm=150), run(35, 5.0, cadence_spm=160),
            run(25, 5.0, cadence_spm=170)]
    why = rules(assess(doc([checkin(0, 2)], runs, onset=20)))["technique.cadence"]["why"]
    assert why["usual_from"] == "runs before the injury"
    assert why["usual_cadence_spm"] == 160
    too_few = runs[1:]
    assert "technique.cadence" not in rules(assess(doc([checkin(0, 2)], too_few, onset=20)))


@pytest.mark.parametrize("cadence, reached", [(175, True), (174, False)])
def test_cadence_target_reached_at_5_percent_above_usual(cadence, reached):
    runs = [run(2, 5.0, cadence_spm=cadence)]
    got = assess(doc([checkin(0, 1)], runs, profile={"usual_cadence_spm": 166}))
    assert rules(got)["technique.cadence"]["why"]["target_reached"] is reached


@pytest.mark.parametrize(
    "sign", ["overstride_long_stride", "overstride_loud_landing", "overstride_heel_ahead"]
)
def test_each_overstriding_sign_gives_the_caution(sign):
    got = rules(assess(doc([checkin(0, 0, **{sign: True})])))
    assert got["technique.overstriding"]["level"] == "caution"
