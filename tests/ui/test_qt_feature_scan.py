"""Importing the app's GUI package stops Qt for Python from reading (and linecache from
keeping) the source of every module imported after it; Qt itself still works."""

from __future__ import annotations

import linecache
import sys


def test_modules_imported_later_are_not_read_for_pyside(tmp_path, monkeypatch) -> None:
    import hamstring_app.ui  # noqa: F401  (the package switches the scan off)

    source = tmp_path / "later_module_for_scan_test.py"
    source.write_text("VALUE = 1  # mentions PySide6\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    module = __import__("later_module_for_scan_test")  # as an import statement does
    try:
        assert module.VALUE == 1
        assert str(source) not in linecache.cache  # its source was not read
    finally:
        sys.modules.pop("later_module_for_scan_test", None)


def test_qt_calls_still_take_their_usual_names(qapp) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel("x")
    label.setText("y")  # not set_text: no feature was switched on
    assert label.text() == "y"
