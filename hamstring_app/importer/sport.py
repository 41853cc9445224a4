"""Which activities are runs, whatever the file or the export's language calls them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def fold(text: str) -> str:
    """Lower case, no accents, single spaces, no punctuation: for matching names."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


# Names of running activities in FIT (sport / sub_sport), TCX (Sport), GPX (<type>, free
# text) and Strava's "Activity Type" column in the languages Strava exports in.
_RUN_NAMES = {
    "running", "run", "runs", "trail run", "trail running", "trail", "virtual run",
    "treadmill", "treadmill running", "indoor running", "track", "track running",
    "street", "street running", "road running", "ultra", "ultra run", "9",
    # de, fr, es, it, nl, pt
    "lauf", "laufen", "trailrun", "trail lauf", "virtueller lauf", "laufband",
    "course a pied", "course", "course sur sentier", "course virtuelle", "tapis de course",
    "carrera", "carrera por montana", "carrera virtual", "correr", "cinta de correr",
    "corsa", "corsa su sentiero", "corsa virtuale", "tapis roulant",
    "hardlopen", "hardloop", "virtueel hardlopen", "loopband",
    "corrida", "corrida em trilha", "corrida virtual", "esteira",
}  # fmt: skip
_TREADMILL_NAMES = {
    "treadmill", "treadmill running", "indoor running", "virtual run", "laufband",
    "virtueller lauf", "tapis de course", "course virtuelle", "cinta de correr",
    "carrera virtual", "tapis roulant", "corsa virtuale", "loopband", "virtueel hardlopen",
    "esteira", "corrida virtual", "virtual activity", "indoor",
}  # fmt: skip
# Generic names that do not say which sport: the file is read as a run and says so.
_UNKNOWN = {"", "generic", "other", "unknown", "0", "all", "none", "activity"}


@dataclass(frozen=True, slots=True)
class SportCheck:
    is_run: bool
    known: bool  # False: the file did not say; read as a run
    treadmill: bool
    label: str  # what to show: "running", "trail run", "walking" ...


def classify(sport: str | None, sub_sport: str | None = None) -> SportCheck:
    """Is this a run? ``sport`` and ``sub_sport`` are the file's own words."""
    main = fold(str(sport or ""))
    sub = fold(str(sub_sport or ""))
    label = (str(sport) if sport else "").strip() or "unknown sport"
    treadmill = main in _TREADMILL_NAMES or sub in _TREADMILL_NAMES
    if main in _RUN_NAMES:
        if sub and sub not in _UNKNOWN:
            label = f"{label} ({str(sub_sport).strip()})"
        return SportCheck(True, True, treadmill, label)
    if main in _UNKNOWN:
        if sub in _RUN_NAMES:
            return SportCheck(True, True, treadmill, str(sub_sport))
        return SportCheck(True, False, treadmill, "not stated")
    return SportCheck(False, True, False, label)
