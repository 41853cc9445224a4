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
