#!/usr/bin/env bash
# Makes docs/report.png: the HTML report of a folder (default examples/) as headless
# Chromium shows it at 1280×2000. Needs chromium (.ci/install-browser.sh).
#
#   scripts/report_screenshot.sh [FOLDER] [OUTPUT.png]
#   SCRAPELINT=target/debug/scrapelint scripts/report_screenshot.sh   # skip the release build
set -euo pipefail
cd "$(dirname "$0")/.."

folder="${1:-examples}"
png="${2:-docs/report.png}"
bin="${SCRAPELINT:-}"
if [ -z "$bin" ]; then
    cargo build --release --locked --quiet
    bin=target/release/scrapelint
fi
browser="$(command -v chromium || echo /usr/bin/chromium)"
[ -x "$browser" ] || { echo "chromium not installed: run .ci/install-browser.sh" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" report --isolated --title "scrapelint report: $folder" "$folder" -o "$work/report.html"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1280,2000 --screenshot="$png" "file://$work/report.html" 2>/dev/null
echo "wrote $png"
