"""Render every tab with the demo data, off screen, into PNG files.

    python -m hamstring_app.ui.screenshots docs/screenshots

Used by `make screenshots`; README shows the results. Each tab may offer extra views
through a ``screenshot_states()`` method returning (suffix, callable) pairs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from hamstring_app.ui.app import launch

SIZES = ((1280, 800), (1024, 640))


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def render_all(out_dir: Path, *, demo: bool = True) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    session = launch(demo=demo)
    written: list[Path] = []
    try:
        window = session.window
        window.show()
        for width, height in SIZES:
            window.resize(width, height)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                tab = window.tabs.widget(index)
                _settle(session.app)
                name = tab.objectName() or f"tab{index}"
                path = out_dir / f"{name}-{width}x{height}.png"
                window.grab().save(str(path))
                written.append(path)
                if (width, height) != SIZES[0]:
                    continue
                for suffix, prepare in getattr(tab, "screenshot_states", list)():
                    prepare()
                    _settle(session.app)
                    path = out_dir / f"{name}-{suffix}-{width}x{height}.png"
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
