"""The ⚠ beside a check-in's pain in the Today history (shown when the Warnings column is
hidden for room) names its signs: a tooltip, and the cell's accessible text, in the words of
the check-in form. With the column on show, the pain cell says only the pain, and the
Warnings cell's tooltip gives the signs in full."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from hamstring_app.core.models import CheckIn
from hamstring_app.ui.checkin.history_columns import PAIN, WARNINGS

SHARP = "Sharp pain"
NERVE = "Tingling, numbness or pain below the knee"


def _history(env, qtbot, size):
    flagged = env.today - timedelta(days=1)
    env.repo.save_checkin(CheckIn(day=flagged, pain_rest=4, sharp_pain=True, nerve_signs=True))
    env.repo.save_checkin(CheckIn(day=env.today - timedelta(days=2), pain_rest=2))
    env.reload()
    env.session.window.resize(*size)
    env.tab.refresh_now()
    qtbot.wait(80)
    history = env.tab.history
    model = history.model
    return history.table, model, model.find(flagged), model.find(env.today - timedelta(days=2))


def _shown_tooltip(table, index) -> str:
    """The tooltip the table shows when the pointer rests on ``index``."""
    QToolTip.hideText()
    table.scrollTo(index)
    rect = table.visualRect(index)
    pos = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos))
    QApplication.sendEvent(table.viewport(), event)
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


@pytest.mark.parametrize("font_scale", [1.5], indirect=True)
def test_the_mark_beside_the_pain_names_its_signs(font_scale, env, qtbot):
    table, model, flagged, plain = _history(env, qtbot, (1022, 615))
    assert table.isColumnHidden(WARNINGS)  # the case the mark stands in for the column
    pain = model.index(flagged, PAIN)
    tip = pain.data(Qt.ItemDataRole.ToolTipRole)
    assert SHARP in tip and NERVE in tip and "arning sign" in tip
    spoken = pain.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("4/10") and SHARP in spoken and NERVE in spoken
    assert "⚠" not in spoken  # words, not the symbol
    shown = _shown_tooltip(table, pain)
    assert SHARP in shown and NERVE in shown
    other = model.index(plain, PAIN)
    assert other.data(Qt.ItemDataRole.ToolTipRole) is None
    assert other.data(Qt.ItemDataRole.AccessibleTextRole) == "2/10"


@pytest.mark.parametrize("font_scale", [1.0], indirect=True)
def test_with_the_column_shown_the_pain_says_only_the_pain(font_scale, env, qtbot):
    table, model, flagged, _plain = _history(env, qtbot, (1280, 800))
    assert not table.isColumnHidden(WARNINGS)
    pain = model.index(flagged, PAIN)
    assert pain.data(Qt.ItemDataRole.ToolTipRole) is None
    assert pain.data(Qt.ItemDataRole.AccessibleTextRole) == "4/10"
    warnings = model.index(flagged, WARNINGS)
    tip = warnings.data(Qt.ItemDataRole.ToolTipRole)
    assert SHARP in tip and NERVE in tip


@pytest.mark.parametrize("font_scale", [1.5], indirect=True)
def test_the_words_follow_the_column(font_scale, env, qtbot):
    """Widen the window: the column comes back and the pain cell drops the signs."""
    table, model, flagged, _plain = _history(env, qtbot, (1022, 615))
    assert table.isColumnHidden(WARNINGS)
    env.session.window.resize(1280, 800)
    qtbot.waitUntil(lambda: not table.isColumnHidden(WARNINGS))
    assert model.index(flagged, PAIN).data(Qt.ItemDataRole.AccessibleTextRole) == "4/10"
