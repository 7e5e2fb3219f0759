#!/usr/bin/env bash
# Put RoleMatrix in the desktop menu and make *.rolematrix files open with it.
#
# Installs the desktop entry, the application icon (hicolor, every size plus the
# SVG), the MIME type and the AppStream metainfo, then refreshes the caches the
# desktop reads (each only if its tool is installed).
#
#   packaging/install-desktop.sh                         # for you: ~/.local/share
#   packaging/install-desktop.sh --exec "$PWD/packaging/dist/rolematrix/rolematrix"
#                                                        # ... starting the bundle
#   sudo packaging/install-desktop.sh --prefix /usr/local   # for everyone
#   packaging/install-desktop.sh --uninstall             # take it all out again
#
# Options:
#   --prefix DIR    install under DIR/share (default: ${XDG_DATA_HOME:-~/.local/share})
#   --datadir DIR   install under DIR exactly (it holds applications/, icons/, mime/)
#   --exec PATH     the program the menu entry starts (default: rolematrix, found on PATH)
#   --uninstall     remove what an install put there
set -euo pipefail

APP_ID=io.github.rolematrix.RoleMatrix
MIME_TYPE=application/x-rolematrix
SIZES=(16 24 32 48 64 128 256 512)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RESOURCES=$(cd "$HERE/../resources" && pwd)

datadir="${XDG_DATA_HOME:-$HOME/.local/share}"
user_install=1
exec_path=""
uninstall=0

die() { echo "install-desktop: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; datadir="$2/share"; user_install=0; shift 2 ;;
        --datadir) [ $# -ge 2 ] || die "--datadir needs a folder"; datadir="$2"; user_install=0; shift 2 ;;
        --exec) [ $# -ge 2 ] || die "--exec needs a program"; exec_path="$2"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
done

desktop_file="$datadir/applications/$APP_ID.desktop"
mime_file="$datadir/mime/packages/$APP_ID.xml"
metainfo_file="$datadir/metainfo/$APP_ID.metainfo.xml"
icon_files=("$datadir/icons/hicolor/scalable/apps/$APP_ID.svg")
for size in "${SIZES[@]}"; do
    icon_files+=("$datadir/icons/hicolor/${size}x${size}/apps/$APP_ID.png")
done

refresh_caches() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$datadir/mime"
    else
        echo "install-desktop: update-mime-database not found (package shared-mime-info): the file type is known after the next login" >&2
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$datadir/applications"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$datadir/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$datadir/icons/hicolor" || true
    fi
}

if [ "$uninstall" = 1 ]; then
    rm -f "$desktop_file" "$mime_file" "$metainfo_file" "${icon_files[@]}"
    refresh_caches
    echo "RoleMatrix desktop integration removed from $datadir"
    exit 0
fi

if [ -n "$exec_path" ]; then
    [ -x "$exec_path" ] || die "$exec_path is not an executable program"
    exec_path=$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")
    case "$exec_path" in
        *[[:space:]\"\'\\\$\`\|\&\;\<\>\(\)%]*) die "$exec_path: the program's path must not contain spaces, quotes or shell characters" ;;
    esac
elif ! command -v rolematrix >/dev/null 2>&1; then
    echo "install-desktop: warning: 'rolematrix' is not on PATH; the menu entry will not start until it is (or use --exec)" >&2
fi

install -d "$datadir/applications" "$datadir/mime/packages" "$datadir/metainfo" \
    "$datadir/icons/hicolor/scalable/apps"
if [ -n "$exec_path" ]; then
    sed -e "s|^Exec=rolematrix |Exec=$exec_path |" \
        "$RESOURCES/linux/$APP_ID.desktop" >"$desktop_file"
    chmod 644 "$desktop_file"
else
    install -m 644 "$RESOURCES/linux/$APP_ID.desktop" "$desktop_file"
fi
install -m 644 "$RESOURCES/linux/$APP_ID.mime.xml" "$mime_file"
install -m 644 "$RESOURCES/linux/$APP_ID.metainfo.xml" "$metainfo_file"
install -m 644 "$RESOURCES/icons/rolematrix.svg" "$datadir/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in "${SIZES[@]}"; do
    install -d "$datadir/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$RESOURCES/icons/rolematrix-$size.png" \
        "$datadir/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done

refresh_caches

# For your own account, also make RoleMatrix the default for its documents.
if [ "$user_install" = 1 ] && command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP_ID.desktop" "$MIME_TYPE" || true
fi

echo "RoleMatrix desktop integration installed in $datadir"
