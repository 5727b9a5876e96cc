#!/bin/bash
# Prepares a Debian 12 machine (as root) to run lvsplay labs: installs Docker, debootstrap and the
# OpenSSH client when missing, starts dockerd when it is not answering (there may be no systemd),
# and builds the lab image. Safe to run again: each step is skipped when already done.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
step() { echo "setup-host: $*"; }
die() { echo "setup-host: error: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "run as root (installs packages, starts dockerd, runs debootstrap)"

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || missing+=(openssh-client)
if ((${#missing[@]})); then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
else
  step "docker, debootstrap and openssh-client already installed"
fi

if docker info >/dev/null 2>&1; then
  step "docker daemon already running"
else
  step "starting dockerd in the background (log: /var/log/dockerd.log)"
  nohup dockerd >>/var/log/dockerd.log 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || die "dockerd did not answer within 60 s; see /var/log/dockerd.log"
  step "docker daemon answering"
fi

step "building the lab image (skipped when the recipe is unchanged)"
"$here/image/build-image.sh"
