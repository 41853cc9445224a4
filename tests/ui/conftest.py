"""Fixtures for UI tests: an app session on a temporary data folder with a fixed clock."""

from __future__ import annotations

from datetime import datetime

import pytest
from ui_pointer import park_the_cursor

from hamstring_app.core.clock import FakeClock

FIXED_NOW = datetime(2026, 3, 18, 19, 30)


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test():
    """A dialog still open after its test (e.g. the Welcome, whose Cancel asks first and so
    refuses the test's close) would sit in front of every later test's windows as the
    active modal widget: end each one without its questions. Any other window left on
    screen (a help window) is hidden: it took the mouse moves meant for later tests'
    windows beneath it."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(QDialog.DialogCode.Rejected)
        elif widget.isVisible():
            widget.hide()


@pytest.fixture(autouse=True)
def _pointer_starts_in_the_corner():
    park_the_cursor()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FIXED_NOW)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Point HOME and the XDG folders at an empty folder, so nothing leaks to the real ones."""
    home = tmp_path / "home"
    home.mkdir()
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(var, str(home / sub) if sub else str(home))
    monkeypatch.delenv("HAMSTRING_COACH_DATA", raising=False)
    return home


@pytest.fixture
def session_factory(qapp, tmp_path, clock):
    """Launch app sessions on a data folder; closes them all at the end of the test."""
    from hamstring_app.ui.app import launch

    sessions = []

    def make(data_dir=None, **kwargs):
        session = launch(
            data_dir=data_dir or (tmp_path / "data"), clock=kwargs.pop("clock", clock), **kwargs
        )
        sessions.append(session)
        return session

    yield make
    for s in sessions:
        s.close()


@pytest.fixture
def open_recovery(qtbot, session_factory, home):
    """The Recovery tab alone, on a history of the test's own (a fixed clock)."""
    from hamstring_app.ui.events import Changes, Kind
    from hamstring_app.ui.progress.tab import RecoveryTab

    def open_(history):
        session = session_factory(tab_factories=[RecoveryTab])
        session.ctx.repo.import_history(history)
        session.ctx.ops.announce(Changes.of(Kind.PROFILE, Kind.CHECKIN, Kind.RUN, Kind.STRENGTH))
        session.window.resize(1280, 800)
        session.window.show()
        qtbot.waitExposed(session.window)
        return type("RecoveryEnv", (), {"tab": session.window.tabs.widget(0)})

    return open_


@pytest.fixture
def checkin_env(qtbot, session_factory, home):
    """A plan panel of the Today tab, to show an assessment of the test's own."""
    from hamstring_app.core.models import Units
    from hamstring_app.ui.checkin.tab import CheckInTab

    session = session_factory(tab_factories=[CheckInTab])
    session.window.resize(1280, 800)
    session.window.show()
    qtbot.waitExposed(session.window)
    plan = session.window.tabs.widget(0).plan

    class CheckinEnv:
        def show(self, assessment):
            plan.show_assessment(assessment, Units.KM)

    env = CheckinEnv()
    env.plan = plan
    return env


@pytest.fixture
def font_scale(request, qapp):
    """The application font scaled by the test's parameter (1.5 for a 150% system font),
    put back afterwards; use with ``indirect=True``."""
    from PySide6.QtWidgets import QApplication

    scale = request.param
    original = QApplication.font()
    if scale != 1.0:
        bigger = QApplication.font()
        bigger.setPointSizeF(bigger.pointSizeF() * scale)
        QApplication.setFont(bigger)
    yield scale
    QApplication.setFont(original)
