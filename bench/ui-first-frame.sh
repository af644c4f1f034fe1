#!/usr/bin/env bash
# Time from start to the explorer's first interactive frame (the module tree drawn) on a
# pseudo-terminal made by script(1), 100×30; then, on the same kind of terminal, the text output
# (--no-tui) to its end. The output is checked every 100 ms, so the watcher costs little CPU and
# the figures are good to ±0.1 s.
#
#   bash bench/ui-first-frame.sh <repo> [runs]     (needs script(1) from util-linux)
#
# Both cold (--no-cache) and cached (a private cache folder, warmed first); a summary at the end.
set -u
repo=$(realpath "$1") runs=${2:-3}
cli=$(realpath "$(dirname "$0")/../bin/busfactor.js")

# Runs a command on a fresh pseudo-terminal; prints the ms until its output shows the pattern,
# then presses q.
watch() {
  local dir start
  dir=$(mktemp -d)
  mkfifo "$dir/in"
  start=$(date +%s%N)
  script -qfc "stty cols 100 rows 30; $1" "$dir/out" < "$dir/in" > /dev/null &
  exec 3>"$dir/in"
  local waited=timeout
  for _ in $(seq 3000); do # at most 5 minutes
    if grep -q "$2" "$dir/out" 2>/dev/null; then waited=$(( ($(date +%s%N) - start) / 1000000 )); break; fi
    sleep 0.1
  done
  echo "$waited"
  printf q >&3
  exec 3>&-
  wait
  rm -rf "$dir"
}

# Cold runs read no cache; cached runs use a private cache folder warmed once by the explorer's
# own analysis (it keeps the commits a trend needs, so its entry serves the explorer).
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
# The scan's own time varies by a second or more between runs on two busy cores, so each run is a
# pair, taken in alternating order, and the summary is the median of the pairs' differences.
summary() { # label, printf format of a figure (%+d for a difference); then one figure (ms) per line on stdin
  sort -n | awk -v label="$1" -v f="$2" '{a[NR]=$1; s+=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%s: median " f " ms, mean " f " ms, from " f " to " f " ms over %d runs\n", label, m, s/NR, a[1], a[NR], NR}'
}
pair() { # explorer command, text command; prints "explorer text"
  local ui text
  if (( i % 2 )); then ui=$(watch "$1" "top key person"); text=$(watch "$2" "^DONE=1")
  else text=$(watch "$2" "^DONE=1"); ui=$(watch "$1" "top key person"); fi
  echo "$ui $text"
}
cold=() cached=()
for i in $(seq "$runs"); do
  read -r ui text < <(pair "exec node '$cli' '$repo' --no-cache" "node '$cli' '$repo' --no-tui --no-cache; echo DONE""=1")
  echo "run $i, cold: explorer first interactive frame ${ui} ms; text output (--no-tui) ${text} ms; load $(cut -d' ' -f1 /proc/loadavg)"
  cold+=("$((ui - text))")
done
watch "exec node '$cli' '$repo' --cache-dir '$cache'" "top key person" > /dev/null
node "$cli" "$repo" --no-tui --cache-dir "$cache" > /dev/null 2>&1
for i in $(seq "$runs"); do
  read -r ui text < <(pair "exec node '$cli' '$repo' --cache-dir '$cache'" "node '$cli' '$repo' --no-tui --cache-dir '$cache'; echo DONE""=1")
  echo "run $i, cached: explorer first interactive frame ${ui} ms; text output (--no-tui) ${text} ms; load $(cut -d' ' -f1 /proc/loadavg)"
  cached+=("$ui")
done
printf '%s\n' "${cold[@]}" | summary "cold, explorer − text" "%+d"
printf '%s\n' "${cached[@]}" | summary "cached, explorer first frame" "%d"
