"""The Strength tab's writes: every one through the runner, failures said and never
followed by success words, and a wall clock that moves backwards mid-session."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_session_tab import drive_to_log

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.core.models import SetLog, StrengthSession
from hamstring_app.store.errors import StorageUnavailable

CLICK = Qt.MouseButton.LeftButton
MONDAY = date(2026, 3, 16)


@pytest.fixture
def messages(strength_app):
    """(app, tab, status messages, warnings shown)"""
    app, tab = strength_app()
    said: list[str] = []
    app.ctx.events.status_message.connect(said.append)
    return app, tab, said


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []

    def warn(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return shown


def _older_unfinished(app) -> StrengthSession:
    repo = app.ctx.repo
    start = datetime(2026, 3, 16, 18, 0)
    record = repo.start_strength_session(StrengthSession(day=MONDAY, phase=1, started_at=start))
    repo.log_set(
        record.id,
        SetLog("bridge_hold", 1, hold_s=30.0, pain=1, started_at=start, finished_at=start),
    )
    app.ctx.ops.announce(Changes.of(Kind.STRENGTH, days=[MONDAY]))
    return record


def test_starting_today_closes_the_older_session_in_the_history_too(messages):
    """Bug: starting a session quietly finished an older one, but only today was
    announced, so the cached history kept the older one as not finished."""
    app, tab, _said = messages
    older = _older_unfinished(app)
    app.ctx.history.get()
    tab.refresh_now()
    tab.start_session()
    assert tab.running
    assert app.ctx.repo.get_strength_session(older.id).finished
    cached = next(s for s in app.ctx.history.get().strength_sessions if s.id == older.id)
    assert cached.finished
    assert app.ctx.history.get() == app.ctx.repo.load_history()


def test_a_failed_finish_says_so_and_never_well_done(messages, warnings, clock, monkeypatch):
    """Bug: a failed save showed its warning, then still said "Session saved. Well done."."""
    app, tab, said = messages
    tab.start_session()
    drive_to_log(tab, clock)
    tab.runner.log_panel.pain.setValue(1)
    tab.runner.save_set()

    def full_disk(*args, **kwargs):
        raise StorageUnavailable(app.ctx.paths.root, "the disk is full")

    monkeypatch.setattr(app.ctx.repo, "finish_strength_session", full_disk)
    tab.runner.end_early()
    tab.runner.finish()
    assert len(warnings) == 1 and "the disk is full" in warnings[0]
    assert not any("Well done" in s for s in said)
    assert app.ctx.repo.unfinished_strength_session() is not None  # kept, to finish later


def test_clock_moved_back_an_hour_mid_session(messages, clock, qtbot):
    """Start, the clock goes back an hour, log, finish, start again: all succeed."""
    app, tab, said = messages
    repo = app.ctx.repo
    tab.start_session()
    first = repo.unfinished_strength_session()
    clock.set_wall(clock.now() - timedelta(hours=1))  # the wall clock only
    drive_to_log(tab, clock)
    tab.runner.log_panel.pain.setValue(1)
    tab.runner.save_set()
    assert len(repo.get_strength_session(first.id).sets) == 1
    tab.runner.end_early()
    qtbot.keyClick(tab.runner, Qt.Key.Key_Return)  # Finish on the summary
    done = repo.get_strength_session(first.id)
    assert done.finished and done.finished_at >= done.started_at  # clamped, not refused
    assert any("Well done" in s for s in said)
    tab.start_session()
    assert tab.running
    second = repo.unfinished_strength_session()
    assert second is not None and second.id != first.id


def test_a_session_that_cannot_be_finished_is_discarded_with_undo(messages, qtbot):
    app, tab, said = messages
    repo = app.ctx.repo
    older = _older_unfinished(app)
    before = repo.get_strength_session(older.id)
    tab.refresh_now()
    assert tab.resume_banner.discard_button.isVisible()
    qtbot.mouseClick(tab.resume_banner.discard_button, CLICK)
    assert repo.get_strength_session(older.id) is None
    assert not tab.resume_banner.isVisible()
    assert any("discarded" in s for s in said)
    assert app.ctx.history.get() == repo.load_history()
    tab.undo_stack.undo()
    assert repo.get_strength_session(older.id) == before  # its id and its set
    assert tab.resume_banner.isVisible()
    assert app.ctx.history.get() == repo.load_history()
