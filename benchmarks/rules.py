"""Benchmark: evaluate() on 1, 5 and 20 years of history, and what each year costs.

evaluate() should cost what its rule windows and the records in them cost, not the years
of history behind them. The app keeps the rules' day index per history version and
brings it up to the next version from the change set (ui.history_cache ->
core.rules.index_update), so the figure that counts is what a new history version costs:
today's check-in changed, the index carried over from the version before, then
evaluate(). Targets (from the speed issue), all from this run:
- that cost at 20 years at most 1.5x its cost at 1 year;
- at 5 years under 0.15x the baseline: walking the whole 5-year history once and
  rebuilding every record as a new dataclass (the least any full pass over the data costs).
The per-year cost is the slope between 1 and 20 years. A cold evaluate (the index built
from scratch inside the call, as `assess` on the command line does) is printed too, for
reference. The other whole-history series (daily verdicts, load events, ACWR, weekly
distance: the Recovery tab's) are printed against the same baseline; they cover every
day, so they grow with the years. evaluate() includes today's run prescription
(core.runplan: today's run, the ladder walked over up to 180 days, the week ahead); its
own cost at each length is printed too (it should not grow with the years), and so is
the older target of a median under 20 ms at 5 years.

Run: .venv/bin/python benchmarks/rules.py [--years 1 5 20]   (or `make bench`)
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn, History
from hamstring_app.core.rules import (
    acwr_series,
    daily_verdicts,
    evaluate,
    load_events,
    weekly_distance,
)
from hamstring_app.core.rules.days import DayIndex, clear_index_cache, share_index
from hamstring_app.core.rules.index_update import updated_index
from hamstring_app.core.runplan.plan import clearances_of, prescribe_at

TODAY = date(2026, 3, 16)
SCALING_TARGET = 1.5  # evaluate at 20 years / at 1 year
BASELINE_TARGET = 0.15  # evaluate at 5 years / rebuilding every record of 5 years
TARGET_MS = 20.0  # evaluate at 5 years, median
REPEATS = 30


def timings(fn: Callable[[], object], repeats: int = REPEATS) -> list[float]:
    fn()  # warm up
    out = []
    for _ in range(repeats):
        clear_index_cache()  # every call indexes the history itself: a cold figure
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


def versions(history: History) -> tuple[History, History]:
    """Two versions of ``history`` that differ only in today's check-in (its pain)."""
    out = []
    for pain in (1, 2):
        today = CheckIn(day=TODAY, pain_rest=pain, pain_next_morning=pain)
        kept = tuple(c for c in history.checkins if c.day != TODAY)
        out.append(dataclasses.replace(history, checkins=(*kept, today)))
    return out[0], out[1]


class Versions:
    """A history edited again and again on today's check-in, its index carried over."""

    def __init__(self, history: History) -> None:
        self.pair = versions(history)
        self.turn = 0
        self.index = DayIndex(self.pair[0], TODAY)
        share_index(self.pair[0], self.index)
        evaluate(self.pair[0], TODAY)  # the derived arrays evaluate reads, built once

    def next(self) -> None:
        """One new version: carry the index over by the change set, then evaluate."""
        self.turn ^= 1
        history = self.pair[self.turn]
        self.index = updated_index(self.index, history, {TODAY}, TODAY)
        share_index(history, self.index)
        evaluate(history, TODAY)


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 5, 20])
    args = parser.parse_args()
    years = sorted(set(args.years))
    histories = {y: build_demo_history(TODAY, years=y) for y in years}
    medians: dict[int, float] = {}
    cold: dict[int, float] = {}
    # interleaved rounds, so the machine's drift hits every length alike
    samples: dict[int, list[float]] = {y: [] for y in years}
    cold_samples: dict[int, list[float]] = {y: [] for y in years}
    edited = {y: Versions(histories[y]) for y in years}
    for y in years:
        evaluate(histories[y], TODAY)  # warm up
        edited[y].next()
    for _ in range(REPEATS):
        for y in years:
            start = time.perf_counter()
            edited[y].next()
            samples[y].append((time.perf_counter() - start) * 1000.0)
            clear_index_cache()  # a cold figure: the history indexed by this call
            start = time.perf_counter()
            evaluate(histories[y], TODAY)
            cold_samples[y].append((time.perf_counter() - start) * 1000.0)
    for y in years:
        h = histories[y]
        sets = sum(len(s.sets) for s in h.strength_sessions)
        medians[y] = statistics.median(samples[y])
        cold[y] = statistics.median(cold_samples[y])
        print(
            f"{y:2d} years: {len(h.checkins):5d} check-ins, {len(h.runs):5d} runs, "
            f"{len(h.strength_sessions):4d} sessions ({sets} sets); a new version "
            f"(index carried over + evaluate) median {medians[y]:6.2f} ms, "
            f"p90 {p90(samples[y]):6.2f} ms; cold evaluate {cold[y]:6.2f} ms"
        )
    # the prescription alone, from the index and assessment evaluate() built: it walks at
    # most the ladder's 180 days, so it should cost the same at every length
    for y in years:
        index = DayIndex(histories[y], TODAY)
        assessment = evaluate(histories[y], TODAY)
        said = clearances_of(histories[y])
        plan = statistics.median(
            timings(lambda i=index, a=assessment, c=said: prescribe_at(i, a, clearances=c), 10)
        )
        print(f"{y:2d} years: of which the prescription median {plan:.2f} ms "
              f"({plan / medians[y]:.0%} of evaluate)")
    ok = True  # reported, not enforced: a busy machine must not fail `make bench`
    lo, hi = years[0], years[-1]
    if hi > lo:
        per_year = (medians[hi] - medians[lo]) / (hi - lo)
        print(f"per-year cost of evaluate: {per_year:.3f} ms a year of history "
              f"({lo} to {hi} years)")
    if lo == 1 and hi == 20:
        ratio = medians[20] / medians[1]
        met = ratio <= SCALING_TARGET
        ok &= met
        print(f"evaluate at 20 years / at 1 year: {ratio:.2f} "
              f"(target <= {SCALING_TARGET}: {'met' if met else 'NOT met'})")
        print(f"  for reference, cold evaluate at 20 years / at 1 year: "
              f"{cold[20] / cold[1]:.2f}")
    if 5 in histories:
        history = histories[5]
        base = statistics.median(timings(lambda: rebuild(history)))
        print(f"baseline (rebuild every record of 5 years): median {base:.2f} ms")
        ratio5 = medians[5] / base
        met = ratio5 < BASELINE_TARGET
        ok &= met
        print(f"evaluate at 5 years / baseline: {ratio5:.2f} "
              f"(target < {BASELINE_TARGET}: {'met' if met else 'NOT met'})")
        print(f"  for reference, cold evaluate at 5 years / baseline: {cold[5] / base:.2f}")
        print(f"evaluate at 5 years: median {medians[5]:.2f} ms (target under {TARGET_MS:.0f} "
              f"ms: {'met' if medians[5] < TARGET_MS else 'NOT met'})")
        start_day = history.checkins[0].day
        cases: list[tuple[str, Callable[[], object]]] = [
            ("daily_verdicts (5 years)", lambda: daily_verdicts(history, start_day, TODAY)),
            ("load_events (5 years)", lambda: load_events(history)),
            ("acwr_series (5 years)", lambda: acwr_series(history, start_day, TODAY)),
            ("weekly_distance (5 years)", lambda: weekly_distance(history, start_day, TODAY)),
        ]
        for name, fn in cases:
            t = timings(fn, 10)
            median = statistics.median(t)
            print(f"  {name:28s} median {median:6.2f} ms   ratio to baseline "
                  f"{median / base:5.2f}")
    print("rules targets met" if ok else "rules targets NOT met on this run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
