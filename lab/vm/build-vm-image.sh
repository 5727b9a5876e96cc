#!/bin/bash
# Builds what an lvsplay lab VM boots: Debian's stock cloud kernel (which has IPVS and IPIP as modules)
# and an ext4 root file system made by debootstrap with sshd, the LVS tools and that kernel's modules.
#
# Output, cached by recipe hash (every file in lab/vm/ plus lab/image/sshd-lab.conf):
#   $LVSPLAY_VM_CACHE/<hash>/vmlinuz          the kernel (booted with qemu -kernel; no initrd: the NVMe
#                                            driver and ext4 are built in)
#   $LVSPLAY_VM_CACHE/<hash>/rootfs.img       raw ext4, the read-only base of every VM's qcow2 overlay
#   $LVSPLAY_VM_CACHE/<hash>/kernel-release   e.g. 6.1.0-56-cloud-amd64 (= uname -r in the VMs)
# An unchanged recipe is not rebuilt; the kernel is the one apt offered when the image was built.
#
# Usage: build-vm-image.sh [--force]     (root; prints the image directory on the last line)
# Environment: LVSPLAY_VM_CACHE (default /var/cache/lvsplay/vm)
set -euo pipefail

SUITE=bookworm
# The container image's list (lab/image/build-image.sh) minus the JRE: a VM director has kernel IPVS, so
# lvs_dataplane=auto never picks the Java agent there, and the JRE would add ~200 MB and a minute of build.
PACKAGES=(
  openssh-server iproute2 iputils-ping curl procps iptables python3 sudo kmod
  keepalived ipvsadm nginx-light tcpdump heartbeat ldirectord
)
# Host tools the build and the VM lab need, with the Debian packages that provide them.
HOST_TOOLS=(debootstrap:debootstrap qemu-system-x86_64:qemu-system-x86 qemu-img:qemu-utils
            mkfs.ext4:e2fsprogs ssh:openssh-client ip:iproute2 iptables:iptables flock:util-linux)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${LVSPLAY_VM_CACHE:-/var/cache/lvsplay/vm}"
force=false
[[ "${1:-}" == "--force" ]] && force=true

step() { echo "build-vm-image: $*" >&2; }
die() { echo "build-vm-image: error: $*" >&2; exit 1; }

recipe_hash() {
  local f
  for f in $(find "$here" -maxdepth 1 -type f ! -name README.md | LC_ALL=C sort) "$repo/lab/image/sshd-lab.conf"; do
    printf '%s\n' "$(basename "$f")"
    cat "$f"
  done | sha256sum | cut -c1-12
}

image_complete() {
  [[ -s "$1/vmlinuz" && -s "$1/rootfs.img" && -s "$1/kernel-release" ]]
}

hash="$(recipe_hash)"
out="$cache/$hash"
if ! $force && image_complete "$out"; then
  step "VM image $hash already built (recipe unchanged): $out"
  echo "$out"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || die "must run as root to build the VM image (debootstrap, chroot and apt need it)"

missing=()
for tool in "${HOST_TOOLS[@]}"; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then
  step "installing ${missing[*]}"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >&2 \
    || die "could not install ${missing[*]}; install them with apt-get and retry"
fi

mkdir -p "$cache"
# Two builds of the same recipe (two engineers, two test runs) must not write the same directory.
exec 9>"$cache/.build.lock"
step "taking the build lock $cache/.build.lock"
flock 9
if ! $force && image_complete "$out"; then
  step "VM image $hash was built while waiting: $out"
  echo "$out"
  exit 0
fi

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

# The kernel package apt would install for linux-image-cloud-amd64, else the newest versioned one it knows.
cloud_kernel_package() {
  local pkg
  pkg="$(apt-cache depends linux-image-cloud-amd64 2>/dev/null \
           | awk '/Depends: linux-image-[0-9].*-cloud-amd64/ {print $2; exit}')"
  if [[ -z "$pkg" ]]; then
    pkg="$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-cloud-amd64$' 2>/dev/null \
             | awk '{print $1}' | sort -V | tail -n1)"
  fi
  echo "$pkg"
}

mirror="$(host_mirror)"
workdir="$(mktemp -d /var/tmp/lvsplay-vm-image.XXXXXX)"
rootfs="$workdir/rootfs"
cleanup() {
  # Never delete a tree that still has the host's /proc mounted in it.
  if mountpoint -q "$rootfs/proc" 2>/dev/null; then
    umount "$rootfs/proc" || { echo "build-vm-image: $rootfs/proc still mounted; left $workdir" >&2; return; }
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

kernel_pkg="$(cloud_kernel_package)"
if [[ -z "$kernel_pkg" ]]; then
  step "apt knows no cloud kernel yet: apt-get update"
  apt-get update -q >&2 || die "apt-get update failed"
  kernel_pkg="$(cloud_kernel_package)"
fi
[[ -n "$kernel_pkg" ]] || die "apt offers no linux-image-6.1.0-*-cloud-amd64 package (is a bookworm mirror configured?)"
kernel_release="${kernel_pkg#linux-image-}"

step "downloading $kernel_pkg"
mkdir -p "$workdir/kernel"
# -o APT::Sandbox::User=root: the _apt user cannot write into a root-only mktemp directory.
(cd "$workdir/kernel" && apt-get download -q -o APT::Sandbox::User=root "$kernel_pkg") >&2 \
  || die "apt-get download $kernel_pkg failed"
dpkg -x "$workdir"/kernel/*.deb "$workdir/kernel/unpacked"
[[ -f "$workdir/kernel/unpacked/boot/vmlinuz-$kernel_release" ]] || die "$kernel_pkg has no boot/vmlinuz-$kernel_release"
[[ -n "$(find "$workdir/kernel/unpacked/lib/modules/$kernel_release" -name 'ip_vs.ko*' -print -quit)" ]] \
  || die "$kernel_pkg ships no ip_vs module; the VM lab needs a kernel with IPVS"

step "debootstrap --variant=minbase $SUITE from $mirror"
debootstrap --variant=minbase "$SUITE" "$rootfs" "$mirror" >"$workdir/debootstrap.log" 2>&1 \
  || { tail -n 30 "$workdir/debootstrap.log" >&2; die "debootstrap failed (log above)"; }

step "installing ${PACKAGES[*]}"
cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
SOURCES
# Packages must not start their daemons in the chroot; the playbooks start them with `service` (as in
# the container lab, whose image has the same policy).
printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
chmod 755 "$rootfs/usr/sbin/policy-rc.d"
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
  >"$rootfs/etc/apt/apt.conf.d/90lvsplay-lab"
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
  sh -c "apt-get update -q && apt-get install -y -q ${PACKAGES[*]} && apt-get clean" \
  >"$workdir/apt.log" 2>&1 \
  || { tail -n 30 "$workdir/apt.log" >&2; umount "$rootfs/proc"; die "apt-get install in the chroot failed"; }
umount "$rootfs/proc"

step "adding the $kernel_release modules and the init"
mkdir -p "$rootfs/lib/modules"
cp -a "$workdir/kernel/unpacked/lib/modules/$kernel_release" "$rootfs/lib/modules/"
chroot "$rootfs" depmod "$kernel_release"
install -m 755 "$here/lvsplay-init" "$rootfs/sbin/lvsplay-init"
install -m 644 "$repo/lab/image/sshd-lab.conf" "$rootfs/etc/ssh/sshd_config.d/lvsplay-lab.conf"
install -m 644 "$here/sshd-vm.conf" "$rootfs/etc/ssh/sshd_config.d/lvsplay-vm.conf"
# Debian hosts with systemd have /etc/modules-load.d (systemd ships it; the playbooks write ipvs.conf there
# to load ip_vs at boot); this image has no systemd, so give it the same layout.
mkdir -p "$rootfs/etc/modules-load.d"
ln -sfn ../modules "$rootfs/etc/modules-load.d/modules.conf"
# The kernel opens /dev/console for init before anything is mounted on /dev.
[[ -c "$rootfs/dev/console" ]] || mknod -m 600 "$rootfs/dev/console" c 5 1
[[ -c "$rootfs/dev/null" ]] || mknod -m 666 "$rootfs/dev/null" c 1 3
mkdir -p "$rootfs/root/.ssh"
chmod 700 "$rootfs/root/.ssh"
rm -f "$rootfs"/etc/ssh/ssh_host_*
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/*.log
: >"$rootfs/etc/machine-id"

# Room for what the playbooks and tests write; the file is sparse and every VM writes into its own
# qcow2 overlay, so the spare space costs nothing until used.
used_mb="$(du -sm "$rootfs" | cut -f1)"
size_mb=$((used_mb + 768))
step "making a ${size_mb} MB ext4 image from the ${used_mb} MB root file system"
mkdir -p "$workdir/out"
mkfs.ext4 -q -L lvsplay-root -d "$rootfs" "$workdir/out/rootfs.img" "${size_mb}M" >&2 \
  || die "mkfs.ext4 -d failed (e2fsprogs 1.43 or newer is needed)"
cp "$workdir/kernel/unpacked/boot/vmlinuz-$kernel_release" "$workdir/out/vmlinuz"
echo "$kernel_release" >"$workdir/out/kernel-release"
printf '%s\n' "recipe $hash" "kernel $kernel_pkg" "suite $SUITE" "mirror $mirror" "packages ${PACKAGES[*]}" \
  >"$workdir/out/recipe"

rm -rf "$out"
mv "$workdir/out" "$out"

# Images of older recipes are ~400 MB each: drop those that no running VM has open (its overlay's base).
for old in "$cache"/*/; do
  old="${old%/}"
  [[ "$old" == "$out" || ! -f "$old/rootfs.img" ]] && continue
  if ! find /proc/[0-9]*/fd -lname "$old/*" -print -quit 2>/dev/null | grep -q .; then
    step "removing the image of an older recipe: $old"
    rm -rf "$old"
  fi
done
step "done: $out ($kernel_release, $(du -sm --apparent-size "$out/rootfs.img" | cut -f1) MB image, $(du -sm "$out/rootfs.img" | cut -f1) MB on disk)"
echo "$out"
