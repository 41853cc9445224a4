"""Build the Linux bundle, check it, test it, and pack it with its installer.

    python packaging/build_linux.py [--skip-build]

1. PyInstaller builds dist/hamstring-coach/ from packaging/hamstring-coach.spec.
2. Libraries nothing in the bundle links are removed, debug symbols are stripped (see
   strip_candidates for what is left alone), and the ICU data library is trimmed to what
   Qt uses (trim_icu.py; skipped, with a note, when icupkg or a C compiler is missing).
3. Every library in the bundle must find the libraries it links (ldd), or the build fails.
4. The bundled program runs ``--version`` and ``--self-test`` off screen; either failing
   fails the build.
5. dist/hamstring-coach-<version>-linux-<arch>.tar.xz is written: the program, the menu
   entry, the AppStream file, the icons and install.sh.
6. The sizes are printed.

Run it with the Python that has the project and PyInstaller installed (``make dist`` does).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from importlib.metadata import version
from pathlib import Path

import trim_icu

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "hamstring-coach"
EXE = BUNDLE / "hamstring-app"
LINUX = HERE / "linux"
DESKTOP = "hamstring-coach.desktop"
METAINFO = "io.github.hamstringcoach.HamstringCoach.metainfo.xml"
SELF_TEST_TIMEOUT = 180
#: libraries the bundle relies on the user's system for, which the build machine may lack
HOST_ONLY = ("libwayland-", "libspeechd", "libcups")
#: Debian packages whose libraries the xcb platform plugin needs and PyInstaller copies in
XCB_PACKAGES = ("libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 "
                "libxcb-render-util0 libxkbcommon-x11-0")


class BuildError(Exception):
    pass


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def run_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError(
            "PyInstaller is not installed in this Python. Run `make dist`, or "
            "`pip install -e '.[dist]'` first."
        ) from exc
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "hamstring-coach.spec"),
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    if subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")
    print(f"    built in {time.perf_counter() - started:.0f} s")


def has_symbol_table(path: Path) -> bool:
    out = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True,
                         check=False).stdout
    return " .symtab " in out or " .debug_info " in out


def strip_candidates(bundle: Path) -> list[Path]:
    """Unstripped ELF files that are safe to strip.

    PyInstaller's own ``strip`` option is off in the spec because it strips everything:
    that corrupts libraries that auditwheel rewrote with patchelf (numpy's OpenBLAS fails
    with "ELF load command address/offset not page-aligned") and the executable, which
    carries the program's archive after its ELF image. Here both are left alone: files of a
    package that ships a sibling ``<package>.libs`` folder, and the executable itself.
    """
    internal = bundle / "_internal"
    repaired = {p.name.removesuffix(".libs") for p in internal.glob("*.libs") if p.is_dir()}
    found = []
    for path in sorted(internal.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        top = path.relative_to(internal).parts[0]
        if top.endswith(".libs") or top in repaired:
            continue
        if has_symbol_table(path):
            found.append(path)
    return found


def needed_libraries(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True,
                         check=False).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


def orphan_libraries(bundle: Path) -> list[Path]:
    """System libraries PyInstaller copied in that nothing in the bundle links any more.

    They came in as dependencies of the plugins and libraries bundle_contents.py drops
    (GTK's, GLib's). Starting points are what gets loaded by path rather than by link:
    Qt plugins, Python extension modules, libpython and the executable. Only the top level
    of _internal (where PyInstaller puts system libraries) is ever pruned.
    """
    internal = bundle / "_internal"
    elf_files = [p for p in internal.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    by_name: dict[str, list[Path]] = {}
    for path in internal.rglob("*"):
        if path.is_file():
            by_name.setdefault(path.name, []).append(path.resolve())
    roots = [bundle / "hamstring-app"] + [
        p for p in elf_files
        if "plugins" in p.parts or ".cpython-" in p.name or ".abi3." in p.name
        or p.name.startswith("libpython")
    ]
    reached: set[Path] = set()
    pending = [p.resolve() for p in roots]
    while pending:
        path = pending.pop()
        if path in reached:
            continue
        reached.add(path)
        for lib in needed_libraries(path):
            pending.extend(by_name.get(lib, []))
    return sorted(
        p for p in internal.iterdir()
        if p.is_file() and not p.is_symlink() and p.name.startswith("lib") and ".so" in p.name
        and is_elf(p) and p.resolve() not in reached
    )


def prune_orphans() -> None:
    orphans = orphan_libraries(BUNDLE)
    size = sum(p.stat().st_size for p in orphans)
    for path in orphans:
        path.unlink()
    # links that pointed at a removed library
    for link in (BUNDLE / "_internal").iterdir():
        if link.is_symlink() and not link.exists():
            link.unlink()
    names = ", ".join(p.name for p in orphans[:6]) + (" ..." if len(orphans) > 6 else "")
    print(f"    {len(orphans)} unused libraries removed ({mib(size)}): {names or 'none'}")


def strip_bundle() -> None:
    if shutil.which("strip") is None or shutil.which("readelf") is None:
        print("    skipped: binutils (strip, readelf) not installed")
        return
    saved = 0
    files = strip_candidates(BUNDLE)
    for path in files:
        before = path.stat().st_size
        proc = subprocess.run(["strip", "--strip-unneeded", str(path)], capture_output=True,
                              text=True, check=False)
        if proc.returncode != 0:
            raise BuildError(f"strip failed on {path}: {proc.stderr.strip()}")
        saved += before - path.stat().st_size
    print(f"    {len(files)} files stripped, {mib(saved)} saved")


def trim_icu_data() -> None:
    lib = trim_icu.find_icu_data(BUNDLE)
    if lib is None:
        print("    no ICU data library in the bundle")
        return
    try:
        before, after = trim_icu.trim(lib)
    except trim_icu.TrimSkipped as exc:
        print(f"    skipped: {exc}; the bundle keeps the full ICU data")
        return
    except subprocess.CalledProcessError as exc:
        raise BuildError(f"trimming the ICU data failed: {exc.stderr}") from exc
    print(f"    {lib.name}: {mib(before)} -> {mib(after)}")


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def unresolved_libraries(bundle: Path) -> dict[str, set[str]]:
    """Libraries some file in the bundle links but that neither the bundle nor the system has.

    The bundled program puts its _internal folder on the library path, so ldd is run
    the same way.
    """
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing: dict[str, set[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        out = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        ).stdout
        for line in out.splitlines():
            if "=> not found" in line:
                lib = line.split("=>")[0].strip()
                missing.setdefault(lib, set()).add(str(path.relative_to(bundle)))
    return missing


def check_libraries() -> None:
    if shutil.which("ldd") is None:
        print("    ldd not found; skipping the library check")
        return
    missing = unresolved_libraries(BUNDLE)
    # Wayland client libraries are never bundled (PyInstaller leaves them to the host, and
    # every Wayland desktop has them); speech-dispatcher comes with the desktop's speech
    # service, libcups with its printing system. Missing here, they only matter on the
    # user's machine, so just say so.
    optional = {lib for lib in missing if lib.startswith(HOST_ONLY)}
    for lib in sorted(optional):
        print(f"    note: {lib} is not on this machine (used by "
              f"{', '.join(sorted(missing[lib])[:2])}); the user's desktop provides it")
    required = {lib: users for lib, users in missing.items() if lib not in optional}
    if required:
        lines = [f"{lib} (needed by {', '.join(sorted(users)[:3])})"
                 for lib, users in sorted(required.items())]
        raise BuildError(
            "the bundle links libraries it cannot find:\n    " + "\n    ".join(lines)
            + "\nInstall them on the build machine so PyInstaller can copy them in "
            f"(for the X11 ones: sudo apt-get install -y {XCB_PACKAGES}), then rebuild."
        )
    print("    every bundled library finds what it links")


def smoke_test(expected_version: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [str(EXE), "--version"], capture_output=True, text=True, env=env, timeout=60,
        check=False,
    )
    if proc.returncode != 0 or expected_version not in proc.stdout:
        raise BuildError(
            f"`hamstring-app --version` printed {proc.stdout.strip()!r} "
            f"(exit {proc.returncode}), expected version {expected_version}\n{proc.stderr}"
        )
    print(f"    {proc.stdout.strip()}")
    started = time.perf_counter()
    proc = subprocess.run(
        [str(EXE), "--self-test"], capture_output=True, text=True, env=env,
        timeout=SELF_TEST_TIMEOUT, check=False,
    )
    for line in proc.stdout.splitlines():
        print(f"    {line}")
    if proc.returncode != 0:
        raise BuildError(f"the bundled self-test failed (exit {proc.returncode}):\n{proc.stderr}")
    print(f"    self-test took {time.perf_counter() - started:.1f} s")


def make_tarball(app_version: str) -> Path:
    arch = platform.machine() or "unknown"
    name = f"hamstring-coach-{app_version}-linux-{arch}"
    # xz, not gzip: about a quarter smaller to download (40.9 against 55.6 MiB for the
    # bundle). Packing costs more CPU (about 12x gzip's; a couple of minutes per build),
    # unpacking about twice gzip's time, once per install: worth the smaller download.
    tarball = DIST / f"{name}.tar.xz"
    icons = WORK / "hamstring-coach" / "icons" / "hicolor"
    if not icons.is_dir():
        raise BuildError(f"rendered icons not found in {icons}")
    members = [
        (BUNDLE, f"{name}/app"),
        (LINUX / "install.sh", f"{name}/install.sh"),
        (LINUX / DESKTOP, f"{name}/share/applications/{DESKTOP}"),
        (LINUX / METAINFO, f"{name}/share/metainfo/{METAINFO}"),
        (icons, f"{name}/share/icons/hicolor"),
    ]

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        if info.name.endswith("/install.sh"):
            info.mode = 0o755
        return info

    tarball.unlink(missing_ok=True)
    for old in DIST.glob(f"{name}.tar.gz"):  # a gzip tarball from an earlier build
        old.unlink()
    with tarfile.open(tarball, "w:xz", preset=6) as tar:
        for source, arcname in members:
            tar.add(source, arcname=arcname, filter=normalise)
    return tarball


def tree_size(folder: Path) -> int:
    """Bytes on disk of the regular files (links counted once, by their target)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true",
                        help="test and pack the bundle already in dist/")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("build_linux.py builds the Linux bundle; see packaging/README.md for the others.",
              file=sys.stderr)
        return 2
    app_version = version("hamstring-coach")
    try:
        if not args.skip_build:
            step(f"Building Hamstring Coach {app_version} with PyInstaller")
            run_pyinstaller()
        if not EXE.is_file():
            raise BuildError(f"{EXE} does not exist; build it first")
        step("Removing libraries nothing links")
        prune_orphans()
        step("Stripping debug symbols")
        strip_bundle()
        step("Trimming the ICU data to what Qt uses")
        trim_icu_data()
        step("Checking the bundled libraries")
        check_libraries()
        step("Running the bundled program off screen")
        smoke_test(app_version)
        step("Packing the tarball")
        tarball = make_tarball(app_version)
    except (BuildError, subprocess.TimeoutExpired) as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    print()
    print(f"Bundle:  {BUNDLE.relative_to(ROOT)}/  {mib(tree_size(BUNDLE))} uncompressed")
    print(f"Tarball: {tarball.relative_to(ROOT)}  {mib(tarball.stat().st_size)}")
    print(f"Start it: {EXE.relative_to(ROOT)}   Install it: unpack, then ./install.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
