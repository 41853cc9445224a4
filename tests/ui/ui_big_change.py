"""Helpers for the tests of a big change drawn in parts: a batch of imported runs large
enough to be read back on a worker, and a spy that records each part as it is drawn."""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.models import Run, RunSource
from hamstring_app.importer.plan import ToWrite


def many_runs(before: date, days: int) -> ToWrite:
    """One 5 km file run on each of the ``days`` days before ``before``."""
    runs = tuple(Run(day=before - timedelta(days=n + 1), distance_km=5.0, duration_min=30.0,
                     source=RunSource.FILE, content_hash=f"file-{n}") for n in range(days))
    return ToWrite(runs, (), 0)


def spy_parts(tab, monkeypatch, targets) -> list[tuple[str, int]]:
    """Record (name, parts still pending on ``tab.steps``) each time one of ``targets``,
    (name, owner, method name) triples, is called; the real method still runs."""
    parts: list[tuple[str, int]] = []
    for name, owner, method in targets:
        real = getattr(owner, method)

        def spy(*args, _name=name, _real=real, **kwargs):
            parts.append((_name, tab.steps.pending))
            return _real(*args, **kwargs)

        monkeypatch.setattr(owner, method, spy)
    return parts
