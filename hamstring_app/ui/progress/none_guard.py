"""Keep ``None`` alive under PySide6 builds that return it without a reference.

PySide6 6.12.0 on CPython 3.11 returns ``None`` from every void method (``update()``,
``setPen()``, ``setPos()`` ...) without taking a reference to it. From Python 3.12 on,
``None`` is immortal and that is harmless; on 3.11 each call lowers its reference count
by one, and after a few thousand calls (one busy repaint of a graph) the interpreter
aborts with "Fatal Python error: none_dealloc". PySide6 6.11 does not do this.

:func:`protect_none` measures the leak with a few harmless calls and, only when it is
there, gives ``None`` (and ``True`` and ``False``) a very large reference count, which is
what 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QRectF

_EXTRA_REFERENCES = 1 << 48
_PROBE_CALLS = 64
_protected = False


def none_leak_per_call() -> float:
    """How many references to None one void PySide6 call loses (0 when healthy)."""
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        rect.setWidth(1.0)
    return (before - sys.getrefcount(None)) / _PROBE_CALLS


def protect_none() -> bool:
    """Apply the guard once if this PySide6 leaks; True when it was applied (now or before)."""
    global _protected
    if _protected:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if none_leak_per_call() <= 0:
        return False
    # ob_refcnt is the first field of every CPython object (Py_ssize_t). True and False
    # get the same treatment: the same build also drops references to them somewhere
    # (seen as "bool_dealloc" while the interpreter shuts down).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _EXTRA_REFERENCES
    _protected = True
    return True
