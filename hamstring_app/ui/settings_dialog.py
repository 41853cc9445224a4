"""File > Settings: reminder (with its notification, the tray icon and start at login),
sound, strength-session, watched-folder and backup preferences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.autostart import Autostart
from hamstring_app.core.settings import SESSIONS_PER_WEEK_RANGE, Settings
from hamstring_app.ui.backup_settings import BackupSettings
from hamstring_app.ui.focus_ring import RING_WIDTH
from hamstring_app.ui.theme import error_colour
from hamstring_app.ui.widgets.fit_scroll import FitScrollArea

TITLE_BAR_ROOM = 40
"""Pixels kept free above the dialog for the window manager's title bar and frame."""


def free_screen_height(widget: QWidget) -> int:
    """The height the desktop leaves for windows on the widget's screen (panels excluded)."""
    screen = widget.screen()
    return screen.availableGeometry().height() if screen is not None else 10_000


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        backups_folder: Path | None = None,
        *,
        autostart: Autostart | None = None,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(parent)
        self._autostart = autostart
        self._login_was = False
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self._result: Settings | None = None
        outer = QVBoxLayout(self)
        # the settings scroll when a large font makes them taller than the screen; the
        # error line and Save/Cancel stay below, always in view
        page = QWidget()
        layout = QVBoxLayout(page)
        # room for the focus ring round a setting at the page's edge: without it the ring
        # is cut by the area's edge into a blue line along its top and side
        edge = RING_WIDTH + 1
        layout.setContentsMargins(edge, edge, edge, edge)
        self.scroll_area = FitScrollArea(page)
        self.scroll_area.setAccessibleName(self.tr("Settings"))
        # no Tab stop of its own: the area follows the focus from one setting to the next
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll_area, 1)
        form = QFormLayout()
        layout.addLayout(form)

        self.reminder_check = QCheckBox(self.tr("Remind me to check in each day"))
        form.addRow(self.tr("Reminder"), self.reminder_check)
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        form.addRow(self.tr("Reminder time"), self.reminder_time)
        self.notify_check = QCheckBox(self.tr("Also show it as a desktop notification"))
        form.addRow(self.tr("Notification"), self.notify_check)
        self.reminder_check.toggled.connect(self.reminder_time.setEnabled)
        self.reminder_check.toggled.connect(self.notify_check.setEnabled)

        has_tray = tray_available()
        self.tray_check = QCheckBox(
            self.tr("Show an icon in the system tray") if has_tray
            else self.tr("System tray icon (your desktop has no system tray)")
        )
        self.tray_check.setAccessibleName(self.tr("Keep running in the system tray"))
        self.tray_check.setEnabled(has_tray)
        form.addRow(self.tr("Tray"), self.tray_check)
        tray_hint = QLabel(
            self.tr("Closing the window then keeps the app running there, so the reminder "
                    "still comes. Quit closes it.")
        )
        tray_hint.setWordWrap(True)
        tray_hint.setEnabled(has_tray)
        form.addRow("", tray_hint)
        self.login_check = QCheckBox(self.tr("Start at login, minimised to the tray"))
        if autostart is None:
            self.login_check.setText(self.tr("Start at login (not with the demo data)"))
            self.login_check.setEnabled(False)
        else:
            self.login_check.setToolTip(autostart.where())
        form.addRow(self.tr("At login"), self.login_check)

        self.sound_check = QCheckBox(self.tr("Play sound cues in strength sessions"))
        form.addRow(self.tr("Sound"), self.sound_check)
        self.speech_check = QCheckBox(self.tr("Read out the next exercise (where available)"))
        form.addRow(self.tr("Speech"), self.speech_check)

        self.sessions_spin = QSpinBox()
        self.sessions_spin.setRange(*SESSIONS_PER_WEEK_RANGE)
        self.sessions_spin.setSuffix(self.tr(" a week"))
        self.sessions_spin.setAccessibleName(self.tr("Planned strength sessions a week"))
        form.addRow(self.tr("Strength sessions"), self.sessions_spin)

        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(0, 10)
        self.threshold_spin.setPrefix(self.tr("above "))
        self.threshold_spin.setSuffix(" / 10")
        self.threshold_spin.setAccessibleName(self.tr("Pain in a set that offers an easier option"))
        form.addRow(self.tr("Offer an easier option when set pain is"), self.threshold_spin)
        hint = QLabel(
            self.tr("Pain up to 3/10 during strength work is usually fine; 4-5 means hold; "
                    "above 5 means ease off.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)

        watch = QFormLayout()
        layout.addLayout(watch)
        folder_row = QHBoxLayout()
        self.watch_edit = QLineEdit()
        self.watch_edit.setMinimumWidth(280)
        self.watch_edit.setPlaceholderText(self.tr("No folder: runs are imported by hand"))
        self.watch_edit.setAccessibleName(self.tr("Import new runs from this folder"))
        self.watch_choose = QPushButton(self.tr("Choose..."))
        self.watch_choose.setAccessibleName(self.tr("Choose the folder to watch"))
        self.watch_clear = QPushButton(self.tr("Clear"))
        self.watch_clear.setAccessibleName(self.tr("Stop watching a folder"))
        folder_row.addWidget(self.watch_edit, 1)
        folder_row.addWidget(self.watch_choose)
        folder_row.addWidget(self.watch_clear)
        watch.addRow(self.tr("Import new runs from this folder"), folder_row)
        watch_hint = QLabel(
            self.tr("For a folder your watch's software fills with FIT files (Garmin Express, "
                    "Gadgetbridge, a synced phone folder). New runs wait on the Today tab.")
        )
        watch_hint.setWordWrap(True)
        layout.addWidget(watch_hint)
        self.watch_choose.clicked.connect(self._choose_folder)
        self.watch_clear.clicked.connect(self.watch_edit.clear)

        self.backups = BackupSettings(backups_folder)
        layout.addWidget(self.backups)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {error_colour().name()};")
        self.error_label.hide()
        outer.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._load(settings)
        page_width = page.minimumSizeHint().width()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        self.scroll_area.setMinimumWidth(page_width + bar)  # never a sideways scroll bar
        # wrapped text makes Qt's first guess at the height too small: start at the full
        # height the settings need, or the screen's free height when that is less
        self._full_height = (
            page.heightForWidth(page_width) if page.hasHeightForWidth() else 0
        ) or page.sizeHint().height()
        self._full_height += outer.sizeHint().height() - self.scroll_area.sizeHint().height()
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        wanted = getattr(self, "_full_height", hint.height())
        room = free_screen_height(self.parentWidget() or self) - TITLE_BAR_ROOM
        return QSize(hint.width(), max(200, min(wanted, room)))

    def _load(self, s: Settings) -> None:
        self.reminder_check.setChecked(s.reminder_enabled)
        hour, minute = s.reminder_hour_minute
        self.reminder_time.setTime(QTime(hour, minute))
        self.reminder_time.setEnabled(s.reminder_enabled)
        self.notify_check.setChecked(s.reminder_notification)
        self.notify_check.setEnabled(s.reminder_enabled)
        self.tray_check.setChecked(s.tray_icon)
        try:
            self._login_was = self._autostart is not None and self._autostart.is_enabled()
        except OSError:
            self._login_was = False
        self.login_check.setChecked(self._login_was)
        self.sound_check.setChecked(s.sound_enabled)
        self.speech_check.setChecked(s.speech_enabled)
        self.sessions_spin.setValue(s.sessions_per_week)
        self.threshold_spin.setValue(s.set_pain_threshold)
        self.watch_edit.setText(s.watch_folder)
        self.watch_edit.setCursorPosition(0)
        self.backups.load(s)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import new runs from this folder"), self.watch_edit.text()
        )
        if folder:
            self.watch_edit.setText(folder)

    def build_settings(self) -> Settings:
        return self.backups.apply(replace(
            self._original,
            reminder_enabled=self.reminder_check.isChecked(),
            reminder_time=self.reminder_time.time().toString("HH:mm"),
            reminder_notification=self.notify_check.isChecked(),
            tray_icon=self.tray_check.isChecked(),
            sound_enabled=self.sound_check.isChecked(),
            speech_enabled=self.speech_check.isChecked(),
            sessions_per_week=self.sessions_spin.value(),
            set_pain_threshold=self.threshold_spin.value(),
            watch_folder=self.watch_edit.text().strip(),
        ))

    def settings(self) -> Settings | None:
        return self._result

    def start_at_login_change(self) -> bool | None:
        """True to turn start at login on, False to turn it off, None to leave it."""
        wanted = self.login_check.isChecked()
        if self._autostart is None or wanted == self._login_was:
            return None
        return wanted

    def accept(self) -> None:
        problem = self.backups.problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            self.backups.folder_edit.setFocus()
            return
        self._result = self.build_settings()
        super().accept()
