"""File > Import my data (JSON)...: the app's own export brought back in, after a review.

The file is read and compared with the saved data on a worker thread (exchange/service.py):
nothing is written until the person has seen what would be added and what is already saved
and said Import. The records are then added in one transaction, through the operations
runner, so every tab shows them. A file that cannot be read is refused with the reason and
nothing changes; a check-in already saved for a day is never replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from hamstring_app.core.models import History
from hamstring_app.exchange import service
from hamstring_app.exchange.merge import ImportPlan
from hamstring_app.store import operations as op
from hamstring_app.ui.data_out.common import Actions, DataOut, contents_words, day_text
from hamstring_app.ui.ops import Outcome, failure_message
from hamstring_app.ui.tasks import TaskHandle, run_task
from hamstring_app.ui.texts import counted


def review_text(plan: ImportPlan) -> str:
    """What an import of ``plan`` adds and skips, in plain sentences."""
    c, r, s = contents_words(len(plan.checkins), len(plan.runs), len(plan.sessions))
    lines = [DataOut.tr("New: {c}, {r} and {s}.").format(c=c, r=r, s=s)]
    span = plan.first_and_last_day()
    if span is not None:
        lines.append(DataOut.tr("They are dated {first} to {last}.").format(
            first=day_text(span[0]), last=day_text(span[1])))
    if plan.assessments:
        lines.append(counted(len(plan.assessments),
                             DataOut.tr("New: 1 professional assessment."),
                             DataOut.tr("New: %n professional assessments.", "",
                                        len(plan.assessments))))
    if plan.profile is not None:
        lines.append(DataOut.tr("The profile in the file is added (none is saved)."))
    if plan.profile_kept:
        lines.append(DataOut.tr("The profile in the file differs from yours; yours is kept."))
    if plan.episodes:
        lines.append(DataOut.tr("The injury episodes in the file are added (none is saved)."))
    if plan.episodes_kept:
        lines.append(DataOut.tr("The injury episodes in the file differ from yours; yours "
                                "are kept."))
    if plan.duplicates:
        dc, dr, ds = contents_words(plan.duplicate_checkins, plan.duplicate_runs,
                                    plan.duplicate_sessions)
        lines.append(DataOut.tr("Already saved, so skipped: {c}, {r} and {s}.").format(
            c=dc, r=dr, s=ds))
    if plan.conflicts:
        days = ", ".join(day_text(d) for d in plan.conflicts[:3])
        more = len(plan.conflicts) - 3
        lines.append(counted(
            len(plan.conflicts),
            DataOut.tr("On 1 day the file's check-in differs from the saved one; the saved "
                       "one is kept: {{days}}."),
            DataOut.tr("On %n days the file's check-in differs from the saved one; the saved "
                       "one is kept: {{days}}.", "", len(plan.conflicts)),
        ).format(days=days + (DataOut.tr(" and {n} more").format(n=more) if more > 0 else "")))
    return "\n".join(lines)


class ImportActions(Actions):
    task: TaskHandle | None = None

    def open(self) -> TaskHandle | None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window, DataOut.tr("Import a Hamstring Coach export"), str(Path.home()),
            DataOut.tr("JSON files (*.json)"),
        )
        return self.review(Path(name)) if name else None

    def review(self, path: Path) -> TaskHandle | None:
        """Read ``path`` and compare it with the saved data off the UI thread, then ask."""
        if self.task is not None and self.task.running:
            return self.task
        repo, today = self.ctx.repo, self.ctx.clock.today()

        def work(_token: object) -> tuple[History, ImportPlan]:
            incoming = service.read_export(path, today)
            return incoming, service.preview_import(repo, incoming)

        self.ctx.events.status_message.emit(DataOut.tr("Reading {name}...").format(
            name=path.name))
        self.task = run_task(work, on_done=lambda found: self._ask(path, *found),
                             on_error=self._failed, parent=self.window)
        return self.task

    def _ask(self, path: Path, incoming: History, plan: ImportPlan) -> None:
        self.ctx.events.status_message.emit("")
        title = DataOut.tr("Import {name}").format(name=path.name)
        if not plan.adds_anything:
            self.messages.tell(QMessageBox.Icon.Information, title, DataOut.tr(
                "Nothing to import: everything in this file is already saved.\n\n{review}"
            ).format(review=review_text(plan)))
            return
        if not self.messages.ask(title, DataOut.tr(
            "{review}\n\nAdd these records to your data? Nothing you have saved is changed."
        ).format(review=review_text(plan)), DataOut.tr("&Import")):
            return
        self.task = self.ctx.ops.run_in_background(
            op.import_export, incoming, on_done=lambda outcome: self._imported(path, outcome),
            parent=self.window, reload=True,
        )

    def _imported(self, path: Path, outcome: Outcome[object]) -> None:
        if not outcome.ok:
            self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("Not imported"),
                               outcome.message or DataOut.tr("Nothing was imported."))
            return
        plan = outcome.value
        assert isinstance(plan, ImportPlan)
        c, r, s = contents_words(len(plan.checkins), len(plan.runs), len(plan.sessions))
        said = DataOut.tr("Imported {c}, {r} and {s} from {name}.").format(
            c=c, r=r, s=s, name=path.name)
        self.ctx.events.status_message.emit(said)
        self.messages.tell(QMessageBox.Icon.Information, DataOut.tr("Imported"), said)

    def _failed(self, exc: Exception) -> None:
        self.ctx.events.status_message.emit(DataOut.tr("Nothing was imported."))
        why = str(exc) if isinstance(exc, service.ExchangeError) else failure_message(exc)
        self.messages.tell(QMessageBox.Icon.Warning, DataOut.tr("Not imported"), why)
