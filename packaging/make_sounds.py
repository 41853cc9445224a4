"""Writes the session's audio cues to resources/sounds/ as small 16-bit mono WAV files.

Each cue is a few soft sine tones (with a touch of the octave for warmth) shaped by a
raised-cosine fade in and out, so nothing clicks. Only the standard library is used, and the
output is the same byte for byte on every run. Run from the project root:

    python packaging/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44_100
VOLUME = 0.7  # of full scale before the decay: audible from across a room, never harsh
FADE_S = 0.012

# name -> notes as (frequency Hz, seconds, relative loudness); frequency 0 is a short gap
CUES: dict[str, list[tuple[float, float, float]]] = {
    "tick": [(1046.5, 0.05, 0.6)],  # C6, a short click-like pip
    "get_ready": [(523.25, 0.14, 0.8), (0, 0.06, 0), (659.25, 0.18, 0.8)],  # C5 E5
    "go": [(783.99, 0.10, 0.9), (1046.5, 0.26, 1.0)],  # G5 C6, rising
    "half_way": [(659.25, 0.16, 0.7), (0, 0.05, 0), (659.25, 0.16, 0.7)],  # E5 E5
    "last_three": [(880.0, 0.09, 0.8), (0, 0.07, 0), (880.0, 0.09, 0.8), (0, 0.07, 0),
                   (880.0, 0.09, 0.8)],  # A5 x3: "nearly there"
    "done": [(1046.5, 0.12, 0.9), (783.99, 0.12, 0.9), (523.25, 0.32, 0.9)],  # C6 G5 C5
    "rest_over": [(587.33, 0.12, 0.8), (783.99, 0.12, 0.8), (987.77, 0.24, 0.9)],  # D5 G5 B5
}


def _note(freq: float, seconds: float, loudness: float) -> list[float]:
    n = round(RATE * seconds)
    if freq <= 0:
        return [0.0] * n
    fade = min(round(RATE * FADE_S), n // 2)
    out = []
    for i in range(n):
        t = i / RATE
        sample = math.sin(2 * math.pi * freq * t) + 0.18 * math.sin(4 * math.pi * freq * t)
        if i < fade:
            sample *= 0.5 - 0.5 * math.cos(math.pi * i / fade)
        elif i >= n - fade:
            sample *= 0.5 - 0.5 * math.cos(math.pi * (n - 1 - i) / fade)
        # a gentle decay so each note rings rather than buzzes
        sample *= math.exp(-2.2 * t / max(seconds, 1e-6))
        out.append(sample * loudness / 1.18)
    return out


def render(notes: list[tuple[float, float, float]]) -> bytes:
    samples: list[float] = []
    for freq, seconds, loudness in notes:
        samples.extend(_note(freq, seconds, loudness))
    samples.extend([0.0] * round(RATE * 0.02))  # a little silence at the end
    peak = 32767 * VOLUME
    return b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * peak)) for s in samples)


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, notes in CUES.items():
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(render(notes))
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    folder = Path(argv[1]) if len(argv) > 1 else root / "resources" / "sounds"
    for path in write_all(folder):
        with wave.open(str(path), "rb") as check:
            seconds = check.getnframes() / check.getframerate()
        print(f"{path.relative_to(root) if path.is_relative_to(root) else path}: {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
