"""What start-up leaves behind is kept out of the cyclic collector's full passes."""

from __future__ import annotations

import gc

from hamstring_app.ui import heap


class Marker:
    """An object the collector tracks."""


def walked(obj: object) -> bool:
    """Whether the collector's passes walk ``obj`` (frozen objects are in none of its
    three generations)."""
    return any(o is obj for o in gc.get_objects())


def test_settle_takes_what_exists_out_of_the_collectors_passes() -> None:
    made = [Marker()]
    assert walked(made)
    heap.settle()
    assert not walked(made)
    later = [Marker()]
    assert walked(later)  # what is made afterwards is collected as usual


def test_the_heap_is_settled_once_the_start_up_tab_is_filled(qtbot, session_factory) -> None:
    session = session_factory()
    window = session.window
    tab = window.tabs.currentWidget()
    before = heap.settled_count()
    window.show_then_fill()
    assert heap.settled_count() == before  # not while the window is only shown
    qtbot.waitUntil(lambda: not tab.stale, timeout=5000)
    assert heap.settled_count() == before + 1
    assert not walked(tab.__dict__)  # the filled tab is out of the passes' way


def test_the_heap_is_settled_again_once_the_hidden_tabs_are_built(
    qtbot, session_factory
) -> None:
    session = session_factory()
    window = session.window
    hidden = [window.tabs.widget(i) for i in range(1, window.tabs.count())]
    before = heap.settled_count()
    window.show_then_fill()
    qtbot.waitUntil(lambda: heap.settled_count() == before + 1, timeout=5000)
    qtbot.waitUntil(lambda: all(tab.built for tab in hidden), timeout=15000)
    qtbot.waitUntil(lambda: heap.settled_count() == before + 2, timeout=5000)
