"""Drawing the same verdict again restyles no widget of the Today tab's right side: a new
style sheet (even the same text) restyles a widget and its children and lays them out
again, which after an import filled the turns of the event loop."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from hamstring_app.core.models import CheckIn, Run
from hamstring_app.ui.widgets.restyle import set_sheet


class Restyles(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.seen.append(watched.objectName() or type(watched).__name__)
        return False


def test_set_sheet_restyles_only_for_a_new_sheet(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    spy = Restyles()
    widget.installEventFilter(spy)
    assert set_sheet(widget, "color: red;")
    assert not set_sheet(widget, "color: red;")
    assert spy.seen == ["QWidget"]
    assert set_sheet(widget, "color: blue;")
    assert widget.styleSheet() == "color: blue;"


def test_the_same_verdict_again_restyles_nothing(env, qtbot) -> None:
    today = env.today
    for n in range(1, 15):
        day = today - timedelta(days=n)
        env.repo.save_checkin(CheckIn(day=day, pain_rest=2, pain_next_morning=2, ran=n % 2 == 0,
                                      pain_run=3 if n % 2 == 0 else None))
        if n % 2 == 0:
            env.repo.add_run(Run(day=day, distance_km=5.0, duration_min=30.0, pain=3))
    env.reload()
    qtbot.wait(20)
    assert env.tab.verdict.assessment is not None
    spy = Restyles()
    for widget in [env.tab.verdict, *env.tab.verdict.findChildren(QWidget)]:
        widget.installEventFilter(spy)
    env.reload()  # the same history: the same verdict, plan and week
    qtbot.wait(20)
    assert spy.seen == []
