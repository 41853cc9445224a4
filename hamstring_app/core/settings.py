"""Every user setting: its key, type and default, declared once, here.

The store keeps settings as text key/value pairs; :meth:`Settings.to_strings` and
:meth:`Settings.parse` convert both ways. Reading is forgiving: an unknown key is
ignored and a bad value falls back to its default with a warning, so a hand-edited or
newer file never stops the app from starting. Building a ``Settings`` directly is
strict: a bad value raises :class:`~hamstring_app.core.models.ValidationError`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from hamstring_app.core.models import SET_PAIN_THRESHOLD_DEFAULT, ValidationError, check_bool

log = logging.getLogger(__name__)

_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")  # used with fullmatch: no trailing newline
SESSIONS_PER_WEEK_RANGE = (2, 4)
BACKUPS_DAILY_RANGE = (1, 60)
BACKUPS_WEEKLY_RANGE = (0, 52)
MAX_PLAN_MOVES_CHARS = 2000
_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}
MAX_FOLDER_CHARS = 4096


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number from {low} to {high}, not {value!r}")
    if not low <= value <= high:
        raise ValidationError(name, f"must be from {low} to {high}, not {value}")


@dataclass(frozen=True, slots=True)
class Settings:
    reminder_enabled: bool = True  # remind me to check in each evening
    reminder_time: str = "20:00"  # HH:MM, 24-hour clock, local time
    sound_enabled: bool = True  # audio cues in guided sessions
    speech_enabled: bool = False  # spoken cues (needs text-to-speech)
    sessions_per_week: int = 3  # planned strength sessions a week
    set_pain_threshold: int = SET_PAIN_THRESHOLD_DEFAULT  # pain above this in a set offers
    # to stop or switch
    auto_backup: bool = True  # back up the data at the first start of each day
    backups_daily_kept: int = 7  # automatic backups kept: the newest this many ...
    backups_weekly_kept: int = 4  # ... then one a week for this many weeks before them
    backup_folder: str = ""  # daily and manual backups go here ("" = backups/ in the data
    # folder)
    watch_folder: str = ""  # import new runs from this folder ("" = none)
    # sessions the runner moved in the week ahead: "kind from to" entries joined by ";"
    # (core.runplan.week.moves_to_text); moves whose days have passed are ignored, and
    # dropped the next time a move is saved
    plan_moves: str = ""
    # (added last, so settings built by position keep their meaning)
    reminder_notification: bool = True  # the reminder also as a desktop notification
    tray_icon: bool = True  # an icon in the system tray (where there is one); closing the
    # window then keeps the app running there, so the reminder still comes

    def __post_init__(self) -> None:
        for name in ("reminder_enabled", "reminder_notification", "tray_icon", "sound_enabled",
                     "speech_enabled", "auto_backup"):
            check_bool(name, getattr(self, name), optional=False)
        if not isinstance(self.reminder_time, str) or not _TIME.fullmatch(self.reminder_time):
            raise ValidationError(
                "reminder_time", f"must be a time like 20:00 (HH:MM), not {self.reminder_time!r}"
            )
        _check_int("sessions_per_week", self.sessions_per_week, *SESSIONS_PER_WEEK_RANGE)
        _check_int("set_pain_threshold", self.set_pain_threshold, 0, 10)
        _check_int("backups_daily_kept", self.backups_daily_kept, *BACKUPS_DAILY_RANGE)
        _check_int("backups_weekly_kept", self.backups_weekly_kept, *BACKUPS_WEEKLY_RANGE)
        for name in ("watch_folder", "backup_folder"):
            value = getattr(self, name)
            if not isinstance(value, str) or len(value) > MAX_FOLDER_CHARS:
                raise ValidationError(name, "must be a folder path (text)")
        if not isinstance(self.plan_moves, str) or len(self.plan_moves) > MAX_PLAN_MOVES_CHARS:
            raise ValidationError(
                "plan_moves", f"must be text of at most {MAX_PLAN_MOVES_CHARS} characters"
            )

    @property
    def reminder_hour_minute(self) -> tuple[int, int]:
        hour, minute = self.reminder_time.split(":")
        return int(hour), int(minute)

    def to_strings(self) -> dict[str, str]:
        """Every setting as text, ready to store."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return out

    @classmethod
    def parse(cls, stored: Mapping[str, str]) -> tuple[Settings, list[str]]:
        """Settings from stored text, plus a plain-language warning for each value dropped."""
        settings = cls()
        warnings: list[str] = []
        for f in fields(cls):
            if f.name not in stored:
                continue
            raw = stored[f.name]
            default = getattr(settings, f.name)
            try:
                value = _convert(f.name, raw, default)
                settings = replace(settings, **{f.name: value})
            except ValidationError as exc:
                warnings.append(
                    f"The saved setting {f.name} ({raw!r}) could not be used: {exc.message}. "
                    f"Using the default, {_show(default)}, instead."
                )
        return settings, warnings

    @classmethod
    def from_strings(cls, stored: Mapping[str, str]) -> Settings:
        """Like :meth:`parse`, logging the warnings instead of returning them."""
        settings, warnings = cls.parse(stored)
        for warning in warnings:
            log.warning("%s", warning)
        return settings


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _convert(name: str, raw: object, default: object) -> object:
    if not isinstance(raw, str):
        raise ValidationError(name, f"must be stored as text, not {raw!r}")
    text = raw.strip()
    if isinstance(default, bool):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ValidationError(name, "must be true or false")
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValidationError(name, "must be a whole number") from None
    return text


SETTING_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Settings))
"""Every key, in declaration order."""
