#!/usr/bin/env bash
# One long TCP stream (1 GiB by default) through the agent with splice, the agent with the copying NIO relay,
# HAProxy with and without splicing, and no proxy at all, on loopback, in the same run. For each: throughput and the
# CPU seconds the proxy process spent per GiB (utime+stime from /proc/PID/stat, all its threads).
#
#   bench/agent-vs-haproxy/stream.sh             # SIZE_MB=1024 REPEAT=3; prints a markdown table
#
# Needs: java 17, haproxy, python3 (stream source and sink); builds the agent jar if missing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/agent/target/lvsplay-agent.jar"
SIZE_MB="${SIZE_MB:-1024}"
REPEAT="${REPEAT:-3}"
NPROC="$(nproc)"
TCK="$(getconf CLK_TCK)"
WORK="$(mktemp -d /tmp/agent-stream.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

for tool in java haproxy python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y haproxy)" >&2; exit 1; }
done
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -o -pl agent package -DskipTests)

# Loopback only: the source on 127.0.0.1, the proxies on 127.0.0.3x.
SRC=18381; SPLICE=127.0.0.31:18390; NIO=127.0.0.32:18390; HAP=127.0.0.33:18390; HAPNS=127.0.0.34:18390

# The source: every connection gets SIZE_MB MiB (a 1 MiB random block repeated), then FIN.
cat > "$WORK/source.py" <<'PY'
import os, socket, sys, threading
port, size = int(sys.argv[1]), int(sys.argv[2]) << 20
block = memoryview(os.urandom(1 << 20))
def serve(c):
    with c:
        left = size
        while left:
            n = c.send(block[:min(left, len(block))])
            left -= n
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(64)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
# The sink: reads to EOF, prints "bytes seconds".
cat > "$WORK/sink.py" <<'PY'
import socket, sys, time
host, port = sys.argv[1].rsplit(":", 1)
buf = bytearray(1 << 20); view = memoryview(buf); total = 0
t0 = time.monotonic()
c = socket.create_connection((host, int(port)))
while True:
    n = c.recv_into(view)
    if n == 0:
        break
    total += n
print(total, time.monotonic() - t0)
PY
python3 "$WORK/source.py" $SRC "$SIZE_MB" &
PIDS+=($!)

AGENT_FLAGS="${AGENT_JVM_FLAGS:-$(sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' "$ROOT/agent/src/main/dist/lvsplay-agent.service")}"
start_agent() { # NAME VIP RELAY
  printf -- '-A -t %s -s rr\n-a -t %s -r 127.0.0.1:%s -m -w 1\n' "$2" "$2" $SRC > "$WORK/$1.rules"
  printf 'event_loops: %s\nrelay: %s\n' "$NPROC" "$3" > "$WORK/$1.yml"
  # shellcheck disable=SC2086
  java $AGENT_FLAGS -jar "$JAR" run --rules "$WORK/$1.rules" --config "$WORK/$1.yml" --control "$WORK/$1.sock" 2> "$WORK/$1.log" &
  PIDS+=($!)
  eval "PID_$1=$!"
}
start_agent splice $SPLICE auto
start_agent nio $NIO nio

start_haproxy() { # NAME VIP OPTION
  cat > "$WORK/$1.cfg" <<HAP
global
  maxconn 1000
  nbthread $NPROC
defaults
  mode tcp
  timeout connect 3s
  timeout client 900s
  timeout server 900s
  $3
frontend vip
  bind $2
  default_backend reals
backend reals
  server a 127.0.0.1:$SRC
HAP
  haproxy -f "$WORK/$1.cfg" -db &
  PIDS+=($!)
  eval "PID_$1=$!"
}
start_haproxy haproxy $HAP "option splice-auto"
start_haproxy haproxy_nosplice $HAPNS "no option splice-auto"

for _ in $(seq 1 100); do grep -q "agent started" "$WORK/splice.log" && grep -q "agent started" "$WORK/nio.log" && break; sleep 0.1; done
grep -h "relay:" "$WORK/splice.log" "$WORK/nio.log" | sed 's/.*INFO/#/' >&2
grep -q "relay: splice" "$WORK/splice.log" || { echo "the agent does not splice here:" >&2; cat "$WORK/splice.log" >&2; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure PATH ADDRESS PID -> appends "path bytes seconds cpu_seconds" to results
measure() {
  local before=0 after=0 out
  [ -n "$3" ] && before=$(cpu_ticks "$3")
  out=$(python3 "$WORK/sink.py" "$2")
  [ -n "$3" ] && after=$(cpu_ticks "$3")
  echo "$1 $out $(awk -v a="$after" -v b="$before" -v t="$TCK" 'BEGIN { printf "%.2f", (a - b) / t }')" >> "$WORK/results"
}

echo "warming up (JIT)..." >&2
for who in "splice $SPLICE" "nio $NIO" "haproxy $HAP"; do set -- $who; python3 "$WORK/sink.py" "$2" >/dev/null; done
: > "$WORK/results"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$REPEAT"); do
  echo "round $round/$REPEAT..." >&2
  measure direct 127.0.0.1:$SRC ""
  measure agent-splice $SPLICE "$PID_splice"
  measure agent-nio $NIO "$PID_nio"
  measure haproxy-splice $HAP "$PID_haproxy"
  measure haproxy-nosplice $HAPNS "$PID_haproxy_nosplice"
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# The agent's own counters saw every byte, spliced or copied (ipvsadm --stats --exact: OutBytes of the service).
stats_out() { java -jar "$JAR" list -n --stats --exact --control "$WORK/$1.sock" | awk '/^TCP/ {print $7}'; }
EXPECTED=$(( (REPEAT + 1) * SIZE_MB * 1048576 ))

echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); host: nproc=$NPROC, $(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo)"
echo "- $(haproxy -v | head -1 | cut -c1-40); $(java -version 2>&1 | head -1)"
echo "- load average before: $LOAD_BEFORE, after: $LOAD_AFTER (shared machine: other jobs run at the same time)"
echo "- stream: ${SIZE_MB} MiB per connection, python3 source on 127.0.0.1 and sink (1 MiB recv_into); $REPEAT rounds, paths interleaved"
echo "- agent: event_loops=$NPROC, JVM flags $AGENT_FLAGS; HAProxy: nbthread=$NPROC, mode tcp, 'option splice-auto' or not"
echo "- agent --stats OutBytes after the run: splice $(stats_out splice), nio $(stats_out nio) (expected $EXPECTED: warm-up + rounds)"
echo
echo "| path | round | MiB/s | proxy CPU s | proxy CPU s per GiB |"
echo "|---|---:|---:|---:|---:|"
awk -v gib="$SIZE_MB" '{ n[$1]++; printf "| %s | %d | %.0f | %s | %s |\n", $1, n[$1], $2 / 1048576 / $3, ($1 == "direct" ? "-" : $4), ($1 == "direct" ? "-" : sprintf("%.2f", $4 * 1024 / gib)) }' "$WORK/results"
echo
echo "| path | median MiB/s | median proxy CPU s per GiB |"
echo "|---|---:|---:|"
for p in direct agent-splice agent-nio haproxy-splice haproxy-nosplice; do
  rate=$(awk -v p="$p" '$1 == p { print $2 / 1048576 / $3 }' "$WORK/results" | sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] }')
  cpu=$(awk -v p="$p" -v gib="$SIZE_MB" '$1 == p { print $4 * 1024 / gib }' "$WORK/results" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }')
  [ "$p" = direct ] && cpu="-"
  echo "| $p | $rate | $cpu |"
done
