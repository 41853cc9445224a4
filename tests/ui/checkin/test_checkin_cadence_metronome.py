"""The cadence advice on Today carries a Start/Stop for the plan's metronome: the same
metronome (one sink, one tempo), so both controls always agree."""

from __future__ import annotations

from dataclasses import replace

from hamstring_app.core.runplan.story import ladder_story
from hamstring_app.store import operations as op
from hamstring_app.ui.checkin.verdict_panel import CADENCE_RULE


class FakeSink:
    def __init__(self) -> None:
        self.volumes: list[float] = []

    def click(self, volume: float) -> None:
        self.volumes.append(volume)


def _cadence_item(env):
    assert env.session.ctx.ops.run(op.import_history, ladder_story(env.today))
    items = [i for i in env.tab.verdict.advice_items if i.advice.rule == CADENCE_RULE]
    assert len(items) == 1
    return items[0]


def test_the_cadence_advice_starts_and_stops_the_plans_metronome(env, qtbot):
    item = _cadence_item(env)
    metronome = env.tab.plan.metronome
    sink = FakeSink()
    metronome.sink = sink
    control = item.metronome_control
    assert control is not None
    qtbot.waitUntil(control.isVisible)  # a new item is shown once the layout runs
    assert "175 steps a minute" in control.label.text()
    assert not metronome.running

    qtbot.mouseClick(control.button, _left())
    assert metronome.running and metronome.start_button.text() == "Stop"
    assert control.button.isChecked() and control.button.text() == "Stop"
    qtbot.waitUntil(lambda: len(sink.volumes) >= 2, timeout=3000)

    metronome.stop()  # stopped from the plan's own box: the advice's button follows
    assert not control.button.isChecked() and control.button.text() == "Start metronome"
    clicks = len(sink.volumes)
    qtbot.wait(400)
    assert len(sink.volumes) == clicks

    metronome.start()
    assert control.button.isChecked()
    qtbot.mouseClick(control.button, _left())  # and stopped from the advice
    assert not metronome.running


def test_no_metronome_beside_the_advice_when_today_has_no_cadence_target(env):
    item = _cadence_item(env)
    verdict = env.tab.verdict
    assessment = verdict.assessment
    assert assessment is not None and assessment.prescription is not None
    today = replace(assessment.prescription.today, cadence_target_spm=None)
    no_target = replace(assessment, prescription=replace(assessment.prescription, today=today))
    verdict.show_assessment(no_target)
    assert item.metronome_control is not None and item.metronome_control.isHidden()
    assert all(
        i.metronome_control is None for i in verdict.advice_items if i.advice.rule != CADENCE_RULE
    )


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
