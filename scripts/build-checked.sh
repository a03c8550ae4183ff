#!/usr/bin/env bash
# Builds (arguments go to `swift build`) and fails if our own code has any compiler warning.
# Dependencies' warnings are not ours to fix and are ignored.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build "$@" >"$log" 2>&1
status=$?
if [ $status -ne 0 ]; then
  grep -E "error:" "$log" | sort -u | head -40
  tail -20 "$log"
  exit $status
fi
if grep -E "^/[^ ]*/(Sources|Tests|Fuzz)/[^ ]*\.swift:[0-9]+:[0-9]+: warning:" "$log" | grep -v "/\.build" | sort -u; then
  echo "The build has warnings; fix them." >&2
  exit 1
fi
tail -1 "$log"
