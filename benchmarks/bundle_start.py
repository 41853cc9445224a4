"""Start time of the bundled app against the same app run from the venv, in one run.

    python benchmarks/bundle_start.py [--runs N] [--bundle PATH]

Two measurements, each in fresh processes, alternating bundle and venv, after one
discarded warm-up of each (so both read from a warm disk cache); the median is reported:

- self-test: ``hamstring-app --self-test`` (start Qt, create and migrate a database, fill
  it with the demo story, build and show the main window off screen, quit);
- window: ``hamstring-app --demo`` until its main window is mapped on an X display (found
  with xdotool), then the process is stopped. Needs xdotool and a display; when DISPLAY is
  not set and Xvfb is installed, a private Xvfb is started for the run.

The venv side is ``python -m hamstring_app`` with this interpreter (what ``make run`` starts).
Build the bundle first with ``make dist``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "dist" / "hamstring-coach" / "hamstring-app"
WINDOW_TIMEOUT = 60.0


def self_test_seconds(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run([*cmd, "--self-test"], capture_output=True, text=True, env=env,
                          timeout=180, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} --self-test failed:\n{proc.stdout}{proc.stderr}")
    return elapsed


def window_seconds(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``cmd --demo`` until a visible window of its process exists."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen([*cmd, "--demo"], env=env, stdout=subprocess.DEVNULL,
                                stderr=errors)
        try:
            while time.perf_counter() - started < WINDOW_TIMEOUT:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid),
                     "--name", "Hamstring Coach"],
                    capture_output=True, text=True, env=env, check=False,
                )
                if found.stdout.strip():
                    return time.perf_counter() - started
                if proc.poll() is not None:
                    errors.seek(0)
                    tail = errors.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{cmd[0]} --demo exited with {proc.returncode}:\n{tail}")
                time.sleep(0.02)
            raise RuntimeError(f"no window from {cmd[0]} within {WINDOW_TIMEOUT:.0f} s")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def compare(
    name: str,
    measure: Callable[[list[str], dict[str, str]], float],
    bundle: list[str],
    venv: list[str],
    env: dict[str, str],
    runs: int,
) -> None:
    measure(bundle, env)  # warm-up, discarded
    measure(venv, env)
    times: dict[str, list[float]] = {"bundle": [], "venv": []}
    for _ in range(runs):
        times["bundle"].append(measure(bundle, env))
        times["venv"].append(measure(venv, env))
    b = statistics.median(times["bundle"])
    v = statistics.median(times["venv"])
    print(f"{name}:")
    print(f"  bundle  median {b:6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in times['bundle'])})")
    print(f"  venv    median {v:6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in times['venv'])})")
    print(f"  ratio bundle / venv = {b / v:.2f}")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if shutil.which("Xvfb") is None:
        return None
    for number in range(90, 110):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        # -noreset: without it Xvfb resets when its last client leaves, and the next
        # program to start in that moment cannot connect
        proc = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return proc, display
            time.sleep(0.05)
        proc.terminate()
        proc.wait()
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each (default 5)")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE,
                        help="the bundled executable (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.bundle.is_file():
        print(f"skipped: no bundle at {args.bundle} (run `make dist` first)")
        return 0
    bundle = [str(args.bundle)]
    venv = [sys.executable, "-m", "hamstring_app"]

    with tempfile.TemporaryDirectory(prefix="hamstring-bench-") as home:
        # Never touch real data or settings: every run gets a throwaway home and data folder.
        base_env = {**os.environ, "HOME": home, "XDG_DATA_HOME": f"{home}/data",
                    "XDG_CONFIG_HOME": f"{home}/config", "HAMSTRING_COACH_DATA": f"{home}/app"}
        print(f"bundle: {args.bundle}\nvenv:   {' '.join(venv)}\nruns:   {args.runs} each\n")

        offscreen = {k: v for k, v in base_env.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
        offscreen["QT_QPA_PLATFORM"] = "offscreen"
        compare("self-test (off screen)", self_test_seconds, bundle, venv, offscreen, args.runs)

        if shutil.which("xdotool") is None:
            print("\nwindow: skipped (xdotool is not installed)")
            return 0
        xvfb = None
        display = os.environ.get("DISPLAY")
        if not display:
            xvfb = start_xvfb()
            if xvfb is None:
                print("\nwindow: skipped (no DISPLAY and no Xvfb)")
                return 0
            display = xvfb[1]
        try:
            on_screen = {k: v for k, v in base_env.items() if k != "QT_QPA_PLATFORM"}
            on_screen["DISPLAY"] = display
            on_screen["QT_QPA_PLATFORM"] = "xcb"
            print()
            compare(f"window mapped (--demo, display {display})", window_seconds, bundle, venv,
                    on_screen, args.runs)
        finally:
            if xvfb is not None:
                xvfb[0].terminate()
                xvfb[0].wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
