"""Start-up: the window paints first and the current tab fills in right after."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from hamstring_app.ui.events import Changes, Kind


class PaintSpy(QObject):
    """Notes whether the current tab was still unfilled when the window first painted."""

    def __init__(self, tab) -> None:
        super().__init__()
        self.tab = tab
        self.stale_at_first_paint: bool | None = None

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.stale_at_first_paint is None:
            self.stale_at_first_paint = self.tab.stale
        return False


def test_current_tab_fills_after_the_first_paint(qtbot, session_factory) -> None:
    session = session_factory()
    window = session.window
    tab = window.tabs.currentWidget()
    spy = PaintSpy(tab)
    window.installEventFilter(spy)
    window.show_then_fill()
    assert tab.stale  # not filled during show
    qtbot.waitUntil(lambda: not tab.stale, timeout=5000)
    assert spy.stale_at_first_paint is True
    window.removeEventFilter(spy)


def test_a_tab_held_once_refreshes_normally_on_its_next_show(qtbot, session_factory) -> None:
    session = session_factory()
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    first, other = window.tabs.widget(0), window.tabs.widget(1)
    window.tabs.setCurrentWidget(other)
    first.hold_refresh()
    session.ctx.ops.announce(Changes.of(Kind.CHECKIN))  # hidden: only marked stale
    assert first.stale
    window.tabs.setCurrentWidget(first)  # held: this show skips the refresh
    assert first.stale
    window.tabs.setCurrentWidget(other)
    window.tabs.setCurrentWidget(first)  # the hold was for one show only
    assert not first.stale


def test_hidden_tabs_are_built_while_idle_after_start_up(qtbot, session_factory) -> None:
    session = session_factory()
    window = session.window
    hidden = [window.tabs.widget(i) for i in range(1, window.tabs.count())]
    assert hidden and not any(tab.built for tab in hidden)  # start-up built none of them
    window.show_then_fill()
    qtbot.waitUntil(lambda: all(tab.built for tab in hidden), timeout=15000)
    assert window.tabs.currentIndex() == 0  # warming up never switches tabs
    assert all(not tab.isVisible() for tab in hidden)


def test_work_after_the_first_fill_waits_for_it(qtbot, session_factory) -> None:
    session = session_factory()
    window = session.window
    tab = window.tabs.currentWidget()
    seen: list[bool] = []
    window.show_then_fill()
    window.after_first_fill(lambda: seen.append(tab.stale), 10)
    assert tab.stale and seen == []
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False]  # the tab was filled before it ran
    window.after_first_fill(lambda: seen.append(True))  # nothing waits now: soon
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
