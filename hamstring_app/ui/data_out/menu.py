"""The File menu's data-out actions, put just above Quit:

Report for my physio... (Ctrl+P), Export..., Import my data (JSON)..., then Back up now
and Restore from backup...
With demo data there is nothing of the person's to back up or restore: those two are off.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from hamstring_app.ui.context import AppContext
from hamstring_app.ui.data_out.backup_ui import BackupActions
from hamstring_app.ui.data_out.common import DataOut, Messages
from hamstring_app.ui.data_out.export_ui import ExportActions
from hamstring_app.ui.data_out.import_ui import ImportActions
from hamstring_app.ui.data_out.report_ui import ReportActions


class DataOutMenu(QObject):
    def __init__(self, ctx: AppContext, window: QWidget, file_menu: QMenu) -> None:
        super().__init__(window)
        self.messages = Messages(window)
        self.reports = ReportActions(ctx, window, self.messages)
        self.exports = ExportActions(ctx, window, self.messages)
        self.imports = ImportActions(ctx, window, self.messages)
        self.backups = BackupActions(ctx, window, self.messages)

        self.report_action = QAction(DataOut.tr("&Report for my physio..."), window)
        self.report_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.report_action.setStatusTip(
            DataOut.tr("A PDF of your record to show a health professional")
        )
        self.report_action.triggered.connect(self.reports.open)
        self.export_action = QAction(DataOut.tr("&Export..."), window)
        self.export_action.setStatusTip(
            DataOut.tr("Save everything as a JSON file or as CSV files")
        )
        self.export_action.triggered.connect(self.exports.export)
        self.import_action = QAction(DataOut.tr("Import my data (&JSON)..."), window)
        self.import_action.setStatusTip(
            DataOut.tr("Add the records of a Hamstring Coach export that are not saved yet")
        )
        self.import_action.triggered.connect(self.imports.open)
        self.backup_action = QAction(DataOut.tr("&Back up now"), window)
        self.backup_action.triggered.connect(self.backups.back_up_now)
        self.restore_action = QAction(DataOut.tr("Restore from bac&kup..."), window)
        self.restore_action.triggered.connect(self.backups.restore)
        if ctx.demo:
            for action in (self.backup_action, self.restore_action):
                action.setEnabled(False)
                action.setStatusTip(DataOut.tr("Demo data is not backed up."))

        quit_action = next(
            (a for a in file_menu.actions() if a.menuRole() == QAction.MenuRole.QuitRole), None
        )
        before = quit_action
        actions = file_menu.actions()
        if quit_action is not None:
            index = actions.index(quit_action)
            if index > 0 and actions[index - 1].isSeparator():
                before = actions[index - 1]  # keep the separator right above Quit
        file_menu.insertSeparator(before)
        for action in (self.report_action, self.export_action, self.import_action):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        for action in (self.backup_action, self.restore_action):
            file_menu.insertAction(before, action)
        if before is None or not before.isSeparator():
            file_menu.insertSeparator(before)
