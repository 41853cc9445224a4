"""Operations: each returns its value and the Changes it built, side effects included,
and does all its writes in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from store_samples import TODAY, TZ, full_checkin, full_profile, full_run, full_session, full_set

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.core.models import History, StrengthSession, ValidationError
from hamstring_app.core.settings import Settings
from hamstring_app.store import operations as op
from hamstring_app.store.errors import Conflict, NotFound

YESTERDAY = TODAY - timedelta(days=1)
NOW = datetime(2026, 3, 15, 18, 0, tzinfo=TZ)


def _unfinished(day: date) -> StrengthSession:
    return replace(full_session(day), finished_at=None)


def test_profile_and_settings_name_their_kind(repo):
    profile = full_profile()
    assert op.save_profile(repo, profile) == (profile, Changes.of(Kind.PROFILE, Kind.EPISODE))
    assert repo.get_profile() == profile
    settings = Settings(sessions_per_week=3)
    assert op.save_settings(repo, settings).changes == Changes.of(Kind.SETTINGS)
    assert repo.get_settings().sessions_per_week == 3


def test_checkin_save_delete_restore(repo):
    checkin = full_checkin(YESTERDAY)
    done = op.save_checkin(repo, checkin)
    assert done.changes == Changes.of(Kind.CHECKIN, days=[YESTERDAY])
    deleted = op.delete_checkin(repo, YESTERDAY)
    assert deleted == (checkin, Changes.of(Kind.CHECKIN, days=[YESTERDAY]))
    assert repo.get_checkin(YESTERDAY) is None
    assert op.restore_checkin(repo, checkin).changes == done.changes
    assert repo.get_checkin(YESTERDAY) == checkin
    with pytest.raises(Conflict):
        op.restore_checkin(repo, checkin)


def test_checkin_with_session_pain_names_both_days(repo):
    session = repo.start_strength_session(full_session(date(2026, 3, 14)))
    done = op.save_checkin(repo, full_checkin(TODAY), session=session, session_pain=6)
    assert done.changes.kinds == {Kind.CHECKIN, Kind.STRENGTH}
    assert done.changes.days == {TODAY, date(2026, 3, 14)}
    stored = repo.get_strength_session(session.id)
    assert stored is not None and stored.pain_next_morning == 6


def test_checkin_with_a_bad_session_pain_saves_nothing(repo):
    session = repo.start_strength_session(full_session(date(2026, 3, 14)))
    with pytest.raises(ValidationError):
        op.save_checkin(repo, full_checkin(TODAY), session=session, session_pain=11)
    assert repo.get_checkin(TODAY) is None  # the check-in's write was rolled back too


def test_checkin_with_a_missing_session_saves_nothing(repo):
    gone = replace(full_session(date(2026, 3, 14)), id=999)
    with pytest.raises(NotFound):
        op.save_checkin(repo, full_checkin(TODAY), session=gone, session_pain=2)
    assert repo.get_checkin(TODAY) is None


def test_runs_add_update_delete_restore(repo):
    added = op.add_run(repo, full_run(YESTERDAY))
    assert added.value.id is not None
    assert added.changes == Changes.of(Kind.RUN, days=[YESTERDAY])
    moved = op.save_run(repo, replace(added.value, day=TODAY, distance_km=5.0))
    # moving a run to another day changes both days
    assert moved.changes == Changes.of(Kind.RUN, days=[YESTERDAY, TODAY])
    deleted = op.delete_run(repo, added.value.id)
    assert deleted.value.day == TODAY and deleted.changes.days == {TODAY}
    assert repo.list_runs() == ()
    restored = op.restore_run(repo, deleted.value)
    assert restored.value == deleted.value  # same id
    assert repo.list_runs() == (deleted.value,)


def test_save_run_without_id_adds(repo):
    done = op.save_run(repo, full_run(TODAY))
    assert repo.list_runs() == (done.value,)


def test_start_session_alone_names_its_day(repo):
    done = op.start_session(repo, _unfinished(TODAY), now=NOW)
    assert done.changes == Changes.of(Kind.STRENGTH, days=[TODAY])
    assert repo.unfinished_strength_session() == done.value


def test_start_session_closes_an_older_one_and_names_its_day(repo):
    older = repo.start_strength_session(_unfinished(YESTERDAY))
    done = op.start_session(repo, replace(_unfinished(TODAY), sets=()), now=NOW)
    assert done.changes == Changes.of(Kind.STRENGTH, days=[YESTERDAY, TODAY])
    closed = repo.get_strength_session(older.id)
    assert closed is not None
    # finished at its last set, not at "now"
    assert closed.finished_at == datetime(2026, 3, 14, 18, 0, 43, tzinfo=TZ)
    assert repo.unfinished_strength_session() == done.value


def test_start_session_that_fails_leaves_the_older_one_open(repo):
    older = repo.start_strength_session(_unfinished(YESTERDAY))
    bad = replace(_unfinished(TODAY), sets=(full_set(), full_set()))  # a set listed twice
    with pytest.raises(ValidationError):
        op.start_session(repo, bad, now=NOW)
    assert repo.unfinished_strength_session() == older


def test_log_set_finish_discard_restore(repo):
    started = op.start_session(repo, replace(_unfinished(TODAY), sets=()), now=NOW).value
    logged = op.log_set(repo, started, full_set(number=1))
    assert logged.changes == Changes.of(Kind.STRENGTH, days=[TODAY])
    finished = op.finish_session(repo, started.id, NOW)
    assert finished.value.finished_at == NOW and finished.changes.days == {TODAY}
    pain = op.set_session_pain(repo, finished.value, 4)
    assert pain.changes == Changes.of(Kind.STRENGTH, days=[TODAY])
    discarded = op.discard_session(repo, started.id)
    assert repo.get_strength_session(started.id) is None
    assert len(discarded.value.sets) == 1 and discarded.value.pain_next_morning == 4
    restored = op.restore_session(repo, discarded.value)
    assert restored.value == discarded.value
    assert restored.changes == Changes.of(Kind.STRENGTH, days=[TODAY])


def test_operations_refuse_a_session_never_saved(repo):
    never = _unfinished(TODAY)
    for call in (
        lambda: op.log_set(repo, never, full_set()),
        lambda: op.close_session(repo, never, now=NOW),
        lambda: op.set_session_pain(repo, never, 1),
    ):
        with pytest.raises(NotFound):
            call()


def test_import_says_everything_changed(repo):
    history = History(profile=full_profile(), checkins=(full_checkin(TODAY),))
    done = op.import_history(repo, history)
    assert done.changes == Changes.everything()
    assert repo.get_checkin(TODAY) is not None


def test_last_activity():
    session = _unfinished(TODAY)
    assert op.last_activity(session, NOW) == datetime(2026, 3, 14, 18, 0, 43, tzinfo=TZ)
    bare = replace(session, sets=())
    assert op.last_activity(bare, NOW) == bare.started_at
    assert op.last_activity(replace(bare, started_at=None), NOW) == NOW
