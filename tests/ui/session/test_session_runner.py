"""The guided screen on a fake clock: keyboard controls, set logging, the pain offer."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.planning import easier_version
from hamstring_app.core.session import GuidedSession, State
from hamstring_app.ui.session.audio import Cues
from hamstring_app.ui.session.runner_view import RunnerView
from hamstring_app.ui.session.widgets import format_seconds


@pytest.fixture
def runner(open_runner, hold_then_reps, library):
    view = open_runner(hold_then_reps, easier_for=lambda item: easier_version(library, item, 2))
    view.setFocus()
    return view


def step(view: RunnerView, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    view.tick()


def test_countdown_shows_the_clocks_truth(runner, fake, library):
    assert runner.session.state is State.GET_READY
    assert runner.countdown.text() == "5"
    step(runner, fake, 5.0)
    assert runner.session.state is State.WORK
    assert runner.state_label.text() == "Hold"
    for gap in (0.3, 2.45, 0.001, 1.7):
        step(runner, fake, gap)
        assert runner.countdown.text() == format_seconds(runner.session.remaining_s)
    assert runner.exercise_label.text() == library.exercise("single_leg_bridge_hold").name
    assert runner.set_label.text() == "Set 1 of 2: 10 s hold"


def test_countdown_repaints_only_when_its_text_changes(runner, fake, qtbot):
    step(runner, fake, 5.0)
    QApplication.processEvents()  # the paint the new second asked for
    before = runner.countdown.paints
    for _ in range(9):  # nine ticks inside the same second
        step(runner, fake, 0.1)
    QApplication.processEvents()  # any paint they asked for would happen here
    assert runner.countdown.paints == before
    step(runner, fake, 0.2)  # the next second: one more paint (the count can move)
    QApplication.processEvents()
    assert runner.countdown.paints > before


def test_space_pauses_and_resumes(runner, fake, qtbot):
    step(runner, fake, 6.0)
    left = runner.session.remaining_s
    qtbot.keyClick(runner, Qt.Key.Key_Space)
    assert runner.session.paused
    assert "Paused" in runner.state_label.text()
    step(runner, fake, 30.0)  # time passes while paused: nothing counts down
    assert runner.session.remaining_s == pytest.approx(left)
    qtbot.keyClick(runner, Qt.Key.Key_Space)
    assert not runner.session.paused
    step(runner, fake, 1.0)
    assert runner.session.remaining_s == pytest.approx(left - 1.0)


def test_enter_skips_get_ready_then_ends_the_set(runner, fake, qtbot):
    qtbot.keyClick(runner, Qt.Key.Key_Return)
    assert runner.session.state is State.WORK
    step(runner, fake, 4.0)
    qtbot.keyClick(runner, Qt.Key.Key_Enter)  # keypad Enter works too
    assert runner.session.state is State.SET_DONE
    assert runner.pages.currentWidget() is runner.log_panel
    assert runner.log_panel.hold_spin.isVisible()
    assert runner.log_panel.hold_spin.value() == 4  # what was actually held


def test_logging_a_set_from_the_keyboard(runner, fake, qtbot):
    logged = []
    runner.set_logged.connect(logged.append)
    step(runner, fake, 5.0 + 10.0)  # get ready, then the whole hold
    assert runner.session.state is State.SET_DONE
    panel = runner.log_panel
    assert panel.hold_spin.hasFocus()
    qtbot.keyClicks(panel.hold_spin, "9")
    qtbot.keyClick(panel.hold_spin, Qt.Key.Key_Tab)
    assert panel.load_spin.hasFocus()
    qtbot.keyClick(panel.load_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.load_spin, "5")
    qtbot.keyClick(panel.load_spin, Qt.Key.Key_Tab)
    assert panel.pain.hasFocus()
    assert panel.pain.value() is None  # unanswered until the runner says
    qtbot.keyClicks(panel.pain, "2")
    qtbot.keyClick(panel.pain, Qt.Key.Key_Return)
    assert len(logged) == 1
    set_log = logged[0]
    assert (set_log.exercise_id, set_log.set_number) == ("single_leg_bridge_hold", 1)
    assert (set_log.hold_s, set_log.load_kg, set_log.pain) == (9.0, 5.0, 2)
    assert runner.session.state is State.REST
    assert runner.state_label.text() == "Rest"
    assert runner.countdown.text() == "20"
    assert not runner.offer.isVisible()


def test_space_while_typing_a_set_does_not_pause(runner, fake, qtbot):
    step(runner, fake, 15.0)
    qtbot.keyClick(runner.log_panel.hold_spin, Qt.Key.Key_Space)
    assert not runner.session.paused


def test_painful_set_offers_the_easier_variant(runner, fake, qtbot, library):
    step(runner, fake, 15.0)
    runner.log_panel.pain.setValue(7)
    qtbot.keyClick(runner.log_panel.pain, Qt.Key.Key_Return)
    assert runner.offer.isVisible()
    assert "7/10" in runner.offer_label.text()
    easier = library.exercise("single_leg_bridge_hold").easier
    assert easier is not None and runner.easier_button.isVisible()
    qtbot.mouseClick(runner.easier_button, Qt.MouseButton.LeftButton)
    assert not runner.offer.isVisible()
    step(runner, fake, 20.0)  # the rest, then get ready for the easier one
    assert runner.session.current.exercise_id == easier
    assert runner.exercise_label.text() == library.exercise(easier).name


def test_painful_set_can_stop_the_exercise(runner, fake, qtbot):
    step(runner, fake, 15.0)
    runner.log_panel.pain.setValue(8)
    runner.save_set()
    qtbot.mouseClick(runner.stop_exercise_button, Qt.MouseButton.LeftButton)
    step(runner, fake, 20.0)
    assert runner.session.current.exercise_id == "romanian_deadlift"


def test_reps_show_a_rep_counter_and_the_tempo_beat(qtbot, fake, make_planned):
    plan = (make_planned("romanian_deadlift", sets=1, reps=8, tempo_down_s=3, rest_s=0),)
    view = RunnerView(Cues(sound_enabled=False))
    qtbot.addWidget(view)
    view.begin(GuidedSession(plan, fake, get_ready_s=0), live=False)
    assert view.session.state is State.WORK
    assert view.countdown.text() == "1/8"
    assert view.beat_label.text().startswith("Lower slowly")
    step(view, fake, 1.2)
    assert view.beat_label.text().endswith("2 of 3")
    step(view, fake, 3.0)  # into the second rep
    assert view.countdown.text() == "2/8"
    view.stop()


def test_escape_asks_first_and_stays_when_told_no(runner, fake, qtbot, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args)
        assert runner.session.paused  # time stops while the question is open
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    left = []
    runner.left.connect(lambda: left.append(True))
    step(runner, fake, 6.0)
    qtbot.keyClick(runner, Qt.Key.Key_Escape)
    assert asked and not left
    assert not runner.session.paused


def test_escape_then_yes_leaves(runner, fake, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    left = []
    runner.left.connect(lambda: left.append(True))
    qtbot.keyClick(runner, Qt.Key.Key_Escape)
    assert left == [True]


def test_buttons_skip_back_and_end_early(runner, fake, qtbot):
    click = Qt.MouseButton.LeftButton
    qtbot.mouseClick(runner.skip_button, click)
    assert runner.session.set_index == 2
    qtbot.mouseClick(runner.back_button, click)
    assert runner.session.set_index == 1
    qtbot.mouseClick(runner.skip_exercise_button, click)
    assert runner.session.current.exercise_id == "romanian_deadlift"
    qtbot.mouseClick(runner.end_button, click)
    assert runner.session.state is State.SUMMARY
    assert runner.pages.currentWidget() is runner.summary
    assert "No sets" in runner.summary.headline.text()
    finished = []
    runner.finished.connect(lambda: finished.append(True))
    qtbot.keyClick(runner, Qt.Key.Key_Return)
    assert finished == [True]


def test_every_control_has_an_accessible_name(runner):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox

    for widget in runner.findChildren(QAbstractButton) + runner.findChildren(QAbstractSpinBox):
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (a table's corner button)
        assert widget.accessibleName(), widget


def test_enter_cannot_skip_the_pain_offer(runner, fake, qtbot, library):
    step(runner, fake, 15.0)
    runner.log_panel.pain.setValue(7)
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_Return)
    assert runner.offer.isVisible()
    assert runner.easier_button.hasFocus()
    assert runner.session.paused  # the rest waits for the answer
    assert runner.state_label.text() == "Waiting for your answer below."
    assert not runner.done_button.isEnabled() and not runner.pause_button.isEnabled()
    step(runner, fake, 60.0)
    assert runner.offer.isVisible() and runner.session.state is State.REST
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_Return)  # presses the focused button
    assert not runner.offer.isVisible()
    assert not runner.session.paused
    step(runner, fake, 20.0)
    assert runner.session.current.exercise_id == library.exercise("single_leg_bridge_hold").easier


def test_space_answers_the_offer_with_the_focused_button(runner, fake, qtbot):
    step(runner, fake, 15.0)
    runner.log_panel.pain.setValue(8)
    runner.save_set()
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_Tab)
    assert runner.stop_exercise_button.hasFocus()
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_Space)
    assert not runner.offer.isVisible()
    step(runner, fake, 20.0)
    assert runner.session.current.exercise_id == "romanian_deadlift"


def test_enter_with_focus_elsewhere_returns_to_the_offer(runner, fake, qtbot):
    step(runner, fake, 15.0)
    runner.log_panel.pain.setValue(8)
    runner.save_set()
    runner.setFocus()
    qtbot.keyClick(runner, Qt.Key.Key_Return)
    assert runner.offer.isVisible() and runner.easier_button.hasFocus()
    assert runner.session.state is State.REST and runner.session.paused


def test_set_pain_starts_unanswered_and_is_asked_for(runner, fake, qtbot):
    logged = []
    runner.set_logged.connect(logged.append)
    step(runner, fake, 15.0)
    panel = runner.log_panel
    assert panel.pain.value() is None
    qtbot.keyClick(panel.hold_spin, Qt.Key.Key_Return)
    assert logged == []  # not saved: the pain question is asked next to the field
    assert runner.session.state is State.SET_DONE
    assert panel.pain_error.isVisible() and "0 to 10" in panel.pain_error.text()
    assert panel.pain.hasFocus()
    qtbot.keyClicks(panel.pain, "3")
    assert not panel.pain_error.isVisible()
    qtbot.keyClick(panel.pain, Qt.Key.Key_Return)
    assert [s.pain for s in logged] == [3]
    step(runner, fake, 20.0 + 5.0 + 10.0)  # rest, get ready, the second hold
    assert runner.session.state is State.SET_DONE
    assert panel.pain.value() is None  # the last set's answer is not copied


def test_set_pain_can_be_left_out_on_purpose(runner, fake, qtbot):
    logged = []
    runner.set_logged.connect(logged.append)
    step(runner, fake, 15.0)
    qtbot.keyClick(runner.log_panel.hold_spin, Qt.Key.Key_Return)
    assert logged == []
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_Return)  # Enter again: on purpose
    assert len(logged) == 1 and logged[0].pain is None
    assert runner.session.state is State.REST



def test_a_set_each_side_says_so(qtbot, fake, make_planned):
    view = RunnerView(Cues(sound_enabled=False))
    qtbot.addWidget(view)
    plan = (make_planned("romanian_deadlift", sets=3, reps=8, per_side=True, rest_s=30),)
    view.begin(GuidedSession(plan, fake, get_ready_s=5), live=False)
    assert view.set_label.text() == "Set 1 of 3: 8 reps each side"
    view.stop()


def test_the_session_steps_are_announced(qtbot, make_planned):
    from hamstring_app.ui import accessibility

    clock = FakeClock(datetime(2026, 3, 18, 19, 30))
    view = RunnerView(Cues(sound_enabled=False))
    qtbot.addWidget(view)
    accessibility.recent.clear()
    plan = (make_planned("romanian_deadlift", sets=2, reps=8, rest_s=30),)
    view.begin(GuidedSession(plan, clock, get_ready_s=5), live=False)
    clock.advance(5.0)
    view.tick()
    name = plan[0].exercise.name
    assert list(accessibility.recent) == [
        f"{name}. Set 1 of 2: 8 reps.",
        "Go: press Enter when the set is done.",
    ]
    view.stop()
