"""The main window's tabs, in order. Each tab is a StaleTab built from the AppContext."""

from __future__ import annotations

from collections.abc import Callable

from hamstring_app.ui.checkin.tab import CheckInTab
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.progress.tab import RecoveryTab
from hamstring_app.ui.session.tab import SessionTab
from hamstring_app.ui.widgets.stale_tab import StaleTab

TAB_FACTORIES: list[Callable[[AppContext], StaleTab]] = [
    CheckInTab,
    SessionTab,
    RecoveryTab,
]
