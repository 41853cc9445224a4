"""Saving a run while today's check-in is filled in but not saved does not put up a verdict
that leaves those answers out: the verdict waits for the check-in, and says so."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_run_saved_mid_check_in_leaves_the_verdict_waiting(qtbot, env):
    form, runs, verdict = env.tab.form, env.tab.runs, env.tab.verdict
    before = verdict.assessment
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_2)
    assert form.dirty
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert len(env.repo.runs_on(env.today)) == 1
    assert verdict.assessment is before  # not worked out without the check-in
    assert verdict.pending_label.isVisibleTo(verdict)
    assert "not saved" in verdict.pending_label.text()
    assert form.dirty and form.pain_rest.value() == 2  # the answers are still there
    form.save()
    assert not verdict.pending_label.isVisibleTo(verdict)
    assert verdict.assessment is not None and verdict.assessment is not before


def test_with_the_check_in_saved_a_run_updates_the_verdict_at_once(qtbot, env):
    form, runs, verdict = env.tab.form, env.tab.runs, env.tab.verdict
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_1)
    form.save()
    first = verdict.assessment
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert verdict.assessment is not first
    assert not verdict.pending_label.isVisibleTo(verdict)
