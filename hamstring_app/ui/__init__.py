"""The desktop app (PySide6 and pyqtgraph live here only).

Importing this package switches off a start-up cost of Qt for Python: after PySide6 is
loaded, its import hook reads the whole source of every module that is imported from then
on, looking for the text "PySide6", to know which modules may switch on a ``__feature__``
(``snake_case``, ``true_property``; PySide6's shibokensupport/feature.py, PYSIDE-2029).
Python's linecache then keeps every line of those files. At start-up that is some 200
files: about 12 MiB of memory and tens of milliseconds. This app switches on no feature,
so the check answers "does not use PySide" at once: a module that does import
``__feature__`` still gets its features, as that import sets them itself.
"""

from __future__ import annotations

import sys


def _skip_feature_scan() -> None:
    import PySide6.QtCore  # noqa: F401  (loads the hook and its module)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False  # type: ignore[attr-defined]


_skip_feature_scan()
