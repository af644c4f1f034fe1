#!/usr/bin/env bash
# Drives the built CLI's explorer in tmux on a repository and saves the screens
# (`tmux capture-pane`): main, detail, what-if with two people leaving, people, help, after quit.
#
#   bash bench/ui-capture.sh <repo> <out-dir> [columns] [rows]     (needs tmux)
set -u
repo=$(realpath "$1") out=$2 cols=${3:-100} rows=${4:-30}
cli=$(realpath "$(dirname "$0")/../bin/busfactor.js")
name=$(basename "$repo" .git)
[ "$name" = repo ] && name=$(basename "$(dirname "$repo")")
mkdir -p "$out"
S="tmux -L busfactor-capture-$$"
env -u CI $S new-session -d -x "$cols" -y "$rows" -s c "bash --norc --noprofile"
$S send-keys -t c "clear && node '$cli' '$repo'; echo EXIT""=\$?" Enter
start=$(date +%s%N)
until $S capture-pane -p -t c | grep -q "top key person"; do
  if $S capture-pane -p -t c | grep -q "^EXIT=" || [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 300 ]; then
    echo "$name: the explorer did not open"; $S capture-pane -p -t c; $S kill-server; exit 1
  fi
  sleep 0.2
done
echo "$name ${cols}x${rows}: first interactive frame after about $(( ($(date +%s%N) - start) / 1000000 )) ms (tmux, polled every 0.2 s)"
snap() { sleep 0.4; $S capture-pane -p -t c > "$out/$name-${cols}x${rows}-$1.txt"; }
snap 1-main
$S send-keys -t c j; snap 2-detail
$S send-keys -t c Tab; snap 3-detail-focused
$S send-keys -t c Tab g x x; snap 4-what-if
$S send-keys -t c p; snap 5-people-what-if
$S send-keys -t c c; snap 6-people
$S send-keys -t c '?'; snap 7-help
$S send-keys -t c q; sleep 0.2; $S send-keys -t c q; sleep 0.5
$S capture-pane -p -t c > "$out/$name-${cols}x${rows}-8-after-quit.txt"
echo "alternate screen after quit: $($S display -p -t c '#{alternate_on}')" >> "$out/$name-${cols}x${rows}-8-after-quit.txt"
$S kill-server
echo "screens in $out/$name-${cols}x${rows}-*.txt"
