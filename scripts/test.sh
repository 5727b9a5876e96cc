#!/usr/bin/env bash
# Runs every test: unit tests, the agent's loopback tests, and the end-to-end tests against a local
# lab of containers (real sshd, sysctl, ip, iptables, nginx, curl through the VIP).
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

# the agent holds 10,000 idle connections in one test
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

export TESTCONTAINERS_RYUK_DISABLED=true
mvn -B -Dlab=true install
