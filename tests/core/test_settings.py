"""core.settings: strict when built, forgiving when read back from storage."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hamstring_app.core.models import ValidationError
from hamstring_app.core.settings import SETTING_KEYS, Settings


def test_defaults() -> None:
    s = Settings()
    assert (s.reminder_enabled, s.reminder_time, s.sound_enabled, s.speech_enabled) == (
        True,
        "20:00",
        True,
        False,
    )
    assert (s.sessions_per_week, s.set_pain_threshold) == (3, 5)
    assert s.reminder_hour_minute == (20, 0)
    assert SETTING_KEYS[0] == "reminder_enabled" and "set_pain_threshold" in SETTING_KEYS


def test_round_trip_through_strings() -> None:
    chosen = Settings(False, "06:05", False, True, 2, 0)
    text = chosen.to_strings()
    assert text["reminder_enabled"] == "false" and text["sessions_per_week"] == "2"
    assert set(text) == set(SETTING_KEYS)
    assert Settings.from_strings(text) == chosen
    assert Settings.parse(text) == (chosen, [])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reminder_time": "24:00"}, "reminder_time"),
        ({"reminder_time": "8:00"}, "reminder_time"),
        ({"reminder_time": "20:60"}, "reminder_time"),
        ({"reminder_time": 2000}, "reminder_time"),
        ({"sessions_per_week": 1}, "sessions_per_week"),
        ({"sessions_per_week": 5}, "sessions_per_week"),
        ({"sessions_per_week": True}, "sessions_per_week"),
        ({"set_pain_threshold": 11}, "set_pain_threshold"),
        ({"set_pain_threshold": -1}, "set_pain_threshold"),
        ({"set_pain_threshold": 4.0}, "set_pain_threshold"),
        ({"reminder_enabled": "yes"}, "reminder_enabled"),
        ({"sound_enabled": None}, "sound_enabled"),
        ({"speech_enabled": 1}, "speech_enabled"),
    ],
)
def test_building_with_a_bad_value_names_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(**changes)
    assert caught.value.field == field


def test_reading_is_forgiving(caplog: pytest.LogCaptureFixture) -> None:
    stored = {
        "reminder_time": "7pm",
        "sessions_per_week": "9",
        "set_pain_threshold": "four",
        "sound_enabled": "OFF",
        "speech_enabled": "maybe",
        "from_a_newer_version": "whatever",
    }
    settings, warnings = Settings.parse(stored)
    assert settings == Settings(sound_enabled=False)
    assert len(warnings) == 4
    assert any("reminder_time" in w and "20:00" in w for w in warnings)
    assert not any("from_a_newer_version" in w for w in warnings)
    with caplog.at_level(logging.WARNING, logger="hamstring_app.core.settings"):
        assert Settings.from_strings(stored) == settings
    assert len(caplog.records) == 4
