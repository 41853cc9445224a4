"""What every screen is given: the repository, the clock, the app's events and paths."""

from __future__ import annotations

from dataclasses import dataclass, field

from hamstring_app.core.clock import Clock
from hamstring_app.paths import DataPaths
from hamstring_app.store.repository import Repository
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.history_cache import HistorySnapshot


@dataclass
class AppContext:
    repo: Repository
    clock: Clock
    events: AppEvents
    paths: DataPaths
    demo: bool = False
    #: the history every tab reads; brought up to date by each change event before any
    #: tab hears of it (it is connected first)
    history: HistorySnapshot = field(init=False)

    def __post_init__(self) -> None:
        self.history = HistorySnapshot(self.repo)
        self.events.data_changed.connect(self.history.apply)
