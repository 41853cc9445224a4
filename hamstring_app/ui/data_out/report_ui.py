"""File > Report for my physio... (Ctrl+P): choose the dates and sections, then preview.

The report (core/report.py) is gathered on a worker thread: it evaluates the rules week
by week and can take a moment on a long history. It is then laid out by ui/report_pdf.py
on the printer of a QPrintPreviewDialog, where the person prints it or saves it as a PDF
(the preview's printer can be a PDF file), or straight into a PDF file they name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSize, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.report import SECTIONS, Report, build_report, recorded_between
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.data_out.common import Actions, DataOut, Messages, day_text, save_file_name
from hamstring_app.ui.dates import from_qdate, to_qdate
from hamstring_app.ui.ops import failure_message
from hamstring_app.ui.tasks import TaskHandle, run_task
from hamstring_app.ui.texts import counted
from hamstring_app.ui.widgets.date_field import DateField
from hamstring_app.ui.widgets.mnemonic import keep_mnemonic_whole

PREVIEW = "preview"
SAVE = "save"
MARGINS_MM = 15.0


def section_names() -> dict[str, str]:
    return {
        "summary": DataOut.tr("Summary: side, onset, verdict and referral"),
        "warning_signs": DataOut.tr("Warning signs, with their dates"),
        "graphs": DataOut.tr("Graphs: pain, weekly distance, strength sessions"),
        "last_14_days": DataOut.tr("The last 14 days, day by day"),
        "strength": DataOut.tr("Strength programme: phase, doses, adherence"),
    }


def default_start(onset: date | None, end: date) -> date:
    """The current injury from two weeks before its onset (as ``hamstring-app report``)."""
    return min(end, (onset or end) - timedelta(days=14))


class ReportDialog(QDialog):
    """Dates and sections; ``choice()`` is (first day, last day, sections, what to do)."""

    def __init__(
        self,
        today: date,
        onset: date | None,
        parent: QWidget | None = None,
        recorded: Callable[[date, date], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(DataOut.tr("Report for my physio"))
        self._today = today
        self._recorded = recorded  # whether anything is saved in a range (None: not asked)
        self._action = PREVIEW
        layout = QVBoxLayout(self)
        intro = QLabel(
            DataOut.tr("A one- or two-page summary of your record to show a physiotherapist or "
                       "doctor: what you reported, the app's advice, and your progress.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.start_field = DateField()
        self.start_field.setAccessibleName(DataOut.tr("First day of the report"))
        self.start_field.setDate(to_qdate(default_start(onset, today)))
        self.start_field.setMaximumDate(to_qdate(today))
        self.end_field = DateField()
        self.end_field.setAccessibleName(DataOut.tr("Last day of the report"))
        self.end_field.setDate(to_qdate(today))
        self.end_field.setMaximumDate(to_qdate(today))
        form.addRow(DataOut.tr("&From"), self.start_field)
        form.addRow(DataOut.tr("&To"), self.end_field)
        for field in (self.start_field, self.end_field):
            keep_mnemonic_whole(form.labelForField(field))  # "To" kept its "o"
        layout.addLayout(form)
        if onset is not None:
            hint = QLabel(DataOut.tr("Your injury started on {day}.").format(day=day_text(onset)))
            layout.addWidget(hint)

        box = QGroupBox(DataOut.tr("Include"))
        inner = QVBoxLayout(box)
        self.section_checks: dict[str, QCheckBox] = {}
        for key, words in section_names().items():
            check = QCheckBox(words)
            check.setChecked(True)
            inner.addWidget(check)
            self.section_checks[key] = check
            check.toggled.connect(self._update)
        layout.addWidget(box)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        from hamstring_app.ui.theme import error_colour

        self.error_label.setStyleSheet(f"color: {error_colour().name()};")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton(DataOut.tr("&Preview and print..."))
        self.preview_button.setDefault(True)
        self.save_button = QPushButton(DataOut.tr("&Save as PDF..."))
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.clicked.connect(lambda: self._finish(PREVIEW))
        self.save_button.clicked.connect(lambda: self._finish(SAVE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.preview_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def sections(self) -> tuple[str, ...]:
        return tuple(k for k in SECTIONS if self.section_checks[k].isChecked())

    def _update(self) -> None:
        some = bool(self.sections())
        self.preview_button.setEnabled(some)
        self.save_button.setEnabled(some)

    def _problem(self) -> str | None:
        if not (self.start_field.commit() and self.end_field.commit()):
            return DataOut.tr("Please type the dates as %s, or pick them from the calendar.") % (
                self.start_field.displayFormat()
            )
        start, end = from_qdate(self.start_field.date()), from_qdate(self.end_field.date())
        if start > end:
            return DataOut.tr("The first day is after the last day.")
        if end > self._today:
            return DataOut.tr("The last day cannot be after today.")
        if not self.sections():
            return DataOut.tr("Choose at least one part to include.")
        if self._recorded is not None and not self._recorded(start, end):
            return DataOut.tr(
                "Nothing is recorded from {first} to {last}: no check-ins, runs or strength "
                "sessions. Choose other dates."
            ).format(first=day_text(start), last=day_text(end))
        return None

    def _finish(self, action: str) -> None:
        problem = self._problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self._action = action
        self.accept()

    def choice(self) -> tuple[date, date, tuple[str, ...], str]:
        return (from_qdate(self.start_field.date()), from_qdate(self.end_field.date()),
                self.sections(), self._action)


def printer_for_report():  # type: ignore[no-untyped-def]
    """A high-resolution printer set to the report's paper (A4 or Letter) and margins."""
    from PySide6.QtPrintSupport import QPrinter

    from hamstring_app.ui.report_pdf import page_size_for

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(page_size_for(), QPageLayout.Orientation.Portrait,
                    QMarginsF(MARGINS_MM, MARGINS_MM, MARGINS_MM, MARGINS_MM),
                    QPageLayout.Unit.Millimeter)
    )
    return printer


def make_preview(printer, parent: QWidget | None):  # type: ignore[no-untyped-def]
    """The print preview (a seam for tests, which cannot click through a real one)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from hamstring_app.ui.window_size import FRAME_GUESS, fitted_size, free_area

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(DataOut.tr("Report for my physio: preview"))
    # a page's height where the screen has it; on a small screen (a 1024x640 laptop) no
    # bigger than its free area, so that the bottom edge stays in reach
    dialog.resize(fitted_size(QSize(900, 1000), free_area(dialog), FRAME_GUESS))
    return dialog


def write_pdf_atomic(path: Path, report: Report, sections: tuple[str, ...]) -> int:
    """Write the PDF beside ``path`` under a temporary name, then put it in place: a
    failed write leaves any older file as it was. Raises OSError; returns the pages."""
    import contextlib
    import os
    import tempfile

    from hamstring_app.ui.report_pdf import write_pdf

    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        pages = write_pdf(Path(temp), report, sections)
        if os.path.getsize(temp) == 0:
            raise OSError(5, "the PDF could not be written", str(path))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return pages


class ReportActions(Actions):
    def __init__(self, ctx: AppContext, window: QWidget, messages: Messages) -> None:
        super().__init__(ctx, window, messages)
        self.task: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.pages = 0  # of the last layout (preview or file)
        self.preview_factory: Callable[..., object] = make_preview

    def open(self) -> TaskHandle | None:
        history = self.ctx.history.get()
        onset = history.profile.injury_start if history.profile else None
        dialog = ReportDialog(self.ctx.clock.today(), onset, self.window,
                              recorded=lambda a, b: recorded_between(history, a, b))
        if not dialog.exec():
            return None
        start, end, sections, action = dialog.choice()
        return self.prepare(start, end, sections, action)

    def prepare(self, start: date, end: date, sections: tuple[str, ...],
                action: str) -> TaskHandle | None:
        """Gather the report off the UI thread, then preview it or save it."""
        if self.task is not None and self.task.running:
            return self.task
        from hamstring_app.core.library import exercise_names

        history = self.ctx.history.get()
        per_week = self.ctx.repo.get_settings().sessions_per_week
        names = exercise_names()
        today = self.ctx.clock.today()

        def work(_token: object) -> Report:
            return build_report(history, start=start, end=end, names=names,
                                sessions_per_week=per_week, made_on=today)

        self._show_progress()
        self.task = run_task(
            work,
            on_done=lambda report: self._ready(report, sections, action),
            on_error=self._failed,
            parent=self.window,
        )
        return self.task

    def _show_progress(self) -> None:
        dialog = QProgressDialog(DataOut.tr("Preparing the report..."), "", 0, 0, self.window)
        dialog.setWindowTitle(DataOut.tr("Report for my physio"))
        dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        self.progress = dialog

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, exc: Exception) -> None:
        self._close_progress()
        self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("No report"),
                           DataOut.tr("The report could not be made.\n\n{why}").format(
                               why=failure_message(exc)))

    def _ready(self, report: Report, sections: tuple[str, ...], action: str) -> None:
        self._close_progress()
        if action == SAVE:
            self.save(report, sections)
        else:
            self.preview(report, sections)

    def preview(self, report: Report, sections: tuple[str, ...]) -> None:
        from hamstring_app.ui.report_pdf import paint_report

        printer = printer_for_report()
        printer.setDocName(DataOut.tr("Hamstring Coach report {first} to {last}").format(
            first=report.start.isoformat(), last=report.end.isoformat()))
        dialog = self.preview_factory(printer, self.window)

        def paint(device) -> None:  # type: ignore[no-untyped-def]
            try:
                self.pages = paint_report(device, report, sections)
            except OSError:  # the printer (or "print to file") could not be written to
                self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("Not printed"),
                                   DataOut.tr("The report could not be sent to the printer."))

        dialog.paintRequested.connect(paint)  # type: ignore[attr-defined]
        dialog.exec()  # type: ignore[attr-defined]

    def save(self, report: Report, sections: tuple[str, ...]) -> Path | None:
        suggested = Path.home() / f"hamstring-report-{report.end.isoformat()}.pdf"
        path = save_file_name(
            self.window, DataOut.tr("Save the report as a PDF"), suggested,
            DataOut.tr("PDF files (*.pdf)"), ".pdf",
            lambda path: self.messages.ask(
                DataOut.tr("Replace file?"),
                DataOut.tr("{name} already exists. Replace it?").format(name=path.name),
                DataOut.tr("&Replace"),
            ),
        )
        if path is None:
            return None
        try:
            self.pages = write_pdf_atomic(path, report, sections)
        except OSError as exc:
            self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("Not saved"),
                               DataOut.tr("The report could not be written to {path}: {why}")
                               .format(path=path, why=exc.strerror or exc))
            return None
        self.ctx.events.status_message.emit(
            DataOut.tr("The report ({pages}) was saved to {path}.").format(
                pages=counted(self.pages, DataOut.tr("1 page"),
                              DataOut.tr("%n pages", "", self.pages)),
                path=path)
        )
        return path
