"""Skipping "Get ready" starts the hold at that moment, whenever it is pressed: early, in
the countdown's last second, twice, while paused, or after a late tick."""

from __future__ import annotations

import pytest

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.session import State
from hamstring_app.ui.session.runner_view import RunnerView

HOLD_S = 15


@pytest.fixture
def runner(open_runner, make_planned):
    plan = (make_planned("single_leg_bridge_hold", sets=2, hold_s=HOLD_S, rest_s=20),)
    view = open_runner(plan)
    view.setFocus()
    return view


def step(view: RunnerView, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    view.tick()


@pytest.mark.parametrize("after", [0.0, 0.5, 2.0, 4.0, 4.5, 4.9, 4.999, 4.999999])
def test_skipping_at_any_moment_starts_the_whole_hold(runner, fake, after):
    step(runner, fake, after)
    assert runner.session.state is State.GET_READY
    runner.enter()  # "Start now (Enter)"
    assert runner.session.state is State.WORK
    assert runner.session.remaining_s == pytest.approx(HOLD_S)
    step(runner, fake, 0.0)
    step(runner, fake, 1.0)
    assert runner.session.state is State.WORK
    assert runner.session.remaining_s == pytest.approx(HOLD_S - 1)
    assert runner.pages.currentWidget() is not runner.log_panel


def test_skipping_just_as_the_countdown_ends_without_a_tick(runner, fake):
    """The key comes in after the deadline passed but before the timer ticked."""
    fake.advance(5.4)
    runner.enter()
    assert runner.session.state is State.WORK
    assert runner.session.remaining_s == pytest.approx(HOLD_S)


def test_two_quick_skips_end_the_set_as_held_for_no_time(runner, fake):
    step(runner, fake, 1.0)
    runner.enter()
    runner.enter()  # a second press: "Done" for the hold that just started
    assert runner.session.state is State.SET_DONE
    assert runner.log_panel.values()["hold_s"] == 0.0


def test_skipping_while_paused_starts_the_hold_when_pressed(runner, fake):
    step(runner, fake, 2.0)
    runner.toggle_pause()
    step(runner, fake, 60.0)
    runner.enter()
    assert not runner.session.paused
    assert runner.session.state is State.WORK
    assert runner.session.remaining_s == pytest.approx(HOLD_S)
    step(runner, fake, 1.0)
    assert runner.session.remaining_s == pytest.approx(HOLD_S - 1)


def test_skip_set_while_paused_then_start_now(runner, fake):
    step(runner, fake, 2.0)
    runner.toggle_pause()
    step(runner, fake, 30.0)
    runner.skip()  # "Skip set": the next set's get ready, still paused
    step(runner, fake, 30.0)
    runner.enter()
    assert runner.session.state is State.WORK
    assert runner.session.remaining_s == pytest.approx(HOLD_S)


def test_a_tick_late_by_more_than_the_hold_ends_it_as_held_in_full(runner, fake):
    """The one way found to go from "Get ready" straight to "Log the set" with the whole
    hold: no tick for longer than the hold just after it began (a stalled event loop, a
    machine waking up). Deadlines are kept on the clock, so the hold ended when it was due
    and counts in full; the form shows it, for the runner to correct before saving."""
    step(runner, fake, 1.0)
    runner.enter()
    step(runner, fake, HOLD_S + 5.0)
    assert runner.session.state is State.SET_DONE
    assert runner.pages.currentWidget() is runner.log_panel
    assert runner.log_panel.values()["hold_s"] == HOLD_S
