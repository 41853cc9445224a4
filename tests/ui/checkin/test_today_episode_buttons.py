"""The Today tab's three injury-episode buttons ("Record an assessment...", "I have
recovered...", "My hamstring hurts again..."): side by side, or on two rows, wherever that
fits, including 1024 px wide with the usual font; folded into one menu button only where
even two rows would not hold them (1024 px wide with a 150% font)."""

from __future__ import annotations

from datetime import datetime
from itertools import combinations
from types import SimpleNamespace

import pytest

from hamstring_app.core.clock import FakeClock
from hamstring_app.ui.checkin.tab import CheckInTab


@pytest.fixture
def demo_env(qtbot, session_factory, home, font_scale):
    """The demo's Today tab (an open episode: all three buttons), built after the font is
    scaled, as the app starts under a large system font."""
    clock = FakeClock(datetime(2026, 12, 1, 19, 30))
    session = session_factory(demo=True, tab_factories=[CheckInTab], clock=clock)
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    return SimpleNamespace(session=session, tab=window.tabs.widget(0))


def _settle(qtbot, env, size):
    env.session.window.resize(*size)
    env.tab.refresh_now()
    qtbot.wait(80)
    return env.tab.safety


def _buttons(bar):
    return [bar.record_button, bar.recovered_button, bar.new_episode_button]


def _rects(bar):
    return [b.geometry().translated(b.parentWidget().mapTo(bar, b.pos()) - b.pos())
            for b in _buttons(bar)]


@pytest.mark.parametrize("font_scale", [1.0], indirect=True)
@pytest.mark.parametrize("size", [(1024, 640), (1022, 615), (1280, 800)])
def test_with_the_usual_font_the_three_buttons_show(demo_env, qtbot, size, font_scale):
    bar = _settle(qtbot, demo_env, size)
    assert not bar.more_button.isVisible()
    assert all(b.isVisible() for b in _buttons(bar))
    rects = _rects(bar)
    inside = bar.rect()
    for button, rect in zip(_buttons(bar), rects, strict=True):
        assert inside.contains(rect), (button.text(), rect, inside)
        assert rect.width() >= button.sizeHint().width(), button.text()  # text not cut
    assert [(a, b) for a, b in combinations(rects, 2) if a.intersects(b)] == []
    # in reading order: left to right, then the next row
    keys = [(r.top() // max(r.height(), 1), r.left()) for r in rects]
    assert keys == sorted(keys)
    if size == (1280, 800):
        assert len({r.top() for r in rects}) == 1  # one row where there is room


@pytest.mark.parametrize("font_scale", [1.5], indirect=True)
def test_at_1024_with_a_large_font_they_fold(demo_env, qtbot, font_scale):
    bar = _settle(qtbot, demo_env, (1024, 640))
    assert bar.more_button.isVisible()
    assert not any(b.isVisible() for b in _buttons(bar))
    texts = [a.text() for a in bar.more_button.menu().actions() if a.isVisible()]
    assert texts == [b.text() for b in _buttons(bar)]


@pytest.mark.parametrize("font_scale", [1.5], indirect=True)
def test_at_1280_with_a_large_font_nothing_is_cut(demo_env, qtbot, font_scale):
    """Side by side, on two rows or folded: whichever, every button shows whole."""
    bar = _settle(qtbot, demo_env, (1280, 800))
    shown = [b for b in _buttons(bar) if b.isVisible()]
    assert bar.more_button.isVisible() != bool(shown)
    for button in shown:
        assert button.width() >= button.sizeHint().width()


def test_rows_for_fills_the_first_row_then_a_second():
    from hamstring_app.ui.checkin.safety_bar import rows_for

    widths = [160, 130, 180]
    assert rows_for(widths, 500, 6) == (3,)  # 470 + 18
    assert rows_for(widths, 440, 6) == (2, 1)  # 296 on the first row, 186 on the second
    assert rows_for(widths, 305, 6) == (2, 1)  # 302 on the first row
    assert rows_for(widths, 295, 6) is None  # two on a row no longer fit: three rows
    assert rows_for([300], 200, 6) is None  # one button wider than the room
    assert rows_for([150, 150], 200, 6) == (1, 1)
