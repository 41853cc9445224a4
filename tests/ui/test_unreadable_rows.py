"""A data file with one unreadable row opens: the rest is shown, the row is named in a
dialog's sentence, and the file is left byte-for-byte as it was."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from datetime import datetime

from bad_data import BAD_ROWS, make_data, spoil

from hamstring_app.core.clock import FakeClock
from hamstring_app.ui.app import launch, unreadable_warning


def test_app_opens_and_names_the_unreadable_row(qtbot, tmp_path):
    path = make_data(tmp_path)
    spoil(path, BAD_ROWS[0][1])
    session = launch(data_dir=tmp_path, clock=FakeClock(datetime(2026, 3, 16, 9, 0).astimezone()))
    try:
        assert len(session.ctx.history.get().checkins) == 2
        text = unreadable_warning(session)
        assert "the check-in dated 2026-02-30" in text
        assert "left unchanged in the data file" in text
    finally:
        session.close()
    # the app records its version on opening; the unreadable row itself is still there
    conn = sqlite3.connect(path)
    try:
        kept = conn.execute("SELECT pain_rest FROM checkin WHERE day = '2026-02-30'").fetchall()
    finally:
        conn.close()
    assert kept == [(2,)]
