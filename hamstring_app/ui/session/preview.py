"""Drive a session on a fake clock into a given state (screenshots, docs, tests)."""

from __future__ import annotations

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.session import GuidedSession, State
from hamstring_app.ui.session.runner_view import RunnerView

STATES = ("hold", "rest", "summary")
_MAX_STEPS = 200


def _advance(session: GuidedSession, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock forward in small steps, ticking like the app does."""
    step = 0.1
    moved = 0.0
    while moved + 1e-9 < seconds:
        delta = min(step, seconds - moved)
        clock.advance(delta)
        moved += delta
        session.tick()


def _until(session: GuidedSession, clock: FakeClock, wanted: State) -> None:
    for _ in range(_MAX_STEPS):
        if session.state is wanted:
            return
        remaining = session.remaining_s
        if remaining is not None:
            _advance(session, clock, remaining + 0.05)
        elif session.state is State.WORK:
            session.finish_work()
            session.tick()
        elif session.state is State.SET_DONE:
            _log_target(session)
        else:
            return
    raise RuntimeError(f"the preview never reached {wanted}")


def _log_target(session: GuidedSession) -> None:
    item = session.current
    assert item is not None
    pain = 2 if session.set_index % 2 else 3
    if item.is_hold:
        session.log_set(hold_done_s=float(item.hold_s or 0), load_kg=None, pain=pain)
    else:
        reps = item.target_reps(session.set_index) or 0
        session.log_set(reps_done=reps, load_kg=None, pain=pain)
    session.tick()


def _first_hold(session: GuidedSession, clock: FakeClock) -> None:
    for _ in range(_MAX_STEPS):
        item = session.current
        if item is not None and item.is_hold:
            return
        session.skip_exercise()
        session.tick()
    raise RuntimeError("the plan has no hold to show")


def drive_to(session: GuidedSession, clock: FakeClock, state: str, view: RunnerView) -> None:
    """Put ``session`` mid-hold, mid-rest, or on its summary; ``view`` shows each set."""
    if state not in STATES:
        raise ValueError(f"state must be one of {', '.join(STATES)}, not {state!r}")
    session.tick()
    if state == "summary":
        for _ in range(5):
            _until(session, clock, State.SET_DONE)
            _log_target(session)
        session.end_early()
        session.tick()
        view.render()
        return
    if state == "hold":
        _first_hold(session, clock)
        _until(session, clock, State.WORK)
        _advance(session, clock, min(12.4, (session.remaining_s or 1.0) / 2))
        view.render()
        return
    _until(session, clock, State.SET_DONE)
    _log_target(session)
    rest = session.remaining_s or 0.0
    _advance(session, clock, rest - 52.6 if rest > 60 else rest * 0.4)
    view.render()
