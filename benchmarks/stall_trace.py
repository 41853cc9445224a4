"""What held the UI thread during each long event-loop gap, for the benchmarks.

A sampling thread reads the main thread's Python stack every couple of milliseconds
(``sys._current_frames``), with the time. A benchmark that times the gaps in its event
loop hands each long one to ``gap()``; the report names, for the longest gaps, the slice
that ran (the outermost frame of the app's own code: what the event loop called) and
where most samples fell inside it. Sampling needs the interpreter lock: while the UI
thread runs C++ with the lock held, the next sample lands when it comes back, so a slice
of pure Qt work shows under the Python call that started it. Holding the UI thread's
frames from another thread is not free of risk (see ``_stack``), so the benchmarks trace
only when asked.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from types import FrameType

Frame = tuple[str, str]  # (file, qualified function name)
QT_ONLY = ("", "Qt's own work (no app code on the stack)")


@dataclass
class Gap:
    ms: float
    phase: str
    samples: list[tuple[Frame, ...]] = field(default_factory=list)
    events: list[tuple[float, str]] = field(default_factory=list)  # (ms until the next, event)

    def describe(self, root: str) -> str:
        if not self.samples:
            return f"{self.ms:5.0f} ms  {self.phase}: no sample (C++ only, or too short)"
        self.samples = [s or (QT_ONLY,) for s in self.samples]
        outer = Counter(s[0] for s in self.samples if s)
        inner = Counter(s[-1] for s in self.samples if s)
        deep = Counter(f for s in self.samples for f in _distinct(s))
        n = len(self.samples)
        (slice_file, slice_name), _count = outer.most_common(1)[0] if outer else (("", "?"), 0)
        where = _short(slice_file, root)
        parts = [f"{self.ms:5.0f} ms  {self.phase}: slice {slice_name} ({where})"]
        costly = [f"{name} {count * 100 // n}%" for (_f, name), count in deep.most_common(6)
                  if name != slice_name]
        if costly:
            parts.append("      inside: " + ", ".join(costly[:5]))
        hot = [f"{name} {count * 100 // n}%" for (_f, name), count in inner.most_common(3)]
        parts.append("      innermost: " + ", ".join(hot) + f"  ({n} samples)")
        if self.events:
            slow = sorted(self.events, reverse=True)[:3]
            parts.append("      longest after an event: " + ", ".join(
                f"{what} {ms:.0f} ms" for ms, what in slow))
        return "\n".join(parts)


def _distinct(stack: tuple[Frame, ...]) -> set[Frame]:
    return set(stack)


def _short(path: str, root: str) -> str:
    at = path.rfind(root)
    return path[at:] if at >= 0 else path


class StallTrace:
    """Samples the calling thread's stack from a thread of its own until ``stop()``."""

    def __init__(self, root: str = "hamstring_app", every_s: float = 0.002) -> None:
        self.root = root
        self.every_s = every_s
        self._target = threading.get_ident()
        self._samples: list[tuple[float, tuple[Frame, ...]]] = []
        self._events: list[tuple[float, object, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="stall-trace", daemon=True)
        self.gaps: list[Gap] = []

    def start(self, app: object | None = None) -> None:
        """Start sampling; with ``app`` (the QApplication) also note each event's arrival,
        so a gap of Qt's own work says which event started it."""
        if app is not None:
            self._watch_events(app)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        if self._filter is not None:
            self._filter.parent().removeEventFilter(self._filter)  # type: ignore[attr-defined]
            self._filter = None

    _filter: object | None = None

    def _watch_events(self, app: object) -> None:
        from PySide6.QtCore import QEvent, QObject

        events = self._events

        class Arrivals(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                # the object's own name only: asking for its parent here would wrap a
                # parent still being built under the wrong class, for good
                who = type(watched).__name__
                if who in ("QWidget", "QWindow", "QWidgetWindow"):
                    who = f"{who} {watched.objectName()}"
                events.append((time.perf_counter(), event.type(), who))
                return False

        self._filter = Arrivals(app)  # type: ignore[arg-type]
        app.installEventFilter(self._filter)  # type: ignore[attr-defined]

    def _sample(self) -> None:
        while not self._stop.wait(self.every_s):
            stack = self._stack()
            if stack is not None:
                self._samples.append((time.perf_counter(), stack))

    def _stack(self) -> tuple[Frame, ...] | None:
        # no frame outlives this call: a frame held here after the UI thread has left it
        # would free its locals (Qt objects among them) on this thread
        frames = sys._current_frames()
        frame = frames.get(self._target)
        del frames
        try:
            return None if frame is None else self._own_frames(frame)
        finally:
            del frame

    def _own_frames(self, frame: FrameType | None) -> tuple[Frame, ...]:
        """The app's own frames, outermost first."""
        found = []
        while frame is not None:
            path = frame.f_code.co_filename
            if self.root in path:
                found.append((path, frame.f_code.co_qualname))
            frame = frame.f_back
        return tuple(reversed(found))

    def clear(self) -> None:
        """Forget what was sampled (before the next measured run)."""
        self.gaps.clear()
        self._samples.clear()
        self._events.clear()
        self._stop.clear()
        self._thread = threading.Thread(target=self._sample, name="stall-trace", daemon=True)

    def gap(self, start_s: float, end_s: float, phase: str) -> None:
        """A gap in the event loop from ``start_s`` to ``end_s`` (``time.perf_counter``)."""
        picked = [stack for t, stack in list(self._samples) if start_s <= t <= end_s + 0.001]
        arrived = [e for e in self._events if start_s <= e[0] <= end_s]
        quiet = []
        ends = [e[0] for e in arrived[1:]] + [end_s] if arrived else []
        for (t, kind, who), after in zip(arrived, ends, strict=True):
            name = getattr(kind, "name", str(kind))
            quiet.append(((after - t) * 1000, f"{name} to {who}"))
        self.gaps.append(Gap((end_s - start_s) * 1000, phase, picked, quiet))

    def report(self, top: int = 5, over_ms: float = 0.0) -> list[str]:
        longest = sorted(self.gaps, key=lambda g: -g.ms)[:top]
        return [g.describe(self.root) for g in longest if g.ms >= over_ms]
