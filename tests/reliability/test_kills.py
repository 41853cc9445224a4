"""Saved means saved: a writer SIGKILLed at 20 random moments loses nothing it was told
was committed, and the file passes integrity_check."""

from __future__ import annotations

from kills import kill_and_check


def test_sigkilled_writer_loses_no_committed_write(tmp_path):
    report = kill_and_check(tmp_path / "data", kills=20)
    assert report.kills == 20
    assert report.committed > 20  # the kills landed among real writes, not before them
    assert report.missing == [] and report.wrong == []
    assert report.integrity == []
