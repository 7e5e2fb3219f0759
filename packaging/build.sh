#!/usr/bin/env bash
# Build the RoleMatrix one-folder bundle and check that it runs.
#
#   packaging/build.sh               # venv + PyInstaller + smoke test -> packaging/dist/rolematrix/
#   packaging/build.sh --smoke-only  # only run the smoke test on an existing bundle
#
# Environment: PYTHON (default python3, must be 3.11 or newer) builds the venv in
# packaging/build/venv; the bundle lands in packaging/dist/rolematrix/.
# The smoke test runs the bundle from a temporary folder outside the source tree
# with a clean environment, so it proves the bundle carries everything it needs.
# Exit status: 0 built and smoke-tested; 1 a build step failed; 3 the smoke test failed.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD="$HERE/build"
DIST="$HERE/dist"
VENV="$BUILD/venv"
BUNDLE="$DIST/rolematrix"
PYTHON=${PYTHON:-python3}

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nbuild.sh: FAILED: %s\n' "$*" >&2; exit "${2:-1}"; }

smoke_only=0
case "${1:-}" in
    --smoke-only) smoke_only=1 ;;
    "") ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (try --help)" 2 ;;
esac

started=$(date +%s)

if [ "$smoke_only" = 0 ]; then
    step "Python environment in $VENV"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || fail "$PYTHON is older than Python 3.11"
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV" || fail "could not create the venv with $PYTHON"
    fi
    "$VENV/bin/python" -m pip install --quiet --upgrade pip || fail "pip could not upgrade itself"
    step "pip install . pyinstaller"
    # A plain (not editable) install: the bundle holds what a wheel would.
    "$VENV/bin/python" -m pip install --quiet "$ROOT" "pyinstaller>=6.6,<7" \
        || fail "pip install . pyinstaller"

    step "PyInstaller ($("$VENV/bin/pyinstaller" --version))"
    rm -rf "$BUNDLE"
    (cd "$BUILD" && "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
        --distpath "$DIST" --workpath "$BUILD/work" "$HERE/rolematrix.spec") \
        || fail "PyInstaller could not build the bundle (see the messages above)"
fi

[ -x "$BUNDLE/rolematrix" ] || fail "no bundle at $BUNDLE/rolematrix (run without --smoke-only first)"

# ----------------------------------------------------------------- smoke test
step "Smoke test of $BUNDLE"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/rolematrix-smoke-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
smoke_failed=()

# Run one smoke step from the scratch folder with nothing of this checkout or
# its venv visible: no PYTHONPATH, no venv, a fresh HOME.
smoke() {
    local name=$1; shift
    printf -- '--- %s: %s\n' "$name" "$*"
    if (cd "$scratch" && env -i PATH=/usr/bin:/bin HOME="$scratch/home" LANG=C.UTF-8 \
            QT_QPA_PLATFORM=offscreen "$@") >"$scratch/out.txt" 2>&1; then
        sed 's/^/    /' "$scratch/out.txt" | head -n 20
        echo "    ok"
    else
        local status=$?
        sed 's/^/    /' "$scratch/out.txt" | tail -n 40
        echo "    FAILED (exit status $status)"
        smoke_failed+=("$name")
    fi
}

mkdir -p "$scratch/home"
app="$BUNDLE/rolematrix"
doc="$scratch/x.rolematrix"
pdf="$scratch/x.pdf"
smoke "version" "$app" --version
smoke "templates" "$app" templates
smoke "new from a template" "$app" new "$doc" --template agency-am-pm
smoke "export to PDF" "$app" export "$doc" --output "$pdf"
smoke "the PDF is a PDF" sh -c "head -c 5 '$pdf' | grep -q '%PDF-'"
# Persian text needs the bundled fonts (resources/fonts) and shaping.
smoke "Persian template to PDF" sh -c "'$app' new '$scratch/fa.rolematrix' --template fa-am-pm \
    && '$app' export '$scratch/fa.rolematrix' --output '$scratch/fa.pdf' && test -s '$scratch/fa.pdf'"
# The editor has no way to quit by itself: it passes when it is still running
# after a few seconds (timeout's status 124), i.e. it started without crashing.
smoke "editor starts (offscreen)" sh -c "timeout 8 '$app' '$doc'; test \$? -eq 124"

elapsed=$(( $(date +%s) - started ))
size=$(du -sh "$BUNDLE" | cut -f1)
files=$(find "$BUNDLE" -type f | wc -l)
printf '\nBundle: %s (%s, %s files), %d s\n' "$BUNDLE" "$size" "$files" "$elapsed"
if [ ${#smoke_failed[@]} -gt 0 ]; then
    fail "smoke test step(s) failed: $(printf '[%s] ' "${smoke_failed[@]}")" 3
fi
echo "Smoke test passed."
