"""One file of each format, read into a run: fields, units, cadence, descent, local date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from activity_files import RunSpec, fit_bytes, gpx_bytes, gz, tcx_bytes

from hamstring_app.core.models import RunType
from hamstring_app.importer.activity import Activity, Skipped
from hamstring_app.importer.reader import ImportReader

SYDNEY = timezone(timedelta(hours=11))
LONDON = UTC
SPEC = RunSpec(step_s=60)


def read_one(tmp_path, name: str, data: bytes, zone=LONDON) -> Activity | Skipped:
    path = tmp_path / name
    path.write_bytes(data)
    found = ImportReader(zone=zone).read([path])
    assert len(found) == 1, found
    return found[0]


def test_fit_session_fields(tmp_path):
    a = read_one(
        tmp_path, "run.fit",
        fit_bytes(SPEC, rpe=6, total_descent=42, fractional=0.67, local_offset=timedelta(0)),
    )
    assert isinstance(a, Activity)
    assert a.distance_km == 10.0
    assert a.duration_min == 50.0  # timer time, not the elapsed 50.5
    assert a.rpe == 6
    assert a.descent_m == 42
    assert a.avg_hr_bpm == 142
    # 84 + 0.67 strides/min, doubled (the Fenix 5 case)
    assert a.cadence_spm == 169
    assert any("Cadence doubled" in d and "strides/min" in d for d in a.details)
    assert a.file_name == "run.fit"
    assert len(a.content_hash) == 64
    assert a.start == datetime(2026, 11, 29, 19, 0, tzinfo=UTC)
    assert not a.treadmill


def test_fit_local_date_comes_from_its_local_timestamp_across_midnight_utc(tmp_path):
    # 19:00 UTC on the 29th is 06:00 on the 30th in Sydney
    a = read_one(tmp_path, "sydney.fit", fit_bytes(SPEC, local_offset=timedelta(hours=11)))
    assert a.day == date(2026, 11, 30)
    assert a.start.utcoffset() == timedelta(hours=11)


def test_gpx_local_date_uses_the_given_zone_when_the_file_says_utc(tmp_path):
    assert read_one(tmp_path, "a.gpx", gpx_bytes(SPEC), zone=SYDNEY).day == date(2026, 11, 30)
    assert read_one(tmp_path, "b.gpx", gpx_bytes(SPEC), zone=LONDON).day == date(2026, 11, 29)


def test_gpx_own_offset_wins_over_the_zone(tmp_path):
    a = read_one(
        tmp_path, "c.gpx", gpx_bytes(SPEC, offset=timedelta(hours=11)),
        zone=timezone(timedelta(hours=-5)),
    )
    assert a.day == date(2026, 11, 30)


def test_gpx_fields_from_extensions_and_smoothed_descent(tmp_path):
    a = read_one(tmp_path, "hilly.gpx", gpx_bytes(RunSpec(step_s=20, hill_m=10)))
    assert isinstance(a, Activity)
    assert a.distance_km == pytest.approx(10.0, rel=0.01)
    assert a.duration_min == pytest.approx(50.0, rel=0.01)
    assert a.avg_hr_bpm == 142
    assert a.cadence_spm == 168  # 84 per leg, doubled
    assert 80 <= a.descent_m <= 100  # ten 10 m descents, a little under after smoothing
    assert any("smoothed" in d for d in a.details)


def test_tcx_fields_and_per_point_cadence(tmp_path):
    a = read_one(tmp_path, "run.tcx", tcx_bytes(RunSpec(step_s=20, hill_m=5, cadence=88)))
    assert isinstance(a, Activity)
    assert a.distance_km == pytest.approx(10.0, rel=0.01)
    assert a.cadence_spm == 176
    assert a.avg_hr_bpm == 142
    assert 40 <= a.descent_m <= 50
    assert a.sport == "Running"


def test_tcx_resting_laps_make_an_interval_session(tmp_path):
    a = read_one(tmp_path, "int.tcx", tcx_bytes(SPEC, intervals=True))
    assert a.run_type is RunType.INTERVALS


def test_fit_interval_laps_make_an_interval_session(tmp_path):
    assert read_one(tmp_path, "i.fit", fit_bytes(SPEC, interval_laps=True)).run_type is (
        RunType.INTERVALS
    )
    assert read_one(tmp_path, "e.fit", fit_bytes(SPEC)).run_type is RunType.EASY


def test_cadence_already_in_steps_is_kept(tmp_path):
    a = read_one(tmp_path, "steps.tcx", tcx_bytes(RunSpec(step_s=60, cadence=172)))
    assert a.cadence_spm == 172
    assert not any("doubled" in d for d in a.details)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("tread.fit", fit_bytes(RunSpec(step_s=60, gps=False), sub_sport="TREADMILL")),
        ("tread.tcx", tcx_bytes(RunSpec(step_s=60, gps=False))),
    ],
)
def test_treadmill_without_gps_imports_with_its_distance(tmp_path, name, data):
    a = read_one(tmp_path, name, data)
    assert isinstance(a, Activity), a
    assert a.distance_km == pytest.approx(10.0, rel=0.02)
    assert a.treadmill


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("walk.fit", fit_bytes(RunSpec(step_s=60, km=4), sport="WALKING"), "walking"),
        ("ride.tcx", tcx_bytes(RunSpec(step_s=60, km=30), sport="Biking"), "Biking"),
        ("walk.gpx", gpx_bytes(RunSpec(step_s=60, km=4), sport="Walk"), "Walk"),
        ("swim.fit", fit_bytes(RunSpec(step_s=60, km=2), sport="SWIMMING"), "swimming"),
    ],
)
def test_other_sports_are_skipped_with_the_reason(tmp_path, name, data, word):
    s = read_one(tmp_path, name, data)
    assert isinstance(s, Skipped)
    assert s.reason == f"not a run ({word})"


def test_gpx_with_no_sport_is_read_as_a_run_and_says_so(tmp_path):
    a = read_one(tmp_path, "plain.gpx", gpx_bytes(SPEC, sport=None))
    assert isinstance(a, Activity)
    assert any("does not say which sport" in d for d in a.details)


def test_unnamed_sport_at_cycling_speed_is_skipped(tmp_path):
    s = read_one(tmp_path, "fast.gpx", gpx_bytes(RunSpec(step_s=60, km=30, minutes=50),
                                                 sport=None))
    assert isinstance(s, Skipped) and "too fast for a run" in s.reason


@pytest.mark.parametrize("maker", [fit_bytes, gpx_bytes, tcx_bytes])
def test_gz_of_each_format_reads_the_same_with_the_same_hash(tmp_path, maker):
    data = maker(SPEC)
    ext = {fit_bytes: "fit", gpx_bytes: "gpx", tcx_bytes: "tcx"}[maker]
    plain = read_one(tmp_path, f"x.{ext}", data)
    packed = read_one(tmp_path, f"x.{ext}.gz", gz(data))
    assert isinstance(packed, Activity)
    assert packed.content_hash == plain.content_hash
    assert packed.distance_km == plain.distance_km


def test_fit_cut_short_without_session_falls_back_on_records(tmp_path):
    a = read_one(tmp_path, "cut.fit", fit_bytes(RunSpec(step_s=60, hill_m=8), session=False))
    assert isinstance(a, Activity), a
    assert a.distance_km == pytest.approx(10.0)
    assert a.duration_min == pytest.approx(50.0)
    assert any("cut short" in d for d in a.details)


def test_fit_that_is_not_an_activity_is_skipped(tmp_path):
    s = read_one(tmp_path, "course.fit", fit_bytes(SPEC, file_type="COURSE"))
    assert isinstance(s, Skipped) and "not an activity" in s.reason
