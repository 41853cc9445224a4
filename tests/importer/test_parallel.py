"""Parsing in worker processes finds exactly what parsing in place finds, in the same
order; a cancel stops the workers; a worker that dies costs no file."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from activity_files import (
    RunSpec,
    StravaRow,
    fit_bytes,
    gpx_bytes,
    gz,
    strava_csv,
    tcx_bytes,
    zip_bytes,
)

from hamstring_app.core.tasks import Cancelled
from hamstring_app.importer.activity import Activity, Skipped
from hamstring_app.importer.parallel import (
    MAX_WORKERS,
    PARALLEL_FROM_BYTES,
    ParsePool,
    auto_workers,
)
from hamstring_app.importer.reader import ImportReader, content_hash

DAY1 = datetime(2026, 10, 1, 7, 0, tzinfo=UTC)


def spec(days: int, **kw) -> RunSpec:
    return RunSpec(start=DAY1 + timedelta(days=days), step_s=60, **kw)


def strava_export(path, n: int = 12) -> None:
    """A Strava-like export: mixed formats, a walk, a damaged file, a row with no file."""
    rows, members = [], {}
    makers = (
        (".fit.gz", lambda s: gz(fit_bytes(s))),
        (".gpx", gpx_bytes),
        (".tcx.gz", lambda s: gz(tcx_bytes(s))),
    )
    for i in range(n):
        suffix, make = makers[i % len(makers)]
        name = f"activities/{500 + i}{suffix}"
        members[name] = make(spec(i, km=4 + i, minutes=(4 + i) * 6))
        sport = "Walk" if i == 4 else "Run"
        rows.append(StravaRow(str(500 + i), (DAY1 + timedelta(days=i)).strftime(
            "%b %d, %Y, %I:%M:%S %p"), sport, name, rpe=str(i % 10)))
    members["activities/900.gpx"] = b"<gpx><trk>cut short"
    rows.append(StravaRow("900", "Oct 30, 2026, 07:00:00 AM", "Run", "activities/900.gpx"))
    rows.append(StravaRow("901", "Oct 31, 2026, 07:00:00 AM", "Run", "", km=6.5, seconds=2400))
    members["activities.csv"] = strava_csv(rows)
    path.write_bytes(zip_bytes(members))


def test_workers_find_the_same_as_in_place_in_the_same_order(tmp_path):
    export = tmp_path / "export.zip"
    strava_export(export)
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "a.tcx").write_bytes(tcx_bytes(spec(40, km=7, minutes=40)))
    (loose / "b.fit").write_bytes(fit_bytes(spec(41, km=9, minutes=50)))
    (loose / "c.gpx.gz").write_bytes(gz(b"not xml at all"))

    in_place = ImportReader(zone=UTC, processes=0)
    expected = in_place.read([export, loose])
    pooled = ImportReader(zone=UTC, processes=2)
    found = pooled.read([export, loose])

    assert (in_place.workers, pooled.workers) == (0, 2)
    assert found == expected
    # what the comparison covers: runs with Strava's RPE laid over, a walk, damaged files
    assert sum(isinstance(f, Activity) for f in found) == 14
    assert [f.rpe for f in found[:4] if isinstance(f, Activity)] == [0, 1, 2, 3]
    reasons = [f.reason for f in found if isinstance(f, Skipped)]
    assert "not a run (walk)" in reasons[0].lower()
    assert len(reasons) == 3 and all(r for r in reasons)


def test_a_cancel_while_workers_parse_stops_the_read(tmp_path):
    export = tmp_path / "export.zip"
    strava_export(export, n=30)
    asked = threading.Event()
    seen: list[float] = []

    def progress(fraction: float, _text: str) -> None:
        seen.append(fraction)
        if len(seen) == 5:
            asked.set()

    reader = ImportReader(zone=UTC, processes=2, progress=progress, cancelled=asked.is_set)
    with pytest.raises(Cancelled):
        reader.read([export])
    assert reader.workers == 2 and len(seen) == 5  # stopped at the next file
    deadline = time.monotonic() + 20
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()  # the workers are gone too


def test_a_worker_that_dies_costs_no_file(tmp_path):
    data = gpx_bytes(spec(0, km=5, minutes=30))
    args = (".gpx", data, "a.gpx", "a.gpx", content_hash(data), UTC)
    pool = ParsePool(1)
    try:
        first = pool.submit(*args)
        (run,) = pool.resolve(first)
        for process in list(pool._executor._processes.values()):  # type: ignore[union-attr]
            os.kill(process.pid, signal.SIGKILL)
            process.join(10)
        later = [pool.submit(*args) for _ in range(3)]
        assert [pool.resolve(p) for p in later] == [[run]] * 3
        assert pool.in_place >= 1
    finally:
        pool.close()


def test_only_a_big_import_starts_worker_processes():
    cores = os.cpu_count() or 1
    assert auto_workers(PARALLEL_FROM_BYTES - 1) == 0
    assert auto_workers(PARALLEL_FROM_BYTES) == max(1, min(MAX_WORKERS, cores))
    assert auto_workers(10 * PARALLEL_FROM_BYTES, processes=0) == 0
    assert auto_workers(10, processes=3) == 3
