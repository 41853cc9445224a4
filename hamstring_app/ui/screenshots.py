"""Render every tab with the demo data, off screen, into PNG files.

    python -m hamstring_app.ui.screenshots docs/screenshots

Used by `make screenshots`; README shows the results. Each tab may offer extra views
through a ``screenshot_states()`` method returning (suffix, callable) pairs; they are drawn
at both sizes, and so are the dialogs (ui/screenshot_dialogs.py), in the light and dark
palettes and with a 150% font.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from hamstring_app.core.models import Profile
from hamstring_app.store import operations as op
from hamstring_app.ui.app import Session, launch
from hamstring_app.ui.screenshot_dialogs import render_dialogs

SIZES = ((1280, 800), (1024, 640))


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _render_session(session: Session, out_dir: Path, label: str, states: bool) -> list[Path]:
    """Every tab at every size, then (at the first size) each tab's extra states, last,
    so that a state left open cannot leak into the plain pictures."""
    written: list[Path] = []
    window = session.window
    window.show()

    def grab(index: int, suffix: str, size: tuple[int, int]) -> None:
        tab = window.tabs.widget(index)
        name = (tab.objectName() or f"tab{index}") + label + suffix
        path = out_dir / f"{name}-{size[0]}x{size[1]}.png"
        window.grab().save(str(path))
        written.append(path)

    for size in SIZES:
        window.resize(*size)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            _settle(session.app)
            grab(index, "", size)
    if states:
        for size in SIZES:
            window.resize(*size)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                _settle(session.app)
                tab = window.tabs.widget(index)
                for suffix, prepare in getattr(tab, "screenshot_states", list)():
                    prepare()
                    _settle(session.app)
                    grab(index, f"-{suffix}", size)
        window.tabs.setCurrentIndex(0)
        _settle(session.app)
        written += render_dialogs(window, out_dir, label)
    return written


def render_all(out_dir: Path) -> list[Path]:
    """The demo story on every tab, then a first-run state (a profile and nothing else)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    session = launch(demo=True)
    try:
        written += _render_session(session, out_dir, "", states=True)
    finally:
        session.close()
    with tempfile.TemporaryDirectory() as tmp:
        session = launch(data_dir=tmp)
        try:
            today = session.ctx.clock.today()
            session.ctx.ops.run(op.save_profile, Profile(injury_start=today - timedelta(days=3)))
            written += _render_session(session, out_dir, "-empty", states=False)
        finally:
            session.close()
    written += _render_ladder(out_dir)
    written += _render_variant(out_dir, "-dark", colours="dark")
    written += _render_variant(out_dir, "-font150", font_scale=1.5)
    return written


def _render_variant(
    out_dir: Path, label: str, *, colours: str = "light", font_scale: float = 1.0
) -> list[Path]:
    """The demo on every tab in the dark palette, or with the system font 1.5 times larger
    (as a person who set a larger text size sees it)."""
    from hamstring_app.ui.app import application
    from hamstring_app.ui.menus import set_colours

    app = application()
    font_before = app.font()
    if font_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * font_scale)
        app.setFont(font)
    session = launch(demo=True)
    try:
        set_colours(session.window, colours)
        return _render_session(session, out_dir, label, states=True)
    finally:
        set_colours(session.window, "light")
        session.close()
        app.setFont(font_before)


def _render_ladder(out_dir: Path) -> list[Path]:
    """The Today tab of a runner on the return-to-run ladder, scrolled to the plan."""
    from hamstring_app.core.runplan.story import ladder_story

    written = []
    with tempfile.TemporaryDirectory() as tmp:
        session = launch(data_dir=tmp)
        try:
            session.ctx.ops.run(op.import_history, ladder_story(session.ctx.clock.today()))
            window = session.window
            window.show()
            tab = window.tabs.widget(0)
            for size in SIZES:
                window.resize(*size)
                window.tabs.setCurrentIndex(0)
                _settle(session.app)
                total = sum(tab.right.sizes())
                tab.right.setSizes([int(total * 0.72), total - int(total * 0.72)])
                _settle(session.app)
                tab.verdict_scroll.verticalScrollBar().setValue(tab.plan.y())  # plan on top
                _settle(session.app)
                path = out_dir / f"checkin-ladder-{size[0]}x{size[1]}.png"
                window.grab().save(str(path))
                written.append(path)
        finally:
            session.close()
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("docs/screenshots")
    for path in render_all(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
