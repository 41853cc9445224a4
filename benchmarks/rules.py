"""Benchmark: a full evaluate() over a 5-year history.

evaluate() includes today's run prescription (core.runplan: today's run, the ladder walked
over up to 180 days, the week ahead); its own cost is printed on the line below.

Target: median under 20 ms on a 5-year history (about 1,800 check-ins, 1,000 runs and 500
strength sessions). Machines here are noisy, so the figures are also given as a ratio to a
baseline measured in the same run: walking the whole history once and rebuilding every
record as a new dataclass (the least any full pass over the data costs).

Run: .venv/bin/python benchmarks/rules.py   (or `make bench`)
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import History
from hamstring_app.core.rules import (
    acwr_series,
    daily_verdicts,
    evaluate,
    load_events,
    weekly_distance,
)
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.runplan.plan import prescribe_at

TODAY = date(2026, 3, 16)
TARGET_MS = 20.0
REPEATS = 40


def timings(fn: Callable[[], object], repeats: int = REPEATS) -> list[float]:
    fn()  # warm up
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000.0)
    return out


def rebuild(history: History) -> History:
    """The baseline: touch and copy every record once."""
    return History(
        profile=history.profile,
        checkins=tuple(dataclasses.replace(c) for c in history.checkins),
        runs=tuple(dataclasses.replace(r) for r in history.runs),
        strength_sessions=tuple(dataclasses.replace(s) for s in history.strength_sessions),
    )


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def main() -> int:
    history = build_demo_history(TODAY, years=5)
    sets = sum(len(s.sets) for s in history.strength_sessions)
    print(
        f"history: {len(history.checkins)} check-ins, {len(history.runs)} runs, "
        f"{len(history.strength_sessions)} strength sessions ({sets} sets)"
    )
    base = timings(lambda: rebuild(history))
    base_median = statistics.median(base)
    print(f"baseline (rebuild every record): median {base_median:.2f} ms")

    start = history.checkins[0].day
    index = DayIndex(history, TODAY)
    assessment = evaluate(history, TODAY)
    cases: list[tuple[str, Callable[[], object]]] = [
        ("evaluate(history, today)", lambda: evaluate(history, TODAY)),
        ("  of which the prescription", lambda: prescribe_at(index, assessment)),
        ("daily_verdicts (5 years)", lambda: daily_verdicts(history, start, TODAY)),
        ("load_events (5 years)", lambda: load_events(history)),
        ("acwr_series (5 years)", lambda: acwr_series(history, start, TODAY)),
        ("weekly_distance (5 years)", lambda: weekly_distance(history, start, TODAY)),
    ]
    ok = True  # reported, not enforced: a busy machine must not fail `make bench`
    for name, fn in cases:
        t = timings(fn)
        median = statistics.median(t)
        print(
            f"{name:28s} median {median:6.2f} ms   p90 {p90(t):6.2f} ms   "
            f"ratio to baseline {median / base_median:5.2f}"
        )
        if name.startswith("evaluate"):
            ok = median < TARGET_MS
            verdict = "met" if ok else "MISSED"
            print(f"{'':28s} target: median under {TARGET_MS:.0f} ms: {verdict}")
    if not ok:
        print("note: the target was missed on this run; compare the ratio to baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
