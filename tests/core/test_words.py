"""Counts in words outside the windows: singular for one, plural for every other number."""

from hamstring_app.core.words import count_of


def test_one_is_singular_and_every_other_count_plural():
    assert count_of(1, "run") == "1 run"
    assert count_of(0, "run") == "0 runs"
    assert count_of(2, "check-in") == "2 check-ins"
    assert count_of(11, "strength session") == "11 strength sessions"


def test_an_irregular_plural_is_used_as_given():
    assert count_of(1, "day of rest", "days of rest") == "1 day of rest"
    assert count_of(3, "day of rest", "days of rest") == "3 days of rest"
