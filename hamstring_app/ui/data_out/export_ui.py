"""File > Export...: everything as one JSON file, or as three CSV files for a spreadsheet.

The JSON file is in the format ``hamstring-app assess`` reads and ``import`` takes back;
the CSV files are check-ins, runs and strength sets (docs/data-formats.md). The files are
written on a worker thread (exchange/service.py), each whole or not at all. A file that
exists is only replaced after the person said so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.exchange import csvfiles, service
from hamstring_app.ui.data_out.common import (
    Actions,
    DataOut,
    contents_words,
    save_file_name,
)
from hamstring_app.ui.ops import failure_message
from hamstring_app.ui.tasks import TaskHandle, run_task
from hamstring_app.ui.widgets.mnemonic import keep_mnemonic_whole

JSON = "json"
CSV = "csv"
CSV_NAMES = (csvfiles.CHECKINS_FILE, csvfiles.RUNS_FILE, csvfiles.SETS_FILE)


class ExportDialog(QDialog):
    """Which kind of export: one JSON file, or CSV files for a spreadsheet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(DataOut.tr("Export your data"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(DataOut.tr("Export everything you have saved as:")))
        self.json_radio = QRadioButton(DataOut.tr("One &JSON file"))
        self.json_radio.setChecked(True)
        json_hint = QLabel(
            DataOut.tr("To keep, to share, or to import into Hamstring Coach on another computer.")
        )
        self.csv_radio = QRadioButton(DataOut.tr("&CSV files for a spreadsheet"))
        csv_hint = QLabel(
            DataOut.tr("Three files in a folder you choose: check-ins, runs and strength sets.")
        )
        group = QButtonGroup(self)
        for button, hint in ((self.json_radio, json_hint), (self.csv_radio, csv_hint)):
            keep_mnemonic_whole(button)
            group.addButton(button)
            hint.setWordWrap(True)
            hint.setIndent(24)
            hint.setBuddy(button)
            layout.addWidget(button)
            layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(DataOut.tr("Choose where..."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def kind(self) -> str:
        return CSV if self.csv_radio.isChecked() else JSON


class ExportActions(Actions):
    task: TaskHandle | None = None

    def export(self) -> TaskHandle | None:
        dialog = ExportDialog(self.window)
        if not dialog.exec():
            return None
        if dialog.kind() == CSV:
            folder = self.choose_folder()
            return self.export_csv(folder) if folder is not None else None
        path = self.choose_json_file()
        return self.export_json(path) if path is not None else None

    # -- where -------------------------------------------------------------------------

    def choose_json_file(self) -> Path | None:
        suggested = Path.home() / f"hamstring-coach-{self.ctx.clock.today().isoformat()}.json"
        return save_file_name(
            self.window, DataOut.tr("Export as a JSON file"), suggested,
            DataOut.tr("JSON files (*.json)"), ".json", lambda path: self._replace([path]),
        )

    def choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self.window, DataOut.tr("Export CSV files into this folder"), str(Path.home())
        )
        if not name:
            return None
        folder = Path(name)
        there = [folder / n for n in CSV_NAMES if (folder / n).exists()]
        if there and not self._replace(there):
            return None
        return folder

    def _replace(self, paths: list[Path]) -> bool:
        names = ", ".join(p.name for p in paths)
        return self.messages.ask(
            DataOut.tr("Replace files?"),
            DataOut.tr("{names} already exists in {folder}. Replace it with this export?").format(
                names=names, folder=paths[0].parent
            ),
            DataOut.tr("&Replace"),
        )

    # -- writing -----------------------------------------------------------------------

    def export_json(self, path: Path) -> TaskHandle:
        repo, today = self.ctx.repo, self.ctx.clock.today()
        return self._start(lambda _token: service.export_json(repo, path, today))

    def export_csv(self, folder: Path) -> TaskHandle:
        repo = self.ctx.repo
        return self._start(lambda _token: service.export_csv(repo, folder))

    def _start(self, work) -> TaskHandle:  # type: ignore[no-untyped-def]
        self.ctx.events.status_message.emit(DataOut.tr("Exporting your data..."))
        self.task = run_task(work, on_done=self._done, on_error=self._failed, parent=self.window)
        return self.task

    def _done(self, exported: service.Exported) -> None:
        self.ctx.events.status_message.emit(DataOut.tr("Exported."))
        where = "\n".join(str(p) for p in exported.paths)
        self.messages.tell(
            QMessageBox.Icon.Information, DataOut.tr("Exported"),
            DataOut.tr("Exported {c}, {r} and {s} to:\n\n{where}").format(
                **dict(zip("crs", contents_words(exported.checkins, exported.runs,
                                                 exported.sessions), strict=True)),
                where=where,
            ),
        )

    def _failed(self, exc: Exception) -> None:
        self.ctx.events.status_message.emit(DataOut.tr("The export was not written."))
        why = str(exc) if isinstance(exc, service.ExchangeError) else failure_message(exc)
        self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("Not exported"), why)
