"""Keeping the cyclic garbage collector's full passes short.

A full pass walks every object the collector tracks. Once the window is up that is tens
of thousands of objects (the widgets' wrappers, the tabs' models, the history): a pass
took 40-100 ms on a 2-core machine, and Python starts one whenever its counts say so,
often in the middle of a redraw (after an import it was the longest freeze of the
window). What start-up makes lives as long as the window, so once the first tab is
filled, and again once the hidden tabs are built, it is moved out of the collector's
sight (``gc.freeze``): the passes then walk only what the app made since. A frozen object
is still freed when its last reference goes; only a cycle among frozen objects would stay,
and start-up makes few that become garbage. (``cli.main`` freezes the imported modules the
same way, before the window exists.)
"""

from __future__ import annotations

import gc

_settled = 0


def settle() -> None:
    """Move every object tracked now into the collector's permanent generation."""
    global _settled
    gc.freeze()
    _settled += 1


def settled_count() -> int:
    """How many times the heap was settled in this process (for tests)."""
    return _settled
