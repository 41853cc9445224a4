"""What every screen is given: the repository, the clock, the app's events and paths,
the history cache, and the one runner of operations (``ops``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hamstring_app.core.clock import Clock
from hamstring_app.paths import DataPaths
from hamstring_app.store.repository import Repository
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.history_cache import HistorySnapshot
from hamstring_app.ui.ops import OpRunner


@dataclass
class AppContext:
    repo: Repository
    clock: Clock
    events: AppEvents
    paths: DataPaths
    demo: bool = False
    #: the history every tab reads; the runner brings it up to date before any tab
    #: hears of a change
    history: HistorySnapshot = field(init=False)
    #: runs every write: ``ctx.ops.run(operation, *args)``; ``ctx.ops.assessment()``
    ops: OpRunner = field(init=False)

    def __post_init__(self) -> None:
        self.history = HistorySnapshot(self.repo)
        self.ops = OpRunner(self.repo, self.clock, self.events, self.history)
