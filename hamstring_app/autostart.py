"""Start at login, minimised to the tray: one entry per platform, written or removed.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/hamstring-coach.desktop``
  (``~/.config`` when XDG_CONFIG_HOME is unset), the freedesktop Desktop Application
  Autostart convention.
- Windows: a value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
- macOS: a LaunchAgent, ``~/Library/LaunchAgents/<app id>.plist``, run at load.

Off by default: nothing is written until the runner turns it on, and turning it off
removes what was written. No Qt here: the settings dialog calls :func:`for_this_system`.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from hamstring_app import APP_ID, APP_NAME

#: the argument that starts the app minimised to the tray (cli.py declares it)
MINIMIZED_ARG = "--minimized"
DESKTOP_FILE = "hamstring-coach.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command(data_dir: str | None = None) -> list[str]:
    """The command line that starts this installation minimised to the tray."""
    if getattr(sys, "frozen", False):  # the bundle: its executable is the app
        argv = [sys.executable]
    else:
        python = Path(sys.executable)
        windowed = python.with_name("pythonw.exe")  # Windows: no console window
        if sys.platform == "win32" and windowed.exists():
            python = windowed
        argv = [str(python), "-m", "hamstring_app"]
    argv.append(MINIMIZED_ARG)
    if data_dir:
        argv += ["--data-dir", data_dir]
    return argv


class Autostart(Protocol):
    """One platform's start-at-login entry."""

    def where(self) -> str:
        """Where the entry lives, in words for the settings dialog and errors."""
        ...

    def is_enabled(self) -> bool: ...

    def enable(self, argv: Sequence[str]) -> None:
        """Write (or rewrite) the entry; OSError when it cannot be written."""
        ...

    def disable(self) -> None:
        """Remove the entry if it is there; OSError when it cannot be removed."""
        ...


# --------------------------------------------------------------------------- Linux


_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_arg(arg: str) -> str:
    """One argument quoted for a desktop entry's Exec key (its quoting rules, then the
    string escapes every value gets)."""
    arg = arg.replace("%", "%%")
    if arg and not (_EXEC_RESERVED & set(arg)):
        quoted = arg
    else:
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        quoted = f'"{inner}"'
    return quoted.replace("\\", "\\\\")


def desktop_entry(argv: Sequence[str]) -> str:
    """The text of the autostart .desktop file."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Comment=Daily hamstring check-in reminder, in the system tray",
        "Exec=" + " ".join(_exec_arg(a) for a in argv),
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


class _FileEntry:
    """An entry that is one file (Linux and macOS)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def where(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def _content(self, argv: Sequence[str]) -> bytes:
        raise NotImplementedError

    def enable(self, argv: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_bytes(self._content(argv))
        os.replace(partial, self.path)  # never a half-written entry

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class XdgAutostart(_FileEntry):
    def __init__(self, env: Mapping[str, str], home: Path) -> None:
        config = env.get("XDG_CONFIG_HOME", "").strip()
        # the XDG spec: a relative XDG_CONFIG_HOME is invalid and is ignored
        base = Path(config) if config and os.path.isabs(config) else home / ".config"
        super().__init__(base / "autostart" / DESKTOP_FILE)

    def _content(self, argv: Sequence[str]) -> bytes:
        return desktop_entry(argv).encode("utf-8")


# --------------------------------------------------------------------------- macOS


class LaunchAgent(_FileEntry):
    def __init__(self, home: Path) -> None:
        super().__init__(home / "Library" / "LaunchAgents" / f"{APP_ID}.plist")

    def _content(self, argv: Sequence[str]) -> bytes:
        return plistlib.dumps({
            "Label": APP_ID,
            "ProgramArguments": list(argv),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        })


# --------------------------------------------------------------------------- Windows


def _command_line(argv: Sequence[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(list(argv))


class RunKey:
    """A value named after the app under HKCU's Run key. ``registry`` is ``winreg`` (or a
    stand-in with the same functions, for tests on other systems)."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry

    def where(self) -> str:
        return "HKEY_CURRENT_USER\\" + RUN_KEY

    def _key(self, access: int) -> Any:
        reg = self.registry
        return reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, access)

    def is_enabled(self) -> bool:
        reg = self.registry
        try:
            with self._key(reg.KEY_READ) as key:
                reg.QueryValueEx(key, APP_NAME)
        except OSError:  # FileNotFoundError: no such value
            return False
        return True

    def enable(self, argv: Sequence[str]) -> None:
        reg = self.registry
        with self._key(reg.KEY_SET_VALUE) as key:
            reg.SetValueEx(key, APP_NAME, 0, reg.REG_SZ, _command_line(argv))

    def disable(self) -> None:
        reg = self.registry
        with self._key(reg.KEY_SET_VALUE) as key, contextlib.suppress(FileNotFoundError):
            reg.DeleteValue(key, APP_NAME)


# --------------------------------------------------------------------------- choice


def for_platform(
    platform: str, env: Mapping[str, str], home: Path, registry: Any = None
) -> Autostart:
    """The entry for ``platform`` (a ``sys.platform`` value)."""
    if platform == "win32":
        if registry is None:
            import winreg as registry
        return RunKey(registry)
    if platform == "darwin":
        return LaunchAgent(home)
    return XdgAutostart(env, home)


def for_this_system() -> Autostart:
    return for_platform(sys.platform, os.environ, Path.home())
