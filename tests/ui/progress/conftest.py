"""Fixtures for the Recovery tab tests; the sample data lives in recovery_samples.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from recovery_samples import known_history

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.models import History
from hamstring_app.store.repository import Repository
from hamstring_app.ui.app import Session
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.progress.tab import RecoveryTab


@dataclass
class Env:
    session: Session
    tab: RecoveryTab
    repo: Repository
    clock: FakeClock

    @property
    def today(self) -> date:
        return self.clock.today()


def _open(qtbot, session_factory, history: History | None) -> Env:
    session = session_factory(tab_factories=[RecoveryTab])
    repo = session.ctx.repo
    if history is not None:
        repo.import_history(history)
        session.ctx.ops.announce(Changes.of(Kind.PROFILE, Kind.CHECKIN, Kind.RUN, Kind.STRENGTH))
    window = session.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    tab = window.tabs.widget(0)
    assert isinstance(tab, RecoveryTab)
    return Env(session, tab, repo, session.ctx.clock)  # type: ignore[arg-type]


@pytest.fixture
def env(qtbot, session_factory, home) -> Env:
    return _open(qtbot, session_factory, known_history())


@pytest.fixture
def empty_env(qtbot, session_factory, home) -> Env:
    return _open(qtbot, session_factory, None)


@pytest.fixture
def open_env(qtbot, session_factory, home):
    """Open the Recovery tab on a history of the test's own."""
    return lambda history: _open(qtbot, session_factory, history)
