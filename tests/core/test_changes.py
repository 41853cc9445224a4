from __future__ import annotations

from datetime import date

from hamstring_app.core.changes import PER_DAY, Changes, Kind

D1 = date(2026, 3, 1)
D2 = date(2026, 3, 2)


def test_of_and_none():
    changes = Changes.of(Kind.RUN, days=[D1])
    assert changes.kinds == {Kind.RUN} and changes.days == {D1} and not changes.whole
    assert changes
    assert not Changes.none()
    assert Changes.none() == Changes()


def test_everything_names_every_kind_and_touches_anything():
    changes = Changes.everything()
    assert changes.whole and changes.kinds == set(Kind)
    assert changes.touches({Kind.SETTINGS})
    assert changes.touches(())  # even a kind added later that it could not list


def test_union_adds_kinds_and_days():
    both = Changes.of(Kind.CHECKIN, days=[D1]) | Changes.of(Kind.STRENGTH, days=[D2])
    assert both == Changes(frozenset({Kind.CHECKIN, Kind.STRENGTH}), frozenset({D1, D2}))
    assert (both | Changes.everything()).whole
    assert (Changes.none() | both) == both


def test_touches():
    changes = Changes.of(Kind.PROFILE)
    assert changes.touches({Kind.PROFILE, Kind.RUN})
    assert not changes.touches({Kind.RUN})


def test_kinds_are_strings_and_per_day_is_a_subset():
    assert Kind.CHECKIN == "checkin"
    assert set(Kind) > PER_DAY

