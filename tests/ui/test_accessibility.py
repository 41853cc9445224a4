"""Accessibility: every focusable control has a name a screen reader can say, the focus is
always visible, and the verdict and the session's steps are announced."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QWidget,
)

from hamstring_app.core.models import CheckIn, Profile
from hamstring_app.core.settings import Settings
from hamstring_app.ui.episode_dialogs import AssessedDialog, NewEpisodeDialog
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.help_window import HelpWindow
from hamstring_app.ui.importing.review import ReviewDialog
from hamstring_app.ui.menus import ShortcutsDialog
from hamstring_app.ui.profile_dialog import ProfileDialog
from hamstring_app.ui.settings_dialog import SettingsDialog

TODAY = date(2026, 3, 18)


def _owner(widget: QWidget) -> QWidget:
    """The control a screen reader speaks of: a spin box for its line edit, a scroll area
    or graph for its viewport."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return parent
    return widget


def _name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def unnamed_focusable(top: QWidget) -> list[str]:
    """Every control of ``top`` on show that takes the keyboard focus but has no name."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        owner = _owner(widget)
        if not _name(owner):
            missing.append(f"{type(owner).__name__} {owner.objectName()!r} in "
                           f"{type(owner.parentWidget()).__name__}")
    return sorted(set(missing))


@pytest.fixture
def session(session_factory, qtbot, home):
    session = session_factory()
    repo = session.ctx.repo
    repo.save_profile(Profile(injury_start=date(2026, 3, 1)))
    repo.save_checkin(CheckIn(day=date(2026, 3, 16), pain_rest=1))
    session.ctx.ops.announce(Changes.of(Kind.PROFILE, Kind.CHECKIN))
    session.window.resize(1280, 800)
    session.window.show()
    qtbot.waitExposed(session.window)
    return session


def test_every_focusable_control_on_every_tab_has_a_name(session):
    window = session.window
    missing = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        tab.refresh_now()
        found = unnamed_focusable(window)
        if found:
            missing[tab.objectName()] = found
    assert missing == {}


def test_the_walk_finds_an_unnamed_control(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).addWidget(QLineEdit())
    assert unnamed_focusable(host) == ["QLineEdit '' in QWidget"]


DIALOGS = {
    "welcome": lambda parent: ProfileDialog(TODAY, first_run=True, parent=parent),
    "profile": lambda parent: ProfileDialog(TODAY, Profile(injury_start=TODAY), parent=parent),
    "settings": lambda parent: SettingsDialog(Settings(), parent),
    "assessed": lambda parent: AssessedDialog(TODAY, parent),
    "new episode": lambda parent: NewEpisodeDialog(TODAY, None, parent),
    "shortcuts": lambda parent: ShortcutsDialog(parent),
    "import review": lambda parent: ReviewDialog([], parent=parent),
    "help": lambda parent: HelpWindow(parent),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_focusable_control_in_each_dialog_has_a_name(session, qtbot, name):
    dialog = DIALOGS[name](session.window)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        assert unnamed_focusable(dialog) == []
    finally:
        dialog.close()


# --------------------------------------------------------------------------- focus ring


def test_the_focus_ring_follows_the_keyboard_focus(session, qtbot):
    from hamstring_app.ui.focus_ring import install_focus_ring

    ring = install_focus_ring(session.app)
    window = session.window
    window.activateWindow()
    qtbot.waitActive(window)
    tab = window.tabs.widget(0)
    target = tab.runs.add_button
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring.widget is target, timeout=2000)
    assert ring.ring.isVisible()
    outline = ring.ring.geometry()
    assert outline.contains(target.geometry())  # round the control, in its parent
    image = ring.ring.grab().toImage()
    highlight = ring.ring.palette().color(ring.ring.palette().ColorRole.Highlight)
    edge = image.pixelColor(image.width() // 2, 0)
    assert abs(edge.red() - highlight.red()) < 40 and abs(edge.blue() - highlight.blue()) < 40


def test_the_pain_scale_keeps_its_own_ring(session, qtbot):
    from hamstring_app.ui.focus_ring import install_focus_ring

    ring = install_focus_ring(session.app)
    window = session.window
    window.activateWindow()
    qtbot.waitActive(window)
    form = window.tabs.widget(0).form
    form.focus_first()
    qtbot.waitUntil(lambda: form.focusWidget() is not None, timeout=2000)
    assert ring.widget is None and not ring.ring.isVisible()


# --------------------------------------------------------------------------- tab order


def test_tab_order_on_today_follows_the_page(session, qtbot):
    tab = session.window.tabs.widget(0)
    tab.refresh_now()
    chain, widget = [], tab.verdict_scroll
    for _ in range(500):
        widget = widget.nextInFocusChain()
        if widget is tab.verdict_scroll:
            break
        if widget.isVisibleTo(tab) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        if widget is tab.history.table:
            break
    assert chain[0] is tab.verdict.header  # the verdict first, then what it says to do
    whys = [item.why_button for item in tab.verdict.advice_items]
    assert whys, "the sample day should give some advice"
    assert all(chain.index(why) < chain.index(tab.history.table) for why in whys)
    # within the verdict and plan, controls come top to bottom
    inside = [w for w in chain if tab.verdict.isAncestorOf(w) or w is tab.verdict.header]
    tops = [w.mapTo(tab.verdict, w.rect().topLeft()).y() for w in inside]
    assert tops == sorted(tops)


# --------------------------------------------------------------------------- announcements


def test_a_new_verdict_is_announced_once(session, qtbot):
    from hamstring_app.ui import accessibility

    tab = session.window.tabs.widget(0)
    tab.refresh_now()
    accessibility.recent.clear()
    session.ctx.repo.save_checkin(CheckIn(day=TODAY, pain_rest=7))
    session.ctx.ops.announce(Changes.of(Kind.CHECKIN))
    tab.refresh_now()
    word = tab.verdict.verdict_label.text()
    said = [text for text in accessibility.recent if text.startswith("Today's verdict")]
    assert said == [f"Today's verdict: {word}. {tab.verdict.summary_label.text()}"]
    tab.refresh_now()  # the same verdict again: nothing more is said
    assert [t for t in accessibility.recent if t.startswith("Today's verdict")] == said



def test_the_focus_ring_outlives_the_window_it_was_in(qapp, qtbot):
    import shiboken6
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    from hamstring_app.ui.focus_ring import install_focus_ring

    ring = install_focus_ring(qapp)

    def window_with_field() -> tuple[QWidget, QLineEdit]:
        top = QWidget()
        field = QLineEdit()
        field.setAccessibleName("field")
        QVBoxLayout(top).addWidget(field)
        top.show()
        qtbot.waitExposed(top)
        top.activateWindow()
        qtbot.waitActive(top)
        field.setFocus(Qt.FocusReason.TabFocusReason)
        return top, field

    first, field = window_with_field()
    qtbot.waitUntil(lambda: ring.widget is field, timeout=2000)
    first.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(field), timeout=2000)
    second, other = window_with_field()
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: ring.widget is other, timeout=2000)
    assert shiboken6.isValid(ring.ring) and ring.ring.isVisible()
