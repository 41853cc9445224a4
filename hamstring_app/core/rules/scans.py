"""The running scans a DayIndex is made of, as plain functions over per-day lists.

Each works forward from a given day, carrying on from the state of the day before, so
an index brought up to a newer history (core.rules.index_update) works out only the
days from the first changed one on.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from hamstring_app.core.rules import thresholds as T

NONE = -1  # "no such day" in the index arrays


def _cum(values: Sequence[float]) -> list[float]:
    return [0.0, *accumulate(values)]


def _pain_sums(values: Sequence[int | None]) -> list[int]:
    return [p or 0 for p in values]


def _answered(values: Sequence[int | None]) -> list[bool]:
    return [p is not None for p in values]


def _high(values: Sequence[int | None]) -> list[bool]:
    return [p is not None and p > T.PAIN_HOLD_MAX for p in values]


def _positive(values: Sequence[int]) -> list[bool]:
    return [x > 0 for x in values]


def last_true(flags: Sequence[bool], first: int = 0, last: int = NONE) -> list[int]:
    """For each of ``flags`` (days ``first`` on): the latest day so far whose flag is
    set, ``last`` before any."""
    out = [NONE] * len(flags)
    for j, flag in enumerate(flags):
        if flag:
            last = first + j
        out[j] = last
    return out


def window_means(
    sums: Sequence[float], counts: Sequence[float], first: int, n: int
) -> list[float | None]:
    """Mean daily pain over the TREND_WINDOW_DAYS ending on each day from ``first`` to
    ``n - 1``, from prefix sums of pain and of days answered (None with too few days)."""
    w = T.TREND_WINDOW_DAYS
    need = T.TREND_MIN_CHECKINS
    out: list[float | None] = []
    for i in range(first, n):
        lo = max(i - w + 1, 0)
        count = counts[i + 1] - counts[lo]
        out.append((sums[i + 1] - sums[lo]) / count if count >= need and count else None)
    return out


def ewma_scan(
    load: Sequence[float], start: int, first: int, acute: float, chronic: float
) -> tuple[list[float], list[float], list[float | None]]:
    """EWMA acute and chronic session loads and their ratio (Williams et al. 2017) for
    the days from ``first`` on, the loads counted from the first run's day ``start``
    (NONE: no runs), carrying on from day ``first - 1``'s ``acute`` and ``chronic``."""
    n = len(load) - first
    acute_out, chronic_out = [0.0] * n, [0.0] * n
    out: list[float | None] = [None] * n
    if start == NONE:
        return acute_out, chronic_out, out
    la = 2.0 / (T.ACWR_ACUTE_DAYS + 1)
    lc = 2.0 / (T.ACWR_CHRONIC_DAYS + 1)
    if first <= start:
        acute = chronic = 0.0
    for i in range(max(start, first), len(load)):
        x = load[i]
        acute = x * la + (1.0 - la) * acute
        chronic = x * lc + (1.0 - lc) * chronic
        j = i - first
        acute_out[j], chronic_out[j] = acute, chronic
        if i - start + 1 >= T.ACWR_MIN_DAYS and chronic > 0:
            out[j] = acute / chronic
    return acute_out, chronic_out, out
