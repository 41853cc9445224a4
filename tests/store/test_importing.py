"""Preview then import: written once, in one transaction; a cancel writes nothing."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from store_samples import TODAY

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "importer"))
from activity_files import RunSpec, fit_bytes, gpx_bytes, tcx_bytes

from hamstring_app.core.models import Run
from hamstring_app.core.tasks import Cancelled
from hamstring_app.importer.plan import Status, runs_to_write
from hamstring_app.store.errors import Conflict
from hamstring_app.store.importing import import_runs, preview_import

START = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


def files(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.fit").write_bytes(fit_bytes(RunSpec(start=START, step_s=60)))
    (folder / "b.gpx").write_bytes(gpx_bytes(RunSpec(start=START + timedelta(days=1),
                                                     step_s=60, km=5, minutes=30)))
    (folder / "c.tcx").write_bytes(tcx_bytes(RunSpec(start=START + timedelta(days=2),
                                                     step_s=60, km=8, minutes=45)))
    return folder


class Token:
    def __init__(self, stop_after: int | None = None) -> None:
        self.reports: list[float] = []
        self.stop_after = stop_after

    def progress(self, fraction: float, text: str = "") -> None:
        self.reports.append(fraction)

    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.reports) >= self.stop_after


def test_preview_then_import_then_import_again(repo, tmp_path):
    folder = files(tmp_path / "in")
    typed = repo.add_run(Run(day=START.date(), distance_km=9.8, rpe=6, pain=2, note="mine"))
    token = Token()
    preview = preview_import(repo, [folder], today=TODAY, zone=UTC, task=token)
    assert [r.status for r in preview.rows] == [Status.MERGE, Status.NEW, Status.NEW]
    assert token.reports[-1] == 1.0
    assert repo.list_runs() == (typed,)  # a preview writes nothing
    done = import_runs(repo, runs_to_write(preview.rows))
    assert (done.value.added, done.value.merged) == (2, 1)
    assert sorted(done.changes.days) == [START.date() + timedelta(days=d) for d in range(3)]
    saved = repo.list_runs()
    assert len(saved) == 3
    assert (saved[0].id, saved[0].rpe, saved[0].pain, saved[0].note) == (typed.id, 6, 2, "mine")
    assert saved[0].distance_km == 10.0 and saved[0].source_file == "a.fit"

    again = preview_import(repo, [folder], today=TODAY, zone=UTC)
    assert [r.status for r in again.rows] == [Status.DUPLICATE] * 3
    assert import_runs(repo, runs_to_write(again.rows)).value.added == 0


def test_cancel_while_reading_writes_nothing(repo, tmp_path):
    folder = files(tmp_path / "in")
    with pytest.raises(Cancelled):
        preview_import(repo, [folder], today=TODAY, zone=UTC, task=Token(stop_after=1))
    assert repo.list_runs() == ()


def test_cancel_before_the_commit_writes_nothing(repo, tmp_path):
    preview = preview_import(repo, [files(tmp_path / "in")], today=TODAY, zone=UTC)
    with pytest.raises(Cancelled):
        import_runs(repo, runs_to_write(preview.rows), task=Token(stop_after=0))
    assert repo.list_runs() == ()


def test_failure_in_the_middle_writes_nothing(repo, tmp_path):
    preview = preview_import(repo, [files(tmp_path / "in")], today=TODAY, zone=UTC)
    plan = runs_to_write(preview.rows)
    # the third file was saved meanwhile (by another window): the whole import is refused
    repo.import_runs([plan.new[2]], [])
    with pytest.raises(Conflict):
        import_runs(repo, plan)
    assert len(repo.list_runs()) == 1
