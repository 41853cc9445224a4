"""Check-in speed with five years of history: save a check-in and refresh the verdict.

Two figures, each as a median over many saves, with a ratio against a baseline measured in
the same run (a bare ``repo.get_checkin``), since machines here are noisy:

* save + verdict as the tab does it: ``repo.save_checkin``, the tab's history copy re-reads
  the changed day, ``evaluate(history, today)``; (for reference, the same with a full
  ``repo.load_history()`` instead of the copy);
* whole tab: pressing save in the Today tab (offscreen), which writes, announces the change
  and redraws the form, the day's runs, the history table and the verdict.

Target: median under 50 ms for the save + verdict. Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/checkin.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn
from hamstring_app.core.rules import evaluate

NOW = datetime(2026, 3, 18, 19, 30)
YEARS = 5
TARGET_MS = 50.0


def timings_ms(fn: Callable[[int], object], repeat: int) -> list[float]:
    out = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def describe(name: str, times: list[float], baseline: float) -> float:
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10)[-1]
    print(
        f"{name:<34} median {median:7.2f} ms   p90 {p90:7.2f} ms   "
        f"x{median / baseline:7.1f} baseline"
    )
    return median


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args(argv)

    import tempfile

    from hamstring_app.ui.app import launch
    from hamstring_app.ui.checkin.tab import CheckInTab
    from hamstring_app.ui.events import Changes, Kind

    clock = FakeClock(NOW)
    today = clock.today()
    with tempfile.TemporaryDirectory() as tmp:
        session = launch(data_dir=tmp, clock=clock, tab_factories=[CheckInTab])
        try:
            repo = session.ctx.repo
            history = build_demo_history(today, years=YEARS)
            repo.import_history(history)
            print(
                f"history: {len(history.checkins)} check-ins, {len(history.runs)} runs, "
                f"{len(history.strength_sessions)} strength sessions"
            )
            session.window.resize(1280, 800)
            session.window.show()
            session.app.processEvents()
            tab = session.window.tabs.widget(0)
            assert isinstance(tab, CheckInTab)

            baseline_times = timings_ms(lambda i: repo.get_checkin(today), args.repeat * 5)
            baseline = statistics.median(baseline_times)
            print(f"{'baseline: repo.get_checkin':<34} median {baseline:7.2f} ms")

            snapshot = tab.snapshot
            snapshot.get()

            def core(i: int) -> None:
                repo.save_checkin(CheckIn(day=today, pain_rest=i % 4, fatigue=3))
                snapshot.apply(Changes.of(Kind.CHECKIN, days=(today,)))
                evaluate(snapshot.get(), today)

            core_median = describe(
                "save + verdict (as the tab does)", timings_ms(core, args.repeat), baseline
            )

            def full_reload(i: int) -> None:
                repo.save_checkin(CheckIn(day=today, pain_rest=i % 4, fatigue=3))
                evaluate(repo.load_history(), today)

            describe("reference: save + load_history", timings_ms(full_reload, args.repeat // 2),
                     baseline)

            form = tab.form

            def whole_tab(i: int) -> None:
                form.pain_rest.setValue(i % 4)
                form.save()

            whole_median = describe("tab: save + full refresh", timings_ms(whole_tab, args.repeat),
                                    baseline)
            assert tab.verdict.assessment is not None
            assert repo.get_checkin(today) is not None

            # a past date too: the verdict is still today's, the history table redraws
            form.set_day(today - timedelta(days=3), ask=False)

            def past_day(i: int) -> None:
                form.pain_rest.setValue(i % 4)
                form.save()

            describe("tab: save a past date", timings_ms(past_day, args.repeat), baseline)
        finally:
            session.close()
    verdict = "met" if core_median < TARGET_MS else "MISSED"
    print(f"target: save + verdict median under {TARGET_MS:.0f} ms: {verdict} "
          f"(save + verdict {core_median:.1f} ms; whole tab with redraw {whole_median:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
