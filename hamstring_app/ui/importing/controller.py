"""Running an import in the app: read and plan off the UI thread (progress bar, Cancel),
the review list, then the one-transaction write, also off the UI thread, and a summary.

Everything slow goes through the one background-task helper (``ui.tasks.run_task`` and
``ctx.ops.run_in_background``); the work touches no widget. Dialogs are opened
non-modally-blocking (``open()``), so the event loop keeps running throughout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from hamstring_app.core.models import Units
from hamstring_app.importer.plan import PlanRow
from hamstring_app.store.importing import Imported, Preview, import_rows, preview_import
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.importing.review import ReviewDialog
from hamstring_app.ui.ops import Outcome
from hamstring_app.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)

STEPS = 1000  # the progress bar's resolution


class ImportController(QObject):
    """One import at a time, from the menu, a drop or the watched folder."""

    finished = Signal(object)  # Imported, or None when nothing was saved

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.handle: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.review: ReviewDialog | None = None
        self.summary: QMessageBox | None = None
        self.last: Imported | None = None
        # the progress dialog while its setValue() runs the event loop: a dialog closed in
        # there must not be deleted under it (the deferred delete can run in that loop)
        self._setting_value: QProgressDialog | None = None
        self._opening = 0  # parts waiting for the next turn of the event loop (_next_turn)

    @property
    def busy(self) -> bool:
        return self.handle is not None or self.review is not None or self._opening > 0

    # ------------------------------------------------------------------ by hand

    def start(self, paths: Sequence[str | Path]) -> bool:
        """Read ``paths`` and show the review list. False when an import is running."""
        if self.busy:
            self.ctx.events.status_message.emit(self.tr("An import is already running."))
            return False
        chosen = [str(p) for p in paths]
        today = self.ctx.clock.today()
        repo = self.ctx.repo
        self._show_progress(self.tr("Reading your files..."))

        def work(token: object) -> Preview:  # on the worker thread: no widgets here
            return preview_import(repo, chosen, today=today, task=token)  # type: ignore[arg-type]

        self.handle = run_task(
            work,
            on_done=self._review,
            on_error=self._read_failed,
            on_progress=self._progressed,
            on_cancelled=self._cancelled,
            parent=self.window,
        )
        return True

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _show_progress(self, text: str) -> None:
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, STEPS, self.window)
        dialog.setWindowTitle(self.tr("Import runs"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)
        dialog.setAccessibleName(self.tr("Import progress"))
        self.progress = dialog
        dialog.show()

    def _close_progress(self) -> None:
        if self.progress is not None:
            dialog = self.progress
            self.progress = None
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            if self._setting_value is dialog:
                return  # closed inside its own setValue(): deleted once that returns
            dialog.deleteLater()

    def _progressed(self, fraction: float, text: str) -> None:
        # label first: a window-modal QProgressDialog.setValue() runs the event loop, and
        # the task may end (closing the dialog) inside it
        if self._setting_value is not None:
            return  # a report arriving inside that setValue(): never nest a second one
        if self.progress is not None and text:
            self.progress.setLabelText(
                self.tr("Reading %1").replace("%1", Path(text.split(" › ")[-1]).name)
            )
        dialog = self.progress
        if dialog is not None:
            self._setting_value = dialog
            try:
                dialog.setValue(round(fraction * STEPS))
            finally:
                self._setting_value = None
            if self.progress is not dialog:  # the task ended in there: delete it now
                dialog.deleteLater()

    def _cancelled(self) -> None:
        self.handle = None
        self._close_progress()
        self.ctx.events.status_message.emit(self.tr("Import cancelled; nothing was saved."))
        self.finished.emit(None)

    def _read_failed(self, exc: Exception) -> None:
        self.handle = None
        self._close_progress()
        self._tell(QMessageBox.Icon.Warning, self.tr("Import failed"),
                   self.tr("The files could not be read, and nothing was saved.\n\n%1")
                   .replace("%1", str(exc)))
        self.finished.emit(None)

    def _review(self, preview: Preview) -> None:
        self.handle = None
        self._close_progress()
        if not preview.rows:
            self._tell(QMessageBox.Icon.Information, self.tr("Import runs"),
                       self.tr("No activity files were found in what you chose."))
            self.finished.emit(None)
            return
        # the window is drawn again without the progress dialog first, and the list on a
        # turn of its own: the two together held the event loop up for a frame too long
        self._next_turn(lambda: self._open_review(preview))

    def _next_turn(self, part: Callable[[], None]) -> None:
        """Run ``part`` on the next turn of the event loop; busy until then."""
        self._opening += 1

        def run() -> None:
            self._opening -= 1
            part()

        QTimer.singleShot(0, self, run)

    def _open_review(self, preview: Preview) -> None:
        history = self.ctx.history.get()
        units = history.profile.units if history.profile is not None else Units.KM
        self.review = ReviewDialog(preview.rows, units, self.window)
        self.review.accepted.connect(self._accepted)
        self.review.rejected.connect(self._rejected)
        self.review.open()

    def _rejected(self) -> None:
        self._drop_review()
        self.ctx.events.status_message.emit(self.tr("Import cancelled; nothing was saved."))
        self.finished.emit(None)

    def _accepted(self) -> None:
        assert self.review is not None
        rows = self.review.rows
        self._drop_review()
        self._write(rows, quiet=False)

    def _drop_review(self) -> None:
        if self.review is not None:
            review, self.review = self.review, None
            review.hide()
            # freed a turn later: not with the window's repaint where the list was
            QTimer.singleShot(0, review, review.deleteLater)

    # ------------------------------------------------------------------ writing

    def _write(
        self, rows: Sequence[PlanRow], *, quiet: bool, saved: Callable[[], None] | None = None
    ) -> None:
        """Write the ticked ``rows`` (made into runs on the worker too); quiet: the
        watched folder's new runs, saved to wait for review, with no dialog."""
        handle = self.handle = self.ctx.ops.run_in_background(
            import_rows,
            list(rows),
            needs_review=quiet,
            on_done=lambda outcome: self._written(outcome, quiet, saved),
            parent=self.window,
            reload=True,  # hundreds of new days: read back off the UI thread
        )
        if not quiet:  # a turn later: the window first draws itself without the list
            QTimer.singleShot(0, self, lambda: self._show_saving(handle))

    def _show_saving(self, handle: TaskHandle) -> None:
        if self.handle is handle and handle.running and self.progress is None:
            self._show_progress(self.tr("Saving the runs..."))

    def _written(
        self, outcome: Outcome[Imported], quiet: bool, saved: Callable[[], None] | None = None
    ) -> None:
        self.handle = None
        self._close_progress()
        if not outcome.ok:
            if outcome.cancelled:
                self.ctx.events.status_message.emit(
                    self.tr("Import cancelled; nothing was saved."))
            elif quiet:
                self.ctx.events.status_message.emit(
                    self.tr("New runs from the watched folder were not saved: %1")
                    .replace("%1", outcome.message))
            else:
                self._tell(QMessageBox.Icon.Warning, self.tr("Import failed"),
                           self.tr("Nothing was saved.\n\n%1").replace("%1", outcome.message))
            self.finished.emit(None)
            return
        done = outcome.value
        self.last = done
        if saved is not None:
            saved()
        if quiet:
            if done.added:
                self.ctx.events.status_message.emit(
                    self.tr("%1 new runs from your watch are waiting on the Today tab.")
                    .replace("%1", str(done.added)))
        else:
            from hamstring_app.ui.importing.undo import offer_undo

            text = summary_text(done)
            if offer_undo(self.ctx, self.window, done):
                text += " " + self.tr("Edit > Undo (Ctrl+Z) takes the whole import back.")

            def tell() -> None:  # on a turn of its own, after the progress dialog closed
                self._tell(QMessageBox.Icon.Information, self.tr("Import finished"), text)
                self.finished.emit(done)

            self._next_turn(tell)
            return
        self.finished.emit(done)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = box
        box.open()

    # ------------------------------------------------------------------ watched folder

    def auto_import(
        self, paths: Sequence[str | Path], saved: Callable[[], None] | None = None
    ) -> bool:
        """New files from the watched folder: read, then save the new runs (to wait for
        review on the Today tab) and merges, with no dialog. False while busy. ``saved``
        is called once the files were read and whatever was new in them is saved (not
        after a failure or a cancel)."""
        if self.busy:
            return False
        chosen = [str(p) for p in paths]
        today = self.ctx.clock.today()
        repo = self.ctx.repo

        def work(token: object) -> Preview:
            return preview_import(repo, chosen, today=today, task=token)  # type: ignore[arg-type]

        def read(preview: Preview) -> None:
            self.handle = None
            if any(row.include and row.can_include for row in preview.rows):
                self._write(preview.rows, quiet=True, saved=saved)
            else:
                if saved is not None:
                    saved()
                self.finished.emit(None)

        def failed(exc: Exception) -> None:
            self.handle = None
            self.finished.emit(None)

        def stopped() -> None:
            self.handle = None
            self.finished.emit(None)

        self.handle = run_task(work, on_done=read, on_error=failed, on_cancelled=stopped,
                               parent=self.window)
        return True


class ImportSummary(QObject):
    """The translation context of :func:`summary_text`."""


def summary_text(done: Imported) -> str:
    from hamstring_app.ui.texts import counted

    added, left = done.added, done.not_written
    return ImportSummary.tr("Added {added} and merged {merged} into runs you typed in. {left} "
                            "(already saved, skipped or unticked).").format(
        added=counted(added, ImportSummary.tr("1 run"), ImportSummary.tr("%n runs", "", added)),
        merged=done.merged,
        left=counted(left, ImportSummary.tr("1 was not imported"),
                     ImportSummary.tr("%n were not imported", "", left)),
    )
