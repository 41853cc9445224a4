"""The packaging recipes: files parse, point at things that exist, and the scripts work."""

from __future__ import annotations

import ast
import configparser
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / "hamstring-coach.desktop"
METAINFO = LINUX / "io.github.hamstringcoach.HamstringCoach.metainfo.xml"
INSTALL = LINUX / "install.sh"
SPEC = PACKAGING / "hamstring-coach.spec"

sys.path.insert(0, str(PACKAGING))
import bundle_contents  # noqa: E402
import make_icons  # noqa: E402
import trim_icu  # noqa: E402


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


# --------------------------------------------------------------------------- Linux desktop files


def test_desktop_file_parses_and_starts_the_gui_script():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Hamstring Coach"
    assert entry["Exec"] == "hamstring-app"
    assert entry["Icon"] == "hamstring-coach"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^hamstring-app = "hamstring_app\.cli:main"', pyproject, re.MULTILINE)


def test_desktop_file_name_matches_the_app_id_qt_reports():
    # QGuiApplication.setDesktopFileName(APP_ID) is how Wayland links the window to the entry
    from hamstring_app import APP_ID

    assert DESKTOP.stem == APP_ID


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed")
def test_desktop_file_passes_desktop_file_validate():
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_metainfo_parses_and_links_the_desktop_file():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("name") == desktop_entry()["Name"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert root.find("provides/binary").text == desktop_entry()["Exec"]
    assert root.find("description/p") is not None


def test_metainfo_release_is_the_package_version():
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["version"]
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "list at least the current release"
    assert releases[0].get("version") == version
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_passes_appstreamcli_validate():
    proc = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --------------------------------------------------------------------------- install.sh


def test_install_script_is_valid_bash():
    proc = subprocess.run(["bash", "-n", str(INSTALL)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert os.access(INSTALL, os.X_OK), "install.sh must be executable"


def fake_unpacked_tarball(folder: Path) -> Path:
    """The layout build_linux.py packs, with a stand-in program."""
    top = folder / "hamstring-coach-0.1.0-linux-x86_64"
    (top / "app" / "_internal").mkdir(parents=True)
    exe = top / "app" / "hamstring-app"
    exe.write_text("#!/bin/sh\necho fake\n")
    exe.chmod(0o755)
    (top / "share" / "applications").mkdir(parents=True)
    shutil.copy(DESKTOP, top / "share" / "applications")
    (top / "share" / "metainfo").mkdir(parents=True)
    shutil.copy(METAINFO, top / "share" / "metainfo")
    icon = top / "share" / "icons" / "hicolor" / "48x48" / "apps" / "hamstring-coach.png"
    icon.parent.mkdir(parents=True)
    icon.write_bytes(b"png")
    shutil.copy(INSTALL, top / "install.sh")
    return top


def run_install(top: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["bash", str(top / "install.sh"), *args], capture_output=True,
                          text=True, env=env, check=False)


def test_install_upgrade_and_uninstall_keep_the_users_data(tmp_path):
    top = fake_unpacked_tarball(tmp_path / "download")
    home = tmp_path / "home"
    data = home / ".local" / "share" / "hamstring-coach"
    data.mkdir(parents=True)
    (data / "hamstring-coach.sqlite3").write_bytes(b"precious")
    local = home / ".local"

    first = run_install(top, home)
    assert first.returncode == 0, first.stderr
    link = local / "bin" / "hamstring-app"
    assert link.is_symlink()
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "fake\n"
    entry = (local / "share" / "applications" / "hamstring-coach.desktop").read_text()
    assert f"Exec={local}/lib/hamstring-coach/hamstring-app" in entry
    assert (local / "share" / "metainfo" / METAINFO.name).is_file()
    assert (local / "share/icons/hicolor/48x48/apps/hamstring-coach.png").is_file()
    assert "not on your PATH" in first.stdout

    # an upgrade replaces the program and drops files the new version no longer has
    stale = local / "lib" / "hamstring-coach" / "_internal" / "old.so"
    stale.write_bytes(b"old")
    assert run_install(top, home).returncode == 0
    assert not stale.exists()
    assert not list((local / "lib").glob("hamstring-coach.*"))  # no staging left behind

    gone = run_install(top, home, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not link.exists() and not (local / "lib" / "hamstring-coach").exists()
    assert not (local / "share" / "applications" / "hamstring-coach.desktop").exists()
    assert not (local / "share/icons/hicolor/48x48/apps/hamstring-coach.png").exists()
    assert (data / "hamstring-coach.sqlite3").read_bytes() == b"precious"
    assert str(data) in gone.stdout


def test_install_refuses_without_the_program(tmp_path):
    top = fake_unpacked_tarball(tmp_path / "download")
    shutil.rmtree(top / "app")
    proc = run_install(top, tmp_path / "home")
    assert proc.returncode == 1
    assert "hamstring-app is missing" in proc.stderr


# --------------------------------------------------------------------------- the spec


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_spec_is_python_and_its_files_exist():
    tree = spec_tree()
    text = SPEC.read_text(encoding="utf-8")
    # every HERE / "x" / ROOT / "x" path the spec names
    for match in re.finditer(r'(HERE|ROOT)((?:\s*/\s*"[^"]+")+)', text):
        base = PACKAGING if match.group(1) == "HERE" else ROOT
        parts = re.findall(r'"([^"]+)"', match.group(2))
        path = base.joinpath(*parts)
        assert path.exists(), f"the spec names {path}, which does not exist"
    calls = {node.func.id for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls


def test_spec_ships_resources_and_migrations_as_data():
    text = SPEC.read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "hamstring_app/resources")' in text
    assert ('(str(ROOT / "hamstring_app" / "store" / "migrations"), '
            '"hamstring_app/store/migrations")') in text
    assert (ROOT / "hamstring_app" / "store" / "migrations" / "env.py").is_file()
    assert list((ROOT / "hamstring_app" / "store" / "migrations" / "versions").glob("*.py"))
    # the data folder is what store/db_schema.py reads at run time
    schema = (ROOT / "hamstring_app" / "store" / "db_schema.py").read_text(encoding="utf-8")
    assert 'Path(__file__).resolve().parent / "migrations"' in schema


def test_spec_version_comes_from_package_metadata():
    text = SPEC.read_text(encoding="utf-8")
    assert 'VERSION = version("hamstring-coach")' in text
    assert 'copy_metadata("hamstring-coach")' in text


def test_info_plist_template_fills_in_to_a_valid_plist():
    template = (PACKAGING / "macos" / "Info.plist").read_text(encoding="utf-8")
    assert "@VERSION@" in template and "@BUNDLE_ID@" in template
    info = plistlib.loads(template.replace("@VERSION@", "1.2.3")
                          .replace("@BUNDLE_ID@", "io.example.App").encode())
    assert info["CFBundleShortVersionString"] == "1.2.3"
    assert info["CFBundleIdentifier"] == "io.example.App"
    assert info["NSHighResolutionCapable"] is True


def test_inno_setup_script_installs_per_user_and_points_at_the_bundle():
    iss = (PACKAGING / "windows" / "hamstring-coach.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert "{autoprograms}" in iss  # start-menu entry
    assert '#define AppExe "hamstring-app.exe"' in iss
    assert re.search(r"AppId=\{\{[0-9A-F-]{36}\}", iss)
    # never deletes the user data folder (%LOCALAPPDATA%\hamstring-coach)
    assert "localappdata}\\hamstring-coach" not in iss.lower().split("[uninstalldelete]")[-1]


def test_shell_scripts_are_valid_bash():
    for script in (PACKAGING / "macos" / "make_dmg.sh", INSTALL):
        proc = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True,
                              check=False)
        assert proc.returncode == 0, f"{script}: {proc.stderr}"


# --------------------------------------------------------------------------- bundle contents


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
        ("libcups.so.2", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt6Quick.dll", False),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
        ("PySide6/Qt/lib/libavcodec.so.63", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/qml/QtQuick/qmldir", False),
        ("libssl.so.3", False),
        ("libcrypto-3-x64.dll", False),
        ("libpulse.so.0", False),
        ("libfontconfig.so.1", False),
        ("libxcb-cursor.so.0", True),
        ("libk5crypto.so.3", True),
        ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("pyqtgraph/icons/peegee/peegee_512px.png", False),
        ("pyqtgraph/icons/invisibleEye.svg", True),
        ("hamstring_app/resources/icons/hamstring-coach.svg", True),
        ("hamstring_app/store/migrations/versions/0001_initial_schema.py", True),
    ],
)
def test_bundle_keeps_only_what_the_app_uses(dest, kept):
    assert bundle_contents.keep(dest) is kept
    assert bundle_contents.keep(dest.replace("/", "\\")) is kept


def test_modules_the_app_imports_are_never_excluded():
    excluded = set(bundle_contents.EXCLUDED_MODULES)
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg",
            "PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "PySide6.QtOpenGL",
            "PySide6.QtOpenGLWidgets", "PySide6.QtTest", "hashlib", "sqlite3", "numpy"}
    assert used.isdisjoint(excluded)
    sources = "\n".join(p.read_text(encoding="utf-8")
                        for p in (ROOT / "hamstring_app").rglob("*.py"))
    for module in excluded:
        assert not re.search(rf"^\s*(import|from) {re.escape(module)}\b", sources, re.MULTILINE), (
            f"the app imports {module}, which the bundle excludes"
        )


# --------------------------------------------------------------------------- icons


def test_ico_and_icns_writers_produce_well_formed_files():
    pngs = {16: b"\x89PNG sixteen", 32: b"\x89PNG thirty-two", 256: b"\x89PNG big"}
    ico = make_icons.ico_bytes(pngs)
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 3)
    for index, size in enumerate(sorted(pngs)):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index])
        assert width == (0 if size == 256 else size)
        assert ico[offset : offset + length] == pngs[size]
    icns = make_icons.icns_bytes(pngs)
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"icp4" in icns and b"ic08" in icns


def test_icons_render_from_the_svg(tmp_path):
    pytest.importorskip("PySide6.QtSvg")
    make_icons.write_icons(tmp_path)
    for size in make_icons.PNG_SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "hamstring-coach.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (size, size)
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "hamstring-coach.svg").is_file()
    assert (tmp_path / "hamstring-coach.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (tmp_path / "hamstring-coach.icns").read_bytes()[:4] == b"icns"


# --------------------------------------------------------------------------- ICU trimming

PYSIDE_ICU = sorted(
    Path(sys.prefix).glob("lib/python3*/site-packages/PySide6/Qt/lib/libicudata.so.*")
)


def test_icu_trim_keeps_what_qt_uses_and_drops_the_rest():
    names = ["af.res", "coll/de.res", "coll/ucadata.icu", "zone/en.res", "uprops.icu",
             "unit/de.res", "curr/fr.res", "lang/en.res", "region/ja.res", "translit/el.res",
             "rbnf/en.res", "brkitr/cjdict.dict", "brkitr/line.brk", "ibm-943_P15A-2003.cnv"]
    removed = set(trim_icu.items_to_remove(names))
    assert removed == {"unit/de.res", "curr/fr.res", "lang/en.res", "region/ja.res",
                       "translit/el.res", "rbnf/en.res", "brkitr/cjdict.dict",
                       "ibm-943_P15A-2003.cnv"}


@pytest.mark.skipif(not PYSIDE_ICU or shutil.which("icupkg") is None
                    or shutil.which("cc") is None,
                    reason="needs the PySide6 Linux wheel, icupkg and a C compiler")
def test_icu_trim_rebuilds_a_smaller_library_with_the_same_symbol(tmp_path):
    lib = tmp_path / PYSIDE_ICU[0].name
    shutil.copyfile(PYSIDE_ICU[0], lib)
    original = trim_icu.find_data_symbol(lib)
    before, after = trim_icu.trim(lib)
    assert after < before / 2
    trimmed = trim_icu.find_data_symbol(lib)
    assert trimmed.name == original.name
    data = lib.read_bytes()[trimmed.offset : trimmed.offset + trimmed.size]
    assert data[2:4] == b"\xda\x27" and b"CmnD" in data[:32]  # an ICU common-data package
    with pytest.raises(trim_icu.TrimSkipped):
        trim_icu.trim(lib)  # a second pass finds nothing left to remove
