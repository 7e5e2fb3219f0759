#!/usr/bin/env bash
# Refresh the interface translations from the code, and compile them.
#
#   packaging/update_translations.sh           # lupdate: .ts from rolematrix/gui/*.py; lrelease: .qm
#   packaging/update_translations.sh --release # only compile the .ts into .qm
#
# 1. pyside6-lupdate reads every tr()/translate()/QT_TRANSLATE_NOOP string of
#    rolematrix/gui/*.py into the catalogues in resources/translations/:
#      rolematrix_en.ts  the source-language catalogue: every message, English,
#                        the starting point for a new translation (copy it to
#                        rolematrix_<lang>.ts and add the language to
#                        rolematrix/gui/i18n.py)
#      rolematrix_fa.ts  Persian: new messages appear "unfinished", obsolete ones
#                        are dropped; translate them in Qt Linguist
#                        (pyside6-linguist resources/translations/rolematrix_fa.ts)
# 2. pyside6-lrelease compiles each catalogue into the .qm beside it, which the
#    app loads (rolematrix/gui/i18n.py) and the wheel and the bundle ship.
#
# tests/test_i18n.py fails when a Persian message is unfinished or a .qm is
# older than its .ts, so run this after changing interface strings.
#
# Environment: PYTHON (default: the python3 on PATH) must have PySide6 installed;
# the tools are taken from beside it.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT="$ROOT/resources/translations"
PYTHON=${PYTHON:-python3}

tool() {
    # the PySide6 wrapper script beside the interpreter, else one on PATH
    local name=$1 dir
    dir=$("$PYTHON" -c 'import sys, os; print(os.path.dirname(sys.executable))')
    if [ -x "$dir/$name" ]; then
        echo "$dir/$name"
    elif command -v "$name" >/dev/null; then
        command -v "$name"
    else
        echo "update_translations.sh: $name not found (pip install PySide6-Essentials)" >&2
        exit 1
    fi
}

release_only=0
case "${1:-}" in
    --release) release_only=1 ;;
    "") ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "update_translations.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
esac

mkdir -p "$OUT"
cd "$ROOT"
if [ "$release_only" = 0 ]; then
    lupdate=$(tool pyside6-lupdate)
    sources=(rolematrix/gui/*.py)
    "$lupdate" -no-obsolete -locations relative -source-language en \
        -target-language en "${sources[@]}" -ts "$OUT/rolematrix_en.ts"
    "$lupdate" -no-obsolete -locations relative -source-language en \
        -target-language fa "${sources[@]}" -ts "$OUT/rolematrix_fa.ts"
fi

lrelease=$(tool pyside6-lrelease)
for ts in "$OUT"/rolematrix_*.ts; do
    "$lrelease" "$ts" -qm "${ts%.ts}.qm"
done
