#!/usr/bin/env bash
# Renders a review sheet (`parkscan review sheet`) in Debian's headless Chromium and checks
# that every embedded photo decodes: the sheet's own script counts decoded images in
# body[data-decoded-images] and marks broken ones. Also writes a screenshot beside the sheet.
#
#   scripts/check-review-sheet.sh [DB] [EVIDENCE_DIR]      (default: the `make demo` database)
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-bench-out/demo.sqlite}
evidence=${2:-bench-out/demo-evidence}
parkscan=${PARKSCAN:-.build/release/parkscan}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    echo "chromium is not installed: apt-get install -y chromium" >&2
    exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out/profile"' EXIT
sheet="$out/sheet.html"
"$parkscan" review sheet --db "$db" --evidence "$evidence" --status pending_review --out "$sheet"
expected=$(grep -o 'src="data:image/' "$sheet" | wc -l)
dom=$("$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$out/profile" \
    --virtual-time-budget=5000 --dump-dom "file://$sheet" 2>/dev/null)
decoded=$(grep -o 'data-decoded-images="[0-9]*"' <<<"$dom" | grep -o '[0-9]*' || echo 0)
"$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$out/profile" --window-size=1200,1600 \
    --screenshot="$out/sheet.png" "file://$sheet" >/dev/null 2>&1
echo "$sheet: $decoded of $expected embedded images decoded by $("$chromium" --version 2>/dev/null); screenshot $out/sheet.png"
[ "$decoded" -eq "$expected" ] && [ "$expected" -gt 0 ]
