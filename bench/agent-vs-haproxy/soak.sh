#!/usr/bin/env bash
# Memory soak: for DURATION seconds (default 300) clients from 100,000 distinct loopback addresses (127.1.0.0 up)
# make short connections to a persistent TCP service (-p 60: every client network gets a template), while a UDP
# flood comes from 50,000 source addresses. The agent's RSS is sampled every 10 s; flat means bounded.
#
#   bench/agent-vs-haproxy/soak.sh               # DURATION=300
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/agent/target/lvsplay-agent.jar"
DURATION="${DURATION:-300}"
FLAGS="${AGENT_JVM_FLAGS:-$(sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' "$ROOT/agent/src/main/dist/lvsplay-agent.service")}"
WORK="$(mktemp -d /tmp/agent-soak.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
ulimit -n "$(ulimit -Hn)"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -o -pl agent package -DskipTests)
TB=18381; UB=18382; VT=18390; VU=18391
cat > "$WORK/rules" <<RULES
-A -t 127.0.0.25:$VT -s rr -p 60
-a -t 127.0.0.25:$VT -r 127.0.0.1:$TB -m
-A -u 127.0.0.25:$VU -s rr
-a -u 127.0.0.25:$VU -r 127.0.0.1:$UB -m
RULES
printf 'event_loops: 2\nmetrics: 127.0.0.1:18392\ntimeouts: {tcp: 900, tcpfin: 120, udp: 30}\nlimits: {udp_flows: 4096, persistence_templates: 262144}\n' > "$WORK/agent.yml"
# shellcheck disable=SC2086
java $FLAGS -jar "$JAR" run --rules "$WORK/rules" --config "$WORK/agent.yml" --control "$WORK/c.sock" 2> "$WORK/agent.log" &
PIDS+=($!); AGENT=$!
python3 - "$TB" "$UB" <<'PY' &
import socket, sys, threading
t = socket.socket(); t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); t.bind(("127.0.0.1", int(sys.argv[1]))); t.listen(4096)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", int(sys.argv[2])))
def udp():
    while True:
        d, a = u.recvfrom(2048); u.sendto(d, a)
threading.Thread(target=udp, daemon=True).start()
while True:
    c, _ = t.accept()
    try:
        c.recv(64); c.sendall(b"ok\n")
    finally:
        c.close()
PY
PIDS+=($!)
for _ in $(seq 1 100); do [ -S "$WORK/c.sock" ] && break; sleep 0.1; done
sleep 1
python3 - "$VT" "$DURATION" <<'PY' &
import socket, sys, time
port, end = int(sys.argv[1]), time.time() + int(sys.argv[2])
i = 0
while time.time() < end:
    n = i % 100000
    src = "127.%d.%d.%d" % (1 + n // 65536, (n // 256) % 256, n % 256)
    try:
        c = socket.socket(); c.bind((src, 0)); c.connect(("127.0.0.25", port)); c.sendall(b"hi\n"); c.recv(16); c.close()
    except OSError:
        pass
    i += 1
print("tcp connections:", i, file=sys.stderr)
PY
PIDS+=($!)
python3 - "$VU" "$DURATION" <<'PY' &
import socket, sys, time
port, end = int(sys.argv[1]), time.time() + int(sys.argv[2])
i = errors = 0
while time.time() < end:
    n = i % 50000
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.bind(("127.%d.%d.%d" % (10 + n // 65536, (n // 256) % 256, n % 256), 0)); s.sendto(b"x" * 64, ("127.0.0.25", port))
    except OSError:
        errors += 1  # EPERM when the kernel's neighbour/socket buffers push back under the flood
    finally:
        s.close()
    i += 1
print("udp datagrams:", i, "send errors:", errors, file=sys.stderr)
PY
PIDS+=($!)
echo "# JVM flags: $FLAGS"
metric() { awk -v n="$1" '$1 ~ "^"n"[{]" {s += $NF} END {print s + 0}' <<<"$2"; }
echo "| seconds | agent RSS (MB) | templates | UDP flows | UDP flows refused | TCP conns total | load avg |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for t in $(seq 0 10 "$DURATION"); do
  m=$(curl -s http://127.0.0.1:18392/metrics || true)
  echo "| $t | $(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$AGENT/status) | $(metric lvsplay_agent_service_persistence_templates "$m") |" \
       "$(metric lvsplay_agent_service_udp_flows "$m") | $(metric lvsplay_agent_service_udp_flows_refused_total "$m") |" \
       "$(metric lvsplay_agent_service_connections_total "$m") | $(cut -d' ' -f1 /proc/loadavg) |"
  sleep 10
done
