"""A click track at a cadence: beat times, and a small WAV file written with the stdlib.

One minute at the target has exactly ``spm`` evenly spaced beats, so it loops without a
seam on any player. With a ramp, the tempo rises evenly from ``start_spm`` to the target
over the ramp minutes (each beat placed where the running tempo puts it), then one minute at
the target follows. 8-bit mono PCM at 11,025 samples a second keeps it small
(about 0.66 MB a minute).
"""

from __future__ import annotations

import math
import os
import wave
from collections.abc import Iterator
from pathlib import Path

from hamstring_app.core.rules import thresholds as T

CLICK_SECONDS = 0.02
CLICK_HZ = 2000.0


def ramp_start(target_spm: int) -> int:
    """Where a ramp starts: CADENCE_RAMP_PCT below the target."""
    return round(target_spm / (1 + T.CADENCE_RAMP_PCT / 100.0))


def beat_times(
    target_spm: int, *, start_spm: int | None = None, ramp_minutes: float = 0.0
) -> list[float]:
    """Seconds of every beat: the ramp (if any), then exactly one minute at the target."""
    if not 30 <= target_spm <= 300:
        raise ValueError(f"the cadence must be 30-300 steps a minute, not {target_spm}")
    out: list[float] = []
    ramp_s = 0.0
    if start_spm is not None and ramp_minutes > 0:
        a = start_spm / 60.0  # beats a second at the start
        b = target_spm / 60.0
        ramp_s = ramp_minutes * 60.0
        slope = (b - a) / ramp_s
        # phase(t) = a t + slope t^2 / 2; beat k where phase = k
        total = a * ramp_s + slope * ramp_s * ramp_s / 2
        k = 0
        while k < total:
            t = k / a if abs(slope) < 1e-12 else (-a + math.sqrt(a * a + 2 * slope * k)) / slope
            out.append(t)
            k += 1
        # the target minute starts one target beat after the ramp's last beat
        ramp_s = (out[-1] + 1.0 / b) if out else 0.0
    step = 60.0 / target_spm
    out.extend(ramp_s + n * step for n in range(target_spm))
    return out


def duration_s(times: list[float], target_spm: int) -> float:
    """The track's length: one target beat after its last beat (so the end loops)."""
    return (times[-1] + 60.0 / target_spm) if times else 60.0


def _click(rate: int, volume: float) -> bytes:
    n = int(rate * CLICK_SECONDS)
    samples = bytearray()
    for s in range(n):
        env = math.exp(-6.0 * s / n)
        x = math.sin(2 * math.pi * CLICK_HZ * s / rate) * env * volume
        samples.append(max(0, min(255, round(128 + 127 * x))))
    return bytes(samples)


def _pcm(times: list[float], total_s: float, rate: int, volume: float) -> Iterator[bytes]:
    click = _click(rate, volume)
    total = round(total_s * rate)
    pos = 0
    silence = b"\x80"
    for t in times:
        start = round(t * rate)
        if start > pos:
            yield silence * (start - pos)
            pos = start
        chunk = click[: max(0, total - pos)]
        yield chunk
        pos += len(chunk)
    if total > pos:
        yield silence * (total - pos)


def write_click_track(
    path: Path,
    target_spm: int,
    *,
    start_spm: int | None = None,
    ramp_minutes: float = 0.0,
    volume: float = 0.8,
    rate: int = T.CLICK_TRACK_RATE,
) -> float:
    """Write the track to ``path`` (WAV) and return its length in seconds."""
    if ramp_minutes > T.CLICK_TRACK_MAX_RAMP_MINUTES:
        raise ValueError(f"a ramp of at most {T.CLICK_TRACK_MAX_RAMP_MINUTES} minutes")
    times = beat_times(target_spm, start_spm=start_spm, ramp_minutes=ramp_minutes)
    total = duration_s(times, target_spm)
    part = path.with_name(path.name + ".part")  # a failed write never leaves half a file
    try:
        with open(part, "wb") as f, wave.open(f, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(1)
            w.setframerate(rate)
            for chunk in _pcm(times, total, rate, max(0.0, min(1.0, volume))):
                w.writeframes(chunk)
        os.replace(part, path)
    finally:
        if part.exists():
            part.unlink()
    return total
