"""A session killed mid-way (SIGKILL in a child process) resumes with every set intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hamstring_app.core.session import State

CHILD = Path(__file__).with_name("crash_child.py")
SETS = 3


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_session_resumes_with_every_set_intact(strength_app, tmp_path, clock, qtbot):
    data_dir = tmp_path / "crashed"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HAMSTRING_COACH_DATA=str(data_dir))
    child = subprocess.run(
        [sys.executable, str(CHILD), str(data_dir), str(SETS)],
        capture_output=True,
        text=True,
        timeout=50,
        env=env,
        cwd=Path(__file__).parents[3],
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    logged = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    assert len(logged) == SETS

    app, tab = strength_app(data_dir)  # the stale lock of the dead process is taken over
    record = app.ctx.repo.unfinished_strength_session()
    assert record is not None
    stored = [
        {
            "exercise_id": s.exercise_id,
            "set_number": s.set_number,
            "reps": s.reps,
            "hold_s": s.hold_s,
            "pain": s.pain,
            "started_at": s.started_at.isoformat(),
        }
        for s in record.sets
    ]
    assert stored == logged  # every completed set, exactly as logged

    assert tab.resume_banner.isVisible()
    assert f"{SETS} set" in tab.resume_banner.label.text()
    qtbot.mouseClick(tab.resume_banner.resume_button, Qt.MouseButton.LeftButton)
    session = tab.runner.session
    assert [s.set_number for s in session.completed_sets] == [d["set_number"] for d in logged]
    last = logged[-1]
    current = (session.current.exercise_id, session.set_index)
    assert current != (last["exercise_id"], last["set_number"])  # picks up after the last
    assert session.state is State.GET_READY

    for _ in range(20):  # do one more set, then finish
        if session.state is State.SET_DONE:
            tab.runner.log_panel.pain.setValue(2)  # a set is saved with its pain answered
            tab.runner.save_set()
            break
        if session.remaining_s is None:
            tab.runner.enter()
        else:
            clock.advance(session.remaining_s + 0.01)
            tab.runner.tick()
    tab.runner.end_early()
    tab.runner.finish()
    final = app.ctx.repo.get_strength_session(record.id)
    assert final.finished and len(final.sets) == SETS + 1
