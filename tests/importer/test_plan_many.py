"""The plan of a big import (starts looked up by minute, hand-typed runs by day) says
exactly what comparing every activity with every other would say."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

from hamstring_app.core.models import Run, RunSource
from hamstring_app.importer.activity import Activity
from hamstring_app.importer.plan import (
    Status,
    _mergeable,
    _same_activity,
    plan_import,
)

TODAY = date(2026, 12, 1)
BASE = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)


def reference(found, existing):
    """Every activity against every saved run and every activity kept before it."""
    by_hash = {r.content_hash: r for r in existing if r.content_hash}
    timed = [r for r in existing if r.started_at is not None]
    manual = [r for r in existing if r.source is RunSource.MANUAL and not r.content_hash]
    kept, hashes, merged, out = [], set(), set(), []
    for a in found:
        saved = by_hash.get(a.content_hash) or next(
            (r for r in timed if _same_activity(a, r.started_at, r.distance_km)), None)
        if saved is not None:
            out.append((Status.DUPLICATE, saved.id))
            continue
        if a.content_hash in hashes or any(
                _same_activity(a, k.start, k.distance_km) for k in kept):
            out.append((Status.DUPLICATE, None))
            continue
        kept.append(a)
        hashes.add(a.content_hash)
        target = next((r for r in manual if r.id not in merged and _mergeable(a, r)), None)
        if target is not None:
            merged.add(target.id)
            out.append((Status.MERGE, target.id))
        else:
            out.append((Status.NEW, None))
    return out


def test_a_big_plan_matches_comparing_everything_with_everything():
    rng = random.Random(12)
    east = timezone(timedelta(hours=10))
    starts = [BASE + timedelta(days=rng.randrange(40), seconds=rng.randrange(0, 600, 15))
              for _ in range(150)]

    def activity(i: int) -> Activity:
        start = rng.choice(starts) + timedelta(seconds=rng.choice((0, 20, 59, 61, 90)))
        if rng.random() < 0.2:
            start = start.astimezone(east)  # the same moment written with another offset
        km = rng.choice((5.0, 5.05, 5.2, 8.0, 10.0))
        return Activity(source=f"{i}", file_name=f"{i}.fit",
                        content_hash=f"h{rng.randrange(400)}", day=start.date(),
                        distance_km=km, start=start)

    found = [activity(i) for i in range(600)]
    existing = []
    for i in range(1, 120):
        start = rng.choice(starts) + timedelta(seconds=rng.choice((0, 45, 70)))
        if i % 3 == 0:  # typed in by hand: no start, no file
            existing.append(Run(day=start.date(), distance_km=rng.choice((5.0, 8.0, 9.6)),
                                id=i))
        else:
            existing.append(Run(day=start.date(), distance_km=rng.choice((5.0, 10.0)), id=i,
                                source=RunSource.FILE, started_at=start,
                                content_hash=f"s{i}"))
    rows = plan_import(found, existing, TODAY)
    got = [(r.status, r.match.id if r.match is not None else None) for r in rows]
    assert got == reference(found, existing)
    seen = {status for status, _ in got}
    assert seen == {Status.NEW, Status.DUPLICATE, Status.MERGE}  # every branch reached
    # saved twins found by start, not only by hash; twins inside the import by start too
    assert any(s is Status.DUPLICATE and m is not None for s, m in got)
    assert sum(s is Status.DUPLICATE and m is None for s, m in got) > 20
