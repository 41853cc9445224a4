"""Duplicates (same file, or same start and distance) kept once; hand-typed runs merged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hamstring_app.core.models import Run, RunSource, RunType
from hamstring_app.importer.activity import Activity, Skipped
from hamstring_app.importer.plan import Status, plan_import, runs_to_write

TODAY = date(2026, 12, 1)
START = datetime(2026, 11, 29, 7, 0, tzinfo=UTC)


def act(km=10.0, start=START, digest="h1", **kw) -> Activity:
    return Activity(source=f"{digest}.fit", file_name=f"{digest}.fit", content_hash=digest,
                    day=start.date(), distance_km=km, start=start, duration_min=50.0,
                    cadence_spm=170, descent_m=40.0, avg_hr_bpm=140, **kw)


def saved(**kw) -> Run:
    base = {"day": START.date(), "distance_km": 10.0, "id": 1}
    base.update(kw)
    return Run(**base)


def test_same_file_already_saved_is_a_duplicate():
    existing = [saved(content_hash="h1", source=RunSource.FILE, started_at=START)]
    (row,) = plan_import([act()], existing, TODAY)
    assert row.status is Status.DUPLICATE and not row.include
    assert "the same file" in row.reason


def test_same_start_within_a_minute_and_distance_within_2_percent_is_a_duplicate():
    existing = [saved(content_hash="other", source=RunSource.FILE, started_at=START)]
    near = act(km=10.15, start=START + timedelta(seconds=50), digest="h2")
    assert plan_import([near], existing, TODAY)[0].status is Status.DUPLICATE
    far = act(km=10.15, start=START + timedelta(seconds=70), digest="h3")
    assert plan_import([far], existing, TODAY)[0].status is Status.NEW
    longer = act(km=10.3, start=START, digest="h4")
    assert plan_import([longer], existing, TODAY)[0].status is Status.NEW


def test_twice_in_one_import_is_kept_once():
    rows = plan_import([act(digest="a"), act(digest="b", km=10.1), act(digest="a")], [], TODAY)
    assert [r.status for r in rows] == [Status.NEW, Status.DUPLICATE, Status.DUPLICATE]
    assert len(runs_to_write(rows).new) == 1


def test_hand_typed_run_on_the_same_day_is_offered_for_merging():
    typed = saved(distance_km=9.5, rpe=5, pain=3, note="felt it on the hill", type=RunType.LONG)
    (row,) = plan_import([act(km=10.02, rpe=8)], [typed], TODAY)
    assert row.status is Status.MERGE and row.include and row.match == typed
    plan = runs_to_write([row])
    (run,) = plan.merged
    assert plan.new == ()
    assert (run.id, run.rpe, run.pain, run.note, run.type) == (
        1, 5, 3, "felt it on the hill", RunType.LONG
    )
    assert (run.distance_km, run.cadence_spm, run.descent_m, run.avg_hr_bpm) == (
        10.02, 170, 40.0, 140
    )
    assert run.content_hash == "h1" and run.source is RunSource.FILE
    assert run.started_at == START


def test_merge_needs_a_similar_distance_and_the_same_day():
    typed = saved(distance_km=5.0)
    assert plan_import([act(km=10.0)], [typed], TODAY)[0].status is Status.NEW
    other_day = saved(day=date(2026, 11, 28))
    assert plan_import([act()], [other_day], TODAY)[0].status is Status.NEW


def test_one_typed_run_merges_with_one_file_only():
    rows = plan_import([act(digest="a"), act(digest="b", start=START + timedelta(hours=5))],
                       [saved()], TODAY)
    assert [r.status for r in rows] == [Status.MERGE, Status.NEW]


def test_future_dates_and_skips_are_not_written():
    future = act(start=datetime(2026, 12, 5, 7, 0, tzinfo=UTC))
    rows = plan_import([future, Skipped("w.fit", "not a run (walking)")], [], TODAY)
    assert [r.status for r in rows] == [Status.SKIPPED, Status.SKIPPED]
    assert "future" in rows[0].reason
    assert runs_to_write(rows).new == ()


def test_unticked_rows_and_the_runners_changes():
    rows = plan_import([act(digest="a"), act(digest="b", start=START + timedelta(hours=5))],
                       [], TODAY)
    rows[0].include = False
    rows[1].run_type = RunType.TEMPO
    rows[1].rpe = 7
    plan = runs_to_write(rows, needs_review=True)
    (run,) = plan.new
    assert (run.content_hash, run.type, run.rpe, run.needs_review) == ("b", RunType.TEMPO, 7, True)
    assert plan.skipped == 1
    assert "Imported from b.fit." in run.details
