"""The app's import: menu and drop, review list, background read and write with Cancel,
summary, the watched folder and the Today tab's prompt for new runs."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QComboBox, QPushButton

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "importer"))
from activity_files import RunSpec, fit_bytes, gpx_bytes, tcx_bytes

from hamstring_app.core.models import Run, RunType
from hamstring_app.importer.plan import Status
from hamstring_app.store import operations as op
from hamstring_app.ui.importing.review import INCLUDE, RPE, TYPE, ReviewDialog

START = datetime(2026, 3, 14, 7, 0, tzinfo=UTC)  # the clock says 2026-03-18


def write_files(folder: Path, n: int = 3) -> Path:
    folder.mkdir(exist_ok=True)
    makers = [fit_bytes, gpx_bytes, tcx_bytes]
    for i in range(n):
        spec = RunSpec(start=START - timedelta(days=i), step_s=60, km=5 + i, minutes=30 + 5 * i)
        ext = ["fit", "gpx", "tcx"][i % 3]
        (folder / f"run{i}.{ext}").write_bytes(makers[i % 3](spec))
    (folder / "walk.gpx").write_bytes(
        gpx_bytes(RunSpec(start=START, step_s=60, km=3, minutes=40), sport="walking")
    )
    return folder


@pytest.fixture
def app_session(session_factory):
    session = session_factory()
    session.window.show()
    return session


def drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event


def test_menu_has_import_runs_with_ctrl_i(app_session):
    action = app_session.window.importing.import_action
    assert action.shortcut().toString() == "Ctrl+I"
    assert action in app_session.window.file_menu.actions()


def test_drop_review_untick_and_import(app_session, tmp_path, qtbot):
    window, ctx = app_session.window, app_session.ctx
    typed = ctx.ops.run(op.add_run, Run(day=START.date(), distance_km=5.1, rpe=6, pain=2)).value
    controller = window.importing.controller
    event = drop(window, [write_files(tmp_path / "in")])
    assert event.isAccepted()
    qtbot.waitUntil(lambda: controller.review is not None, timeout=20_000)
    dialog = controller.review
    qtbot.waitUntil(lambda: dialog.filled)  # the rows come a turn after the first paint
    statuses = sorted(str(r.status) for r in dialog.rows)
    assert statuses == ["merge", "new", "new", "skipped"]
    assert ctx.repo.list_runs() == (typed,)  # nothing saved yet
    # untick the 7 km run; make the 6 km run intervals at RPE 8
    seven = next(i for i, r in enumerate(dialog.rows) if r.activity and r.activity.distance_km == 7)
    six = next(i for i, r in enumerate(dialog.rows) if r.activity and r.activity.distance_km == 6)
    dialog.set_included(seven, False)
    assert not dialog.rows[seven].include
    model = dialog.model
    # the type editor, as a double-click opens it
    dialog.table.edit(model.index(six, TYPE))
    editor = dialog.table.findChild(QComboBox)
    editor.setCurrentIndex(editor.findData("intervals"))
    dialog.table.commitData(editor)
    dialog.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    assert model.setData(model.index(six, RPE), 8)
    assert model.index(six, TYPE).data() == "Intervals"
    skipped = next(i for i, r in enumerate(dialog.rows) if r.status is Status.SKIPPED)
    assert not model.flags(model.index(skipped, INCLUDE)) & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.import_button.text() == "Import 2"
    with qtbot.waitSignal(controller.finished, timeout=20_000) as done:
        dialog.import_button.click()
    imported = done.args[0]
    assert (imported.added, imported.merged) == (1, 1)
    runs = {r.distance_km: r for r in ctx.repo.list_runs()}
    assert sorted(runs) == [5.0, 6.0]
    assert (runs[6.0].type, runs[6.0].rpe) == (RunType.INTERVALS, 8)
    assert (runs[5.0].id, runs[5.0].rpe, runs[5.0].pain) == (typed.id, 6, 2)  # merged
    assert ctx.history.get().runs == ctx.repo.list_runs()  # the cache heard of it
    assert "Added 1 run and merged 1" in controller.summary.text()  # not "1 runs"


def test_cancel_while_reading_writes_nothing(app_session, tmp_path, qtbot):
    controller = app_session.window.importing.controller
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        spec = RunSpec(start=START - timedelta(days=i), step_s=5)
        (folder / f"{i:02}.gpx").write_bytes(gpx_bytes(spec))
    with qtbot.waitSignal(controller.finished, timeout=30_000) as done:
        controller.start([folder])
        controller.progress.findChild(QPushButton).click()  # the Cancel button
    assert done.args[0] is None and controller.review is None
    assert app_session.ctx.repo.list_runs() == ()


def test_review_dialog_rejected_writes_nothing(app_session, tmp_path, qtbot):
    controller = app_session.window.importing.controller
    controller.start([write_files(tmp_path / "in")])
    qtbot.waitUntil(lambda: controller.review is not None, timeout=20_000)
    with qtbot.waitSignal(controller.finished):
        controller.review.reject()
    assert app_session.ctx.repo.list_runs() == ()


def test_review_dialog_lists_what_was_found(qtbot, tmp_path):
    from hamstring_app.importer.reader import ImportReader
    from hamstring_app.store.importing import plan_import

    found = ImportReader(zone=UTC).read([write_files(tmp_path / "in")])
    dialog = ReviewDialog(plan_import(found, [], START.date()))
    qtbot.addWidget(dialog)
    model = dialog.model
    cells = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    walk = next(c for c in cells if c[8] == "skipped")
    assert "not a run (walking)" in walk[9]
    fit = next(c for c in cells if "run0.fit" in c[9])
    assert fit[1:4] == ["Sat, 14 Mar 2026", "5 km", "30:00"] and fit[6] == "168 spm"


def test_watched_folder_picks_up_a_new_file_and_today_asks(app_session, tmp_path, qtbot):
    window, ctx = app_session.window, app_session.ctx
    watcher = window.importing.watcher
    watcher.timer.setInterval(50)
    folder = tmp_path / "watch"
    folder.mkdir()
    ctx.ops.run(op.save_settings, replace(ctx.repo.get_settings(), watch_folder=str(folder)))
    assert watcher.folder == folder
    (folder / "2026-03-17-07-00.fit").write_bytes(
        fit_bytes(RunSpec(start=START + timedelta(days=3), step_s=60, km=8, minutes=44), rpe=5)
    )
    qtbot.waitUntil(lambda: len(ctx.repo.list_runs()) == 1, timeout=20_000)
    (run,) = ctx.repo.list_runs()
    assert run.needs_review and run.distance_km == 8.0 and run.rpe == 5
    window.show_tab("checkin")
    prompt = window.tabs.currentWidget().new_runs
    qtbot.waitUntil(prompt.isVisible, timeout=5_000)
    assert prompt.title() == "1 new run from your watch: how did the hamstring feel?"
    answer = prompt.answers[0]
    answer.pain.setValue(3)
    answer.save_button.click()
    (saved,) = ctx.repo.list_runs()
    assert (saved.pain, saved.rpe, saved.needs_review) == (3, 5, False)
    qtbot.waitUntil(lambda: not prompt.isVisible(), timeout=5_000)
    # the same file seen again (focus comes back): nothing new is read or saved
    scans = watcher.scans
    watcher.scan()
    assert watcher.scans == scans + 1 and len(ctx.repo.list_runs()) == 1


def test_watched_folder_remembers_what_it_offered_across_restarts(session_factory, tmp_path,
                                                                    qtbot):
    folder = tmp_path / "watch"
    folder.mkdir()
    old = folder / "2026-03-17-07-00.fit"
    old.write_bytes(fit_bytes(RunSpec(start=START + timedelta(days=3), step_s=60, km=8,
                                      minutes=44)))
    walk = folder / "walk.gpx"
    walk.write_bytes(gpx_bytes(RunSpec(start=START, step_s=60, km=3, minutes=40),
                               sport="walking"))
    first = session_factory()
    ctx = first.ctx
    first.window.importing.watcher.timer.setInterval(50)
    ctx.ops.run(op.save_settings, replace(ctx.repo.get_settings(), watch_folder=str(folder)))
    qtbot.waitUntil(lambda: len(ctx.repo.list_runs()) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not first.window.importing.controller.busy, timeout=20_000)
    (run,) = ctx.repo.list_runs()
    assert ctx.ops.run(op.delete_run, run.id).ok  # the runner did not want that one
    first.close()

    # the next start: the old files are not offered again; a new one is
    new = folder / "2026-03-18-07-00.gpx"
    new.write_bytes(gpx_bytes(RunSpec(start=START + timedelta(days=4), step_s=60, km=6,
                                      minutes=33)))
    second = session_factory()
    second.window.show()
    watcher = second.window.importing.watcher
    assert str(old) not in watcher.new_files_preview()
    qtbot.waitUntil(lambda: len(second.ctx.repo.list_runs()) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not second.window.importing.controller.busy, timeout=20_000)
    (brought,) = second.ctx.repo.list_runs()
    assert brought.distance_km == 6.0 and brought.source_file == new.name
    second.window.show_tab("checkin")
    prompt = second.window.tabs.currentWidget().new_runs
    qtbot.waitUntil(prompt.isVisible, timeout=5_000)
    assert prompt.title() == "1 new run from your watch: how did the hamstring feel?"
    # a file changed since it was seen is read again
    old.write_bytes(fit_bytes(RunSpec(start=START + timedelta(days=2), step_s=60, km=9,
                                      minutes=50)))
    assert str(old) in watcher.new_files_preview()


def test_edit_undo_takes_a_whole_import_back_in_one_step(app_session, tmp_path, qtbot):
    window, ctx = app_session.window, app_session.ctx
    typed = ctx.ops.run(op.add_run, Run(day=START.date(), distance_km=5.1, rpe=6, pain=2)).value
    before = ctx.repo.list_runs()
    controller = window.importing.controller
    assert window.show_tab("recovery")  # imported from another tab: Edit > Undo still finds it
    assert controller.start([write_files(tmp_path / "in")])
    qtbot.waitUntil(lambda: controller.review is not None, timeout=20_000)
    with qtbot.waitSignal(controller.finished, timeout=20_000) as done:
        controller.review.import_button.click()
    imported = done.args[0]
    assert (imported.added, imported.merged) == (2, 1)
    after = ctx.repo.list_runs()
    assert len(after) == 3
    assert "Edit > Undo" in controller.summary.text()
    controller.summary.close()
    edit = window.edit_actions
    edit.update()
    assert edit.undo.isEnabled()
    assert edit.undo.text().replace("&", "") == "Undo import of 3 runs"
    edit.undo.trigger()  # one step, written off the UI thread
    # the app's copy hears of it once it is written
    qtbot.waitUntil(lambda: ctx.history.get().runs == before, timeout=20_000)
    assert ctx.repo.list_runs() == before  # the added runs gone, the merged one as typed
    assert ctx.repo.get_run(typed.id) == typed
    edit.update()
    assert edit.redo.text().replace("&", "") == "Redo import of 3 runs"
    edit.redo.trigger()
    qtbot.waitUntil(lambda: ctx.history.get().runs == after, timeout=20_000)
    assert ctx.repo.list_runs() == after  # the same runs, with the same ids
