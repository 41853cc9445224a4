"""What every screen is given: the repository, the clock, the app's events and paths."""

from __future__ import annotations

from dataclasses import dataclass

from hamstring_app.core.clock import Clock
from hamstring_app.paths import DataPaths
from hamstring_app.store.repository import Repository
from hamstring_app.ui.events import AppEvents


@dataclass
class AppContext:
    repo: Repository
    clock: Clock
    events: AppEvents
    paths: DataPaths
    demo: bool = False
