"""Building the hidden tabs waits while an import has the UI thread's turns."""

from __future__ import annotations

from hamstring_app.ui import main_window


def test_hidden_tabs_are_not_built_during_an_import_but_after_it(
    qtbot, session_factory, monkeypatch
) -> None:
    monkeypatch.setattr(main_window, "WARM_UP_DELAY_MS", 0)
    monkeypatch.setattr(main_window, "WARM_UP_GAP_MS", 0)
    session = session_factory()
    window = session.window
    hidden = [window.tabs.widget(i) for i in range(1, window.tabs.count())]
    controller = window.importing.controller
    controller._opening = 1  # an import is on its way (its review list opens next turn)
    assert window.importing.busy
    window._warm_up_next_tab()
    qtbot.wait(50)
    assert not any(tab.built for tab in hidden)  # a graph tab's build would freeze it

    controller._opening = 0
    assert not window.importing.busy
    controller.finished.emit(None)
    qtbot.waitUntil(lambda: all(tab.built for tab in hidden), timeout=15000)


def test_without_an_import_the_warm_up_goes_on_at_once(qtbot, session_factory) -> None:
    session = session_factory()
    window = session.window
    tabs = [window.tabs.widget(i) for i in range(window.tabs.count())]
    built = sum(tab.built for tab in tabs)
    assert not window.importing.busy
    window._warm_up_next_tab()
    assert sum(tab.built for tab in tabs) == built + 1
