#!/usr/bin/env bash
# Builds the sample engine with the readiness report switch, opens the HTML report in headless
# Chromium and saves a screenshot (docs/report-screenshot.png by default).
#
#   scripts/report-screenshot.sh [output.png]
#
# Needs Debian's Chromium: `apt-get install chromium` (or chromium-headless-shell).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/docs/report-screenshot.png}"

browser=""
for candidate in chromium chromium-headless-shell chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "report-screenshot: no Chromium found; install it with: apt-get install chromium" >&2
  exit 2
fi

dotnet build "$root/samples/TradingEngine" -p:ReadinessReport=true -tl:off -v:m >/dev/null
html="$root/samples/TradingEngine/bin/Debug/net10.0/readiness/TradingEngine.html"
[ -f "$html" ] || { echo "report-screenshot: $html was not written" >&2; exit 1; }

headless=()
[ "$browser" = chromium-headless-shell ] || headless=(--headless)
"$browser" "${headless[@]}" --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1280,1800 --screenshot="$out" "file://$html" 2>/dev/null
echo "report-screenshot: $out (from $html, $browser)"
