#!/usr/bin/env bash
# Run one named stage of `make test`, timed:  scripts/stage.sh NAME COMMAND [ARGS...]
# Prints a header and a footer with the duration, and appends "NAME SECONDS ok|failed(RC)" to
# $YECAI_STAGE_LOG (default var/stages.txt) for the summary (scripts/stage.sh --summary).
set -uo pipefail
cd "$(dirname "$0")/.."
LOG=${YECAI_STAGE_LOG:-var/stages.txt}

if [ "${1:-}" = --reset ]; then mkdir -p "$(dirname "$LOG")"; : > "$LOG"; exit 0; fi
if [ "${1:-}" = --summary ]; then
  [ -s "$LOG" ] || exit 0
  echo "---- stage times ----"
  awk '{ printf "  %-22s %6ss  %s\n", $1, $2, $3; t += $2 } END { printf "  %-22s %6ss\n", "total", t }' "$LOG"
  exit 0
fi

name=$1; shift
mkdir -p "$(dirname "$LOG")"
echo ""
echo "==> [$name] $*"
start=$(date +%s)
"$@"
rc=$?
secs=$(( $(date +%s) - start ))
if [ "$rc" -eq 0 ]; then
  echo "<== [$name] ok in ${secs}s"
  echo "$name $secs ok" >> "$LOG"
else
  echo "<== [$name] FAILED (exit $rc) after ${secs}s" >&2
  echo "$name $secs failed($rc)" >> "$LOG"
fi
exit "$rc"
