#!/usr/bin/env bash
# The README's demo as a newcomer gets it on a server: .ci/agency-up with no DISPLAY plays the
# scripted morning under Xvfb; then we check what it left: a picture of each screen, the slips,
# and a report whose counts match the morning (.ci/agency-up, play_morning).
#   tests/agency_demo.sh BUILD_DIR
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$1
home=$(mktemp -d /tmp/pcn-demo.XXXXXX)
trap '[ "${PCN_KEEP_TEMP:-}" = 1 ] || rm -rf "$home"' EXIT
fail() { echo "agency_demo: FAILED: $*" >&2; tail -n 20 "$home"/logs/*.log >&2 || true; exit 1; }

env -u DISPLAY PCN_PORT=${PCN_PORT:-6555} PCN_PRINTER=file PCN_DEMO_PAUSE=0.3 \
  "$top/.ci/agency-up" --bin "$bin" --home "$home" --once || fail "agency-up exited $?"
out=$home/sortie
for png in borne affichage guichet-1 guichet-2; do
  [ -s "$out/$png.png" ] || fail "no picture $out/$png.png"
  [ "$(head -c 4 "$out/$png.png" | tail -c 3)" = PNG ] || fail "$png.png is not a PNG"
done
slips=$(find "$out/tickets" -name '*.pdf' | wc -l)
[ "$slips" -eq 9 ] || fail "expected the 9 slips of the morning, found $slips"
[ -s "$out/rapport.txt" ] || fail "no report"
[ -s "$out/rapport-tickets-par-service.csv" ] || fail "no CSV report"
[ -s "$out/rapport.xlsx" ] || fail "no workbook"
grep -q "Total" "$out/rapport.txt" || fail "the report has no total line"
# Running it again continues the same day: the numbers go on, nothing is issued twice.
env -u DISPLAY PCN_DEMO_PAUSE=0.3 "$top/.ci/agency-up" --bin "$bin" --home "$home" --once \
  || fail "second run exited $?"
slips=$(find "$out/tickets" -name '*.pdf' | wc -l)
[ "$slips" -eq 18 ] || fail "expected 18 slips after two mornings, found $slips"
echo "agency_demo: OK (pictures, 18 slips, report in $out)"
