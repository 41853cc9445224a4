"""Reading the library's TOML: a table whose keys are checked for type as they are read and
whose unknown keys are refused, and :class:`LibraryError`, which names the file and the
entry of each problem."""

from __future__ import annotations

import tomllib
from collections.abc import Callable

from hamstring_app.core.models import ValidationError


class LibraryError(ValueError):
    """A shipped resource file is wrong. The message names the file and the entry."""

    def __init__(self, file: str, entry: str, message: str) -> None:
        where = f"{file}, {entry}" if entry else file
        super().__init__(f"{where}: {message}")
        self.file = file
        self.entry = entry
        self.message = message


class _Table:
    """Reads one TOML table, checking types, and reports unknown keys at the end."""

    def __init__(self, data: object, file: str, entry: str, prefix: str = "") -> None:
        if not isinstance(data, dict):
            raise LibraryError(file, entry, f"{prefix}must be a table of keys and values")
        self.data = data
        self.file = file
        self.entry = entry
        self.prefix = prefix  # e.g. "dose for phase 3 "
        self.used: set[str] = set()

    def fail(self, message: str) -> LibraryError:
        return LibraryError(self.file, self.entry, self.prefix + message)

    def _get(self, key: str, required: bool) -> object:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.fail(f"'{key}' is missing")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"'{key}' must be non-empty text, not {value!r}")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' must be non-empty text, not {value!r}")
        return value

    def integer(self, key: str, *, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"'{key}' must be a whole number, not {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false, not {value!r}")
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"'{key}' must be a list of texts")
        return tuple(value)

    def integers(self, key: str) -> tuple[int, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise self.fail(f"'{key}' must be a list of whole numbers")
        return tuple(value)

    def tables(self, key: str) -> list[object]:
        value = self._get(key, True)
        if not isinstance(value, list) or not value:
            raise self.fail(f"'{key}' must be a non-empty list of tables")
        return value

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(f"unknown key {', '.join(repr(k) for k in unknown)}")


def _parse(text: str, file: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LibraryError(file, "", f"is not valid TOML ({exc})") from None


def _build(table: _Table, what: str, factory: Callable[[], object]) -> object:
    try:
        return factory()
    except ValidationError as exc:
        raise table.fail(f"{what}{exc.field} {exc.message}".strip()) from None

