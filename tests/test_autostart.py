"""Start at login: each platform's entry written, read back and removed, in a fake home."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from hamstring_app import APP_ID, APP_NAME
from hamstring_app.autostart import (
    MINIMIZED_ARG,
    RUN_KEY,
    LaunchAgent,
    RunKey,
    XdgAutostart,
    desktop_entry,
    for_platform,
    launch_command,
)

ARGV = ["/opt/my apps/python3", "-m", "hamstring_app", MINIMIZED_ARG]


def _exec_line(text: str) -> str:
    (line,) = [x for x in text.splitlines() if x.startswith("Exec=")]
    return line[len("Exec="):]


def _unescape_exec(value: str) -> list[str]:
    """Read an Exec value back as the desktop entry spec says: the string escapes first,
    then the quoting (inside quotes a backslash takes the next character as it is), then
    %% -> %."""
    value = value.replace("\\\\", "\\")
    args: list[str] = []
    current, quoted, i = "", False, 0
    while i < len(value):
        c = value[i]
        if quoted and c == "\\":
            i += 1
            current += value[i]
        elif c == '"':
            quoted = not quoted
        elif c == " " and not quoted:
            args.append(current)
            current = ""
        else:
            current += c
        i += 1
    args.append(current)
    return [a.replace("%%", "%") for a in args]


def test_linux_entry_goes_to_xdg_config_home(tmp_path):
    home = tmp_path / "home"
    config = tmp_path / "elsewhere" / "config"
    entry = for_platform("linux", {"XDG_CONFIG_HOME": str(config)}, home)
    assert isinstance(entry, XdgAutostart)
    assert not entry.is_enabled()  # off by default: nothing written
    entry.enable(ARGV)
    path = config / "autostart" / "hamstring-coach.desktop"
    assert entry.where() == str(path)
    assert entry.is_enabled() and path.is_file()
    assert not (home / ".config").exists()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    assert "Type=Application\n" in text and f"Name={APP_NAME}\n" in text
    assert _unescape_exec(_exec_line(text)) == ARGV
    entry.disable()
    assert not path.exists() and not entry.is_enabled()
    entry.disable()  # already off: nothing to do, no error


@pytest.mark.parametrize("config", [None, "", "relative/config"])
def test_linux_entry_defaults_to_dot_config(tmp_path, config):
    env = {} if config is None else {"XDG_CONFIG_HOME": config}
    entry = for_platform("linux", env, tmp_path)
    entry.enable(ARGV)
    assert (tmp_path / ".config" / "autostart" / "hamstring-coach.desktop").is_file()


@pytest.mark.parametrize("arg", [
    "/home/ann/my data", 'say "hi"', "cost $5", "back\\slash", "100%", "tick`s", "plain",
])
def test_exec_quoting_reads_back_to_the_same_argument(arg):
    argv = ["/usr/bin/python3", "--data-dir", arg]
    assert _unescape_exec(_exec_line(desktop_entry(argv))) == argv


def test_enable_rewrites_an_existing_entry(tmp_path):
    entry = XdgAutostart({}, tmp_path)
    entry.enable(["/old/python", MINIMIZED_ARG])
    entry.enable(ARGV)
    assert _unescape_exec(_exec_line(entry.path.read_text())) == ARGV
    assert [p.name for p in entry.path.parent.iterdir()] == ["hamstring-coach.desktop"]


def test_macos_launch_agent(tmp_path):
    entry = for_platform("darwin", {}, tmp_path)
    assert isinstance(entry, LaunchAgent)
    assert not entry.is_enabled()
    entry.enable(ARGV)
    path = tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert entry.is_enabled() and path.is_file()
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"] == ARGV
    assert agent["RunAtLoad"] is True
    entry.disable()
    assert not path.exists()


class FakeRegistry:
    """The few winreg functions the Run key uses, over a dict."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ = 1
    KEY_SET_VALUE = 2
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], dict[str, tuple[int, str]]] = {}

    class _Key:
        def __init__(self, values):
            self.values = values

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def CreateKeyEx(self, root, sub, reserved, access):
        return self._Key(self.keys.setdefault((root, sub), {}))

    def QueryValueEx(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(name)
        return key.values[name]

    def SetValueEx(self, key, name, reserved, kind, value):
        key.values[name] = (value, kind)

    def DeleteValue(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(name)
        del key.values[name]


def test_windows_run_key():
    registry = FakeRegistry()
    entry = for_platform("win32", {}, Path("C:/Users/ann"), registry=registry)
    assert isinstance(entry, RunKey)
    assert entry.where().endswith(RUN_KEY)
    assert not entry.is_enabled()
    argv = [r"C:\Program Files\Python311\pythonw.exe", "-m", "hamstring_app", MINIMIZED_ARG]
    entry.enable(argv)
    assert entry.is_enabled()
    value, kind = registry.keys[("HKCU", RUN_KEY)][APP_NAME]
    assert kind == FakeRegistry.REG_SZ
    assert value == (
        r'"C:\Program Files\Python311\pythonw.exe" -m hamstring_app ' + MINIMIZED_ARG
    )
    entry.disable()
    assert not entry.is_enabled()
    entry.disable()


def test_launch_command_starts_this_python_minimised():
    argv = launch_command()
    assert argv[0] == sys.executable
    assert argv[1:] == ["-m", "hamstring_app", MINIMIZED_ARG]
    assert launch_command("/data/ann")[-2:] == ["--data-dir", "/data/ann"]


def test_launch_command_in_the_bundle(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch_command() == [sys.executable, MINIMIZED_ARG]


def test_the_command_line_accepts_the_minimized_argument():
    from hamstring_app.cli import build_parser

    for arg in (MINIMIZED_ARG, "--tray"):
        assert build_parser().parse_args([arg]).minimized is True
    assert build_parser().parse_args([]).minimized is False
