"""Injury episodes in the rules: timeline, window, phase, cadence and triggers per episode."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from rules_helpers import TODAY, ago, clean, history, profile, run, session

from hamstring_app.core.episodes import Episode, EpisodeEnd
from hamstring_app.core.models import PainSite, RunType, ValidationError
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.jsonio import parse_document


def two_episodes(**second):
    first = Episode(ago(200), ended=ago(120), end_reason=EpisodeEnd.RECOVERED)
    return (first, Episode(ago(10), **second))


def test_a_second_episode_counts_its_timeline_from_its_own_onset():
    cs = [clean(ago(k), pain_rest=2) for k in range(0, 12)]
    h = dataclasses.replace(history(cs, prof=profile(ago(200))), episodes=two_episodes())
    a = evaluate(h, TODAY)
    assert a.recovery.weeks_since_onset == pytest.approx(10 / 7, abs=0.05)
    assert a.recovery.status == "on_track"
    # the same history with only the old onset is long past its window
    old = evaluate(history(cs, prof=profile(ago(200))), TODAY)
    assert old.recovery.status == "slower_than_expected"


def test_the_window_is_the_current_episodes():
    cs = [clean(ago(k), pain_rest=2) for k in range(0, 5)]
    eps = two_episodes(pain_site=PainSite.HIGH_NEAR_SIT_BONE, long_standing=True)
    h = dataclasses.replace(history(cs, prof=profile(ago(200))), episodes=eps)
    assert evaluate(h, TODAY).recovery.expected_window_weeks == (12, 26)


def test_an_earlier_day_is_judged_with_its_own_episode():
    cs = [clean(ago(k), pain_rest=2) for k in range(119, 140)]
    h = dataclasses.replace(history(cs, prof=profile(ago(10))), episodes=two_episodes())
    a = evaluate(h, ago(125))
    assert a.recovery.weeks_since_onset == pytest.approx(75 / 7, abs=0.05)
    assert a.recovery.status == "slower_than_expected"  # it had not ended yet that day
    b = evaluate(h, ago(119))  # the day after it was ended as recovered
    assert b.recovery.status == "recovered"
    assert "timeline.slower_than_expected" not in {x.rule for x in b.advice}


def test_the_phase_starts_again_at_a_new_episode():
    cs = [clean(ago(k), pain_next_morning=0) for k in range(0, 60)]
    sessions = [session(ago(k), {"bridge_hold": [1, 1]}, 0) for k in range(58, 0, -3)]
    base = history(cs, sessions=sessions, prof=profile(ago(60)))
    assert evaluate(base, TODAY).phase >= 3
    eps = (Episode(ago(60), ended=ago(4), end_reason=EpisodeEnd.RECOVERED), Episode(ago(3)))
    assert evaluate(dataclasses.replace(base, episodes=eps), TODAY).phase == 1


def test_triggers_look_only_inside_the_current_episode():
    runs, cs = [], [clean(ago(k)) for k in range(0, 60)]
    for k in (50, 45, 40):
        runs.append(run(ago(k), 5.0, type=RunType.INTERVALS))
        cs[k - 1] = clean(ago(k - 1), pain_next_morning=2)
    h = history(cs, runs, prof=profile(ago(59)))
    assert any(t.feature == "intervals" for t in evaluate(h, TODAY).triggers)
    eps = (Episode(ago(59), ended=ago(21), end_reason=EpisodeEnd.CLOSED), Episode(ago(20)))
    assert evaluate(dataclasses.replace(h, episodes=eps), TODAY).triggers == ()


def doc(**extra):
    base = {"today": "2026-03-16", "checkins": [{"date": "2026-03-16", "pain_rest": 1}]}
    return json.loads(json.dumps({**base, **extra}))


def test_assess_input_accepts_episodes_without_an_injury_start():
    data = doc(
        profile={"pain_site": "mid_thigh"},
        episodes=[
            {"onset": "2025-10-01", "ended": "2025-11-20", "end_reason": "recovered"},
            {"onset": "2026-03-02", "side": "right"},
        ],
    )
    h, today = parse_document(data, cli_today=None, system_today=TODAY)
    assert h.profile is not None and h.profile.injury_start == date(2026, 3, 2)
    assert [e.onset for e in h.episodes] == [date(2025, 10, 1), date(2026, 3, 2)]
    assert evaluate(h, today).recovery.weeks_since_onset == 2.0


def test_assess_input_still_accepts_the_profile_form():
    h, _ = parse_document(
        doc(profile={"injury_start": "2026-03-02"}), cli_today=None, system_today=TODAY
    )
    assert h.episodes == () and h.profile.injury_start == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("episodes", "field"),
    [
        ([{"onset": "2026-03-02"}, {"onset": "2026-03-05"}], "episodes[0].ended"),
        ([{"onset": "2026-03-02", "ended": "2026-03-01", "end_reason": "closed"}],
         "episodes[0].ended"),
        ([{"onset": "2026-03-02", "ended": "2026-03-04"}], "episodes[0].end_reason"),
        ([{"onset": "2026-03-20"}], "episodes[0].onset"),
        ([{"onset": "2026-03-02", "colour": "red"}], "episodes[0].colour"),
    ],
)
def test_bad_episodes_name_the_field(episodes, field):
    with pytest.raises(ValidationError) as caught:
        parse_document(doc(episodes=episodes), cli_today=None, system_today=TODAY)
    assert caught.value.field == field
