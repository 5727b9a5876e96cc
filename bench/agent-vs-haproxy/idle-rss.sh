#!/usr/bin/env bash
# RSS of the agent holding N idle proxied connections, with the JVM flags of the systemd unit (AGENT_JVM_FLAGS to
# compare others). Loopback only: backend on 127.0.0.1, VIP 127.0.0.24, clients from 127.0.4.x.
#
#   bench/agent-vs-haproxy/idle-rss.sh 64 9000      # prints "connections rss_mb anon_mb file_mb" lines
#   EVENT_LOOPS=1 MALLOC_ARENA_MAX=1 AGENT_JVM_FLAGS="..." bench/agent-vs-haproxy/idle-rss.sh 64   # other settings
#
# anon is the process's own memory (heap, metaspace, stacks, malloc); file is mapped files (libjvm.so, the JDK's
# class data archive, the jar), shared with every other JVM on the host.
#
# Each proxied connection costs the agent 2 descriptors; the hard limit here is 20,000 per process, so about
# 9,900 connections fit (10,000 need 20,000 plus the JVM's own ~100).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/agent/target/lvsplay-agent.jar"
FLAGS="${AGENT_JVM_FLAGS:--XX:+UseSerialGC -Xms8m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxDirectMemorySize=256m -Xss256k -XX:ReservedCodeCacheSize=24m -XX:MaxMetaspaceSize=48m -XX:-UsePerfData}"
WORK="$(mktemp -d /tmp/agent-idle-rss.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
ulimit -n "$(ulimit -Hn)"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -o -pl agent package -DskipTests)
BPORT=18281; VPORT=18290
printf -- '-A -t 127.0.0.24:%s -s rr\n-a -t 127.0.0.24:%s -r 127.0.0.1:%s -m\n' $VPORT $VPORT $BPORT > "$WORK/rules"
printf 'event_loops: %s\n' "${EVENT_LOOPS:-2}" > "$WORK/agent.yml"
# shellcheck disable=SC2086
java $FLAGS -jar "$JAR" run --rules "$WORK/rules" --config "$WORK/agent.yml" --control "$WORK/c.sock" 2> "$WORK/agent.log" &
PIDS+=($!); AGENT=$!
python3 - "$BPORT" > "$WORK/backend.log" 2>&1 <<'PY' &
import socket, sys, select
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8192)
held = []
while True:
    c, _ = s.accept(); held.append(c)
PY
PIDS+=($!)
for _ in $(seq 1 100); do [ -S "$WORK/c.sock" ] && break; sleep 0.1; done
sleep 1
echo "# JVM flags: $FLAGS"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "connections rss_mb anon_mb file_mb"
echo "0 $(awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s%.0f", sep, $2/1024; sep=" "}' /proc/$AGENT/status)"
for N in "$@"; do
  python3 - "$VPORT" "$N" "$WORK/c.sock" "$AGENT" <<'PY'
import socket, sys, time
vport, n, pid = int(sys.argv[1]), int(sys.argv[2]), sys.argv[4]
conns = []
for i in range(n):
    c = socket.socket(); c.bind(("127.0.4.%d" % (1 + i % 200), 0)); c.connect(("127.0.0.24", vport)); conns.append(c)
time.sleep(3)
kb = {l.split(":")[0]: int(l.split()[1]) for l in open("/proc/%s/status" % pid) if l.startswith(("VmRSS", "RssAnon", "RssFile"))}
print(n, *(round(kb[k] / 1024) for k in ("VmRSS", "RssAnon", "RssFile")))
for c in conns: c.close()
time.sleep(2)
PY
done
