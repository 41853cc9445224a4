"""The click track: decoded, it has the right number of beats for its length and tempo."""

from __future__ import annotations

import itertools
import wave

import pytest

from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.runplan.clicktrack import beat_times, ramp_start, write_click_track


def decode_onsets(path) -> tuple[list[float], float, int]:
    """Start times (s) of the clicks: a sample far from silence after a quiet stretch."""
    with wave.open(str(path), "rb") as w:
        rate, n = w.getframerate(), w.getnframes()
        assert (w.getnchannels(), w.getsampwidth()) == (1, 1)
        data = w.readframes(n)
    onsets, quiet = [], rate  # quiet: samples since the last loud one
    for i, v in enumerate(data):
        loud = abs(v - 128) > 20
        if loud and quiet > rate * 0.05:
            onsets.append(i / rate)
        quiet = 0 if loud else quiet + 1
    return onsets, n / rate, rate


@pytest.mark.parametrize("spm", [160, 175, 182])
def test_one_minute_loop_has_spm_beats_evenly_spaced(tmp_path, spm):
    path = tmp_path / "loop.wav"
    length = write_click_track(path, spm)
    onsets, seconds, _rate = decode_onsets(path)
    assert length == pytest.approx(60.0) and seconds == pytest.approx(60.0, abs=0.001)
    assert len(onsets) == spm
    gaps = [b - a for a, b in itertools.pairwise(onsets)]
    assert max(gaps) - min(gaps) < 0.002
    # loops without a seam: the last gap to the end equals the others
    assert seconds - onsets[-1] + onsets[0] == pytest.approx(60.0 / spm, abs=0.002)
    assert path.stat().st_size < 700_000  # so 30 minutes of looping costs under 5 MB


def test_a_ramp_rises_from_the_usual_cadence_to_the_target(tmp_path):
    target, minutes = 175, 2
    start = ramp_start(target)
    assert start == 167  # 5% below
    path = tmp_path / "ramp.wav"
    length = write_click_track(path, target, start_spm=start, ramp_minutes=minutes)
    onsets, seconds, _rate = decode_onsets(path)
    expected = beat_times(target, start_spm=start, ramp_minutes=minutes)
    assert len(onsets) == len(expected)
    # about the mean tempo over the ramp, then exactly one minute at the target
    ramp_beats = len(expected) - target
    assert ramp_beats == pytest.approx((start + target) / 2 * minutes, abs=1)
    early = onsets[1] - onsets[0]
    late = onsets[-1] - onsets[-2]
    assert early == pytest.approx(60 / start, abs=0.003)
    assert late == pytest.approx(60 / target, abs=0.003)
    assert seconds == pytest.approx(length, abs=0.001)


def test_the_longest_ramp_file_stays_under_5_mb(tmp_path):
    path = tmp_path / "long.wav"
    write_click_track(path, 180, start_spm=171, ramp_minutes=T.CLICK_TRACK_MAX_RAMP_MINUTES)
    assert path.stat().st_size < 5 * 1024 * 1024
    with pytest.raises(ValueError):
        write_click_track(path, 180, start_spm=171, ramp_minutes=30)
