"""File > Report for my physio... (Ctrl+P): the dialog, the preview (mocked), the PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from PySide6.QtCore import QObject, Signal

from hamstring_app.core.report import SECTIONS
from hamstring_app.ui.data_out import report_ui
from hamstring_app.ui.dates import day_text, from_qdate, to_qdate
from hamstring_app.ui.verdicts import verdict_word_plain


class FakePreview(QObject):
    """Stands in for QPrintPreviewDialog: on exec, asks for the pages on its printer,
    which writes them to a PDF file."""

    paintRequested = Signal(object)
    made: list[FakePreview] = []

    def __init__(self, printer, parent=None, *, out=None) -> None:
        super().__init__()
        from PySide6.QtPrintSupport import QPrinter

        self.printer = printer
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        FakePreview.made.append(self)

    def exec(self) -> int:
        self.paintRequested.emit(self.printer)
        return 0


def _text(pdf) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_dialog_starts_at_the_injury_and_ends_today(qtbot, filled, clock):
    onset = filled.ctx.history.get().profile.injury_start
    dialog = report_ui.ReportDialog(clock.today(), onset)
    qtbot.addWidget(dialog)
    start, end, sections, action = dialog.choice()
    assert start == onset - timedelta(days=14) and end == clock.today()
    assert sections == SECTIONS and action == report_ui.PREVIEW


def test_the_dialog_refuses_a_range_backwards_or_nothing_to_include(qtbot, clock):
    dialog = report_ui.ReportDialog(clock.today(), None)
    qtbot.addWidget(dialog)
    dialog.start_field.setDate(to_qdate(clock.today()))
    dialog.end_field.setDate(to_qdate(clock.today() - timedelta(days=3)))
    dialog.preview_button.click()
    assert dialog.result() == 0 and "after the last day" in dialog.error_label.text()
    dialog.end_field.setDate(to_qdate(clock.today()))
    for check in dialog.section_checks.values():
        check.setChecked(False)
    assert not dialog.preview_button.isEnabled()
    dialog.section_checks["summary"].setChecked(True)
    dialog.save_button.click()
    assert dialog.result() == 1 and dialog.choice()[2:] == (("summary",), report_ui.SAVE)
    assert from_qdate(dialog.start_field.date()) == clock.today()


def test_the_preview_lays_out_the_report_on_its_printer(qtbot, wait_for, filled, tmp_path,
                                                        clock):
    out = tmp_path / "preview.pdf"
    actions = filled.window.data_out.reports
    actions.preview_factory = lambda printer, parent: FakePreview(printer, parent, out=out)
    start = clock.today() - timedelta(days=60)
    wait_for(actions.prepare(start, clock.today(), SECTIONS, report_ui.PREVIEW))
    assert FakePreview.made and actions.pages >= 1
    text = _text(out)
    verdict = verdict_word_plain(filled.ctx.ops.assessment().verdict)
    assert "Verdict today" in text and verdict in text
    assert day_text(clock.today()) in " ".join(text.split())  # the 14-day table ends today


def test_save_as_pdf_writes_the_file_named(qtbot, wait_for, filled, tmp_path, clock,
                                           monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "for my physio"), ""))
    actions = filled.window.data_out.reports
    wait_for(actions.prepare(clock.today() - timedelta(days=30), clock.today(),
                             ("summary", "last_14_days"), report_ui.SAVE))
    pdf = tmp_path / "for my physio.pdf"
    assert tmp_path / "data" == filled.ctx.paths.root
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _text(pdf)
    assert "Last 14 days" in text and "Warning signs" not in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", pdf.name]  # no temp file


def test_ctrl_p_opens_the_report_dialog(qtbot, filled, monkeypatch):
    opened = []
    monkeypatch.setattr(report_ui.ReportDialog, "exec", lambda self: opened.append(self) or 0)
    filled.window.data_out.report_action.trigger()
    assert len(opened) == 1


def test_the_dialog_refuses_a_range_with_nothing_recorded(qtbot, filled, clock):
    history = filled.ctx.history.get()
    dialog = report_ui.ReportDialog(clock.today(), None, recorded=lambda a, b: (
        report_ui.recorded_between(history, a, b)))
    qtbot.addWidget(dialog)
    dialog.start_field.setDate(to_qdate(clock.today() - timedelta(days=900)))
    dialog.end_field.setDate(to_qdate(clock.today() - timedelta(days=800)))
    dialog.preview_button.click()
    assert dialog.result() == 0
    assert "Nothing is recorded from" in dialog.error_label.text()
    dialog.end_field.setDate(to_qdate(clock.today()))
    dialog.preview_button.click()
    assert dialog.result() == 1


def test_a_one_page_report_saved_says_one_page(qtbot, wait_for, filled, tmp_path, clock,
                                               monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "short.pdf"), ""))
    said = []
    filled.ctx.events.status_message.connect(said.append)
    actions = filled.window.data_out.reports
    wait_for(actions.prepare(clock.today() - timedelta(days=10), clock.today() - timedelta(days=3),
                             ("summary",), report_ui.SAVE))
    assert actions.pages == 1
    assert any("The report (1 page) was saved" in s for s in said), said
    text = _text(tmp_path / "short.pdf")
    verdict_day = day_text(clock.today() - timedelta(days=3))
    assert f"Verdict on {verdict_day}" in " ".join(text.split())


def test_the_date_labels_have_room_for_their_letters(qtbot, clock):
    from PySide6.QtGui import QFontMetrics

    dialog = report_ui.ReportDialog(clock.today(), None)
    qtbot.addWidget(dialog)
    for field in (dialog.start_field, dialog.end_field):
        label = dialog.layout().itemAt(1).layout().labelForField(field)
        font = label.font()
        font.setKerning(False)  # how a label with a mnemonic is drawn
        drawn = QFontMetrics(font).horizontalAdvance(label.text().replace("&", ""))
        assert label.sizeHint().width() >= drawn, label.text()
