"""The review list opens in two turns: its frame, headings, summary and buttons are
painted first, with "Reading the list..."; the rows come a turn after that paint, and
are painted on a turn of their own. The list reads the same once they are there."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject

from hamstring_app.importer.activity import Activity
from hamstring_app.importer.plan import PlanRow, Status
from hamstring_app.ui.importing.review import COLUMNS, DISTANCE, ReviewDialog

DAY = date(2026, 3, 14)


def rows(n: int) -> list[PlanRow]:
    return [PlanRow(Status.NEW, "", Activity(source=f"x.zip › {i}.fit", file_name=f"{i}.fit",
                                             content_hash=str(i), day=DAY, distance_km=5 + i,
                                             duration_min=30.0), include=True)
            for i in range(n)]


class Paints(QObject):
    """What the list showed at each paint of a widget."""

    def __init__(self, widget, dialog) -> None:
        super().__init__(widget)
        self.dialog = dialog
        self.seen: list[tuple[int, bool]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            table = self.dialog.table
            self.seen.append((table.model().rowCount(), self.dialog.waiting.isVisible()))
        return False


@pytest.fixture
def opened(qtbot):
    dialog = ReviewDialog(rows(30))
    qtbot.addWidget(dialog)
    return dialog


def test_the_frame_is_painted_before_the_rows_are_put_in(opened, qtbot):
    dialog = opened
    widths = [dialog.table.horizontalHeader().sectionSize(c) for c in range(len(COLUMNS))]
    first = Paints(dialog.waiting, dialog)
    assert not dialog.filled and dialog.table.model().rowCount() == 0
    dialog.open()
    qtbot.waitUntil(lambda: bool(first.seen))
    assert first.seen[0] == (0, True)  # painted with the headings and "Reading the list..."
    assert dialog.waiting.text() == "Reading the list..."
    assert dialog.summary.text().startswith("30 new runs to add")  # already right
    qtbot.waitUntil(lambda: dialog.ready)
    assert dialog.filled and dialog.table.model() is dialog.model
    assert not dialog.waiting.isVisible()
    assert dialog.table.model().rowCount() == 30
    assert dialog.table.model().index(2, DISTANCE).data() == "7 km"
    header = dialog.table.horizontalHeader()
    assert [header.sectionSize(c) for c in range(len(COLUMNS) - 1)] == widths[:-1]  # no jump
    assert [dialog.table.model().headerData(c, header.orientation(), 0)
            for c in range(len(COLUMNS))] == dialog.model.headings()


def test_the_rows_are_painted_on_a_later_turn_than_they_are_put_in(opened, qtbot):
    dialog = opened
    seen = Paints(dialog.table.viewport(), dialog)
    put_in = []
    fill = dialog._fill

    def recorded() -> None:
        fill()
        put_in.append((dialog.ready, list(seen.seen)))  # right after the rows went in

    dialog.filler._then = recorded
    dialog.open()
    qtbot.waitUntil(lambda: dialog.ready)
    ready_then, painted_by_then = put_in[0]
    assert not ready_then  # not painted in the same turn
    assert all(n == 0 for n, _ in painted_by_then)  # every paint so far was without rows
    assert any(n == 30 for n, _ in seen.seen)


def test_accepted_before_the_rows_came_it_still_hands_back_every_row(opened, qtbot):
    dialog = opened
    dialog.open()
    dialog.accept()  # at once: the rows are not in the view yet
    qtbot.wait(50)
    assert not dialog.filled  # closed: nothing more is built
    assert len(dialog.rows) == 30 and all(r.include for r in dialog.rows)


def test_fill_now_puts_the_rows_in_without_a_paint(opened):
    opened.fill_now()
    assert opened.filled and opened.table.model().rowCount() == 30
    assert not opened.waiting.isVisibleTo(opened)
