#!/usr/bin/env bash
# Install Hamstring Coach for you alone: no root, nothing outside your home folder.
#
#   ./install.sh               install, or upgrade an earlier copy
#   ./install.sh --uninstall   remove the program (your own data is kept)
#   PREFIX=/some/dir ./install.sh   use another folder instead of ~/.local
#
# Where things go (with the default PREFIX of ~/.local):
#   ~/.local/lib/hamstring-coach/            the program
#   ~/.local/bin/hamstring-app               a link to start it from a terminal
#   ~/.local/share/applications/             the menu entry
#   ~/.local/share/icons/hicolor/            its icons
#   ~/.local/share/metainfo/                 the description software centres read
# Your check-ins and sessions live elsewhere (~/.local/share/hamstring-coach) and are
# never touched by installing, upgrading or uninstalling.
set -euo pipefail

APP_ID="hamstring-coach"
EXE_NAME="hamstring-app"
DESKTOP_FILE="hamstring-coach.desktop"
METAINFO_FILE="io.github.hamstringcoach.HamstringCoach.metainfo.xml"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
app_dir="$prefix/lib/$APP_ID"
bin_dir="$prefix/bin"
share_dir="$prefix/share"
icons_dir="$share_dir/icons/hicolor"
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/$APP_ID"

say() { printf '%s\n' "$*"; }
fail() { printf 'Could not install: %s\n' "$*" >&2; exit 1; }

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share_dir/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$icons_dir" 2>/dev/null || true
    fi
}

remove_icons() {
    local icon
    for icon in "$icons_dir"/*/apps/"$APP_ID".png "$icons_dir"/*/apps/"$APP_ID".svg; do
        [ -e "$icon" ] && rm -f "$icon"
    done
    return 0
}

uninstall() {
    if [ -L "$bin_dir/$EXE_NAME" ]; then
        rm -f "$bin_dir/$EXE_NAME"
    fi
    rm -rf "$app_dir"
    rm -f "$share_dir/applications/$DESKTOP_FILE" "$share_dir/metainfo/$METAINFO_FILE"
    remove_icons
    refresh_menus
    say "Hamstring Coach has been removed."
    if [ -d "$data_dir" ]; then
        say "Your data is still in $data_dir"
        say "Keep it for a later reinstall, or delete that folder yourself."
    fi
}

install() {
    [ -x "$here/app/$EXE_NAME" ] || fail "$here/app/$EXE_NAME is missing. Run this script from the unpacked download."
    [ -f "$here/share/applications/$DESKTOP_FILE" ] || fail "the menu entry file is missing from $here/share."

    mkdir -p "$prefix/lib" "$bin_dir" "$share_dir/applications" "$share_dir/metainfo" "$icons_dir"

    # Copy next to the old version first, then swap, so a failed copy leaves the old one working.
    local staging="$app_dir.new.$$"
    rm -rf "$staging"
    cp -a "$here/app" "$staging"
    if [ -e "$app_dir" ]; then
        rm -rf "$app_dir.old"
        mv "$app_dir" "$app_dir.old"
    fi
    mv "$staging" "$app_dir"
    rm -rf "$app_dir.old"

    ln -sfn "$app_dir/$EXE_NAME" "$bin_dir/$EXE_NAME"

    # The menu entry starts the program by its full path, so it works even when
    # ~/.local/bin is not on the PATH.
    local exe_path="$app_dir/$EXE_NAME"
    case "$exe_path" in
        *[[:space:]]*) exe_path="\"$exe_path\"" ;;
    esac
    sed -e "s|^Exec=.*|Exec=$exe_path|" -e "s|^TryExec=.*|TryExec=$app_dir/$EXE_NAME|" \
        "$here/share/applications/$DESKTOP_FILE" > "$share_dir/applications/$DESKTOP_FILE"
    chmod 0644 "$share_dir/applications/$DESKTOP_FILE"
    if [ -f "$here/share/metainfo/$METAINFO_FILE" ]; then
        cp "$here/share/metainfo/$METAINFO_FILE" "$share_dir/metainfo/$METAINFO_FILE"
    fi
    if [ -d "$here/share/icons/hicolor" ]; then
        remove_icons
        cp -R "$here/share/icons/hicolor/." "$icons_dir/"
    fi
    refresh_menus

    say "Hamstring Coach is installed."
    say "Start it from your applications menu, or type: $EXE_NAME"
    case ":$PATH:" in
        *":$bin_dir:"*) ;;
        *) say "($bin_dir is not on your PATH, so in a terminal use $bin_dir/$EXE_NAME)" ;;
    esac
    say "To remove it later: $0 --uninstall"
}

case "${1:-}" in
    "") install ;;
    --uninstall) uninstall ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) fail "unknown option '$1'. Use --uninstall, --help, or no option to install." ;;
esac
