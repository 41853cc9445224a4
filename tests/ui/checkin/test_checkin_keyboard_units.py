"""Keyboard start, unique mnemonics, and messages in the runner's own units."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from hamstring_app.core.models import Profile, Units
from hamstring_app.ui.events import Kind


def _miles(env) -> None:
    env.repo.save_profile(Profile(injury_start=env.today - timedelta(days=9), units=Units.MILES))
    env.session.ctx.events.changed(Kind.PROFILE)


def test_a_too_long_run_in_miles_is_refused_in_miles(qtbot, env):
    _miles(env)
    runs = env.tab.runs
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "300")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert env.repo.list_runs() == ()
    message = runs.errors.message("distance_km")
    assert "at most 248.5 mi" in message and "300 mi" in message
    assert "km" not in message
    assert runs.errors.labels["distance_km"].isVisible()


def test_the_longest_run_allowed_in_miles_is_kept(qtbot, env):
    _miles(env)
    runs = env.tab.runs
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "248.5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert len(env.repo.list_runs()) == 1


def _mnemonic(text: str) -> str | None:
    """The Alt+letter of a label or button text ("&&" is a literal ampersand)."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _mnemonics(env) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    tab = env.tab
    widgets = [*tab.findChildren(QAbstractButton), *tab.findChildren(QLabel),
               *tab.findChildren(QGroupBox)]
    for widget in widgets:
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label without a buddy has no shortcut
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        letter = _mnemonic(text)
        if letter:
            found[letter].append(text)
    for action in env.session.window.menuBar().actions():
        letter = _mnemonic(action.text())
        if letter:
            found[letter].append(action.text())
    return found


def test_every_alt_letter_on_the_today_tab_is_unique(qtbot, env):
    env.tab.runs.start_new()  # the run editor's labels count too
    found = _mnemonics(env)
    clashes = {letter: texts for letter, texts in found.items() if len(texts) > 1}
    assert not clashes, clashes
    assert len(found) >= 15  # the collector sees the form, the runs and the menus

