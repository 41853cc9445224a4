"""Keyboard start, unique mnemonics, and messages in the runner's own units."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from hamstring_app.core.models import Profile, Units
from hamstring_app.ui.events import Changes, Kind


def _miles(env) -> None:
    env.repo.save_profile(Profile(injury_start=env.today - timedelta(days=9), units=Units.MILES))
    env.session.ctx.ops.announce(Changes.of(Kind.PROFILE))


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



def _tab_stops(form) -> bool:
    return any(
        bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        for w in (form.date_edit, form.prev_button, form.next_button, form.today_button)
    )


def test_the_today_tab_opens_on_the_first_question(qtbot, env):
    form = env.tab.form
    window = env.session.window
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.focusWidget() is form.pain_rest
    assert not _tab_stops(form)  # the date bar is out of the Tab chain
    qtbot.keyClicks(form.pain_rest, "2")
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_Tab)
    assert form.pain_morning.hasFocus()


def test_date_shortcuts_then_back_to_the_first_question(qtbot, env):
    form = env.tab.form
    window = env.session.window
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert form.day() == env.today - timedelta(days=1)
    assert form.pain_rest.hasFocus()
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert form.date_edit.hasFocus()
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Down)  # a day earlier, typed in the box
    assert form.day() == env.today - timedelta(days=2)
    assert form.date_edit.hasFocus()  # typing a date is not interrupted
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Return)
    assert form.pain_rest.hasFocus()
    assert env.repo.get_checkin(form.day()) is None  # Enter in the date box saves nothing
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert form.day() == env.today - timedelta(days=1)
    assert form.pain_rest.hasFocus()


def test_the_saved_message_reads_as_a_sentence(qtbot, env):
    messages: list[str] = []
    env.session.ctx.events.status_message.connect(messages.append)
    form = env.tab.form
    qtbot.keyClicks(form.pain_rest, "1")
    assert form.save()
    assert messages[-1] == "Today's check-in is saved."
    form.set_day(env.today - timedelta(days=3))
    qtbot.keyClicks(form.pain_rest, "1")
    assert form.save()
    assert messages[-1] == "The check-in for Sun, 15 Mar 2026 is saved."
