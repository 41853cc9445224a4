"""What a write changed: which kinds of record, on which days (Anki's OpChanges idea).

Every operation (``hamstring_app.store.operations``) builds one of these itself, side
effects included, and the app's one runner (``hamstring_app.ui.ops``) hands it to the
history cache and to every tab. Pure Python, so the store and core can build them too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    """A kind of stored record. Add a member for a new table; the history cache reloads
    everything for a kind it does not know, so a new kind is safe before it is taught."""

    PROFILE = "profile"
    CHECKIN = "checkin"
    RUN = "run"
    STRENGTH = "strength"
    SETTINGS = "settings"
    EPISODE = "episode"  # injury episodes (follow the profile's injury start)
    ASSESSMENT = "assessment"  # "assessed by a professional" records


#: kinds whose records belong to a day: a change to them names the days it touched
PER_DAY: frozenset[Kind] = frozenset({Kind.CHECKIN, Kind.RUN, Kind.STRENGTH})


@dataclass(frozen=True)
class Changes:
    """The kinds and days one operation touched.

    ``whole`` (made by :meth:`everything`) says "assume anything may have changed" (an
    import, a restore): the cache reads the whole history again and every tab refreshes.
    A per-day kind given without days means the same for that kind.
    """

    kinds: frozenset[Kind] = frozenset()
    days: frozenset[date] = frozenset()
    whole: bool = False

    @classmethod
    def of(cls, *kinds: Kind, days: Iterable[date] = ()) -> Changes:
        return cls(frozenset(kinds), frozenset(days))

    @classmethod
    def everything(cls) -> Changes:
        """Anything may have changed (bulk work: an import, a restore)."""
        return cls(frozenset(Kind), frozenset(), whole=True)

    @classmethod
    def none(cls) -> Changes:
        """Nothing changed (an operation that found nothing to do)."""
        return cls()

    def __bool__(self) -> bool:
        return self.whole or bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        """Both changes at once (an operation with a side effect adds them up)."""
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            self.kinds | other.kinds,
            self.days | other.days,
            whole=self.whole or other.whole,
        )

    def touches(self, kinds: Iterable[Kind]) -> bool:
        """Whether any of ``kinds`` may have changed (always, for ``whole``)."""
        return self.whole or not self.kinds.isdisjoint(kinds)

