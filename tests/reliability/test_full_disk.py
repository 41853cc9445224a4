"""A full disk, injected at SQLite's level (PRAGMA max_page_count: the next page it needs
fails with SQLITE_FULL, as a full disk does): the save is refused with the true cause,
nothing half-written, everything saved before still there, and the file still sound."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from bad_data import TODAY, make_data

from hamstring_app.core.models import History, Run
from hamstring_app.store import db_connect
from hamstring_app.store.errors import StorageUnavailable
from hamstring_app.store.repository import open_repository


def test_a_full_disk_refuses_the_save_and_keeps_the_rest(tmp_path, monkeypatch):
    path = make_data(tmp_path)
    real_connect = db_connect.connect

    def nearly_full(target, **kwargs):
        conn = real_connect(target, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")  # not one page more
        return conn

    monkeypatch.setattr(db_connect, "connect", nearly_full)
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="test")
    big = History(
        runs=tuple(
            Run(date(2025, 1, 1) + timedelta(days=k), 5.0, note="x" * 1500) for k in range(200)
        )
    )
    try:
        with pytest.raises(StorageUnavailable) as caught:
            repo.import_history(big)
        assert "the disk is full" in str(caught.value)
        assert "not allowed" not in str(caught.value)
        assert repo.load_history().runs == repo.list_runs()  # still readable meanwhile
    finally:
        repo.close()
    monkeypatch.setattr(db_connect, "connect", real_connect)
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="test")
    try:
        history = repo.load_history()
        assert len(history.runs) == 2 and len(history.checkins) == 3  # none of the refused import
    finally:
        repo.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
