#!/usr/bin/env bash
# Throughput of the lvsplay forwarding agent against HAProxy (mode tcp, balance roundrobin) and no proxy at all,
# on loopback, with keep-alive and with a new connection per request. Writes bench/results/agent-vs-haproxy.md.
#
#   bench/agent-vs-haproxy/run.sh            # DURATION=10 CONNECTIONS=64 THREADS=2 by default
#
# Needs: java 17, wrk, haproxy, nginx (apt-get install -y wrk haproxy nginx-light); builds the agent jar if missing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/agent/target/lvsplay-agent.jar"
OUT="$ROOT/bench/results/agent-vs-haproxy.md"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
NPROC="$(nproc)"
WORK="$(mktemp -d /tmp/agent-vs-haproxy.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for tool in java wrk haproxy nginx; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y wrk haproxy nginx-light" >&2; exit 1; }
done
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -o -pl agent package -DskipTests)

# Loopback only: backends on 127.0.0.1, proxies on 127.0.0.20 (agent) and 127.0.0.21 (haproxy).
B1=18181; B2=18182; AGENT=127.0.0.20:18190; HAPROXY=127.0.0.21:18190

cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$B1 reuseport backlog=4096; location / { return 200 "A\n"; } }
  server { listen 127.0.0.1:$B2 reuseport backlog=4096; location / { return 200 "B\n"; } }
}
NGINX
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
PIDS+=($!)

cat > "$WORK/rules" <<RULES
-A -t $AGENT -s rr
-a -t $AGENT -r 127.0.0.1:$B1 -m -w 1
-a -t $AGENT -r 127.0.0.1:$B2 -m -w 1
RULES
printf 'event_loops: %s\nbuffer_size: 65536\n' "$NPROC" > "$WORK/agent.yml"
AGENT_FLAGS="${AGENT_JVM_FLAGS:-$(sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' "$ROOT/agent/src/main/dist/lvsplay-agent.service")}"
# shellcheck disable=SC2086
java $AGENT_FLAGS -jar "$JAR" run --rules "$WORK/rules" --config "$WORK/agent.yml" \
  --control "$WORK/control.sock" --pidfile "$WORK/agent.pid" 2> "$WORK/agent.log" &
PIDS+=($!)
AGENT_PID=$!

cat > "$WORK/haproxy.cfg" <<HAP
global
  maxconn 8000
  nbthread $NPROC
defaults
  mode tcp
  timeout connect 3s
  timeout client 900s
  timeout server 900s
frontend vip
  bind $HAPROXY
  default_backend reals
backend reals
  balance roundrobin
  server a 127.0.0.1:$B1
  server b 127.0.0.1:$B2
HAP
haproxy -f "$WORK/haproxy.cfg" -db &
PIDS+=($!)
HAPROXY_PID=$!

for i in $(seq 1 50); do
  curl -sf "http://$AGENT/" >/dev/null 2>&1 && curl -sf "http://$HAPROXY/" >/dev/null 2>&1 && break
  sleep 0.2
done

rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }

# run NAME URL CLOSE(0/1) PID -> "req/s p50 p99 rss"
run() {
  local url=$1 close=$2 pid=$3 hdr=()
  [ "$close" = 1 ] && hdr=(-H 'Connection: close')
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${hdr[@]}" "$url")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$rps $p50 $p99 $( [ -n "$pid" ] && rss_mb "$pid" || echo -)"
}

echo "warming up the agent JIT..." >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://$AGENT/" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H 'Connection: close' "http://$AGENT/" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://$HAPROXY/" >/dev/null

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A R
for mode in keepalive close; do
  c=0; [ "$mode" = close ] && c=1
  echo "measuring $mode..." >&2
  R[direct,$mode]=$(run "http://127.0.0.1:$B1/" $c "")
  R[agent,$mode]=$(run "http://$AGENT/" $c "$AGENT_PID")
  R[haproxy,$mode]=$(run "http://$HAPROXY/" $c "$HAPROXY_PID")
done

ratio() { awk -v a="$1" -v h="$2" 'BEGIN { if (h > 0) printf "%.2f", a / h; else print "-" }'; }
field() { awk -v i="$2" '{print $i}' <<<"$1"; }

{
  echo "# lvsplay agent vs HAProxy (TCP mode), loopback"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- host: nproc=$NPROC, CPU: $(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo)"
  echo "- $(haproxy -v | head -1 | cut -c1-40); $(java -version 2>&1 | head -1); nginx backends (2, worker_processes 1)"
  echo "- load average before the measured runs: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: numbers are noisy)"
  echo "- agent JVM flags: $AGENT_FLAGS (default: the systemd unit's; AGENT_JVM_FLAGS overrides)"
  echo "- wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; agent event_loops=$NPROC, HAProxy nbthread=$NPROC; everything shares the same $NPROC CPUs"
  echo
  echo "| path | connections | req/s | p50 | p99 | proxy peak RSS (MB) |"
  echo "|---|---|---:|---:|---:|---:|"
  for mode in keepalive close; do
    label="keep-alive"; [ "$mode" = close ] && label="new per request"
    for who in direct agent haproxy; do
      r=${R[$who,$mode]}
      echo "| $who | $label | $(field "$r" 1) | $(field "$r" 2) | $(field "$r" 3) | $(field "$r" 4) |"
    done
  done
  echo
  echo "| ratio agent/HAProxy (req/s) | value | target |"
  echo "|---|---:|---:|"
  echo "| keep-alive | $(ratio "$(field "${R[agent,keepalive]}" 1)" "$(field "${R[haproxy,keepalive]}" 1)") | >= 1.0 |"
  echo "| new connection per request | $(ratio "$(field "${R[agent,close]}" 1)" "$(field "${R[haproxy,close]}" 1)") | >= 0.9 |"
} > "$OUT"
cat "$OUT"
