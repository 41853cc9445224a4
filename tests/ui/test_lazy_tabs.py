"""Start-up: the Strength and Recovery tabs are light shells until first shown, and the
file readers of the import wait for the first import."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtGui import QColor, QPalette

from hamstring_app.ui.events import Changes, Kind

HEAVY = (
    "pyqtgraph",
    "numpy",
    "hamstring_app.ui.progress.plots",
    "hamstring_app.ui.session.runner_view",
    "hamstring_app.ui.session.plan_view",
    "sqlalchemy",  # reads take plain sqlite3; SQLAlchemy waits for the first write
    "alembic",
    # the watch-file readers and their worker processes wait for the first import
    "hamstring_app.ui.importing.controller",
    "hamstring_app.importer.parallel",
    "fitdecode",
    "gpxpy",
    "tcxreader",
)

CHILD = r"""
import json, sys
from hamstring_app.ui.app import launch
s = launch(data_dir=sys.argv[1])
s.window.show_then_fill()
for _ in range(20):
    s.app.processEvents()
current = s.window.tabs.currentWidget()
out = {
    "current": current.objectName(),
    "filled": not current.stale,
    "tabs": [s.window.tabs.tabText(i) for i in range(s.window.tabs.count())],
    "loaded": [name for name in json.loads(sys.argv[2]) if name in sys.modules],
}
s.close()
print(json.dumps(out))
"""


def test_starting_the_app_does_not_import_the_graphs_or_the_runner(tmp_path) -> None:
    """A fresh process: import the app, build the window, show and fill Today (from a data
    folder made by an earlier start, as on every start but the first)."""
    from datetime import date

    from hamstring_app.store.repository import open_repository

    open_repository(tmp_path / "data", today=date.today, app_version="1.0").close()
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    env.pop("HAMSTRING_COACH_DATA", None)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data"), json.dumps(HEAVY)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["current"] == "checkin" and out["filled"]  # Today is shown and filled
    assert out["tabs"] == ["Today", "Strength", "Recovery"]
    assert out["loaded"] == []


def _tabs(window):
    return window.findChild(object, "session"), window.findChild(object, "recovery")


def test_tabs_are_built_and_filled_on_first_show(qtbot, session_factory, home) -> None:
    session = session_factory()
    window = session.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    strength, recovery = _tabs(window)
    assert not strength.built and not recovery.built
    assert strength.stale and recovery.stale

    session.ctx.ops.announce(Changes.of(Kind.CHECKIN))  # hidden tabs only note it
    assert not strength.built and not recovery.built

    window.tabs.setCurrentWidget(recovery)
    assert recovery.built and not recovery.stale
    assert recovery.stack.isVisible()  # shown with the tab, not an event-loop turn later
    assert recovery.stack.currentWidget() is recovery.empty_page  # a new, empty database
    assert recovery.empty.isVisible() and not recovery.controls.isVisible()
    assert not strength.built

    window.tabs.setCurrentWidget(strength)
    assert strength.built and not strength.stale
    assert strength.stack.isVisible() and strength.plan_view.isVisible()
    assert not strength.running
    assert strength.today_plan is not None and strength.today_plan.plan


def test_a_refresh_before_any_show_builds_the_tab(session_factory) -> None:
    session = session_factory()
    strength, recovery = _tabs(session.window)
    strength.refresh_now()
    recovery.refresh_now()
    assert strength.built and strength.today_plan is not None
    assert recovery.built and recovery.data is not None


def test_an_unbuilt_tab_takes_its_palette_when_built(qtbot, session_factory, home) -> None:
    session = session_factory()
    _strength, recovery = _tabs(session.window)
    palette = QPalette(recovery.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    recovery.setPalette(palette)  # e.g. a dark palette applied before the tab is opened
    assert not recovery.built
    recovery.ensure_built()
    assert recovery.plots.backgroundBrush().color() == QColor("#202124")


def test_closing_with_unbuilt_tabs_does_not_build_them(qtbot, session_factory, home) -> None:
    session = session_factory()
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    strength, recovery = _tabs(window)
    assert strength.can_close()
    window.close()
    assert not window.isVisible()
    assert not strength.built and not recovery.built
