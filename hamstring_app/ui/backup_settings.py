"""The Backups part of File > Settings: the daily backup on or off, how many are kept,
and where they go (store/backups.py; the settings in core/settings.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hamstring_app.core.settings import BACKUPS_DAILY_RANGE, BACKUPS_WEEKLY_RANGE, Settings


class BackupSettings(QGroupBox):
    def __init__(self, default_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups"), parent)
        form = QFormLayout(self)
        self.auto_check = QCheckBox(self.tr("Back up my data at the first start of each day"))
        form.addRow(self.auto_check)
        self.daily_spin = QSpinBox()
        self.daily_spin.setRange(*BACKUPS_DAILY_RANGE)
        self.daily_spin.setSuffix(self.tr(" daily backups"))
        self.daily_spin.setAccessibleName(self.tr("How many daily backups to keep"))
        form.addRow(self.tr("Keep the newest"), self.daily_spin)
        self.weekly_spin = QSpinBox()
        self.weekly_spin.setRange(*BACKUPS_WEEKLY_RANGE)
        self.weekly_spin.setSuffix(self.tr(" weeks before them"))
        self.weekly_spin.setAccessibleName(
            self.tr("For how many weeks before those to keep one backup a week"))
        form.addRow(self.tr("and one a week for"), self.weekly_spin)
        self.auto_check.toggled.connect(self.daily_spin.setEnabled)
        self.auto_check.toggled.connect(self.weekly_spin.setEnabled)

        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setMinimumWidth(280)
        where = str(default_folder) if default_folder else self.tr("the data folder")
        self.folder_edit.setPlaceholderText(self.tr("In %s") % where)
        self.folder_edit.setAccessibleName(self.tr("Folder for backups"))
        self.folder_choose = QPushButton(self.tr("Choose..."))
        self.folder_choose.setAccessibleName(self.tr("Choose a folder for backups"))
        self.folder_default = QPushButton(self.tr("Default"))
        self.folder_default.setAccessibleName(self.tr("Keep backups in the data folder"))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.folder_choose)
        row.addWidget(self.folder_default)
        form.addRow(self.tr("Keep backups in"), row)
        hint = QLabel(self.tr(
            "A folder on another drive, or one your cloud storage syncs, keeps a copy safe if "
            "this computer fails. Copies made before a restore stay in the data folder."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.folder_choose.clicked.connect(self._choose)
        self.folder_default.clicked.connect(self.folder_edit.clear)

    def load(self, s: Settings) -> None:
        self.auto_check.setChecked(s.auto_backup)
        self.daily_spin.setValue(s.backups_daily_kept)
        self.weekly_spin.setValue(s.backups_weekly_kept)
        self.daily_spin.setEnabled(s.auto_backup)
        self.weekly_spin.setEnabled(s.auto_backup)
        self.folder_edit.setText(s.backup_folder)
        self.folder_edit.setCursorPosition(0)

    def problem(self) -> str | None:
        """Why the chosen folder cannot be used, or None."""
        text = self.folder_edit.text().strip()
        if text and not Path(text).expanduser().is_dir():
            return self.tr("The backup folder %s is not there. Choose a folder that "
                           "exists, or Default.") % text
        return None

    def apply(self, s: Settings) -> Settings:
        return replace(
            s,
            auto_backup=self.auto_check.isChecked(),
            backups_daily_kept=self.daily_spin.value(),
            backups_weekly_kept=self.weekly_spin.value(),
            backup_folder=self.folder_edit.text().strip(),
        )

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Keep backups in this folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)
