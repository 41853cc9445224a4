"""A session started and left (or ended) before any set is logged is not a session: nothing
is kept, nothing counts, and no "0 sets saved" banner appears."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hamstring_app.core.models import History, StrengthSession
from hamstring_app.core.rules import evaluate
from hamstring_app.ui.progress.data import build_recovery_data


def _messages(app) -> list[str]:
    said: list[str] = []
    app.ctx.events.status_message.connect(said.append)
    return said


def test_leaving_at_once_keeps_no_session(strength_app, qtbot, monkeypatch):
    app, tab = strength_app()
    said = _messages(app)
    tab.start_session()
    assert tab.running
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.runner, Qt.Key.Key_Escape)
    assert not tab.running
    assert app.ctx.repo.list_strength_sessions() == ()
    assert not tab.resume_banner.isVisible()
    assert "Sessions this week: 0" in tab.plan_view.summary_label.text()
    assert said and "no session was saved" in said[-1].lower()


def test_ending_with_no_sets_keeps_no_session(strength_app, qtbot):
    app, tab = strength_app()
    tab.start_session()
    tab.runner.end_early()
    qtbot.keyClick(tab.runner, Qt.Key.Key_Return)  # Finish on the summary
    assert not tab.running
    assert app.ctx.repo.list_strength_sessions() == ()


def test_a_stored_session_without_sets_is_not_counted_on_the_graph():
    empty = StrengthSession(day=date(2026, 3, 16), phase=1, programme_id="p1")
    history = History(strength_sessions=(empty,))
    today = date(2026, 3, 18)
    data = build_recovery_data(history, evaluate(history, today), today, 3)
    assert not data.has_strength
