"""The automatic backup: once a day, off the UI thread, switched off by its setting."""

from __future__ import annotations

from dataclasses import replace

from hamstring_app.core.models import CheckIn
from hamstring_app.store import backups
from hamstring_app.ui.auto_backup import start_daily_backup


def test_first_start_of_the_day_backs_up_once(qtbot, session_factory, clock):
    session = session_factory()
    ctx = session.ctx
    ctx.repo.save_checkin(CheckIn(clock.today(), pain_rest=2))
    said: list[str] = []
    handle = start_daily_backup(ctx, said.append)
    assert handle is not None
    qtbot.waitUntil(lambda: not handle.running, timeout=20_000)
    made = backups.daily_backups(ctx.paths.backups)
    assert len(made) == 1 and made[0][0].date() == clock.today()
    assert backups.describe(made[0][1]).checkins == 1
    assert start_daily_backup(ctx, said.append) is None  # not twice the same day
    clock.advance(24 * 3600)
    handle = start_daily_backup(ctx, said.append)
    assert handle is not None
    qtbot.waitUntil(lambda: not handle.running, timeout=20_000)
    assert len(backups.daily_backups(ctx.paths.backups)) == 2
    assert said == []


def test_the_setting_switches_it_off(qtbot, session_factory):
    session = session_factory()
    ctx = session.ctx
    ctx.repo.save_settings(replace(ctx.repo.get_settings(), auto_backup=False))
    assert start_daily_backup(ctx, lambda _t: None) is None
    assert backups.daily_backups(ctx.paths.backups) == []


def test_demo_data_is_never_backed_up(qtbot, session_factory):
    session = session_factory(demo=True)
    assert start_daily_backup(session.ctx, lambda _t: None) is None


def test_the_daily_backup_goes_to_the_chosen_folder(qtbot, session_factory, clock, tmp_path):
    session = session_factory()
    ctx = session.ctx
    chosen = tmp_path / "synced"
    chosen.mkdir()
    ctx.repo.save_checkin(CheckIn(clock.today(), pain_rest=2))
    ctx.repo.save_settings(replace(ctx.repo.get_settings(), backup_folder=str(chosen)))
    handle = start_daily_backup(ctx, lambda _t: None)
    assert handle is not None
    qtbot.waitUntil(lambda: not handle.running, timeout=20_000)
    assert len(backups.daily_backups(chosen)) == 1
    assert backups.daily_backups(ctx.paths.backups) == []
    assert start_daily_backup(ctx, lambda _t: None) is None  # done for today, there
