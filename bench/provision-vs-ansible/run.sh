#!/usr/bin/env bash
# Provisioning benchmark: lvsplay vs ansible-playbook on the same playbook and the same lab
# containers, at 3 hosts (1 director + 2 real servers) and 51 hosts (1 + 50).
# Prints first-run and re-run times and the ratio ansible/lvsplay; checks both tools leave the
# hosts in the same state. Loopback and the lab's own containers only; bounded in time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
sizes="${BENCH_SIZES:-2 50}"          # real servers per lab
subnet="${BENCH_SUBNET:-10.241.0.0/24}"
name="${BENCH_NAME:-bench}"           # lab name: containers and networks are lvsplay-NAME-*
work="$(mktemp -d /tmp/lvsplay-bench.XXXXXX)"
results="$root/bench/results/provision-vs-ansible.md"
trap './lvsplay lab down --name "$name" --state-dir "$work/state" >/dev/null 2>&1 || true; rm -rf /tmp/lvsplay-bench-cp' EXIT

command -v ansible-playbook >/dev/null || {
  echo "installing Debian's ansible-core + ansible (reference tool)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q ansible-core ansible >/dev/null; }
bash lab/setup-host.sh >/dev/null
[ -f cli/target/lvsplay.jar ] || mvn -q -B -Dmaven.test.skip=true package
./lvsplay --version >/dev/null   # builds and warms the class-data sharing archive

export ANSIBLE_CONFIG="$here/ansible.cfg"
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

lab_up() {
  ./lvsplay lab up --name "$name" --real-servers "$1" --subnet "$subnet" --state-dir "$work/state" >/dev/null
}

timed() { # timed LOGFILE CMD... -> prints seconds; fails the benchmark if the command fails
  local log="$1"; shift
  local t0 t1
  t0=$(now); "$@" >"$log" 2>&1 || { echo "FAILED: $* (see $log)" >&2; tail -30 "$log" >&2; exit 1; }; t1=$(now)
  elapsed "$t0" "$t1"
}

snapshot() { # the state both tools must agree on, per host
  for c in $(docker ps --filter label=lvsplay.lab="$name" --format '{{.Names}}' | sort); do
    echo "== $c"
    docker exec "$c" sh -c 'sysctl net.ipv4.conf.all.arp_ignore net.ipv4.conf.all.arp_announce \
      net.ipv4.conf.lo.arp_ignore net.ipv4.conf.all.send_redirects 2>/dev/null;
      ip -o -4 addr show | awk "{print \$2, \$4, \$NF}" | sort;
      for f in /etc/sysctl.d/90-lvs-*.conf /etc/network/interfaces.d/lvs-vip /etc/ipvsadm.rules /var/www/html/index.html; do
        [ -f "$f" ] && { echo "-- $f"; cat "$f"; }; done; cat /etc/lvs-hosts 2>/dev/null || true'
  done
}

# round trips per host of one lvsplay run (counted in the transport, printed on stderr at the end)
trips() { python3 -c "import re,sys; m=re.search(r'round trips: total=(\d+) hosts=(\d+)', open(sys.argv[1]).read()); print(f'{int(m[1])/int(m[2]):.0f}')" "$1"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
export LVSPLAY_ROUND_TRIPS=1
load_before=$(load)
echo "load average before: $load_before"

rows=()
before_rows=()
for n in $sizes; do
  hosts=$((n + 1))
  inv="$work/state/$name/inventory.ini"
  if [ -n "${BENCH_BEFORE:-}" ]; then
    # the transport as it was: one SSH channel (and one shell) per command
    lab_up "$n"
    old_first=$(LVSPLAY_PERSISTENT_SHELL=0 timed "$work/old-first-$n.log" ./lvsplay run -f "$hosts" -i "$inv" "$here/playbook.yml")
    old_again=$(LVSPLAY_PERSISTENT_SHELL=0 timed "$work/old-again-$n.log" ./lvsplay run -f "$hosts" -i "$inv" "$here/playbook.yml")
    before_rows+=("| $hosts | channel per command | $old_first | $(trips "$work/old-first-$n.log") | $old_again | $(trips "$work/old-again-$n.log") |")
  fi
  lab_up "$n"
  lvs_check=$(timed "$work/check-$n.log" ./lvsplay run -f "$hosts" -i "$inv" "$here/playbook.yml" --check)
  lvs_first=$(timed "$work/lvsplay-first-$n.log" ./lvsplay run -f "$hosts" -i "$inv" "$here/playbook.yml")
  lvs_again=$(timed "$work/lvsplay-again-$n.log" ./lvsplay run -f "$hosts" -i "$inv" "$here/playbook.yml")
  [ -n "${BENCH_BEFORE:-}" ] && before_rows+=("| $hosts | persistent shell | $lvs_first | $(trips "$work/lvsplay-first-$n.log") | $lvs_again | $(trips "$work/lvsplay-again-$n.log") |")
  grep -q "changed=0 " <(grep ' : ok=' "$work/lvsplay-again-$n.log") || true
  if grep ' : ok=' "$work/lvsplay-again-$n.log" | grep -vq 'changed=0 '; then
    echo "lvsplay re-run changed something at $hosts hosts:" >&2; grep ' : ok=' "$work/lvsplay-again-$n.log" >&2; exit 1
  fi
  snapshot > "$work/state-lvsplay-$n.txt"

  lab_up "$n"
  ans_first=$(timed "$work/ansible-first-$n.log" ansible-playbook -f "$hosts" -i "$inv" "$here/playbook.yml")
  ans_again=$(timed "$work/ansible-again-$n.log" ansible-playbook -f "$hosts" -i "$inv" "$here/playbook.yml")
  snapshot > "$work/state-ansible-$n.txt"
  if ! diff -u "$work/state-ansible-$n.txt" "$work/state-lvsplay-$n.txt" > "$work/state-diff-$n.txt"; then
    echo "the tools left different host states at $hosts hosts:" >&2; head -40 "$work/state-diff-$n.txt" >&2; exit 1
  fi
  rows+=("| $hosts | $ans_first | $lvs_first | $(python3 -c "print(f'{$ans_first/$lvs_first:.1f}')") | $ans_again | $lvs_again | $(python3 -c "print(f'{$ans_again/$lvs_again:.1f}')") | $lvs_check |")
done

version_t=$(timed "$work/version.log" ./lvsplay --version)
load_after=$(load)
echo "load average after: $load_after"
{
  echo "# Provisioning: lvsplay vs ansible-playbook"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(ansible-playbook --version | head -1), lvsplay $(./lvsplay --version | awk '{print $2}'). Same playbook"
  echo "(bench/provision-vs-ansible/playbook.yml), same lab containers, fresh hosts for each tool's first run."
  echo "Ansible: pipelining, ControlPersist, forks = hosts. Times in seconds, wall clock, including start-up."
  echo
  echo "| hosts | ansible first | lvsplay first | ratio | ansible re-run | lvsplay re-run | ratio | lvsplay --check |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "lvsplay --version (JVM start-up): ${version_t} s. Both tools left identical host states (sysctls, addresses, files)."
  echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  if [ ${#before_rows[@]} -gt 0 ]; then
    echo
    echo "lvsplay's transport before and after (same run; round trips per host, counted in the transport):"
    echo
    echo "| hosts | transport | first run | round trips | re-run | round trips |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${before_rows[@]}"
  fi
} | tee "$results"
