#!/usr/bin/env bash
# Runs every test: unit tests, the agent's loopback tests, the end-to-end tests against a local
# lab of containers (real sshd, sysctl, ip, iptables, nginx, keepalived, curl through the VIP), and
# the kernel IPVS tests in qemu VMs.
# Sets up what it needs first (Docker engine from Debian's docker.io, debootstrap, the lab image).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "test.sh: run as root (the lab needs Docker and debootstrap)" >&2
  exit 1
fi
command -v mvn >/dev/null && command -v java >/dev/null || {
  echo "test.sh: installing maven and a JDK"; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven openjdk-17-jdk-headless; }

bash lab/setup-host.sh

# host packages some tests drive for real: Debian's ldirectord (it drives the agent through the
# agent's ipvsadm), nginx (the agent benchmarks' real servers)
need=()
command -v ldirectord >/dev/null || [ -x /usr/sbin/ldirectord ] || need+=(ldirectord)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
# tests compare lvsplay with Debian's ansible-playbook on a sibling host where behaviour is in doubt
command -v ansible-playbook >/dev/null || need+=(ansible)
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]}"
  apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# the agent holds 10,000 idle connections in one test
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

# the VM lab (qemu, a stock Debian kernel with IPVS and ipip) proves the kernel data plane;
# set VMLAB=false to skip it on a machine without /dev/net/tun or a Debian mirror
vmlab="${VMLAB:-true}"
if [ "$vmlab" = true ]; then
  bash lab/vm/build-vm-image.sh
fi

mvn -B -Dlab=true -Dvmlab="$vmlab" install

# performance tests in their own step (idle connections held by the agent, its RSS checked)
bash bench/agent-vs-haproxy/performance-tests.sh
