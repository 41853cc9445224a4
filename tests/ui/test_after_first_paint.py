"""AfterFirstPaint: the next part runs a turn after a widget's first paint, once, and not
at all for a widget hidden by then."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from hamstring_app.ui.widgets.first_paint import AfterFirstPaint


class Label(QLabel):
    def __init__(self, calls: list[str]) -> None:
        super().__init__("frame")
        self.calls = calls

    def paintEvent(self, event) -> None:
        self.calls.append("paint")
        super().paintEvent(event)


def test_runs_once_a_turn_after_the_first_paint(qtbot):
    calls: list[str] = []
    label = Label(calls)
    qtbot.addWidget(label)
    after = AfterFirstPaint(label, lambda: calls.append("then"))
    assert after.waiting
    label.show()
    qtbot.waitUntil(lambda: "then" in calls)
    assert calls[0] == "paint" and calls.count("then") == 1 and not after.waiting
    label.repaint()
    qtbot.wait(20)
    assert calls.count("then") == 1  # once


def test_a_widget_hidden_before_its_turn_gets_nothing(qtbot):
    calls: list[str] = []
    label = Label(calls)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitUntil(lambda: "paint" in calls)
    AfterFirstPaint(label, lambda: calls.append("then"))
    label.repaint()  # painted now, in this turn
    label.hide()  # and hidden before the turn that follows the paint
    qtbot.wait(30)
    assert calls.count("paint") == 2 and "then" not in calls


def test_run_now_needs_no_paint(qtbot):
    calls: list[str] = []
    label = Label(calls)
    qtbot.addWidget(label)
    after = AfterFirstPaint(label, lambda: calls.append("then"))
    after.run_now()
    after.run_now()
    assert calls == ["then"]
