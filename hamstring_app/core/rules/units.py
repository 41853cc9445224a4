"""Distances in words, in the runner's own units.

Only text uses this: the numbers in Advice.why stay in km under their *_km keys.
"""

from __future__ import annotations

from hamstring_app.core.models import KM_PER_MILE, Profile, Units


def distance_text(km: float, units: Units) -> str:
    """A distance given in km, as "15.4 km" or "9.6 mi" to one decimal."""
    if units is Units.MILES:
        return f"{km / KM_PER_MILE:.1f} mi"
    return f"{km:.1f} km"


def units_of(profile: Profile | None) -> Units:
    """The profile's units; km when there is no profile."""
    return profile.units if profile is not None else Units.KM
