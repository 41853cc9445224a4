"""Ending a session early says what was done and what was skipped, never "100% done"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.session import GuidedSession, State
from hamstring_app.ui.session.audio import Cues
from hamstring_app.ui.session.runner_view import RunnerView


class SpokenCues(Cues):
    def __init__(self) -> None:
        super().__init__(sound_enabled=False)
        self.spoken: list[str] = []

    def say(self, text: str) -> None:
        self.spoken.append(text)
        super().say(text)


@pytest.fixture
def runner(open_runner, hold_then_reps):
    return open_runner(hold_then_reps, SpokenCues())


def _log_one_set(view: RunnerView, clock: FakeClock) -> None:
    clock.advance(15.0)  # get ready and the whole hold
    view.tick()
    view.log_panel.pain.setValue(1)
    view.save_set()


def test_ending_early_says_what_was_done_and_skipped(runner, fake, qtbot):
    _log_one_set(runner, fake)
    qtbot.mouseClick(runner.end_button, Qt.MouseButton.LeftButton)
    assert runner.session.state is State.SUMMARY
    headline = runner.summary.headline.text()
    assert "1 of 4 sets" in headline
    assert "3 sets skipped" in runner.summary.detail.text()
    assert "Well done" not in runner.state_label.text()
    assert "100%" not in runner.progress.text()
    assert "1 of 4" in runner.progress.text()
    assert not any("complete" in s.lower() for s in runner.cues.spoken)


def test_a_full_session_is_complete(runner, fake, qtbot, hold_then_reps):
    session = runner.session
    for _ in range(4):
        fake.advance(120.0)
        runner.tick()
        if session.state is State.WORK:
            session.finish_work()
            runner.tick()
        runner.log_panel.pain.setValue(1)
        runner.save_set()
    assert session.state is State.SUMMARY
    assert "4 sets" in runner.summary.headline.text()
    assert "skipped" not in runner.summary.detail.text()
    assert "100%" in runner.progress.text()


def test_the_pain_offer_without_an_easier_version_does_not_offer_one(
    qtbot, fake, make_planned
):
    plan = (make_planned("bridge_hold", sets=3, hold_s=10, rest_s=20),)
    view = RunnerView(SpokenCues())
    view.easier_for = lambda _item: None  # bridge_hold is the easiest there is
    qtbot.addWidget(view)
    view.show()
    view.begin(GuidedSession(plan, fake, get_ready_s=5), live=False)
    fake.advance(15.0)
    view.tick()
    view.log_panel.pain.setValue(7)
    view.save_set()
    assert view.offer.isVisible()
    text = view.offer_label.text()
    assert "7/10" in text
    assert "easier" not in text.lower() and "switch" not in text.lower()
    assert not view.easier_button.isVisible()
    assert "stop" in text.lower()
    view.stop()
