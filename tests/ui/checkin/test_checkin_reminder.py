"""The daily reminder: at the chosen time, once a day, only when today's check-in is missing;
the in-window banner when there is no system tray."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from hamstring_app.core.models import CheckIn
from hamstring_app.core.settings import Settings
from hamstring_app.ui.checkin.reminder import CheckInReminder, reminder_due


def test_reminder_shows_the_banner_when_there_is_no_tray(qtbot, env):
    reminder = env.session.reminder  # wired by launch(); offscreen has no tray
    assert reminder is not None
    banner = env.session.window.banner
    env.tab.form.set_day(env.today - timedelta(days=4))
    assert env.clock.now().time().hour == 19  # 19:30, before the default 20:00
    assert not reminder.check()
    assert not banner.isVisible()

    env.clock.advance(31 * 60)
    assert reminder.check()
    assert reminder.last_channel == "banner"
    assert banner.isVisible()
    assert "check-in" in banner.label.text()
    assert not reminder.check()  # once a day is enough

    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert env.tab.form.day() == env.today  # the action opens today's check-in


def test_no_reminder_when_todays_checkin_is_done(qtbot, env):
    reminder = env.session.reminder
    env.repo.save_checkin(CheckIn(day=env.today, pain_rest=1))
    env.clock.advance(60 * 60)
    assert reminder.done_today()
    assert not reminder.check()
    # the next evening, with nothing logged yet, it reminds again
    env.clock.advance(24 * 60 * 60)
    assert not reminder.done_today()
    assert reminder.check()


def test_reminder_follows_the_settings(qtbot, env):
    reminder = env.session.reminder
    env.repo.save_settings(replace(env.repo.get_settings(), reminder_time="19:00"))
    assert reminder.check()  # 19:30 is past 19:00
    env.clock.advance(24 * 60 * 60)
    env.repo.save_settings(replace(env.repo.get_settings(), reminder_enabled=False))
    assert not reminder.check()


def test_a_desktop_notification_goes_with_the_banner(qtbot, env):
    sent: list[tuple[str, str]] = []
    reminder = CheckInReminder(
        env.session.ctx, lambda *_: None,
        desktop=lambda title, text: sent.append((title, text)) or "tray",
    )
    env.clock.advance(60 * 60)
    assert reminder.check()
    assert reminder.last_channel == "banner+tray"
    assert sent and sent[0][0] == "Hamstring Coach" and "check-in" in sent[0][1]


def test_the_notification_has_an_off_switch(qtbot, env):
    sent: list[str] = []
    env.repo.save_settings(replace(env.repo.get_settings(), reminder_notification=False))
    banner: list[str] = []
    reminder = CheckInReminder(
        env.session.ctx, lambda text, *_: banner.append(text),
        desktop=lambda title, text: sent.append(text) or "desktop",
    )
    env.clock.advance(60 * 60)
    assert reminder.check()
    assert sent == [] and len(banner) == 1  # the window still says it
    assert reminder.last_channel == "banner"


def test_no_notification_service_leaves_the_banner(qtbot, env):
    reminder = CheckInReminder(env.session.ctx, lambda *_: None, desktop=lambda *_: "")
    env.clock.advance(60 * 60)
    assert reminder.check()
    assert reminder.last_channel == "banner"


def test_the_timer_waits_for_the_reminder_time(qtbot, env):
    reminder = CheckInReminder(env.session.ctx, lambda *_: None, interval_ms=10 * 60_000)
    assert env.clock.now().strftime("%H:%M") == "19:30"
    assert reminder.wait_ms() == 10 * 60_000  # 30 minutes away: look again in 10
    env.repo.save_settings(replace(env.repo.get_settings(), reminder_time="19:32"))
    assert reminder.wait_ms() == 2 * 60_000
    env.clock.advance(3 * 60)
    assert reminder.wait_ms() == 0  # due now
    assert reminder.check()
    assert reminder.wait_ms() == 10 * 60_000  # reminded: nothing before tomorrow
    env.repo.save_settings(replace(env.repo.get_settings(), reminder_enabled=False))
    assert reminder.wait_ms() is None


def test_timer_checks_by_itself(qtbot, env):
    shown: list[str] = []
    reminder = CheckInReminder(
        env.session.ctx, lambda text, *_: shown.append(text), interval_ms=20,
    )
    reminder.start()
    assert shown == []
    assert reminder.timer.isActive() and reminder.timer.isSingleShot()
    env.clock.advance(60 * 60)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    reminder.stop()
    assert not reminder.timer.isActive()


def test_reminder_due_rules():
    settings = Settings(reminder_time="20:00")
    evening = datetime(2026, 3, 18, 20, 0)
    assert reminder_due(evening, settings, done_today=False, reminded_on=None)
    assert not reminder_due(evening - timedelta(minutes=1), settings, False, None)
    assert not reminder_due(evening, settings, True, None)
    assert not reminder_due(evening, settings, False, evening.date())
    assert reminder_due(evening, settings, False, evening.date() - timedelta(days=1))
