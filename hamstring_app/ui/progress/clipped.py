"""Feed the day-by-day graph items only the points near the days in view.

Twenty years are some 7,300 points a series. pyqtgraph redoes every point an item holds
when its data is set and when it paints, so sending them all after each check-in costs
most of a refresh, though the view shows a few months. Here each item keeps its whole
series, but is given only the points within one view's width either side of the view:
small pans need nothing new, a refresh resends those few hundred points (and nothing when
they did not change), and zooming out to the whole history sends what is then in view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg


@dataclass
class _Fed:
    item: Any
    x: np.ndarray
    columns: dict[str, np.ndarray]  # per-point arrays besides x (y, height ...)
    options: dict[str, Any] = field(default_factory=dict)  # given as they are (width)
    window: tuple[float, float] | None = None  # the days whose points the item holds
    shown: tuple[np.ndarray, ...] | None = None  # what it was last given


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))


class ClippedFeed:
    """The whole series of several items, and the part of each that is on screen."""

    def __init__(self) -> None:
        self._items: dict[int, _Fed] = {}
        self._view: tuple[float, float] | None = None

    def scatter(self, item: pg.ScatterPlotItem, x: np.ndarray, y: np.ndarray) -> None:
        self._set(_Fed(item, x, {"y": y}))

    def bars(
        self, item: pg.BarGraphItem, x: np.ndarray, height: np.ndarray, width: float
    ) -> None:
        self._set(_Fed(item, x, {"height": height}, {"width": width}))

    def view(self, low: float, high: float) -> None:
        """The days in view changed: give each item what it now lacks."""
        self._view = (low, high)
        span = high - low
        for fed in self._items.values():
            if fed.window is None:
                continue
            lo, hi = fed.window
            if low < lo or high > hi or (hi - lo) > 5 * max(span, 1.0):
                self._feed(fed)

    def _set(self, fed: _Fed) -> None:
        old = self._items.get(id(fed.item))
        if (
            old is not None
            and old.options == fed.options
            and _same(old.x, fed.x)
            and all(_same(old.columns[k], v) for k, v in fed.columns.items())
        ):
            return  # the very same series: what the item holds stands
        if old is not None:
            fed.shown = old.shown
        self._items[id(fed.item)] = fed
        self._feed(fed)

    def _feed(self, fed: _Fed) -> None:
        if self._view is None:
            mask = slice(None)
            fed.window = (-np.inf, np.inf)
        else:
            low, high = self._view
            span = max(high - low, 1.0)
            fed.window = (low - span, high + span)
            mask = (fed.x >= fed.window[0]) & (fed.x <= fed.window[1])
        x = fed.x[mask]
        columns = {k: v[mask] for k, v in fed.columns.items()}
        shown = (x, *columns.values())
        if fed.shown is not None and len(fed.shown) == len(shown) and all(
            _same(a, b) for a, b in zip(fed.shown, shown, strict=True)
        ):
            return
        fed.shown = shown
        if isinstance(fed.item, pg.BarGraphItem):
            fed.item.setOpts(x=x, **columns, **fed.options)
        else:
            fed.item.setData(x, columns["y"], **fed.options)
