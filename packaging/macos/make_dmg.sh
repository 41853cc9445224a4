#!/usr/bin/env bash
# Pack dist/Hamstring Coach.app into a disk image people open and drag to Applications.
#
#   packaging/macos/make_dmg.sh [VERSION]
#
# Run on macOS from the repository root after PyInstaller has built the .app
# (pyinstaller --noconfirm packaging/hamstring-coach.spec). Writes
# dist/hamstring-coach-<VERSION>-macos-<arch>.dmg. The app keeps its data in
# ~/Library/Application Support/hamstring-coach, so replacing or deleting the .app keeps it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app_name="Hamstring Coach"
app="$root/dist/$app_name.app"
version="${1:-$(python3 -c 'from importlib.metadata import version; print(version("hamstring-coach"))')}"
arch="$(uname -m)"
dmg="$root/dist/hamstring-coach-$version-macos-$arch.dmg"

if [ "$(uname -s)" != "Darwin" ]; then
    echo "make_dmg.sh needs macOS (it uses hdiutil)." >&2
    exit 2
fi
if [ ! -d "$app" ]; then
    echo "$app is missing: build it first with PyInstaller." >&2
    exit 1
fi

# Without a Developer ID the bundle still needs an ad-hoc signature to run on Apple silicon.
codesign --force --deep --sign - "$app"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
hdiutil create -volname "$app_name $version" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$dmg"
hdiutil verify "$dmg"
echo "Wrote $dmg ($(du -h "$dmg" | cut -f1))"
