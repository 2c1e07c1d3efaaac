#!/usr/bin/env bash
# The pilot's demo as a newcomer gets it (.ci/agency --pilot runs .ci/pilot-up): three agencies
# work while the centre is down, then the centre comes up with its own PostgreSQL and every
# agency's morning arrives; the report shows each agency and all together; the dashboard answers
# and a slip's QR code opens the centre's page of its ticket. Run twice: the same day continues,
# nothing is doubled at the centre.
#   tests/pilot_demo.sh BUILD_DIR
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$1
home=$(mktemp -d /tmp/pcn-pilot.XXXXXX)
chmod 755 "$home"
trap '[ "${PCN_KEEP_TEMP:-}" = 1 ] || rm -rf "$home"' EXIT
fail() { echo "pilot_demo: FAILED: $*" >&2; tail -n 20 "$home"/pilote/logs/*.log >&2 || true; exit 1; }
export PCN_PILOT_PORT=${PCN_PILOT_PORT:-7570}
"$top/.ci/pilot-up" --bin "$bin" --home "$home" --once >"$home/run-1.txt" 2>&1 \
  || { status=$?; cat "$home/run-1.txt" >&2; fail "pilot-up exited $status"; }
report=$home/pilote/rapport.txt
for agency in "OPT Bourail  *8  *6" "OPT Koné  *6  *4" "OPT Tadine \(Maré\)  *5  *3" \
              "Toutes les agences  *19  *13"; do
  grep -Eq "^$agency " "$report" || fail "the report has no line « $agency »"
done
[ -s "$home/pilote/rapport/agences.csv" ] || fail "no agences.csv"
[ -s "$home/pilote/rapport/pilote-kone.xlsx" ] || fail "no workbook for Koné"
# a visitor's slip at Koné: its QR code opens the centre's page of the ticket
grep -Eq "opens http://127.0.0.1:[0-9]+/suivre/kone\.[0-9]{8}\.[0-9]+\." "$home/run-1.txt" \
  || fail "no follow address on the slip taken at Koné"
grep -Eq "(personnes? avant vous|Vous êtes le prochain)" "$home/run-1.txt" \
  || fail "the ticket page does not show the people ahead"
"$top/.ci/pilot-up" --bin "$bin" --home "$home" --once >"$home/run-2.txt" 2>&1 \
  || { status=$?; cat "$home/run-2.txt" >&2; fail "second run exited $status"; }
# two mornings (19 tickets each) and the followed slip of the first run
grep -Eq "^Toutes les agences  *39  *26 " "$report" || fail "after two mornings: not 39 tickets, 26 served"
grep -Eq "^ bourail .*\| *16 \|" "$home/run-2.txt" || fail "the centre does not hold Bourail's 16 tickets once each"
echo "pilot_demo: OK (3 agencies and the centre; report in $report)"
