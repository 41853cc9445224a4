"""The review list's model: what each row shows and allows, kept right once its text is
remembered for painting (an untick, a type or RPE edit), and the list opening on a turn
of its own after the progress dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from hamstring_app.core.models import Run, RunType
from hamstring_app.importer.activity import Activity, Skipped
from hamstring_app.importer.plan import PlanRow, Status
from hamstring_app.ui.importing.review import (
    DATE,
    DISTANCE,
    INCLUDE,
    RPE,
    STATUS,
    TYPE,
    WHY,
    ReviewDialog,
)

DAY = date(2026, 3, 14)
Role = Qt.ItemDataRole


def activity(km: float, name: str) -> Activity:
    return Activity(source=f"export.zip › {name}", file_name=name, content_hash=name,
                    day=DAY, distance_km=km, duration_min=30.0, cadence_spm=170)


@pytest.fixture
def dialog(qtbot):
    rows = [
        PlanRow(Status.NEW, "", activity(5, "a.fit"), include=True, rpe=4),
        PlanRow(Status.MERGE, "", activity(6, "b.gpx"), include=True,
                match=Run(day=DAY, distance_km=6.1)),
        PlanRow(Status.DUPLICATE, "already saved", activity(7, "c.tcx")),
        PlanRow(Status.SKIPPED, "not a run (walking)",
                skipped=Skipped("export.zip › d.gpx", "not a run (walking)", DAY)),
    ]
    shown = ReviewDialog(rows)
    qtbot.addWidget(shown)
    return shown


def cell(dialog, row, column, role=Role.DisplayRole):
    return dialog.model.index(row, column).data(role)


def test_each_status_shows_and_allows_what_it_should(dialog):
    model = dialog.model
    assert [cell(dialog, r, STATUS) for r in range(4)] == ["new", "merge", "duplicate", "skipped"]
    assert cell(dialog, 0, DISTANCE) == "5 km" and cell(dialog, 0, DATE) == "Sat, 14 Mar 2026"
    assert "not a run (walking)" in cell(dialog, 3, WHY)
    checkable = [bool(model.flags(model.index(r, INCLUDE)) & Qt.ItemFlag.ItemIsUserCheckable)
                 for r in range(4)]
    assert checkable == [True, True, False, False]
    type_editable = [bool(model.flags(model.index(r, TYPE)) & Qt.ItemFlag.ItemIsEditable)
                     for r in range(4)]
    assert type_editable == [True, False, False, False]  # a merge keeps the runner's type
    assert model.flags(model.index(1, RPE)) & Qt.ItemFlag.ItemIsEditable
    # greyed and with no tick box: duplicates and skipped files
    assert cell(dialog, 0, STATUS, Role.ForegroundRole) is None
    assert cell(dialog, 2, STATUS, Role.ForegroundRole) is not None
    assert cell(dialog, 2, INCLUDE, Role.CheckStateRole) is None
    assert cell(dialog, 2, INCLUDE, Role.AccessibleTextRole) == "Not imported"
    assert cell(dialog, 0, INCLUDE, Role.AccessibleTextRole) == "Import this run"
    assert cell(dialog, 0, DISTANCE, Role.DecorationRole) is None
    assert cell(dialog, 0, TYPE, Role.EditRole) == "easy"
    assert cell(dialog, 1, RPE, Role.EditRole) == -1


def test_an_edit_shows_at_once_after_the_row_was_drawn(dialog, qtbot):
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready)  # the rows painted
    model = dialog.model
    assert (cell(dialog, 0, TYPE), cell(dialog, 0, RPE)) == ("Easy", "4")  # remembered now
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(0, TYPE), "intervals")
    assert model.setData(model.index(0, RPE), 8)
    assert (cell(dialog, 0, TYPE), cell(dialog, 0, RPE)) == ("Intervals", "8")
    assert cell(dialog, 0, RPE, Role.ToolTipRole) == "8"
    assert (dialog.rows[0].run_type, dialog.rows[0].rpe) == (RunType.INTERVALS, 8)
    assert model.setData(model.index(0, RPE), -1)  # the box's "–": no RPE
    assert cell(dialog, 0, RPE) == "" and dialog.rows[0].rpe is None
    # a duplicate takes no edit
    assert not model.setData(model.index(2, RPE), 5)
    assert cell(dialog, 2, RPE) == ""


def test_untick_and_tick_again(dialog):
    assert dialog.import_button.text() == "Import 2"
    dialog.set_included(0, False)
    assert cell(dialog, 0, INCLUDE, Role.CheckStateRole) == Qt.CheckState.Unchecked
    assert not dialog.rows[0].include and dialog.import_button.text() == "Import 1"
    assert "0 new runs to add and 1 to merge" in dialog.summary.text()
    dialog.set_included(1, False)
    assert not dialog.import_button.isEnabled()
    dialog.set_included(0, True)
    assert cell(dialog, 0, INCLUDE, Role.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.import_button.text() == "Import 1"
    assert cell(dialog, 0, TYPE) == "Easy"  # the rest of the row is as it was


def test_keyboard_space_unticks_the_current_row(dialog, qtbot):
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready)
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(0, INCLUDE))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert not dialog.rows[0].include
    assert dialog.import_button.text() == "Import 1"


def test_the_list_opens_after_the_progress_dialog_and_blocks_a_second_import(
    session_factory, qtbot, tmp_path
):
    from hamstring_app.store.importing import Preview

    session = session_factory()
    session.window.show()
    controller = session.window.importing.controller
    controller._show_progress("Reading your files...")
    rows = (PlanRow(Status.NEW, "", activity(5, "a.fit"), include=True),)
    controller._review(Preview(rows, files_read=1))
    assert controller.progress is None and controller.review is None  # not yet: next turn
    assert controller.busy and not controller.start([tmp_path])  # one import at a time
    qtbot.waitUntil(lambda: controller.review is not None)
    assert controller.review.rows == list(rows) and controller.busy
    with qtbot.waitSignal(controller.finished):
        controller.review.reject()
    assert not controller.busy


def test_the_summary_comes_a_turn_after_the_progress_dialog_closes(session_factory, qtbot):
    from hamstring_app.store.importing import Imported
    from hamstring_app.ui.ops import Outcome

    session = session_factory()
    session.window.show()
    controller = session.window.importing.controller
    controller._show_progress("Saving the runs...")
    ended = []
    controller.finished.connect(ended.append)
    done = Imported(added=2, merged=0, not_written=1, days=(DAY,))
    controller._written(Outcome(True, done), quiet=False)
    assert controller.progress is None  # closed at once
    assert controller.summary is None and ended == [] and controller.busy
    qtbot.waitUntil(lambda: bool(ended))
    assert ended == [done] and not controller.busy
    assert "Added 2 runs" in controller.summary.text()
    controller.summary.close()


def test_the_list_opens_no_bigger_than_the_screen(dialog):
    # the test screen (800x800) is smaller than the list's usual 1140x560
    free = dialog.screen().availableGeometry()
    assert free.width() < 1140
    assert dialog.width() <= free.width()
    assert dialog.height() <= free.height()
    assert dialog.width() >= min(1140, free.width() - 40)  # still as wide as the screen allows
