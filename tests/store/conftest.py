"""Fixtures for the store tests: every database lives under pytest's tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import TODAY

from hamstring_app.store.repository import Repository, open_repository


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def repo(data_dir: Path) -> Iterator[Repository]:
    repository = open_repository(data_dir, today=lambda: TODAY, app_version="1.2.3")
    yield repository
    repository.close()
