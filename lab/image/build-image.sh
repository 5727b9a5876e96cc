#!/bin/bash
# Builds the lvsplay lab host image (Debian bookworm, sshd, JRE, LVS tools) with debootstrap and
# `docker import`: no container registry is needed, only a Debian mirror.
# The tag lvsplay-lab:<hash> names the recipe (every file in this directory), so a changed recipe
# builds a new image and an unchanged one is not rebuilt. lvsplay-lab:latest points at the newest.
# Usage: build-image.sh [--force]   (run as root; prints the image name on the last line)
set -euo pipefail

IMAGE_REPO=lvsplay-lab
SUITE=bookworm
PACKAGES=(
  openssh-server iproute2 iputils-ping curl procps iptables python3 sudo kmod
  openjdk-17-jre-headless keepalived ipvsadm nginx-light tcpdump
  heartbeat ldirectord
)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
force=false
[[ "${1:-}" == "--force" ]] && force=true

step() { echo "build-image: $*"; }
die() { echo "build-image: error: $*" >&2; exit 1; }

docker info >/dev/null 2>&1 || die "docker daemon is not answering: run lab/setup-host.sh"

recipe_hash() {
  local f
  for f in $(find "$here" -maxdepth 1 -type f | LC_ALL=C sort); do
    printf '%s\n' "$(basename "$f")"
    cat "$f"
  done | sha256sum | cut -c1-12
}

# The mirror apt uses on this host (one-line .list or deb822 .sources), skipping security mirrors.
host_mirror() {
  local files=() f uri
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] && files+=("$f")
  done
  if ((${#files[@]})); then
    uri="$( { grep -hE '^[[:space:]]*deb[[:space:]]' "${files[@]}" 2>/dev/null \
                | sed -E 's/\[[^]]*\]//' | awk '{print $2}'
              grep -hiE '^[[:space:]]*URIs:' "${files[@]}" 2>/dev/null | awk '{print $2}'
            } | grep -v security | grep -E '/debian/?$' | head -n1 || true)"
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

tag="$IMAGE_REPO:$(recipe_hash)"
if ! $force && docker image inspect "$tag" >/dev/null 2>&1; then
  step "image $tag already built (recipe unchanged)"
  docker tag "$tag" "$IMAGE_REPO:latest"
  echo "$tag"
  exit 0
fi

# Only an actual build needs root and debootstrap; the cache check above does not.
[[ $(id -u) -eq 0 ]] || die "must run as root to build $tag (debootstrap and chroot need it)"
command -v debootstrap >/dev/null || die "debootstrap is not installed: apt-get install -y debootstrap"

mirror="$(host_mirror)"
workdir="$(mktemp -d /var/tmp/lvsplay-lab-rootfs.XXXXXX)"
rootfs="$workdir/rootfs"

cleanup() {
  # Never delete a tree that still has the host's /proc mounted in it.
  if mountpoint -q "$rootfs/proc" 2>/dev/null; then
    umount "$rootfs/proc" || { echo "build-image: $rootfs/proc still mounted; left $workdir" >&2; return; }
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

step "debootstrap --variant=minbase $SUITE from $mirror into $rootfs"
debootstrap --variant=minbase "$SUITE" "$rootfs" "$mirror" >"$workdir/debootstrap.log" 2>&1 \
  || { tail -n 30 "$workdir/debootstrap.log" >&2; die "debootstrap failed (full log above)"; }

step "configuring apt sources and disabling service autostart (containers have no init)"
cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
SOURCES
printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
chmod 755 "$rootfs/usr/sbin/policy-rc.d"
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
  >"$rootfs/etc/apt/apt.conf.d/90lvsplay-lab"

step "installing ${PACKAGES[*]}"
mount -t proc proc "$rootfs/proc"   # the JRE's postinst (ca-certificates-java) needs /proc
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
  sh -c "apt-get update -q && apt-get install -y -q ${PACKAGES[*]} && apt-get clean" \
  >"$workdir/apt.log" 2>&1 \
  || { tail -n 30 "$workdir/apt.log" >&2; umount "$rootfs/proc"; die "apt-get install in the chroot failed"; }
umount "$rootfs/proc"

step "configuring sshd; removing host keys (each container generates its own) and apt lists"
install -m 644 "$here/sshd-lab.conf" "$rootfs/etc/ssh/sshd_config.d/lvsplay-lab.conf"
mkdir -p "$rootfs/run/sshd" "$rootfs/root/.ssh"
chmod 700 "$rootfs/root/.ssh"
rm -f "$rootfs"/etc/ssh/ssh_host_*
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/*.log
: >"$rootfs/etc/machine-id"

step "importing into docker as $tag"
tar --numeric-owner -C "$rootfs" -c . | docker import \
  -c 'CMD ["/bin/sh","-c","ssh-keygen -A >/dev/null && exec /usr/sbin/sshd -D -e"]' \
  -c 'ENV LANG=C.UTF-8' \
  -c "LABEL lvsplay.image.recipe=${tag#*:}" \
  -m "lvsplay lab host image" - "$tag" >/dev/null
docker tag "$tag" "$IMAGE_REPO:latest"
step "done: $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%d MB", $1/1e6}')"
echo "$tag"
