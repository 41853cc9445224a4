"""Older Garmin Connect exports: DI_CONNECT/DI-Connect-Fitness/*_summarizedActivities.json,
one summary per activity in Garmin's units (centimetres, milliseconds, epoch times)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from activity_files import RunSpec, fit_bytes, zip_bytes

from hamstring_app.importer.activity import Activity, Skipped
from hamstring_app.importer.plan import Status, plan_import
from hamstring_app.importer.reader import ImportReader

SUMMARY = "DI_CONNECT/DI-Connect-Fitness/runner_0_summarizedActivities.json"


def ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def activity(activity_id: int, start: datetime, km: float, minutes: float, *,
             kind: object = "running", offset_h: float = 0.0, **extra) -> dict:
    local = start + timedelta(hours=offset_h)
    item = {
        "activityId": activity_id,
        "name": "Morning Run",
        "activityType": kind,
        "sportType": "RUNNING",
        "startTimeGmt": ms(start),
        "startTimeLocal": ms(local.replace(tzinfo=UTC)) if start.tzinfo else ms(local),
        "distance": km * 100_000,  # centimetres
        "duration": minutes * 60_000 + 90_000,  # milliseconds, pauses included
        "movingDuration": minutes * 60_000,
        "elapsedDuration": minutes * 60_000 + 120_000,
        "startLatitude": 51.5,
    }
    item.update(extra)
    return item


def summary_json(*items: dict) -> bytes:
    return json.dumps([{"summarizedActivitiesExport": list(items)}]).encode()


def read(paths):
    return ImportReader(zone=UTC).read(paths)


def test_runs_come_from_the_summaries_in_garmin_units(tmp_path):
    sydney = datetime(2026, 11, 19, 19, 30, tzinfo=UTC)  # 06:30 on the 20th in Sydney
    data = summary_json(
        activity(1, sydney, 10.0, 50, offset_h=11, avgHr=148.4, avgRunCadence=82.0,
                 elevationLoss=4230.0),
        activity(2, datetime(2026, 11, 21, 7, 0, tzinfo=UTC), 12.5, 70,
                 kind={"typeKey": "trail_running"}, avgDoubleCadence=171.0),
        activity(3, datetime(2026, 11, 22, 7, 0, tzinfo=UTC), 6.0, 33,
                 kind="treadmill_running", startLatitude=None),
        activity(4, datetime(2026, 11, 23, 7, 0, tzinfo=UTC), 4.0, 45, kind="walking"),
    )
    path = tmp_path / "runner_0_summarizedActivities.json"
    path.write_bytes(data)
    found = read([path])
    first, trail, treadmill, walk = found
    assert isinstance(first, Activity)
    assert first.day == date(2026, 11, 20)  # the local date, not the UTC one
    assert first.start.utcoffset() == timedelta(hours=11)
    assert (first.distance_km, first.duration_min) == (10.0, 50.0)  # moving time
    assert (first.avg_hr_bpm, first.descent_m, first.cadence_spm) == (148, 42.3, 164)
    assert any("doubled" in d for d in first.details)
    assert any("Garmin's activity summary" in d for d in first.details)
    assert first.file_name == path.name and "(activity 1)" in first.source
    assert isinstance(trail, Activity) and trail.cadence_spm == 171 and trail.distance_km == 12.5
    assert "trail" in trail.sport and not trail.treadmill
    assert isinstance(treadmill, Activity) and treadmill.treadmill
    assert isinstance(walk, Skipped) and walk.reason == "not a run (walking)"
    # the same export read again: the same hashes (by Garmin's id), so it is found again
    again = read([path])
    assert [f.content_hash for f in again] == [f.content_hash for f in found]
    assert len({f.content_hash for f in found}) == 4


def test_in_an_export_the_fit_file_wins_over_its_summary(tmp_path):
    start = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
    fit = fit_bytes(RunSpec(start=start, step_s=60, km=10, minutes=50))
    uploaded = zip_bytes({"runner_1001.fit": fit})
    export = zip_bytes({
        SUMMARY: summary_json(
            activity(1001, start, 10.0, 50),  # the same run as the FIT file
            activity(1002, start + timedelta(days=1), 8.0, 44),  # only in the summary
        ),
        "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": uploaded,
    })
    path = tmp_path / "garmin.zip"
    path.write_bytes(export)
    found = read([path])
    assert [type(f).__name__ for f in found] == ["Activity", "Activity", "Activity"]
    assert found[0].file_name == "runner_1001.fit"  # the activity files are read first
    rows = plan_import(found, (), date(2026, 11, 30))
    assert [r.status for r in rows] == [Status.NEW, Status.DUPLICATE, Status.NEW]
    assert rows[2].activity.distance_km == 8.0


def test_a_summary_file_in_a_folder_is_read_after_the_fit_files(tmp_path):
    start = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
    fitness = tmp_path / "DI_CONNECT" / "DI-Connect-Fitness"
    uploaded = tmp_path / "DI_CONNECT" / "DI-Connect-Uploaded-Files"
    fitness.mkdir(parents=True)
    uploaded.mkdir(parents=True)
    (fitness / "runner_0_summarizedActivities.json").write_bytes(
        summary_json(activity(1001, start, 10.0, 50)))
    (uploaded / "runner_1001.fit").write_bytes(
        fit_bytes(RunSpec(start=start, step_s=60, km=10, minutes=50)))
    found = read([tmp_path])
    assert [f.file_name for f in found] == ["runner_1001.fit",
                                             "runner_0_summarizedActivities.json"]


def test_a_broken_summary_file_is_one_line_and_the_rest_is_read(tmp_path):
    broken = tmp_path / "x_summarizedActivities.json"
    broken.write_bytes(b'[{"summarizedActivitiesExport": [{"activityId": 1, ')
    wrong = tmp_path / "y_summarizedActivities.json"
    wrong.write_bytes(b'{"something": "else"}')
    odd = tmp_path / "z_summarizedActivities.json"
    odd.write_bytes(summary_json({"activityId": 5, "activityType": "running",
                                  "distance": "lots", "startTimeGmt": True}, "not an object"))
    good = tmp_path / "run.fit"
    good.write_bytes(fit_bytes(RunSpec(start=datetime(2026, 11, 20, 7, tzinfo=UTC), step_s=60)))
    found = read([broken, wrong, odd, good])
    assert isinstance(found[0], Skipped)
    assert "not a readable Garmin activities file" in found[0].reason
    assert isinstance(found[1], Skipped) and "no summarizedActivitiesExport" in found[1].reason
    assert isinstance(found[2], Skipped) and found[2].reason == "the file has no start time"
    assert isinstance(found[3], Activity) and found[3].distance_km == 10.0
    assert read([tmp_path / "empty_summarizedActivities.json"])[0].reason == \
        "no such file or folder"
