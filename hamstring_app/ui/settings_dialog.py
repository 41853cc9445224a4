"""File > Settings: reminder, sound, strength-session, watched-folder and backup
preferences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTime
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
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.settings import SESSIONS_PER_WEEK_RANGE, Settings
from hamstring_app.ui.backup_settings import BackupSettings
from hamstring_app.ui.theme import error_colour


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        backups_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self._result: Settings | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.reminder_check = QCheckBox(self.tr("Remind me to check in each day"))
        form.addRow(self.tr("Reminder"), self.reminder_check)
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        form.addRow(self.tr("Reminder time"), self.reminder_time)
        self.reminder_check.toggled.connect(self.reminder_time.setEnabled)

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
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load(settings)
        # wrapped text makes Qt's first guess at the height too small: start at full height
        self.setMinimumHeight(self.sizeHint().height())

    def _load(self, s: Settings) -> None:
        self.reminder_check.setChecked(s.reminder_enabled)
        hour, minute = s.reminder_hour_minute
        self.reminder_time.setTime(QTime(hour, minute))
        self.reminder_time.setEnabled(s.reminder_enabled)
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
            sound_enabled=self.sound_check.isChecked(),
            speech_enabled=self.speech_check.isChecked(),
            sessions_per_week=self.sessions_spin.value(),
            set_pain_threshold=self.threshold_spin.value(),
            watch_folder=self.watch_edit.text().strip(),
        ))

    def settings(self) -> Settings | None:
        return self._result

    def accept(self) -> None:
        problem = self.backups.problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            self.backups.folder_edit.setFocus()
            return
        self._result = self.build_settings()
        super().accept()
