"""Zips, zips in zips, Strava and Garmin exports, folders: every run found, once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from activity_files import (
    STRAVA_HEADER_DE,
    RunSpec,
    StravaRow,
    fit_bytes,
    gpx_bytes,
    gz,
    strava_csv,
    tcx_bytes,
    zip_bytes,
)

from hamstring_app.core.models import RunType
from hamstring_app.importer.activity import Activity, Skipped
from hamstring_app.importer.reader import ImportReader

DAY1 = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


def spec(days: int, **kw) -> RunSpec:
    return RunSpec(start=DAY1 + timedelta(days=days), step_s=60, **kw)


def read(paths, **kw):
    return ImportReader(zone=UTC, **kw).read(paths)


def runs(found):
    return [f for f in found if isinstance(f, Activity)]


def test_garmin_account_export_nested_zips(tmp_path):
    part1 = zip_bytes({
        "user_1001.fit": fit_bytes(spec(0)),
        "user_1002.fit": fit_bytes(spec(1, km=5, minutes=30)),
        "user_1003.fit": fit_bytes(spec(2, km=3, minutes=40), sport="WALKING"),
    })
    part2 = zip_bytes({"user_1004.fit": fit_bytes(spec(3, km=8, minutes=45))})
    export = zip_bytes({
        "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": part1,
        "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part2.zip": part2,
        "DI_CONNECT/DI-Connect-Fitness/user_0_summarizedActivities.json": b"[]",
    })
    path = tmp_path / "garmin.zip"
    path.write_bytes(export)
    found = read([path])
    assert sorted(a.distance_km for a in runs(found)) == [5.0, 8.0, 10.0]
    skipped = [f for f in found if isinstance(f, Skipped)]
    assert [s.reason for s in skipped] == ["not a run (walking)"]
    assert "UploadedFiles_0-_Part1.zip › user_1003.fit" in skipped[0].source


def test_single_garmin_activity_zip(tmp_path):
    path = tmp_path / "123456.zip"
    path.write_bytes(zip_bytes({"123456_ACTIVITY.fit": fit_bytes(spec(0))}))
    (a,) = read([path])
    assert isinstance(a, Activity) and a.file_name == "123456_ACTIVITY.fit"


def test_strava_export_with_localized_duplicated_headers(tmp_path):
    rows = [
        StravaRow("111", "20.11.2026, 07:00:00", "Lauf", "activities/111.fit.gz", rpe="7",
                  note="hamstring tight at 8 km"),
        StravaRow("222", "21.11.2026, 07:00:00", "Lauf", "activities/222.gpx", rpe="4"),
        StravaRow("333", "22.11.2026, 07:00:00", "Lauf", "activities/333.tcx.gz"),
        StravaRow("444", "23.11.2026, 07:00:00", "Spaziergang", "activities/444.gpx.gz"),
        # typed in on Strava, no file: the CSV's own figures (km with a decimal comma)
        StravaRow("555", "24.11.2026, 18:30:00", "Lauf", "", km=6.5, seconds=2400,
                  descent="35", cadence="82"),
    ]
    export = zip_bytes({
        "activities.csv": strava_csv(rows, STRAVA_HEADER_DE),
        "activities/111.fit.gz": gz(fit_bytes(spec(0))),
        "activities/222.gpx": gpx_bytes(spec(1, km=5, minutes=28)),
        "activities/333.tcx.gz": gz(tcx_bytes(spec(2, km=12, minutes=65))),
        "activities/444.gpx.gz": gz(gpx_bytes(spec(3, km=3, minutes=40), sport="running")),
        "profile.csv": b"x,y\n",
        "media/photo.jpg": b"\xff\xd8",
    })
    path = tmp_path / "export_12345.zip"
    path.write_bytes(export)
    found = read([path])
    by_day = {a.day: a for a in runs(found)}
    assert sorted(by_day) == [date(2026, 11, d) for d in (20, 21, 22, 24)]
    first = by_day[date(2026, 11, 20)]
    assert first.rpe == 7 and first.note == "hamstring tight at 8 km"
    assert first.sport == "Lauf"
    assert by_day[date(2026, 11, 21)].rpe == 4
    assert by_day[date(2026, 11, 22)].distance_km == 12.0
    manual = by_day[date(2026, 11, 24)]
    assert manual.distance_km == 6.5  # "6,50" km and 6500.0 m reconciled
    assert manual.duration_min == 40.0
    assert manual.cadence_spm == 164 and manual.descent_m == 35
    # Strava's type wins over the file's: the runner called it a walk
    (walk,) = [f for f in found if isinstance(f, Skipped)]
    assert walk.reason == "not a run (Spaziergang)"


def test_strava_english_export_date_and_workout_type(tmp_path):
    header_rows = [StravaRow("9", "Nov 29, 2026, 7:00:00 PM", "Run", "")]
    data = strava_csv(header_rows)
    data = data.replace(b"Perceived Exertion", b"Workout Type").replace(b",\r\n", b",1\r\n")
    path = tmp_path / "strava"
    path.mkdir()
    (path / "activities.csv").write_bytes(data)
    (a,) = read([path])
    assert a.day == date(2026, 11, 29)
    assert a.run_type is RunType.RACE


def test_unzipped_strava_folder_reads_referenced_files(tmp_path):
    folder = tmp_path / "export"
    (folder / "activities").mkdir(parents=True)
    rows = [StravaRow("1", "Nov 20, 2026, 7:00:00 AM", "Run", "activities/1.gpx", rpe="5")]
    (folder / "activities.csv").write_bytes(strava_csv(rows))
    (folder / "activities" / "1.gpx").write_bytes(gpx_bytes(spec(0)))
    (folder / "activities" / "2.fit").write_bytes(fit_bytes(spec(1)))  # not in the CSV
    found = read([folder])
    assert sorted((a.day.day, a.rpe) for a in runs(found)) == [(20, 5), (21, None)]


def test_folder_of_mixed_files_recurses_and_ignores_others(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.fit").write_bytes(fit_bytes(spec(0)))
    (tmp_path / "a" / "b" / "two.tcx").write_bytes(tcx_bytes(spec(1)))
    (tmp_path / "a" / "notes.txt").write_text("hello")
    (tmp_path / "a" / "link").symlink_to(tmp_path / "a")  # a loop, never followed
    found = read([tmp_path / "a"])
    assert sorted(a.file_name for a in runs(found)) == ["one.fit", "two.tcx"]
    assert len(found) == 2


def test_progress_reports_each_file(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.gpx").write_bytes(gpx_bytes(spec(i)))
    seen = []
    read([tmp_path], progress=lambda fraction, name: seen.append((round(fraction, 2), name)))
    assert [f for f, _ in seen] == [0.0, 0.33, 0.67]
    assert seen[2][1].endswith("2.gpx")
