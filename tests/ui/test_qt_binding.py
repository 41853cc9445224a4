"""Guard against Qt bindings that corrupt the interpreter (see the pin in pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF


def test_void_calls_keep_the_reference_count_of_none():
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(2000):
        rect.setWidth(1.0)
    # other code may take or drop a few references meanwhile; a leaking build loses 2000
    assert abs(sys.getrefcount(None) - before) < 50
