#!/usr/bin/env bash
# lvsplay demo: on a fresh Debian machine, as root, builds a lab LVS cluster in Docker and proves it
# through the VIP.  ./lvsplay demo [--backend container|vm] [--mode dr|nat|tun] [--name LAB]
# --backend vm: the same on QEMU VMs with Debian's cloud kernel, so kernel IPVS forwards (verify
# prints `ipvsadm -Ln --stats`: the Route/Masq/Tunnel column shows the kernel did it).
#   1. lab/setup-host.sh: Docker engine, debootstrap, dockerd, the lab image (vm: qemu, debootstrap)
#   2. builds lvsplay if the jar is missing
#   3. lvsplay lab up --topology MODE --scheduler rr
#   4. lvsplay run playbooks/site.yml, then lvsplay verify (distribution table)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=dr
name=lvsplay
backend=container

usage() {
  echo "usage: $0 [--backend container|vm] [--mode dr|nat|tun] [--name LAB]" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --mode) [ $# -ge 2 ] || usage; mode="$2"; shift 2 ;;
    --mode=*) mode="${1#--mode=}"; shift ;;
    --name) [ $# -ge 2 ] || usage; name="$2"; shift 2 ;;
    --backend) [ $# -ge 2 ] || usage; backend="$2"; shift 2 ;;
    --backend=*) backend="${1#--backend=}"; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
case "$mode" in dr|nat|tun) ;; *) echo "--mode must be dr, nat or tun" >&2; exit 2 ;; esac
case "$backend" in container|vm) ;; *) echo "--backend must be container or vm" >&2; exit 2 ;; esac

step() { printf '\n==> %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "the demo installs Docker and starts containers: run it as root" >&2
  exit 1
fi

cd "$here"
export LVSPLAY_HOME="$here"

if [ "$backend" = vm ]; then
  step "preparing this host for VMs (qemu, debootstrap; the VM image is built by lab up)"
  if ! command -v qemu-system-x86_64 >/dev/null || ! command -v debootstrap >/dev/null; then
    apt-get update -q && apt-get install -y -q qemu-system-x86 debootstrap
  fi
else
  step "preparing this host (Docker engine, lab image): lab/setup-host.sh"
  "$here/lab/setup-host.sh"
fi

if [ ! -f "$here/cli/target/lvsplay.jar" ]; then
  step "building lvsplay"
  if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
    apt-get update -q && apt-get install -y -q maven openjdk-17-jdk-headless
  fi
  mvn -q -B -Dmaven.test.skip=true package
fi
lvsplay="$here/lvsplay"

step "starting the lab '$name' (topology $mode, $backend backend)"
"$lvsplay" lab up --backend "$backend" --name "$name" --topology "$mode" --scheduler rr
inventory=".lab/$name/inventory.ini"

step "building the LVS-${mode^^} cluster: lvsplay run -i $inventory playbooks/site.yml"
"$lvsplay" run -i "$inventory" playbooks/site.yml

step "proving it through the VIP: lvsplay verify -i $inventory"
"$lvsplay" verify -i "$inventory"

if [ "$backend" = vm ]; then
  cat <<EOT

The LVS-${mode^^} cluster is up on VMs, forwarded by kernel IPVS (the director's ipvsadm -Ln --stats
is above). Next:
  re-run (changes nothing):  ./lvsplay run -i $inventory playbooks/site.yml
  verify again:              ./lvsplay verify -i $inventory --requests 40
  tear the lab down:         ./lvsplay lab down --backend vm --name $name
EOT
  exit 0
fi

cat <<EOT

The LVS-${mode^^} cluster is up and verified. Next:
  re-run (changes nothing):  ./lvsplay run -i $inventory playbooks/site.yml
  verify again:              ./lvsplay verify -i $inventory --requests 40
  weighted round robin:      edit rs_weight / lvs_scheduler=wrr in $inventory, then run site.yml again
  the director's table:      docker exec lvsplay-$name-director java -jar /opt/lvsplay/lvsplay-agent.jar list -n --stats
                             (kernel IPVS: docker exec lvsplay-$name-director ipvsadm -Ln --stats)
  a shell on a host:         docker exec -it lvsplay-$name-rs1 bash
  reset for another mode:    ./lvsplay run -i $inventory playbooks/lvs-teardown.yml
  tear the lab down:         ./lvsplay lab down --name $name
EOT
