"""A running app on a small saved history, with its messages caught instead of shown."""

from __future__ import annotations

import pytest

from hamstring_app.core.changes import Changes
from hamstring_app.core.demo import build_demo_history


class Said:
    """Stands in for the dialogs' message boxes: records what was told, answers asks."""

    def __init__(self) -> None:
        self.told: list[tuple[str, str]] = []
        self.asked: list[str] = []
        self.answer = True

    def tell(self, _icon, title: str, text: str) -> None:
        self.told.append((title, text))

    def ask(self, _title: str, text: str, _yes: str) -> bool:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def filled(session_factory, clock):
    """An app session holding 12 weeks of believable data; ``session.said`` catches messages."""
    session = session_factory()
    session.ctx.repo.import_history(build_demo_history(clock.today(), weeks=12))
    session.ctx.ops.announce(Changes.everything())
    said = Said()
    menu = session.window.data_out
    menu.messages.tell = said.tell  # type: ignore[method-assign]
    menu.messages.ask = said.ask  # type: ignore[method-assign]
    session.said = said
    return session


@pytest.fixture
def wait_for(qtbot):
    """Wait until a background task has delivered its result."""

    def wait(handle) -> None:
        assert handle is not None
        qtbot.waitUntil(lambda: not handle.running, timeout=30_000)

    return wait
