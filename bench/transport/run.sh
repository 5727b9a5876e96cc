#!/usr/bin/env bash
# The transport alone: lvsplay with one SSH channel per command (LVSPLAY_PERSISTENT_SHELL=0, as
# before) and with the persistent shell, interleaved, on the same lab containers. Prints the load
# average, every run's wall time, the median per mode and the round trips per host.
# Usage: bench/transport/run.sh [REAL_SERVERS] [REPEATS]; BENCH_NAME / BENCH_SUBNET choose the lab.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
n="${1:-2}"
repeats="${2:-5}"
name="${BENCH_NAME:-transport}"
subnet="${BENCH_SUBNET:-10.242.0.0/24}"
work="$(mktemp -d /tmp/lvsplay-transport.XXXXXX)"
trap './lvsplay lab down --name "$name" --state-dir "$work/state" >/dev/null 2>&1 || true' EXIT
./lvsplay lab up --name "$name" --real-servers "$n" --subnet "$subnet" --state-dir "$work/state" >/dev/null
inv="$work/state/$name/inventory.ini"
hosts=$(grep -c ansible_host= "$inv")
export LVSPLAY_ROUND_TRIPS=1
echo "hosts: $hosts; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A times
for i in $(seq "$repeats"); do
  for mode in 0 1; do
    t0=$(date +%s.%N)
    LVSPLAY_PERSISTENT_SHELL=$mode ./lvsplay run -f "$hosts" -i "$inv" "$here/many-commands.yml" >"$work/run.log" 2>"$work/err.log" \
      || { cat "$work/run.log" "$work/err.log" >&2; exit 1; }
    t=$(python3 -c "print(f'{$(date +%s.%N) - $t0:.2f}')")
    times[$mode]+="$t "
    echo "run $i persistent_shell=$mode: $t s, $(grep -o 'round trips: .*' "$work/err.log")"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in 0 1; do
  echo "persistent_shell=$mode median: $(printf '%s\n' ${times[$mode]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s"
done
