"""evaluate() as a whole: output shape, ordering, no look-ahead, and docs in step with code."""

from __future__ import annotations

import re
from pathlib import Path

from rules_helpers import TODAY, ago, checkin, clean, history, profile, run, session

from hamstring_app.core.models import Referral, RunType, Verdict
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.triggers import FEATURES

ROOT = Path(__file__).resolve().parents[3]
RULES_DIR = ROOT / "hamstring_app" / "core" / "rules"


def busy_history():
    cs = [clean(ago(k), pain_rest=2, pain_next_morning=2 + (k % 3 == 0)) for k in range(1, 30)]
    cs.append(
        checkin(
            TODAY,
            pain_rest=4,
            pain_next_morning=3,
            fatigue=8,
            sleep_hours=5.0,
            overstride_long_stride=True,
        )
    )
    runs = [run(ago(k), 6.0, rpe=5, duration_min=36.0) for k in range(3, 30, 2)]
    runs += [run(ago(1), 8.0, type=RunType.INTERVALS, rpe=8, duration_min=40.0)]
    runs += [run(TODAY, 14.0, rpe=7, duration_min=80.0, descent_m=300.0)]
    sessions = [session(ago(4), {"nordic": [2, 3]}, 2), session(ago(2), {"nordic": [6]}, 3)]
    return history(cs, runs, sessions, profile(ago(60), usual_cadence_spm=165))


def test_busy_day_gives_ordered_advice_and_the_documented_shape():
    a = evaluate(busy_history(), TODAY)
    assert a.verdict is Verdict.HOLD
    assert a.referral is Referral.ROUTINE  # 60 days is past the 2-6 week window
    ranks = [x.level.rank for x in a.advice]
    assert ranks == sorted(ranks, reverse=True)
    rules = {x.rule for x in a.advice}
    assert {
        "pain.hold",
        "load.single_run_spike",
        "load.back_to_back_hard",
        "load.fatigue",
        "technique.downhill",
        "technique.overstriding",
        "technique.cadence",
        "strength.regress",
        "timeline.slower_than_expected",
    } <= rules
    d = a.to_dict()
    assert list(d) == [
        "today",
        "verdict",
        "referral",
        "referral_reason",
        "advice",
        "unknowns",
        "metrics",
        "phase",
        "strength",
        "strength_pause",
        "recovery",
        "triggers",
        "last_assessment",
        "prescription",
    ]
    assert set(d["advice"][0]) == {"rule", "level", "title", "message", "why", "evidence"}
    assert set(d["recovery"]) == {
        "weeks_since_onset",
        "expected_window_weeks",
        "status",
        "pain_mean_7d",
        "pain_mean_7d_two_weeks_ago",
        "pain_trend",
    }
    assert {"weekly_km", "weekly_change_pct", "longest_run_30d_km", "acwr_ewma"} <= set(
        d["metrics"]
    )


def test_records_after_today_are_ignored():
    h = busy_history()
    later = history(
        [*h.checkins, checkin(ago(-1), sharp_pain=True, pain_rest=9)],
        [*h.runs, run(ago(-1), 40.0)],
        h.strength_sessions,
        h.profile,
    )
    assert evaluate(later, TODAY) == evaluate(h, TODAY)


def test_urgent_referral_through_evaluate():
    a = evaluate(history([clean(TODAY, sudden_onset_with_weakness=True)]), TODAY)
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT
    assert "24-48 hours" in a.referral_reason
    assert a.advice[0].rule == "pain.red_flag"


def _ids_in_code() -> set[str]:
    found: set[str] = set()
    for path in RULES_DIR.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'"((?:pain|load|technique|strength|timeline)\.[a-z_]+)"', text))
    found |= {f"triggers.{f}" for f in FEATURES}
    return found


def test_every_rule_id_is_documented_and_every_documented_id_exists():
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    headed = set()
    for line in doc.splitlines():
        if line.startswith("### "):
            headed |= set(re.findall(r"`([a-z]+\.[a-z_]+)`", line))
    assert headed == _ids_in_code()


CHANGE_GROUPS = ("load.", "technique.", "strength.")


def _clear_day(runs=(), sessions=(), **today):
    cs = [clean(ago(k)) for k in range(1, 4)] + [clean(TODAY, **today)]
    return evaluate(history(cs, runs=list(runs), sessions=list(sessions)), TODAY)


def test_no_pain_and_nothing_else_is_all_clear():
    a = _clear_day()
    assert a.verdict is Verdict.CONTINUE
    assert "pain.clear" in {x.rule for x in a.advice}


def test_no_pain_next_to_danger_load_advice_is_modify_not_continue():
    a = _clear_day(runs=[run(ago(10), 10.0), run(TODAY, 25.0, pain=0)])  # more than double
    rules = {x.rule: x for x in a.advice}
    assert rules["load.single_run_spike"].level.value == "danger"
    assert a.verdict is Verdict.MODIFY
    assert "pain.clear" not in rules
    item = rules["pain.clear_with_changes"]
    assert "load.single_run_spike" in str(item.why["advice_to_follow"])


def test_caution_advice_is_enough_to_raise_continue():
    a = _clear_day(fatigue=8)  # load.fatigue is caution
    assert a.verdict is Verdict.MODIFY
    assert "pain.clear" not in {x.rule for x in a.advice}


def test_strength_regress_raises_continue():
    sessions = [session(ago(3), {"nordic": [2]}, 0), session(ago(1), {"nordic": [7]}, 0)]
    a = _clear_day(sessions=sessions)
    assert a.verdict is Verdict.MODIFY


def test_info_only_advice_leaves_continue():
    sessions = [session(ago(3), {"nordic": [2]}, 0), session(ago(1), {"nordic": [4]}, 0)]
    a = _clear_day(sessions=sessions)  # strength.hold is info
    assert "strength.hold" in {x.rule for x in a.advice}
    assert a.verdict is Verdict.CONTINUE


def test_load_advice_never_lowers_the_pain_verdict():
    a = evaluate(
        history([clean(TODAY, pain_rest=5)], runs=[run(ago(10), 10.0), run(TODAY, 25.0)]),
        TODAY,
    )
    assert a.verdict is Verdict.HOLD


def test_pain_creeping_up_is_never_shown_beside_all_clear():
    # 7-day means 0, then 1, then about 2.6: rising two weeks in a row, though today is 0
    cs = [clean(ago(k), pain_rest=0, pain_next_morning=0) for k in range(14, 21)]
    cs += [clean(ago(k), pain_rest=1, pain_next_morning=0) for k in range(7, 14)]
    cs += [clean(ago(k), pain_rest=3, pain_next_morning=0) for k in range(1, 7)]
    cs.append(clean(TODAY, pain_rest=0, pain_next_morning=0))
    a = evaluate(history(cs), TODAY)
    rules = {x.rule for x in a.advice}
    assert "pain.rising" in rules
    assert "pain.clear" not in rules
    assert a.verdict is Verdict.MODIFY


def test_strength_advice_names_exercises_by_their_library_names():
    sessions = [
        session(ago(3), {"single_leg_rdl": [2]}, 0),
        session(ago(1), {"single_leg_rdl": [2]}, 0),
    ]
    names = {"single_leg_rdl": "Single-leg RDL"}
    named = evaluate(history([clean(TODAY)], sessions=sessions), TODAY, names=names)
    progress = next(a for a in named.advice if a.rule == "strength.progress")
    assert "Single-leg RDL" in progress.message and "single leg rdl" not in progress.message
    assert "Single-leg RDL" in named.strength[0].message
    assert progress.why["exercises"] == "single_leg_rdl"  # ids stay ids in the why
    plain = evaluate(history([clean(TODAY)], sessions=sessions), TODAY)
    assert (
        "single leg rdl" in next(a for a in plain.advice if a.rule == "strength.progress").message
    )
