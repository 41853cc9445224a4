from __future__ import annotations

from PySide6.QtCore import QTime

from hamstring_app.core.settings import Settings
from hamstring_app.ui.settings_dialog import SettingsDialog


def test_settings_dialog_shows_and_returns_the_values(qtbot):
    start = Settings(reminder_time="07:45", sessions_per_week=2, set_pain_threshold=4)
    dialog = SettingsDialog(start)
    qtbot.addWidget(dialog)
    assert dialog.reminder_time.time() == QTime(7, 45)
    assert dialog.sessions_spin.value() == 2
    dialog.reminder_time.setTime(QTime(21, 5))
    dialog.sound_check.setChecked(False)
    dialog.sessions_spin.setValue(4)
    dialog.accept()
    assert dialog.settings() == Settings(
        reminder_time="21:05", sound_enabled=False, sessions_per_week=4, set_pain_threshold=4
    )


def test_reminder_time_is_disabled_when_the_reminder_is_off(qtbot):
    dialog = SettingsDialog(Settings(reminder_enabled=False))
    qtbot.addWidget(dialog)
    assert not dialog.reminder_time.isEnabled()
    dialog.reminder_check.setChecked(True)
    assert dialog.reminder_time.isEnabled()


def test_dialogs_with_wrapped_text_open_at_their_full_height(qtbot):
    from datetime import date

    from hamstring_app.ui.profile_dialog import ProfileDialog

    for dialog in (
        SettingsDialog(Settings()),
        ProfileDialog(date(2026, 3, 18), None, first_run=True),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        # squeezed below what the contents ask for, the radio buttons overlap and clip
        assert dialog.height() >= dialog.sizeHint().height()


def test_watched_folder_setting_round_trips(qtbot):
    from hamstring_app.core.settings import Settings
    from hamstring_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(watch_folder="/data/garmin"))
    qtbot.addWidget(dialog)
    assert dialog.watch_edit.text() == "/data/garmin"
    dialog.watch_clear.click()
    assert dialog.build_settings().watch_folder == ""
    dialog.watch_edit.setText("  /sync/watch ")
    assert dialog.build_settings().watch_folder == "/sync/watch"


def test_backup_settings_round_trip_and_a_missing_folder_is_refused(qtbot, tmp_path):
    from hamstring_app.core.settings import Settings
    from hamstring_app.ui.settings_dialog import SettingsDialog

    start = Settings(auto_backup=True, backups_daily_kept=10, backups_weekly_kept=2)
    dialog = SettingsDialog(start, backups_folder=tmp_path / "data" / "backups")
    qtbot.addWidget(dialog)
    part = dialog.backups
    assert part.auto_check.isChecked() and part.daily_spin.value() == 10
    assert str(tmp_path / "data" / "backups") in part.folder_edit.placeholderText()
    part.auto_check.setChecked(False)
    assert not part.daily_spin.isEnabled() and not part.weekly_spin.isEnabled()
    part.folder_edit.setText(str(tmp_path / "not there"))
    dialog.accept()
    assert dialog.settings() is None and "is not there" in dialog.error_label.text()
    part.folder_edit.setText(f"  {tmp_path}  ")
    part.weekly_spin.setValue(0)
    dialog.accept()
    assert dialog.settings() == Settings(
        auto_backup=False, backups_daily_kept=10, backups_weekly_kept=0,
        backup_folder=str(tmp_path),
    )
    part.folder_default.click()
    assert dialog.build_settings().backup_folder == ""


def test_notification_and_tray_settings_round_trip(qtbot):
    dialog = SettingsDialog(Settings(reminder_notification=False, tray_icon=True),
                            tray_available=lambda: True)
    qtbot.addWidget(dialog)
    assert not dialog.notify_check.isChecked() and dialog.tray_check.isChecked()
    assert dialog.tray_check.isEnabled()
    dialog.notify_check.setChecked(True)
    dialog.tray_check.setChecked(False)
    built = dialog.build_settings()
    assert built.reminder_notification is True and built.tray_icon is False
    dialog.reminder_check.setChecked(False)
    assert not dialog.notify_check.isEnabled()  # no reminder: nothing to notify


def test_without_a_system_tray_the_tray_option_says_why(qtbot):
    dialog = SettingsDialog(Settings(), tray_available=lambda: False)
    qtbot.addWidget(dialog)
    assert not dialog.tray_check.isEnabled()
    assert "no system tray" in dialog.tray_check.text()


def test_start_at_login_is_off_by_default_and_only_changes_when_asked(qtbot, tmp_path):
    from hamstring_app.autostart import XdgAutostart

    entry = XdgAutostart({}, tmp_path)
    dialog = SettingsDialog(Settings(), autostart=entry)
    qtbot.addWidget(dialog)
    assert not dialog.login_check.isChecked()
    assert dialog.start_at_login_change() is None
    dialog.login_check.setChecked(True)
    assert dialog.start_at_login_change() is True
    entry.enable(["x"])
    again = SettingsDialog(Settings(), autostart=entry)
    qtbot.addWidget(again)
    assert again.login_check.isChecked()  # read from the entry itself
    again.login_check.setChecked(False)
    assert again.start_at_login_change() is False
    demo = SettingsDialog(Settings(), autostart=None)
    qtbot.addWidget(demo)
    assert not demo.login_check.isEnabled() and demo.start_at_login_change() is None


def test_settings_menu_writes_and_removes_the_login_entry(qtbot, session_factory, home,
                                                          monkeypatch):
    from hamstring_app.autostart import MINIMIZED_ARG

    session = session_factory()
    window = session.window
    wanted = [True]

    def answer(dialog):
        dialog.login_check.setChecked(wanted[0])
        dialog.accept()
        return True

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    window.edit_settings()
    path = home / ".config" / "autostart" / "hamstring-coach.desktop"
    text = path.read_text(encoding="utf-8")
    assert MINIMIZED_ARG in text and str(session.ctx.paths.root) in text
    wanted[0] = False
    window.edit_settings()
    assert not path.exists()


def test_a_login_entry_that_cannot_be_written_says_so(qtbot, session_factory, home,
                                                      monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    session = session_factory()
    (home / ".config").mkdir()
    (home / ".config" / "autostart").write_text("a file where the folder goes")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))

    def answer(dialog):
        dialog.login_check.setChecked(True)
        dialog.accept()
        return True

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    session.window.edit_settings()
    assert len(warnings) == 1 and "could not be turned on" in warnings[0]
    assert "other settings were saved" in warnings[0]
