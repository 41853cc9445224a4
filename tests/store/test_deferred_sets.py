"""Older strength sessions' sets are read from the file on first use, not at start-up,
and a history read that way equals one read in full."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, timedelta

import pytest

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn, History, SetLog, StrengthSession
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.days import clear_index_cache
from hamstring_app.store.deferred_sets import DeferredSession
from hamstring_app.store.repository import open_repository

TODAY = date(2026, 3, 16)


def _session(day: date, pain: int) -> StrengthSession:
    sets = tuple(SetLog("nordic_curl", k, reps=6, pain=pain) for k in (1, 2))
    return StrengthSession(day=day, sets=sets, pain_next_morning=pain, phase=1)


@pytest.fixture
def repo(tmp_path):
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="test")
    sessions = tuple(_session(TODAY - timedelta(days=back), back % 4)
                     for back in (400, 200, 100, 40, 3))
    repo.import_history(History(checkins=(CheckIn(day=TODAY, pain_rest=1),),
                                strength_sessions=sessions))
    yield repo
    repo.close()


def older(history, days: int):
    return [s for s in history.strength_sessions if s.day < TODAY - timedelta(days=days)]


def test_older_sets_wait_until_first_asked_for_then_all_come_at_once(repo):
    full = repo.load_history()
    history = repo.load_history(recent_sets_days=60)
    waiting = older(history, 60)
    assert len(waiting) == 3 and all(isinstance(s, DeferredSession) for s in waiting)
    assert not any(s.sets_read for s in waiting)
    recent = [s for s in history.strength_sessions if s not in waiting]
    assert all(type(s) is StrengthSession and s.sets for s in recent)
    loader = waiting[0]._loader
    assert loader.loads == 0
    assert waiting[-1].sets == full.strength_sessions[2].sets  # the first ask reads them all
    assert all(s.sets_read for s in waiting) and loader.loads == 1
    assert history == full
    assert waiting[0].max_pain == full.strength_sessions[0].max_pain
    assert loader.loads == 1  # read once


def test_a_deferred_session_behaves_as_a_plain_one(repo):
    full = repo.load_history()
    history = repo.load_history(recent_sets_days=60)
    first = history.strength_sessions[0]
    assert first == full.strength_sessions[0] and full.strength_sessions[0] == first
    assert hash(first) == hash(full.strength_sessions[0])
    moved = dataclasses.replace(first, phase=2)
    assert moved.sets_read and moved.sets == full.strength_sessions[0].sets
    assert moved == dataclasses.replace(full.strength_sessions[0], phase=2)
    assert isinstance(first, StrengthSession) and first.day == full.strength_sessions[0].day


def test_an_unreadable_older_set_is_left_out_and_named_once_read(repo, tmp_path):
    conn = sqlite3.connect(tmp_path / "hamstring-coach.sqlite3")
    with conn:
        conn.execute(
            "UPDATE set_log SET started_at = '2025-02-09Tlate' WHERE session_id = "
            "(SELECT id FROM strength_session WHERE day = ?) AND set_number = 1",
            ((TODAY - timedelta(days=400)).isoformat(),),
        )
    conn.close()
    history = repo.load_history(recent_sets_days=60)
    assert repo.unreadable_sentence() == ""  # not read yet
    assert len(history.strength_sessions[0].sets) == 1  # the bad set is left out
    assert "set" in repo.unreadable_sentence()
    assert repo.load_history().strength_sessions[0].sets == history.strength_sessions[0].sets


def test_today_is_assessed_without_the_older_sets_and_equally(tmp_path):
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="test")
    try:
        repo.import_history(build_demo_history(TODAY, years=3))
        history = repo.load_history(recent_sets_days=365)
        waiting = older(history, 365)
        assert waiting
        clear_index_cache()
        assessed = evaluate(history, TODAY)
        assert not any(s.sets_read for s in waiting)  # the first screen did not need them
        clear_index_cache()
        assert assessed == evaluate(repo.load_history(), TODAY)
    finally:
        repo.close()
