"""File > Back up now and File > Restore from backup... (store/backups.py, store/restore.py).

Back up now copies the database with SQLite's online backup on a worker thread, while the
app stays usable. Restore lists the backups with their date, size and contents; the one
chosen is checked first (a damaged file is refused and left as it is), the person
confirms, the current data is backed up, and the backup's data is put in on a worker
thread. Every tab then reads the history again (``Changes.everything()``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hamstring_app import __version__
from hamstring_app.store import backups
from hamstring_app.store import operations as op
from hamstring_app.store.errors import StoreError
from hamstring_app.store.restore import BackupRefused, Restored, check_backup
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.data_out.common import (
    Actions,
    DataOut,
    Messages,
    contents_words,
    day_text,
    moment_text,
    size_text,
)
from hamstring_app.ui.ops import Outcome, failure_message
from hamstring_app.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)


def kind_text(kind: str) -> str:
    return {
        backups.DAILY: DataOut.tr("automatic"),
        backups.MANUAL: DataOut.tr("made by you"),
        backups.BEFORE_RESTORE: DataOut.tr("before a restore"),
        backups.BEFORE_UPDATE: DataOut.tr("before an update"),
    }.get(kind, kind)


def contents_text(info: backups.BackupInfo) -> str:
    if info.problem is not None:
        return DataOut.tr("Cannot be read: {why}").format(why=info.problem)
    text = DataOut.tr("{c}, {r}, {s}").format(
        **dict(zip("crs", contents_words(info.checkins or 0, info.runs or 0,
                                               info.sessions or 0), strict=True))
    )
    if info.first_day and info.last_day:
        text += DataOut.tr(" ({first} to {last})").format(
            first=day_text(info.first_day), last=day_text(info.last_day)
        )
    return text


class RestoreDialog(QDialog):
    """The backups, newest first; Restore hands back the one chosen (``chosen()``)."""

    def __init__(self, found: list[backups.BackupInfo], folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(DataOut.tr("Restore from backup"))
        self._found = found
        self._chosen: Path | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            DataOut.tr("Choose the backup to put back. Your data as it is now is backed up first, "
                       "so you can go back to it.")
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(len(found), 4)
        self.table.setHorizontalHeaderLabels(
            [DataOut.tr("Taken"), DataOut.tr("Kind"), DataOut.tr("Size"), DataOut.tr("Holds")]
        )
        self.table.setAccessibleName(DataOut.tr("Backups"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, info in enumerate(found):
            cells = (moment_text(info.taken), kind_text(info.kind), size_text(info.size),
                     contents_text(info))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        # with none yet: a plain empty state, the heading and what to do, then the buttons
        self.empty_title = QLabel(DataOut.tr("No backups yet"))
        self.empty_title.setObjectName("restoreEmptyTitle")
        title_font = self.empty_title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.empty_title.setFont(title_font)
        self.empty = QLabel(
            DataOut.tr("Backups are kept in {folder}. Make one with File > Back up now, or "
                       "choose Other file... to restore a backup kept somewhere else.")
            .format(folder=folder)
        )
        self.empty.setWordWrap(True)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty)
        for widget in (self.empty_title, self.empty):
            widget.setVisible(not found)
        for widget in (self.intro, self.table):
            widget.setVisible(bool(found))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(DataOut.tr("&Restore..."))
        self.restore_button.setAccessibleName(DataOut.tr("Restore the chosen backup"))
        self.other_button = QPushButton(DataOut.tr("&Other file..."))
        self.other_button.setAccessibleName(DataOut.tr("Restore a backup file from another folder"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button.clicked.connect(self._choose_file)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        layout.addWidget(self.buttons)
        self.restore_button.setVisible(bool(found))
        if found:
            self.resize(760, 340)
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # as tall as its text needs, nothing more
            layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
            self.empty.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
            self.other_button.setDefault(True)
        self._selection_changed()

    def _row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        row = self._row()
        self.restore_button.setEnabled(row is not None and self._found[row].problem is None)

    def _restore_selected(self) -> None:
        row = self._row()
        if row is not None and self._found[row].problem is None:
            self.choose(self._found[row].path)

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, DataOut.tr("Choose a backup to restore"), "",
            DataOut.tr("Hamstring Coach backups (*.sqlite3 *.db);;All files (*)"),
        )
        if name:
            self.choose(Path(name))

    def choose(self, path: Path) -> None:
        self._chosen = path
        self.accept()

    def chosen(self) -> Path | None:
        return self._chosen


class BackupActions(Actions):
    """Back up now, and Restore from backup, for one window."""

    def __init__(self, ctx: AppContext, window: QWidget, messages: Messages) -> None:
        super().__init__(ctx, window, messages)
        self.backup_task: TaskHandle | None = None
        self.restore_task: TaskHandle | None = None
        self.progress: QProgressDialog | None = None

    # -- back up now -------------------------------------------------------------------

    def back_up_now(self) -> TaskHandle | None:
        if self.backup_task is not None and self.backup_task.running:
            return self.backup_task
        db_path = self.ctx.paths.database
        now = self.ctx.clock.now().replace(tzinfo=None)
        where = self.ctx.repo.get_settings().backup_folder or None
        self.ctx.events.status_message.emit(DataOut.tr("Backing up your data..."))
        self.backup_task = run_task(
            lambda _token: backups.make_backup(db_path, now=now, kind=backups.MANUAL,
                                               where=where),
            on_done=self._backed_up,
            on_error=self._backup_failed,
            parent=self.window,
        )
        return self.backup_task

    def _backed_up(self, info: backups.BackupInfo) -> None:
        self.ctx.events.status_message.emit(DataOut.tr("Backed up."))
        self.messages.tell(
            QMessageBox.Icon.Information, DataOut.tr("Backed up"),
            DataOut.tr("Your data was backed up and checked.\n\nIt holds {what}.\n\nThe copy is "
                       "{path}").format(what=contents_text(info), path=info.path),
        )

    def _backup_failed(self, exc: Exception) -> None:
        self.ctx.events.status_message.emit(DataOut.tr("The backup was not made."))
        self.messages.tell(
            QMessageBox.Icon.Warning, DataOut.tr("Not backed up"),
            DataOut.tr("The backup could not be made. Your data was not changed.\n\n{why}").format(
                why=failure_message(exc)
            ),
        )

    # -- restore -----------------------------------------------------------------------

    def dialog(self) -> RestoreDialog:
        where = self.ctx.repo.get_settings().backup_folder or None
        found = backups.list_backups(self.ctx.paths.root, where)
        return RestoreDialog(found, self.ctx.paths.backups, self.window)

    def restore(self) -> TaskHandle | None:
        """Ask which backup, check it, confirm, then restore it in the background."""
        dialog = self.dialog()
        if not dialog.exec() or dialog.chosen() is None:
            return None
        return self.restore_file(dialog.chosen())  # type: ignore[arg-type]

    def restore_file(self, path: Path) -> TaskHandle | None:
        if self.restore_task is not None and self.restore_task.running:
            return self.restore_task
        try:
            info = check_backup(path)
        except (BackupRefused, OSError) as exc:
            self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("Cannot restore"), str(exc))
            return None
        question = DataOut.tr(
            "Put back the backup taken {when}?\n\nIt holds {what}.\n\nYour data as it is now "
            "is backed up first, then replaced by this backup. Anything saved after the "
            "backup was taken is then only in the backup of your current data."
        ).format(when=moment_text(info.taken), what=contents_text(info))
        title = DataOut.tr("Restore from backup")
        if not self.messages.ask(title, question, DataOut.tr("&Restore")):
            return None
        self._show_progress()
        self.restore_task = self.ctx.ops.run_in_background(
            op.restore_from_backup,
            path,
            now=self.ctx.clock.now().replace(tzinfo=None),
            app_version=__version__,
            on_done=self._restored,
            parent=self.window,
        )
        return self.restore_task

    def _show_progress(self) -> None:
        dialog = QProgressDialog(DataOut.tr("Restoring the backup..."), "", 0, 0, self.window)
        dialog.setWindowTitle(DataOut.tr("Restore from backup"))
        dialog.setCancelButton(None)  # type: ignore[arg-type]  # half a restore is no option
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAccessibleName(DataOut.tr("Restore progress"))
        self.progress = dialog
        dialog.show()

    def _restored(self, outcome: Outcome[Restored]) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if not outcome.ok or outcome.value is None:
            error = outcome.error
            why = str(error) if isinstance(error, StoreError) else outcome.message
            self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("Not restored"), why)
            return
        self._forget_undo()
        done = outcome.value
        text = DataOut.tr("The backup was put back: {what}.").format(
            what=contents_text(done.restored)
        )
        if done.previous is not None:
            text += "\n\n" + DataOut.tr("Your data as it was before is kept in {path}").format(
                path=done.previous.path
            )
        self.ctx.events.status_message.emit(DataOut.tr("Backup restored."))
        self.messages.tell(QMessageBox.Icon.Information, DataOut.tr("Restored"), text)

    def _forget_undo(self) -> None:
        """Undo steps point at records the restore replaced: they are dropped."""
        tabs = getattr(self.window, "tabs", None)
        if tabs is None:
            return
        for index in range(tabs.count()):
            stack = getattr(tabs.widget(index), "undo_stack", None)
            if stack is not None and hasattr(stack, "clear"):
                stack.clear()
