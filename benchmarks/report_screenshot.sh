#!/bin/sh
# Look at the weekly report in headless Chromium: a screenshot to inspect by eye, and a DOM check.
#
#   benchmarks/report_screenshot.sh [report.html] [screenshot.png]
#
# Without a report, builds one from a generated database of 50,000 answers (with hostile customer text).
# Needs chromium (Debian: apt-get install chromium; for Chinese quotes a CJK font, e.g. fonts-wqy-microhei).
set -eu
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
REPORT="${1:-}"
SHOT="${2:-/tmp/journeypulse_report.png}"
if [ -z "$REPORT" ]; then
    DIR="$(mktemp -d)"
    "$PY" - "$DIR" <<'PYEOF'
import sys
from pathlib import Path
sys.path[:0] = [".", "benchmarks"]
from report_speed import END_WEEK, generate
from analysis.report import build_weekly_report
out = Path(sys.argv[1])
generate(out / "sample.sqlite3", 50_000, 10)
build_weekly_report(out / "sample.sqlite3", END_WEEK, out)
PYEOF
    REPORT="$DIR/report.html"
fi
CHROMIUM="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
URL="file://$(realpath "$REPORT")"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,6000 \
    --screenshot="$SHOT" "$URL" 2>/dev/null
DOM="$("$CHROMIUM" --headless --no-sandbox --disable-gpu --dump-dom "$URL" 2>/dev/null)"
# The page must hold no script element and no link; its four charts are embedded images.
if printf '%s' "$DOM" | grep -qi '<script'; then echo "FAIL: a <script> element reached the DOM"; exit 1; fi
if printf '%s' "$DOM" | grep -qi '<a '; then echo "FAIL: a link reached the DOM"; exit 1; fi
IMAGES="$(printf '%s' "$DOM" | grep -o "<img [^>]*src=\"data:image/png" | wc -l)"
[ "$IMAGES" -eq 4 ] || { echo "FAIL: expected 4 embedded charts, found $IMAGES"; exit 1; }
echo "ok: $REPORT renders with 4 embedded charts and no script; screenshot: $SHOT"
