"""Fixtures for the check-in tab: an app session on a temporary folder, with a profile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.models import Profile
from hamstring_app.store.repository import Repository
from hamstring_app.ui.app import Session
from hamstring_app.ui.checkin.tab import CheckInTab
from hamstring_app.ui.events import Changes, Kind


@dataclass
class Env:
    session: Session
    tab: CheckInTab
    repo: Repository
    clock: FakeClock

    @property
    def today(self) -> date:
        return self.clock.today()

    def reload(self) -> None:
        """After writing straight to the store: announce it as the app would (no days given,
        so everything is read again)."""
        self.session.ctx.ops.announce(Changes.of(Kind.CHECKIN, Kind.RUN, Kind.STRENGTH))


@pytest.fixture
def env(qtbot, session_factory, clock, home) -> Env:
    session = session_factory(tab_factories=[CheckInTab])
    repo = session.ctx.repo
    repo.save_profile(Profile(injury_start=clock.today() - timedelta(days=20)))
    session.ctx.ops.announce(Changes.of(Kind.PROFILE))
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    # after showing: the offscreen screen is 800x800, and a window shown bigger than its
    # screen is made to fit it
    window.resize(1280, 800)
    tab = window.tabs.widget(0)
    assert isinstance(tab, CheckInTab)
    return Env(session, tab, repo, clock)


@pytest.fixture
def urgent_calls(env, monkeypatch) -> list[str]:
    """Replace the urgent dialog with a recorder (tests that need the real one skip this)."""
    calls: list[str] = []
    monkeypatch.setattr(env.tab, "urgent_dialog", calls.append)
    return calls
