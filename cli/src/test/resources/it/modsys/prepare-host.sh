#!/bin/sh
# Makes a lab host's apt see only a local repository, so apt tests never reach the network:
# lvsplay-demo 1.0 in the repo, lvsplay-local 1.0 as a .deb file, lvsplay-gone installed.
set -e
[ -f /etc/apt/sources.list ] && mv /etc/apt/sources.list /etc/apt/sources.list.off
mkdir -p /opt/modsys/repo /opt/modsys/debs
mk() {
  d=$(mktemp -d); mkdir -p "$d/DEBIAN" "$d/usr/share/$1"; echo "$1 $2" > "$d/usr/share/$1/VERSION"
  printf 'Package: %s\nVersion: %s\nArchitecture: all\nMaintainer: lvsplay <lab@lvsplay.invalid>\nDescription: lvsplay lab package\n' "$1" "$2" > "$d/DEBIAN/control"
  dpkg-deb -b -Zgzip "$d" "$3/$1_$2_all.deb" >/dev/null; rm -rf "$d"
}
mk lvsplay-demo 1.0 /opt/modsys/repo
mk lvsplay-local 1.0 /opt/modsys/debs
mk lvsplay-gone 1.0 /opt/modsys/debs
cd /opt/modsys/repo
for f in *.deb; do
  dpkg-deb -f "$f"; echo "Filename: ./$f"; echo "Size: $(stat -c %s "$f")"; echo "SHA256: $(sha256sum "$f" | cut -d' ' -f1)"; echo
done > Packages
printf 'Origin: lvsplay\nLabel: lvsplay\nSuite: lab\nCodename: lab\n' > Release
echo 'deb [trusted=yes] file:/opt/modsys/repo ./' > /etc/apt/sources.list.d/modsys.list
dpkg -i /opt/modsys/debs/lvsplay-gone_1.0_all.deb >/dev/null
# the package lists start stale, as on a host that was never updated
rm -rf /var/lib/apt/lists/* /var/lib/apt/periodic/update-success-stamp
touch -d '2020-01-01 00:00:00' /var/lib/apt/lists
