"""Episodes and "assessed by a professional" records in the repository."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from store_samples import TODAY, full_profile

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.core.episodes import (
    AssessmentOutcome,
    Episode,
    EpisodeEnd,
    ProfessionalAssessment,
)
from hamstring_app.core.models import PainSite, Side, ValidationError
from hamstring_app.store import operations as op
from hamstring_app.store.errors import NotFound


def test_saving_the_profile_makes_and_follows_episode_1(repo):
    repo.save_profile(full_profile())
    (first,) = repo.list_episodes()
    assert (first.onset, first.side, first.pain_site, first.long_standing) == (
        date(2026, 1, 10), Side.RIGHT, PainSite.HIGH_NEAR_SIT_BONE, True
    )
    repo.save_profile(replace(full_profile(), injury_start=date(2026, 1, 12), side=Side.LEFT))
    (moved,) = repo.list_episodes()
    assert moved.id == first.id and moved.onset == date(2026, 1, 12) and moved.side is Side.LEFT


def test_a_new_episode_ends_the_open_one_and_moves_the_profile(repo):
    repo.save_profile(full_profile())
    done = op.start_episode(
        repo,
        Episode(date(2026, 3, 1), Side.LEFT, PainSite.MID_THIGH),
        previous_end=EpisodeEnd.CLOSED,
    )
    assert done.changes == Changes.of(Kind.EPISODE, Kind.PROFILE)
    first, second = repo.list_episodes()
    assert (first.ended, first.end_reason) == (date(2026, 2, 28), EpisodeEnd.CLOSED)
    assert second.is_open and repo.current_episode() == second
    assert repo.get_profile().injury_start == date(2026, 3, 1)
    assert repo.load_history().episodes == (first, second)


@pytest.mark.parametrize("onset", [date(2026, 1, 10), date(2026, 1, 1), date(2026, 3, 16)])
def test_a_new_episode_must_start_after_the_current_one_and_not_in_the_future(repo, onset):
    repo.save_profile(full_profile())
    with pytest.raises(ValidationError):
        repo.start_episode(Episode(onset))
    assert len(repo.list_episodes()) == 1  # nothing written


def test_ending_an_episode(repo):
    repo.save_profile(full_profile())
    (e,) = repo.list_episodes()
    ended = op.end_episode(repo, e.id, date(2026, 3, 1), EpisodeEnd.RECOVERED).value
    assert repo.list_episodes() == (ended,) and repo.current_episode() is None
    with pytest.raises(NotFound):
        repo.end_episode(999, date(2026, 3, 1), EpisodeEnd.RECOVERED)


def test_an_ended_episode_can_be_made_current_again_for_undo(repo):
    repo.save_profile(full_profile())
    (e,) = repo.list_episodes()
    op.end_episode(repo, e.id, date(2026, 3, 1), EpisodeEnd.RECOVERED)
    done = op.reopen_episode(repo, e.id)
    assert done.changes == Changes.of(Kind.EPISODE)
    assert done.value == e and repo.list_episodes() == (e,) and repo.current_episode() == e
    with pytest.raises(NotFound):
        repo.reopen_episode(999)


def test_only_the_latest_episode_can_be_made_current_again(repo):
    repo.save_profile(full_profile())
    op.start_episode(repo, Episode(date(2026, 3, 1)))
    first, second = repo.list_episodes()
    with pytest.raises(ValidationError):
        repo.reopen_episode(first.id)
    assert repo.list_episodes() == (first, second)  # nothing written


def test_an_episode_cannot_end_before_it_started(repo):
    repo.save_profile(full_profile())
    (e,) = repo.list_episodes()
    with pytest.raises(ValidationError):
        repo.end_episode(e.id, date(2026, 1, 9), EpisodeEnd.RECOVERED)
    assert repo.current_episode() == e


def test_assessments_round_trip_and_undo(repo):
    a = op.record_assessment(
        repo, ProfessionalAssessment(date(2026, 3, 10), AssessmentOutcome.CLEARED_TO_RUN, "ok")
    )
    assert a.changes == Changes.of(Kind.ASSESSMENT) and a.value.id is not None
    b = repo.add_assessment(ProfessionalAssessment(date(2026, 3, 12)))
    assert repo.list_assessments() == (a.value, b)
    assert repo.latest_assessment() == b
    assert repo.latest_assessment(date(2026, 3, 11)) == a.value
    assert repo.load_history().assessments == (a.value, b)
    gone = op.delete_assessment(repo, b.id).value
    assert gone == b and repo.list_assessments() == (a.value,)
    assert op.record_assessment(repo, gone).value == b  # undo puts it back with its id
    with pytest.raises(NotFound):
        repo.delete_assessment(999)


def test_an_assessment_in_the_future_is_refused(repo):
    with pytest.raises(ValidationError):
        repo.add_assessment(ProfessionalAssessment(date(2026, 3, 16)))
    assert repo.list_assessments() == ()
    assert date(2026, 3, 15) == TODAY


def test_import_history_keeps_episodes_and_assessments(repo):
    from hamstring_app.core.models import History

    episodes = (
        Episode(date(2025, 6, 1), ended=date(2025, 7, 1), end_reason=EpisodeEnd.RECOVERED),
        Episode(date(2026, 1, 10), Side.RIGHT, PainSite.HIGH_NEAR_SIT_BONE, True),
    )
    assessed = (ProfessionalAssessment(date(2026, 2, 1), AssessmentOutcome.REHAB_ONLY),)
    repo.import_history(
        History(profile=full_profile(), episodes=episodes, assessments=assessed)
    )
    got = repo.load_history()
    assert [replace(e, id=None) for e in got.episodes] == list(episodes)
    assert [replace(a, id=None) for a in got.assessments] == list(assessed)
