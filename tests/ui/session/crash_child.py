"""Run by test_session_crash.py in its own process: start a session, log sets, get killed.

    python crash_child.py DATA_DIR SETS

Prints each logged set as a JSON line, then kills itself with SIGKILL mid-session (no
clean-up of any kind runs, as in a power cut or a crash).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from dataclasses import replace
from datetime import date, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.models import Profile
from hamstring_app.core.session import State
from hamstring_app.ui.app import launch
from hamstring_app.ui.session.tab import SessionTab


def main(data_dir: str, sets: int) -> None:
    clock = FakeClock(datetime(2026, 3, 18, 19, 30))
    app_session = launch(data_dir=data_dir, clock=clock, tab_factories=[SessionTab])
    repo = app_session.ctx.repo
    repo.save_profile(Profile(injury_start=date(2026, 2, 20)))
    repo.save_settings(replace(repo.get_settings(), sound_enabled=False))
    tab = app_session.window.tabs.widget(0)
    tab.refresh_now()
    tab.start_session()
    runner = tab.runner
    logged = 0
    while logged < sets:
        session = runner.session
        if session.state is State.SET_DONE:
            runner.log_panel.pain.setValue(1 + logged % 3)
            runner.save_set()
            set_log = session.completed_sets[-1]
            print(
                json.dumps(
                    {
                        "exercise_id": set_log.exercise_id,
                        "set_number": set_log.set_number,
                        "reps": set_log.reps,
                        "hold_s": set_log.hold_s,
                        "pain": set_log.pain,
                        "started_at": set_log.started_at.isoformat(),
                    }
                ),
                flush=True,
            )
            logged += 1
        elif session.remaining_s is None:
            runner.enter()
        else:
            clock.advance(session.remaining_s + 0.01)
            runner.tick()
    clock.advance(3.0)  # part-way into the next set: this one is lost, as promised
    runner.tick()
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
