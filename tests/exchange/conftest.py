"""Fixtures for the export/import tests: databases under tmp_path, a demo history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from exchange_samples import TODAY

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import History
from hamstring_app.store.repository import Repository, open_repository


@pytest.fixture(scope="session")
def demo_history() -> History:
    return build_demo_history(TODAY)


@pytest.fixture
def open_repo(tmp_path: Path) -> Iterator[Callable[[str], Repository]]:
    opened: list[Repository] = []

    def make(name: str) -> Repository:
        repo = open_repository(tmp_path / name, today=lambda: TODAY, app_version="test")
        opened.append(repo)
        return repo

    yield make
    for repo in opened:
        repo.close()
